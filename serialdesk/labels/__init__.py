"""Printing labels: layouts, symbols, and PDF / PNG / ZPL renderers (QtGui only, headless)."""

from serialdesk.labels.compose import LabelData
from serialdesk.labels.layout import A4_3X8, MEDIA, ROLL_62X29, LabelMedia, media_named, mm_to_dots
from serialdesk.labels.render import DEFAULT_DPI, LabelOutput, OutputFormat, plan_labels, render_labels
from serialdesk.labels.symbols import Symbology

__all__ = [
    "A4_3X8",
    "DEFAULT_DPI",
    "MEDIA",
    "ROLL_62X29",
    "LabelData",
    "LabelMedia",
    "LabelOutput",
    "OutputFormat",
    "Symbology",
    "media_named",
    "mm_to_dots",
    "plan_labels",
    "render_labels",
]
