"""paperwork (issue 18): the shop profile, gapless receipt and credit numbers, tax rates, payments, discounts

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

PERCENT = sa.Numeric(precision=5, scale=2)
MONEY = sa.Numeric(precision=12, scale=2)


def upgrade() -> None:
    op.create_table('shop_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('vat_number', sa.String(length=60), nullable=False),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_type', sa.String(length=16), nullable=False),
    sa.Column('receipt_footer', sa.Text(), nullable=False),
    sa.Column('repair_terms', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('prices_include_tax', sa.Boolean(), nullable=False),
    sa.Column('rate_standard', PERCENT, nullable=False),
    sa.Column('rate_reduced', PERCENT, nullable=False),
    sa.Column('rate_zero', PERCENT, nullable=False),
    sa.Column('counter_discount_limit', PERCENT, nullable=False),
    sa.Column('updated_by', sa.String(length=60), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shop_profile'))
    )
    # The one profile row exists from the start (its id is relied on: models/shop.py SHOP_PROFILE_ID), so two
    # stations saving the profile at once both update it rather than race to create it.
    op.execute("INSERT INTO shop_profile (id, name, address, phone, email, vat_number, logo_type, receipt_footer, "
               "repair_terms, language, currency, prices_include_tax, rate_standard, rate_reduced, rate_zero, "
               "counter_discount_limit, updated_by, updated_at) VALUES (1, '', '', '', '', '', '', '', '', 'en', "
               "'EUR', true, 20, 10, 0, 10, '', CURRENT_TIMESTAMP)")
    counters = op.create_table('document_counters',
    sa.Column('series', sa.String(length=16), nullable=False),
    sa.Column('next_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('series', name=op.f('pk_document_counters'))
    )
    op.bulk_insert(counters, [{'series': 'receipt', 'next_value': 1}, {'series': 'credit', 'next_value': 1}])
    op.create_table('sale_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount', MONEY, nullable=False),
    sa.Column('tendered', MONEY, nullable=False),
    sa.Column('change', MONEY, nullable=False),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_sale_payments_sale_id_sales')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale_payments'))
    )
    op.create_index('ix_sale_payments_sale_id', 'sale_payments', ['sale_id'], unique=False)
    # Plain ADD COLUMNs and unique indexes, never a batch copy: SQLite cannot drop and recreate sales,
    # sale_lines or returns while other tables' foreign keys point at their rows.
    op.add_column('products', sa.Column('tax_rate', sa.String(length=16), nullable=False,
                                        server_default='standard'))
    op.add_column('sales', sa.Column('receipt_no', sa.Integer(), nullable=True))
    op.add_column('sales', sa.Column('currency', sa.String(length=3), nullable=True))
    op.add_column('sales', sa.Column('prices_include_tax', sa.Boolean(), nullable=True))
    op.create_index('uq_sales_receipt_no', 'sales', ['receipt_no'], unique=True)
    op.add_column('sale_lines', sa.Column('tax_rate', sa.String(length=16), nullable=True))
    op.add_column('sale_lines', sa.Column('tax_percent', PERCENT, nullable=True))
    op.add_column('sale_lines', sa.Column('list_price', MONEY, nullable=True))
    op.add_column('sale_lines', sa.Column('discount', MONEY, nullable=False, server_default='0'))
    op.add_column('sale_lines', sa.Column('discount_reason', sa.String(length=200), nullable=True))
    op.add_column('service_tickets', sa.Column('accessories', sa.String(length=500), nullable=True))
    op.add_column('service_tickets', sa.Column('estimate', MONEY, nullable=True))
    op.add_column('service_tickets', sa.Column('charge', MONEY, nullable=True))
    op.add_column('returns', sa.Column('credit_no', sa.Integer(), nullable=True))
    op.create_index('uq_returns_credit_no', 'returns', ['credit_no'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_returns_credit_no', table_name='returns')
    op.drop_index('uq_sales_receipt_no', table_name='sales')
    for table, columns in (('returns', ('credit_no',)), ('service_tickets', ('charge', 'estimate', 'accessories')),
                           ('sale_lines', ('discount_reason', 'discount', 'list_price', 'tax_percent', 'tax_rate')),
                           ('sales', ('prices_include_tax', 'currency', 'receipt_no')), ('products', ('tax_rate',))):
        for column in columns:
            op.drop_column(table, column)
    op.drop_index('ix_sale_payments_sale_id', table_name='sale_payments')
    op.drop_table('sale_payments')
    op.drop_table('document_counters')
    op.drop_table('shop_profile')
