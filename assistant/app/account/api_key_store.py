"""The only module that touches the API key's storage: the OS keyring, or the environment.
MCP servers' tokens are kept here too, under their own accounts (`mcp:<label>`).

Calls can block (a keychain may prompt), so the app calls these through asyncio.to_thread.
The key is never written to a file and never logged.
"""

from __future__ import annotations

import os

import keyring
import keyring.errors
from keyring.backends import fail

from assistant.errors import KeyringUnavailable
from assistant.translatable import QT_TRANSLATE_NOOP

SERVICE = "voice-assistant"
ENV_VAR = "OPENAI_API_KEY"
_NO_KEYRING = QT_TRANSLATE_NOOP("Errors", "No system keyring is available on this machine, so "
                                          "the key cannot be saved. Use it for this run only, "
                                          "or set {variable} in the environment.")


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def load(account: str) -> tuple[str | None, str]:
    """(key, where it came from: "environment" | "keyring" | ""). The environment wins; its
    whitespace is dropped (a CRLF `.env` leaves a carriage return that would reach a header)."""
    if from_environment := os.environ.get(ENV_VAR, "").strip():
        return from_environment, "environment"
    key = load_secret(account)
    return (key, "keyring") if key else (None, "")


def load_secret(account: str) -> str | None:
    """What the keyring holds for `account` (also an MCP server's token, `mcp:<label>`)."""
    if not keyring_available():
        return None
    try:
        return (keyring.get_password(SERVICE, account) or "").strip() or None
    except keyring.errors.KeyringError:
        return None


def save(account: str, key: str) -> None:
    if not keyring_available():
        raise KeyringUnavailable(_NO_KEYRING, variable=ENV_VAR)
    try:
        keyring.set_password(SERVICE, account, key.strip())
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(QT_TRANSLATE_NOOP(
            "Errors", "The keyring refused to store the key: {why}"), why=exc) from None


def delete(account: str) -> bool:
    """Remove the stored key; False if there was none."""
    if not keyring_available():
        return False
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(QT_TRANSLATE_NOOP(
            "Errors", "The keyring refused to remove the key: {why}"), why=exc) from None
    return True


def no_keyring_message() -> KeyringUnavailable:
    return KeyringUnavailable(_NO_KEYRING, variable=ENV_VAR)


def mcp_secret_account(name: str) -> str:
    """Where a secret that `mcp.json` names as `${keyring:NAME}` is kept."""
    return f"mcp-secret:{name}"
