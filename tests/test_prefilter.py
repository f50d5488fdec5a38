"""Pattern pre-filter (``enrich.prefilter``): the atoms a pattern requires, and the windows
it skips, which must never hold one of its matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsweave.enrich import timex
from newsweave.enrich.prefilter import Prefilter, fold, required
from tests.conftest import FRANCEINFO, SHARED, XINHUA, needs_shared

CRISIS = SHARED / "data" / "ml_crisis_tls" / "fr"


@pytest.mark.parametrize(
    ("pattern", "atoms"),
    [
        (r"(?<!\w)(?:un|deux|\d+)\s+(?:jours?|ans)(?!\w)", {"jour", "ans"}),
        (r"(?:le\s+)?(?P<d>[0-3]?\d)\s+octobre", {"octobre"}),
        (r"\d+ ?h", {"h"}),  # one letter is more selective than ten digits
        (r"a?b+c*", {"b"}),
        (r"(?:x|y?)z", {"z"}),
        (r"(?=lundi)\w+", None),  # a lookahead may look past the window: requires nothing
        (r"(?i)Mardi", {"mardi"}),
        (r"(?m)^.*[{}].*$", {"{", "}"}),
        (r"(?:le|au)\s+\d", {"le", "au"}),  # two letters beat one digit
        (r"\d{4}", set("0123456789")),
    ],
)
def test_required_atoms(pattern: str, atoms: set[str] | None) -> None:
    found = required(re.compile(pattern))
    assert found == (None if atoms is None else frozenset(atoms))


def test_fold_merges_case_long_s_and_other_digits() -> None:
    assert fold("Le ſoir du ٣ Mars 2020") == "le soir du 0 mars 2020"
    assert fold("MAI 2020") == "mai 2020"


def test_windows_without_an_atom_are_skipped() -> None:
    text = "Il est venu lundi. Rien ici. Puis le 3 mai."
    pf = Prefilter([re.compile(r"lundi"), re.compile(r"\d+\s+mai"), re.compile(r"(?=x)")])
    windows = [(0, 18), (19, 28), (29, len(text))]
    assert pf.windows(text, windows) == [[(0, 18)], [(29, len(text))], windows]


def test_a_text_lower_lengthens_runs_every_pattern_everywhere() -> None:
    """ "İ".lower() is two characters: offsets would shift, so nothing is skipped."""
    text = "İstanbul, lundi."
    windows = [(0, 9), (10, len(text))]
    assert Prefilter([re.compile("mardi")]).windows(text, windows) == [windows]


def _pages() -> list[Path]:
    return [XINHUA, FRANCEINFO, *sorted(CRISIS.glob("*/*/*.txt"))[::12]]


@needs_shared
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_date_patterns_find_the_same_matches_with_and_without_the_prefilter(lang: str) -> None:
    gram = timex._grammar(lang)
    runs = skipped = 0
    for path in _pages():
        text = path.read_text(encoding="utf-8", errors="replace")
        windows = timex._windows(text, gram)
        kept = gram.prefilter.windows(text, windows)
        for (kind, pat), tried in zip(gram.patterns, kept, strict=True):
            everywhere = [m.span() for ws, we in windows for m in pat.finditer(text, ws, we)]
            filtered = [m.span() for ws, we in tried for m in pat.finditer(text, ws, we)]
            assert filtered == everywhere, (path.name, kind)
        runs += sum(map(len, kept))
        skipped += len(windows) * len(kept) - sum(map(len, kept))
    assert skipped > runs  # it does skip windows: most of them


def test_other_decimal_digits_count_as_digits() -> None:
    """re's \\d matches "٣" (Arabic-Indic three): a window holding one may match."""
    assert Prefilter([re.compile(r"\d+")]).windows("le ٣ mai", [(0, 8)]) == [[(0, 8)]]
    assert Prefilter([re.compile(r"\d+")]).windows("le trois", [(0, 8)]) == [[]]
