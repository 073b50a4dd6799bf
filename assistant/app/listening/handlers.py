"""The server events of the two listening modes, one small handler per type, as in
`handlers` for the conversation: dictation (a transcription session) fills timed segments;
live translation fills the two transcripts (its audio goes to the speaker through the bridge).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from assistant.app.conversation.handlers import error_line
from assistant.app.listening.dictation import Dictation
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.dispatch import EventTable
from assistant.modes import ConnectionState
from assistant.realtime.server_events import (
    ErrorEvent,
    SpeechStarted,
    SpeechStopped,
    StreamDelta,
    TranscriptionFailed,
    Typed,
    UserTranscriptDelta,
    UserTranscriptDone,
)


class Listening(Protocol):
    @property
    def state(self) -> ConnectionState: ...
    @property
    def dictation(self) -> Dictation: ...
    @property
    def interpreter(self) -> InterpreterLog: ...
    def set_state(self, state: ConnectionState, detail: str) -> None: ...
    def where(self) -> str: ...
    def ready_text(self) -> str: ...
    def show_notice(self, text: str) -> None: ...


DICTATION: EventTable[Listening, None] = EventTable()
INTERPRETER: EventTable[Listening, None] = EventTable()


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@DICTATION.on("input_audio_buffer.speech_started")
def _speech_started(c: Listening, e: SpeechStarted) -> None:
    c.set_state(ConnectionState.RECORDING, c.where() + "  ·  " + QCoreApplication.translate(
        "Handlers", "hearing you"))
    c.dictation.speech_started(str(e.get("item_id")), _int(e.get("audio_start_ms")))


@DICTATION.on("input_audio_buffer.speech_stopped")
def _speech_stopped(c: Listening, e: SpeechStopped) -> None:
    c.set_state(ConnectionState.THINKING, c.where() + "  ·  " + QCoreApplication.translate(
        "Handlers", "writing it down"))
    c.dictation.speech_stopped(str(e.get("item_id")), _int(e.get("audio_end_ms")))


@DICTATION.on("conversation.item.input_audio_transcription.delta")
def _transcript_delta(c: Listening, e: UserTranscriptDelta) -> None:
    c.dictation.text(str(e.get("item_id")), str(e.get("delta", "")), False)


@DICTATION.on("conversation.item.input_audio_transcription.completed")
def _transcript_done(c: Listening, e: UserTranscriptDone) -> None:
    c.dictation.text(str(e.get("item_id")), str(e.get("transcript", "")), True)
    c.set_state(ConnectionState.READY, c.ready_text())
    if c.dictation.kept.problem:
        c.show_notice(c.dictation.kept.problem)


@DICTATION.on("conversation.item.input_audio_transcription.failed")
def _transcript_failed(c: Listening, e: TranscriptionFailed) -> None:
    c.show_notice(error_line(e, QCoreApplication.translate(
        "Handlers", "A segment could not be transcribed")) or "")
    c.set_state(ConnectionState.READY, c.ready_text())


@INTERPRETER.on("session.input_transcript.delta")
def _heard(c: Listening, e: StreamDelta) -> None:
    c.interpreter.heard(str(e.get("delta", "")))


@INTERPRETER.on("session.output_transcript.delta")
def _translated(c: Listening, e: StreamDelta) -> None:
    c.interpreter.translated(str(e.get("delta", "")))
    if c.state != ConnectionState.READY:      # after a push-to-talk turn: the translation came
        c.set_state(ConnectionState.READY, c.ready_text())


@INTERPRETER.on("session.closed")
def _closed(c: Listening, e: Typed) -> None:
    c.show_notice(QCoreApplication.translate("Handlers", "The translation session was closed."))


@DICTATION.on("error")
@INTERPRETER.on("error")
def _error(c: Listening, e: ErrorEvent) -> None:
    if (line := error_line(e, "Server")) is not None:
        c.show_notice(line)
