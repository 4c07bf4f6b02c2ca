# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'After-Sales Old Parts',
    'summary': 'Return, sell, destroy or give away old parts replaced in '
               'after-sales service, on time and with approvals (售后旧件管理)',
    'version': '11.0.1.0.0',
    'category': 'Inventory',
    'license': 'LGPL-3',
    'author': 'oldparts_module authors',
    'depends': [
        'mail',
        'stock',
        'account_invoicing',
        'l10n_cn',
    ],
    'data': [
        'security/oldparts_security.xml',
        'security/ir.model.access.csv',
        'security/oldparts_returns_security.xml',
        'data/oldparts_data.xml',
        'data/oldparts_returns_data.xml',
        'reports/oldparts_reports.xml',
        'reports/report_oldparts_return_packing_list.xml',
        'reports/report_oldparts_part_label.xml',
        'reports/report_oldparts_freight_request.xml',
        'reports/report_oldparts_inventory_count.xml',
        'reports/report_oldparts_disposal.xml',
        'views/oldparts_part_views.xml',
        'views/res_partner_views.xml',
        'views/oldparts_part_stock_views.xml',
        'views/res_company_returns_views.xml',
        'views/oldparts_freight_request_views.xml',
        'views/oldparts_return_shipment_views.xml',
        'views/oldparts_disposal_views.xml',
        'views/stock_inventory_views.xml',
        'wizards/oldparts_approval_refuse_views.xml',
        'views/oldparts_menus.xml',
    ],
    'demo': [
    ],
    'installable': True,
    'application': True,
}
