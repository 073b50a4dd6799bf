"""The echo canceller rests where no echo comes back, and wakes when one does."""

from __future__ import annotations

import logging
import math
import time

import numpy as np

from assistant.audio.echo_canceller import EchoCanceller, open_canceller
from assistant.audio.echo_report import EchoReport
from assistant.audio.echo_rest import REST_FRAMES, WAKE_FRAMES, EchoRest
from tests.audio.test_echo_canceller import BLOCK, RATE, Recorder, room, speech

FAR = speech("the weather today is sunny and warm with a light breeze", 12)
ECHO = room(FAR, RATE)                   # as loud as played, 50 ms late


class Room:
    """The canceller as the capture thread drives it, 20 ms at a time, over a room whose echo
    comes back `coupling_db` under what is played (None: no echo at all)."""

    def __init__(self, coupling_db: float | None, removes_db: float = 0.0,
                 always: bool = False) -> None:
        self.recorder = Recorder(removes_db)
        self.report = EchoReport(state="on")
        self.canceller = EchoCanceller(self.recorder, RATE, RATE, self.report, always=always)
        self.coupling_db = coupling_db
        self.at = 0

    def play(self, seconds: float, user: np.ndarray | None = None) -> np.ndarray:
        """Blocks of the reply played and the mic heard; returns what the canceller sent."""
        out = []
        for _ in range(round(seconds * 50)):
            at = self.at % (FAR.size - BLOCK)
            far = FAR[at:at + BLOCK]
            mic = np.zeros(BLOCK, np.float64)
            if self.coupling_db is not None:
                mic += ECHO[at:at + BLOCK] * 10 ** (self.coupling_db / 20)
            if user is not None:
                mic += user[:BLOCK]
                user = user[BLOCK:]
            self.canceller.render(far)
            out.append(self.canceller.cancel(np.clip(mic, -32768, 32767).astype(np.int16)))
            self.at += BLOCK
        return np.concatenate(out)

    @property
    def calls(self) -> int:
        return len(self.recorder.calls)


def test_where_no_echo_comes_back_it_rests_after_half_a_second_and_sends_the_mic_as_it_came(
        caplog):
    caplog.set_level(logging.INFO, logger="assistant.audio.echo_canceller")
    quiet = Room(coupling_db=-60)
    quiet.play(0.4)
    assert not quiet.report.resting and quiet.calls == 20        # not judged yet
    quiet.play(0.3)
    assert quiet.report.resting
    assert "resting: no echo comes back" in quiet.report.text()
    before = quiet.calls
    heard = quiet.play(2.0)
    assert quiet.calls == before                                  # AEC3 is not called
    expected = ECHO * 10 ** (-60 / 20)
    at = quiet.at - heard.size
    assert np.array_equal(heard, expected[at:at + heard.size].astype(np.int16))
    assert [r.getMessage() for r in caplog.records] == [
        "echo cancellation rests: no echo comes back in this room"]


def test_an_echo_that_comes_wakes_it_within_200_ms_and_it_learns_the_room_again(caplog):
    caplog.set_level(logging.INFO, logger="assistant.audio.echo_canceller")
    changing = Room(coupling_db=None, removes_db=40)
    changing.play(1.5)
    assert changing.report.resting
    assert changing.report.woke_at == -math.inf                 # it never woke yet
    changing.coupling_db = -6.0                     # the headphones came out
    before = time.monotonic()
    changing.play(0.06)                             # the echo's 50 ms path, and a block of it
    assert changing.report.resting is False and changing.calls > 0
    assert before <= changing.report.woke_at <= time.monotonic()    # the talk-over stage's doubt
    assert "resting" not in changing.report.text()
    detector = changing.canceller._double_talk
    assert detector is not None and not detector.ready         # it learns the room again
    changing.play(2.0)
    assert changing.report.holding and not changing.report.resting   # and holds it
    assert "starts again: the mic hears the speaker" in caplog.records[-2].getMessage()


def test_the_user_talking_over_a_reply_wakes_it_and_it_rests_again_once_they_stop():
    quiet = Room(coupling_db=None)
    quiet.play(1.5)
    assert quiet.report.resting
    quiet.play(0.2, user=speech("wait, stop", 0.2) // 4)
    assert not quiet.report.resting
    quiet.play(1.0)           # half a second of the speaker playing, none of them heard
    assert quiet.report.resting


def test_it_never_rests_in_a_room_with_echo_nor_where_its_output_is_in_use():
    for coupling_db in (0.0, -6.0, -18.0, -30.0):
        echoing = Room(coupling_db)
        for _ in range(50):
            echoing.play(0.1)
            assert not echoing.report.resting, coupling_db
        before = echoing.calls
        echoing.play(0.5)
        assert echoing.calls > before, coupling_db                # AEC3 runs on
    suppressing = Room(coupling_db=None, always=True)      # noise suppression: every frame
    suppressing.play(3.0)
    assert not suppressing.report.resting and suppressing.calls == 150
    holding = Room(coupling_db=None)
    holding.report.holding = True                          # its output is what goes out
    holding.play(3.0)
    assert not holding.report.resting and holding.calls > 100     # resting, it would be ~50


def test_a_canceller_opened_anew_starts_awake_and_says_so():
    quiet = Room(coupling_db=None)
    quiet.play(1.0)
    assert quiet.report.resting
    again = open_canceller("on", False, "Speakers", RATE, RATE, quiet.report)  # devices reopened
    assert again is not None and not quiet.report.resting
    assert "resting" not in quiet.report.text()
    quiet.report.resting = True
    assert open_canceller("auto", False, "USB Headset", RATE, RATE, quiet.report) is None
    assert not quiet.report.resting and "headphones" in quiet.report.text()


def test_between_the_two_bars_it_stays_as_it_is():
    """Hysteresis: an echo 35 dB under what is played neither rests nor wakes it."""
    far = np.full((REST_FRAMES, 240), 3000, np.int16)
    between = (far * 10 ** (-35 / 20)).astype(np.int16)
    silent = np.zeros_like(far)
    awake, resting = EchoRest(), EchoRest()
    assert not awake.note(between, far)
    assert resting.note(silent, far) and resting.resting
    assert not resting.note(between[:WAKE_FRAMES], far[:WAKE_FRAMES]) and resting.resting
    assert not awake.note(silent[:0], far[:0])              # nothing played: nothing said
