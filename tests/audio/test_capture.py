"""Capture conversion: resampling, mono mix, exact framing, levels; through the fake device."""

from __future__ import annotations

import time

import numpy as np
import pytest

from assistant.audio.capture import Capture, CaptureProcessor
from assistant.audio.devices import DeviceCatalog
from assistant.audio.framer import Framer
from assistant.audio.levels import LevelHolder
from assistant.audio.playback import Playback
from assistant.config import FRAME_SAMPLES, WIRE_RATE
from tests.fakes import FakePyAudio
from tests.helpers import sine


def _collect():
    got: list[np.ndarray] = []
    return got, lambda frames, _t: got.extend(frames)


def _dominant_hz(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.argmax(spectrum) * rate / x.size)


def _rms_db(x: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(np.square(x.astype(np.float64) / 32768))))


@pytest.mark.parametrize("device_rate", [48_000, 44_100, 16_000])
def test_1khz_sine_arrives_at_24khz_with_right_frequency_and_level(device_rate):
    got, sink = _collect()
    proc = CaptureProcessor(device_rate, 1, sink)
    source = (sine(1000, 2.0, device_rate) * 32767).astype(np.int16)
    for start in range(0, source.size, 441):                      # odd block sizes
        proc.process(source[start:start + 441].tobytes())
    out = np.concatenate(got)
    assert all(frame.size == FRAME_SAMPLES for frame in got)
    steady = out[WIRE_RATE // 10: -WIRE_RATE // 10]
    assert abs(_dominant_hz(steady, WIRE_RATE) - 1000) < 2
    assert abs(_rms_db(steady) - _rms_db(source)) < 0.5
    assert abs(out.size - 2.0 * WIRE_RATE) <= 0.03 * WIRE_RATE       # only the resampler holds


def test_framing_is_exact_across_odd_blocks_without_resampling():
    got, sink = _collect()
    proc = CaptureProcessor(WIRE_RATE, 1, sink)
    rng = np.random.default_rng(7)
    source = rng.integers(-3000, 3000, WIRE_RATE, dtype=np.int16)
    pos = 0
    for size in rng.integers(1, 1500, 200):
        proc.process(source[pos:pos + size].tobytes())
        pos += size
        if pos >= source.size:
            break
    out = np.concatenate(got)
    assert out.size == (source.size // FRAME_SAMPLES) * FRAME_SAMPLES
    assert np.array_equal(out, source[: out.size])


def test_stereo_is_mixed_to_mono_and_levels_are_measured():
    got, sink = _collect()
    level = LevelHolder()
    proc = CaptureProcessor(WIRE_RATE, 2, sink, level)
    left = (sine(500, 0.2) * 32767).astype(np.int16)
    stereo = np.stack([left, np.zeros_like(left)], axis=1).ravel()
    proc.process(stereo.tobytes())
    out = np.concatenate(got)
    assert np.allclose(out, left[: out.size] / 2, atol=1)
    rms_db, peak_db = level.value
    assert -20.0 < rms_db < -19.0 and -17.0 < peak_db < -16.0   # a 0.3 FS sine, halved


def test_framer_keeps_the_remainder():
    framer = Framer(4)
    assert framer.push(np.arange(3, dtype=np.int16)).shape == (0, 4)
    frames = framer.push(np.arange(3, 9, dtype=np.int16))
    assert frames.tolist() == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert framer.push(np.arange(9, 12, dtype=np.int16)).tolist() == [[8, 9, 10, 11]]


def test_whole_frames_with_nothing_pending_are_cut_without_a_copy():
    framer = Framer(4)
    block = np.arange(8, dtype=np.int16)
    frames = framer.push(block)
    assert frames.tolist() == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert np.shares_memory(frames, block) and framer.pending == 0


def _run_capture(fake: FakePyAudio, feed, frames: int):
    """Starts a capture thread on the fake's microphone, feeds it, collects `frames` frames."""
    got, sink = _collect()
    catalog = DeviceCatalog(lambda: fake)
    capture = Capture(catalog, catalog.find("input"), sink)
    capture.start()
    stream = fake.stream("input")
    feed(stream)
    deadline = time.monotonic() + 5
    while len(got) < frames and time.monotonic() < deadline:
        time.sleep(0.01)
    capture.close()
    return capture, stream, got


def test_capture_thread_reads_the_device_at_its_native_rate_and_survives_errors():
    def feed(stream):
        stream.fail_next(OSError(-9999, "Unanticipated host error"))
        stream.push((sine(300, 0.5, 48_000, 0.2) * 32767).astype(np.int16).repeat(2).tobytes())

    capture, stream, got = _run_capture(FakePyAudio(), feed, 20)
    assert (stream.rate, stream.channels) == (48_000, 2)
    assert len(got) >= 20 and capture.errors == 1
    assert stream.closed


def test_an_overflow_keeps_the_microphone_and_the_samples_it_read():
    """PyAudio closes a stream whose read raises on an overflow; a stall of the capture thread
    on a hardware device (a few samples dropped) must not end the microphone."""
    tone = (sine(300, 0.5, 48_000, 0.2) * 32767).astype(np.int16).repeat(2).tobytes()

    def feed(stream):
        stream.overflow_next()
        stream.push(tone)

    capture, _stream, got = _run_capture(FakePyAudio(), feed, 50)
    assert len(got) >= 50 and capture.errors == 0 and capture.failure is None
    heard = np.concatenate(got)[: 50 * FRAME_SAMPLES]
    assert abs(_dominant_hz(heard[960:], WIRE_RATE) - 300) < 15


def test_capture_opens_mono_where_the_device_takes_it():
    from tests.fakes import FakeDevice

    fake = FakePyAudio([FakeDevice("Server mic", inputs=32, rate=44_100, mono=True)])
    tone = (sine(1000, 0.5, 44_100, 0.2) * 32767).astype(np.int16).tobytes()
    _capture, stream, got = _run_capture(fake, lambda stream: stream.push(tone), 9)
    assert (stream.rate, stream.channels) == (44_100, 1)
    assert len(got) >= 9 and all(len(frame) == FRAME_SAMPLES for frame in got)
    assert abs(_dominant_hz(np.concatenate(got)[960:], WIRE_RATE) - 1000) < 15


class ThreeBlockDevice:
    """PortAudio's ALSA layer as PulseAudio's plugin gives it: a buffer of three periods (one
    period a block), all free at the start; the test plays it out a block at a time."""

    def __init__(self, block: int) -> None:
        self.block, self.queued, self.most_queued = block, 0, 0
        self.writes: list[int] = []

    def get_write_available(self) -> int:
        return 3 * self.block - self.queued

    def write(self, data: bytes, frames: int, exception_on_underflow: bool = False) -> None:
        assert frames <= self.get_write_available()         # a blocking write would wait
        assert len(data) == 2 * frames
        self.queued += frames
        self.most_queued = max(self.most_queued, self.queued)
        self.writes.append(frames)

    def play_a_block(self, frames: int | None = None) -> None:
        self.queued = max(0, self.queued - (self.block if frames is None else frames))


def _playback_on_three_blocks() -> tuple[Playback, ThreeBlockDevice]:
    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    playback = Playback(catalog, catalog.find("output"))
    device = ThreeBlockDevice(playback.block)
    playback._stream = device                                # type: ignore[assignment]
    return playback, device


def test_the_speaker_keeps_two_blocks_queued_not_its_whole_buffer():
    """A reply, or a barge-in's fade, waits behind what is queued: 40 ms, not the 60 ms the
    device would take."""
    playback, device = _playback_on_three_blocks()
    playback.buffer.write("item", (sine(440, 0.3) * 32767).astype(np.int16).tobytes())
    playback.buffer.finish("item")
    moved = 0
    for _ in range(12):
        while playback._step():
            moved += 1
        device.play_a_block()
    assert device.most_queued == 2 * playback.block
    assert moved >= 12                   # it kept up: a block in for each one played


@pytest.mark.parametrize("replying", [True, False], ids=["a reply", "silence"])
def test_a_speaker_that_ran_dry_is_refilled_with_two_blocks_in_one_write(replying):
    """A single period restarting PulseAudio's ALSA plugin could leave it losing every write
    (see playback.py): two go in at once, then one a block again."""
    playback, device = _playback_on_three_blocks()
    if replying:
        playback.buffer.write("item", (sine(440, 1.0) * 32767).astype(np.int16).tobytes())
        playback.buffer.finish("item")
    while playback._step():
        pass
    for _ in range(3):                       # the app was held up: all of it played out
        device.play_a_block()
    device.writes.clear()
    while playback._step():
        pass
    device.play_a_block(playback.block + 10)      # a little late: just under a block left
    while playback._step():
        pass
    assert device.writes == [2 * playback.block, playback.block]   # one: not dry, and not full
    assert playback.buffer.silent != replying


def test_playback_thread_writes_the_buffer_to_the_device():
    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    playback = Playback(catalog, catalog.find("output"))
    playback.start()
    stream = fake.stream("output")
    assert stream.rate == 44_100 and playback.latency_ms == 20
    playback.buffer.write("item", (sine(440, 0.3) * 32767).astype(np.int16).tobytes())
    playback.buffer.finish("item")
    heard = np.frombuffer(stream.pull(40), np.int16)
    assert np.count_nonzero(heard) > 0.25 * 44_100 and playback.buffer.played_ms("item") >= 290
    assert playback.buffer.silent                              # the reply is over:
    assert not np.frombuffer(stream.pull(5), np.int16).any()   # silence keeps the device fed
    playback.close()


def test_an_unwanted_microphone_rests_and_a_nudge_starts_it_with_every_sample_after():
    """Push-to-talk at rest: the stream stops (nothing wakes), and the press starts it again."""
    import threading

    from assistant.audio.stream_thread import REST_AFTER_S

    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    got, sink = _collect()
    wanted, nudge = threading.Event(), threading.Event()
    level = LevelHolder()
    capture = Capture(catalog, catalog.find("input"), sink, level, wanted=wanted.is_set,
                      nudge=nudge)
    capture.start()
    stream = fake.stream("input")
    stream.push(np.full(48_000 * 2 // 10, 8000, np.int16).tobytes())    # 100 ms, stereo
    deadline = time.monotonic() + REST_AFTER_S + 3
    while not capture.resting and time.monotonic() < deadline:
        time.sleep(0.01)
    assert capture.resting and not stream.started and capture.rests == 1
    assert level.value[0] <= -90                     # a resting mic shows as silent
    reads_at_rest = stream.pending_bytes
    time.sleep(0.3)
    assert stream.pending_bytes == reads_at_rest     # nothing read while it rests
    got.clear()
    wanted.set()
    nudge.set()                                      # the press
    tone = (sine(440, 0.3, 48_000, 0.5) * 32767).astype(np.int16).repeat(2)
    stream.push(tone.tobytes())
    while len(got) < 15 and time.monotonic() < deadline + 3:
        time.sleep(0.01)
    capture.close()
    assert capture.rests == 1 and not capture.resting
    assert len(got) >= 15
    assert abs(_dominant_hz(np.concatenate(got)[960:], WIRE_RATE) - 440) < 15
