"""Whatever a client sends, the embedded server answers with events and never raises."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.sim.conversation import SimConversation
from assistant.sim.schema import CLIENT_EVENTS
from tests import oracle

_values = st.recursive(st.none() | st.booleans() | st.integers(-5, 10**7) | st.floats(-2, 2)
                       | st.text(max_size=12),
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(["type", "item", "session", "audio",
                                                          "role", "content", "text"]),
                                         inner, max_size=3), max_leaves=12)
_fields = ["event_id", "session", "audio", "item", "item_id", "content_index", "audio_end_ms",
           "response", "previous_item_id", "response_id", "bogus"]
_events = st.builds(lambda kind, extra: {"type": kind, **extra},
                    st.sampled_from([*CLIENT_EVENTS, "no.such"]),
                    st.dictionaries(st.sampled_from(_fields), _values, max_size=4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_events, max_size=8))
def test_any_client_events_get_valid_answers(events):
    async def run() -> list[dict]:
        out: list[dict] = []

        async def emit(event: dict) -> None:
            out.append(event)

        conv = SimConversation(emit, speed=1000.0)
        await conv.start()
        for event in events:
            await conv.handle(event)
        await conv.close()
        return out

    answers = asyncio.run(run())
    assert answers[0]["type"] == "session.created"
    for answer in answers:
        oracle.validate(answer, "server", "ga")
