"""The app's event loop runs a callback only while it runs
(see assistant/app/runtime/event_loop.py)."""

from __future__ import annotations

import asyncio

import pytest

from assistant.app.runtime.event_loop import QtEventLoop


@pytest.fixture
def loop(qapp):
    loop = QtEventLoop(qapp)
    yield loop
    loop.close()


def test_a_callback_due_when_the_loop_stops_waits_for_its_next_run(loop):
    ran_in: list[asyncio.AbstractEventLoop | None] = []

    async def stop_with_one_callback_left() -> str:
        loop.stop()
        loop.call_soon(lambda: ran_in.append(asyncio.events._get_running_loop()))
        return "done"

    assert loop.run_until_complete(stop_with_one_callback_left()) == "done"
    assert ran_in == []                               # not run outside the loop
    loop.run_until_complete(asyncio.sleep(0.05))      # (the first run's own stop is stale)
    assert ran_in == [loop]


def test_a_loop_stopped_before_its_future_is_done_says_so(loop):
    async def stops_first() -> None:
        loop.stop()
        await asyncio.sleep(10)

    with pytest.raises(RuntimeError, match="stopped before Future completed"):
        loop.run_until_complete(stops_first())
    loop.run_until_complete(asyncio.sleep(0))        # the pending task is left to its loop
