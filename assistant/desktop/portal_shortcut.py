"""Global push-to-talk on Wayland: the XDG desktop portal's GlobalShortcuts interface.

Wayland lets no client grab keys; the compositor offers shortcuts through the portal instead.
We create a session, bind one shortcut (the desktop may ask the user to confirm or change its
trigger), then hear Activated and Deactivated. Spoken over D-Bus with jeepney, which keyring
already brings, on the app's asyncio loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from assistant.desktop import portal
from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut
from assistant.desktop.portal import PORTAL_PATH, PortalRefused, token
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
SHORTCUT_ID = "push-to-talk"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
TRIGGER_MODIFIERS = {"ctrl": "CTRL", "alt": "ALT", "shift": "SHIFT", "meta": "LOGO"}
NO_PORTAL = QT_TRANSLATE_NOOP("PortalShortcut", "This desktop's portal offers no global "
                              "shortcuts (GlobalShortcuts, in GNOME 48, KDE Plasma 5.27 and "
                              "Hyprland and later); the Space bar works in the window.")


def preferred_trigger(shortcut: Shortcut) -> str:
    """The shortcut in the XDG shortcuts format: CTRL+ALT+space."""
    mods = [TRIGGER_MODIFIERS[m] for m in ("ctrl", "alt", "shift", "meta")
            if m in shortcut.modifiers]
    key = shortcut.key if len(shortcut.key) == 1 else \
        shortcut.key.upper() if shortcut.key[0] == "f" and shortcut.key[1:].isdigit() \
        else shortcut.key
    return "+".join([*mods, key])


class PortalShortcut(GlobalShortcut):
    def __init__(self, shortcut: Shortcut, bus: str = "SESSION",
                 purpose: str = SHORTCUT_ID) -> None:
        super().__init__(shortcut)
        self.bus = bus
        self.purpose = purpose          # the shortcut's id at the portal (one per action)
        self._task: asyncio.Task[None] | None = None
        self.listening = False          # bound, and hearing the portal's signals

    def start(self) -> bool:
        """Starts asking the portal; a refusal arrives later through `unavailable`."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.reason = self.tr("The portal is asked from the app's event loop, which is not "
                                  "running.")
            return False
        self._task = loop.create_task(self._run())
        return True

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        from jeepney import DBusErrorResponse
        from jeepney.io.asyncio import open_dbus_router

        try:
            async with open_dbus_router(bus=self.bus) as router:
                session = await self._bind(router)
                await self._listen(router, session)
        except asyncio.CancelledError:
            raise
        except DBusErrorResponse as exc:
            missing = any(word in exc.name for word in ("UnknownMethod", "ServiceUnknown",
                                                        "UnknownInterface"))
            self._fail(self.tr(NO_PORTAL) if missing else
                       self.tr("The portal refused: {why}").format(why=exc))
        except PortalRefused as exc:
            self._fail(str(exc))
        except (OSError, EOFError, KeyError, ValueError) as exc:
            why = str(exc) or type(exc).__name__
            self._fail(self.tr("Could not reach the desktop portal over D-Bus: {why}").format(
                why=why))

    async def _bind(self, router: Any) -> str:
        created = await self._request(router, "CreateSession", "a{sv}",
                                      {"session_handle_token": ("s", token())})
        session = str(created["session_handle"][1])
        trigger = preferred_trigger(self.shortcut)
        described = (self.tr("Hold to talk to the assistant") if self.purpose == SHORTCUT_ID
                     else self.tr("Show the screen to the assistant"))
        shortcuts = [(self.purpose, {"description": ("s", described),
                                     "preferred_trigger": ("s", trigger)})]
        bound = await self._request(router, "BindShortcuts", "oa(sa{sv})s", session, shortcuts, "")
        given = {name: props for name, props in bound.get("shortcuts", ("", []))[1]}
        if self.purpose not in given:
            raise PortalRefused(self.tr("The desktop did not bind the shortcut."))
        described = given[self.purpose].get("trigger_description", ("s", trigger))[1]
        log.info("portal shortcut bound: %s", described)
        return session

    async def _request(self, router: Any, method: str, signature: str,
                       *args: Any) -> dict[str, Any]:
        return await portal.request(
            router, INTERFACE, method, signature, *args,
            declined=self.tr("The desktop declined the global shortcut."),
            failed=self.tr("The desktop's portal failed to bind it."))

    async def _listen(self, router: Any, session: str) -> None:
        from jeepney import HeaderFields, MatchRule
        from jeepney.bus_messages import message_bus

        rule = MatchRule(type="signal", interface=INTERFACE, path=PORTAL_PATH)
        await router.send_and_get_reply(message_bus.AddMatch(rule))
        with router.filter(rule) as signals:
            self.listening = True
            while True:
                signal = await signals.get()
                member = signal.header.fields.get(HeaderFields.member)
                handle, shortcut_id = signal.body[0], signal.body[1]
                if handle != session or shortcut_id != self.purpose:
                    continue
                if member == "Activated":
                    self.pressed.emit()
                elif member == "Deactivated":
                    self.released.emit()

    def _fail(self, reason: str) -> None:
        log.info("portal shortcut unavailable: %s", reason)
        self.reason = reason
        with contextlib.suppress(RuntimeError):          # the owner may be gone at exit
            self.unavailable.emit(reason)
