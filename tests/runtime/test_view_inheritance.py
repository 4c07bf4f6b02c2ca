"""View inheritance position="after" keeps the target's tail text after the
inserted content. lxml 5.0 changed Element.addnext(), which breaks this (and
Odoo 11's own base test test_view_inheritance_text_after): lxml is pinned to
4.9 in requirements/python.txt, and these tests guard the pin."""
import pytest

from odoo.tests.common import TransactionCase


class TestViewInheritanceAfter(TransactionCase):

    def _combined_arch(self, arch, *inherit_archs):
        View = self.env['ir.ui.view']
        parent = View.create({'name': 'rt_parent', 'model': 'ir.ui.view', 'arch': arch})
        children = View
        for inherit_arch in inherit_archs:
            children |= View.create({
                'name': 'rt_child', 'model': 'ir.ui.view',
                'inherit_id': parent.id, 'arch': inherit_arch})
        return View.with_context(check_view_ids=children.ids).fields_view_get(parent.id)['arch']

    def test_after_keeps_tail_after_inserted_content(self):
        """The case of Odoo's base test test_view_inheritance_text_after."""
        assert self._combined_arch(
            '<form string="F">(<div/>)</form>',
            '<div position="after">a<p/>b<p/>c</div>',
        ) == '<form string="F">(<div/>a<p/>b<p/>c)</form>'

    def test_after_without_tail_and_with_element_only(self):
        assert self._combined_arch(
            '<form string="F"><div/><span/></form>',
            '<div position="after"><p/>x</div>',
        ) == '<form string="F"><div/><p/>x<span/></form>'
        assert self._combined_arch(
            '<form string="F"><div/>tail</form>',
            '<div position="after"><p/></div>',
        ) == '<form string="F"><div/><p/>tail</form>'

    def test_after_twice_and_before_inside_unchanged(self):
        assert self._combined_arch(
            '<form string="F">(<div/>)</form>',
            '<div position="after"><b/>1</div>',
            '<div position="after"><i/>2</div>',
        ) == '<form string="F">(<div/><i/>2<b/>1)</form>'
        assert self._combined_arch(
            '<form string="F">(<div/>)</form>',
            '<div position="before">a<p/>b</div>',
        ) == '<form string="F">(a<p/>b<div/>)</form>'
        assert self._combined_arch(
            '<form string="F">(<div>x</div>)</form>',
            '<div position="inside">a<p/>b</div>',
        ) == '<form string="F">(<div>xa<p/>b</div>)</form>'

    def test_qweb_template_text_order(self):
        """In a QWeb template, the text after the target stays after the
        inserted content when rendered."""
        View = self.env['ir.ui.view']
        parent = View.create({
            'name': 'rt_tmpl', 'type': 'qweb', 'key': 'rt_tests.rt_tmpl',
            'arch': '<t t-name="rt_tests.rt_tmpl"><p>Total: <b t-esc="amount"/> yuan</p></t>'})
        View.create({
            'name': 'rt_tmpl_ext', 'type': 'qweb', 'inherit_id': parent.id,
            'arch': '<xpath expr="//b" position="after"> (<i t-esc="note"/>)</xpath>'})
        html = self.env['ir.qweb'].render(parent.id, {'amount': 42, 'note': 'tax incl.'}).decode()
        assert '<p>Total: <b>42</b> (<i>tax incl.</i>) yuan</p>' in html


def test_lxml_is_the_pinned_4_9():
    """The pin these tests guard (requirements/python.txt)."""
    from lxml import etree
    assert etree.LXML_VERSION[:2] == (4, 9)
