"""Export: every current article as JSON Lines or Parquet, streamed, no cap.

The record format is documented and versioned in ``docs/schema.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .model import SCHEMA_VERSION, Article, Span

ANNOTATION_LAYERS = ("entities", "quotes", "numbers", "dates")
PARQUET_BATCH = 1000


def span_json(span: Span, text: str) -> dict[str, Any]:
    record = {"start": span.start, "end": span.end, "text": span.text_of(text),
              "label": span.label, **span.attrs}  # fmt: skip
    speaker = span.attrs.get("speaker")
    if isinstance(speaker, list) and len(speaker) == 2:
        record["speaker_text"] = text[speaker[0] : speaker[1]]
    return record


def article_json(article: Article) -> dict[str, Any]:
    """One export record (docs/schema.md)."""
    pub = article.published
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION, "id": article.id, "source": article.source,
        "url": article.url, "outlet": article.outlet, "language": article.language,
        "title": article.title, "lede": article.lede, "text": article.text,
        "authors": article.authors,
        "published": pub.value.iso() if pub else None,
        "published_evidence": pub.text if pub else None,
        "published_source": pub.source if pub else None,
        "published_confidence": pub.confidence if pub else None,
        "date_candidates": [c.to_json() for c in article.date_candidates],
        "revision": article.revision, "content_hash": article.content_hash,
        "provenance": article.provenance.to_json(), "stages": article.stages,
        "story_id": article.story_id,
    }  # fmt: skip
    for layer in ANNOTATION_LAYERS:
        spans = article.annotations.get(layer, [])
        record[layer] = [span_json(s, article.text) for s in spans]
    return record


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    n = 0
    for article in articles:
        out.write(json.dumps(article_json(article), ensure_ascii=False) + "\n")
        n += 1
    return n


# Parquet: scalar fields as columns, nested fields (lists of objects) as JSON text columns so
# the schema never depends on which attributes a corpus happens to have.
_JSON_COLUMNS = ("date_candidates", "provenance", *ANNOTATION_LAYERS)
PARQUET_SCHEMA = pa.schema(
    [("schema_version", pa.string()), ("id", pa.int64()), ("source", pa.string()),
     ("url", pa.string()), ("outlet", pa.string()), ("language", pa.string()),
     ("title", pa.string()), ("lede", pa.string()), ("text", pa.string()),
     ("authors", pa.list_(pa.string())), ("published", pa.string()),
     ("published_evidence", pa.string()), ("published_source", pa.string()),
     ("published_confidence", pa.float64()), ("revision", pa.int64()),
     ("content_hash", pa.string()), ("stages", pa.list_(pa.string())),
     ("story_id", pa.int64())]
    + [(name, pa.string()) for name in _JSON_COLUMNS]
)  # fmt: skip


def parquet_row(article: Article) -> dict[str, Any]:
    record = article_json(article)
    for name in _JSON_COLUMNS:
        record[name] = json.dumps(record[name], ensure_ascii=False)
    return record


def _batches(articles: Iterable[Article]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for article in articles:
        batch.append(parquet_row(article))
        if len(batch) >= PARQUET_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(articles: Iterable[Article], path: Path) -> int:
    n = 0
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        for batch in _batches(articles):
            writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
            n += len(batch)
    return n
