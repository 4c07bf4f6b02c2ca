# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OldpartsPart(models.Model):
    """What the incentive settlement needs that the ledger did not record:
    a local sale, destruction or gift done without approval (or below the
    floor without an accepted reason). The module's own documents never let
    it happen; the specialist records it when an inspection finds it."""
    _inherit = 'oldparts.part'

    unauthorized_disposal_date = fields.Date(
        string='Unauthorised Disposal Found On', copy=False, index=True,
        track_visibility='onchange',
        help='Recorded by the old-parts specialist: the part was sold, destroyed or '
             'given away locally without approval, or sold below the floor without '
             'an accepted reason. Penalised by the incentive rules.')
    unauthorized_disposal_note = fields.Text(
        string='Unauthorised Disposal', copy=False,
        help='What was found: how the part was disposed of, by whom, at what price.')

    _INCENTIVE_FIELDS = ('unauthorized_disposal_date', 'unauthorized_disposal_note')

    @api.model
    def _check_incentive_rights(self, vals, records=None):
        if self._is_specialist():
            return
        changed = [f for f in self._INCENTIVE_FIELDS if f in vals and (
            any(part[f] != vals[f] for part in records) if records else vals[f])]
        if changed:
            raise UserError(_(
                'Only the old-parts specialist records an unauthorised disposal.'))

    @api.model
    def create(self, vals):
        self._check_incentive_rights(vals)
        return super(OldpartsPart, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_incentive_rights(vals, self)
        return super(OldpartsPart, self).write(vals)
