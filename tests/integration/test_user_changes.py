"""User changes in the services (roles checked there, not in the CLI or GUI) and the audit trail's filters, on
SQLite and PostgreSQL; two managers demoting each other at once leave one manager."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied


def test_only_managers_change_roles_and_the_last_manager_stays(app: App, admin: Services) -> None:
    admin.users.add_user("till1", "counter", "4321")
    till = app.services(app.login("till1", "4321"))
    with pytest.raises(PermissionDenied, match="may not manage users"):
        till.users.set_role("till1", "manager")
    with pytest.raises(PermissionDenied):
        till.users.set_active("admin", False)
    with pytest.raises(DomainError, match="admin is the last active manager") as err:
        admin.users.set_active("admin", False)
    assert err.value.code == "last_manager"
    with pytest.raises(DomainError, match="last active manager"):
        admin.users.set_role("admin", "clerk")
    with pytest.raises(DomainError, match="not a role"):
        admin.users.set_role("till1", "boss")
    with pytest.raises(NotFound):
        admin.users.set_active("ghost", False)
    # a deactivated manager does not count as the one that stays
    admin.users.add_user("boss2", "manager", "2222")
    admin.users.set_active("boss2", False)
    with pytest.raises(DomainError, match="last active manager"):
        admin.users.set_role("admin", "clerk")


def test_the_audit_trail_filters_by_user_kind_and_day(app: App, admin: Services, clock) -> None:  # type: ignore[no-untyped-def]
    admin.users.add_user("till1", "counter", "4321")
    clock.advance(days=2)
    admin.users.set_role("till1", "clerk")
    till = app.services(app.login("till1", "4321"))
    till.users.set_pin("till1", "5555")
    everything = admin.audit.events()
    assert [e.kind for e in everything if e.data.get("user") == "till1"] == ["user_added", "user_changed",
                                                                             "pin_changed"]
    assert [e.kind for e in admin.audit.events(user="TILL1")] == ["pin_changed"]
    assert [e.data["role_to"] for e in admin.audit.events(kind="user_changed")] == ["clerk"]
    day = clock.now.date()
    assert [e.kind for e in admin.audit.events(first=day, last=day)] == ["user_changed", "pin_changed"]
    assert [e.kind for e in admin.audit.events(last=day - timedelta(days=1))] == ["user_added"]
    with pytest.raises(DomainError, match="ends before it starts"):
        admin.audit.events(first=day, last=day - timedelta(days=1))
    with pytest.raises(PermissionDenied, match="may not read the audit trail"):
        till.audit.events()


@pytest.mark.postgres
def test_two_managers_demoting_each_other_at_once_leave_one_manager(pg_url: str, clock) -> None:  # type: ignore[no-untyped-def]
    from serialdesk.config import Settings

    app = App(Settings(db_url=pg_url, user="admin", station="till-1"), clock=clock)
    try:
        admin = app.services(app.actor("admin"))
        admin.users.add_user("boss2", "manager", "2222")
        sides = [app.services(app.login("admin", "1234")), app.services(app.login("boss2", "2222"))]
        for _ in range(5):
            start = threading.Barrier(2)
            outcomes: list[str] = []

            def demote(me: Services, other: str, start: threading.Barrier = start,
                       outcomes: list[str] = outcomes) -> None:
                start.wait()
                try:
                    me.users.set_role(other, "clerk")
                    outcomes.append("done")
                except DomainError as exc:
                    outcomes.append(exc.code)

            threads = [threading.Thread(target=demote, args=(sides[0], "boss2")),
                       threading.Thread(target=demote, args=(sides[1], "admin"))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(outcomes) == ["done", "last_manager"]
            managers = [u.name for u in admin.users.list_users() if u.role == "manager" and u.active]
            assert len(managers) == 1
            for name in ("admin", "boss2"):  # both managers again for the next round
                if name not in managers:
                    app.services(app.actor(managers[0])).users.set_role(name, "manager")
    finally:
        app.close()
