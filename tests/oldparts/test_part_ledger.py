"""The old-part ledger: numbering, dates, delays, disposal types, states."""
from odoo import models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import OldpartsCase
from .returns_common import OldpartsReturnsCase


class TestPartLedger(OldpartsCase):

    def test_number_from_sequence_and_amount(self):
        """An engineer records a part: it is numbered and its total computed."""
        part = self._create_part(self.engineer_a, quantity=3.0, price_unit=1200.333)
        self.assertTrue(part.name.startswith('JJ'))
        self.assertNotEqual(part.name, '/')
        self.assertEqual(part.state, 'draft')
        self.assertEqual(part.engineer_id, self.engineer_a)
        self.assertEqual(part.amount_total, 3601.0)  # 3600.999 rounded to the fen
        other = self._create_part(self.engineer_a)
        self.assertNotEqual(part.name, other.name)

    def test_required_handover_date_is_completion_plus_seven(self):
        """Completed on 1月3日 → required 1月10日; the 7 is company configuration."""
        part = self._create_part(replacement_date='2026-01-03')
        self.assertEqual(part.required_handover_date, '2026-01-10')
        self.company.oldparts_handover_days = 5
        part2 = self._create_part(replacement_date='2026-01-03')
        self.assertEqual(part2.required_handover_date, '2026-01-08')

    def test_delay_days_outstanding_counts_until_today(self):
        """Required two days ago, not handed over → 2 delay days, overdue."""
        part = self._create_part(replacement_date=self._date(-9))
        self.assertEqual(part.required_handover_date, self._date(-2))
        self.assertEqual(part.delay_days, 2)
        self.assertTrue(part.is_overdue)

    def test_delay_days_until_handover(self):
        """Handed over 3 days after the required date → 3 delay days, no longer overdue."""
        part = self._create_part(replacement_date=self._date(-20))
        part.sudo(self.specialist).action_classify()
        part.sudo(self.keeper_a).write({'handover_date': self._date(-10)})   # required was -13
        part.sudo(self.keeper_a).action_hand_over()
        self.assertEqual(part.delay_days, 3)
        self.assertFalse(part.is_overdue)

    def test_delay_counts_from_reply_date_with_reason(self):
        """A reasoned later reply moves the base date: no delay until the replied date."""
        part = self._create_part(replacement_date=self._date(-9))   # required -2
        part.write({'reply_date': self._date(1), 'reply_reason': '等待备件到货'})
        self.assertEqual(part.delay_days, 0)
        self.assertFalse(part.is_overdue)
        part.write({'reply_date': self._date(-1)})
        self.assertEqual(part.delay_days, 1)

    def test_on_time_part_has_no_delay(self):
        """Replaced yesterday: required in six days, nothing late."""
        part = self._create_part(replacement_date=self._date(-1))
        self.assertEqual(part.delay_days, 0)
        self.assertFalse(part.is_overdue)

    def test_late_reply_needs_reason_and_notifies_service_manager(self):
        """A reply after the required date is refused without a reason; with one,
        the service manager representative gets an activity, once."""
        part = self._create_part(self.engineer_a, replacement_date=self._date(-3))
        with self.assertRefused(ValidationError):
            part.sudo(self.engineer_a).write({'reply_date': self._date(10)})
        self.assertFalse(part.reply_date)
        part.sudo(self.engineer_a).write({'reply_date': self._date(10), 'reply_reason': '设备在偏远工地'})
        activity_type = self.env.ref('oldparts_module.mail_activity_type_oldparts_late_reply')
        activities = part.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        managers = self.env.ref('oldparts_module.group_oldparts_service_manager').users.filtered(
            lambda u: self.company in u.company_ids)
        self.assertIn(self.service_manager, managers)
        self.assertEqual(activities.mapped('user_id'), managers)
        part.sudo(self.engineer_a).write({'reply_reason': '设备在偏远工地，需要三天'})
        activities = part.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activities), len(managers))

    def test_reply_within_required_date_needs_no_reason(self):
        """A promised date on or before the required date is accepted as is."""
        part = self._create_part(replacement_date=self._date(-3))
        part.reply_date = part.required_handover_date
        self.assertFalse(part.activity_ids)

    def test_date_order_refused(self):
        """Future completion, hand-over before replacement, shipping before hand-over are refused."""
        with self.assertRefused(ValidationError):
            self._create_part(replacement_date=self._date(1))
        part = self._create_part(replacement_date=self._date(-5))
        part.sudo(self.specialist).action_classify()
        with self.assertRefused(ValidationError):
            part.sudo(self.keeper_a).write({'handover_date': self._date(-6)})
        # the shipping date is the return shipment's (a process step)
        internal = part.sudo()._action_env()
        with self.assertRefused(ValidationError):
            internal.write({'shipped_date': self._date(-1)})
        part.sudo(self.keeper_a).write({'handover_date': self._date(-4)})
        with self.assertRefused(ValidationError):
            internal.write({'shipped_date': self._date(-5)})
        internal.write({'shipped_date': self._date(-4)})
        self.assertEqual(part.shipped_date, self._date(-4))

    def test_quantity_and_price_refused(self):
        """Zero or negative quantity and a negative price are refused; nothing is saved."""
        count = self.env['oldparts.part'].search_count([])
        with self.assertRefused(ValidationError):
            self._create_part(quantity=0.0)
        with self.assertRefused(ValidationError):
            self._create_part(quantity=-1.0)
        with self.assertRefused(ValidationError):
            self._create_part(price_unit=-0.01)
        self.assertEqual(self.env['oldparts.part'].search_count([]), count)
        part = self._create_part(price_unit=0.0)
        self.assertEqual(part.amount_total, 0.0)

    def test_dealer_must_be_flagged(self):
        """A partner that is not a dealer cannot own old parts."""
        with self.assertRefused(ValidationError):
            self._create_part(dealer_id=self.supplier.id)


