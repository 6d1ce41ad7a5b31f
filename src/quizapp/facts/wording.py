"""How drawn cards are worded, and when a question would say its own answer."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from quizapp.facts.text import normalise
from quizapp.model.cards import (
    BasicCard,
    Card,
    Category,
    ChoiceCard,
    ClozeCard,
    MatchCard,
    OrderCard,
    TypedCard,
)
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import DesignationAction, GroupFact, PersonFact, PlaceFact, RelationKind

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
# (ask the authority, ask the target, ask when): {t} target, {a} authority, {l} list, {d} date
DESIGNATION_PHRASES: dict[DesignationAction, tuple[str, str, str]] = {
    DesignationAction.DESIGNATED: (
        "Which authority designated {t} ({l}{d})?",
        "Who was designated by {a} ({l}{d})?",
        "When was {t} designated by {a} ({l}{d})?",
    ),
    DesignationAction.AMENDED: (
        "Which authority amended the listing of {t} ({l}{d})?",
        "Whose listing did {a} amend ({l}{d})?",
        "When did {a} amend the listing of {t} ({l}{d})?",
    ),
    DesignationAction.DELISTED: (
        "Which authority delisted {t} ({l}{d})?",
        "Who was delisted by {a} ({l}{d})?",
        "When was {t} delisted by {a} ({l}{d})?",
    ),
    DesignationAction.REVOKED: (
        "Which authority revoked the designation of {t} ({l}{d})?",
        "Whose designation did {a} revoke ({l}{d})?",
        "When did {a} revoke the designation of {t} ({l}{d})?",
    ),
}
TYPE_CATEGORY = {
    PersonFact: Category.PERSON,
    GroupFact: Category.GROUP,
    PlaceFact: Category.PLACE,
}
ALIAS_SUBJECT = {PersonFact: "Who", GroupFact: "Which group", PlaceFact: "Which place"}
ROLE_SUBJECT = {PersonFact: "Who was", GroupFact: "Which group was", PlaceFact: "Which place was"}


def who_or_which(question: str, answer: object) -> str:
    """ "Who" only when the answer is a person (or unknown): a group or place gets "Which
    group" / "Which place" ("To whom" becomes "To which group", "Whose" "Which group's")."""
    if isinstance(answer, PersonFact) or answer is None:
        return question
    noun = "place" if isinstance(answer, PlaceFact) else "group"
    for who, which in (
        ("Who ", f"Which {noun} "),
        ("To whom ", f"To which {noun} "),
        ("Whose ", f"Which {noun}'s "),
    ):
        if question.startswith(who):
            return which + question[len(who) :]
    return question.replace("With whom ", f"With which {noun} ", 1)


def gives_away(question: str, answers: Sequence[str]) -> bool:
    """Whether the question contains the answer (or one of its other names) as words."""
    asked = f" {normalise(question)} "
    return any(len(key) > 1 and f" {key} " in asked for key in map(normalise, answers))


def span(start: str | None, end: str | None) -> str:
    """` (from 2004)`, ` (2004\u20132020)`, ` (until 2020)` or nothing."""
    first = FuzzyDate.parse(start).spoken() if start else None
    last = FuzzyDate.parse(end).spoken() if end else None
    if first and last:
        return f" ({first}\u2013{last})"
    if first:
        return f" (from {first})"
    return f" (until {last})" if last else ""


def clause(text: str) -> str:
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


def answer_of(card: Card) -> str:
    """What a card expects, for telling two cards' answers apart: an order card's items in
    their order, a match card's pairs."""
    if isinstance(card, BasicCard | ChoiceCard | TypedCard):
        return card.answer
    if isinstance(card, ClozeCard):
        return card.text
    if isinstance(card, OrderCard):
        return "; ".join(f"{item.text} {item.date}" for item in card.items)
    return "; ".join(f"{pair.left} {pair.right}" for pair in card.pairs)


_COUNTRY = re.compile(r"^(?:the )?(?:U\.S\.|US|United States)\s+", re.IGNORECASE)
_DEPARTMENT = re.compile(r"^(?:Department of (?:the )?(?P<of>[\w ]+)|(?P<x>\w+) Department)$")


def authority_forms(name: str) -> list[str]:
    """Other ways to write an authority that a typed answer must accept: "U.S. Department of
    State" is as well "State Department", "U.S. State Department", "Department of State"; an
    authority with a parenthesis ("U.S. President (Executive Order 13224)") is also itself
    without it."""
    forms: list[str] = []
    bare = name.split(" (", 1)[0].strip()
    if bare != name:
        forms.append(bare)
    core = _COUNTRY.sub("", bare)
    us = core != bare
    if us:
        forms.append(core)
    found = _DEPARTMENT.match(core)
    if found:
        subject = found.group("of") or found.group("x")
        # the department's head acts for it: the Secretary of State signs FTO designations
        head = f"Secretary of {'the ' if subject == 'Treasury' else ''}{subject}"
        for form in (f"Department of {subject}", f"{subject} Department", f"{subject} Dept", head):
            forms.append(form)
            if us:
                forms += [f"U.S. {form}", f"US {form}", f"United States {form}"]
    return [form for form in dict.fromkeys(forms) if normalise(form) != normalise(name)]


