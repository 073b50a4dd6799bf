"""A spoken conversation with the whole app, measured as a user lives it.

The app runs as a child process from its real command line (offscreen), on a private PulseAudio
with null sinks, against the embedded server in this process at real-time speed with server VAD.
A question is spoken into the mic (espeak-ng); 3 s into the reply the user talks over it.
A stereo recording (left: into the mic, right: out of the speaker) is the judge:

  reply       reply audible after the user stopped talking (ms)
  silent      speaker silent after the user started talking over it (ms)
  truncate    audio_end_ms sent, minus the reply audio the speaker really played (ms)
  cpu         the app's CPU, % of one core, from session configured to the end (/proc)
  rss         the app's peak RSS (MB), its key kept in a private gnome-keyring as on a desktop
              (--key-in environment: OPENAI_API_KEY instead)
  lag99       how late the app's loop took the mic's frames after their read, p99 (ms)
  self-int    replies the app cut off by itself (echo heard as the user)

    .venv/bin/python bench/conversation_bench.py [--runs 3] [--echo-db -18] [--command ...]
                                                 [--profile stacks.txt]

--profile records the first run with py-spy (per thread, 100 Hz; .txt: collapsed stacks, else
a flame graph), from the session configured to the end, as the CPU figure is counted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.sim import voice  # noqa: E402
from bench.proc_status import status_mb  # noqa: E402
from tests import private_keyring  # noqa: E402
from tests.live_app import LiveApp  # noqa: E402
from tests.private_keyring import PrivateKeyring  # noqa: E402
from tests.pulse import PrivatePulse, espeak_wav  # noqa: E402
from tests.recording import (  # noqa: E402
    first,
    locate,
    loud,
    played_ms_of,
    silence_from,
    truncate_error_ms,
)

QUESTION = "hello assistant, what is the weather like today where you are"
INTERRUPTION = "wait, wait, stop, I have another question for you"
# Mid-sentence: the reply's first sentence ends 2.3-2.5 s in, and a barge-in landing in the
# pause after it would be timed from a speaker that was already quiet.
BARGE_AFTER_S = 3.0
AUDIO_PART = "response.content_part.added"
VERBOSE = "-v" in sys.argv


# The key as a desktop user keeps it: in the system keyring, which the app asks at start (what
# asking loads counts in its memory). Where gnome-keyring is not installed, the environment.
KEY_IN = "keyring" if private_keyring.available() else "environment"


def desktop_keyring(key_in: str = KEY_IN) -> PrivateKeyring | None:
    """Where the app's key is kept for a run: a private gnome-keyring, or (None) the environment."""
    return PrivateKeyring() if key_in == "keyring" else None


def cpu_seconds(pid: int) -> float:
    return stat_cpu_seconds(Path(f"/proc/{pid}/stat").read_text())


def stat_cpu_seconds(stat: str) -> float:
    """utime + stime of a /proc/.../stat line (a process's or a thread's), in seconds."""
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100.0      # in clock ticks


def peak_rss_mb(pid: int) -> float:
    return rss_mb(pid, "VmHWM")


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of `pid` (resident now, or its peak), in MB."""
    return status_mb(field, pid)


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds so far per thread name (threads of one name summed)."""
    seconds: dict[str, float] = {}
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue                                   # the thread ended meanwhile
        name = text.split("(", 1)[1].rsplit(")", 1)[0]
        seconds[name] = seconds.get(name, 0.0) + stat_cpu_seconds(text)
    return seconds


def print_threads(before: dict[str, float], after: dict[str, float], wall: float) -> None:
    used = {name: (spent - before.get(name, 0.0)) / wall * 100 for name, spent in after.items()}
    for name, share in sorted(used.items(), key=lambda item: -item[1]):
        if share >= 0.05:
            print(f"    {name:<20} {share:5.2f} %", flush=True)


def spy(pid: int, output: str, seconds: float | None = None,
        rate: int = 100) -> subprocess.Popen[bytes]:
    """py-spy on the app, each thread apart, for `seconds` or until it ends (.txt: collapsed
    stacks, else a flame graph; --native stalled the app under ptrace here)."""
    duration = ["--duration", str(int(seconds))] if seconds is not None else []
    return subprocess.Popen([
        str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid), "--threads",
        *duration, "--rate", str(rate), "--format", "raw" if output.endswith(".txt") else
        "flamegraph", "--output", output], stdout=subprocess.DEVNULL)


