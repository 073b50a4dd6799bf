"""One thread per device direction, in PortAudio's blocking mode.

Measured on PulseAudio (ALSA pulse plugin): callback-mode capture streams intermittently spin at
~55 % of a core; blocking reads and writes cost ~1 %. The owner opens and closes the stream on the
main thread; this thread only reads or writes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class StreamThread:
    def __init__(self, name: str, step: Callable[[], None]) -> None:
        self._step = step
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.errors = 0

    @property
    def running(self) -> bool:
        return self._running.is_set()

    def start(self) -> None:
        self._running.set()
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        self._running.clear()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while self._running.is_set():
            try:
                self._step()
            except OSError:
                if not self._running.is_set():
                    return          # the stream was stopped under us: a normal end
                self.errors += 1
                log.debug("audio stream error", exc_info=True)
            except Exception:       # a bug must not kill the audio thread silently
                self.errors += 1
                log.exception("audio thread step failed")
