"""Extract: one decoded ``Page`` in, one clean ``Article`` out (or a ``Skip``).

HTML goes through trafilatura (``html.py``); plain-text dumps through the line classifier
(``textlines.py``). Both end in the same metadata steps: language, outlet, publication date.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from py3langid.langid import LanguageIdentifier

from ..errors import Skip
from ..ingest import decode
from ..model import TEXT_HTML, Article, DateEvidence, Page, Provenance
from ..settings import Settings
from . import dates, meta
from .html import extract_html, extractor_name
from .textlines import (
    LineModel,
    TextExtraction,
    extract_lines,
    extract_lines_batch,
    load_model,
)

TEXTLINES_VERSION = "textlines/1"
_WORD = re.compile(r"\w+")
log = logging.getLogger("newsweave")


@dataclass(frozen=True)
class Models:
    """Everything extraction loads once per process and passes in."""

    lines: LineModel
    langid: LanguageIdentifier
    outlets: meta.OutletTable


def load_models(settings: Settings) -> Models:
    outlets = meta.load_outlets(settings.outlets_file)
    return Models(load_model(), meta.load_langid(settings.languages), outlets)


@dataclass
class Parts:
    """What a format-specific extractor found, before the shared metadata steps."""

    paragraphs: list[str]
    title: str | None
    lede: str | None
    provenance: Provenance
    lines: list[str]  # every line of the page's text, for date stamps
    boilerplate: list[str]  # dropped lines, for outlet clues
    url: str | None
    meta_date: DateEvidence | None = None
    authors: list[str] = field(default_factory=list)
    sitename: str | None = None
    lang_hint: str | None = None


def lines_of(pages: Sequence[Page | None], models: Models) -> list[TextExtraction | None]:
    """The line classifier run once over all plain-text pages of a batch (``None`` for HTML,
    missing and undecodable pages, and for all of them if the batch fails: ``extract`` then
    handles each page on its own, skips and errors included)."""
    texts: dict[int, str] = {}
    for i, page in enumerate(pages):
        if page is not None and page.content_type != TEXT_HTML:
            try:
                texts[i] = decode(page.data)
            except Skip:
                continue
    out: list[TextExtraction | None] = [None] * len(pages)
    try:
        found = extract_lines_batch(list(texts.values()), models.lines)
    except Exception as exc:  # the pages are retried one by one, where a failure is reported
        log.debug("batched line extraction failed: %s: %s", type(exc).__name__, exc)
        return out
    for i, lines in zip(texts, found, strict=True):
        out[i] = lines
    return out


def from_text(found: TextExtraction, page: Page) -> Parts:
    dropped = [
        ln for ln, lab in zip(found.lines, found.labels, strict=True) if lab == "boilerplate"
    ]
    prov = Provenance("lines", tuple(found.kept), TEXTLINES_VERSION)
    parts = Parts(found.body, found.title, found.lede, prov, found.lines, dropped, page.url)
    parts.authors = meta.authors_from_lines(dropped)
    return parts


def _lede(paragraphs: list[str], description: str | None) -> str | None:
    if not paragraphs or not description:
        return None
    first, desc = paragraphs[0].strip(), description.strip()
    same = first[:60].casefold() == desc[:60].casefold()
    return first if same and len(desc) >= 40 else None


def from_html(text: str, page: Page, settings: Settings) -> Parts:
    found = extract_html(text, page.url, settings)
    paragraphs = [p for p in found.text.split("\n") if p.strip()]
    lede = _lede(paragraphs, found.description)
    body = paragraphs[1:] if lede else paragraphs
    prov = Provenance("html", found.kept, extractor_name(settings))
    lines = ([found.title] if found.title else []) + paragraphs
    return Parts(
        body, found.title, lede, prov, lines, [], page.url or found.url, found.date,
        found.authors, found.sitename, found.language,
    )  # fmt: skip


def _date(
    parts: Parts, page: Page, body: list[str], lang: str | None
) -> tuple[DateEvidence | None, list[DateEvidence]]:
    origin = "manifest/--date"
    user = dates.user_evidence(page.user_date, origin)
    english = lang == "en"
    return dates.publication_date(parts.lines, body, parts.url, parts.meta_date, user, english)


def extract(
    page: Page, models: Models, settings: Settings, lines: TextExtraction | None = None
) -> Article:
    """The whole extraction of one page; raises ``Skip`` for expected drops. ``lines``: the
    page's line extraction when already done with its batch (``lines_of``)."""
    if page.content_type == TEXT_HTML:
        parts = from_html(decode(page.data), page, settings)
    else:
        found = extract_lines(decode(page.data), models.lines) if lines is None else lines
        parts = from_text(found, page)
    body = ([parts.lede] if parts.lede else []) + parts.paragraphs
    article_text = "\n".join(p.strip() for p in body)
    if len(_WORD.findall(article_text)) < settings.min_words:
        raise Skip("no-text", "no article text found")
    lang = meta.detect_language(article_text, models.langid, parts.lang_hint)
    published, candidates = _date(parts, page, body, lang)
    outlet = meta.find_outlet(parts.url, parts.sitename, parts.boilerplate, models.outlets)
    return Article(
        source=page.source, key=page.key, text=article_text, title=parts.title,
        lede=parts.lede, language=lang, outlet=outlet, url=parts.url, authors=parts.authors,
        published=published, date_candidates=candidates, provenance=parts.provenance,
        page_hash=page.page_hash, stages=["extract"],
    )  # fmt: skip
