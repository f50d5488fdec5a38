"""Skip the stretches of a text where a regular expression cannot match: required atoms.

Python's ``re`` engine tries a pattern at every character it is given, so a layer that runs
dozens of patterns (date mentions) pays for each pattern over the whole text. ``required``
reads the parse tree of a compiled pattern and returns its atoms: lower-case strings one of
which every match contains (``\\d`` is the ten atoms 0-9; ``fold`` writes other decimal digits
as 0). ``Prefilter`` finds the atoms of all its patterns in one Aho-Corasick pass
(pyahocorasick) and gives, per pattern, the windows of the text that hold one of its atoms.
The matches are the same; only windows where a pattern cannot match are skipped.

The reading is conservative: a construct it does not know requires nothing, lookarounds
require nothing (they may look outside the window), and optional parts require nothing. It
uses the standard library's pattern parser (``re._parser``, private but stable since 3.11);
a pattern it cannot read simply runs on every window.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

# the standard library's own pattern parser (Python 3.11 on): private, read-only use
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

Atoms = frozenset[str]
Window = tuple[int, int]

# Letters that re.IGNORECASE takes as one but str.lower() keeps apart ("ſ" and "s").
_EXTRA_FOLDS = {"ſ": "s", "ı": "i", "µ": "μ"}
_DIGITS = frozenset("0123456789")


def fold(text: str) -> str:
    """Text as atoms are written: lower case, re's extra case pairs merged, decimal digits
    other than 0-9 (Arabic-Indic, Devanagari …) written 0, so that ``\\d`` is "one of 0-9"."""
    low = text.lower()
    for char, folded in _EXTRA_FOLDS.items():
        if char in low:
            low = low.replace(char, folded)
    if low.isascii():
        return low
    others = {ord(c): "0" for c in set(low) if c.isdecimal() and not c.isascii()}
    return low.translate(others) if others else low


def required(pattern: re.Pattern[str]) -> Atoms | None:
    """Atoms one of which every match of ``pattern`` contains, or None if none is known."""
    try:
        return _sequence(list(_P.parse(pattern.pattern, pattern.flags)))
    except Exception:  # pragma: no cover - an unknown tree shape: the pattern runs everywhere
        return None


class Prefilter:
    """The atoms of several patterns, found in one pass over a text."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.size = len(patterns)
        self.always = 0  # bit k: pattern k requires nothing known
        masks: dict[str, int] = {}
        for k, pattern in enumerate(patterns):
            atoms = required(pattern)
            if atoms is None:
                self.always |= 1 << k
            for atom in atoms or ():
                masks[atom] = masks.get(atom, 0) | 1 << k
        self.automaton = _automaton(masks) if masks else None

    def windows(self, text: str, windows: list[Window]) -> list[list[Window]]:
        """For each pattern, the windows (sorted, disjoint spans of ``text``) holding one of
        its atoms."""
        masks = self._masks(text, windows)
        return [[w for w, m in zip(windows, masks, strict=True) if m >> k & 1]
                for k in range(self.size)]  # fmt: skip

    def _masks(self, text: str, windows: list[Window]) -> list[int]:
        if self.automaton is None:
            return [self.always] * len(windows)  # no pattern requires anything known
        folded = fold(text)
        if len(folded) != len(text):
            return [-1] * len(windows)  # lower() changed the length: every pattern everywhere
        starts = [ws for ws, _ in windows]
        masks = [self.always] * len(windows)
        for last, (length, mask) in self.automaton.iter(folded):
            i = bisect.bisect_right(starts, last - length + 1) - 1
            if i >= 0 and last < windows[i][1]:
                masks[i] |= mask
        return masks


def _automaton(masks: dict[str, int]) -> Any:
    automaton = ahocorasick.Automaton()
    for atom, mask in masks.items():
        automaton.add_word(atom, (len(atom), mask))
    automaton.make_automaton()
    return automaton


def _sequence(items: list[tuple[Any, Any]]) -> Atoms | None:
    """A sequence requires what its most selective required element requires."""
    options: list[Atoms] = []
    run = ""
    for op, av in items:
        if op is _C.LITERAL:
            run += fold(chr(av))
            continue
        if run:
            options.append(frozenset({run}))
        run = ""
        if (req := _node(op, av)) is not None:
            options.append(req)
    if run:
        options.append(frozenset({run}))
    return max(options, key=_selectivity, default=None)


def _node(op: Any, av: Any) -> Atoms | None:
    if op is _C.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is _C.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return _sequence(list(av[2])) if av[0] >= 1 else None
    if op is _C.BRANCH:
        return _union(_sequence(list(seq)) for seq in av[1])
    if op is _C.IN:
        return _charset(list(av))
    return None


def _charset(items: list[tuple[Any, Any]]) -> Atoms | None:
    """[abc] requires one of its letters, \\d a digit; other classes require nothing known."""
    if items == [(_C.CATEGORY, _C.CATEGORY_DIGIT)]:
        return _DIGITS
    if all(op is _C.LITERAL for op, _ in items):
        return frozenset(fold(chr(av)) for _, av in items)
    return None


def _union(reqs: Iterable[Atoms | None]) -> Atoms | None:
    out: set[str] = set()
    for req in reqs:
        if req is None:
            return None
        out |= req
    return frozenset(out)


def _selectivity(atoms: Atoms) -> tuple[int, int]:
    """The longest shortest atom (up to 4 letters), then the fewest atoms."""
    return min(4, *(len(a) for a in atoms)), -len(atoms)
