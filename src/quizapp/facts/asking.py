"""Asking about facts: a date, a name or a recall, with fair wrong answers from the file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from quizapp.facts.clashes import designation_clashes
from quizapp.facts.distractors import (
    WANT,
    DatePool,
    FigurePool,
    NamePool,
    date_distractors,
    name_distractors,
)
from quizapp.facts.figures import numbers_in
from quizapp.facts.lineage import build_lineage, date_key
from quizapp.facts.links import moment, relation_keys, rename_groups
from quizapp.facts.text import normalise
from quizapp.facts.wording import People, answer_of, gives_away, question_of
from quizapp.model.cards import BasicCard, Card, Category, ChoiceCard, Status, TypedCard
from quizapp.model.common import Source
from quizapp.model.dates import MONTHS, FuzzyDate, PartialDate
from quizapp.model.facts import (
    NAMED_TYPES,
    DesignationFact,
    EventFact,
    Fact,
    FactStatus,
    PersonFact,
    PlaceFact,
    RelationFact,
    StatementFact,
    fact_name,
)

# How a question names a source document (its metadata's `cite_as` or title), None if unknown.
Cite = Callable[[str], str | None]


class Asker:
    """What every template needs: the file's facts by id, pools of wrong answers built once,
    and the ways to ask (a date, a name, a recall); `taken` holds the questions already asked."""

    def __init__(
        self, facts: Sequence[Fact], taken: Iterable[str] = (), cite: Cite | None = None
    ) -> None:
        self.facts = {fact.id: fact for fact in facts}
        self._cite = cite
        self.taken = {normalise(q) for q in taken}
        # Pools are built once per file: a question then costs the same in any size of deck.
        self.dates = DatePool(FuzzyDate.parse(f.date) for f in facts if f.date is not None)
        # facts some authority lists: on a list's question each may be a second right answer
        # (the GIA and the GSPC were named in one annex), so a list's question draws its wrong
        # answers from the others only (`unlisted`)
        listed = {f.target for f in facts if isinstance(f, DesignationFact)}
        names: dict[type, list[str]] = {}
        unlisted: dict[type, list[str]] = {}
        for fact in facts:
            if isinstance(fact, NAMED_TYPES):
                names.setdefault(type(fact), []).append(fact.name)
                if fact.id not in listed:
                    unlisted.setdefault(type(fact), []).append(fact.name)
        self.names = {kind: NamePool(found) for kind, found in names.items()}
        # how many facts of a type give each other name: "Which group is also known as the
        # Front?" has two answers when two groups are
        self.alias_owners = Counter(
            (type(fact), normalise(alias.name))
            for fact in facts
            if isinstance(fact, NAMED_TYPES)
            for alias in {normalise(a.name): a for a in fact.aliases}.values()
        )
        self.unlisted = {kind: NamePool(found) for kind, found in unlisted.items()}
        # One pool per kind of figure: a count of the displaced is no wrong answer to how
        # many were killed, nor a force's strength (another kind gives the answer away).
        by_kind: dict[str, list[str]] = {}
        for fact in facts:
            if isinstance(fact, EventFact):
                for kind, value in fact.figures.items():
                    by_kind.setdefault(kind, []).append(value)
        self.figures = {kind: FigurePool(values) for kind, values in by_kind.items()}
        self.authorities = NamePool(f.authority for f in facts if isinstance(f, DesignationFact))
        self.located = NamePool(
            f.located_in for f in facts if isinstance(f, PlaceFact) and f.located_in
        )
        # Who else speaks in the file, by type: the only fair wrong answers to "who says"
        # (a speaker given as text is never offered: nothing says who else holds the view).
        spoken: dict[type, list[str]] = {}
        for fact in facts:
            by = self.facts.get(fact.by) if isinstance(fact, StatementFact) and fact.by else None
            if isinstance(by, NAMED_TYPES):
                spoken.setdefault(type(by), []).append(by.name)
        self.speakers = {kind: NamePool(found) for kind, found in spoken.items()}
        self.people = People(f.name for f in facts if isinstance(f, PersonFact))
        # what each speaker says about each subject: "What is said about X, according to Y?"
        # has one answer only when Y says one thing about X (drawn as a card or not)
        said: dict[tuple[str, str], set[str]] = {}
        for fact in facts:
            if isinstance(fact, StatementFact) and fact.about:
                about = (normalise(fact.about), normalise(self.speaker(fact)))
                said.setdefault(about, set()).add(normalise(fact.claim))
        self.claims_about = {about: len(claims) for about, claims in said.items()}
        dated = [f for f in facts if isinstance(f, EventFact) and f.date is not None]
        # A state ("still holds two hostages") is no point in a timeline: kept out of order cards
        events = [f for f in dated if not f.state]
        self.events = sorted(events, key=lambda f: (FuzzyDate.parse(f.date or "").sort_key(), f.id))
        self.event_years = [FuzzyDate.parse(f.date or "").start.year for f in self.events]
        self.renamed = rename_groups(facts)
        # when each group began (founded, or made by a split, merger or rename): a group that
        # did not yet exist is no wrong answer to what happened before it
        self.began = {
            normalise(n.name): date_key(n.began) for n in build_lineage(facts).nodes if n.began
        }
        self.relatives: dict[str, list[str]] = {}
        for fact in facts:
            if isinstance(fact, RelationFact):
                sides = (*fact.from_, fact.to)
                for side in sides:
                    self.relatives.setdefault(side, []).extend(o for o in sides if o != side)
        # "What happened in 1982 in Lebanon?" has no single answer when two events share both;
        # "What was the case as of ...?" none when two states do
        moments = Counter((f.state, moment(f)) for f in dated)
        self.ambiguous_moments = {key for key, count in moments.items() if count > 1}
        # ... and "What happened in 2007?" none when another event falls within 2007, nor
        # "What happened on 5 April 2012?" when an event is dated only to April 2012
        self.ambiguous_moments |= {(False, moment(f)) for f in _containing(self.events)}
        # relations that share a side: the other side has several right answers
        self.relation_groups: dict[tuple[object, ...], list[RelationFact]] = {}
        for fact in facts:
            if isinstance(fact, RelationFact):
                for key in relation_keys(fact):
                    self.relation_groups.setdefault(key, []).append(fact)
        self.designation_clashes = designation_clashes(facts)
        self.place_by_name = {f.name: f for f in facts if isinstance(f, PlaceFact)}
        self.places_in: dict[str, list[str]] = {}
        for place in self.place_by_name.values():
            if place.located_in:
                self.places_in.setdefault(place.located_in, []).append(place.name)
        # the question of each drawn card (by key), with the answer it expects; a question
        # two facts ask with different answers has two right answers, and neither is drawn
        self.asked: dict[str, Answer] = {}
        self.clashing: set[str] = set()
        self.cards: list[tuple[str, Card]] = []

    # ----- helpers

    def places_around(self, fact_id: str) -> list[str]:
        """The places a place lies in and those lying in it (`located_in`): "Lebanon" is no
        wrong answer where "Beirut" is right."""
        place = self.facts.get(fact_id)
        if not isinstance(place, PlaceFact):
            return []
        around = list(self.places_in.get(place.name, ()))
        parent = place.located_in
        while parent and parent not in around and len(around) < 32:
            around.append(parent)
            outer = self.place_by_name.get(parent)
            parent = outer.located_in if outer else None
        return around

    def begun_by(self, iso: str) -> Callable[[str], bool]:
        """Whether a group (by name) had begun by `iso`, or its start is unknown: one that did not
        yet exist is no wrong answer to what happened then ("2011" is after "2008-02-20";
        "2013" is not after "2013-12-18": within one year it cannot tell). Asked of the few
        names sampled for a question, not of every group of the file."""
        when = date_key(iso)
        return lambda name: self.began.get(normalise(name), when) <= when

    def related(self, fact_id: str) -> list[str]:
        """Facts on the other side of a relation with `fact_id` (its splinters, mergers,
        allegiances): a list's designation often names them too, as aliases or successors."""
        return self.relatives.get(fact_id, [])

    def same_as(self, fact_id: str) -> list[str]:
        """Names of the facts `fact_id` is through renamings (the GSPC is AQIM renamed): never a
        wrong answer for it."""
        return [self.name(other) for other in self.renamed.get(fact_id, ()) if other != fact_id]

    def name(self, fact_id: str) -> str:
        fact = self.facts.get(fact_id)
        return fact_id if fact is None else fact_name(fact)

    def label(self, fact_id: str) -> str:
        """How a question names another fact: by its acronym when it has one (so the question
        does not spell out what that fact's acronym card asks), else by its name."""
        fact = self.facts.get(fact_id)
        if isinstance(fact, NAMED_TYPES) and fact.acronym:
            return fact.acronym
        return self.name(fact_id)

    def forms(self, fact_id: str) -> list[str]:
        """Other accepted answers for a fact: its acronym and aliases."""
        fact = self.facts.get(fact_id)
        if not isinstance(fact, NAMED_TYPES):
            return []
        acronym = [fact.acronym] if fact.acronym else []
        return [*acronym, *(alias.name for alias in fact.aliases)]

    def names_of(self, fact_ids: Sequence[str], *, labels: bool = False) -> str:
        names = [self.label(i) if labels else self.name(i) for i in fact_ids]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def as_of(self, fact: Fact) -> str:
        """A state's date as a question says it ("December 2014")."""
        return FuzzyDate.parse(fact.date or fact.as_of or "").spoken()

    def doc_giving(self, fact: Fact, field: str, value: str) -> str:
        """The document that gives `value` for a disputed field: the dispute entry naming it,
        else the source whose quote shows it."""
        for dispute in fact.disputed:
            if dispute.field == field and normalise(dispute.value) == normalise(value):
                return dispute.doc
        return quote_showing(fact, value).doc

    def cited_as(self, doc: str) -> str | None:
        """How the deck names a source document (its metadata's `cite_as`), None if unknown."""
        return self._cite(doc) if self._cite is not None else None

    def cite(self, doc: str) -> str:
        """How a question names a document: its citation name, else its file name."""
        return self.cited_as(doc) or doc.rsplit(".", 1)[0]

    def speaker(self, fact: StatementFact) -> str:
        return self.name(fact.by) if fact.by else fact.attributed_to or fact.id

    def whose(self, fact: Fact, field: str, value: str) -> str:
        """ "According to <source>, " when the fact has a caveat and the field is the source's
        (not corrected): the instructor doubts or qualifies it (an early count, a date the
        record gives otherwise), so the card teaches whose value it is, not the value as
        settled; else nothing."""
        if not fact.caveat or any(d.field == field for d in fact.disputed):
            return ""
        if field == "date":
            source = next((s for s in fact.sources if _dates(s.quote, fact.date or "")), None)
        else:
            source = quote_showing(fact, value)
            wanted = Counter(numbers_in(value))
            if wanted - Counter(numbers_in(source.quote)) and _plain(value) not in _plain(
                source.quote
            ):
                source = None
        # a source that does not state the value (the caveat gives the outside record) is
        # never named as giving it
        return f"According to {self.cite(source.doc)}, " if source is not None else ""

    def disputed(self, fact: Fact, field: str) -> list[str]:
        return [d.value for d in fact.disputed if d.field == field]

    def add(self, card: Card, accepted: Sequence[str] = ()) -> None:
        """Keep a card unless another card (written, or drawn from a fact saying the same)
        already asks its question: a deck never asks one thing twice. When two facts draw one
        question with different answers ("When was X designated by A (FTO)?" of two dates,
        "When did this happen: a raid?" of two raids), it has two right answers: no card asks
        it. `accepted` are other forms of the answer ("State Department" for "U.S. Department
        of State", "2007" for "11 December 2007"): two facts giving one answer in two forms
        ask one question."""
        key = normalise(question_of(card))
        if key in self.taken:
            return
        fact = self.facts.get(card.fact or "")
        if fact is not None and card.id.partition("/")[2] in fact.unasked:
            return  # the instructor says another file's fact would answer it too
        if self.answered(key, Answer.of(answer_of(card), accepted)):
            self.cards.append((key, card))

    def answered(self, key: str, answer: Answer) -> bool:
        """Note that a fact answers the question `key` with `answer`; whether it is the first
        to ask it. A fact whose card is not drawn (it would say its answer) still answers the
        question another fact's card asks."""
        earlier = self.asked.get(key)
        if earlier is None:
            self.asked[key] = answer
            return True
        if not earlier.same(answer):
            self.clashing.add(key)
        return False

    def drawn(self) -> list[Card]:
        """The cards added, but none whose question another fact answers otherwise."""
        return [card for key, card in self.cards if key not in self.clashing]

    def base(
        self, fact: Fact, template: str, category: Category, *, shows: str = ""
    ) -> dict[str, Any]:
        """The fields every drawn card has: its id from (fact, template), its fact, a source:
        the first quote that `shows` what the card tests (a figure, an alias), else the first."""
        return {
            "id": f"{fact.id}/{template}",
            "category": category,
            "source": quote_showing(fact, shows),
            "tags": fact.tags,
            "fact": fact.id,
            # a generated fact (not yet checked by an instructor) draws generated cards
            "status": Status.GENERATED if fact.status is FactStatus.GENERATED else Status.REVIEWED,
        }

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
                question=question,
                answer=answer,
                choices=(answer, *wrong),
                **self.base(fact, template, Category.DATE),
            ),
            coarser(date),
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
        fits: Callable[[str], bool] | None = None,
        category: Category = Category.NAME,
        named: str = "",
        source: Source | None = None,
    ) -> None:
        """Multiple choice among names of the same type, or typed when there are too few; no
        card when the question already says the answer ("Where: ... in Beirut?"); `named` is
        the alias an alias question names on purpose."""
        if gives_away(question, [answer, *(a for a in aliases if a != named)]):
            self.answered(normalise(question), Answer.of(answer, aliases))
            return
        empty = NamePool(())
        names = pool if pool is not None else self.names.get(kind, empty) if kind else empty
        field = "name" if template in {"alias", "acronym"} else template
        banned = [*aliases, *excluded, *self.disputed(fact, field)]
        wrong = name_distractors(answer, names, banned, f"{fact.id}/{template}", fits)
        base = self.base(fact, template, category, shows=named)
        if source is not None:  # the quote that states what the card asks
            base["source"] = source
        if len(wrong) >= WANT - 1:
            card: Card = ChoiceCard(
                question=question, answer=answer, choices=(answer, *wrong), **base
            )
        else:
            card = TypedCard(question=question, answer=answer, aliases=tuple(aliases), **base)
        self.add(card, aliases)

    def recall(
        self, fact: Fact, template: str, question: str, answer: str, category: Category
    ) -> None:
        base = self.base(fact, template, category, shows=answer)
        self.add(BasicCard(question=question, answer=answer, **base))


