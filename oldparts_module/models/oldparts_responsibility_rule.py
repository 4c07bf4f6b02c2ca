# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OldpartsResponsibilityRule(models.Model):
    """How many days after the review date responsibility must be determined
    (section 5 of the regulation), as a table users can edit."""
    _name = 'oldparts.responsibility.rule'
    _description = 'Old Part Responsibility Deadline'
    _order = 'company_id, origin, is_critical, analysis_abroad'

    name = fields.Char(string='Case', required=True, translate=True)
    company_id = fields.Many2one(
        'res.company', string='Company',
        help='Leave empty to apply to every company.')
    origin = fields.Selection(
        [('domestic', 'Domestic'), ('imported', 'Imported')],
        string='Origin', required=True)
    is_critical = fields.Boolean(
        string='Critical Part', help='Domestic parts: critical or not.')
    analysis_abroad = fields.Boolean(
        string='Analysed Abroad', help='Imported parts: analysed abroad or in China.')
    days = fields.Integer(string='Days', required=True)
    active = fields.Boolean(default=True)

    @api.constrains('days')
    def _check_days(self):
        for rule in self:
            if rule.days <= 0:
                raise ValidationError(_('The number of days must be positive.'))

    @api.model
    def _find_for_part(self, part):
        """The company's own rule wins over a rule for every company."""
        domain = [('origin', '=', part.origin),
                  ('company_id', 'in', (part.company_id.id, False))]
        if part.origin == 'imported':
            domain.append(('analysis_abroad', '=', part.analysis_abroad))
        else:
            domain.append(('is_critical', '=', part.is_critical))
        rules = self.sudo().search(domain)
        return rules.filtered('company_id')[:1] or rules[:1]

    def _recompute_open_parts(self):
        parts = self.env['oldparts.part'].sudo().search([
            ('review_date', '!=', False),
            ('state', 'not in', ('responsibility_determined', 'disposed', 'cancel'))])
        parts._recompute_stored(['responsibility_days', 'responsibility_deadline'])

    @api.model
    def create(self, vals):
        rule = super(OldpartsResponsibilityRule, self).create(vals)
        rule._recompute_open_parts()
        return rule

    @api.multi
    def write(self, vals):
        res = super(OldpartsResponsibilityRule, self).write(vals)
        self._recompute_open_parts()
        return res
