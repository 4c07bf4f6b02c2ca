"""Monthly incentive settlement (issue 11): amounts worked out by hand from
parts with known dates, regeneration, nothing counted twice, posting."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .incentive_common import OldpartsIncentiveCase


class TestSettlementComputation(OldpartsIncentiveCase):

    def _march(self):
        a = self.engineer_a.login
        return sorted([
            # P1 late from 9 March: 9-15 March under the old rule, for both
            ('Delay until 15 March', 'dealer', '', self.p1.name, 7, self.d(3, 9), self.d(3, 15),
             -70.0, False),
            ('Delay until 15 March', 'engineer', a, self.p1.name, 7, self.d(3, 9),
             self.d(3, 15), -70.0, False),
            # 16-31 March under the new rule, dealer only: 16 x 20
            ('Delay from 16 March', 'dealer', '', self.p1.name, 16, self.d(3, 16),
             self.d(3, 31), -320.0, False),
            # P2 counts from the replied date (20 March): 21-24 March, 4 x 20
            ('Delay from 16 March', 'dealer', '', self.p2.name, 4, self.d(3, 21),
             self.d(3, 24), -80.0, False),
            # P3 handed over on 9 March, not shipped by 19 March
            ('Not shipped within 10 days', 'dealer', '', self.p3.name, 1, self.d(3, 20),
             self.d(3, 20), -200.0, False),
        ])

    def test_march_line_by_line(self):
        """Dealer A's March: the expired rule counts to the 15th, the reply
        reason moves the start, the unshipped part once; 1 of 3 parts on
        time earns no reward."""
        settlement = self._generate(3)
        self.assertEqual(len(settlement), 1)
        self.assertEqual(settlement.state, 'draft')
        self.assertEqual(self._lines(settlement), self._march())
        self.assertEqual(settlement.amount_penalty, 740.0)
        self.assertEqual(settlement.amount_reward, 0.0)
        self.assertEqual(settlement.amount_total, -740.0)
        self.assertEqual(settlement.engineer_line_ids.mapped('engineer_id'), self.engineer_a)

    def test_april_counts_only_new_days_and_caps(self):
        """April after March: P1's 1-5 April only, capped at 400 per part
        (320 already in March); the unshipped P3 not again; P1 not shipped
        by 15 April; P4's unauthorised destruction; the on-time reward."""
        march = self._generate(3)
        april = self._generate(4)
        self.assertEqual(self._lines(april), sorted([
            ('Delay from 16 March', 'dealer', '', self.p1.name, 5, self.d(4, 1), self.d(4, 5),
             -80.0, True),
            ('Not shipped within 10 days', 'dealer', '', self.p1.name, 1, self.d(4, 16),
             self.d(4, 16), -200.0, False),
            ('Unauthorised disposal', 'dealer', '', self.p4.name, 1, self.d(4, 10),
             self.d(4, 10), -1500.0, False),
            ('On-time rate 50%', 'dealer', '', '', 1, self.d(4, 1), self.d(4, 30), 500.0, False),
        ]))
        self.assertEqual(april.amount_total, -1280.0)
        # March, recomputed after April, still counts March only
        march.sudo(self.specialist).action_compute()
        self.assertEqual(self._lines(march), self._march())

    def test_regeneration_is_idempotent(self):
        """Recomputing a draft, or generating the month again, gives the same lines."""
        settlement = self._generate(3)
        first = self._lines(settlement)
        settlement.sudo(self.specialist).action_compute()
        self.assertEqual(self._lines(settlement), first)
        again = self._generate(3)
        self.assertEqual(again, settlement)
        self.assertEqual(self._lines(again), first)

    def test_reward_for_other_dealer(self):
        """Dealer B's only part was on time in March: the reward, no penalty."""
        settlement = self._generate(3, dealers=self.dealer_b)
        self.assertEqual(self._lines(settlement), [
            ('On-time rate 50%', 'dealer', '', '', 1, self.d(3, 1), self.d(3, 31), 500.0, False)])

    def test_cancelled_month_is_counted_again(self):
        """A cancelled settlement counted nothing: April then takes P1's
        March days too (16 March - 5 April: 21 x 20 capped at 400)."""
        march = self._generate(3)
        march.sudo(self.specialist).action_cancel()
        april = self._generate(4)
        delay = april.line_ids.filtered(lambda l: l.part_id == self.p1 and l.kind == 'delay_day')
        self.assertEqual(sorted((l.rule_id.name, l.beneficiary, l.quantity, l.amount)
                                for l in delay), [
            ('Delay from 16 March', 'dealer', 21, -400.0),
            ('Delay until 15 March', 'dealer', 7, -70.0),
            ('Delay until 15 March', 'engineer', 7, -70.0)])
        self.assertTrue(april.line_ids.filtered(lambda l: l.part_id == self.p3))

    def test_missing_part_written_off(self):
        """A part missing at HQ, written off today with the dealer responsible:
        this month's settlement charges it once."""
        part = self._handed_over_part()
        other = self._handed_over_part()
        shipment = self._shipment(part | other)
        self._validate(shipment.sudo().picking_id, missing_parts=part)
        part.sudo(self.specialist).write({'missing_reason': '运输途中丢失',
                                          'responsibility': 'dealer'})
        part.sudo(self.specialist).action_write_off()
        wizard = self.env['oldparts.settlement.generate'].sudo(self.specialist).create({
            'year': self.today.year, 'month': str(self.today.month),
            'dealer_ids': [(6, 0, self.dealer_a.ids)]})
        settlement = self.env['oldparts.settlement'].search(wizard.action_generate()['domain'])
        missing = settlement.line_ids.filtered(lambda l: l.kind == 'missing_written_off')
        self.assertEqual([(l.part_id, l.quantity, l.amount) for l in missing],
                         [(part, 1, -1000.0)])


