"""A global shortcut that does one thing each time it is pressed (showing the screen), on the
same backends as the push-to-talk key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut
from assistant.desktop.shortcut_backends import global_shortcut_for, started


class GlobalActionKey(QObject):
    status = Signal(str)            # a sentence for the settings: working, or why not

    def __init__(self, action: Callable[[], None], purpose: str,
                 backend_for: Callable[[Shortcut], GlobalShortcut] | None = None) -> None:
        super().__init__()
        self._action = action
        self._backend_for = backend_for or (lambda s: global_shortcut_for(
            s, QGuiApplication.platformName(), purpose=purpose))
        self._backend: GlobalShortcut | None = None
        self._shortcut: str | None = None
        self.text = ""

    def configure(self, shortcut: str) -> None:
        """Grab `shortcut` (again only if it changed); an empty one lets go."""
        if shortcut == self._shortcut:
            return
        self._shortcut = shortcut
        self.stop()
        if not shortcut.strip():
            self._say(self.tr("No shortcut: the Show button and the window's key still work."))
            return
        backend, why = started(shortcut, self._backend_for)
        if backend is None:
            self._say(why)
            return
        backend.pressed.connect(self._action)
        backend.unavailable.connect(self._lost)
        self._backend = backend
        self._say(self.tr("{shortcut} works in every application.").format(
            shortcut=backend.shortcut.text()))

    def stop(self) -> None:
        if self._backend is not None:
            self._backend.stop()
            self._backend = None

    def _lost(self, reason: str) -> None:
        self._backend = None
        self._say(reason)

    def _say(self, text: str) -> None:
        self.text = text
        self.status.emit(text)
