"""Date mentions: found in French and English, resolved against the anchor, never guessed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsweave.enrich.timex import find_dates
from newsweave.model import PartialDate, Span

from .conftest import FRANCEINFO, XINHUA, needs_shared

ANCHOR = PartialDate(2020, 11, 4)  # a Wednesday
# Floors: measured with `.venv/bin/python bench/enrich_timex.py` (spaCy doc given), rounded
# down. Dev docs were used for tuning, held-out docs never (see bench/enrich_timex.py).
FLOOR_ALL = {"strict": 0.925, "value": 0.88}  # measured 0.934 / 0.887 (stop 35)
FLOOR_HELDOUT = {"strict": 0.865, "value": 0.745}  # measured 0.870 / 0.751 (stop 35)
# Our hand gold (tests/gold/timex_fr.jsonl, ml_crisis_tls Global Voices articles in the FTiB
# convention): fresh before any rule was tuned on its dev part, all 0.801 / 0.707, held-out
# 0.704 / 0.521; after the stop-35 rules from its dev misses all 0.846 / 0.753, held-out
# 0.722 / 0.542 (strict extent F1 / value F1). Second batch (24 articles of other outlets, stop
# 36), fresh 0.906 / 0.823 (held-out 0.898 / 0.857); after the rules from its dev misses, the 46
# articles: all 0.898 / 0.822, held-out 0.798 / 0.675. Third batch (14 articles), fresh 0.884 /
# 0.802 (held-out 0.828 / 0.862); after its dev misses, the 60 articles: all 0.899 / 0.828,
# held-out 0.804 / 0.711. Fourth batch (12 articles), fresh 0.825 / 0.806 (held-out 0.958 /
# 0.917); after its dev misses (an embedded tweet's English date among them), the 72 articles:
# all 0.913 / 0.850, held-out 0.865 / 0.779.
FLOOR_HAND_ALL = {"strict": 0.91, "value": 0.845}
FLOOR_HAND_HELDOUT = {"strict": 0.86, "value": 0.775}


@pytest.fixture(scope="session")
def fr_nlp(nlp_fr: Any) -> Any:
    return nlp_fr  # loaded once for the session (tests/conftest.py)


def _find(text: str, phrase: str, spans: list[Span]) -> Span:
    start = text.index(phrase)
    hits = [s for s in spans if s.start <= start < s.end]
    assert hits, f"{phrase!r} not found in {[s.text_of(text) for s in spans]}"
    return hits[0]


def _labelled(text: str, nlp: Any) -> dict[str, tuple[str, str | None]]:
    """Each French mention's text -> (label, value), anchored on ANCHOR, with the parse."""
    return _labels(text, find_dates(text, ANCHOR, "fr", nlp(text)))


def _labels(text: str, spans: list[Span]) -> dict[str, tuple[str, str | None]]:
    return {s.text_of(text): (s.label, s.attrs["value"]) for s in spans}


def _one(text: str, anchor: PartialDate | None = ANCHOR, lang: str | None = "fr") -> Span:
    spans = find_dates(text, anchor, lang)
    assert len(spans) == 1, [(s.text_of(text), s.attrs) for s in spans]
    return spans[0]


# ---------------------------------------------------------------- the seeds


@needs_shared
def test_seed_xinhua(fr_nlp: Any) -> None:
    text = XINHUA.read_text(encoding="utf-8")
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    expect = {"mercredi": "2020-11-04", "samedi": "2020-10-31", "le 10 octobre": "2020-10-10"}
    for phrase, value in expect.items():
        assert _find(text, phrase, spans).attrs["value"] == value, phrase
    year = _find(text, "1997", spans)
    assert year.text_of(text) == "1997" and year.attrs["value"] == "1997"
    assert year.attrs["granularity"] == "year"


@needs_shared
def test_seed_franceinfo(fr_nlp: Any) -> None:
    text = FRANCEINFO.read_text(encoding="utf-8")
    spans = find_dates(text, PartialDate(2020, 10, 31), "fr", fr_nlp(text))
    assert _find(text, "samedi 31 octobre", spans).attrs["value"] == "2020-10-31"
    # "au lendemain de l'échec": the day the sentence is about, the day after the failure
    after = _find(text, "lendemain", spans)
    assert after.attrs["value"] == "2020-10-31" and after.attrs["anchor"] == "2020-10-31"
    assert _find(text, "vendredi", spans).attrs["value"] == "2020-10-30"


@needs_shared
def test_seed_without_anchor_year() -> None:
    text = FRANCEINFO.read_text(encoding="utf-8")
    spans = find_dates(text, PartialDate(None, 11, 5), "fr")
    full = _find(text, "samedi 31 octobre", spans)
    assert full.text_of(text) == "samedi 31 octobre" and full.attrs["value"] == "--10-31"
    # a bare weekday needs a year to be placed: it takes the date named with it, else none
    assert _find(text, "vendredi", spans).attrs["resolved"] is False


# ---------------------------------------------------------------- French forms


@pytest.mark.parametrize(
    ("text", "phrase", "label", "value", "granularity"),
    [
        ("Il a été arrêté hier.", "hier", "DATE", "2020-11-03", "day"),
        ("Il l'a dit la semaine dernière.", "la semaine dernière", "DATE", "2020-W44", "week"),
        ("Le vote a eu lieu mi-octobre.", "mi-octobre", "DATE", "2020-10", "month"),
        ("Il est parti jeudi soir.", "jeudi soir", "TIME", "2020-10-29TEV", "time"),
        ("Il a été élu le 15 mars.", "le 15 mars", "DATE", "2020-03-15", "day"),
        ("Il a été élu il y a deux ans.", "il y a deux ans", "DATE", "2018", "year"),
        (
            "Ils se battent depuis plusieurs jours.",
            "plusieurs jours",
            "DURATION",
            "PXD",
            "duration",
        ),
        ("Il est arrivé à 9h55.", "9h55", "TIME", "2020-11-04T09:55", "time"),
        ("La crise date de 2011.", "2011", "DATE", "2011", "year"),
        ("Les tirs ont repris en octobre dernier.", "octobre dernier", "DATE", "2020-10", "month"),
        ("Il a été condamné à trois ans de prison.", "trois ans", "DURATION", "P3Y", "duration"),
        ("Il y retourne chaque année.", "chaque année", "SET", "P1Y", "set"),
        ("Il l'a confirmé dans les années 90.", "les années 90", "DATE", "199X", "period"),
        ("Il y vit depuis plus d'un an.", "plus d'un an", "DURATION", "P1Y", "duration"),
        (
            "Il y a une dizaine d'années, il partait.",
            "Il y a une dizaine d'années",
            "DATE",
            "2010",
            "year",
        ),
        (
            "Au premier trimestre 2002, il a gagné.",
            "premier trimestre 2002",
            "DATE",
            "2002-Q1",
            "period",
        ),
        ("Le second semestre sera calme.", "Le second semestre", "DATE", "2020-H2", "period"),
        ("Il a été arrêté la nuit dernière.", "la nuit dernière", "TIME", "2020-11-03TNI", "time"),
        ("Le mois de juin a été pluvieux.", "Le mois de juin", "DATE", "2020-06", "month"),
        ("Il est reparti en fin de journée.", "fin de journée", "DATE", "2020-11-04", "day"),
        ("Il est intervenu en soirée.", "soirée", "TIME", "2020-11-04TEV", "time"),
        (
            "Il a marqué lors de la quatrième journée.",
            "la quatrième journée",
            "DURATION",
            "P1D",
            "duration",
        ),
        ("Il est en grève depuis lundi.", "lundi", "DATE", "2020-11-02", "day"),
        ("Ces jours-ci, la ville est calme.", "Ces jours-ci", "TIME", "PRESENT_REF", "period"),
    ],
)
def test_french_forms(text: str, phrase: str, label: str, value: str, granularity: str) -> None:
    span = _one(text)
    assert span.text_of(text) == phrase
    assert (span.label, span.attrs["value"], span.attrs["granularity"]) == (
        label,
        value,
        granularity,
    )
    assert span.attrs["resolved"] is True


def test_night_between_weekdays() -> None:
    text = "L'attaque a eu lieu dans la nuit de mardi à mercredi."
    span = _one(text)
    assert span.text_of(text) == "la nuit de mardi à mercredi"
    assert span.attrs["value"] == "2020-11-03TNI"


def test_weekday_future_from_tense(fr_nlp: Any) -> None:
    text = "La réunion aura lieu vendredi à Genève."
    assert find_dates(text, ANCHOR, "fr", fr_nlp(text))[0].attrs["value"] == "2020-11-06"
    # without a parse the rule is the latest such day on or before the anchor
    assert _one(text).attrs["value"] == "2020-10-30"
    assert _one("Il partira vendredi prochain.").attrs["value"] == "2020-11-06"


def test_weekday_that_fits_no_near_year_keeps_month_day() -> None:
    # a page's stamp "jeudi 12 novembre" in an article of August 2011: 12 November is a
    # Saturday in 2011 and a Friday in 2010, so no year near the anchor fits: none is guessed
    text = "Édition du jour daté du jeudi 12 novembre."
    assert _one(text, PartialDate(2011, 8, 29)).attrs["value"] == "--11-12"
    # where the anchor's year fits, the weekday settles it
    assert _one(text, PartialDate(2020, 11, 20)).attrs["value"] == "2020-11-12"
    # and a day named without its weekday still takes the nearest year
    assert _one("Le 12 novembre.", PartialDate(2011, 8, 29)).attrs["value"] == "2011-11-12"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Le conseil va se réunir lundi soir.", "lundi soir", "2020-11-09TEV"),  # aller + inf.
        ("Le maire doit être jugé vendredi.", "vendredi", "2020-11-06"),  # devoir + inf.
        ("Samedi, la fête battra son plein.", "Samedi", "2020-11-07"),  # future form read as Pres
        ("À partir de lundi, la route sera fermée.", "lundi", "2020-11-09"),  # copula tense
        ("Il sera reçu en décembre.", "décembre", "2020-12"),
        ("Le 20 décembre, il avait été arrêté.", "Le 20 décembre", "2019-12-20"),
    ],
)
def test_tense_cues(fr_nlp: Any, text: str, phrase: str, value: str) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert _find(text, phrase, spans).attrs["value"] == value


# ---------------------------------------------------------------- invented news sentences

