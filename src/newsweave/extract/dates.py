"""Publication date with evidence, from the URL, image paths and date stamps in the page.

Rules (never broken):
- a date without a year stays without a year: no current year, no "latest year whose
  weekday fits"; settling the year is left to the stories stage (``Article.needs_year``);
- a date given by the user (manifest or ``--date``) wins and is recorded as ``user``;
- every candidate keeps the exact text or path it was read from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import DateEvidence, PartialDate

# Month and weekday names (fr, en), lower-case, accents optional where writers drop them.
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5,
    "sun": 6,
}  # fmt: skip

# Words that open a publication/update stamp. A date on such a line, or on a short line
# that is nothing but a date, is a stamp; a date inside a body sentence is only a clue.
STAMP_WORDS = re.compile(
    r"^\W*(publié|mis à jour|mise à jour|dernière mise à jour|modifié|actualisé|"
    r"published|updated|posted|last updated|first published|date)\b",
    re.IGNORECASE,
)
# A stamp after the outlet or the byline on the same line: "Le Monde avec AFP Publié le 21
# février 2011 à 16h56 - Mis à jour le …" (a Le Monde page of ml_crisis_tls, whose date was
# missed). Mid-line only the capitalised forms count, right before the date: in prose "un
# rapport publié le 3 mars" is lower case.
_CAPITAL_STAMP = r"\s(?:Publié|Mis\w? à jour|Modifié|Actualisé|Published|Updated|Posted)"
INLINE_STAMP = re.compile(_CAPITAL_STAMP + r"(?:\s+(?:le|on))?\s+$")
_INLINE_STAMP_WORD = re.compile(_CAPITAL_STAMP + r"\s")
# A "date-only" line: at most this many words besides the date itself. Calibrated on the
# seeds and the sample corpus: datelines such as "Mardi 3 mars 2026, 08h15" have <= 4.
STAMP_MAX_EXTRA_WORDS = 4
# Stamps are looked for in the first lines of a dump only (header area) or on lines that
# start with a stamp word anywhere.
STAMP_HEAD_LINES = 15

# Image/asset file names that carry the date of the asset, not of the article.
ASSET_NOISE = re.compile(r"placeholder|logo|default|icon|sprite|avatar|favicon|banner", re.I)

CONFIDENCE = {
    "user": 1.0,
    "html-meta": 0.9,
    "url": 0.85,
    "text-stamp": 0.8,
    "image-path": 0.45,
    "image-path+clue": 0.7,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_TIME = (
    r"(?:(?:à|a|at|,)?\s*(?P<H>\d{1,2})\s*(?:h|:)\s*(?P<M>\d{2})\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?)"
)
_YEAR = r"(?P<y>(?:19|20)\d{2})"
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 05/11, 05/11/2020, 5.11.20 (day first unless the page is English)
    re.compile(
        r"(?<![\d/])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>(?:19|20)?\d{2}))?(?![\d/])"
    ),
    # 2020-10-31
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    # (samedi) 31 octobre (2020)
    re.compile(
        rf"(?:(?P<wd>{_WD_ALT})\.?,?\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<mon>{_MONTH_ALT})\.?"
        rf"(?:,?\s+{_YEAR})?(?![\w])",
        re.IGNORECASE,
    ),
    # (Tuesday,) March 3(, 2026)
    re.compile(
        rf"(?:(?P<wd>{_WD_ALT})\.?,?\s+)?(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+{_YEAR})?(?![\w])",
        re.IGNORECASE,
    ),
)
TIME_RE = re.compile(_TIME, re.IGNORECASE)
_DIGIT = re.compile(r"\d")
URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})(?:[/-](?P<d>\d{1,2}))?(?=[/_-])")
PATH_TOKEN = re.compile(r"\S*/(?:19|20)\d{2}/\d{1,2}/\d{1,2}/\S*")
# Only a picture's path dates the page: a dated link to another article in the text
# ("http://www.lemonde.fr/europe/article/2008/12/20/les-viols…", "Lire aussi") dated 4 of the
# 469 ml_crisis_tls French dumps to the linked article's day (one to 2008 for a 2013 page).
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)\b", re.IGNORECASE)


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= 31):
        return False
    try:
        dt.date(y if y is not None else 2000, m, d or 1)  # 2000 is a leap year
    except ValueError:
        return False
    return True


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    return int(raw) + 2000 if len(raw) == 2 else int(raw)


def _parse_numeric(m: re.Match[str], english: bool) -> PartialDate | None:
    a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
    day, month = (b, a) if english and a <= 12 else (a, b)
    return PartialDate(y, month, day) if _valid(y, month, day) else None


def _parse_match(m: re.Match[str], english: bool) -> PartialDate | None:
    groups = m.groupdict()
    if "a" in groups:
        return _parse_numeric(m, english)
    month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mon"].lower().rstrip(".")]
    y, d = _year(groups.get("y")), int(groups["d"])
    return PartialDate(y, month, d) if _valid(y, month, d) else None


def _weekday_ok(m: re.Match[str], value: PartialDate) -> bool:
    wd = m.groupdict().get("wd")
    if not wd or value.year is None or value.day is None or value.month is None:
        return True
    return dt.date(value.year, value.month, value.day).weekday() == WEEKDAYS[wd.lower()]


def _with_time(line: str, value: PartialDate) -> PartialDate:
    t = TIME_RE.search(line)
    if not t or value.day is None:
        return value
    hour, minute = int(t.group("H")), int(t.group("M"))
    ampm = (t.group("ampm") or "").lower().replace(".", "")
    hour += 12 if ampm == "pm" and hour < 12 else 0
    hour = 0 if ampm == "am" and hour == 12 else hour
    if hour > 23 or minute > 59:
        return value
    return replace(value, hour=hour, minute=minute)


def find_dates(line: str, english: bool = False) -> list[tuple[re.Match[str], PartialDate]]:
    """Every date written in ``line``, with the match it came from (non-overlapping)."""
    found: list[tuple[re.Match[str], PartialDate]] = []
    if not _DIGIT.search(line):  # every written date has a day number: most lines have none
        return found
    taken: list[range] = []
    for pattern in reversed(DATE_PATTERNS):  # named-month forms before bare numbers
        for m in pattern.finditer(line):
            if any(m.start() in r or m.end() - 1 in r for r in taken):
                continue
            value = _parse_match(m, english)
            if value is not None and _weekday_ok(m, value):
                found.append((m, value))
                taken.append(range(m.start(), m.end()))
    return sorted(found, key=lambda pair: pair[0].start())


def _is_stamp_line(line: str, match: re.Match[str], index: int) -> bool:
    if STAMP_WORDS.search(line):
        return True
    if index >= STAMP_HEAD_LINES:
        return False
    rest = line[: match.start()] + line[match.end() :]
    rest = TIME_RE.sub(" ", rest)
    return len(re.findall(r"[^\W\d]{2,}", rest)) <= STAMP_MAX_EXTRA_WORDS


def stamp_candidates(lines: Sequence[str], english: bool = False) -> list[DateEvidence]:
    """Publication stamps among the page's lines (header area or stamp words)."""
    out: list[DateEvidence] = []
    for i, line in enumerate(lines):
        found = _stamp_in(line, i, english) if len(line) <= 200 else None
        if found is not None:
            value = _with_time(line, found)
            out.append(DateEvidence(value, "text-stamp", line.strip(), CONFIDENCE["text-stamp"]))
    return out


