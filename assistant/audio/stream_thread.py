"""One thread per device direction, in PortAudio's blocking mode.

Measured on PulseAudio (ALSA pulse plugin): callback-mode capture streams intermittently spin at
~55 % of a core; blocking reads and writes cost ~1 %. The owner opens and closes the stream on the
main thread; this thread reads or writes it (and a resting stream's own thread stops and starts
it, never while another call is inside it).

A stream nobody needs for REST_AFTER_S (a mic nobody can talk into, a speaker with nothing to
play) is stopped by its own thread, which then sleeps on an event until it is needed: at rest
nothing in the app, PortAudio or libpulse wakes 50 times a second for it (`DeviceStream._rest`).

A blocking call waits as long as the device does: 1.9 s for a fresh PulseAudio sink or source
to start (ALSA's blocking read polls a whole core meanwhile), and closing a stream, or
terminating PortAudio, under a thread still inside one corrupts the heap (measured: aborts in
malloc and libpulse on a re-scan within 2 s of opening). So playback writes only when a block
has room, capture reads only once samples flow (`_ready`), and a stream whose thread is still
inside PortAudio after a second is left open rather than closed under it.

A lost device (unplugged, sound server gone) makes every read or write fail at once: the thread
backs off instead of spinning, and after GIVE_UP_S of nothing but errors it ends and says why in
`failure`, a plain attribute the owner polls (no hand-off needed for one string).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from assistant.errors import AudioDeviceError
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
PA_INT16 = 8
# Device blocks, 20 ms each way: half the wake-ups of 10 ms in every thread on the path
# (ours, PortAudio's, libpulse's). Capture reads one wire frame at a time, which delivers each
# as soon as its last sample is in. Playback's block is also PortAudio's period (see playback.py
# for how much of its buffer it fills).
BLOCK_MS = {"input": 20, "output": 20}
_THREAD_NAMES = {"input": "audio-capture", "output": "audio-playback"}
POLL_S = 0.002             # first re-check when a block is due but not there yet
RETRY_S = 0.02             # between failed steps: a failing device must not spin a core
_PA_ERRORS = {-9999: "Unanticipated host error", -9988: "Stream closed",
              -9985: "Device unavailable", -9981: "Input overflowed"}
GIVE_UP_S = 1.0            # this long with nothing but errors: the device is gone
REST_AFTER_S = 1.0         # not needed this long, a stream stops
WAKE_CHECK_S = 0.25        # a resting thread looks again this often (its event wakes it at once)
PR_SET_NAME = 15


def name_os_thread(name: str) -> None:
    """Give the calling thread its name in the OS too (Python 3.11 names only its own object),
    so `top -H`, py-spy and /proc/<pid>/task show which audio thread costs what."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):   # a convenience, never a need
            ctypes.CDLL(None).prctl(PR_SET_NAME, name.encode()[:15], 0, 0, 0)


class StreamThread:
    def __init__(self, name: str, step: Callable[[], bool]) -> None:
        self._step = step
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.errors = 0
        self.failure: str | None = None
        self._failing_since: float | None = None
        self._last_error: Exception | None = None
        self._beat = 0.0

    @property
    def running(self) -> bool:
        return self._running.is_set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def hung(self) -> bool:
        """Inside one call for over GIVE_UP_S (no step takes more than a few ms): libpulse can
        deadlock in there when its server dies; the thread cannot be freed, only reported."""
        return self.running and self.alive and time.monotonic() - self._beat > GIVE_UP_S

    def start(self) -> None:
        self._beat = time.monotonic()
        self._running.set()
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        self._running.clear()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        name_os_thread(self._thread.name)
        while self._running.is_set():
            self._beat = time.monotonic()
            try:
                moved = self._step()
            except Exception as exc:    # a bug must not kill the audio thread silently either
                if isinstance(exc, OSError) and not self._running.is_set():
                    return          # the stream was stopped under us: a normal end
                self._count(exc)
                moved = False
            if moved:
                self._failing_since, self._last_error = None, None
            elif self._given_up():
                return

    def _count(self, exc: Exception) -> None:
        """One error: logged when a failing spell starts, then a pause before the next try."""
        self.errors += 1
        self._last_error = exc
        if self._failing_since is None:
            self._failing_since = time.monotonic()
            log.warning("%s: %s", self._thread.name, exc, exc_info=not isinstance(exc, OSError))
        time.sleep(RETRY_S)

    def _given_up(self) -> bool:
        """True once GIVE_UP_S have passed since an error with no block moved (a dead sound
        server fails some calls and answers "nothing available" to the rest)."""
        if self._failing_since is None or time.monotonic() - self._failing_since < GIVE_UP_S:
            return False
        exc = self._last_error
        self.failure = str(exc.args[-1] if exc is not None and exc.args else exc)
        log.warning("%s gave up after %d errors: %s", self._thread.name, self.errors, exc)
        return True


