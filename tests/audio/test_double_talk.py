"""The double-talk detector on synthetic rooms as loud as the budget's: two paths, each as loud
as played, the user no louder than the echo. It must hear the user within ~150 ms and never
call the echo the user, even when the paths move between replies (a restarted stream)."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.double_talk import RUN_FRAMES, DoubleTalk
from assistant.audio.echo_canceller import EchoCanceller
from assistant.audio.echo_report import EchoReport
from assistant.sim import voice

RATE = 24_000
FRAME = RATE // 100
REPLY = ("the weather today is sunny and warm with a light breeze from the west, and tomorrow "
         "brings rain in the afternoon, so take an umbrella with you when you go out")
USER = "wait, wait, stop, I have another question for you"
DATA = Path(__file__).parent / "data"


class Passes:
    """AEC3's place, taking nothing away: what the detector sees is the plain mic."""

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        return near


def words(text: str, speaker: str, rate: int = RATE) -> np.ndarray:
    return np.frombuffer(voice.synthesize(text, speaker, rate), np.int16).astype(np.float64)


def echo_of(far: np.ndarray, paths_ms: tuple[int, ...], rate: int = RATE) -> np.ndarray:
    echo = np.zeros_like(far)
    for delay_ms in paths_ms:
        delay = delay_ms * rate // 1000
        echo[delay:] += far[:-delay]
    return echo


def judged(near: np.ndarray, far: np.ndarray, rate: int = RATE,
           detector: DoubleTalk | None = None) -> np.ndarray:
    """Per 10 ms frame, as the capture thread asks: 20 ms blocks, the far end paired."""
    frame = rate // 100
    detector, heard = detector or DoubleTalk(rate), []
    for at in range(0, min(near.size, far.size) - 2 * frame + 1, 2 * frame):
        mic = np.clip(near[at:at + 2 * frame], -32768, 32767).astype(np.int16)
        played = far[at:at + 2 * frame].astype(np.int16)
        heard.extend(detector.judge(mic.reshape(2, frame), played.reshape(2, frame)).tolist())
    return np.array(heard)


def heard_through_canceller(near: np.ndarray, far: np.ndarray) -> list[int]:
    """The mic and what was played, through the canceller 20 ms at a time as the capture thread
    runs it (AEC3 taking nothing away): where each block starts in which it reported the user."""
    report = EchoReport(state="on")
    canceller = EchoCanceller(Passes(), RATE, RATE, report)
    mic = np.clip(near, -32768, 32767).astype(np.int16)
    played = far.astype(np.int16)
    heard = []
    for at in range(0, min(mic.size, played.size) - 2 * FRAME + 1, 2 * FRAME):
        before = report.user_heard_at
        canceller.render(played[at:at + 2 * FRAME])
        canceller.cancel(mic[at:at + 2 * FRAME])
        if report.user_heard_at != before:
            heard.append(at)
    return heard


def voiced_start(samples: np.ndarray) -> int:
    return int(np.argmax(np.abs(samples) > 300))


def level_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.square(x)) / 32768 ** 2))


@pytest.mark.parametrize("rate", [RATE, 48_000])
def test_it_hears_the_user_under_an_echo_of_two_paths_as_loud_as_played(rate):
    """At the wire rate and at a device's 48 kHz (its windows twice as long)."""
    reply = words(REPLY, "marin", rate)
    user = words(USER, "cedar", rate)
    at = 4 * rate
    near = echo_of(reply, (50, 130), rate)
    # As in the budget's room: the user 2 dB under the echo over their words (their first
    # sound 15 dB under it)
    gain_db = level_db(near[at:at + user.size]) - 2 - level_db(user)
    user *= 10 ** (gain_db / 20)
    near[at:at + user.size] += user[: near.size - at]
    heard = judged(near, reply, rate)
    start = (at + voiced_start(user)) // (rate // 100)
    assert not heard[:start].any()                    # the echo alone, warming up included
    found_ms = (int(np.argmax(heard[start:])) + 1) * 10
    # 120 ms here at either rate; 90-140 ms in the budget's rooms (the module's docstring)
    assert heard[start:].any() and found_ms <= 200, found_ms


def test_the_echo_is_never_the_user_even_when_its_paths_move_between_replies():
    reply = words(REPLY, "marin")
    gap = np.zeros(RATE)
    far = np.concatenate((reply, gap, reply))
    second = reply.size + gap.size
    near = np.concatenate((echo_of(far[:second], (50, 130)),       # the speaker's stream started
                           echo_of(far, (60, 140))[second:]))      # again 10 ms later
    heard = judged(near, far)
    assert not heard.any(), np.flatnonzero(heard)[:5] * 10


