"""Lets the echo canceller rest where the room gives no echo back, and wakes it when one comes.

Headphones whose name does not say so, or a mic that cannot hear the speaker, still had AEC3
and the double-talk detector run for every frame the speaker played: the costliest stage of the
capture thread (measured in the conversation bench, 4 alternating pairs: 6.9-8.9 % of a core
with them off against 8.9-13.0 % on), and for nothing there. AEC3's output is sent only while it
holds a room (it never holds one with nothing to remove), and the detector judges only where the
echo comes back within 12 dB of what was played.

So, over the 10 ms frames in which the speaker plays (peaks over -50 dBFS), the mic's power is
compared with the speaker's, each summed:
- over the last half second, the mic 40 dB under the speaker or quieter is no echo worth
  cancelling (laptop speakers come back 0 to -20 dB, within 0.4 s even through a Bluetooth
  link's latency): the canceller rests;
- over the last 200 ms, the mic within 30 dB of the speaker wakes it: the echo came (the
  headphones came out, the device moved) or the user talks over the reply. Either way the next
  frames are judged as at a fresh start (the detector learns the room again; until the
  canceller holds, the echo guard judges the plain mic, as in any room's first second).
A false wake costs half a second of the canceller's work, nothing more. The sums cost ~10 us a
block where the canceller costs 300-700. Measured in the conversation bench (no echo, one
reply talked over, then another): the capture thread 0.6-1.5 points of a core lower than with
it running throughout (6 alternating pairs), 0.2-0.4 lower resting after half a second than
after a whole one (3 pairs).
"""

from __future__ import annotations

from collections import deque
from itertools import islice

import numpy as np

from assistant.audio.levels import mean_squares

REST_FRAMES = 50                   # half a second of the speaker playing...
REST_RATIO = 10 ** (-40 / 10)      # ... with the mic this far under it: no echo worth cancelling
WAKE_FRAMES = 20                   # 200 ms of it...
WAKE_RATIO = 10 ** (-30 / 10)      # ... with the mic this close: an echo, or the user


class EchoRest:
    def __init__(self) -> None:
        self.resting = False
        self._mic: deque[float] = deque(maxlen=REST_FRAMES)   # powers, frame by frame
        self._far: deque[float] = deque(maxlen=REST_FRAMES)

    def note(self, mic: np.ndarray, far: np.ndarray, may_rest: bool = True) -> bool:
        """Rows of 10 ms frames in which the speaker played, the mic and the speaker's paired
        with them; returns whether this changed `resting`. `may_rest`: False while the
        canceller's output is in use (it holds the room): it goes on."""
        if not len(far):
            return False
        self._mic.extend(mean_squares(mic).tolist())
        self._far.extend(mean_squares(far).tolist())
        if self.resting:
            mic_power = sum(islice(reversed(self._mic), WAKE_FRAMES))
            far_power = sum(islice(reversed(self._far), WAKE_FRAMES))
            if mic_power > WAKE_RATIO * far_power:
                return self._change(resting=False)
        elif (may_rest and len(self._far) == REST_FRAMES
              and sum(self._mic) < REST_RATIO * sum(self._far)):
            return self._change(resting=True)
        return False

    def _change(self, resting: bool) -> bool:
        self.resting = resting
        self._mic.clear()
        self._far.clear()
        return True
