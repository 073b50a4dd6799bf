"""Dictation and live translation on real PortAudio devices (a private PulseAudio): speech is
played into the microphone. Dictation, in both dialects, shows its segments and keeps them in
the file named on the command line; translation plays the translated speech on the speaker,
and the recording of the speaker (straight off its sink: the loopback into the stereo recording
resamples adaptively, which no waveform judge survives) correlates with the audio sent."""

from __future__ import annotations

import re

import pytest

from assistant.sim import SimServer
from tests.helpers import WireLog, until
from tests.pulse import (
    espeak_wav,
    missing_tools,
    read_wav,
    windowed_correlation,
    windowed_matches,
)
from tests.recording import audio_of
from tests.ui.test_dictation_and_translation import beta_era_transcription

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
KEY = "sk-test-real-dictation-0123456789"


@pytest.fixture
async def server():
    async with SimServer(api_key=KEY) as sim:          # real time
        sim.on_wire = sim.wire = WireLog()
        yield sim


async def start(make_shell, memory_keyring, server, *args: str):
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    shell = await make_shell("--base-url", server.url, "--connect", "--mode", "server_vad",
                             *args, real_audio=True)
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, timeout=15, message="connected")
    return shell


@pytest.mark.parametrize("dialect", ["ga", "beta"])
async def test_dictation_on_real_devices_is_shown_and_kept_in_its_file(
        dialect, pulse, server, make_shell, memory_keyring, tmp_path):
    kept = tmp_path / "minutes.srt"
    if dialect == "beta":
        beta_era_transcription(tmp_path)
    shell = await start(make_shell, memory_keyring, server, "--session-mode", "dictation",
                        "--dialect", dialect, "--save-transcript", str(kept))
    for number, text in enumerate(("the meeting starts at nine", "bring the budget please")):
        player = pulse.play_into_mic(espeak_wav(text, tmp_path / f"s{number}.wav"))
        await until(lambda p=player: p.poll() is not None, timeout=15, message="spoken")
        await until(lambda n=number: len([s for s in shell.controller.dictation.ordered()
                                          if s.final]) == n + 1, timeout=15, message="segment")
    shown = shell.window.views.dictation.text.toPlainText().splitlines()
    assert len(shown) == 2 and all("s of speech)" in line for line in shown)
    srt = kept.read_text()
    cue = r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n\(\d\.\d s of speech\)\n"
    assert re.fullmatch(f"1\n{cue}\n2\n{cue}", srt), srt
    first, second = shell.controller.dictation.ordered()
    assert 1000 < first.end_ms - first.start_ms < 4000            # espeak says it in ~2 s
    assert first.end_ms <= second.start_ms
    server.wire.check()


async def test_translation_on_real_devices_is_heard_on_the_speaker(
        pulse, server, make_shell, memory_keyring, tmp_path):
    shell = await start(make_shell, memory_keyring, server, "--session-mode", "translation")
    recorder = pulse.record_speaker(tmp_path / "speaker.wav")     # straight off the sink
    try:
        player = pulse.play_into_mic(espeak_wav("where is the railway station please",
                                                tmp_path / "q.wav"))
        await until(lambda p=player: p.poll() is not None, timeout=15, message="spoken")
        view = shell.window.views.interpreter
        await until(lambda: view.target.toPlainText().strip().endswith("speech."), timeout=20,
                    message="translated")
        buffer = shell.controller.audio.engine.buffer
        await until(lambda: not buffer.active, timeout=20, message="played out")
    finally:
        recorder.terminate()
        recorder.wait(5)
    assert "s of speech)" in view.source.toPlainText()
    sent = audio_of([e for d, e, _ in server.wire.events
                     if d == "out" and e["type"] == "session.output_audio.delta"])
    # Per 200 ms window, as playback is: a device underrun must not hide that it is right.
    heard = read_wav(tmp_path / "speaker.wav")
    assert sent.size > 24_000, sent.size
    assert windowed_correlation(sent, heard) > 0.9, windowed_matches(sent, heard)
    server.wire.check()
