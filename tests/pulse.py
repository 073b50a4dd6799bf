"""A private PulseAudio with null sinks: a real sound path on a machine with no sound card.

`spk` is the speaker (record it through `spk.monitor`); whatever is played into `micfeed`
comes out of the source `mic`. Nothing is shared with a desktop's own sound server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import soxr

REQUIRED = ("pulseaudio", "pactl", "paplay", "parecord", "espeak-ng")


def missing_tools() -> list[str]:
    return [tool for tool in REQUIRED if shutil.which(tool) is None]


class PrivatePulse:
    """`echo`: the speaker leaks into the mic 50 ms late at `echo_db` (a list adds more paths,
    as (delay ms, dB) pairs). `stereo_record`: a sink `rec` whose left channel is what goes
    into the mic and right what the speaker plays, recorded through `record_both`."""

    def __init__(self, echo: bool = False, echo_db: float = 0.0,
                 echo_paths: tuple[tuple[int, float], ...] = (),
                 stereo_record: bool = False) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="pulse-"))
        self.runtime.chmod(0o700)
        self.echo_paths = echo_paths or (((50, echo_db),) if echo else ())
        self.stereo_record = stereo_record
        self._saved: dict[str, str | None] = {}

    def start(self) -> PrivatePulse:
        env = {"XDG_RUNTIME_DIR": str(self.runtime),
               "PULSE_SERVER": f"unix:{self.runtime}/pulse/native"}
        for key, value in env.items():
            self._saved[key] = os.environ.get(key)
            os.environ[key] = value
        modules = ["module-native-protocol-unix", "module-null-sink sink_name=spk",
                   "module-null-sink sink_name=micfeed",
                   "module-remap-source master=micfeed.monitor source_name=mic"]
        for delay, _db in self.echo_paths:
            modules.append(f"module-loopback source=spk.monitor sink=micfeed "
                           f"latency_msec={delay}")
        if self.stereo_record:
            modules += [
                "module-null-sink sink_name=rec channels=2 rate=48000",
                "module-remap-sink sink_name=rec_l master=rec channels=1 "
                "master_channel_map=front-left channel_map=mono remix=no",
                "module-remap-sink sink_name=rec_r master=rec channels=1 "
                "master_channel_map=front-right channel_map=mono remix=no",
                "module-loopback source=micfeed.monitor sink=rec_l latency_msec=20",
                "module-loopback source=spk.monitor sink=rec_r latency_msec=20"]
        subprocess.run(["pulseaudio", "--daemonize=yes", "-n", "--exit-idle-time=-1",
                        "--disallow-exit", "--log-target=stderr",
                        *[f"--load={m}" for m in modules]],
                       check=True, capture_output=True, timeout=20)
        for _ in range(100):
            if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        subprocess.run(["pactl", "set-default-sink", "spk"], check=True)
        subprocess.run(["pactl", "set-default-source", "mic"], check=True)
        self._set_echo_volumes()
        return self

    def _set_echo_volumes(self) -> None:
        """Each echo loopback plays into micfeed at its path's level."""
        listing = subprocess.run(["pactl", "list", "short", "sink-inputs"], capture_output=True,
                                 text=True, check=True).stdout
        sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True,
                               text=True, check=True).stdout
        micfeed = next(line.split()[0] for line in sinks.splitlines()
                       if line.split()[1] == "micfeed")
        echo_inputs = [line.split()[0] for line in listing.splitlines()
                       if line.split()[1] == micfeed]
        for input_id, (_delay, db) in zip(echo_inputs, self.echo_paths, strict=False):
            subprocess.run(["pactl", "set-sink-input-volume", input_id, f"{db:+.1f}dB"],
                           check=True)

    def move_echo(self, delay_ms: int) -> None:
        """The echo path moves, as a loopback or a Bluetooth link whose latency changed does:
        the echo loopbacks give way to one at `delay_ms`, as loud as the first path was."""
        modules = subprocess.run(["pactl", "list", "short", "modules"], capture_output=True,
                                 text=True, check=True).stdout
        old = [line.split()[0] for line in modules.splitlines()
               if "module-loopback" in line and "sink=micfeed" in line]
        new = subprocess.run(["pactl", "load-module", "module-loopback", "source=spk.monitor",
                              "sink=micfeed", f"latency_msec={delay_ms}"],
                             capture_output=True, text=True, check=True).stdout.strip()
        for module in old:
            subprocess.run(["pactl", "unload-module", module], check=True)
        db = self.echo_paths[0][1] if self.echo_paths else 0.0
        inputs = subprocess.run(["pactl", "list", "sink-inputs"], capture_output=True,
                                text=True, check=True).stdout.split("Sink Input #")[1:]
        for block in inputs:
            if f"Owner Module: {new}\n" in block:
                subprocess.run(["pactl", "set-sink-input-volume", block.split()[0],
                                f"{db:+.1f}dB"], check=True)

    def kill_server(self) -> None:
        """The sound server goes away under its clients (a crash, a restart)."""
        subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=10)

    def stop(self) -> None:
        self.kill_server()
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.runtime, ignore_errors=True)

    def play_into_mic(self, wav: Path) -> subprocess.Popen[bytes]:
        """The user talking. 100 ms of buffer: with 20, a player starved by a busy machine put
        gaps into the mic every 10-20 ms (CI, 10-14 % of the CPU stolen by the host); how late
        the words come does not matter, as the judges find them in the recording."""
        return subprocess.Popen(["paplay", "--latency-msec=100", "--device=micfeed", str(wav)])

    def record_both(self, wav: Path) -> subprocess.Popen[bytes]:
        """Stereo, sample-aligned: left = into the mic, right = out of the speaker (48 kHz)."""
        return subprocess.Popen(["parecord", "--latency-msec=20", "--device=rec.monitor",
                                 "--file-format=wav", "--rate=48000", "--channels=2",
                                 "--format=s16le", str(wav)])

    def record_speaker(self, wav: Path, rate: int = 24_000) -> subprocess.Popen[bytes]:
        return subprocess.Popen(["parecord", "--latency-msec=20", "--device=spk.monitor",
                                 "--file-format=wav", f"--rate={rate}", "--channels=1",
                                 "--format=s16le", str(wav)])


