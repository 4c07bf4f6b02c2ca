"""The benchmark's volume generator (bench/generator.py) on a small volume:
counts, every state, and the columns it computes itself equal to what the
ORM recomputes (and the model's constraints hold on what it wrote)."""
import os
import sys

from odoo.tests.common import SavepointCase

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from bench.generator import generate  # noqa: E402
from odoo.addons.oldparts_module.models.oldparts_part import STATES  # noqa: E402

SCALE = 0.002   # 200 bulk parts (the minimum), 31 dealers


class TestGenerator(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestGenerator, cls).setUpClass()
        Part = cls.env['oldparts.part']
        cls.before = Part.search_count([])
        cls.max_id = max(Part.search([]).ids or [0])
        cls.stats = generate(cls.env, scale=SCALE, seed=3)
        cls.parts = Part.search([('id', '>', cls.max_id)])

    def test_counts(self):
        stats = self.stats
        self.assertEqual(stats['parts'], 200)
        self.assertEqual(len(self.parts), stats['parts'] + stats['orm_parts'])
        dealers = self.parts.mapped('dealer_id')
        self.assertEqual(len(dealers), stats['dealers'])
        self.assertEqual(len(dealers.mapped('state_id')), 31)
        self.assertTrue(all(dealers.mapped('oldparts_location_id')))
        Shipment = self.env['oldparts.return.shipment']
        shipments = self.parts.mapped('shipment_line_ids.shipment_id')
        self.assertEqual(len(shipments), stats['shipments'])
        self.assertEqual(sum(shipments.mapped('part_count')), stats['shipment_lines'])
        biggest = Shipment.browse(stats['biggest_shipment_id'])
        self.assertEqual(biggest.part_count, max(shipments.mapped('part_count')))
        self.assertEqual(self.env['oldparts.sale.application'].search_count(
            [('dealer_id', 'in', dealers.ids)]), stats['sale_applications'])
        self.assertGreater(stats['sale_applications'], 0)
        self.assertEqual(self.env['oldparts.market.price'].search_count(
            [('state_id', 'in', dealers.mapped('state_id').ids)]) >= stats['market_prices'], True)
        self.assertEqual(self.env['oldparts.dealer.base.price'].search_count(
            [('dealer_id', 'in', dealers.ids)]), stats['dealer_base_prices'])

    def test_every_state_and_overdue_parts(self):
        present = set(self.parts.mapped('state'))
        self.assertEqual(present, {key for key, _label in STATES})
        overdue = self.parts.filtered('is_overdue')
        self.assertTrue(overdue)
        self.assertEqual(set(overdue.mapped('state')) - {'draft', 'classified'}, set())
        # in transit parts are held by their shipped shipment
        in_return = self.parts.filtered(lambda p: p.state == 'in_return')
        for part in in_return:
            self.assertEqual(part.live_document_ref, 'oldparts.return.shipment,%d' %
                             part.shipment_line_ids.shipment_id.id)
        # the numbers go on after the generated ones
        new = self.env['oldparts.part'].create({
            'dealer_id': self.parts[0].dealer_id.id, 'product_id': self.parts[0].product_id.id,
            'engineer_id': self.parts[0].engineer_id.id})
        self.assertNotIn(new.name, self.parts.mapped('name'))

    def test_stored_computes_equal_the_orm(self):
        Part = self.env['oldparts.part']
        computed = [name for name, field in Part._fields.items()
                    if field.store and field.compute and name != 'activity_date_deadline']
        self.assertIn('delay_days', computed)
        self.assertIn('responsibility_deadline', computed)
        # every state, and the parts with a review or a late reply
        sample = Part.browse()
        for state, _label in STATES:
            sample |= self.parts.filtered(lambda p: p.state == state)[:8]
        sample |= self.parts.filtered('review_date')[:20]
        sample |= self.parts.filtered('reply_reason')[:20]
        sample.invalidate_cache()
        stored = {part.id: {f: part[f] for f in computed} for part in sample}
        sample._recompute_stored(computed)
        sample.invalidate_cache()
        for part in sample:
            self.assertEqual({f: part[f] for f in computed}, stored[part.id], part.name)
        # the model's constraints hold on what the generator wrote
        sample._validate_fields(list(Part._fields))

    def test_shipment_totals_equal_the_orm(self):
        shipments = self.parts.mapped('shipment_line_ids.shipment_id')[:30]
        computed = ['box_count', 'part_count', 'total_weight', 'has_discrepancy',
                    'discrepancy_count']
        shipments.invalidate_cache()
        stored = {s.id: {f: s[f] for f in computed} for s in shipments}
        shipments.invalidate_cache(computed, shipments.ids)
        for fname in computed:
            self.env.add_todo(shipments._fields[fname], shipments)
        shipments.recompute()
        shipments.invalidate_cache()
        for shipment in shipments:
            self.assertEqual({f: shipment[f] for f in computed}, stored[shipment.id], shipment.name)
        self.assertTrue(any(s.has_discrepancy for s in self.parts.mapped(
            'shipment_line_ids.shipment_id')))
