"""The app's event loop runs a callback only while it runs
(see assistant/app/runtime/event_loop.py)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from pathlib import Path

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


CLOSED_LOOP_LET_GO_BY_A_THREAD = """
import gc, threading
from PySide6.QtWidgets import QApplication
from assistant.app.runtime.event_loop import QtEventLoop
app = QApplication([])
loop = QtEventLoop(app)
loop.call_soon(print, "never run")                # a timer still pending in qasync's
loop.close()
holder = [loop]
del loop
thread = threading.Thread(target=lambda: (holder.clear(), gc.collect()))
thread.start()
thread.join()
app.processEvents()
print("alive")
"""


def test_a_closed_loop_let_go_by_another_thread_leaves_no_qt_timer_behind():
    """A closed loop with callbacks pending is a reference cycle (qasync's timer object holds
    their handles, they hold the loop), and Python's cycle collector runs on whichever thread
    allocates: the loop's Qt objects must have gone on its own thread, at the close. (In a
    child: without that, Qt crashes the process.)"""
    child = subprocess.run([sys.executable, "-c", CLOSED_LOOP_LET_GO_BY_A_THREAD],
                           capture_output=True, text=True, timeout=60,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                           cwd=Path(__file__).resolve().parents[3])
    assert (child.returncode, child.stdout.strip()) == (0, "alive"), child.stderr
    assert "Timers cannot be stopped" not in child.stderr


def test_a_call_queued_from_a_thread_before_the_close_is_dropped_after_it(qapp):
    """qasync's signal delivers a thread's call queued before the close after it; the closed
    loop drops it unrun, as qasync did, and nothing raises in Qt's event loop (pytest-qt
    fails a test on that)."""
    loop = QtEventLoop(qapp)
    ran: list[str] = []
    thread = threading.Thread(target=loop.call_soon_threadsafe, args=(ran.append, "late"))
    thread.start()
    thread.join()
    loop.close()
    qapp.processEvents()
    assert ran == []
