"""Live translation: what was said and its translation, side by side, and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from assistant.app.model import InterpreterFace
from assistant.ui.a11y import describe


class InterpreterView(QWidget):
    save_requested = Signal(str)

    def __init__(self, log: InterpreterFace) -> None:
        super().__init__()
        self.log = log
        self.source, self.target = QPlainTextEdit(readOnly=True), QPlainTextEdit(readOnly=True)
        describe(self.source, self.tr("The words the interpreter heard"),
                 self.tr("What you said"))
        describe(self.target, self.tr("The interpreter's words, as it speaks them"),
                 self.tr("The translation"))
        self.source.setPlaceholderText(self.tr("Speak: what you say appears here..."))
        self.target.setPlaceholderText(self.tr("...and its translation here, spoken aloud."))
        self.target_label = QLabel()
        self.kept_label = QLabel()
        self.save_button = QPushButton(self.tr("Save..."))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        describe(self.save_button, self.tr("Save both sides as text (Ctrl+S)"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("What you said") + "</b>"), 0, 0)
        grid.addWidget(self.target_label, 0, 1)
        grid.addWidget(self.source, 1, 0)
        grid.addWidget(self.target, 1, 1)
        grid.addWidget(self.kept_label, 2, 0)
        grid.addWidget(self.save_button, 2, 1, Qt.AlignmentFlag.AlignRight)
        # Bound methods, not lambdas: Qt disconnects them when this view goes (the log stays).
        log.source_delta.connect(self._heard)
        log.target_delta.connect(self._translated)
        log.cleared.connect(self._clear)
        self.save_button.clicked.connect(self._choose_file)

    def set_language(self, language: str) -> None:
        self.target_label.setText("<b>" + self.tr("Translation ({language})").format(
            language=language) + "</b>")

    def _heard(self, delta: str) -> None:
        _append(self.source, delta)
        self._show_kept()

    def _translated(self, delta: str) -> None:
        _append(self.target, delta)

    def _show_kept(self) -> None:
        kept = self.log.kept_path
        self.kept_label.setText(self.tr("Kept in {path}").format(path=kept) if kept else "")

    def _clear(self) -> None:
        self.source.clear()
        self.target.clear()

    def _choose_file(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(self, self.tr("Save the translation"),
                                                  "translation.txt", self.tr("Text (*.txt)"))
        if path:
            self.save_requested.emit(path)


def _append(edit: QPlainTextEdit, delta: str) -> None:
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(delta)
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum())
