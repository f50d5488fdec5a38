"""Line classifier for plain-text page dumps: title / lede / body / boilerplate.

A crawler's text dump still carries the page around the article (menus, update stamps,
related headlines, image-path remnants, video lists, log-in prompts). Each line is scored by
a small two-pass gradient-boosted tree model (trained by ``scripts/train_textlines.py``, weights in
``textlines_model.json``, inference in numpy): pass 1 sees the line's own shape, its
neighbours and the page; pass 2 also sees the pass-1 probabilities of the lines around it.
Title and lede are then chosen by rules (the training labels carry neither).

Features never look at blank lines (some dumps separate paragraphs by blank lines, some do
not) nor at sites, hosts or URLs of the page. ``extract_lines_batch`` does many pages at once
(features and both passes over all their lines together, exactly the per-page results). See
``docs/textlines.md``.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray

_fast: ModuleType | None
try:  # compiled inner loops (setup.py builds them when a C compiler is there); else numpy
    from newsweave.extract import _fastlines as _fast
except ImportError:  # pragma: no cover - depends on the install
    _fast = None

MODEL_PATH = Path(__file__).with_name("textlines_model.json")
MODEL_VERSION = "textlines/1"
# Bumped whenever a feature changes meaning, so that stale weights are refused.
FEATURE_SET = "lines-3"
Matrix = NDArray[np.float64]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- named data -------------------------------------------------------------------------------
# Function words of French and English: prose is full of them, menus and headline lists are not.
STOPWORDS_FR = _word_set(
    "le la les un une des du de d l au aux et ou mais donc or ni car que qu qui quoi dont où"
    " ce cet cette ces son sa ses leur leurs il elle ils elles on nous vous je tu se s y en"
    " ne pas plus a ont est sont été être avait avaient sera par pour avec sans sur sous dans"
    " entre vers chez comme si aussi très lors après avant selon depuis pendant"
)
STOPWORDS_EN = _word_set(
    "the a an and or but of to in on at by for with from as is are was were be been being has"
    " have had that which who whom this these those it its he she they them his her their we"
    " our you your not no than then there also would could should will can may into about"
    " after before over under while since said"
)
STOPWORDS = STOPWORDS_FR | STOPWORDS_EN
# Words of page furniture (fr + en). A hint only: the network weighs it against the rest.
BOILER_HINTS = _word_set(
    "cookie cookies subscribe subscription newsletter sign login log share partager abonnez"
    " abonnement connectez connecter inscrivez commentaires commentaire comments comment"
    " advertisement publicité menu accueil home copyright privacy confidentialité tweet"
    " facebook twitter whatsapp wechat email e-mail print imprimer regarder watch video vidéo"
    " photo photos related lire aussi read more click cliquez"
)
_WORD = re.compile(r"\w+")
_MARKER = re.compile(r"^(?:[*+•·>#-]+\s*|\d{1,2}[.)]\s+)+")
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b")
_PATH = re.compile(r"[^\s/]/[^\s/]")
_END = re.compile(r"[.!?…。！？][\"'”»)\]」]?\s*$")
CJK_CHARS = 2.5  # roughly the characters of one English word's meaning
# Words that mark a link or an image file (matched as whole words, case-insensitive).
LINK_WORDS = _word_set("http https www")
IMAGE_EXTENSIONS = _word_set("jpg jpeg png gif webp svg")

BASE_FEATURES = (
    "log_words", "log_chars", "end_sentence", "end_colon", "end_ellipsis", "bullet",
    "heading", "numbered", "image", "link", "no_word", "one_word", "digit_ratio",
    "cap_ratio", "stop_ratio", "punct_ratio", "comma_per_word", "separator", "date",
    "lower_start", "all_caps", "boiler_hint", "quote", "mean_word_len", "sentences",
    "inner_caps", "repeats", "first_word_repeats",
)  # fmt: skip


# --- characters -------------------------------------------------------------------------------
# Features are computed once per page on the UTF-16 code units of the whole text (numpy), never
# line by line in Python: a class table gives every code unit its bits, per-line counts come from
# one ``reduceat`` over packed counters, words are the runs of word characters.
(WORD, DIGIT, UPPER, LOWER, SPACE, HSPACE, WS, MARK, STOP, CLOSE, QUOTE, CJK, COMMA, DSEP,
 SEPCH, SLASH, BULLET) = (1 << k for k in range(17))  # fmt: skip
_CHAR_BITS = (
    (SPACE, " "), (MARK, "*+•·>#-"), (STOP, ".!?…。！？"), (CLOSE, "\"'”»)]」"),
    (QUOTE, "\"“”«»"), (COMMA, ","), (DSEP, ":h/.-"), (SEPCH, "|·•»/-"), (SLASH, "/"),
    (BULLET, "*+•·-"),
)  # fmt: skip
# Counted per line: 16-bit fields packed four to a uint64, so one reduceat sums four counters.
COUNTED = ((DIGIT, UPPER, LOWER, SPACE), (COMMA, QUOTE, CJK, WORD))
FIELD = 16
# The page is wrapped in "\n" ... PAD so that every look-around stays inside the array.
PAD = "\n" * 4
NL, BANG, LBRACKET, RBRACKET, LPAREN = (ord(c) for c in "\n![](")
CharTables = tuple[NDArray[np.uint32], tuple[NDArray[np.uint64], ...], NDArray[np.uint64]]
# Boolean tables (one numpy take each): word characters, visible ones, visible non-marks, and
# the rare characters the patterns of ``_hits`` start with.
RARE = (DIGIT, SEPCH, SLASH, STOP)


def _class_table(chars: list[str]) -> NDArray[np.uint32]:
    n = len(chars)
    table = np.zeros(n, dtype=np.uint32)
    tests = ((WORD, lambda c: c.isalnum() or c == "_"), (DIGIT, str.isdecimal),
             (UPPER, str.isupper), (LOWER, str.islower), (WS, str.isspace))  # fmt: skip
    for bit, test in tests:
        table |= np.fromiter(map(test, chars), dtype=bool, count=n).astype(np.uint32) * bit
    for bit, members in _CHAR_BITS:
        table[[ord(c) for c in members]] |= bit
    table[0x3040:0x3100] |= CJK
    table[0x3400:0xA000] |= CJK
    table[(table & WS) != 0] |= HSPACE
    table[NL] &= ~np.uint32(HSPACE)
    return table


def _char_tables() -> CharTables:
    """Class bits, packed counters and a word hash of every UTF-16 code unit (built once)."""
    chars = [chr(i) for i in range(0x10000)]
    table = _class_table(chars)
    packs = []
    for group in COUNTED:
        pack = np.zeros(table.shape[0], dtype=np.uint64)
        for k, bit in enumerate(group):
            pack += ((table & bit) != 0).astype(np.uint64) << np.uint64(FIELD * k)
        packs.append(pack)
    lower = np.array([ord(c.lower()[0]) for c in chars], dtype=np.intp)
    rng = np.random.default_rng(20240311)  # fixed: the hash is part of the feature definition
    noise = rng.integers(1, 2**63, size=(2, 0x10000), dtype=np.uint64)
    return table, tuple(packs), np.ascontiguousarray(noise[:, lower])


CHAR_CLASS, CHAR_PACKS, CHAR_HASH = _char_tables()
IS_WORD = (CHAR_CLASS & WORD) != 0
IS_VISIBLE = (CHAR_CLASS & WS) == 0
IS_SOLID = (CHAR_CLASS & (WS | MARK)) == 0
IS_RARE = (CHAR_CLASS & sum(RARE)) != 0
IS_RARE[[BANG, RBRACKET]] = True
RARE_TABLE = IS_RARE.astype(np.uint8)


def _code_units(text: str) -> NDArray[np.uint16]:
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


@dataclass(frozen=True)
class Chars:
    """The page as code units: codes, class bits, cumulative word hash, word runs."""

    codes: NDArray[np.uint16]
    cls: NDArray[np.uint32]
    hashsum: NDArray[np.uint64]  # inclusive running sum of CHAR_HASH[0]
    starts: NDArray[np.intp]
    ends: NDArray[np.intp]

    @classmethod
    def of(cls, text: str) -> Chars:
        """``text`` must begin and end with a non-word character (pages are wrapped in NL)."""
        return cls.of_codes(_code_units(text))

    @classmethod
    def of_codes(cls, codes: NDArray[np.uint16]) -> Chars:
        bits = np.take(CHAR_CLASS, codes)
        word = np.take(IS_WORD, codes)
        starts = np.flatnonzero(word[1:] > word[:-1]) + 1
        ends = np.flatnonzero(word[:-1] > word[1:]) + 1
        return cls(codes, bits, np.cumsum(np.take(CHAR_HASH[0], codes)), starts, ends)

    def keys(self) -> NDArray[np.uint64]:
        """A case-insensitive hash of every word: its characters, first three and last, length.

        Two words collide only when they differ by a permutation of their 4th to next-to-last
        characters (never for the words of the lists here).
        """
        size, start, edge = self.ends - self.starts, self.starts, CHAR_HASH[1]
        second = np.where(size > 1, edge[self.codes[start + 1]], 0) * np.uint64(3)
        third = np.where(size > 2, edge[self.codes[start + 2]], 0) * np.uint64(7)
        last = np.where(size > 3, edge[self.codes[self.ends - 1]], 0) * np.uint64(5)
        inner = self.hashsum[self.ends - 1] - self.hashsum[start - 1]
        mixed = inner + edge[self.codes[start]] + second + third + last
        return np.asarray(mixed + size.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))


# Word lists as hash keys, each with the bit of its list (a word may be in several).
KIND_STOP, KIND_HINT, KIND_LINK, KIND_IMAGE = 1, 2, 4, 8
_LISTS = ((KIND_STOP, STOPWORDS), (KIND_HINT, BOILER_HINTS), (KIND_LINK, LINK_WORDS),
          (KIND_IMAGE, IMAGE_EXTENSIONS))  # fmt: skip


def _known_words() -> tuple[NDArray[np.uint64], NDArray[np.uint8]]:
    """Sorted hash keys of the one-word entries of the lists (``e-mail`` never matches a word)."""
    kinds: dict[int, int] = {}
    for bit, words in _LISTS:
        single = sorted(w for w in words if _WORD.fullmatch(w))
        for key in Chars.of("\n" + " ".join(single) + "\n").keys().tolist():
            kinds[key] = kinds.get(key, 0) | bit
    keys = np.array(sorted(kinds), dtype=np.uint64)
    return keys, np.array([kinds[k] for k in keys.tolist()], dtype=np.uint8)


KNOWN_KEYS, KNOWN_KINDS = _known_words()


def _kinds(keys: NDArray[np.uint64]) -> NDArray[np.uint8]:
    """The list bits of each word (0 for a word of no list)."""
    pos = np.minimum(np.searchsorted(KNOWN_KEYS, keys), KNOWN_KEYS.shape[0] - 1)
    return np.asarray(np.where(KNOWN_KEYS[pos] == keys, KNOWN_KINDS[pos], 0), dtype=np.uint8)


@dataclass(frozen=True)
class Layout:
    """Code-unit offsets of the page's non-blank lines (``units``)."""

    units: NDArray[np.intp]  # line numbers
    start: NDArray[np.intp]  # first code unit of the line
    first: NDArray[np.intp]  # first visible code unit
    content: NDArray[np.intp]  # first code unit after list / heading / quote marks
    end: NDArray[np.intp]  # one past the last visible code unit
    owner: NDArray[np.int32]  # of every code unit: the last unit starting at or before it

    def unit_of(self, pos: NDArray[np.intp]) -> NDArray[np.int32]:
        """The unit of the lines holding code units ``pos`` (a lookup, not a binary search:
        a batch of pages has ~100,000 units)."""
        return np.take(self.owner, pos)


