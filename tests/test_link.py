"""Entities across the corpus: transliteration keys, the alias table, linking in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.enrich.link import load_aliases, short_form_key, translit_key
from newsweave.errors import InputError
from newsweave.model import Article, Provenance, Span
from newsweave.store import Store


@pytest.mark.parametrize(
    ("a", "b"),
    [("Poutine", "Putin"), ("Путин", "Putin"), ("Nikol Pachinian", "Nikol Pashinyan"),
     ("Ilham Aliev", "Ilham Aliyev"), ("Bachar al-Assad", "Bashar al-Assad"),
     ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
     ("Volodymyr Zelensky", "Володимир Зеленський"), ("Volodymyr Zelenskyy", "Volodymyr Zelenski"),
     ("Dmitri Medvedev", "Дмитрий Медведев"), ("Dmitry Medvedev", "Dmitri Medvedev"),
     ("Alexeï Navalny", "Алексей Навальный"), ("Alexei Navalny", "Alexeï Navalny")],
)  # fmt: skip
def test_transliterations_share_a_key(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Poutine", "Pouchkine"), ("Arménie", "Albanie"), ("Nikol Pachinian", "Nikol Pashkov"),
     ("Marie Dupont", "Mario Dupont"), ("Lavrov", "Lavrova")],
)  # fmt: skip
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)


def test_alias_table_joins_languages_and_scripts() -> None:
    table = load_aliases()
    assert table.resolve("LOC", "Russia") == table.resolve("LOC", "Россия") == "Russie"
    assert table.resolve("LOC", "Nagorno-Karabakh") == "Haut-Karabakh"
    assert table.resolve("PER", "Vladimir Putin") == "Vladimir Poutine"
    assert table.resolve("PER", "Владимир Путин") == "Vladimir Poutine"
    assert table.resolve("PER", "Sergei Lavrov") == table.resolve("PER", "Сергей Лавров")
    assert table.resolve("PER", "Muammar Gaddafi") == "Mouammar Kadhafi"
    assert table.resolve("PER", "Bashar al-Assad") == "Bachar al-Assad"
    assert table.resolve("PER", "Aleksandr Lukashenko") == "Alexandre Loukachenko"
    assert table.resolve("PER", "Benjamin Netanyahu") == "Benyamin Netanyahou"
    assert table.resolve("PER", "Russia") == "Russia"  # labels are never mixed
    assert table.resolve("ORG", "Inconnue SA") == "Inconnue SA"


def test_user_alias_file_extends_the_table(tmp_path: Path) -> None:
    extra = tmp_path / "aliases.json"
    group = {"label": "ORG", "name": "Chimirex", "aliases": ["Chimirex SA", "CHX"]}
    extra.write_text(json.dumps({"groups": [group]}), "utf-8")
    assert load_aliases(extra).resolve("ORG", "CHX") == "Chimirex"
    extra.write_text("[1, 2]", "utf-8")
    with pytest.raises(InputError, match=r"aliases\.json"):
        load_aliases(extra)


def article(key: str, text: str, mentions: list[tuple[str, str, str, int]]) -> Article:
    """An article whose entity spans are (surface, label, canonical, local entity id)."""
    spans = []
    for surface, label, canonical, local in mentions:
        start = text.index(surface)
        spans.append(Span(start, start + len(surface), label, {"canonical": canonical,
                                                             "entity": local}))  # fmt: skip
    art = Article(
        source=key, key=key, text=text, title=None, lede=None, language="fr", outlet=None,
        url=None, authors=[], published=None, date_candidates=[],
        provenance=Provenance("lines", (0,), "test"), page_hash=key,
    )  # fmt: skip
    art.annotations["entities"] = spans
    return art


def test_store_links_entities_across_articles_and_languages(tmp_path: Path) -> None:
    aliases = load_aliases()
    with Store(tmp_path / "t.db") as store:
        store.save(article("a", "Poutine a parlé.", [("Poutine", "PER", "Poutine", 0)]), aliases)
        text = "Le président russe Vladimir Poutine a parlé à Moscou."
        store.save(article("b", text, [("Vladimir Poutine", "PER", "Vladimir Poutine", 0),
                                       ("Moscou", "LOC", "Moscou", 1)]), aliases)  # fmt: skip
        text = "Vladimir Putin spoke in Moscow; Putin said more."
        store.save(article("c", text, [("Vladimir Putin", "PER", "Vladimir Putin", 0),
                                       ("Putin said", "PER", "Vladimir Putin", 0),
                                       ("Moscow", "LOC", "Moscow", 1)]), aliases)  # fmt: skip
        store.save(article("d", "Путин выступил.", [("Путин", "PER", "Путин", 0)]), aliases)
        rows = {r["name"]: r for r in store.entities()}
    assert set(rows) == {"Vladimir Poutine", "Moscou"}
    putin = rows["Vladimir Poutine"]
    assert putin["articles"] == 4 and putin["mentions"] == 5
    assert {a["alias"] for a in putin["aliases"]} >= {"Poutine", "Vladimir Putin", "Путин"}
    assert rows["Moscou"]["articles"] == 2


def test_same_name_different_label_stays_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(article("a", "Jordan a gagné.", [("Jordan", "PER", "Jordan", 0)]))
        store.save(article("b", "La Jordanie et Jordan.", [("Jordan", "LOC", "Jordan", 0)]))
        labels = sorted(r["label"] for r in store.entities())
    assert labels == ["LOC", "PER"]


def test_ambiguous_surname_is_not_guessed(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(article("a", "Marie Curie.", [("Marie Curie", "PER", "Marie Curie", 0)]))
        store.save(article("b", "Pierre Curie.", [("Pierre Curie", "PER", "Pierre Curie", 0)]))
        store.save(article("c", "Curie a dit.", [("Curie", "PER", "Curie", 0)]))
        names = sorted(r["name"] for r in store.entities())
    assert names == ["Curie", "Marie Curie", "Pierre Curie"]


def test_store_links_other_names_across_scripts(tmp_path: Path) -> None:
    """Names outside the alias table join by transliteration alone (Cyrillic 'кс' = 'x')."""
    with Store(tmp_path / "t.db") as store:
        for key, name in (("a", "Alexeï Navalny"), ("b", "Alexei Navalny"),
                          ("c", "Алексей Навальный"), ("d", "Dmitri Medvedev"),
                          ("e", "Дмитрий Медведев")):  # fmt: skip
            store.save(article(key, name + " a parlé.", [(name, "PER", name, 0)]), load_aliases())
        rows = {r["name"]: r for r in store.entities()}
    assert len(rows) == 2
    assert sorted(r["articles"] for r in rows.values()) == [2, 3]


def test_acronym_joins_its_name_whichever_article_comes_first(tmp_path: Path) -> None:
    """An article that spells out "OSDH" gives the acronym-only entity its full name; articles
    before and after it that write only "OSDH" are that entity."""
    name = "Observatoire syrien des droits de l'homme"
    defining = f"Selon l'{name} (OSDH), l'OSDH compte."
    with Store(tmp_path / "t.db") as store:
        store.save(article("a", "Selon l'OSDH, dix morts.", [("OSDH", "ORG", "OSDH", 0)]))
        store.save(article("b", defining, [(name, "ORG", name, 0), ("OSDH", "ORG", name, 0)]))
        store.save(article("c", "L'OSDH a compté.", [("OSDH", "ORG", "OSDH", 0)]))
        store.save(article("d", "L'ONU a parlé.", [("ONU", "ORG", "ONU", 0)]))
        rows = {r["name"]: r for r in store.entities()}
    assert set(rows) == {name, "ONU"}
    assert rows[name]["articles"] == 3
    assert {a["alias"] for a in rows[name]["aliases"]} == {name, "OSDH"}


def test_short_form_key_is_a_word_the_name_lacks() -> None:
    assert short_form_key("OSDH", "Observatoire syrien des droits de l'homme") == "osdh"
    assert short_form_key("Poutine", "Vladimir Poutine") is None  # a surname is no short form
    assert short_form_key("Al-Assad", "Bachar al-Assad") is None
    assert short_form_key("ONU", "ONU") is None
    assert short_form_key("U.S.", "United States") == "u s"
