"""Device listing, choice, rates and the errors a user reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.audio.devices import DeviceCatalog, scanned_now
from assistant.audio.engine import AudioEngine
from assistant.errors import AudioDeviceError
from tests.fakes import FakeDevice, FakePyAudio
from tests.pulse import PrivatePulse, missing_tools


def test_lists_defaults_first_and_finds_by_name_or_index():
    fake = FakePyAudio([FakeDevice("USB Headset", inputs=1, outputs=2, rate=16_000,
                                   rates=(16_000,)),
                        FakeDevice("Built-in Mic", inputs=2), FakeDevice("HDMI", outputs=8)])
    catalog = DeviceCatalog(lambda: fake)
    assert [d.name for d in catalog.devices("input")] == ["USB Headset", "Built-in Mic"]
    assert catalog.devices("input")[0].is_default
    assert catalog.find("input", "built-in").index == 1
    assert catalog.find("output", 2).name == "HDMI"
    headset = catalog.find("input")
    assert catalog.supported_rate(headset, "input", 1) == 16_000
    with pytest.raises(AudioDeviceError, match="'Nope' was not found"):
        catalog.find("input", "Nope")


def test_no_device_is_a_sentence_not_an_oserror():
    catalog = DeviceCatalog(lambda: FakePyAudio([]))
    with pytest.raises(AudioDeviceError, match=r"^No microphone found\.$"):
        catalog.find("input")
    engine = AudioEngine(lambda: FakePyAudio([]))
    problems = engine.open(outbox=None, input_device=None, output_device=None)  # type: ignore[arg-type]
    assert [str(p) for p in problems] == [
        "No microphone found. You can still type messages.",
        "No speaker or headphones found. Replies will be shown as text only."]
    assert engine.capture is None and engine.buffer is None


def test_rescan_reinitialises_the_backend():
    made = []

    def factory():
        made.append(FakePyAudio())
        return made[-1]

    catalog = DeviceCatalog(factory)
    catalog.rescan()
    assert len(made) == 2 and made[0].terminated


def test_the_scan_made_at_start_is_the_first_backend_and_a_rescan_makes_another():
    made: list[FakePyAudio] = []

    def make() -> FakePyAudio:
        made.append(FakePyAudio())
        return made[-1]

    factory = scanned_now(make)
    assert len(made) == 1                              # scanned at once, before anyone asks
    catalog = DeviceCatalog(factory)
    assert catalog.backend is made[0] and len(made) == 1
    catalog.rescan()
    assert len(made) == 2 and catalog.backend is made[1] and made[0].terminated


def test_a_scan_that_fails_at_start_is_tried_again_when_the_devices_are_wanted():
    attempts = []

    def make() -> FakePyAudio:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(-9999, "Unanticipated host error")
        return FakePyAudio()

    factory = scanned_now(make)
    assert isinstance(factory(), FakePyAudio) and len(attempts) == 2


ORDER_PROBE = """
import os
import sys
import assistant.audio.devices as devices

class QtWatch:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6":
            print("Qt before the scan", flush=True)
            os._exit(1)

def scanned_now():
    print("scanned first", flush=True)
    os._exit(0)

sys.meta_path.insert(0, QtWatch())
devices.scanned_now = scanned_now
from assistant.shell.main import main
main(["--offline"])
"""


def test_the_app_scans_its_devices_before_it_loads_qt(tmp_path):
    """The scan's ALSA plugins (~12 MB while loaded) then peak on a ~40 MB process: the app's
    peak RSS in a conversation went 122.8 -> 116.0 MB (bench/conversation_bench.py)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", ORDER_PROBE], capture_output=True, text=True,
                          timeout=60, env=env, cwd=Path(__file__).resolve().parents[2])
    assert (done.returncode, done.stdout) == (0, "scanned first\n"), done.stderr[-2000:]


SCAN_PROBE = """
import json, pyaudio
from assistant.audio.devices import DeviceCatalog

def plugins():
    return sorted({line.split()[-1].rsplit("/", 1)[-1] for line in open("/proc/self/maps")
                   if "alsa-lib/libasound_module_pcm" in line})

plain = pyaudio.PyAudio()
loaded_by_scan = plugins()
names = [plain.get_device_info_by_index(i)["name"] for i in range(plain.get_device_count())]
plain.terminate()
catalog = DeviceCatalog()
left = plugins()
ours = [catalog.backend.get_device_info_by_index(i)["name"]
        for i in range(catalog.backend.get_device_count())]
speaker = catalog.find("output")
stream = catalog.backend.open(format=pyaudio.paInt16, channels=1, rate=24000, output=True,
                              output_device_index=speaker.index)
stream.write(bytes(4800))
stream.close()
print(json.dumps({"scan": loaded_by_scan, "left": left, "same devices": names == ours,
                  "devices": len(ours), "playing": plugins()}))
"""


@pytest.mark.realdevice
@pytest.mark.skipif(bool(missing_tools()), reason="needs a private PulseAudio (bash dev.sh test)")
def test_the_device_scan_leaves_no_alsa_plugin_loaded():
    server = PrivatePulse().start()
    try:
        done = subprocess.run([sys.executable, "-c", SCAN_PROBE], capture_output=True, text=True,
                              timeout=60, cwd=Path(__file__).resolve().parents[2])
    finally:
        server.stop()
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert "libasound_module_pcm_pulse.so" in seen["scan"] and len(seen["scan"]) > 1
    assert seen["left"] == [] and seen["same devices"] and seen["devices"] > 0
    assert seen["playing"] == ["libasound_module_pcm_pulse.so"]    # reloaded for the stream
