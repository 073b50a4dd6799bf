"""Messages no real server sends cannot take the session down or eat memory (issue 22): deep
nesting, too many values, oversized frames, a flooded WebRTC inbox; each is a logged protocol
error (or, for a frame past the size limit, a closed connection said in a sentence)."""

from __future__ import annotations

import json

import pytest

from assistant.errors import TOO_MUCH, ConnectionLost
from assistant.growing_text import CUT_MARK, GrowingText
from assistant.realtime import events
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.redact import LONGEST_SHOWN, summarize
from assistant.realtime.session import RealtimeSession
from assistant.sim.faults import junk
from tests.helpers import open_session


def refused(raw: str | bytes) -> str:
    with pytest.raises(events.Refused) as caught:
        events.parse(raw)
    return str(caught.value)


def test_parse_refuses_what_no_event_is_and_takes_what_real_ones_are():
    assert "nested too deeply" in refused(junk("nested"))
    assert "deeper than 64" in refused('{"type":"x","a":' + "[" * 70 + "]" * 70 + "}")
    assert "values" in refused('{"type":"x","a":[' + "0," * events.MAX_VALUES + "0]}")
    assert "larger than 16 MiB" in refused(junk("oversized"))
    assert "not JSON" in refused(b"\xff\xfe{")
    assert "not an event" in refused("[1, 2]")
    deep_but_real = {"type": "session.updated", "session": {"tools": [{"parameters": {
        "type": "object", "properties": {"a": {"type": "array", "items": {"type": "object",
                                               "properties": {"b": {"type": "string"}}}}}}}]}}
    assert events.parse(json.dumps(deep_but_real)) == deep_but_real
    image = {"type": "conversation.item.added", "item": {"content": [
        {"type": "input_image", "image_url": "data:image/png;base64," + "A" * 14_000_000}]}}
    assert events.parse(json.dumps(image).encode())["type"] == "conversation.item.added"


def test_each_refused_message_is_one_local_error_and_the_next_event_still_counts():
    session = RealtimeSession(Endpoint(api_key="k"))
    seen: list[dict] = []
    session.listeners.append(seen.append)
    for raw in (junk("nested"), junk("oversized"), '{"type":"x","a":' + "[" * 99 + "]" * 99 + "}",
                json.dumps({"type": "response.done", "response": {"id": "r"}})):
        session.handle_raw(raw)
    assert [e["type"] for e in seen] == ["error", "error", "error", "response.done"]
    assert session.malformed_events == 3 and session.replies_finished == 1
    assert "nested too deeply" in seen[0]["error"]["message"]


async def test_a_nested_event_is_ignored_and_an_oversized_frame_closes_with_a_sentence(sim):
    session = await open_session(sim.url, mode="none")
    errors: list[dict] = []
    session.listeners.append(lambda e: errors.append(e) if e["type"] == "error" else None)
    await sim.inject("nested")
    session.add_text_message("still here?")
    session.create_response()
    await session.wait_for("response.done", 10)
    assert errors[0]["error"]["code"] == "malformed_event" and session.is_open
    await sim.inject("oversized")
    error = await session.closed
    assert isinstance(error, ConnectionLost) and error.retryable and error.code == TOO_MUCH
    assert "sent more than any real session does" in str(error)


def test_streamed_text_grows_in_linear_time_up_to_its_bound():
    text = GrowingText(limit=1000)
    for _ in range(100_000):                 # quadratic joining would copy ~5e9 characters
        text.add("x" * 10)
    assert len(text.text) == 1000 + len(CUT_MARK) and text.text.endswith(CUT_MARK)
    assert text.cut and text.add("more") == ""
    text.replace("final")
    assert text.text == "final" and not text.cut


def test_summaries_kept_by_the_inspector_are_bounded():
    summary = summarize({"type": "response.output_text.done", "text": "y" * 1_000_000})
    assert len(summary["text"]) < LONGEST_SHOWN + 40 and "1000000 characters" in summary["text"]


async def test_a_flooded_webrtc_inbox_is_cut_off_not_queued_for_ever():
    from assistant.realtime.transport.webrtc import INBOX_LIMIT, WebRTCTransport

    transport = WebRTCTransport(Endpoint(api_key="k", transport="webrtc"))
    for n in range(INBOX_LIMIT * 3):
        transport._on_message(json.dumps({"type": "x", "n": n}))
    assert transport.close_code == TOO_MUCH
    read = [message async for message in transport.receive()]
    assert len(read) == INBOX_LIMIT - 1 and json.loads(read[0])["n"] == 1   # room for the end


def test_a_flood_of_junk_is_said_a_bounded_number_of_times():
    from assistant.realtime.session import MALFORMED_SAID

    session = RealtimeSession(Endpoint(api_key="k"))
    seen: list[dict] = []
    session.listeners.append(seen.append)
    for _ in range(10_000):
        session.handle_raw(junk("garbage"))
    assert session.malformed_events == 10_000 and len(seen) == MALFORMED_SAID
