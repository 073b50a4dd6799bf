"""The user's first words over a reply reach the server whole: the mic is held back briefly
while the assistant is audible.

Over a reply, the talk-over stage (talk_over.py) sends silence for every frame it cannot yet
call the user, and it knows only 40-140 ms after they start (longer the louder the echo). The
server's VAD then wants 60 ms of speech after that before it starts a turn, and their first
words reach it as holes. So while the assistant is audible each frame waits HOLD_FRAMES here
with both its forms, as it came and as judged: if nobody talks over the reply, the judged form
goes on 100-180 ms late, RELEASE_FRAMES at a time (one append where there were five: the loop's
thread 0.7 points of a core lower over a conversation, paired runs); once the user has the
floor, the held frames go as they came, at once, ahead of theirs. The server then has the
start of their words in one send. A reply nobody talks over costs the server nothing but that
delay; once the reply and its echo have ended, what is held goes on at once.

A local onset is a claim, not yet the floor: echo the talk-over stage took for the user (a
burst the guard let through; the double-talk detector's when the echo's path moves, see
double_talk.py) looks the same for two frames. Released as it came, that echo is 100 ms of the
reply the server's VAD takes for the user: it cut a reply and answered its own echo, once in 93
runs of the echo rooms. So after a local onset nothing leaves until the user is still heard in
CONFIRM_FRAMES of the next CONFIRM_WINDOW frames (then all goes as it came: the server hears
them 40 ms later, the speaker is already paused); else the claim is refuted: what is held was
echo and goes on as silence, and the reply resumes at once. The server's speech_started is the
floor itself. A claim may also wait some frames before they count, then count WAITED_WINDOW
(talk_over.py: just after the canceller wakes, the paused reply's echo bears it out as well as
the user would).
"""

from __future__ import annotations

from collections import deque

import numpy as np

HOLD_FRAMES = 5            # 100 ms at least: the user found that soon after they start goes whole
RELEASE_FRAMES = 5         # judged frames leave 100 ms at a time: one append, not five
CONFIRM_FRAMES = 2         # a local onset is the user if they are still heard in this many...
CONFIRM_WINDOW = 4         # ... of the frames after it (the echo burst caught fell 16 dB at once)
WAITED_WINDOW = 20         # a claim that waits counts this many after: 400 ms, over a pause
                           # between two words (that they were echo costs the reply a stutter)


class Lookback:
    def __init__(self, frames: int = HOLD_FRAMES) -> None:
        self._limit = frames
        self._held: deque[tuple[np.ndarray, np.ndarray]] = deque()
        self._claim: list[bool] | None = None    # since a local onset: the user heard, per frame
        self._wait = 0                           # frames of the claim still not counted
        self.waited = False                      # the last claim waited: counts WAITED_WINDOW
        self.confirmed = False                   # the last claim held: frames go on at once
        self.refuted = False                     # this frame refuted the claim (one frame's news)

    @property
    def claimed(self) -> bool:
        return self._claim is not None

    def frames(self, came: np.ndarray, judged: np.ndarray, floor: bool = False, *,
               onset: bool = False, heard: bool = False, wait: int = 0) -> list[np.ndarray]:
        """One frame while the assistant is audible; what leaves now. `floor`: the user has it
        (everything held goes as it came, then this frame as judged). `onset`: this frame
        makes a local onset, a claim the frames after its first `wait` settle; `heard`: the
        user was heard in this one. Else this frame is held and, once RELEASE_FRAMES are
        beyond HOLD_FRAMES, the oldest leave judged."""
        self.refuted = False
        if floor or self.confirmed:
            self._claim = None
            return [*self.empty(as_came=True), judged]
        self._held.append((came, judged))
        if onset:                                # nothing leaves until it is settled
            self._claim, self._wait, self.waited = [], wait, wait > 0
            return []
        if self._claim is not None:
            if self._wait:
                self._wait -= 1
                return []
            self._claim.append(heard)
            if sum(self._claim) >= CONFIRM_FRAMES:
                self._claim, self.confirmed = None, True
                return self.empty(as_came=True)
            if len(self._claim) < (WAITED_WINDOW if self.waited else CONFIRM_WINDOW):
                return []
            self._claim, self.refuted = None, True
            self._held = deque((silence, silence) for silence in
                               (np.zeros_like(judged) for _ in self._held))
        excess = len(self._held) - self._limit
        if excess < RELEASE_FRAMES:
            return []
        return [self._held.popleft()[1] for _ in range(excess)]

    def empty(self, as_came: bool) -> list[np.ndarray]:
        """The assistant is no longer audible: everything held, as it came if the user has
        the floor (the server heard them), else as judged."""
        frames = [came if as_came else judged for came, judged in self._held]
        self._held.clear()
        return frames

    def reopen(self) -> None:
        """The user's turn is over (or never came): frames are held again."""
        self._claim, self.confirmed = None, False

    def drop(self) -> None:
        """Nothing held is for the server (a new turn, a new session)."""
        self._held.clear()
        self.reopen()

    def __len__(self) -> int:
        return len(self._held)
