"""The audit trail: every event in the ledger, unit events and the others (users, products, recalls, the
database's own init/backup/restore), filtered by who, what and when. Managers only."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from serialdesk.db.models import Event, Product
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service
from serialdesk.services.dto.audit import AuditEvent


def _start(day: date | datetime) -> datetime:
    if isinstance(day, datetime):
        return day.astimezone(UTC)
    return datetime.combine(day, time.min, tzinfo=UTC)


class AuditService(Service):
    def events(self, *, user: str | None = None, kind: str | None = None, first: date | datetime | None = None,
               last: date | datetime | None = None, limit: int | None = None) -> list[AuditEvent]:
        """Events oldest first. ``first``/``last`` are days (UTC, both inclusive) or moments; ``user`` matches
        any case. Refusals: not_allowed (not a manager), bad_period."""
        self.actor.require(Action.AUDIT)
        query = (select(Event, Product.sku).outerjoin(Product, Product.id == Event.product_id)
                 .order_by(Event.at, Event.id))
        if user:
            query = query.where(func.lower(Event.by_user) == user.strip().lower())
        if kind:
            query = query.where(Event.kind == kind.strip())
        if first is not None and last is not None and _start(last) < _start(first):
            raise DomainError("The period ends before it starts.", code="bad_period")
        if first is not None:
            query = query.where(Event.at >= _start(first))
        if isinstance(last, datetime):
            query = query.where(Event.at <= last.astimezone(UTC))
        elif last is not None:
            query = query.where(Event.at < _start(last) + timedelta(days=1))
        if limit is not None:
            query = query.limit(max(limit, 0))
        with self.uows.reading() as uow:
            return [_view(event, sku) for event, sku in uow.session.execute(query)]

    def record_init(self, data: dict[str, Any]) -> None:
        """The database was created or upgraded by ``init`` (who, from which revision to which)."""
        with self.uows() as uow:
            self.record(uow.session, kind="init", data=data)
            uow.commit()


def _view(e: Event, sku: str | None) -> AuditEvent:
    return AuditEvent(e.id, _aware(e.at), _aware(e.recorded_at), e.by_user, e.station or "", e.kind,
                      f"{e.ref_type} {e.ref_id}" if e.ref_type and e.ref_id is not None else e.ref_type,
                      e.serial, sku, dict(e.data or {}))


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
