"""One thread per device direction, in PortAudio's blocking mode.

Measured on PulseAudio (ALSA pulse plugin): callback-mode capture streams intermittently spin at
~55 % of a core; blocking reads and writes cost ~1 %. The owner opens and closes the stream on the
main thread; this thread only reads or writes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from assistant.errors import AudioDeviceError

log = logging.getLogger(__name__)
PA_INT16 = 8


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

    def _step(self) -> None:
        raise NotImplementedError
