"""Groups, people and places as facts: from names the rules find, titles that are only
"Name (ACR)", appositives, "aka" lines; spellings merged, organisations told from people."""

from __future__ import annotations

import re

from quizapp.generate import gazetteer as gz
from quizapp.generate.document import Document, Kind, Sentence
from quizapp.generate.entities import Entity
from quizapp.generate.typed.core import (
    _AUTHORITY_WORDS,
    FactMap,
    Proposal,
    _mentions,
    _Reader,
    _spelling_key,
    fact_id,
)

# A "person" whose name holds one of these is an organisation (then a group) ...
_GROUP_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Trust|Students|Movement|Party|League|Foundation|Front|Brigades?"
    r"|Army|Council|Congress|Union|Association|Society|Network|Jamaat|Jemaah?|Jama'at|Lashkar|Jaish|Tehrik"
    r"|Tehreek|Harakat|Hizb|Ansar|Jabhat|Katibat)\b"
)


# ... and one holding these is a title, a document or an office: no fact at all.
_NOT_PERSON = re.compile(
    r"\b(?:Register|Act|Order|Security|Consulate|Embassy|Terrorist|Terrorism|Affairs|Forces"
    r"|Province|Republic|Kingdom|Islamic|National|International|Federal|General|Initiative"
    r"|Reports?|Country|Chapter|Index|Transcript|Question|Press|Note|Daily|Briefing|Release"
    r"|Statement|Summary|Overview|Description|Activities|Strength|Funding|Location|Reform"
    r"|Assistance|Program|Programme|Partnership|Initiative|Intifada|Uprising|Revolution|War"
    r"|Crisis|Spring|Leadership|Origins|Ideology|Accord|Agreement|Treaty|Proposal|Jurisdiction"
    r"|Resolution|Process|Talks|Committee|Commission|Court|Tribunal|Sanctions|Force|Member"
    r"|States|Nations)s?\b"
)


_NAME_LINE = re.compile(
    r"^(?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|el|e|i|ud|ul)"
    r"(?: (?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|el|e|i|ud|ul))*$"
)


# A report's title that ends with the group its passage is about: "Country Reports on
# Terrorism 2013 - Foreign Terrorist Organizations: Abu Sayyaf Group", "Country Report on
# Terrorism 2022 - Chapter 5 - Hizballah".
_REPORT_TITLE = re.compile(
    r"^.{0,80}?\b(?:Reports? on Terrorism|Chapter \d+|Terrorist Organi[sz]ations|Patterns of "
    r"Global Terrorism)\b.{0,80}?(?: [-\u2013\u2014] |: )"
    r"(?P<name>[A-Z][\w\u2018\u2019'-]*"
    r"(?: (?:[A-Z][\w\u2018\u2019'-]*|of|and|for|the|al|el|e|i|ud|ul)){0,7})"
    r"(?: \([A-Z][A-Za-z-]{1,9}\))?$"
)


def report_title_group(heading: str) -> str | None:
    """The group a report's title names as its subject, if it is such a title."""
    match = _REPORT_TITLE.match(heading.strip())
    if match is None or _AUTHORITY_WORDS.search(match.group("name")):
        return None
    return re.sub(r"^the ", "", match.group("name"), flags=re.I)


def _one_word_name(heading: str, capitalised: set[str]) -> bool:
    """A title that is one word, a name the text then uses ("HAMAS", then "HAMAS was formed"
    or "Hamas was"): not a section's label ("Description", "Strength"). `capitalised`: the
    capitalised words of the text, case-folded."""
    word = heading.strip()
    if not (4 <= len(word) <= 30 and word.isalpha() and word[:1].isupper()):
        return False
    if _NOT_PERSON.search(word.title()) or word.title() in gz.FUNCTION_WORDS:
        return False
    return word.casefold() in capitalised


def _title_names(document: Document) -> list[str]:
    """Names the document gives on lines of their own (a title that is only a name, an "aka"
    list): known names of groups, so "X and Y Congress" is read whole."""
    names: list[str] = []
    capitalised = {
        word.casefold()
        for sentence in document.sentences
        if sentence.readable
        for word in re.findall(r"\b[A-Z][A-Za-z]{3,}\b", sentence.text)
    }
    for sentence in document.sentences:
        if sentence.kind is Kind.AKA:
            body = re.sub(r"^(?i:aka|a\.k\.a\.|also known as)\s*", "", sentence.text)
            names += [" ".join(p.split()) for p in re.split(r"[;,]", body) if " " in p.strip()]
        elif sentence.kind is Kind.HEADING and (subject := report_title_group(sentence.text)):
            names.append(subject)
        elif sentence.kind is Kind.HEADING and _one_word_name(sentence.text, capitalised):
            names.append(sentence.text.strip())
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
    r"|^\w+ing\b|^\w+(?:ish|ian|ese|i|ine)\s+\w+s$"
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


