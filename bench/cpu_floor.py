"""Where the audio path's CPU goes: our engine against the floors under it.

    .venv/bin/python bench/cpu_floor.py [--seconds 10]

Each line is CPU % of one core for one process doing only that, on a private PulseAudio with
null sinks (the mic is fed speech the whole time):
  - bare PyAudio capture / playback (blocking reads and writes, nothing done with the samples);
  - raw libasound blocking reads through the same ALSA "default" (pulse plugin) device;
  - our AudioEngine (capture + playback threads, resampling, framing, levels, hand-off).
The difference between the engine and the bare PyAudio lines is what our code costs; the
difference between PyAudio capture and raw libasound is PortAudio's own capture loop.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.audio.bridge import FrameOutbox
from assistant.audio.devices import create_pyaudio
from assistant.audio.engine import AudioEngine
from tests.pulse import PrivatePulse, espeak_wav

RATE = 48_000
BLOCK = RATE // 100                                    # 10 ms, as the engine uses


def cpu_percent(seconds: float) -> float:
    time.sleep(0.5)                                     # let the streams settle
    cpu0, wall0 = time.process_time(), time.perf_counter()
    time.sleep(seconds)
    return (time.process_time() - cpu0) / (time.perf_counter() - wall0) * 100


def looping(step: Callable[[], object]) -> Callable[[], None]:
    """Runs `step` on a thread until the returned stop function is called."""
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            step()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return lambda: (stop.set(), thread.join())          # type: ignore[func-returns-value]


def bare_pyaudio(direction: str, seconds: float) -> float:
    pa = create_pyaudio()
    stream = pa.open(format=8, channels=1, rate=RATE, frames_per_buffer=BLOCK,
                     **{direction: True})          # 8 = paInt16
    silence = bytes(2 * BLOCK)
    step = ((lambda: stream.read(BLOCK, exception_on_overflow=False)) if direction == "input"
            else (lambda: stream.write(silence)))
    stop = looping(step)
    try:
        return cpu_percent(seconds)
    finally:
        stop()
        stream.close()
        pa.terminate()


def raw_alsa_capture(seconds: float) -> float:
    asound = ctypes.CDLL("libasound.so.2")
    pcm = ctypes.c_void_p()
    if asound.snd_pcm_open(ctypes.byref(pcm), b"default", 1, 0) != 0:      # 1 = capture
        raise OSError("libasound could not open the default capture device")
    # S16_LE (2), RW interleaved (3), mono, 48 kHz, soft resample, 20 ms latency
    if asound.snd_pcm_set_params(pcm, 2, 3, 1, RATE, 1, 20_000) != 0:
        raise OSError("libasound refused the parameters")
    buf = ctypes.create_string_buffer(2 * BLOCK)

    def read() -> None:
        got = asound.snd_pcm_readi(pcm, buf, BLOCK)
        if got < 0:
            asound.snd_pcm_recover(pcm, got, 1)

    stop = looping(read)
    try:
        return cpu_percent(seconds)
    finally:
        stop()
        asound.snd_pcm_close(pcm)


def engine_duplex(seconds: float) -> float:
    async def run() -> float:
        engine = AudioEngine()
        outbox = FrameOutbox(asyncio.get_running_loop())
        problems = engine.open(outbox)
        assert not problems, problems
        try:
            return await asyncio.to_thread(cpu_percent, seconds)
        finally:
            engine.terminate()
    return asyncio.run(run())


def main(seconds: float) -> None:
    pulse = PrivatePulse().start()
    tmp = Path("/tmp/cpu-floor")
    tmp.mkdir(exist_ok=True)
    talk = espeak_wav("one two three four five six seven eight nine ten", tmp / "talk.wav")
    feeding = True

    def feed() -> None:
        while feeding:
            pulse.play_into_mic(talk).wait()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        print(f"CPU % of one core, {seconds:.0f} s each, 48 kHz mono, 10 ms blocks:")
        print(f"  bare PyAudio capture (blocking read):   {bare_pyaudio('input', seconds):5.1f}")
        print(f"  bare PyAudio playback (blocking write): {bare_pyaudio('output', seconds):5.1f}")
        print(f"  raw libasound capture (blocking readi): {raw_alsa_capture(seconds):5.1f}")
        print(f"  our AudioEngine, capture + playback:    {engine_duplex(seconds):5.1f}")
    finally:
        feeding = False
        pulse.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    main(parser.parse_args().seconds)