# Sentences written for this table (not taken from any corpus, no rule was tuned on them) with
# the extents and values the TimeML / FTiB conventions give: determiners inside ("le 5 mai",
# "la mi-octobre"), prepositions outside ("depuis", "dans", "vers"), "il y a" inside, a number of
# units after "dans"/"après" a DURATION, "dernier"/"prochain" relative to the anchor, every
# mention of the sentence listed (so spurious ones fail too). Anchor: Wednesday 2020-11-04.
INVENTED: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Le gouvernement avait annoncé l'an dernier une réforme.", [("l'an dernier", "2019")]),
    ("Les élections auront lieu l'année prochaine.", [("l'année prochaine", "2021")]),
    ("Le chantier reprendra le mois prochain.", [("le mois prochain", "2020-12")]),
    ("La loi entrera en vigueur début janvier.", [("début janvier", "2021-01")]),
    ("Le sommet s'est tenu fin septembre à Bruxelles.", [("fin septembre", "2020-09")]),
    ("Il s'est exprimé à la mi-octobre.", [("la mi-octobre", "2020-10")]),
    ("L'attentat a eu lieu à la fin du mois de mars.", [("la fin du mois de mars", "2020-03")]),
    ("Le contrat court jusqu'à la mi-2022.", [("la mi-2022", "2022")]),
    ("Ces derniers jours, les combats se sont intensifiés.", [("Ces derniers jours", "PXD")]),
    ("L'usine a fermé il y a trois semaines.", [("il y a trois semaines", "2020-10-14")]),
    ("La réforme sera votée dans deux semaines.", [("deux semaines", "P2W")]),
    ("Trois jours plus tard, il était libéré.", [("Trois jours", "P3D")]),
    ("Le ministre se rendra à Lyon mardi prochain.", [("mardi prochain", "2020-11-10")]),
    ("Samedi dernier, la fanfare a défilé.", [("Samedi dernier", "2020-10-31")]),
    ("Vendredi, le président recevra les syndicats.", [("Vendredi", "2020-11-06")]),
    (
        "Le suspect a été interpellé dimanche vers 6 heures du matin.",
        [("dimanche", "2020-11-01"), ("6 heures du matin", "2020-11-01T06:00")],
    ),
    (
        "Le concert aura lieu samedi à 20 h 30.",
        [("samedi", "2020-11-07"), ("20 h 30", "2020-11-07T20:30")],
    ),
    (
        "Il a été libéré mardi en fin d'après-midi.",
        [("mardi en fin d'après-midi", "2020-11-03TAF")],
    ),
    (
        "Il a été retrouvé dimanche 1er novembre au matin.",
        [
            ("dimanche 1er novembre au matin", "2020-11-01TMO"),
        ],
    ),
    ("Il est rentré dans la nuit de lundi.", [("la nuit de lundi", "2020-11-02TNI")]),
    (
        "Dans la nuit du 31 octobre au 1er novembre, il a fui.",
        [("la nuit du 31 octobre au 1er novembre", "2020-10-31TNI")],
    ),
    ("Le festival a attiré moins de monde l'été dernier.", [("l'été dernier", "2020-SU")]),
    ("L'hiver dernier a été doux.", [("L'hiver dernier", "2019-WI")]),
    ("Le texte sera examiné au printemps prochain.", [("printemps prochain", "2021-SP")]),
    ("Le chômage a reculé au troisième trimestre.", [("troisième trimestre", "2020-Q3")]),
    ("L'entreprise a été fondée à la fin des années 1980.", [("la fin des années 1980", "198X")]),
    ("Les négociations ont duré une quinzaine de jours.", [("une quinzaine de jours", "P15D")]),
    ("Il a plu toute la journée.", [("toute la journée", "P1D")]),
    ("Le conseil municipal se réunit tous les mois.", [("tous les mois", "P1M")]),
    ("Le festival a lieu chaque été depuis 2005.", [("chaque été", "XXXX-SU"), ("2005", "2005")]),
    (
        "Le couvre-feu débute à 21 heures chaque soir.",
        [("21 heures", "2020-11-04T21:00"), ("chaque soir", "XXXX-XX-XXTEV")],
    ),
    ("La cérémonie a lieu chaque 11 novembre.", [("chaque 11 novembre", "XXXX-11-11")]),
    (
        "Le vote a eu lieu entre le 3 et le 5 mai.",
        [("le 3", "2020-05-03"), ("le 5 mai", "2020-05-05")],
    ),
    ("Le procès s'ouvrira le 30 novembre prochain.", [("le 30 novembre prochain", "2020-11-30")]),
    ("Le scrutin se tiendra le 5 mai.", [("le 5 mai", "2021-05-05")]),
    ("Depuis le 1er janvier, les tarifs ont augmenté.", [("le 1er janvier", "2020-01-01")]),
    ("La route restera fermée jusqu'à vendredi.", [("vendredi", "2020-11-06")]),
    ("Le mur de Berlin est tombé le 9 novembre 1989.", [("le 9 novembre 1989", "1989-11-09")]),
    ("Il vit en France depuis environ deux ans.", [("environ deux ans", "P2Y")]),
    ("Ce week-end, la ville fête la bière.", [("Ce week-end", "2020-W45-WE")]),
    ("À l'heure actuelle, la situation reste tendue.", [("À l'heure actuelle", "PRESENT_REF")]),
    ("Le syndicat exige que le rapport soit rendu public lundi.", [("lundi", "2020-11-09")]),
    (
        "En 1995, il a fondé l'entreprise. L'année suivante, il l'a vendue.",
        [("1995", "1995"), ("L'année suivante", "1996")],
    ),
    (
        "En mars 2010, il a été élu. Le mois suivant, il démissionnait.",
        [("mars 2010", "2010-03"), ("Le mois suivant", "2010-04")],
    ),
    (
        "Le 12 juillet 2013, l'armée a frappé. Le lundi suivant, elle a ouvert le feu.",
        [("Le 12 juillet 2013", "2013-07-12"), ("Le lundi suivant", "2013-07-15")],
    ),
    (
        "En 1995, il a fondé l'entreprise. Cette année-là, il l'a vendue.",
        [("1995", "1995"), ("Cette année-là", "1995")],
    ),
    ("Le mois suivant, il démissionnait.", [("Le mois suivant", None)]),  # no antecedent
    (
        "La crise de 2008 avait tout changé. Le mois précédent, la bourse chutait.",
        [("2008", "2008"), ("Le mois précédent", None)],  # a year gives no month
    ),
    (
        "Ces déclarations interviennent au lendemain d'une visite du président.",
        [("lendemain", "2020-11-04")],
    ),
    ("Il est parti dès le lendemain.", [("le lendemain", None)]),
    ("Le spectacle a attiré 2000 spectateurs.", []),
]


@pytest.mark.parametrize(("text", "expected"), INVENTED)
def test_invented_sentences(fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


# Round 5: more sentences written for this table, expectations set from the TimeML / FTiB
# conventions before the system was run on them (66 of 76 passed then; the fixes that followed
# are general: "prochain"/"dernier" with a month reach a full year, a season named alone follows
# the tense, age groups "les plus de 60 ans", a newspaper "quotidien" is no SET, "20 heures de
# combats" is a length, a copula carries the tense of its predicate, "une journée").
INVENTED5: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Le musée rouvrira ses portes le 2 janvier.", [("le 2 janvier", "2021-01-02")]),
    ("Le 15 octobre, le maire avait signé l'arrêté.", [("Le 15 octobre", "2020-10-15")]),
    ("La récolte débutera en septembre prochain.", [("septembre prochain", "2021-09")]),
    ("Les ventes ont chuté en avril dernier.", [("avril dernier", "2020-04")]),
    ("En décembre, les prix augmenteront.", [("décembre", "2020-12")]),
    ("En juillet, la ville avait accueilli le Tour.", [("juillet", "2020-07")]),
    ("Le rapport a été publié en 2018.", [("2018", "2018")]),
    ("La guerre a éclaté en 1914 et s'est achevée en 1918.", [("1914", "1914"), ("1918", "1918")]),
    ("Il y a dix ans, la crise frappait le pays.", [("Il y a dix ans", "2010")]),
    ("Il était arrivé voici deux jours.", [("voici deux jours", "2020-11-02")]),
    ("Avant-hier, la pluie a inondé les caves.", [("Avant-hier", "2020-11-02")]),
    ("Après-demain, les écoles seront fermées.", [("Après-demain", "2020-11-06")]),
    ("Hier matin, un accident s'est produit.", [("Hier matin", "2020-11-03TMO")]),
    ("Demain soir, le match sera retransmis.", [("Demain soir", "2020-11-05TEV")]),
    ("Ce matin, la neige est tombée.", [("Ce matin", "2020-11-04TMO")]),
    ("Cet après-midi, les députés voteront.", [("Cet après-midi", "2020-11-04TAF")]),
    ("La semaine dernière, le gouvernement a reculé.", [("La semaine dernière", "2020-W44")]),
    ("La semaine prochaine, le ministre sera à Berlin.", [("La semaine prochaine", "2020-W46")]),
    ("Cette semaine, les cours ont repris.", [("Cette semaine", "2020-W45")]),
    ("Le mois dernier, le chômage a baissé.", [("Le mois dernier", "2020-10")]),
    ("Cette année, la récolte est bonne.", [("Cette année", "2020")]),
    ("L'an prochain, la taxe augmentera.", [("L'an prochain", "2021")]),
    ("Lundi 9 novembre, les commerces rouvriront.", [("Lundi 9 novembre", "2020-11-09")]),
    ("Le jeudi 29 octobre, le confinement a commencé.", [("Le jeudi 29 octobre", "2020-10-29")]),
    ("Le 3 mars 2021, le tribunal rendra son jugement.", [("Le 3 mars 2021", "2021-03-03")]),
    ("Les faits remontent au 12/09/2019.", [("12/09/2019", "2019-09-12")]),
    ("Début 2019, l'entreprise comptait 300 salariés.", [("Début 2019", "2019")]),
    ("Fin 2021, le chantier sera terminé.", [("Fin 2021", "2021")]),
    ("Au printemps, les travaux reprendront.", [("printemps", "2021-SP")]),
    ("Au XIXe siècle, la ville était prospère.", [("XIXe siècle", "18XX")]),
    ("Dans les années 1990, le quartier a changé.", [("les années 1990", "199X")]),
    ("La réunion a commencé à 9 h 15.", [("9 h 15", "2020-11-04T09:15")]),
    ("Les secours sont intervenus vers 23 heures.", [("23 heures", "2020-11-04T23:00")]),
    ("Mardi soir, la police a évacué la place.", [("Mardi soir", "2020-11-03TEV")]),
    (
        "Dimanche matin, vers 10 h, un incendie s'est déclaré.",
        [("Dimanche matin", "2020-11-01TMO"), ("10 h", "2020-11-01T10:00")],
    ),
    ("L'explosion a eu lieu à midi.", [("midi", "2020-11-04T12:00")]),
    ("Samedi après-midi, les manifestants ont défilé.", [("Samedi après-midi", "2020-10-31TAF")]),
    ("Les magasins ouvriront dimanche matin.", [("dimanche matin", "2020-11-08TMO")]),
    ("Le procès a duré trois semaines.", [("trois semaines", "P3W")]),
    ("Il a été condamné à cinq ans de prison.", [("cinq ans", "P5Y")]),
    ("Les travaux prendront dix-huit mois.", [("dix-huit mois", "P18M")]),
    ("La grève dure depuis quarante-huit heures.", [("quarante-huit heures", "PT48H")]),
    ("Il a patienté pendant une demi-heure.", [("une demi-heure", "PT30M")]),
    ("Le vol a duré 2 h 30.", [("2 h 30", "PT2H30M")]),
    ("Il a passé plus de vingt ans en exil.", [("plus de vingt ans", "P20Y")]),
    ("Les otages ont été détenus pendant près d'un an.", [("près d'un an", "P1Y")]),
    ("La trêve a tenu quelques heures.", [("quelques heures", "PTXH")]),
    ("Il est resté plusieurs mois à l'hôpital.", [("plusieurs mois", "PXM")]),
    ("Depuis des semaines, les habitants protestent.", [("des semaines", "PXW")]),
    ("La construction a pris une dizaine d'années.", [("une dizaine d'années", "P10Y")]),
    ("Le blessé, un homme de 45 ans, a été transporté à l'hôpital.", []),
    ("Marie Dupont, 32 ans, a été élue.", []),
    ("Les jeunes de moins de 25 ans paieront moins.", []),
    ("Un enfant de 8 ans a disparu.", []),
    ("Le journal paraît chaque semaine.", [("chaque semaine", "P1W")]),
    ("Le club s'entraîne tous les mardis.", [("tous les mardis", "XXXX-WXX-2")]),
    ("Il gagne 2 000 euros par mois.", [("mois", "P1M")]),
    ("Le quotidien régional a révélé l'affaire.", []),
    ("Un autre quotidien anglais a publié la photo.", []),
    ("Ses rapports quotidiens sont publiés en ligne.", [("quotidiens", "P1D")]),
    ("Actuellement, le pays compte dix millions d'habitants.", [("Actuellement", "PRESENT_REF")]),
    ("Le nombre de chômeurs a récemment augmenté.", [("récemment", "PAST_REF")]),
    (
        "Le 2 novembre, il a été arrêté. Le lendemain, il a été relâché.",
        [("Le 2 novembre", "2020-11-02"), ("Le lendemain", "2020-11-03")],
    ),
    (
        "Le 2 novembre, il a été arrêté. La veille au soir, il avait menacé un voisin.",
        [("Le 2 novembre", "2020-11-02"), ("La veille au soir", "2020-11-01TEV")],
    ),
    ("Le même jour, le maire a démissionné.", [("Le même jour", None)]),
    ("La grève a duré une journée.", [("une journée", "P1D")]),
    ("Après 20 heures de combats, les rebelles ont reculé.", [("20 heures", "PT20H")]),
    ("Le village est à deux heures de route.", [("deux heures", "PT2H")]),
    ("Les plus de 60 ans seront vaccinés en priorité.", []),
    ("Deux enfants de moins de 10 ans ont été blessés.", []),
    ("En été, il avait travaillé aux champs.", [("été", "2020-SU")]),
    ("L'hiver a été doux.", [("L'hiver", "2019-WI")]),
    ("Le congrès se tiendra en mars prochain.", [("mars prochain", "2021-03")]),
    ("Il a été élu en décembre dernier.", [("décembre dernier", "2019-12")]),
    ("Le quotidien Le Monde a publié l'enquête.", []),
    ("Selon un hebdomadaire satirique, le ministre a menti.", []),
]


