# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

PREFIX = 'oldparts_module.'


class IrActionsReport(models.Model):
    """The old-part forms are rendered in the reader's language: the
    language asked for in the context (the web client's, or the recipient's
    for a mailed report), else the printing user's. The whole rendering gets
    it, not only the template's text: selection labels, dates and the
    labels computed in Python follow."""
    _inherit = 'ir.actions.report'

    def _oldparts_reader(self):
        if (self.report_name or '').startswith(PREFIX):
            lang = self.env.context.get('lang') or self.env.user.lang or 'en_US'
            return self.with_context(lang=lang)
        return self

    def render_qweb_html(self, docids, data=None):
        return super(IrActionsReport, self._oldparts_reader()).render_qweb_html(
            docids, data=data)

    def render_xlsx(self, docids, data):
        return super(IrActionsReport, self._oldparts_reader()).render_xlsx(docids, data)

    def render_template(self, template, values=None):
        if isinstance(template, str) and template.startswith(PREFIX):
            values = dict(values or {}, oldparts_lang=self.env.context.get('lang')
                          or self.env.user.lang or 'en_US')
        return super(IrActionsReport, self).render_template(template, values=values)
