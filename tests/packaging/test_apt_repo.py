"""The apt repository end to end, with Debian's own tools, as a user lives it: the repository
(packaging/apt_repo.py, signed) served over HTTP on loopback, added with its key, the package
installed; a newer version published and taken by `apt-get upgrade`; a repository signed by
another key refused. It installs into this system, so it runs as root only (CI is root)."""

from __future__ import annotations

import functools
import http.server
import itertools
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import apt_repo  # noqa: E402
import deb_package  # noqa: E402

TOOLS = ("apt-get", "apt-ftparchive", "gpg", "dpkg-deb")
pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or any(shutil.which(t) is None for t in TOOLS),
    reason="installs a package into this system: root, apt-get, apt-ftparchive (apt-utils), gpg "
           "and dpkg-deb needed (CI has them: bash dev.sh test installs them)")
INSTALLED = Path("/usr/bin/voice-assistant")
KEYRINGS = Path("/etc/apt/keyrings")
RELEASES = itertools.count(1)


def fake_app(folder: Path, version: str) -> Path:
    """A one-folder app that says its version: the repository is under test, not the app."""
    app = folder / "dist" / "voice-assistant"
    (app / "_internal").mkdir(parents=True)
    (app / "voice-assistant").write_text(f"#!/bin/sh\necho voice-assistant {version}\n")
    (app / "voice-assistant").chmod(0o755)
    (folder / "resources").mkdir(exist_ok=True)
    for name in ("voice-assistant.desktop", "voice-assistant.svg"):
        shutil.copy2(ROOT / "resources" / name, folder / "resources" / name)
    return app


def deb(tmp: Path, version: str) -> Path:
    folder = tmp / f"app-{version}"
    return deb_package.build(fake_app(folder, version), folder / "dist", version, folder,
                             depends=())


HOMES: list[Path] = []


@pytest.fixture(autouse=True)
def no_agent_left():
    """gpg starts an agent per home, which outlived the tests (found in `ps` 13 min later)."""
    yield
    while HOMES:
        subprocess.run(["gpgconf", "--homedir", str(HOMES.pop()), "--kill", "gpg-agent"],
                       capture_output=True)


def new_key(home: Path, name: str) -> str:
    home.mkdir(mode=0o700)
    HOMES.append(home)
    subprocess.run(["gpg", "--batch", "--homedir", str(home), "--passphrase", "",
                    "--quick-gen-key", f"{name} <{name}@example.org>", "ed25519", "sign",
                    "never"], check=True, capture_output=True)
    return f"{name}@example.org"


def publish(repo: Path, package: Path, key: str, home: Path) -> None:
    """A release: the repository rebuilt. Its files are dated a minute on, as a later release's
    are (within one second, HTTP's If-Modified-Since would call them unchanged)."""
    apt_repo.build(repo, [package], key, home)
    later = time.time() + 60 * next(RELEASES)
    for path in repo.rglob("*"):
        os.utime(path, (later, later))


class Apt:
    """apt-get told of this one repository only (nothing else is read or fetched)."""

    def __init__(self, sources: Path) -> None:
        self.options = ["-o", f"Dir::Etc::sourcelist={sources}", "-o", "Dir::Etc::sourceparts=-",
                        "-o", "APT::Get::List-Cleanup=0", "-q", "-y"]

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["apt-get", *self.options, *args], capture_output=True, text=True,
                              env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                              timeout=300)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_install_upgrade_and_a_foreign_signature_refused(tmp_path, served):
    site, url = served
    ours = new_key(tmp_path / "ours", "release")
    repo = site / "apt"
    publish(repo, deb(tmp_path, "0.1.0"), ours, tmp_path / "ours")
    key = KEYRINGS / "voice-assistant-test.gpg"         # the README's first line fetches it
    KEYRINGS.mkdir(parents=True, exist_ok=True)          # where apt's own user can read it
    key.write_bytes((repo / apt_repo.KEY_FILE).read_bytes())
    key.chmod(0o644)
    sources = tmp_path / "voice-assistant.list"           # and its second line writes this
    sources.write_text(f"deb [signed-by={key}] {url}/apt stable main\n")
    apt = Apt(sources)
    try:
        assert apt("update").returncode == 0
        installed = apt("install", "--no-install-recommends", "voice-assistant")
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert subprocess.run([str(INSTALLED)], capture_output=True, text=True).stdout == \
            "voice-assistant 0.1.0\n"

        publish(repo, deb(tmp_path, "0.2.0"), ours, tmp_path / "ours")     # a release
        assert apt("update").returncode == 0
        upgraded = apt("upgrade")
        assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
        assert subprocess.run([str(INSTALLED)], capture_output=True, text=True).stdout == \
            "voice-assistant 0.2.0\n"

        intruder = new_key(tmp_path / "intruder", "intruder")
        publish(repo, deb(tmp_path, "0.3.0"), intruder, tmp_path / "intruder")
        refused = apt("update")        # apt keeps the last good index and says why, in words
        said = refused.stdout + refused.stderr
        assert "NO_PUBKEY" in said and "not updated" in said, said
        assert "0.3.0" not in apt("install", "--simulate", "voice-assistant").stdout
        assert apt("upgrade").returncode == 0
        assert subprocess.run([str(INSTALLED)], capture_output=True, text=True).stdout == \
            "voice-assistant 0.2.0\n"                      # the intruder's 0.3.0 never came
    finally:
        subprocess.run(["dpkg", "--purge", "voice-assistant"], capture_output=True)
        key.unlink(missing_ok=True)
    assert not INSTALLED.exists()
