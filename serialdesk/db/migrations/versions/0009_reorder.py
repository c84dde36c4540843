"""reorder advice: product lead time, pack size and service level

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('lead_time_days', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('pack_size', sa.Integer(), server_default='1', nullable=False))
        batch.add_column(sa.Column('service_level', sa.Numeric(precision=6, scale=4), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMNs (SQLite 3.35+), not a batch rebuild: items point to products, and SQLite refuses to drop
    # a table others refer to.
    op.drop_column('products', 'service_level')
    op.drop_column('products', 'pack_size')
    op.drop_column('products', 'lead_time_days')
