"""Settle a missing publication year from the article's story.

An article whose date stamp gives a day and month but no year ("Dernière mise à jour à 09h55
le 05/11") takes the year of its story when everything agrees on one year, never by guess:

- candidate years come only from the story's dated articles: the years their window touches
  (so a story crossing a new year offers both);
- a candidate agrees when the completed date lies within the story window (the span of the
  story's dated articles widened by ``STORY_WINDOW_DAYS`` on both sides), every weekday written
  with a day-month in the stamp or the text ("mercredi 4 novembre") is that day's weekday in
  the year, and every bare weekday mention ("mercredi"), resolved against the completed date
  as the enrichment stage would, falls inside the story window;
- exactly one agreeing year gives a ``DateEvidence`` with source "story"; none or several give
  None and the article keeps its year-less date.

``redate`` then installs the evidence and re-resolves the article's date mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsweave.enrich.timex import find_dates
from newsweave.extract import dates as stamp_dates
from newsweave.model import Article, DateEvidence, PartialDate, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The completed date must lie within this many days of the story's dated articles (before the
# first or after the last). 30: the issue draws the line between one developing story and
# "the same theme a month later"; the seeds sit 5 days apart, the examples' year-less page 2
# days after its story's first page. It must stay well under half a year, so that a story of
# one date can never offer two years.
STORY_WINDOW_DAYS = 30
# A year read from the story is less sure than the stamp it completes: the story evidence
# gets the stamp's confidence times this factor (0.5 for a year-less stamp gives 0.4).
STORY_CONFIDENCE_FACTOR = 0.8
# How many of the story's dated articles the evidence text names (nearest first).
EVIDENCE_ARTICLES = 3
_WEEKDAY_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(stamp_dates.WEEKDAYS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_Pair = tuple[int, int, int]  # (weekday, month, day) written together
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class SettleParams:
    window_days: int = STORY_WINDOW_DAYS
    confidence_factor: float = STORY_CONFIDENCE_FACTOR
    evidence_articles: int = EVIDENCE_ARTICLES


@dataclass(frozen=True, slots=True)
class _Story:
    dated: list[tuple[int, dt.date]]  # (article id, publication day), in date order
    first: dt.date  # window start
    last: dt.date  # window end

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def _day(value: PartialDate) -> dt.date | None:
    if value.year is None or value.month is None or value.day is None:
        return None
    return dt.date(value.year, value.month, value.day)


def _story(dated: list[tuple[int, PartialDate]], window: int) -> _Story | None:
    days = sorted((d, i) for i, v in dated if (d := _day(v)) is not None)
    if not days:
        return None
    margin = dt.timedelta(days=window)
    return _Story([(i, d) for d, i in days], days[0][0] - margin, days[-1][0] + margin)


def _complete(value: PartialDate, year: int) -> dt.date | None:
    try:
        return dt.date(year, value.month or 0, value.day or 0)
    except ValueError:  # 29 February of a common year
        return None


def _nearest_in(month: int, day: int, near: dt.date) -> dt.date | None:
    """The date of that day-month closest to ``near`` (previous, same or next year)."""
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - near).days)) if options else None


def _weekday_pairs(lines: list[str], english: bool) -> list[_Pair]:
    """(weekday, month, day) of every year-less date written with its weekday."""
    out = []
    for line in lines:
        for m, value in stamp_dates.find_dates(line, english):
            wd = m.groupdict().get("wd")
            if wd and value.year is None and value.month and value.day:
                out.append((stamp_dates.WEEKDAYS[wd.lower()], value.month, value.day))
    return out


def _pairs_fit(pairs: list[_Pair], completed: dt.date) -> bool:
    for weekday, month, day in pairs:
        when = _nearest_in(month, day, completed)
        if when is None or when.weekday() != weekday:
            return False
    return True


def _bare_weekdays_fit(article: Article, completed: dt.date, story: _Story) -> bool:
    """Bare weekday mentions ("mercredi", "on Friday") resolved against ``completed``."""
    anchor = PartialDate(completed.year, completed.month, completed.day)
    for span in find_dates(article.text, anchor, article.language):
        surface = span.text_of(article.text)
        m = _DAY_VALUE.match(str(span.attrs.get("value") or ""))
        if m is None or not _WEEKDAY_WORD.search(surface) or re.search(r"\d", surface):
            continue
        if not story.holds(dt.date(int(m[1]), int(m[2]), int(m[3]))):
            return False
    return True


def _agrees(
    article: Article, value: PartialDate, year: int, story: _Story, pairs: list[_Pair]
) -> bool:
    completed = _complete(value, year)
    if completed is None or not story.holds(completed):
        return False
    return _pairs_fit(pairs, completed) and _bare_weekdays_fit(article, completed, story)


def _evidence_text(stamp: DateEvidence, completed: dt.date, story: _Story, n: int) -> str:
    near = sorted(story.dated, key=lambda p: abs((p[1] - completed).days))[:n]
    named = ", ".join(f"article {i} ({d.isoformat()})" for i, d in near)
    return f"{stamp.text} + story: year {completed.year} from {named}"


def settle_year(
    article: Article,
    dated: list[tuple[int, PartialDate]],
    params: SettleParams | None = None,
) -> DateEvidence | None:
    """The publication date completed with the one year the story agrees on, else None.

    ``dated``: (article id, publication date with a year) of the story's other articles.
    """
    p = params or SettleParams()
    stamp = article.published
    if stamp is None or not article.needs_year or stamp.value.day is None:
        return None
    story = _story(dated, p.window_days)
    if story is None:
        return None
    lines = [stamp.text, *article.text.splitlines()]
    pairs = _weekday_pairs(lines, article.language == "en")
    years = range(story.first.year, story.last.year + 1)
    agreeing = [y for y in years if _agrees(article, stamp.value, y, story, pairs)]
    if len(agreeing) != 1:
        return None
    value = replace(stamp.value, year=agreeing[0])
    completed = dt.date(agreeing[0], value.month or 1, value.day or 1)
    text = _evidence_text(stamp, completed, story, p.evidence_articles)
    return DateEvidence(value, "story", text, stamp.confidence * p.confidence_factor)


def _same(a: DateEvidence, b: DateEvidence) -> bool:
    return (a.value, a.source, a.text) == (b.value, b.source, b.text)


def redate(article: Article, evidence: DateEvidence, doc: Doc | None = None) -> None:
    """Install the settled date and re-resolve the article's date mentions against it.

    The original evidence stays in ``date_candidates``. Only the ``dates`` layer changes, and
    only when the article has one. Without ``doc`` (the spaCy parse) the mentions lose the
    verb tense (past/future) and the "2000 habitants" year filter; pass the doc when at hand.
    """
    for ev in (article.published, evidence):
        if ev is not None and not any(_same(ev, c) for c in article.date_candidates):
            article.date_candidates.append(ev)
    article.published = evidence
    if "dates" in article.annotations or "dates" in article.stages:
        layer: list[Span] = find_dates(article.text, evidence.value, article.language, doc)
        article.annotations["dates"] = layer
