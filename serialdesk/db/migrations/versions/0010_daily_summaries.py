"""daily per-product summaries, stock ages and units received per supplier and lot beside the ledger (issue 17), filled from the existing ledger;
indexes the hot statements need without planner statistics

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('daily_summaries',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('units_in', sa.Integer(), nullable=False),
    sa.Column('units_out', sa.Integer(), nullable=False),
    sa.Column('units_sold', sa.Integer(), nullable=False),
    sa.Column('units_returned', sa.Integer(), nullable=False),
    sa.Column('units_scrapped', sa.Integer(), nullable=False),
    sa.Column('value_delta', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('cogs', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('revenue', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_daily_summaries_product_id_products')),
    sa.PrimaryKeyConstraint('product_id', 'day', name=op.f('pk_daily_summaries'))
    )
    op.create_index('ix_daily_summaries_day', 'daily_summaries', ['day'], unique=False)
    op.create_table('stock_ages',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_stock_ages_product_id_products')),
    sa.PrimaryKeyConstraint('product_id', 'day', name=op.f('pk_stock_ages'))
    )
    op.create_table('supplier_receipts',
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('lot_key', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_supplier_receipts_product_id_products')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'],
                            name=op.f('fk_supplier_receipts_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('supplier_id', 'product_id', 'lot_key', 'day', name=op.f('pk_supplier_receipts'))
    )
    # Filled from the ledger as it stands: the figures services/summaries.py (`serialdesk rebuild-summaries`)
    # computes, written out here so the migration never changes with the models.
    if op.get_bind().dialect.name == 'postgresql':
        day = "CAST(timezone('UTC', {}) AS DATE)"
    else:
        day = "date({})"
    op.execute(DAILY.format(day=day.format('e.at')))
    op.execute(AGES.format(day=day.format('COALESCE(last.at, i.received_at, i.created_at)')))
    op.execute(RECEIVED.format(day=day.format('received_at')))


DAILY = """
INSERT INTO daily_summaries (product_id, day, units_in, units_out, units_sold, units_returned, units_scrapped,
                             value_delta, cogs, revenue)
SELECT i.product_id, {day},
  SUM(CASE WHEN e.status_to = 'in_stock' THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.status_from = 'in_stock' THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.status_from = 'in_stock' AND e.status_to = 'sold' THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.kind = 'returned' THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.status_to = 'scrapped' AND (e.status_from IS NULL OR e.status_from <> 'scrapped')
      THEN 1 ELSE 0 END),
  COALESCE(SUM((CASE WHEN e.status_to = 'in_stock' THEN i.cost ELSE 0 END)
             - (CASE WHEN e.status_from = 'in_stock' THEN i.cost ELSE 0 END)), 0),
  COALESCE(SUM(CASE WHEN e.status_from = 'in_stock' AND e.status_to = 'sold' THEN i.cost
                    WHEN e.kind = 'returned' AND e.status_to = 'in_stock'
                         AND e.status_from IN ('sold', 'recalled') THEN -i.cost
                    ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN e.kind = 'sold' THEN sl.price WHEN e.kind = 'returned' THEN -rl.price ELSE 0 END), 0)
FROM events e JOIN items i ON i.id = e.item_id
LEFT OUTER JOIN sale_lines sl ON e.kind = 'sold' AND e.ref_type = 'sale' AND sl.sale_id = e.ref_id
                              AND sl.item_id = e.item_id
LEFT OUTER JOIN returns r ON e.kind = 'returned' AND e.ref_type = 'return' AND r.id = e.ref_id
LEFT OUTER JOIN sale_lines rl ON rl.id = r.sale_line_id
WHERE e.status_to IS NOT NULL OR e.status_from IS NOT NULL
GROUP BY i.product_id, {day}
"""

AGES = """
INSERT INTO stock_ages (product_id, day, units, value)
SELECT i.product_id, {day}, COUNT(*), SUM(i.cost)
FROM items i LEFT OUTER JOIN (
  SELECT e.item_id AS item_id, MAX(e.at) AS at FROM events e JOIN items i2 ON i2.id = e.item_id
  WHERE i2.status = 'in_stock' AND e.status_to = 'in_stock' GROUP BY e.item_id
) last ON last.item_id = i.id
WHERE i.status = 'in_stock'
GROUP BY i.product_id, {day}
"""


RECEIVED = """
INSERT INTO supplier_receipts (supplier_id, product_id, lot_key, day, units)
SELECT supplier_id, product_id, COALESCE(lot_id, 0), {day}, COUNT(*) FROM items
WHERE received_at IS NOT NULL AND supplier_id IS NOT NULL
GROUP BY supplier_id, product_id, COALESCE(lot_id, 0), {day}
"""


def downgrade() -> None:
    op.drop_table('supplier_receipts')
    op.drop_table('stock_ages')
    op.drop_index('ix_daily_summaries_day', table_name='daily_summaries')
    op.drop_table('daily_summaries')
