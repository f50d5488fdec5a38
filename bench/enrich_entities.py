"""Entity mentions against French NER gold: per-label P/R/F1, exact and overlap, and docs/s.

- Sequoia news (L'Est Républicain, 524 sentences): each sentence parsed alone. Split into a
  dev part (rules were tuned on it) and a held-out part (never looked at) by
  ``is_heldout(sha1(sent_id))``. Gold labels: the contextual ``label`` column (main figure)
  and the literal ``prim_type`` reading of metonymies (CoNLL-like, printed for reference).
- Our hand gold (``tests/gold/entities_fr.jsonl``): ml_crisis_tls news articles (2011-2013,
  international news) annotated by hand in the Sequoia convention, each over a region of the
  article (its headline and about 2,500 characters after it); the layer runs on the whole
  text and its names inside the region are scored. Dev / held-out by ``split_of(path)``, as
  the quote gold; dev errors are counted by kind as for Sequoia.
- HIPE-2020 fr and NewsEye fr: whole historical OCR articles. HIPE puts titles and
  appositions inside person spans, so PER is also scored against the name core (``core_*``,
  a heuristic, see the data README).

Only flat (non-nested, contiguous) gold entities count; role mentions (``kind == "role"``)
are not named entities and are left out of the scores.

For the Sequoia dev part only (never the held-out part) the errors are also counted by kind:
boundary (leading article or preposition, courtesy title, trailing punctuation, 'de'
compound, other), label confusion (gold -> predicted), missed, and spurious (role word,
sentence-initial capitalised word, demonym, other).

With ``--ablate`` the Sequoia dev part only (never the held-out part) is scored again with each
word list of ``entities_fr.json`` emptied in turn, and the change of dev F1 printed: how much of
the dev score rests on each list rather than on general rules.

    .venv/bin/python bench/enrich_entities.py [--shared ../shared] [--limit N] [--sets a,b]
    .venv/bin/python bench/enrich_entities.py --sets hand   # our hand gold only
    .venv/bin/python bench/enrich_entities.py --ablate
    .venv/bin/python bench/enrich_entities.py --ner DIR   # weights of scripts/finetune_ner_fr.py
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.goldsets import doc_text  # noqa: E402
from newsweave.enrich import entities  # noqa: E402
from newsweave.enrich.annotate import parser_input  # noqa: E402
from newsweave.enrich.entities import WORDS, find_entities  # noqa: E402
from newsweave.evaluate import is_heldout  # noqa: E402

LABELS = ("PER", "LOC", "ORG", "MISC")
Triple = tuple[int, int, str]
LITERAL = {"PERS": "PER", "PROD": "MISC", "EVE": "MISC"}  # Sequoia prim_type -> our labels


@dataclass
class Score:
    """tp / fp / fn per label."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in LABELS})

    def add(self, label: str, tp: int, fp: int, fn: int) -> None:
        c = self.counts.setdefault(label, [0, 0, 0])
        c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        rows = [self.counts[label]] if label else list(self.counts.values())
        tp, fp, fn = (sum(r[i] for r in rows) for i in range(3))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def match(gold: set[Triple], pred: set[Triple], overlap: bool) -> dict[str, tuple[int, int, int]]:
    """Per-label (tp, fp, fn); overlap matching pairs each gold with at most one prediction."""
    out = {}
    for label in {t[2] for t in gold | pred}:
        g = sorted(t for t in gold if t[2] == label)
        p = sorted(t for t in pred if t[2] == label)
        tp = _overlaps(g, p) if overlap else len(set(g) & set(p))
        out[label] = (tp, len(p) - tp, len(g) - tp)
    return out


def _overlaps(gold: list[Triple], pred: list[Triple]) -> int:
    used: set[int] = set()
    tp = 0
    for s, e, _ in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and g[0] < e and s < g[1]), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp


def predicted(doc: Any, lang: str = "fr") -> set[Triple]:
    return {
        (s.start, s.end, s.label) for s in find_entities(doc, lang) if s.attrs["kind"] == "name"
    }