def _layout(ch: Chars) -> Layout:
    breaks = np.flatnonzero(ch.codes == NL)  # the text is wrapped in NL ... PAD
    start, stop = breaks[:-1] + 1, breaks[1:]
    visible = np.flatnonzero(np.take(IS_VISIBLE, ch.codes))
    if visible.size == 0:
        empty = np.zeros(0, dtype=np.intp)
        return Layout(empty, empty, empty, empty, empty, empty.astype(np.int32))
    k = np.searchsorted(visible, start)
    first = visible[np.minimum(k, visible.size - 1)]
    units = np.flatnonzero((k < visible.size) & (first < stop))
    first = first[units]
    end = visible[np.searchsorted(visible, stop[units]) - 1] + 1
    solid = np.flatnonzero(np.take(IS_SOLID, ch.codes))
    j = np.searchsorted(solid, first)
    content = solid[np.minimum(j, solid.size - 1)] if solid.size else end
    content = np.where((j < solid.size) & (content < end), content, end)
    mark = np.zeros(ch.codes.shape[0], dtype=np.int32)
    mark[start[units]] = 1
    owner = np.cumsum(mark, dtype=np.int32)
    owner -= 1
    return Layout(units, start[units], first, content, end, owner)


def _range_counts(ch: Chars, lay: Layout) -> list[Matrix]:
    """Per line, the counts of each ``COUNTED`` class inside the content (marks stripped)."""
    bounds = np.column_stack([lay.content, lay.end]).ravel()
    empty = lay.content == lay.end
    wide = bool((lay.end - lay.content).max() >= 1 << FIELD)
    out: list[Matrix] = []
    mask, shifts = np.uint64((1 << FIELD) - 1), np.arange(4, dtype=np.uint64) * np.uint64(FIELD)
    for table, group in zip(CHAR_PACKS, COUNTED, strict=True):
        if wide:  # a line of 65,536+ code units: count each class on its own
            for bit in group:
                flag = ((ch.cls & bit) != 0).astype(np.int64)
                out.append(np.where(empty, 0, np.add.reduceat(flag, bounds)[::2]) * 1.0)
            continue
        packed = np.add.reduceat(np.take(table, ch.codes), bounds)[::2]
        packed[empty] = 0
        out += list(((packed[None, :] >> shifts[:, None]) & mask).astype(np.float64))
    return out


def _sums(lay: Layout, pos: NDArray[np.intp], flags: list[NDArray[Any] | None]) -> Matrix:
    """Per line (rows), the sums of ``flags`` (columns; None counts 1) over the positions."""
    owner, n = lay.unit_of(pos), lay.units.shape[0]
    out = np.empty((n, len(flags)))
    for k, flag in enumerate(flags):
        out[:, k] = np.bincount(owner, weights=flag, minlength=n)
    return out


