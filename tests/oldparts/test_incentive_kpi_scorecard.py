"""KPIs and the monthly dealer scorecard (issue 11)."""
from odoo.exceptions import AccessError

from .incentive_common import OldpartsIncentiveCase


class TestKpis(OldpartsIncentiveCase):

    def _group(self, user, fields_, groupby, domain=None):
        Report = self.env['oldparts.incentive.kpi.report'].sudo(user)
        return Report.read_group(domain or [], fields_ + groupby, groupby, lazy=False)

    def test_handover_kpis_by_dealer_and_month(self):
        """March for dealer A: 1 of 3 parts on time (33.33%), average delay
        (P1 28 days to 5 April, P2 4, P3 0) = 10.67 days."""
        domain = [('row_type', '=', 'part'), ('dealer_id', '=', self.dealer_a.id),
                  ('date', '>=', self.d(3, 1)), ('date', '<=', self.d(3, 31))]
        row, = self._group(self.specialist, ['ontime_rate', 'delay_days', 'part_count'],
                           ['dealer_id'], domain)
        self.assertAlmostEqual(row['ontime_rate'], 100.0 / 3, places=2)
        self.assertAlmostEqual(row['delay_days'], 32.0 / 3, places=2)
        self.assertEqual(row['part_count'], 3)
        by_type = {r['disposal_type']: r['part_count'] for r in self._group(
            self.specialist, ['part_count'], ['disposal_type'], domain)}
        self.assertEqual(by_type, {'return': 2, 'destroy': 1})

    def test_settlement_totals(self):
        """The settlement rows add up to the settlement's penalties and rewards."""
        self._generate(3)
        self._generate(3, dealers=self.dealer_b)
        rows = {r['dealer_id'][0]: r for r in self._group(
            self.specialist, ['settlement_penalty', 'settlement_reward', 'settlement_amount'],
            ['dealer_id'], [('row_type', '=', 'settlement')])}
        self.assertEqual(rows[self.dealer_a.id]['settlement_penalty'], 740.0)
        self.assertEqual(rows[self.dealer_b.id]['settlement_reward'], 500.0)
        self.assertEqual(rows[self.dealer_b.id]['settlement_amount'], 500.0)

    def test_kpis_read_only(self):
        """Nobody writes the KPI view."""
        row = self.env['oldparts.incentive.kpi.report'].search([], limit=1)
        with self.assertRefused(AccessError):
            row.sudo(self.specialist).write({'part_count': 5})


class TestScorecard(OldpartsIncentiveCase):

    def test_scorecard_in_chinese(self):
        """Dealer A's engineer, reading zh_CN, prints the March scorecard: one
        page in Chinese with the KPIs, the lines and the overdue parts."""
        settlement = self._generate(3)
        overdue = self._create_part(user=self.engineer_a, replacement_date=self._date(-20))
        overdue._recompute_stored(['delay_days', 'is_overdue'])
        self.assertTrue(overdue.is_overdue)
        pdf = self._pdf('oldparts_module.action_report_oldparts_scorecard', settlement,
                        user=self.engineer_a, lang='zh_CN')
        text = self._pdf_text(pdf)
        self.assertEqual(text.count('\f'), 1, 'one page')
        for expected in ('代理商月度评分卡', '按时交接率', '33.3 %', '延期天数', self.dealer_a.name,
                         'Delay until 15 March', self.p1.name, overdue.name, '奖罚明细'):
            self.assertIn(expected, text)
        self.assertNotIn('Monthly Dealer Scorecard', text)

    def test_scorecard_in_english_and_sent(self):
        """Printed at HQ for a dealer reading English, the scorecard is in
        English; the mail composer sends it with the PDF."""
        self.env['res.lang'].with_context(active_test=False).search(
            [('code', '=', 'en_US')]).write({'active': True})
        self.dealer_b.lang = 'en_US'
        settlement = self._generate(3, dealers=self.dealer_b)
        pdf = self._pdf('oldparts_module.action_report_oldparts_scorecard', settlement,
                        user=self.specialist, lang='en_US')
        text = self._pdf_text(pdf)
        self.assertIn('Monthly Dealer Scorecard', text)
        self.assertIn('100.0 %', text)
        action = settlement.sudo(self.specialist).action_send()
        composer = self.env['mail.compose.message'].sudo(self.specialist).with_context(
            action['context']).create({})
        composer.onchange_template_id_wrapper()
        self.assertEqual(composer.partner_ids, self.dealer_b)
        self.assertTrue(composer.attachment_ids)
        composer.send_mail()
        message = settlement.message_ids[0]
        self.assertIn(self.dealer_b, message.partner_ids)
        self.assertTrue(message.attachment_ids)
