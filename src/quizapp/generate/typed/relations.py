"""Relations as documents state them: renamings, mergers, splits, allegiances,
affiliations and leadership, from the subject named nearest before the words."""

from __future__ import annotations

import re

from quizapp.generate.dates import DateMention
from quizapp.generate.document import Sentence
from quizapp.generate.gazetteer import COUNTRIES
from quizapp.generate.typed.core import (
    _SUBJECT,
    FactMap,
    Proposal,
    _date_value,
    _groups_in,
    _Reader,
    fact_id,
)
from quizapp.generate.typed.events import _places_in

_RELATIONS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, direction, re.compile(pattern, re.I))
    for kind, direction, pattern in (
        # direction "subject>after": the subject becomes/joins the group named after the words.
        ("rename", "subject>after", r"\bchanged (?:its|their) name (?:to|into)\b"),
        ("rename", "subject>after", r"\b(?:henceforth|would|will) be known as\b"),
        ("rename", "subject>after", r"\brenamed (?:itself |themselves )?(?:as |to )?"),
        ("rename", "subject>after", r"\brebrand(?:ed|ing)? (?:itself |themselves )?as\b"),
        ("rename", "subject>after", r"\bre-?launched (?:itself|themselves) as\b"),
        (
            "rename",
            "after>subject",
            r"\b(?:formerly|previously|originally)(?: known as| called| named)?,?(?: the)?"
            r"(?= (?-i:[A-Z\u2018\u201c\"']))",
        ),
        ("rename", "subject>after", r"\b(?:took|adopted|assumed) the name\b"),
        (
            "rename",
            "subject>after",
            r"\b(?:began|started|begun) (?:calling|to call) (?:itself|themselves)\b"
            r"|\bcalls? (?:itself|themselves) (?:now )?(?=(?-i:[A-Z]))",
        ),
        ("rename", "subject>after", r"\badd(?:ed)? the alias .{0,80}? as its primary name\b"),
        ("rename", "subject>after", r"\blaunched the creation of\b"),
        (
            "rename",
            "subject>after",
            r"\b(?:became|becomes) known as\b|\bevolved into\b|\breconstituted (?:itself )?as\b",
        ),
        ("rename", "after>subject", r"\bsuccessor (?:organi[sz]ation |group )?(?:to|of)\b"),
        (
            "merger",
            "subject>after",
            r"\bmerged?(?: in \d{4})? (?:with|into)\b|\bjoined forces with\b"
            r"|\b(?:united|fused) with\b"
            r"|\b(?:re-?)?merger with\b",
        ),
        # "Z was formed through a merger of X and Y": from each of X and Y to Z.
        (
            "merger",
            "after>subject",
            r"\b(?:through|by|from|in|after) (?:a|the) (?:merger|union|fusion) (?:of|between)\b",
        ),
        ("merger", "subject>after", r"\bformed (?:the|a|its) (?:union|merger)\b"),
        # "X and Y announced that the two organizations would merge under the name Z"
        ("merger", "all>after", r"\bmerge (?:under the name|into a new|to become)\b"),
        # the group whose leader announces a union is the one joined: "A's emir announced the
        # union ..., and B ..." goes from B to A
        ("merger", "after>subject", r"\b(?:announced|declared) (?:the|a|its) (?:union|merger)\b"),
        (
            "allegiance",
            "subject>after",
            r"\b(?:pledged?|swore|sworn|declared|announced|gave) (?:its |their |his )?"
            r"(?:allegiance|bay'?a|loyalty)\b(?: to)?"
            r"|\bpledges? of (?:allegiance|loyalty) to\b",
        ),
        (
            "split",
            "after>subject",
            r"\b(?:broke|break|split|splintered) (?:away |off )?(?:from|with)\b|\boffshoot of\b"
            r"|\b(?:broke|split) (?:away|off)\b(?=,? (?:to|and) (?:form|found|create|launch)e?d?\b)"
            r"|\b(?:breakaway )?faction of\b|\bsplinter (?:group |faction |cell )?of\b"
            r"|\bspun off from\b|\b(?:emerged|grew out) (?:of|from)\b"
            r"|\b(?:originally|formerly|once) (?:a )?part of\b",
        ),
        (
            "affiliation",
            "subject>after",
            r"\b(?:wing|affiliate|subsidiary|front organi[sz]ation|arm|branch|proxy) of\b"
            r"|\b(?:affiliated|allied|aligned|associated) (?:itself )?with\b|\bin alliance with\b"
            r"|\b(?:ha[sv]e?|share[sd]?|maintain(?:s|ed)?) (?:a )?close"
            r" (?:relationship|ties) with\b"
            r"|\b(?:coordinated|cooperated|collaborated) (?:closely )?with\b|\bteamed up with\b"
            r"|\b(?:ha[sv]e?|maintain(?:s|ed)?) (?:[a-z]+ )?(?:ties|links)"
            r" (?:to|with)\b"
            # "receives assistance and training from X", "has received assistance, including
            # funds and training, from X": a group's backers, states or groups
            r"|\b(?:receives?|received)\b[^.;]{0,12}?\b(?:assistance|support|training|funding"
            r"|funds)\b[^.;]{0,50}?\bfrom\b",
        ),
        ("affiliation", "after>subject", r"\b(?:wing|arm|branch|affiliate),\s+(?:the\s+)?"),
    )
)


