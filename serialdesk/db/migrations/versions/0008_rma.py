"""RMAs: claims on the supplier's warranty (credit, replacement or rejection)

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rmas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('claim_no', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.String(length=500), nullable=True),
    sa.Column('credit_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('replacement_item_id', sa.Integer(), nullable=True),
    sa.Column('forced_by', sa.String(length=60), nullable=True),
    sa.Column('opened_by', sa.String(length=60), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_rmas_customer_id_customers')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_rmas_item_id_items')),
    sa.ForeignKeyConstraint(['replacement_item_id'], ['items.id'], name=op.f('fk_rmas_replacement_item_id_items')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'], name=op.f('fk_rmas_supplier_id_suppliers')),
    sa.ForeignKeyConstraint(['ticket_id'], ['service_tickets.id'], name=op.f('fk_rmas_ticket_id_service_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rmas'))
    )
    op.create_index('ix_rmas_item_id', 'rmas', ['item_id'], unique=False)
    op.create_index('ix_rmas_state', 'rmas', ['state'], unique=False)
    op.create_index('ix_rmas_replacement_item_id', 'rmas', ['replacement_item_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_rmas_replacement_item_id', table_name='rmas')
    op.drop_index('ix_rmas_state', table_name='rmas')
    op.drop_index('ix_rmas_item_id', table_name='rmas')
    op.drop_table('rmas')
