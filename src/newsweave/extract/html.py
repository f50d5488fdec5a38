"""HTML article extraction: trafilatura for the main text, one lxml parse for everything.

The page is parsed once (with trafilatura's own loader, so the tree is the one trafilatura
would build). Metadata (title, authors, site, canonical URL, language, description and the
publication date with its evidence) is read from that tree with a few cheap lookups, then
the tree is handed to ``trafilatura.bare_extraction`` (which works on its own copy). We do
not use trafilatura's ``with_metadata``: its author/category/tag/licence scans cost about a
third of the extraction time and we need only a few fields.

Modes (``Settings.html_mode``), measured on the 181 ScrapingHub pages (docs/extraction.md):
``precision`` = trafilatura ``favor_precision`` (best F1), ``balanced`` = trafilatura
default, ``recall`` = ``favor_recall``. Comments are never extracted: they are not article
text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from htmldate.extractors import regex_parse, try_date_expr
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.json_metadata import normalize_authors
from trafilatura.settings import Document, Extractor
from trafilatura.utils import load_html

from newsweave.model import DateEvidence, PartialDate
from newsweave.settings import Settings

__all__ = ["HtmlExtraction", "extract_html", "extractor_name", "trafilatura_options"]

MODES = ("precision", "balanced", "recall")


@dataclass(frozen=True)
class HtmlExtraction:
    text: str  # main text, one paragraph per line ("\n" separated), no title
    title: str | None
    authors: list[str]
    sitename: str | None
    url: str | None  # canonical URL from the page if any
    language: str | None  # primary language subtag from <html lang> / meta, e.g. "fr"
    description: str | None
    date: DateEvidence | None  # publication date from HTML metadata, with evidence
    kept: tuple[str, ...]  # XPaths of the source elements the paragraphs came from


def extractor_name(settings: Settings) -> str:
    """Provenance label, e.g. ``trafilatura-2.3.1/precision``."""
    from trafilatura import __version__

    return f"trafilatura-{__version__}/{settings.html_mode}"


@lru_cache(maxsize=8)
def trafilatura_options(mode: str) -> Extractor:
    """The trafilatura configuration used for ``mode`` (shared, never mutated)."""
    if mode not in MODES:
        raise ValueError(f"unknown html_mode {mode!r}: expected one of {sorted(MODES)}")
    precision, recall = mode == "precision", mode == "recall"
    return Extractor(output_format="python", comments=False, precision=precision, recall=recall)


def extract_html(html: str, url: str | None, settings: Settings) -> HtmlExtraction:
    """Main text and metadata of one HTML page (empty text if there is no article)."""
    options = trafilatura_options(settings.html_mode)
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return _empty()
    meta = _Meta.read(tree, url)
    published = meta.date(tree)
    text, kept = _main_text(tree, options, meta.title)
    return HtmlExtraction(
        text=text,
        title=meta.title,
        authors=meta.authors,
        sitename=meta.sitename,
        url=meta.url,
        language=meta.language,
        description=meta.description,
        date=published,
        kept=tuple(kept),
    )


def _empty() -> HtmlExtraction:
    return HtmlExtraction("", None, [], None, None, None, None, None, ())


# ---------------------------------------------------------------- main text and provenance

_MARK = "data-nw-id"  # numbers the source blocks; trafilatura keeps it on most elements it moves
_SOURCE_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre",
                "table")  # fmt: skip
_FAMILY = {  # trafilatura output tag -> source tags it is converted from
    "p": ("p",), "list": ("ul", "ol", "dl"), "quote": ("blockquote",), "code": ("pre",),
    "table": ("table",), "head": ("h1", "h2", "h3", "h4", "h5", "h6"),
}  # fmt: skip


def _mark_sources(tree: HtmlElement) -> list[HtmlElement]:
    """Number the block elements of the source tree (cheap: no div, no inline tags)."""
    blocks = list(tree.iter(*_SOURCE_TAGS))
    for number, el in enumerate(blocks):
        el.set(_MARK, str(number))
    return blocks


def _main_text(tree: HtmlElement, options: Extractor, title: str | None) -> tuple[str, list[str]]:
    """(text, source XPaths) from trafilatura, without a leading copy of the title."""
    blocks = _mark_sources(tree)
    doc = bare_extraction(tree, options=options)
    if not isinstance(doc, Document) or doc.body is None or not doc.text:
        return "", []
    lines = [" ".join(line.split()) for line in doc.text.splitlines()]
    lines = [line for line in lines if line]
    outputs = list(doc.body)
    if lines and title and _norm(lines[0]) == _norm(title):
        lines = lines[1:]
        if outputs and _norm(" ".join(outputs[0].itertext())) == _norm(title):
            outputs = outputs[1:]
    return "\n".join(lines), _provenance(tree, blocks, outputs)


_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _provenance(tree: HtmlElement, blocks: list[HtmlElement], outputs: list[Any]) -> list[str]:
    """XPaths of the source elements of trafilatura's output blocks (best effort)."""
    root = tree.getroottree()
    by_line: dict[int | None, list[HtmlElement]] = {}
    paths: list[str] = []
    for out in outputs:
        mark = out.get(_MARK)
        source = blocks[int(mark)] if mark is not None else _by_line(out, blocks, by_line)
        path = root.getpath(source) if source is not None else None
        if path and path not in paths:
            paths.append(path)
    return paths


