"""the shop's SMTP server for e-mailed receipts and recall letters (issue 18 §5); the password is never here

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_COLUMNS = (('smtp_host', sa.String(length=200), ''), ('smtp_port', sa.Integer(), '0'),
            ('smtp_tls', sa.String(length=16), 'starttls'), ('smtp_user', sa.String(length=200), ''),
            ('smtp_sender', sa.String(length=200), ''))


def upgrade() -> None:
    # Plain ADD COLUMNs with a server default (the one profile row gets them): no table rebuild.
    for name, kind, default in _COLUMNS:
        op.add_column('shop_profile', sa.Column(name, kind, nullable=False, server_default=default))


def downgrade() -> None:
    for name, _kind, _default in reversed(_COLUMNS):
        op.drop_column('shop_profile', name)
