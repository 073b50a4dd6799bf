"""How this copy was installed, and so how the user gets the new one.

The words are marked for translation (QT_TRANSLATE_NOOP, context "Updates") and translated where
they are shown; the command line prints them as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.translatable import QT_TRANSLATE_NOOP

DEB_HOME = Path("/opt/voice-assistant")
HOW = {
    "deb": QT_TRANSLATE_NOOP("Updates", "Update it with: sudo apt update && sudo apt upgrade "
                             "(with the project's apt repository added, as the README shows), "
                             "or install the new .deb from {page}"),
    "onefile": QT_TRANSLATE_NOOP("Updates", "Download the new file from {page}"),
    "tarball": QT_TRANSLATE_NOOP("Updates", "Download the new archive from {page} and unpack "
                                 "it over this one"),
    "macos": QT_TRANSLATE_NOOP("Updates", "Download the new app from {page} and move it to "
                               "Applications, replacing this one"),
    "windows": QT_TRANSLATE_NOOP("Updates", "Run the new installer from {page}"),
    "source": QT_TRANSLATE_NOOP("Updates", "Update your checkout (git pull), then run: bash "
                                "dev.sh app"),
}


def install_kind(executable: str = sys.executable, frozen: bool | None = None,
                 platform: str = sys.platform) -> str:
    """deb, onefile, tarball (the one-folder app), macos, windows or source."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if not frozen:
        return "source"
    if platform == "darwin":
        return "macos"
    if platform == "win32":
        return "windows"
    here = Path(executable).resolve().parent
    if here == DEB_HOME:
        return "deb"
    return "tarball" if (here / "_internal").is_dir() else "onefile"


def how_to_update(kind: str) -> str:
    """The untranslated sentence, with {page} to fill in."""
    return HOW.get(kind, HOW["onefile"])
