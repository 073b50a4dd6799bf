"""The echo canceller with WebRTC's real AEC3, on synthetic rooms; the policy that turns it on;
what the app does when it cannot load or fails; and the talk-over stage behind it."""

from __future__ import annotations

import logging
import time
from unittest import mock

import numpy as np
import pytest

from assistant.audio import echo_canceller
from assistant.audio.echo_canceller import (
    EchoCanceller,
    WebrtcProcessor,
    looks_like_headphones,
    open_canceller,
)
from assistant.audio.echo_report import EchoReport
from assistant.audio.engine import AudioEngine
from assistant.audio.outbox import FrameOutbox
from assistant.audio.talk_over import QUIET_FRAMES, TalkOver
from assistant.config import FRAME_SAMPLES
from assistant.sim import voice
from tests.fakes import FakePyAudio

RATE = 24_000
BLOCK = RATE // 50          # the capture thread's 20 ms block


def speech(text: str, seconds: float) -> np.ndarray:
    words = np.frombuffer(voice.synthesize(text), np.int16)
    return np.resize(words, int(seconds * RATE))


class Recorder:
    """A processor that notes what each call paired and takes a fixed share of the echo away."""

    def __init__(self, removes_db: float = 0.0) -> None:
        self.calls: list[tuple[np.ndarray, np.ndarray]] = []
        self.gain = 10 ** (-removes_db / 20)

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        assert near.shape == far.shape and near.dtype == far.dtype == np.int16
        self.calls.append((near.copy(), far.copy()))
        return (near * self.gain).astype(np.int16)


def power(x: np.ndarray) -> float:
    return float(np.mean(np.square(x.astype(np.float64)))) + 1e-9


def room(far: np.ndarray, rate: int, delay_ms: int = 50) -> np.ndarray:
    """The speaker's sound at the mic: as loud as played, `delay_ms` late."""
    delay = delay_ms * rate // 1000
    echo = np.zeros_like(far)
    echo[delay:] = far[:-delay]
    return echo


def test_aec3_removes_a_loud_echo_and_keeps_the_user():
    far = speech("the weather today is sunny and warm with a light breeze", 10)
    echo = room(far, RATE)
    user = speech("wait, stop, I have a question", 2) // 2
    mic = echo.astype(np.int32)
    mic[7 * RATE:9 * RATE] += user
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    processor = WebrtcProcessor(False, RATE)
    out = np.concatenate([processor.process(mic16[at:at + BLOCK], far[at:at + BLOCK])
                          for at in range(0, far.size, BLOCK)])
    erle = 10 * np.log10(power(echo[4 * RATE:7 * RATE]) / power(out[4 * RATE:7 * RATE]))
    assert erle > 30
    kept = 10 * np.log10(power(out[7 * RATE:9 * RATE]) / power(user))
    assert kept > -10                                      # the user is still there


