"""Measures in a GS1 element string: the net weight of a variable-measure item (AIs 310n kg, 320n lb)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

__all__ = ["Decimal", "net_weight_kg"]  # Decimal: the type of a weight, for the classifier

_POUND_KG = Decimal("0.45359237")


def net_weight_kg(elements: Iterable[tuple[str, str]]) -> Decimal | None:
    """The net weight in kilograms from (AI, value) pairs: 310n is kilograms, 320n pounds, with n decimals."""
    for ai, value in elements:
        if len(ai) == 4 and ai[:3] in ("310", "320") and value.isdigit() and ai[3].isdigit():
            weight = Decimal(value).scaleb(-int(ai[3]))
            return weight if ai.startswith("310") else (weight * _POUND_KG).quantize(Decimal("0.001"))
    return None
