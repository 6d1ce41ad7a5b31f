"""Candidates found by the rules → typed facts (deck format v2), each with a confidence.

The rules in `entities` and `dates` find spans; this package decides what
each one is a fact about: the group a designation targets (never the agency or the law), the
groups a renaming goes from and to, what a dated sentence says happened. "The group", "it"
and "its" stand for the group named last. A fact is a plain mapping in deck-file key order,
`status: generated`, quoting its one sentence verbatim.

`propose_facts` reads a document once, sentence by sentence: `names` makes the group, person
and place facts, then `designations`, `relations`, `statements` and `events` read each
sentence with the date context and the group named last (`core`); `places` then weighs the
place facts against the whole document.
"""

from __future__ import annotations

import re

from quizapp.generate.dates import DateContext, find_dates
from quizapp.generate.document import Document, Kind
from quizapp.generate.entities import find_entities
from quizapp.generate.typed.core import (
    Proposal,
    _groups_in,
    _Reader,
    _spelling_key,
    fact_id,
    slug,
)
from quizapp.generate.typed.designations import _designations
from quizapp.generate.typed.events import EVENT_SENTENCE_CAP, MINOR_EVENT_CONFIDENCE, _events
from quizapp.generate.typed.names import (
    _GROUP_WORDS,
    _aka,
    _appositive_groups,
    _drop_aliases_of_others,
    _entity_fact,
    _heading_groups,
    _merge_named_aliases,
    _merge_spellings,
    _named_as_group,
    _signatures,
    _title_names,
    report_title_group,
)
from quizapp.generate.typed.places import weigh_places
from quizapp.generate.typed.relations import _leadership, _relations
from quizapp.generate.typed.statements import (
    _HEDGE,
    _PUBLISHERS,
    _SPEECH,
    _statement,
    profile_section,
)

_OPENS_WITH_IT = re.compile(r"(?:[A-Z][a-z]+ \d{4}, )?(?:The (?:group|organi[sz]ation)|It)\b")


