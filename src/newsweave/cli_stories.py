"""Story commands of the ``newsweave`` CLI: stories, story, restory, similar."""

from __future__ import annotations

import time
from pathlib import Path

import click

from . import api
from .cli import EXIT_STORE, _guard, db_option, emit_json, fail, json_option, main, safe
from .errors import StoreError
from .settings import Settings
from .stories.report import StoryReport


@main.command()
@db_option
@json_option
@click.option("--limit", type=int, default=None, help="Show at most N stories (largest first).")
def stories(db: Path, as_json: bool, limit: int | None) -> None:
    """List stories: id, articles, date range, outlets, title (--json: with timelines)."""
    reports = _guard(lambda: api.stories(db))
    if as_json:
        emit_json([r.to_json(full=False) for r in reports])
        return
    reports.sort(key=lambda r: (-len(r.article_ids), r.id))
    for r in reports[:limit]:
        dates = f"{r.start or '?'} … {r.end or '?'}"
        outlets = ", ".join(safe(o) for o in r.outlets)[:40]
        click.echo(f"{r.id:>5}  {len(r.article_ids):>3} art.  {dates:<36} {outlets:<40} "
                   f"{safe(r.title)[:70]}")  # fmt: skip


@main.command()
@click.argument("story_id", type=int)
@db_option
@json_option
def story(story_id: int, db: Path, as_json: bool) -> None:
    """Show one story: title, dates, outlets, timeline, quotes, numbers, disagreements."""
    report = _guard(lambda: api.story(db, story_id))
    if as_json:
        emit_json(report.to_json())
        return
    click.echo("\n".join(story_lines(report)))


def story_lines(r: StoryReport) -> list[str]:
    lines = [f"# {safe(r.title)}", f"story {r.id} · {len(r.article_ids)} articles · "
             f"{r.start or '?'} … {r.end or '?'}", f"outlets: {safe(', '.join(r.outlets))}",
             f"articles: {', '.join(map(str, r.article_ids))}"]  # fmt: skip
    if r.copies:
        lines.append("copies: " + ", ".join(f"{a} ← {b}" for a, b in sorted(r.copies.items())))
    lines += ["", "## timeline"] + [
        f"  {e.date:<10} ×{e.corroboration} [{safe(', '.join(e.outlets))}] {safe(e.text)}"
        for e in r.timeline
    ]
    return lines + comparison_lines(r)


def comparison_lines(r: StoryReport) -> list[str]:
    c = r.comparison
    if c is None:
        return []
    lines = ["", "## quotes by speaker"]
    for speaker, outlets in sorted(c.quoted_by.items()):
        lines.append(f"  {safe(speaker)}: quoted by {safe(', '.join(outlets))}")
    lines += ["", "## numbers by outlet"]
    for o in c.outlets:
        values = ", ".join(safe(n.label()) for n in o.numbers) or "-"
        lines.append(f"  {safe(o.outlet)}: {values}")
    lines += ["", "## disagreements"] + [f"  {safe(d.describe())}" for d in c.disagreements]
    return lines if c.disagreements else [*lines, "  none"]


@main.command()
@db_option
def restory(db: Path) -> None:
    """Rebuild every story from scratch (same order as ingest, same result)."""
    start = time.perf_counter()
    try:
        n = api.restory(Settings(db_path=db))
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    click.echo(f"placed {n} articles into stories — {db} ({time.perf_counter() - start:.1f} s)")


@main.command()
@click.argument("a", type=int)
@click.argument("b", type=int)
@db_option
@json_option
def similar(a: int, b: int, db: Path, as_json: bool) -> None:
    """Same-story score of articles A and B: graded (1 same event, about 0.5 same topic, 0
    unrelated), with whether the clustering would put them in one story."""
    found = _guard(lambda: api.similar(db, a, b))
    if as_json:
        emit_json({"a": a, "b": b, "score": found.score, "same_story": found.same_story})
        return
    verdict = "same story" if found.same_story else "different stories"
    click.echo(f"{found.score:.3f}  ({verdict})")
