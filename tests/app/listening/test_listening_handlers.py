"""The dictation and translation handlers against a recording fake of the controller, with the
app's real Dictation and InterpreterLog behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.app.listening.dictation import Dictation
from assistant.app.listening.handlers import DICTATION, INTERPRETER
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.app.settings import Preferences, Settings
from assistant.modes import ConnectionState


@dataclass
class Fake:
    state: str = ConnectionState.READY
    dictation: Dictation = field(default_factory=Dictation)
    interpreter: InterpreterLog = field(default_factory=lambda: InterpreterLog(
        Preferences(Settings(translation_language="fr"))))
    notices: list[str] = field(default_factory=list)

    def set_state(self, state: str, detail: str) -> None:
        self.state = state

    def where(self) -> str:
        return "here"

    def ready_text(self) -> str:
        return "ready"

    def show_notice(self, text: str) -> None:
        self.notices.append(text)


def feed(fake: Fake, table: Any, *events: dict[str, Any]) -> None:
    for event in events:
        handler = table.handler(event["type"])
        assert handler is not None, event["type"]
        handler(fake, event)


def test_a_dictated_segment_is_timed_on_the_sessions_timeline_and_written(tmp_path):
    fake = Fake()
    fake.dictation.kept.name(tmp_path / "out.srt")
    feed(fake, DICTATION,
         {"type": "input_audio_buffer.speech_started", "item_id": "i1", "audio_start_ms": 1200},
         {"type": "input_audio_buffer.speech_stopped", "item_id": "i1", "audio_end_ms": 3400})
    assert fake.state == ConnectionState.THINKING
    feed(fake, DICTATION,
         {"type": "conversation.item.input_audio_transcription.delta", "item_id": "i1",
          "delta": "hello "},
         {"type": "conversation.item.input_audio_transcription.completed", "item_id": "i1",
          "transcript": "Hello there."})
    [segment] = fake.dictation.ordered()
    assert (segment.start_ms, segment.end_ms, segment.text, segment.final) == (
        1200, 3400, "Hello there.", True)
    assert fake.state == ConnectionState.READY
    assert (tmp_path / "out.srt").read_text() == \
        "1\n00:00:01,200 --> 00:00:03,400\nHello there.\n"


def test_malformed_dictation_events_change_nothing_harmful():
    fake = Fake()
    feed(fake, DICTATION,
         {"type": "input_audio_buffer.speech_started", "audio_start_ms": "soon"},
         {"type": "conversation.item.input_audio_transcription.failed", "item_id": "x",
          "error": None},
         {"type": "error", "error": {"code": "session_expired", "message": "time"}})
    assert fake.notices == ["A segment could not be transcribed: an error without a message"]


def test_translation_fills_both_sides_and_ends_a_push_to_talk_wait(tmp_path):
    fake = Fake(state=ConnectionState.THINKING)
    feed(fake, INTERPRETER,
         {"type": "session.input_transcript.delta", "delta": "where is "},
         {"type": "session.output_transcript.delta", "delta": "où est "})
    assert fake.state == ConnectionState.READY
    assert (fake.interpreter.source, fake.interpreter.target) == ("where is ", "où est ")
    assert fake.interpreter.save(tmp_path / "t.txt") is None
    assert (tmp_path / "t.txt").read_text() == ("What was said:\nwhere is\n\n"
                                                "Translation (fr):\noù est\n")
    assert fake.interpreter.save(tmp_path / "no" / "\0bad") is not None   # a sentence, no crash
