"""A Screenshot portal on a private session bus: the protocol's other side, per the XDG desktop
portal spec (Screenshot -> a Request object -> its Response with the picture's file URI).

It answers with `picture` (a PNG it wrote, as portals do); `decline` plays a user who cancels
the portal's dialog. `asked` keeps the options of every call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jeepney import HeaderFields, MessageType, new_error

from assistant.desktop.portal import PORTAL_NAME
from assistant.desktop.portal_screenshot import INTERFACE
from tests.desktop.bus import BusService


class ScreenshotPeer(BusService):
    name = PORTAL_NAME

    def __init__(self, bus: str, picture: Path) -> None:
        super().__init__(bus)
        self.picture = picture
        self.decline = False
        self.asked: list[dict[str, Any]] = []

    async def _serve(self) -> None:
        while True:
            message = await self._conn.receive()
            fields = message.header.fields
            if message.header.message_type != MessageType.method_call:
                continue
            if fields.get(HeaderFields.interface) != INTERFACE:
                await self._conn.send(new_error(message, "org.freedesktop.DBus.Error."
                                                         "UnknownInterface", "s", ("no",)))
                continue
            _parent, options = message.body
            self.asked.append({key: value[1] for key, value in options.items()})
            request = await self._request_for(message, options)
            results = {} if self.decline else {"uri": ("s", self.picture.as_uri())}
            await self._respond(request, 1 if self.decline else 0, results)
