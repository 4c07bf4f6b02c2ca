"""Execution of an approved sale: parts leave the dealer's old-part
location once, a posted customer invoice per grade at the approved price,
finance's payment reconciled with it, the receipt (附件六) printed."""
from odoo.exceptions import AccessError, UserError

from .sale_common import OldpartsSaleCase


class TestSaleExecution(OldpartsSaleCase):

    def _approved_application(self, parts, **values):
        application = self._create_application(parts, **values)
        application.sudo(self.dealer_user_a).action_submit()
        self._approve_all(application)
        self.assertEqual(application.state, 'approved')
        return application

    def _execute(self, application, weight, ticket='BD-0001', user=None):
        user = user or self.dealer_user_a
        application.sudo(user).write({
            'weighbridge_weight': weight, 'weighbridge_ticket': ticket,
            'sale_date': self._date(0)})
        application.sudo(user).action_execute()

    def _register_payment(self, application, amount=None):
        """Finance opens the payment form from the application and posts it."""
        action = application.sudo(self.finance).action_register_payment()
        Payment = self.env['account.payment'].sudo(self.finance).with_context(action['context'])
        values = {
            'journal_id': self.bank_journal.id,
            'payment_method_id': self.env.ref('account.account_payment_method_manual_in').id,
        }
        if amount is not None:
            values['amount'] = amount
        payment = Payment.create(values)
        self.assertEqual(payment.partner_id, application.buyer_id)
        payment.post()
        return payment

    def test_sale_delivered_invoiced_paid_and_receipt_printed(self):
        """Approved lot weighed at 1.9 t: stock leaves, invoice posted, payment reconciled, receipt printed."""
        part = self._handed_over_part()
        location = self._location(part)
        self.assertEqual(self._qty(self.boom, location), 1.0)
        application = self._approved_application(part, buyer_bears_costs=True)
        self._execute(application, 1.9)

        self.assertEqual(application.state, 'sold')
        self.assertEqual(part.state, 'disposed')
        # stock left the dealer's old-part location, to the buyer
        self.assertEqual(self._qty(self.boom, location), 0.0)
        picking = application.picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.state, 'done')
        self.assertEqual(picking.location_id, location)
        self.assertEqual(picking.partner_id, self.buyers[0])
        self.assertEqual(picking.move_lines.mapped('quantity_done'), [1.0])
        self.assertEqual(picking.location_dest_id, self.env.ref('stock.stock_location_customers'))
        # the ledger's stock history ends with the delivery: the part is no longer in stock
        self.assertEqual(picking.move_lines.oldparts_part_id, part)
        self.assertIn(picking.move_lines, part.stock_move_ids)
        self.assertFalse(part._oldparts_stock_location())
        # invoice: the heavy scrap product, 1.9 t at the approved 2000, on the scrap income account
        invoice = application.invoice_id
        self.assertEqual(invoice.type, 'out_invoice')
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(invoice.partner_id, self.buyers[0])
        self.assertEqual(invoice.origin, application.name)
        line = invoice.invoice_line_ids
        self.assertEqual(line.product_id, self.heavy.product_id)
        self.assertEqual(line.uom_id, self.env.ref('product.product_uom_ton'))
        self.assertAlmostEqual(line.quantity, 1.9)
        self.assertEqual(line.price_unit, 2000.0)
        self.assertEqual(line.account_id, self.income_account)
        self.assertEqual(invoice.amount_total, 3800.0)
        self.assertEqual(application.amount_sold, 3800.0)
        move = invoice.move_id
        self._assert_move_posted_and_balanced(move)
        income = move.line_ids.filtered(lambda l: l.account_id == self.income_account)
        self.assertEqual(income.credit, 3800.0)
        receivable = move.line_ids.filtered(
            lambda l: l.account_id == self.buyers[0].property_account_receivable_id)
        self.assertEqual(receivable.debit, 3800.0)

        # finance registers the buyer's payment
        payment = self._register_payment(application)
        self.assertEqual(payment.amount, 3800.0)
        self.assertEqual(payment.state, 'posted')
        self.assertNotIn(payment.name, (False, '/', 'Draft Payment'))
        self._assert_move_posted_and_balanced(payment.move_line_ids.mapped('move_id'))
        self.assertEqual(invoice.state, 'paid')
        self.assertTrue(receivable.reconciled)
        self.assertEqual(application.state, 'paid')
        self.assertEqual(application.payment_ids, payment)

        # the receipt, numbered at posting, printed for real
        text = self._pdf_text('oldparts_module.action_report_oldparts_payment_receipt',
                              payment, user=self.finance, lang='zh_CN')
        self.assertIn('回款单', text)
        self.assertIn(payment.name, text)
        self.assertIn(application.name, text)
        self.assertIn(self.buyers[0].name, text)
        self.assertIn('叁仟捌佰元整', text)
        self.assertIn('1.900', text)
        action = application.sudo(self.finance).action_print_receipt()
        self.assertEqual(action['report_name'], 'oldparts_module.report_oldparts_payment_receipt')

    def test_mixed_grades_invoiced_per_grade(self):
        """3.1 t weighed for 2 t heavy and 1 t light: 2.067 t and 1.033 t at the approved price."""
        heavy_part = self._handed_over_part()
        light_part = self._handed_over_part(product=self.cover)
        application = self._approved_application(
            heavy_part + light_part, weights=[2.0, 1.0], grades=[self.heavy, self.light])
        self._execute(application, 3.1)
        lines = application.invoice_id.invoice_line_ids.sorted(lambda l: l.product_id.id)
        by_product = {l.product_id: l for l in lines}
        self.assertAlmostEqual(by_product[self.heavy.product_id].quantity, 2.067)
        self.assertAlmostEqual(by_product[self.light.product_id].quantity, 1.033)
        self.assertAlmostEqual(sum(lines.mapped('quantity')), 3.1)
        self.assertEqual(set(lines.mapped('price_unit')), {2000.0})
        self.assertEqual(application.invoice_id.amount_total, 6200.0)
        self._assert_move_posted_and_balanced(application.invoice_id.move_id)
        self.assertEqual(self._qty(self.boom, self._location(heavy_part)), 0.0)
        self.assertEqual(self._qty(self.cover, self._location(light_part)), 0.0)

    def test_stock_leaves_exactly_once(self):
        """Two boom sections in stock, one sold: one left; the sale cannot be recorded again."""
        part = self._handed_over_part()
        other = self._handed_over_part()
        location = self._location(part)
        self.assertEqual(self._qty(self.boom, location), 2.0)
        application = self._approved_application(part)
        self._execute(application, 1.8)
        self.assertEqual(self._qty(self.boom, location), 1.0)
        self.assertRefused(UserError, 'is in state', '当前状态为',
            lambda: application.sudo(self.dealer_user_a).action_execute())
        self.assertEqual(self._qty(self.boom, location), 1.0)
        moves = self.env['stock.move'].search([
            ('location_id', '=', location.id), ('state', '=', 'done')])
        self.assertEqual(sum(moves.mapped('product_qty')), 1.0)

    def test_part_not_in_stock_refused(self):
        """A part an inventory count found missing from the dealer's location cannot be sold."""
        part = self._handed_over_part()
        application = self._approved_application(part)
        self._take_out_of_stock(part)
        self.assertRefused(UserError, 'not in stock', '不在库位',
            lambda: self._execute(application, 1.8))
        self.assertEqual(application.state, 'approved')
        self.assertFalse(application.invoice_id)

    def test_weighbridge_weight_required(self):
        """No weighbridge weight, no sale."""
        part = self._handed_over_part()
        application = self._approved_application(part)
        with self.assertRefused(UserError, 'weighbridge'):
            application.sudo(self.dealer_user_a).action_execute()

    def test_scrap_income_account_required(self):
        """Without the configured scrap income account the sale is refused."""
        part = self._handed_over_part()
        application = self._approved_application(part)
        self.company.oldparts_scrap_income_account_id = False
        with self.assertRefused(UserError, 'scrap income account'):
            self._execute(application, 1.8)
        self.assertEqual(self._qty(self.boom, self._location(part)), 1.0)

    def test_wrong_roles_for_execution_and_payment(self):
        """The general manager cannot record the sale; the dealer and the specialist cannot register payments."""
        part = self._handed_over_part()
        application = self._approved_application(part)
        with self.assertRefused(UserError):
            self._execute(application, 1.8, user=self.general_manager)
        self._execute(application, 1.8, user=self.specialist)
        with self.assertRefused(UserError):
            application.sudo(self.dealer_user_a).action_register_payment()
        with self.assertRefused(UserError):
            application.sudo(self.specialist).action_register_payment()
        with self.assertRefused(AccessError):
            self.env['account.payment'].sudo(self.specialist).create({
                'payment_type': 'inbound', 'partner_type': 'customer',
                'partner_id': self.buyers[0].id, 'amount': 3600.0,
                'journal_id': self.bank_journal.id,
                'payment_method_id': self.env.ref('account.account_payment_method_manual_in').id})
        # paid follows the invoice (a private step), never a client's call
        self.assertFalse(hasattr(application, 'action_mark_paid'))
        with self.assertRefused(UserError, 'cannot be changed here'):
            application.sudo(self.finance).write({'state': 'paid'})

    def test_partial_payment_keeps_application_sold(self):
        """Half the amount paid: the invoice stays open, the application waits; the rest pays it."""
        part = self._handed_over_part()
        application = self._approved_application(part)
        self._execute(application, 1.9)
        self._register_payment(application, amount=2000.0)
        self.assertEqual(application.invoice_id.state, 'open')
        self.assertEqual(application.state, 'sold')
        self._register_payment(application)
        self.assertEqual(application.invoice_id.state, 'paid')
        self.assertEqual(application.state, 'paid')
        self.assertEqual(len(application.payment_ids), 2)