async def converse(live: LiveApp, folder: Path, profile: str | None = None) -> dict[str, Any]:
    question = espeak_wav(QUESTION, folder / "question.wav")
    interruption = espeak_wav(INTERRUPTION, folder / "interruption.wav")
    await live.start_app()
    pid = live.process.pid if live.process else 0
    cpu_start, started = cpu_seconds(pid), time.monotonic()
    spying = spy(pid, profile) if profile else None
    per_thread = thread_cpu(pid) if VERBOSE else {}
    live.record_both(folder / "both.wav")
    await live.say(question)
    # The reply's audio starts right after its content part (a WebSocket's deltas follow it; a
    # WebRTC call's audio goes on its track), so both transports are timed alike.
    await live.until(lambda: live.events("out", AUDIO_PART), 20, "a reply")
    first_part = live.events("out", AUDIO_PART)[0][0]
    await live.until(lambda: time.monotonic() > first_part + BARGE_AFTER_S, 10, "3 s")
    await live.say(interruption)
    await live.until(lambda: [e for e in live.sent("response.done")
                              if e["response"]["status"] == "completed"], 30, "the second reply")
    answer = next(e for e in live.sent("response.done") if e["response"]["status"] == "completed")
    transcript = answer["response"]["output"][0]["content"][0]["transcript"]
    answer_ms = len(voice.synthesize(transcript)) * 1000 // (2 * 24_000)
    starts = [t for t, e in live.events("out", AUDIO_PART)
              if e["response_id"] == answer["response"]["id"]]
    await live.until(lambda: time.monotonic() > starts[0] + answer_ms / 1000 + 0.8, 30, "the end")
    cpu = (cpu_seconds(pid) - cpu_start) / (time.monotonic() - started) * 100
    if VERBOSE:
        print_threads(per_thread, thread_cpu(pid), time.monotonic() - started)
    rss = peak_rss_mb(pid)
    live.stop_recording()
    await live.stop_app()
    if spying is not None:
        spying.wait(30)
    return {"cpu": cpu, "rss": rss, "wire": live.wire, "audio": live.reply_audio}


def analyse(folder: Path, measured: dict[str, Any]) -> dict[str, Any]:
    import wave

    with wave.open(str(folder / "both.wav")) as reader:
        both = np.frombuffer(reader.readframes(reader.getnframes()), np.int16).reshape(-1, 2)
    speaker = loud(both[:, 1])
    wire = measured["wire"]
    # Where the user's own words sit in the mic channel (which also carries any echo): found by
    # correlation with what was played into the mic, in 10 ms windows.
    q_start, q_len = locate(folder / "question.wav", both[:, 0])
    q_end = q_start + q_len
    reply_start = first(speaker, q_end) or 0
    barge, _ = locate(folder / "interruption.wav", both[:, 0], after=reply_start)
    # The speaker has stopped where a silence begins that outlasts any pause in the reply's
    # speech (a barge-in landing in a gap between sentences is not the stop itself).
    silent = silence_from(speaker, barge, 60) or 0                  # 600 ms of quiet
    truncates = [e for _, d, e in wire if d == "in" and e["type"] == "conversation.item.truncate"]
    cut_item = truncates[0]["item_id"] if truncates else None
    played = error = float("nan")
    if truncates:       # a silent gap in the reply where it was cut does not count against it
        sent = measured["audio"](cut_item)
        played = played_ms_of(both[:, 1], sent, reply_start, silent)
        error = truncate_error_ms(truncates[0]["audio_end_ms"], played, sent)
    if VERBOSE:
        print(f"  question {q_start / 100:.2f}-{q_end / 100:.2f} s, reply from "
              f"{reply_start / 100:.2f} s, talked over at {barge / 100:.2f} s, silent at "
              f"{silent / 100:.2f} s; played {played:.0f} ms of {cut_item}, truncate sent "
              f"{truncates[0]['audio_end_ms'] if truncates else None} ms; in {folder}")
    # What cut replies, timed from the first reply's first audio part (for a failing test).
    t0 = next(t for t, d, e in wire if d == "out" and e["type"] == AUDIO_PART)
    marks = [(t, "cancelled" if e["type"] == "response.done" else e["type"].split(".")[-1])
             for t, d, e in wire if d == "out" and (is_cut(e) or e["type"].startswith(
                 "input_audio_buffer.speech"))]
    events = ", ".join(f"{name} {t - t0:+.2f}" for t, name in marks)
    if VERBOSE:
        print(f"  {events}")
    self_cut = sum(1 for _, d, e in wire if d == "out" and is_cut(e)) - 1
    if self_cut > 0:
        keep_wire(folder, wire, f"{self_cut} replies cut by their own echo: {events}")
    sent_ms = float(truncates[0]["audio_end_ms"]) if truncates else float("nan")
    return {"reply": (reply_start - q_end) * 10.0, "silent": (silent - barge) * 10.0,
            "truncate": error, "played": played, "sent": sent_ms,
            "cpu": measured["cpu"], "rss": measured["rss"], "self-int": float(max(0, self_cut)),
            "events": events}


