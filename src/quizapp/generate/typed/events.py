"""Dated events: what happened (the clause that holds the date, shortened), where, and
who; the same event told twice is one fact."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.generate.dates import DateMention
from quizapp.generate.document import Sentence
from quizapp.generate.typed.core import (
    FactMap,
    Proposal,
    _date_value,
    _groups_in,
    _NameIndex,
    _Reader,
    fact_id,
)

_CITATION = re.compile(r"(?:\bAct of|\bLaw|\bStat\.|\bNo\.)\s*$|\($")


_CLAUSE_BREAK = re.compile(
    r",? but |; |, while |, whereas |, and (?=in |on |by |the |a )|(?<![A-Z])\. "
)


EVENT_SENTENCE_CAP = 400

# What makes an event a key one, worth a card by default: something was done (founded,
# attacked, killed, kidnapped, banned, renamed, announced, arrested ...), not a state described
# ("traces its provenance to", "saw an influx", "was at half its capacity").
_ACT = re.compile(
    r"\b(?:found(?:ed|ing)?|form(?:ed|ing)|establish(?:ed|es|ing)?|creat(?:ed?|ion|ing)"
    r"|launch(?:ed|es|ing)?|beg[ai]n|begins|start(?:ed|s)|attack(?:s|ed|ing)?|bomb(?:s|ed|ings?)?"
    r"|car bombs?|kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:e[ds]?|ing|ies)|dead|deaths?"
    r"|died|kidnap(?:s|ped|pings?)?|abduct(?:s|ed|ions?)?|hostages?|seiz(?:e[ds]?|ure)"
    r"|captur(?:e[ds]?)|releas(?:e[ds]?)|assassinat(?:e[ds]?|ion)|execut(?:e[ds]?|ions?)"
    r"|claim(?:s|ed)? responsibility|responsible for|arrest(?:s|ed)?|ban(?:s|ned)?"
    r"|designat(?:e[ds]?|ion)|renam(?:e[ds]?)|merg(?:e[ds]?|er)|split|sign(?:s|ed)"
    r"|announc(?:e[ds]?)|declar(?:e[ds]?)|resum(?:e[ds]?)|broke (?:down|away)|cease-?fire"
    r"|took (?:control|over)|renounc(?:e[ds]?)|fore?swore|join(?:s|ed)?|train(?:s|ed)?|sent"
    r"|target(?:s|ed)?|open(?:s|ed)? fire|carr(?:y|ies|ied) out|ambush(?:es|ed)?|raid(?:s|ed)?"
    r"|strikes?|struck|invad(?:e[ds]?)|invasion|withdr[ae]w|elect(?:ed|ion)|appoint(?:ed)?"
    r"|succeed(?:ed|s)?|escap(?:e[ds]?)|convict(?:ed|ion)?|sentenc(?:e[ds]?)|extradit(?:e[ds]?)"
    r"|overthr(?:ew|own)|occup(?:y|ied)|independence|coup|ruling|authori[sz](?:e[ds]?)"
    r"|deploy(?:s|ed)?|request(?:s|ed)?|cancel(?:l?ed|s)?|uncovered|outbreak|rebellion|uprising"
    r"|assumed power|called for|peace|negotiations?|talks|massacre|shootings?|suicide|explosions?"
    r"|blasts?|hijack(?:ed|ing)?|fired|shot|assault(?:s|ed)?|campaign of|testimony|fought"
    r"|aid(?:ed|s)?|moved (?:beyond|into)|shift(?:ed|s) (?:to|from)|expand(?:ed|s)"
    r"|turn(?:ed|s) to|detain(?:s|ed)?|expel(?:s|led)?|exiled?|imprison(?:s|ed)?|jail(?:s|ed)?"
    r"|freed|dissolv(?:e[ds]?)|disband(?:s|ed)?|outlaw(?:s|ed)?|surrender(?:s|ed)?|disarm(?:s|ed)?"
    r"|demobili[sz](?:e[ds]?)|agree(?:s|d)?|agreement|accord|treaty|truce|pardon(?:s|ed)?"
    r"|amnesty|fled|flee|relocat(?:e[ds]?)|won|lost|defeat(?:s|ed)?|recaptur(?:e[ds]?)"
    r"|retook|destroy(?:s|ed)?|burn(?:s|ed|t)?|behead(?:s|ed)?|murder(?:s|ed)?|storm(?:s|ed)?"
    r"|besieg(?:e[ds]?)|infiltrat(?:e[ds]?)|led|named|became|become|took part|participat(?:e[ds]?)"
    r"|recogni[sz](?:e[ds]?)|vot(?:e[ds]?)|protest(?:s|ed)?|strik(?:e|ing)|kill|wars?"
    r"|confrontations?|clash(?:es|ed)?|battles?|fighting|offensive|crackdown|select(?:ed|s)?"
    r"|chose|chosen|picked)\b",
    re.I,
)
# A date that says how long a state lasted, not when something happened: "since 2008",
# "as of December 2014", "Beginning in 2007", "After 2007", "at the start of 2014".
_STATE_DATE = re.compile(
    r"(?:\b(?:since|as of|after|before|by|beginning in|starting in"
    r"|at the (?:start|end|beginning) of|throughout)\s+(?:the\s+)?)$",
    re.I,
)
# A clause that describes a state rather than an act (when no act is named in it).
_STATE = re.compile(
    r"\b(?:[Ii]s|[Aa]re|was|were|has been|have been|remains?|remained|traces?|extends?|saw|sees"
    r"|indicates?|visible|appears?|seems?|due to|per capita)\b",
    # lower case: "IS spokesman ... welcomed the pledge" names the Islamic State, no state
)
# A clause that says a state went on or a count changed, whatever acts it names ("ASG remained
# active, particularly with kidnappings", "continued conducting attacks", "attacks declined"),
# and a date given only to compare with ("13 attacks in 2015, in comparison to 20 in 2014").
_GOING_ON = re.compile(
    r"\b(?:remain(?:s|ed)?|continu(?:e[ds]?|ing)|persist(?:s|ed)?|declin(?:e[ds]?)"
    r"|increas(?:e[ds]?)|decreas(?:e[ds]?)|dropp(?:ed)?|rose|fell)\b",
    re.I,
)
_COMPARED = re.compile(
    r"\b(?:in comparison (?:to|with)|compared (?:to|with)|up from|down from|versus|than in)\b", re.I
)
_ORIGIN = re.compile(
    r"\btraces? (?:its|their) (?:origins?|roots|provenance|lineage)\b|\bha(?:s|ve) (?:its|their)"
    r" roots\b|\bdates? back\b|\bgrew out of\b",
    re.I,
)
KEY_EVENT_CONFIDENCE = 0.6
MINOR_EVENT_CONFIDENCE = 0.35  # under the command's default --min-confidence (0.4)


def is_key_event(text: str, date: DateMention) -> bool:
    """Whether the event `text` dates at `date` is a key one: an act is done in the clause that
    holds the date, and the date is not a state's ("since", "as of", "after")."""
    start, end = 0, len(text)
    for cut in _CLAUSE_BREAK.finditer(text):
        if cut.end() <= date.start:
            start = cut.end()
        elif cut.start() >= date.end:
            end = cut.start()
            break
    if _STATE_DATE.search(text[: date.start]) or _COMPARED.search(text, 0, date.start):
        return False
    if _ORIGIN.search(text, start, end):
        return False  # "traces its origins to the civil war of the 1990s": where it comes from
    going_on = _GOING_ON.search(text, start, end)
    if going_on is not None and _goes_on(text[:end], going_on, date, start):
        return False
    return bool(_ACT.search(text, start, end)) or not _STATE.search(text, start, end)


