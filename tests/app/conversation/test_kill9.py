"""A process killed mid-turn (`kill -9`, nothing flushed, nothing closed) loses at most the turn
in flight: every completed turn is in the history when it is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from assistant.store.history import History

ROOT = Path(__file__).resolve().parents[3]


def test_kill_9_mid_turn_keeps_every_completed_turn(tmp_path):
    path = tmp_path / "history.db"
    child = subprocess.Popen([sys.executable, "-m", "tests.app.conversation.conversation_child",
                              str(path)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    try:
        for line in child.stdout:                      # waits on the child, not on a clock
            if line.strip() == "asked 6":
                os.kill(child.pid, signal.SIGKILL)      # mid-turn: the 6th answer is streaming
                break
        else:
            errors = child.stderr.read() if child.stderr else ""
            raise AssertionError(f"the child ended early: {errors}")
    finally:
        child.kill()
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    history = History.open(path)
    assert history.problem is None
    [conversation] = history.conversations()
    items = history.items(conversation.id)
    users = [i.text for i in items if i.role == "user"]
    answers = [i.text for i in items if i.role == "assistant" and i.text]
    assert users[:5] == [f"turn {n}" for n in range(1, 6)]
    assert len(answers) >= 5 and all(f'"turn {n}"' in answers[n - 1] for n in range(1, 6))
    assert conversation.turns >= 5                     # usage rows of the completed turns
