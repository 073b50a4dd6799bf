"""Joins the microphone to a Realtime session and the session to the speaker. No Qt.

Microphone frames reach the loop through `FrameOutbox` (one `call_soon_threadsafe` per device
block, bounded, oldest dropped); assistant audio reaches the speaker through the locked
PlaybackBuffer. Barge-in clears playback and truncates the item at what was heard, never past what
was received (the session clamps), and sends nothing when nothing of it was heard.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Literal

import numpy as np

from assistant.audio.levels import FLOOR_DB, dbfs
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.realtime.session import RealtimeSession

log = logging.getLogger(__name__)

Mode = Literal["ptt", "vad"]
MIN_PTT_S = 0.2            # a shorter press is a tap, not speech
PTT_TAIL_S = 0.08          # keep sending after release: the device and resampler still hold audio
ECHO_WINDOW_S = 0.3        # the playback level is compared over this much recent history
COUPLING_FRAMES = 100      # 2 s of (mic - playback) level differences to learn the echo from
COUPLING_QUANTILE = 80     # echo sits high in that distribution; word gaps and noise sit low
LOCAL_ONSET_FRAMES = 3     # frames of guarded speech that pause playback before the server says so
LOCAL_ONSET_DB = -45.0
CONFIRM_S = 0.8            # how long a local pause waits for the server's speech_started


class FrameOutbox:
    """Microphone frames on the loop side: bounded, drops the oldest, counts drops."""

    def __init__(self, loop: asyncio.AbstractEventLoop, max_frames: int = 50) -> None:
        self._loop = loop
        self._frames: deque[np.ndarray] = deque()
        self._max = max_frames
        self._ready = asyncio.Event()
        # Asked on the audio thread per block: are frames wanted? If not, the loop is not woken.
        self.wanted: Callable[[], bool] = lambda: True
        self._loop_closed = False
        self.drops = 0
        self.latency_s: deque[float] = deque(maxlen=4096)

    def from_audio_thread(self, frames: np.ndarray, captured_at: float) -> None:
        """The one hand-off from PortAudio's thread."""
        if self._loop_closed or not self.wanted():
            return
        try:
            self._loop.call_soon_threadsafe(self._push, frames, captured_at)
        except RuntimeError:         # the loop closed before the stream did: nobody listens
            self._loop_closed = True

    def _push(self, frames: np.ndarray, captured_at: float) -> None:
        self.latency_s.append(time.perf_counter() - captured_at)
        for frame in frames:
            if len(self._frames) >= self._max:
                self._frames.popleft()
                self.drops += 1
            self._frames.append(frame)
        self._ready.set()

    def take(self) -> list[np.ndarray]:
        frames = list(self._frames)
        self._frames.clear()
        self._ready.clear()
        return frames

    async def wait(self) -> list[np.ndarray]:
        await self._ready.wait()
        return self.take()


