"""Where the API key comes from: the environment, or the OS keyring through its own process.
MCP servers' tokens are kept there too, under their own accounts (`mcp:<label>`).

The keyring is asked in a process of its own (keyring_helper.py), so what asking it loads is
given back when the answer is in. Calls block (a keychain may prompt; a process starts), so
the app calls these through asyncio.to_thread. The key is never written to a file, never
put on a command line and never logged.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from typing import Any

from assistant.errors import KeyringUnavailable
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SERVICE = "voice-assistant"
ENV_VAR = "OPENAI_API_KEY"
HELPER_TIMEOUT_S = 120.0     # a locked keyring may ask the user to unlock it first
_NO_KEYRING = QT_TRANSLATE_NOOP("Errors", "No system keyring is available on this machine, so "
                                          "the key cannot be saved. Use it for this run only, "
                                          "or set {variable} in the environment.")


def helper_command() -> list[str]:
    """This app again, as the keyring's process (keyring_helper.py): the same binary when
    frozen; from source without the working folder on the import path (-P)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--keyring-helper"]
    return [sys.executable, "-P", "-m", "assistant", "--keyring-helper"]


def _ask(op: str, account: str = "", secret: str | None = None) -> dict[str, Any]:
    """One request to the keyring's process, and its answer. Raises KeyringUnavailable with a
    sentence when the process cannot be run, does not answer in time or answers nonsense."""
    request: dict[str, Any] = {"op": op, "service": SERVICE, "account": account}
    if secret is not None:
        request["secret"] = secret
    try:
        done = subprocess.run(helper_command(), input=json.dumps(request), text=True,
                              capture_output=True, timeout=HELPER_TIMEOUT_S,
                              creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        lines = done.stdout.strip().splitlines()
        reply = json.loads(lines[-1]) if lines else None
    except subprocess.TimeoutExpired:
        raise KeyringUnavailable(QT_TRANSLATE_NOOP(
            "Errors", "The keyring did not answer within {seconds} s."),
            seconds=int(HELPER_TIMEOUT_S)) from None
    except (OSError, ValueError) as exc:
        raise KeyringUnavailable(QT_TRANSLATE_NOOP(
            "Errors", "The keyring could not be asked: {why}"), why=exc) from None
    if not isinstance(reply, dict) or not isinstance(reply.get("available"), bool):
        said = done.stderr.strip().splitlines()[-1:]         # a traceback's last line: its why
        log.warning("the keyring's process ended (exit %s) without an answer: %s",
                    done.returncode, said[0] if said else "nothing said")
        raise KeyringUnavailable(QT_TRANSLATE_NOOP(
            "Errors", "The keyring could not be asked: its process gave no answer."))
    return reply


def keyring_status() -> tuple[bool, str]:
    """(whether a usable keyring is there, its backend's name)."""
    try:
        reply = _ask("status")
    except KeyringUnavailable as exc:
        log.warning("%s", exc)
        return False, ""
    return reply["available"], str(reply.get("backend", ""))


def keyring_available() -> bool:
    return keyring_status()[0]


def load(account: str) -> tuple[str | None, str]:
    """(key, where it came from: "environment" | "keyring" | ""). The environment wins; its
    whitespace is dropped (a CRLF `.env` leaves a carriage return that would reach a header)."""
    if from_environment := os.environ.get(ENV_VAR, "").strip():
        return from_environment, "environment"
    key = load_secret(account)
    return (key, "keyring") if key else (None, "")


def load_secret(account: str) -> str | None:
    """What the keyring holds for `account` (also an MCP server's token, `mcp:<label>`)."""
    try:
        reply = _ask("get", account)
    except KeyringUnavailable as exc:
        log.warning("%s", exc)
        return None
    value = reply.get("value")
    return (value if isinstance(value, str) else "").strip() or None


def _refused(reply: dict[str, Any], template: str) -> None:
    if not reply["available"]:
        raise KeyringUnavailable(_NO_KEYRING, variable=ENV_VAR)
    if reply.get("error"):
        raise KeyringUnavailable(template, why=reply["error"])


def save(account: str, key: str) -> None:
    reply = _ask("set", account, key.strip())
    _refused(reply, QT_TRANSLATE_NOOP("Errors", "The keyring refused to store the key: {why}"))


def delete(account: str) -> bool:
    """Remove the stored key; False if there was none (or no keyring to hold one)."""
    reply = _ask("delete", account)
    if not reply["available"]:
        return False
    _refused(reply, QT_TRANSLATE_NOOP("Errors", "The keyring refused to remove the key: {why}"))
    return reply.get("deleted") is True


def no_keyring_message() -> KeyringUnavailable:
    return KeyringUnavailable(_NO_KEYRING, variable=ENV_VAR)


def mcp_secret_account(name: str) -> str:
    """Where a secret that `mcp.json` names as `${keyring:NAME}` is kept."""
    return f"mcp-secret:{name}"
