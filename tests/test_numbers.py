"""Numeric facts: invented fixtures, the seeds, and a floor on the hand-annotated gold."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsweave.enrich.numbers import find_numbers
from newsweave.model import Span
from tests.conftest import FRANCEINFO, REPO, XINHUA, needs_shared

GOLD_DIR = REPO / "tests" / "gold"
# Floors: precision and recall measured with `bench/enrich_numbers.py --no-doc` on all gold
# documents (dev + held-out), rounded down ~0.02: fr P 1.000 R 0.988, en P 0.991 R 0.921
# (2026-11, after the page-tail, era-year and event-year rules; before them fr P was 0.914).
# The gold then grew by 24 articles (tests/gold/README.md, second batch): fr P 0.968 R 0.968,
# en P 0.961 R 0.919 on the grown gold; after the rising-range and "de ses" partitive rules
# fr P 0.973 R 0.977. The gold grew again by a third batch (30 articles): fr P 0.972 R 0.945,
# en P 0.956 R 0.900 (the third batch alone: fr 0.969 / 0.851, en 0.945 / 0.863). Floors below
# are for the grown gold. A fourth batch (30 articles) measured the rules fresh: fr P 1.000
# R 0.942, en P 0.661 R 0.796 (UK phone numbers, "four-by-four", "$2.6-million", "2 1/2 hours");
# after the phone, "-by-", hyphenated-multiplier and fraction rules, on all gold: fr P 0.975
# R 0.945, en P 0.932 R 0.900. After the detokenised "6. 1 magnitude" and "two - million -
# euro" rules (dev errors): en P 0.985 R 0.927. Floors below are for this grown gold.
# The fifth batch (fresh en P 0.830 R 0.796), then rules from its dev errors ("2m euros",
# "200ft", "0800 555111", a long line without full stop in a teaser run): en P 0.972 R 0.938.
# The sixth batch (25 articles; fresh, rules unchanged: fr P 0.965 R 0.846, en P 0.833
# R 0.758) brings all gold to fr P 0.974 R 0.920, en P 0.961 R 0.919. Floors below are for
# this grown gold (those two are the spaCy-doc figures; without the doc, as this test runs:
# fr P 0.964 R 0.922, en P 0.956 R 0.927). Round b6, rules from the batch's dev misses (the
# fixtures below): without the doc fr P 0.965 R 0.952, en P 0.972 R 0.946; recall floors
# raised to match, precision floors kept. The seventh batch (13 French articles; fresh: fr P
# 1.000 R 0.940) leaves all gold at fr P 0.968 R 0.951 without the doc: floors unchanged. The
# eighth batch (10 French articles; fresh, with the doc: P 0.955 R 0.889), then "un
# demi-million" and "au moins un blessé": all gold fr P 0.967 R 0.948 without the doc. The ninth
# batch (8 French articles), fresh: P 1.000 R 0.962; all gold fr P 0.970 R 0.949 without the doc.
# The twelfth batch (24 French regional articles), fresh with the doc: P 0.948 R 0.852; after
# the power-unit and short-year rules all gold fr P 0.969 R 0.935 without the doc: the recall
# floor follows the grown gold (the measure changed, not the rules). The thirteenth batch (18
# French articles), fresh with the doc: P 0.973 R 0.899; all gold fr P 0.968 R 0.932 without it.
# The fifteenth batch (14 French articles), fresh with the doc: P 0.962 R 0.920; all gold fr
# P 0.969 R 0.930 without the doc.
FLOORS = {"fr": (0.95, 0.93), "en": (0.955, 0.93)}
# Held-out precision alone on the grown gold: the fourth batch's held-out English part had
# brought en to 0.898 (115/128), under the goal (P >= 0.90); after the two rules above
# fr 0.939 (77/82) and en 0.976 (120/123). One mistake costs ~0.012 for fr, so the floor
# allows about one more. The fifth batch's held-out French part (7 articles) then brought fr
# to 0.918 (101/110) with the rules unchanged: the floor is the goal, P >= 0.90.
HELDOUT_P_FLOOR = 0.90


def one(text: str, lang: str | None = "fr", doc: Any = None) -> Span:
    spans = find_numbers(text, lang, doc)
    assert len(spans) == 1, [(text[s.start : s.end], s.attrs) for s in spans]
    return spans[0]


def values(text: str, lang: str | None = "fr") -> list[float]:
    return [s.attrs["value"] for s in find_numbers(text, lang)]


def value_units(text: str, lang: str) -> list[tuple[str, float, str | None]]:
    return [
        (text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) for s in find_numbers(text, lang)
    ]


def test_plus_de_1250_morts() -> None:
    text = "La guerre a fait plus de 1 250 morts en Syrie."
    s = one(text)
    assert text[s.start : s.end] == "plus de 1 250 morts"
    assert s.label == "NUMBER"
    assert s.attrs["value"] == 1250 and s.attrs["qualifier"] == ">="
    assert s.attrs["unit"] == "morts" and s.attrs["kind"] == "count"
    assert text[slice(*s.attrs["unit_span"])] == "morts"
    assert s.attrs["sentence"] == [0, len(text)]


def test_un_peu_plus_d_un_mois_is_a_duration() -> None:
    text = "Les combats durent depuis un peu plus d'un mois."
    s = one(text)
    assert text[s.start : s.end] == "un peu plus d'un mois"
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (1, ">", "mois")
    assert s.attrs["kind"] == "duration"


def test_hyphenated_multiplier_and_fraction() -> None:
    text = "The robbers took a $2.6-million booty in 2 1/2 hours."
    assert value_units(text, "en") == [
        ("$2.6-million", 2_600_000, "dollars"),
        ("2 1/2 hours", 2.5, "hours"),
    ]


def test_detokenised_decimals_and_spelled_hyphen_runs() -> None:
    # Text rebuilt from tokens (ECB+) puts spaces around "." and "-".
    text = "A 4. 7 magnitude tremor shook the port; thieves took a three - million - pound haul."
    assert value_units(text, "en") == [
        ("4. 7 magnitude", 4.7, "magnitude"),
        ("three - million - pound", 3_000_000, "pounds"),
    ]


def test_phone_numbers_and_four_by_four_are_not_counts() -> None:
    text = "Call police on 0845 125 2222 or 0800 555 111. They drove a four-by-four car."
    assert find_numbers(text, "en") == []


def test_money_with_multiplier() -> None:
    text = "Le pays a reçu 1,5 million d'euros et deux millions de dollars."
    a, b = find_numbers(text, "fr")
    assert (a.attrs["value"], a.attrs["unit"], a.attrs["kind"]) == (1500000, "euros", "money")
    assert text[a.start : a.end] == "1,5 million d'euros"
    assert (b.attrs["value"], b.attrs["unit"], b.attrs["kind"]) == (2000000, "dollars", "money")


def test_counted_thing_with_complement() -> None:
    text = "Jusqu'ici, trois tentatives de trêve ont volé en éclats."
    s = one(text)
    assert s.attrs["value"] == 3 and s.attrs["unit"] == "tentatives de trêve"


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit", "kind"),
    [
        ("Environ 12,5 % des votants ont dit non.", 12.5, "~", "%", "percent"),
        ("Le taux atteint 3 pour cent.", 3, "=", "%", "percent"),
        ("Près de 20.000 personnes ont manifesté.", 20000, "~", "personnes", "count"),
        ("Une dizaine de soldats ont fait défection.", 10, "~", "soldats", "count"),
        ("Hama est à 200 km de Damas.", 200, "=", "km", "measure"),
        ("Gilles Jacquier, 43 ans, a été tué.", 43, "=", "ans", "age"),
        ("Il a été condamné à vingt-cinq ans de prison.", 25, "=", "ans", "duration"),
        ("Quatre-vingt-dix-neuf personnes sont mortes.", 99, "=", "personnes", "count"),
        ("On compte moins de 300 blessés.", 300, "<=", "blessés", "count"),
        ("Quelque 40.000 combattants.", 40000, "~", "combattants", "count"),
        ("Il reste une heure et demie.", 1.5, "=", "heure", "duration"),
    ],
)
def test_french_forms(text: str, value: float, qualifier: str, unit: str, kind: str) -> None:
    s = one(text)
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (value, qualifier, unit)
    assert s.attrs["kind"] == kind


@pytest.mark.parametrize("space", ["\u202f", "\u00a0", " "])
def test_thousands_separators(space: str) -> None:
    assert values(f"Au moins 1{space}250{space}000 déplacés.") == [1250000]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("More than 1,250 people were injured.", 1250, ">=", "people"),
        ("The company paid $1.5 million in fines.", 1500000, "=", "dollars"),
        ("Some 200 workers lost their jobs.", 200, "~", "workers"),
        ("Just over 40,000 homes lost power.", 40000, ">", "homes"),
        ("Up to two feet of snow fell.", 2, "<=", "feet"),
        ("He got a six-week suspension.", 6, "=", "weeks"),
        ("Yvonne Hiller, 43, had an argument.", 43, "=", "years"),
    ],
)
def test_english_forms(text: str, value: float, qualifier: str, unit: str) -> None:
    s = one(text, "en")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (value, qualifier, unit)


def test_range_gives_two_bounds() -> None:
    text = "Les bilans varient entre 70 et 300 morts."
    a, b = find_numbers(text, "fr")
    assert (a.attrs["value"], a.attrs["qualifier"], a.attrs["unit"]) == (70, ">=", "morts")
    assert (b.attrs["value"], b.attrs["qualifier"], b.attrs["unit"]) == (300, "<=", "morts")


def test_a_range_rises() -> None:
    # a year then "à un" is no range "2011 to 1": the year stays a date
    assert values("Le régime, confronté depuis mars 2011 à un soulèvement, résiste.") == []
    assert values("Les bilans varient de 40 à 250 blessés.") == [40, 250]


def test_partitive_with_possessive_fr() -> None:
    text = "Le président, lâché par trois de ses conseillers, a cédé."
    s = one(text)
    assert (text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) == (
        "trois de ses conseillers",
        3,
        "conseillers",
    )
    assert values("Il en a gagné cinq de plus.") == []  # "de" without a determiner


@pytest.mark.parametrize(
    "text",
    [
        "Le traité conclu en 1997 entre la Russie et l'Arménie.",
        "Les accords conclus à Moscou le 10 octobre.",
        "Publié le 02 février 2012 à 20h58.",
        "Le 1er mars, pour le 5e jour consécutif.",
        "La 3G est coupée, comme la chaîne France 2.",
        "Voir www.exemple.fr/2012/page/3 ou appeler le 01 23 45 67 89.",
        "Un homme est mort et des dizaines de civils ont fui.",
        "La résolution 2042 a été votée.",
        "Ils sont tous deux partis.",
        "1. Introduction",
        "Les années 80 ont été dures.",
    ],
)
def test_not_numbers_fr(text: str) -> None:
    assert find_numbers(text, "fr") == []


@pytest.mark.parametrize(
    "text",
    [
        "It happened at 3 p.m. on March 5, 2012.",
        "The 2012 election was close.",
        "Flight 370 vanished; Chapter 11 followed.",
        "She dialed 911 right away.",
        "Dozens of people fled and thousands gathered.",
        "One of the victims was a nurse.",
        "The Patriots won 31-24.",
    ],
)
def test_not_numbers_en(text: str) -> None:
    assert find_numbers(text, "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("The gang made off with 3m euros in watches.", "en", 3_000_000, "euros"),
        ("Athens hopes to save 12bn euros this year.", "en", 12_000_000_000, "euros"),
        ("It needs a 40bn-euro loan.", "en", 40_000_000_000, "euros"),
        ("Le club a versé 2M€ au joueur.", "fr", 2_000_000, "euros"),
    ],
)
def test_multiplier_suffix_before_a_currency_word(
    text: str, lang: str, value: int, unit: str
) -> None:
    s = one(text, lang)
    assert (s.attrs["value"], s.attrs["unit"], s.attrs["kind"]) == (value, unit, "money")


def test_units_glued_to_digits() -> None:
    assert one("The climber fell about 300ft down the face.", "en").attrs["unit"] == "ft"
    laptop = one("A new 15in laptop was shown.", "en").attrs
    assert (laptop["value"], laptop["unit"]) == (15, "in")
    assert one("Seven in ten voters agreed.", "en").attrs["unit"] != "in"


def test_phone_number_with_one_long_group_is_not_a_number() -> None:
    assert find_numbers("Witnesses can call 0800 246810 at any time.", "en") == []


def test_long_line_without_full_stop_ends_a_teaser_run() -> None:
    title = "Crowd Gathers In Leeds For Vigil After Fire\nTuesday, May 7, 2019 10: 15\n"
    body = "More than 200 people joined " + "the quiet walk along the river " * 6 + "\n"
    assert values(title + body + "Police closed the road\n", "en") == [200]


def test_page_furniture_and_teasers() -> None:
    text = (
        "Temps de lecture : 3 min\n"
        "Le bilan dépasse 5 000 morts.\n"
        "Trump, quatre ans de plus ?\n"
        "Cinq recettes qui subliment le beurre\n"
        "24 films d'aventure à découvrir\n"
        "4 réactions à cet article\n"
        "Je pense qu'il y a eu 10 000 morts.\n"
    )
    assert values(text) == [5000]


def test_page_tails_are_not_body() -> None:
    """Share tools ("Agrandir le texte"), "À lire aussi" lists and the few paragraphs after a
    closing related-link list ("» ...") are followed by comments and teasers, not body."""
    body = "Le bilan dépasse 5 000 morts.\n"
    tools = "Agrandir le texte\nRéduire le texte\nJe dirais 10 000 morts.\n"
    assert values(body + tools) == [5000]
    assert values(body + "À lire aussi\nLes deux pays signent un accord\n") == [5000]
    links = "» Un lien vers un article\n» Un autre lien\n"
    comments = "Moi je compte 300 chars.\nEt 12 avions.\nBravo.\n"
    assert values(body + links + comments) == [5000]


def test_link_list_inside_the_body_is_kept() -> None:
    body = "".join(f"À Homs, {n} soldats ont été blessés.\n" for n in range(10, 17))
    text = "Intro avec 3 morts.\n» Un lien\n» Un autre lien\n" + body
    assert values(text) == [3, *range(10, 17)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La mosquée date de 668 après J.-C. (an 44 de l'hégire).", "fr"),
        ("Des gravures datant de 5.000 à 10.000 avant J.C. ont été vues.", "fr"),
        ("En l'an 44, la ville tombe.", "fr"),
        ("Caesar died in 44 BC; the temple fell in AD 70.", "en"),
        ("Les élections de 1981 remportées par la gauche.", "fr"),
        ("She was charged in the 1967 slayings.", "en"),
    ],
)
def test_era_and_event_years_are_not_numbers(text: str, lang: str) -> None:
    assert find_numbers(text, lang) == []


def test_compound_modifier_year_like_number_is_a_count() -> None:
    s = one("The 1000-member church was the target.", "en")
    assert s.attrs["value"] == 1000


@pytest.mark.parametrize(
    "text",
    [
        "Les 40° et 90° brigades mécanisées avancent.",  # degree-sign ordinals
        "Le groupe des 5+1 se réunit à Genève.",
        "Selon l'article 8 du Statut de Rome, c'est un crime.",
        "Une information d'Europe 1 confirmée.",
        "Le siège, au 5, rue des Lilas, a été fouillé.",
        "@ali Kadhafi est parti http://t.co/x ali 9 hours ago\nSuite du fil.",
    ],
)
def test_labels_ordinals_and_time_stamps_fr(text: str) -> None:
    assert find_numbers(text, "fr") == []


def test_temperature_with_degree_sign_is_a_measure() -> None:
    s = one("Il fait 40° à l'ombre.")
    assert (s.attrs["value"], s.attrs["kind"]) == (40, "measure")


def test_il_y_a_in_a_sentence_is_a_duration() -> None:
    s = one("Il est mort il y a 3 jours.")
    assert (s.attrs["value"], s.attrs["unit"]) == (3, "jours")


def test_without_language_table_digits_still_run() -> None:
    text = "Mehr als 1.250 Tote und 12,5 % Inflation."
    got = [(s.attrs["value"], s.attrs["unit"]) for s in find_numbers(text, None)]
    assert got == [(1250, None), (12.5, "%")]
    assert find_numbers("Zwei Millionen Euro.", None) == []


def test_sentences_from_simple_splitter_and_json_attrs() -> None:
    text = "Premier point. Ensuite, 15 personnes ont été tuées.\nAutre ligne avec 3 %."
    a, b = find_numbers(text, "fr")
    assert a.attrs["sentence"] == [15, text.index("\n")]
    assert b.attrs["sentence"] == [text.index("\n") + 1, len(text)]
    json.dumps([s.attrs for s in (a, b)])


def test_with_spacy_doc(nlp_fr: Any) -> None:
    text = "Selon l'ONU, 5 000 personnes sont mortes. Les critères 2 à 5 sont remplis."
    doc = nlp_fr(text)
    spans = find_numbers(text, "fr", doc)
    assert [s.attrs["value"] for s in spans] == [5000]
    sent = next(doc.sents)
    assert spans[0].attrs["sentence"] == [sent.start_char, sent.end_char]


@needs_shared
def test_seed_franceinfo() -> None:
    text = FRANCEINFO.read_text(encoding="utf-8")
    got = {text[s.start : s.end]: s.attrs for s in find_numbers(text, "fr")}
    assert got["plus de 1 250 morts"]["qualifier"] == ">="
    assert got["un peu plus d'un mois"]["kind"] == "duration"
    assert got["trois tentatives de trêve"]["value"] == 3
    assert not any("euros" in k or "impôts" in k for k in got)  # "À regarder" teaser list


@needs_shared
def test_seed_xinhua_dates_are_not_numbers() -> None:
    text = XINHUA.read_text(encoding="utf-8")
    body = text[: text.index("La Chine procède")]
    spans = find_numbers(body, "fr")  # "en 1997", "le 10 octobre", "09h55 le 05/11" are dates
    assert [(s.attrs["value"], s.attrs["unit"]) for s in spans] == [(2, "parties")] * 2


def _gold_tallies(lang: str) -> dict[str, Any]:
    """Tallies for all documents ("all") and per split ("dev", "heldout")."""
    from bench.enrich_numbers import Tally, score_doc
    from bench.goldsets import doc_text, load_gold

    tallies = {"all": Tally(), "dev": Tally(), "heldout": Tally()}
    for gdoc in load_gold(lang):
        text = doc_text(gdoc.path)
        tally, _ = score_doc(find_numbers(text, lang), gdoc.numbers)
        tallies["all"].add(tally)
        tallies[gdoc.split].add(tally)
    return tallies


@needs_shared
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_gold_floor(lang: str) -> None:
    if not (GOLD_DIR / f"quotes_{lang}.jsonl").exists():
        pytest.skip("no gold file")
    tallies = _gold_tallies(lang)
    total, heldout = tallies["all"], tallies["heldout"]
    p_floor, r_floor = FLOORS[lang]
    assert total.precision >= p_floor and total.recall >= r_floor, total.line()
    assert heldout.precision >= HELDOUT_P_FLOOR, heldout.line()


# Round b6: rules from the sixth gold batch's dev misses (invented sentences).


def test_round_b6_qualifier_with_doubled_space() -> None:
    s = one("La veille, plus  de 30 civils avaient péri dans la ville.")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (30, ">=", "civils")


def test_round_b6_cent_alone_is_a_number_hundred_alone_is_not() -> None:
    assert value_units("Il a versé une caution de cent dollars.", "fr") == [
        ("cent dollars", 100, "dollars")
    ]
    assert find_numbers("Several hundred workers marched on the plant.", "en") == []


def test_round_b6_approximate_noun_after_definite_article_or_of_only() -> None:
    s = one("Sur la trentaine de blessés, certains sont repartis.")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (30, "~", "blessés")
    assert find_numbers("Le navire reste en quarantaine ; la quarantaine durera.", "fr") == []
    s = one("He left a couple of crates by the door.", "en")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (2, "~", "crates")
    assert find_numbers("A couple who ran the bakery saw it.", "en") == []


def test_round_b6_un_seul_is_a_count_but_not_d_une_seule_voix() -> None:
    assert value_units("Ils ne formeront plus qu'un seul parti.", "fr") == [
        ("un seul parti", 1, "parti")
    ]
    assert find_numbers("Les élus ont voté d'une seule voix.", "fr") == []


def test_round_b6_qualified_article_is_one() -> None:
    got = [
        (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"])
        for s in find_numbers(
            "The fire burned for about an hour, the raid took less than a minute.", "en"
        )
    ]
    assert got == [(1, "~", "hour"), (1, "<=", "minute")]
    assert find_numbers("A guard saw a van an hour later.", "en") == []


def test_round_b6_magnitude_written_before_the_figure() -> None:
    text = "A magnitude 5. 2 quake hit, after tremors around magnitude 3 last week."
    assert [
        (text[s.start : s.end], s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"])
        for s in find_numbers(text, "en")
    ] == [
        ("magnitude 5. 2", 5.2, "=", "magnitude"),
        ("around magnitude 3", 3, "~", "magnitude"),
    ]


def test_round_b6_detokenised_decimal_title_line_and_glued_million() -> None:
    text = "3. 9 - magnitude tremor rattles valley\nThieves took gems worth £2. 4m on Monday."
    assert value_units(text, "en") == [
        ("3. 9 - magnitude", 3.9, "magnitude"),
        ("£2. 4m", 2_400_000, "pounds"),
    ]


def test_round_b6_ages_after_a_bound_or_a_verb_of_age() -> None:
    text = (
        "The rule bars teenagers under 17. She was the first mayor under age 35. "
        "He turned 71 in May."
    )
    got = [
        (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) for s in find_numbers(text, "en")
    ]
    assert got == [(17, "<=", "years"), (35, "<=", "years"), (71, "=", "years")]


def test_round_b6_breakdown_figures_count_the_previous_thing() -> None:
    text = (
        "Six soldats sont morts, un à Hama, deux à Alep et trois à Homs. "
        "Hier, 25 policiers ont été blessés, dont 12 dans la capitale. Les deux à Paris ont voté. "
        "Le raid a fait 40 morts, deux fois plus qu'hier."
    )
    got = [(s.attrs["value"], s.attrs["unit"]) for s in find_numbers(text, "fr")]
    assert got == [
        (6, "soldats"),
        (2, "soldats"),
        (3, "soldats"),
        (25, "policiers"),
        (12, "policiers"),
        (40, "morts"),
    ]


def test_round_b6_page_tail_after_dans_la_meme_rubrique() -> None:
    text = "Trois blindés détruits.\nDans la même rubrique\nLisez ce journal sur un seul écran."
    assert value_units(text, "fr") == [("Trois blindés", 3, "blindés")]


def test_round_b6_partitive_past_a_figure() -> None:
    text = "Four of the seven jurors were replaced."
    assert value_units(text, "en") == [("Four", 4, "jurors"), ("seven jurors", 7, "jurors")]


def test_half_a_million_and_a_floor_of_one() -> None:
    """ "un demi-million" is half of its multiplier; "au moins un blessé" is a count of one,
    while "plus d'une insurrection" and a bare "un" stay no numbers."""
    s = one("Près d'un demi-million de personnes ont manifesté vendredi.")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (500000, "~", "personnes")
    assert values("Le plan coûtera un demi-milliard d'euros.") == [500000000]
    s = one("Les tirs ont fait au moins un blessé parmi les habitants.")
    assert (s.attrs["value"], s.attrs["qualifier"], s.attrs["unit"]) == (1, ">=", "blessé")
    assert values("Il ne s'agissait plus d'une insurrection.") == []
    assert values("Un blessé a été transporté à l'hôpital.") == []
    assert values("La demi-finale a eu lieu hier.") == []
    assert values("At least one soldier was killed.", "en") == [1]


def test_a_half_right_after_the_figure() -> None:
    """ "un million et demi de personnes" is 1.5 million people (the half of its multiplier,
    the noun after the half); English writes the half before the noun or the multiplier."""
    s = one("Un million et demi de personnes ont fui le pays.")
    assert (s.attrs["value"], s.attrs["unit"]) == (1500000, "personnes")
    assert value_units("Deux milliards et demi d'euros ont été versés.", "fr") == [
        ("Deux milliards et demi d'euros", 2500000000, "euros")
    ]
    assert value_units("Two and a half million people fled.", "en") == [
        ("Two and a half million people", 2500000, "people")
    ]
    assert value_units("He waited two and a half hours.", "en")[0][1:] == (2.5, "hours")
    # after the noun, as before: "deux heures et demie"
    assert value_units("Il a attendu deux heures et demie.", "fr")[0][1:] == (2.5, "heures")


def test_round_b12_power_units() -> None:
    """ "100 m2", "40 km2": the power digit is part of the unit (not a stray "2"), while
    "100 m 2 fois" keeps its own "2"."""
    text = "Environ 100 m2, sur environ 300 m2 de locaux, ont été détruits, et un lac de 40 km2."
    assert [u for _, _, u in value_units(text, "fr")] == ["m2", "m2", "km2"]
    assert value_units("Il a couru 100 m 2 fois.", "fr") == [("100 m", 100, "m"), ("2", 2, None)]


def test_round_b12_short_years_after_a_month() -> None:
    """ "dès octobre 98" is a year written short, not a count."""
    assert values("Le projet est engagé dès octobre 98 dans la commune.") == []
    assert values("Il est venu en juin 99 et en mars 2002.") == []
    assert values("Il reste 98 lits en octobre.") == [98]


def test_round_b17_apostrophe_thousands_separator() -> None:
    """ "25'000" (Swiss usage, straight or curly apostrophe) is one number, not "25" and "000"."""
    assert value_units("Plus de 25'000 personnes ont péri.", "fr")[0][1:] == (25000, "personnes")
    assert [v for _, v, _ in value_units("Bilan : 25’000 morts et 1'234'567 euros.", "fr")] == [
        25000,
        1234567,
    ]
    assert values("L'équipe d'Anne compte 3 joueurs.") == [3]