def _goes_on(text: str, verb: re.Match[str], date: DateMention, start: int) -> bool:
    """Whether the clause's main verb says a state went on: the first verb of the clause after
    the date ("In 2013, ASG remained active, particularly with kidnappings"; "In 2016, attacks
    declined": the act word right before it is its subject; not when an act comes before the
    date: "expanded its presence in 2014, and it continued to ..."), or the verb before a date that
    no act stands between ("increased since the outbreak of war in 2011" dates the outbreak)."""
    if verb.start() > date.end:
        if _ACT.search(text, start, date.start):
            return False  # "expanded its presence in 2014, and it continued to ...": an act
        acts = [
            a for a in _ACT.finditer(text, date.end, verb.start()) if verb.start() - a.end() > 1
        ]
        return not acts
    return not _ACT.search(text, verb.end(), date.start)


REPORTED_EVENT_CONFIDENCE = 0.5


def _events(
    reader: _Reader,
    sentence: Sentence,
    dates: Iterable[DateMention],
    groups: list[tuple[int, str]],
    *,
    reported: bool = False,
    hedged: bool = False,
) -> None:
    """One event per date of the sentence, except a date that cites a law ("Act of 1996",
    "(1996)"); the same event told again (same date, mostly the same words) is one fact
    quoting both sentences. A sentence longer than the cap (legal boilerplate) gives none.
    `reported`: the sentence is someone's words or a hedged view (a statement); only its key
    events are proposed ("officials said the militants who attacked the mission in September
    2012 ..."), less surely; `hedged`: it is a hedged view, not someone's words ("reportedly")."""
    text = sentence.text
    dates = list(dates)
    if len(text) > EVENT_SENTENCE_CAP:
        return
    for date in dates:
        if _CITATION.search(text[max(0, date.start - 12) : date.start]):
            continue
        key_event = is_key_event(text, date)
        if reported and not key_event:
            continue
        found = (
            _reported_what(text, date) if reported else _what(text, date, several=len(dates) > 1)
        )
        if (
            found is None
            and reported
            and re.fullmatch(r"(?:On|In|By|Since)?\s*", text[: date.start])
            # a hedge ("reportedly"), or someone's words under a timeline's date ("May 27th,
            # 2014: AQIM said Friday it was responsible for ..."): the sentence that opens
            # with its date tells an event all the same
            and (hedged or text[date.end : date.end + 1] == ":")
        ):
            found = _what(text, date)
        if not reported and _names_its_event(text, date):
            # "This change is visible in the March 2016 beach resort attack": the event is the
            # noun phrase the date qualifies, not the clause around it
            found = _reported_what(text, date) or found
        if found is None:
            continue
        what = found
        what = _resolve_subject(reader, what)
        if len(what.split()) < 3:
            continue
        value = _date_value(date)
        words = set(re.findall(r"\w+", what.casefold()))
        same = next(
            (p for p, seen in _events_at(reader, value) if _told_again(p, seen, words, value)),
            None,
        )
        if same is not None:
            if len(value) > len(str(same.fact["date"])) and "/" not in value:
                # "the 1983 bombings", then "the bombings ... in April 1983": one event, dated
                # as closely as the text allows
                same.fact["date"] = value
            quote = reader.source(sentence)
            if quote not in same.fact["sources"] and len(same.fact["sources"]) < 3:
                same.fact["sources"].append(quote)
            continue
        # A second mention of the same date in the sentence is another event ("since 2010
        # ..., while TAK claimed a 2010 attack"); the first keeps the id it always had.
        repeat = sum(1 for other in dates[: dates.index(date)] if other.value == date.value)
        key = date.value if not repeat else f"{date.value}-{repeat + 1}"
        fact: FactMap = {
            "id": fact_id(reader.document.name, "event", key, sentence.quote),
            "type": "event",
            "what": what,
            "date": value,
        }
        actors = list(dict.fromkeys(ident for _, ident in groups))[:3]
        if actors:
            fact["actors"] = actors
        place = _place_in(reader, what, "in|near|at|outside")
        if place is None and key_event:
            # the place may lie beyond the shortened `what`: "... the attack on a gas facility
            # near In Amenas, in southeastern Algeria" (the first place the sentence puts it)
            place = _place_in(reader, text, "in|near|at|on|outside")
        if place is not None:
            fact["place"] = place
            reader.places_used.add(place)
            fact["what"] = _without_place(what, str(reader.proposals[place].fact["name"]))
        fact["sources"] = [reader.source(sentence)]
        confidence = KEY_EVENT_CONFIDENCE if not date.relative else 0.5
        if not key_event:
            confidence = MINOR_EVENT_CONFIDENCE
        elif reported:
            confidence = REPORTED_EVENT_CONFIDENCE
        proposal = Proposal(fact, confidence)
        reader.add(proposal)
        reader.events.setdefault(value, []).append((proposal, words))
        if "/" not in value:
            reader.events_by_year.setdefault(value[:4], []).append((proposal, words))


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.I)
_PHRASE_END = re.compile(
    r"\s+(?:that|which|who|as well as|and|but|when)\b|[,;:()\u2014]|(?<![A-Z])\.(?=\s|$)"
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|noted|stated|claimed|that|who|which|(?:believed|thought|reported|alleged)"
    r" to have|reportedly)\s+"
)


