"""Protocol events as they pass: direction, time, type; the JSON of the selected one.

Audio payloads arrive already summarised ("<N bytes>"); the key is never in an event. Runs of
the same streaming event type collapse into one row with a count, so 50 appends a second stay
readable, and the list keeps its newest rows only. Above them, while shown, a line says whether
echo cancellation is working and how much echo it removes (read from the audio engine's report,
as the meters read their levels).
"""

from __future__ import annotations

import json
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import STREAMING, EchoReport
from assistant.logging_setup import mask
from assistant.ui.a11y import describe
from assistant.ui.theme import theme

MAX_ROWS = 2000


class EventInspector(QWidget):
    def __init__(self, echo: EchoReport | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._echo = echo or EchoReport()
        self.echo_line = QLabel(self._echo_text())
        self.echo_line.setAccessibleName(self.tr("Echo cancellation"))
        self.echo_line.setWordWrap(True)        # a long sentence must not widen the panel
        self._echo_timer = QTimer(self)
        self._echo_timer.setInterval(1000)
        self._echo_timer.timeout.connect(self._show_echo)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["", self.tr("Time"), self.tr("Type")])
        describe(self.tree, self.tr("Every event sent (↑) and received (↓), newest last"),
                 self.tr("Events"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 28)
        self.tree.setColumnWidth(1, 92)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setPlaceholderText(self.tr("Select an event to see its JSON."))
        describe(self.detail, self.tr("The selected event's JSON"), self.tr("Event details"))
        clear = QPushButton(self.tr("Clear"))
        describe(clear, self.tr("Forget the events shown so far"))
        clear.clicked.connect(self.clear)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.echo_line)
        layout.addWidget(split)
        layout.addWidget(clear, alignment=Qt.AlignmentFlag.AlignRight)
        self.tree.currentItemChanged.connect(self._show)
        # rows of the current run of streaming events, one per (direction, type)
        self._open_rows: dict[tuple[str, str], QTreeWidgetItem] = {}

    def showEvent(self, event: Any) -> None:
        self._show_echo()
        self._echo_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self._echo_timer.stop()
        super().hideEvent(event)

    def _show_echo(self) -> None:
        self.echo_line.setText(self._echo_text())

    def _echo_text(self) -> str:
        return self._echo.text(lambda text: QCoreApplication.translate("Echo", text))

    def add_event(self, direction: str, when: float, kind: str, summary: Any,
                  count: int = 1) -> None:
        """One event, or a run of `count` streaming events of one type (the newest's summary)."""
        key = (direction, kind)
        if kind not in STREAMING:
            self._open_rows.clear()
        elif key in self._open_rows:
            row = self._open_rows[key]
            count += row.data(2, Qt.ItemDataRole.UserRole + 1)
            row.setData(2, Qt.ItemDataRole.UserRole + 1, count)
            row.setText(2, f"{kind}  ×{count}")
            row.setData(0, Qt.ItemDataRole.UserRole, summary)
            return
        row = QTreeWidgetItem(["↑" if direction == "out" else "↓", _clock(when), kind])
        row.setData(0, Qt.ItemDataRole.UserRole, summary)
        row.setData(2, Qt.ItemDataRole.UserRole + 1, count)
        if count > 1:
            row.setText(2, f"{kind}  ×{count}")
        row.setToolTip(0, "sent" if direction == "out" else "received")
        if kind == "error":
            row.setForeground(2, QColor(theme().colors.error))
        self.tree.addTopLevelItem(row)
        if kind in STREAMING:
            self._open_rows[key] = row
        while self.tree.topLevelItemCount() > MAX_ROWS:
            dropped = self.tree.takeTopLevelItem(0)
            self._open_rows = {k: r for k, r in self._open_rows.items() if r is not dropped}
        bar = self.tree.verticalScrollBar()
        if bar.maximum() - bar.value() < 40:
            self.tree.scrollToBottom()

    def clear(self) -> None:
        self.tree.clear()
        self.detail.clear()
        self._open_rows.clear()

    def all_text(self) -> str:
        """Everything the inspector holds, as text (what a user could copy out of it)."""
        rows = []
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is None:
                continue
            summary = row.data(0, Qt.ItemDataRole.UserRole)
            rows.append(" ".join(row.text(c) for c in range(3)) + " " + mask(json.dumps(summary)))
        return "\n".join(rows) + "\n" + self.detail.toPlainText()

    def _show(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            self.detail.clear()
            return
        summary = current.data(0, Qt.ItemDataRole.UserRole)
        self.detail.setPlainText(mask(json.dumps(summary, indent=2, ensure_ascii=False)))


def _clock(when: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(when)) + f".{int(when * 1000) % 1000:03d}"
