"""One question to the release feed: is there a newer version than this one?

The feed is GitHub's "latest release" API by default (a JSON object with `tag_name`, `body`,
`html_url`; a bare `{"version": ...}` works too), or whatever VOICE_ASSISTANT_UPDATE_URL names,
so an organisation can serve its own. Nothing is sent but the request itself, whose User-Agent
names this version and the OS. Every failure (unreachable, slow, an error status, an answer that
is not a release) is an outcome with a reason, never an exception: the caller decides when to
ask again.
"""

from __future__ import annotations

import json
import os
import platform
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from packaging.version import InvalidVersion, Version

DEFAULT_FEED = "https://api.github.com/repos/voice-assistant/voice-assistant/releases/latest"
TIMEOUT_S = 10.0
MAX_BYTES = 1_000_000            # a release's JSON is a few kB; more is not a release feed
Outcome = Literal["newer", "current", "failed"]


@dataclass(frozen=True)
class Release:
    version: str
    notes: str = ""              # what is new, as the release says it (Markdown)
    page: str = ""               # where to read and download it


@dataclass(frozen=True)
class Checked:
    outcome: Outcome
    release: Release | None = None
    why: str = ""                # failed: the reason, in words


def feed_url(env: dict[str, str] | os._Environ[str] = os.environ) -> str:
    return env.get("VOICE_ASSISTANT_UPDATE_URL", "").strip() or DEFAULT_FEED


def user_agent(version: str) -> str:
    """All the feed learns of us: this version and the OS."""
    return f"voice-assistant/{version} ({platform.system() or 'unknown'})"


def check(current: str, url: str | None = None, timeout: float = TIMEOUT_S) -> Checked:
    url = url or feed_url()
    host = urlsplit(url).netloc or url
    if urlsplit(url).scheme not in ("http", "https"):
        return Checked("failed", why=f"the feed's address must be http or https, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(current),
                                                   "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        return Checked("failed", why=f"{host} answered {exc.code} {exc.reason}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Checked("failed", why=f"could not reach {host} ({reason or type(exc).__name__})")
    if len(body) > MAX_BYTES:
        return Checked("failed", why=f"{host} answered with more than a release feed holds")
    return compare(current, body, host)


def compare(current: str, body: bytes, host: str = "the feed") -> Checked:
    """The feed's answer against this version."""
    try:
        document = json.loads(body)
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
        tag = str(document.get("tag_name") or document.get("version") or "")
        latest = Version(tag.removeprefix("v"))
        release = Release(str(latest), str(document.get("body") or document.get("notes") or ""),
                          str(document.get("html_url") or document.get("url") or ""))
        newer = latest > Version(current)
    except (ValueError, InvalidVersion, RecursionError) as exc:
        return Checked("failed", why=f"{host}'s answer is not a release ({exc})")
    return Checked("newer" if newer else "current", release)