def _repeats(keys: NDArray[np.uint64], valid: NDArray[np.bool_], page: NDArray[np.intp]) -> Matrix:
    """How many other lines of the same page share the line's key (0 where ``valid`` is false)."""
    order = np.lexsort((keys, page))
    key, where = keys[order], page[order]
    new = np.ones(order.shape[0], dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (where[1:] != where[:-1])
    run = np.cumsum(new) - 1
    counts = np.empty(order.shape[0], dtype=np.intp)
    counts[order] = np.bincount(run)[run]
    return np.where(valid, counts - 1, 0).astype(np.float64)


def _word_counts(ch: Chars, lay: Layout) -> tuple[Matrix, NDArray[np.uint64]]:
    """Per line: tokens, capitalised tokens, function words, furniture words, link words and
    image extensions after a dot; and the key of the line's first word (0 if none)."""
    keys = ch.keys()
    kind = _kinds(keys)
    caps = (ch.cls[ch.starts] & UPPER) != 0
    image = ((kind & KIND_IMAGE) != 0) & (ch.codes[ch.starts - 1] == ord("."))
    flags = [None, caps, (kind & KIND_STOP) != 0, (kind & KIND_HINT) != 0]
    sums = _sums(lay, ch.starts, [*flags, (kind & KIND_LINK) != 0, image])
    head = np.searchsorted(ch.starts, lay.start)
    first = keys[np.minimum(head, max(keys.shape[0] - 1, 0))] if keys.size else head
    return sums, np.where(sums[:, 0] > 0, first, 0).astype(np.uint64)


def _line_keys(ch: Chars, lay: Layout) -> NDArray[np.uint64]:
    """A hash of each line's content (its characters, first character and length)."""
    inner = ch.hashsum[lay.end - 1] - ch.hashsum[lay.content - 1]
    size = (lay.end - lay.content).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return np.asarray(inner + CHAR_HASH[1][ch.codes[lay.content]] + size)


def _hits(ch: Chars, lay: Layout) -> Matrix:
    """Per line: dates, separators, paths, markdown images and links, sentence stops."""
    codes, cls = ch.codes, ch.cls
    rare = np.flatnonzero(np.take(IS_RARE, codes))
    c0, k0, c1, k1 = codes[rare], cls[rare], codes[rare + 1], cls[rare + 1]
    km1, k2, k3 = cls[rare - 1], cls[rare + 2], cls[rare + 3]
    digit = (k0 & DIGIT) != 0
    stamp = ((k1 & DSEP) != 0) & ((k2 & DIGIT) != 0)
    century = ((c0 == ord("1")) & (c1 == ord("9"))) | ((c0 == ord("2")) & (c1 == ord("0")))
    year = century & ((k2 & k3 & DIGIT) != 0) & ((km1 & DIGIT) == 0)
    escaped = (codes[rare - 1] == ord("\\")) & ((cls[rare - 2] & HSPACE) != 0)
    spaced = ((km1 & HSPACE) != 0) | ((c0 == ord("-")) & escaped)
    sep = ((k0 & SEPCH) != 0) & spaced & ((k1 & HSPACE) != 0)
    sep &= rare > lay.content[lay.unit_of(rare)]  # not a mark
    path = (c0 == ord("/")) & ((km1 | k1) & (WS | SLASH) == 0)
    sentence = ((c0 == ord(".")) | (c0 == ord("?"))) & (c1 == ord(" "))
    flags = [digit & (stamp | year), sep, path, (c0 == BANG) & (c1 == LBRACKET)]
    return _sums(lay, rare, [*flags, (c0 == RBRACKET) & (c1 == LPAREN), sentence])


def _ends(codes: NDArray[np.uint16], lc: LineCounts, size: Matrix) -> list[Matrix]:
    """Sentence end, colon, ellipsis and the marks at the head of the line."""
    end, f = lc.pos[:, 4], lc.pos[:, 2]
    cls = _ClassAt(codes)
    last, prev = cls[end - 1], cls[end - 2]
    sentence = ((last & STOP) != 0) | (((last & CLOSE) != 0) & ((prev & STOP) != 0) & (size > 1))
    dot = ord(".")
    dots = (codes[end - 1] == dot) & (codes[end - 2] == dot) & (codes[end - 3] == dot)
    ellipsis = (codes[end - 1] == ord("…")) | (dots & (size > 2))
    point = (codes[f + 1] == ord(".")) | (codes[f + 1] == ord(")"))
    point2 = ((cls[f + 1] & DIGIT) != 0) & ((codes[f + 2] == ord(".")) | (codes[f + 2] == ord(")")))
    numbered = ((cls[f] & DIGIT) != 0) & (
        (point & ((cls[f + 2] & HSPACE) != 0)) | (point2 & ((cls[f + 3] & HSPACE) != 0))
    )
    tail = [np.where(size > 0, c, False) for c in (sentence, codes[end - 1] == ord(":"), ellipsis)]
    return [c * 1.0 for c in (*tail, (cls[f] & BULLET) != 0, codes[f] == ord("#"), numbered)]


COUNT_COLUMNS = (
    "digits", "upper", "lower", "spaces", "commas", "quotes", "cjk", "letters",  # _range_counts
    "tokens", "caps", "stops", "hints", "links", "images",  # _word_counts
    "dates", "seps", "paths", "md_images", "md_links", "sentences",  # _hits
)  # fmt: skip


@dataclass(frozen=True)
class LineCounts:
    """What the features are made of, one row per non-blank line of a text."""

    codes: NDArray[np.uint16]  # the text's code units
    pos: NDArray[np.intp]  # line number, start, first visible, content start, end
    counts: Matrix  # COUNT_COLUMNS
    keys: NDArray[np.uint64]  # a hash of the line's content; of its first word (0: no word)


class _ClassAt:
    """Class bits of the code units at some positions of a text."""

    def __init__(self, codes: NDArray[np.uint16]) -> None:
        self.codes = codes

    def __getitem__(self, pos: NDArray[np.intp]) -> NDArray[np.uint32]:
        return np.take(CHAR_CLASS, np.take(self.codes, pos))

    def has(self, pos: NDArray[np.intp], bit: int) -> NDArray[np.bool_]:
        return np.asarray((self[pos] & bit) != 0)


def line_counts(text: str) -> LineCounts:
    """``LineCounts`` of a wrapped text ("\n" ... PAD): compiled when built, else numpy (the
    two are equal, checked by the tests)."""
    codes = _code_units(text)
    return _numpy_counts(codes) if _fast is None else _compiled_counts(codes)


def _compiled_counts(codes: NDArray[np.uint16]) -> LineCounts:
    lines = max(int(np.count_nonzero(codes == NL)) - 1, 0)
    pos = np.empty((lines, 5), dtype=np.int64)
    counts = np.empty((lines, len(COUNT_COLUMNS)), dtype=np.float64)
    keys = np.empty((lines, 2), dtype=np.uint64)
    assert _fast is not None
    units = _fast.line_counts(codes, CHAR_CLASS, RARE_TABLE, *CHAR_HASH, *CHAR_PACKS,
                              KNOWN_KEYS, KNOWN_KINDS, pos, counts, keys)  # fmt: skip
    return LineCounts(codes, pos[:units].astype(np.intp, copy=False), counts[:units], keys[:units])


def _numpy_counts(codes: NDArray[np.uint16]) -> LineCounts:
    ch = Chars.of_codes(codes)
    lay = _layout(ch)
    if lay.units.size == 0:
        empty = np.zeros((0, 5), dtype=np.intp)
        return LineCounts(
            codes, empty, np.zeros((0, len(COUNT_COLUMNS))), np.zeros((0, 2), dtype=np.uint64)
        )
    pos = np.column_stack([lay.units, lay.start, lay.first, lay.content, lay.end])
    sums, first_keys = _word_counts(ch, lay)
    counts = np.column_stack([*_range_counts(ch, lay), sums, _hits(ch, lay)])
    return LineCounts(codes, pos, counts, np.column_stack([_line_keys(ch, lay), first_keys]))


def _joined(pages: Sequence[Sequence[str]]) -> tuple[str, NDArray[np.intp]]:
    """The pages as one text, each page wrapped like a single page ("\n" ... PAD), and the
    text's line number of every page's first line."""
    text = "\n" + PAD.join("\n".join(lines) for lines in pages) + PAD
    slots = np.array([max(len(lines), 1) + len(PAD) - 1 for lines in pages], dtype=np.intp)
    return text, np.concatenate(([0], np.cumsum(slots)[:-1])).astype(np.intp)


def batch_base_features(
    pages: Sequence[Sequence[str]],
) -> tuple[NDArray[np.intp], NDArray[np.intp], Matrix]:
    """(page of every non-blank line, its line number in the page, ``BASE_FEATURES`` matrix).

    All pages at once: the code-unit arrays of the pages are concatenated (every look-around
    stays inside the page's own wrapping); only the repeat counts are grouped by page.
    """
    text, offsets = _joined(pages)
    lc = line_counts(text)
    units = lc.pos[:, 0]
    page = np.searchsorted(offsets, units, side="right") - 1
    return page, units - offsets[page], _base_matrix(lc, page)


def base_features(lines: Sequence[str]) -> tuple[NDArray[np.intp], Matrix]:
    """(line numbers of the non-blank lines, their ``BASE_FEATURES`` matrix), one page."""
    _page, units, base = batch_base_features([lines])
    return units, base


def _base_matrix(lc: LineCounts, page: NDArray[np.intp]) -> Matrix:
    (digits, upper, lower, spaces, commas, quotes, cjk, letters, tokens, caps, stops, hints,
     links, images, dates, seps, paths, md_images, md_links, sentences) = lc.counts.T  # fmt: skip
    content, codes = lc.pos[:, 3], lc.codes
    size = (lc.pos[:, 4] - content).astype(np.float64)
    chars, n = np.maximum(size, 1.0), np.maximum(tokens, 1.0)
    words = np.maximum(tokens, cjk / CJK_CHARS)
    slash = (codes[content] == ord("/")) & (size > 0)
    line_repeats = _repeats(lc.keys[:, 0], size > 0, page)
    first_word_repeats = _repeats(lc.keys[:, 1], tokens > 0, page)
    cols = [np.log1p(words), np.log1p(size), *_ends(codes, lc, size), images + md_images > 0]
    cols += [(links + md_links + paths > 0) | slash, tokens == 0, tokens == 1, digits / chars]
    cols += [caps / n, stops / n, np.maximum(chars - letters - spaces, 0.0) / chars, commas / n]
    lower_start = _ClassAt(codes).has(content, LOWER) & (size > 0)
    cols += [seps > 0, np.minimum(dates, 3.0) / 3.0, lower_start]
    cols += [(upper > 0) & (lower == 0), np.minimum(hints / n * 3.0, 1.0), quotes > 0]
    cols += [np.minimum(letters / n / 10.0, 2.0), np.log1p(sentences)]
    cols += [np.maximum(upper - caps, 0.0) / n, np.log1p(line_repeats)]
    cols += [np.log1p(first_word_repeats)]
    out = np.empty((lc.pos.shape[0], len(cols)))
    for k, col in enumerate(cols):
        out[:, k] = col
    return out


def strip_markers(line: str) -> str:
    """The line without list bullets, markdown heading/quote marks and surrounding spaces."""
    return _MARKER.sub("", line.strip(), count=1).strip()


def _is_image(text: str, lowered: str) -> bool:
    return "![" in text or ("." in text and bool(_IMAGE.search(lowered)))


def _is_link(text: str) -> bool:
    if "http" in text or "www." in text or "](" in text or text.startswith("/"):
        return True
    return "/" in text and bool(_PATH.search(text))


# --- page context ---------------------------------------------------------------------------
# The rows of several pages are stacked in one matrix (``Segments``); every context feature stays
# inside its page, and each is computed with the same floating-point operations in the same order
# as for the page alone (running sums restart at every page, page sums are numpy's pairwise sums
# of the page's rows), so a page's features do not depend on the other pages of its batch.
@dataclass(frozen=True)
class Segments:
    """Rows of pages stacked: page k holds rows ``bounds[k]:bounds[k + 1]`` (never empty)."""

    bounds: NDArray[np.intp]
    page: NDArray[np.intp]  # of every row
    first: NDArray[np.intp]  # first row of the row's page
    size: NDArray[np.intp]  # rows of the row's page
    local: NDArray[np.intp]  # index of the row inside its page

    @classmethod
    def of(cls, sizes: Sequence[int] | NDArray[np.intp]) -> Segments:
        rows = np.asarray(sizes, dtype=np.intp)
        bounds = np.concatenate(([0], np.cumsum(rows))).astype(np.intp)
        page = np.repeat(np.arange(rows.shape[0]), rows)
        first = bounds[:-1][page]
        return cls(bounds, page, first, rows[page], np.arange(bounds[-1]) - first)

    @property
    def starts(self) -> NDArray[np.intp]:
        return self.bounds[:-1]

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.bounds[:-1].tolist(), self.bounds[1:].tolist(), strict=True))

    def cumsum(self, cols: Matrix) -> Matrix:
        """Running sums of ``cols`` restarting at every page, each page after a row of zeros:
        page k's sums of its first j rows are at row ``first + k + j``."""
        out = np.zeros((cols.shape[0] + self.bounds.shape[0] - 1, cols.shape[1]))
        for k, (lo, hi) in enumerate(self.spans()):
            np.cumsum(cols[lo:hi], axis=0, out=out[lo + k + 1 : hi + k + 1])
        return out

    def sums(self, col: Matrix) -> Matrix:
        """Per page, numpy's (pairwise) sum of its rows."""
        return np.array([col[lo:hi].sum() for lo, hi in self.spans()])

    def maxima(self, col: Matrix) -> Matrix:
        """Per row, the maximum of ``col`` over the row's page."""
        return np.asarray(np.maximum.reduceat(col, self.starts)[self.page], dtype=np.float64)


