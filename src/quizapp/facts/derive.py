"""Templates: each fact type makes a small family of cards, with ids `FACTID/TEMPLATE`.

Progress is keyed on card ids, so a drawn card's id depends only on its fact's id and its
template: editing a fact's text keeps every student's progress. The cards of one fact are
siblings (their `fact` is the fact's id): never on the same day, buried together.

Choices are computed here, once per deck file, from the file's facts (see `distractors`), so
the compiled deck cache holds them and a warm start draws nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from quizapp.facts.distractors import (
    WANT,
    DatePool,
    FigurePool,
    NamePool,
    date_distractors,
    figure_distractors,
    name_distractors,
)
from quizapp.facts.figures import parse_figure
from quizapp.facts.text import normalise
from quizapp.model.cards import (
    BasicCard,
    Card,
    Category,
    ChoiceCard,
    ClozeCard,
    MatchCard,
    OrderCard,
    OrderItem,
    Status,
    TypedCard,
)
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import (
    NAMED_TYPES,
    DesignationFact,
    EventFact,
    Fact,
    FactStatus,
    GroupFact,
    PersonFact,
    PlaceFact,
    RelationFact,
    RelationKind,
    StatementFact,
    fact_name,
)

# Every template a fact type may use (a template makes a card only when its fields are there).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "event": ("when", "what", "where", "figure.KEY", "order"),
    "person": ("alias", "role", "role-N"),
    "group": ("acronym", "alias", "founded", "founder"),
    "place": ("alias", "where"),
    "relation": ("from", "to", "when"),
    "designation": ("who", "whom", "when"),
    "statement": ("who", "what"),
}

# (ask the `from` side, ask the `to` side, ask when): {f} the from names, {t} the to name
RELATION_PHRASES: dict[RelationKind, tuple[str, str, str]] = {
    RelationKind.MERGER: (
        "Which groups merged to form {t}?",
        "What did {f} merge to form?",
        "When did {f} merge to form {t}?",
    ),
    RelationKind.SPLIT: (
        "Which group did {t} split from?",
        "Which group split from {f}?",
        "When did {t} split from {f}?",
    ),
    RelationKind.RENAME: (
        "What was {t} called before it was renamed?",
        "What was {f} renamed?",
        "When was {f} renamed {t}?",
    ),
    RelationKind.ALLEGIANCE: (
        "Who pledged allegiance to {t}?",
        "To whom did {f} pledge allegiance?",
        "When did {f} pledge allegiance to {t}?",
    ),
    RelationKind.AFFILIATION: (
        "Who is affiliated with {t}?",
        "With whom is {f} affiliated?",
        "When did {f} become affiliated with {t}?",
    ),
    RelationKind.LEADERSHIP: (
        "Who led {t}?",
        "What did {f} lead?",
        "When did {f} lead {t}?",
    ),
}
TYPE_CATEGORY = {
    PersonFact: Category.PERSON,
    GroupFact: Category.GROUP,
    PlaceFact: Category.PLACE,
}
ORDER_ITEMS = 4


def _who(question: str, answer: object) -> str:
    """ "Who" only when the answer is a person: a group or place gets "Which group"/"Which
    place" (and "To whom" → "To which group")."""
    if isinstance(answer, PersonFact) or answer is None:
        return question
    noun = "place" if isinstance(answer, PlaceFact) else "group"
    for who, which in (("Who ", f"Which {noun} "), ("To whom ", f"To which {noun} ")):
        if question.startswith(who):
            return which + question[len(who) :]
    return question.replace("With whom ", f"With which {noun} ", 1)


def _clause(text: str) -> str:
    """Text to embed in a question: no trailing full stop."""
    return text.strip().rstrip(".")


def question_of(card: Card) -> str:
    """The text a card asks, for telling two cards' questions apart."""
    if isinstance(card, BasicCard | ChoiceCard | TypedCard):
        return card.question
    if isinstance(card, ClozeCard):
        return card.text
    assert isinstance(card, OrderCard | MatchCard)
    return card.prompt


