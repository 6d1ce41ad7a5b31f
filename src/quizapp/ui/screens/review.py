"""Review: one card at a time; the card's kind decides how it is answered; 1-4 grades it.

In cram mode the same screen drills every card of the chosen decks from a `Cram` queue: grades
only decide whether a card comes back in the drill, nothing reaches the store, and the actions
that would write (undo, suspend, bury) are hidden.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from quizapp.authoring.editor import card_line, editor_command
from quizapp.errors import QuizappError
from quizapp.model.cards import Card
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.safety.terminal import literal, visible
from quizapp.study.context import StudyContext
from quizapp.study.service import LEARN_AHEAD, ActionKind
from quizapp.study.session_log import SessionAnswer, SessionLog
from quizapp.ui import render
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.card_panel import CardPanel
from quizapp.ui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from quizapp.study.cram import Cram

CRAM_NOTE = (
    "Cram: your schedule is not changed. Again / Hard bring a card back, Good / Easy pass it."
)
WRITES = {"undo", "suspend", "bury"}
MORE_BELOW = "▼ more below: PgDn or the mouse wheel scrolls the card"
# Looks at the fold a content change may ask for, per paint (see `on_mount`).
FOLD_CHECKS = 4
EXTRA_NEW_BATCH = 10
"""Review more offers at least this many new cards past the limit (or a day's worth)."""
UNDONE = {
    ActionKind.SUSPEND: "suspended",
    ActionKind.UNSUSPEND: "unsuspended",
    ActionKind.BURY: "buried",
    ActionKind.ANSWER: "answered",
}
"""Actions that change the progress store: not offered while cramming."""


def edit_line(path: str, card: Card) -> int | None:
    """Where to open a card's deck file: its `id:` line, or for a card drawn from a fact (whose
    id is in no file) the fact's."""
    line = card_line(path, card.id)
    if line is None and card.fact is not None:
        line = card_line(path, card.fact)
    return line


class ReviewScreen(UsesQuizApp, Screen[SessionLog | None]):
    """Shows the next unit, takes the answer, records the grade, and moves on."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    ReviewScreen #review-top { height: 1; padding: 0 1; }
    ReviewScreen #title {
        width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ReviewScreen #progress { width: 24; }
    ReviewScreen #counters { width: auto; padding: 0 0 0 1; }
    ReviewScreen #grades { height: auto; min-height: 2; padding: 0 1; }
    ReviewScreen #cram-note { height: auto; padding: 0 1; text-style: italic; }
    ReviewScreen #more-below { height: 1; padding: 0 1; text-style: italic; display: none; }
    ReviewScreen #limit-note { height: auto; padding: 0 1; text-style: italic; display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answer"),
        Binding("1", "key(1)", "Again (before the answer: pick 1)", show=False),
        Binding("2", "key(2)", "Hard (before the answer: pick 2)", show=False),
        Binding("3", "key(3)", "Good (before the answer: pick 3)", show=False),
        Binding("4", "key(4)", "Easy (before the answer: pick 4)", show=False),
        Binding("enter", "enter", "Check / OK"),
        Binding("up", "cursor(-1)", "Select up", show=False, priority=True),
        Binding("down", "cursor(1)", "Select down", show=False, priority=True),
        Binding("shift+up,minus", "move(-1)", "Move up", show=False, priority=True),
        Binding("shift+down,plus", "move(1)", "Move down", show=False, priority=True),
        Binding("u", "undo", "Undo"),
        # Not s / b: on Home those open Stats and Browse, so a habit never suspends a card.
        # Off the key line so it fits 80 columns with Undo; ? and docs/keys.md list them.
        Binding("at", "suspend", "Suspend", key_display="@", show=False),
        Binding("equals_sign", "bury", "Bury until tomorrow", key_display="=", show=False),
        Binding("e", "edit", "Edit"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(
        self,
        context: StudyContext,
        deck_ids: list[str] | None,
        *,
        cram: bool = False,
        units: Sequence[StudyUnit] | None = None,
        title: str | None = None,
        more_new: bool = False,
    ) -> None:
        """`units` (with `title`) drills exactly those units, as a cram: the lineage and
        timeline screens study a group's or a span's cards now, and the timeline's ordering
        drill is a card made on the spot, which the store never sees. `more_new`: after what
        is due, new cards past the daily limit (Review more)."""
        super().__init__()
        self.context = context
        self.deck_ids = deck_ids
        self.cramming = cram or units is not None
        self.units = units
        self.title = title
        self.more_new = more_new
        self.extra_left = 0
        self.cram: Cram | None = None
        self.unit: StudyUnit | None = None
        self.suggested: Rating | None = None
        self.shown_at: dt.datetime | None = None
        self.remaining = 0
        self.session_log: SessionLog | None = None
        self.fold_checks = 0

    @property
    def panel(self) -> CardPanel:
        return self.query_one(CardPanel)

    @property
    def revealed(self) -> bool:
        return self.panel.revealed

    @property
    def kind(self) -> str:
        return self.panel.kind

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-top"):
            yield Static(id="title", markup=False)
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield Static(id="counters", markup=False)
        if self.cramming:
            yield Static(CRAM_NOTE, id="cram-note", markup=False)
        yield Static(id="limit-note", markup=False)
        yield CardPanel(id="card")
        yield Static(MORE_BELOW, id="more-below", markup=False)
        yield Static(id="grades", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        app = self.quiz_app
        now = app.clock()
        self.session_log = SessionLog(now, self.deck_ids, cram=self.cramming)
        if self.units is not None:
            from quizapp.study.cram import Cram

            self.cram = Cram(self.units, app.rng)
        elif self.cramming:
            self.cram = self.context.study.cram(self.deck_ids)
        else:
            self.remaining = self.context.study.remaining(self.deck_ids, now)
            if self.more_new:
                limit = self.context.study.new_limit(self.deck_ids, now)
                self.extra_left = min(limit.waiting, max(limit.per_day, EXTRA_NEW_BATCH))
                self.remaining += self.extra_left
        if self.deck_ids and len(self.deck_ids) == 1:
            title = self.context.deck_title(self.deck_ids[0])
        else:
            title = "All cards" if self.cramming else "All due cards"
        if self.title is not None:
            title = self.title
        if self.cramming:
            title = f"Cram · {title}"
        self.query_one("#title", Static).update(literal(title))
        self.watch(self.panel, "scroll_y", lambda _value: self.show_more_below(), init=False)
        # what the card holds can grow after the paint that asked (a typed answer's difference
        # is laid out later), so a content change looks again, a few times per paint: showing
        # or hiding the hint gives the card a row less or more, which can change its wrapping
        # and so its content, and back, for ever
        self.watch(self.panel, "virtual_size", lambda _value: self.recheck_fold(), init=False)
        self.show_next()

    # -- showing a unit --------------------------------------------------------------------

    def show_next(self) -> None:
        app = self.quiz_app
        now = app.clock()
        if self.cram is not None:
            unit = self.cram.next_unit()
        else:
            unit = self.context.study.next_unit(self.deck_ids, now)
            if unit is None and self.extra_left > 0:
                unit = self.context.study.next_new_unit(self.deck_ids, now)
                self.extra_left -= 1
            self.note_limit()
        if unit is None:
            self.finish()
            return
        self.show(unit)

    def note_limit(self) -> None:
        """Say so when the daily limit, not a lack of cards, holds new cards back."""
        app = self.quiz_app
        note = self.query_one("#limit-note", Static)
        limit = self.context.study.new_limit(self.deck_ids, app.clock())
        note.display = limit.reached and not self.more_new
        if note.display:
            from quizapp.ui.screens.home import limit_line

            note.update(limit_line(limit.done) + " r on the summary gives more.")

    def show(self, unit: StudyUnit) -> None:
        app = self.quiz_app
        self.unit = unit
        self.suggested = None
        self.shown_at = app.clock()
        self.panel.show(unit, app.rng, self.context.distractors, facts=self.context.facts)
        self.paint()

    def paint(self) -> None:
        """Redraw the counters and the grade bar from the screen's state."""
        assert self.unit is not None and self.session_log is not None
        app = self.quiz_app
        grades = self.query_one("#grades", Static)
        if self.revealed and self.cram is not None:
            grades.update(render.cram_grades_text(self.suggested))
        elif self.revealed:
            preview = self.context.study.preview(self.unit, app.clock())
            grades.update(render.grades_text(preview, self.suggested))
        else:
            grades.update(Text(self.panel.hint, style="italic"))
        done = self.session_log.done
        left = self.cram.remaining if self.cram is not None else max(self.remaining - done, 0)
        self.query_one("#counters", Static).update(f"{done} done · {left} left")
        self.query_one(ProgressBar).update(total=max(done + left, 1), progress=done)
        self.refresh_bindings()
        self.fold_checks = 0
        self.call_after_refresh(self.show_more_below)

    def recheck_fold(self) -> None:
        if self.fold_checks < FOLD_CHECKS:
            self.fold_checks += 1
            self.call_after_refresh(self.show_more_below)

    def show_more_below(self) -> None:
        """A hint when the card goes on below the fold (a small terminal, a long answer)."""
        if not self.is_attached or self.app.screen is not self:
            return  # the session ended before the layout settled
        panel = self.panel
        self.query_one("#more-below", Static).display = panel.scroll_y < panel.max_scroll_y

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.unit is None:
            return action == "leave"
        if self.cramming and action in WRITES:
            return False  # hidden
        if action == "reveal":
            return not self.revealed and self.kind != "typed"
        if action == "undo":
            return self.context.study.last_action() is not None
        if action in {"cursor", "move"}:
            return not self.revealed and self.kind in {"order", "match"}
        return True

    # -- answering ----------------------------------------------------------------------------

    def on_card_panel_checked(self, message: CardPanel.Checked) -> None:
        self.suggested = message.suggested
        self.paint()

    def action_reveal(self) -> None:
        self.panel.reveal()
        self.paint()

    def action_key(self, number: int) -> None:
        if self.unit is None:
            return
        if self.revealed:
            self.grade(Rating(number))
        else:
            self.panel.pick(number)

    def on_key(self, event: events.Key) -> None:
        """5-9 only pick (options, match sides); they are never grades, so no binding. Space
        after a basic card's answer grades Good (its binding, Show answer, is hidden then)."""
        if event.character in {"5", "6", "7", "8", "9"} and self.unit and not self.revealed:
            self.panel.pick(int(event.character))
        elif event.key == "space" and self.unit and self.revealed and self.kind == "basic":
            self.grade(Rating.GOOD)  # as in Anki: Space again after the answer is Good
            event.stop()

    def action_enter(self) -> None:
        if self.unit is None:
            return
        if self.revealed:
            if self.suggested is not None:
                self.grade(self.suggested)
            elif self.kind == "basic":
                self.grade(Rating.GOOD)  # as in Anki: Enter after the answer is Good
        elif self.kind == "basic":
            self.action_reveal()
        else:
            self.panel.check()

    def action_cursor(self, delta: int) -> None:
        self.panel.cursor_by(delta)

    def action_move(self, delta: int) -> None:
        self.panel.move_by(delta)

    def grade(self, grade: Rating) -> None:
        app = self.quiz_app
        assert self.unit is not None
        assert self.session_log is not None
        if self.cram is not None:
            self.cram_grade(grade)
            return
        now = app.clock()
        took = (now - self.shown_at).total_seconds() if self.shown_at else 0.0
        try:
            if grade not in self.context.study.preview(self.unit, now):
                self.notify(f"{grade.label} is not used in pass/fail mode.", timeout=2)
                return
            due = self.context.study.answer(self.unit, grade, now, took)
        except QuizappError as error:
            self.not_saved(error)
            return
        self.session_log.answers.append(
            SessionAnswer(self.unit, grade, took, due <= now + LEARN_AHEAD)
        )
        if due <= now + LEARN_AHEAD:
            self.remaining += 1
        if self.context.study.last_answer_leech():
            self.notify(
                f"Leech: {visible(self.unit.uid)} was forgotten too often and is now suspended. "
                "Browse finds it with state:leech; @ there (or `quizapp unsuspend`) brings it "
                "back; u undoes.",
                severity="warning",
                timeout=8,
                markup=False,
            )
        self.show_next()

    def not_saved(self, error: QuizappError) -> None:
        """A store failure (disk full, database locked): say so and keep the card on screen."""
        self.notify(str(error), title="Not saved", severity="error", timeout=10)

    def cram_grade(self, grade: Rating) -> None:
        """A cram answer: the drill decides whether the card comes back; the store is untouched."""
        assert self.cram is not None and self.unit is not None and self.session_log is not None
        now = self.quiz_app.clock()
        took = (now - self.shown_at).total_seconds() if self.shown_at else 0.0
        again = self.cram.answer(self.unit, grade)
        self.session_log.answers.append(SessionAnswer(self.unit, grade, took, again))
        self.show_next()

    # -- instructor and navigation actions ----------------------------------------------------

    def undo_here(self) -> None:
        """Ctrl+Z on this screen: the same as u."""
        if self.cram is None:
            self.action_undo()

    def action_undo(self) -> None:
        app = self.quiz_app
        assert self.session_log is not None
        kind = self.context.study.last_action()
        try:
            unit = self.context.study.undo(app.clock())
        except QuizappError as error:
            self.not_saved(error)
            return
        if unit is None:
            self.notify("Nothing to undo.")
            return
        if kind is ActionKind.ANSWER and self.session_log.answers:
            again_today = self.session_log.answers.pop().again_today
            if again_today:
                self.remaining -= 1
            self.notify("Last answer undone.", timeout=2)
        elif kind is not None:
            self.remaining += 1
            self.notify(f"Undone: the card is no longer {UNDONE[kind]}.", timeout=2)
        self.show(unit)

    def action_suspend(self) -> None:
        app = self.quiz_app
        assert self.unit is not None
        try:
            self.context.study.suspend(self.unit, app.clock())
        except QuizappError as error:
            self.not_saved(error)
            return
        self.notify(
            "Card suspended: u undoes; Browse (state:suspended) or `quizapp unsuspend` "
            "brings it back later.",
            timeout=4,
        )
        self.remaining -= 1
        self.show_next()

    def action_bury(self) -> None:
        app = self.quiz_app
        assert self.unit is not None
        try:
            self.context.study.bury(self.unit, app.clock())
        except QuizappError as error:
            self.not_saved(error)
            return
        self.notify("Card buried until tomorrow: u undoes.", timeout=3)
        self.remaining -= 1
        self.show_next()

    def action_edit(self) -> None:
        """Open the card's deck file in $VISUAL / $EDITOR (instructors fix cards in place)."""
        app = self.quiz_app
        assert self.unit is not None
        deck = self.context.deck(self.unit.deck_id)
        editor = app.editor or shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR", ""))
        if deck is None or not editor:
            self.notify("Set $EDITOR to edit cards from here.", severity="warning")
            return
        path = str(deck.path)  # as the loader found it: absolute, or relative to the cwd
        command = editor_command(editor, path, edit_line(path, self.unit.card))
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor.", severity="warning")
            return
        except OSError as error:
            self.notify(
                visible(f"Could not start the editor: {error}"), severity="error", markup=False
            )
            return
        self.show_edited(self.unit)

    def show_edited(self, unit: StudyUnit) -> None:
        """After the editor exits: the card as it now reads in its file, at once."""
        reloaded = self.context.reload_card(unit.deck_id, unit.card.id)
        if reloaded.problem is not None:
            self.notify(f"Card not reloaded: {visible(reloaded.problem)}", severity="warning")
            return
        self.notify("Card reloaded from its file.", timeout=2)
        self.show(self.context.units.get(unit.uid, unit))

    def action_leave(self) -> None:
        if self.session_log and self.session_log.answers:
            self.finish(paused=True)
        else:
            self.dismiss(None)

    def finish(self, paused: bool = False) -> None:
        """The session is over: hand its log back (the app shows the summary); `paused` when
        the student left with cards still to go (the log says how many)."""
        assert self.session_log is not None
        if paused:
            if self.cram is not None:
                left = self.cram.remaining
            else:
                left = max(self.remaining - self.session_log.done, 0)
            self.session_log.left = left or None
        self.dismiss(self.session_log)
