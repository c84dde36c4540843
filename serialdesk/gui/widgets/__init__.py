"""Widgets shared by the panes: feedback (banner, flash, badge), form dialogs, the passport panel."""
