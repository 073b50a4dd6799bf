"""The token server's HTTP side (aiohttp). `POST /v1/realtime/client_secrets` (a conversation,
or with `{"session": {"type": "transcription"}}` a transcription for dictation) and
`POST /v1/realtime/translations/client_secrets` answer an authenticated caller with a fresh
client secret, minted upstream with the organisation's key for the session its policy grants
that caller, and the list of fields the policy fixes. `GET /healthz` says it is up.

Every request is checked in this order: where it comes from (address, Host, origin, a JSON
body), how often that address has asked (a refused token counts too), who is asking, what the
policy grants them. One audit line per request; never a key, a secret or a token in any log.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from assistant.token_server.audit import Audit, model_of
from assistant.token_server.identity import Authenticator, Caller
from assistant.token_server.limits import Limiter, RateLimit
from assistant.token_server.origins import Origins
from assistant.token_server.policy import Kind, Policy

log = logging.getLogger("assistant.token_server")
PATH = "/v1/realtime/client_secrets"
TRANSLATION_PATH = "/v1/realtime/translations/client_secrets"
ANONYMOUS = Caller("anonymous")


@dataclass
class Config:
    upstream: str                                # e.g. https://api.openai.com/v1
    api_key: str = field(repr=False)             # the organisation's standard key
    auth: Authenticator = field(default_factory=Authenticator)   # none: --no-auth (loopback)
    policy: Policy = field(default_factory=Policy)
    origins: Origins = field(default_factory=Origins)
    limiter: Limiter = field(default_factory=lambda: RateLimit(30))
    audit: Audit = field(default_factory=Audit)
    ttl_s: int = 600
    timeout_s: float = 10.0
    header: str = "Authorization"                # where the caller's token comes
    tls: ssl.SSLContext | None = field(default=None, repr=False)   # served with (None: HTTP)


class Refusal(Exception):
    def __init__(self, status: int, message: str, outcome: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.outcome, self.headers = status, outcome, headers


def make_app(config: Config) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    http: dict[str, aiohttp.ClientSession] = {}

    async def open_client(app: web.Application) -> None:
        http["session"] = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=config.timeout_s))

    async def close_client(app: web.Application) -> None:
        await http["session"].close()
        await config.limiter.close()

    async def mint(request: web.Request) -> web.Response:
        started = time.monotonic()
        response = await _answer(request, config, http["session"])
        log.info("%s -> %d (%.0f ms)", request.path, response.status,
                 (time.monotonic() - started) * 1000)
        response.headers.update(config.origins.cors_headers(request.headers.get("Origin")))
        return response

    async def preflight(request: web.Request) -> web.Response:
        allowed = config.origins.cors_headers(request.headers.get("Origin"))
        return web.Response(status=204 if allowed else 403, headers=allowed)

    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app.on_startup.append(open_client)
    app.on_cleanup.append(close_client)
    for path in (PATH, TRANSLATION_PATH):
        app.router.add_post(path, mint)
        app.router.add_route("OPTIONS", path, preflight)
    app.router.add_get("/healthz", health)
    return app


async def _answer(request: web.Request, config: Config,
                  http: aiohttp.ClientSession) -> web.Response:
    address = config.origins.client(request.remote, request.headers.get("X-Forwarded-For"))
    caller: Caller | None = None
    kind: Kind = "translation" if request.path == TRANSLATION_PATH else "realtime"
    session: dict[str, Any] = {}
    try:
        refused = config.origins.refusal(address, request.host, request.headers.get("Origin"),
                                         request.content_type)
        if refused is not None:
            raise Refusal(*refused, "refused: origin")
        wait = await config.limiter.take(address)
        if wait > 0:
            raise Refusal(429, "Too many requests; try again shortly.", "refused: rate",
                          {"Retry-After": str(max(1, round(wait)))})
        caller = await _caller(request, config)
        kind, session, fixed = await _granted(request, config, caller, kind)
        minted = await _mint(http, config, kind, session)
    except Refusal as refusal:
        config.audit.record(who=caller.name if caller else None, address=address, kind=kind,
                            model=model_of(session), outcome=refusal.outcome,
                            status=refusal.status)
        return _error(refusal.status, str(refusal), refusal.headers)
    config.audit.record(who=caller.name, address=address, kind=kind,
                        model=model_of(minted.get("session") or session), outcome="minted",
                        status=200)
    return web.json_response({**{key: minted[key] for key in ("value", "expires_at", "session")
                                 if key in minted}, "fixed": list(fixed)})


async def _caller(request: web.Request, config: Config) -> Caller:
    if not config.auth.configured:
        return ANONYMOUS
    caller = await config.auth.who(request.headers.get(config.header))
    if caller is None:
        raise Refusal(401, f"A valid {config.header} header is required.", "refused: who")
    return caller


async def _granted(request: web.Request, config: Config, caller: Caller,
                   kind: Kind) -> tuple[Kind, dict[str, Any], tuple[str, ...]]:
    """The kind asked for, the session to mint and the fixed fields; Refusal otherwise."""
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise Refusal(400, "The body is not JSON.", "refused: body") from None
    asked = body.get("session") if isinstance(body, dict) else None
    asked = asked if isinstance(asked, dict) else {}
    if kind != "translation":
        kind = "transcription" if asked.get("type") == "transcription" else "realtime"
    grant = config.policy.grant(caller, kind)
    if grant is None:
        raise Refusal(403, f"The organisation does not allow {kind} sessions for "
                           f"{caller.name}.", "refused: policy")
    session = dict(grant.session)
    if kind != "transcription" and "model" not in grant.fixed and isinstance(
            asked.get("model"), str):
        session["model"] = asked["model"]            # the person's choice, where it is theirs
    if kind != "translation":
        session["type"] = kind
    elif not isinstance(session.get("model"), str):
        raise Refusal(400, "Name the translation model (or fix one in the policy).",
                      "refused: body")
    return kind, session, grant.fixed


async def _mint(http: aiohttp.ClientSession, config: Config, kind: Kind,
                session: dict[str, Any]) -> dict[str, Any]:
    path = "/realtime/translations/client_secrets" if kind == "translation" \
        else "/realtime/client_secrets"
    body = {"expires_after": {"anchor": "created_at", "seconds": config.ttl_s},
            "session": session}
    try:
        async with http.post(config.upstream.rstrip("/") + path, json=body,
                             headers={"Authorization": f"Bearer {config.api_key}"}) as upstream:
            if upstream.status in (401, 403):
                log.error("the upstream refused the organisation's key (HTTP %d)",
                          upstream.status)
                raise Refusal(502, "The upstream refused the organisation's key.",
                              "failed: upstream key")
            if upstream.status != 200:
                log.warning("the upstream answered HTTP %d: %s", upstream.status,
                            (await upstream.text())[:300])
                raise Refusal(502, f"The upstream answered HTTP {upstream.status}.",
                              f"failed: upstream {upstream.status}")
            minted = await upstream.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, json.JSONDecodeError) as exc:
        log.warning("the upstream could not be asked: %s", type(exc).__name__)
        raise Refusal(504, "The upstream could not be reached.", "failed: upstream") from None
    if not isinstance(minted, dict) or not isinstance(minted.get("value"), str):
        raise Refusal(502, "The upstream answered without a client secret.",
                      "failed: upstream answer")
    return minted


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": {"message": message}}, status=status, headers=headers)
