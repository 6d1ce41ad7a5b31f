"""Write a realistic synthetic collection: `python benchmarks/make_collection.py N [--out DIR]`.

N cards spread over several decks, every card kind, quotes that really are in the source
documents (so `quizapp validate --sources` passes), and a review history of a chosen size as
JSON lines (`reviews.jsonl`: uid, ISO UTC time, rating 1-4, seconds taken) for the benchmarks of
the progress store. The same seed always writes the same bytes. The facts are made up: names are
assembled from syllables, so nothing here is a claim about the real world.

`--facts` writes decks of facts instead (deck format v2, no written cards): each bundle of seven
facts (group, person, place, event, relation, designation, statement) draws `CARDS_PER_BUNDLE`
cards, so N cards are drawn from about N / 20 bundles.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

SYLLABLES = tuple(
    "al ar ba da el fa ha ib ja ka la ma na qa ra sa ta ul wa ya za dro kel mun tas vor".split()  # noqa: SIM905
)
GROUP_WORDS = ("Front", "Brigade", "Movement", "Army", "Council", "Network", "Group", "Union")
PLACES = ("Northern", "Coastal", "Eastern", "Highland", "Delta", "Border", "Central", "Southern")
CATEGORIES = ("date", "name", "person", "group", "merger", "designation", "place", "figure")
CATEGORIES += ("concept", "objective")
# Roughly the mix a course deck has: mostly basic and cloze cards.
KINDS = ("basic",) * 9 + ("cloze",) * 5 + ("choice",) * 3 + ("typed",) * 2 + ("order", "match")
START = datetime(2025, 1, 1, tzinfo=UTC)
RATINGS = (1,) * 10 + (2,) * 15 + (3,) * 65 + (4,) * 10


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Facts:
    """Deterministic made-up names, places and dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self, parts: int = 3) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def person(self) -> str:
        return f"{self.word(2)} {self.word(3)}"

    def group(self) -> str:
        return f"{self.rng.choice(PLACES)} {self.word()} {self.rng.choice(GROUP_WORDS)}"

    def date(self) -> str:
        year = self.rng.randint(1960, 2024)
        return f"{year}-{self.rng.randint(1, 12):02d}"


@dataclass
class DeckPlan:
    slug: str
    title: str
    cards: int
    doc: str


def source_sentences(rng: random.Random, count: int) -> list[str]:
    facts = Facts(rng)
    sentences = []
    for _ in range(count):
        sentences.append(
            f"In {facts.date()}, the {facts.group()} led by {facts.person()} "
            f"announced its union with the {facts.group()} near {facts.word()}."
        )
    return sentences


def card_yaml(rng: random.Random, facts: Facts, card_id: str, doc: str, quote: str) -> str:
    kind = rng.choice(KINDS)
    category = rng.choice(CATEGORIES)
    group, person, date = facts.group(), facts.person(), facts.date()
    lines = [f"  - id: {card_id}"]
    if kind != "basic" or rng.random() < 0.5:
        lines.append(f"    kind: {kind}")
    if kind == "basic":
        lines += [f"    question: {q(f'Who founded the {group}?')}", f"    answer: {q(person)}"]
        if rng.random() < 0.2:
            lines.append("    reverse: true")
    elif kind == "cloze":
        deletions = rng.randint(1, 3)
        parts = [f"{{{{{date}}}}}", f"{{{{{group}::a group}}}}", f"{{{{{person}}}}}"]
        words = [date, group, person]
        for n in range(deletions):
            words[n] = parts[n]
        lines.append(f"    text: {q(f'In {words[0]}, the {words[1]} was founded by {words[2]}.')}")
    elif kind == "choice":
        lines += [f"    question: {q(f'When was the {group} founded?')}", f"    answer: {q(date)}"]
        if rng.random() < 0.5:
            others: set[str] = set()
            while len(others) < 3:
                others.add(facts.date())
            others.discard(date)
            choices = [date, *sorted(others)]
            lines.append(f"    choices: [{', '.join(q(c) for c in choices)}]")
    elif kind == "typed":
        lines += [f"    question: {q(f'Who led the {group}?')}", f"    answer: {q(person)}"]
        lines.append(f"    aliases: [{q(person.split()[-1])}]")
    elif kind == "order":
        lines += [f"    prompt: {q('Put these events in order.')}", "    items:"]
        for _ in range(rng.randint(3, 5)):
            lines.append(
                f"      - {{text: {q(f'{facts.group()} formed')}, date: {q(facts.date())}}}"
            )
    else:
        lines += [f"    prompt: {q('Match each leader with a group.')}", "    pairs:"]
        lefts: dict[str, None] = {}
        wanted = rng.randint(2, 4)
        while len(lefts) < wanted:
            lefts[facts.person()] = None
        for left in lefts:
            lines.append(f"      - {{left: {q(left)}, right: {q(facts.group())}}}")
    lines.append(f"    category: {category}")
    if rng.random() < 0.3:
        lines.append(f"    tags: [{facts.word(2).lower()}, unit-{rng.randint(1, 12)}]")
    if rng.random() < 0.25:
        lines.append(f"    explanation: {q(f'{person} split from the {group} in {date}.')}")
    if rng.random() < 0.1:
        lines.append("    status: generated")
    if rng.random() < 0.05:
        lines.append(f"    revision: {rng.randint(1, 3)}")
    lines.append(f"    source: {{doc: {doc}, quote: {q(quote)}}}")
    return "\n".join(lines) + "\n"


