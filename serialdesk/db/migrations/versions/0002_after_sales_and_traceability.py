"""after-sales and traceability

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:01:07.613994
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('recalls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('criteria', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('reason', sa.String(length=2000), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_recalls_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recalls'))
    )
    op.create_table('recall_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('status_at_recall', sa.String(length=16), nullable=False),
    sa.Column('contacted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=500), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_recall_items_customer_id_customers')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_recall_items_item_id_items')),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_items_recall_id_recalls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_items'))
    )
    with op.batch_alter_table('recall_items', schema=None) as batch_op:
        batch_op.create_index('ix_recall_items_item_id', ['item_id'], unique=False)
        batch_op.create_index('ix_recall_items_recall_id', ['recall_id'], unique=False)

    op.create_table('service_tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('problem', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('sold_by_us', sa.Boolean(), nullable=False),
    sa.Column('warranty_claim', sa.Boolean(), nullable=False),
    sa.Column('warranty_override_by', sa.String(length=60), nullable=True),
    sa.Column('opened_by', sa.String(length=60), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_service_tickets_customer_id_customers')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_service_tickets_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_tickets'))
    )
    with op.batch_alter_table('service_tickets', schema=None) as batch_op:
        batch_op.create_index('ix_service_tickets_item_id', ['item_id'], unique=False)
        batch_op.create_index('ix_service_tickets_status', ['status'], unique=False)

    op.create_table('part_swaps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('removed_item_id', sa.Integer(), nullable=False),
    sa.Column('fitted_item_id', sa.Integer(), nullable=False),
    sa.Column('by_user', sa.String(length=60), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['fitted_item_id'], ['items.id'], name=op.f('fk_part_swaps_fitted_item_id_items')),
    sa.ForeignKeyConstraint(['removed_item_id'], ['items.id'], name=op.f('fk_part_swaps_removed_item_id_items')),
    sa.ForeignKeyConstraint(['ticket_id'], ['service_tickets.id'], name=op.f('fk_part_swaps_ticket_id_service_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part_swaps'))
    )
    with op.batch_alter_table('part_swaps', schema=None) as batch_op:
        batch_op.create_index('ix_part_swaps_ticket_id', ['ticket_id'], unique=False)

    op.create_table('work_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=2000), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('by_user', sa.String(length=60), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['service_tickets.id'], name=op.f('fk_work_logs_ticket_id_service_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_logs'))
    )
    with op.batch_alter_table('work_logs', schema=None) as batch_op:
        batch_op.create_index('ix_work_logs_ticket_id', ['ticket_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_from', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('status_to', sa.String(length=16), nullable=True))

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('supplier_warranty_months', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('repair_extension_months', sa.Integer(), server_default='0', nullable=False))

    _backfill_status_moves()


# The status moves that revision 0001's events made, so stock value on past days can be computed from the ledger.
_MOVES = {"scanned": (None, "receiving"), "received": ("receiving", "in_stock"), "sold": ("in_stock", "sold")}
_DISPOSITION = {"stock": "in_stock", "quarantine": "quarantined", "scrap": "scrapped"}


def _backfill_status_moves() -> None:
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                      sa.column("status_from", sa.String), sa.column("status_to", sa.String),
                      sa.column("data", sa.JSON))
    for kind, (before, after) in _MOVES.items():
        op.execute(events.update().where(events.c.kind == kind).values(status_from=before, status_to=after))
    conn = op.get_bind()
    for event_id, data in conn.execute(sa.select(events.c.id, events.c.data).where(events.c.kind == "returned")):
        target = _DISPOSITION.get((data or {}).get("disposition", ""))
        conn.execute(events.update().where(events.c.id == event_id).values(status_from="sold", status_to=target))



def downgrade() -> None:

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_column('repair_extension_months')
        batch_op.drop_column('supplier_warranty_months')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('status_to')
        batch_op.drop_column('status_from')

    with op.batch_alter_table('work_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_work_logs_ticket_id')

    op.drop_table('work_logs')
    with op.batch_alter_table('part_swaps', schema=None) as batch_op:
        batch_op.drop_index('ix_part_swaps_ticket_id')

    op.drop_table('part_swaps')
    with op.batch_alter_table('service_tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_service_tickets_status')
        batch_op.drop_index('ix_service_tickets_item_id')

    op.drop_table('service_tickets')
    with op.batch_alter_table('recall_items', schema=None) as batch_op:
        batch_op.drop_index('ix_recall_items_recall_id')
        batch_op.drop_index('ix_recall_items_item_id')

    op.drop_table('recall_items')
    op.drop_table('recalls')