def _dated_act(text: str, date: DateMention) -> bool:
    """Whether the noun phrase a date qualifies names an act ("the 1983 suicide truck
    bombings"), not a thing ("the 2016 report")."""
    start = date.end
    comma = re.match(r",\s*", text[start : start + 3])
    if comma is not None:
        start += comma.end()  # "the September 11, 2012, attack on ..."
    end = _PHRASE_END.search(text, start)
    return bool(_ACT.search(text, start, end.start() if end else len(text)))


def _names_its_event(text: str, date: DateMention) -> bool:
    """Whether the date qualifies a noun phrase that is an act ("the March 2016 beach resort
    attack") in a clause that does no act before it ("This change is visible in")."""
    before = text[: date.start]
    if not _ATTRIBUTIVE.search(before) or _ACT.search(before):
        return False
    return _dated_act(text, date)


def _reported_what(text: str, date: DateMention) -> str | None:
    """What happened, in a sentence that reports it: the noun phrase a date qualifies ("the
    January 2013 hostage crisis at a gas facility" -> "Hostage crisis at a gas facility"), or
    the words between the last reporting word and the date ("officials said militants who
    attacked the mission in Benghazi in September 2012" -> "Attacked the mission in
    Benghazi"); None when neither reads as an event."""
    before = text[: date.start]
    if _ATTRIBUTIVE.search(before):
        end = _PHRASE_END.search(text, date.end)
        phrase = text[date.end : end.start() if end else len(text)].strip()
        words = phrase.split()
        if len(words) >= 2 and phrase[:1].islower():
            return _brief(phrase[:1].upper() + phrase[1:])
        return None
    reporting = list(_REPORTING.finditer(before))
    if not reporting:
        return None
    phrase = before[reporting[-1].end() :]
    phrase = re.sub(r"\s+(?:in|on|during|since|by)\s*$", "", phrase).strip(" ,")
    if len(phrase.split()) < 3 or _PHRASE_END.search(phrase):
        return None
    return _brief(phrase[:1].upper() + phrase[1:])


