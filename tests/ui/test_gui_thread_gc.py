"""Cycles are collected on the GUI thread, never on an audio thread that happens to allocate."""

import gc
import threading
from typing import ClassVar

from assistant.app.runtime.gui_thread_gc import GuiThreadCollector


class Cycle:
    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def test_cycles_made_anywhere_are_freed_on_the_gui_thread(qtbot):
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        Cycle.freed_on.clear()

        def audio_thread_work() -> None:
            for _ in range(2000):                   # past the threshold that triggers the GC
                Cycle()

        worker = threading.Thread(target=audio_thread_work, name="audio-capture")
        worker.start()
        worker.join()
        assert Cycle.freed_on == []                   # nothing collected over there
        qtbot.waitUntil(lambda: len(Cycle.freed_on) == 2000, timeout=3000)
        assert set(Cycle.freed_on) == {threading.current_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()


class Kept:
    def __init__(self) -> None:
        self.me = self


def test_what_lives_at_the_start_is_frozen_out_of_every_collection_and_thawed_at_the_end(qtbot):
    """A full collection then walks only what was made since: it holds the GIL, which the
    speaker's thread needs every 20 ms, for a fraction of the time."""
    kept = Kept()
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert gc.get_freeze_count() > 1000
        assert not any(obj is kept for obj in gc.get_objects())     # out of the collector's sight
        made_after = Kept()
        assert any(obj is made_after for obj in gc.get_objects())
        gc.collect()
        assert not any(obj is kept for obj in gc.get_objects())     # a full one leaves it too
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0
    assert any(obj is kept for obj in gc.get_objects())
