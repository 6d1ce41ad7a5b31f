"""Candidates found by the rules → typed facts (deck format v2), each with a confidence.

The rules in `facts`, `entities`, `dates` and `events` find spans; this module decides what
each one is a fact about: the group a designation targets (never the agency or the law), the
groups a renaming goes from and to, what a dated sentence says happened. "The group", "it"
and "its" stand for the group named last. A fact is a plain mapping in deck-file key order,
`status: generated`, quoting its one sentence verbatim.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.generate import gazetteer as gz
from quizapp.generate.dates import DateContext, DateMention, find_dates
from quizapp.generate.document import Document, Kind, Sentence
from quizapp.generate.entities import Entity, find_entities

FactMap = dict[str, Any]

# Names of governments, agencies, courts and laws: never a group fact, never a target.
_AUTHORITY_WORDS = re.compile(
    r"\b(?:Department|Secretary|Treasury|Government|Court|Act|Order|Office|Ministry|Attorney"
    r"|United Nations|Register|Law|Section|Agency|Bureau|Spokesperson|Spokesman|Embassy"
    r"|Parliament|Senate|House of|Commission|Coordinator|Ambassador|Police|Service|Center|Centre"
    r"|Command|Chiefs|Partnership|Community of|Security Council|Institute|University|Bank"
    r"|Fund|Administration|Research)\b"
    r"|^(?:U\.?S\.?|UN|United States|State|White House|Congress|NATO|EU|European Union"
    r"|African Union|ECOWAS|AU)$"
)
_LISTS = (
    ("FTO", re.compile(r"\bFTOs?\b|Foreign Terrorist Organi[sz]ation", re.I)),
    (
        "SDGT",
        re.compile(
            r"\bSDGTs?\b|Specially Designated Global Terrorist|E\.\s?O\.\s?13224"
            r"|Executive Order\s*(?:\(E\.O\.\)\s*)?13224|Terrorist Financing Executive Order",
            re.I,
        ),
    ),
    ("UN sanctions list", re.compile(r"\bUN\b.{0,40}sanctions|United Nations.{0,60}list", re.I)),
)
# Verbs (and the few nouns that name an act) of listing: "the FTO designation of X" alone
# describes a state, not an act, and is no designation fact.
_DESIGNATION = re.compile(
    r"\b(?:(?P<revoked>revok(?:ed|es|ing)|revocation of)|(?P<delisted>de-?listed|removed from)"
    r"|(?P<amended>amend(?:ed|s|ing)\b|amendments? to|add(?:ed|s)? (?:the )?(?:following )?"
    r"(?:names|new aliases|aliases?)|aliases? (?:have|has) been added)"
    r"|(?P<designated>(?:re)?designat(?:ed|es|ing)\b|redesignation of|listed under))",
    re.I,
)
_NOW = re.compile(
    r"\btoday\b|\b(?:has|have)(?: \w+)? (?:been )?(?:amended|redesignated|designated|revoked|added)"
    r"|\bannounces\b|\bhereby\b",
    re.I,
)
_PEOPLE_TARGET = re.compile(r"\b(?:members|leaders|individuals|persons|people)\b", re.I)
# A "person" whose name holds one of these is an organisation (then a group) ...
_GROUP_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Trust|Students|Movement|Party|League|Foundation|Front|Brigades?"
    r"|Army|Council|Congress|Union|Association|Society|Network|Jamaat|Lashkar|Jaish|Tehrik"
    r"|Tehreek|Harakat|Hizb|Ansar|Jabhat|Katibat)\b"
)
# ... and one holding these is a title, a document or an office: no fact at all.
_NOT_PERSON = re.compile(
    r"\b(?:Register|Act|Order|Security|Consulate|Embassy|Terrorist|Terrorism|Affairs|Forces"
    r"|Province|Republic|Kingdom|Islamic|National|International|Federal|General|Initiative"
    r"|Reports?|Country|Chapter|Index|Transcript|Question|Press|Note|Daily|Briefing|Release"
    r"|Statement|Summary|Overview|Description|Activities|Strength|Funding|Location)s?\b"
)
_SUBJECT = re.compile(r"\b(?:[Tt]he (?:group|organi[sz]ation|movement)|[Ii]ts?|[Tt]hey)\b")
_RELATIONS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, direction, re.compile(pattern, re.I))
    for kind, direction, pattern in (
        # direction "subject>after": the subject becomes/joins the group named after the words.
        ("rename", "subject>after", r"\bchanged (?:its|their) name (?:to|into)\b"),
        ("rename", "subject>after", r"\b(?:henceforth|would|will) be known as\b"),
        ("rename", "subject>after", r"\brenamed (?:itself |themselves )?(?:as |to )?"),
        ("rename", "subject>after", r"\brebrand(?:ed|ing)? (?:itself |themselves )?as\b"),
        ("rename", "subject>after", r"\bre-?launched (?:itself|themselves) as\b"),
        ("rename", "after>subject", r"\bformerly(?: known as)?(?: the)?\b"),
        ("rename", "subject>after", r"\badd(?:ed)? the alias .{0,80}? as its primary name\b"),
        ("rename", "subject>after", r"\blaunched the creation of\b"),
        ("merger", "subject>after", r"\bmerged? (?:with|into)\b|\bjoined forces with\b"),
        (
            "merger",
            "subject>after",
            r"\b(?:announced|formed|declared) (?:the|a|its) (?:union|merger)\b",
        ),
        (
            "allegiance",
            "subject>after",
            r"\b(?:pledged?|swore|sworn) (?:its |their )?(?:allegiance|bay'?a|loyalty)\b(?: to)?"
            r"|\bpledges? of (?:allegiance|loyalty) to\b",
        ),
        (
            "split",
            "after>subject",
            r"\b(?:broke|break|split|splintered) (?:away )?(?:from|with)\b|\boffshoot of\b"
            r"|\bfaction of\b|\bsplinter group of\b|\b(?:emerged|grew out) (?:of|from)\b",
        ),
        (
            "affiliation",
            "subject>after",
            r"\b(?:wing|affiliate|subsidiary|front organi[sz]ation|arm|branch|proxy) of\b"
            r"|\b(?:affiliated|allied|aligned|associated) (?:itself )?with\b|\bin alliance with\b",
        ),
        ("affiliation", "after>subject", r"\b(?:wing|arm|branch|affiliate),\s+(?:the\s+)?"),
    )
)


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
    events: dict[str, list[tuple[Proposal, set[str]]]] = field(default_factory=dict)
    relations: dict[tuple[str, tuple[str, ...], str], FactMap] = field(default_factory=dict)
    statements: list[tuple[set[str], Proposal]] = field(default_factory=list)
    last_group: str | None = None
    dateline: DateMention | None = None

    def source(self, sentence: Sentence) -> dict[str, str]:
        return {"doc": self.document.name, "quote": sentence.quote}

    def add(self, proposal: Proposal) -> None:
        if proposal.id not in self.proposals:
            self.proposals[proposal.id] = proposal


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens (for readable ids)."""
    folded = text.encode("ascii", "ignore").decode().lower()
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


