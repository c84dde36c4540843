"""Bar charts for the reports (QtCharts), in the app's colours: built from plain numbers, nothing else."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

PALETTE = ("#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#84cc16", "#ec4899", "#64748b",
           "#0f766e")
INK, MUTED, LINE = "#0f172a", "#64748b", "#e2e8f0"


@dataclass(frozen=True)
class Bars:
    """One set of bars: its name in the legend and one value per category."""

    name: str
    values: Sequence[float]


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def bar_chart(title: str, categories: Sequence[str], bars: Sequence[Bars], *, stacked: bool = False,
              value_title: str = "", value_format: str = "%.0f") -> QChart:
    """Grouped (or stacked) vertical bars, one colour per set, categories along the bottom."""
    series: QAbstractBarSeries = QStackedBarSeries() if stacked else QBarSeries()
    for index, one in enumerate(bars):
        bar_set = QBarSet(one.name)
        bar_set.append([float(v) for v in one.values])
        colour = QColor(PALETTE[index % len(PALETTE)])
        bar_set.setColor(colour)
        bar_set.setBorderColor(colour)
        series.append(bar_set)
    chart = QChart()
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(categories))
    axis_y = QValueAxis()
    axis_y.setLabelFormat(value_format)
    axis_y.setMinorTickCount(0)
    axis_y.setTitleText(value_title)
    top = max((sum(v) if stacked else max(v, default=0) for v in zip(*(b.values for b in bars), strict=True)),
              default=0) if bars else 0
    axis_y.setRange(0, _nice_top(float(top)))
    axis_y.setTickCount(6)
    for axis, side in ((axis_x, Qt.AlignmentFlag.AlignBottom), (axis_y, Qt.AlignmentFlag.AlignLeft)):
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    _style(chart, title, axis_x, axis_y)
    return chart


def _nice_top(top: float) -> float:
    """A round upper end for the value axis a little above the tallest bar (1, 2, 2.5, 5 × 10ⁿ)."""
    if top <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(top))
    return float(next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20) if top * 1.05 <= m * magnitude))


def _style(chart: QChart, title: str, axis_x: QBarCategoryAxis, axis_y: QValueAxis) -> None:
    chart.setTitle(title)
    chart.setTitleFont(_font(14, bold=True))
    chart.setTitleBrush(QColor(INK))
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)  # 40,000 rather than 40000 on the value axis, as money is shown elsewhere
    chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignTop)
    legend.setFont(_font(12))
    legend.setLabelColor(QColor(INK))
    for axis in (axis_x, axis_y):
        axis.setLabelsFont(_font(11))
        axis.setLabelsColor(QColor(MUTED))
        axis.setTitleFont(_font(11))
        axis.setTitleBrush(QColor(MUTED))
        axis.setLinePen(QPen(QColor(LINE)))
        axis.setGridLineColor(QColor(LINE))
    axis_x.setGridLineVisible(False)


class ChartView(QChartView):
    """A chart view that paints smoothly on the white card behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setObjectName("chartView")
        self._chart: QChart | None = None  # held here too: Python must not collect what the view shows

    def show_chart(self, chart: QChart) -> None:
        old = self._chart
        self._chart = chart
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def bar_series(self) -> QAbstractBarSeries | None:
        """The chart's bars (tests count them)."""
        found = [s for s in self.chart().series() if isinstance(s, QAbstractBarSeries)]
        return found[0] if found else None
