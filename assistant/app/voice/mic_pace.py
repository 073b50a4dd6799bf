"""How urgently the microphone's frames are awaited, told to the audio thread through the
`FrameOutbox`: each 20 ms while anyone talks, a reply is on its way or plays or echoes; 100 ms
at a time (a fifth of the wake-ups and appends) once the conversation has been quiet a while.

The server still hears every sample; a user who starts talking in a quiet room is heard up to
100 ms later, and from the server's `speech_started` on, 20 ms at a time again. The pause after
a turn stays live (QUIET_AFTER_S): the reply comes then, and its first echo must meet the
talk-over detector and the canceller frame by frame, as they were tuned (measured: read in
100 ms blocks at the start of a reply, its echo once reached the server as the user)."""

from __future__ import annotations

import time

from assistant.audio.outbox import FrameOutbox

QUIET_AFTER_S = 1.5


class MicPace:
    def __init__(self, outbox: FrameOutbox) -> None:
        self.outbox = outbox
        self._busy_at = time.monotonic()

    def update(self, busy: bool) -> None:
        """After each hand-off: `busy` if anyone talks or something plays or is coming."""
        now = time.monotonic()
        if busy:
            self._busy_at = now
        self.outbox.quiet = not busy and now - self._busy_at >= QUIET_AFTER_S

    def live(self) -> None:
        """Something started (speech, a reply): every 20 ms from the next read on."""
        self._busy_at = time.monotonic()
        self.outbox.quiet = False
