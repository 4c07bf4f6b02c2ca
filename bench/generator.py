"""Realistic volumes for the benchmarks: a national dealer network.

``generate(env, scale)`` creates, at scale 1.0: 200 dealers in the 31
provinces of mainland China (one engineer user each), 100,000 old parts
replaced over the last three years in every state of the ledger, the
return shipments that carried the returned ones (one 500-part shipment
among them), draft sale applications with quotes, and the price tables
(regional market prices per month and grade, each dealer's base price).

The bulk (parts, shipments and their lines, prices) goes in with COPY, its
stored computed columns (total, required date, delays, proposed type,
responsibility deadline, shipment totals...) computed here by the same
rules as the model's computes (tests/bench/test_generator.py checks them
against what the ORM recomputes). Everything with side effects the
benchmarks may read (dealers and their stock locations, users, products,
sale applications, a sample of parts with their activities, classification
and hand-over stock moves) goes through the ORM.

Bulk parts have no chatter messages, followers or stock moves: the
figures measured do not read them (the ORM sample has them)."""
import io
import random
import time
from datetime import date, datetime, timedelta

from odoo import SUPERUSER_ID, fields
from odoo.tools import float_compare, float_repr


FULL_PARTS = 100000
FULL_DEALERS = 200
YEARS = 3
NOT_PROVINCES = ('台', '港', '澳')     # l10n_cn also lists Taiwan, Hong Kong, Macau

# state mix by age of the part (days since the replacement): recent parts are
# still with the dealer, old ones mostly disposed of; a tail of parts never
# handed over makes the overdue share the daily job deals with
STATE_MIX = [
    (6, {'draft': 45, 'classified': 35, 'handed_over': 15, 'cancel': 5}),
    (30, {'draft': 4, 'classified': 4, 'handed_over': 30, 'in_return': 25,
          'in_local_disposal': 20, 'received': 10, 'disposed': 5, 'cancel': 2}),
    (120, {'draft': 1.5, 'classified': 1.5, 'handed_over': 5, 'in_return': 5,
           'in_local_disposal': 10, 'received': 15, 'responsibility_determined': 20,
           'disposed': 40, 'written_off': 0.5, 'cancel': 2}),
    (None, {'draft': 0.6, 'classified': 0.6, 'handed_over': 0.5, 'in_local_disposal': 1,
            'received': 0.3, 'responsibility_determined': 1.5, 'disposed': 93,
            'written_off': 0.4, 'cancel': 1.5}),
]
RETURN_STATES = ('in_return', 'received', 'responsibility_determined', 'written_off')
REVIEWED_STATES = ('received', 'responsibility_determined', 'written_off')
LOCAL_TYPES = ('local_sale', 'destroy', 'gift')
CATEGORIES = ('electrical', 'chassis', 'structural', 'hydraulic', 'other')
RESPONSIBLE = ('supplier', 'company', 'dealer', 'customer')
HQ_DECISIONS = ('reuse', 'refurbish', 'claim', 'scrap', 'sell')
PART_NAMES = ('液压油缸', '主阀', '回转马达', '变幅油缸', '力矩限制器', '传感器', '控制器',
              '起升卷扬', '支腿油缸', '吊臂第三节臂', '转向节', '制动器', '油泵', '散热器')
REASONS = ('油缸内泄', '阀芯卡滞', '传感器无信号', '马达异响', '焊缝开裂', '密封件老化',
           '线束短路', '轴承损坏')


def _env(env):
    return env(user=SUPERUSER_ID, context=dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, no_reset_password=True, tz='UTC', lang='en_US'))


def _copy(cr, table, columns, rows):
    """COPY rows into table (None is NULL); returns nothing."""
    buf = io.StringIO()
    for row in rows:
        buf.write('\t'.join('\\N' if v is None else str(v).replace('\\', '\\\\')
                            .replace('\t', ' ').replace('\n', ' ') for v in row))
        buf.write('\n')
    buf.seek(0)
    cr._obj.copy_expert('COPY %s (%s) FROM STDIN' % (table, ', '.join(columns)), buf)


def _next_ids(cr, table, count):
    cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (table + '_id_seq', count))
    return [row[0] for row in cr.fetchall()]


class _Spec(object):
    """What _find_for_part reads of a part."""
    def __init__(self, company, origin, is_critical, analysis_abroad):
        self.company_id = company
        self.origin = origin
        self.is_critical = is_critical
        self.analysis_abroad = analysis_abroad


