"""What the cold start leaves for later (issue 13: a usable window in 1.5 s): biip is imported on the first GS1
scan, not with the classifier; each service is imported and built the first time it is used, once.

The import checks run in a fresh interpreter, so what this test process imported before does not count.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from serialdesk.bootstrap import SERVICE_CLASSES, App, LazyServices, Services
from serialdesk.config import Settings
from serialdesk.domain.roles import Actor, Role

ROOT = Path(__file__).resolve().parents[2]


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_classifier_imports_biip_only_for_a_gs1_scan() -> None:
    plain = imported_after(
        "from serialdesk.domain.scan import ProductRef, classify_scan\n"
        "class Shop:\n"
        "    def by_gtin(self, gtin): return None\n"
        "    def by_code(self, text): return None\n"
        "drill = ProductRef('DRL', 'Drill')\n"
        "assert classify_scan('AB123', Shop(), drill).serial == 'AB123'\n"
    )
    assert "serialdesk.domain.gs1_scan" in plain  # the split-off module is part of the classifier
    assert not {m for m in plain if m == "biip" or m.startswith("biip.")}
    gs1 = imported_after(
        "from serialdesk.domain.scan import ProductRef, classify_scan\n"
        "class Shop:\n"
        "    def by_gtin(self, gtin): return None\n"
        "    def by_code(self, text): return None\n"
        "found = classify_scan('(01)09506000134352(21)AB12', Shop(), ProductRef('DRL', 'Drill'))\n"
        "assert (found.kind, found.gtin, found.serial) == ('gs1', '09506000134352', 'AB12'), found\n"
    )
    assert "biip" in gs1


def test_the_gs1_names_are_still_importable_from_domain_scan() -> None:
    from serialdesk.domain import gs1_scan, scan

    for name in ("Gs1Fields", "digital_link", "gtin14"):
        assert getattr(scan, name) is getattr(gs1_scan, name)
    assert scan.parse_gs1("(01)09506000134352(10)L1(21)S9") == scan.Gs1Fields(
        "09506000134352", "L1", "S9", None, (("01", "09506000134352"), ("10", "L1"), ("21", "S9")))


def test_bootstrap_imports_no_service_before_it_is_used() -> None:
    loaded = imported_after("import serialdesk.bootstrap")
    services = {module for module, _cls in SERVICE_CLASSES.values()}
    assert services & loaded <= {"serialdesk.services.users"}  # sign-in needs it


def test_every_field_of_the_bundle_has_its_service() -> None:
    fields = {f.name for f in dataclasses.fields(Services)} - {"actor"}
    assert set(SERVICE_CLASSES) == fields


def test_a_service_is_built_on_first_use_once_for_every_thread(tmp_path: Path) -> None:
    app = App(Settings(db_url=str(tmp_path / "shop.db"), user="admin", station="test"))
    try:
        services = app.services(Actor("admin", Role.MANAGER, "test"))
        assert isinstance(services, Services) and isinstance(services, LazyServices)
        assert "reports" not in vars(services)
        seen: list[object] = []
        barrier = threading.Barrier(8)

        def use() -> None:
            barrier.wait()
            seen.append(services.reports)

        threads = [threading.Thread(target=use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len({id(s) for s in seen}) == 1 and seen[0] is services.reports
        for name, (module, cls) in SERVICE_CLASSES.items():
            service = getattr(services, name)
            assert type(service).__name__ == cls and type(service).__module__ == module
            assert service.actor is services.actor and service.uows is app.uows
        with pytest.raises(AttributeError):
            services.no_such_service  # noqa: B018
        with pytest.raises(dataclasses.FrozenInstanceError):
            services.reports = None  # type: ignore[misc]
    finally:
        app.close()
