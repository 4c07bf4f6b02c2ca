"""Shared set-up for the local sale, destruction and gift tests: grades,
market prices, buyers, accounting configuration, and helpers that take an
old part through the ledger up to its hand-over (which puts it in stock at
its dealer's old-part location) and render reports to text."""
import subprocess
import tempfile

from odoo.tools import config

from .common import OldpartsCase


class OldpartsSaleCase(OldpartsCase):

    @classmethod
    def setUpClass(cls):
        super(OldpartsSaleCase, cls).setUpClass()
        cls.company_leader = cls._create_user('company_leader', 'group_oldparts_company_leader')
        cls.dealer_user_a = cls.users['dealer_a']
        cls.heavy = cls.env.ref('oldparts_module.metal_grade_heavy')
        cls.light = cls.env.ref('oldparts_module.metal_grade_light')
        Price = cls.env['oldparts.market.price']
        # the prices of the demo data would compete with the tests' own
        Price.search([]).unlink()
        cls.price_nx_heavy = Price.create({
            'state_id': cls.state_nx.id, 'grade_id': cls.heavy.id,
            'date': cls._date(0), 'price': 2000.0, 'source': '宁夏金属网'})
        Price.create({
            'state_id': cls.state_nx.id, 'grade_id': cls.heavy.id,
            'date': cls._date(-10), 'price': 1900.0, 'source': '宁夏金属网'})
        Price.create({
            'state_id': cls.state_nx.id, 'grade_id': cls.light.id,
            'date': cls._date(0), 'price': 1700.0, 'source': '宁夏金属网'})
        # Guangdong publishes no price for today: the latest one is 5 days old.
        cls.price_gd_heavy = Price.create({
            'state_id': cls.state_gd.id, 'grade_id': cls.heavy.id,
            'date': cls._date(-5), 'price': 2000.0, 'source': '广东金属网'})
        cls.boom = cls.env['product.product'].create({
            'name': 'QY25K 主臂第二节', 'default_code': 'QY25K-ZB2', 'type': 'product'})
        cls.cover = cls.env['product.product'].create({
            'name': 'QY25K 发动机罩', 'default_code': 'QY25K-FDJZ', 'type': 'product'})
        cls.boom_reference = cls.env['oldparts.structural.reference'].create({
            'name': '主臂第二节', 'standard': '1', 'crane_model': 'QY25K',
            'product_id': cls.boom.id, 'grade_id': cls.heavy.id,
            'weight': 1.85, 'price': 2000.0})
        Partner = cls.env['res.partner']
        cls.buyers = [Partner.create({
            'name': name, 'is_company': True, 'customer': True, 'phone': phone})
            for name, phone in (('银川再生资源回收公司', '0951-1000001'),
                                ('宁夏废旧金属回收站', '0951-1000002'),
                                ('吴忠物资回收公司', '0953-1000003'),
                                ('石嘴山废钢收购部', '0952-1000004'))]
        cls.income_account = cls.env['account.account'].search([
            ('code', '=', '5051'), ('company_id', '=', cls.company.id)], limit=1) \
            or cls.env['account.account'].create({
                'code': 'OP5051', 'name': '其他业务收入-废料',
                'company_id': cls.company.id,
                'user_type_id': cls.env.ref('account.data_account_type_revenue').id})
        cls.company.oldparts_scrap_income_account_id = cls.income_account
        cls.bank_journal = cls.env['account.journal'].search([
            ('type', '=', 'bank'), ('company_id', '=', cls.company.id)], limit=1)
        cls.env['ir.config_parameter'].sudo().set_param(
            'report.url', 'http://127.0.0.1:%s' % config['http_port'])

    # ------------------------------------------------------------------
    # Old parts
    # ------------------------------------------------------------------
    def _handed_over_part(self, disposal='local_sale', product=None, dealer=None, **values):
        """An old part classified for the disposal by the specialist and
        handed over by its engineer: the hand-over puts it in stock at its
        dealer's old-part location."""
        engineer = self.engineer_b if dealer == self.dealer_b else self.engineer_a
        scrap_value = {'local_sale': 3000.0, 'gift': 50.0, 'destroy': 0.0}[disposal]
        part = self._create_part(
            user=engineer, dealer_id=(dealer or self.dealer_a).id,
            product_id=(product or self.boom).id, has_claim_value=False,
            is_reusable=False, scrap_value=scrap_value, **values)
        self.assertEqual(part.proposed_disposal_type, disposal)
        part.sudo(self.specialist).action_classify()
        part.sudo(engineer).action_hand_over()
        return part.with_env(self.env)

    def _location(self, part):
        return self.env['oldparts.sale.application']._oldparts_source_location(part)

    def _take_out_of_stock(self, part):
        """An inventory count finds the part missing from its location."""
        location = self._location(part)
        inventory = self.env['stock.inventory'].create({
            'name': 'Old parts %s' % part.name,
            'location_id': location.id,
            'filter': 'product',
            'product_id': part.product_id.id,
        })
        inventory.action_start()
        inventory.line_ids.write({'product_qty': 0.0})
        inventory.action_done()

    def _qty(self, product, location):
        return product.with_context(location=location.id).qty_available

    # ------------------------------------------------------------------
    # Sale applications
    # ------------------------------------------------------------------
    def _create_application(self, parts, quotes=(2000.0, 1900.0, 1800.0), user=None,
                            weights=None, grades=None, select=None, **values):
        """A dealer's draft application; selects the best quote unless told
        which price to select."""
        user = user or self.dealer_user_a
        lines = []
        for index, part in enumerate(parts):
            line = {'part_id': part.id}
            if weights:
                line['weighed_weight'] = weights[index]
            if grades:
                line['grade_id'] = grades[index].id
            lines.append((0, 0, line))
        vals = {
            'dealer_id': parts[0].dealer_id.id,
            'line_ids': lines,
            'quote_ids': [(0, 0, {
                'partner_id': buyer.id, 'contact_name': '张经理',
                'phone': buyer.phone, 'price': price})
                for buyer, price in zip(self.buyers, quotes)],
        }
        vals.update(values)
        application = self.env['oldparts.sale.application'].sudo(user).create(vals)
        if quotes:
            price = select if select is not None else max(quotes)
            application.quote_ids.filtered(lambda q: q.price == price)[:1].action_select()
        return application.with_env(self.env)

    def _approve_all(self, application):
        """Each pending step approved by a member of its group."""
        approvers = {
            self.env.ref('oldparts_module.group_oldparts_specialist'): self.specialist,
            self.env.ref('oldparts_module.group_oldparts_general_manager'): self.general_manager,
            self.env.ref('oldparts_module.group_oldparts_company_leader'): self.company_leader,
        }
        while application.approval_pending_group_id:
            application.sudo(approvers[application.approval_pending_group_id]).action_approve()

    def _open_form(self, record, user):
        """What the web client reads to show the form to the user: the
        fields of the form view, and those of its embedded lists."""
        Model = record.sudo(user)
        view = Model.fields_view_get(view_type='form')
        values = Model.read(list(view['fields']))[0]
        for name, field in view['fields'].items():
            for sub in field.get('views', {}).values():
                self.env[field['relation']].sudo(user).browse(values[name]).read(
                    list(sub['fields']))
        return view

    def _assert_move_posted_and_balanced(self, move):
        self.assertEqual(move.state, 'posted')
        debit = sum(move.line_ids.mapped('debit'))
        credit = sum(move.line_ids.mapped('credit'))
        self.assertAlmostEqual(debit, credit, places=2)
        self.assertGreater(debit, 0.0)

    # ------------------------------------------------------------------
    # Reports
    # ------------------------------------------------------------------
    def _pdf_text(self, report_xmlid, records, user=None, lang='en_US'):
        """Render the QWeb PDF for real (wkhtmltopdf), as ``user`` reading
        ``lang`` prints it, and read it back. Odoo renders HTML instead of
        PDF in tests unless a report directory is configured."""
        report = self.env.ref(report_xmlid)
        if user:
            report = report.sudo(user)
        saved = config['test_report_directory']
        with tempfile.TemporaryDirectory() as directory:
            config['test_report_directory'] = directory
            try:
                with self._users_lang(lang):
                    pdf, report_format = report.render_qweb_pdf(records.ids)
            finally:
                config['test_report_directory'] = saved
        self.assertEqual(report_format, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        return subprocess.run(['pdftotext', '-layout', '-', '-'], input=pdf,
                              stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')
