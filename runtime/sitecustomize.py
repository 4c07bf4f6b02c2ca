# Put runtime/ on PYTHONPATH and every Python process (pytest-odoo included)
# applies the Odoo 11 compatibility layer before importing odoo.
import odoo11_py311

odoo11_py311.apply()
