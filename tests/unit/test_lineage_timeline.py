"""Lineage, timeline and stale facts: the pure builders and the commands that print them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import msgspec
import pytest

from quizapp import cli
from quizapp.decks import load_decks
from quizapp.facts.drawing import draw
from quizapp.facts.lineage import (
    around,
    build_lineage,
    find_groups,
    lineage_fact_ids,
    profile_of,
)
from quizapp.facts.stale import age_in_years, is_stale, stale_facts
from quizapp.facts.timeline import Decked, build_timeline, filter_timeline
from quizapp.model.facts import Fact

LINEAGE = Path(__file__).parents[1] / "data" / "lineage"


def fixture_facts() -> list[Fact]:
    deck_set = load_decks([LINEAGE])
    assert not deck_set.problems, [p.format() for p in deck_set.problems]
    return [fact for deck in deck_set.decks for fact in deck.facts]


def facts_of(yaml_facts: list[dict[str, object]]) -> list[Fact]:
    source = {"doc": "a.txt", "quote": "A sentence."}
    return [
        msgspec.convert({"sources": [source], **item}, Fact)  # type: ignore[arg-type]
        for item in yaml_facts
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--no-cache", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- lineage ------------------------------------------------------------------------------


def test_edges_are_in_date_order_and_a_merger_is_one_edge() -> None:
    lineage = build_lineage(fixture_facts())
    assert [edge.id for edge in lineage.edges] == [
        "gspc-split-from-gia",
        "gspc-allegiance-al-qaeda",
        "gspc-renamed-aqim",
        "mulathamun-split-from-aqim",
        "murabitoun-merger",
    ]
    merger = lineage.edges[-1]
    assert merger.sources == ("mulathamun", "mujao") and merger.target == "murabitoun"
    assert "droukdel-leads-aqim" not in {e.id for e in lineage.edges}, "a person is no node"


def test_years_active_come_from_founding_and_the_relations_that_begin_and_end_a_group() -> None:
    nodes = build_lineage(fixture_facts()).by_id()
    assert nodes["gspc"].years() == "1998\u20132007"  # founded 1998, renamed 2007
    assert nodes["aqim"].years() == "2007\u2013"  # began with the rename
    assert nodes["mujao"].years() == "\u20132013"  # merged away
    assert nodes["gia"].years() == ""


@pytest.mark.parametrize("query", ["MUJWA", "mujao", "Movement for Unity and Jihad in West Africa"])
def test_a_group_matches_by_id_name_acronym_or_alias_ignoring_case(query: str) -> None:
    lineage = build_lineage(fixture_facts())
    assert [node.id for node in find_groups(lineage, query)] == ["mujao"]


def test_around_keeps_ancestors_and_descendants_only() -> None:
    lineage = build_lineage(fixture_facts())
    gspc = around(lineage, ["gspc"])
    assert {node.id for node in gspc.nodes} == {
        "gia", "gspc", "al-qaeda", "aqim", "mulathamun", "mujao", "murabitoun",
    }  # fmt: skip
    mujao = around(lineage, ["mujao"])
    assert [edge.id for edge in mujao.edges] == ["murabitoun-merger"]
    assert "gia" not in {node.id for node in mujao.nodes}


def test_the_drawing_draws_each_group_once_and_refers_back_for_a_merger() -> None:
    rows = draw(build_lineage(fixture_facts()))
    drawn = [row.node_id for row in rows if not row.reference]
    assert sorted(drawn) == sorted(set(drawn)) and len(drawn) == 7
    text = [row.plain() for row in rows]
    assert text[0] == "GIA"
    assert "\u2514\u2500 split 1998 \u2500\u25b6 GSPC  1998\u20132007" in text
    assert any("merged 2013 with MUJAO" in line for line in text)
    assert any(
        line.endswith("(drawn above)") and "with al-Mulathamun Battalion" in line for line in text
    )


def test_a_deep_chain_is_drawn_without_recursion() -> None:
    items: list[dict[str, object]] = [
        {"id": f"g{i}", "type": "group", "name": f"Group {i}"} for i in range(3000)
    ]
    items += [
        {"id": f"r{i}", "type": "relation", "relation": "split", "from": [f"g{i}"],
         "to": f"g{i + 1}", "date": str(1000 + i)}
        for i in range(2999)
    ]  # fmt: skip
    rows = draw(build_lineage(facts_of(items)))
    assert len(rows) == 3000 and rows[-1].node_id == "g2999"


def test_a_profile_lists_aliases_leaders_designations_with_sources() -> None:
    facts = {fact.id: fact for fact in fixture_facts()}
    lineage = build_lineage(facts.values())
    items = profile_of("aqim", facts, lineage)
    kinds = [item.kind for item in items]
    assert kinds[0] == "name" and "alias" in kinds
    leader = next(item for item in items if item.kind == "leader")
    assert leader.text == "Abdelmalek Droukdel" and leader.date == "2004"
    assert leader.docs == ("aqim-backgrounder-2014.txt",)
    designation = next(item for item in items if item.kind == "designation")
    assert designation.docs == ("rfj-aqim.txt",) and designation.date == "2002-03-27"
    role = next(i for i in profile_of("mulathamun", facts, lineage) if i.kind == "role")
    assert role.text == "Mokhtar Belmokhtar, the leader" and role.date == "2012"
    assert lineage_fact_ids("aqim", facts) == {
        "aqim", "gspc-renamed-aqim", "mulathamun-split-from-aqim", "droukdel-leads-aqim",
        "aqim-fto",
    }  # fmt: skip


# -- timeline -----------------------------------------------------------------------------


def test_the_timeline_is_every_dated_fact_ascending() -> None:
    entries = build_timeline(Decked(fact, "d") for fact in fixture_facts())
    keys = [(e.year, e.date) for e in entries]
    assert [e.year for e in entries] == sorted(e.year for e in entries)
    assert entries[0].date == "1992" and len(keys) == 12
    assert {e.type for e in entries} == {"event", "relation", "designation", "group"}
    assert all(e.docs for e in entries)


def test_disputed_dates_show_both_values_with_their_sources() -> None:
    facts = facts_of(
        [
            {"id": "g", "type": "group", "name": "G"},
            {
                "id": "e", "type": "event", "what": "an attack", "date": "2012",
                "disputed": [{"field": "date", "value": "2012", "doc": "a.txt"},
                             {"field": "date", "value": "2011", "doc": "b.txt"}],
            },
        ]
    )  # fmt: skip
    (entry,) = build_timeline(Decked(fact, "d") for fact in facts)
    assert entry.date_text() == "2012 (a.txt) / 2011 (b.txt)"


def test_a_corrected_date_shows_the_taught_value_with_its_sources_then_the_disputed_one() -> None:
    groups = [{"id": n, "type": "group", "name": n.upper()} for n in ("a", "b", "c")]
    merger = {
        "id": "m", "type": "relation", "relation": "merger", "from": ["a", "b"], "to": "c",
        "date": "2013-08", "disputed": [{"field": "date", "value": "2013-05", "doc": "old.txt"}],
        "sources": [{"doc": "new.txt", "quote": "Q."}, {"doc": "old.txt", "quote": "Q."},
                    {"doc": "rfj.txt", "quote": "Q."}],
    }  # fmt: skip
    facts = facts_of([*groups, merger])
    (entry,) = [e for e in build_timeline(Decked(f, "d") for f in facts) if e.fact_id == "m"]
    assert entry.date_text() == "2013-08 (new.txt, rfj.txt) / 2013-05 (old.txt)"
    (edge,) = build_lineage(facts).edges
    assert [(c.value, c.docs) for c in edge.disputed_dates] == [
        ("2013-08", ("new.txt", "rfj.txt")),
        ("2013-05", ("old.txt",)),
    ]


def test_filters_by_group_type_and_years() -> None:
    entries = build_timeline(Decked(fact, "d") for fact in fixture_facts())
    years = filter_timeline(entries, start_year=2007, end_year=2012)
    assert {e.year for e in years} == {2007, 2010, 2012}
    murabitoun = filter_timeline(entries, groups={"murabitoun"})
    assert {e.fact_id for e in murabitoun} == {"murabitoun-merger", "in-amenas"}
    designations = filter_timeline(entries, types={"designation"})
    assert len(designations) == 3


# -- stale --------------------------------------------------------------------------------


def test_age_counts_from_the_end_of_the_as_of_period() -> None:
    today = dt.date(2019, 6, 1)
    assert age_in_years("2014", today) == 4  # known true until 31 December 2014
    assert age_in_years("2014-01-08", today) == 5
    assert age_in_years("2010/2014-05", today) == 5


def test_only_time_sensitive_facts_older_than_the_limit_are_stale() -> None:
    facts = {fact.id: fact for fact in fixture_facts()}
    today = dt.date(2026, 1, 5)
    assert [s.fact_id for s in stale_facts(facts.values(), today)] == [
        "droukdel-leads-aqim",
        "in-amenas",
    ]
    assert not is_stale(facts["aqim"], today), "not time-sensitive"
    assert [s.fact_id for s in stale_facts(facts.values(), today, 10)] == ["droukdel-leads-aqim"]


# -- commands -----------------------------------------------------------------------------


def test_lineage_plain_prints_one_relation_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lineage", "--decks", str(LINEAGE), "--plain")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1998  GIA \u2192 GSPC  split  (aqim-backgrounder-2014.txt)",
        "2006-09-11  GSPC \u2192 al-Qaeda  allegiance  (aqim-backgrounder-2014.txt)",
        "2007-01  GSPC \u2192 AQIM  rename  (aqim-backgrounder-2014.txt)",
        "2012  AQIM \u2192 al-Mulathamun Battalion  split  (aqim-backgrounder-2014.txt)",
        "2013  al-Mulathamun Battalion + MUJAO \u2192 al-Murabitoun  merger  "
        "(rfj-al-murabitoun.txt)",
    ]


def test_lineage_group_limits_and_json_gives_nodes_and_edges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "lineage", "--decks", str(LINEAGE), "MUJWA", "--json")
    data = json.loads(out)
    assert code == 0
    assert {n["id"] for n in data["nodes"]} == {"mujao", "mulathamun", "murabitoun"}
    (edge,) = data["edges"]
    assert edge["from"] == ["mulathamun", "mujao"] and edge["relation"] == "merger"
    assert edge["date"] == "2013" and edge["sources"] == ["rfj-al-murabitoun.txt"]
    code, _, err = run(capsys, "lineage", "--decks", str(LINEAGE), "Hamas", "--plain")
    assert code == 1 and "no group is called 'Hamas'" in err


def test_timeline_plain_and_years(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "timeline", "--decks", str(LINEAGE), "--from", "2013", "--to", "2013", "--plain"
    )
    assert code == 0
    assert out.splitlines() == [
        "2013  al-Mulathamun Battalion + MUJAO \u2192 al-Murabitoun  merger  "
        "(rfj-al-murabitoun.txt)",
        "2013-01  the siege of the Tiguentourine gas facility near In Amenas  "
        "(rfj-al-murabitoun.txt)",
        "2013-12-19  U.S. Department of State designated al-Mulathamun Battalion (FTO)  "
        "(rfj-al-murabitoun.txt)",
    ]
    code, out, _ = run(capsys, "timeline", "--decks", str(LINEAGE), "--json")
    records = json.loads(out)
    assert len(records) == 12 and records[0]["date"] == "1992"
    assert set(records[0]) >= {"fact_id", "type", "date", "text", "docs", "disputed"}


def test_deck_text_reaches_the_terminal_with_control_characters_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks = tmp_path / "decks"
    shutil.copytree(LINEAGE, decks)
    deck = decks / "aqim-lineage.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("acronym: MUJAO", 'acronym: "MUJ\\e[31mAO[bold]"'), "utf-8")
    code, out, _ = run(capsys, "lineage", "--decks", str(decks), "--plain")
    assert code == 0 and "\x1b" not in out
    assert "MUJ\u241b[31mAO[bold] \u2192 al-Murabitoun" in out


def test_validate_stale_warns_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--stale", "--today", "2026-01-05", str(LINEAGE))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and all("warning: time-sensitive" in line for line in lines)
    assert lines[0].startswith("aqim-lineage: fact droukdel-leads-aqim:")
    assert "as of 2014-01-08 (11 years ago)" in lines[0]
    assert "2 stale facts" in err
    code, out, _ = run(
        capsys, "validate", "--stale", "--older-than", "10", "--today", "2026-01-05", "--json",
        str(LINEAGE),
    )  # fmt: skip
    assert code == 0
    assert [s["fact_id"] for s in json.loads(out)["stale"]] == ["droukdel-leads-aqim"]


def test_long_names_are_cut_in_the_drawing_and_a_self_relation_does_not_loop() -> None:
    items: list[dict[str, object]] = [
        {"id": "a", "type": "group", "name": "A" * 5000},
        {"id": "b", "type": "group", "name": "B"},
        {"id": "r", "type": "relation", "relation": "split", "from": ["a"], "to": "b"},
        {"id": "s", "type": "relation", "relation": "rename", "from": ["b"], "to": "b"},
    ]
    rows = draw(build_lineage(facts_of(items)))
    assert len(rows[0].node_label) == 120 and rows[0].node_label.endswith("\u2026")
    assert [(row.node_id, row.reference) for row in rows] == [
        ("a", False),
        ("b", False),
        ("b", True),
    ]


def test_any_relations_draw_every_group_exactly_once_and_every_edge_once() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    kinds = ["merger", "split", "rename", "allegiance", "affiliation", "leadership"]
    edge = st.tuples(
        st.lists(st.integers(0, 7), min_size=1, max_size=3, unique=True),
        st.integers(0, 7),
        st.sampled_from(kinds),
        st.one_of(st.none(), st.sampled_from(["1998", "2007-01", "2013-05-02", "2004/2020"])),
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(edge, max_size=12))
    def check(edges: list[tuple[list[int], int, str, str | None]]) -> None:
        items: list[dict[str, object]] = [
            {"id": f"g{i}", "type": "group", "name": f"G{i}"} for i in range(8)
        ]
        for n, (sources, target, kind, date) in enumerate(edges):
            relation = {"id": f"r{n}", "type": "relation", "relation": kind,
                        "from": [f"g{s}" for s in sources], "to": f"g{target}"}  # fmt: skip
            if date:
                relation["date"] = date
            items.append(relation)
        lineage = build_lineage(facts_of(items))
        rows = draw(lineage)
        drawn = [row.node_id for row in rows if not row.reference]
        assert sorted(drawn) == [f"g{i}" for i in range(8)]
        assert len([r for r in rows if r.edge is not None]) == sum(
            len(e.sources) for e in lineage.edges
        )  # an edge is drawn under each group it comes from
        dates = [e.date for e in lineage.edges if e.date]
        assert dates == sorted(
            dates, key=lambda d: tuple(int(p) for p in d[:10].split("/")[0].split("-"))
        )
        entries = build_timeline(Decked(fact, "d") for fact in facts_of(items))
        assert len(entries) == len([e for e in edges if e[3]])

    check()


def test_lineage_questions_hide_one_part_and_offer_the_answer_among_the_choices() -> None:
    import random

    from quizapp.facts.lineage_quiz import Hidden, questions

    rows = draw(build_lineage(fixture_facts()))
    asked = questions(rows, random.Random(3), 20)
    assert len(asked) == len([row for row in rows if row.edge is not None])
    assert {question.hidden for question in asked} == {Hidden.NODE, Hidden.EDGE}
    for question in asked:
        row = question.rows[question.hidden_row]
        right = row.node_label if question.hidden is Hidden.NODE else row.edge_label
        assert question.choices[question.answer] == right
        assert len(set(question.choices)) == len(question.choices) >= 2
        shown = question.shown()
        assert right not in shown[question.hidden_row] and "?" in shown[question.hidden_row]
        assert not any("drawn above" in line for line in shown)
        assert question.docs


def test_a_newline_in_a_name_stays_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks = tmp_path / "decks"
    shutil.copytree(LINEAGE, decks)
    deck = decks / "aqim-lineage.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("acronym: GSPC", 'acronym: "GS\\nPC"'), "utf-8")
    code, out, _ = run(capsys, "lineage", "--decks", str(decks), "--plain")
    assert code == 0 and len(out.splitlines()) == 5
    assert "GIA \u2192 GS\u240aPC  split" in out
    code, out, _ = run(capsys, "timeline", "--decks", str(decks), "--plain")
    assert code == 0 and len(out.splitlines()) == 12


def test_groups_with_no_relation_are_drawn_after_the_lineages() -> None:
    items: list[dict[str, object]] = [
        {"id": "ecowas", "type": "group", "name": "ECOWAS", "date": "1975"},
        {"id": "a", "type": "group", "name": "A"},
        {"id": "b", "type": "group", "name": "B", "date": "1998"},
        {"id": "r", "type": "relation", "relation": "split", "from": ["a"], "to": "b"},
    ]
    assert [row.node_id for row in draw(build_lineage(facts_of(items)))] == ["a", "b", "ecowas"]
