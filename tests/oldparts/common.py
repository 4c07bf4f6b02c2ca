"""Shared set-up for the oldparts_module tests: two dealers, a second
company, and one user per role (tests act through .sudo(user))."""
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class OldpartsCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(OldpartsCase, cls).setUpClass()
        # one time zone for the tests and the users they act as (sudo keeps
        # the context): the demo administrator's Europe/Brussels would make
        # "today" a day later than the users' between 23:00 and 24:00 UTC
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       mail_create_nolog=True, no_reset_password=True,
                                       tz='UTC'))
        cls.company = cls.env.ref('base.main_company')
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.env['oldparts.part']))
        Partner = cls.env['res.partner']
        cls.state_nx = cls.env.ref('l10n_cn.state_NX')   # remote province
        cls.state_gd = cls.env.ref('l10n_cn.state_GD')
        cls.dealer_a = Partner.create({
            'name': '宁夏甲代理商', 'is_company': True, 'is_oldparts_dealer': True,
            'state_id': cls.state_nx.id, 'oldparts_dealer_code': 'NX01'})
        cls.dealer_b = Partner.create({
            'name': '广东乙代理商', 'is_company': True, 'is_oldparts_dealer': True,
            'state_id': cls.state_gd.id, 'oldparts_dealer_code': 'GD01'})
        cls.supplier = Partner.create({'name': '液压件供应商', 'supplier': True})
        cls.product = cls.env['product.product'].create({
            'name': '液压油缸', 'default_code': 'YG-001', 'type': 'product',
            'standard_price': 1200.0})
        cls.users = {}
        roles = {
            'engineer_a': ('group_oldparts_engineer', cls.dealer_a),
            'keeper_a': ('group_oldparts_keeper', cls.dealer_a),
            'dealer_a': ('group_oldparts_dealer', cls.dealer_a),
            'engineer_b': ('group_oldparts_engineer', cls.dealer_b),
            'specialist': ('group_oldparts_specialist', None),
            'service_manager': ('group_oldparts_service_manager', None),
            'materials': ('group_oldparts_materials', None),
            'finance': ('group_oldparts_finance', None),
            'general_manager': ('group_oldparts_general_manager', None),
            'oldparts_admin': ('group_oldparts_manager', None),
        }
        for login, (group, dealer) in roles.items():
            cls.users[login] = cls._create_user(login, group, dealer)
        cls.engineer_a = cls.users['engineer_a']
        cls.keeper_a = cls.users['keeper_a']
        cls.engineer_b = cls.users['engineer_b']
        cls.specialist = cls.users['specialist']
        cls.service_manager = cls.users['service_manager']
        cls.materials = cls.users['materials']
        cls.finance = cls.users['finance']
        cls.general_manager = cls.users['general_manager']

    @classmethod
    def _create_user(cls, login, group_xmlid, dealer=None, company=None):
        company = company or cls.company
        return cls.env['res.users'].create({
            'name': login.replace('_', ' ').title(),
            'login': 'oldparts_test_' + login,
            'email': login + '@example.com',
            'company_id': company.id,
            'company_ids': [(6, 0, [company.id])],
            'oldparts_dealer_id': dealer.id if dealer else False,
            'groups_id': [(6, 0, [cls.env.ref('oldparts_module.' + group_xmlid).id])],
        })

    @classmethod
    def _date(cls, days=0):
        """A date relative to the user's today, as Odoo's string."""
        return fields.Date.to_string(cls.today + timedelta(days=days))

    def _create_part(self, user=None, **values):
        vals = {
            'dealer_id': self.dealer_a.id,
            'product_id': self.product.id,
            'quantity': 1.0,
            'price_unit': 1200.0,
            'replacement_date': self._date(-2),
            'work_order_ref': 'PG-2026-0001',
            'equipment_ref': 'QY25K-0001',
            'failure_reason': '油缸内泄',
        }
        vals.update(values)
        Part = self.env['oldparts.part']
        return Part.sudo(user).create(vals) if user else Part.create(vals)

    def assertRefused(self, exception, english=None, chinese=None, call=None):
        """Expect ``exception``, with the database rolled back to before the
        call as the RPC layer does for a user, and the caches emptied so that
        assertions afterwards read what was really saved.

        Without ``call``, a context manager: its block runs once and, when
        ``english`` is given, runs for users reading en_US and the message
        must contain ``english``. With ``call`` (a function without
        arguments), the call runs twice: for users reading en_US, where the
        message must contain ``english``, and for users reading zh_CN, where
        it must contain ``chinese``; the translation system gives each user
        the message in their language."""
        if call is None:
            if chinese:
                raise TypeError('assertRefused(..., chinese) needs the call, to run it twice')
            return self._refused(exception, english, 'en_US' if english else None)
        for lang, text in (('en_US', english), ('zh_CN', chinese)):
            with self._refused(exception, text, lang):
                call()

    @contextmanager
    def _refused(self, exception, text=None, lang=None):
        with self._users_lang(lang):
            with self.assertRaises(exception) as refusal:
                with self.env.cr.savepoint():
                    yield refusal
        self.env.clear()
        if text:
            message = getattr(refusal.exception, 'name', None) or str(refusal.exception)
            self.assertIn(text, message)

    @contextmanager
    def _users_lang(self, lang):
        """Every user reads ``lang`` meanwhile (activated if needed: the test
        database has zh_CN only). The tests' environments carry no language
        in their context, so _() takes the acting user's."""
        if not lang:
            yield
            return
        language = self.env['res.lang'].with_context(active_test=False).search(
            [('code', '=', lang)])
        was_active = language.active
        if not was_active:
            language.write({'active': True})
        Users = self.env['res.users'].with_context(active_test=False)
        users = Users.search([])
        saved = {}
        for user in users:
            saved.setdefault(user.lang, Users.browse())
            saved[user.lang] |= user
        users.write({'lang': lang})
        try:
            yield
        finally:
            for user_lang, group in saved.items():
                group.write({'lang': user_lang})
            if not was_active:
                language.write({'active': False})
            Users.context_get.clear_cache(Users)
            self.env.clear()
