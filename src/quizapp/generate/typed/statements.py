"""Statements: a person's or body's words, hedged assessments, and the publisher's
present-tense assessments of a group."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.generate.dates import DateMention
from quizapp.generate.document import Sentence
from quizapp.generate.typed.core import (
    _SUBJECT,
    FactMap,
    Proposal,
    _date_value,
    _groups_in,
    _Reader,
    fact_id,
)
from quizapp.generate.typed.events import _shorter

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
    r"^(?:(?:Since|In|Despite|Today|Currently|Historically|Under|Although|Though|While|As|After"
    r"|Before|With|Following|Like|Unlike|Through|For|Over|At|By|Because|Given|Beyond|Besides"
    r"|Generally|Overall|Moreover|However|Still|Now|Increasingly)\b[^,;:]{0,80},\s+)?"
    r"(?P<subject>[^,;:]{2,60}?)\s+(?:\w+ly\s+){0,2}(?:also\s+)?"
    r"(?:is|are|remains|remain|continues|continue|aims|seeks|finances|operates|raises|maintains"
    r"|wages|uses|relies|receives|holds|does not|has not|has never|has repeatedly|has long"
    r"|seems|appears|enjoys|lacks|controls|conducts|targets|retains|was|were|include|includes"
    # any verb of the present ("follows", "engages", "claims to promote", "refuses") or the
    # present perfect ("has established", "has routinely committed")
    r"|ha(?:s|ve) (?:\w+ly )?(?:been|[a-z]+ed|[a-z]+en)"
    r"|(?!was\b|has\b|is\b|its\b|this\b)[a-z]{3,}s)\b"
)


# What a designation does or is for, in the words of the release that makes it ("This UN
# designation obligates all member states ...", "The consequences of these designations
# include ...", "The initial designations of these groups in 2001 are due to expire ...").
_DESIGNATION_TALK = re.compile(
    r"^(?:The|This|These|Its|Their)\s+(?:[\w.-]+\s+){0,2}?(?:designations?|redesignations?"
    r"|revocation|decision to (?:revoke|designate)"
    r"|consequences of (?:these|this|the) designations?)\b"
)


# What a group named did, undated and no event ("Al Shabaab used anti-Ethiopian sentiment to
# attract recruits", "AQIM declared France its primary target"): the report's account.
_PAST_ASSESSMENT = re.compile(
    r"^(?:(?:In|Since|After|Before|Under|During|By|Throughout)\b[^,;:]{0,60},\s+)?"
    r"(?P<subject>[^,;:]{2,60}?)\s+(?:\w+ly\s+)?(?:also\s+)?"
    r"(?:(?!was\b|were\b)[a-z]{3,}ed|paid|held|led|sought|took|made|built|became|remained|used)\b"
)


# "It is a crime to provide ...": "it" stands for nothing; "uses the names X and Y": the
# group's other names, which its group fact holds.
_NOT_AN_ASSESSMENT = re.compile(
    r"^It (?:is|was) [^,;]{0,40}? to [a-z]+|\b(?:uses?|used|goes by) the names?\b"
    r"|\baliases\b|\balso known as\b"
)


# A profile's sentence without a subject: it is about the group the passage is about.
_SUBJECTLESS = re.compile(
    r"^(?:Has|Have|Operates|Maintains|Receives|Received|Conducts|Uses|Relies|Seeks|Aims|Remains"
    r"|Continues|Retains|Controls|Finances|Recruits)\s+[a-z]"
)


# "The PKK's original goal", "AQIM's objectives": what a group is for, in any tense.
_GROUP_AIM = re.compile(
    r"^(?:The )?(?P<group>.+?)[\u2019']s? (?:\w+ )?(?:goals?|aims?|objectives?|ideology|strategy"
    r"|strength|funding|leadership|membership|purpose)$"
)


_SECTIONS = (
    (re.compile(r"strength", re.I), "Strength"),
    (re.compile(r"funding(?: and external aid)?", re.I), "Funding"),
    (re.compile(r"external aid", re.I), "External aid"),
    (re.compile(r"(?:location/)?area of operations?|location", re.I), "Area of operation"),
)


def profile_section(label: str) -> str | None:
    """The profile section a heading or a sentence's label names ("Strength:", "Funding and
    External Aid", "Location/Area of Operation"), whose first sentence is a statement."""
    clean = label.strip().rstrip(":.").strip()
    return next((name for pattern, name in _SECTIONS if pattern.fullmatch(clean)), None)


