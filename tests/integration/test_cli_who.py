"""Issue 12 finding 4, "anyone is the manager": the command line signs in with a PIN as the GUI does, users can be
changed and deactivated, and every event — about a unit or not — can be read back. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from serialdesk.bootstrap import App
from serialdesk.commands.context import PIN_FREE
from serialdesk.config import Settings
from serialdesk.domain.errors import PermissionDenied
from tests.integration.test_cli import as_json, run


def test_without_a_pin_nobody_can_make_themselves_a_manager(db_url: str) -> None:
    refused = run(db_url, "--user", "admin", "user", "add", "mallory", "--role", "manager", "--pin", "9999",
                  pin=None, check=2)
    assert "PIN required for admin" in refused.stderr
    wrong = run(db_url, "user", "add", "mallory", "--role", "manager", "--pin", "9999", pin="9999", check=3)
    assert "Wrong user name or PIN" in wrong.stderr and "Traceback" not in wrong.stderr
    users = as_json(run(db_url, "user", "list", "--json"))
    assert [u["name"] for u in users] == ["admin"]
    # customers' data needs a PIN too; reading the catalogue and stock does not
    assert "PIN required for admin" in run(db_url, "customer", "find", "x", pin=None, check=2).stderr
    run(db_url, "report", "stock", pin=None)
    run(db_url, "product", "list", "--json", pin=None)
    assert "not a product this shop knows" in run(db_url, "parse-scan", "SN-1", pin=None, check=3).stderr


def test_three_wrong_pins_lock_the_command_line_out_too(db_url: str) -> None:
    run(db_url, "user", "add", "boss2", "--role", "manager", "--pin", "2222")
    for _ in range(3):
        run(db_url, "user", "list", pin="0000", check=3)
    locked = run(db_url, "user", "list", pin="1234", check=3)  # even the right PIN waits
    assert "Too many wrong PINs for admin" in locked.stderr
    failed = as_json(run(db_url, "--user", "boss2", "audit", "--kind", "login_failed", "--json", pin="2222"))
    assert [e["user"] for e in failed] == ["admin"] * 3


def test_the_pin_can_come_on_standard_input(db_url: str) -> None:
    shown = as_json(run(db_url, "--pin-stdin", "user", "list", "--json", pin=None, stdin="1234\n"))
    assert shown[0]["name"] == "admin"
    assert "PIN required" in run(db_url, "user", "list", "--pin-stdin", pin=None, stdin="", check=2).stderr


def test_pins_roles_and_deactivation_are_managed_and_audited(db_url: str) -> None:
    run(db_url, "user", "add", "clerk1", "--role", "clerk", "--pin", "1111")
    run(db_url, "user", "add", "boss2", "--role", "manager", "--pin", "2222")
    # your own PIN, with your old one; someone else's only as a manager
    run(db_url, "user", "pin", "clerk1", "--new-pin", "3333", user="clerk1", pin="1111")
    run(db_url, "user", "list", user="clerk1", pin="1111", check=3)  # the old PIN no longer signs in
    refused = run(db_url, "user", "pin", "admin", "--new-pin", "0000", user="clerk1", pin="3333", check=3)
    assert "may not manage users" in refused.stderr
    run(db_url, "user", "role", "clerk1", "--role", "counter", user="clerk1", pin="3333", check=3)
    assert as_json(run(db_url, "user", "role", "clerk1", "--role", "counter", "--json"))["role"] == "counter"
    # a deactivated user cannot sign in, on the command line or in the GUI (the same service)
    assert as_json(run(db_url, "user", "deactivate", "clerk1", "--json"))["active"] is False
    assert "Wrong user name or PIN" in run(db_url, "lookup", "X", user="clerk1", pin="3333", check=3).stderr
    app = App(Settings(db_url=db_url, user="admin", station="till-1"))
    try:
        with pytest.raises(PermissionDenied, match="Wrong user name or PIN"):
            app.login("clerk1", "3333")
    finally:
        app.close()
    # the last active manager stays one
    run(db_url, "user", "deactivate", "admin", user="boss2", pin="2222")
    last = run(db_url, "user", "deactivate", "boss2", user="boss2", pin="2222", check=3)
    assert "boss2 is the last active manager" in last.stderr
    assert "last active manager" in run(db_url, "user", "role", "boss2", "--role", "clerk", user="boss2",
                                        pin="2222", check=3).stderr
    assert "Wrong user name or PIN" in run(db_url, "user", "list", check=3).stderr  # admin is out now
    run(db_url, "user", "activate", "admin", user="boss2", pin="2222")

    trail = as_json(run(db_url, "audit", "--json"))
    kinds = [e["kind"] for e in trail]
    for kind in ("user_added", "pin_changed", "user_changed", "user_deactivated", "user_activated", "login_failed"):
        assert kind in kinds, kinds
    changed = next(e for e in trail if e["kind"] == "user_changed")
    assert changed["user"] == "admin" and changed["data"] == {"user": "clerk1", "role_from": "clerk",
                                                              "role_to": "counter"}
    for event in trail:
        assert {"at", "recorded_at", "user", "station", "kind", "ref", "serial", "sku", "data"} <= set(event)
        assert datetime.fromisoformat(event["recorded_at"]) and datetime.fromisoformat(event["at"])
    by_boss = as_json(run(db_url, "--user", "admin", "audit", "--user", "BOSS2", "--json"))
    assert [(e["user"], e["kind"]) for e in by_boss] == [("boss2", "user_deactivated"), ("boss2", "user_activated")]
    assert [e["kind"] for e in as_json(run(db_url, "audit", "--kind", "user_deactivated", "--json"))] == [
        "user_deactivated", "user_deactivated"]
    today = datetime.now(UTC).date()
    assert as_json(run(db_url, "audit", "--from", str(today - timedelta(days=1)), "--to", str(today), "--json"))
    assert as_json(run(db_url, "audit", "--to", str(today - timedelta(days=1)), "--json")) == []
    run(db_url, "user", "role", "boss2", "--role", "clerk")
    assert "may not read the audit trail" in run(db_url, "audit", user="boss2", pin="2222", check=3).stderr


def test_audit_lists_products_recalls_and_unit_events_with_their_references(db_url: str) -> None:
    run(db_url, "product", "add", "DRL-18V", "--name", "Drill")
    run(db_url, "supplier", "add", "Makita Europe")
    run(db_url, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "SN001")
    run(db_url, "recall", "--sku", "DRL-18V", "--reason", "battery may overheat")
    trail = as_json(run(db_url, "audit", "--json"))
    added = next(e for e in trail if e["kind"] == "product_added")
    assert added["user"] == "admin" and added["station"]
    received = [e for e in trail if e["serial"] == "SN001"]
    assert received and received[0]["sku"] == "DRL-18V" and received[0]["ref"].startswith("receipt ")
    started = next(e for e in trail if e["kind"] == "recall_started")
    assert started["ref"] == "recall 1" and started["sku"] == "DRL-18V" and started["serial"] is None
    assert started["data"] == {"reason": "battery may overheat", "units": 1}


def test_init_creates_the_manager_audited_and_an_existing_shop_needs_a_managers_pin(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "shop.db")
    created = as_json(run(db, "init", "--admin-pin", "1234", "--json", pin=None))
    assert created["admin_created"] is True
    trail = as_json(run(db, "audit", "--json"))
    assert [(e["kind"], e["user"]) for e in trail] == [("user_added", "admin"), ("init", "admin")]
    assert trail[1]["data"]["from_revision"] is None and trail[1]["data"]["to_revision"]
    assert trail[0]["data"]["user"] == "admin" and trail[0]["data"]["role"] == "manager"
    # upgrading a shop that has people in it: a manager, signed in
    assert "PIN required for admin" in run(db, "init", pin=None, check=2).stderr
    run(db, "user", "add", "clerk1", "--role", "clerk", "--pin", "1111")
    assert "may not back up or restore" in run(db, "init", user="clerk1", pin="1111", check=3).stderr
    run(db, "init")  # nothing to change: nothing more in the trail
    assert [e["kind"] for e in as_json(run(db, "audit", "--json"))].count("init") == 1
    assert "PIN required for admin" in run(db, "demo", "--items", "10", pin=None, check=2).stderr


def test_an_account_without_a_pin_takes_the_first_one_given_on_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "shop.db")
    run(db, "init", pin=None)  # no --admin-pin, no terminal: admin sets it at the first sign-in
    run(db, "user", "list", pin="2468")
    assert "Wrong user name or PIN" in run(db, "user", "list", pin="1234", check=3).stderr
    kinds = [e["kind"] for e in as_json(run(db, "audit", "--json", pin="2468"))]
    assert "pin_set_at_first_login" in kinds


def test_the_pin_free_commands_are_real_handlers() -> None:
    from serialdesk.cli import build_parser

    parser = build_parser()
    handlers = set()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for sub in action.choices.values():
            stack = [sub]
            while stack:
                p = stack.pop()
                if (h := p._defaults.get("handler")) is not None:
                    handlers.add(f"{h.__module__}.{h.__name__}")
                for a in p._actions:
                    if a.choices and isinstance(a.choices, dict):
                        stack.extend(a.choices.values())
    assert handlers >= PIN_FREE, PIN_FREE - handlers
