"""Deployment defaults written by scripts/odoo.sh (the config these tests run
with): no database list or manager, a master password that is not "admin"."""
import os
import stat

import odoo
import pytest
from odoo.tests.common import HttpCase

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MASTER_FILE = os.path.join(ROOT, '.local', 'master-password')


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_list_is_off():
    assert odoo.tools.config['list_db'] is False


def test_master_password_is_not_admin():
    config = odoo.tools.config
    assert not config.verify_admin_password('admin')
    assert config['admin_passwd'].startswith('$pbkdf2-sha512$')   # not in clear
    if os.environ.get('ODOO_MASTER_PASSWORD'):
        assert config.verify_admin_password(os.environ['ODOO_MASTER_PASSWORD'])
        return
    assert _mode(MASTER_FILE) == 0o600
    with open(MASTER_FILE) as f:
        master = f.read().strip()
    assert len(master) >= 32
    assert config.verify_admin_password(master)
    assert _mode(config.rcfile) == 0o600
    with open(config.rcfile) as f:
        assert master not in f.read()


def test_database_management_refused_even_with_the_master_password():
    master = os.environ.get('ODOO_MASTER_PASSWORD')
    if not master:
        with open(MASTER_FILE) as f:
            master = f.read().strip()
    with pytest.raises(odoo.exceptions.AccessDenied):
        odoo.http.dispatch_rpc('db', 'drop', [master, 'oldparts_rt_does_not_exist'])
    with pytest.raises(odoo.exceptions.AccessDenied):
        odoo.http.dispatch_rpc('db', 'list', [])


class TestDatabaseManagerHttp(HttpCase):

    def test_database_list_route_refused(self):
        response = self.opener.post(
            'http://%s:%s/web/database/list' % (odoo.tests.common.HOST, odoo.tests.common.PORT),
            json={'jsonrpc': '2.0', 'method': 'call', 'params': {}}, timeout=30)
        answer = response.json()
        assert 'result' not in answer
        assert answer['error']['data']['name'] == 'odoo.exceptions.AccessDenied'

    def test_login_page_hides_the_manager_link(self):
        response = self.url_open('/web/login', timeout=60)
        assert response.status_code == 200
        assert b'/web/database/manager' not in response.content
