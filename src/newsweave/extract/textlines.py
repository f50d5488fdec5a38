"""Line classifier for plain-text page dumps: title / lede / body / boilerplate.

A crawler's text dump still carries the page around the article (menus, update stamps,
related headlines, image-path remnants, video lists, log-in prompts). Each line is scored by
a small two-pass gradient-boosted tree model (trained by ``scripts/train_textlines.py``, weights in
``textlines_model.json``, inference in numpy): pass 1 sees the line's own shape, its
neighbours and the page; pass 2 also sees the pass-1 probabilities of the lines around it.
Title and lede are then chosen by rules (the training labels carry neither).

Features never look at blank lines (some dumps separate paragraphs by blank lines, some do
not) nor at sites, hosts or URLs of the page. See ``docs/textlines.md``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

MODEL_PATH = Path(__file__).with_name("textlines_model.json")
MODEL_VERSION = "textlines/1"
# Bumped whenever a feature changes meaning, so that stale weights are refused.
FEATURE_SET = "lines-2"
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
_DATE = re.compile(r"\d{1,2}[:h]\d\d|\d{1,2}[/.-]\d{1,2}|(?:19|20)\d\d")
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b")
_PATH = re.compile(r"[^\s/]/[^\s/]")
_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s")
_CAP = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_END = re.compile(r"[.!?…。！？][\"'”»)\]」]?\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
CJK_CHARS = 2.5  # roughly the characters of one English word's meaning
_QUOTE = re.compile(r"[\"“”«»]")
_SEP = re.compile(r"\s[|·•»/]\s|\s-\s|\s\\-\s")

BASE_FEATURES = (
    "log_words", "log_chars", "end_sentence", "end_colon", "end_ellipsis", "bullet",
    "heading", "numbered", "image", "link", "no_word", "one_word", "digit_ratio",
    "cap_ratio", "stop_ratio", "punct_ratio", "comma_per_word", "separator", "date",
    "lower_start", "all_caps", "boiler_hint", "quote", "mean_word_len", "sentences",
)  # fmt: skip


# --- per-line features --------------------------------------------------------------------------
def strip_markers(line: str) -> str:
    """The line without list bullets, markdown heading/quote marks and surrounding spaces."""
    return _MARKER.sub("", line.strip(), count=1).strip()


def _is_image(text: str, lowered: str) -> bool:
    return "![" in text or ("." in text and bool(_IMAGE.search(lowered)))


def _is_link(text: str) -> bool:
    if "http" in text or "www." in text or "](" in text or text.startswith("/"):
        return True
    return "/" in text and bool(_PATH.search(text))


def _shape(raw: str, text: str, lowered: str) -> list[float]:
    head = raw.lstrip()[:1]
    return [
        float(bool(_END.search(text))),
        float(text.endswith(":")),
        float(text.endswith(("...", "…"))),
        float(head in "*+•·-" and head != ""),
        float(head == "#"),
        float(head.isdigit() and bool(_NUMBERED.match(raw))),
        float(_is_image(text, lowered)),
        float(_is_link(text)),
    ]


def _words(text: str, tokens: list[str], lowered: list[str]) -> list[float]:
    n = max(len(tokens), 1)
    chars = max(len(text), 1)
    letters = sum(map(len, tokens))
    return [
        float(not tokens),
        float(len(tokens) == 1),
        (len(text) - len(text.translate(_NO_DIGITS))) / chars,
        len(_CAP.findall(text)) / n,
        sum(map(STOPWORDS.__contains__, lowered)) / n,
        max(chars - letters - text.count(" "), 0) / chars,
        text.count(",") / n,
    ]


def _marks(text: str, tokens: list[str], lowered: list[str], digits: bool) -> list[float]:
    n = max(len(tokens), 1)
    hints = sum(map(BOILER_HINTS.__contains__, lowered))
    return [
        float(bool(_SEP.search(text))),
        min(len(_DATE.findall(text)), 3) / 3.0 if digits else 0.0,
        float(text[:1].islower()),
        float(text.isupper()),
        min(hints / n * 3.0, 1.0),
        float(bool(_QUOTE.search(text))),
        min(sum(map(len, tokens)) / n / 10.0, 2.0),
        math.log1p(text.count(". ") + text.count("? ")),
    ]


def _word_count(text: str, tokens: list[str]) -> float:
    """Number of words; scripts written without spaces count one word per CJK_CHARS chars."""
    if text.isascii():
        return len(tokens)
    return max(len(tokens), len(_CJK.findall(text)) / CJK_CHARS)


def line_features(raw: str) -> list[float]:
    """Shape features of one non-blank line (see ``BASE_FEATURES`` for the order)."""
    text = strip_markers(raw)
    tokens = _WORD.findall(text)
    low = text.lower()
    lowered = _WORD.findall(low)
    words = _word_count(text, tokens)
    size = [math.log1p(words), math.log1p(len(text))]
    head = size + _shape(raw, text, low) + _words(text, tokens, lowered)
    return head + _marks(text, tokens, lowered, head[12] > 0)


# --- page context ---------------------------------------------------------------------------
def _window_mean(col: Matrix, half: int) -> Matrix:
    """Mean of ``col`` over the window [i - half, i + half] (clipped at the page edges)."""
    n = col.shape[0]
    csum = np.concatenate(([0.0], np.cumsum(col)))
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    return np.asarray((csum[hi] - csum[lo]) / (hi - lo), dtype=np.float64)


def _side_mean(col: Matrix, k: int) -> list[Matrix]:
    """Means of ``col`` over the ``k`` lines before and the ``k`` lines after each line."""
    n = col.shape[0]
    csum = np.concatenate(([0.0], np.cumsum(col)))
    idx = np.arange(n)
    lo = np.maximum(idx - k, 0)
    hi = np.minimum(idx + 1 + k, n)
    before = (csum[idx] - csum[lo]) / np.maximum(idx - lo, 1)
    after = (csum[hi] - csum[idx + 1]) / np.maximum(hi - idx - 1, 1)
    return [before, after]


def _shifted(col: Matrix, by: int, fill: float) -> Matrix:
    """``col`` moved by ``by`` rows (positive: value of the line ``by`` rows before)."""
    out = np.full_like(col, fill)
    if by > 0:
        out[by:] = col[:-by]
    elif by < 0:
        out[:by] = col[-by:]
    return out


def _neighbours(cols: Matrix, fills: Sequence[float]) -> list[Matrix]:
    out: list[Matrix] = []
    for by in (1, 2, -1, -2):
        out.extend(_shifted(cols[:, k], by, f) for k, f in enumerate(fills))
    return out


def _block_position(score: Matrix, half: int) -> list[Matrix]:
    """Signed/absolute distance to the densest block of ``score`` and mass before/after."""
    n = score.shape[0]
    dense = _window_mean(score, half)
    centre = int(np.argmax(dense))
    pos = np.arange(n, dtype=np.float64)
    total = max(float(score.sum()), 1e-9)
    before = (np.cumsum(score) - score) / total
    return [
        (pos - centre) / max(n, 1),
        np.log1p(np.abs(pos - centre)),
        before,
        dense / max(float(dense.max()), 1e-9),
    ]


PROSE_COLS = (0, 2, 14, 5, 9, 10)  # log_words, end_sentence, stop_ratio, bullet, link, no_word


def context_features(base: Matrix) -> Matrix:
    """Pass-1 matrix: a line's own features, its neighbours' and the page's."""
    n = base.shape[0]
    words = base[:, 0]
    prose = words * base[:, 2] * (base[:, 14] + 0.1)
    cols = [base[:, k] for k in range(base.shape[1])]
    cols += _neighbours(base[:, PROSE_COLS], (0.0,) * len(PROSE_COLS))
    cols += [_window_mean(words, h) for h in (2, 5, 15)]
    cols += [_window_mean(base[:, 2], 5), _window_mean(base[:, 14], 5), _window_mean(base[:, 5], 3)]
    for k in (0, 2, 14):  # log_words, end_sentence, stop_ratio
        cols += _side_mean(base[:, k], 4)
    cols += _side_mean(base[:, 2], 10)
    cols += [words / max(float(words.max()), 1.0), words - float(np.median(words))]
    cols += [np.arange(n) / max(n - 1, 1)]
    cols += _block_position(prose, 5)
    return np.column_stack(cols) if n else np.zeros((0, 0))


