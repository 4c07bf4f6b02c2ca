# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import math
from datetime import timedelta

from lxml import etree

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression


class _ActionToken(str):
    """Marks the environment of a process step (see ``_action_env``).

    A client can send any JSON value in the context, but never this very
    object: the guards compare by identity. A ``str`` so that a context
    carrying it still serialises (reports, returned actions)."""
    __slots__ = ()


_ACTION_TOKEN = _ActionToken('oldparts_action')
_ACTION_KEY = 'oldparts_action_token'

# Bounds of what a person can mean: beyond them a value is a typing error
# or an attack, refused with a message before it reaches the database.
MAX_AMOUNT = 1e12
MIN_DATE = '2000-01-01'
MAX_YEARS_AHEAD = 5
MAX_INDEXED_CHAR = 256
MAX_TEXT = 20000


def _reader(self):
    """``self`` in the language the user reads (a client's call may carry no
    language in its context)."""
    return self.with_context(lang=self.env.context.get('lang') or self.env.user.lang)


def field_labels(self, fnames):
    descriptions = _reader(self).fields_get(fnames, ['string'])
    return ['"%s"' % descriptions.get(f, {}).get('string', f) for f in fnames]


class _LazyLabel(object):
    """The field's label in the user's language, read when formatted."""
    __slots__ = ('records', 'fname')

    def __init__(self, records, fname):
        self.records, self.fname = records, fname

    def __str__(self):
        return field_labels(self.records, [self.fname])[0]


def check_values(self, vals):
    """Values no person means are refused before they reach the
    database: NaN and infinite or absurd numbers, dates before 2000 or
    years ahead, text longer than an index or a page holds."""
    # _() finds the user's language through the caller's ``self``
    for fname, value in vals.items():
        field = self._fields.get(fname)
        if field is None or value is None or value is False:
            continue
        # the label is looked up (fields_get) only for a refusal
        label = _LazyLabel(self, fname)
        if field.type in ('float', 'monetary', 'integer'):
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = float('nan')
            if math.isnan(number) or math.isinf(number) or abs(number) >= MAX_AMOUNT:
                raise ValidationError(_(
                    '%(field)s: %(value)s is not a valid number.') % {
                    'field': label, 'value': value})
        elif field.type == 'date':
            text = str(value)[:10]
            try:
                fields.Date.from_string(text)
            except (TypeError, ValueError):
                raise ValidationError(_('%(field)s: %(value)s is not a date.') % {
                    'field': label, 'value': value})
            max_date = fields.Date.to_string(fields.Date.from_string(
                fields.Date.context_today(self)) + timedelta(days=365 * MAX_YEARS_AHEAD))
            if text < MIN_DATE or text > max_date:
                raise ValidationError(_(
                    '%(field)s: %(value)s is not a plausible date (from %(min)s '
                    'to %(max)s).') % {
                    'field': label, 'value': text, 'min': MIN_DATE, 'max': max_date})
        elif field.type in ('char', 'text', 'html') and isinstance(value, str):
            limit = MAX_INDEXED_CHAR if (field.type == 'char' and field.index) \
                else (getattr(field, 'size', None) or MAX_TEXT)
            if len(value) > limit:
                raise ValidationError(_(
                    '%(field)s is too long: %(length)s characters, at most '
                    '%(limit)s.') % {'field': label, 'length': len(value), 'limit': limit})


def action_env(records):
    """``records`` in the environment of a process step: the guards of
    write() let the step set the fields clients may not."""
    return records.with_context(**{_ACTION_KEY: _ACTION_TOKEN})


def in_action(env):
    """True inside a process step of the module (never for a client call)."""
    return env.context.get(_ACTION_KEY) is _ACTION_TOKEN


def insert_rows(env, table, columns, rows, size=1000):
    """INSERT ``rows`` (sequences of values for ``columns``) into ``table``
    with the creation and write stamps of ``env``'s user, ``size`` rows a
    statement; returns the new ids in order. For the batches of the daily
    job and the settlement: the caller recomputes what depends on them."""
    now = fields.Datetime.now()
    stamps = [env.uid, now, env.uid, now]
    placeholders = '(%s)' % ', '.join(['%s'] * (len(columns) + len(stamps)))
    ids = []
    for index in range(0, len(rows), size):
        chunk = rows[index:index + size]
        env.cr.execute('INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) '
                       'VALUES %s RETURNING id' % (table, ', '.join(columns),
                                                   ', '.join([placeholders] * len(chunk))),
                       [value for row in chunk for value in list(row) + stamps])
        ids += [row[0] for row in env.cr.fetchall()]
    return ids


