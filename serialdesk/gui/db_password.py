"""Asking for a database password at start-up (the settings file never holds one; without an OS keyring it is
kept in memory until the app closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from serialdesk.config import masked_url


def is_password_problem(message: str) -> bool:
    """The server refused for want of the right password (PostgreSQL's own words)."""
    text = message.lower()
    return "password" in text and ("authentication failed" in text or "no password supplied" in text)


def ask_password(url: str, parent: QWidget | None = None) -> str | None:
    text, ok = QInputDialog.getText(parent, "serialdesk — database",
                                    f"Password for {masked_url(url)}\n(kept until serialdesk closes, or in this "
                                    "computer's keyring if it has one):", QLineEdit.EchoMode.Password)
    return text if ok and text else None
