# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OldpartsScrapSignoffWitness(models.Model):
    """A person who witnessed a destruction or gift and signs the form."""
    _name = 'oldparts.scrap.signoff.witness'
    _description = 'Scrap Sign-off Witness'
    _order = 'signoff_id, sequence, id'

    signoff_id = fields.Many2one(
        'oldparts.scrap.signoff', string='Scrap Sign-off', required=True,
        index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related='signoff_id.company_id', store=True, readonly=True)
    user_id = fields.Many2one('res.users', string='User')
    name = fields.Char(string='Name', required=True)
    department = fields.Char(string='Department', required=True)
    job_title = fields.Char(string='Position')
    phone = fields.Char(string='Phone')

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id:
            self.name = self.user_id.name

    @api.model
    def create(self, vals):
        self._check_signoff_draft(vals.get('signoff_id'))
        return super(OldpartsScrapSignoffWitness, self).create(vals)

    @api.multi
    def write(self, vals):
        for signoff in self.mapped('signoff_id'):
            self._check_signoff_draft(signoff.id)
        return super(OldpartsScrapSignoffWitness, self).write(vals)

    @api.multi
    def unlink(self):
        for signoff in self.mapped('signoff_id'):
            self._check_signoff_draft(signoff.id)
        return super(OldpartsScrapSignoffWitness, self).unlink()

    @api.model
    def _check_signoff_draft(self, signoff_id):
        signoff = self.env['oldparts.scrap.signoff'].browse(signoff_id)
        if signoff and signoff.state != 'draft':
            raise UserError(_(
                'The witnesses of %(signoff)s can only change while it is a draft.') % {
                'signoff': signoff.name,
            })
