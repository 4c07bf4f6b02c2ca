"""The whole old-parts process through the web client's screens, in
Chinese, each step done by the demo user whose job it is (see
walkthrough.py for how the screens are driven and checked).

- return path: the engineer records a part (late reply date with its
  reason); the specialist confirms the proposed type; the keeper hands it
  over, packs it with another part, prints the labels, ships, prints the
  packing list and requests the freight; specialist and general manager
  approve it; finance posts the carrier's bill; HQ materials receives the
  picking with one part missing; the specialist determines responsibility
  and the disposal form is approved and carried out.
- local disposal: the engineer records two parts; the specialist overrides
  one proposal (gift -> local sale) and confirms the other (destruction);
  the keeper hands them over; the keeper's sale application with three
  quotes (one buyer created on the spot) goes through specialist, general
  manager and company leader; the keeper records the sale; finance
  registers the payment and prints the 回款单; the keeper's scrap sign-off
  with three witnesses and a photo is approved and confirmed.

Screenshots of the steps go to docs/walkthrough/ (README, walk-through).
HttpCase runs the server's requests on one cursor rolled back after each
test: one process per test method, its users logged in one after the
other through /web/session/authenticate.
"""
import base64
import json
import pathlib
import re
import time
import urllib.request

from playwright.sync_api import sync_playwright

import odoo
from odoo.tests.common import HttpCase

from . import walkthrough as wt
from .walkthrough import Walk, date_in

# development runs against a kept database: names that must be new
RUN_SUFFIX = ''

# a small PNG: the photo of the destroyed parts
PHOTO = base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')


def session_login(base_url, db):
    """A login function for Walk: authenticate and return the session id."""
    def login(user):
        body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': {
            'db': db, 'login': user, 'password': user}}).encode()
        request = urllib.request.Request(
            base_url + '/web/session/authenticate', data=body,
            headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=120) as response:
            result = json.loads(response.read().decode())
            if result.get('error') or not result['result'].get('uid'):
                raise wt.StepError('cannot log in as %s: %s' % (user, result.get('error')))
            cookie = response.headers.get('Set-Cookie', '')
        match = re.search(r'session_id=([^;]+)', cookie)
        return match.group(1) if match else result['result']['session_id']
    return login


def new_part(w, work_order, equipment, product, problem, criteria, scrap_value=None,
             late_days=None, quantity=None, completed_days_ago=0):
    """The engineer records an old part from the 售后旧件 list."""
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_part_menu')
    w.create()
    offered = w.many2one('dealer_id', '宁夏')
    assert all('宁夏' in o for o in offered if '搜索更多' not in o), offered
    w.fill('work_order_ref', work_order)
    w.fill('equipment_ref', equipment)
    w.many2one('product_id', product)
    w.fill('failure_reason', problem)
    if quantity:
        w.fill('quantity', quantity)
    if completed_days_ago:
        w.fill_date('replacement_date', date_in(-completed_days_ago))
    if late_days:
        w.tab('交接')
        w.fill_date('reply_date', date_in(late_days))
        w.fill('reply_reason', '客户停机待料，约定下周统一交接')
    w.tab('处置方式')
    assert w.field('disposal_type').evaluate(
        "e => e.classList.contains('o_readonly_modifier') || e.tagName === 'SPAN'"), \
        'the engineer must not choose the disposal type'
    for name in criteria:
        w.check_box(name)
    if scrap_value is not None:
        w.fill('scrap_value', scrap_value)
    w.save()
    name = w.title()
    assert name.startswith('JJ'), name
    w.wait_status('草稿')
    return name


def open_part(w, name):
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_part_menu')
    w.search(name)
    w.open_row(name)


