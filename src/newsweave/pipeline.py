"""The steps wired together: ingest → extract → enrich → store → stories.

Each step is a plain function over one document; ``run`` is the local driver. A shard
(any list of input paths) is the unit of scale-out: a cluster runs ``run`` on each shard
with its own store file, or calls ``process_page`` from its own executor.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from .enrich.annotate import Nlp, enrich
from .errors import Skip
from .extract import Models, TextExtraction, extract, lines_of
from .extract.meta import host_of
from .ingest import Rejected, iter_pages
from .model import Article, Page
from .settings import Settings
from .store import REVISED, STORED, UNCHANGED, Store

if TYPE_CHECKING:
    from .stories.stage import StoryModels

log = logging.getLogger("newsweave")
REJECTED = "rejected"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # stored | revised | unchanged | rejected
    article_id: int | None = None
    code: str | None = None
    reason: str | None = None


def _reject(store: Store, source: str, code: str, reason: str) -> Outcome:
    store.reject(source, code, reason)
    return Outcome(source, REJECTED, code=code, reason=reason)


def process_page(
    page: Page, store: Store, models: Models, settings: Settings, nlp: Nlp | None = None
) -> Outcome:
    """Extract, enrich and store one page (``process`` does the same in batches)."""
    step = extract_page(page, store, models, settings)
    if isinstance(step, Outcome):
        return step
    if nlp is not None:
        enrich([step], nlp, settings)
    return save_article(step, store, nlp)


def extract_page(page: Page, store: Store, models: Models, settings: Settings) -> Article | Outcome:
    """The article of a new or changed page, or the outcome that ends its journey here."""
    known = store.unchanged_page(page.key, page.page_hash)
    if known is not None:
        return Outcome(page.source, UNCHANGED, known)
    return extract_new(page, store, models, settings)


def extract_new(
    page: Page,
    store: Store,
    models: Models,
    settings: Settings,
    lines: TextExtraction | None = None,
) -> Article | Outcome:
    """The article of a page the store does not hold yet, or its rejection (``lines``: its
    line extraction when already done with its batch)."""
    try:
        return extract(page, models, settings, lines)
    except Skip as skip:
        return _reject(store, page.source, skip.code, skip.reason)
    except Exception as exc:  # a real failure: logged once, kept, the run goes on
        log.error("%s: extraction failed: %s: %s", page.source, type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return _reject(store, page.source, "error", f"{type(exc).__name__}: {exc}")


def save_article(article: Article, store: Store, nlp: Nlp | None) -> Outcome:
    """Store one article; a failure rolls its transaction back and becomes a reject."""
    try:
        name_outlet(article, store)
        status, article_id = store.save(article, aliases=nlp.aliases if nlp else None)
    except Exception as exc:  # a real failure: logged once, kept, the run goes on
        log.error("%s: saving failed: %s: %s", article.source, type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return _reject(store, article.source, "error", f"{type(exc).__name__}: {exc}")
    return Outcome(article.source, status, article_id)


def name_outlet(article: Article, store: Store) -> None:
    """Share outlet names across pages of one host (a dump gets its HTML sibling's name)."""
    host = host_of(article.url)
    if host is None or article.outlet is None:
        return
    if article.outlet == host:
        article.outlet = store.outlet_name(host) or host
    elif store.outlet_name(host) is None:
        store.learn_outlet(host, article.outlet)


def process(
    items: Iterable[Page | Rejected],
    store: Store,
    models: Models,
    settings: Settings,
    nlp: Nlp | None = None,
    stories: StoryModels | None = None,
) -> Iterable[Outcome]:
    """Pages in batches: extract each, enrich the batch together (``nlp.pipe``), store each,
    then place the new articles into stories."""
    for batch in batched(items, max(1, settings.batch_size)):
        ready: list[Article] = []
        known = [_known(item, store) for item in batch]
        for item, seen, lines in zip(batch, known, _batch_lines(batch, known, models), strict=True):
            step = _first_steps(item, seen, store, models, settings, lines)
            if isinstance(step, Outcome):
                yield step
            else:
                ready.append(step)
        if nlp is not None:
            enrich(ready, nlp, settings)
        outcomes = [save_article(article, store, nlp) for article in ready]
        if stories is not None:
            place_new(ready, outcomes, store, stories)
        yield from outcomes


def place_new(
    articles: list[Article], outcomes: list[Outcome], store: Store, stories: StoryModels
) -> None:
    """Stories for the articles just stored; a failure leaves them unplaced (``restory`` or
    the next ingest places them) and is logged once."""
    from .stories.stage import add_articles

    new = []
    for article, outcome in zip(articles, outcomes, strict=True):
        if outcome.status in (STORED, REVISED):
            article.id = outcome.article_id
            new.append(article)
    try:
        add_articles(new, store, stories)
    except Exception as exc:
        log.error("stories: placing %d articles failed: %s: %s", len(new), type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), streamed (itertools.batched, 3.12)."""
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def _known(item: Page | Rejected, store: Store) -> int | None:
    """The id of the stored article of an unchanged page, looked up once per page."""
    return store.unchanged_page(item.key, item.page_hash) if isinstance(item, Page) else None


def _batch_lines(
    batch: list[Page | Rejected], known: list[int | None], models: Models
) -> list[TextExtraction | None]:
    """Line extraction of the batch's new or changed plain-text pages, all at once."""
    todo = [
        item if isinstance(item, Page) and seen is None else None
        for item, seen in zip(batch, known, strict=True)
    ]
    return lines_of(todo, models)


def _first_steps(
    item: Page | Rejected,
    known: int | None,
    store: Store,
    models: Models,
    settings: Settings,
    lines: TextExtraction | None = None,
) -> Article | Outcome:
    if isinstance(item, Rejected):
        return _reject(store, item.source, item.code, item.reason)
    if known is not None:
        return Outcome(item.source, UNCHANGED, known)
    return extract_new(item, store, models, settings, lines)


def run(
    args: list[str],
    store: Store,
    models: Models,
    settings: Settings,
    on_outcome: Callable[[Outcome], None] | None = None,
    nlp: Nlp | None = None,
    stories: StoryModels | None = None,
) -> Counter[str]:
    """Ingest every path in ``args`` into ``store``; return counts by status."""
    counts: Counter[str] = Counter()
    run_id = store.start_run({"args": args, "html_mode": settings.html_mode})
    pages = iter_pages(args, settings)
    for outcome in process(pages, store, models, settings, nlp, stories):
        counts[outcome.status] += 1
        if on_outcome is not None:
            on_outcome(outcome)
    if stories is not None:
        place_unstoried(store, stories)
    store.finish_run(run_id, dict(counts))
    return counts


def place_unstoried(store: Store, stories: StoryModels) -> int:
    """Catch up: place every current article that has no story (an earlier failure, a store
    ingested with stories off)."""
    from .stories.stage import RESTORY_BATCH, add_articles

    ids = store.unstoried_ids()
    for batch in batched(ids, RESTORY_BATCH):
        add_articles([store.get(i) for i in batch], store, stories)
    return len(ids)