def one_page(rows: int) -> Segments:
    return Segments.of([rows])


# A range of lines around line i is [i + a, i + b) (clipped at the page edges): a window of
# half-width h is (-h, h + 1), the k lines before (-k, 0), the k lines after (1, k + 1).
def window(h: int) -> tuple[int, int]:
    return (-h, h + 1)


def before(k: int) -> tuple[int, int]:
    return (-k, 0)


def after(k: int) -> tuple[int, int]:
    return (1, k + 1)


def _means(cols: Matrix, spans: Sequence[tuple[int, int]], seg: Segments) -> Matrix:
    """Mean of every column over each span around every line: (n, spans x columns)."""
    if _fast is None:
        return _span_means(seg.cumsum(cols), spans, seg)
    out = np.empty((cols.shape[0], len(spans) * cols.shape[1]))
    pairs = np.array(spans, dtype=np.intp)
    _fast.span_means(np.ascontiguousarray(cols, dtype=np.float64), seg.bounds, pairs, out)
    return out


def _span_means(cum: Matrix, spans: Sequence[tuple[int, int]], seg: Segments) -> Matrix:
    offsets = np.array(spans).T  # (2, spans)
    idx, size = seg.local[:, None], seg.size[:, None]
    lo = np.clip(idx + offsets[0], 0, size)
    hi = np.clip(idx + offsets[1], 0, size)
    zero = (seg.first + seg.page)[:, None]  # the page's row of zeros in ``cum``
    sums = cum[zero + hi] - cum[zero + lo]  # (n, spans, width)
    return (sums / np.maximum(hi - lo, 1)[:, :, None]).reshape(idx.shape[0], -1)


def _shifts(cols: Matrix, offsets: Sequence[int], seg: Segments) -> Matrix:
    """The rows ``by`` lines before (positive) or after (negative) each line; 0 past the edges."""
    if _fast is None:
        return _numpy_shifts(cols, offsets, seg)
    out = np.empty((cols.shape[0], len(offsets) * cols.shape[1]))
    shift = np.array(offsets, dtype=np.intp)
    _fast.shifts(np.ascontiguousarray(cols, dtype=np.float64), seg.bounds, shift, out)
    return out


