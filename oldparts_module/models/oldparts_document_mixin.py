# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class OldpartsDocumentMixin(models.AbstractModel):
    """What every old-parts document shares: its number from a sequence
    taken in create() (per company, never burnt by a default), and the
    role and state guards of its action_* methods, with messages in English
    and Chinese."""
    _name = 'oldparts.document.mixin'
    _description = 'Old Parts Document'

    # ir.sequence code of the document's number (name); None: not numbered
    _sequence_code = None

    @api.model
    def create(self, vals):
        if self._sequence_code and vals.get('name', '/') == '/':
            company = self.env['res.company'].browse(vals['company_id']) \
                if vals.get('company_id') else self.env.user.company_id
            vals['name'] = self.env['ir.sequence'].with_context(
                force_company=company.id).next_by_code(self._sequence_code) or '/'
        return super(OldpartsDocumentMixin, self).create(vals)

    def _check_group(self, *xmlids):
        """The current user is in one of the groups (or is the superuser)."""
        if self.env.uid == 1 or any(self.env.user.has_group(x) for x in xmlids):
            return
        names = ', '.join(self.mapped('display_name'))
        raise UserError(_(
            'You are not allowed to do this on %s.\n您无权对 %s 执行此操作。') % (names, names))

    def _check_state(self, allowed, action_label):
        """Every record is in one of the allowed states; ``action_label`` is
        the (English, Chinese) name of the action for the message."""
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields['state']._description_selection(self.env))
            raise UserError(_(
                'Cannot %s: %s is in state "%s".\n无法%s：%s 当前状态为“%s”。'
            ) % (action_label[0], wrong[0].display_name, states[wrong[0].state],
                 action_label[1], wrong[0].display_name, states[wrong[0].state]))
