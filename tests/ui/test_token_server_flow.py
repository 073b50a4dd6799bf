"""An organisation's set-up, end to end: the app asks the token server for a client secret
before each connection (and each reconnect), the token server mints it upstream with the
standard key, and the app talks to the Realtime server with the secret, over either transport.
The standard key never reaches the app's side: not its keyring, settings, log or any file it
writes. A refused caller, a secret that expired and a token server that is down are sentences in
the window, not tracebacks."""

from __future__ import annotations

import logging

import pytest

from assistant.logging_setup import setup_logging
from assistant.modes import ConnectionState, SessionMode
from assistant.sim import SimServer
from assistant.token_server.app import Config
from assistant.token_server.policy import load_policy
from tests.helpers import WireLog, until
from tests.secrets_scan import leaks
from tests.token_rig import TokenServer, authenticator, policy_file

ORG_KEY = "sk-org-standard-key-4d6f1e2a9b"
STAFF_TOKEN = "staff-token-7c1e0b"
ACCOUNT = ("voice-assistant", "token-server:127.0.0.1")


def secrets_minted(server: SimServer) -> list[str]:
    return list(server.secrets._minted)


@pytest.mark.parametrize("transport", ["websocket", "webrtc"])
async def test_the_app_talks_with_minted_secrets_and_never_holds_the_key(
        transport, make_shell, memory_keyring, tmp_path):
    log_path = setup_logging(logging.DEBUG, tmp_path / "logs")
    memory_keyring[ACCOUNT] = STAFF_TOKEN
    async with SimServer(api_key=ORG_KEY, speed=20) as upstream, \
            TokenServer(Config(upstream.http_url, ORG_KEY,
                               auth=authenticator(tmp_path, {"staff": STAFF_TOKEN}))) as tokens:
        upstream.on_wire = upstream.wire = WireLog()
        shell = await make_shell("--base-url", upstream.url, "--token-server", tokens.url,
                                 "--transport", transport)
        c = shell.controller
        await until(lambda: c.state == ConnectionState.READY and c.session is not None
                    and c.session.configured, timeout=15, message="connected with a secret")
        assert shell.key_dialog is None or not shell.key_dialog.isVisible()
        assert c.session.endpoint.ephemeral and c.session.carries_audio == (transport == "webrtc")
        first = c.session.endpoint.api_key
        assert first in secrets_minted(upstream)
        c.send_text("hello from the staff")
        await until(lambda: 'You said: "hello from the staff".' in shell.window.transcript.turns(),
                    timeout=15, message="the answer")
        [conn] = upstream.connections
        await conn.wire.close(1011, "server restart")           # a reconnect: a fresh secret
        await until(lambda: c.keeper.reconnects == 1 and c.state == ConnectionState.READY
                    and c.session is not None, timeout=20, message="reconnected")
        assert c.session.endpoint.api_key not in (first, "") and len(secrets_minted(upstream)) == 2
        await c.shutdown()
        upstream.wire.check()
    logging.getLogger().handlers[-1].flush()
    assert set(memory_keyring) == {ACCOUNT}                      # the header value, no key
    settings_text = shell.store_path.read_text() if shell.store_path.exists() else ""
    for where, text in (("settings", settings_text), ("log", log_path.read_text()),
                        ("inspector", shell.window.inspector.all_text())):
        for secret in (ORG_KEY, STAFF_TOKEN):
            assert secret not in text, (where, [ln for ln in text.splitlines() if secret in ln])
    assert leaks(ORG_KEY, tmp_path) == [] and leaks(STAFF_TOKEN, tmp_path) == []


async def test_a_refused_caller_is_told_in_the_window(make_shell, memory_keyring, tmp_path):
    memory_keyring[ACCOUNT] = "not-the-staff-token"
    async with SimServer(api_key=ORG_KEY) as upstream, \
            TokenServer(Config(upstream.http_url, ORG_KEY,
                               auth=authenticator(tmp_path, {"staff": STAFF_TOKEN}))) as tokens:
        shell = await make_shell("--base-url", upstream.url, "--token-server", tokens.url)
        await until(lambda: shell.controller.state == ConnectionState.ERROR, message="refused")
        assert "refused this app (HTTP 401)" in shell.window.state_label.text()
        assert upstream.attempts == 0 and not secrets_minted(upstream)


