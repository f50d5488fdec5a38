"""Ingest: turn paths (files, directories, gzip, JSON Lines, stdin) into ``Page`` objects.

Every input yields either a ``Page`` or a ``Rejected`` record naming the input and the
reason; nothing here stops the run. Decoding bytes to text is part of this step too
(``decode``), so later steps only ever see ``str``.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from .errors import InputError, Skip
from .model import TEXT_HTML, TEXT_PLAIN, Page
from .settings import Settings

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES
# A directory holding one of these uses it as its manifest automatically.
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
# Leading bytes of common binary formats (checked besides NUL bytes).
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
SNIFF_BYTES = 4096
# What a truncated or corrupt gzip stream raises while being read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True, slots=True)
class Rejected:
    source: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    url: str | None
    date: str | None


Manifest = dict[str, ManifestEntry]
Item = Page | Rejected


def _strip_gz(path: Path) -> tuple[str, bool]:
    name = path.name.lower()
    return (name[:-3], True) if name.endswith(".gz") else (name, False)


def suffix_of(path: Path) -> str:
    name, _ = _strip_gz(path)
    return Path(name).suffix


def _open(path: Path) -> BinaryIO:
    raw = path.open("rb")
    return gzip.GzipFile(fileobj=raw) if _strip_gz(path)[1] else raw  # type: ignore[return-value]


def read_bytes(path: Path, settings: Settings) -> bytes:
    """Read a file (gunzipping ``.gz``) with the size limit applied; raise ``Skip``."""
    try:
        with _open(path) as stream:
            data = stream.read(settings.max_bytes + 1)
    except GZIP_ERRORS as exc:
        raise Skip("bad-gzip", f"truncated or corrupt gzip ({exc})") from None
    except OSError as exc:
        raise Skip("unreadable", f"cannot read ({exc.strerror or exc})") from None
    if len(data) > settings.max_bytes:
        raise Skip("too-large", f"larger than the {settings.max_bytes:,}-byte limit")
    return data


def sniff_type(data: bytes) -> str:
    head = data[:SNIFF_BYTES].lstrip().lower()
    markers = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")
    return TEXT_HTML if head.startswith(markers) else TEXT_PLAIN


def content_type(path: Path, data: bytes) -> str:
    suffix = suffix_of(path)
    if suffix in HTML_SUFFIXES:
        return TEXT_HTML
    if suffix in TEXT_SUFFIXES:
        return TEXT_PLAIN
    return sniff_type(data)


# Among equally likely legacy encodings, the one to prefer: cp1252 is by far the most common
# legacy encoding of Western European web pages (and what browsers read latin-1 as).
PREFERRED_LEGACY = "cp1252"
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _declared(head: bytes) -> str | None:
    m = DECLARED_CHARSET.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _guess(data: bytes) -> str | None:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    ties = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(PREFERRED_LEGACY in m.could_be_from_charset for m in ties):
        return data.decode(PREFERRED_LEGACY, errors="replace")
    return str(best)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the declared charset, else charset-normalizer."""
    head = data[:SNIFF_BYTES]
    if not data.strip():
        raise Skip("empty", "empty input")
    if b"\x00" in head or head.startswith(BINARY_MAGIC):
        raise Skip("binary", "binary content, not text or HTML")
    text = _try(data, "utf-8-sig") or _try(data, _declared(head)) or _guess(data)
    if text is None:
        raise Skip("undecodable", "cannot detect a text encoding")
    return text


def _try(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _page(path: Path, shown: str, data: bytes, entry: ManifestEntry | None) -> Page:
    url = entry.url if entry else None
    date = entry.date if entry else None
    key = url or str(path.resolve())
    return Page(data, shown, content_type(path, data), url=url, user_date=date, key=key)


def _jsonl_record(obj: Any, source: str) -> Page:
    if not isinstance(obj, dict):
        raise Skip("bad-record", "JSON line is not an object")
    html, text = obj.get("html"), obj.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str):
        raise Skip("bad-record", "record has neither 'html' nor 'text'")
    kind = TEXT_HTML if body is html else TEXT_PLAIN
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    date = obj.get("date") if isinstance(obj.get("date"), str) else None
    key = url or f"{source}"
    return Page(
        body.encode("utf-8"),
        source,
        kind,
        url=url,
        user_date=date,
        key=key,
        fetched=obj.get("fetched") if isinstance(obj.get("fetched"), str) else None,
    )


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of a stream, read one at a time; ``None`` for a line over ``limit`` bytes."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_item(line: bytes | None, source: str, limit: int) -> Item:
    if line is None:
        return Rejected(source, "too-large", f"record larger than the {limit:,}-byte limit")
    try:
        return _jsonl_record(json.loads(line), source)
    except json.JSONDecodeError as exc:
        return Rejected(source, "bad-json", f"invalid JSON ({exc.msg})")
    except Skip as skip:
        return Rejected(source, skip.code, skip.reason)


