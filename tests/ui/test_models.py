"""The models' table in use: the defaults are current, reasoning goes only to a model that
reasons, and a retiring or refused model is said in the window with its replacement one click
away; the conversation goes on with it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from assistant import models
from assistant.modes import ConnectionState, ReasoningEffort
from assistant.sim import SimServer
from tests.helpers import until
from tests.oracle import validate

KEY = "sk-test-models-0123456789"


def test_the_table_offers_current_models_and_knows_what_retires():
    assert models.REALTIME_DEFAULT in models.current("realtime")
    assert models.TRANSCRIPTION_DEFAULT in models.current("transcription")
    assert "gpt-realtime" not in models.current("realtime")
    assert not models.gone_on("gpt-realtime", dt.date(2027, 1, 19))
    assert models.gone_on("gpt-realtime", dt.date(2027, 1, 20))
    assert models.gone_on("gpt-4o-mini-transcribe", dt.date(2027, 2, 26))
    assert models.reasons("gpt-realtime-2") and not models.reasons("gpt-realtime-1.5")
    assert not models.reasons("my-azure-deployment")                  # unknown: not sent
    for model in models.MODELS:                   # a replacement is current, of its purpose
        if model.retiring():
            assert models.known(model.replacement).purpose == model.purpose
            assert model.replacement in models.current(model.purpose)


def wire(server: SimServer) -> list[dict]:
    seen: list[dict] = []
    server.on_wire = lambda direction, event, _dialect: seen.append(event) \
        if direction == "in" else None
    return seen


async def connect(make_shell, memory_keyring, server, *args):
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    return await make_shell("--base-url", server.url, "--connect", *args)


async def test_reasoning_is_sent_to_a_reasoning_model_only(make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        seen = wire(server)
        shell = await connect(make_shell, memory_keyring, server, "--model", "gpt-realtime-2")
        c = shell.controller
        c.apply_settings(dataclasses.replace(c.settings, reasoning_effort=ReasoningEffort.HIGH))
        c.connect_()
        await until(lambda: c.session is not None and c.session.configured
                    and server.connections[-1].conversation.session.get("reasoning"))
        update = [e for e in seen if e["type"] == "session.update"][-1]
        validate(update, "client")
        assert update["session"]["reasoning"] == {"effort": "high"}
        assert update["session"]["parallel_tool_calls"] is True
        c.replace_model("gpt-realtime-2", "gpt-realtime-1.5")   # not a reasoning model
        await until(lambda: c.session is not None and c.session.configured
                    and c.session.endpoint.model == "gpt-realtime-1.5")
        update = [e for e in seen if e["type"] == "session.update"][-1]
        assert "reasoning" not in update["session"] and "parallel_tool_calls" not in update[
            "session"]
        assert c.state is ConnectionState.READY


async def test_a_retiring_model_is_said_with_its_date_and_replaced_in_one_click(
        make_shell, memory_keyring):
    async with SimServer(speed=20) as server:
        shell = await connect(make_shell, memory_keyring, server, "--model", "gpt-realtime")
        banner = shell.window.pane.model_banner
        await until(lambda: banner.isVisible(), message="the notice")
        assert "gpt-realtime is retired on" in banner.text() and "gpt-realtime-2" in banner.text()
        assert "January" in banner.text() and "2027" in banner.text()
        banner.linkActivated.emit("use")
        c = shell.controller
        await until(lambda: c.session is not None and c.session.configured
                    and c.session.endpoint.model == "gpt-realtime-2", message="replaced")
        assert not banner.isVisible() and c.settings.model == "gpt-realtime-2"
        assert shell.store.value("model") == "gpt-realtime-2"         # kept for next time


async def test_a_model_the_service_no_longer_serves_is_an_error_with_the_way_out(
        make_shell, memory_keyring):
    day = dt.date(2027, 1, 21)
    async with SimServer(speed=20, as_of=day) as server:
        memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
        shell = await make_shell("--base-url", server.url, "--model", "gpt-realtime-mini")
        c = shell.controller
        c.keeper.owner.today = lambda: day              # the app lives on the server's day
        c.connect_(offline=False)
        await until(lambda: c.state is ConnectionState.ERROR, message="refused")
        assert "does not serve this model" in shell.window.state_label.text()
        assert server.attempts == 1                  # not retried: another try cannot help
        banner = shell.window.pane.model_banner
        assert banner.isVisible() and "was retired on" in banner.text()
        banner.linkActivated.emit("use")
        await until(lambda: c.state is ConnectionState.READY, message="the replacement")
        assert c.session is not None and c.session.endpoint.model == "gpt-realtime-2.1-mini"
        shell.controller.send_text("hello")
        await until(lambda: "hello" in shell.window.transcript.toPlainText())


async def test_a_session_refuses_reasoning_for_a_model_that_does_not_reason():
    from tests.helpers import open_session
    async with SimServer(speed=20) as server:
        session = await open_session(server.url, model="gpt-realtime-1.5")
        errors = session.wait_for("error", 5)
        session.update_session({"type": "realtime", "reasoning": {"effort": "low"}})
        error = (await errors)["error"]
        assert error["param"] == "session.reasoning" and "does not support" in error["message"]
        await session.close()


def test_a_refused_model_is_offered_its_own_replacement_not_the_transcriptions(qapp):
    from assistant.app.connection import model_notice
    from assistant.app.settings import Settings
    settings = Settings(model="my-retired-preview", transcription_model="whisper-1")
    refused = model_notice.unavailable(settings, dt.date(2026, 12, 2))
    assert (refused.model, refused.replacement) == ("my-retired-preview", models.REALTIME_DEFAULT)
    retiring = model_notice.retiring(settings, dt.date(2026, 12, 2))
    assert retiring is not None and (retiring.model, retiring.replacement) == (
        "whisper-1", "gpt-live-transcribe")
