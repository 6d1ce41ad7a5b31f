"""Documents → facts: the four kinds of fact a course on armed groups is built on.

A fact keeps the sentence it came from, so its card can quote the source verbatim and an
instructor can check it in one glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.generate.dates import DateContext, DateMention, find_dates
from quizapp.generate.document import Document, Sentence
from quizapp.generate.entities import Entity, find_entities
from quizapp.generate.events import Event, find_events

KINDS = ("date", "person", "group", "place", "merger", "designation")


@dataclass(frozen=True, slots=True)
class Fact:
    """One proposal: `kind`, a `key` that identifies it, and the sentence that states it."""

    kind: str
    key: str
    sentence: Sentence
    date: DateMention | None = None
    entity: Entity | None = None
    event: Event | None = None
    mentions: tuple[str, ...] = field(default=())

    @property
    def quote(self) -> str:
        """The sentence as its plain text reads (see `Sentence.quote`)."""
        return self.sentence.quote


def extract_facts(document: Document) -> list[Fact]:
    """Every fact the rules find in one document, in reading order within each kind."""
    body = [sentence for sentence in document.sentences if not sentence.heading]
    facts: list[Fact] = []
    context = DateContext()
    for sentence in body:
        for mention in find_dates(sentence.text, context):
            facts.append(Fact("date", mention.value, sentence, date=mention))
    entities = find_entities([sentence.text for sentence in body])
    names = tuple(entity.name for entity in entities if entity.kind == "group")
    for entity in entities:
        index = entity.detail_sentence if entity.detail_sentence is not None else entity.sentence
        facts.append(Fact(entity.kind, entity.name, body[index], entity=entity))
    for sentence in body:
        for event in find_events(sentence.text):
            present = tuple(name for name in names if name in sentence.text)
            key = f"{event.family}:{event.trigger.lower()}"
            facts.append(Fact(event.kind, key, sentence, event=event, mentions=present))
    return facts
