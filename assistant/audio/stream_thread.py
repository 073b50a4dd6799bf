"""One thread per device direction, in PortAudio's blocking mode.

Measured on PulseAudio (ALSA pulse plugin): callback-mode capture streams intermittently spin at
~55 % of a core; blocking reads and writes cost ~1 %. The owner opens and closes the stream on the
main thread; this thread only reads or writes it.

A lost device (unplugged, sound server gone) makes every read or write fail at once: the thread
backs off instead of spinning, and after GIVE_UP_S of nothing but errors it ends and says why in
`failure`, a plain attribute the owner polls (no hand-off needed for one string).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from assistant.errors import AudioDeviceError

log = logging.getLogger(__name__)
PA_INT16 = 8
RETRY_S = 0.02             # between failed steps: a failing device must not spin a core
GIVE_UP_S = 1.0            # this long with nothing but errors: the device is gone


class StreamThread:
    def __init__(self, name: str, step: Callable[[], None]) -> None:
        self._step = step
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.errors = 0
        self.failure: str | None = None
        self._failing_since: float | None = None

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
                self._failing_since = None
            except Exception as exc:    # a bug must not kill the audio thread silently either
                if isinstance(exc, OSError) and not self._running.is_set():
                    return          # the stream was stopped under us: a normal end
                if self._failed(exc):
                    return

    def _failed(self, exc: Exception) -> bool:
        """Counts one error; True once errors alone have lasted GIVE_UP_S."""
        self.errors += 1
        now = time.monotonic()
        if self._failing_since is None:
            self._failing_since = now
            log.warning("%s: %s", self._thread.name, exc, exc_info=not isinstance(exc, OSError))
        elif now - self._failing_since >= GIVE_UP_S:
            self.failure = str(exc.args[-1] if exc.args else exc)
            log.warning("%s gave up after %d errors: %s", self._thread.name, self.errors, exc)
            return True
        time.sleep(RETRY_S)
        return False


class DeviceStream:
    """An open PortAudio stream in blocking mode and the thread that reads or writes it.
    Subclasses open it with their direction's arguments and implement `_step`."""

    def __init__(self, catalog: Any, device: Any, what: str, thread_name: str,
                 **open_args: Any) -> None:
        self.device = device
        try:
            self._stream = catalog.backend.open(format=PA_INT16, start=False, **open_args)
        except OSError as exc:
            raise AudioDeviceError(f"Cannot open the {what} '{device.name}': "
                                   f"{exc.args[-1] if exc.args else exc}.") from None
        self._thread = StreamThread(thread_name, self._step)

    def start(self) -> None:
        self._stream.start_stream()
        self._thread.start()

    def close(self) -> None:
        self._thread.stop()
        try:
            self._stream.stop_stream()
            self._stream.close()
        except OSError:
            log.debug("closing %s failed", self._thread, exc_info=True)

    @property
    def errors(self) -> int:
        return self._thread.errors

    @property
    def failure(self) -> str | None:
        """Why the stream stopped working, once its thread has given up."""
        return self._thread.failure

    def _step(self) -> None:
        raise NotImplementedError
