"""Sale application (附件五): quotes, reasons, approvals by the specialist,
the general manager and, above 50,000, the company leader; refusals; lot
splitting; roles and states."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .sale_common import OldpartsSaleCase


class TestSaleApplication(OldpartsSaleCase):

    def test_number_from_sequence(self):
        """A new application takes its number from the sequence, not '/'."""
        application = self._create_application(self._handed_over_part())
        self.assertTrue(application.name.startswith('JJBM'))
        self.assertEqual(application.state_id, self.state_nx)
        self.assertEqual(application.company_id, self.company)

    def test_fewer_than_three_quotes_refused(self):
        """Two quotes are not enough to submit."""
        application = self._create_application(
            self._handed_over_part(), quotes=(2000.0, 1900.0))
        self.assertRefused(ValidationError, 'at least 3 different buyers', '至少需要 3 家',
            lambda: application.sudo(self.dealer_user_a).action_submit())
        self.assertEqual(application.state, 'draft')

    def test_quotes_of_the_same_buyer_count_once(self):
        """Three quotes from two buyers are two buyers."""
        application = self._create_application(
            self._handed_over_part(), quotes=(2000.0, 1900.0))
        application.sudo(self.dealer_user_a).write({'quote_ids': [(0, 0, {
            'partner_id': self.buyers[0].id, 'contact_name': '李', 'phone': '1',
            'price': 1950.0})]})
        self.assertEqual(len(application.quote_ids), 3)
        with self.assertRefused(ValidationError):
            application.sudo(self.dealer_user_a).action_submit()

    def test_minimum_quotes_is_configuration(self):
        """With the company minimum set to 2, two quotes are enough."""
        self.company.oldparts_min_quotes = 2
        application = self._create_application(
            self._handed_over_part(), quotes=(2000.0, 1900.0))
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')

    def test_no_selected_quote_refused(self):
        """Submitting without choosing the buyer is refused."""
        application = self._create_application(self._handed_over_part())
        application.quote_id = False
        with self.assertRefused(ValidationError, 'select the quote'):
            application.sudo(self.dealer_user_a).action_submit()

    def test_below_floor_without_reason_refused(self):
        """1500 under a floor of 1530 is flagged and needs a written reason."""
        application = self._create_application(
            self._handed_over_part(), quotes=(1500.0, 1450.0, 1400.0),
            buyer_bears_costs=True, remote_reduction=10.0)
        self.assertEqual(application.floor_price, 1530.0)
        self.assertTrue(application.is_below_floor)
        self.assertFalse(application.is_not_best_quote)
        self.assertRefused(ValidationError, 'below the floor', '低于底价',
            lambda: application.sudo(self.dealer_user_a).action_submit())
        application.sudo(self.dealer_user_a).below_floor_reason = \
            '锈蚀严重，三家收购商报价均低于底价。'
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')
        self.assertTrue(application.is_below_floor)

    def test_floor_price_accepted_without_reason(self):
        """Exactly the floor of 1530 needs no reason."""
        application = self._create_application(
            self._handed_over_part(), quotes=(1530.0, 1500.0, 1450.0),
            buyer_bears_costs=True, remote_reduction=10.0)
        self.assertFalse(application.is_below_floor)
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')

    def test_not_best_quote_without_reason_refused(self):
        """Selling at 1900 when 2000 was offered is flagged and needs a reason."""
        application = self._create_application(self._handed_over_part(), select=1900.0)
        self.assertTrue(application.is_not_best_quote)
        self.assertEqual(application.best_quote_price, 2000.0)
        self.assertRefused(ValidationError, 'not the best one', '不是最高报价',
            lambda: application.sudo(self.dealer_user_a).action_submit())
        application.sudo(self.dealer_user_a).quote_choice_reason = '最高报价方无危废经营许可证。'
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')

    def test_approval_specialist_then_general_manager_with_activities(self):
        """Submit: the specialist gets an activity and verifies, then the general manager decides."""
        part = self._handed_over_part()
        application = self._create_application(part)
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')
        self.assertEqual(part.state, 'in_local_disposal')
        self.assertEqual(len(application.approval_review_ids), 2)
        self.assertIn(self.specialist, application.activity_ids.mapped('user_id'))
        self.assertNotIn(self.general_manager, application.activity_ids.mapped('user_id'))
        with self.assertRefused(UserError):
            application.sudo(self.general_manager).action_approve()
        application.sudo(self.specialist).action_approve()
        self.assertEqual(application.state, 'submitted')
        self.assertIn(self.general_manager, application.activity_ids.mapped('user_id'))
        self.assertNotIn(self.specialist, application.activity_ids.mapped('user_id'))
        application.sudo(self.general_manager).action_approve()
        self.assertEqual(application.state, 'approved')
        self.assertFalse(application.activity_ids)
        self.assertEqual(application.approval_review_ids.mapped('status'), ['approved'] * 2)
        self.assertEqual(application.approval_review_ids.mapped('done_by_id'),
                         self.specialist + self.general_manager)

    def test_above_50000_company_leader_approves_too(self):
        """30 t at 2000 = 60,000: a third step for the company leader."""
        application = self._create_application(self._handed_over_part(), weights=[30.0])
        self.assertEqual(application.amount_total, 60000.0)
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(len(application.approval_review_ids), 3)
        application.sudo(self.specialist).action_approve()
        application.sudo(self.general_manager).action_approve()
        self.assertEqual(application.state, 'submitted')
        self.assertIn(self.company_leader, application.activity_ids.mapped('user_id'))
        application.sudo(self.company_leader).action_approve()
        self.assertEqual(application.state, 'approved')

    def test_tier_amount_is_configuration(self):
        """Raising the leader's step to 100,000 leaves a 60,000 lot with two steps."""
        self.env.ref('oldparts_module.approval_tier_sale_company_leader').min_amount = 100000.0
        application = self._create_application(self._handed_over_part(), weights=[30.0])
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(len(application.approval_review_ids), 2)

    def test_refusal_returns_to_dealer_with_reason(self):
        """The general manager refuses through the wizard: back to draft, with the reason."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        application.sudo(self.specialist).action_approve()
        wizard = self.env['oldparts.approval.refuse'].sudo(self.general_manager).with_context(
            active_model=application._name, active_id=application.id,
            active_ids=application.ids).create({'reason': '报价偏低，请重新询价。'})
        wizard.action_refuse()
        self.assertEqual(application.state, 'draft')
        self.assertEqual(application.refusal_reason, '报价偏低，请重新询价。')
        self.assertFalse(application.activity_ids)
        refused = application.approval_review_ids.filtered(lambda r: r.status == 'refused')
        self.assertEqual(refused.reason, '报价偏低，请重新询价。')
        # the dealer gets new quotes and submits again
        application.sudo(self.dealer_user_a).write({'quote_ids': [(0, 0, {
            'partner_id': self.buyers[3].id, 'contact_name': '王', 'phone': '2',
            'price': 2100.0})]})
        application.quote_ids.filtered(lambda q: q.price == 2100.0).sudo(
            self.dealer_user_a).action_select()
        application.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(application.state, 'submitted')
        self.assertFalse(application.refusal_reason)
        self.assertEqual(application.approval_review_ids.mapped('status'), ['pending', 'waiting'])

    def test_refusal_without_reason_refused(self):
        """A refusal needs a reason."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            application.sudo(self.specialist).action_refuse('  ')

    def test_split_lot_counts_as_one_for_approval(self):
        """Two 30,000 applications of a dealer within the window: the second
        is flagged and needs the company leader, as the lot is 60,000."""
        first = self._create_application(self._handed_over_part(), weights=[15.0])
        first.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(len(first.approval_review_ids), 2)
        self.assertFalse(first.is_split_suspect)
        second = self._create_application(self._handed_over_part(), weights=[15.0])
        self.assertEqual(second.amount_total, 30000.0)
        self.assertEqual(second.lot_amount, 60000.0)
        self.assertEqual(second.lot_application_ids, first)
        self.assertTrue(second.is_split_suspect)
        second.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(len(second.approval_review_ids), 3)
        self.assertTrue(any(first.name in (m.body or '') for m in second.message_ids))

    def test_applications_outside_window_are_separate_lots(self):
        """An application 40 days earlier is not part of the lot."""
        self.env['oldparts.market.price'].create({
            'state_id': self.state_nx.id, 'grade_id': self.heavy.id,
            'date': self._date(-45), 'price': 1950.0})
        first = self._create_application(
            self._handed_over_part(), weights=[15.0], date=self._date(-40))
        first.sudo(self.dealer_user_a).action_submit()
        second = self._create_application(self._handed_over_part(), weights=[15.0])
        self.assertFalse(second.lot_application_ids)
        self.assertFalse(second.is_split_suspect)

    def test_part_on_one_application_only(self):
        """The same old part cannot be sold through two applications."""
        part = self._handed_over_part()
        self._create_application(part)
        with self.assertRefused(ValidationError, 'is already on'):
            self._create_application(part)

    def test_part_not_for_local_sale_refused(self):
        """A part classified for destruction cannot be on a sale application."""
        part = self._handed_over_part(disposal='destroy')
        with self.assertRefused(ValidationError):
            self._create_application(part, weights=[1.0], grades=[self.heavy])

    def test_wrong_state_part_not_handed_over_refused(self):
        """A part still with the engineer (classified, not handed over) cannot be submitted."""
        part = self._create_part(
            user=self.engineer_a, product_id=self.boom.id, scrap_value=3000.0)
        part.sudo(self.specialist).action_classify()
        application = self._create_application(part)
        self.assertRefused(UserError, 'is in state', '当前状态为',
            lambda: application.sudo(self.dealer_user_a).action_submit())

    def test_wrong_state_actions_refused(self):
        """Approving a draft, recording the sale of a submitted lot, or submitting twice is refused."""
        application = self._create_application(self._handed_over_part())
        with self.assertRefused(UserError):
            application.sudo(self.specialist).action_approve()
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            application.sudo(self.dealer_user_a).action_submit()
        self.assertRefused(UserError, 'cannot be changed here', '不能在此修改',
            lambda: setattr(application.sudo(self.dealer_user_a), 'weighbridge_weight', 1.9))
        self.assertRefused(UserError, 'is in state', '当前状态为',
            lambda: application.sudo(self.dealer_user_a).action_execute())

    def test_lines_and_quotes_locked_after_submission(self):
        """Once submitted the dealer cannot change the parts or the quotes."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            application.quote_ids[0].sudo(self.dealer_user_a).price = 3000.0
        with self.assertRefused(UserError):
            application.line_ids.sudo(self.dealer_user_a).weighed_weight = 0.5

    def test_wrong_role_refused(self):
        """The dealer cannot approve; the general manager cannot submit; finance cannot approve."""
        application = self._create_application(self._handed_over_part())
        with self.assertRefused(UserError):
            application.sudo(self.general_manager).action_submit()
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            application.sudo(self.dealer_user_a).action_approve()
        with self.assertRefused(UserError):
            application.sudo(self.finance).action_approve()
        with self.assertRefused(UserError):
            application.sudo(self.dealer_user_a).action_refuse('不同意')

    def test_dealer_sees_only_own_applications(self):
        """Dealer B's engineer can neither read nor find dealer A's application."""
        application = self._create_application(self._handed_over_part())
        Application = self.env['oldparts.sale.application']
        self.assertFalse(Application.sudo(self.engineer_b).search([('id', '=', application.id)]))
        with self.assertRefused(AccessError):
            application.sudo(self.engineer_b).read(['name'])
        self.assertTrue(Application.sudo(self.general_manager).search([('id', '=', application.id)]))

    def test_other_company_neither_sees_nor_prices(self):
        """Another company's specialist does not see the application; its prices do not apply."""
        other = self.env['res.company'].create({
            'name': '另一起重机公司', 'currency_id': self.company.currency_id.id})
        other_specialist = self._create_user(
            'specialist_other', 'group_oldparts_specialist', company=other)
        self.env['oldparts.market.price'].create({
            'state_id': self.state_nx.id, 'grade_id': self.heavy.id,
            'date': self._date(0), 'price': 2600.0, 'company_id': other.id})
        application = self._create_application(self._handed_over_part())
        self.assertEqual(application.market_price, 2000.0)
        Application = self.env['oldparts.sale.application']
        self.assertFalse(Application.sudo(other_specialist).search([('id', '=', application.id)]))
        with self.assertRefused(AccessError):
            application.sudo(other_specialist).read(['name'])

    def test_dealer_cancels_draft_only(self):
        """The dealer withdraws a draft; once submitted only the specialist cancels."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            application.sudo(self.dealer_user_a).action_cancel()
        application.sudo(self.specialist).action_cancel()
        self.assertEqual(application.state, 'cancel')
        self.assertFalse(application.activity_ids)
        # the part, already in local disposal, can go on a new application
        part = application.line_ids.part_id
        other = self._create_application(part)
        other.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(other.state, 'submitted')

    def test_form_opens_for_each_role(self):
        """Dealer, specialist, approvers and finance can open the application form."""
        application = self._create_application(self._handed_over_part())
        for user in (self.dealer_user_a, self.specialist, self.general_manager,
                     self.company_leader, self.finance):
            view = self._open_form(application, user)
            self.assertIn('floor_price', view['fields'])

    def test_application_report_prints(self):
        """The sale application (附件五) prints with its floor and quotes."""
        application = self._create_application(
            self._handed_over_part(), buyer_bears_costs=True, remote_reduction=10.0)
        text = self._pdf_text('oldparts_module.action_report_oldparts_sale_application',
                              application, user=self.specialist, lang='zh_CN')
        self.assertIn('旧件变卖申请单', text)
        self.assertIn(application.name, text)
        self.assertIn('1,530.00', text)
        self.assertIn(self.buyers[0].name, text)

    def test_selected_quote_reads_as_buyer_and_price(self):
        """The selected quote shows its buyer and price (chatter, selection field)."""
        application = self._create_application(self._handed_over_part())
        self.assertEqual(application.quote_id.display_name, '%s (2000.0)' % self.buyers[0].name)