class DeviceStream:
    """An open PortAudio stream in blocking mode ("input" or "output", BLOCK_MS blocks) and the
    thread that reads or writes it. Subclasses implement `_step`, asking `_ready` before a call
    that could block for long (see the module's note)."""

    def __init__(self, catalog: Any, device: Any, direction: str, channels: int,
                 rate: int) -> None:
        self.device, self.direction = device, direction
        self.channels, self.rate = channels, rate
        self.block = rate * BLOCK_MS[direction] // 1000
        self.stuck = False
        self.resting = False
        self.rests = 0             # times the stream stopped for want of use
        self._needed_at = time.monotonic()
        self._due = 0.0
        self._poll = POLL_S
        try:
            self._stream = catalog.backend.open(
                format=PA_INT16, start=False, channels=channels, rate=rate,
                frames_per_buffer=self.block,
                **{direction: True, f"{direction}_device_index": device.index})
        except OSError as exc:
            why = exc.args[-1] if exc.args else exc
            raise AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot open the microphone '{device}': {why}.") if direction == "input"
                else QT_TRANSLATE_NOOP("Errors", "Cannot open the speaker '{device}': {why}."),
                device=device.name, why=why) from None
        self._thread = StreamThread(_THREAD_NAMES[direction], self._step)

    @property
    def latency_ms(self) -> float:
        """PortAudio's own latency figure for this stream."""
        return float(getattr(self._stream, f"get_{self.direction}_latency")()) * 1000

    def start(self) -> None:
        self._stream.start_stream()
        self._thread.start()

    def close(self) -> None:
        self._thread.stop()
        if self._thread.alive:
            # still inside PortAudio: closing under it would corrupt memory; leak it instead
            self.stuck = True
            log.error("%s did not stop; its stream is left open", self._thread)
            return
        try:
            self._stream.stop_stream()
            self._stream.close()
        except OSError:
            log.debug("closing %s failed", self._thread, exc_info=True)

    def _ready(self, available: int, room: int = 0) -> bool:
        """True when a whole block can move at once (`room`: when this many samples are free).
        Otherwise sleeps until the next block is due, then in short polls (backing off) while it
        is late, and returns False."""
        if available < 0:       # PyAudio passes PortAudio's error codes through as counts
            raise OSError(available, _PA_ERRORS.get(available, f"PortAudio error {available}"))
        now = time.monotonic()
        if available >= max(room, self.block):
            self._due, self._poll = now + self.block / self.rate, POLL_S
            return True
        if now < self._due:
            time.sleep(self._due - now)
        else:
            time.sleep(self._poll)
            self._poll = min(2 * self._poll, self.block / self.rate)
        return False

    def _rest(self, needed: bool, wake: threading.Event) -> bool:
        """True while the stream rests: stopped once not `needed` for REST_AFTER_S, started
        again the moment it is. `wake` is the doorbell set when it may be needed again; the
        resting thread also looks every WAKE_CHECK_S, so it still beats and stops in time."""
        now = time.monotonic()
        if needed:
            self._needed_at = now
            if self.resting:
                self._stream.start_stream()
                self.resting = False
                self._started_again()
            return False
        if not self.resting:
            if now - self._needed_at < REST_AFTER_S:
                return False
            self._stream.stop_stream()
            self.resting = True
            self.rests += 1
            self._stopped()
        wake.wait(WAKE_CHECK_S)
        wake.clear()
        return True

    def _stopped(self) -> None:
        """Called on this thread when the stream has stopped to rest."""

    def _started_again(self) -> None:
        """Called on this thread when a resting stream has started again."""

    @property
    def errors(self) -> int:
        return self._thread.errors

    @property
    def failure(self) -> str | None:
        """Why the stream stopped working, once its thread has given up or hung."""
        if self._thread.hung:
            return "no answer from it for over a second"
        return self._thread.failure

    def _step(self) -> bool:
        """Moves at most one block; True if it did (the device is alive)."""
        raise NotImplementedError
