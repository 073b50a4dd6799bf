"""Ephemeral keys, as the Realtime API mints them: `POST /v1/realtime/client_secrets` (GA: a
conversation or a transcription session), `POST /v1/realtime/translations/client_secrets` and the
older `POST /v1/realtime/sessions`, all with the standard key. A secret opens only its own kind of
session.

A secret carries the session it was minted for (its model, voice, instructions and tools become
the new session's starting point) and its expiry; an expired or unknown `ek_` key is refused like
a wrong standard key. The clock is injectable so tests can let a secret expire without waiting.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.models import REALTIME_DEFAULT
from assistant.sim import schema
from assistant.sim.session_state import default_session, merge_session

MIN_TTL_S, MAX_TTL_S, DEFAULT_TTL_S = 10, 7200, 600
OLD_SHAPE_TTL_S = 60                     # /v1/realtime/sessions: one minute, as OpenAI's
PREFIX = "ek_"


class Refused(Exception):
    """A request the endpoint answers with 400 or 401; the message is OpenAI-like."""

    def __init__(self, status: int, message: str, code: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code

    def body(self) -> dict[str, Any]:
        return {"error": {"message": str(self), "type": "invalid_request_error",
                          "code": self.code, "param": None}}


@dataclass(frozen=True)
class Secret:
    value: str
    expires_at: float
    session: dict[str, Any]


class ClientSecrets:
    """The secrets one server has minted, and the check every connection's key goes through."""

    def __init__(self, api_key: str | None, clock: Callable[[], float] = time.time) -> None:
        self.api_key, self.clock = api_key, clock
        self._minted: dict[str, Secret] = {}

    def mint(self, key: str | None, body: Any) -> dict[str, Any]:
        """The GA endpoint: `{expires_after: {anchor, seconds}, session}` -> value, expires_at,
        session."""
        self._require_standard(key)
        body = body if isinstance(body, dict) else {}
        ttl = _ttl((body.get("expires_after") or {}).get("seconds", DEFAULT_TTL_S))
        session = self._session(body.get("session") or {"type": "realtime"})
        secret = self._store(ttl, session)
        shown = session if session["type"] == "realtime" else {   # as the service shows one
            "id": f"sess_{secrets.token_hex(10)}", "object": "realtime.transcription_session",
            "expires_at": int(secret.expires_at), **session}
        return {"value": secret.value, "expires_at": int(secret.expires_at), "session": shown}

    def mint_translation(self, key: str | None, body: Any) -> dict[str, Any]:
        """The translation endpoint: `{expires_after, session: {model, audio}}`."""
        self._require_standard(key)
        body = body if isinstance(body, dict) else {}
        ttl = _ttl((body.get("expires_after") or {}).get("seconds", DEFAULT_TTL_S))
        session = body.get("session")
        if not isinstance(session, dict) or not isinstance(session.get("model"), str):
            raise Refused(400, "Missing required parameter: 'session.model'.",
                          "missing_required_parameter")
        kept = {"type": "translation", "model": session["model"],
                "audio": session.get("audio") if isinstance(session.get("audio"), dict) else {}}
        secret = self._store(ttl, kept)
        return {"value": secret.value, "expires_at": int(secret.expires_at), "session": {
            "id": f"sess_{secrets.token_hex(10)}", "type": "translation",
            "model": kept["model"], "expires_at": int(secret.expires_at),
            "audio": {"input": {"noise_reduction": None, "transcription": None},
                      "output": {"language": "es"}, **kept["audio"]}}}

    def mint_old_shape(self, key: str | None, body: Any) -> dict[str, Any]:
        """The older endpoint: a flat session in, the session with `client_secret` out."""
        self._require_standard(key)
        flat = dict(body) if isinstance(body, dict) else {}
        ga: dict[str, Any] = {"type": "realtime"}
        for field in ("model", "instructions"):
            if field in flat:
                ga[field] = flat[field]
        if "voice" in flat:
            ga["audio"] = {"output": {"voice": flat["voice"]}}
        secret = self._store(OLD_SHAPE_TTL_S, self._session(ga))
        return {"id": f"sess_{secrets.token_hex(10)}", "object": "realtime.session",
                "model": secret.session["model"], "modalities": ["audio", "text"],
                "instructions": secret.session["instructions"],
                "voice": secret.session["audio"]["output"]["voice"],
                "client_secret": {"value": secret.value, "expires_at": int(secret.expires_at)}}

    def session_for(self, key: str | None, kind: str = "realtime") -> dict[str, Any] | None:
        """Let a connection of this kind in: None for the standard key (or any key when none
        is set), the minted session for a live secret of its kind; raises Refused otherwise."""
        if key is not None and key.startswith(PREFIX):
            secret = self._minted.get(key)
            if secret is None:
                raise Refused(401, "Invalid ephemeral key provided.", "invalid_api_key")
            if self.clock() >= secret.expires_at:
                raise Refused(401, "The ephemeral key has expired.", "expired_api_key")
            if secret.session.get("type", "realtime") != kind:
                raise Refused(401, f"The ephemeral key was minted for a "
                                   f"{secret.session.get('type')} session, not {kind}.",
                              "invalid_api_key")
            return secret.session
        if key is not None or self.api_key is not None:   # no key set: the demo lets all in
            self._require_standard(key)
        return None

    def _require_standard(self, key: str | None) -> None:
        if key is None or key.startswith(PREFIX) or (self.api_key is not None
                                                     and key != self.api_key):
            raise Refused(401, "Incorrect API key provided.", "invalid_api_key")

    def _session(self, requested: Any) -> dict[str, Any]:
        kind = requested.get("type", "realtime") if isinstance(requested, dict) else None
        if kind not in ("realtime", "transcription"):
            raise Refused(400, "Invalid value for 'session.type': expected realtime or "
                               "transcription.", "invalid_value")
        try:
            schema.check_session(requested, kind, "ga")
        except schema.Invalid as exc:
            raise Refused(400, str(exc), "invalid_value") from None
        model = str(requested.get("model") or REALTIME_DEFAULT)
        return merge_session(default_session(kind, model), requested)

    def _store(self, ttl: int, session: dict[str, Any]) -> Secret:
        now = self.clock()
        for value in [v for v, s in self._minted.items() if s.expires_at <= now]:
            del self._minted[value]
        secret = Secret(f"{PREFIX}{secrets.token_urlsafe(24)}", now + ttl, session)
        self._minted[secret.value] = secret
        return secret


def _ttl(seconds: Any) -> int:
    if not isinstance(seconds, int) or not MIN_TTL_S <= seconds <= MAX_TTL_S:
        raise Refused(400, f"'expires_after.seconds' must be an integer from {MIN_TTL_S} to "
                           f"{MAX_TTL_S}.", "invalid_value")
    return seconds
