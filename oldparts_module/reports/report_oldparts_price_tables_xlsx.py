# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class ReportOldpartsPriceTableXlsx(models.AbstractModel):
    """The price tables as spreadsheets that Odoo's Import takes back: the
    header row is the first row and holds the field labels in the user's
    language (Import maps them by itself), the first column the External ID
    (Import updates the same records instead of adding copies), values as
    an import-compatible export gives them (names, selection labels) but
    numbers and dates as numbers and dates."""
    _name = 'report.oldparts_module.xlsx_price_table'
    _inherit = 'report.oldparts_module.xlsx'
    _description = 'Old-Part Price Table Spreadsheet'

    _table_fields = []
    _table_kinds = {}

    def _sheet_name(self):
        return _('Prices')

    def generate_xlsx_report(self, workbook, data, records):
        formats = self._xlsx_formats(workbook)
        fields_info = records.fields_get(self._table_fields, ['string'])
        columns = [_('External ID')] + [fields_info[name]['string'] for name in self._table_fields]
        kinds = ['text'] + [self._table_kinds.get(name, 'text') for name in self._table_fields]
        rows = records.export_data(['id'] + self._table_fields, raw_data=True)['datas']
        sheet = workbook.add_worksheet(self._sheet_name())
        self._xlsx_table(sheet, formats, 0, columns, rows, kinds)


class ReportOldpartsStructuralReferenceXlsx(models.AbstractModel):
    """附件十-十二 结构旧件重量及处理价格 (参考标准一/二/三)."""
    _name = 'report.oldparts_module.xlsx_structural_reference'
    _inherit = 'report.oldparts_module.xlsx_price_table'
    _description = 'Structural Part Weights and Prices (Spreadsheet)'

    _table_fields = ['standard', 'crane_model', 'name', 'product_id', 'grade_id',
                     'weight', 'price']
    _table_kinds = {'weight': 'quantity', 'price': 'money'}

    def _sheet_name(self):
        return _('Structural References')


class ReportOldpartsDealerBasePriceXlsx(models.AbstractModel):
    """附件十三 各代理商废品处理基价 (参考标准四)."""
    _name = 'report.oldparts_module.xlsx_dealer_base_price'
    _inherit = 'report.oldparts_module.xlsx_price_table'
    _description = 'Dealer Scrap Base Prices (Spreadsheet)'

    _table_fields = ['dealer_id', 'grade_id', 'date_from', 'price', 'note']
    _table_kinds = {'date_from': 'date', 'price': 'money'}

    def _sheet_name(self):
        return _('Dealer Base Prices')
