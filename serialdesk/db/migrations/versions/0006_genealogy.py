"""genealogy: fitments (which unit each part sits in, and since when) and build records

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('builds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('host_item_id', sa.Integer(), nullable=False),
    sa.Column('by_user', sa.String(length=60), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('labour', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('disassembled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('disassembled_by', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['host_item_id'], ['items.id'], name=op.f('fk_builds_host_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_builds'))
    )
    op.create_index('ix_builds_host_item_id', 'builds', ['host_item_id'], unique=False)
    op.create_table('fitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('part_item_id', sa.Integer(), nullable=False),
    sa.Column('host_item_id', sa.Integer(), nullable=False),
    sa.Column('fitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fitted_by', sa.String(length=60), nullable=False),
    sa.Column('build_id', sa.Integer(), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removed_by', sa.String(length=60), nullable=True),
    sa.Column('removed_ticket_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['build_id'], ['builds.id'], name=op.f('fk_fitments_build_id_builds')),
    sa.ForeignKeyConstraint(['host_item_id'], ['items.id'], name=op.f('fk_fitments_host_item_id_items')),
    sa.ForeignKeyConstraint(['part_item_id'], ['items.id'], name=op.f('fk_fitments_part_item_id_items')),
    sa.ForeignKeyConstraint(['removed_ticket_id'], ['service_tickets.id'],
                            name=op.f('fk_fitments_removed_ticket_id_service_tickets')),
    sa.ForeignKeyConstraint(['ticket_id'], ['service_tickets.id'],
                            name=op.f('fk_fitments_ticket_id_service_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fitments'))
    )
    op.create_index('ix_fitments_host_item_id', 'fitments', ['host_item_id', 'removed_at'], unique=False)
    op.create_index('ix_fitments_part_item_id', 'fitments', ['part_item_id', 'fitted_at'], unique=False)
    op.create_index('uq_fitments_open_part', 'fitments', ['part_item_id'], unique=True,
                    sqlite_where=sa.text('removed_at IS NULL'), postgresql_where=sa.text('removed_at IS NULL'))
    # Parts fitted by service swaps before this revision: each swap's fitted part sits in the ticket's unit
    # until a later swap took it out again.
    later = ("FROM part_swaps r WHERE r.removed_item_id = ps.fitted_item_id AND r.id > ps.id "
             "ORDER BY r.id LIMIT 1")
    op.execute(
        "INSERT INTO fitments (part_item_id, host_item_id, fitted_at, fitted_by, ticket_id, removed_at, "
        "removed_by, removed_ticket_id) "
        f"SELECT ps.fitted_item_id, t.item_id, ps.at, ps.by_user, ps.ticket_id, (SELECT r.at {later}), "
        f"(SELECT r.by_user {later}), (SELECT r.ticket_id {later}) "
        "FROM part_swaps ps JOIN service_tickets t ON t.id = ps.ticket_id ORDER BY ps.id"
    )


def downgrade() -> None:
    # The older schema knows parts only through the swaps on tickets: builds and their fitments are dropped.
    op.drop_index('uq_fitments_open_part', table_name='fitments',
                  sqlite_where=sa.text('removed_at IS NULL'), postgresql_where=sa.text('removed_at IS NULL'))
    op.drop_index('ix_fitments_part_item_id', table_name='fitments')
    op.drop_index('ix_fitments_host_item_id', table_name='fitments')
    op.drop_table('fitments')
    op.drop_index('ix_builds_host_item_id', table_name='builds')
    op.drop_table('builds')
