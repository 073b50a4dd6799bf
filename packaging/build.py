"""Build Voice Assistant's binaries: `python packaging/build.py` from the repo root, with the
project and its `build` extra installed. Everything that differs between Linux, macOS and Windows
lives here; the release workflow only calls this.

Writes under dist/ (Linux names; macOS and Windows get their own):
  voice-assistant/voice-assistant                         the one-folder app
  voice-assistant-<version>-linux-x86_64.tar.gz           that folder, packed
  voice-assistant-<version>-linux-x86_64                  the one-file executable
  voice-assistant_<version>_amd64.deb                     a Debian package of the one-folder app
macOS: the .app zipped by `ditto` (it keeps the framework symlinks Qt's bundle needs; Python's
zipfile does not). Windows: the folder zipped, and an installer made by Inno Setup ("installer").
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "packaging")]    # packaging/ has no __init__: it never
                                                        # shadows the `packaging` library
import deb_package  # noqa: E402
import i18n  # noqa: E402
import icon_set  # noqa: E402

from assistant import __version__  # noqa: E402

DIST, WORK = ROOT / "dist", ROOT / "build"
NAME = "voice-assistant"
KINDS = ("onedir", "onefile", "deb", "installer")


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform,
                                                                           sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(KINDS),
                        help=f"comma-separated subset of {', '.join(KINDS)} (deb: Linux only; "
                             "installer: Windows only, with Inno Setup's iscc on PATH)")
    parser.add_argument("--self-test", action="store_true",
                        help="then run the one-folder app's --self-test (exit 1 if it fails)")
    args = parser.parse_args(argv)
    kinds = [k for k in args.only.split(",") if k]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    DIST.mkdir(exist_ok=True)
    timed("translations", i18n.compile_all)
    extra = prepare_resources()
    bundles = [kind for kind, wanted in (
        ("onedir", {"onedir", "deb", "installer"} & set(kinds)), ("onefile", "onefile" in kinds))
        if wanted]
    if bundles:
        timed(" and ".join(bundles), lambda: pyinstaller(extra, bundles))
    if "onedir" in bundles:
        timed("archive", pack_onedir)
    if "onefile" in bundles:
        suffix = ".exe" if sys.platform == "win32" else ""
        shutil.move(str(DIST / f"{NAME}-onefile{suffix}"),
                    DIST / f"{NAME}-{__version__}-{platform_tag()}{suffix}")
    if "deb" in kinds and sys.platform.startswith("linux"):
        timed("Debian package", lambda: deb_package.build(DIST / NAME, DIST, __version__,
                                                     WORK / "icons"))
    if "installer" in kinds and sys.platform == "win32":
        timed("Windows installer", windows_installer)
    if args.self_test:
        return subprocess.run([str(onedir_executable()), "--self-test"]).returncode
    return 0


def onedir_executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "Voice Assistant.app" / "Contents" / "MacOS" / NAME
    return DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def timed(what: str, step: object) -> None:
    started = time.monotonic()
    print(f"==> {what}", flush=True)
    step()  # type: ignore[operator]
    print(f"    {what}: {time.monotonic() - started:.1f} s", flush=True)


def prepare_resources() -> dict[str, str]:
    """Icons made from the SVG, and the version filled into the per-OS metadata."""
    out = WORK / "icons"
    made = icon_set.render_all(ROOT / "resources" / f"{NAME}.svg", out)
    env = {"VA_ICON": str(made["ico"] if sys.platform == "win32" else
                          made["icns"] if sys.platform == "darwin" else made["png"][256])}
    numbers = ([int(p) for p in __version__.split(".") if p.isdigit()] + [0, 0, 0, 0])[:4]
    fills = {"@VERSION@": __version__, "@VERSION_TUPLE@": str(tuple(numbers))}
    for source, key in (("windows-version-info.txt", "VA_VERSION_FILE"),
                        ("Info.plist", "VA_INFO_PLIST")):
        text = (ROOT / "resources" / source).read_text()
        for placeholder, value in fills.items():
            text = text.replace(placeholder, value)
        target = WORK / source
        target.write_text(text)
        env[key] = str(target)
    return env


def pyinstaller(extra: dict[str, str], bundles: list[str]) -> None:
    """One PyInstaller run makes every bundle asked for: the one-file app and the folder share
    one analysis (a minute of the build)."""
    env = {**os.environ, **extra, "VA_BUILD": ",".join(bundles)}
    work = WORK / "pyinstaller"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(work),
                    str(ROOT / "packaging" / f"{NAME}.spec")], check=True, env=env, cwd=ROOT)


def pack_onedir() -> None:
    tag = f"{NAME}-{__version__}-{platform_tag()}"
    if sys.platform == "darwin":
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent",
                        str(DIST / "Voice Assistant.app"), str(DIST / f"{tag}.zip")], check=True)
    elif sys.platform == "win32":
        archive(DIST / NAME, DIST / f"{tag}.zip")
    else:
        with tarfile.open(DIST / f"{tag}.tar.gz", "w:gz", compresslevel=6) as tar:
            tar.add(DIST / NAME, arcname=NAME)


def archive(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))


def windows_installer() -> None:
    """Inno Setup (packaging/windows/voice-assistant.iss): a per-user install, no admin rights,
    Start menu entry and uninstaller; iscc is on GitHub's Windows runners."""
    subprocess.run(["iscc", f"/DAppVersion={__version__}", f"/DSourceDir={DIST / NAME}",
                    f"/DOutputDir={DIST}", f"/DOutputName={NAME}-{__version__}-"
                    f"{platform_tag()}-setup", str(ROOT / "packaging" / "windows" /
                                                   f"{NAME}.iss")], check=True)


if __name__ == "__main__":
    sys.exit(main())
