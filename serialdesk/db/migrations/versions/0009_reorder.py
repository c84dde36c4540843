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
    with op.batch_alter_table('products') as batch:
        batch.drop_column('service_level')
        batch.drop_column('pack_size')
        batch.drop_column('lead_time_days')
