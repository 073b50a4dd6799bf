"""Hears the user through an echo as loud as they are: a double-talk detector in band powers.

Where the speaker comes back into the mic as loud as played (a laptop's speakers, 0 dB) and the
canceller does not hold the room, the plain mic is all there is, and a level test cannot tell
the user from the echo: the user's first words arrive 15 dB under it. Their *spectrum* can: the
echo in each band is what was played in that band a path's delay ago, and the user's voice puts
energy where the assistant's did not.

So per 10 ms frame, in ~200 Hz bands from 300 Hz to 4 kHz: the echo's power is predicted from
the last 400 ms of what was played in that band (one non-negative weight per 10 ms of delay,
learned by normalised LMS on powers, which phase, drift and a second path do not upset), and a
band is the user's when it is 6 dB over that prediction and 12 dB over the mic's own noise
there. Three such bands in three frames in a row is the user. A band-power model converges in
about a second of echo, where a linear filter of a two-path room took 4 s or more
(bench/echo_bench.py); it judges once it has learned that second, and only where the echo it
learned is within 12 dB of what was played (fainter, the echo guard hears the user over it).
Each weight may look one delay step either side (the path moved 10 ms between replies,
measured), and between replies it rests: the next reply starts from silence.

A path that moves further (a loopback or a Bluetooth link whose latency changes, the devices
restarted) leaves the echo where the weights do not look, and all of it reads as the user
(moved from 50 to 120 ms mid-reply, the app once cut 37 replies in a row). So as a run becomes
the user, and on each frame of its first 200 ms, it asks whether the echo moved: the mic's last
200 and 100 ms of band powers against what was played, per delay (echo_delays.py). Explained
at 0.8 or better at a delay the weights do not cover, and better than where they look
(synthetic, moved: 1.0 there against 0.65 and less; a user over a 0 dB echo: 0.24-0.85 at
best), the path moved: the weights are copied there and the run is not the user. At 0.6 or
better there, or where the newest 50 ms alone show a move that clearly, the run waits.

A path that breaks off (its echo missing for 30 ms where the weights have it loud) comes back
at a new delay, smeared while a loopback settles on it: judged on, the bench's moved room cut
its reply in 3 of 6 runs moved 1.5-2.5 s in. So it stops judging until its newest 100 ms are
explained at 0.8 at some delay (the weights copied there) or it has learned a second anew.
The user found in 48 synthetic rooms (72 since the last two looks) came at the same frame
as without the looks; each look costs ~0.3 ms.

Tuned on the mic and speaker frames the app paired in the budget's three echo rooms and a
-18 dB one (21 conversations recorded in the app, replayed through EchoCanceller as the capture
thread runs it): no false run, the user found 90-140 ms after their first sound (their 'w'
starts 15 dB under the echo: an oracle that knows the user's signal finds three bands over it
only 65-100 ms in). Numpy: ~45 µs a frame, run only while the speaker can echo.
"""

from __future__ import annotations

import numpy as np

from assistant.audio.band_powers import BandPowers
from assistant.audio.echo_delays import delayed, fit_by_delay

LAGS = 40              # 400 ms of echo path after the speaker frame was handed over
SPREAD = 1             # a weight also covers the frame either side of its delay
MARGIN = 4.0           # a band is the user's at 6 dB over its predicted echo...
USER_BANDS = 3         # ... in this many bands...
RUN_FRAMES = 3         # ... in this many frames in a row (2: a false run in 4 of 16 replays)
STEP = 0.5             # normalised LMS step
QUIET_BAND = 0.01      # a band played at under 1 % of the average band's power learns slowly
RECENT_LAGS = 25       # it learns only while something was played in the last 250 ms
WARM_FRAMES = 100      # it judges once it has learned from 1 s of echo
LOUD_COUPLING = 10 ** (-12 / 10)   # it judges where the echo is no more than 12 dB under
ACTIVE_POWER = 1e6     # a band's power (of int16 samples, windowed) worth learning from
STUCK_FRAMES = 100     # it learns through "the user" heard for 1 s on end: the room changed
MOVED_FRAMES = 20      # the echo moved? asked of the last 200 ms...
MOVED_CORR = 0.8       # ... explained at least this well at a delay the weights do not cover
MOVED_MARGIN = 0.05    # ... and better than where they look
DOUBT_CORR = 0.6       # explained this well there, a run is not the user until a look is sure
JUST_NOW_FRAMES = 5    # ... as it is when only the newest 50 ms show a move clearly
GONE_FRAMES = 3        # the echo missing where its main delay has it, this many frames on end...
GONE_RATIO = 0.01      # ... (20 dB under it): the path broke off, and is learned anew
SMOOTHING = 0.3        # the floor follows band powers averaged over ~30 ms...
FLOOR_RISE = 10 ** (6 / 10 / 100)   # ... at their quietest, rising 6 dB a second
FLOOR_MARGIN = 16.0    # and a band must be 12 dB over it (hiss in a quiet band is not the user)
QUIETEST = 4e3         # nor a band quieter than this over the echo (about -75 dBFS)