def _without_place(what: str, place: str) -> str:
    """What happened, without "in PLACE(, Country)": the where card asks for it."""
    pattern = (
        rf"\s+(?:in|near|at|outside)\s+(?:the\s+)?{re.escape(place)}"
        rf"(?:,\s+[A-Z][\w\u2019'-]+)?(?!\s+(?:and|or)\b)"
    )
    shorter = re.sub(pattern, "", what, count=1)
    return shorter if len(shorter.split()) >= 4 else what


def _place_in(reader: _Reader, text: str, prepositions: str) -> str | None:
    """The first place `text` introduces with one of the prepositions; a place inside a
    group's name ("the Front for Unity in West Africa") is no place where the event happened."""
    _groups_in(reader, "")
    assert reader.group_index is not None
    named = reader.group_index.spans(text)
    return next(
        (
            ident
            for position, ident in _places_in(reader, text)
            if re.search(rf"\b(?:{prepositions})\s+(?:the\s+)?$", text[:position])
            and not any(start <= position < end for start, end, _ in named)
        ),
        None,
    )


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


def _events_at(reader: _Reader, value: str) -> list[tuple[Proposal, set[str]]]:
    """Events already proposed on this date, or on the same date at another precision (a
    year and a month of it, a month and a day of it). Only the latest few of a year are
    looked at, so a long document costs no more per event."""
    same = reader.events.get(value, [])
    if "/" in value:
        return same
    return same + [
        entry
        for entry in reader.events_by_year.get(value[:4], [])[-_SAME_YEAR_LOOKBACK:]
        if entry[0].fact["date"] != value and _same_date(str(entry[0].fact["date"]), value)
    ]


_SAME_YEAR_LOOKBACK = 12


def _told_again(earlier: Proposal, seen: set[str], words: set[str], value: str) -> bool:
    """Whether an event is one already proposed: most of the shorter wording's words on the
    same date; at another precision ("1983", "April 1983"), most of both wordings' words."""
    shared = len(words & seen)
    if earlier.fact["date"] == value:
        return shared >= 0.6 * max(1, min(len(words), len(seen)))
    return shared >= 0.6 * max(1, len(words), len(seen))


def _same_date(first: str, second: str) -> bool:
    return first == second or first.startswith(second + "-") or second.startswith(first + "-")