def keep_wire(folder: Path, wire: list[tuple[float, str, dict[str, Any]]], why: str) -> None:
    """A rare failure's evidence: every event both ways (the mic's appends included), beside
    the run's recording, and where it is said at once."""
    with (folder / "wire.jsonl").open("w") as out:
        for t, direction, event in wire:
            out.write(json.dumps({"t": t, "dir": direction, "event": event}) + "\n")
    print(f"  {why}; the wire and the recording kept in {folder}", flush=True)


def is_cut(event: dict[str, Any]) -> bool:
    return event["type"] == "response.done" and event["response"]["status"] == "cancelled"


async def one_run(command: list[str], echo_db: float | None,
                  extra_args: tuple[str, ...] = (), profile: str | None = None,
                  key_in: str = KEY_IN) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="conversation-bench-"))
    stats = folder / "stats.json"
    pulse = PrivatePulse(stereo_record=True,
                         echo_paths=((50, echo_db),) if echo_db is not None else ())
    async with LiveApp(command, pulse=pulse, env={"VOICE_ASSISTANT_STATS": str(stats)},
                       extra_args=extra_args, keyring=desktop_keyring(key_in)) as live:
        measured = await converse(live, folder, profile)
    result = analyse(folder, measured)
    lag = json.loads(stats.read_text()) if stats.exists() else {}
    result["lag99"] = lag.get("loop_lag_ms_p99", float("nan"))
    result["rests"] = float(lag.get("echo_rests", float("nan")))   # the canceller's, hearing none
    return result


COLUMNS = ("reply", "silent", "truncate", "cpu", "rss", "lag99", "self-int")


def brief(result: dict[str, Any]) -> str:
    """One run on one line, all of it (a failing test's message: pytest cuts a long dict)."""
    figures = "  ".join(f"{k} {v:.1f}" for k, v in result.items() if isinstance(v, float))
    return f"{figures}; {result.get('events', '')}"


def show(label: str, row: dict[str, float]) -> None:
    print(f"{label:<8}" + "  ".join(f"{k} {row[k]:7.1f}" for k in COLUMNS), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true", help="say where each figure "
                        "comes from, and keep the recordings")
    parser.add_argument("--echo-db", type=float, default=None,
                        help="the speaker leaks into the mic 50 ms late at this level")
    parser.add_argument("--command", nargs="+", default=[str(Path(sys.executable).parent /
                                                             "voice-assistant")])
    parser.add_argument("--profile", help="py-spy of the first run, to this file (.txt: raw)")
    parser.add_argument("--key-in", choices=("keyring", "environment"), default=KEY_IN,
                        help="where the app finds its key (default: a private gnome-keyring, "
                             "as on a desktop, where its daemons are installed)")
    args = parser.parse_args()
    rows = []
    for run in range(args.runs):
        rows.append(asyncio.run(one_run(args.command, args.echo_db,
                                        profile=args.profile if run == 0 else None,
                                        key_in=args.key_in)))
        show(f"run {run + 1}", rows[-1])
    show("median", {k: statistics.median(r[k] for r in rows) for k in COLUMNS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
