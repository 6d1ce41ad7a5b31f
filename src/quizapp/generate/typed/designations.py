"""Designations as documents state them: the act (designated, amended, revoked...), the
list, the target (the group, never the agency or the law) and the date nearest the act."""

from __future__ import annotations

import re

from quizapp.generate.dates import DateMention
from quizapp.generate.document import Sentence
from quizapp.generate.typed.core import FactMap, Proposal, _date_value, _groups_in, _Reader, fact_id

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
    (
        "UN sanctions list",
        re.compile(
            r"\bUN\b.{0,40}sanctions|United Nations.{0,60}list"
            r"|United Nations Security Council.{0,80}Sanctions Committee",
            re.I,
        ),
    ),
    # the European Union's own list: "The European Union has also declared X a terrorist group"
    ("EU terrorist list", re.compile(r"\bEuropean Union\b(?=.{0,80}\bterrorist)", re.I)),
)


# Verbs (and the few nouns that name an act) of listing: "the FTO designation of X" alone
# describes a state, not an act, and is no designation fact.
_DESIGNATION = re.compile(
    r"\b(?:(?P<revoked>revok(?:ed|es|ing)|revocation of)|(?P<delisted>de-?listed|removed from)"
    r"|(?P<amended>amend(?:ed|s|ing)\b|amendments? to|add(?:ed|s)? (?:the )?(?:following )?"
    r"(?:names|new aliases|aliases?)|aliases? (?:have|has) been added)"
    r"|(?P<designated>(?:re)?designat(?:ed|es|ing)\b|(?<=hereby )(?:re)?designate\b"
    r"|redesignation of|listed (?:under|in)\b"
    r"|(?<=announcing )the designations? of|(?<=announce )the designations? of"
    r"|\bput\b(?=[^.;]{0,60}\bon (?:its|the) (?:consolidated )?list)"
    r"|\bdeclared\b(?=[^.;]{0,60}\b(?:to be )?an? (?:foreign )?terrorist (?:group|organi[sz]ation))"
    r"|(?<=Treasury )designation of|(?<=Treasury\u2019s )designation of"
    # "the action taken by the ... Sanctions Committee on February 23 to add X": a listing
    r"|(?<=Committee)[^.;]{0,40}\bto add\b))",
    re.I,
)


_NOW = re.compile(
    r"\btoday\b|\b(?:has|have)(?: \w+)? (?:been )?(?:amended|redesignated|designated|revoked|added)"
    r"|\bannounces\b|\bhereby\b|\bam (?:also )?announcing\b"
    r"|\b(?:am|is|are) (?:also |today )?(?:designating|amending|revoking|adding)\b",
    re.I,
)


# lower case: "People\u2019s Army" is a name, not people
# the release's authority as the subject of the act ("The Department of State amended",
# "The Secretary also designated"): the act the release announces
_AUTHORITY_ACTS = re.compile(
    r"^(?:Today,?\s+)?(?:The\s+)?(?:U\.S\.\s+)?(?:Department of State|State Department"
    r"|(?:Deputy\s+)?Secretary(?: of State)?|United States)\s+(?:\w+ly\s+|also\s+)?(?:has\s+)?$"
)


