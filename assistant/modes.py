"""The app's states and modes, each defined once and spelt one way in code, settings, the
command line, the window and the tray. No Qt: the command line and the wire layer use them.

A value's string is what the settings file and the command line hold; `_missing_` reads the
spellings earlier versions wrote, so a saved choice survives an upgrade.
"""

from __future__ import annotations

from enum import StrEnum


class ConnectionState(StrEnum):
    """Where the app is with the service. READY waits for the user; RECORDING hears them."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    READY = "ready"
    RECORDING = "recording"
    THINKING = "thinking"
    SPEAKING = "speaking"
    ERROR = "error"

    @property
    def connected(self) -> bool:
        return self not in (ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                            ConnectionState.ERROR)


class TurnMode(StrEnum):
    """How a turn ends: on release of the talk key, or when the server hears the user stop."""

    PUSH_TO_TALK = "push_to_talk"
    SERVER_VAD = "server_vad"
    SEMANTIC_VAD = "semantic_vad"

    @classmethod
    def _missing_(cls, value: object) -> TurnMode | None:
        return cls.PUSH_TO_TALK if value in ("none", "ptt") else None   # settings, CLI before


class SessionMode(StrEnum):
    """What a session is for: a conversation with the model, dictation (transcription only),
    or the interpreter (what the user says, spoken in another language)."""

    CONVERSATION = "conversation"
    DICTATION = "dictation"
    INTERPRETER = "interpreter"

    @classmethod
    def _missing_(cls, value: object) -> SessionMode | None:
        return cls.INTERPRETER if value == "translation" else None      # settings before


class EchoMode(StrEnum):
    """Echo cancellation: on, off, or auto (on unless the output is headphones)."""

    AUTO = "auto"
    ON = "on"
    OFF = "off"


class Eagerness(StrEnum):
    """How soon semantic VAD decides a turn has ended."""

    AUTO = "auto"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ReasoningEffort(StrEnum):
    """How much a reasoning model (gpt-realtime-2 and later) thinks before it answers; AUTO
    sends nothing and leaves it to the model."""

    AUTO = "auto"
    MINIMAL = "minimal"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    XHIGH = "xhigh"
