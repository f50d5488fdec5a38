"""What a reader sees of a story: its title, dates, outlets, timeline, quotes by speaker,
numbers and disagreements, assembled from the store on demand (never stored twice)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from ..store import Store
from .compare import SourceComparison, compare_sources
from .timeline import TimelineEntry, build_timeline, outlet_of

# A story without any titled article is named by the head of its first article's text.
UNTITLED_CHARS = 90


@dataclass(slots=True)
class StoryReport:
    id: int
    title: str
    article_ids: list[int]
    start: str | None
    end: str | None
    outlets: list[str]
    copies: dict[int, int]  # article id → the earlier article it copies
    timeline: list[TimelineEntry] = field(default_factory=list)
    comparison: SourceComparison | None = None

    def to_json(self, full: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "title": self.title, "article_ids": self.article_ids,
            "start": self.start, "end": self.end, "outlets": self.outlets,
            "copies": {str(k): v for k, v in self.copies.items()},
            "timeline": [_entry_json(e) for e in self.timeline],
        }  # fmt: skip
        if full and self.comparison is not None:
            out["comparison"] = self.comparison.to_json()
        return out


def _entry_json(e: TimelineEntry) -> dict[str, Any]:
    return {"date": e.date, "text": e.text, "article_ids": e.article_ids,
            "outlets": e.outlets, "corroboration": e.corroboration}  # fmt: skip


def story_title(articles: list[Article]) -> str:
    for article in articles:
        if article.title:
            return article.title
    head = articles[0].text.split("\n", 1)[0] if articles else ""
    return head if len(head) <= UNTITLED_CHARS else head[: UNTITLED_CHARS - 1] + "…"


def originals(rows: list[Any]) -> dict[int, int]:
    """Each copy to the earliest article of its chain (a copy of a copy counts once)."""
    direct = {int(r["article_id"]): int(r["copy_of"]) for r in rows if r["copy_of"] is not None}
    out = {}
    for article_id, target in direct.items():
        while target in direct:
            target = direct[target]
        out[article_id] = target
    return out


def story_report(store: Store, story_id: int, full: bool = True) -> StoryReport:
    """A story's report with its timeline; ``full`` adds the source comparison."""
    store.story_profile(story_id)  # NotFound for an unknown id
    rows = store.story_members(story_id)
    articles = [store.get(int(r["article_id"])) for r in rows]
    dates = sorted(r["published"] for r in rows if r["published"] and r["published"][0] != "-")
    report = StoryReport(
        id=story_id, title=story_title(articles), article_ids=[a.id or 0 for a in articles],
        start=dates[0] if dates else None, end=dates[-1] if dates else None,
        outlets=sorted({outlet_of(a) for a in articles}), copies=originals(rows),
    )  # fmt: skip
    report.timeline = build_timeline(articles, report.copies)
    if full:
        report.comparison = compare_sources(articles, report.copies, report.timeline)
    return report


def story_reports(store: Store, full: bool = False) -> list[StoryReport]:
    """Every story with its timeline, in id order (``full``: with source comparisons)."""
    return [story_report(store, int(r["id"]), full) for r in store.story_rows()]
