"""Who reports what in one story: timeline entries, quotes and numbers per outlet, and the
numbers about the same quantity that disagree across articles.

Same quantity: the same counted thing (unit folded to singular, casualty synonyms merged:
"morts", "tués", "victimes" -> death) and the same kind, values within ``max_ratio`` of each
other, and sentences sharing context (Dice of content stems and linked entities, number and
unit words left out, at least ``min_context``). The ratio keeps a side incident's "3 morts"
away from a war's "1 300 morts"; the context check keeps two incidents in different places
with similar tolls apart. A group of such numbers from two or more articles with different
values (or qualifiers) is a disagreement; it is ``consistent`` when the intervals the
qualifiers give intersect ("plus de 1 250" and "1 300") and contradictory otherwise.
Settings live in the ``compare`` section of ``timeline.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.model import Article, Span
from newsweave.stories.timeline import (
    PARAMS_FILE,
    TimelineEntry,
    TimelineParams,
    content_keys,
    dice,
    entity_keys,
    fold,
    outlet_of,
)


@dataclass(frozen=True, slots=True)
class CompareParams:
    max_ratio: float
    min_context: float
    approx_tolerance: float
    unit_synonyms: dict[str, str]
    invariant_words: frozenset[str]

    @classmethod
    def load(cls, path: Path = PARAMS_FILE) -> CompareParams:
        return _load(path)


@lru_cache(maxsize=4)
def _load(path: Path) -> CompareParams:
    raw = json.loads(path.read_text(encoding="utf-8"))["compare"]
    return CompareParams(
        max_ratio=float(raw["max_ratio"]),
        min_context=float(raw["min_context"]),
        approx_tolerance=float(raw["approx_tolerance"]),
        unit_synonyms=dict(raw["unit_synonyms"]),
        invariant_words=frozenset(raw["invariant_words"]),
    )


QUALIFIER_SIGNS = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "~": "≈ ", "=": ""}


@dataclass(slots=True)
class NumberReport:
    """One number as one article states it."""

    article_id: int
    outlet: str
    published: str | None  # ISO publication date of the article
    value: float
    qualifier: str
    unit: str | None  # the counted thing as compared: folded, singular, synonyms merged
    kind: str
    span: tuple[int, int]
    sentence: tuple[int, int]
    keys: dict[str, int] = field(default_factory=dict, repr=False)
    unit_text: str | None = None  # the unit as the article writes it, for display

    @property
    def quantity(self) -> str | None:
        """What is counted, normalised; None when the number has no unit."""
        return None if self.unit is None else f"{self.kind}:{self.unit}"

    def label(self) -> str:
        """Readable form, with the unit as written: "≥ 1250 morts", "3 tentatives de trêve"."""
        sign = QUALIFIER_SIGNS.get(self.qualifier, "")
        return f"{sign}{self.value:g} {self.unit_text or self.unit or ''}".strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "unit_text": self.unit_text,
            "kind": self.kind,
            "span": list(self.span),
            "sentence": list(self.sentence),
        }


@dataclass(slots=True)
class OutletReport:
    """What one outlet reports in the story."""

    outlet: str
    article_ids: list[int] = field(default_factory=list)
    entries: list[int] = field(default_factory=list)  # indexes into the timeline
    quotes: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    numbers: list[NumberReport] = field(default_factory=list)

    def to_json(self, timeline: Sequence[TimelineEntry] = ()) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "article_ids": list(self.article_ids),
            "entries": [
                {"index": i, "date": timeline[i].date if i < len(timeline) else None}
                for i in self.entries
            ],
            "quotes": {
                name: {"count": len(refs), "quotes": [list(r) for r in refs]}
                for name, refs in self.quotes.items()
            },
            "numbers": [n.to_json() for n in self.numbers],
        }


@dataclass(slots=True)
class Disagreement:
    """Numbers about one quantity whose values differ across articles."""

    quantity: str
    values: list[NumberReport]
    consistent: bool  # the qualifiers' intervals intersect (">= 1250" and "1300")

    def describe(self) -> str:
        """One line: the quantity, then each value with its outlet and date."""
        values = "; ".join(
            f"{v.label()} ({v.outlet}, {v.published or 'undated'}, article {v.article_id})"
            for v in self.values
        )
        verdict = "compatible" if self.consistent else "contradictory"
        return f"{self.quantity} [{verdict}]: {values}"

    def to_json(self) -> dict[str, Any]:
        return {
            "quantity": self.quantity,
            "consistent": self.consistent,
            "values": [v.to_json() for v in self.values],
        }


@dataclass(slots=True)
class SourceComparison:
    outlets: list[OutletReport]
    quoted_by: dict[str, list[str]]  # speaker -> outlets quoting them
    disagreements: list[Disagreement]
    timeline: list[TimelineEntry] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "outlets": [o.to_json(self.timeline) for o in self.outlets],
            "quoted_by": {k: list(v) for k, v in self.quoted_by.items()},
            "disagreements": [d.to_json() for d in self.disagreements],
        }


# ---------------------------------------------------------------- per outlet


def speaker_name(article: Article, quote: Span) -> str:
    """The quote's speaker: linked canonical name, else the speaker mention, else "unknown"."""
    name = quote.attrs.get("speaker_name")
    if name:
        return str(name)
    where = quote.attrs.get("speaker")
    if where:
        return article.text[where[0] : where[1]]
    return "unknown"


