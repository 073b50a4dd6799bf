"""The window against the embedded server, driven as a user would, with pytest-qt."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from assistant.modes import ConnectionState as State
from assistant.ui.space_to_talk import SpaceToTalk
from tests.helpers import speech, until
from tests.ui.conftest import mic_pcm


def sent(shell, kind: str) -> list[dict]:
    return [e for d, _t, k, e in shell.events if d == "out" and k == kind]


def record(shell) -> None:
    """Every event the inspector is told of, a run of streaming events expanded to its count
    (the run's newest summary stands for each)."""
    shell.events = []
    shell.controller.events.logged.connect(
        lambda d, t, k, e, n: shell.events.extend([(d, t, k, e)] * n))


async def connected(shell) -> None:
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, message="connection")


async def test_first_run_without_key_offers_the_demo_then_a_push_to_talk_turn(make_shell, qtbot):
    shell = await make_shell()
    record(shell)
    assert shell.key_dialog is not None and shell.key_dialog.isVisible()   # first run
    qtbot.mouseClick(shell.key_dialog.demo_button, Qt.MouseButton.LeftButton)
    await connected(shell)
    window = shell.window
    assert window.banner.isVisible() and "Offline demo" in window.banner.text()
    assert shell.controller.state == State.READY
    await until(lambda: window.mic_meter._clock.resting, message="the meters rest")
    qtbot.mousePress(window.ptt_button, Qt.MouseButton.LeftButton)
    shell.fake.stream("input").push(mic_pcm(speech("what a lovely day", silence_ms=200)))
    await until(lambda: window.mic_meter.rms_fraction > 0.2, message="mic meter")
    mic = shell.fake.stream("input")
    await until(lambda: mic.pending_bytes == 0, message="the whole question spoken")
    await until(lambda: len(sent(shell, "input_audio_buffer.append")) > 50, message="sent")
    qtbot.mouseRelease(window.ptt_button, Qt.MouseButton.LeftButton)
    await until(lambda: any("seconds of speech" in t for t in window.transcript.turns()),
                timeout=15, message="assistant transcript")
    assert len(sent(shell, "input_audio_buffer.append")) > 50
    assert len(sent(shell, "input_audio_buffer.commit")) == 1
    assert len(sent(shell, "response.create")) == 1
    await until(lambda: window.out_meter.rms_fraction > 0.2, message="assistant meter")
    played = np.frombuffer(b"".join(shell.fake.stream("output").played), np.int16)
    assert np.abs(played).max() > 3000                       # the reply reached the speaker
    await until(lambda: shell.controller.state == State.READY, timeout=15, message="reply ends")
    assert "Last turn" in window.usage_label.text()


async def test_text_message_round_trip_and_tap_hint(make_shell, qtbot):
    shell = await make_shell("--offline")
    await connected(shell)
    window = shell.window
    qtbot.keyClicks(window.text_edit, "how far is the moon")
    qtbot.keyClick(window.text_edit, Qt.Key.Key_Return)
    await until(lambda: 'You said: "how far is the moon".' in window.transcript.turns(),
                message=f"echo in {window.transcript.turns()} {shell.controller.state}")
    assert window.transcript.turns()[0] == "how far is the moon"
    assert window.text_edit.text() == ""
    qtbot.mouseClick(window.ptt_button, Qt.MouseButton.LeftButton)      # a tap
    assert "a tap is ignored" in window.statusBar().currentMessage()


async def test_switching_to_server_vad_updates_the_session_live(make_shell):
    shell = await make_shell("--offline")
    record(shell)
    await connected(shell)
    before = len(sent(shell, "session.update"))     # (the first may have gone before record())
    shell.window.mode_combo.setCurrentIndex(shell.window.mode_combo.findData("server_vad"))
    await until(lambda: sent(shell, "session.update")[before:], message="session.update")
    update = sent(shell, "session.update")[-1]
    assert update["session"]["audio"]["input"]["turn_detection"]["type"] == "server_vad"
    await until(lambda: shell.controller.bridge.voice_detected)
    shell.fake.stream("input").push(mic_pcm(speech("hands free now")))
    await until(lambda: any("seconds of speech" in t for t in shell.window.transcript.turns()),
                timeout=15, message="a VAD turn")
    assert QSettingsValue(shell, "turn_mode") == "server_vad"


def QSettingsValue(shell, key: str):
    return shell.store.value(key)


