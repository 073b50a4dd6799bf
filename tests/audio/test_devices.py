"""Device listing, choice, rates and the errors a user reads."""

from __future__ import annotations

import pytest

from assistant.audio.devices import DeviceCatalog
from assistant.audio.engine import AudioEngine
from assistant.errors import AudioDeviceError
from tests.fakes import FakeDevice, FakePyAudio


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
