"""The figures of `make bench`: a registry of functions, one per figure.

A figure function takes the ``Bench`` (bench/run.py: the registry, the
generator's counts, the number of runs, helpers) and returns one or more
``Line``s. Each value is the median of several runs, measured against a
baseline of the same run on the same database, baseline and subject
interleaved (the machine is shared: absolute timings are noisy, ratios
much less). A target applies to the ratio (``<=1.5``) or, with a unit, to
the value itself (``<=20s``).

Adding a figure is one function::

    @figure('progress_xlsx', order=50)
    def progress_xlsx(bench):
        ...
        return Line('progress_xlsx', value, 's', baseline, '<=', 3)

In-process figures work in a transaction that is rolled back: the
database stays as generated. Figures that need the HTTP server (memory,
rpc_load) are in bench/server_figures.py and run last.
"""
import statistics
import time
from collections import namedtuple
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields

FIGURES = []
# functions (bench) -> (kind, report name, ids): more reports for the peak
# memory figure (bench/server_figures.py), e.g. ('xlsx', name, ids)
MEMORY_REPORTS = []

Figure = namedtuple('Figure', 'name func order')


def figure(name, order=100):
    def register(func):
        FIGURES.append(Figure(name, func, order))
        return func
    return register


class Line(object):
    """One printed line: ``<name> <value> <unit> baseline <value> ratio <x>
    target <op><x> ok|MISS``. ``target_unit`` set: the target applies to the
    value (in that unit), else to the ratio."""

    def __init__(self, name, value, unit, baseline, op, target, target_unit=None):
        self.name, self.value, self.unit, self.baseline = name, value, unit, baseline
        self.op, self.target, self.target_unit = op, target, target_unit

    @property
    def ratio(self):
        return self.value / self.baseline if self.baseline else float('inf')

    @property
    def ok(self):
        subject = self.value if self.target_unit else self.ratio
        return subject <= self.target if self.op == '<=' else subject >= self.target

    def __str__(self):
        return '%s %s %s baseline %s ratio %.2f target %s%s%s %s' % (
            self.name, _num(self.value), self.unit, _num(self.baseline), self.ratio,
            self.op, _num(self.target), self.target_unit or '', 'ok' if self.ok else 'MISS')


def _num(value):
    if value == int(value) and abs(value) >= 10:
        return '%d' % value
    if abs(value) >= 100:
        return '%.0f' % value
    if abs(value) >= 1:
        return '%.2f' % value
    return '%.3g' % value


def timed(func):
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def interleaved(subject, baseline, runs):
    """Medians (subject, baseline) of ``runs`` alternated runs, in seconds."""
    subject_times, baseline_times = [], []
    for _i in range(runs):
        baseline_times.append(timed(baseline))
        subject_times.append(timed(subject))
    return statistics.median(subject_times), statistics.median(baseline_times)


def user_env(cr, user, **context):
    ctx = {'lang': user.lang or 'en_US', 'tz': user.tz or 'UTC', 'uid': user.id}
    ctx.update(context)
    return api.Environment(cr, user.id, ctx)


