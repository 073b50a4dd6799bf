"""Joins the microphone to a Realtime session and the session to the speaker. No Qt.

Mic frames come through the `FrameOutbox`, the assistant's audio goes to the PlaybackBuffer.
Barge-in clears playback and truncates the item at what was heard, never past what was received
(the session clamps), and sends nothing when nothing of it was heard. While the assistant is
audible, `TalkOver` decides which mic frames are the user and when they talk over it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from assistant.app.voice.mic_pace import MicPace
from assistant.app.voice.translated_stream import TranslatedStream
from assistant.audio.echo_report import EchoReport
from assistant.audio.lookback import Lookback
from assistant.audio.outbox import FrameOutbox
from assistant.audio.pause_gate import PauseGate
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.talk_over import TalkOver
from assistant.config import MIN_PTT_S, PTT_TAIL_S
from assistant.dispatch import Event, EventTable
from assistant.modes import TurnMode
from assistant.realtime.reply_audio import PREVIEW_STREAM, TRANSLATION_STREAM
from assistant.realtime.server_events import ItemIdEvent, SpeechStarted, SpeechStopped
from assistant.realtime.session import RealtimeSession

log = logging.getLogger(__name__)

CONFIRM_S = 0.8            # how long a local pause waits for the server's speech_started
_EVENTS: EventTable[AudioBridge, None] = EventTable()


class AudioBridge:
    def __init__(self, outbox: FrameOutbox, buffer: PlaybackBuffer | None, *,
                 mode: TurnMode = TurnMode.SERVER_VAD, echo_guard: bool = True,
                 echo_margin_db: float = 3.0, echo: EchoReport | None = None) -> None:
        self.outbox, self.buffer, self.echo_guard = outbox, buffer, echo_guard
        self.talk_over, self.lookback = TalkOver(echo_margin_db, echo), Lookback()
        self.session: RealtimeSession | None = None
        self.mode, self.muted, self.ptt_active = mode, False, False
        self.user_speaking = False               # between the server's speech_started/stopped
        outbox.wanted = self._wants_frames
        self.frames_sent = 0
        self.truncations: list[tuple[str, int]] = []     # (item_id, audio_end_ms) sent
        self.on_barge_in: Callable[[], None] | None = None
        self._pressed_at = 0.0
        self._dropped_items: deque[str] = deque(maxlen=16)
        self._confirm: asyncio.TimerHandle | None = None
        self._finishing: asyncio.TimerHandle | None = None   # a released turn's tail
        self._translated = TranslatedStream(buffer) if buffer is not None else None
        self.pace = MicPace(outbox)
        self.gate: PauseGate | None = None       # after a reconnect: wait for the user to pause

    # ---- lifecycle ----------------------------------------------------------------------------

    def attach(self, session: RealtimeSession) -> None:
        self.session = session
        session.listeners.append(self.on_event)
        session.audio.listeners.append(self.on_audio)
        session.audio.ended_listeners.append(self.on_audio_ended)
        self.outbox.on_ready = self._frames_ready

    def detach(self, dropped: bool = False) -> None:
        """Stop feeding the session. `dropped`: the connection failed under the user, who may
        be mid-sentence; with voice detection the next session then gets the microphone only
        once they pause (see PauseGate)."""
        if dropped:
            self.gate = PauseGate(self.user_speaking) if self.voice_detected else None
        if self.session is not None:
            if self.on_event in self.session.listeners:
                self.session.listeners.remove(self.on_event)
            if self.on_audio in self.session.audio.listeners:
                self.session.audio.listeners.remove(self.on_audio)
                self.session.audio.ended_listeners.remove(self.on_audio_ended)
            self.session = None
        if self.buffer is not None:
            self.buffer.clear()
        self.ptt_active = self.user_speaking = False
        self.pace.live()
        self.talk_over.user_talking_now(False)
        self.outbox.take()                       # captured for the old session: not the new one
        self.lookback.drop()

    def close(self) -> None:
        self.detach()
        self.outbox.on_ready = lambda: None

    @property
    def voice_detected(self) -> bool:
        """The server's voice detection ends turns (else the talk key does)."""
        return self.mode is not TurnMode.PUSH_TO_TALK

    def listen(self, *, mode: TurnMode | None = None, muted: bool | None = None) -> None:
        """Another turn-taking mode, or (un)muted: a resting microphone looks again at once."""
        self.mode, self.muted = mode or self.mode, self.muted if muted is None else muted
        self.outbox.nudge.set()
        if self.muted:                           # what the lookback held is not sent later
            self.lookback.drop()

    def _wants_frames(self) -> bool:
        """Push-to-talk at rest, or muted: frames stay on the audio thread (the meter reads
        their level there), so the loop is not woken 50 times a second for nothing."""
        return not self.muted and (self.voice_detected or self.ptt_active)

    # ---- user intents -------------------------------------------------------------------------

    def press(self) -> None:
        """Push-to-talk down: stop the assistant if it is talking, start a fresh user turn. A
        turn released a moment ago is sent first (its tail must not become this turn's)."""
        if self._finishing is not None:
            self._finishing.cancel()
            self._finish_turn()
        self._pressed_at = time.monotonic()
        self.ptt_active = True
        self.outbox.nudge.set()                  # a resting microphone starts now
        self.outbox.take()                       # audio from before the press is not the turn
        self.lookback.drop()
        session = self._live()
        if self.assistant_audible or (session is not None and session.response_active):
            self.interrupt()
        if session is not None:
            session.clear_input()

    def release(self) -> bool:
        """Push-to-talk up: commit and ask for a reply. False (and nothing sent) for a tap."""
        held = time.monotonic() - self._pressed_at
        if not self.ptt_active:
            return False
        session = self._live()
        if held < MIN_PTT_S or session is None:
            self.ptt_active = False
            if session is not None:
                session.clear_input()
            return False
        self._finishing = asyncio.get_running_loop().call_later(PTT_TAIL_S, self._finish_turn)
        return True

    def _finish_turn(self) -> None:
        self._finishing = None
        self._send(self.outbox.take())
        self.ptt_active = False
        if (session := self._live()) is not None:
            session.commit()
            session.create_response()

    def interrupt(self) -> None:
        """The user stops the assistant: cancel the response, truncate at what was heard."""
        if (session := self._live()) is not None and session.response_active:
            session.cancel_response()
        self._barge_in()

    def _live(self) -> RealtimeSession | None:     # if it can send (a socket drops before we know)
        return self.session if self.session is not None and self.session.is_open else None

    def was_cut(self, item_id: str) -> bool:     # talked over: the rest of it is not played
        return item_id in self._dropped_items

    @property
    def assistant_audible(self) -> bool:
        return self.buffer is not None and self.buffer.active

    # ---- session events -----------------------------------------------------------------------

    def on_event(self, event: Event) -> None:
        handler = _EVENTS.handler(event["type"])
        if handler is not None:
            handler(self, event)
        if self.outbox.quiet and self.session is not None and self.session.response_active:
            self.pace.live()                        # a reply is coming (response.created)

    @_EVENTS.on("response.output_audio.done")
    def _on_audio_done(self, event: ItemIdEvent) -> None:
        item_id = event.get("item_id")
        if self.buffer is not None and not self._server_plays:
            self.buffer.finish(item_id if isinstance(item_id, str) else None)

    def on_audio_ended(self, item_id: str) -> None:
        """WebRTC: the last of an item's audio has come on the track."""
        if self.buffer is not None:
            self.buffer.finish(item_id)

    @property
    def _server_plays(self) -> bool:
        """WebRTC: the audio comes on a track after its events; the server says when it ends."""
        return self.session is not None and self.session.carries_audio

    @_EVENTS.on("input_audio_buffer.speech_started")
    def _on_speech_started(self, event: SpeechStarted) -> None:
        self.user_speaking = True
        self.pace.live()
        self.talk_over.user_talking_now(True)
        self._barge_in()

    @_EVENTS.on("input_audio_buffer.speech_stopped")
    def _on_speech_stopped(self, event: SpeechStopped) -> None:
        self.user_speaking = False
        self.talk_over.user_talking_now(False)

    def on_audio(self, item_id: str, pcm: bytes) -> None:
        """The assistant's audio, whichever transport brought it."""
        self.pace.live()                            # the talk-over detector needs each frame
        if self.buffer is None or self._translated is None:
            return
        if item_id == TRANSLATION_STREAM:
            self._translated.write(pcm)
        elif not self.was_cut(item_id):             # (cut: still streaming)
            self.buffer.write(item_id, pcm)

    def _barge_in(self) -> None:
        if self._confirm is not None:            # the server confirmed, or the user stopped it
            self._confirm.cancel()
        if self.buffer is None:
            return
        item_id, heard_ms = self.buffer.clear()
        self.talk_over.forget_playback()        # its tail is not the assistant talking on
        if (session := self._live()) is not None:
            session.stop_output()               # WebRTC: what the server still has queued
        if item_id is None or item_id == PREVIEW_STREAM:
            return
        self._dropped_items.append(item_id)
        sent = session.truncate(item_id, heard_ms) if heard_ms > 0 and session is not None else None
        if sent is not None:
            self.truncations.append((item_id, sent))
        if self.on_barge_in is not None:
            self.on_barge_in()

    # ---- microphone frames --------------------------------------------------------------------

    def _frames_ready(self) -> None:
        try:
            self._send(self.outbox.take())
        except Exception:
            log.exception("sending microphone audio failed")

    def _send(self, frames: list[np.ndarray]) -> None:
        session = self._live()
        if not frames or not self._wants_frames():
            return
        if (gate := self.gate) is not None:              # after a drop: from a pause on
            frames = gate.admit(frames, listening=session is not None)
            self.gate = None if session is not None and gate.open else gate
        if session is None:
            return
        self.note_playback()
        passed = [sent for frame in frames for sent in self.mic_frame(frame)]
        if passed:                                       # one event per hand-off
            session.append_audio(b"".join(frame.tobytes() for frame in passed))
            self.frames_sent += len(passed)
        self.pace.update(busy=not self.voice_detected or self.user_speaking or session.translating
                         or self.gate is not None or session.response_active
                         or self.assistant_audible or self.talk_over.echo_possible)

    def note_playback(self) -> None:
        if self.buffer is not None:
            self.talk_over.note_playback(time.monotonic(), self.buffer.level.take_loudest())

    def mic_frame(self, frame: np.ndarray) -> list[np.ndarray]:
        """The frames to send now. While the assistant is audible the echo guard decides and
        its verdicts wait in the lookback (lookback.py; not over WebRTC, played in real time); a
        local onset pauses playback, and once borne out the user gets it all as it came."""
        audible = self.buffer is not None and (self.buffer.active or self.talk_over.echo_possible)
        if not self.echo_guard or self.ptt_active or not audible:
            self.talk_over.idle()
            self.lookback.reopen()
            return [*self.lookback.empty(as_came=self.user_speaking), frame]
        passed = self.talk_over.judge(frame, self.buffer is not None and self.buffer.paused)
        talking = self.talk_over.user_talking
        translating = self.session is not None and self.session.translating
        onset = talking and not translating and self._local_onset()   # (not an interpreter)
        floor = self.user_speaking or self._server_plays or (talking and translating)
        frames = self.lookback.frames(frame, passed, floor, onset=onset, heard=talking,
                                      wait=self.talk_over.claim_wait if onset else 0)
        if self.lookback.refuted:                        # echo after all: play on at once
            self.talk_over.refuted(self.lookback.waited)
            self._unconfirmed()
        return frames

    def _local_onset(self) -> bool:
        """Speech over the assistant: quiet now (True); the next frames and the server confirm."""
        if not self.voice_detected or self.buffer is None or self.buffer.paused:
            return False
        self.buffer.pause()
        self.talk_over.user_talking_now(True)
        self._confirm = asyncio.get_running_loop().call_later(CONFIRM_S, self._unconfirmed)
        return True

    def _unconfirmed(self) -> None:
        if self._confirm is not None:
            self._confirm.cancel()              # (refuted by the next frames, before it fired)
        self.lookback.reopen()
        self.talk_over.user_talking_now(self.user_speaking)
        if self.buffer is not None:
            self.buffer.resume()
