"""fitments by the day they were fitted: parts used in builds and repairs count as demand in the reorder advice

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_fitments_fitted_at', 'fitments', ['fitted_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_fitments_fitted_at', table_name='fitments')