@pytest.mark.parametrize(("text", "expected"), INVENTED5)
def test_invented_sentences_round5(
    fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]
) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


# Formerly strict xfails (round 4): a past tense of the verb the date depends on reaches a
# full year back; a future the tagger reads as an adjective or a conditional read as an
# imperfect still says future (morphological fallback on the future/conditional endings).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La trêve a été décrétée le 25 décembre.", [("le 25 décembre", "2019-12-25")]),
        ("Dès lundi, les travaux commenceront.", [("lundi", "2020-11-09")]),
        ("La réunion se tiendrait lundi.", [("lundi", "2020-11-09")]),
        ("Le pont, inauguré le 3 février, s'est effondré.", [("le 3 février", "2020-02-03")]),
    ],
)
def test_tense_reach_and_future_forms(
    fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]
) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


def test_tense_reach_written_later(fr_nlp: Any) -> None:
    """The brief's case: written 2020-11-10, "a été décrétée le 25 décembre" is last year's."""
    text = "La trêve a été décrétée le 25 décembre."
    spans = find_dates(text, PartialDate(2020, 11, 10), "fr", fr_nlp(text))
    assert spans[0].attrs["value"] == "2019-12-25"


# Round 6: sentences written for this table, centred on VALUE resolution against three anchors
# (Wednesday 2020-11-04; Thursday 2021-01-14 and Monday 2019-12-30 for the year boundary), with
# extents and values set from the TimeML / FTiB conventions BEFORE the layer was run on them.
# First run: 64 of 72 (65 once one expectation wrong by FTiB's own habit was corrected, marked).
# The fixes are general: a day named alone ("le 12") is that day of the month of the date named
# before it, else of the month around the anchor the tense points to; a date after "renvoyé
# au"/"reporté à" is ahead whatever the verb's tense; a quarter or half named without a year
# follows the tense ("a reculé au quatrième trimestre" written in January is last year's);
# "au cours du week-end" is the weekend the tense points to.
JAN = PartialDate(2021, 1, 14)  # a Thursday
DEC = PartialDate(2019, 12, 30)  # a Monday, in ISO week 2020-W01
INVENTED6: list[tuple[PartialDate, str, list[tuple[str, str | None]]]] = [
    # weekdays and tenses
    (ANCHOR, "Le Premier ministre recevra jeudi les syndicats.", [("jeudi", "2020-11-05")]),
    (
        ANCHOR,
        "Le suspect aurait été arrêté jeudi à Marseille, selon une source policière.",
        [("jeudi", "2020-10-29")],
    ),
    (
        ANCHOR,
        "Le ministre se rendrait vendredi à Berlin, a indiqué son entourage.",
        [("vendredi", "2020-11-06")],
    ),
    (ANCHOR, "Le vieux roi mourut samedi dans son palais.", [("samedi", "2020-10-31")]),
    (ANCHOR, "Lundi, les manifestants bloquaient encore le port.", [("Lundi", "2020-11-02")]),
    (ANCHOR, "Mercredi, le conseil des ministres examine le texte.", [("Mercredi", "2020-11-04")]),
    (ANCHOR, "Le tribunal rendra son jugement lundi prochain.", [("lundi prochain", "2020-11-09")]),
    (ANCHOR, "Le dirigeant a démissionné vendredi dernier.", [("vendredi dernier", "2020-10-30")]),
    (
        ANCHOR,
        "Le 20 octobre, la police a perquisitionné son domicile. Le jeudi suivant, il était mis "
        "en examen.",
        [("Le 20 octobre", "2020-10-20"), ("Le jeudi suivant", "2020-10-22")],
    ),
    (
        ANCHOR,
        "Le verdict tombera le 6 novembre. Le mardi précédent, les avocats plaideront.",
        [("le 6 novembre", "2020-11-06"), ("Le mardi précédent", "2020-11-03")],
    ),
    (ANCHOR, "Depuis lundi, les écoles sont fermées.", [("lundi", "2020-11-02")]),
    (
        ANCHOR,
        "Le ministre des Affaires étrangères était à Moscou mardi et mercredi.",
        [("mardi", "2020-11-03"), ("mercredi", "2020-11-04")],
    ),
    (DEC, "Samedi dernier, la neige a bloqué les routes.", [("Samedi dernier", "2019-12-28")]),
    (DEC, "Le président prononcera ses vœux mardi soir.", [("mardi soir", "2019-12-31TEV")]),
    # a day named alone
    (ANCHOR, "Le verdict sera rendu le 12.", [("le 12", "2020-11-12")]),
    (
        ANCHOR,
        "Il a été arrêté le 28 et libéré le lendemain.",
        [("le 28", "2020-10-28"), ("le lendemain", "2020-10-29")],
    ),
    (JAN, "Le juge a rendu sa décision le 12.", [("le 12", "2021-01-12")]),
    (DEC, "La Bourse rouvrira le 2.", [("le 2", "2020-01-02")]),
    (
        ANCHOR,
        "Le salon se tiendra du 3 au 5 décembre.",
        [("3", "2020-12-03"), ("5 décembre", "2020-12-05")],
    ),
    (
        DEC,
        "Le festival se déroulera du 3 au 5 janvier.",
        [("3", "2020-01-03"), ("5 janvier", "2020-01-05")],
    ),
    # month names across a year boundary
    (JAN, "Les ventes de décembre ont bondi de 12 %.", [("décembre", "2020-12")]),
    (JAN, "En mars, le gouvernement présentera son budget.", [("mars", "2021-03")]),
    (JAN, "Le 28 décembre, un séisme a frappé la région.", [("Le 28 décembre", "2020-12-28")]),
    (JAN, "Le chômage a atteint un record en novembre 2020.", [("novembre 2020", "2020-11")]),
    (JAN, "Le rapport sera publié en février.", [("février", "2021-02")]),
    (JAN, "Il avait été élu en octobre.", [("octobre", "2020-10")]),
    (
        JAN,
        "Le couvre-feu, instauré le 15 décembre, sera prolongé.",
        [("le 15 décembre", "2020-12-15")],
    ),
    (
        DEC,
        "Le nouveau tarif entrera en vigueur le 1er janvier.",
        [("le 1er janvier", "2020-01-01")],
    ),
    (DEC, "Les inondations de novembre ont fait trois morts.", [("novembre", "2019-11")]),
    (DEC, "La réforme sera examinée en janvier prochain.", [("janvier prochain", "2020-01")]),
    (DEC, "Le vote est prévu le 15 janvier 2020.", [("le 15 janvier 2020", "2020-01-15")]),
    (
        DEC,
        "Le procès s'ouvrira le 6 janvier devant la cour d'assises.",
        [("le 6 janvier", "2020-01-06")],
    ),
    (ANCHOR, "L'audience a été renvoyée au 12 janvier.", [("12 janvier", "2021-01-12")]),
    (ANCHOR, "Le match retour se jouera le 24 février.", [("le 24 février", "2021-02-24")]),
    # units relative to the anchor, across the boundary
    (DEC, "L'an prochain, les impôts baisseront.", [("L'an prochain", "2020")]),
    (DEC, "Cette année, le chômage a reculé.", [("Cette année", "2019")]),
    (DEC, "Cette semaine, les magasins ferment plus tôt.", [("Cette semaine", "2020-W01")]),
    (DEC, "Le mois prochain, les soldes commenceront.", [("Le mois prochain", "2020-01")]),
    (JAN, "Le mois dernier, les ventes ont baissé.", [("Le mois dernier", "2020-12")]),
    (JAN, "La semaine dernière, les prix ont grimpé.", [("La semaine dernière", "2021-W01")]),
    (JAN, "Le PIB a reculé de 2 % au quatrième trimestre.", [("quatrième trimestre", "2020-Q4")]),
    # parts of the day
    (ANCHOR, "Hier soir, un incendie a détruit une grange.", [("Hier soir", "2020-11-03TEV")]),
    (
        ANCHOR,
        "Cette nuit, des vents violents ont balayé la côte.",
        [("Cette nuit", "2020-11-04TNI")],
    ),
    (
        ANCHOR,
        "Dans la nuit de samedi à dimanche, deux voitures ont été incendiées.",
        [("la nuit de samedi à dimanche", "2020-10-31TNI")],
    ),
    (ANCHOR, "Ce soir, le président s'adressera à la nation.", [("Ce soir", "2020-11-04TEV")]),
    (
        ANCHOR,
        "Jeudi matin, la Bourse de Paris a ouvert en baisse.",
        [("Jeudi matin", "2020-10-29TMO")],
    ),
    (ANCHOR, "Les températures chuteront dès jeudi soir.", [("jeudi soir", "2020-11-05TEV")]),
    # clock times
    (ANCHOR, "La séance reprendra à 14h30.", [("14h30", "2020-11-04T14:30")]),
    (
        ANCHOR,
        "L'accident s'est produit vers 6 heures du matin.",
        [("6 heures du matin", "2020-11-04T06:00")],
    ),
    (
        ANCHOR,
        "Le match débutera à 21 h heure de Paris.",
        [("21 h heure de Paris", "2020-11-04T21:00")],
    ),
    (ANCHOR, "L'éclipse sera visible à 8 h 15 GMT.", [("8 h 15 GMT", "2020-11-04T08:15")]),
    (ANCHOR, "Le vote s'est achevé à minuit.", [("minuit", "2020-11-04T24:00")]),
    (
        ANCHOR,
        "Samedi, vers 15 heures, les pompiers sont intervenus.",
        [("Samedi", "2020-10-31"), ("15 heures", "2020-10-31T15:00")],
    ),
    (
        DEC,
        "Les feux d'artifice seront tirés mardi à minuit.",
        [("mardi", "2019-12-31"), ("minuit", "2019-12-31T24:00")],
    ),
    (
        ANCHOR,
        "Le 14 juillet à 10 heures, le défilé a commencé.",
        [("Le 14 juillet", "2020-07-14"), ("10 heures", "2020-07-14T10:00")],
    ),
    (
        ANCHOR,
        "Le PSG affrontera Lyon dimanche à 21 heures.",
        [("dimanche", "2020-11-08"), ("21 heures", "2020-11-08T21:00")],
    ),
    (
        ANCHOR,
        "Ce matin à 7 h, la police a évacué le camp.",
        [("Ce matin", "2020-11-04TMO"), ("7 h", "2020-11-04T07:00")],
    ),
    # relative expressions
    (ANCHOR, "Le navire a coulé il y a trois jours.", [("il y a trois jours", "2020-11-01")]),
    (ANCHOR, "Le verdict est attendu dans deux semaines.", [("deux semaines", "P2W")]),
    (
        ANCHOR,
        "Les travaux doivent être achevés d'ici la fin de l'année.",
        # corrected after the first run: FTiB tags "d'ici" as the anchor day (ftib dev)
        [("ici", "2020-11-04"), ("la fin de l'année", "2020")],
    ),
    (ANCHOR, "La campagne démarrera début mars.", [("début mars", "2021-03")]),
    (JAN, "Fin 2019, la dette atteignait 98 % du PIB.", [("Fin 2019", "2019")]),
    (ANCHOR, "Les résultats sont attendus mi-juin.", [("mi-juin", "2021-06")]),
    (
        ANCHOR,
        "Plusieurs cambriolages ont été signalés au cours du week-end.",
        [("week-end", "2020-W44-WE")],
    ),
    (ANCHOR, "Il y a deux ans, l'usine employait 500 personnes.", [("Il y a deux ans", "2018")]),
    (
        JAN,
        "Ces trois derniers mois, la croissance a ralenti.",
        [("Ces trois derniers mois", "P3M")],
    ),
    # anchored on a date named before
    (
        ANCHOR,
        "Le 3 octobre, le juge a été saisi. Deux jours plus tard, il ordonnait une expertise.",
        [("Le 3 octobre", "2020-10-03"), ("Deux jours", "P2D")],
    ),
    (
        ANCHOR,
        "Le 10 septembre, l'accord a été signé. La veille, les négociateurs avaient passé la "
        "nuit à Genève.",
        [
            ("Le 10 septembre", "2020-09-10"),
            ("La veille", "2020-09-09"),
            ("la nuit", "2020-09-09TNI"),
        ],
    ),
    (
        DEC,
        "Le 24 décembre, la tempête a frappé la Bretagne. Le lendemain, les secours étaient "
        "débordés.",
        [("Le 24 décembre", "2019-12-24"), ("Le lendemain", "2019-12-25")],
    ),
    (
        ANCHOR,
        "Mardi 27 octobre, le maire a été entendu. Le surlendemain, il démissionnait.",
        [("Mardi 27 octobre", "2020-10-27"), ("Le surlendemain", "2020-10-29")],
    ),
    (
        ANCHOR,
        "Le 2 février 2015, le contrat a été signé. Trois mois plus tard, l'usine ouvrait.",
        [("Le 2 février 2015", "2015-02-02"), ("Trois mois", "P3M")],
    ),
    (
        ANCHOR,
        "Le 15 mars 2019, l'enquête a été ouverte. La même semaine, deux suspects ont été "
        "interpellés.",
        [("Le 15 mars 2019", "2019-03-15"), ("La même semaine", "2019-W11")],
    ),
]

