"""Reading a source document and cutting it into sentences.

A document is read as its plain text, by the project's one Markdown reader
(`decks.plaintext.plain_text`, markdown-it): links, emphasis, escapes, heading and bullet marks
are gone before any line is looked at, and a sentence is quoted exactly as the validator reads
the document, so every quote checks out. Paragraphs that a copy-paste broke in the middle of a
sentence are joined again.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path

from quizapp.decks.plaintext import plain_text
from quizapp.errors import QuizappError
from quizapp.generate.gazetteer import words
from quizapp.safety.files import read_regular

_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_ABBREVIATIONS = frozenset(
    words(
        "mr mrs ms dr st gen lt col maj sgt capt gov sen rep jr sr no vs etc inc co corp e.g i.e "
        "jan feb mar apr aug sept sep oct nov dec u.s u.k u.n e.o a.k.a aka p.l u.s.c fig "
        "dept govt no nos art sec stat para pp vol ed eds est approx"
    )
)
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_PARAGRAPH_END = '.!?:;"\u201d\u2019'
_SENTENCE_END = re.compile(
    r"[.!?][\"\u201d\u2019)\]]*(?:\[\d{1,3}\]|\d{1,3})?(?=\s+[\"\u201c\u2018(\[A-Z0-9])"
)
# A sentence longer than this is not a sentence a card can quote (a run-on line, a table);
# it is cut at spaces, which also keeps the extractors' work per sentence bounded, so that
# `generate` stays linear in its input.
SENTENCE_CAP = 1000
_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    r"^(?:\|\s*)?(?:(?:Dated|Date|Publication [Dd]ate|Released(?: on)?|Updated|Last updated"
    r"|Published(?: on)?)\b\s*[:|]?\s*)?"
    rf"(?:(?:{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}})"
    r"|(?:\d{4}-\d\d-\d\d)|(?:" + _MONTH_WORD + r"\s+\d{4}))\.?(?:\s*\|)?$",
    re.IGNORECASE,
)
# who published a text and when, or a citation's title and date, on a line or in a sentence
# of its own ("United States Department of State, May 2002.", "Foreign Terrorist
# Organizations: Liberation Tigers of Tamil Eelam (LTTE), 19 July 2017.")
_BYLINE = re.compile(
    r"(?P<head>[A-Z][^.!?]{2,160}),\s+"
    rf"(?:{_MONTH_WORD}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD}\s+\d{{4}})\.?"
)
_AKA = re.compile(r"^(?:aka\b|a\.k\.a\.|also known as\b)", re.IGNORECASE)
# A section label that opens a sentence, as profiles write them ("Description: Hizballah was
# designated ...", "Funding and External Aid: ASG is funded ..."): up to six words, each
# capitalised but for a few short ones, no digits (so never a date's "April 11, 2007:").
_INLINE_LABEL = re.compile(
    r"^[A-Z][A-Za-z\u2019'/&-]*(?:\s+(?:[A-Z][A-Za-z\u2019'/&-]*|and|of|or|in|the|&)){0,5}:\s+"
    r"(?=[\"\u201c(A-Z])"
    # a report's section heading run into its first sentence ("Summary Hamas is ...")
    r"|^(?:Summary|Overview|Background|Introduction|Description)\s+(?=[A-Z][a-z])"
)
_FOOTNOTE_AFTER_STOP = re.compile(r"([.!?][\"\u201d\u2019)]*)(?:\[\d{1,3}\]|\d{1,3})$")
# A credit or a citation of where a text comes from ("From: \"Chapter 8 ...\", Country
# Reports on Terrorism 2005, ..."): no sentence of the text.
# A copy's apparatus run into the text: an address, a rule of dashes ("For other versions of
# this document, see http://... ------ Order Code RL31672 CRS Report for Congress ...").
_BOILERPLATE = re.compile(r"https?://|www\.|-{8,}|_{8,}|={8,}")
_CREDIT = re.compile(
    r"^\(?(?:Photos?|Images?|Pictures?|Credits?|Photo credit|From|Sources?|Citation)\s*:"
    # a caption: "This file photograph taken on 27 Nov 2008 shows flames ..."
    r"|^(?:This|The|A|In this) (?:file )?(?:photo(?:graph)?|image|picture|handout)\b",
    re.I,
)
_SECTION_LABEL = re.compile(
    r"(?:Description|Activities|Strength|Aliases|Overview|Summary|Background|Leadership"
    r"|Location(?:/| and )Area of Operations?|Area of Operations?|Location"
    r"|(?:Funding and )?External Aid|Funding|Timeline)\s*:?",
    re.I,
)
_CREDIT_INSIDE = re.compile(r"\s(?:From|Source|Excerpted from)\s*:\s")
_SENTENCE_PUNCT = (".", "!", "?", '."', ".\u201d", "?\u201d", ".)", ".\u2019")


class Kind(enum.StrEnum):
    """What a piece of a document is: only `sentence` and `item` lines are read for facts.

    A `heading` (Markdown heading, title, address, section label: a short line without end
    punctuation) gives context, a `dateline` (a line that is only a date) dates what follows,
    an `aka` line lists other names; a `runon` piece (a "sentence" longer than the cap) is
    quoted nowhere.
    """

    SENTENCE = "sentence"
    ITEM = "item"
    HEADING = "heading"
    DATELINE = "dateline"
    AKA = "aka"
    RUNON = "runon"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or line of another kind) of the document's plain text, whitespace folded."""

    index: int
    text: str
    kind: Kind = Kind.SENTENCE
    lead: str = ""

    @property
    def quote(self) -> str:
        """What a fact quotes: the sentence as the validator reads the document, with the
        section label it opens with (`lead`, "Funding and External Aid: "), which `text`,
        what the rules read, leaves out."""
        return self.lead + self.text

    @property
    def readable(self) -> bool:
        """Whether facts may be taken from it (prose or a list item, never a title)."""
        return self.kind in (Kind.SENTENCE, Kind.ITEM)


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: its file name (what facts cite), its text as written, and the
    sentences of its plain text in order."""

    name: str
    text: str
    sentences: tuple[Sentence, ...]


def _fold(text: str) -> str:
    return " ".join(text.split())


def read_document(path: Path) -> Document:
    """Read a UTF-8 text or Markdown file; raise a clear error for empty or binary input."""
    if not path.exists():
        raise QuizappError(f"{path}: no such file; give the path of a text or Markdown document")
    if path.is_dir():
        raise QuizappError(f"{path} is a folder; give text or Markdown files")
    data = read_regular(path, MAX_DOCUMENT_BYTES)
    if b"\x00" in data[:8192]:
        raise QuizappError(f"{path} looks binary; convert it to plain text or Markdown first")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizappError(
            f"{path} is not UTF-8 text; convert it to UTF-8 plain text or Markdown first"
        ) from None
    if not text.strip():
        raise QuizappError(f"{path} is empty; there is nothing to generate cards from")
    return parse_document(path.name, text)


def parse_document(name: str, text: str) -> Document:
    """Cut `text` (Markdown or plain text) into sentences and the lines that are not sentences
    (see `Kind`). Markdown is read once, for the whole document, by `plain_text`; what follows
    reads plain lines only."""
    sentences: list[Sentence] = []

    def add(raw: str, kind: Kind) -> None:
        clean = _fold(raw)
        credit = _CREDIT_INSIDE.search(clean[:200]) if kind is Kind.SENTENCE else None
        if credit is not None and _field_line(clean[: credit.start()]):
            # "Revolutionary Armed Forces of Colombia (FARC) From: Patterns of Global
            # Terrorism, 2001 .": a title, then where the text comes from
            add(clean[: credit.start()], Kind.HEADING)
            add(clean[credit.start() :].strip(), Kind.HEADING)
            return
        if clean:
            kind = Kind.RUNON if len(raw) > SENTENCE_CAP else kind
            byline = _BYLINE.fullmatch(clean) if kind is Kind.SENTENCE else None
            if byline is not None and _field_line(byline.group("head")):
                kind = Kind.DATELINE  # "United States Department of State, May 2002."
            if kind in (Kind.SENTENCE, Kind.ITEM) and (
                _CREDIT.match(clean)
                or _BOILERPLATE.search(clean)
                # a line all in brackets, a wire's summary line: "(U.S. says group has links
                # to al-Qaida) (210)"
                # (a whole sentence in brackets, "(... in early April.)", is a sentence)
                or re.fullmatch(r"\([^()]{0,200}[^().!?]\)(?:\s*\(\d{1,5}\))?", clean)
            ):
                kind = Kind.HEADING  # "(Photo: A. Name/Courtesy Reuters)": no sentence
            label = _INLINE_LABEL.match(clean) if kind in (Kind.SENTENCE, Kind.ITEM) else None
            lead = label.group(0) if label else ""
            sentences.append(Sentence(len(sentences), clean[len(lead) :], kind, lead))

    for block, kind in _paragraphs(plain_text(text.replace("\r\n", "\n").replace("\r", "\n"))):
        if kind is Kind.ITEM:
            # A list item is quoted without its bullet, and cut into sentences like prose.
            marker = _BULLET.match(block)
            block = block[marker.end() :] if marker else block
        if kind in (Kind.SENTENCE, Kind.ITEM):
            for raw in _split_sentences(block):
                pieces = _capped(raw)
                for piece in pieces:
                    add(piece, Kind.RUNON if len(pieces) > 1 else kind)
        else:
            add(block, kind)
    return Document(name, text, tuple(sentences))


def _capped(raw: str) -> list[str]:
    """A sentence, or a run-on cut at whitespace into pieces no longer than the cap (by index,
    so a 240 KB run-on is cut in one pass, not copied once per piece)."""
    if len(raw) <= SENTENCE_CAP:
        return [raw]
    pieces: list[str] = []
    start = 0
    while len(raw) - start > SENTENCE_CAP:
        cut = raw.rfind(" ", start, start + SENTENCE_CAP)
        cut = cut if cut > start else start + SENTENCE_CAP
        pieces.append(raw[start:cut])
        start = cut
        while start < len(raw) and raw[start].isspace():
            start += 1
    return [*pieces, raw[start:]] if start < len(raw) else pieces


def _is_structural(line: str) -> bool:
    return bool(_BULLET.match(line) or _RULE.match(line))


def _line_kind(line: str) -> Kind:
    """The kind of a line read on its own (prose unless it looks like anything else).

    Every kind but prose and list items is a short line, so its start decides: folding a
    megabyte-long run-on line whole would only cost time. (A Markdown heading has lost its
    `#` by now: it is a heading because it is a short line without end punctuation.)
    """
    clean = _fold(line[: SENTENCE_CAP + 1])
    if _DATELINE.match(clean):
        return Kind.DATELINE
    if _AKA.match(clean):
        return Kind.AKA
    if _BULLET.match(line):
        return Kind.ITEM
    if _field_line(clean) or _field_line(clean.rstrip(".:"), limit=5):
        return Kind.HEADING
    return Kind.SENTENCE


def _paragraphs(text: str) -> list[tuple[str, Kind]]:
    """Blocks of one kind: a title, dateline or "aka" line stands alone; wrapped prose lines
    are joined, and so is a sentence cut in two by a blank line."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _is_structural(line):
            if current:
                blocks.append(current)
                current = []
            if line.strip() and not _RULE.match(line):
                blocks.append([line])
            continue
        if current and not _wrapped(current[-1], line):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    blocks = _aka_lists(blocks)
    joined: list[tuple[str, Kind]] = []
    for lines in blocks:
        block = " ".join(part.strip() for part in lines)
        kind = _line_kind(lines[0]) if len(lines) == 1 else Kind.SENTENCE
        if len(lines) > 1 and _line_kind(lines[0]) is Kind.HEADING and _field_line(_fold(block)):
            # a title wrapped over two lines ("In Brief: The September 2013 Terrorist Attack"
            # then "in Kenya"): still a title when the whole reads as one
            kind = Kind.HEADING
        if (
            joined
            and joined[-1][1] is Kind.SENTENCE
            and len(joined[-1][0]) < SENTENCE_CAP  # a run-on is not joined further
            and _continues(joined[-1][0], block, kind)
        ):
            joined[-1] = (joined[-1][0] + " " + block, Kind.SENTENCE)
        else:
            joined.append((block, kind))
    return joined


