"""Article metadata other than dates: language (py3langid) and outlet (URL host or page clues)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this normalised probability the language is reported as unknown (None), unless the
# page declares one. Calibrated on the sample corpus and the seeds: real articles of 100+
# words score > 0.99; menus-only leftovers and mixed-language snippets fall under 0.6.
LANG_MIN_PROB = 0.6
# Only the start of the text is classified: py3langid is accurate well before this.
LANG_SAMPLE_CHARS = 3000


@dataclass(frozen=True)
class OutletTable:
    hosts: dict[str, str]
    clues: tuple[re.Pattern[str], ...]
    credit_cues: tuple[str, ...] = ()  # a clue after one of these on its line is a credit


def load_langid(languages: tuple[str, ...] = ()) -> LanguageIdentifier:
    """The language identifier, loaded once and passed in (it holds a numpy model)."""
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        ident.set_languages(list(languages))
    return ident


def detect_language(text: str, ident: LanguageIdentifier, hint: str | None = None) -> str | None:
    sample = text[:LANG_SAMPLE_CHARS]
    if not re.search(r"\w{2}", sample):
        return _hint(hint)
    lang, prob = ident.classify(sample)
    if prob >= LANG_MIN_PROB:
        return str(lang)
    return _hint(hint)


def _hint(hint: str | None) -> str | None:
    if not hint:
        return None
    code = hint.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _read_table(data: dict[str, Any]) -> OutletTable:
    hosts = {str(k).lower(): str(v) for k, v in data.get("hosts", {}).items()}
    clues = tuple(re.compile(c["pattern"], re.MULTILINE) for c in data.get("clues", []))
    return OutletTable(hosts, clues, tuple(data.get("credit_cues", ())))


def load_outlets(extra: Path | None = None) -> OutletTable:
    """The bundled outlet table, extended by a user file of the same shape."""
    text = resources.files("newsweave").joinpath("data/outlets.json").read_text("utf-8")
    table = _read_table(json.loads(text))
    if extra is None:
        return table
    more = _read_table(json.loads(extra.read_text("utf-8")))
    cues = table.credit_cues + more.credit_cues
    return OutletTable({**table.hosts, **more.hosts}, table.clues + more.clues, cues)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def outlet_from_host(host: str, table: OutletTable) -> str | None:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.hosts.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_from_clues(lines: Iterable[str], table: OutletTable) -> str | None:
    """The outlet named by the first clue in ``lines`` that is not a picture credit."""
    for line in lines:
        for pattern in table.clues:
            m = pattern.search(line)
            if m and not _is_credit(line[: m.start()], table.credit_cues):
                name = " ".join(m.group("name").split()).strip(" .-")  # no-break spaces
                return table.hosts.get(name.lower(), name)
    return None


def _is_credit(before: str, cues: tuple[str, ...]) -> bool:
    """ "Crédits photo : © Agence X": the clue names who took the picture, not the outlet."""
    folded = before.lower()
    return any(cue in folded for cue in cues)


def find_outlet(
    url: str | None, sitename: str | None, boilerplate: Iterable[str], table: OutletTable
) -> str | None:
    """Known host name, else the page's own site name, else the bare host, else clues."""
    host = host_of(url)
    known = outlet_from_host(host, table) if host else None
    if known:
        return known
    if sitename and sitename.strip():
        return sitename.strip()
    return host or outlet_from_clues(boilerplate, table)


# A byline: "By Tom Ashworth, Courts Reporter", "Par Marie Dupont et Paul Martin (AFP)".
BYLINE = re.compile(
    r"^\s*(?:by|par|text by|texte de)\s+(?P<names>[A-ZÀ-Ý][\w'’. -]+?"
    r"(?:\s+(?:and|et|&)\s+[A-ZÀ-Ý][\w'’. -]+?)?)\s*(?:[,(|–-].*)?$",
    re.IGNORECASE,
)
# Bylines sit in the page header: only the first lines are looked at, and a byline is short.
BYLINE_HEAD_LINES = 25
BYLINE_MAX_WORDS = 12


def authors_from_lines(lines: list[str]) -> list[str]:
    """Names from the first byline in the page's header lines (plain-text dumps)."""
    for line in lines[:BYLINE_HEAD_LINES]:
        if len(line.split()) > BYLINE_MAX_WORDS:
            continue
        m = BYLINE.match(line)
        if m and m.group("names")[0].isupper():
            names = re.split(r"\s+(?:and|et|&)\s+", m.group("names"))
            return [n.strip(" .") for n in names if len(n.split()) <= 4]
    return []
