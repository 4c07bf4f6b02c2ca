# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MONTHS = [(str(number), str(number)) for number in range(1, 13)]


class OldpartsSettlementGenerate(models.TransientModel):
    """Draft settlements of a month for the chosen dealers (all when none)."""
    _name = 'oldparts.settlement.generate'
    _description = 'Generate Old-Part Incentive Settlements'

    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    def _default_month(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return str(today.month - 1 or 12)

    year = fields.Integer(string='Year', required=True, default=_default_year)
    month = fields.Selection(MONTHS, string='Month', required=True, default=_default_month)
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    dealer_ids = fields.Many2many(
        'res.partner', string='Dealers', domain=[('is_oldparts_dealer', '=', True)],
        help='Empty: every dealer with old parts in the company.')

    @api.multi
    def action_generate(self):
        self.ensure_one()
        Settlement = self.env['oldparts.settlement']
        Settlement._check_group('oldparts_module.group_oldparts_specialist')
        if not 2000 <= self.year <= 2100:
            raise ValidationError(_('%(year)s is not a plausible year.') % {'year': self.year})
        settlements = Settlement._generate(
            self.company_id, self.year, int(self.month), self.dealer_ids or None)
        action = self.env.ref('oldparts_module.oldparts_settlement_action').read()[0]
        action['domain'] = [('id', 'in', settlements.ids)]
        return action