def stock(doc: Any) -> set[Triple]:
    """The model's own mentions, unchanged: the baseline the rules are measured against."""
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}


def sequoia_gold(rec: dict[str, Any], literal: bool = False) -> set[Triple]:
    out = set()
    for e in rec["entities"]:
        if e["nested"] or e["discontinuous_tokens"]:
            continue
        label = e["label"]
        if literal and e["prim_type"]:
            label = {"PERS": "PER", "PROD": "MISC", "EVE": "MISC"}.get(
                e["prim_type"], e["prim_type"]
            )
        out.add((e["start"], e["end"], label))
    return out


def load_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(x) for x in lines[:limit]]


def part_of(key: str) -> str:
    return "held-out" if is_heldout(hashlib.sha1(key.encode()).hexdigest()) else "dev"


def parse_timed(nlp: Any, recs: list[dict[str, Any]], name: str) -> tuple[list[Any], list[Any]]:
    """Parse the records' texts and find their entities, printing the speed of both."""
    t0 = time.perf_counter()
    docs = list(nlp.pipe(parser_input(r["text"]) for r in recs))
    t1 = time.perf_counter()
    preds = [predicted(d) for d in docs]
    t2 = time.perf_counter()
    print(
        f"{name}: {len(recs)} docs; parse {len(recs) / (t1 - t0):.2f} docs/s, "
        f"entities {len(recs) / (t2 - t1):.1f} docs/s (+{100 * (t2 - t1) / (t1 - t0):.1f} %)"
    )
    return docs, preds


LEADS = re.compile(r"^(?:le|la|les|l['’]|de|du|des|d['’]|à|au|aux|en|un|une)\b ?", re.I)
TITLES = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr)\b")
DE_WORDS = re.compile(r"(?:^|\s)(?:de|du|des|d['’])(?:\s|$)|\bd['’]", re.I)


def error_kinds(text: str, gold: set[Triple], pred: set[Triple]) -> list[str]:
    """Each exact-match error of one sentence named by its kind."""
    fn, fp = gold - pred, pred - gold
    out = []
    for g in sorted(fn):
        near = [p for p in sorted(fp) if p[0] < g[1] and g[0] < p[1]]
        if not near:
            out.append(f"missed {g[2]}")
        elif (near[0][0], near[0][1]) == (g[0], g[1]):
            out.append(f"label {g[2]} as {near[0][2]}")
        else:
            same = "" if near[0][2] == g[2] else " (+label)"
            out.append("boundary: " + boundary_kind(text, g, near[0]) + same)
    for p in sorted(fp):
        if not any(g[0] < p[1] and p[0] < g[1] for g in fn):
            out.append(f"spurious {p[2]}: " + spurious_kind(text, p))
    return out


def boundary_kind(text: str, g: Triple, p: Triple) -> str:
    left = text[min(g[0], p[0]) : max(g[0], p[0])]
    right = text[min(g[1], p[1]) : max(g[1], p[1])]
    side = "extra" if p[0] < g[0] or p[1] > g[1] else "missing"
    if left and TITLES.match(left):
        return "courtesy title"
    if left and LEADS.match(left.strip()) and len(left.split()) <= 2:
        return f"leading article/preposition ({side})"
    if right and not right.strip(" -–—.,;:!?»\"')"):
        return "trailing punctuation"
    if DE_WORDS.search(left) or DE_WORDS.search(right):
        return "'de' compound (split/merged)"
    return "other span"


def spurious_kind(text: str, p: Triple) -> str:
    words = WORDS["fr"]
    first = text[p[0] : p[1]].split()[0].lower() if text[p[0] : p[1]].split() else ""
    if first in words.roles or first in words.role_premods:
        return "role word"
    if p[0] == 0 or text[: p[0]].rstrip().endswith((".", "!", "?", ":", '"', "«")):
        return "sentence-initial word"
    if words.demonym.search(first):
        return "demonym"
    return "other"