def _numpy_shifts(cols: Matrix, offsets: Sequence[int], seg: Segments) -> Matrix:
    src = seg.local[:, None] - np.array(offsets)
    inside = (src >= 0) & (src < seg.size[:, None])
    rows = cols[np.where(inside, src + seg.first[:, None], 0)]
    return np.where(inside[:, :, None], rows, 0.0).reshape(cols.shape[0], -1)


def _block_position(score: Matrix, half: int, seg: Segments) -> Matrix:
    """Signed/absolute distance to the densest block of ``score`` and mass before/after."""
    cum = seg.cumsum(score[:, None])
    dense = _span_means(cum, (window(half),), seg)[:, 0]
    peak = seg.maxima(dense)
    at = np.flatnonzero(dense == peak)  # the first densest line of each page (np.argmax)
    centre = at[np.searchsorted(at, seg.starts)] - seg.starts
    pos = (seg.local - centre[seg.page]).astype(np.float64)
    total = np.maximum(seg.sums(score), 1e-9)[seg.page]
    out = np.empty((score.shape[0], 4))
    out[:, 0] = pos / np.maximum(seg.size, 1)
    out[:, 1] = np.log1p(np.abs(pos))
    out[:, 2] = (cum[seg.first + seg.page + seg.local + 1, 0] - score) / total
    out[:, 3] = dense / np.maximum(peak, 1e-9)
    return out


def _medians(col: Matrix, seg: Segments) -> Matrix:
    """Per row, ``np.median`` of ``col`` over the row's page (mean of the two middle values)."""
    ordered = col[np.lexsort((col, seg.page))]
    lo = seg.starts + (seg.size[seg.starts] - 1) // 2
    hi = seg.starts + seg.size[seg.starts] // 2
    return np.asarray(((ordered[lo] + ordered[hi]) / 2)[seg.page], dtype=np.float64)


IMAGE, LINK, NO_WORD = (BASE_FEATURES.index(f) for f in ("image", "link", "no_word"))
PROSE_COLS = [0, 2, 14, 5, 9, 10]  # log_words, end_sentence, stop_ratio, bullet, link, no_word
WINDOW_COLS = [0, 2, 14, 5]  # log_words, end_sentence, stop_ratio, bullet


# Spans of the pass-1 context means (over WINDOW_COLS) and of the pass-2 probability means.
CONTEXT_SPANS = (window(2), window(5), window(15), before(4), after(4), before(10), after(10))
STACK_SPANS = (window(2), window(5), window(12))


def context_features(base: Matrix, seg: Segments | None = None) -> Matrix:
    """Pass-1 matrix: a line's own features, its neighbours' and the page's (``seg``: the
    pages of the rows, default one page)."""
    seg = seg or one_page(base.shape[0])
    n, words = base.shape[0], base[:, 0]
    prose = words * base[:, 2] * (base[:, 14] + 0.1)
    page = np.empty((n, 3))
    page[:, 0] = words / np.maximum(seg.maxima(words), 1.0)
    page[:, 1] = words - _medians(words, seg)
    page[:, 2] = seg.local / np.maximum(seg.size - 1, 1)
    return np.concatenate([
        base, _shifts(base[:, PROSE_COLS], (1, 2, -1, -2), seg),
        _means(base[:, WINDOW_COLS], CONTEXT_SPANS, seg), page, _block_position(prose, 5, seg),
    ], axis=1)  # fmt: skip


SEGMENT_GAPS = (1, 3, 8)


def _segment_mass(prob: Matrix, seg: Segments) -> Matrix:
    """Share of the page's likely-body mass in the run of likely-body lines around each line.

    Likely-body lines (prob >= 0.5) separated by fewer than ``gap`` other lines form one run;
    a line gets the mass of the run before it and of the run after it (the same inside a run),
    for each gap of ``SEGMENT_GAPS``. Runs never cross a page edge.
    """
    n = prob.shape[0]
    high = np.flatnonzero(prob >= 0.5)
    if high.size == 0:
        return np.zeros((n, 2 * len(SEGMENT_GAPS)))
    idx, owner = np.arange(n), seg.page[high]
    prev = np.searchsorted(high, idx, side="right") - 1
    nxt = np.searchsorted(high, idx, side="left")
    has_prev, has_next = prev >= 0, nxt < high.size
    prev, nxt = np.maximum(prev, 0), np.minimum(nxt, high.size - 1)
    has_prev &= owner[prev] == seg.page
    has_next &= owner[nxt] == seg.page
    cut, weights = owner[1:] != owner[:-1], prob[high]
    out = []
    for gap in SEGMENT_GAPS:
        run = np.concatenate(([0], np.cumsum((np.diff(high) - 1 >= gap) | cut)))
        mass = np.asarray(np.bincount(run, weights=weights), dtype=np.float64)
        share = mass / _run_page_max(mass, run, owner)
        out += [np.where(has_prev, share[run[prev]], 0.0), np.where(has_next, share[run[nxt]], 0.0)]
    return np.column_stack(out)


def _run_page_max(mass: Matrix, run: NDArray[np.intp], owner: NDArray[np.intp]) -> Matrix:
    """For every run, the largest run mass of its page (runs are numbered in page order)."""
    first = np.flatnonzero(np.concatenate(([True], run[1:] != run[:-1])))
    run_page = owner[first]
    starts = np.flatnonzero(np.concatenate(([True], run_page[1:] != run_page[:-1])))
    counts = np.diff(starts, append=run_page.shape[0])
    return np.repeat(np.maximum.reduceat(mass, starts), counts)


def _running_max(prob: Matrix, seg: Segments) -> Matrix:
    """Running maximum of ``prob`` from the top and from the bottom of each page."""
    peaks = np.empty((prob.shape[0], 2))
    for lo, hi in seg.spans():
        np.maximum.accumulate(prob[lo:hi], out=peaks[lo:hi, 0])
        peaks[lo:hi, 1][::-1] = np.maximum.accumulate(prob[lo:hi][::-1])
    return peaks


def stacked_features(first: Matrix, prob: Matrix, seg: Segments | None = None) -> Matrix:
    """Pass-2 matrix: pass-1 features plus the pass-1 probabilities around each line."""
    seg = seg or one_page(prob.shape[0])
    col = prob[:, None]
    return np.concatenate([
        first, col, _shifts(col, (1, 2, 3, -1, -2, -3), seg), _means(col, STACK_SPANS, seg),
        _block_position(prob * (prob > 0.5), 4, seg), _running_max(prob, seg),
        _segment_mass(prob, seg),
    ], axis=1)  # fmt: skip


@dataclass(frozen=True)
class Batch:
    """Pass-1 rows of a batch of pages: page ``k``'s non-blank line numbers are ``units[k]``,
    its rows ``x1[seg.bounds[j]:seg.bounds[j + 1]]`` with j = ``row_page[k]`` (-1: no rows)."""

    units: list[list[int]]
    x1: Matrix
    seg: Segments
    row_page: list[int]

    def rows(self, k: int, matrix: Matrix) -> Matrix:
        j = self.row_page[k]
        if j < 0:
            return matrix[:0]
        return matrix[int(self.seg.bounds[j]) : int(self.seg.bounds[j + 1])]


def batch_matrix(pages: Sequence[Sequence[str]]) -> Batch:
    """The pass-1 features of all pages, computed together."""
    if not pages:
        return Batch([], np.zeros((0, 0)), Segments.of([]), [])
    page, units, base = batch_base_features(pages)
    sizes = np.bincount(page, minlength=len(pages))
    present = np.flatnonzero(sizes)
    row_page = np.full(len(pages), -1, dtype=np.intp)
    row_page[present] = np.arange(present.shape[0])
    seg = Segments.of(sizes[present])
    per_page = [part.tolist() for part in np.split(units, np.cumsum(sizes)[:-1])]
    x1 = context_features(base, seg) if base.shape[0] else np.zeros((0, 0))
    return Batch(per_page, x1, seg, row_page.tolist())


