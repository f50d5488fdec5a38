"""The ``newsweave`` command line: a thin layer over ``api``.

Exit codes: 0 success; 1 the run finished but some inputs were rejected; 2 usage error;
3 the record asked for does not exist; 4 the database or an option file cannot be used.
"""

from __future__ import annotations

import json
import logging
import re
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
from .model import Article, PartialDate, Span
from .pipeline import REJECTED, Outcome
from .settings import DEFAULT_MAX_BYTES, STAGES, Settings

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


def _check_models(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    pairs = [v.split("=", 1) for v in values]
    if any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
        raise click.BadParameter("expected LANG=PACKAGE, e.g. en=en_core_web_sm")
    return tuple((p[0], p[1]) for p in pairs)


def _stages_on(off: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stage for stage in STAGES if stage not in off)


def enrich_options(func: F) -> F:
    """Options shared by ``ingest`` and ``enrich``: models, aliases, layers switched off."""
    options = [
        click.option("--aliases", type=click.Path(exists=True, path_type=Path),
                     help="Extra entity alias table (JSON, same shape as the bundled one)."),
        click.option("--model", "models", multiple=True, callback=_check_models,
                     metavar="LANG=PACKAGE",
                     help="spaCy package for a language: en=en_core_web_sm (repeatable)."),
        click.option("--no-entities", "off", flag_value="entities", multiple=True,
                     help="Switch off entities (and quote speakers)."),
        click.option("--no-quotes", "off", flag_value="quotes", multiple=True,
                     help="Switch off quotes."),
        click.option("--no-numbers", "off", flag_value="numbers", multiple=True,
                     help="Switch off numeric facts."),
        click.option("--no-dates", "off", flag_value="dates", multiple=True,
                     help="Switch off date mentions."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


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
@enrich_options
@click.option("--no-stories", is_flag=True, help="Do not place articles into stories.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: Path, as_json: bool, manifest: Path | None,
           user_date: str | None, max_bytes: int, html_mode: str, outlets: Path | None,
           aliases: Path | None, models: tuple[tuple[str, str], ...], off: tuple[str, ...],
           no_stories: bool, no_progress: bool) -> None:  # fmt: skip
    """Read pages (files, folders, .gz, .jsonl, - for stdin) and store clean, enriched
    articles (entities, quotes, numbers, date mentions)."""
    settings = Settings(
        db_path=db, manifest=manifest, user_date=user_date, max_bytes=max_bytes,
        html_mode=html_mode, progress=not no_progress, outlets_file=outlets,
        aliases_file=aliases, spacy_models=models,
        stages=_stages_on(off), stories=not no_stories,
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


@main.command()
@db_option
@enrich_options
def enrich(db: Path, aliases: Path | None, models: tuple[tuple[str, str], ...],
           off: tuple[str, ...]) -> None:  # fmt: skip
    """Recompute entities, quotes, numbers and date mentions of every stored article."""
    settings = Settings(db_path=db, aliases_file=aliases, spacy_models=models,
                        stages=_stages_on(off))  # fmt: skip
    start = time.perf_counter()
    try:
        n = api.enrich(settings)
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    click.echo(f"enriched {n} articles — {db} ({time.perf_counter() - start:.1f} s)")


def _row(a: Article) -> str:
    date = a.published.value.iso() if a.published else "?"
    title = a.title or (a.text[:70] + "…")
    outlet = safe(a.outlet or "?")[:18]
    return f"{a.id:>5}  {date:<16}  {a.language or '?':<3} {outlet:<18}  {safe(title)}"


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
        f"stages: {', '.join(a.stages)}",
        "",
        safe(a.text),
        *_annotation_lines(a),
    ]
    return "\n".join(lines)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
QUALIFIERS = {"=": "", ">=": "≥ ", "<=": "≤ ", "~": "≈ ", ">": "> ", "<": "< "}


def safe(text: str) -> str:
    """Scraped text for a terminal: control characters (escape sequences) removed."""
    return _CONTROL.sub("", text)


def _annotation_lines(a: Article) -> list[str]:
    out: list[str] = []
    sections = (("entities", _entity_lines), ("quotes", _quote_lines),
                ("numbers", _number_lines), ("dates", _date_lines))  # fmt: skip
    for layer, render in sections:
        spans = a.annotations.get(layer, [])
        if spans:
            out += ["", f"## {layer} ({len(spans)})", *render(spans, a.text)]
    return out


def _entity_lines(spans: list[Span], text: str) -> list[str]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for s in spans:
        groups.setdefault((str(s.attrs.get("canonical") or s.text_of(text)), s.label), []).append(s)
    lines = []
    for (name, label), members in sorted(groups.items(), key=lambda g: -len(g[1])):
        forms = sorted({safe(m.text_of(text)) for m in members})
        role = next((m.attrs["role"] for m in members if m.attrs.get("role")), None)
        extra = f" — {safe(str(role))}" if role else ""
        lines.append(f"  {safe(name)} ({label}) ×{len(members)}{extra}: {' | '.join(forms)}")
    return lines


def _quote_lines(spans: list[Span], text: str) -> list[str]:
    return [f"  {_speaker(s, text)} [{s.label}]: «{safe(s.text_of(text))}»" for s in spans]


def _speaker(span: Span, text: str) -> str:
    if span.attrs.get("speaker_name"):
        return safe(str(span.attrs["speaker_name"]))
    where = span.attrs.get("speaker")
    return safe(text[where[0] : where[1]]) if where else "(no speaker)"


def _number_lines(spans: list[Span], text: str) -> list[str]:
    return [
        f"  {QUALIFIERS.get(str(s.attrs.get('qualifier')), '')}{s.attrs.get('value')} "
        f'{safe(str(s.attrs.get("unit") or ""))} — "{safe(s.text_of(text))}"'
        for s in spans
    ]


def _date_lines(spans: list[Span], text: str) -> list[str]:
    return [
        f"  {s.attrs.get('value') or 'unresolved'} ({s.attrs.get('granularity', s.label)})"
        f' — "{safe(s.text_of(text))}"'
        for s in spans
    ]


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
        click.echo(f"       {safe(h.snippet)}")


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
@click.option("--label", type=click.Choice(["PER", "LOC", "ORG", "MISC"]), help="Only this kind.")
@click.option("--name", help="Only entities whose canonical name contains this.")
@click.option("--limit", type=int, default=None, help="Show at most N entities.")
def entities(db: Path, as_json: bool, label: str | None, name: str | None,
             limit: int | None) -> None:  # fmt: skip
    """List entities across the corpus: canonical name, mentions, articles, aliases."""
    rows = _guard(lambda: api.entities(db, label=label, name=name))[:limit]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        forms = ", ".join(f"{safe(a['alias'])} ×{a['mentions']}" for a in r["aliases"][:6])
        head = f"{r['id']:>5}  {r['label']:<4} {safe(r['name'])[:32]:<32}"
        click.echo(f"{head} {r['mentions']:>4} mentions in {r['articles']:>3} articles  {forms}")


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


from . import cli_stories  # noqa: E402  (registers the story commands on ``main``)

__all__ = ["cli_stories", "main"]