# A word (or stem) every pattern of `_RELATIONS` holds at least one of: a sentence without
# any is tried against none of them (the relation phrasing tests fail if it leaves one out).
_RELATION_WORD = re.compile(
    r"name|known|rebrand|launch|formerly|previously|originally|took|adopted|assumed|alias"
    r"|became|becomes|evolved|reconstitut|successor|merge|joined|united|fused|union|fusion"
    r"|pledge|swore|sworn|declared|announced|gave|allegiance|loyalty|bay'?a|broke|break|split"
    r"|offshoot|faction|splinter|spun|emerged|grew out|part of|wing|affiliate|subsidiary|front"
    r"|\barm\b|branch|proxy|allied|aligned|associated|alliance|close|coordinated|cooperated"
    r"|collaborated|ties|links|receive|calling|call itself|calls itself|call themselves|teamed"
    r"|calls themselves",
    re.I,
)


_INCLUDING = re.compile(r"[^.;]{0,60}?\b(?:including|such as|namely)\b")


_LED_BY = re.compile(
    r"\b[Ll]ed by(?: (?:the )?(?:brothers|co-?founders?|its|his|her|former|late)\b)*"
    r"(?: (?!the\b)[a-z]+(?=[ ][A-Z]))?"  # "led by septuagenarian Manuel Marulanda"
)
# Words that name a group's leader right after them: its founder ("founded in 1969 by former
# university professor Abimael Guzman"), "under the leadership of P", "selected a new leader,
# P".
_LEADER_NAMED = re.compile(
    r"\b(?:[Ff]ounded|[Ff]ormed|[Ee]stablished|[Cc]reated)\b(?: in [^,;]{1,30}?)? by"
    r"(?: [a-z][\w-]*){0,4}\b"
    r"|\bunder the (?:leadership|command|direction) of(?: [a-z][\w-]*){0,3}\b"
    r"|\b(?:selected|elected|named|appointed|chose|picked|announced) (?:a |its |as its )?new"
    r" (?:leader|chief|head|emir|commander),?"
)


_HAS_LED = re.compile(
    r"\b(?:has|had|have)\s+(?:\w+\s+)?led\s+(?:the group|it|the organi[sz]ation)?"
)


_LEADER = re.compile(
    r"\b(?:leader|founder|head|chief|emir|commander|spiritual leader|secretary[- ]general)"
    r"(?: of)?\b",
    re.I,
)


_LEADERS_LISTED = re.compile(
    r"\b(?P<whose>[Ii]ts|[Tt]heir|[Tt]he (?:group|organi[sz]ation)[\u2019']s)"
    r" (?:(?:two|three|four|top|senior|most senior|key) ){0,3}(?:leaders|commanders),? "
)