def print_breakdown(kinds: Counter[str]) -> None:
    print(f"  sequoia dev errors by kind ({sum(kinds.values())}):")
    for kind, n in kinds.most_common():
        print(f"    {n:3d}  {kind}")


def score_sequoia(nlp: Any, shared: Path) -> dict[str, Score]:
    recs = load_jsonl(shared / "data/fr_ner/sequoia/sequoia_ner_news.jsonl")
    scores = {k: Score() for k in ("dev", "held-out", "all", "all literal", "all stock model")}
    docs, preds = parse_timed(nlp, recs, "sequoia news (sentences)")
    kinds: Counter[str] = Counter()
    for rec, pred in zip(recs, preds, strict=True):
        if part_of(rec["sent_id"]) == "dev":
            kinds.update(error_kinds(rec["text"], sequoia_gold(rec), pred))
        for name, lit in ((part_of(rec["sent_id"]), False), ("all", False), ("all literal", True)):
            for label, c in match(sequoia_gold(rec, lit), pred, overlap=False).items():
                scores[name].add(label, *c)
    for rec, doc in zip(recs, docs, strict=True):
        for label, c in match(sequoia_gold(rec), stock(doc), overlap=False).items():
            scores["all stock model"].add(label, *c)
    print_breakdown(kinds)
    return scores


def hand_gold(rec: dict[str, Any], literal: bool = False) -> set[Triple]:
    """The flat gold entities of one hand-gold record (``literal``: metonymies as places)."""
    return {
        (e["start"], e["end"], e.get("literal", e["label"]) if literal else e["label"])
        for e in rec["entities"]
    }


def in_region(pred: set[Triple], region: list[int]) -> set[Triple]:
    return {t for t in pred if region[0] <= t[0] and t[1] <= region[1]}


def score_hand(nlp: Any) -> dict[str, Score]:
    """Our hand gold: exact span + label, per split and batch, also with metonymies read
    literally (the annotators' least consistent call), and the stock model's figure."""
    recs = load_jsonl(REPO / "tests/gold/entities_fr.jsonl")
    for rec in recs:
        rec["text"] = doc_text(rec["path"])
    rows = ["dev", "heldout", *sorted({f"batch {r['batch']}" for r in recs}), "all"]
    names = [*rows, *(f"{r} literal" for r in rows), "all stock model"]
    scores = {k: Score() for k in names}
    docs, preds = parse_timed(nlp, recs, "hand gold (ml_crisis_tls articles)")
    kinds: Counter[str] = Counter()
    for rec, doc, pred in zip(recs, docs, preds, strict=True):
        pred, region = in_region(pred, rec["region"]), rec["region"]
        if rec["split"] == "dev":
            kinds.update(error_kinds(rec["text"], hand_gold(rec), pred))
        for name in (rec["split"], f"batch {rec['batch']}", "all"):
            for suffix, lit in (("", False), (" literal", True)):
                for label, c in match(hand_gold(rec, lit), pred, overlap=False).items():
                    scores[name + suffix].add(label, *c)
        for label, c in match(hand_gold(rec), in_region(stock(doc), region), False).items():
            scores["all stock model"].add(label, *c)
    print_breakdown(kinds)
    return scores


def hipe_gold(rec: dict[str, Any], core: bool) -> set[Triple]:
    out = set()
    for e in rec["entities"]:
        if e["nested"] or e["label"] not in LABELS:
            continue
        s, t = (
            (e.get("core_start", e["start"]), e.get("core_end", e["end"]))
            if core
            else (e["start"], e["end"])
        )
        out.add((s, t, e["label"]))
    return out