# An annual report named with the year it covers.
_REPORT_YEAR = re.compile(
    r"\b(?:Country Reports? on Terrorism|Patterns of Global Terrorism),?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def _name_only(heading: str) -> str | None:
    """A heading that is only a name, "NAME" or "Name (ACR)", written in any case."""
    text = re.sub(r"\s*\([A-Z][A-Za-z-]{1,9}\)$", "", heading.strip())
    return text if 0 < len(text.split()) <= 8 and not re.search(r"[.:;,!?\d]", text) else None


__all__ = ["EVENT_SENTENCE_CAP", "Proposal", "fact_id", "propose_facts", "slug"]


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
    found = [
        *_heading_groups(reader, document),
        *_appositive_groups(reader),
        *_signatures(reader, document),
    ]
    known = {_spelling_key(e.name) for e in found}
    found += [e for e in find_entities(reader.texts, titles) if _spelling_key(e.name) not in known]
    group_keys = {_spelling_key(e.name) for e in found if e.kind == "group"}
    for entity in found:
        if entity.kind == "person" and (
            _GROUP_WORDS.search(entity.name)
            or _named_as_group(reader, entity.name)
            or _spelling_key(entity.name) in group_keys  # "Velora Islamiyah" of "Velora Islamiya"
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
            if stamped:
                latest = max(latest, stamped[0].value)
                for act in reader.undated_acts:
                    act.fact["date"] = stamped[0].value
                    act.confidence = max(act.confidence, 0.8)
            reader.undated_acts.clear()
            continue
        if sentence.kind is Kind.AKA:
            _aka(reader, sentence)
            continue
        if sentence.kind is Kind.HEADING:
            publisher = next(
                (name for pattern, name in _PUBLISHERS if pattern.search(sentence.text)), None
            )
            reader.publisher = publisher or reader.publisher
            if publisher is not None:
                reader.dateline = None  # a new release: "today" is its dateline, if it has one
                reader.undated_acts.clear()
            reader.section = profile_section(sentence.text)
            report = _REPORT_YEAR.search(sentence.text)
            if report is not None:
                # "Country Report on Terrorism 2022 - ...": the year the report covers is the
                # year a bare "In January," below it means
                context.year, context.month = int(report.group("year")), None
                context.report_year = context.year
            elif publisher is not None:
                context.report_year = None  # another release
            subject = report_title_group(sentence.text) or _name_only(sentence.text)
            if subject is not None:
                # a report's passage on one group ("Country Reports on Terrorism 2013 - ...:
                # NAME", or a title that is only the name): "it" and its "aka" line are that
                # group's
                reader.last_group = reader.group_by_spelling(subject) or reader.last_group
            continue
        if not sentence.readable:
            continue
        dates = find_dates(sentence.text, context)
        groups = _groups_in(reader, sentence.text)
        subject = groups[0][1] if groups and groups[0][0] < 40 else reader.last_group
        if _OPENS_WITH_IT.match(sentence.text) and reader.last_group is not None:
            subject = reader.last_group  # "The group split from X ...": X is not the subject
        before = len(reader.proposals)
        used = _designations(reader, sentence, dates, groups, subject)
        used |= _relations(reader, sentence, dates, groups, subject)
        used |= _leadership(reader, sentence, dates, groups, subject)
        # words that state a designation or a relation the sentence already gave ("I am
        # announcing the designation of ...", Powell said) are that fact, not a statement too
        stated = len(reader.proposals) > before
        spoken = bool(_SPEECH.search(sentence.text)) and (
            stated or _statement(reader, sentence, groups, subject, dates, speech_only=True)
        )
        hedged = len(reader.proposals) == before and bool(_HEDGE.search(sentence.text))
        unused = [d for d in dates if d not in used]
        if hedged:
            # "On May 19, 2021, X was reportedly killed": an act told with a hedge is that
            # event, less surely; a hedged view with no act in it is a statement
            _events(reader, sentence, unused, groups, reported=True, hedged=True)
            told = any(
                p.confidence > MINOR_EVENT_CONFIDENCE
                for p in list(reader.proposals.values())[before:]
            )
            if not told:
                _statement(reader, sentence, groups, subject, dates, hedged=True)
        else:
            _events(reader, sentence, unused, groups, reported=spoken)
        section = profile_section(sentence.lead) if sentence.lead else reader.section
        reader.section = None  # a section's first sentence says what its label asks
        added = list(reader.proposals.values())[before:]
        # an event only kept under the default confidence (a state, not an act: "has
        # carried out more than 80 attacks since October 1999") leaves the sentence to be the
        # report's assessment
        shown = [p for p in added if p.confidence > MINOR_EVENT_CONFIDENCE]
        if not shown or (
            section is not None and not any(p.fact["type"] == "statement" for p in added)
        ):
            _statement(reader, sentence, groups, subject, dates, section=section)
        if groups:
            reader.last_group = subject or groups[-1][1]
        named = {
            ident
            for _, ident in _groups_in(reader, sentence.text, people=True)
            if reader.proposals[ident].fact["type"] == "person"
        }
        if named or not re.match(r"(?:He|She)\b", sentence.text):
            reader.last_person = next(iter(named)) if len(named) == 1 else None
        # whether the sentence is about a group (opens with one, or with "it" when the one
        # before was): what a following "It ..." stands for
        opens_with_group = bool(groups) and groups[0][0] < 12
        reader.about_group = opens_with_group or (
            bool(_OPENS_WITH_IT.match(sentence.text)) and reader.about_group
        )
        # the latest date of the whole document, not of the sentence read last
        latest = max(
            [
                latest,
                *(d.value.split("/")[-1] for d in dates if not d.value.endswith("s")),
            ]
        )
    _merge_named_aliases(reader)
    _drop_aliases_of_others(reader)
    weigh_places(reader, document)
    if undated and latest:
        for proposal in reader.proposals.values():
            proposal.fact["as_of"] = latest.split("/")[-1]
    return list(reader.proposals.values())
