"""The steps wired together: ingest → extract → (enrich → stories) → store.

Each step is a plain function over one document; ``run`` is the local driver. A shard
(any list of input paths) is the unit of scale-out: a cluster runs ``run`` on each shard
with its own store file, or calls ``process_page`` from its own executor.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .errors import Skip
from .extract import Models, extract
from .extract.meta import host_of
from .ingest import Rejected, iter_pages
from .model import Article, Page
from .settings import Settings
from .store import UNCHANGED, Store

log = logging.getLogger("newsweave")
REJECTED = "rejected"


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


def process_page(page: Page, store: Store, models: Models, settings: Settings) -> Outcome:
    """Extract and store one page. Expected drops and real failures become rejects."""
    known = store.unchanged_page(page.key, page.page_hash)
    if known is not None:
        return Outcome(page.source, UNCHANGED, known)
    try:
        article = extract(page, models, settings)
    except Skip as skip:
        return _reject(store, page.source, skip.code, skip.reason)
    except Exception as exc:  # a real failure: logged once, kept, the run goes on
        log.error("%s: extraction failed: %s: %s", page.source, type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return _reject(store, page.source, "error", f"{type(exc).__name__}: {exc}")
    name_outlet(article, store)
    status, article_id = store.save(article)
    return Outcome(page.source, status, article_id)


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
    items: Iterable[Page | Rejected], store: Store, models: Models, settings: Settings
) -> Iterable[Outcome]:
    for item in items:
        if isinstance(item, Rejected):
            yield _reject(store, item.source, item.code, item.reason)
        else:
            yield process_page(item, store, models, settings)


def run(
    args: list[str],
    store: Store,
    models: Models,
    settings: Settings,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Counter[str]:
    """Ingest every path in ``args`` into ``store``; return counts by status."""
    counts: Counter[str] = Counter()
    run_id = store.start_run({"args": args, "html_mode": settings.html_mode})
    for outcome in process(iter_pages(args, settings), store, models, settings):
        counts[outcome.status] += 1
        if on_outcome is not None:
            on_outcome(outcome)
    store.finish_run(run_id, dict(counts))
    return counts