class TestSettlementPosting(OldpartsIncentiveCase):

    def _move_lines(self, invoice):
        return sorted((l.account_id.id, l.debit, l.credit, l.partner_id.id)
                      for l in invoice.move_id.line_ids)

    def test_penalty_posted_as_vendor_refund(self):
        """Checked, approved by the service manager, posted by finance: a
        vendor refund of 740 on dealer A on the incentive account and journal."""
        settlement = self._generate(3)
        self._approve_all(settlement)
        settlement.sudo(self.finance).action_post()
        self.assertEqual(settlement.state, 'posted')
        invoice = settlement.invoice_id
        self.assertEqual(invoice.type, 'in_refund')
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(invoice.partner_id, self.dealer_a)
        self.assertEqual(invoice.journal_id, self.incentive_journal)
        self.assertEqual(float_compare(invoice.amount_total, 740.0, precision_digits=2), 0)
        self.assertEqual(sorted(invoice.invoice_line_ids.mapped('price_subtotal')),
                         [70.0, 70.0, 200.0, 400.0])
        self.assertEqual(set(invoice.invoice_line_ids.mapped('account_id')),
                         {self.incentive_account})
        payable = self.dealer_a.with_context(
            force_company=self.company.id).property_account_payable_id
        self.assertEqual(self._move_lines(invoice), sorted([
            (self.incentive_account.id, 0.0, 70.0, self.dealer_a.id),
            (self.incentive_account.id, 0.0, 70.0, self.dealer_a.id),
            (self.incentive_account.id, 0.0, 400.0, self.dealer_a.id),
            (self.incentive_account.id, 0.0, 200.0, self.dealer_a.id),
            (payable.id, 740.0, 0.0, self.dealer_a.id),
        ]))

    def test_reward_posted_as_vendor_bill(self):
        """Dealer B's reward of 500: a vendor bill, expense debited, payable credited."""
        settlement = self._generate(3, dealers=self.dealer_b)
        self._approve_all(settlement)
        settlement.sudo(self.specialist).action_post()
        invoice = settlement.invoice_id
        self.assertEqual((invoice.type, invoice.amount_total), ('in_invoice', 500.0))
        payable = self.dealer_b.with_context(
            force_company=self.company.id).property_account_payable_id
        self.assertEqual(self._move_lines(invoice), sorted([
            (self.incentive_account.id, 500.0, 0.0, self.dealer_b.id),
            (payable.id, 0.0, 500.0, self.dealer_b.id)]))

    def test_big_settlement_needs_the_general_manager(self):
        """From 10,000 the general manager approves after the service manager."""
        self.rule_unauthorized.write({'amount': 12000})
        settlement = self._generate(4)
        settlement.sudo(self.specialist).action_check()
        settlement.sudo(self.specialist).action_submit()
        settlement.sudo(self.service_manager).action_approve()
        self.assertEqual(settlement.state, 'submitted')
        settlement.sudo(self.general_manager).action_approve()
        self.assertEqual(settlement.state, 'approved')

    def test_refusal_returns_to_draft(self):
        """A refused settlement is back in draft, the reason in the chatter."""
        settlement = self._generate(3)
        settlement.sudo(self.specialist).action_check()
        settlement.sudo(self.specialist).action_submit()
        settlement.sudo(self.service_manager).action_refuse('天数有误')
        self.assertEqual(settlement.state, 'draft')
        self.assertIn('天数有误', ' '.join(settlement.message_ids.mapped('body')))

    def test_posted_settlement_never_changes(self):
        """Once posted: no recompute, no reset, no cancel, no line or field
        change; the month's generation leaves it as it is; the next month
        does not count its days again."""
        settlement = self._generate(3)
        self._approve_all(settlement)
        settlement.sudo(self.finance).action_post()
        lines = self._lines(settlement)
        self.assertRefused(
            UserError, 'Cannot recompute', '无法重新计算',
            lambda: settlement.sudo(self.specialist).action_compute())
        for action in ('action_draft', 'action_cancel'):
            with self.assertRefused(UserError, 'is in state'):
                getattr(settlement.sudo(self.specialist), action)()
        with self.assertRefused(UserError, 'cannot be changed here'):
            settlement.sudo(self.specialist).write({'date_from': self.d(5, 1)})
        with self.assertRefused((AccessError, UserError)):
            settlement.line_ids[0].sudo(self.specialist).write({'amount': 0})
        with self.assertRefused((AccessError, UserError)):
            settlement.line_ids.sudo(self.specialist).unlink()
        self.assertEqual(self._generate(3), settlement)
        self.assertEqual((settlement.state, self._lines(settlement)), ('posted', lines))
        april = self._generate(4)
        self.assertFalse(april.line_ids.filtered(
            lambda l: l.kind == 'delay_day' and l.date_from < self.d(4, 1)))

    def test_missing_account_refused(self):
        """Without the incentive account the settlement cannot be checked."""
        settlement = self._generate(3)
        self.company.oldparts_incentive_account_id = False
        self.assertRefused(
            UserError, 'Set the service fee account', '请先设置',
            lambda: settlement.sudo(self.specialist).action_check())
        self.assertEqual(settlement.state, 'draft')


