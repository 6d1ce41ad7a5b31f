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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.generate.dates import DateContext, DateMention, find_dates
from quizapp.generate.document import Document, Kind, Sentence
from quizapp.generate.entities import Entity, find_entities

FactMap = dict[str, Any]

# Names of governments, agencies, courts and laws: never a group fact, never a target.
_AUTHORITY_WORDS = re.compile(
    r"\b(?:Department|Secretary|Treasury|Government|Court|Act|Order|Office|Ministry|Attorney"
    r"|United Nations|Register|Law|Section|Agency|Bureau|Spokesperson|Spokesman|Embassy"
    r"|Parliament|Senate|House of|Commission|Coordinator|Ambassador|Police)\b"
    r"|^(?:U\.?S\.?|UN|United States|State|White House|Congress)$"
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
_DESIGNATION = re.compile(
    r"\b(?:(?P<revoked>revok\w*)|(?P<delisted>de-?list\w*|removed from)"
    r"|(?P<amended>amend\w*|add(?:ed)? the (?:following )?(?:names|aliases?)|aliases? (?:have|has) "
    r"been added)"
    r"|(?P<designated>(?:re)?designat(?:ed|es|ing|ion)\b|listed under))",
    re.I,
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
            "allegiance",
            "subject>after",
            r"\b(?:pledged?|swore|sworn) (?:its |their )?(?:allegiance|bay'?a)\b(?: to)?"
            r"|\bpledge of allegiance to\b",
        ),
        (
            "split",
            "after>subject",
            r"\b(?:broke|break|split|splintered) (?:away )?(?:from|with)\b|\boffshoot of\b"
            r"|\bfaction of\b|\bsplinter group of\b",
        ),
        (
            "affiliation",
            "subject>after",
            r"\b(?:wing|affiliate|subsidiary|front organi[sz]ation|arm|branch) of\b",
        ),
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
    last_group: str | None = None
    dateline: DateMention | None = None

    def source(self, sentence: Sentence) -> dict[str, str]:
        return {"doc": self.document.name, "quote": " ".join(sentence.raw.split())}

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


def propose_facts(document: Document, *, undated: bool = False) -> list[Proposal]:
    """Typed facts for one document, in reading order, with unique ids.

    `undated`: the document has no metadata date, so every fact gets `as_of`, the latest
    explicit date the document gives (what it can be known true as of; check it)."""
    reader = _Reader(document)
    readable = [sentence for sentence in document.sentences if sentence.readable]
    entities = find_entities([sentence.text for sentence in readable])
    for entity in entities:
        _entity_fact(reader, entity, readable)
    for name, ident in sorted(reader.entity_ids.items(), key=lambda item: -len(item[0])):
        if reader.proposals[ident].fact["type"] == "group":
            reader.group_names.append((name, ident))
    context = DateContext()
    latest = ""
    for sentence in document.sentences:
        if sentence.kind is Kind.DATELINE:
            found = find_dates(sentence.text, context)
            reader.dateline = found[0] if found else reader.dateline
            continue
        if sentence.kind is Kind.AKA:
            _aka(reader, sentence)
            continue
        if not sentence.readable:
            continue
        dates = find_dates(sentence.text, context)
        groups = _groups_in(reader, sentence.text)
        subject = groups[0][1] if groups and groups[0][0] < 40 else reader.last_group
        used = _designations(reader, sentence, dates, groups, subject)
        _relations(reader, sentence, dates, groups, subject)
        _events(reader, sentence, [d for d in dates if d not in used], groups)
        if groups:
            reader.last_group = subject or groups[-1][1]
        latest = max((d.value for d in dates if not d.value.endswith("s")), default=latest)
    if undated and latest:
        for proposal in reader.proposals.values():
            proposal.fact["as_of"] = latest.split("/")[-1]
    return list(reader.proposals.values())


def _entity_fact(reader: _Reader, entity: Entity, readable: list[Sentence]) -> None:
    if entity.kind == "group" and _AUTHORITY_WORDS.search(entity.name):
        return
    index = entity.detail_sentence if entity.detail_sentence is not None else entity.sentence
    sentence = readable[index]
    ident = fact_id(reader.document.name, entity.kind, entity.name)
    fact: FactMap = {"id": ident, "type": entity.kind, "name": entity.name}
    confidence = 0.5
    if entity.kind == "group":
        if entity.acronym:
            fact["acronym"] = entity.acronym
            confidence = 0.9
        else:
            confidence = 0.6
    elif entity.kind == "person":
        if entity.roles:
            fact["roles"] = [{"role": role[:120]} for role in entity.roles[:3]]
            confidence = 0.7
    else:
        confidence = 0.7
    if entity.aliases:
        fact["aliases"] = list(entity.aliases)
        confidence = max(confidence, 0.7)
    fact["sources"] = [reader.source(sentence)]
    names = (entity.name, *(entity.aliases), *([entity.acronym] if entity.acronym else []))
    reader.add(Proposal(fact, confidence, names))
    for name in names:
        reader.entity_ids.setdefault(name, ident)


def _aka(reader: _Reader, sentence: Sentence) -> None:
    """An "aka" line: other names of the group the passage is about (the group named last)."""
    owner = reader.last_group or next((ident for _, ident in reader.group_names), None)
    if owner is None:
        return
    body = re.sub(r"^(?i:aka|a\.k\.a\.|also known as)\s*", "", sentence.text)
    aliases = [" ".join(part.split()) for part in re.split(r"[;,]", body)]
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


def _groups_in(reader: _Reader, text: str) -> list[tuple[int, str]]:
    """(position, fact id) of every group named in `text` (longest names first, no overlap)."""
    found: list[tuple[int, int, str]] = []
    for name, ident in reader.group_names:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = match.span()
            if not any(span[0] < end and start < span[1] for start, end, _ in found):
                found.append((span[0], span[1], ident))
    return [(start, ident) for start, _, ident in sorted(found)]


def _designations(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> set[DateMention]:
    text = sentence.text
    match = _DESIGNATION.search(text)
    lists = [name for name, pattern in _LISTS if pattern.search(text)]
    if match is None or not lists:
        return set()
    action = next(key for key, value in match.groupdict().items() if value)
    targets = [ident for _, ident in groups]
    target = targets[0] if targets else subject
    if target is None:
        return set()
    date = next((d for d in dates if "-" in d.value or d.value.isdigit()), None)
    when = _date_value(date) if date is not None else None
    if when is None and re.search(r"\btoday\b", text) and reader.dateline is not None:
        when = reader.dateline.value
    authority = (
        "U.S. Department of the Treasury"
        if re.search(r"\bTreasury\b", text) and not re.search(r"\bState\b", text)
        else "United Nations"
        if lists == ["UN sanctions list"]
        else "U.S. Department of State"
    )
    for name in lists:
        fact: FactMap = {
            "id": fact_id(reader.document.name, "designation", f"{name}-{action}", text),
            "type": "designation",
            "authority": authority,
            "list": name,
            "target": target,
            "action": action,
        }
        if when is not None:
            fact["date"] = when
        fact["sources"] = [reader.source(sentence)]
        confidence = 0.8 if targets and when else 0.6 if when else 0.4
        reader.add(Proposal(fact, confidence))
    return {date} if date is not None else set()


def _relations(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> None:
    text = sentence.text
    for kind, direction, pattern in _RELATIONS:
        match = pattern.search(text)
        if match is None:
            continue
        after = [ident for position, ident in groups if position >= match.end()]
        before = [ident for position, ident in groups if position < match.start()]
        own = before[0] if before else subject
        if _SUBJECT.search(text[: match.start()]) and not before:
            own = reader.last_group
        other = after[0] if after else None
        if own is None or other is None or own == other:
            continue
        source, target = (own, other) if direction == "subject>after" else (other, own)
        fact: FactMap = {
            "id": fact_id(reader.document.name, "relation", kind, text),
            "type": "relation",
            "relation": kind,
            "from": [source],
            "to": target,
        }
        date = next((d for d in dates), None)
        if date is not None:
            fact["date"] = _date_value(date)
        fact["sources"] = [reader.source(sentence)]
        reader.add(Proposal(fact, 0.7 if before or after else 0.5))
        return


def _events(
    reader: _Reader, sentence: Sentence, dates: Iterable[DateMention], groups: list[tuple[int, str]]
) -> None:
    text = sentence.text
    for date in dates:
        what = _what(text, date)
        if len(what.split()) < 4:
            continue
        fact: FactMap = {
            "id": fact_id(reader.document.name, "event", date.value, text),
            "type": "event",
            "what": what,
            "date": _date_value(date),
        }
        actors = list(dict.fromkeys(ident for _, ident in groups))[:3]
        if actors:
            fact["actors"] = actors
        fact["sources"] = [reader.source(sentence)]
        reader.add(Proposal(fact, 0.6 if not date.relative else 0.5))


def _what(text: str, date: DateMention) -> str:
    """The sentence without its date phrase: what happened then, as the text says it."""
    before = re.sub(
        r"(?:\b(?i:in|on|since|by|during|from|until|as of)\s+(?:the\s+)?)?$", "", text[: date.start]
    )
    what = (before + text[date.end :]).strip(" ,;")
    what = re.sub(r"^(?:Description|Activities|Background|Note):\s*", "", what)
    what = re.sub(r"\s+,", ",", " ".join(what.split())).strip(" ,")
    what = what.rstrip(".")
    if len(what) > 240:
        what = what[:240].rsplit(" ", 1)[0] + "\u2026"
    return what[:1].upper() + what[1:] if what else what