# ---------------------------------------------------------------------------
# the computes of oldparts.part, as plain functions of a row (dict)
# ---------------------------------------------------------------------------
def propose(row, gift_limit, rounding):
    if row['has_claim_value'] or row['rectification_required']:
        return 'return'
    if row['is_reusable'] and row['return_requested'] and float_compare(
            row['estimated_return_cost'], row['reuse_value'],
            precision_rounding=rounding) <= 0:
        return 'return'
    if float_compare(row['scrap_value'], 0.0, precision_rounding=rounding) <= 0:
        return 'destroy'
    if float_compare(row['scrap_value'], gift_limit, precision_rounding=rounding) < 0:
        return 'gift'
    return 'local_sale'


def delays(row, today):
    base = row['required_handover_date']
    if row['reply_date'] and row['reply_reason'] and base and row['reply_date'] > base:
        base = row['reply_date']
    if not base or row['state'] == 'cancel':
        return 0, False
    end = row['handover_date'] or today
    days = max(0, (end - base).days)
    return days, (not row['handover_date'] and days > 0)


class Generator(object):

    def __init__(self, env, scale=1.0, seed=12, log=None):
        self.env = _env(env)
        self.cr = self.env.cr
        self.scale = scale
        self.rng = random.Random(seed)
        self.log = log or (lambda msg: None)
        self.company = self.env.ref('base.main_company')
        self.currency = self.company.currency_id
        self.today = fields.Date.from_string(fields.Date.context_today(self.env['oldparts.part']))
        self.n_parts = max(200, int(round(FULL_PARTS * scale)))
        self.n_dealers = max(31, min(FULL_DEALERS, int(round(FULL_DEALERS * scale))))
        self.stats = {}

    # ------------------------------------------------------------------
    def run(self):
        start = time.time()
        for step in (self._master_data, self._incentive_rules, self._price_tables, self._bulk_parts,
                     self._orm_sample, self._sale_applications, self._analyze):
            step_start = time.time()
            step()
            self.log('%s: %.1f s' % (step.__name__.strip('_'), time.time() - step_start))
        self.stats['seconds'] = round(time.time() - start, 1)
        return self.stats

    def _analyze(self):
        self.cr.execute('ANALYZE')

    # ------------------------------------------------------------------
    def _master_data(self):
        env, rng = self.env, self.rng
        cn = env.ref('base.cn')
        provinces = env['res.country.state'].search([('country_id', '=', cn.id)], order='code')
        self.provinces = provinces.filtered(lambda s: s.code not in NOT_PROVINCES)
        assert len(self.provinces) == 31, self.provinces.mapped('code')
        Partner = env['res.partner']
        Users = env['res.users']
        engineer_group = env.ref('oldparts_module.group_oldparts_engineer')
        self.dealers, self.engineers = [], {}
        for i in range(self.n_dealers):
            province = self.provinces[i % 31]
            dealer = Partner.create({
                'name': '%s第%d代理商' % (province.name, i // 31 + 1),
                'is_company': True, 'is_oldparts_dealer': True,
                'state_id': province.id, 'oldparts_dealer_code': 'BN%03d' % i,
                'company_id': self.company.id})
            self.dealers.append(dealer)
            self.engineers[dealer.id] = Users.create({
                'name': '工程师 %03d' % i, 'login': 'bench_engineer_%03d' % i,
                'password': 'bench_engineer_%03d' % i,
                'email': 'bench_engineer_%03d@example.com' % i,
                'company_id': self.company.id, 'company_ids': [(6, 0, [self.company.id])],
                'oldparts_dealer_id': dealer.id, 'tz': 'UTC',
                'groups_id': [(6, 0, [engineer_group.id])]})
        # a few big dealers do most of the work (weights ~ 1/sqrt(rank))
        self.dealer_weights = [1.0 / (k + 1) ** 0.5 for k in range(self.n_dealers)]
        self.specialists = Users.browse()
        for i in range(2):
            self.specialists |= Users.create({
                'name': '旧件专干 %d' % i, 'login': 'bench_specialist_%d' % i,
                'password': 'bench_specialist_%d' % i,
                'email': 'bench_specialist_%d@example.com' % i,
                'company_id': self.company.id, 'company_ids': [(6, 0, [self.company.id])],
                'tz': 'UTC',
                'groups_id': [(6, 0, [env.ref('oldparts_module.group_oldparts_specialist').id])]})
        Product = env['product.product']
        self.products = []
        for i in range(max(20, int(300 * self.scale))):
            name = PART_NAMES[i % len(PART_NAMES)]
            self.products.append(Product.create({
                'name': '%s %d' % (name, i), 'default_code': 'BN-%05d' % i, 'type': 'product',
                'standard_price': rng.choice((80, 350, 1200, 4800, 16000))}))
        self.suppliers = [Partner.create({'name': '供应商 %d' % i, 'supplier': True,
                                          'is_company': True}) for i in range(10)]
        self.grades = env['oldparts.metal.grade'].search([])
        self.stats.update(dealers=len(self.dealers), provinces=len(self.provinces),
                          products=len(self.products))
        self.log('master data: %d dealers, %d products' % (len(self.dealers), len(self.products)))

    def _incentive_rules(self):
        """One rule of each kind (section 7.4), in force since the first day
        of last month: last month's settlement is the first (the parts of
        the three years before it settled nothing). A kind the company
        already has a rule of (demo data) keeps its rule."""
        last_month = (self.today.replace(day=1) - timedelta(days=1)).replace(day=1)
        first = fields.Date.to_string(last_month)
        Rule = self.env['oldparts.incentive.rule']
        existing = set(Rule.search([('company_id', '=', self.company.id)]).mapped('kind'))
        self.stats['incentive_rules'] = 0
        for values in (
                {'kind': 'delay_day', 'applies_to': 'both', 'amount': 20, 'cap': 600},
                {'kind': 'not_handed_over', 'amount': 100, 'days': 30},
                {'kind': 'not_shipped', 'amount': 200, 'days': 15},
                {'kind': 'missing_written_off', 'amount': 1000},
                {'kind': 'unauthorized_disposal', 'amount': 2000},
                {'kind': 'ontime_reward', 'amount': 500, 'threshold': 95, 'min_parts': 1}):
            if values['kind'] not in existing:
                Rule.create(dict(values, name=values['kind'], date_from=first,
                                 company_id=self.company.id))
                self.stats['incentive_rules'] += 1

    def _price_tables(self):
        rng, cr = self.rng, self.cr
        now = datetime.utcnow().replace(microsecond=0)
        rows = []
        first = date(self.today.year - YEARS, self.today.month, 1)
        months = []
        day = first
        while day <= self.today:
            months.append(day)
            day = date(day.year + (day.month // 12), day.month % 12 + 1, 1)
        base = {grade.id: 1500 + 500 * k for k, grade in enumerate(self.grades)}
        for province in self.provinces:
            for grade in self.grades:
                for month in months:
                    rows.append((province.id, grade.id, month,
                                 round(base[grade.id] * rng.uniform(0.85, 1.2), 2),
                                 '我的钢铁网', self.company.id, self.currency.id,
                                 SUPERUSER_ID, now, SUPERUSER_ID, now))
        _copy(cr, 'oldparts_market_price',
              ('state_id', 'grade_id', 'date', 'price', 'source', 'company_id',
               'currency_id', 'create_uid', 'create_date', 'write_uid', 'write_date'), rows)
        base_rows = []
        for dealer in self.dealers:
            for grade in self.grades:
                base_rows.append((dealer.id, grade.id, first,
                                  round(base[grade.id] * rng.uniform(0.8, 0.95), 2),
                                  self.company.id, self.currency.id,
                                  SUPERUSER_ID, now, SUPERUSER_ID, now))
        _copy(cr, 'oldparts_dealer_base_price',
              ('dealer_id', 'grade_id', 'date_from', 'price', 'company_id', 'currency_id',
               'create_uid', 'create_date', 'write_uid', 'write_date'), base_rows)
        self.env['oldparts.market.price'].invalidate_cache()
        self.stats.update(market_prices=len(rows), dealer_base_prices=len(base_rows))
        self.log('price tables: %d market prices, %d base prices' % (len(rows), len(base_rows)))

    # ------------------------------------------------------------------
    def _state_for_age(self, age):
        for limit, mix in STATE_MIX:
            if limit is None or age <= limit:
                states, weights = zip(*mix.items())
                return self.rng.choices(states, weights)[0]

    def _criteria(self, row, wanted):
        """Criteria whose proposal is ``wanted`` (section 2)."""
        rng, limit = self.rng, self.company.oldparts_gift_value_limit
        row.update(has_claim_value=False, is_reusable=False, rectification_required=False,
                   return_requested=True, estimated_return_cost=0.0, reuse_value=0.0,
                   scrap_value=0.0)
        if wanted == 'return':
            choice = rng.random()
            if choice < 0.6:
                row['has_claim_value'] = True
            elif choice < 0.8:
                row['rectification_required'] = True
            else:
                row.update(is_reusable=True, estimated_return_cost=round(rng.uniform(50, 300), 2),
                           reuse_value=round(rng.uniform(300, 3000), 2))
        elif wanted == 'local_sale':
            row['scrap_value'] = round(limit + rng.uniform(0, 5000), 2)
        elif wanted == 'gift':
            row['scrap_value'] = round(rng.uniform(1, max(limit - 1, 1)), 2)
        if rng.random() < 0.3:
            row['estimated_return_cost'] = row['estimated_return_cost'] or round(
                rng.uniform(100, 800), 2)

    def _bulk_parts(self):
        rng, today = self.rng, self.today
        company = self.company
        handover_days = company.oldparts_handover_days
        gift_limit = company.oldparts_gift_value_limit
        rounding = self.currency.rounding
        Rule = self.env['oldparts.responsibility.rule']
        rule_days = {}
        for origin in ('domestic', 'imported'):
            for critical in (False, True):
                for abroad in (False, True):
                    rule = Rule._find_for_part(_Spec(company, origin, critical, abroad))
                    rule_days[origin, critical, abroad] = rule.days if rule else 0
        specialist = self.specialists[0].id
        rows = []
        every_state = [key for key, _label in self.env['oldparts.part']._fields['state'].selection]
        for i in range(self.n_parts):
            dealer = rng.choices(self.dealers, self.dealer_weights)[0]
            product = rng.choice(self.products)
            replacement = today - timedelta(days=rng.randint(0, 365 * YEARS - 1))
            age = (today - replacement).days
            state = self._state_for_age(age)
            if i < len(every_state):
                # every state at any scale: the first parts take one each
                replacement = today - timedelta(days=150 + i)
                state = every_state[i]
            if state in RETURN_STATES:
                dtype = 'return'
            elif state == 'in_local_disposal':
                dtype = rng.choices(LOCAL_TYPES, (60, 25, 15))[0]
            elif state == 'disposed':
                dtype = 'return' if rng.random() < 0.55 else rng.choices(LOCAL_TYPES, (60, 25, 15))[0]
            else:
                dtype = rng.choices(('return',) + LOCAL_TYPES, (50, 30, 10, 10))[0]
            origin = 'imported' if rng.random() < 0.15 else 'domestic'
            row = {
                'state': state, 'dealer_id': dealer.id,
                'engineer_id': self.engineers[dealer.id].id, 'state_id': dealer.state_id.id,
                'product_id': product.id, 'quantity': rng.choices((1, 2, 4), (85, 10, 5))[0],
                'price_unit': round(product.standard_price * rng.uniform(0.8, 1.2), 2),
                'replacement_date': replacement, 'request_date': replacement,
                'work_order_ref': 'PG-%d-%06d' % (replacement.year, rng.randint(1, 999999)),
                'equipment_ref': 'QY%dK-%05d' % (rng.choice((25, 50, 70, 100)), rng.randint(1, 99999)),
                'failure_reason': rng.choice(REASONS), 'origin': origin,
                'is_critical': rng.random() < 0.2,
                'analysis_abroad': origin == 'imported' and rng.random() < 0.3,
                'part_category': rng.choice(CATEGORIES),
                'reply_date': None, 'reply_reason': None, 'handover_date': None,
                'shipped_date': None, 'review_date': None, 'responsibility': None,
                'responsibility_date': None, 'supplier_id': None, 'missing_reason': None,
                'hq_decision': None, 'live_document_ref': None, 'classified_by_id': None,
                'disposal_override_reason': None, 'disposal_type': None,
            }
            # 5 % of the classified parts were classified against the proposal
            overridden = state != 'draft' and rng.random() < 0.05
            proposal = rng.choice(('return',) + LOCAL_TYPES) if overridden else dtype
            self._criteria(row, proposal)
            row['proposed_disposal_type'] = propose(row, gift_limit, rounding)
            if state != 'draft' or rng.random() < 0.2:
                row['disposal_type'] = dtype
                if dtype != row['proposed_disposal_type']:
                    row['disposal_override_reason'] = '经旧件专干复核'
            if state != 'draft':
                row['classified_by_id'] = specialist
            row['required_handover_date'] = replacement + timedelta(days=handover_days)
            if rng.random() < 0.2:
                row['reply_date'] = replacement + timedelta(days=rng.randint(3, 14))
                if row['reply_date'] > row['required_handover_date']:
                    row['reply_reason'] = '等待配件到货后交接'
            if state not in ('draft', 'classified') and not (state == 'cancel' and rng.random() < 0.7):
                row['handover_date'] = min(today, replacement + timedelta(days=rng.randint(0, 12)))
            amount = row['quantity'] * row['price_unit']
            # as the ORM stores it (the float's shortest repr at the currency's precision)
            row['amount_total'] = float_repr(self.currency.round(amount), self.currency.decimal_places)
            row['return_required'] = row['disposal_type'] == 'return'
            rows.append(row)
        self._ship(rows)
        for row in rows:
            state = row['state']
            if state in REVIEWED_STATES or (state == 'disposed' and row['shipped_date']):
                row['review_date'] = min(today, row['shipped_date'] + timedelta(days=rng.randint(2, 10)))
            if state in ('responsibility_determined', 'written_off') or (
                    state == 'disposed' and row['shipped_date']):
                row['responsibility'] = rng.choice(RESPONSIBLE)
                row['responsibility_date'] = min(today, row['review_date'] + timedelta(days=rng.randint(0, 6)))
                if row['responsibility'] == 'supplier':
                    row['supplier_id'] = rng.choice(self.suppliers).id
            if state == 'written_off':
                row['missing_reason'] = '运输途中丢失'
            if state == 'disposed' and row['shipped_date']:
                choices = HQ_DECISIONS if row['responsibility'] == 'supplier' else tuple(
                    d for d in HQ_DECISIONS if d != 'claim')
                row['hq_decision'] = rng.choice(choices)
            row['responsibility_days'] = rule_days[row['origin'], row['is_critical'], row['analysis_abroad']]
            row['responsibility_deadline'] = row['review_date'] + timedelta(
                days=row['responsibility_days']) if row['review_date'] and row['responsibility_days'] else None
            row['delay_days'], row['is_overdue'] = delays(row, today)
        self._insert_parts(rows)
        self.stats['parts'] = len(rows)
        self.stats['overdue'] = sum(1 for r in rows if r['is_overdue'])
        self.log('parts: %d (%d overdue), shipments: %d' % (
            len(rows), self.stats['overdue'], self.stats['shipments']))

    def _ship(self, rows):
        """Return shipments: a dealer ships what it handed over for return
        every fortnight; one year-end shipment of the biggest dealer carried
        500 parts. Each part's ship date is its shipment's."""
        rng, today = self.rng, self.today
        shipped = [r for r in rows if r['state'] in RETURN_STATES
                   or (r['state'] == 'disposed' and r['disposal_type'] == 'return')]
        groups = {}
        big_dealer = self.dealers[0].id
        big = [r for r in shipped if r['dealer_id'] == big_dealer and r['state'] == 'disposed'
               and (today - r['handover_date']).days > 200][:500]
        big_ids = set(id(r) for r in big)
        for row in shipped:
            if id(row) in big_ids:
                continue
            key = (row['dealer_id'], (row['handover_date'] - date(2000, 1, 1)).days // 14)
            groups.setdefault(key, []).append(row)
        group_list = list(groups.values())
        if big:
            group_list.append(big)
        ship_ids = _next_ids(self.cr, 'oldparts_return_shipment', len(group_list))
        now = datetime.utcnow().replace(microsecond=0)
        hq = self.company._oldparts_returns_setup().oldparts_hq_location_id.id
        locations = {d.id: d.oldparts_location_id.id for d in self.dealers}
        ship_rows, line_rows = [], []
        self.biggest_shipment_id = None
        for ship_id, parts in zip(ship_ids, group_list):
            ship_date = min(today, max(r['handover_date'] for r in parts) + timedelta(days=rng.randint(1, 5)))
            in_transit = any(r['state'] == 'in_return' for r in parts)
            ref = 'oldparts.return.shipment,%d' % ship_id
            weights, missing = [], 0
            for k, row in enumerate(parts):
                row['shipped_date'] = ship_date
                if row['state'] == 'in_return':
                    row['live_document_ref'] = ref
                    receipt = 'pending'
                elif row['state'] == 'written_off':
                    receipt = 'missing'
                    missing += 1
                else:
                    receipt = 'received'
                weight = round(rng.uniform(1, 80), 2)
                weights.append(weight)
                line_rows.append((ship_id, self.company.id, row['dealer_id'], row, str(1 + k // 5),
                                  weight, receipt,
                                  row['quantity'] if receipt == 'received' else 0.0,
                                  SUPERUSER_ID, now, SUPERUSER_ID, now))
            dealer_id = parts[0]['dealer_id']
            ship_rows.append((ship_id, 'shipped' if in_transit else 'done', dealer_id,
                              self.engineers[dealer_id].id, ship_date,
                              'YD%010d' % ship_id, (len(parts) + 4) // 5, len(parts),
                              round(sum(weights), 2), locations[dealer_id], hq,
                              None if in_transit else min(today, ship_date + timedelta(days=3)),
                              missing > 0, missing, 'HF%s%06d' % (ship_date.year, ship_id),
                              self.company.id, self.currency.id, True,
                              SUPERUSER_ID, now, SUPERUSER_ID, now))
            if parts is big:
                self.biggest_shipment_id = ship_id
        _copy(self.cr, 'oldparts_return_shipment', (
            'id', 'state', 'dealer_id', 'keeper_id', 'ship_date', 'waybill_number', 'box_count',
            'part_count', 'total_weight', 'location_id', 'location_dest_id', 'receipt_date',
            'has_discrepancy', 'discrepancy_count', 'name', 'company_id', 'currency_id',
            'oldparts_engaged', 'create_uid', 'create_date', 'write_uid', 'write_date'), ship_rows)
        self.line_rows = line_rows
        self.stats['shipments'] = len(ship_rows)
        self.stats['shipment_lines'] = len(line_rows)

    def _insert_parts(self, rows):
        cr = self.cr
        ids = _next_ids(cr, 'oldparts_part', len(rows))
        # after the numbers already given (by year: JJ<year><000001>)
        counters = {}
        cr.execute("SELECT name FROM oldparts_part WHERE name ~ '^JJ[0-9]{10}$'")
        for (name,) in cr.fetchall():
            year, number = int(name[2:6]), int(name[6:])
            counters[year] = max(counters.get(year, 0), number)
        now = datetime.utcnow().replace(microsecond=0)
        columns = (
            'id', 'name', 'company_id', 'currency_id', 'oldparts_engaged', 'state', 'dealer_id',
            'engineer_id', 'state_id', 'work_order_ref', 'equipment_ref', 'product_id', 'quantity',
            'price_unit', 'amount_total', 'failure_reason', 'request_date', 'replacement_date',
            'required_handover_date', 'reply_date', 'reply_reason', 'handover_date',
            'shipped_date', 'delay_days', 'is_overdue', 'has_claim_value', 'is_reusable',
            'rectification_required', 'return_requested', 'estimated_return_cost',
            'reuse_value', 'scrap_value', 'proposed_disposal_type', 'disposal_type',
            'disposal_override_reason', 'classified_by_id', 'return_required', 'origin',
            'is_critical', 'analysis_abroad', 'part_category', 'review_date',
            'responsibility_days', 'responsibility_deadline', 'responsibility',
            'responsibility_date', 'supplier_id', 'missing_reason', 'live_document_ref',
            'hq_decision', 'create_uid', 'create_date', 'write_uid', 'write_date')
        # numbered in order of replacement, per year, as the sequence would have
        order = sorted(range(len(rows)), key=lambda k: rows[k]['replacement_date'])
        for k in order:
            row = rows[k]
            year = row['replacement_date'].year
            counters[year] = counters.get(year, 0) + 1
            row['name'] = 'JJ%d%06d' % (year, counters[year])
        out = []
        for part_id, row in zip(ids, rows):
            row['id'] = part_id
            row.update(company_id=self.company.id, currency_id=self.currency.id,
                       oldparts_engaged=row['state'] not in ('draft', 'cancel'),
                       create_uid=row['engineer_id'],
                       create_date=datetime.combine(row['replacement_date'], datetime.min.time()),
                       write_uid=SUPERUSER_ID, write_date=now)
            out.append(tuple(row[c] for c in columns))
        _copy(cr, 'oldparts_part', columns, out)
        _copy(cr, 'oldparts_return_shipment_line', (
            'shipment_id', 'company_id', 'dealer_id', 'part_id', 'box_number', 'weight',
            'receipt_state', 'received_qty', 'create_uid', 'create_date', 'write_uid',
            'write_date'), [line[:3] + (line[3]['id'],) + line[4:] for line in self.line_rows])
        # the sequence goes on after the generated numbers
        sequence = self.env.ref('oldparts_module.seq_oldparts_part')
        sequence.write({'number_next': max(counters.values()) + 1})
        self.env['oldparts.part'].invalidate_cache()

    # ------------------------------------------------------------------
    def _orm_sample(self):
        """Parts recorded the way users do: by the dealer's engineer, then
        classified by the specialist, some handed over (stock moves)."""
        rng, today = self.rng, self.today
        Part = self.env['oldparts.part']
        count = max(10, int(300 * self.scale))
        created = Part.browse()
        for i in range(count):
            dealer = rng.choices(self.dealers, self.dealer_weights)[0]
            engineer = self.engineers[dealer.id]
            product = rng.choice(self.products)
            created |= Part.sudo(engineer).create({
                'dealer_id': dealer.id, 'product_id': product.id, 'state_id': dealer.state_id.id,
                'quantity': 1.0, 'price_unit': product.standard_price,
                'replacement_date': fields.Date.to_string(today - timedelta(days=rng.randint(0, 40))),
                'work_order_ref': 'PG-ORM-%05d' % i, 'equipment_ref': 'QY25K-%05d' % i,
                'failure_reason': rng.choice(REASONS), 'has_claim_value': rng.random() < 0.5,
                'scrap_value': rng.choice((0.0, 50.0, 600.0)),
            }).sudo()
        specialist = self.specialists[0]
        to_classify = created.filtered(lambda p: p.id % 3)
        to_classify.sudo(specialist).action_classify()
        to_classify.filtered(lambda p: p.id % 3 == 1).sudo(specialist).action_hand_over()
        self.stats['orm_parts'] = len(created)
        self.log('ORM sample: %d parts' % len(created))

    def _sale_applications(self):
        """Draft sale applications of dealers with parts to sell, with three quotes."""
        rng = self.rng
        env = self.env
        Part = env['oldparts.part']
        Application = env['oldparts.sale.application']
        wanted = max(3, int(100 * self.scale))
        made = 0
        for dealer in self.dealers:
            if made >= wanted:
                break
            parts = Part.search([('dealer_id', '=', dealer.id), ('state', '=', 'handed_over'),
                                 ('disposal_type', '=', 'local_sale'),
                                 ('live_document_ref', '=', False)], limit=3)
            if not parts:
                continue
            buyers = [env['res.partner'].create({
                'name': '%s 废旧物资回收站 %d' % (dealer.state_id.name, k), 'is_company': True,
                'oldparts_buyer_dealer_id': dealer.id}) for k in range(3)]
            Application.create({
                'dealer_id': dealer.id, 'state_id': dealer.state_id.id,
                'line_ids': [(0, 0, {'part_id': part.id, 'grade_id': rng.choice(self.grades).id,
                                     'weighed_weight': round(rng.uniform(0.1, 3.0), 3)})
                             for part in parts],
                'quote_ids': [(0, 0, {'partner_id': buyer.id, 'contact_name': '联系人',
                                      'phone': '1390000%04d' % k,
                                      'price': round(rng.uniform(1500, 3000), 2)})
                              for k, buyer in enumerate(buyers)],
            })
            made += 1
        self.stats['sale_applications'] = made
        self.log('sale applications: %d' % made)


def generate(env, scale=1.0, seed=12, log=None):
    """Fill the database of ``env`` (a fresh one with oldparts_module) at
    ``scale`` (1.0: 100,000 parts, 200 dealers); returns counts."""
    generator = Generator(env, scale=scale, seed=seed, log=log)
    stats = generator.run()
    stats['biggest_shipment_id'] = generator.biggest_shipment_id
    return stats
