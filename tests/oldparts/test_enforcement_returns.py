"""The server holds the process (issue 8): the role matrix, locked fields and
states, one part on one open document, missing parts resolved, dealer
isolation, values no person means. Every call acts as the real role, with
the values a client could send."""
import json

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError

from .returns_common import OldpartsReturnsCase

ROLES = ('engineer', 'keeper', 'dealer', 'user', 'specialist', 'service_manager',
         'materials', 'finance', 'general_manager', 'company_leader', 'manager')

# model -> access (read, write, create, unlink) per role, in the order of ROLES
ACCESS = {
    'oldparts.approval.review': ('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'),
    'oldparts.approval.tier': ('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.dealer.base.price': ('r', 'r', 'r', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.disposal': ('', '', '', 'r', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'rwcu'),
    'oldparts.disposal.line': ('', '', '', 'r', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'rwcu'),
    'oldparts.incentive.kpi.report': ('r',) * 11,
    'oldparts.incentive.rule': ('r', 'r', 'r', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.freight.request': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.market.price': ('r', 'r', 'r', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.metal.grade': ('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.part': ('rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'rw', 'rw', 'r', 'r', 'r', 'rwcu'),
    'oldparts.progress.report.sent': ('', '', '', '', 'r', '', '', '', '', '', 'rwcu'),
    'oldparts.remote.province': ('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.responsibility.rule': ('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.return.shipment': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'rw', 'r', 'r', 'r', 'rwcu'),
    'oldparts.return.shipment.line': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'rw', 'r', 'r', 'r', 'rwcu'),
    'oldparts.sale.application': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'rwc', 'rw', 'rw', 'rw', 'rwcu'),
    'oldparts.sale.application.line': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'rwcu'),
    'oldparts.sale.quote': ('rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'rwcu'),
    'oldparts.scrap.signoff': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'rw', 'rw', 'rwcu'),
    'oldparts.scrap.signoff.witness': (
        'rwcu', 'rwcu', 'rwcu', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.settlement': ('r', 'r', 'r', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
    'oldparts.settlement.line': ('r',) * 11,
    'oldparts.structural.reference': (
        'r', 'r', 'r', 'r', 'rwcu', 'r', 'r', 'r', 'r', 'r', 'rwcu'),
}

DEALER_SIDE = ('engineer', 'keeper', 'dealer')
INTERNAL = 'internal'   # a private step: only another document's action takes it
# model -> action -> the roles that may take it (or INTERNAL)
TRANSITIONS = {
    'oldparts.part': {
        'action_classify': ('specialist', 'manager'),
        'action_hand_over': DEALER_SIDE + ('specialist', 'manager'),
        '_action_ship': INTERNAL,
        '_action_start_local_disposal': INTERNAL,
        '_action_receive': INTERNAL,
        'action_found': ('specialist', 'materials', 'manager'),
        'action_write_off': ('specialist', 'manager'),
        'action_determine_responsibility': ('specialist', 'manager'),
        '_action_dispose': INTERNAL,
        '_action_undo_disposal': INTERNAL,
        'action_cancel': ('specialist', 'manager'),
        'action_draft': ('specialist', 'manager'),
    },
    'oldparts.return.shipment': {
        'action_confirm': ('engineer', 'keeper', 'specialist', 'manager'),
        'action_cancel': ('engineer', 'keeper', 'specialist', 'manager'),
        'action_draft': ('engineer', 'keeper', 'specialist', 'manager'),
    },
    'oldparts.freight.request': {
        'action_submit': DEALER_SIDE + ('specialist', 'manager'),
        'action_cancel': DEALER_SIDE + ('specialist', 'manager'),
        'action_draft': DEALER_SIDE + ('specialist', 'manager'),
    },
    'oldparts.disposal': {
        'action_submit': ('specialist', 'materials', 'manager'),
        'action_done': ('specialist', 'materials', 'manager'),
        'action_cancel': ('specialist', 'materials', 'manager'),
        'action_draft': ('specialist', 'materials', 'manager'),
    },
    'oldparts.sale.application': {
        'action_refresh_prices': DEALER_SIDE + ('specialist', 'materials', 'manager'),
        'action_submit': DEALER_SIDE + ('specialist', 'materials', 'manager'),
        'action_execute': DEALER_SIDE + ('specialist', 'materials', 'manager'),
        'action_register_payment': ('finance',),
        '_action_mark_paid': INTERNAL,
        '_action_reopen': INTERNAL,
        'action_reverse': ('specialist', 'general_manager', 'manager'),
        'action_cancel': DEALER_SIDE + ('specialist', 'materials', 'manager'),
        'action_draft': DEALER_SIDE + ('specialist', 'materials', 'manager'),
    },
    'oldparts.settlement': {
        'action_compute': ('specialist', 'manager'),
        'action_check': ('specialist', 'manager'),
        'action_submit': ('specialist', 'manager'),
        'action_post': ('finance', 'specialist', 'manager'),
        'action_cancel': ('specialist', 'manager'),
        'action_draft': ('specialist', 'manager'),
    },
    'oldparts.scrap.signoff': {
        'action_submit': DEALER_SIDE + ('specialist', 'manager'),
        'action_done': DEALER_SIDE + ('specialist', 'manager'),
        'action_cancel': DEALER_SIDE + ('specialist', 'manager'),
        'action_draft': DEALER_SIDE + ('specialist', 'manager'),
    },
}


class TestRoleMatrix(OldpartsReturnsCase):

    @classmethod
    def setUpClass(cls):
        super(TestRoleMatrix, cls).setUpClass()
        cls.role_users = {
            role: cls._create_user('matrix_' + role, 'group_oldparts_' + role,
                                   cls.dealer_a if role in DEALER_SIDE else None)
            for role in ROLES}

    def test_access_rights_match_the_table(self):
        """Each role has exactly the access of the table on every model of the module."""
        models = sorted(name for name in self.env if name.startswith('oldparts.')
                        and not self.env[name]._abstract and not self.env[name]._transient)
        self.assertEqual(sorted(ACCESS), models, 'a model without a row, or a row too many')
        for model, expected in ACCESS.items():
            for role, rights in zip(ROLES, expected):
                Model = self.env[model].sudo(self.role_users[role])
                actual = ''.join(
                    letter for letter, operation in zip('rwcu', ('read', 'write', 'create', 'unlink'))
                    if Model.check_access_rights(operation, raise_exception=False))
                self.assertEqual(actual, rights, '%s, %s' % (model, role))

    def test_transitions_match_the_table(self):
        """Each document declares exactly the transitions of the table, each
        for the roles of the table; private steps for no client at all."""
        for model, table in TRANSITIONS.items():
            declared = self.env[model]._oldparts_transitions()
            self.assertEqual(set(declared), set(table), model)
            for action, roles in table.items():
                groups = declared[action][1]
                self.assertEqual(action.startswith('_'), roles == INTERNAL, action)
                if roles == INTERNAL:
                    continue
                allowed = tuple(role for role in ROLES if self.env[model].sudo(
                    self.role_users[role])._oldparts_user_in(groups))
                self.assertEqual(set(allowed), set(roles), '%s.%s' % (model, action))

    def test_approval_documents_share_their_states(self):
        """Every document approved by steps has the same states (draft, submitted,
        approved, cancel), is submitted from draft and reset to draft from
        cancel; a refusal has no state of its own, it sends the document back
        to draft."""
        documents = [name for name, model in self.env.registry.items()
                     if not model._abstract and 'approval_review_ids' in model._fields]
        self.assertEqual(set(documents), {
            'oldparts.freight.request', 'oldparts.disposal',
            'oldparts.sale.application', 'oldparts.scrap.signoff', 'oldparts.settlement'})
        # the incentive settlement is checked by the specialist before it is submitted
        submitted_from = {'oldparts.settlement': ('checked',)}
        for name in documents:
            states = set(dict(self.env[name]._fields['state'].selection))
            self.assertLessEqual({'draft', 'submitted', 'approved', 'cancel'}, states, name)
            self.assertFalse(states & {'to_approve', 'refused'}, name)
            self.assertEqual(self.env[name]._oldparts_transitions()['action_submit'][0],
                             submitted_from.get(name, ('draft',)), name)
            self.assertIn('cancel', self.env[name]._oldparts_transitions()['action_draft'][0],
                          name)

    def test_buttons_follow_the_declaration(self):
        """The form shows a declared action's button only to the roles allowed,
        and only in the states it leaves from."""
        for model, table in TRANSITIONS.items():
            for role in ('keeper', 'specialist', 'finance'):
                view = self.env[model].sudo(self.role_users[role]).fields_view_get(
                    view_type='form')
                arch = etree.fromstring(view['arch'])
                for action, roles in table.items():
                    buttons = arch.xpath('//button[@type="object"][@name="%s"]' % action)
                    if roles == INTERNAL:
                        self.assertFalse(buttons, action)
                        continue
                    for button in buttons:
                        invisible = json.loads(button.get('modifiers'))['invisible']
                        where = '%s %s %s' % (model, action, role)
                        if role in roles:
                            self.assertIn(['state', 'not in', list(
                                self.env[model]._oldparts_transitions()[action][0])],
                                invisible, where)
                        else:
                            self.assertIs(invisible, True, where)

    def test_refused_transitions_act_as_the_user(self):
        """Taking a transition the table refuses is refused when done for real."""
        part = self._create_part(user=self.engineer_a, has_claim_value=True)
        for role in ROLES:
            if role in TRANSITIONS['oldparts.part']['action_classify']:
                continue
            with self.assertRefused((UserError, AccessError)):
                part.sudo(self.role_users[role]).action_classify()
        self.assertEqual(part.state, 'draft')


class TestLockedByTheProcess(OldpartsReturnsCase):

    def test_state_and_step_fields_refused_to_clients(self):
        """A keeper writing a part received, a specialist writing its HQ decision
        or classifier: refused, nothing changes."""
        part = self._handed_over_part()
        for user, vals in ((self.keeper_a, {'state': 'received'}),
                           (self.specialist, {'hq_decision': 'sell'}),
                           (self.specialist, {'classified_by_id': self.keeper_a.id}),
                           (self.keeper_a, {'shipped_date': self._date(0)}),
                           (self.keeper_a, {'live_document_ref': 'oldparts.part,1'})):
            with self.assertRefused(UserError, 'cannot be changed here'):
                part.sudo(user).write(vals)
        self.assertEqual(part.state, 'handed_over')
        self.assertFalse(part.hq_decision or part.shipped_date)

    def test_context_key_does_not_open_the_lock(self):
        """Whatever a client puts in the context, the token is not the module's."""
        part = self._handed_over_part()
        for key in ('oldparts_action_token', 'oldparts_shipment_confirm',
                    'oldparts_picking_receipt', 'oldparts_disposal_done'):
            with self.assertRefused(UserError):
                part.sudo(self.keeper_a).with_context(**{key: 'oldparts_action'}).write(
                    {'state': 'in_return'})
        self.assertEqual(part.state, 'handed_over')

    def test_part_record_locked_once_handed_over(self):
        """Product, quantity, lot and price are those the stock move was made from."""
        part = self._handed_over_part()
        other = self.env['product.product'].create({'name': '另一物料', 'type': 'product'})
        for vals in ({'quantity': 10.0}, {'price_unit': 1.0}, {'product_id': other.id},
                     {'lot_name': 'X-1'}, {'replacement_date': self._date(-1)}):
            with self.assertRefused(UserError, 'cannot be changed here'):
                part.sudo(self.specialist).write(vals)
        self.assertEqual((part.quantity, part.price_unit), (1.0, 1200.0))

    def test_client_chosen_number_and_state_refused_at_creation(self):
        """The sequence numbers a part; nobody creates it in a later state."""
        with self.assertRefused(UserError, 'cannot be set'):
            self._create_part(user=self.engineer_a, name='JJ-FAKE-1')
        with self.assertRefused(UserError, 'cannot be set'):
            self._create_part(user=self.engineer_a, state='received')
        part = self._create_part(user=self.engineer_a, disposal_type=False,
                                 disposal_override_reason=False)
        self.assertTrue(part.name.startswith('JJ'))

    def test_shipment_locked_once_shipped(self):
        """After shipping, the carrier, date and packing list are what travelled."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        for vals in ({'carrier_id': self.supplier.id}, {'ship_date': self._date(-3)},
                     {'state': 'done'}, {'waybill_number': 'OTHER'}):
            with self.assertRefused(UserError):
                shipment.sudo(self.keeper_a).write(vals)
        with self.assertRefused(UserError, 'can no longer change'):
            shipment.line_ids.sudo(self.keeper_a).write({'weight': 1.0})
        shipment.line_ids.sudo(self.keeper_a).write({'discrepancy_note': '箱子破损'})
        self.assertEqual(shipment.line_ids.weight, 35.5)

    def test_freight_amount_locked_once_submitted(self):
        """A submitted freight request keeps the amount its approval is about."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        request = self.env['oldparts.freight.request'].sudo(self.keeper_a).create({
            'shipment_id': shipment.id, 'amount': 500.0})
        request.action_submit()
        with self.assertRefused(UserError, 'cannot be changed here'):
            request.sudo(self.keeper_a).write({'amount': 50000.0})
        with self.assertRefused(UserError, 'cannot be changed here'):
            request.sudo(self.keeper_a).write({'state': 'approved'})
        self.assertEqual(request.amount, 500.0)

    def test_submitted_document_never_deleted(self):
        """Cancelled and reset to draft, a shipped-once document is still kept."""
        part = self._handed_over_part()
        shipment = self._shipment(part, confirm=False)
        shipment.sudo(self.keeper_a).action_confirm()
        with self.assertRefused(UserError, 'cannot be deleted'):
            shipment.sudo(self.keeper_a).unlink()
        draft = self._shipment(self._handed_over_part(), confirm=False)
        draft.sudo(self.keeper_a).action_cancel()
        draft.sudo(self.keeper_a).action_draft()
        draft.sudo(self.keeper_a).unlink()
        self.assertTrue(shipment.exists())


