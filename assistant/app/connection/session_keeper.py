"""Keeps the conversation connected: connects, reconnects after a drop, rolls over before the cap.

A drop (an unexpected close, a network error, a server that stops answering mid-response, or
unanswered pings) is retried at once, then with exponential backoff and jitter up to ~30 s, with a
countdown the user can cut short. The backoff resets only after a session that was of use: it was
configured and then lived `HEALTHY_S` or finished a reply. A server that accepts and then drops is
retried ever more slowly, not at once for ever (each time replaying the conversation), and after
`MAX_TRIES_PER_HOUR` such tries in an hour, as after an error that retrying cannot fix (a rejected
key, no quota, a refused protocol), the retries stop with a sentence; Connect starts afresh.

Before the session's time cap the keeper opens the next session at a quiet moment, moves the
conversation over and only then closes the old one; a server that closes first (1001) is simply
reconnected.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, Literal, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.app.connection.endpoints import EndpointSource
from assistant.app.local_format import said
from assistant.app.runtime.tasks import Tasks
from assistant.app.settings import Preferences
from assistant.dispatch import Event
from assistant.errors import AssistantError, ConnectionLost, GaveUpReconnecting, SessionExpired
from assistant.realtime.session import RealtimeSession

log = logging.getLogger(__name__)

Reason = Literal["connect", "reconnect", "rollover"]
BACKOFF_CAP_S = 30.0
ROLLOVER_RETRY_S = 30.0           # a fresh session that failed to open: try again this much later
HEALTHY_S = 30.0                  # a session that lived this long (and was configured) was fine
MAX_TRIES_PER_HOUR = 30           # tries after failures; 30 s apart once backed off: ~12 minutes


def retry_delay(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """The wait before try number `attempt` (0-based): none for the first, then 1, 2, 4 ... s up
    to the cap, each shortened by up to half at random so clients do not retry in step."""
    if attempt <= 0:
        return 0.0
    return min(BACKOFF_CAP_S, 2.0 ** (attempt - 1)) * (0.5 + 0.5 * rng())


class KeeperOwner(Protocol):
    """What the keeper tells the conversation about its connection."""

    def session_opened(self, session: RealtimeSession, reason: Reason) -> None: ...
    def session_lost(self, error: AssistantError) -> None: ...
    def session_failed(self, error: AssistantError) -> None: ...
    def connecting(self, detail: str) -> None: ...
    def is_quiet(self) -> bool: ...
    def on_event(self, event: Event) -> None: ...
    def on_sent(self, event: Event) -> None: ...


class SessionKeeper(QObject):
    countdown = Signal(int, str)        # whole seconds to the next try, why the last one failed

    def __init__(self, owner: KeeperOwner, endpoints: EndpointSource, prefs: Preferences,
                 tasks: Tasks) -> None:
        super().__init__()
        self.owner, self.endpoints, self._prefs = owner, endpoints, prefs
        self._spawn = tasks.spawn
        self.session: RealtimeSession | None = None
        self.offline = False
        self.reconnects = 0
        self.max_tries_per_hour = MAX_TRIES_PER_HOUR
        self._failures = 0                 # tries that failed and sessions dropped young, in a row
        self._tries: deque[float] = deque()     # when each try after a failure began (last hour)
        self._task: asyncio.Task[Any] | None = None
        self._wake = asyncio.Event()
        self._opened_at = 0.0
        self._watch = QTimer(self)
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._check)

    # ---- intents ------------------------------------------------------------------------------

    def open(self, offline: bool) -> None:
        """Connect (again) from scratch; a connection still being made is abandoned."""
        self.offline = offline
        self._failures = 0
        self._tries.clear()
        self._run(self._connect("connect"))

    async def close(self) -> None:
        self._cancel()
        self._watch.stop()
        await self._drop_session()

    def retry_now(self) -> None:
        """Cut the countdown short: this one, or, while a try is under way, the next (a press
        during the try that then fails is not lost)."""
        self._wake.set()

    @property
    def waiting(self) -> bool:
        """A connection is being made or waited for."""
        return self._task is not None and not self._task.done()

    # ---- connecting ---------------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        self._cancel()
        self._task = self._spawn(coro)

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done() \
                and self._task is not asyncio.current_task():
            self._task.cancel()
        self._task = None

    async def _connect(self, reason: Reason) -> None:
        await self._drop_session()
        why = ""
        while True:
            await self._wait(retry_delay(self._failures), why)
            if reason != "connect" and self._failures and not self._may_try():
                self.owner.session_failed(GaveUpReconnecting(len(self._tries)))
                return
            try:
                session = await self._open_session()
            except AssistantError as exc:
                if reason == "connect" or not exc.retryable:
                    self.owner.session_failed(exc)
                    return
                self._failures, why = self._failures + 1, said(exc)
                log.info("reconnect try %d failed: %s", self._failures, exc)
                continue
            self._adopt(session, reason)
            return

    def _may_try(self) -> bool:
        """Under the hourly budget of reconnect tries (this one counted)."""
        now = time.monotonic()
        while self._tries and now - self._tries[0] > 3600:
            self._tries.popleft()
        if len(self._tries) >= self.max_tries_per_hour:
            return False
        self._tries.append(now)
        return True

    async def _wait(self, seconds: float, why: str) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.countdown.emit(int(left + 0.999), why)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), min(1.0, left))
                self._wake.clear()
                break
        self.countdown.emit(0, why)

    async def _open_session(self) -> RealtimeSession:
        endpoint = await self.endpoints.endpoint(self._prefs.current, self.offline)
        self.owner.connecting(self.tr("Connecting to {endpoint}...").format(
            endpoint=endpoint.display()))
        session = RealtimeSession(endpoint)
        session.listeners.append(self.owner.on_event)
        session.sent_listeners.append(self.owner.on_sent)
        session.close_listeners.append(lambda error: self._on_closed(session, error))
        try:
            await session.connect()
        except asyncio.CancelledError:
            await session.close()
            raise
        return session

    def _adopt(self, session: RealtimeSession, reason: Reason) -> None:
        self.session = session
        self._opened_at = time.monotonic()
        if reason != "connect":
            self.reconnects += 1
        self.owner.session_opened(session, reason)
        self._watch.start()

    async def _drop_session(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.close_listeners.clear()
            await session.close()

    # ---- losing it ----------------------------------------------------------------------------

    def _on_closed(self, session: RealtimeSession, error: AssistantError | None) -> None:
        if session is not self.session or error is None:
            return                                   # an old session, or we closed it
        self.session = None
        lived = time.monotonic() - self._opened_at
        useful = session.configured and (lived >= HEALTHY_S or session.replies_finished > 0)
        self._failures = 0 if useful else self._failures + 1
        if useful:
            self._wake.clear()               # a retry asked for an earlier outage is stale
        log.info("session lost after %.1f s: %s", lived, error)
        self.owner.session_lost(error)
        if not error.retryable:
            self._watch.stop()
            self.owner.session_failed(error)
            return
        self._run(self._connect("rollover" if isinstance(error, SessionExpired)
                                else "reconnect"))

    def _check(self) -> None:
        """Once a second: a server gone silent mid-response, or a session due to roll over."""
        session = self.session
        if session is None or not session.is_open:
            return
        stall_s = self._prefs.current.stall_s
        if session.response_active and time.monotonic() - session.last_event_at > stall_s:
            self._spawn(session.close(ConnectionLost(self.tr(
                "The server stopped answering mid-response ({seconds} s without a word).")
                .format(seconds=f"{stall_s:g}"))))
        elif self._rollover_due() and not self.waiting and self.owner.is_quiet():
            self._task = self._spawn(self._rollover(session))

    def _rollover_due(self) -> bool:
        return time.monotonic() - self._opened_at >= self._prefs.current.rollover_minutes * 60

    async def _rollover(self, old: RealtimeSession) -> None:
        """Make before break: the old session stays until the new one has the conversation."""
        try:
            fresh = await self._open_session()
        except AssistantError as exc:
            log.info("rollover postponed: %s", exc)
            self._opened_at += ROLLOVER_RETRY_S
            return
        if old is not self.session:          # it dropped meanwhile: the reconnect has it
            await fresh.close()
            return
        old.close_listeners.clear()
        self._adopt(fresh, "rollover")
        await old.close()
