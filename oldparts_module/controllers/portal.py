# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The dealer portal (/my/oldparts): the dealers' engineers and keepers, as
portal users, work on their own dealer's records from a phone.

Portal users only read (record rules of the dealer-portal group). A change
goes through a route below, which

1. finds the record as the user (its rules: another dealer's record is not
   found, 404),
2. checks the step as the user with the document's own guard
   (``_check_transition``: groups and states),
3. then calls the document's own method with ``sudo()``: its locks,
   ``check_values`` and constraints apply as for the back office,

all in a savepoint: refused input gives the model's message on the page and
leaves nothing saved."""
import base64

import psycopg2
from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, except_orm
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

PORTAL = 'oldparts_module.group_oldparts_portal'
PHOTO_MAX_BYTES = 10 * 1024 * 1024
QUOTES = 3


class OldpartsPortal(CustomerPortal):

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _prepare_portal_layout_values(self):
        values = super(OldpartsPortal, self)._prepare_portal_layout_values()
        if request.env.user.has_group(PORTAL):
            Part = request.env['oldparts.part']
            values.update({
                'oldparts_part_count': Part.search_count([]),
                'oldparts_overdue_count': Part.search_count([('is_overdue', '=', True)]),
                'oldparts_sale_count': request.env['oldparts.sale.application'].search_count([]),
                'oldparts_shipment_count': request.env['oldparts.return.shipment'].search_count([]),
            })
        return values

    def _oldparts_dealer(self):
        """The portal user's dealer; other users have no portal pages here."""
        user = request.env.user
        if not user.has_group(PORTAL) or not user.oldparts_dealer_id:
            raise NotFound()
        return user.oldparts_dealer_id

    def _oldparts_record(self, model, record_id):
        """The record as the user reads it: another dealer's record, or one
        that does not exist, is not found."""
        dealer = self._oldparts_dealer()
        record = request.env[model].browse(record_id)
        try:
            record.check_access_rights('read')
            record.check_access_rule('read')
            if not record.exists() or record.sudo().dealer_id != dealer:
                raise NotFound()
        except (AccessError, MissingError):
            raise NotFound()
        return record

    def _oldparts_step(self, record, action, *args):
        """A step of the document's process: its guard as the user, then the
        step itself as superuser (dealer-portal users have no write rights)."""
        record._check_transition(action)
        return getattr(record.sudo(), action)(*args)

    def _oldparts_try(self, function):
        """Run ``function`` in a savepoint: (result, None), or (None, the
        message of the refusal) with nothing saved."""
        try:
            with request.env.cr.savepoint():
                return function(), None
        except except_orm as exc:
            message = exc.name
        except (psycopg2.IntegrityError, ValueError, TypeError):
            message = _('The values entered are not valid; check them and try again.')
        request.env.clear()
        return None, message

    def _oldparts_form(self):
        """The posted text values, stripped."""
        return {key: (value or '').strip() for key, value in request.params.items()
                if isinstance(value, str) and key != 'csrf_token'}

    def _oldparts_check_required(self, model, form, fnames):
        """Refuse the form when a required field is empty, naming them."""
        missing = [f for f in fnames if not form.get(f)]
        if missing:
            labels = request.env[model].fields_get(missing, ['string'])
            raise UserError(_('Fill in: %(fields)s.') % {
                'fields': ', '.join(labels[f]['string'] for f in missing)})

    def _oldparts_attach_photos(self, record):
        """The uploaded photos, attached to ``record`` (images only)."""
        for upload in request.httprequest.files.getlist('photos'):
            if not upload.filename:
                continue
            content = upload.read()
            if not (upload.mimetype or '').startswith('image/'):
                raise UserError(_('%(file)s is not a photo.') % {'file': upload.filename})
            if len(content) > PHOTO_MAX_BYTES:
                raise UserError(_('%(file)s is larger than 10 MB.') % {
                    'file': upload.filename})
            request.env['ir.attachment'].sudo().create({
                'name': upload.filename,
                'datas_fname': upload.filename,
                'datas': base64.b64encode(content),
                'mimetype': upload.mimetype,
                'res_model': record._name,
                'res_id': record.id,
            })

    def _oldparts_photos(self, record):
        return request.env['ir.attachment'].sudo().search([
            ('res_model', '=', record._name), ('res_id', '=', record.id),
            ('mimetype', 'like', 'image/')])

    def _oldparts_values(self, page_name, **values):
        result = self._prepare_portal_layout_values()
        result.update(page_name=page_name, dealer=self._oldparts_dealer(), **values)
        return result

    def _oldparts_report(self, report_xmlid, records, filename):
        """The report of ``records`` (their access was checked by the caller)."""
        report = request.env.ref(report_xmlid).sudo()
        content, kind = report.render_qweb_pdf(records.ids)
        mimetype = 'application/pdf' if kind == 'pdf' else 'text/html; charset=utf-8'
        return request.make_response(content, headers=[
            ('Content-Type', mimetype),
            ('Content-Length', len(content)),
            ('Content-Disposition', 'inline; filename="%s.%s"' % (filename, kind)),
        ])

    # ------------------------------------------------------------------
    # Parts
    # ------------------------------------------------------------------
    @http.route(['/my/oldparts', '/my/oldparts/page/<int:page>'], type='http',
                auth='user', website=True)
    def oldparts_parts(self, page=1, filterby='all', search='', **kw):
        self._oldparts_dealer()
        Part = request.env['oldparts.part']
        filters = Part._oldparts_portal_filters()
        domains = {key: domain for key, _label, domain in filters}
        filterby = filterby if filterby in domains else 'all'
        domain = domains[filterby] + Part._oldparts_portal_search_domain(search)
        total = Part.search_count(domain)
        url_args = {'filterby': filterby, 'search': search}
        pager = portal_pager(url='/my/oldparts', url_args=url_args, total=total,
                             page=page, step=self._items_per_page)
        parts = Part.search(domain, order='is_overdue desc, required_handover_date, id desc',
                            limit=self._items_per_page, offset=pager['offset'])
        return request.render('oldparts_module.portal_my_oldparts', self._oldparts_values(
            'oldparts_parts', parts=parts.sudo(), pager=pager, filters=filters,
            filterby=filterby, search=search))

    @http.route('/my/oldparts/part/<int:part_id>', type='http', auth='user', website=True)
    def oldparts_part(self, part_id, **kw):
        part = self._oldparts_record('oldparts.part', part_id)
        return self._oldparts_render_part(part)

    def _oldparts_render_part(self, part, error=None, form=None, message=None):
        part_sudo = part.sudo()
        can_hand_over = part_sudo.state == 'classified'
        return request.render('oldparts_module.portal_my_oldpart', self._oldparts_values(
            'oldparts_part', part=part_sudo, record=part, photos=self._oldparts_photos(part),
            can_promise=part_sudo.state in ('draft', 'classified'),
            can_hand_over=can_hand_over, error=error, form=form or {}, message=message,
            today=fields.Date.context_today(part)))

    @http.route('/my/oldparts/part/new', type='http', auth='user', website=True,
                methods=['GET', 'POST'])
    def oldparts_part_new(self, **kw):
        dealer = self._oldparts_dealer()
        form = self._oldparts_form()
        error = None
        if request.httprequest.method == 'POST':
            part, error = self._oldparts_try(lambda: self._oldparts_create_part(dealer, form))
            if part:
                return request.redirect('%s?message=created' % part.portal_url)
        return request.render('oldparts_module.portal_my_oldpart_new', self._oldparts_values(
            'oldparts_part_new', error=error, form=form,
            today=fields.Date.context_today(request.env['oldparts.part'])))

    def _oldparts_create_part(self, dealer, form):
        """A replaced part recorded on the portal: a draft part of the ledger,
        the user its engineer (and follower), the photos attached."""
        self._oldparts_check_required('oldparts.part', form, [
            'work_order_ref', 'equipment_ref', 'product_id', 'quantity',
            'replacement_date', 'failure_reason'])
        user = request.env.user
        Product = request.env['product.product'].sudo()
        code = form['product_id']
        product = Product.search([('default_code', '=', code)], limit=1) or \
            Product.search([('name', '=', code)], limit=1)
        if not product:
            raise UserError(_('No material with the code %(code)s.') % {'code': code})
        vals = {
            'dealer_id': dealer.id,
            'company_id': user.company_id.id,
            'engineer_id': user.id,
            'state_id': dealer.state_id.id,
            'work_order_ref': form['work_order_ref'],
            'equipment_ref': form['equipment_ref'],
            'product_id': product.id,
            'price_unit': product.standard_price,
            'quantity': form['quantity'],
            'replacement_date': form['replacement_date'],
            'failure_reason': form['failure_reason'],
            'lot_name': form.get('lot_name') or False,
        }
        part = request.env['oldparts.part'].sudo().with_context(
            mail_create_nosubscribe=True).create(vals)
        part.message_subscribe(partner_ids=user.partner_id.ids)
        self._oldparts_attach_photos(part)
        return part.sudo(user)

    @http.route('/my/oldparts/part/<int:part_id>/promise', type='http', auth='user',
                website=True, methods=['POST'])
    def oldparts_part_promise(self, part_id, **kw):
        """The engineer promises the hand-over date (with the reason when it
        is after the required date: the part's constraint)."""
        part = self._oldparts_record('oldparts.part', part_id)
        form = self._oldparts_form()

        def promise():
            self._oldparts_check_required('oldparts.part', form, ['reply_date'])
            part.sudo().write({
                'reply_date': form['reply_date'],
                'reply_reason': form.get('reply_reason') or False,
            })
        _result, error = self._oldparts_try(promise)
        if error:
            return self._oldparts_render_part(part, error=error, form=form)
        return request.redirect('%s?message=promised' % part.portal_url)

    @http.route('/my/oldparts/part/<int:part_id>/handover', type='http', auth='user',
                website=True, methods=['POST'])
    def oldparts_part_handover(self, part_id, **kw):
        """The keeper confirms the hand-over (the part's own step)."""
        part = self._oldparts_record('oldparts.part', part_id)
        form = self._oldparts_form()

        def hand_over():
            part._check_transition('action_hand_over')
            if form.get('handover_date'):
                part.sudo().write({'handover_date': form['handover_date']})
            self._oldparts_step(part, 'action_hand_over')
        _result, error = self._oldparts_try(hand_over)
        if error:
            return self._oldparts_render_part(part, error=error, form=form)
        return request.redirect('%s?message=handed_over' % part.portal_url)

    @http.route('/my/oldparts/part/<int:part_id>/photos', type='http', auth='user',
                website=True, methods=['POST'])
    def oldparts_part_photos(self, part_id, **kw):
        part = self._oldparts_record('oldparts.part', part_id)
        _result, error = self._oldparts_try(lambda: self._oldparts_attach_photos(part))
        if error:
            return self._oldparts_render_part(part, error=error)
        return request.redirect(part.portal_url)

    @http.route('/my/oldparts/part/<int:part_id>/labels', type='http', auth='user',
                website=True)
    def oldparts_part_labels(self, part_id, **kw):
        part = self._oldparts_record('oldparts.part', part_id)
        return self._oldparts_report(
            'oldparts_module.action_report_oldparts_part_label', part, part.sudo().name)

    # ------------------------------------------------------------------
    # Return shipments
    # ------------------------------------------------------------------
    @http.route(['/my/oldparts/shipments', '/my/oldparts/shipments/page/<int:page>'],
                type='http', auth='user', website=True)
    def oldparts_shipments(self, page=1, **kw):
        self._oldparts_dealer()
        Shipment = request.env['oldparts.return.shipment']
        pager = portal_pager(url='/my/oldparts/shipments', total=Shipment.search_count([]),
                             page=page, step=self._items_per_page)
        shipments = Shipment.search([], limit=self._items_per_page, offset=pager['offset'])
        return request.render('oldparts_module.portal_my_oldparts_shipments',
                              self._oldparts_values('oldparts_shipments',
                                                    shipments=shipments.sudo(), pager=pager))

    @http.route('/my/oldparts/shipment/<int:shipment_id>', type='http', auth='user',
                website=True)
    def oldparts_shipment(self, shipment_id, **kw):
        shipment = self._oldparts_record('oldparts.return.shipment', shipment_id)
        return request.render('oldparts_module.portal_my_oldparts_shipment',
                              self._oldparts_values('oldparts_shipment',
                                                    shipment=shipment.sudo(), record=shipment))

    @http.route('/my/oldparts/shipment/<int:shipment_id>/packing_list', type='http',
                auth='user', website=True)
    def oldparts_shipment_packing_list(self, shipment_id, **kw):
        shipment = self._oldparts_record('oldparts.return.shipment', shipment_id)
        return self._oldparts_report(
            'oldparts_module.action_report_oldparts_return_packing_list', shipment,
            shipment.sudo().name)

    @http.route('/my/oldparts/shipment/<int:shipment_id>/labels', type='http',
                auth='user', website=True)
    def oldparts_shipment_labels(self, shipment_id, **kw):
        shipment = self._oldparts_record('oldparts.return.shipment', shipment_id)
        parts = shipment.sudo().mapped('line_ids.part_id')
        if not parts:
            raise NotFound()
        return self._oldparts_report(
            'oldparts_module.action_report_oldparts_part_label', parts, shipment.sudo().name)

    # ------------------------------------------------------------------
    # Local sale applications
    # ------------------------------------------------------------------
    @http.route(['/my/oldparts/sales', '/my/oldparts/sales/page/<int:page>'],
                type='http', auth='user', website=True)
    def oldparts_sales(self, page=1, **kw):
        self._oldparts_dealer()
        Sale = request.env['oldparts.sale.application']
        pager = portal_pager(url='/my/oldparts/sales', total=Sale.search_count([]),
                             page=page, step=self._items_per_page)
        sales = Sale.search([], limit=self._items_per_page, offset=pager['offset'])
        return request.render('oldparts_module.portal_my_oldparts_sales',
                              self._oldparts_values('oldparts_sales',
                                                    sales=sales.sudo(), pager=pager))

    @http.route('/my/oldparts/sale/<int:sale_id>', type='http', auth='user', website=True)
    def oldparts_sale(self, sale_id, **kw):
        sale = self._oldparts_record('oldparts.sale.application', sale_id)
        return self._oldparts_render_sale(sale)

    def _oldparts_render_sale(self, sale, error=None):
        sale_sudo = sale.sudo()
        return request.render('oldparts_module.portal_my_oldparts_sale', self._oldparts_values(
            'oldparts_sale', sale=sale_sudo, record=sale, error=error,
            photos=self._oldparts_photos(sale),
            payments=sale_sudo.invoice_id.payment_ids if sale_sudo.state == 'paid' else []))

    def _oldparts_sale_parts(self):
        """The dealer's parts a sale application may take now."""
        return request.env['oldparts.part'].search([
            ('disposal_type', '=', 'local_sale'), ('state', '=', 'handed_over'),
            ('live_document_ref', '=', False)], order='name')

    @http.route('/my/oldparts/sale/new', type='http', auth='user', website=True,
                methods=['GET', 'POST'])
    def oldparts_sale_new(self, **kw):
        dealer = self._oldparts_dealer()
        form = self._oldparts_form()
        error = None
        if request.httprequest.method == 'POST':
            sale, error = self._oldparts_try(lambda: self._oldparts_create_sale(dealer, form))
            if sale:
                return request.redirect('%s?message=submitted' % sale.portal_url)
        return request.render('oldparts_module.portal_my_oldparts_sale_new', self._oldparts_values(
            'oldparts_sale_new', error=error, form=form, quotes=range(1, QUOTES + 1),
            parts=self._oldparts_sale_parts().sudo(),
            selected_parts=request.httprequest.form.getlist('part_ids'),
            grades=request.env['oldparts.metal.grade'].sudo().search([])))

    def _oldparts_create_sale(self, dealer, form):
        """A sale application made on the portal and submitted for approval
        (the application's own submit step: three quotes, weights, market
        prices, the parts' local disposal, the approval steps)."""
        user = request.env.user
        part_ids = [int(x) for x in request.httprequest.form.getlist('part_ids') if x.isdigit()]
        parts = request.env['oldparts.part'].search([('id', 'in', part_ids)])
        if not parts or len(parts) != len(set(part_ids)):
            raise UserError(_('Choose the old parts to sell.'))
        Grade = request.env['oldparts.metal.grade'].sudo()
        lines = []
        for part in parts:
            grade = Grade.browse(int(form.get('grade_%d' % part.id) or 0)).exists()
            if not grade:
                raise UserError(_('Choose the grade of old part %(part)s.') % {
                    'part': part.sudo().name})
            lines.append((0, 0, {
                'part_id': part.id,
                'grade_id': grade.id,
                'weighed_weight': form.get('weight_%d' % part.id) or 0.0,
            }))
        Partner = request.env['res.partner'].sudo()
        quotes = []
        for index in range(1, QUOTES + 1):
            key = 'quote_%d_' % index
            values = {f: form.get(key + f) for f in ('buyer', 'contact', 'phone', 'price')}
            if not any(values.values()):
                continue
            missing = [f for f, v in values.items() if not v]
            if missing:
                raise UserError(_('Quote %(number)d: fill in the buyer, contact, '
                                      'phone and price.') % {'number': index})
            buyer = Partner.search([('name', '=', values['buyer']),
                                    ('oldparts_buyer_dealer_id', '=', dealer.id)], limit=1) \
                or Partner.create({'name': values['buyer'], 'is_company': True,
                                   'phone': values['phone'],
                                   'oldparts_buyer_dealer_id': dealer.id})
            quotes.append((index, (0, 0, {
                'partner_id': buyer.id, 'contact_name': values['contact'],
                'phone': values['phone'], 'price': values['price'],
                'licence': form.get(key + 'licence') or False})))
        sale = request.env['oldparts.sale.application'].sudo().with_context(
            mail_create_nosubscribe=True).create({
                'dealer_id': dealer.id,
                'company_id': user.company_id.id,
                'user_id': user.id,
                'line_ids': lines,
                'quote_ids': [quote for _index, quote in quotes],
                'below_floor_reason': form.get('below_floor_reason') or False,
                'quote_choice_reason': form.get('quote_choice_reason') or False,
                'note': form.get('note') or False,
            })
        sale.message_subscribe(partner_ids=user.partner_id.ids)
        selected = form.get('selected_quote')
        numbers = [index for index, _quote in quotes]
        if selected and selected.isdigit() and int(selected) in numbers:
            sale.quote_ids.sorted('id')[numbers.index(int(selected))].action_select()
        self._oldparts_attach_photos(sale)
        sale = sale.sudo(user)
        self._oldparts_step(sale, 'action_submit')
        return sale

    @http.route('/my/oldparts/sale/<int:sale_id>/submit', type='http', auth='user',
                website=True, methods=['POST'])
    def oldparts_sale_submit(self, sale_id, **kw):
        """Submit again an application sent back to draft."""
        sale = self._oldparts_record('oldparts.sale.application', sale_id)
        _result, error = self._oldparts_try(lambda: self._oldparts_step(sale, 'action_submit'))
        if error:
            return self._oldparts_render_sale(sale, error=error)
        return request.redirect('%s?message=submitted' % sale.portal_url)

    @http.route('/my/oldparts/sale/<int:sale_id>/receipt', type='http', auth='user',
                website=True)
    def oldparts_sale_receipt(self, sale_id, **kw):
        """The receipt (回款单) once the buyer paid."""
        sale = self._oldparts_record('oldparts.sale.application', sale_id).sudo()
        payments = sale.invoice_id.payment_ids if sale.state == 'paid' else None
        if not payments:
            raise NotFound()
        return self._oldparts_report(
            'oldparts_module.oldparts_payment_receipt_report', payments, sale.name)

    # ------------------------------------------------------------------
    # The dealer's month
    # ------------------------------------------------------------------
    @http.route('/my/oldparts/overview', type='http', auth='user', website=True)
    def oldparts_overview(self, month=None, **kw):
        dealer = self._oldparts_dealer()
        overview = request.env['oldparts.part']._oldparts_monthly_overview(dealer, month)
        overview['overdue'] = overview['overdue'].sudo()
        return request.render('oldparts_module.portal_my_oldparts_overview',
                              self._oldparts_values('oldparts_overview', overview=overview))

