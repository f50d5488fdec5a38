"""Timeline of one story: dated happenings, merged across articles, with corroboration.

A happening is a sentence that holds a resolved date mention (``dates`` layer: DATE or TIME
spans whose value is a calendar day, month or year with a known year). Datelines and
publication/update stamps are skipped (stamp cues on the line, or too few content words).
Sentences with the same date value are merged into one entry when they describe the same
happening: Dice overlap of their content-word stems and linked entities at or above
``merge_similarity`` (single link, articles taken in publication order, so the entry's text
is the sentence of the earliest reporting article). Different happenings on the same date
stay separate entries. ``corroboration`` counts independent reports: distinct
``originals.get(id, id)`` over the entry's articles, so wire copies add nothing.

Thresholds and word lists live in ``timeline.json`` with notes on how they were calibrated.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.extract.meta import host_of
from newsweave.model import Article, Span

PARAMS_FILE = Path(__file__).with_name("timeline.json")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A sentence ends at . ! ? … (optionally followed by a closing quote or bracket) before a
# space and a capital, digit or opening quote; a line break always ends one.
_END_RE = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[«\"“(]?[A-ZÀ-Ý0-9])|\n+")
_GRAN_RANK = {"day": 0, "time": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class TimelineParams:
    """Thresholds and word lists (see ``timeline.json`` for how each was calibrated)."""

    merge_similarity: float
    stem_length: int
    entity_weight: int
    min_words: int
    stamp_window: int
    stamp_line_words: int
    granularities: tuple[str, ...]
    stamp_cues: tuple[str, ...]
    abbreviations: frozenset[str]
    stopwords: frozenset[str]

    @classmethod
    def load(cls, path: Path = PARAMS_FILE) -> TimelineParams:
        return _load(path)

    def with_(self, **changes: Any) -> TimelineParams:
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        return TimelineParams(**{**values, **changes})


@lru_cache(maxsize=4)
def _load(path: Path) -> TimelineParams:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return TimelineParams(
        merge_similarity=float(raw["merge_similarity"]),
        stem_length=int(raw["stem_length"]),
        entity_weight=int(raw["entity_weight"]),
        min_words=int(raw["min_words"]),
        stamp_window=int(raw["stamp_window"]),
        stamp_line_words=int(raw["stamp_line_words"]),
        granularities=tuple(raw["granularities"]),
        stamp_cues=tuple(fold(c) for c in raw["stamp_cues"]),
        abbreviations=frozenset(fold(a) for a in raw["abbreviations"]),
        stopwords=frozenset(fold(w) for w in raw["stopwords"]),
    )


@dataclass(slots=True)
class TimelineEntry:
    """One happening: its date, the sentence stating it, and who reports it."""

    date: str  # ISO value at its granularity: 2020-10-31, 2020-10 or 2020
    granularity: str  # day, month or year
    text: str  # the sentence from the earliest reporting article
    article_ids: list[int]
    outlets: list[str]
    corroboration: int  # independent reports (wire copies collapsed)
    mentions: list[tuple[int, int, int]]  # (article_id, start, end) of the date mentions
    sentences: list[tuple[int, int, int]]  # (article_id, start, end) of their sentences

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "granularity": self.granularity,
            "text": self.text,
            "article_ids": list(self.article_ids),
            "outlets": list(self.outlets),
            "corroboration": self.corroboration,
            "mentions": [list(m) for m in self.mentions],
            "sentences": [list(s) for s in self.sentences],
        }


@dataclass(slots=True)
class _Item:
    """One sentence of one article with the mentions of one date value in it."""

    article: Article
    value: str
    granularity: str
    sentence: tuple[int, int]
    mentions: list[tuple[int, int]]
    keys: dict[str, int] = field(default_factory=dict)
    persons: frozenset[str] = frozenset()


# ---------------------------------------------------------------- text helpers


def fold(text: str) -> str:
    """Lowercase without accents (for comparing words and cues)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sentences(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentence ``[start, end)`` offsets of ``text``; a dot after an abbreviation is no end."""
    abbrevs = frozenset(abbreviations)
    out, start = [], 0
    for m in _END_RE.finditer(text):
        if text[m.start()] != "\n" and _ends_with_abbreviation(text, start, m.start(), abbrevs):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in out) if e > s]


def _ends_with_abbreviation(text: str, start: int, end: int, abbrevs: frozenset[str]) -> bool:
    words = text[start:end].rstrip('"»”)').split()
    if not words or not words[-1].endswith("."):
        return False
    last = fold(words[-1].rstrip(".").lstrip('(«"“'))
    return last in abbrevs or (len(last) == 1 and last.isalpha())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def outlet_of(article: Article) -> str:
    """The article's outlet, else its URL host, else "unknown"."""
    return article.outlet or host_of(article.url) or "unknown"


def content_keys(
    text: str, start: int, end: int, skip: Sequence[tuple[int, int]], params: TimelineParams
) -> dict[str, int]:
    """Content-word stems of ``text[start:end]`` outside the ``skip`` spans (weight 1 each)."""
    keys: dict[str, int] = {}
    for m in _WORD_RE.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in skip):
            continue
        word = fold(m.group())
        if word in params.stopwords or len(word) < 3:
            continue
        keys[word[: params.stem_length]] = 1
    return keys


