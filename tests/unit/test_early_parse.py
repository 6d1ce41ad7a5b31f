"""A cold start's decks parsed by a forked child: the deck cache filled for the parent, and the
parent parsing itself whenever the child cannot help."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.commands.early_parse import EarlyParse
from quizapp.decks.cache import DeckCache
from quizapp.decks.files import deck_summaries
from quizapp.decks.loader import load_decks
from quizapp.study.overview import quick_overview

DATA = Path(__file__).parents[1] / "data"
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    shutil.copytree(DATA / "good", folder)  # copy2 keeps the mtimes: not racy for the cache
    return folder


def start(decks: Path, cache: DeckCache) -> EarlyParse:
    if threading.active_count() != 1:
        pytest.skip("another thread runs in this test process: fork is refused, by design")
    early = EarlyParse.start(decks, cache)
    assert early is not None
    return early


def test_the_child_fills_the_cache_and_home_needs_only_its_headers(
    decks: Path, tmp_path: Path, parses: Callable[[], int]
) -> None:
    cache = DeckCache(tmp_path / "cache")
    assert deck_summaries([decks], cache) is None
    early = start(decks, cache)
    assert early.wait() is True and early.poll() is True
    overview = quick_overview(decks, tmp_path / "new-student", NOW, cache)
    assert overview is not None and overview.new_store
    assert sorted(listing.id for listing in overview.decks) == ["all-kinds"]
    deck_set = load_decks([decks], cache=cache)
    assert parses() == 0, "every deck came from the cache the child wrote"
    units = Counter(unit.deck_id for unit in deck_set.units())
    assert {deck_id: counts.new for deck_id, counts in overview.counts.items()} == dict(units)


def test_a_deck_with_problems_is_left_for_the_parent_to_report(decks: Path, tmp_path: Path) -> None:
    (decks / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    cache = DeckCache(tmp_path / "cache")
    early = start(decks, cache)
    assert early.wait() is True
    assert quick_overview(decks, tmp_path / "data", NOW, cache) is None, "never cached"
    deck_set = load_decks([decks], cache=cache)
    assert any(problem.file.endswith("broken.yaml") for problem in deck_set.problems)
    assert [deck.id for deck in deck_set.decks] == ["all-kinds"]


def test_a_child_killed_midway_leaves_the_parse_to_the_parent(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.decks import loader

    def stuck(*args: object, **kwargs: object) -> None:
        time.sleep(60)  # the child inherits this: it is still "parsing" when killed

    monkeypatch.setattr(loader, "load_decks", stuck)
    cache = DeckCache(tmp_path / "cache")
    early = start(decks, cache)
    assert early.poll() is None, "still running"
    assert early.finish(0.05) is None, "asleep, so no CPU: not worth waiting for"
    os.kill(early.pid, signal.SIGKILL)
    assert early.wait() is False
    assert deck_summaries([decks], cache) is None


def test_a_late_child_is_stopped_and_leaves_no_half_written_cache_file(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped while writing a cache file (stuck at the rename), the child removes the
    temporary file: the cache holds whole entries or none."""
    from quizapp.decks import cache as cache_module

    at_rename = tmp_path / "at-rename"

    def stuck(*args: object) -> None:
        at_rename.touch()  # told only once the whole file is written and the rename is due
        time.sleep(60)

    monkeypatch.setattr(cache_module.os, "replace", stuck)  # inherited by the child
    cache = DeckCache(tmp_path / "cache")
    early = start(decks, cache)
    # Stopped at the rename, not as soon as the temporary file shows: the child runs at nice 19,
    # and a busy machine may hold it anywhere in between (that case has its own test below).
    # The guard is for a hung child only: a starved one (seconds on a loaded machine) is waited for.
    hung = time.monotonic() + 300
    while not at_rename.exists():
        assert early.poll() is None, "the child ended before writing its cache file"
        assert time.monotonic() < hung, "the child never got to the rename"
        time.sleep(0.01)
    assert list(cache.dir.glob(".tmp-*")), "the child is writing its cache file"
    assert early.wait_for(0.05) is None, "still stuck"
    early.stop()
    assert early.wait() is False
    assert list(cache.dir.iterdir()) == []


def test_a_stop_just_as_the_cache_file_is_created_leaves_no_file(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's SIGTERM handler raises SystemExit at whatever bytecode the child is at; on a
    busy machine that can be the moment the temporary file exists but the write has not yet
    got its name (as with mkstemp, which left the file behind). That moment, made certain here:
    the exit is raised as the creating call returns."""
    from quizapp.decks import cache as cache_module

    real_open = os.open

    def open_then_stopped(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        if Path(path).name.startswith(".tmp-"):
            os.close(fd)
            raise SystemExit(1)  # what the child's handler raises
        return fd

    monkeypatch.setattr(cache_module.os, "open", open_then_stopped)
    cache = DeckCache(tmp_path / "cache")
    with pytest.raises(SystemExit):
        load_decks([decks], cache=cache)
    assert list(cache.dir.iterdir()) == []


def test_decks_too_big_to_be_done_in_time_get_no_child(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.commands import early_parse

    size = (decks / "all-kinds.yaml").stat().st_size
    monkeypatch.setattr(early_parse, "MAX_BYTES", size - 1)
    assert EarlyParse.start(decks, DeckCache(tmp_path / "cache")) is None
    monkeypatch.setattr(early_parse, "MAX_BYTES", size)
    started = start(decks, DeckCache(tmp_path / "cache"))
    assert started.wait() is True


@pytest.mark.parametrize("share", [1.0, 0.1])
def test_the_loader_waits_for_a_child_only_while_it_gets_a_core(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    """A child running on a core of its own is worth waiting for; a starved one is not."""
    from quizapp.commands import early_parse
    from quizapp.decks import loader

    def slow(*args: object, **kwargs: object) -> None:
        time.sleep(0.4)

    monkeypatch.setattr(loader, "load_decks", slow)
    early = start(decks, DeckCache(tmp_path / "cache"))
    monkeypatch.setattr(
        early_parse, "_cpu_seconds", lambda pid: share * (time.monotonic() - early.started)
    )
    done = early.finish(0.02, longest=5.0)
    if share == 1.0:
        assert done is True
    else:
        assert done is None, "given up on after a tenth of a second"
        assert time.monotonic() - early.started < 0.35
        early.stop()
        assert early.wait() is False


def test_a_processs_cpu_time_is_read_from_proc() -> None:
    from quizapp.commands.early_parse import _cpu_seconds

    if not Path(f"/proc/{os.getpid()}/stat").is_file():
        assert _cpu_seconds(os.getpid()) is None
        return
    before = _cpu_seconds(os.getpid())
    started = time.process_time()
    while time.process_time() - started < 0.05:
        pass
    after = _cpu_seconds(os.getpid())
    assert before is not None and after is not None and after - before >= 0.03


def test_no_fork_while_another_thread_runs(decks: Path, tmp_path: Path) -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert EarlyParse.start(decks, DeckCache(tmp_path / "cache")) is None
    finally:
        release.set()
        other.join()
