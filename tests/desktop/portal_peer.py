"""A GlobalShortcuts portal on a private session bus: the protocol's other side, per the XDG
desktop portal spec (CreateSession, BindShortcuts, Request.Response, Activated, Deactivated).

`press()` and `release()` play the compositor seeing the user's keys; `decline` makes the desktop
refuse the binding, as a user can in the portal's dialog.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.asyncio import open_dbus_connection

from assistant.desktop.portal_shortcut import INTERFACE, PORTAL_NAME, PORTAL_PATH


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


class PortalPeer:
    def __init__(self, bus: str, offers_shortcuts: bool = True) -> None:
        self.bus, self.offers_shortcuts = bus, offers_shortcuts
        self.decline = False
        self.bound: list[tuple[str, dict[str, Any]]] = []
        self.session = ""
        self._conn: Any = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._conn = await open_dbus_connection(self.bus)
        await self._conn.send(message_bus.RequestName(PORTAL_NAME))
        self._task = asyncio.get_running_loop().create_task(self._serve())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._conn is not None:
            await self._conn.close()

    async def press(self) -> None:
        await self._shortcut_signal("Activated")

    async def release(self) -> None:
        await self._shortcut_signal("Deactivated")

    async def _shortcut_signal(self, member: str) -> None:
        portal = DBusAddress(PORTAL_PATH, interface=INTERFACE)
        await self._conn.send(new_signal(portal, member, "osta{sv}",
                                         (self.session, "push-to-talk", 1, {})))

    async def _serve(self) -> None:
        while True:
            message = await self._conn.receive()
            fields = message.header.fields
            if message.header.message_type != MessageType.method_call:
                continue
            if fields.get(HeaderFields.interface) != INTERFACE or not self.offers_shortcuts:
                await self._conn.send(new_error(message, "org.freedesktop.DBus.Error."
                                                         "UnknownInterface", "s", ("no",)))
                continue
            await self._answer(message, fields.get(HeaderFields.member), fields)

    async def _answer(self, message: Any, member: str, fields: dict[Any, Any]) -> None:
        sender = fields[HeaderFields.sender][1:].replace(".", "_")
        options = message.body[-1]
        request = f"{PORTAL_PATH}/request/{sender}/{options['handle_token'][1]}"
        await self._conn.send(new_method_return(message, "o", (request,)))
        if member == "CreateSession":
            token = options["session_handle_token"][1]
            self.session = f"{PORTAL_PATH}/session/{sender}/{token}"
            results = {"session_handle": ("s", self.session)}
        else:
            self.bound = message.body[1]
            results = {"shortcuts": ("a(sa{sv})", [
                (name, {**props, "trigger_description": ("s", props["preferred_trigger"][1])})
                for name, props in self.bound])}
        code = 1 if self.decline and member == "BindShortcuts" else 0
        response = DBusAddress(request, interface="org.freedesktop.portal.Request")
        await self._conn.send(new_signal(response, "Response", "ua{sv}", (code, results)))