def entity_keys(
    article: Article, start: int, end: int, weight: int, labels: Iterable[str] = ()
) -> dict[str, int]:
    """Linked entities mentioned in ``[start, end)`` (of ``labels``; all when empty), keyed by
    corpus id, else canonical name."""
    wanted = frozenset(labels)
    keys: dict[str, int] = {}
    for span in article.annotations.get("entities", []):
        if start <= span.start < end and (not wanted or span.label in wanted):
            ident = span.attrs.get("entity_id") or fold(str(span.attrs.get("canonical", "")))
            if ident:
                keys[f"entity:{ident}"] = weight
    return keys


def dice(a: dict[str, int], b: dict[str, int]) -> float:
    """Weighted Dice overlap of two key sets (weights: 1 per word, more per entity)."""
    total = sum(a.values()) + sum(b.values())
    shared = sum(min(w, b[k]) for k, w in a.items() if k in b)
    return 2 * shared / total if total else 0.0


# ---------------------------------------------------------------- happenings


def _day_value(span: Span, granularities: tuple[str, ...]) -> tuple[str, str] | None:
    """(value, granularity) of a date mention usable on a timeline, else None."""
    attrs = span.attrs
    value = attrs.get("value")
    if span.label not in ("DATE", "TIME") or not attrs.get("resolved") or not value:
        return None
    gran = "day" if attrs.get("granularity") == "time" else str(attrs.get("granularity"))
    if gran not in granularities or not re.match(r"^\d{4}(?:-\d\d){0,2}", value):
        return None
    value = value[:10] if gran == "day" else value[:7] if gran == "month" else value[:4]
    expected = {"day": 10, "month": 7, "year": 4}[gran]
    return (value, gran) if len(value) == expected and value[4:5] in ("", "-") else None


def _is_stamp(item: _Item, params: TimelineParams) -> bool:
    """A publication/update stamp: a cue just before a mention, or a short line with a cue."""
    text = item.article.text
    for start, _ in item.mentions:
        before = fold(text[max(0, start - params.stamp_window) : start])
        if any(cue in before for cue in params.stamp_cues):
            return True
    line_start = text.rfind("\n", 0, item.sentence[0]) + 1
    line_end = text.find("\n", item.sentence[1])
    line = fold(text[line_start : line_end if line_end >= 0 else len(text)])
    short = len(_WORD_RE.findall(line)) <= params.stamp_line_words
    return short and any(cue in line for cue in params.stamp_cues)