def page_matrix(lines: Sequence[str]) -> tuple[list[int], Matrix]:
    """(line numbers of the non-blank lines, their pass-1 feature matrix)."""
    batch = batch_matrix([lines])
    return batch.units[0], batch.x1


# --- model -------------------------------------------------------------------------------------
# Rows walked through the trees at once: the (rows x trees) node arrays stay in the CPU cache
# (a batch of 181 pages was ~25 % faster in blocks of 1,024 rows than in one block, and blocks of
# 256 or 4,096 rows were slower; measured with bench/extraction.py's text rows).
FOREST_ROWS = 1024


@dataclass(frozen=True)
class Forest:
    """Gradient-boosted trees, all evaluated at once: flat node arrays, leaves loop to self."""

    feature: NDArray[np.intp]
    threshold: Matrix
    children: NDArray[np.intp]  # [left, right] of each node, interleaved
    value: Matrix
    roots: NDArray[np.intp]
    depth: int
    baseline: float
    top_feature: int  # the highest feature index a node reads

    def predict(self, x: Matrix) -> Matrix:
        """Probabilities of the rows; a row's result never depends on the other rows."""
        if x.shape[0] <= FOREST_ROWS:
            return self._predict(x)
        parts = [
            self._predict(x[lo : lo + FOREST_ROWS]) for lo in range(0, x.shape[0], FOREST_ROWS)
        ]
        return np.concatenate(parts)

    def _predict(self, x: Matrix) -> Matrix:
        if _fast is not None and x.shape[0] and x.shape[1] > self.top_feature:
            return _sigmoid(self.baseline + self._compiled_leaves(x).sum(axis=1))
        return _sigmoid(self.baseline + self._numpy_leaves(x).sum(axis=1))

    def _compiled_leaves(self, x: Matrix) -> Matrix:
        """Leaf value of every row in every tree, by ``_fastlines.forest_leaves`` (C)."""
        out = np.empty((x.shape[0], self.roots.size), dtype=np.float64)
        assert _fast is not None
        _fast.forest_leaves(
            np.ascontiguousarray(x, dtype=np.float64), self.feature, self.threshold,
            self.children, self.value, self.roots, out, self.depth,
        )  # fmt: skip
        return out

    def _numpy_leaves(self, x: Matrix) -> Matrix:
        """The same in numpy: all trees at once, one level at a time."""
        n, width = x.shape
        flat = np.ascontiguousarray(x).ravel()
        offset = (np.arange(n, dtype=np.intp) * width)[:, None]
        node = np.tile(self.roots, (n, 1))
        for _ in range(self.depth):  # gathers on flat arrays, one level at a time; leaves loop
            at = np.take(self.feature, node)
            at += offset
            right = np.take(flat, at) > np.take(self.threshold, node)
            node *= 2
            node += right
            node = np.take(self.children, node)
        return np.take(self.value, node)


def _sigmoid(z: Matrix) -> Matrix:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float64)


# OpenBLAS runs a product on one thread when rows x inputs x outputs <= 262,144 (its documented
# SMP threshold, 65,536 x 4); larger products wake a thread pool that costs more than it gains at
# this size (6x slower on the shared 2-core machine), so products are done in blocks of rows.
BLAS_SINGLE_THREAD = 262_144