CARDS_PER_BUNDLE = 16  # 1 group + 1 person + 1 place + 5 event + 3 relation + 3 designation + 2
# (no acronym or alias card: the quotes, drawn at random from the documents, never state them)
TARGETS = ("convoy", "base", "market", "checkpoint", "hotel", "patrol", "pipeline", "airport")
AUTHORITIES = ("State Department", "Treasury", "Security Council", "Home Office", "Council")


def fact_bundle_yaml(
    rng: random.Random, facts: Facts, slug: str, n: int, doc: str, quotes: list[str]
) -> str:
    """Seven facts that refer to each other (and to the previous bundle's group); ids start with
    the deck's slug, since they are unique across decks."""
    group, person, place = facts.group(), facts.person(), facts.word()
    acronym = "".join(w[0] for w in group.split()) + facts.word(1).upper()
    sources = f"    sources: [{{doc: {doc}, quote: {q(rng.choice(quotes))}}}]\n"
    date = facts.date()
    out = [
        f"  - id: {slug}-g{n}\n    type: group\n    name: {q(group)}\n    acronym: {q(acronym)}\n"
        f"    aliases: [{q(facts.word(3))}]\n    date: {q(date[:4])}\n" + sources,
        f"  - id: {slug}-p{n}\n    type: person\n    name: {q(person)}\n"
        f"    aliases: [{q(person.split()[-1] + 'a')}]\n"
        f"    roles: [{{role: the leader, of: {slug}-g{n}, from: {q(facts.date())}}}]\n" + sources,
        f"  - id: {slug}-l{n}\n    type: place\n    name: {q(place)}\n"
        f"    located_in: {q(rng.choice(PLACES) + ' ' + facts.word(2))}\n"
        f"    aliases: [{q(facts.word(2))}]\n" + sources,  # not a spelling of the name
        f"  - id: {slug}-e{n}\n    type: event\n"
        f"    what: {q(f'the {group} attacked a {rng.choice(TARGETS)}')}\n"
        f"    date: {q(facts.date())}\n    place: {slug}-l{n}\n    actors: [{slug}-g{n}]\n"
        f"    figures: {{killed: {q(str(rng.randint(2, 400)))}}}\n" + sources,
        f"  - id: {slug}-r{n}\n    type: relation\n    relation: split\n"
        f"    from: [{slug}-{f'g{n - 1}' if n else 'x0'}]\n    to: {slug}-g{n}\n"
        f"    date: {q(date)}\n" + sources,
        f"  - id: {slug}-d{n}\n    type: designation\n    authority: {q(rng.choice(AUTHORITIES))}\n"
        f"    list: {q(facts.word(2) + ' list')}\n    target: {slug}-g{n}\n"
        f"    date: {q(facts.date())}\n" + sources,
        f"  - id: {slug}-s{n}\n    type: statement\n    claim: {q(f'{group} seeks {place}.')}\n"
        f"    by: {slug}-p{n}\n    about: {q(f'the aims of the {group}')}\n" + sources,
    ]
    if n == 0:  # the first bundle's group splits from one of its own
        out.insert(
            0, f"  - id: {slug}-x0\n    type: group\n    name: {q(facts.group())}\n" + sources
        )
    return "".join(out)


