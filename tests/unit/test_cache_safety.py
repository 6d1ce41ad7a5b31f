"""A cache file that cannot be trusted, or a cache dir that cannot be used, only costs a parse."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from quizapp.decks import cache as cache_module
from quizapp.decks.cache import MAGIC, DeckCache
from quizapp.decks.loader import load_decks

DECK = """\
title: Safety
cards:
  - id: s-one
    question: Who led AQIM?
    answer: Abdelmalek Droukdal
    category: person
    source: {doc: s.txt, quote: Droukdal led AQIM.}
  - id: s-two
    kind: match
    prompt: Match them.
    pairs:
      - {left: GSPC, right: Group for Preaching and Combat}
      - {left: AQIM, right: al-Qaeda in the Islamic Maghreb}
    category: group
    source: {doc: s.txt, quote: Droukdal led AQIM.}
"""


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "safety.yaml").write_text(DECK)
    return folder


@pytest.fixture
def cache(tmp_path: Path, deck_dir: Path) -> DeckCache:
    """A cache already holding the deck."""
    cache = DeckCache(tmp_path / "cache")
    assert not load_decks([deck_dir], cache=cache).problems
    return cache


def entry(cache: DeckCache, deck_dir: Path) -> Path:
    path = cache.entry_path(deck_dir / "safety.yaml")
    assert path.is_file()
    return path


def assert_parsed_again(deck_dir: Path, cache: DeckCache, parses: Callable[[], int]) -> None:
    deck_set = load_decks([deck_dir], cache=cache)
    assert parses() == 1
    assert not deck_set.problems
    assert [card.id for card in deck_set.decks[0].cards] == ["s-one", "s-two"]


def test_cache_from_another_quizapp_version_is_ignored(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    assert_parsed_again(deck_dir, cache, parses)
    assert load_decks([deck_dir], cache=cache).decks  # rewritten for this version: a hit
    assert parses() == 1


def test_cache_for_another_deck_model_is_ignored(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "model_fingerprint", lambda: "another-model")
    assert_parsed_again(deck_dir, cache, parses)


@pytest.mark.parametrize("keep", [0, 5, len(MAGIC) + 2, 40, -1])
def test_truncated_cache_file_is_ignored(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int], keep: int
) -> None:
    path = entry(cache, deck_dir)
    path.write_bytes(path.read_bytes()[:keep])
    assert_parsed_again(deck_dir, cache, parses)


def test_tampered_body_is_ignored(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int]
) -> None:
    path = entry(cache, deck_dir)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Droukdal", b"Somebody"))
    assert_parsed_again(deck_dir, cache, parses)


def test_body_that_does_not_decode_is_ignored_even_with_a_matching_hash(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int]
) -> None:
    """A cache written by buggy code: the header is consistent but the deck is not a Deck."""
    path = entry(cache, deck_dir)
    header, _ = cache._read(path) or (None, None)
    assert header is not None
    body = msgspec.msgpack.encode({"title": "x", "cards": [{"kind": "nope"}]})
    forged = msgspec.structs.replace(header, body_crc=zlib.crc32(body))
    assert cache._write(deck_dir / "safety.yaml", forged, body)
    assert_parsed_again(deck_dir, cache, parses)


def test_garbage_and_wrong_magic_are_ignored(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int]
) -> None:
    path = entry(cache, deck_dir)
    path.write_bytes(b"\x00\xff" * 1000)
    assert_parsed_again(deck_dir, cache, parses)
    path.write_bytes(MAGIC + b"\xff\xff\xff\x7f" + b"\xc1" * 10)
    assert load_decks([deck_dir], cache=cache).decks
    assert parses() == 2


def test_unwritable_cache_dir_still_loads(
    deck_dir: Path, tmp_path: Path, parses: Callable[[], int], caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a cache dir cannot live under a file")
    cache = DeckCache(blocker / "cache")
    with caplog.at_level(logging.DEBUG, logger="quizapp.decks.cache"):
        first = load_decks([deck_dir], cache=cache)
        second = load_decks([deck_dir], cache=cache)
    assert parses() == 2
    assert first.decks == second.decks and not second.problems
    assert "not written" in caplog.text
    assert cache.info().entries == 0 and cache.clear() == 0


def test_cache_entry_that_is_a_folder_is_a_miss(
    deck_dir: Path, cache: DeckCache, parses: Callable[[], int]
) -> None:
    path = entry(cache, deck_dir)
    path.unlink()
    path.mkdir()
    assert_parsed_again(deck_dir, cache, parses)


def test_no_temporary_files_are_left_behind(deck_dir: Path, cache: DeckCache) -> None:
    (deck_dir / "safety.yaml").write_text(DECK.replace("Safety", "Safety two"))
    load_decks([deck_dir], cache=cache)
    names = [p.name for p in cache.dir.iterdir()]
    assert len(names) == 1 and not names[0].startswith(".tmp")