# ---------------------------------------------------------------------------
# create: 2,000 parts through the ORM vs as many draft stock.picking
# ---------------------------------------------------------------------------
@figure('create', order=10)
def create(bench):
    """``create_count`` parts (2,000) by an engineer, a quarter as many draft
    pickings by a stock user (per unit: the count only sets how many
    samples the mean holds), in five interleaved rounds."""
    total = bench.create_count
    rounds = 5
    per_round = max(1, total // rounds)
    per_round_pickings = max(1, per_round // 4)
    with bench.rollback() as env:
        dealer = env['res.partner'].search([('is_oldparts_dealer', '=', True)], limit=1,
                                           order='id')
        engineer = env['res.users'].search([('oldparts_dealer_id', '=', dealer.id)], limit=1)
        product = env['product.product'].search([('default_code', '=like', 'BN-%')], limit=1)
        keeper = env['res.users'].create({
            'name': 'Bench Stock Keeper', 'login': 'bench_stock_keeper', 'tz': 'UTC',
            'email': 'bench_stock_keeper@example.com',
            'groups_id': [(6, 0, [env.ref('stock.group_stock_user').id])]})
        picking_type = env.ref('stock.picking_type_in')
        today = fields.Date.context_today(env['oldparts.part'])
        Part = user_env(env.cr, engineer)['oldparts.part']
        Picking = user_env(env.cr, keeper)['stock.picking']
        counter = [0]

        def parts():
            for _k in range(per_round):
                counter[0] += 1
                Part.create({
                    'dealer_id': dealer.id, 'product_id': product.id, 'quantity': 1.0,
                    'price_unit': 1200.0, 'replacement_date': today,
                    'work_order_ref': 'PG-BENCH-%06d' % counter[0],
                    'equipment_ref': 'QY25K-BENCH', 'failure_reason': '油缸内泄'})

        def pickings():
            for _k in range(per_round_pickings):
                Picking.create({
                    'picking_type_id': picking_type.id, 'partner_id': dealer.id,
                    'location_id': picking_type.default_location_src_id.id
                    or env.ref('stock.stock_location_suppliers').id,
                    'location_dest_id': picking_type.default_location_dest_id.id,
                    'origin': 'PG-BENCH'})

        # a first small round warms the caches of both (not counted)
        saved = per_round, per_round_pickings
        per_round = per_round_pickings = 5
        parts(), pickings()
        per_round, per_round_pickings = saved
        subject, baseline = interleaved(parts, pickings, rounds)
    return [Line('create', subject / per_round * 1000, 'ms/part',
                 baseline / per_round_pickings * 1000, '<=', 1.5)]


# ---------------------------------------------------------------------------
# cron: the daily reminder job vs one SQL query selecting the same records
# ---------------------------------------------------------------------------
CRON_SQL = """
    SELECT id FROM oldparts_part
     WHERE (handover_date IS NULL AND state IN ('draft', 'classified')
            AND required_handover_date < %(today)s)
        OR (responsibility_deadline <= %(soon)s
            AND state NOT IN ('responsibility_determined', 'disposed', 'cancel'))
"""


@figure('cron', order=20)
def cron(bench):
    """The first run over the volume (every overdue part gets its reminder)
    in a transaction rolled back; then day after day as in production: the
    delays as the job left them the day before (committed), the night's
    autovacuum, the job. What the job created is deleted at the end; the
    delays stay as its last run computed them (today's, as generated)."""
    runs = bench.runs
    max_ids = max_ids_of(bench)
    try:
        with bench.rollback() as env:
            job = env.ref('oldparts_module.ir_cron_oldparts_reminders')
            cr = env.cr
            today = fields.Date.from_string(fields.Date.context_today(env['oldparts.part']))
            params = {'today': today, 'soon': fields.Date.to_string(today + timedelta(days=2))}

            def select():
                cr.execute(CRON_SQL, params)
                cr.fetchall()

            def run_job():
                job.method_direct_trigger()
                env.cache.invalidate()

            first_times = []
            for _i in range(max(1, runs // 2)):
                cr.execute('SAVEPOINT bench_cron_first')
                env.cache.invalidate()
                first_times.append(timed(run_job))
                cr.execute('ROLLBACK TO SAVEPOINT bench_cron_first')
                env.cache.invalidate()
            first = statistics.median(first_times)
            select_time = statistics.median([timed(select) for _i in range(5)])
            cr.execute(CRON_SQL, params)
            bench.log('cron: %d records for the job, first run %.1f s' % (
                len(cr.fetchall()), first))
            run_job()
            cr.commit()
            daily, baseline = [], []
            for _i in range(runs):
                # yesterday's delays, then the night's vacuum
                cr.execute("""UPDATE oldparts_part SET delay_days = GREATEST(delay_days - 1, 0)
                               WHERE handover_date IS NULL AND state IN ('draft', 'classified')""")
                cr.commit()
                vacuum(bench, 'oldparts_part')
                env.cache.invalidate()
                baseline.append(timed(select))
                daily.append(timed(run_job))
                cr.commit()
    finally:
        restore(bench, max_ids)
    subject = statistics.median(daily)
    baseline = statistics.median(baseline)
    return [
        Line('cron', subject, 's', baseline, '<=', 10),
        Line('cron_time', subject, 's', baseline, '<=', 20, 's'),
        Line('cron_first', first, 's', select_time, '<=', 20, 's'),
    ]


def vacuum(bench, table):
    with bench.registry.cursor() as cr:
        cr.autocommit(True)
        cr.execute('VACUUM ANALYZE %s' % table)


def max_ids_of(bench):
    """The last ids of what figures committing their work may create."""
    with bench.rollback() as env:
        env.cr.execute("""SELECT (SELECT COALESCE(MAX(id), 0) FROM mail_activity),
                                 (SELECT COALESCE(MAX(id), 0) FROM mail_followers),
                                 (SELECT COALESCE(MAX(id), 0) FROM mail_message),
                                 (SELECT COALESCE(MAX(id), 0) FROM oldparts_part)""")
        return env.cr.fetchone()


def restore(bench, max_ids):
    """Deletes what the figures' committed work created (activities,
    followers, messages, parts), so that the generated database stays as
    it was."""
    activity, follower, message, part = max_ids
    with bench.registry.cursor() as cr:
        cr.execute("DELETE FROM mail_activity WHERE id > %s", (activity,))
        cr.execute("DELETE FROM mail_followers WHERE id > %s", (follower,))
        cr.execute("DELETE FROM mail_message WHERE id > %s", (message,))
        cr.execute("DELETE FROM oldparts_part WHERE id > %s", (part,))
        cr.execute("""UPDATE oldparts_part p SET activity_date_deadline = a.deadline
                        FROM (SELECT p2.id, MIN(a2.date_deadline) AS deadline
                                FROM oldparts_part p2
                           LEFT JOIN mail_activity a2 ON a2.res_model = 'oldparts.part'
                                                     AND a2.res_id = p2.id
                               WHERE p2.activity_date_deadline IS NOT NULL
                            GROUP BY p2.id) a
                       WHERE p.id = a.id AND p.activity_date_deadline IS DISTINCT FROM a.deadline""")
        cr.commit()


# ---------------------------------------------------------------------------
# list: the default old-parts list call vs the same call on res.partner
# ---------------------------------------------------------------------------
def _list_call(registry, uid, model, domain, fields_list, order):
    """What the web client's /web/dataset/search_read does, in its own
    transaction: search_read 80 rows, then the count."""
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, uid, {'lang': 'zh_CN', 'tz': 'UTC'})
        Model = env[model]
        records = Model.search_read(domain, fields_list, limit=80, order=order)
        if len(records) == 80:
            Model.search_count(domain)
        cr.rollback()


def _default_list(env, action_xmlid):
    """Fields of the list view, and the domain of the action's default
    filters (search_default_*), as the web client sends them."""
    from odoo.tools.safe_eval import safe_eval
    from lxml import etree
    action = env.ref(action_xmlid)
    model = env[action.res_model]
    tree = model.fields_view_get(view_type='tree')
    fields_list = list(tree['fields'])
    context = safe_eval(action.context or '{}', {'uid': env.uid, 'context_today': lambda: None,
                                                 'active_id': False})
    search = model.fields_view_get(view_id=action.search_view_id.id or None, view_type='search')
    arch = etree.fromstring(search['arch'])
    domain = []
    eval_context = {'uid': env.uid, 'context_today': lambda: fields.Date.context_today(model),
                    'time': time}
    for key, value in context.items():
        if key.startswith('search_default_') and value:
            node = arch.find(".//filter[@name='%s']" % key[len('search_default_'):])
            if node is not None and node.get('domain'):
                domain += safe_eval(node.get('domain'), eval_context)
    return action.res_model, domain, fields_list


@figure('list', order=30)
def list_(bench):
    with bench.rollback() as env:
        user = env['res.users'].search([('login', '=', 'bench_specialist_0')])
        uenv = user_env(env.cr, user, lang='zh_CN')
        part_call = _default_list(uenv, 'oldparts_module.oldparts_part_action')
        partner_call = _default_list(uenv, 'base.action_partner_form')
        uid = user.id
    registry = bench.registry

    def parts():
        _list_call(registry, uid, part_call[0], part_call[1], part_call[2], None)

    def partners():
        _list_call(registry, uid, partner_call[0], partner_call[1], partner_call[2], None)

    parts(), partners()     # warm the caches (the server's after a few requests)
    subject, baseline = interleaved(parts, partners, max(15, bench.runs * 3))
    return [
        Line('list', subject * 1000, 'ms', baseline * 1000, '<=', 3),
        Line('list_time', subject * 1000, 'ms', baseline * 1000, '<=', 100, 'ms'),
    ]


# ---------------------------------------------------------------------------
# packing_pdf: the 500-part packing list vs Odoo's delivery slip of 500 lines
# ---------------------------------------------------------------------------
@figure('packing_pdf', order=40)
def packing_pdf(bench):
    with bench.rollback() as env:
        shipment = env['oldparts.return.shipment'].browse(bench.stats['biggest_shipment_id'])
        lines = len(shipment.line_ids)
        picking_type = env.ref('stock.picking_type_out')
        products = env['product.product'].search([('default_code', '=like', 'BN-%')])
        picking = env['stock.picking'].create({
            'picking_type_id': picking_type.id, 'partner_id': shipment.dealer_id.id,
            'location_id': picking_type.default_location_src_id.id,
            'location_dest_id': env.ref('stock.stock_location_customers').id,
            # a price per line: Odoo merges the moves of a product otherwise
            'move_lines': [(0, 0, {
                'name': product.name, 'product_id': product.id, 'price_unit': 1.0 + k,
                'product_uom': product.uom_id.id, 'product_uom_qty': 1.0,
                'location_id': picking_type.default_location_src_id.id,
                'location_dest_id': env.ref('stock.stock_location_customers').id,
            }) for k, product in enumerate(
                (list(products) * (lines // len(products) + 1))[:lines])],
        })

        specialist = env['res.users'].search([('login', '=', 'bench_specialist_0')])
        uenv = user_env(env.cr, specialist, lang='zh_CN')
        packing = uenv.ref('oldparts_module.action_report_oldparts_return_packing_list')
        slip = env.ref('stock.action_report_delivery')

        def packing_list():
            uenv.cache.invalidate()
            packing.render_qweb_pdf(shipment.ids)

        def delivery_slip():
            env.cache.invalidate()
            slip.render_qweb_pdf(picking.ids)

        if len(picking.move_lines) != lines:
            raise AssertionError('%d lines on the picking, %d on the shipment' % (
                len(picking.move_lines), lines))
        subject, baseline = interleaved(packing_list, delivery_slip, 3)
        bench.log('packing_pdf: %d lines on the shipment, %d on the picking' % (
            lines, len(picking.move_lines)))
    return [Line('packing_pdf', subject, 's', baseline, '<=', 1.5)]


# ---------------------------------------------------------------------------
# progress_xlsx: the progress report (附件三) spreadsheet of 10,000 parts vs
# xlsxwriter writing the same cells from plain lists
# ---------------------------------------------------------------------------
PROGRESS_ROWS = 10000


def _progress_wizard(env, user):
    """A progress-report wizard of ``user`` whose period holds about
    10,000 parts (every dealer, every state but cancelled)."""
    env.cr.execute("""SELECT replacement_date FROM oldparts_part WHERE state != 'cancel'
                      ORDER BY replacement_date DESC OFFSET %s LIMIT 1""",
                   (min(PROGRESS_ROWS, bench_part_count(env)) - 1,))
    date_from = env.cr.fetchone()[0]
    return user_env(env.cr, user, lang='zh_CN')['oldparts.progress.report.wizard'].create({
        'date_from': date_from, 'date_to': fields.Date.context_today(env['oldparts.part']),
        'dealer_ids': [(6, 0, [])]})


def bench_part_count(env):
    env.cr.execute("SELECT count(*) FROM oldparts_part WHERE state != 'cancel'")
    return env.cr.fetchone()[0]


def _plain_workbook(cells):
    """The baseline: the same cells written from lists, one date format."""
    import io
    import datetime
    import xlsxwriter
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {'in_memory': True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({'num_format': 'yyyy-mm-dd'})
    for row_index, values in enumerate(cells):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(row_index, col, value, date_format)
            elif value is None or value is False or value == '':
                sheet.write_blank(row_index, col, None)
            else:
                sheet.write(row_index, col, value)
    workbook.close()
    return out.getvalue()


@figure('progress_xlsx', order=45)
def progress_xlsx(bench):
    import xlrd
    with bench.rollback() as env:
        user = env['res.users'].search([('login', '=', 'bench_specialist_0')])
        wizard = _progress_wizard(env, user)
        report = wizard.env.ref('oldparts_module.action_report_oldparts_progress_report_xlsx')
        rows = wizard._report_rows()
        keys = [key for key, _label, _kind in wizard.env['oldparts.part']._progress_report_columns()]
        cells = [[row[key] for key in keys] for row in rows]
        content = []

        def spreadsheet():
            wizard.env.cache.invalidate()
            content[:] = [report.render_xlsx(wizard.ids, {})[0]]

        def plain():
            _plain_workbook(cells)

        subject, baseline = interleaved(spreadsheet, plain, max(3, bench.runs))
        # read back: as many part rows as the report found
        # below the column headers (row 4), a part's row has its work order;
        # the dealers' headings and totals leave that column blank
        sheet = xlrd.open_workbook(file_contents=content[0]).sheet_by_index(0)
        found = sum(1 for value in sheet.col_values(1, start_rowx=4) if value)
        bench.log('progress_xlsx: %d rows, %d parts read back, %d KB' % (
            len(rows), found, len(content[0]) // 1024))
        if found != len(rows):
            raise AssertionError('the spreadsheet holds %d of the %d parts' % (found, len(rows)))
    return [Line('progress_xlsx', subject, 's', baseline, '<=', 3)]


def _committed_progress_wizard(bench):
    """For the peak memory of the reports: a wizard the server can read."""
    with api.Environment.manage(), bench.registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {'tz': 'UTC'})
        user = env['res.users'].search([('login', '=', 'bench_specialist_0')])
        wizard = _progress_wizard(env, user)
        cr.commit()
        return ('xlsx', 'oldparts_module.xlsx_progress_report', wizard.ids)


MEMORY_REPORTS.append(_committed_progress_wizard)


# ---------------------------------------------------------------------------
# settlement: a month's incentive settlements for all dealers
# ---------------------------------------------------------------------------
SETTLEMENT_SQL = """
    SELECT dealer_id, engineer_id, replacement_date, required_handover_date, reply_date,
           reply_reason, handover_date, shipped_date, disposal_type, state, responsibility,
           responsibility_date
      FROM oldparts_part
     WHERE company_id = %(company)s AND replacement_date <= %(until)s AND state != 'cancel'
"""


@figure('settlement', order=50)
def settlement(bench):
    """The wizard of the specialist for last month and every dealer (200
    draft settlements computed) vs one SQL query reading what the
    computation reads of the parts."""
    with bench.rollback() as env:
        user = env['res.users'].search([('login', '=', 'bench_specialist_0')])
        uenv = user_env(env.cr, user, lang='zh_CN')
        wizard = uenv['oldparts.settlement.generate'].create({})
        Settlement = uenv['oldparts.settlement']
        params = {'company': wizard.company_id.id, 'until': fields.Date.context_today(wizard)}
        results = []

        def generate():
            env.cr.execute('SAVEPOINT bench_settlement')
            uenv.cache.invalidate()
            action = wizard.action_generate()
            settlements = Settlement.search(action['domain'])
            results[:] = [len(settlements), len(settlements.mapped('line_ids')),
                          sum(settlements.mapped('amount_total'))]
            env.cr.execute('ROLLBACK TO SAVEPOINT bench_settlement')

        def select():
            env.cr.execute(SETTLEMENT_SQL, params)
            env.cr.fetchall()

        subject, baseline = interleaved(generate, select, max(3, bench.runs))
        bench.log('settlement: %d settlements, %d lines, total %.2f' % tuple(results))
        if results[0] < bench.stats['dealers'] // 2:
            raise AssertionError('only %d settlements for %d dealers' % (
                results[0], bench.stats['dealers']))
    return [Line('settlement', subject, 's', baseline, '<=', 30, 's')]