class OldpartsDocumentMixin(models.AbstractModel):
    """What every old-parts document shares:

    - its number from a sequence taken in create(), never chosen by a client;
    - one declaration of its state machine (``_oldparts_transitions``): the
      states each action leaves from and the groups allowed to take it. The
      guards of the action_* methods and the buttons of the form (see
      ``fields_view_get``) both read it;
    - the server holds the process: a field read-only in the record's state
      by its declaration (``readonly``/``states``) -- the state, the fields
      set by the steps, what an approval depended on -- is written only by
      the module's own steps (``_action_env``), never by a client, whatever
      it sends;
    - a document that mattered (submitted once) is never deleted;
    - values no person means (NaN, infinity, absurd amounts and dates,
      oversized text) are refused with a message."""
    _name = 'oldparts.document.mixin'
    _description = 'Old Parts Document'

    # ir.sequence code of the document's number (name); None: not numbered
    _sequence_code = None
    # states in which a document may be deleted (when it never left draft)
    _oldparts_deletable_states = ('draft', 'cancel')
    # states in which the document holds its parts (_oldparts_held_parts):
    # a part is on one such document at most
    _oldparts_holding_states = ()

    _sql_constraints = [
        ('name_company_uniq', 'unique(name, company_id)',
         'The number must be unique per company.'),
    ]

    # the document header: number, company, currency
    name = fields.Char(
        string='Number', required=True, copy=False, readonly=True,
        default='/', index=True, track_visibility='onchange')
    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        readonly=True, states={'draft': [('readonly', False)]},
        default=lambda self: self.env['res.company']._company_default_get(self._name))
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True, store=True)
    oldparts_engaged = fields.Boolean(
        string='Submitted Once', readonly=True, copy=False,
        help='The document left draft once: it is kept, never deleted.')

    # ------------------------------------------------------------------
    # The state machine
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        """``{action_method: (from_states, group_xmlids, label)}``: the states
        the action leaves from and the groups whose members may take it
        (empty: every user with write access). A method, so that the labels
        are translated in the user's language when read."""
        return {}

    def _oldparts_user_in(self, group_xmlids):
        if not group_xmlids or self.env.uid == SUPERUSER_ID:
            return True
        return any(self.env.user.has_group(xmlid) for xmlid in group_xmlids)

    def _check_transition(self, action):
        """Refuse the action unless the user may take it and every record is
        in a state it leaves from."""
        transitions = self._oldparts_transitions()
        if action not in transitions:
            raise UserError(_('This step does not exist for %(model)s.') % {
                'model': _reader(self.env['ir.model'])._get(self._name).name})
        from_states, groups, label = transitions[action]
        if not in_action(self.env):
            self._check_group(*groups)
        self._check_state(from_states, label)

    def _check_group(self, *xmlids):
        """The current user is in one of the groups (or is the superuser)."""
        if self._oldparts_user_in(xmlids):
            return
        raise UserError(_('You are not allowed to do this on %(documents)s.') % {
            'documents': ', '.join(self.mapped('display_name'))})

    def _check_state(self, allowed, action_label):
        """Every record is in one of the allowed states."""
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields['state']._description_selection(self.env))
            raise UserError(_(
                'Cannot %(action)s: %(document)s is in state "%(state)s".') % {
                'action': action_label, 'document': wrong[0].display_name,
                'state': states[wrong[0].state]})

    def _action_env(self):
        return action_env(self)

    def _action_write(self, vals):
        return self._action_env().write(vals)

    @api.multi
    def action_cancel(self):
        return self._oldparts_transition_to('action_cancel', 'cancel')

    @api.multi
    def action_draft(self):
        return self._oldparts_transition_to('action_draft', 'draft')

    def _oldparts_transition_to(self, action, state):
        """A declared transition that only moves the state (cancel, back to
        draft...); ``_oldparts_on_state`` lets mixins react."""
        self._check_transition(action)
        self._oldparts_on_state(state)
        self._action_write({'state': state})
        return True

    def _oldparts_on_state(self, state):
        """Hook called before a simple transition writes ``state``."""
        return

    def _oldparts_action_view(self, action_xmlid, records, form_xmlid=None):
        """The window action ``action_xmlid`` on ``records``: the form of the
        one record when ``form_xmlid`` is given and there is one."""
        self.ensure_one()
        action = self.env.ref(action_xmlid).read()[0]
        action['domain'] = [('id', 'in', records.ids)]
        action['context'] = {}
        if form_xmlid and len(records) == 1:
            action['views'] = [(self.env.ref(form_xmlid).id, 'form')]
            action['res_id'] = records.id
        return action

    def _oldparts_check_dealer_flag(self):
        """The document's dealer is a partner flagged as a dealer (called by
        the documents' ``dealer_id`` constraints)."""
        for record in self:
            if not record.dealer_id.with_context(prefetch_fields=False).is_oldparts_dealer:
                raise ValidationError(_('%(dealer)s is not flagged as a dealer.') % {
                    'dealer': record.dealer_id.display_name,
                })

    def _oldparts_company_account(self, fname, missing_message):
        """The account of the document's company in its field ``fname``;
        ``missing_message`` (translated, naming %(company)s) when it is not set."""
        self.ensure_one()
        account = self.company_id[fname]
        if not account:
            raise UserError(missing_message % {'company': self.company_id.name})
        return account

    def _oldparts_company_journal(self, journal_type, missing_message):
        """The first journal of ``journal_type`` of the document's company;
        ``missing_message`` (translated, naming %(company)s) when it has none."""
        self.ensure_one()
        journal = self.env['account.journal'].sudo().search([
            ('type', '=', journal_type), ('company_id', '=', self.company_id.id)], limit=1)
        if not journal:
            raise UserError(missing_message % {'company': self.company_id.name})
        return journal

    @api.model
    def fields_view_get(self, view_id=None, view_type='form', toolbar=False, submenu=False):
        """Buttons of declared actions show in the states the action leaves
        from, to the groups allowed to take it."""
        res = super(OldpartsDocumentMixin, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu)
        if view_type != 'form' or 'state' not in self._fields:
            return res
        transitions = self._oldparts_transitions()
        arch = etree.fromstring(res['arch'])
        changed = False
        for node in arch.iter('button'):
            transition = transitions.get(node.get('name'))
            if not transition or node.get('type') != 'object':
                continue
            from_states, groups = transition[0], transition[1]
            modifiers = json.loads(node.get('modifiers') or '{}')
            if not self._oldparts_user_in(groups):
                modifiers['invisible'] = True
            elif modifiers.get('invisible') is not True:
                condition = [['state', 'not in', list(from_states)]]
                current = modifiers.get('invisible')
                modifiers['invisible'] = expression.OR([condition, current]) \
                    if current else condition
            node.set('modifiers', json.dumps(modifiers))
            changed = True
        if changed:
            res['arch'] = etree.tostring(arch, encoding='unicode')
        return res

    # ------------------------------------------------------------------
    # Reading: the lists of a national ledger
    # ------------------------------------------------------------------
    @api.multi
    def read(self, fields=None, load='_classic_read'):
        """As Odoo reads, with the display names of the many2one values
        (dealer, engineer, product...) computed once per column, without
        prefetching: Odoo 11 computes each value's display name in the
        prefetch of the whole read, which loads every column of every user,
        partner and product the records point to (create_uid, write_uid...):
        at 100,000 parts, the default list of 80 took 270 ms, 22 ms without
        its many2one columns. Same values (``display_name``), same rights
        (names as superuser, as Odoo does)."""
        if load != '_classic_read':
            return super(OldpartsDocumentMixin, self).read(fields, load=load)
        result = super(OldpartsDocumentMixin, self).read(fields, load=False)
        if not result:
            return result
        for fname in result[0]:
            field = self._fields.get(fname)
            if field is None or field.type != 'many2one':
                continue
            names = self._display_names(
                field.comodel_name, [row[fname] for row in result if row[fname]])
            for row in result:
                if row[fname]:
                    # a value whose record is gone reads False, as in Odoo
                    row[fname] = (row[fname], names[row[fname]]) \
                        if row[fname] in names else False
        return result

    @api.model
    def _display_names(self, model, ids):
        """{id: display name} of the records ``ids`` of ``model`` that
        exist, read as superuser in the user's language, one column at a
        time (see ``read``)."""
        records = self.env[model].sudo().browse(sorted(set(ids))).with_context(
            prefetch_fields=False).exists()
        return {record.id: record.display_name for record in records}

    # ------------------------------------------------------------------
    # Activities: the one place that creates them
    # ------------------------------------------------------------------
    def _group_users(self, group):
        """Active users of a group (xml id or record) in the document's company."""
        self.ensure_one()
        company = self.company_id if 'company_id' in self._fields else self.env.user.company_id
        return self._group_users_of(group, company)

    @api.model
    def _group_users_of(self, group, company):
        """Active users of a group (xml id or record) in ``company``."""
        group = self.env.ref(group) if isinstance(group, str) else group
        return group.sudo().users.filtered(lambda u: u.active and company in u.company_ids)

    def _schedule_activity(self, activity_xmlid, users, summary, note, deadline):
        """One open activity of the type per user and document, unless the
        user already has one: the daily job may run again on the same records."""
        self._schedule_activities(activity_xmlid, [
            (record, users, summary, note, deadline) for record in self])

    def _open_activity_keys(self, activity_xmlid, res_ids):
        """(document id, user id) of the open activities of a type on the
        documents ``res_ids`` of this model, in one query per 10,000
        documents (the daily job looks at thousands every day; the ORM's
        search and read of as many activities cost a second)."""
        activity_type = self.env.ref(activity_xmlid)
        model_id = self.env['ir.model']._get_id(self._name)
        keys = set()
        for sub_ids in self.env.cr.split_for_in_conditions(res_ids, size=10000):
            self.env.cr.execute("""
                SELECT res_id, user_id FROM mail_activity
                 WHERE res_model_id = %s AND activity_type_id = %s AND res_id IN %s""",
                                (model_id, activity_type.id, sub_ids))
            keys.update(self.env.cr.fetchall())
        return keys

    def _schedule_activities(self, activity_xmlid, plan, existing=None):
        """``plan``: ``[(record, users, summary, note, deadline)]``, the note
        a text or a function of the record (written only for the activities
        created); ``existing``: what ``_open_activity_keys`` returned for
        them, when the caller already knows it. Creates the activities that
        do not exist yet, in batch: one read of the existing ones, the new
        rows in one INSERT, then what
        ``mail.activity.create`` does after each row done once for all: the
        dependent fields (the documents' next deadline) recomputed
        together, the users following their documents (one subscription per
        user), each user notified once. Same activities, followers and
        notifications as one ``create`` each, which costs 60 ms an activity
        (the searches of its ``modified``): the daily job over a national
        ledger creates thousands of them."""
        Activity = self.env['mail.activity'].sudo()
        if not plan:
            return Activity
        activity_type = self.env.ref(activity_xmlid)
        model_id = self.env['ir.model']._get_id(self._name)
        if existing is None:
            existing = self._open_activity_keys(
                activity_xmlid, list({record.id for record, *_rest in plan}))
        plan = [(record, users.filtered(lambda u: (record.id, u.id) not in existing),
                 summary, note, deadline) for record, users, summary, note, deadline in plan]
        plan = [entry for entry in plan if entry[1]]
        if not plan:
            return Activity
        followed = {}     # user -> records the user must follow
        notify = self.env['res.users']
        today = fields.Date.today()
        names = dict(self.sudo().with_context(prefetch_fields=False).browse(
            list({entry[0].id for entry in plan})).name_get())
        note_field = Activity._fields['note']
        rows = []
        for record, users, summary, note, deadline in plan:
            note = note(record) if callable(note) else note
            for user in users:
                rows.append((model_id, self._name, record.id, names[record.id],
                             activity_type.id, summary,
                             note_field.convert_to_column(note, Activity), deadline, user.id))
                followed.setdefault(user, set()).add(record.id)
                if deadline <= today:
                    notify |= user
        # the rows mail.activity's create() would insert
        ids = insert_rows(self.env, 'mail_activity', (
            'res_model_id', 'res_model', 'res_id', 'res_name', 'activity_type_id', 'summary',
            'note', 'date_deadline', 'user_id'), rows)
        created = Activity.browse(ids)
        self.invalidate_cache(['activity_ids'], list(names))
        # the activities' other stored computed fields (the document's dealer
        # of the record rules...): grouped by value, a few UPDATEs
        set_here = ('res_model', 'res_name')
        for field in Activity._fields.values():
            if field.store and field.compute and field.name not in set_here:
                self.env.add_todo(field, created)
        # what depends on the activities: the documents' next deadline (the
        # dependents of res_model and res_id are the two columns set here)
        created.modified([fname for fname, field in Activity._fields.items() if field.store
                          and fname not in ('res_model_id', 'res_id') + set_here])
        self.recompute()
        for user, ids in followed.items():
            self._oldparts_follow(user, sorted(ids))
        for user in notify:
            self.env['bus.bus'].sendone(
                (self._cr.dbname, 'res.partner', user.partner_id.id),
                {'type': 'activity_updated', 'activity_created': True})
        return created

    def _oldparts_follow(self, user, res_ids):
        """``user`` follows the documents ``res_ids`` it does not follow yet,
        with the subtypes Odoo gives a new follower (the model's default
        subtypes; the external ones for a portal user); existing followers
        keep theirs. One INSERT for all the documents: ``message_subscribe``
        creates the followers one by one (thousands on the job's first run
        over a ledger)."""
        default, _internal, external = self.env['mail.message.subtype'].sudo().default_subtypes(
            self._name)
        subtypes = (external if user.share else default).ids
        created = []
        for sub_ids in self.env.cr.split_for_in_conditions(res_ids, size=5000):
            self.env.cr.execute("""
                INSERT INTO mail_followers (res_model, res_id, partner_id)
                     SELECT %s, res_id, %s FROM unnest(%s) AS res_id
                ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                  RETURNING id""", (self._name, user.partner_id.id, list(sub_ids)))
            created += [row[0] for row in self.env.cr.fetchall()]
        if created and subtypes:
            self.env.cr.execute("""
                INSERT INTO mail_followers_mail_message_subtype_rel
                            (mail_followers_id, mail_message_subtype_id)
                     SELECT follower, subtype FROM unnest(%s) AS follower,
                                                   unnest(%s) AS subtype""",
                                (created, subtypes))
        self.env['mail.followers'].invalidate_cache()
        self.browse(res_ids).invalidate_cache(['message_follower_ids', 'message_partner_ids',
                                               'message_channel_ids', 'message_is_follower'])

    def _clear_activities(self, activity_xmlid):
        """The step is done: its open activities are marked done."""
        activity_type = self.env.ref(activity_xmlid)
        self.sudo().mapped('activity_ids').filtered(
            lambda a: a.activity_type_id == activity_type).action_feedback(
                feedback=_('Done'))

    # ------------------------------------------------------------------
    # What clients may write
    # ------------------------------------------------------------------
    def _oldparts_field_locked(self, fname, state):
        """The field is read-only in ``state`` by its declaration."""
        field = self._fields.get(fname)
        if field is None:
            return False
        readonly = field.readonly
        for attribute, value in (field.states or {}).get(state, []):
            if attribute == 'readonly':
                readonly = value
        return bool(readonly)

    def _oldparts_check_client_write(self, vals):
        if in_action(self.env):
            return
        for record in self:
            state = record.state if 'state' in record._fields else None
            locked = [fname for fname in vals if record._oldparts_field_locked(fname, state)]
            if locked:
                raise UserError(_(
                    '%(document)s: %(fields)s cannot be changed here. The state and the '
                    'fields set by the process steps change only through the buttons; '
                    'what an approval depended on is fixed once submitted (send the '
                    'document back to draft to change it).') % {
                    'document': record.display_name,
                    'fields': ', '.join(record._oldparts_field_labels(locked))})

    def _oldparts_check_client_create(self, vals):
        """A client creates a document in its first state, numbered by the
        sequence: read-only fields may carry only their default."""
        if in_action(self.env):
            return
        fnames = [f for f in vals if f in self._fields]
        if 'state' in self._fields:
            fnames.append('state')
        defaults = self.default_get(fnames)
        state = defaults.get('state')
        locked = []
        for fname, value in vals.items():
            if not self._oldparts_field_locked(fname, state):
                continue
            if not value or value == defaults.get(fname):
                continue
            if fname == 'name' and value == '/':
                continue
            locked.append(fname)
        if locked:
            raise UserError(_(
                '%(fields)s cannot be set when a %(model)s is created: the sequence '
                'gives the number, and the process steps set the state and what '
                'follows from it.') % {
                'fields': ', '.join(self._oldparts_field_labels(locked)),
                'model': _reader(self.env['ir.model'])._get(self._name).name})

    def _oldparts_field_labels(self, fnames):
        return field_labels(self, fnames)

    def _oldparts_check_company(self, vals):
        """A client creates and moves documents only in its own companies."""
        company_id = vals.get('company_id')
        if not company_id or in_action(self.env) or self.env.uid == SUPERUSER_ID:
            return
        if company_id not in self.env.user.company_ids.ids:
            raise UserError(_('You cannot work on documents of a company you are not in.'))

    # ------------------------------------------------------------------
    # One part, one open document
    # ------------------------------------------------------------------
    def _oldparts_held_parts(self):
        """The parts on this document (none for a document without parts)."""
        return self.env['oldparts.part']

    def _oldparts_ref(self):
        self.ensure_one()
        return '%s,%s' % (self._name, self.id)

    def _oldparts_sync_holds(self):
        """Each open document holds its parts in the part's
        ``live_document_ref``: a part already held by another open document
        is refused. Holding writes the part's row, so two transactions
        putting the same part on two documents at once collide in the
        database (the second one fails to serialise and is retried, then
        refused here), not only in Python."""
        if not self._oldparts_holding_states:
            return
        Part = self.env['oldparts.part'].sudo()
        for document in self.sudo():
            ref = document._oldparts_ref()
            held = document._oldparts_held_parts().sudo() \
                if document.state in document._oldparts_holding_states else Part
            current = Part.search([('live_document_ref', '=', ref)])
            released = current - held
            if released:
                released._action_write({'live_document_ref': False})
            for part in held - current:
                if 'dealer_id' in document._fields and document.dealer_id \
                        and part.dealer_id != document.dealer_id:
                    raise ValidationError(_(
                        'Old part %(part)s belongs to another dealer than %(document)s.') % {
                        'part': part.name, 'document': document.display_name})
                if part.live_document_ref:
                    model, res_id = part.live_document_ref.split(',')
                    other = self.env[model].sudo().browse(int(res_id))
                    raise ValidationError(_(
                        'Old part %(part)s is already on %(document)s: a part is on one '
                        'open document at a time.') % {
                        'part': part.name, 'document': other.display_name})
            (held - current)._action_write({'live_document_ref': ref})

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        self._oldparts_check_client_create(vals)
        check_values(self, vals)
        self._oldparts_check_company(vals)
        if self._sequence_code and vals.get('name', '/') in ('/', False):
            company = self.env['res.company'].browse(vals['company_id']) \
                if vals.get('company_id') else self.env.user.company_id
            vals['name'] = self.env['ir.sequence'].with_context(
                force_company=company.id).next_by_code(self._sequence_code) or '/'
        record = super(OldpartsDocumentMixin, self).create(vals)
        record._oldparts_sync_holds()
        return record

    @api.multi
    def write(self, vals):
        self._oldparts_check_client_write(vals)
        check_values(self, vals)
        self._oldparts_check_company(vals)
        if vals.get('state') and vals['state'] not in ('draft', 'cancel'):
            vals = dict(vals, oldparts_engaged=True)
        res = super(OldpartsDocumentMixin, self).write(vals)
        if self._oldparts_holding_states and any(
                fname == 'state' or self._fields[fname].type in ('one2many', 'many2many')
                for fname in vals if fname in self._fields):
            self._oldparts_sync_holds()
        return res

    @api.multi
    def copy(self, default=None):
        """Duplicating copies what the user sees (read-only fields included)
        into a new draft; the guards apply to clients' values only."""
        return super(OldpartsDocumentMixin, self._action_env()).copy(
            default=default).with_env(self.env)

    @api.multi
    def unlink(self):
        """Only a document that never left draft is deleted: once submitted
        it has approvals, moves or entries, and a mistake is corrected by
        cancelling or reversing it."""
        for record in self:
            if record.oldparts_engaged or (
                    'state' in record._fields
                    and record.state not in record._oldparts_deletable_states):
                raise UserError(_(
                    '%(document)s cannot be deleted: it has been submitted. Cancel it '
                    '(or reverse it) instead.') % {'document': record.display_name})
        holding = self.filtered(lambda r: r._oldparts_holding_states)
        refs = [r._oldparts_ref() for r in holding]
        res = super(OldpartsDocumentMixin, self).unlink()
        if refs:
            parts = self.env['oldparts.part'].sudo().search([('live_document_ref', 'in', refs)])
            parts._action_write({'live_document_ref': False})
        return res