def iter_jsonl(stream: BinaryIO, shown: str, settings: Settings) -> Iterator[Item]:
    """One page per JSON line, streamed (no size limit on the file, one per record); a bad
    line is rejected alone (``file.jsonl#L7``)."""
    n = 0
    try:
        for n, line in enumerate(_lines(stream, settings.max_bytes), start=1):
            if line is None or line.strip():
                yield _jsonl_item(line, f"{shown}#L{n}", settings.max_bytes)
    except GZIP_ERRORS as exc:
        yield Rejected(f"{shown}#L{n + 1}", "bad-gzip", f"truncated or corrupt gzip ({exc})")
    except OSError as exc:
        yield Rejected(shown, "unreadable", f"cannot read ({exc.strerror or exc})")


def iter_jsonl_file(path: Path, shown: str, settings: Settings) -> Iterator[Item]:
    try:
        stream = _open(path)
    except OSError as exc:
        yield Rejected(shown, "unreadable", f"cannot read ({exc.strerror or exc})")
        return
    with stream:
        yield from iter_jsonl(stream, shown, settings)


def iter_file(path: Path, shown: str, settings: Settings, manifest: Manifest) -> Iterator[Item]:
    if suffix_of(path) in JSONL_SUFFIXES:
        yield from iter_jsonl_file(path, shown, settings)
        return
    try:
        data = read_bytes(path, settings)
    except Skip as skip:
        yield Rejected(shown, skip.code, skip.reason)
        return
    yield _page(path, shown, data, manifest.get(str(path.resolve())))


def walk(root: Path) -> Iterator[Path]:
    """Known files under ``root``, sorted, hidden files and folders left out."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if any(p.startswith(".") for p in rel) or not path.is_file():
            continue
        if suffix_of(path) in KNOWN_SUFFIXES:
            yield path


def _dir_manifest(root: Path) -> Manifest:
    for name in MANIFEST_NAMES:
        if (root / name).is_file():
            return load_manifest(root / name)
    return {}


def iter_path(arg: str, settings: Settings, manifest: Manifest) -> Iterator[Item]:
    """Pages from one command-line argument: a file, a directory, or ``-`` for stdin."""
    if arg == "-":
        yield from iter_stdin(settings)
        return
    path = Path(arg)
    if path.is_dir():
        merged = {**_dir_manifest(path), **manifest}
        for file in walk(path):
            yield from iter_file(file, str(file), settings, merged)
    elif path.exists():
        yield from iter_file(path, arg, settings, manifest)
    else:
        yield Rejected(arg, "missing", "no such file or directory")


def iter_stdin(settings: Settings) -> Iterator[Item]:
    """Standard input: JSON Lines (streamed) when it starts with ``{``, else one page."""
    stream = io.BufferedReader(sys.stdin.buffer)  # type: ignore[type-var]
    if stream.peek(SNIFF_BYTES)[:SNIFF_BYTES].lstrip().startswith(b"{"):
        yield from iter_jsonl(stream, "stdin", settings)
        return
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield Rejected("-", "too-large", f"larger than the {settings.max_bytes:,}-byte limit")
        return
    yield Page(data, "stdin", sniff_type(data), key=f"stdin:{hashlib.sha256(data).hexdigest()}")


def iter_pages(args: list[str], settings: Settings) -> Iterator[Item]:
    manifest = load_manifest(settings.manifest) if settings.manifest else {}
    for arg in args:
        for item in iter_path(arg, settings, manifest):
            yield _with_user_date(item, settings)


def _with_user_date(item: Item, settings: Settings) -> Item:
    if isinstance(item, Page) and settings.user_date:
        return replace(item, user_date=settings.user_date)
    return item


def _manifest_rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in JSONL_SUFFIXES:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return list(csv.DictReader(io.StringIO(text)))


def load_manifest(path: Path) -> Manifest:
    """Manifest rows ``path, url, date`` (CSV with a header, or JSON Lines).

    Paths are relative to the manifest's folder; keys are absolute resolved paths.
    """
    try:
        rows = _manifest_rows(path)
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read manifest ({exc})") from None
    out: Manifest = {}
    for row in rows:
        if not isinstance(row, dict) or not row.get("path"):
            raise InputError(f"{path}: every manifest row needs a 'path'")
        key = str((path.parent / str(row["path"])).resolve())
        out[key] = ManifestEntry(row.get("url") or None, row.get("date") or None)
    return out