def _merge_named_aliases(reader: _Reader) -> None:
    """A group the text only names, in no relation with another, and that an "aka" list gives
    as another's name ("Hamas (or the Islamic Resistance Movement)" and "a.k.a. Islamic
    Resistance Movement") is that other group: one fact, not two. What other facts say of it
    (actors, targets, sides, speakers) moves to that group."""
    groups = [p for p in reader.proposals.values() if p.fact["type"] == "group"]
    related: set[str] = set()
    for proposal in reader.proposals.values():
        if proposal.fact["type"] == "relation":
            related |= {*proposal.fact["from"], proposal.fact["to"]}
    by_key = {_spelling_key(str(p.fact["name"])): p for p in groups if p.id not in related}
    merged: dict[str, str] = {}
    for owner in groups:
        for alias in owner.fact.get("aliases") or ():
            other = by_key.get(_spelling_key(alias))
            if (
                other is None
                or other.id == owner.id
                or other.id in merged
                or owner.id in merged
                or other.fact.get("acronym")
                or other.fact.get("aliases")
            ):
                continue
            merged[other.id] = owner.id
    if not merged:
        return
    for ident in merged:
        del reader.proposals[ident]
    for proposal in reader.proposals.values():
        fact = proposal.fact
        for key in ("actors", "from"):
            if key in fact:
                fact[key] = list(dict.fromkeys(merged.get(i, i) for i in fact[key]))
        for key in ("target", "to", "by"):
            if fact.get(key) in merged:
                fact[key] = merged[fact[key]]


def _is_role(role: str) -> bool:
    """A role is a noun phrase with a role word ("the group's spokesman"), not a clause."""
    words = {word.lower().strip(".,'\u2019") for word in role.split()}
    return (
        len(role) <= 80
        and not re.search(r"\d", role)
        and bool(words & gz.ROLE_NOUNS)
        and not re.search(r"\b(?:called|said|was|were|is|has|had|announced|claimed)\b", role)
    )


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


# A signature or byline: who speaks, with the office held ("Richard Boucher, Spokesman",
# "Statement by Assistant to the President for ..., Lisa Monaco", "William P. Pope," then
# "Acting Coordinator for Counterterrorism, Department of State.", "Alexis Arieff" then
# "Analyst in African Affairs").
_SIGNED_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z\u2019'-]+){1,2}"
_OFFICE = re.compile(
    r"\b(?:Spokes(?:man|woman|person)|Coordinator|Analyst|Assistant|Secretary|Ambassador"
    r"|Director|Specialist|Advis[eo]r|Counselor|Minister|Deputy|Chief|Press Secretary)\b"
)
_NAME_THEN_OFFICE = re.compile(rf"^(?P<name>{_SIGNED_NAME}),\s+(?P<office>[A-Z][^,]{{2,100}})$")
# "Secretary Colin L. Powell" as a title line: the office before the name, no comma
_TITLED_NAME = re.compile(
    rf"^(?P<office>(?:(?:Deputy|Under|Assistant|Acting) )?Secretary(?: of State)?|Ambassador"
    rf"|Spokes(?:man|woman|person)|Coordinator|President|Director) (?P<name>{_SIGNED_NAME})$"
)
_OFFICE_THEN_NAME = re.compile(
    rf"^(?:(?:Statement|Remarks|Testimony) by\s+)?(?P<office>[A-Z][^,]{{2,120}}),\s+"
    rf"(?P<name>{_SIGNED_NAME})$"
)


