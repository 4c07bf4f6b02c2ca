"""Responsibility deadlines (section 5) and the daily reminder job."""
import json

from odoo.exceptions import ValidationError

from .common import OldpartsCase


class TestResponsibilityDeadline(OldpartsCase):

    def test_deadlines_from_review_date(self):
        """7 / 15 / 20 / 90 days after the review date, by origin and case."""
        cases = [
            ({'origin': 'domestic', 'is_critical': False, 'part_category': 'hydraulic'}, 7),
            ({'origin': 'domestic', 'is_critical': True}, 15),
            ({'origin': 'imported', 'analysis_abroad': False}, 20),
            ({'origin': 'imported', 'analysis_abroad': True}, 90),
        ]
        for values, days in cases:
            part = self._create_part(review_date='2026-03-01', **values)
            self.assertEqual(part.responsibility_days, days, values)
            expected = {7: '2026-03-08', 15: '2026-03-16', 20: '2026-03-21', 90: '2026-05-30'}[days]
            self.assertEqual(part.responsibility_deadline, expected, values)

    def test_no_review_date_no_deadline(self):
        """Without a review date there is no deadline yet."""
        part = self._create_part(origin='imported')
        self.assertFalse(part.responsibility_deadline)
        self.assertEqual(part.responsibility_days, 20)

    def test_edited_table_moves_open_deadlines(self):
        """Users edit the table; open parts follow, a company's own rule wins."""
        part = self._create_part(review_date='2026-03-01')
        rule = self.env.ref('oldparts_module.responsibility_rule_domestic')
        rule.days = 10
        self.assertEqual(part.responsibility_deadline, '2026-03-11')
        self.env['oldparts.responsibility.rule'].create({
            'name': '本公司国产件', 'origin': 'domestic', 'is_critical': False,
            'days': 5, 'company_id': self.company.id})
        self.assertEqual(part.responsibility_deadline, '2026-03-06')

    def test_days_must_be_positive(self):
        """A rule of zero days is refused."""
        with self.assertRefused(ValidationError):
            self.env['oldparts.responsibility.rule'].create({
                'name': 'x', 'origin': 'domestic', 'days': 0})