class TestDisposalType(OldpartsCase):

    def test_proposals_follow_section_two(self):
        """Each combination of criteria proposes the type the regulation says."""
        cases = [
            ({'has_claim_value': True}, 'return'),
            ({'rectification_required': True, 'scrap_value': 500.0}, 'return'),
            ({'is_reusable': True, 'estimated_return_cost': 300.0, 'reuse_value': 800.0}, 'return'),
            ({'is_reusable': True, 'estimated_return_cost': 900.0, 'reuse_value': 800.0,
              'scrap_value': 400.0}, 'local_sale'),
            ({'is_reusable': True, 'return_requested': False, 'scrap_value': 400.0}, 'local_sale'),
            ({'scrap_value': 400.0}, 'local_sale'),
            ({'scrap_value': 30.0}, 'gift'),
            ({'scrap_value': 0.0}, 'destroy'),
        ]
        for values, expected in cases:
            part = self._create_part(**values)
            self.assertEqual(part.proposed_disposal_type, expected, values)

    def test_specialist_confirms_proposal(self):
        """Classifying takes the proposed type; return_required follows."""
        part = self._create_part(self.engineer_a, has_claim_value=True)
        part.sudo(self.specialist).action_classify()
        self.assertEqual(part.state, 'classified')
        self.assertEqual(part.disposal_type, 'return')
        self.assertTrue(part.return_required)
        self.assertEqual(part.classified_by_id, self.specialist)

    def test_override_needs_reason(self):
        """The specialist may override the proposal only with a reason."""
        part = self._create_part(scrap_value=400.0)   # proposes local_sale
        with self.assertRefused(ValidationError):
            part.sudo(self.specialist).write({'disposal_type': 'return'})
        self.assertFalse(part.disposal_type)
        part.sudo(self.specialist).write({
            'disposal_type': 'return', 'disposal_override_reason': '技术部要求返司分析'})
        part.sudo(self.specialist).action_classify()
        self.assertEqual(part.disposal_type, 'return')
        self.assertTrue(part.return_required)

    def test_engineer_cannot_classify(self):
        """Engineers neither classify nor set the disposal type."""
        part = self._create_part(self.engineer_a, scrap_value=400.0)
        with self.assertRefused(UserError):
            part.sudo(self.engineer_a).action_classify()
        with self.assertRefused(UserError):
            part.sudo(self.engineer_a).write({'disposal_type': 'destroy'})
        with self.assertRefused(UserError):
            self._create_part(self.engineer_a, disposal_type='destroy')
        self.assertEqual(part.state, 'draft')
        self.assertFalse(part.disposal_type)

    def test_type_locked_in_local_disposal(self):
        """Once local disposal started, the type is fixed too."""
        part = self._create_part(self.engineer_a, scrap_value=0.0)
        part.sudo(self.specialist).action_classify()
        part.sudo(self.engineer_a).action_hand_over()
        part.sudo()._action_env()._action_start_local_disposal()
        with self.assertRefused(UserError):
            part.sudo(self.specialist).write({
                'disposal_type': 'gift', 'disposal_override_reason': '赠送'})

    def test_type_can_change_before_shipping(self):
        """Until shipped, the specialist may still change the type (with reason)."""
        part = self._create_part(has_claim_value=True)
        part.sudo(self.specialist).action_classify()
        part.sudo(self.specialist).write({
            'disposal_type': 'local_sale', 'disposal_override_reason': '索赔已放弃'})
        self.assertFalse(part.return_required)


