"""pytest-odoo runs these tests against the database `make test` prepares."""
import socket
import time

import odoo
import odoo.tests.common
import pytest
from odoo.service import server as odoo_server
from odoo.service import wsgi_server


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


@pytest.fixture(scope='session', autouse=True)
def load_http(request, load_registry):
    """Replaces pytest-odoo's fixture of the same name for Odoo 11.

    pytest-odoo calls odoo.service.server.start(stop=True), which spawns the
    HTTP thread and then shuts it down at once: whether HttpCase tests find a
    server depends on which thread wins (connection refused, now and then).
    Here one HTTP server runs for the whole session, on a free port, and
    Odoo 11's HttpCase (which reads PORT when odoo.tests.common is imported)
    is pointed at it.
    """
    if not request.config.getoption('--odoo-http'):
        yield
        return
    port = _free_port()
    odoo.tools.config['http_port'] = port
    odoo.tests.common.PORT = port
    server = odoo_server.ThreadedServer(wsgi_server.application)
    server.http_spawn()
    deadline = time.time() + 30
    while True:
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline:
                raise RuntimeError('the Odoo test HTTP server did not start on port %d' % port)
            time.sleep(0.05)
    yield
    server.httpd.shutdown()
    server.httpd.server_close()
