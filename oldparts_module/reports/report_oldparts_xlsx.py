# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import re

from odoo import fields, models

# characters as wide as two Latin ones (CJK and after)
WIDE_CHARS = re.compile('[\u2e81-\U0010ffff]')


class ReportOldpartsXlsx(models.AbstractModel):
    """What the old-part spreadsheets share: formats (dates as dates, money
    as numbers with the currency's digits), a frozen, filtered header row,
    column widths fitted to the longest text (a CJK character counts two)."""
    _name = 'report.oldparts_module.xlsx'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Old-Part Spreadsheet Helpers'

    def _xlsx_formats(self, workbook, currency=None):
        digits = (currency or self.env.user.company_id.currency_id).decimal_places
        money = '#,##0' + ('.' + '0' * digits if digits else '')
        base = {'font_name': 'Microsoft YaHei', 'font_size': 10, 'valign': 'top'}

        def fmt(**extra):
            return workbook.add_format(dict(base, **extra))
        return {
            'title': fmt(bold=True, font_size=14),
            'header': fmt(bold=True, bg_color='#DDEBF7', border=1, text_wrap=True,
                          valign='vcenter'),
            'text': fmt(text_wrap=True),
            'date': fmt(num_format='yyyy-mm-dd'),
            'money': fmt(num_format=money),
            'quantity': fmt(num_format='#,##0.###'),
            'integer': fmt(num_format='0'),
            'late': fmt(num_format='0', bold=True, font_color='#9C0006', bg_color='#FFC7CE'),
            'group': fmt(bold=True, bg_color='#F2F2F2'),
            'total_text': fmt(bold=True, top=1),
            'total_money': fmt(bold=True, top=1, num_format=money),
            'total_quantity': fmt(bold=True, top=1, num_format='#,##0.###'),
            'total_integer': fmt(bold=True, top=1, num_format='0'),
        }

    @staticmethod
    def _text_width(value):
        if value is None or value is False:
            return 0
        if isinstance(value, (datetime.date, datetime.datetime)):
            return 10
        text = value if isinstance(value, str) else str(value)
        return max(len(line) + len(WIDE_CHARS.findall(line)) for line in text.split('\n'))

    def _xlsx_table(self, sheet, formats, header_row, columns, rows, kinds=None):
        """Write ``columns`` (labels) at ``header_row`` and ``rows`` (lists of
        values) below; freeze the header, add a filter, fit the widths.
        ``kinds`` gives each column's format key (text, date, money, ...).
        Returns the next free row."""
        kinds = kinds or ['text'] * len(columns)
        widths = [self._text_width(label) for label in columns]
        for col, label in enumerate(columns):
            sheet.write_string(header_row, col, label, formats['header'])
        row_index = header_row
        for row_index, values in enumerate(rows, start=header_row + 1):
            for col, value in enumerate(values):
                self._xlsx_write(sheet, row_index, col, value, formats[kinds[col]])
                widths[col] = max(widths[col], self._text_width(value))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width + 2, 8), 60))
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row_index, header_row), len(columns) - 1)
        return row_index + 1

    @staticmethod
    def _xlsx_write(sheet, row, col, value, cell_format):
        if value is None or value is False or value == '':
            sheet.write_blank(row, col, None, cell_format)
        elif isinstance(value, (datetime.date, datetime.datetime)):
            sheet.write_datetime(row, col, value, cell_format)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, cell_format)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, cell_format)
        else:
            sheet.write_string(row, col, str(value), cell_format)

    @staticmethod
    def _as_date(value):
        """A date field's value (a string in Odoo 11) as a date."""
        return fields.Date.from_string(value) if value else None