# Written after the fixes that the table above led to, and run once as they stood: times of
# day and parts of the day within a narrative. First run 19 of 20 (fixed: a time zone after
# "9 heures" belongs to the mention, as it does after "9 h").
INVENTED6B: list[tuple[PartialDate, str, list[tuple[str, str | None]]]] = [
    (
        ANCHOR,
        "Dimanche, le feu s'est déclaré vers 22 h 30. Les pompiers sont arrivés à 23 h 10.",
        [
            ("Dimanche", "2020-11-01"),
            ("22 h 30", "2020-11-01T22:30"),
            ("23 h 10", "2020-11-01T23:10"),
        ],
    ),
    (
        ANCHOR,
        "Le drame s'est produit samedi soir vers 23 heures.",
        [("samedi soir", "2020-10-31TEV"), ("23 heures", "2020-10-31T23:00")],
    ),
    (
        ANCHOR,
        "Tard dans la soirée, le gouvernement a annoncé sa démission.",
        [("la soirée", "2020-11-04TEV")],
    ),
    (
        ANCHOR,
        "Le ministre a été reçu lundi à l'Élysée. Dans la soirée, il a rencontré la presse.",
        [("lundi", "2020-11-02"), ("la soirée", "2020-11-02TEV")],
    ),
    (
        ANCHOR,
        "Le 12 octobre, un braquage a eu lieu. Le soir même, la police a interpellé deux suspects.",
        [("Le 12 octobre", "2020-10-12"), ("Le soir même", "2020-10-12TEV")],
    ),
    (
        ANCHOR,
        "Le sommet s'ouvrira jeudi à 9 heures locales.",
        [("jeudi", "2020-11-05"), ("9 heures locales", "2020-11-05T09:00")],
    ),
    (
        ANCHOR,
        "Le Conseil de sécurité se réunira vendredi à 15 h GMT.",
        [("vendredi", "2020-11-06"), ("15 h GMT", "2020-11-06T15:00")],
    ),
    (
        ANCHOR,
        "Le couvre-feu commence à 18 heures et se termine à 6 heures.",
        [("18 heures", "2020-11-04T18:00"), ("6 heures", "2020-11-04T06:00")],
    ),
    (
        ANCHOR,
        "Mardi, peu avant minuit, un séisme a secoué la région.",
        [("Mardi", "2020-11-03"), ("minuit", "2020-11-03T24:00")],
    ),
    (
        ANCHOR,
        "Hier, à 17 heures, la Bourse a clôturé en hausse.",
        [("Hier", "2020-11-03"), ("17 heures", "2020-11-03T17:00")],
    ),
    (
        ANCHOR,
        "Demain matin, à 8 h, les bureaux de vote ouvriront.",
        [("Demain matin", "2020-11-05TMO"), ("8 h", "2020-11-05T08:00")],
    ),
    (
        ANCHOR,
        "Vendredi 30 octobre, vers 4 heures du matin, des coups de feu ont été entendus.",
        [("Vendredi 30 octobre", "2020-10-30"), ("4 heures du matin", "2020-10-30T04:00")],
    ),
    (
        ANCHOR,
        "Dans la nuit de mardi à mercredi, la tempête a frappé la côte.",
        [("la nuit de mardi à mercredi", "2020-11-03TNI")],
    ),
    (ANCHOR, "Cette nuit, le couvre-feu sera renforcé.", [("Cette nuit", "2020-11-04TNI")]),
    (
        ANCHOR,
        "La séance a été suspendue en début de soirée.",
        [("début de soirée", "2020-11-04TEV")],
    ),
    (
        JAN,
        "Le 31 décembre à minuit, des feux d'artifice ont été tirés.",
        [("Le 31 décembre", "2020-12-31"), ("minuit", "2020-12-31T24:00")],
    ),
    (
        JAN,
        "Samedi soir, un couvre-feu a été décrété à partir de 20 heures.",
        [("Samedi soir", "2021-01-09TEV"), ("20 heures", "2021-01-09T20:00")],
    ),
    (ANCHOR, "À 20 h 30, le président prendra la parole.", [("20 h 30", "2020-11-04T20:30")]),
    (
        JAN,
        "Les faits se sont déroulés le 28 décembre au soir.",
        [("le 28 décembre au soir", "2020-12-28TEV")],
    ),
    (
        DEC,
        "Le marché sera fermé du 31 décembre au 2 janvier.",
        [("31 décembre", "2019-12-31"), ("2 janvier", "2020-01-02")],
    ),
]

# A third batch, written after the second, in the style of local news (announcements, club
# results, council life), run once as it stood: 16 of 17, the one failure an expectation at
# odds with the round-4 convention ("un marché de Noël" tags "Noël", as "la crise de 2008" tags
# the year; corrected, marked). Added after: "le père Noël" is a name, not a date.
INVENTED6C: list[tuple[PartialDate, str, list[tuple[str, str | None]]]] = [
    (
        ANCHOR,
        "Le concert aura lieu samedi 14 novembre à 20 h 30 à la salle des fêtes.",
        [("samedi 14 novembre", "2020-11-14"), ("20 h 30", "2020-11-14T20:30")],
    ),
    (
        ANCHOR,
        "La permanence se tiendra de 14 h à 17 h.",
        [("14 h", "2020-11-04T14:00"), ("17 h", "2020-11-04T17:00")],
    ),
    (
        ANCHOR,
        "Les inscriptions sont ouvertes jusqu'au 15 novembre.",
        [("15 novembre", "2020-11-15")],
    ),
    (
        ANCHOR,
        "Le marché de Noël se tiendra du vendredi 4 au dimanche 6 décembre.",
        # corrected to the round-4 convention: "Noël" naming a noun is tagged
        [
            ("Noël", "2020-12-25"),
            ("vendredi 4", "2020-12-04"),
            ("dimanche 6 décembre", "2020-12-06"),
        ],
    ),
    (
        ANCHOR,
        "La réunion publique est fixée au jeudi 19 novembre à 18 heures.",
        [("jeudi 19 novembre", "2020-11-19"), ("18 heures", "2020-11-19T18:00")],
    ),
    (ANCHOR, "Le club a battu Metz samedi soir (2-1).", [("samedi soir", "2020-10-31TEV")]),
    (
        ANCHOR,
        "La fête du village aura lieu le week-end prochain.",
        [("le week-end prochain", "2020-W45-WE")],
    ),
    (ANCHOR, "Les travaux se sont achevés le mois dernier.", [("le mois dernier", "2020-10")]),
    (JAN, "Le maire a présenté ses vœux le 8 janvier.", [("le 8 janvier", "2021-01-08")]),
    (DEC, "Le réveillon du Nouvel An sera animé par un orchestre.", [("Nouvel An", "2020-01-01")]),
    (JAN, "Les soldes d'hiver ont débuté mercredi.", [("mercredi", "2021-01-13")]),
    (
        ANCHOR,
        "L'assemblée générale se tiendra le vendredi 20 novembre à 20 h, à la salle polyvalente.",
        [("le vendredi 20 novembre", "2020-11-20"), ("20 h", "2020-11-20T20:00")],
    ),
    (
        ANCHOR,
        "Jeudi 5 novembre, à 20 h 30, le film sera projeté.",
        [("Jeudi 5 novembre", "2020-11-05"), ("20 h 30", "2020-11-05T20:30")],
    ),
    (ANCHOR, "Lors de la 8e journée, Nancy s'est incliné.", [("la 8e journée", "P1D")]),
    (
        ANCHOR,
        "Il y a quinze jours, la commune a inauguré sa médiathèque.",
        [("Il y a quinze jours", "2020-10-20")],
    ),
    (ANCHOR, "L'association a été créée en 1985.", [("1985", "1985")]),
    (ANCHOR, "La collecte aura lieu mardi matin.", [("mardi matin", "2020-11-10TMO")]),
    (ANCHOR, "Le père Noël arrivera en calèche samedi.", [("samedi", "2020-11-07")]),
]


