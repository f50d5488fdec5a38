"""Quote layer: direct and indirect quotes with cue and speaker (``enrich.quotes``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.enrich.entities import find_entities
from newsweave.enrich.quotes import find_quotes, load_lexicon
from newsweave.model import Span
from tests.conftest import FRANCEINFO, REPO, XINHUA, needs_shared

spacy = pytest.importorskip("spacy")
Doc = pytest.importorskip("spacy.tokens").Doc

LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


# nlp_fr / nlp_en: the session-wide pipelines of tests/conftest.py


def model_entities(doc) -> list[Span]:  # type: ignore[no-untyped-def]
    """Test input standing in for ``entities.find_entities``: the model's own mentions."""
    return [
        Span(e.start_char, e.end_char, LABELS.get(e.label_, "MISC"), {"canonical": e.text})
        for e in doc.ents
    ]


def quotes_of(nlp, text: str, lang: str, entities: list[Span] | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ents = model_entities(doc) if entities is None else entities
    return find_quotes(doc, ents, lang)


def entity_quotes(nlp, text: str, lang: str = "fr") -> list[Span]:  # type: ignore[no-untyped-def]
    """The quotes of ``text`` with the entity layer's mentions, from one parse."""
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc, lang), lang)


def speaker_text(text: str, q: Span) -> str | None:
    spk = q.attrs["speaker"]
    return text[spk[0] : spk[1]] if spk else None


def by_content(text: str, quotes: list[Span], fragment: str) -> Span:
    found = [q for q in quotes if fragment in q.text_of(text)]
    assert len(found) == 1, [q.text_of(text) for q in quotes]
    return found[0]


# ------------------------------------------------------------------ French fixtures

FR_SEED_LIKE = (
    "Le président russe Vladimir Poutine a déclaré mercredi que son pays ferait tout pour "
    "arrêter les combats dans la région.\n"
    '"Nous parlons avec les deux camps. Nous espérons une trêve rapide", a indiqué le président '
    "russe au cours d'une réunion à Moscou.\n"
    "Le président a souligné que les deux parties pouvaient encore négocier.\n"
    "« La paix est possible », a-t-il affirmé.\n"
    '"Le gouvernement a demandé une aide urgente à ses voisins", a indiqué le ministère des '
    "affaires étrangères arménien dans un communiqué.\n"
)


