"""Once a day, and when the user asks (the tray's "Check for updates"), ask the release feed
whether a newer version is out; when one is, tell the views in a quiet line with how to update
this copy. Off with a setting; never in the offline demo unless the user asks. A failed check
waits for the next day like a good one: no retry storm against a feed that is down. Never
during a conversation either: the check's imports and request hold Python's lock for tens of
milliseconds at a time, which the audio threads would wait for (it waits for a quiet moment).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from assistant import __version__
from assistant.app.settings import Preferences

if TYPE_CHECKING:
    from assistant.updates.feed import Checked

log = logging.getLogger(__name__)
DAY_S = 24 * 3600
LOOK_EVERY_MS = 3600 * 1000      # an app left running for days still checks once a day
FIRST_LOOK_MS = 15_000           # not while the app is starting (nor talking: then again later)


class UpdateWatch(QObject):
    available = Signal(str, str, str, str)   # version, how to update, what is new, its page
    told = Signal(str)                       # the answer to a check the user asked for

    def __init__(self, prefs: Preferences, offline: Callable[[], bool],
                 spawn: Callable[..., object], version: str = __version__,
                 talking: Callable[[], bool] = lambda: False) -> None:
        """`talking`: a conversation is under way (the user or the assistant talks, or a reply
        is being made)."""
        super().__init__()
        self.prefs, self._offline, self._spawn, self.version = prefs, offline, spawn, version
        self._talking = talking
        self._checking = False
        self._asked = False                  # the user asked while a check was under way
        self._first = QTimer(self, interval=FIRST_LOOK_MS, singleShot=True)
        self._timer = QTimer(self, interval=LOOK_EVERY_MS)
        for timer in (self._first, self._timer):
            timer.timeout.connect(self.maybe_check)

    def start(self) -> None:
        self._first.start()
        self._timer.start()

    def stop(self) -> None:
        self._first.stop()
        self._timer.stop()

    def maybe_check(self) -> None:
        """The daily check, when it is on, due, and the app is not the offline demo."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:                 # the app's loop has ended: nothing to ask with
            return
        settings = self.prefs.current
        due = time.time() - settings.update_checked_at >= DAY_S
        if not settings.check_updates or not due or self._offline():
            return
        if self._talking():
            self._first.start()              # a quiet moment is likely soon
            return
        if not self._checking:               # taken now, not when the task runs: the timer or
            self._checking = True            # the tray may ask again before it does (CI did)
            self._spawn(self._check(asked=False))

    async def check_now(self, asked: bool = True) -> Checked | None:
        """None when a check is already under way; its answer is then told as asked."""
        if self._checking:
            self._asked = self._asked or asked
            return None
        self._checking = True
        return await self._check(asked)

    async def _check(self, asked: bool) -> Checked:
        """One request; the caller has set `_checking`, which this clears."""
        try:
            from assistant.updates.feed import check  # urllib's HTTP: loaded on the first check

            checked = await asyncio.to_thread(check, self.version)
        finally:
            self._checking = False
        asked, self._asked = asked or self._asked, False
        self.prefs.current.update_checked_at = time.time()
        self.prefs.save()
        self._tell(checked, asked)
        return checked

    def _tell(self, checked: Checked, asked: bool) -> None:
        release = checked.release
        if checked.outcome == "newer" and release is not None:
            from assistant.updates.install_kind import how_to_update, install_kind

            how = QCoreApplication.translate("Updates", how_to_update(install_kind())).format(
                page=release.page or self.tr("the release page"))
            self.available.emit(release.version, how, release.notes, release.page)
        log.info("update check: %s %s", checked.outcome, checked.why or
                 (release.version if release else ""))
        if not asked:
            return
        if checked.outcome == "current":
            self.told.emit(self.tr("Voice Assistant {version} is up to date.").format(
                version=self.version))
        elif checked.outcome == "failed":
            self.told.emit(self.tr("Could not check for updates: {why}.").format(why=checked.why))
