"""events.recorded_at: when an event was written (database clock), beside `at` (when it happened)

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=True,
                                      server_default=sa.func.current_timestamp()))
    # Older events: when they were written is unknown; the claimed time is the best there is.
    op.execute("UPDATE events SET recorded_at = at")
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.alter_column('recorded_at', existing_type=sa.DateTime(timezone=True), nullable=False,
                              existing_server_default=sa.func.current_timestamp())


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('recorded_at')
