"""Who may do what at the shop: the role matrix, and a refusal that names the person and their role."""

from __future__ import annotations

import pytest

from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.domain.roles import ALLOWED, Action, Actor, Role, parse_role

A = Action

# The matrix as the shop runs it (DESIGN §2 roles; clerk = receiving, counter = sales and returns,
# technician = service desk, manager = everything). Spelled out cell by cell so a change is deliberate.
MAY = {
    Role.CLERK: {A.RECEIVE, A.ASSEMBLE, A.EDIT_CATALOGUE, A.LOOKUP},
    Role.COUNTER: {A.SELL, A.RETURN, A.EDIT_CUSTOMERS, A.LOOKUP},
    Role.TECHNICIAN: {A.SERVICE, A.ASSEMBLE, A.RESOLVE_RECALL, A.EDIT_CUSTOMERS, A.LOOKUP},
    Role.MANAGER: set(Action),
}


def actor(role: Role, name: str = "Ann") -> Actor:
    return Actor(name=name, role=role, station="till-1")


def test_every_action_has_a_rule() -> None:
    assert set(ALLOWED) == set(Action)


@pytest.mark.parametrize("action", list(Action), ids=str)
def test_a_manager_may_do_everything(action: Action) -> None:
    manager = actor(Role.MANAGER)
    assert manager.may(action)
    manager.require(action)  # does not raise


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_everyone_may_look_up_a_unit(role: Role) -> None:
    assert actor(role).may(Action.LOOKUP)


def test_a_clerk_receives_goods_but_does_not_sell_recall_or_manage_users() -> None:
    clerk = actor(Role.CLERK)
    assert clerk.may(A.RECEIVE)
    assert not clerk.may(A.SELL) and not clerk.may(A.RECALL) and not clerk.may(A.MANAGE_USERS)


def test_the_counter_sells_and_takes_returns_but_does_not_receive() -> None:
    counter = actor(Role.COUNTER)
    assert counter.may(A.SELL) and counter.may(A.RETURN)
    assert not counter.may(A.RECEIVE)


def test_a_technician_works_on_service_tickets_but_neither_sells_nor_receives() -> None:
    technician = actor(Role.TECHNICIAN)
    assert technician.may(A.SERVICE)
    assert not technician.may(A.SELL) and not technician.may(A.RECEIVE)


@pytest.mark.parametrize("action", [A.MANAGE_USERS, A.RECALL], ids=str)
def test_users_and_recalls_are_for_managers_only(action: Action) -> None:
    assert ALLOWED[action] == frozenset({Role.MANAGER})


@pytest.mark.parametrize(
    ("role", "action"), [(r, a) for r in Role for a in Action], ids=lambda v: str(v).replace(" ", "_")
)
def test_the_whole_matrix_cell_by_cell(role: Role, action: Action) -> None:
    assert actor(role).may(action) is (action in MAY[role])


@pytest.mark.parametrize(("role", "action"), [(r, a) for r in Role for a in Action if a not in MAY[r]])
def test_a_refusal_names_the_person_their_role_the_action_and_who_may(role: Role, action: Action) -> None:
    with pytest.raises(PermissionDenied) as err:
        actor(role, name="Bob Jensen").require(action)
    message = err.value.message
    assert "Bob Jensen" in message and role.value in message and action.value in message
    assert all(allowed.value in message for allowed in ALLOWED[action])
    assert err.value.code == "not_allowed" and err.value.details["action"] == action.value


def test_a_refusal_is_a_business_rule_refusal_for_the_cli() -> None:
    with pytest.raises(DomainError) as err:
        actor(Role.CLERK).require(A.SELL)
    assert isinstance(err.value, PermissionDenied) and err.value.exit_code == 3


@pytest.mark.parametrize(
    ("text", "role"), [("manager", Role.MANAGER), (" Clerk ", Role.CLERK), ("COUNTER", Role.COUNTER)]
)
def test_a_role_is_read_whatever_its_case(text: str, role: Role) -> None:
    assert parse_role(text) is role


def test_an_unknown_role_is_refused_listing_the_roles() -> None:
    with pytest.raises(DomainError) as err:
        parse_role("boss")
    assert err.value.code == "bad_role" and "'boss'" in err.value.message
    assert all(role.value in err.value.message for role in Role)
