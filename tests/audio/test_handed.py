"""Handed: the last samples given to the speaker's device, by item, for a stop that drops them."""

from __future__ import annotations

import numpy as np

from assistant.audio.handed import Handed


def ramp(start: int, size: int) -> np.ndarray:
    return np.arange(start, start + size, dtype=np.int16)


def test_the_last_samples_come_back_by_item_oldest_first_without_fades_or_silence():
    handed = Handed(limit=100)
    handed.add("a", ramp(0, 30))
    handed.add(None, np.zeros(10, np.int16))            # a fade or silence: nobody's audio
    handed.add("b", ramp(100, 20))
    back = handed.take_last(45)                         # 20 of b, the 10 of silence, 15 of a
    assert [item for item, _ in back] == ["a", "b"]
    assert np.array_equal(back[0][1], ramp(15, 15)) and np.array_equal(back[1][1], ramp(100, 20))
    assert handed.take_last(10) == []                   # what came before is past recalling


def test_it_keeps_no_more_than_its_limit_and_nothing_without_one():
    handed = Handed(limit=50)
    for start in range(0, 200, 20):
        handed.add("a", ramp(start, 20))
    back = handed.take_last(1000)
    assert sum(piece.size for _, piece in back) < 50 + 20
    assert back[-1][1][-1] == 199                       # the newest kept
    unlimited = Handed()
    unlimited.add("a", ramp(0, 20))
    assert unlimited.take_last(20) == []
