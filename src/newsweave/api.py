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
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .enrich.annotate import Nlp, load_nlp
from .enrich.annotate import enrich as annotate_all
from .errors import StoreError
from .export import write_jsonl, write_parquet
from .extract import load_models
from .model import Article
from .pipeline import Outcome, batched, run
from .settings import Settings
from .store import SearchHit, Store
from .stories.features import Features
from .stories.report import StoryReport, story_report, story_reports

if TYPE_CHECKING:
    from .stories.stage import StoryModels


@dataclass(frozen=True, slots=True)
class Similarity:
    score: float  # graded: 1 same event, about 0.5 same topic, 0 unrelated
    same_story: bool  # the clustering would put the two articles in one story


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
    stories = _story_models(settings, nlp)
    with open_store(settings.db_path, create=True) as store:
        return run(paths, store, models, settings, on_outcome, nlp, stories)


def _story_models(settings: Settings, nlp: Nlp | None) -> StoryModels | None:
    if not settings.stories:
        return None
    from .stories.stage import load_story_models

    return load_story_models(nlp)


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


def stories(db: Path, full: bool = False) -> list[StoryReport]:
    """Every story with its timeline (``full``: with the source comparison too)."""
    with open_store(db) as store:
        return story_reports(store, full)


def story(db: Path, story_id: int) -> StoryReport:
    """One story: articles, dates, outlets, timeline and source comparison."""
    with open_store(db) as store:
        return story_report(store, story_id)


def restory(settings: Settings) -> int:
    """Rebuild every story of the store from scratch (same order, same result)."""
    from .stories.stage import load_story_models
    from .stories.stage import restory as rebuild

    with open_store(settings.db_path) as store:
        return rebuild(store, load_story_models(load_nlp(settings) if settings.stages else None))


def similar(db: Path, a: int, b: int) -> Similarity:
    """Graded same-story score of two stored articles (1 same event, about 0.5 same topic, 0
    unrelated) and whether the clustering would put them in one story."""
    from .stories.score import joins, load_params
    from .stories.score import similar as score

    params = load_params()
    with open_store(db) as store:
        fa, fb = (_features(store, i) for i in (a, b))
        return Similarity(score(fa, fb, params), joins(fa, fb, params))


def _features(store: Store, article_id: int) -> Features:
    stored = store.features(article_id)
    if stored is not None:
        return stored[0]
    from .stories.features import featurize, load_encoder

    return featurize([store.get(article_id)], load_encoder())[0]
