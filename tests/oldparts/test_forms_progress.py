"""附件三 旧件返司进度汇报表: the wizard's PDF and spreadsheet with the
regulation's columns, and the weekly mail to dealers and specialists."""
import base64
import re
from datetime import timedelta

import xlrd

from odoo import fields

from .forms_common import FormsMixin
from .returns_common import OldpartsReturnsCase

ZH_COLUMNS = ['申请日期', '审批号', '设备编号', '物料编码', '数量', '单价', '总价', '申请人', '区域',
              '旧件问题', '旧件是否需回司', '完工日期', '要求交期', '回复日期', '延期天数',
              '回收日期', '返司日期', '备注']


class TestFormsProgress(FormsMixin, OldpartsReturnsCase):

    @classmethod
    def setUpClass(cls):
        super(TestFormsProgress, cls).setUpClass()
        cls.contact_a = cls.env['res.partner'].create({
            'name': '宁夏甲代理商 服务经理', 'parent_id': cls.dealer_a.id,
            'email': 'service@dealer-a.example.com'})
        cls.specialist.partner_id.email = 'specialist@example.com'
        # each dealer gets the report in its own language (en_US is inactive
        # in a database loaded with zh_CN only)
        cls.env['res.lang'].with_context(active_test=False).search(
            [('code', '=', 'en_US')]).active = True
        cls.dealer_a.lang = 'zh_CN'
        cls.dealer_b.lang = 'en_US'

    def _parts(self):
        """Dealer A: one part 12 days late, one handed over in time; dealer B: one in time."""
        late = self._create_part(user=self.engineer_a, replacement_date=self._date(-19),
                                 request_date=self._date(-20), work_order_ref='PG-LATE-1',
                                 has_claim_value=True, state_id=self.state_nx.id,
                                 note='等待客户签字')
        late.sudo(self.specialist).action_classify()
        in_time = self._handed_over_part(work_order_ref='PG-OK-2', price_unit=800.0)
        other = self._handed_over_part(engineer=self.engineer_b, work_order_ref='PG-B-3')
        return late, in_time, other

    def _wizard(self, user, **values):
        Wizard = self.env['oldparts.progress.report.wizard'].sudo(user)
        # the test dealers only: the demo data has parts too
        vals = {'date_from': self._date(-30), 'date_to': self._date(0),
                'dealer_ids': [(6, 0, (self.dealer_a | self.dealer_b).ids)]}
        vals.update(values)
        return Wizard.create(vals)

    def test_rows(self):
        """One plain row per part, the regulation's fields, delay days of the late one."""
        late, in_time, other = self._parts()
        wizard = self._wizard(self.specialist)
        with self._users_lang('en_US'):
            rows = {row['work_order_ref']: row for row in wizard._report_rows()}
        self.assertEqual(set(rows), {'PG-LATE-1', 'PG-OK-2', 'PG-B-3'})
        row = rows['PG-LATE-1']
        self.assertEqual(row['delay_days'], 12)
        self.assertEqual(row['required_handover_date'],
                         fields.Date.from_string(self._date(-12)))
        self.assertEqual(row['request_date'], fields.Date.from_string(self._date(-20)))
        self.assertEqual(row['must_return'], 'Yes')
        with self._users_lang('zh_CN'):
            self.assertEqual(wizard._report_rows()[0]['must_return'], '是')
        self.assertEqual(row['material_code'], '[YG-001] 液压油缸')
        self.assertEqual(row['applicant'], self.engineer_a.name)
        self.assertEqual(row['note'], '等待客户签字')
        self.assertEqual(rows['PG-OK-2']['delay_days'], 0)
        self.assertEqual(rows['PG-OK-2']['handover_date'], fields.Date.from_string(self._date(0)))
        # only overdue, one dealer
        overdue = self._wizard(self.specialist, scope='overdue')._report_rows()
        self.assertEqual([r['work_order_ref'] for r in overdue], ['PG-LATE-1'])
        only_b = self._wizard(self.specialist, dealer_ids=[(6, 0, self.dealer_b.ids)])
        self.assertEqual([r['work_order_ref'] for r in only_b._report_rows()], ['PG-B-3'])
        # a dealer's keeper sees their own dealer's parts only, whatever they ask
        mine = self._wizard(self.keeper_a, dealer_ids=[(5,)])._report_rows()
        self.assertEqual({r['work_order_ref'] for r in mine}, {'PG-LATE-1', 'PG-OK-2'})
        groups = self.env['oldparts.part']._progress_report_groups(wizard._report_rows())
        self.assertEqual([g['name'] for g in groups], sorted(
            [self.dealer_a.name, self.dealer_b.name],
            key=lambda name: [self.dealer_a, self.dealer_b][
                [self.dealer_a.name, self.dealer_b.name].index(name)].id))
        group_a = [g for g in groups if g['name'] == self.dealer_a.name][0]
        self.assertEqual((group_a['quantity'], group_a['amount_total'], group_a['delay_days'],
                          group_a['late']), (2.0, 2000.0, 12, 1))

    def test_pdf(self):
        """The PDF shows every column of the regulation, the dealer headings and totals."""
        self._parts()
        wizard = self._wizard(self.specialist)
        action = wizard.action_print_pdf()
        self.assertEqual(action['report_name'], 'oldparts_module.report_oldparts_progress_report')
        xmlid = 'oldparts_module.action_report_oldparts_progress_report'
        zh = self._form_text(xmlid, wizard, self.specialist, 'zh_CN', png='form03_progress_report')
        flat = re.sub(r'\s+', '', zh)
        for column in ZH_COLUMNS:
            self.assertIn(column, flat)
        self.assertTexts(zh, ('附件三', '旧件返司进度汇报表', 'PG-LATE-1', 'PG-OK-2', 'PG-B-3',
                              self.dealer_a.name, self.dealer_b.name, '小计', '总计', '2,000.00'))
        pages, size = self._pdf_pages(self._form_pdf(xmlid, wizard, self.specialist, 'zh_CN'))
        self.assertIn('842 x 595', size)  # A4 landscape
        en = self._form_text(xmlid, wizard, self.specialist, 'en_US', png='form03_progress_report')
        self.assertTexts(en, ('Form 3', 'Old-Part Return Progress Report', 'Application Date',
                              'Delay Days', 'Grand Total', 'PG-LATE-1'),
                         absent=('旧件返司进度汇报表',))

    def test_spreadsheet(self):
        """Exactly the regulation's columns in Chinese, dates as dates, delay highlighted, totals per dealer."""
        self._parts()
        wizard = self._wizard(self.specialist)
        self.assertEqual(wizard.action_download_xlsx()['report_type'], 'xlsx')
        book, content = self._form_xlsx(
            'oldparts_module.action_report_oldparts_progress_report_xlsx', wizard,
            self.specialist, 'zh_CN')
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.row_values(3), ZH_COLUMNS)
        self.assertSheetLayout(content, 3, len(ZH_COLUMNS))
        rows = {sheet.cell_value(r, 1): r for r in range(4, sheet.nrows)}
        late = rows['PG-LATE-1']
        self.assertEqual(self._cell_date(book, sheet.cell(late, 0)),
                         fields.Date.from_string(self._date(-20)))
        self.assertEqual(self._cell_date(book, sheet.cell(late, 12)),
                         fields.Date.from_string(self._date(-12)))
        self.assertEqual(sheet.cell(late, 14).ctype, xlrd.XL_CELL_NUMBER)
        self.assertEqual(sheet.cell_value(late, 14), 12)
        self.assertEqual(sheet.cell_value(late, 6), 1200.0)
        self.assertEqual(sheet.cell_value(late, 10), '是')
        # the late cell has a fill, the on-time one none
        xml = self._sheet_xml(content)
        styles = self._styles_fills(content)
        late_style = int(re.search(r'<c r="O%d" s="(\d+)"' % (late + 1), xml).group(1))
        ok_style = int(re.search(r'<c r="O%d" s="(\d+)"' % (rows['PG-OK-2'] + 1), xml).group(1))
        self.assertTrue(styles[late_style])
        self.assertFalse(styles[ok_style])
        # a heading and a total per dealer, and a grand total
        first_col = sheet.col_values(0, 4)
        self.assertIn(self.dealer_a.name, first_col)
        self.assertIn('合计 %s' % self.dealer_a.name, first_col)
        total_a = first_col.index('合计 %s' % self.dealer_a.name) + 4
        self.assertEqual(sheet.cell_value(total_a, 4), 2.0)
        self.assertEqual(sheet.cell_value(total_a, 6), 2000.0)
        self.assertEqual(sheet.cell_value(total_a, 14), 12)
        self.assertEqual(first_col[-1], '总计')
        self.assertEqual(sheet.cell_value(sheet.nrows - 1, 4), 3.0)

    def _styles_fills(self, content):
        """For each cell style, whether it has a fill."""
        import io
        import zipfile
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            styles = archive.read('xl/styles.xml').decode('utf-8')
        xfs = re.search(r'<cellXfs[^>]*>(.*?)</cellXfs>', styles, re.S).group(1)
        return [int(fill) > 1 for fill in re.findall(r'<xf [^>]*fillId="(\d+)"', xfs)]

    def test_weekly_mail_once_per_week(self):
        """The job sends each dealer its open parts once a week, to its contacts and the specialists."""
        late, in_time, other = self._parts()
        today = fields.Date.from_string(fields.Date.context_today(self.env['oldparts.part']))
        self.company.write({'oldparts_progress_mail': True,
                            'oldparts_progress_mail_weekday': str(today.weekday())})
        Mail = self.env['mail.mail'].sudo()
        before = Mail.search([('model', '=', 'res.partner')])
        Wizard = self.env['oldparts.progress.report.wizard']
        with self._report_directory():
            Wizard._cron_send_weekly()
            Wizard._cron_send_weekly()
        first_run = Mail.search([('model', '=', 'res.partner')]) - before
        # (the demo data's dealers owe parts too)
        mails = first_run.filtered(lambda m: m.res_id in (self.dealer_a | self.dealer_b).ids)
        # dealer A still owes the late part; dealer B's part is handed over, not yet shipped
        self.assertEqual(sorted(mails.mapped('res_id')), sorted([self.dealer_a.id, self.dealer_b.id]))
        mail_a = mails.filtered(lambda m: m.res_id == self.dealer_a.id)
        self.assertEqual(len(mail_a), 1)
        self.assertIn(self.contact_a, mail_a.recipient_ids)
        self.assertIn(self.specialist.partner_id, mail_a.recipient_ids)
        self.assertNotIn(self.dealer_b, mail_a.recipient_ids)
        names = sorted(mail_a.attachment_ids.mapped('datas_fname'))
        self.assertEqual([name.rsplit('.', 1)[1] for name in names], ['pdf', 'xlsx'])
        pdf = mail_a.attachment_ids.filtered(lambda a: a.datas_fname.endswith('.pdf'))
        self.assertTrue(base64.b64decode(pdf.datas).startswith(b'%PDF'))
        xlsx = mail_a.attachment_ids.filtered(lambda a: a.datas_fname.endswith('.xlsx'))
        book = xlrd.open_workbook(file_contents=base64.b64decode(xlsx.datas))
        refs = book.sheet_by_index(0).col_values(1)
        self.assertEqual(book.sheet_by_index(0).cell_value(3, 0), '申请日期')
        self.assertIn('旧件返司进度汇报表', xlsx.datas_fname)
        mail_b = mails.filtered(lambda m: m.res_id == self.dealer_b.id)
        xlsx_b = mail_b.attachment_ids.filtered(lambda a: a.datas_fname.endswith('.xlsx'))
        book_b = xlrd.open_workbook(file_contents=base64.b64decode(xlsx_b.datas))
        self.assertEqual(book_b.sheet_by_index(0).cell_value(3, 0), 'Application Date')
        self.assertIn('PG-B-3', book_b.sheet_by_index(0).col_values(1))
        self.assertIn('PG-LATE-1', refs)
        self.assertNotIn('PG-B-3', refs)
        self.assertIn(self.dealer_a.name, mail_a.subject)
        self.assertEqual(mail_a.mail_message_id.model, 'res.partner')
        week = '%d-W%02d' % today.isocalendar()[:2]
        self.assertIn(week, mail_a.subject)
        sent = self.env['oldparts.progress.report.sent'].search(
            [('company_id', '=', self.company.id), ('week', '=', week)])
        self.assertLessEqual({self.dealer_a.id, self.dealer_b.id}, set(sent.mapped('dealer_id').ids))
        self.assertEqual(len(sent), len(first_run))
        # next week it goes out again; on another weekday, or switched off, not at all
        self.company.oldparts_progress_mail_weekday = str((today.weekday() + 1) % 7)
        self.env['oldparts.progress.report.sent'].sudo().search([('week', '=', week)]).unlink()
        with self._report_directory():
            Wizard._cron_send_weekly()
        self.assertEqual(Mail.search([('model', '=', 'res.partner')]) - before - first_run,
                         Mail.browse())
        with self._report_directory():
            Wizard._send_weekly(self.company, today + timedelta(days=7))
        later = Mail.search([('model', '=', 'res.partner')]) - before - first_run
        self.assertEqual(len(later), len(first_run))
        self.assertLessEqual({self.dealer_a.id, self.dealer_b.id}, set(later.mapped('res_id')))
