"""Writing decks as an Anki package (.apkg) with genanki.

Card kinds map to Anki note types: basic → Basic, reversed basic → Basic (and reversed card),
cloze → Cloze (one `{{cN::...}}` per deletion, as quizapp makes one unit per deletion), typed →
a type-in-the-answer note type, choice/order/match → Basic with the options or list shown.
Model, deck and note ids are derived from names and card ids, so exporting again updates the
same notes in Anki instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Sequence
from pathlib import Path

import genanki

from quizapp.interop.sides import Options, plain_sides
from quizapp.model.cards import BasicCard, Card, ClozeCard, Deck, TypedCard
from quizapp.model.units import CLOZE_PATTERN
from quizapp.store.anki import write_package

FIELDS = [{"name": n} for n in ("Front", "Back", "Explanation", "Source", "Category")]
CSS = """.card{font-family:arial;font-size:20px;text-align:center;color:black;background:white}
.extra{font-size:16px;color:#444}.source{font-size:13px;color:#777;margin-top:1em}"""
EXTRA = '<div class="extra">{{Explanation}}</div><div class="source">{{Source}}</div>'


def stable_id(name: str) -> int:
    """An id in genanki's recommended range [2^30, 2^31), derived from `name`."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def _template(name: str, front: str, back: str) -> dict[str, str]:
    return {"name": name, "qfmt": front, "afmt": back}


def build_models() -> dict[str, genanki.Model]:
    """The four note types, by quizapp name."""
    answer = '{{FrontSide}}<hr id="answer">{{Back}}' + EXTRA
    basic = genanki.Model(
        stable_id("quizapp basic"), "quizapp Basic", fields=FIELDS, css=CSS,
        templates=[_template("Card 1", "{{Front}}", answer)],
    )  # fmt: skip
    reversed_ = genanki.Model(
        stable_id("quizapp reversed"), "quizapp Basic (and reversed card)", fields=FIELDS, css=CSS,
        templates=[
            _template("Card 1", "{{Front}}", answer),
            _template("Card 2", "{{Back}}", '{{FrontSide}}<hr id="answer">{{Front}}' + EXTRA),
        ],
    )  # fmt: skip
    typed = genanki.Model(
        stable_id("quizapp typed"), "quizapp Basic (type in the answer)", fields=FIELDS, css=CSS,
        templates=[
            _template(
                "Card 1", "{{Front}}<br>{{type:Back}}",
                '{{Front}}<hr id="answer">{{type:Back}}' + EXTRA,
            )
        ],
    )  # fmt: skip
    cloze = genanki.Model(
        stable_id("quizapp cloze"), "quizapp Cloze",
        fields=[{"name": n} for n in ("Text", "Explanation", "Source", "Category")],
        templates=[_template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}" + EXTRA)],
        css=CSS, model_type=genanki.Model.CLOZE,
    )  # fmt: skip
    return {"basic": basic, "reversed": reversed_, "typed": typed, "cloze": cloze}


def to_anki_cloze(text: str) -> str:
    """`{{a}} and {{b::hint}}` → `{{c1::a}} and {{c2::b::hint}}`, HTML-escaped outside markup."""
    parts: list[str] = []
    last = 0
    for n, match in enumerate(CLOZE_PATTERN.finditer(text), start=1):
        parts.append(html.escape(text[last : match.start()]))
        answer, sep, hint = match.group(1).partition("::")
        inner = html.escape(answer) + (f"::{html.escape(hint)}" if sep else "")
        parts.append(f"{{{{c{n}::{inner}}}}}")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _tags(card: Card, deck: Deck) -> list[str]:
    tags = [*deck.tags, *card.tags, f"quizapp::{card.category.value}"]
    return sorted({t.strip().replace(" ", "_") for t in tags if t.strip()})


def note_for(
    card: Card, deck: Deck, models: dict[str, genanki.Model], options: Options | None = None
) -> genanki.Note:
    """One Anki note for one card."""
    source = _html(f"{card.source.doc}: “{card.source.quote}”") if card.source else ""
    explanation = _html(card.explanation or "")
    category = card.category.value
    guid = genanki.guid_for("quizapp", card.id)
    if isinstance(card, ClozeCard):
        fields = [to_anki_cloze(card.text), explanation, source, category]
        return genanki.Note(models["cloze"], fields, tags=_tags(card, deck), guid=guid)
    front, back = plain_sides(card, options)
    if isinstance(card, TypedCard):
        model = models["typed"]
        back = card.answer  # type-in comparison needs the bare answer
    elif isinstance(card, BasicCard) and card.reverse:
        model = models["reversed"]
    else:
        model = models["basic"]
    fields = [_html(front), _html(back), explanation, source, category]
    return genanki.Note(model, fields, tags=_tags(card, deck), guid=guid)


def export_apkg(
    decks: Sequence[Deck],
    output: Path,
    advance: Callable[[], None] | None = None,
    name: str = "",
    options: Options | None = None,
) -> int:
    """Write every deck into one package (one Anki deck each); return the number of notes."""
    models = build_models()
    anki_decks: list[genanki.Deck] = []
    notes = 0
    for deck in decks:
        anki_deck = genanki.Deck(stable_id(f"quizapp deck {deck.id}"), f"quizapp::{deck.title}")
        for card in deck.cards:
            anki_deck.add_note(note_for(card, deck, models, options))
            notes += 1
            if advance is not None:
                advance()
        anki_decks.append(anki_deck)
    write_package(genanki.Package(anki_decks), output, name or str(output))
    return notes
