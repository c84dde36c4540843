"""Locations through CSV (issue 15 met issue 11's lossless CSV route): exported with the units that name them,
imported by name, a bad file refused whole."""

from __future__ import annotations

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.services.bundle import Services


def rows(*lines: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [dict(zip(("name", "kind", "branch", "active"), line, strict=True)) for line in lines]


def test_locations_are_exported_and_imported_by_name(admin: Services) -> None:
    result = admin.imports.locations(rows(("Back store", "store", "", "yes"), ("Aarhus", "store", "Aarhus", "yes"),
                                          ("in transit", "transit", "", "yes")))
    assert (result.created, result.updated) == (2, 1)
    again = admin.imports.locations(rows(("back store", "store", "", "no")))
    assert (again.created, again.updated) == (0, 1)
    exported = {r["name"]: r for r in admin.export.locations()}
    assert exported["Back store"]["active"] == "no" and exported["Aarhus"]["branch"] == "Aarhus"
    assert exported["In transit"]["kind"] == "transit"


@pytest.mark.parametrize(("line", "code", "said"), [
    (("", "store", "", "yes"), "bad_import", "needs its name"),
    (("Cellar", "warehouse", "", "yes"), "bad_import", "not a kind of location"),
    (("Cellar", "store", "", "maybe"), "bad_import", "yes or no"),
    (("Lorry", "transit", "", "yes"), "bad_location_kind", "second in-transit"),
    (("Shop floor", "transit", "", "yes"), "bad_location_kind", "is a store location here"),
])
def test_a_bad_location_file_imports_nothing(admin: Services, line: tuple[str, str, str, str], code: str,
                                             said: str) -> None:
    with pytest.raises(DomainError) as refused:
        admin.imports.locations(rows(("Back store", "store", "", "yes"), line))
    assert refused.value.code == code and said in refused.value.message
    assert "Back store" not in {r["name"] for r in admin.export.locations()}


def test_a_unit_naming_an_unknown_location_is_refused(admin: Services) -> None:
    admin.catalogue.add_supplier("Makita Europe")
    admin.catalogue.add_product("DRL-18V", "Cordless drill 18V", price="99.00")
    with pytest.raises(DomainError) as refused:
        admin.imports.items([{"sku": "DRL-18V", "serial": "AB001", "supplier": "Makita Europe",
                              "location": "Cellar"}])
    assert refused.value.code == "bad_import" and "no location 'Cellar'" in refused.value.message