def authority_key(name: str) -> str:
    """One key for the ways an authority is written: "U.S. Department of State", "State
    Department" and "Department of State (FTO)" are one authority, "U.S. Department of the
    Treasury" another."""
    core = _COUNTRY.sub("", name.split(" (", 1)[0].strip())
    found = _DEPARTMENT.match(core)
    if found:
        return f"department of {normalise(found.group('of') or found.group('x'))}"
    return normalise(core)


_CITED = re.compile(r"\s+(?:cited|quoted)\s+(?:by|in)\s.*$", re.IGNORECASE)
_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")
_JOINT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
_TITLE = re.compile(
    r"^(?:Gen|General|Adm|Admiral|Col|Colonel|Dr|Mr|Mrs|Ms|Prof|Sen|Senator|Rep|President"
    r"|Secretary|Ambassador)\.?\s+"
)


def spoken_in(speaker: str, quotes: Sequence[str]) -> bool:
    """Whether a quote names a speaker given as text: as written, without what it adds in
    parentheses or after "cited by" ("analysts cited by the CFR backgrounder" are "analysts"),
    as an authority's other usual names ("State Department"), or one of several speakers
    ("Hillary Clinton and Gen. Carter Ham": "Carter Ham"). A speaker no quote names is the
    document's own voice: the publisher of a report its assessments are attributed to."""
    bare = _CITED.sub("", speaker.split(" (", 1)[0]).strip()
    forms = [speaker, bare, *authority_forms(bare)]
    for part in _JOINT.split(bare):
        forms += [part, _TITLE.sub("", part)]
    keys = {f" {key} " for key in map(normalise, forms) if key}
    said = [f" {normalise(quote)} " for quote in quotes]
    if any(key in quote for quote in said for key in keys):
        return True
    # by its initials: "according to CRS" names the Congressional Research Service
    capitals = {word for quote in quotes for word in _CAPITALS.findall(quote)}
    return any(initials_of(word, form) for word in capitals for form in forms)


def initials_of(short: str, name: str) -> bool:
    """Whether `short` is made of the initials of `name`'s words ("MUJWA" of "Movement for
    Unity and Jihad in West Africa", small words allowed either way): asking which group is
    also known as it spells out the answer."""
    letters = normalise(short).replace(" ", "")
    words = normalise(name).split()
    if len(letters) < 2 or " " in normalise(short) or len(words) < len(letters):
        return False
    every = "".join(word[0] for word in words)
    big = "".join(word[0] for word in words if word not in _SMALL_WORDS)
    return letters in (every, big)


_SMALL_WORDS = frozenset({"for", "and", "of", "the", "in", "al", "wal", "fi", "to"})


# Two names this alike (after folding case, accents and punctuation) are spellings of one name.
SPELLING_RATIO = 0.8


def spelling_of(name: str, other: str) -> bool:
    """Whether `name` is another spelling of `other` ("al-Qa'ida" / "al-Qaeda", "Ansar Dine" /
    "Ansar al-Dine", "Al-Mourabitoun" / "al-Murabitoun"): asking one for the other gives it."""
    a, b = normalise(name).replace(" ", ""), normalise(other).replace(" ", "")
    return difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


class People:
    """A file's people by name, counted by last name once: whether another person has a
    last name is one look-up, not a pass over everyone for each card."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_name = Counter(names)
        self.by_last: Counter[str] = Counter()
        for name, count in self.by_name.items():
            if words := name.split():
                self.by_last[words[-1]] += count

    def others_called(self, last: str, name: str) -> int:
        """How many people other than `name` (whose last word is `last`) have that last name."""
        return self.by_last[last] - self.by_name[name]


def surname(name: str, people: People) -> list[str]:
    """Shorter names a typed answer accepts for a person: without middle initials ("Martin
    Dempsey" for "Martin E. Dempsey"), and the last name ("Dempsey") when no other person of
    the file has it and it is more than two letters."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = []
    plain = [w for w in words if not (len(w.rstrip(".")) == 1 and w[0].isupper())]
    if len(plain) != len(words) and len(plain) >= 2:
        forms.append(" ".join(plain))
    last = words[-1]
    if len(last) >= 3 and not people.others_called(last, name):
        forms.append(last)
    return forms
