# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The arithmetic of the monthly incentive settlement, apart from the ORM:
plain dicts in, plain dicts out, dates as ``datetime.date``. The settlement
model reads the ledger once, calls these functions per dealer and writes
the lines; a port to a newer Odoo changes the reading, not this."""
from datetime import date, timedelta


def to_date(value):
    if not value:
        return None
    if isinstance(value, date):
        return value
    return date(int(value[:4]), int(value[5:7]), int(value[8:10]))


def delay_base(part):
    """The day delays count from: the required hand-over date, or the
    replied date when a reason was given for it (the ledger's rule)."""
    base = part['required_handover_date']
    reply = part['reply_date']
    if reply and (part['reply_reason'] or '').strip() and base and reply > base:
        return reply
    return base


def subtract(interval, taken):
    """``interval`` (first, last) of day ordinals minus the intervals
    ``taken``: the runs of days left, in order."""
    runs = [interval]
    for t_first, t_last in sorted(taken):
        next_runs = []
        for first, last in runs:
            if t_last < first or t_first > last:
                next_runs.append((first, last))
                continue
            if first < t_first:
                next_runs.append((first, t_first - 1))
            if t_last < last:
                next_runs.append((t_last + 1, last))
        runs = next_runs
    return [run for run in runs if run[0] <= run[1]]


def rule_window(rule, first, last):
    """(first, last) ordinals clipped to the rule's validity, or None."""
    first = max(first, rule['date_from'].toordinal())
    if rule['date_to']:
        last = min(last, rule['date_to'].toordinal())
    return (first, last) if first <= last else None


def valid_on(rule, day):
    return rule['date_from'] <= day and (not rule['date_to'] or day <= rule['date_to'])


def beneficiaries(rule, part_engineer):
    """(beneficiary, engineer_id) pairs a rule gives lines to."""
    result = []
    if rule['applies_to'] in ('dealer', 'both'):
        result.append(('dealer', False))
    if rule['applies_to'] in ('engineer', 'both') and part_engineer:
        result.append(('engineer', part_engineer))
    return result


def part_event(rule, part, cutoff):
    """The day a once-per-part rule is breached by the part, or None."""
    kind = rule['kind']
    if kind == 'not_handed_over':
        if not part['replacement_date']:
            return None
        deadline = part['replacement_date'] + timedelta(days=rule['days'])
        if part['handover_date'] and part['handover_date'] <= deadline:
            return None
        return deadline + timedelta(days=1)
    if kind == 'not_shipped':
        if part['disposal_type'] != 'return' or not part['handover_date']:
            return None
        deadline = part['handover_date'] + timedelta(days=rule['days'])
        if part['shipped_date'] and part['shipped_date'] <= deadline:
            return None
        return deadline + timedelta(days=1)
    if kind == 'missing_written_off':
        if part['state'] != 'written_off' or part['responsibility'] != 'dealer':
            return None
        return part['responsibility_date']
    if kind == 'unauthorized_disposal':
        return part['unauthorized_disposal_date']
    return None


def ontime_stats(parts, month_start, month_end, cutoff):
    """(due, on time) of the parts whose hand-over was due in the month
    (up to the cutoff): on time = handed over on or before the day."""
    due = ontime = 0
    for part in parts:
        base = delay_base(part)
        if not base or base < month_start or base > month_end or base > cutoff:
            continue
        due += 1
        if part['handover_date'] and part['handover_date'] <= base:
            ontime += 1
    return due, ontime


def settlement_lines(parts, rules, counted, month_start, month_end, cutoff, rounding=0.01):
    """The lines of one dealer's settlement of a month.

    ``parts``: dicts of the dealer's parts (ids, dates as ``date``);
    ``rules``: dicts of the company's active rules; ``counted``: what
    other (non-cancelled) settlements already counted, as dicts with
    part_id, rule_id, kind, beneficiary, engineer_id, date_from, date_to,
    amount. Returns dicts: rule_id, kind, beneficiary, engineer_id,
    part_id, quantity, date_from, date_to, amount (signed: a penalty is
    negative), capped, rate (the reward's on-time rate)."""
    taken_days = {}      # (part, kind, beneficiary, engineer) -> [(first, last)]
    taken_parts = set()  # (part, kind, beneficiary, engineer)
    charged = {}         # (part, rule, beneficiary, engineer) -> amount so far
    for line in counted:
        key = (line['part_id'], line['kind'], line['beneficiary'], line['engineer_id'])
        if line['kind'] == 'delay_day':
            taken_days.setdefault(key, []).append(
                (line['date_from'].toordinal(), line['date_to'].toordinal()))
        else:
            taken_parts.add(key)
        cap_key = (line['part_id'], line['rule_id'], line['beneficiary'], line['engineer_id'])
        charged[cap_key] = charged.get(cap_key, 0.0) + abs(line['amount'])

    def capped_amount(rule, cap_key, raw):
        cap = rule['cap']
        if not cap:
            return raw, False
        left = max(0.0, cap - charged.get(cap_key, 0.0))
        return (left, True) if raw > left + rounding / 2 else (raw, False)

    def rnd(value):
        return round(round(value / rounding) * rounding, 6)

    lines = []
    cutoff_ord = cutoff.toordinal()
    for rule in rules:
        kind = rule['kind']
        if kind == 'ontime_reward':
            continue
        for part in parts:
            if part['state'] == 'cancel':
                continue
            for beneficiary, engineer in beneficiaries(rule, part['engineer_id']):
                key = (part['id'], kind, beneficiary, engineer)
                cap_key = (part['id'], rule['id'], beneficiary, engineer)
                if kind == 'delay_day':
                    base = delay_base(part)
                    if not base:
                        continue
                    end = part['handover_date'] or cutoff
                    last = min(end.toordinal(), cutoff_ord)
                    window = rule_window(rule, base.toordinal() + 1, last)
                    if not window:
                        continue
                    for first, last in subtract(window, taken_days.get(key, [])):
                        days = last - first + 1
                        amount, capped = capped_amount(rule, cap_key, days * rule['amount'])
                        amount = rnd(amount)
                        charged[cap_key] = charged.get(cap_key, 0.0) + amount
                        taken_days.setdefault(key, []).append((first, last))
                        lines.append({
                            'rule_id': rule['id'], 'kind': kind, 'beneficiary': beneficiary,
                            'engineer_id': engineer, 'part_id': part['id'],
                            'quantity': days, 'date_from': date.fromordinal(first),
                            'date_to': date.fromordinal(last), 'amount': -amount,
                            'capped': capped, 'rate': 0.0})
                else:
                    event = part_event(rule, part, cutoff)
                    if not event or event > cutoff or not valid_on(rule, event) \
                            or key in taken_parts:
                        continue
                    amount, capped = capped_amount(rule, cap_key, rule['amount'])
                    amount = rnd(amount)
                    taken_parts.add(key)
                    charged[cap_key] = charged.get(cap_key, 0.0) + amount
                    lines.append({
                        'rule_id': rule['id'], 'kind': kind, 'beneficiary': beneficiary,
                        'engineer_id': engineer, 'part_id': part['id'], 'quantity': 1,
                        'date_from': event, 'date_to': event, 'amount': -amount,
                        'capped': capped, 'rate': 0.0})
    lines.extend(reward_lines(parts, rules, month_start, month_end, cutoff, rnd))
    return lines


def reward_lines(parts, rules, month_start, month_end, cutoff, rnd=round):
    """The month's on-time reward of the dealer and of each engineer."""
    lines = []
    active = [p for p in parts if p['state'] != 'cancel']
    for rule in rules:
        if rule['kind'] != 'ontime_reward' or not valid_on(rule, min(month_end, cutoff)):
            continue
        groups = []
        if rule['applies_to'] in ('dealer', 'both'):
            groups.append(('dealer', False, active))
        if rule['applies_to'] in ('engineer', 'both'):
            for engineer in sorted({p['engineer_id'] for p in active if p['engineer_id']}):
                groups.append(('engineer', engineer,
                               [p for p in active if p['engineer_id'] == engineer]))
        for beneficiary, engineer, group in groups:
            due, ontime = ontime_stats(group, month_start, month_end, cutoff)
            if not due or due < (rule['min_parts'] or 1):
                continue
            rate = 100.0 * ontime / due
            if rate + 1e-9 < rule['threshold']:
                continue
            amount = rule['amount']
            capped = bool(rule['cap']) and amount > rule['cap']
            if capped:
                amount = rule['cap']
            lines.append({
                'rule_id': rule['id'], 'kind': 'ontime_reward', 'beneficiary': beneficiary,
                'engineer_id': engineer, 'part_id': False, 'quantity': due,
                'date_from': month_start, 'date_to': month_end, 'amount': rnd(amount),
                'capped': capped, 'rate': round(rate, 2)})
    return lines
