# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

PORTAL = 'oldparts_module.group_oldparts_portal'


class OldpartsPortalMixin(models.AbstractModel):
    """A document the dealers' portal users follow on /my/oldparts (Odoo's
    portal.mixin): its page is its ``portal_url``; a portal user who opens
    it from a notification e-mail lands there, and may write in its
    chatter: each document sets ``_mail_post_access = 'read'`` itself (set
    here it loses to mail.thread's 'write', which comes first in the
    documents' ``_inherit`` and wins the class attribute)."""
    _name = 'oldparts.portal.mixin'
    _inherit = 'portal.mixin'
    _description = 'Old Parts Portal Document'

    # the document's page: /my/oldparts/<_oldparts_portal_path>/<id>
    _oldparts_portal_path = None

    @api.multi
    def _compute_portal_url(self):
        for record in self:
            record.portal_url = '/my/oldparts/%s/%s' % (self._oldparts_portal_path, record.id)

    @api.multi
    def get_access_action(self, access_uid=None):
        """A portal user (``share``) opens the portal page, not the back
        office, when it may read the document."""
        self.ensure_one()
        user = self.env['res.users'].sudo().browse(access_uid) if access_uid else self.env.user
        if user.share:
            try:
                self.sudo(user).check_access_rule('read')
            except AccessError:
                pass
            else:
                return {
                    'type': 'ir.actions.act_url',
                    'url': self.portal_url,
                    'target': 'self',
                    'res_id': self.id,
                }
        return super(OldpartsPortalMixin, self).get_access_action(access_uid)

    @api.multi
    def _notification_recipients(self, message, groups):
        """The dealer's portal users get the "View" button of the e-mail
        (/mail/view, which sends them to the portal page)."""
        groups = super(OldpartsPortalMixin, self)._notification_recipients(message, groups)
        for group_name, _group_method, group_data in groups:
            if group_name == 'portal':
                group_data['has_button_access'] = True
        return groups
