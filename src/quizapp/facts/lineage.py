"""A group lineage: groups as nodes, relations between groups as labelled edges in date order.

Built from the facts of the loaded decks, with no UI: `quizapp lineage` prints it, the lineage
screen draws it. A merger of several groups is one edge with several `from` groups, as the
relation fact says, so it is printed and drawn once. Leadership relations (a person to a group)
and designations are not edges: they belong to a group's profile (`profile_of`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from quizapp.facts.text import short_name
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import (
    DesignationFact,
    Fact,
    GroupFact,
    PersonFact,
    RelationFact,
    RelationKind,
)

GROUP_RELATIONS = frozenset(
    {
        RelationKind.MERGER,
        RelationKind.SPLIT,
        RelationKind.RENAME,
        RelationKind.ALLEGIANCE,
        RelationKind.AFFILIATION,
    }
)
ENDS_A_GROUP = frozenset({RelationKind.MERGER, RelationKind.RENAME})
"""Relations after which a `from` group no longer exists under its name."""
BEGINS_A_GROUP = frozenset({RelationKind.MERGER, RelationKind.SPLIT, RelationKind.RENAME})
VERBS = {
    RelationKind.MERGER: "merged",
    RelationKind.SPLIT: "split",
    RelationKind.RENAME: "renamed",
    RelationKind.ALLEGIANCE: "pledged allegiance",
    RelationKind.AFFILIATION: "affiliated",
}


class DateClaim(msgspec.Struct, frozen=True, gc=False):
    """A date the sources dispute: one value and the documents that give it."""

    value: str
    docs: tuple[str, ...]


def date_claims(fact: Fact) -> tuple[DateClaim, ...]:
    """Every value given for the fact's date, with its documents; () when none is disputed.

    The fact's own `date` (the value taught, a correction included) comes first, with its
    sources that no `disputed` entry speaks for; then each disputed value with its document.
    """
    disputes = [d for d in fact.disputed if d.field == "date"]
    if not disputes or fact.date is None:
        return ()
    claimed: dict[str, list[str]] = {}
    disputing = {d.doc for d in disputes if d.value != fact.date}
    own = [s.doc for s in fact.sources if s.doc not in disputing]
    claimed[fact.date] = list(dict.fromkeys(own))
    for dispute in disputes:
        docs = claimed.setdefault(dispute.value, [])
        if dispute.doc not in docs:
            docs.append(dispute.doc)
    return tuple(DateClaim(value, tuple(docs)) for value, docs in claimed.items())


def claims_text(claims: tuple[DateClaim, ...]) -> str:
    """`2013-08 (a.txt, b.txt) / 2013-05 (c.txt)`."""
    return " / ".join(
        f"{claim.value} ({', '.join(claim.docs)})" if claim.docs else claim.value
        for claim in claims
    )


class GroupNode(msgspec.Struct, frozen=True, gc=False):
    """A group as the graph shows it: `label` is its short name (see `label`)."""

    id: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    began: str | None
    """ISO date the group began (its founding, else the relation that made it), if known."""
    ended: str | None
    """ISO date of the rename or merger that ended it, if any."""

    @property
    def label(self) -> str:
        return short_name(self.name, self.acronym)

    def years(self) -> str:
        """`1998-2007`, `2013-`, `-2010` (with an en dash), or '' when nothing is known."""
        if self.began is None and self.ended is None:
            return ""
        began = self.began[:4] if self.began else ""
        return f"{began}\u2013{self.ended[:4] if self.ended else ''}"

    def names(self) -> tuple[str, ...]:
        """Every spelling GROUP may match on, with the fact id."""
        return (self.id, self.name, *((self.acronym,) if self.acronym else ()), *self.aliases)


class LineageEdge(msgspec.Struct, frozen=True, gc=False):
    """A relation fact between groups: `sources` (its `from` groups) stand in `kind` to `target`."""

    id: str
    kind: RelationKind
    sources: tuple[str, ...]
    target: str
    date: str | None
    docs: tuple[str, ...]
    disputed_dates: tuple[DateClaim, ...] = ()
    """Every value the sources give for the date, when they differ (`date_claims`)."""

    def label(self) -> str:
        """`split 1998`, `renamed January 2007`, `merged` (no date known)."""
        verb = VERBS[self.kind]
        return f"{verb} {spoken(self.date)}" if self.date else verb


class Lineage(msgspec.Struct, frozen=True, gc=False):
    """Nodes in first-appearance order and edges in date order (undated edges last)."""

    nodes: tuple[GroupNode, ...]
    edges: tuple[LineageEdge, ...]

    def node(self, group_id: str) -> GroupNode:
        return next(node for node in self.nodes if node.id == group_id)

    def by_id(self) -> dict[str, GroupNode]:
        return {node.id: node for node in self.nodes}


def spoken(iso: str) -> str:
    """An ISO date as a student reads it, at its precision (`January 2007`)."""
    try:
        return FuzzyDate.parse(iso).spoken()
    except ValueError:
        return iso


def date_key(iso: str | None) -> tuple[int, int, int, int]:
    """Sort key: undated (or unreadable) after dated; within a date, coarser before finer.

    Read straight from the text (`1998`, `2007-01`, `2007-12-11`, a range by its start): a
    timeline of 10,000 facts sorts on it, and parsing every date into a `FuzzyDate` was most of
    the time the timeline took to open.
    """
    if iso is None:
        return UNDATED
    start = iso.partition("/")[0]
    try:
        if len(start) == 4:
            return (0, int(start), 0, 0)
        if len(start) == 7 and start[4] == "-":
            return (0, int(start[:4]), int(start[5:7]), 0)
        if len(start) == 10 and start[4] == "-" and start[7] == "-":
            return (0, int(start[:4]), int(start[5:7]), int(start[8:10]))
    except ValueError:
        pass
    return UNDATED


UNDATED = (1, 0, 0, 0)


def group_names(facts: Iterable[Fact]) -> dict[str, tuple[str, ...]]:
    """Each group's fact id, name, acronym and aliases: what a `group:` filter matches."""
    return {
        fact.id: (
            fact.id,
            fact.name,
            *((fact.acronym,) if fact.acronym else ()),
            *(alias.name for alias in fact.aliases),
        )
        for fact in facts
        if isinstance(fact, GroupFact)
    }


