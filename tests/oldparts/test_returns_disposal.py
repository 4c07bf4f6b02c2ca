"""Returned-part disposal forms (附件八 旧件回司处置单): decisions, approval and
carrying them out in stock and accounting."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .returns_common import OldpartsReturnsCase


class TestReturnsDisposal(OldpartsReturnsCase):

    @classmethod
    def setUpClass(cls):
        super(TestReturnsDisposal, cls).setUpClass()
        cls.scrap_location = cls.env.ref('stock.stock_location_scrapped')

    def _determined_parts(self, count, responsibilities=None, **values):
        """Parts handed over, shipped together, received at HQ and judged."""
        parts = self.env['oldparts.part']
        for index in range(count):
            parts |= self._handed_over_part(
                work_order_ref='PG-2026-%04d' % (index + 1), **values)
        shipment = self._shipment(parts)
        self._validate(shipment.sudo().picking_id)
        for index, part in enumerate(parts):
            responsibility = (responsibilities or {}).get(index, 'supplier')
            part.sudo(self.specialist).write({
                'responsibility': responsibility,
                'supplier_id': self.supplier.id if responsibility == 'supplier' else False,
            })
        parts.sudo(self.specialist).action_determine_responsibility()
        return [part.sudo(self.materials) for part in parts]

    def _form(self, decisions, user=None):
        """decisions: [(part, decision, extra values)]"""
        lines = []
        for part, decision, extra in decisions:
            vals = {'part_id': part.id, 'decision': decision}
            vals.update(extra)
            lines.append((0, 0, vals))
        return self.env['oldparts.disposal'].sudo(user or self.materials).create(
            {'line_ids': lines})

    def test_carry_out_every_decision(self):
        """Reuse, refurbish, claim, scrap and sell: approved by the specialist, then carried out in stock and accounting."""
        reuse, refurbish, claim, scrap, sell = self._determined_parts(5)
        self.assertEqual(self._qty(self.hq), 5.0)
        form = self._form([
            (reuse, 'reuse', {}),
            (refurbish, 'refurbish', {}),
            (claim, 'claim', {'supplier_id': self.supplier.id, 'claim_amount': 900.0}),
            (scrap, 'scrap', {}),
            (sell, 'sell', {}),
        ])
        self.assertTrue(form.name.startswith('JJCZ'))
        self.assertEqual(form.amount_total, 6000.0)
        form.action_submit()
        self.assertEqual(form.state, 'submitted')
        self.assertEqual(form.approval_pending_group_id,
                         self.env.ref('oldparts_module.group_oldparts_specialist'))
        self.assertRefused(UserError, 'Cannot carry out', '无法执行', lambda: form.action_done())
        self.assertRefused(UserError, 'may approve', '可以审批', lambda: form.action_approve())
        form.sudo(self.specialist).action_approve()
        self.assertEqual(form.state, 'approved')
        form.action_done()
        self.assertEqual(form.state, 'done')

        # Quantities on hand
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertEqual(self._qty(self.stock), 1.0)
        self.assertEqual(self._qty(self.refurbish), 1.0)
        self.assertEqual(self._qty(self.supplier_location), 1.0)
        self.assertEqual(self._qty(self.scrap_location), 1.0)
        self.assertEqual(self.product.with_context(warehouse=self.env.ref('stock.warehouse0').id)
                         .qty_available, 1.0)
        # Transfers, scrap, refund
        pickings = form.sudo().picking_ids
        self.assertEqual(len(pickings), 3)
        self.assertEqual(pickings.mapped('state'), ['done'] * 3)
        supplier_picking = pickings.filtered(lambda p: p.partner_id == self.supplier)
        self.assertEqual(supplier_picking.picking_type_id,
                         self.company.oldparts_supplier_picking_type_id)
        self.assertEqual(supplier_picking.move_lines.oldparts_part_id, claim)
        scrap_record = form.sudo().scrap_ids
        self.assertEqual(scrap_record.state, 'done')
        self.assertEqual(scrap_record.move_id.oldparts_part_id, scrap)
        refund = form.sudo().refund_ids
        self.assertEqual(refund.type, 'in_refund')
        self.assertEqual(refund.state, 'draft')
        self.assertEqual(refund.partner_id, self.supplier)
        self.assertEqual(refund.amount_total, 900.0)
        self.assertEqual(refund.invoice_line_ids.account_id, self.claim_account)
        # The reused part enters the books at cost; the others never carried value.
        reuse_move = form.sudo().line_ids.filtered(lambda l: l.decision == 'reuse').picking_id.move_lines
        self.assertEqual(reuse_move.value, 1200.0)
        # The ledger
        for part, decision in ((reuse, 'reuse'), (refurbish, 'refurbish'), (claim, 'claim'),
                               (scrap, 'scrap')):
            self.assertEqual(part.hq_decision, decision)
            self.assertEqual(part.state, 'disposed')
        self.assertEqual(sell.hq_decision, 'sell')
        self.assertEqual(sell.state, 'responsibility_determined')

        # Carrying it out again is refused and creates nothing.
        self.assertRefused(UserError, 'Cannot carry out', '无法执行', lambda: form.action_done())
        self.assertEqual(len(form.sudo().picking_ids), 3)
        self.assertEqual(len(form.sudo().scrap_ids), 1)
        self.assertEqual(len(form.sudo().refund_ids), 1)
        self.assertEqual(self._qty(self.stock), 1.0)

    def test_claim_return_only(self):
        """A claim without refund only returns the part to the supplier."""
        part, = self._determined_parts(1)
        form = self._form([(part, 'claim', {'supplier_id': self.supplier.id})])
        form.action_submit()
        form.sudo(self.specialist).action_approve()
        form.action_done()
        self.assertFalse(form.sudo().refund_ids)
        self.assertEqual(self._qty(self.supplier_location), 1.0)
        self.assertEqual(self._qty(self.hq), 0.0)

    def test_general_manager_decides_above_threshold(self):
        """Parts worth 25,000: the specialist verifies and the general manager decides."""
        part, = self._determined_parts(1, price_unit=25000.0)
        form = self._form([(part, 'scrap', {})])
        form.action_submit()
        self.assertEqual(len(form.approval_review_ids), 2)
        form.sudo(self.specialist).action_approve()
        self.assertEqual(form.state, 'submitted')
        self.assertRefused(UserError, 'Cannot carry out', '无法执行', lambda: form.action_done())
        form.sudo(self.general_manager).action_approve()
        form.action_done()
        self.assertEqual(part.state, 'disposed')
        self.assertEqual(self._qty(self.scrap_location), 1.0)

    def test_refused_form_changes_nothing(self):
        """A refused disposal form moves nothing: it is back in draft with the reason,
        still holding its part; corrected and resubmitted, it is carried out."""
        part, = self._determined_parts(1)
        form = self._form([(part, 'reuse', {})])
        form.action_submit()
        form.sudo(self.specialist).action_refuse('再利用需先检测')
        self.assertEqual(form.state, 'draft')
        self.assertEqual(form.refusal_reason, '再利用需先检测')
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertFalse(part.hq_decision)
        self.assertRefused(ValidationError, 'is already on', '已在',
            lambda: self._form([(part, 'scrap', {})]))
        form.line_ids.write({'decision': 'scrap'})
        form.action_submit()
        self.assertFalse(form.refusal_reason)
        form.sudo(self.specialist).action_approve()
        form.action_done()
        self.assertEqual(self._qty(self.scrap_location), 1.0)

    def test_wrong_state_refused(self):
        """A part not yet judged, or already on another form, is refused; so is disposing without a form."""
        received = self._received_part().sudo(self.materials)
        form = self._form([(received, 'scrap', {})])
        self.assertRefused(UserError, 'cannot be disposed of by HQ now', '目前不能回司处置',
            lambda: form.action_submit())
        self.assertEqual(form.state, 'draft')
        part, = self._determined_parts(1)
        self._form([(part, 'scrap', {})])
        self.assertRefused(ValidationError, 'is already on', '已在',
            lambda: self._form([(part, 'reuse', {})]))
        self.assertRefused(UserError, 'approved returned-part disposal form', '旧件回司处置单',
            lambda: part.sudo()._action_env()._action_dispose())
        self.assertEqual(part.state, 'responsibility_determined')

    def test_claim_rules(self):
        """Claims need the supplier's responsibility and a supplier."""
        dealer_fault, supplier_fault = self._determined_parts(2, responsibilities={0: 'dealer'})
        self.assertRefused(ValidationError, 'supplier is responsible', '责任方为供应商',
            lambda: self._form([(dealer_fault, 'claim', {'supplier_id': self.supplier.id})]))
        self.assertRefused(ValidationError, 'name the supplier', '请填写索赔的供应商',
            lambda: self._form([(supplier_fault, 'claim', {})]))
        self.assertRefused(ValidationError, 'or asks for a refund', '要求退款',
            lambda: self._form([(supplier_fault, 'claim', {'supplier_id': self.supplier.id,
                                                           'claim_return': False})]))

    def test_roles(self):
        """Dealer users have no access to disposal forms; only HQ roles carry them out."""
        part, = self._determined_parts(1)
        with self.assertRaises(AccessError):
            self._form([(part, 'scrap', {})], user=self.keeper_a)
        with self.assertRaises(AccessError):
            self._form([(part, 'scrap', {})], user=self.general_manager)
        form = self._form([(part, 'scrap', {})])
        with self.assertRaises(AccessError):
            form.sudo(self.keeper_a).read(['state'])

    def test_disposal_pdf(self):
        """The disposal form (附件八) prints each part's decision and the approvals."""
        reuse, claim = self._determined_parts(2)
        form = self._form([
            (reuse, 'reuse', {}),
            (claim, 'claim', {'supplier_id': self.supplier.id, 'claim_amount': 900.0}),
        ])
        form.action_submit()
        form.sudo(self.specialist).action_approve()
        text = self._pdf_text(self._pdf('oldparts_module.action_report_oldparts_disposal', form,
                                        user=self.materials))
        for expected in ('Returned Old-Part Disposal Form', form.name, reuse.name, claim.name, 'Reuse',
                         'Claim against', '液压件供应商', '900.00', 'YG-001'):
            self.assertIn(expected, text)