class TestStates(OldpartsCase):

    def _classified(self, **values):
        part = self._create_part(self.engineer_a, **values)
        part.sudo(self.specialist).action_classify()
        return part

    def test_local_path(self):
        """local_sale: handed over → in local disposal → disposed, through the
        steps its documents take; shipping it is refused."""
        part = self._classified(scrap_value=400.0)
        part.sudo(self.engineer_a).action_hand_over()
        internal = part.sudo()._action_env()
        with self.assertRefused(UserError):
            internal._action_ship()
        internal._action_start_local_disposal()
        self.assertEqual(part.state, 'in_local_disposal')
        internal._action_dispose()
        self.assertEqual(part.state, 'disposed')

    def test_document_steps_not_callable_by_clients(self):
        """The steps documents take for a part (ship, receive, start the local
        disposal, dispose) are private: no RPC caller reaches them, and the
        public actions for them are gone."""
        part = self._classified(scrap_value=400.0)
        for name in ('action_ship', 'action_receive', 'action_start_local_disposal',
                     'action_dispose'):
            self.assertFalse(hasattr(part, name), name)
        for name in ('_action_ship', '_action_receive', '_action_start_local_disposal',
                     '_action_dispose'):
            self.assertTrue(name.startswith('_') and hasattr(part, name))

    def test_wrong_state_refused(self):
        """Each action refuses a part in another state, and leaves it unchanged."""
        part = self._create_part(self.engineer_a, has_claim_value=True)
        with self.assertRefused(UserError):
            part.sudo(self.engineer_a).action_hand_over()
        with self.assertRefused(UserError):
            part.sudo(self.materials)._action_env()._action_receive()
        with self.assertRefused(UserError):
            part.sudo(self.specialist)._action_env()._action_dispose()
        part.sudo(self.specialist).action_classify()
        with self.assertRefused(UserError):
            part.sudo(self.specialist).action_classify()
        part.sudo(self.engineer_a).action_hand_over()
        with self.assertRefused(UserError):
            part.sudo()._action_env()._action_start_local_disposal()
        with self.assertRefused(UserError):
            part.sudo(self.specialist).action_determine_responsibility()
        self.assertEqual(part.state, 'handed_over')

    def test_state_not_writable_by_hand(self):
        """The state field is read-only in the UI; only actions move it."""
        self.assertTrue(self.env['oldparts.part']._fields['state'].readonly)

    def test_cancel_and_reset(self):
        """Cancel is for the specialist, from open states only; reset to draft after."""
        part = self._classified(scrap_value=0.0)
        with self.assertRefused(UserError):
            part.sudo(self.engineer_a).action_cancel()
        part.sudo(self.specialist).action_cancel()
        self.assertEqual(part.state, 'cancel')
        self.assertEqual(part.delay_days, 0)
        part.sudo(self.specialist).action_draft()
        self.assertEqual(part.state, 'draft')
        part.sudo(self.specialist).action_classify()
        part.sudo(self.engineer_a).action_hand_over()
        part.sudo()._action_env()._action_start_local_disposal()
        with self.assertRefused(UserError):
            part.sudo(self.specialist).action_cancel()

    def test_only_drafts_deleted(self):
        """A draft can be deleted; a classified part cannot."""
        draft = self._create_part(self.engineer_a)
        classified = self._classified()
        with self.assertRefused(UserError):
            classified.sudo(self.specialist).unlink()
        draft.sudo(self.engineer_a).unlink()
        self.assertFalse(draft.exists())
        self.assertTrue(classified.exists())


