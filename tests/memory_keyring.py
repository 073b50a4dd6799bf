"""A keyring backend for tests: tests never touch the real keychain.

The app asks its keyring in a process of its own (api_key_store.py), so what a test puts in
must outlive a process: the store is the JSON file named by VOICE_ASSISTANT_TEST_KEYRING
(tests/conftest.py makes one per run), and `KeyringFile` is the tests' view of it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, MutableMapping
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

STORE_VAR = "VOICE_ASSISTANT_TEST_KEYRING"
Entry = tuple[str, str]


def reachable_from_children() -> None:
    """The app's keyring process (a child) imports this backend: this repository goes first on
    the PYTHONPATH it inherits."""
    root = str(Path(__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))])


class KeyringFile(MutableMapping[Entry, str]):
    """{(service, account): secret}, kept in a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[Entry, str]:
        try:
            rows = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return {}
        return {(service, account): secret for service, account, secret in rows}

    def _write(self, entries: dict[Entry, str]) -> None:
        self.path.write_text(json.dumps([[*entry, secret] for entry, secret in entries.items()]))

    def __getitem__(self, entry: Entry) -> str:
        return self._read()[entry]

    def __setitem__(self, entry: Entry, secret: str) -> None:
        self._write({**self._read(), entry: secret})

    def __delitem__(self, entry: Entry) -> None:
        entries = self._read()
        del entries[entry]
        self._write(entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        path = os.environ.get(STORE_VAR)
        self.store: MutableMapping[Entry, str] = KeyringFile(Path(path)) if path else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")
