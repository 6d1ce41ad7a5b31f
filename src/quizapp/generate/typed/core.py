"""The shared pieces of reading one document into typed facts: a proposal, the reader's
state, ids, and finding known names in a sentence in time linear in its words."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.generate.dates import DateMention
from quizapp.generate.document import Document, Sentence
from quizapp.generate.entities import Entity
from quizapp.quiz.text import strip_accents

FactMap = dict[str, Any]


# Names of governments, agencies, courts and laws: never a group fact, never a target.
_AUTHORITY_WORDS = re.compile(
    r"\b(?:Department|Secretary|Treasury|Government|Court|Act|Order|Office|Ministry|Attorney"
    r"|United Nations|Register|Law|Section|Agency|Bureau|Spokesperson|Spokesman|Embassy"
    r"|Parliament|Senate|House of|Commission|Coordinator|Ambassador|Police|Service|Center|Centre"
    r"|Command|Chiefs|Partnership|Community of|Security Council|Institute|University|Bank"
    r"|Fund|Administration|Research|Sanctions Committee|Coalition Forces|Security Forces)\b"
    r"|^(?:U\.?S\.?|UN|United States|State|White House|Congress|NATO|EU|European Union"
    r"|African Union|ECOWAS|AU)$"
)


_SUBJECT = re.compile(r"\b(?:[Tt]he (?:group|organi[sz]ation|movement)|[Ii]ts?|[Tt]hey)\b")


@dataclass
class Proposal:
    """One typed fact, its confidence, and the names the scorer and other facts know it by."""

    fact: FactMap
    confidence: float
    names: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.fact["id"])


@dataclass
class _Reader:
    """The state of reading one document: groups named so far, the dateline, proposals."""

    document: Document
    proposals: dict[str, Proposal] = field(default_factory=dict)
    entity_ids: dict[str, str] = field(default_factory=dict)
    group_names: list[tuple[str, str]] = field(default_factory=list)
    person_names: list[tuple[str, str]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    alias_ids: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None
    heading_sources: dict[str, Sentence] = field(default_factory=dict)
    group_index: _NameIndex | None = None
    place_index: _NameIndex | None = None
    place_names: list[tuple[str, str]] = field(default_factory=list)
    places_used: set[str] = field(default_factory=set)
    all_index: _NameIndex | None = None
    word_sentences: dict[str, list[int]] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    designations: dict[tuple[str, str, str], Proposal] = field(default_factory=dict)
    # the release's own acts read before any dateline of its passage ("I hereby designate",
    # then "Dated: ..." at the foot): dated by the next dateline
    undated_acts: list[Proposal] = field(default_factory=list)
    author_names: set[str] = field(default_factory=set)  # a report's authors (names.py)
    events: dict[str, list[tuple[Proposal, set[str]]]] = field(default_factory=dict)
    # the same events by year, for an event told at another precision (see events._events_at)
    events_by_year: dict[str, list[tuple[Proposal, set[str]]]] = field(default_factory=dict)
    relations: dict[tuple[str, tuple[str, ...], str], FactMap] = field(default_factory=dict)
    statements: list[tuple[set[str], Proposal]] = field(default_factory=list)
    last_group: str | None = None
    # the one person the sentence read last named, whom a "He"/"She" opening the next stands for
    last_person: str | None = None
    section: str | None = None  # the profile section a heading just opened ("Strength")
    about_group: bool = True  # the sentence read last was about a group (see propose_facts)
    spelling_lookup: dict[str, str] | None = None
    dateline: DateMention | None = None

    def group_by_spelling(self, name: str) -> str | None:
        """The group a name stands for, spelled alike (its own name or acronym before another
        group's alias)."""
        if self.spelling_lookup is None:
            own: dict[str, str] = {}
            other: dict[str, str] = {}
            for proposal in self.proposals.values():
                if proposal.fact["type"] != "group":
                    continue
                for known in (proposal.fact["name"], proposal.fact.get("acronym")):
                    if known:
                        own.setdefault(_spelling_key(str(known)), proposal.id)
                for known in proposal.names:
                    other.setdefault(_spelling_key(known), proposal.id)
            self.spelling_lookup = {**other, **own}
        return self.spelling_lookup.get(_spelling_key(name))

    def source(self, sentence: Sentence) -> dict[str, str]:
        return {"doc": self.document.name, "quote": sentence.quote}

    def add(self, proposal: Proposal) -> None:
        if proposal.id not in self.proposals:
            self.proposals[proposal.id] = proposal


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens (for readable ids)."""
    # accents transliterated (Zürich -> zurich), not dropped with their letter
    folded = strip_accents(text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))[:limit].strip("-") or "x"


def fact_id(document: str, kind: str, key: str, quote: str = "") -> str:
    """`<doc>-<kind>-<key>-<hash>`: readable, stable for the same text, unique enough."""
    digest = hashlib.sha1(f"{document}\n{kind}\n{key}\n{quote}".encode()).hexdigest()[:6]
    return f"{slug(Path(document).stem, 20)}-{kind}-{slug(key, 30)}-{digest}"


def _date_value(mention: DateMention) -> str:
    """A decade becomes the range the fact format uses (`1990s` → `1990/1999`)."""
    if mention.value.endswith("s"):
        start = int(mention.value[:4])
        return f"{start}/{start + 9}"
    return mention.value


def _mentions(reader: _Reader, name: str) -> int:
    """How many readable sentences name it (by its last word, as a surname is named)."""
    return len(reader.word_sentences.get(name.split()[-1], ()))


def _spelling_key(name: str) -> str:
    """Names that differ only in hyphens, spaces, apostrophes, case or a transliteration's
    final "h" ("Jemaah Islamiyah", "Jemaah Islamiya") are one name."""
    return re.sub(r"[\W_]+", "", re.sub(r"(?<=[aeiou])h\b", "", name.casefold()))


_WORD = re.compile(r"[\w\u2018\u2019\u02bc`'.-]+")


_PARTICLE = re.compile(r"^(?:[Aa][lnrstdz]|[Aa]sh|[Ee]l)-")


def _with_particle_case(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each name, and a name opening with an Arabic article in its other case too (a sentence
    begins "Al-Murabitoun ..." where the middle of one writes "al-Murabitoun"), and a name
    written in capitals in title case too (five letters or more: not an acronym)."""
    found: list[tuple[str, str]] = []
    for name, ident in names:
        found.append((name, ident))
        if _PARTICLE.match(name):
            found.append((name[0].swapcase() + name[1:], ident))
        elif len(name) >= 5 and name.isupper() and name.replace(" ", "").isalpha():
            found.append((name.title(), ident))  # "HAMAS" in a title, "Hamas" in the text
    return found


_RECENT_TEXTS = 8


class _NameIndex:
    """Names by their first word, so finding every known name in a sentence costs the
    sentence's words, not the number of names (linear in the document)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        for name, ident in _with_particle_case(names):
            first = _WORD.match(name)
            if first is not None and first.end() > 0:
                self.by_first.setdefault(first.group(0), []).append((name, ident))
        for entries in self.by_first.values():
            entries.sort(key=lambda item: -len(item[0]))
        # the last few texts asked about and their names: each rule asks for the names of the
        # sentence it reads (or a part of it), one after the other, so a few remembered
        # answers save most of the scans; bounded, so memory stays flat
        self._recent: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def find(self, text: str) -> list[tuple[int, str]]:
        return [(start, ident) for start, _, ident in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, fact id) of every known name in `text`, longest first, no overlap."""
        known = self._recent.get(text)
        if known is not None:
            return list(known)
        found = self._scan(text)
        if len(self._recent) >= _RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]  # the oldest
        self._recent[text] = tuple(found)
        return found

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        covered = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < covered or (
                start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-")
            ):
                continue
            for name, ident in self._candidates(word.group(0)):
                end = start + len(name)
                if text.startswith(name, start) and (
                    end == len(text) or not (text[end].isalnum() or text[end] in "-_")
                ):
                    found.append((start, end, ident))
                    covered = end
                    break
        return found

    def _candidates(self, word: str) -> list[tuple[str, str]]:
        """Names starting with this word (a trailing full stop or possessive ignored)."""
        entries = self.by_first.get(word)
        if entries is not None:
            return entries
        if word.endswith("."):
            return self.by_first.get(word[:-1], [])
        for suffix in ("'s", "\u2019s", "'", "\u2019"):
            if word.endswith(suffix):
                return self.by_first.get(word[: -len(suffix)], [])
        return []


def _groups_in(reader: _Reader, text: str, *, people: bool = False) -> list[tuple[int, str]]:
    """(position, fact id) of every group (and person) named in `text` (longest names first,
    no overlap)."""
    if reader.group_index is None or reader.all_index is None:
        reader.group_index = _NameIndex(reader.group_names)
        reader.all_index = _NameIndex([*reader.group_names, *reader.person_names])
    return (reader.all_index if people else reader.group_index).find(text)
