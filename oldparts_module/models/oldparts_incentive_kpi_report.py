# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

from .oldparts_part import DISPOSAL_TYPES


class OldpartsIncentiveKpiReport(models.Model):
    """The KPIs of the old-parts process, by dealer, region, engineer and
    month: one row per part, per sold sale application, per returned part
    with approved freight and per settlement line, each filling its own
    measures. Rates are averages of 100/0 per row (the pivot averages
    them); a measure that does not apply to a row is NULL, which averages
    skip. Read-only; the company and dealer record rules apply."""
    _name = 'oldparts.incentive.kpi.report'
    _description = 'Old-Parts KPIs'
    _auto = False
    _rec_name = 'date'
    _order = 'date desc'

    row_type = fields.Selection([
        ('part', 'Old Part'), ('sale', 'Local Sale'), ('freight', 'Returned Part Freight'),
        ('settlement', 'Settlement Line')], string='Row Type', readonly=True)
    date = fields.Date(string='Date', readonly=True,
                       help='Parts: completion date; sales: sale date; freight: request '
                            'date; settlements: the settled month.')
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    dealer_id = fields.Many2one('res.partner', string='Dealer', readonly=True)
    state_id = fields.Many2one('res.country.state', string='Region', readonly=True)
    engineer_id = fields.Many2one('res.users', string='Engineer', readonly=True)
    disposal_type = fields.Selection(DISPOSAL_TYPES, string='Disposal Type', readonly=True)
    responsibility_days = fields.Integer(string='Responsibility Deadline (days)',
                                         readonly=True, group_operator='max')
    part_count = fields.Integer(string='Parts', readonly=True)
    ontime_rate = fields.Float(string='On-time Hand-over Rate (%)', readonly=True,
                               group_operator='avg')
    delay_days = fields.Float(string='Average Delay Days', readonly=True,
                              group_operator='avg')
    overdue_count = fields.Integer(string='Parts Overdue Now', readonly=True)
    responsibility_ontime_rate = fields.Float(
        string='Responsibility on Time (%)', readonly=True, group_operator='avg')
    price_ratio = fields.Float(string='Sale Price / Market Price (%)', readonly=True,
                               group_operator='avg')
    proceeds = fields.Float(string='Sale Proceeds', readonly=True)
    freight_per_part = fields.Float(string='Freight per Returned Part', readonly=True,
                                    group_operator='avg')
    freight_amount = fields.Float(string='Freight', readonly=True)
    settlement_penalty = fields.Float(string='Settled Penalties', readonly=True)
    settlement_reward = fields.Float(string='Settled Rewards', readonly=True)
    settlement_amount = fields.Float(string='Settlement Net', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW oldparts_incentive_kpi_report AS (
            WITH part AS (
                SELECT p.*,
                       CASE WHEN p.reply_date > p.required_handover_date
                                 AND coalesce(trim(p.reply_reason), '') <> ''
                            THEN p.reply_date ELSE p.required_handover_date END AS base
                  FROM oldparts_part p
                 WHERE p.state != 'cancel'
            )
            SELECT p.id * 10 + 1 AS id, 'part' AS row_type, p.replacement_date AS date,
                   p.company_id, p.dealer_id, p.state_id, p.engineer_id, p.disposal_type,
                   p.responsibility_days, 1 AS part_count,
                   CASE WHEN p.base IS NULL OR (p.base >= current_date AND p.handover_date IS NULL)
                        THEN NULL
                        WHEN p.handover_date IS NOT NULL AND p.handover_date <= p.base THEN 100.0
                        ELSE 0.0 END AS ontime_rate,
                   CASE WHEN p.handover_date IS NOT NULL AND p.base IS NOT NULL
                        THEN greatest(0, p.handover_date - p.base)::float
                        ELSE NULL END AS delay_days,
                   CASE WHEN p.is_overdue THEN 1 ELSE 0 END AS overdue_count,
                   CASE WHEN p.responsibility_deadline IS NULL THEN NULL
                        WHEN p.responsibility_date IS NOT NULL
                             AND p.responsibility_date <= p.responsibility_deadline THEN 100.0
                        WHEN p.responsibility_date IS NOT NULL
                             OR p.responsibility_deadline < current_date THEN 0.0
                        ELSE NULL END AS responsibility_ontime_rate,
                   NULL::float AS price_ratio, 0.0 AS proceeds,
                   NULL::float AS freight_per_part, 0.0 AS freight_amount,
                   0.0 AS settlement_penalty, 0.0 AS settlement_reward,
                   0.0 AS settlement_amount
              FROM part p
            UNION ALL
            SELECT a.id * 10 + 2, 'sale', a.sale_date, a.company_id, a.dealer_id, a.state_id,
                   NULL, 'local_sale', NULL, 0, NULL, NULL, 0, NULL,
                   CASE WHEN a.market_price > 0 THEN 100.0 * a.price / a.market_price
                        ELSE NULL END,
                   coalesce(i.amount_total, 0.0), NULL, 0.0, 0.0, 0.0, 0.0
              FROM oldparts_sale_application a
              LEFT JOIN account_invoice i ON i.id = a.invoice_id
             WHERE a.state IN ('sold', 'paid')
            UNION ALL
            SELECT l.id * 10 + 3, 'freight', f.request_date, f.company_id, s.dealer_id,
                   p.state_id, p.engineer_id, p.disposal_type, NULL, 0, NULL, NULL, 0, NULL,
                   NULL, 0.0, f.amount / n.lines, f.amount / n.lines, 0.0, 0.0, 0.0
              FROM oldparts_freight_request f
              JOIN oldparts_return_shipment s ON s.id = f.shipment_id
              JOIN oldparts_return_shipment_line l ON l.shipment_id = s.id
              JOIN oldparts_part p ON p.id = l.part_id
              JOIN (SELECT shipment_id, count(*) AS lines FROM oldparts_return_shipment_line
                     GROUP BY shipment_id) n ON n.shipment_id = s.id
             WHERE f.state = 'approved'
            UNION ALL
            SELECT sl.id * 10 + 4, 'settlement', st.date_from, st.company_id, st.dealer_id,
                   d.state_id, sl.engineer_id, NULL, NULL, 0, NULL, NULL, 0, NULL, NULL, 0.0,
                   NULL, 0.0,
                   CASE WHEN sl.amount < 0 THEN -sl.amount ELSE 0.0 END,
                   CASE WHEN sl.amount > 0 THEN sl.amount ELSE 0.0 END,
                   sl.amount
              FROM oldparts_settlement_line sl
              JOIN oldparts_settlement st ON st.id = sl.settlement_id
              JOIN res_partner d ON d.id = st.dealer_id
             WHERE st.state != 'cancel'
            )""")
