"""The built artifacts (`python packaging/build.py` first; `bash dev.sh test` builds them):
each starts and passes its self-test, the Debian package installs, runs and removes cleanly,
and the frozen app holds a spoken conversation on real devices as the source app does."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import verify_artifacts

from assistant import __version__
from assistant.sim import voice
from tests.live_app import LiveApp
from tests.packaging.process_io import run_counting_io
from tests.pulse import (
    espeak_wav,
    missing_tools,
    read_wav,
    windowed_correlation,
    windowed_matches,
)

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
ONEDIR = DIST / "voice-assistant" / "voice-assistant"
ONEFILE = DIST / f"voice-assistant-{__version__}-linux-x86_64"
TARBALL = DIST / f"voice-assistant-{__version__}-linux-x86_64.tar.gz"
DEB = DIST / f"voice-assistant_{__version__}_amd64.deb"

pytestmark = pytest.mark.packaging


def built(path: Path) -> Path:
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run python packaging/build.py"
    return path


def self_test(executable: Path | str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("QT_QPA_PLATFORM", None)               # --self-test goes offscreen by itself
    return subprocess.run([str(executable), "--self-test"], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize("artifact", [TARBALL, ONEFILE], ids=["one-folder archive", "one-file"])
def test_each_download_passes_its_self_test_where_it_lands(artifact, tmp_path):
    """As the release workflow checks every artifact: unpacked (or copied) from the file a user
    downloads into a fresh folder, then its self-test (dev.sh ran dist's one already)."""
    started = time.monotonic()
    result = verify_artifacts.verify(built(artifact), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(frozen" in result.stdout and "self-test passed" in result.stdout
    assert time.monotonic() - started < 60


def test_the_one_file_app_unpacks_itself_in_large_writes():
    """Its bootloader is the one rebuilt to unpack 64 KB at a time (packaging/
    unpack_bootloader.py): PyInstaller's own makes 42,761 write calls of 4 KB for one start."""
    code, io = run_counting_io([str(built(ONEFILE)), "--version"], stdout=subprocess.DEVNULL,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert code == 0
    assert io["wchar"] > 100_000_000                        # the whole app was written out
    assert io["syscw"] < 5_000, io


def test_the_archive_holds_the_one_folder_app():
    with tarfile.open(built(TARBALL)) as tar:
        member = tar.getmember("voice-assistant/voice-assistant")
        assert member.isfile() and member.mode & 0o111
        assert any(n.endswith("resources/voice-assistant.svg") for n in tar.getnames())


def test_the_app_carries_no_pkg_resources_and_runs_no_hook_for_it():
    """Bundled, pkg_resources brings a run-time hook that imports it at every start (0.06 s of
    the one-folder app's --version); nothing the app runs needs it (webrtcvad names it for
    Pythons before 3.8 only)."""
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    executable = CArchiveReader(str(built(ONEDIR)))
    assert "pyi_rth_inspect" in executable.toc                 # the listing is the real one
    assert not [name for name in executable.toc if "pkgres" in name]
    modules = ZlibArchiveReader(str(built(ONEDIR)), executable.toc["PYZ.pyz"][0]
                                + executable._start_offset).toc
    assert "assistant.shell.main" in modules
    assert not [name for name in modules if name.split(".")[0] in ("pkg_resources", "setuptools")]


def test_the_debian_package_declares_what_a_desktop_provides():
    info = subprocess.run(["dpkg-deb", "-f", str(built(DEB))], capture_output=True, text=True,
                          check=True).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert fields["Package"] == "voice-assistant" and fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    for needed in ("libxcb-cursor0", "libasound2-plugins | pipewire-alsa", "libpulse0"):
        assert needed in fields["Depends"]
    listing = subprocess.run(["dpkg-deb", "-c", str(DEB)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/voice-assistant/voice-assistant", "./usr/bin/voice-assistant",
                 "./usr/share/applications/voice-assistant.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/voice-assistant.svg",
                 "./usr/share/icons/hicolor/48x48/apps/voice-assistant.png"):
        assert path in listing, path


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("apt-get") is None,
                    reason="installing a .deb needs root and apt-get")
def test_the_debian_package_installs_runs_and_removes():
    subprocess.run(["dpkg", "-r", "voice-assistant"], capture_output=True)
    install = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends",
                              str(built(DEB))], capture_output=True, text=True, timeout=600,
                             env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    try:
        command = shutil.which("voice-assistant", path="/usr/bin")
        assert command == "/usr/bin/voice-assistant"
        version = subprocess.run([command, "--version"], capture_output=True, text=True,
                                 timeout=30)
        assert version.stdout.strip().endswith(__version__)
        result = self_test(command)
        assert result.returncode == 0, result.stdout + result.stderr
        entry = configparser.ConfigParser(interpolation=None)
        entry.read("/usr/share/applications/voice-assistant.desktop")
        assert entry["Desktop Entry"]["Exec"].startswith("voice-assistant")
    finally:
        removed = subprocess.run(["dpkg", "-r", "voice-assistant"], capture_output=True,
                                 text=True)
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/voice-assistant").exists()
    assert not Path("/usr/bin/voice-assistant").exists()
    assert not Path("/usr/share/applications/voice-assistant.desktop").exists()


@pytest.mark.skipif(bool(missing_tools()), reason=f"needs {', '.join(missing_tools())}")
async def test_the_frozen_app_holds_a_spoken_conversation_on_real_devices(tmp_path):
    async with LiveApp([str(built(ONEDIR))]) as live:
        await live.start_app()
        live.record_speaker(tmp_path / "speaker.wav")
        question = espeak_wav("hello assistant, can you hear me", tmp_path / "question.wav")
        await live.say(question)
        await live.until(lambda: any(e["response"]["status"] == "completed"
                                     for e in live.sent("response.done")), 30, "the reply")
        deltas = live.events("out", "response.output_audio.delta")
        reply = live.sent("response.done")[-1]["response"]["output"][0]["content"][0]
        expected = voice.synthesize(reply["transcript"])
        heard_by = deltas[0][0] + len(expected) / 48_000 + 1.0    # all of it has played by then
        await live.until(lambda: time.monotonic() > heard_by, 30, "the reply to play out")
        live.stop_recording()
    import numpy as np

    reference, heard = np.frombuffer(expected, np.int16), read_wav(tmp_path / "speaker.wav")
    corr = windowed_correlation(reference, heard)
    assert reply["transcript"].startswith("I heard "), reply
    assert corr >= 0.9, (reply["transcript"], windowed_matches(reference, heard))  # (score, ms)


@pytest.mark.skipif(not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "xprop")),
                    reason="needs Xvfb, xdotool and xprop (bash dev.sh test installs them)")
def test_the_desktop_entry_names_the_window_the_binary_opens(tmp_path):
    """Docks group the window under the desktop entry by StartupWMClass."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "resources" / "voice-assistant.desktop")
    wm_class = entry["Desktop Entry"]["StartupWMClass"]
    display = ":91"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "HOME": str(tmp_path),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("QT_QPA_PLATFORM", None)
    app = None
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xprop", "-root"], env=env, capture_output=True).returncode:
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        app = subprocess.Popen([str(built(ONEDIR)), "--offline"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                                 "^Voice Assistant$"], env=env, capture_output=True, text=True,
                                timeout=20).stdout.split()[0]
        shown = subprocess.run(["xprop", "-id", window, "WM_CLASS"], env=env,
                               capture_output=True, text=True).stdout
    finally:
        if app is not None:
            app.terminate()
            app.wait(15)
        xvfb.terminate()
        xvfb.wait(5)
    assert shown.strip() == f'WM_CLASS(STRING) = "voice-assistant", "{wm_class}"'
