"""Shared set-up of the incentive tests (issue 11): rules of known amounts
and validity, and parts of two dealers with known dates in March and April
of last year, so that every amount can be worked out by hand."""
from datetime import date

from odoo import fields

from .returns_common import OldpartsReturnsCase


class OldpartsIncentiveCase(OldpartsReturnsCase):

    @classmethod
    def setUpClass(cls):
        super(OldpartsIncentiveCase, cls).setUpClass()
        cls.year = cls.today.year - 1
        Rule = cls.env['oldparts.incentive.rule']
        # the demo rules give way to the test's own
        Rule.search([]).write({'active': False})
        cls.incentive_account = cls.env['account.account'].search([
            ('company_id', '=', cls.company.id), ('internal_type', '=', 'other'),
            ('id', '!=', cls.freight_account.id)], limit=1)
        cls.incentive_journal = cls.env['account.journal'].search([
            ('company_id', '=', cls.company.id), ('type', '=', 'purchase')], limit=1)
        cls.company.write({
            'oldparts_incentive_account_id': cls.incentive_account.id,
            'oldparts_incentive_journal_id': cls.incentive_journal.id,
        })

        def rule(name, **values):
            vals = {'name': name, 'company_id': cls.company.id,
                    'date_from': cls.d(1, 1), 'applies_to': 'dealer'}
            vals.update(values)
            return Rule.sudo(cls.specialist).create(vals)

        # 10 per day for dealer and engineer, expired on 15 March
        cls.rule_delay_old = rule('Delay until 15 March', kind='delay_day', applies_to='both',
                                  amount=10, date_to=cls.d(3, 15))
        # then 20 per day for the dealer, at most 400 per part
        cls.rule_delay_new = rule('Delay from 16 March', kind='delay_day', amount=20,
                                  cap=400, date_from=cls.d(3, 16))
        cls.rule_not_shipped = rule('Not shipped within 10 days', kind='not_shipped',
                                    amount=200, days=10)
        cls.rule_unauthorized = rule('Unauthorised disposal', kind='unauthorized_disposal',
                                     amount=1500)
        cls.rule_missing = rule('Missing at HQ', kind='missing_written_off', amount=1000)
        cls.rule_reward = rule('On-time rate 50%', kind='ontime_reward', amount=500,
                               threshold=50, min_parts=1)

        # Dealer A, engineer A
        # P1: required 8 March, handed over 5 April (late across two months)
        cls.p1 = cls._dated_part(cls.engineer_a, cls.d(3, 1), cls.d(4, 5), has_claim_value=True)
        # P2: required 12 March, reply 20 March with a reason (accepted), handed over 24 March
        cls.p2 = cls._dated_part(cls.engineer_a, cls.d(3, 5), cls.d(3, 24),
                                 reply_date=cls.d(3, 20), reply_reason='等待吊车')
        # P3: on time on 9 March, to return, never shipped
        cls.p3 = cls._dated_part(cls.engineer_a, cls.d(3, 2), cls.d(3, 9), has_claim_value=True)
        # P4: on time on 3 April, then destroyed without approval (found 10 April)
        cls.p4 = cls._dated_part(cls.engineer_a, cls.d(4, 1), cls.d(4, 3))
        cls.p4.sudo(cls.specialist).write({
            'unauthorized_disposal_date': cls.d(4, 10),
            'unauthorized_disposal_note': '代理商自行卖给废品站'})
        # Dealer B: P5 on time on 12 March
        cls.p5 = cls._dated_part(cls.engineer_b, cls.d(3, 10), cls.d(3, 12))

    @classmethod
    def d(cls, month, day, year=None):
        return fields.Date.to_string(date(year or cls.year, month, day))

    @classmethod
    def _dated_part(cls, engineer, replaced, handed_over, **values):
        """A part replaced and handed over on the given days, through the
        real steps (the specialist classifies, the engineer hands over)."""
        vals = {
            'dealer_id': engineer.oldparts_dealer_id.id, 'product_id': cls.product.id,
            'quantity': 1.0, 'price_unit': 1200.0, 'replacement_date': replaced,
            'work_order_ref': 'PG-%s' % replaced, 'equipment_ref': 'QY25K-0001',
            'failure_reason': '油缸内泄',
        }
        vals.update(values)
        part = cls.env['oldparts.part'].sudo(engineer).create(vals)
        part.sudo(cls.specialist).action_classify()
        if handed_over:
            part.sudo(engineer).write({'handover_date': handed_over})
            part.sudo(engineer).action_hand_over()
        return part.with_env(cls.env)

    def _generate(self, month, dealers=None, user=None):
        wizard = self.env['oldparts.settlement.generate'].sudo(user or self.specialist).create({
            'year': self.year, 'month': str(month), 'company_id': self.company.id,
            'dealer_ids': [(6, 0, (dealers or self.dealer_a).ids)]})
        action = wizard.action_generate()
        return self.env['oldparts.settlement'].search(action['domain'])

    def _lines(self, settlement):
        """The lines as tuples: (rule, beneficiary, engineer, part, quantity,
        from, to, amount, capped)."""
        return sorted(
            (l.rule_id.name, l.beneficiary, l.engineer_id.login or '', l.part_id.name or '',
             l.quantity, l.date_from, l.date_to, l.amount, l.capped)
            for l in settlement.line_ids)

    def _approve_all(self, settlement):
        settlement.sudo(self.specialist).action_check()
        settlement.sudo(self.specialist).action_submit()
        settlement.sudo(self.service_manager).action_approve()
        self.assertEqual(settlement.state, 'approved')
