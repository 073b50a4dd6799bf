"""The host services the built-in tools act on: browser, clipboard, timers, the screen
(`tools.builtin.HostServices`).

Tools run on worker threads and Qt's clipboard and timers belong to the GUI thread, so each call
hops over through one queued signal and the worker waits for the result.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from assistant.tools.registry import ToolError

T = TypeVar("T")
HOP_TIMEOUT_S = 5.0
LOOK_TIMEOUT_S = 120.0       # a screenshot portal waits for the user's answer in its dialog
Looker = Callable[["concurrent.futures.Future[str]"], None]


class QtHostServices(QObject):
    timer_ended = Signal(str, int)          # label, seconds
    _hop = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._hop.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._timers: list[QTimer] = []
        self.looker: Looker | None = None     # the app's screen capture, for look_at_screen

    def open_url(self, url: str) -> bool:
        return self.call_on_gui_thread(lambda: QDesktopServices.openUrl(QUrl(url)))

    def copy(self, text: str) -> None:
        self.call_on_gui_thread(lambda: QGuiApplication.clipboard().setText(text))

    def paste(self) -> str:
        return self.call_on_gui_thread(lambda: QGuiApplication.clipboard().text())

    def start_timer(self, seconds: int, label: str) -> None:
        self.call_on_gui_thread(lambda: self._start(seconds, label))

    def look_at_screen(self) -> str:
        """Capture the screen into the conversation (on the GUI thread) and say what it was."""
        looker = self.looker
        if looker is None:
            raise ToolError("this app cannot see the screen here")
        seen: concurrent.futures.Future[str] = concurrent.futures.Future()
        self.call_on_gui_thread(lambda: looker(seen))
        return seen.result(LOOK_TIMEOUT_S)

    def stop_timers(self) -> None:
        for timer in self._timers:
            timer.stop()
        self._timers.clear()

    def _start(self, seconds: int, label: str) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._ended(timer, seconds, label))
        self._timers.append(timer)
        timer.start(seconds * 1000)

    def _ended(self, timer: QTimer, seconds: int, label: str) -> None:
        self._timers.remove(timer)
        timer.deleteLater()
        self.timer_ended.emit(label, seconds)

    def call_on_gui_thread(self, job: Callable[[], T]) -> T:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            try:
                future.set_result(job())
            except Exception as exc:            # handed back to the tool's thread
                future.set_exception(exc)
        self._hop.emit(run)
        return future.result(HOP_TIMEOUT_S)

    def _run(self, job: Any) -> None:
        job()