class Drawing:
    """Draws the cards of one deck file's facts; `taken` holds the questions already asked."""

    def __init__(self, facts: Sequence[Fact], taken: Iterable[str] = ()) -> None:
        self.facts = {fact.id: fact for fact in facts}
        self.taken = {normalise(q) for q in taken}
        # Pools are built once per file: a question then costs the same in any size of deck.
        self.dates = DatePool(FuzzyDate.parse(f.date) for f in facts if f.date is not None)
        names: dict[type, list[str]] = {}
        for fact in facts:
            if isinstance(fact, NAMED_TYPES):
                names.setdefault(type(fact), []).append(fact.name)
        self.names = {kind: NamePool(found) for kind, found in names.items()}
        self.figures = FigurePool(
            v for f in facts if isinstance(f, EventFact) for v in f.figures.values()
        )
        self.authorities = NamePool(f.authority for f in facts if isinstance(f, DesignationFact))
        self.located = NamePool(
            f.located_in for f in facts if isinstance(f, PlaceFact) and f.located_in
        )
        speakers = [self.speaker(f) for f in facts if isinstance(f, StatementFact)]
        self.speakers = NamePool(speakers)
        self.speakers_and = {k: NamePool([*v, *speakers]) for k, v in names.items()}
        events = [f for f in facts if isinstance(f, EventFact) and f.date is not None]
        self.events = sorted(events, key=lambda f: (FuzzyDate.parse(f.date or "").sort_key(), f.id))
        self.event_years = [FuzzyDate.parse(f.date or "").start.year for f in self.events]
        self.renamed = _rename_groups(facts)
        self.cards: list[Card] = []

    # ----- helpers

    def same_as(self, fact_id: str) -> list[str]:
        """Names of the facts `fact_id` is through renamings (the GSPC is AQIM renamed): never a
        wrong answer for it."""
        return [self.name(other) for other in self.renamed.get(fact_id, ()) if other != fact_id]

    def name(self, fact_id: str) -> str:
        fact = self.facts.get(fact_id)
        return fact_id if fact is None else fact_name(fact)

    def label(self, fact_id: str) -> str:
        """How a question names another fact: a group by its acronym when it has one (so the
        question does not spell out what the group's acronym card asks), else its name."""
        fact = self.facts.get(fact_id)
        if isinstance(fact, GroupFact) and fact.acronym:
            return fact.acronym
        return self.name(fact_id)

    def forms(self, fact_id: str) -> list[str]:
        """Other accepted answers for a fact: its acronym and aliases."""
        fact = self.facts.get(fact_id)
        if not isinstance(fact, NAMED_TYPES):
            return []
        acronym = [fact.acronym] if isinstance(fact, GroupFact) and fact.acronym else []
        return [*acronym, *(alias.name for alias in fact.aliases)]

    def names_of(self, fact_ids: Sequence[str], *, labels: bool = False) -> str:
        names = [self.label(i) if labels else self.name(i) for i in fact_ids]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def speaker(self, fact: StatementFact) -> str:
        return self.name(fact.by) if fact.by else fact.attributed_to or fact.id

    def disputed(self, fact: Fact, field: str) -> list[str]:
        return [d.value for d in fact.disputed if d.field == field]

    def add(self, card: Card) -> None:
        """Keep a card unless its question is already asked (then say which fact it is from)."""
        key = normalise(question_of(card))
        if key in self.taken:
            return
        self.taken.add(key)
        self.cards.append(card)

    def base(self, fact: Fact, template: str, category: Category) -> dict[str, Any]:
        """The fields every drawn card has: its id from (fact, template), its fact, a source."""
        return {
            "id": f"{fact.id}/{template}",
            "category": category,
            "source": fact.sources[0],
            "tags": fact.tags,
            "fact": fact.id,
            "status": Status.GENERATED if fact.status is FactStatus.GENERATED else Status.REVIEWED,
        }

    def ask_unique(self, question: str, fact: Fact) -> str:
        """The question, told apart by the fact id when another card asks the same."""
        return question if normalise(question) not in self.taken else f"{question} ({fact.id})"

    def ask_date(self, fact: Fact, template: str, question: str, date_text: str) -> None:
        date = FuzzyDate.parse(date_text)
        excluded = []
        for value in self.disputed(fact, "date"):
            try:
                excluded.append(FuzzyDate.parse(value))
            except ValueError:
                continue
        seed = f"{fact.id}/{template}"
        wrong = date_distractors(date, self.dates, excluded, seed)
        answer = date.spoken()
        self.add(
            ChoiceCard(
                question=self.ask_unique(question, fact),
                answer=answer,
                choices=(answer, *wrong),
                **self.base(fact, template, Category.DATE),
            )
        )

    def ask_name(
        self,
        fact: Fact,
        template: str,
        question: str,
        answer: str,
        kind: type | None,
        *,
        aliases: Sequence[str] = (),
        excluded: Sequence[str] = (),
        pool: NamePool | None = None,
        category: Category = Category.NAME,
    ) -> None:
        """Multiple choice among names of the same type, or typed when there are too few."""
        empty = NamePool(())
        names = pool if pool is not None else self.names.get(kind, empty) if kind else empty
        field = "name" if template in {"alias", "acronym"} else template
        banned = [*aliases, *excluded, *self.disputed(fact, field)]
        wrong = name_distractors(answer, names, banned, f"{fact.id}/{template}")
        base = self.base(fact, template, category)
        question = self.ask_unique(question, fact)
        if len(wrong) >= WANT - 1:
            card: Card = ChoiceCard(
                question=question, answer=answer, choices=(answer, *wrong), **base
            )
        else:
            card = TypedCard(question=question, answer=answer, aliases=tuple(aliases), **base)
        self.add(card)

    def recall(
        self, fact: Fact, template: str, question: str, answer: str, category: Category
    ) -> None:
        base = self.base(fact, template, category)
        self.add(BasicCard(question=self.ask_unique(question, fact), answer=answer, **base))

    def shares_date(self, fact: EventFact, date: FuzzyDate) -> bool:
        """Whether another event of the file falls within this one's date (and, with a place,
        its place): then "What happened in 2007?" has more than one right answer."""
        if date.is_range:
            return False
        prefix = date.iso()
        at = bisect.bisect_left(self.event_years, date.start.year)
        for other in self.events[at:]:
            other_date = FuzzyDate.parse(other.date or "")
            if other_date.start.year != date.start.year:
                break
            if (
                other is not fact
                and other_date.start.iso().startswith(prefix)
                and (fact.place is None or other.place in (None, fact.place))
            ):
                return True
        return False

    # ----- one method per fact type

    def draw(self) -> list[Card]:
        for fact in self.facts.values():
            if fact.status is FactStatus.REJECTED:
                continue
            if isinstance(fact, EventFact):
                self.event(fact)
            elif isinstance(fact, PersonFact):
                self.person(fact)
            elif isinstance(fact, GroupFact):
                self.group(fact)
            elif isinstance(fact, PlaceFact):
                self.place(fact)
            elif isinstance(fact, RelationFact):
                self.relation(fact)
            elif isinstance(fact, DesignationFact):
                self.designation(fact)
            else:
                self.statement(fact)
        return self.cards

    def event(self, fact: EventFact) -> None:
        what = _clause(fact.what)
        place = f" in {self.label(fact.place)}" if fact.place else ""
        if fact.date is not None:
            date = FuzzyDate.parse(fact.date)
            self.ask_date(fact, "when", f"When did this happen: {what}?", fact.date)
            on = "on" if date.precision == 3 and not date.is_range else "in"
            if not self.shares_date(fact, date):
                self.recall(
                    fact,
                    "what",
                    f"What happened {on} {date.spoken()}{place}?",
                    fact.what,
                    Category.CONCEPT,
                )
        if fact.place:
            pool = self.names.get(PlaceFact, NamePool(()))
            self.ask_name(
                fact,
                "where",
                f"Where did this happen: {what}?",
                self.name(fact.place),
                PlaceFact,
                aliases=self.forms(fact.place),
                pool=pool,
                category=Category.PLACE,
            )
        for key, value in fact.figures.items():
            self.figure(fact, key, value, what)
        if fact.date is not None:
            self.order(fact)

    def figure(self, fact: EventFact, key: str, value: str, what: str) -> None:
        template = f"figure.{key}"
        question = f"How many were {key.replace('_', ' ')}: {what}?"
        answer = parse_figure(value)
        if answer is None:
            self.recall(fact, template, question, value, Category.FIGURE)
            return
        excluded = [f for v in self.disputed(fact, f"figures.{key}") if (f := parse_figure(v))]
        wrong = figure_distractors(answer, self.figures, excluded, f"{fact.id}/{template}")
        base = self.base(fact, template, Category.FIGURE)
        self.add(
            ChoiceCard(
                question=self.ask_unique(question, fact),
                answer=value,
                choices=(value, *wrong),
                **base,
            )
        )

    def order(self, fact: EventFact) -> None:
        """This event among the dated events nearest it, one per date."""
        assert fact.date is not None
        here = FuzzyDate.parse(fact.date)
        items = {here.sort_key(): OrderItem(text=_clause(fact.what), date=here.start.iso())}
        # the events of the years nearest this one, from the sorted list (never the whole deck)
        at = bisect.bisect_left(self.event_years, here.start.year)
        span = self.events[max(0, at - ORDER_ITEMS * 2) : at + ORDER_ITEMS * 2]
        others = sorted(
            (f for f in span if f is not fact),
            key=lambda f: (abs(FuzzyDate.parse(f.date or "").start.year - here.start.year), f.id),
        )
        for other in others:
            if len(items) >= ORDER_ITEMS:
                break
            date = FuzzyDate.parse(other.date or "")
            items.setdefault(
                date.sort_key(), OrderItem(text=_clause(other.what), date=date.start.iso())
            )
        if len(items) < 2:
            return
        base = self.base(fact, "order", Category.DATE)
        prompt = f"Put in order: {_clause(fact.what)}, and the events around it"
        self.add(
            OrderCard(prompt=self.ask_unique(prompt, fact), items=tuple(items.values()), **base)
        )

    def person(self, fact: PersonFact) -> None:
        aliases = [a.name for a in fact.aliases]
        if aliases:
            self.ask_name(
                fact,
                "alias",
                f"Who is also known as {aliases[0]}?",
                fact.name,
                PersonFact,
                aliases=aliases,
                category=Category.PERSON,
            )
        for number, role in enumerate(fact.roles, start=1):
            of = f" of {self.label(role.of)}" if role.of else ""
            when = f" ({FuzzyDate.parse(role.date).spoken()})" if role.date else ""
            template = "role" if number == 1 else f"role-{number}"
            self.ask_name(
                fact,
                template,
                f"Who was {role.role}{of}{when}?",
                fact.name,
                PersonFact,
                aliases=aliases,
                category=Category.PERSON,
            )

    def group(self, fact: GroupFact) -> None:
        aliases = [a.name for a in fact.aliases]
        if fact.acronym:
            base = self.base(fact, "acronym", Category.NAME)
            question = self.ask_unique(f"What does {fact.acronym} stand for?", fact)
            self.add(TypedCard(question=question, answer=fact.name, aliases=tuple(aliases), **base))
        if aliases:
            self.ask_name(
                fact,
                "alias",
                f"Which group is also known as {aliases[0]}?",
                fact.name,
                GroupFact,
                aliases=aliases,
                excluded=self.same_as(fact.id),
                category=Category.GROUP,
            )
        if fact.date:
            self.ask_date(fact, "founded", f"When was {fact.name} founded?", fact.date)
        if fact.founders:
            answer = self.names_of(fact.founders)
            kind = type(self.facts[fact.founders[0]]) if fact.founders[0] in self.facts else None
            if len(fact.founders) == 1:
                self.ask_name(
                    fact,
                    "founder",
                    f"Who founded {fact.name}?",
                    answer,
                    kind,
                    aliases=self.forms(fact.founders[0]),
                    category=Category.PERSON,
                )
            else:
                self.recall(fact, "founder", f"Who founded {fact.name}?", answer, Category.PERSON)

    def place(self, fact: PlaceFact) -> None:
        aliases = [a.name for a in fact.aliases]
        if aliases:
            self.ask_name(
                fact,
                "alias",
                f"Which place is also known as {aliases[0]}?",
                fact.name,
                PlaceFact,
                aliases=aliases,
                category=Category.PLACE,
            )
        if fact.located_in:
            self.ask_name(
                fact,
                "where",
                f"Where is {fact.name}?",
                fact.located_in,
                None,
                pool=self.located,
                category=Category.PLACE,
            )

    def relation(self, fact: RelationFact) -> None:
        ask_from, ask_to, ask_when = RELATION_PHRASES[fact.relation]
        f, t = self.names_of(fact.from_), self.name(fact.to)
        f_asked, t_asked = self.names_of(fact.from_, labels=True), self.label(fact.to)
        involved = [self.name(i) for i in (*fact.from_, fact.to)]
        category = Category.MERGER if fact.relation is RelationKind.MERGER else Category.GROUP
        first = self.facts.get(fact.from_[0])
        # Many groups pledge allegiance to one (al-Qaeda): the date says which pledge is meant.
        on = ""
        if fact.date and fact.relation in (RelationKind.ALLEGIANCE, RelationKind.AFFILIATION):
            on = f" ({FuzzyDate.parse(fact.date).spoken()})"
        if len(fact.from_) == 1:
            self.ask_name(
                fact,
                "from",
                _who(ask_from.format(f=f_asked, t=t_asked), first).removesuffix("?") + on + "?",
                f,
                type(first) if first else None,
                aliases=self.forms(fact.from_[0]),
                excluded=[*involved, *self.same_as(fact.from_[0])],
                category=category,
            )
        else:
            self.recall(fact, "from", ask_from.format(f=f_asked, t=t_asked), f, category)
        target = self.facts.get(fact.to)
        self.ask_name(
            fact,
            "to",
            _who(ask_to.format(f=f_asked, t=t_asked), target),
            t,
            type(target) if target else None,
            aliases=self.forms(fact.to),
            excluded=[*involved, *self.same_as(fact.to)],
            category=category,
        )
        if fact.date:
            self.ask_date(fact, "when", ask_when.format(f=f_asked, t=t_asked), fact.date)

    def designation(self, fact: DesignationFact) -> None:
        target, act = self.name(fact.target), fact.action.value
        asked = self.label(fact.target)
        when = f", {FuzzyDate.parse(fact.date).spoken()}" if fact.date else ""
        self.ask_name(
            fact,
            "who",
            f"Which authority {act} {asked} ({fact.list_}{when})?",
            fact.authority,
            None,
            pool=self.authorities,
            category=Category.DESIGNATION,
        )
        kind = type(self.facts[fact.target]) if fact.target in self.facts else None
        self.ask_name(
            fact,
            "whom",
            _who(
                f"Who was {act} by {fact.authority} ({fact.list_}{when})?",
                self.facts.get(fact.target),
            ),
            target,
            kind,
            aliases=self.forms(fact.target),
            excluded=self.same_as(fact.target),
            category=Category.DESIGNATION,
        )
        if fact.date:
            self.ask_date(
                fact,
                "when",
                f"When was {asked} {act} by {fact.authority} ({fact.list_})?",
                fact.date,
            )

    def statement(self, fact: StatementFact) -> None:
        speaker = self.speaker(fact)
        by = self.facts.get(fact.by) if fact.by else None
        pool = self.speakers_and.get(type(by), self.speakers) if by is not None else self.speakers
        category = TYPE_CATEGORY.get(type(by), Category.OBJECTIVE) if by else Category.OBJECTIVE
        self.ask_name(
            fact,
            "who",
            f"Who says: “{_clause(fact.claim)}”?",
            speaker,
            None,
            pool=pool,
            category=category,
        )
        if fact.about:
            self.recall(
                fact,
                "what",
                f"What is said about {fact.about}, according to {speaker}?",
                fact.claim,
                Category.OBJECTIVE,
            )


def _rename_groups(facts: Sequence[Fact]) -> dict[str, frozenset[str]]:
    """For each fact renamed (or renamed to), every fact id of its chain of renamings."""
    parent: dict[str, str] = {}

    def root(fact_id: str) -> str:
        while parent.get(fact_id, fact_id) != fact_id:
            fact_id = parent[fact_id]
        return fact_id

    for fact in facts:
        if isinstance(fact, RelationFact) and fact.relation is RelationKind.RENAME:
            for old in fact.from_:
                parent[root(old)] = root(fact.to)
    chains: dict[str, set[str]] = {}
    for fact_id in list(parent) + [p for p in parent.values()]:
        chains.setdefault(root(fact_id), set()).add(fact_id)
    return {fact_id: frozenset(chain) for chain in chains.values() for fact_id in chain}


def draw_cards(facts: Sequence[Fact], written: Sequence[Card] = ()) -> list[Card]:
    """The cards drawn from a deck file's facts, none asking what a written card asks."""
    return Drawing(facts, (question_of(card) for card in written)).draw()
