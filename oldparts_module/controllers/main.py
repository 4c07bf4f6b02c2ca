# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request


class OldpartsController(http.Controller):

    @http.route('/oldparts/part/import_template', type='http', auth='user')
    def part_import_template(self, **kwargs):
        content = request.env['oldparts.part']._import_template_xlsx()
        return request.make_response(content, headers=[
            ('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
            ('Content-Disposition', content_disposition('oldparts_import_template.xlsx')),
        ])