_PEOPLE_TARGET = re.compile(r"\b(?:members|leaders|individuals|persons|people)\b")


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
            r"(?i)designated (?:foreign|terrorist|groups?|global|organi[sz]ation|entit|individual"
            r"|persons|people|members)",
            m.group(0) + " " + text[m.end() : m.end() + 16].lstrip(),
        )
        and not re.search(
            r"(?i)(?:specially|\bas|\bfor) $", text[max(0, m.start() - 12) : m.start()]
        )
        and not re.match(r"(?i)\s+by\s+the\b", text[m.end() : m.end() + 9])
    ]
    lists = [name for name, pattern in _LISTS if pattern.search(text)]
    if acts and not lists and re.search(r"\bTreasury\b", text[: acts[0].start()]):
        lists = ["SDGT"]  # the Treasury designates terrorists under E.O. 13224
    elif acts and not lists and reader.designations and re.search(r"(?i)designat", text):
        # "The Department of State amended the GSPC designation on ...": the designation the
        # passage has been speaking of, on the list named last
        lists = [next(reversed(reader.designations))[1]]
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
    # a name the act itself designates ("designated groups A and B as FTOs") needs no more
    # support than that; others must have been found elsewhere too
    named = [
        (p, i)
        for p, i in named
        if reader.proposals[i].confidence >= (0.45 if p >= match.end() else 0.5)
    ]
    targets = _targets(reader, text, match, named)
    adds = re.search(r"\bto (?:include|add)\b", text[match.end() :])
    if action == "amended" and adds is not None:
        # "amended the designation in May 2018 to include HV as an alias": the group whose
        # designation is amended, not the alias it gains
        added_at = match.end() + adds.start()
        kept = [i for i in targets if any(p < added_at for p, j in named if j == i)]
        before = [i for p, i in named if p < match.start()]
        targets = kept or ([before[-1]] if before else [subject] if subject else [])
    if not targets and subject is not None:
        targets = [subject]
    if not targets:
        return set()
    people_word = _PEOPLE_TARGET.search(text, match.start(), limit)
    about_people = people_word is not None
    if people_word is not None:
        # "designation of two senior leaders, A and B": the people named are the targets
        named_people = _listed_people(reader, text, people_word.end())
        if named_people:
            targets, about_people = named_people, False
    explicit = [d for d in dates if "-" in d.value or d.value.isdigit()]
    # "Founded in 1964 and designated as an FTO on October 8, 1997": the date the act's own
    # clause gives ("on" or "in" after it, no comma between) wins over a nearer one before it
    own = [
        d
        for d in explicit
        if d.start >= match.end()
        and re.fullmatch(r"[^,;]{0,60}\b(?:on|in)\s+(?:about\s+)?", text[match.end() : d.start])
    ]
    date = min(
        own or explicit,
        key=lambda d: (
            (d.start - match.end()) if d.start >= match.end() else 2 * (match.start() - d.end) + 1
        ),
        default=None,
    )
    paired = _respectively(text, match, targets, explicit)
    when = _date_value(date) if date is not None else None
    own_act = bool(_NOW.search(text) or _AUTHORITY_ACTS.search(text[: match.start()]))
    if when is None and reader.dateline is not None and own_act:
        # "today", or "The Department of State amended ...": the release's own act, on its date
        when = reader.dateline.value
    elif when is None and re.search(r"\brecently\b", text) and reader.dateline is not None:
        when = reader.dateline.value[:4]  # "recently": the year of the release, no closer
    authority = (
        "U.S. Department of the Treasury"
        if re.search(r"\bTreasury\b", text[: match.end()])
        and not re.search(r"\bState\b", text[: match.end()])
        else "United Nations"
        if lists == ["UN sanctions list"]
        else "European Union"
        if lists == ["EU terrorist list"]
        else "U.S. Department of State"
    )
    for target in targets:
        if target in paired:
            when = paired[target]
        for name in lists:
            same = None if about_people else reader.designations.get((target, name, action))
            if same is not None and _same_date(same.fact.get("date"), when):
                _merge_designation(reader, same, sentence, when, about_people)
                continue
            fact: FactMap = {
                "id": fact_id(
                    reader.document.name, "designation", f"{name}-{action}", sentence.quote + target
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
            if when is None and own_act and reader.dateline is None:
                # "I hereby designate ..." above "Dated: May 7, 2031." (a notice signed at its
                # foot): dated by the dateline below it in the same passage
                reader.undated_acts.append(proposal)
            if not about_people and (same is None or when is not None):
                reader.designations[(target, name, action)] = proposal
    used = {date} if date is not None else set()
    used |= {d for d in explicit if _date_value(d) in paired.values()}
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
        # its clause: up to the next act or ", and" ("designated the VB as an FTO in 2012, and
        # amended the designation in May 2018 ...")
        ends = [a.start() for a in acts if a.start() > act.end()]
        clause_end = min([*ends, len(sentence.text)])
        joint = re.search(r",\s+and\b", sentence.text[act.end() : clause_end])
        if joint is not None:
            clause_end = act.end() + joint.start()
        date = next(
            (
                d
                for d in dates
                if 0 <= act.start() - d.end <= 2 or (act.end() <= d.start and d.end <= clause_end)
            ),
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
                        sentence.quote + target,
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
    comma = text.find(",", match.end())
    opening = not text[: match.start()].strip() and comma > 0
    if passive and before:
        ordered = [before[-1][1]]
    elif opening and [i for p, i in after if p > comma]:
        # "Designated as an FTO on October 8, 1997, Hamas was established ...": the participle
        # is about the subject of the clause after it
        past = [i for p, i in after if p > comma]
        ordered = [next((i for i in past if kind(i) == "group"), past[0])]
    elif after:
        ordered = list(dict.fromkeys(i for _, i in after))  # a name and its acronym: one
        joined = re.match(r"^[^,;.]{0,120}?\band\b", text[after[0][0] :])
        ordered = ordered[:2] if joined else ordered[:1]
    elif before:
        ordered = [before[-1][1]]
    else:
        return []
    groups = [i for i in ordered if kind(i) == "group"]
    chosen = groups or [i for i in ordered if kind(i) == "person"][:1]
    if groups:
        # "designating KSS and its Secretary General P": the leader is designated too
        chosen += [
            i
            for p, i in after
            if kind(i) == "person"
            and re.search(r"\band (?:its|their) (?:[\w-]+ ){1,3}$", text[max(0, p - 40) : p])
        ][:1]
    return list(dict.fromkeys(chosen))[:3]


def _listed_people(reader: _Reader, text: str, start: int) -> list[str]:
    """The people a list names after "leaders"/"members" ("the respective leaders of those
    organizations, A, B, C, and D, as SDGTs"): each person whose name follows the one before
    with only a comma or "and" between, the first within 60 characters."""
    _groups_in(reader, "")  # builds the name indexes
    assert reader.all_index is not None
    people: list[str] = []
    end = start
    for position, finish, ident in reader.all_index.spans(text):
        if position < start or reader.proposals[ident].fact["type"] != "person":
            continue
        if people and not re.fullmatch(r",?\s*(?:and\s+)?", text[end:position]):
            break
        if not people and position - start > 60:
            break
        if ident not in people:
            people.append(ident)
        end = finish
    return people[:20]


def _respectively(
    text: str, match: re.Match[str], targets: list[str], dates: list[DateMention]
) -> dict[str, str]:
    """ "designated A and B as FTOs ... on May 23, 2018 and February 28, 2018,
    respectively": each target its own date, in order."""
    if len(targets) < 2 or not re.search(r"\brespectively\b", text[match.end() :]):
        return {}
    after = [d for d in dates if d.start > match.end()]
    if len(after) != len(targets):
        return {}
    return {target: _date_value(date) for target, date in zip(targets, after, strict=True)}


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