def test_it_judges_only_once_it_has_learned_a_second_of_the_room():
    reply = words(REPLY, "marin")
    user = words(USER, "cedar")
    near = echo_of(reply, (50,))
    near[RATE // 4:RATE // 4 + user.size] += 4 * user       # the user, loud, 250 ms in
    heard = judged(near, reply)
    assert not heard[:100].any()


def test_a_recorded_two_path_room_the_user_and_never_the_echo():
    """The mic and the speaker frames the app paired in the budget's two-path room (0 dB, 50
    and 130 ms; recorded in the app on its capture thread, 3.8 s from just before the reply),
    through the canceller as that thread runs it. Wanting two frames in a row, not three, the
    echo 2.4 s in read as the user twice: in the app that reply was cut by its own echo."""
    room = np.load(DATA / "two_path_room.npz")
    heard = [at + 2 * FRAME for at in heard_through_canceller(room["near"], room["far"])]
    user_at = int(room["user_at"])
    assert heard and heard[0] >= user_at, [h / RATE for h in heard[:3]]
    assert (heard[0] - user_at) * 1000 // RATE <= 200          # 139 ms


def test_a_faint_echo_is_left_to_the_guard():
    """18 dB under what was played, with the mic's own hiss over it in the top bands: the echo
    guard hears the user there, and the detector, which would judge those bands on the hiss
    (in the app: each reply cut 0.7 s in, again and again), stays out."""
    reply = words(REPLY, "marin")
    hiss = np.random.default_rng(3).normal(0, 30, reply.size)      # -61 dBFS
    faint = echo_of(reply, (50,)) * 10 ** (-18 / 20) + hiss
    loud = echo_of(reply, (50,)) + hiss
    for near, loud_enough in ((faint, False), (loud, True)):
        detector = DoubleTalk(RATE)
        assert not judged(near, reply, detector=detector).any()
        assert detector.ready and detector.loud is loud_enough


def test_through_the_canceller_a_new_reply_starts_from_silence():
    """The canceller asks the detector only while the speaker can echo. Here the user talks
    over the first reply, which stops; the next starts 2 s later. Not resting in between, the
    detector's last window still held the user's voice and its count of frames heard them,
    so the new reply's first frame read as the user (11 of 16 recorded conversations)."""
    reply = words(REPLY, "marin")
    user = words(USER, "cedar")
    stop, gap = 3 * RATE + RATE // 2, 2 * RATE
    far = np.concatenate((reply[:stop], np.zeros(gap + user.size), reply))
    near = echo_of(far, (50, 130))
    near[3 * RATE:3 * RATE + user.size] += user                   # over it from 3 s
    heard = [at / RATE for at in heard_through_canceller(near, far)]
    echo_ends = stop / RATE + 0.2                                  # its ring, 200 ms
    # the user, over the first reply; nothing in the next, which is all echo
    assert heard and max(heard) < echo_ends, heard


def test_the_canceller_says_when_its_double_talk_detector_hears_the_user():
    """An echo as loud as played: the report's time is set by the user, not by the echo."""
    reply = np.resize(words("the weather today is sunny and warm with a light breeze from the "
                            "west", "marin"), 8 * RATE)
    user = words("wait, stop, I have a question", "cedar")
    at = 4 * RATE
    near = echo_of(reply, (50,))
    near[at:at + user.size] += user * 0.8
    first = heard_through_canceller(near, reply)[0]
    voiced = at + voiced_start(user)
    assert voiced <= first <= voiced + RATE // 5       # within 200 ms of their first sound


@pytest.mark.parametrize("moved_ms", [90, 120, 200])
def test_the_echo_is_never_the_user_when_its_path_moves_far_between_replies(moved_ms):
    """A loopback or a Bluetooth link whose latency changed, the devices restarted: the echo
    comes back 40-150 ms later than the weights look. Read as the user, it cut each reply in
    the app, which then never played long enough to learn the new path."""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    second = far.size - reply.size
    near = np.concatenate((echo_of(far[:second], (50,)), echo_of(far, (moved_ms,))[second:]))
    heard = judged(near, far)
    assert not heard.any(), np.flatnonzero(heard)[:5] * 10


# A path that moved a few frames, as measured in the app's 0 dB room (86 to 57 ms between
# replies, 74 to 45 and 77 to 53 mid-reply, in 4 of 61 conversations; the loopback, a USB or
# Bluetooth link, adapts its latency): the weights' neighbours cover the new delay through
# their spread, but barely, and its echo read as the user (a local onset in 3 of the 4).
A_LITTLE_SOONER = [(86, 57), (74, 45)]


@pytest.mark.parametrize("paths", [(50, 120), *A_LITTLE_SOONER])
def test_a_path_that_moves_mid_reply_is_the_user_for_a_run_at_most_then_followed(paths):
    """Moved mid-reply, the mic's last 200 ms still hold the old path's echo when the first
    run comes: that run may read as the user (too short for the talk-over stage to confirm,
    see lookback.py), and the next look finds the path. Anywhere in the reply: looked for only
    over 100 and 200 ms, a move 2.5 s in read as the user for 7 frames (3.0 to 6.0 s: 4-6)."""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    for moved_at in [k / 2 for k in range(1, 14)]:             # the reply is 7.9 s long
        near = echo_of(far, (paths[0],))
        cut = far.size - reply.size + int(moved_at * RATE)
        near[cut:] = echo_of(far, (paths[1],))[cut:]
        heard = judged(near, far)
        assert heard.sum() <= RUN_FRAMES, (moved_at, np.flatnonzero(heard) * 10)


def test_a_path_that_breaks_off_mid_reply_and_comes_back_later_is_found_again():
    """A device or a loopback restarted: 50 ms without echo, then the echo 70 ms later than
    before (in the app, smeared while a loopback settles on it: the bench's moved room, moved
    1.5-2.5 s into a reply, cut the reply in 3 of 6 runs). Judged on as before, 3.5 and 6.5 s
    in it read as the user for 5 frames; found again, a run at most. (Come back 70 ms sooner,
    2.5 s in, it still reads for 8 frames, 11 before: not mended.)"""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    for moved_at in (1.5, 2.5, 3.5, 4.5, 5.5, 6.5):
        near = echo_of(far, (50,))
        cut = far.size - reply.size + int(moved_at * RATE)
        near[cut:] = echo_of(far, (120,))[cut:]
        near[cut:cut + RATE // 20] = 0
        heard = judged(near, far)
        assert heard.sum() <= RUN_FRAMES, (moved_at, np.flatnonzero(heard) * 10)


@pytest.mark.parametrize("paths", A_LITTLE_SOONER)
def test_the_echo_is_never_the_user_when_its_path_moves_a_little_between_replies(paths):
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    second = far.size - reply.size
    near = np.concatenate((echo_of(far[:second], (paths[0],)),
                           echo_of(far, (paths[1],))[second:]))
    assert heard_through_canceller(near, far) == []


def test_over_an_echo_whose_path_moved_it_still_hears_the_user():
    reply, user = words(REPLY, "marin"), words(USER, "cedar")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    second = far.size - reply.size
    near = np.concatenate((echo_of(far[:second], (50,)), echo_of(far, (120,))[second:]))
    at = second + 3 * RATE
    gain_db = level_db(near[at:at + user.size]) - 2 - level_db(user)
    near[at:at + user.size] += user[: near.size - at] * 10 ** (gain_db / 20)
    heard = judged(near, far)
    start = (at + voiced_start(user)) // FRAME
    assert not heard[:start].any(), np.flatnonzero(heard)[:5] * 10
    assert heard[start:].any() and (int(np.argmax(heard[start:])) + 1) * 10 <= 200


def test_the_canceller_takes_back_a_user_the_detector_then_finds_was_the_moved_echo():
    """The talk-over stage hears of a run before the detector has looked again: once it finds
    the path moved, the user it last reported is taken back at once (a claim still open is
    then refuted, lookback.py, where it would have sent the echo as the user's words). Moved
    3 s into the reply, the block just after the move still reads as the user."""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, np.zeros(RATE), reply))
    near = echo_of(far, (50,))
    cut = far.size - reply.size + 3 * RATE
    near[cut:] = echo_of(far, (120,))[cut:]
    report = EchoReport(state="on")
    canceller = EchoCanceller(Passes(), RATE, RATE, report)
    mic, played = np.clip(near, -32768, 32767).astype(np.int16), far.astype(np.int16)
    said = []
    for at in range(0, mic.size - 2 * FRAME + 1, 2 * FRAME):
        canceller.render(played[at:at + 2 * FRAME])
        canceller.cancel(mic[at:at + 2 * FRAME])
        said.append(report.user_heard_at)
    heard = [k for k in range(1, len(said)) if said[k] != said[k - 1] and said[k] > 0]
    assert heard and heard[0] * 2 * FRAME > cut                 # a run after the move...
    taken_back = [k for k in range(heard[0], len(said)) if said[k] == -np.inf]
    assert taken_back and (taken_back[0] - heard[-1]) * 20 <= 200, (heard, taken_back[:1])


