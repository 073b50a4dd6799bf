"""The organisation's token server against the embedded server as its upstream: it mints with
the standard key and the organisation's session, lets in only allowed callers with the shared
token, limits each caller's rate, says what went wrong upstream, and logs no secret."""

from __future__ import annotations

import argparse
import json
import logging
import time

import aiohttp
import pytest
from aiohttp import web

from assistant.errors import TokenServerAnswer, TokenServerFailed, TokenServerRefused
from assistant.realtime.client_secret import fetch_client_secret
from assistant.sim import SimServer
from assistant.token_server.__main__ import config_from, load_session, parse_args
from assistant.token_server.app import Config
from assistant.token_server.callers import Gate, RateLimit, networks
from tests.token_rig import TokenServer

KEY = "sk-org-standard-key-0123456789"
SHARED = "staff-token-abcdef"
DEFAULTS = {"type": "realtime", "model": "gpt-realtime", "instructions": "Answer in German.",
            "audio": {"output": {"voice": "cedar"}}}


@pytest.fixture
async def upstream():
    async with SimServer(api_key=KEY) as server:
        yield server


def config(server: SimServer, **changes) -> Config:
    values = {"upstream": server.http_url, "api_key": KEY, "session": DEFAULTS,
              "gate": Gate(shared_token=SHARED), "per_minute": 30}
    return Config(**{**values, **changes})


def staff() -> dict[str, str]:
    return {"Authorization": f"Bearer {SHARED}"}


async def test_a_caller_with_the_token_gets_a_secret_for_the_orgs_session(upstream, caplog):
    caplog.set_level(logging.DEBUG)
    async with TokenServer(config(upstream)) as tokens:
        secret = await fetch_client_secret(tokens.url, staff())
        async with aiohttp.ClientSession() as http, \
                http.post(tokens.url, headers=staff()) as response:
            body = await response.json()
    assert secret.value.startswith("ek_") and secret.expires_at > time.time() + 500
    assert body["session"]["instructions"] == "Answer in German."
    assert body["session"]["audio"]["output"]["voice"] == "cedar"
    assert "/v1/realtime/client_secrets -> 200" in caplog.text
    for secret_text in (KEY, SHARED, secret.value, body["value"]):
        assert secret_text not in caplog.text


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": SHARED + "x"}])
async def test_a_caller_without_the_token_is_refused(upstream, headers):
    async with TokenServer(config(upstream)) as tokens:
        with pytest.raises(TokenServerRefused, match="refused this app"):
            await fetch_client_secret(tokens.url, headers)


async def test_an_address_outside_the_allow_list_is_refused(upstream):
    gate = Gate(networks(["10.0.0.0/8"]), SHARED)
    async with TokenServer(config(upstream, gate=gate)) as tokens:
        with pytest.raises(TokenServerRefused, match="HTTP 403"):
            await fetch_client_secret(tokens.url, staff())


async def test_each_caller_is_rate_limited(upstream):
    async with TokenServer(config(upstream, per_minute=2)) as tokens:
        for _ in range(2):
            await fetch_client_secret(tokens.url, staff())
        with pytest.raises(TokenServerFailed, match="HTTP 429") as refused:
            await fetch_client_secret(tokens.url, staff())
        async with aiohttp.ClientSession() as http, \
                http.post(tokens.url, headers=staff()) as response:
            assert response.status == 429 and int(response.headers["Retry-After"]) >= 1
    assert refused.value.retryable


async def test_a_wrong_standard_key_upstream_is_a_502_and_logged_without_it(upstream, caplog):
    caplog.set_level(logging.DEBUG)
    async with TokenServer(config(upstream, api_key="sk-revoked-9876")) as tokens:
        with pytest.raises(TokenServerFailed, match="HTTP 502") as failed:
            await fetch_client_secret(tokens.url, staff())
    assert "refused the organisation's key" in caplog.text and "sk-revoked" not in caplog.text
    assert failed.value.retryable


async def test_an_upstream_that_is_down_is_a_504(upstream):
    async with TokenServer(config(upstream, upstream="http://127.0.0.1:9/v1")) as tokens:
        with pytest.raises(TokenServerFailed, match="HTTP 504"):
            await fetch_client_secret(tokens.url, staff())


async def test_answers_without_a_live_secret_are_clear_errors():
    answers = iter([{"nothing": 1}, {"value": "ek_x", "expires_at": 1000}, "not an object"])

    async def serve(_request: web.Request) -> web.Response:
        return web.json_response(next(answers))

    app = web.Application()
    app.router.add_post("/t", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/t"  # type: ignore[union-attr]
    try:
        with pytest.raises(TokenServerAnswer, match="without a client secret"):
            await fetch_client_secret(url, {})
        with pytest.raises(TokenServerAnswer, match="already expired") as expired:
            await fetch_client_secret(url, {})
        assert expired.value.retryable
        with pytest.raises(TokenServerAnswer):
            await fetch_client_secret(url, {})
    finally:
        await runner.cleanup()


def test_the_rate_limit_refills_over_a_minute():
    now = [0.0]
    limit = RateLimit(6, clock=lambda: now[0])
    assert [limit.take("a") for _ in range(6)] == [0.0] * 6
    assert limit.take("a") == pytest.approx(10.0) and limit.take("b") == 0.0
    now[0] += 10.0
    assert limit.take("a") == 0.0


def test_the_allow_list_and_the_token():
    gate = Gate(networks(["192.168.1.0/24", "::1"]), "t0k", "X-Staff")
    assert gate.address_allowed("192.168.1.7") and gate.address_allowed("::1")
    assert not gate.address_allowed("192.168.2.1") and not gate.address_allowed("nonsense")
    assert gate.token_ok("t0k") and not gate.token_ok("Bearer t0k") and not gate.token_ok(None)
    with pytest.raises(ValueError, match="not an address"):
        networks(["10.0.0.0/33"])


def test_the_command_line_refuses_what_would_not_work(tmp_path):
    args = parse_args(["--ttl", "600"])
    with pytest.raises(ValueError, match="OPENAI_API_KEY"):
        config_from(args, {})
    with pytest.raises(ValueError, match="--ttl"):
        config_from(parse_args(["--ttl", "5"]), {"OPENAI_API_KEY": KEY})
    broken = tmp_path / "session.json"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match="is not JSON"):
        load_session(broken)
    broken.write_text("[1]")
    with pytest.raises(ValueError, match="JSON object"):
        load_session(broken)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"model": "gpt-realtime", "instructions": "Hi."}))
    made = config_from(argparse.Namespace(**{**vars(args), "session": good,
                                             "allow": ["10.1.0.0/16"]}),
                       {"OPENAI_API_KEY": KEY, "TOKEN_SERVER_SHARED_TOKEN": SHARED})
    assert made.session == {"type": "realtime", "model": "gpt-realtime", "instructions": "Hi."}
    assert made.gate.shared_token == SHARED and KEY not in repr(made)
