"""The item status machine (DESIGN §2): the moves a unit may make, and how a refusal reads at the counter."""

from __future__ import annotations

from collections import deque

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.domain.status import TRANSITIONS, ItemStatus, can_move, check_move, state_phrase

S = ItemStatus
Move = tuple[ItemStatus, ItemStatus]
UNIT = "DRL-0042"

LEGAL = sorted((cur, tgt) for cur, targets in TRANSITIONS.items() for tgt in targets)
ILLEGAL = [(cur, tgt) for cur in ItemStatus for tgt in ItemStatus if (cur, tgt) not in set(LEGAL)]

# DESIGN §2, transcribed move by move so a change to the machine is a deliberate change to the design.
DOCUMENTED = [
    (S.RECEIVING, S.IN_STOCK),
    (S.IN_STOCK, S.SOLD),
    (S.SOLD, S.IN_SERVICE),
    (S.IN_SERVICE, S.SOLD),
    (S.IN_STOCK, S.QUARANTINED),
    (S.IN_STOCK, S.SCRAPPED),
    (S.SOLD, S.RETURNED),
    (S.RETURNED, S.IN_STOCK),
    (S.RETURNED, S.QUARANTINED),
    (S.RETURNED, S.SCRAPPED),
    (S.SOLD, S.RECALLED),
]


def _pair_id(pair: Move) -> str:
    return f"{pair[0].value}->{pair[1].value}"


# --- the shape of the machine -----------------------------------------------------------------------------


def test_the_machine_says_where_every_status_may_go() -> None:
    assert set(TRANSITIONS) == set(ItemStatus)


def test_every_status_has_a_phrase_a_clerk_understands() -> None:
    for status in ItemStatus:
        assert state_phrase(status).strip(), status


@pytest.mark.parametrize("move", DOCUMENTED, ids=_pair_id)
def test_every_move_documented_in_the_design_is_allowed(move: Move) -> None:
    current, target = move
    assert target in TRANSITIONS[current]
    assert check_move(current, target, UNIT) is target


def test_a_scrapped_unit_goes_nowhere() -> None:
    assert TRANSITIONS[S.SCRAPPED] == frozenset()


def test_no_unit_ever_goes_back_onto_a_draft_receipt() -> None:
    assert all(S.RECEIVING not in targets for targets in TRANSITIONS.values())


def test_every_status_can_be_reached_from_where_units_enter_the_shop() -> None:
    # A unit enters on a receipt, or as a customer's own unit (never sold by us) brought in for service.
    entries = {S.RECEIVING, S.CUSTOMER_OWNED}
    seen = set(entries)
    queue = deque(entries)
    while queue:
        for nxt in TRANSITIONS[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    assert seen == set(ItemStatus)


def test_a_unit_never_moves_to_the_status_it_already_has() -> None:
    assert all(status not in TRANSITIONS[status] for status in ItemStatus)


# --- legal moves ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("move", LEGAL, ids=_pair_id)
def test_a_legal_move_returns_the_new_status(move: Move) -> None:
    current, target = move
    assert can_move(current, target)
    result = check_move(current, target, UNIT)
    assert result is target and isinstance(result, ItemStatus)


@pytest.mark.parametrize("move", LEGAL, ids=_pair_id)
def test_a_legal_move_is_accepted_with_statuses_as_stored_text(move: Move) -> None:
    current, target = move
    assert check_move(current.value, target.value, UNIT) is target


# --- illegal moves over the whole grid ----------------------------------------------------------------------


def test_the_grid_is_split_into_legal_and_illegal_moves() -> None:
    assert len(LEGAL) + len(ILLEGAL) == len(ItemStatus) ** 2
    assert ILLEGAL  # a machine that allows everything is no machine


@pytest.mark.parametrize("move", ILLEGAL, ids=_pair_id)
def test_an_illegal_move_is_refused_naming_the_unit_with_a_stable_code(move: Move) -> None:
    current, target = move
    assert not can_move(current, target)
    with pytest.raises(DomainError) as err:
        check_move(current, target, UNIT)
    assert err.value.code == f"cannot_move_{current.value}_to_{target.value}"
    assert UNIT in err.value.message and UNIT in str(err.value)
    assert state_phrase(current) in err.value.message
    assert "cannot be" in err.value.message
    assert err.value.details["unit"] == UNIT and err.value.details["status"] == current.value


@pytest.mark.parametrize("move", ILLEGAL, ids=_pair_id)
def test_an_illegal_move_given_as_stored_text_is_refused_the_same_way(move: Move) -> None:
    current, target = move
    with pytest.raises(DomainError) as err:
        check_move(current.value, target.value, UNIT)
    assert err.value.code == f"cannot_move_{current.value}_to_{target.value}"


def test_illegal_moves_have_distinct_codes() -> None:
    codes = set()
    for current, target in ILLEGAL:
        with pytest.raises(DomainError) as err:
            check_move(current, target, UNIT)
        codes.add(err.value.code)
    assert len(codes) == len(ILLEGAL)


# --- the message --------------------------------------------------------------------------------------------


def test_a_sold_unit_cannot_be_sold_again_and_the_message_names_it() -> None:
    with pytest.raises(DomainError) as err:
        check_move(S.SOLD, S.SOLD, UNIT)
    assert err.value.message == f"Serial {UNIT} was sold — it cannot be sold again."
    assert err.value.code == "cannot_move_sold_to_sold"


def test_the_situation_replaces_the_state_phrase_as_in_the_design_example() -> None:
    with pytest.raises(DomainError) as err:
        check_move(S.SOLD, S.SOLD, UNIT, situation="was sold on 3 Mar to customer C-1042")
    # The sentence DESIGN §2 gives as the model of a refusal a clerk understands.
    assert err.value.message == ("Serial DRL-0042 was sold on 3 Mar to customer C-1042 — it cannot be sold again.")


def test_the_situation_does_not_change_the_code() -> None:
    with pytest.raises(DomainError) as err:
        check_move(S.SCRAPPED, S.SOLD, UNIT, situation="was scrapped on 1 Feb by Ann")
    assert err.value.code == "cannot_move_scrapped_to_sold"
    assert "was scrapped on 1 Feb by Ann" in err.value.message
    assert state_phrase(S.SCRAPPED) + " —" not in err.value.message


def test_a_unit_still_on_a_draft_receipt_cannot_be_sold_and_the_message_says_why() -> None:
    with pytest.raises(DomainError) as err:
        check_move(S.RECEIVING, S.SOLD, "SN-7")
    assert err.value.message == ("Serial SN-7 is still on a draft receipt (not yet posted) — it cannot be sold.")
