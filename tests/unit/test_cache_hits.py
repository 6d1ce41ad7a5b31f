"""The compiled deck cache: unchanged files are read from it, changed ones are parsed again."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.decks.cache import SUFFIX, DeckCache, default_cache
from quizapp.decks.files import DeckFile, deck_summaries
from quizapp.decks.loader import load_decks

DECK = """\
title: Cache test
cards:
  - id: c-basic
    question: When was the GSPC founded?
    answer: "1998"
    category: date
    source: {doc: s.txt, quote: The GSPC was founded in 1998.}
  - id: c-cloze
    kind: cloze
    text: The GSPC was founded in {{1998}}.
    category: date
    source: {doc: s.txt, quote: The GSPC was founded in 1998.}
  - id: c-order
    kind: order
    prompt: Order these.
    items:
      - {text: founded, date: "1998"}
      - {text: renamed, date: 2007-01}
    category: date
    source: {doc: s.txt, quote: The GSPC was founded in 1998.}
"""

ParseCounter = Callable[[], int]


def age(*paths: Path, seconds: int = 60) -> None:
    """Date files back, as a deck edited a minute ago is (a just-written file is never trusted
    by its mtime alone)."""
    for path in paths:
        stat = path.stat()
        past = stat.st_mtime_ns - seconds * 1_000_000_000
        os.utime(path, ns=(stat.st_atime_ns, past))


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "s.txt").write_text("The GSPC was founded in 1998.\n")
    (folder / "one.yaml").write_text(DECK)
    age(folder / "one.yaml", folder / "sources" / "s.txt")
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> DeckCache:
    return DeckCache(tmp_path / "cache")


def test_second_load_reads_the_cache_and_gives_the_same_decks(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    first = load_decks([decks], cache=cache)
    assert parses() == 1 and not first.problems
    assert len(list(cache.entries())) == 1
    second = load_decks([decks], cache=cache)
    assert parses() == 1
    assert second.decks == first.decks
    assert [u.uid for u in second.units()] == [u.uid for u in first.units()]


def test_without_a_cache_every_load_parses(decks: Path, parses: ParseCounter) -> None:
    load_decks([decks])
    load_decks([decks])
    assert parses() == 2


def test_touched_but_unchanged_file_still_hits(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    load_decks([decks], cache=cache)
    path = decks / "one.yaml"
    deck_file = DeckFile(path, "one", decks / "sources")
    assert cache.lookup(deck_file).data is None  # size and mtime match: not even read
    age(path, seconds=30)
    touched = cache.lookup(deck_file)
    assert touched.deck is not None and touched.data is not None  # read and hashed: same bytes
    header, _ = cache._read(cache.entry_path(path)) or (None, None)
    assert header is not None and header.mtime_ns == path.stat().st_mtime_ns
    assert cache.lookup(deck_file).data is None  # the new mtime was remembered
    load_decks([decks], cache=cache)
    assert parses() == 1


def test_rewrite_within_one_clock_tick_is_caught_by_the_hash(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    """A file written just now may change again with the same size and mtime: hash it."""
    path = decks / "one.yaml"
    path.write_text(DECK)
    load_decks([decks], cache=cache)
    stat = path.stat()
    path.write_text(DECK.replace("Cache test", "Cache TEST"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert load_decks([decks], cache=cache).decks[0].title == "Cache TEST"
    assert parses() == 2


def test_changed_file_is_parsed_again(decks: Path, cache: DeckCache, parses: ParseCounter) -> None:
    load_decks([decks], cache=cache)
    path = decks / "one.yaml"
    stat = path.stat()
    path.write_text(DECK.replace("title: Cache test", "title: Changed"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: the size differs
    deck_set = load_decks([decks], cache=cache)
    assert parses() == 2
    assert deck_set.decks[0].title == "Changed"
    assert load_decks([decks], cache=cache).decks[0].title == "Changed"
    assert parses() == 2


def test_same_size_new_content_is_parsed_again(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    load_decks([decks], cache=cache)
    path = decks / "one.yaml"
    stat = path.stat()
    path.write_text(DECK.replace("Cache test", "Cache TEST"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert load_decks([decks], cache=cache).decks[0].title == "Cache TEST"
    assert parses() == 2


def test_decks_with_problems_are_never_cached(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    (decks / "one.yaml").write_text(DECK.replace("category: date\n", "category: era\n", 1))
    first = load_decks([decks], cache=cache)
    assert first.problems
    assert list(cache.entries()) == []
    second = load_decks([decks], cache=cache)
    assert parses() == 2
    assert [p.format() for p in second.problems] == [p.format() for p in first.problems]


def test_deck_reached_by_another_path_gets_that_path_and_id(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    load_decks([decks], cache=cache)
    alone = load_decks([decks / "one.yaml"], cache=cache)
    assert parses() == 1
    assert alone.decks[0].path == str(decks / "one.yaml")
    nested = decks / "course"
    nested.mkdir()
    (decks / "one.yaml").rename(nested / "one.yaml")
    moved = load_decks([decks], cache=cache)
    assert moved.decks[0].id == "course/one"


def test_sources_checked_entries_follow_the_documents(
    decks: Path, cache: DeckCache, parses: ParseCounter
) -> None:
    load_decks([decks], cache=cache)  # written without checking quotes
    assert not load_decks([decks], cache=cache, check_sources=True).problems
    assert parses() == 2  # an unchecked entry cannot answer a checked load
    load_decks([decks], cache=cache, check_sources=True)
    load_decks([decks], cache=cache)  # a checked entry also answers an unchecked load
    assert parses() == 2
    (decks / "sources" / "s.txt").write_text("Something else entirely.\n")
    checked = load_decks([decks], cache=cache, check_sources=True)
    assert parses() == 3
    assert any("quote not found" in p.message for p in checked.problems)


def test_progress_reports_every_file(decks: Path, cache: DeckCache) -> None:
    (decks / "two.yaml").write_text(DECK.replace("c-", "d-"))
    seen: list[tuple[int, int]] = []
    load_decks([decks], cache=cache, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_clear_removes_only_cache_files(decks: Path, cache: DeckCache) -> None:
    (decks / "two.yaml").write_text(DECK.replace("c-", "d-"))
    load_decks([decks], cache=cache)
    other = cache.dir / "notes.txt"
    other.write_text("not ours")
    info = cache.info()
    assert info.entries == 2 and info.size > 0
    assert cache.clear() == 2
    assert cache.info().entries == 0
    assert other.exists()
    assert not [p for p in cache.dir.iterdir() if p.name.endswith(SUFFIX)]


def test_default_cache_is_off_with_the_flag_or_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert default_cache(False) is None
    on = default_cache()
    assert on is not None and on.root == Path(os.environ["QUIZAPP_CACHE_DIR"])
    monkeypatch.setenv("QUIZAPP_NO_CACHE", "1")
    assert default_cache() is None


def test_lookup_of_a_missing_file_is_a_miss(cache: DeckCache, tmp_path: Path) -> None:
    missing = DeckFile(tmp_path / "gone.yaml", "gone", tmp_path / "sources")
    assert cache.lookup(missing).deck is None


def test_summaries_come_from_headers_once_every_deck_is_cached(
    decks: Path, cache: DeckCache
) -> None:
    (decks / "two.yaml").write_text(DECK.replace("c-", "d-").replace("Cache test", "Second"))
    age(decks / "two.yaml")
    assert deck_summaries([decks], cache) is None
    deck_set = load_decks([decks], cache=cache)
    summaries = deck_summaries([decks], cache)
    assert summaries is not None
    assert [(s.id, s.title, s.card_count) for s in summaries] == [
        (d.id, d.title, d.card_count) for d in deck_set.decks
    ]
    assert sum(s.unit_count for s in summaries) == len(deck_set.units())
    assert len({s.content_hash for s in summaries}) == 2


def test_summaries_need_every_file_unchanged(decks: Path, cache: DeckCache) -> None:
    load_decks([decks], cache=cache)
    path = decks / "one.yaml"
    age(path, seconds=1)
    assert deck_summaries([decks], cache) is None
    load_decks([decks], cache=cache)  # the touched file hits and refreshes its header
    assert deck_summaries([decks], cache) is not None
    path.write_text(DECK)  # just written: not trusted by its mtime until it is older
    load_decks([decks], cache=cache)
    assert deck_summaries([decks], cache) is None
    age(path)
    load_decks([decks], cache=cache)
    assert deck_summaries([decks], cache) is not None
    (decks / "new.yaml").write_text(DECK.replace("c-", "n-"))
    age(decks / "new.yaml")
    assert deck_summaries([decks], cache) is None
    assert deck_summaries([decks / "missing"], cache) is None


def test_loading_leaves_the_garbage_collector_as_it_found_it(decks: Path, cache: DeckCache) -> None:
    import gc

    assert gc.isenabled()
    load_decks([decks], cache=cache)
    assert gc.isenabled()
    gc.disable()
    try:
        load_decks([decks], cache=cache)
        assert not gc.isenabled()
    finally:
        gc.enable()
