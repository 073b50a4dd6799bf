"""What the speaker was handed, in 10 ms frames at the mic's rate, waiting for the mic frames it
pairs with: the one hand-off between the two audio threads (a bounded deque).

Each mic frame pairs with the speaker frame handed over in the same period, so the pairing is a
count: mic frame n with speaker frame n minus an offset, set when the speaker starts. The echo
canceller (AEC3) and the double-talk detector learn the echo's delay against that offset, and
the offset must hold. The two threads run on their own 20 ms clocks, so now and then the capture
thread pairs a block before the speaker's thread has handed its own over (logged in the app in
the 0 dB room: up to 3 times a conversation). That block goes by with silence, and when the
late frames come with the next ones they are dropped: a 10-20 ms hole in the reference (AEC3
never sees them; the double-talk detector is handed them, `late`: a hole where a loud attack
was played made its echo read as the user, at a few places in a room). Pairing
them with the next mic frames instead, as this did before, moved the offset for good, and a
backlog of 30 ms standing for a second was taken as drift and dropped whole. Replayed on 16
recorded 0 dB rooms, a 40 ms move made the double-talk detector take the echo for the user in
every one (a 20 ms move in 4, a hole where they were tried in none); frames it hears the
user in go to the server as they came, and 60 ms of them is a turn: most likely why one
budget's 0 dB room cut its reply in 2 of 3 runs (no move and cut were caught in one run; the
replays show the link).

The offset moves only when it must: when the late frames come alone (the threads' phase has
moved), and one frame at a time where the speaker's clock runs ahead of the mic's (two devices
drift) and a backlog over the jitter of two 20 ms clocks stands for half a second: a move the
detector's one-frame spread covers. A speaker that starts again starts a fresh offset, which
lands a block either side of the last one (the first pairing finds 4 or 6 frames waiting).

Each move is counted in `shift` (frames the echo now comes sooner after the frame it is paired
with), so the detector moves its learned delays with it. Moves of 20 ms came in half the
budget's two-path conversations (logged in the app), and two in one direction, or one after a
start a block off, made the detector take the echo's next attack for the user: the reply was
cut near its end and each answer to that echo at its first syllable (once in 50 runs).
"""

from __future__ import annotations

from collections import deque

import numpy as np

REFERENCE_FRAMES = 50      # 500 ms of speaker audio waiting for the mic thread, at most
JITTER_FRAMES = 4          # the backlog two 20 ms clocks leave between them (0-4 frames measured)
DRIFT_WINDOW = 50          # mic frames (0.5 s) over which a standing backlog is a drift


class SpeakerReference:
    def __init__(self, frame_samples: int) -> None:
        self.frame_samples = frame_samples
        self._frames: deque[np.ndarray] = deque(maxlen=REFERENCE_FRAMES)
        self._silence = np.zeros(frame_samples, np.int16)     # one frame, shared, never written
        self.silent = True         # the last pairing took only silence (or nothing)
        self._debt = 0             # speaker frames whose mic frames went by with silence
        # mic blocks in a row with no speaker frame handed over; over one, the speaker has
        # stopped (it rests), as it has before its first frame
        self._dry = 2
        self._least_backlog = REFERENCE_FRAMES
        self._seen = 0
        self.shift = 0             # how far the pairing has moved, in frames (see the note)
        self.inserted = 0          # this block's move: the silence paired for late frames
        self.late: np.ndarray | None = None   # late frames this block dropped, oldest first

    def append(self, frame: np.ndarray) -> None:
        """Playback thread: the next frame handed to the speaker."""
        self._frames.append(frame)

    def append_silence(self, frames: int) -> None:
        """Playback thread: frames of silence handed to the speaker (fed between replies)."""
        for _ in range(frames):
            self._frames.append(self._silence)

    def __len__(self) -> int:
        return len(self._frames)

    def waiting(self) -> list[np.ndarray]:
        """The frames not yet paired, oldest first."""
        return list(self._frames)

    def paired(self, count: int) -> np.ndarray:
        """Capture thread: the speaker frames of the `count` mic frames just read, oldest
        first; silence where the speaker has not handed its frame over yet."""
        fresh = self._dry > 1
        self.inserted = self._settle(count)
        self.shift += self.inserted
        far = np.zeros((count, self.frame_samples), np.int16)
        taken = min(count, len(self._frames))
        self.silent = True
        for i in range(taken):
            frame = self._frames.popleft()
            if frame is not self._silence:
                far[i] = frame
                self.silent = False
        if fresh and taken:                      # the more still waiting, the later it pairs
            self.shift = len(self._frames)       # (taken: a 100 ms read pairs more at once)
        self._owe(count - taken, taken)
        self._watch_drift(count)
        return far

    def _settle(self, count: int) -> int:
        """Late frames that came with the next ones are dropped: their mic frames went by
        (`late` keeps them for the double-talk detector, which still awaits their echo).
        If no more came than those, the threads' phase has moved, and the offset with it: the
        silence paired in their place stands before them (returned: how many frames)."""
        debt, self._debt, self.late = self._debt, 0, None
        if debt and len(self._frames) >= debt + count:
            self.late = np.stack([self._frames.popleft() for _ in range(debt)])
            return 0
        return min(debt, len(self._frames))

    def _owe(self, missing: int, taken: int) -> None:
        """Frames missing while the speaker runs are late, and owed. A speaker that hands
        nothing over for two mic blocks has stopped (it rests): what it hands next starts
        a fresh offset."""
        running = self._dry <= 1               # before this block: it had not stopped
        self._dry = 0 if taken else self._dry + 1
        if missing and running and self._dry <= 1:
            self._debt = missing

    def _watch_drift(self, count: int) -> None:
        """A backlog that never fell under JITTER_FRAMES over the window: the speaker's clock
        runs ahead of the mic's. (A mic running ahead leaves the speaker late once a block's
        worth has built up: the phase moves, see `_settle`.)"""
        self._least_backlog = min(self._least_backlog, len(self._frames))
        self._seen += count
        if self._seen < DRIFT_WINDOW:
            return
        if self._least_backlog > JITTER_FRAMES:
            self._frames.popleft()
            self.shift -= 1
        self._least_backlog, self._seen = REFERENCE_FRAMES, 0
