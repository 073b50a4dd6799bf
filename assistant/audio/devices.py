"""Audio devices through PyAudio (or anything with its interface, such as the test fake).

PortAudio reads the device list once at initialisation, so a re-scan re-creates the backend.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from assistant.config import WIRE_RATE
from assistant.errors import AudioDeviceError
from assistant.translatable import QT_TRANSLATE_NOOP

Direction = Literal["input", "output"]
PREFERRED_RATES = (48_000, 44_100, 24_000, 16_000, 32_000, 22_050, 96_000)
# ALSA devices that are a sound server (PulseAudio, or PipeWire's pulse and ALSA layers): it
# resamples in its own process, in C, so they are opened at the wire rate and our audio threads
# neither resample nor move twice the samples (measured: ~1 % of a core less while streaming).
SOUND_SERVER_DEVICES = frozenset({"default", "pulse", "pipewire", "sysdefault"})


@dataclass(frozen=True)
class DeviceInfo:
    index: int
    name: str
    host_api: str
    default_rate: int
    max_input_channels: int
    max_output_channels: int
    is_default: bool = False

    def channels(self, direction: Direction) -> int:
        return self.max_input_channels if direction == "input" else self.max_output_channels

    @property
    def is_sound_server(self) -> bool:
        return self.host_api == "ALSA" and self.name.lower() in SOUND_SERVER_DEVICES

    @property
    def label(self) -> str:
        return f"{self.name} ({self.host_api})"


def create_pyaudio() -> Any:
    """A PyAudio instance, with PortAudio's probing chatter (ALSA, JACK) kept off the console."""
    import pyaudio

    with _quiet_stderr():
        backend = pyaudio.PyAudio()
    _release_alsa_plugins()
    return backend


def scanned_now(make: Callable[[], Any] = create_pyaudio) -> Callable[[], Any]:
    """A backend factory whose first backend is made at once: main() calls it before Qt and the
    app's modules load, so the scan's peak (ALSA's plugins, ~12 MB while they are loaded) sits
    on a ~40 MB process, not on the ~115 MB one the window makes; later calls (a re-scan) make
    a new one. A scan that fails here is tried again when the devices are opened, which says
    why."""
    made = []
    with contextlib.suppress(Exception):
        made.append(make())

    def factory() -> Any:
        return made.pop() if made else make()

    return factory


def _release_alsa_plugins() -> None:
    """PortAudio lists devices by opening every PCM the ALSA configuration defines, which loads
    each plugin's module and what it links (the A52 encoder's libavcodec, JACK, OSS, Speex: 74
    libraries, ~10 MB resident, measured). None is open once the list is made: freeing ALSA's
    global configuration unloads them; the next stream opened reads the configuration again."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libasound.so.2").snd_config_update_free_global()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    if sys.platform.startswith("win"):
        yield
        return
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class DeviceCatalog:
    """Lists devices, picks them by name or index, and re-scans on request."""

    def __init__(self, backend_factory: Callable[[], Any] = create_pyaudio) -> None:
        self._factory = backend_factory
        self.backend = backend_factory()

    def rescan(self) -> None:
        with contextlib.suppress(Exception):
            self.backend.terminate()
        self.backend = self._factory()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.backend.terminate()

    def devices(self, direction: Direction) -> list[DeviceInfo]:
        """Devices that can do `direction`, the default first."""
        default = self._default_index(direction)
        found = []
        for index in range(self.backend.get_device_count()):
            info = self._info(self.backend.get_device_info_by_index(index), default)
            if info.channels(direction) > 0:
                found.append(info)
        return sorted(found, key=lambda d: not d.is_default)

    def find(self, direction: Direction, wanted: str | int | None = None) -> DeviceInfo:
        """The device named (substring, case-insensitive) or numbered; the default if None."""
        devices = self.devices(direction)
        mic = direction == "input"
        if not devices:
            raise AudioDeviceError(QT_TRANSLATE_NOOP("Errors", "No microphone found.") if mic
                                   else QT_TRANSLATE_NOOP("Errors", "No speaker or headphones "
                                                                    "found."))
        if wanted is None or wanted == "":
            return devices[0]
        if isinstance(wanted, int) or str(wanted).isdigit():
            match = [d for d in devices if d.index == int(wanted)]
        else:
            match = [d for d in devices if str(wanted).lower() in d.name.lower()]
        if not match:
            raise AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "The microphone '{device}' was not found.") if mic else
                QT_TRANSLATE_NOOP("Errors", "The speaker or headphones '{device}' were not "
                                            "found."), device=wanted)
        return match[0]

    def supported_rate(self, device: DeviceInfo, direction: Direction, channels: int) -> int:
        """The wire rate from a sound server; else the device's own rate if it takes it, else
        the first preferred rate it takes."""
        first: tuple[int, ...] = (WIRE_RATE,) if device.is_sound_server else ()
        for rate in (*first, device.default_rate, *PREFERRED_RATES):
            kwargs = {f"{direction}_device": device.index, f"{direction}_channels": channels,
                      f"{direction}_format": 8}  # paInt16
            try:
                if self.backend.is_format_supported(rate, **kwargs):
                    return rate
            except ValueError:
                continue
        raise AudioDeviceError(QT_TRANSLATE_NOOP(
            "Errors", "'{device}' supports none of the usual sample rates."), device=device.name)

    def _default_index(self, direction: Direction) -> int | None:
        getter = (self.backend.get_default_input_device_info if direction == "input"
                  else self.backend.get_default_output_device_info)
        try:
            return int(getter()["index"])
        except (OSError, KeyError):
            return None

    def _info(self, raw: dict[str, Any], default: int | None) -> DeviceInfo:
        try:
            api = self.backend.get_host_api_info_by_index(raw["hostApi"])["name"]
        except (OSError, KeyError, IndexError):
            api = "?"
        return DeviceInfo(index=int(raw["index"]), name=str(raw["name"]), host_api=api,
                          default_rate=int(raw["defaultSampleRate"]),
                          max_input_channels=int(raw["maxInputChannels"]),
                          max_output_channels=int(raw["maxOutputChannels"]),
                          is_default=raw["index"] == default)
