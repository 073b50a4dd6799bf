"""Audio path figures on real PortAudio streams (a private PulseAudio with null sinks) against the
embedded server running as a separate process, so its CPU is not counted as ours.

    .venv/bin/python bench/audio_bench.py [--seconds 60]

Prints: capture read -> loop latency, delta written -> handed to the device, reply start after
the user stops talking, barge-in to silence, clear() to silence, truncation error, CPU % of one
core over full-duplex streaming, drops and underruns.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.app.voice.bridge import AudioBridge
from assistant.audio.engine import AudioEngine
from assistant.audio.outbox import FrameOutbox
from assistant.audio.stream_thread import BLOCK_MS
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import SessionSettings, build_session
from assistant.sim import voice
from tests.pulse import PrivatePulse, best_correlation, espeak_wav, read_wav


def thread_cpu_s() -> dict[str, float]:
    """CPU seconds per thread name (Linux), so the audio threads can be told from the rest."""
    ticks = os.sysconf("SC_CLK_TCK")
    names = {t.native_id: t.name for t in threading.enumerate()}
    out: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = names.get(int(task.name)) or (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return out


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q) * 1000) if values else float("nan")


def speech_span_s(wav: Path) -> tuple[float, float]:
    """Where the speech in a file starts and ends (s), by level."""
    x = np.abs(read_wav(wav).astype(np.int32))
    loud = np.flatnonzero(x > 1000)
    return loud[0] / 24_000, loud[-1] / 24_000


class Probe:
    """Wraps PlaybackBuffer.read to time-stamp what reaches the device. Once the buffer is
    silent the playback thread writes ready-made silence without reading: a read that leaves
    it silent stamps the next block (one block later) as the first silent one."""

    def __init__(self, buffer) -> None:
        self.buffer = buffer
        self.first_sound: float | None = None
        self.clear_at: float | None = None
        self.silent_after_clear: float | None = None
        self.quiet_at: float | None = None
        self._read = buffer.read
        buffer.read = self.read

    def read(self, n: int) -> np.ndarray:
        out = self._read(n)
        now = time.perf_counter()
        if not out.any():
            self._mark_silent(now)
            return out
        if self.first_sound is None:
            self.first_sound = now
        if self.buffer.silent:                        # the last sound: silence comes next
            self._mark_silent(now + n / self.buffer.device_rate)
        else:
            self.quiet_at = None
        return out

    def _mark_silent(self, when: float) -> None:
        if self.quiet_at is None:
            self.quiet_at = when
        if self.clear_at is not None and self.silent_after_clear is None:
            self.silent_after_clear = when


async def start_sim() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "assistant.sim", "--speed", "1.0"],
                            stdout=subprocess.PIPE, text=True)
    line = await asyncio.to_thread(proc.stdout.readline)
    return proc, line.split()[1].removesuffix("/realtime")


async def idle(engine) -> None:
    while engine.buffer.active:
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.3)


async def turn_latency(pulse, session, engine, probe, tmp: Path) -> dict[str, float]:
    """From the end of the user's speech (as fed into the mic) to: the server's speech_stopped,
    the first reply delta, the first reply sample handed to the device."""
    question = espeak_wav("what is the capital of france", tmp / "q.wav")
    speech_start, speech_end = speech_span_s(question)
    await idle(engine)
    probe.first_sound = None
    marks: dict[str, float] = {}

    def mark(event: dict) -> None:
        if event["type"] in ("input_audio_buffer.speech_started",
                             "input_audio_buffer.speech_stopped", "response.output_audio.delta"):
            marks.setdefault(event["type"], time.perf_counter())

    session.listeners.append(mark)
    done = session.wait_for("response.done", 30)
    started = time.perf_counter()
    pulse.play_into_mic(question)
    await done
    session.listeners.remove(mark)
    end = started + speech_end
    # How late the speech onset was heard: large only when the sound server itself started late
    # (the first paplay after a stream opens), which then inflates the figures below as well.
    onset = (marks["input_audio_buffer.speech_started"] - started - speech_start) * 1000
    return {"onset": onset, "stopped": (marks["input_audio_buffer.speech_stopped"] - end) * 1000,
            "delta": (marks["response.output_audio.delta"] - end) * 1000,
            "sound": ((probe.first_sound or float("nan")) - end) * 1000}


def heard_until_ms(expected: np.ndarray, recorded: np.ndarray) -> float:
    """Where the reply stopped at the speaker: the first 10 ms window in which the reply
    should be loud but the speaker monitor is silent, timed from the reply's start there."""
    corr, lag = best_correlation(expected[:12_000], recorded)
    assert corr > 0.8, f"reply not found at the speaker (r={corr:.2f})"
    for start in range(12_000, expected.size - 240, 240):
        should = np.sqrt(np.mean(expected[start:start + 240].astype(np.float64) ** 2))
        got = recorded[lag + start:lag + start + 240].astype(np.float64)
        if should > 500 and got.size and np.sqrt(np.mean(got ** 2)) < 30:
            return start / 24
    return float("nan")


