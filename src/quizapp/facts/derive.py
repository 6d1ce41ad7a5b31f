"""Templates: each fact type makes a small family of cards, with ids `FACTID/TEMPLATE`.

Progress is keyed on card ids, so a drawn card's id depends only on its fact's id and its
template: editing a fact's text keeps every student's progress. The cards of one fact are
siblings (their `fact` is the fact's id): never on the same day, buried together.

Choices are computed here, once per deck file, from the file's facts (see `distractors`), so
the compiled deck cache holds them and a warm start draws nothing.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from quizapp.facts.asking import Answer, Asker, Cite, overlaps, quote_showing, quote_stating
from quizapp.facts.clashes import start_of
from quizapp.facts.distractors import FigurePool, NamePool, figure_distractors
from quizapp.facts.figures import Figure, leading_figure, numbers_in, parse_figure
from quizapp.facts.links import moment, relation_keys
from quizapp.facts.text import normalise
from quizapp.facts.wording import (
    ALIAS_SUBJECT,
    DESIGNATION_PHRASES,
    RELATION_PHRASES,
    ROLE_SUBJECT,
    TYPE_CATEGORY,
    People,
    authority_forms,
    clause,
    gives_away,
    initials_of,
    question_of,
    span,
    spelling_of,
    spoken_in,
    surname,
    who_or_which,
)
from quizapp.model.cards import Card, Category, ChoiceCard, OrderCard, OrderItem, TypedCard
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import (
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
)

__all__ = ["TEMPLATES", "Drawing", "draw_cards", "question_of"]

# Every template a fact type may use (a template makes a card only when its fields are there).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "event": ("when", "what", "where", "figure.KEY", "order"),
    "person": ("acronym", "alias", "role", "role-N"),
    "group": ("acronym", "alias", "role", "role-N", "founded", "founder"),
    "place": ("acronym", "alias", "role", "role-N", "where"),
    "relation": ("from", "to", "when"),
    "designation": ("who", "whom", "when"),
    "statement": ("who", "what"),
}

ORDER_ITEMS = 4
# A claim longer than this is no answer a student can give from memory ("What is said about
# the PKK, according to ...?" of a 200-character sentence): its "who says" card teaches it.
LONGEST_RECALLED = 120


class Drawing(Asker):
    """Draws the cards of one deck file's facts: one method per fact type."""

    def draw(self) -> list[Card]:
        for fact in self.facts.values():
            if fact.status is FactStatus.REJECTED:  # kept in the file, asked nowhere
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
        return self.drawn()

    def event(self, fact: EventFact) -> None:
        what = clause(fact.what)
        place = f" in {self.label(fact.place)}" if fact.place else ""
        if fact.date is not None and fact.state:
            # a state of affairs: the months around its date may be as true as its date, so
            # no "when"; ask what the source saw then
            if (True, moment(fact)) not in self.ambiguous_moments:
                question = f"what was the case{place} as of {self.as_of(fact)}?"
                if fact.actors:  # many things were the case then: name whose state it asks
                    about = self.names_of(fact.actors, labels=True)
                    question = f"what was true of {about}{place} as of {self.as_of(fact)}?"
                if self.disputed(fact, "what"):  # corrected: not in the source's words
                    question = question[0].upper() + question[1:]
                else:
                    question = f"According to {self.cite(fact.sources[0].doc)}, {question}"
                self.recall(fact, "what", question, fact.what, Category.CONCEPT)
        elif fact.date is not None:
            date = FuzzyDate.parse(fact.date)
            whose = self.whose(fact, "date", "")
            asked = f"{whose}when did this happen: {what}?" if whose else ""
            self.ask_date(fact, "when", asked or f"When did this happen: {what}?", fact.date)
            on = "on" if date.precision == 3 and not date.is_range else "in"
            if (False, moment(fact)) not in self.ambiguous_moments:
                asked = f"what happened {on} {date.spoken()}{place}?"
                self.recall(
                    fact,
                    "what",
                    f"{whose}{asked}" if whose else asked[0].upper() + asked[1:],
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
                excluded=self.places_around(fact.place),
                pool=pool,
                category=Category.PLACE,
            )
        for key, value in fact.figures.items():
            self.figure(fact, key, value, what)
        if fact.date is not None and not fact.state:
            self.order(fact)

    def figure(self, fact: EventFact, key: str, value: str, what: str) -> None:
        template = f"figure.{key}"
        question = f"{how_many(key)}: {what}?"
        if fact.state and (fact.date or fact.as_of):
            question = f"as of {self.as_of(fact)}, {question}"
        field = f"figures.{key}"
        if any(d.field == field for d in fact.disputed):
            # sources disagree: the card asks whose figure it teaches
            question = f"according to {self.cite(self.doc_giving(fact, field, value))}, {question}"
        else:  # a caveat doubts or qualifies it (an early count): whose figure it is
            question = self.whose(fact, field, value) + question
        question = question[0].upper() + question[1:]
        answer = parse_figure(value)
        if answer is None:
            self.recall(fact, template, question, value, Category.FIGURE)
            return
        excluded = [f for v in self.disputed(fact, field) if (f := leading_figure(v))]
        # the fact's other figures (6,300 of an authorized 12,640) and the other numbers of the
        # sentence shown with the answer ("killed 28 people and injured 56") are no choices
        near = [f for k, v in fact.figures.items() if k != key and (f := leading_figure(v))]
        shown_quote = quote_showing(fact, value).quote
        near += [Figure(n, "", n, n, False) for n in numbers_in(shown_quote) if n != answer.value]
        shown = value
        if answer.qualifier and (answer.low == 0 or math.isinf(answer.high)):
            # "at least 60": "at least 30" would be as true, and only larger bounds would be
            # fair (so the smallest choice would always be right); the question says the
            # qualifier and every choice is a bare number, the one the source writes
            shown = value.strip()[len(answer.qualifier) :].strip()
            question = f"{question[:-1]} (given as “{answer.qualifier} …”)?"
            near += excluded
            excluded = []
            answer = parse_figure(shown) or answer
        pool = self.figures.get(key, FigurePool(()))
        wrong = [
            same_case(text, shown)
            for text in figure_distractors(answer, pool, excluded, f"{fact.id}/{template}", near)
        ]
        base = self.base(fact, template, Category.FIGURE, shows=value)
        self.add(
            ChoiceCard(
                question=question,
                answer=shown,
                choices=(shown, *wrong),
                **base,
            )
        )

    def order(self, fact: EventFact) -> None:
        """This event among the dated events nearest it, one per date."""
        assert fact.date is not None
        here = FuzzyDate.parse(fact.date)
        items = {here.sort_key(): OrderItem(text=clause(fact.what), date=here.start.iso())}
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
            if any(overlaps(date, FuzzyDate.parse(item.date)) for item in items.values()):
                continue  # 2007 and 2007-04-11 have no order to find
            items.setdefault(
                date.sort_key(), OrderItem(text=clause(other.what), date=date.start.iso())
            )
        if len(items) < 2:
            return
        base = self.base(fact, "order", Category.DATE)
        prompt = f"Put in order: {clause(fact.what)}, and the events around it"
        self.add(OrderCard(prompt=prompt, items=tuple(items.values()), **base))

    def named(self, fact: PersonFact | GroupFact | PlaceFact) -> list[str]:
        """The cards every person, group and place may have: acronym, alias, roles. Returns
        its other accepted names (aliases, acronym)."""
        aliases = [a.name for a in fact.aliases]
        # a card shows a sentence that says what it asks: the acronym beside the name
        stated = (
            quote_stating(fact, [fact.acronym, fact.name], headings=True) if fact.acronym else None
        )
        if fact.acronym and stated is not None and not gives_away(fact.name, [fact.acronym]):
            base = {**self.base(fact, "acronym", Category.NAME), "source": stated}
            question = f"What does {fact.acronym} stand for?"
            typed = [*aliases, *spelled_out(fact.name)]
            self.add(TypedCard(question=question, answer=fact.name, aliases=tuple(typed), **base))
        # an alias that is part of the name ("Arieff" for "Alexis Arieff"), another spelling of
        # it ("al-Qa'ida" for "al-Qaeda", "Ansar Dine") or its initials ("MUJWA") would say the
        # answer; an alias no quote of the fact states is not asked (nothing shows it), nor one
        # another fact of the type also has (two right answers)
        asked = next(
            (
                a
                for a in aliases
                if not gives_away(fact.name, [a])
                and self.alias_owners[(type(fact), normalise(a))] == 1
                and not spelling_of(a, fact.name)
                and not initials_of(a, fact.name)
                and quote_stating(fact, [a]) is not None
            ),
            None,
        )
        if asked is not None:
            self.ask_name(
                fact,
                "alias",
                f"{ALIAS_SUBJECT[type(fact)]} is also known as {asked}?",
                fact.name,
                type(fact),
                aliases=aliases,
                # the same group under another name (GSPC for AQIM) is no wrong answer
                excluded=self.same_as(fact.id),
                named=asked,
                category=TYPE_CATEGORY[type(fact)],
                source=quote_stating(fact, [asked]),
            )
        forms = [*aliases, *([fact.acronym] if fact.acronym else [])]
        self.roles(fact, forms)
        return forms

    def person(self, fact: PersonFact) -> None:
        self.named(fact)

    def roles(self, fact: PersonFact | GroupFact | PlaceFact, aliases: Sequence[str]) -> None:
        """One card per role: who (which group, which place) held it, of what, when."""
        who = ROLE_SUBJECT[type(fact)]
        for number, role in enumerate(fact.roles, start=1):
            of = f" of {self.label(role.of)}" if role.of else ""
            when = f" ({FuzzyDate.parse(role.date).spoken()})" if role.date else ""
            when = when or span(role.from_, role.to)
            template = "role" if number == 1 else f"role-{number}"
            self.ask_name(
                fact,
                template,
                f"{who} {role.role}{of}{when}?",
                fact.name,
                type(fact),
                aliases=aliases,
                category=TYPE_CATEGORY[type(fact)],
            )

    def group(self, fact: GroupFact) -> None:
        self.named(fact)
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
        self.named(fact)
        # "Where is Algiers?" says "Algeria": a place named like the place it lies in
        if fact.located_in and not named_alike(fact.name, fact.located_in):
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
        from_key, to_key = relation_keys(fact)
        first = self.facts.get(fact.from_[0])
        # Others sharing the `to` side: their `from` is also a right answer, unless the date
        # tells them apart; likewise the other way round.
        others_from = [o for o in self.relation_groups[from_key] if o is not fact]
        asked = who_or_which(ask_from.format(f=f_asked, t=t_asked), first)
        question = self.told_apart(asked, fact, others_from)
        if question == asked and fact.date and fact.relation is RelationKind.ALLEGIANCE:
            # many groups pledge allegiance to al-Qaeda, if not in this file: say which pledge
            question = f"{asked[:-1]} ({FuzzyDate.parse(fact.date).spoken()})?"
        if question is not None and len(fact.from_) == 1:
            self.ask_name(
                fact,
                "from",
                question,
                f,
                type(first) if first else None,
                aliases=self.forms(fact.from_[0]),
                excluded=[*involved, *self.same_as(fact.from_[0]), *self.sides(others_from, 0)],
                category=category,
            )
        elif question is not None:
            self.recall(fact, "from", question, f, category)
        others_to = [o for o in self.relation_groups[to_key] if o is not fact]
        target = self.facts.get(fact.to)
        asked = who_or_which(ask_to.format(f=f_asked, t=t_asked), target)
        question = self.told_apart(asked, fact, others_to)
        if question is not None:
            self.ask_name(
                fact,
                "to",
                question,
                t,
                type(target) if target else None,
                aliases=self.forms(fact.to),
                excluded=[*involved, *self.same_as(fact.to), *self.sides(others_to, 1)],
                category=category,
            )
        if fact.date:
            self.ask_date(fact, "when", ask_when.format(f=f_asked, t=t_asked), fact.date)

    def voice_of_its_document(self, fact: StatementFact, speaker: str) -> bool:
        """Whether a speaker given as text is only the document the claim is quoted from ("the
        group profile", or its authors: "Laub and Masters (CFR backgrounder)"), or one no quote
        names: a report's own assessment, attributed to its publisher ("ETA finances its
        activities through extortion", the U.S. Department of State). Asking who says it asks
        which document a sentence is in, not a fact about the subject. A speaker the text
        names ("analysts say", "according to the U.S. State Department") is asked."""
        whole = normalise(speaker)
        inside = speaker.rstrip()
        inside = normalise(inside[inside.rfind("(") + 1 : -1]) if inside.endswith(")") else ""
        cited = {normalise(self.cite(source.doc)) for source in fact.sources}
        named = spoken_in(speaker, [source.quote for source in fact.sources])
        return whole in cited or inside in cited or not named

    def told_apart(self, question: str, fact: Fact, others: Sequence[Fact]) -> str | None:
        """The question, with the fact's date when other facts would answer it too; None when
        not even the date tells them apart (then the question has several right answers): an
        other has no date, or its date lies within this one's ("Who led the GIA (1995)?" is
        also answered by who led it from March 1995)."""
        if not others:
            return question
        if fact.date is None or any(o.date is None for o in others):
            return None
        asked = start_of(fact.date) or ""
        if any((start_of(o.date) or "").startswith(asked) for o in others):
            return None
        return f"{question[:-1]} ({FuzzyDate.parse(fact.date).spoken()})?"

    def sides(self, relations: Sequence[RelationFact], side: int) -> list[str]:
        """Names on one side (0: from, 1: to) of other relations: right answers elsewhere."""
        names: list[str] = []
        for other in relations:
            ids = other.from_ if side == 0 else (other.to,)
            names += [self.name(i) for i in ids]
        return names

    def designation(self, fact: DesignationFact) -> None:
        target = self.name(fact.target)
        asked = self.label(fact.target)
        when = f", {FuzzyDate.parse(fact.date).spoken()}" if fact.date else ""
        ask_who, ask_whom, ask_when = DESIGNATION_PHRASES[fact.action]
        words = {"t": asked, "a": fact.authority, "l": fact.list_, "d": when}
        clashes = self.designation_clashes
        if fact.id not in clashes.who:  # no other authority did the same to it that day
            self.ask_name(
                fact,
                "who",
                ask_who.format(**words),
                fact.authority,
                None,
                # the person who acted for the authority (Kerry for the State Department)
                aliases=[*authority_forms(fact.authority), *acting(fact.acted_by, self.people)],
                pool=self.authorities,
                category=Category.DESIGNATION,
            )
        kind = type(self.facts[fact.target]) if fact.target in self.facts else None
        if fact.id not in clashes.whom:  # no other group listed by it on that list that day
            self.ask_name(
                fact,
                "whom",
                who_or_which(ask_whom.format(**words), self.facts.get(fact.target)),
                target,
                kind,
                aliases=self.forms(fact.target),
                excluded=[
                    *self.same_as(fact.target),
                    *(self.name(other) for other in self.related(fact.target)),
                ],
                pool=self.unlisted.get(kind, NamePool(())) if kind else None,
                fits=self.begun_by(fact.date) if fact.date else None,
                category=Category.DESIGNATION,
            )
        if fact.date:
            self.ask_date(
                fact,
                "when",
                ask_when.format(**{**words, "d": ""}),
                fact.date,
            )

    def statement(self, fact: StatementFact) -> None:
        speaker = self.speaker(fact)
        by = self.facts.get(fact.by) if fact.by else None
        named = isinstance(by, GroupFact | PlaceFact | PersonFact)
        voice = not named and self.voice_of_its_document(fact, speaker)
        # quotation marks say the words are the speaker's: a reworded claim goes without them
        said = clause(fact.claim)
        quoted = any(f" {normalise(said)} " in f" {normalise(s.quote)} " for s in fact.sources)
        question = who_or_which(f"Who says: “{said}”?" if quoted else f"Who says this: {said}?", by)
        if isinstance(by, GroupFact | PlaceFact):
            # wrong answers: other groups that speak in this file, never one under another name
            self.ask_name(
                fact,
                "who",
                question,
                speaker,
                None,
                aliases=self.forms(by.id),
                excluded=self.same_as(by.id),
                pool=self.speakers.get(type(by), NamePool(())),
                category=TYPE_CATEGORY[type(by)],
            )
        elif isinstance(by, PersonFact):
            # another person of the file may well have said the same (officials repeat one
            # another, and the file cannot tell who works with whom): the name is typed, the
            # person's other names and surname accepted
            forms = [*self.forms(by.id), *surname(speaker, self.people)]
            if not gives_away(question, [speaker, *self.forms(by.id)]):
                base = self.base(fact, "who", Category.PERSON)
                card = TypedCard(question=question, answer=speaker, aliases=tuple(forms), **base)
                self.add(card, forms)
            else:  # not asked, but still an answer to who says it
                self.answered(normalise(question), Answer.of(speaker, forms))
        elif voice:
            pass  # the document's own voice: the card would ask which document it is in
        elif not gives_away(question, [speaker]):
            # a speaker given as text ("U.S. officials", "analysts"): nothing in the file says
            # who else holds the view, so no one is offered as wrong; the student recalls it
            self.recall(fact, "who", question, speaker, Category.OBJECTIVE)
        about = (normalise(fact.about or ""), normalise(speaker))
        if fact.about and len(fact.claim) <= LONGEST_RECALLED and self.claims_about[about] == 1:
            # the document's own voice is named as the document, when its citation is known
            # ("the State Department's Country Reports on Terrorism 2014", not "the source
            # document" nor only its publisher)
            cited = self.cited_as(fact.sources[0].doc) if voice else None
            self.recall(
                fact,
                "what",
                f"What is said about {fact.about}, according to {cited or speaker}?",
                fact.claim,
                Category.OBJECTIVE,
            )


