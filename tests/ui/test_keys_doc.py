"""docs/keys.md is the key map the app declares, and keys keep their meaning across screens."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from quizapp.ui.app import QuizApp
from quizapp.ui.screens.help import keys_markdown
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen

ROOT = Path(__file__).parents[2]
WRITES_PROGRESS = {"suspend", "bury", "undo", "key"}
"""Review actions that change the schedule (key(N) grades once the answer is shown)."""


def keys_of(bindings: object) -> dict[str, str]:
    found: dict[str, str] = {}
    for binding in bindings:  # type: ignore[attr-defined]
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                found[key] = binding.action.split("(")[0]
    return found


def test_docs_keys_md_is_generated_from_the_bindings() -> None:
    committed = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    assert committed == keys_markdown(), (
        "docs/keys.md is stale: run `python -m quizapp.ui.screens.help > docs/keys.md`"
    )
    for key, action in keys_of(ReviewScreen.BINDINGS).items():
        assert action in {"reveal", "enter", "cursor", "move", "leave", "edit", *WRITES_PROGRESS}
        if action == "suspend":
            assert key == "at" and "| `@` | Suspend |" in committed


def test_no_home_key_changes_progress_in_a_review() -> None:
    home, review = keys_of(HomeScreen.BINDINGS), keys_of(ReviewScreen.BINDINGS)
    for key, action in home.items():
        if key in review and review[key] in WRITES_PROGRESS:
            # only undo may share its key: it is undo on Home too
            assert review[key] == "undo" and action == "app.undo", key


def test_lineage_timeline_and_settings_keys_on_home() -> None:
    home = keys_of(HomeScreen.BINDINGS)
    assert (home["l"], home["t"], home["o"]) == ("lineage", "timeline", "settings")
    assert keys_of(QuizApp.BINDINGS)["ctrl+z"] == "undo"
