"""The speaker reference: each mic frame pairs with the speaker frame of its period, at an
offset that holds while the two audio threads' clocks jitter and drift."""

from __future__ import annotations

import numpy as np

from assistant.audio.speaker_reference import JITTER_FRAMES, SpeakerReference

FRAME = 240                        # 10 ms at 24 kHz


def hand(reference: SpeakerReference, first: int, count: int = 2) -> int:
    """The speaker's thread hands over a block: frames labelled `first`, `first` + 1, ..."""
    for n in range(first, first + count):
        reference.append(np.full(FRAME, n, np.int16))
    return first + count


def pair(reference: SpeakerReference, count: int = 2) -> list[int]:
    """The capture thread pairs a 20 ms block: the labels of its speaker frames (0: silence)."""
    return [int(row[0]) for row in reference.paired(count)]


def test_a_late_speaker_block_leaves_a_hole_and_the_offset_holds():
    reference, next_frame, paired, late = SpeakerReference(FRAME), 1, [], []
    for period in range(40):
        if period == 20:                          # the mic's block comes before the speaker's
            paired += pair(reference)
            next_frame = hand(reference, next_frame)
            continue
        next_frame = hand(reference, next_frame)
        paired += pair(reference)
        if reference.late is not None:
            late.append([int(row[0]) for row in reference.late])
    assert paired[40:42] == [0, 0]                # that period went by with silence
    assert late == [[41, 42]]                     # dropped when they came, told once
    # every other mic frame pairs with the speaker frame of its own period
    assert paired[:40] == list(range(1, 41))
    assert paired[42:] == list(range(43, 81))


def test_when_the_threads_phase_moves_the_offset_moves_once():
    reference, next_frame, paired = SpeakerReference(FRAME), 1, []
    for period in range(40):
        if period < 20:
            next_frame = hand(reference, next_frame)
            paired += pair(reference)
        else:                                     # from now on the mic's block comes first
            paired += pair(reference)
            next_frame = hand(reference, next_frame)
    assert paired[:40] == list(range(1, 41))
    assert paired[40:42] == [0, 0]                # one block of silence ...
    assert paired[42:] == list(range(41, 79))     # ... and no frame lost, none a hole


def test_a_speaker_that_stopped_starts_afresh():
    reference, next_frame = SpeakerReference(FRAME), 1
    for _ in range(5):
        next_frame = hand(reference, next_frame)
        pair(reference)
    for _ in range(10):                           # it rests: nothing is handed over
        assert pair(reference) == [0, 0]
    hand(reference, 100, 4)                       # a reply: it starts on two blocks
    assert pair(reference) == [100, 101]          # none of it dropped as owed
    assert pair(reference) == [102, 103]


def test_a_speaker_running_fast_is_trimmed_a_frame_at_a_time():
    reference, next_frame, previous = SpeakerReference(FRAME), 1, 0
    for period in range(1000):                   # 20 s, the speaker 1 % fast of the mic
        next_frame = hand(reference, next_frame)
        if period % 100 == 99:
            next_frame = hand(reference, next_frame)
        first, last = pair(reference)
        assert first - previous in (1, 2)          # a step of at most one frame dropped
        previous = last
    assert len(reference) <= JITTER_FRAMES + 2    # taken up, not left to grow (20 frames)


def test_a_mic_running_fast_pairs_every_speaker_frame_once():
    reference, next_frame, paired = SpeakerReference(FRAME), 1, []
    for period in range(1000):                   # the mic 1 % fast of the speaker
        if period % 100 != 99:
            next_frame = hand(reference, next_frame)
        paired += [n for n in pair(reference) if n]
    assert paired == list(range(1, len(paired) + 1))      # in order, none lost
    assert len(paired) >= 2 * 1000 - 2 * 10 - 4


def test_each_move_of_the_pairing_is_counted_for_the_detector():
    """The double-talk detector moves its learned delays by `shift` (double_talk.py)."""
    reference, next_frame = SpeakerReference(FRAME), 1
    next_frame = hand(reference, next_frame, 6)           # a start with a block more waiting
    pair(reference)
    assert reference.shift == 4 and reference.inserted == 0
    pair(reference)
    pair(reference)
    for _ in range(10):
        next_frame = hand(reference, next_frame)
        pair(reference)
    pair(reference)                                       # late, then they come with the next
    next_frame = hand(reference, next_frame, 4)
    pair(reference)
    assert reference.shift == 4 and reference.inserted == 0   # dropped: the offset held
    pair(reference)                                       # late, and they come alone
    next_frame = hand(reference, next_frame)
    assert pair(reference) == [next_frame - 2, next_frame - 1]
    assert reference.shift == 6 and reference.inserted == 2   # paired with the next block
    next_frame = hand(reference, next_frame)
    pair(reference)
    assert reference.inserted == 0                        # one block's news
    for _ in range(3):                                    # the speaker stops; it starts again
        pair(reference)
    hand(reference, 100, 4)
    pair(reference)
    assert reference.shift == 2                           # paired a block sooner than at first
    for _ in range(3):
        pair(reference)
    hand(reference, 200, 4)                               # a start read 100 ms at once
    assert pair(reference, 10)[:4] == [200, 201, 202, 203]
    assert reference.shift == 0                           # paired with older mic frames


def test_a_frame_trimmed_from_a_fast_speaker_is_counted_back():
    reference, next_frame = SpeakerReference(FRAME), 1
    next_frame = hand(reference, next_frame, 4)
    pair(reference)
    shifts = {reference.shift}
    for period in range(100):                            # a standing backlog of 6: trimmed
        next_frame = hand(reference, next_frame, 6 if period == 0 else 2)
        pair(reference)
        shifts.add(reference.shift)
    assert shifts == {2, 1, 0}                            # a frame at a time, to 4 waiting


def test_a_pairing_says_whether_it_took_only_silence():
    reference = SpeakerReference(4)
    reference.append_silence(2)
    assert not reference.paired(2).any() and reference.silent
    reference.append(np.ones(4, np.int16))
    reference.append_silence(1)
    assert reference.paired(2).tolist() == [[1] * 4, [0] * 4] and not reference.silent
    assert not reference.paired(2).any() and reference.silent        # nothing came: silence