def draw_cards(
    facts: Sequence[Fact], written: Sequence[Card] = (), cite: Cite | None = None
) -> list[Card]:
    """The cards drawn from a deck file's facts, none asking what a written card asks; `cite`
    names a source document in a question ("According to the group profile, ...")."""
    return Drawing(facts, (question_of(card) for card in written), cite).draw()


def same_case(text: str, like: str) -> str:
    """`text` with its first letter in the case of `like`'s: a figure written as a list item
    opens with a capital ("Five"), and the one capitalised choice must not be the answer."""
    if not text or not like or not text[0].isalpha() or not like[0].isalpha():
        return text
    first = text[0].upper() if like[0].isupper() else text[0].lower()
    return first + text[1:]


_SPELLED = (("UN", "United Nations"), ("U.S.", "United States"), ("US", "United States"))


def spelled_out(name: str) -> list[str]:
    """The name with a short form of a word group spelt out, as a student may type it: "UN
    Multidimensional ... Mission in Mali" is also "United Nations Multidimensional ..."."""
    forms = []
    for short, full in _SPELLED:
        if name.startswith(short + " "):
            forms.append(full + name[len(short) :])
    return forms


def acting(names: Sequence[str], people: People) -> list[str]:
    """The names of who acted for an authority, each also without middle initials and by
    surname, as a typed answer accepts a person's."""
    forms: list[str] = []
    for name in names:
        forms += [name, *surname(name, people)]
    return forms


def named_alike(place: str, around: str) -> bool:
    """Whether a place's name begins like the place it lies in ("Algiers" in "Algeria", "Tunis"
    in "Tunisia"): among the choices, the answer is the one that looks like the question."""
    a, b = normalise(place).replace(" ", ""), normalise(around).replace(" ", "")
    return len(a) >= 3 and len(b) >= 3 and (a[:3] == b[:3] or spelling_of(place, around))


_PARTICIPLES = frozenset({"held", "hurt", "taken", "shot", "kept", "seen"})


def how_many(key: str) -> str:
    """A figure's key as a question: "killed" is "how many were killed", "journalists_killed"
    "how many journalists were killed", a count of things ("hostages", "uniformed_personnel")
    "how many hostages"."""
    words = key.split("_")
    last = words[-1]
    if last.endswith("ed") or last in _PARTICIPLES:
        counted = " ".join(words[:-1])
        return f"how many {counted} were {last}" if counted else f"how many were {last}"
    return f"how many {' '.join(words)}"
