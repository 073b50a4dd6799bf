"""What the push-to-talk key and the show-screen key share: one running backend for the shortcut
the user set, a sentence for the settings on whether it works, and letting go of it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut, ShortcutError
from assistant.desktop.shortcut_backends import global_shortcut_for


class HeldKey(QObject):
    status = Signal(str)            # a sentence for the settings: working, or why not

    def __init__(self, purpose: str,
                 backend_for: Callable[[Shortcut], GlobalShortcut] | None = None) -> None:
        super().__init__()
        self._backend_for = backend_for or (lambda s: global_shortcut_for(
            s, QGuiApplication.platformName(), purpose=purpose))
        self._backend: GlobalShortcut | None = None
        self.text = ""

    def _take(self, text: str) -> GlobalShortcut | None:
        """`text` parsed and its backend started and held; None (and why, said) if not."""
        try:
            backend = self._backend_for(Shortcut.parse(text))
        except ShortcutError as exc:
            self._say(str(exc))
            return None
        if not backend.start():
            self._say(backend.reason)
            return None
        backend.unavailable.connect(self._lost)
        self._backend = backend
        return backend

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
