"""GA <-> beta translation, checked against the SDK's beta and GA types."""

from __future__ import annotations

from assistant.realtime import dialect, events
from assistant.realtime.session_config import (
    SessionSettings,
    TurnDetection,
    build_session,
)
from tests import oracle


def _settings(mode: str) -> SessionSettings:
    """A session a beta endpoint can take: the beta types name only the models of their time."""
    return SessionSettings(model="gpt-4o-realtime-preview",
                           turn_detection=TurnDetection(mode=mode),  # type: ignore[arg-type]
                           tools=[{"type": "function", "name": "clock",
                                   "description": "time of day", "parameters": {}}])


def test_built_session_validates_as_ga_and_translates_to_valid_beta():
    for mode in ("none", "server_vad", "semantic_vad"):
        update = events.session_update(build_session(_settings(mode)))
        oracle.validate(update, "client", "ga")
        beta = dialect.client_to_beta(update)
        oracle.validate(beta, "client", "beta")
        assert beta["session"]["modalities"] == ["text", "audio"]
        assert beta["session"]["input_audio_format"] == "pcm16"
        assert "audio" not in beta["session"] and "type" not in beta["session"]


def test_session_round_trips_through_beta():
    session = build_session(_settings("server_vad"))
    back = dialect.session_from_beta(dialect.session_to_beta(session))
    assert back["audio"]["input"]["turn_detection"] == session["audio"]["input"]["turn_detection"]
    assert back["audio"]["output"]["voice"] == session["audio"]["output"]["voice"]
    assert back["output_modalities"] == ["audio"] and back["tools"] == session["tools"]


def test_every_client_builder_validates_in_both_dialects():
    built = [events.audio_append(b"\x00\x01" * 10), events.audio_commit(), events.audio_clear(),
             events.user_text("hi"), events.function_output("call_1", "{}"),
             events.response_create({"output_modalities": ["text"]}), events.response_cancel(),
             events.item_truncate("item_1", 120), events.item_delete("item_1")]
    for event in built:
        oracle.validate(event, "client", "ga")
        oracle.validate(dialect.client_to_beta(event), "client", "beta")
        assert dialect.client_from_beta(dialect.client_to_beta(event)) == event


def test_beta_server_names_become_ga():
    for beta_name, ga_name in [("response.audio.delta", "response.output_audio.delta"),
                               ("response.audio_transcript.done",
                                "response.output_audio_transcript.done"),
                               ("response.text.delta", "response.output_text.delta"),
                               ("conversation.item.created", "conversation.item.added")]:
        assert dialect.server_from_beta({"type": beta_name})["type"] == ga_name
        assert dialect.server_to_beta({"type": ga_name})["type"] == beta_name
    assert dialect.server_to_beta({"type": "conversation.item.done"}) is None
    item = {"type": "message", "role": "assistant", "content": [{"type": "audio"}]}
    ga = dialect.server_from_beta({"type": "conversation.item.created", "item": item})
    assert ga["item"]["content"][0]["type"] == "output_audio"