async def test_an_expired_secret_and_a_token_server_that_is_down_are_sentences(
        make_shell, memory_keyring):
    async with SimServer(api_key=ORG_KEY) as upstream:
        shell = await make_shell("--base-url", upstream.url, "--token-server",
                                 "http://127.0.0.1:9/v1/realtime/client_secrets")
        await until(lambda: shell.controller.state == ConnectionState.ERROR, message="down")
        said = shell.window.state_label.text()
        assert "Cannot reach 127.0.0.1:9/v1/realtime/client_secrets" in said
        async with TokenServer(Config(upstream.http_url, ORG_KEY, ttl_s=10)) as tokens:
            ticks = iter(range(4_000_000_000, 5_000_000_000, 1000))
            upstream.secrets.clock = lambda: float(next(ticks))  # gone by its first use
            shell.controller.settings.token_server_url = tokens.url
            shell.controller.connect_(offline=False)
            await until(lambda: "may have expired" in shell.window.state_label.text(),
                        message="expired")
            assert shell.controller.state == ConnectionState.ERROR


ORG_TOOL = {"type": "function", "name": "look_up_order", "description": "An order's status.",
            "parameters": {"type": "object", "properties": {}}}
POLICY = {"realtime": {"session": {"model": "gpt-realtime-2",
                                   "instructions": "You are the help desk of Example Ltd.",
                                   "tools": [ORG_TOOL]},
                       "fixed": ["model", "instructions", "tools"]},
          "transcription": {"session": {"audio": {"input": {"transcription": {
              "model": "gpt-transcribe"}}}}, "fixed": ["transcription"]},
          "translation": {"session": {"model": "gpt-realtime-translate"}, "fixed": ["model"]}}


async def test_the_organisations_fixed_session_is_what_the_server_has_in_every_mode(
        make_shell, memory_keyring, tmp_path):
    memory_keyring[ACCOUNT] = STAFF_TOKEN
    config = Config("", ORG_KEY, auth=authenticator(tmp_path, {"staff": STAFF_TOKEN}),
                    policy=load_policy(policy_file(tmp_path, POLICY)))
    async with SimServer(api_key=ORG_KEY, speed=20) as upstream:
        config.upstream = upstream.http_url
        async with TokenServer(config) as tokens:
            upstream.on_wire = upstream.wire = WireLog()
            shell = await make_shell("--base-url", upstream.url, "--token-server", tokens.url,
                                     "--model", "gpt-realtime-1.5")
            c = shell.controller
            await until(lambda: c.session is not None and c.session.configured, timeout=15,
                        message="a conversation through the token server")
            held = upstream.connections[0].conversation.session
            assert held["instructions"] == "You are the help desk of Example Ltd."
            assert [tool["name"] for tool in held["tools"]] == ["look_up_order"]
            assert held["model"] == "gpt-realtime-2" and c.session.endpoint.model == \
                "gpt-realtime-2"
            sent = [e for d, e, _ in upstream.wire.events if d == "in"
                    and e["type"] == "session.update"]
            assert sent and all("instructions" not in e["session"] and "tools" not in
                                e["session"] for e in sent)
            assert held["audio"]["output"]["voice"] == c.settings.voice   # not fixed: the app's
            shell.open_settings()
            dialog = shell.settings_dialog
            assert not dialog.general.instructions.isEnabled()
            assert "organisation" in dialog.general.model.toolTip()
            assert dialog.replies.voice.isEnabled()
            dialog.reject()
            for mode, kind in ((SessionMode.DICTATION, "transcription"),
                               (SessionMode.INTERPRETER, "translation")):
                c.set_session_mode(mode)
                await until(lambda k=kind: c.session is not None and c.session.configured
                            and upstream.connections
                            and upstream.connections[-1].conversation.kind == k, timeout=15,
                            message=kind + " through the token server")
                assert c.session.endpoint.ephemeral
            dictation = [s for s in upstream.secrets._minted.values()
                         if s.session.get("type") == "transcription"]
            assert dictation[0].session["audio"]["input"]["transcription"]["model"] == \
                "gpt-transcribe"
            upstream.wire.check()