@pytest.mark.parametrize(("anchor", "text", "expected"), INVENTED6 + INVENTED6B + INVENTED6C)
def test_invented_values_round6(
    fr_nlp: Any, anchor: PartialDate, text: str, expected: list[tuple[str, str | None]]
) -> None:
    spans = find_dates(text, anchor, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


# Round 4: a second set of invented sentences in the styles of several kinds of outlet
# (dispatches, recaps, interviews, sports, economy, courts), written with their expectations
# from the TimeML / FTiB conventions above BEFORE the layer was run on them; the generalisation
# check for forms the rules were never tuned on. Anchor: Wednesday 2020-11-04. First run: 53/54
# and 33/40 of the first two batches; two expectations were wrong by FTiB's own habits and were
# fixed (marked); the other six failures were fixed in the layer by general rules (past
# participle reach, part of day after a date or "dernier", "la matinée de jeudi", "ces
# dernières 24 heures", "est de trois ans"). The third batch, written after, passed 18/18.
NEWS_STYLES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # dispatches
    (
        "PARIS, 3 novembre (AFP) - Le Premier ministre a annoncé mardi soir un reconfinement.",
        [("3 novembre", "2020-11-03"), ("mardi soir", "2020-11-03TEV")],
    ),
    (
        "Mis à jour le 04/11/2020 à 18h12",
        [("le 04/11/2020", "2020-11-04"), ("18h12", "2020-11-04T18:12")],
    ),
    (
        "Les deux dirigeants se sont entretenus au téléphone lundi 2 novembre.",
        [("lundi 2 novembre", "2020-11-02")],
    ),
    ("Hier matin, un incendie a ravagé un entrepôt.", [("Hier matin", "2020-11-03TMO")]),
    (
        "Des orages sont attendus mercredi après-midi sur le Sud-Est.",
        [("mercredi après-midi", "2020-11-04TAF")],
    ),
    (
        "Le couvre-feu sera levé le 1er décembre à 6 h.",
        [("le 1er décembre", "2020-12-01"), ("6 h", "2020-12-01T06:00")],
    ),
    (
        "Le président s'exprimera ce soir à 20 heures à la télévision.",
        [("ce soir", "2020-11-04TEV"), ("20 heures", "2020-11-04T20:00")],
    ),
    (
        "Le trafic a été interrompu pendant près de deux heures.",
        [("près de deux heures", "PT2H")],
    ),
    (
        "La réunion, initialement prévue jeudi, a été reportée à la semaine prochaine.",
        [("jeudi", "2020-11-05"), ("la semaine prochaine", "2020-W46")],
    ),
    (
        "Selon le bilan publié ce matin, 40 000 personnes sont mortes depuis mars.",
        [("ce matin", "2020-11-04TMO"), ("mars", "2020-03")],
    ),
    ("Le pont, inauguré le 3 février, s'est effondré.", [("le 3 février", "2020-02-03")]),
    # recaps and background
    (
        "Le 8 mars 2019, des milliers de femmes avaient défilé à Paris.",
        [("Le 8 mars 2019", "2019-03-08")],
    ),
    (
        "Il avait été élu en mars 2014 puis réélu six ans plus tard.",
        [("mars 2014", "2014-03"), ("six ans", "P6Y")],
    ),
    ("Les faits remontent au 14 juillet 2016.", [("14 juillet 2016", "2016-07-14")]),
    (
        "Depuis le début de l'année, 120 migrants ont péri en Méditerranée.",
        [("le début de l'année", "2020")],
    ),
    ("En l'espace de dix ans, la population a doublé.", [("dix ans", "P10Y")]),
    ("Le record datait de l'été 2003.", [("l'été 2003", "2003-SU")]),
    (
        "Arrêté le 2 octobre, il a été relâché le lendemain.",
        [("le 2 octobre", "2020-10-02"), ("le lendemain", "2020-10-03")],
    ),
    (
        "La semaine dernière, la ministre a visité l'usine.",
        [("La semaine dernière", "2020-W44")],
    ),
    (
        "Le premier ministre a été reçu à l'Élysée en début de semaine.",
        [("début de semaine", "2020-W45")],
    ),
    (
        "Les négociations, entamées il y a quelques jours, piétinent.",
        [("il y a quelques jours", "PAST_REF")],
    ),
    (
        "Il a démissionné en 2017, trois mois avant la fin de son mandat.",
        [("2017", "2017"), ("trois mois", "P3M")],
    ),
    # interviews
    (
        "« Je suis arrivé ici il y a quinze ans », raconte-t-il.",
        [("il y a quinze ans", "2005")],
    ),
    ("« Demain, nous serons dans la rue », prévient la syndicaliste.", [("Demain", "2020-11-05")]),
    ("« Depuis trois mois, je ne dors plus », confie-t-elle.", [("trois mois", "P3M")]),
    (
        "« Dans dix ans, il n'y aura plus de glacier ici », estime le chercheur.",
        [("dix ans", "P10Y")],
    ),
    # sports
    (
        "Le PSG recevra Lyon dimanche à 21 heures.",
        [("dimanche", "2020-11-08"), ("21 heures", "2020-11-08T21:00")],
    ),
    ("Blessé, l'attaquant sera absent au moins six semaines.", [("au moins six semaines", "P6W")]),
    (
        "Le club n'avait plus gagné à l'extérieur depuis le 12 septembre.",
        [("le 12 septembre", "2020-09-12")],
    ),
    ("Les supporters attendaient ce titre depuis 1998.", [("1998", "1998")]),
    ("Le match aller s'est disputé il y a une semaine.", [("il y a une semaine", "2020-10-28")]),
    ("Dimanche, l'OM s'est imposé 2-1 face à Nice.", [("Dimanche", "2020-11-01")]),
    (
        "Le tournoi se déroulera du 15 au 20 décembre.",
        [("15", "2020-12-15"), ("20 décembre", "2020-12-20")],
    ),
    ("Les épreuves s'achèveront vendredi.", [("vendredi", "2020-11-06")]),
    # economy
    (
        "Le chiffre d'affaires a progressé de 4 % au deuxième trimestre.",
        [("deuxième trimestre", "2020-Q2")],
    ),
    ("La Bourse de Paris a clôturé jeudi en hausse de 1,2 %.", [("jeudi", "2020-10-29")]),
    ("L'inflation devrait ralentir en 2021, selon la Banque de France.", [("2021", "2021")]),
    ("Le taux de chômage atteignait 8,1 % fin juin.", [("fin juin", "2020-06")]),
    (
        "La production a repris mi-mai après deux mois d'arrêt.",
        [("mi-mai", "2020-05"), ("deux mois", "P2M")],
    ),
    (
        "Le gouvernement table sur une croissance de 6 % l'an prochain.",
        [("l'an prochain", "2021")],
    ),
    (
        "Le Livret A rapporte 0,5 % par an depuis le 1er février 2020.",
        [("an", "P1Y"), ("le 1er février 2020", "2020-02-01")],
    ),
    ("Les commerçants rouvriront leurs boutiques samedi.", [("samedi", "2020-11-07")]),
    (
        "La Fed a maintenu ses taux mercredi, pour la septième réunion consécutive.",
        [("mercredi", "2020-11-04")],
    ),
    (
        "La deuxième vague devrait atteindre son pic dans les prochains jours.",
        [("les prochains jours", "PXD")],
    ),
    # courts
    (
        "Le tribunal correctionnel rendra son jugement le 17 décembre.",
        [("le 17 décembre", "2020-12-17")],
    ),
    (
        "L'accusé, âgé de 42 ans, encourt vingt ans de réclusion criminelle.",
        [("vingt ans", "P20Y")],
    ),
    (
        "Le procès, qui s'est ouvert lundi, doit durer trois semaines.",
        [("lundi", "2020-11-02"), ("trois semaines", "P3W")],
    ),
    (
        "Un homme de 35 ans a été mis en examen vendredi soir.",
        [("vendredi soir", "2020-10-30TEV")],
    ),
    (
        "La cour d'appel de Douai examinera le dossier le 12 janvier prochain.",
        [("le 12 janvier prochain", "2021-01-12")],
    ),
    ("Le verdict est attendu dans la soirée.", [("la soirée", "2020-11-04TEV")]),
    (
        "L'homme a été condamné mardi à dix-huit mois de prison avec sursis.",
        [("mardi", "2020-11-03"), ("dix-huit mois", "P18M")],
    ),
    ("L'audience a été renvoyée au 15 janvier 2021.", [("15 janvier 2021", "2021-01-15")]),
    (
        "Le 11 novembre, jour férié, les commerces seront fermés.",
        [("Le 11 novembre", "2020-11-11")],
    ),
    ("Chaque lundi, les bénévoles distribuent des repas.", [("Chaque lundi", "XXXX-WXX-1")]),
    # less common forms (second batch, also written before running)
    ("Le chiffre d'affaires a reculé de 3 % sur un an.", [("un an", "P1Y")]),
    (
        "La police est intervenue samedi vers 17 heures.",
        [("samedi", "2020-10-31"), ("17 heures", "2020-10-31T17:00")],
    ),
    (
        "Le taux de chômage a atteint 9 % au premier semestre 2020.",
        [("premier semestre 2020", "2020-H1")],
    ),
    (
        "Il avait été condamné en première instance à cinq ans de prison l'an passé.",
        [("cinq ans", "P5Y"), ("l'an passé", "2019")],
    ),
    ("Les prix ont flambé ces dix dernières années.", [("ces dix dernières années", "P10Y")]),
    ("Le ministre se rendra en Corse en milieu de semaine.", [("milieu de semaine", "2020-W45")]),
    (
        "Un accident s'est produit avant-hier soir sur l'A31.",
        [("avant-hier soir", "2020-11-02TEV")],
    ),
    ("Les élections ont lieu tous les cinq ans.", [("tous les cinq ans", "P5Y")]),
    (
        "Le journaliste a été libéré jeudi dernier après 200 jours de détention.",
        [("jeudi dernier", "2020-10-29"), ("200 jours", "P200D")],
    ),
    ("Un an plus tôt, le même scénario s'était produit.", [("Un an", "P1Y")]),
    (
        "Le texte a été adopté au Sénat dans la nuit de samedi à dimanche.",
        [("la nuit de samedi à dimanche", "2020-10-31TNI")],
    ),
    (
        "Les secours ont été alertés jeudi 29 octobre en fin de matinée.",
        [("jeudi 29 octobre en fin de matinée", "2020-10-29TMO")],
    ),
    (
        "Il a été arrêté le 2 octobre et, le soir même, il était hospitalisé.",
        [("le 2 octobre", "2020-10-02"), ("le soir même", "2020-10-02TEV")],
    ),
    (
        "Le vote a eu lieu le 3 juin. La veille au soir, les manifestants s'étaient rassemblés.",
        [("le 3 juin", "2020-06-03"), ("La veille au soir", "2020-06-02TEV")],
    ),
    ("L'entreprise a été créée au début des années 2000.", [("début des années 2000", "200X")]),
    ("Les Bleus n'ont plus perdu depuis octobre 2019.", [("octobre 2019", "2019-10")]),
    # "annuels": FTiB tags set adjectives after a noun ("efforts annuels"); expectation fixed
    (
        "Les résultats annuels seront publiés en février.",
        [("annuels", "P1Y"), ("février", "2021-02")],
    ),
    ("Le délai de prescription est de trois ans.", [("trois ans", "P3Y")]),
    ("En deux heures, les pompiers ont maîtrisé le feu.", [("deux heures", "PT2H")]),
    (
        "Le procès doit s'ouvrir le 2 mars prochain devant la cour d'assises.",
        [("le 2 mars prochain", "2021-03-02")],
    ),
    (
        "Le suspect avait été placé en garde à vue mardi matin, avant d'être relâché mercredi.",
        [("mardi matin", "2020-11-03TMO"), ("mercredi", "2020-11-04")],
    ),
    (
        "Cet après-midi, les députés examineront le budget.",
        [("Cet après-midi", "2020-11-04TAF")],
    ),
    (
        "L'ancien maire, décédé le 20 août, a été inhumé hier.",
        [("le 20 août", "2020-08-20"), ("hier", "2020-11-03")],
    ),
    (
        "La compagnie avait transporté 5 millions de passagers en 2019, contre 2 cette année.",
        [("2019", "2019"), ("cette année", "2020")],
    ),
    ("Les travaux s'étaleront sur dix-huit mois.", [("dix-huit mois", "P18M")]),
    (
        "L'hôpital a accueilli 30 patients ces dernières 24 heures.",
        [("ces dernières 24 heures", "PT24H")],
    ),
    ("Les 48 prochaines heures seront décisives.", [("Les 48 prochaines heures", "PT48H")]),
    ("La neige est attendue en fin de semaine.", [("fin de semaine", "2020-W45")]),
    ("Le ministre avait promis une réponse sous huit jours.", [("huit jours", "P8D")]),
    (
        "Il travaille dans l'entreprise depuis une vingtaine d'années.",
        [("une vingtaine d'années", "P20Y")],
    ),
    ("Au printemps, le virus était encore inconnu.", [("printemps", "2020-SP")]),
    (
        "La mairie organise un marché de Noël du 27 novembre au 24 décembre.",
        # "Noël": a date naming a noun is tagged as in "la crise de 2008"; expectation fixed
        [("Noël", "2020-12-25"), ("27 novembre", "2020-11-27"), ("24 décembre", "2020-12-24")],
    ),
    (
        "« On ne reviendra pas en arrière avant des mois », a-t-il prévenu.",
        [("des mois", "PXM")],
    ),
    ("Le Brent a terminé la séance de vendredi à 40 dollars.", [("vendredi", "2020-10-30")]),
    ("Le tribunal a fixé l'audience au lundi 16 novembre.", [("lundi 16 novembre", "2020-11-16")]),
    ("Les urgences sont saturées depuis la mi-octobre.", [("la mi-octobre", "2020-10")]),
    (
        "En 1999, la tempête a privé d'électricité des milliers de foyers pendant des semaines.",
        [("1999", "1999"), ("des semaines", "PXW")],
    ),
    (
        "Les deux clubs se retrouveront en Coupe de France dans trois semaines.",
        [("trois semaines", "P3W")],
    ),
    (
        "Le ministre recevra les syndicats dans la matinée de jeudi.",
        [("la matinée de jeudi", "2020-11-05TMO")],
    ),
    (
        "La cérémonie a eu lieu dimanche dernier au soir.",
        [("dimanche dernier au soir", "2020-11-01TEV")],
    ),
    # third batch (round 4, after the fixes above; also written before running)
    (
        "Le conseil municipal s'est réuni lundi 2 novembre au soir.",
        [("lundi 2 novembre au soir", "2020-11-02TEV")],
    ),
    ("La loi a été promulguée le 30 juillet dernier.", [("le 30 juillet dernier", "2020-07-30")]),
    (
        "Le procès reprendra le 5 janvier 2021 à 9 heures.",
        [("le 5 janvier 2021", "2021-01-05"), ("9 heures", "2021-01-05T09:00")],
    ),
    ("Il a passé quarante-huit heures en garde à vue.", [("quarante-huit heures", "PT48H")]),
    ("La fusion sera effective au 1er janvier prochain.", [("1er janvier prochain", "2021-01-01")]),
    (
        "Les faits se sont déroulés dans la nuit du 1er au 2 novembre.",
        [("la nuit du 1er au 2 novembre", "2020-11-01TNI")],
    ),
    ("Depuis mardi soir, la circulation est coupée.", [("mardi soir", "2020-11-03TEV")]),
    (
        "L'usine sera fermée du lundi 9 au vendredi 13 novembre.",
        [("lundi 9", "2020-11-09"), ("vendredi 13 novembre", "2020-11-13")],
    ),
    (
        "Le maire a été réélu au second tour, dimanche 28 juin.",
        [("dimanche 28 juin", "2020-06-28")],
    ),
    ("Les soldes d'hiver débuteront le 6 janvier.", [("le 6 janvier", "2021-01-06")]),
    ("Le taux directeur est inchangé depuis mars 2016.", [("mars 2016", "2016-03")]),
    ("En une semaine, le nombre de cas a doublé.", [("une semaine", "P1W")]),
    ("Le joueur de 23 ans a signé un contrat de quatre ans.", [("quatre ans", "P4Y")]),
    ("Il s'agit du troisième attentat en moins d'un mois.", [("moins d'un mois", "P1M")]),
    (
        "Le sommet de l'Otan se tiendra les 14 et 15 juin 2021 à Bruxelles.",
        [("les 14", "2021-06-14"), ("15 juin 2021", "2021-06-15")],
    ),
    (
        "Vendredi 13 novembre 2015, des attentats ont frappé Paris.",
        [("Vendredi 13 novembre 2015", "2015-11-13")],
    ),
    (
        "La réforme des retraites, annoncée à l'automne 2019, a été suspendue.",
        [("l'automne 2019", "2019-FA")],
    ),
    (
        "Le chômage partiel sera prolongé jusqu'à la fin de l'année.",
        [("la fin de l'année", "2020")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_STYLES)
def test_news_styles(fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the n-th or last weekday of a month or season
        (
            "Le marathon aura lieu le premier dimanche d'avril.",
            [("le premier dimanche d'avril", "2021-04-04")],
        ),
        (
            "Le dernier lundi de mai 2003, il pleuvait.",
            [("Le dernier lundi de mai 2003", "2003-05-26")],
        ),
        # "l'an prochain" gives its year to the date after it in the sentence
        (
            "L'an prochain, la fête tombera le premier samedi du printemps.",
            [("L'an prochain", "2021"), ("le premier samedi du printemps", "2021-03-20")],
        ),
        # a time zone belongs to the clock time
        ("Le sommet s'ouvre à 14 h GMT.", [("14 h GMT", "2020-11-04T14:00")]),
    ],
)
def test_ordinal_weekday_and_time_zone(
    fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]
) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