def _by_line(
    out: Any, blocks: list[HtmlElement], by_line: dict[int | None, list[HtmlElement]]
) -> HtmlElement | None:
    """The one source block of the same kind on the same source line, if unambiguous."""
    if not by_line:
        for el in blocks:
            by_line.setdefault(el.sourceline, []).append(el)
    family = _FAMILY.get(out.tag, ())
    found = [el for el in by_line.get(out.sourceline, []) if el.tag in family]
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------- metadata

_DATE_META = (  # explicit publication-date keys, best first (property / name / itemprop)
    "article:published_time", "og:article:published_time", "datepublished",
    "article.published", "article:published", "parsely-pub-date", "sailthru.date",
    "pubdate", "pub_date", "publish-date", "publishdate", "publish_date", "og:pubdate",
    "published_time_telegram", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "dcterms.date", "dc.date", "date", "published", "published_at",
)  # fmt: skip
_TIME_XPATH = XPath('.//time[@itemprop="datePublished"][@datetime]|.//time[@pubdate][@datetime]')
_PUB_XPATH = XPath('.//*[contains(@class, "pub")]')  # one contains() is 2x cheaper than three
_PUB_CLASS = re.compile(r"publish|pub-?date", re.IGNORECASE)
_CLASS_TRIES = 4
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage|Posting")


