"""Ephemeral keys at the embedded server, asked for by the official openai SDK as the foreign
client it is: minted with the standard key (GA and the older shape), honoured until they
expire, refused after; and WebRTC calls opened with `client.realtime.calls.create`, in both of
the forms OpenAI takes."""

from __future__ import annotations

import asyncio

import aiohttp
import openai
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from openai import AsyncOpenAI

from assistant.errors import ClientSecretRefused
from assistant.realtime.client_secret import parse_secret
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.sim import SimServer
from tests import oracle

KEY = "sk-org-standard-key"
SESSION = {"type": "realtime", "model": "gpt-realtime", "instructions": "Be brief.",
           "audio": {"output": {"voice": "cedar"}}}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def org():
    clock = Clock()
    async with SimServer(api_key=KEY, clock=clock) as server:
        server.clock = clock
        yield server


def sdk(server: SimServer, key: str = KEY) -> AsyncOpenAI:
    return AsyncOpenAI(api_key=key, base_url=server.http_url, max_retries=0)


async def test_the_sdk_mints_a_secret_that_opens_a_session_with_its_settings(org):
    secret = await sdk(org).realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 60}, session=SESSION)
    assert secret.value.startswith("ek_") and secret.expires_at == int(org.clock.now) + 60
    assert secret.session.type == "realtime" and secret.session.instructions == "Be brief."
    session = RealtimeSession(Endpoint(base_url=org.url, api_key=secret.value, ephemeral=True))
    created = await session.connect(timeout=5)
    oracle.validate(created, "server")
    assert created["session"]["instructions"] == "Be brief."
    assert created["session"]["audio"]["output"]["voice"] == "cedar"
    await session.close()


async def test_a_secret_is_refused_once_it_expires(org):
    secret = await sdk(org).realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 10}, session=SESSION)
    org.clock.now += 10
    session = RealtimeSession(Endpoint(base_url=org.url, api_key=secret.value, ephemeral=True))
    with pytest.raises(ClientSecretRefused, match="may have expired"):
        await session.connect(timeout=5)


@pytest.mark.parametrize("key", ["sk-wrong", "ek_not_minted_here"])
async def test_minting_needs_the_standard_key(org, key):
    with pytest.raises(openai.AuthenticationError):
        await sdk(org, key).realtime.client_secrets.create(session=SESSION)


async def test_a_secret_cannot_mint_another(org):
    secret = await sdk(org).realtime.client_secrets.create(session=SESSION)
    with pytest.raises(openai.AuthenticationError):
        await sdk(org, secret.value).realtime.client_secrets.create(session=SESSION)


@pytest.mark.parametrize("seconds", [9, 7201])
async def test_a_lifetime_outside_10_s_to_2_h_is_refused(org, seconds):
    with pytest.raises(openai.BadRequestError):
        await sdk(org).realtime.client_secrets.create(
            expires_after={"anchor": "created_at", "seconds": seconds}, session=SESSION)


async def test_an_unknown_session_field_is_refused(org):
    with pytest.raises(openai.BadRequestError):
        await sdk(org).realtime.client_secrets.create(
            session={"type": "realtime", "modalities": ["audio"]})     # beta's name


async def test_the_older_sessions_endpoint_gives_a_one_minute_secret(org):
    async with aiohttp.ClientSession() as http, http.post(
            f"{org.http_url}/realtime/sessions", json={"model": "gpt-realtime", "voice": "ash"},
            headers={"Authorization": f"Bearer {KEY}"}) as response:
        body = await response.json()
    secret = parse_secret(body)
    assert secret is not None and secret.expires_at == int(org.clock.now) + 60
    assert body["voice"] == "ash" and secret.value.startswith("ek_")


async def offer() -> tuple[RTCPeerConnection, str, asyncio.Event, list]:
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    pc.addTransceiver("audio", direction="sendrecv")
    channel = pc.createDataChannel("oai-events")
    opened, messages = asyncio.Event(), []
    channel.on("open", opened.set)
    channel.on("message", messages.append)
    await pc.setLocalDescription(await pc.createOffer())
    return pc, pc.localDescription.sdp, opened, messages


@pytest.mark.parametrize("with_session", [False, True])
async def test_the_sdk_opens_a_call_with_a_secret(org, with_session):
    import json

    secret = await sdk(org).realtime.client_secrets.create(session=SESSION)
    pc, sdp, opened, messages = await offer()
    extra = {"session": {"type": "realtime", "instructions": "Be briefer."}} \
        if with_session else {}
    response = await sdk(org, secret.value).realtime.calls.with_raw_response.create(sdp=sdp,
                                                                                  **extra)
    assert response.status_code == 201
    assert response.headers["location"].startswith("/v1/realtime/calls/rtc_")
    await pc.setRemoteDescription(RTCSessionDescription(response.content.decode(), "answer"))
    await asyncio.wait_for(opened.wait(), 10)
    while not messages:
        await asyncio.sleep(0.01)
    created = json.loads(messages[0])
    oracle.validate(created, "server")
    assert created["session"]["instructions"] == ("Be briefer." if with_session
                                                  else "Be brief.")
    await pc.close()


@pytest.mark.parametrize("body, content_type", [("not an offer", "application/sdp"),
                                                 ("", "application/sdp")])
async def test_a_bad_offer_is_a_400(org, body, content_type):
    async with aiohttp.ClientSession() as http, http.post(
            f"{org.http_url}/realtime/calls", data=body,
            headers={"Authorization": f"Bearer {KEY}", "Content-Type": content_type}) as r:
        assert r.status == 400 and "SDP" in (await r.json())["error"]["message"]


async def test_a_call_without_the_key_is_a_401(org):
    pc, sdp, _opened, _messages = await offer()
    with pytest.raises(openai.AuthenticationError):
        await sdk(org, "sk-wrong").realtime.calls.create(sdp=sdp)
    await pc.close()
    assert not org.calls or not org.calls.calls
