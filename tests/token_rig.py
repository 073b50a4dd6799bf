"""An `assistant-token-server` in the test's process, on a free port."""

from __future__ import annotations

from aiohttp import web

from assistant.token_server.app import PATH, Config, make_app


class TokenServer:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> TokenServer:
        self.runner = web.AppRunner(make_app(self.config), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]   # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}{PATH}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.runner is not None
        await self.runner.cleanup()
