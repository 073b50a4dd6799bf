"""The sentences the conversation shows when its connection drops, comes back or rolls over,
and the status line's "ready" sentence for each way of talking."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.app.local_format import counted, said
from assistant.errors import AssistantError
from assistant.modes import SessionMode, TurnMode

CUT_OFF = " (cut off: the connection dropped)"         # kept in the history: one language


def lost(error: AssistantError, roles: set[str]) -> str:
    """The connection dropped; `roles`: whose turns were in flight (and so were lost)."""
    sentences = [said(error)]
    if "user" in roles:
        sentences.append(QCoreApplication.translate(
            "Notices", "What you were saying was not sent; please say it again."))
    if "assistant" in roles:
        sentences.append(QCoreApplication.translate("Notices", "The reply in progress was lost."))
    return " ".join(sentences)


def opened(reason: str, reconnects: int, left_out: int) -> list[str]:
    """A new session has the conversation: after a drop, or a rollover (one marker line)."""
    said = []
    if reason == "rollover":
        said.append(QCoreApplication.translate(
            "Notices", "— A new session (the time limit); the conversation carries on —"))
    elif reason == "reconnect":
        said.append(counted.reconnected(reconnects))
    if left_out:
        said.append(counted.left_out(left_out))
    return said


def ready(where: str, turn_mode: TurnMode, session_mode: SessionMode) -> str:
    """What the user can do now, in the status line."""
    push = turn_mode is TurnMode.PUSH_TO_TALK
    if session_mode is SessionMode.DICTATION:
        how = QCoreApplication.translate("Notices", "hold Space or the button to dictate") \
            if push else QCoreApplication.translate("Notices", "speak: it is written down")
    elif session_mode is SessionMode.INTERPRETER:
        how = QCoreApplication.translate("Notices", "hold Space or the button to speak") \
            if push else QCoreApplication.translate("Notices", "speak: it is translated aloud")
    else:
        how = QCoreApplication.translate("Notices", "hold Space or the button to talk") \
            if push else QCoreApplication.translate("Notices", "talk any time")
    return f"{where}  ·  {how}"
