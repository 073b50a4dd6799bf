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

Where the canceller rests (no echo comes back: headphones), the guard has learned its bar from
a silent mic. Headphones unplugged mid-reply bring the echo back as loud as played: it passes
that bar as the user, the paused reply's echo tail bears the claim out (it goes on for the
device's and the path's delay after the pause), and the server takes it for the user: each
reply cut by its own echo, one after another (bench/echo_bench.py's `unplugged` room: 4-8 cuts
a run). The canceller wakes at once on that echo, and on the user talking over a reply, which
a level cannot tell apart. So for a second after it wakes, a claim counts only frames after
the paused reply's echo has died away (QUIET_FRAMES), and then 400 ms of them (a pause between
two words is not the end of the user): the user talks on, an echo has stopped. The price: the
server hears a user who woke it ~250 ms later (their words whole, the speaker paused as soon),
and an echo that came stutters the reply once, for 0.6 s. A claim refuted then was echo the
guard's bar let through: the guard starts again from its safe guess and learns the room anew.
"""

from __future__ import annotations

import time
from collections import deque

import numpy as np

from assistant.audio.echo_guard import ONSET_DB, EchoGuard
from assistant.audio.echo_report import EchoReport
from assistant.audio.levels import dbfs
from assistant.audio.speech import SpeechDetector

ONSET_FRAMES = 2           # 40 ms of speech over the echo: the user is talking over it
RESIDUE_MARGIN_DB = 9.0    # behind a canceller the echo comes in bursts: the guard wants the user
                           # this much further above their peaks (12 dB in all)
QUIET_FRAMES = 10          # 200 ms after playback pauses its echo has died away: all passes
HEARD_S = 0.03             # the double-talk detector's word is about the frame handed on with it
                           # (set on the capture thread just before; the loop judges it within
                           # ms): a frame of echo it took for the user does not open the next
DOUBT_S = 1.0              # after the canceller wakes, its guard may not know the room


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
        # every mic frame of the bridge's comes through judge or idle: where in the stream the
        # server got each onset fell (the benches, one session each, time the app by it)
        self.frames = 0
        self.onset_frames: deque[int] = deque(maxlen=64)

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
        self.frames += 1
        self._paused_frames = self._paused_frames + 1 if paused else 0
        if self._paused_frames > QUIET_FRAMES:             # the echo has died away
            passed, heard = frame, False
            user = dbfs(frame)[0] > ONSET_DB and self._is_speech(frame)
        else:
            passed = self.guard.filter(frame, learn=not paused, lenient=paused)
            heard = self._heard_over_echo()
            user = (heard or passed is frame) and self._is_speech(frame)
        if user:
            before, self._run = self._run, max(self._run + 1, ONSET_FRAMES if heard else 0)
            if before < ONSET_FRAMES <= self._run:
                self.onsets += 1
                self.onset_frames.append(self.frames)
        else:
            self._run = 0
        return frame if heard else passed

    def _heard_over_echo(self) -> bool:
        """The canceller's double-talk detector heard the user in this frame."""
        return (self._echo is not None
                and time.monotonic() - self._echo.user_heard_at < HEARD_S)

    @property
    def claim_wait(self) -> int:
        """Frames a local onset's claim waits before they count: past the paused reply's echo
        while the canceller has just woken (an echo that came, or the user), else none."""
        doubt = self._echo is not None and time.monotonic() - self._echo.woke_at < DOUBT_S
        return QUIET_FRAMES if doubt else 0

    def refuted(self, waited: bool) -> None:
        """A claim was echo after all. One that `waited` (made while the canceller had just
        woken) was echo the guard's bar let through, the room changed under it: the guard
        starts again from its safe guess, however long the claim took to settle."""
        if waited:
            self.guard.restart()

    @property
    def echo_possible(self) -> bool:
        """Playback ended less than the echo's reach ago: its tail is still in the room."""
        return self._plain.echo_possible

    @property
    def user_talking(self) -> bool:
        return self._run >= ONSET_FRAMES

    def idle(self) -> None:
        """A frame while nothing is playing (or the guard is bypassed): a run starts again
        from zero."""
        self.frames += 1
        self._run = 0
