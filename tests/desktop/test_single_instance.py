"""The single-instance socket belongs to its user (issue 22): it lives in the session's runtime
folder or in a 0700 folder of ours, and a folder or socket someone else made first is never
trusted with our command line."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from assistant.desktop.single_instance import SingleInstance, server_name

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="making another user's files needs root")
NOBODY = 65534


@pytest.fixture
def temp_folder(monkeypatch):
    """The temp folder, short: a socket's path holds 107 bytes, and pytest's own folders under
    pytest-xdist's workers are longer than that with ours inside."""
    folder = Path(tempfile.mkdtemp(prefix="si-"))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_socket_lives_in_the_runtime_folder_when_it_is_ours(temp_folder):
    runtime = temp_folder / "run"
    runtime.mkdir(mode=0o700)
    name = server_name("/s.conf", {"XDG_RUNTIME_DIR": str(runtime)})
    assert name is not None and name.startswith(str(runtime / "voice-assistant") + "/")
    assert oct((runtime / "voice-assistant").stat().st_mode & 0o777) == "0o700"


def test_without_a_private_runtime_folder_it_makes_one_of_its_own(temp_folder):
    shared = temp_folder / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    for environ in ({}, {"XDG_RUNTIME_DIR": str(shared)}):
        name = server_name("/s.conf", environ)
        own = temp_folder / f"voice-assistant-{os.getuid()}"
        assert name is not None and name.startswith(str(own) + "/")
        assert oct(own.stat().st_mode & 0o777) == "0o700"


@as_root
def test_a_folder_another_user_made_first_is_refused(temp_folder, caplog):
    squat = temp_folder / f"voice-assistant-{os.getuid()}"
    squat.mkdir(mode=0o700)
    os.chown(squat, NOBODY, NOBODY)
    assert server_name("/s.conf", {}) is None
    assert "not ours alone" in caplog.text
    instance = SingleInstance(None)
    assert not instance.hand_over(["--connect"]) and not instance.listen()


def test_a_link_in_its_place_is_refused(temp_folder):
    elsewhere = temp_folder / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (temp_folder / f"voice-assistant-{os.getuid()}").symlink_to(elsewhere)
    assert server_name("/s.conf", {}) is None


@as_root
def test_a_socket_owned_by_someone_else_is_not_sent_our_arguments(temp_folder):
    name = server_name("/s.conf", {})
    assert name is not None
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(name)
    listener.listen(1)
    listener.setblocking(False)
    os.chown(name, NOBODY, NOBODY)
    try:
        assert not SingleInstance(name).hand_over(["--base-url", "wss://mine.example/v1"])
        with pytest.raises(BlockingIOError):
            listener.accept()                                # nobody even connected
    finally:
        listener.close()
