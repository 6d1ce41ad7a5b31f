"""Home's deck list: keys, mouse, scrolling with a sticky header, literal and wide titles."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from uikit import run_async

from quizapp.safety.terminal import literal
from quizapp.ui.widgets.deck_list import DeckList, DeckRow


class ListApp(App[None]):
    def __init__(self, rows: list[DeckRow]) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield DeckList(id="decks")

    def on_mount(self) -> None:
        self.query_one(DeckList).set_rows(self.rows)
        self.query_one(DeckList).focus()

    def on_deck_list_selected(self, message: DeckList.Selected) -> None:
        self.chosen.append(message.row.key)


def rows(count: int) -> list[DeckRow]:
    return [DeckRow(f"deck:{i}", Text(f"Deck {i}"), i % 3, 10 - i % 10, i) for i in range(count)]


def screen_lines(app: App[None]) -> list[str]:
    deck_list = app.query_one(DeckList)
    return [deck_list.render_line(y).text for y in range(deck_list.size.height)]


@run_async
async def test_keys_move_the_cursor_and_the_header_stays() -> None:
    app = ListApp(rows(40))
    async with app.run_test(size=(80, 12)) as pilot:
        deck_list = app.query_one(DeckList)
        assert screen_lines(app)[0].split()[:5] == ["Deck", "Due", "New", "Learned", "Progress"]
        assert screen_lines(app)[1].startswith("▶ Deck 0 ")
        await pilot.press("down", "down")
        assert deck_list.cursor_row == 2 and deck_list.highlighted == deck_list.rows[2]
        await pilot.press("end")
        await pilot.pause()
        lines = screen_lines(app)
        assert deck_list.cursor_row == 39
        assert lines[0].split()[0] == "Deck", "the header stays on top when scrolled"
        assert lines[-1].startswith("▶ Deck 39 ")
        await pilot.press("pageup")
        assert deck_list.cursor_row == 39 - (deck_list.size.height - 2)
        await pilot.press("home", "up")
        await pilot.pause()
        assert deck_list.cursor_row == 0 and screen_lines(app)[1].startswith("▶ Deck 0 ")


@run_async
async def test_a_click_highlights_and_a_second_click_chooses() -> None:
    app = ListApp(rows(5))
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.click(DeckList, offset=(5, 3))  # line 3: the row of index 2
        assert app.query_one(DeckList).cursor_row == 2 and app.chosen == []
        await pilot.click(DeckList, offset=(5, 3))
        assert app.chosen == ["deck:2"]
        await pilot.click(DeckList, offset=(5, 0))  # the header chooses nothing
        assert app.chosen == ["deck:2"]


@run_async
async def test_titles_are_literal_cut_to_fit_and_counts_aligned() -> None:
    long = "[bold]Wide 日本語 title\x1b[31m " + "x" * 80
    app = ListApp([DeckRow("a", literal(long), 3, 12, 7), DeckRow("b", Text("B"), 0, 0, 0)])
    async with app.run_test(size=(80, 12)):
        lines = screen_lines(app)
        first = lines[1]
        assert "[bold]Wide 日本語 title␛[31m" in first and first.rstrip().endswith("37%")  # 7 of 19
        assert "…" in first, "a long title is cut, not wrapped"
        assert first.split()[-5:-1] == ["3", "12", "7", "████░░░░░░"]
        assert lines[2].rstrip().endswith("0%")
        from rich.cells import cell_len

        assert {cell_len(line) for line in lines} == {80}
