"""What each role may see and do with old parts (record rules, access rights)."""
from odoo.exceptions import AccessError, UserError

from .common import OldpartsCase


class TestPartRoles(OldpartsCase):

    @classmethod
    def setUpClass(cls):
        super(TestPartRoles, cls).setUpClass()
        cls.part_a = cls.env['oldparts.part'].create({
            'dealer_id': cls.dealer_a.id, 'product_id': cls.product.id,
            'replacement_date': cls._date(-1), 'engineer_id': cls.engineer_a.id})
        cls.part_b = cls.env['oldparts.part'].create({
            'dealer_id': cls.dealer_b.id, 'product_id': cls.product.id,
            'replacement_date': cls._date(-1), 'engineer_id': cls.engineer_b.id})
        cls.company_2 = cls.env['res.company'].create({'name': '海外子公司'})
        cls.dealer_c = cls.env['res.partner'].create({
            'name': '子公司代理商', 'is_oldparts_dealer': True, 'company_id': cls.company_2.id})
        cls.part_c = cls.env['oldparts.part'].create({
            'dealer_id': cls.dealer_c.id, 'product_id': cls.product.id,
            'replacement_date': cls._date(-1), 'company_id': cls.company_2.id})
        cls.all_parts = cls.part_a | cls.part_b | cls.part_c

    def _visible(self, user):
        return self.env['oldparts.part'].sudo(user).search([('id', 'in', self.all_parts.ids)])

    def test_dealer_side_sees_own_dealer_only(self):
        """Dealer users, engineers and keepers of dealer A see A's parts, not B's."""
        for login in ('dealer_a', 'engineer_a', 'keeper_a'):
            self.assertEqual(self._visible(self.users[login]), self.part_a, login)
        self.assertEqual(self._visible(self.engineer_b), self.part_b)

    def test_dealer_cannot_read_or_write_foreign_part(self):
        """Opening or changing another dealer's part is refused."""
        with self.assertRefused(AccessError):
            self.part_b.sudo(self.engineer_a).read(['name'])
        with self.assertRefused(AccessError):
            self.part_b.sudo(self.engineer_a).write({'note': 'x'})
        with self.assertRefused(AccessError):
            self._create_part(self.engineer_a, dealer_id=self.dealer_b.id)
        self.assertFalse(self.part_b.note)

    def test_user_without_dealer_sees_nothing(self):
        """A dealer-side user not linked to a dealer sees no part at all."""
        lost = self._create_user('lost_engineer', 'group_oldparts_engineer')
        self.assertFalse(self._visible(lost))

    def test_company_staff_see_all_dealers_of_their_company(self):
        """Company roles see both dealers' parts, not another company's."""
        for login in ('specialist', 'service_manager', 'materials', 'finance',
                      'general_manager', 'oldparts_admin'):
            self.assertEqual(self._visible(self.users[login]), self.part_a | self.part_b, login)

    def test_other_company_user_sees_only_its_company(self):
        """A specialist of the second company sees only its parts."""
        specialist_2 = self._create_user('specialist_2', 'group_oldparts_specialist',
                                         company=self.company_2)
        self.assertEqual(self._visible(specialist_2), self.part_c)

    def test_read_only_roles_cannot_write(self):
        """Finance and the general manager read parts but cannot change or create them."""
        for login in ('finance', 'general_manager'):
            user = self.users[login]
            with self.assertRefused(AccessError):
                self.part_a.sudo(user).write({'note': 'x'})
            with self.assertRefused(AccessError):
                self._create_part(user)
            with self.assertRefused(AccessError):
                self.part_a.sudo(user).unlink()

    def test_service_manager_and_materials_cannot_create_or_delete(self):
        """The service manager and HQ materials may annotate, not create or delete."""
        for login in ('service_manager', 'materials'):
            user = self.users[login]
            self.part_a.sudo(user).write({'note': login})
            with self.assertRefused(AccessError):
                self._create_part(user)
            with self.assertRefused(AccessError):
                self.part_a.sudo(user).unlink()

    def test_user_without_oldparts_group_sees_nothing(self):
        """An internal user with no old-parts role cannot read old parts."""
        plain = self.env['res.users'].create({
            'name': 'Plain', 'login': 'oldparts_test_plain',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        with self.assertRefused(AccessError):
            self.env['oldparts.part'].sudo(plain).search([])

    def test_role_actions_refused(self):
        """Classifying, handing over and determining responsibility are refused to other roles."""
        part = self.part_a
        part.sudo(self.specialist).write({'scrap_value': 500.0})
        for login in ('materials', 'finance', 'general_manager', 'service_manager', 'engineer_a'):
            self.assertRefused(UserError, 'not allowed', '无权',
                lambda: part.sudo(self.users[login]).action_classify())
        part.sudo(self.specialist).action_classify()
        for login in ('materials', 'finance', 'general_manager'):
            self.assertRefused(UserError, 'not allowed', '无权',
                lambda: part.sudo(self.users[login]).action_hand_over())
        part.sudo(self.keeper_a).action_hand_over()
        for login in ('engineer_a', 'keeper_a', 'finance', 'general_manager'):
            self.assertRefused(UserError, 'not allowed', '无权',
                lambda: part.sudo(self.users[login]).action_determine_responsibility())
        self.assertEqual(part.state, 'handed_over')

    def test_menus_by_role(self):
        """Dealer and company roles see the Old Parts menu; configuration is for the administrator."""
        root = self.env.ref('oldparts_module.oldparts_menu_root')
        config = self.env.ref('oldparts_module.oldparts_menu_config')
        Menu = self.env['ir.ui.menu']
        for login in ('engineer_a', 'specialist', 'finance'):
            visible = Menu.sudo(self.users[login])._visible_menu_ids()
            self.assertIn(root.id, visible, login)
            self.assertNotIn(config.id, visible, login)
        self.assertIn(config.id, Menu.sudo(self.users['oldparts_admin'])._visible_menu_ids())