_AKA_ALONE = re.compile(r"^\s*(?:aka|a\.k\.a\.?|also known as)\s*:?\s*$", re.IGNORECASE)
_MAX_AKA_NAMES = 60


def _aka_lists(blocks: list[list[str]]) -> list[list[str]]:
    """An "a.k.a." line alone (or "a.k.a. First Name;"), then one name a line ("Sons of the
    Marsh;"): one "aka" line listing them all, as if the list had been written on one line."""
    merged: list[list[str]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        opens_list = len(block) == 1 and (
            _AKA_ALONE.match(block[0])
            or (_AKA.match(block[0].strip()) and block[0].rstrip().endswith((";", ",")))
        )
        if opens_list:
            names: list[str] = []
            index += 1
            while index < len(blocks) and len(names) < _MAX_AKA_NAMES:
                lines = blocks[index]
                if not all(_is_listed_name(line) for line in lines):
                    break
                names += [line.strip() for line in lines]
                index += 1
                if not lines[-1].rstrip().endswith((";", ",")):
                    break  # the last name of the list has no separator after it
            if names:
                # the lines as written, joined: what a fact quotes is still the document's text
                merged.append([" ".join([block[0].strip(), *names])])
                continue
            merged.append(block)
            continue
        merged.append(block)
        index += 1
    return merged


def _is_listed_name(line: str) -> bool:
    """A line that is one name of a list: short, capitalised, no sentence's end."""
    clean = line.strip().rstrip(";,")
    return (
        0 < len(clean) <= 80
        and clean[:1].isupper()
        and not clean.endswith((".", "!", "?"))
        and len(clean.split()) <= 8
    )


def _wrapped(previous: str, line: str) -> bool:
    """Whether `line` continues `previous` (hard-wrapped prose), not a line of its own."""
    clean = _fold(previous)
    kind = _line_kind(previous)
    if (
        kind is Kind.HEADING
        and line.lstrip()[:1].islower()
        and not clean.endswith((":", "|"))
        and _line_kind(line) not in (Kind.AKA, Kind.DATELINE)
    ):
        # a wrapped line that only looked like a title ("The Front (F) was founded in 1961"
        # then "by ..."): a title is not followed by the rest of its sentence
        return True
    if kind is not Kind.SENTENCE or _line_kind(line) in (Kind.DATELINE, Kind.AKA):
        return False
    if _SECTION_LABEL.fullmatch(line.strip()):
        return False  # a profile's bare section label ("Description") starts a section
    if clean.endswith(tuple(_PARAGRAPH_END)):
        return bool(re.search(r"\b(?:[A-Z]\.)+$|\b(?:Gen|Dr|Mr|Mrs|Ms|No|St|E\.O)\.$", clean))
    return True


def _continues(previous: str, block: str, kind: Kind) -> bool:
    """A sentence cut by a blank line: the first part stops mid-sentence, the second ends it."""
    clean = _fold(block)
    if not _unfinished(previous) or kind in (Kind.DATELINE, Kind.AKA, Kind.ITEM):
        return False
    if clean[:1].islower():
        return True
    last = previous[-2 * SENTENCE_CAP :].split()[-2:]
    cut_mid = last[-1][:1].islower() or last[0] in _FUNCTION_BEFORE_NAME
    return cut_mid and clean.endswith(_SENTENCE_PUNCT)


_FUNCTION_BEFORE_NAME = frozenset(words("the of and to a an in for with by from at on"))


def _field_line(clean: str, limit: int = 12) -> bool:
    """A short line without end punctuation: a title, an address or a "Field: value" line."""
    tokens = clean.split()
    if len(tokens) > max(limit, 24 if limit == 12 else limit) or clean.endswith(
        tuple(_PARAGRAPH_END)
    ):
        return False
    if clean.count("(") > clean.count(")") or (
        len(tokens) > 3 and (tokens[-1] in _FUNCTION_BEFORE_NAME or tokens[-1] == "or")
    ):
        return False  # "Al Shabaab (aka Harakat Al Shabaab, or": a line that wraps, no title
    alphabetic = [word for word in tokens if word[:1].isalpha()]
    capitalised = [word for word in alphabetic if word[:1].isupper()]
    if len(tokens) > 12:
        return 10 * len(capitalised) >= 6 * len(alphabetic)
    return len(tokens) <= 4 or 2 * len(capitalised) >= len(alphabetic)


def _unfinished(block: str, minimum: int = 6) -> bool:
    """Whether a paragraph (longer than `minimum` words) stops mid-sentence (only its end is
    read, so a huge paragraph costs no more than a normal one)."""
    clean = _fold(block[-2 * SENTENCE_CAP :])
    if len(clean.split()) <= minimum or re.search(r"(^|[.!?\"\u201d])\s*\([^()]*\)$", clean):
        return False
    return not clean.endswith(tuple(_PARAGRAPH_END))


def _split_sentences(block: str) -> list[str]:
    """Sentence ends, skipping abbreviations ("U.S.", "Gen.") and initials ("Martin E.")."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[max(start, match.start() - 64) : match.start() + 1]
        word = re.search(r"(\S+)\.$", before)
        if word:
            token = word.group(1).lower().lstrip('(["\u201c')
            last = token.rsplit("-", 1)[-1]  # "then-U.S. Ambassador"
            if (
                token in _ABBREVIATIONS
                or last in _ABBREVIATIONS
                or re.fullmatch(r"[a-z](?:\.[a-z])*", token)  # "J.W. Marriott", "Martin E."
            ):
                continue
        piece = block[start : match.end()].strip()
        # "... since its founding.86": the footnote's number is no part of the sentence
        pieces.append(_FOOTNOTE_AFTER_STOP.sub(r"\1", piece))
        start = match.end()
    tail = block[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces
