"""Triage in a real terminal (tmux): 20 generated facts decided by key, then `quizapp validate`."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_tmux import smoke

from quizapp.decks import load_deck_text
from quizapp.model.facts import FactStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
DOCUMENT_ORDER = (
    "gia",
    "gspc",
    "gspc-split-from-gia",
    "hassan-hattab",
    "droukdel",
    "droukdel-leads-gspc",
    "aqim",
    "gspc-renamed-aqim",
    "islamic-maghreb",
    "algiers",
    "algiers-bombings-2007-12",
    "gspc-fto",
    "belmokhtar",
    "mulathamun",
    "mujao",
    "murabitoun",
    "murabitoun-merger",
    "murabitoun-rejoins-aqim",
    "jnim",
)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_triage_of_twenty_generated_facts(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "decks")
    drafts = tmp_path / "decks" / "drafts.yaml"
    app = [sys.executable, "-m", "quizapp", "triage", str(drafts)]
    tmux = smoke().Tmux(shlex.join(["env", "TERM=xterm-256color", *app]))
    try:
        tmux.wait_for("0 / 20 triaged", timeout=15)
        tmux.keys("o")
        tmux.wait_for("document order")
        for triaged, fact_id in enumerate(DOCUMENT_ORDER):
            tmux.wait_for(f" {fact_id} (")
            if fact_id == "islamic-maghreb":
                tmux.keys("r")
            elif fact_id == "algiers":
                tmux.keys("m")
                tmux.wait_for("which proposal is the same fact?")
                tmux.keys("Enter")
                tmux.wait_for("Merged algiers-capital")
                tmux.keys("a")
            elif fact_id == "murabitoun-rejoins-aqim":
                tmux.keys("e")
                tmux.wait_for("Edit murabitoun-rejoins-aqim")
                time.sleep(0.5)  # the first input takes the focus once the dialog is mounted
                tmux.keys("Tab", "Tab", "Tab")
                time.sleep(0.3)
                for key in ("End", "C-u", "2015-12"):  # one at a time, as a person types
                    tmux.keys(key)
                    time.sleep(0.3)
                tmux.wait_for(" 2015-12 ")
                tmux.keys("Enter")
                tmux.wait_for("Edited date")
                tmux.keys("a")
            else:
                tmux.keys("a")
            if fact_id != "algiers":
                tmux.wait_for(f"{triaged + 1 + (triaged >= 9)} / 20 triaged")
        screen = tmux.wait_for("Every proposal is triaged.")
        assert "20 / 20 triaged" in screen
        assert "Accepted   17" in screen and "Edited     1" in screen
        assert "Rejected   1" in screen and "Merged     1" in screen
        tmux.keys("q")
    finally:
        tmux.close()
    validated = subprocess.run(
        [sys.executable, "-m", "quizapp", "validate", "--sources", str(drafts)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    deck, problems = load_deck_text(drafts.read_bytes(), str(drafts), "drafts")
    assert deck is not None and problems == []
    statuses = {fact.id: fact.status for fact in deck.facts}
    assert list(statuses.values()).count(FactStatus.REVIEWED) == 18
    assert statuses["islamic-maghreb"] is FactStatus.REJECTED
    assert statuses["algiers-capital"] is FactStatus.REJECTED
    rejoins = next(f for f in deck.facts if f.id == "murabitoun-rejoins-aqim")
    assert rejoins.date == "2015-12"
