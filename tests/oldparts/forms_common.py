"""Rendering the printed forms for real: wkhtmltopdf for the PDFs (read
back with pdftotext), OCA report_xlsx for the spreadsheets (read back with
xlrd, and their sheet XML for the frozen header and the filter). With OLDPARTS_FORMS_PNG_DIR set, the first page of each PDF is
also saved there as a PNG (docs/forms/ is made this way)."""
import io
import os
import subprocess
import tempfile
from contextlib import contextmanager

import re
import zipfile

import xlrd

from odoo.tools import config

PNG_DIR = os.environ.get('OLDPARTS_FORMS_PNG_DIR')


class FormsMixin(object):

    @contextmanager
    def _report_directory(self):
        """Odoo 11 renders HTML instead of PDF under test unless a test report
        directory is configured."""
        saved = config['test_report_directory']
        with tempfile.TemporaryDirectory() as directory:
            config['test_report_directory'] = directory
            try:
                yield
            finally:
                config['test_report_directory'] = saved

    def _form_pdf(self, xmlid, records, user, lang):
        report = self.env.ref(xmlid).sudo(user)
        with self._report_directory(), self._users_lang(lang):
            pdf, report_format = report.render_qweb_pdf(records.ids)
        self.assertEqual(report_format, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'), 'wkhtmltopdf made no PDF')
        return pdf

    def _form_text(self, xmlid, records, user, lang, png=None):
        """The PDF as ``user`` reading ``lang`` prints it, as text."""
        pdf = self._form_pdf(xmlid, records, user, lang)
        if PNG_DIR and png:
            self._save_png(pdf, '%s_%s' % (png, lang))
        return subprocess.run(['pdftotext', '-layout', '-', '-'], input=pdf,
                              stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')

    def _pdf_pages(self, pdf):
        info = subprocess.run(['pdfinfo', '-'], input=pdf, stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        pages = [line for line in info.splitlines() if line.startswith('Pages:')][0]
        size = [line for line in info.splitlines() if line.startswith('Page size:')][0]
        return int(pages.split()[1]), size

    def _save_png(self, pdf, name):
        os.makedirs(PNG_DIR, exist_ok=True)
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, 'form.pdf')
            with open(path, 'wb') as handle:
                handle.write(pdf)
            subprocess.run(['pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1',
                            '-singlefile', path, os.path.join(PNG_DIR, name)], check=True)

    def _form_xlsx(self, xmlid, records, user, lang):
        """The spreadsheet as ``user`` reading ``lang`` downloads it: the
        xlrd book and the raw file."""
        report = self.env.ref(xmlid).sudo(user)
        with self._users_lang(lang):
            content, report_format = report.with_context(
                active_model=report.model).render_xlsx(records.ids, {})
        self.assertEqual(report_format, 'xlsx')
        return xlrd.open_workbook(file_contents=content), content

    def _sheet_xml(self, content, index=1):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read('xl/worksheets/sheet%d.xml' % index).decode('utf-8')

    def assertSheetLayout(self, content, header_row, columns, index=1):
        """Header row frozen, filter over the columns, a width per column."""
        xml = self._sheet_xml(content, index)
        pane = re.search(r'<pane [^>]*ySplit="(\d+)"[^>]*state="frozen"', xml)
        self.assertTrue(pane, 'no frozen header row')
        self.assertEqual(int(pane.group(1)), header_row + 1)
        autofilter = re.search(r'<autoFilter ref="A(\d+):([A-Z]+)\d+"', xml)
        self.assertTrue(autofilter, 'no filter on the header row')
        self.assertEqual(int(autofilter.group(1)), header_row + 1)
        self.assertEqual(xlrd.formula.colname(columns - 1), autofilter.group(2))
        covered = set()
        for first, last in re.findall(r'<col min="(\d+)" max="(\d+)"', xml):
            covered.update(range(int(first), int(last) + 1))
        self.assertEqual(covered, set(range(1, columns + 1)), 'a column without width')

    def _cell_date(self, book, cell):
        """A date cell as a date (fails if the cell is not a date)."""
        self.assertEqual(cell.ctype, xlrd.XL_CELL_DATE, 'not a date: %r' % (cell.value,))
        return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).date()

    def assertTexts(self, text, expected, absent=()):
        for value in expected:
            self.assertIn(value, text)
        for value in absent:
            self.assertNotIn(value, text)