class AudioBridge:
    def __init__(self, outbox: FrameOutbox, buffer: PlaybackBuffer | None, *,
                 mode: Mode = "vad", echo_guard: bool = True, echo_margin_db: float = 6.0) -> None:
        self.outbox, self.buffer = outbox, buffer
        self.echo_guard, self.echo_margin_db = echo_guard, echo_margin_db
        self.session: RealtimeSession | None = None
        self.mode: Mode = mode
        self.muted = False
        self.ptt_active = False
        outbox.wanted = self._wants_frames
        self.frames_sent = self.frames_gated = 0
        self.truncations: list[tuple[str, int]] = []     # (item_id, audio_end_ms) sent
        self.on_barge_in: Callable[[], None] | None = None
        self._pressed_at = 0.0
        self._dropped_items: deque[str] = deque(maxlen=16)
        self._out_levels: deque[tuple[float, float]] = deque()
        self._coupling: deque[float] = deque(maxlen=COUPLING_FRAMES)
        self._onset_run = 0
        self._confirm: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None

    # ---- lifecycle ----------------------------------------------------------------------------

    def attach(self, session: RealtimeSession) -> None:
        self.session = session
        session.listeners.append(self.on_event)
        if self._task is None:
            self._task = asyncio.create_task(self._pump(), name="audio-pump")

    def detach(self) -> None:
        if self.session is not None:
            if self.on_event in self.session.listeners:
                self.session.listeners.remove(self.on_event)
            self.session = None
        if self.buffer is not None:
            self.buffer.clear()
        self.ptt_active = False

    async def close(self) -> None:
        self.detach()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _wants_frames(self) -> bool:
        """Push-to-talk at rest, or muted: frames stay on the audio thread (the meter reads
        their level there), so the loop is not woken 50 times a second for nothing."""
        return not self.muted and (self.mode == "vad" or self.ptt_active)

    # ---- user intents -------------------------------------------------------------------------

    def press(self) -> None:
        """Push-to-talk down: stop the assistant if it is talking, start a fresh user turn."""
        self._pressed_at = time.monotonic()
        self.ptt_active = True
        self.outbox.take()                       # audio from before the press is not the turn
        if self.assistant_audible or (self._live and self.session.response_active):
            self.interrupt()
        if self._live:
            self.session.clear_input()

    def release(self) -> bool:
        """Push-to-talk up: commit and ask for a reply. False (and nothing sent) for a tap."""
        held = time.monotonic() - self._pressed_at
        if not self.ptt_active:
            return False
        if held < MIN_PTT_S or not self._live:
            self.ptt_active = False
            if self._live:
                self.session.clear_input()
            return False
        asyncio.get_running_loop().call_later(PTT_TAIL_S, self._finish_turn)
        return True

    def _finish_turn(self) -> None:
        self._send(self.outbox.take())
        self.ptt_active = False
        if self._live:
            self.session.commit()
            self.session.create_response()

    def interrupt(self) -> None:
        """The user stops the assistant: cancel the response, truncate at what was heard."""
        self._barge_in()
        if self._live and self.session.response_active:
            self.session.cancel_response()

    @property
    def _live(self) -> bool:
        """A session that can still send (the socket may drop before we are detached)."""
        return self.session is not None and self.session.is_open

    def was_cut(self, item_id: str) -> bool:
        """The user talked over this item: the rest of it is not played."""
        return item_id in self._dropped_items

    @property
    def assistant_audible(self) -> bool:
        return self.buffer is not None and self.buffer.active

    # ---- session events -----------------------------------------------------------------------

    def on_event(self, event: dict[str, Any]) -> None:
        kind = event["type"]
        if kind == "response.output_audio.delta":
            self._on_audio_delta(event)
        elif kind == "response.output_audio.done" and self.buffer is not None:
            item_id = event.get("item_id")
            self.buffer.finish(item_id if isinstance(item_id, str) else None)
        elif kind == "input_audio_buffer.speech_started":
            self._barge_in()

    def _on_audio_delta(self, event: dict[str, Any]) -> None:
        item_id, delta = event.get("item_id"), event.get("delta")
        if self.buffer is None or not isinstance(item_id, str) or not isinstance(delta, str):
            return
        if self.was_cut(item_id):
            return                               # still streaming after we cut it off
        try:
            pcm = base64.b64decode(delta, validate=True)
        except (binascii.Error, ValueError):
            log.warning("ignored an audio delta that is not base64 (%d chars)", len(delta))
            return
        self.buffer.write(item_id, pcm[: len(pcm) // 2 * 2])

    def _barge_in(self) -> None:
        self._cancel_confirm()
        if self.buffer is None:
            return
        item_id, heard_ms = self.buffer.clear()
        if item_id is None:
            return
        self._dropped_items.append(item_id)
        if heard_ms > 0 and self._live:
            sent = self.session.truncate(item_id, heard_ms)
            if sent is not None:
                self.truncations.append((item_id, sent))
        if self.on_barge_in is not None:
            self.on_barge_in()

    # ---- microphone frames --------------------------------------------------------------------

    async def _pump(self) -> None:
        while True:
            frames = await self.outbox.wait()
            try:
                self._send(frames)
            except Exception:
                log.exception("sending microphone audio failed")

    def _send(self, frames: list[np.ndarray]) -> None:
        if not frames or not self._live or not self._wants_frames():
            return
        self._note_output_level()
        for frame in frames:
            self.session.append_audio(self._gate(frame))
            self.frames_sent += 1

    def _note_output_level(self) -> None:
        if self.buffer is None:
            return
        now = time.monotonic()
        self._out_levels.append((now, self.buffer.level.value[0]))
        while self._out_levels and now - self._out_levels[0][0] > ECHO_WINDOW_S:
            self._out_levels.popleft()

    def echo_coupling_db(self) -> float:
        """How loud the assistant comes back into the mic, relative to what we play. Until
        learned, 0 dB: as loud as played (the safe guess for laptop speakers)."""
        if len(self._coupling) < 10:
            return 0.0
        return float(np.percentile(self._coupling, COUPLING_QUANTILE))

    def _gate(self, frame: np.ndarray) -> np.ndarray:
        """Echo guard: while the assistant is audible, pass the mic only when it is clearly
        louder than the assistant's echo in it; otherwise send silence (the server's timeline
        stays whole). With headphones the learned echo is tiny and speech passes at once."""
        if not self.echo_guard or self.ptt_active or not self.assistant_audible:
            self._onset_run = 0
            return frame
        reference = max((level for _, level in self._out_levels), default=FLOOR_DB)
        mic_db = dbfs(frame)[0]
        excess = mic_db - reference
        threshold = self.echo_coupling_db() + self.echo_margin_db
        self._coupling.append(excess)
        if excess > threshold and mic_db > LOCAL_ONSET_DB:
            self._local_onset()
            return frame
        self._onset_run = 0
        self.frames_gated += 1
        return np.zeros_like(frame)

    def _local_onset(self) -> None:
        """Speech over the assistant: go quiet now; the server's speech_started confirms."""
        self._onset_run += 1
        if self.mode != "vad" or self._onset_run < LOCAL_ONSET_FRAMES or self.buffer is None:
            return
        if not self.buffer.paused:
            self.buffer.pause()
            self._confirm = asyncio.get_running_loop().call_later(CONFIRM_S, self._unconfirmed)

    def _unconfirmed(self) -> None:
        self._confirm = None
        if self.buffer is not None:
            self.buffer.resume()

    def _cancel_confirm(self) -> None:
        if self._confirm is not None:
            self._confirm.cancel()
            self._confirm = None
