"""A deck of facts and no cards studies: every drawn card comes up, with its fact's sources."""

from __future__ import annotations

import shutil
from pathlib import Path

from uikit import run_async

from quizapp.commands.preview import build_preview_app, load_preview
from quizapp.model.progress import Rating
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.widgets.card_panel import CardPanel

EXAMPLE = Path(__file__).parents[1] / "data" / "facts"


def facts_only(tmp_path: Path) -> Path:
    """The example deck without its written card."""
    shutil.copytree(EXAMPLE, tmp_path / "decks")
    deck = tmp_path / "decks" / "example.yaml"
    deck.write_text(deck.read_text().split("\ncards:\n")[0] + "\n")
    return tmp_path / "decks"


@run_async
async def test_every_drawn_card_comes_up_in_preview_with_its_sources(tmp_path: Path) -> None:
    deck_set = load_preview([facts_only(tmp_path)])
    (deck,) = deck_set.decks
    assert deck.cards and all(card.fact is not None for card in deck.cards)
    expected = {unit.uid for unit in deck_set.units()}
    app = build_preview_app(deck_set)
    seen: set[str] = set()
    answers: dict[str, str] = {}
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        while isinstance(app.screen, ReviewScreen) and screen.unit is not None:
            uid = screen.unit.uid
            if uid in seen:
                break
            seen.add(uid)
            panel = screen.query_one(CardPanel)
            panel.reveal()
            if not panel.revealed:
                panel.check()
            answers[uid] = str(panel.query_one("#answer").render())
            screen.grade(Rating.GOOD)
            await pilot.pause()
    assert seen == expected
    figure = answers["algiers-bombings-2007-12/figure.killed"]
    assert "Sources differ on killed:" in figure
    assert "profile.txt says at least 60" in figure and "brief-2014.txt says thirty-three" in figure
    assert "“December 11, 2007: two car bombs in Algiers kill at least 60 people.”" in figure
    leads = answers["droukdel-leads-aqim/when"]
    assert "As of January 2014: this can change." in leads
    assert "Note: He led the GSPC from 2004 and AQIM from its renaming in January 2007." in leads
    assert "As of" not in answers["gia/acronym"], "only a time-sensitive fact says 'as of'"


def test_editing_a_drawn_card_opens_its_fact() -> None:
    from quizapp.decks import load_decks
    from quizapp.ui.screens.review import edit_line

    (deck,) = load_decks([EXAMPLE]).decks
    cards = {card.id: card for card in deck.cards}
    lines = (EXAMPLE / "example.yaml").read_text().splitlines()
    fact_line = edit_line(deck.path, cards["gia/acronym"])
    assert fact_line is not None and lines[fact_line - 1] == "  - id: gia"
    written = edit_line(deck.path, cards["aqim-lineage-order"])
    assert written is not None and lines[written - 1] == "  - id: aqim-lineage-order"
