"""Speed of the whole enrichment against the bare spaCy parse, same texts, one run.

    .venv/bin/python bench/enrich_speed.py [--limit N]

Texts: the French articles of ``../shared/data/ml_crisis_tls`` (``fr/<topic>/<date>/*.txt``),
read as ingest reads them (``parser_input``). Prints words/s of the parse alone, of the rule
layers alone (entities, quotes, numbers, dates, in ``annotate``'s order, each date mention
anchored on the folder's date) and of both, and the share the rules add on top of the parse
(issue #3's goal: at most 20 %). CPU time of this process (``time.process_time``), steadier
than wall-clock time on a shared machine. The rule layers' one-time set-up (tables, compiled
patterns) is paid on a first article and printed apart, as the model's loading is left out
of the parse figure. Times are taken in turn for the parse and the rules on each
chunk of CHUNK articles so that the machine's drift over a run falls on both alike; the load
average is printed with the figures. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import spacy

REPO = Path(__file__).resolve().parents[1]
CRISIS_FR = REPO.parent / "shared" / "data" / "ml_crisis_tls" / "fr"
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from newsweave.enrich.annotate import PIPE_BATCH, parser_input  # noqa: E402
from newsweave.enrich.entities import find_entities  # noqa: E402
from newsweave.enrich.numbers import find_numbers  # noqa: E402
from newsweave.enrich.quotes import find_quotes  # noqa: E402
from newsweave.enrich.timex import find_dates  # noqa: E402
from newsweave.model import PartialDate  # noqa: E402

CHUNK = PIPE_BATCH  # articles parsed (one batch, as ingest batches), then run through the rules
LAYERS = ("entities", "quotes", "numbers", "dates")  # annotate's order


def articles(limit: int | None) -> list[tuple[str, PartialDate | None]]:
    files = sorted(CRISIS_FR.glob("*/*/*.txt"))[:limit]
    return [(f.read_text(encoding="utf-8", errors="replace"), _anchor(f)) for f in files]


def _anchor(path: Path) -> PartialDate | None:
    try:
        return PartialDate.parse(path.parent.name)
    except ValueError:
        return None


def parse_all(nlp: Any, texts: list[str]) -> tuple[list[Any], float]:
    start = time.process_time()
    docs = list(nlp.pipe((parser_input(t) for t in texts), batch_size=PIPE_BATCH))
    return docs, time.process_time() - start


def rules_all(items: list[tuple[str, PartialDate | None]], docs: list[Any]) -> dict[str, float]:
    """Seconds spent in each rule layer over all articles."""
    spent = dict.fromkeys(LAYERS, 0.0)
    for (text, anchor), doc in zip(items, docs, strict=True):
        t0 = time.process_time()
        entities = find_entities(doc, "fr")
        t1 = time.process_time()
        find_quotes(doc, entities, "fr")
        t2 = time.process_time()
        find_numbers(text, "fr", doc)
        t3 = time.process_time()
        find_dates(text, anchor, "fr", doc)
        t4 = time.process_time()
        for name, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[name] += dt
    return spent


def warm_up(nlp: Any, item: tuple[str, PartialDate | None]) -> float:
    """Seconds the rule layers spend once per process (word tables, compiled patterns, the
    dateparser set-up), paid on a first article; like the model's loading, it stays out of
    the per-article figures."""
    docs, _ = parse_all(nlp, [item[0]])
    return sum(rules_all([item], docs).values())


def interleaved(
    nlp: Any, items: list[tuple[str, PartialDate | None]]
) -> tuple[float, dict[str, float]]:
    """Parse and rule seconds, chunk by chunk: the machine's speed drifts over a run (shared
    cores), and timing both on each chunk in turn puts the same drift in both figures."""
    t_parse, layers = 0.0, dict.fromkeys(LAYERS, 0.0)
    for k in range(0, len(items), CHUNK):
        chunk = items[k : k + CHUNK]
        docs, spent = parse_all(nlp, [text for text, _ in chunk])
        t_parse += spent
        for name, dt in rules_all(chunk, docs).items():
            layers[name] += dt
    return t_parse, layers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    nlp = spacy.load("fr_core_news_md")
    # over spaCy's max_length ingest runs the language-independent layers only (one 2 MB page)
    items = [a for a in articles(args.limit) if len(a[0]) <= nlp.max_length]
    words = sum(len(text.split()) for text, _ in items)
    set_up = warm_up(nlp, items[0])
    t_parse, layers = interleaved(nlp, items)
    t_rules = sum(layers.values())
    print(f"{len(items)} French articles, {words} words, load {os.getloadavg()[0]:.1f}")
    print(f"set-up of the rule layers, once per process: {set_up:.2f} s (not counted below)")
    print(f"spaCy parse alone  {words / t_parse:8.0f} words/s")
    print(f"rule layers alone  {words / t_rules:8.0f} words/s")
    for name, spent in layers.items():
        print(f"  {name:<16} {words / spent:8.0f} words/s  (+{100 * spent / t_parse:.1f} %)")
    print(f"whole enrichment   {words / (t_parse + t_rules):8.0f} words/s")
    print(f"rules on top of the parse: +{100 * t_rules / t_parse:.1f} % (goal: at most 20 %)")


if __name__ == "__main__":
    main()