class Answer(msgspec.Struct, frozen=True, gc=False):
    """A card's answer and the forms a student may give it in, as keys (`normalise`d)."""

    text: str
    forms: frozenset[str]

    @classmethod
    def of(cls, text: str, accepted: Iterable[str] = ()) -> Answer:
        key = normalise(text)
        return cls(key, frozenset({key, *map(normalise, accepted)}))

    def same(self, other: Answer) -> bool:
        """Whether two facts give one answer: one's answer is a form of the other's (a date
        within the other's: "2007" and "11 December 2007"), not only a form both share (two
        days of December 2007)."""
        return self.text in other.forms or other.text in self.forms


def coarser(date: FuzzyDate) -> list[str]:
    """A date as said at each coarser precision ("December 2007", "2007" for "11 December
    2007"): the same answer, less precisely."""
    start = date.start
    if date.is_range or not start.month:
        return []
    month = [PartialDate(start.year, start.month)] if start.day else []
    return [part.spoken() for part in (*month, PartialDate(start.year))]


def overlaps(one: FuzzyDate, other: FuzzyDate) -> bool:
    """Whether one date lies within the other (2007 and 2007-04-11): then neither their order
    nor "what happened then" is well defined."""
    a, b = one.start.iso(), other.start.iso()
    return a.startswith(b) or b.startswith(a)


