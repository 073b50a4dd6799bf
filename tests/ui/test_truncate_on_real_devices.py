"""The truncation point the app sends matches what the speaker really played, on real PortAudio
devices (a private PulseAudio), for the two barge-ins a user makes with a key or a button:
push-to-talk pressed while the assistant speaks, and Interrupt. (Talking over it with voice
detection is checked in tests/audio/test_conversation_on_real_devices.py.)"""

from __future__ import annotations

import os
import subprocess
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from assistant.sim import voice
from tests.helpers import until
from tests.pulse import missing_tools, read_wav
from tests.recording import RATE, first, loud, played_ms_of, truncate_error_ms

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
STORY = "tell me a long story about the sea, the sky, the stars and the ships"


@pytest.mark.parametrize("how, transport, stall_s", [("interrupt-button", "websocket", 0),
                                                     ("push-to-talk", "websocket", 0),
                                                     ("interrupt-button", "webrtc", 0),
                                                     ("push-to-talk", "webrtc", 0),
                                                     ("interrupt-button", "websocket", 0.15)])
async def test_the_truncation_matches_the_speaker(how, transport, stall_s, pulse, make_shell,
                                                  qtbot, tmp_path):
    """Over WebRTC the reply comes on an Opus track and the server owns its buffer: the app
    also tells it to clear what it still has (`output_audio_buffer.clear`). With `stall_s`
    the whole app stops that long mid-reply (as a loaded machine stops it): the speaker runs
    dry, and what follows plays that much later; the cut must still be where it was heard."""
    shell = await make_shell("--offline", "--mode", "ptt", "--transport", transport,
                             real_audio=True)
    events: list[tuple[str, dict]] = []
    shell.controller.events.logged.connect(lambda d, _t, k, e, _n: events.append((k, e)))
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, timeout=15, message="connected")
    recorder = pulse.record_both(tmp_path / "both.wav")
    try:
        shell.controller.send_text(STORY)
        buffer = shell.controller.audio.engine.buffer
        await until(lambda: any(k == "response.content_part.added" for k, _ in events),
                    timeout=15, message="the reply")
        item = next(e["item_id"] for k, e in events if k == "response.content_part.added")
        if stall_s:
            await until(lambda: buffer.played_ms(item) > 1000, timeout=15, message="1 s heard")
            stall = stall_this_process(stall_s)
            await until(lambda: stall.poll() is not None, message="the stall over")
        await until(lambda: buffer.played_ms(item) > 1500, timeout=15, message="1.5 s heard")
        if how == "interrupt-button":
            qtbot.mouseClick(shell.window.interrupt_button, Qt.MouseButton.LeftButton)
        else:                                   # hold to talk: the assistant stops at once
            qtbot.mousePress(shell.window.ptt_button, Qt.MouseButton.LeftButton)
        await until(lambda: any(k == "conversation.item.truncated" for k, _ in events),
                    timeout=10, message="truncated")
        if how == "push-to-talk":
            qtbot.mouseRelease(shell.window.ptt_button, Qt.MouseButton.LeftButton)
        cut_at = time.monotonic()
        await until(lambda: time.monotonic() > cut_at + 0.5, message="the tail recorded")
    finally:
        recorder.terminate()
        recorder.wait(5)
    sent = next(e for k, e in events if k == "conversation.item.truncate")
    assert any(k == "output_audio_buffer.clear" for k, _ in events) == (transport == "webrtc")
    both = read_stereo(tmp_path / "both.wav")
    speaker = loud(both[:, 1])
    start = first(speaker) or 0
    # Nothing plays after the cut: the reply's last sound is the recording's. (The first 400 ms
    # of quiet was taken for the end once, but the pause after "You said:" is 380 ms long, and
    # a device underrun in it made it the end: CI, 491 ms "played" against 1528 sent.)
    expected = np.frombuffer(voice.synthesize(f'You said: "{STORY}".'), np.int16)
    played = played_ms_of(both[:, 1], expected, start, speaker.size)
    error = truncate_error_ms(sent["audio_end_ms"], played, expected)
    assert sent["item_id"] == item and abs(error) <= 30, (sent["audio_end_ms"], played)


def stall_this_process(seconds: float) -> subprocess.Popen:
    """Stops this process (every thread of the app) for `seconds`, from a child."""
    pid = os.getpid()
    return subprocess.Popen(["sh", "-c", f"kill -STOP {pid}; sleep {seconds}; kill -CONT {pid}"])


def read_stereo(path) -> np.ndarray:
    import wave

    with wave.open(str(path)) as reader:
        assert reader.getframerate() == RATE and reader.getnchannels() == 2
        return np.frombuffer(reader.readframes(reader.getnframes()), np.int16).reshape(-1, 2)


def test_read_wav_is_mono(tmp_path):
    """The recording helpers read what PrivatePulse records (a guard for the test above)."""
    import wave

    path = tmp_path / "x.wav"
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(np.zeros(RATE * 2, np.int16).tobytes())
    assert read_wav(path, RATE).ndim == 1 and read_stereo(path).shape == (RATE, 2)
