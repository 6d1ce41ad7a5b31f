"""The watch loop re-runs the check when a file changes, and only then."""

from __future__ import annotations

from pathlib import Path

from quizapp.authoring.watch import watch


def test_watch_reruns_on_change_only(tmp_path: Path) -> None:
    deck = tmp_path / "a.yaml"
    deck.write_text("title: A\n")
    calls: list[int] = []
    ticks = iter(range(100))

    def fake_sleep(_seconds: float) -> None:
        tick = next(ticks)
        if tick == 1:
            deck.write_text("title: AB\ncards: []\n")
        if tick == 3:
            (tmp_path / "b.yaml").write_text("title: B\n")

    watch([tmp_path], lambda: calls.append(1), sleep=fake_sleep, rounds=5)
    assert len(calls) == 3  # at start, after the edit, after the new file
