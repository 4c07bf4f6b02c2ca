"""pytest-odoo runs these tests against the database `make test` prepares."""
import odoo
import odoo.tests.common
import pytest


@pytest.fixture(autouse=True)
def _http_port_for_httpcase():
    # Odoo 11's HttpCase reads PORT once, when odoo.tests.common is imported;
    # pytest-odoo (--odoo-http) starts the server later on a random port.
    odoo.tests.common.PORT = odoo.tools.config['http_port']
    yield