@dataclass(frozen=True)
class Nets:
    """Networks of one hidden ReLU layer, side by side in float32: one product for all of them;
    the output is the mean of their probabilities. Input standardisation is folded into ``w1``."""

    w1: NDArray[np.float32]  # (inputs, members x hidden)
    b1: NDArray[np.float32]
    w2: NDArray[np.float32]  # (members x hidden, members), block diagonal
    b2: NDArray[np.float32]

    def predict(self, x: Matrix) -> Matrix:
        inputs = x.astype(np.float32)
        hidden = np.empty((x.shape[0], self.w1.shape[1]), dtype=np.float32)
        rows = max(BLAS_SINGLE_THREAD // self.w1.size, 1)
        for lo in range(0, x.shape[0], rows):
            np.dot(inputs[lo : lo + rows], self.w1, out=hidden[lo : lo + rows])
        hidden += self.b1
        np.maximum(hidden, 0.0, out=hidden)
        out = hidden @ self.w2
        out += self.b2
        return np.asarray(_sigmoid(out.astype(np.float64)).mean(axis=1), dtype=np.float64)


def _nets(parts: Sequence[dict[str, Any]]) -> Nets:
    w1 = [np.asarray(p["w1"], dtype=np.float32) for p in parts]
    width = sum(w.shape[1] for w in w1)
    w2 = np.zeros((width, len(parts)), dtype=np.float32)
    at = 0
    for k, (part, w) in enumerate(zip(parts, w1, strict=True)):
        w2[at : at + w.shape[1], k] = part["w2"]
        at += w.shape[1]
    b1 = np.concatenate([np.asarray(p["b1"], dtype=np.float32) for p in parts])
    b2 = np.array([p["b2"] for p in parts], dtype=np.float32)
    return Nets(np.concatenate(w1, axis=1), b1, w2, b2)


@dataclass(frozen=True)
class Mean:
    """Members trained with their own seeds; their probabilities are averaged."""

    parts: tuple[Forest | Nets, ...]

    def predict(self, x: Matrix) -> Matrix:
        total = self.parts[0].predict(x)
        for part in self.parts[1:]:
            total += part.predict(x)
        return total / len(self.parts)


Scorer = Forest | Nets | Mean


@dataclass(frozen=True)
class LineModel:
    first: Scorer
    second: Scorer
    threshold: float
    version: str = MODEL_VERSION

    def score(self, lines: Sequence[str]) -> tuple[list[int], Matrix, Matrix]:
        """(non-blank line numbers, their pass-1 features, their pass-2 probabilities)."""
        return self.score_batch([lines])[0]

    def score_batch(self, pages: Sequence[Sequence[str]]) -> list[tuple[list[int], Matrix, Matrix]]:
        """``score`` of every page, each pass run once over all lines of the batch."""
        batch = batch_matrix(pages)
        if batch.x1.shape[0] == 0:
            return [(units, batch.x1, np.zeros(0)) for units in batch.units]
        p1 = self.first.predict(batch.x1)
        prob = self.second.predict(stacked_features(batch.x1, p1, batch.seg))
        return [
            (units, batch.rows(k, batch.x1), batch.rows(k, prob))
            for k, units in enumerate(batch.units)
        ]

    def probabilities(self, lines: Sequence[str]) -> tuple[list[int], Matrix]:
        units, _, prob = self.score(lines)
        return units, prob


def _scorer(data: dict[str, Any]) -> Scorer:
    if data.get("kind") == "net":
        return _nets([data])
    if data.get("kind") != "mean":
        return _forest(data)
    nets = [part for part in data["parts"] if part.get("kind") == "net"]
    trees = [_forest(part) for part in data["parts"] if part.get("kind") != "net"]
    if not trees:
        return _nets(nets)
    parts: list[Forest | Nets] = [*trees, *(_nets([n]) for n in nets)]
    return parts[0] if len(parts) == 1 else Mean(tuple(parts))


def _forest(data: dict[str, Any]) -> Forest:
    children = np.column_stack([data["left"], data["right"]]).ravel()
    feature = np.asarray(data["feature"], dtype=np.intp)
    forest = Forest(
        feature=feature,
        threshold=np.asarray(data["threshold"], dtype=np.float64),
        children=np.asarray(children, dtype=np.intp),
        value=np.asarray(data["value"], dtype=np.float64),
        roots=np.asarray(data["roots"], dtype=np.intp),
        depth=int(data["depth"]),
        baseline=float(data["baseline"]),
        top_feature=int(feature.max(initial=0)),
    )
    _check_nodes(forest)
    return forest


def _check_nodes(forest: Forest) -> None:
    """Every node index in range: the compiled walk trusts them (a corrupt file raises here)."""
    nodes = forest.feature.size
    sizes_ok = forest.threshold.size == forest.value.size == nodes == forest.children.size // 2
    indices = np.concatenate([forest.children, forest.roots, forest.feature])
    if not sizes_ok or indices.min(initial=0) < 0 or forest.children.max(initial=0) >= nodes:
        raise ValueError("textlines model: malformed tree arrays")
    if forest.roots.max(initial=0) >= nodes or forest.depth < 0:
        raise ValueError("textlines model: malformed tree arrays")


def load_model(path: Path | None = None) -> LineModel:
    """Load the weights (default: ``textlines_model.json`` next to this module)."""
    data = json.loads((path or MODEL_PATH).read_text(encoding="utf-8"))
    if data.get("feature_set") != FEATURE_SET or data.get("features") != list(BASE_FEATURES):
        raise ValueError("textlines model was trained on other features; retrain it")
    return LineModel(
        _scorer(data["first"]), _scorer(data["second"]), float(data["threshold"]), data["version"]
    )


# --- title, lede and the extraction ----------------------------------------------------------
# Title: a headline-like line at most TITLE_WINDOW non-blank lines before the first body line,
# of TITLE_WORDS words, not a sentence, date stamp, list item, link or image. Calibrated on the
# training split against the pages' og:title / <title> (see docs/textlines.md).
TITLE_WINDOW = 8
TITLE_WORDS = (3, 25)
# Lede: the sentence right after the title, of LEDE_WORDS words, followed by body within
# LEDE_REACH non-blank lines. Calibrated on the training split (seed 002's standfirst).
LEDE_WORDS = (6, 60)
LEDE_REACH = 6
# Decoding: the article body is mostly one contiguous run of lines. Each line scores
# logit(p) - logit(SEGMENT_P), floored at -SEGMENT_GAP_COST so that a few weak lines inside the
# article do not cut it; the maximum-sum run of lines (Kadane) is the article. Inside it a line is
# kept from INSIDE_P, outside it only from OUTSIDE_P. Calibrated on out-of-fold pass-2
# probabilities of the training split (grid 0.25-0.4 / 0.2-0.3 / 0.8-0.9 / gap 2-4, best mean of
# token F1 + line F1 over html2text, inscriptis and flattened pages; docs/textlines.md).
SEGMENT_P = 0.3
INSIDE_P = 0.25
OUTSIDE_P = 0.8
SEGMENT_GAP_COST = 2.0
# Tail trim: kept lines after the last prose line of the article (a sentence of at least
# TAIL_MIN_WORDS words that is not a list item) are related headlines or video lists, not body,
# unless the model is at least TAIL_KEEP_P sure of them. Calibrated on the training split
# (TAIL_MIN_WORDS: in-sample token F1; TAIL_KEEP_P: out-of-fold token F1 + line F1 of the
# decoding above, scan 0 / 0.9 / 0.95 / 0.99 / off, docs/textlines.md).
TAIL_MIN_WORDS = 4
TAIL_KEEP_P = 0.95
_STAMP = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")
# Bylines and credits sit between the title and the body; they are never the title.
_BYLINE = re.compile(r"(?:by|par|text by|texte de|photo|crédits?|credits?)\b\W*\s*\w", re.I)
_OUTPUT_MARKER = re.compile(r"^\s*(?:(?:#{1,6}|[*+>•]|-(?=\s))\s*)+")
# End of the article: the first line after the start of the body that opens a comment thread or
# a share block (fr + en; no site names). Nothing from it on is body. Three kinds of lines:
# a comment count (``34 responses to …``, not ending like a sentence), a comment-form or
# share-block heading (``Leave a reply``, ``Share this:``, ``Commentaires``), and a comment header
# (``X on <date> at <time> said:``: it must carry a date or time, since news bodies often
# introduce a quotation with ``… said:``) of at most END_HEADER_WORDS words. Checked on the
# out-of-fold decoding of the training split (docs/textlines.md).
END_MARKERS = re.compile(  # matched on one lower-cased line
    r"^\W*(?P<count>\d+\s+(?:responses?|comments?|replies|réponses?|commentaires?|réactions?)\b)"
    r"|^\W*(?:leave a (?:reply|comment)|post a comment|add a comment|laisse[rz] un commentaire"
    r"|\d+ thoughts on|join the (?:discussion|conversation))\b"
    r"|^\W*(?:share this|partager cet article|comments?|commentaires?|réagir)\W*$"
    r"|(?P<header>\b(?:says|said|wrote|a écrit)\s*:?\s*$)"
)
# Every END_MARKERS line contains one of these (found with str.find, much faster than a regex
# scan of the whole page).
END_KEYS = ("respons", "comment", "repl", "répons", "réaction", "leave a", "post a", "add a",
            "laisse", "thoughts on", "join the", "share this", "partager cet", "réagir", "said",
            "says", "wrote", "écrit")  # fmt: skip
HEADER_KEYS = frozenset(["said", "says", "wrote", "écrit"])  # the keys of the header alternative
_HEADER_TAIL = re.compile(r"\s*:?\s*")
END_HEADER_WORDS = 15
_HEADER_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:h.]\d{2}\b|\b\d{1,2}[/.-]\d{1,2}\b")


@dataclass(frozen=True)
class TextExtraction:
    lines: list[str]
    labels: list[str]
    title: str | None
    lede: str | None
    body: list[str]
    kept: list[int]

    @property
    def text(self) -> str:
        """The article text: lede (if any) and body, one paragraph a line."""
        return "\n".join(([self.lede] if self.lede else []) + self.body)


def clean_line(line: str) -> str:
    """A kept line without markdown-ish list, heading and quote marks."""
    return _OUTPUT_MARKER.sub("", line).strip()


def _headline_like(raw: str) -> bool:
    text = strip_markers(raw)
    tokens = _WORD.findall(text)
    if not TITLE_WORDS[0] <= len(tokens) <= TITLE_WORDS[1] or raw.lstrip()[:1] in "*+•-":
        return False
    ends = text.endswith((".", ":", ";", ",", "…")) or text.endswith(('."', ".»", ".”"))
    noise = _is_image(text, text.lower()) or _is_link(text) or _STAMP.search(text)
    return not ends and not noise and not text.isupper() and not _BYLINE.match(text)


def _find_title(lines: Sequence[str], units: Sequence[int], first: int) -> int | None:
    """Line number of the title: nearest '#' heading before the body, else nearest headline."""
    at = bisect_left(units, first)  # units are sorted line numbers
    before = units[max(at - TITLE_WINDOW, 0) : at]
    headings = (u for u in reversed(before) if lines[u].lstrip().startswith("#"))
    heading = next((u for u in headings if _headline_like(lines[u])), None)
    if heading is not None:
        return heading
    return next((u for u in reversed(before) if _headline_like(lines[u])), None)


def _sentence_like(raw: str) -> bool:
    text = strip_markers(raw)
    n = len(_WORD.findall(text))
    noisy = _is_image(text, text.lower()) or _is_link(text)
    plain = not noisy and raw.lstrip()[:1] not in "*+•-#"
    return LEDE_WORDS[0] <= n <= LEDE_WORDS[1] and bool(_END.search(text)) and plain


def _find_lede(
    lines: Sequence[str], units: Sequence[int], title: int, body: set[int]
) -> int | None:
    after = [u for u in units if u > title][: LEDE_REACH + 1]
    if not after or not _sentence_like(lines[after[0]]):
        return None
    later = [u for u in after[1:] if u in body]
    return after[0] if later else None


