"""Finding people, organisations and places, with roles, acronyms and aliases.

Rules, not a model: runs of capitalised words are cut at titles and connectors, then sorted by
what surrounds them (an acronym in brackets or an organisation word makes a group, a gazetteer
or a list of places makes a place, a title, a role or a verb of speech makes a person).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.generate import gazetteer as gz

# a hyphen joins a word ("al-Qaida"), two never do ("R&R--in Venezuela")
_TOKEN = re.compile(r"(?:[\w\u2018\u2019\u02bc`'.]|(?<!-)-(?!-))+|[^\w\s]")
# "(ISIS-WA)", "(FARC-EP)": an acronym may carry a hyphenated part
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z]{1,7}(?:-[A-Z][A-Za-z]{0,5})?)\)")
_ALIAS = re.compile(
    r"\b(?i:also known as|aka|a\.k\.a\.|nicknamed|dubbed|the moniker|the nickname|alias|"
    r"nom de guerre)\s+(?:the\s+)?"
    # a name may open with the Arabic article in lower case ("aka al-Shabab")
    r"(?P<alias>(?:[A-Z]|(?:al|el|an|ar|as|ash|at|ad|az)[-\s\u2019'][A-Z])[^,;:()\u201c\u201d\"]{1,60}?)"
    r"(?=\s*[,;:()\u201c\u201d\"]|\.?$)"
)
_SPEECH = re.compile(
    r"^\s*(?:,\s*)?(?:also |likewise )?(?:said|says|writes|wrote|told|stated|argued|warned|"
    r"described|characterized|characterised|announced|opposed|compared|declared)\b"
)
# Possessive, and from a word's start only: a 1,000-character run of capitals is scanned once,
# not once from each of its letters.
_NAME = r"[A-Z][\w\u2019'-]++(?: (?:[A-Z]|d[\u2019'])[\w\u2019'-]++)?"
_PLACE_LIST = re.compile(rf"\b(?:{_NAME}, )+(?:and |or )?{_NAME}")
_DECLARED_GROUP = re.compile(
    r"^(?:The )?(?P<name>[A-Z][\w\u2019'-]*(?: (?:(?:al|el|ad|bin|ibn|of|for|and|the) )?"
    r"[A-Z][\w\u2019'-]*){0,6})(?:,[^,]{1,80},)?"
    r" (?:is|was|has been|became) (?:a|an|the)\b[^.;]{0,60}?\b(?:group|organi[sz]ation|movement"
    r"|militia|network|affiliate|faction|insurgency)\b(?![\u2019']s)"  # not "the group's leader"
)
# A name that a kind of site follows is the site's ("the Nueva Aurora military base").
_SITE_AFTER = re.compile(
    r"^\s+(?:(?:military|army|naval|air|police|refugee|detention|training) )?"
    r"(?:base|camp|barracks|airport|airfield|prison|compound|checkpoint|outpost)s?\b"
)
_HYPHEN_SUFFIX = re.compile(
    r"-(?:born|era|led|backed|based|linked|affiliated|style|trained|inspired|aligned|allied"
    r"|funded|sponsored|controlled|held|run|owned|region|area)$"
)
_ACRONYM_TOKEN = re.compile(r"^[A-Z]{2,8}(?:-[A-Z]{1,4})?s?$")
# "... Boko Haram and Ansaru as Foreign Terrorist Organizations": what is so designated is a
# group (a person may be an SDGT, never an FTO)
# (after a comma only as the last of a list: "X (X-EP) and Y, as FTOs")
_AS_FTO = re.compile(
    r"^(?P<comma>,)?\s+as\s+(?:an?\s+)?(?:FTOs?|Foreign Terrorist Organi[sz]ations?)\b"
)
# "former commanders created Segunda Marquetalia": what is founded is an organisation
_FOUNDED_OBJECT = re.compile(r"\b(?:created|founded|formed|established)\s+(?:the\s+)?$")
_NAME_NOUNS = frozenset(gz.words("Party Congress Front Army Liberation Movement League Hawks"))
# Offices a title names ("Secretary of State", "Minister of Defense"): part of the title.
_OFFICES = frozenset(
    gz.words("State Defense Defence Treasury Justice Interior Homeland Foreign Commerce Energy")
)
# Organisation words that are also names on their own.
_NAMED_ORG_WORDS = frozenset(gz.words("Taliban Hezbollah Hamas Qaeda Qaida Shabab"))
_NOT_ACRONYMS = frozenset(gz.words("PDF TV GDP IED RPG RPGs AK PK SA FTO KFR INA IEEPA"))


@dataclass
class Entity:
    """A named person, group or place, gathered over one document."""

    kind: str
    name: str
    sentence: int
    acronym: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    detail_sentence: int | None = None
    spellings: list[str] = field(default_factory=list)  # the same name written otherwise


@dataclass(frozen=True, slots=True)
class _Run:
    words: tuple[str, ...]
    start: int
    end: int
    title: str | None = None
    possessive: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


_PARTICLE_CAP = re.compile(
    r"^(?:al|el|ad|as|an|ar|ash|at|az|d\u2019|d')-?[A-Z]|^(?:e|i|ud|ul|ut|ur|us|bin|ibn)-[A-Z]"
)
_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)+")
_CAMEL = re.compile(r"[a-z][A-Z]")
_MAC = re.compile(r"(?:Mc|Mac)[A-Z][a-z]+$")


def _is_cap(word: str) -> bool:
    return bool(word[:1].isupper() or _PARTICLE_CAP.match(word)) and not _INITIALS.fullmatch(word)


def _next_is_cap(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Whether a connector at `index` is followed (past other connectors) by a capital word."""
    for word, _, _ in tokens[index + 1 :]:
        if word not in gz.CONNECTORS:
            return _is_cap(word)
    return False


