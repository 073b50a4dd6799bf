"""The session's whole surface in Settings: each field set in the dialog reaches the server in a
`session.update` that the openai package's types accept, and the server's `session.updated`
shows it; the reply settings apply live, the rest on the next connection; the idle timeout, the
tool choice, text-only replies, the organisation headers and the voice preview work end to end."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDialogButtonBox

from assistant.sim import SimServer
from tests.helpers import WireLog, until
from tests.oracle import validate

KEY = "sk-test-surface-0123456789"


async def connected(make_shell, memory_keyring, server, *args: str):
    server.on_wire = server.wire = WireLog()
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    shell = await make_shell("--base-url", server.url, "--connect", *args)
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, message="connected")
    return shell


def updates(server, direction: str, kind: str) -> list[dict]:
    return [e for d, e, _ in server.wire.events if d == direction and e["type"] == kind]


def held(server) -> dict:
    """The session as the server holds it now."""
    return server.connections[-1].conversation.session


def fill_in_everything(dialog) -> None:
    page = dialog.replies
    page.speed.setValue(1.25)
    page.text_replies.setChecked(True)
    page.max_tokens.setValue(300)
    page.tool_choice.setCurrentText("required")
    page.truncation.setCurrentIndex(page.truncation.findData("retention_ratio"))
    page.ratio.setValue(0.5)
    page.prompt_id.setText("pmpt_0123456789abcdef")
    page.prompt_version.setText("3")
    page.prompt_variables.setPlainText('{"customer": "Ada"}')
    page.idle.setValue(8)
    page.transcription.setCurrentText("gpt-transcribe")
    page.language.setText("en")
    page.words.setPlainText("Ada Lovelace, Babbage")
    page.noise.setCurrentIndex(page.noise.findData("far_field"))
    dialog.connection.organization.setText("org-example")
    dialog.connection.project.setText("proj_example")


async def test_every_session_field_reaches_the_server_validated_and_is_shown_back(
        make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connected(make_shell, memory_keyring, server, "--turn-mode", "server_vad")
        shell.open_settings()
        fill_in_everything(shell.settings_dialog)
        shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
        # How replies are made applies at once, in the same session ...
        await until(lambda: held(server)["output_modalities"] == ["text"], message="live")
        live = updates(server, "out", "session.updated")[-1]["session"]
        assert live["audio"]["output"]["speed"] == 1.25 and live["output_modalities"] == ["text"]
        assert live["max_output_tokens"] == 300 and live["tool_choice"] == "required"
        assert live["audio"]["input"]["turn_detection"]["idle_timeout_ms"] == 8000
        assert "reconnect" in shell.window.statusBar().currentMessage()
        # ... the transcription, the noise filter and the headers with the next connection.
        shell.controller.connect_()
        await until(lambda: len(server.billed_to) == 2 and len(server.connections) == 1
                    and held(server)["audio"]["input"]["transcription"] is not None
                    and shell.controller.session.configured, message="reconnected")
        session = updates(server, "out", "session.updated")[-1]["session"]
        assert session["truncation"] == {"type": "retention_ratio", "retention_ratio": 0.5}
        assert session["prompt"] == {"id": "pmpt_0123456789abcdef", "version": "3",
                                     "variables": {"customer": "Ada"}}
        assert session["audio"]["input"]["transcription"] == {
            "model": "gpt-transcribe", "language": "en", "prompt": "Ada Lovelace, Babbage"}
        assert session["audio"]["input"]["noise_reduction"] == {"type": "far_field"}
        assert server.billed_to[-1] == ("org-example", "proj_example"), server.billed_to
        for event in updates(server, "in", "session.update"):
            validate(event, "client")
        server.wire.check()


async def test_bad_prompt_variables_are_said_on_their_tab_and_nothing_is_applied(
        make_shell, memory_keyring):
    shell = await make_shell("--offline")
    shell.open_settings()
    dialog = shell.settings_dialog
    dialog.replies.prompt_variables.setPlainText('{"customer": 7}')
    dialog.findChild(QDialogButtonBox).accepted.emit()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.replies
    assert "object of texts" in dialog.replies.prompt_error.text()
    assert shell.controller.settings.prompt_variables == ""
    dialog.replies.prompt_variables.setPlainText('{"customer": "Ada"}')
    dialog.findChild(QDialogButtonBox).accepted.emit()
    assert shell.controller.settings.prompt_variables == '{"customer": "Ada"}'


async def test_text_only_replies_are_written_and_not_spoken(make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connected(make_shell, memory_keyring, server)
        shell.open_settings()
        shell.settings_dialog.replies.text_replies.setChecked(True)
        shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
        await until(lambda: held(server)["output_modalities"] == ["text"], message="live")
        shell.controller.send_text("hello in writing")
        await until(lambda: 'You said: "hello in writing"'
                    in shell.window.transcript.toPlainText(), message="the written reply")
        await until(lambda: "response.done" in server.wire.types("out"), message="its end")
        kinds = server.wire.types("out")
        assert "response.output_text.done" in kinds and "response.output_audio.delta" not in kinds
        server.wire.check()


async def test_the_idle_timeout_asks_whether_the_user_is_still_there(make_shell,
                                                                       memory_keyring):
    async with SimServer(speed=4) as server:
        shell = await connected(make_shell, memory_keyring, server, "--turn-mode", "server_vad")
        hints: list[str] = []
        shell.controller.news.hint.connect(hints.append)
        shell.open_settings()
        shell.settings_dialog.replies.idle.setValue(5)
        shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
        shell.controller.send_text("hello")
        await until(lambda: "Are you still there?" in shell.window.transcript.toPlainText(),
                    timeout=15, message="the assistant checks in")
        assert "input_audio_buffer.timeout_triggered" in server.wire.types("out")
        assert any("quiet for a while" in hint for hint in hints)
        server.wire.check()


async def test_tool_choice_none_keeps_the_model_from_its_tools(make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connected(make_shell, memory_keyring, server)
        shell.open_settings()
        shell.settings_dialog.replies.tool_choice.setCurrentText("none")
        shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
        await until(lambda: held(server)["tool_choice"] == "none", message="live")
        assert "get_current_time" in str(held(server)["tools"])
        shell.controller.send_text("call get_current_time {}")
        await until(lambda: 'You said: "call get_current_time {}"'
                    in shell.window.transcript.toPlainText(), message="answered without it")
        assert "function_call" not in str(updates(server, "out", "response.output_item.done"))


async def test_the_voice_preview_plays_on_the_speaker_in_the_offline_demo(make_shell):
    shell = await make_shell("--offline")
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, message="the demo")
    shell.open_settings()
    page = shell.settings_dialog.replies
    assert page.preview.isEnabled()
    page.speed.setValue(1.5)
    page.preview.click()
    out = shell.fake.stream("output")
    await until(lambda: out.played and np.abs(np.frombuffer(b"".join(out.played),
                                                            np.int16)).max() > 1000,
                message="heard on the speaker")
    assert shell.controller.session.response_active is False     # no reply was asked for


def test_the_demo_voice_speaks_at_the_sessions_speed():
    from assistant.sim.voice import synthesize

    text = "This sentence is spoken at two speeds."
    assert len(synthesize(text, "marin", speed=1.5)) < 0.8 * len(synthesize(text, "marin"))


async def test_the_preview_is_not_offered_on_a_real_service(make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connected(make_shell, memory_keyring, server)
        shell.open_settings()
        assert not shell.settings_dialog.replies.preview.isEnabled()
        assert "offline demo" in shell.settings_dialog.replies.preview.toolTip()


async def test_a_stored_prompt_taken_out_in_settings_leaves_the_live_session(make_shell,
                                                                            memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connected(make_shell, memory_keyring, server)
        for prompt_id, held_prompt in (("pmpt_live", {"id": "pmpt_live"}), ("", None)):
            shell.open_settings()
            shell.settings_dialog.replies.prompt_id.setText(prompt_id)
            shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
            await until(lambda p=held_prompt: held(server)["prompt"] == p, message=str(prompt_id))
        server.wire.check()