class DoubleTalk:
    def __init__(self, rate: int) -> None:
        self._powers_of = BandPowers(rate)
        self._frame, self.bands = self._powers_of.frame, self._powers_of.bands
        self._weights = np.zeros((self.bands, LAGS), np.float32)   # no echo until learned
        # band powers, newest first: what was played (MOVED_FRAMES more than the weights
        # cover, to correlate the mic's last MOVED_FRAMES with), and what the mic heard
        self._played = np.zeros((self.bands, LAGS + MOVED_FRAMES), np.float32)
        self._heard = np.zeros((self.bands, MOVED_FRAMES), np.float32)
        self._smoothed = np.zeros(self.bands, np.float32)
        self._floor = np.full(self.bands, np.inf, np.float32)      # the mic's own noise
        self._last_near = np.zeros(self._frame, np.int16)
        self._last_far = np.zeros(self._frame, np.int16)
        self._learned = 0
        self._gone = 0               # frames on end the echo was missing
        self._back: int | None = None    # since it broke off: frames the echo has been back
        self._run = 0
        self.moved = False           # the last rows judged found the echo moved: not the user
        self._doubt = False          # this run may be the echo moved: not the user yet
        self._resting = True
        self._shift: int | None = None   # the pairing's move its delays were learned under
        # the speaker frames of the rows last judged, and the one before them (_fill_late)
        self._judged: tuple[np.ndarray, np.ndarray] | None = None

    def judge(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        """Rows of 10 ms mic frames and the speaker frames paired with them: per row, is the
        user talking over the echo (the last RUN_FRAMES rows up to it had USER_BANDS bands
        over it)? It learns the echo from every row meanwhile."""
        self._resting, self.moved = False, False
        mic, played = self._powers(near, far)
        self._judged = (self._last_far, far)
        self._last_near, self._last_far = near[-1].copy(), far[-1].copy()
        heard = np.zeros(len(near), dtype=bool)
        for i in range(len(near)):
            heard[i] = self._step(mic[i], played[i])
        return heard

    def align(self, shift: int, inserted: int = 0, late: np.ndarray | None = None) -> None:
        """The pairing's news, before a block is judged (speaker_reference.py). The speaker's
        frames are paired `shift` frames later than when it learned: the echo comes that much
        sooner after its frame, and the learned delays move with it. `inserted`: the newest
        frames of what was played are silence paired in place of late frames, which are paired
        now: they leave the history, so what was played before them lines up with the new
        pairing too. `late`: the last rows judged were paired with silence and their frames,
        come with the next ones, were dropped; what was played there takes the silence's place,
        so the echo of it still to come is predicted."""
        if inserted:
            self._played[:, :-inserted] = self._played[:, inserted:]
            self._played[:, -inserted:] = 0.0
        if late is not None:
            self._fill_late(late)
        moved = 0 if self._shift is None else shift - self._shift
        self._shift = shift
        if moved:
            self._weights = delayed(self._weights, -moved)

    def _fill_late(self, late: np.ndarray) -> None:
        """Late frames, oldest first, in the last judged rows' place. Left silent, a one-block
        hole made the echo of a loud attack 100 ms later read as the user (3 of 449 places in
        a recorded 0 dB room; holes came in 6 of 40 conversations there, so rarely where it
        matters)."""
        if self._judged is None or not 0 < len(late) <= len(self._judged[1]):
            return
        before, far = self._judged
        far = far.copy()
        far[-len(late):] = late
        stream = np.concatenate((before, far.reshape(-1))).astype(np.float32)
        powers = self._powers_of.of(stream, len(far))[-len(late):]
        self._played[:, :len(late)] = powers[::-1].T          # newest first
        self._last_far, self._judged = far[-1].copy(), None

    def rest(self) -> None:
        """Nothing has been played for a while (it is not asked meanwhile): what it last heard
        (the user, perhaps, talking over the last reply) is long gone, and the next reply
        starts from silence."""
        if not self._resting:
            self._played.fill(0.0)
            self._heard.fill(0.0)
            self._last_near.fill(0)
            self._last_far.fill(0)
            self._run, self._gone, self._resting, self._judged = 0, 0, True, None

    @property
    def loud(self) -> bool:
        """The echo comes back near as loud as played: where it is fainter the echo guard
        hears the user over it, and bands it barely reaches would be judged on the mic's noise
        (measured at -18 dB: the top bands 13-27 dB over an echo 23 dB under what was played)."""
        coupling = float(self._weights.sum(axis=1).mean())
        return coupling >= LOUD_COUPLING

    @property
    def ready(self) -> bool:
        """It has learned enough of this room's echo to judge."""
        return self._learned >= WARM_FRAMES

    def _powers(self, near: np.ndarray, far: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Band powers of the 20 ms windows ending at each 10 ms frame, mic and speaker in
        one transform."""
        rows = len(near)
        streams = np.empty((2, (rows + 1) * self._frame), np.float32)
        streams[0, :self._frame], streams[0, self._frame:] = self._last_near, near.reshape(-1)
        streams[1, :self._frame], streams[1, self._frame:] = self._last_far, far.reshape(-1)
        powers = self._powers_of.of(streams, rows)
        return powers[0], powers[1]

    def _step(self, mic: np.ndarray, played: np.ndarray) -> bool:
        self._played[:, 1:] = self._played[:, :-1]
        self._played[:, 0] = played
        self._heard[:, 1:] = self._heard[:, :-1]
        self._heard[:, 0] = mic
        if self._echo_went(mic):
            self._learned, self._back = 0, 0         # it judges once the echo is found again
        elif self._back is not None:
            self._back = self._find_echo_again(self._back)
        recent = self._played[:, :LAGS]
        history = recent.copy()                  # each delay also sees its neighbours
        for k in range(1, SPREAD + 1):
            np.maximum(history[:, k:], recent[:, :-k], out=history[:, k:])
            np.maximum(history[:, :-k], recent[:, k:], out=history[:, :-k])
        echo = np.einsum("bl,bl->b", self._weights, history)
        self._follow_floor(mic)
        quiet = np.maximum(FLOOR_MARGIN * self._floor, QUIETEST)
        over = int(np.count_nonzero(mic > MARGIN * echo + quiet))
        self._run = self._run + 1 if over >= USER_BANDS else 0
        if self._asks_if_moved():
            moved = self._follow_moved_echo()
            self._doubt = moved is None
            if moved:
                self._run, self.moved = 0, True
        self._doubt &= self._run > 0
        user_now = self.ready and 0 < self._run < STUCK_FRAMES    # not theirs to learn
        playing = self._played[:, :RECENT_LAGS].sum() > ACTIVE_POWER * self.bands
        if playing and not user_now:
            self._learn(mic - echo, history)
        return self.ready and self._run >= RUN_FRAMES and self.loud and not self._doubt

    def _echo_went(self, mic: np.ndarray) -> bool:
        """The echo its main delay predicts is missing, frames on end: the path broke off."""
        lead = int(self._weights.sum(axis=0).argmax())
        expected = float(self._weights[:, lead] @ self._played[:, lead])
        gone = expected > ACTIVE_POWER * self.bands and float(mic.sum()) < GONE_RATIO * expected
        self._gone = self._gone + 1 if gone else 0
        return self._gone == GONE_FRAMES

    def _find_echo_again(self, back: int) -> int | None:
        """Once 100 ms of echo are back and explained clearly at a delay, the weights look
        there and it judges again (else after a second learned anew). The frames the echo
        has been back, or None once it judges again."""
        back = 0 if self._gone else back + 1
        if self.ready:
            return None
        if back >= MOVED_FRAMES // 2:
            fit = self._fit_by_delay(np.log10(self._played + QUIETEST), MOVED_FRAMES // 2)
            if fit.max() >= MOVED_CORR:
                self._look_at(int(fit.argmax()))
                self._learned, self._run = WARM_FRAMES, 0
                return None
        return back

    def _asks_if_moved(self) -> bool:
        """As a run becomes the user, and on each of its next MOVED_FRAMES (~0.3 ms each): a
        path that moved mid-reply shows once the window holds more after it than before."""
        return self.ready and RUN_FRAMES <= self._run <= MOVED_FRAMES + RUN_FRAMES

    def _follow_moved_echo(self) -> bool | None:
        """Is what reads as the user the echo at a delay the weights do not cover? Then they
        are copied to it (True). None: it may be, not yet clearly (the run waits)."""
        looks = self._weights.sum(axis=0)
        if looks.max() <= 0:
            return False
        # the delays the weights look at, not their spread's neighbours: a path moved 25-30 ms
        # fits best one or two steps beside them, where a weight sees it through the spread at
        # most, and its attacks read as the user (4 of 61 recorded 0 dB conversations)
        covered = looks >= 0.25 * looks.max()
        # the whole window and its newer half alike: a move just now shows in the half first,
        # and the half alone is too short not to find some delay by chance (seen in the app)
        played = np.log10(self._played + QUIETEST)
        fit = self._recent_fit(played)
        best = int(fit.argmax())
        if covered[best] or fit[best] < DOUBT_CORR:
            # a move just now, not yet in those windows (50 -> 120 ms 2.5 s into a reply: 7
            # frames read as the user without this look)
            just_now = self._fit_by_delay(played, JUST_NOW_FRAMES)
            return None if _clearly_beside(just_now, covered) else False
        if not _clearly_beside(fit, covered):
            return None
        self._look_at(best)
        return True

    def _look_at(self, delay: int) -> None:
        """The echo is at `delay` now: the weights are copied there (the old path unlearns)."""
        moved = delayed(self._weights, delay - int(self._weights.sum(axis=0).argmax()))
        np.maximum(self._weights, moved, out=self._weights)

    def _recent_fit(self, played_logs: np.ndarray) -> np.ndarray:
        """Per delay, how well the mic's last 200 ms and their newer half are explained."""
        fit: np.ndarray = (self._fit_by_delay(played_logs, MOVED_FRAMES)
                           + self._fit_by_delay(played_logs, MOVED_FRAMES // 2)) / 2
        return fit

    def _fit_by_delay(self, played_logs: np.ndarray, frames: int) -> np.ndarray:
        """Per delay: how well what was played then (`played_logs`: the log powers of
        `_played`) explains the mic's last `frames`."""
        return fit_by_delay(np.log10(self._heard[:, :frames] + QUIETEST), played_logs, LAGS)

    def _follow_floor(self, mic: np.ndarray) -> None:
        """Each band's noise floor: the quietest of its smoothed power, rising 6 dB a second
        (minimum statistics; word gaps in the echo show it)."""
        self._smoothed += (mic - self._smoothed) * SMOOTHING
        np.minimum(self._floor * FLOOR_RISE, self._smoothed, out=self._floor)

    def _learn(self, error: np.ndarray, history: np.ndarray) -> None:
        energy = np.einsum("bl,bl->b", history, history)
        energy = np.maximum(energy, QUIET_BAND * float(energy.sum()) / self.bands) + 1e-3
        self._weights += (STEP * error / energy)[:, None] * history
        np.maximum(self._weights, 0.0, out=self._weights)
        self._learned += 1


def _clearly_beside(fit: np.ndarray, covered: np.ndarray) -> bool:
    """The echo is explained best, and surely, at a delay the weights do not cover."""
    best = int(fit.argmax())
    return bool(not covered[best] and fit[best] >= MOVED_CORR
                and fit[best] - fit[covered].max() >= MOVED_MARGIN)