def _stamp_in(line: str, index: int, english: bool) -> PartialDate | None:
    """The stamp date of one line: its first date on a stamp line of the header area or after
    a stamp word opening the line, else a date right after a capitalised stamp word."""
    opens = index < STAMP_HEAD_LINES or STAMP_WORDS.search(line) is not None
    if not opens and not _INLINE_STAMP_WORD.search(line):
        return None
    found = find_dates(line, english)  # read once for both kinds of stamp
    if opens and found and _is_stamp_line(line, found[0][0], index):
        return found[0][1]
    return next((v for m, v in found if INLINE_STAMP.search(line, 0, m.start())), None)


def url_candidate(url: str | None) -> DateEvidence | None:
    if not url:
        return None
    m = URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
    day = int(d) if d else None
    if not _valid(y, mo, day):
        return None
    return DateEvidence(PartialDate(y, mo, day), "url", url, CONFIDENCE["url"])


def image_candidates(lines: Iterable[str]) -> list[DateEvidence]:
    """Dates in image/asset paths such as ``/2020/10/31/phpLli898.jpg)``; noise assets dropped."""
    out: list[DateEvidence] = []
    for line in lines:
        for token in PATH_TOKEN.findall(line):
            if ASSET_NOISE.search(token) or not IMAGE_FILE.search(token):
                continue
            found = url_candidate(token)
            if found is not None:
                out.append(replace(found, source="image-path", confidence=CONFIDENCE["image-path"]))
    return out


