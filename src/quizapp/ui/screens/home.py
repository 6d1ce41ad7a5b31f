"""Home: every deck with due / new / learned counts and progress; the hub to every other screen.

Home is drawn from the app's study context, or, on a warm start, from an `Overview` (cache
headers and store counts) while the context loads: keys pressed meanwhile wait for it.
"""

from __future__ import annotations

import posixpath
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from quizapp.errors import QuizappError
from quizapp.model.progress import COUNTED_AS, Counts
from quizapp.safety.terminal import literal
from quizapp.study.overview import DeckListing
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.deck_list import DeckList, DeckRow
from quizapp.ui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from textual.widgets import Input

    from quizapp.study.context import StudyContext
    from quizapp.study.overview import Overview
    from quizapp.study.service import NewLimit
    from quizapp.ui.subject import SubjectData

GROUPINGS = ("none", "tag", "folder")


def limit_line(done: int) -> str:
    """What Home and the review screen say when the daily limit holds new cards back."""
    noun = "new card" if done == 1 else "new cards"
    return f"{done} {noun} today — the daily limit; Ctrl+P → Settings (or o on Home) changes it."


# A load that ends sooner is not worth an animated bar: animating it slowed a 0.1 s load to 0.2 s.
SHOW_BAR_AFTER = 0.3
# The decks load this long after Home is mounted: a loader thread started at once competes for
# the interpreter lock with the first frames' layout and output and delays them (Home, or the
# loading label on a cold start), and nobody presses a key within a tenth of a second.
LOAD_AFTER_PAINT = 0.1
# At most this long, a cold start's loader waits for Home to be drawn from the decks it read.
SHOWN_WAIT = 1.0


