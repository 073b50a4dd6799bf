"""Global push-to-talk on macOS: a listen-only Quartz event tap on its own run-loop thread.

The tap sees key presses and releases in every application, which macOS allows only once the
user has granted the app Accessibility (or Input Monitoring) in System Settings; without it
CGEventTapCreate returns NULL and `reason` says where to grant it. Written from Apple's Quartz
Event Services reference through ctypes; built by the release workflow, untested here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
from typing import Any

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut

log = logging.getLogger(__name__)
KEY_DOWN, KEY_UP = 10, 11                          # kCGEventKeyDown, kCGEventKeyUp
TAP_DISABLED = (0xFFFFFFFE, 0xFFFFFFFF)            # by timeout, by user input
KEYCODE_FIELD = 9                                  # kCGKeyboardEventKeycode
AUTOREPEAT_FIELD = 8                               # kCGKeyboardEventAutorepeat
FLAGS = {"shift": 0x20000, "ctrl": 0x40000, "alt": 0x80000, "meta": 0x100000}
ALL_FLAGS = sum(FLAGS.values())
# Virtual key codes of the ANSI layout (Carbon's kVK_ constants).
KEYCODES = {**dict(zip("asdfhgzxcv", (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)),
            **dict(zip("bqweryt", (11, 12, 13, 14, 15, 16, 17), strict=True)),
            **dict(zip("123465", (18, 19, 20, 21, 22, 23), strict=True)),
            **dict(zip("97", (25, 26), strict=True)), "8": 28, "0": 29, "o": 31, "u": 32,
            "i": 34, "p": 35, "l": 37, "j": 38, "k": 40, "n": 45, "m": 46, "space": 49,
            "return": 36, "enter": 36, "tab": 48, "esc": 53, "escape": 53,
            **{f"f{n}": code for n, code in enumerate(
                (122, 120, 99, 118, 96, 97, 98, 100, 101, 109, 103, 111), start=1)}}
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p,
                            ctypes.c_void_p)


def matches(flags: int, shortcut: Shortcut) -> bool:
    """The event's modifier flags are exactly the shortcut's (Caps Lock and the rest ignored)."""
    wanted = sum(FLAGS[m] for m in shortcut.modifiers)
    return flags & ALL_FLAGS == wanted


class MacShortcut(GlobalShortcut):
    def __init__(self, shortcut: Shortcut) -> None:
        super().__init__(shortcut)
        self._thread: threading.Thread | None = None
        self._loop: Any = None
        self._ready = threading.Event()
        self._ok = False
        self._down = False
        self._callback = CALLBACK(self._on_event)      # kept: Quartz holds only a pointer

    def start(self) -> bool:
        code = KEYCODES.get(self.shortcut.key)
        if code is None:
            self.reason = self.tr("This keyboard has no key “{key}”.").format(
                key=self.shortcut.key)
            return False
        self._keycode = code
        self._thread = threading.Thread(target=self._run, name="mac-shortcut", daemon=True)
        self._thread.start()
        self._ready.wait(2)
        if not self._ok:
            self.reason = self.tr("macOS lets the app hear the shortcut once you allow it: "
                                  "System Settings, Privacy & Security, Accessibility.")
        return self._ok

    def stop(self) -> None:
        if self._loop is not None:
            _core_foundation().CFRunLoopStop(self._loop)
        if self._thread is not None:
            self._thread.join(2)
        self._thread, self._loop = None, None

    def _run(self) -> None:
        quartz, cf = _quartz(), _core_foundation()
        mask = (1 << KEY_DOWN) | (1 << KEY_UP)
        # 1: the session's events, 0: at the head, 1: listen only
        tap = quartz.CGEventTapCreate(1, 0, 1, ctypes.c_uint64(mask), self._callback, None)
        self._ok, self._tap = bool(tap), tap
        if not tap:
            self._ready.set()
            return
        source = cf.CFMachPortCreateRunLoopSource(None, tap, 0)
        self._loop = cf.CFRunLoopGetCurrent()
        cf.CFRunLoopAddSource(self._loop, source, ctypes.c_void_p.in_dll(
            cf, "kCFRunLoopCommonModes"))
        quartz.CGEventTapEnable(tap, True)
        self._ready.set()
        cf.CFRunLoopRun()

    def _on_event(self, _proxy: Any, kind: int, event: Any, _info: Any) -> Any:
        quartz = _quartz()
        if kind in TAP_DISABLED:                  # macOS turned a slow tap off: back on
            quartz.CGEventTapEnable(self._tap, True)
            return event
        if quartz.CGEventGetIntegerValueField(event, KEYCODE_FIELD) != self._keycode:
            return event
        if kind == KEY_DOWN and not self._down and matches(quartz.CGEventGetFlags(event),
                                                           self.shortcut):
            self._down = True
            self.pressed.emit()
        elif kind == KEY_UP and self._down:
            self._down = False
            self.released.emit()
        return event


def _quartz() -> Any:
    library = ctypes.CDLL(ctypes.util.find_library("ApplicationServices") or "")
    library.CGEventTapCreate.restype = ctypes.c_void_p
    library.CGEventTapCreate.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
                                         ctypes.c_uint64, CALLBACK, ctypes.c_void_p]
    library.CGEventGetIntegerValueField.restype = ctypes.c_int64
    library.CGEventGetIntegerValueField.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    library.CGEventGetFlags.restype = ctypes.c_uint64
    library.CGEventGetFlags.argtypes = [ctypes.c_void_p]
    library.CGEventTapEnable.argtypes = [ctypes.c_void_p, ctypes.c_bool]
    return library


def _core_foundation() -> Any:
    library = ctypes.CDLL(ctypes.util.find_library("CoreFoundation") or "")
    library.CFMachPortCreateRunLoopSource.restype = ctypes.c_void_p
    library.CFMachPortCreateRunLoopSource.argtypes = [ctypes.c_void_p, ctypes.c_void_p,
                                                      ctypes.c_long]
    library.CFRunLoopGetCurrent.restype = ctypes.c_void_p
    library.CFRunLoopAddSource.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    library.CFRunLoopStop.argtypes = [ctypes.c_void_p]
    return library