@functools.lru_cache(maxsize=8192)
def _is_demonym(word: str) -> bool:
    if word in gz.ADJECTIVES or word in gz.PLACES:
        return word in gz.ADJECTIVES
    stem = word.rstrip("s")
    return any(
        stem.endswith(suffix) and any(place.startswith(stem[:4]) for place in gz.PLACES)
        for suffix in gz.DEMONYM_SUFFIXES
    )


def _runs(text: str) -> list[_Run]:
    """Capitalised word runs with their character spans, cut at titles and possessives."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    runs: list[_Run] = []
    current: list[tuple[str, int, int]] = []
    title: str | None = None

    def close(possessive: bool = False) -> None:
        nonlocal current, title
        while current and current[-1][0] in gz.CONNECTORS:
            current.pop()
        if current:
            words = tuple(w for w, _, _ in current)
            runs.append(_Run(words, current[0][1], current[-1][2], title, possessive))
        current, title = [], None

    for index, (word, start, end) in enumerate(tokens):
        possessive = word.endswith(("'s", "\u2019s"))
        plural_possessive = len(word) > 3 and word.endswith(("s'", "s\u2019"))
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if (
            possessive
            and following in gz.ORG_WORDS | _NAME_NOUNS
            and (current or word[:-2] in ("People", "Peoples", "Workers", "Martyrs"))
        ):
            possessive = False  # "Kurdistan People's Congress", "Workers' Party": one name
        base = word[:-2] if possessive else word
        if plural_possessive and following not in gz.ORG_WORDS | _NAME_NOUNS:
            possessive, base = True, word[:-1]  # "President Santos' second term"
        if base.endswith(".") and len(base) > 2 and base not in gz.TITLES and "." not in base[:-1]:
            base = base[:-1]
        suffix = _HYPHEN_SUFFIX.search(base)
        if suffix:
            base = base[: suffix.start()]
        is_title = base in gz.TITLES or base.rstrip(".") + "." in gz.TITLES
        if (
            title
            and not current
            and (
                (base == "of" and following in _OFFICES)
                or (base in _OFFICES and index > 0 and tokens[index - 1][0] == "of")
            )
        ):
            title = f"{title} {base}"  # "Secretary of State Colin Powell": the office's name
            continue
        if is_title and not (current and base in gz.NAME_TITLES):
            previous = title if not current else None
            close()
            title = f"{previous} {base}" if previous and tokens[index - 1][0] in previous else base
            continue
        if _CAMEL.search(base) and not _MAC.match(base):
            close()
            continue
        if _is_cap(base):
            if not current and (base in gz.FUNCTION_WORDS or (start == 0 and base.endswith("ing"))):
                continue
            current.append((base, start, start + len(base)))
            if possessive or suffix:
                close(possessive)
        elif current and base in gz.CONNECTORS | gz.NAME_PARTICLES and _next_is_cap(tokens, index):
            current.append((base, start, end))
        else:
            close()
    close()
    return runs


# Words of a document's title or a designation's wording before "of"/"for", never the
# first word of a group's name ("Army of God" is one; "Alias for Al-Qaida" is not).
_DOCUMENT_WORDS = frozenset(
    gz.words(
        "Alias Aliases Designation Designations Amendment Amendments Report Reports Statement "
        "Chapter Section Estimates Members Leaders Leader Support Consequences Review Groups "
        "Matter"
    )
)
# A state's forces named after its people ("the Yemeni Army").
_STATE_FORCES = frozenset(
    ("Army", "Navy", "Air Force", "Police", "Security Forces", "Armed Forces", "Military")
)
_OUTLETS = "newspaper|magazine|weekly|daily|journal|broadcaster|channel|television station"


def _pieces(words: Iterable[str]) -> set[str]:
    """The parts of a name's words, cut at hyphens and apostrophes, and each word's parts
    with its apostrophes left out ("al-Qa\u2019ida": al, Qa, ida, Qaida)."""
    pieces: set[str] = set()
    for word in words:
        pieces.update(_word_pieces(word))
    return pieces


@functools.lru_cache(maxsize=8192)
def _word_pieces(word: str) -> frozenset[str]:
    return frozenset(
        [*re.split(r"[-\u2019']", word), *re.split(r"-", re.sub(r"[\u2019']", "", word))]
    )


def _split_run(run: _Run, text: str, known: set[str]) -> list[_Run]:
    """Cut a run at "and", "in" and "the" unless an acronym follows it or it is a known name."""
    if (
        len(run.words) >= 3
        and run.words[0] in gz.PLACES
        and run.words[1] not in gz.CONNECTORS
        and not {*run.words[1:]} & (gz.ORG_WORDS | gz.GEOGRAPHIC_WORDS)
        and run.text.casefold() not in known
        and not _ACRONYM_AFTER.match(text[run.end :])
        and re.search(r"\b(?:to|in|of|from)\s+$", text[max(0, run.start - 6) : run.start])
    ):
        # "Ambassador to Libya J. Christopher Stevens": the place ends its phrase
        rest = run.words[1:]
        rest_text = " ".join(rest)
        opening = _Run(run.words[:1], run.start, run.start + len(run.words[0]), run.title)
        closing = _Run(rest, run.end - len(rest_text), run.end, None, run.possessive)
        return [opening, *_split_run(closing, text, known)]
    if _ACRONYM_AFTER.match(text[run.end :]) and " and the " in run.text:
        head, _, tail = run.text.rpartition(" and the ")
        head_run = _Run(tuple(head.split()), run.start, run.start + len(head), run.title)
        tail_run = _Run(tuple(tail.split()), run.end - len(tail), run.end)
        return [*_split_run(head_run, text, known), tail_run]
    if _ACRONYM_AFTER.match(text[run.end :]) or run.text.casefold() in known:
        return [run]
    for count in range(2, len(run.words) - 1):
        name = " ".join(run.words[:count]).casefold()
        if run.words[count] == "and" and name in known:
            head_part = _Run(run.words[:count], run.start, run.start + len(name), run.title)
            rest_words = run.words[count + 1 :]
            rest_text = " ".join(rest_words)
            rest_part = _Run(rest_words, run.end - len(rest_text), run.end, None, run.possessive)
            return [head_part, *_split_run(rest_part, text, known)]
    if "of" in run.words:
        cut = run.words.index("of")
        before = run.words[:cut]
        if len(before) >= 2 and not set(before) & gz.ORG_WORDS:
            after = " ".join(run.words[cut + 1 :])
            first = _Run(before, run.start, run.start + len(" ".join(before)), run.title)
            second = _Run(tuple(after.split()), run.end - len(after), run.end)
            return [*_split_run(first, text, known), *_split_run(second, text, known)]
    if "and" in run.words and "in" in run.words:
        # "al-Qa'ida in the Arabian Peninsula and al-Qa'ida in the Islamic Maghreb": two names
        cut = run.words.index("and")
        head_words, tail_words = run.words[:cut], run.words[cut + 1 :]
        head_text, tail_text = " ".join(head_words), " ".join(tail_words)
        if head_words and tail_words:
            head_part = _Run(head_words, run.start, run.start + len(head_text), run.title)
            tail_part = _Run(tail_words, run.end - len(tail_text), run.end, None, run.possessive)
            return [*_split_run(head_part, text, known), *_split_run(tail_part, text, known)]
    if "in" in run.words:
        cut = run.words.index("in")
        group_words = run.words[:cut]
        place = [w for w in run.words[cut + 1 :] if w != "the"]
        pieces = _pieces(group_words)
        if (
            pieces & gz.ORG_WORDS
            and place
            and (place[-1] in gz.PLACES or " ".join(place) in gz.PLACES)
        ):
            return [run]
    parts: list[_Run] = []
    position = run.start
    words: list[tuple[str, int]] = []

    def flush() -> None:
        if words:
            start = words[0][1]
            end = words[-1][1] + len(words[-1][0])
            last = end == run.end
            title = run.title if not parts else None
            parts.append(
                _Run(tuple(w for w, _ in words), start, end, title, run.possessive and last)
            )

    for word in run.words:
        position = text.find(word, position)
        if word in ("and", "in", "the"):
            flush()
            words = []
        else:
            words.append((word, position))
        position += len(word)
    flush()
    return parts


def _classify(
    run: _Run, text: str, known_acronyms: set[str], surnames: set[str], groups: set[str]
) -> str | None:
    words = run.words
    name = run.text
    pieces = _pieces(words)
    if name in gz.PLACES or name.replace("\u2019", "'") in gz.PLACES:
        return "place"
    status = re.sub(r"^\S*-designated ", "", name).casefold()
    if any(status == term or status.startswith(term + " ") for term in gz.DESIGNATION_TERMS):
        return None  # "a U.S.-designated Foreign Terrorist Organization (Pursuant ...)": a status
    if len(words) == 1 and words[0] in gz.ORG_WORDS and words[0] not in _NAMED_ORG_WORDS:
        return None  # "Coalition forces": a common noun, capitalised
    if name.casefold() in groups:
        return "group"
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    if cut is not None and cut > 0:
        if words[cut - 1] in _DOCUMENT_WORDS:
            return None  # "an Alias for Al-Qaida ...", "Designations of ...": a title's words
        after_of = " ".join(w for w in words[cut + 1 :] if w != "the")
        if after_of in known_acronyms or after_of.casefold() in groups:
            return None  # "Estimates of SL", "Groups of VB": a part of a group named
    if len(words) >= 2 and _is_demonym(words[0]) and " ".join(words[1:]) in _STATE_FORCES:
        return None  # "the Yemeni Army", "Iraqi Security Forces": a state's forces, no group
    if (
        len(words) >= 2
        and " ".join(words[1:]) in gz.PLACES
        and any(country.startswith(words[0][:4]) for country in gz.COUNTRIES)
        and _is_demonym(words[0])
    ):
        return "place"  # "Iraqi Kurdistan": a place, named by the state it lies in
    if re.search(rf"\b(?:{_OUTLETS})\s+$", text[max(0, run.start - 24) : run.start]):
        return None  # "the satirical newspaper Charlie Hebdo": a publication, no one's name
    if (
        len(words) == 2
        and words[-1] in ("State", "Province", "Region", "District", "Governorate", "County")
        and words[0] not in gz.ADJECTIVES
        and re.search(r"[A-Z][\w\u2019'-]+,\s*$", text[: run.start])
    ):
        return "place"  # "in Chibok, Borno State": where a town lies
    prefix = re.match(r"^([A-Z][\w\u2019']*)-[A-Z]", words[0])
    if prefix and (prefix.group(1) in known_acronyms or prefix.group(1).casefold() in groups):
        return "group"  # "ISIS-West Africa", "ISIS-Khorasan": a branch of a group named before
    as_fto = _AS_FTO.match(text[run.end :])
    if as_fto is not None and as_fto.group("comma"):
        as_fto = as_fto if text[max(0, run.start - 5) : run.start].endswith(" and ") else None
    elif run.start == 0:
        as_fto = None  # "Designated as an FTO ...": the participle, no name
    if not run.title and (
        as_fto is not None or _FOUNDED_OBJECT.search(text[max(0, run.start - 20) : run.start])
    ):
        return "group"
    if words[-1] in gz.GEOGRAPHIC_WORDS and not pieces & gz.ORG_WORDS:
        return "place"  # "the Upper Tarra Valley (UTV)": a place, acronym or not
    if _ACRONYM_AFTER.match(text[run.end :]) or pieces & gz.ORG_WORDS:
        return "group"
    if words[-1] in gz.GEOGRAPHIC_WORDS or (
        _SITE_AFTER.match(text[run.end :]) and not all(_is_demonym(word) for word in words)
    ):
        return "place"
    if re.search(r"\([^()]*$", text[: run.start]) and text[run.end :].startswith(")"):
        return None
    if re.search(r"\[[^\[\]]*$", text[: run.start]):
        return None  # "Abu Bakar Bashir [AH-boo BAH-kahr BAH-SHEER]": how to say it
    if cut is not None:
        before_of = words[:cut]
        return "group" if len(before_of) == 1 or set(before_of) & gz.ORG_WORDS else None
    if all(_is_demonym(word) or word in gz.FUNCTION_WORDS for word in words):
        return None
    if len(words) == 1:
        word = words[0]
        if _ACRONYM_TOKEN.match(word):
            if word in _NOT_ACRONYMS:
                return None
            if word in known_acronyms or run.possessive:
                return "group"
            before = text[: run.start]
            if re.search(r"(?:'s|\u2019s|known as|\bthe) $", before):
                return "group"
            if (
                run.start == 0
                and len(word) >= 4
                and re.match(r"\s+(?:also\s+)?[a-z]+(?:ed|s)\b", text[run.end :])
            ):
                return "group"  # "MUJAO paid its recruits ...": an organisation that acts
            return None
        if word in surnames:
            return "person"
        if re.match(r"^(?:al|el|ad|as|an|ar|ash|at|az)-[A-Z]", word):
            return "group"
        if run.title or _SPEECH.match(text[run.end :]):
            return "person"
        return None
    if any(_ACRONYM_TOKEN.match(word) or word in gz.ADJECTIVES for word in words):
        return None
    if run.start == 0 and " ".join(words[1:]) in gz.PLACES:
        return None
    first, _, last = words[-1].partition("-")
    if (
        len(words) >= 2
        and last
        and ((first.isupper() and len(first) <= 3) or (first[:1].isupper() and _is_demonym(first)))
        and _is_demonym(last)
    ):
        return None  # "Dual US-Yemeni (citizen)": a nationality, no one's name
    if any(
        name.endswith(end) and name[: -len(end)] in gz.PLACES for end in ("n", "ns", "an", "ans")
    ):
        return None  # "Sri Lankan", "Saudi Arabians": a people or an adjective, no one's name
    if run.start == 0 and not text[run.end :].strip(" .:"):
        return None
    return "person" if 2 <= len(words) <= 5 else None


def _role_of(run: _Run, text: str) -> str | None:
    """A role given beside a name: an appositive after it, role words or a title before it."""
    after = re.match(r"^,\s+(?P<role>[^,;:]{3,120}?)(?:,|\.$|$)", text[run.end :])
    if after:
        role = after.group("role")
        if not re.match(
            r"(?:is|are|was|were|has|have|had|who|which|said|says|and|but|he|she|it)\b", role
        ):
            return role.strip()
    tail = re.split(r"[,;:(\u2014]| and ", text[: run.start])[-1].split()[-6:]
    if run.title and " ".join(tail).endswith(run.title):
        tail = tail[: len(tail) - len(run.title.split())]
    nouns = [i for i, word in enumerate(tail) if word.lower().rstrip(".") in gz.ROLE_NOUNS]
    if nouns:
        words = tail[max(0, nouns[0] - 1) :]
        if run.title:
            words.append(run.title)
        return " ".join(words)
    return run.title


_NUMBER_BEFORE = re.compile(r"(?:^|(?<=[\s(\"\u201c]))(?P<n>\d{1,3}(?:-[A-Z][\w\u2019']*)?) $")


def _with_number(run: _Run, text: str) -> _Run:
    """ "the 32 County Sovereignty Movement", "the 32-County Sovereignty Movement", "17
    November": a number that opens a group's name is part of it."""
    if len(run.words) == 1 and _ACRONYM_TOKEN.match(run.words[0]):
        return run  # "13 LTTE supporters": a count of a group's people
    number = _NUMBER_BEFORE.search(text, max(0, run.start - 16), run.start)
    if number is None:
        return run
    return _Run(
        (number.group("n"), *run.words), number.start("n"), run.end, run.title, run.possessive
    )


