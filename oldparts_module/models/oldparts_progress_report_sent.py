# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OldpartsProgressReportSent(models.Model):
    """The week a dealer's progress report was mailed: the weekly job sends
    it once per dealer, company and ISO week, however often it runs (the
    unique key also stops two concurrent runs)."""
    _name = 'oldparts.progress.report.sent'
    _description = 'Weekly Progress Report Sent'
    _order = 'week desc, id desc'

    _sql_constraints = [
        ('week_dealer_company_uniq', 'unique(company_id, dealer_id, week)',
         'The progress report of this week was already sent to this dealer.'),
    ]

    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 index=True, ondelete='cascade')
    dealer_id = fields.Many2one('res.partner', string='Dealer', required=True,
                                index=True, ondelete='cascade')
    week = fields.Char(string='ISO Week', required=True, help='e.g. 2026-W48')
    mail_id = fields.Many2one('mail.mail', string='Mail', ondelete='set null')