def build_lineage(facts: Iterable[Fact]) -> Lineage:
    """The lineage of every group the facts name. Linear in the number of facts."""
    groups: dict[str, GroupFact] = {}
    relations: list[RelationFact] = []
    for fact in facts:
        if isinstance(fact, GroupFact):
            groups.setdefault(fact.id, fact)
        elif isinstance(fact, RelationFact) and fact.relation in GROUP_RELATIONS:
            relations.append(fact)
    edges = [
        _edge(relation)
        for relation in relations
        if relation.to in groups and all(source in groups for source in relation.from_)
    ]
    edges.sort(key=lambda edge: (date_key(edge.date), edge.id))
    began: dict[str, str] = {}
    ended: dict[str, str] = {}
    for edge in edges:
        if edge.date is None:
            continue
        if edge.kind in BEGINS_A_GROUP:
            began.setdefault(edge.target, edge.date)
        if edge.kind in ENDS_A_GROUP:
            for source in edge.sources:
                ended.setdefault(source, edge.date)
    nodes = tuple(
        GroupNode(
            id=group.id,
            name=group.name,
            acronym=group.acronym,
            aliases=tuple(alias.name for alias in group.aliases),
            began=group.date or began.get(group.id),
            ended=ended.get(group.id),
        )
        for group in groups.values()
    )
    return Lineage(nodes, tuple(edges))


def _edge(relation: RelationFact) -> LineageEdge:
    return LineageEdge(
        id=relation.id,
        kind=relation.relation,
        sources=relation.from_,
        target=relation.to,
        date=relation.date,
        docs=_docs(relation),
        disputed_dates=date_claims(relation),
    )


def _docs(fact: Fact) -> tuple[str, ...]:
    return tuple(dict.fromkeys(source.doc for source in fact.sources))


def find_groups(lineage: Lineage, query: str) -> list[GroupNode]:
    """Groups whose fact id, name, acronym or an alias is `query`, ignoring case."""
    wanted = query.strip().casefold()
    return [
        node for node in lineage.nodes if any(name.casefold() == wanted for name in node.names())
    ]