class TestSettlementRoles(OldpartsIncentiveCase):

    def test_wrong_roles_refused(self):
        """A dealer user, an engineer, finance cannot check; finance
        cannot generate; the engineer cannot approve."""
        settlement = self._generate(3)
        for user in (self.engineer_a, self.users['dealer_a'], self.finance):
            self.assertRefused(
                UserError, 'You are not allowed to do this', '您无权',
                lambda: settlement.sudo(user).action_check())
        self.assertRefused(
            UserError, 'You are not allowed to do this', '您无权',
            lambda: self._generate(3, user=self.finance))
        settlement.sudo(self.specialist).action_check()
        settlement.sudo(self.specialist).action_submit()
        with self.assertRefused(UserError, 'may approve'):
            settlement.sudo(self.engineer_a).action_approve()
        with self.assertRefused(UserError, 'Cannot post'):
            settlement.sudo(self.finance).action_post()
        self.assertEqual(settlement.state, 'submitted')

    def test_other_company_refused(self):
        """The specialist cannot generate settlements or rules for a company
        they are not in; nothing is created."""
        other = self.env['res.company'].create({'name': 'Other Crane Co'})
        Settlement = self.env['oldparts.settlement']
        count = Settlement.search_count([])
        wizard = self.env['oldparts.settlement.generate'].sudo(self.specialist).create({
            'year': self.year, 'month': '3', 'company_id': other.id,
            'dealer_ids': [(6, 0, self.dealer_a.ids)]})
        self.assertRefused(
            UserError, 'company you are not in', '不属于您所在公司',
            lambda: wizard.action_generate())
        # the company rule refuses it (Odoo reports it from the constraint check)
        with self.assertRefused((AccessError, ValidationError)):
            self.env['oldparts.incentive.rule'].sudo(self.specialist).create({
                'name': 'Elsewhere', 'kind': 'not_handed_over', 'days': 30, 'amount': 10,
                'company_id': other.id, 'date_from': self.d(1, 1)})
        self.assertEqual(Settlement.search_count([]), count)

    def test_rules_edited_by_specialist_only(self):
        """Dealers and staff read the rules; only the specialist changes them;
        overlapping rules and absurd values are refused with a message."""
        with self.assertRefused(AccessError):
            self.rule_reward.sudo(self.engineer_a).write({'amount': 99999})
        with self.assertRefused(AccessError):
            self.rule_reward.sudo(self.finance).write({'amount': 99999})
        self.assertEqual(self.rule_reward.sudo(self.engineer_a).amount, 500.0)
        Rule = self.env['oldparts.incentive.rule'].sudo(self.specialist)
        self.assertRefused(
            ValidationError, 'valid on the same days', '同一天',
            lambda: Rule.create({'name': 'Twice', 'kind': 'unauthorized_disposal',
                                 'applies_to': 'both', 'amount': 1,
                                 'date_from': self.d(6, 1)}))
        self.assertRefused(
            ValidationError, 'must be greater than zero', '必须大于零',
            lambda: Rule.create({'name': 'Zero', 'kind': 'not_handed_over', 'amount': 0,
                                 'days': 30, 'applies_to': 'dealer',
                                 'date_from': self.d(1, 1), 'company_id': self.company.id}))

    def test_unauthorized_disposal_recorded_by_specialist_only(self):
        """The engineer cannot record or erase an unauthorised disposal."""
        self.assertRefused(
            UserError, 'Only the old-parts specialist records', '只有旧件管理专干',
            lambda: self.p4.sudo(self.engineer_a).write({'unauthorized_disposal_date': False}))
        self.assertEqual(self.p4.unauthorized_disposal_date, self.d(4, 10))

    def test_dealer_isolation(self):
        """Dealer B sees only its own settlements, lines and KPIs."""
        settlement_a = self._generate(3)
        settlement_b = self._generate(3, dealers=self.dealer_b)
        Settlement = self.env['oldparts.settlement'].sudo(self.engineer_b)
        self.assertEqual(Settlement.search([]), settlement_b)
        with self.assertRefused(AccessError):
            settlement_a.sudo(self.engineer_b).read(['amount_total'])
        self.assertFalse(self.env['oldparts.settlement.line'].sudo(self.engineer_b).search(
            [('dealer_id', '=', self.dealer_a.id)]))
        kpis = self.env['oldparts.incentive.kpi.report'].sudo(self.engineer_b).search([])
        self.assertTrue(kpis)
        self.assertEqual(kpis.mapped('dealer_id'), self.dealer_b)
        # the specialist of another company sees nothing of this company
        other = self.env['res.company'].create({'name': 'Other Crane Co'})
        stranger = self._create_user('other_specialist', 'group_oldparts_specialist',
                                     company=other)
        self.assertFalse(self.env['oldparts.settlement'].sudo(stranger).search([]))
        with self.assertRefused(AccessError):
            settlement_a.sudo(stranger).read(['name'])