class TestOnePartOneDocument(OldpartsReturnsCase):

    def test_part_on_one_open_shipment(self):
        """The same part on a second draft shipment is refused; cancelling the
        first frees it."""
        part = self._handed_over_part()
        first = self._shipment(part, confirm=False)
        self.assertEqual(part.live_document_ref, 'oldparts.return.shipment,%d' % first.id)
        with self.assertRefused(ValidationError, first.name):
            self._shipment(part, confirm=False)
        first.sudo(self.keeper_a).action_cancel()
        self.assertFalse(part.live_document_ref)
        second = self._shipment(part)
        self.assertEqual(second.state, 'shipped')
        with self.assertRefused(ValidationError):
            first.sudo(self.keeper_a).action_draft()
        self.assertEqual(first.state, 'cancel')

    def test_removing_the_line_frees_the_part(self):
        """A part taken off a draft packing list is free again."""
        part = self._handed_over_part()
        shipment = self._shipment(part, confirm=False)
        shipment.line_ids.sudo(self.keeper_a).unlink()
        self.assertFalse(part.live_document_ref)

    def test_foreign_part_on_a_sign_off_refused_at_creation(self):
        """Dealer B's scrap sign-off cannot take (and so block) dealer A's part."""
        part_a = self._create_part(user=self.engineer_a, scrap_value=0.0)
        part_a.sudo(self.specialist).action_classify()
        part_a.sudo(self.engineer_a).action_hand_over()
        with self.assertRefused(ValidationError, 'another dealer'):
            self.env['oldparts.scrap.signoff'].sudo(self.engineer_b).create({
                'dealer_id': self.dealer_b.id, 'part_ids': [(6, 0, part_a.ids)]})
        self.assertFalse(part_a.live_document_ref)

    def test_foreign_dealer_part_refused_at_creation(self):
        """A dealer cannot put another dealer's part on its packing list."""
        part_b = self._handed_over_part(engineer=self.engineer_b)
        with self.assertRefused((ValidationError, AccessError)):
            self._shipment(part_b, keeper=self.keeper_a, confirm=False)
        self.assertFalse(part_b.sudo().live_document_ref)