def _containing(events: Sequence[EventFact]) -> list[EventFact]:
    """Events (sorted by date) whose date, not a range, holds another event's date at a finer
    precision, and the events held, at the same place or with no place to tell them apart:
    "What happened in April 2012?" has two answers, and so has "What happened on 5 April
    2012?" (the event of April 2012 may be of that day)."""
    found: dict[str, EventFact] = {}
    for index, event in enumerate(events):
        date = FuzzyDate.parse(event.date or "")
        if date.is_range:
            continue
        prefix = date.start.iso()
        for other in events[index + 1 :]:
            start = FuzzyDate.parse(other.date or "").start.iso()
            if not start.startswith(prefix):
                if start[:4] > prefix[:4]:
                    break
                continue
            if event.place is None or other.place in (None, event.place):
                found.setdefault(event.id, event)
                found.setdefault(other.id, other)
    return list(found.values())


def period_clashes(facts: Sequence[Fact]) -> set[str]:
    """Ids of the (not state) events whose "What happened <then> <there>?" another event of
    `facts` also answers: the same moment, or a date within the other's. A deck file's drawing
    sees only its own facts, so a course checks its files together with this."""
    dated = [f for f in facts if isinstance(f, EventFact) and f.date is not None and not f.state]
    events = sorted(dated, key=lambda f: (FuzzyDate.parse(f.date or "").sort_key(), f.id))
    moments = Counter(moment(f) for f in events)
    same = {f.id for f in events if moments[moment(f)] > 1}
    return same | {f.id for f in _containing(events)}


