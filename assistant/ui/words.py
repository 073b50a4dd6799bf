"""Words shown in more than one place (states, modes), marked for translation once.

Tables elsewhere mark their labels with QT_TRANSLATE_NOOP("Words", ...) and show them through
`translated`, so lupdate finds them and the running language picks them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.modes import ConnectionState, EchoMode, SessionMode, TurnMode
from assistant.translatable import QT_TRANSLATE_NOOP

STATE_WORDS = {ConnectionState.DISCONNECTED: QT_TRANSLATE_NOOP("Words", "Disconnected"),
               ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("Words", "Connecting"),
               ConnectionState.READY: QT_TRANSLATE_NOOP("Words", "Ready"),
               ConnectionState.RECORDING: QT_TRANSLATE_NOOP("Words", "Recording"),
               ConnectionState.THINKING: QT_TRANSLATE_NOOP("Words", "Thinking"),
               ConnectionState.SPEAKING: QT_TRANSLATE_NOOP("Words", "Speaking"),
               ConnectionState.ERROR: QT_TRANSLATE_NOOP("Words", "Error")}


TURN_MODE_WORDS = {TurnMode.PUSH_TO_TALK: QT_TRANSLATE_NOOP("Words", "Push-to-talk"),
                   TurnMode.SERVER_VAD: QT_TRANSLATE_NOOP("Words", "Server VAD"),
                   TurnMode.SEMANTIC_VAD: QT_TRANSLATE_NOOP("Words", "Semantic VAD")}
SESSION_MODE_WORDS = {SessionMode.CONVERSATION: QT_TRANSLATE_NOOP("Words", "Conversation"),
                      SessionMode.DICTATION: QT_TRANSLATE_NOOP("Words", "Dictation"),
                      SessionMode.INTERPRETER: QT_TRANSLATE_NOOP("Words", "Interpreter")}
ECHO_WORDS = {EchoMode.AUTO: QT_TRANSLATE_NOOP("Words", "Automatic (off on headphones)"),
              EchoMode.ON: QT_TRANSLATE_NOOP("Words", "On"),
              EchoMode.OFF: QT_TRANSLATE_NOOP("Words", "Off")}


def translated(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def state_words(state: ConnectionState) -> str:
    return translated(STATE_WORDS[state]) if state in STATE_WORDS else state.title()
