"""Triage's dialogs: edit a proposal's fields (one input each, checked as you type), and pick
the proposal to merge into the current one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.authoring.proposal import field_text
from quizapp.authoring.triage import Proposal, TriageSession
from quizapp.safety.terminal import literal, visible


class EditFactScreen(ModalScreen[list[tuple[str, str]] | None]):
    """One input per editable field; Enter or Ctrl+S saves the changed ones, Escape cancels."""

    CSS = """
    EditFactScreen { align: center middle; }
    EditFactScreen #edit-box { width: 100%; max-width: 90; height: 100%; max-height: 30;
        border: round $accent; background: $surface; }
    EditFactScreen #edit-title { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    EditFactScreen .edit-label { height: 1; color: $text-muted; }
    EditFactScreen .edit-error { height: auto; color: $error; display: none; }
    EditFactScreen .edit-error.-shown { display: block; }
    EditFactScreen Input { height: 1; border: none; padding: 0 1; }
    EditFactScreen Input.-invalid { background: $error 30%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, session: TriageSession, proposal: Proposal) -> None:
        super().__init__()
        self.session = session
        self.proposal = proposal
        self.specs = session.specs(proposal)
        # What each input showed at first: an edit is a value that differs from it.
        self.initial = {
            spec.name: visible(field_text(proposal.node, spec.name)) for spec in self.specs
        }

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            title = Text("Edit ", style="bold")
            title.append_text(literal(self.proposal.fact_id, "bold"))
            title.append("  Enter saves · Esc cancels", style="dim")
            yield Static(title, id="edit-title", markup=False)
            with VerticalScroll():
                for spec in self.specs:
                    label = spec.name + (" (required)" if spec.required else "")
                    hint = {"date": "YYYY, YYYY-MM, YYYY-MM-DD or A/B", "refs": "fact ids, a, b"}
                    if spec.kind in hint:
                        label += f" · {hint[spec.kind]}"
                    yield Static(label, classes="edit-label", markup=False)
                    yield Input(
                        self.initial[spec.name],
                        id=f"edit-{spec.name}",
                        name=spec.name,
                        compact=True,
                    )
                    yield Static("", id=f"error-{spec.name}", classes="edit-error", markup=False)

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        name = event.input.name or ""
        self.check(name, event.value)

    def check(self, name: str, value: str) -> bool:
        problem = None
        if value != self.initial.get(name):
            problem = self.session.check(self.proposal, name, value)
        box = self.query_one(f"#edit-{name}", Input)
        box.set_class(problem is not None, "-invalid")
        error = self.query_one(f"#error-{name}", Static)
        error.update(literal(problem or ""))
        error.set_class(problem is not None, "-shown")
        return problem is None

    def changes(self) -> list[tuple[str, str]]:
        found = []
        for spec in self.specs:
            value = self.query_one(f"#edit-{spec.name}", Input).value
            if value != self.initial[spec.name]:
                found.append((spec.name, value))
        return found

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        changes = self.changes()
        if all([self.check(name, value) for name, value in changes]):
            self.dismiss(changes)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MergeScreen(ModalScreen[str | None]):
    """The undecided proposals of the same type, likeliest first; Enter merges one."""

    CSS = """
    MergeScreen { align: center middle; }
    MergeScreen #merge-box { width: 100%; max-width: 90; height: 100%; max-height: 24;
        border: round $accent; background: $surface; }
    MergeScreen #merge-title { height: auto; }
    MergeScreen OptionList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, session: TriageSession, proposal: Proposal, candidates: list[Proposal]
    ) -> None:
        super().__init__()
        self.session = session
        self.proposal = proposal
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-box"):
            title = Text("Merge into ", style="bold")
            title.append_text(literal(self.proposal.fact_id, "bold"))
            title.append(": which proposal is the same fact? Enter merges, Esc cancels", "dim")
            yield Static(title, id="merge-title", markup=False)
            options = []
            for candidate in self.candidates:
                label = literal(candidate.fact_id, "bold")
                label.append("  ")
                label.append_text(literal(_summary(candidate)))
                options.append(Option(label, id=candidate.fact_id))
            yield OptionList(*options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _summary(proposal: Proposal) -> str:
    node = proposal.node
    for key in ("name", "what", "claim", "authority"):
        if isinstance(node.get(key), str):
            return str(node[key])
    return str(node.get("type", ""))
