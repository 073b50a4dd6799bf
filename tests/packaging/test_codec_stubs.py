"""PyAV with its video and image codec libraries, libavformat, GnuTLS, libavdevice, libswscale
and libvpl replaced by stand-ins still does what the app asks of it (Opus both ways, the
resampler, its codec list), and a codec that is gone fails as an error, not a crash: the
stand-ins are built from the installed PyAV's libraries and put in place of the originals in a
copy of the package (symlinks for the rest). PortAudio with a stand-in for JACK's client finds
the same devices."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import av
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from codec_stubs import STUBBED, stand_in

PACKAGE = Path(av.__file__).resolve().parent
LIBS = PACKAGE.parent / "av.libs"
PROBE = r"""
import json
from fractions import Fraction
import numpy as np
import av

def opus_round_trip():
    encoder = av.CodecContext.create("libopus", "w")
    encoder.sample_rate, encoder.layout, encoder.format = 48000, "stereo", "s16"
    decoder = av.CodecContext.create("opus", "r")
    tone = (8000 * np.sin(np.arange(960) / 5)).astype(np.int16)
    decoded = 0
    for index in range(10):
        frame = av.AudioFrame.from_ndarray(np.repeat(tone, 2).reshape(1, -1), format="s16",
                                           layout="stereo")
        frame.sample_rate, frame.pts = 48000, index * 960
        for packet in encoder.encode(frame):
            decoded += sum(f.samples for f in decoder.decode(packet))
    return decoded

resampler = av.AudioResampler(format="s16", layout="mono", rate=24000)
frame = av.AudioFrame.from_ndarray(np.zeros((1, 1920), np.int16), format="s16", layout="stereo")
frame.sample_rate = 48000
try:
    video_encoder = av.CodecContext.create("libx264", "w")
    video_encoder.width, video_encoder.height, video_encoder.pix_fmt = 64, 64, "yuv420p"
    video_encoder.time_base = Fraction(1, 30)
    video_encoder.open()
    video = "opened"
except Exception as exc:
    video = type(exc).__name__
print(json.dumps({
    "opus samples": opus_round_trip(),
    "resampled": sum(f.samples for f in resampler.resample(frame)),
    "codecs": len(av.codecs_available),
    "versions": {name: list(version) for name, version in av.library_versions.items()
                 if name in ("libavcodec", "libavfilter", "libswresample")},
    "x264": video,
    "loaded": sorted(line.split()[-1] for line in open("/proc/self/maps") if "libx265" in line)[:1],
}))
"""

TOOLS = pytest.mark.skipif(not sys.platform.startswith("linux") or not LIBS.is_dir() or not all(
    shutil.which(tool) for tool in ("gcc", "nm", "readelf")), reason="needs gcc, nm, readelf")


def ask_pyav(site: Path | None = None) -> dict[str, object]:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = str(site)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def test_only_the_codecs_the_app_never_opens_are_replaced():
    for name in ("libx265-f5385bb8.so.216", "libSvtAv1Enc-9393c086.so.4.1.0",
                 "libvpx-edb6de90.so.12.0.0", "libwebpmux-e1880640.so.3.1.2",
                 "libgnutls-71454fd1.so.30.42.0", "libavdevice-d91b4e17.so.62.3.102",
                 "libswscale-88e9f973.so.9.5.102", "libavformat-4639def2.so.62.12.102",
                 "libvpl-e4e9cae8.so.2.16", "libjack.so.0", "libsystemd.so.0"):
        assert STUBBED.search(name), name
    for name in ("libopus-114e2b1a.so.0.11.1", "libavcodec-5e6b81c2.so.62.28.102",
                 "libswresample-f0bc92fc.so.6.3.102", "libavutil-5809ad29.so.60.26.102",
                 "libavfilter-b5da520e.so.11.14.102",
                 "libx265.so.216", "libQt6Core.so.6", "libjackserver.so.0"):
        assert not STUBBED.search(name), name


@TOOLS
def test_a_stand_in_keeps_the_symbol_versions_its_users_ask_for(tmp_path):
    gnutls = next(LIBS.glob("libgnutls-*"))
    new, saved = stand_in(str(gnutls), tmp_path / "cache")
    assert saved > 1e6

    def versions(library: Path) -> set[str]:
        listing = subprocess.run(["readelf", "--dyn-syms", "-W", str(library)], text=True,
                                 capture_output=True, check=True).stdout
        return {line.split()[-1] for line in listing.splitlines()
                if " FUNC " in line and " UND " not in line and "@@" in line}

    assert versions(Path(new)) == versions(gnutls)       # gnutls_global_init@@GNUTLS_3_4, ...


def system_stand_in(soname: str, tmp_path: Path, saves_over: float) -> str:
    """The stand-in for one of this machine's libraries (skipped where it has none)."""
    original = Path("/lib/x86_64-linux-gnu") / soname
    if not original.exists():
        pytest.skip(f"no {soname} here")
    new, saved = stand_in(str(original), tmp_path / "cache")
    assert saved > saves_over
    return new