# Words of an office's name, never of a person's: "Under Secretary of the Treasury for
# Terrorism and Financial Intelligence Stuart Levey" is Stuart Levey.
_OFFICE_NAME_WORDS = frozenset(
    gz.words(
        "Intelligence Affairs Security Counterterrorism Operations Policy Finance Financial "
        "Defense Defence Homeland Terrorism Justice Treasury Enforcement"
    )
)


def _after_office(run: _Run) -> _Run:
    """A person's name without the end of an office's name run into it."""
    last = max((i for i, word in enumerate(run.words) if word in _OFFICE_NAME_WORDS), default=-1)
    if last < 0:
        return run
    words = run.words[last + 1 :]
    length = len(" ".join(words))
    return _Run(words, run.end - length, run.end, run.title, run.possessive)


def _join_dashed(runs: list[_Run], text: str) -> list[_Run]:
    """ "Revolutionary Armed Forces of Colombia - People's Army (FARC-EP)": two runs
    a dash joins, the second followed by the acronym of the whole, are one name."""
    joined: list[_Run] = []
    for run in runs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not previous.possessive
            and text[previous.end : run.start] in (" \u2013 ", " \u2014 ", " - ")
            and _ACRONYM_AFTER.match(text[run.end :])
        ):
            words = (*previous.words, text[previous.end : run.start].strip(), *run.words)
            joined[-1] = _Run(words, previous.start, run.end, previous.title, run.possessive)
            continue
        joined.append(run)
    return joined


