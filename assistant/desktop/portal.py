"""The XDG desktop portal's request pattern, shared by its interfaces we use (GlobalShortcuts,
Screenshot): a method call returns a Request object's path, and the answer comes later as that
object's Response signal (0 granted, 1 the user declined, 2 it failed otherwise)."""

from __future__ import annotations

import secrets
from typing import Any

PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_NAME = "org.freedesktop.portal.Desktop"


class PortalRefused(Exception):
    """The portal answered, but not with what was asked (the message says why, for the user)."""


def token() -> str:
    return "va_" + secrets.token_hex(6)


async def request(router: Any, interface: str, method: str, signature: str, *args: Any,
                  declined: str, failed: str) -> dict[str, Any]:
    """Call `method` (its last argument, the options a{sv}, is added here with a handle token
    merged into `args[-1]` when the signature ends in a{sv}) and wait for its Response."""
    from jeepney import DBusAddress, HeaderFields, MatchRule, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.wrappers import unwrap_msg

    rule = MatchRule(type="signal", interface="org.freedesktop.portal.Request",
                     member="Response")
    await router.send_and_get_reply(message_bus.AddMatch(rule))
    portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_NAME, interface=interface)
    options = {"handle_token": ("s", token())}
    if signature.endswith("a{sv}"):
        options.update(args[-1])
        body: tuple[Any, ...] = (*args[:-1], options)
    else:
        body = (*args, options)
        signature += "a{sv}"
    with router.filter(rule) as responses:
        handle = unwrap_msg(await router.send_and_get_reply(
            new_method_call(portal, method, signature, body)))[0]
        while (signal := await responses.get()).header.fields.get(HeaderFields.path) != handle:
            continue
    code, results = signal.body
    if code != 0:
        raise PortalRefused(declined if code == 1 else failed)
    return dict(results)
