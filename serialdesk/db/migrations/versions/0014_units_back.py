"""units that came back (returned, repaired under warranty) kept beside the ledger for supplier quality (issue 17),
filled from the returns, warranty tickets and parts taken out under them

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('units_back',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('lot_key', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('returned', sa.Integer(), nullable=False),
    sa.Column('repaired', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_units_back_item_id_items')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_units_back_product_id_products')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'], name=op.f('fk_units_back_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_units_back'))
    )
    # What services/summaries.py (`serialdesk rebuild-summaries`) computes, written out so the migration never
    # changes with the models.
    if op.get_bind().dialect.name == 'postgresql':
        day = "CAST(timezone('UTC', i.received_at) AS DATE)"
    else:
        day = "date(i.received_at)"
    op.execute(BACK.format(day=day))


BACK = """
INSERT INTO units_back (item_id, supplier_id, product_id, lot_key, day, returned, repaired)
SELECT i.id, i.supplier_id, i.product_id, COALESCE(i.lot_id, 0), {day}, MAX(f.returned), MAX(f.repaired)
FROM (
  SELECT sl.item_id AS item_id, 1 AS returned, 0 AS repaired
  FROM returns r JOIN sale_lines sl ON sl.id = r.sale_line_id
  UNION ALL
  SELECT t.item_id, 0, 1 FROM service_tickets t WHERE t.warranty_claim IS TRUE
  UNION ALL
  SELECT ps.removed_item_id, 0, 1 FROM part_swaps ps JOIN service_tickets t ON t.id = ps.ticket_id
  WHERE t.warranty_claim IS TRUE AND ps.removed_item_id IS NOT NULL
) f JOIN items i ON i.id = f.item_id
WHERE i.received_at IS NOT NULL AND i.supplier_id IS NOT NULL
GROUP BY i.id, i.supplier_id, i.product_id, i.lot_id, i.received_at
"""


def downgrade() -> None:
    op.drop_table('units_back')