def test_day_month_takes_the_year_named_before_it() -> None:
    text = "En 2010, une roquette a été tirée le 21 décembre à partir de Gaza."
    span = _find(text, "le 21 décembre", find_dates(text, ANCHOR, "fr"))
    assert span.attrs["value"] == "2010-12-21" and span.attrs["anchor"] is None
    # a season "2002/2003" names no single year: the anchor rule stays
    text = "Pour cette saison 2002/2003, la rentrée aura lieu le 12 septembre."
    span = _find(text, "le 12 septembre", find_dates(text, PartialDate(2002, 9, 10), "fr"))
    assert span.attrs["value"] == "2002-09-12"


def test_context_day_for_times_and_day_after() -> None:
    text = "Le drame s'est produit samedi 31 octobre vers 23 h. Le lendemain matin, il a fui."
    spans = find_dates(text, ANCHOR, "fr")
    assert _find(text, "23 h", spans).attrs["value"] == "2020-10-31T23:00"
    after = _find(text, "Le lendemain matin", spans)
    assert after.label == "TIME" and after.attrs["value"] == "2020-11-01TMO"


def test_day_after_without_context_is_unresolved() -> None:
    span = _one("Le lendemain, il est reparti.")
    assert span.attrs["value"] is None and span.attrs["resolved"] is False


def test_no_anchor_keeps_relative_unresolved() -> None:
    rel = _one("Il est arrivé hier.", anchor=None)
    assert rel.attrs == {"value": None, "granularity": "day", "anchor": None, "resolved": False}
    assert _one("Le traité de 1997.", anchor=None).attrs["value"] == "1997"


def test_ages_are_not_durations() -> None:
    assert find_dates("Un chauffeur de bus de 38 ans a été agressé.", ANCHOR, "fr") == []
    assert find_dates("Théodore Monod, 97 ans, a entrepris un jeûne.", ANCHOR, "fr") == []


def test_no_weekday_from_abbreviations() -> None:
    """The reason search_dates is never run on bodies: "sa" is no samedi."""
    assert find_dates("Il a vu sa femme et sa fille à la mer.", ANCHOR, "fr") == []


# ---------------------------------------------------------------- language-independent, English


def test_numeric_dates_without_language() -> None:
    text = "Publié le 05/11/2020, mis à jour 2020-10-31, il cite 1997."
    values = [s.attrs["value"] for s in find_dates(text, ANCHOR, None)]
    assert values == ["2020-11-05", "2020-10-31", "1997"]
    assert find_dates("samedi hier", ANCHOR, None) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Putin said on Wednesday that talks failed.", "Wednesday", "2020-11-04"),
        ("The deal was signed two years ago.", "two years ago", "2018"),
        ("Talks resume next week.", "next week", "2020-W46"),
        ("The vote took place on October 10.", "October 10", "2020-10-10"),
        ("Police arrived yesterday morning.", "yesterday morning", "2020-11-03TMO"),
        ("The report was posted 11/05/2020.", "11/05/2020", "2020-11-05"),
    ],
)
def test_english_forms(text: str, phrase: str, value: str) -> None:
    span = _one(text, lang="en")
    assert (span.text_of(text), span.attrs["value"]) == (phrase, value)


def test_english_modal_may_is_no_month() -> None:
    assert find_dates("She may return.", ANCHOR, "en") == []


def test_attrs_are_json_and_offsets_valid() -> None:
    text = "Le 10 octobre, puis hier soir vers 22 h, et depuis deux ans."
    for span in find_dates(text, ANCHOR, "fr"):
        json.dumps(span.attrs)
        assert 0 <= span.start < span.end <= len(text)
        assert span.label in ("DATE", "TIME", "DURATION", "SET")
        assert span.attrs["anchor"] in (None, "2020-11-04", "2020-11-03")  # 22 h: hier soir


# ---------------------------------------------------------------- quality floor on ftib


@needs_shared
def test_ftib_quality_floor(fr_nlp: Any) -> None:
    from bench.enrich_timex import Counts, Gold, ftib_docs, heldout, prf, score

    totals = {"all": Counts(), "held-out": Counts()}
    docs = ftib_docs()
    for d, doc in zip(docs, fr_nlp.pipe([d["text"] for d in docs]), strict=True):
        pred = find_dates(d["text"], PartialDate.parse(d["dct"]), "fr", doc)
        gold = [Gold(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]]
        c = score(gold, pred)
        totals["all"].add(c)
        if heldout(d["doc_id"]):
            totals["held-out"].add(c)
    for name, floor in (("all", FLOOR_ALL), ("held-out", FLOOR_HELDOUT)):
        c = totals[name]
        assert prf(c.strict, c.system, c.gold)[2] >= floor["strict"], name
        assert prf(c.value, c.system, c.gold)[2] >= floor["value"], name


# ---------------------------------------------------------------- round 7 (invented sentences)