def day_month_clues(lines: Iterable[str], english: bool = False) -> set[tuple[int, int]]:
    """(month, day) pairs written anywhere in the text: they corroborate path dates."""
    clues: set[tuple[int, int]] = set()
    for line in lines:
        for _, value in find_dates(line, english):
            if value.month is not None and value.day is not None:
                clues.add((value.month, value.day))
    return clues


def _corroborate(images: list[DateEvidence], clues: set[tuple[int, int]]) -> list[DateEvidence]:
    out = []
    for ev in images:
        v = ev.value
        if (v.month, v.day) in clues:
            ev = replace(ev, confidence=CONFIDENCE["image-path+clue"])
        out.append(ev)
    return sorted(out, key=lambda e: -e.confidence)


def _agrees(partial: PartialDate, full: PartialDate) -> bool:
    return (partial.month, partial.day) == (full.month, full.day) and full.year is not None


def merge_year(stamp: DateEvidence, others: Sequence[DateEvidence]) -> DateEvidence:
    """A stamp without a year takes the year of a dated candidate with the same day-month."""
    if stamp.value.has_year:
        return stamp
    for other in others:
        if _agrees(stamp.value, other.value):
            value = replace(stamp.value, year=other.value.year)
            text = f"{stamp.text} + {other.source}: {other.text}"
            return DateEvidence(value, f"text-stamp+{other.source}", text, other.confidence)
    return replace(stamp, confidence=0.5)


def _same_day(a: PartialDate, b: PartialDate) -> bool:
    return (a.year, a.month, a.day) == (b.year, b.month, b.day) or b.day is None


def choose(
    user: DateEvidence | None,
    meta: DateEvidence | None,
    url: DateEvidence | None,
    stamps: list[DateEvidence],
    images: list[DateEvidence],
) -> DateEvidence | None:
    """Pick the publication date: user > HTML metadata > URL > stamp > image path."""
    dated = [c for c in (meta, url) if c is not None] + images
    if meta is not None and url is not None and not _same_day(meta.value, url.value):
        meta = None  # metadata in UTC can fall a day after the outlet's own (URL) date
    for pick in (user, meta, url):
        if pick is not None:
            return pick
    if stamps:
        return merge_year(stamps[0], dated)
    return images[0] if images else None


def user_evidence(value: str | None, origin: str) -> DateEvidence | None:
    if not value:
        return None
    return DateEvidence(PartialDate.parse(value), "user", f"{origin}: {value}", CONFIDENCE["user"])


def publication_date(
    lines: Sequence[str],
    body: Sequence[str],
    url: str | None,
    meta: DateEvidence | None = None,
    user: DateEvidence | None = None,
    english: bool = False,
) -> tuple[DateEvidence | None, list[DateEvidence]]:
    """The chosen publication date and every candidate considered (for provenance)."""
    url_ev = url_candidate(url)
    stamps = stamp_candidates(lines, english)
    images = _corroborate(image_candidates(lines), day_month_clues(body, english))
    chosen = choose(user, meta, url_ev, stamps, images)
    candidates = [c for c in (user, meta, url_ev) if c is not None] + stamps + images
    return chosen, candidates