async def test_speech_over_the_reply_clears_playback_and_truncates(make_shell):
    shell = await make_shell("--offline", "--mode", "server_vad")
    record(shell)
    await connected(shell)
    shell.controller.send_text("tell me a long story about the sea, the sky and the stars")
    await until(lambda: shell.controller.state == State.SPEAKING, message="speaking")
    buffer = shell.controller.audio.engine.buffer

    def reply_heard_ms() -> int:
        deltas = [e for d, _t, k, e in shell.events if k == "response.output_audio.delta"]
        return buffer.played_ms(deltas[0]["item_id"]) if deltas else 0

    await until(lambda: reply_heard_ms() >= 800, message="most of a second of the reply heard")
    shell.fake.stream("input").push(mic_pcm(speech("wait, stop")))
    bridge = shell.controller.bridge
    await until(lambda: sent(shell, "conversation.item.truncate"), timeout=8, message=(
        lambda: f"truncate: {len(shell.fake.streams)} streams, "
                f"{shell.fake.stream('input').pending_bytes} mic bytes unread, "
                f"{bridge.frames_sent} frames sent, onsets {bridge.talk_over.onsets}, "
                f"gated {bridge.talk_over.guard.frames_gated}, "
                f"coupling {bridge.talk_over.guard.coupling_db():.1f} dB, "
                f"{[k for d, _t, k, _e in shell.events if k.startswith('input_audio')][:6]}"))
    truncate = sent(shell, "conversation.item.truncate")[0]
    assert 500 <= truncate["audio_end_ms"] <= 3000
    await until(lambda: [e for d, _t, k, e in shell.events if k == "conversation.item.truncated"],
                message="truncated")
    assert not [e for d, _t, k, e in shell.events if k == "error"]
    heard = buffer.played_ms(truncate["item_id"])
    shown = shell.window.transcript.text_of(truncate["item_id"])
    await until(lambda: [e for d, _t, k, e in shell.events if k == "response.done"
                         and e["response"]["status"] == "completed"], timeout=15,
                message="the answer to 'stop'")
    assert buffer.played_ms(truncate["item_id"]) == heard      # that reply's audio stopped
    assert shown.endswith(" —")                                 # marked, and no text after it
    assert shell.window.transcript.text_of(truncate["item_id"]) == shown
    full = 'You said: "tell me a long story about the sea, the sky and the stars".'
    assert len(shown) < len(full)


