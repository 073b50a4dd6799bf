"""The update check against a release feed on loopback: newer, the same, older, malformed, not
a release, too large, an error status, unreachable, slow. Each is an outcome with a reason, the
command line's exit code says which (0, 10, 1), and the feed learns only the version and OS."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from assistant.updates.feed import check, compare, feed_url
from assistant.updates.install_kind import install_kind
from tests.updates.feed_server import FeedServer


@pytest.fixture
def feed():
    with FeedServer(delay_s=2.0) as server:
        yield server


@pytest.mark.parametrize(("path", "outcome", "why"), [
    ("/newer", "newer", ""), ("/same", "current", ""), ("/older", "current", ""),
    ("/malformed", "failed", "is not a release"), ("/not-a-release", "failed", "not a release"),
    ("/huge", "failed", "more than a release feed holds"), ("/error", "failed", "503"),
])
def test_each_answer_of_the_feed_is_an_outcome(feed, path, outcome, why):
    checked = check("0.1.0", feed.url + path)
    assert checked.outcome == outcome and why in checked.why
    if outcome == "newer":
        assert checked.release.version == "9.1.0"
        assert checked.release.page == "https://example.org/releases/v9.1.0"
        assert "screen" in checked.release.notes


def test_the_feed_learns_the_version_and_the_os_and_nothing_else(feed):
    check("0.1.0", feed.url + "/newer")
    (path, headers), = feed.requests
    assert path == "/newer"
    assert headers["User-Agent"] == f"voice-assistant/0.1.0 ({platform.system()})"
    assert set(headers) <= {"Accept-Encoding", "Host", "User-Agent", "Accept", "Connection"}


def test_unreachable_slow_and_odd_addresses_fail_in_words(feed, tmp_path):
    port = feed.server.server_address[1]
    feed.server.shutdown()
    feed.server.server_close()
    gone = check("0.1.0", f"http://127.0.0.1:{port}/newer", timeout=2)
    assert gone.outcome == "failed" and "could not reach 127.0.0.1" in gone.why
    with FeedServer(delay_s=3.0) as slow:
        late = check("0.1.0", slow.url + "/slow", timeout=0.5)
    assert late.outcome == "failed" and "could not reach" in late.why
    local = check("0.1.0", f"file://{tmp_path}/feed.json")
    assert local.outcome == "failed" and "http or https" in local.why


def test_versions_compare_as_versions_not_as_text():
    assert compare("0.9.0", b'{"tag_name": "v0.10.0"}').outcome == "newer"
    assert compare("1.0.0", b'{"tag_name": "1.0.0rc1"}').outcome == "current"
    assert compare("1.0.0", b"[1, 2]").outcome == "failed"
    assert feed_url({"VOICE_ASSISTANT_UPDATE_URL": " https://feed.example/x "}) == \
        "https://feed.example/x"
    assert feed_url({}).startswith("https://api.github.com/repos/")


def test_how_it_was_installed_decides_how_it_is_updated(tmp_path):
    assert install_kind(frozen=False) == "source"
    assert install_kind("/opt/voice-assistant/voice-assistant", True, "linux") == "deb"
    (tmp_path / "voice-assistant" / "_internal").mkdir(parents=True)
    assert install_kind(str(tmp_path / "voice-assistant" / "voice-assistant"), True,
                        "linux") == "tarball"
    assert install_kind(str(tmp_path / "voice-assistant-0.1.0-linux-x86_64"), True,
                        "linux") == "onefile"
    assert install_kind("/Applications/x", True, "darwin") == "macos"
    assert install_kind("C:/x", True, "win32") == "windows"


@pytest.mark.parametrize(("path", "code", "said"), [
    ("/newer", 10, "Voice Assistant 9.1.0 is available (this is 0.1.0)."),
    ("/same", 0, "Voice Assistant 0.1.0 is up to date (the newest is 0.1.0)."),
    ("/malformed", 1, "Could not check for updates:"),
    ("/error", 1, "Could not check for updates: 127.0.0.1"),
])
def test_check_updates_on_the_command_line_prints_and_exits_for_scripts(feed, path, code, said):
    env = {**os.environ, "VOICE_ASSISTANT_UPDATE_URL": feed.url + path}
    env.pop("DISPLAY", None)                    # no window is needed, nor opened
    result = subprocess.run([sys.executable, "-m", "assistant", "--check-updates"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == code
    assert said in (result.stdout + result.stderr)
    if code == 10:
        assert "git pull" in result.stdout and "Faster barge-in" in result.stdout