class TestReminderJob(OldpartsCase):

    def _activities(self, part, xmlid):
        activity_type = self.env.ref('oldparts_module.' + xmlid)
        return part.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_overdue_handover_reminded_once(self):
        """The daily job gives the engineer one activity per overdue part, however often it runs."""
        late = self._create_part(self.engineer_a, replacement_date=self._date(-10))
        on_time = self._create_part(self.engineer_a, replacement_date=self._date(-1))
        Part = self.env['oldparts.part']
        Part._cron_oldparts_reminders()
        Part._cron_oldparts_reminders()
        reminders = self._activities(late, 'mail_activity_type_oldparts_handover')
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.engineer_a)
        self.assertFalse(self._activities(on_time, 'mail_activity_type_oldparts_handover'))
        self.assertEqual(late.delay_days, 3)

    def test_reminders_like_one_activity_create_each(self):
        """The job creates its activities in batch: each is what
        mail.activity's create() makes (document name, dealer, the user
        follows the part and is notified on the bus), and a part whose delay
        did not change is not written again."""
        late = self._create_part(self.engineer_a, replacement_date=self._date(-10))
        other = self._create_part(self.engineer_b, dealer_id=self.dealer_b.id,
                                  replacement_date=self._date(-12))
        self.env['bus.bus'].search([]).unlink()
        Part = self.env['oldparts.part']
        Part._cron_oldparts_reminders()
        for part, engineer in ((late, self.engineer_a), (other, self.engineer_b)):
            reminder = self._activities(part, 'mail_activity_type_oldparts_handover')
            self.assertEqual(reminder.user_id, engineer)
            self.assertEqual(reminder.res_name, part.display_name)
            self.assertEqual(reminder.res_model, 'oldparts.part')
            self.assertEqual(reminder.oldparts_dealer_id, part.dealer_id)
            self.assertEqual(reminder.date_deadline, self._date(0))
            self.assertIn(engineer.partner_id, part.message_partner_ids)
            self.assertEqual(part.activity_date_deadline, self._date(0))
            notices = self.env['bus.bus'].search([]).filtered(
                lambda n: json.loads(n.channel) == [self.env.cr.dbname, 'res.partner',
                                                    engineer.partner_id.id])
            self.assertEqual(len(notices), 1)
            self.assertEqual(json.loads(notices[0].message)['type'], 'activity_updated')
        # the reminder is visible to the engineer (dealer rules on activities)
        self.assertEqual(self._activities(late.sudo(self.engineer_a),
                                          'mail_activity_type_oldparts_handover').user_id,
                         self.engineer_a)
        self.env.cr.execute("UPDATE oldparts_part SET write_date = '2001-01-01' WHERE id = %s",
                            (late.id,))
        Part._cron_oldparts_reminders()
        self.env.cr.execute("SELECT write_date FROM oldparts_part WHERE id = %s", (late.id,))
        self.assertEqual(str(self.env.cr.fetchone()[0]), '2001-01-01 00:00:00')

    def test_reminder_followers_as_odoo_subscribes(self):
        """The job's followers get the subtypes Odoo gives a new follower,
        and a user who already follows the part keeps the subtypes chosen."""
        late = self._create_part(self.engineer_a, replacement_date=self._date(-10))
        chosen = self._create_part(self.engineer_a, replacement_date=self._date(-11))
        reference = self._create_part(replacement_date=self._date(-1))
        Followers = self.env['mail.followers']
        Followers.search([('res_model', '=', 'oldparts.part'),
                          ('res_id', 'in', (late + chosen).ids)]).unlink()
        comment = self.env.ref('mail.mt_comment')
        chosen.message_subscribe(partner_ids=[self.engineer_a.partner_id.id],
                                 subtype_ids=[comment.id])
        reference.message_subscribe(partner_ids=[self.engineer_a.partner_id.id])
        self.env['oldparts.part']._cron_oldparts_reminders()

        def subtypes(part):
            return Followers.search([
                ('res_model', '=', 'oldparts.part'), ('res_id', '=', part.id),
                ('partner_id', '=', self.engineer_a.partner_id.id)]).subtype_ids

        self.assertTrue(subtypes(reference))
        self.assertEqual(subtypes(late), subtypes(reference))
        self.assertEqual(subtypes(chosen), comment)
        self.assertIn(self.engineer_a.partner_id, late.message_partner_ids)

    def test_handover_closes_reminder(self):
        """Handing the part over marks its reminder done."""
        late = self._create_part(self.engineer_a, replacement_date=self._date(-10))
        self.env['oldparts.part']._cron_oldparts_reminders()
        late.sudo(self.specialist).action_classify()
        late.sudo(self.engineer_a).action_hand_over()
        self.assertFalse(self._activities(late, 'mail_activity_type_oldparts_handover'))
        self.assertEqual(late.delay_days, 3)
        self.assertFalse(late.is_overdue)

    def test_job_refreshes_stored_delay(self):
        """The stored delay of an outstanding part is brought up to today by the job."""
        part = self._create_part(replacement_date=self._date(-7))
        self.assertEqual(part.delay_days, 0)
        # as if the part had been computed three days ago
        self.env.cr.execute("UPDATE oldparts_part SET delay_days = 0, is_overdue = false, "
                            "required_handover_date = %s WHERE id = %s", (self._date(-3), part.id))
        part.invalidate_cache()
        self.env['oldparts.part']._cron_oldparts_reminders()
        self.assertEqual(part.delay_days, 3)
        self.assertTrue(part.is_overdue)

    def test_responsibility_due_in_two_days_or_past(self):
        """Deadlines due within two days or past get a specialist activity; later ones do not."""
        due = self._create_part(review_date=self._date(-6))      # deadline tomorrow
        past = self._create_part(review_date=self._date(-30))    # long past
        later = self._create_part(review_date=self._date(0))     # in 7 days
        Part = self.env['oldparts.part']
        Part._cron_oldparts_reminders()
        Part._cron_oldparts_reminders()
        specialists = self.env.ref('oldparts_module.group_oldparts_specialist').users.filtered(
            lambda u: self.company in u.company_ids)
        self.assertIn(self.specialist, specialists)
        self.assertNotIn(self.engineer_a, specialists)
        for part in (due, past):
            acts = self._activities(part, 'mail_activity_type_oldparts_responsibility')
            self.assertEqual(acts.mapped('user_id'), specialists)
            self.assertEqual(len(acts), len(specialists))
        self.assertFalse(self._activities(later, 'mail_activity_type_oldparts_responsibility'))
