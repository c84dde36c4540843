"""recall holds and resolutions, product parts (slots), removed parts we never had, GS1-safe serials

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('product_parts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('part_product_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['part_product_id'], ['products.id'],
                            name=op.f('fk_product_parts_part_product_id_products')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_parts_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_parts')),
    sa.UniqueConstraint('product_id', 'part_product_id', name=op.f('uq_product_parts_product_id_part_product_id'))
    )
    # Not in batch mode: SQLite adds a column in place, and copying `products` would trip the foreign keys of
    # every table that refers to it.
    op.add_column('products', sa.Column('serial_gs1_safe', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('recall_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resolved_by', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('note', sa.String(length=500), nullable=True))
    with op.batch_alter_table('part_swaps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_product_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('removed_serial', sa.String(length=64), nullable=True))
        batch_op.alter_column('removed_item_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_part_swaps_removed_product_id_products'), 'products',
                                    ['removed_product_id'], ['id'])


def downgrade() -> None:
    # The older schema cannot hold a removed part that is no unit of ours.
    op.execute("DELETE FROM part_swaps WHERE removed_item_id IS NULL")
    with op.batch_alter_table('part_swaps', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_part_swaps_removed_product_id_products'), type_='foreignkey')
        batch_op.alter_column('removed_item_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('removed_serial')
        batch_op.drop_column('removed_product_id')
    with op.batch_alter_table('recall_items', schema=None) as batch_op:
        batch_op.drop_column('note')
        batch_op.drop_column('resolved_by')
    op.drop_column('products', 'serial_gs1_safe')  # in place (SQLite ≥ 3.35), as it was added
    op.drop_table('product_parts')
