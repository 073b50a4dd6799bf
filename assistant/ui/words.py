"""Words shown in more than one place (states, modes), marked for translation once.

Tables elsewhere mark their labels with QT_TRANSLATE_NOOP("Words", ...) and show them through
`translated`, so lupdate finds them and the running language picks them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.translatable import QT_TRANSLATE_NOOP

STATE_WORDS = {"disconnected": QT_TRANSLATE_NOOP("Words", "Disconnected"),
               "connecting": QT_TRANSLATE_NOOP("Words", "Connecting"),
               "listening": QT_TRANSLATE_NOOP("Words", "Listening"),
               "thinking": QT_TRANSLATE_NOOP("Words", "Thinking"),
               "speaking": QT_TRANSLATE_NOOP("Words", "Speaking"),
               "error": QT_TRANSLATE_NOOP("Words", "Error")}


def translated(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def state_words(state: str) -> str:
    return translated(STATE_WORDS[state]) if state in STATE_WORDS else state.title()
