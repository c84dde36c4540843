"""Statement shapes whose plans do not depend on the planner's statistics (issue 17).

PostgreSQL without statistics (a fresh shop, autovacuum off) guesses a receipt's lines at a share of the table
and reads ``items`` or ``events`` whole for ``… WHERE id IN (SELECT item_id FROM receipt_lines …)``. Gathering
the ids into one array first (an InitPlan, run once) and looking them up with ``= ANY(array)`` leaves it only
the index. SQLite plans the plain ``IN (SELECT …)`` from its indexes as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, any_, cast, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session


def among(s: Session, column: ColumnElement[Any] | InstrumentedAttribute[Any], ids: Select[Any]) -> ColumnElement[bool]:
    """``column IN (ids)``, as an index lookup on both backends whatever the statistics say."""
    if s.get_bind().dialect.name != "postgresql":
        return column.in_(ids)
    listed = ids.subquery()
    gathered = select(func.array_agg(listed.c[0])).scalar_subquery()
    # The CAST makes it an array expression: ``= ANY ((SELECT …))`` alone would still be read as a subquery.
    return column == any_(cast(gathered, ARRAY(Integer)))