def find_entities(sentences: list[str], known_groups: Iterable[str] = ()) -> list[Entity]:
    """Every person, group and place named in the sentences of one document, merged by name.

    `known_groups`: names the document gives as titles or "aka" lists; a run of words that is
    one of them is kept whole (not cut at "and") and is a group."""
    entities: dict[tuple[str, str], Entity] = {}
    known_acronyms: set[str] = set()
    last_person: Entity | None = None
    heading_like = re.compile(r":\s*$")
    declared = {
        match.group("name").casefold()
        for text in sentences
        if (match := _DECLARED_GROUP.match(text)) is not None
    } | {name.casefold() for name in known_groups}
    # Grown as names are read (never rebuilt per sentence: that would be quadratic).
    known: set[str] = set(declared)
    surnames: set[str] = set()
    for index, text in enumerate(sentences):
        alias_spans = [m.span("alias") for m in _ALIAS.finditer(text)]
        sentence_entities: list[tuple[int, Entity]] = []
        for raw_run in _join_dashed(_runs(text), text):
            if any(start <= raw_run.start < end for start, end in alias_spans):
                continue
            for run in _split_run(raw_run, text, known):
                kind = _classify(run, text, known_acronyms, surnames, known)
                if kind is None:
                    continue
                if kind == "group":
                    run = _with_number(run, text)
                elif kind == "person":
                    run = _after_office(run)
                    if not run.words:
                        continue
                entity = _record(entities, kind, run, index, text, known_acronyms)
                sentence_entities.append((run.start, entity))
                if kind == "group":
                    known.add(entity.name.casefold())
                elif kind == "person":
                    surnames.add(entity.name.split()[-1])
        if not heading_like.search(text):
            _propagate_places(text, entities, index, declared)
        for match in _ALIAS.finditer(text):
            owner = _alias_owner(sentence_entities, match.start()) or last_person
            alias = match.group("alias").strip()
            if owner is not None and alias not in owner.aliases and alias != owner.name:
                owner.aliases.append(alias)
                owner.detail_sentence = index
        people = [entity for _, entity in sentence_entities if entity.kind == "person"]
        if people:
            last_person = people[-1]
    return _merge_surnames(list(entities.values()))