class TestMissingParts(OldpartsReturnsCase):

    def _missing(self):
        part_1 = self._handed_over_part()
        part_2 = self._handed_over_part()
        shipment = self._shipment(part_1 | part_2)
        self._validate(shipment.sudo().picking_id, missing_parts=part_2)
        self.assertEqual(part_2.state, 'in_return')
        return part_2.with_env(self.env)

    def test_found_later(self):
        """Materials records the missing part found: it is received at HQ, stock included."""
        part = self._missing()
        with self.assertRefused(UserError):
            part.sudo(self.keeper_a).action_found()
        part.sudo(self.materials).write({'missing_reason': '在另一箱中找到'})
        part.sudo(self.materials).action_found()
        self.assertEqual(part.state, 'received')
        self.assertEqual(self._qty(self.hq), 2.0)

    def test_written_off_with_responsibility(self):
        """The specialist writes it off with what happened and who is responsible."""
        part = self._missing()
        with self.assertRefused(UserError, 'before writing it off'):
            part.sudo(self.specialist).action_write_off()
        part.sudo(self.specialist).write({
            'missing_reason': '运输途中丢失', 'responsibility': 'dealer'})
        part.sudo(self.specialist).action_write_off()
        self.assertEqual(part.state, 'written_off')
        self.assertEqual(part.responsibility_date, self._date(0))
        self.assertEqual(self._qty(self.loc_a) + self._qty(self.hq), 1.0)


