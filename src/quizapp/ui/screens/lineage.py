"""Lineage: the decks' groups drawn as a tree of labelled edges; a group's facts beside it.

The drawing and every profile come from `quizapp.facts` (no UI there); this screen only styles
rows and reacts to keys. Up / down move between groups, left / right pan a wide drawing, Enter
studies the highlighted group's cards now (a cram: the schedule is untouched), x starts the
lineage quiz. All deck text is shown literally.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.facts.drawing import ARROW, DrawnRow, draw
from quizapp.facts.lineage import (
    Lineage,
    ProfileItem,
    claims_text,
    lineage_fact_ids,
    profile_of,
    spoken,
)
from quizapp.model.facts import Fact
from quizapp.model.units import StudyUnit
from quizapp.safety.terminal import literal
from quizapp.ui.requests import AskLineageQuiz, StudyNow
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.key_line import KeyLine
from quizapp.ui.widgets.row_list import RowList, cell, width_of

QUIZ_QUESTIONS = 8


def units_for_facts(units: Sequence[StudyUnit], fact_ids: set[str]) -> list[StudyUnit]:
    """The units of every card drawn from, or written about, one of the facts."""
    return [
        unit
        for unit in units
        if unit.card.fact in fact_ids or any(f in fact_ids for f in unit.card.facts)
    ]


def styled_row(row: DrawnRow) -> Text:
    """A drawn row: tree lines dim, the edge label italic, the group bold; literal text."""
    text = Text(row.indent, style="dim")
    if row.edge is not None:
        text.append_text(cell(row.edge_label, "italic"))
        text.append(ARROW, style="dim")
    text.append_text(cell(row.node_label, "bold"))
    if row.years:
        text.append(f"  {row.years}")
    if row.reference:
        text.append(" (drawn above)", style="dim")
    return text


class LineageScreen(UsesQuizApp, Screen[None]):
    """The lineage drawing, and the facts of the group under the cursor."""

    CSS = """
    LineageScreen #lineage-title { height: 1; background: $panel; text-style: bold; padding: 0 1; }
    LineageScreen #tree { height: 1fr; }
    LineageScreen #profile-box { height: 40%; border-top: solid $primary; padding: 0 1; }
    """

    AUTO_FOCUS = "#tree"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Home"),
        Binding("enter", "study", "Study group"),
        Binding("x", "quiz", "Lineage quiz"),
    ]

    def __init__(
        self, lineage: Lineage, facts: Mapping[str, Fact], units: Sequence[StudyUnit]
    ) -> None:
        super().__init__()
        self.lineage = lineage
        self.facts = facts
        self.units = units
        self.nodes = lineage.by_id()
        self.rows = draw(lineage)
        self.width = max((width_of(row.plain()) for row in self.rows), default=0)
        self.profiles: dict[str, list[ProfileItem]] = {}

    def compose(self) -> ComposeResult:
        groups, relations = len(self.lineage.nodes), len(self.lineage.edges)
        title = f"Lineage · {groups} group{'s' * (groups != 1)} · "
        title += f"{relations} relation{'s' * (relations != 1)} in date order"
        yield Static(title, id="lineage-title", markup=False)
        yield RowList(id="tree")
        with VerticalScroll(id="profile-box"):
            yield Static(id="profile", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        tree = self.query_one(RowList)
        if not self.rows:
            self.query_one("#profile", Static).update(
                "No groups: the decks have no group facts. A deck of facts (format v2) with "
                "`type: group` and `type: relation` facts draws its lineage here. Esc goes home."
            )
        tree.set_rows(len(self.rows), self.width, self.render_row)

    def render_row(self, index: int) -> Text:
        return styled_row(self.rows[index])

    def on_row_list_moved(self, message: RowList.Moved) -> None:
        self.show_profile(self.rows[message.row])

    def show_profile(self, row: DrawnRow) -> None:
        items = self.profiles.get(row.node_id)
        if items is None:
            items = profile_of(row.node_id, self.facts, self.lineage)
            self.profiles[row.node_id] = items
        text = Text()
        node = self.nodes[row.node_id]
        text.append_text(literal(node.name, "bold"))
        if node.years():
            text.append(f"  {node.years()}")
        if row.edge is not None:
            text.append("\nHere: ")
            text.append_text(literal(row.edge_label, "italic"))
            text.append("  (")
            text.append_text(literal(", ".join(row.edge.docs)))
            text.append(")")
            if row.edge.disputed_dates:
                text.append("\nSources differ on the date: ", style="bold")
                text.append_text(literal(claims_text(row.edge.disputed_dates)))
        for item in items[1:]:
            text.append(f"\n{item.kind:<12}", style="bold")
            if item.date:
                text.append_text(literal(spoken(item.date) + "  "))
            text.append_text(literal(item.text))
            text.append("  (", style="dim")
            text.append_text(literal(", ".join(item.docs), "dim"))
            text.append(")", style="dim")
        self.query_one("#profile", Static).update(text)

    def current(self) -> DrawnRow | None:
        row = self.query_one(RowList).cursor_row
        return None if row is None else self.rows[row]

    def action_study(self) -> None:
        row = self.current()
        if row is None:
            return
        units = units_for_facts(self.units, lineage_fact_ids(row.node_id, self.facts))
        node = self.nodes[row.node_id]
        if not units:
            self.notify(f"No cards test {node.label} or its relations.", timeout=3)
            return
        self.post_message(StudyNow(units, f"Lineage · {node.label}"))

    def action_quiz(self) -> None:
        from quizapp.facts.lineage_quiz import questions

        asked = questions(self.rows, self.quiz_app.rng, QUIZ_QUESTIONS)
        if not asked:
            self.notify("The lineage quiz needs at least two relations between groups.")
            return
        self.post_message(AskLineageQuiz(asked))

    def action_leave(self) -> None:
        self.app.pop_screen()
