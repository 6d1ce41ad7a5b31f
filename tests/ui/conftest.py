"""UI fixtures: an app on the test decks, a temporary progress store and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from uikit import FixedClock, make_context

from quizapp.ui.app import QuizApp


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def make_app(tmp_path: Path, clock: FixedClock) -> Callable[..., QuizApp]:
    def make(**kwargs: object) -> QuizApp:
        context = make_context(tmp_path / "data", clock)
        return QuizApp(context, clock=clock, seed=7, **kwargs)  # type: ignore[arg-type]

    return make
