"""SIGHUP or SIGTERM ends the apps (study and triage) through their own loop, in a real pty."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def _start(argv: list[str], ready: str) -> subprocess.Popen[bytes]:
    master, slave = pty.openpty()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True, close_fds=True
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 30
    while ready.encode() not in seen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.1)[0]:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    os.close(master)  # the terminal goes away too, as when a window is closed
    assert ready.encode() in seen, seen[-400:]
    return process


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
@pytest.mark.parametrize("command", ["triage", "study"])
def test_the_app_ends_on_a_hangup_or_term(tmp_path: Path, command: str, sig: int) -> None:
    if command == "triage":
        drafts = tmp_path / "drafts.yaml"
        shutil.copy(DATA / "triage" / "drafts.yaml", drafts)
        shutil.copytree(DATA / "triage" / "sources", tmp_path / "sources")
        argv = [sys.executable, "-m", "quizapp", "triage", str(drafts)]
        ready = "triaged"
    else:
        argv = [sys.executable, "-m", "quizapp", "--decks", str(DATA / "good")]
        ready = "Deck"
    env_argv = [*argv, "--data-dir", str(tmp_path / "data")] if command == "study" else argv
    process = _start(env_argv, ready)
    process.send_signal(sig)
    try:
        code = process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert code is not None
