"""Home: every deck with due / new / learned counts and progress; the hub to every other screen."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.quiz.context import StudyContext
from quizapp.quiz.study import Counts
from quizapp.ui.literal import literal
from quizapp.ui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from textual.widgets import Input

    from quizapp.ui.app import QuizApp

GROUPINGS = ("none", "tag", "folder")
BAR_CELLS = 10
# A load that ends sooner is not worth an animated bar: animating it slowed a 0.1 s load to 0.2 s.
SHOW_BAR_AFTER = 0.3


def progress_bar(learned: int, total: int) -> str:
    """`██████░░░░  60%`: readable without colour."""
    share = learned / total if total else 0.0
    filled = round(share * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled) + f" {round(share * 100):3d}%"


class HomeScreen(Screen[None]):
    """Deck list with counts, a filter, grouping, and the keys that start everything."""

    AUTO_FOCUS = "#decks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "review_selected", "Review deck", show=True),
        Binding("a", "review_all", "Review all due"),
        Binding("x", "quiz", "Quiz"),
        Binding("s", "stats", "Stats"),
        Binding("b", "browse", "Browse"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("g", "group", "Group by tag / folder", show=False),
        Binding("p", "problems", "Deck problems", show=False),  # the status line names it
        Binding("e", "exam", "Exam date and cram (highlighted deck)", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    class Loaded(Message):
        """The loader worker finished."""

        def __init__(self, context: StudyContext | None, error: str | None) -> None:
            super().__init__()
            self.context = context
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.grouping = "none"
        self.loading = False
        self.fresh = False
        self.row_decks: dict[str, list[str]] = {}
        self.counts: dict[str, Counts] = {}

    @property
    def quiz_app(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        # A plain title bar and a filter mounted on first use keep start-up light.
        yield Static("quizapp · your decks", id="title-bar")
        yield Horizontal(id="filter-row")
        loading = self.quiz_app.context is None
        label = Static("Loading decks and progress…", id="loading-label")
        label.display = loading
        yield label
        table: DataTable[Text | str] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        table.display = not loading
        yield table
        yield Static(id="message", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Deck", key="deck")
        table.add_column("Due", key="due")
        table.add_column("New", key="new")
        table.add_column("Learned", key="learned")
        table.add_column("Progress", key="progress")
        if self.quiz_app.context is None:
            # Styles set on the widgets, not a class on the screen: toggling a screen class
            # makes Textual restyle every widget under it.
            self.loading = True
            self.load()
            self.set_timer(SHOW_BAR_AFTER, self.show_progress_bar)
        else:
            self.refresh_decks()
            self.fresh = True

    def show_progress_bar(self) -> None:
        """A slow load (a big deck set, a cold cache) gets an animated bar."""
        if self.loading and not self.query("#loading"):
            from textual.widgets import ProgressBar

            bar = ProgressBar(id="loading", show_eta=False, show_percentage=False)
            self.mount(bar, after="#loading-label")

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Load decks and open the store off the UI thread; report back with a message."""
        loader = self.quiz_app.loader
        assert loader is not None
        try:
            context = loader()
        except Exception as error:
            self.post_message(self.Loaded(None, str(error)))
        else:
            self.post_message(self.Loaded(context, None))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        self.loading = False
        self.query_one("#loading-label").display = False
        for bar in self.query("#loading"):
            bar.remove()
        if message.error is not None:
            self.query_one("#message", Static).update(
                f"Could not load the decks: {message.error}\n"
                "Fix the problem (try `quizapp validate`) and start again; q quits."
            )
            return
        self.quiz_app.context = message.context
        table = self.query_one(DataTable)
        table.display = True
        self.refresh_decks()
        table.focus()

    def on_resize(self) -> None:
        if self.quiz_app.context is not None and self.row_decks:
            self.fill_table()

    def on_screen_resume(self) -> None:
        if self.fresh:  # just mounted and filled: the first resume would fill it again
            self.fresh = False
        elif self.quiz_app.context is not None:
            self.refresh_decks()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"review_selected", "review_all", "quiz", "stats", "browse", "group"}:
            if self.quiz_app.context is None:
                return None  # hidden while loading: the key line then means "ready"
            return bool(self.quiz_app.context.decks)
        if action == "problems":
            return self.quiz_app.context is not None and bool(self.quiz_app.context.problems)
        return True

    # -- the table -------------------------------------------------------------------------

    def refresh_decks(self) -> None:
        context = self.quiz_app.context
        assert context is not None
        self.counts = context.study.counts(self.quiz_app.clock())
        self.fill_table()
        self.update_message()
        self.refresh_bindings()

    def matches(self, deck_id: str, needle: str) -> bool:
        context = self.quiz_app.context
        assert context is not None
        deck = context.deck(deck_id)
        if deck is None:
            return False
        if not needle:
            return True
        haystack = [deck.id, deck.title, *deck.tags, *(c.category.value for c in deck.cards)]
        haystack += [t for c in deck.cards for t in c.tags]
        return any(needle in h.casefold() for h in haystack)

    def group_of(self, deck_id: str) -> str:
        context = self.quiz_app.context
        assert context is not None
        deck = context.deck(deck_id)
        if self.grouping == "tag":
            return deck.tags[0] if deck and deck.tags else "(no tag)"
        return posixpath.dirname(deck_id) or "(top level)"

    def fill_table(self) -> None:
        context = self.quiz_app.context
        assert context is not None
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        self.row_decks = {}
        needle = self.filter_text()
        shown = [d.id for d in context.decks if self.matches(d.id, needle)]
        if self.grouping == "none":
            groups: dict[str, list[str]] = {"": shown}
        else:
            groups = {}
            for deck_id in shown:
                groups.setdefault(self.group_of(deck_id), []).append(deck_id)
        for group, deck_ids in sorted(groups.items()):
            if group:
                self.add_row(f"group:{group}", Text(f"▸ {group}", style="bold"), deck_ids)
            room = max(16, self.app.size.width - 44)  # the count and progress columns stay visible
            for deck_id in deck_ids:
                indent = "  " if group else ""
                name = indent + context.deck_title(deck_id)
                title = literal(name if len(name) <= room else name[: room - 1] + "…")
                self.add_row(f"deck:{deck_id}", title, [deck_id])
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def add_row(self, key: str, label: Text, deck_ids: Sequence[str]) -> None:
        total = sum((self.counts.get(d, Counts()) for d in deck_ids), Counts())
        self.row_decks[key] = list(deck_ids)
        self.query_one(DataTable).add_row(
            label,
            Text(str(total.due), justify="right"),
            Text(str(total.new), justify="right"),
            Text(str(total.learned), justify="right"),
            progress_bar(total.learned, total.total),
            key=key,
        )

    def update_message(self) -> None:
        context = self.quiz_app.context
        assert context is not None
        message = self.query_one("#message", Static)
        lines: list[str] = []
        total = sum(self.counts.values(), Counts())
        if not context.decks:
            where = f" in {context.decks_dir}" if context.decks_dir else ""
            lines.append(
                f"No decks found{where}. Add YAML deck files there (see README, "
                "`quizapp validate`), or start with --decks DIR."
            )
        elif total.learned == 0:
            lines.append(
                f"Welcome! {total.new} new cards are waiting. Highlight a deck and press Enter "
                "to learn your first cards; ? lists every key."
            )
        elif total.due == 0:
            lines.append(
                "All caught up: nothing is due now. Come back tomorrow, learn new cards with "
                "Enter, or press x for a practice quiz."
            )
        else:
            noun = "card is" if total.due == 1 else "cards are"
            lines.append(f"{total.due} {noun} due. Press a to review everything due.")
        from quizapp.ui.exams import exam_lines

        lines += exam_lines(context, self.quiz_app.clock())
        if context.problems:
            count = len(context.problems)
            lines.append(
                f"⚠ {count} deck problem{'s' if count != 1 else ''}: those cards are left out; "
                "p shows them."
            )
        if not context.persistent:
            lines.append("Preview: nothing you answer here is saved; your progress is untouched.")
        message.update("\n".join(lines))

    # -- actions ---------------------------------------------------------------------------

    def action_problems(self) -> None:
        from quizapp.ui.screens.problems import ProblemsScreen

        context = self.quiz_app.context
        if context is not None and context.problems:
            self.app.push_screen(ProblemsScreen(context.problems))

    def filter_input(self) -> Input | None:
        """The filter box, mounted on first use (Input is imported then, not at start-up)."""
        found = self.query("#filter")
        return found.first() if found else None  # type: ignore[return-value]

    def filter_text(self) -> str:
        box = self.filter_input()
        return box.value.strip().casefold() if box is not None else ""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter" and self.quiz_app.context is not None:
            self.fill_table()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_review_selected()

    def selected_decks(self) -> list[str] | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.row_decks.get(key or "")

    def action_review_selected(self) -> None:
        deck_ids = self.selected_decks()
        if deck_ids:
            self.start_review(deck_ids)

    def action_review_all(self) -> None:
        self.start_review(None)

    def start_review(self, deck_ids: list[str] | None) -> None:
        from quizapp.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(deck_ids))

    def action_quiz(self) -> None:
        from quizapp.ui.screens.quiz import QuizScreen, QuizSetupScreen, QuizSpec

        def start(spec: QuizSpec | None) -> None:
            if spec is not None:
                self.app.push_screen(QuizScreen(spec))

        self.app.push_screen(QuizSetupScreen(self.selected_decks()), start)

    def action_stats(self) -> None:
        from quizapp.ui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def action_browse(self) -> None:
        from quizapp.ui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen())

    def action_filter(self) -> None:
        found = self.filter_input()
        if found is None:
            from textual.widgets import Input

            found = Input(placeholder="deck, tag or category", id="filter")
            row = self.query_one("#filter-row", Horizontal)
            row.mount(Static("Filter", id="filter-label"), found)
            row.display = True
        found.focus()

    def action_group(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.notify(f"Grouped by {self.grouping}", timeout=2)
        self.fill_table()

    def action_exam(self) -> None:
        from quizapp.ui.screens.exam import open_exam

        open_exam(self, self.selected_decks())
