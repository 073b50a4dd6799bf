"""A private D-Bus session bus, and the base of the services the tests run on it (the other
side of a desktop protocol: a portal, a panel)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
from typing import Any

from jeepney.bus_messages import message_bus
from jeepney.io.asyncio import open_dbus_connection


class PrivateBus:
    """dbus-daemon with a session bus of our own; `address` is what clients connect to."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="bus-")
        self.address = f"unix:path={self.folder}/bus"
        self._daemon: subprocess.Popen[bytes] | None = None

    def start(self) -> PrivateBus:
        self._daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                         f"--address={self.address}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return self

    def ready(self) -> bool:
        return os.path.exists(f"{self.folder}/bus")

    def stop(self) -> None:
        if self._daemon is not None:
            self._daemon.terminate()
            self._daemon.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)


class BusService:
    """Owns `name` on the bus and answers its method calls in `_serve` until stopped."""

    name = ""

    def __init__(self, bus: str) -> None:
        self.bus = bus
        self._conn: Any = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._conn = await open_dbus_connection(self.bus)
        await self._conn.send(message_bus.RequestName(self.name))
        self._task = asyncio.get_running_loop().create_task(self._serve())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._conn is not None:
            await self._conn.close()

    async def _serve(self) -> None:
        raise NotImplementedError

    async def _request_for(self, message: Any, options: dict[str, Any]) -> str:
        """A portal call's answer: the path of its Request object (the Response comes later)."""
        from jeepney import HeaderFields, new_method_return

        from assistant.desktop.portal import PORTAL_PATH

        sender = message.header.fields[HeaderFields.sender][1:].replace(".", "_")
        request = f"{PORTAL_PATH}/request/{sender}/{options['handle_token'][1]}"
        await self._conn.send(new_method_return(message, "o", (request,)))
        return request

    async def _respond(self, request: str, code: int, results: dict[str, Any]) -> None:
        from jeepney import DBusAddress, new_signal

        response = DBusAddress(request, interface="org.freedesktop.portal.Request")
        await self._conn.send(new_signal(response, "Response", "ua{sv}", (code, results)))