def _leaders_listed(
    reader: _Reader,
    sentence: Sentence,
    groups: list[tuple[int, str]],
    subject: str | None,
) -> None:
    """ "designated AQAP and its two top leaders P and Q": each leads the group named before
    "its" (or the passage's group)."""
    text = sentence.text
    listed = _LEADERS_LISTED.search(text)
    if listed is None:
        return
    before = [i for p, i in groups if p < listed.start()]
    group = before[-1] if before else subject or reader.last_group
    if group is None:
        return
    _groups_in(reader, "")
    assert reader.all_index is not None
    end = listed.end()
    for position, finish, ident in reader.all_index.spans(text):
        if position < listed.end() or reader.proposals[ident].fact["type"] != "person":
            continue
        if not re.fullmatch(r",?\s*(?:and\s+)?", text[end:position]):
            break
        _add_leader(reader, sentence, ident, group)
        end = finish


_ONE_OF_LEADERS = re.compile(
    r",\s+one of (?P<rest>[^,;]{2,80}?)[\u2019']s?\s+(?:(?:key|top|senior|most senior|main)\s+)?"
    r"(?:commanders|leaders|founders)\b"
)


def _one_of_leaders(reader: _Reader, sentence: Sentence, groups: list[tuple[int, str]]) -> None:
    """ "Azam Cheema, one of Lashkar-e Tayyiba's key commanders": he leads it."""
    text = sentence.text
    for match in _ONE_OF_LEADERS.finditer(text):
        group = next((i for p, i in groups if match.start("rest") <= p < match.end("rest")), None)
        _groups_in(reader, "")
        assert reader.all_index is not None
        person = next(
            (
                ident
                for _, end, ident in reader.all_index.spans(text)
                if end == match.start() and reader.proposals[ident].fact["type"] == "person"
            ),
            None,
        )
        if group is not None and person is not None:
            _add_leader(reader, sentence, person, group)


def _add_undated(
    reader: _Reader, sentence: Sentence, kind: str, key: str, source: str, target: str
) -> None:
    """One undated relation of the sentence, keyed by `key` within it (or its sentence added
    to the same relation stated before)."""
    fact: FactMap = {
        "id": fact_id(reader.document.name, "relation", f"{kind}-{key}", sentence.quote),
        "type": "relation",
        "relation": kind,
        "from": [source],
        "to": target,
        "sources": [reader.source(sentence)],
    }
    if not _merge_relation(reader, fact):
        reader.add(Proposal(fact, 0.6))


def _add_leader(reader: _Reader, sentence: Sentence, person: str, group: str) -> None:
    """One leadership relation of the sentence (or its sentence added to the same one)."""
    _add_undated(reader, sentence, "leadership", person, person, group)


