"""Reconnecting and rolling over against the embedded server's faults: the conversation goes on.

The controller runs as in the app (qasync loop, real session, real SQLite history); the audio
backend has no devices, so these tests are about the connection and the conversation alone.
"""

from __future__ import annotations

import time

import pytest

from assistant.modes import ConnectionState as State
from tests.helpers import until

pytestmark = pytest.mark.qt


async def test_a_hundred_drops_mid_reply_are_a_hundred_recoveries(rig):
    took: list[float] = []
    for number in range(100):
        rig.server.faults.drop_after_deltas = None
        await rig.turn(f"question {number}")
        rig.server.faults.drop_after_deltas = 1
        start = time.monotonic()
        rig.controller.send_text(f"doomed {number}")
        await until(lambda n=number: rig.controller.keeper.reconnects == n + 1 and rig.ready,
                    message=f"recovery {number + 1}")
        took.append(time.monotonic() - start)
    rig.server.faults.drop_after_deltas = None
    await rig.turn("one more")
    assert len(rig.answers()) == 101                     # every completed turn is saved
    users = [i.text for i in rig.history.items(rig.controller.record.conversation or 0)
             if i.role == "user"]
    assert users[:2] == ["question 0", "doomed 0"] and users[-1] == "one more"
    assert sum("The reply in progress was lost." in n for n in rig.notices) == 100
    assert max(took) < 5.0                               # question, drop, reconnect, replay
    assert any(state == State.CONNECTING and "Reconnecting" in detail
               for state, detail in rig.states)


async def test_the_new_session_gets_the_conversation_as_items(rig):
    await rig.turn("remember the word pineapple")
    rig.server.faults.drop_after_deltas = 1
    rig.controller.send_text("and then?")
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, message="back")
    [conn] = rig.server.connections
    created = [e["item"] for e in conn.received if e["type"] == "conversation.item.create"]
    assert [(i["role"], i["content"][0]["type"]) for i in created] == [
        ("user", "input_text"), ("assistant", "output_text"), ("user", "input_text")]
    assert created[0]["content"][0]["text"] == "remember the word pineapple"
    assert created[1]["content"][0]["text"] == rig.answers()[0]
    assert created[2]["content"][0]["text"] == "and then?"    # said, though never answered
    assert any("Reconnected" in n for n in rig.notices)


async def test_a_server_that_goes_silent_mid_reply_is_reconnected(rig):
    rig.server.faults.stall_after_deltas = 1
    rig.controller.send_text("hello?")
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, timeout=10,
                message="reconnected after the stall")
    assert any("stopped answering" in n for n in rig.notices)
    rig.server.faults.stall_after_deltas = None
    await rig.turn("are you back?")


async def test_a_refused_key_stops_the_retries(rig):
    rig.server.api_key = "sk-someone-else"
    attempts = rig.server.attempts
    rig.server.faults.drop_after_deltas = 1
    rig.controller.send_text("hello")
    await until(lambda: rig.controller.state == State.ERROR, message="gives up")
    assert "rejected the API key" in rig.states[-1][1]
    assert rig.server.attempts == attempts + 1            # one try, no loop
    assert not rig.controller.keeper.waiting


async def test_refused_connections_are_retried_with_a_countdown(rig):
    counts: list[int] = []
    rig.controller.keeper.countdown.connect(lambda seconds, _why: counts.append(seconds))
    rig.server.faults.refuse_connections = 3
    rig.server.faults.refused = 0
    rig.server.faults.drop_after_deltas = 1
    rig.controller.send_text("hello")
    await until(lambda: rig.server.faults.refused == 2, timeout=10, message="two refusals")
    rig.controller.retry_now()                          # cut the 2nd wait short
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, timeout=20,
                message="back after three refusals")
    assert rig.server.faults.refused == 3 and max(counts) >= 1


async def test_server_side_expiry_1001_rolls_over_with_the_context(rig):
    await rig.turn("my name is Ada")
    [conn] = rig.server.connections
    rig.notices.clear()                                   # (no devices: said at the start)
    conn._expire()                                        # the server's time limit, now
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, message="rolled")
    assert rig.notices == ["— A new session (the time limit); the conversation carries on —"]
    [fresh] = rig.server.connections
    created = [e["item"] for e in fresh.received if e["type"] == "conversation.item.create"]
    assert created[0]["content"][0]["text"] == "my name is Ada"
    await rig.turn("what is my name?")


async def test_rollover_before_the_cap_waits_for_a_quiet_moment(rig):
    await rig.turn("first")
    old = rig.controller.session
    rig.controller.settings.rollover_minutes = 0.5 / 60          # due after half a second
    await until(lambda: rig.controller.session is not old and rig.ready, timeout=10,
                message="rolled over")
    assert old is not None and not old.is_open
    assert any("A new session" in n for n in rig.notices)
    rig.controller.settings.rollover_minutes = 55.0
    await rig.turn("second")
    assert rig.answers()[-1] and len(rig.answers()) == 2


