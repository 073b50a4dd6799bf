"""What a new session is given (the replay), and how the record writes a conversation."""

from __future__ import annotations

from assistant.app.connection.session_keeper import BACKOFF_CAP_S, retry_delay
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.replay import build_replay, estimate_tokens
from assistant.store.history import History
from assistant.store.records import StoredItem
from tests import oracle


def conversation() -> list[StoredItem]:
    return [StoredItem("u1", "message", "user", "What's the weather?"),
            StoredItem("c1", "function_call", call_id="call_1", name="weather",
                       arguments='{"city": "Oslo"}'),
            StoredItem("o1", "function_call_output", call_id="call_1", arguments='{"temp": 3}'),
            StoredItem("a1", "message", "assistant", "Three degrees in Oslo."),
            StoredItem("u2", "message", "user", ""),               # never transcribed
            StoredItem("a2", "message", "assistant", "Anything else? —", interrupted_at_ms=900)]


def test_the_replay_is_valid_ga_items_in_order():
    replay = build_replay(conversation(), budget_tokens=10_000)
    for event in replay.events:
        oracle.validate(event, "client", "ga")
    items = [e["item"] for e in replay.events]
    assert [i["type"] for i in items] == ["message", "function_call", "function_call_output",
                                          "message", "message"]
    assert items[0]["content"] == [{"type": "input_text", "text": "What's the weather?"}]
    assert items[3]["content"] == [{"type": "output_text", "text": "Three degrees in Oslo."}]
    assert {i["id"] for i in items} == replay.ids and replay.left_out == 0
    assert all(len(i["id"]) <= 32 for i in items)


def test_the_budget_keeps_the_newest_and_never_an_orphan_tool_result():
    items = conversation()
    newest_three = sum(estimate_tokens(i) for i in (items[2], items[3], items[5]))
    replay = build_replay(items, budget_tokens=newest_three)
    kinds = [e["item"]["type"] for e in replay.events]
    assert kinds == ["message", "message"]          # the output lost its call: dropped too
    assert replay.left_out == 3


def test_retry_waits_grow_to_the_cap_with_jitter():
    assert retry_delay(0) == 0.0
    assert [retry_delay(n, rng=lambda: 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert retry_delay(20, rng=lambda: 1.0) == BACKOFF_CAP_S
    assert retry_delay(3, rng=lambda: 0.0) == 2.0              # up to half taken off
    assert len({retry_delay(5) for _ in range(20)}) > 1


def test_the_record_keeps_order_completes_on_final_and_forgets_what_was_in_flight():
    history = History.open(None)
    problems: list[str] = []
    record = ConversationRecord(history, problems.append, "gpt-realtime")
    record.item_started("user", "u1")
    record.item_started("assistant", "a1")
    record.text("assistant", "a1", "Hel", final=False)
    record.text("assistant", "a1", "lo", final=False)
    record.response_finished()                       # the reply is as complete as it will be
    assert not record.in_flight                      # quiet, though u1 has no transcript yet
    record.text("user", "u1", "hi there", final=True)  # its transcript came late
    record.item_started("user", "u2")
    record.item_started("assistant", "a2")
    record.text("assistant", "a2", "Half a sen", final=False)
    assert record.in_flight
    assert sorted(record.drop_in_flight()) == [("assistant", "a2"), ("user", "u2")]
    saved = [(i.item_id, i.text) for i in history.items(record.conversation or 0)]
    assert saved == [("u1", "hi there"), ("a1", "Hello")]
    assert [i.item_id for i in record.items()] == ["u1", "a1"] and not problems


def test_the_record_marks_an_interruption_and_survives_a_failing_disk():
    history = History.open(None)
    problems: list[str] = []
    record = ConversationRecord(history, problems.append)
    record.item_started("assistant", "a1")
    record.text("assistant", "a1", "Long story —", final=False)
    record.interrupted("a1", 1234)
    [item] = history.items(record.conversation or 0)
    assert item.interrupted_at_ms == 1234 and item.text == "Long story —"
    history.db.close()                               # the disk goes away
    record.item_started("user", "u9")
    record.text("user", "u9", "still talking", final=True)
    assert len(problems) == 1 and "could not be saved" in problems[0]
