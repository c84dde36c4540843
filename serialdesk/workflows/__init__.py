"""Workflows: the counter's sessions in plain Python over the services, shared by the CLI and the GUI (no Qt)."""
