"""a location may carry its GS1 Global Location Number (issue 16: EPCIS readPoint / bizLocation as SGLN)

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN and a unique index: no table rebuild (SQLite would refuse to drop a table units point to).
    op.add_column('locations', sa.Column('gln', sa.String(length=13), nullable=True))
    op.create_index(op.f('ix_locations_gln'), 'locations', ['gln'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_locations_gln'), table_name='locations')
    # A plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: units point to locations, and SQLite refuses to
    # drop a table others refer to.
    op.drop_column('locations', 'gln')
