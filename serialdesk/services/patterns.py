"""Serial patterns as the services use them (the template language lives in domain.serials)."""

from __future__ import annotations

import re

from serialdesk.domain.errors import DomainError

_TOKEN = re.compile(r"\{([A-Z]+)(?::([^{}]*))?\}")


def check_pattern(text: str) -> str:
    """Validate a product's serial pattern before it is saved."""
    pattern = text.strip()
    if pattern.count("{") != pattern.count("}") or not _TOKEN.search(pattern):
        raise DomainError(f"The serial pattern '{text}' is not usable.", code="bad_pattern")
    return pattern