def _resolve_subject(reader: _Reader, what: str) -> str:
    """ "The group ..." / "It ..." at the start of what happened: the group named last."""
    pronoun = re.match(r"(?:He|She)\b(?!')", what)
    if pronoun is not None and reader.last_person is not None:
        # "He was identified as ...": the one person the sentence before named
        person = str(reader.proposals[reader.last_person].fact["name"])
        return person + what[pronoun.end() :]
    if reader.last_group is None:
        return what
    fact = reader.proposals[reader.last_group].fact
    name = str(fact.get("acronym") or fact["name"])
    # "Its deadliest attack ...", "The group's activity ...", "Despite its losses, ...": the
    # group's
    owner = re.match(
        r"(?:(?:Despite|Since|After|Before|Following|Through|With|Under) )?"
        r"(?P<its>Its|its|The (?:group|organi[sz]ation)[\u2019']s)\b",
        what,
    )
    if owner is not None:
        return what[: owner.start("its")] + name + "\u2019s" + what[owner.end("its") :]
    match = re.match(r"(?:The (?:group|organi[sz]ation)|It)\b(?!')", what)
    if match is None:
        return what
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
        r"(?:\b(?i:in|on|since|by|during|from|until|as of|beginning in|starting in|after)\s+"
        r"(?:the\s+)?(?:(?i:summer|winter|spring|fall|autumn|start|end|beginning|middle|course)"
        r"\s+of\s+)?(?:the\s+)?)?$",
        "",
        text[: date.start],
    )
    after = text[date.end :]
    if re.search(r"\b[Aa]\s+$", before) and re.match(r"\s*[aeioAEIO]", after):
        before = before.rstrip()[:-1] + ("an " if before.rstrip()[-1] == "a" else "An ")
        after = after.lstrip()
    what = (before + after).strip(" ,;")
    what = re.sub(r"^[\s:;,.\u2013\u2014-]+", "", what)
    what = re.sub(r"^(?:Description|Activities|Background|Note):\s*", "", what)
    what = re.sub(
        r"^(?:More recently|Recently|Later|However|In addition|Additionally|Meanwhile|Since then"
        r"|In general|Historically),\s+",
        "",
        what,
    )
    what = re.sub(r"\s+,", ",", " ".join(what.split())).strip(" ,")
    # what the date's removal leaves: "That year,, marked", "consent .)", "(... .)"
    what = re.sub(r",(?:\s*,)+", ",", what)
    what = re.sub(r"\s+([.,;:)])", r"\1", what)
    what = re.sub(r"^\((.*?)\.?\)$", r"\1", what)
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
    what = _brief(_no_dangling(what))
    return what[:1].upper() + what[1:] if what else what


def _no_dangling(text: str) -> str:
    """Without the words a cut left hanging at the end ("... known as X, for")."""
    return re.sub(r"(?:[\s,]+(?:for|of|to|in|on|at|by|with|and|or|the|a|an|from)\b)+$", "", text)


WHAT_CAP = 110
# Where a long `what` may end: before a colon's list, an appositive, a dash's aside, a
# participle or relative clause; tried in order, each only past the first 30 characters.
_BRIEF_CUTS = (
    re.compile(r":\s"),
    re.compile(r",\s+(?:a|an)\s"),
    re.compile(r"\s*[\u2014\u2013]|\s--?\s"),
    re.compile(r",\s+(?:which|who|where|when|including|as well as|while|whose)\b"),
    re.compile(r",\s+(?:[a-z]+ing)\b"),
)


def _brief(what: str) -> str:
    """A `what` short enough to read in an order card (at most WHAT_CAP characters): cut at the
    first natural end that leaves it short, else at a word, marked with an ellipsis."""
    if len(what) <= WHAT_CAP:
        return what
    for cut in _BRIEF_CUTS:
        ends = [m.start() for m in cut.finditer(what, 30) if m.start() <= WHAT_CAP]
        if ends:
            shorter = what[: ends[0]].rstrip(" ,;:")
            if len(shorter.split()) >= 4 and len(shorter) <= WHAT_CAP:
                return _closed(shorter)
    return _closed(_no_dangling(what[:WHAT_CAP].rsplit(" ", 1)[0].rstrip(" ,;:")) + "\u2026")


def _closed(text: str) -> str:
    """Quotation marks left open by a cut are closed."""
    if text.count('"') % 2:
        text += '"'
    if text.count("\u201c") > text.count("\u201d"):
        text += "\u201d"
    return text