class TestDealerIsolation(OldpartsReturnsCase):

    def test_foreign_followers_refused(self):
        """Dealer B cannot follow dealer A's part (it would bring its messages)."""
        part = self._handed_over_part()
        with self.assertRefused(AccessError):
            self.env['mail.followers'].sudo(self.engineer_b).create({
                'res_model': 'oldparts.part', 'res_id': part.id,
                'partner_id': self.engineer_b.partner_id.id})
        with self.assertRefused(AccessError):
            part.sudo(self.engineer_b).read(['name'])

    def test_activities_and_approvals_of_other_dealers_hidden(self):
        """Dealer B reads no activity nor approval step of dealer A's documents."""
        part = self._create_part(user=self.engineer_a, reply_date=self._date(30),
                                 reply_reason='等配件')
        shipment = self._shipment(self._handed_over_part())
        request = self.env['oldparts.freight.request'].sudo(self.keeper_a).create({
            'shipment_id': shipment.id, 'amount': 900000.0})
        request.action_submit()
        self.assertTrue(self.env['oldparts.approval.review'].search(
            [('res_model', '=', request._name), ('res_id', '=', request.id)]))
        self.assertFalse(self.env['oldparts.approval.review'].sudo(self.engineer_b).search(
            [('res_model', '=', request._name), ('res_id', '=', request.id)]))
        self.assertTrue(self.env['oldparts.approval.review'].sudo(self.keeper_a).search(
            [('res_model', '=', request._name), ('res_id', '=', request.id)]))
        own = self.env['mail.activity'].search([('res_model', '=', 'oldparts.part'),
                                                ('res_id', '=', part.id)])
        self.assertTrue(own)
        self.assertFalse(self.env['mail.activity'].sudo(self.engineer_b).search(
            [('res_model', '=', 'oldparts.part'), ('res_id', '=', part.id)]))
        with self.assertRefused(AccessError):
            own.sudo(self.engineer_b).read(['summary'])

    def test_line_models_of_other_dealers_unreadable(self):
        """name_get and export_data on another dealer's packing list lines are refused."""
        shipment = self._shipment(self._handed_over_part(), confirm=False)
        lines = shipment.line_ids.sudo(self.keeper_b)
        with self.assertRefused(AccessError):
            lines.name_get()
        with self.assertRefused(AccessError):
            lines.export_data(['box_number', 'part_id/name'])

    def test_stock_of_foreign_old_part_locations_hidden(self):
        """Dealer B sees no quant of dealer A's old-part location."""
        self._handed_over_part()
        self.assertTrue(self.env['stock.quant'].search([('location_id', '=', self.loc_a.id)]))
        self.assertFalse(self.env['stock.quant'].sudo(self.engineer_b).search(
            [('location_id', '=', self.loc_a.id)]))