class TestSettlementDispute(OldpartsIncentiveCase):

    def test_dispute_waived_and_kept_on_regeneration(self):
        """Dealer A disputes a line of the checked settlement: back to draft,
        the specialist waives it, the recomputation keeps the waiver and
        the days stay counted."""
        settlement = self._generate(3)
        settlement.sudo(self.specialist).action_check()
        line = settlement.line_ids.filtered(lambda l: l.part_id == self.p3)
        line.sudo(self.users['dealer_a']).action_dispute('部件已交付物流')
        self.assertEqual((settlement.state, line.dispute_state), ('draft', 'disputed'))
        self.assertRefused(
            UserError, 'answer the disputed lines first', '请先答复',
            lambda: settlement.sudo(self.specialist).action_check())
        line.sudo(self.specialist).action_waive('已核实')
        self.assertEqual(settlement.amount_total, -540.0)
        settlement.sudo(self.specialist).action_compute()
        waived = settlement.line_ids.filtered(lambda l: l.part_id == self.p3)
        self.assertEqual((waived.dispute_state, waived.amount), ('waived', 0.0))
        self.assertEqual(settlement.amount_total, -540.0)
        settlement.sudo(self.specialist).action_check()
        self.assertEqual(settlement.state, 'checked')

    def test_dispute_refusals(self):
        """Another dealer, a draft settlement, an empty reason: refused."""
        settlement = self._generate(3)
        line = settlement.line_ids[0]
        self.assertRefused(
            UserError, 'can be disputed once checked', '核对后',
            lambda: line.sudo(self.users['dealer_a']).action_dispute('不对'))
        settlement.sudo(self.specialist).action_check()
        with self.assertRefused(AccessError):
            line.sudo(self.engineer_b).action_dispute('不对')
        self.assertRefused(
            UserError, 'Only the dealer of settlement', '只有',
            lambda: line.sudo(self.specialist).action_dispute('不对'))
        with self.assertRefused(UserError, 'reason of the dispute'):
            line.sudo(self.users['dealer_a']).action_dispute(' ')
        self.assertEqual((settlement.state, line.dispute_state), ('checked', 'none'))


class TestCron(OldpartsIncentiveCase):

    def test_monthly_job_creates_drafts(self):
        """The monthly job creates the drafts of last month; run twice, no duplicate."""
        Settlement = self.env['oldparts.settlement']
        self.env['oldparts.settlement']._cron_generate_monthly()
        first = Settlement.search([('state', '=', 'draft')])
        Settlement._cron_generate_monthly()
        self.assertEqual(Settlement.search([('state', '=', 'draft')]), first)
