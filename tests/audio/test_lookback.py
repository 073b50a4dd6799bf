"""The mic held back while the assistant is audible: nothing lost, nothing twice, in order."""

from __future__ import annotations

import numpy as np

from assistant.audio.lookback import (
    CONFIRM_WINDOW,
    HOLD_FRAMES,
    RELEASE_FRAMES,
    WAITED_WINDOW,
    Lookback,
)


def frame(k: int) -> np.ndarray:
    return np.full(4, k, np.int16)


def silenced(k: int) -> np.ndarray:
    return np.full(4, -k, np.int16)          # the judged form, told apart from the one that came


def values(frames: list[np.ndarray]) -> list[int]:
    return [int(f[0]) for f in frames]


def test_nobody_talking_over_the_reply_gets_the_judged_frames_a_hold_late_then_all_at_once():
    lookback, out, sends = Lookback(), [], 0
    for k in range(1, 3 * RELEASE_FRAMES + HOLD_FRAMES):
        sent = lookback.frames(frame(k), silenced(k), floor=False)
        assert len(sent) in (0, RELEASE_FRAMES)           # 100 ms at a time: one append
        assert min(k, HOLD_FRAMES) <= len(lookback) < HOLD_FRAMES + RELEASE_FRAMES
        out, sends = out + sent, sends + bool(sent)
    assert sends == 2 and values(out) == [-k for k in range(1, 2 * RELEASE_FRAMES + 1)]
    out += lookback.empty(as_came=False)                   # the reply ended on its own
    assert values(out) == [-k for k in range(1, 3 * RELEASE_FRAMES + HOLD_FRAMES)]
    assert len(lookback) == 0


def test_the_user_taking_the_floor_gets_what_was_held_as_it_came_ahead_of_their_frame():
    lookback = Lookback()
    early = []
    for k in range(1, 12):
        early += lookback.frames(frame(k), silenced(k), floor=False)
    now = lookback.frames(frame(12), silenced(12), floor=True)
    assert values(early) == [-1, -2, -3, -4, -5]            # gone before the user spoke up
    assert values(now) == [6, 7, 8, 9, 10, 11, -12]         # held: as they came; this one judged
    assert values(lookback.frames(frame(13), silenced(13), floor=True)) == [-13]  # none held
    assert lookback.frames(frame(14), silenced(14)) == [] and len(lookback) == 1


def test_the_server_hearing_the_user_after_the_reply_ended_empties_the_hold_as_it_came():
    lookback = Lookback()
    for k in range(1, 4):
        assert lookback.frames(frame(k), silenced(k), floor=False) == []
    assert values(lookback.empty(as_came=True)) == [1, 2, 3]
    assert lookback.empty(as_came=True) == []


def test_a_new_turn_drops_what_is_held():
    lookback = Lookback()
    lookback.frames(frame(1), silenced(1), floor=False)
    lookback.drop()
    assert lookback.empty(as_came=False) == [] and len(lookback) == 0


def test_a_local_onset_holds_all_until_the_user_is_still_heard_then_sends_it_as_it_came():
    lookback = Lookback()
    out = []
    for k in range(1, 12):
        out += lookback.frames(frame(k), silenced(k), floor=False)
    assert values(out) == [-1, -2, -3, -4, -5]
    assert lookback.frames(frame(12), silenced(12), onset=True) == []        # a claim
    assert lookback.frames(frame(13), silenced(13), heard=False) == []       # not yet settled
    assert lookback.frames(frame(14), silenced(14), heard=True) == []
    assert values(lookback.frames(frame(15), silenced(15), heard=True)) == list(range(6, 16))
    assert lookback.confirmed and values(lookback.frames(frame(16), silenced(16))) == [-16]
    lookback.reopen()                                    # their turn is over: held again
    assert lookback.frames(frame(17), silenced(17)) == [] and len(lookback) == 1


def test_a_local_onset_the_next_frames_do_not_bear_out_is_echo_and_goes_on_as_silence():
    lookback = Lookback()
    out = []
    for k in range(1, HOLD_FRAMES + 1):
        out += lookback.frames(frame(k), silenced(k))
    out += lookback.frames(frame(6), frame(6), onset=True)          # the guard let it through
    for k in range(7, 7 + CONFIRM_WINDOW):
        assert not lookback.refuted
        out += lookback.frames(frame(k), frame(k), heard=k == 7)    # heard once: not enough
    assert lookback.refuted and not lookback.claimed and not lookback.confirmed
    assert len(out) == 6 + CONFIRM_WINDOW - HOLD_FRAMES and not any(f.any() for f in out)
    assert values(lookback.empty(as_came=True)) == [0] * HOLD_FRAMES   # even were it the floor
    assert not lookback.frames(frame(20), silenced(20)) and not lookback.refuted


def test_a_claim_that_waits_counts_nothing_before_then_bears_a_pause_between_words():
    """Just after the canceller woke, the paused reply's echo would bear a claim out: what is
    heard in the first `wait` frames does not count, and the user may pause between words."""
    lookback = Lookback()
    lookback.frames(frame(0), silenced(0), onset=True, wait=3)
    for k in range(1, 4):                                      # the echo's tail, heard
        assert lookback.frames(frame(k), silenced(k), heard=True) == [] and lookback.claimed
    for k in range(4, 4 + WAITED_WINDOW - 2):                  # "wait, ..." a pause
        assert lookback.frames(frame(k), silenced(k), heard=False) == []
    assert lookback.claimed and not lookback.refuted
    assert lookback.frames(frame(50), silenced(50), heard=True) == []
    assert values(lookback.frames(frame(51), silenced(51), heard=True)) == [
        0, *range(1, 4 + WAITED_WINDOW - 2), 50, 51]           # all of it, as it came
    assert lookback.confirmed


def test_a_claim_that_waits_and_is_never_borne_out_goes_on_as_silence():
    lookback = Lookback()
    lookback.frames(frame(1), frame(1), onset=True, wait=2)
    for k in range(2, 4):
        lookback.frames(frame(k), frame(k), heard=True)        # the echo's tail
    for k in range(4, 4 + WAITED_WINDOW - 1):
        assert lookback.frames(frame(k), frame(k), heard=False) == [] and not lookback.refuted
    out = lookback.frames(frame(99), frame(99), heard=False)
    assert lookback.refuted and not lookback.claimed
    assert not any(f.any() for f in out) and len(out) + len(lookback) == 3 + WAITED_WINDOW