def walk_return(w):
    # 1. the engineer records the part, promising a late hand-over
    w.as_user('engineer_nx')
    part = new_part(w, 'PG-WALK-0001', 'QY25K5-W001', '变幅油缸', '变幅油缸内泄',
                    ['has_claim_value'], late_days=12, completed_days_ago=3)
    other = new_part(w, 'PG-WALK-0002', 'QY25K5-W002', '力矩限制器角度传感器', '传感器信号漂移',
                     ['rectification_required'])
    assert '旧件管理专干' in w.text()
    w.shot('records_part')

    # 2. the specialist confirms the proposed type (return)
    w.as_user('specialist')
    for name in (part, other):
        open_part(w, name)
        w.tab('处置方式')
        assert '返司' in w.field('proposed_disposal_type').inner_text()
        w.button('确认处置方式')
        w.wait_status('已分类')
    w.shot('confirms_type')

    # 3. the keeper hands both over (the first one yesterday) ...
    w.as_user('keeper_nx')
    for name, day in ((other, 0), (part, -1)):
        open_part(w, name)
        assert '交接' in w.text()
        w.edit()
        w.tab('交接')
        w.fill_date('handover_date', date_in(day))
        w.save()
        w.button('交接旧件')
        w.wait_status('已回收')
    assert '返司发运' in w.text(), 'the next step is not shown'
    w.shot('hands_over')

    # ... packs them on a new return shipment, prints the labels, ships
    w.button('新建返司发运')
    w.page.locator('.o_form_view.o_form_editable').wait_for(state='visible')
    w.many2one('carrier_id', '德邦')
    w.fill('waybill_number', 'DB-%s' % time.strftime('%m%d%H%M%S'))
    w.page.locator('.o_field_x2many_list[name="line_ids"] tr.o_data_row td.o_data_cell').nth(1).click()
    w.fill('weight', '38.5', scope='.o_field_x2many_list[name="line_ids"] tr.o_selected_row')
    scope = w.add_line('line_ids')
    w.fill('box_number', '2', scope=scope)
    w.many2one('part_id', other, scope=scope)
    w.fill('weight', '4.2', scope=scope)
    w.save()
    w.wait_status('草稿')
    shipment = w.title()
    w.download(lambda: w.button('打印标识'))
    w.shot('packs_shipment')
    w.button('发运', confirm=True)
    w.wait_status('已发运')
    w.print_menu('装箱清单')
    w.shot('ships')

    # ... and requests the freight
    w.button('申请运费')
    w.page.locator('.o_form_view.o_form_editable').wait_for(state='visible')
    assert shipment in w.field('shipment_id').inner_text() or \
        shipment in w.field('shipment_id').locator('input').input_value()
    w.fill('amount', '2600')
    w.save()
    w.button('提交审批')
    w.wait_status('待审批')
    freight = w.title()
    w.shot('requests_freight')

    # 4. the specialist, then the general manager, approve the freight
    for user in ('specialist', 'general_manager'):
        w.as_user(user)
        w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_freight_request_menu')
        w.open_row(freight)
        w.button('审批通过')
    w.wait_status('已批准')
    w.shot('approves_freight')

    # 5. finance posts the carrier's bill
    w.as_user('finance')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_freight_request_menu')
    w.open_row(freight)
    w.page.locator('.oe_stat_button', has_text='供应商账单').click()
    w.page.locator('.o_form_view .o_statusbar_status').wait_for(state='visible')
    w.wait_status('草稿')
    w.button('审核')
    w.wait_status('开启')
    w.shot('posts_bill')

    # 6. HQ materials receives the picking: the sensor is not in its box
    w.as_user('materials')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_return_shipment_menu')
    w.open_row(shipment)
    w.page.locator('.oe_stat_button', has_text='调拨单').click()
    w.page.locator('.o_form_view .o_statusbar_status').wait_for(state='visible')
    w.edit()
    w.page.keyboard.press('Escape')
    w.page.locator('.o_form_sheet h1').first.click()
    row = w.page.locator('.o_field_x2many_list tr.o_data_row:visible', has_text='变幅油缸').first
    row.locator('td.o_data_cell').first.click()
    w.fill('quantity_done', '1', scope='.o_field_x2many_list tr.o_selected_row')
    w.save()
    w.button('验证')
    w.page.locator('.modal .modal-footer button', has_text='没有欠单').click()
    w.idle()
    w.wait_status('完成')
    w.breadcrumb(1)
    w.page.locator('.o_form_view .alert-danger').wait_for(state='visible')
    w.wait_status('已接收')
    w.shot('receives_one_missing')

    # 7. the specialist determines responsibility and decides the disposal
    w.as_user('specialist')
    open_part(w, part)
    w.wait_status('已回司')
    w.edit()
    w.tab('责任方')
    w.fill_date('review_date', date_in(0))
    w.select('responsibility', '供应商')
    w.many2one('supplier_id', '恒立')
    w.save()
    w.button('定责')
    w.wait_status('已定责')
    w.shot('determines_responsibility')

    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_disposal_menu')
    w.create()
    scope = w.add_line('line_ids')
    w.many2one('part_id', part, scope=scope)
    w.select('decision', '向供应商索赔', scope=scope)
    w.many2one('supplier_id', '恒立', scope=scope)
    w.save()
    w.button('提交审批')
    w.button('审批通过')
    w.wait_status('已批准')
    w.button('执行处置', confirm=True)
    w.wait_status('已完成')
    w.shot('disposal_form_done')
    open_part(w, part)
    w.wait_status('已处置')