def answer(probe: str, library_path: str, *prefix: str) -> list[object]:
    """What `probe` prints (JSON, last line) with the loader looking in `library_path` first."""
    env = {**os.environ, "LD_LIBRARY_PATH": library_path, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    said: list[object] = json.loads(done.stdout.splitlines()[-1])
    return said


@TOOLS
def test_portaudio_finds_the_same_devices_with_jacks_stand_in(tmp_path):
    new = system_stand_in("libjack.so.0", tmp_path, 100e3)
    probe = ("import json, pyaudio; p = pyaudio.PyAudio(); print(json.dumps(["
             "[p.get_host_api_info_by_index(i)['name'] for i in range(p.get_host_api_count())],"
             "[p.get_device_info_by_index(i)['name'] for i in range(p.get_device_count())],"
             "[line.split()[-1] for line in open('/proc/self/maps') if 'libjack' in line][:1]]))")
    apis, devices, loaded = answer(probe, "")
    stub_apis, stub_devices, stub_loaded = answer(probe, str(Path(new).parent))
    assert stub_loaded == [new] and loaded != [new]          # the stand-in is the one loaded
    assert (stub_apis, stub_devices) == (apis, devices) and "ALSA" in apis  # type: ignore[operator]


@TOOLS
def test_pyav_does_the_apps_work_with_the_stand_ins(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copytree(PACKAGE, site / "av", copy_function=os.symlink)
    shutil.copytree(LIBS, site / "av.libs", copy_function=os.symlink)
    replaced = 0
    for library in LIBS.iterdir():
        new, saved = stand_in(str(library), tmp_path / "cache")
        if saved:
            (site / "av.libs" / library.name).unlink()
            shutil.copyfile(new, site / "av.libs" / library.name)
            replaced += saved
    assert replaced > 38e6

    whole, stubbed = ask_pyav(), ask_pyav(site)
    assert str(stubbed.pop("loaded")).startswith(f"['{site}")       # the stand-in is the one
    whole.pop("loaded")
    assert whole["x264"] == "opened" and stubbed["x264"] != "opened"
    whole.pop("x264"), stubbed.pop("x264")
    assert stubbed == whole
    assert whole["opus samples"] >= 8 * 960 and whole["resampled"] > 0  # type: ignore[operator]


@TOOLS
def test_qt_reaches_the_session_bus_with_systemds_stand_in(tmp_path):
    if shutil.which("dbus-run-session") is None:
        pytest.skip("no dbus-run-session here")
    new = system_stand_in("libsystemd.so.0", tmp_path, 300e3)
    probe = ("import json; from PySide6.QtDBus import QDBusConnection; "
             "bus = QDBusConnection.sessionBus(); print(json.dumps(["
             "bus.isConnected(), bus.interface().isServiceRegistered('org.freedesktop.DBus')"
             ".value(), [line.split()[-1] for line in open('/proc/self/maps') "
             "if 'libsystemd' in line][:1]]))")
    assert answer(probe, str(Path(new).parent), "dbus-run-session", "--") == [True, True, [new]]
