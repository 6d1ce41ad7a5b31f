"""Triage of generated facts: each decision, undo, merge and order, written back at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.authoring.roundtrip import dump
from quizapp.authoring.triage import Order, TriageSession, Verdict
from quizapp.decks import load_deck_text
from quizapp.errors import QuizappError
from quizapp.model.facts import FactStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "decks")
    return tmp_path / "decks" / "drafts.yaml"


def statuses(path: Path) -> dict[str, FactStatus]:
    deck, problems = load_deck_text(path.read_bytes(), str(path), "drafts")
    assert problems == []
    assert deck is not None
    return {fact.id: fact.status for fact in deck.facts}


def reopened(session: TriageSession) -> None:
    """The file on disk is exactly what the whole tree dumps to (pieces add up)."""
    assert session.path.read_text() == dump(session.tree)


def test_most_confident_first_and_document_order(drafts: Path) -> None:
    session = TriageSession(drafts)
    assert [p.fact_id for p in session.ordered()[:3]] == ["gia", "gspc", "aqim"]
    assert session.toggle_order() is Order.DOCUMENT
    assert [p.fact_id for p in session.ordered()[:3]] == ["gia", "gspc", "gspc-split-from-gia"]
    assert session.summary().progress() == "0 / 20 triaged"


def test_accept_writes_reviewed_at_once_keeping_comments(drafts: Path) -> None:
    session = TriageSession(drafts)
    assert session.accept().fact_id == "gia"
    assert statuses(drafts)["gia"] is FactStatus.REVIEWED
    assert statuses(drafts)["gspc"] is FactStatus.GENERATED
    text = drafts.read_text()
    assert "# wrong: a region read as a name" in text
    assert text.startswith("# Proposals for triage tests")
    assert session.current() is not None and session.current().fact_id == "gspc"  # type: ignore[union-attr]
    assert session.summary().progress() == "1 / 20 triaged"
    reopened(session)


def test_reject_keeps_the_fact_as_rejected_and_undo_restores_the_file(drafts: Path) -> None:
    original = drafts.read_text()
    session = TriageSession(drafts)
    session.toggle_order()
    for _ in range(8):
        session.skip()
    assert session.current().fact_id == "islamic-maghreb"  # type: ignore[union-attr]
    session.reject()
    assert statuses(drafts)["islamic-maghreb"] is FactStatus.REJECTED
    assert session.summary().rejected == 1
    step = session.undo()
    assert step is not None and step.label == "reject"
    assert drafts.read_text() == original
    assert session.current().fact_id == "islamic-maghreb"  # type: ignore[union-attr]


def test_skip_comes_back_after_the_others_and_undo_of_skip(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.skip()
    assert session.current().fact_id == "gspc"  # type: ignore[union-attr]
    session.undo()
    assert session.current().fact_id == "gia"  # type: ignore[union-attr]
    assert session.proposals["gia"].skips == 0


def test_edit_is_typed_and_then_accepted_counts_as_edited(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.toggle_order()
    while session.current().fact_id != "murabitoun-rejoins-aqim":  # type: ignore[union-attr]
        session.skip()
    proposal = session.current()
    assert proposal is not None
    assert session.check(proposal, "date", "December 2015") is not None
    assert session.check(proposal, "date", "2015-13") is not None
    assert session.check(proposal, "date", "2015-12") is None
    with pytest.raises(QuizappError):
        session.edit("date", "last winter")
    session.edit("date", "2015-12")
    assert 'date: "2015-12"' in drafts.read_text()
    session.accept()
    summary = session.summary()
    assert (summary.accepted, summary.edited) == (0, 1)
    reopened(session)


def test_an_unknown_actor_id_becomes_a_new_proposal(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.toggle_order()
    while session.current().fact_id != "algiers-bombings-2007-12":  # type: ignore[union-attr]
        session.skip()
    proposal = session.current()
    assert proposal is not None
    assert session.check(proposal, "actors", "aqim, not an id!") is not None
    session.edit("actors", "aqim, aqim-sahel")
    assert session.proposals["aqim-sahel"].verdict is Verdict.PENDING
    assert statuses(drafts)["aqim-sahel"] is FactStatus.GENERATED
    assert session.summary().total == 21
    session.undo()
    assert "aqim-sahel" not in session.proposals
    assert "aqim-sahel" not in drafts.read_text()
    reopened(session)


def test_merge_joins_sources_moves_references_and_undoes(drafts: Path) -> None:
    original = drafts.read_text()
    session = TriageSession(drafts)
    session.toggle_order()
    while session.current().fact_id != "algiers":  # type: ignore[union-attr]
        session.skip()
    proposal = session.current()
    assert proposal is not None
    candidates = [p.fact_id for p in session.merge_candidates(proposal)]
    assert candidates[0] == "algiers-capital"
    with pytest.raises(QuizappError):
        session.merge("gspc")  # a group is not a place
    session.merge("algiers-capital")
    deck, problems = load_deck_text(drafts.read_bytes(), str(drafts), "drafts")
    assert problems == [] and deck is not None
    kept = next(f for f in deck.facts if f.id == "algiers")
    assert [s.quote for s in kept.sources][1] == "Algiers is the capital of Algeria."
    assert kept.located_in == "Algeria"  # type: ignore[union-attr]
    assert statuses(drafts)["algiers-capital"] is FactStatus.REJECTED
    assert session.summary().merged == 1
    session.undo()
    assert drafts.read_text() == original


def test_merge_moves_references_to_the_merged_fact(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.toggle_order()
    while session.current().fact_id != "gspc":  # type: ignore[union-attr]
        session.skip()
    session.merge("mujao")  # not the same fact, but references must follow all the same
    text = drafts.read_text()
    assert "from: [mulathamun, gspc]" in text
    reopened(session)


def test_a_file_changed_meanwhile_is_never_overwritten(drafts: Path) -> None:
    session = TriageSession(drafts)
    drafts.write_text(drafts.read_text() + "# edited elsewhere, and longer\n")
    with pytest.raises(QuizappError, match="changed by another program"):
        session.accept()
    assert drafts.read_text().endswith("# edited elsewhere, and longer\n")
    assert session.summary().triaged == 0
    assert session.proposals["gia"].node["status"] == "generated"


def test_all_decided_then_the_summary(drafts: Path) -> None:
    session = TriageSession(drafts)
    while (proposal := session.current()) is not None:
        if proposal.fact_id == "islamic-maghreb":
            session.reject()
        else:
            session.accept()
    summary = session.summary()
    assert (summary.accepted, summary.rejected, summary.left) == (19, 1, 0)
    assert set(statuses(drafts).values()) == {FactStatus.REVIEWED, FactStatus.REJECTED}
    reopened(session)


def test_not_a_deck_of_facts(tmp_path: Path) -> None:
    path = tmp_path / "cards.yaml"
    path.write_text("title: t\ncards: []\n")
    with pytest.raises(QuizappError, match="no 'facts:' list"):
        TriageSession(path)


def test_a_rejected_proposal_is_not_proposed_again_by_generate(tmp_path: Path) -> None:
    from quizapp.cli import main

    shutil.copytree(DATA / "sources", tmp_path / "sources")
    out = tmp_path / "drafts.yaml"
    assert main(["generate", str(tmp_path / "sources" / "brief.txt"), "-o", str(out)]) == 0
    session = TriageSession(out)
    first = session.current()
    assert first is not None
    session.reject()
    session.accept()
    assert main(["generate", str(tmp_path / "sources" / "brief.txt"), "-o", str(out)]) == 0
    again = statuses(out)
    assert again[first.fact_id] is FactStatus.REJECTED
    assert list(again.values()).count(FactStatus.REVIEWED) == 1


def test_pieces_fall_back_to_whole_dumps_for_a_flow_list(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text(
        "title: t  # a comment\nfacts: [{id: g, type: group, name: G, status: generated, "
        "sources: [{doc: d.txt, quote: G.}]}]\n"
    )
    session = TriageSession(path)
    assert not session.pieces.split
    session.accept()
    assert "# a comment" in path.read_text()
    assert statuses(path)["g"] is FactStatus.REVIEWED
    reopened(session)


def test_pieces_keep_comments_between_the_facts_and_the_cards(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(
        "title: t\n"
        "facts:\n"
        "  # the first fact\n"
        "  - id: g\n    type: group\n    name: G   # inline\n    status: generated\n"
        "    sources:\n      - {doc: d.txt, quote: G.}\n"
        "  - id: h\n    type: group\n    name: H\n    status: generated\n"
        "    sources:\n      - {doc: d.txt, quote: H.}\n"
        "# written cards below\n"
        "\n"
        "cards:\n"
        "  - id: c\n    kind: basic\n    category: group\n    fact: h\n"
        "    question: Q?\n    answer: A\n    source: {doc: d.txt, quote: H.}\n"
    )
    session = TriageSession(path)
    session.toggle_order()
    session.merge("h")  # moves the card's `fact` to g: a change outside the facts
    reopened(session)
    session.accept()
    reopened(session)
    text = path.read_text()
    for comment in ("# the first fact", "# inline", "# written cards below"):
        assert comment in text
    assert "fact: g" in text
    session.undo()
    session.undo()
    reopened(session)
    assert "fact: h" in path.read_text()


def test_a_fact_naming_a_rejected_fact_is_not_accepted(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.toggle_order()
    while session.current().fact_id != "algiers":  # type: ignore[union-attr]
        session.skip()
    session.reject()
    assert session.current().fact_id == "algiers-bombings-2007-12"  # type: ignore[union-attr]
    with pytest.raises(QuizappError, match="names rejected facts: algiers"):
        session.accept()
    session.edit("place", "")
    session.accept()
    assert statuses(drafts)["algiers-bombings-2007-12"] is FactStatus.REVIEWED


def test_a_quoted_or_commented_status_is_written_by_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "quoted.yaml"
    path.write_text(
        "title: t\nfacts:\n"
        "  - id: g\n    type: group\n    name: G\n    status: 'generated'\n"
        "    sources:\n      - {doc: d.txt, quote: G.}\n"
        "  - id: h\n    type: group\n    name: H\n    status: generated   # a draft\n"
        "    sources:\n      - {doc: d.txt, quote: H.}\n"
    )
    session = TriageSession(path)
    session.accept()
    session.accept()
    reopened(session)
    assert "# a draft" in path.read_text()
    assert set(statuses(path).values()) == {FactStatus.REVIEWED}
    session.undo()
    session.undo()
    reopened(session)
    assert set(statuses(path).values()) == {FactStatus.GENERATED}


def test_a_folder_or_a_pipe_is_refused(tmp_path: Path) -> None:
    import os

    with pytest.raises(QuizappError):
        TriageSession(tmp_path)
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(QuizappError):
        TriageSession(fifo)


def test_deferred_writes_go_to_disk_in_order_before_the_next_decision(drafts: Path) -> None:
    original = drafts.read_text()
    session = TriageSession(drafts)
    session.defer_writes = True
    session.accept()
    assert drafts.read_text() == original  # made, not yet written
    session.accept()  # writes the first decision before making the second
    assert statuses(drafts)["gia"] is FactStatus.REVIEWED
    assert statuses(drafts)["gspc"] is FactStatus.GENERATED
    session.flush()
    assert statuses(drafts)["gspc"] is FactStatus.REVIEWED
    reopened(session)


def test_a_deferred_write_that_fails_takes_the_decision_back(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.defer_writes = True
    session.accept()
    drafts.write_text(drafts.read_text() + "# edited elsewhere meanwhile\n")
    with pytest.raises(QuizappError, match="changed by another program"):
        session.flush()
    assert session.proposals["gia"].verdict is Verdict.PENDING
    assert session.proposals["gia"].node["status"] == "generated"
    assert session.current().fact_id == "gia"  # type: ignore[union-attr]
    assert session.steps == []
    assert drafts.read_text().endswith("# edited elsewhere meanwhile\n")


def test_a_deferred_undo_that_fails_keeps_the_decision(drafts: Path) -> None:
    session = TriageSession(drafts)
    session.defer_writes = True
    session.reject()
    session.flush()
    session.undo()
    drafts.write_text(drafts.read_text() + "# edited elsewhere meanwhile\n")
    with pytest.raises(QuizappError):
        session.flush()
    assert session.proposals["gia"].verdict is Verdict.REJECTED
    assert session.proposals["gia"].node["status"] == "rejected"
    assert len(session.steps) == 1
