"""Dictation: the timed segments as they are spoken, with Copy all and Save (text or SRT)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import DictationFace
from assistant.ui.a11y import describe


def clock(ms: int) -> str:
    minutes, rest = divmod(max(ms, 0) // 100, 600)
    return f"{minutes:02}:{rest / 10:04.1f}"


class DictationView(QWidget):
    save_requested = Signal(str)        # a path the user chose

    def __init__(self, dictation: DictationFace) -> None:
        super().__init__()
        self.dictation = dictation
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setPlaceholderText(self.tr("Dictation: what you say is written here, segment "
                                             "by segment, with when you said it."))
        describe(self.text, self.tr("What you dictated, with when you said each part"),
                 self.tr("Dictated text"))
        self.status = QLabel()
        self.copy_button = QPushButton(self.tr("Copy all"))
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        describe(self.copy_button, self.tr("Copy the whole dictation (Ctrl+Shift+C)"))
        self.save_button = QPushButton(self.tr("Save..."))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        describe(self.save_button, self.tr("Save as text, or as SRT subtitles (Ctrl+S)"))
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        dictation.changed.connect(self.show_segments)
        dictation.cleared.connect(self.show_segments)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.dictation.as_text()))
        self.save_button.clicked.connect(self._choose_file)
        self.show_segments()

    def show_segments(self, _item_id: str = "") -> None:
        segments = self.dictation.ordered()
        lines = [f"[{clock(s.start_ms)}]  {s.text.strip() or '…'}" for s in segments]
        self.text.setPlainText("\n".join(lines))
        self.text.verticalScrollBar().setValue(self.text.verticalScrollBar().maximum())
        words = sum(len(s.text.split()) for s in segments)
        kept = self.dictation.kept_path
        self.status.setText(self.tr("%n segment(s)", "", len(segments)) + ", "
                            + self.tr("%n word(s)", "", words)
                            + ("  ·  " + self.tr("kept in {path}").format(path=kept)
                               if kept and segments else ""))

    def _choose_file(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(self, self.tr("Save the dictation"),
                                                  "dictation.txt",
                                                  self.tr("Text (*.txt);;Subtitles (*.srt)"))
        if path:
            self.save_requested.emit(path)