def test_a_speaker_at_another_rate_is_brought_to_the_mics():
    speaker_rate, mic_rate = 48_000, 16_000
    import soxr

    far = soxr.resample(speech("one two three four five six seven eight", 8), RATE,
                        speaker_rate).astype(np.int16)
    mic = room(soxr.resample(far, speaker_rate, mic_rate).astype(np.int16), mic_rate, 60)
    report = EchoReport(state="on")
    canceller = EchoCanceller(WebrtcProcessor(False, mic_rate), mic_rate, speaker_rate, report)
    out = []
    for block in range(far.size // (speaker_rate // 50)):          # 20 ms each way
        canceller.render(far[block * speaker_rate // 50:(block + 1) * speaker_rate // 50])
        out.append(canceller.cancel(mic[block * mic_rate // 50:(block + 1) * mic_rate // 50]))
    assert np.concatenate(out).size == mic.size
    assert report.erle_db is not None and report.erle_db > 25   # as at one rate (34 dB)


def test_each_mic_frame_is_paired_with_the_speaker_frame_of_its_time():
    far = speech("one two three four five six seven", 6)
    mic = room(far, RATE) // 2
    recorder = Recorder(removes_db=40)
    report = EchoReport(state="on")
    canceller = EchoCanceller(recorder, RATE, RATE, report)
    for at in range(0, far.size - 5 * BLOCK + 1, 5 * BLOCK):   # 100 ms reads, as at rest
        for block in range(5):
            canceller.render(far[at + block * BLOCK: at + (block + 1) * BLOCK])
        canceller.cancel(mic[at:at + 5 * BLOCK])
    near, paired = recorder.calls[0]                          # a resting read: one call
    assert near.size == paired.size == 5 * BLOCK
    assert np.array_equal(paired, far[:5 * BLOCK]) and np.array_equal(near, mic[:5 * BLOCK])
    assert report.erle_db is not None and 38 < report.erle_db < 42
    assert "echo removed 4" in report.text()


def test_a_held_up_mic_catches_up_and_a_drifting_speaker_is_trimmed():
    recorder = Recorder()
    canceller = EchoCanceller(recorder, RATE, RATE, always=True)
    blocks = [np.full(BLOCK, n + 1, np.int16) for n in range(400)]
    for n in range(3):                       # the capture thread is held up for 60 ms ...
        canceller.render(blocks[n])
    for n in range(3):                       # ... and reads what PortAudio kept meanwhile
        canceller.cancel(np.zeros(BLOCK, np.int16))
        assert recorder.calls[-1][1][0] == n + 1           # each with its own speaker block
    for n in range(3, 400):                  # the speaker's clock runs 1 % fast of the mic's:
        canceller.render(blocks[n])          # each second one block more than the mic reads
        if n % 100:
            canceller.cancel(np.zeros(BLOCK, np.int16))
    lag = 399 + 1 - int(recorder.calls[-1][1][0])            # blocks not yet paired
    assert lag < 3                           # dropped, not left to grow (4 blocks by now)


def test_a_failing_canceller_passes_the_mic_and_says_so(caplog):
    class Broken:
        def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
            raise RuntimeError("apm: bad frame")

    report = EchoReport(state="on")
    canceller = EchoCanceller(Broken(), RATE, RATE, report)
    mic = np.arange(BLOCK, dtype=np.int16)
    canceller.render(np.full(BLOCK, 5000, np.int16))  # the speaker plays: it has work to do
    assert np.array_equal(canceller.cancel(mic), mic)
    canceller.render(np.full(BLOCK, 5000, np.int16))
    assert np.array_equal(canceller.cancel(mic), mic)     # and from then on, untouched
    assert len([r for r in caplog.records if "echo cancellation stopped" in r.message]) == 1
    assert report.status.startswith("stopped (apm: bad frame)")


def test_auto_is_off_on_headphones_and_off_is_off():
    report = EchoReport()
    assert looks_like_headphones("Jabra Evolve2 Headset") and looks_like_headphones(
        "AirPods Pro") and not looks_like_headphones("Built-in Audio Analog Stereo")
    assert open_canceller("auto", False, "USB Headphones", RATE, RATE, report) is None
    assert "looks like headphones" in report.status
    assert open_canceller("off", False, "Speakers", RATE, RATE, report) is None
    assert report.status == "off (Settings)"
    assert open_canceller("on", True, "USB Headphones", RATE, RATE, report) is not None
    assert report.status == "on, with noise suppression"


def test_a_canceller_that_cannot_load_leaves_the_guard_alone(monkeypatch):
    def missing(noise_suppression: bool, rate: int) -> None:
        raise ImportError("No module named 'pywebrtc_audio'")

    monkeypatch.setattr(echo_canceller, "WebrtcProcessor", missing)
    report = EchoReport()
    assert open_canceller("auto", False, "Speakers", RATE, RATE, report) is None
    assert report.status == ("unavailable (No module named 'pywebrtc_audio'); the echo guard "
                             "works alone")


@pytest.mark.parametrize(("mode", "joined"), [("on", True), ("off", False)])
async def test_the_engine_joins_one_canceller_to_both_streams(mode, joined):
    import asyncio

    engine = AudioEngine(lambda: FakePyAudio())
    problems = engine.open(FrameOutbox(asyncio.get_running_loop()), echo_mode=mode)
    try:
        assert problems == []
        assert engine.capture is not None and engine.playback is not None
        assert (engine.canceller is not None) is joined
        assert engine.capture.canceller is engine.canceller
        assert engine.playback.canceller is engine.canceller
        if joined:                       # each at its own device rate
            assert (engine.canceller.capture_rate, engine.canceller.render_rate) == (
                engine.capture.rate, engine.playback.rate)
    finally:
        engine.terminate()


def test_speech_over_the_echo_is_an_onset_and_a_knock_is_not():
    talk = TalkOver()
    talk.note_playback(0.0, -30.0)
    knock = np.zeros(FRAME_SAMPLES * 10, np.int16)
    knock[FRAME_SAMPLES: FRAME_SAMPLES + 200] = np.random.default_rng(1).normal(0, 12000, 200)
    for frame in knock.reshape(10, FRAME_SAMPLES):
        assert talk.judge(frame) is not None
    assert talk.onsets == 0 and talk.guard.frames_gated == 9     # the knock's frame passed
    words = np.frombuffer(voice.synthesize("stop there"), np.int16)
    for frame in words[: FRAME_SAMPLES * 10].reshape(10, FRAME_SAMPLES):
        talk.judge(frame)
    assert talk.onsets >= 1


def test_the_echo_tail_is_guarded_after_playback_ends_but_not_after_a_barge_in():
    talk = TalkOver()
    talk.note_playback(0.0, -12.0)
    talk.note_playback(0.1, -90.0)                     # the reply has just ended
    assert talk.echo_possible
    echo = np.full(FRAME_SAMPLES, 4000, np.int16)     # its tail, at -18 dBFS
    assert not talk.judge(echo).any()
    talk.note_playback(0.5, -90.0)                     # 0.4 s later the room is quiet
    assert not talk.echo_possible
    talk.note_playback(0.6, -12.0)
    talk.forget_playback()                             # a barge-in: the user has the floor
    assert not talk.echo_possible


def test_once_a_pause_outlasts_the_echo_every_frame_passes():
    talk = TalkOver(echo=EchoReport(state="on", holding=True))
    talk.note_playback(0.0, -12.0)
    echo = np.full(FRAME_SAMPLES, 4000, np.int16)
    held = [talk.judge(echo, paused=True) is echo for _ in range(QUIET_FRAMES + 1)]
    assert held == [False] * QUIET_FRAMES + [True]
    assert not talk.judge(echo, paused=False).any()   # playing again: judged again


def test_the_mic_goes_out_cleaned_only_while_the_canceller_holds_the_room(caplog):
    caplog.set_level(logging.INFO, logger="assistant.audio.echo_canceller")
    room = Recorder(removes_db=40)
    report = EchoReport(state="on")
    canceller = EchoCanceller(room, RATE, RATE, report)
    far = speech("one two three four five six", 8)

    def play(seconds: float) -> np.ndarray:
        out = []
        for at in range(0, int(seconds * RATE) - BLOCK + 1, BLOCK):
            canceller.render(far[at:at + BLOCK])
            out.append(canceller.cancel(far[at:at + BLOCK]))
        return np.concatenate(out)

    first = play(0.5)
    assert not report.holding and np.array_equal(first, far[: first.size])   # not judged yet
    play(1.5)
    assert report.holding and report.erle_db == pytest.approx(40, abs=1)
    assert power(play(0.2)) < power(far) / 1000                              # cleaned
    room.gain = 10 ** (-12 / 20)                       # a reflection beyond it: it lets go
    play(3.0)
    assert not report.holding and "some of this room's echo gets through" in report.text()
    said = [r.getMessage().split(":")[0] for r in caplog.records]    # the log tells the story
    assert said == ["echo cancellation holds the room",
                    "echo cancellation no longer holds the room"], said
    talk = TalkOver(echo=report)
    assert talk.guard is talk._plain                    # the classic guard, on the plain mic


def test_aec3_runs_only_while_the_speaker_can_echo_unless_noise_is_suppressed():
    recorder = Recorder()
    calls = recorder.calls
    quiet, loud = np.zeros(BLOCK, np.int16), np.full(BLOCK, 3000, np.int16)
    canceller = EchoCanceller(recorder, RATE, RATE)
    for _ in range(5):                                 # nothing played: AEC3 is not called
        canceller.render(quiet)
        canceller.cancel(quiet)
    assert calls == []
    canceller.render(loud)
    canceller.cancel(quiet)
    assert len(calls) == 1 and np.array_equal(calls[0][1], loud)   # playing: both, paired
    for _ in range(10):                                # the room rings on for 200 ms
        canceller.render(quiet)
        canceller.cancel(quiet)
    assert len(calls) == 1 + 10                        # 19 frames of ring, 2 a block
    canceller.render(quiet)
    canceller.cancel(quiet)
    assert len(calls) == 11                            # and then it rests
    calls.clear()
    always = EchoCanceller(recorder, RATE, RATE, always=True)
    always.render(quiet)
    always.cancel(quiet)
    assert len(calls) == 1


def test_silence_between_replies_is_the_reference_zeros_would_be():
    """The speaker's silent blocks skip the framer; AEC3 must see the same reference."""
    fast, slow = Recorder(), Recorder()
    quick = EchoCanceller(fast, RATE, RATE, always=True)
    plain = EchoCanceller(slow, RATE, RATE, always=True)
    tone = (3000 * np.sin(np.arange(RATE) / 7)).astype(np.int16)
    odd = RATE // 100 + 37                    # a block that leaves a remainder in the framer
    for canceller, silence in ((quick, quick.render_silence),
                               (plain, lambda n: plain.render(np.zeros(n, np.int16)))):
        silence(RATE // 100)
        canceller.render(tone[:odd])
        silence(RATE // 100)                  # a remainder pending: cut like any block
        silence(RATE // 100 - 37)
        silence(2 * RATE // 100)
    assert ([f.tolist() for f in quick._reference.waiting()]
            == [f.tolist() for f in plain._reference.waiting()])
    assert len(quick._reference) == 6


def test_silence_fed_takes_the_short_way_and_ends_where_zeros_played_would():
    """Fed silence past the room's ring, a block skips the whole path (a third of a
    conversation's blocks); what comes out, what AEC3 is asked and what is reported match a
    canceller handed the same silence as played zeros, through rest and wake alike."""
    rng = np.random.default_rng(7)
    reply = (3000 * rng.standard_normal(40 * BLOCK)).clip(-32767, 32767).astype(np.int16)
    echo = room(reply, RATE) // 2
    script = ([("play", i) for i in range(30)] + [("silence", 0)] * 30      # a reply, a pause,
              + [("play", i) for i in range(30, 40)] + [("silence", 0)] * 15)  # and another
    short, long = Recorder(removes_db=30), Recorder(removes_db=30)
    quick = EchoCanceller(short, RATE, RATE)
    plain = EchoCanceller(long, RATE, RATE)
    took_it: list[bool] = []
    short_way = mock.patch.object(quick, "_nothing_to_cancel", wraps=quick._nothing_to_cancel)
    for step, (what, i) in enumerate(script):
        block = reply[i * BLOCK:(i + 1) * BLOCK]
        mic = (echo[i * BLOCK:(i + 1) * BLOCK] if what == "play" and step > 40  # the echo
               else rng.integers(-30, 30, BLOCK).astype(np.int16))           # a quiet room
        if what == "play":
            quick.render(block)
            plain.render(block)
        else:
            quick.render_silence(BLOCK)
            plain.render(np.zeros(BLOCK, np.int16))
        with short_way as taken:
            assert np.array_equal(quick.cancel(mic), plain.cancel(mic)), step
        took_it.append(taken.called)
    assert sum(took_it) > 20
    assert len(short.calls) == len(long.calls) > 0
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(short.calls, long.calls, strict=True))
    assert (quick.report.rests, quick.report.resting) == (plain.report.rests,
                                                          plain.report.resting)
    assert quick.report.rests > 0 and not quick.report.resting      # rested, then woke


def test_frames_past_the_rooms_ring_go_out_as_they_came_in():
    room = Recorder(removes_db=40)
    canceller = EchoCanceller(room, RATE, RATE, EchoReport(state="on", holding=True))
    mic = np.full(BLOCK, 1000, np.int16)
    loud, quiet = np.full(BLOCK // 2, 3000, np.int16), np.zeros(BLOCK // 2, np.int16)
    canceller.render(np.concatenate([quiet, loud]))    # the speaker starts mid-block
    out = canceller.cancel(mic)
    assert np.array_equal(out[:BLOCK // 2], mic[:BLOCK // 2])        # before it: untouched
    assert np.abs(out[BLOCK // 2:]).max() < 20                        # echoing: cleaned
    always = EchoCanceller(Recorder(removes_db=40), RATE, RATE, always=True)
    always.render(np.zeros(BLOCK, np.int16))
    assert np.abs(always.cancel(mic)).max() < 20      # noise suppression: every frame


def test_a_frame_the_double_talk_detector_heard_the_user_in_passes_and_is_an_onset():
    report = EchoReport(state="on")
    talk = TalkOver(echo=report)
    talk.note_playback(0.0, -12.0)
    words = np.frombuffer(voice.synthesize("stop there, please"), np.int16)
    frames = list((words[: FRAME_SAMPLES * 12] // 4).reshape(12, FRAME_SAMPLES))  # under the echo
    assert not any(talk.judge(frame) is frame for frame in frames[:6])
    assert talk.onsets == 0
    report.user_heard_at = time.monotonic()              # the capture thread heard them
    assert talk.judge(frames[6]) is frames[6]
    assert talk.user_talking and talk.onsets == 1         # one such frame is enough
    report.user_heard_at = time.monotonic() - 1.0        # an old word: the guard decides
    assert talk.judge(frames[7]) is not frames[7]


@pytest.mark.parametrize("method", ["judge", "align"])
def test_a_failing_double_talk_detector_leaves_the_mic_and_aec3_going(caplog, monkeypatch,
                                                                      method):
    """Whether it fails judging a block or hearing the pairing's news before it."""
    def broken(*args: object) -> None:
        raise FloatingPointError("overflow")

    monkeypatch.setattr(f"assistant.audio.double_talk.DoubleTalk.{method}", broken)
    recorder = Recorder(removes_db=20)
    canceller = EchoCanceller(recorder, RATE, RATE)
    loud = np.full(BLOCK, 3000, np.int16)
    for _ in range(3):
        canceller.render(loud)
        out = canceller.cancel(loud)
        assert out.size == BLOCK
    assert len(recorder.calls) == 3                    # AEC3 went on, one call a block
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert said == ["double-talk detection stopped: overflow"]    # once


def test_a_detector_failing_on_the_pairings_news_in_a_silent_block_leaves_the_mic_going(
        caplog, monkeypatch):
    """The short way for a block the speaker was fed silence in hands the detector the
    pairing's news too, and rests it: failing there, it is dropped as anywhere else."""
    def broken(*args: object) -> None:
        raise FloatingPointError("overflow")

    monkeypatch.setattr("assistant.audio.double_talk.DoubleTalk.align", broken)
    canceller = EchoCanceller(Recorder(removes_db=20), RATE, RATE)
    silence = np.zeros(BLOCK, np.int16)
    for _ in range(2):
        canceller.render_silence(BLOCK)
        assert np.array_equal(canceller.cancel(silence), silence)
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert said == ["double-talk detection stopped: overflow"]    # once