def _labels(
    lines: Sequence[str], units: Sequence[int], body: set[int], title: int | None, lede: int | None
) -> list[str]:
    """Every line's label; the non-blank lines (``units``) are boilerplate unless kept."""
    out = ["blank"] * len(lines)
    for i in units:
        out[i] = "boilerplate"
    for i in body:
        out[i] = "body"
    for at, name in ((title, "title"), (lede, "lede")):
        if at is not None:
            out[at] = name
    return out


def _list_item(lines: Sequence[str], units: Sequence[int], k: int) -> bool:
    """A line next to a line without any word character (a bullet left on a line of its own)."""
    around = [units[j] for j in (k - 1, k + 1) if 0 <= j < len(units)]
    return any(not _WORD.search(lines[u]) for u in around)


def _prose(lines: Sequence[str], units: Sequence[int], k: int) -> bool:
    text = strip_markers(lines[units[k]])
    long = len(_WORD.findall(text)) >= TAIL_MIN_WORDS
    return long and bool(_END.search(text)) and not _list_item(lines, units, k)


def trim_tail(lines: Sequence[str], units: Sequence[int], body: set[int], prob: Matrix) -> set[int]:
    """``body`` without the unsure non-prose lines that follow its last prose line."""
    order = sorted(body)
    while order:
        k = bisect_left(units, order[-1])  # units are sorted line numbers
        if _prose(lines, units, k) or prob[k] >= TAIL_KEEP_P:
            break
        order.pop()
    return set(order)


def best_segment(score: Matrix) -> tuple[int, int]:
    """(first, last) index of the contiguous run with the largest sum of ``score`` (Kadane)."""
    if _fast is not None:
        first, last = _fast.best_segment(np.ascontiguousarray(score, dtype=np.float64))
        return first, last
    return _best_segment(score)


def _best_segment(score: Matrix) -> tuple[int, int]:
    best, span = -math.inf, (0, -1)
    run, start = 0.0, 0
    for i, value in enumerate(score.tolist()):
        if run <= 0.0:
            run, start = value, i
        else:
            run += value
        if run > best:
            best, span = run, (start, i)
    return span


def _logit(p: Matrix | float) -> Matrix:
    q = np.clip(p, 1e-6, 1.0 - 1e-6)
    return np.asarray(np.log(q / (1.0 - q)), dtype=np.float64)


def _remnant(line: str) -> bool:
    """An image or path left on a line of its own (``/2020/10/31/x.jpg)``, ``![](…)``)."""
    text = line.strip()
    return " " not in text and (text.startswith(("/", "![")) or _is_image(text, text.lower()))


def decode(prob: Matrix, has_word: Matrix, neutral: Matrix | None = None) -> Matrix:
    """Boolean keep mask: a confident line anywhere, a likely line inside the article run.

    Lines without words and image/path remnants (``neutral``) neither extend nor cut the run:
    photos sit between paragraphs of many articles.
    """
    score = np.maximum(_logit(prob) - _logit(SEGMENT_P), -SEGMENT_GAP_COST)
    counts = has_word if neutral is None else np.logical_and(has_word, np.logical_not(neutral))
    first, last = best_segment(np.where(counts, score, 0.0))
    inside = np.zeros(prob.shape[0], dtype=bool)
    inside[first : last + 1] = True
    return np.asarray(np.where(inside, prob >= INSIDE_P, prob >= OUTSIDE_P) & has_word)


def _end_marker(line: str, match: re.Match[str]) -> bool:
    if match.group("header"):
        short = len(_WORD.findall(line)) <= END_HEADER_WORDS
        return short and bool(_HEADER_DATE.search(line))
    return not (match.group("count") and _END.search(line))


# The comment-header alternative of END_MARKERS ends the line: its word starts at most this many
# characters before the line's end, once trailing spaces and one colon are set aside.
HEADER_REACH = len("a écrit") + 2


def _end_match(line: str) -> re.Match[str] | None:
    """``END_MARKERS.search(line)``, quicker on long lines: the alternatives anchored at the start
    are tried there only, the comment header only near the end (``\\b`` still sees the
    character before the search position)."""
    match = END_MARKERS.match(line)
    if match is not None:
        return match
    tail = line.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith(":") else tail
    return END_MARKERS.search(line, max(len(tail) - HEADER_REACH, 1))


def _key_positions(text: str) -> list[int]:
    """Where an ``END_KEYS`` word may start an end marker. A comment-header word ("said") counts
    only at the end of its line: every other ``END_MARKERS`` alternative holds a key of its own,
    which finds its line (news prose says "said" a lot; those lines need no check)."""
    found = []
    for key in END_KEYS:
        at = text.find(key)
        while at >= 0:
            if key not in HEADER_KEYS or _header_tail(text, at + len(key)):
                found.append(at)
            at = text.find(key, at + 1)
    return sorted(found)


def _header_tail(text: str, at: int) -> bool:
    """Only spaces and one colon between ``at`` and the end of its line."""
    end = text.find("\n", at)
    return _HEADER_TAIL.fullmatch(text, at, len(text) if end < 0 else end) is not None


def article_end(lines: Sequence[str], start: int, last: int | None = None) -> int:
    """Line number of the first ``END_MARKERS`` line after ``start`` and up to ``last`` (default:
    the last line), ``len(lines)`` if none."""
    text = "\n".join(lines[start + 1 : None if last is None else last + 1]).lower()
    checked = -1
    for at in _key_positions(text):
        line_start = text.rfind("\n", 0, at) + 1
        if line_start <= checked:
            continue
        checked = line_start
        line_end = text.find("\n", at)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        match = _end_match(line)
        if match and _end_marker(line, match):
            return start + 1 + text.count("\n", 0, line_start)
    return len(lines)


def classify(lines: Sequence[str], units: Sequence[int], x1: Matrix, prob: Matrix) -> set[int]:
    """Line numbers kept as body, from the pass-2 probabilities of the non-blank lines."""
    if not units:
        return set()
    has_word = x1[:, NO_WORD] == 0
    odd = np.flatnonzero((x1[:, IMAGE] > 0) | (x1[:, LINK] > 0)).tolist()
    neutral = np.zeros(len(units), dtype=bool)
    neutral[[k for k in odd if _remnant(lines[units[k]])]] = True
    keep = decode(prob, has_word, neutral)
    body = {units[k] for k in np.flatnonzero(keep).tolist()}
    if body:
        end = article_end(lines, min(body), max(body))  # a marker after the body changes nothing
        body = {u for u in body if u < end}
    return trim_tail(lines, units, body, prob)


def assemble(lines: list[str], units: list[int], x1: Matrix, prob: Matrix) -> TextExtraction:
    """Title, lede, body and labels of a page from its pass-2 probabilities."""
    body = classify(lines, units, x1, prob)
    title = _find_title(lines, units, min(body)) if body else None
    lede = _find_lede(lines, units, title, body) if title is not None else None
    body -= {title, lede}
    kept = sorted(body | {u for u in (title, lede) if u is not None})
    return TextExtraction(
        lines=lines,
        labels=_labels(lines, units, body, title, lede),
        title=clean_line(lines[title]) if title is not None else None,
        lede=clean_line(lines[lede]) if lede is not None else None,
        body=[clean_line(lines[i]) for i in sorted(body)],
        kept=kept,
    )


def extract_lines(text: str, model: LineModel) -> TextExtraction:
    """Split a plain-text dump into title, lede, body and boilerplate lines."""
    return extract_lines_batch([text], model)[0]


def extract_lines_batch(texts: Sequence[str], model: LineModel) -> list[TextExtraction]:
    """``extract_lines`` of every text, the same results, much faster per page for many pages:
    features and both passes run once over all lines of the batch, decoding page by page."""
    pages = [text.splitlines() for text in texts]
    return [
        assemble(lines, *scored)
        for lines, scored in zip(pages, model.score_batch(pages), strict=True)
    ]