async def barge_in(pulse, session, engine, bridge, probe, tmp: Path) -> dict[str, float]:
    text = "please tell me a very long story about the sea and the sky"
    recorder = pulse.record_speaker(tmp / "barge.wav")
    await asyncio.sleep(0.3)
    session.add_text_message(text)
    session.create_response()
    first = await session.wait_for("response.output_audio.delta", 10)
    await asyncio.sleep(1.5)
    interruption = espeak_wav("stop", tmp / "stop.wav")
    speech_start, _ = speech_span_s(interruption)
    probe.silent_after_clear = None
    bridge.on_barge_in = lambda: setattr(probe, "clear_at", time.perf_counter())
    truncated = session.wait_for("conversation.item.truncated", 10)
    started = time.perf_counter()
    pulse.play_into_mic(interruption)
    paused_at = None
    while paused_at is None and time.perf_counter() - started < 5:
        if engine.buffer.paused or not engine.buffer.active:
            paused_at = time.perf_counter()
        await asyncio.sleep(0.002)
    event = await truncated
    await asyncio.sleep(0.5)
    recorder.terminate()
    recorder.wait(5)
    handed = engine.buffer.played_ms(first["item_id"])
    expected = np.frombuffer(voice.synthesize(f'You said: "{text}".'), np.int16)
    at_speaker = heard_until_ms(expected, read_wav(tmp / "barge.wav"))
    return {"silent_ms": ((probe.quiet_at or paused_at) - (started + speech_start)) * 1000,
            "confirmed_ms": ((probe.clear_at or 0) - (started + speech_start)) * 1000,
            "clear_to_silent_ms": ((probe.silent_after_clear or 0) - (probe.clear_at or 0))
            * 1000,
            "truncate_error_ms": abs(handed - event["audio_end_ms"]),
            "truncate_vs_speaker_ms": event["audio_end_ms"] - at_speaker}


async def duplex(pulse, tmp: Path, seconds: float) -> tuple[float, float]:
    talk = espeak_wav("and another thing I wanted to ask you about today", tmp / "t.wav")
    cpu0, wall0, threads0 = time.process_time(), time.perf_counter(), thread_cpu_s()
    while time.perf_counter() - wall0 < seconds:
        player = pulse.play_into_mic(talk)
        while player.poll() is None:
            await asyncio.sleep(0.05)
        await asyncio.sleep(2.5)
    wall = time.perf_counter() - wall0
    threads = {name: (cpu - threads0.get(name, 0.0)) / wall * 100
               for name, cpu in thread_cpu_s().items()}
    print("per thread CPU %: " + ", ".join(f"{name} {value:.1f}" for name, value in
                                          sorted(threads.items(), key=lambda kv: -kv[1])
                                          if value >= 0.05))
    return (time.process_time() - cpu0) / wall * 100, wall


async def main(seconds: float) -> None:
    tmp = Path("/tmp/audio-bench")
    tmp.mkdir(exist_ok=True)
    pulse = PrivatePulse().start()
    sim, url = await start_sim()
    engine = AudioEngine()
    try:
        outbox = FrameOutbox(asyncio.get_running_loop())
        problems = engine.open(outbox)
        assert not problems, problems
        session = RealtimeSession(Endpoint(base_url=url, api_key="bench"))
        await session.connect()
        session.update_session(build_session(SessionSettings()))
        await session.wait_for("session.updated", 5)
        bridge = AudioBridge(outbox, engine.buffer, mode="vad")
        bridge.attach(session)
        probe = Probe(engine.buffer)
        await asyncio.sleep(0.5)
        turns = [await turn_latency(pulse, session, engine, probe, tmp) for _ in range(5)]
        await idle(engine)
        barge = await barge_in(pulse, session, engine, bridge, probe, tmp)
        await idle(engine)
        cpu, wall = await duplex(pulse, tmp, seconds)
        stats = engine.buffer.stats
        print(f"devices: capture {engine.capture.rate} Hz, playback {engine.playback.rate} Hz, "
              f"{BLOCK_MS} ms blocks (blocking-mode threads), PortAudio latency in "
              f"{engine.capture.latency_ms:.0f} ms / out {engine.playback.latency_ms:.0f} ms")
        print(f"capture read -> frame on the loop: p50 {pct(list(outbox.latency_s), 50):.2f} ms, "
              f"p99 {pct(list(outbox.latency_s), 99):.2f} ms "
              f"(+ resampler hold <= 20 ms, mean ~10 ms)")
        starts = list(stats.start_latency_s)
        print(f"reply's first delta written -> first sample handed to device: "
              f"p50 {pct(starts, 50):.1f} ms, p99 {pct(starts, 99):.1f} ms "
              f"(40 ms prebuffer + device block), over {len(starts)} replies")
        print("speech onset heard after (per turn, ms): "
              + ", ".join(f"{t['onset']:.0f}" for t in turns))
        for key, label in (("stopped", "server speech_stopped"), ("delta", "first reply delta"),
                           ("sound", "first reply sample handed")):
            values = sorted(t[key] for t in turns)
            print(f"after the user stops talking -> {label}: median {values[len(values) // 2]:.0f}"
                  f" ms (min {values[0]:.0f}, max {values[-1]:.0f}; server VAD silence 500 ms)")
        print(f"barge-in: silent {barge['silent_ms']:.0f} ms after speech starts "
              f"(server confirms at {barge['confirmed_ms']:.0f} ms); clear() -> silent block "
              f"{barge['clear_to_silent_ms']:.1f} ms; truncate vs our estimate "
              f"{barge['truncate_error_ms']:.0f} ms, vs the speaker monitor "
              f"{barge['truncate_vs_speaker_ms']:+.0f} ms (+: past what was heard)")
        print(f"full duplex {wall:.0f} s: CPU {cpu:.1f} % of one core; "
              f"drops {outbox.drops}, underruns {stats.underruns}, "
              f"frames sent {bridge.frames_sent}")
        bridge.close()
        await session.close()
    finally:
        engine.terminate()
        sim.terminate()
        pulse.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    asyncio.run(main(parser.parse_args().seconds))