class OldpartsDocumentLineMixin(models.AbstractModel):
    """Lines of an old-parts document: editable only while their document
    is open for editing (draft), but for the fields named free; the
    document's parts are held again after every change."""
    _name = 'oldparts.document.line.mixin'
    _description = 'Old Parts Document Line'

    # the many2one to the document
    _oldparts_parent_field = None
    # fields still editable once the document left draft
    _oldparts_line_free_fields = ()
    # document states in which its lines may change
    _oldparts_parent_open_states = ('draft',)

    def _oldparts_parents(self):
        return self.sudo().mapped(self._oldparts_parent_field)

    @api.multi
    def name_get(self):
        """The document's number and the line's part (or name); reading them
        checks the user's access, as Odoo 11's default (model,id) does not."""
        result = []
        for line in self:
            parent = line[self._oldparts_parent_field]
            if 'part_id' in line._fields:
                label = line.part_id.name
            else:
                label = line['name'] if 'name' in line._fields else line.id
            result.append((line.id, '%s / %s' % (parent.display_name, label)))
        return result

    def _action_env(self):
        return action_env(self)

    def _oldparts_check_parent_open(self, parents, fnames=None):
        if in_action(self.env):
            return
        if fnames is not None and not set(fnames) - set(self._oldparts_line_free_fields):
            return
        closed = parents.filtered(lambda p: p.state not in self._oldparts_parent_open_states)
        if closed:
            states = dict(closed._fields['state']._description_selection(self.env))
            raise UserError(_(
                '%(document)s is in state "%(state)s": its lines can no longer change '
                '(send it back to draft to change them).') % {
                'document': closed[0].display_name, 'state': states[closed[0].state]})

    @api.model
    def create(self, vals):
        parent_id = vals.get(self._oldparts_parent_field)
        parent = self[self._oldparts_parent_field].browse(parent_id).sudo() \
            if parent_id else self[self._oldparts_parent_field]
        self._oldparts_check_parent_open(parent)
        check_values(self, vals)
        line = super(OldpartsDocumentLineMixin, self).create(vals)
        # documents that hold no parts (settlements) skip reading the parent
        if self[self._oldparts_parent_field]._oldparts_holding_states:
            line._oldparts_parents()._oldparts_sync_holds()
        return line

    @api.multi
    def write(self, vals):
        before = self._oldparts_parents()
        self._oldparts_check_parent_open(before, list(vals))
        if vals.get(self._oldparts_parent_field):
            self._oldparts_check_parent_open(
                self[self._oldparts_parent_field].browse(vals[self._oldparts_parent_field]).sudo())
        check_values(self, vals)
        res = super(OldpartsDocumentLineMixin, self).write(vals)
        (before | self._oldparts_parents())._oldparts_sync_holds()
        return res

    @api.multi
    def unlink(self):
        parents = self._oldparts_parents()
        self._oldparts_check_parent_open(parents.filtered(lambda p: p.state != 'cancel'))
        res = super(OldpartsDocumentLineMixin, self).unlink()
        parents.exists()._oldparts_sync_holds()
        return res
