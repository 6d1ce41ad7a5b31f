"""Pilot tests of the study day (issue 14): settings, limits, unsuspend, undo, keys, edits."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static
from uikit import DECKS, FixedClock, make_context, run_async

from quizapp import cli
from quizapp.model.progress import COUNTED_AS, Rating
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.browse import BrowseScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.settings import SettingsScreen
from quizapp.ui.screens.summary import SummaryScreen

OWN = """\
title: My notes
cards:
  - question: Who founded the GSPC?
    answer: Hassan Hattab
  - question: When was the GSPC founded?
    answer: "1998"
"""


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@run_async
async def test_settings_screen_saves_a_value_and_refuses_one_out_of_range(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        box = app.screen.query_one("#pref-new_per_day", Input)
        box.focus()
        box.value = "3"
        await pilot.press("enter")
        assert "Saved: New cards per day = 3" in text_of(app, "#settings-status")
        assert app.context is not None and app.context.study.preferences()["new_per_day"] == 3
        retention = app.screen.query_one("#pref-desired_retention", Input)
        retention.focus()
        retention.value = "0.5"
        await pilot.press("enter")
        status = text_of(app, "#settings-status")
        assert "Not saved" in status and "0.70 to 0.99" in status
        assert app.context.study.preferences()["desired_retention"] == 0.9
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_palette_offers_settings_and_unsuspend(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Settings" in titles and "Unsuspend…" in titles
        assert titles.count("Keys") == 1
        app.action_unsuspend()
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.query_one("#search", Input).value == "state:suspended "


@run_async
async def test_the_daily_limit_is_explained_and_r_offers_more(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.context is not None
        app.context.study.change_preference("new_per_day", "1")
        await pilot.press("enter", "space", "4")  # the one new card of the day, Easy
        assert isinstance(app.screen, SummaryScreen)
        summary = text_of(app, "#summary-text")
        assert "1 new card today — the daily limit; Ctrl+P → Settings" in summary
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        message = text_of(app, "#message")
        assert "1 new card today — the daily limit" in message and "r gives more" in message
        await pilot.press("r")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.unit is not None
        assert app.context.study.info(review.unit.uid, app.clock()).state == "new"


@run_async
async def test_enter_and_space_after_a_basic_answer_grade_good(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.kind == "basic"
        first = screen.unit
        await pilot.press("space", "enter")
        assert screen.session_log is not None
        assert [a.rating for a in screen.session_log.answers] == [Rating.GOOD]
        await pilot.press("u")
        assert screen.unit == first and screen.session_log.done == 0
        await pilot.press("space", "space")
        assert [a.rating for a in screen.session_log.answers] == [Rating.GOOD]


@run_async
async def test_suspend_in_review_then_unsuspend_in_browse_and_undo_on_ctrl_z(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.context is not None
        study = app.context.study
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.unit is not None
        suspended = screen.unit.uid
        await pilot.press("s", "b")  # Stats and Browse on Home: nothing here
        assert screen.unit.uid == suspended and study.last_action() is None
        await pilot.press("@")
        assert study.info(suspended, app.clock()).state == "suspended"
        await pilot.press("ctrl+z")
        assert screen.unit.uid == suspended
        assert study.info(suspended, app.clock()).state == "new"
        await pilot.press("@", "escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b")
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        search = browse.query_one("#search", Input)
        search.value = "state:susp"
        await pilot.pause()
        table = browse.query_one("#results", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("@")
        assert study.info(suspended, app.clock()).state == "new"
        await pilot.press("u")
        assert study.info(suspended, app.clock()).state == "suspended"
        search.focus()
        await pilot.press("u")  # typed into the search box, not an undo
        assert search.value.endswith("u")
        await pilot.press("ctrl+z")  # undo works with the text box focused
        assert study.info(suspended, app.clock()).state == "new"


@run_async
async def test_a_leech_is_announced_and_found_with_state_leech(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.context is not None
        study = app.context.study
        app.context.study.change_preference("new_per_day", "1")
        study.everything.update_settings(leech_threshold=1)  # type: ignore[attr-defined]
        await pilot.press("enter", "space", "4")  # learn it (Easy)
        uid = next(a.unit.uid for a in app.screen.session_log.answers)  # type: ignore[attr-defined]
        await pilot.press("escape", "escape")
        clock.advance(days=40)
        await pilot.press("a")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.unit is not None
        assert review.unit.uid == uid
        await pilot.press("space", "1")  # forgotten: a lapse makes it a leech
        messages = [n.message for n in app._notifications]
        assert any("Leech:" in m and "state:leech" in m for m in messages)
        await pilot.press("escape", "escape", "b")
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        browse.query_one("#search", Input).value = "state:leech"
        await pilot.pause()
        table = browse.query_one("#results", DataTable)
        assert table.row_count == 1
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == uid


@run_async
async def test_e_opens_the_cards_line_and_the_edited_card_shows_at_once(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    deck = decks / "notes.yaml"
    deck.write_text(OWN, encoding="utf-8")
    # An "editor" that records its arguments and edits the answer of the card it was sent to.
    editor = tmp_path / "editor.py"
    log = tmp_path / "editor-args"
    editor.write_text(
        "import sys, pathlib\n"
        f"pathlib.Path({str(log)!r}).write_text(' '.join(sys.argv[1:]))\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "path.write_text(path.read_text().replace('Hassan Hattab', 'Hassan Hattab (GSPC)'))\n",
        encoding="utf-8",
    )
    clock = FixedClock()
    context = make_context(tmp_path / "data", clock, decks)
    app = QuizApp(context, clock=clock, seed=7, editor=[sys.executable, str(editor)])
    # A headless test terminal cannot hand itself over; everything else is real.
    app.suspend = contextlib.nullcontext  # type: ignore[assignment,method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.unit is not None
        assert screen.unit.card.question == "Who founded the GSPC?"  # type: ignore[union-attr]
        await pilot.press("e")
        await pilot.pause()
        assert str(deck) in log.read_text() or str(deck.resolve()) in log.read_text()
        assert screen.unit.card.answer == "Hassan Hattab (GSPC)"  # type: ignore[union-attr]
        await pilot.press("space")
        assert "Hassan Hattab (GSPC)" in str(screen.panel.query_one("#answer", Static).render())


@run_async
async def test_esc_leaves_the_filter_box_and_then_clears_it(
    make_app: Callable[..., QuizApp],
) -> None:
    from quizapp.ui.widgets.deck_list import DeckList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"key")
        home = app.screen
        assert isinstance(home, HomeScreen)
        box = home.query_one("#filter", Input)
        assert box.has_focus and box.value == "key" and len(home.row_decks) == 1
        await pilot.press("escape")
        assert home.query_one(DeckList).has_focus and box.value == "key"
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("escape")
        assert box.value == "" and len(home.row_decks) == 2


@run_async
async def test_the_theme_chosen_is_kept_for_the_next_start(tmp_path: Path) -> None:
    looks = tmp_path / "data" / "ui.json"
    clock = FixedClock()
    first = QuizApp(make_context(tmp_path / "data", clock), clock=clock, looks=looks)
    async with first.run_test(size=(80, 24)) as pilot:
        assert first.theme != "nord"
        first.theme = "nord"
        await pilot.pause()
    second = QuizApp(make_context(tmp_path / "data2", clock), clock=clock, looks=looks)
    async with second.run_test(size=(80, 24)):
        assert second.theme == "nord"
    looks.write_text('{"theme": "\\u001b[31mno-such-theme"}', encoding="utf-8")
    third = QuizApp(make_context(tmp_path / "data3", clock), clock=clock, looks=looks)
    async with third.run_test(size=(80, 24)):
        assert third.theme == "textual-dark"


@run_async
async def test_long_deck_names_are_cut_with_an_ellipsis_on_one_line(tmp_path: Path) -> None:
    from quizapp.ui.widgets.deck_list import DeckList

    decks = tmp_path / "decks"
    decks.mkdir()
    title = "Al-Qaeda in the Islamic Maghreb and its Sahel affiliates from 1998 to 2024, in full"
    (decks / "long.yaml").write_text(OWN.replace("My notes", title), encoding="utf-8")
    clock = FixedClock()
    app = QuizApp(make_context(tmp_path / "data", clock, decks), clock=clock)
    async with app.run_test(size=(80, 24)):
        deck_list = app.screen.query_one(DeckList)
        line = "".join(segment.text for segment in deck_list.render_line(1))
        assert len(line) <= 80 and "…" in line and title[:20] in line
        assert "".join(s.text for s in deck_list.render_line(2)).strip() == ""


@run_async
async def test_a_card_going_on_below_the_fold_says_so_until_scrolled(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("enter", "space")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.pause()
        more = screen.query_one("#more-below", Static)
        assert screen.panel.max_scroll_y > 0 and more.display
        assert "PgDn" in str(more.render())
        screen.panel.scroll_end(animate=False)
        await pilot.pause()
        assert not more.display
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "space")
        await pilot.pause()
        assert not app.screen.query_one("#more-below", Static).display
    app = make_app()
    async with app.run_test(size=(60, 16)) as pilot:
        # a typed answer's difference is laid out after the check: the hint follows it
        await pilot.press("enter", "space", "3", "1", "enter", *"osama bin ladn", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.kind == "typed" and screen.revealed
        assert screen.panel.max_scroll_y > 0
        assert screen.query_one("#more-below", Static).display


@run_async
async def test_home_and_stats_count_the_same_cards_in_the_same_words(
    tmp_path: Path, make_app: Callable[..., QuizApp], capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        welcome = " ".join(text_of(app, "#message").split())
        assert app.context is not None
        units = len(app.context.study.units)
        written = sum(len(deck.cards) for deck in app.context.decks)
    assert units > written, "the test decks have a cloze with two gaps"
    assert f"Welcome! {units} new cards are waiting ({COUNTED_AS})." in welcome
    argv = ["--decks", str(DECKS), "--data-dir", str(tmp_path / "data"), "stats"]
    assert cli.main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new_total"] == units
    assert cli.main(argv) == 0
    table = " ".join(capsys.readouterr().out.split())
    assert f"Progress in cards ({COUNTED_AS})" in table


@run_async
async def test_cards_quoting_one_sentence_wait_a_day_and_undo_brings_them_back(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    # the three cards of Key dates quote the sentence of Groups and dates' first card
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.context is not None
        study = app.context.study
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.unit is not None
        assert screen.unit.uid == "g-hamas-founded"
        await pilot.press("space", "4")
        assert study.next_unit(["history/dates"], clock()) is None, "buried until tomorrow"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SummaryScreen), "nothing to study in Key dates today"
        summary = text_of(app, "#summary-text")
        assert "3 new cards wait for tomorrow" in summary and "quoted sentence" in summary
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.unit is not None
        assert screen.unit.deck_id == "history/dates", "undo gave the buried cards back"


def test_a_missed_question_wraps_at_words_under_itself_and_a_huge_one_is_cut() -> None:
    from quizapp.ui.render import MISSED_CHARS, hanging

    question = "How does the backgrounder describe the Tuaregs who launched the 2012 rebellion?"
    lines = hanging("  ✗ ", question, 40).plain.splitlines()
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
    assert all(line.startswith("    ") and not line.startswith("     ") for line in lines[1:])
    assert " ".join(line.strip(" ✗") for line in lines) == question, "no word cut or lost"
    huge = hanging("  ✗ ", "word " * 200, 80).plain
    assert huge.rstrip().endswith("…") and len(huge.replace("\n", "")) < MISSED_CHARS + 40