class HomeScreen(UsesQuizApp, Screen[None]):
    """Deck list with counts, a filter, grouping, and the keys that start everything."""

    AUTO_FOCUS = "#decks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "review_selected", "Review deck", show=False),  # the message says so
        Binding("a", "review_all", "Review due"),
        Binding("x", "quiz", "Quiz"),
        Binding("s", "stats", "Stats"),
        Binding("b", "browse", "Browse"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "leave_filter", "Leave the filter box (again: clear it)", show=False),
        Binding("g", "group", "Group by tag / folder", show=False),
        Binding("p", "problems", "Deck problems", show=False),  # the status line names it
        Binding("e", "exam", "Exam date and cram (highlighted deck)", show=False),
        Binding("l", "lineage", "Lineage", show=False),
        Binding("t", "timeline", "Timeline", show=False),
        Binding("r", "more_new", "More new cards past the daily limit", show=False),
        Binding("o", "settings", "Settings (daily limits, retention, day start)", show=False),
        Binding("u", "app.undo", "Undo the last answer, suspension or burial", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    class DecksRead(Message):
        """A cold start parsed the decks: Home can be drawn while the store is opened.

        The loader waits for `shown` before going on: its work would otherwise compete with
        drawing Home for the interpreter lock and delay the very screen it made possible.
        """

        def __init__(self, overview: Overview) -> None:
            super().__init__()
            self.overview = overview
            self.shown = threading.Event()

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
        self.listings: tuple[DeckListing, ...] = ()
        self.listed: StudyContext | None = None
        self.after_load: Callable[[], None] | None = None
        self.subject_data: SubjectData | None = None

    def compose(self) -> ComposeResult:
        # A plain title bar and a filter mounted on first use keep start-up light.
        yield Static("quizapp · your decks", id="title-bar")
        loading = self.quiz_app.context is None and self.quiz_app.overview is None
        if loading:
            yield Static("Loading decks and progress…", id="loading-label")
        table = DeckList(id="decks")
        table.display = not loading
        yield table
        yield Static(id="message", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        overview = self.quiz_app.overview
        if self.quiz_app.context is not None:
            self.refresh_decks()
        elif overview is not None:
            # Drawn from cache headers and store counts; the cards load once it is on screen.
            self.show_overview(overview)
            self.set_timer(LOAD_AFTER_PAINT, self.load)
        else:
            # Styles set on the widgets, not a class on the screen: toggling a screen class
            # makes Textual restyle every widget under it.
            self.loading = True
            # The loading label is the first screen: the decks are read right after it.
            self.call_after_refresh(self.load)
            self.set_timer(SHOW_BAR_AFTER, self.show_progress_bar)
        self.fresh = True

    def show_progress_bar(self) -> None:
        """A slow load (a big deck set, a cold cache) gets an animated bar."""
        if self.loading and not self.query("#loading"):
            from textual.widgets import ProgressBar

            bar = ProgressBar(id="loading", show_eta=False, show_percentage=False)
            self.mount(bar, after="#loading-label")

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Load decks and open the store off the UI thread; report back with a message.

        A `QuizappError` (unreadable folder, damaged store) is shown on Home; anything else is
        a bug, and stops the app with its traceback rather than hiding behind a message.
        """
        loader, read_decks = self.quiz_app.loader, self.quiz_app.read_decks
        assert loader is not None
        try:
            if read_decks is not None and self.quiz_app.overview is None:
                early = read_decks()
                if early is not None:
                    read = self.DecksRead(early)
                    self.post_message(read)
                    read.shown.wait(SHOWN_WAIT)
            context = loader()
        except QuizappError as error:
            self.post_message(self.Loaded(None, str(error)))
        else:
            self.post_message(self.Loaded(context, None))

    def show_overview(self, overview: Overview) -> None:
        self.listings, self.counts = overview.decks, overview.counts
        self.fill_table()
        self.update_message()

    def on_home_screen_decks_read(self, message: DecksRead) -> None:
        self.call_after_refresh(message.shown.set)
        if self.quiz_app.context is not None:
            return
        self.quiz_app.overview = message.overview
        self.end_loading()
        table = self.query_one(DeckList)
        table.display = True
        table.focus()
        self.show_overview(message.overview)
        self.refresh_bindings()

    def end_loading(self) -> None:
        self.loading = False
        for label in self.query("#loading-label"):
            label.remove()
        for bar in self.query("#loading"):
            bar.remove()

    def on_home_screen_loaded(self, message: Loaded) -> None:
        self.end_loading()
        if message.error is not None:
            self.after_load = None
            self.query_one(DeckList).display = False
            self.query_one("#message", Static).update(
                literal(
                    f"Could not load the decks: {message.error}\n"
                    "Fix the problem (try `quizapp validate`) and start again; q quits."
                )
            )
            return
        self.quiz_app.context = message.context
        table = self.query_one(DeckList)
        was_shown = table.display
        table.display = True
        self.refresh_decks()
        if not was_shown:
            table.focus()
        action, self.after_load = self.after_load, None
        if action is not None and self.app.screen is self:
            action()

    def on_resize(self) -> None:
        if self.row_decks:
            self.fill_table()

    def on_screen_resume(self) -> None:
        if self.fresh:  # just mounted and filled: the first resume would fill it again
            self.fresh = False
        elif self.quiz_app.context is not None:
            self.refresh_decks()

    def has_decks(self) -> bool:
        return bool(self.listings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {
            "review_selected",
            "review_all",
            "quiz",
            "stats",
            "browse",
            "group",
            "lineage",
            "timeline",
            "more_new",
        }:
            if self.quiz_app.context is None and self.quiz_app.overview is None:
                return None  # dimmed (disabled) until the decks are known
            return self.has_decks()
        if action == "problems":
            return self.quiz_app.context is not None and bool(self.quiz_app.context.problems)
        return True

    def when_loaded(self, action: Callable[[], None]) -> bool:
        """Run `action` once the cards are loaded if they are not yet; True if it must wait."""
        if self.quiz_app.context is not None:
            return False
        self.after_load = action
        self.query_one("#message", Static).update("Opening as soon as the cards are loaded…")
        return True

    # -- the table -------------------------------------------------------------------------

    def refresh_decks(self) -> None:
        context = self.quiz_app.context
        assert context is not None
        if self.listed is not context:  # built once per context: it walks every card
            self.listings = tuple(DeckListing.of_deck(deck) for deck in context.decks)
            self.listed = context
        self.counts = context.study.counts(self.quiz_app.clock())
        self.fill_table()
        self.update_message()
        self.refresh_bindings()

    def group_of(self, listing: DeckListing) -> str:
        if self.grouping == "tag":
            return listing.tags[0] if listing.tags else "(no tag)"
        return posixpath.dirname(listing.id) or "(top level)"

    def fill_table(self) -> None:
        self.row_decks = {}
        rows: list[DeckRow] = []
        needle = self.filter_text()
        shown = [listing for listing in self.listings if listing.matches(needle)]
        if self.grouping == "none":
            groups: dict[str, list[DeckListing]] = {"": shown}
        else:
            groups = {}
            for listing in shown:
                groups.setdefault(self.group_of(listing), []).append(listing)
        for group, listings in sorted(groups.items()):
            if group:
                label = Text(f"▸ {group}", style="bold")
                rows.append(self.row(f"group:{group}", label, [item.id for item in listings]))
            indent = "  " if group else ""
            for listing in listings:
                rows.append(
                    self.row(f"deck:{listing.id}", literal(indent + listing.title), [listing.id])
                )
        self.query_one(DeckList).set_rows(rows)

    def row(self, key: str, label: Text, deck_ids: Sequence[str]) -> DeckRow:
        total = sum((self.counts.get(d, Counts()) for d in deck_ids), Counts())
        self.row_decks[key] = list(deck_ids)
        return DeckRow(key, label, total.due, total.new, total.learned, total.learning)

    def update_message(self) -> None:
        context, overview = self.quiz_app.context, self.quiz_app.overview
        message = self.query_one("#message", Static)
        lines: list[str] = []
        total = sum(self.counts.values(), Counts())
        problems = context.problems if context is not None else ()
        decks_dir = context.decks_dir if context is not None else overview and overview.decks_dir
        limit = self.new_limit()
        held_back = limit is not None and limit.reached
        if not self.listings:
            where = f" in {decks_dir}" if decks_dir else ""
            lines.append(
                f"No decks found{where}. Add YAML deck files there (see README, "
                "`quizapp validate`), or start with --decks DIR."
            )
        elif total.learned == 0 and not held_back:
            lines.append(
                f"Welcome! {total.new:,} new cards are waiting ({COUNTED_AS}). Highlight a deck "
                "and press Enter to learn them; ? lists every key."
            )
        elif total.due == 0 and not held_back:
            lines.append(
                "All caught up: nothing is due now. Come back tomorrow, learn new cards with "
                "Enter, or press x for a practice quiz."
            )
        elif total.due:
            noun = "card is" if total.due == 1 else "cards are"
            lines.append(f"{total.due} {noun} due. Press a to review everything due.")
        if limit is not None and held_back:
            lines.append(limit_line(limit.done) + " r gives more new cards anyway.")
        if context is None and overview is not None and overview.new_store:
            lines.append(f"Setting up your progress for {total.new:,} cards (first start only)…")
        from quizapp.ui.exams import exam_lines

        lines += exam_lines(context, self.quiz_app.clock())
        if problems:
            count = len(problems)
            lines.append(
                f"⚠ {count} deck problem{'s' if count != 1 else ''}: those cards are left out; "
                "p shows them."
            )
        if context is not None and not context.persistent:
            lines.append("Preview: nothing you answer here is saved; your progress is untouched.")
        message.update("\n".join(lines))

    def new_limit(self) -> NewLimit | None:
        """Today's new-card limit across all decks, once the cards are loaded."""
        context = self.quiz_app.context
        if context is None or not self.listings:
            return None
        return context.study.new_limit(None, self.quiz_app.clock())

    def after_undo(self) -> None:
        if self.quiz_app.context is not None:
            self.refresh_decks()

    def action_settings(self) -> None:
        if not self.when_loaded(self.action_settings):
            self.quiz_app.action_settings()

    def action_more_new(self) -> None:
        """Study new cards past the daily limit (as Anki's custom study): counted against
        nothing, offered until the batch is done."""

        if not self.when_loaded(self.action_more_new):
            self.quiz_app.start_review(self.selected_decks(), more_new=True)

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
        if event.input.id == "filter":
            self.fill_table()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(DeckList).focus()

    @on(DeckList.Selected)
    def row_selected(self) -> None:
        self.action_review_selected()

    def selected_decks(self) -> list[str] | None:
        row = self.query_one(DeckList).highlighted
        return None if row is None else self.row_decks.get(row.key)

    def action_review_selected(self) -> None:
        deck_ids = self.selected_decks()
        if deck_ids:
            self.start_review(deck_ids)

    def action_review_all(self) -> None:
        self.start_review(None)

    def start_review(self, deck_ids: list[str] | None) -> None:
        if not self.when_loaded(lambda: self.start_review(deck_ids)):
            self.quiz_app.start_review(deck_ids)

    def action_quiz(self) -> None:
        from quizapp.ui.screens.quiz import QuizSetupScreen, QuizSpec

        context = self.quiz_app.context
        if self.when_loaded(self.action_quiz) or context is None:
            return

        def start(spec: QuizSpec | None) -> None:
            if spec is not None:
                self.quiz_app.start_quiz(spec)

        self.app.push_screen(QuizSetupScreen(context, self.selected_decks()), start)

    def action_stats(self) -> None:
        from quizapp.ui.screens.stats import StatsScreen

        if not self.when_loaded(self.action_stats):
            context = self.quiz_app.context
            assert context is not None
            self.app.push_screen(StatsScreen(context, self.quiz_app.clock()))

    def action_browse(self) -> None:
        from quizapp.ui.screens.browse import BrowseScreen

        if not self.when_loaded(self.action_browse):
            context = self.quiz_app.context
            assert context is not None
            self.app.push_screen(BrowseScreen(context, self.quiz_app.clock))

    def action_leave_filter(self) -> None:
        """Esc in the filter box goes back to the deck list; Esc there clears the filter."""
        box = self.filter_input()
        if box is None:
            return
        if box.has_focus:
            self.query_one(DeckList).focus()
        elif box.value:
            box.value = ""
            self.fill_table()

    async def action_filter(self) -> None:
        found = self.filter_input()
        if found is None:  # mounted on first use: start-up does not pay for it
            from textual.widgets import Input

            found = Input(placeholder="deck, tag or category", id="filter")
            row = Horizontal(Static("Filter", id="filter-label"), found, id="filter-row")
            await self.mount(row, after="#title-bar")
        found.focus()

    def action_group(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.notify(f"Grouped by {self.grouping}", timeout=2)
        self.fill_table()

    def subject(self) -> SubjectData:
        """The lineage and timeline data of the loaded context, built once."""
        from quizapp.ui.subject import SubjectData

        context = self.quiz_app.context
        assert context is not None
        if self.subject_data is None or self.subject_data.context is not context:
            self.subject_data = SubjectData(context)
        return self.subject_data

    def action_lineage(self) -> None:
        """The groups of the decks as a lineage drawing (facts in format v2 only)."""
        from quizapp.ui.screens.lineage import LineageScreen

        if not self.when_loaded(self.action_lineage):
            data = self.subject()
            facts = data.context.facts
            self.app.push_screen(LineageScreen(data.lineage, facts, data.units))

    def action_timeline(self) -> None:
        """Every dated fact of the decks on a scale."""
        from quizapp.ui.screens.timeline import TimelineScreen

        if not self.when_loaded(self.action_timeline):
            data = self.subject()
            facts = data.context.facts
            screen = TimelineScreen(data.timeline, facts, data.units, data.group_names)
            self.app.push_screen(screen)

    def action_exam(self) -> None:
        """The exam screen of the highlighted deck (a group row has several decks)."""
        from quizapp.ui.screens.exam import ExamScreen

        if self.when_loaded(self.action_exam):
            return
        context, deck_ids = self.quiz_app.context, self.selected_decks()
        if context is None or not deck_ids:
            return
        if len(deck_ids) != 1:
            self.notify("Highlight one deck, not a group, to see or set its exam date.", timeout=3)
            return

        def cram(chosen: bool | None) -> None:
            if chosen:
                self.quiz_app.start_review(deck_ids, cram=True)

        self.app.push_screen(ExamScreen(context, self.quiz_app.clock, deck_ids[0]), cram)
