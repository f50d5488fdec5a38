"""The one data model: a raw ``Page`` goes in, an ``Article`` comes out.

Everything later stages add to an article (entities, quotes, numbers, date mentions)
is a ``Span``: character offsets into ``Article.text``, never a copied string.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.2"

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input document, as read by ``ingest``."""

    data: bytes
    source: str  # input path or URL as the user gave it
    content_type: str  # TEXT_PLAIN or TEXT_HTML
    url: str | None = None
    fetched: str | None = None  # ISO time the crawler fetched it, if known
    user_date: str | None = None  # date from the manifest or --date (ISO, may be partial)
    key: str = ""  # identity of the document across runs: url, else absolute path

    @property
    def page_hash(self) -> str:
        """Hash of the input as given: bytes plus the metadata the user attached to it."""
        h = hashlib.sha256(self.data)
        h.update(f"\0{self.url or ''}\0{self.user_date or ''}".encode())
        return h.hexdigest()


_ISO_RE = re.compile(
    r"^(?:(?P<y>\d{4})|-)-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?:T(?P<H>\d{2}):(?P<M>\d{2}))?$"
    r"|^(?P<y2>\d{4})$"
)


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known only to some precision. A missing year stays missing."""

    year: int | None
    month: int | None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    def iso(self) -> str:
        """ISO 8601 at the precision known: 2020-10-31, 2020-10-31T09:55, --11-05, 2020-10."""
        if self.month is None:
            return f"{self.year:04d}" if self.year is not None else ""
        head = f"{self.year:04d}" if self.year is not None else "-"
        out = f"{head}-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
            if self.hour is not None:
                out += f"T{self.hour:02d}:{(self.minute or 0):02d}"
        return out

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Inverse of ``iso``; also accepts ``2020-10-31 09:55`` and full timestamps."""
        text = value.strip().replace(" ", "T")[:16]
        m = _ISO_RE.match(text)
        if not m:
            raise ValueError(f"not an ISO date: {value!r}")
        if m.group("y2"):
            return cls(int(m.group("y2")), None)
        g = {k: (int(v) if v else None) for k, v in m.groupdict().items() if k != "y2"}
        return cls(g["y"], g["m"], g["d"], g["H"], g["M"])


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """Where a publication date came from.

    ``source`` is one of: user, html-meta, url, image-path, text-stamp, story.
    ``text`` is the exact text or path the date was read from.
    """

    value: PartialDate
    source: str
    text: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value.iso(),
            "source": self.source,
            "text": self.text,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Span:
    """An annotation: ``text[start:end]`` of the article it belongs to."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which parts of the page were kept.

    For plain text: ``kept`` holds 0-based line numbers of the decoded page.
    For HTML: ``kept`` holds XPaths of the elements the text came from.
    """

    kind: str  # "lines" or "html"
    kept: tuple[Any, ...]
    extractor: str  # e.g. "textlines/1" or "trafilatura-2.3.1/precision"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "kept": list(self.kept), "extractor": self.extractor}


@dataclass(slots=True)
class Article:
    """A clean article. ``text`` holds the lede (if any) and body, one paragraph a line."""

    source: str
    key: str
    text: str
    title: str | None
    lede: str | None
    language: str | None
    outlet: str | None
    url: str | None
    authors: list[str]
    published: DateEvidence | None
    date_candidates: list[DateEvidence]
    provenance: Provenance
    page_hash: str
    annotations: dict[str, list[Span]] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    id: int | None = None
    revision: int = 1
    story_id: int | None = None  # set by the stories stage (stored in story_members)

    @property
    def content_hash(self) -> str:
        """Hash of what the article says and its key metadata, not of the page bytes."""
        date = self.published.value.iso() if self.published else ""
        blob = f"{self.url or ''}\n{date}\n{self.title or ''}\n{self.text}".encode()
        return hashlib.sha256(blob).hexdigest()

    @property
    def needs_year(self) -> bool:
        """Hook for the stories stage: a date is known but its year is not."""
        return self.published is not None and not self.published.value.has_year
