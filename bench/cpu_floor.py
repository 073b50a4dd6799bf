"""Where the audio path's CPU goes: our engine against the floors under it.

    .venv/bin/python bench/cpu_floor.py [--seconds 10]

Each line is CPU % of one core for one process doing only that, once samples flow, on a private
PulseAudio with null sinks (the mic is fed speech the whole time):
  - bare PyAudio capture / playback (blocking reads and writes, nothing done with the samples);
  - raw libasound blocking reads through the same ALSA "default" (pulse plugin) device;
  - our AudioEngine (capture + playback threads, resampling, framing, levels, hand-off).
The difference between the engine and the bare PyAudio lines is what our code costs.
It also times a capture stream's start: PortAudio's blocking read polls in a loop until the
source delivers its first samples, which a fresh PulseAudio source takes 1-2 s to do.
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

from assistant.audio.devices import create_pyaudio
from assistant.audio.engine import AudioEngine
from assistant.audio.outbox import FrameOutbox
from bench.audio_bench import thread_cpu_s
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


def first_read(stream) -> tuple[float, float]:
    """(seconds until a blocking read returns its first block, CPU % meanwhile)."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    stream.read(BLOCK, exception_on_overflow=False)
    wall = time.perf_counter() - wall0
    return wall, (time.process_time() - cpu0) / wall * 100


def bare_pyaudio(direction: str, seconds: float) -> float:
    pa = create_pyaudio()
    stream = pa.open(format=8, channels=1, rate=RATE, frames_per_buffer=BLOCK,
                     **{direction: True})          # 8 = paInt16
    if direction == "input":
        wall, cpu = first_read(stream)
        print(f"  (a fresh capture stream's first read took {wall:.2f} s at {cpu:.0f} % CPU)")
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
        cpu0, wall0 = time.process_time(), time.perf_counter()
        while not outbox.latency_s:
            await asyncio.sleep(0.01)
        wall = time.perf_counter() - wall0
        print(f"  (our capture's first frame after {wall:.2f} s at "
              f"{(time.process_time() - cpu0) / wall * 100:.0f} % CPU)")
        try:
            before = thread_cpu_s()
            result = await asyncio.to_thread(cpu_percent, seconds)
            after = thread_cpu_s()
            print("  (per thread: " + ", ".join(
                f"{name} {(after[name] - before.get(name, 0.0)) / (seconds + 0.5) * 100:.1f}"
                for name in sorted(after, key=lambda n: before.get(n, 0.0) - after[n])[:4]) + ")")
            return result
        finally:
            engine.terminate()
    return asyncio.run(run())


def on_fresh_pulse(measure: Callable[[float], float], seconds: float) -> float:
    """Each measurement gets its own sound server, so each meets a source still asleep."""
    pulse = PrivatePulse().start()
    talk = espeak_wav("one two three four five six seven eight nine ten",
                      pulse.runtime / "talk.wav")
    feeding = threading.Event()
    feeding.set()

    def feed() -> None:
        while feeding.is_set():
            pulse.play_into_mic(talk).wait()

    threading.Thread(target=feed, daemon=True).start()
    try:
        return measure(seconds)
    finally:
        feeding.clear()
        pulse.stop()


def main(seconds: float) -> None:
    print(f"CPU % of one core, {seconds:.0f} s each, 48 kHz mono, 10 ms blocks:")
    for label, measure in (
            ("bare PyAudio capture (blocking read)", lambda s: bare_pyaudio("input", s)),
            ("bare PyAudio playback (blocking write)", lambda s: bare_pyaudio("output", s)),
            ("raw libasound capture (blocking readi)", raw_alsa_capture),
            ("our AudioEngine, capture + playback", engine_duplex)):
        print(f"  {label + ':':40s}{on_fresh_pulse(measure, seconds):5.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    main(parser.parse_args().seconds)
