"""The study app: receives its services (or a loader for them) and a clock, shows Home first.

Only the home screen is imported at start-up; the other screens, and heavy libraries such as
plotext, are imported when first opened so the app paints its first screen quickly. Given an
`Overview` (a warm start), Home is drawn from it at once and the loader runs right after.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quizapp.safety.terminal import visible
from quizapp.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quizapp.model.units import StudyUnit
    from quizapp.study.context import StudyContext
    from quizapp.study.overview import Overview
    from quizapp.study.session_log import SessionLog
    from quizapp.ui.requests import AskLineageQuiz, StudyNow
    from quizapp.ui.screens.quiz import QuizOutcome, QuizSpec

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class QuizApp(App[None]):
    """quizapp's terminal UI."""

    TITLE = "quizapp"
    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # Undo works on every screen, even while a text box has focus (`u` too, where none has).
        Binding("ctrl+z", "undo", "Undo", show=False, priority=True),
    ]

    def __init__(
        self,
        context: StudyContext | None = None,
        *,
        loader: Callable[[], StudyContext] | None = None,
        overview: Overview | None = None,
        read_decks: Callable[[], Overview | None] | None = None,
        clock: Clock = utc_now,
        seed: int | None = None,
        editor: Sequence[str] | None = None,
        looks: Path | None = None,
    ) -> None:
        super().__init__()
        self.looks = looks
        """Where the chosen theme is kept (None: not kept, as in tests)."""
        if looks is not None:
            from quizapp.ui.looks import load_theme

            theme = load_theme(looks, set(self.available_themes))
            if theme is not None:
                self.theme = theme
        if context is None and loader is None:
            raise ValueError("QuizApp needs a context or a loader")
        self.context = context
        self.loader = loader
        self.overview = overview
        # A cold start's first step, run by Home's loader before `loader`: parse the decks and
        # return the overview Home can be drawn from, when it is exact.
        self.read_decks = read_decks
        self.clock = clock
        self.rng = random.Random(seed)
        self.editor = editor

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen (Ctrl+P → Theme) for the next start."""
        if self.looks is not None:
            from quizapp.ui.looks import save_theme

            save_theme(self.looks, theme)

    def on_mount(self) -> None:
        from quizapp.ui.hangup import watch_terminal

        watch_terminal(self)

    def get_default_screen(self) -> Screen[Any]:
        """Home is the bottom of the stack itself, not pushed over an empty default screen."""
        return HomeScreen()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette (Ctrl+P) offers the study actions beside Textual's own (themes, quit)."""
        # Textual's own "Keys" (its key panel) would sit beside ours under the same name.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        if self.context is not None:
            yield SystemCommand(
                "Settings",
                "New cards and reviews per day, desired retention, when the day starts",
                self.action_settings,
            )
            yield SystemCommand(
                "Unsuspend…",
                "Browse suspended cards (leeches first); @ brings the highlighted one back",
                self.action_unsuspend,
            )
        if isinstance(screen, HomeScreen) and screen.has_decks():
            yield SystemCommand(
                "Review all due", "Start a review of every due card", screen.action_review_all
            )
            yield SystemCommand(
                "Practice quiz",
                "An exam-style quiz that does not change the schedule",
                screen.action_quiz,
            )
            yield SystemCommand(
                "Statistics", "Heatmap, forecast, retention, hardest cards", screen.action_stats
            )
            yield SystemCommand(
                "Browse cards", "Search cards and see their history", screen.action_browse
            )
            yield SystemCommand(
                "Lineage",
                "The groups drawn as a lineage: splits, renamings, mergers in date order",
                screen.action_lineage,
            )
            yield SystemCommand(
                "Timeline",
                "Every dated fact on a scale; study or order a span",
                screen.action_timeline,
            )
            yield SystemCommand(
                "Exam date and cram",
                "Set the highlighted deck's exam date, see what is at risk, cram it",
                screen.action_exam,
            )
            triage = self.triage_path(screen)
            if triage is not None:
                yield SystemCommand(
                    "Triage generated facts",
                    f"Accept, edit, merge or reject the proposals in {triage.name}",
                    lambda: self.open_triage(triage),
                )
        yield SystemCommand("Keys", "Every key of every screen", self.action_help)

    def action_settings(self) -> None:
        from quizapp.ui.screens.settings import SettingsScreen

        if self.context is not None and not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_unsuspend(self) -> None:
        from quizapp.ui.screens.browse import BrowseScreen

        if self.context is not None:
            self.push_screen(BrowseScreen(self.context, self.clock, "state:suspended "))

    def action_undo(self) -> None:
        """Take back the last answer, suspension or burial, whichever screen is showing: a
        screen with its own `undo_here` (the review) shows the card again, others refresh."""
        handler = getattr(self.screen, "undo_here", None)
        if callable(handler):
            handler()
            return
        if self.context is None:
            return
        unit = self.context.study.undo(self.clock())
        if unit is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.notify(f"Undone: {visible(unit.uid)} is back as it was.", timeout=3, markup=False)
        refresh = getattr(self.screen, "after_undo", None)
        if callable(refresh):
            refresh()

    def triage_path(self, home: HomeScreen) -> Path | None:
        """The highlighted deck's file, when it has generated facts to triage."""
        from quizapp.model.facts import FactStatus

        deck_ids = home.selected_decks()
        if self.context is None or not deck_ids or len(deck_ids) != 1:
            return None
        for deck in self.context.decks:
            if deck.id == deck_ids[0] and any(
                fact.status is FactStatus.GENERATED for fact in deck.facts
            ):
                return Path(deck.path)
        return None

    def open_triage(self, path: Path) -> None:
        """Triage a deck file; the decks on Home are as they were until the next start."""
        from quizapp.authoring.triage import TriageSession
        from quizapp.errors import QuizappError
        from quizapp.ui.screens.triage import TriageScreen

        try:
            session = TriageSession(path)
        except QuizappError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.push_screen(TriageScreen(session))

    def start_review(
        self, deck_ids: list[str] | None, *, cram: bool = False, more_new: bool = False
    ) -> None:
        """A review (or cram) session; when it ends, its summary; from there, maybe another.
        `more_new`: after what is due, new cards past the daily limit (Review more).

        The screens only return what happened (`dismiss`): the app decides what comes next.
        """
        from quizapp.ui.screens.review import ReviewScreen

        if self.context is not None:
            screen = ReviewScreen(self.context, deck_ids, cram=cram, more_new=more_new)
            self.push_screen(screen, self.show_summary)

    def on_study_now(self, message: StudyNow) -> None:
        self.start_drill(message.units, message.title)

    def start_drill(self, units: Sequence[StudyUnit], title: str) -> None:
        """A cram over exactly these units (a lineage group's, a timeline span's, or a card made
        on the spot); its summary after, and "more" drills the same units again."""
        from quizapp.ui.screens.review import ReviewScreen
        from quizapp.ui.screens.summary import SummaryScreen

        def after(log: SessionLog | None) -> None:
            if log is None or self.context is None:
                return

            def again(more: bool | None) -> None:
                if more:
                    self.start_drill(units, title)

            self.push_screen(SummaryScreen(log, self.context, self.clock()), again)

        if self.context is not None:
            screen = ReviewScreen(self.context, None, units=units, title=title)
            self.push_screen(screen, after)

    def on_ask_lineage_quiz(self, message: AskLineageQuiz) -> None:
        from quizapp.ui.screens.lineage_quiz import LineageQuizScreen

        self.push_screen(LineageQuizScreen(message.questions))

    def show_summary(self, log: SessionLog | None) -> None:
        """After a session (None: left before answering anything, straight back)."""
        from quizapp.ui.screens.summary import SummaryScreen

        if log is None or self.context is None:
            return

        def again(more: bool | None) -> None:
            if more:  # a paused session goes on; a finished one offers new cards past the limit
                self.start_review(
                    log.deck_ids, cram=log.cram, more_new=not log.cram and not log.left
                )

        self.push_screen(SummaryScreen(log, self.context, self.clock()), again)

    def start_quiz(self, spec: QuizSpec) -> None:
        """A practice quiz; when it ends, its result; from there, maybe another like it."""
        from quizapp.ui.screens.quiz import QuizScreen

        if self.context is not None:
            self.push_screen(QuizScreen(self.context, spec), self.show_quiz_result)

    def show_quiz_result(self, outcome: QuizOutcome | None) -> None:
        from quizapp.ui.screens.quiz import QuizResultScreen

        if outcome is None:
            return

        def again(more: bool | None) -> None:
            if more:
                self.start_quiz(outcome.spec)

        self.push_screen(QuizResultScreen(outcome), again)

    def action_help(self) -> None:
        from quizapp.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
