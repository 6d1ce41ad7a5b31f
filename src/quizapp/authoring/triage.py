"""Triage: walk a deck file's generated facts and decide each one, written back at once.

The queue holds the facts with `status: generated`, most confident first or in the order of the
file (the generator writes them in document order). Decisions: accept (the fact becomes
`reviewed`), reject (`status: rejected`: it stays in the file, draws no cards, and the generator
does not propose it again), skip (it comes back after the others), edit a field (typed; a new
fact id makes a new proposal for it), merge another proposal into this one (same fact: sources
and missing fields joined, references moved, the other one rejected), and undo of any of them.

Every decision is written to the file before the next proposal is shown, atomically, through
the round-trip writer (comments and order kept) and re-serializing only the facts it touched,
so quitting at any point loses nothing. A file changed by someone else meanwhile is never
overwritten.
"""

from __future__ import annotations

import copy
import enum
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from quizapp.authoring.edits import Edit, InsertItem, SetKey
from quizapp.authoring.pieces import DeckPieces
from quizapp.authoring.proposal import (
    REF_FIELDS,
    REF_LIST_FIELDS,
    CardPreview,
    FieldError,
    FieldSpec,
    cards_of,
    check_field,
    field_specs,
    highlight_spans,
    highlight_terms,
    plain,
    referenced_ids,
    to_fact,
)
from quizapp.authoring.roundtrip import parse
from quizapp.errors import QuizappError
from quizapp.model.facts import Fact, FactStatus
from quizapp.safety.files import read_regular, write_atomic

MAX_FILE_BYTES = 50 * 1024 * 1024
MERGE_SKIPPED = frozenset({"id", "type", "status", "confidence", "sources"})


