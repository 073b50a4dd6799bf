"""Garbage collection on the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate. The audio threads
allocate a few hundred times a second, so a collection sometimes ran there and destroyed Qt
objects caught in reference cycles (closed dialogs, a finished window and their connected
lambdas) off the GUI thread, which crashes Qt later (seen as rare segfaults in the UI tests).
Automatic collection is switched off while the window lives; this timer collects on the GUI
thread by CPython's own thresholds.

What exists once the app has started (Qt's wrappers, the window, every module: ~82k objects)
is collected once and then frozen out of the collector's sight (`gc.freeze`). A full
collection holds the GIL throughout: on the started app it took 28-34 ms with those objects
tracked, most of the 40 ms of sound the speaker keeps queued, and under 1 ms frozen. A startup
object that later becomes part of an unreachable cycle is not freed; nothing that lives for the
whole app should.
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
        gc.collect()
        gc.freeze()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.enable()

    def collect(self) -> None:
        counts, limits = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > limits[generation]:
                gc.collect(generation)
                return