def propose_facts(
    document: Document, *, undated: bool = False, publisher: str | None = None
) -> list[Proposal]:
    """Typed facts for one document, in reading order, with unique ids.

    `undated`: the document has no metadata date, so every fact gets `as_of`, the latest
    explicit date the document gives (what it can be known true as of; check it).
    `publisher`: who speaks in the document (from its metadata), until a heading names another.
    """
    reader = _Reader(document)
    reader.publisher = publisher.split(";")[0].strip() if publisher else None
    readable = [sentence for sentence in document.sentences if sentence.readable]
    titles = _title_names(document)
    reader.texts = [sentence.text for sentence in readable]
    for index, text in enumerate(reader.texts):
        for word in {m.group(0) for m in re.finditer(r"[\w\u2018\u2019'-]+", text)}:
            reader.word_sentences.setdefault(word, []).append(index)
    found = [*_heading_groups(reader, document), *_appositive_groups(reader)]
    known = {_spelling_key(e.name) for e in found}
    found += [e for e in find_entities(reader.texts, titles) if _spelling_key(e.name) not in known]
    for entity in found:
        if entity.kind == "person" and (
            _GROUP_WORDS.search(entity.name) or _named_as_group(reader, entity.name)
        ):
            entity.kind = "group"
    entities = _merge_spellings(found)
    reader.entities = entities
    for entity in entities:
        _entity_fact(reader, entity, readable)
    for alias, ident in reader.alias_ids.items():
        reader.entity_ids.setdefault(alias, ident)
    for name, ident in sorted(reader.entity_ids.items(), key=lambda item: -len(item[0])):
        if reader.proposals[ident].fact["type"] == "group":
            reader.group_names.append((name, ident))
        elif reader.proposals[ident].fact["type"] == "place":
            reader.place_names.append((name, ident))
        elif reader.proposals[ident].fact["type"] == "person":
            reader.person_names.append((name, ident))
            surname = name.split()[-1]
            if " " in name and len(surname) >= 3 and surname not in reader.entity_ids:
                reader.person_names.append((surname, ident))
    context = DateContext()
    latest = ""
    for sentence in document.sentences:
        if sentence.kind is Kind.DATELINE:
            stamped = find_dates(sentence.text, context)
            reader.dateline = stamped[0] if stamped else reader.dateline
            continue
        if sentence.kind is Kind.AKA:
            _aka(reader, sentence)
            continue
        if sentence.kind is Kind.HEADING:
            publisher = next(
                (name for pattern, name in _PUBLISHERS if pattern.search(sentence.text)), None
            )
            reader.publisher = publisher or reader.publisher
            continue
        if not sentence.readable:
            continue
        dates = find_dates(sentence.text, context)
        groups = _groups_in(reader, sentence.text)
        subject = groups[0][1] if groups and groups[0][0] < 40 else reader.last_group
        before = len(reader.proposals)
        used = _designations(reader, sentence, dates, groups, subject)
        used |= _relations(reader, sentence, dates, groups, subject)
        used |= _leadership(reader, sentence, dates, groups, subject)
        spoken = bool(_SPEECH.search(sentence.text)) and _statement(
            reader, sentence, groups, subject, dates, speech_only=True
        )
        hedged = len(reader.proposals) == before and bool(_HEDGE.search(sentence.text))
        if hedged:
            spoken = _statement(reader, sentence, groups, subject, dates, hedged=True)
        if not spoken:
            _events(reader, sentence, [d for d in dates if d not in used], groups)
        if len(reader.proposals) == before:
            _statement(reader, sentence, groups, subject, dates)
        if groups:
            reader.last_group = subject or groups[-1][1]
        latest = max((d.value for d in dates if not d.value.endswith("s")), default=latest)
    _drop_aliases_of_others(reader)
    for proposal in reader.proposals.values():
        # A place alone draws no card: it is worth proposing when an event happened there,
        # or when the document keeps coming back to it.
        if proposal.fact["type"] == "place" and proposal.id not in reader.places_used:
            mentions = _mentions(reader, str(proposal.fact["name"]))
            proposal.confidence = 0.6 if mentions >= 3 else 0.3
    if undated and latest:
        for proposal in reader.proposals.values():
            proposal.fact["as_of"] = latest.split("/")[-1]
    return list(reader.proposals.values())


_NAME_LINE = re.compile(
    r"^(?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|el|e|i|ud|ul)"
    r"(?: (?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|el|e|i|ud|ul))*$"
)


def _title_names(document: Document) -> list[str]:
    """Names the document gives on lines of their own (a title that is only a name, an "aka"
    list): known names of groups, so "X and Y Congress" is read whole."""
    names: list[str] = []
    for sentence in document.sentences:
        if sentence.kind is Kind.AKA:
            body = re.sub(r"^(?i:aka|a\.k\.a\.|also known as)\s*", "", sentence.text)
            names += [" ".join(p.split()) for p in re.split(r"[;,]", body) if " " in p.strip()]
        elif sentence.kind is Kind.HEADING:
            text = re.sub(r"\s*\([A-Z][A-Za-z-]{1,9}\)$", "", sentence.text.strip())
            if (
                1 < len(text.split()) <= 8
                and _NAME_LINE.match(text)
                and not _AUTHORITY_WORDS.search(text)
                and not _NOT_PERSON.search(text)
                and not re.search(
                    r"\b(?:Designations?|Amendments?|Redesignation|Note|Press)\b", text
                )
            ):
                names.append(text)
    return [re.sub(r"^the ", "", name, flags=re.I) for name in names][:500]


