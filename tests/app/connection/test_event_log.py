"""The inspector's log: runs of streaming events counted, flushed without a clock of their own."""

from __future__ import annotations

import asyncio
import time

import pytest

from assistant.app.connection.event_log import FLUSH_MS, EventLog
from tests.helpers import until

pytestmark = pytest.mark.qt          # its timer is Qt's: on a qasync loop, as in the app

APPEND = {"type": "input_audio_buffer.append", "audio": "AAAA"}


async def test_a_flowing_run_is_flushed_by_its_own_events_and_a_stopped_one_by_the_clock(qtbot):
    log = EventLog()
    entries: list[tuple[str, int]] = []
    log.logged.connect(lambda direction, when, kind, summary, count: entries.append((kind, count)))
    fired: list[float] = []
    log._timer.timeout.connect(lambda: fired.append(time.monotonic()))
    started = time.monotonic()
    sent = 0
    while time.monotonic() - started < 1.0:          # 10 appends a second, as at rest
        log.record("out", APPEND)
        sent += 1
        await asyncio.sleep(0.1)
    assert not fired                                 # the run's own events flushed it
    assert len(entries) >= 3 and all(kind == APPEND["type"] for kind, _ in entries)
    assert sum(count for _, count in entries) >= sent - 3
    log.flush()
    log.record("out", APPEND)                        # a run that stops at once
    await until(lambda: sum(count for _, count in entries) == sent + 1, FLUSH_MS / 1000 + 2,
                message="the stopped run's tail flushed")
    assert len(fired) == 1


async def test_another_event_flushes_the_run_first_so_the_order_stays_true(qtbot):
    log = EventLog()
    entries: list[tuple[str, int]] = []
    log.logged.connect(lambda direction, when, kind, summary, count: entries.append((kind, count)))
    log.record("out", APPEND)
    log.record("out", APPEND)
    log.record("out", APPEND)
    log.record("out", {"type": "input_audio_buffer.commit"})
    assert entries == [(APPEND["type"], 3), ("input_audio_buffer.commit", 1)]
    assert not log._timer.isActive()
