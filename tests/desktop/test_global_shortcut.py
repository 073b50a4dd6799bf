"""The global push-to-talk key: parsing, the X11 grab under Xvfb with another client in front,
the Wayland portal on a private bus."""

from __future__ import annotations

import pytest

from assistant.desktop import macos_shortcut as mac
from assistant.desktop.global_shortcut import (
    Shortcut,
    ShortcutError,
    Unavailable,
)
from assistant.desktop.portal_shortcut import PortalShortcut, preferred_trigger
from assistant.desktop.shortcut_backends import global_shortcut_for
from assistant.desktop.windows_shortcut import virtual_key
from assistant.desktop.x11_shortcut import X11Shortcut
from tests.desktop.portal_peer import PortalPeer
from tests.helpers import until


@pytest.mark.parametrize(("text", "mods", "key"), [
    ("Ctrl+Alt+Space", {"ctrl", "alt"}, "space"),
    ("super + F8", {"meta"}, "f8"),
    ("Control+Shift+a", {"ctrl", "shift"}, "a"),
    ("Ctrl++", {"ctrl"}, "+"),
    ("Pause", set(), "pause"),
])
def test_shortcuts_parse_as_people_write_them(text, mods, key):
    shortcut = Shortcut.parse(text)
    assert shortcut.modifiers == mods and shortcut.key == key


@pytest.mark.parametrize("text", ["", "Ctrl+", "Ctrl+Alt", "Hyper+A", "Ctrl+Ctrl+A"])
def test_a_shortcut_without_one_key_is_refused_in_words(text):
    with pytest.raises(ShortcutError, match=r"shortcut|twice"):
        Shortcut.parse(text)


def test_a_display_without_a_backend_says_why():
    chosen = global_shortcut_for(Shortcut.parse("Ctrl+Alt+Space"), "offscreen", env={})
    assert isinstance(chosen, Unavailable) and not chosen.start()
    assert "not available" in chosen.reason and "Space bar" in chosen.reason


def test_the_key_is_heard_while_another_application_has_focus(qtbot, xserver):
    xserver.other_client()
    grab = global_shortcut_for(Shortcut.parse("Ctrl+Alt+Space"), "xcb",
                               env={"DISPLAY": xserver.display})
    assert isinstance(grab, X11Shortcut)
    seen: list[str] = []
    grab.pressed.connect(lambda: seen.append("pressed"))
    grab.released.connect(lambda: seen.append("released"))
    assert grab.start(), grab.reason
    try:
        xserver.xdotool("keydown", "ctrl+alt+space")
        qtbot.waitUntil(lambda: seen == ["pressed"])
        xserver.xdotool("keyup", "space")          # the key first, the modifiers after
        xserver.xdotool("keyup", "ctrl+alt")
        qtbot.waitUntil(lambda: seen == ["pressed", "released"])
        xserver.xdotool("key", "space")             # without its modifiers: not ours
        xserver.xdotool("key", "Num_Lock")          # X matches modifiers exactly: with Num
        xserver.xdotool("key", "ctrl+alt+space")    # Lock on, the key must still be ours
        qtbot.waitUntil(lambda: len(seen) == 4)
    finally:
        grab.stop()
    assert seen == ["pressed", "released"] * 2


def test_a_key_another_application_holds_is_reported_taken(qtbot, xserver):
    first = X11Shortcut(Shortcut.parse("Ctrl+Alt+F9"), xserver.display)
    assert first.start()
    try:
        second = X11Shortcut(Shortcut.parse("Ctrl+Alt+F9"), xserver.display)
        assert not second.start()
        assert "already taken" in second.reason
    finally:
        first.stop()


def test_an_unreachable_display_is_a_reason_not_a_crash():
    grab = X11Shortcut(Shortcut.parse("Ctrl+Alt+Space"), ":9999")
    assert not grab.start() and "X display :9999" in grab.reason


# ---- Wayland: the desktop portal ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [("Ctrl+Alt+Space", "CTRL+ALT+space"),
                                               ("Super+F8", "LOGO+F8"), ("Shift+a", "SHIFT+a")])
def test_the_portal_is_asked_for_the_trigger_in_its_own_format(text, trigger):
    assert preferred_trigger(Shortcut.parse(text)) == trigger


async def test_on_wayland_the_portal_binds_the_key_and_reports_press_and_release(portal_bus):
    peer = PortalPeer(portal_bus.address)
    await peer.start()
    grab = PortalShortcut(Shortcut.parse("Ctrl+Alt+Space"), bus=portal_bus.address)
    seen: list[str] = []
    grab.pressed.connect(lambda: seen.append("pressed"))
    grab.released.connect(lambda: seen.append("released"))
    try:
        assert grab.start()
        await until(lambda: peer.bound)
        name, props = peer.bound[0]
        assert name == "push-to-talk" and props["preferred_trigger"] == ("s", "CTRL+ALT+space")
        await until(lambda: grab.listening)
        await peer.press()
        await until(lambda: seen == ["pressed"])
        await peer.release()
        await until(lambda: seen == ["pressed", "released"])
    finally:
        grab.stop()
        await peer.stop()


@pytest.mark.parametrize(("offers", "decline", "reason"), [
    (False, False, "offers no global shortcuts"),
    (True, True, "declined"),
])
async def test_a_portal_without_shortcuts_or_a_refusal_is_told_in_words(portal_bus, offers,
                                                                         decline, reason):
    peer = PortalPeer(portal_bus.address, offers_shortcuts=offers)
    peer.decline = decline
    await peer.start()
    grab = PortalShortcut(Shortcut.parse("Ctrl+Alt+Space"), bus=portal_bus.address)
    told: list[str] = []
    grab.unavailable.connect(told.append)
    try:
        assert grab.start()
        await until(lambda: told)
    finally:
        grab.stop()
        await peer.stop()
    assert reason in told[0]


async def test_no_session_bus_at_all_is_a_reason_not_a_crash(tmp_path):
    grab = PortalShortcut(Shortcut.parse("Ctrl+Alt+Space"), bus=f"unix:path={tmp_path}/none")
    told: list[str] = []
    grab.unavailable.connect(told.append)
    assert grab.start()
    await until(lambda: told)
    assert "Could not reach the desktop portal" in told[0]


@pytest.mark.parametrize(("key", "code"), [("space", 0x20), ("a", 0x41), ("7", 0x37),
                                           ("f1", 0x70), ("f24", 0x87), ("pause", 0x13),
                                           ("f25", 0), ("ü", 0)])
def test_windows_virtual_key_codes(key, code):
    assert virtual_key(key) == code


def test_macos_reads_exactly_the_shortcuts_modifiers_and_its_key_codes():
    shortcut = Shortcut.parse("Ctrl+Alt+Space")
    ctrl_alt = mac.FLAGS["ctrl"] | mac.FLAGS["alt"]
    assert mac.matches(ctrl_alt | 0x10000, shortcut)              # Caps Lock does not matter
    assert not mac.matches(ctrl_alt | mac.FLAGS["shift"], shortcut)
    assert not mac.matches(mac.FLAGS["ctrl"], shortcut)
    assert (mac.KEYCODES["space"], mac.KEYCODES["a"], mac.KEYCODES["5"], mac.KEYCODES["f8"]) \
        == (49, 0, 23, 100)
    assert len(set(mac.KEYCODES[c] for c in "abcdefghijklmnopqrstuvwxyz0123456789")) == 36
