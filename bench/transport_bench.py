"""The two transports side by side, as a user lives them: the whole installed app from its real
command line, on a private PulseAudio, against the embedded server at real-time speed.

  1. A spoken conversation on each transport (bench/conversation_bench.py's: a question, then
     the user talks over the reply): reply start, barge-in silence, truncation error, CPU, RSS.
  2. A degraded network: the app runs in its own network namespace behind a veth pair, with
     `tc netem` (5 % loss, 80 ms jitter) on both ends where this kernel has netem. One spoken
     question; how intelligible the reply stays: per 200 ms of the server's voiced speech, the
     best normalised correlation of the speaker's recording with it within 60 ms of where the
     whole reply lines up, and the share of windows above 0.9 (a lost or late packet, a stall
     or an underrun spoils the windows it falls in). Without netem the same run measures the
     clean link, and the bench says so.

    sudo .venv/bin/python bench/transport_bench.py [--runs 3] [--skip-network]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import soxr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from conversation_bench import COLUMNS, one_run  # noqa: E402

from tests.live_app import LiveApp  # noqa: E402
from tests.pulse import PrivatePulse, best_correlation, espeak_wav  # noqa: E402
from tests.recording import locate  # noqa: E402

TRANSPORTS = ("websocket", "webrtc")
NAMESPACE, HOST_SIDE, APP_SIDE = "va-bench", "va-bench-h", "va-bench-a"
HOST_IP, APP_IP = "10.77.0.1", "10.77.0.2"
NETEM = ["netem", "delay", "60ms", "40ms", "loss", "5%"]       # 80 ms of jitter, both ways
QUESTION = "tell me a long story about the sea and the ships"


def run(*command: str, namespace: bool = False) -> subprocess.CompletedProcess[str]:
    prefix = ["ip", "netns", "exec", NAMESPACE] if namespace else []
    return subprocess.run([*prefix, *command], capture_output=True, text=True)


class Link:
    """The app's namespace and its veth pair to ours; netem on both ends if the kernel can."""

    def __enter__(self) -> Link:
        self.__exit__()
        steps = [("ip", "netns", "add", NAMESPACE),
                 ("ip", "link", "add", HOST_SIDE, "type", "veth", "peer", "name", APP_SIDE),
                 ("ip", "link", "set", APP_SIDE, "netns", NAMESPACE),
                 ("ip", "addr", "add", f"{HOST_IP}/24", "dev", HOST_SIDE),
                 ("ip", "link", "set", HOST_SIDE, "up")]
        for step in steps:
            done = run(*step)
            if done.returncode:
                raise RuntimeError(f"{' '.join(step)}: {done.stderr.strip()}")
        for step in [("ip", "addr", "add", f"{APP_IP}/24", "dev", APP_SIDE),
                     ("ip", "link", "set", APP_SIDE, "up"), ("ip", "link", "set", "lo", "up")]:
            run(*step, namespace=True)
        ours = run("tc", "qdisc", "add", "dev", HOST_SIDE, "root", *NETEM)
        theirs = run("tc", "qdisc", "add", "dev", APP_SIDE, "root", *NETEM, namespace=True)
        self.impaired = ours.returncode == 0 and theirs.returncode == 0
        self.why = "" if self.impaired else (ours.stderr or theirs.stderr).strip()
        return self

    def __exit__(self, *exc: object) -> None:
        run("ip", "link", "del", HOST_SIDE)
        run("ip", "netns", "del", NAMESPACE)


async def intelligibility(command: list[str], transport: str) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="transport-bench-"))
    question = espeak_wav(QUESTION, folder / "question.wav")
    inside = ["ip", "netns", "exec", NAMESPACE, *command]
    async with LiveApp(inside, pulse=PrivatePulse(stereo_record=True), host=HOST_IP,
                       extra_args=("--transport", transport)) as live:
        await live.start_app(timeout=40)
        live.record_both(folder / "both.wav")
        await live.say(question)
        await live.until(lambda: live.sent("response.done"), 60, "the reply generated")
        answer = live.sent("response.done")[0]["response"]
        ms = len(live.reply_audio()) * 1000 // 24_000
        done_at = live.sent_at("response.done")
        await live.until(lambda: time.monotonic() > done_at + ms / 1000 + 2.0, ms / 1000 + 10,
                         "the reply played")
        live.stop_recording()
        await live.stop_app()
        sent = live.reply_audio(answer["output"][0]["id"])
    with wave.open(str(folder / "both.wav")) as reader:
        both = np.frombuffer(reader.readframes(reader.getnframes()), np.int16).reshape(-1, 2)
    q_start, q_len = locate(question, both[:, 0])
    speaker = soxr.resample(both[(q_start + q_len) * 480:, 1], 48_000, 24_000)
    scores = np.array(window_scores(sent, speaker))
    return {"median": float(np.median(scores)) if scores.size else 0.0,
            "above 0.9": float(np.mean(scores > 0.9)) * 100 if scores.size else 0.0,
            "windows": float(scores.size)}


def window_scores(reference: np.ndarray, captured: np.ndarray, rate: int = 24_000
                  ) -> list[float]:
    """Each voiced 200 ms window of `reference`: its best normalised correlation with
    `captured` at any lag (sample by sample) within 60 ms of the global one."""
    _, lag = best_correlation(reference, captured)
    win, slack = rate // 5, rate * 60 // 1000
    scores = []
    for start in range(0, reference.size - win, win):
        piece = reference[start:start + win].astype(np.float64)
        low, high = start + lag - slack, start + lag + slack + win
        if np.sqrt(np.mean(piece ** 2)) < 300 or low < 0 or high > captured.size:
            continue
        piece -= piece.mean()
        segment = captured[low:high].astype(np.float64)
        sums = np.cumsum(np.concatenate([[0.0], segment]))
        squares = np.cumsum(np.concatenate([[0.0], segment ** 2]))
        spread = (squares[win:] - squares[:-win]) - (sums[win:] - sums[:-win]) ** 2 / win
        products = np.correlate(segment, piece, mode="valid")
        norm = np.sqrt(np.maximum(spread, 1e-9) * float((piece ** 2).sum()))
        scores.append(float((products / norm).max()))
    return scores


def show(label: str, row: dict[str, float], columns: tuple[str, ...]) -> None:
    print(f"{label:<18}" + "  ".join(f"{k} {row[k]:7.1f}" for k in columns), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-network", action="store_true")
    parser.add_argument("--network-only", action="store_true")
    parser.add_argument("--command", nargs="+", default=[str(Path(sys.executable).parent /
                                                             "voice-assistant")])
    args = parser.parse_args()
    for transport in () if args.network_only else TRANSPORTS:
        rows = []
        for number in range(args.runs):
            rows.append(asyncio.run(one_run(args.command, None, ("--transport", transport))))
            show(f"{transport} run {number + 1}", rows[-1], COLUMNS)
        show(f"{transport} median", {k: statistics.median(r[k] for r in rows)
                                     for k in COLUMNS}, COLUMNS)
    if args.skip_network:
        return 0
    try:
        with Link() as link:
            condition = "netem " + " ".join(NETEM[1:]) if link.impaired else \
                f"clean veth link (no netem here: {link.why})"
            print(f"intelligibility over a {condition}:")
            for transport in TRANSPORTS:
                for number in range(args.runs):
                    row = asyncio.run(intelligibility(args.command, transport))
                    show(f"{transport} run {number + 1}", row, ("median", "above 0.9",
                                                                "windows"))
    except RuntimeError as exc:
        print(f"no network namespace on this machine ({exc}): the degraded-network part is "
              "not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
