"""A global shortcut that does one thing each time it is pressed (showing the screen), on the
same backends as the push-to-talk key."""

from __future__ import annotations

from collections.abc import Callable

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut
from assistant.desktop.held_key import HeldKey


class GlobalActionKey(HeldKey):
    def __init__(self, action: Callable[[], None], purpose: str,
                 backend_for: Callable[[Shortcut], GlobalShortcut] | None = None) -> None:
        super().__init__(purpose, backend_for)
        self._action = action
        self._shortcut: str | None = None

    def configure(self, shortcut: str) -> None:
        """Grab `shortcut` (again only if it changed); an empty one lets go."""
        if shortcut == self._shortcut:
            return
        self._shortcut = shortcut
        self.stop()
        if not shortcut.strip():
            self._say(self.tr("No shortcut: the Show button and the window's key still work."))
            return
        backend = self._take(shortcut)
        if backend is not None:
            backend.pressed.connect(self._action)
            self._say(self.tr("{shortcut} works in every application.").format(
                shortcut=backend.shortcut.text()))
