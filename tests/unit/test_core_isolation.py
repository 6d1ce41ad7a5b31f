"""The domain core must work with no terminal: importing it never imports Textual."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quizapp

CORE = ("model", "decks", "scheduling", "store", "quiz", "generate", "authoring", "interop")
CORE += ("reports", "study", "quizsheet", "facts")


def test_core_packages_import_no_textual() -> None:
    present = [f"quizapp.{name}" for name in CORE if importlib.util.find_spec(f"quizapp.{name}")]
    assert "quizapp.model" in present and "quizapp.decks" in present
    code = (
        "import importlib, sys\n"
        f"for name in {present!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_help_imports_no_textual() -> None:
    code = (
        "import sys\nfrom quizapp import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().endswith("False")


def test_a_warm_cache_start_never_imports_yaml(tmp_path: Path) -> None:
    decks = Path(__file__).parents[1] / "data" / "good"
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from quizapp.decks import load_decks\nfrom quizapp.decks.cache import DeckCache\n"
        f"deck_set = load_decks([Path({str(decks)!r})], cache=DeckCache(Path(sys.argv[1])))\n"
        "print(len(deck_set.decks), 'yaml' in sys.modules, 'markdown_it' in sys.modules)\n"
    )
    argv = [sys.executable, "-c", code, str(tmp_path / "cache")]
    cold = subprocess.run(argv, capture_output=True, text=True, check=True)
    warm = subprocess.run(argv, capture_output=True, text=True, check=True)
    # Loading decks reads no source document, so the Markdown parser is not imported either.
    assert cold.stdout.split() == ["1", "True", "False"], "the first load parses the YAML"
    assert warm.stdout.split() == ["1", "False", "False"], "an unchanged deck: from the cache"


@pytest.mark.parametrize("folder", ["good", "facts"])
def test_a_warm_first_paint_needs_no_scheduler_or_command_parsers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """Home's first paint reads cache headers and counts only: py-fsrs, the card decoder's
    users and the subcommands' parsers load later (or never), which keeps start-up short;
    likewise for a deck of facts (format v2), whose cards were drawn when it was compiled."""
    import datetime as dt

    from quizapp.commands.study import build_context

    decks = Path(__file__).parents[1] / "data" / folder
    data, cache = tmp_path / "data", tmp_path / "cache"
    code = (
        "import sys, datetime as dt\nfrom pathlib import Path\nfrom quizapp import cli\n"
        "from quizapp.decks.cache import DeckCache\n"
        "from quizapp.study.overview import quick_overview\n"
        f"args = cli.parse(['--decks', {str(decks)!r}, '--data-dir', {str(data)!r}])\n"
        "overview = quick_overview(args.decks, args.data_dir, dt.datetime.now(dt.UTC),"
        f" DeckCache(Path({str(cache)!r})))\n"
        "loaded = [m for m in ('fsrs', 'quizapp.study.stored', 'quizapp.decks.loader',"
        " 'quizapp.commands.validate', 'yaml', 'quizapp.facts.derive') if m in sys.modules]\n"
        "print(overview is not None, args.command, loaded)\n"
    )
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(cache))
    build_context(decks, data, dt.datetime.now(dt.UTC))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().split(maxsplit=2) == ["True", "None", "[]"], result.stderr


FIRST_PAINT = """
import asyncio, sys, datetime as dt
from pathlib import Path
from quizapp.decks.cache import DeckCache
from quizapp.errors import QuizappError
from quizapp.study.overview import quick_overview
from quizapp.ui.app import QuizApp

decks, data, cache = (Path(p) for p in sys.argv[1:4])
LATER = ("fsrs", "yaml", "json", "hashlib", "quizapp.model.cards", "quizapp.study.context",
         "quizapp.decks.loader", "quizapp.store.db")
overview = quick_overview(decks, data, dt.datetime.now(dt.UTC), DeckCache(cache))
present = []

def loader():  # called once Home is drawn: what was imported for it is in sys.modules
    present.extend(m for m in LATER if m in sys.modules)
    present.append("(loader)")
    raise QuizappError("the test stops here")

async def main():
    app = QuizApp(loader=loader, overview=overview, looks=data.parent / "ui.json")
    async with app.run_test() as pilot:
        for _ in range(250):
            await pilot.pause(0.02)
            if present:
                break

asyncio.run(main())
print(overview is not None and overview.new_store, present)
"""


@pytest.mark.parametrize("student", ["returning", "new"])
def test_homes_first_paint_imports_nothing_the_cards_need(tmp_path: Path, student: str) -> None:
    """Home drawn from cache headers (and the store's counts, for a returning student) needs
    no card model, scheduler, study context, YAML, json or OpenSSL-backed hashlib: each is
    milliseconds of a start that is only ~30 ms longer than a bare Textual app's."""
    import datetime as dt

    from quizapp.commands.study import build_context
    from quizapp.decks import load_decks
    from quizapp.decks.cache import DeckCache

    decks = Path(__file__).parents[1] / "data" / "facts"
    data, cache = tmp_path / "data", tmp_path / "cache"
    (tmp_path / "ui.json").write_text('{"theme": "nord"}', encoding="utf-8")
    load_decks([decks], cache=DeckCache(cache))
    if student == "returning":
        build_context(decks, data, dt.datetime.now(dt.UTC), deck_set=None, use_cache=False)
    argv = [sys.executable, "-c", FIRST_PAINT, str(decks), str(data), str(cache)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    new_store = "True" if student == "new" else "False"
    assert result.stdout.strip().split(maxsplit=1) == [new_store, "['(loader)']"], result.stderr[
        -2000:
    ]


SQL = re.compile(
    r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA)\b|^\s*import sqlite3", re.M
)


def test_only_the_store_holds_sql() -> None:
    """No SQL statement and no `import sqlite3` outside the store, in any package (a new one
    too: import-linter's contract lists packages by name)."""
    root = Path(quizapp.__file__).parent
    holding = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] != "store" and SQL.search(path.read_text())
    }
    assert holding == set()