# Expected values written before the code ran (anchor: Wednesday 2020-11-04).
ROUND7: list[tuple[str, list[tuple[str, str | None]]]] = [
    # a relative day in apposition to a full date: two mentions, the full date kept whole
    (
        "Les syndicats appellent à manifester aujourd'hui mercredi 4 novembre devant la mairie.",
        [("aujourd'hui", "2020-11-04"), ("mercredi 4 novembre", "2020-11-04")],
    ),
    (
        "La réunion se tiendra demain jeudi 5 novembre à Lyon.",
        [("demain", "2020-11-05"), ("jeudi 5 novembre", "2020-11-05")],
    ),
    # part-of-season modifiers, as for months ("début mars", "la fin du mois de juin")
    (
        "Le chantier a repris au début de l'été 2019 après une longue pause.",
        [("début de l'été 2019", "2019-SU")],
    ),
    ("Les pluies sont revenues à la fin de l'hiver 2018.", [("la fin de l'hiver 2018", "2018-WI")]),
    # a season with its year keeps it before "de" ("l'automne 2009 de deux otages")
    (
        "L'enlèvement à l'automne 2009 de deux ingénieurs a tendu les relations.",
        [("l'automne 2009", "2009-FA")],
    ),
    # a clock time "17:45" after a day and month is no two-digit year
    ("Message publié le 22 octobre 17:45 par un lecteur.", [("le 22 octobre", "2020-10-22")]),
    # a number after a weekday that counts what follows is no day of the month
    ("Les frappes ont visé mardi 12 dépôts de munitions.", [("mardi", "2020-11-03")]),
    ("L'incendie a fait dimanche 14 blessés dans le quartier.", [("dimanche", "2020-11-01")]),
    # "d'ici" closing a phrase is a place; before a date it opens a span from now (FTiB: "ici")
    ("Le refuge se trouve à dix kilomètres d'ici.", []),
    ("Vu d'ici, la réforme semble lointaine.", []),
    ("Le texte sera voté d'ici vendredi.", [("ici", "2020-11-04"), ("vendredi", "2020-11-06")]),
    # a four-digit number paired with a count in a range is no year
    ("L'association compte entre 500 et 1000 adhérents.", []),
    # a capitalised unit after a number names a title in French ("20 Minutes", a newspaper)
    ("Selon le quotidien 20 Minutes, la mairie a renoncé.", []),
]


@pytest.mark.parametrize(("text", "expected"), ROUND7)
def test_invented_round7(fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


def test_season_part_modifier() -> None:
    text = "Les pluies sont revenues à la fin de l'hiver 2018."
    assert _one(text).attrs.get("mod") == "END"
    assert _one("Le chantier a repris au début de l'été.").attrs["value"] == "2020-SU"


# Round 8: shapes met in ml_crisis_tls articles no rule had seen (sentences written by us): a
# feast name that is also a common noun needs its capital; "veille" without its article is the
# verb; a four-digit number coordinated with a count counts too; "de N heures" after a noun of
# length is a length of time, not a clock time.
ROUND8 = [
    ("C'est à ses réseaux que le ministre doit son ascension rapide.", []),
    ("Le pont de l'Ascension a vidé les bureaux.", [("Ascension", "2020-05-21")]),
    ("Tasse à la main, l'humoriste veille et raille les élus.", []),
    ("La veille, le maire avait démissionné.", [("La veille", None)]),
    ("Le club revendique entre 300 et 1500 membres actifs.", []),
    ("On a compté 40 nouveaux cas en l'espace de 24 heures.", [("24 heures", "PT24H")]),
    (
        "Le guichet est ouvert de 8 heures à 10 heures.",
        [("8 heures", "2020-11-04T08:00"), ("10 heures", "2020-11-04T10:00")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROUND8)
def test_invented_round8(fr_nlp: Any, text: str, expected: list[tuple[str, str | None]]) -> None:
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    assert [(s.text_of(text), s.attrs["value"]) for s in spans] == expected


def test_live_report_stamps_take_the_page_day(fr_nlp: Any) -> None:
    """An entry's opening time stamp is of the page's day, whatever day the entry before told
    of; a clock time inside a sentence still takes the day its sentence names."""
    text = (
        "10h05 : Le sommet avait été convoqué jeudi 29 octobre par la présidence.\n"
        "11h40 : Les ministres arrivent à l'Elysée.\n"
        "Le 29 octobre, la réunion avait commencé à 13h30 : elle avait duré."
    )
    values = {
        s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr", fr_nlp(text))
    }
    assert values["10h05"] == "2020-11-04T10:05"
    assert values["11h40"] == "2020-11-04T11:40"
    assert values["13h30"] == "2020-10-29T13:30"


def test_day_glued_to_month_is_a_feast_or_a_name() -> None:
    # French writes its national days with a hyphen: feasts, resolved as other feasts are
    assert _one("Le défilé du 14-Juillet a eu lieu.").attrs["value"] == "2020-07-14"
    assert _one("Le 11-Novembre, la cérémonie sera sobre.").attrs["value"] == "2020-11-11"
    # any other day glued to its month names an event or a place: no date mention
    assert find_dates("Depuis le 11-Septembre, tout a changé.", ANCHOR, "fr") == []
    assert find_dates("La place du 6-Octobre était pleine.", ANCHOR, "fr") == []
    # written apart, the same words are a date, and so is a month after a year in a range
    assert _one("Le 11 septembre, il pleuvait.").attrs["value"] == "2020-09-11"
    text = "La guerre (juin 1940-mai 1943) fut longue."
    assert [s.attrs["value"] for s in find_dates(text, ANCHOR, "fr")][-1] == "1943-05"
    # and a range of days keeps its last day ("les 11-12 novembre")
    text = "Le sommet des 11-12 novembre a eu lieu."
    assert [s.attrs["value"] for s in find_dates(text, ANCHOR, "fr")][-1] == "2020-11-12"


def test_wire_clock_times_with_their_zone_are_times_not_years() -> None:
    # wire copy writes clock times in four digits with their zone: a time of the day in context
    text = "Le séisme a frappé vendredi à 10h45 heure locale (1545 GMT)."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr")}
    assert got["1545 GMT"] == "2020-10-30T15:45"
    text = "The truce took effect at midnight on Saturday (2100 GMT Friday)."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "en")}
    assert got["2100 GMT Friday"] == "2020-10-30T21:00"
    assert _one("Polls closed at 1300 GMT.", lang="en").attrs["value"] == "2020-11-04T13:00"
    # without a zone four digits stay a year; "8: 00 am" of tokenised text is eight o'clock
    assert _one("En 1300, la ville fut fondée.").attrs["value"] == "1300"
    assert _one("Polls opened at 8: 00 am.", lang="en").attrs["value"] == "2020-11-04T08:00"


def test_the_part_of_a_named_day_is_a_time_of_that_day() -> None:
    # "the afternoon of December 3" as "l'après-midi du 3 décembre": the part, then the date
    text = "On the afternoon of October 3, police arrived; on the night of Friday, they left."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "en")}
    assert got["the afternoon"] == "2020-10-03TAF" and got["October 3"] == "2020-10-03"
    assert got["the night"] == "2020-10-30TNI"
    # no date after "of": no time ("the morning of her life", "the night of the long knives")
    assert find_dates("She spent the morning of her life in Paris.", ANCHOR, "en") == []


def test_last_weekday_of_the_same_name_does_not_carry_to_a_bare_one(fr_nlp: Any) -> None:
    # written on a Wednesday: "mercredi dernier" is a week back, a bare "mercredi" is that day
    text = (
        "Mercredi dernier, le comité avait déjà siégé. Des milliers de personnes ont manifesté "
        "mercredi dans la capitale. Le ministre est encore présent à Genève ce mercredi."
    )
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr", fr_nlp(text))}
    assert got["Mercredi dernier"] == "2020-10-28"
    assert got["mercredi"] == "2020-11-04" and got["ce mercredi"] == "2020-11-04"
    # another weekday keeps coreference with its "dernier": that week's day, named twice
    text = "Lundi dernier, le comité a siégé. Il s'était réuni lundi à huis clos."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr", fr_nlp(text))}
    assert got["Lundi dernier"] == got["lundi"] == "2020-11-02"


def test_adverbs_of_the_near_future_and_from_now_on() -> None:
    # "prochainement" is an adverb, not the adjective "prochain" that needs its noun after it
    for text in ("Prochainement, le gouvernement tranchera.", "Il tranchera prochainement."):
        assert _one(text).attrs["value"] == "FUTURE_REF"
    assert _one("Dorénavant, le sommet se tiendra à Paris.").attrs["value"] == "PRESENT_REF"
    assert find_dates("Il sera le prochain.", ANCHOR, "fr") == []  # the adjective alone


def test_english_last_night_quarters_and_a_day_named_alone() -> None:
    text = (
        "Late last night, protesters marched. GDP fell in the first quarter and rose in the "
        "first half of 2021. The trial opens on the 9th."
    )
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "en")}
    assert got["Late last night"] == "2020-11-03TNI"
    assert got["the first quarter"] == "2020-Q1" and got["the first half of 2021"] == "2021-H1"
    assert got["the 9th"] == "2020-11-09"
    # not dates: a match's half, a floor, a quarter of something
    for text in ("He scored in the first half.", "He lives on the 5th floor.",
                 "In the first quarter of the century, it grew."):  # fmt: skip
        assert find_dates(text, ANCHOR, "en") == [], text
    # the part modifier belongs to the mention
    assert (
        _one("The vote is due early next year.", lang="en").text_of(
            "The vote is due early next year."
        )
        == "early next year"
    )


def test_the_night_before_counts_from_the_context_day() -> None:
    text = "Le 12 octobre, un obus est tombé. La nuit précédente, l'armée avait bombardé la ville."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr")}
    assert got == {"Le 12 octobre": "2020-10-12", "La nuit précédente": "2020-10-11TNI"}
    # no context day: one mention, unresolved (not the anchor's night and a PAST_REF)
    spans = find_dates("La nuit précédente, l'armée avait tiré.", ANCHOR, "fr")
    assert [(s.attrs["value"], s.attrs["resolved"]) for s in spans] == [(None, False)]


# ---------------------------------------------------------------- hand gold (ml_crisis_tls)

HAND_TYPES = {"DATE", "TIME", "DURATION", "SET"}


@needs_shared
def test_hand_timex_gold_is_valid() -> None:
    from bench.enrich_timex import hand_docs
    from bench.goldsets import split_of

    docs = hand_docs()  # raises when a shared text changed since it was annotated
    assert len(docs) >= 20 and {d["split"] for d in docs} == {"dev", "heldout"}
    for d in docs:
        assert d["split"] == split_of(d["path"]) and d["dct"] == d["path"].split("/")[-2]
        end = -1
        for t in d["timexes"]:
            piece = d["text"][t["start"] : t["end"]]
            assert t["start"] >= end and piece and piece == piece.strip(), (d["path"], t)
            assert t["type"] in HAND_TYPES and t["value"], (d["path"], t)
            end = t["end"]


@needs_shared
def test_hand_timex_quality_floor(fr_nlp: Any) -> None:
    from bench.enrich_timex import prf, run_hand

    totals = run_hand(fr_nlp)
    for name, floor in (("all", FLOOR_HAND_ALL), ("held-out", FLOOR_HAND_HELDOUT)):
        c = totals[name]
        assert prf(c.strict, c.system, c.gold)[2] >= floor["strict"], name
        assert prf(c.value, c.system, c.gold)[2] >= floor["value"], name


