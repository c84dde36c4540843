"""Issue 18: the shop profile, gapless receipt numbers, tax and payments on a sale, receipts, job sheets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import cv2
import numpy as np
import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.domain.roles import Actor, Role
from serialdesk.scanning.decode import decode_file
from serialdesk.workflows.service_desk import ServiceDeskSession

PNG_1PX = cv2.imencode(".png", np.full((8, 20), 40, dtype=np.uint8))[1].tobytes()


def _shop(admin: Services) -> Services:
    admin.shop.update_profile(name="Velo Vogel GmbH", address="Hauptstraße 12\n10115 Berlin", phone="+49 30 1",
                              email="shop@velo.example", vat_number="DE123456789", rate_standard="19",
                              rate_reduced="7")
    admin.catalogue.add_product("EB-1", "E-bike Vortex", price="2499.00", warranty_months=24)
    admin.catalogue.add_product("HLM", "Helmet", price="89.90", warranty_months=12)
    admin.shop.set_product_tax_rate("HLM", "reduced")
    admin.catalogue.add_supplier("Vortex")
    admin.catalogue.add_customer("Anna Schmidt", address="Lindenallee 4\n10437 Berlin")
    admin.receiving.receive_units(supplier="Vortex", sku="EB-1", serials=["VX1", "VX2", "VX3", "VX4"], lot="25B04")
    admin.receiving.receive_units(supplier="Vortex", sku="HLM", serials=["H1", "H2"])
    return admin


def test_the_shop_profile_is_shared_checked_and_a_managers_to_change(
        admin: Services, as_user: Callable[[str, str], Services]) -> None:
    view = admin.shop.update_profile(name="Velo Vogel", currency="chf", language="de_CH", logo=PNG_1PX)
    assert (view.currency, view.language, view.logo_type, view.logo) == ("CHF", "de_CH", "png", PNG_1PX)
    assert as_user("cl1", "counter").shop.profile().name == "Velo Vogel"  # every station reads the same row
    with pytest.raises(PermissionDenied, match="needs manager"):
        as_user("cl2", "counter").shop.update_profile(name="Mine now")
    for bad, message in ((dict(logo=b"GIF89a...."), "PNG or JPEG"), (dict(logo=PNG_1PX[:30]), "not a readable"),
                         (dict(currency="EURO"), "not a currency"), (dict(currency="KWD"), "3 decimals"),
                         (dict(email="nope"), "e-mail"), (dict(rate_standard="120"), "between 0 and 100"),
                         (dict(language="xx_nowhere"), "not a language")):
        with pytest.raises(DomainError, match=message):
            admin.shop.update_profile(**bad)
    assert admin.shop.profile().currency == "CHF"  # nothing saved by a refusal


def test_a_sale_records_tax_per_rate_payments_and_a_gapless_receipt_number(admin: Services) -> None:
    shop = _shop(admin)
    sale = shop.sales.sell_items("Anna Schmidt", ["VX1", "VX2", "H1"], pay=["cash:500", "card"],
                                 discounts=[None, ("5%", "floor model"), None])
    assert sale.receipt_number == "SR-000001" and sale.total == D("4962.95")
    r = shop.receipts.sale_receipt("SR-000001")
    assert [(b.rate, b.net, b.tax) for b in r.bands] == [("standard", D("4095.00"), D("778.05")),
                                                         ("reduced", D("84.02"), D("5.88"))]
    assert [(p.method, p.amount) for p in r.payments] == [("cash", D("500.00")), ("card", D("4462.95"))]
    assert r.lines[1].discount == D("124.95") and r.lines[1].discount_reason == "floor model"
    with pytest.raises(DomainError, match="still to pay"):  # refused: no number taken, no unit sold
        shop.sales.sell_items("Anna Schmidt", ["VX3"], pay=["card:10"])
    assert shop.sales.sell_items("Anna Schmidt", ["VX3"]).receipt_number == "SR-000002"
    ret = shop.sales.return_item("VX2", to="stock", reason="changed mind")
    assert ret.credit_number == "CN-000001"
    credit = shop.receipts.credit_receipt(ret.id)
    assert (credit.refers_to, credit.total) == ("SR-000001", D("2374.05"))


def test_a_counter_clerk_discounts_only_up_to_the_shops_limit_and_says_why(
        admin: Services, as_user: Callable[[str, str], Services]) -> None:
    _shop(admin)
    clerk = as_user("cl1", "counter")
    with pytest.raises(DomainError, match="ask a manager"):
        clerk.sales.sell_items("Anna Schmidt", ["VX1"], discounts=[("15%", "scratch")])
    with pytest.raises(DomainError, match="Say why"):
        clerk.sales.sell_items("Anna Schmidt", ["VX1"], discounts=[("5%", " ")])
    assert clerk.sales.sell_items("Anna Schmidt", ["VX1"], discounts=[("10%", "scratch")]).total == D("2249.10")
    assert admin.sales.sell_items("Anna Schmidt", ["VX2"], discounts=[("50%", "ex-demo")]).total == D("1249.50")


def test_a_scanned_job_sheet_barcode_opens_its_ticket_at_the_desk(admin: Services, tmp_path: Path) -> None:
    from serialdesk.documents.job_sheet import write_job_sheet_pdf

    shop = _shop(admin)
    shop.sales.sell_items("Anna Schmidt", ["VX1", "VX2"])
    shop.service_desk.open_ticket("VX2", "Brake squeal")  # another ticket, the desk must not pick it
    t = shop.service_desk.open_ticket("VX1", "Motor cuts out", accessories="charger, key", estimate="120")
    pdf = write_job_sheet_pdf(shop.job_sheets.job_sheet(t.id), tmp_path / "job.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "job")], check=True)
    (code,) = [c for c in decode_file(tmp_path / "job-1.png") if c.format == "Code128"]
    desk = ServiceDeskSession(shop)
    outcome = desk.scan(code.text)
    assert outcome.tone == "good" and desk.ticket is not None
    assert (desk.ticket.number, desk.passport.serial if desk.passport else None) == (t.number, "VX1")


def test_two_stations_selling_at_once_take_consecutive_receipt_numbers(pg_url: str, tmp_path: Path) -> None:
    app = App(Settings(db_url=pg_url, user="admin", station="t"))
    _shop(app.services(Actor("admin", Role.MANAGER, "t")))
    app.close()
    script = (
        "import sys\n"
        "from serialdesk.bootstrap import App\nfrom serialdesk.config import Settings\n"
        "from serialdesk.domain.roles import Actor, Role\n"
        "app = App(Settings(db_url=sys.argv[1], user='admin', station=sys.argv[2]))\n"
        "s = app.services(Actor('admin', Role.MANAGER, sys.argv[2]))\n"
        "for serial in sys.argv[3:]:\n"
        "    print(s.sales.sell_items('Anna Schmidt', [serial]).receipt_number, flush=True)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, pg_url, f"till{n}", *serials],
                              stdout=subprocess.PIPE, text=True)
             for n, serials in enumerate((["VX1", "VX2", "H1"], ["VX3", "VX4", "H2"]))]
    numbers = sorted(line for p in procs for line in p.communicate(timeout=120)[0].split())
    assert all(p.returncode == 0 for p in procs)
    assert numbers == [f"SR-{n:06d}" for n in range(1, 7)]


def test_a_recall_letter_names_the_shops_contact_and_the_part_inside_the_customers_unit(
        admin: Services, tmp_path: Path) -> None:
    from serialdesk.documents.recall_letters import write_recall_letters
    from serialdesk.services.dto import RecallCriteria

    shop = _shop(admin)
    shop.catalogue.add_product("BP", "Battery pack", price="599")
    shop.catalogue.set_part("EB-1", "BP")
    shop.receiving.receive_units(supplier="Vortex", sku="BP", serials=["BP0103"], lot="25B04")
    shop.sales.sell_items("Anna Schmidt", ["VX1"])
    ticket = shop.service_desk.open_ticket("VX1", "Battery dead")
    shop.service_desk.swap_part(ticket.id, out="OLD-BAT", into="BP0103", out_sku="BP")
    view = shop.recalls.start_recall(RecallCriteria("BP", ("25B04",)), "Cells may overheat")
    out = tmp_path / "letters.pdf"
    assert write_recall_letters(view, out, shop.shop.profile()) == 1
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    for expected in ("Velo Vogel GmbH", "Hauptstraße 12", "shop@velo.example", "call us on +49 30 1",
                     "Anna Schmidt", "Lindenallee 4", "Your E-bike Vortex VX1 contains Battery pack BP0103 of lot "
                     "25B04"):
        assert expected in text, expected
