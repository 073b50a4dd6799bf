"""What the echo canceller says of itself: written by the engine and the capture thread, read by
the Events panel, the talk-over stage and the bridge. Its own module, so that those readers do
not load the canceller (soxr, AEC3's binding, the double-talk detector) to know its state."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from assistant.translatable import QT_TRANSLATE_NOOP


@dataclass
class EchoReport:
    """Plain attribute swaps, each written by one thread: atomic under the GIL."""
    state: str = "off"             # a key of STATUS
    detail: str = ""               # the headphones' name, or why it failed
    erle_db: float | None = None   # echo removed while the assistant plays (median of 3 s)
    holding: bool = False          # it leaks so rarely that the mic goes out cleaned
    resting: bool = False          # no echo comes back: it waits for one (echo_rest.py)
    rests: int = 0                 # how often it came to rest (the benches' echo rooms: never)
    user_talking: bool = False     # said by the bridge: the echo is not measured meanwhile
    user_heard_at: float = -math.inf   # time.monotonic() the user was last heard over the echo
    woke_at: float = -math.inf     # time.monotonic() it last woke from a rest: an echo came,
                                   # or the user talked over the reply (talk_over.py)

    @property
    def status(self) -> str:
        return self._status(str)

    def clear_measures(self) -> None:
        """A new canceller, or none, takes over (devices reopened): nothing measured yet."""
        self.erle_db, self.holding, self.resting = None, False, False

    def _status(self, translate: Callable[[str], str]) -> str:
        return translate(STATUS[self.state]).format(detail=self.detail)

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The Events panel's line; `translate` puts each template in the window's language."""
        line = translate(TEXT_LINE).format(status=self._status(translate))
        if self.resting:
            return line + translate(TEXT_RESTING)
        if self.erle_db is None:
            return line
        removed = translate(TEXT_HOLDING if self.holding else TEXT_LEAKING)
        return line + removed.format(db=f"{self.erle_db:.0f}")


STATUS = {"off": QT_TRANSLATE_NOOP("Echo", "off"),
          "off_setting": QT_TRANSLATE_NOOP("Echo", "off (Settings)"),
          "no_devices": QT_TRANSLATE_NOOP("Echo", "off (it needs a microphone and a speaker)"),
          "headphones": QT_TRANSLATE_NOOP("Echo", "off: '{detail}' looks like headphones "
                                                  "(no echo)"),
          "unavailable": QT_TRANSLATE_NOOP("Echo", "unavailable ({detail}); the echo guard "
                                                   "works alone"),
          "stopped": QT_TRANSLATE_NOOP("Echo", "stopped ({detail}); the echo guard works alone"),
          "on": QT_TRANSLATE_NOOP("Echo", "on"),
          "on_ns": QT_TRANSLATE_NOOP("Echo", "on, with noise suppression")}
TEXT_LINE = QT_TRANSLATE_NOOP("Echo", "Echo cancellation: {status}")
TEXT_RESTING = QT_TRANSLATE_NOOP("Echo", "; resting: no echo comes back in this room (it "
                                         "starts again if one does)")
TEXT_HOLDING = QT_TRANSLATE_NOOP("Echo", "; echo removed {db} dB")
TEXT_LEAKING = QT_TRANSLATE_NOOP("Echo", "; echo removed {db} dB, but some of this room's echo "
                                         "gets through it, so the echo guard decides on the "
                                         "plain microphone")
