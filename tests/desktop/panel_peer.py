"""A desktop panel's side of the tray protocol, on a private session bus: the
StatusNotifierWatcher that tray icons register with (freedesktop's StatusNotifierItem spec),
and the host that reads an item's menu and clicks it (com.canonical.dbusmenu), as a panel
does when the user picks a menu entry.
"""

from __future__ import annotations

from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
)
from jeepney.io.asyncio import open_dbus_router

from tests.desktop.bus import BusService

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node><interface name="{WATCHER}">
  <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
  <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
  <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
  <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
  <property name="ProtocolVersion" type="i" access="read"/>
  <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
  <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
  <signal name="StatusNotifierHostRegistered"/>
</interface>
<interface name="org.freedesktop.DBus.Properties">
  <method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="v" direction="out"/></method>
  <method name="GetAll"><arg type="s" direction="in"/><arg type="a{{sv}}" direction="out"/>
  </method>
</interface></node>"""


class PanelPeer(BusService):
    name = WATCHER

    def __init__(self, bus: str) -> None:
        super().__init__(bus)
        self.items: list[tuple[str, str]] = []        # (bus name, object path)

    def _properties(self) -> dict[str, tuple[str, Any]]:
        return {"RegisteredStatusNotifierItems": ("as", [f"{n}{p}" for n, p in self.items]),
                "IsStatusNotifierHostRegistered": ("b", True), "ProtocolVersion": ("i", 0)}

    async def _serve(self) -> None:
        while True:
            message = await self._conn.receive()
            if message.header.message_type != MessageType.method_call:
                continue
            fields = message.header.fields
            member = fields.get(HeaderFields.member)
            if member == "Introspect":
                reply = new_method_return(message, "s", (INTROSPECTION,))
            elif member == "Get":
                reply = new_method_return(message, "v", (self._properties()[message.body[1]],))
            elif member == "GetAll":
                reply = new_method_return(message, "a{sv}", (self._properties(),))
            elif member == "RegisterStatusNotifierItem":
                service = message.body[0]
                sender = fields[HeaderFields.sender]
                self.items.append((sender, service) if service.startswith("/")
                                  else (service, "/StatusNotifierItem"))
                reply = new_method_return(message)
            elif member == "RegisterStatusNotifierHost":
                reply = new_method_return(message)
            else:
                reply = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s",
                                  (str(member),))
            await self._conn.send(reply)

    async def item_property(self, name: str) -> Any:
        bus_name, path = self.items[-1]
        item = DBusAddress(path, bus_name=bus_name, interface="org.freedesktop.DBus.Properties")
        async with open_dbus_router(self.bus) as router:
            reply = await router.send_and_get_reply(new_method_call(
                item, "Get", "ss", ("org.kde.StatusNotifierItem", name)))
        return reply.body[0][1]

    async def menu(self) -> dict[str, int]:
        """The item's menu entries: label (without &) -> id, submenus flattened."""
        bus_name, _ = self.items[-1]
        menu_path = await self.item_property("Menu")
        menu = DBusAddress(menu_path, bus_name=bus_name, interface="com.canonical.dbusmenu")
        async with open_dbus_router(self.bus) as router:
            reply = await router.send_and_get_reply(new_method_call(
                menu, "GetLayout", "iias", (0, -1, [])))
        entries: dict[str, int] = {}

        def walk(node: tuple[int, dict[str, Any], list[Any]]) -> None:
            node_id, props, children = node
            if "label" in props:
                entries[props["label"][1].replace("&", "")] = node_id
            for child in children:
                walk(child[1])
        walk(reply.body[1])
        return entries

    async def click(self, label: str) -> None:
        bus_name, _ = self.items[-1]
        menu_path = await self.item_property("Menu")
        entry = (await self.menu())[label]
        menu = DBusAddress(menu_path, bus_name=bus_name, interface="com.canonical.dbusmenu")
        async with open_dbus_router(self.bus) as router:
            await router.send_and_get_reply(new_method_call(
                menu, "Event", "isvu", (entry, "clicked", ("i", 0), 0)))
