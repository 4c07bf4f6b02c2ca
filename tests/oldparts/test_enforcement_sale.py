"""What was approved is what is executed (issue 8): a dealer's sale
application, once submitted, keeps its parts, quotes, prices and reduction;
the weighed lot is the approved lot; a wrong sale is reversed, never deleted;
an approved scrap sign-off keeps its parts."""
from odoo.exceptions import UserError

from .sale_common import OldpartsSaleCase


class TestSaleHeldByTheServer(OldpartsSaleCase):

    def _approved(self, part, **values):
        application = self._create_application(part, **values)
        application.sudo(self.dealer_user_a).action_submit()
        self._approve_all(application)
        self.assertEqual(application.state, 'approved')
        return application

    def test_dealer_cannot_approve_by_writing_the_state(self):
        """The dealer writes 'approved' on its submitted application: refused, nothing sold."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError, 'cannot be changed here'):
            application.sudo(self.dealer_user_a).write({'state': 'approved'})
        with self.assertRefused(UserError, 'is in state'):
            application.sudo(self.dealer_user_a).action_execute()
        self.assertEqual(application.state, 'submitted')
        self.assertFalse(application.invoice_id)

    def test_approved_terms_locked(self):
        """After approval, the quote, the reduction, the lines and the part's
        quantity are what the approvers saw."""
        part = self._handed_over_part()
        application = self._approved(part, remote_reduction=5.0)
        low = application.quote_ids.sorted('price')[0]
        dealer = self.dealer_user_a
        for vals in ({'quote_id': low.id}, {'remote_reduction': 10.0},
                     {'buyer_bears_costs': False}, {'date': self._date(-1)},
                     {'line_ids': [(1, application.line_ids.id, {'weighed_weight': 9.0})]}):
            with self.assertRefused(UserError):
                application.sudo(dealer).write(vals)
        with self.assertRefused(UserError, 'can no longer change'):
            application.line_ids.sudo(dealer).write({'weighed_weight': 9.0})
        with self.assertRefused(UserError, 'can no longer change'):
            low.sudo(dealer).action_select()
        with self.assertRefused(UserError, 'cannot be changed here'):
            part.sudo(dealer).write({'quantity': 10.0})
        self.assertEqual(application.quote_id.price, 2000.0)
        self.assertEqual((application.remote_reduction, part.quantity), (5.0, 1.0))

    def test_weighed_weight_beyond_tolerance_needs_a_new_approval(self):
        """3.1 t weighed against 1.85 t approved: refused; back to draft, the
        weight corrected, approved again, then sold at the weighed tons."""
        part = self._handed_over_part()
        application = self._approved(part)
        application.sudo(self.dealer_user_a).write({'weighbridge_weight': 3.1})
        with self.assertRefused(UserError, 'more than 5.0 %'):
            application.sudo(self.dealer_user_a).action_execute()
        self.assertEqual(application.state, 'approved')
        application.sudo(self.dealer_user_a).action_draft()
        self.assertEqual(application.state, 'draft')
        self.assertFalse(application.approval_review_ids.filtered(
            lambda r: r.status in ('pending', 'waiting')))
        application.line_ids.sudo(self.dealer_user_a).write({'weighed_weight': 3.1})
        application.sudo(self.dealer_user_a).action_submit()
        self._approve_all(application)
        application.sudo(self.dealer_user_a).write({'weighbridge_weight': 3.05})
        application.sudo(self.dealer_user_a).action_execute()
        self.assertEqual(application.state, 'sold')

    def test_reversal_instead_of_deletion(self):
        """A wrong sale: not deleted; reversed by the general manager with a
        reason: credit note, parts back in stock and in local disposal."""
        part = self._handed_over_part()
        location = self._location(part)
        application = self._approved(part)
        application.sudo(self.dealer_user_a).write({'weighbridge_weight': 1.9})
        application.sudo(self.dealer_user_a).action_execute()
        self.assertEqual(self._qty(self.boom, location), 0.0)
        with self.assertRefused(UserError, 'cannot be deleted'):
            application.sudo(self.dealer_user_a).unlink()
        with self.assertRefused(UserError, 'not allowed'):
            application.sudo(self.dealer_user_a).action_reverse()
        with self.assertRefused(UserError, 'reason'):
            application.sudo(self.general_manager).action_reverse()
        application.sudo(self.general_manager).write({'reversal_reason': '买方重复登记'})
        application.sudo(self.general_manager).action_reverse()
        self.assertEqual(application.state, 'reversed')
        refund = application.refund_id
        self.assertEqual((refund.type, refund.state), ('out_refund', 'paid'))
        self.assertEqual(refund.amount_total, application.invoice_id.amount_total)
        self.assertEqual(application.invoice_id.state, 'paid')
        self.assertEqual(part.state, 'in_local_disposal')
        self.assertEqual(self._qty(self.boom, location), 1.0)
        # the part is free for a new application
        self.assertFalse(part.live_document_ref)
        again = self._create_application(part)
        self.assertEqual(again.state, 'draft')

    def test_no_deletion_after_reset(self):
        """Submitted, cancelled and reset to draft: still not deletable."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        application.sudo(self.specialist).action_cancel()
        application.sudo(self.dealer_user_a).action_draft()
        with self.assertRefused(UserError, 'cannot be deleted'):
            application.sudo(self.dealer_user_a).unlink()
        self.assertTrue(application.exists())

    def test_awaiting_my_approval(self):
        """Each approver finds the applications whose pending step is theirs."""
        application = self._create_application(self._handed_over_part())
        application.sudo(self.dealer_user_a).action_submit()
        Application = self.env['oldparts.sale.application']
        domain = [('can_approve', '=', True), ('id', '=', application.id)]
        self.assertEqual(Application.sudo(self.specialist).search(domain), application)
        self.assertFalse(Application.sudo(self.general_manager).search(domain))
        application.sudo(self.specialist).action_approve()
        self.assertFalse(Application.sudo(self.specialist).search(domain))
        self.assertEqual(Application.sudo(self.general_manager).search(domain), application)
        self.assertIn(application, Application.sudo(self.specialist).search(
            [('can_approve', '=', False)]))