class Verdict(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MERGED = "merged"


class Order(enum.StrEnum):
    CONFIDENCE = "confidence"
    DOCUMENT = "document"


@dataclass
class Proposal:
    """A generated fact in the queue and what was decided about it."""

    fact_id: str
    node: CommentedMap
    position: tuple[int, int]  # file order at opening; a proposal made by an edit follows its fact
    confidence: float | None
    verdict: Verdict = Verdict.PENDING
    edited: bool = False
    skips: int = 0
    merged_into: str | None = None


@dataclass(frozen=True)
class Summary:
    """What triage has done so far: accepted as proposed, accepted after edits, and so on."""

    total: int
    accepted: int
    edited: int
    rejected: int
    merged: int

    @property
    def triaged(self) -> int:
        return self.accepted + self.edited + self.rejected + self.merged

    @property
    def left(self) -> int:
        return self.total - self.triaged

    def progress(self) -> str:
        return f"{self.triaged} / {self.total} triaged"


@dataclass
class Step:
    """One decision: its edits, and the proposals as they were before it (for undo)."""

    label: str
    subject: str
    edits: list[Edit]
    before: dict[str, Proposal]
    added: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class View:
    """Everything a screen shows of one proposal."""

    fact_id: str
    fact_type: str
    confidence: float | None
    doc: str
    sentence: str
    highlights: list[tuple[int, int]]
    fields: list[tuple[str, str]]
    cards: list[CardPreview]
    problem: str | None  # why no cards can be drawn (the fact is not valid as it stands)
    skips: int
    edited: bool


class TriageSession:
    """The triage of one deck file (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = read_regular(path, MAX_FILE_BYTES).decode("utf-8")
        except UnicodeDecodeError:
            raise QuizappError(f"{path}: not UTF-8 text") from None
        self.tree = parse(text, str(path))
        facts = self.tree.get("facts") if isinstance(self.tree, CommentedMap) else None
        if not isinstance(facts, CommentedSeq):
            raise QuizappError(f"{path}: no 'facts:' list to triage")
        self.facts: CommentedSeq = facts
        self.nodes: dict[str, CommentedMap] = {}
        self.proposals: dict[str, Proposal] = {}
        for index, node in enumerate(facts):
            if not isinstance(node, CommentedMap) or not isinstance(node.get("id"), str):
                continue
            fact_id = str(node["id"])
            self.nodes.setdefault(fact_id, node)
            if str(node.get("status", "")) == FactStatus.GENERATED:
                self.proposals[fact_id] = Proposal(
                    fact_id, node, (index, 0), _confidence(node.get("confidence"))
                )
        self.order = Order.CONFIDENCE
        self._ordered: list[Proposal] | None = None
        self.pinned: str | None = None
        self.steps: list[Step] = []
        self.pieces = DeckPieces(self.tree)
        self._stat = _stat(path)
        # With `defer_writes` (the screen sets it), a decision's text is made at once but put on
        # disk by `flush`, which the screen calls right after drawing the next proposal, and
        # which every decision calls first: the order of writes is the order of decisions.
        self.defer_writes = False
        self._unwritten: tuple[str, Callable[[], None]] | None = None

    # ----- the queue

    def ordered(self) -> list[Proposal]:
        """Every proposal in the current order (sorted again only when the set changes)."""
        if self._ordered is None:
            if self.order is Order.DOCUMENT:
                self._ordered = sorted(self.proposals.values(), key=lambda p: p.position)
            else:
                self._ordered = sorted(
                    self.proposals.values(),
                    key=lambda p: (
                        -(p.confidence if p.confidence is not None else -1.0),
                        p.position,
                    ),
                )
        return self._ordered

    def current(self) -> Proposal | None:
        """The proposal to decide now: the undone one, else the first pending and least skipped
        in order; None when every proposal is decided."""
        if self.pinned is not None:
            pinned = self.proposals.get(self.pinned)
            if pinned is not None and pinned.verdict is Verdict.PENDING:
                return pinned
        best: Proposal | None = None
        for proposal in self.ordered():
            if proposal.verdict is Verdict.PENDING and (
                best is None or proposal.skips < best.skips
            ):
                best = proposal
        return best

    def toggle_order(self) -> Order:
        self.order = Order.DOCUMENT if self.order is Order.CONFIDENCE else Order.CONFIDENCE
        self._ordered = None
        self.pinned = None
        return self.order

    def summary(self) -> Summary:
        verdicts = [(p.verdict, p.edited) for p in self.proposals.values()]
        return Summary(
            total=len(verdicts),
            accepted=sum(v is Verdict.ACCEPTED and not e for v, e in verdicts),
            edited=sum(v is Verdict.ACCEPTED and e for v, e in verdicts),
            rejected=sum(v is Verdict.REJECTED for v, _ in verdicts),
            merged=sum(v is Verdict.MERGED for v, _ in verdicts),
        )

    # ----- what a proposal shows

    def names(self, fact_id: str) -> list[str]:
        """What a fact of the file is called (name, acronym, aliases), for highlighting."""
        node = self.nodes.get(fact_id)
        if node is None:
            return [fact_id]
        found = [str(node[k]) for k in ("name", "acronym") if isinstance(node.get(k), str)]
        return found or [fact_id]

    def view(self, proposal: Proposal) -> View:
        node = proposal.node
        sources = node.get("sources")
        first = sources[0] if isinstance(sources, list) and sources else None
        doc = str(first.get("doc", "")) if isinstance(first, dict) else ""
        sentence = str(first.get("quote", "")) if isinstance(first, dict) else ""
        refs = referenced_ids(node)
        terms = highlight_terms(node, {ref: self.names(ref) for ref in refs})
        fields = [("type", str(node.get("type", "")))]
        for spec in self.specs(proposal):
            if spec.required or spec.name in node:
                fields.append((spec.name, _shown(node, spec.name)))
        for extra in ("aliases", "roles", "figures", "disputed", "tags"):
            if extra in node:
                fields.append((extra, _shown(node, extra)))
        for source in sources[1:] if isinstance(sources, list) else ():
            if isinstance(source, dict):
                fields.append(("also in", f"{source.get('doc', '')}: {source.get('quote', '')}"))
        cards: list[CardPreview] = []
        problem = None
        try:
            fact = to_fact(node)
            neighbours = self._neighbours(refs)
            cards = cards_of(msgspec.structs.replace(fact, status=FactStatus.REVIEWED), neighbours)
        except msgspec.ValidationError as error:
            problem = f"not a valid {node.get('type', 'fact')} fact yet: {error}"
        return View(
            fact_id=proposal.fact_id,
            fact_type=str(node.get("type", "")),
            confidence=proposal.confidence,
            doc=doc,
            sentence=sentence,
            highlights=highlight_spans(sentence, terms),
            fields=fields,
            cards=cards,
            problem=problem,
            skips=proposal.skips,
            edited=proposal.edited,
        )

    def _neighbours(self, refs: Iterable[str]) -> list[Fact]:
        found = []
        for ref in dict.fromkeys(refs):
            node = self.nodes.get(ref)
            if node is None:
                continue
            try:
                found.append(to_fact(node))
            except msgspec.ValidationError:
                continue
        return found

    def specs(self, proposal: Proposal) -> list[FieldSpec]:
        kind = str(proposal.node.get("type", ""))
        try:
            return field_specs(kind)
        except KeyError:
            return []

    def check(self, proposal: Proposal, name: str, text: str) -> str | None:
        """What is wrong with `text` as the field's new value (None: nothing)."""
        spec = self._spec(proposal, name)
        try:
            checked = check_field(spec, text, self.nodes.keys())
        except FieldError as error:
            return str(error)
        if proposal.fact_id in checked.new_ids:
            return "a fact cannot name itself"
        return None

    def _spec(self, proposal: Proposal, name: str) -> FieldSpec:
        for spec in self.specs(proposal):
            if spec.name == name:
                return spec
        raise QuizappError(f"a {proposal.node.get('type')} fact has no field '{name}' to edit")

    # ----- decisions

    def _require(self) -> Proposal:
        self.flush()
        proposal = self.current()
        if proposal is None:
            raise QuizappError("Every proposal is decided.")
        return proposal

    def accept(self) -> Proposal:
        """The current proposal becomes a reviewed fact (it must be a valid fact by now)."""
        proposal = self._require()
        try:
            to_fact(proposal.node)
        except msgspec.ValidationError as error:
            raise QuizappError(f"{proposal.fact_id} cannot be accepted yet: {error}") from None
        unknown = [ref for ref in referenced_ids(proposal.node) if ref not in self.nodes]
        if unknown:
            raise QuizappError(f"{proposal.fact_id} names unknown facts: {', '.join(unknown)}")
        rejected = [
            ref
            for ref in referenced_ids(proposal.node)
            if str(self.nodes[ref].get("status", "")) == FactStatus.REJECTED
        ]
        if rejected:
            raise QuizappError(
                f"{proposal.fact_id} names rejected facts: {', '.join(rejected)} "
                "(e edits the field; u takes back the rejection)"
            )
        edits: list[Edit] = [SetKey(proposal.node, "status", "reviewed", proposal.node)]
        self._commit("accept", proposal, edits, verdicts={proposal.fact_id: Verdict.ACCEPTED})
        return proposal

    def reject(self) -> Proposal:
        """The current proposal becomes `status: rejected` (kept, so it is not proposed again)."""
        proposal = self._require()
        edits: list[Edit] = [SetKey(proposal.node, "status", "rejected", proposal.node)]
        self._commit("reject", proposal, edits, verdicts={proposal.fact_id: Verdict.REJECTED})
        return proposal

    def skip(self) -> Proposal:
        """Leave the current proposal for later: it comes back after the others."""
        proposal = self._require()
        before = {proposal.fact_id: copy.copy(proposal)}
        proposal.skips += 1
        self.pinned = None
        self.steps.append(Step("skip", proposal.fact_id, [], before))
        return proposal

    def edit(self, name: str, text: str) -> Proposal:
        """Set one field of the current proposal from text; a new fact id makes a proposal."""
        proposal = self._require()
        spec = self._spec(proposal, name)
        try:
            checked = check_field(spec, text, self.nodes.keys())
        except FieldError as error:
            raise QuizappError(f"{name}: {error}") from None
        if proposal.fact_id in checked.new_ids:
            raise QuizappError(f"{name}: a fact cannot name itself")
        value: Any = checked.value
        if spec.kind == "date" and value is not None:
            value = DoubleQuotedScalarString(value)
        elif spec.kind == "refs" and value is not None:
            seq = CommentedSeq(value)
            seq.fa.set_flow_style()
            value = seq
        edits: list[Edit] = [SetKey(proposal.node, name, value, proposal.node)]
        stubs = [self._stub(new_id, name, proposal) for new_id in checked.new_ids]
        index = self._index(proposal.node) + 1
        for offset, stub in enumerate(stubs):
            edits.append(InsertItem(self.facts, index + offset, stub, stub))
        self._commit(f"edit {name}", proposal, edits, edited=True, new=stubs)
        return proposal

    def merge(self, other_id: str) -> Proposal:
        """`other_id` is the same fact as the current proposal: fold it into this one."""
        proposal = self._require()
        other = self.proposals.get(other_id)
        if other is None or other.verdict is not Verdict.PENDING:
            raise QuizappError(f"{other_id} is not an undecided proposal")
        if other is proposal:
            raise QuizappError("a proposal cannot be merged with itself")
        if other.node.get("type") != proposal.node.get("type"):
            raise QuizappError(
                f"{other_id} is a {other.node.get('type')}, not a {proposal.node.get('type')}"
            )
        keep, drop = proposal.node, other.node
        edits: list[Edit] = []
        sources = keep.get("sources")
        if isinstance(sources, CommentedSeq):
            have = [plain(s) for s in sources]
            for source in drop.get("sources") or ():
                if plain(source) not in have:
                    have.append(plain(source))
                    edits.append(InsertItem(sources, len(have) - 1, copy.deepcopy(source), keep))
        for key, value in drop.items():
            key = str(key)
            if key in MERGE_SKIPPED:
                continue
            if key not in keep:
                edits.append(SetKey(keep, key, copy.deepcopy(value), keep))
            elif isinstance(keep[key], CommentedSeq) and isinstance(value, list):
                mine = keep[key]
                have = [plain(v) for v in mine]
                for item in value:
                    if plain(item) not in have and plain(item) != proposal.fact_id:
                        have.append(plain(item))
                        edits.append(InsertItem(mine, len(have) - 1, copy.deepcopy(item), keep))
        edits.append(SetKey(drop, "status", "rejected", drop))
        edits.extend(self._moved_references(other_id, proposal.fact_id, skip=drop))
        self._commit(
            f"merge {other_id}",
            proposal,
            edits,
            verdicts={other_id: Verdict.MERGED},
            merged={other_id: proposal.fact_id},
        )
        return proposal

    def merge_candidates(self, proposal: Proposal) -> list[Proposal]:
        """Undecided proposals of the same type, those sharing words with it first."""
        kind = proposal.node.get("type")
        words = set(_words(proposal.node))
        found = [
            p
            for p in self.ordered()
            if p is not proposal and p.verdict is Verdict.PENDING and p.node.get("type") == kind
        ]
        return sorted(found, key=lambda p: -len(words & set(_words(p.node))))

    def undo(self) -> Step | None:
        """Take back the last decision (written back at once); None when there is none."""
        self.flush()
        if not self.steps:
            return None
        step = self.steps[-1]
        before = {fact_id: self.proposals[fact_id] for fact_id in step.before}
        added = {fact_id: (self.nodes[fact_id], self.proposals[fact_id]) for fact_id in step.added}
        pinned = self.pinned
        text = None
        if step.edits:
            self._check_unchanged()
            fast = self._patchable(step.edits)
            if not fast:
                self.pieces.prepare(edit.fact for edit in step.edits)
            for edit in reversed(step.edits):
                edit.revert()
            text = self._text(step.edits, undoing=True, fast=fast)
        self.steps.pop()
        for fact_id in step.added:
            self.proposals.pop(fact_id, None)
            self.nodes.pop(fact_id, None)
        for fact_id, state in step.before.items():
            self.proposals[fact_id] = state
        self._ordered = None
        self.pinned = step.subject

        def redo() -> None:
            for edit in step.edits:
                edit.apply()
            self.steps.append(step)
            self.proposals.update(before)
            for fact_id, (node, proposal) in added.items():
                self.nodes[fact_id] = node
                self.proposals[fact_id] = proposal
            self._ordered = None
            self.pinned = pinned

        if text is not None:
            self._store(text, redo)
        return step

    @property
    def unwritten(self) -> bool:
        """Whether the last decision is made but not yet on disk (see `defer_writes`)."""
        return self._unwritten is not None

    def flush(self) -> None:
        """Put the last decision's text on disk, if it is not yet; if that fails, the decision
        is taken back (in memory too) and QuizappError says why."""
        if self._unwritten is None:
            return
        text, take_back = self._unwritten
        self._unwritten = None
        try:
            self._check_unchanged()
            write_atomic(self.path, text)
        except QuizappError:
            take_back()
            self.pieces.rebuild()
            raise
        self._stat = _stat(self.path)

    def _store(self, text: str, take_back: Callable[[], None]) -> None:
        self._unwritten = (text, take_back)
        if not self.defer_writes:
            self.flush()

    # ----- inner workings

    def _index(self, node: CommentedMap) -> int:
        for index, item in enumerate(self.facts):
            if item is node:
                return index
        raise QuizappError("the fact is no longer in the file")  # pragma: no cover - a bug

    def _stub(self, new_id: str, field_name: str, parent: Proposal) -> CommentedMap:
        """A new proposal for a fact id an edit named: its type from the field, its source the
        sentence of the fact that names it."""
        stub = CommentedMap()
        stub["id"] = new_id
        stub["type"] = "place" if field_name == "place" else "group"
        stub["name"] = new_id.replace("-", " ")
        stub["status"] = "generated"
        sources = CommentedSeq()
        first = (parent.node.get("sources") or [None])[0]
        if isinstance(first, dict):
            sources.append(copy.deepcopy(first))
        stub["sources"] = sources
        return stub

    def _moved_references(self, old: str, new: str, skip: CommentedMap) -> list[Edit]:
        """Edits that make every fact and card naming `old` name `new` instead."""
        edits: list[Edit] = []
        for node in self.facts:
            if node is skip or not isinstance(node, CommentedMap):
                continue
            for key in REF_FIELDS:
                if node.get(key) == old:
                    edits.append(SetKey(node, key, new, node))
            for key in REF_LIST_FIELDS:
                value = node.get(key)
                if isinstance(value, list) and old in value:
                    moved = CommentedSeq(dict.fromkeys(new if v == old else v for v in value))
                    moved.fa.set_flow_style()
                    edits.append(SetKey(node, key, moved, node))
            for role in node.get("roles") or ():
                if isinstance(role, CommentedMap) and role.get("of") == old:
                    edits.append(SetKey(role, "of", new, node))
        cards = self.tree.get("cards")
        for card in cards if isinstance(cards, list) else ():
            if not isinstance(card, CommentedMap):
                continue
            if card.get("fact") == old:
                edits.append(SetKey(card, "fact", new, None))
            value = card.get("facts")
            if isinstance(value, list) and old in value:
                moved = CommentedSeq(dict.fromkeys(new if v == old else v for v in value))
                moved.fa.set_flow_style()
                edits.append(SetKey(card, "facts", moved, None))
        return edits

    def _commit(
        self,
        label: str,
        proposal: Proposal,
        edits: list[Edit],
        *,
        verdicts: dict[str, Verdict] | None = None,
        edited: bool = False,
        new: list[CommentedMap] = (),  # type: ignore[assignment]
        merged: dict[str, str] | None = None,
    ) -> None:
        verdicts = verdicts or {}
        touched = {proposal.fact_id, *verdicts}
        step = Step(
            label,
            proposal.fact_id,
            edits,
            {fact_id: copy.copy(self.proposals[fact_id]) for fact_id in touched},
        )
        self._check_unchanged()
        fast = self._patchable(edits)
        if not fast:
            self.pieces.prepare(edit.fact for edit in edits)
        for edit in edits:
            edit.apply()
        text = self._text(edits, undoing=False, fast=fast)
        pinned = self.pinned
        for fact_id, verdict in verdicts.items():
            self.proposals[fact_id].verdict = verdict
        for fact_id, target in (merged or {}).items():
            self.proposals[fact_id].merged_into = target
        if edited:
            proposal.edited = True
        for offset, stub in enumerate(new):
            fact_id = str(stub["id"])
            self.nodes[fact_id] = stub
            self.proposals[fact_id] = Proposal(
                fact_id, stub, (proposal.position[0], proposal.position[1] + offset + 1), None
            )
            step.added.append(fact_id)
            self._ordered = None
        self.pinned = None if verdicts else proposal.fact_id
        self.steps.append(step)

        def take_back() -> None:
            for edit in reversed(edits):
                edit.revert()
            self.steps.remove(step)
            for fact_id in step.added:
                self.proposals.pop(fact_id, None)
                self.nodes.pop(fact_id, None)
            self.proposals.update(step.before)
            self._ordered = None
            self.pinned = pinned

        self._store(text, take_back)

    def _patchable(self, edits: list[Edit]) -> bool:
        """Whether every edit only turns a fact's status word into another (accept, reject and
        their undo): the file's text is then patched, nothing is dumped."""
        return all(
            isinstance(edit, SetKey)
            and edit.key == "status"
            and edit.mapping is edit.fact
            and type(edit.mapping.get("status")) is str
            and type(edit.value) is str
            for edit in edits
        )

    def _check_unchanged(self) -> None:
        if _stat(self.path) != self._stat:
            raise QuizappError(
                f"{self.path} was changed by another program since triage read it: "
                "nothing written; open it again"
            )

    def _text(self, edits: list[Edit], *, undoing: bool, fast: bool) -> str:
        """The file's text now that `edits` were applied (or, `undoing`, reverted); `fast`:
        they only change status words (see `_patchable`)."""
        if fast:
            patched = True
            for edit in edits:
                assert isinstance(edit, SetKey)
                old, new = (edit.value, edit.old) if undoing else (edit.old, edit.value)
                patched = patched and self.pieces.patch_word(edit.fact, "status", old, new)
            return self.pieces.text() if patched else self.pieces.rebuild()
        if any(edit.fact is None for edit in edits):
            return self.pieces.rebuild()
        return self.pieces.text(edit.fact for edit in edits)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def _confidence(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if 0.0 <= number <= 1.0 else None


def _shown(node: CommentedMap, name: str) -> str:
    from quizapp.authoring.proposal import field_text

    return field_text(node, name)


def _words(node: CommentedMap) -> list[str]:
    text = " ".join(
        str(node.get(key, "")) for key in ("name", "what", "claim", "acronym", "date", "to")
    )
    return [word for word in text.casefold().split() if len(word) > 2]
