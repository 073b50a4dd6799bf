"""The daily update check in the app: a newer version becomes one notice with how to update; the
offline demo, the setting off, or a check less than a day ago ask nothing; a feed that is down is
asked once, not again and again; the user's own check answers either way."""

from __future__ import annotations

import asyncio
import time

import pytest

from assistant.app.settings import Preferences, Settings
from assistant.app.updates.watch import DAY_S, UpdateWatch
from tests.helpers import until
from tests.updates.feed_server import FeedServer

pytestmark = pytest.mark.qt          # its timers are Qt's: on a qasync loop, as in the app


@pytest.fixture
def feed(monkeypatch):
    with FeedServer() as server:
        yield server


def watch_of(settings: Settings, offline: bool = False,
             talking: list[bool] | None = None) -> tuple[UpdateWatch, list, list]:
    saved: list[Settings] = []
    talking = talking or [False]
    watch = UpdateWatch(Preferences(settings, saved.append), lambda: offline,
                        asyncio.get_running_loop().create_task, version="0.1.0",
                        talking=lambda: talking[0])
    available: list[tuple[str, ...]] = []
    told: list[str] = []
    watch.available.connect(lambda *a: available.append(a))
    watch.told.connect(told.append)
    return watch, available, told


async def test_a_newer_version_is_told_once_with_how_to_update(qapp, feed, monkeypatch):
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/newer")
    watch, available, told = watch_of(Settings())
    watch.maybe_check()
    await until(lambda: available, message="the notice")
    version, how, notes, page = available[0]
    assert version == "9.1.0" and "git pull" in how and "screen" in notes
    assert page == "https://example.org/releases/v9.1.0" and told == []
    watch.maybe_check()                            # checked just now: not again today
    await asyncio.sleep(0.2)
    assert len(feed.requests) == 1 and len(available) == 1


@pytest.mark.parametrize(("settings", "offline"), [
    (Settings(check_updates=False), False),
    (Settings(), True),
    (Settings(update_checked_at=time.time() - DAY_S / 2), False),
])
async def test_off_offline_or_checked_today_asks_nothing(qapp, feed, monkeypatch, settings,
                                                          offline):
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/newer")
    watch, available, _told = watch_of(settings, offline)
    watch.maybe_check()
    await asyncio.sleep(0.3)
    assert feed.requests == [] and available == []


async def test_a_feed_that_is_down_is_asked_once_a_day_not_in_a_storm(qapp, feed, monkeypatch):
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/error")
    watch, available, told = watch_of(Settings())
    for _ in range(20):                            # the hourly timer, say, firing again and again
        watch.maybe_check()
        await asyncio.sleep(0.02)
    await until(lambda: watch.prefs.current.update_checked_at > 0, message="checked")
    await asyncio.sleep(0.2)
    assert len(feed.requests) == 1 and available == [] and told == []


async def test_asked_twice_before_the_first_check_runs_it_asks_once(qapp, feed, monkeypatch):
    """The hourly timer and the tray's item in the same turn of the loop: one request."""
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/same")
    watch, _available, told = watch_of(Settings())
    watch.maybe_check()
    watch.maybe_check()
    assert await watch.check_now() is None           # one is under way: the user gets its answer
    await until(lambda: told, message="the answer")
    await asyncio.sleep(0.2)
    assert len(feed.requests) == 1 and told == ["Voice Assistant 0.1.0 is up to date."]
    assert (await watch.check_now()) is not None and len(feed.requests) == 2   # then it asks


async def test_the_users_own_check_always_answers(qapp, feed, monkeypatch):
    watch, available, told = watch_of(Settings(), offline=True)     # even in the demo
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/same")
    await watch.check_now()
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/malformed")
    await watch.check_now()
    assert told == ["Voice Assistant 0.1.0 is up to date.",
                    told[1]] and told[1].startswith("Could not check for updates: ")
    assert available == []


async def test_started_it_checks_by_itself_and_stopped_it_does_not(qapp, feed, monkeypatch):
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/newer")
    watch, available, _told = watch_of(Settings())
    watch._first.setInterval(50)                    # the app waits 15 s; the timer is the same
    watch.start()
    await until(lambda: available, message="the first look, by itself")
    stopped, never, _ = watch_of(Settings())
    stopped._first.setInterval(50)
    stopped.start()
    stopped.stop()
    await asyncio.sleep(0.3)
    assert never == [] and len(feed.requests) == 1


async def test_the_check_waits_for_a_pause_in_the_conversation(qapp, feed, monkeypatch):
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", feed.url + "/newer")
    talking = [True]
    watch, available, _told = watch_of(Settings(), talking=talking)
    watch.maybe_check()                            # due, but a conversation is under way
    await asyncio.sleep(0.3)
    assert feed.requests == [] and watch._first.isActive()     # it looks again later
    watch._first.stop()
    talking[0] = False
    watch.maybe_check()                            # that later look, in a quiet moment
    await until(lambda: available, message="the notice")
    assert len(feed.requests) == 1
