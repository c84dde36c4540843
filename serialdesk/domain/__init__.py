"""Domain core: the shop's rules in plain Python (stdlib only, no database, no Qt)."""

from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied

__all__ = ["DomainError", "NotFound", "PermissionDenied"]