def score_docs(nlp: Any, path: Path, limit: int | None) -> dict[str, Score]:
    recs = load_jsonl(path, limit)
    names = ("exact", "overlap", "exact PER-core", "overlap PER-core")
    scores = {k: Score() for k in (*names, "stock exact", "stock overlap")}
    docs, preds = parse_timed(nlp, recs, path.parent.name)
    for rec, pred in zip(recs, preds, strict=True):
        for name, core, ov in _variants():
            for label, c in match(hipe_gold(rec, core), pred, overlap=ov).items():
                scores[name].add(label, *c)
    for rec, doc in zip(recs, docs, strict=True):
        for ov in (False, True):
            for label, c in match(hipe_gold(rec, False), stock(doc), overlap=ov).items():
                scores["stock overlap" if ov else "stock exact"].add(label, *c)
    return scores


def _variants() -> Iterable[tuple[str, bool, bool]]:
    yield "exact", False, False
    yield "overlap", False, True
    yield "exact PER-core", True, False
    yield "overlap PER-core", True, True


def report(title: str, scores: dict[str, Score]) -> None:
    for name, sc in scores.items():
        cells = []
        for label in (*LABELS, None):
            p, r, f = sc.prf(label)
            cells.append(f"{label or 'all'} {p:.3f}/{r:.3f}/{f:.3f}")
        print(f"  {title} {name:17s} " + "  ".join(cells))


def dev_f1(recs: list[dict[str, Any]], docs: list[Any]) -> tuple[float, ...]:
    """Exact F1 per label and overall on the records given."""
    sc = Score()
    for rec, doc in zip(recs, docs, strict=True):
        for label, c in match(sequoia_gold(rec), predicted(doc), overlap=False).items():
            sc.add(label, *c)
    return tuple(sc.prf(label)[2] for label in (*LABELS, None))


def ablate(nlp: Any, shared: Path) -> None:
    """Dev F1 with each French word list emptied in turn (the held-out part is not read)."""
    recs = load_jsonl(shared / "data/fr_ner/sequoia/sequoia_ner_news.jsonl")
    recs = [r for r in recs if part_of(r["sent_id"]) == "dev"]
    docs = list(nlp.pipe(parser_input(r["text"]) for r in recs))
    full = WORDS["fr"]
    base = dev_f1(recs, docs)
    print("sequoia dev, one list emptied: dF1 all, then F1 " + " ".join((*LABELS, "all")))
    print(f"  {'(none)':20s}        " + " ".join(f"{f:.3f}" for f in base))
    for f in dataclasses.fields(full):
        if isinstance(getattr(full, f.name), frozenset):
            empty: dict[str, Any] = {f.name: frozenset()}
            entities.WORDS["fr"] = dataclasses.replace(full, **empty)
            try:
                got = dev_f1(recs, docs)
            finally:
                entities.WORDS["fr"] = full
            cells = " ".join(f"{x:.3f}" for x in got)
            print(f"  {f.name:20s} {got[-1] - base[-1]:+.4f} {cells}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--limit", type=int, default=None, help="documents per historical set")
    ap.add_argument("--sets", default="sequoia,hand,hipe2020_fr,newseye_fr")
    ap.add_argument("--ablate", action="store_true", help="dev F1 with each word list emptied")
    ap.add_argument("--ner", type=Path, help="ner weights of scripts/finetune_ner_fr.py")
    args = ap.parse_args()
    nlp = spacy.load("fr_core_news_md")
    if args.ner:
        nlp.get_pipe("ner").model.from_bytes((args.ner / "model").read_bytes())
    if args.ablate:
        ablate(nlp, args.shared)
        return
    print("P/R/F1 per label; exact span + label match unless said otherwise")
    sets = args.sets.split(",")
    if "sequoia" in sets:
        report("sequoia", score_sequoia(nlp, args.shared))
    if "hand" in sets:
        report("hand", score_hand(nlp))
    for name in ("hipe2020_fr", "newseye_fr"):
        if name in sets:
            path = args.shared / f"data/fr_ner/{name}/{name}_docs.jsonl"
            report(name, score_docs(nlp, path, args.limit))


if __name__ == "__main__":
    main()
