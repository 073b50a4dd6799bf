"""Who is talking while the assistant is audible: the stage after the echo canceller.

Per mic frame, a learned echo guard decides whether the frame is the user (clearly louder than
the echo in it) or echo (the server gets silence instead, so its VAD does not hear the
assistant as the user). Both guards learn the echo's peaks; one for each signal that can come
in: the plain mic (no canceller, or one that cannot hold this room: its echo is steady against
what is played, and 3 dB over its peaks is the user), and the canceller's output while it holds
the room (what is left of the echo is small but comes in bursts, so that guard wants the user
12 dB over them). The echo report says which signal is coming.

Where the echo is as loud as the user, neither guard passes their first words; the canceller's
double-talk detector (double_talk.py: the user's voice in bands the echo does not explain)
hears them, and a frame it heard the user in passes as it came.

A run of two frames the guard passes *and* WebRTC's VAD calls speech is the user talking over
the assistant (a knock, one frame, is not); one such frame in which the double-talk detector
heard them is too (it wants three 10 ms frames in a row itself). Playback pauses at once, and
the server's `speech_started` confirms. While paused, the user's frames need only beat the
echo's usual level; once the pause has outlasted the echo, every frame passes.
"""

from __future__ import annotations

import time

import numpy as np

from assistant.audio.echo_guard import EchoGuard
from assistant.audio.echo_report import EchoReport
from assistant.audio.speech import SpeechDetector

ONSET_FRAMES = 2           # 40 ms of speech over the echo: the user is talking over it
RESIDUE_MARGIN_DB = 9.0    # behind a canceller the echo comes in bursts: the guard wants the user
                           # this much further above their peaks (12 dB in all)
QUIET_FRAMES = 10          # 200 ms after playback pauses its echo has died away: all passes
HEARD_S = 0.03             # the double-talk detector's word is about the frame handed on with it
                           # (set on the capture thread just before; the loop judges it within
                           # ms): a frame of echo it took for the user does not open the next


class TalkOver:
    def __init__(self, margin_db: float = 3.0, echo: EchoReport | None = None,
                 aggressiveness: int = 3) -> None:
        """`echo`: the canceller's report, when one runs before this stage."""
        self._echo = echo
        self._plain = EchoGuard(margin_db)
        self._residue = EchoGuard(margin_db + RESIDUE_MARGIN_DB)
        self._is_speech = SpeechDetector(aggressiveness)
        self._run = 0
        self._paused_frames = 0
        self.onsets = 0

    @property
    def guard(self) -> EchoGuard:
        """The guard for the signal now coming in."""
        return self._residue if self._echo is not None and self._echo.holding else self._plain

    def note_playback(self, now: float, level_db: float) -> None:
        for guard in (self._plain, self._residue):
            guard.note_playback_level(now, level_db)

    def forget_playback(self) -> None:
        """The user has the floor (a barge-in): what was playing is not theirs to beat."""
        for guard in (self._plain, self._residue):
            guard.forget_playback()

    def user_talking_now(self, talking: bool) -> None:
        """The user is (or no longer is) talking: the canceller does not count their voice
        as echo it failed to remove."""
        if self._echo is not None:
            self._echo.user_talking = talking

    def judge(self, frame: np.ndarray, paused: bool = False) -> np.ndarray:
        """One 20 ms, 24 kHz mic frame while the assistant is audible: the frame, or silence.
        `paused`: playback is held for a local onset; once its echo has died away the user's
        words pass untouched while the server confirms."""
        self._paused_frames = self._paused_frames + 1 if paused else 0
        if self._paused_frames > QUIET_FRAMES:
            return frame
        passed = self.guard.filter(frame, learn=not paused, lenient=paused)
        heard = self._heard_over_echo()
        if (heard or passed is frame) and self._is_speech(frame):
            before, self._run = self._run, max(self._run + 1, ONSET_FRAMES if heard else 0)
            if before < ONSET_FRAMES <= self._run:
                self.onsets += 1
        else:
            self._run = 0
        return frame if heard else passed

    def _heard_over_echo(self) -> bool:
        """The canceller's double-talk detector heard the user in this frame."""
        return (self._echo is not None
                and time.monotonic() - self._echo.user_heard_at < HEARD_S)

    @property
    def echo_possible(self) -> bool:
        """Playback ended less than the echo's reach ago: its tail is still in the room."""
        return self._plain.echo_possible

    @property
    def user_talking(self) -> bool:
        return self._run >= ONSET_FRAMES

    def idle(self) -> None:
        """Nothing is playing (or the guard is bypassed): a run starts again from zero."""
        self._run = 0
