"""The counter's panes: F2 Receiving, F3 Sales, F4 Service."""