def _segment_mass(prob: Matrix, gap: int) -> list[Matrix]:
    """Share of the page's likely-body mass in the run of likely-body lines around each line.

    Likely-body lines (prob >= 0.5) separated by fewer than ``gap`` other lines form one run;
    a line gets the mass of the run before it and of the run after it (the same inside a run).
    """
    n = prob.shape[0]
    high = np.flatnonzero(prob >= 0.5)
    if high.size == 0:
        return [np.zeros(n), np.zeros(n)]
    seg = np.concatenate(([0], np.cumsum(np.diff(high) - 1 >= gap)))
    mass = np.bincount(seg, weights=prob[high])
    share = mass / mass.max()
    prev = np.searchsorted(high, np.arange(n), side="right") - 1
    nxt = np.searchsorted(high, np.arange(n), side="left")
    before = np.where(prev >= 0, share[seg[np.maximum(prev, 0)]], 0.0)
    after = np.where(nxt < high.size, share[seg[np.minimum(nxt, high.size - 1)]], 0.0)
    return [before, after]


def stacked_features(first: Matrix, prob: Matrix) -> Matrix:
    """Pass-2 matrix: pass-1 features plus the pass-1 probabilities around each line."""
    cols = [prob] + [_shifted(prob, by, 0.0) for by in (1, 2, 3, -1, -2, -3)]
    cols += [_window_mean(prob, h) for h in (2, 5, 12)]
    cols += _block_position(prob * (prob > 0.5), 4)
    cols += [np.maximum.accumulate(prob), np.maximum.accumulate(prob[::-1])[::-1]]
    for gap in (1, 3, 8):
        cols += _segment_mass(prob, gap)
    return np.column_stack([first, *cols])