class TestReturnPath(OldpartsReturnsCase):
    """The return path goes through a return shipment and its picking."""

    def test_type_locked_once_shipped(self):
        """After shipping, the disposal type cannot change any more."""
        part = self._handed_over_part()
        self._shipment(part)
        self.assertEqual(part.state, 'in_return')
        self.assertRefused(UserError, 'cannot be changed here', '不能在此修改',
            lambda: part.sudo(self.specialist).write({
                'disposal_type': 'local_sale', 'disposal_override_reason': '改为变卖'}))
        self.assertEqual(part.disposal_type, 'return')

    def test_return_path_to_responsibility(self):
        """return: classified → handed over → in return → received → determined; disposal needs a form."""
        part = self._handed_over_part(review_date=self._date(0))
        self.assertEqual((part.state, part.handover_date), ('handed_over', self._date(0)))
        shipment = self._shipment(part)
        self.assertEqual((part.state, part.shipped_date), ('in_return', self._date(0)))
        self._validate(shipment.sudo().picking_id)
        self.assertEqual(part.state, 'received')
        part.sudo(self.specialist).write({'responsibility': 'supplier', 'supplier_id': self.supplier.id})
        part.sudo(self.specialist).action_determine_responsibility()
        self.assertEqual(part.state, 'responsibility_determined')
        self.assertEqual(part.responsibility_date, self._date(0))
        self.assertRefused(UserError, 'disposal form', '处置单',
            lambda: part.sudo()._action_env()._action_dispose())
        self.assertEqual(part.state, 'responsibility_determined')

    def test_responsibility_needs_a_decision(self):
        """Determining responsibility needs who; a supplier needs its name."""
        part = self._received_part()
        self.assertRefused(UserError, 'choose who is responsible', '请先选择责任方',
            lambda: part.sudo(self.specialist).action_determine_responsibility())
        self.assertRefused(ValidationError, 'name the supplier', '必须填写供应商',
            lambda: part.sudo(self.specialist).write({'responsibility': 'supplier'}))
        part.sudo(self.specialist).write({'responsibility': 'undetermined'})
        with self.assertRefused(UserError):
            part.sudo(self.specialist).action_determine_responsibility()
        self.assertEqual(part.state, 'received')


class TestPartRead(OldpartsCase):

    def test_read_as_odoo_reads(self):
        """The documents' read (many2one names one column at a time) returns
        what Odoo's read returns, for every field, as each role and language."""
        part = self._create_part(self.engineer_a, supplier_id=self.supplier.id)
        part.sudo(self.specialist).action_classify()
        other = self._create_part(self.engineer_b, dealer_id=self.dealer_b.id)
        for user in (self.engineer_a, self.specialist):
            for lang in ('en_US', 'zh_CN'):
                parts = (part | other).sudo(user).with_context(lang=lang)
                parts = parts.filtered(lambda p: p.id in parts.search([]).ids)
                fnames = [fname for fname, field in parts._fields.items()
                          if not field.groups or parts.user_has_groups(field.groups)]
                ours = parts.read(fnames)
                parts.invalidate_cache()
                self.assertEqual(ours, models.BaseModel.read(parts, fnames))
                self.assertTrue(any(isinstance(row['dealer_id'], tuple) for row in ours))
        rows = part.sudo(self.engineer_a).with_context(lang='zh_CN').read(
            ['product_id', 'dealer_id', 'engineer_id'])
        self.assertEqual(rows[0]['product_id'], (self.product.id, '[YG-001] 液压油缸'))
        self.assertEqual(rows[0]['dealer_id'], (self.dealer_a.id, '宁夏甲代理商'))
        self.assertEqual(rows[0]['engineer_id'], (self.engineer_a.id, self.engineer_a.name))