@dataclass
class _Meta:
    """The page's <meta>, <link rel=canonical>, <html lang> and JSON-LD, read once."""

    metas: dict[str, str]
    ld: dict[str, Any]
    canonical: str | None
    lang: str | None
    page_url: str | None

    page_title: str | None = None  # <title>, or the page's only <h1>

    @classmethod
    def read(cls, tree: HtmlElement, url: str | None) -> _Meta:
        link = tree.find('.//link[@rel="canonical"]')
        canonical = link.get("href") if link is not None else None
        metas, scripts = _scan(tree)
        meta = cls(metas, _json_ld(scripts), canonical, tree.get("lang"), url)
        if not (meta.first("og:title", "twitter:title") or _text(meta.ld.get("headline"))):
            meta.page_title = _page_title(tree)
        return meta

    def first(self, *keys: str) -> str | None:
        return next((self.metas[k] for k in keys if k in self.metas), None)

    @property
    def title(self) -> str | None:
        found = self.first("og:title", "twitter:title") or _text(self.ld.get("headline"))
        return _strip_site(_clean(found or self.page_title), self.sitename)

    @property
    def authors(self) -> list[str]:
        raw: str | None = None
        for name in _ld_names(self.ld.get("author")):
            raw = normalize_authors(raw, name)
        if raw is None:
            found = self.first("author", "parsely-author", "sailthru.author", "dc.creator", "byl")
            raw = normalize_authors(None, found) if found else None
        names = [a.strip() for a in raw.split(";")] if raw else []
        return [a for a in names if " " in a]  # as trafilatura: "RT", "PMJS" are not bylines

    @property
    def sitename(self) -> str | None:
        publisher = next(iter(_ld_names(self.ld.get("publisher"))), None)
        found = _clean(self.first("og:site_name", "application-name") or publisher)
        return found.lstrip("@") or None if found else None

    @property
    def url(self) -> str | None:
        """The canonical (else og:url) address, made absolute; None if it cannot be."""
        found = (self.canonical or self.first("og:url") or "").strip()
        absolute = urljoin(self.page_url, found) if found and self.page_url else found
        return absolute if absolute.startswith(("http://", "https://")) else None

    @property
    def language(self) -> str | None:
        raw = self.lang or self.first("content-language", "og:locale", "language")
        match = re.match(r"\s*([A-Za-z]{2,3})(?:$|[-_\s,])", raw or "")
        return match.group(1).lower() if match else None

    @property
    def description(self) -> str | None:
        return _clean(self.first("og:description", "description", "twitter:description"))

    def date(self, tree: HtmlElement) -> DateEvidence | None:
        """Explicit publication-date markup first, htmldate as the fallback."""
        return (
            self._date_from_meta(_DATE_META[:2])
            or self._date_from_ld()
            or self._date_from_meta(_DATE_META[2:])
            or _date_from_time(tree)
            or _date_from_class(tree)
            or _date_from_htmldate(tree)
        )

    def _date_from_meta(self, keys: tuple[str, ...]) -> DateEvidence | None:
        for key in keys:
            value = self.metas.get(key)
            parsed = _parse_date(value) if value else None
            if parsed:
                return DateEvidence(parsed, "html-meta", f"meta[{key}]={value}", 0.9)
        return None

    def _date_from_ld(self) -> DateEvidence | None:
        value = _text(self.ld.get("datePublished"))
        parsed = _parse_date(value) if value else None
        if not parsed:
            return None
        return DateEvidence(parsed, "html-meta", f"json-ld:datePublished={value}", 0.9)


def _page_title(tree: HtmlElement) -> str | None:
    """The only <h1> if there is exactly one, else the <title> element."""
    heads = tree.findall(".//h1")
    if len(heads) == 1 and heads[0].text_content().strip():
        return str(heads[0].text_content())
    title = tree.find(".//title")
    return str(title.text_content()) if title is not None else None


_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•]\s+")


def _strip_site(title: str | None, sitename: str | None) -> str | None:
    """'Some headline | Site' -> 'Some headline' when the last part names the site."""
    if not title or not sitename:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    last, site = _norm(parts[-1]), _norm(sitename)
    if last and (last in site or site in last):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•") or title
    return title


def _scan(tree: HtmlElement) -> tuple[dict[str, str], list[str]]:
    """One walk: first content of each <meta> key (lowercased), and the JSON-LD scripts."""
    metas: dict[str, str] = {}
    scripts: list[str] = []
    for el in tree.iter("meta", "script"):
        if el.tag == "script":
            if el.get("type") == "application/ld+json" and el.text:
                scripts.append(el.text)
            continue
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            metas.setdefault(key.strip().lower(), content.strip())
    return metas, scripts


def _json_ld(scripts: list[str]) -> dict[str, Any]:
    """The page's main JSON-LD object: the first article-like one, else the first one."""
    objects = list(_ld_objects(scripts))
    typed = (o for o in objects if _ARTICLE_TYPES.search(str(o.get("@type", ""))))
    return next(typed, objects[0] if objects else {})


def _ld_objects(scripts: list[str]) -> Iterator[dict[str, Any]]:
    for text in scripts:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        yield from _flatten_ld(data)


def _flatten_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item)
    elif isinstance(data, dict):
        if isinstance(data.get("@graph"), list):
            yield from _flatten_ld(data["@graph"])
        if "@type" in data:
            yield data


def _ld_names(value: Any) -> list[str]:
    """Names in a JSON-LD person/organisation value (string, object or list of them)."""
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    text = _text(value)
    return [text] if text else []


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


# ---------------------------------------------------------------- dates