def _leadership(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
    subject: str | None,
) -> set[DateMention]:
    """ "Led by P, G ...", "G's leader, P", "its leader, P", "P, the leader of G"."""
    _leaders_listed(reader, sentence, groups, subject)
    _one_of_leaders(reader, sentence, groups)
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
    naming = _LEADER_NAMED.search(text)
    founding = False
    if naming is not None and any(0 <= p - naming.end() <= 2 for p, _ in people):
        person = next(i for p, i in people if 0 <= p - naming.end() <= 2)
        named_before = [i for p, i in groups if p < naming.start()]
        named_after = [i for p, i in groups if p > naming.end()]
        if named_before and not naming.group(0).startswith("under"):
            group = named_before[-1]
        elif _SUBJECT.search(text[: naming.start()]) or not named_after:
            group = subject or reader.last_group
        else:
            group = named_after[0]
        founding = naming.group(0)[:1] in "Ff"
    elif has_led is not None:
        person = next((i for p, i in reversed(people) if p < has_led.start()), None)
        group = next((i for p, i in groups if p >= has_led.end() - 1), None)
        if group is None and re.search(r"(?:the group|it|the organi[sz]ation)$", has_led.group(0)):
            group = reader.last_group
    elif led is not None:
        person = next((i for p, i in people if 0 <= p - led.end() <= 2), None)
        group = next((i for p, i in groups if p > led.end()), None) or subject
    elif leader is not None:
        near = [(abs(p - leader.end()), i) for p, i in people if abs(p - leader.end()) <= 4]
        named_is = re.match(r"[^,;.]{0,60}?\s+(?:is|was|has been)\s+", text[leader.end() :])
        if named_is is not None:
            # "The leader of Jemaah Islamiyah is Abu Bakar Bashir"
            at = leader.end() + named_is.end()
            near += [(0, i) for p, i in people if p == at]
        near += [(abs(leader.start() - p), i) for p, i in people if 0 < leader.start() - p <= 60]
        _groups_in(reader, "")
        assert reader.group_index is not None
        group_end = next(
            (
                end
                for start, end, _ in reader.group_index.spans(text)
                if 0 <= start - leader.end() <= 5
            ),
            None,
        )
        if group_end is not None:
            # "the leader of al-Qa'ida in Yemen (AQY), Nasir al-Wahishi, ...": the name after
            closing = re.match(r"\s*(?:\([^()]{1,12}\))?,\s+", text[group_end:])
            if closing is not None:
                near += [(1, i) for p, i in people if p == group_end + closing.end()]
        person = min(near)[1] if near else None
        before = text[max(0, leader.start() - 20) : leader.start()]
        if re.search(
            r"(?:\b[Ii]ts|\b[Tt]he (?:group|organi[sz]ation|movement)[\u2019']s)\s+"
            r"(?:\w+\s+){0,2}$",
            before,
        ):
            # "designating KSS and its Secretary General P": the group named before "its"
            named_before = [i for p, i in groups if p < leader.start()]
            group = named_before[-1] if named_before else subject or reader.last_group
        else:
            group = next(
                (
                    i
                    for p, i in groups
                    if abs(p - leader.end()) <= 5
                    or 0 < leader.start() - p <= 30
                    # "head of the terrorist al-Qaida": lowercase words between
                    or (
                        p > leader.end()
                        and re.fullmatch(r"(?:\s+[a-z][\w-]*){1,3}\s+", text[leader.end() : p])
                    )
                ),
                None,
            )
    if person is None or group is None:
        return set()
    fact: FactMap = {
        "id": fact_id(reader.document.name, "relation", "leadership", sentence.quote),
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
    elif founding and naming is not None and dates:
        # the founding dates the leadership's start; the founding stays an event of its own
        fact["date"] = _date_value(min(dates, key=lambda d: abs(d.start - naming.end())))
    fact["sources"] = [reader.source(sentence)]
    if not _merge_relation(reader, fact):
        reader.add(Proposal(fact, 0.6))
    return used


# "an offshoot of X" is a split from X (`_RELATIONS`), not from the group named before it.
_SPLINTERS = re.compile(
    r"(?:\b(?:splinter|breakaway) (?:groups?|factions?)|\boffshoots?)\b(?!\s+(?:of|from)\b)"
)


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
        _add_undated(reader, sentence, "split", child, parent, child)


_FORMER_MEMBERS = re.compile(
    r"\b(?:[Ff]ormer|[Dd]issident|[Ee]x-)\s+(?P<rest>[^.;]{2,60}?)\s+"
    r"(?:commanders|members|leaders|militants|fighters|officials|cadres)\b"
)
_FOUNDED = re.compile(r"\b(?:created|formed|founded|established|launched)\b")
# "Many RIRA members are former Provisional IRA members who left ...": a split from the one to
# the other
_MEMBERS_WERE = re.compile(
    r"\b(?P<child>[^,;.]{2,60}?) members (?:are|were) former (?P<parent>[^,;.]{2,60}?) members\b"
)


def _founded_by_former_members(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    groups: list[tuple[int, str]],
) -> set[DateMention]:
    """ "Former FARC commanders ... created Segunda Marquetalia": a split from the group the
    founders left to the one they founded."""
    text = sentence.text
    if "ormer" not in text and "issident" not in text and "Ex-" not in text and "ex-" not in text:
        return set()  # neither form can match: no need to scan
    were = _MEMBERS_WERE.search(text)
    if were is not None:
        child = next((i for p, i in groups if were.start("child") <= p < were.end("child")), None)
        parent = next(
            (i for p, i in groups if were.start("parent") <= p < were.end("parent")), None
        )
        if child is not None and parent is not None and child != parent:
            names = ("split", "split", [parent], child)
            return _relation_fact(reader, sentence, dates, were.start("parent"), names, 0.6)
    members = _FORMER_MEMBERS.search(text)
    if members is None:
        return set()
    founded = _FOUNDED.search(text, members.end())
    if founded is None:
        return set()
    parent = next((i for p, i in groups if members.start("rest") <= p < members.end("rest")), None)
    child = next((i for p, i in groups if founded.end() <= p <= founded.end() + 6), None)
    if parent is None or child is None or parent == child:
        return set()
    names = ("split", "split", [parent], child)
    return _relation_fact(reader, sentence, dates, founded.start(), names, 0.6)


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


_CREATED = re.compile(
    r"\b(?:to (?:form|found|create|launch)|and (?:created|formed|founded|launched)|forming)\b"
)
# Between two groups of one list: "X, Y, and Z", "Nigeria's X, Somalia's Y", "X and the Y".
_LIST_GAP = re.compile(
    r"\)?,?\s*(?:(?:and|or)\s+)?(?:the\s+)?(?:[A-Z][\w\u2019'-]*(?:'s|\u2019s)\s+)?"
)
# Relations whose other side may be a list: each group listed is one relation.
_LISTED = {
    ("affiliation", "subject>after"),
    ("merger", "after>subject"),
    ("allegiance", "subject>after"),
}


def _listed(reader: _Reader, text: str, after: list[tuple[int, str]]) -> list[str]:
    """The group named first after the words, and those listed with it ("X, Y, and Z")."""
    if not after:
        return []
    _groups_in(reader, "")
    assert reader.group_index is not None
    ends = {start: end for start, end, _ in reader.group_index.spans(text)}
    chosen = [after[0][1]]
    end = ends.get(after[0][0], after[0][0] + 1)
    for position, ident in after[1:]:
        if ident == chosen[-1] and position <= end + 3:
            end = ends.get(position, position + 1)  # its acronym in brackets: "(SF)"
            continue
        if not _LIST_GAP.fullmatch(text, end, position):
            break
        chosen.append(ident)
        end = ends.get(position, position + 1)
    return list(dict.fromkeys(chosen))


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
    used |= _founded_by_former_members(reader, sentence, dates, groups)
    if not _RELATION_WORD.search(text):
        return used  # no word any relation needs: the patterns need not be tried one by one
    for kind, direction, pattern in _RELATIONS:
        match = pattern.search(text)
        if match is None or kind in done:
            continue
        after = [(p, i) for p, i in groups if p >= match.end()]
        including = _INCLUDING.match(text, match.end()) if kind == "affiliation" and after else None
        if including is not None:
            # "has ties to other AQ affiliates, including X and Y": the groups named
            after = [(p, i) for p, i in after if p >= including.end()]
        before = [i for p, i in groups if p < match.start()]
        last_before = max((p for p, _ in groups if p < match.start()), default=0)
        if kind == "affiliation" and re.search(
            r"\b(?:groups|organi[sz]ations|those)\b[^.;]{0,120}?\b(?:that|which|who)\b",
            text[last_before : match.start()],
        ):
            continue  # "... groups in the region that have ties to X": not the group before
        own = before[-1] if before else subject
        pronoun = _SUBJECT.search(text[: match.start()])
        if pronoun and not before:
            own = reader.last_group
        if re.search(r"\b(?:its|their)\s+$", text[max(0, match.start() - 8) : match.start()]):
            # "The group emerged as X's affiliate, and announced its split from X": the
            # sentence's subject, not the group named nearest before the words
            own = subject or reader.last_group
        others = _listed(reader, text, after) if (kind, direction) in _LISTED else []
        other = after[0][1] if after else None
        if (
            kind == "affiliation"
            and after
            and after[0][0] - match.end() > 40
            and not re.search(r"\b(?:including|such as|namely)\b", text[match.end() : after[0][0]])
        ):
            other, others = None, []  # the group named next is not what it is allied with
        state = _state_after(reader, text, match.end()) if kind == "affiliation" else None
        if other is None and state is not None and direction == "subject>after":
            # "Hizballah is closely allied with Iran": a state can be a group's ally
            other, others = state, []
        elif (
            state is not None
            and other is not None
            and direction == "subject>after"
            and state not in others
        ):
            # "assistance from Iran, Syria, and the group Hezbollah": a state, then groups
            others = [state, *(others or [other])]
        if own is not None and own == other and not before:
            own = reader.last_group  # "Rebranding as X, ...": the group named before
        if kind == "allegiance" and own is not None:
            own = _person_between(reader, text, groups, match.start()) or own
        if direction == "all>after":
            # each group named before the words goes into the one after
            joined = [i for i in dict.fromkeys(before[-3:]) if i != other]
            if other is not None and len(joined) >= 2:
                names = (kind, kind, joined, other)
                used |= _relation_fact(reader, sentence, dates, match.start(), names, 0.7)
                done.add(kind)
            continue
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
        if direction == "subject>after" and len(others) > 1 and created is None:
            pairs = [(sources, one) for one in others if one not in sources]
        elif direction == "subject>after":
            pairs = [(sources, other)]
        elif len(others) > 1:
            pairs = [([one for one in others if one != sources[0]], sources[0])]
        else:
            pairs = [([other], sources[0])]
        for source_ids, target in pairs:
            if target in source_ids or not source_ids:
                continue
            key = kind if len(pairs) == 1 else f"{kind}-{target}"
            confidence = 0.7 if before or after else 0.5
            names = (kind, key, source_ids, target)
            used |= _relation_fact(reader, sentence, dates, match.start(), names, confidence)
        done.add(kind)
    return used


def _person_between(
    reader: _Reader, text: str, groups: list[tuple[int, str]], at: int
) -> str | None:
    """A person named after the last group before `at` and before it: the one who acts
    ("senior ASG leader ... Isnilon Hapilon swore allegiance to ISIS")."""
    last_group = max((p for p, _ in groups if p < at), default=-1)
    people = [
        (p, i)
        for p, i in _groups_in(reader, text, people=True)
        if last_group < p < at and reader.proposals[i].fact["type"] == "person"
    ]
    return people[-1][1] if people else None


def _state_after(reader: _Reader, text: str, at: int) -> str | None:
    """The country named right after `at` ("allied with Iran", "with the Syrian regime")."""
    for position, ident in _places_in(reader, text):
        if 0 <= position - at <= 12 and reader.proposals[ident].fact["name"] in COUNTRIES:
            return ident
    return None


def _relation_fact(
    reader: _Reader,
    sentence: Sentence,
    dates: list[DateMention],
    at: int,
    names: tuple[str, str, list[str], str],
    confidence: float,
) -> set[DateMention]:
    """Propose one relation, `names` = (kind, id key, from, to) (or add its sentence to the
    same relation stated before); the date it uses, when the relation is the event. The date
    is the one nearest the words, at `at`."""
    kind, key, source_ids, target = names
    fact: FactMap = {
        "id": fact_id(reader.document.name, "relation", key, sentence.quote),
        "type": "relation",
        "relation": kind,
        "from": source_ids,
        "to": target,
    }
    used: set[DateMention] = set()
    date = min(dates, key=lambda d: abs(d.start - at), default=None)
    if date is not None:
        fact["date"] = _date_value(date)
        if kind in ("rename", "merger", "split", "allegiance"):
            used.add(date)  # the renaming is the event; a wing's date is another's
    fact["sources"] = [reader.source(sentence)]
    if not _merge_relation(reader, fact):
        reader.add(Proposal(fact, confidence))
    return used
