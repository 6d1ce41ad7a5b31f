"""Triage as an instructor uses it: one key per decision, undo, edit and merge dialogs.

Every decision is checked in the file on disk, since each one is written back at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from uikit import run_async

from quizapp.authoring.triage import TriageSession
from quizapp.decks import load_deck_text
from quizapp.model.facts import FactStatus
from quizapp.ui.screens.triage import TriageScreen
from quizapp.ui.screens.triage_edit import EditFactScreen, MergeScreen
from quizapp.ui.triage_app import TriageApp

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "decks")
    return tmp_path / "decks" / "drafts.yaml"


def on_disk(path: Path) -> dict[str, FactStatus]:
    deck, problems = load_deck_text(path.read_bytes(), str(path), "drafts")
    assert problems == [], problems
    assert deck is not None
    return {fact.id: fact.status for fact in deck.facts}


def shown(pilot: Pilot[None], widget_id: str) -> str:
    content = pilot.app.screen.query_one(widget_id, Static).render()
    return content.plain if isinstance(content, Text) else str(content)


def status_line(pilot: Pilot[None]) -> str:
    return shown(pilot, "#triage-status")


async def skip_to(pilot: Pilot[None], fact_id: str) -> None:
    for _ in range(25):
        if f" {fact_id} (" in status_line(pilot):
            return
        await pilot.press("s")
    raise AssertionError(f"{fact_id} never came up")


@run_async
async def test_accept_reject_skip_and_undo(drafts: Path) -> None:
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "0 / 20 triaged" in status_line(pilot)
        assert " gia (group, 0.95)" in status_line(pilot)
        assert "Armed Islamic Group" in shown(pilot, "#triage-source")
        assert "What does GIA stand for?" in shown(pilot, "#triage-cards")
        await pilot.press("a")
        assert on_disk(drafts)["gia"] is FactStatus.REVIEWED
        assert "1 / 20 triaged" in status_line(pilot)
        assert " gspc (" in status_line(pilot)
        await pilot.press("s")
        assert " aqim (" in status_line(pilot)
        await pilot.press("r")
        assert on_disk(drafts)["aqim"] is FactStatus.REJECTED
        assert "2 / 20 triaged" in status_line(pilot)
        await pilot.press("u")
        assert on_disk(drafts)["aqim"] is FactStatus.GENERATED
        assert " aqim (" in status_line(pilot)
        assert "Undone: reject" in shown(pilot, "#triage-message")
        await pilot.press("u")  # the skip
        assert " gspc (" in status_line(pilot)
        await pilot.press("u")  # the accept
        assert on_disk(drafts)["gia"] is FactStatus.GENERATED
        assert "0 / 20 triaged" in status_line(pilot)


@run_async
async def test_order_key_switches_to_document_order(drafts: Path) -> None:
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "o")
        assert "document order" in status_line(pilot)
        assert " gspc (" in status_line(pilot)
        await pilot.press("a")
        assert " gspc-split-from-gia (" in status_line(pilot)


@run_async
async def test_edit_checks_as_you_type_then_accept_counts_as_edited(drafts: Path) -> None:
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await skip_to(pilot, "murabitoun-rejoins-aqim")
        await pilot.press("e")
        assert isinstance(app.screen, EditFactScreen)
        box = app.screen.query_one("#edit-date", Input)
        box.focus()
        box.value = ""
        await pilot.press(*"December 2015")
        await pilot.pause()
        assert box.has_class("-invalid")
        assert shown(pilot, "#error-date") != ""
        await pilot.press("enter")
        assert isinstance(app.screen, EditFactScreen)  # refused: nothing written
        assert '"2015"' in drafts.read_text()
        box.value = "2015-12"
        await pilot.pause()
        assert not box.has_class("-invalid")
        await pilot.press("enter")
        assert isinstance(app.screen, TriageScreen)
        assert 'date: "2015-12"' in drafts.read_text()
        assert "edited" in status_line(pilot)
        await pilot.press("a")
        assert on_disk(drafts)["murabitoun-rejoins-aqim"] is FactStatus.REVIEWED
        assert app.session.summary().edited == 1


@run_async
async def test_edit_escape_changes_nothing(drafts: Path) -> None:
    before = drafts.read_text()
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("e")
        box = app.screen.query_one("#edit-name", Input)
        box.value = "Something else"
        await pilot.press("escape")
        assert isinstance(app.screen, TriageScreen)
        assert drafts.read_text() == before


@run_async
async def test_merge_picks_the_same_fact_and_undo_restores_both(drafts: Path) -> None:
    before = drafts.read_text()
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await skip_to(pilot, "algiers")
        await pilot.press("m")
        assert isinstance(app.screen, MergeScreen)
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).id == "algiers-capital"
        await pilot.press("enter")
        assert isinstance(app.screen, TriageScreen)
        statuses = on_disk(drafts)
        assert statuses["algiers-capital"] is FactStatus.REJECTED
        assert "Algiers is the capital of Algeria." in shown(pilot, "#triage-fields")
        assert "Merged algiers-capital" in shown(pilot, "#triage-message")
        assert "1 / 20 triaged" in status_line(pilot)
        await pilot.press("u")
        assert drafts.read_text() == before


@run_async
async def test_all_decided_shows_the_summary(drafts: Path) -> None:
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(60, 16)) as pilot:
        for _ in range(19):
            await pilot.press("a")
        await pilot.press("r")
        assert "20 / 20 triaged" in status_line(pilot)
        summary = shown(pilot, "#triage-source")
        assert "Accepted   19" in summary
        assert "Rejected   1" in summary
        await pilot.press("a")
        assert "Every proposal is decided" in shown(pilot, "#triage-message")


@run_async
async def test_deck_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(
        'title: t\nfacts:\n  - id: x\n    type: group\n    name: "[bold]Bold[/bold] \\e[31mred"\n'
        "    status: generated\n    sources:\n"
        '      - {doc: d.txt, quote: "[bold]Bold[/bold] \\e[31mred here."}\n'
    )
    app = TriageApp(TriageSession(path))
    async with app.run_test(size=(80, 24)) as pilot:
        source = shown(pilot, "#triage-source")
        assert "[bold]Bold[/bold]" in source
        assert "\x1b" not in source and "␛[31mred" in source


@run_async
async def test_the_palette_opens_triage_for_the_highlighted_deck(
    drafts: Path, tmp_path: Path
) -> None:
    from uikit import FixedClock, make_context

    from quizapp.ui.app import QuizApp

    clock = FixedClock()
    context = make_context(tmp_path / "data", clock, decks=drafts.parent)
    app = QuizApp(context, clock=clock, seed=7)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Triage generated")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TriageScreen)
        await pilot.press("a")
        assert on_disk(drafts)["gia"] is FactStatus.REVIEWED
        await pilot.press("q")
        assert not isinstance(app.screen, TriageScreen)


@run_async
async def test_the_extracted_values_are_highlighted_in_the_sentence(drafts: Path) -> None:
    from textual.content import Content

    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        content = pilot.app.screen.query_one("#triage-source", Static).render()
        assert isinstance(content, Content)
        marked = [
            content.plain[span.start : span.end]
            for span in content.spans
            if getattr(span.style, "reverse", False)
        ]
        assert marked == ["Armed Islamic Group", "GIA"]


@run_async
async def test_quitting_right_after_a_decision_loses_nothing(drafts: Path) -> None:
    session = TriageSession(drafts)
    app = TriageApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "r", "ctrl+q")
    assert not session.unwritten
    statuses = on_disk(drafts)
    assert statuses["gia"] is FactStatus.REVIEWED
    assert statuses["gspc"] is FactStatus.REJECTED


@run_async
async def test_a_file_changed_meanwhile_takes_the_decision_back_and_says_so(
    drafts: Path,
) -> None:
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(80, 24)) as pilot:
        drafts.write_text(drafts.read_text() + "# edited in another window\n")
        await pilot.press("a")
        assert "changed by another program" in shown(pilot, "#triage-message")
        assert " gia (" in status_line(pilot)
        assert "0 / 20 triaged" in status_line(pilot)
    assert drafts.read_text().endswith("# edited in another window\n")


@run_async
async def test_undo_takes_back_an_edit(drafts: Path) -> None:
    before = drafts.read_text()
    app = TriageApp(TriageSession(drafts))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("e")
        box = app.screen.query_one("#edit-name", Input)
        box.value = "Armed Islamic Group of Algeria"
        await pilot.press("enter")
        assert "name: Armed Islamic Group of Algeria" in drafts.read_text()
        await pilot.press("u")
        assert "Undone: edit name" in shown(pilot, "#triage-message")
        assert drafts.read_text() == before
