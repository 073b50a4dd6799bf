"""Global push-to-talk on X11: a passive grab of one key on the root window (python-xlib).

A grab, not the RECORD extension: the X server sends us that one key and nothing else the user
types. The grab is made once per lock-state combination (Caps Lock, Num Lock), since X matches
modifiers exactly. The key's auto-repeat arrives as release+press pairs with one timestamp; a
release is reported only when no press follows it within REPEAT_S.
"""

from __future__ import annotations

import logging
import os
import select
import threading
from typing import Any

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut

log = logging.getLogger(__name__)
REPEAT_S = 0.04
KEY_NAMES = {"space": "space", "return": "Return", "enter": "Return", "tab": "Tab",
             "esc": "Escape", "escape": "Escape", "pause": "Pause", "ins": "Insert",
             "insert": "Insert", "home": "Home", "end": "End", "pgup": "Prior", "pgdown": "Next",
             "menu": "Menu", "scrolllock": "Scroll_Lock", "+": "plus", "-": "minus"}


class X11Shortcut(GlobalShortcut):
    def __init__(self, shortcut: Shortcut, display_name: str) -> None:
        super().__init__(shortcut)
        self.display_name = display_name
        self._display: Any = None
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = -1, -1
        self._down = False

    def start(self) -> bool:
        try:
            from Xlib import XK, X, display, error
        except ImportError:
            self.reason = self.tr("The global shortcut needs python-xlib, which is not "
                                  "installed.")
            return False
        try:
            self._display = display.Display(self.display_name)
        except (error.DisplayError, OSError) as exc:
            self.reason = self.tr("Could not reach the X display {display}: {why}").format(
                display=self.display_name, why=exc)
            return False
        name = KEY_NAMES.get(self.shortcut.key, self.shortcut.key)
        keysym = XK.string_to_keysym(name) or XK.string_to_keysym(name.capitalize())
        keycode = self._display.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            self._close()
            self.reason = self.tr("This keyboard has no key “{key}”.").format(
                key=self.shortcut.key)
            return False
        catcher = error.CatchError(error.BadAccess)
        root = self._display.screen().root
        for extra in self._lock_masks(X):
            root.grab_key(keycode, self._modifier_mask(X) | extra, True, X.GrabModeAsync,
                          X.GrabModeAsync, onerror=catcher)
        self._display.sync()
        if catcher.get_error():
            self._close()
            self.reason = self.tr("{shortcut} is already taken by another application; choose "
                                  "another shortcut in the settings.").format(
                                      shortcut=self.shortcut.text())
            return False
        self._keycode = keycode
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name="x11-shortcut", daemon=True)
        self._thread.start()
        log.info("global shortcut %s grabbed on %s", self.shortcut.text(), self.display_name)
        return True

    def stop(self) -> None:
        if self._thread is not None:
            os.write(self._wake_w, b"x")
            self._thread.join(2)
            self._thread = None
            os.close(self._wake_r)
            os.close(self._wake_w)
        self._close()

    def _close(self) -> None:
        if self._display is not None:
            try:
                self._display.close()
            except Exception:                  # a display that went away closes as it can
                log.debug("closing the X display", exc_info=True)
            self._display = None

    def _modifier_mask(self, X: Any) -> int:
        masks = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask,
                 "meta": X.Mod4Mask}
        mask = 0
        for modifier in self.shortcut.modifiers:
            mask |= masks[modifier]
        return mask

    @staticmethod
    def _lock_masks(X: Any) -> list[int]:
        caps, num = X.LockMask, X.Mod2Mask
        return [0, caps, num, caps | num]

    def _run(self) -> None:
        """The X connection's own thread: the only one that reads it after start()."""
        from Xlib import X

        fd = self._display.fileno()
        pending_release = False
        while True:
            timeout = REPEAT_S if pending_release else None
            ready, _, _ = select.select([fd, self._wake_r], [], [], timeout)
            if self._wake_r in ready:
                return
            if not ready and pending_release:
                pending_release = False
                self._set(False)
                continue
            try:
                count = self._display.pending_events()
                events = [self._display.next_event() for _ in range(count)]
            except Exception:
                log.warning("the X connection failed; the global shortcut stops", exc_info=True)
                self._set(False)
                return
            for event in events:
                if getattr(event, "detail", None) != self._keycode:
                    continue
                if event.type == X.KeyRelease:
                    pending_release = True
                elif event.type == X.KeyPress:
                    pending_release = False        # a repeat's press: still held
                    self._set(True)

    def _set(self, down: bool) -> None:
        if down != self._down:
            self._down = down
            (self.pressed if down else self.released).emit()
