"""Who is asking: a person's own token from the tokens file, or an OpenID Connect bearer token
(a JWT) verified against the issuer's published keys (JWKS).

The tokens file holds one person a line, `NAME SHA256-HEX-OF-THE-TOKEN [GROUP,GROUP...]`, `#`
starts a comment; it is read again when it changes, so removing a line revokes that person at
once. Only hashes are kept: the file leaks no token.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("assistant.token_server")


@dataclass(frozen=True)
class Caller:
    name: str
    groups: tuple[str, ...] = ()


def token_hash(token: str) -> str:
    """(A header's bytes that are not UTF-8 arrive as surrogates: hashed as sent.)"""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class PersonTokens:
    """The tokens file, read again whenever its size or time changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int] | None = None
        self._people: dict[str, Caller] = {}
        self._read()                        # a missing or bad file stops the start, said

    def who(self, token: str) -> Caller | None:
        try:
            self._read()
        except ValueError as exc:           # a half-written edit: keep the last good list
            log.error("%s", exc)
        return self._people.get(token_hash(token))

    def _read(self) -> None:
        try:
            stat = self.path.stat()
            if self._seen == (stat.st_mtime_ns, stat.st_size):
                return
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read the tokens file {self.path}: {exc.strerror}") from None
        self._people = parse_tokens(text, str(self.path))
        self._seen = (stat.st_mtime_ns, stat.st_size)
        log.info("%d people in %s", len(self._people), self.path)


def parse_tokens(text: str, where: str) -> dict[str, Caller]:
    """hash -> the person; ValueError names the first bad line."""
    people: dict[str, Caller] = {}
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) not in (2, 3) or len(words[1]) != 64 or not _hex(words[1]):
            raise ValueError(f"{where}, line {number}: expected NAME SHA256-HEX [GROUPS]")
        groups = tuple(g for g in words[2].split(",") if g) if len(words) == 3 else ()
        people[words[1].lower()] = Caller(words[0], groups)
    return people


def _hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


@dataclass
class OidcVerifier:
    """A bearer JWT signed by the issuer (its JWKS, fetched once and again for a new key id),
    for this audience, not expired. The person is its `preferred_username`, `email` or `sub`;
    their groups come from `groups_claim`."""

    issuer: str
    audience: str
    jwks_url: str = ""                   # empty: from the issuer's openid-configuration
    groups_claim: str = "groups"
    timeout_s: float = 5.0

    def __post_init__(self) -> None:
        import jwt  # PyJWT: only a server that verifies JWTs needs it

        self._jwt = jwt
        self._client: Any = None

    async def who(self, token: str) -> Caller | None:
        return await asyncio.to_thread(self._verify, token)

    def _verify(self, token: str) -> Caller | None:
        jwt = self._jwt
        try:
            key = self._keys().get_signing_key_from_jwt(token)
            claims = jwt.decode(token, key.key, algorithms=[key.algorithm_name] if
                                getattr(key, "algorithm_name", None) else ["RS256", "ES256"],
                                audience=self.audience, issuer=self.issuer,
                                options={"require": ["exp", "iss", "aud"]})
        except (jwt.PyJWTError, OSError, ValueError) as exc:
            log.info("a bearer token was refused: %s", type(exc).__name__)
            return None
        name = claims.get("preferred_username") or claims.get("email") or claims.get("sub")
        groups = claims.get(self.groups_claim)
        return Caller(str(name), tuple(str(g) for g in groups)
                      if isinstance(groups, list) else ())

    def _keys(self) -> Any:
        if self._client is None:
            url = self.jwks_url or self._discover()
            self._client = self._jwt.PyJWKClient(url, cache_keys=True, lifespan=3600,
                                                 timeout=int(self.timeout_s))
        return self._client

    def _discover(self) -> str:
        where = self.issuer.rstrip("/") + "/.well-known/openid-configuration"
        with urllib.request.urlopen(where, timeout=self.timeout_s) as answer:
            document = json.loads(answer.read())
        if not isinstance(document, dict) or not isinstance(document.get("jwks_uri"), str):
            raise ValueError(f"{where} names no jwks_uri")
        return str(document["jwks_uri"])


class Authenticator:
    """The methods an organisation configured: a JWT-shaped token goes to OIDC, any other to
    the tokens file."""

    def __init__(self, tokens: PersonTokens | None = None,
                 oidc: OidcVerifier | None = None) -> None:
        self.tokens, self.oidc = tokens, oidc

    @property
    def configured(self) -> bool:
        return self.tokens is not None or self.oidc is not None

    async def who(self, presented: str | None) -> Caller | None:
        token = bearer(presented)
        if not token:
            return None
        if self.oidc is not None and token.count(".") == 2:
            return await self.oidc.who(token)
        return self.tokens.who(token) if self.tokens is not None else None


def bearer(value: str | None) -> str:
    value = (value or "").strip()
    return value[len("Bearer "):].strip() if value.startswith("Bearer ") else value