def around(lineage: Lineage, group_ids: Iterable[str]) -> Lineage:
    """Only the groups' ancestors and descendants (and the groups), and the edges among them.

    A merger partner is not an ancestor of its partner: only what leads to a group, through
    `from` -> `to`, and what comes of it, are kept; an edge is kept when its target and at
    least one `from` group are, and lists every `from` group (the merger stays one edge).
    """
    parents: dict[str, set[str]] = {}
    children: dict[str, set[str]] = {}
    for edge in lineage.edges:
        for source in edge.sources:
            parents.setdefault(edge.target, set()).add(source)
            children.setdefault(source, set()).add(edge.target)
    start = set(group_ids)
    kept = start | _reach(start, parents) | _reach(start, children)
    edges = tuple(
        edge
        for edge in lineage.edges
        if edge.target in kept and any(source in kept for source in edge.sources)
    )
    shown = kept | {source for edge in edges for source in edge.sources}
    return Lineage(tuple(node for node in lineage.nodes if node.id in shown), edges)


def _reach(start: set[str], links: Mapping[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        for found in links.get(todo.pop(), ()):
            if found not in seen and found not in start:
                seen.add(found)
                todo.append(found)
    return seen


# -- a group's profile: what the lineage screen shows for the node under the cursor ----------


class ProfileItem(msgspec.Struct, frozen=True, gc=False):
    """One line of a group's profile: what (`alias`, `leader`...), the text, when, from where."""

    kind: str
    text: str
    date: str | None
    docs: tuple[str, ...]


def profile_of(group_id: str, facts: Mapping[str, Fact], lineage: Lineage) -> list[ProfileItem]:
    """The group's aliases, leaders with dates, designations and relations, with their sources.

    `facts` maps fact ids to facts; walking every fact makes this linear in the facts, which a
    cursor move can afford only because the screen asks once per group and keeps the answer.
    """
    group = facts.get(group_id)
    if not isinstance(group, GroupFact):
        return []
    items: list[ProfileItem] = []
    group_docs = _docs(group)
    if group.acronym:
        items.append(ProfileItem("name", f"{group.name} ({group.acronym})", group.date, group_docs))
    else:
        items.append(ProfileItem("name", group.name, group.date, group_docs))
    for alias in group.aliases:
        docs = (alias.doc,) if alias.doc else group_docs
        items.append(ProfileItem("alias", alias.name, None, docs))
    names = {node.id: node.label for node in lineage.nodes}
    dated: list[ProfileItem] = []
    for fact in facts.values():
        if isinstance(fact, RelationFact) and fact.relation is RelationKind.LEADERSHIP:
            if fact.to == group_id:
                leaders = ", ".join(_name_of(facts.get(i), i) for i in fact.from_)
                dated.append(ProfileItem("leader", leaders, fact.date, _docs(fact)))
        elif isinstance(fact, PersonFact):
            for role in fact.roles:
                if role.of == group_id:
                    text = f"{fact.name}, {role.role}"
                    dated.append(ProfileItem("role", text, role.date, _docs(fact)))
        elif isinstance(fact, DesignationFact) and fact.target == group_id:
            text = f"{fact.action.value} by {fact.authority} ({fact.list_})"
            dated.append(ProfileItem("designation", text, fact.date, _docs(fact)))
    for edge in lineage.edges:
        if edge.target == group_id or group_id in edge.sources:
            text = edge_text(edge, names)
            dated.append(ProfileItem("relation", text, edge.date, edge.docs))
    dated.sort(key=lambda item: date_key(item.date))
    return items + dated


def _name_of(fact: Fact | None, fallback: str) -> str:
    if isinstance(fact, PersonFact | GroupFact):
        return fact.name
    return fallback


def edge_text(edge: LineageEdge, labels: Mapping[str, str]) -> str:
    """`GIA → GSPC  split`; a merger of two: `al-Mulathamun + MUJAO → al-Murabitoun  merger`."""
    sources = " + ".join(labels.get(source, source) for source in edge.sources)
    return f"{sources} \u2192 {labels.get(edge.target, edge.target)}  {edge.kind.value}"


def lineage_fact_ids(group_id: str, facts: Mapping[str, Fact]) -> set[str]:
    """The group and every relation or designation naming it: what Enter studies."""
    ids = {group_id}
    for fact in facts.values():
        names_it = (
            isinstance(fact, RelationFact) and (fact.to == group_id or group_id in fact.from_)
        ) or (isinstance(fact, DesignationFact) and fact.target == group_id)
        if names_it:
            ids.add(fact.id)
    return ids
