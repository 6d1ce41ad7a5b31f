"""Which places are worth a fact: a place alone draws no card, so one is proposed above the
default confidence only when something happened there, when the document lists it on a line of
its own or among where a group acts, when a relation needs it (a state that backs a group), or
when the text keeps coming back to it as a place (not as a state that acts: "the United States
designated ..."); never a region named in passing."""

from __future__ import annotations

import re

from quizapp.generate.document import Document, Kind
from quizapp.generate.gazetteer import REGIONS
from quizapp.generate.typed.core import _Reader

_LOCATIVE = (
    r"\b(?:in|into|from|across|throughout|within|inside|near|to|toward|towards)\s+"
    r"(?:the\s+)?(?:[a-z]+ern\s+)?(?:parts? of\s+)?"
)
# where a group acts ("conducted attacks in Somalia, Kenya, Uganda, and Djibouti", "activities
# ... in Venezuela, Panama, and Ecuador", "operates freely within Pakistan"): up to a list of
# places after the word
_ACTS_IN = re.compile(
    r"\b(?:attacks?|activit(?:y|ies)|operat(?:e|es|ed|ions?|ing)|active|presence|based|bases"
    r"|sanctuary|safe ?havens?|cells?|strongholds?|concentrated|headquartered|fought|trained)"
    r"\b[^.;]{0,60}?" + _LOCATIVE
)


# what a state does when it is named as one that acts, not as a place
_ACTING = re.compile(
    r"\s+(?:also\s+|\w+ly\s+)?"
    r"(?:would|will|designat\w+|welcom\w+|announc\w+|encourag\w+|remains|join\w*|urg\w+"
    r"|call(?:s|ed)|stands|supports|(?:is|has) (?:taking|taken|designated|committed))\b"
)


def _mentions_as_place(reader: _Reader, name: str) -> int:
    """How many readable sentences name the place, leaving out those where it is only a
    state that acts ("the United States designated ...", "Powell said the United States
    would join ...")."""
    count = 0
    for index in reader.word_sentences.get(name.split()[-1], ()):
        text = reader.texts[index]
        at = text.find(name)
        if at < 0:
            continue  # another name with the same last word ("Borno State", "Islamic State")
        acting = (at == 0 or text[max(0, at - 4) : at].lower() == "the ") and _ACTING.match(
            text, at + len(name)
        ) is not None
        count += not acting
    return count


_PLACE_NAME = r"[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,2}"
_PLACE_SERIES = re.compile(
    rf"(?P<series>{_PLACE_NAME}(?:,\s+{_PLACE_NAME}){{0,5}}(?:,?\s+(?:and|or)\s+{_PLACE_NAME})?)"
)


def _where_a_group_acts(reader: _Reader, name: str) -> bool:
    """Whether a sentence names the place after a word of acting there, alone or in a list
    ("attacks in Somalia, Kenya, Uganda, and Djibouti"); in "attacks in Gao, Mali" the
    country only says where the town is."""
    first = name.split()[0]
    for index in reader.word_sentences.get(first, ()):
        text = reader.texts[index]
        for acts in _ACTS_IN.finditer(text):
            series = _PLACE_SERIES.match(text, acts.end())
            if series is None:
                continue
            names = re.split(r",?\s+(?:and|or)\s+|,\s+", series.group("series"))
            listed = bool(re.search(r"\s(?:and|or)\s", series.group("series")))
            if name in (names if listed else names[:1]):
                return True
    return False


def weigh_places(reader: _Reader, document: Document) -> None:
    """Set each place proposal's confidence once the whole document has been read."""
    # A list item that is only a place's name ("• Algeria" under "Active in Locations:").
    places = dict(reader.place_names)
    listed = {
        places[sentence.text.rstrip(".;,")]
        for sentence in document.sentences
        if sentence.kind is Kind.ITEM and sentence.text.rstrip(".;,") in places
    }
    # a state that is a group's ally or backer is worth its fact, as the relation needs it
    related = {
        ident
        for proposal in reader.proposals.values()
        if proposal.fact["type"] == "relation"
        for ident in (*proposal.fact["from"], proposal.fact["to"])
    }
    for proposal in reader.proposals.values():
        if proposal.id in related and proposal.fact["type"] == "place":
            continue
        # A place alone draws no card: it is worth proposing when an event happened there,
        # when the document lists it on a line of its own or among where a group acts, or
        # keeps coming back to it as a place (not as a state that acts: "the United States
        # designated ...")
        if proposal.fact["type"] == "place" and proposal.id not in reader.places_used:
            name = str(proposal.fact["name"])
            mentions = _mentions_as_place(reader, name)
            acronym = proposal.fact.get("acronym")
            if acronym:
                # "the VRAEM area": a place named by its acronym is named all the same
                mentions += len(reader.word_sentences.get(str(acronym), ()))
            acts_there = _where_a_group_acts(reader, name)
            proposal.confidence = (
                0.6 if mentions >= 3 or proposal.id in listed or acts_there else 0.3
            )
            if name in REGIONS and proposal.id not in listed:
                # "North Africa", "the Sahel": a region named in passing is no fact to learn
                proposal.confidence = 0.3
