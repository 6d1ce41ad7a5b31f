"""The tmux smoke test, from pytest."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).parents[1] / "tmux_smoke.py"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_review_three_cards() -> None:
    screens = smoke().run_smoke()
    assert len(screens) == 6


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to watch the process")
@pytest.mark.skipif(shutil.which("make") is None, reason="runs quizapp under make")
def test_quizapp_quits_when_its_terminal_hangs_up() -> None:
    assert smoke().run_hangup() < 5


def smoke() -> Any:
    spec = importlib.util.spec_from_file_location("tmux_smoke", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_a_fact_card_shows_its_sources() -> None:
    screens = smoke().run_facts_smoke()
    assert len(screens) == 3


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_whole_study_day() -> None:
    """Settings, study, suspend, undo, the daily limit, and a restart keeping all of it."""
    spec = importlib.util.spec_from_file_location("tmux_day", SCRIPT.with_name("tmux_day.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    screens = module.run_day()
    assert len(screens) == 7


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_at_60x16() -> None:
    """Whole keys and Help on Home, "more below" on a long card, the quiz setup's buttons."""
    assert len(smoke().run_small_terminal()) == 3