def _part_of_group(reader: _Reader, head: str) -> bool:
    """ "Its armed element", "The group's leadership", "AQIM's top commanders": a part of the
    group, which an assessment of the group may be about."""
    part = re.match(
        r"^(?:Its|Their|The (?:group|movement|organi[sz]ation)[\u2019']s|(?P<group>.+?)[\u2019']s?)"
        r" [a-z][\w -]{1,40}$",
        head,
    )
    if part is None:
        return False
    named = part.group("group")
    named = re.sub(r"^The ", "", named) if named else None
    return named is None or reader.group_by_spelling(named) is not None


def _aim_of_group(reader: _Reader, head: str) -> bool:
    aim = _GROUP_AIM.match(head)
    return aim is not None and reader.group_by_spelling(aim.group("group")) is not None


def _assessment(reader: _Reader, text: str) -> bool | None:
    """Whether the sentence is the report's assessment of a group: None if not, else whether
    it tells what a named group did (past tense) rather than what a group is or does."""
    talk = _DESIGNATION_TALK.match(text)
    if talk is not None and not re.search(
        r"\b(?:was|were|had)\b", text[talk.end() : talk.end() + 60]
    ):
        return False  # what a designation does, in the present
    for pattern, past in ((_ASSESSMENT, False), (_PAST_ASSESSMENT, True)):
        found = pattern.match(text)
        if found is None:
            continue
        # "Al-Shabaab (The Youth) is ...": a name's gloss in brackets is no part of it
        head = re.sub(r"\s*\([^()]{1,40}\)", "", found.group("subject")).strip()
        if head in ("It", "They") and not reader.about_group:
            return None  # "It requires banks to block ..." after a sentence about a law
        named = reader.group_by_spelling(re.sub(r"^The ", "", head)) is not None
        if past and not named:
            continue  # "It used ...": only a group named may be said to have done so
        if not (
            _SUBJECT.fullmatch(head)
            # "Al Shabaab" opening a sentence, "al-Shabaab" elsewhere: one group
            or named
            or re.fullmatch(r"(?:The )?(?:group|organi[sz]ation|movement)", head, re.I)
            or _aim_of_group(reader, head)
            or _part_of_group(reader, head)
        ):
            continue
        if found.group(0).split()[-1] in ("was", "were", "include", "includes") and not (
            _aim_of_group(reader, head)
        ):
            continue  # past tense only for what a group was for
        return past
    return None


