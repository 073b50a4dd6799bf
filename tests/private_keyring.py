"""A private Secret Service: gnome-keyring, unlocked, on a D-Bus session of its own.

What a Linux desktop user has: the key kept in the system keyring, which the app asks at start
(through its keyring process, api_key_store.py). The benches hold their conversation so, since
what asking costs counts where the user lives it. `dev.sh test` installs both daemons.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

BACKEND = "keyring.backends.SecretService.Keyring"


def available() -> bool:
    return bool(shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon"))


class PrivateKeyring:
    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="private-keyring-"))
        self.address = ""
        self._bus_pid = 0
        self._env: dict[str, str] = {}     # for this module's own writes: the backend named

    def env(self) -> dict[str, str]:
        """What a process needs to find this keyring as a desktop's is found: keyring's own
        detection, asking the session bus (so no PYTHON_KEYRING_BACKEND beside it)."""
        return {"DBUS_SESSION_BUS_ADDRESS": self.address}

    def start(self) -> PrivateKeyring:
        base = {**os.environ, "HOME": str(self.home), "XDG_DATA_HOME": str(self.home / "data"),
                "XDG_RUNTIME_DIR": str(self.home)}
        out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                              "--print-pid=1"], env=base, capture_output=True, text=True,
                             timeout=10, check=True).stdout.split()
        self.address, self._bus_pid = out[0], int(out[1])
        subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                       input="pw\n", env={**base, **self.env()}, capture_output=True, text=True,
                       timeout=10, check=True)
        self._env = {**base, **self.env(), "PYTHON_KEYRING_BACKEND": BACKEND}
        return self

    def store(self, service: str, account: str, secret: str) -> None:
        """Put a secret in it (the secret on stdin, as the app's keyring process takes it)."""
        script = ("import sys, keyring\n"
                  "keyring.set_password(sys.argv[1], sys.argv[2], sys.stdin.read())")
        subprocess.run([sys.executable, "-c", script, service, account], input=secret,
                       env=self._env, capture_output=True, text=True, timeout=30, check=True)

    def stop(self) -> None:
        """gnome-keyring leaves with its bus."""
        if self._bus_pid:
            os.kill(self._bus_pid, signal.SIGTERM)
            self._bus_pid = 0
        shutil.rmtree(self.home, ignore_errors=True)
