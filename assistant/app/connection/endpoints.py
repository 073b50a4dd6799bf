"""Where the controller connects: a configured endpoint with the user's key, or the offline demo.

The controller asks `EndpointSource` for an `Endpoint` and never learns that the demo is an
embedded server; `main` builds the real source, tests may hand in their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Protocol

from assistant.app.connection.cleartext import CleartextGuard
from assistant.app.settings import Settings
from assistant.realtime.client_secret import ClientSecret
from assistant.realtime.endpoint import Endpoint

OFFLINE_KEY = "offline-demo"


class EndpointSource(Protocol):
    async def endpoint(self, settings: Settings, offline: bool) -> Endpoint:
        """The endpoint to connect to; raises a typed `AssistantError` (no key...)."""

    async def release(self) -> None:
        """Nothing will connect for now: stop what was started for it (the demo server)."""


class OfflineDemo(Protocol):
    """A local Realtime server started on demand (the embedded `assistant.sim`)."""

    async def start(self) -> str: ...          # its base URL
    async def stop(self) -> None: ...


class Endpoints:
    """`key`: the user's standard key; `secret`: a client secret from the settings' token
    server, fetched afresh for every connection (the standard key is then never read); `guard`:
    what asks before either would go out in clear text."""

    def __init__(self, key: Callable[[], Awaitable[str]],
                 demo: Callable[[], OfflineDemo],
                 secret: Callable[[Settings], Awaitable[ClientSecret]] | None = None,
                 guard: CleartextGuard | None = None) -> None:
        self._key, self._make_demo, self._secret, self._guard = key, demo, secret, guard
        self._demo: OfflineDemo | None = None
        self._demo_url = ""

    async def endpoint(self, settings: Settings, offline: bool) -> Endpoint:
        if not offline:
            await self.release()
            token_server = settings.token_server_url.strip()
            if self._guard is not None:
                await self._guard.check(settings, settings.base_url,
                                        *([token_server] if token_server else []))
            if token_server and self._secret is not None:
                return organisations(settings, await self._secret(settings))
            return settings.endpoint(await self._key())
        if self._demo is None:
            demo = self._make_demo()
            self._demo_url = await demo.start()
            self._demo = demo
        demo_settings = dataclasses.replace(settings, base_url=self._demo_url, dialect="ga",
                                            auth="bearer")
        return demo_settings.endpoint(OFFLINE_KEY)

    async def release(self) -> None:
        demo, self._demo = self._demo, None
        if demo is not None:
            await demo.stop()


def organisations(settings: Settings, secret: ClientSecret) -> Endpoint:
    """The endpoint a token server's secret opens: its fixed fields kept as the organisation set
    them, the model too when it is one of them."""
    endpoint = settings.endpoint(secret.value, ephemeral=True)
    model = secret.session.get("model")
    if "model" in secret.fixed and isinstance(model, str) and model:
        endpoint = dataclasses.replace(endpoint, model=model)
    return dataclasses.replace(endpoint, fixed=secret.fixed)


class EmbeddedDemo:
    """The offline demo: the embedded Realtime server in this process, on a free port."""

    def __init__(self) -> None:
        from assistant.sim import SimServer

        self._server = SimServer()

    async def start(self) -> str:
        await self._server.start()
        return self._server.url

    async def stop(self) -> None:
        await self._server.stop()