def espeak_wav(text: str, path: Path) -> Path:
    subprocess.run(["espeak-ng", "-w", str(path), text], check=True, capture_output=True)
    return path


def read_wav(path: Path, rate: int = 24_000) -> np.ndarray:
    """Mono int16 samples at `rate`."""
    with wave.open(str(path)) as reader:
        data = np.frombuffer(reader.readframes(reader.getnframes()), dtype=np.int16)
        if reader.getnchannels() > 1:
            data = data.reshape(-1, reader.getnchannels()).mean(axis=1).astype(np.int16)
        source_rate = reader.getframerate()
    return data if source_rate == rate else soxr.resample(data, source_rate, rate)


def best_correlation(reference: np.ndarray, captured: np.ndarray) -> tuple[float, int]:
    """Pearson correlation of `reference` with `captured` at the best lag (either way: a
    capture may start a little after the source), over their overlap; and that lag."""
    ref = reference.astype(np.float64)
    cap = captured.astype(np.float64)
    n = 1 << int(np.ceil(np.log2(ref.size + cap.size)))
    xc = np.fft.irfft(np.fft.rfft(cap, n) * np.conj(np.fft.rfft(ref, n)), n)
    lags = np.concatenate([np.arange(0, cap.size), np.arange(-ref.size + 1, 0)])
    values = np.concatenate([xc[: cap.size], xc[n - ref.size + 1:]])
    lag = int(lags[np.argmax(values)])
    start_ref, start_cap = max(0, -lag), max(0, lag)
    length = min(ref.size - start_ref, cap.size - start_cap)
    if length < ref.size // 2:
        return 0.0, lag            # less than half the reference overlaps: not a match
    a = ref[start_ref:start_ref + length]
    b = cap[start_cap:start_cap + length]
    if a.std() == 0 or b.std() == 0:
        return 0.0, lag            # silence correlates with nothing (and numpy would warn)
    return float(np.corrcoef(a, b)[0, 1]), lag


def windowed_matches(reference: np.ndarray, captured: np.ndarray, window_s: float = 0.2,
                     back_s: float = 0.15, ahead_s: float = 1.0,
                     rate: int = 24_000) -> list[tuple[float, int]]:
    """Each of the reference's voiced 200 ms windows: its best correlation in `captured`, and
    where (the lag in ms), sought from 150 ms before to 1 s after where the last window that
    matched was found (where the first second of sound is, at first). A gap (a device underrun,
    ours or the player's, or a stalled machine) delays everything after it, by as much as the
    stall: it is followed; a wrong rate garbles every window, wherever it is sought."""
    win, back, ahead = int(window_s * rate), int(back_s * rate), int(ahead_s * rate)
    voiced = np.nonzero(np.abs(reference.astype(np.int32)) > 300)[0]
    onset = int(voiced[0]) if voiced.size else 0
    _, lag = best_correlation(reference[onset:onset + rate], captured)
    lag -= onset
    ref, cap = reference.astype(np.float64), captured.astype(np.float64)
    matches = []
    for start in range(0, ref.size - win, win):
        piece = ref[start:start + win]
        if np.sqrt(np.mean(piece ** 2)) < 300:         # skip silence between words
            continue
        first, last = max(0, start + lag - back), max(0, start + lag + ahead + win)
        score, at = best_placement(piece, cap[first:last])
        if score >= 0.9:
            lag = first + at - start
        matches.append((score, round((first + at - start) * 1000 / rate)))
    return matches


def best_placement(piece: np.ndarray, segment: np.ndarray) -> tuple[float, int]:
    """The best Pearson correlation of `piece` with any stretch of `segment` as long, and where
    it starts: one FFT for the products, running sums for each stretch's spread."""
    size = piece.size
    if segment.size < size:
        return 0.0, 0
    centred = piece - piece.mean()
    n = 1 << int(np.ceil(np.log2(segment.size + size)))
    products = np.fft.irfft(np.fft.rfft(segment, n) * np.conj(np.fft.rfft(centred, n)), n)
    products = products[: segment.size - size + 1]
    sums = np.concatenate([[0.0], np.cumsum(segment)])
    squares = np.concatenate([[0.0], np.cumsum(segment ** 2)])
    total = sums[size:] - sums[:-size]
    spread = squares[size:] - squares[:-size] - total ** 2 / size
    audible = spread > size                     # all silence correlates with nothing
    scores = np.zeros_like(products)
    scores[audible] = products[audible] / np.sqrt(spread[audible] * np.sum(centred ** 2))
    at = int(np.argmax(scores))
    return float(scores[at]), at


def windowed_scores(reference: np.ndarray, captured: np.ndarray, **window: float) -> list[float]:
    """The scores of `windowed_matches`."""
    return [score for score, _ in windowed_matches(reference, captured, **window)]  # type: ignore[arg-type]


def windowed_correlation(reference: np.ndarray, captured: np.ndarray, **window: float) -> float:
    """Median of `windowed_scores`: one device underrun must not hide that the audio is right."""
    scores = windowed_scores(reference, captured, **window)   # type: ignore[arg-type]
    return float(np.median(scores)) if scores else 0.0
