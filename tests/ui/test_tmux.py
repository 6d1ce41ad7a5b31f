"""The tmux smoke test, from pytest."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "tmux_smoke.py"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_real_terminal_review_three_cards() -> None:
    spec = importlib.util.spec_from_file_location("tmux_smoke", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    screens = module.run_smoke()
    assert len(screens) == 6