def article_items(article: Article, params: TimelineParams) -> list[_Item]:
    """The dated sentences of one article, one item per (sentence, date value)."""
    sents = sentences(article.text, params.abbreviations)
    starts = [s for s, _ in sents]
    items: dict[tuple[int, str], _Item] = {}
    for span in article.annotations.get("dates", []):
        found = _day_value(span, params.granularities)
        if found is None or not sents:
            continue
        sent = sents[_index_at(starts, span.start)]
        item = items.setdefault((sent[0], found[0]), _Item(article, found[0], found[1], sent, []))
        item.mentions.append((span.start, span.end))
    return [it for it in items.values() if _keep(it, params)]


def _index_at(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _keep(item: _Item, params: TimelineParams) -> bool:
    text, (start, end) = item.article.text, item.sentence
    if _is_stamp(item, params):
        return False
    dates = [(s.start, s.end) for s in item.article.annotations.get("dates", [])]
    words = content_keys(text, start, end, dates, params)
    if len(words) < params.min_words:
        return False
    item.keys = {**words, **entity_keys(item.article, start, end, params.entity_weight)}
    item.persons = frozenset(entity_keys(item.article, start, end, 1, ("PER",)))
    return True


def similarity(a: _Item, b: _Item) -> float:
    """How alike two dated sentences are; within one article, a shared person on the same
    date is the same happening (a statement and its quote: 'X a déclaré mercredi' ... 'a
    indiqué X mercredi')."""
    if a.article is b.article and a.persons & b.persons:
        return 1.0
    return dice(a.keys, b.keys)


# ---------------------------------------------------------------- merging


def _published_key(article: Article) -> tuple[str, int]:
    iso = article.published.value.iso() if article.published else ""
    return (iso.lstrip("-") if iso[:1].isdigit() else "9999" + iso, article.id or 0)


def _merge(items: list[_Item], params: TimelineParams) -> list[list[_Item]]:
    """Single-link groups of items with the same date value (items in publication order)."""
    groups: list[list[_Item]] = []
    by_value: dict[str, list[list[_Item]]] = {}
    for item in items:
        best, score = None, params.merge_similarity
        for group in by_value.get(item.value, []):
            s = max(similarity(item, other) for other in group)
            if s >= score:
                best, score = group, s
        if best is None:
            best = []
            groups.append(best)
            by_value.setdefault(item.value, []).append(best)
        best.append(item)
    return groups


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(v for v in values if v is not None))


def _entry(group: list[_Item], originals: dict[int, int]) -> TimelineEntry:
    first = group[0]
    ids: list[int] = _unique(it.article.id for it in group)
    return TimelineEntry(
        date=first.value,
        granularity=first.granularity,
        text=first.article.text[first.sentence[0] : first.sentence[1]],
        article_ids=ids,
        outlets=_unique(outlet_of(it.article) for it in group),
        corroboration=len({originals.get(i, i) for i in ids}),
        mentions=[(it.article.id or 0, s, e) for it in group for s, e in it.mentions],
        sentences=[(it.article.id or 0, *it.sentence) for it in group],
    )


def build_timeline(
    articles: Sequence[Article], originals: dict[int, int], params: TimelineParams | None = None
) -> list[TimelineEntry]:
    """The dated happenings of one story's articles, merged, sorted by date (see module doc)."""
    params = params or TimelineParams.load()
    ordered = sorted(articles, key=_published_key)
    items = [item for article in ordered for item in article_items(article, params)]
    entries = [_entry(group, originals) for group in _merge(items, params)]
    return sorted(entries, key=lambda e: (e.date, -e.corroboration, e.article_ids[:1]))


def ranked_dates(entries: Sequence[TimelineEntry]) -> list[date]:
    """Day dates of a timeline, most important first: corroboration of the date's best entry,
    then the date's reports over all its entries, then its mentions; earlier date on ties."""
    best: dict[str, list[int]] = {}
    for e in entries:
        if e.granularity != "day":
            continue
        score = best.setdefault(e.date, [0, 0, 0])
        score[0] = max(score[0], e.corroboration)
        score[1] += e.corroboration
        score[2] += len(e.mentions)
    order = sorted(best, key=lambda d: (-best[d][0], -best[d][1], -best[d][2], d))
    return [date.fromisoformat(d) for d in order]
