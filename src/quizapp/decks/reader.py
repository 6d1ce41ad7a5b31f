"""Read YAML into plain containers of strings, with the position of every key.

The reader consumes libyaml's event stream instead of PyYAML's composer: on a large deck it is
several times faster than `yaml.load(..., CSafeLoader)`, it keeps every scalar as the text the
author wrote (`no` stays "no", `2007` stays "2007"), and it can refuse what a deck never needs
before it costs anything: anchors and aliases (so no "billion laughs"), tags (so no Python
objects), more than one document, and nesting deeper than `MAX_DEPTH` (PyYAML's recursive C
composer crashes the interpreter on deep nesting; the event stream does not recurse).
"""

from __future__ import annotations

from typing import Any

import yaml

from quizapp.decks.files import MAX_DECK_BYTES

try:
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    HAVE_LIBYAML = False

MAX_DEPTH = 32
MAX_BYTES = MAX_DECK_BYTES

Position = tuple[int, int]
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it and each of its keys start."""

    __slots__ = ("at", "keys_at")

    def __init__(self, at: Position) -> None:
        super().__init__()
        self.at = at
        self.keys_at: dict[str, Position] = {}


class YamlList(list[Any]):
    """A sequence that remembers where it and each of its items start."""

    __slots__ = ("at", "items_at")

    def __init__(self, at: Position) -> None:
        super().__init__()
        self.at = at
        self.items_at: list[Position] = []


class ReadProblem(Exception):
    """The text is not a deck we can read; `at` is the 1-based line and column."""

    def __init__(self, message: str, at: Position = (0, 0), hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.at = at
        self.hint = hint


class Duplicate:
    """A key that appeared twice in one mapping (the later value wins, and it is reported)."""

    __slots__ = ("at", "first_at", "key")

    def __init__(self, key: str, at: Position, first_at: Position) -> None:
        self.key, self.at, self.first_at = key, at, first_at


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is allowed), or a ReadProblem naming the line of the first bad byte."""
    if len(data) > MAX_BYTES:
        raise ReadProblem(
            f"file is {len(data) // (1024 * 1024)} MiB; decks are limited to "
            f"{MAX_BYTES // (1024 * 1024)} MiB",
            hint="split it into several deck files",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ReadProblem(
            f"not UTF-8 text (byte 0x{data[error.start]:02x})",
            (line, column),
            hint="save the file as UTF-8",
        ) from None


QUOTE_HINT = (
    "a value with ': ' or ', ' in it (or inside {...}) must be quoted: "
    'quote: "The GSPC, founded in 1998, ..."'
)


def _yaml_problem(error: yaml.YAMLError, text: str) -> ReadProblem:
    mark = getattr(error, "problem_mark", None)
    at = _position(mark) if mark is not None else (0, 0)
    if isinstance(error, yaml.reader.ReaderError):
        return ReadProblem(f"unreadable character: {error.reason}", at, "remove control characters")
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark.line != getattr(mark, "line", -1):
        context += (
            f" that started at line {context_mark.line + 1}, column {context_mark.column + 1}"
        )
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    hint = "indent with spaces, not tabs" if _tab_near(text, at) else None
    if hint is None and "mapping values are not allowed" in problem:
        hint = QUOTE_HINT
    return ReadProblem(message, at, hint)


def _tab_near(text: str, at: Position) -> bool:
    """Whether the line of an error holds a tab in its indentation or at the error itself."""
    line_no, column = at
    if line_no < 1:
        return False
    lines = text.split("\n", line_no)
    if len(lines) < line_no:
        return False
    line = lines[line_no - 1]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return "\t" in indent or line[column - 1 : column] == "\t"


def read_yaml(text: str) -> tuple[Any, list[Duplicate]]:
    """Parse one YAML document into YamlMap/YamlList/str (None for an empty file).

    Raises ReadProblem for anything a deck must not contain; reports duplicate keys beside the
    result so the validator can name them all.
    """
    parser = _Parser(text)
    try:
        return _build(parser)
    except yaml.YAMLError as error:
        raise _yaml_problem(error, text) from None
    finally:
        parser.dispose()


def _build(parser: Any) -> tuple[Any, list[Duplicate]]:
    get_event = parser.get_event
    scalar_t, map_t, seq_t = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end_t, seq_end_t = yaml.MappingEndEvent, yaml.SequenceEndEvent
    doc_start_t, alias_t = yaml.DocumentStartEvent, yaml.AliasEvent
    stack: list[Any] = []
    pending_keys: list[Any] = []  # per open mapping: the key awaiting its value, or None
    duplicates: list[Duplicate] = []
    root: Any = None
    documents = 0
    while True:
        event = get_event()
        if event is None:
            break
        kind = type(event)
        if kind is scalar_t or kind is map_t or kind is seq_t:
            if event.anchor is not None:
                raise ReadProblem(
                    f"anchor '&{event.anchor}' is not allowed in a deck",
                    _position(event.start_mark),
                    hint="write the value out in full",
                )
            tag = event.tag
            if tag is not None and tag not in ALLOWED_TAGS:
                raise ReadProblem(
                    f"tag '{tag}' is not allowed in a deck",
                    _position(event.start_mark),
                    hint="remove the tag; every value is read as text",
                )
            at = _position(event.start_mark)
            if kind is scalar_t:
                value: Any = event.value
            elif kind is map_t:
                value = YamlMap(at)
            else:
                value = YamlList(at)
            if stack:
                parent = stack[-1]
                if type(parent) is YamlList:
                    parent.append(value)
                    parent.items_at.append(at)
                elif pending_keys[-1] is None:
                    if kind is not scalar_t:
                        raise ReadProblem("a key must be plain text", at)
                    if value in parent:
                        duplicates.append(Duplicate(value, at, parent.keys_at[value]))
                    pending_keys[-1] = value
                    parent.keys_at[value] = at
                else:
                    parent[pending_keys[-1]] = value
                    pending_keys[-1] = None
            else:
                root = value
            if kind is not scalar_t:
                if len(stack) >= MAX_DEPTH:
                    raise ReadProblem(
                        f"nested deeper than {MAX_DEPTH} levels; a deck needs at most 5", at
                    )
                stack.append(value)
                if kind is map_t:
                    pending_keys.append(None)
        elif kind is map_end_t:
            stack.pop()
            pending_keys.pop()
        elif kind is seq_end_t:
            stack.pop()
        elif kind is alias_t:
            raise ReadProblem(
                f"alias '*{event.anchor}' is not allowed in a deck",
                _position(event.start_mark),
                hint="write the value out in full",
            )
        elif kind is doc_start_t:
            documents += 1
            if documents > 1:
                raise ReadProblem(
                    "more than one YAML document ('---') in one file",
                    _position(event.start_mark),
                    hint="put each deck in a file of its own",
                )
    return root, duplicates
