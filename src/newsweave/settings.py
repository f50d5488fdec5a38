"""One ``Settings`` object, built once (by the CLI or the caller) and passed in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The enrichment layers, in the order they run (quotes need the entities of their article).
STAGES = ("entities", "quotes", "numbers", "dates")


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = Path("newsweave.db")
    # Inputs larger than this are rejected before decoding (bytes, after gunzip).
    max_bytes: int = DEFAULT_MAX_BYTES
    # Articles shorter than this (in \w+ tokens) are rejected as "no article text".
    min_words: int = 25
    # trafilatura mode for HTML: "precision", "balanced" or "recall".
    html_mode: str = "precision"
    # A date given by the user for every input of the run (wins over what pages say).
    user_date: str | None = None
    # Languages py3langid may answer with; empty = all it knows.
    languages: tuple[str, ...] = ()
    manifest: Path | None = None
    progress: bool = True
    # Extra outlet table (JSON, same shape as the bundled data/outlets.json).
    outlets_file: Path | None = None
    # Enrichment layers to compute: any of entities, quotes, numbers, dates (empty = none).
    stages: tuple[str, ...] = STAGES
    # spaCy package per language, overriding the defaults (e.g. (("en", "en_core_web_sm"),)).
    spacy_models: tuple[tuple[str, str], ...] = ()
    # Extra entity alias table (JSON, same shape as the bundled data/aliases.json).
    aliases_file: Path | None = None
    # Pages extracted, then enriched together, then stored, per batch.
    batch_size: int = 32
    # Place every stored article into a story (stories/); off: ``newsweave restory`` later.
    stories: bool = True

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
