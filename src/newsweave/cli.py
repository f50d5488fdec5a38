"""The ``newsweave`` command line: a thin layer over ``api``.

Exit codes: 0 success; 1 the run finished but some inputs were rejected; 2 usage error;
3 the record asked for does not exist; 4 the database or an option file cannot be used.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from . import api
from .errors import InputError, NotFound, StoreError
from .export import article_json
from .model import Article, PartialDate
from .pipeline import REJECTED, Outcome
from .settings import DEFAULT_MAX_BYTES, Settings

EXIT_OK, EXIT_REJECTS, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_STORE = 0, 1, 2, 3, 4
F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("newsweave.db"),
        envvar="NEWSWEAVE_DB", show_default=True, help="SQLite database file.",
    )(func)  # fmt: skip


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON output.")(
        func
    )


def fail(message: str, code: int) -> None:
    click.echo(f"newsweave: {message}", err=True)
    sys.exit(code)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=None))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsweave")
@click.option("-v", "--verbose", is_flag=True, help="Log debugging details to stderr.")
def main(verbose: bool) -> None:
    """newsweave: turn scraped news pages into clean, dated articles."""
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="newsweave: %(message)s")


def _progress(enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" pages", file=sys.stderr, leave=False)


def _reporter(bar: Any, outcomes: list[Outcome]) -> Callable[[Outcome], None]:
    def report(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if bar is not None:
            bar.update(1)
        if outcome.status == REJECTED:
            msg = f"newsweave: rejected {outcome.source}: {outcome.reason}"
            (bar.write(msg, file=sys.stderr) if bar is not None else click.echo(msg, err=True))

    return report


def _summary(counts: dict[str, int], db: Path, seconds: float) -> str:
    parts = [f"{k} {counts.get(k, 0)}" for k in ("stored", "revised", "unchanged", REJECTED)]
    return f"{' · '.join(parts)} — {db} ({seconds:.1f} s)"


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value).iso()
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@json_option
@click.option("--manifest", type=click.Path(path_type=Path), help="CSV/JSONL: path,url,date.")
@click.option("--date", "user_date", callback=_check_date,
              help="Date for every input (ISO, may be partial: --11-05).")  # fmt: skip
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Reject inputs larger than this (after gunzip).")  # fmt: skip
@click.option("--html-mode", type=click.Choice(["precision", "balanced", "recall"]),
              default="precision", show_default=True, help="trafilatura mode.")  # fmt: skip
@click.option("--outlets", type=click.Path(exists=True, path_type=Path),
              help="Extra outlet table (JSON, same shape as the bundled one).")  # fmt: skip
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: Path, as_json: bool, manifest: Path | None,
           user_date: str | None, max_bytes: int, html_mode: str, outlets: Path | None,
           no_progress: bool) -> None:  # fmt: skip
    """Read pages (files, folders, .gz, .jsonl, - for stdin) and store clean articles."""
    settings = Settings(
        db_path=db, manifest=manifest, user_date=user_date, max_bytes=max_bytes,
        html_mode=html_mode, progress=not no_progress, outlets_file=outlets,
    )  # fmt: skip
    outcomes: list[Outcome] = []
    bar = _progress(settings.progress)
    start = time.perf_counter()
    try:
        counts = api.ingest(list(paths), settings, on_outcome=_reporter(bar, outcomes))
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    finally:
        if bar is not None:
            bar.close()
    seconds = time.perf_counter() - start
    if as_json:
        emit_json({"counts": dict(counts), "outcomes": [asdict(o) for o in outcomes]})
    else:
        click.echo(_summary(counts, db, seconds))
    sys.exit(EXIT_REJECTS if counts.get(REJECTED) else EXIT_OK)


def _row(a: Article) -> str:
    date = a.published.value.iso() if a.published else "?"
    title = a.title or (a.text[:70] + "…")
    return f"{a.id:>5}  {date:<16}  {a.language or '?':<3} {(a.outlet or '?')[:18]:<18}  {title}"


@main.command()
@db_option
@json_option
@click.option("--limit", type=int, default=None, help="Show at most N articles.")
def articles(db: Path, as_json: bool, limit: int | None) -> None:
    """List stored articles (current revisions)."""
    items = _guard(lambda: api.articles(db, limit=limit))
    if as_json:
        emit_json([_brief(a) for a in items])
        return
    for a in items:
        click.echo(_row(a))


def _brief(a: Article) -> dict[str, Any]:
    record = article_json(a)
    return {k: record[k] for k in ("id", "source", "url", "outlet", "language", "title",
                                   "published", "published_evidence")}  # fmt: skip


T = TypeVar("T")


def _guard(call: Callable[[], T]) -> T:
    try:
        return call()
    except NotFound as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    raise AssertionError("unreachable")


def _show_text(a: Article) -> str:
    pub = a.published
    lines = [
        f"# {a.title or '(no title)'}",
        f"id {a.id} · revision {a.revision} · {a.language or '?'} · {a.outlet or 'outlet unknown'}",
        f"source: {a.source}",
        f"url: {a.url or '-'}",
        f"published: {pub.value.iso() if pub else 'unknown'}"
        + (f"  [{pub.source}, {pub.confidence:.2f}: {pub.text}]" if pub else ""),
        f"authors: {', '.join(a.authors) or '-'}",
        "",
        a.text,
    ]
    return "\n".join(lines)


@main.command()
@click.argument("article_id", type=int)
@db_option
@json_option
def show(article_id: int, db: Path, as_json: bool) -> None:
    """Show one article: metadata, date evidence and text."""
    article = _guard(lambda: api.article(db, article_id))
    if as_json:
        emit_json(article_json(article))
    else:
        click.echo(_show_text(article))


@main.command()
@click.argument("query")
@db_option
@json_option
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--raw", is_flag=True, help='Pass QUERY to SQLite FTS5 as is (AND, OR, NEAR, "…").')
def search(query: str, db: Path, as_json: bool, limit: int, raw: bool) -> None:
    """Full-text search over titles and texts."""
    hits = _guard(lambda: api.search(db, query, limit=limit, raw=raw))
    if as_json:
        emit_json([{**_brief(h.article), "snippet": h.snippet, "rank": h.rank} for h in hits])
        return
    for h in hits:
        click.echo(_row(h.article))
        click.echo(f"       {h.snippet}")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True)  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (JSONL defaults to standard output).")  # fmt: skip
def export(db: Path, fmt: str, output: Path | None) -> None:
    """Export every current article (JSONL or Parquet), no cap."""
    if fmt == "parquet" and output is None:
        fail("--format parquet needs -o FILE", EXIT_USAGE)
    n = _guard(lambda: api.export(db, fmt, output))
    if output is not None:
        click.echo(f"exported {n} articles to {output}", err=True)


@main.command()
@db_option
@json_option
def rejects(db: Path, as_json: bool) -> None:
    """List rejected inputs with their reasons."""
    rows = _guard(lambda: api.rejects(db))
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        click.echo(f"{r['code']:<12} {r['source']}: {r['reason']} (seen {r['times']}×)")
