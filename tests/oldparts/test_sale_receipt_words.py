"""Amounts in Chinese financial capitals, as the receipt (附件六) shows them."""
from odoo.addons.oldparts_module.reports.report_oldparts_payment_receipt import \
    amount_to_chinese_capital

import pytest


@pytest.mark.parametrize('amount, words', [
    (0, '零元整'),
    (1530, '壹仟伍佰叁拾元整'),
    (1530.5, '壹仟伍佰叁拾元伍角整'),
    (1530.05, '壹仟伍佰叁拾元零伍分'),
    (3800, '叁仟捌佰元整'),
    (10005, '壹万零伍元整'),
    (100100, '壹拾万零壹佰元整'),
    (1050000, '壹佰零伍万元整'),
    (60000.12, '陆万元壹角贰分'),
    (100010000, '壹亿零壹万元整'),
    (0.3, '叁角整'),
])
def test_amount_to_chinese_capital(amount, words):
    """Zeros, 万 and 亿 groups, 角 and 分 as written on Chinese receipts."""
    assert amount_to_chinese_capital(amount) == words