def quote_showing(fact: Fact, text: str) -> Source:
    """The fact's first source whose quote contains `text` (case and typographic apostrophes
    and quotes aside), else whose quote states all the numbers `text` does ("15 AQIM members,
    along with four Nigerien soldiers" in "15 AQIM members were eventually killed, along with
    four Nigerien soldiers"), so a card on a figure or an alias cites the sentence that says it;
    the first source when none does or `text` is empty. A list of other names ("aka ...; ...")
    or a short heading may back a fact, but never replaces its first quote."""
    wanted = _plain(text)
    if not wanted:
        return fact.sources[0]
    shown = [source for source in fact.sources if _shows_text(source.quote)]
    for source in shown:
        if wanted in _plain(source.quote):
            return source
    numbers = Counter(numbers_in(text))
    if numbers:
        for source in shown:
            if not numbers - Counter(numbers_in(source.quote)):
                return source
    return fact.sources[0]


def quote_stating(fact: Fact, texts: Sequence[str], *, headings: bool = False) -> Source | None:
    """The fact's first quote that states every one of `texts` as words (case, accents and
    punctuation aside), None when no quote does: a card asking what an acronym stands for
    shows a sentence with both, an alias card one with the alias. A list of other names
    ("aka ...; ...") is never shown; a short line ("Armed Islamic Group (GIA)") only with
    `headings`."""
    keys = [f" {normalise(text)} " for text in texts if normalise(text)]
    for source in fact.sources:
        if _NAME_LIST.match(source.quote) or not (headings or _shows_text(source.quote)):
            continue
        said = f" {normalise(source.quote)} "
        if all(key in said for key in keys):
            return source
    return None


def _dates(quote: str, date: str) -> bool:
    """Whether a quote states a date, at least in part: its year, or its month by name (a
    yearly report's "On April 22")."""
    try:
        start = FuzzyDate.parse(date).start
    except ValueError:
        return False
    if re.search(rf"\b{start.year}\b", quote):
        return True
    return bool(start.month) and MONTHS[start.month - 1] in quote


def _shows_text(quote: str) -> bool:
    """Whether a quote may be shown in place of the first: a sentence, or a line long enough
    to be one (a list item of the profile: "The attacks kill at least 30 and wounding dozens"),
    and no list of other names."""
    quote = quote.rstrip()
    if _NAME_LIST.match(quote):
        return False
    return quote.endswith(_SENTENCE_ENDS) or len(quote.split()) >= _LINE_WORDS


def _plain(text: str) -> str:
    return text.translate(_TYPOGRAPHIC).casefold()


# A line of at least this many words is text, not a heading.
_LINE_WORDS = 6
_NAME_LIST = re.compile(r"(?:aka|a\.k\.a\.)\s", re.IGNORECASE)
_SENTENCE_ENDS = (".", "!", "?", '."', ".\u201d", "?\u201d", ".)", ".\u2019")
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
