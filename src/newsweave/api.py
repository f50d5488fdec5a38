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

from .errors import StoreError
from .export import write_jsonl, write_parquet
from .extract import load_models
from .model import Article
from .pipeline import Outcome, run
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
    with open_store(settings.db_path, create=True) as store:
        return run(paths, store, models, settings, on_outcome)


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
