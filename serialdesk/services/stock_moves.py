"""Units moving inside the shop: quarantine, release, scrap, and RMA — sent back to the supplier and back."""

from __future__ import annotations

from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.status import check_move as _check
from serialdesk.domain.text import refuse_control
from serialdesk.services.common import Service, one_item
from serialdesk.services.dto import ItemPassport
from serialdesk.services.known_units import refuse_claimed, refuse_sent_on_claim, where_is
from serialdesk.services.locations import refuse_in_transit
from serialdesk.services.lookup import LookupService
from serialdesk.services.parts import within_of
from serialdesk.services.recall_holds import refuse_held
from serialdesk.services.timeline import action_for

S = ItemStatus
BACK_TO = {"stock": S.IN_STOCK, "scrap": S.SCRAPPED}


class StockMoveService(Service):
    """Each call moves one unit, records why in its ledger, and returns the unit's passport."""

    def quarantine(self, serial: str, reason: str, *, sku: str | None = None) -> ItemPassport:
        """Set a unit in stock aside (suspected fault, recall check): it can no longer be sold."""
        return self._move(serial, sku, S.QUARANTINED, "quarantined", reason)

    def release(self, serial: str, reason: str = "checked, fine", *, sku: str | None = None) -> ItemPassport:
        """A quarantined unit passed inspection: back on the shelf."""
        return self._move(serial, sku, S.IN_STOCK, "released", reason, only_from=S.QUARANTINED, held="released")

    def scrap(self, serial: str, reason: str, *, sku: str | None = None) -> ItemPassport:
        """Write a unit off (damaged, beyond repair)."""
        return self._move(serial, sku, S.SCRAPPED, "scrapped", reason)

    def send_to_supplier(self, serial: str, reason: str, *, sku: str | None = None) -> ItemPassport:
        """RMA: the unit goes back to its supplier for repair, replacement or credit."""
        return self._move(serial, sku, S.AT_SUPPLIER, "sent_to_supplier", reason)

    def back_from_supplier(self, serial: str, to: str, reason: str = "", *, sku: str | None = None) -> ItemPassport:
        """The supplier sent the unit back repaired (``to='stock'``) or wrote it off (``to='scrap'``)."""
        target = BACK_TO.get(to.strip().lower())
        if target is None:
            raise DomainError(f"'{to}' is not a choice here; use stock or scrap.", code="bad_disposition")
        return self._move(serial, sku, target, "back_from_supplier", reason or f"back from supplier → {to}",
                          only_from=S.AT_SUPPLIER, held="put back into stock" if target is S.IN_STOCK else None)

    def _move(self, serial: str, sku: str | None, target: ItemStatus, kind: str, reason: str,
              only_from: ItemStatus | None = None, held: str | None = None) -> ItemPassport:
        self.actor.require(Action.RECEIVE)
        refuse_control(reason, "reason")
        if not reason.strip():
            raise DomainError("Say why (it is kept in the unit's history).", code="reason_required")
        with self.uows() as uow:
            s = uow.session
            item, product = one_item(s, serial, sku)
            before = item.status
            self.fits(s, [item.id], self.clock(), action_for(kind))
            if only_from is not None and before != only_from.value:
                raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — this is only for a unit "
                                  f"that {_PHRASE[only_from]}.", code=f"not_{only_from.value}")
            refuse_in_transit(s, [(item, product)], _DOING[kind])  # on a transfer between locations (issue 15)
            if kind == "back_from_supplier":  # the supplier's answer to a claim is recorded on the claim
                refuse_sent_on_claim(s, item)
            elif kind in ("scrapped", "sent_to_supplier"):  # set aside (quarantine) while claimed is fine
                refuse_claimed(s, [(item, product)], _DOING[kind])
            if before == S.FITTED.value:  # it leaves its host only by a disassembly or a ticket's swap
                host = within_of(s, [item.id]).get(item.id, ())
                named = host[0].label if host else "another unit"
                raise DomainError(f"Serial {item.serial} is fitted in {named} — it cannot be {_DOING[kind]} on its "
                                  f"own: take it out first (disassemble {named}, or swap it out on a service "
                                  "ticket).", code="part_fitted", serial=item.serial)
            if held:  # a unit on an open recall stays out of stock until its recall line is resolved
                refuse_held(s, [(item.id, item.serial)], held)
            item.status = _check(before, target, item.serial, where_is(s, item, product)).value
            self.record(s, kind=kind, item_id=item.id, product_id=product.id, serial=item.serial,
                        status_from=before, status_to=item.status, data={"reason": reason.strip()})
            uow.commit()
            return LookupService(self.uows, self.actor, self.clock).passport_of(s, item, product)


_DOING = {"quarantined": "quarantined", "released": "released", "scrapped": "scrapped",
          "sent_to_supplier": "sent back to the supplier", "back_from_supplier": "taken back from the supplier"}
_PHRASE = {S.QUARANTINED: "is in quarantine", S.AT_SUPPLIER: "is with the supplier"}
