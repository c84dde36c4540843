"""Qt models over the services' frozen DTOs."""

from serialdesk.gui.models.table import Column, RowsModel, sorted_view

__all__ = ["Column", "RowsModel", "sorted_view"]
