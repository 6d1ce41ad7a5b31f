"""A whole study day in a real terminal (tmux): settings, study, suspend, undo, restart.

Run directly (`python tests/tmux_day.py`, prints the captured screens) or through pytest
(`tests/ui/test_tmux.py`). Uses the Tmux driver of tests/tmux_smoke.py.
"""

from __future__ import annotations

import importlib.util
import json
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DECKS = Path(__file__).parent / "ui" / "data" / "smoke"


def _smoke() -> Any:
    spec = importlib.util.spec_from_file_location(
        "tmux_smoke", Path(__file__).with_name("tmux_smoke.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_day() -> list[str]:
    """The screens captured along the way; raises AssertionError when something is off."""
    smoke = _smoke()
    screens: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-day-") as data:
        app = [sys.executable, "-m", "quizapp", "--decks", str(DECKS), "--data-dir", data]
        command = shlex.join(["env", "TERM=xterm-256color", "TZ=America/Los_Angeles", *app])

        tmux = smoke.Tmux(command)
        try:
            screens.append(tmux.wait_for("3 new cards", timeout=20))
            # Settings: two new cards a day.
            tmux.keys("o")
            tmux.wait_for("New cards per day (new_per_day)")
            tmux.keys("C-u")
            tmux.wait_for("▊                      ▎")  # the box is empty
            tmux.keys("2")
            tmux.wait_for("▊  2                   ▎")
            tmux.keys("Enter")
            screens.append(tmux.wait_for("Saved: New cards per day = 2"))
            tmux.keys("Escape")
            tmux.wait_for("Review due")
            # Study: the first card Easy, suspend the second, undo that, then Easy.
            tmux.keys("Enter")
            tmux.wait_for("Which group carried out")
            tmux.keys("Space")
            tmux.wait_for("4 Easy")
            tmux.keys("4")
            tmux.wait_for("In which year was Hezbollah founded?")
            tmux.keys("@")
            screens.append(tmux.wait_for("Card suspended"))
            tmux.keys("u")
            screen = tmux.wait_for("the card is no longer suspended")
            assert "In which year was Hezbollah founded?" in screen
            screens.append(screen)
            tmux.keys("Space")
            tmux.wait_for("4 Easy")
            tmux.keys("4")
            # The limit holds the third card back, and the summary says so.
            screen = tmux.wait_for("Session complete")
            assert "2 new cards today — the daily limit" in screen
            screens.append(screen)
            tmux.keys("Escape")
            screen = tmux.wait_for("changes it. r gives more new")  # Home's words
            assert "2 new cards today — the daily limit" in screen
            screens.append(screen)
            tmux.keys("q")
            tmux.wait_quit()
        finally:
            tmux.close()

        # Restart: the settings and the day's answers are still there.
        tmux = smoke.Tmux(command)
        try:
            screen = tmux.wait_for("changes it. r gives more new", timeout=20)
            assert "Smoke test" in screen and "2 new cards today — the daily limit" in screen
            screens.append(screen)
            tmux.keys("q")
            tmux.wait_quit()
        finally:
            tmux.close()
        settings = subprocess.run(
            [*app, "settings", "--json"], capture_output=True, text=True, check=True
        )
        assert json.loads(settings.stdout)["new_per_day"] == 2
    return screens


if __name__ == "__main__":
    started = time.monotonic()
    for captured in run_day():
        print(captured.rstrip())
        print("-" * 100)
    print(f"tmux study day passed in {time.monotonic() - started:.1f} s")
