"""Scrap sign-off (附件九): destruction through stock.scrap, gift through a
delivery to the recipient, witnesses from different departments, photos,
approval."""
import base64

from odoo.exceptions import UserError, ValidationError

from .sale_common import OldpartsSaleCase

# a 1x1 PNG
PHOTO = base64.b64encode(bytes.fromhex(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000'
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082'))


class TestSaleSignoff(OldpartsSaleCase):

    WITNESSES = (('王强', '服务部'), ('李娜', '财务部'), ('赵刚', '配件管理科'))

    def _create_signoff(self, parts, method='destroy', witnesses=WITNESSES, photo=True,
                        user=None, **values):
        user = user or self.dealer_user_a
        vals = {
            'dealer_id': parts[0].dealer_id.id,
            'method': method,
            'part_ids': [(6, 0, parts.ids)],
            'place': '银川服务站',
            'reason': '无索赔价值、无变卖价值。',
            'witness_ids': [(0, 0, {'name': name, 'department': department})
                            for name, department in witnesses],
        }
        vals.update(values)
        signoff = self.env['oldparts.scrap.signoff'].sudo(user).create(vals)
        if photo:
            self.env['ir.attachment'].sudo(user).create({
                'name': 'photo.png', 'datas_fname': 'photo.png', 'datas': PHOTO,
                'res_model': signoff._name, 'res_id': signoff.id})
        return signoff.with_env(self.env)

    def test_destruction_scraps_stock_once(self):
        """Two destroyed parts: approved by the specialist, scrapped, gone from the dealer location."""
        parts = self._handed_over_part('destroy') + self._handed_over_part('destroy')
        location = self._location(parts[0])
        self.assertEqual(self._qty(self.boom, location), 2.0)
        signoff = self._create_signoff(parts)
        self.assertTrue(signoff.name.startswith('JJBF'))
        self.assertEqual(signoff.photo_count, 1)
        signoff.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(signoff.state, 'submitted')
        self.assertEqual(set(parts.mapped('state')), {'in_local_disposal'})
        self.assertIn(self.specialist, signoff.activity_ids.mapped('user_id'))
        with self.assertRefused(UserError):
            signoff.sudo(self.dealer_user_a).action_done()
        signoff.sudo(self.specialist).action_approve()
        self.assertEqual(signoff.state, 'approved')
        signoff.sudo(self.dealer_user_a).action_done()
        self.assertEqual(signoff.state, 'done')
        self.assertEqual(set(parts.mapped('state')), {'disposed'})
        self.assertEqual(len(signoff.scrap_ids), 2)
        self.assertEqual(set(signoff.scrap_ids.mapped('state')), {'done'})
        self.assertEqual(self._qty(self.boom, location), 0.0)
        self.assertEqual(signoff.scrap_ids.mapped('move_id.oldparts_part_id'), parts)
        scrapped = signoff.scrap_ids.mapped('scrap_location_id')
        self.assertTrue(scrapped.scrap_location)
        self.assertEqual(self._qty(self.boom, scrapped), 2.0)
        self.assertRefused(UserError, 'is in state', '当前状态为',
            lambda: signoff.sudo(self.dealer_user_a).action_done())
        self.assertEqual(self._qty(self.boom, scrapped), 2.0)

    def test_gift_delivered_to_recipient(self):
        """A part given away leaves through a done delivery to the recipient."""
        part = self._handed_over_part('gift')
        school = self.env['res.partner'].create({'name': '银川职业技术学院'})
        signoff = self._create_signoff(part, method='gift', recipient_id=school.id)
        signoff.sudo(self.dealer_user_a).action_submit()
        signoff.sudo(self.specialist).action_approve()
        signoff.sudo(self.dealer_user_a).action_done()
        picking = signoff.picking_ids
        self.assertEqual(picking.state, 'done')
        self.assertEqual(picking.partner_id, school)
        self.assertEqual(picking.location_id, self._location(part))
        self.assertEqual(self._qty(self.boom, self._location(part)), 0.0)
        self.assertFalse(signoff.scrap_ids)
        self.assertEqual(part.state, 'disposed')

    def test_gift_needs_recipient(self):
        """A gift without a recipient is refused."""
        part = self._handed_over_part('gift')
        with self.assertRefused(ValidationError):
            self._create_signoff(part, method='gift')

    def test_fewer_than_three_witnesses_refused(self):
        """Two witnesses are not enough."""
        signoff = self._create_signoff(self._handed_over_part('destroy'),
                                       witnesses=self.WITNESSES[:2])
        self.assertRefused(ValidationError, 'at least 3 witnesses', '至少需要 3 名见证人',
            lambda: signoff.sudo(self.dealer_user_a).action_submit())
        self.assertEqual(signoff.state, 'draft')

    def test_witnesses_from_the_same_department_refused(self):
        """Three witnesses of two departments are refused."""
        witnesses = (('王强', '服务部'), ('刘洋', '服务部 '), ('李娜', '财务部'))
        signoff = self._create_signoff(self._handed_over_part('destroy'), witnesses=witnesses)
        self.assertRefused(ValidationError, 'different departments', '不同部门',
            lambda: signoff.sudo(self.dealer_user_a).action_submit())

    def test_witness_rules_are_configuration(self):
        """With two witnesses required and no department rule, two colleagues suffice."""
        self.company.write({'oldparts_min_witnesses': 2,
                            'oldparts_witness_distinct_departments': False})
        witnesses = (('王强', '服务部'), ('刘洋', '服务部'))
        signoff = self._create_signoff(self._handed_over_part('destroy'), witnesses=witnesses)
        signoff.sudo(self.dealer_user_a).action_submit()
        self.assertEqual(signoff.state, 'submitted')

    def test_photos_required(self):
        """Without a photo the sign-off is refused."""
        signoff = self._create_signoff(self._handed_over_part('destroy'), photo=False)
        with self.assertRefused(UserError, 'photos'):
            signoff.sudo(self.dealer_user_a).action_submit()

    def test_method_must_match_disposal_type(self):
        """A part classified as a gift cannot be signed off as destroyed, nor a local-sale part."""
        signoff = self._create_signoff(self._handed_over_part('gift'))
        with self.assertRefused(UserError, 'not classified for this disposal'):
            signoff.sudo(self.dealer_user_a).action_submit()
        signoff = self._create_signoff(self._handed_over_part('local_sale'))
        with self.assertRefused(UserError, 'not classified for this disposal'):
            signoff.sudo(self.dealer_user_a).action_submit()

    def test_part_on_one_signoff_only(self):
        """The same part cannot be signed off twice."""
        part = self._handed_over_part('destroy')
        self._create_signoff(part)
        with self.assertRefused(ValidationError, 'is already on'):
            self._create_signoff(part)

    def test_refusal_and_roles(self):
        """The general manager cannot approve the specialist's step; the specialist refuses with a reason."""
        signoff = self._create_signoff(self._handed_over_part('destroy'))
        with self.assertRefused(UserError):
            signoff.sudo(self.general_manager).action_submit()
        signoff.sudo(self.dealer_user_a).action_submit()
        with self.assertRefused(UserError):
            signoff.sudo(self.general_manager).action_approve()
        signoff.sudo(self.specialist).action_refuse('照片不清楚，请补拍。')
        self.assertEqual(signoff.state, 'draft')
        self.assertEqual(signoff.refusal_reason, '照片不清楚，请补拍。')

    def test_form_opens_for_each_role(self):
        """Dealer, specialist and general manager can open the sign-off form."""
        signoff = self._create_signoff(self._handed_over_part('destroy'))
        for user in (self.dealer_user_a, self.specialist, self.general_manager):
            view = self._open_form(signoff, user)
            self.assertIn('witness_ids', view['fields'])

    def test_signoff_report_prints(self):
        """The sign-off form (附件九) prints with the witnesses."""
        signoff = self._create_signoff(self._handed_over_part('destroy'))
        text = self._pdf_text('oldparts_module.action_report_oldparts_scrap_signoff', signoff,
                              user=self.specialist, lang='zh_CN')
        self.assertIn('旧件报废签收单', text)
        self.assertIn(signoff.name, text)
        for name, department in self.WITNESSES:
            self.assertIn(name, text)
            self.assertIn(department, text)

    def test_parts_not_added_after_approval(self):
        """Parts added to an approved sign-off are refused, and not scrapped."""
        parts = self._handed_over_part('destroy')
        signoff = self._create_signoff(parts)
        signoff.sudo(self.dealer_user_a).action_submit()
        if signoff.state != 'approved':
            self._approve_all(signoff)
        extra = self._handed_over_part('destroy')
        with self.assertRefused(UserError, 'cannot be changed here'):
            signoff.sudo(self.dealer_user_a).write({'part_ids': [(4, extra.id)]})
        with self.assertRefused(UserError, 'can no longer change'):
            signoff.witness_ids[0].sudo(self.dealer_user_a).write({'name': '冒名'})
        signoff.sudo(self.dealer_user_a).action_done()
        self.assertEqual(signoff.part_ids, parts)
        self.assertEqual(extra.state, 'handed_over')
