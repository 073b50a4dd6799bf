"""The global push-to-talk key: a backend's press and release turned into turns.

Hold: press starts a turn, release sends it. Toggle (for people who cannot hold keys): one press
starts, the next sends. `held` tells the tray, which confirms it while the window may be hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal

from assistant.desktop.global_shortcut import (
    GlobalShortcut,
    Shortcut,
)
from assistant.desktop.held_key import HeldKey
from assistant.desktop.portal_shortcut import SHORTCUT_ID

STYLES = ("hold", "toggle", "off")


class GlobalTalkKey(HeldKey):
    held = Signal(bool)

    def __init__(self, press: Callable[[], None], release: Callable[[], None],
                 backend_for: Callable[[Shortcut], GlobalShortcut] | None = None) -> None:
        super().__init__(SHORTCUT_ID, backend_for)
        self._press, self._release = press, release
        self._config: tuple[str, str] = ("", "off")
        self.style = "off"
        self.down = False

    def configure(self, shortcut: str, style: str) -> None:
        """Grab `shortcut` (again only if it or the style changed); style "off" lets go."""
        if (shortcut, style) == self._config:
            return
        self._config = (shortcut, style)
        self.stop()
        self.style = style if style in STYLES else "hold"
        if self.style == "off":
            self._say(self.tr("The global shortcut is off."))
            return
        backend = self._take(shortcut)
        if backend is None:
            return
        backend.pressed.connect(self._on_pressed)
        backend.released.connect(self._on_released)
        self._say((self.tr("{shortcut} works in every application: hold it to talk.")
                   if self.style == "hold" else
                   self.tr("{shortcut} works in every application: press it to start and again "
                           "to send.")).format(shortcut=backend.shortcut.text()))

    def hint(self) -> str:
        """The tray menu's reminder of the key, while it works."""
        if self._backend is None:
            return ""
        return (self.tr("Hold {shortcut} to talk from any application")
                if self.style == "hold" else
                self.tr("Press {shortcut} to talk from any application")).format(
                    shortcut=self._backend.shortcut.text())

    def stop(self) -> None:
        if self.down:
            self._set_down(False)
        super().stop()

    def _on_pressed(self) -> None:
        if self.style == "toggle":
            self._set_down(not self.down)
        elif not self.down:
            self._set_down(True)

    def _on_released(self) -> None:
        if self.style == "hold" and self.down:
            self._set_down(False)

    def _set_down(self, down: bool) -> None:
        self.down = down
        (self._press if down else self._release)()
        self.held.emit(down)
