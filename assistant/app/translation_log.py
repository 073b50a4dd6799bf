"""Live translation: the source transcript and the translated one, side by side, and saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from assistant.app.dictation import write_atomically


class TranslationLog(QObject):
    source_delta = Signal(str)
    target_delta = Signal(str)
    cleared = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.source = ""
        self.target = ""
        self.language = ""

    def clear(self) -> None:
        self.source = self.target = ""
        self.cleared.emit()

    def heard(self, delta: str) -> None:
        self.source += delta
        self.source_delta.emit(delta)

    def translated(self, delta: str) -> None:
        self.target += delta
        self.target_delta.emit(delta)

    def as_text(self) -> str:
        return (f"What was said:\n{self.source.strip()}\n\n"
                f"Translation ({self.language}):\n{self.target.strip()}\n")

    def save(self, path: Path) -> str | None:
        return write_atomically(path, self.as_text())
