"""Loaders for the hand-annotated quote and number gold in ``tests/gold/``.

The gold stores no article text: each record points into ``../shared/data`` by a relative
path and character offsets into the text these loaders rebuild. ``text_sha256`` pins that
text, so a change in the data or in the loaders is caught instead of silently shifting spans.

    from bench.goldsets import load_gold, doc_text
    for doc in load_gold("fr"):
        text = doc_text(doc.path)
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
GOLD_DIR = REPO / "tests" / "gold"
ECBPLUS_DIR = SHARED_DATA / "ecbplus"

# Detokenisation of ECB+ tokens: no space before these tokens, none after NO_SPACE_AFTER.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "'", "n't", "'s"})
NO_SPACE_AFTER = frozenset({"("})
# A third of the documents is held out: sha1(path) prefix modulo HELDOUT_MODULUS == 0.
HELDOUT_MODULUS = 3

_TOKEN_RE = re.compile(r'<token\b[^>]*\bsentence="(\d+)"[^>]*>(.*?)</token>', re.S)


# The newest annotation batch: annotated after every rule so far, so the benches score it alone
# (rows new-dev / new-all) as a fresh check of all of them.
NEWEST_BATCH = 19


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    speaker: str | None  # canonical name or description; None when the text gives none
    speaker_mentions: list[tuple[int, int]] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    block: bool = False  # direct quote set off as its own paragraph(s) with no quote marks


@dataclass(frozen=True, slots=True)
class GoldNumber:
    start: int
    end: int
    value: float
    qualifier: str  # "=", ">=", "<=", ">", "<", "~"
    unit: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    path: str  # relative to ../shared/data
    lang: str
    split: str  # "dev" | "heldout"
    text_sha256: str
    quotes: list[GoldQuote]
    numbers: list[GoldNumber]
    batch: int = 1  # annotation batch (tests/gold/README.md): 1, 2 (2026-11-22), 3-5 (2026-11-23)


def split_of(path: str) -> str:
    """ "heldout" for about a third of the documents, chosen by a hash of the path."""
    bucket = int(hashlib.sha1(path.encode()).hexdigest()[:8], 16) % HELDOUT_MODULUS
    return "heldout" if bucket == 0 else "dev"


@cache
def _url_sentence0() -> frozenset[str]:
    """ECB+ paths (``ECB+/<topic>/<doc>.xml``) whose sentence 0 is the source URL."""
    with (ECBPLUS_DIR / "gold_clusters.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return frozenset(r["path"] for r in rows if r["sentence0_is_url"] == "1")


def _detokenise(tokens: list[str]) -> str:
    out: list[str] = []
    for tok in tokens:
        if out and tok not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out.append(" ")
        out.append(tok)
    return "".join(out)


def ecbplus_text(path: Path) -> str:
    """An ECB+ article rebuilt from its XML tokens: one line per sentence, URL line dropped."""
    xml = Path(path).read_text(encoding="utf-8")
    sentences: dict[int, list[str]] = {}
    for sent, raw in _TOKEN_RE.findall(xml):
        sentences.setdefault(int(sent), []).append(html.unescape(raw))
    rel = "/".join(Path(path).parts[-3:])
    if rel in _url_sentence0():
        sentences.pop(0, None)
    return "\n".join(_detokenise(sentences[k]) for k in sorted(sentences))


def crisis_text(path: Path) -> str:
    """An ml_crisis_tls ``.txt`` article, decoded as UTF-8, otherwise unchanged."""
    return Path(path).read_bytes().decode("utf-8", errors="replace")


def semeval_text(path: Path, pair_id: str, side: str) -> str:
    """Article ``side`` ("1" or "2") of a SemEval-2022 task 8 pair: its ``text<side>`` field
    as the file holds it (the title field is not part of it)."""
    return str(_jsonl_row(path, "pair_id", pair_id, "pair")[f"text{side}"])


def ftib_text(path: Path, doc_id: str) -> str:
    """A French TimeBank article: the ``text`` field of ``doc_id`` in ``ftib_timex.jsonl``."""
    return str(_jsonl_row(path, "doc_id", doc_id, "document")["text"])


def _jsonl_row(path: Path, key: str, value: str, what: str) -> dict[str, Any]:
    """The row of a JSON Lines file whose ``key`` is ``value``; ValueError when none is."""
    for line in path.read_text(encoding="utf-8").splitlines():
        row: dict[str, Any] = json.loads(line)
        if row[key] == value:
            return row
    raise ValueError(f"{path}: no {what} {value}")


def doc_text(rel_path: str, data_dir: Path = SHARED_DATA) -> str:
    """The text a gold record's offsets index, for a path relative to ``../shared/data``
    (a SemEval article is ``semeval2022_task8/fr_pairs.jsonl#<pair_id>/<1|2>``, a French
    TimeBank one ``fr_timex/ftib/ftib_timex.jsonl#<doc_id>``)."""
    if "#" in rel_path:
        file, _, ref = rel_path.partition("#")
        if file.startswith("fr_timex/"):
            return ftib_text(data_dir / file, ref)
        pair_id, _, side = ref.rpartition("/")
        return semeval_text(data_dir / file, pair_id, side)
    path = data_dir / rel_path
    return ecbplus_text(path) if rel_path.startswith("ecbplus/") else crisis_text(path)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote(raw: dict[str, Any]) -> GoldQuote:
    cue = raw.get("cue")
    return GoldQuote(
        start=raw["start"],
        end=raw["end"],
        kind=raw["kind"],
        speaker=raw.get("speaker"),
        speaker_mentions=[(s, e) for s, e in raw.get("speaker_mentions", [])],
        cue=(cue[0], cue[1]) if cue else None,
        block=bool(raw.get("block", False)),
    )


def _number(raw: dict[str, Any]) -> GoldNumber:
    return GoldNumber(raw["start"], raw["end"], raw["value"], raw["qualifier"], raw["unit"])


def _doc(raw: dict[str, Any]) -> GoldDoc:
    return GoldDoc(
        path=raw["path"],
        lang=raw["lang"],
        split=raw["split"],
        text_sha256=raw["text_sha256"],
        quotes=[_quote(q) for q in raw["quotes"]],
        numbers=[_number(n) for n in raw["numbers"]],
        batch=int(raw["batch"]),
    )


def load_gold(
    lang: str, gold_dir: Path = GOLD_DIR, data_dir: Path = SHARED_DATA, check: bool = True
) -> list[GoldDoc]:
    """The gold documents of ``quotes_<lang>.jsonl``; with ``check``, raise ``ValueError``
    when an article's text no longer hashes to the recorded ``text_sha256``."""
    docs: list[GoldDoc] = []
    with (gold_dir / f"quotes_{lang}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(_doc(json.loads(line)))
    if check:
        for doc in docs:
            if sha256_text(doc_text(doc.path, data_dir)) != doc.text_sha256:
                raise ValueError(f"gold text changed: {doc.path}")
    return docs
