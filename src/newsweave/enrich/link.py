"""Cross-corpus entity identity: transliteration-aware keys and the alias table.

Within an article, ``entities.find_entities`` gives every mention a canonical name. Across
articles and languages, two canonical names are the same entity when they have the same label
and the same *key*: the name transliterated to ASCII (``anyascii``: Путин → Putin), lower-cased,
with the spelling differences of French/English/German transliteration folded away
(Poutine / Putin, Pachinian / Pashinyan, Aliev / Aliyev), or when the alias table says so
(Russie / Russia / Россия). The store keeps one row per entity and its aliases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from anyascii import anyascii
from babel import Locale

from ..errors import InputError
from ..model import Span

# Spelling folds applied in order to the ASCII, lower-cased name. Calibrated by hand on the
# transliteration pairs of the seeds and the alias table (fr/en/de spellings of Russian,
# Armenian, Azerbaijani and Arabic names): each fold maps a French or German spelling onto the
# English one (and 'ks', the transliteration of Cyrillic 'кс', onto 'x': Алексей / Alexeï),
# none of them merges two names of the alias table that must stay apart
# (checked by tests/test_link.py).
FOLDS: tuple[tuple[str, str], ...] = (
    ("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("kh", "h"), ("ou", "u"), ("dj", "j"),
    ("ph", "f"), ("w", "v"), ("y", "i"), ("ck", "k"), ("ks", "x"),
)  # fmt: skip
# A final "e" is dropped from tokens longer than this (Poutine / Putin, Lavrove is rare but
# harmless): French adds a mute -e to many Russian names.
MUTE_E_MIN = 4
# Languages whose CLDR country names join the alias table; the first one names the entity.
COUNTRY_LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ru", "ar")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_REPEAT = re.compile(r"(.)\1+")


def translit_key(name: str) -> str:
    """The matching key of a name: Путин, Putin and Poutine all give ``putin``."""
    text = anyascii(name).lower().replace("-", " ").replace("'", "")
    text = " ".join(_NON_WORD.sub(" ", text).split())
    for old, new in FOLDS:
        text = text.replace(old, new)
    text = _REPEAT.sub(r"\1", text)
    return " ".join(_drop_mute_e(tok) for tok in text.split())


def short_form_key(name: str, canonical: str) -> str | None:
    """Key of a name that is no part of its canonical name: an acronym the article defined
    ("OSDH" for the Observatoire syrien des droits de l'homme, "U.S." for the United States).
    Articles that never spell the name out know only this form, so matching across articles
    needs it. A surname is part of its person's name ("Poutine", "al-Assad"): None."""
    own = translit_key(name)
    if own and f" {own} " not in f" {translit_key(canonical)} ":
        return own
    return None


def mention_short_form(mention: Span, text: str, canonical: str) -> str | None:
    """``short_form_key`` of a name mention of ``text`` (a role noun is never a short form)."""
    if mention.attrs.get("kind", "name") != "name":
        return None
    return short_form_key(mention.text_of(text), canonical)


def _drop_mute_e(token: str) -> str:
    return token[:-1] if len(token) > MUTE_E_MIN and token.endswith("e") else token


def surname_key(name: str) -> str | None:
    """Key of the last token of a multi-word name (``Vladimir Poutine`` → ``putin``)."""
    key = translit_key(name)
    return key.rsplit(" ", 1)[-1] if " " in key else None


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Preferred names by (label, key). Built from the bundled table, CLDR country names and
    the user's own file (same JSON shape as ``data/aliases.json``)."""

    preferred: dict[tuple[str, str], str]

    def resolve(self, label: str, name: str) -> str:
        """The preferred name of ``name``, or ``name`` itself when the table does not know it."""
        return self.preferred.get((label, translit_key(name)), name)

    def names(self) -> Iterable[tuple[str, str, str]]:
        """(label, alias key, preferred name) rows."""
        for (label, key), name in self.preferred.items():
            yield label, key, name


Table = dict[tuple[str, str], str]


def _add_group(table: Table, label: str, name: str, aliases: list[str]) -> None:
    for alias in [name, *aliases]:
        table[(label, translit_key(alias))] = name


def _country_groups() -> Iterable[tuple[str, list[str]]]:
    locales = [Locale(lang).territories for lang in COUNTRY_LANGUAGES]
    for code, name in locales[0].items():
        if code.isalpha() and len(code) == 2:
            yield name, [names[code] for names in locales[1:] if code in names]


def _read_groups(data: Any, origin: str) -> list[dict[str, Any]]:
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise InputError(f"{origin}: alias table must be an object with a 'groups' list")
    return groups


def load_aliases(extra: Path | None = None) -> AliasTable:
    """Bundled aliases + CLDR country names, then the user's file (which wins)."""
    table: dict[tuple[str, str], str] = {}
    for name, aliases in _country_groups():
        _add_group(table, "LOC", name, aliases)
    bundled = resources.files("newsweave").joinpath("data/aliases.json").read_text("utf-8")
    sources = [(json.loads(bundled), "data/aliases.json")]
    if extra is not None:
        sources.append((_read_user_file(extra), str(extra)))
    for data, origin in sources:
        for group in _read_groups(data, origin):
            _add_group(table, group["label"], group["name"], list(group.get("aliases", [])))
    return AliasTable(table)


def _read_user_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read alias table ({exc})") from None
