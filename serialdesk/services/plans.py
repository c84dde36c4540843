"""Statement shapes whose plans do not depend on the planner's statistics (issue 17).

PostgreSQL without statistics (a fresh shop, autovacuum off) guesses a receipt's lines at a share of the table
and reads ``items`` or ``events`` whole for ``… WHERE id IN (SELECT item_id FROM receipt_lines …)``. Gathering
the ids into one array first (an InitPlan, run once) and looking them up with ``= ANY(array)`` leaves it only
the index. SQLite plans the plain ``IN (SELECT …)`` from its indexes as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, any_, bindparam, cast, func, select
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


def among_ids(session: Session, column: Any, ids: Sequence[int]) -> Iterable[ColumnElement[bool]]:
    """Conditions "``column`` is one of ``ids``", as few as the backend allows: one array parameter on
    PostgreSQL (one statement whatever the count, and one SQL text the driver prepares once — an IN list of 500
    placeholders costs more to build and parse than the lookups it asks for), IN lists of 500 on SQLite."""
    if not ids:
        return
    if session.get_bind().dialect.name == "postgresql":
        yield column == any_(bindparam("among_ids", list(ids), type_=ARRAY(Integer), unique=True))
        return
    for start in range(0, len(ids), 500):
        yield column.in_(ids[start : start + 500])
