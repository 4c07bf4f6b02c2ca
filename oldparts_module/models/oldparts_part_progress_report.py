# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

# 附件三 旧件返司进度汇报表: the columns of the regulation (section 6), in its
# order. Each is (row key, English label, kind); the label is translated
# where the report is drawn (see _progress_report_columns).
PROGRESS_COLUMNS = (
    ('request_date', 'date'),
    ('work_order_ref', 'text'),
    ('equipment_ref', 'text'),
    ('material_code', 'text'),
    ('quantity', 'quantity'),
    ('price_unit', 'money'),
    ('amount_total', 'money'),
    ('applicant', 'text'),
    ('region', 'text'),
    ('problem', 'text'),
    ('must_return', 'text'),
    ('replacement_date', 'date'),
    ('required_handover_date', 'date'),
    ('reply_date', 'date'),
    ('delay_days', 'integer'),
    ('handover_date', 'date'),
    ('shipped_date', 'date'),
    ('note', 'text'),
)


class OldpartsPart(models.Model):
    _inherit = 'oldparts.part'

    @api.model
    def _progress_report_columns(self):
        """(key, label, kind) of the progress report's columns, labels in the
        user's language."""
        labels = {
            'request_date': _('Application Date'),
            'work_order_ref': _('Approval No.'),
            'equipment_ref': _('Equipment No.'),
            'material_code': _('Material Code'),
            'quantity': _('Quantity'),
            'price_unit': _('Unit Price'),
            'amount_total': _('Total Price'),
            'applicant': _('Applicant'),
            'region': _('Region'),
            'problem': _('Old-Part Problem'),
            'must_return': _('Must Return?'),
            'replacement_date': _('Completion Date'),
            'required_handover_date': _('Required Hand-over Date'),
            'reply_date': _('Reply Date'),
            'delay_days': _('Delay Days'),
            'handover_date': _('Collection Date'),
            'shipped_date': _('Return Date'),
            'note': _('Remarks'),
        }
        return [(key, labels[key], kind) for key, kind in PROGRESS_COLUMNS]

    @api.model
    def _progress_report_rows(self, domain):
        """The rows of the return progress report (附件三) for the parts the
        user may read within ``domain``: plain dicts (dates as date objects,
        numbers as floats, labels in the user's language), ordered by dealer,
        region and completion date. One search and one read: the weekly mail
        and the spreadsheet of 10,000 parts take the same path."""
        parts = self.search(domain, order='dealer_id, state_id, replacement_date, id')
        yes, no = _('Yes'), _('No')
        to_date = fields.Date.from_string
        rows = []
        for values in parts.read([
                'name', 'dealer_id', 'state_id', 'engineer_id', 'product_id',
                'request_date', 'work_order_ref', 'equipment_ref', 'quantity',
                'price_unit', 'amount_total', 'failure_reason', 'return_required',
                'replacement_date', 'required_handover_date', 'reply_date',
                'delay_days', 'is_overdue', 'handover_date', 'shipped_date', 'note']):
            rows.append({
                'id': values['id'],
                'part': values['name'],
                'dealer_id': values['dealer_id'] and values['dealer_id'][0],
                'dealer': values['dealer_id'] and values['dealer_id'][1] or '',
                'region_id': values['state_id'] and values['state_id'][0],
                'request_date': to_date(values['request_date']),
                'work_order_ref': values['work_order_ref'] or '',
                'equipment_ref': values['equipment_ref'] or '',
                'material_code': values['product_id'] and values['product_id'][1] or '',
                'quantity': values['quantity'],
                'price_unit': values['price_unit'],
                'amount_total': values['amount_total'],
                'applicant': values['engineer_id'] and values['engineer_id'][1] or '',
                'region': values['state_id'] and values['state_id'][1] or '',
                'problem': values['failure_reason'] or '',
                'must_return': yes if values['return_required'] else no,
                'replacement_date': to_date(values['replacement_date']),
                'required_handover_date': to_date(values['required_handover_date']),
                'reply_date': to_date(values['reply_date']),
                'delay_days': values['delay_days'],
                'is_overdue': values['is_overdue'],
                'handover_date': to_date(values['handover_date']),
                'shipped_date': to_date(values['shipped_date']),
                'note': values['note'] or '',
            })
        return rows

    @api.model
    def _progress_report_groups(self, rows, group_by='dealer'):
        """Rows grouped by dealer or region, in order, each group with its
        totals (quantity, amount, delay days, late parts)."""
        groups = []
        index = {}
        key_name = 'region' if group_by == 'region' else 'dealer'
        for row in rows:
            key = row[key_name + '_id'] if key_name == 'dealer' else row['region_id']
            group = index.get(key)
            if group is None:
                group = index[key] = {
                    'name': row[key_name] or _('No Region'), 'rows': [],
                    'quantity': 0.0, 'amount_total': 0.0, 'delay_days': 0, 'late': 0}
                groups.append(group)
            group['rows'].append(row)
            group['quantity'] += row['quantity']
            group['amount_total'] += row['amount_total']
            group['delay_days'] += row['delay_days']
            group['late'] += 1 if row['delay_days'] > 0 else 0
        return groups