async def test_server_error_events_are_one_line_notices(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    shell.controller.session.send({"type": "conversation.item.delete", "item_id": "item_nope"})
    await until(lambda: "Server: Item with item_id not found: item_nope"
                in shell.window.transcript.toPlainText(), message="notice")
    assert shell.controller.state == State.READY                 # still connected


async def test_no_microphone_still_lets_you_type(make_shell):
    from tests.fakes import FakeDevice, FakePyAudio

    speaker_only = FakePyAudio([FakeDevice("Speaker", outputs=2)], realtime=True)
    shell = await make_shell("--offline", backend=speaker_only)
    await connected(shell)
    text = shell.window.transcript.toPlainText()
    assert "No microphone found. You can still type messages." in text
    shell.controller.send_text("typing works")
    await until(lambda: 'You said: "typing works".' in shell.window.transcript.turns())


async def test_space_held_is_push_to_talk_but_not_in_the_text_box(make_shell, qtbot):
    shell = await make_shell("--offline")
    await connected(shell)
    window = shell.window
    window.transcript.setFocus()
    qtbot.keyPress(window.transcript, Qt.Key.Key_Space)
    assert shell.controller.bridge.ptt_active
    qtbot.keyRelease(window.transcript, Qt.Key.Key_Space)
    await until(lambda: not shell.controller.bridge.ptt_active,   # a tap: ignored with a hint
                message="the release, once no repeat followed it")
    window.text_edit.setFocus()
    qtbot.keyClicks(window.text_edit, "a b")
    assert window.text_edit.text() == "a b" and not shell.controller.bridge.ptt_active


async def test_a_held_key_repeated_as_release_and_press_pairs_stays_one_turn(make_shell):
    """X11's repeat pairs, as Qt hands them when its look-ahead misses the press (both look
    real): the turn goes on; only a release that no press follows ends it."""
    shell = await make_shell("--offline")
    await connected(shell)
    window, bridge = shell.window, shell.controller.bridge
    [space] = window.findChildren(SpaceToTalk)

    def key(kind: QEvent.Type) -> None:
        QApplication.sendEvent(window.transcript, QKeyEvent(kind, Qt.Key.Key_Space,
                                                            Qt.KeyboardModifier.NoModifier, " "))
    window.transcript.setFocus()
    key(QEvent.Type.KeyPress)
    pressed_at = bridge._pressed_at
    for _ in range(5):
        key(QEvent.Type.KeyRelease)
        key(QEvent.Type.KeyPress)
        assert not space._release.isActive()          # the pair's press cancelled it
    assert bridge.ptt_active and bridge._pressed_at == pressed_at
    key(QEvent.Type.KeyRelease)
    await until(lambda: not bridge.ptt_active, message="the real release")


async def test_window_screenshot_mid_conversation(make_shell, tmp_path):
    shell = await make_shell("--offline")
    await connected(shell)
    await until(lambda: shell.window.out_meter._clock.resting, message="the meters rest")
    shell.controller.send_text("Hello! What can you do?")      # the reply's audio stirs them
    await until(lambda: shell.controller.state == State.SPEAKING)
    await until(lambda: shell.window.out_meter.rms_fraction > 0.2, message="the reply playing")
    image = shell.window.grab().toImage()
    assert image.width() >= 900 and image.height() >= 600
    path = tmp_path / "window.png"
    assert image.save(str(path)) and path.stat().st_size > 20_000


async def test_disconnect_while_connecting_wins(make_shell):
    from websockets.asyncio.server import serve

    async def silent(ws):                       # accepts, never says session.created
        await ws.wait_closed()

    async with serve(silent, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        shell = await make_shell("--base-url", f"ws://127.0.0.1:{port}/v1", start=False)
        shell.keys.use_for_this_run("sk-test-0000000000000000")
        shell.controller.connect_(offline=False)
        await until(lambda: shell.controller.state == "connecting")
        shell.controller.disconnect_()
        await until(lambda: shell.controller.state == "disconnected")
        await until(lambda: shell.controller.tasks.pending == 0, message="the connect task ends")
        assert shell.controller.session is None and shell.controller.state == "disconnected"


async def test_a_new_connection_shows_connecting_before_anything_else(make_shell):
    """Saving a key while the demo runs: nothing may read the demo's state as the new session's."""
    shell = await make_shell()
    await connected(shell)
    assert shell.controller.offline and shell.controller.state == State.READY
    states = []
    shell.controller.news.state_changed.connect(lambda state, _detail: states.append(state))
    shell.keys.use_for_this_run("sk-test-0000000000000000")
    shell.controller.connect_(offline=False)
    assert shell.controller.state == "connecting" and states == ["connecting"]


async def test_an_unplugged_microphone_is_reported_and_the_conversation_goes_on(make_shell):
    shell = await make_shell("--offline", "--mode", "server_vad")
    await connected(shell)
    session, old_mic = shell.controller.session, shell.fake.stream("input")
    old_mic.unplug()
    await until(lambda: "Audio reopened on" in shell.window.transcript.toPlainText(),
                message="reopened")
    text = shell.window.transcript.toPlainText()
    assert ("The microphone 'Fake Microphone' stopped working (Unanticipated host error)."
            in text)
    assert "Audio reopened on 'Fake Microphone' and 'Fake Speaker'." in text
    new_mic = shell.fake.stream("input")
    assert new_mic is not old_mic and old_mic.closed
    new_mic.push(mic_pcm(speech("still here")))
    await until(lambda: any("seconds of speech" in t for t in shell.window.transcript.turns()),
                timeout=15, message="a voice turn on the reopened microphone")
    assert shell.controller.session is session                # the same conversation


async def test_a_resting_microphone_unplugged_is_found_at_the_next_press(make_shell):
    """Push-to-talk at rest stops the mic's stream (nothing reads it, so nothing can fail):
    the press starts it, finds the device gone, and the audio reopens."""
    shell = await make_shell("--offline", "--mode", "push_to_talk")
    await connected(shell)
    engine = shell.controller.audio.engine
    await until(lambda: engine.capture is not None and engine.capture.resting,
                message="the microphone at rest")
    shell.fake.stream("input").unplug()
    shell.controller.ptt_press()
    await until(lambda: "Audio reopened on" in shell.window.transcript.toPlainText(),
                message="reopened")
    shell.controller.ptt_release()


async def test_a_device_that_fails_again_at_once_is_left_closed(make_shell):
    shell = await make_shell("--offline", "--mode", "server_vad")
    await connected(shell)
    shell.fake.stream("input").unplug()
    await until(lambda: "Audio reopened on" in shell.window.transcript.toPlainText())
    shell.fake.stream("input").unplug()                         # the reopened one fails too
    await until(lambda: "Audio is off" in shell.window.transcript.toPlainText(),
                message="audio off")
    engine = shell.controller.audio.engine
    assert engine.capture is None and engine.playback is None
    assert shell.window.transcript.toPlainText().count("Audio reopened on") == 1
    shell.controller.send_text("can we type")
    await until(lambda: 'You said: "can we type".' in shell.window.transcript.turns(),
                message="text still works")


async def test_rescanning_devices_mid_conversation_keeps_the_audio_working(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    old_speaker, listed = shell.fake.stream("output"), []
    shell.controller.audio.devices_changed.connect(lambda inputs, outputs: listed.append(outputs))
    shell.controller.rescan_devices()
    await until(lambda: listed == [["Fake Speaker"]], message="devices listed")
    speaker = shell.fake.stream("output")
    assert speaker is not old_speaker and old_speaker.closed
    shell.controller.send_text("are you still there")
    await until(lambda: shell.controller.state == State.SPEAKING, message="speaking")
    await until(lambda: any(np.frombuffer(b, np.int16).any() for b in speaker.played),
                message="the reply plays on the reopened speaker")
