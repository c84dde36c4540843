"""Who may do what. Services check these on every call; the GUI only uses them to grey out actions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from serialdesk.domain.errors import DomainError, PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"  # receiving
    COUNTER = "counter"  # sales and returns
    TECHNICIAN = "technician"  # service desk
    MANAGER = "manager"  # everything, including users and recalls


class Action(StrEnum):
    MANAGE_USERS = "manage users"
    EDIT_CATALOGUE = "add or change products and suppliers"
    EDIT_CUSTOMERS = "add or change customers"
    RECEIVE = "receive goods"
    ASSEMBLE = "build units from parts"
    SELL = "sell units"
    RETURN = "take back returns"
    SERVICE = "work on service tickets"
    RECALL = "start a recall"
    RESOLVE_RECALL = "resolve a recalled unit"
    REPORTS = "see reports"
    LOOKUP = "look up units"
    MAINTAIN = "back up or restore the database"
    AUDIT = "read the audit trail"


R = Role
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.MANAGE_USERS: frozenset({R.MANAGER}),
    Action.EDIT_CATALOGUE: frozenset({R.MANAGER, R.CLERK}),
    Action.EDIT_CUSTOMERS: frozenset({R.MANAGER, R.COUNTER, R.TECHNICIAN}),
    Action.RECEIVE: frozenset({R.MANAGER, R.CLERK}),
    # Building a unit from parts (and taking one apart at the bench): receiving's clerks and the workshop's.
    Action.ASSEMBLE: frozenset({R.MANAGER, R.CLERK, R.TECHNICIAN}),
    Action.SELL: frozenset({R.MANAGER, R.COUNTER}),
    Action.RETURN: frozenset({R.MANAGER, R.COUNTER}),
    Action.SERVICE: frozenset({R.MANAGER, R.TECHNICIAN}),
    Action.RECALL: frozenset({R.MANAGER}),
    # Clearing a recalled unit for sale is an inspection: a technician's or a manager's word.
    Action.RESOLVE_RECALL: frozenset({R.MANAGER, R.TECHNICIAN}),
    Action.REPORTS: frozenset({R.MANAGER}),
    Action.LOOKUP: frozenset(Role),
    Action.MAINTAIN: frozenset({R.MANAGER}),
    Action.AUDIT: frozenset({R.MANAGER}),
}


@dataclass(frozen=True)
class Actor:
    """The person at the station, as the services see them."""

    name: str
    role: Role
    station: str = ""
    location: str = ""  # where this station receives units, a location's name ("" = the shop floor)

    def may(self, action: Action) -> bool:
        return self.role in ALLOWED[action]

    def require(self, action: Action) -> None:
        if not self.may(action):
            who = " or ".join(sorted(r.value for r in ALLOWED[action]))
            raise PermissionDenied(
                f"{self.name} is signed in as {self.role.value} and may not {action.value} "
                f"(needs {who}).",
                action=action.value,
            )


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise DomainError(f"'{text}' is not a role; choose one of {roles}.", code="bad_role") from None
