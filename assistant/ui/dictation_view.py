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

from assistant.app.dictation import Dictation


def clock(ms: int) -> str:
    minutes, rest = divmod(max(ms, 0) // 100, 600)
    return f"{minutes:02}:{rest / 10:04.1f}"


class DictationView(QWidget):
    save_requested = Signal(str)        # a path the user chose

    def __init__(self, dictation: Dictation) -> None:
        super().__init__()
        self.dictation = dictation
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setPlaceholderText("Dictation: what you say is written here, segment by "
                                     "segment, with when you said it.")
        self.text.setAccessibleName("Dictated text")
        self.status = QLabel()
        self.copy_button = QPushButton("Copy all")
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.save_button = QPushButton("Save...")
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip("Save as text, or as SRT subtitles (Ctrl+S)")
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
        kept = self.dictation.kept.path
        self.status.setText(f"{len(segments)} segment{'' if len(segments) == 1 else 's'}, "
                            f"{words} word{'' if words == 1 else 's'}"
                            + (f"  ·  kept in {kept}" if kept and segments else ""))

    def _choose_file(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(self, "Save the dictation", "dictation.txt",
                                                  "Text (*.txt);;Subtitles (*.srt)")
        if path:
            self.save_requested.emit(path)