async def test_a_long_conversation_replays_only_what_fits_and_says_so(rig):
    rig.controller.settings.replay_budget_tokens = 60
    for number in range(6):
        await rig.turn(f"question number {number} with a few more words in it")
    rig.server.faults.drop_after_deltas = 1
    rig.controller.send_text("drop now")
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, message="back")
    [conn] = rig.server.connections
    created = [e["item"] for e in conn.received if e["type"] == "conversation.item.create"]
    assert 0 < len(created) < 13 and created[-1]["content"][0]["text"] == "drop now"
    assert any("oldest items" in n and "token budget" in n for n in rig.notices)


async def test_a_dead_path_is_found_by_unanswered_pings_while_idle(rig, monkeypatch):
    from assistant.realtime.transport.websocket import WebSocketTransport

    monkeypatch.setattr(WebSocketTransport, "ping_s", 0.3)
    rig.controller.connect_(offline=False)               # a session with fast pings
    await until(lambda: rig.ready and rig.controller.keeper.reconnects == 0, message="again")
    await rig.turn("hello")
    [conn] = rig.server.connections
    conn.transport.pause_reading()                     # the path dies: no pong ever comes
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, timeout=10,
                message="reconnected after unanswered pings")
    assert any("was lost" in n for n in rig.notices)
    conn.transport.resume_reading()                    # let the server end the old one
    await rig.turn("still here?")


async def test_what_was_in_flight_is_marked_in_the_conversation(rig):
    shown: list[tuple[str, str]] = []
    rig.controller.news.assistant_text.connect(
        lambda item, text, _final: shown.append((item, text)))
    rig.server.faults.drop_after_deltas = 3
    rig.controller.send_text("a question the drop will eat")
    await until(lambda: rig.controller.keeper.reconnects == 1 and rig.ready, message="back")
    assert shown[-1][1] == " (cut off: the connection dropped)"
    conversation = rig.controller.record.conversation or 0
    assert shown[-1][0] not in {i.item_id for i in rig.history.items(conversation)}


async def attempts_at(rig, count: int, timeout: float, nudge: bool = False) -> list[float]:
    """When each of the next `count` connection attempts reached the server."""
    times: list[float] = []
    seen = rig.server.attempts

    def arrived() -> bool:
        nonlocal seen
        if rig.server.attempts > seen:
            seen = rig.server.attempts
            times.append(time.monotonic())
        if nudge:
            rig.controller.retry_now()
        return len(times) >= count or rig.controller.state == State.ERROR
    await until(arrived, timeout=timeout, message=f"{count} attempts")
    return times


async def test_a_server_that_accepts_then_drops_is_retried_ever_more_slowly(rig):
    rig.server.faults.drop_after_events = 2        # session.created, session.updated, dropped
    dropped = time.monotonic()
    rig.server.connections[0].transport.abort()
    times = await attempts_at(rig, 4, timeout=20)
    gaps = [b - a for a, b in zip([dropped, *times], times, strict=False)]
    # 1, 2, 4, 8 s, each shortened by up to half at random: never at once, never in step
    for number, gap in enumerate(gaps):
        assert gap >= 0.5 * 2 ** number - 0.05, gaps
    rig.server.faults.drop_after_events = None
    rig.controller.retry_now()
    # Ready on a connection the server keeps: the try under way when the fault was lifted may
    # still be dropped after its session.updated, and a turn sent on it would be cut off.
    def kept() -> bool:
        live = [c.transport for c in rig.server.connections if c.transport is not None]
        return rig.ready and bool(live) and not live[-1].is_closing()
    await until(kept, timeout=15, message="back once the server behaves")
    await rig.turn("still there?")
    assert rig.answers()[-1] == 'You said: "still there?".'


async def test_reconnect_tries_stop_at_the_hourly_budget_and_connect_starts_afresh(rig):
    c = rig.controller
    c.keeper.max_tries_per_hour = 3
    rig.server.faults.drop_after_events = 2
    rig.server.connections[0].transport.abort()
    await attempts_at(rig, 10, timeout=20, nudge=True)     # countdowns cut short
    await until(lambda: c.state == State.ERROR, message="gave up")
    assert "Stopped reconnecting: 3 tries in the last hour" in rig.states[-1][1]
    assert rig.server.attempts == 4                        # the first, then the 3 of the budget
    rig.server.faults.drop_after_events = None
    c.connect_()
    await until(lambda: rig.ready, message="Connect starts afresh")
    await rig.turn("hello again")


async def test_retry_now_pressed_during_a_try_cuts_the_next_countdown(rig):
    rig.server.faults.drop_after_events = 2
    rig.server.connections[0].transport.abort()
    [first] = await attempts_at(rig, 1, timeout=10)        # a try is under way ...
    rig.controller.retry_now()                             # ... and the user presses Retry
    [second] = await attempts_at(rig, 1, timeout=10)
    assert second - first < 0.9           # the countdown after it (1 to 2 s) was cut short
    rig.server.faults.drop_after_events = None
    rig.controller.retry_now()
    await until(lambda: rig.ready, timeout=20, message="back")
