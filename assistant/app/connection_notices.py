"""The sentences the conversation shows when its connection drops, comes back or rolls over,
and the status line's "ready" sentence for each way of talking."""

from __future__ import annotations

from assistant.errors import AssistantError

CUT_OFF = " (cut off: the connection dropped)"


def lost(error: AssistantError, roles: set[str]) -> str:
    """The connection dropped; `roles`: whose turns were in flight (and so were lost)."""
    said = [str(error)]
    if "user" in roles:
        said.append("What you were saying was not sent; please say it again.")
    if "assistant" in roles:
        said.append("The reply in progress was lost.")
    return " ".join(said)


def opened(reason: str, reconnects: int, left_out: int) -> list[str]:
    """A new session has the conversation: after a drop, or a rollover (one marker line)."""
    said = []
    if reason == "rollover":
        said.append("— A new session (the time limit); the conversation carries on —")
    elif reason == "reconnect":
        said.append(f"Reconnected after {reconnects} drop{'' if reconnects == 1 else 's'}; "
                    "the conversation carries on.")
    if left_out:
        said.append(f"The {left_out} oldest items of this long conversation did not fit the new "
                    "session's token budget; the model has the rest.")
    return said


def ready(where: str, turn_mode: str, session_mode: str) -> str:
    """What the user can do now, in the status line."""
    push = turn_mode == "none"
    if session_mode == "dictation":
        how = "hold Space or the button to dictate" if push else "speak: it is written down"
    elif session_mode == "translation":
        how = "hold Space or the button to speak" if push else "speak: it is translated aloud"
    else:
        how = "hold Space or the button to talk" if push else "talk any time"
    return f"{where}  ·  {how}"
