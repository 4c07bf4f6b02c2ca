"""One part, one open document, also when two users save at the same moment
(issue 8): two real database connections put the same part on two return
shipments; the database lets one through and makes the other fail, and the
other's retry (as Odoo's RPC layer retries a serialisation failure) is
refused with a message. The data is committed for real, then removed."""
import threading
import time
import unittest

import psycopg2

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests.common import get_db_name


class TestSamePartTwoConnections(unittest.TestCase):

    def setUp(self):
        self.registry = odoo.registry(get_db_name())
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {'tracking_disable': True})
            self.dealer = env['res.partner'].create({
                'name': '并发测试代理商', 'is_company': True, 'is_oldparts_dealer': True})
            self.product = env['product.product'].create({
                'name': '并发测试服务件', 'type': 'service'})
            part = env['oldparts.part'].create({
                'dealer_id': self.dealer.id, 'product_id': self.product.id,
                'has_claim_value': True})
            part.action_classify()
            part.action_hand_over()
            Shipment = env['oldparts.return.shipment']
            self.part_id = part.id
            self.shipment_ids = [Shipment.create({'dealer_id': self.dealer.id}).id
                                 for _i in range(2)]
            self.dealer_id, self.product_id = self.dealer.id, self.product.id

    def tearDown(self):
        with self.registry.cursor() as cr:
            cr.execute('DELETE FROM oldparts_return_shipment_line WHERE part_id = %s',
                       (self.part_id,))
            cr.execute('DELETE FROM oldparts_return_shipment WHERE id IN %s',
                       (tuple(self.shipment_ids),))
            cr.execute('DELETE FROM oldparts_part WHERE id = %s', (self.part_id,))
            cr.execute('DELETE FROM stock_location WHERE oldparts_dealer_id = %s',
                       (self.dealer_id,))
            cr.execute('UPDATE res_partner SET oldparts_location_id = NULL WHERE id = %s',
                       (self.dealer_id,))
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['product.product'].browse(self.product_id).unlink()
            env['res.partner'].browse(self.dealer_id).unlink()

    def _pack(self, cr, shipment_id):
        env = api.Environment(cr, SUPERUSER_ID, {'tracking_disable': True, 'lang': 'en_US'})
        env['oldparts.return.shipment.line'].create({
            'shipment_id': shipment_id, 'part_id': self.part_id, 'box_number': '1'})

    def _waiting_for_a_lock(self):
        with self.registry.cursor() as cr:
            cr.execute("""SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                          WHERE NOT l.granted AND a.datname = current_database()""")
            return cr.fetchone()[0] > 0

    def test_second_connection_fails_then_is_refused(self):
        """Both save at once: one line is saved, the other transaction fails to
        serialise; retried, it is refused with a clear message."""
        outcome = {}
        with api.Environment.manage():
            cr1 = self.registry.cursor()
            cr2 = self.registry.cursor()
            try:
                self._pack(cr1, self.shipment_ids[0])

                def second():
                    with api.Environment.manage():
                        try:
                            self._pack(cr2, self.shipment_ids[1])
                            cr2.commit()
                            outcome['second'] = 'committed'
                        except psycopg2.Error as error:
                            cr2.rollback()
                            outcome['second'] = error.pgcode
                        except ValidationError as error:
                            cr2.rollback()
                            outcome['second'] = error.name

                thread = threading.Thread(target=second)
                thread.start()
                deadline = time.time() + 30
                while not self._waiting_for_a_lock() and time.time() < deadline:
                    time.sleep(0.05)
                self.assertTrue(self._waiting_for_a_lock(), 'the second save did not wait')
                cr1.commit()
                thread.join(30)
                # 40001: could not serialize access due to concurrent update
                self.assertEqual(outcome.get('second'), '40001')
                with self.assertRaises(ValidationError) as refusal:
                    self._pack(cr2, self.shipment_ids[1])
                cr2.rollback()
                self.assertIn('is already on', refusal.exception.name)
            finally:
                cr1.close()
                cr2.close()
        with self.registry.cursor() as cr:
            cr.execute('SELECT shipment_id FROM oldparts_return_shipment_line WHERE part_id = %s',
                       (self.part_id,))
            self.assertEqual([row[0] for row in cr.fetchall()], [self.shipment_ids[0]])
            cr.execute('SELECT live_document_ref FROM oldparts_part WHERE id = %s',
                       (self.part_id,))
            self.assertEqual(cr.fetchone()[0],
                             'oldparts.return.shipment,%d' % self.shipment_ids[0])
