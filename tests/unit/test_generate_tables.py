"""A copy's table of particulars ("Publisher | ... |", "Publication Date | 19 June 2031 |")
and the lines after it: rows are no sentences, a date row dates the passage, and an "aka" line
after them stays a list of names (made-up groups, not the evaluation set)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import Kind, parse_document
from quizapp.generate.typed import propose_facts

ENTRY = """Country Reports on Terrorism 2030 - Foreign Terrorist Organizations: Velora Brigade
Publisher | Department of State |
Publication Date | 19 June 2031 |
aka Velora Fighters; Sons of the Marsh
Description: Designated as a Foreign Terrorist Organization on May 4, 2029, Velora Brigade \
is a group based in Tamsin.
Today, it only nominally fights for a northern state.
"""


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("r.txt", text))]


def test_table_rows_and_the_aka_line_stand_alone() -> None:
    kinds = [(s.kind, s.text[:12]) for s in parse_document("r.txt", ENTRY).sentences]
    assert kinds[1][0] is Kind.HEADING  # "Publisher | ...": no sentence
    assert kinds[2][0] is Kind.DATELINE  # the date row dates what follows
    assert kinds[3][0] is Kind.AKA  # not run into the rows before it
    assert kinds[4] == (Kind.SENTENCE, "Designated a")


def test_the_date_row_is_the_passage_dateline() -> None:
    facts = facts_of(ENTRY)
    group = next(f for f in facts if f.get("name") == "Velora Brigade")
    assert {"Velora Fighters", "Sons of the Marsh"} <= set(group.get("aliases", []))
    designation = next(f for f in facts if f["type"] == "designation")
    assert designation["target"] == group["id"] and designation["date"] == "2029-05-04"
    today = next(f for f in facts if "nominally" in f["sources"][0]["quote"])
    assert today.get("date") == "2031-06-19"


def test_a_bare_publication_date_line_is_a_dateline_too() -> None:
    text = "Velora Brigade\nPublication Date 30 April 2032\nVelora Brigade attacked a bank.\n"
    kinds = [s.kind for s in parse_document("r.txt", text).sentences]
    assert kinds[1] is Kind.DATELINE


def test_a_credit_after_a_title_and_a_byline_are_no_sentences() -> None:
    text = (
        "Velora Brigade (VB) From: Patterns of Global Terrorism, 2030 . "
        "Tamsin Department of State, May 2031.\n"
        "Comments on the material should be sent to the Tamsin Department of State\n"
        "Description\n"
        "The VB attacked a bank in 2029.\n"
    )
    sentences = parse_document("r.txt", text).sentences
    kinds = [(s.kind, s.text) for s in sentences]
    assert kinds[0] == (Kind.HEADING, "Velora Brigade (VB)")
    assert kinds[1][0] is Kind.HEADING and kinds[1][1].startswith("From:")
    assert kinds[2][0] is Kind.DATELINE
    # the bare section label is not run into the unfinished line before it
    assert (Kind.HEADING, "Description") in kinds
    names = {f.get("name") for f in facts_of(text)}
    assert "Patterns of Global Terrorism" not in names


def test_a_line_left_open_is_no_title_but_the_start_of_a_sentence() -> None:
    text = (
        "Velora (aka Harakat Al Velora Al Tamsini, or\n"
        "Tamsin Youth Movement) is an insurgent group that emerged in the mid-2000s.\n"
    )
    sentences = parse_document("r.txt", text).sentences
    assert [s.kind for s in sentences] == [Kind.SENTENCE]
    assert sentences[0].text.startswith("Velora (aka Harakat")


def test_a_citation_line_is_a_dateline_not_a_sentence() -> None:
    text = (
        "Velora Brigade (VB)\nSource: Tamsin Department of State, Country Reports on "
        "Terrorism 2030\nForeign Terrorist Organizations: Velora Brigade (VB), 19 July 2031.\n"
        "The VB attacked a bank in 2029.\n"
    )
    kinds = [s.kind for s in parse_document("r.txt", text).sentences]
    assert kinds[:3] == [Kind.HEADING, Kind.HEADING, Kind.DATELINE]
    assert not [f for f in facts_of(text) if f["type"] == "event" and f["date"] == "2031-07-19"]


def test_a_bare_month_in_an_annual_report_is_in_the_year_it_covers() -> None:
    text = (
        "Country Report on Terrorism 2032 - Chapter 5 - Velora Brigade\n\n"
        "Description: The Velora Brigade (VB) was designated as an FTO on October 8, 1997. "
        "Founded in 1976, the VB lost its war in 2009.\n"
        "In January, Tamsin authorities arrested a VB member raising funds.\n"
    )
    arrest = next(f for f in facts_of(text) if "arrested" in str(f.get("what", "")))
    assert arrest["date"] == "2032-01"


def test_a_wires_summary_line_in_brackets_is_no_sentence_but_a_bracketed_sentence_is() -> None:
    text = (
        "Velora Brigade Designated\n\n(U.S. says group has links to the Marsh Front) (210)\n\n"
        "The Velora Brigade (VB) attacked a bank in 2030. (A new government took power in "
        "early April.)\n"
    )
    kinds = [(s.kind, s.text[:12]) for s in parse_document("r.txt", text).sentences]
    assert kinds[1][0] is Kind.HEADING
    assert (Kind.SENTENCE, "(A new gover") in kinds


def test_a_year_the_sentence_gives_wins_over_the_reports_year() -> None:
    text = (
        "Country Report on Terrorism 2032 - Chapter 5 - Velora Brigade\n\n"
        "The year 2028 also saw the launch of the Velora magazine, which first appeared in July.\n"
    )
    launch = next(f for f in facts_of(text) if "launch" in str(f.get("what", "")))
    assert launch["date"] in ("2028", "2028-07")
    assert not [f for f in facts_of(text) if str(f.get("date", "")).startswith("2032")]
