"""Where and how to connect: URL, auth header, dialect. The key never appears in repr()."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from assistant.config import DEFAULT_BASE_URL, DEFAULT_MODEL
from assistant.errors import ConfigError
from assistant.translatable import QT_TRANSLATE_NOOP

AuthStyle = Literal["bearer", "api-key"]
Dialect = Literal["ga", "beta"]
Intent = Literal["conversation", "transcription", "translation"]
TransportKind = Literal["websocket", "webrtc"]

_SCHEMES = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
_HTTP_SCHEMES = {"ws": "http", "wss": "https", "http": "http", "https": "https"}


@dataclass(frozen=True)
class Endpoint:
    base_url: str = DEFAULT_BASE_URL
    model: str = DEFAULT_MODEL
    api_key: str = field(default="", repr=False)
    auth: AuthStyle = "bearer"
    dialect: Dialect = "ga"
    intent: Intent = "conversation"
    transport: TransportKind = "websocket"
    ephemeral: bool = False        # the key is a client secret minted for one session
    organization: str = ""         # OpenAI-Organization: bill this organisation (empty: default)
    project: str = ""              # OpenAI-Project
    fixed: frozenset[str] = frozenset()   # session fields the organisation fixed (token server)

    def url(self) -> str:
        """The WebSocket URL: `<base>/realtime?model=...`, unless the base already ends in
        `/realtime` (Azure's older deployments carry their own query); `?intent=transcription`
        for dictation; `<base>/realtime/translations?model=...` for live translation."""
        scheme, host, path, query_text = self._realtime(_SCHEMES)
        if self.intent == "translation":
            path += "/translations"
        query = dict(parse_qsl(query_text))
        if self.intent == "transcription":
            query.setdefault("intent", "transcription")
        elif "deployment" not in query:
            query.setdefault("model", self.model)
        return urlunsplit((scheme, host, path, urlencode(query), ""))

    def calls_url(self) -> str:
        """WebRTC's `POST <base>/realtime/calls`, over http or https as the base's scheme says."""
        scheme, host, path, _query = self._realtime(_HTTP_SCHEMES)
        return urlunsplit((scheme, host, path + "/calls", "", ""))

    def _realtime(self, schemes: dict[str, str]) -> tuple[str, str, str, str]:
        """(scheme, host, `<base path>/realtime`, query) of the base URL, or ConfigError."""
        parts = urlsplit(self.base_url.strip())
        scheme = schemes.get(parts.scheme.lower())
        if scheme is None or not parts.netloc:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "Errors", "'{url}' is not a ws://, wss:// or https:// URL."), url=self.base_url)
        path = parts.path.rstrip("/")
        if not path.endswith("/realtime"):
            path += "/realtime"
        return scheme, parts.netloc, path, parts.query

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.api_key:
            if self.auth == "api-key":
                headers["api-key"] = self.api_key
            else:
                headers["Authorization"] = f"Bearer {self.api_key}"
        if self.dialect == "beta":
            headers["OpenAI-Beta"] = "realtime=v1"
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        return headers

    def display(self) -> str:
        return place_of(self.base_url)


def cleartext_host(url: str) -> str | None:
    """The host a `ws://` or `http://` URL sends to in clear text, unless it is this machine
    (loopback never leaves it); None for encrypted or local URLs."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("ws", "http") or not host:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        return None if ipaddress.ip_address(host).is_loopback else host
    except ValueError:
        return host


def place_of(url: str) -> str:
    """Host, port and path for messages: no query, no credentials. The port stays: two local
    servers differ only by it."""
    parts = urlsplit(url.strip())
    host = parts.hostname or url
    if ":" in host:                                     # an IPv6 address, as it is written
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:                                  # not a port: the URL says so elsewhere
        port = ""
    return f"{host}{port}{parts.path.rstrip('/')}"
