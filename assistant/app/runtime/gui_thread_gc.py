"""Garbage collection on the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate. The audio threads
allocate a few hundred times a second, so a collection sometimes ran there and destroyed Qt
objects caught in reference cycles (closed dialogs, a finished window and their connected
lambdas) off the GUI thread, which crashes Qt later (seen as rare segfaults in the UI tests).
Automatic collection is switched off while the window lives; this timer collects on the GUI
thread by CPython's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()

    def collect(self) -> None:
        counts, limits = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > limits[generation]:
                gc.collect(generation)
                return
