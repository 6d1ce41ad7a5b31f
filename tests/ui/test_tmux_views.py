"""The lineage and timeline screens in a real terminal (tmux): open, move, pan, study, leave."""

from __future__ import annotations

import importlib.util
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).parents[1] / "tmux_smoke.py"
LINEAGE = Path(__file__).parents[1] / "data" / "lineage"


def smoke() -> Any:
    spec = importlib.util.spec_from_file_location("tmux_smoke", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_lineage_and_timeline() -> None:
    with tempfile.TemporaryDirectory(prefix="quizapp-views-") as data:
        app = [sys.executable, "-m", "quizapp", "--decks", str(LINEAGE), "--data-dir", data]
        tmux = smoke().Tmux(shlex.join(["env", "TERM=xterm-256color", *app]))
        try:
            tmux.wait_for("new cards", timeout=20)
            tmux.keys("l")
            screen = tmux.wait_for("Lineage · 7 groups")
            assert "└─ split 1998 ─▶ GSPC  1998\u20132007" in screen
            tmux.wait_for("Armed Islamic Group")  # the profile of the group under the cursor
            tmux.keys("Down", "Down", "Down")
            screen = tmux.wait_for("Here: renamed January 2007")
            assert "▶    └─ renamed January 2007 ─▶ AQIM" in screen
            tmux.keys("Enter")
            tmux.wait_for("Cram · Lineage · AQIM")
            tmux.keys("Escape")
            tmux.wait_for("Lineage · 7 groups")
            tmux.keys("Escape")
            tmux.wait_for("Review due")
            tmux.keys("t")
            screen = tmux.wait_for("Timeline · 12 dated facts")
            assert "1993\u20131997: 5 years" in screen
            tmux.keys("Down")
            tmux.wait_for("“In 1998, several GIA commanders")
            tmux.keys("Escape")
            tmux.wait_for("Review due")
            tmux.keys("q")
        finally:
            tmux.close()
