"""A GlobalShortcuts portal on a private session bus: the protocol's other side, per the XDG
desktop portal spec (CreateSession, BindShortcuts, Request.Response, Activated, Deactivated).

`press()` and `release()` play the compositor seeing the user's keys; `decline` makes the desktop
refuse the binding, as a user can in the portal's dialog.
"""

from __future__ import annotations

from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_signal

from assistant.desktop.portal import PORTAL_NAME, PORTAL_PATH
from assistant.desktop.portal_shortcut import INTERFACE
from tests.desktop.bus import BusService


class PortalPeer(BusService):
    name = PORTAL_NAME

    def __init__(self, bus: str, offers_shortcuts: bool = True) -> None:
        super().__init__(bus)
        self.offers_shortcuts = offers_shortcuts
        self.decline = False
        self.bound: list[tuple[str, dict[str, Any]]] = []
        self.session = ""

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
        request = await self._request_for(message, options)
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
        await self._respond(request, code, results)
