# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import _, api, fields, models

# hand-over still to be made
TO_HAND_OVER_STATES = ('draft', 'classified')
# within this many days of the required date a part shows as urgent
URGENT_DAYS = 2


class OldpartsPart(models.Model):
    """What the dealer portal shows of the ledger: the filters of the parts
    list, the days left or overdue, a dealer's month."""
    _inherit = 'oldparts.part'

    @api.model
    def _oldparts_portal_filters(self):
        """``{key: (label, domain)}`` of the portal's parts list, in order."""
        return [
            ('all', _('All'), []),
            ('to_hand_over', _('To Hand Over'), [
                ('state', 'in', TO_HAND_OVER_STATES), ('handover_date', '=', False)]),
            ('overdue', _('Overdue'), [('is_overdue', '=', True)]),
            ('to_return', _('To Return to Company'), [
                ('state', '=', 'handed_over'), ('disposal_type', '=', 'return')]),
            ('local_disposal', _('In Local Disposal'), [('state', '=', 'in_local_disposal')]),
        ]

    @api.model
    def _oldparts_portal_search_domain(self, search):
        """Part number, work order or equipment number."""
        search = (search or '').strip()
        if not search:
            return []
        return ['|', '|', ('name', 'ilike', search), ('work_order_ref', 'ilike', search),
                ('equipment_ref', 'ilike', search)]

    def _oldparts_days_left(self):
        """Days left until the hand-over is due (negative: days overdue),
        counted from the date delays count from; None once handed over."""
        self.ensure_one()
        if self.handover_date or self.state not in TO_HAND_OVER_STATES:
            return None
        base = self._delay_base_date()
        if not base:
            return None
        today = fields.Date.from_string(fields.Date.context_today(self))
        return (fields.Date.from_string(base) - today).days

    def _oldparts_deadline_status(self):
        """(css class, text) of the hand-over deadline for the portal."""
        self.ensure_one()
        days = self._oldparts_days_left()
        if days is None:
            if self.handover_date and self.delay_days:
                return ('warning', _('Handed over %(days)d day(s) late') % {
                    'days': self.delay_days})
            return ('default', '')
        if days < 0:
            return ('danger', _('%(days)d day(s) overdue') % {'days': -days})
        if days <= URGENT_DAYS:
            return ('warning', _('%(days)d day(s) left') % {'days': days})
        return ('success', _('%(days)d day(s) left') % {'days': days})

    @api.model
    def _oldparts_month_bounds(self, month=None):
        """First and last day of ``month`` ('YYYY-MM'; the user's current
        month when empty or not a month)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        try:
            year, mon = [int(x) for x in (month or '').split('-')]
            first = date(year, mon, 1)
        except ValueError:
            first = today.replace(day=1)
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, following - timedelta(days=1)

    @api.model
    def _oldparts_monthly_overview(self, dealer, month=None):
        """A dealer's month (regulation section 6): parts replaced, parts
        whose hand-over fell due, how many of those were handed over on
        time, the on-time rate, and the parts overdue now."""
        first, last = self._oldparts_month_bounds(month)
        start, end = fields.Date.to_string(first), fields.Date.to_string(last)
        base = [('dealer_id', '=', dealer.id), ('state', '!=', 'cancel')]
        replaced = self.search_count(base + [
            ('replacement_date', '>=', start), ('replacement_date', '<=', end)])
        due = self.search(base + [
            ('required_handover_date', '>=', start), ('required_handover_date', '<=', end)])
        handed = due.filtered('handover_date')
        on_time = handed.filtered(lambda p: not p.delay_days)
        return {
            'month': first.strftime('%Y-%m'),
            'previous': (first - timedelta(days=1)).strftime('%Y-%m'),
            'next': (last + timedelta(days=1)).strftime('%Y-%m'),
            'replaced': replaced,
            'due': len(due),
            'handed_over': len(handed),
            'on_time': len(on_time),
            'on_time_rate': round(100.0 * len(on_time) / len(due), 1) if due else None,
            'overdue': self.search(base + [('is_overdue', '=', True)],
                                   order='required_handover_date, id'),
        }
