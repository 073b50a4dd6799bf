"""An `assistant-token-server` in the test's process, on a free port, and what an organisation
sets it up with: a tokens file of people, a policy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiohttp import web

from assistant.token_server.app import PATH, Config, make_app
from assistant.token_server.identity import Authenticator, PersonTokens, token_hash


class TokenServer:
    def __init__(self, config: Config, ssl_context: Any = None) -> None:
        self.config, self.ssl_context = config, ssl_context
        self.runner: web.AppRunner | None = None
        self.url = self.base = ""

    async def __aenter__(self) -> TokenServer:
        self.runner = web.AppRunner(make_app(self.config), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, ssl_context=self.ssl_context)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]   # type: ignore[union-attr]
        scheme = "https" if self.ssl_context else "http"
        self.base = f"{scheme}://127.0.0.1:{port}"
        self.url = self.base + PATH
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


def people_file(folder: Path, people: dict[str, str], groups: dict[str, str] | None = None
                ) -> Path:
    """A tokens file: each person's name and the hash of their token (and their groups)."""
    path = folder / "tokens"
    lines = ["# people who may ask for secrets"]
    for name, token in people.items():
        lines.append(f"{name} {token_hash(token)} {(groups or {}).get(name, '')}".rstrip())
    path.write_text("\n".join(lines) + "\n")
    return path


def authenticator(folder: Path, people: dict[str, str],
                  groups: dict[str, str] | None = None) -> Authenticator:
    return Authenticator(PersonTokens(people_file(folder, people, groups)))


def policy_file(folder: Path, policy: dict[str, Any]) -> Path:
    path = folder / "policy.json"
    path.write_text(json.dumps(policy))
    return path