def _record(
    entities: dict[tuple[str, str], Entity],
    kind: str,
    run: _Run,
    index: int,
    text: str,
    known_acronyms: set[str],
) -> Entity:
    name = run.text
    site = _SITE_AFTER.match(text[run.end :]) if kind == "place" else None
    if site is not None:
        name = f"{name} {site.group(0).strip()}"  # "the Nueva Aurora military base"
    if kind == "group" and name in known_acronyms:
        owner = next(e for e in entities.values() if e.acronym == name)
        return owner
    entity = entities.get((kind, name.casefold()))
    if entity is None:
        entity = entities[(kind, name.casefold())] = Entity(kind, name, index)
    acronym = _ACRONYM_AFTER.match(text[run.end :])
    if kind == "place" and acronym and entity.acronym is None:
        entity.acronym = acronym.group("acr")
        entity.detail_sentence = index
        known_acronyms.add(entity.acronym)  # "the UTV" later is this place
    if kind == "group" and acronym and entity.acronym is None:
        entity.acronym = acronym.group("acr")
        entity.detail_sentence = index
        known_acronyms.add(entity.acronym)
        entities.pop(("group", entity.acronym.casefold()), None)
    if kind == "person":
        role = _role_of(run, text)
        if role and role not in entity.roles:
            entity.roles.append(role)
            if entity.detail_sentence is None:
                entity.detail_sentence = index
    return entity


