"""No key goes out in clear text without the user's yes: a `ws://` or `http://` address that
leaves this machine is asked about once per host (the yes is remembered in the settings), and
said in the window each run it is used. Loopback addresses never leave the machine: not asked."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication

from assistant.app.settings import Settings
from assistant.errors import CleartextRefused
from assistant.realtime.endpoint import cleartext_host

Ask = Callable[[str], Awaitable[bool]]          # host -> the user's answer


def allowed_hosts(settings: Settings) -> set[str]:
    try:
        hosts = json.loads(settings.cleartext_hosts or "[]")
    except (ValueError, RecursionError):
        return set()
    return {h for h in hosts if isinstance(h, str)} if isinstance(hosts, list) else set()


class CleartextGuard:
    def __init__(self, ask: Ask, remember: Callable[[str], None],
                 warn: Callable[[str], None]) -> None:
        self._ask, self._remember, self._warn = ask, remember, warn
        self._warned: set[str] = set()

    async def check(self, settings: Settings, *urls: str) -> None:
        """Return when each of `urls` may carry a secret; CleartextRefused when the user says no."""
        for url in urls:
            host = cleartext_host(url)
            if host is None:
                continue
            if host not in allowed_hosts(settings):
                if not await self._ask(host):
                    raise CleartextRefused(host)
                self._remember(host)
            if host not in self._warned:
                self._warned.add(host)
                self._warn(QCoreApplication.translate(
                    "Cleartext", "Not encrypted: {host} receives your key and what you say in "
                    "clear text, readable on every network in between.").format(host=host))


def with_host(settings: Settings, host: str) -> str:
    """The settings' allowed hosts with `host` added (as stored)."""
    return json.dumps(sorted(allowed_hosts(settings) | {host}))
