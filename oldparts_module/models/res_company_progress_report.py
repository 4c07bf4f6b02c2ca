# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

WEEKDAYS = [
    ('0', 'Monday'), ('1', 'Tuesday'), ('2', 'Wednesday'), ('3', 'Thursday'),
    ('4', 'Friday'), ('5', 'Saturday'), ('6', 'Sunday'),
]


class ResCompany(models.Model):
    _inherit = 'res.company'

    oldparts_progress_mail = fields.Boolean(
        string='Mail the Progress Report Weekly', default=True,
        help="Each week, every dealer's contacts and the old-parts specialists "
             'receive the return progress report (Form 3) of the parts the '
             'dealer still owes, as PDF and spreadsheet.')
    oldparts_progress_mail_weekday = fields.Selection(
        WEEKDAYS, string='Progress Report Weekday', default='0', required=True)
