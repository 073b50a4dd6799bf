"""The key store: environment first, then the OS keyring; clear errors without one."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.app.account import api_key_store, keyring_helper
from assistant.errors import KeyringUnavailable

KEY = "sk-test-store-0123456789abcdef"


def test_save_load_delete_in_the_keyring(keyring_store):
    assert api_key_store.load("api.openai.com") == (None, "")
    api_key_store.save("api.openai.com", f"  {KEY}\n")
    assert api_key_store.load("api.openai.com") == (KEY, "keyring")
    assert api_key_store.load("res.openai.azure.com") == (None, "")   # keys are per host
    assert api_key_store.delete("api.openai.com") is True
    assert api_key_store.delete("api.openai.com") is False


def test_the_environment_wins(keyring_store, monkeypatch):
    api_key_store.save("api.openai.com", KEY)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env-000000000000")
    assert api_key_store.load("api.openai.com") == ("sk-from-env-000000000000", "environment")


def test_without_a_keyring_saving_says_what_to_do(keyring_store, no_keyring):
    assert not api_key_store.keyring_available()
    assert api_key_store.load("api.openai.com") == (None, "")
    with pytest.raises(KeyringUnavailable, match="OPENAI_API_KEY"):
        api_key_store.save("api.openai.com", KEY)
    assert api_key_store.delete("api.openai.com") is False


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus and gnome-keyring (bash dev.sh test installs them)")
def test_a_real_secret_service_keeps_the_key():
    """gnome-keyring on a private D-Bus session: the system keyring path, for real."""
    script = textwrap.dedent("""
        import os, subprocess
        out = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                             input=b"pw\\n", capture_output=True, timeout=10).stdout.decode()
        os.environ.update(line.split("=", 1) for line in out.splitlines() if "=" in line)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
        from assistant.app.account import api_key_store     # it asks a process of its own
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


# ---- the keyring's own process ----------------------------------------------------------------

def test_the_app_asks_the_keyring_without_loading_it(keyring_store):
    """What asking loads (keyring, its backends, the Secret Service's client and cryptography)
    stays in the keyring's process: the app's has none of it afterwards."""
    keyring_store[(api_key_store.SERVICE, "api.example.test")] = KEY
    script = ("import sys\nfrom assistant.app.account import api_key_store as s\n"
              "print(s.keyring_available(), s.load('api.example.test')[0])\n"
              "print(sorted(n for n in sys.modules if n.split('.')[0] in "
              "('keyring', 'secretstorage', 'jeepney', 'cryptography')))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60)
    assert run.stdout.splitlines() == [f"True {KEY}", "[]"], run.stderr


def fake_helper(monkeypatch, tmp_path, body: str) -> Path:
    """The keyring's process replaced by `body` (Python; `request` is what it was sent)."""
    seen = tmp_path / "seen.json"
    script = ("import json, sys\nrequest = json.load(sys.stdin)\n"
              f"open({str(seen)!r}, 'w').write(json.dumps([sys.argv, request]))\n{body}")
    monkeypatch.setattr(api_key_store, "helper_command", lambda: [sys.executable, "-c", script])
    return seen


def test_the_secret_goes_on_stdin_never_on_the_command_line(monkeypatch, tmp_path):
    seen = fake_helper(monkeypatch, tmp_path, "print(json.dumps({'available': True}))")
    api_key_store.save("api.openai.com", f" {KEY}\n")
    argv, request = json.loads(seen.read_text())
    assert request == {"op": "set", "service": "voice-assistant", "account": "api.openai.com",
                       "secret": KEY}
    assert not [arg for arg in argv if KEY in arg]


@pytest.mark.parametrize("body", [
    "print('Traceback (most recent call last): nonsense')",         # not JSON
    "print(json.dumps(['available']))",                              # not an object
    "print(json.dumps({'value': 'sk-x'}))",                          # no availability
    "sys.exit(3)",                                                   # nothing at all
])
def test_a_helper_that_answers_nonsense_is_a_sentence(monkeypatch, tmp_path, body):
    fake_helper(monkeypatch, tmp_path, body)
    assert api_key_store.keyring_status() == (False, "")
    assert api_key_store.load_secret("api.openai.com") is None
    with pytest.raises(KeyringUnavailable, match="could not be asked"):
        api_key_store.save("api.openai.com", KEY)
    with pytest.raises(KeyringUnavailable, match="could not be asked"):
        api_key_store.delete("api.openai.com")


def test_a_helper_that_cannot_start_or_hangs_is_a_sentence(monkeypatch, tmp_path):
    monkeypatch.setattr(api_key_store, "helper_command", lambda: [str(tmp_path / "gone")])
    with pytest.raises(KeyringUnavailable, match="could not be asked"):
        api_key_store.save("api.openai.com", KEY)
    fake_helper(monkeypatch, tmp_path, "import time; time.sleep(30)")
    monkeypatch.setattr(api_key_store, "HELPER_TIMEOUT_S", 1.0)
    with pytest.raises(KeyringUnavailable, match="did not answer within 1 s"):
        api_key_store.save("api.openai.com", KEY)
    assert api_key_store.load_secret("api.openai.com") is None


def test_a_keyring_that_refuses_is_said_so(monkeypatch, tmp_path):
    fake_helper(monkeypatch, tmp_path,
                "print(json.dumps({'available': True, 'error': 'the collection is locked'}))")
    with pytest.raises(KeyringUnavailable, match="refused to store the key: the collection is"):
        api_key_store.save("api.openai.com", KEY)
    with pytest.raises(KeyringUnavailable, match="refused to remove the key: the collection is"):
        api_key_store.delete("api.openai.com")


@pytest.mark.parametrize(("given", "said"), [
    ("{", "the request is not JSON"),
    ("[1]", "the request is not JSON: not an object"),
    ('{"op": "get"}', "the request names no service and account"),
    ('{"op": "rename", "service": "s", "account": "a"}', "unknown request 'rename'"),
])
def test_the_helper_answers_a_bad_request_with_an_error(given, said):
    out = io.StringIO()
    assert keyring_helper.serve(io.StringIO(given), out) == 0
    assert said in json.loads(out.getvalue())["error"]


def test_the_helper_through_the_app_command_line(keyring_store):
    """`python -m assistant --keyring-helper`, the command the app runs (frozen: the binary)."""
    keyring_store[(api_key_store.SERVICE, "api.example.test")] = KEY
    request = json.dumps({"op": "get", "service": api_key_store.SERVICE,
                          "account": "api.example.test"})
    run = subprocess.run(api_key_store.helper_command(), input=request, capture_output=True,
                         text=True, timeout=60)
    assert json.loads(run.stdout) == {"available": True, "value": KEY,
                                      "backend": "tests.memory_keyring.MemoryKeyring"}


def test_a_helper_that_dies_says_why_in_the_log(monkeypatch, tmp_path, caplog):
    fake_helper(monkeypatch, tmp_path, "raise RuntimeError('the backend broke')")
    with caplog.at_level("WARNING"):
        assert api_key_store.load_secret("api.openai.com") is None
    assert "RuntimeError: the backend broke" in caplog.text