def walk_local(w):
    # 1. the engineer records a batch of boom sections and a sensor
    w.as_user('engineer_nx')
    boom = new_part(w, 'PG-WALK-0101', 'QY25K5-W101', '吊臂第三节臂', '吊臂变形，无修复价值',
                    [], scrap_value=80, quantity=12)
    sensor = new_part(w, 'PG-WALK-0102', 'QY25K5-W102', '力矩限制器角度传感器', '传感器进水',
                      [], scrap_value=0)

    # 2. the specialist overrides the proposal for the booms (gift -> local
    # sale) and confirms the sensor's (destruction)
    w.as_user('specialist')
    open_part(w, boom)
    w.edit()
    w.tab('处置方式')
    assert '赠送' in w.field('proposed_disposal_type').inner_text()
    w.select('disposal_type', '当地销售旧件')
    w.fill('disposal_override_reason', '12节臂合计约28吨，按废钢变卖价值更高')
    w.save()
    w.button('确认处置方式')
    w.wait_status('已分类')
    w.shot('overrides_type')
    open_part(w, sensor)
    w.button('确认处置方式')
    w.wait_status('已分类')

    # 3. the keeper hands both over
    w.as_user('keeper_nx')
    for name in (boom, sensor):
        open_part(w, name)
        w.button('交接旧件')
        w.wait_status('已回收')
    assert '变卖申请' in w.text() or '报废签收' in w.text(), 'the next step is not shown'

    # 4. the keeper's sale application, three quotes, one buyer new
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_sale_application_menu')
    w.create()
    reduction = w.page.locator('.o_form_view input.o_field_widget[name="remote_reduction"]')
    reduction.wait_for(state='visible')
    reduction = reduction.input_value()
    assert reduction.startswith('5'), 'remote reduction %s' % reduction
    scope = w.add_line('line_ids')
    w.many2one('part_id', boom, scope=scope)
    quotes = (('银川塞上', '马经理', '0951-5203318', '1850'),
              ('贺兰县', '杨师傅', '0951-8062271', '1800'),
              ('永宁县鑫达物资回收' + RUN_SUFFIX, '丁老板', '13995000123', '1750'))
    for index, (buyer, contact, phone, price) in enumerate(quotes):
        w.tab('收购商报价')
        scope = w.add_line('quote_ids')
        offered = w.many2one('partner_id', buyer, scope=scope, create=(index == 2))
        assert not any('成都' in o for o in offered), offered
        w.fill('contact_name', contact, scope=scope)
        w.fill('phone', phone, scope=scope)
        w.fill('price', price, scope=scope)
    w.save()
    application = w.title()
    w.tab('收购商报价')
    w.page.locator('.o_field_x2many_list[name="quote_ids"] tr.o_data_row', has_text='1,850') \
        .locator('td.o_list_button button').first.click()
    w.idle()
    w.page.locator('.o_field_widget[name="buyer_id"]', has_text='银川塞上').wait_for()
    w.button('提交')
    w.wait_status('待审批')
    w.shot('submits_sale_application')

    # 5. specialist, general manager and company leader approve (>= 50,000)
    for user in ('specialist', 'general_manager', 'company_leader'):
        w.as_user(user)
        w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_sale_application_menu')
        w.open_row(application)
        w.button('审批通过')
    w.wait_status('已批准')
    w.shot('approves_sale')

    # 6. the keeper records the sale
    w.as_user('keeper_nx')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_sale_application_menu')
    w.open_row(application)
    w.edit()
    w.tab('成交')
    w.fill('weighbridge_weight', '28.3')
    w.fill('weighbridge_ticket', 'YC-BANG-0815')
    w.save()
    w.button('登记成交')
    w.wait_status('已成交')
    w.shot('records_sale')
    # and opens it again later
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_sale_application_menu')
    w.open_row(application)
    w.wait_status('已成交')

    # 7. finance registers the payment and prints the receipt (回款单)
    w.as_user('finance')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_sale_application_menu')
    w.open_row(application)
    w.button('登记回款')
    dialog = w.page.locator('.modal .o_form_view')
    dialog.wait_for(state='visible')
    w.page.locator('.modal .modal-footer button', has_text='审核').first.click()
    w.idle()
    w.wait_status('已回款')
    w.download(lambda: w.button('打印回款单'))
    w.shot('registers_payment')

    # 8. the keeper's scrap sign-off: three witnesses and a photo
    w.as_user('keeper_nx')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_scrap_signoff_menu')
    w.create()
    w.fill('place', '银川服务站旧件库')
    w.page.locator('.o_field_x2many_list[name="part_ids"] .o_field_x2many_list_row_add a').click()
    w.page.locator('.modal tr.o_data_row', has_text=sensor).locator('input[type=checkbox]').check()
    w.page.locator('.modal .modal-footer .btn-primary').click()
    w.idle()
    w.fill('reason', '传感器进水损坏，无再利用和变卖价值')
    w.tab('见证人')
    for name, department in (('李仓管', '服务站仓库'), ('王工', '服务部'), ('刘会计', '财务部')):
        scope = w.add_line('witness_ids')
        w.fill('name', name, scope=scope)
        w.fill('department', department, scope=scope)
    w.save()
    signoff = w.title()
    photo = wt.ROOT / '.local' / 'walk_photo.png'
    photo.write_bytes(PHOTO)
    # the photo goes with a note in the chatter
    w.page.locator('.o_chatter_button_log_note').click()
    w.page.set_input_files('.o_chat_composer input.o_input_file', str(photo))
    w.page.locator('.o_chat_composer .o_composer_attachments_list .o_attachment:not(.o_attachment_uploading)').wait_for()
    w.page.locator('.o_chat_composer .o_composer_text_field').fill('销毁前照片')
    w.page.locator('.o_chat_composer .o_composer_button_send:visible').click()
    w.page.locator('.o_thread_message', has_text='销毁前照片').wait_for()
    w.button('提交')
    w.wait_status('待审批')
    w.shot('submits_scrap_signoff')

    w.as_user('specialist')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_scrap_signoff_menu')
    w.open_row(signoff)
    w.button('审批通过')
    w.wait_status('已批准')
    w.as_user('keeper_nx')
    w.menu('oldparts_module.oldparts_menu_root', 'oldparts_module.oldparts_scrap_signoff_menu')
    w.open_row(signoff)
    w.button('确认处置')
    w.wait_status('已完成')
    w.shot('confirms_scrap_signoff')


