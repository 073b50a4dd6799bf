"""Reply audio for the embedded server: espeak-ng speech when installed, else a tone pattern.

Both come out as 24 kHz mono pcm16. Synthesis runs in a worker thread (see `synthesize`).
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import wave

import numpy as np
import soxr

from assistant.config import WIRE_RATE

_VOICE_PITCH = {"alloy": 50, "ash": 35, "ballad": 40, "coral": 60, "echo": 30, "sage": 55,
                "shimmer": 65, "verse": 45, "marin": 58, "cedar": 38}


@functools.lru_cache(maxsize=128)
def synthesize(text: str, voice: str = "marin", rate: int = WIRE_RATE,
               speed: float = 1.0) -> bytes:
    """pcm16 speech for `text` at `speed` times the voice's pace (the session's
    audio.output.speed); blocking (call it through asyncio.to_thread)."""
    words_per_minute = round(175 * min(1.5, max(0.25, speed)))
    pcm = _espeak(text, _VOICE_PITCH.get(voice, 50), rate, words_per_minute) \
        if shutil.which("espeak-ng") else None
    return pcm if pcm is not None else tone_pattern(text, rate, speed)


def _espeak(text: str, pitch: int, rate: int, words_per_minute: int) -> bytes | None:
    try:
        wav = subprocess.run(["espeak-ng", "--stdout", "-s", str(words_per_minute),
                              "-p", str(pitch), text],
                             capture_output=True, timeout=20, check=True).stdout
        with wave.open(io.BytesIO(wav)) as reader:
            source_rate = reader.getframerate()
            samples = np.frombuffer(reader.readframes(reader.getnframes()), dtype=np.int16)
    except (OSError, subprocess.SubprocessError, wave.Error, EOFError):
        return None
    if samples.size == 0:
        return None
    resampled: np.ndarray = soxr.resample(samples, source_rate, rate)
    return resampled.astype(np.int16).tobytes()


def tone_pattern(text: str, rate: int = WIRE_RATE, speed: float = 1.0) -> bytes:
    """A syllable-like tone burst per word (0.18 s at speed 1), with short gaps; for machines
    without TTS."""
    words = max(1, len(text.split()))
    burst = int(0.18 * rate / speed)
    gap = int(0.07 * rate / speed)
    t = np.arange(burst) / rate
    envelope = np.sin(np.pi * np.arange(burst) / burst)
    out = np.zeros(words * (burst + gap), dtype=np.float64)
    for index in range(words):
        freq = 180.0 + 40.0 * (index % 3)
        start = index * (burst + gap)
        out[start:start + burst] = 0.3 * envelope * np.sin(2 * np.pi * freq * t)
    return (out * 32767).astype(np.int16).tobytes()
