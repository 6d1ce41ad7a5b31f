"""Drive the real app in a real terminal (tmux): start, review three cards with Space and 3, quit.

Run directly (`python tests/tmux_smoke.py`, prints the captured screens) or through pytest
(`tests/ui/test_tmux.py`, skipped with a reason when tmux is missing).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

DECKS = Path(__file__).parent / "ui" / "data" / "smoke"
LONG_DECKS = Path(__file__).parent / "ui" / "data" / "decks"  # cards long enough for 60x16
QUESTIONS = (
    "Which group carried out the 2004 Madrid train bombings?",
    "In which year was Hezbollah founded?",
    "In which city is Europol based?",
)


class Tmux:
    """A private tmux server running one command in a 100x30 xterm-256color pane."""

    def __init__(self, command: str, size: tuple[int, int] = (100, 30)) -> None:
        self.server = f"quizapp-smoke-{uuid.uuid4().hex[:8]}"
        self.tmux("new-session", "-d", "-s", "S", "-x", str(size[0]), "-y", str(size[1]))
        self.tmux("set-option", "-t", "S", "remain-on-exit", "on")
        self.tmux("respawn-pane", "-k", "-t", "S", command)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.server, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "TERM": "xterm-256color"},
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "S")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "S", *keys)

    def pane_dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "S", "#{pane_dead}").strip() == "1"

    def wait_quit(self, timeout: float = 5.0) -> None:
        """Wait for quizapp to leave after `q`; fail with the screen if it does not."""
        deadline = time.monotonic() + timeout
        while not self.pane_dead():
            if time.monotonic() > deadline:
                raise AssertionError("quizapp did not quit on q:\n" + self.screen())
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)


def run_smoke() -> list[str]:
    """The screens captured along the way; raises AssertionError when something is off."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    screens: list[str] = []
    with tempfile.TemporaryDirectory() as data:
        command = " ".join(
            shlex.quote(part)
            for part in (
                "env",
                "TERM=xterm-256color",
                sys.executable,
                "-m",
                "quizapp",
                "--decks",
                str(DECKS),
                "--data-dir",
                data,
            )
        )
        tmux = Tmux(command)
        try:
            # The key line is drawn while the decks load; the counts in the message mean loaded.
            screens.append(tmux.wait_for("3 new cards", timeout=20))
            assert "Smoke test" in screens[-1] and "Review due" in screens[-1]
            tmux.keys("Enter")
            for number, question in enumerate(QUESTIONS, start=1):
                tmux.wait_for(question)
                tmux.keys("Space")
                screen = tmux.wait_for("3 Good")
                assert "Answer:" in screen and "Source: smoke.md" in screen
                screens.append(screen)
                tmux.keys("3")
                tmux.wait_for(f"{number} done")
            tmux.keys("Escape")  # learning steps would bring the cards back in a few minutes
            screens.append(tmux.wait_for("Session paused — 3 cards left"))
            assert "Cards done   3" in screens[-1] and "Accuracy     100%" in screens[-1]
            tmux.keys("Escape")
            screens.append(tmux.wait_for("Review due"))
            tmux.keys("q")
            tmux.wait_quit()
        finally:
            tmux.close()
        assert Path(data, "progress.sqlite3").exists() or any(Path(data).iterdir())
    return screens


