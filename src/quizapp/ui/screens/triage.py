"""Triage: one generated fact at a time, decided with one key, written back at once.

Shows the proposal's source sentence with the values it extracted highlighted, the proposed
fact as fields, and the cards the fact layer would draw from it. Everything from the deck is
shown as literal text (control characters made visible): decks are untrusted.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.authoring.triage import Order, Proposal, TriageSession, View
from quizapp.errors import QuizappError
from quizapp.safety.terminal import literal, visible
from quizapp.ui.widgets.key_line import KeyLine

HIGHLIGHT = "bold reverse"
# A hand-edited deck may quote a whole document: what is shown of one value is capped.
MAX_SHOWN = 2000
MAX_FIELD_SHOWN = 400


def capped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sentence_text(view: View) -> Text:
    """The source sentence, the extracted values highlighted (spans survive `visible`, which
    replaces each control character by exactly one symbol)."""
    text = Text()
    text.append(visible(view.doc), style="dim")
    text.append(": ", style="dim")
    sentence = capped(visible(view.sentence), MAX_SHOWN)
    start = len(text)
    text.append(sentence)
    for begin, end in view.highlights:
        if end < len(sentence):
            text.stylize(HIGHLIGHT, start + begin, start + end)
    return text


def fields_text(view: View) -> Text:
    text = Text()
    width = max((len(name) for name, _ in view.fields), default=0)
    for name, value in view.fields:
        text.append(f"{name:<{width}}  ", style="bold")
        shown = capped(value, MAX_FIELD_SHOWN)
        text.append_text(literal(shown) if shown else Text("-", style="dim"))
        text.append("\n")
    text.rstrip()
    return text


def cards_text(view: View) -> Text:
    text = Text()
    if view.problem is not None:
        text.append("No cards yet: ", style="bold")
        text.append_text(literal(capped(view.problem, MAX_FIELD_SHOWN)))
        return text
    text.append(f"Cards it makes ({len(view.cards)})\n", style="bold")
    if not view.cards:
        text.append("  none: the fields a template needs are missing\n", style="dim")
    for card in view.cards:
        text.append("  ")
        text.append_text(literal(capped(card.question, MAX_FIELD_SHOWN)))
        text.append("\n    → ", style="dim")
        text.append_text(literal(capped(card.answer, MAX_FIELD_SHOWN), "bold"))
        text.append("\n")
    return text


class TriageScreen(Screen[None]):
    """Walks a file's generated facts; see `quizapp.authoring.triage` for the decisions."""

    CSS = """
    TriageScreen #triage-status { height: 1; background: $panel; text-wrap: nowrap;
        text-overflow: ellipsis; }
    TriageScreen #triage-body { height: 1fr; padding: 0 1; }
    TriageScreen #triage-source { margin-bottom: 1; }
    TriageScreen #triage-fields { margin-bottom: 1; }
    TriageScreen #triage-message { height: auto; max-height: 3; padding: 0 1; color: $warning; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("s", "skip", "Skip"),
        Binding("e", "edit", "Edit"),
        Binding("m", "merge", "Merge"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("o", "order", "Sort"),
        Binding("escape,q", "close", "Back", key_display="q"),
    ]

    def __init__(self, session: TriageSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(id="triage-status", markup=False)
        with VerticalScroll(id="triage-body"):
            yield Static(id="triage-source", markup=False)
            yield Static(id="triage-fields", markup=False)
            yield Static(id="triage-cards", markup=False)
        yield Static(id="triage-message", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        # Each decision goes to disk right after the next proposal is drawn (and before the
        # next decision): the instructor never waits for the disk.
        self.session.defer_writes = True
        self.show()

    def on_unmount(self) -> None:
        self.write_back()

    def write_back(self) -> None:
        """Put the last decision on disk; if that fails it is taken back, and the screen says
        why."""
        try:
            self.session.flush()
        except QuizappError as error:
            if self.is_attached:
                self.show(str(error))
            else:
                self.app.notify(str(error), severity="error", markup=False)

    def show(self, message: str = "") -> None:
        """Draw the current proposal (or the summary when all are decided)."""
        session = self.session
        summary = session.summary()
        proposal = session.current()
        order = "by confidence" if session.order is Order.CONFIDENCE else "document order"
        status = Text(f" {summary.progress()} · {order}")
        source = self.query_one("#triage-source", Static)
        fields = self.query_one("#triage-fields", Static)
        cards = self.query_one("#triage-cards", Static)
        if proposal is None:
            source.update(self.summary_text())
            fields.update("")
            cards.update("")
        else:
            view = session.view(proposal)
            status.append(" · ")
            status.append_text(literal(view.fact_id, "bold"))
            detail = view.fact_type
            if view.confidence is not None:
                detail += f", {view.confidence:.2f}"
            if view.edited:
                detail += ", edited"
            if view.skips:
                detail += f", skipped {view.skips}x"
            status.append(f" ({detail})")
            source.update(sentence_text(view))
            fields.update(fields_text(view))
            cards.update(cards_text(view))
        self.query_one("#triage-status", Static).update(status)
        self.query_one("#triage-message", Static).update(literal(message))
        self.query_one("#triage-body", VerticalScroll).scroll_home(animate=False)
        if self.session.unwritten:
            self.call_after_refresh(self.write_back)

    def summary_text(self) -> Text:
        summary = self.session.summary()
        text = Text("Every proposal is triaged.\n\n", style="bold")
        text.append(f"Accepted   {summary.accepted}\n")
        text.append(f"Edited     {summary.edited}\n")
        text.append(f"Rejected   {summary.rejected}\n")
        text.append(f"Merged     {summary.merged}\n\n")
        text.append("Saved in ")
        text.append_text(literal(str(self.session.path)))
        text.append(". Next: quizapp validate --sources, then study. u takes back the last.\n")
        return text

    def decide(self, label: str, action: str) -> None:
        try:
            getattr(self.session, action)()
        except QuizappError as error:
            self.show(str(error))
            return
        self.show(label)

    def action_accept(self) -> None:
        self.decide("Accepted.", "accept")

    def action_reject(self) -> None:
        self.decide("Rejected: kept as rejected, so it is not proposed again.", "reject")

    def action_skip(self) -> None:
        self.decide("Skipped: it comes back after the others.", "skip")

    def action_undo(self) -> None:
        try:
            step = self.session.undo()
        except QuizappError as error:
            self.show(str(error))
            return
        self.show("Nothing to undo." if step is None else f"Undone: {step.label}.")

    def action_order(self) -> None:
        self.session.toggle_order()
        self.show()

    def current(self) -> Proposal | None:
        proposal = self.session.current()
        if proposal is None:
            self.show("Every proposal is decided.")
        return proposal

    def action_edit(self) -> None:
        from quizapp.ui.screens.triage_edit import EditFactScreen

        proposal = self.current()
        if proposal is not None:
            self.app.push_screen(EditFactScreen(self.session, proposal), self.edited)

    def edited(self, changes: list[tuple[str, str]] | None) -> None:
        if not changes:
            self.show()
            return
        try:
            for name, value in changes:
                self.session.edit(name, value)
        except QuizappError as error:
            self.show(str(error))
            return
        names = ", ".join(name for name, _ in changes)
        self.show(f"Edited {names}. a accepts it.")

    def action_merge(self) -> None:
        from quizapp.ui.screens.triage_edit import MergeScreen

        proposal = self.current()
        if proposal is None:
            return
        candidates = self.session.merge_candidates(proposal)
        if not candidates:
            self.show("No other undecided proposal of this type to merge.")
            return
        self.app.push_screen(MergeScreen(self.session, proposal, candidates), self.merged)

    def merged(self, other_id: str | None) -> None:
        if other_id is None:
            self.show()
            return
        try:
            self.session.merge(other_id)
        except QuizappError as error:
            self.show(str(error))
            return
        self.show(f"Merged {visible(other_id)} into this one. a accepts it.")

    def action_close(self) -> None:
        try:
            self.session.flush()
        except QuizappError as error:
            self.show(str(error))
            return
        self.dismiss(None)
