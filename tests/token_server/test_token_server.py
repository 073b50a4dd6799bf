"""The organisation's token server against the embedded server as its upstream: it mints with the
standard key for the session its policy grants the person asking, knows who asks (a person's
token from the tokens file), refuses requests from where they should not come, limits how often
an address may ask (refused tokens count), audits every request and logs no secret."""

from __future__ import annotations

import asyncio
import json
import logging
import time

import aiohttp
import pytest
from aiohttp import web

from assistant.errors import TokenServerAnswer, TokenServerFailed, TokenServerRefused
from assistant.realtime.client_secret import fetch_client_secret, secret_request
from assistant.sim import SimServer
from assistant.token_server.app import TRANSLATION_PATH, Config
from assistant.token_server.audit import Audit
from assistant.token_server.limits import RateLimit
from assistant.token_server.origins import Origins, networks
from assistant.token_server.policy import load_policy
from tests.token_rig import TokenServer, authenticator, policy_file

KEY = "sk-org-standard-key-0123456789"
ADA, BOB = "ada-token-abcdef0123", "bob-token-9876543210"
POLICY = {"realtime": {"session": {"model": "gpt-realtime-2", "instructions": "Answer in German.",
                                   "audio": {"output": {"voice": "cedar"}}},
                       "fixed": ["instructions", "voice"]},
          "translation": {"session": {"model": "gpt-realtime-translate"}, "fixed": ["model"]},
          "people": {"bob": {"translation": None}}}


@pytest.fixture
async def upstream():
    async with SimServer(api_key=KEY) as server:
        yield server


@pytest.fixture
def org(upstream, tmp_path):
    """The organisation's Config; keyword changes on top."""
    def make(**changes) -> Config:
        values = {"upstream": upstream.http_url, "api_key": KEY,
                  "auth": authenticator(tmp_path, {"ada": ADA, "bob": BOB}),
                  "policy": load_policy(policy_file(tmp_path, POLICY)),
                  "audit": Audit(tmp_path / "audit.jsonl"), "limiter": RateLimit(30)}
        return Config(**{**values, **changes})
    return make


def person(token: str = ADA) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def post(url: str, headers: dict[str, str] | None = None, data: bytes | None = None,
               json_body: object = None) -> tuple[int, dict, dict]:
    async with aiohttp.ClientSession() as http, http.post(
            url, headers=headers or {}, data=data,
            json=json_body if data is None else None) as response:
        body = await response.json(content_type=None)
        return response.status, body, dict(response.headers)


