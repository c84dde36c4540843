"""serialdesk — serial-number tracking for shops and service centres."""

__version__ = "0.1.0"