def _alias_owner(found: list[tuple[int, Entity]], position: int) -> Entity | None:
    before = [entity for start, entity in found if start < position and entity.kind != "place"]
    return before[-1] if before else None


def _propagate_places(
    text: str, entities: dict[tuple[str, str], Entity], index: int, groups: set[str]
) -> None:
    """In a list such as "Gao, Timbuktu, and Kidal", one known place makes the others places.
    Two names with only a comma between them are no list ("the invasion of Lebanon,
    Hizballah ..." ends a phrase and starts the subject), and a name the document gives as a
    group's (`groups`, from titles and "aka" lines) stays a group."""
    for match in _PLACE_LIST.finditer(text):
        items = [item.strip() for item in re.split(r",\s*(?:and |or )?", match.group(0))]
        if len(items) < 3 and not re.search(r",\s*(?:and|or) ", match.group(0)):
            continue
        if any(item.casefold() in groups for item in items):
            continue
        known = [
            item for item in items if item in gz.PLACES or ("place", item.casefold()) in entities
        ]
        others = [item for item in items if item not in known]
        if known and not any(
            (kind, item.casefold()) in entities for item in others for kind in ("person", "group")
        ):
            for item in items:
                if item in gz.FUNCTION_WORDS or _is_demonym(item):
                    continue
                for kind in ("person", "group"):
                    entities.pop((kind, item.casefold()), None)
                entities.setdefault(("place", item.casefold()), Entity("place", item, index))
    for match in re.finditer(
        r"\b(?:in|into|near|outside) (?P<name>[A-Z][\w\u2019'-]+)\b(?! [A-Z]| d[\u2019'])", text
    ):
        name = match.group("name")
        if _inside_quotes(text, match.start()):
            continue  # 'the sub-battalion "Those Who Sign in Blood"': a name, no place
        if (
            name not in gz.FUNCTION_WORDS
            and not _is_demonym(name)
            and not re.search(r"(?:ic|ish|ese|ian|ien)$", name)
            and not _ACRONYM_TOKEN.match(name)
            and not any((kind, name.casefold()) in entities for kind in ("person", "group"))
        ):
            entities.setdefault(("place", name.casefold()), Entity("place", name, index))


