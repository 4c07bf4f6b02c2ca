# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models


class MailFollowers(models.Model):
    """Following a document is reading it: a user creates followers only on
    old-parts documents it may read (Odoo 11 lets any internal user create a
    follower on any record, which would then bring it the record's messages)."""
    _inherit = 'mail.followers'

    @api.model
    def create(self, vals):
        model = vals.get('res_model') or ''
        if self.env.uid != SUPERUSER_ID and model.startswith('oldparts.') \
                and model in self.env and vals.get('res_id'):
            document = self.env[model].browse(vals['res_id'])
            document.check_access_rights('read')
            document.check_access_rule('read')
        return super(MailFollowers, self).create(vals)
