"""pytest-odoo runs these tests against the database `make test` prepares."""