# ---------------------------------------------------------------- from the hand gold's dev misses


def test_same_weekday_exact_ago_and_present_ref_fixed_phrase(fr_nlp: Any) -> None:
    text = (
        "Lundi, des chars sont entrés dans la ville. A Homs ce même lundi, la foule a défilé. "
        "Il y a tout juste un mois, rien de cela n'était imaginable. A ce jour, personne ne sait."
    )
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr", fr_nlp(text))}
    assert got["Lundi"] == got["ce même lundi"] == "2020-11-02"
    assert got["Il y a tout juste un mois"] == "2020-10"
    assert got["A ce jour"] == "PRESENT_REF"
    # "a ce jour" without its capital is the verb: "il a ce jour-là refusé"
    assert [s.text_of("Il a ce jour-là refusé.") for s in find_dates(
        "Il a ce jour-là refusé.", ANCHOR, "fr")] == ["ce jour-là"]  # fmt: skip


def test_unit_after_unit_is_a_set_and_a_short_second_year() -> None:
    text = "Ils manifestent jour après jour, mois après mois, depuis la saison 2011/12."
    got = {s.text_of(text): (s.label, s.attrs["value"]) for s in find_dates(text, ANCHOR, "fr")}
    assert got["jour après jour"] == ("SET", "P1D") and got["mois après mois"] == ("SET", "P1M")
    assert got["2011"] == ("DATE", "2011") and got["12"] == ("DATE", "2012")
    # "2011/15" is no pair of years: the number stays unread
    assert [s.text_of("Le rapport 2011/15.") for s in find_dates(
        "Le rapport 2011/15.", ANCHOR, "fr")] == ["2011"]  # fmt: skip


def test_numbers_inside_web_addresses_are_no_dates() -> None:
    text = "Photo : http://www.lefigaro.fr/medias/2011/03/22/x.jpg et www.site.org/1128, en 2011."
    assert [s.text_of(text) for s in find_dates(text, ANCHOR, "fr")] == ["2011"]
    assert find_dates(text, ANCHOR, "fr")[0].start == text.rindex("2011")


def test_a_list_of_days_before_a_month_and_hours_ago(fr_nlp: Any) -> None:
    text = "Ils défileront les 15, 16 et 17 mars. Il y a deux heures, la police a tiré."
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    got = {s.text_of(text): (s.label, s.attrs["value"]) for s in spans}
    assert got["les 15"] == ("DATE", "2021-03-15") and got["16"] == ("DATE", "2021-03-16")
    assert got["17 mars"] == ("DATE", "2021-03-17")
    # hours back: a time of the anchor day whose clock the anchor does not give
    assert got["Il y a deux heures"] == ("TIME", "2020-11-04TXX:XX")


def test_english_weekends_part_modifiers_and_abbreviated_stops(nlp_en: Any) -> None:
    text = (
        "The suspect was arrested this past weekend. The storm struck over the weekend. Prices "
        "rose in mid-2019 and will fall by the end of the year. Ten people died late Monday, "
        "and two more at 3:45 p.m. Tuesday. The dam burst on Jan. 5."
    )
    spans = find_dates(text, ANCHOR, "en", nlp_en(text))
    got = {s.text_of(text): s.attrs["value"] for s in spans}
    assert got["this past weekend"] == "2020-W44-WE" and got["the weekend"] == "2020-W44-WE"
    assert got["mid-2019"] == "2019" and got["the end of the year"] == "2020"
    assert got["late Monday"] == "2020-11-02"
    # "p.m." does not end the sentence: the clock time takes the day written after it
    assert got["3:45 p.m."] == "2020-11-03T15:45"
    # a past verb governs the date through its preposition: the January before, not the next
    assert got["Jan. 5"] == "2020-01-05"


def test_part_of_last_week_and_a_night_between_two_days(fr_nlp: Any) -> None:
    text = (
        "À la fin de la semaine dernière, les combats ont repris. Le 1er novembre, un obus est "
        "tombé. Dans la nuit du 2 au 3, la ville a été bombardée."
    )
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    got = {s.text_of(text): s.attrs["value"] for s in spans}
    assert got["la fin de la semaine dernière"] == "2020-W44"
    assert got["la nuit du 2 au 3"] == "2020-11-02TNI"


def test_a_day_named_alone_with_its_part_clock_ranges_and_this_part_of_the_year(
    fr_nlp: Any,
) -> None:
    text = (
        "Le 2 au soir, la ville a été bombardée, entre 21 heures et 23 heures. En cette fin "
        "d'année, les combats reprennent."
    )
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    got = {s.text_of(text): (s.label, s.attrs["value"]) for s in spans}
    assert got["Le 2 au soir"] == ("TIME", "2020-11-02TEV")
    # "et 23 heures" after "entre 21 heures" is the range's second clock time, not a length
    assert got["23 heures"] == ("TIME", "2020-11-02T23:00")
    assert got["cette fin d'année"] == ("DATE", "2020")
    assert find_dates("La réunion a duré deux heures et demie.", ANCHOR, "fr")[0].label == (
        "DURATION"
    )


def test_ago_with_que_is_a_length_up_to_now() -> None:
    # "il y a / voilà N ans que …" measures a length; "il y a N ans," alone is a past year
    for text, phrase, value in (
        ("Il y a trois ans que je travaille ici.", "trois ans", "P3Y"),
        ("Voilà deux mois qu'il attend.", "deux mois", "P2M"),
        ("Il y a trois ans, je travaillais ici.", "Il y a trois ans", "2017"),
    ):
        span = _one(text)
        assert (span.text_of(text), span.attrs["value"]) == (phrase, value), text


# ---------------------------------------------------------------- from the second hand batch


def test_contracted_des_outside_the_extent_and_the_coming_days(fr_nlp: Any) -> None:
    text = (
        "Le bilan des trois derniers mois est lourd. Au cours des dernières semaines, les prix "
        "ont doublé. Le juge tranchera dans les jours à venir, puis dans les deux mois à venir."
    )
    got = _labelled(text, fr_nlp)
    # "des" is "de + les" there, a preposition, as "du" in "du 30 mai"
    assert got["trois derniers mois"] == ("DURATION", "P3M")
    assert got["dernières semaines"] == ("DURATION", "PXW")
    # no number: the vague future, as "l'avenir"; with a number, a length
    assert got["les jours à venir"] == ("TIME", "FUTURE_REF")
    assert got["les deux mois à venir"] == ("DURATION", "P2M")


def test_present_and_past_locutions_of_the_second_hand_batch(fr_nlp: Any) -> None:
    text = (
        "Pour l'heure, rien n'est signé et rien ne changera dans l'immédiat. À l'époque, il "
        "dirigeait la police. Le ministre de l'époque a démenti ; à l'époque romaine, déjà."
    )
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    got = _labels(text, spans)
    assert got == {
        "Pour l'heure": ("TIME", "PRESENT_REF"),
        "dans l'immédiat": ("TIME", "PRESENT_REF"),
        "l'époque": ("TIME", "PAST_REF"),  # only "à l'époque" closing its phrase
    }
    assert text.index("l'époque") in [s.start for s in spans]


def test_a_clock_time_of_a_recurring_event_names_no_day(fr_nlp: Any) -> None:
    text = "Chaque matin à 8 heures, la lettre part. Hier, il est arrivé à 9 heures."
    got = _labelled(text, fr_nlp)
    assert got["8 heures"] == ("TIME", "XXXX-XX-XXT08:00")
    assert got["9 heures"] == ("TIME", "2020-11-03T09:00")
    text_en = "Every day at 9 am the guards change."
    assert find_dates(text_en, ANCHOR, "en")[-1].attrs["value"] == "XXXX-XX-XXT09:00"


def test_that_day_after_a_year_glued_article_and_page_minutes(fr_nlp: Any) -> None:
    text = (
        "Elle se fait connaître en 1984. Ce jour là, le régime pend un opposant. Les promesses "
        "faites le16 avril ne suffisent plus, au lendemain même du discours. Lecture 5 min."
    )
    got = _labelled(text, fr_nlp)
    # the last date named is a year: "that day" is a day of 1984, and 1984 is all we know
    assert got["Ce jour là"] == ("DATE", "1984")
    assert got["le16 avril"] == ("DATE", "2020-04-16")  # a crawl glued the article to the day
    assert got["lendemain même"][0] == "DATE"
    assert got["5 min"] == ("DURATION", "PT5M")


def test_a_fronted_date_the_parser_took_for_the_root_takes_the_next_verbs_tense(
    fr_nlp: Any,
) -> None:
    # fr_core_news_md parses "En juin, le festival reprendra." with "juin" as the root and the
    # verb hanging under "festival": the first verb after the date gives the tense
    for text, value in (
        ("En juin, le festival reprendra.", "2021-06"),
        ("À la mi-juin, le festival reprendra.", "2021-06"),
        ("En juin, le festival a repris.", "2020-06"),
    ):
        assert find_dates(text, ANCHOR, "fr", fr_nlp(text))[0].attrs["value"] == value, text


def test_that_day_does_not_take_a_later_year_or_month(fr_nlp: Any) -> None:
    text = "Son mandat prendra fin en juin 2022. Le même jour, le président a parlé."
    got = {s.text_of(text): s.attrs["value"] for s in find_dates(text, ANCHOR, "fr", fr_nlp(text))}
    assert got["Le même jour"] != "2022-06"  # a day already told, not a day of June 2022


# ---------------------------------------------------------------- from the third hand batch


def test_named_protest_day_until_the_next_day_and_minutes_ago(fr_nlp: Any) -> None:
    text = (
        "Le 3 mai, ils ont défilé sous la bannière du vendredi du sabre de Dieu et les combats "
        "ont duré jusqu'au lendemain. Il y a quelques minutes, la police est arrivée. Le "
        "ministre est arrivé vendredi de la capitale."
    )
    spans = find_dates(text, ANCHOR, "fr", fr_nlp(text))
    got = _labels(text, spans)
    # a Friday named for a protest is a name holding a day; a Friday then a place stays a day
    fridays = [s for s in spans if s.text_of(text) == "vendredi"]
    assert [s.start for s in fridays] == [text.rindex("vendredi")]
    assert got["vendredi"] == ("DATE", "2020-10-30")
    assert got["lendemain"] == ("DATE", "2020-05-04")  # "jusqu'au": "au" is its article
    assert got["Il y a quelques minutes"] == ("TIME", "2020-11-04TXX:XX")


# ---------------------------------------------------------------- from the fourth hand batch


def test_english_dates_hours_in_words_and_unit_by_unit(fr_nlp: Any) -> None:
    text = (
        "Le 3 mai, un missile a frappé le quartier, 45 jours auparavant un autre. Dix morts au "
        "cours de la même journée. Je n'ai pas dormi avant six heures du matin. Le nombre "
        "grossit de minute en minute.\n— Un témoin (@temoin) August 23, 2013\n"
    )
    got = _labelled(text, fr_nlp)
    # an embedded tweet's English date, written in full, is that day
    assert got["August 23, 2013"] == ("DATE", "2013-08-23")
    assert got["la même journée"] == ("DATE", "2020-05-03")
    assert got["six heures du matin"] == ("TIME", "2020-05-03T06:00")  # the day told of
    assert got["minute en minute"] == ("SET", "PT1M")
    # "45 jours auparavant": the length is the mention ("plus tôt"), no PAST_REF beside it
    assert got["45 jours"] == ("DURATION", "P45D") and "auparavant" not in got
