# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Parts still owed to headquarters: not yet shipped, not disposed otherwise.
OPEN_STATES = ('draft', 'classified', 'handed_over')


class OldpartsProgressReportWizard(models.TransientModel):
    """附件三 旧件返司进度汇报表: which parts, for which dealers or regions
    and period, printed as a PDF or downloaded as a spreadsheet."""
    _name = 'oldparts.progress.report.wizard'
    _description = 'Old-Part Return Progress Report'

    company_id = fields.Many2one(
        'res.company', string='Company', required=True,
        default=lambda self: self.env.user.company_id)
    dealer_ids = fields.Many2many(
        'res.partner', string='Dealers', domain=[('is_oldparts_dealer', '=', True)],
        default=lambda self: self.env.user.oldparts_dealer_id,
        help='Empty: every dealer you may see.')
    state_ids = fields.Many2many(
        'res.country.state', string='Regions', help='Empty: every region.')
    date_from = fields.Date(
        string='Completed From',
        default=lambda self: fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)).replace(day=1)))
    date_to = fields.Date(string='Completed Until', default=fields.Date.context_today)
    scope = fields.Selection([
        ('all', 'All Parts'),
        ('open', 'Not Yet Returned'),
        ('overdue', 'Overdue Only'),
    ], string='Parts', required=True, default='all')
    group_by = fields.Selection([
        ('dealer', 'Dealer'),
        ('region', 'Region'),
    ], string='Group By', required=True, default='dealer')

    @api.constrains('date_from', 'date_to')
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(_('The period of the progress report ends (%(end)s) '
                                  'before it starts (%(start)s).') % {
                    'end': wizard.date_to, 'start': wizard.date_from})

    def _part_domain(self):
        self.ensure_one()
        domain = [('company_id', '=', self.company_id.id), ('state', '!=', 'cancel')]
        if self.dealer_ids:
            domain.append(('dealer_id', 'in', self.dealer_ids.ids))
        if self.state_ids:
            domain.append(('state_id', 'in', self.state_ids.ids))
        if self.date_from:
            domain.append(('replacement_date', '>=', self.date_from))
        if self.date_to:
            domain.append(('replacement_date', '<=', self.date_to))
        if self.scope == 'open':
            domain += [('return_required', '=', True), ('state', 'in', OPEN_STATES)]
        elif self.scope == 'overdue':
            domain.append(('is_overdue', '=', True))
        return domain

    def _report_rows(self):
        self.ensure_one()
        return self.env['oldparts.part']._progress_report_rows(self._part_domain())

    def _report_groups(self):
        self.ensure_one()
        return self.env['oldparts.part']._progress_report_groups(
            self._report_rows(), self.group_by)

    def _period_label(self):
        self.ensure_one()
        return '%s ~ %s' % (self.date_from or '', self.date_to or '')

    def _filter_label(self):
        """What the report covers, in words, for its heading."""
        self.ensure_one()
        scope = dict(self._fields['scope']._description_selection(self.env))[self.scope]
        parts = [scope]
        if self.dealer_ids:
            parts.append(', '.join(self.dealer_ids.mapped('name')))
        if self.state_ids:
            parts.append(', '.join(self.state_ids.mapped('name')))
        return ' · '.join(parts)

    @api.multi
    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(
            'oldparts_module.action_report_oldparts_progress_report').report_action(self)

    @api.multi
    def action_download_xlsx(self):
        self.ensure_one()
        return self.env.ref(
            'oldparts_module.action_report_oldparts_progress_report_xlsx').report_action(self)

    # ------------------------------------------------------------------
    # The weekly mail
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_weekly(self):
        """Send each dealer the parts it still owes, once a week, on the
        company's weekday: the dealer's contacts and the specialists receive
        the PDF and the spreadsheet. A second run in the same week sends
        nothing (oldparts.progress.report.sent remembers the week)."""
        for company in self.env['res.company'].sudo().search(
                [('oldparts_progress_mail', '=', True)]):
            today = fields.Date.from_string(fields.Date.context_today(
                self.with_context(tz=company.partner_id.tz or self.env.user.tz)))
            if str(today.weekday()) != company.oldparts_progress_mail_weekday:
                continue
            self._send_weekly(company, today)

    @api.model
    def _send_weekly(self, company, today):
        week = '%d-W%02d' % today.isocalendar()[:2]
        Sent = self.env['oldparts.progress.report.sent'].sudo()
        Part = self.env['oldparts.part'].sudo()
        dealers = Part.search([
            ('company_id', '=', company.id), ('return_required', '=', True),
            ('state', 'in', OPEN_STATES)]).mapped('dealer_id')
        for dealer in dealers:
            if Sent.search_count([('company_id', '=', company.id),
                                  ('dealer_id', '=', dealer.id), ('week', '=', week)]):
                continue
            wizard = self.sudo().create({
                'company_id': company.id, 'dealer_ids': [(6, 0, dealer.ids)],
                'date_from': False, 'date_to': fields.Date.to_string(today),
                'scope': 'open', 'group_by': 'dealer'})
            mail = wizard._send_mail(dealer, week)
            Sent.create({'company_id': company.id, 'dealer_id': dealer.id, 'week': week,
                         'mail_id': mail.id})

    def _weekly_recipients(self, dealer):
        specialists = self.env.ref('oldparts_module.group_oldparts_specialist').sudo().users \
            .filtered(lambda user: user.active and self.company_id in user.company_ids)
        contacts = (dealer | dealer.child_ids).filtered('email')
        return contacts | specialists.mapped('partner_id').filtered('email')

    def _send_mail(self, dealer, week):
        """Render the PDF and the spreadsheet in the dealer's language and
        queue the mail with both attached."""
        self.ensure_one()
        lang = dealer.lang or self.env.user.lang
        wizard = self.with_context(lang=lang)
        name = self.env['oldparts.report.filename'].with_context(lang=lang)._print_name(
            'progress_report', self)
        attachments = self.env['ir.attachment']
        for xmlid, extension, mimetype in (
                ('action_report_oldparts_progress_report', 'pdf', 'application/pdf'),
                ('action_report_oldparts_progress_report_xlsx', 'xlsx',
                 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')):
            report = self.env.ref('oldparts_module.' + xmlid).with_context(lang=lang)
            if extension == 'pdf':
                content = report.render_qweb_pdf(wizard.ids)[0]
            else:
                content = report.render_xlsx(wizard.ids, {})[0]
            attachments |= attachments.sudo().create({
                'name': '%s.%s' % (name, extension),
                'datas_fname': '%s.%s' % (name, extension),
                'datas': base64.b64encode(content),
                'mimetype': mimetype,
                'res_model': 'res.partner', 'res_id': dealer.id,
            })
        template = self.env.ref('oldparts_module.mail_template_oldparts_progress_report')
        recipients = self._weekly_recipients(dealer)
        mail_id = template.sudo().with_context(oldparts_week=week).send_mail(
            dealer.id, email_values={
                'recipient_ids': [(4, partner_id) for partner_id in recipients.ids],
                # send_mail links these ids itself (a plain list, not commands)
                'attachment_ids': attachments.ids,
            })
        return self.env['mail.mail'].sudo().browse(mail_id)
