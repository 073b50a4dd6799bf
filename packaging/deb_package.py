"""A Debian package of the one-folder app, made with dpkg-deb: the app under /opt, a command on
PATH, the desktop entry and icons where freedesktop desktops look for them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

NAME = "voice-assistant"
# What a desktop has and the bundle does not carry: ALSA (PortAudio's way to PulseAudio or
# PipeWire, through the pulse plugin) and the X/EGL libraries Qt's xcb platform loads.
DEPENDS = ("libasound2 | libasound2t64", "libasound2-plugins | pipewire-alsa",
           "libpulse0", "libxcb-cursor0", "libxkbcommon-x11-0", "libxkbcommon0",
           "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
           "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libx11-xcb1", "libegl1",
           "libgl1", "libfontconfig1", "libdbus-1-3", "libglib2.0-0 | libglib2.0-0t64")
RECOMMENDS = ("pulseaudio | pipewire-pulse", "espeak-ng", "gnome-keyring | kwalletmanager")


def build(app: Path, dist: Path, version: str, icons: Path,
          depends: tuple[str, ...] = DEPENDS) -> Path:
    root = dist.parent / "build" / "deb" / NAME
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app, root / "opt" / NAME, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{NAME}/{NAME}", root / "usr" / "bin" / NAME)
    install(app.parents[1] / "resources" / f"{NAME}.desktop",
            root / "usr/share/applications" / f"{NAME}.desktop")
    install(app.parents[1] / "resources" / f"{NAME}.svg",
            root / "usr/share/icons/hicolor/scalable/apps" / f"{NAME}.svg")
    for png in sorted(icons.glob("*x*.png")):
        size = png.stem
        install(png, root / f"usr/share/icons/hicolor/{size}/apps/{NAME}.png")
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(control_text(version, installed_kib(root), depends))
    target = dist / f"{NAME}_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root),
                    str(target)], check=True, stdout=subprocess.DEVNULL)
    return target


def install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    target.chmod(0o644)


def installed_kib(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024


def control_text(version: str, size_kib: int, depends: tuple[str, ...] = DEPENDS) -> str:
    return "\n".join([
        f"Package: {NAME}",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: Voice Assistant developers <voice-assistant@users.noreply.github.com>",
        f"Installed-Size: {size_kib}",
        "Section: sound",
        "Priority: optional",
        *([f"Depends: {', '.join(depends)}"] if depends else []),
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Description: desktop voice assistant for the OpenAI Realtime API",
        " Hold a key (or just talk) and hold a spoken conversation with a realtime model,",
        " with live transcripts and level meters. Works offline as a demo through its",
        " embedded Realtime-protocol server.",
        ""])