def page_units(lines: Sequence[str]) -> list[int]:
    """Line numbers the classifier looks at: every line with a visible character."""
    return [i for i, line in enumerate(lines) if line.strip()]


def page_matrix(lines: Sequence[str]) -> tuple[list[int], Matrix]:
    """(line numbers of the non-blank lines, their pass-1 feature matrix)."""
    units = page_units(lines)
    if not units:
        return units, np.zeros((0, 0))
    base = np.array([line_features(lines[i]) for i in units], dtype=np.float64)
    return units, context_features(base)


# --- model -------------------------------------------------------------------------------------
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

    def predict(self, x: Matrix) -> Matrix:
        n, width = x.shape
        flat = np.ascontiguousarray(x).ravel()
        offset = (np.arange(n, dtype=np.intp) * width)[:, None]
        node = np.tile(self.roots, (n, 1))
        child = self.children
        for _ in range(self.depth):  # one gather per level on flat arrays; leaves loop to self
            right = flat[offset + self.feature[node]] > self.threshold[node]
            node = child[2 * node + right]
        z = self.baseline + self.value[node].sum(axis=1)
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float64)


@dataclass(frozen=True)
class LineModel:
    first: Forest
    second: Forest
    threshold: float
    version: str = MODEL_VERSION

    def probabilities(self, lines: Sequence[str]) -> tuple[list[int], Matrix]:
        units, x1 = page_matrix(lines)
        if not units:
            return units, np.zeros(0)
        p1 = self.first.predict(x1)
        return units, self.second.predict(stacked_features(x1, p1))


def _forest(data: dict[str, Any]) -> Forest:
    children = np.column_stack([data["left"], data["right"]]).ravel()
    return Forest(
        feature=np.asarray(data["feature"], dtype=np.intp),
        threshold=np.asarray(data["threshold"], dtype=np.float64),
        children=np.asarray(children, dtype=np.intp),
        value=np.asarray(data["value"], dtype=np.float64),
        roots=np.asarray(data["roots"], dtype=np.intp),
        depth=int(data["depth"]),
        baseline=float(data["baseline"]),
    )


def load_model(path: Path | None = None) -> LineModel:
    """Load the weights (default: ``textlines_model.json`` next to this module)."""
    data = json.loads((path or MODEL_PATH).read_text(encoding="utf-8"))
    if data.get("feature_set") != FEATURE_SET or data.get("features") != list(BASE_FEATURES):
        raise ValueError("textlines model was trained on other features; retrain it")
    return LineModel(
        _forest(data["first"]), _forest(data["second"]), float(data["threshold"]), data["version"]
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
    before = [u for u in units if u < first][-TITLE_WINDOW:]
    candidates = [u for u in before if _headline_like(lines[u])]
    headings = [u for u in candidates if lines[u].lstrip().startswith("#")]
    if headings:
        return headings[-1]
    return candidates[-1] if candidates else None


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


def _labels(lines: Sequence[str], body: set[int], title: int | None, lede: int | None) -> list[str]:
    named = {title: "title", lede: "lede"}
    out = []
    for i, line in enumerate(lines):
        default = "body" if i in body else ("boilerplate" if line.strip() else "blank")
        out.append(named.get(i, default))
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
    index = {u: k for k, u in enumerate(units)}
    order = sorted(body)
    while order:
        k = index[order[-1]]
        if _prose(lines, units, k) or prob[k] >= TAIL_KEEP_P:
            break
        order.pop()
    return set(order)


def best_segment(score: Matrix) -> tuple[int, int]:
    """(first, last) index of the contiguous run with the largest sum of ``score`` (Kadane)."""
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


def classify(lines: Sequence[str], model: LineModel) -> tuple[list[int], set[int]]:
    """(non-blank line numbers, line numbers the model keeps as body)."""
    units, prob = model.probabilities(lines)
    if not units:
        return units, set()
    has_word = np.array([_WORD.search(lines[u]) is not None for u in units])
    neutral = np.array([_remnant(lines[u]) for u in units])
    keep = decode(prob, has_word, neutral)
    body = {u for u, k in zip(units, keep.tolist(), strict=True) if k}
    return units, trim_tail(lines, units, body, prob)


def extract_lines(text: str, model: LineModel) -> TextExtraction:
    """Split a plain-text dump into title, lede, body and boilerplate lines."""
    lines = text.splitlines()
    units, body = classify(lines, model)
    title = _find_title(lines, units, min(body)) if body else None
    lede = _find_lede(lines, units, title, body) if title is not None else None
    body -= {title, lede}
    kept = sorted(body | {u for u in (title, lede) if u is not None})
    return TextExtraction(
        lines=lines,
        labels=_labels(lines, body, title, lede),
        title=clean_line(lines[title]) if title is not None else None,
        lede=clean_line(lines[lede]) if lede is not None else None,
        body=[clean_line(lines[i]) for i in sorted(body)],
        kept=kept,
    )
