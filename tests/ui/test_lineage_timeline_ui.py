"""Pilot tests of the lineage and timeline screens, on the AQIM lineage test deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static
from uikit import FixedClock, make_context, run_async

from quizapp.model.cards import OrderCard
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.browse import STALE_MARK, BrowseScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.lineage import LineageScreen
from quizapp.ui.screens.lineage_quiz import LineageQuizScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.timeline import TimelineScreen
from quizapp.ui.widgets.row_list import CURSOR_MARK, RowList

LINEAGE = Path(__file__).parents[1] / "data" / "lineage"


def lineage_app(tmp_path: Path, clock: FixedClock, decks: Path = LINEAGE) -> QuizApp:
    return QuizApp(make_context(tmp_path / "data", clock, decks), clock=clock, seed=7)


def rows_of(screen: LineageScreen | TimelineScreen) -> list[str]:
    return [screen.render_row(i).plain for i in range(len(screen.rows))]


def profile(screen: LineageScreen) -> str:
    return str(screen.query_one("#profile", Static).render())


@run_async
async def test_l_draws_the_lineage_and_the_cursor_shows_a_groups_facts(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, LineageScreen)
        await pilot.pause()
        rows = rows_of(screen)
        assert rows[0] == "GIA" and rows[1].endswith("split 1998 \u2500\u25b6 GSPC  1998\u20132007")
        assert "renamed January 2007 \u2500\u25b6 AQIM" in rows[3]
        assert "Armed Islamic Group" in profile(screen)
        await pilot.press("down", "down", "down")
        assert screen.query_one(RowList).cursor_row == 3
        shown = profile(screen)
        assert "al-Qaeda in the Islamic Maghreb" in shown
        assert "leader      2004  Abdelmalek Droukdel  (aqim-backgrounder-2014.txt)" in shown
        assert "designation 27 March 2002  designated by U.S. Department of State" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_a_narrow_terminal_pans_the_drawing(tmp_path: Path, clock: FixedClock) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        tree = app.screen.query_one(RowList)
        assert tree.virtual_size.width > tree.size.width
        await pilot.press("right", "right")
        assert tree.scroll_x > 0
        await pilot.press("end")
        await pilot.pause()
        last = tree.cursor_row
        assert last == len(app.screen.rows) - 1  # type: ignore[attr-defined]
        assert tree.scroll_y + tree.size.height > last, "the cursor row is scrolled into view"


@run_async
async def test_enter_studies_the_groups_cards_now_without_touching_the_schedule(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "down", "down", "down", "enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.cram is not None
        assert review.units is not None
        facts = {u.card.fact for u in review.units} | {
            f for u in review.units for f in u.card.facts
        }
        assert facts == {
            "aqim", "gspc-renamed-aqim", "mulathamun-split-from-aqim", "droukdel-leads-aqim",
            "aqim-fto",
        }  # fmt: skip
        assert "Lineage \u00b7 AQIM" in str(review.query_one("#title", Static).render())


@run_async
async def test_the_lineage_quiz_hides_a_part_and_scores_the_answer(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "x")
        quiz = app.screen
        assert isinstance(quiz, LineageQuizScreen)
        question = quiz.question
        assert question is not None and any("?" in line for line in question.shown())
        await pilot.press(str(question.answer + 1))
        assert quiz.right == 1
        body = str(quiz.query_one("#question", Static).render())
        assert "Right. Source:" in body
        await pilot.press("enter")
        second = quiz.question
        assert second is not None and second is not question
        await pilot.press(str((second.answer + 1) % len(second.choices) + 1))
        assert quiz.right == 1
        assert "Not quite." in str(quiz.query_one("#question", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, LineageScreen)


@run_async
async def test_t_lists_dated_facts_on_a_scale_with_gaps_collapsed(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.pause()
        rows = rows_of(screen)
        assert rows[0].startswith("1992 ")
        assert rows[1].strip() == "\u2506 1993\u20131997: 5 years"
        assert "27 Mar" in rows[5] and "(rfj-aqim.txt)" in rows[5]
        assert len(screen.entries) == 12
        title = str(screen.query_one("#timeline-title", Static).render())
        assert "12 dated facts" in title
        await pilot.press("down")
        entry = str(screen.query_one("#entry", Static).render())
        assert "GSPC founded" in entry and "aqim-backgrounder-2014.txt" in entry


@run_async
async def test_the_timeline_filters_by_group_type_and_years(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "slash")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        box = screen.query_one("#timeline-filter", Input)
        box.value = "group:mujwa"
        await pilot.press("enter")
        await pilot.pause()
        assert [e.fact_id for e in screen.entries] == ["murabitoun-merger"]
        await pilot.press("slash")
        screen.query_one("#timeline-filter", Input).value = "type:designation 2003-2013"
        await pilot.press("enter")
        await pilot.pause()
        assert [e.fact_id for e in screen.entries] == ["gia-delisted", "mulathamun-fto"]


@run_async
async def test_a_span_is_studied_and_ordered(tmp_path: Path, clock: FixedClock) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.press("down")  # 1998: the year's two facts are the span
        assert [e.fact_id for e in screen.span_entries()] == ["gspc", "gspc-split-from-gia"]
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.units is not None
        assert {u.card.fact for u in review.units} <= {"gspc", "gspc-split-from-gia", None}
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("space", "down", "down", "down", "down", "o")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, ReviewScreen) and drill.units is not None
        (unit,) = drill.units
        assert isinstance(unit.card, OrderCard)
        assert [item.date for item in unit.card.items] == [
            "1998",
            "2002-03-27",
            "2004",
            "2006-09-11",
        ]


@run_async
async def test_deck_text_is_shown_literally(tmp_path: Path, clock: FixedClock) -> None:
    decks = tmp_path / "decks"
    shutil.copytree(LINEAGE, decks)
    deck = decks / "aqim-lineage.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("acronym: GSPC", 'acronym: "[bold]GS\\nPC\\e[2J"'), "utf-8")
    app = lineage_app(tmp_path, clock, decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        rows = rows_of(app.screen)  # type: ignore[arg-type]
        assert "[bold]GS\u240aPC\u241b[2J" in rows[1]
        await pilot.press("escape", "t")
        await pilot.pause()
        assert any("[bold]GS\u240aPC\u241b[2J" in row for row in rows_of(app.screen))  # type: ignore[arg-type]


@run_async
async def test_the_cursor_is_marked_without_colour(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("l", "down")
        await pilot.pause()
        tree = app.screen.query_one(RowList)
        lines = ["".join(s.text for s in tree.render_line(y)) for y in range(3)]
        assert lines[1].startswith(CURSOR_MARK) and not lines[0].startswith(CURSOR_MARK)


@run_async
async def test_browse_marks_stale_facts_and_finds_them_with_state_stale(
    tmp_path: Path, clock: FixedClock
) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        screen.query_one("#search", Input).value = "state:stale"
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        facts = {unit.card.fact for unit in screen.found}
        assert facts == {"droukdel-leads-aqim", "in-amenas"}
        table = screen.query_one("#results", DataTable)
        assert str(table.get_row_at(0)[0]).startswith(STALE_MARK)
        detail = str(screen.query_one("#detail", Static).render())
        assert "Stale: " in detail and "as of 2014-01-08" in detail


@run_async
async def test_decks_without_facts_say_so(tmp_path: Path, clock: FixedClock) -> None:
    from uikit import DECKS

    app = lineage_app(tmp_path, clock, DECKS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LineageScreen)
        assert "No groups" in str(app.screen.query_one("#profile", Static).render())
        await pilot.press("down", "enter", "x", "escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        entry = str(app.screen.query_one("#entry", Static).render())
        assert entry == "The decks have no dated facts."
        await pilot.press("down", "enter", "o", "space")


@run_async
async def test_the_palette_offers_lineage_and_timeline(tmp_path: Path, clock: FixedClock) -> None:
    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Lineage", "Timeline"} <= set(commands)
        commands["Timeline"].callback()
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


@run_async
async def test_a_time_sensitive_fact_studied_from_the_lineage_says_as_of(
    tmp_path: Path, clock: FixedClock
) -> None:
    from quizapp.ui.widgets.card_panel import CardPanel

    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l", "down", "down", "down", "enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.units is not None
        answers: dict[str, str] = {}
        wanted = ("droukdel-leads-aqim/", "aqim-fto/")
        for unit in [u for u in review.units if u.uid.startswith(wanted)]:
            review.show(unit)
            panel = review.query_one(CardPanel)
            panel.reveal()
            if not panel.revealed:
                panel.check()
            await pilot.pause()
            answers[unit.uid] = str(panel.query_one("#answer").render())
        leads = [text for uid, text in answers.items() if uid.startswith("droukdel-leads-aqim/")]
        assert leads and all("As of January 2014" in text for text in leads)
        others = [text for uid, text in answers.items() if uid.startswith("aqim-fto/")]
        assert others and not any("As of" in text for text in others)


@run_async
async def test_a_drill_ends_in_its_summary_and_comes_back_to_the_lineage(
    tmp_path: Path, clock: FixedClock
) -> None:
    from quizapp.model.progress import Rating
    from quizapp.ui.screens.summary import SummaryScreen

    app = lineage_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "down", "enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        before = review.cram.remaining if review.cram else 0
        review.action_reveal()
        review.grade(Rating.GOOD)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and before >= 1
        assert app.context is not None and app.context.study.history() == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LineageScreen)
