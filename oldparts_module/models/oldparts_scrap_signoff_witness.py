# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OldpartsScrapSignoffWitness(models.Model):
    """A person who witnessed a destruction or gift and signs the form."""
    _name = 'oldparts.scrap.signoff.witness'
    _description = 'Scrap Sign-off Witness'
    _inherit = 'oldparts.document.line.mixin'
    _order = 'signoff_id, sequence, id'
    _oldparts_parent_field = 'signoff_id'

    signoff_id = fields.Many2one(
        'oldparts.scrap.signoff', string='Scrap Sign-off', required=True,
        index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related='signoff_id.company_id', store=True, readonly=True)
    user_id = fields.Many2one('res.users', string='User')
    name = fields.Char(string='Name', required=True)
    department = fields.Char(string='Department', required=True)
    job_title = fields.Char(string='Position')
    phone = fields.Char(string='Phone')

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id:
            self.name = self.user_id.name
