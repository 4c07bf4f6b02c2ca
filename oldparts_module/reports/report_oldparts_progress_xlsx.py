# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class ReportOldpartsProgressXlsx(models.AbstractModel):
    """附件三 旧件返司进度汇报表 as a spreadsheet: the regulation's columns,
    a heading row per dealer (or region), delay days highlighted, totals per
    group and for the whole report."""
    _name = 'report.oldparts_module.xlsx_progress_report'
    _inherit = 'report.oldparts_module.xlsx'
    _description = 'Return Progress Report (Spreadsheet)'

    def generate_xlsx_report(self, workbook, data, wizards):
        Part = self.env['oldparts.part']
        formats = self._xlsx_formats(workbook)
        columns = Part._progress_report_columns()
        keys = [key for key, _label, _kind in columns]
        for wizard in wizards:
            sheet = workbook.add_worksheet(_('Return Progress'))
            sheet.write_string(0, 0, '%s %s' % (_('Form 3'), _('Old-Part Return Progress Report')),
                               formats['title'])
            sheet.write_string(1, 0, '%s: %s · %s' % (
                _('Period'), wizard._period_label(), wizard._filter_label()))
            groups = Part._progress_report_groups(wizard._report_rows(), wizard.group_by)
            header_row = 3
            widths = [self._text_width(label) for _key, label, _kind in columns]
            for col, (_key, label, _kind) in enumerate(columns):
                sheet.write_string(header_row, col, label, formats['header'])
            row_index = header_row + 1
            totals = {'quantity': 0.0, 'amount_total': 0.0, 'delay_days': 0}
            for group in groups:
                sheet.write_string(row_index, 0, group['name'], formats['group'])
                for col in range(1, len(columns)):
                    sheet.write_blank(row_index, col, None, formats['group'])
                row_index += 1
                for row in group['rows']:
                    for col, (key, _label, kind) in enumerate(columns):
                        cell_format = formats[kind]
                        if key == 'delay_days' and row['delay_days'] > 0:
                            cell_format = formats['late']
                        self._xlsx_write(sheet, row_index, col, row[key], cell_format)
                        if kind == 'text':
                            widths[col] = max(widths[col], self._text_width(row[key]))
                    row_index += 1
                self._total_row(sheet, formats, row_index, keys, group,
                                _('Total %(group)s') % {'group': group['name']})
                widths[0] = max(widths[0], self._text_width(group['name']) + 4)
                row_index += 1
                for key in totals:
                    totals[key] += group[key]
            self._total_row(sheet, formats, row_index, keys, totals, _('Grand Total'))
            for col, (_key, _label, kind) in enumerate(columns):
                width = widths[col] if kind == 'text' else max(widths[col], 11)
                sheet.set_column(col, col, min(max(width + 2, 8), 50))
            sheet.freeze_panes(header_row + 1, 0)
            sheet.autofilter(header_row, 0, row_index, len(columns) - 1)

    def _total_row(self, sheet, formats, row_index, keys, totals, label):
        for col, key in enumerate(keys):
            if col == 0:
                sheet.write_string(row_index, col, label, formats['total_text'])
            elif key in ('quantity', 'amount_total', 'delay_days'):
                kind = {'quantity': 'total_quantity', 'amount_total': 'total_money',
                        'delay_days': 'total_integer'}[key]
                sheet.write_number(row_index, col, totals[key], formats[kind])
            else:
                sheet.write_blank(row_index, col, None, formats['total_text'])
