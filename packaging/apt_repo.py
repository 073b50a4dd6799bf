"""An apt repository of the .deb, as static files (GitHub Pages serves them), signed.

    python packaging/apt_repo.py OUT --key KEYID [--gnupghome DIR] dist/*.deb

OUT gets pool/ (the packages), dists/stable/ (Packages, Release, InRelease, Release.gpg) and
voice-assistant.gpg (the public key, binary, for `signed-by=`). apt-ftparchive (Debian's
apt-utils) writes the indexes and the Release file with its hashes; gpg signs it. Users add it
with the README's two lines, and `apt upgrade` takes each new release from then on.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
from pathlib import Path

SUITE, COMPONENT, ARCH = "stable", "main", "amd64"
KEY_FILE = "voice-assistant.gpg"


def build(out: Path, debs: list[Path], key: str, gnupghome: Path | None = None) -> Path:
    """The repository in `out` (made afresh), signed with `key`; returns `out`."""
    shutil.rmtree(out / "pool", ignore_errors=True)
    shutil.rmtree(out / "dists", ignore_errors=True)
    pool = out / "pool" / COMPONENT / "v" / "voice-assistant"
    pool.mkdir(parents=True)
    for deb in debs:
        shutil.copy2(deb, pool / deb.name)
    binary = out / "dists" / SUITE / COMPONENT / f"binary-{ARCH}"
    binary.mkdir(parents=True)
    packages = run(["apt-ftparchive", "packages", "pool"], out)
    (binary / "Packages").write_bytes(packages)
    (binary / "Packages.gz").write_bytes(gzip.compress(packages, mtime=0))
    release = run(["apt-ftparchive",
                   "-o", "APT::FTPArchive::Release::Origin=Voice Assistant",
                   "-o", "APT::FTPArchive::Release::Label=Voice Assistant",
                   "-o", f"APT::FTPArchive::Release::Suite={SUITE}",
                   "-o", f"APT::FTPArchive::Release::Codename={SUITE}",
                   "-o", f"APT::FTPArchive::Release::Architectures={ARCH}",
                   "-o", f"APT::FTPArchive::Release::Components={COMPONENT}",
                   "release", "."], out / "dists" / SUITE)
    dists = out / "dists" / SUITE
    (dists / "Release").write_bytes(release)
    gpg = ["gpg", "--batch", "--yes", "--local-user", key,
           *(["--homedir", str(gnupghome)] if gnupghome else [])]
    run([*gpg, "--clearsign", "--output", "InRelease", "Release"], dists)
    run([*gpg, "--armor", "--detach-sign", "--output", "Release.gpg", "Release"], dists)
    (out / KEY_FILE).write_bytes(run([*gpg, "--export", key], out))
    return out


def run(command: list[str], cwd: Path) -> bytes:
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("debs", type=Path, nargs="+")
    parser.add_argument("--key", required=True, help="the signing key's id or e-mail")
    parser.add_argument("--gnupghome", type=Path)
    args = parser.parse_args()
    print(build(args.out, args.debs, args.key, args.gnupghome))


if __name__ == "__main__":
    main()