def heard_with_a_speaker_falling_behind(near: np.ndarray, far: np.ndarray,
                                        stalls: set[int]) -> list[float]:
    """As the capture thread runs the canceller, while the speaker's thread hands each 20 ms
    block over one period later after each of `stalls` (block numbers): what plays does not
    move (the device's queue took the delay), but the pairing does (speaker_reference.py).
    When, in seconds, the canceller reported the user."""
    report = EchoReport(state="on")
    canceller = EchoCanceller(Passes(), RATE, RATE, report)
    mic, played = (np.clip(x, -32768, 32767).astype(np.int16) for x in (near, far))
    block, behind, heard = 2 * FRAME, 0, []
    for period in range(min(mic.size, played.size) // block):
        if period in stalls:
            behind += 1                                    # nothing handed over this period
        else:
            handed = (period - behind) * block
            canceller.render(played[handed:handed + block])
        before = report.user_heard_at
        canceller.cancel(mic[period * block:(period + 1) * block])
        if report.user_heard_at != before:
            heard.append(period * block / RATE)
    return heard


@pytest.mark.parametrize("paths", [(50, 130), (50,), (80,)])
def test_the_echo_is_never_the_user_when_the_speakers_thread_falls_behind(paths):
    """Three times in a reply the speaker's thread hands a block over a period late, and then
    every block: the pairing moves 20 ms each time, as it did in half the budget's two-path
    conversations. Unless the detector's delays move with it, 60 ms of it made the echo's next
    attacks read as the user (recorded rooms: 40 ms did, once a move followed a start a block
    off); the reply was cut near its end, and each answer to that echo too."""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, reply))
    near = np.zeros_like(far)
    lead = RATE // 10                                      # it plays 100 ms after it is handed
    near[lead:] = echo_of(far, paths)[:-lead]
    assert heard_with_a_speaker_falling_behind(near, far, {300, 350, 400}) == []