async def test_a_person_gets_a_secret_for_the_session_the_policy_grants(org, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    async with TokenServer(org()) as tokens:
        url, body = secret_request(tokens.url, "realtime", "gpt-realtime-2")
        secret = await fetch_client_secret(url, person(), body)
    assert secret.value.startswith("ek_") and secret.expires_at > time.time() + 500
    assert secret.session["instructions"] == "Answer in German."
    assert secret.session["audio"]["output"]["voice"] == "cedar"
    assert secret.fixed == {"instructions", "voice"}
    [line] = [json.loads(text) for text in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert (line["who"], line["kind"], line["model"], line["outcome"]) == (
        "ada", "realtime", "gpt-realtime-2", "minted")
    audited = (tmp_path / "audit.jsonl").read_text()
    for secret_text in (KEY, ADA, secret.value):
        assert secret_text not in caplog.text and secret_text not in audited
    assert oct((tmp_path / "audit.jsonl").stat().st_mode & 0o777) == "0o600"


async def test_every_kind_of_session_is_minted_as_its_own_kind(org, upstream):
    async with TokenServer(org()) as tokens:
        secrets = {}
        for kind, model in (("realtime", ""), ("transcription", ""),
                            ("translation", "gpt-realtime-translate")):
            url, body = secret_request(tokens.url, kind, model)
            secrets[kind] = await fetch_client_secret(url, person(), body)
        assert url == tokens.base + TRANSLATION_PATH
        assert secrets["transcription"].session["type"] == "transcription"
        assert secrets["translation"].session["model"] == "gpt-realtime-translate"
        with pytest.raises(TokenServerRefused, match="HTTP 403"):     # bob may not translate
            await fetch_client_secret(url, person(BOB), body)
    kinds = {kind: upstream.secrets._minted[s.value].session.get("type")
             for kind, s in secrets.items()}
    assert kinds == {"realtime": "realtime", "transcription": "transcription",
                     "translation": "translation"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": ADA + "x"}])
async def test_a_caller_without_a_persons_token_is_refused(org, headers):
    async with TokenServer(org()) as tokens:
        with pytest.raises(TokenServerRefused, match="refused this app"):
            await fetch_client_secret(tokens.url, headers)


async def test_a_person_removed_from_the_tokens_file_is_refused_at_once(org, tmp_path):
    async with TokenServer(org()) as tokens:
        await fetch_client_secret(tokens.url, person(BOB))
        path = tmp_path / "tokens"
        path.write_text("\n".join(line for line in path.read_text().splitlines()
                                  if not line.startswith("bob ")) + "\n")
        with pytest.raises(TokenServerRefused, match="HTTP 401"):
            await fetch_client_secret(tokens.url, person(BOB))
        await fetch_client_secret(tokens.url, person(ADA))


async def test_forty_wrong_tokens_are_slowed_down_and_the_right_one_works_after(org):
    now = [1000.0]
    async with TokenServer(org(limiter=RateLimit(30, clock=lambda: now[0]))) as tokens:
        statuses = [(await post(tokens.url, person("guess"), json_body={}))[0]
                    for _ in range(40)]
        assert statuses[:30] == [401] * 30 and set(statuses[30:]) == {429}
        status, _body, headers = await post(tokens.url, person(), json_body={})
        assert status == 429 and int(headers["Retry-After"]) >= 1
        now[0] += 60.0                                  # the window has passed
        assert (await post(tokens.url, person(), json_body={}))[0] == 200


async def test_requests_from_where_they_should_not_come_are_refused(org):
    origins = Origins(hosts=("127.0.0.1", "tokens.example.org"), cors=("https://app.example",))
    async with TokenServer(org(origins=origins)) as tokens:
        rebinding = {**person(), "Host": "attacker.example"}
        assert (await post(tokens.url, rebinding, json_body={}))[0] == 421
        assert (await post(tokens.url, {**person(), "Host": "tokens.example.org"},
                           json_body={}))[0] == 200
        simple = {**person(), "Content-Type": "text/plain"}
        assert (await post(tokens.url, simple, data=b'{"session": {}}'))[0] == 415
        stranger = {**person(), "Origin": "https://evil.example"}
        assert (await post(tokens.url, stranger, json_body={}))[0] == 403
        friend = {**person(), "Origin": "https://app.example"}
        status, _body, headers = await post(tokens.url, friend, json_body={})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
        async with aiohttp.ClientSession() as http:
            async with http.options(tokens.url, headers={"Origin": "https://app.example"}) as ok:
                assert ok.status == 204 and "POST" in ok.headers["Access-Control-Allow-Methods"]
            async with http.options(tokens.url, headers={"Origin": "https://evil.example"}) as no:
                assert no.status == 403


async def test_forwarded_addresses_count_only_from_trusted_proxies(org):
    limiter = RateLimit(2)
    origins = Origins(proxies=networks(["127.0.0.1"]))
    async with TokenServer(org(limiter=limiter, origins=origins)) as tokens:
        for client in ("203.0.113.5", "203.0.113.6"):
            for _ in range(2):        # each client its own bucket, though all come via the proxy
                headers = {**person(), "X-Forwarded-For": f"198.51.100.1, {client}"}
                assert (await post(tokens.url, headers, json_body={}))[0] == 200
    assert set(limiter._buckets) == {"203.0.113.5", "203.0.113.6"}
    untrusted = Origins(proxies=networks(["10.0.0.0/8"]))
    assert untrusted.client("127.0.0.1", "203.0.113.5") == "127.0.0.1"


async def test_a_header_that_is_not_utf8_is_a_401_not_a_crash(org):
    async with TokenServer(org()) as tokens:
        port = int(tokens.base.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /v1/realtime/client_secrets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nAuthorization: Bearer \xff\xfe\x80\r\n"
                     b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
        await writer.drain()
        answer = await reader.read()
        writer.close()
    assert answer.startswith(b"HTTP/1.1 401"), answer[:80]


async def test_upstream_failures_are_said_and_logged_without_the_key(org, caplog):
    caplog.set_level(logging.DEBUG)
    async with TokenServer(org(api_key="sk-revoked-9876")) as tokens:
        with pytest.raises(TokenServerFailed, match="HTTP 502") as failed:
            await fetch_client_secret(tokens.url, person())
    assert "refused the organisation's key" in caplog.text and "sk-revoked" not in caplog.text
    assert failed.value.retryable
    async with TokenServer(org(upstream="http://127.0.0.1:9/v1")) as tokens:
        with pytest.raises(TokenServerFailed, match="HTTP 504"):
            await fetch_client_secret(tokens.url, person())


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


def test_the_rate_limit_refills_over_a_minute_and_forgets_full_buckets():
    now = [0.0]
    limit = RateLimit(6, clock=lambda: now[0])
    assert [limit.take_now("a") for _ in range(6)] == [0.0] * 6
    assert limit.take_now("a") == pytest.approx(10.0) and limit.take_now("b") == 0.0
    now[0] += 10.0
    assert limit.take_now("a") == 0.0
    for n in range(3000):                    # many one-off callers: swept, not kept forever
        now[0] += 120.0 if n == 1500 else 0.0
        limit.take_now(f"c{n}")
    assert len(limit) <= 1500


@pytest.mark.parametrize(("path", "session", "model_name"), [
    ("/realtime/client_secrets", {"type": "transcription"}, "ClientSecretCreateResponse"),
    ("/realtime/translations/client_secrets", {"model": "gpt-realtime-translate"},
     "RealtimeTranslationClientSecretCreateResponse")])
async def test_the_upstreams_secrets_of_each_kind_are_the_services_shape(upstream, path, session,
                                                                        model_name):
    import openai.types.realtime as ga

    status, body, _headers = await post(upstream.http_url + path,
                                        {"Authorization": f"Bearer {KEY}"},
                                        json_body={"session": session})
    assert status == 200
    getattr(ga, model_name).model_validate(body, strict=False)
    assert body["session"]["type"] == ("transcription" if "type" in session else "translation")