class TestWalkthrough(HttpCase):
    """Each demo user does its own steps in the web client."""

    def _walk(self, steps, first_step):
        base_url = 'http://%s:%s' % (odoo.tests.common.HOST, odoo.tests.common.PORT)
        login = session_login(base_url, odoo.tests.common.get_db_name())
        with sync_playwright() as pw:
            walk = Walk(pw, base_url, login)
            walk.step = first_step - 1
            try:
                steps(walk)
                walk.check()
            except Exception as exc:
                if walk.page:
                    walk.page.screenshot(path=str(wt.ROOT / '.local' / (
                        'walkthrough_failure_%s.png' % steps.__name__)))
                raise AssertionError('%s\nuser %s at %s\n%s' % (
                    exc, walk.user, walk.page and walk.page.url, '\n'.join(walk.problems)))
            finally:
                walk.close()

    def test_return_path(self):
        self._walk(walk_return, 1)

    def test_local_disposal(self):
        self._walk(walk_local, 21)


if __name__ == '__main__':
    # development: walk against a running server, e.g.
    #   python -m tests.browser.test_walkthrough_browser http://127.0.0.1:8169 oldparts_br_demo
    import sys
    url, db = sys.argv[1], sys.argv[2]
    RUN_SUFFIX = time.strftime('%H%M%S')
    with sync_playwright() as pw:
        walk = Walk(pw, url, session_login(url, db))
        walk.step = 20 if sys.argv[3:] == ['local'] else 0
        try:
            globals()['walk_' + (sys.argv[3] if len(sys.argv) > 3 else 'return')](walk)
        finally:
            if walk.page:
                walk.page.screenshot(path='/tmp/walk_last.png')
            print('\n'.join(walk.problems))
            walk.close()
