"""The key store: environment first, then the OS keyring; clear errors without one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import keyring
import pytest
from keyring.backends import fail

from assistant.app.account import api_key_store
from assistant.errors import KeyringUnavailable

KEY = "sk-test-store-0123456789abcdef"


@pytest.fixture
def memory(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    store = keyring.get_keyring().store
    store.clear()
    return store


def test_save_load_delete_in_the_keyring(memory):
    assert api_key_store.load("api.openai.com") == (None, "")
    api_key_store.save("api.openai.com", f"  {KEY}\n")
    assert api_key_store.load("api.openai.com") == (KEY, "keyring")
    assert api_key_store.load("res.openai.azure.com") == (None, "")   # keys are per host
    assert api_key_store.delete("api.openai.com") is True
    assert api_key_store.delete("api.openai.com") is False


def test_the_environment_wins(memory, monkeypatch):
    api_key_store.save("api.openai.com", KEY)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env-000000000000")
    assert api_key_store.load("api.openai.com") == ("sk-from-env-000000000000", "environment")


def test_without_a_keyring_saving_says_what_to_do(memory):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not api_key_store.keyring_available()
        assert api_key_store.load("api.openai.com") == (None, "")
        with pytest.raises(KeyringUnavailable, match="OPENAI_API_KEY"):
            api_key_store.save("api.openai.com", KEY)
    finally:
        keyring.set_keyring(previous)


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus and gnome-keyring (bash dev.sh test installs them)")
def test_a_real_secret_service_keeps_the_key():
    """gnome-keyring on a private D-Bus session: the system keyring path, for real."""
    script = textwrap.dedent("""
        import os, subprocess
        out = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                             input=b"pw\\n", capture_output=True, timeout=10).stdout.decode()
        os.environ.update(line.split("=", 1) for line in out.splitlines() if "=" in line)
        import keyring
        from keyring.backends import SecretService
        keyring.set_keyring(SecretService.Keyring())
        from assistant.app.account import api_key_store
        assert api_key_store.keyring_available()
        api_key_store.save("api.example.test", "sk-real-keyring-0123456789")
        print(api_key_store.load("api.example.test"))
        print(api_key_store.delete("api.example.test"), api_key_store.load("api.example.test"))
    """)
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENAI_API_KEY", "PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS")}
    run = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", script], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.splitlines() == ["('sk-real-keyring-0123456789', 'keyring')",
                                       "True (None, '')"], run.stderr