def _signatures(reader: _Reader, document: Document) -> list[Entity]:
    """People who sign or give a text, from its title lines and signature block: a name
    next to an office ("Richard Boucher, Spokesman"), never a place or an agency."""
    found: list[Entity] = []
    lines = [s for s in document.sentences if s.kind in (Kind.HEADING, Kind.DATELINE)]
    by_index = {s.index: s for s in document.sentences}

    def add(name: str, office: str, sentence: Sentence) -> None:
        office = office.strip().rstrip(".")
        if not _OFFICE.search(office) or _NOT_PERSON.search(name) or _GROUP_WORDS.search(name):
            return
        if any(entity.name == name for entity in found):
            return
        # the office is not kept as a role: a role draws a card, and no card quotes a line
        # that is not a sentence
        reader.heading_sources.setdefault(name, sentence)
        found.append(Entity("person", name, -1))
        if re.match(r"(?:Specialist|Analyst|Research Assistant) in\b", office):
            # a report's author: a name on the cover, no fact of the course (under the default
            # confidence, so a reviewer can still accept it)
            reader.author_names.add(name)

    for sentence in lines:
        text = sentence.text.strip()
        pair = (
            _NAME_THEN_OFFICE.match(text)
            or _OFFICE_THEN_NAME.match(text)
            or _TITLED_NAME.match(text)
        )
        if pair is not None:
            add(pair.group("name"), pair.group("office"), sentence)
            continue
        alone = re.fullmatch(rf"(?P<name>{_SIGNED_NAME}),?", text)
        after = by_index.get(sentence.index + 1)
        office_line = after is not None and (
            after.kind is not Kind.SENTENCE
            or (
                len(after.text.split()) <= 12
                and re.match(
                    r"(?:(?:Acting|Deputy|Senior|Principal) )?" + _OFFICE.pattern, after.text
                )
                is not None
            )
        )
        if alone is not None and after is not None and office_line:
            # the name on its line, the office on the next
            add(alone.group("name"), after.text, after)
    return found


def _appositive_groups(reader: _Reader) -> list[Entity]:
    """ "its political wing, Batasuna": the name after a group noun and a comma is a group."""
    found: dict[str, Entity] = {}
    for index, text in enumerate(reader.texts):
        for match in _APPOSITIVE_GROUP.finditer(text):
            name = match.group("name")
            if _LEADER_OF.search(text[max(0, match.start() - 80) : match.start()]):
                continue  # the leader's name, not the group's
            if not _AUTHORITY_WORDS.search(name) and name not in found:
                found[name] = Entity("group", name, index)
    return list(found.values())


def _named_as_group(reader: _Reader, name: str) -> bool:
    """Whether the text calls the name an organisation ("the organization, NAME", "groups:
    X and NAME", "NAME ... as a Foreign Terrorist Organization")."""
    escaped = re.escape(name)
    pattern = re.compile(
        # not "the leaders of those organizations, NAME": then NAME is one of the leaders
        rf"(?<!of )(?<!of the )(?<!of those )(?<!of these )(?<!of both )"
        rf"(?:organi[sz]ations?|groups?|movement|party|front|militia|network|wing)[,:]?\s+"
        rf"(?:the\s+)?(?:[\w\u2019'-]+\s+and\s+)?{escaped}\b"
        rf"|\b{escaped}\s+(?:as\s+(?:an?\s+)?)?(?:Foreign Terrorist Organi[sz]ation|FTO)\b",
        re.I,
    )
    first = name.split()[0]
    for index in reader.word_sentences.get(first, ()):
        text = reader.texts[index]
        if name not in text:
            continue
        for match in pattern.finditer(text):
            if not _LEADER_OF.search(text[max(0, match.start() - 80) : match.start()]):
                return True
    return False


# "the leader of the IS organization, Abu Bakr al Baghdadi": the name is the leader's
_LEADER_OF = re.compile(r"\b(?:leader|head|chief|founder|emir|commander|spokes\w+)\s+of\b")


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
                elif name != owner.name and name not in owner.spellings:
                    owner.spellings.append(name)  # found in the text, not another name
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
        if entity.name in reader.author_names and _mentions(reader, entity.name) <= 1:
            confidence = 0.35
    else:
        confidence = 0.7 if _mentions(reader, entity.name) > 1 else 0.5
        if entity.acronym:
            fact["acronym"] = entity.acronym
    if entity.aliases:
        fact["aliases"] = list(entity.aliases)
        confidence = max(confidence, 0.7)
    fact["sources"] = [reader.source(sentence)]
    own = (entity.name, *([entity.acronym] if entity.acronym else []))
    names = (*own, *entity.aliases)
    reader.add(Proposal(fact, confidence, names))
    for name in own:
        reader.entity_ids[name] = ident
    for alias in (*entity.aliases, *entity.spellings):
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
        proposal.confidence = max(proposal.confidence, 0.7)  # as a group with aliases is
        reader.spelling_lookup = None  # names the lookup has not seen
        sources = proposal.fact["sources"]
        if len(sources) < 3:
            sources.append(reader.source(sentence))
