"""Agreement of two annotators on French quotes and speakers: how high can a quote layer score?

``tests/gold/quotes_fr_second.jsonl`` holds a second, blind annotation of some dev articles of
the quote gold (same format; annotators who never saw the first annotation of those articles,
see tests/gold/README.md, "Second annotation"). It is scored against the first annotation
exactly as the quote layer is (``bench.enrich_quotes``: spans match on half of the shorter one,
a speaker is right when one of its mentions overlaps a gold speaker mention), then the quote
layer is scored on the same articles, for comparison.

    .venv/bin/python -m bench.quotes_agreement
"""

from __future__ import annotations

import json
from typing import Any

import spacy

from bench.enrich_quotes import KINDS, MODELS, Tally, figures, run, score_doc
from bench.goldsets import GOLD_DIR, GoldDoc, _quote, doc_text, load_gold, sha256_text
from newsweave.model import Span

SECOND = GOLD_DIR / "quotes_fr_second.jsonl"


def second_annotation() -> list[dict[str, Any]]:
    """The second annotation's records; a text changed since it was annotated is an error."""
    rows = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        if sha256_text(doc_text(row["path"])) != row["text_sha256"]:
            raise ValueError(f"{row['path']}: text changed since it was annotated")
    return rows


def as_predictions(row: dict[str, Any]) -> tuple[list[Span], list[Span]]:
    """The second annotator's quotes as predictions, and their speakers' mentions as entities
    (one entity per speaker name, so any of its mentions can match)."""
    entities: list[Span] = []
    preds: list[Span] = []
    for raw in row["quotes"]:
        q = _quote(raw)
        first = len(entities)
        canon = (q.speaker or "").strip().lower() or None
        entities += [Span(s, e, "PER", {"canonical": canon}) for s, e in q.speaker_mentions]
        attrs: dict[str, Any] = {"speaker": None, "speaker_entity": None}
        if q.speaker_mentions:
            attrs = {"speaker": list(q.speaker_mentions[0]), "speaker_entity": first}
        preds.append(Span(q.start, q.end, q.kind, attrs))
    return preds, entities


def total(results: list[Any]) -> dict[str, Tally]:
    out = {k: Tally() for k in KINDS}
    for res in results:
        for k in KINDS:
            out[k].add(res.tallies[k])
    return out


def report(name: str, tallies: dict[str, Tally]) -> None:
    for kind in KINDS:
        f = figures(tallies[kind])
        n = tallies[kind]
        print(
            f"{name:<28} {kind:<8} gold {n.gold:4d} pred {n.pred:4d} | spans P {f['P']:.3f} "
            f"R {f['R']:.3f} F1 {f['F1']:.3f} | speakers P {f['spkP']:.3f} R {f['spkR']:.3f}"
        )


def main() -> None:
    rows = second_annotation()
    paths = {r["path"] for r in rows}
    first = {g.path: g for g in load_gold("fr") if g.path in paths}
    human = []
    for row in rows:
        preds, entities = as_predictions(row)
        human.append(score_doc(first[row["path"]], preds, entities))
    print(f"{len(rows)} French dev articles annotated twice")
    report("second vs first annotation", total(human))
    golds: list[GoldDoc] = [first[r["path"]] for r in rows]
    system, _, _ = run(spacy.load(MODELS["fr"]), golds, "fr", "entities")
    report("quote layer vs first", total(system))


if __name__ == "__main__":
    main()
