"""Settings, unsuspend and undo of any action: nothing is a one-way door (issue 14)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.decks import load_decks
from quizapp.errors import QuizappError
from quizapp.model.progress import COUNTED_AS, Counts, Rating
from quizapp.store import ProgressStore, queries
from quizapp.study.service import ActionKind
from quizapp.study.stored import StoreStudy

DECKS = Path(__file__).parents[1] / "data" / "good"
NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--decks", str(DECKS), "--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def service(data: Path) -> StoreStudy:
    units = load_decks([DECKS]).units()
    return StoreStudy(ProgressStore.open(data), units, NOW, random.Random(5), tz=UTC)


def test_settings_lists_sets_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, tmp_path, "settings")
    assert code == 0
    keys = [line.split()[0] for line in out.splitlines()]
    assert keys == ["new_per_day", "reviews_per_day", "desired_retention", "day_starts_at"]
    assert "a number from 0.70 to 0.99" in out
    assert run(capsys, tmp_path, "settings", "new_per_day", "35")[0] == 0
    assert run(capsys, tmp_path, "settings", "desired_retention", "0.85")[0] == 0
    assert run(capsys, tmp_path, "settings", "day_starts_at", "0")[0] == 0
    code, out, _ = run(capsys, tmp_path, "settings", "--json")
    assert json.loads(out) == {
        "new_per_day": 35,
        "reviews_per_day": 200,
        "desired_retention": 0.85,
        "day_starts_at": 0,
    }
    with ProgressStore.open(tmp_path) as store:
        assert store.settings().day_starts_at_hour == 0


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("desired_retention", "0.5", "0.70 to 0.99"),
        ("desired_retention", "high", "0.70 to 0.99"),
        ("day_starts_at", "24", "0 to 23"),
        ("new_per_day", "-1", "whole number from 0 to 9999"),
        ("new_per_day", "2.5", "whole number from 0 to 9999"),
        ("reviews_per_day", "many", "whole number from 0 to 99999"),
    ],
)
def test_a_bad_value_is_refused_with_the_allowed_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, allowed: str
) -> None:
    code, _, err = run(capsys, tmp_path, "settings", key, value)
    assert code == 2 and allowed in err and key in err
    code, out, _ = run(capsys, tmp_path, "settings", "--json")
    assert json.loads(out)["new_per_day"] == 20  # nothing changed


def test_an_unknown_key_lists_the_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, tmp_path, "settings", "new_cards", "5")
    assert code == 2 and "new_per_day, reviews_per_day" in err


def test_unsuspend_a_card_a_unit_and_every_leech(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = service(tmp_path)
    for uid in ("gspc-founder", "gspc-founder/reverse", "gspc-union-cloze/c1", "gspc-founded"):
        study.suspend(study.units[uid], NOW)
    study.store.close()
    assert run(capsys, tmp_path, "unsuspend", "gspc-founder")[0] == 0
    assert run(capsys, tmp_path, "unsuspend", "gspc-union-cloze/c1")[0] == 0
    with ProgressStore.open(tmp_path) as store:
        suspended = [u for u in ("gspc-founder", "gspc-founder/reverse", "gspc-union-cloze/c1")]
        assert not any(queries.is_suspended(store.db, uid) for uid in suspended)
        assert queries.is_suspended(store.db, "gspc-founded")
        store.db.execute("UPDATE units SET leech = 1 WHERE uid = 'gspc-founded'")
        store.db.commit()
    code, _, err = run(capsys, tmp_path, "unsuspend", "--leeches")
    assert code == 0 and "unsuspended 1 of 1" in err
    with ProgressStore.open(tmp_path) as store:
        assert not queries.is_suspended(store.db, "gspc-founded")


def test_unsuspend_an_unknown_id_changes_nothing_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = service(tmp_path)
    study.suspend(study.units["gspc-founded"], NOW)
    study.store.close()
    code, _, err = run(capsys, tmp_path, "unsuspend", "gspc-founded", "no-such-card")
    assert code == 2 and "no-such-card" in err
    with ProgressStore.open(tmp_path) as store:
        assert queries.is_suspended(store.db, "gspc-founded")


def test_undo_takes_back_answers_suspensions_and_burials_newest_first(tmp_path: Path) -> None:
    study = service(tmp_path)
    first = study.next_unit(None, NOW)
    assert first is not None
    study.answer(first, Rating.GOOD, NOW, 2.0)
    second = study.next_unit(None, NOW)
    assert second is not None and second.uid != first.uid
    study.suspend(second, NOW)
    third = study.next_unit(None, NOW)
    assert third is not None
    study.bury(third, NOW)
    assert study.last_action() is ActionKind.BURY
    assert study.undo(NOW) == third
    assert study.next_unit(None, NOW) == third  # no longer buried
    assert study.last_action() is ActionKind.SUSPEND
    assert study.undo(NOW) == second
    assert study.info(second.uid, NOW).state == "new"
    assert study.undo(NOW) == first
    assert study.info(first.uid, NOW).reps == 0 and study.history() == []
    assert study.undo(NOW) is None and study.last_action() is None


def test_unsuspend_is_undone_too(tmp_path: Path) -> None:
    study = service(tmp_path)
    unit = study.units["gspc-founded"]
    study.suspend(unit, NOW)
    study.unsuspend(unit, NOW)
    assert study.info(unit.uid, NOW).state == "new"
    assert study.undo(NOW) == unit
    assert study.info(unit.uid, NOW).state == "suspended"


def test_a_leech_is_reported_and_labelled(tmp_path: Path) -> None:
    study = service(tmp_path)
    study.everything.update_settings(leech_threshold=1)
    unit = study.units["gspc-founded"]
    now = NOW
    study.answer(unit, Rating.GOOD, now, 1.0)
    study.answer(unit, Rating.EASY, now + timedelta(minutes=10), 1.0)
    assert not study.last_answer_leech()
    later = now + timedelta(days=30)
    study.answer(unit, Rating.AGAIN, later, 1.0)
    assert study.last_answer_leech()
    assert study.info(unit.uid, later).state == "suspended leech"


def test_the_new_limit_is_explained_and_review_more_goes_past_it(tmp_path: Path) -> None:
    study = service(tmp_path)
    study.everything.update_settings(new_per_day=2)
    for _ in range(2):
        unit = study.next_unit(None, NOW)
        assert unit is not None
        study.answer(unit, Rating.EASY, NOW, 1.0)
    limit = study.new_limit(None, NOW)
    assert limit.reached and limit.per_day == 2 and limit.done == 2 and limit.waiting > 0
    assert study.next_unit(None, NOW) is None
    extra = study.next_new_unit(None, NOW)
    assert extra is not None and study.info(extra.uid, NOW).state == "new"
    study.answer(extra, Rating.EASY, NOW, 1.0)
    assert study.new_limit(None, NOW).waiting < limit.waiting


def test_the_service_changes_a_setting_for_every_scope(tmp_path: Path) -> None:
    study = service(tmp_path)
    deck = next(iter(study.deck_ids))
    assert study.session([deck]).settings.new_per_day == 20
    assert study.change_preference("new_per_day", "3") == 3
    assert study.session([deck]).settings.new_per_day == 3
    assert study.preferences()["new_per_day"] == 3
    with pytest.raises(QuizappError, match=r"0\.70 to 0\.99"):
        study.change_preference("desired_retention", "1.5")
    assert study.preferences()["desired_retention"] == 0.9


def test_a_missing_decks_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--decks", str(tmp_path / "nope"), "--data-dir", str(tmp_path), "stats"])
    _, err = capsys.readouterr()
    assert code == 2 and "nope: no such file or folder" in err


def test_stats_counts_study_units_and_learned_means_in_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = service(tmp_path)
    first = study.next_unit(None, NOW)
    assert first is not None
    study.answer(first, Rating.GOOD, NOW, 1.0)  # into a learning step
    second = study.next_unit(None, NOW)
    assert second is not None
    study.answer(second, Rating.EASY, NOW, 1.0)  # straight to review
    home = sum(study.counts(NOW).values(), Counts())
    study.store.close()
    code, out, _ = run(capsys, tmp_path, "stats", "--json")
    summary = json.loads(out)
    assert code == 0
    assert (sum(d["learned"] for d in summary["decks"]), summary["learning"]) == (1, 1)
    assert (home.learned, home.learning) == (1, 1)
    assert summary["units_total"] == home.total == len(study.units)
    code, out, _ = run(capsys, tmp_path, "stats")
    words = " ".join(out.split())  # the table may wrap its title
    assert f"Progress in cards ({COUNTED_AS})" in words, "the table says what it counts"
    header = next(line for line in out.splitlines() if "due now" in line)
    assert "cards" in header.split() and "units" not in header
    assert f"{summary['new_available']} new cards available today" in words


def test_stats_at_80_columns_cuts_deck_names_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    title = "AQIM: groups, lineage, leaders, designations and every splinter group since 1998"
    (decks / "long.yaml").write_text(
        f"title: '{title}'\n"
        "cards:\n  - question: Who founded the GSPC?\n    answer: Hassan Hattab\n"
    )
    monkeypatch.setenv("COLUMNS", "80")
    argv = ["--decks", str(decks), "--data-dir", str(tmp_path / "data"), "stats"]
    assert cli.main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if line.startswith("│ AQIM"))
    assert "…" in row and row.split("│")[2].strip() == "1", "one line: the name, then its count"
    assert not any(line.startswith("│ designations") or "splinter" in line for line in lines)
