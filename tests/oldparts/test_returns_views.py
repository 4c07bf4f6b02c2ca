"""The returns screens open for each role, and companies stay apart."""
from lxml import etree

from .returns_common import OldpartsReturnsCase


class TestReturnsViews(OldpartsReturnsCase):

    def _open(self, record, user):
        """What the web client does when the user opens the record's form:
        load the view, then read the fields it shows to this user."""
        Model = record.env[record._name].sudo(user)
        view = Model.fields_view_get(view_type='form')
        names = {node.get('name') for node in etree.fromstring(view['arch']).xpath('//field')}
        names = [name for name in names if name in Model._fields]
        return Model.browse(record.id).read(names)[0]

    def test_forms_open_for_each_role(self):
        """Keeper, specialist, materials and finance open the shipment, freight request, part and disposal forms."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        request = self.env['oldparts.freight.request'].sudo(self.keeper_a).create({
            'shipment_id': shipment.id, 'carrier_id': self.carrier.id, 'amount': 400.0})
        request.action_submit()
        request.sudo(self.specialist).action_approve()
        for user in (self.keeper_a, self.engineer_a, self.specialist, self.materials,
                     self.finance, self.general_manager):
            self.assertEqual(self._open(shipment, user)['name'], shipment.name)
            self.assertEqual(self._open(request, user)['state'], 'approved')
            self.assertEqual(self._open(part, user)['state'], 'in_return')
        self.assertTrue(self._open(request, self.finance)['invoice_id'])
        self.assertNotIn('invoice_id', self._open(request, self.keeper_a))
        self.assertTrue(self._open(shipment, self.materials)['picking_id'])
        self.assertNotIn('picking_id', self._open(shipment, self.keeper_a))
        self._validate(shipment.sudo().picking_id)
        part.sudo(self.specialist).write({'responsibility': 'company'})
        part.sudo(self.specialist).action_determine_responsibility()
        disposal = self.env['oldparts.disposal'].sudo(self.materials).create({
            'line_ids': [(0, 0, {'part_id': part.id, 'decision': 'scrap'})]})
        for user in (self.specialist, self.materials, self.finance, self.general_manager):
            self.assertEqual(self._open(disposal, user)['state'], 'draft')

    def test_company_scope(self):
        """A specialist of another company sees none of this company's shipments or requests."""
        other = self.env['res.company'].create({'name': '起重机二公司'})
        specialist = self._create_user('specialist_other', 'group_oldparts_specialist',
                                       company=other)
        shipment = self._shipment(self._handed_over_part())
        self.assertFalse(self.env['oldparts.return.shipment'].sudo(specialist).search(
            [('id', '=', shipment.id)]))
        self.assertFalse(self.env['oldparts.return.shipment.line'].sudo(specialist).search(
            [('shipment_id', '=', shipment.id)]))
        self.assertTrue(self.env['oldparts.return.shipment'].sudo(self.specialist).search(
            [('id', '=', shipment.id)]))
