"""Asking a token server for a client secret (an ephemeral key) before each connection.

The organisation's server holds the standard key; the app holds only what this returns. Both
answers OpenAI has given are taken: GA's `{"value", "expires_at", "session"}` and the older
`{"client_secret": {"value", "expires_at"}, ...}`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import (
    ConfigError,
    EndpointUnreachable,
    TokenServerAnswer,
    TokenServerFailed,
    TokenServerRefused,
)
from assistant.realtime.endpoint import place_of
from assistant.realtime.transport import describe_os_error
from assistant.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ClientSecret:
    value: str = field(repr=False)
    expires_at: float                 # seconds since the epoch
    session: dict[str, Any] = field(default_factory=dict, repr=False)   # what it was minted for
    fixed: frozenset[str] = frozenset()   # the fields the organisation fixed (our token server)


def secret_request(token_server_url: str, kind: str, model: str = "") -> tuple[str, dict[str,
                                                                                        Any]]:
    """Where to ask for a secret of this kind (realtime, transcription, translation) and what:
    translation has its own endpoint beside the other two (`.../translations/client_secrets`),
    as OpenAI's; the model asked for counts where the organisation left it to the person."""
    url = token_server_url.strip()
    if kind == "translation":
        head, _, _tail = url.rstrip("/").rpartition("/client_secrets")
        return (head + "/translations/client_secrets" if head else url), {
            "session": {"model": model}}
    session: dict[str, Any] = {"type": kind}
    if kind == "realtime" and model:
        session["model"] = model
    return url, {"session": session}


async def fetch_client_secret(url: str, headers: dict[str, str], body: dict[str, Any] | None = None,
                              timeout: float = 10.0, now: float | None = None) -> ClientSecret:
    """POST to the token server; raise a typed `AssistantError` for every way it can fail."""
    import aiohttp  # here: a user without a token server does not pay for its import

    place = place_of(url)
    if urlsplit(url.strip()).scheme not in ("http", "https"):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "'{url}' is not an http:// or https:// "
                                                      "URL."), url=url)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http, \
                http.post(url.strip(), json=body or {}, headers=headers) as response:
            if response.status in (401, 403):
                raise TokenServerRefused(place, response.status)
            if response.status != 200 and response.status != 201:
                raise TokenServerFailed(place, response.status)
            body = await response.json(content_type=None)
    except (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError) as exc:
        raise EndpointUnreachable(place, describe_os_error(getattr(exc, "os_error", exc))) \
            from None
    except TimeoutError:
        raise EndpointUnreachable(place, QT_TRANSLATE_NOOP("Errors", "no answer in time")) \
            from None
    except (aiohttp.ClientError, ValueError):
        raise TokenServerAnswer(place) from None
    secret = parse_secret(body)
    if secret is None:
        raise TokenServerAnswer(place)
    if secret.expires_at <= (time.time() if now is None else now):
        raise TokenServerAnswer(place, expired=True)
    return secret


def parse_secret(body: Any) -> ClientSecret | None:
    """The secret in either shape, or None."""
    if not isinstance(body, dict):
        return None
    nested = body.get("client_secret")
    holder: dict[str, Any] = nested if isinstance(nested, dict) else body
    value, expires_at = holder.get("value"), holder.get("expires_at")
    if not isinstance(value, str) or not value.strip() or isinstance(expires_at, bool) \
            or not isinstance(expires_at, int | float):
        return None
    session, fixed = body.get("session"), body.get("fixed")
    return ClientSecret(value.strip(), float(expires_at),
                        session if isinstance(session, dict) else {},
                        frozenset(f for f in fixed if isinstance(f, str))
                        if isinstance(fixed, list) else frozenset())
