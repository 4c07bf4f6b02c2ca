"""Section 4 pricing: market price of the day (or the latest earlier one),
weighted price of mixed grades, floor with the buyer bearing the costs and
the remote reduction, weights from the structural references."""

from odoo.exceptions import UserError, ValidationError

from .sale_common import OldpartsSaleCase


class TestSalePricing(OldpartsSaleCase):

    def test_market_price_of_the_day_is_the_floor(self):
        """Market 2000 元/吨 that day, buyer not bearing the costs: floor 2000."""
        part = self._handed_over_part()
        application = self._create_application(part, buyer_bears_costs=False)
        self.assertEqual(application.market_price, 2000.0)
        self.assertEqual(application.market_price_date, self._date(0))
        self.assertFalse(application.market_price_outdated)
        self.assertEqual(application.floor_rate, 100.0)
        self.assertEqual(application.floor_price, 2000.0)

    def test_buyer_bearing_costs_floor_is_85_percent(self):
        """Market 2000, the buyer bears labour, lifting, transport and cutting: floor 1700."""
        part = self._handed_over_part()
        application = self._create_application(part, buyer_bears_costs=True)
        self.assertEqual(application.floor_rate, 85.0)
        self.assertEqual(application.floor_price, 1700.0)

    def test_remote_province_further_reduction(self):
        """Ningxia is remote: market 2000 x 0.85 x (1 - 10%) = 1530."""
        part = self._handed_over_part()
        application = self._create_application(
            part, buyer_bears_costs=True, remote_reduction=10.0)
        self.assertEqual(application.remote_province_id.state_id, self.state_nx)
        self.assertEqual((application.remote_reduction_min, application.remote_reduction_max),
                         (5.0, 10.0))
        self.assertEqual(application.floor_price, 1530.0)

    def test_remote_reduction_without_buyer_costs(self):
        """Remote reduction alone applies to the market price: 2000 x (1 - 5%) = 1900."""
        part = self._handed_over_part()
        application = self._create_application(
            part, buyer_bears_costs=False, remote_reduction=5.0)
        self.assertEqual(application.floor_price, 1900.0)

    def test_remote_reduction_outside_range_refused(self):
        """12% or 3% in Ningxia is outside the configured 5-10% range."""
        part = self._handed_over_part()
        application = self._create_application(part)
        for reduction in (12.0, 3.0):
            with self.assertRefused(ValidationError):
                application.sudo(self.dealer_user_a).write({'remote_reduction': reduction})

    def test_remote_reduction_refused_outside_remote_province(self):
        """Guangdong is not remote: no further reduction."""
        part = self._handed_over_part(dealer=self.dealer_b)
        with self.assertRefused(ValidationError):
            self._create_application(part, user=self.engineer_b, remote_reduction=5.0)

    def test_remote_list_and_range_are_data(self):
        """Widening Ningxia's range to 15% allows 12%; Guangdong becomes remote when listed."""
        self.env.ref('oldparts_module.remote_province_nx').reduction_max = 15.0
        part = self._handed_over_part()
        application = self._create_application(
            part, buyer_bears_costs=True, remote_reduction=12.0)
        self.assertEqual(application.floor_price, 1496.0)  # 2000 x 0.85 x 0.88
        self.env['oldparts.remote.province'].create({
            'state_id': self.state_gd.id, 'reduction_min': 5.0, 'reduction_max': 8.0})
        part_b = self._handed_over_part(dealer=self.dealer_b)
        application_b = self._create_application(
            part_b, user=self.engineer_b, remote_reduction=8.0)
        self.assertTrue(application_b.remote_province_id)

    def test_floor_rate_is_configuration(self):
        """A company floor rate of 80% gives 1600 on a market of 2000."""
        self.company.oldparts_buyer_costs_floor_rate = 80.0
        part = self._handed_over_part()
        application = self._create_application(part, buyer_bears_costs=True)
        self.assertEqual(application.floor_price, 1600.0)

    def test_no_price_that_day_uses_latest_earlier_with_its_date(self):
        """Guangdong has no price today: the one of 5 days ago applies and its date shows."""
        part = self._handed_over_part(dealer=self.dealer_b)
        application = self._create_application(part, user=self.engineer_b)
        self.assertEqual(application.market_price, 2000.0)
        self.assertEqual(application.market_price_date, self._date(-5))
        self.assertTrue(application.market_price_outdated)
        self.assertEqual(application.line_ids.market_price_id, self.price_gd_heavy)

    def test_latest_price_wins_over_older_ones(self):
        """Ningxia heavy: 1900 ten days ago, 2000 today; an application dated
        a week ago takes 1900."""
        part = self._handed_over_part()
        application = self._create_application(part, date=self._date(-7))
        self.assertEqual(application.market_price, 1900.0)
        self.assertEqual(application.market_price_date, self._date(-10))
        application.sudo(self.dealer_user_a).date = self._date(0)
        self.assertEqual(application.market_price, 2000.0)

    def test_no_market_price_refused(self):
        """No light-scrap price in Guangdong on or before the date: submission refused."""
        part = self._handed_over_part(dealer=self.dealer_b, product=self.cover)
        application = self._create_application(
            part, user=self.engineer_b, weights=[0.4], grades=[self.light])
        self.assertFalse(application.line_ids.market_price_id)
        self.assertRefused(UserError, 'no market price', '没有',
            lambda: application.sudo(self.engineer_b).action_submit())
        self.assertEqual(application.state, 'draft')
        self.assertEqual(part.state, 'handed_over')

    def test_price_published_later_is_taken_at_submission(self):
        """A price entered after the application was made is looked up on submission."""
        part = self._handed_over_part(dealer=self.dealer_b, product=self.cover)
        application = self._create_application(
            part, user=self.engineer_b, weights=[0.4], grades=[self.light],
            buyer_bears_costs=True, quotes=(1700.0, 1650.0, 1600.0))
        self.env['oldparts.market.price'].create({
            'state_id': self.state_gd.id, 'grade_id': self.light.id,
            'date': self._date(-1), 'price': 1800.0})
        application.sudo(self.engineer_b).action_submit()
        self.assertEqual(application.market_price, 1800.0)
        self.assertEqual(application.floor_price, 1530.0)

    def test_mixed_grades_weighted_price(self):
        """2 t heavy at 2000 and 1 t light at 1700 weigh to 1900; 85% floor 1615."""
        heavy_part = self._handed_over_part()
        light_part = self._handed_over_part(product=self.cover)
        application = self._create_application(
            heavy_part + light_part, weights=[2.0, 1.0], grades=[self.heavy, self.light],
            buyer_bears_costs=True)
        self.assertEqual(application.total_weight, 3.0)
        self.assertEqual(application.market_price, 1900.0)
        self.assertEqual(application.floor_price, 1615.0)
        self.assertEqual(application.amount_total, 6000.0)  # best quote 2000 x 3 t

    def test_weight_and_grade_from_structural_reference(self):
        """A boom section not weighed takes 1.85 t and the heavy grade of its reference."""
        part = self._handed_over_part()
        application = self._create_application(part)
        line = application.line_ids
        self.assertEqual(line.reference_id, self.boom_reference)
        self.assertEqual(line.grade_id, self.heavy)
        self.assertFalse(line.is_weighed)
        self.assertAlmostEqual(line.weight, 1.85)
        self.assertEqual(line.reference_price, 2000.0)
        line.sudo(self.dealer_user_a).weighed_weight = 1.92
        self.assertTrue(line.is_weighed)
        self.assertAlmostEqual(application.total_weight, 1.92)

    def test_dealer_base_price_for_reference(self):
        """The dealer's scrap base price (standard 4) of the grade shows on the application."""
        self.env['oldparts.dealer.base.price'].create({
            'dealer_id': self.dealer_a.id, 'grade_id': self.heavy.id,
            'date_from': self._date(-30), 'price': 1750.0})
        self.env['oldparts.dealer.base.price'].create({
            'dealer_id': self.dealer_a.id, 'date_from': self._date(-30), 'price': 1500.0})
        part = self._handed_over_part()
        application = self._create_application(part)
        self.assertEqual(application.dealer_base_price, 1750.0)

    def test_import_market_prices_from_spreadsheet(self):
        """Specialist imports a CSV of prices with Chinese province and grade names."""
        csv = ('state_id,grade_id,date,price,source\n'
               '甘肃省,重型废钢,%s,1880,甘肃金属网\n'
               '甘肃省,轻薄废钢,%s,1650,甘肃金属网\n' % (self._date(0), self._date(0)))
        # the web client sends the user's language (Chinese) in the context
        wizard = self.env['base_import.import'].sudo(self.specialist).with_context(
            lang='zh_CN').create({
            'res_model': 'oldparts.market.price',
            'file': csv.encode('utf-8'),
            'file_name': 'prices.csv',
            'file_type': 'text/csv',
        })
        messages = wizard.do(['state_id', 'grade_id', 'date', 'price', 'source'],
                             {'quoting': '"', 'separator': ',', 'headers': True})
        self.assertFalse([m for m in messages if m.get('type') == 'error'], messages)
        gansu = self.env.ref('l10n_cn.state_GS')
        imported = self.env['oldparts.market.price'].search([('state_id', '=', gansu.id)])
        self.assertEqual(sorted(imported.mapped('price')), [1650.0, 1880.0])
        self.assertEqual(imported.mapped('source'), ['甘肃金属网'] * 2)