_NOT_A_NAME = re.compile(
    r"\b\w+(?:ish|ese|ian|ic)\b(?! (?:of|al|bin|ibn)\b)"
    r"|\b(?:Recent|Basque|Kurdish|Arab|Tamil|Uyghur|Pashtun|Shia|Sunni|Salafi|Marxist|Maoist|Islamist)\b|\b(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Between|During|Since|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|^\w+ing\b|^\w+(?:ish|ian|ese|i)\s+\w+s$"
)


def _drop_aliases_of_others(reader: _Reader) -> None:
    """An alias that is another fact's own name or acronym is that fact, not another name
    (an "aka" list may hold the names a group was renamed to)."""
    owners: dict[str, str] = {}
    for proposal in reader.proposals.values():
        fact = proposal.fact
        if fact["type"] in ("group", "person", "place"):
            for name in (fact["name"], fact.get("acronym")):
                if name:
                    owners.setdefault(_spelling_key(str(name)), proposal.id)
    for proposal in reader.proposals.values():
        aliases = proposal.fact.get("aliases")
        if not aliases:
            continue
        kept = [a for a in aliases if owners.get(_spelling_key(a), proposal.id) == proposal.id]
        if kept:
            proposal.fact["aliases"] = kept
        else:
            del proposal.fact["aliases"]


def _is_role(role: str) -> bool:
    """A role is a noun phrase with a role word ("the group's spokesman"), not a clause."""
    words = {word.lower().strip(".,'\u2019") for word in role.split()}
    return (
        len(role) <= 80
        and not re.search(r"\d", role)
        and bool(words & gz.ROLE_NOUNS)
        and not re.search(r"\b(?:called|said|was|were|is|has|had|announced|claimed)\b", role)
    )


def _mentions(reader: _Reader, name: str) -> int:
    """How many readable sentences name it (by its last word, as a surname is named)."""
    return len(reader.word_sentences.get(name.split()[-1], ()))


_HEADING_GROUP = re.compile(
    r"^(?:The )?(?P<name>[A-Z][\w\u2018\u2019'-]*"
    r"(?: (?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|e|i|ud|ul)){1,7})"
    r" \((?P<acr>[A-Z][A-Za-z-]{1,9})\)(?: (?:Factsheet|Profile|Overview))?$"
)
_APPOSITIVE_GROUP = re.compile(
    r"\b(?:wing|front|party|faction|offshoot|organi[sz]ation),\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w\u2018\u2019'-]+(?: [A-Z][\w\u2018\u2019'-]+){0,4})(?=[,.;]|$)"
)


def _heading_groups(reader: _Reader, document: Document) -> list[Entity]:
    """A title that is only "Name (ACRONYM)": the group the passage is about, when the text
    uses its acronym."""
    found: list[Entity] = []
    for sentence in document.sentences:
        if sentence.kind is not Kind.HEADING:
            continue
        match = _HEADING_GROUP.match(sentence.text.strip())
        if match is None or _AUTHORITY_WORDS.search(match.group("name")):
            continue
        acronym = match.group("acr")
        if not any(re.search(rf"\b{re.escape(acronym)}\b", text) for text in reader.texts):
            continue
        name = match.group("name")
        reader.heading_sources.setdefault(name, sentence)
        found.append(Entity("group", name, -1, acronym=acronym))
    return found


def _appositive_groups(reader: _Reader) -> list[Entity]:
    """ "its political wing, Batasuna": the name after a group noun and a comma is a group."""
    found: dict[str, Entity] = {}
    for index, text in enumerate(reader.texts):
        for match in _APPOSITIVE_GROUP.finditer(text):
            name = match.group("name")
            if not _AUTHORITY_WORDS.search(name) and name not in found:
                found[name] = Entity("group", name, index)
    return list(found.values())


def _named_as_group(reader: _Reader, name: str) -> bool:
    """Whether the text calls the name an organisation ("the organization, NAME", "groups:
    X and NAME", "NAME ... as a Foreign Terrorist Organization")."""
    escaped = re.escape(name)
    pattern = re.compile(
        rf"(?:organi[sz]ations?|groups?|movement|party|front|militia|network|wing)[,:]?\s+"
        rf"(?:the\s+)?(?:[\w\u2019'-]+\s+and\s+)?{escaped}\b"
        rf"|\b{escaped}\s+(?:as\s+(?:an?\s+)?)?(?:Foreign Terrorist Organi[sz]ation|FTO)\b",
        re.I,
    )
    first = name.split()[0]
    return any(
        name in reader.texts[index] and pattern.search(reader.texts[index])
        for index in reader.word_sentences.get(first, ())
    )


def _spelling_key(name: str) -> str:
    """Names that differ only in hyphens, spaces, apostrophes or case are one name."""
    return re.sub(r"[\W_]+", "", name.casefold())


def _merge_spellings(entities: list[Entity]) -> list[Entity]:
    """One group for "Lashkar e-Tayyiba (LeT)", "Lashkar-e-Tayyiba (LET)" and "LeT": the first
    spelling is the name, the others aliases, an acronym that differs only in case is one."""
    kept: list[Entity] = []
    index: dict[str, Entity] = {}
    for entity in entities:
        if entity.kind != "group":
            kept.append(entity)
            continue
        keys = [_spelling_key(entity.name)]
        if entity.acronym:
            keys.append(_spelling_key(entity.acronym))
        owner = next((index[key] for key in keys if key in index), None)
        if owner is None:
            kept.append(entity)
            owner = entity
        else:
            for name in (entity.name, *entity.aliases):
                if _spelling_key(name) != _spelling_key(owner.name) and name not in owner.aliases:
                    owner.aliases.append(name)
            if entity.acronym and not owner.acronym:
                owner.acronym = entity.acronym
            elif entity.acronym and entity.acronym != owner.acronym:
                owner.aliases.append(entity.acronym)
        for key in keys:
            index.setdefault(key, owner)
    return kept


