"""Whatever the network sends, the session's receive path neither raises nor stops."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession

_TYPES = ["response.output_audio.delta", "response.created", "response.done", "session.updated",
          "error", "conversation.item.added", "response.audio.delta", "session.created",
          "input_audio_buffer.speech_started", "x.unknown"]
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                     | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=20)
_events = st.fixed_dictionaries({"type": st.sampled_from(_TYPES)},
                                optional={"delta": _json, "item_id": _json, "response": _json,
                                          "error": _json, "session": _json, "item": _json})
_messages = st.one_of(st.text(max_size=200), st.binary(max_size=200),
                      _events.map(json.dumps), _json.map(json.dumps))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_messages, max_size=12), st.sampled_from(["ga", "beta"]))
def test_arbitrary_messages_never_escape(messages, dialect):
    session = RealtimeSession(Endpoint(api_key="k", dialect=dialect))
    seen: list[dict] = []
    session.listeners.append(seen.append)
    for message in messages:
        session.handle_raw(message)
    # every message produced exactly one event for listeners: itself, or a local error
    assert len(seen) == len(messages)
    assert all(isinstance(e, dict) and isinstance(e.get("type"), str) for e in seen)
    assert session.malformed_events == sum(e.get("error", {}).get("code") == "malformed_event"
                                           for e in seen if e["type"] == "error"
                                           and isinstance(e.get("error"), dict))
