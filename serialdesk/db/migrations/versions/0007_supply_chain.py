"""the supply chain: locations (every unit in one), transfers, purchase orders with expected serials

Revision ID: 0007
Revises: 0005 (the lead re-chains it after 0006)
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The two locations every shop has (their ids are relied on: models/supply.py DEFAULT_/TRANSIT_LOCATION_ID).
SHOP_FLOOR, IN_TRANSIT = 1, 2


def upgrade() -> None:
    locations = op.create_table('locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('branch', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_locations')),
    sa.UniqueConstraint('name', name=op.f('uq_locations_name'))
    )
    op.execute(f"INSERT INTO locations (id, name, kind, branch, active, created_at) VALUES "
               f"({SHOP_FLOOR}, 'Shop floor', 'store', '', true, CURRENT_TIMESTAMP), "
               f"({IN_TRANSIT}, 'In transit', 'transit', '', true, CURRENT_TIMESTAMP)")
    if op.get_bind().dialect.name == 'postgresql':  # rows inserted with explicit ids
        op.execute("SELECT setval(pg_get_serial_sequence('locations', 'id'), 2)")
    op.create_table('transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=False),
    sa.Column('to_location_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_by', sa.String(length=60), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=60), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['from_location_id'], ['locations.id'],
                            name=op.f('fk_transfers_from_location_id_locations')),
    sa.ForeignKeyConstraint(['to_location_id'], ['locations.id'], name=op.f('fk_transfers_to_location_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers'))
    )
    op.create_index('ix_transfers_status', 'transfers', ['status'], unique=False)
    op.create_table('transfer_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('transfer_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_by', sa.String(length=60), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('received_by', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['from_location_id'], ['locations.id'],
                            name=op.f('fk_transfer_lines_from_location_id_locations')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_transfer_lines_item_id_items')),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfers.id'], name=op.f('fk_transfer_lines_transfer_id_transfers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer_lines')),
    sa.UniqueConstraint('transfer_id', 'item_id', name=op.f('uq_transfer_lines_transfer_id_item_id'))
    )
    op.create_index('ix_transfer_lines_item_id', 'transfer_lines', ['item_id'], unique=False)
    op.create_table('purchase_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'], name=op.f('fk_purchase_orders_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_orders'))
    )
    op.create_index('ix_purchase_orders_status', 'purchase_orders', ['status'], unique=False)
    op.create_table('purchase_order_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_purchase_order_lines_po_id_purchase_orders')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_purchase_order_lines_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order_lines'))
    )
    op.create_index('ix_purchase_order_lines_po_id', 'purchase_order_lines', ['po_id'], unique=False)
    op.create_table('expected_serials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=False),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_expected_serials_item_id_items'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_expected_serials_po_id_purchase_orders')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_expected_serials_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expected_serials')),
    sa.UniqueConstraint('po_id', 'product_id', 'serial', name=op.f('uq_expected_serials_po_id_product_id_serial'))
    )
    op.create_index('ix_expected_serials_product_serial', 'expected_serials', ['product_id', 'serial'], unique=False)
    op.create_table('purchase_receipts',
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_purchase_receipts_po_id_purchase_orders')),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipts.id'], name=op.f('fk_purchase_receipts_receipt_id_receipts')),
    sa.PrimaryKeyConstraint('receipt_id', name=op.f('pk_purchase_receipts'))
    )
    op.create_index(op.f('ix_purchase_receipts_po_id'), 'purchase_receipts', ['po_id'], unique=False)
    # Not in batch mode: SQLite adds a column in place (a REFERENCES column may be added while its default is
    # NULL), and copying `items` would trip the foreign keys of every table that refers to it.
    _add_location_column('items')
    op.create_index('ix_items_location_id', 'items', ['location_id'], unique=False)
    _add_location_column('receipts')
    # Every unit the shop had is on the shop floor; a unit imported with a place named keeps that place.
    bind = op.get_bind()
    named = [row[0] for row in bind.execute(sa.text(
        "SELECT DISTINCT location FROM items WHERE location IS NOT NULL AND location <> '' "
        "AND location <> 'customer' ORDER BY location"))]
    for name in named:
        clean = ' '.join(name.split())[:60]
        found = bind.execute(sa.text("SELECT id FROM locations WHERE name = :n"), {'n': clean}).scalar()
        if found is None:
            bind.execute(sa.text("INSERT INTO locations (name, kind, branch, active, created_at) "
                                 "VALUES (:n, 'store', '', :a, CURRENT_TIMESTAMP)"), {'n': clean, 'a': True})
            found = bind.execute(sa.text("SELECT id FROM locations WHERE name = :n"), {'n': clean}).scalar()
        bind.execute(sa.text("UPDATE items SET location_id = :l WHERE location = :n"), {'l': found, 'n': name})
    op.execute(f"UPDATE items SET location_id = {SHOP_FLOOR} WHERE location_id IS NULL")
    op.execute(f"UPDATE receipts SET location_id = {SHOP_FLOOR} WHERE status = 'posted'")


def _add_location_column(table: str) -> None:
    """Not in batch mode: SQLite adds a column in place (a REFERENCES column may be added while its default is
    NULL), and copying `items` would trip the foreign keys of every table that refers to it."""
    name = f'fk_{table}_location_id_locations'
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(f'ALTER TABLE {table} ADD COLUMN location_id INTEGER CONSTRAINT {name} REFERENCES locations (id)')
    else:
        op.add_column(table, sa.Column('location_id', sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, 'locations', ['location_id'], ['id'])


def downgrade() -> None:
    op.drop_column('receipts', 'location_id')  # in place (SQLite ≥ 3.35), as it was added
    op.drop_index('ix_items_location_id', table_name='items')
    op.drop_column('items', 'location_id')
    op.drop_index(op.f('ix_purchase_receipts_po_id'), table_name='purchase_receipts')
    op.drop_table('purchase_receipts')
    op.drop_index('ix_expected_serials_product_serial', table_name='expected_serials')
    op.drop_table('expected_serials')
    op.drop_index('ix_purchase_order_lines_po_id', table_name='purchase_order_lines')
    op.drop_table('purchase_order_lines')
    op.drop_index('ix_purchase_orders_status', table_name='purchase_orders')
    op.drop_table('purchase_orders')
    op.drop_index('ix_transfer_lines_item_id', table_name='transfer_lines')
    op.drop_table('transfer_lines')
    op.drop_index('ix_transfers_status', table_name='transfers')
    op.drop_table('transfers')
    op.drop_table('locations')