def _statement(
    reader: _Reader,
    sentence: Sentence,
    groups: list[tuple[int, str]],
    subject: str | None,
    dates: Sequence[DateMention] = (),
    *,
    speech_only: bool = False,
    hedged: bool = False,
    section: str | None = None,
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
        # a group that speaks: "Al-Qaeda in the Islamic Maghreb said Friday ...", "ISIS
        # announced that P was to replace ...": the group, not the person it speaks of
        _groups_in(reader, "")
        assert reader.group_index is not None
        group_speaker = next(
            (
                ident
                for _, end, ident in reader.group_index.spans(text)
                if 0 <= speech.start() - end <= 2
            ),
            None,
        )
        speaker = before[-1] if before else group_speaker or (after[0] if after else None)
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
    elif speaker is None and speaker_text is None and _SUBJECTLESS.match(text):
        # "Has received training in ...": a profile's line about the group it is about
        group = subject or reader.last_group
        if group is None:
            return False
        about_fact = reader.proposals[group].fact
        name = about_fact.get("acronym") or about_fact["name"]
        text = f"{name} {text[:1].lower()}{text[1:]}"
        confidence = 0.5
    elif speaker is None and speaker_text is None and section is not None:
        # the first sentence of a profile's section ("Strength: Unknown; hundreds of members"):
        # what the report says of the group under that label
        text = f"{section}: {text}"
        confidence = 0.5
    elif speaker is None and speaker_text is None:
        if _NOT_AN_ASSESSMENT.search(text):
            return False
        past = _assessment(reader, text)
        if past is None:
            return False
        confidence = 0.4 if past else 0.5
    claim = text.rstrip(".")
    if speech is not None and (speaker is not None or speaker_text is not None):
        said = _said(reader, text, speech)
        if len(said.split()) >= 4:
            claim = said[:1].upper() + said[1:]
        if speaker is not None and reader.proposals[speaker].fact["type"] == "group":
            # "AQIM said it was responsible": "it" is the group that speaks
            voice = reader.proposals[speaker].fact
            claim = re.sub(r"^It\b", str(voice.get("acronym") or voice["name"]), claim)
    claim = _shorter(claim)
    if len(claim) > 240:
        claim = claim[:240].rsplit(" ", 1)[0] + "\u2026"
    fact: FactMap = {
        "id": fact_id(reader.document.name, "statement", claim[:30], sentence.quote),
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
    elif reader.dateline is not None and re.search(r"\b(?:[Tt]oday|[Cc]urrently)\b", text):
        fact["date"] = reader.dateline.value  # "Today, it ...": as of the release's date
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


def _said(reader: _Reader, text: str, speech: re.Match[str]) -> str:
    """What was said: the words after the verb ("X said that ..."), or before it when the
    attribution closes the sentence ("..., writes X, an analyst", '...," X writes', "...,
    according to X[, which ...]")."""
    head = text[: speech.start()].rstrip(" ,")
    tail = text[speech.end() :].lstrip(" ,:")
    if speech.group(0).startswith("according"):
        if len(head.split()) >= 4:
            return head.strip(' "\u201c\u201d').rstrip(".,")
        return tail.split(",", 1)[1].strip().rstrip(".") if "," in tail else ""
    rest = tail.strip(' ."\u201d')
    people = _groups_in(reader, rest, people=True)
    closing = not rest or any(
        position == 0 and reader.proposals[ident].fact["type"] == "person"
        for position, ident in people
    )
    if closing and len(head.split()) >= 4 and re.search(r"[,\"\u201d]", head[-40:]):
        # '...civilians," Arieff writes': the speaker's name before the verb is not the claim
        # (one way to cut each name into words, so no backtracking over a run of capitals)
        head = re.sub(
            r'(?<=[,"\u201d])\s*(?:the\s+)?[A-Z]\S*(?:\s+(?:the\s+)?[A-Z]\S*){0,4}$', "", head
        )
        return head.strip(' ,"\u201c\u201d').rstrip(".,")
    said = re.sub(r"^(?:that\s+)?", "", tail).rstrip(".")
    # "... said Friday it was responsible": the day it was said is no part of what was said
    return re.sub(
        r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today"
        r"|yesterday)\s+(?:that\s+)?",
        "",
        said,
    )


_SPEAKING_BODY = re.compile(
    r"(?:[Aa]ccording to (?P<who>(?:the )?[A-Z][\w.\u2019'-]*+"
    r"(?: (?:of |the )?[A-Z][\w.\u2019'-]*+){0,6}))"
    r"|(?P<who2>\b(?:[Tt]he )?[A-Z][\w.\u2019'-]*+(?: [A-Z][\w.\u2019'-]*+){0,5})"
    r" (?:says|said|stated|noted|warned)\b"
)


# Words that make a dated sentence an assessment someone makes, not an event.
_HEDGE = re.compile(
    r"\b(?:reportedly|seems? to|appears? to|suggests?|is believed|are believed|analysts say"
    r"|reached (?:its|their) (?:height|peak)|the high point|is known to|has been reported)\b"
)