def _inside_quotes(text: str, at: int) -> bool:
    """Whether `at` lies inside a quotation opened before it and not yet closed."""
    before = text[max(0, at - 200) : at]
    curly = before.count("\u201c") > before.count("\u201d")
    return curly or before.count('"') % 2 == 1


def _merge_surnames(entities: list[Entity]) -> list[Entity]:
    """A one-word person ("Ham") who is the surname of a fuller name joins that person; a group
    named without its organisation word ("al-Mulathamun" for "al-Mulathamun Battalion") too."""
    people = [entity for entity in entities if entity.kind == "person" and " " in entity.name]
    groups = [entity for entity in entities if entity.kind == "group"]
    kept: list[Entity] = []
    for entity in entities:
        if entity.kind == "group":
            longer = next(
                (
                    g
                    for g in groups
                    if g.name.startswith(entity.name + " ")
                    and g.name[len(entity.name) + 1 :] in gz.ORG_WORDS
                ),
                None,
            )
            if longer is not None:
                if entity.name not in longer.aliases:
                    longer.aliases.append(entity.name)
                continue
        if entity.kind == "person" and " " not in entity.name:
            full = next((p for p in people if p.name.split()[-1] == entity.name), None)
            if full is not None:
                full.roles.extend(role for role in entity.roles if role not in full.roles)
                full.aliases.extend(a for a in entity.aliases if a not in full.aliases)
                continue
        kept.append(entity)
    return kept