_ISO_DATE = re.compile(
    r"\s*(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)
_COMPACT_DATE = re.compile(r"\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$")
_CLOCK = re.compile(
    r"\b(?P<H>[01]?\d|2[0-3])[:h](?P<M>[0-5]\d)\b(?:\s*(?P<ampm>[AaPp])\.?[Mm]\b\.?)?"
)
_MIN_DATE = datetime(1990, 1, 1)


def _parse_date(value: str) -> PartialDate | None:
    """A plausible date from a metadata value; hour:minute kept when written (offset dropped)."""
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    parsed = _from_match(match) if match else _parse_words(value)
    return parsed if parsed and _plausible(parsed) else None


def _from_match(match: re.Match[str]) -> PartialDate:
    parts = {k: int(v) if v else None for k, v in match.groupdict().items()}
    return PartialDate(parts["y"], parts["m"], parts["d"], parts.get("H"), parts.get("M"))


def _parse_words(value: str) -> PartialDate | None:
    """'Published 2:16 AM EST Nov 20, 2019', '19.11.2019': htmldate's parsers, plus the clock."""
    found = regex_parse(value)
    day = found.strftime("%Y-%m-%d") if found else None
    day = day or try_date_expr(value, "%Y-%m-%d", False, _MIN_DATE, _max_date())
    if not day:
        return None
    parsed = PartialDate.parse(day)
    hour, minute = _clock(value)
    return PartialDate(parsed.year, parsed.month, parsed.day, hour, minute)


def _clock(value: str) -> tuple[int | None, int | None]:
    """Hour and minute written in ``value`` ("9:02 AM", "23:34", "08h00"), if any."""
    match = _CLOCK.search(value)
    if not match:
        return None, None
    hour, ampm = int(match["H"]), (match["ampm"] or "").lower()
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return hour, int(match["M"])


def _max_date() -> datetime:
    return datetime.now() + timedelta(days=1)


def _plausible(value: PartialDate) -> bool:
    """A real calendar day between 1990 and tomorrow, with a real time if any."""
    try:
        day = datetime(value.year or 0, value.month or 0, value.day or 0)
    except ValueError:
        return False
    clock_ok = value.hour is None or (value.hour < 24 and (value.minute or 0) < 60)
    return clock_ok and _MIN_DATE <= day <= _max_date()


def _date_from_time(tree: HtmlElement) -> DateEvidence | None:
    """``<time itemprop="datePublished" datetime=...>`` or ``<time pubdate datetime=...>``."""
    for el in _TIME_XPATH(tree):
        value = el.get("datetime", "")
        parsed = _parse_date(value)
        if parsed:
            attr = "itemprop=datePublished" if el.get("itemprop") else "pubdate"
            return DateEvidence(parsed, "html-meta", f"time[{attr}]={value}", 0.8)
    return None


def _date_from_class(tree: HtmlElement) -> DateEvidence | None:
    """A short visible stamp in an element classed like "publish-date" or "pub-date"."""
    found = (el for el in _PUB_XPATH(tree) if _PUB_CLASS.search(el.get("class", "")))
    for el in itertools.islice(found, _CLASS_TRIES):
        text = " ".join(el.text_content().split())
        parsed = _parse_date(text) if 6 <= len(text) <= 80 else None
        if parsed:
            where = f'{el.tag}[class="{el.get("class", "").strip()}"]'
            return DateEvidence(parsed, "html-meta", f"{where}={text}", 0.75)
    return None


def _date_from_htmldate(tree: HtmlElement) -> DateEvidence | None:
    """htmldate's original-date search: markup first; its free-text scan only if that fails.

    The free-text scan finds a date on 2 of the 181 benchmark pages that have no markup date
    ("publiziert am 25. September 2018"); it costs nothing on the pages that do.
    """
    for extensive, confidence in ((False, 0.6), (True, 0.4)):
        found = find_date(
            tree, extensive_search=extensive, original_date=True, deferred_url_extractor=True
        )
        if found:
            how = "extensive" if extensive else "original"
            return DateEvidence(
                PartialDate.parse(found), "html-meta", f"htmldate:{how}", confidence
            )
    return None