def _entity_fact(reader: _Reader, entity: Entity, readable: list[Sentence]) -> None:
    if entity.kind == "group" and _AUTHORITY_WORDS.search(entity.name):
        return
    if entity.kind == "person" and (
        _NOT_PERSON.search(entity.name) or _AUTHORITY_WORDS.search(entity.name)
    ):
        return
    if entity.kind == "person" and _NOT_A_NAME.search(entity.name):
        return
    if entity.kind == "person" and any(
        other.kind == "group" and entity.name in (other.name, *other.aliases)
        for other in reader.entities
    ):
        return
    index = entity.detail_sentence if entity.detail_sentence is not None else entity.sentence
    sentence = reader.heading_sources.get(entity.name) if index < 0 else readable[index]
    if sentence is None:
        return
    ident = fact_id(reader.document.name, entity.kind, entity.name)
    fact: FactMap = {"id": ident, "type": entity.kind, "name": entity.name}
    confidence = 0.5
    if entity.kind == "group":
        if entity.acronym:
            fact["acronym"] = entity.acronym
            confidence = 0.9
        else:
            confidence = 0.6 if _mentions(reader, entity.name) > 1 else 0.45
    elif entity.kind == "person":
        roles = [role for role in entity.roles if _is_role(role)]
        if roles:
            fact["roles"] = [{"role": role[:120]} for role in roles[:3]]
            confidence = 0.7
        else:
            confidence = 0.6 if _mentions(reader, entity.name) > 1 else 0.45
    else:
        confidence = 0.7 if _mentions(reader, entity.name) > 1 else 0.5
    if entity.aliases:
        fact["aliases"] = list(entity.aliases)
        confidence = max(confidence, 0.7)
    fact["sources"] = [reader.source(sentence)]
    own = (entity.name, *([entity.acronym] if entity.acronym else []))
    names = (*own, *entity.aliases)
    reader.add(Proposal(fact, confidence, names))
    for name in own:
        reader.entity_ids[name] = ident
    for alias in entity.aliases:
        reader.alias_ids.setdefault(alias, ident)


def _aka(reader: _Reader, sentence: Sentence) -> None:
    """An "aka" line: other names of the group the passage is about (the group named last)."""
    owner = reader.last_group or next((ident for _, ident in reader.group_names), None)
    if owner is None:
        return
    body = re.sub(r"^(?i:aka|a\.k\.a\.|also known as)\s*", "", sentence.text)
    aliases = [
        re.sub(r"^(?i:the) ", "", " ".join(part.split())) for part in re.split(r"[;,]", body)
    ]
    proposal = reader.proposals[owner]
    known = {name.casefold() for name in proposal.names}
    fresh = [alias for alias in aliases if alias and alias.casefold() not in known][:40]
    if fresh:
        proposal.fact.setdefault("aliases", [])
        proposal.fact["aliases"] = [*proposal.fact["aliases"], *fresh]
        proposal.names = (*proposal.names, *fresh)
        sources = proposal.fact["sources"]
        if len(sources) < 3:
            sources.append(reader.source(sentence))


_WORD = re.compile(r"[\w\u2018\u2019\u02bc`'.-]+")


