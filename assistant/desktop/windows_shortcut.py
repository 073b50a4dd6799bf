"""Global push-to-talk on Windows: RegisterHotKey for the press, the key's state for the release.

RegisterHotKey reports presses only (with MOD_NOREPEAT, one per hold), into the message queue of
the thread that registered it; so a thread of ours registers it and runs a message loop. Windows
sends nothing when the key goes up, so while it is held that thread polls GetAsyncKeyState every
POLL_S. Built and self-tested by the release workflow; no Windows here (see the README).
"""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from typing import Any

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut

log = logging.getLogger(__name__)
POLL_S = 0.02
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
MODIFIER_FLAGS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
NAMED_KEYS = {"space": 0x20, "return": 0x0D, "enter": 0x0D, "tab": 0x09, "esc": 0x1B,
              "escape": 0x1B, "pause": 0x13, "insert": 0x2D, "ins": 0x2D, "home": 0x24,
              "end": 0x23, "pgup": 0x21, "pgdown": 0x22, "scrolllock": 0x91, "menu": 0x5D}
HOTKEY_ID = 0x5641
WINDLL: Any = getattr(ctypes, "windll", None)        # only on Windows


class Msg(ctypes.Structure):
    """MSG, as GetMessageW fills it."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint),
                ("wParam", ctypes.c_size_t), ("lParam", ctypes.c_ssize_t),
                ("time", ctypes.c_ulong), ("pt_x", ctypes.c_long), ("pt_y", ctypes.c_long),
                ("private", ctypes.c_ulong)]


def virtual_key(key: str) -> int:
    """The virtual-key code of a key name, or 0."""
    if key in NAMED_KEYS:
        return NAMED_KEYS[key]
    if len(key) == 1 and key.isascii() and key.isalnum():
        return ord(key.upper())
    if key[0] == "f" and key[1:].isdigit() and 1 <= int(key[1:]) <= 24:
        return 0x70 + int(key[1:]) - 1
    return 0


class WindowsShortcut(GlobalShortcut):
    def __init__(self, shortcut: Shortcut) -> None:
        super().__init__(shortcut)
        self._thread: threading.Thread | None = None
        self._thread_id = 0
        self._registered = threading.Event()
        self._ok = False

    def start(self) -> bool:
        vk = virtual_key(self.shortcut.key)
        if not vk:
            self.reason = self.tr("This keyboard has no key “{key}”.").format(
                key=self.shortcut.key)
            return False
        self._thread = threading.Thread(target=self._run, args=(vk,), name="win-shortcut",
                                        daemon=True)
        self._thread.start()
        self._registered.wait(2)
        if not self._ok:
            self.reason = self.tr("{shortcut} is already taken by another application; choose "
                                  "another shortcut in the settings.").format(
                                      shortcut=self.shortcut.text())
        return self._ok

    def stop(self) -> None:
        if self._thread is not None and self._thread_id:
            WINDLL.user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            self._thread.join(2)
        self._thread = None

    def _run(self, vk: int) -> None:
        user32 = WINDLL.user32
        self._thread_id = WINDLL.kernel32.GetCurrentThreadId()
        flags = MOD_NOREPEAT
        for modifier in self.shortcut.modifiers:
            flags |= MODIFIER_FLAGS[modifier]
        self._ok = bool(user32.RegisterHotKey(None, HOTKEY_ID, flags, vk))
        self._registered.set()
        if not self._ok:
            return
        message = Msg()
        try:
            while user32.GetMessageW(ctypes.byref(message), None, 0, 0) > 0:
                if message.message == WM_HOTKEY and message.wParam == HOTKEY_ID:
                    self.pressed.emit()
                    while user32.GetAsyncKeyState(vk) & 0x8000:     # the high bit: held
                        time.sleep(POLL_S)
                    self.released.emit()
        finally:
            user32.UnregisterHotKey(None, HOTKEY_ID)