def write_fact_deck(path: Path, plan: DeckPlan, quotes: list[str], seed: int) -> None:
    """One deck file of facts drawing about `plan.cards` cards, and no written cards."""
    rng = random.Random(f"{seed}/{plan.slug}/facts")
    facts = Facts(rng)
    bundles = max(1, -(-plan.cards // CARDS_PER_BUNDLE))
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# Synthetic facts written by benchmarks/make_collection.py (seed {seed}).\n")
        out.write(f"title: {q(plan.title)}\n")
        out.write(f"description: {q('Made-up facts for benchmarks.')}\ntags: [synthetic]\n")
        out.write("facts:\n")
        for n in range(bundles):
            out.write(fact_bundle_yaml(rng, facts, plan.slug, n, plan.doc, quotes))


def write_deck(path: Path, plan: DeckPlan, quotes: list[str], seed: int) -> None:
    """One deck file of `plan.cards` cards, written in chunks to keep memory flat."""
    rng = random.Random(f"{seed}/{plan.slug}")
    facts = Facts(rng)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# Synthetic deck written by benchmarks/make_collection.py (seed {seed}).\n")
        out.write(f"title: {q(plan.title)}\n")
        out.write(f"description: {q('Made-up facts for benchmarks.')}\ntags: [synthetic]\n")
        out.write("cards:\n")
        chunk: list[str] = []
        for n in range(plan.cards):
            chunk.append(
                card_yaml(rng, facts, f"{plan.slug}-{n:06d}", plan.doc, rng.choice(quotes))
            )
            if len(chunk) >= 2000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))


def plan_decks(cards: int, decks: int) -> list[DeckPlan]:
    decks = max(1, min(decks, cards))
    plans = []
    for n in range(decks):
        count = cards // decks + (1 if n < cards % decks else 0)
        slug = f"syn{n + 1:02d}"
        plans.append(DeckPlan(slug, f"Synthetic course {n + 1:02d}", count, f"{slug}.txt"))
    return plans


def review_history(uids: list[str], count: int, seed: int) -> Iterator[dict[str, object]]:
    """`count` reviews over the first 70% of units, in time order, a few per unit per session."""
    rng = random.Random(f"{seed}/reviews")
    seen = uids[: max(1, int(len(uids) * 0.7))] if uids else []
    if not seen:
        return
    step = timedelta(days=365) / max(count, 1)
    for n in range(count):
        when = START + step * n
        yield {
            "uid": rng.choice(seen),
            "reviewed_at": when.isoformat().replace("+00:00", "Z"),
            "rating": rng.choice(RATINGS),
            "seconds": round(rng.uniform(2, 25), 1),
        }


@dataclass
class Collection:
    root: Path
    decks_dir: Path
    reviews: Path
    cards: int
    titles: list[str]


def write_collection(
    out: Path,
    cards: int,
    *,
    decks: int = 8,
    reviews: int = 0,
    seed: int = 1,
    facts: bool = False,
) -> Collection:
    """Write the decks (with sources) under `out/decks` and `reviews` reviews to `out`; with
    `facts`, decks of facts whose drawn cards number about `cards`."""
    decks_dir = out / "decks"
    sources = decks_dir / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    plans = plan_decks(cards, decks)
    for plan in plans:
        quotes = source_sentences(random.Random(f"{seed}/{plan.doc}"), 200)
        (sources / plan.doc).write_text("\n".join(quotes) + "\n", encoding="utf-8")
        if facts:
            meta = sources / f"{plan.slug}.meta.yaml"
            meta.write_text('title: Synthetic source\ndate: "2024-06-01"\n', encoding="utf-8")
            write_fact_deck(decks_dir / f"{plan.slug}.yaml", plan, quotes, seed)
        else:
            write_deck(decks_dir / f"{plan.slug}.yaml", plan, quotes, seed)
    review_file = out / "reviews.jsonl"
    if reviews:
        from quizapp.decks import load_decks

        uids = [unit.uid for unit in load_decks([decks_dir]).units()]
        with review_file.open("w", encoding="utf-8") as handle:
            for review in review_history(uids, reviews, seed):
                handle.write(json.dumps(review) + "\n")
    return Collection(out, decks_dir, review_file, cards, [p.title for p in plans])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("cards", type=int, help="number of cards")
    parser.add_argument("--out", type=Path, default=Path("bench-collection"), help="output folder")
    parser.add_argument("--decks", type=int, default=8, help="number of deck files (default 8)")
    parser.add_argument("--reviews", type=int, default=0, help="reviews to write (default 0)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--facts", action="store_true", help="write facts (format v2); cards are drawn from them"
    )
    args = parser.parse_args(argv)
    if args.cards < 1 or args.reviews < 0:
        parser.error("cards must be at least 1 and reviews at least 0")
    made = write_collection(
        args.out,
        args.cards,
        decks=args.decks,
        reviews=args.reviews,
        seed=args.seed,
        facts=args.facts,
    )
    size = sum(p.stat().st_size for p in made.decks_dir.glob("*.yaml"))
    print(
        f"{made.cards} cards in {len(made.titles)} decks ({size / 1e6:.1f} MB) in {made.decks_dir}"
    )
    if args.reviews:
        print(f"{args.reviews} reviews in {made.reviews}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
