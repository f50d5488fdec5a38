"""Extraction metrics, as defined by the ScrapingHub article-extraction benchmark.

``shingle_scores`` is the benchmark's own 4-gram shingle P/R/F1 (see
``shared/data/extraction/README.md``); ``line_prf`` is micro P/R/F1 over labelled lines;
``load_line_gold`` reads our hand-labelled page dumps.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    empty: int = 0
    n: int = 0

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, so that every page weighs the same."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> PRF:
    """Benchmark P/R/F1 over (gold, predicted) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    empty = 0
    for gold, pred in pairs:
        tp, fp, fn = page_counts(gold, pred)
        if not _TOKEN.search(pred):
            empty += 1
            recalls.append(0.0)
            continue
        precisions.append(1.0 if fp == 0 else tp / (tp + fp))
        recalls.append(1.0 if fn == 0 else tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1, empty, len(recalls))


def line_prf(gold: Sequence[int | None], pred: Sequence[bool]) -> tuple[int, int, int]:
    """(tp, fp, fn) over lines whose gold label is not None."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        if g is None:
            continue
        tp += bool(g) and p
        fp += (not g) and p
        fn += bool(g) and not p
    return tp, fp, fn


def micro(counts: Iterable[tuple[int, int, int]]) -> PRF:
    tp = fp = fn = 0
    for a, b, c in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


# Fixed held-out split of the extraction benchmark: about 30 % of page ids, chosen by the id
# itself (a hex hash), so the split never changes and never depends on page content.
HELDOUT_PERCENT = 30


def is_heldout(page_id: str) -> bool:
    """True for the pages kept aside from all training and tuning."""
    return int(page_id[:8], 16) % 100 < HELDOUT_PERCENT


@dataclass(frozen=True)
class LineGoldPage:
    """One hand-labelled page dump (``tests/gold/textlines_fr.jsonl``): its lines, as read from
    the shared file, with the gold title line and body lines."""

    path: str
    lines: list[str]
    title: int | None
    body: frozenset[int]
    round: int = 1  # the labelling round that added the page (tests/gold/README.md)

    @property
    def page_id(self) -> str:
        return hashlib.sha1(self.path.encode()).hexdigest()

    def labels(self) -> list[int | None]:
        """1 body, 0 boilerplate, None for a line without a letter (not scored)."""
        return [
            (1 if i in self.body else 0) if any(c.isalpha() for c in line) else None
            for i, line in enumerate(self.lines)
        ]

    def gold_text(self) -> str:
        return "\n".join(self.lines[i] for i in sorted(self.body))


def load_line_gold(gold: Path, root: Path) -> list[LineGoldPage]:
    """The pages of a line gold file, read from ``root`` (the shared folder the paths index)."""
    pages = []
    for raw in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        text = (root / rec["path"]).read_bytes().decode("utf-8", errors="replace")
        lines = text.splitlines()
        while lines and not lines[-1]:
            lines.pop()  # trailing empty lines: never labelled, and the extractor drops them
        body = frozenset(rec["body"])
        page = LineGoldPage(rec["path"], lines, rec["title"], body, rec.get("round", 1))
        pages.append(page)
    return pages
