"""Outlet clues in a page's boilerplate (``extract.meta``): copyright lines and credits."""

from __future__ import annotations

import pytest

from newsweave.extract.meta import load_outlets, outlet_from_clues

CLUE_LINES = {
    "© Copyright 20 Minutes": "20 Minutes",
    "© Copyright 20\u00a0Minutes": "20 Minutes",
    "Copyright © Le Soir.be 1996-2020 Ipm sa": "Le Soir.be",
    "© Le Journal du Val 2015": "Le Journal du Val",
    "© Le Monde de la Photo  2007-2020": "Le Monde de la Photo",
    "© 2024 Example Media. All rights reserved.": "Example Media",
    "© 2005-2020 ALJ AGENCY - Un grand merci": "ALJ AGENCY",
    "Copyright 2026 The Daily Example. All rights reserved.": "The Daily Example",
    "© 2011": None,
    "Crédits photo : © Agence Exemple / Exemple": None,
    "Le ministre à Genève, le 3 mars. Photo © Jean Martin": None,
}


@pytest.mark.parametrize("line", CLUE_LINES, ids=list(CLUE_LINES))
def test_copyright_lines_name_the_outlet_and_credits_do_not(line: str) -> None:
    assert outlet_from_clues([line], load_outlets()) == CLUE_LINES[line]


def test_a_credit_line_gives_way_to_the_page_owner_further_down() -> None:
    lines = ["Crédits photo : © Agence Exemple / Exemple", "© Le Courrier du Val"]
    assert outlet_from_clues(lines, load_outlets()) == "Le Courrier du Val"
