"""When the assistant stops speaking: when the speaker has played the last of the reply, not at
`response.done` (the audio runs seconds behind). Polled every 50 ms, only while it speaks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


class SpeakingWatch(QObject):
    ended = Signal()

    def __init__(self, still_speaking: Callable[[], bool]) -> None:
        super().__init__()
        self._still_speaking = still_speaking
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check)

    def watch(self, on: bool) -> None:
        (self._timer.start if on else self._timer.stop)()

    def _check(self) -> None:
        if not self._still_speaking():
            self._timer.stop()
            self.ended.emit()
