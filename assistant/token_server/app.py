"""The token server's HTTP side (aiohttp): `POST /v1/realtime/client_secrets` answers with a
fresh client secret minted upstream with the organisation's key and session defaults.

It logs one line per request (caller, outcome, time taken) and never a key, a secret or a
caller's token.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from assistant.token_server.callers import Gate, RateLimit

log = logging.getLogger("assistant.token_server")
PATH = "/v1/realtime/client_secrets"


@dataclass
class Config:
    upstream: str                                # e.g. https://api.openai.com/v1
    api_key: str = field(repr=False)             # the organisation's standard key
    session: dict[str, Any] = field(default_factory=lambda: {"type": "realtime"})
    ttl_s: int = 600
    gate: Gate = field(default_factory=Gate)
    per_minute: int = 30
    timeout_s: float = 10.0


def make_app(config: Config) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    limits = RateLimit(config.per_minute)
    http: dict[str, aiohttp.ClientSession] = {}

    async def open_client(app: web.Application) -> None:
        http["session"] = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=config.timeout_s))

    async def close_client(app: web.Application) -> None:
        await http["session"].close()

    async def mint(request: web.Request) -> web.Response:
        started, caller = time.monotonic(), request.remote or "?"
        response = await _answer(request, config, limits, http["session"])
        log.info("%s %s -> %d (%.0f ms)", caller, request.path, response.status,
                 (time.monotonic() - started) * 1000)
        return response

    async def health(request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    app.on_startup.append(open_client)
    app.on_cleanup.append(close_client)
    app.router.add_post(PATH, mint)
    app.router.add_get("/healthz", health)
    return app


async def _answer(request: web.Request, config: Config, limits: RateLimit,
                  http: aiohttp.ClientSession) -> web.Response:
    gate = config.gate
    if not gate.address_allowed(request.remote):
        return _error(403, "This address may not ask for client secrets.")
    if not gate.token_ok(request.headers.get(gate.header)):
        return _error(401, f"A valid {gate.header} header is required.")
    wait = limits.take(request.remote or "?")
    if wait > 0:
        return _error(429, "Too many requests; try again shortly.",
                      {"Retry-After": str(max(1, round(wait)))})
    body = {"expires_after": {"anchor": "created_at", "seconds": config.ttl_s},
            "session": config.session}
    try:
        async with http.post(f"{config.upstream.rstrip('/')}/realtime/client_secrets",
                             json=body,
                             headers={"Authorization": f"Bearer {config.api_key}"}) as upstream:
            if upstream.status in (401, 403):
                log.error("the upstream refused the organisation's key (HTTP %d)",
                          upstream.status)
                return _error(502, "The upstream refused the organisation's key.")
            if upstream.status != 200:
                log.warning("the upstream answered HTTP %d", upstream.status)
                return _error(502, f"The upstream answered HTTP {upstream.status}.")
            minted = await upstream.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        log.warning("the upstream could not be asked: %s", type(exc).__name__)
        return _error(504, "The upstream could not be reached.")
    if not isinstance(minted, dict) or not isinstance(minted.get("value"), str):
        return _error(502, "The upstream answered without a client secret.")
    return web.json_response({key: minted[key] for key in ("value", "expires_at", "session")
                              if key in minted})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": {"message": message}}, status=status, headers=headers)
