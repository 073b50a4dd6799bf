"""Every artifact self-tested exactly as a user downloads it: unpacked (or installed) from its
file into a fresh folder, then `--self-test`. The release workflow runs this on each OS on the
downloaded artifacts; the tests run it on Linux's.

    python packaging/verify_artifacts.py DIR     # every artifact in DIR; exit 1 if any fails

  *.tar.gz          unpacked; voice-assistant/voice-assistant
  *.zip (macOS)     unpacked with ditto; Voice Assistant.app/Contents/MacOS/voice-assistant
  *.zip (Windows)   unpacked; voice-assistant\\voice-assistant.exe
  *-setup.exe       installed silently for this user into the folder, then uninstalled
  *.deb             unpacked with dpkg-deb; opt/voice-assistant/voice-assistant
  the one-file app  copied and made executable
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

NAME = "voice-assistant"
TIMEOUT_S = 120


def executable_of(artifact: Path, folder: Path) -> tuple[Path, list[Path]]:
    """Unpack or install `artifact` into `folder`: the app's executable, and what removes it."""
    name = artifact.name
    if name.endswith(".tar.gz"):
        with tarfile.open(artifact) as tar:       # the "data" filter where Python has it
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(folder, **safe)
        return folder / NAME / NAME, []
    if name.endswith(".zip") and sys.platform == "darwin":
        subprocess.run(["ditto", "-x", "-k", str(artifact), str(folder)], check=True)
        return folder / "Voice Assistant.app" / "Contents" / "MacOS" / NAME, []
    if name.endswith(".zip"):
        with zipfile.ZipFile(artifact) as zf:
            zf.extractall(folder)
        return folder / NAME / f"{NAME}.exe", []
    if name.endswith("-setup.exe"):
        app = folder / "installed"
        subprocess.run([str(artifact), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER",
                        "/NORESTART", f"/DIR={app}"], check=True, timeout=TIMEOUT_S)
        return app / f"{NAME}.exe", [app / "unins000.exe"]
    if name.endswith(".deb"):
        subprocess.run(["dpkg-deb", "-x", str(artifact), str(folder)], check=True)
        return folder / "opt" / NAME / NAME, []
    copy = folder / name
    shutil.copy2(artifact, copy)
    copy.chmod(0o755)
    return copy, []


def is_artifact(path: Path) -> bool:
    return path.is_file() and path.name.startswith(NAME) and not path.name.endswith(
        (".sha256", ".asc", ".sig", "SUMS"))


def verify(artifact: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    """The self-test of `artifact` unpacked under `scratch` (a fresh folder)."""
    executable, removers = executable_of(artifact, scratch)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("QT_QPA_PLATFORM", None)               # --self-test goes offscreen by itself
    try:
        return subprocess.run([str(executable), "--self-test"], capture_output=True, text=True,
                              timeout=TIMEOUT_S, env=env)
    finally:
        for remover in removers:
            subprocess.run([str(remover), "/VERYSILENT", "/SUPPRESSMSGBOXES"], check=False)


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:] or ["dist"])[0])
    artifacts = sorted(p for p in folder.iterdir() if is_artifact(p))
    if not artifacts:
        print(f"no artifacts in {folder}")
        return 1
    failed = 0
    for artifact in artifacts:
        with tempfile.TemporaryDirectory(prefix="as-downloaded-") as scratch:
            result = verify(artifact, Path(scratch))
        ok = result.returncode == 0
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {artifact.name}", flush=True)
        if not ok:
            print(result.stdout[-3000:] + result.stderr[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