def test_seed_like_french_structures(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = FR_SEED_LIKE
    quotes = quotes_of(nlp_fr, text, "fr")
    assert len(quotes) == 5
    decl = by_content(text, quotes, "son pays ferait tout")
    assert decl.label == "indirect" and decl.attrs["cue_lemma"] == "déclarer"
    assert "Poutine" in (speaker_text(text, decl) or "")
    assert decl.text_of(text).endswith("région")  # final period excluded
    two = by_content(text, quotes, "Nous parlons")
    assert two.label == "direct" and "Nous espérons une trêve rapide" in two.text_of(text)
    assert not two.text_of(text).startswith('"')
    assert speaker_text(text, two) == "président russe"
    souligne = by_content(text, quotes, "les deux parties pouvaient")
    assert souligne.attrs["cue_lemma"] == "souligner"
    paix = by_content(text, quotes, "La paix est possible")
    assert paix.attrs["cue_lemma"] == "affirmer"
    assert paix.attrs["speaker"] == souligne.attrs["speaker"]  # il → the last speaker
    ministry = by_content(text, quotes, "aide urgente")
    assert speaker_text(text, ministry) == "ministère des affaires étrangères arménien"


def test_pronoun_goes_to_entity_and_role_mentions(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Jean Dupont est arrivé lundi à Paris. « Nous ne céderons pas », a-t-il dit."
    ents = [Span(text.index("Jean"), text.index(" est"), "PER", {"canonical": "Jean Dupont"})]
    (q,) = quotes_of(nlp_fr, text, "fr", ents)
    assert q.attrs["speaker_entity"] == 0 and speaker_text(text, q) == "Jean Dupont"
    assert text[q.attrs["cue"][0] : q.attrs["cue"][1]] == "a-t-il dit"


def test_pronoun_subject_kept_when_the_parse_hangs_the_reported_verb_on_the_cue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    # The parser attaches "étaient" (lemma être) to "précisé": it is no passive auxiliary.
    text = (
        "Le ministre Jean Dupuis a assuré lundi que la frontière resterait ouverte. "
        "Il a également précisé qu'ils étaient sous la protection de la police."
    )
    ents = [Span(text.index("Jean"), text.index(" a assuré"), "PER", {"canonical": "Jean Dupuis"})]
    q = by_content(text, quotes_of(nlp_fr, text, "fr", ents), "protection de la police")
    assert q.attrs["speaker_entity"] == 0 and speaker_text(text, q) == "Jean Dupuis"


def test_inserted_attribution_gives_two_quotes_one_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous avons gagné une bataille », a déclaré Marie Durand, « mais pas encore la guerre »."
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert [q.label for q in quotes] == ["direct", "direct"]
    assert quotes[0].attrs["speaker"] == quotes[1].attrs["speaker"]
    assert speaker_text(text, quotes[0]) == "Marie Durand"


def test_colon_intro_and_selon(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le porte-parole du gouvernement, Paul Martin, a déclaré : « Les écoles rouvriront lundi "
        "matin. »\nSelon l'agence de presse TASS, les troupes se sont retirées de la ville.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    direct = by_content(text, quotes, "Les écoles rouvriront")
    assert direct.label == "direct" and direct.attrs["cue_lemma"] == "déclarer"
    assert "Paul Martin" in (speaker_text(text, direct) or "") or "porte-parole" in (
        speaker_text(text, direct) or ""
    )
    selon = by_content(text, quotes, "les troupes se sont retirées")
    assert selon.label == "indirect" and selon.attrs["cue_lemma"] == "selon"
    assert "TASS" in (speaker_text(text, selon) or "")
    assert "selon" not in selon.text_of(text).lower()


def test_scare_quotes_titles_and_headlines_are_skipped(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le « printemps syrien » a commencé en mars.\n"
        "Le film « Les Misérables » sort mercredi dans les salles.\n"
        "Selon le rapport Hurun, Pékin compte le plus de riches\n"
        'Sophie Martin : "La Russie utilise la Géorgie comme test"\n'
    )
    assert quotes_of(nlp_fr, text, "fr") == []


def test_writer_and_reader_are_not_speakers(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "En cliquant ici, vous confirmez que vous êtes la seule personne à lire ce compte."
    assert quotes_of(nlp_fr, text, "fr") == []


def test_trailing_inversion_without_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ville est tombée aux mains des rebelles, a annoncé samedi le ministère de la Défense."
    )
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert q.label == "indirect" and q.text_of(text) == "La ville est tombée aux mains des rebelles"
    assert "ministère de la Défense" in (speaker_text(text, q) or "")


def test_tweet_block_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Nadia Karim écrit :\n@nadiak: Les rues sont pleines ce soir. Rien ne bouge.\n"
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert q.label == "direct" and q.text_of(text).startswith("Les rues sont pleines")
    assert speaker_text(text, q) == "@nadiak"


def test_language_without_word_lists_gives_nothing(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    assert load_lexicon("de") is None
    assert quotes_of(nlp_fr, "« Wir schaffen das », sagte sie.", "de") == []


def mention(text: str, name: str, label: str = "PER") -> Span:
    start = text.index(name)
    return Span(start, start + len(name), label, {"canonical": name})


def mentions(text: str, names: list[tuple[str, str]]) -> list[Span]:
    return [mention(text, name, label) for name, label in names]


def quote_about(nlp, text: str, lang: str, names: list[tuple[str, str]], content: str) -> Span:  # type: ignore[no-untyped-def]
    """The one quote holding ``content``, the ``names`` (name, label) given as entity mentions."""
    return by_content(text, quotes_of(nlp, text, lang, mentions(text, names)), content)


# Who speaks among the people a short text names: (text, the people, a piece of the quote,
# its speaker, whether it is the text's only quote).
SPEAKER_CASES = {
    "pronoun skips the other gender": (
        "La porte-parole du gouvernement, Anne Martin, a reçu lundi le ministre Paul Durand. "
        "« Nous ne céderons pas », a-t-elle dit.",
        ("Anne Martin", "Paul Durand"), "Nous ne céderons", "Anne Martin", True,
    ),
    "pronoun prefers the subject over a prepositional mention": (
        "Le ministre Jean Dupont a appelé à la retenue à l'issue d'un entretien avec le "
        "président Paul Durand. « La paix est encore possible », a-t-il déclaré.",
        ("Jean Dupont", "Paul Durand"), "La paix", "Jean Dupont", True,
    ),
    "pronoun prefers the speaker over a name in his reported words": (
        "Le colonel Omar Saleh avait laissé entendre dans un entretien que Nadia Karim exerçait "
        "une influence considérable sur la région. « Je la soutiens sans réserve », a-t-il dit.",
        ("Omar Saleh", "Nadia Karim"), "Je la soutiens", "Omar Saleh", False,
    ),
    "inverted 'un des …' named after a comma": (
        'Le colonel Saleh "n\'a rien fait pour le pays", a expliqué un des gardiens de but de '
        "l'équipe nationale, Juma Gtat.",
        ("Saleh", "Juma Gtat"), "rien fait", "Juma Gtat", False,
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=list(SPEAKER_CASES))
def test_speaker_among_named_people(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker, only = SPEAKER_CASES[case]
    quotes = quotes_of(nlp_fr, text, "fr", [mention(text, n) for n in names])
    assert speaker_text(text, by_content(text, quotes, content)) == speaker
    assert len(quotes) == 1 or not only


def test_statement_names_its_author_inside_the_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les partisans de l'Alliance ont manifesté vendredi.\n"
        '"Le ministère de l’Intérieur met en garde contre toute violence lors des célébrations", '
        "a indiqué un communiqué."
    )
    ents = [mention(text, "Alliance", "ORG"), mention(text, "ministère de l’Intérieur", "ORG")]
    (q,) = quotes_of(nlp_fr, text, "fr", ents)
    assert speaker_text(text, q) == "ministère de l’Intérieur" and q.attrs["speaker_entity"] == 1


def test_handle_names_the_speaker_of_a_block(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La journaliste @SarahCarr partage leur opinion :\n"
        "La prochaine fois que quelqu'un doute des raisons de cette occupation, montrez-lui ceci.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr", [])
    assert [speaker_text(text, q) for q in quotes] == ["@SarahCarr"]


# ------------------------------------------------------------------ French rules (second pass)
# Invented sentences, one per rule: reflexive inversions, the sentence after an attribution,
# quotes right after the verb, "selon" cut before a later speaker, common-noun antecedents,
# subjects on the auxiliary, phrases of saying, vague sources, lemma repair, block intros.


def only_quote(nlp, text: str) -> Span:  # type: ignore[no-untyped-def]
    (q,) = quotes_of(nlp, text, "fr")
    return q


def test_reflexive_inversion(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "« Le pays est à bout », se lamente Karim Saleh, un chauffeur de taxi de la capitale."
    q = only_quote(nlp_fr, text)
    assert speaker_text(text, q) == "Karim Saleh" and q.attrs["cue_lemma"] == "lamenter"
    assert text[q.attrs["cue"][0] : q.attrs["cue"][1]] == "se lamente"


def test_sentence_after_an_attribution_keeps_the_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous resterons ici », a affirmé Léa Morel, une infirmière de 40 ans. "
        "« Personne ne nous fera partir de cette place. »"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert [speaker_text(text, q) for q in quotes] == ["Léa Morel", "Léa Morel"]


def test_quote_right_after_the_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Devant le palais, les manifestants ont scandé « Liberté pour tous les prisonniers »."
    q = only_quote(nlp_fr, text)
    assert q.text_of(text) == "Liberté pour tous les prisonniers"
    assert speaker_text(text, q) == "manifestants"
    short = (
        "Interrogé sur ces chiffres, le député Marc Aubry s'est contenté de dire « Vraiment ? »."
    )
    assert only_quote(nlp_fr, short).text_of(short) == "Vraiment ?"
    # a name after a verb is not a quote
    name = "Dans ses discours, il appelait « Leezza » la secrétaire d'État américaine."
    assert quotes_of(nlp_fr, name, "fr") == []


def test_credit_after_the_last_sentence_is_not_a_headline(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "À Lyon, les étudiants ont scandé, en soutien aux grévistes, « nous voulons du pain et "
        "du travail ». (Vidéo de Paul)"
    )
    q = only_quote(nlp_fr, text)
    assert q.text_of(text) == "nous voulons du pain et du travail"
    assert speaker_text(text, q) == "étudiants"


def test_selon_with_a_reflexive_verb_in_the_content(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Selon un correspondant de l'AFP, les combats se poursuivent dans le centre-ville."
    q = only_quote(nlp_fr, text)
    assert q.attrs["cue_lemma"] == "selon" and speaker_text(text, q) == "correspondant de l'AFP"


def test_selon_stops_before_a_later_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon l'AFP, les rebelles ont repoussé l'assaut de la nuit, les insurgés affirmant "
        "que l'armée a perdu trois chars."
    )
    selon, affirm = quotes_of(nlp_fr, text, "fr")
    assert selon.text_of(text) == "les rebelles ont repoussé l'assaut de la nuit"
    assert speaker_text(text, selon) == "AFP"
    assert affirm.text_of(text) == "l'armée a perdu trois chars"
    assert speaker_text(text, affirm) == "insurgés"


def test_pronoun_goes_to_a_common_noun_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sur place, un journaliste de l'AFP a vu des dizaines de blessés. "
        "Il a aussi raconté que l'hôpital manquait de sang."
    )
    q = only_quote(nlp_fr, text)
    assert speaker_text(text, q) == "journaliste de l'AFP"


def test_subject_parsed_on_the_auxiliary(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "L'émissaire chinois a, en outre, souhaité que les élections se déroulent dans le calme."
    q = only_quote(nlp_fr, text)
    assert speaker_text(text, q) == "émissaire chinois"


@pytest.mark.parametrize(
    ("text", "lemma", "content", "speaker"),
    [
        (
            "Le ministère de l'Intérieur a fait savoir que les frontières resteraient fermées.",
            "faire savoir",
            "les frontières resteraient fermées",
            "ministère de l'Intérieur",
        ),
        (
            "L'agence officielle Jana a fait état de cinq civils tués dans les raids de la nuit.",
            "faire état de",
            "cinq civils tués dans les raids de la nuit",
            "Jana",
        ),
        (
            "Les militaires se sont dit prêts à protéger les institutions en cas de troubles.",
            "se dire",
            "prêts à protéger les institutions en cas de troubles",
            "militaires",
        ),
    ],
)
def test_phrases_of_saying(nlp_fr, text: str, lemma: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    q = only_quote(nlp_fr, text)
    assert q.attrs["cue_lemma"] == lemma and q.text_of(text) == content
    assert speaker_text(text, q) is not None and speaker in (speaker_text(text, q) or "")


def test_phrase_before_a_colon(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Bamdadi pose la question à ses lecteurs : « Quel pays a le plus haut niveau de vie ? »"
    q = only_quote(nlp_fr, text)
    assert q.attrs["cue_lemma"] == "poser la question" and speaker_text(text, q) == "Bamdadi"


def test_vague_source_has_no_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Selon des informations de presse, le président aurait quitté la capitale dans la nuit."
    q = only_quote(nlp_fr, text)
    assert q.attrs["cue_lemma"] == "selon" and q.attrs["speaker"] is None


def test_lemma_left_as_is_is_repaired(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mais le ministre des Affaires étrangères, Paul Durand, estime qu'il n'est pas réaliste "
        "d'attendre un accord rapide."
    )
    q = only_quote(nlp_fr, text)
    assert q.attrs["cue_lemma"] == "estimer" and speaker_text(text, q) == "Paul Durand"


def test_block_intro_subject_stays_in_its_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le blogueur @karimz a, lui, déclaré :\n"
        "Je laisse mes amis vous raconter ce qu'ils ont vu cette nuit dans les rues.\n"
    )
    q = only_quote(nlp_fr, text)
    assert speaker_text(text, q) == "@karimz" and q.text_of(text).startswith("Je laisse")


def test_page_addressing_the_reader_is_not_a_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Cliquez ici et en vous assurant que vous êtes la seule personne à lire ce compte."
    assert quotes_of(nlp_fr, text, "fr") == []


def test_attribution_inside_the_marks_splits_the_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Durand a rencontré les maires lundi. « Les routes doivent être réparées avant "
        "l'hiver, a-t-il ajouté. Le gouvernement paiera la moitié des travaux dans chaque "
        "commune. »"
    )
    quotes = quotes_of(nlp_fr, text, "fr", [mention(text, "Paul Durand")])
    assert [q.text_of(text) for q in quotes] == [
        "Les routes doivent être réparées avant l'hiver",
        "Le gouvernement paiera la moitié des travaux dans chaque commune.",
    ]
    assert all(speaker_text(text, q) == "Paul Durand" for q in quotes)


def test_participle_tagged_as_adjective_is_a_cue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le colonel Omar Saleh avait reçu les journalistes dans sa tente. « Je soutiens ma chère "
        "amie africaine », s'était-il enthousiasmé."
    )
    q = only_quote(nlp_fr, text)
    assert q.text_of(text) == "Je soutiens ma chère amie africaine"
    assert q.attrs["cue_lemma"] == "enthousiasmer"


def test_pour_qui_gives_the_opinion_of_the_name_before(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'opposition a rejeté l'appel au dialogue lancé par M. Karim Saleh, pour qui la crise "
        "pourrait conduire le pays au chaos."
    )
    quotes = quotes_of(nlp_fr, text, "fr", [mention(text, "Karim Saleh")])
    q = by_content(text, quotes, "la crise")
    assert q.text_of(text) == "la crise pourrait conduire le pays au chaos"
    assert q.attrs["cue_lemma"] == "pour qui" and speaker_text(text, q) == "Karim Saleh"


def test_pour_qui_before_a_pronoun_is_not_a_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Les électeurs de Karim Saleh, pour qui ils ont voté en masse, sont déçus."
    assert quotes_of(nlp_fr, text, "fr", [mention(text, "Karim Saleh")]) == []


def test_selon_mid_sentence_reports_the_count_after_it(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On dénombre au moins onze morts depuis le début des manifestations et, selon Amnesty "
        "International, 78 blessés."
    )
    ents = [mention(text, "Amnesty International", "ORG")]
    (q,) = quotes_of(nlp_fr, text, "fr", ents)
    assert q.text_of(text) == "78 blessés" and speaker_text(text, q) == "Amnesty International"


def test_titles_named_in_a_relative_clause_are_not_quotes(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Il lui avait offert un exemplaire du «Livre vert», le manifeste dans lequel il explique "
        "sa «troisième théorie universelle pour une société nouvelle»."
    )
    assert quotes_of(nlp_fr, text, "fr") == []


# ------------------------------------------------------------------ round 4: coreference
# Invented sentences for general reported-speech syntax and coreference: definite descriptions
# refer back to the name that carried their role, pronouns prefer subjects and follow earlier
# subject pronouns, plural subjects and organisations take "ils"/"they".


def entity_of(q: Span, ents: list[Span]) -> str | None:
    i = q.attrs["speaker_entity"]
    return None if i is None else str(ents[i].attrs["canonical"])


DESCRIPTION_CASES = {
    "role in an apposition before the name": (
        "fr", "Le porte-parole de l'armée, le colonel Ahmed Khalil, a confirmé les frappes. Les "
        "soldats ont repris la colline, a précisé le porte-parole.",
        [("Ahmed Khalil", "PER")], "porte-parole", "Ahmed Khalil",
    ),
    "generic organisation noun": (
        "fr", "Human Rights Watch a publié mardi un rapport sur les prisons. Selon l'organisation, "
        "au moins trente détenus sont morts sous la torture.",
        [("Human Rights Watch", "ORG")], "organisation", "Human Rights Watch",
    ),
    "role given to another person stays unresolved": (
        "fr", "Karim Saleh a rencontré le président Ali Nour. Le ministre a affirmé que la paix "
        "était proche.",
        [("Karim Saleh", "PER"), ("Ali Nour", "PER")], "ministre", None,
    ),
    "indefinite description is somebody else": (
        "fr", "Le ministre Karim Saleh est arrivé lundi. Un ministre a affirmé que la paix était "
        "proche.",
        [("Karim Saleh", "PER")], "ministre", None,
    ),
    "feminine description skips a man": (
        "fr", "Le porte-parole, M. Paul Durand, est arrivé lundi. « Nous sommes prêts à "
        "discuter », a ajouté la porte-parole.",
        [("Paul Durand", "PER")], "porte-parole", None,
    ),
    "english spokesman": (
        "en", "State Department spokesman Ned Price condemned the attack. The spokesman said the "
        "United States would respond.",
        [("Ned Price", "PER")], "spokesman", "Ned Price",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", DESCRIPTION_CASES, ids=list(DESCRIPTION_CASES))
def test_description_refers_back_to_a_name(nlp_fr, nlp_en, case: str) -> None:  # type: ignore[no-untyped-def]
    lang, text, names, phrase, entity = DESCRIPTION_CASES[case]
    ents = [mention(text, n, label) for n, label in names]
    (q,) = quotes_of(nlp_fr if lang == "fr" else nlp_en, text, lang, ents)
    assert speaker_text(text, q) == phrase  # the description itself is the mention
    assert entity_of(q, ents) == entity


PRONOUN_CASES = {
    "subject wins over object": (
        "fr", "Marie Lenoir a rencontré Paul Garnier à Tunis. Elle a affirmé que les discussions "
        "avançaient bien.",
        ("Marie Lenoir", "Paul Garnier"), "Marie Lenoir",
    ),
    "subject wins over object (en)": (
        "en", "John Doe met Mary Poe on Monday. He said the deal was done.",
        ("John Doe", "Mary Poe"), "John Doe",
    ),
    "an earlier subject pronoun is followed back": (
        "fr", "Le commandant Omar Hariri est arrivé en ville. Il a rencontré Sami Nasser. « Nous "
        "ne reculerons pas », a-t-il dit.",
        ("Omar Hariri", "Sami Nasser"), "Omar Hariri",
    ),
    "a name inside the quote is not the speaker": (
        "fr", "Omar Hariri est arrivé lundi. « J'ai vu Sami Nasser hier et tout va bien », a-t-il "
        "déclaré.",
        ("Omar Hariri", "Sami Nasser"), "Omar Hariri",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", PRONOUN_CASES, ids=list(PRONOUN_CASES))
def test_pronoun_salience(nlp_fr, nlp_en, case: str) -> None:  # type: ignore[no-untyped-def]
    lang, text, names, speaker = PRONOUN_CASES[case]
    ents = [mention(text, n) for n in names]
    (q,) = quotes_of(nlp_fr if lang == "fr" else nlp_en, text, lang, ents)
    assert speaker_text(text, q) == speaker


def test_plural_pronoun_goes_to_a_group_or_an_organisation(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Les syndicats ont appelé à la grève. Ils ont affirmé que les salaires étaient trop bas."
    (q,) = quotes_of(nlp_fr, text, "fr", [])
    assert speaker_text(text, q) == "syndicats"
    en = "Acme Corp unveiled a new phone on Monday. They said it would ship in March."
    ents = [mention(en, "Acme Corp", "ORG")]
    (q,) = quotes_of(nlp_en, en, "en", ents)
    assert speaker_text(en, q) == "Acme Corp"


# ------------------------------------------------------------------ round 4: recall


def test_quote_over_paragraphs_with_repeated_opening_mark(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous avons perdu beaucoup d'hommes dans cette bataille.\n"
        "« Mais nous ne reculerons pas », a affirmé le commandant Omar Hariri."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Omar Hariri")])
    assert q.text_of(text).startswith("Nous avons perdu")
    assert q.text_of(text).endswith("nous ne reculerons pas")
    assert speaker_text(text, q) == "Omar Hariri"
    en = "``We are ready to talk.\n``The rebels must disarm first,'' the minister said."
    (q,) = quotes_of(nlp_en, en, "en", [])
    assert q.text_of(en).startswith("We are ready") and q.text_of(en).endswith("first")


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        ("fr", "Les insurgés, selon un porte-parole du Conseil national, contrôlent le port.",
         "porte-parole du Conseil national"),
        ("en", "The victim, according to witnesses, was walking home.", "witnesses"),
    ],
)  # fmt: skip
def test_attribution_set_off_inside_its_clause(nlp_fr, nlp_en, lang, text, source) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes_of(nlp_fr if lang == "fr" else nlp_en, text, lang, [])
    assert q.start == 0 and q.text_of(text).endswith(text.rstrip(".").split()[-1])
    assert speaker_text(text, q) == source


def test_pour_x_gives_an_opinion(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pour Amnesty International, ces condamnations sont un signal alarmant pour les libertés."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Amnesty International", "ORG")])
    assert q.text_of(text) == "ces condamnations sont un signal alarmant pour les libertés"
    assert speaker_text(text, q) == "Amnesty International" and q.attrs["cue_lemma"] == "pour"
    not_a_source = "Pour la première fois, les élèves ont passé l'examen en ligne."
    assert quotes_of(nlp_fr, not_a_source, "fr", []) == []


def test_colon_after_a_named_subject(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = 'The team\'s coach, Mike Jones, was blunt: "We played badly and we deserved to lose."'
    (q,) = quotes_of(nlp_en, text, "en", [mention(text, "Mike Jones")])
    assert q.text_of(text).startswith("We played badly") and speaker_text(text, q) == "Mike Jones"


def test_inverted_attribution_inside_the_clause(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Karim Saleh est arrivé lundi. Les négociations, explique-t-il, reprendront "
        "bientôt avec les rebelles."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr", [mention(text, "Karim Saleh")]), "bientôt")
    assert q.text_of(text).startswith("Les négociations") and q.attrs["cue_lemma"] == "expliquer"
    assert speaker_text(text, q) == "Karim Saleh"


def test_relative_clause_ends_before_the_main_verb(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Karim Saleh, qui a affirmé que les négociations reprendraient bientôt, a quitté la salle."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Karim Saleh")])
    assert q.text_of(text) == "les négociations reprendraient bientôt"


def test_said_then_adding_that_gives_two_quotes(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Talks will resume soon, he said, adding that the rebels must disarm."
    quotes = quotes_of(nlp_en, text, "en", [])
    assert [q.text_of(text) for q in quotes] == ["Talks will resume soon", "the rebels must disarm"]
    assert [q.attrs["cue_lemma"] for q in quotes] == ["say", "add"]


def test_participle_agreement_gives_a_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Garnier a rencontré Marie Lenoir à Tunis. Marie Lenoir est arrivée lundi. « Nous "
        "avançons », a-t-il dit."
    )
    ents = [mention(text, "Paul Garnier"), mention(text, "Marie Lenoir")]
    second = text.index("Marie Lenoir est")
    ents.append(Span(second, second + len("Marie Lenoir"), "PER", {"canonical": "Marie Lenoir"}))
    (q,) = quotes_of(nlp_fr, text, "fr", ents)
    assert speaker_text(text, q) == "Paul Garnier"  # "il" skips the woman named last


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Selon le ministre de l'Intérieur, cité par l'agence officielle Sana, la situation est "
         "très grave dans la ville.", "la situation est très grave dans la ville",
         "ministre de l'Intérieur"),
        ("La situation est très grave dans la ville, a affirmé à la télévision d'Etat le ministre "
         "de l'Information.", "La situation est très grave dans la ville",
         "ministre de l'Information"),
    ],
)  # fmt: skip
def test_channel_of_a_statement_is_not_its_speaker(nlp_fr, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes_of(nlp_fr, text, "fr", [])
    assert q.text_of(text) == content and speaker_text(text, q) == speaker


def test_mislabelled_name_in_apposition_names_the_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« La situation est très grave », a assuré le porte-parole du ministère, Hong Lei, lors "
        "d'un point de presse."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Hong Lei", "LOC")])
    assert speaker_text(text, q) == "Hong Lei" and q.attrs["speaker_entity"] == 0


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ('"We have no suspects at this time," Lt. John Smith said.',
         "We have no suspects at this time", "John Smith"),
        ("According to a statement from the coroner's office, the woman died at the scene.",
         "the woman died at the scene", "coroner's office"),
        ("The actress died on Sunday, her publicist said in a statement.",
         "The actress died on Sunday", "publicist"),
    ],
)  # fmt: skip
def test_english_attribution_details(nlp_en, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes_of(nlp_en, text, "en", [])
    assert q.text_of(text) == content and speaker in (speaker_text(text, q) or "")


# ------------------------------------------------------------------ round 5: reported-speech syntax

# Not reported speech at all: perception, the text talking to its reader, thinking to oneself,
# a passive participle, a scare quote before its subject, a nickname attributed by "selon".
NOT_QUOTES = {
    "perception verb": "Les manifestants ont envahi la place centrale de la ville dès l'aube, "
    "a constaté un journaliste de l'AFP.",
    "the text dares its reader": "Regardez ces images et osez me dire que la situation est "
    "normale dans le pays.",
    "se dire que is a thought": "Les habitants se disent que la guerre ne finira jamais.",
    "passive participle after a comma": "Deux voix discordantes se font entendre depuis le début "
    "de la crise, soutenues par plusieurs pays voisins.",
    "short quote before a subject": "Après s'être déclaré « très inquiet », Washington a appelé "
    "toutes les parties au calme.",
    "nickname attributed by selon": "Ses amis l'appellent plutôt « Jo », selon sa famille.",
}  # fmt: skip


@pytest.mark.parametrize("case", NOT_QUOTES, ids=list(NOT_QUOTES))
def test_not_reported_speech(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text = NOT_QUOTES[case]
    assert [q.text_of(text) for q in quotes_of(nlp_fr, text, "fr", [])] == []


# (text, names with labels, a piece of the quote, its speaker or None, label of that quote)
ROUND5_CASES = {
    "coordinated participles share their subject": (
        "Plusieurs pays ont réagi, Londres évoquant un « drame » et condamnant « une attaque "
        "injustifiable contre des civils sans défense ».",
        (("Londres", "LOC"),), "une attaque injustifiable", "Londres", "direct",
    ),
    "quoted words in a sentence attributed by selon": (
        "Une réunion destinée à « examiner toutes les propositions de paix » se tiendra lundi "
        "à Genève, selon l'agence Reuters.",
        (("Reuters", "ORG"),), "examiner toutes", "Reuters", "direct",
    ),
    "selon X, then a colon and a quote": (
        "L'attaque aurait fait vingt blessés et d'après Karim Haddad, le chef de l'ONG : « Des "
        "familles entières sont encore sous les décombres ».",
        (("Karim Haddad", "PER"), ("ONG", "ORG")), "Des familles", "Karim Haddad", "direct",
    ),
    "a person named in apposition after selon": (
        "Selon le procureur de la Cour, Paul Martin, le pays achetait des armes en secret "
        "depuis plusieurs années.",
        (("Cour", "ORG"), ("Paul Martin", "PER")), "le pays achetait", "Paul Martin", "indirect",
    ),
    "selon les dires de X": (
        "Selon les dires de Paul Martin, la ville est tombée aux mains des rebelles dans la nuit.",
        (("Paul Martin", "PER"),), "la ville est tombée", "Paul Martin", "indirect",
    ),
    "adverb between the auxiliary and the verb": (
        "Les forces de sécurité ont arrêté des dizaines de personnes dans la région, a encore "
        "affirmé l'ONG.",
        (("ONG", "ORG"),), "Les forces de sécurité", "ONG", "indirect",
    ),
    "inverted l'un des …, named after a comma": (
        "« Nous avons repris la colline ce matin », a déclaré l'un des commandants rebelles, "
        "Ali Hassan.",
        (("Ali Hassan", "PER"),), "repris la colline", "Ali Hassan", "direct",
    ),
    "a straight quote between letters is an apostrophe": (
        'Paul Martin a dénoncé les "crimes contre l"humanité" du régime. "Nous agirons sans '
        'attendre la moindre autorisation", a-t-il dit.',
        (("Paul Martin", "PER"),), "Nous agirons", "Paul Martin", "direct",
    ),
    "an unknown capitalised word opening the sentence is a name": (
        "Les réactions ont été immédiates.\nSyriaNewsNow, un compte suivi par des milliers de "
        "lecteurs, a commenté :\nLa décision ne trompe personne dans le pays.",
        (), "La décision ne trompe", "SyriaNewsNow", "direct",
    ),
    "slogans on banners have no speaker": (
        "« A bas le tyran et ses ministres », « Liberté pour le peuple entier », proclamaient "
        "des banderoles sur la place.",
        (), "Liberté pour le peuple", None, "direct",
    ),
}  # fmt: skip


ELIDED_MARK = (
    '7 mars : Violents combats à Zaouïa.Le colonel accuse la France d"ingérence" après le '
    "soutien apporté par Paris aux rebelles et réitère ses accusations.\n"
    "6 mars : Echec d'une mission \"diplomatique\" britannique auprès de l'opposition.\n"
    "5 mars : au moins sept morts (source médicale).Le Conseil de transition se déclare "
    '"le seul représentant du pays".Plus de 191.000 personnes ont fui (ONU).'
)


def test_an_elided_de_before_a_straight_mark_opens_a_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """d"ingérence" (d'"ingérence" with its apostrophe lost): with the mark read as an
    apostrophe the line's marks went odd, the pairs shifted across lines and a report inside
    the shifted "quote" came out with an empty, inverted span."""
    text = ELIDED_MARK
    quotes = quotes_of(nlp_fr, text, "fr", mentions(text, (("Conseil de transition", "ORG"),)))
    assert all(q.start < q.end for q in quotes)
    assert [q.text_of(text) for q in quotes] == ["le seul représentant du pays"]
    assert speaker_text(text, quotes[0]) == "Conseil de transition"


@pytest.mark.parametrize("case", ROUND5_CASES, ids=list(ROUND5_CASES))
def test_reported_speech_syntax(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker, label = ROUND5_CASES[case]
    quotes = quotes_of(nlp_fr, text, "fr", mentions(text, names))
    q = by_content(text, [q for q in quotes if q.label == label], content)
    assert speaker_text(text, q) == speaker


def test_first_of_two_listed_slogans_takes_the_cue_after_the_second(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ROUND5_CASES["slogans on banners have no speaker"][0]
    quotes = quotes_of(nlp_fr, text, "fr", [])
    assert [q.text_of(text) for q in quotes] == [
        "A bas le tyran et ses ministres",
        "Liberté pour le peuple entier",
    ]
    assert {q.attrs["cue_lemma"] for q in quotes} == {"proclamer"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Le ministre a affirmé que son pays n'accepterait « jamais une intervention étrangère "
         "sur son sol ».", ["indirect", "direct"]),
        ("Le ministre a affirmé que « la crise est désormais derrière nous ».", ["direct"]),
    ],
)  # fmt: skip
def test_marked_words_inside_reported_speech(nlp_fr, text: str, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Both quotes when the reported clause has unmarked words of its own, else only the
    direct one (tests/gold/README.md)."""
    quotes = quotes_of(nlp_fr, text, "fr", [])
    assert [q.label for q in quotes] == kept
    assert all(q.attrs["cue_lemma"] == "affirmer" for q in quotes)


TWEETS = (
    "Paul Durand a relayé la nouvelle sur Twitter :\n"
    "@pdurand: Le ministre Jacques Martin démissionne ce soir, selon ses proches.\n"
    "Il explique dans un autre message :\n"
    "La décision était attendue depuis des semaines par tous les observateurs.\n"
    "Sarah Lenoir a commenté :\n"
    "Quelle surprise. Le ministre dit qu'il quittera la vie politique dès demain matin.\n"
)


def test_tweet_names_are_not_antecedents_and_reports_inside_are_kept(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = TWEETS
    names = ["Paul Durand", "Jacques Martin", "Sarah Lenoir"]
    quotes = quotes_of(nlp_fr, text, "fr", [mention(text, n) for n in names])
    second = by_content(text, quotes, "La décision était attendue")
    assert speaker_text(text, second) == "Paul Durand"  # not the minister named in the tweet
    inner = by_content(text, [q for q in quotes if q.label == "indirect"], "il quittera la vie")
    assert speaker_text(text, inner) == "ministre"
    outer = [q for q in quotes if q.start <= inner.start and inner.end <= q.end and q != inner]
    assert [speaker_text(text, q) for q in outer] == ["Sarah Lenoir"]


# ------------------------------------------------------------------ English fixtures


def test_english_structures(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian President Vladimir Putin said on Wednesday that his country was doing "
        "everything it could to end the fighting.\n"
        '"We are in contact with both sides," he said.\n'
        '"The government has asked for urgent help," the Armenian foreign ministry said in a '
        "statement.\n"
        "According to the TASS news agency, the talks will resume on Friday.\n"
        "The ceasefire collapsed within hours, the minister said.\n"
    )
    quotes = quotes_of(nlp_en, text, "en")
    said = by_content(text, quotes, "his country was doing")
    assert said.label == "indirect" and said.attrs["cue_lemma"] == "say"
    assert "Putin" in (speaker_text(text, said) or "")
    contact = by_content(text, quotes, "We are in contact")
    assert contact.label == "direct" and contact.attrs["speaker"] == said.attrs["speaker"]
    ministry = by_content(text, quotes, "urgent help")
    assert "foreign ministry" in (speaker_text(text, ministry) or "")
    tass = by_content(text, quotes, "the talks will resume")
    assert tass.attrs["cue_lemma"] == "according" and "TASS" in (speaker_text(text, tass) or "")
    trailing = by_content(text, quotes, "The ceasefire collapsed")
    assert "minister" in (speaker_text(text, trailing) or "")


def test_english_inversion(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = '"It is over," said the defence minister, Anna Berg.'
    (q,) = quotes_of(nlp_en, text, "en")
    assert q.text_of(text) == "It is over"
    assert speaker_text(text, q) in ("Anna Berg", "the defence minister")


def test_english_title_abbreviation_keeps_the_name(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = '"The driver made some veiled threats," said Bloomington Police Sgt. Marty Earley.\n'
    ents = [mention(text, "Bloomington Police Sgt"), mention(text, "Marty Earley")]
    (q,) = quotes_of(nlp_en, text, "en", ents)
    assert speaker_text(text, q) == "Marty Earley"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("She then opened fire on her colleagues in the break room, Police Capt. John Miller "
         "said.", "She then opened fire", "John Miller"),
        ("He said he had met three nurses, all of whom said that the supplies had run out "
         "last week.", "the supplies had run out", "nurses"),
        ("The company also showed a new chip, which the firm says extends the life of the "
         "battery.", "extends the life", "firm"),
    ],
)  # fmt: skip
def test_english_round5_attributions(nlp_en, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    names = [mention(text, "John Miller")] if "Miller" in text else []
    quotes = quotes_of(nlp_en, text, "en", names)
    assert speaker in (speaker_text(text, by_content(text, quotes, content)) or "")


def test_english_adjectival_participle_is_not_a_cue(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The update fixes a publicly disclosed flaw that "could let attackers run code on any '
        'computer," the company said in a statement.'
    )
    quotes = quotes_of(nlp_en, text, "en", [])
    assert [q.attrs["cue_lemma"] for q in quotes] == ["say"]
    assert "company" in (speaker_text(text, quotes[0]) or "")


def test_bench_speaker_matching_is_not_lax() -> None:
    """A null speaker is right only against a null gold speaker; an entity without a canonical
    name does not match every other such entity."""
    import sys

    sys.path.insert(0, str(Path(REPO)))
    from bench.enrich_quotes import speaker_right
    from bench.goldsets import GoldQuote

    pronoun_only = GoldQuote(10, 40, "direct", "manifestants", [])
    nobody = GoldQuote(10, 40, "direct", None, [])
    silent = Span(10, 40, "direct", {"speaker": None, "speaker_entity": None})
    assert not speaker_right(silent, pronoun_only, [])
    assert speaker_right(silent, nobody, [])
    ents = [Span(0, 5, "PER", {"canonical": ""}), Span(50, 55, "PER", {"canonical": ""})]
    named = GoldQuote(10, 40, "direct", "X", [(50, 55)])
    pred = Span(10, 40, "direct", {"speaker": [0, 5], "speaker_entity": 0})
    assert not speaker_right(pred, named, ents)
    ents[0] = Span(0, 5, "PER", {"canonical": "X"})
    ents[1] = Span(50, 55, "PER", {"canonical": "X"})
    assert speaker_right(pred, named, ents)


def test_bench_pairs_one_span_two_speakers_by_speaker() -> None:
    """Two gold records on one span (coordinated speakers): a single prediction pairs with
    the record of the speaker it names, whichever record comes first."""
    import sys

    sys.path.insert(0, str(Path(REPO)))
    from bench.enrich_quotes import match
    from bench.goldsets import GoldQuote

    golds = [GoldQuote(10, 40, "direct", "A", [(0, 3)]), GoldQuote(10, 40, "direct", "B", [(4, 7)])]
    for speaker in ([0, 3], [4, 7]):
        pred = Span(10, 40, "direct", {"speaker": speaker, "speaker_entity": None})
        pairs = match([pred], golds, [])
        assert [golds[j].speaker_mentions[0][0] for _, j in pairs] == [speaker[0]]
    assert len(match([pred], golds)) == 1  # without entities: overlap alone, still one pair


# ------------------------------------------------------------------ seeds


@needs_shared
def test_seed_xinhua_poutine_quotes(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = XINHUA.read_text(encoding="utf-8")
    quotes = quotes_of(nlp_fr, text, "fr")
    lemmas = [q.attrs["cue_lemma"] for q in quotes]
    assert lemmas[:4] == ["déclarer", "indiquer", "souligner", "affirmer"]
    assert [q.label for q in quotes[:4]] == ["indirect", "direct", "indirect", "direct"]
    long_quote = quotes[1].text_of(text)
    assert long_quote.startswith("La Russie fait tout") and long_quote.endswith("les autres")
    two_sentences = quotes[3].text_of(text)
    assert two_sentences.startswith("Nous sommes en contact") and "J'espère" in two_sentences
    assert speaker_text(text, quotes[3]) is not None
    headlines = text[text.index("La Chine procède") :]
    assert all(q.start < text.index("La Chine procède") for q in quotes), headlines[:0]


@needs_shared
def test_seed_franceinfo_ministry_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = FRANCEINFO.read_text(encoding="utf-8")
    quotes = quotes_of(nlp_fr, text, "fr")
    ministry = by_content(text, quotes, "Le Premier ministre arménien a demandé")
    assert ministry.label == "direct"
    assert speaker_text(text, ministry) == "ministère des affaires étrangères arménien"
    # no quote from the title line nor from the video list at the bottom
    assert all(q.text_of(text) != "sa sécurité" for q in quotes)
    assert all(q.start < text.index("À regarder") for q in quotes)


# ------------------------------------------------------------------ round 6 (fresh articles)

# Causes found on the dev part of the second gold batch, each as an invented sentence:
# (text, named mentions, a piece of the quote, its speaker, its label).
ROUND6_CASES = {
    "chanted one-word slogan after a gerund": (
        "Des milliers d'étudiants ont défilé à Tunis en scandant « dégage » devant le ministère.",
        (), "dégage", "milliers d'étudiants", "direct",
    ),
    "second slogan listed after the first": (
        "Les grévistes ont scandé « du pain pour nos enfants » ou encore « vie et dignité ».",
        (), "vie et dignité", "grévistes", "direct",
    ),
    "heard people chanting": (
        "Sur la vidéo, on entend les étudiants scander « Liberté ! » et « Nous voulons un "
        "vrai Parlement. »",
        (), "Nous voulons un vrai", "étudiants", "direct",
    ),
    "sentence glued to the previous one by a scraper": (
        "Les familles se sont réunies devant le tribunal, selon le journal Al-Wasat.Le juge a "
        "été libéré sous la pression de la foule, selon le site Libya Post.",
        (("Al-Wasat", "ORG"), ("Libya Post", "LOC")),
        "Le juge a été libéré", "Libya Post", "indirect",
    ),
    "name right after the source noun": (
        "Le ministre a démissionné dans la soirée, selon la chaîne Nile Info.",
        (("Nile Info", "LOC"),), "Le ministre a démissionné", "Nile Info", "indirect",
    ),
    "selon opening a coordinated clause": (
        "Le parquet a annoncé qu'il ferait appel du verdict, mais selon un avocat de la défense "
        "la procédure pourrait durer des mois.",
        (), "la procédure pourrait durer", "avocat de la défense", "indirect",
    ),
    "impersonal on with a source after the verb": (
        "Plusieurs centaines de partisans du régime ont défilé dans le centre de la ville, "
        "a-t-on indiqué de sources concordantes.",
        (), "partisans du régime ont défilé", "sources concordantes", "indirect",
    ),
    "source after a skipped recipient": (
        "Des milliers de personnes manifestaient en début de soirée sur la grande place, ont "
        "indiqué à l'AFP de sources policières.",
        (("AFP", "ORG"),), "personnes manifestaient", "sources policières", "indirect",
    ),
    "quote after a verbless opener keeps the speaker": (
        "« Nous donnons au gouvernement jusqu'à mardi pour partir », a affirmé le collectif "
        "Karama sur son site. En cas de refus, « mardi sera le début d'une grève générale "
        "illimitée ».",
        (("Karama", "ORG"),), "mardi sera le début", "Karama", "direct",
    ),
    "document published by its author": (
        "Un communiqué publié par le ministère de l'Intérieur fait état de trois morts et de "
        "dix blessés.",
        (("ministère de l'Intérieur", "ORG"),), "trois morts", "ministère de l'Intérieur",
        "indirect",
    ),
    "a short count after fait état de": (
        "Le dernier bilan du journal Al-Watan faisait état de 14 blessés.",
        (("Al-Watan", "ORG"),), "14 blessés", "Al-Watan", "indirect",
    ),
    "slogan after aux cris de": (
        "La foule a déferlé dimanche dans le centre, conspuant le chef de l'Etat aux cris de "
        "« Le peuple veut la chute du régime », puis s'est dispersée.",
        (), "Le peuple veut", "foule", "direct",
    ),
    "present form tagged as a noun before que": (
        "Omar Benali tweete que l'inaction de la communauté internationale ruine sa crédibilité.",
        (("Omar Benali", "PER"),), "ruine sa crédibilité", "Omar Benali", "indirect",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", ROUND6_CASES, ids=list(ROUND6_CASES))
def test_round6_reported_speech(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker, label = ROUND6_CASES[case]
    quotes = quotes_of(nlp_fr, text, "fr", mentions(text, names))
    q = by_content(text, [q for q in quotes if q.label == label], content)
    assert speaker_text(text, q) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Ce vendredi est appelé par les opposants « Jour du grand départ » sur les réseaux.",
        "Des manifestations ont éclaté dans plusieurs villes du pays ce vendredi, répondant aux "
        "appels à un « Vendredi de la colère » après la répression de la veille.",
    ],
)  # fmt: skip
def test_round6_not_reported_speech(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text_of(text) for q in quotes_of(nlp_fr, text, "fr", [])] == []


def test_statement_from_an_organisation_and_it_added(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police said the fire had started in a storage room.\n"
        "A statement from Acme Foods said the factory would reopen next month.\n"
        "`` We regret any inconvenience caused to our neighbours and staff, '' it added."
    )
    names = [mention(text, "Acme Foods", "ORG")]
    quotes = quotes_of(nlp_en, text, "en", names)
    assert speaker_text(text, by_content(text, quotes, "factory would reopen")) == "Acme Foods"
    assert speaker_text(text, by_content(text, quotes, "We regret")) == "Acme Foods"


# ------------------------------------------------------------ round 7: general French mechanics
# Invented sentences (never from the gold data): unnamed human noun phrases as antecedents, the
# gender of an unnamed noun phrase read from the parse, a "continuation" cue ("a-t-il ajouté")
# going to someone who has spoken, and a quote in the paragraph after "X a déclaré :".

ROUND7_SPEAKERS = [
    (  # an unnamed official, not the president named before, is "il"
        "Le président Jean Dupont est arrivé lundi à Gao. Un responsable militaire a affirmé que "
        "les troupes avaient reculé. « Nous tiendrons la ville coûte que coûte », a-t-il ajouté.",
        "Nous tiendrons la ville",
        "responsable militaire",
    ),
    (  # a witness as the subject of a verb that is not one of saying
        "Le ministre Paul Martin a visité la base mardi. Un témoin a vu les blindés entrer dans "
        "le village à l'aube. « C'était terrifiant, tout le monde courait », a-t-il raconté.",
        "C'était terrifiant",
        "témoin",
    ),
    (
        "Le général Marc Leroy commande la région. Le porte-parole de l'armée a indiqué que deux "
        "soldats avaient été blessés. Selon lui, les assaillants ont fui vers le nord.",
        "les assaillants ont fui",
        "porte-parole de l'armée",
    ),
    (
        "Le préfet Louis Garnier a rencontré les élus. Une habitante du quartier a décrit des "
        "scènes de pillage. « On n'a plus rien, ils ont tout pris », a-t-elle dit.",
        "On n'a plus rien",
        "habitante du quartier",
    ),
    (
        "Le maire Luc Perrin est resté à Lyon. Un policier a raconté la nuit de violences. "
        "D'après lui, une centaine de jeunes ont incendié des voitures.",
        "une centaine de jeunes",
        "policier",
    ),
    (  # "elle" is not "Le Premier ministre X" (the article gives the gender of the phrase)
        "La porte-parole du gouvernement, Claire Morel, a démenti toute négociation secrète.\n"
        "Le Premier ministre Jacques Roche doit se rendre à Bruxelles jeudi.\n"
        "« Il n'y a jamais eu de discussions cachées », a-t-elle ajouté.",
        "discussions cachées",
        "Claire Morel",
    ),
    (  # who "adds" has spoken before: not the deputy named in between
        "Le ministre Paul Martin a affirmé que la réforme serait votée avant l'été.\n"
        "Le député Marc Durand a quitté le parti en janvier.\n"
        "« Nous avons la majorité pour le faire », a-t-il ajouté.",
        "Nous avons la majorité",
        "Paul Martin",
    ),
    (  # the quote in the paragraph after the colon
        "Le chef de la diplomatie, Pierre Lenoir, a déclaré mardi :\n"
        "« Nous ne négocierons pas sous la menace des armes. »",
        "Nous ne négocierons pas",
        "Pierre Lenoir",
    ),
]


@pytest.mark.parametrize("case", range(len(ROUND7_SPEAKERS)))
def test_round7_speakers(nlp_fr, case: int) -> None:  # type: ignore[no-untyped-def]
    text, content, speaker = ROUND7_SPEAKERS[case]
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, content)) == speaker


def test_continuation_cue_without_earlier_speaker_keeps_the_latest_person(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le député Marc Durand a quitté le parti en janvier.\n"
        "« Nous avons la majorité pour le faire », a-t-il ajouté."
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, "Nous avons")) == "Marc Durand"


# ------------------------------------------------------------------ round 8 (unseen wording)

ROUND8_SPEAKERS = [
    (  # verbs of saying found by the lists ("mentionner", "suggérer" joined them in round 8)
        "Le syndicat CGT a mentionné que les grévistes seraient plus de dix mille lundi.",
        "grévistes seraient plus de dix mille",
        "CGT",
    ),
    (
        "Le ministre Luc Faure a suggéré que les élections soient reportées au printemps.",
        "élections soient reportées",
        "Luc Faure",
    ),
    (  # a quote paragraph after a paragraph ending with a verb of saying (no colon)
        "Le maire de Lyon, Bruno Caillat, a longuement répondu aux habitants lundi soir.\n"
        "« Nous reconstruirons chaque pont, chaque école et chaque route emportés par l'eau. »",
        "Nous reconstruirons",
        "Bruno Caillat",
    ),
    (
        "La présidente de l'association, Sophie Marchand, a commenté la décision du tribunal.\n"
        "« C'est une victoire pour toutes les familles qui attendaient depuis dix ans. »",
        "C'est une victoire",
        "Sophie Marchand",
    ),
    (  # a dash opens the next paragraph of the same quote
        "Le général Henri Moreau a répondu aux questions des journalistes.\n"
        "« Les soldats manquent de munitions depuis trois semaines. »\n"
        "— Les renforts promis ne sont jamais arrivés et les blessés attendent des jours.",
        "Les renforts promis",
        "Henri Moreau",
    ),
    (  # the closing mark forgotten: the quote runs to the end of its lines
        "Le général Henri Moreau a décrit la situation :\n"
        "« Les soldats manquent de munitions depuis trois semaines.\n"
        "Les renforts promis ne sont jamais arrivés et les blessés attendent des jours.",
        "Les renforts promis",
        "Henri Moreau",
    ),
]


@pytest.mark.parametrize("case", range(len(ROUND8_SPEAKERS)))
def test_round8_unseen_wording(nlp_fr, case: int) -> None:  # type: ignore[no-untyped-def]
    text, content, speaker = ROUND8_SPEAKERS[case]
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, content)) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Luc Faure pense que les élections seront reportées au printemps.",
        "Le ministre Luc Faure ne s'oppose qu'à la réforme des retraites du gouvernement.",
        "La ministre Anne Roy a exprimé la crainte que les violences ne s'intensifient.",
        "Les pompiers sont intervenus pour éviter que le feu ne gagne les maisons voisines.",
        "Le ministre Paul Riou est arrivé à Marseille dans la matinée.\n"
        "« Nous reconstruirons chaque pont, chaque école et chaque route emportés par l'eau. »",
    ],
)
def test_round8_not_reported_speech(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(nlp_fr, text, "fr") == []


# ------------------------------------------------------------------ gold floors

# Measured with `.venv/bin/python -m bench.enrich_quotes --ents spacy` on all gold docs (dev and
# held-out), rounded down by about 0.02; model entities, so the floor does not move with the
# entity layer. Round 4: fr P .947 R .831 spkP .862 spkR .757; en P .992 R .849 spkP .923
# spkR .789. Round 5 (error census: perception/imperative cues out, reports inside tweets,
# marked words inside reported speech, selon forms, listed slogans, signs without speaker,
# English relative and trailing forms): fr P .960 R .854 spkP .888 spkR .790; en P .985 R .882
# spkP .919 spkR .822 (en P and spkP fell: their floors stay). The gold then grew by 16 French
# and 8 English articles annotated after round 5 (tests/gold/README.md, second batch): on the
# grown gold fr P .943 R .805 spkP .865 spkR .739, en P .988 R .847 spkP .899 spkR .770; the
# floors below are for the grown gold (the measure changed, not the rules). Round 6 (census of
# the second batch's dev part: chanted and listed slogans, scraper-glued sentences, a name after
# the source noun, "de sources" after the verb, statements "from" an organisation and "it"):
# fr P .949 R .830 spkP .880 spkR .770; en P .988 R .852 spkP .923 spkR .796. Round 8 (quote
# paragraphs after a verb of saying, dash and unclosed continuation paragraphs): fr unchanged;
# en P .988 R .867 spkP .924 spkR .811. Round 10 (outside-gold audit: non-saying senses,
# role-noun genders): fr P .955 R .830 spkP .886 spkR .770; en unchanged. The gold then grew
# by a third batch (20 French, 10 English articles annotated after round 11, tests/gold/README.md):
# on the grown gold, rules unchanged, fr P .960 R .803 spkP .883 spkR .739, en P .991 R .845
# spkP .932 spkR .795; the floors below are for the grown gold (the measure changed, not the
# rules). Round 12 (dev misses of the third batch: glued sentences, reports inside reports,
# plural sources, "Pour les opposants", "À en croire", "se déclarer", "titrer", intro lines of
# block quotes without a verb of saying, "parler de « … »", "comme le « … »"): fr P .958 R .837
# spkP .892 spkR .779; en unchanged. Round 13 (speaker attribution, judged on 40 French
# articles outside the gold): fr P .958 R .838 spkP .895 spkR .783; en unchanged. Round 15
# (English dev misses: longer verb-that gaps, naming verbs with quoted words, reports inside
# reports and quotes, PTB marks that close, quoted titles and their owners, first-person
# follow-ups): en P .991 R .888 spkP .948 spkR .849; fr P .957 R .843 spkP .891 spkR .785.
# The gold then grew by a fourth batch (20 French, 10 English articles, annotated after round
# 16): on it alone, rules unchanged, fr P .951 R .697 spkP .765 spkR .561, en P .867 R .765
# spkP .833 spkR .735; after a passive-auxiliary fix (a verb the parser hangs on the cue made
# it passive), on all gold: fr P .956 R .807 spkP .866 spkR .731, en P .977 R .873 spkP .935
# spkR .836. The floors below are for this grown gold (the measure changed, not the rules).
# Round 17 (dev misses of the fourth batch: hard-wrapped lines, gerunds after an inverted
# attribution or hung on a name, organisations named by a common noun as antecedents of
# "elle", notes as documents, "que" after a long adverbial, tweet lines whose handle has no
# colon, a clause before the quoted words that end it, "il y a" in the gap before "que"):
# fr P .955 R .838 spkP .877 spkR .770; en unchanged. Round 18 (dev misses: "selon" after a
# verb that takes a thing, demonstrative phrases, "selon un article du …", title lines, a
# noun phrase right before its verb group, prose ending in page residue): fr P .953 R .846
# spkP .877 spkR .779; en unchanged. Round 19 (dev misses: gerunds and colons after reported
# clauses, subjects across spaces and lines, "Et d'ajouter", open quotes before "X écrit :",
# "s'assurer que"): fr P .956 R .851 spkP .883 spkR .786; en unchanged. The gold then grew by
# a fifth batch (15 French, 10 English articles, annotated after round 19): on it alone, rules
# unchanged, fr P .921 R .674 spkP .782 spkR .572, en P .939 R .886 spkP .818 spkR .771; on all
# gold fr P .952 R .828 spkP .873 spkR .759, en P .969 R .876 spkP .911 spkR .823. The floors
# below are for this grown gold (the measure changed, not the rules). Round 20 (dev misses of
# the fifth batch: marked fragments, "l'ONG", obliques, a message's author, tweet lines under
# bare user names and retweets, participles after shown groups, roles joined by "and",
# appositions before "told"): fr P .953 R .836 spkP .884 spkR .775, en P .970 R .884 spkP .921
# spkR .840. Round 21 (English dev misses of the fifth batch: passive hearsay with an
# infinitive, "someone" names nobody, "MD" as a role in a company mention): fr unchanged, en
# P .970 R .890 spkP .928 spkR .851 (the issue's goal P >= .92 at R >= .85, met in English).
# The gold then grew by a sixth batch (15 French, 10 English articles, annotated after round
# 21): on it alone, rules unchanged, fr P .917 R .739 spkP .824 spkR .664, en P .950 R .826
# spkP .875 spkR .761; on all gold fr P .949 R .825 spkP .878 spkR .763, en P .968 R .882
# spkP .922 spkR .841. Round 22 (dev misses of the sixth batch: "dit X" / "dit-il" read as
# a participle, named attributions inside the marks, coordinated speakers, reports in the
# article's own title lines; the bench pairs a span quoted for two speakers by speaker):
# fr P .944 R .833 spkP .879 spkR .775, en P .968 R .895 spkP .928 spkR .858. The floors
# below are for this grown gold. Round 23 (French dev misses: marked words inside trailing
# and "selon" reports, "qu'" misread as a relative, present participles hung on an object or
# after an inverted attribution, a nationality before an apposed name): fr P .944 R .847
# spkP .882 spkR .792; en unchanged. Round 24 (French dev misses: condemning verbs, relayed
# sources in tweets, interviews, possessed documents, first-person posts …): fr P .949 R .858
# spkP .894 spkR .809 (measured with the entity layer). The gold then grew by a seventh batch (15
# French articles drawn, 13 annotated, after round 24): on it alone, rules unchanged, fr P .960
# R .786 spkP .722 spkR .591; on all gold fr P .949 R .847 spkP .875 spkR .781. The floors
# below are for this grown gold. Round 25 (dev misses of the seventh batch: time phrases
# before an inverted subject, apposed and partitive role phrases, "Pour X (gloss),", a second
# report joined by "mais", a named medium in a skipped phrase, demonstrative speakers): fr
# P .949 R .850 spkP .879 spkR .787; en unchanged. Round 26 (headline echoes of later quotes,
# a headline topic before "pour X,", a person name is a person everywhere in the article): fr
# P .948 R .858 spkP .877 spkR .794; en unchanged. Round 27 (names after long role phrases and
# media descriptions, two sources in one sentence, titled texts, "l'une d'elles", original
# tweets before their translation, unknown verbs for the parser, the reportive conditional …):
# fr P .951 R .869 spkP .889 spkR .813; en unchanged. The gold then grew by an eighth batch (10
# French articles, after round 27): on it alone, rules unchanged, fr P .929 R .803 spkP .827
# spkR .714; on all gold fr P .949 R .862 spkP .883 spkR .803. Round 28 (dev misses of the
# eighth batch: accusations, a name before its role phrase, foreign words in a source, "arguer",
# "de l'avis de", a relay without comma, an auxiliary parsed onto "savoir", paragraphs cut
# before their stop, a cut quote that reopened the next line's marks, a digit before a period,
# names coordinated in an apposition, clitics before an infinitive, "ils" and feminine groups,
# date words before an agent, the article's own "X : « … »" headline; one missing gold mention
# added): fr P .948 R .874 spkP .891 spkR .821; en unchanged. The gold then grew by a ninth
# batch (8 French articles, after round 28): on it alone, rules unchanged, fr P .958 R .867
# spkP .811 spkR .733 (with the entity layer); on all gold fr P .949 R .873 spkP .886 spkR .815.
# The floors below are for this grown gold. Round 29 (its dev misses: a document's issuer, names
# inside a headline's marks, "arguer de"): fr P .949 R .874 spkP .886 spkR .817; en unchanged.
# The gold then grew by a tenth batch (6 French articles, after round 29): on it alone, rules
# unchanged, fr P .936 R .745 spkP .795 spkR .633; on all gold fr P .948 R .866 spkP .882
# spkR .806. The floors below are for this grown gold (the measure changed, not the rules).
# Round 30 (tuned on the challenge set): fr P .953 R .869 spkP .885 spkR .808; en unchanged.
# The gold then grew by an eleventh batch from a new source (14 French articles of the SemEval
# 2022 task 8 pairs, 2020, many outlets; after round 31's first four parts): on it alone, fr P
# .943 R .669 spkP .830 spkR .589; on all gold fr P .952 R .856 spkP .881 spkR .792. The floors
# below are for this grown gold (the measure changed, not the rules). Round 31 parts 5-12 (its
# dev misses): fr P .952 R .864 spkP .884 spkR .801; en unchanged. The gold then grew by a
# twelfth batch from a third source (24 regional articles of the French TimeBank, after round
# 31): on it alone fr P .955 R .746 spkP .811 spkR .634 (entity layer); on all gold, as this test
# runs (spaCy entities) and after round 32's first parts, fr P .953 R .856 spkP .881 spkR .792.
# The floors below are for this grown gold (the measure changed, not the rules). A thirteenth
# batch (18 SemEval articles, after round 32's part 15): on it alone fr spkP .813 spkR .726. After
# round 32 (23 parts), on all 225 French articles as this test runs: fr P .955 R .857 spkP .890
# spkR .798; en P .971 R .895 spkP .934 spkR .860. Floors raised to match. A fourteenth batch
# (13 ml_crisis articles, after round 32): on it alone fr spkP .840 spkR .720 (entity layer).
# After round 33's first parts, on all 238 French articles as this test runs: fr P .953 R .851
# spkP .887 spkR .792. The floors below are for this grown gold (the measure changed, not the
# rules). A fifteenth batch (14 ml_crisis articles, after round 33): on it alone fr spkP .883
# spkR .759 (entity layer); on all 252 French articles as this test runs, fr P .953 R .848 spkP
# .887 spkR .790. The floors below are for this grown gold (the measure changed, not the rules).
# Round 34 (from the fifteenth batch's dev misses), as this test runs: fr P .954 R .852 spkP .890
# spkR .795; floors raised to match. A sixteenth batch (13 long ml_crisis articles, after round
# 34): on it alone fr spkP .764 spkR .621; on all 265 French articles as this test runs, fr P .953
# R .845 spkP .879 spkR .779. The floors below are for this grown gold (the measure changed, not
# the rules). Round 35 (from the sixteenth batch's dev misses), as this test runs: fr P .954 R
# .845 spkP .883 spkR .782; floors raised to match. Round 36 (the same batch's dev misses): fr
# P .955 R .851 spkP .885 spkR .789; floors raised to match. A seventeenth batch (13 long
# ml_crisis articles, after round 37) and round 38 from its dev misses, as this test runs: fr P
# .954 R .854 spkP .885 spkR .793; spkR floor raised to match. A nineteenth batch (12 long
# ml_crisis articles, after round 42: a live blog, a first-person account quoted whole), as this
# test runs: fr P .955 R .847 spkP .888 spkR .788; the R floors below are for this grown gold (the
# measure changed, not the rules). Rounds 43-44 and the entity rules of stop 38: fr P .955 R .849
# spkP .891 spkR .792; speaker floors raised to match.
FLOORS = {
    "fr": {"P": 0.95, "R": 0.84, "spkP": 0.89, "spkR": 0.79},
    "en": {"P": 0.965, "R": 0.89, "spkP": 0.93, "spkR": 0.86},
}


@needs_shared
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_gold_floor(lang: str, nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    if not (REPO / "tests" / "gold" / f"quotes_{lang}.jsonl").is_file():
        pytest.skip(f"no quote gold for {lang}")
    import sys

    sys.path.insert(0, str(Path(REPO)))
    from bench.enrich_quotes import run, summarise
    from bench.goldsets import load_gold

    nlp = nlp_fr if lang == "fr" else nlp_en
    results, _, _ = run(nlp, load_gold(lang), lang, "spacy")
    got = summarise(results, "all")["all"]
    for key, floor in FLOORS[lang].items():
        assert got[key] >= floor, (key, got[key], floor)


# The challenge set we wrote (tests/challenge/README.md), with the entity layer. First set
# (c, d), fresh with the rules of round 29: P .978 R .902 spkP .903 spkR .833; after round 30's
# first parts: P .979 R .943 spkP .907 spkR .874. Grown by the second (f) and third (e) sets,
# each fresh when added: all three sets after round 30 part 4, P .983 R .907 spkP .931 spkR .860.
# After round 30 part 7: P .983 R .914 spkP .939 spkR .873; after part 10: P .988 R .916 spkP
# .944 spkR .876. After round 31: P .990 R .932 spkP .959 spkR .903. After round 44: P .988 R
# .937 spkP .964 spkR .914.
CHALLENGE_FLOORS = {"P": 0.98, "R": 0.93, "spkP": 0.96, "spkR": 0.91}


def test_challenge_records_are_valid() -> None:
    """Every passage's spans lie in its text; direct spans have no edge space nor mark."""
    from bench.quotes_challenge import CHALLENGE_DIR

    ids = set()
    for line in (CHALLENGE_DIR / "quotes_fr.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert list(rec) == ["id", "lang", "text", "note", "quotes"] and rec["id"] not in ids
        ids.add(rec["id"])
        text = rec["text"]
        for q in rec["quotes"]:
            span = text[q["start"] : q["end"]]
            assert span and span == span.strip(), (rec["id"], span)
            assert q["kind"] == "indirect" or span[0] not in '«“"', (rec["id"], span)
            assert all(0 <= a < b <= len(text) for a, b in q["speaker_mentions"])
            assert (q["speaker"] is None) == (not q["speaker_mentions"]), (rec["id"], q)


def test_challenge_floor(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    from bench.enrich_quotes import summarise
    from bench.quotes_challenge import run

    results, _ = run("fr", nlp_fr)
    got = summarise(results, "all")["all"]
    for key, floor in CHALLENGE_FLOORS.items():
        assert got[key] >= floor, (key, got[key], floor)


# ------------------------------------------------------------------ round 9: audit outside the gold

# Causes found by judging quotes on 150 French and 80 English articles outside the gold (own
# sentences below, none copied): a participle after an inverted attribution lost its speaker,
# an indirect quote doubled a direct one it merely glossed or credited, a title before an
# apposed name hid the name.


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("« Nous ne céderons pas », a déclaré le ministre Paul Durand. « Les réformes "
         "continueront », a-t-il ajouté, précisant qu'il rencontrerait les syndicats lundi.",
         "il rencontrerait les syndicats lundi", "Paul Durand"),
        ("La nomination du directeur s'était heurtée à l'opposition du syndicat Sud, qui a "
         "également émis des réserves sur le choix de Jean Morel, estimant que ces candidats "
         "n'étaient pas assez consensuels.",
         "ces candidats n'étaient pas assez consensuels", "syndicat Sud"),
    ],
)  # fmt: skip
def test_participle_after_a_comma_takes_the_previous_clause_subject(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, content: str, speaker: str
) -> None:
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), content)
    assert q.text_of(text) == content and speaker in (speaker_text(text, q) or "")


@pytest.mark.parametrize(
    "text",
    [
        "« Les travaux de la gare ont pris trois mois de retard à cause des pluies », les "
        "ouvriers du chantier, a affirmé Julien Roche, délégué syndical de l'entreprise Batir.",
        "« La ligne sera rouverte en septembre selon nos prévisions », a-t-il dit, selon une "
        "transcription de ses propos fournie par la mairie.",
    ],
)
def test_gloss_or_channel_after_a_direct_quote_is_no_second_quote(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert q.label == "direct"


def test_reported_clause_around_a_partial_quote_is_kept(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le maire a affirmé que la ville serait « prête à accueillir les Jeux » dans trois ans."
    kinds = sorted(q.label for q in quotes_of(nlp_fr, text, "fr"))
    assert kinds == ["direct", "indirect"]


def test_title_before_an_apposed_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pour sa part, le porte-parole de la préfecture, le commandant Luc Garnier, a estimé que "
        "« cette décision ne doit pas être prise à la légère »."
    )
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, q) == "Luc Garnier"


def test_alors_que_opens_no_reported_clause(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous poursuivons les discussions », a déclaré le maire Paul Simon, alors que la grève "
        "des éboueurs entre dans sa deuxième semaine."
    )
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert q.label == "direct" and q.text_of(text) == "Nous poursuivons les discussions"


# ------------------------------------------------------------------ round 10 (outside audit)


def test_role_in_apposition_after_a_name_gives_its_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les corps ont été retrouvés ce matin dans le quartier », a affirmé Sami Haddad, "
        "militant local. La radio nationale a affirmé que les rebelles avaient fui. « Les "
        "bandes armées ont tout détruit dans la ville », a-t-elle indiqué."
    )
    ents = [mention(text, "Sami Haddad")]
    q = by_content(text, quotes_of(nlp_fr, text, "fr", ents), "Les bandes armées")
    assert speaker_text(text, q) == "radio nationale"  # "elle": not the man, the radio


def test_place_before_a_comma_gives_no_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cette décision rappelle la censure imposée par le président déchu Ben Ali en Tunisie.\n"
        "Depuis le Caire, Eman Hashim tweete :\nle régime nous bloque l'accès à internet. "
        "Faites passer la nouvelle.\nElle ajoute :\nImpossible d'accéder à Twitter depuis la "
        "maison ce soir. On est pris au piège."
    )
    ents = [mention(text, "Ben Ali"), mention(text, "Eman Hashim")]
    q = by_content(text, quotes_of(nlp_fr, text, "fr", ents), "Impossible")
    assert speaker_text(text, q) == "Eman Hashim"  # "le Caire" says nothing of her gender


@pytest.mark.parametrize(
    "text",
    [
        "Le comité, qui souhaite défendre les droits des enfants de la région, organise une "
        "marche.",
        'Ce choix répond à des intérêts électoraux autant que "à la colère des habitants de la '
        'ville".',
        "Cela veut dire que les élections seront reportées à une date encore inconnue.",
        "La répression ne peut désormais répondre qu'une colère encore plus large dans le pays.",
        'Un recours devrait être lancé devant le tribunal : "Nous demandons la libération '
        'immédiate de tous les prisonniers politiques."',
        "Un projet prévoyant « la création d'un conseil de transition de dix membres » devait "
        "être débattu jeudi soir.",
    ],
)
def test_verbs_in_a_sense_other_than_saying_are_no_cues(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(nlp_fr, text, "fr") == []


def test_answering_a_person_is_still_saying(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre a répondu aux journalistes que la situation était sous contrôle."
    (q,) = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, q) == "ministre"


def test_unattributed_archives_are_no_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon des archives retrouvées dans un bâtiment officiel, les services secrets ont livré "
        "des opposants au régime."
    )
    assert all(q.attrs["speaker"] is None for q in quotes_of(nlp_fr, text, "fr"))


def test_inverted_role_with_modifiers_gives_the_apposed_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« L'opposition ne discutera jamais avec ce régime », a affirmé mardi à Genève le chef du "
        "gouvernement provisoire récemment désigné, Karim Salah, lors de son premier discours."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Karim Salah")])
    assert speaker_text(text, q) == "Karim Salah"


def test_no_break_space_inside_a_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "« La situation reste très difficile dans la région », se demande ainsi M.\xa0Balanche."
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Balanche")])
    assert speaker_text(text, q) == "Balanche"  # the entity, not the title "M." alone


def test_present_participle_after_an_attribution_has_no_inverted_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        'La télévision a affirmé que les autorités avaient libéré les habitants. "Les gangs '
        'armés nous ont habitués à commettre des crimes avant chaque réunion", a-t-elle '
        'indiqué, dénonçant une "hystérie médiatique contre le pays".'
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert all(q.attrs["cue_lemma"] != "dénoncer" for q in quotes)  # "une" is no speaker


def test_name_after_a_role_phrase_without_comma_is_the_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les violations se multiplient chaque semaine », a déclaré la haut commissaire aux "
        "droits de l'homme Carla Menendez."
    )
    (q,) = quotes_of(nlp_fr, text, "fr", [mention(text, "Carla Menendez")])
    assert speaker_text(text, q) == "Carla Menendez"  # not the role "haut commissaire"


# ------------------------------------------------------------------ round 12: dev misses of batch 3

# General reporting constructions missed on the dev split after the third gold batch (own
# sentences below, none copied): (text, entities as (name, label), a piece of the quote, its
# speaker or None).
ROUND12_CASES = {
    "sentence glued to an opening guillemet": (
        "Les habitants disent avoir entendu des tirs toute la nuit dans le quartier.«Nous "
        "n'avons pas dormi depuis trois jours», a raconté Samir Haddad, un commerçant.",
        [("Samir Haddad", "PER")],
        "avoir entendu des tirs",
        "habitants",
    ),
    "sentence glued after a closing mark": (
        'Le maire a précisé que les dégâts résultaient d\'"actes de vandalisme isolés".Un '
        "premier bilan publié par le journal Ouest Matin faisait état de 12 blessés.",
        [("Ouest Matin", "ORG")],
        "12 blessés",
        "Ouest Matin",
    ),
    "report inside a trailing attribution": (
        "Le chef de la diplomatie Jean Morel a assuré lors du sommet qu'il ne soutiendrait plus "
        "le gouverneur, a déclaré jeudi la ministre Claire Dubois.",
        [("Jean Morel", "PER"), ("Claire Dubois", "PER")],
        "Le chef de la diplomatie",
        "Claire Dubois",
    ),
    "plural source before the content's subject": (
        "Selon les insurgés, Karim Nasser, un des adjoints du gouverneur, aurait été arrêté "
        "dans la nuit près de la frontière.",
        [("Karim Nasser", "PER")],
        "aurait été arrêté",
        "insurgés",
    ),
    "opinion of people described by a job": (
        "Pour les observateurs, le scrutin de dimanche marque un tournant dans la région.",
        [],
        "marque un tournant",
        "observateurs",
    ),
    "si l'on en croit": (
        "Si l'on en croit les secouristes, plusieurs familles seraient encore sous les "
        "décombres du bâtiment.",
        [],
        "plusieurs familles seraient encore",
        "secouristes",
    ),
    "à en croire a vague source": (
        "À en croire certaines informations, le convoi aurait quitté la ville avant l'aube.",
        [],
        "le convoi aurait quitté",
        None,
    ),
    "se déclarer with an attribute": (
        "Le syndicat s'est déclaré prêt à reprendre les négociations dès la semaine prochaine.",
        [],
        "prêt à reprendre les négociations",
        "syndicat",
    ),
    "se déclarer in an infinitive clause": (
        "Après s'être déclaré favorable à un cessez-le-feu immédiat, le ministre a quitté la "
        "réunion sans un mot.",
        [],
        "favorable à un cessez-le-feu",
        "ministre",
    ),
    "newspaper headline": (
        "Le gouvernement joue sa survie au Parlement, titrait mardi La Gazette.",
        [("La Gazette", "ORG")],
        "joue sa survie",
        "La Gazette",
    ),
    "inverted subject opened by a quantifier": (
        "« Le pays entre dans une zone de turbulences », écrivaient lundi certains journaux.",
        [],
        "zone de turbulences",
        "journaux",
    ),
    "intro line without a verb of saying": (
        "La romancière Sophie Laurent est elle aussi consternée :\n"
        "Je n'aurais jamais cru voir un jour des enfants dormir dans la rue de mon quartier.",
        [("Sophie Laurent", "PER")],
        "des enfants dormir",
        "Sophie Laurent",
    ),
    "handle opening an intro line": (
        "@lina_k est elle aussi en colère contre le maire :\n"
        "Personne ne nous a prévenus avant la coupure, c'est une honte pour la ville.",
        [],
        "Personne ne nous a prévenus",
        "@lina_k",
    ),
    "parler de a marked phrase": (
        "Le ministre Paul Durand était prudent en janvier. Aujourd'hui, il parle de « rétablir "
        "la confiance avec nos voisins ».",
        [("Paul Durand", "PER")],
        "rétablir la confiance",
        "Paul Durand",
    ),
    "selon a vague call": (
        "Une grève générale est prévue lundi dans tout le pays, selon des appels diffusés sur "
        "les réseaux sociaux.",
        [],
        "Une grève générale est prévue",
        None,
    ),
    "recognising comme a marked phrase": (
        "Rome reconnaît le conseil des tribus comme le « seul interlocuteur de la région ».",
        [("Rome", "LOC")],
        "seul interlocuteur de la région",
        "Rome",
    ),
    "selon after a colon": (
        "Les habitants sont divisés : selon les anciens du village, la route doit être "
        "reconstruite avant l'hiver.",
        [],
        "la route doit être reconstruite",
        "anciens du village",
    ),
    "la même source": (
        "Deux soldats ont été blessés lors de l'attaque du poste de contrôle, selon la même "
        "source.",
        [],
        "Deux soldats ont été blessés",
        "même source",
    ),
    "name after an organisation inside a role phrase": (
        "« Les chiffres du chômage restent très inquiétants », note le rédacteur en chef du "
        "magazine Economia, Marc Olivier, dans un éditorial.",
        [("Economia", "ORG"), ("Marc Olivier", "PER")],
        "chiffres du chômage",
        "Marc Olivier",
    ),
}


@pytest.mark.parametrize("case", sorted(ROUND12_CASES))
def test_round12_reported_speech(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker = ROUND12_CASES[case]
    q = quote_about(nlp_fr, text, "fr", names, content)
    if speaker is None:
        assert q.attrs["speaker"] is None
    else:
        assert speaker in (speaker_text(text, q) or ""), speaker_text(text, q)


@pytest.mark.parametrize(
    ("case", "outside"),
    [
        ("sentence glued to an opening guillemet", "dormi"),
        ("selon after a colon", "divisés"),
        ("se déclarer in an infinitive clause", "quitté"),
    ],
)
def test_round12_reported_part_stops_at_its_edge(nlp_fr, case: str, outside: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, _ = ROUND12_CASES[case]
    q = quote_about(nlp_fr, text, "fr", names, content)
    assert outside not in q.text_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "La vidéo, qui circule depuis lundi sur les réseaux sociaux, parle d'elle-même :\n"
        "On y voit des soldats qui avancent lentement dans une rue déserte de la ville.",
        "Le documentaire est titré « Les oubliés de la vallée du fleuve ».",
        "Ils ont longuement parlé de la situation économique de la région pendant la réunion.",
    ],
)
def test_round12_not_reported_speech(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(nlp_fr, text, "fr", []) == []


# ------------------------------------------------------------------ round 13 (speaker precision)
# Causes found by judging every prediction on 40 French articles outside the gold; sentences
# invented. Each case: (text, entity mentions (name, label, attrs), a piece of the quote, its
# speaker (a piece of the speaker span), the canonical name its entity must NOT have).
ROUND13_CASES = {
    "indefinite document subject": (
        "Le Journal du Soir a publié lundi un long dossier sur la région. Un site libanais "
        "affirme mardi que le ministre aurait quitté le pays pendant la nuit.",
        [("Journal du Soir", "ORG", {})],
        "ministre aurait quitté",
        "site libanais",
        "Journal du Soir",
    ),
    "selon le site after an indefinite site": (
        "Le Journal du Soir a publié lundi un long dossier sur la région. Un site libanais "
        "affirme mardi que le ministre aurait quitté le pays. Selon le site, le ministre se "
        "trouverait désormais en Turquie avec sa famille.",
        [("Journal du Soir", "ORG", {})],
        "trouverait désormais",
        "site libanais",
        "Journal du Soir",
    ),
    "mislabelled name before a person apposition": (
        "Karim Haddad, fils du général Omar Haddad, a dénoncé le blocus de la ville. "
        "« Nous ne partirons pas d'ici tant que le siège durera », a-t-il dit.",
        [("Karim Haddad", "ORG", {}), ("Omar Haddad", "PER", {})],
        "partirons",
        "Karim Haddad",
        "Omar Haddad",
    ),
    "name in a relative clause after the subject": (
        "Samir, 40 ans, a enfin quitté la prison où le détenait Ahmed Salem depuis des mois. "
        "« On nous frappait chaque nuit dans les cellules », raconte-t-il.",
        [("Samir", "PER", {}), ("Ahmed Salem", "PER", {})],
        "frappait",
        "Samir",
        "Ahmed Salem",
    ),
    "description with a modifier the name lacks": (
        "L'ancien président Omar Salem a quitté le pays en 2011. Le président tunisien, qui "
        "refuse toute critique, affirme que la réforme sera votée avant l'été.",
        [("Omar Salem", "PER", {}), ("président", "PER", {"kind": "role", "nth": 1})],
        "réforme sera votée",
        "président",
        "Omar Salem",
    ),
    "description with a complement the name lacks": (
        "Leur chef militaire, Ali Saber, a été tué jeudi dans une embuscade. Selon le chef du "
        "conseil local, les assaillants ont été arrêtés dans la nuit.",
        [("Ali Saber", "PER", {})],
        "assaillants ont été arrêtés",
        "chef",
        "Ali Saber",
    ),
    "pronoun after an organisation speaker": (
        "Le président Karim Salem a parlé dimanche à la télévision. « Nous allons rétablir "
        "l'ordre dans toutes les villes », a affirmé lundi le ministère de l'Intérieur dans un "
        "communiqué. « Nous ne tolérerons aucun désordre dans les rues », prévenait-il encore.",
        [("Karim Salem", "PER", {}), ("ministère de l'Intérieur", "ORG", {})],
        "aucun désordre",
        "ministère",
        "Karim Salem",
    ),
    "participle after an apposition": (
        "La communauté internationale reste divisée face à la crise, la Turquie, un allié de "
        "l'opposition, réitérant qu'elle ne changerait pas sa politique à l'égard du régime.",
        [("Turquie", "LOC", {})],
        "ne changerait pas",
        "Turquie",
        None,
    ),
}


def _r13_entities(text: str, names: Any) -> list[Span]:
    """Mentions; attrs ``kind``/``nth`` make a role mention of the first name's canonical."""
    out = []
    for name, label, attrs in names:
        start = -1
        for _ in range(attrs.get("nth", 0) + 1):
            start = text.index(name, start + 1)
        canon = names[0][0] if attrs.get("kind") == "role" else name
        kind = attrs.get("kind", "name")
        out.append(Span(start, start + len(name), label, {"canonical": canon, "kind": kind}))
    return out


@pytest.mark.parametrize("case", sorted(ROUND13_CASES))
def test_round13_speaker(nlp_fr, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker, not_canon = ROUND13_CASES[case]
    ents = _r13_entities(text, names)
    q = by_content(text, quotes_of(nlp_fr, text, "fr", ents), content)
    assert speaker in (speaker_text(text, q) or ""), speaker_text(text, q)
    ent = q.attrs["speaker_entity"]
    if not_canon is not None and ent is not None:
        assert ents[ent].attrs["canonical"] != not_canon


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("Le ministre a affirmé que la bataille était « perdue d'avance » pour eux.", "perdue"),
        ("Le pays a affirmé qu'il soutiendrait « jusqu'au bout » son voisin.", "jusqu"),
    ],
)
def test_round13_two_words_on_spaces_are_scare_quotes(nlp_fr, text: str, scare: str) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(nlp_fr, text, "fr", [])
    assert quotes, "the indirect quote stays"
    assert not any(q.text_of(text).startswith(scare) for q in quotes)


# ------------------------------------------------------------------ round 15: English dev misses

# General English reporting forms missed on the English dev split (own sentences below, none
# copied): a long adverbial before "that", an active naming verb with an object before marked
# words, a report named inside a reported clause, a directive's infinitive before a marked
# phrase, an opening participle parsed as the subject, a PTB opening mark used as a closing one,
# a quoted title inside an "according to" source, missing reporting verbs.
ROUND15_CASES = {
    "long adverbial before that": (
        "Police Chief Ray Olsen said after a long meeting with the families of the victims on "
        "Monday night that the investigation would continue.",
        [("Ray Olsen", "PER")],
        "the investigation would continue",
        "Ray Olsen",
    ),
    "active naming verb with an object": (
        'Critics have called the new tax "a gift to the richest families" in the country.',
        [],
        "a gift to the richest families",
        "Critics",
    ),
    "directive infinitive before a marked phrase": (
        "Writing in a newspaper column, Jane Ortiz, a historian at the university, urged readers "
        'to visit and support the archive "before it is too late."',
        [("Jane Ortiz", "PER")],
        "before it is too late",
        "Jane Ortiz",
    ),
    "quoted title inside the source": (
        "According to `` Tonight '' host Bill Carter, the show will end after its tenth season.",
        [("Bill Carter", "PER")],
        "the show will end",
        "Bill Carter",
    ),
    "reiterate that": (
        "The minister reiterated that the army would stay in the region until the end of the year.",
        [],
        "the army would stay",
        "minister",
    ),
    "a court ruled that": (
        "The judge ruled that the evidence collected by the police could not be used at the trial.",
        [],
        "the evidence collected",
        "judge",
    ),
    "echoed after a quote": (
        '"We are not ready to sign anything," a union leader echoed.',
        [],
        "We are not ready",
        "union leader",
    ),
}


@pytest.mark.parametrize("case", sorted(ROUND15_CASES))
def test_round15_english_reported_speech(nlp_en, case: str) -> None:  # type: ignore[no-untyped-def]
    text, names, content, speaker = ROUND15_CASES[case]
    q = quote_about(nlp_en, text, "en", names, content)
    assert speaker in (speaker_text(text, q) or ""), speaker_text(text, q)


def test_round15_that_after_a_long_adverbial_starts_the_span(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text, _, content, _ = ROUND15_CASES["long adverbial before that"]
    q = by_content(text, quotes_of(nlp_en, text, "en", []), content)
    assert q.label == "indirect" and q.text_of(text).startswith("the investigation")


NESTED_EN = (
    'The sheriff told reporters that the caller phoned 911, saying "I need help right now" '
    "and adding that her car was on fire."
)


def test_round15_report_named_inside_a_reported_clause(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = NESTED_EN
    quotes = quotes_of(nlp_en, text, "en", [])
    inner = [q for q in quotes if q.text_of(text) == "her car was on fire"]
    assert len(inner) == 1 and speaker_text(text, inner[0]) == "caller"
    outer = [q for q in quotes if q.text_of(text).startswith("the caller phoned")]
    assert len(outer) == 1 and speaker_text(text, outer[0]) == "sheriff"


def test_round15_a_clause_inside_marks_is_only_the_direct_quote(nlp_en) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(nlp_en, NESTED_EN, "en", [])
    inner = [q for q in quotes if q.text_of(NESTED_EN).startswith("I need help")]
    assert [q.label for q in inner] == ["direct"]


def test_round15_a_nested_report_needs_its_own_named_speaker(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The coach said that he had told his players that the final would be their last game."
    quotes = quotes_of(nlp_en, text, "en", [])
    assert len(quotes) == 1 and quotes[0].text_of(text).startswith("he had told")


@pytest.mark.parametrize(
    "text",
    [
        'The old bridge was dubbed "the road to nowhere" by the people of the town.',
        'The new tax was called "a gift to the richest families" by the opposition.',
    ],
)
def test_round15_passive_naming_gives_no_quote(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(nlp_en, text, "en", []) == []


def test_round15_ptb_opening_mark_closing_a_quote(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "`` We were ready to play from the first minute, `` Smith said.\n"
        "`` Nobody expected such a hard game.\nWe will learn from it. ''"
    )
    quotes = quotes_of(nlp_en, text, "en", [mention(text, "Smith")])
    assert [q.text_of(text) for q in quotes] == [
        "We were ready to play from the first minute",
        "Nobody expected such a hard game.\nWe will learn from it.",
    ]
    assert all(speaker_text(text, q) == "Smith" for q in quotes)


FIRST_PERSON_EN = (
    '"The storm was the worst in years," said Paul Hayes, owner of the corner bakery.\n'
    'Most of the windows held, but "our old sign blew right off the wall."\n'
)


def test_round15_first_person_words_after_an_attributed_quote(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = FIRST_PERSON_EN
    q = by_content(text, quotes_of(nlp_en, text, "en", [mention(text, "Paul Hayes")]), "sign")
    assert q.label == "direct" and speaker_text(text, q) == "Paul Hayes"


@pytest.mark.parametrize(
    "second",
    [
        'Most of the windows held, but the sign read "closed for the whole winter."\n',
        'Most of the windows held, a neighbour said, but "our old sign blew right off the wall."\n',
    ],
)
def test_round15_no_inherited_speaker_without_first_person_or_with_a_cue(  # type: ignore[no-untyped-def]
    nlp_en, second: str
) -> None:
    text = FIRST_PERSON_EN.splitlines(keepends=True)[0] + second
    quotes = quotes_of(nlp_en, text, "en", [mention(text, "Paul Hayes")])
    later = [q for q in quotes if q.start > text.index("\n")]
    assert all(speaker_text(text, q) != "Paul Hayes" for q in later)


def test_round15_the_owner_of_a_quoted_title_speaks(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "`` The band will tour again next spring and play in twelve cities, '' Music Weekly's "
        "`` Backstage '' is reporting."
    )
    ents = [mention(text, "Music Weekly", "ORG")]
    q = by_content(text, quotes_of(nlp_en, text, "en", ents), "twelve cities")
    assert speaker_text(text, q) == "Music Weekly"


def test_round15_report_with_a_named_speaker_inside_a_direct_quote(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"Two officials told our newspaper that the mayor will resign before the end of the '
        'month," the editor said.'
    )
    quotes = quotes_of(nlp_en, text, "en", [])
    inner = [q for q in quotes if q.label == "indirect"]
    assert [q.text_of(text) for q in inner] == ["the mayor will resign before the end of the month"]
    assert speaker_text(text, inner[0]) == "Two officials"
    outer = by_content(text, [q for q in quotes if q.label == "direct"], "Two officials")
    assert speaker_text(text, outer) == "editor"


@pytest.mark.parametrize(
    "text",
    [
        '"I told my brother that the house was too old for the family," the farmer said.',
        '"He said that the bridge was safe, but nobody believed him at all," the driver said.',
    ],
)
def test_round15_pronoun_reports_inside_a_quote_stay_inside_it(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.label for q in quotes_of(nlp_en, text, "en", [])] == ["direct"]


# ---- round 16: a predicted speaker span must be a speaker at all


def _ctx_fr(nlp_fr, text: str):  # type: ignore[no-untyped-def]
    from newsweave.enrich.quotes import _context

    lex = load_lexicon("fr")
    assert lex is not None
    return _context(nlp_fr(text), text, [], lex)


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("part", "sane"),
    [
        ("Le porte-parole du comité", True),
        ("@sami_reporter", True),
        ("de cesse de", False),  # a fragment opening on a preposition
        ("la fondation d'une", False),  # cut before a quotation mark, ending on an article
        ("مدينة صفاقس", False),  # untranslated Arabic in a French text
        ('une "Ligue', False),  # crosses a quotation mark
        ("Sfax.\nLe porte-parole", False),  # runs over a line break
    ],
)
def test_round16_speaker_span_sanity(nlp_fr, part: str, sane: bool) -> None:  # type: ignore[no-untyped-def]
    from newsweave.enrich.quotes import _sane_span

    text = (
        "Le porte-parole du comité n'a de cesse de répéter que la fondation d'une \"Ligue "
        'civique" est proche, à Sfax.\nLe porte-parole de @sami_reporter cite مدينة صفاقس hier.'
    )
    assert _sane_span(_ctx_fr(nlp_fr, text), _at(text, part), None) is sane


def test_round16_named_span_may_run_over_a_line_break(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    from newsweave.enrich.quotes import _sane_span

    text = "Manifestation à Sfax\nSamia Ben Salah écrit que la ville est calme ce soir."
    assert _sane_span(_ctx_fr(nlp_fr, text), _at(text, "Sfax\nSamia Ben Salah"), 0)


def test_round16_subject_phrase_lies_in_the_cue_paragraph(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    from newsweave.enrich.quotes import _Cand, _sane_speaker, _Subj

    text = "Le site de la radio a été censuré\nKarima ajoute :\nLes rues sont pleines ce soir."
    ctx = _ctx_fr(nlp_fr, text)
    cue = _at(text, "ajoute")
    quote = _at(text, "Les rues sont pleines ce soir")
    for word, same in (("censuré", False), ("Karima", True)):
        a, b = _at(text, word)
        subj = _Subj("np", a, b, next(t.i for t in ctx.doc if t.idx == a))
        cand = _Cand(*quote, "direct", "block", cue, "ajouter", subj)
        assert _sane_speaker(ctx, cand, (a, b), None) is same


def test_round16_phrase_cut_on_its_subject_pronoun_gives_the_pronoun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    from newsweave.enrich.quotes import _pronoun_in, _Subj

    text = (
        "L'architecte n'est pas satisfait. En raison de la lenteur de son client, à propos "
        "duquel il affirme ne pas avoir été prudent."
    )
    ctx = _ctx_fr(nlp_fr, text)
    a, b = _at(text, "de la lenteur de son client, à propos duquel il")
    pron = _pronoun_in(ctx, _Subj("np", a, b, next(t.i for t in ctx.doc if t.text == "lenteur")))
    assert pron is not None and (pron.kind, text[pron.start : pron.end]) == ("pron", "il")


def test_a_participle_noun_with_an_article_is_a_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """Round 15 ignored subjects tagged VERB ("Writing in a blog, X, …"); French nouns in -ant
    that the tagger takes for verbs keep their article and stay subjects."""
    text = "L'intervenant a déclaré que la situation dans la région restait très grave."
    q = by_content(text, quotes_of(nlp_fr, text, "fr", []), "la situation dans la région")
    assert "intervenant" in (speaker_text(text, q) or ""), speaker_text(text, q)


# ---------------------------------------------- round 17: the fourth gold batch's dev part


def test_round17_hard_wrapped_lines_are_read_as_one_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """Crawled text wrapped at a fixed width: the parser reads a break inside a sentence as a
    space (same offsets), so a quotation running over the break is found with its speaker."""
    from newsweave.enrich.annotate import parser_input

    text = (
        "Le porte-parole du conseil, Karim Benali, a affirmé que des documents avaient\n"
        "été détruits pour « effacer toute trace de\nces violences ».\n"
        "Tunis\nLe ministre a répondu jeudi."
    )
    joined = parser_input(text)
    assert len(joined) == len(text) and joined.count("\n") == 2  # "Tunis\nLe": a real break
    doc = nlp_fr(joined)
    quotes = find_quotes(doc, model_entities(doc), "fr")
    q = by_content(text, quotes, "des documents avaient\nété détruits")
    assert "Karim Benali" in (speaker_text(text, q) or "")


def test_round17_gerund_after_an_inverted_attribution(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, a annoncé X en ajoutant que …": X says the gerund's clause too (the gerund's head is
    the inserted attribution, whose subject follows its verb)."""
    text = (
        "Deux policiers ont été enlevés dans la nuit, a annoncé un haut responsable de la "
        "sécurité en ajoutant que les ravisseurs avaient fui vers le nord."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr", []), "les ravisseurs avaient fui")
    assert speaker_text(text, q) == "haut responsable de la sécurité", speaker_text(text, q)


def test_round17_gerund_takes_its_main_clause_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A gerund's subject is its main clause's even when the parse hangs it on a name; a name
    fronted by "Lors de …," right before its verb stays the antecedent of "Il"."""
    text = (
        "Le ministre turc Ali Demir a reçu son homologue. Lors de sa visite à Ankara, Karim "
        "Haddad s'en est aperçu. Il a pourtant essayé de se démarquer en critiquant durement Ali "
        'Demir et en dénonçant, devant la presse, une "politique qui a échoué depuis dix ans".'
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "politique qui a échoué")
    assert speaker_text(text, q) == "Karim Haddad", speaker_text(text, q)


def test_round17_selon_elle_refers_to_an_organisation_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Une commission … a publié …. Selon elle, « … »": an organisation named by a common
    noun, subject of its clause, is the antecedent of a later pronoun of its gender."""
    text = (
        "La ministre Aminata Touré a affirmé que le scrutin était régulier.\n"
        "Une commission d'observation de l'Union africaine a publié un rapport sur le vote.\n"
        'Selon elle, "les résultats ont été falsifiés" dans trois régions.'
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "les résultats ont été falsifiés")
    assert speaker_text(text, q) == "commission d'observation de l'Union africaine"


def test_round17_the_author_of_a_note_speaks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "à en croire une note …, rédigée par X": a note is a document, its author the source
    (the comma before the participle does not hide the author)."""
    text = (
        "Le régime se méfie de ses généraux, à en croire une note confidentielle, rédigée par "
        "l'ambassadeur américain Pierre Martin."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "se méfie de ses généraux")
    assert speaker_text(text, q) == "Pierre Martin", speaker_text(text, q)
    assert "à en croire" not in q.text_of(text)


def test_round17_que_after_a_long_adverbial_without_a_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a déclaré presque au même moment lors d'une conférence de presse commune avec X que
    …": a subordinating "que" past the usual gap still opens the reported clause when no verb
    stands between it and the cue."""
    text = (
        "Le Premier ministre Jean Dupont a déclaré presque au même moment lors d'une conférence "
        "de presse commune avec le chancelier autrichien Karl Huber que les deux pays "
        "renforceraient leur coopération."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "renforceraient leur coopération")
    assert q.text_of(text) == "les deux pays renforceraient leur coopération"
    assert "Jean Dupont" in (speaker_text(text, q) or "")


def test_round17_tweet_line_with_a_bare_handle(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "@handle Photo des manifestants …": a tweet line needs no colon after its handle; a
    line whose handle is its subject ("@x a raconté que …") stays an indirect report."""
    text = (
        "Les manifestants ont envahi le consulat mardi soir.\n"
        "@karim_tn Photo des manifestants devant le consulat, ils réclament la fin du régime "
        "#Tunis\n"
        "@leila_b a raconté que la police était arrivée une heure plus tard.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    tweet = by_content(text, quotes, "Photo des manifestants")
    assert tweet.label == "direct" and tweet.text_of(text).startswith("Photo")
    assert speaker_text(text, tweet) == "@karim_tn"
    report = by_content(text, quotes, "la police était arrivée")
    assert report.label == "indirect" and speaker_text(text, report) == "@leila_b"


def test_round17_clause_before_closing_quoted_words_is_reported_too(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a fait Y après la découverte « … », a annoncé Z": the clause is Z's indirect quote
    and the marked words a direct one; a bare subject before the marks adds nothing."""
    text = (
        "Les autorités ont décidé de fermer le siège du parti après la découverte « d'explosifs "
        "et de couteaux », a annoncé un responsable de la police.\n"
        "Les rassemblements de jeudi « font partie d'une longue série d'actions pacifiques », a "
        "affirmé le syndicat.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = sorted((q.label, q.text_of(text)[:22], speaker_text(text, q)) for q in quotes)
    assert found == [
        ("direct", "d'explosifs et de cout", "responsable de la police"),
        ("direct", "font partie d'une long", "syndicat"),
        ("indirect", "Les autorités ont déci", "responsable de la police"),
    ]


def test_round17_il_y_a_does_not_end_the_gap_before_que(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a annoncé il y a quelques minutes dans une allocution que …": the "a" of a time
    adverbial is no verb of another clause."""
    text = (
        "Le général Karim Saleh a annoncé il y a quelques minutes dans une allocution télévisée "
        "que le gouvernement démissionnerait dans la soirée."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "le gouvernement démissionnerait")
    assert q.text_of(text) == "le gouvernement démissionnerait dans la soirée"
    assert "Karim Saleh" in (speaker_text(text, q) or "")


def test_round18_selon_after_a_verb_that_takes_a_thing(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Moscou ne soutient plus le régime, selon X": "soutenir" takes a thing here, not
    words, so the sentence is X's report; "soutient que" still speaks for itself."""
    text = (
        "Moscou ne soutient plus le régime syrien, selon le Premier ministre David Cameron.\n"
        "Le ministre Paul Martin soutient que la trêve tiendra, selon la radio publique.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    reported = by_content(text, quotes, "ne soutient plus")
    assert reported.text_of(text) == "Moscou ne soutient plus le régime syrien"
    assert "David Cameron" in (speaker_text(text, reported) or "")
    own = by_content(text, quotes, "la trêve tiendra")
    assert "Paul Martin" in (speaker_text(text, own) or "")


def test_round18_a_demonstrative_phrase_is_no_new_antecedent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Ce farouche partisan de la réforme …. Il assure que …": "il" is the person named
    before, not the description pointing back at him."""
    text = (
        "L'opposant Karim Haddad est rentré au pays en mars. Ce farouche partisan de la "
        "réforme était alors apparu comme l'homme de la situation. Dans un entretien, il "
        "assure que ses adversaires ont tout fait pour l'écarter du pouvoir."
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "ses adversaires")
    assert speaker_text(text, q) in ("Karim Haddad", "Haddad")


def sole_quote(nlp, text: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The text and speaker of the one French quote found in ``text``."""
    quotes = quotes_of(nlp, text, "fr")
    assert len(quotes) == 1, [q.text_of(text) for q in quotes]
    return quotes[0].text_of(text), speaker_text(text, quotes[0]) or ""


def test_round18_selon_un_article_du_journal(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "selon un article du quotidien X" names a source; "selon l'article 5 de la
    Constitution" does not."""
    text = (
        "Le militant a été arrêté mardi à Lyon, selon un article du quotidien régional.\n"
        "Le scrutin aura lieu en juin, selon l'article 5 de la Constitution.\n"
    )
    content, speaker = sole_quote(nlp_fr, text)
    assert content == "Le militant a été arrêté mardi à Lyon" and "quotidien" in speaker


def test_round18_the_title_line_may_carry_a_source(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """The lines opening a text before its first sentence are its own title ("…, selon X"
    counts); a headline line further down (a related-article link) does not."""
    text = (
        "Moscou ne soutient plus le régime syrien, selon David Cameron\n"
        "Le Premier ministre britannique s'est exprimé mardi au sommet du G20.\n"
        "Lire aussi : Damas ne négociera pas, selon Bachar al-Assad\n"
    )
    content, speaker = sole_quote(nlp_fr, text)
    assert content == "Moscou ne soutient plus le régime syrien" and "David Cameron" in speaker


def test_round18_a_verb_of_saying_inside_a_selon_clause_speaks_its_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon lui, les islamistes auraient menacé l'armée de « … »": the marked words are
    the islamists' threat; the clause stays his report."""
    text = (
        "Le diplomate Omar Nasser a parlé à la presse. Selon lui, les islamistes auraient "
        "menacé l'armée de « mettre le feu au pays » si la décision était prise."
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    marked = next(q for q in quotes if q.label == "direct")
    assert marked.text_of(text) == "mettre le feu au pays"
    assert speaker_text(text, marked) == "islamistes"
    clause = next(q for q in quotes if q.label == "indirect")
    assert "Nasser" in (speaker_text(text, clause) or "")


def test_round18_a_noun_phrase_right_before_its_verb_is_its_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "… et le ministre de l'Information a assuré les médias que …": the parse hangs the
    phrase after "et" on the first clause; right before the verb group, it is the subject."""
    text = (
        "Les responsables publics n'ont pas encore fait de commentaires sur les mouvements "
        "d'aujourd'hui et le ministre de l'Information a assuré les médias que la situation "
        "était calme dans tout le pays.\n"
        "Les manifestants ont été pourchassés et des témoins oculaires disent que des "
        "militants ont été emprisonnés.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    calm = by_content(text, quotes, "la situation était calme")
    assert (speaker_text(text, calm) or "").startswith("ministre de l")
    jailed = by_content(text, quotes, "militants ont été emprisonnés")
    assert speaker_text(text, jailed) == "témoins oculaires"


def test_round18_a_word_of_page_residue_does_not_make_prose_a_headline(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "… cesser la violence. Evènement": a paragraph of prose with a stray word after its last
    sentence is no headline, so its verbs of saying count."""
    text = (
        "Syrie : l'ONU parle de crimes graves\n"
        "L'ONU a affirmé jeudi disposer d'une liste de hauts responsables soupçonnés de crimes "
        "graves en Syrie, où la répression ne faiblit pas malgré les appels répétés à cesser "
        "la violence. Evènement\n"
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "disposer d'une liste")
    assert q.label == "indirect" and q.text_of(text).startswith("disposer d'une liste")
    assert "ONU" in (speaker_text(text, q) or "")


def test_round19_a_gerund_of_saying_reports_apart(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a estimé qu'A, tout en soulignant que B": A ends at the comma; B is X's too."""
    text = (
        "La ministre Claire Morel a estimé qu'il fallait reprendre le dialogue avec Téhéran, "
        "tout en soulignant que les différends ne seraient pas réglés en un jour.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    first = by_content(text, quotes, "reprendre le dialogue")
    assert first.text_of(text) == "il fallait reprendre le dialogue avec Téhéran"
    second = by_content(text, quotes, "les différends")
    assert "Claire Morel" in (speaker_text(text, second) or "")


def test_round19_a_quote_after_the_colon_of_a_reported_clause(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a prévenu que A : « B »": B is X's, with the same cue, also when the parse hangs
    the colon on the reported clause's verb."""
    text = (
        "Le président Marc Lenoir a prévenu que l'aide au pays dépendrait des réformes, après "
        "la chute du gouvernement : « Nous ne livrerons plus certains équipements tant que "
        "la transition restera bloquée. »\n"
    )
    doc = nlp_fr(text)
    colon = next(t.i for t in doc if t.text == ":")
    inner = next(t.i for t in doc if t.text == "dépendrait")
    for d in (doc, relinked(doc, {colon: (inner, "punct")})):  # the parse of a real page
        found = [q for q in find_quotes(d, model_entities(d), "fr") if q.label == "direct"]
        assert len(found) == 1 and "Marc Lenoir" in (speaker_text(text, found[0]) or "")


def test_round19_subject_before_the_verb_across_spaces_and_a_line(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Le blogueur\xa0X\xa0a signalé que …" after a tweet line: the phrase before the verb
    group is its subject across non-breaking spaces, also when the parse gave the verb a
    subject on the line before (here forced: the model did so on a real page)."""
    text = (
        "@karim_b: Ce n'est pas la première fois qu'ils le font, ces salauds\n"
        "Le blogueur\xa0Samir Ouali\xa0a signalé que la veillée prévue devant le théâtre "
        "n'avait pas été autorisée.\n"
    )
    doc = nlp_fr(text)
    verb = next(t.i for t in doc if t.text == "signalé")
    font = next(t.i for t in doc if t.text == "font")
    for d in (doc, relinked(doc, {verb: (verb, "ROOT"), font: (verb, "nsubj")})):
        q = by_content(text, find_quotes(d, [], "fr"), "la veillée")
        assert "Samir Ouali" in (speaker_text(text, q) or "")


def test_round19_a_name_right_before_the_verb_beats_its_role_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Enfin, sur Site.com le blogger tunisien\xa0X\xa0ajoute :" then a paragraph: the person
    named right before the verb speaks, not the phrase around the role (the parse of a real
    page forced: the role an oblique of the verb, the name a complement of the role)."""
    text = (
        "Enfin, sur Policy.com le blogger tunisien\xa0Ahmed Benali\xa0ajoute:\nLe débat de "
        "lundi n'a rien changé pour les électeurs, et c'est valable pour les deux candidats. "
        "Moi qui suis sceptique, je n'ai rien appris.\n"
    )
    doc = nlp_fr(text)
    at = {t.text: t.i for t in doc if t.i < 14}
    verb, role = at["ajoute"], at["blogger"]
    links = {role: (verb, "obl:mod"), verb: (verb, "ROOT"), at["Ahmed"]: (role, "nmod")}
    links |= {at[":"]: (verb, "punct"), at["Enfin"]: (verb, "advmod"), at[","]: (verb, "punct")}
    links |= {i: (verb, "dep") for i in range(verb + 1, len(doc)) if doc[i].head.i == role}
    start = text.index("Ahmed Benali")
    name = Span(start, start + len("Ahmed Benali"), "PER", {"canonical": "Ahmed Benali"})
    q = by_content(text, find_quotes(relinked(doc, links), [name], "fr"), "Le débat")
    assert speaker_text(text, q) == "Ahmed Benali"


def relinked(doc, links: dict[int, tuple[int, str]]):  # type: ignore[no-untyped-def]
    """A copy of ``doc`` with some tokens re-attached (token → (head, dep)): a parser error
    reproduced exactly."""
    heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
    for i, (head, dep) in links.items():
        heads[i], deps[i] = head, dep
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        pos=[t.pos_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_ for t in doc],
        heads=heads,
        deps=deps,
        sent_starts=[bool(t.is_sent_start) for t in doc],
    )


def test_round19_adverbs_between_the_inverted_clitic_and_the_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a-t-elle par ailleurs assuré": the clitic is the subject."""
    text = (
        "La haut commissaire Nadia Pereira a dénoncé l'inaction du Conseil. « Les informations "
        "réunies par mon équipe démontrent un usage systématique de la torture », a-t-elle "
        "par ailleurs assuré.\n"
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "Les informations")
    assert "Nadia Pereira" in (speaker_text(text, q) or "")


def test_round19_et_d_ajouter_continues_the_attribution_before(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a-t-il affirmé. Et d'ajouter : A « B »": A and B are the same speaker's."""
    text = (
        "Le ministre Karim Saadi a reçu la presse lundi. « Le retour de la stabilité permettra "
        "de relancer nos échanges », a-t-il affirmé. Et d'ajouter : les deux pays « sont liés "
        "par des relations de bon voisinage ».\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    for q in [q for q in quotes if "liés" in q.text_of(text)]:
        assert "Karim Saadi" in (speaker_text(text, q) or "")
    kinds = sorted(q.label for q in quotes if "liés" in q.text_of(text))
    assert kinds == ["direct", "indirect"]


def test_round19_an_open_quote_stops_before_a_line_introducing_words(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A quote left open at the end of a line does not run on past a line ending in a colon
    ("X écrit :"): the marks of later lines pair among themselves."""
    text = (
        'Le blog A a écrit : "Le tyran est tombé. Tremblez, dictateurs, votre tour viendra.\n'
        "Le blogueur Reza Amini écrit :\n"
        "L'histoire s'accélère et les dictateurs tombent l'un après l'autre.\n"
        'Le site Vision publie une photo et commente "Un dictateur dit adieu au pouvoir".\n'
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert any(q.text_of(text) == "Un dictateur dit adieu au pouvoir" for q in quotes)
    assert not any("Le site Vision" in q.text_of(text) for q in quotes)


def test_round19_an_object_before_et_is_not_the_next_verb_s_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a publié une copie de la photo et commente « … »": the copy is what X published;
    X comments (the parse of a real page forced: the object as the second verb's subject)."""
    text = 'Vision a publié une copie de la photo et commente "Un dictateur dit adieu au pouvoir".'
    doc = nlp_fr(text)
    at = {t.text: t.i for t in doc}
    verb = at["commente"]
    links = {at["copie"]: (verb, "nsubj"), verb: (at["publié"], "conj"), at["et"]: (verb, "cc")}
    vision = Span(0, 6, "ORG", {"canonical": "Vision"})
    found = find_quotes(relinked(doc, links), [vision], "fr")
    assert [speaker_text(text, q) for q in found] == ["Vision"]


def test_round19_s_assurer_que_is_making_sure(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "s'assurer que …" (to make sure) reports nothing; "il a assuré que …" does."""
    text = (
        "Le collectif veut s'assurer que les rues appartiennent aux habitants du quartier.\n"
        "Le maire Paul Girard a assuré que les travaux seraient terminés en juin.\n"
    )
    content, speaker = sole_quote(nlp_fr, text)
    assert content.startswith("les travaux") and "Paul Girard" in speaker


# ------------------------------------------------------------------ round 20: fifth batch, dev

# Dev misses after the fifth gold batch (own sentences below, none copied): quoted fragments
# with barely a word between them, the number of "l'ONG", a name hung on the verb as an oblique,
# a message's author, a pronoun before a cue misread as a noun, tweet lines under bare user
# names and retweets, participles after a shown group, roles joined by "and", a place set off
# by commas, an apposition between a closing mark and its verb.


def test_round20_fragments_with_one_word_between_are_direct_only(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a affirmé que « A » « B »": the clause is all marked words, so only the direct
    quotes are kept (the unmarked words are counted outside every pair of marks)."""
    text = (
        "Les enquêteurs ont affirmé que « les abus les plus graves » « ont été commis par "
        "les forces de sécurité lors des opérations ».\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert sorted(q.label for q in quotes) == ["direct", "direct"]


def test_round20_l_ong_is_one_organisation(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, a rapporté l'ONG. « … », a-t-elle précisé": "l'" makes "ONG" singular (the model
    tags the invariable noun plural), so "elle" is the NGO, not an earlier noun."""
    text = (
        "L'armée encercle la ville. « Des obus sont tombés sur le marché », a rapporté l'ONG.\n"
        "« Le quartier nord est pilonné depuis l'aube », a-t-elle précisé.\n"
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "pilonné")
    assert speaker_text(text, q) == "ONG"


def test_round20_a_name_hung_on_the_verb_as_an_oblique(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "il se trouvait à côté de l'ex-roi X": X is an oblique even when the parse hangs the
    name on the verb ("obl"), so a later "il" goes back to the subject."""
    text = (
        "Omar Sadiki aime provoquer ses pairs. Au sommet suivant, il se trouvait à côté de "
        "l'ex-roi saoudien Fahd. Plus récemment, il avait affirmé que l'Europe deviendrait "
        "musulmane.\n"
    )
    doc = nlp_fr(text)
    fahd = next(t.i for t in doc if t.text == "Fahd")
    verb = next(t.i for t in doc if t.text == "trouvait")
    for d in (doc, relinked(doc, {fahd: (verb, "obl:mod")})):  # the parse of a real page
        q = by_content(text, find_quotes(d, model_entities(d), "fr"), "Europe")
        assert speaker_text(text, q) == "Omar Sadiki"


def test_round20_a_message_speaks_for_its_author(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a dit X. « … », poursuit le message": the message's author, the latest one who
    spoke, even a person."""
    text = (
        "Le président Paul Durand a diffusé un message vendredi. « Je présente mes condoléances "
        "aux familles », a dit Paul Durand. « Nous ne céderons pas devant la terreur », "
        "poursuit le message.\n"
    )
    q = by_content(text, quotes_of(nlp_fr, text, "fr"), "céderons")
    assert speaker_text(text, q) == "Paul Durand"


def test_round20_a_pronoun_before_a_cue_read_as_a_noun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Dans un autre tweet, elle\xa0note :": the pronoun right before the cue is its subject,
    also when the parse took "note" for a noun (forced: as on a real page)."""
    text = (
        "Marie Dupont, qui a pris part à la marche, tweete :\n"
        "Je rentre à peine de la manifestation devant l'ambassade.\n"
        "Dans un autre tweet, elle\xa0 note :\n"
        "Il y avait ici trois cents personnes ce soir.\n"
    )
    doc = nlp_fr(text)
    note = next(t for t in doc if t.text == "note")
    re_parsed = relinked(doc, {note.i: (note.i - 3, "nmod")})
    re_parsed[note.i].pos_ = "NOUN"
    for d in (doc, re_parsed):
        q = by_content(text, find_quotes(d, model_entities(d), "fr"), "trois cents")
        assert speaker_text(text, q) == "Marie Dupont"


def test_round20_tweet_lines_under_bare_user_names_and_retweets(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """Tweet lines after an "@handle :" line may name their author without "@" ("betaUser :
    …"); a retweet ("RT @y: …") is @y's. A dateline ("Paris : …") is no tweet line."""
    text = (
        "Voici quelques messages publiés ce jour-là.\n"
        "@alpha_1 : Premier message de la journée sur la manifestation #Tag\n"
        "@gamma_3 : RT @delta_4: Les forces ont libéré la ville ce matin #Tag\n"
        "betaUser : Deuxième message venu d'un autre compte #Tag\n"
        "omega42 : Troisième message venu d'encore un autre compte\n"
        "Paris : le gouvernement a annoncé de nouvelles mesures pour la région.\n"
    )
    found = {q.text_of(text)[:12]: speaker_text(text, q) for q in quotes_of(nlp_fr, text, "fr")}
    assert found.get("Les forces o") == "@delta_4"
    assert found.get("Deuxième mes") == "betaUser"
    assert found.get("Troisième me") == "omega42"
    assert not any(k.startswith("le gouvernem") for k in found)
    # an entity the model ran over the line break above the name does not replace it
    start = text.index("#Tag\nbetaUser")
    run_over = Span(start, start + len("#Tag\nbetaUser"), "PER", {"canonical": "Tag betaUser"})
    found_ents = quotes_of(nlp_fr, text, "fr", [run_over])
    assert speaker_text(text, by_content(text, found_ents, "Deuxième")) == "betaUser"


def test_round20_a_user_name_line_is_not_a_wrapped_line() -> None:
    """A line opening with one word and a colon ("wordymcwriter : …") starts a new entry: the
    parser input keeps the break; a wrapped sentence ("des\nmots") is still joined."""
    from newsweave.enrich.annotate import parser_input

    text = "@alpha_1 : Premier message #Tag\nwordymcwriter : Second message venu des\nmots"
    assert parser_input(text) == text[: text.rindex("\n")] + " mots"


def test_round20_participle_after_a_shown_group(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "un clip montrant des étudiants syriens scandant « … »": the shown group chants (past an
    adjective); the object of a verb that shows nothing does not ("a critiqué le gouvernement
    syrien estimant que …": the subject does)."""
    text = (
        "La journaliste Rania Saleh partage un clip montrant des étudiants syriens scandant "
        "« Liberté pour la Syrie, liberté pour tous ! »\n"
        "Le ministre Paul Durand a critiqué le gouvernement syrien estimant que la situation "
        "restait grave.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, "Liberté")) == "étudiants syriens"
    assert "Paul Durand" in (speaker_text(text, by_content(text, quotes, "situation")) or "")


def test_round20_roles_joined_by_and_before_a_name(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "AMD president and chief executive X also addressed the deal, saying that …": the
    named person, not the first role."""
    text = (
        "Globex president and chief executive Dana Whitfield also addressed the deal in a "
        "statement, saying that the purchase would help the group grow.\n"
    )
    q = by_content(text, quotes_of(nlp_en, text, "en"), "purchase")
    assert speaker_text(text, q) == "Dana Whitfield"


def test_round20_an_apposition_before_told_and_a_place_set_off(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "…," X, a doctor at a clinic in A city, B district, told AFP: the verb after a long
    apposition is the cue; "B" there is a place, not the person a later "she" means."""
    text = (
        '"We have received around fifty people with injuries," Ema Suryani, a doctor at a '
        "health clinic in Lampahan city, Bener Meriah district, told AFP.\n"
        "Injured people had been brought from several villages in two trucks, she said.\n"
    )
    quotes = quotes_of(nlp_en, text, "en")
    assert speaker_text(text, by_content(text, quotes, "fifty")) == "Ema Suryani"
    assert speaker_text(text, by_content(text, quotes, "trucks")) == "Ema Suryani"


# Round 21 (fifth batch English dev misses): invented texts.


def test_round21_a_person_after_an_md_inside_a_company_mention(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "Initech India MD Suresh R Naidu told ET that …" is one model mention (ORG); "MD" is
    a role, so the person after it is split off and a later "he" is Naidu."""
    text = (
        "Initech India MD Suresh R Naidu told ET that the merger would drive growth.\n"
        '"Our teams do not overlap.\nWith this merger we can reach bigger markets," he said.\n'
    )
    doc = nlp_en(text)
    q = by_content(text, find_quotes(doc, find_entities(doc, "en"), "en"), "overlap")
    assert speaker_text(text, q) == "Suresh R Naidu"


def test_round21_someone_is_no_speaker(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "Imagine a situation where someone says …": an indefinite pronoun names nobody."""
    text = (
        "The minister defended the strikes.\n"
        '"Imagine a situation where someone says we will bomb the centre of your city," '
        "the ambassador said.\n"
    )
    quotes = quotes_of(nlp_en, text, "en")
    assert all(speaker_text(text, q) != "someone" for q in quotes)


def test_round21_hearsay_passive_with_an_infinitive(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "is rumored to …", "he is said to have written …": the infinitive clause is a report
    whose source goes unnamed (no speaker); "is expected to" is no report."""
    text = (
        "The new tablet has been widely rumored to go on sale sometime in June.\n"
        "Police found a note he is said to have sent to the victim's family that reads, "
        '"I am sorry."\n'
        "The bill is expected to pass next week.\n"
    )
    quotes = quotes_of(nlp_en, text, "en")
    sale = by_content(text, quotes, "go on sale")
    assert (sale.text_of(text), sale.attrs["speaker"]) == ("to go on sale sometime in June", None)
    note = by_content(text, quotes, "have sent")
    assert note.text_of(text) == "to have sent to the victim's family"
    assert not [q for q in quotes if "pass next week" in q.text_of(text)]


# ------------------------------------------------------------------ round 22: sixth batch (dev)


def test_round22_present_dit_after_the_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "«…», dit Paul Durand" / "«…», dit-il": the tagger reads "dit" as a past participle
    (the two are spelled alike); with its subject after it, it is the present of "dire"."""
    text = (
        "Paul Durand attend au port depuis trois jours.\n"
        "«Nous avons faim», dit Paul Durand, un pêcheur de la ville.\n"
        "«Personne ne nous aide ici», dit-il.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, "Nous avons faim")) == "Paul Durand"
    assert speaker_text(text, by_content(text, quotes, "Personne ne")) == "Paul Durand"


def test_round22_named_attribution_inside_the_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "«A, explique l'un des gardes. B»": an inverted attribution with a named subject that
    ends a sentence inside the marks splits the quote in two, both the subject's."""
    text = (
        "Les migrants attendent dans le hangar du port.\n"
        "«Nous ne savons pas quoi faire avec eux, explique l'un des gardes. Le conseil local "
        "va prendre une décision cette semaine.»\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    first = by_content(text, quotes, "quoi faire")
    assert first.text_of(text) == "Nous ne savons pas quoi faire avec eux"
    second = by_content(text, quotes, "conseil local")
    assert speaker_text(text, first) == speaker_text(text, second) == "un des gardes"


def test_round22_coordinated_speakers(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    """ "Selon des militants et l'OSDH, …", "Smith and Jones added: "…"": one quote per
    coordinated speaker, with the same span; the reported part starts after the last one."""
    text = "Selon des militants et l'OSDH, vingt personnes ont été tuées mardi à Homs.\n"
    quotes = quotes_of(nlp_fr, text, "fr")
    spans = {q.text_of(text) for q in quotes}
    assert spans == {"vingt personnes ont été tuées mardi à Homs"}
    assert {speaker_text(text, q) for q in quotes} == {"militants", "OSDH"}
    text = (
        "Producers Alan Smith and Maria Jones are back for a second year.\n"
        'Smith and Jones added: "We are thrilled to have the show back in Los Angeles."\n'
    )
    quotes = quotes_of(nlp_en, text, "en")
    assert len({(q.start, q.end) for q in quotes}) == 1
    assert {speaker_text(text, q) for q in quotes} == {"Smith", "Jones"}


def test_round22_reports_in_the_title_lines(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """The article's own title and subtitle ("Mayor says …", no final stop) may carry a
    report; headlines of other articles further down still do not."""
    text = (
        "Mayor says the old bridge will reopen in May\n"
        "City engineer Ann Bell says repairs are ahead of schedule\n"
        "The bridge over the river was closed in January after a barge struck a pillar.\n"
        "Related: Governor says new taxes are off the table\n"
    )
    quotes = quotes_of(nlp_en, text, "en")
    assert speaker_text(text, by_content(text, quotes, "will reopen")) == "Mayor"
    assert speaker_text(text, by_content(text, quotes, "ahead of schedule")) == "Ann Bell"
    assert not [q for q in quotes if "taxes" in q.text_of(text)]


def test_round23_marked_words_inside_a_trailing_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a décrété une « amnistie … », a annoncé l'agence Y": the marked words inside a
    report whose attribution follows it are a quote of their own, by the same speaker."""
    text = (
        "Le président Paul Durand a décrété une « amnistie générale pour les délits commis "
        "pendant les grèves » qui paralysent le pays depuis mars, a annoncé dimanche l'agence "
        "officielle Norpresse.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    inner = by_content(text, [q for q in quotes if q.label == "direct"], "amnistie")
    assert inner.text_of(text) == "amnistie générale pour les délits commis pendant les grèves"
    assert speaker_text(text, inner) == "Norpresse"
    outer = by_content(text, quotes, "paralysent")
    assert speaker_text(text, outer) == "Norpresse"


def test_round23_no_report_made_of_marks_and_glue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A », afin de « B » (CNT), a déclaré X": outside the marks there is no verb, so the
    marked parts are the quotes and the whole is no indirect report of its own."""
    text = (
        "« Nous allons ouvrir un bureau dans la capitale », afin de « soutenir la société "
        "civile et les élus locaux » (CNL), a déclaré la ministre Anne Morel.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    spans = sorted(q.text_of(text) for q in quotes)
    assert spans == [
        "Nous allons ouvrir un bureau dans la capitale",
        "soutenir la société civile et les élus locaux",
    ]
    assert {speaker_text(text, q) for q in quotes} == {"Anne Morel"}


def test_round23_nationality_before_an_apposed_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a déclaré l'un de ses avocats, le Français Luc Garnier": the name apposed after a
    nationality noun is the speaker, not the description before it."""
    text = (
        "« Cette frappe est un crime de guerre », a déclaré l'un de ses avocats, le Français "
        "Luc Garnier, peu après le dépôt de la plainte.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, "crime de guerre")) == "Luc Garnier"


def test_round23_verbless_words_quoted_after_selon(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon X, … « pour le compte de Y »": verbless quoted words that open on a preposition
    are X's words; quoted words that open on a noun phrase ("« des sources proches … »") are
    a name for something, not words."""
    text = (
        "Selon des sources rebelles, ces anciens militaires espionnaient la rébellion « pour le "
        "compte du colonel Kadhafi », et ils avaient rencontré « des sources proches du régime » "
        "à Tripoli.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    marked = by_content(text, [q for q in quotes if q.label == "direct"], "pour le compte")
    assert marked.text_of(text) == "pour le compte du colonel Kadhafi"
    assert speaker_text(text, marked) == "sources rebelles"
    assert not [q for q in quotes if q.text_of(text) == "des sources proches du régime"]


def test_round23_que_read_as_a_relative_after_a_time_word(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a indiqué jeudi qu'ils …", "a déclaré à l'AFP qu'il …": the tagger reads "qu'" as a
    relative pronoun; after a time word or a prepositional phrase it opens the report. After
    an object noun it is a relative ("a indiqué la date qu'il a choisie")."""
    text = (
        "Les États-Unis ont pour leur part indiqué jeudi qu'ils allaient poursuivre la livraison "
        "de chasseurs.\n"
        "Une source proche du dossier a aussi déclaré à l'AFP qu'il existait des preuves.\n"
        "Le ministre a indiqué la date qu'il a choisie pour la réunion.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert speaker_text(text, by_content(text, quotes, "livraison")) == "États-Unis"
    found = by_content(text, quotes, "preuves")
    assert found.text_of(text) == "il existait des preuves"
    assert not [q for q in quotes if "choisie" in q.text_of(text)]


def test_round23_present_participle_after_an_object(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a promis une aide, regrettant que …": the tagger hangs the participle on the object
    as an adjective; a present participle with "que" still reports, and its subject comes
    before it (a noun the parse made its subject after it is not)."""
    text = (
        "Le ministre Paul Durand a également promis 40 millions d'euros d'aide supplémentaire, "
        "regrettant que la communauté internationale n'ait pas été à la « hauteur » dans le "
        "conflit.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "communauté internationale")
    assert speaker_text(text, found) == "Paul Durand"
    text = (
        "Le chef d'État norvanien a également promis 200 millions de dollars d'aide "
        'supplémentaire, regrettant que la communauté internationale n\'ait pas été à la "hauteur" '
        "dans le conflit.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "communauté internationale")
    assert speaker_text(text, found) == "chef d'État norvanien"


def test_round23_participle_after_an_inverted_attribution(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, a annoncé l'Observatoire (ONO), faisant état de …": the participle after an
    inverted attribution takes its inverted subject, not the subject of the reported clause."""
    text = (
        "Des milliers de personnes ont défilé à Brenholm contre le gouvernement, a annoncé "
        "l'Observatoire norvanien des libertés (ONL), faisant état d'autres rassemblements dans "
        "les quartiers du port.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "autres rassemblements")
    assert speaker_text(text, found) == "Observatoire norvanien des libertés"


# ------------------------------------------------------------------ round 24 (dev misses)


def test_round24_marked_noun_phrase_after_a_condemning_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "dénoncer un « coup de force des généraux »": after a verb that condemns or evokes, a
    marked noun phrase is its subject's words; after another verb ("explique sa « … »") it is
    a name for a thing."""
    text = (
        "Des milliers de partisans du maire déchu ont défilé à Brenholm pour réclamer son retour "
        'et dénoncer un "coup de force des généraux".\n'
        'Le professeur explique sa "troisième théorie du complot" aux étudiants.\n'
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "coup de force")
    assert found.text_of(text) == "coup de force des généraux"
    assert "partisans" in speaker_text(text, found)
    assert not [q for q in quotes if "théorie" in q.text_of(text)]


def test_round24_tweet_relaying_a_named_source(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "@x: Le ministre de l'Intérieur : …": a tweet relaying a named source gives the words
    after the colon to that source; a topic line ("Paul et Anne sur la crise : …") stays the
    account's words."""
    text = (
        "Le blogueur Karim Mansour relaie l'annonce :\n"
        "@karimmansour: Le ministre de l'Intérieur de #Norvanie : les manifestations sont "
        "interdites dans la capitale jusqu'à nouvel ordre\n"
        "Une autre internaute résume le débat :\n"
        "@annemorel: Paul Durand et Luc Garnier sur la crise : exactement la même ligne\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "manifestations sont interdites")
    assert found.text_of(text).startswith("les manifestations")
    assert speaker_text(text, found) == "ministre de l'Intérieur de #Norvanie"
    topic = by_content(text, quotes, "même ligne")
    assert speaker_text(text, topic) == "@annemorel"


def test_round24_participle_joined_after_a_comma(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "des images de milliers de Norvaniens agitant des drapeaux …, et scandant « … »": a
    comma before "et" does not end the first participle's clause, so the second participle
    shares its subject (the people shown chant, not the channel showing them)."""
    text = (
        "La télévision publique a montré des images de milliers de Norvaniens agitant des "
        "drapeaux et des photos du président, et scandant « Dieu, la patrie, le président et "
        "c'est tout ».\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "la patrie")
    assert "Norvaniens" in speaker_text(text, found)


def test_round24_que_after_an_inserted_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a assuré jeudi, à l'occasion d'une conférence internationale à Paris, qu'…": past the
    usual gap, a "qu'" right after the comma closing an inserted phrase opens the report (the
    tagger reads it as a pronoun); its coordinated "et qu'…" stays in it."""
    text = (
        "Oslo a toutefois assuré jeudi, à l'occasion d'une conférence internationale à Paris, "
        "qu'elle était prête à reconnaître les autorités de transition et qu'elle excluait "
        "d'accueillir l'ancien dirigeant.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "excluait")
    assert found.text_of(text).startswith("elle était prête")
    assert speaker_text(text, found) == "Oslo"


def test_round24_intro_line_opened_by_a_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Nora Vidal, du Portugal, auteure pour Radio Brenholm, écrit :" after a hashtag line:
    the intro line is the person's who opens it, not the medium's named in her apposition
    (with the entity layer, which keeps the name apart from the hashtag line before it)."""
    text = (
        "Il a refusé toute forme de violence. #freeSamir\n"
        "Nora Vidal, du Portugal, auteure pour Radio Brenholm, écrit :\n"
        "Lorsqu'un gouvernement tente de faire taire un blogueur, il montre que ce blogueur a "
        "raison.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "faire taire")
    assert speaker_text(text, found) == "Nora Vidal"


def test_round24_marked_opinion_after_pour_in_a_sourced_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Pour les militants, « … », les violences ayant fait …, selon l'Observatoire": the
    marked words right after "Pour X," are X's, not the source's at the end of the sentence."""
    text = (
        "Pour les militants, « plus les condamnations se succèdent, plus le bombardement "
        "s'intensifie », les violences ayant fait plus de 700 morts en onze mois, selon "
        "l'Observatoire norvanien des libertés.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, [q for q in quotes if q.label == "direct"], "condamnations")
    assert speaker_text(text, found) == "militants"


def test_round24_continuer_a_with_an_infinitive_is_no_saying(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "les troupes ont continué à bombarder …, selon X": "continuer à" + infinitive goes on
    doing something, it says nothing, so the sentence is the source's; "« … », a poursuivi le
    ministre" still reports."""
    text = (
        "Jeudi, les troupes gouvernementales ont continué à bombarder la ville de Brenholm, "
        "selon des militants et l'Observatoire norvanien des libertés (ONL).\n"
        "« Nous ne céderons pas », a poursuivi le ministre.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    shelled = [q for q in quotes if "bombarder" in q.text_of(text)]
    assert {speaker_text(text, q) for q in shelled} == {
        "militants",
        "Observatoire norvanien des libertés",
    }
    assert speaker_text(text, by_content(text, quotes, "céderons")) == "ministre"


def test_round24_report_inside_a_tweet_ending_on_a_link(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "#Durand dit qu'il va … au caritatif…. http://…" inside a quoted post: the report ends
    before the trailing link, so it stays inside the block quote and is kept as a report of
    its own."""
    text = (
        "Les réactions ont été immédiates.\n"
        "RevolutionNorvania, une des principales sources sur Twitter pour la révolution "
        "norvanienne, a commenté :\n"
        "J'en rirais si ce n'était pas si écoeurant. #Durand dit qu'il va consacrer les profits "
        "de ses affaires au caritatif…. http://fb.me/x1\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, [q for q in quotes if q.label == "indirect"], "consacrer")
    assert found.text_of(text) == "il va consacrer les profits de ses affaires au caritatif"
    assert speaker_text(text, found) == "#Durand"


def test_round24_se_decrire_comme(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X se décrit comme « … »" gives X's words (README, fourth batch: a naming verb)."""
    text = 'Nora Vidal se décrit comme "la prochaine présidente de la Norvanie".\n'
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, quotes, "prochaine présidente")
    assert speaker_text(text, found) == "Nora Vidal"


def test_round24_naming_participle_and_negated_wish(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "une campagne appelée « … »" names the campaign (a bare participle of a naming verb, as
    in the passive); "ne souhaitait pas heurter …" is a wish even with a negation between,
    so the sentence stays the source's."""
    text = (
        'Les internautes ont lancé une campagne appelée "Arrêtez la tuerie. Nous voulons '
        'construire un pays pour tous" sur Facebook.\n'
        "Le ministre ne souhaitait pas heurter son opinion en prenant des initiatives contre ce "
        "pays, selon un diplomate.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert not [q for q in quotes if "tuerie" in q.text_of(text)]
    found = by_content(text, quotes, "heurter")
    assert speaker_text(text, found) == "diplomate"


def test_round24_pronoun_in_a_first_person_post(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "@x : Je viens d'appeler un ami à Brenholm. Il dit que …": in a line told in the first
    person, "il" is the friend met in that line, not the writer; inside quotation marks the
    first person is the quoted speaker's and changes nothing (« Je … », a-t-il dit)."""
    text = (
        "Nora-Libre raconte :\n"
        "@nora_libre : Je viens d'appeler un ami à #Brenholm. Il dit que les célébrations ont "
        "mis la ville sens dessus dessous.\n"
        "Le maire Paul Durand est arrivé mardi. « Je suis heureux d'être ici avec mon ami », "
        "a-t-il dit.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    found = by_content(text, [q for q in quotes if q.label == "indirect"], "célébrations")
    assert speaker_text(text, found) == "ami"
    assert speaker_text(text, by_content(text, quotes, "heureux")) == "Paul Durand"


INTERVIEW = (
    "Brenholm. Le chercheur Paul Durand : « Je reste optimiste pour la Norvanie »\n"
    "Le chercheur présentera jeudi son livre sur la révolution norvanienne à la médiathèque.\n"
    "Comment vous êtes-vous retrouvé au cœur de la révolution ?\n"
    "Quand j'ai vu les images de la foule réunie sur la grande place, j'ai compris qu'il se "
    "passait quelque chose de plus important qu'une simple manifestation de colère.\n"
    "Quel est votre regard sur la situation actuelle ?\n"
    "Les idées sont en marche et les habitants veulent du changement, même si le pays reste "
    "divisé entre ses villes et ses campagnes depuis des années.\n"
)


def test_round24_interview_answers_are_the_guests(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """An interview ("X : « … »" in the opening lines, then questions to "vous" each followed
    by an answer paragraph): the answers are the guest's words; the same questions and
    answers under a headline that quotes nobody (a comment thread) are no quotes."""
    quotes = quotes_of(nlp_fr, INTERVIEW, "fr", find_entities(nlp_fr(INTERVIEW), "fr"))
    answers = [q for q in quotes if q.attrs["cue_lemma"] == "question"]
    assert [q.text_of(INTERVIEW)[:20] for q in answers] == [
        "Quand j'ai vu les im",
        "Les idées sont en ma",
    ]
    assert {speaker_text(INTERVIEW, q) for q in answers} == {"Paul Durand"}
    thread = INTERVIEW.replace(" : « Je reste optimiste pour la Norvanie »", " publie un livre")
    quotes = quotes_of(nlp_fr, thread, "fr", find_entities(nlp_fr(thread), "fr"))
    assert not [q for q in quotes if q.attrs["cue_lemma"] == "question"]


def test_round24_selon_a_possessed_document(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "selon sa propre légende", "selon ses dires": the document is its possessor's word,
    resolved like "il"/"elle" to the person before; the quote starts after the phrase."""
    text = (
        "Paul Durand dirige le pays depuis 42 ans. Autoproclamé roi des rois, il est né selon sa "
        "propre légende sous une tente dans le désert de Brenholm.\n"
        "Anne Morel a été arrêtée mardi. Selon ses dires, la police l'a frappée pendant deux "
        "heures.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "tente")) == "Paul Durand"
    found = by_content(text, quotes, "frappée")
    assert found.text_of(text) == "la police l'a frappée pendant deux heures"
    assert speaker_text(text, found) == "Anne Morel"


# ------------------------------------------------------------------ round 25 (seventh batch)


def test_round25_time_phrase_and_apposed_names(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "déclarait la semaine dernière une source": a time phrase after the verb is skipped;
    "un responsable de la campagne de M. Durand, Luc Garnier": the name set off after the
    phrase names the speaker, not the name in its complement; "L'une des principales
    correspondantes … de la chaîne X, Anne Morel, a raconté": a partitive role phrase."""
    text = (
        '"Il veut qu\'on lui envoie un avion", déclarait la semaine dernière une source au sein '
        "du conseil.\n"
        '"Nous la rejetons totalement" a déclaré à la presse un responsable de la campagne de '
        "M. Durand, Luc Garnier.\n"
        "L'une des principales correspondantes à l'étranger de la chaîne Radio Brenholm, Anne "
        "Morel, a raconté avoir été agressée pendant une heure.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "avion")) == "source"
    assert speaker_text(text, by_content(text, quotes, "rejetons")) == "Luc Garnier"
    assert speaker_text(text, by_content(text, quotes, "agressée")) == "Anne Morel"


def test_round25_pour_x_with_a_gloss(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Pour la Coalition nationale norvanienne (opposition), …": an adjective the noun phrase
    left out and a bracketed gloss may stand before the comma of "Pour X,"."""
    text = (
        "Pour la Coalition nationale norvanienne (opposition), l'initiative russe est une "
        '"manoeuvre politique destinée à faire gagner du temps" au président.\n'
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, [q for q in quotes if q.label == "indirect"], "initiative russe")
    assert speaker_text(text, found) == "Coalition nationale"
    marked = by_content(text, [q for q in quotes if q.label == "direct"], "manoeuvre")
    assert speaker_text(text, marked) == "Coalition nationale"


def test_round25_second_report_joined_by_mais(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a confirmé que A, mais a affirmé que B": two reports of one speaker; A ends at the
    comma before the conjunction."""
    text = (
        "Le président Paul Durand a confirmé jeudi que le pays allait placer son arsenal sous "
        "contrôle international, mais a affirmé que cette décision n'avait pas été motivée par "
        "les menaces.\n"
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    first = by_content(text, quotes, "arsenal")
    assert first.text_of(text).endswith("contrôle international")
    assert speaker_text(text, by_content(text, quotes, "motivée")) == "Paul Durand"


def test_round25_named_medium_before_the_inverted_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a affirmé sur son compte Twitter le Parti …": the name of the account belongs to the
    phrase skipped before the inverted subject; "a déclaré à l'AFP Luc Garnier" keeps the name
    after the medium as the subject."""
    text = (
        '"Paul Durand est le premier président élu par le peuple", a affirmé sur son compte '
        "Twitter le Parti de la liberté.\n"
        '"Nous ne céderons pas", a déclaré à l\'AFP Luc Garnier.\n'
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "premier président")
    assert speaker_text(text, found) == "Parti de la liberté"
    assert speaker_text(text, by_content(text, quotes, "céderons")) == "Luc Garnier"


def test_round25_demonstrative_speakers(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "avait poursuivi ce responsable": a demonstrative article is no "ce" pronoun, the
    description speaks; "a dit ce dernier" is the latest person named before."""
    text = (
        "Washington attend un geste, selon un haut responsable du département d'Etat "
        "accompagnant le ministre.\n"
        "L'objectif est \"de voir si en fait il y a une voie crédible pour aller de l'avant\", "
        "avait poursuivi ce responsable.\n"
        "Le ministre Paul Durand a reçu les journalistes. « C'est une erreur », a dit ce "
        "dernier.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "voie crédible")) == "responsable"
    assert speaker_text(text, by_content(text, quotes, "une erreur")) == "Paul Durand"


def test_round26_headline_echoes_a_later_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A headline's marked words that a later quote repeats (even with words between) are that
    quote's speaker's, pointing at it; a headline of another article repeats nothing."""
    text = (
        "Grèce : « la crise n'est pas finie »\n"
        "Retraites : « Nous irons jusqu'au bout »\n"
        "La ministre des finances Anne Morel a parlé lundi devant les députés.\n"
        "« La crise n'est toujours pas finie, et il faudra encore deux ans d'efforts », a "
        "déclaré Anne Morel.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    body = by_content(text, quotes, "toujours pas finie")
    title = next(q for q in quotes if q.text_of(text) == "la crise n'est pas finie")
    assert speaker_text(text, title) == "Anne Morel"
    assert title.attrs["echoes"] == [body.start, body.end]
    assert not [q for q in quotes if "jusqu'au bout" in q.text_of(text)]


def test_round26_opinion_frame_after_a_headline_topic(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Climat : pour X, …": a headline's topic before a colon does not hide the opinion
    frame; a clause before the colon still does."""
    text = (
        "Climat : pour Laure Dubois, la taxe carbone aurait un effet limité sur les prix\n"
        "Le ministre a voté pour Paul Martin, qui veut une taxe plus forte.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "effet limité")
    assert speaker_text(text, found) == "Laure Dubois"
    assert not [q for q in quotes if "taxe plus forte" in q.text_of(text)]


def test_round26_subjunctive_saying_reports_nothing(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Il faut que X dise que …": a verb of saying in the subjunctive demands words nobody
    said, so it neither reports nor hides the "selon" that does; a subjunctive auxiliary
    ("bien qu'il ait affirmé que") still reports words that were said."""
    text = (
        "Il faut que le gouverneur dise qu'il renonce à la réforme, selon les syndicats.\n"
        "Bien que le ministre ait affirmé que la réforme était juste, les syndicats manifestent.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "renonce à la réforme")) == "syndicats"
    assert not [q for q in quotes if speaker_text(text, q) == "gouverneur"]
    assert speaker_text(text, by_content(text, quotes, "était juste")) == "ministre"


def test_round26_long_inserted_attribution_splits_the_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A, dit-il en montrant une longue cicatrice sur son bras. B »": an inverted
    attribution with a gerund after it, inside the marks, still splits the quote in two."""
    text = (
        "Le maçon Paul Durand a été attaqué chez lui il y a trois mois. « Je leur ai dit que je "
        "n'avais rien. Ils m'ont frappé, dit-il en montrant une longue cicatrice sur son bras. "
        "Depuis, je n'ai plus de travail ni de logement. »\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    first = by_content(text, quotes, "Ils m'ont frappé")
    second = by_content(text, quotes, "plus de travail")
    assert first is not second and "cicatrice" not in first.text_of(text)
    assert speaker_text(text, first) == speaker_text(text, second) == "Paul Durand"


def test_round27_name_after_a_long_role_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A person named after a role phrase of a dozen words, or one holding a capitalised common
    noun ("aux droits de l'Homme"), is the speaker rather than the role's head noun."""
    text = (
        "« Ceci fait partie des exigences », a souligné le commissaire à la paix et à la sécurité "
        "de l'UA, Pierre Lamarre.\n"
        "« La situation reste grave », a affirmé lundi la haut commissaire aux droits de l'Homme "
        "de l'ONU Marie Dupont.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "exigences")) == "Pierre Lamarre"
    assert speaker_text(text, by_content(text, quotes, "reste grave")) == "Marie Dupont"


def test_round27_medium_named_after_its_description(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "selon le quotidien russe X": the medium's name after its description is the speaker;
    a name after "de" ("le journal de X") is not the medium's name."""
    text = (
        "Les Russes ont transmis un plan en quatre étapes, selon le quotidien russe Kommersant.\n"
        "Des familles se sont rassemblées devant la mairie, selon le journal de Paul Martin.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "quatre étapes")) == "Kommersant"
    assert speaker_text(text, by_content(text, quotes, "familles")) != "Paul Martin"


def test_round27_two_sources_in_one_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """Two "selon" inside one sentence, each after what it reports: each source reports the
    stretch since the previous one; a double space after "selon" still names the source."""
    text = (
        "Ces violences, qui ont fait au moins 5.000 morts en neuf mois selon l'ONU, ont encore "
        "coûté la vie à cinq civils, tombés mardi sous les balles, un dans la province de Hama "
        "et deux à Douma, selon  l'OSDH.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    first = by_content(text, quotes, "5.000 morts")
    second = by_content(text, quotes, "cinq civils")
    assert first is not second and "cinq civils" not in first.text_of(text)
    assert speaker_text(text, first) == "ONU"
    assert speaker_text(text, second) == "OSDH"


def test_round27_double_space_inside_the_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "La télévision  privée X, proche du pouvoir, a affirmé que …": a double space before an
    adjective does not cut the speaker's noun phrase short of its name."""
    text = (
        "La télévision  privée Dounia, proche du pouvoir, a affirmé que les observateurs "
        "s'étaient rendus dans le quartier.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "observateurs")) == "Dounia"


def test_round27_verbs_the_model_does_not_know(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a tweeté que …": the French model tags "tweeté" as a noun; the parser reads a known
    verb of the same length in its place, and the quote keeps its own cue and lemma."""
    from newsweave.enrich.annotate import parser_input, restore_cue_lemmas

    text = (
        "La militante Marie Dubois a aussi tweeté que les participants feraient une grève de "
        "la faim.\nPaul Leroy tweete avec une pointe de regret : « Où sont les Libyens ? »\n"
    )
    assert len(parser_input(text)) == len(text)
    assert not entity_quotes(nlp_fr, text)[:1]
    doc = nlp_fr(parser_input(text))
    quotes = find_quotes(doc, find_entities(doc, "fr"), "fr")
    restore_cue_lemmas(text, quotes)
    first = by_content(text, quotes, "grève de la faim")
    assert speaker_text(text, first) == "Marie Dubois"
    assert text[first.attrs["cue"][0] : first.attrs["cue"][1]].endswith("tweeté")
    assert first.attrs["cue_lemma"] == "tweeter"
    assert speaker_text(text, by_content(text, quotes, "Libyens")) == "Paul Leroy"


def test_round27_one_of_them_speaks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "selon l'une d'elles" names a source; "l'une des participantes" is one woman, so a
    later "a-t-elle poursuivi" goes back to her, not to a person named before."""
    text = (
        "Le candidat Paul Martin a tenu meeting samedi. Les manifestantes ont été attaquées par "
        "des hommes « plutôt jeunes » selon l'une d'elles.\n"
        "« On marchait en rang », a raconté l'une des participantes, qui souhaite rester "
        "anonyme. « On avait le sentiment d'une forte hostilité », a-t-elle poursuivi.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "attaquées")) == "l'une d'elles"
    said = speaker_text(text, by_content(text, quotes, "hostilité"))
    assert said == "une des participantes"


def test_round27_a_titled_text_speaks_for_itself(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, précise le texte" after a document named with a title ("une Déclaration de transition")
    is the text's own words; after an untitled "communiqué" it is still its author's."""
    text = (
        "Le Conseil militaire a publié samedi une Déclaration de transition amendée.\n"
        "Les élections ne pourront pas avoir lieu avant l'adoption d'une nouvelle constitution "
        "par référendum, précise le texte.\n"
        "Le ministère de l'Intérieur a diffusé un communiqué lundi.\n"
        "Les manifestations restent interdites dans le centre de la capitale, ajoute le "
        "communiqué.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "élections")) == "texte"
    assert speaker_text(text, by_content(text, quotes, "manifestations")) != "communiqué"


def test_round27_object_of_a_complement_does_not_speak(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "retarder, de deux heures le procès estimant que …": the parse hangs the object on
    "heures"; it is still the object of "retarder", so the participle is not its words."""
    text = (
        "L'ancien ministre s'est par ailleurs permis de retarder, de deux heures le procès "
        "estimant qu'en aucun cas, il ne devait porter les habits des prisonniers.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "habits")) == "ancien ministre"


def test_round27_source_after_a_subordinator(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "… puisque, selon X, …": what comes before the subordinator is not X's report, so a
    verb of saying there does not cancel it."""
    text = (
        "On demande du temps pour identifier les corps puisque, selon le porte-parole Paul "
        "Durand, de l'acide a été versé sur les corps.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "acide")
    assert found.text_of(text) == "de l'acide a été versé sur les corps"
    assert speaker_text(text, found) == "Paul Durand"


def test_round27_pronoun_skips_a_name_inside_an_apposition(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X, envoyé spécial du secrétaire général Y, …. Il annonçait que …": Y only says who X
    is; the pronoun means X."""
    text = (
        "Les raisons de la présence en Tunisie de l'ancien ministre jordanien des Affaires "
        "étrangères Paul Durand, envoyé spécial pour la Libye du secrétaire général de l'ONU "
        "Marc Leroy, entretiennent le flou. Lundi, en arrivant à Tunis, il annonçait qu'il "
        "venait se joindre aux discussions.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "joindre")) == "Paul Durand"


def test_round27_masculine_role_used_for_a_woman(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "L'universitaire américaine X, professeur à …": "professeur" is said of women too, so
    it does not make X a man that a later "elle" cannot mean."""
    text = (
        "L'universitaire américaine d'origine syrienne Marie Kadri, professeur à l'Université "
        "de Lyon, suit la conférence d'Antalya.\n"
        "Mercredi soir, elle commentait : « Ce n'est pas la vieille opposition, les visages "
        "sont neufs. »\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "visages")) == "Marie Kadri"


def test_round27_date_inside_a_cue_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "avaient fait état le 6 décembre d'une tentative …": a date inside a multi-word cue
    does not break it."""
    text = (
        "Les autorités syriennes avaient déjà fait état le 6 décembre d'une tentative "
        "similaire d'infiltration d'hommes armés depuis la Turquie.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "tentative")
    assert speaker_text(text, found) == "autorités syriennes"
    assert found.attrs["cue_lemma"] == "faire état de"


def test_round27_condemned_words_after_a_marked_incise(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a condamné, « au nom des valeurs … », un « massacre … »": the marked incise between
    the verb and its object does not hide that the object's marked words are the speaker's."""
    text = (
        "Le ministre Paul Durand a lui aussi condamné, « au nom des valeurs fondamentales de "
        "l'humanité », un « massacre pendant la prière du matin ».\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "massacre")) == "Paul Durand"
    assert speaker_text(text, by_content(text, quotes, "valeurs")) == "Paul Durand"


def test_round27_original_tweet_before_its_translation(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A tweet in another language followed by its French translation: the translation alone
    is quoted, with the intro line's speaker."""
    text = (
        "La journaliste espagnole Ana Ruiz a tweeté [espagnol]:\n"
        "@anaruiz: Patético. El jefe del equipo de periodistas, obligado a confesar sus "
        "crímenes en la TV\n"
        "Pathétique. Le chef de l'équipe des journalistes, contraint de confesser ses crimes à "
        "la télévision\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert not [q for q in quotes if "Patético" in q.text_of(text)]
    assert speaker_text(text, by_content(text, quotes, "Pathétique")) == "Ana Ruiz"


def test_round27_participle_after_a_period_typo(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Il a appelé à la résistance. estimant que …": a lower-case participle after a period
    (typed for a comma) takes the subject of the sentence before it."""
    text = (
        "Le colonel Paul Durand a encore parlé mardi. Comme toujours, il a appelé les habitants "
        "à la résistance. estimant que l'ennemi ne pourra « jamais vaincre un peuple armé ».\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "ennemi")) == "Paul Durand"


def test_round27_report_filling_most_of_a_block(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A blog excerpt that is mostly one report ("D'après ses avocats, X a été arrêtée …"):
    the report is kept inside the block quote, with its own source."""
    text = (
        "Le quotidien Daily Star écrit :\n"
        "D'après ses avocats, Marie Kadri a été arrêtée mardi à Damas puis conduite dans une "
        "prison du centre de la capitale.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    block = by_content(text, quotes, "D'après ses avocats")
    inner = next(q for q in quotes if q.text_of(text).startswith("Marie Kadri"))
    assert speaker_text(text, block) == "Daily Star"
    assert speaker_text(text, inner) == "avocats"


def test_round27_reportive_conditional_goes_on_reporting(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Il estime que …. « Blonde, … », elle l'accompagnerait « en toutes circonstances »": a
    sentence in the reportive conditional right after a report holds the same speaker's words;
    one in the indicative does not."""
    text = (
        "L'ambassadeur Paul Durand a parlé. Il estime par exemple que le dirigeant se repose "
        "sur un cercle très restreint, dont une infirmière de 38 ans. « Blonde, aux formes "
        "affirmées », elle accompagnerait le dirigeant « en toutes circonstances ».\n"
        "Le ministre Marc Leroy estime que la crise durera. Les habitants parlent d'une « guerre "
        "sans fin à nos portes ».\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "Blonde")) == "Paul Durand"
    assert speaker_text(text, by_content(text, quotes, "en toutes circonstances")) == "Paul Durand"
    assert not [q for q in quotes if "guerre sans fin" in q.text_of(text)]


# ------------------------------------------------------------------ round 28: batch 8 dev misses


def test_round28_accused_of_marked_words(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "accuser X de mener une « … »", "l'a accusé d'avoir rencontré des « … »": an accusation
    is a condemning frame; the marked words after its infinitive are the accuser's."""
    text = (
        "Le ministre Paul Durand a accusé, dans un camp de réfugiés, le président voisin de mener "
        "une « guerre contre son propre peuple ».\n"
        "La visite du diplomate a provoqué la colère du gouvernement, qui l'a accusé d'avoir "
        "rencontré des « agitateurs payés par l'étranger ».\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    guerre = by_content(text, quotes, "guerre contre")
    assert speaker_text(text, guerre) == "Paul Durand"
    assert guerre.attrs["cue_lemma"] == "accuser"
    assert by_content(text, quotes, "agitateurs payés").attrs["cue_lemma"] == "accuser"


def test_round28_name_before_a_role_with_an_acronym(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X, responsable de l'armement du Conseil national (CN), a reconnu …": when the parser
    finds no subject, the person whose role phrase holds the nearest name speaks."""
    text = (
        "Interrogé samedi sur les stocks d'armes, Karim Haddad, responsable de l'armement du "
        "Conseil national de transition (CNT), a reconnu avoir perdu la trace d'au moins 5.000 "
        "missiles.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "perdu la trace")) == "Karim Haddad"


def test_round28_foreign_words_in_a_source(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon le tabloïd britannique The Sun, …": words tagged as foreign (X) go on the source's
    noun phrase instead of ending it."""
    text = "Selon le tabloïd britannique The Sun, il serait mort à l'hôpital.\n"
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "serait mort")) == "The Sun"


def test_round28_new_cue_words(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "arguant que …" reports; "de l'avis de X, …" reads as "selon X"."""
    text = (
        "Les pays voisins refusent d'armer les rebelles, arguant que les armes pourraient tomber "
        "entre de mauvaises mains.\n"
        "Paul Durand dirigeait le service depuis 1994 et, de l'avis de nombreux diplomates, il "
        "avait conservé toute son influence.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "pourraient tomber")) == "pays voisins"
    text2 = (
        "Le ministre Paul Durand a rejeté les accusations, arguant de la présence de blessures "
        "par balle sur la plupart des victimes.\n"
    )
    quotes2 = quotes_of(nlp_fr, text2, "fr", find_entities(nlp_fr(text2), "fr"))
    assert speaker_text(text2, by_content(text2, quotes2, "blessures par balle")) == "Paul Durand"
    avis = by_content(text, quotes, "conservé toute son influence")
    assert speaker_text(text, avis) == "nombreux diplomates"


def test_round28_relay_without_a_comma(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon un opposant cité par l'AFP, …": the relay phrase is not part of the report."""
    text = (
        "Selon un opposant syrien cité par l'AFP, le diplomate cherche surtout à rassurer les "
        "habitants de la ville.\n"
        "Selon un opposant syrien cité par Reuters, la visite a duré plus de trois heures dans "
        "le centre.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert by_content(text, quotes, "rassurer").text_of(text).startswith("le diplomate")
    assert by_content(text, quotes, "trois heures").text_of(text).startswith("la visite")


def test_round28_trailing_phrase_with_its_auxiliary(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, a fait savoir le Quai d'Orsay.": the auxiliary of a phrase of saying may be parsed
    onto its second word; the inverted attribution still reports the clause before it."""
    text = (
        "L'ambassadeur de France Paul Durand s'est rendu notamment dans l'un des principaux "
        "hôpitaux de la ville où il a rencontré les équipes médicales, des blessés et leurs "
        "familles, a fait savoir le Quai d'Orsay.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "principaux hôpitaux")) == "Quai d'Orsay"


def test_round28_paragraph_cut_before_its_stop(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A paragraph of prose whose last sentence was cut off before its stop is no headline:
    its attributions count."""
    text = (
        "Combats à la frontière\n"
        "Les affrontements pour le contrôle du poste frontière illustrent la confusion des "
        "combats entre les deux camps, qui ont éclaté à la mi-février.\n"
        "Des soldats ont été tués et blessés dans les combats près du poste. L'artillerie a tiré "
        "sur la ville à partir du territoire voisin, blessant au moins une jeune femme, a "
        "rapporté un habitant. Les tirs ont ensuite cessé\n"
        "Le port a été miné.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "L'artillerie")) == "habitant"


def test_round28_cut_quote_does_not_run_on(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A quote left open at the end of a line (the rest of the text cut) does not swallow the
    next paragraph's own « … »."""
    text = (
        "Le procureur militaire de la ville a demandé du temps pour identifier tous les corps "
        "retrouvés dans la fosse commune près de la prison. Il affirme avoir la preuve qu'il "
        "s'agissait d'« actes\n"
        "L'organisation a demandé que le site soit protégé. « Les fouilles vont compliquer les "
        "choses et faire disparaître des preuves », a estimé "
        "Marc Leroy, précisant que les familles attendaient « depuis quinze ans des nouvelles de "
        "leurs proches ».\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "Les fouilles")) == "Marc Leroy"
    direct = [q for q in quotes if q.text_of(text).startswith("depuis quinze ans")]
    assert [speaker_text(text, q) for q in direct] == ["Marc Leroy"]


def test_round28_sentence_ends_after_a_digit(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "… selon l'envoyé spécial d'Europe 1. « … », a-t-il ajouté.": a digit before a period
    is no initial, so the sentence ends there and "il" is the envoy."""
    text = (
        "Plusieurs explosions ont retenti pendant la nuit, selon l'envoyé spécial de Radio 1. "
        "« La télévision d'Etat a annoncé la mort de militaires et de civils, sans en préciser "
        "le nombre », a-t-il ajouté.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "La télévision")
    assert found.label == "direct"
    assert speaker_text(text, found) == "envoyé spécial de Radio 1"


def test_round28_names_coordinated_in_an_apposition(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Deux figures de l'opposition, X et Y, ont annoncé que …": both apposed names speak, one
    quote each; a pronoun standing for one of two coordinated names gives one quote."""
    text = (
        "Deux figures de l'opposition interne, Marc Leroy et Karim al-Haddad, ont annoncé "
        "qu'elles ne participeraient pas au forum de discussions prévu par le pouvoir dimanche à "
        "Damas.\n"
        "Anne Morel et Paul Durand sont arrivés lundi. « Nous resterons ici jusqu'à la fin des "
        "négociations », a-t-elle affirmé.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    forum = [speaker_text(text, q) for q in quotes if "forum" in q.text_of(text)]
    assert sorted(forum) == ["Karim al-Haddad", "Marc Leroy"]
    assert len([q for q in quotes if "Nous resterons" in q.text_of(text)]) == 1


def test_round28_clitics_before_the_infinitive(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "avant que les rebelles disent s'en être à nouveau emparés": object clitics between a
    verb of saying and its infinitive do not hide the report."""
    text = (
        "Les forces régulières ont repris un moment le contrôle du poste avant que les rebelles "
        "disent s'en être à nouveau emparés.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "emparés")) == "rebelles"


def test_round28_ils_is_no_feminine_group(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Des échauffourées s'étaient produites … Ils disent que …": "ils" does not stand for a
    feminine plural noun phrase."""
    text = (
        "Le ministère de l'Intérieur a interdit toute manifestation sur l'avenue. Dernièrement, "
        "des échauffourées entre islamistes et libéraux s'étaient produites lors de "
        "manifestations simultanées à cet endroit.\n"
        "Un militant a réagi sur Twitter. Ils disent que l'avenue est interdite, mais nous y "
        "serons samedi.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "avenue est interdite")) != "échauffourées"


def test_round28_agent_after_a_date(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "selon le chiffre annoncé jeudi par le Premier ministre X": date words between the
    participle and its agent do not hide the author of the figure."""
    text = (
        "La Turquie abrite sur son sol près de 65 000 réfugiés, selon le chiffre annoncé jeudi "
        "par le Premier ministre turc Ahmet Kaya.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    speaker = speaker_text(text, by_content(text, quotes, "réfugiés"))
    assert speaker is not None and "Ahmet Kaya" in speaker


def test_round28_own_headline_names_its_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Fabius : « … »" as the article's own headline is the named person's quote; the same
    form among other articles' headlines further down is left alone."""
    text = (
        "Monde      Marc Leroy : « Le régime ne mérite pas notre confiance »\n"
        "Le ministre des Affaires étrangères Marc Leroy a eu mardi des mots très durs pour le "
        "régime voisin lors d'une visite dans un camp de réfugiés.\n"
        "Il a rencontré des familles et des médecins, puis il est reparti vers la capitale.\n"
        "A lire aussi\n"
        "Anne Morel : « La saison commence enfin pour nous »\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    head = by_content(text, quotes, "ne mérite pas")
    assert head.text_of(text) == "Le régime ne mérite pas notre confiance"
    assert speaker_text(text, head) == "Marc Leroy"
    assert not [q for q in quotes if "saison" in q.text_of(text)]


def test_round29_a_document_speaks_for_its_issuer(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, a indiqué le ministère dans un communiqué. … « … », poursuit le texte": the text
    that goes on speaking is the ministry's, not that of a country named in between."""
    text = (
        "Le gouvernement exige des garanties écrites avant tout retrait des forces armées, a "
        "indiqué le ministère des Affaires étrangères dans un communiqué.\n"
        "Trois pays ont appuyé l'opposition ces derniers mois, l'Arabie saoudite et le Qatar "
        "se déclarant même en faveur de l'envoi d'armes.\n"
        "« Le pays ne va pas répéter ce qui s'était passé lors de la présence des observateurs "
        "arabes », poursuit le texte.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "ne va pas répéter")
    assert speaker_text(text, found) == "ministère des Affaires étrangères"


def test_round29_name_quoted_in_a_headline_is_no_antecedent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A name inside a headline's marks ("… pas pour soutenir Kadhafi") is nobody's
    antecedent (headlines are not paired with the body's marks, so they are paired apart)."""
    from newsweave.enrich.quotes import _context, _subject_mentions

    text = (
        "Boutique le Point\n"
        "Le chanteur en Libye « pour aider les blessés, pas pour soutenir Kadhafi »\n"
        "Le chanteur Marc Leroy a passé deux jours à Benghazi la semaine dernière « pour aider "
        "les blessés », a-t-il expliqué lors d'un entretien à la radio.\n"
    )
    doc = nlp_fr(text)
    ctx = _context(doc, text, find_entities(doc, "fr"), load_lexicon("fr"))
    kadhafi = text.index("Kadhafi")
    assert kadhafi not in [a.pos for a in _subject_mentions(ctx, [])]
    assert text.index("Marc Leroy") in [a.pos for a in _subject_mentions(ctx, [])]


# ------------------------------------------------------------------ round 30: challenge set

# Causes found with the challenge set we wrote (tests/challenge): French typography's no-break
# spaces inside « », a stop before a spaced closing mark, a verb of saying read as an adjective
# before a colon, a group named by a quantity noun, the wire's "a-t-on appris auprès de X".
# The sentences below are new ones, not the challenge passages.

NBSP = "\xa0"


@pytest.mark.parametrize("space", [NBSP, "\u202f"])
def test_round30_no_break_space_before_a_closing_mark(nlp_fr, space: str) -> None:  # type: ignore[no-untyped-def]
    """A paragraph ending "….\\xa0»" ends a sentence: it is no headline, its quotes count."""
    text = (
        f"La directrice de l'hôpital, Claire Vasseur, a reçu les syndicats jeudi. «{space}Aucun "
        f"service ne fermera cet été{space}», a assuré la directrice. Elle a ajouté{space}: "
        f"«{space}Les recrutements commenceront dès lundi pour tous les services.{space}»"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "Aucun service")) == "directrice"
    assert by_content(text, quotes, "Les recrutements").label == "direct"


def test_round30_spaced_closing_mark_ends_a_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A », a-t-il dit, « B. » Next sentence": the inserted attribution between two marked
    parts makes no indirect quote of the whole, and the next sentence is no part of it."""
    text = (
        "L'entraîneur Paul Meunier a présenté son équipe mardi. « Nous sommes prêts », a-t-il "
        "dit, « et nous voulons gagner ce titre. » Interrogé sur son avenir, il est resté évasif."
    )
    quotes = quotes_of(nlp_fr, text, "fr")
    assert [q.label for q in quotes] == ["direct", "direct"], [q.text_of(text) for q in quotes]


def test_round30_verb_of_saying_read_as_an_adjective_before_a_colon(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Le ministre raconte : « … »": the parser reads "raconte" as an adjective of the noun;
    the noun is still the one who speaks, and the speaker span stops before the verb."""
    text = (
        "Le ministre raconte : « J'ai appris la nouvelle à la radio, comme tout le monde. » "
        "La réunion a duré trois heures."
    )
    doc = nlp_fr(text)
    assert doc[2].pos_ != "VERB"  # the parse this rule is for
    found = by_content(text, quotes_of(nlp_fr, text, "fr"), "la nouvelle")
    assert speaker_text(text, found) == "ministre"


@needs_shared
def test_round30_colon_after_a_reported_clause_is_not_its_frame(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "On a dit que …, une mesure qui n'a pourtant attiré que mépris:" then a tweet: the parse
    hangs the colon on "dit", whose subject "on" names nobody; the tweet is not given to "On"
    (a real page: the guard of the saying-verb colon frame)."""
    from bench.goldsets import doc_text

    text = doc_text("ml_crisis_tls/fr/egypt/2011-04-30/gv_19.txt")
    quotes = entity_quotes(nlp_fr, text)
    assert all(speaker_text(text, q) != "On" for q in quotes)
    assert any(q.attrs["cue"] is not None for q in quotes)


def test_round30_group_named_by_a_quantity_noun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Des centaines de pêcheurs … « … », ont-ils lancé": "centaines" is feminine, the group
    is the fishermen, whom "ils" stands for."""
    text = (
        "Des centaines de pêcheurs ont manifesté samedi devant la mairie de Lorient. « Nous "
        "voulons simplement pouvoir travailler comme avant », ont-ils lancé aux élus."
    )
    found = by_content(text, quotes_of(nlp_fr, text, "fr"), "pouvoir travailler")
    assert speaker_text(text, found) == "centaines de pêcheurs"


@pytest.mark.parametrize(
    ("tail", "source"),
    [
        ("a-t-on appris auprès de la gendarmerie.", "gendarmerie"),
        ("a-t-on appris mercredi auprès du parquet de Brest.", "parquet de Brest"),
        ("a-t-on appris de source judiciaire.", "source judiciaire"),
        ("explique-t-on à l'Elysée.", "Elysée"),
        ("souligne-t-on dans l'entourage du ministre.", "entourage du ministre"),
        ("a-t-on indiqué au ministère de la Santé.", "ministère de la Santé"),
    ],
)
def test_round30_impersonal_on_and_its_source(nlp_fr, tail: str, source: str) -> None:  # type: ignore[no-untyped-def]
    """The wire's "…, a-t-on appris auprès de X" and "…, explique-t-on à l'Elysée": the source
    learned from, or the place or circle where "on" speaks, is the speaker."""
    text = f"Un conducteur a été placé en garde à vue après l'accident de la rocade, {tail}"
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "garde à vue")
    assert found.label == "indirect" and source in (speaker_text(text, found) or "")


def test_round30_learning_without_a_source_is_no_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Il a appris que …", "On a appris lundi que …": learning something is not saying it."""
    text = (
        "Le maire a appris que la préfecture allait fermer le pont. On a appris lundi que les "
        "travaux dureraient six mois."
    )
    assert quotes_of(nlp_fr, text, "fr") == []


def test_round30_pronoun_prefers_the_subject_over_a_misparsed_object(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a confirmé le départ de sa joueuse, la Brésilienne Y, vers Z. « … », a-t-elle
    commenté": the parse makes the apposed object a conjunct of the verb; "elle" is still X."""
    text = (
        "La présidente du club de volley de Cannes, Anne Roux, a confirmé le départ de sa "
        "passeuse, la Brésilienne Ana Souza, vers Milan. « Ana nous a beaucoup apporté, on ne va "
        "pas la retenir contre son gré », a-t-elle commenté."
    )
    doc = nlp_fr(text)
    assert [t.dep_ for t in doc if t.text == "Brésilienne"] == ["conj"]  # the parse it is for
    found = by_content(text, quotes_of(nlp_fr, text, "fr", find_entities(doc, "fr")), "Ana nous")
    assert speaker_text(text, found) == "Anne Roux"


def test_round30_the_latter_is_the_latest_person_of_its_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a reçu la présidente de l'ONG, Y. Selon cette dernière, …": Y, the latest woman,
    object or not; the subject X is a man."""
    text = (
        "Le consul de France à Dakar, Jean Ferrand, a reçu lundi la directrice de l'association "
        "Enfance Plus, Awa Diop. Selon cette dernière, près de 2 000 enfants vivent encore dans "
        "la rue à Dakar."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "2 000 enfants")) == "Awa Diop"


def test_round30_quote_after_a_sentence_about_its_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X est catégorique. « … »": whole sentences in marks, no verb of saying around them,
    right after a sentence whose subject is a person: that person speaks (cue: none)."""
    text = (
        "La maire de Nantes, Sophie Garnier, ne cache pas sa colère. « Nous avons alerté l'Etat "
        "à trois reprises. Personne ne nous a répondu. » Le conseil municipal se réunira lundi."
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "alerté l'Etat")
    assert speaker_text(text, found) == "Sophie Garnier"
    assert found.attrs["cue"][0] == found.attrs["cue"][1]


def test_round30_no_quote_after_a_sentence_without_a_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """The same shape after a sentence about a thing: no speaker is made up."""
    text = (
        "La tempête a arraché des toitures dans la nuit. « Les dégâts sont considérables, il "
        "faudra des mois pour tout réparer. » Les pompiers sont intervenus à quarante reprises."
    )
    for q in entity_quotes(nlp_fr, text):
        assert q.attrs["speaker"] is None or speaker_text(text, q) != "tempête"


def test_round30_inverted_cue_needs_a_clause_before_it(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A headline line without a stop glues onto the next line in the parse, which loses the
    subject of "a confirmé": "Le syndicat X, le SNA, a confirmé …" is no report (no verb)."""
    text = (
        "Grève des pilotes : « Nous ne céderons rien », prévient le SNPL\n"
        "Le premier syndicat de pilotes de ligne, le SNPL, a confirmé mardi son préavis de grève "
        "pour les vacances de février.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert not [q for q in quotes if "premier syndicat" in q.text_of(text)]


def test_round30_headline_quote_with_its_own_attribution(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """The article's own headline "Grève : « … », prévient le SNPL" is the SNPL's quote, not
    that of a later speaker who repeats the words."""
    text = (
        "Grève des pilotes : « Nous ne céderons rien », prévient le SNPL\n"
        "Le syndicat a confirmé mardi son préavis. « Nous ne céderons rien tant que la direction "
        "maintiendra son plan », a déclaré son président, Hugo Marchal.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    head = [q for q in quotes if q.end <= text.index("\n")]
    assert len(head) == 1 and speaker_text(text, head[0]) == "SNPL"


def test_round30_feminine_group_with_a_name_in_its_complement(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Les salariées de la blanchisserie X, à Y, … « … », ont-elles assuré": the group stands
    although a name sits in its complement, and "elles" fits it although the tagger may read
    the plural noun as masculine."""
    text = (
        "Les salariées de la blanchisserie industrielle Textino, à Roanne, sont en grève depuis "
        "douze jours pour réclamer une revalorisation de leurs salaires. « On travaille huit "
        "heures debout pour 1.400 euros net. Ce n'est plus possible », ont-elles assuré devant "
        "l'usine."
    )
    found = by_content(text, entity_quotes(nlp_fr, text), "huit heures")
    assert (speaker_text(text, found) or "").startswith("salariées")


def test_round30_feminine_role_and_a_place_the_entities_missed(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Sa directrice régionale pour l'Afrique, X, a déclaré que …": "directrice" is a person
    noun (the feminine of a listed one) and "Afrique" a name inside the role phrase, so the
    person named after it speaks."""
    from newsweave.enrich.quotes import load_lexicon

    assert {"directrice", "présidente", "députée", "avocate"} <= load_lexicon("fr").person_nouns
    text = (
        "Sa directrice régionale pour l'Afrique, Anna Kovalenko, a déclaré à Genève que la "
        "situation était très préoccupante."
    )
    found = by_content(text, entity_quotes(nlp_fr, text), "situation")
    assert speaker_text(text, found) == "Anna Kovalenko"


def test_round30_attribution_with_an_apposed_name_inside_the_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A, a déclaré la préfète de X, Y, lors d'un point presse. B »": the inserted
    attribution may hold commas (an apposed name); both parts are Y's."""
    text = (
        "« Le feu est maîtrisé, a déclaré le préfet du Var, Jean Morel, lors d'un point presse. "
        "Les pompiers resteront sur place toute la nuit. » Plus de 800 hectares ont brûlé."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "Le feu est maîtrisé")) == "Jean Morel"
    assert speaker_text(text, by_content(text, quotes, "Les pompiers")) == "Jean Morel"


def test_round30_role_phrase_with_a_prepositional_phrase_before_the_name(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a lancé l'adjointe aux sports, X.": the role phrase holds "aux sports" (cut from
    the noun phrase) before the apposed name, who speaks."""
    text = (
        "Le conseil municipal a voté lundi la rénovation du stade. « C'est un équipement pour "
        "les trente prochaines années », a lancé l'adjointe aux sports, Louise Morin."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "équipement")) == "Louise Morin"


def test_round30_evoquer_with_a_marked_phrase_right_after_it(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a évoqué « une scène d'une violence inouïe »": the marked phrase is the speaker's."""
    text = (
        "La procureure de Nîmes, Hélène Vidal, a évoqué « une agression d'une violence rare pour "
        "un simple différend de voisinage »."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "agression")) == "Hélène Vidal"


@pytest.mark.parametrize(
    "text",
    [
        "Des milliers de lycéens ont défilé jeudi à Lille. « Qui paiera nos études ? », pouvait-on "
        "lire sur une banderole, tandis que les manifestants scandaient des slogans.",
        "Des milliers de lycéens ont défilé jeudi à Lille. Sur une pancarte, on pouvait lire : "
        "« Qui paiera nos études ? »",
    ],
)
def test_round30_words_read_on_a_sign_have_no_speaker(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … », pouvait-on lire sur une banderole": a quote whose author goes unnamed, not the
    marchers' nor anyone's before it."""
    found = by_content(text, entity_quotes(nlp_fr, text), "Qui paiera")
    assert found.attrs["speaker"] is None and text[slice(*found.attrs["cue"])] == "lire"


def test_round30_reflexive_poursuivre_is_not_saying(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a répondu que les discussions se poursuivaient « dans un climat serein »": the marked
    words are X's; "se poursuivre" (to go on) is not "poursuit-il" (he goes on saying)."""
    text = (
        "Un porte-parole de la Commission, Marc Leblanc, a répondu que les discussions se "
        "poursuivaient « dans un climat serein et constructif »."
    )
    quotes = entity_quotes(nlp_fr, text)
    marked = [q for q in quotes if q.label == "direct"]
    assert [speaker_text(text, q) for q in marked] == ["Marc Leblanc"]


def test_round30_these_words_point_back_at_the_quote(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« … » C'est par ces mots que X a défendu …": the cleft sentence after the quote names
    who spoke it."""
    text = (
        "« Nous ne reculons pas, nous prenons le temps d'écouter. » C'est par ces mots que la "
        "ministre de la Culture, Isabelle Fournier, a justifié mardi le report de la réforme."
    )
    quotes = entity_quotes(nlp_fr, text)
    found = by_content(text, quotes, "Nous ne reculons")
    assert speaker_text(text, found) == "Isabelle Fournier"
    assert text[slice(*found.attrs["cue"])] == "a justifié"


def test_round30_a_singular_verb_has_one_speaker(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Un porte-parole du collectif X, Y, a précisé que …": the parse makes the apposed name a
    conjunct of the subject, but "a précisé" is singular: one quote, not one per conjunct."""
    text = (
        "Un porte-parole du collectif Santé 35, Mathieu Le Goff, a précisé que près de 2 000 "
        "signatures avaient été recueillies en une semaine."
    )
    doc = nlp_fr(text)
    assert [t.dep_ for t in doc if t.text == "Mathieu"] == ["conj"]  # the parse it is for
    quotes = quotes_of(nlp_fr, text, "fr", find_entities(doc, "fr"))
    assert len([q for q in quotes if "signatures" in q.text_of(text)]) == 1


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Un violent incendie s'est déclaré dans la nuit de lundi à mardi dans un entrepôt.",
            False,
        ),
        (
            "Un feu s'est déclaré dans un entrepôt de stockage de solvants au nord de la ville.",
            False,
        ),
        (
            "L'incendie, qui s'est déclaré mardi dans un entrepôt, a mobilisé 80 pompiers.",
            False,
        ),
        (
            "Le maire de la ville en crise s'est déclaré favorable à la réouverture du pont.",
            True,
        ),
    ],
)
def test_round30_a_fire_that_broke_out_said_nothing(nlp_fr, text: str, reported: bool) -> None:  # type: ignore[no-untyped-def]
    """ "Un incendie s'est déclaré" breaks out (our own example corpus showed it as a quote);
    "le maire s'est déclaré favorable à …" still reports."""
    quotes = entity_quotes(nlp_fr, text)
    assert bool(quotes) is reported, [q.text_of(text) for q in quotes]


# ---------------------------------------------------------------- round 31 (challenge set)


@pytest.mark.parametrize(
    ("role", "name"),
    [("Le porte-parole", "M. Alain Rivière"), ("La porte-parole", "Mme Sophie Lenoir")],
)
def test_round31_honorific_before_an_apposed_name(nlp_fr, role: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "Le porte-parole de X, M. Alain Rivière, a indiqué que": the honorific is no part of
    the name, and the apposed name is the speaker."""
    text = f"{role} de la préfecture, {name}, a indiqué que les routes resteraient fermées."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == name.split(" ", 1)[1]


def test_round31_role_phrase_with_a_participle_noun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "L'avocat du mis en cause, X, a affirmé que": "mis en cause" is a noun phrase (the
    parser reads a verb), so the role phrase still ends at the comma before the name."""
    text = "L'avocat du mis en cause, Me Arnaud Petit, a affirmé que son client niait les faits."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Arnaud Petit"


def test_round31_second_report_joined_by_et(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a annoncé que A et a précisé que B": two reports of X; A ends before "et" (the parse
    hangs the second verb on A's verb)."""
    text = (
        "Le maire, Jean-Luc Moreau, a annoncé mardi que la piscine municipale rouvrirait en "
        "juin et a précisé que les tarifs resteraient inchangés."
    )
    first, second = entity_quotes(nlp_fr, text)
    assert first.text_of(text) == "la piscine municipale rouvrirait en juin"
    assert speaker_text(text, second) == "Jean-Luc Moreau"


def test_round31_avant_de_ajouter(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a reconnu que A, avant d'ajouter : « B »": A ends at the comma, and B is X's."""
    text = (
        "La présidente du club, Nathalie Girard, a reconnu que la saison avait été difficile "
        "pour tout le monde, avant d'ajouter : « Nous reviendrons plus forts. »"
    )
    reported, marked = entity_quotes(nlp_fr, text)
    assert reported.text_of(text).endswith("pour tout le monde")
    assert speaker_text(text, marked) == "Nathalie Girard"


def test_round31_role_word_of_the_same_function(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Le PDG de X, Marc Aubert, …. Le patron de X a assuré que": "patron" names the function
    "PDG" named (role equivalents, named data), so the description refers back to the name."""
    text = (
        "Le PDG de la SNCF, Marc Aubert, a présenté ses excuses aux voyageurs mardi. Le "
        "patron de la SNCF a assuré que les remboursements commenceraient dès lundi."
    )
    doc = nlp_fr(text)
    ents = find_entities(doc, "fr")
    (quote,) = find_quotes(doc, ents, "fr")
    assert entity_of(quote, ents) == "Marc Aubert"


@pytest.mark.parametrize(
    ("text", "span", "speaker"),
    [
        # "tout en concédant avoir …" reports (concéder takes que or an infinitive like
        # reconnaître); "concéder un but" reports nothing (round 31)
        pytest.param(
            "Le PDG a présenté ses excuses, tout en concédant avoir manqué de transparence envers "
            "les régions. L'équipe a concédé un but dans les arrêts de jeu.",
            "avoir manqué de transparence envers les régions",
            "PDG",
            id="round31_conceder_reports",
        ),
        # "a estimé hier en visitant un camp que « … »": the verb of saying before the gerund
        # reports the marks that open right after "que" (round 32)
        pytest.param(
            "Le chef de la diplomatie française, Laurent Fabius, a estimé hier en visitant un camp "
            "de réfugiés syriens que « le régime syrien devait être abattu et rapidement ».",
            "le régime syrien devait être abattu et rapidement",
            "Laurent Fabius",
            id="round32_marks_right_after_que",
        ),
    ],
)
def test_the_only_quote_and_its_speaker(nlp_fr, text: str, span: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text) == span
    assert speaker_text(text, quote) == speaker


def test_round31_inverted_coordinated_speakers_with_apposed_names(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, ont déclaré la ministre X, Anne Roux, et son homologue belge, Luc Peeters": the
    person noun of the second conjunct gives its apposed name, one quote each."""
    text = (
        "« Ce texte est inacceptable pour nos pêcheurs », ont déclaré dans un communiqué "
        "commun la ministre française de la Mer, Anne Roux, et son homologue belge, Luc Peeters."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert sorted(speaker_text(text, q) or "" for q in quotes) == ["Anne Roux", "Luc Peeters"]


@pytest.mark.parametrize(
    "text",
    [
        "La ministre a salué « un accord qui protège enfin nos éleveurs ».",
        "La ministre a salué une « avancée majeure pour les salariés ».",
    ],
)
def test_round31_saluer_a_marked_phrase(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "a salué « … »" quotes words like "a dénoncé « … »"; "a salué les supporters" does not."""
    (quote,) = entity_quotes(nlp_fr, text + " Le président a salué les supporters avant le match.")
    assert quote.label == "direct" and speaker_text(text, quote) == "ministre"


def test_round31_ajoutant_que_after_a_reported_clause(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a déclaré que A, ajoutant que B": A ends at the comma, and B is X's (a continuation
    participle after the reported clause reports for its main subject)."""
    text = (
        "Le président a déclaré que la Chine promettait d'augmenter ses achats, ajoutant qu'il "
        "était convaincu que les fermiers sauraient faire face."
    )
    first, second = entity_quotes(nlp_fr, text)
    assert first.text_of(text) == "la Chine promettait d'augmenter ses achats"
    assert speaker_text(text, second) == "président"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Selon l'un des avocats de la famille, Paul Martin, la police a menti sur les faits.",
            "la police a menti sur les faits",
        ),
        (
            "Selon l'un des membres du comité, Paul Martin, « il a perdu beaucoup de poids ».",
            "il a perdu beaucoup de poids",
        ),
    ],
)
def test_round31_selon_l_un_des_x_then_a_name(nlp_fr, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    """ "Selon l'un des avocats de X, Paul Martin, …": the name apposed to the partitive phrase
    is the source, and the reported part starts after it."""
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text) == content and speaker_text(text, quote) == "Paul Martin"


def test_round31_participle_ending_fixes_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Julie Roche est coincée": the ending "-ée" makes her feminine even where the tagger
    reads the participle as masculine, so a later "dit-elle" is hers, not nobody's."""
    text = (
        "Julie Roche est coincée au Pérou depuis une semaine. Elle a trouvé une chambre à Lima."
        "\n\nSon voisin, M. Marc Durand, a tenté de l’aider depuis Montréal.\n\n« C’est un vrai "
        "cauchemar, dit-elle. Je ne sais pas quand je pourrai rentrer. »"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [speaker_text(text, q) for q in quotes] == ["Julie Roche", "Julie Roche"]


def test_round31_exclamation_before_an_inserted_cue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A ! lance-t-elle. B »": the attribution after "!" splits the quote (A keeps its "!"),
    and a name set off by a stressed pronoun after a heading ("X, elle, est à Lima") is the
    subject "elle" refers to."""
    text = (
        "« Ici, on ne sait rien, dit Béatrice. Notre hôtel peut fermer demain. »\n\nPanique à "
        "bord\n\nSarah Mahu, elle, est à Lima. Elle a acheté un billet pour Montréal.\n\n« Vous "
        "imaginez la panique à bord ! lance-t-elle. C’était la course contre la montre. »"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes][2] == "Vous imaginez la panique à bord !"
    assert [speaker_text(text, q) for q in quotes][2:] == ["Sarah Mahu", "Sarah Mahu"]


def test_round31_trailing_attribution_after_a_misparsed_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "A sont sur le point de …, a annoncé leur porte-parole X.": the parse makes a noun of
    the reported clause the verb's subject; a person after the verb is the inverted subject.
    A subject before a comma with a thing after the verb stays no attribution."""
    text = (
        "Les forces du maréchal sont sur le point de se replier de deux kilomètres pour "
        "permettre aux habitants de fêter la fin du ramadan, a annoncé leur porte-parole "
        "Ahmed al-Mesmari. Le ministre qui était en visite à Paris, a annoncé la création "
        "d'un fonds."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text).startswith("Les forces du maréchal")
    assert speaker_text(text, quote) == "Ahmed al-Mesmari"


def test_round31_marks_after_an_infinitive_of_a_cue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a promis de lever « … »": a French infinitive complement of a verb of saying does not
    end the clause before the marks (as "urged users to deploy "…"" in English)."""
    text = "Le président a promis de lever « tous les droits de douane » sur les produits."
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.label == "direct" and speaker_text(text, quote) == "président"


def test_round31_se_feliciter_que(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "s'est félicité que …" reports (a phrase cue); "a félicité les pompiers" does not."""
    text = (
        "Le ministre s'est félicité que les négociations aient enfin abouti. Le maire a "
        "félicité les pompiers pour leur courage."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text) == "les négociations aient enfin abouti"


def test_round31_adjuncts_between_a_condemning_verb_and_its_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a dénoncé devant les journalistes, jeudi, à son retour, les « … »": adjuncts opening
    on a preposition and closed by a comma do not hide the verb; an object before the comma
    ("a dénoncé la corruption, les « … »") still does."""
    text = (
        "La ministre a dénoncé devant les journalistes, jeudi, à son retour de Berlin, les "
        "« discours politiques extraordinairement coupables ». Le syndicat a dénoncé la "
        "corruption, les « élites déconnectées de la réalité »."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text).startswith("discours") and speaker_text(text, quote) == "ministre"


@pytest.mark.parametrize("cue", ["s'inquiète", "s’indigne"])
def test_round31_reflexive_verb_read_as_an_adjective(nlp_fr, cue: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … », s'inquiète X": after a reflexive clitic, "inquiète" / "indigne" (tagged as
    adjectives) are the verbs of the direct-only list; "s'inquiète de la situation" quotes
    nothing."""
    text = (
        f"« Le procès ne présentera aucune garantie d'impartialité », {cue} Jean Dupuis. "
        "Le maire s'inquiète de la situation."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Jean Dupuis"


def test_round31_infinitive_of_saying_after_a_preposition_is_no_attribution(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon lui, A … pour donner la possibilité de se rendre visite et de communiquer": an
    infinitive after a preposition does not say who speaks, so "selon lui" still does."""
    text = (
        "Le porte-parole de l'armée, Karim Saleh, s'est exprimé mardi. Selon lui, l'armée "
        "s'apprête à se replier pour donner aux habitants la possibilité de se rendre visite et "
        "de communiquer pendant les fêtes."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text).startswith("l'armée s'apprête")
    assert speaker_text(text, quote) == "Karim Saleh"


def test_round31_coordinated_condemned_objects(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a dénoncé un chantier « pharaonique » et un budget « sous-évalué de … »": the marks of
    the first object do not hide the verb from the second one's."""
    text = (
        "L'opposition a dénoncé un chantier « pharaonique » et un budget « sous-évalué d'au "
        "moins 80 millions d'euros »."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert (
        quote.text_of(text).startswith("sous-évalué") and speaker_text(text, quote) == "opposition"
    )


def test_round31_fronted_source_before_impersonal_on(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "De source diplomatique, on indique que …": the source opening the sentence speaks for
    the impersonal "on"; a bare "On indique que …" names nobody."""
    text = (
        "De sources proches du dossier, on affirme que le contrat sera signé lundi. On indique "
        "aussi que la cérémonie aura lieu à Nantes."
    )
    first, second = entity_quotes(nlp_fr, text)
    assert speaker_text(text, first) == "sources proches du dossier"
    assert speaker_text(text, second) is None


def test_round31_second_verb_of_saying_after_a_conjunction_ends_the_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a reconnu avoir A mais a nié toute négligence": the report ends before "mais a
    nié" (the same subject's next verb of saying), whether or not that verb reports."""
    text = (
        "Le gérant de la résidence a reconnu avoir sous-estimé la chaleur dans les étages mais "
        "a nié toute négligence."
    )
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text) == "avoir sous-estimé la chaleur dans les étages"


def test_round31_phrase_cue_with_a_typographic_elision(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "s’est dit" (typographic apostrophe, as most French outlets print it) is the phrase
    "se dire" like "s'est dit": the model lemmatises "s’" as itself, not as "se"."""
    text = "Le gouverneur s’est dit « raisonnablement optimiste » pour l’économie française."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "gouverneur"


def test_round31_marked_comment_closing_an_attributed_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Selon X, A, « une première depuis la création du prix ».": the marked noun phrase
    closing the sentence after a comma is X's words; a short marked name is not."""
    text = (
        "Le président du jury, Antoine Roussel, était ravi. Selon lui, les lycéens ont choisi le "
        "roman dès le premier tour, « une première depuis la création du prix ».\n\nSelon "
        "l'agence, les rebelles ont attaqué la ville, « Bab Amr »."
    )
    quotes = entity_quotes(nlp_fr, text)
    direct = [q for q in quotes if q.label == "direct"]
    assert [q.text_of(text) for q in direct] == ["une première depuis la création du prix"]
    assert speaker_text(text, direct[0]) == "Antoine Roussel"


def test_round32_first_person_quote_without_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Je n'ai pas décidé, a-t-il mentionné" with its marks lost: the quote's own "je" does
    not make the line a first-person account whose "il" is a person met in it ("un poste de
    conseiller"); "il" is the man spoken of."""
    text = (
        "Gérard Lemoine a été conseiller municipal de 2013 à 2018. Photo : Paul Roche\n"
        "L'avenir de Gérard Lemoine est incertain. Il dit réfléchir à l'idée d'être candidat à "
        "un poste de conseiller à Vesoul. Je n'ai pas décidé, a-t-il mentionné."
    )
    quote = entity_quotes(nlp_fr, text)[-1]
    assert quote.text_of(text) == "Je n'ai pas décidé"
    assert speaker_text(text, quote) == "Gérard Lemoine"


def test_round32_second_report_in_the_present(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X affirme que A et ajoute que B": two reports of X, like "et a ajouté que" (the
    parse hangs "ajoute" on A's verb); with the first verb in a past tense, B's subject stays
    open (left to A's subject)."""
    text = (
        "Le ministre Paul Durand affirme que le budget est bon et ajoute que les députés "
        "pourraient y trouver leur compte."
    )
    first, second = entity_quotes(nlp_fr, text)
    assert first.text_of(text) == "le budget est bon"
    assert second.text_of(text) == "les députés pourraient y trouver leur compte"
    assert speaker_text(text, first) == speaker_text(text, second) == "Paul Durand"


def test_round32_report_hung_on_the_verb_before_the_infinitive(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a pris soin de souligner, à …, que A, ajoutant que B": the parse hangs A on "pris";
    the verb of saying is the infinitive before it, and "ajoutant" is X's."""
    text = (
        "Donald Trump a notamment pris soin de souligner, à l'attention de son électorat, que la "
        "Chine promettait d'augmenter ses achats de produits agricoles américains de 50 milliards "
        "de dollars, ajoutant qu'il était convaincu que les fermiers sauraient faire face à "
        "cette demande."
    )
    first, second = entity_quotes(nlp_fr, text)
    assert speaker_text(text, first) == speaker_text(text, second) == "Donald Trump"


@pytest.mark.parametrize(
    ("topic", "speaker"),
    [("au chef du Sinn Fein", "chef du Sinn Fein"), ("à Gerry Adams", "Gerry Adams")],
)
def test_round32_topic_before_the_pronoun(nlp_fr, topic: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "Quant au chef du Sinn Fein, il a estimé que": the topic set before "il" is whom it
    stands for, not the person of the sentence before; "Quant aux élections, il" is not."""
    text = f"Tony Blair a fixé un ultimatum. Quant {topic}, il a estimé que l'accord serait caduc."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == speaker
    text = "Tony Blair a parlé. Quant aux élections, il a estimé qu'elles auraient lieu en mai."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Tony Blair"


def test_round32_condemning_verb_right_before_the_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X rejette « le catastrophisme … »": marks opening before the article."""
    text = "Le conseiller municipal rejette « le catastrophisme et l'autoflagellation »."
    (quote,) = entity_quotes(nlp_fr, text)
    assert quote.text_of(text) == "le catastrophisme et l'autoflagellation"
    assert speaker_text(text, quote) == "conseiller municipal"


def test_round32_name_opening_a_participle_clause(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« A », répond X, Y soulignant que … « B »": Y opens a clause of its own (no
    apposition of X), and B is Y's words, not X's."""
    text = (
        "« Nous gèrerons au mieux pour assurer la pérennité des entreprises », répond Thierry "
        "Gagnez, Pierre Ehret soulignant d'ailleurs que les équipementiers vosgiens se sont "
        "« bien positionnés sur le marché mondial »."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quotes[0]) == "Thierry Gagnez"
    marked = next(q for q in quotes if q.text_of(text).startswith("bien positionnés"))
    assert speaker_text(text, marked) == "Pierre Ehret"


def test_round32_quoted_paragraphs_past_a_subheading(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """A quote filling its paragraph right after a paragraph the same speaker's quote closes
    goes on in that voice, also past a verbless subheading line."""
    text = (
        "Le maire, Jean Morel, a présenté le contrat. L'adjoint Paul Roux précisa : « La commune "
        "est prête à se lancer dans ces projets pour l'enfance et la jeunesse. »\n"
        "Programme d'investissements.\n"
        "« Dès 2001, la municipalité envisage de restructurer les locaux de l'école maternelle. »\n"
        "« Ces deux projets vont dans le sens de la politique menée par les élus. »"
    )
    quotes = entity_quotes(nlp_fr, text)
    assert len(quotes) == 3
    assert {speaker_text(text, q) for q in quotes} == {"Paul Roux"}


def test_round32_quotes_joined_by_et_before_the_cue(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "La crise « est un test » et « les enjeux sont énormes », a-t-il déclaré": the first
    quote waits for the cue after the second, across "et" as across a comma."""
    text = (
        "Dominique de Villepin a parlé hier.\nLa crise en Irak « est un test » et « les enjeux "
        "sont énormes », a-t-il déclaré lors d'une conférence de presse."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes] == ["est un test", "les enjeux sont énormes"]
    assert {speaker_text(text, q) for q in quotes} == {"Dominique de Villepin"}


def test_round32_selon_la_tradition_is_no_source(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Selon la tradition, Michel Barnier est sénateur de Savoie et Pascal Lamy socialiste."
    assert entity_quotes(nlp_fr, text) == []


@pytest.mark.parametrize(
    "role",
    [
        "la secrétaire à l'Intérieur",
        "la secrétaire à l'Intérieur (Environnement)",
        "le ministre de l'Intérieur (PS)",
    ],
)
def test_round32_name_after_a_portfolio_or_a_parenthesis(nlp_fr, role: str) -> None:  # type: ignore[no-untyped-def]
    """ "a indiqué la secrétaire à l'Intérieur (Environnement), X": a capitalised portfolio
    after "à" and a parenthesis (a party, a department) do not hide the apposed name."""
    text = f"Les Jeux relanceront l'activité touristique, a indiqué jeudi {role}, Gale Norton."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Gale Norton"


def test_round32_agreement_read_within_the_line(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, s'inquiète X\\n\\nUne marche sera organisée": a parse across the paragraph break
    makes X the subject of "organisée"; that feminine ending says nothing of X, and "il" after
    X's next quote is X."""
    text = (
        "Selon l'un des membres du comité, Jean-François Bayart, « elle a perdu beaucoup de "
        "poids ». « Roland Marchal est désemparé et confronté à des problèmes de santé », "
        "ajoute-t-il. Le procès « ne présentera aucune garantie d'impartialité », s'inquiète "
        "Jean-François Bayart\n\nUne marche silencieuse sera organisée mardi à Paris."
    )
    quote = next(q for q in entity_quotes(nlp_fr, text) if "désemparé" in q.text_of(text))
    assert speaker_text(text, quote) == "Jean-François Bayart"


@pytest.mark.parametrize(
    "aside",
    [
        "Il convient de signaler, par ailleurs, qu'",
        "Il faut préciser qu'",
        "Enfin, il est important de mentionner qu'",
        "A souligner qu'",
    ],
)
def test_round32_writer_asides_report_nobody(nlp_fr, aside: str) -> None:  # type: ignore[no-untyped-def]
    """The writer's own impersonal asides are no quotes; "a tenu à souligner que" is one."""
    text = f"Le ministre Karim Omari a visité la ferme. {aside}avant, ils vendaient à perte."
    assert entity_quotes(nlp_fr, text) == []
    text = "Le ministre Karim Omari a tenu à souligner que les aviculteurs vendaient à perte."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Karim Omari"


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("le ministre de l'Economie et des Finances", "Bruno Le Maire"),
        ("le président de la chambre de Commerce et d’Industrie de Blida", "Riad Amour"),
    ],
)
def test_round32_role_with_two_portfolios(nlp_fr, role: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "le ministre de l'Economie et des Finances, X": the second capitalised complement is
    part of the role, so the name after the comma is its apposition; "Le ministre de la Santé
    et des responsables locaux" stays two subjects."""
    text = f"« Nous sollicitons toutes les bonnes volontés », avait expliqué {role}, {name}."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == name
    text = "Le ministre de la Santé et des responsables locaux ont affirmé que l'hôpital rouvrira."
    assert len(entity_quotes(nlp_fr, text)) == 2


def test_round32_tried_for_is_no_opinion(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "est jugé lundi pour « … »" is a trial, not an opinion (only this passive of "juger"
    is dropped: "jugée très encourageante par X" may report X's opinion)."""
    text = (
        "Un pilote de ligne, soupçonné d'avoir visionné des vidéos, est jugé depuis lundi pour "
        "« complicité d'agressions sexuelles » à Paris."
    )
    assert all(q.attrs["cue_lemma"] != "juger" for q in entity_quotes(nlp_fr, text))


@pytest.mark.parametrize("day", ["ce mercredi 5 février", "ce matin"])
def test_round32_day_after_ce_before_an_inverted_subject(nlp_fr, day: str) -> None:  # type: ignore[no-untyped-def]
    """ "…, a déclaré ce mercredi 5 février le Président russe": the day phrase is skipped, the
    inverted subject comes after it."""
    text = f"Moscou est prêt à travailler avec Ottawa, a déclaré {day} le Président russe."
    (quote,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quote) == "Président russe"


# Round 32, one quote whose speaker a rule fixes (the id names the rule; each case failed before
# it): a hyphenated role the tokenizer splits ("progressiste-conservateur X"); advising with
# marks ("« … », conseille la Poste"); "Se présentant comme un simple militant, …": an attribute
# the parse made a subject is no antecedent; a colon the parse hangs on what follows it ("Ses
# convictions, il les puise … : « … »"); the subject of a comparative clause ("comme le souhaite
# X") is a less salient antecedent; a present participle after the marks ("« … », évoquant la
# crise") takes an object, not an inverted subject; of two subjects the parse hangs on one verb,
# with a finite verb between them, the later one is the verb's own. ``last``: the quote checked
# is the text's last one.
@pytest.mark.parametrize(
    ("text", "speaker", "last"),
    [
        pytest.param(
            (
                "Le premier ministre progressiste-conservateur Blaine Higgs affirme que son "
                "budget contient de bons éléments."
            ),
            "Blaine Higgs",
            False,
            id="hyphenated_role_before_a_name",
        ),
        pytest.param(
            (
                "Que faire quand tout est plein ? « Allez en trouver une autre », conseille "
                "la Poste."
            ),
            "Poste",
            False,
            id="advice_in_marks",
        ),
        pytest.param(
            (
                "Pierre Moscovici a effectué une rentrée politique hier. Se présentant plus "
                "que jamais comme un simple militant et un élu de base, l'ancien ministre "
                "socialiste, se définit trois axes de réflexion. Sur le plan de la stratégie, "
                "il estime que le PS doit repenser ses liens avec la Gauche."
            ),
            "Pierre Moscovici",
            False,
            id="attribute_after_comme_is_no_antecedent",
        ),
        pytest.param(
            (
                "Pierre Moscovici a fait sa rentrée hier. Ses convictions, il les puise aussi "
                "bien dans la rigueur que le rêve : « Nous devons organiser et réguler le "
                "capitalisme. »"
            ),
            "Pierre Moscovici",
            False,
            id="colon_hung_on_what_follows",
        ),
        pytest.param(
            (
                "Pierre Moscovici oppose sa volonté de demeurer libre, plaidant en faveur "
                "d'une sixième république comme le souhaite Arnaud Montebourg. Ses "
                "convictions, il les puise aussi bien dans la rigueur que le rêve : « Nous "
                "devons organiser et réguler le capitalisme. »"
            ),
            "Pierre Moscovici",
            True,
            id="subject_of_a_comme_clause_is_less_salient",
        ),
        pytest.param(
            (
                "Le ministre a parlé de « une situation très grave », évoquant la crise des "
                "réfugiés."
            ),
            "ministre",
            False,
            id="participle_after_the_marks_is_no_inversion",
        ),
        pytest.param(
            (
                "Sur les effets pour la Grèce et la relance européenne post-Covid-19 lorsque "
                "la Russie et la Turquie, deux grands voisins commerciaux de l’Europe, sont "
                "en rivalité politique et militaire, le ministre grec a déclaré que l’Europe "
                "et la Turquie avaient des accords."
            ),
            "ministre grec",
            False,
            id="subject_of_the_clause_before_is_not_the_speaker",
        ),
    ],
)
def test_round32_one_quote_and_its_speaker(nlp_fr, text: str, speaker: str, last: bool) -> None:  # type: ignore[no-untyped-def]
    quotes = entity_quotes(nlp_fr, text)
    assert last or len(quotes) == 1
    assert speaker_text(text, quotes[-1]) == speaker


# Round 33, from the fourteenth batch's dev misses: a participle of saying after a reported
# clause is the reporter's ("a précisé que A, soulignant que B"), an infinitive before it has no
# subject of its own; a participle with marks stays with the clause it follows.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            (
                "Le commandant Salem Jeha a précisé que la moitié des civils de la ville avaient "
                "fui, soulignant que les rebelles faisaient leur possible pour éviter toute perte."
            ),
            "Salem Jeha",
            id="participle_after_a_report_is_the_reporters",
        ),
        pytest.param(
            (
                "Un collectif de riverains a annoncé lundi la création d'une association pour "
                "défendre le quartier, précisant qu'elle serait déclarée en préfecture."
            ),
            "collectif de riverains",
            id="infinitive_before_the_participle_has_no_subject",
        ),
    ],
)
def test_round33_participle_of_saying(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quotes[-1]) == speaker


def test_round33_marked_participle_stays_with_its_clause(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A police spokeswoman told reporters that the driver called the station, saying "
        '"I am the one you are looking for."'
    )
    quotes = entity_quotes(nlp_en, text, "en")
    assert speaker_text(text, quotes[-1]) == "driver"


def test_round33_document_with_its_owner_speaks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a indiqué ce lundi le site du parti": a document named with its owner speaks for that
    owner, not for the latest person or organisation before it."""
    text = (
        "Le président Jean Morel a été reconduit. Tous les autres membres de la direction ont "
        "été écartés, a indiqué ce lundi le site du parti."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quotes[-1]) == "site du parti"


def test_description_the_entity_layer_resolved_names_its_person(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    # "le chef de l'Etat russe" shares no role word with "président russe": the entity layer's
    # equivalent ties it to Vladimir Poutine, and the quote's speaker entity follows
    text = (
        "Le président russe Vladimir Poutine a reçu mercredi son homologue turc. « Nous avons "
        "trouvé un terrain d'entente », a déclaré le chef de l'Etat russe à l'issue de la "
        "rencontre."
    )
    doc = nlp_fr(text)
    ents = find_entities(doc, "fr")
    (q,) = find_quotes(doc, ents, "fr")
    assert text[q.attrs["speaker"][0] : q.attrs["speaker"][1]] == "chef de l'Etat russe"
    assert ents[q.attrs["speaker_entity"]].attrs["canonical"] == "Vladimir Poutine"


# Round 34, from the fifteenth batch's dev misses (invented sentences): subjects the parse got
# wrong (a fronted adverbial, "ce dernier", a stressed pronoun inside the verb), a headline's
# bare surname, a past infinitive after a long adjunct, a report ending before the next
# predicate, an -er verb read as a subjunctive, marked words after a warning or a demand, and a
# relative clause between a verb and its marks.
def test_round34_fronted_place_is_no_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "A Lyon, …": a capital "A" typed for "À" misleads the parse; the place is no speaker,
    the noun phrase after its comma is (without the "de" of "plus de")."""
    text = (
        "A Lyon, plus de 300 gérants de boutiques du centre ont assuré par courrier vouloir "
        "porter plainte contre la mairie."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == "300 gérants de boutiques du centre"


def test_round34_fronted_adverbial_read_as_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Lors de sa première interview …, X, doyen …, a assuré qu'…": the parse of a real page
    forced, the adverbial (with its own preposition) as subject and the name as its apposition."""
    text = (
        "Lors de sa première interview depuis mars, Paul Verdier, doyen des maires du "
        "département, a assuré qu'il ne démissionnerait pas."
    )
    doc = nlp_fr(text)
    at = {t.text: t.i for t in doc}
    links = {at["interview"]: (at["assuré"], "nsubj"), at["Paul"]: (at["interview"], "appos")}
    links |= {at["de"]: (at["interview"], "case")}
    (q,) = find_quotes(relinked(doc, links), find_entities(doc, "fr"), "fr")
    assert speaker_text(text, q) == "Paul Verdier"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            (
                "Le maire a écrit au préfet Jean Roux. Ce dernier a refusé le projet, estimant "
                "que la commune devait financer seule les travaux."
            ),
            "Jean Roux",
            id="ce_dernier_is_the_latest_person",
        ),
        pytest.param(
            (
                "Les riverains ont écrit à la SNCF pour réclamer un nouvel arrêt. Cette dernière "
                "a refusé, expliquant que la ligne était déjà saturée."
            ),
            "SNCF",
            id="cette_derniere_may_be_an_organisation",
        ),
    ],
)
def test_round34_parsed_latter_subject(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """A parsed subject "ce dernier" / "cette dernière" is the latest person or organisation
    named, an object too, as after the verb; not the description "dernier"."""
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, quotes[-1]) == speaker


def test_round34_stressed_pronoun_inside_the_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a lui aussi refusé …, jugeant que …": the parse of a real page forced, the auxiliary
    and the subject hung on the stressed pronoun; the participle still takes X, not the name in
    the object."""
    text = (
        "Le comité a lui aussi refusé toute rencontre avec Louis Garnier, jugeant que cet élu "
        "avait perdu toute crédibilité."
    )
    doc = nlp_fr(text)
    at = {t.text: t.i for t in doc}
    verb, lui = at["refusé"], at["lui"]
    links = {at["comité"]: (lui, "nsubj"), at["a"]: (lui, "aux:tense"), lui: (verb, "expl:pass")}
    (q,) = find_quotes(relinked(doc, links), find_entities(doc, "fr"), "fr")
    assert speaker_text(text, q) == "comité"


def test_round34_headline_surname_speaks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Morel : « … »" as the title of an article naming Olivier Morel: the bare surname opening
    the headline is that person even when the entity layer took it for an organisation."""
    text = (
        "Le Journal du soir\n"
        "Morel : « La réforme des retraites ira jusqu'à son terme »\n"
        "Le ministre du Travail Olivier Morel a exclu dimanche tout report du texte, malgré "
        "la mobilisation des syndicats dans plusieurs villes.\n"
    )
    at, full = text.index("Morel"), text.index("Olivier Morel")
    ents = [
        Span(at, at + 5, "ORG", {"canonical": "Morel"}),
        Span(full, full + 13, "PER", {"canonical": "Olivier Morel"}),
    ]
    q = by_content(text, quotes_of(nlp_fr, text, "fr", ents), "La réforme")
    assert speaker_text(text, q) == "Morel"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            (
                "La directrice de l'agence, Claire Morin, a déclaré après sa visite dans la région "
                "avoir conclu un compromis avec les élus locaux."
            ),
            "avoir conclu un compromis avec les élus locaux",
            "Claire Morin",
            id="past_infinitive_after_a_long_adjunct",
        ),
        pytest.param(
            (
                "Le préfet a annoncé lors de sa visite en Bretagne avoir obtenu des crédits pour "
                "la digue."
            ),
            "avoir obtenu des crédits pour la digue",
            "préfet",
            id="past_infinitive_after_a_named_place",
        ),
    ],
)
def test_round34_past_infinitive_after_an_adjunct(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, content: str, speaker: str
) -> None:
    """ "a déclaré après sa visite … avoir conclu …": past a long adjunct, or one naming a place,
    a past infinitive (avoir/être + participle) is the reported claim."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == content
    assert speaker_text(text, q) == speaker


def test_round34_named_object_then_infinitive_is_no_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "a observé le maire X quitter la salle": what someone saw a named person do."""
    text = "Un témoin a observé le maire Paul Durand quitter la salle sous les huées des habitants."
    assert entity_quotes(nlp_fr, text) == []


def test_round34_report_ends_before_the_next_predicate(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a rappelé que « A », et a mis en garde contre « B »": the verb joined to the cue with
    its own auxiliary is X's next predicate; no indirect quote runs over "et a mis"."""
    text = (
        'La maire Anne Leroy a rappelé que "chaque hiver, les mêmes rues sont inondées", '
        'et a mis en garde contre "une nouvelle catastrophe".'
    )
    quotes = entity_quotes(nlp_fr, text)
    assert not any("a mis" in q.text_of(text) for q in quotes)
    assert {speaker_text(text, q) for q in quotes} == {"Anne Leroy"}


def test_round34_er_verb_read_as_subjunctive_still_reports(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X estime de nouveau que …": an -er verb has one present form for the indicative and the
    subjunctive; the tagger's subjunctive (forced here, as on a real page) without "que" before
    the verb is no wish but a report."""
    text = "La ministre de la Culture estime de nouveau que le musée de la ville doit rouvrir."
    doc = relinked(nlp_fr(text), {})
    verb = next(t for t in doc if t.text == "estime")
    verb.set_morph("Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    (q,) = find_quotes(doc, find_entities(doc, "fr"), "fr")
    assert q.text_of(text) == "le musée de la ville doit rouvrir"
    assert speaker_text(text, q) == "ministre de la Culture"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            (
                'Le ministre Paul Durand a mis en garde contre une "spirale de violence" dans la '
                "région."
            ),
            "Paul Durand",
            id="mettre_en_garde_contre",
        ),
        pytest.param(
            (
                'Le collectif des riverains a réclamé mardi des "signes clairs d\'apaisement" de '
                "la part de la mairie."
            ),
            "collectif des riverains",
            id="reclamer",
        ),
        pytest.param(
            "Les parents d'élèves exigent un \"vrai plan de rénovation\" pour l'école du quartier.",
            "parents d'élèves",
            id="exiger",
        ),
    ],
)
def test_round34_warned_or_demanded_words_are_the_subjects(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "X a mis en garde contre une « … »", "X a réclamé des « … »", "X exige un « … »": what
    one warns against or demands, marked after an article, is one's own words, as after
    "dénoncer"."""
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == speaker


def test_round34_relative_clause_with_an_object_is_skipped(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a conseillé à ceux qui soutiennent encore la direction de « … »": the relative clause
    describes the addressees ("soutenir la direction" is support); the marks are X's advice."""
    text = (
        "Le syndicat a conseillé vivement à ceux qui soutiennent encore la direction de "
        '"bien peser leur choix" avant de signer.'
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "bien peser leur choix"
    assert speaker_text(text, q) == "syndicat"


# Round 35, from the sixteenth batch's dev misses (invented sentences): an adverbial locution
# inside an inverted verb of saying, relational role nouns before a name, a participle placing
# a "selon" source, a dative clitic before the verb, and a verbless subject before ", a annoncé"
# read as reported content.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            '"Nous avons perdu une manche, pas le match", a pour sa part assuré Paul Durand, un '
            "élu du quartier.",
            "Paul Durand",
            id="pour_sa_part",
        ),
        pytest.param(
            "« La saison sera longue pour tout le monde », ont à leur tour affirmé les "
            "entraîneurs du club.",
            "entraîneurs du club",
            id="a_leur_tour",
        ),
    ],
)
def test_round35_locution_inside_an_inverted_verb(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a pour sa part assuré X": a locution between the auxiliary and the participle
    ("pour sa part", "de son côté", "à leur tour") is skipped like an adverb; the subject
    after the verb speaks."""
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Son collègue au Logement Marc Lefèvre a jugé que les loyers devaient baisser.",
            "Marc Lefèvre",
            id="collegue",
        ),
        pytest.param(
            "Son prédécesseur au Commerce Marc Lefèvre a affirmé que les taxes allaient baisser.",
            "Marc Lefèvre",
            id="predecesseur",
        ),
    ],
)
def test_round35_relational_role_noun_names_a_person(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "Son collègue au Trésor X a estimé que …": "collègue", "prédécesseur" name a person by
    a relation to another role holder, like "homologue"; the name after the role phrase speaks,
    not the relation noun."""
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "D'après un militant basé à Rennes, Paul Durand, l'usine fermera avant l'été.",
            "Paul Durand",
            id="name_set_off_after_the_place",
        ),
        pytest.param(
            "Selon un opposant réfugié en Belgique, l'usine fermera avant l'été.",
            "opposant réfugié en Belgique",
            id="no_name",
        ),
    ],
)
def test_round35_placed_participle_belongs_to_the_source(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "d'après un militant basé à X, Y, …": a past participle placing the source belongs to
    its phrase; a name set off after it is the source, and the content starts after both."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "l'usine fermera avant l'été"
    assert speaker_text(text, q) == speaker


def test_round35_dative_clitic_is_the_hearer(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "… et des soldats lui ont déclaré que …": with the noun phrase parsed as a conjunct of
    the clause before, the dative "lui" before the verb is the hearer (the reporter), not the
    subject; the noun phrase before it speaks."""
    text = (
        "Le reporter a vu un camion renversé devant la mairie et des soldats lui ont déclaré "
        "que trois hommes avaient été tués."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == "soldats"


def test_round35_verbless_subject_before_its_verb_is_no_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "L'un des membres du comité chargé de …, le Belge X, a annoncé …": a long subject with
    only a participle and an infinitive inside, then a comma, is no clause; without a finite
    verb before ", a annoncé" there is nothing reported."""
    text = (
        "L'un des membres du comité chargé de surveiller les élections, le Belge Paul Janssens, "
        "a annoncé à la radio France Inter sa démission."
    )
    assert entity_quotes(nlp_fr, text) == []


# Round 36, from the sixteenth batch's dev misses (invented sentences): the euphonic "-t-"
# misspelt with an apostrophe ("explique-t'il").
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Paul Durand, un photographe, était présent sur place. « Nous étions trois équipes "
            "dans la ville » explique-t'il.",
            "Paul Durand",
            id="il",
        ),
        pytest.param(
            "Marie Leroy, une infirmière, était présente sur place. « Nous avons soigné une "
            "centaine de blessés », raconte-t'elle.",
            "Marie Leroy",
            id="elle",
        ),
    ],
)
def test_round36_euphonic_t_with_an_apostrophe(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … » explique-t'il": the euphonic "-t-" written with an apostrophe splits into "-",
    "t'", "il"; the pronoun after it is still the inverted subject clitic and is followed
    back to its antecedent."""
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "La syndicaliste a parlé d'un « plan social qui ne dit pas son nom ».",
            "plan social qui ne dit pas son nom",
            "syndicaliste",
            id="d_un",
        ),
        pytest.param(
            "Le ministre a de son côté parlé d'une « décision très difficile pour le pays ».",
            "décision très difficile pour le pays",
            "ministre",
            id="locution_before_the_participle",
        ),
    ],
)
def test_round36_spoke_of_an_indefinite_marked_noun(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, content: str, speaker: str
) -> None:
    """ "X a parlé d'un « … »": "parler de" is a cue only before marks; in the compound past
    (one speech event) an indefinite article may stand between the preposition and the marks
    and the marked noun phrase is still X's words (a definite article names a thing: "a parlé
    de la « troisième voie »" stays out; the present "parlent d'une « … »" describes, round 27)."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == content
    assert speaker_text(text, q) == speaker
    named = "Le ministre a parlé de la « troisième voie pour le pays » dans son discours."
    assert entity_quotes(nlp_fr, named) == []


def test_round36_adjunct_set_off_inside_a_cue_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a parlé, dans un dernier bilan, de « … »": an adjunct set off by two commas inside
    a phrase of saying does not break it (only an adjunct without a verb is skipped); the
    phrase stays a cue only before marks ("a parlé, lundi, de la situation" is no quote)."""
    text = (
        "Le syndicat a parlé, dans un dernier communiqué, de « 200 salariés licenciés sans "
        "préavis »."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "200 salariés licenciés sans préavis"
    assert speaker_text(text, q) == "syndicat"
    assert entity_quotes(nlp_fr, "Le syndicat a parlé, lundi, de la situation des salariés.") == []


def test_round36_stray_closing_mark_opens_nothing(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """'a dit "A" avant la réunion du comité" de l'usine.': a straight mark glued to the word
    before it, followed by a space and with no mark after it in the paragraph, is a closer
    whose opener was lost; it opens no quote running into the next paragraph, whose marks
    keep their own pairs. A mark of that shape that a later mark closes still opens."""
    text = (
        'Le syndicat a dit "vouloir rencontrer la direction" avant la réunion du comité" de '
        "l'usine.\n"
        'Le syndicat a précisé que la "grève" avait commencé lundi et a annoncé "une journée de '
        'mobilisation nationale dans toutes les usines du groupe".\n'
    )
    quotes = entity_quotes(nlp_fr, text)
    said = by_content(text, quotes, "avait commencé")
    assert said.text_of(text) == 'la "grève" avait commencé lundi'
    day = by_content(text, quotes, "journée de mobilisation")
    assert speaker_text(text, day) == "syndicat"
    glued = (
        '"Nous condamnons fermement cette décision", a ajouté la ministre, en demandant aux '
        'dirigeants" de protéger les salariés de l\'usine".\n'
    )
    assert by_content(glued, entity_quotes(nlp_fr, glued), "de protéger").label == "direct"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Le sénateur Paul Durand a critiqué la décision. Pour lui, il est clair que la "
            "réforme s'impose.",
            "il est clair que la réforme s'impose",
            "Paul Durand",
            id="lui",
        ),
        pytest.param(
            "Les syndicats ont manifesté lundi. Pour eux, la réforme est injuste.",
            "la réforme est injuste",
            "syndicats",
            id="eux",
        ),
    ],
)
def test_round36_opinion_frame_with_a_pronoun(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, content: str, speaker: str
) -> None:
    """ "Pour lui, il est clair que …": like "Pour X, …" with a named source, a stressed
    pronoun after the opening "pour" and before a comma gives the rest of the sentence as the
    opinion of the person it stands for, followed back to its antecedent."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == content
    assert speaker_text(text, q) == speaker


def test_round36_pour_and_a_pronoun_for_whose_sake_is_no_opinion(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Pour elle, il a tout quitté": "pour" + pronoun says for whose sake the rest was done;
    only a clause whose first verb judges ("est", "faut", "semble") is the person's opinion."""
    text = (
        "Marie Dupont a rencontré son mari en 1990. Pour elle, il a tout quitté et s'est "
        "installé à Lyon."
    )
    assert entity_quotes(nlp_fr, text) == []


def test_round36_attribution_ends_a_quote_left_open(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """'"A, dit X, role. "B."': the writer left the first quote open and its words end on an
    inserted attribution; the mark after the sentence end opens the next quote. A is cut
    before the attribution and both quotes are X's."""
    text = (
        "Les habitants accusent des brigades venues du sud.\n"
        "\"Les soldats ne se battent pas, ils s'enfuient, dit Paul Durand, chef d'une unité "
        "locale dans le nord de la ville. \"Mais nous craignons qu'ils ne se regroupent dans le "
        'désert et ne reviennent attaquer."\n'
    )
    quotes = entity_quotes(nlp_fr, text)
    first = by_content(text, quotes, "ne se battent pas")
    assert first.text_of(text) == "Les soldats ne se battent pas, ils s'enfuient"
    second = by_content(text, quotes, "Mais nous craignons")
    assert [speaker_text(text, q) for q in (first, second)] == ["Paul Durand", "Paul Durand"]


# Round 37, from the dev misses of the whole gold (invented sentences): a straight mark left
# open at the end of a paragraph.
def test_round37_straight_mark_left_open_does_not_run_on(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """'avant de conclure "A.' then a paragraph 'ont dénoncé un nouveau "B" en …': the writer
    forgot the closing mark of A; the next paragraph's straight marks pair among themselves
    (its first one opens: a space before, a word after), so A does not run on into it and B
    keeps its own pair and cue."""
    text = (
        'La présentatrice a interrogé les habitants avant de conclure "voilà ce que font les '
        "bandes armées dans cette ville.\n\n"
        'Le syndicat a dénoncé un nouveau "projet absurde et coûteux" en publiant une lettre '
        "ouverte.\n"
    )
    quotes = entity_quotes(nlp_fr, text)
    project = by_content(text, quotes, "projet absurde")
    assert project.text_of(text) == "projet absurde et coûteux"
    assert speaker_text(text, project) == "syndicat"
    assert not any("\n" in q.text_of(text) for q in quotes)


# A description set off by a comma after a "selon" source belongs to the source (stop 36).
def test_a_described_source_after_selon(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """'…, selon Paul Durand, un habitant.' is no count ("un" + a noun) and no report: the
    report is the clause before; fronted, the description is skipped; 'selon un habitant,
    Paul Durand.' names the source at the end of the sentence."""
    for text, content in (
        ("La ville a été bombardée toute la nuit, selon Paul Durand, un habitant.", "La ville"),
        ("Selon Paul Durand, un habitant de Homs, la ville a été bombardée.", "la ville"),
        ("La ville a été bombardée, selon un habitant, Paul Durand.", "La ville"),
    ):
        quotes = entity_quotes(nlp_fr, text)
        assert len(quotes) == 1, [q.text_of(text) for q in quotes]
        assert quotes[0].text_of(text).startswith(content), quotes[0].text_of(text)
        assert "habitant" not in quotes[0].text_of(text)
        assert speaker_text(text, quotes[0]) == "Paul Durand"


# Round 38, from the seventeenth batch's dev misses (invented sentences): a verb of judging
# with its adjective attribute before the object.
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Le syndicat a jugé « inacceptable » la fermeture de l'usine de Lyon.",
            "« inacceptable » la fermeture de l'usine de Lyon",
            "syndicat",
            id="marked_attribute",
        ),
        pytest.param(
            "La ministre Marie Leroy a estimé insuffisante une aide qui ne couvre pas les pertes.",
            "insuffisante une aide qui ne couvre pas les pertes",
            "Marie Leroy",
            id="bare_attribute",
        ),
    ],
)
def test_round38_judged_attribute_before_the_object(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, content: str, speaker: str
) -> None:
    """ "X a jugé « inacceptable » la décision": "juger" / "estimer" with an adjective attribute
    before an object (an article after it) report X's judgement, from the adjective and its
    marks to the end of the clause; "n'a pas jugé bon de répondre" states a decision."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.label == "indirect"
    assert q.text_of(text) == content
    assert speaker_text(text, q) == speaker
    decided = "Le ministre n'a pas jugé bon de répondre aux questions des journalistes."
    assert entity_quotes(nlp_fr, decided) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "« Il ne s'agit en aucun cas d'un abandon de notre engagement envers les salariés » "
            "de l'usine, a renchéri la ministre Marie Leroy.",
            "Marie Leroy",
            id="complement",
        ),
        pytest.param(
            "« Nous continuerons à soutenir le gouvernement » intérimaire malien, a assuré le "
            "diplomate Paul Durand lundi.",
            "Paul Durand",
            id="adjectives",
        ),
    ],
)
def test_round38_marks_closing_inside_a_noun_phrase(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … » intérimaire égyptien, a renchéri X": the marks close before the last words of
    the noun phrase they open (a complement, adjectives); those few verbless words are skipped
    and the inverted attribution after the comma still gives the quote its speaker. A tail that
    opens a clause of its own ("mais sa porte-parole, X, a jugé") is not skipped."""
    quotes = entity_quotes(nlp_fr, text)
    assert len(quotes) == 1, [q.text_of(text) for q in quotes]
    assert quotes[0].label == "direct"
    assert text[quotes[0].start - 2] == "«"
    assert speaker_text(text, quotes[0]) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "L'armée a bombardé la ville. De violents combats ont repris près de l'aéroport "
            "militaire, a précisé l'OSDH.\nDes explosions ont été entendues près de la base "
            "aérienne, a-t-elle ajouté.",
            "OSDH",
            id="elided_article",
        ),
        pytest.param(
            "L'armée a bombardé la ville. De violents combats ont repris près de l'aéroport "
            "militaire, a précisé le CNS.\nDes explosions ont été entendues près de la base "
            "aérienne, a-t-il ajouté.",
            "CNS",
            id="article",
        ),
    ],
)
def test_round38_continuing_pronoun_takes_an_organisation_that_spoke(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, speaker: str
) -> None:
    """ "…, a précisé l'OSDH. …, a-t-elle ajouté": an organisation named by an acronym shows
    its gender by its article ("le CNS": il) or not at all ("l'OSDH"); a continuing pronoun
    takes it as the latest earlier speaker rather than an organisation named since that has
    not spoken ("l'armée"). The article's gender still rules out the other pronoun."""
    last = entity_quotes(nlp_fr, text)[-1]
    assert speaker_text(text, last) == speaker
    other = text.replace("a-t-il", "a-t-elle") if "CNS" in text else None
    if other is not None:
        assert speaker_text(other, entity_quotes(nlp_fr, other)[-1]) != "CNS"


@pytest.mark.parametrize(
    ("text", "contents", "speaker"),
    [
        pytest.param(
            "Le régime accuse l'opposition et les rebelles d'être des « bandes armées à la "
            "solde de l'étranger ».",
            ["bandes armées à la solde de l'étranger"],
            "régime",
            id="copula_and_coordinated_objects",
        ),
        pytest.param(
            "La famille de Paul Durand a aussi accusé les autorités d'avoir « menti au monde "
            "pendant tout ce temps ».",
            ["menti au monde pendant tout ce temps"],
            "famille de Paul Durand",
            id="past_infinitive",
        ),
        pytest.param(
            "Le ministre Paul Durand a reçu son homologue, l'accusant d'« inciter à la violence » "
            "et de « refuser tout dialogue avec l'opposition ».",
            ["inciter à la violence", "refuser tout dialogue avec l'opposition"],
            "Paul Durand",
            id="clitic_object_and_coordination",
        ),
    ],
)
def test_round38_marks_right_after_an_accusation(  # type: ignore[no-untyped-def]
    nlp_fr, text: str, contents: list[str], speaker: str
) -> None:
    """ "accuser X d'« … »": the marks right after the "de" of an accusation (or after "d'avoir"
    / "d'être des") are the accuser's words, whatever stands for the accused (coordinated noun
    phrases, a clitic), and so are the marks of a second complement "et de « … »"; in the
    passive ("a été accusée de « … »") the accuser is unnamed and nothing is reported."""
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes] == contents
    assert {speaker_text(text, q) for q in quotes} == {speaker}
    passive = "La militante a été accusée de « porter atteinte au sentiment national »."
    assert entity_quotes(nlp_fr, passive) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Le chef du Parti socialiste (PS), principale formation de l'opposition, Paul "
            "Durand, s'est dit prêt jeudi à démissionner de son poste.",
            id="acronym_and_apposition",
        ),
        pytest.param(
            "Le président du syndicat, principale organisation du secteur, Paul Durand, a "
            "déclaré jeudi que la réforme était injuste.",
            id="apposition",
        ),
    ],
)
def test_round38_name_after_a_described_organisation(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Le chef du CNS, principale coalition de l'opposition, X, a dit": the organisation
    closing a role phrase may carry its acronym in brackets and a verbless apposition set off
    by commas before the person's name; the name is still the speaker, not the role phrase."""
    (q,) = entity_quotes(nlp_fr, text)
    assert speaker_text(text, q) == "Paul Durand"


# Round 39, from the dev misses of the whole gold (invented sentences): "Pour X, …" opinion
# frames whose source phrase is long, a country, or followed by an apposition; "s'en prendre à".
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Pour l'ambassadrice des Etats-Unis à l'ONU Marie Dupont, c'est « le pire scénario "
            "qui soit ».",
            "Marie Dupont",
            id="role_phrase_then_name",
        ),
        pytest.param(
            "Pour l'ambassadeur des Etats-Unis, une intervention serait « une grave erreur ».",
            "ambassadeur des Etats-Unis",
            id="role_naming_a_place",
        ),
    ],
)
def test_round39_opinion_of_a_role_phrase(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "Pour l'ambassadrice des Etats-Unis à l'ONU X, …": a job noun heads the source whatever
    place it names, and the comma closing the frame may come after the person named at the end
    of the role phrase."""
    q = next(q for q in entity_quotes(nlp_fr, text) if q.label == "indirect")
    assert q.text_of(text).startswith(("c'est « le pire", "une intervention"))
    assert speaker_text(text, q) == speaker


def test_round39_opinion_of_a_country_with_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Pour l'Inde, « aucune solution militaire » n'est possible": a country stands for its
    government when the rest of the sentence quotes words; without marks "Pour la Syrie, …"
    says for whose sake, and nothing is reported."""
    text = "Pour l'Inde, « aucune solution militaire » n'est possible."
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "« aucune solution militaire » n'est possible"
    assert speaker_text(text, q) == "Inde"
    assert entity_quotes(nlp_fr, "Pour la Syrie, la guerre a coûté très cher.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Pour Jean Dupont, chercheur au CNRS, le pays est aujourd'hui divisé en trois zones.",
            "le pays est aujourd'hui divisé en trois zones",
            id="short_role",
        ),
        pytest.param(
            "Pour Jean Dupont, maître de conférences à Lyon et membre du groupe de recherches et "
            "d'études sur la Méditerranée, le pays est aujourd'hui divisé en trois zones.",
            "le pays est aujourd'hui divisé en trois zones",
            id="coordinated_roles",
        ),
    ],
)
def test_round39_opinion_after_a_role_apposition(nlp_fr, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    """ "Pour X, politologue à Lyon, …": a verbless apposition opening on a bare noun after the
    source describes it; the opinion starts after its comma, and nouns coordinated inside it
    ("de recherches et d'études") are no further speakers."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == content
    assert speaker_text(text, q) == "Jean Dupont"
    topic = "Pour Jean Dupont, la décision, prise trop tard, est une erreur."
    (t,) = entity_quotes(nlp_fr, topic)
    assert t.text_of(topic) == "la décision, prise trop tard, est une erreur"


def test_round39_s_en_prendre_a(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, s'en prenant également à « … »": "s'en prendre à" (to attack in words) introduces
    the marked words of the clause's subject, like "dénoncer"."""
    text = (
        "La famille a accusé la police, s'en prenant également à « la lenteur de la justice "
        "française »."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "la lenteur de la justice française"
    assert speaker_text(text, q) == "famille"


# Round 40, from the dev misses of the eighteenth batch (invented sentences): an object the
# parse made a second, inverted subject.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Parlant au nom de l'Europe, le président français, Jean Dupont, a haussé le ton "
            "face à l'OTAN, soulignant qu'elle n'avait pas été mandatée pour conduire « une "
            "guerre ».",
            "Jean Dupont",
            id="object_after_the_verb",
        ),
        pytest.param(
            "« Les corps de dix civils ont été retrouvés près du marché, dont certains "
            "poignardés par les chabbiha », les milices locales, a affirmé Paul Durand, "
            "militant local.",
            "Paul Durand",
            id="named_inverted_subject_kept",
        ),
    ],
)
def test_round40_one_subject_per_verb(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "Le président, X, a haussé le ton face à Y, soulignant que …": a verb has one subject;
    a common noun after it, when the parse also gave it a subject before it with only an
    apposition between, is its object ("le ton"), so the participle's speaker is X. A name or
    a person after the verb stays its inverted subject."""
    quotes = entity_quotes(nlp_fr, text)
    assert quotes
    assert {speaker_text(text, q) for q in quotes} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "« Une ambassade sera ouverte à Lyon », a déclaré un de ces émissaires, Paul Durand, "
            "« elle sera installée de façon provisoire à Lyon, avant de revenir à Paris ».",
            "Paul Durand",
            id="quote_resumed_after_its_attribution",
        ),
        pytest.param(
            "En clair, explique un connaisseur de la diplomatie russe, « les Russes ont un "
            "véritable intérêt dans ce conflit ».",
            "connaisseur de la diplomatie russe",
            id="fronted_adverbial_then_inversion",
        ),
    ],
)
def test_round40_inverted_subject_before_the_mark(nlp_fr, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "« … », a déclaré X, « … »" / "En clair, explique X, « … »": a verb of saying set off
    by a comma with no subject before it, then a phrase and a comma before the opening mark:
    the phrase is its inverted subject, and the marks after it are its words."""
    quotes = entity_quotes(nlp_fr, text)
    assert quotes[-1].text_of(text).startswith(("elle sera", "les Russes"))
    assert {speaker_text(text, q) for q in quotes} == {speaker}


def test_round40_listed_speakers_of_a_plural_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "le président A, le Premier ministre B et le président C ont déclaré que …": a list of
    role phrases and names before a plural verb of saying; the parse hangs the middle item on
    the first as an apposition, yet each name speaks the same words (one quote each). A name
    in a complement ("le porte-parole de A") does not."""
    text = (
        "Dans une tribune publiée vendredi, le président américain Jean Martin, le Premier "
        "ministre britannique Paul Durand et le président français Marc Dupont ont déclaré "
        "qu'il était « impossible d'imaginer un avenir avec ce régime »."
    )
    quotes = entity_quotes(nlp_fr, text)
    indirect = [q for q in quotes if q.label == "indirect"]
    assert {speaker_text(text, q) for q in indirect} == {
        "Jean Martin",
        "Paul Durand",
        "Marc Dupont",
    }
    assert {q.text_of(text) for q in indirect} == {
        "il était « impossible d'imaginer un avenir avec ce régime »"
    }
    other = "Les porte-parole de Jean Martin ont déclaré que le régime était « isolé »."
    assert {speaker_text(other, q) for q in entity_quotes(nlp_fr, other)} == {
        "porte-parole de Jean Martin"
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Paul Martin est arrivé. Et c'est sur ce point précis que les discussions "
            "achoppent, explique Jean Dupont, chercheur à l'Institut des études arabes. « Les "
            "insurgés réclament le départ du dirigeant. Ils n'ont jamais dévié de cette ligne. »",
            id="role_apposition",
        ),
        pytest.param(
            "Paul Martin est arrivé. La proposition arrive à point nommé, estime Jean Dupont. "
            "« Tout le monde constate un risque d'enlisement. Il est temps d'arrêter les "
            "bombardements. »",
            id="bare_name",
        ),
    ],
)
def test_round40_quote_after_an_attributed_sentence(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "A, explique X, chercheur à Lyon. « B … »": a quoted sentence right after an unmarked
    sentence attributed at its end (an inverted cue) goes on in the same voice, as after a
    marked quote ("« A », a dit X. « B »")."""
    quotes = entity_quotes(nlp_fr, text)
    direct = [q for q in quotes if q.label == "direct"]
    assert len(direct) == 1
    assert direct[0].text_of(text).startswith(("Les insurgés", "Tout le monde"))
    assert {speaker_text(text, q) for q in quotes} == {"Jean Dupont"}


def test_a_name_cut_inside_one_token_is_read(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """The entity layer leaves 'pro-' outside a name ('les pro-CNT' → 'CNT'): a mention inside
    a single token is mapped to that token (it raised IndexError before)."""
    text = (
        "Le colonel, désormais cerné par les pro-CNT, refuse de négocier. « Il ne se rendra "
        "pas », a affirmé son porte-parole."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes] == ["Il ne se rendra pas"]
    assert speaker_text(text, quotes[0]) == "porte-parole"


# Round 41, from the dev misses of the whole gold (invented sentences): a noun phrase after a
# subordinating conjunction is its own clause's subject.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Le syndicat et la direction se sont rejeté la responsabilité, alors qu'un haut "
            "responsable de l'ONU a dit que « de graves soupçons » pesaient sur les vigiles.",
            id="alors_que",
        ),
        pytest.param(
            "Le régime a nié toute la responsabilité, tandis qu'un haut responsable de l'ONU a "
            "affirmé que l'attaque était « préméditée ».",
            id="tandis_que",
        ),
    ],
)
def test_round41_subject_after_a_subordinator(nlp_fr, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "X a rejeté la responsabilité, alors qu'un responsable a dit que …": the parse hangs
    the noun phrase after "alors qu'" on the main clause's object as an apposition and gives
    that object to the verb; the phrase after the conjunction is the verb's subject."""
    quotes = entity_quotes(nlp_fr, text)
    assert quotes
    assert {speaker_text(text, q) for q in quotes} == {"haut responsable de l'ONU"}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param(
            "Le ministre a affirmé que la réforme serait « juste et rapide », alors qu'au moins "
            "trois hôpitaux ont fermé leurs urgences cet été.",
            "la réforme serait « juste et rapide »",
            id="alors_que",
        ),
        pytest.param(
            "La direction assure que l'usine restera ouverte, tandis que les syndicats craignent "
            "des licenciements massifs.",
            "l'usine restera ouverte",
            id="tandis_que",
        ),
    ],
)
def test_round41_contrast_ends_the_report(nlp_fr, text: str, said: str) -> None:  # type: ignore[no-untyped-def]
    """ "X a affirmé que A, alors que B": a contrastive clause set off by a comma ("alors
    que", "tandis que") is the writer setting the report against a fact; the reported
    clause ends before it."""
    quotes = entity_quotes(nlp_fr, text)
    (q,) = [q for q in quotes if q.label == "indirect"]
    assert q.text_of(text) == said


def test_round41_country_subject_taken_up_by_a_pronoun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "La Turquie a intercepté un avion. Elle a répété que …": a country named as the subject
    of a verb acts for its government, and "elle" / "il" of its article's gender takes it up;
    a person named after it still comes first."""
    text = (
        "La Turquie a procédé lundi au contrôle d'un avion cargo. Elle a en outre répété que "
        "l'appareil transportait du « matériel de guerre »."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert quotes
    assert {speaker_text(text, q) for q in quotes} == {"Turquie"}
    later = (
        "La Turquie a fermé sa frontière lundi. La ministre Anne Durand a réagi jeudi. Elle a "
        "affirmé que la décision était « une erreur »."
    )
    assert {speaker_text(later, q) for q in entity_quotes(nlp_fr, later)} == {"Anne Durand"}


def test_round41_subjectless_verb_after_a_subordinator(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "…, tandis que Pékin, allié de Damas, a affirmé que …": the parse hung the name on the
    clause before and left the verb without a subject; in a clause opened by a subordinating
    conjunction, the noun phrase right after it is the subject."""
    text = (
        "Un expert de l'ONU a estimé que l'armée utilisait probablement des mines "
        "antipersonnel, tandis que Pékin, allié de Damas, a affirmé que les insurgés avaient "
        "« reçu des armes de l'étranger »."
    )
    quotes = entity_quotes(nlp_fr, text)
    later = [q for q in quotes if "insurgés" in q.text_of(text) or "reçu" in q.text_of(text)]
    assert len(later) == 2
    assert {speaker_text(text, q) for q in later} == {"Pékin"}


def test_round41_indefinite_pronoun_names_nobody(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Certains ont fait valoir que …", "D'aucuns estiment que …": an indefinite pronoun
    standing alone names nobody (no speaker, like "on"); with a complement ("certains de ces
    habitants") it is a group that speaks."""
    text = (
        "Les écarts de salaire persistent dans de nombreux secteurs.\n\nCertains ont fait valoir "
        "que les femmes seraient moins disposées à prendre des risques."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text).startswith("les femmes seraient")
    assert speaker_text(text, q) is None
    group = "Mais certains de ces habitants affirment avoir été expulsés de force par la police."
    (g,) = entity_quotes(nlp_fr, group)
    assert speaker_text(group, g) == "certains de ces habitants"


# Round 42, from the dev misses of the whole gold (invented sentences): the marked attribute of
# a naming verb ("qualifier X de « … »") wherever its object stands.
@pytest.mark.parametrize(
    ("text", "said", "who"),
    [
        pytest.param(
            "Le président Paul Durand a qualifié de « pure provocation politique » la décision "
            "du tribunal.",
            "pure provocation politique",
            "Paul Durand",
            id="object_after_the_marks",
        ),
        pytest.param(
            "Le romancier Marc Lefort avait d'abord applaudi à l'élection du maire, la "
            "qualifiant de « victoire pour la démocratie locale ».",
            "victoire pour la démocratie locale",
            "Marc Lefort",
            id="clitic_object",
        ),
    ],
)
def test_round42_naming_verb_attribute(nlp_fr, text: str, said: str, who: str) -> None:  # type: ignore[no-untyped-def]
    """ "a qualifié de « … » la décision", "la qualifiant de « … »": marks right after the "de"
    of a naming verb's attribute are the label its subject gives, also when the object follows
    the marks or is a clitic before the verb; a bare past participle ("la répression, qualifiée
    de « … »") leaves the namer unsaid, and a one-word label stays a scare quote."""
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == said
    assert speaker_text(text, q) == who
    bare = (
        "Les manifestants ont bravé la répression, qualifiée de « crime contre le peuple entier »."
    )
    assert entity_quotes(nlp_fr, bare) == []
    short = (
        "Le chef de l'opposition, Ousmane Sarr, a qualifié de « mascarade » le scrutin de dimanche."
    )
    assert entity_quotes(nlp_fr, short) == []


# Round 43, from the dev misses of the whole gold (invented sentences): who speaks, when the
# span is right (attribution, not detection).
def test_round43_coordinated_relative_shares_its_antecedent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X, qui a vu …, et qui a annoncé que …": a relative pronoun right after a conjunction
    repeats the earlier one and shares its antecedent, not the noun just before "et qui"."""
    text = (
        "Cette démission a redonné espoir à l'opposition, qui y a vu un « tournant » dans la "
        "crise, et qui a annoncé qu'elle allait chercher à « dialoguer » avec lui."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes] == ["elle allait chercher à « dialoguer » avec lui"]
    assert speaker_text(text, quotes[0]) == "opposition"


def test_round43_ils_takes_a_group_of_either_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "les rebelles …, où ils ont assuré que …": "ils" takes a group of people whose noun has
    one form for both genders (the tagger may read it feminine; a mixed group is masculine);
    a feminine plural form ("les infirmières") stays out of its reach."""
    text = (
        "Au sud de la ville, les rebelles ont consolidé leurs positions à Tarba, dont ils ont "
        "pris le contrôle vendredi et où ils ont assuré ne plus faire face qu'à quelques poches "
        "de résistance."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text).endswith("quelques poches de résistance")
    assert speaker_text(text, q) == "rebelles"


def test_round43_masculine_article_before_an_unmarked_title(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "Le Dr X", "le professeur X": French writes the masculine article before a title or
    role used for both sexes, so it says nothing of X's gender; a later "elle" may still take
    X up."""
    text = (
        "L'universitaire Anne Martin suit la réunion depuis lundi. Le Dr Martin a déjà noté "
        "plusieurs désaccords entre les délégués.\nMercredi soir, elle commentait : « Ce n'est "
        "pas la vieille conférence de papa. De nouveaux visages apparaissent. »"
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text).startswith("Ce n'est pas la vieille conférence")
    assert (speaker_text(text, q) or "").endswith("Martin")


def test_round43_possessive_document_owned_by_an_organisation(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "L'Alliance a accentué ses frappes. Selon ses communiqués, …": "son" / "sa" / "ses"
    show the gender of the thing owned, not of its owner, so the owner of a document may be
    an organisation that was a subject, not only a person."""
    text = (
        "Parallèlement, l'Alliance a accentué ses frappes sur cette zone ces derniers jours. "
        "Selon ses communiqués quotidiens, l'Alliance a touché 13 cibles à Brega mercredi et "
        "11 autres jeudi."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text).startswith("l'Alliance a touché 13 cibles")
    assert speaker_text(text, q) == "Alliance"


def test_round43_coordinated_verb_agrees_with_its_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X se félicite de voir que les deux pays sont capables … et dit espérer …": the parse
    hangs "et dit" on the reported clause; a verb coordinated without a subject of its own
    shares the subject of the conjunct it agrees with in number (singular "dit": not "les
    deux pays")."""
    text = (
        "Dans une lettre transmise par son ministre, le président Marc Lenoir se félicite de "
        "voir que les deux pays sont capables de surmonter leurs divergences et dit espérer "
        "« rester en contact étroit » avec son homologue."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert quotes
    assert any(q.text_of(text).startswith("espérer") for q in quotes)
    assert {speaker_text(text, q) for q in quotes} == {"Marc Lenoir"}


# Round 44, from the dev misses of batch 19 and of the whole gold (invented sentences).
def test_round44_name_after_a_role_complement_takes_the_role_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "le ministre allemand de la Défense Karl Weber": the article of the role's complement
    ("la Défense", "la mairie") is not the name's; the name takes the role's own gender, so a
    later "il" still finds it (an article before a person noun, "de la chanteuse X", keeps
    its say)."""
    text = (
        "La délégation se trouve à Lyon, a déclaré le ministre allemand de la Défense Karl "
        "Weber. « Nous sommes en contact avec eux », a-t-il dit."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert len(quotes) == 2
    assert {speaker_text(text, q) for q in quotes} == {"Karl Weber"}
    elided = (  # "l'ancienne ministre": the elided article is silent, the adjective is not
        "L'ancienne ministre de la Culture Anne Roux publie ses mémoires. « On m'a menti "
        "pendant des années », écrit-elle."
    )
    (q,) = entity_quotes(nlp_fr, elided)
    assert speaker_text(elided, q) == "Anne Roux"


def test_round44_gerund_not_hung_on_its_own_report(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a souhaité …, tout en relevant que le peuple n'allait pas l'accepter": the parse
    hangs the gerund on the verb of its own reported clause (after "que"); that clause's
    subject is what is said about, the speaker is the main clause's subject."""
    text = (
        "Le secrétaire général de la Ligue du Nord, Paul Martin, a souhaité que le gouvernement "
        "ouvre sans attendre un dialogue avec les syndicats, tout en relevant que le peuple "
        "n'allait probablement pas l'accepter."
    )
    quotes = entity_quotes(nlp_fr, text)
    relevant = by_content(text, quotes, "le peuple n'allait")
    assert relevant.text_of(text) == "le peuple n'allait probablement pas l'accepter"
    assert speaker_text(text, relevant) == "Paul Martin"


def test_round44_claim_noun_selon_laquelle(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "des informations selon lesquelles …", "la thèse du président selon laquelle …": the
    clause after "selon laquelle" is the content of the claim noun before it, an indirect
    quote of the claim's owner ("du président") or of nobody named; a noun of no claim
    ("l'idée selon laquelle") gives nothing."""
    text = (
        "Le ministre a refusé de commenter des informations selon lesquelles le groupe serait "
        "détenu par des rebelles."
    )
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "le groupe serait détenu par des rebelles"
    assert speaker_text(text, q) is None
    owned = (
        "Les opposants ne veulent pas accréditer la thèse du président selon laquelle la grève "
        "est téléguidée de l'étranger."
    )
    (o,) = entity_quotes(nlp_fr, owned)
    assert o.text_of(owned) == "la grève est téléguidée de l'étranger"
    assert speaker_text(owned, o) == "président"
    idea = "Le maire a rejeté l'idée selon laquelle la ville serait en faillite."
    assert entity_quotes(nlp_fr, idea) == []


def test_round44_live_entry_heading_echoed_in_its_entry(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "10H05 - « C'est triste » - « …, c'est triste », déclare X": a live blog's entry opens
    with its time and a marked heading that repeats (in capitals without accents, too) words
    of the entry's quote; the heading is that quote's speaker's. A heading no quote of its
    entry repeats stays unattributed."""
    text = (
        "Grève des cheminots : suivez la journée en direct\n"
        "10H05 - « C'est triste » - « Les usagers vont encore payer, c'est triste », déclare "
        "Anne Roux, présidente d'une association d'usagers.\n"
        "09H30 - « PAS DE NEGOCIATION » - Le ministre des Transports, Marc Lenoir, a déclaré "
        "qu'il n'y aurait « pas de négociation » avant la fin de la grève.\n"
        "09H10 - « Mauvaise surprise » - La SNCF a annoncé la suppression de la moitié des TGV."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert speaker_text(text, by_content(text, quotes, "C'est triste")) == "Anne Roux"
    assert speaker_text(text, by_content(text, quotes, "PAS DE NEGOCIATION")) == "Marc Lenoir"
    assert not [q for q in quotes if "Mauvaise" in q.text_of(text)]


# Round 45, from the dev misses of the whole gold (invented sentences).
def test_round45_marked_predicate_after_auxiliary_or_modal(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "X a aussi « salué … »", "X veut ainsi « éviter … »": marks opening on a participle or
    an infinitive right after an auxiliary or a modal hold the subject's own words, without a
    verb of saying; a second marked predicate joined by "et" is the same subject's. A verb of
    saying later in the sentence ("… affirme Y") reports the whole clause instead."""
    text = (
        "Lors de sa visite à Lyon, le ministre Paul Renard a aussi « salué le courage des "
        "pompiers » et « souligné l'urgence de rénover la caserne »."
    )
    quotes = entity_quotes(nlp_fr, text)
    assert [q.text_of(text) for q in quotes] == [
        "salué le courage des pompiers",
        "souligné l'urgence de rénover la caserne",
    ]
    assert {speaker_text(text, q) for q in quotes} == {"Paul Renard"}
    modal = "La maire Anne Roux veut ainsi « éviter un vide juridique avant les élections »."
    (m,) = entity_quotes(nlp_fr, modal)
    assert speaker_text(modal, m) == "Anne Roux"
    reported = (
        "Les syndicats ont « traîné des pieds » pour signer l'accord affirme le ministre du "
        "Travail, Marc Lenoir."
    )
    assert all(speaker_text(reported, q) != "syndicats" for q in entity_quotes(nlp_fr, reported))


def test_round45_marked_finite_verb_after_named_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "La Belgique « salue la création du conseil »": marks opening on a finite verb right
    after its named subject hold that subject's words. A common noun before the marks is more
    often what the words are about ("Les enfants « font partie des victimes »")."""
    text = "La Belgique « salue la nomination du nouveau médiateur et soutient sa mission »."
    (q,) = entity_quotes(nlp_fr, text)
    assert q.text_of(text) == "salue la nomination du nouveau médiateur et soutient sa mission"
    assert speaker_text(text, q) == "Belgique"
    common = "Les enfants « font souvent partie des victimes des bombardements »."
    assert all(speaker_text(common, q) != "enfants" for q in entity_quotes(nlp_fr, common))


def test_round45_incise_inside_open_marks(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """ "« Nous ne lèverons pas d'impôt, explique X, adjoint aux finances, mais nous … »": the
    marks stay open around an inverted verb of saying and its subject; the words on both sides
    are that subject's (not the previous quote's speaker), as two quotes, the role after the
    name left out. An incise that belongs to an inner quote ("« … "Au feu !", crient des
    passants … »") does not cut the outer one."""
    text = (
        "« Les écoles seront rénovées », assure la maire. « Ce chantier est une priorité, "
        "ajoute Anne Roux, son adjointe à l'éducation, et il sera achevé avant la rentrée. »"
    )
    quotes = entity_quotes(nlp_fr, text)
    first = by_content(text, quotes, "Ce chantier")
    assert first.text_of(text) == "Ce chantier est une priorité"
    assert speaker_text(text, first) == "Anne Roux"
    second = by_content(text, quotes, "sera achevé")
    assert second.text_of(text).startswith("et il sera achevé")
    assert speaker_text(text, second) == "Anne Roux"
    inner = (
        "Le journaliste Marc Lenoir raconte : « Nous arrivons sur la place. "
        '"Au feu, au feu", crient des passants affolés, puis tout le monde court vers le '
        "fleuve. »"
    )
    outer = by_content(inner, entity_quotes(nlp_fr, inner), "Nous arrivons")
    assert outer.text_of(inner).endswith("court vers le fleuve.")
    assert speaker_text(inner, outer) == "Marc Lenoir"