class _NameIndex:
    """Names by their first word, so finding every known name in a sentence costs the
    sentence's words, not the number of names (linear in the document)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        for name, ident in names:
            first = _WORD.match(name)
            if first is not None and first.end() > 0:
                self.by_first.setdefault(first.group(0), []).append((name, ident))
        for entries in self.by_first.values():
            entries.sort(key=lambda item: -len(item[0]))

    def find(self, text: str) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
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
                    found.append((start, ident))
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


def _designations(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> set[DateMention]:
    """One designation per target and list: the groups (or people) named before any alias
    the sentence adds, never the agency or the law; "it"/"the group" is the group named last."""
    text = sentence.text
    acts = [
        m
        for m in _DESIGNATION.finditer(text)
        if not re.match(
            r"(?i)designated (?:foreign|terrorist|groups?|global)",
            m.group(0) + " " + text[m.end() : m.end() + 12].lstrip(),
        )
        and not re.search(
            r"(?i)(?:specially|\bas|\bfor) $", text[max(0, m.start() - 12) : m.start()]
        )
        and not re.match(r"(?i)\s+by\s+the\b", text[m.end() : m.end() + 9])
    ]
    lists = [name for name, pattern in _LISTS if pattern.search(text)]
    if not acts or not lists:
        return set()
    priority = ("revoked", "delisted", "amended", "designated")
    match = min(
        acts,
        key=lambda m: priority.index(next(k for k, v in m.groupdict().items() if v)),
    )
    action = next(key for key, value in match.groupdict().items() if value)
    alias_at = re.search(r"\b(?:aliases?|names?)\b", text[match.end() :])
    limit = match.end() + alias_at.start() if alias_at else len(text)
    named = [(p, i) for p, i in _groups_in(reader, text, people=True) if p < limit]
    named = [(p, i) for p, i in named if reader.proposals[i].confidence >= 0.5]
    targets = _targets(reader, text, match, named)
    if not targets and subject is not None:
        targets = [subject]
    if not targets:
        return set()
    about_people = bool(_PEOPLE_TARGET.search(text[match.start() : limit]))
    explicit = [d for d in dates if "-" in d.value or d.value.isdigit()]
    date = min(
        explicit,
        key=lambda d: (
            (d.start - match.end()) if d.start >= match.end() else 2 * (match.start() - d.end) + 1
        ),
        default=None,
    )
    when = _date_value(date) if date is not None else None
    if when is None and _NOW.search(text) and reader.dateline is not None:
        when = reader.dateline.value
    authority = (
        "U.S. Department of the Treasury"
        if re.search(r"\bTreasury\b", text[: match.end()])
        and not re.search(r"\bState\b", text[: match.end()])
        else "United Nations"
        if lists == ["UN sanctions list"]
        else "U.S. Department of State"
    )
    for target in targets:
        for name in lists:
            same = None if about_people else reader.designations.get((target, name, action))
            if same is not None and _same_date(same.fact.get("date"), when):
                _merge_designation(reader, same, sentence, when, about_people)
                continue
            fact: FactMap = {
                "id": fact_id(
                    reader.document.name, "designation", f"{name}-{action}", text + target
                ),
                "type": "designation",
                "authority": authority,
                "list": name,
                "target": target,
                "action": action,
            }
            if when is not None:
                fact["date"] = when
            fact["sources"] = [reader.source(sentence)]
            confidence = 0.8 if when else 0.5
            if about_people:
                confidence = 0.3
            proposal = Proposal(fact, confidence)
            reader.add(proposal)
            if not about_people and (same is None or when is not None):
                reader.designations[(target, name, action)] = proposal
    used = {date} if date is not None else set()
    if not about_people:
        used |= _earlier_acts(reader, sentence, acts, match, dates, targets[:1], lists, authority)
    return used


def _earlier_acts(
    reader: _Reader,
    sentence: Sentence,
    acts: list[re.Match[str]],
    primary: re.Match[str],
    dates: list[DateMention],
    targets: list[str],
    lists: list[str],
    authority: str,
) -> set[DateMention]:
    """A second act the sentence dates by its side ("amends ... the 2001 redesignation of X"):
    a designation of its own, of the same target and lists."""
    used: set[DateMention] = set()
    for act in acts:
        if act is primary:
            continue
        action = next(key for key, value in act.groupdict().items() if value)
        date = next(
            (d for d in dates if 0 <= act.start() - d.end <= 2 or 0 <= d.start - act.end() <= 15),
            None,
        )
        if date is None or "s" in date.value:
            continue
        for target in targets:
            for name in lists:
                fact: FactMap = {
                    "id": fact_id(
                        reader.document.name,
                        "designation",
                        f"{name}-{action}-{date.value}",
                        sentence.text + target,
                    ),
                    "type": "designation",
                    "authority": authority,
                    "list": name,
                    "target": target,
                    "action": action,
                    "date": _date_value(date),
                    "sources": [reader.source(sentence)],
                }
                same = reader.designations.get((target, name, action))
                if same is not None and _same_date(same.fact.get("date"), fact["date"]):
                    continue
                reader.add(Proposal(fact, 0.6))
        used.add(date)
    return used


def _targets(
    reader: _Reader, text: str, match: re.Match[str], named: list[tuple[int, str]]
) -> list[str]:
    """Whom a designation is about: the name just after "designation(s) of" or "designated",
    else the name just before "was designated"; groups before people; at most two."""

    def kind(ident: str) -> str:
        return str(reader.proposals[ident].fact["type"])

    after = [(p, i) for p, i in named if p >= match.end()]
    before = [(p, i) for p, i in named if p < match.start()]
    passive = re.search(
        r"\b(?:was|were|is|are|has been|have been)\s+(?:also\s+)?$", text[: match.start()]
    )
    if passive and before:
        ordered = [before[-1][1]]
    elif after:
        ordered = [i for _, i in after]
        joined = re.match(r"^[^,;.]{0,60}?\band\b", text[after[0][0] :])
        ordered = ordered[:2] if joined else ordered[:1]
    elif before:
        ordered = [before[-1][1]]
    else:
        return []
    groups = [i for i in ordered if kind(i) == "group"]
    chosen = groups or [i for i in ordered if kind(i) == "person"][:1]
    return list(dict.fromkeys(chosen))[:2]


def _same_date(first: object, second: str | None) -> bool:
    """Whether two dates may be the same act: equal, one undated, or one a coarser prefix."""
    if first is None or second is None:
        return True
    a, b = str(first), second
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _merge_designation(
    reader: _Reader, same: Proposal, sentence: Sentence, when: str | None, about_people: bool
) -> None:
    """A second sentence stating the same designation: one fact quoting both, the more
    precise date kept, a little more confidence."""
    fact = same.fact
    if when is not None and len(when) > len(str(fact.get("date") or "")):
        fact["date"] = when
    sources = fact["sources"]
    quote = reader.source(sentence)
    if quote not in sources and len(sources) < 3:
        sources.append(quote)
    if not about_people and fact.get("date"):
        same.confidence = min(0.9, max(same.confidence, 0.8) + 0.05)


_PUBLISHERS = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (
            r"Department of State|Country Reports? on Terrorism|Patterns of Global Terrorism"
            r"|Office of the Spokesperson|Media Note|Press Statement|Daily Press Briefing",
            "U.S. Department of State",
        ),
        (r"Congressional Research Service|\bCRS\b|In Focus", "Congressional Research Service"),
        (r"National Counterterrorism Center|\bNCTC\b", "National Counterterrorism Center"),
        (r"Department of the Treasury|\bOFAC\b", "U.S. Department of the Treasury"),
        (r"Federal Register", "Federal Register"),
    )
)
_SPEECH = re.compile(
    r"\b(?:said|says|noted|notes|stated|warned|told|wrote|writes|writing|argued"
    r"|described|characterized|characterised|according to|(?:announced|claimed|declared) that)\b"
)
_ASSESSMENT = re.compile(
    r"^(?:(?:Since|In|Despite|Today|Currently|Historically|In general)[^,]{0,60},\s+)?"
    r"(?P<subject>[^,;:]{2,60}?)\s+(?:\w+ly\s+)?"
    r"(?:is|are|remains|remain|continues|continue|aims|seeks|finances|operates|raises|maintains"
    r"|wages|uses|relies|receives|holds|does not|has not|has never|has repeatedly|has long"
    r"|seems|appears|enjoys|lacks|controls|conducts|targets|retains|was|were|include|includes)\b"
)
# "The PKK's original goal", "AQIM's objectives": what a group is for, in any tense.
_GROUP_AIM = re.compile(
    r"^(?:The )?(?P<group>.+?)[\u2019']s? (?:\w+ )?(?:goals?|aims?|objectives?|ideology|strategy"
    r"|strength|funding|leadership|membership|purpose)$"
)


def _aim_of_group(reader: _Reader, head: str) -> bool:
    aim = _GROUP_AIM.match(head)
    return aim is not None and any(aim.group("group") == name for name, _ in reader.group_names)


def _statement(
    reader: _Reader,
    sentence: Sentence,
    groups: list[tuple[int, str]],
    subject: str | None,
    dates: Sequence[DateMention] = (),
    *,
    speech_only: bool = False,
    hedged: bool = False,
) -> bool:
    """A claim someone is said to make (a person or group with a verb of speech), or an
    assessment the document makes of a group in the present tense ("ETA finances its
    activities through extortion"), attributed to the document's publisher."""
    text = re.sub(r"^(?:[A-Z][\w/ ]{2,30}[.:])\s+(?=[A-Z])", "", sentence.text)
    speech = _SPEECH.search(text)
    speaker: str | None = None
    confidence = 0.5
    speaking_body: str | None = None
    if speech is not None:
        named = _groups_in(reader, text, people=True)
        people = [(p, i) for p, i in named if reader.proposals[i].fact["type"] == "person"]
        before = [i for p, i in people if p < speech.start()]
        after = [i for p, i in people if 0 <= p - speech.end() <= 40]
        speaker = before[-1] if before else after[0] if after else None
        if speaker is None:
            body = _SPEAKING_BODY.search(text)
            speaking_body = (body.group("who") or body.group("who2")) if body else None
        confidence = 0.6 if speaker or speaking_body else 0.0
    if speaking_body is not None:
        speaker_text: str | None = re.sub(r"^(?i:the) ", "", speaking_body).rstrip(".")
    else:
        speaker_text = None
    if speaker is None and speaker_text is None and speech_only:
        return False
    if speaker is None and speaker_text is None and hedged:
        confidence = 0.5
    elif speaker is None and speaker_text is None:
        found = _ASSESSMENT.match(text)
        if found is None:
            return False
        head = found.group("subject")
        if not (
            _SUBJECT.fullmatch(head.strip())
            or any(head.strip() in (name, f"The {name}") for name, _ in reader.group_names)
            or re.fullmatch(r"(?:The )?(?:group|organi[sz]ation|movement)", head.strip(), re.I)
            or _aim_of_group(reader, head.strip())
        ):
            return False
        if found.group(0).split()[-1] in ("was", "were", "include", "includes") and not (
            _aim_of_group(reader, head.strip())
        ):
            return False  # past tense only for what a group was for
        confidence = 0.5
    claim = text.rstrip(".")
    if speech is not None and (speaker is not None or speaker_text is not None):
        said = re.sub(r"^(?:that\s+)?", "", text[speech.end() :].lstrip(" ,:")).rstrip(".")
        if speech.group(0).startswith("according") and "," in said:
            said = said.split(",", 1)[1].strip()
        if len(said.split()) >= 4:
            claim = said[:1].upper() + said[1:]
    claim = _shorter(claim)
    if len(claim) > 240:
        claim = claim[:240].rsplit(" ", 1)[0] + "\u2026"
    fact: FactMap = {
        "id": fact_id(reader.document.name, "statement", claim[:30], sentence.text),
        "type": "statement",
        "claim": claim,
    }
    if speaker is not None:
        fact["by"] = speaker
    elif speaker_text is not None:
        fact["attributed_to"] = speaker_text
    else:
        fact["attributed_to"] = reader.publisher or "the source document"
        confidence = confidence if reader.publisher else 0.4
    about = subject or reader.last_group
    if about is not None:
        fact["about"] = str(
            reader.proposals[about].fact.get("acronym") or reader.proposals[about].fact["name"]
        )
    explicit = [d for d in dates if not d.value.endswith("s")]
    if explicit:
        fact["date"] = _date_value(explicit[0])
    fact["sources"] = [reader.source(sentence)]
    words = set(re.findall(r"\w+", claim.casefold()))
    for seen, earlier in reader.statements:
        if len(words & seen) >= 0.8 * max(1, min(len(words), len(seen))):
            quote = reader.source(sentence)
            if quote not in earlier.fact["sources"] and len(earlier.fact["sources"]) < 3:
                earlier.fact["sources"].append(quote)
            return True  # the same claim told again: one statement quoting both
    proposal = Proposal(fact, confidence)
    reader.add(proposal)
    reader.statements.append((words, proposal))
    return True


_SPEAKING_BODY = re.compile(
    r"(?:[Aa]ccording to (?P<who>(?:the )?[A-Z][\w.\u2019'-]*"
    r"(?: (?:of |the )?[A-Z][\w.\u2019'-]*){0,6}))"
    r"|(?P<who2>(?:[Tt]he )?[A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,5})"
    r" (?:says|said|stated|noted|warned)\b"
)
# Words that make a dated sentence an assessment someone makes, not an event.
_HEDGE = re.compile(
    r"\b(?:reportedly|seems? to|appears? to|suggests?|is believed|are believed|analysts say"
    r"|reached (?:its|their) (?:height|peak)|the high point|is known to|has been reported)\b"
)


_LED_BY = re.compile(r"\b[Ll]ed by\b")
_HAS_LED = re.compile(
    r"\b(?:has|had|have)\s+(?:\w+\s+)?led\s+(?:the group|it|the organi[sz]ation)?"
)
_LEADER = re.compile(
    r"\b(?:leader|founder|head|chief|emir|commander|spiritual leader|secretary[- ]general)"
    r"(?: of)?\b",
    re.I,
)


def _leadership(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> set[DateMention]:
    """ "Led by P, G ...", "G's leader, P", "its leader, P", "P, the leader of G"."""
    text = sentence.text
    people = [
        (position, ident)
        for position, ident in _groups_in(reader, text, people=True)
        if reader.proposals[ident].fact["type"] == "person"
    ]
    if not people:
        return set()
    has_led = _HAS_LED.search(text)
    led = _LED_BY.search(text)
    leader = _LEADER.search(text)
    person: str | None = None
    group: str | None = None
    if has_led is not None:
        person = next((i for p, i in reversed(people) if p < has_led.start()), None)
        group = next((i for p, i in groups if p >= has_led.end() - 1), None)
        if group is None and re.search(r"(?:the group|it|the organi[sz]ation)$", has_led.group(0)):
            group = reader.last_group
    elif led is not None:
        person = next((i for p, i in people if 0 <= p - led.end() <= 2), None)
        group = next((i for p, i in groups if p > led.end()), None) or subject
    elif leader is not None:
        near = [(abs(p - leader.end()), i) for p, i in people if abs(p - leader.end()) <= 4]
        near += [(abs(leader.start() - p), i) for p, i in people if 0 < leader.start() - p <= 60]
        person = min(near)[1] if near else None
        before = text[max(0, leader.start() - 20) : leader.start()]
        if re.search(r"\b[Ii]ts\s+(?:\w+\s+)?$", before):
            group = subject or reader.last_group
        else:
            group = next(
                (
                    i
                    for p, i in groups
                    if abs(p - leader.end()) <= 5 or 0 < leader.start() - p <= 30
                ),
                None,
            )
    if person is None or group is None:
        return set()
    fact: FactMap = {
        "id": fact_id(reader.document.name, "relation", "leadership", text),
        "type": "relation",
        "relation": "leadership",
        "from": [person],
        "to": group,
    }
    used: set[DateMention] = set()
    if has_led is not None and dates:
        date = min(dates, key=lambda d: abs(d.start - has_led.end()))
        fact["date"] = _date_value(date)
        used.add(date)
    fact["sources"] = [reader.source(sentence)]
    if not _merge_relation(reader, fact):
        reader.add(Proposal(fact, 0.6))
    return used


_SPLINTERS = re.compile(r"\b(?:splinter|breakaway) (?:groups?|factions?)\b|\boffshoots?\b")


def _splinters(
    reader: _Reader, sentence: Sentence, groups: list[tuple[int, str]], subject: str | None
) -> None:
    """ "X and splinter groups Y and Z": a split from X to each of Y and Z."""
    match = _SPLINTERS.search(sentence.text)
    if match is None:
        return
    before = [i for p, i in groups if p < match.start()]
    parent = before[-1] if before else subject
    after: list[tuple[int, str]] = []
    for position, ident in groups:
        if position >= match.end() and all(ident != seen for _, seen in after):
            after.append((position, ident))
    if parent is None or not after:
        return
    chosen = [after[0][1]]
    tail = sentence.text[after[0][0] :]
    if len(after) > 1 and re.match(r"^[^,;.]{0,80}?\band (?:the )?", tail):
        chosen.append(after[1][1])
    for child in dict.fromkeys(chosen):
        if child == parent:
            continue
        fact: FactMap = {
            "id": fact_id(reader.document.name, "relation", f"split-{child}", sentence.text),
            "type": "relation",
            "relation": "split",
            "from": [parent],
            "to": child,
            "sources": [reader.source(sentence)],
        }
        if not _merge_relation(reader, fact):
            reader.add(Proposal(fact, 0.6))


def _merge_relation(reader: _Reader, fact: FactMap) -> bool:
    """The same relation stated again (same kind, from and to): one fact quoting both."""
    key = (str(fact["relation"]), tuple(fact["from"]), str(fact["to"]))
    same = reader.relations.get(key)
    if same is None:
        reader.relations[key] = fact
        return False
    if "date" in fact and "date" not in same:
        same["date"] = fact["date"]
    quote = fact["sources"][0]
    if quote not in same["sources"] and len(same["sources"]) < 3:
        same["sources"].append(quote)
    return True


_CREATED = re.compile(r"\b(?:to (?:form|found|create)|and (?:created|formed|founded)|forming)\b")


def _relations(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> set[DateMention]:
    """Relations the sentence states, at most one per kind: the subject is the group named
    nearest before the words (or "it"/"the group": the group named last), the other the group
    named first after them; "X merged with Y to form Z" goes from X and Y to Z, "broke with Y
    and created Z" from Y to Z."""
    text = sentence.text
    done: set[str] = set()
    used: set[DateMention] = set()
    _splinters(reader, sentence, groups, subject)
    for kind, direction, pattern in _RELATIONS:
        match = pattern.search(text)
        if match is None or kind in done:
            continue
        after = [(p, i) for p, i in groups if p >= match.end()]
        before = [i for p, i in groups if p < match.start()]
        own = before[-1] if before else subject
        pronoun = _SUBJECT.search(text[: match.start()])
        if pronoun and not before:
            own = reader.last_group
        other = after[0][1] if after else None
        sources = [own] if own else []
        created = _CREATED.search(text, match.end())
        if created is not None and kind in ("split", "merger"):
            new = next((i for p, i in after if p >= created.end()), None)
            parents = [i for p, i in after if p < created.start()]
            if kind == "split":
                parent = parents[0] if parents else (reader.last_group if not before else own)
                if re.match(r"\s*(?:the group|it)\b", text[match.end() :]):
                    parent = reader.last_group
                sources, other = ([parent] if parent else []), new
            else:
                sources, other = [*([own] if own else []), *parents], new
            direction = "subject>after"
        sources = [i for i in dict.fromkeys(sources) if i and i != other]
        if not sources or other is None:
            continue
        if direction == "subject>after":
            source_ids, target = sources, other
        else:
            source_ids, target = [other], sources[0]
        if target in source_ids:
            continue
        fact: FactMap = {
            "id": fact_id(reader.document.name, "relation", kind, text),
            "type": "relation",
            "relation": kind,
            "from": source_ids,
            "to": target,
        }
        date = min(dates, key=lambda d: abs(d.start - match.start()), default=None)
        if date is not None:
            fact["date"] = _date_value(date)
            if kind in ("rename", "merger", "split"):
                used.add(date)  # the renaming is the event; a wing's date is another's
        fact["sources"] = [reader.source(sentence)]
        if not _merge_relation(reader, fact):
            reader.add(Proposal(fact, 0.7 if before or after else 0.5))
        done.add(kind)
    return used


_CITATION = re.compile(r"(?:\bAct of|\bLaw|\bStat\.|\bNo\.)\s*$|\($")


_CLAUSE_BREAK = re.compile(r",? but |; |, while |, whereas |, and (?=in |on |by |the |a )|\. ")
EVENT_SENTENCE_CAP = 400


def _events(
    reader: _Reader, sentence: Sentence, dates: Iterable[DateMention], groups: list[tuple[int, str]]
) -> None:
    """One event per date of the sentence, except a date that cites a law ("Act of 1996",
    "(1996)"); the same event told again (same date, mostly the same words) is one fact
    quoting both sentences. A sentence longer than the cap (legal boilerplate) gives none."""
    text = sentence.text
    dates = list(dates)
    if len(text) > EVENT_SENTENCE_CAP:
        return
    for date in dates:
        if _CITATION.search(text[max(0, date.start - 12) : date.start]):
            continue
        what = _what(text, date, several=len(dates) > 1)
        what = _resolve_subject(reader, what)
        if len(what.split()) < 3:
            continue
        value = _date_value(date)
        words = set(re.findall(r"\w+", what.casefold()))
        same = next(
            (
                p
                for p, seen in reader.events.get(value, [])
                if len(words & seen) >= 0.6 * max(1, min(len(words), len(seen)))
            ),
            None,
        )
        if same is not None:
            quote = reader.source(sentence)
            if quote not in same.fact["sources"] and len(same.fact["sources"]) < 3:
                same.fact["sources"].append(quote)
            continue
        fact: FactMap = {
            "id": fact_id(reader.document.name, "event", date.value, text),
            "type": "event",
            "what": what,
            "date": value,
        }
        actors = list(dict.fromkeys(ident for _, ident in groups))[:3]
        if actors:
            fact["actors"] = actors
        place = next(
            (
                ident
                for position, ident in _places_in(reader, what)
                if re.search(r"\b(?:in|near|at|outside)\s+(?:the\s+)?$", what[:position])
            ),
            None,
        )
        if place is not None:
            fact["place"] = place
            reader.places_used.add(place)
            fact["what"] = _without_place(what, str(reader.proposals[place].fact["name"]))
        fact["sources"] = [reader.source(sentence)]
        proposal = Proposal(fact, 0.6 if not date.relative else 0.5)
        reader.add(proposal)
        reader.events.setdefault(value, []).append((proposal, words))


def _without_place(what: str, place: str) -> str:
    """What happened, without "in PLACE(, Country)": the where card asks for it."""
    pattern = (
        rf"\s+(?:in|near|at|outside)\s+(?:the\s+)?{re.escape(place)}"
        rf"(?:,\s+[A-Z][\w\u2019'-]+)?(?!\s+(?:and|or)\b)"
    )
    shorter = re.sub(pattern, "", what, count=1)
    return shorter if len(shorter.split()) >= 4 else what


def _places_in(reader: _Reader, text: str) -> list[tuple[int, str]]:
    """Place facts named in the text, in order, with their positions."""
    if reader.place_index is None:
        reader.place_index = _NameIndex(reader.place_names)
    return reader.place_index.find(text)


_APPOSITIVE = re.compile(
    r"^(?P<head>[A-Z][\w\u2019'-]*(?: [A-Z][\w\u2019'-]*){0,4}), (?:a|an|the) [^.;]{5,160}?, "
    r"(?=(?:[a-z]+ed|has|had|is|was|remains)\b)"
)
_LATE_CLAUSE = re.compile(
    r",? (?:though|although|prior to|after which|when it|in which|so that|while)\b"
)


def _shorter(text: str) -> str:
    """A long sentence's main clause: no "[PDF]" note, no appositive after the subject
    ("Mali, a ... nation ..., gained"), no trailing "though/when it ..." clause past 100
    characters."""
    text = text.replace(" [PDF]", "")
    text = _APPOSITIVE.sub(lambda m: m.group("head") + " ", text, count=1)
    if len(text) > 100:
        late = _LATE_CLAUSE.search(text, 40)
        if late is not None:
            text = text[: late.start()].rstrip(" ,")
    return text


def _resolve_subject(reader: _Reader, what: str) -> str:
    """ "The group ..." / "It ..." at the start of what happened: the group named last."""
    match = re.match(r"(?:The (?:group|organi[sz]ation)|It)\b(?!')", what)
    if match is None or reader.last_group is None:
        return what
    fact = reader.proposals[reader.last_group].fact
    name = str(fact.get("acronym") or fact["name"])
    return name + what[match.end() :]


def _what(text: str, date: DateMention, *, several: bool = False) -> str:
    """The sentence without its date phrase: what happened then, as the text says it; with
    several dates (or a long sentence), only the clause that holds this date."""
    if several or len(text) > 160:
        start = 0
        for cut in _CLAUSE_BREAK.finditer(text):
            if cut.end() <= date.start:
                start = cut.end()
            elif cut.start() >= date.end:
                text = text[: cut.start()]
                break
        shift = start
        text = text[start:]
        date = DateMention(
            date.value, date.phrase, date.start - shift, date.end - shift, date.relative
        )
    label = re.match(r"^[A-Z][\w/ ]{2,30}:\s+(?=[A-Z])", text)
    if label is not None and label.end() <= date.start:
        text = text[label.end() :]
        date = DateMention(
            date.value, date.phrase, date.start - label.end(), date.end - label.end()
        )
    participle = re.match(r"^(?:[A-Z][a-z]+ed|Composed|Based)\b[^,]{0,60},\s+(?=[a-zA-Z])", text)
    if (
        participle is not None
        and not re.match(r"^(?:Founded|Formed|Established|Created|Launched)\b", text)
        and participle.end() <= date.start
    ):
        text = text[participle.end() :]
        date = DateMention(
            date.value, date.phrase, date.start - participle.end(), date.end - participle.end()
        )
    lead = re.match(
        r"^(?P<verb>Founded|Formed|Established|Created|Launched)\b[^,]{0,90}?,\s+"
        r"(?:the\s+)?(?P<subject>[A-Z][\w\u2019'-]*(?: [A-Z][\w\u2019'-]*){0,5})\s",
        text,
    )
    if lead is not None:
        if date.end <= lead.end():
            before_subject = re.sub(r",\s+(?:the\s+)?$", "", text[: lead.start("subject")])
            phrase = text[: date.start] + before_subject[date.end :]
            phrase = re.sub(r"\s+(?:in|on)\s*(?=\s|,|$)", "", phrase).strip(" ,")
            phrase = phrase[:1].lower() + phrase[1:]
            return f"{lead.group('subject')} was {' '.join(phrase.split())}"
        shift = lead.start("subject")
        text = text[shift:]
        date = DateMention(
            date.value, date.phrase, date.start - shift, date.end - shift, date.relative
        )
    before = re.sub(
        r"(?:\b(?i:in|on|since|by|during|from|until|as of)\s+(?:the\s+)?)?$", "", text[: date.start]
    )
    what = (before + text[date.end :]).strip(" ,;")
    what = re.sub(r"^[\s:;,.\u2013\u2014-]+", "", what)
    what = re.sub(r"^(?:Description|Activities|Background|Note):\s*", "", what)
    what = re.sub(
        r"^(?:More recently|Recently|Later|However|In addition|Additionally|Meanwhile|Since then"
        r"|In general|Historically),\s+",
        "",
        what,
    )
    what = re.sub(r"\s+,", ",", " ".join(what.split())).strip(" ,")
    what = what.rstrip(".")
    what = _shorter(what)
    if len(what) > 100:
        stop = re.search(
            r",[\"\u201d]?\s+(?:when|but|largely|ordering|and|while|which|including|dubbed)\b",
            what[20:],
        )
        if stop is not None:
            what = what[: 20 + stop.start()].rstrip(" ,")
            if what.count('"') % 2:
                what += '"'
            if what.count("\u201c") > what.count("\u201d"):
                what += "\u201d"
    if len(what) > 110:
        stop = re.search(
            r",\s+(?:when|but|largely|ordering|and has|while|which|including)\b", what[50:]
        )
        if stop is not None:
            what = what[: 50 + stop.start()].rstrip(' ,\u201d"')
    if len(what) > 120:
        stop = re.search(
            r",? (?:including|which|who|in order to|as well as)\b|; | \u2014 |\u2014", what[40:]
        )
        if stop is not None:
            what = what[: 40 + stop.start()]
    if len(what) > 240:
        what = what[:240].rsplit(" ", 1)[0] + "\u2026"
    return what[:1].upper() + what[1:] if what else what
