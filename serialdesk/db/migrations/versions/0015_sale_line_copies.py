"""what a sale line keeps of its unit — product, supplier and cost — so revenue and margin read the sale lines
alone (issue 17), filled from the units for the sales already made

Revision ID: 0015
Revises: 0014
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('sale_lines', sa.Column('product_id', sa.Integer(), nullable=True))
    op.add_column('sale_lines', sa.Column('supplier_id', sa.Integer(), nullable=True))
    op.add_column('sale_lines', sa.Column('unit_cost', sa.Numeric(precision=12, scale=2), nullable=True))
    # What services/sale_copies.py (`serialdesk rebuild-summaries`) writes, spelt out so the migration never
    # changes with the models.
    op.execute("UPDATE sale_lines SET "
               "product_id = (SELECT i.product_id FROM items i WHERE i.id = sale_lines.item_id), "
               "supplier_id = (SELECT i.supplier_id FROM items i WHERE i.id = sale_lines.item_id), "
               "unit_cost = (SELECT i.cost FROM items i WHERE i.id = sale_lines.item_id)")


def downgrade() -> None:
    # Plain DROP COLUMNs (SQLite 3.35+), not a batch rebuild: returns point to sale lines, and SQLite refuses to
    # drop a table others refer to.
    for column in ('unit_cost', 'supplier_id', 'product_id'):
        op.drop_column('sale_lines', column)
