"""What the user does with the API key: test it, save it, use it for this run, remove it; and,
with an organisation's token server, where each connection's client secret comes from.

Keyring calls can block (a keychain may prompt), so they run in a worker thread. The key is
registered with the log masker the moment it is known and never stored anywhere but the keyring.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from assistant.app.account import api_key_store
from assistant.app.connection.cleartext import CleartextGuard
from assistant.app.local_format import said
from assistant.app.runtime.tasks import Tasks
from assistant.app.settings import Preferences, Settings
from assistant.errors import ApiKeyMissing, AssistantError, KeyringUnavailable
from assistant.logging_setup import register_secret
from assistant.realtime.client_secret import ClientSecret, fetch_client_secret, secret_request
from assistant.realtime.session import RealtimeSession


class KeyActions(QObject):
    test_result = Signal(bool, str)     # ok, a sentence
    saved = Signal(bool, str)
    token_value_problem = Signal(str)   # the token server's header value could not be kept

    def __init__(self, prefs: Preferences, guard: CleartextGuard | None = None) -> None:
        super().__init__()
        self._prefs, self._guard = prefs, guard
        self._spawn = Tasks(lambda sentence: self.saved.emit(False, sentence)).spawn
        self._run_key: str | None = None

    def test(self, key: str) -> None:
        self._spawn(self._test(key))

    def save(self, key: str) -> None:
        self._spawn(self._save(key))

    def use_for_this_run(self, key: str) -> None:
        self._run_key = key.strip()
        register_secret(self._run_key)

    def remove(self) -> None:
        self._spawn(asyncio.to_thread(api_key_store.delete, self._prefs.current.key_account))

    async def current(self) -> str:
        """The key to connect with: this run's, else the environment's or the keyring's."""
        key = self._run_key
        if not key:
            key, _ = await asyncio.to_thread(api_key_store.load, self._prefs.current.key_account)
        if not key:
            raise ApiKeyMissing()
        register_secret(key)
        return key

    async def client_secret(self, settings: Settings) -> ClientSecret:
        """A fresh client secret from the token server, of the session mode's kind (the
        standard key is never read)."""
        headers: dict[str, str] = {}
        value = await asyncio.to_thread(api_key_store.load_secret, settings.token_account)
        if value and settings.token_header.strip():
            register_secret(value)
            name = settings.token_header.strip()
            bare = name.lower() == "authorization" and " " not in value
            headers[name] = f"Bearer {value}" if bare else value
        kind, model = settings.secret_kind()
        url, body = secret_request(settings.token_server_url, kind, model)
        secret = await fetch_client_secret(url, headers, body)
        register_secret(secret.value)
        return secret

    async def keep_token_value(self, account: str, value: str) -> None:
        """The token server's header value, into the keyring."""
        register_secret(value)
        try:
            await asyncio.to_thread(api_key_store.save, account, value)
        except KeyringUnavailable as exc:
            self.token_value_problem.emit(said(exc))

    async def _test(self, key: str) -> None:
        settings = self._prefs.current
        probe = RealtimeSession(settings.endpoint(key.strip()))
        try:
            if self._guard is not None:
                await self._guard.check(settings, settings.base_url)
            await probe.connect(timeout=10)
        except AssistantError as exc:
            self.test_result.emit(False, said(exc))
            return
        await probe.close()
        self.test_result.emit(True, self.tr("Connected to {endpoint}.").format(
            endpoint=probe.endpoint.display()))

    async def _save(self, key: str) -> None:
        try:
            await asyncio.to_thread(api_key_store.save, self._prefs.current.key_account, key)
        except KeyringUnavailable as exc:
            self.saved.emit(False, said(exc))
            return
        register_secret(key.strip())
        self._run_key = None
        self.saved.emit(True, self.tr("The key is stored in the system keyring."))
