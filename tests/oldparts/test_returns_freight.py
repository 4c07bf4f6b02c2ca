"""Return freight requests (附件四 旧件返司运费申请单): approval steps and the
carrier's vendor bill."""
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError, ValidationError

from .returns_common import OldpartsReturnsCase


class TestReturnsFreight(OldpartsReturnsCase):

    @classmethod
    def setUpClass(cls):
        super(TestReturnsFreight, cls).setUpClass()
        cls.approval_activity = cls.env.ref('oldparts_module.mail_activity_type_oldparts_approval')

    def _request(self, amount, shipment=None, user=None):
        shipment = shipment or self._shipment(self._handed_over_part())
        return self.env['oldparts.freight.request'].sudo(user or self.keeper_a).create({
            'shipment_id': shipment.id,
            'carrier_id': self.carrier.id,
            'amount': amount,
        })

    def _approvers(self, request):
        return request.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.approval_activity).mapped('user_id')

    def test_small_freight_one_step(self):
        """Freight of 500: the specialist approves and the carrier's draft bill is created on the freight account."""
        request = self._request(500.0)
        self.assertTrue(request.name.startswith('JJYF'))
        self.assertEqual(request.dealer_id, self.dealer_a)
        request.action_submit()
        self.assertEqual(request.state, 'submitted')
        self.assertEqual(len(request.approval_review_ids), 1)
        self.assertIn(self.specialist, self._approvers(request))
        self.assertNotIn(self.general_manager, self._approvers(request))
        self.assertRefused(UserError, 'may approve', '可以审批',
            lambda: request.sudo(self.general_manager).action_approve())
        request.sudo(self.specialist).action_approve()
        self.assertEqual(request.state, 'approved')
        self.assertFalse(self._approvers(request))
        bill = request.sudo().invoice_id
        self.assertEqual(bill.type, 'in_invoice')
        self.assertEqual(bill.state, 'draft')
        self.assertEqual(bill.partner_id, self.carrier)
        self.assertEqual(bill.amount_total, 500.0)
        self.assertEqual(bill.amount_tax, 0.0)
        self.assertEqual(bill.invoice_line_ids.account_id, self.freight_account)
        self.assertEqual(bill.account_id, self.carrier.property_account_payable_id)
        self.assertEqual(bill.journal_id.type, 'purchase')
        self.assertEqual(bill.reference, 'DB20260001')
        self.assertEqual(bill.oldparts_freight_request_id, request)
        # Finance can validate it as usual.
        bill.sudo(self.finance).action_invoice_open()
        self.assertEqual(bill.state, 'open')
        self.assertEqual(bill.residual, 500.0)

    def test_large_freight_two_steps(self):
        """Freight of 3,000: the specialist verifies, then the general manager approves; one bill only."""
        request = self._request(3000.0)
        request.action_submit()
        self.assertEqual(len(request.approval_review_ids), 2)
        request.sudo(self.specialist).action_approve()
        self.assertEqual(request.state, 'submitted')
        self.assertFalse(request.sudo().invoice_id)
        self.assertEqual(self._approvers(request) & (self.specialist | self.general_manager),
                         self.general_manager)
        request.sudo(self.general_manager).action_approve()
        self.assertEqual(request.state, 'approved')
        self.assertEqual(request.sudo().invoice_id.amount_total, 3000.0)
        # A second click on approve is refused and creates no second bill.
        self.assertRefused(UserError, 'not waiting for an approval', '没有待审批',
            lambda: request.sudo(self.general_manager).action_approve())
        self.assertRefused(UserError, 'Cannot submit', '无法提交', lambda: request.action_submit())
        self.assertEqual(self.env['account.invoice'].search_count(
            [('oldparts_freight_request_id', '=', request.id)]), 1)

    def test_refusal(self):
        """The general manager refuses with a reason: the request is back in draft with the
        reason, no bill; it is corrected and resubmitted, the reason cleared."""
        request = self._request(2500.0)
        request.action_submit()
        request.sudo(self.specialist).action_approve()
        wizard_action = request.sudo(self.general_manager).action_refuse_wizard()
        wizard = self.env['oldparts.approval.refuse'].sudo(self.general_manager).with_context(
            wizard_action['context']).create({'reason': '运费高于合同价'})
        wizard.action_refuse()
        self.assertEqual(request.state, 'draft')
        self.assertEqual(request.refusal_reason, '运费高于合同价')
        self.assertFalse(request.sudo().invoice_id)
        self.assertEqual(request.approval_review_ids.filtered(
            lambda r: r.status == 'refused').reason, '运费高于合同价')
        # Still the shipment's one request: a second one is refused.
        with self.assertRefused(ValidationError, 'already has freight request'):
            self._request(1800.0, shipment=request.shipment_id)
        request.write({'amount': 1800.0})
        request.action_submit()
        self.assertFalse(request.refusal_reason)
        request.sudo(self.specialist).action_approve()
        self.assertEqual(request.state, 'approved')
        self.assertEqual(request.sudo().invoice_id.amount_total, 1800.0)

    def test_administrator_may_approve_every_step(self):
        """The general manager's step: the administrator (SUPERUSER_ID) may approve it and
        finds it under Awaiting My Approval; the specialist neither."""
        request = self._request(2500.0)
        request.action_submit()
        request.sudo(self.specialist).action_approve()
        Request = self.env['oldparts.freight.request']
        self.assertEqual(Request.env.uid, SUPERUSER_ID)
        mine = [('can_approve', '=', True), ('id', '=', request.id)]
        self.assertEqual(Request.search(mine), request)
        self.assertFalse(Request.sudo(self.specialist).search(mine))
        self.assertFalse(request.sudo(self.specialist).can_approve)
        request.sudo().action_approve()
        self.assertEqual(request.state, 'approved')

    def test_no_step_approves_at_once(self):
        """With no approval step configured for freight, submitting creates the bill at once."""
        self.env['oldparts.approval.tier'].search(
            [('model_name', '=', 'oldparts.freight.request')]).write({'active': False})
        request = self._request(800.0)
        request.action_submit()
        self.assertEqual(request.state, 'approved')
        self.assertEqual(request.sudo().invoice_id.amount_total, 800.0)

    def test_refusals(self):
        """No amount, no freight account, a second request or an unshipped shipment are refused."""
        shipment = self._shipment(self._handed_over_part())
        self.assertRefused(ValidationError, 'greater than zero', '必须大于零',
            lambda: self._request(0.0, shipment=shipment))
        request = self._request(600.0, shipment=shipment)
        self.assertRefused(ValidationError, 'already has freight request', '已有运费申请单',
            lambda: self._request(300.0, shipment=shipment))
        self.company.oldparts_freight_account_id = False
        self.assertRefused(UserError, 'freight expense account', '运费科目',
            lambda: request.action_submit())
        self.assertEqual(request.state, 'draft')
        draft_shipment = self._shipment(
            self._handed_over_part(work_order_ref='PG-2026-0002'), confirm=False)
        early = self._request(100.0, shipment=draft_shipment)
        self.assertRefused(UserError, 'has not been shipped', '尚未发运',
            lambda: early.action_submit())

    def test_carrier_from_shipment(self):
        """A freight request names the shipment's carrier unless told otherwise."""
        shipment = self._shipment(self._handed_over_part())
        request = self.env['oldparts.freight.request'].sudo(self.keeper_a).create({
            'shipment_id': shipment.id, 'amount': 450.0})
        self.assertEqual(request.carrier_id, self.carrier)
        self.assertEqual(request.company_id, self.company)

    def test_dealer_scope(self):
        """Dealer B's keeper neither sees nor requests freight for dealer A's shipment."""
        request = self._request(500.0)
        Request = self.env['oldparts.freight.request'].sudo(self.keeper_b)
        self.assertFalse(Request.search([('id', '=', request.id)]))
        with self.assertRaises(AccessError):
            request.sudo(self.keeper_b).action_submit()
        self.assertEqual(request.state, 'draft')

    def test_freight_request_pdf(self):
        """The freight request form (附件四) prints the shipment, carrier, waybill, amount and approvals."""
        request = self._request(3000.0)
        request.action_submit()
        request.sudo(self.specialist).action_approve()
        text = self._pdf_text(self._pdf(
            'oldparts_module.action_report_oldparts_freight_request', request,
            user=self.specialist))
        for expected in ('Old-Part Return Freight Request', request.name, request.shipment_id.name,
                         '德邦物流', 'DB20260001', '3,000.00', 'Specialist'):
            self.assertIn(expected, text)
