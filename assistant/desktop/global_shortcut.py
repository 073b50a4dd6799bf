"""One small interface for a key that works while another application has focus.

Each platform's backend reports `pressed` and `released` through Qt signals (queued, so a
backend's own thread never touches the GUI); where none can work, `reason` says why in words the
settings show.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

DEFAULT_SHORTCUT = "Ctrl+Alt+Space"
MODIFIERS = ("ctrl", "alt", "shift", "meta")
ALIASES = {"control": "ctrl", "super": "meta", "win": "meta", "cmd": "meta", "option": "alt"}


class ShortcutError(ValueError):
    """A shortcut text that names no key, or names a modifier twice."""


@dataclass(frozen=True)
class Shortcut:
    modifiers: frozenset[str]          # of MODIFIERS
    key: str                           # lower case: "space", "f8", "a"

    @classmethod
    def parse(cls, text: str) -> Shortcut:
        text = text.strip()
        plus = text == "+" or text.endswith("++")     # "Ctrl++" is Ctrl and the plus key
        parts = [part.strip().lower() for part in (text[:-1] if plus else text).split("+")]
        if plus:
            parts[-1] = "+"
        parts = [ALIASES.get(part, part) for part in parts]
        *mods, key = parts
        if not key or key in MODIFIERS or any(m not in MODIFIERS for m in mods):
            raise ShortcutError(QCoreApplication.translate(
                "Shortcut", "“{text}” is not a shortcut: use modifiers and one key, like "
                "{example}.").format(text=text, example=DEFAULT_SHORTCUT))
        if len(set(mods)) != len(mods):
            raise ShortcutError(QCoreApplication.translate(
                "Shortcut", "“{text}” names a modifier twice.").format(text=text))
        return cls(frozenset(mods), key)

    def text(self) -> str:
        names = [m.capitalize() for m in MODIFIERS if m in self.modifiers]
        return "+".join([*names, self.key.capitalize() if len(self.key) > 1 else self.key.upper()])


class GlobalShortcut(QObject):
    """A backend: start() grabs the key (False and `reason` set when it cannot), stop() lets go."""

    pressed = Signal()
    released = Signal()
    unavailable = Signal(str)          # a backend that could only find out later (the portal)

    def __init__(self, shortcut: Shortcut) -> None:
        super().__init__()
        self.shortcut = shortcut
        self.reason = ""

    def start(self) -> bool:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class Unavailable(GlobalShortcut):
    """Where no backend works: the reason is the whole story."""

    def __init__(self, shortcut: Shortcut, reason: str) -> None:
        super().__init__(shortcut)
        self.reason = reason

    def start(self) -> bool:
        return False

    def stop(self) -> None:
        pass
