"""Old-part inventory counts (附件七 旧件库存盘点表) over the old-part locations."""
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from .returns_common import OldpartsReturnsCase


class TestReturnsCount(OldpartsReturnsCase):

    def _start_count(self, user=None):
        """What the Old-Part Counts menu does: a count of the old-part locations."""
        action = self.env.ref('oldparts_module.stock_inventory_action_oldparts')
        context = dict(self.env.context, **safe_eval(action.context))
        Inventory = self.env['stock.inventory'].sudo(user or self.materials).with_context(context)
        inventory = Inventory.create(Inventory.default_get(['name', 'location_id', 'filter']))
        inventory.action_start()
        return inventory

    def test_count_adjusts_stock(self):
        """The count lists each old-part location's parts; the differences are posted to stock."""
        at_hq = self._received_part()
        self._handed_over_part(work_order_ref='PG-2026-0002')
        self._handed_over_part(engineer=self.engineer_b, work_order_ref='PG-2026-0003')
        self.assertEqual((self._qty(self.hq), self._qty(self.loc_a), self._qty(self.loc_b)),
                         (1.0, 1.0, 1.0))
        inventory = self._start_count()
        self.assertTrue(inventory.oldparts_count)
        self.assertEqual(inventory.location_id, self.root)
        self.assertIn(inventory, self.env['stock.inventory'].search(
            safe_eval(self.env.ref('oldparts_module.stock_inventory_action_oldparts').domain)))
        self.assertEqual(inventory.state, 'confirm')
        lines = {line.location_id: line for line in inventory.line_ids
                 if line.product_id == self.product}
        self.assertEqual(set(lines), {self.hq, self.loc_a, self.loc_b})
        self.assertTrue(all(line.location_id.is_oldparts_location for line in inventory.line_ids))
        self.assertEqual([lines[loc].theoretical_qty for loc in (self.hq, self.loc_a, self.loc_b)],
                         [1.0, 1.0, 1.0])
        # Dealer B's part is not found; dealer A holds one more than booked.
        lines[self.loc_b].product_qty = 0.0
        lines[self.loc_a].product_qty = 2.0

        text = self._pdf_text(self._pdf(
            'oldparts_module.action_report_oldparts_inventory_count', inventory,
            user=self.materials, lang='zh_CN'))
        for expected in ('旧件库存盘点表', inventory.name, 'YG-001', '液压油缸',
                         '回司旧件库', 'NX01', 'GD01'):
            self.assertIn(expected, text)

        inventory.action_done()
        self.assertEqual(inventory.state, 'done')
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertEqual(self._qty(self.loc_a), 2.0)
        self.assertEqual(self._qty(self.loc_b), 0.0)
        self.assertEqual(len(inventory.move_ids), 2)
        self.assertEqual(inventory.move_ids.mapped('state'), ['done', 'done'])
        self.assertEqual(at_hq.state, 'received')
        # The count moved old parts only: no stock value appeared.
        self.assertEqual(sum(inventory.move_ids.mapped('value')), 0.0)

    def test_count_of_other_location_refused(self):
        """An old-part count of the ordinary stock location is refused."""
        inventory = self._start_count()
        self.assertRefused(ValidationError, 'must count an old-part location', '只能盘点旧件库位',
            lambda: inventory.write({'location_id': self.stock.id}))
