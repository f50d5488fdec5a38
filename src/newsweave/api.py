"""The Python API: what the CLI, the HTTP API and users' scripts call.

>>> from newsweave import Settings, api
>>> counts = api.ingest(["examples/"], Settings(db_path=Path("news.db")))
>>> for article in api.iter_articles(Path("news.db")): ...
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from .enrich.annotate import Nlp, load_nlp
from .enrich.annotate import enrich as annotate_all
from .errors import StoreError
from .export import write_jsonl, write_parquet
from .extract import load_models
from .model import Article
from .pipeline import Outcome, batched, run
from .settings import Settings
from .store import SearchHit, Store


@contextmanager
def open_store(db: Path, create: bool = False) -> Iterator[Store]:
    """Open a store; reading commands refuse to create a new, empty database."""
    if not create and not db.exists():
        raise StoreError(f"{db}: no database here (run 'newsweave ingest' first)")
    store = Store(db)
    try:
        yield store
    finally:
        store.close()


def ingest(
    paths: list[str], settings: Settings, on_outcome: Callable[[Outcome], None] | None = None
) -> Counter[str]:
    """Ingest files, folders, .gz, .jsonl or ``-`` (stdin) into ``settings.db_path``."""
    models = load_models(settings)
    nlp = load_nlp(settings) if settings.stages else None
    with open_store(settings.db_path, create=True) as store:
        return run(paths, store, models, settings, on_outcome, nlp)


def enrich(settings: Settings, on_article: Callable[[Article], None] | None = None) -> int:
    """Recompute the annotations of every stored article (new models, alias table, stages)."""
    nlp = load_nlp(settings)
    with open_store(settings.db_path) as store:
        ids = store.current_ids()  # read first: the loop writes to the tables it reads
        n = 0
        for batch in batched(ids, max(1, settings.batch_size)):
            n += _reenrich([store.get(i) for i in batch], store, nlp, settings, on_article)
        return n


def _reenrich(batch: list[Article], store: Store, nlp: Nlp, settings: Settings,
              on_article: Callable[[Article], None] | None) -> int:  # fmt: skip
    for article in batch:
        article.annotations = {}
        article.stages = [s for s in article.stages if s == "extract"]
    annotate_all(batch, nlp, settings)
    for article in batch:
        store.replace_annotations(article, nlp.aliases)
        if on_article is not None:
            on_article(article)
    return len(batch)


def iter_articles(db: Path) -> Generator[Article, None, None]:
    """Every current article, streamed in id order."""
    with open_store(db) as store:
        yield from store.articles()


def articles(db: Path, limit: int | None = None) -> list[Article]:
    stream = iter_articles(db)
    try:
        return list(islice(stream, limit))
    finally:
        stream.close()  # closes the store now, not when the generator is collected


def article(db: Path, article_id: int) -> Article:
    with open_store(db) as store:
        return store.get(article_id)


def search(db: Path, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
    with open_store(db) as store:
        return store.search(query, limit=limit, raw=raw)


def entities(db: Path, label: str | None = None, name: str | None = None) -> list[dict[str, Any]]:
    """Corpus entities (one per person/place/organisation) with aliases and mention counts."""
    with open_store(db) as store:
        return store.entities(label=label, name=name)


def rejects(db: Path) -> list[dict[str, Any]]:
    with open_store(db) as store:
        return store.rejects()


def export(db: Path, fmt: str, output: Path | None = None) -> int:
    """Write every current article as ``jsonl`` (to ``output`` or stdout) or ``parquet``."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("parquet export needs an output path")
        return write_parquet(iter_articles(db), output)
    if output is None:
        return write_jsonl(iter_articles(db), sys.stdout)
    with output.open("w", encoding="utf-8") as out:
        return write_jsonl(iter_articles(db), out)
