"""Echo cancellation measured as a user lives it, and the canceller on its own.

The app: the conversation bench's spoken conversation (bench/conversation_bench.py: the whole
app from its real command line, a private PulseAudio, the embedded server in this process at
real-time speed, server VAD), in three rooms:

  headphones     no echo path
  laptop         the speaker leaks into the mic through two paths, 50 ms and 130 ms late,
                 each as loud as played (pactl loopbacks at 0 dB)
  laptop, off    the same room with echo cancellation off (the echo guard alone)
  moved          one path at 50 ms, 0 dB, that moves to 120 ms 2 s into the first reply (a
                 loopback or a Bluetooth link whose latency changed; --moved-at): the
                 canceller and the double-talk detector lose the room at once. 2 s, where the
                 detector judges (after a second of echo learned): moved at 1 s, as this room
                 once did, it met the move before it judged, and hid that it cut replies
  unplugged      no echo path until 1.6 s into the first reply (the canceller has come to
                 rest), then one at 50 ms, 0 dB: headphones unplugged, the speakers take over

  self-int  replies the app cut off by itself (its echo heard as the user)
  heard     the user talks over the reply: their first sound at the mic -> the server's
            speech_started (ms; their words found by correlation in what the server received;
            their first sound dated by when it would have arrived, sent as captured: the app
            holds the mic back while it plays, audio/lookback.py; plus the 20 ms capture
            block the first sample waits in)
  early     local onsets before the user's first sound: the reply paused by its own echo (a
            claim the talk-over stage then refuted, or a self-interruption)
  found     the user talks over the reply: their first sound -> the app's local onset, which
            pauses the speaker (ms of their audio, as the server received it; the app's stats
            say how many mic frames it had taken at each onset): silent minus found is the
            speaker's own way to silence, the device's buffer and the fade
  corr      the first half-second of the user's words as the server received them, correlated
            (200 ms windows) with what they said; "corr/apm" against the same words passed
            through the canceller with no echo at all (AEC3's filters shift phase: that alone
            caps the plain figure at ~0.7 at 24 kHz; see the closing note of issue 13)
  loss      level of those words at the server against what was said (dB; + is quieter)
  silent    speaker silent after the user started talking over it (ms)
  cpu       the app's CPU, % of one core; erle: the app's own echo-removed figure at the end
  rests     how often the canceller came to rest hearing no echo (with headphones, once; in
            every room with echo, never)

The canceller alone: espeak speech through assistant.audio.echo_canceller with a synthetic
room, the far end playing throughout: ERLE after 4 s, and the double-talk loss (the user's
level out of the canceller against in, while the far end plays).

    .venv/bin/python bench/echo_bench.py [--runs 1] [--rooms laptop headphones off]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.audio.echo_canceller import WebrtcProcessor  # noqa: E402
from assistant.sim.vad import EnergyVad  # noqa: E402
from bench.conversation_bench import AUDIO_PART, analyse, converse, keep_wire  # noqa: E402
from tests.live_app import LiveApp  # noqa: E402
from tests.pulse import (  # noqa: E402
    PrivatePulse,
    best_correlation,
    espeak_wav,
    read_wav,
    windowed_correlation,
)

RATE = 24_000
LAPTOP = ((50, 0.0), (130, 0.0))
ROOMS = {"headphones": ((), "auto"), "laptop": (LAPTOP, "auto"), "off": (LAPTOP, "off"),
         "one-path": (((50, 0.0),), "auto"), "one-path-off": (((50, 0.0),), "off"),
         "moved": (((50, 0.0),), "auto"), "unplugged": ((), "auto")}
# room: (s into the first reply, the path's new delay in ms; where there was none, at 0 dB)
MOVES = {"moved": (2.0, 120), "unplugged": (1.6, 50)}
CAPTURE_BLOCK_MS = 20
FRAME = RATE // 50
HALF_S = RATE // 2


def voiced_start(speech: np.ndarray) -> int:
    return int(np.argmax(np.abs(speech.astype(np.int32)) > 300))


def through_canceller(speech: np.ndarray, far: np.ndarray | None = None,
                      paths: tuple[tuple[int, float], ...] = (),
                      noise_suppression: bool = False,
                      reference: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """`speech` (+ the far end's echo over `paths`) through the app's AEC3 stages, 20 ms at a
    time with the far end paired, as the capture thread runs them; the output and its CPU (%
    of a core). `reference`: what AEC3 is told was played, if not `far` itself."""
    far = np.zeros(speech.size, np.int16) if far is None else far[: speech.size]
    told = far if reference is None else reference[: speech.size]
    mic = speech.astype(np.float64)
    for delay, db in paths:
        k = delay * RATE // 1000
        mic[k:] += far[: far.size - k] * 10 ** (db / 20)
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    processor, block = WebrtcProcessor(noise_suppression, RATE), RATE // 50
    out, started = [], time.process_time()
    for at in range(0, mic16.size - block + 1, block):
        out.append(processor.process(mic16[at:at + block], told[at:at + block]))
    cpu = (time.process_time() - started) / (mic16.size / RATE) * 100
    return np.concatenate(out), cpu


def canceller_alone(folder: Path) -> None:
    far_text = ("the weather today is sunny and warm with a light breeze from the west, and "
                "tomorrow brings rain in the afternoon, so take an umbrella with you")
    far1 = read_wav(espeak_wav(far_text, folder / "far.wav"))
    far = np.concatenate([far1, far1])
    user = read_wav(espeak_wav("wait, wait, stop, I have another question for you",
                               folder / "user.wav"))
    at = 8 * RATE
    near = np.zeros(far.size, np.int16)
    near[at:at + user.size] = user
    # The last: AEC3 told of both paths (the far end summed over them, halved), an upper bound
    # for folding a path beyond its ~50 ms filter into its reference (experiment/late-paths).
    first = LAPTOP[0][0]
    both_paths = (_echo_only(far, tuple((delay - first, db) for delay, db in LAPTOP)) / 2
                  ).astype(np.int16)
    for label, paths, reference in (
            ("one path, 50 ms, 0 dB", ((50, 0.0),), None),
            ("two paths, 50+130 ms, 0 dB each", LAPTOP, None),
            ("two paths, AEC3 told of both", LAPTOP, both_paths)):
        echo_out, _ = through_canceller(np.zeros(far.size, np.int16), far, paths,
                                        reference=reference)
        span = slice(4 * RATE, at)
        erle = 10 * np.log10(_power(_echo_only(far, paths)[span]) / _power(echo_out[span]))
        both, cpu = through_canceller(near, far, paths, reference=reference)
        words = slice(at, at + user.size)
        user_out = both[words].astype(np.float64) - echo_out[words]
        loss = 10 * np.log10(_power(user) / max(_power(user_out), 1e-3))
        print(f"canceller alone, {label}: ERLE {erle:.1f} dB; double talk: the user's words "
              f"through at {-loss:+.1f} dB; {cpu:.2f} % of a core", flush=True)


def noise_and_the_server_vad(folder: Path) -> None:
    """A fan in the room (brown noise at -40 dBFS, above the server VAD's default -45 dBFS
    start level) and two spoken sentences 3 s apart: what the embedded server's VAD makes of
    the mic, with and without WebRTC's noise suppression in the canceller."""
    words = read_wav(espeak_wav("please set a timer for ten minutes", folder / "words.wav"))
    rng = np.random.default_rng(7)
    fan = np.cumsum(rng.normal(0, 1, 10 * RATE))
    fan = (fan - np.convolve(fan, np.ones(2400) / 2400, mode="same"))    # no drift, still a rumble
    fan *= 32768 * 10 ** (-40 / 20) / np.sqrt(np.mean(fan ** 2))
    mic = fan.copy()
    for at in (2, 6):
        mic[at * RATE: at * RATE + words.size] += words
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    for label, suppress in (("without noise suppression", False), ("with noise suppression", True)):
        out, _ = through_canceller(mic16, noise_suppression=suppress)
        events = EnergyVad().feed(out)
        turns = [(e.kind, e.ms) for e in events]
        noise_db = 10 * np.log10(_power(out[4 * RATE: 5 * RATE]) / 32768 ** 2)
        print(f"fan at -40 dBFS, {label}: fan left at {noise_db:.0f} dBFS; server VAD turns "
              f"{turns or 'none'} (the words are at 2.0 s and 6.0 s)", flush=True)


def _echo_only(far: np.ndarray, paths: tuple[tuple[int, float], ...]) -> np.ndarray:
    mic = np.zeros(far.size)
    for delay, db in paths:
        k = delay * RATE // 1000
        mic[k:] += far[: far.size - k] * 10 ** (db / 20)
    return mic


def _power(x: np.ndarray) -> float:
    return float(np.mean(np.square(x.astype(np.float64)))) + 1e-9


def _unheld_arrival(appends: list[tuple[float, bytes]], ends: np.ndarray, reply_at: float,
                    sample: int) -> float:
    """When the 20 ms frame holding input `sample` would have reached the server had the app
    sent it the moment it was captured: the fastest arrival-minus-position of the appends in
    the 2 s before the reply (nothing is held back then), carried forward. The app holds the
    mic back while its reply plays (audio/lookback.py), so the append that carried the sample
    is no measure of when the user spoke."""
    offsets = [t - end / RATE for (t, _), end in zip(appends, ends, strict=True)
               if reply_at - 2 <= t < reply_at]
    frame_end = (sample // FRAME + 1) * FRAME
    return min(offsets) + frame_end / RATE


def heard_by_server(wire: list[tuple[float, str, dict[str, Any]]],
                    interruption: Path) -> dict[str, float]:
    appends = [(t, base64.b64decode(e["audio"])) for t, d, e in wire
               if d == "in" and e["type"] == "input_audio_buffer.append"]
    received = np.frombuffer(b"".join(a for _, a in appends), np.int16)
    ends = np.cumsum([len(a) // 2 for _, a in appends])
    reply_at = next(t for t, d, e in wire if d == "out"
                    and e["type"] == "response.output_audio.delta")
    search_from = int(ends[np.searchsorted([t for t, _ in appends], reply_at)])
    said = read_wav(interruption)
    voiced = voiced_start(said)
    _, lag = best_correlation(said, received[search_from:])
    start = search_from + lag + voiced
    arrived = _unheld_arrival(appends, ends, reply_at, start)
    started = [t for t, d, e in wire if d == "out" and t > arrived
               and e["type"] == "input_audio_buffer.speech_started"]
    reference = said[voiced:voiced + HALF_S]
    got = received[start - RATE // 10: start + HALF_S + RATE // 10]
    clean_reference = through_canceller(said)[0][voiced:voiced + HALF_S]
    return {"user_at": float(start),
            "heard": (started[0] - arrived) * 1000 + CAPTURE_BLOCK_MS if started else np.nan,
            "corr": windowed_correlation(reference, got),
            "corr/apm": windowed_correlation(clean_reference, got),
            "loss": 10 * np.log10(_power(reference) / _power(received[start:start + HALF_S]))}


async def one_run(room: str, command: list[str], setting: bool = True) -> dict[str, float]:
    paths, mode = ROOMS[room]
    folder = Path(tempfile.mkdtemp(prefix="echo-bench-"))
    stats = folder / "stats.json"
    pulse = PrivatePulse(stereo_record=True, echo_paths=paths)
    async with LiveApp(command, pulse=pulse,
                       extra_args=("--echo-cancellation", mode) if setting else (),
                       env={"VOICE_ASSISTANT_STATS": str(stats)}) as live:
        mover = asyncio.create_task(_move_echo(live, pulse, *MOVES[room])) if room in MOVES \
            else None
        try:
            measured = await converse(live, folder)
        except AssertionError as exc:             # the user never got through
            print(f"  {room}: {exc}", flush=True)
            keep_wire(folder, live.wire, "the user never got through")
            return {"self-int": float(sum(1 for e in live.sent("response.done")
                                          if e["response"]["status"] == "cancelled")),
                    **heard_by_server(live.wire, folder / "interruption.wav")}
        finally:
            if mover is not None:
                mover.cancel()
    result = analyse(folder, measured)
    result.update(heard_by_server(measured["wire"], folder / "interruption.wav"))
    app_stats = json.loads(stats.read_text()) if stats.exists() else {}
    result["erle"] = app_stats.get("echo_erle_db") or np.nan
    result["rests"] = float(app_stats.get("echo_rests", np.nan))
    result["found"] = found_ms(app_stats.get("local_onsets", []), int(result["user_at"]))
    result["early"] = float(sum(1 for taken in app_stats.get("local_onsets", [])
                                if taken * FRAME <= result["user_at"]))
    return result


def found_ms(onsets: list[int], user_at: int) -> float:
    """The app's first local onset after the user's first sound (`user_at`, a sample of the
    stream the server received), in ms of their audio: the onset came at the end of the mic
    frame that made it, and `onsets` count the frames taken up to and with it."""
    ends = [taken * FRAME for taken in onsets if taken * FRAME > user_at]
    return (ends[0] - user_at) * 1000 / RATE if ends else np.nan


async def _move_echo(live: LiveApp, pulse: PrivatePulse, after_s: float, delay_ms: int) -> None:
    await live.until(lambda: live.events("out", AUDIO_PART), 30, "a reply")
    await asyncio.sleep(after_s)
    await asyncio.to_thread(pulse.move_echo, delay_ms)


COLUMNS = ("self-int", "early", "found", "heard", "corr", "corr/apm", "loss", "silent", "reply",
           "cpu", "erle", "rests")


def show(label: str, row: dict[str, float]) -> None:
    print(f"{label:<22}" + "  ".join(f"{k} {row.get(k, np.nan):6.1f}" if k not in
                                      ("corr", "corr/apm") else f"{k} {row.get(k, np.nan):5.2f}"
                                      for k in COLUMNS), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--rooms", nargs="+", default=list(ROOMS), choices=list(ROOMS))
    parser.add_argument("--moved-at", type=float, default=MOVES["moved"][0],
                        help="seconds into the first reply the moved room's path moves")
    parser.add_argument("--no-setting", action="store_true",
                        help="the app predates --echo-cancellation (to measure an older build)")
    parser.add_argument("--command", nargs="+", default=[str(Path(sys.executable).parent /
                                                             "voice-assistant")])
    args = parser.parse_args()
    MOVES["moved"] = (args.moved_at, MOVES["moved"][1])
    folder = Path(tempfile.mkdtemp(prefix="echo-bench-"))
    canceller_alone(folder)
    noise_and_the_server_vad(folder)
    for room in args.rooms:
        rows = []
        for run in range(args.runs):
            rows.append(asyncio.run(one_run(room, args.command, not args.no_setting)))
            show(f"{room} run {run + 1}", rows[-1])
        if args.runs > 1:
            show(f"{room} median", {k: statistics.median(r.get(k, np.nan) for r in rows)
                                    for k in COLUMNS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
