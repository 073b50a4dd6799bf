"""Live translation: the source transcript and the translated one, side by side, saved when
asked and kept as it grows (at most once a second, and when it ends)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from assistant.app.listening.kept_file import KeptFile, write_atomically
from assistant.app.settings import Preferences
from assistant.growing_text import GrowingText

KEEP_EVERY_S = 1.0          # the kept file follows the stream at most this often (and at the end)


class InterpreterLog(QObject):
    source_delta = Signal(str)
    target_delta = Signal(str)
    cleared = Signal()

    def __init__(self, prefs: Preferences | None = None) -> None:
        super().__init__()
        self._source = GrowingText()
        self._target = GrowingText()
        self._prefs = prefs                   # the target language is in the settings
        self.kept = KeptFile("translation")
        self._kept_at = 0.0

    def start_new(self) -> None:
        self.flush()
        self._source, self._target = GrowingText(), GrowingText()
        self.kept.restart()
        self.cleared.emit()

    def heard(self, delta: str) -> None:
        if delta := self._source.add(delta):
            self.source_delta.emit(delta)
        self._keep()

    def translated(self, delta: str) -> None:
        if delta := self._target.add(delta):
            self.target_delta.emit(delta)
        self._keep()

    @property
    def kept_path(self) -> Path | None:
        return self.kept.path

    @property
    def source(self) -> str:
        return self._source.text

    @property
    def target(self) -> str:
        return self._target.text

    def as_text(self) -> str:
        said = self.tr("What was said:")
        language = self._prefs.current.translation_language if self._prefs else ""
        translation = self.tr("Translation ({language}):").format(language=language)
        return f"{said}\n{self.source.strip()}\n\n{translation}\n{self.target.strip()}\n"

    def save(self, path: Path) -> str | None:
        return write_atomically(path, self.as_text())

    def flush(self) -> None:
        """Keep what is there now (the app is closing, or a new translation starts)."""
        if self._source or self._target:
            self.kept.keep(self.as_text())
            self._kept_at = time.monotonic()

    def _keep(self) -> None:
        if time.monotonic() - self._kept_at >= KEEP_EVERY_S:
            self.flush()
