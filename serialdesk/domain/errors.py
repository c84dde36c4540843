"""Errors the shop sees: a message in the clerk's words plus a stable machine code."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal by a business rule.

    ``message`` is shown to the user as it is; ``code`` is stable for scripts and tests
    (e.g. ``already_sold``); ``details`` carries facts a screen may highlight.
    """

    exit_code = 3

    def __init__(self, message: str, code: str = "refused", **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The thing asked for does not exist (CLI exit code 4)."""

    exit_code = 4

    def __init__(self, message: str, code: str = "not_found", **details: object) -> None:
        super().__init__(message, code, **details)


class PermissionDenied(DomainError):
    """The user's role does not allow this action."""

    def __init__(self, message: str, code: str = "not_allowed", **details: object) -> None:
        super().__init__(message, code, **details)
