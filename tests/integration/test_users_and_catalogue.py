"""Users (argon2 PINs, roles), products, suppliers and customers — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import Event, User
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied


def test_a_pin_is_stored_as_an_argon2_hash_and_checked_at_login(app: App, admin: Services) -> None:
    admin.users.add_user("till1", "counter", "4321")
    with app.uows.reading() as uow:
        stored = uow.session.scalar(select(User.pin_hash).where(User.name == "till1"))
    assert stored is not None and stored.startswith("$argon2id$") and "4321" not in stored
    actor = app.login("TILL1", "4321")
    assert (actor.name, actor.role.value, actor.station) == ("till1", "counter", "till-1")


@pytest.mark.parametrize(("name", "pin"), [("till1", "0000"), ("ghost", "4321"), ("till1", "")])
def test_a_wrong_pin_or_unknown_user_gets_one_plain_answer(app: App, admin: Services, name: str, pin: str) -> None:
    admin.users.add_user("till1", "counter", "4321")
    with pytest.raises(PermissionDenied, match="Wrong user name or PIN"):
        app.login(name, pin)


def test_an_admin_created_without_a_pin_sets_it_at_the_first_sign_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from serialdesk.config import Settings

    app = App(Settings(db_url=str(tmp_path / "new.db"), user="admin", station="till-1"))
    try:
        assert app.init_schema(None) is True
        with pytest.raises(DomainError, match="4 to 12 digits"):
            app.login("admin", "12")
        assert app.login("admin", "2580").role.value == "manager"
        with pytest.raises(PermissionDenied, match="Wrong user name or PIN"):
            app.login("admin", "1111")  # the first PIN stuck
        assert app.login("admin", "2580").name == "admin"
    finally:
        app.close()


def test_three_wrong_pins_lock_the_user_out_for_a_minute(app: App, admin: Services, clock) -> None:  # type: ignore[no-untyped-def]
    admin.users.add_user("till1", "counter", "4321")
    for _ in range(3):
        with pytest.raises(PermissionDenied, match="Wrong user name or PIN"):
            app.login("till1", "0000")
        clock.advance(seconds=5)
    with pytest.raises(PermissionDenied, match=r"Too many wrong PINs for till1: try again in \d+ seconds") as err:
        app.login("till1", "4321")  # even the right PIN waits
    assert err.value.code == "login_locked"
    assert app.login("admin", "1234").name == "admin"  # other users are not locked
    clock.advance(seconds=61)
    assert app.login("till1", "4321").name == "till1"
    with app.uows.reading() as uow:
        audited = uow.session.scalars(select(Event.station).where(Event.kind == "login_failed")).all()
    assert audited == ["till-1"] * 3


def test_only_a_manager_adds_users(admin: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    clerk = as_user("clerk1", "clerk")
    with pytest.raises(PermissionDenied, match="clerk1 is signed in as clerk and may not manage users"):
        clerk.users.add_user("sneaky", "manager", "9999")
    with pytest.raises(DomainError, match="already a user called 'CLERK1'"):
        admin.users.add_user("CLERK1", "clerk", "1111")
    with pytest.raises(DomainError, match="4 to 12 digits"):
        admin.users.add_user("new", "clerk", "12")
    with pytest.raises(DomainError, match="not a role"):
        admin.users.add_user("new", "boss", "1234")


def test_a_product_is_refused_when_its_code_or_barcode_is_taken(shop: Services) -> None:
    with pytest.raises(DomainError, match="already a product with code DRL-18V"):
        shop.catalogue.add_product("drl-18v", "Another drill")
    with pytest.raises(DomainError, match="already a product with barcode 4006381333931"):
        shop.catalogue.add_product("DRL-20V", "Another drill", gtin="4006381333931")
    with pytest.raises(DomainError, match="wrong check digit"):
        shop.catalogue.add_product("DRL-20V", "Another drill", gtin="4006381333932")
    assert [p.sku for p in shop.catalogue.products()] == ["DRL-18V"]


def test_products_without_a_barcode_do_not_clash(shop: Services) -> None:
    shop.catalogue.add_product("CABLE-1", "USB cable")
    shop.catalogue.add_product("CABLE-2", "USB-C cable")
    assert [p.sku for p in shop.catalogue.products()] == ["CABLE-1", "CABLE-2", "DRL-18V"]


def test_product_values_are_checked(shop: Services) -> None:
    with pytest.raises(DomainError, match="cannot be negative"):
        shop.catalogue.add_product("X1", "X", price="-1")
    with pytest.raises(DomainError, match="needs a serial pattern"):
        shop.catalogue.add_product("X1", "X", serial_source="generated")
    with pytest.raises(DomainError, match="not a valid pattern"):
        shop.catalogue.add_product("X1", "X", serial_regex="[A-")
    product = shop.catalogue.add_product("X1", "X", serial_regex=r"[A-Z]{2}\d{4}")
    shop.receiving.receive_units(supplier="Makita Europe", sku="X1", serials=["ab1234"])
    with pytest.raises(DomainError, match="does not look like a serial number for X1"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="X1", serials=["1234AB"])
    assert product.serial_regex == r"[A-Z]{2}\d{4}"


def test_customers_are_found_by_name_phone_or_email_and_by_number(shop: Services) -> None:
    shop.catalogue.add_customer("Tom Olsen", phone="+45 31 000000")
    assert [c.name for c in shop.catalogue.find_customers("smith")] == ["Jane Smith"]
    assert [c.name for c in shop.catalogue.find_customers("31 000")] == ["Tom Olsen"]
    assert [c.name for c in shop.catalogue.find_customers("JANE@EXAMPLE")] == ["Jane Smith"]
    assert shop.catalogue.customer("c-2").name == "Tom Olsen"
    with pytest.raises(DomainError, match="not an e-mail address"):
        shop.catalogue.add_customer("Bad Mail", email="nope")


def test_two_customers_with_one_name_must_be_told_apart_by_number(shop: Services) -> None:
    shop.catalogue.add_customer("Jane Smith")
    with pytest.raises(DomainError, match=r"several customers called 'Jane Smith'.*C-0001"):
        shop.catalogue.customer("Jane Smith")
    assert shop.catalogue.customer("C-0002").number == "C-0002"
    with pytest.raises(NotFound):
        shop.catalogue.customer("C-0099")
