"""A thread-safe FIFO of assistant audio, tagged by item, that knows what was played.

The loop thread writes 24 kHz pcm16 deltas (resampled to the device rate here, so the audio
callback only copies); the audio thread reads exactly what the device asks for. Before the first
sample an adaptive prebuffer absorbs network jitter: it starts at 40 ms and grows by 40 ms after
each underrun, up to 200 ms, shrinking again after clean replies.

The Realtime API sends a reply faster than it plays, so audio queues ahead; at most `max_ahead_s`
(5 minutes, longer than the longest reply a model's output-token limit allows). A server that
sends more is cut there: the rest is dropped (counted in `stats.dropped_ms`, logged once per
item), and since only what played counts as heard, a truncation stays true.

A resting speaker (playback.py) starts the moment audio is queued: `wake` is set then.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field

import numpy as np
import soxr

from assistant.audio.capture import RESAMPLE_QUALITY
from assistant.audio.levels import LevelHolder, dbfs
from assistant.config import WIRE_RATE

log = logging.getLogger(__name__)
_MAX_TRACKED_ITEMS = 64


@dataclass
class _Segment:
    item_id: str
    samples: np.ndarray
    written_at: float
    offset: int = 0


@dataclass
class PlaybackStats:
    underruns: int = 0
    dropped_ms: int = 0            # audio past `max_ahead_s`, not queued
    # per reply: its first delta written -> its first sample handed to the device (the prebuffer
    # and the device block; later deltas queue behind audio that is playing, by design)
    start_latency_s: deque[float] = field(default_factory=lambda: deque(maxlen=1024))


class PlaybackBuffer:
    def __init__(self, device_rate: int, *, wire_rate: int = WIRE_RATE, prebuffer_ms: int = 40,
                 max_prebuffer_ms: int = 200, fade_ms: int = 8, max_ahead_s: float = 300.0,
                 level: LevelHolder | None = None) -> None:
        self.device_rate, self.wire_rate = device_rate, wire_rate
        self.min_prebuffer_ms = self.prebuffer_ms = prebuffer_ms
        self.max_prebuffer_ms = max_prebuffer_ms
        self.fade_samples = device_rate * fade_ms // 1000
        self.max_queued = int(device_rate * max_ahead_s)
        self._cut_item: str | None = None      # the item whose excess was last dropped
        self.level = level or LevelHolder()
        self.stats = PlaybackStats()
        self._lock = threading.Lock()
        self._segments: deque[_Segment] = deque()
        self._queued = 0
        self._state = "idle"               # idle | buffering | playing
        self._ended = False                # the newest item is complete (no more deltas)
        self._paused = False
        self._underran_this_item = False
        self._fade: np.ndarray | None = None
        self._faded = 0                    # samples of the item a pause or clear faded out
        self._played: OrderedDict[str, int] = OrderedDict()   # device samples handed, per item
        self._current: str | None = None
        self._resampler: soxr.ResampleStream | None = None
        self._first_write: OrderedDict[str, float] = OrderedDict()   # item -> first write time
        self._resampling_item: str | None = None
        self.wake = threading.Event()      # audio queued: a resting speaker starts

    # ---- loop thread --------------------------------------------------------------------------

    def write(self, item_id: str, pcm: bytes | memoryview) -> None:
        """Queue a delta of wire-rate pcm16 for `item_id`."""
        if item_id != self._resampling_item:
            self.finish()
        samples = self._resample(np.frombuffer(pcm, dtype=np.int16))
        self._resampling_item = item_id
        self._append(item_id, samples, ended=False)
        self.level.stir(coming=True)        # a resting meter follows the speaker from now

    def finish(self, item_id: str | None = None) -> None:
        """The current item is complete: flush the resampler's tail and let the buffer drain
        to silence without counting that as an underrun."""
        if item_id is not None and item_id != self._resampling_item:
            return
        tail = np.zeros(0, dtype=np.int16)
        if self._resampler is not None:
            tail = self._resampler.resample_chunk(np.zeros(0, dtype=np.int16), last=True)
            self._resampler = None
        if self._resampling_item is not None:
            self._append(self._resampling_item, tail, ended=True)
        self._resampling_item = None

    def clear(self) -> tuple[str | None, int]:
        """Stop now: fade out over a few ms, drop the rest. Returns the item that was playing
        and how much of it was heard (ms), for `conversation.item.truncate`."""
        with self._lock:
            item = self._current or (self._segments[0].item_id if self._segments else None)
            if not self._paused:                 # a pause has already faded out
                self._fade = self._fade_tail()
                self._faded = self._fade.size if self._fade is not None else 0
            # The fade plays the next few ms of the item (ramped down): they are heard too.
            heard = self._heard_ms(item) + self._faded * 1000 // self.device_rate
            self._faded = 0
            self._segments.clear()
            self._queued = 0
            self._state, self._ended, self._paused = "idle", False, False

        self._resampler, self._resampling_item = None, None
        return item, heard

    def pause(self) -> None:
        """Go quiet (with a fade) without dropping anything: a local guess at barge-in."""
        with self._lock:
            if not self._paused and self._state == "playing":
                self._fade = self._fade_tail()   # resume replays from the same sample
                self._faded = self._fade.size if self._fade is not None else 0
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            self._paused, self._faded = False, 0

    def played_ms(self, item_id: str) -> int:
        """Audio of `item_id` handed to the device (ms)."""
        with self._lock:
            return self._heard_ms(item_id)

    @property
    def active(self) -> bool:
        """Assistant audio is queued or playing."""
        return self._state != "idle" or self._queued > 0

    @property
    def paused(self) -> bool:
        return self._paused

    # ---- audio thread -------------------------------------------------------------------------

    def read(self, n: int) -> np.ndarray:
        """Exactly `n` device samples: audio, or silence while buffering, paused or idle."""
        out = np.zeros(n, dtype=np.int16)
        with self._lock:
            pos = self._play_fade(out)
            if not self._paused and self._ready_to_play():
                pos = self._drain(out, pos)
                if pos < n:
                    self._ran_dry()
        self.level.update(*dbfs(out))
        return out

    @property
    def silent(self) -> bool:
        """Nothing to play: no audio queued, no fade. Read without the lock: a reply that
        arrives as this is asked only waits for the next device block."""
        return self._fade is None and not self.active

    # ---- internals (lock held unless said otherwise) ------------------------------------------

    def _resample(self, samples: np.ndarray) -> np.ndarray:   # loop thread, no lock needed
        if self.device_rate == self.wire_rate:
            return samples.copy()
        if self._resampler is None:
            self._resampler = soxr.ResampleStream(self.wire_rate, self.device_rate, 1,
                                                  dtype="int16", quality=RESAMPLE_QUALITY)
        resampled: np.ndarray = self._resampler.resample_chunk(samples)
        return resampled

    def _append(self, item_id: str, samples: np.ndarray, ended: bool) -> None:
        with self._lock:
            samples = self._within_bound(item_id, samples)
            if samples.size:
                first = self._first_write.setdefault(item_id, time.perf_counter())
                self._segments.append(_Segment(item_id, samples, first))
                self._queued += samples.size
            self._ended = ended
            if self._state == "idle" and self._queued:
                self._state, self._underran_this_item = "buffering", False
            elif ended and not self._queued and self._state == "buffering":
                self._state = "idle"       # ran dry, then told it was over: nothing to play
        if samples.size:
            self.wake.set()

    def _within_bound(self, item_id: str, samples: np.ndarray) -> np.ndarray:
        room = max(0, self.max_queued - self._queued)
        if samples.size <= room:
            return samples
        self.stats.dropped_ms += (samples.size - room) * 1000 // self.device_rate
        if self._cut_item != item_id:
            self._cut_item = item_id
            log.warning("reply audio more than %.0f s ahead of the speaker was dropped",
                        self.max_queued / self.device_rate)
        return samples[:room]

    def _ready_to_play(self) -> bool:
        if self._state == "buffering":
            enough = self._queued * 1000 >= self.prebuffer_ms * self.device_rate
            if enough or (self._ended and self._queued):
                self._state = "playing"
        return self._state == "playing"

    def _drain(self, out: np.ndarray, pos: int) -> int:
        now = time.perf_counter()
        while pos < out.size and self._segments:
            seg = self._segments[0]
            if seg.offset == 0 and seg.item_id not in self._played:
                self.stats.start_latency_s.append(now - seg.written_at)
            take = min(out.size - pos, seg.samples.size - seg.offset)
            out[pos:pos + take] = seg.samples[seg.offset:seg.offset + take]
            seg.offset += take
            pos += take
            self._queued -= take
            self._count_played(seg.item_id, take)
            if seg.offset == seg.samples.size:
                self._segments.popleft()
        return pos

    def _ran_dry(self) -> None:
        if self._ended:            # the reply is over: not an underrun
            self._state = "idle"
            if not self._underran_this_item:
                self.prebuffer_ms = max(self.min_prebuffer_ms, self.prebuffer_ms - 20)
            return
        self.stats.underruns += 1
        self._underran_this_item = True
        self.prebuffer_ms = min(self.max_prebuffer_ms, self.prebuffer_ms + 40)
        self._state = "buffering"

    def _count_played(self, item_id: str, samples: int) -> None:
        self._played[item_id] = self._played.get(item_id, 0) + samples
        self._played.move_to_end(item_id)
        while len(self._played) > _MAX_TRACKED_ITEMS:
            self._played.popitem(last=False)
        while len(self._first_write) > _MAX_TRACKED_ITEMS:
            self._first_write.popitem(last=False)
        self._current = item_id

    def _heard_ms(self, item_id: str | None) -> int:
        """Everything handed to the device is heard: audio in its buffer is not recalled by a
        clear, it plays out (then the fade). Measured against a speaker monitor, subtracting
        the device latency here truncated 30-40 ms early."""
        if item_id is None:
            return 0
        return self._played.get(item_id, 0) * 1000 // self.device_rate

    def _play_fade(self, out: np.ndarray) -> int:
        if self._fade is None:
            return 0
        take = min(out.size, self._fade.size)
        out[:take] = self._fade[:take]
        self._fade = self._fade[take:] if take < self._fade.size else None
        return take

    def _fade_tail(self) -> np.ndarray | None:
        """The next few ms of queued audio, ramped down to zero."""
        if self._state != "playing" or not self._segments:
            return None
        parts, need = [], self.fade_samples
        for seg in self._segments:
            piece = seg.samples[seg.offset:seg.offset + need]
            parts.append(piece)
            need -= piece.size
            if need <= 0:
                break
        tail = np.concatenate(parts).astype(np.float32)
        ramp = np.linspace(1.0, 0.0, tail.size, dtype=np.float32)
        return (tail * ramp).astype(np.int16)