def run_small_terminal() -> list[str]:
    """At 60x16: Home's key line keeps whole keys and Help, a card below the fold says so, the
    quiz setup's buttons are on screen; the screens captured along the way."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    screens: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-small-") as data:
        app = [sys.executable, "-m", "quizapp", "--decks", str(LONG_DECKS), "--data-dir", data]
        tmux = Tmux(shlex.join(["env", "TERM=xterm-256color", *app]), size=(60, 16))
        try:
            # the key line is fitted to the width once Home is laid out: wait for that, not the
            # first paint
            screen = tmux.wait_for("… ? Help", timeout=20)
            assert "new cards are waiting" in screen, screen
            keys = screen.splitlines()[-1]
            assert "… ? Help" in keys and "^p palette" in keys, keys
            screens.append(screen)
            tmux.keys("Enter")
            tmux.wait_for("Space shows the answer")
            tmux.keys("Space")
            screens.append(tmux.wait_for("more below"))
            tmux.keys("Escape")  # nothing answered: straight back Home
            tmux.wait_for("new cards are waiting")
            tmux.keys("x")
            screen = tmux.wait_for("Practice quiz")
            assert "Start" in screen and "Cancel" in screen, screen
            screens.append(screen)
            tmux.keys("Escape")
            tmux.wait_for("new cards are waiting")
            tmux.keys("q")
            tmux.wait_quit()
        finally:
            tmux.close()
    return screens


def run_hangup() -> float:
    """Seconds quizapp takes to quit once its terminal hangs up without sending it SIGHUP.

    quizapp runs under make, as `make run` does: make takes the hang-up and waits, quizapp's
    stdin is left at end-of-file, and Textual's input thread alone would spin for ever.
    """
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    with tempfile.TemporaryDirectory(prefix="quizapp-hangup-") as data:
        app = [sys.executable, "-m", "quizapp", "--decks", str(DECKS), "--data-dir", data]
        makefile = Path(data, "Makefile")
        makefile.write_text(f"run:\n\t{shlex.join(app)}\n")
        tmux = Tmux(shlex.join(["make", "-s", "-f", str(makefile), "run"]))
        try:
            tmux.wait_for("3 new cards", timeout=20)
            found = subprocess.run(["pgrep", "-f", data], capture_output=True)
            pids = [int(p) for p in found.stdout.split()]
            assert pids, "quizapp's process was not found"
        finally:
            tmux.close()
        hung_up = time.monotonic()
        while any(Path(f"/proc/{pid}").exists() for pid in pids):
            if time.monotonic() - hung_up > 10:
                for pid in pids:
                    os.kill(pid, 9)
                raise AssertionError("quizapp kept running after its terminal hung up")
            time.sleep(0.1)
        return time.monotonic() - hung_up


if __name__ == "__main__":
    started = time.monotonic()
    for captured in run_smoke():
        print(captured.rstrip())
        print("-" * 100)
    print(f"tmux smoke test passed in {time.monotonic() - started:.1f} s")


FACTS_DECK = """\
title: Facts smoke test
facts:
  - id: bombing
    type: event
    what: twin car bombings in Algiers
    date: 2007-12-11
    figures: {killed: thirty-three}
    disputed:
      - {field: figures.killed, value: thirty-three, doc: brief-2014.txt}
      - {field: figures.killed, value: at least 60, doc: profile.txt}
    as_of: 2016-03
    sources:
      - doc: brief-2014.txt
        quote: >-
          On December 11, 2007, twin car bombs struck the Constitutional Court and UN offices
          in Algiers, killing thirty-three people.
      - doc: profile.txt
        quote: "December 11, 2007: two car bombs in Algiers kill at least 60 people."
"""


def run_facts_smoke() -> list[str]:
    """A deck of one fact and no cards, in a real terminal: its drawn card comes up, and the
    answer shows both sources and what each says."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    screens: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-facts-smoke-") as root:
        decks = Path(root, "decks")
        shutil.copytree(Path(__file__).parent / "data" / "facts" / "sources", decks / "sources")
        (decks / "facts.yaml").write_text(FACTS_DECK, encoding="utf-8")
        app = [sys.executable, "-m", "quizapp", "--decks", str(decks), "--data-dir", root + "/d"]
        tmux = Tmux(shlex.join(["env", "TERM=xterm-256color", *app]))
        try:
            screens.append(tmux.wait_for("new cards", timeout=20))
            tmux.keys("Enter")
            screens.append(tmux.wait_for("When did this happen: twin car bombings in Algiers?"))
            tmux.keys("Space")
            tmux.wait_for("Sources differ on killed:")
            screen = tmux.wait_for("profile.txt says at least 60")  # the answer's last line
            assert "Source: brief-2014.txt" in screen and "Source: profile.txt" in screen
            assert "profile.txt says at least 60" in screen
            screens.append(screen)
            tmux.keys("q")
        finally:
            tmux.close()
    return screens
