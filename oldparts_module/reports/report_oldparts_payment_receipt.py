# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import float_round

CN_DIGITS = '零壹贰叁肆伍陆柒捌玖'
CN_SMALL_UNITS = ('', '拾', '佰', '仟')
CN_GROUP_UNITS = ('', '万', '亿', '万')


def amount_to_chinese_capital(amount):
    """An amount in yuan in Chinese financial capitals (大写金额), as a
    receipt shows it: 1530.5 -> 壹仟伍佰叁拾元伍角整."""
    cents = int(float_round(abs(amount) * 100, precision_digits=0))
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    text, zero = '', False
    digits = str(yuan)
    for index, char in enumerate(digits):
        position = len(digits) - 1 - index
        digit = int(char)
        if digit == 0:
            zero = True
        else:
            if zero and text:
                text += CN_DIGITS[0]
            zero = False
            text += CN_DIGITS[digit] + CN_SMALL_UNITS[position % 4]
        # 万 / 亿 close a group of four digits that is not all zeros
        if position % 4 == 0 and position > 0 and int(digits[max(0, index - 3):index + 1]):
            text += CN_GROUP_UNITS[position // 4]
    if yuan:
        text += '元'
    if jiao:
        text += CN_DIGITS[jiao] + '角'
    elif fen and yuan:
        text += CN_DIGITS[0]
    if fen:
        text += CN_DIGITS[fen] + '分'
    else:
        text = (text or CN_DIGITS[0] + '元') + '整'
    return ('负' if amount < 0 else '') + text


class ReportOldpartsPaymentReceipt(models.AbstractModel):
    """Payment receipt (附件六 回款单) of an old-part sale: the posted
    customer payment, numbered when it was posted."""
    _name = 'report.oldparts_module.report_oldparts_payment_receipt'
    _description = 'Old-Part Sale Payment Receipt'

    @api.model
    def get_report_values(self, docids, data=None):
        payments = self.env['account.payment'].browse(docids)
        Application = self.env['oldparts.sale.application'].sudo()
        applications = {
            payment.id: Application.search(
                [('invoice_id', 'in', payment.invoice_ids.ids)], limit=1)
            for payment in payments}
        return {
            'doc_ids': docids,
            'doc_model': 'account.payment',
            'docs': payments,
            'applications': applications,
            'amount_in_words': amount_to_chinese_capital,
        }