def unit_key(unit: str | None, params: CompareParams) -> str | None:
    """The counted thing folded to lowercase singular, casualty synonyms merged."""
    if not unit:
        return None
    words = [_singular(w, params.invariant_words) for w in fold(unit).split()]
    phrase = " ".join(words)
    return params.unit_synonyms.get(phrase) or params.unit_synonyms.get(words[0], phrase)


def number_reports(
    article: Article, tparams: TimelineParams, params: CompareParams
) -> list[NumberReport]:
    """The numbers of one article, with their context keys."""
    out = []
    published = article.published.value.iso() if article.published else None
    numbers = article.annotations.get("numbers", [])
    skip = [(n.start, n.end) for n in numbers]
    for span in numbers:
        a = span.attrs
        s, e = a.get("sentence") or (span.start, span.end)
        keys = content_keys(article.text, s, e, skip, tparams)
        keys.update(entity_keys(article, s, e, tparams.entity_weight))
        out.append(NumberReport(
            article.id or 0, outlet_of(article), published, float(a["value"]),
            str(a.get("qualifier") or "="), unit_key(a.get("unit"), params),
            str(a.get("kind") or "count"), (span.start, span.end), (s, e), keys,
            a.get("unit"),
        ))  # fmt: skip
    return out


def _outlet_report(report: OutletReport, article: Article, numbers: list[NumberReport]) -> None:
    if article.id is not None and article.id not in report.article_ids:
        report.article_ids.append(article.id)
    for quote in article.annotations.get("quotes", []):
        refs = report.quotes.setdefault(speaker_name(article, quote), [])
        refs.append((article.id or 0, quote.start, quote.end))
    report.numbers.extend(numbers)


def _entries_of(report: OutletReport, timeline: Sequence[TimelineEntry]) -> list[int]:
    ids = set(report.article_ids)
    return [i for i, e in enumerate(timeline) if ids & set(e.article_ids)]


# ---------------------------------------------------------------- disagreements


def _singular(word: str, invariant: frozenset[str]) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and word not in invariant else word


def same_quantity(a: NumberReport, b: NumberReport, params: CompareParams) -> bool:
    """Same counted thing and kind, values within ``max_ratio``, sentences sharing context."""
    if a.quantity is None or a.quantity != b.quantity:
        return False
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if lo == 0 or hi / lo > params.max_ratio:
        return hi == lo
    return dice(a.keys, b.keys) >= params.min_context


def interval(n: NumberReport, tolerance: float) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values the qualifier allows."""
    v, q = n.value, n.qualifier
    if q == "~":
        return v * (1 - tolerance), v * (1 + tolerance), False, False
    if q in (">=", ">"):
        return v, math.inf, q == ">", True
    if q in ("<=", "<"):
        return -math.inf, v, True, q == "<"
    return v, v, False, False


def consistent(numbers: Sequence[NumberReport], tolerance: float) -> bool:
    """Whether one value satisfies every number's qualifier."""
    bounds = [interval(n, tolerance) for n in numbers]
    lo = max(bounds, key=lambda b: (b[0], b[2]))
    hi = min(bounds, key=lambda b: (b[1], not b[3]))
    if lo[0] < hi[1]:
        return True
    return lo[0] == hi[1] and not lo[2] and not hi[3]


def _groups(numbers: list[NumberReport], params: CompareParams) -> list[list[NumberReport]]:
    groups: list[list[NumberReport]] = []
    for n in numbers:
        if n.quantity is None:
            continue
        home = next((g for g in groups if any(same_quantity(n, m, params) for m in g)), None)
        if home is None:
            groups.append([n])
        else:
            home.append(n)
    return groups


def disagreements(numbers: list[NumberReport], params: CompareParams) -> list[Disagreement]:
    """Groups of same-quantity numbers from 2+ articles that do not all say the same."""
    out = []
    for group in _groups(numbers, params):
        if len({n.article_id for n in group}) < 2:
            continue
        if len({(n.value, n.qualifier) for n in group}) < 2:
            continue
        ok = consistent(group, params.approx_tolerance)
        out.append(Disagreement(group[0].quantity or "", group, ok))
    return out


def compare_sources(
    articles: Sequence[Article],
    originals: dict[int, int],
    timeline: Sequence[TimelineEntry],
    params: CompareParams | None = None,
) -> SourceComparison:
    """Per outlet: its timeline entries, quotes by speaker and numbers; plus who is quoted by
    which outlet and the disagreeing numbers (see module doc). ``originals`` is accepted for
    symmetry with ``build_timeline``; wire copies count once in the timeline's corroboration."""
    params = params or CompareParams.load()
    tparams = TimelineParams.load()
    reports: dict[str, OutletReport] = {}
    numbers: list[NumberReport] = []
    for article in sorted(articles, key=lambda a: a.id or 0):
        found = number_reports(article, tparams, params)
        numbers.extend(found)
        outlet = outlet_of(article)
        _outlet_report(reports.setdefault(outlet, OutletReport(outlet)), article, found)
    for report in reports.values():
        report.entries = _entries_of(report, timeline)
    return SourceComparison(
        list(reports.values()), _quoted_by(reports), disagreements(numbers, params),
        list(timeline),
    )  # fmt: skip


def _quoted_by(reports: dict[str, OutletReport]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for report in reports.values():
        for speaker in report.quotes:
            out.setdefault(speaker, []).append(report.outlet)
    return out