class TestImplausibleValues(OldpartsReturnsCase):

    def test_numbers_dates_and_text_no_person_means(self):
        """NaN, infinity, absurd amounts, impossible and far dates, oversized text:
        a clear refusal, nothing saved."""
        count = self.env['oldparts.part'].search_count([])
        for values in ({'quantity': float('nan')}, {'quantity': float('inf')},
                       {'price_unit': 1e15}, {'price_unit': float('-inf')},
                       {'replacement_date': '0001-01-01'},
                       {'reply_date': '9999-12-31', 'reply_reason': 'x'},
                       {'replacement_date': '2026-02-30'},
                       {'work_order_ref': 'W' * 5000},
                       {'failure_reason': 'x' * 100000}):
            with self.assertRefused((ValidationError, UserError)):
                self._create_part(user=self.engineer_a, **values)
        self.assertEqual(self.env['oldparts.part'].search_count([]), count)

    def test_company_and_engineer_of_others_refused(self):
        """A company the user is not in, an engineer of another dealer: refused."""
        other_company = self.env['res.company'].create({'name': '另一公司'})
        with self.assertRefused((UserError, AccessError)):
            self._create_part(user=self.engineer_a, company_id=other_company.id)
        with self.assertRefused(ValidationError, 'not of'):
            self._create_part(user=self.specialist, engineer_id=self.engineer_b.id)