def heard_after_a_late_block(canceller: EchoCanceller, mic: np.ndarray, played: np.ndarray,
                             late: int, periods: int = 20) -> list[int]:
    """From block `late` on, as the capture thread runs the canceller: the speaker's thread
    hands that block one period late, with the next (the device played it on time). The
    blocks, after `late`, in which the canceller reported the user."""
    block, heard = 2 * FRAME, []
    report = canceller.report
    for period in range(late, late + periods):
        if period > late:
            handed = (late if period == late + 1 else period) * block
            canceller.render(played[handed:(period + 1) * block])
        before = report.user_heard_at
        canceller.cancel(mic[period * block:(period + 1) * block])
        if report.user_heard_at != before:
            heard.append(period - late)
    return heard


def test_a_speaker_block_handed_late_never_makes_its_echo_the_user():
    """The capture thread pairs silence for a block the speaker's thread has not handed over
    yet, and drops it when it comes with the next (speaker_reference.py): a hole in what the
    detector knows was played. Left so, the echo of a loud attack there read as the user 80
    to 100 ms later: in this room at 4 of 624 places (two of them below), in a recorded 0 dB
    room at 3 of 449. The late frames now take the hole's place in what it knows."""
    reply = words(REPLY, "marin")
    far = np.concatenate((reply, reply))
    near = np.zeros_like(far)
    lead = RATE // 10                                      # it plays 100 ms after it is handed
    near[lead:] = echo_of(far, (50,))[:-lead]
    mic, played = (np.clip(x, -32768, 32767).astype(np.int16) for x in (near, far))
    canceller = EchoCanceller(Passes(), RATE, RATE, EchoReport(state="on"))
    block = 2 * FRAME
    for period in range(300):
        canceller.render(played[period * block:(period + 1) * block])
        canceller.cancel(mic[period * block:(period + 1) * block])
    for late in range(300, 330):
        assert heard_after_a_late_block(copy.deepcopy(canceller), mic, played, late) == [], late
        canceller.render(played[late * block:(late + 1) * block])
        canceller.cancel(mic[late * block:(late + 1) * block])
