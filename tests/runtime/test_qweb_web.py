"""QWeb's hand-built AST compiles on Python 3.11; the web client's template
route answers; no bridge addon is left stuck "to install"."""
from lxml import etree

from odoo.tests.common import HttpCase, TransactionCase


class TestQWeb(TransactionCase):

    def _render(self, arch, values):
        view = self.env['ir.ui.view'].create({
            'name': 'runtime_test', 'type': 'qweb', 'arch': arch,
        })
        return self.env['ir.qweb'].render(view.id, values).decode()

    def test_foreach_if_esc_with_constants(self):
        """t-foreach, t-if and t-esc over None/True/False render as in Odoo 11."""
        html = self._render(
            '<t t-name="runtime_test"><ul>'
            '<li t-foreach="items" t-as="item">'
            '<t t-if="item is None">none</t>'
            '<t t-elif="item is True">yes</t>'
            '<t t-elif="item is False">no</t>'
            '<t t-else=""><t t-esc="item"/>#<t t-esc="item_index"/></t>'
            '</li></ul>'
            '<span t-esc="None"/><span t-esc="False"/><b t-esc="True"/>'
            '<i t-att-class="\'on\' if flag else None">x</i>'
            '<t t-set="pages" t-value="[items[x:x + 2] for x in xrange(0, len(items), 2)]"/>'
            '<p t-esc="len(pages)"/>'
            '</t>', {'items': [None, True, False, '<tag>'], 'flag': True})
        tree = etree.fromstring('<root>%s</root>' % html)
        assert [li.text or ''.join(li.itertext()) for li in tree.iter('li')] == \
            ['none', 'yes', 'no', '<tag>#3']
        assert tree.find('.//b').text == 'True'
        assert tree.find('.//i').get('class') == 'on'
        assert tree.find('.//p').text == '2'
        assert '&lt;tag&gt;' in html  # t-esc escapes

    def test_no_module_stuck_to_install(self):
        """Bridge addons whose dependencies are not installed are uninstallable."""
        stuck = self.env['ir.module.module'].search([('state', 'in', ('to install', 'to upgrade'))])
        assert not stuck, stuck.mapped('name')


class TestWebClient(HttpCase):

    def test_webclient_qweb_route(self):
        """/web/webclient/qweb concatenates the client templates (getchildren)."""
        response = self.url_open('/web/webclient/qweb?mods=web,mail')
        assert response.status_code == 200
        root = etree.fromstring(response.content)
        names = {t.get('t-name') for t in root}
        assert 'WebClient' in names or len(root) > 100

    def test_login_page(self):
        # each HttpCase test rolls back the asset bundles its first page
        # compiled: ~6 s on an idle machine, over HttpCase's default 10 s
        # timeout under load (seen with and without the sandbox patch)
        response = self.url_open('/web/login', timeout=60)
        assert response.status_code == 200
        assert b'name="login"' in response.content
