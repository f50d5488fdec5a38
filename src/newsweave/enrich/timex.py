"""Date mentions: temporal expressions found by word-table patterns, resolved to TIMEX3 values.

``find_dates`` finds every temporal expression of a text (French first, then English; numeric
dates and years in any language) and resolves each against an anchor, normally the article's
publication date. Each mention is a ``Span`` labelled with its TIMEX3 type (DATE, TIME,
DURATION, SET) whose ``attrs`` hold ``value`` (TIMEX3-style ISO value or None), ``granularity``,
``anchor`` (ISO of the date the value was computed from, or None) and ``resolved``.

How it works: patterns built from the word tables in ``timex_words.json`` propose candidate
fragments; overlapping candidates keep the longest; independent ones are resolved first
(explicit dates go through dateparser, relative ones by calendar arithmetic on the anchor,
with the verb tense from the spaCy ``doc`` deciding past/future); then mentions that depend on
their context (a clock time, "le lendemain", "la nuit") take the day of the nearest resolved
mention. A missing anchor year keeps month-day values ("--10-31"); what cannot be computed
stays unresolved (value None).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import dateparser
from dateutil.easter import easter
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newsweave.enrich.prefilter import Prefilter
from newsweave.model import PartialDate, Span

WORDS_FILE = Path(__file__).with_name("timex_words.json")

# Placeholders in the templates below (@NAME@) are replaced by alternations built from the word
# tables (see _PLACEHOLDERS). Each template may mark its extent with a group named x; without
# it the whole match is the mention. Extents follow FTiB/TimeML habits measured on the dev part
# of ftib: "le" before a date is inside ("le 10 octobre"), "en"/"depuis"/"au"/"vers" are not.
YEAR4 = r"(?:1[0-9]|20)\d\d"
# A four-digit clock time of wire copy: "1300 GMT", "(0300 GMT)"; only with its zone, which is
# in the extent (as for "12 h 30 locales"), and so is a weekday after it ("2100 GMT Friday").
# Without a zone "1300" would be read as a year.
MILCLOCK = r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+@ZONE@(?:\s+(?P<wd>@WD@))?"
LASTDET = r"(?:des\s+)?(?P<x>(?:ces\s+|les\s+|(?<=des\s))"
EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
TEMPLATES: dict[str, dict[str, str]] = {
    "any": {
        "numeric": r"(?:(?P<det>le|the)\s+)?(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)"
        r"(?P<y>\d{4}|\d\d)(?![/.-]?\d)",
        "iso": r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?",
        "numdm": r"(?:(?P<det>le|the)\s+)?(?P<d>[0-3]\d)/(?P<m>[01]\d)(?![/\d])",
        "year": r"(?<![\d.,])(?<!\d\s)(?P<y>" + YEAR4 + r")(?!\d|[.,]\d|\s\d{3}(?!\d))",
    },
    "fr": {
        # "le16 avril": a crawl that dropped a tag between words glues the article to the day
        "daydate": r"(?:(?P<det>le|ce)(?:\s+|(?=\d)))?(?:(?P<wd>@WD@)\s+)?"
        r"(?P<d>1er|premier|[0-3]?\d)\s+"
        r"(?P<mo>@MOA@)(?:\s+(?P<y>" + YEAR4 + r"|\d\d(?!\s*\w|[:.]\d)))?(?:\s+(?P<rel>@REL@))?"
        r"(?:\s+@PARTTAIL@)?",
        "daycoord": r"(?P<x>(?:les?\s+)?(?P<d>1er|[0-3]?\d))(?=(?:\s*,\s*(?:1er|[0-3]?\d))*"
        r"\s+(?:et|au|-)\s+(?:le\s+)?"
        r"(?:1er|[0-3]?\d)\s+"
        r"(?P<mo>@MOA@)(?:\s+(?P<y>" + YEAR4 + r"))?(?:\s+(?P<rel>@REL@))?)",
        "monthyear": r"(?:@PMODOF@)?(?:@MONTHOF@)?(?P<mo>@MOA@)\s+"
        r"(?P<y>" + YEAR4 + ")",
        "month": r"(?:@PMODOF@)?(?:@MONTHOF@)?(?P<mo>@MO@)"
        r"(?:\s+(?P<rel>@REL@))?",
        "decade": r"(?:(?:la\s+|le\s+)?(?P<pmod>@PMOD@)\s+des\s+|les\s+|des\s+)?années\s+"
        r"(?P<dec>(?:19|20)?\d0)",
        "yearmod": r"(?:(?:la\s+|le\s+)?(?P<pmod>@PMOD@)[\s-]+(?:de\s+l['’]année\s+|"
        r"d['’]année\s+)?|"
        r"(?:l['’])?(?:année|an)\s+)(?P<y>" + YEAR4 + ")",
        "wdday": r"(?:(?P<det>le|ce)\s+)?(?P<wd>@WD@)\s+(?P<d>1er|[0-3]?\d)"
        r"(?!\s*(?:h\b|heures?|[/.:,]?\d))",
        "century": r"(?:(?:la\s+|le\s+)?(?P<pmod>@PMOD@)\s+du\s+|le\s+)?(?P<cent>[XVI]+|\d{1,2})"
        r"(?:e|ème|eme)\s+siècle",
        # "aujourd'hui vendredi 4 février": the weekday of a full date stays with it
        "relday": r"(?P<rd>@RD@)(?:\s+(?P<wd>@WD@)(?!\s+(?:1er|premier|[0-3]?\d)\s))?"
        r"(?:\s+(?:en\s+)?(?:(?P<pmod>@PMOD@)\s+(?:de\s+|d['’]))?(?P<part>@PART@))?",
        "thispart": r"(?:@THIS@)\s+(?!soirée|matinée)(?P<part>@PART@)",
        "enpart": r"en\s+(?P<x>(?P<part>soirée|matinée))",
        "whole": r"(?:toute\s+la|toute\s+l['’]|tout\s+le)\s*(?P<whole>@WHOLE@)",
        "ordday": r"(?:la|l['’])\s*(?:@ORD@|\w+ième|\d+e)\s+journée",
        "thisunit": r"(?:@THIS@)\s+(?P<unit>semaine|mois|année|an|week-end|trimestre)"
        r"(?:-ci)?(?!-là)",
        "anaunit": r"(?:la|le|l['’])\s*(?P<unit>jour|semaine|mois|année|an|trimestre)\s+"
        r"(?P<ana>@ANA@)",
        "anasame": r"(?:la|le|l['’])\s*(?P<ana>même)\s+(?P<unit>semaine|mois|année|trimestre)",
        "anathere": r"(?:@THIS@)\s+(?P<unit>semaine|mois|année|an|trimestre)-(?P<ana>là)",
        "relunit": r"(?:la|le|l['’])\s*(?P<unit>semaine|mois|année|an|week-end|trimestre)\s+"
        r"(?P<rel>@REL@)",
        "unitmod2": r"(?:en|dès|depuis)\s+(?P<x>(?P<pmod>@PMOD@)\s+(?:de\s+|d['’])"
        r"(?P<unit>année|mois|semaine))",
        "unitmod": r"(?:la\s+|le\s+)?(?P<pmod>@PMOD@)\s+(?:de\s+l['’]|du\s+|de\s+la\s+)"
        r"(?P<unit>année|an|mois|semaine)(?:\s+(?P<rel>@REL@))?(?!\s+(?:de|d['’]|du|des)\s)",
        # "des six derniers mois" is "de + les": the contracted preposition stays outside, as
        # "du" in "du 30 mai" (LASTDET)
        "lastn": LASTDET + r"(?:(?P<n>@NUM@|\d+)\s+)?(?P<rel>derniers|dernières|prochains|"
        r"prochaines)\s+(?P<unit>@UNIT@))",
        "lastn2": LASTDET + r"(?:(?P<n>@NUM@|\d+)\s+)?(?P<unit>@UNIT@)\s+(?P<rel>derniers|"
        r"dernières|passés|passées|à\s+venir|précédents|précédentes|suivants|suivantes))",
        "lastn3": LASTDET + r"(?P<rel>derniers|dernières|prochains|prochaines)\s+"
        r"(?P<n>@NUM@|\d+)\s+(?P<unit>@UNIT@))",
        "weekday": r"(?:(?P<this>ce)\s+(?:même\s+)?|le\s+(?=(?:@WD@)\s+(?:@REL@)))?(?P<wd>@WD@)"
        r"(?!\s+saint)"
        r"(?:\s+(?P<rel2>@REL@)(?=\s+(?:au|en)\s))?(?:\s+@PARTTAIL@)?(?:\s+(?P<rel>@REL@))?",
        # "la nuit du 8 au 9": the night of a day of the month named alone, as "le 8"
        "nightday": r"(?:la\s+)?(?P<part>nuit)\s+du\s+(?P<d>1er|[0-3]?\d)\s+au\s+(?:1er|[0-3]?\d)"
        r"(?!\s*(?:\d|@MOA@))",
        "nightdate": r"(?:la\s+)?(?P<part>nuit)\s+du\s+(?P<d>1er|[0-3]?\d)\s+(?:(?P<mo1>@MOA@)\s+)?"
        r"au\s+(?:1er|[0-3]?\d)\s+(?P<mo>@MOA@)(?:\s+(?P<y>" + YEAR4 + r"))?",
        "night": r"(?:la\s+|l['’])?(?P<part>nuit|matinée|soirée|après-midi)\s+(?:de|du)\s+"
        r"(?P<wd>@WD@)(?:\s+(?:à|au)\s+(?P<wd2>@WD@))?"
        r"(?!\s+(?:[0-3]?\d|1er)\b)",
        "clock": r"(?P<h>[01]?\d|2[0-4])\s?h(?:\s?(?P<mi>[0-5]\d)(?P<mn>\s?min)?)?"
        r"(?:\s+(?P<wd>@WD@))?"
        r"(?:\s+(?:du|de\s+l['’])\s+(?P<dp>matin|soir|après-midi))?(?:\s+@ZONE@)?",
        "ordwd": r"(?:(?:le|la)\s+)?(?P<ord>@ORD@|dernier|dernière)\s+(?P<wd>@WD@)\s+"
        r"(?:du\s+mois\s+(?:de\s+|d['’])|de\s+l['’]|de\s+|d['’]|du\s+)"
        r"(?:(?P<mo>@MOA@)|(?P<season>@SEASON@))(?:\s+(?P<y>" + YEAR4 + r"))?",
        "clockword": r"(?:à|vers|dès|jusqu['’]à|avant|après|de|entre|(?<=heures\s)et|"
        r"(?<=heure\s)et)\s+(?P<x>(?P<h>[01]?\d|2[0-4])"
        r"\s+heures?(?:\s+(?P<mi>[0-5]\d))?(?:\s+(?:du|de\s+l['’])\s*(?P<dp>matin|soir|après-midi))?"
        r"(?:\s+@ZONE@)?)",
        "noon": r"(?:à|vers|avant|après|dès|de|jusqu['’]à)\s+(?P<x>(?P<part>midi|minuit))",
        # "avant six heures du matin": an hour in words with its part of the day is a clock time
        "clocknum": r"(?P<hw>@NUM@)\s+heures?\s+(?:du|de\s+l['’])\s*(?P<dp>matin|soir|après-midi)",
        # "1300 GMT", "0300 TU": a wire's four-digit clock time needs its zone (no year then)
        "milclock": MILCLOCK,
        "duration": r"(?:(?P<qmod>@QMOD@)@QSEP@)?(?P<n>@NUM@|\d+(?:[.,]\d+)?|@VAGUE@)\s+"
        r"(?P<unit>@UNIT@)(?P<half>\s+et\s+demie?)?",
        "halfunit": r"(?:un|une)\s+demi-(?P<unit>@UNIT@)",
        "quarter": r"(?P<q>un|trois)\s+quarts?\s+d['’]heure",
        "approxn": r"(?:une|la)\s+(?P<approx>@APPROX@)\s+"
        r"(?:de\s+|d['’])(?P<unit>@UNIT@)",
        "agoapprox": r"(?P<ago>@AGO@)\s+(?:une|la)\s+(?P<approx>@APPROX@)\s+(?:de\s+|d['’])"
        r"(?P<unit>@UNIT@)",
        "ncoord": r"(?P<x>(?P<n>\d+|@NUM@))(?=\s+(?:à|et)\s+(?:\d+|@NUM@)\s+(?P<unit>@UNIT@))",
        "ago": r"(?P<ago>@AGO@)\s+(?:(?P<qmod>@QMOD@)@QSEP@)?(?P<n>@NUM@|\d+|@VAGUE@)\s+"
        r"(?P<unit>@UNIT@)",
        "after": r"(?P<after>@AFTER@)\s+(?P<n>@NUM@|\d+)\s+(?P<unit>@UNIT@)(?!\s+(?:de|d['’]))",
        "every": r"(?:@EVERY@)\s+(?:(?P<n>@NUM@|\d+)\s+)?(?P<unit>@UNIT@|@WD@|@WDP@|"
        r"@PART@|@SEASON@|matins|soirs|soirées|matinées|nuits)"
        r"(?:\s+(?P<part>@PART@))?",
        "everydate": r"(?:@EVERY@)\s+(?P<d>1er|[0-3]?\d)\s+(?P<mo>@MO@)",
        "per": r"(?:@PER@)\s+(?P<x>(?P<unit>@UNIT@))",
        "setadj": r"(?P<adj>@SETADJ@)",
        "weekdays": r"(?:les\s+)?(?:\w+\s+et\s+)?\w+\s+(?P<wdp>@WDP@)",
        # "l'automne 2009 de ...": a year keeps the season whatever follows; "au début de l'été",
        # "la fin du printemps": a part modifier as for months
        "season": r"(?:(?:la\s+|le\s+)?(?P<pmod>@PMOD@)[\s-]+(?:de\s+(?=l['’])|du\s+)?)?"
        r"(?:(?P<det>l['’]|cet|ce|le)\s*)?(?P<season>@SEASON@)(?:\s+(?P<y>"
        + YEAR4
        + r")|(?:\s+(?P<rel>@REL@))?(?!\s+(?:arabe|de|des|du|d['’])))",
        "holiday": r"(?:(?:la|cette)\s+fête\s+de\s+(?:la\s+)?)?(?P<hol>@HOL@)",
        "ref": r"(?P<ref>@REF@)",
        "ici": r"d['’](?P<x>ici)",
        "year2": r"(?<=\ben\s)(?P<y>\d\d)(?=\s*[,.;:()])",
        # "2011/12": the second year of a pair written short (a season, a school year)
        "yearpair": r"(?<=\d\d\d\d/)(?P<yy>\d\d)(?![\d/])",
        # "jour après jour", "mois après mois": every day, every month
        "afterunit": r"(?P<unit>jour|semaine|mois|année|an)\s+après\s+(?P=unit)\b",
        # "de jour en jour", "d'heure en heure", "de minute en minute": every unit, as above
        "enunit": r"(?:de\s+|d['’])(?P<x>(?P<unit>minute|heure|jour|semaine|mois|année|an)\s+en\s+"
        r"(?P=unit))\b",
        "ctxday": r"(?P<ctx>@CTXDAY@)",
        # "— Name (@handle) August 23, 2013", "AFP PHOTO … March 29, 2011": an embedded tweet's
        # or a caption's English date in a French page, written in full with its year
        "mdyen": r"(?P<mo>" + EN_MONTHS + r")\s+(?P<d>[0-3]?\d),\s+(?P<y>" + YEAR4 + r")",
        # "le lendemain même": "même" stresses the day, as in "le jour même"
        "shift": r"(?:(?P<det>le|la|l['’])\s*)?(?P<shift>@SHIFT@)"
        r"(?:\s+(?:au\s+)?(?P<part>@PART@)|\s+même(?!\s+(?:si|que|qu['’])))?",
        "lastpart": r"(?:la|le)\s+(?P<part>nuit|soirée|matinée|soir|matin)\s+"
        r"(?P<rel>dernière|dernier)",
        # "la nuit précédente", "la soirée suivante": counted from the context day, not the anchor
        "anapart": r"(?:la|le)\s+(?P<part>nuit|soirée|matinée|soir|matin)\s+"
        r"(?P<ana>précédente|précédent|suivante|suivant)",
        "ctxpart": r"(?:dans\s+)?(?P<x>(?:la|l['’]|le)\s*(?P<part>nuit|soirée|matinée|après-midi|"
        r"matin|soir)(?:\s+même)?)",
        "ordunit": r"(?:(?:le|la|l['’])\s*)?(?P<ord>@ORD@)\s+(?P<unit>trimestre|semestre)"
        r"(?:\s+(?:de\s+l['’]année\s+|de\s+)?(?P<y>" + YEAR4 + r")|\s+(?P<rel>@REL@))?",
        "ctxpartmod": r"en\s+(?P<x>(?P<pmod>@PMOD@)\s+(?:de\s+|d['’])(?P<part>@PART@))",
        # "le 12." / "le 28 et ...": a day of the month named alone (ends the phrase)
        "dayonly": r"le\s+(?P<d>1er|[0-3]?\d)(?:\s+au\s+(?P<part>matin|soir))?"
        r"(?=\s*(?:[.,;:)]|$)|\s+(?:et|au|puis|ou)\s)",
        # "en ce début d'année", "en cette fin de mois": the anchor's unit, with its part
        "thisunitmod": r"(?:ce|cette)\s+(?P<pmod>début|fin|milieu)\s+(?:d['’]|de\s+)"
        r"(?P<unit>année|mois|semaine)",
        # "au cours du week-end", "pendant le week-end": the weekend the tense points to
        "weekend": r"(?:du\s+|(?:pendant|durant)\s+(?=le\s))(?P<x>(?:le\s+)?(?P<unit>week-end)"
        r"(?:\s+(?P<rel>@REL@))?)(?!\s+(?:de\s|d['’]))",
    },
    "en": {
        "daydate": r"(?:(?P<wd>@WD@),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        r"(?P<mo>@MOA@)(?:,?\s+(?P<y>" + YEAR4 + r"))?",
        "mdydate": r"(?:(?P<wd>@WD@),?\s+)?(?P<mo>@MOA@)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        r"(?!\d)(?:,?\s+(?P<y>" + YEAR4 + r"))?",
        "monthyear": r"(?:(?P<pmod>@PMOD@)[\s-]+)?(?P<mo>@MOA@),?\s+(?:of\s+)?(?P<y>" + YEAR4 + ")",
        "month": r"(?:(?P<pmod>@PMOD@)[\s-]+)?(?:(?P<rel>@REL@)\s+)?(?P<mo>@MO@)",
        "decade": r"(?:the\s+)?(?:(?P<pmod>@PMOD@)[\s-]+)?(?P<dec>(?:19|20)?\d0)['’]?s",
        "century": r"(?:the\s+)?(?:(?P<pmod>@PMOD@)[\s-]+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)"
        r"[\s-]+century",
        "relday": r"(?P<rd>@RD@)(?:\s+(?P<part>@PART@))?",
        "tonight": r"(?P<part>tonight)",
        "thispart": r"(?:@THIS@)\s+(?P<part>@PART@)",
        "thisunit": r"(?:@THIS@)\s+(?P<unit>week|month|year|weekend|quarter)",
        "anaunit": r"the\s+(?P<ana>@ANA@)\s+(?P<unit>day|week|month|year|quarter)",
        "relunit": r"(?:(?P<pmod>@PMOD@)[\s-]+)?(?:this\s+(?=past\s))?(?P<rel>@REL@)\s+"
        r"(?P<unit>week|month|year|weekend|quarter)",
        # "by the end of the year", "early this month": that unit with its part modifier
        "unitmod": r"(?:the\s+)?(?P<pmod>@PMOD@)\s+(?:the|this)\s+(?P<unit>year|month|week)",
        "yearmod": r"(?P<pmod>@PMOD@)[\s-]+(?P<y>" + YEAR4 + r")(?!\d)",
        # "over the weekend": the weekend the tense points to, as "au cours du week-end"
        "weekend": r"(?:over|during|on|at)\s+(?P<x>the\s+(?P<unit>weekend))(?!\s+of\b)",
        "lastn": r"(?:the\s+)?(?P<rel>@REL@)\s+(?:(?P<n>@NUM@|\d+|@VAGUE@)\s+)?(?P<unit>days|"
        r"weeks|months|years|hours|decades)",
        "weekday": r"(?:(?P<pmod>early|late)\s+)?(?:(?P<rel>@REL@|this)\s+)?(?P<wd>@WD@)"
        r"(?:\s+(?P<part>@PART@))?",
        # tokenised text writes "8: 00 am"; without the space-tolerant colon "00 am" was midnight
        "clock": r"(?P<h>[01]?\d|2[0-3])(?::\s?(?P<mi>[0-5]\d))?\s?(?P<ampm>[ap]\.?m\b\.?)",
        "clockcolon": r"(?:at|around|by|until|from)\s+(?P<x>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))",
        "milclock": MILCLOCK,
        "noon": r"(?:at|around|by|until|before|after)\s+(?P<x>(?P<part>noon|midnight))",
        "duration": r"(?:(?P<qmod>@QMOD@)@QSEP@)?(?P<n>@NUM@|\d+(?:[.,]\d+)?|@VAGUE@)[\s-]+"
        r"(?P<unit>@UNIT@)(?P<half>\s+and\s+a\s+half)?",
        "ago": r"(?:(?P<qmod>@QMOD@)@QSEP@)?(?P<n>@NUM@|\d+|@VAGUE@)\s+(?P<unit>@UNIT@)\s+"
        r"(?P<ago>ago)",
        "after": r"(?P<after>@AFTER@)\s+(?P<n>@NUM@|\d+)\s+(?P<unit>@UNIT@)(?!\s+(?:of|ago))",
        "every": r"(?:@EVERY@)\s+(?:(?P<n>@NUM@|\d+)\s+)?(?P<unit>@UNIT@|@WD@)",
        "per": r"(?:@PER@)\s+(?P<x>(?P<unit>@UNIT@))",
        "setadj": r"(?P<adj>@SETADJ@)",
        "weekdays": r"(?:on\s+)?(?P<wdp>@WDP@)",
        "season": r"(?:(?P<det>this|last|next|the)\s+)?(?P<season>@SEASON@)(?:\s+(?:of\s+)?(?P<y>"
        + YEAR4
        + r"))?",
        "holiday": r"(?P<hol>@HOL@)",
        "ref": r"(?P<ref>@REF@)",
        "ctxday": r"(?P<ctx>@CTXDAY@)",
        "shift": r"(?P<shift>@SHIFT@)(?:\s+(?P<part>@PART@))?",
        # "the afternoon of December 3": that part of the day named after it (as "l'après-midi
        # du 3 décembre"); the date is a mention of its own
        "ofpart": r"(?P<x>the\s+(?P<part>morning|afternoon|evening|night))"
        r"(?=\s+of\s+(?:@WD@|@MOA@\s+\d|\d{1,2}\s+@MOA@))",
        # "late last night": the night before the anchor, as "la nuit dernière"
        "lastpart": r"(?:(?P<pmod>@PMOD@)\s+)?(?P<rel>last)\s+(?P<part>night)",
        # "the first quarter (of 2008)" as "le premier trimestre"; a half only with its year
        # ("in the first half" of a match is no date)
        "ordunit": r"(?:the\s+)?(?P<ord>@ORD@)\s+(?P<unit>quarter)(?:\s+of\s+(?P<y>"
        + YEAR4
        + r"))?(?![\w-])(?!\s+of\s+(?!\d))",
        "ordhalf": r"(?:the\s+)?(?P<ord>@ORD@)\s+(?P<unit>half)\s+of\s+(?P<y>" + YEAR4 + r")",
        # "on the 5th": a day of the month named alone, as "le 5"
        "dayonly": r"on\s+(?P<x>the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th))"
        r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|at|in)\s)",
    },
}
# Patterns run only on windows around a trigger word (a word of these tables, a literal below,
# or a digit): that keeps the cost of some sixty patterns well under the spaCy parse. The
# longest text a pattern can hold before or after its trigger ("il y a un peu plus de
# quarante-cinq ans") stays under TRIGGER_REACH characters. Within those windows a pattern
# runs only where one of the strings each of its matches holds occurs (``prefilter``): the
# same matches for about half the regex work (dates layer 4.5 s -> 2.7 s on 149 articles).
TRIGGER_TABLES = (
    "months", "month_abbrevs", "weekdays", "weekday_plurals", "relative_days", "day_parts",
    "units", "set_adjectives", "seasons", "holidays", "ref_words", "context_days",
    "context_shift", "part_mods",
)  # fmt: skip
TRIGGER_WORDS = ("années", "siècle", "century", "ici", "tonight", "week", "end", "weekend")
TRIGGER_STOPWORDS = ("le", "la", "l", "de", "du", "d", "ce", "en", "the", "of", "a")
TRIGGER_REACH = 60
# Kinds whose value depends on other mentions around them: resolved in a second pass.
CONTEXT_KINDS = frozenset(
    {
        "clock",
        "clockword",
        "clockcolon",
        "milclock",
        "noon",
        "shift",
        "ctxday",
        "ctxpart",
        "ctxpartmod",
        "ofpart",
        "enpart",
        "anaunit",
        "anasame",
        "anathere",
        "anapart",
        "dayonly",
        "nightday",
    }
)
# Kinds whose TIMEX3 value carries no calendar date and so never needs the anchor.
# A clock time looks for its day in its own sentence first; a mention further than this many
# characters after the day it follows is not joined to it (dev: "22 h" sits 30 chars after
# "Dimanche soir"; 400 keeps whole-paragraph events together).
CONTEXT_REACH = 400
# A day written right after a clock time (at most this many characters between them: a space,
# a comma, "on") is that time's day, before a day named earlier in the sentence.
ADJACENT_DAY_CHARS = 4
# A past/future tense picks the year of a day or month named without one ("le 15 mars") only
# when that date lies within this many days of the anchor; beyond it the nearest date wins.
# The limit guards against a tense that belongs to another event than the date: ml_crisis
# "a décidé d'organiser un référendum le 26 février", "avait prévu d'envoyer mi-mars une mission",
# a historical future "sera tué deux mois plus tard, le 20 octobre" (5 right with it, 2 wrong,
# none on ftib dev). 270 keeps "a été libéré le 15 mars", written in October, in the past.
TENSE_REACH_DAYS = 270
# _direction returns +-STRONG (not +-1) for a tense that leaves no doubt: the pluperfect, or a
# past tense of the verb the date itself depends on ("la trêve a été décrétée le 25 décembre",
# "le pont, inauguré le 3 février"); then TENSE_REACH_DAYS does not apply.
STRONG = 2
# Without a tense cue, a date ahead of the anchor counts this many times its distance: news
# report the past more than the future (ml_crisis: "mi-mars" written in October is the March
# before, 7 months back, not the one 5 months ahead).
FUTURE_WEIGHT = 2
# Two-digit years: 20yy when it is at most this many years after the anchor, else 19yy.
TWO_DIGIT_FUTURE = 5
# A weekday named with its full date elsewhere in the text takes that date when it lies this
# close to the anchor (one week either way).
WEEKDAY_COREF_DAYS = 7
UNIT_CODES = {
    "Y": ("P{}Y", 1),
    "M": ("P{}M", 1),
    "W": ("P{}W", 1),
    "D": ("P{}D", 1),
    "H": ("PT{}H", 1),
    "N": ("PT{}M", 1),
    "S": ("PT{}S", 1),
    "C": ("P{}Y", 100),
    "E": ("P{}Y", 10),
    "Q": ("P{}M", 3),
    "6": ("P{}M", 6),
}
# Endings of the French simple future and conditional, added to the future stem (the
# infinitive, less the final e of -re verbs, or an irregular stem of `future_stems` in the word
# tables): "reprendr-ont", "tiendr-ait".
FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")
# A word of another part of speech that heads a subject and has a future/conditional ending on
# a stem this long ending in r is read as a verb ("les travaux commenceront", tagged ADJ).
MIN_FUTURE_STEM = 4
APPROX_NUMBERS = {"dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "centaine": 100}
ROMAN = {"I": 1, "V": 5, "X": 10}
# First month of each season code (meteorological seasons; winter YYYY-WI starts in December).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# First day of each season for "le premier dimanche du printemps" (astronomical seasons, as in
# FTiB dev: written 1999-05-19, "le premier dimanche du printemps" is 2000-03-26).
SEASON_FIRST_DAY = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}


@dataclass(frozen=True, slots=True, eq=False)
class _Cand:
    kind: str
    start: int
    end: int
    mstart: int
    mend: int
    g: dict[str, str | None]
    rank: int


@dataclass(frozen=True, slots=True)
class _Value:
    label: str
    value: str | None
    gran: str
    day: date | None = None  # the calendar day the value falls on, for context mentions
    anchor: str | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class _Grammar:
    lang: str | None
    w: dict[str, Any]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    triggers: frozenset[str]  # words one of which every mention contains (digits aside)
    prefilter: Prefilter  # per pattern, strings one of which each of its matches holds


@dataclass(slots=True)
class _Ctx:
    text: str
    gram: _Grammar
    doc: Doc | None
    anchor: date | None  # working date; a stand-in year when the anchor year is unknown
    has_year: bool
    anchor_year: int | None
    sent_starts: list[int]
    weekday_dates: dict[int, date] = field(default_factory=dict)
    parsed: dict[str, datetime | None] = field(default_factory=dict)  # dateparser, per text
    days: list[tuple[int, date]] = field(default_factory=list)  # (start, day) of resolved mentions
    years: list[tuple[int, int]] = field(default_factory=list)  # (start, year) of year mentions
    dated: list[tuple[int, str]] = field(default_factory=list)  # (start, ISO) of calendar values


# ---------------------------------------------------------------- word tables and patterns


@functools.cache
def _tables() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return data


def _alt(words: Any) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    parts = [re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in items]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _num_alt(w: dict[str, Any]) -> str:
    one = _alt(w["number_words"])
    return rf"{one}(?:[- ](?:et[- ])?{one})*"


# Placeholders filled from one word table each (its words, or its keys for a mapping); a table
# a language lacks matches nothing.
TABLE_PLACEHOLDERS = {
    "MO": "months", "WD": "weekdays", "WDP": "weekday_plurals", "RD": "relative_days",
    "PART": "day_parts", "PMOD": "part_mods", "VAGUE": "vague_numbers", "UNIT": "units",
    "QMOD": "quantity_mods", "AGO": "ago", "AFTER": "after", "EVERY": "every", "PER": "per",
    "SETADJ": "set_adjectives", "SEASON": "seasons", "HOL": "holidays", "REF": "ref_words",
    "CTXDAY": "context_days", "SHIFT": "context_shift", "THIS": "this_words",
    "ORD": "ordinals", "WHOLE": "whole_units", "ANA": "anaphoric_words",
    # a time zone after a clock time belongs to it (TimeML): "12 h 30 locales", "(GMT)"
    "ZONE": "time_zones",
}  # fmt: skip
# "plus de deux ans", "plus d'un an": a quantity modifier ends in a space or an apostrophe.
QSEP = r"(?:\s+|(?<=[’'])|(?<=[’']\s))"
MONTHOF = r"(?:le\s+)?mois\s+(?:de\s+|d['’])"


def _placeholders(w: dict[str, Any]) -> dict[str, str]:
    subs = {name: _alt(w.get(table, ())) for name, table in TABLE_PLACEHOLDERS.items()}
    subs.update(
        MOA=f"(?:{subs['MO']}|{_alt(w['month_abbrevs'])}\\.?)",
        REL=_alt([*w["past_words"], *w["future_words"]]),
        NUM=_num_alt(w),
        QSEP=QSEP,
        APPROX=_alt(APPROX_NUMBERS),
        MONTHOF=MONTHOF,
        PARTTAIL=_part_tail(subs),
        PMODOF=_pmod_of(subs),
    )
    return subs


def _part_tail(subs: dict[str, str]) -> str:
    """A part of the day after a day: "au soir", "en fin de matinée"."""
    pmod = rf"(?:(?P<pmod>{subs['PMOD']})\s+(?:de\s+|d['’]))?"
    return rf"(?:au\s+|en\s+)?{pmod}(?P<part>{subs['PART']})"


def _pmod_of(subs: dict[str, str]) -> str:
    """ "mi-octobre", "la fin du mois de mars", "début d'avril": the modifier and its article."""
    return (
        rf"(?:(?:la\s+|le\s+)?(?P<pmod>{subs['PMOD']})[\s-]+"
        r"(?:de\s+|d['’]|du\s+(?=mois\b))?)"
    )


def _compile(template: str, subs: dict[str, str]) -> re.Pattern[str]:
    body = re.sub(r"@(\w+)@", lambda m: subs[m.group(1)], template)
    body = re.sub(r"\['’\](?!\?)", lambda m: r"['’]\s?", body)  # tokenised text: "l' hiver"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@functools.cache
def _grammar(lang: str | None) -> _Grammar:
    tables = _tables()
    w: dict[str, Any] = tables.get(lang or "", {})
    subs = _placeholders(w) if w else {}
    templates = dict(TEMPLATES[lang]) if w and lang in TEMPLATES else {}
    templates.update(TEMPLATES["any"])
    pats = tuple((kind, _compile(t, subs)) for kind, t in templates.items())
    prefilter = Prefilter([pat for _, pat in pats])
    return _Grammar(lang if w else None, w, pats, _triggers(w), prefilter)


def _triggers(w: dict[str, Any]) -> frozenset[str]:
    words = {x for table in TRIGGER_TABLES for entry in w.get(table, ()) for x in _words(entry)}
    return frozenset(words | set(TRIGGER_WORDS)) - set(TRIGGER_STOPWORDS)


def _words(phrase: str) -> list[str]:
    return re.findall(r"\w+", phrase.lower())


# ---------------------------------------------------------------- public entry point


def find_dates(
    text: str, anchor: PartialDate | None, lang: str | None, doc: Doc | None = None
) -> list[Span]:
    """Every temporal expression of ``text``, resolved against ``anchor`` (see module doc)."""
    base = (lang or "").lower()[:2] or None
    ctx = _context(text, anchor, _grammar(base), doc)
    cands = _select([c for c in _candidates(text, ctx.gram) if _valid(c, ctx)])
    values = _resolve_all(cands, ctx)
    return [_span(c, v) for c in cands if (v := values.get(c)) is not None]


def _context(text: str, anchor: PartialDate | None, gram: _Grammar, doc: Doc | None) -> _Ctx:
    work: date | None = None
    if anchor is not None and anchor.month is not None and anchor.day is not None:
        work = date(anchor.year or 2000, anchor.month, anchor.day)  # 2000: leap stand-in
    starts = [0] + [
        m.end()
        for m in re.finditer(r"[.!?»]\s+(?=[«\"A-ZÀ-Ý])|\n+", text)
        if not ABBREVIATION_END.search(text, max(0, m.start() - 6), m.start() + 1)
    ]
    year = anchor.year if anchor is not None else None
    return _Ctx(text, gram, doc, work, year is not None, year, starts)


def _span(c: _Cand, v: _Value) -> Span:
    attrs: dict[str, Any] = {
        "value": v.value,
        "granularity": v.gran,
        "anchor": v.anchor,
        "resolved": v.value is not None,
    }
    if v.mod:
        attrs["mod"] = v.mod
    return Span(c.start, c.end, v.label, attrs)


# A full stop that ends these abbreviations does not end the sentence ("at 3:45 p.m. Thursday",
# "on Jan. 5"): a clock time finds its day in the same sentence.
ABBREVIATION_END = re.compile(
    r"(?:\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Dr|St|Gen|Lt|Sgt))\.$"
)


# ---------------------------------------------------------------- candidates


def _windows(text: str, gram: _Grammar) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged, cut at non-word characters."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"\w+", text):
        word = m.group().lower()
        if not (word in gram.triggers or (not word.isalpha() and _has_digit(word))):
            continue
        start, end = max(0, m.start() - TRIGGER_REACH), m.end() + TRIGGER_REACH
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return [(s, _cut(text, e)) for s, e in out]


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _cut(text: str, pos: int) -> int:
    """First position at or after pos that does not split a word (end of text included)."""
    m = re.compile(r"\W|$").search(text, min(pos, len(text)))
    return m.start() if m else len(text)


def _candidates(text: str, gram: _Grammar) -> list[_Cand]:
    out: list[_Cand] = []
    # a pattern runs only on the windows that hold a string each of its matches holds
    tried = gram.prefilter.windows(text, _windows(text, gram))
    for rank, ((kind, pat), windows) in enumerate(zip(gram.patterns, tried, strict=True)):
        for ws, we in windows:
            for m in pat.finditer(text, ws, we):
                g = m.groupdict()
                g["rel"] = g.get("rel") or g.pop("rel2", None)  # "dimanche dernier au soir"
                s, e = m.span("x") if g.get("x") is not None else m.span()
                out.append(_Cand(kind, s, e, m.start(), m.end(), g, rank))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest matches win; among equal lengths the earlier template."""
    kept: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.mstart - c.mend, c.rank, c.mstart)):
        if all(c.mend <= s or c.mstart >= e for s, e in taken):
            kept.append(c)
            taken.append((c.mstart, c.mend))
    return sorted(kept, key=lambda c: c.start)


def _before(ctx: _Ctx, pos: int, n: int = 30) -> str:
    return ctx.text[max(0, pos - n) : pos].lower()


def _prev_word(ctx: _Ctx, pos: int) -> str:
    words = re.findall(r"[\w'’]+", _before(ctx, pos, 25))
    return words[-1].replace("’", "'") if words else ""


def _valid(c: _Cand, ctx: _Ctx) -> bool:
    check = VALIDATORS.get(c.kind)
    return not _in_address(c, ctx) and (check(c, ctx) if check else True)


def _in_address(c: _Cand, ctx: _Ctx) -> bool:
    """A number inside a web address ("http://…/medias/2011/04/29/…", "www.x.org/1128") is part
    of a name, not a date mention (the page's URL date is the extractor's evidence)."""
    token = re.search(r"\S*$", ctx.text[max(0, c.start - 200) : c.start])
    head = token.group() if token else ""
    return "://" in head or head.lower().startswith("www.")


def _valid_month_word(c: _Cand, ctx: _Ctx) -> bool:
    """English month names are capitalised; lower-case "may"/"march" are verbs. A month glued
    to a day number names an event or a place ("le 11-Septembre", "la place du 6-Octobre")."""
    mo = c.g.get("mo") or ""
    if ctx.text.startswith(mo, c.mstart) and _glued_to_day(ctx, c.mstart):
        return False
    return ctx.gram.lang != "en" or mo[:1].isupper()


def _glued_to_day(ctx: _Ctx, pos: int) -> bool:
    """A day number and a hyphen right before pos ("11-Septembre"; not "1940-mai")."""
    return re.search(r"(?<!\w)(?:[0-3]?\d|1er)-$", ctx.text[max(0, pos - 5) : pos]) is not None


def _valid_duration(c: _Cand, ctx: _Ctx) -> bool:
    w = ctx.gram.w
    n = _key(c.g.get("n"))
    if n in w["vague_needs_cue"] or f"{n} {_key(c.g.get('unit'))}" in w["needs_cue"]:
        before = _before(ctx, c.mstart, 15)
        if not any(re.search(rf"\b{re.escape(p)}\s*$", before) for p in w["cue_before_vague"]):
            return False
    if n in ("un", "une", "a", "an") and w["units"].get(_key(c.g.get("unit"))) == "S":
        return False  # "une seconde fois": the ordinal, not a second
    return not (_is_age(c, ctx) or _titled_unit(c, ctx))


def _titled_unit(c: _Cand, ctx: _Ctx) -> bool:
    """French writes units in lower case: a capitalised one after a number names a title ("le
    quotidien 20 Minutes"); all capitals ("4 MINUTES DE LECTURE") stay a length."""
    unit = c.g.get("unit") or ""
    return ctx.gram.lang == "fr" and unit[:1].isupper() and unit[1:].islower()


def _is_age(c: _Cand, ctx: _Ctx) -> bool:
    """ "Théodore Monod, 97 ans," / "une fillette de 6 ans" / "Agé de 54 ans" are ages, and so
    are age groups: "les plus de 60 ans", "des enfants de moins de 10 ans"."""
    if ctx.gram.w["units"].get(_key(c.g.get("unit"))) != "Y":
        return False
    before, after = _before(ctx, c.mstart, 40), ctx.text[c.mend : c.mend + 6]
    if c.g.get("qmod"):
        return _age_group(before, ctx.gram.w)
    if re.search(r"(?:^|[,(])\s*$", before) and re.match(r"\s*[,.;)]", after):
        return True
    m = re.search(r"(\w+)\s+(?:de|d['’]|of)\s*$|(aged)\s*$", before)
    return m is not None and _age_after_word(_key(m.group(1) or m.group(2)), after, ctx.gram.w)


def _age_group(before: str, w: dict[str, Any]) -> bool:
    """ "les moins de 25 ans", "des jeunes de plus de 18 ans": a bound on an age."""
    if re.search(r"\b(?:les|des|aux)\s*$", before):
        return True
    m = re.search(r"(\w+)\s+(?:de|d['’])\s*$", before)
    return m is not None and _age_cue(_key(m.group(1)), w)


def _age_cue(word: str, w: dict[str, Any]) -> bool:
    """A word of age_cues, or its plural ("enfants", "jeunes")."""
    cues = w["age_cues"]
    return word in cues or (word[-1:] in ("s", "x") and word[:-1] in cues)


def _age_after_word(word: str, after: str, w: dict[str, Any]) -> bool:
    """ "<word> de N ans": an age after an age cue; not after a copula ("le délai est de trois
    ans"); otherwise an age unless the word names a length ("une peine de 2 ans") or "de"
    follows ("un mouvement de 80 ans d'histoire")."""
    if _age_cue(word, w):
        return True
    if word in w.get("copulas", ()):
        return False
    followed = re.match(r"\s+(?:de|d['’]|du|des)\s", after)
    return bool(w["duration_nouns"]) and not followed and word not in w["duration_nouns"]


def _key(text: str | None) -> str:
    """Table key of a matched phrase: lower case, straight apostrophes, single spaces."""
    t = re.sub(r"\s+", " ", (text or "").lower().replace("’", "'"))
    return t.replace("' ", "'")


def _root(ctx: _Ctx, c: _Cand) -> Token | None:
    """The syntactic head of the mention's tokens, if a parse was given."""
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand") if ctx.doc else None
    return span.root if span is not None and len(span) else None


def _valid_year(c: _Cand, ctx: _Ctx) -> bool:
    """A four-digit number counting something ("2000 habitants", "entre 500 et 1000 membres")
    is not a year."""
    tok = _root(ctx, c)
    if tok is not None and tok.dep_ == "conj" and tok.head.like_num:
        tok = tok.head  # "500 et 1000 membres": the first number counts the noun for both
    if tok is None:
        return True
    return not (tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i)


def _valid_number_year(c: _Cand, ctx: _Ctx) -> bool:
    return _prev_word(ctx, c.mstart) not in ctx.gram.w.get("not_year_after", ()) and _valid_year(
        c, ctx
    )


def _valid_wdday(c: _Cand, ctx: _Ctx) -> bool:
    """ "a visé vendredi 35 cibles": a number counting the noun after it is no day of the month
    (the weekday alone stays a date)."""
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand") if ctx.doc else None
    if span is None or not len(span):
        return True
    tok = span[-1]
    return not (tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i)


def _valid_season(c: _Cand, ctx: _Ctx) -> bool:
    """Only with a determiner or after a cue ("en hiver"): "les Jeux d'hiver" is no date."""
    return (
        bool(c.g.get("det") or c.g.get("y") or c.g.get("pmod"))
        or _prev_word(ctx, c.mstart) in ctx.gram.w["season_cues"]
    )


def _valid_setadj(c: _Cand, ctx: _Ctx) -> bool:
    """An adjective after a determiner is a noun ("le quotidien", a newspaper), and so is one
    the parse makes a noun or the head of a subject or object ("un autre quotidien anglais",
    "le très sérieux quotidien britannique")."""
    if _prev_word(ctx, c.mstart) in ctx.gram.w["determiners"]:
        return False
    tok = _root(ctx, c)
    return tok is None or not (tok.pos_ in ("NOUN", "PROPN") or tok.dep_.startswith(NOUN_DEPS))


def _valid_clockword(c: _Cand, ctx: _Ctx) -> bool:
    """ "après 20 heures de combats", "à 8 heures de route": a length of time followed by what
    it measures, not a clock time (the DURATION candidate inside then wins); so is "de N
    heures" after a noun of length ("en l'espace de 24 heures", "un délai de 48 heures")."""
    if re.match(r"\s+(?:de|d['’])\s*\w", ctx.text[c.mend : c.mend + 12]):
        return False
    words = re.findall(r"[\w'’]+", _before(ctx, c.start, 40).lower().replace("’", "'"))
    if len(words) < 2 or words[-1] != "de":
        return True
    return words[-2].rsplit("'", 1)[-1] not in ctx.gram.w["duration_nouns"]  # "l'espace"


def _valid_ref(c: _Cand, ctx: _Ctx) -> bool:
    """ "prochain(e)" alone: only as an adjective before a noun ("le prochain mariage")."""
    ref = _key(c.g.get("ref"))
    if ref.startswith("précédent"):
        return _prev_word(ctx, c.mstart) != "sans"
    if ref.startswith("prochain") and not ref.endswith("ment"):  # the adjective
        return re.match(r"\s+\w", ctx.text[c.mend : c.mend + 3]) is not None
    if ref == "l'époque":  # "à l'époque," ("at the time"); "l'époque gréco-romaine" is longer
        after = ctx.text[c.mend : c.mend + 2]
        return (
            _prev_word(ctx, c.mstart) in ("à", "a") and re.match(r"\s*[,.;:!?)]", after) is not None
        )
    if ref == "auparavant":  # "45 jours auparavant": the length is the mention, as "plus tôt"
        return (
            re.search(r"\d\s*\w+\s*$|\b(?:jours?|mois|ans?|semaines?)\s*$", _before(ctx, c.mstart))
            is None
        )
    if ref == "a ce jour":  # "À ce jour" written without its accent, not "il a ce jour-là"
        return ctx.text[c.mstart] == "A"
    return True


def _not_a_named_day(c: _Cand, ctx: _Ctx) -> bool:
    """ "le vendredi de la colère", "sous la bannière du vendredi du sabre de Dieu": a day named
    for a protest, the weekday a noun after "le" / "du" / "au", is a name holding a day (not
    annotated, as "la place du 1er-Mai"); "vendredi de la semaine prochaine", "le lundi de
    Pâques" keep their date."""
    if ctx.gram.lang != "fr" or _prev_word(ctx, c.mstart) not in ("le", "du", "au"):
        return True  # "arrivé vendredi de la capitale" is a day and a place
    after = ctx.text[c.mend : c.mend + 40]
    m = re.match(r"\s+(?:de\s+la|du|des|de\s+l['’])\s*([^\W\d_]+)", after)
    if m is None or m.group(1)[0].isupper():
        return True  # "le vendredi du Caire": a place
    word = m.group(1).lower()
    return word in ctx.gram.w["units"] or any(h.endswith(word) for h in ctx.gram.w["holidays"])


def _valid_dayonly(c: _Cand, ctx: _Ctx) -> bool:
    """ "Morsi était le 1er": after a copula "le 1er" is a rank, not a day (ml_crisis_tls)."""
    return _key(c.g.get("d")) != "1er" or _prev_word(ctx, c.mstart) not in ctx.gram.w["copulas"]


def _valid_ago(c: _Cand, ctx: _Ctx) -> bool:
    """ "il y a deux ans que …", "voilà deux mois qu'il attend": a length up to now (the
    DURATION inside is the mention), not a point in the past."""
    return re.match(r"\s*qu(?:e\b|['’])", ctx.text[c.mend : c.mend + 6]) is None


def _valid_yearpair(c: _Cand, ctx: _Ctx) -> bool:
    """ "2011/12" is a pair of years only when 12 follows 2011."""
    return _pair_year(c, ctx) is not None


def _pair_year(c: _Cand, ctx: _Ctx) -> int | None:
    first = int(ctx.text[c.start - 5 : c.start - 1])
    return first + 1 if (first + 1) % 100 == int(c.g["yy"] or -1) else None


def _valid_ici(c: _Cand, ctx: _Ctx) -> bool:
    """ "d'ici" closing a phrase is a place ("Vu d'ici,", "à 50 km d'ici."); before a date or a
    length it opens a span from now ("d'ici le 30 juin", "d'ici là")."""
    return re.match(r"\s*(?:[^\w\s]|$)", ctx.text[c.mend : c.mend + 3]) is None


def _valid_holiday(c: _Cand, ctx: _Ctx) -> bool:
    """ "le père Noël" is a name, not a date (the nouns are in holiday_name_nouns); a feast
    whose name is also a common noun needs its capital ("son ascension" is a rise)."""
    name = c.g.get("hol") or ""
    if _key(name) in ctx.gram.w.get("capitalised_holidays", ()) and not name[:1].isupper():
        return False
    return _prev_word(ctx, c.mstart) not in ctx.gram.w.get("holiday_name_nouns", ())


def _valid_shift(c: _Cand, ctx: _Ctx) -> bool:
    """ "la veille", "au lendemain": French writes these nouns with their article; a bare one
    is another word ("X veille et raille", the verb)."""
    if ctx.gram.lang != "fr" or c.g.get("det"):
        return True
    prev = _prev_word(ctx, c.start).rsplit("'", 1)[-1]  # "jusqu'au lendemain"
    return prev in ctx.gram.w["determiners"]


def _is_not_age(c: _Cand, ctx: _Ctx) -> bool:
    return not _is_age(c, ctx)


# Dependency labels (prefixes) of a word used as a noun phrase head: subject, object, oblique.
NOUN_DEPS = ("nsubj", "obj", "obl", "nmod", "iobj")
VALIDATORS: dict[str, Callable[[_Cand, _Ctx], bool]] = {
    "month": _valid_month_word,
    "monthyear": _valid_month_word,
    "daydate": _valid_month_word,
    "mdydate": _valid_month_word,
    "duration": _valid_duration,
    "year": _valid_number_year,
    "approxn": _is_not_age,
    "season": _valid_season,
    "wdday": _valid_wdday,
    "setadj": _valid_setadj,
    "ref": _valid_ref,
    "weekday": _not_a_named_day,
    "clockword": _valid_clockword,
    "dayonly": _valid_dayonly,
    "holiday": _valid_holiday,
    "shift": _valid_shift,
    "ici": _valid_ici,
    "yearpair": _valid_yearpair,
    "ago": _valid_ago,
}


# ---------------------------------------------------------------- resolution driver

# Kinds whose year value gives the year of a day or month named after it in the sentence
# ("en 98, le 5 mai", "l'an prochain, le premier dimanche du printemps").
YEAR_CONTEXT_KINDS = frozenset({"year2", "relunit", "thisunit"})
DATE_FIRST = frozenset({"daydate", "nightdate", "mdydate", "numeric", "iso", "numdm", "wdday"})


def _resolve_all(cands: list[_Cand], ctx: _Ctx) -> dict[_Cand, _Value | None]:
    """Explicit dates first (weekdays may refer to them), then the rest, then context kinds."""
    order = sorted(cands, key=lambda c: (_stage(c, ctx), c.start))
    ctx.years.extend((c.start, int(y)) for c in cands if len(y := c.g.get("y") or "") == 4)
    ctx.years[:] = [(s, y) for s, y in ctx.years if not _in_range(ctx.text, s)]
    values: dict[_Cand, _Value | None] = {}
    for c in order:
        values[c] = _record(c, RESOLVERS[c.kind](c, ctx), ctx)
    return values


def _stage(c: _Cand, ctx: _Ctx) -> int:
    """0 explicit dates, 1 most, 2 weekdays without a tense cue (they follow the same weekday
    resolved elsewhere in the text), 3 mentions that take their day from the context."""
    if c.kind in DATE_FIRST:
        return 0
    if c.kind in CONTEXT_KINDS and not c.g.get("wd"):
        return 3
    if c.kind == "weekday" and _anaphoric(c, ctx):
        return 3
    if c.kind in ("weekday", "night") and not c.g.get("rel") and _direction(c, ctx) == 0:
        return 2
    return 1


def _record(c: _Cand, v: _Value | None, ctx: _Ctx) -> _Value | None:
    if v is None:
        return None
    if v.day is not None:
        bisect.insort(ctx.days, (c.start, v.day))
    calendar = re.match(r"\d{4}(?:-\d\d){0,2}(?![\d-])", v.value or "")
    if calendar:
        bisect.insort(ctx.dated, (c.start, calendar.group()))
    if c.kind in YEAR_CONTEXT_KINDS and v.gran == "year" and v.value and v.value.isdigit():
        bisect.insort(ctx.years, (c.start, int(v.value)))  # "l'an prochain, le 5 mai"
    wd = _key(c.g.get("wd"))
    if c.kind in ("daydate", "mdydate", "wdday") and wd and v.day is not None:
        ctx.weekday_dates[ctx.gram.w["weekdays"][wd]] = v.day
    return v


def _in_range(text: str, start: int) -> bool:
    """A year of a span such as "2002/2003" or "1998-1999" (a season, no single year)."""
    return bool(re.match(r"\d{4}\s?[/-]\s?\d", text[start : start + 8])) or bool(
        re.search(r"\d\s?[/-]\s?$", text[max(0, start - 3) : start])
    )


def _sentence(ctx: _Ctx, pos: int) -> int:
    return bisect.bisect_right(ctx.sent_starts, pos) - 1


def _context_day(c: _Cand, ctx: _Ctx, fallback: bool) -> date | None:
    """The day a context mention belongs to: same sentence first, then the text before."""
    sent = _sentence(ctx, c.start)
    i = bisect.bisect_left(ctx.days, (c.start, date.min))
    prev = ctx.days[i - 1] if i else None
    nxt = ctx.days[i] if i < len(ctx.days) else None
    if nxt and nxt[0] - c.end <= ADJACENT_DAY_CHARS and _sentence(ctx, nxt[0]) == sent:
        return nxt[1]  # "at 3:45 p.m. Tuesday", "à 15 heures jeudi": the day right after
    if prev and _sentence(ctx, prev[0]) == sent:
        return prev[1]
    if nxt and _sentence(ctx, nxt[0]) == sent:
        return nxt[1]
    if prev and c.start - prev[0] <= CONTEXT_REACH:
        return prev[1]
    return ctx.anchor if fallback else None


def _context_year(c: _Cand, ctx: _Ctx) -> int | None:
    sent = _sentence(ctx, c.start)
    found = [(s, y) for s, y in ctx.years if s < c.start and _sentence(ctx, s) == sent]
    return max(found)[1] if found else None


# ---------------------------------------------------------------- tense and direction


def _direction(c: _Cand, ctx: _Ctx) -> int:
    """-1 past, +1 future, 0 unknown: from "dernier"/"next" words, else the verb's tense
    (-STRONG for a tense that is past beyond doubt)."""
    rel = _key(c.g.get("rel"))
    if rel in ctx.gram.w.get("past_words", ()):
        return -1
    if rel in ctx.gram.w.get("future_words", ()):
        return 1
    prev = _prev_word(ctx, c.mstart)
    if prev in ctx.gram.w.get("past_preps", ()):
        return -STRONG  # "depuis le 1er janvier": a starting point already passed
    if prev in ctx.gram.w.get("postpone_preps", ()) and _postponed(c, ctx):
        return 1  # "l'audience a été renvoyée au 12 janvier": a new date, ahead
    tense = _verb_tense(c, ctx)
    if prev in ctx.gram.w.get("deadline_preps", ()):
        return max(tense, 0)  # "a donné jusqu'au 30 juin": a past verb says nothing of it
    return tense


def _postponed(c: _Cand, ctx: _Ctx) -> bool:
    """The mention depends on a verb of postponing ("renvoyer", "reporter", "postpone")."""
    tok = _root(ctx, c)
    found = _governing_verb(tok) if tok is not None else None
    return found is not None and found[0].lemma_.lower() in ctx.gram.w["postpone_lemmas"]


def _pick_direction(c: _Cand, ctx: _Ctx) -> int:
    """_direction for choosing the year of a day or month: "dernier"/"prochain" written with it
    leave no doubt, so TENSE_REACH_DAYS does not apply ("septembre prochain" written in
    November is ten months ahead, "décembre dernier" eleven months back)."""
    d = _direction(c, ctx)
    return d * STRONG if c.g.get("rel") and abs(d) == 1 else d


def _verb_tense(c: _Cand, ctx: _Ctx) -> int:
    if ctx.doc is None:
        return 0
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return 0
    found = _governing_verb(span.root)
    if found is None:
        return _fronted_tense(span, ctx)
    verb, came = found
    tense = _tense(verb, came, ctx.gram.w)
    # the date depends on the verb itself, or through its preposition alone (English parses
    # "struck on January 5" as struck > on > January; French hangs "le 5 janvier" on the verb)
    direct = came.i == span.root.i or (came.dep_ == "prep" and span.root.head.i == came.i)
    return -STRONG if tense == -1 and direct else tense


def _fronted_tense(span: TokenSpan, ctx: _Ctx) -> int:
    """ "En août, le festival reprendra": the parser can take a date opening its sentence for
    the root, with no verb above it; the first verb after it in the sentence gives the tense."""
    if span.root.dep_ != "ROOT":
        return 0
    for tok in span.doc[span.end : span.end + 40]:  # the parser's sentence may end at the comma
        if tok.text in (".", "!", "?", ";"):
            return 0
        if tok.pos_ == "VERB" and not _infinitival(tok, False):
            return _tense(tok, tok, ctx.gram.w)
    return 0


def _governing_verb(tok: Token) -> tuple[Token, Token] | None:
    """The nearest verb up the tree that carries tense (an infinitive under "vont", "will"),
    with the token the climb came from."""
    came = tok
    for _ in range(8):
        is_verb = _is_verb(tok) and not _infinitival(tok, with_aux=True)
        finite = "Inf" not in tok.morph.get("VerbForm", [])
        has_aux = any(t.dep_.startswith("aux") for t in tok.children)
        if is_verb and (finite or has_aux or tok.head.i == tok.i):
            return tok, came
        if tok.head.i == tok.i:
            return None
        came, tok = tok, tok.head
    return None


def _is_verb(tok: Token) -> bool:
    """A verb, a predicate with a copula (its tense is the copula's), or a predicate the tagger
    missed whose ending is a future or conditional one ("les travaux commenceront", tagged
    ADJ)."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if any(t.dep_ == "cop" for t in tok.children):
        return True  # a predicate with its copula: "l'hiver a été doux", "sera décisif samedi"
    if tok.pos_ not in ("ADJ", "NOUN") or not tok.text.islower():
        return False
    has_subject = any(t.dep_.startswith("nsubj") for t in tok.children)
    return has_subject and _future_shape(tok.text.lower())


def _tense(verb: Token, came: Token, w: dict[str, Any]) -> int:
    auxes = [t for t in verb.children if t.dep_.startswith("aux") or t.dep_ == "cop"]
    tenses = set(verb.morph.get("Tense", []))
    aux_tenses = {x for a in auxes for x in a.morph.get("Tense", [])}
    aux_lemmas = {a.lemma_.lower() for a in auxes}
    pluperfect = any(a.dep_ == "aux:tense" and "Imp" in a.morph.get("Tense", []) for a in auxes)
    if "Fut" in tenses | aux_tenses or aux_lemmas & {"will", "shall"}:
        return 1
    if _future_form(verb, w) and not any(a.dep_ == "aux:tense" for a in auxes):
        return 1  # "battra", "reprendront", "se tiendrait" read as present or imperfect
    if verb.lemma_.lower() in w["future_lemmas"]:
        return 0 if pluperfect else 1  # "avait prévu d'envoyer mi-mars": either side
    if _modal_future(verb, came, auxes, w) or _present_subjunctive(verb, auxes):
        return 1
    if pluperfect:
        return -STRONG  # "il avait été arrêté": a pluperfect is always before the anchor
    if any(a.dep_ == "aux:tense" for a in auxes) or aux_tenses & {"Past", "Imp"}:
        return -1
    if "have" in aux_lemmas or "Imp" in tenses:
        return -1
    if "Past" in tenses and _bare_participle(verb, auxes):
        return -1  # "le pont, inauguré le 3 février"
    return -1 if "Past" in tenses and "Fin" in verb.morph.get("VerbForm", []) else 0


def _bare_participle(verb: Token, auxes: list[Token]) -> bool:
    """A past participle modifying a noun, without auxiliary: a past event."""
    return not auxes and "Part" in verb.morph.get("VerbForm", []) and verb.dep_ == "acl"


def _present_subjunctive(verb: Token, auxes: list[Token]) -> bool:
    """ "exige que le rapport soit rendu lundi", "faut qu'il parte lundi": a present
    subjunctive looks ahead (a perfect one, "qu'il soit arrivé", has an aux:tense)."""
    if any(a.dep_ == "aux:tense" for a in auxes):
        return False
    return any(
        "Sub" in t.morph.get("Mood", []) and "Pres" in t.morph.get("Tense", [])
        for t in (verb, *auxes)
    )


def _modal_future(verb: Token, came: Token, auxes: list[Token], w: dict[str, Any]) -> bool:
    """ "va se réunir lundi", "doit être jugé vendredi": a present modal whose infinitive
    holds the date."""
    if auxes or "Pres" not in verb.morph.get("Tense", []):
        return False
    if verb.lemma_.lower() not in w.get("future_modals", ()):
        return False
    return came.head.i == verb.i and _infinitival(came, with_aux=False)


def _infinitival(tok: Token, with_aux: bool) -> bool:
    """An infinitive, or a participle whose only auxiliaries are infinitives ("être jugé");
    with_aux=True asks for the second case only."""
    auxes = [t for t in tok.children if t.dep_.startswith("aux")]
    inf_aux = bool(auxes) and all("Inf" in a.morph.get("VerbForm", []) for a in auxes)
    return inf_aux or (not with_aux and "Inf" in tok.morph.get("VerbForm", []))


def _future_form(verb: Token, w: dict[str, Any]) -> bool:
    """A French simple future or conditional the tagger called present or imperfect
    ("battra", "reprendront", "se tiendrait"): the future stem plus an ending; a token that is
    no verb to the tagger needs only the shape (see _is_verb)."""
    word = verb.text.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return _future_shape(word)
    if "Fin" not in verb.morph.get("VerbForm", []):
        return False
    stem = _future_stem(verb.lemma_.lower(), w)
    ends = (*FUTURE_ENDINGS, *CONDITIONAL_ENDINGS)
    cut = [word[: -len(e)] for e in ends if word.endswith(e)]
    return stem is not None and any(_same_stem(x, stem) for x in cut)


def _future_stem(lemma: str, w: dict[str, Any]) -> str | None:
    """ "tenir" -> "tiendr", "prendre" -> "prendr", "commencer" -> "commencer"."""
    for suffix, stem in sorted(w.get("future_stems", {}).items(), key=lambda kv: -len(kv[0])):
        if lemma.endswith(suffix):
            return lemma[: -len(suffix)] + stem
    if lemma.endswith(("er", "ir")):
        return lemma
    return lemma[:-1] if lemma.endswith("re") else None


def _same_stem(found: str, stem: str) -> bool:
    """Equal up to the stem changes of -er verbs: "achèver(a)", "appeller(a)", "paier(a)"."""

    def norm(x: str) -> str:
        return re.sub(r"ie(?=r$)", "ye", re.sub(r"([lt])\1", r"\1", x.replace("è", "e")))

    return found == stem or norm(found) == norm(stem)


def _future_shape(word: str) -> bool:
    """Ends in a future/conditional ending after an r-final stem ("commencer-ont")."""
    for end in sorted((*FUTURE_ENDINGS, *CONDITIONAL_ENDINGS), key=len, reverse=True):
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= MIN_FUTURE_STEM and stem.endswith("r"):
            return True
    return False


# ---------------------------------------------------------------- calendar helpers


def _day_value(ctx: _Ctx, d: date) -> str:
    return d.isoformat() if ctx.has_year else f"--{d.month:02d}-{d.day:02d}"


def _anchor_iso(ctx: _Ctx) -> str | None:
    if ctx.anchor is not None:
        return _day_value(ctx, ctx.anchor)
    return str(ctx.anchor_year) if ctx.anchor_year is not None else None


def _shift(ctx: _Ctx, days: int, base: date | None = None) -> date | None:
    """base + days; without an anchor year only when leap years cannot change the answer."""
    start = base or ctx.anchor
    if start is None:
        return None
    out = start + timedelta(days=days)
    if ctx.has_year or days == 0:
        return out
    try:
        other = date(start.year + 1, start.month, start.day) + timedelta(days=days)
    except ValueError:
        return None
    return out if (other.month, other.day) == (out.month, out.day) else None


def _weekday_date(anchor: date, wd: int, direction: int, strict: bool) -> date:
    """Latest such weekday on or before the anchor, or the next one when the tense is future."""
    if direction > 0:
        ahead = (wd - anchor.weekday()) % 7 or (7 if strict else 0)
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - wd) % 7 or (7 if strict else 0)
    return anchor - timedelta(days=back)


def _pick(cands: list[date], anchor: date, direction: int) -> date:
    """The candidate the tense points to, unless it lies beyond TENSE_REACH_DAYS: then the
    nearest one ("a donné jusqu'au 30 juin" in May means this June, not last year's)."""

    def dist(d: date) -> tuple[int, bool]:
        days = (d - anchor).days
        return (days * FUTURE_WEIGHT if days > 0 else -days), days > 0

    nearest = min(cands, key=dist)
    pool = [d for d in cands if (d - anchor).days * direction >= 0] if direction else []
    best = min(pool, key=lambda d: abs((d - anchor).days)) if pool else nearest
    reach = 366 if abs(direction) >= STRONG else TENSE_REACH_DAYS
    return best if abs((best - anchor).days) <= reach else nearest


def _year_for_day(ctx: _Ctx, m: int, d: int, direction: int, wd: int | None) -> int | None:
    if ctx.anchor is None or not ctx.has_year:
        return ctx.anchor_year if ctx.anchor is None else None
    cands = []
    for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    fitting = [x for x in cands if wd is None or x.weekday() == wd]
    if not fitting:
        return None  # "jeudi 12 novembre" where no year near the anchor fits: never guessed
    return _pick(fitting, ctx.anchor, direction).year


def _year_for_month(ctx: _Ctx, m: int, direction: int) -> int | None:
    if ctx.anchor is None or not ctx.has_year:
        return ctx.anchor_year if ctx.anchor is None else None
    a = ctx.anchor
    cands = [date(y, m, 1) for y in (a.year - 1, a.year, a.year + 1)]
    return _pick(cands, date(a.year, a.month, 1), direction).year


def _number(text: str, w: dict[str, Any]) -> float | None:
    t = re.sub(r"quatre-vingts?", "quatre_vingt", text.lower().replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    total, cur = 0.0, 0.0
    for word in re.split(r"[-\s]+", t):
        if word in ("et", "and"):
            continue
        v = w["number_words"].get(word.replace("_", "-"))
        if v is None:
            return None
        if v >= 100:
            cur = max(cur, 1) * v
            if v == 1000:
                total, cur = total + cur, 0
        else:
            cur += v
    return total + cur


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_value(n: float | None, code: str) -> str:
    pattern, factor = UNIT_CODES[code]
    if n is None:
        return pattern.format("X")
    if n != int(n) and code in "YMWDH":
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("N", 60)}
        sub, k = smaller[code]
        return _duration_value(n * k, sub)
    return pattern.format(_fmt(n * factor))


# ---------------------------------------------------------------- resolvers: explicit dates


def _parse_fragment(ctx: _Ctx, fragment: str) -> datetime | None:
    if fragment not in ctx.parsed:
        ctx.parsed[fragment] = _dateparser(fragment, ctx.gram.lang)
    return ctx.parsed[fragment]


@functools.lru_cache(maxsize=8192)  # a story repeats its dates across articles
def _dateparser(fragment: str, lang: str | None) -> datetime | None:
    date_obj: datetime | None = _date_data_parser(lang).get_date_data(fragment)["date_obj"]
    return date_obj


@functools.cache
def _date_data_parser(lang: str | None) -> dateparser.DateDataParser:
    """One parser per language, built once: ``dateparser.parse`` builds a new one on every
    call, and that locale set-up was most of a call's time."""
    settings: Any = {
        "PARSERS": ["absolute-time"],
        "DATE_ORDER": "MDY" if lang == "en" else "DMY",
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    langs = [lang] if lang else ["fr", "en"]
    return dateparser.DateDataParser(languages=langs, settings=settings)


def _day_result(ctx: _Ctx, y: int | None, m: int, d: int, anchor_used: bool) -> _Value:
    try:
        day = date(y or 2000, m, d)
    except ValueError:
        return _Value("DATE", None, "day")
    value = day.isoformat() if y is not None else f"--{m:02d}-{d:02d}"
    anchor = _anchor_iso(ctx) if anchor_used else None
    return _Value("DATE", value, "day", day, anchor)


def _r_daydate(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "le 10 octobre", "samedi 31 octobre 2020", "le 5 mai au soir" (a part of that day)."""
    v = _daydate_value(c, ctx)
    code = _part_code(ctx, c.g.get("part") or "") if c.g.get("part") else ""
    if v is None or v.value is None or not code:
        return v
    return replace(v, label="TIME", value=f"{v.value}T{code}", gran="time", mod=_pmod(c, ctx))


def _r_mdyen(c: _Cand, ctx: _Ctx) -> _Value | None:
    """An English "Month D, YYYY" inside a French text: that day."""
    month = EN_MONTHS.lower().split("|").index(_key(c.g["mo"])) + 1
    return _day_result(ctx, int(c.g["y"] or 0), month, int(c.g["d"] or 0), False)


def _r_nightdate(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "la nuit du 31 octobre au 1er novembre": the night of the first day."""
    return _r_daydate(replace(c, g={**c.g, "mo": c.g.get("mo1") or c.g["mo"]}), ctx)


def _daydate_value(c: _Cand, ctx: _Ctx) -> _Value | None:
    g = c.g
    day = "1" if _key(g["d"]) in ("1er", "premier") else g["d"]
    found = _parse_fragment(ctx, f"{day} {g['mo']} {g.get('y') or ''}".strip())
    if found is None:
        return _Value("DATE", None, "day")
    if g.get("y"):
        return _day_result(ctx, found.year, found.month, found.day, False)
    wd = ctx.gram.w["weekdays"].get(_key(g.get("wd")))
    known = None if g.get("rel") else _context_year(c, ctx)
    if known is not None and _fits(known, found.month, found.day, wd):
        return _day_result(ctx, known, found.month, found.day, False)  # "en 2001, le 5 mai"
    y = _year_for_day(ctx, found.month, found.day, _pick_direction(c, ctx), wd)
    return _day_result(ctx, y, found.month, found.day, True)


def _fits(y: int, m: int, d: int, wd: int | None) -> bool:
    """The day exists in year y and falls on the weekday named with it, if any."""
    try:
        return wd is None or date(y, m, d).weekday() == wd
    except ValueError:
        return False


def _full_year(ctx: _Ctx, yy: int) -> int:
    limit = (ctx.anchor_year or 2030) + TWO_DIGIT_FUTURE
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


def _r_numeric(c: _Cand, ctx: _Ctx) -> _Value | None:
    g = c.g
    y = g["y"] or ""
    year = y if len(y) == 4 else str(_full_year(ctx, int(y)))
    found = _parse_fragment(ctx, f"{g['d']}/{g['m']}/{year}")
    if found is None:
        return None
    return _day_result(ctx, found.year, found.month, found.day, False)


def _r_iso(c: _Cand, ctx: _Ctx) -> _Value | None:
    g = c.g
    try:
        day = date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    except ValueError:
        return None
    if g.get("h"):
        return _Value("TIME", f"{day.isoformat()}T{g['h']}:{g['mi']}", "time", day)
    return _Value("DATE", day.isoformat(), "day", day)


def _r_numdm(c: _Cand, ctx: _Ctx) -> _Value | None:
    m, d = int(c.g["m"] or 0), int(c.g["d"] or 0)
    if ctx.gram.lang == "en":
        m, d = d, m  # "11/05" is November 5 in English
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    y = _year_for_day(ctx, m, d, _direction(c, ctx), None)
    return _day_result(ctx, y, m, d, True)


def _month_no(c: _Cand, ctx: _Ctx) -> int:
    w = ctx.gram.w
    mo = _key(c.g.get("mo")).rstrip(".")
    return int(w["months"].get(mo) or w["month_abbrevs"][mo])


def _pmod(c: _Cand, ctx: _Ctx) -> str | None:
    pm = _key(c.g.get("pmod"))
    return ctx.gram.w["part_mods"].get(pm) if pm else None


def _r_monthyear(c: _Cand, ctx: _Ctx) -> _Value | None:
    value = PartialDate(int(c.g["y"] or 0), _month_no(c, ctx)).iso()
    return _Value("DATE", value, "month", mod=_pmod(c, ctx))


def _r_month(c: _Cand, ctx: _Ctx) -> _Value | None:
    m = _month_no(c, ctx)
    y = None if c.g.get("rel") else _context_year(c, ctx)
    anchor = None if y is not None else _anchor_iso(ctx)
    if y is None:
        y = _year_for_month(ctx, m, _pick_direction(c, ctx))
    return _Value("DATE", PartialDate(y, m).iso(), "month", anchor=anchor, mod=_pmod(c, ctx))


def _r_year(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("DATE", c.g["y"], "year")


def _r_year2(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("DATE", str(_full_year(ctx, int(c.g["y"] or 0))), "year")


def _r_yearmod(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("DATE", c.g["y"], "year", mod=_pmod(c, ctx))


def _r_ordwd(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "le premier dimanche du printemps", "le dernier lundi de mai 2003": the n-th (or last)
    such weekday of the month or season, in the year the tense points to."""
    w = ctx.gram.w
    wd = int(w["weekdays"][_key(c.g["wd"])])
    ord_ = _key(c.g["ord"])
    n = -1 if ord_.startswith("dernier") else int(w["ordinals"][ord_])
    if c.g.get("season") and n < 0:
        return _Value("DATE", None, "day")
    known = c.g.get("y") or _context_year(c, ctx)
    years = [int(known)] if known else _near_years(ctx)
    cands = [d for y in years if (d := _nth_weekday(c, ctx, y, wd, n)) is not None]
    if not cands or ctx.anchor is None:
        return _Value("DATE", None, "day")
    day = cands[0] if known else _pick(cands, ctx.anchor, _direction(c, ctx))
    anchor = None if known else _anchor_iso(ctx)
    return _Value("DATE", day.isoformat(), "day", day, anchor)


def _near_years(ctx: _Ctx) -> list[int]:
    a = ctx.anchor
    return [a.year - 1, a.year, a.year + 1] if a is not None and ctx.has_year else []


def _nth_weekday(c: _Cand, ctx: _Ctx, y: int, wd: int, n: int) -> date | None:
    """The n-th weekday wd (n = -1: the last) of the month or season named in c, in year y."""
    if c.g.get("season"):
        m, d = SEASON_FIRST_DAY[ctx.gram.w["seasons"][_key(c.g["season"])]]
        first = date(y, m, d)
    else:
        first = date(y, _month_no(c, ctx), 1)
    if n < 0:
        nxt = date(y + first.month // 12, first.month % 12 + 1, 1)
        return nxt - timedelta(days=(nxt.weekday() - wd) % 7 or 7)
    day = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return day if c.g.get("season") or day.month == first.month else None


def _r_wdday(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "dimanche 15": the 15th of the month around the anchor that falls on a Sunday."""
    a = ctx.anchor
    if a is None or not ctx.has_year:
        return _Value("DATE", None, "day")
    d = 1 if _key(c.g["d"]) == "1er" else int(c.g["d"] or 0)
    wd = int(ctx.gram.w["weekdays"][_key(c.g["wd"])])
    for k in (0, -1, 1):
        day = _month_day(a, k, d)
        if day is not None and day.weekday() == wd:
            return _Value("DATE", day.isoformat(), "day", day, _anchor_iso(ctx))
    return None


def _r_decade(c: _Cand, ctx: _Ctx) -> _Value | None:
    dec = c.g["dec"] or ""
    full = dec if len(dec) == 4 else ("19" + dec if ctx.gram.lang else dec)
    return _Value("DATE", full[:3] + "X", "period", mod=_pmod(c, ctx))


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    vals = [ROMAN.get(ch.upper(), 0) for ch in text]
    if not all(vals):
        return None
    nxt = [*vals[1:], 0]
    return sum(-v if v < n else v for v, n in zip(vals, nxt, strict=True))


def _r_century(c: _Cand, ctx: _Ctx) -> _Value | None:
    n = _roman(c.g["cent"] or "")
    if not n:
        return None
    return _Value("DATE", f"{n - 1:02d}XX", "period", mod=_pmod(c, ctx))


# ---------------------------------------------------------------- resolvers: relative days


def _part_code(ctx: _Ctx, part: str) -> str:
    return str(ctx.gram.w["day_parts"][_key(part)])


def _day_or_part(
    ctx: _Ctx, d: date | None, part: str | None, anchor: str | None, mod: str | None = None
) -> _Value:
    if not part or not _part_code(ctx, part):  # "en fin de journée": the day itself
        value = _day_value(ctx, d) if d is not None else None
        return _Value("DATE", value, "day", d, anchor if d else None, mod)
    if d is None:
        return _Value("TIME", None, "time", mod=mod)
    return _Value("TIME", f"{_day_value(ctx, d)}T{_part_code(ctx, part)}", "time", d, anchor, mod)


def _present_ref(c: _Cand, ctx: _Ctx) -> bool:
    """Sentence-initial "Aujourd'hui," means "nowadays" (FTiB: PRESENT_REF)."""
    word = ctx.text[c.start : c.end]
    follows = ctx.text[c.end : c.end + 1]
    at_start = c.start in ctx.sent_starts and word.lower().startswith("aujourd")
    return word[:1].isupper() and follows == "," and at_start and not c.g.get("part")


def _r_relday(c: _Cand, ctx: _Ctx) -> _Value | None:
    rd = _key(c.g["rd"])
    if _present_ref(c, ctx):
        return _Value("TIME", "PRESENT_REF", "period")
    d = _shift(ctx, int(ctx.gram.w["relative_days"][rd]))
    return _day_or_part(ctx, d, c.g.get("part"), _anchor_iso(ctx), _pmod(c, ctx))


def _r_thispart(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _day_or_part(ctx, ctx.anchor, c.g.get("part"), _anchor_iso(ctx))


def _weekday_day(c: _Cand, ctx: _Ctx, wd_word: str) -> date | None:
    """A weekday named elsewhere with its date or a tense cue keeps that date; otherwise the
    latest such day on or before the anchor, or the next one when the tense is future. "Vendredi
    dernier" in a Friday's article is a week back; it does not carry over to a bare "vendredi",
    which is that day (ml_crisis_tls)."""
    wd = int(ctx.gram.w["weekdays"][_key(wd_word)])
    rel = _key(c.g.get("rel"))
    if _anaphoric(c, ctx):
        return _weekday_after(c, ctx, wd)
    strict = rel in (*ctx.gram.w["past_words"], *ctx.gram.w["future_words"])
    direction = _direction(c, ctx)
    known = ctx.weekday_dates.get(wd)
    near = known is not None and (
        ctx.anchor is None or abs((known - ctx.anchor).days) <= WEEKDAY_COREF_DAYS
    )
    if near and not strict and (direction == 0 or not ctx.has_year):
        return known
    if ctx.anchor is None or not ctx.has_year:
        return None
    day = _weekday_date(ctx.anchor, wd, direction, strict)
    if (direction or strict) and abs((day - ctx.anchor).days) != 7:
        ctx.weekday_dates.setdefault(wd, day)
    return day


def _anaphoric(c: _Cand, ctx: _Ctx) -> int:
    """+1 / -1 for "suivant" / "précédent": counted from the context, not the anchor."""
    return int(ctx.gram.w.get("anaphoric_words", {}).get(_key(c.g.get("rel")), 0))


def _weekday_after(c: _Cand, ctx: _Ctx, wd: int) -> date | None:
    """ "le lundi suivant": the first such weekday after the context day (before it for
    "précédent"); unresolved without a context day."""
    base = _context_day(c, ctx, fallback=False)
    if base is None:
        return None
    if _anaphoric(c, ctx) > 0:
        return base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    return base - timedelta(days=(base.weekday() - wd) % 7 or 7)


def _r_weekday(c: _Cand, ctx: _Ctx) -> _Value | None:
    d = _weekday_day(c, ctx, c.g["wd"] or "")
    return _day_or_part(ctx, d, c.g.get("part"), _anchor_iso(ctx), _pmod(c, ctx))


def _r_night(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "la nuit de mardi à mercredi", "la matinée de jeudi": that part of the (first) day."""
    d = _weekday_day(c, ctx, c.g["wd"] or "")
    return _day_or_part(ctx, d, c.g.get("part") or "night", _anchor_iso(ctx))


def _r_weekdays(c: _Cand, ctx: _Ctx) -> _Value | None:
    wd = int(ctx.gram.w["weekday_plurals"][_key(c.g["wdp"])])
    return _Value("SET", f"XXXX-WXX-{wd + 1}", "set")


# ---------------------------------------------------------------- resolvers: weeks, months, years

UNIT_KIND = {
    "semaine": "week", "week": "week", "mois": "month", "month": "month", "année": "year",
    "an": "year", "year": "year", "week-end": "weekend", "weekend": "weekend",
    "trimestre": "quarter", "quarter": "quarter", "jour": "day", "day": "day",
}  # fmt: skip


def _week_value(d: date, suffix: str = "") -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}{suffix}"


def _weekend(a: date, k: int, direction: int) -> str:
    if k < 0 or (k == 0 and direction < 0 and a.weekday() < 5):
        return _week_value(a - timedelta(days=7), "-WE")
    if k > 0 and a.weekday() >= 5:
        return _week_value(a + timedelta(days=7), "-WE")
    return _week_value(a, "-WE")


def _unit_value(ctx: _Ctx, unit: str, k: int, direction: int) -> tuple[str | None, str]:
    kind = UNIT_KIND[_key(unit)]
    if kind == "year":
        return (str(ctx.anchor_year + k) if ctx.anchor_year is not None else None), "year"
    a = ctx.anchor
    if a is None or not ctx.has_year:
        return None, kind
    if kind == "week":
        return _week_value(a + timedelta(days=7 * k)), "week"
    if kind == "weekend":
        return _weekend(a, k, direction), "week"
    months = a.year * 12 + a.month - 1 + (k if kind == "month" else 3 * k)
    y, m = divmod(months, 12)
    if kind == "month":
        return f"{y}-{m + 1:02d}", "month"
    return f"{y}-Q{m // 3 + 1}", "quarter"


def _unit_result(c: _Cand, ctx: _Ctx, k: int) -> _Value:
    value, gran = _unit_value(ctx, c.g["unit"] or "", k, _direction(c, ctx))
    anchor = _anchor_iso(ctx) if value else None
    return _Value("DATE", value, "week" if gran == "quarter" else gran, None, anchor, _pmod(c, ctx))


def _r_thisunit(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _unit_result(c, ctx, 0)


def _r_anaunit(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "l'année suivante", "le mois précédent", "la même année", "cette année-là": counted
    from the calendar value of the mention before it (TimeML: anaphoric, not deictic like
    "l'an prochain"); without one within CONTEXT_REACH it stays unresolved."""
    k = int(ctx.gram.w["anaphoric_words"][_key(c.g["ana"])])
    kind = UNIT_KIND[_key(c.g["unit"])]
    before = [(s, iso) for s, iso in ctx.dated if 0 < c.start - s <= CONTEXT_REACH]
    value, day = _ana_value(before[-1][1], kind, k) if before else (None, None)
    anchor = before[-1][1] if value else None
    gran = {"quarter": "period"}.get(kind, kind)
    return _Value("DATE", value, gran, day, anchor)


def _ana_value(base: str, kind: str, k: int) -> tuple[str | None, date | None]:
    """base (YYYY, YYYY-MM or YYYY-MM-DD) moved by k units, if base is fine enough for it."""
    parts = [int(x) for x in base.split("-")]
    if kind == "year":
        return str(parts[0] + k), None
    if len(parts) < 2:
        return None, None
    if kind in ("month", "quarter"):
        y, m = divmod(parts[0] * 12 + parts[1] - 1 + k * (1 if kind == "month" else 3), 12)
        return (f"{y}-{m + 1:02d}" if kind == "month" else f"{y}-Q{m // 3 + 1}"), None
    if len(parts) < 3:
        return None, None
    d = date(parts[0], parts[1], parts[2]) + timedelta(days=k * (7 if kind == "week" else 1))
    return (_week_value(d), None) if kind == "week" else (d.isoformat(), d)


def _r_whole(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "toute la journée": the length of the whole unit."""
    return _Value("DURATION", str(ctx.gram.w["whole_units"][_key(c.g["whole"])]), "duration")


def _r_ordday(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "lors de la quatrième journée" (a round of a sports season): FTiB gives P1D."""
    return _Value("DURATION", "P1D", "duration")


def _r_lastpart(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "la nuit dernière": that part of the day before the anchor."""
    return _day_or_part(ctx, _shift(ctx, -1), c.g.get("part"), _anchor_iso(ctx))


def _r_anapart(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "la nuit précédente": that part of the day before the context day (after it for
    "suivante"); unresolved without a context day (as "la veille")."""
    k = int(ctx.gram.w["anaphoric_words"][_key(c.g["ana"])])
    base = _context_day(c, ctx, fallback=False)
    d = _shift(ctx, k, base) if base is not None else None
    return _day_or_part(ctx, d, c.g.get("part"), _day_value(ctx, base) if base else None)


def _r_ordunit(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "le premier trimestre 2002" -> 2002-Q1, "le second semestre" -> <year>-H2."""
    n = int(ctx.gram.w["ordinals"][_key(c.g["ord"])])
    quarter = _key(c.g["unit"]) in ("trimestre", "quarter")
    if n > (4 if quarter else 2):
        return None
    y = int(c.g["y"] or 0) if c.g.get("y") else _ordunit_year(c, ctx, n, 3 if quarter else 6)
    value = f"{y}-{'Q' if quarter else 'H'}{n}" if y is not None else None
    anchor = _anchor_iso(ctx) if value and not c.g.get("y") else None
    return _Value("DATE", value, "period", None, anchor)


def _ordunit_year(c: _Cand, ctx: _Ctx, n: int, months: int) -> int | None:
    """Year of the n-th quarter/half (months long) named without a year."""
    direction = _direction(c, ctx)
    if c.g.get("rel"):
        return ctx.anchor_year + direction if ctx.anchor_year is not None else None
    return _period_year(ctx, (n - 1) * months + 1, n * months, direction)


def _period_year(ctx: _Ctx, first: int, last: int, direction: int) -> int | None:
    """Year of a part of the year (months first..last) named without one: the anchor year's,
    unless a past tense finds it not begun ("le PIB a reculé au quatrième trimestre" written in
    January: last year's) or a future one finds it over (next year's)."""
    y = ctx.anchor_year
    if y is None or ctx.anchor is None or not ctx.has_year:
        return y
    now = ctx.anchor.month
    if direction < 0 and now < first:
        return y - 1
    return y + 1 if direction > 0 and now > last else y


def _r_relunit(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _unit_result(c, ctx, _direction(c, ctx) or 0)


def _r_unit_of_rel(c: _Cand, ctx: _Ctx) -> _Value | None:
    """The anchor's unit, or the one before / after it for "dernier" / "prochain": "la fin de
    l'année", "la fin de la semaine dernière"; "au cours du week-end" is the weekend the tense
    points to (the one before the anchor in a past sentence written on a weekday)."""
    return _unit_result(c, ctx, _direction(c, ctx) if c.g.get("rel") else 0)


def _dayonly_value(c: _Cand, ctx: _Ctx) -> _Value:
    """ "le 12": that day of the month of the date named just before it, else of the month
    around the anchor the tense points to ("a été arrêté le 28" written on 4 November is
    28 October; "rouvrira le 2" written on 30 December is 2 January)."""
    d = 1 if _key(c.g["d"]) == "1er" else int(c.g["d"] or 0)
    month = _context_month(c, ctx)
    if month is not None:
        return _day_result(ctx, month[0], month[1], d, False)
    a = ctx.anchor
    cands = [x for k in (-1, 0, 1) if a is not None and (x := _month_day(a, k, d))]
    if a is None or not ctx.has_year or not cands:
        return _Value("DATE", None, "day")
    day = _pick(cands, a, _direction(c, ctx))
    return _Value("DATE", day.isoformat(), "day", day, _anchor_iso(ctx))


def _r_dayonly(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "le 12", and with a part of that day "le 9 au soir", "la nuit du 8 au 9"."""
    v = _dayonly_value(c, ctx)
    part = c.g.get("part")
    return _day_or_part(ctx, v.day, part, v.anchor) if part else v


def _month_day(a: date, k: int, d: int) -> date | None:
    """Day d of the month k months from a's, if it exists."""
    y, m = divmod(a.year * 12 + a.month - 1 + k, 12)
    try:
        return date(y, m + 1, d)
    except ValueError:
        return None


def _context_month(c: _Cand, ctx: _Ctx) -> tuple[int, int] | None:
    """(year, month) of the latest calendar value of month precision or finer before the
    mention, within CONTEXT_REACH ("Le 2 mars, ... Le 5, ...")."""
    before = [iso for s, iso in ctx.dated if 0 < c.start - s <= CONTEXT_REACH and len(iso) >= 7]
    return (int(before[-1][:4]), int(before[-1][5:7])) if before else None


# ---------------------------------------------------------------- resolvers: durations and sets


def _unit_code(c: _Cand, ctx: _Ctx) -> str:
    return str(ctx.gram.w["units"][_key(c.g.get("unit"))])


def _amount(c: _Cand, ctx: _Ctx) -> float | None:
    if c.g.get("approx"):
        return float(APPROX_NUMBERS[_key(c.g["approx"])])
    n = _key(c.g.get("n"))
    if not n or n in ctx.gram.w["vague_numbers"]:
        return None
    value = _number(n, ctx.gram.w)
    return value + 0.5 if value is not None and c.g.get("half") else value


def _qmod(c: _Cand, ctx: _Ctx) -> str | None:
    q = _key(c.g.get("qmod"))
    return ctx.gram.w["quantity_mods"].get(q) if q else None


def _r_duration(c: _Cand, ctx: _Ctx) -> _Value | None:
    n = _key(c.g.get("n"))
    if n and n not in ctx.gram.w["vague_numbers"] and _number(n, ctx.gram.w) is None:
        return None
    value = _duration_value(_amount(c, ctx), _unit_code(c, ctx))
    return _Value("DURATION", value, "duration", mod=_qmod(c, ctx))


def _r_lastn(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "ces trois derniers jours" is a length; "les jours à venir", with no number, the vague
    future (as "l'avenir"; both annotators of the second hand batch who met it)."""
    if not c.g.get("n") and _key(c.g.get("rel")) == "à venir":
        return _Value("TIME", "FUTURE_REF", "period")
    return _r_duration(c, ctx)


def _r_quarter(c: _Cand, ctx: _Ctx) -> _Value | None:
    n = 45 if _key(c.g["q"]) == "trois" else 15
    return _Value("DURATION", f"PT{n}M", "duration")


def _r_halfunit(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("DURATION", _duration_value(0.5, _unit_code(c, ctx)), "duration")


def _r_approxn(c: _Cand, ctx: _Ctx) -> _Value | None:
    n = float(APPROX_NUMBERS[_key(c.g["approx"])])
    return _Value("DURATION", _duration_value(n, _unit_code(c, ctx)), "duration", mod="APPROX")


def _offset_result(c: _Cand, ctx: _Ctx, sign: int) -> _Value:
    """ "il y a deux ans" / "dans trois jours": the anchor moved by the duration; hours or
    minutes back ("il y a deux heures", "il y a quelques minutes") are a time of the anchor day
    whose clock the anchor does not give."""
    n, code = _amount(c, ctx), _unit_code(c, ctx)
    if code in ("H", "N", "S"):  # "il y a (quelques) heures": a time of the anchor day
        d = _shift(ctx, 0)
        value = f"{_day_value(ctx, d)}TXX:XX" if d is not None else None
        return _Value("TIME", value, "time", d, _anchor_iso(ctx) if value else None)
    if n is None:
        return _Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "period")
    k = int(sign * n)
    if code in ("Y", "C", "E"):
        years = k * UNIT_CODES[code][1]
        value = str(ctx.anchor_year + years) if ctx.anchor_year is not None else None
        return _Value("DATE", value, "year", anchor=_anchor_iso(ctx) if value else None)
    if code in ("M", "Q", "6"):
        k *= UNIT_CODES[code][1]
        value, _ = _unit_value(ctx, "mois", k, 0)
        return _Value("DATE", value, "month", anchor=_anchor_iso(ctx) if value else None)
    days = k * 7 if code == "W" else (k if code == "D" else 0)
    return _day_or_part(ctx, _shift(ctx, days), None, _anchor_iso(ctx))


def _r_ago(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _offset_result(c, ctx, -1)


def _r_after(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _offset_result(c, ctx, 1)


def _r_every(c: _Cand, ctx: _Ctx) -> _Value | None:
    w, unit = ctx.gram.w, _key(c.g.get("unit"))
    if unit in w["units"]:
        n = _amount(c, ctx) or 1.0
        return _Value("SET", _duration_value(n, w["units"][unit]), "set")
    wd = w["weekdays"].get(unit, w["weekday_plurals"].get(unit))
    if wd is not None:
        part = c.g.get("part")
        suffix = f"T{_part_code(ctx, part)}" if part else ""
        return _Value("SET", f"XXXX-WXX-{int(wd) + 1}{suffix}", "set")
    if unit in w["seasons"]:
        return _Value("SET", f"XXXX-{w['seasons'][unit]}", "set")  # "chaque été"
    code = w["day_parts"].get(unit, w["day_parts"].get(unit[:-1]))
    if code == "":
        return _Value("SET", "P1D", "set")  # "chaque journée"
    return _Value("SET", f"XXXX-XX-XXT{code or 'XX'}", "set")  # "chaque soir", "tous les matins"


def _r_yearpair(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("DATE", str(_pair_year(c, ctx)), "year")


def _r_everydate(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "chaque 11 novembre": that day of every year."""
    d = 1 if _key(c.g["d"]) == "1er" else int(c.g["d"] or 0)
    return _Value("SET", f"XXXX-{_month_no(c, ctx):02d}-{d:02d}", "set")


def _r_per(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("SET", _duration_value(1.0, _unit_code(c, ctx)), "set")


def _r_setadj(c: _Cand, ctx: _Ctx) -> _Value | None:
    return _Value("SET", ctx.gram.w["set_adjectives"][_key(c.g["adj"])], "set")


# ---------------------------------------------------------------- resolvers: named periods


def _r_season(c: _Cand, ctx: _Ctx) -> _Value | None:
    code = ctx.gram.w["seasons"][_key(c.g["season"])]
    mod = _pmod(c, ctx)
    if c.g.get("y"):
        return _Value("DATE", f"{c.g['y']}-{code}", "period", mod=mod)
    if ctx.anchor_year is None:
        return _Value("DATE", None, "period", mod=mod)
    det = _key(c.g.get("det"))
    if c.g.get("rel") or det in ("last", "next"):
        k = -1 if det == "last" else (1 if det == "next" else _direction(c, ctx))
        year = _season_year(ctx, code, k)
    elif det in ctx.gram.w["this_words"]:
        year = ctx.anchor_year  # "cet été"
    else:
        year = _season_by_tense(c, ctx, code)  # "au printemps, les travaux reprendront"
    return _Value("DATE", f"{year}-{code}", "period", anchor=_anchor_iso(ctx), mod=mod)


def _season_by_tense(c: _Cand, ctx: _Ctx, code: str) -> int:
    """Year of a season named alone: the anchor year's, unless a future tense finds that one
    over ("au printemps, les travaux reprendront" in November: next spring) or a past tense
    beyond doubt finds it not yet begun ("l'hiver a été doux" in November: last winter). A
    weaker past, or a bare participle, keeps the anchor year (ftib dev, written in May: "des
    législatives anticipées à l'automne" are the coming autumn's)."""
    year = ctx.anchor_year or 0
    if ctx.anchor is None or not ctx.has_year:
        return year
    first, now = SEASON_START[code], ctx.anchor.month  # months of the anchor year
    direction = _direction(c, ctx)
    if direction > 0 and now > first + 2:
        return year + 1
    past = direction <= -STRONG and not _under_participle(c, ctx)
    return year - 1 if past and now < first else year


def _under_participle(c: _Cand, ctx: _Ctx) -> bool:
    """The mention depends on a participle used as an adjective ("anticipées à l'automne")."""
    tok = _root(ctx, c)
    return tok is not None and tok.head.i != tok.i and _bare_participle(tok.head, [])


def _season_year(ctx: _Ctx, code: str, k: int) -> int:
    """Year of the season named with "dernier"/"prochain" (k = -1/+1): the last one over before
    the anchor, or the next one not begun ("l'été dernier" in November is this year's)."""
    year = ctx.anchor_year or 0
    if not k or ctx.anchor is None or not ctx.has_year:
        return year + k
    first = SEASON_START[code]  # months of year y from `first` to `first + 2`
    now = ctx.anchor.month + 12 * year
    if k < 0:
        return max(y for y in (year - 2, year - 1, year) if first + 2 + 12 * y < now)
    return min(y for y in (year, year + 1, year + 2) if first + 12 * y > now)


def _holiday_date(spec: str, year: int) -> date:
    if spec.startswith("E"):
        return easter(year) + timedelta(days=int(spec[1:]))
    m, d = spec.split("-")
    return date(year, int(m), int(d))


def _r_holiday(c: _Cand, ctx: _Ctx) -> _Value | None:
    name = _key(c.g["hol"])
    spec = str(ctx.gram.w["holidays"][name])
    if ctx.anchor is None or not ctx.has_year:
        return _Value("DATE", None, "day")
    a = ctx.anchor
    cands = [_holiday_date(spec, y) for y in (a.year - 1, a.year, a.year + 1)]
    day = _pick(cands, a, _direction(c, ctx))
    return _Value("DATE", day.isoformat(), "day", day, _anchor_iso(ctx))


def _r_ref(c: _Cand, ctx: _Ctx) -> _Value | None:
    ref = _key(c.g["ref"])
    return _Value("TIME", str(ctx.gram.w["ref_words"][ref]), "period")


def _r_ici(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "d'ici (le 30 juin)": the span from now; FTiB gives it the anchor day."""
    return _day_or_part(ctx, ctx.anchor, None, _anchor_iso(ctx))


# ---------------------------------------------------------------- resolvers: context mentions


def _clock(ctx: _Ctx, d: date | None, h: int, mi: int, anchor: str | None) -> _Value | None:
    if h > 24 or mi > 59:
        return None
    if d is None:
        return _Value("TIME", None, "time")
    return _Value("TIME", f"{_day_value(ctx, d)}T{h:02d}:{mi:02d}", "time", d, anchor)


def _clock_day(c: _Cand, ctx: _Ctx) -> date | None:
    if c.g.get("wd"):
        return _weekday_day(c, ctx, c.g["wd"] or "")
    if _is_stamp(c, ctx):
        return ctx.anchor
    return _context_day(c, ctx, fallback=True)


def _recurring(ctx: _Ctx, pos: int) -> bool:
    """ "Chaque matin à 8 heures", "every day at 9 am": the time of a recurring event names no
    day (TimeML: XXXX-XX-XXT08:00)."""
    return _every_before(ctx.gram.lang).search(_before(ctx, pos, 40)) is not None


@functools.cache
def _every_before(lang: str | None) -> re.Pattern[str]:
    every = _alt(_tables().get(lang or "", {}).get("every", ()))
    return re.compile(rf"(?<!\w){every}\s+[\w-]+\s+(?:à|vers|dès|at|around)?\s*$")


def _is_stamp(c: _Cand, ctx: _Ctx) -> bool:
    """ "12h37 : Nicolas Sarkozy a réuni …": a live report's entry opens on its time stamp,
    which belongs to the day of the page, not to a day the entry before told of."""
    line = ctx.text.rfind("\n", 0, c.start) + 1
    opens = not ctx.text[line : c.start].strip(" \t-–—•*")
    return opens and re.match(r"\s*[:.\-–—]\s", ctx.text[c.end : c.end + 4]) is not None


def _clock_duration(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "a duré 2 h 30", "en 1 h 45 min": a length of time, not a time of day."""
    cues = ctx.gram.w.get("clock_duration_cues", ())
    if not c.g.get("mn") and _prev_word(ctx, c.mstart) not in cues:
        return None
    h, mi = int(c.g["h"] or 0), int(c.g.get("mi") or 0)
    value = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "")
    return _Value("DURATION", value if value != "PT" else "PT0M", "duration")


def _r_clock(c: _Cand, ctx: _Ctx) -> _Value | None:
    as_duration = _clock_duration(c, ctx)
    if as_duration is not None:
        return as_duration
    h, mi = int(c.g["h"] or 0), int(c.g.get("mi") or 0)
    ampm = _key(c.g.get("ampm"))
    if _key(c.g.get("dp")) in ("soir", "après-midi") and h < 12:
        h += 12
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    return _clock_of_day(c, ctx, h, mi)


def _r_clocknum(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "six heures du matin", "huit heures du soir": the hour written in words."""
    h = _number(_key(c.g["hw"]), ctx.gram.w)
    if h is None or not 0 <= h <= 12:
        return None
    later = _key(c.g["dp"]) != "matin" and h < 12
    return _clock_of_day(c, ctx, int(h) + (12 if later else 0), 0)


def _r_milclock(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "1300 GMT": never a length of time, and its hour is already on the 24-hour clock."""
    return _clock_of_day(c, ctx, int(c.g["h"] or 0), int(c.g["mi"] or 0))


def _clock_of_day(c: _Cand, ctx: _Ctx, h: int, mi: int) -> _Value | None:
    if _recurring(ctx, c.mstart):
        return _Value("TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}", "time")
    d = _clock_day(c, ctx)
    return _unrecorded(ctx, _clock(ctx, d, h, mi, _day_value(ctx, d) if d else None))


def _r_noon(c: _Cand, ctx: _Ctx) -> _Value | None:
    d = _context_day(c, ctx, fallback=True)
    return _unrecorded(ctx, _day_or_part(ctx, d, c.g["part"], _day_value(ctx, d) if d else None))


def _unrecorded(ctx: _Ctx, v: _Value | None) -> _Value | None:
    """A value that fell back on the anchor is no context for the mentions after it."""
    return replace(v, day=None) if v is not None and v.day == ctx.anchor else v


def _r_ctxday(c: _Cand, ctx: _Ctx) -> _Value | None:
    coarse = _coarse_context(c, ctx)
    if coarse is not None:
        return _Value("DATE", coarse, "year" if len(coarse) == 4 else "month")
    d = _context_day(c, ctx, fallback=False)
    return _day_or_part(ctx, d, None, _day_value(ctx, d) if d else None)


def _coarse_context(c: _Cand, ctx: _Ctx) -> str | None:
    """ "en 1984 (…). Ce jour-là": when the last date named before is a past year or month,
    later than any day named, "that day" is a day of it, and that year or month is all we know
    ("son mandat s'achève en juin 2016. Le même jour, …" looks back to a day already told)."""
    i = bisect.bisect_left(ctx.dated, (c.start, ""))
    if not i or c.start - ctx.dated[i - 1][0] > CONTEXT_REACH or len(ctx.dated[i - 1][1]) > 7:
        return None
    pos, value = ctx.dated[i - 1]
    last_day = max((s for s, _ in ctx.days if s < c.start), default=-1)
    now = _anchor_iso(ctx)
    return value if pos > last_day and now is not None and value < now[: len(value)] else None


def _r_ctxpart(c: _Cand, ctx: _Ctx) -> _Value | None:
    d = _context_day(c, ctx, fallback=True)
    anchor = _day_value(ctx, d) if d else None
    return _unrecorded(ctx, _day_or_part(ctx, d, c.g["part"], anchor, _pmod(c, ctx)))


def _r_ofpart(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "the afternoon of December 3": that part of the day named right after "of"."""
    after = [d for s, d in ctx.days if 0 <= s - c.mend <= len(" of ")]
    if not after:
        return None
    return _day_or_part(ctx, after[0], c.g["part"], _day_value(ctx, after[0]))


def _r_shift(c: _Cand, ctx: _Ctx) -> _Value | None:
    """ "le lendemain": the context day plus one; "au lendemain de <date>": that date plus one;
    "au lendemain de <event>": the day the sentence is about (the event is the day before)."""
    shift = int(ctx.gram.w["context_shift"][_key(c.g["shift"])])
    follow = re.match(r"\s+(?:de|du|des|d['’]|of)\s*", ctx.text[c.mend : c.mend + 8])
    if follow:
        nxt = [d for s, d in ctx.days if 0 <= s - c.mend <= follow.end() + 4]
        # "au lendemain de <event>" is the day the sentence is about: its context, else the
        # anchor (the news day: "ces déclarations interviennent au lendemain d'une visite")
        base, shift = (nxt[0], shift) if nxt else (_context_day(c, ctx, True), 0)
    else:
        base = _context_day(c, ctx, fallback=False)
    d = _shift(ctx, shift, base) if base is not None else None
    return _day_or_part(ctx, d, c.g.get("part"), _day_value(ctx, base) if base else None)


Resolver = Callable[[_Cand, _Ctx], "_Value | None"]
RESOLVERS: dict[str, Resolver] = {
    "numeric": _r_numeric, "iso": _r_iso, "numdm": _r_numdm, "year": _r_year,
    "daydate": _r_daydate, "nightdate": _r_nightdate, "mdydate": _r_daydate, "daycoord": _r_daydate,
    "mdyen": _r_mdyen,
    "monthyear": _r_monthyear, "month": _r_month, "decade": _r_decade, "century": _r_century,
    "relday": _r_relday, "thispart": _r_thispart, "tonight": _r_thispart,
    "thisunit": _r_thisunit, "anaunit": _r_anaunit, "anasame": _r_anaunit,
    "anathere": _r_anaunit, "relunit": _r_relunit,
    "unitmod": _r_unit_of_rel, "unitmod2": _r_unit_of_rel,
    "lastn": _r_lastn, "lastn2": _r_lastn, "lastn3": _r_lastn, "yearmod": _r_yearmod,
    "wdday": _r_wdday, "ordwd": _r_ordwd, "quarter": _r_quarter,
    "weekday": _r_weekday, "night": _r_night, "weekdays": _r_weekdays,
    "clock": _r_clock, "clockword": _r_clock, "clockcolon": _r_clock, "noon": _r_noon,
    "milclock": _r_milclock, "clocknum": _r_clocknum, "enunit": _r_every,
    "duration": _r_duration, "halfunit": _r_halfunit, "approxn": _r_approxn,
    "ncoord": _r_duration, "ago": _r_ago, "agoapprox": _r_ago, "after": _r_after,
    "whole": _r_whole, "every": _r_every, "everydate": _r_everydate, "per": _r_per,
    "setadj": _r_setadj, "season": _r_season, "holiday": _r_holiday, "ref": _r_ref,
    "ici": _r_ici, "year2": _r_year2, "ctxday": _r_ctxday, "shift": _r_shift,
    "ctxpart": _r_ctxpart, "ctxpartmod": _r_ctxpart, "ofpart": _r_ofpart, "lastpart": _r_lastpart,
    "anapart": _r_anapart, "yearpair": _r_yearpair, "afterunit": _r_every,
    "ordunit": _r_ordunit, "ordhalf": _r_ordunit, "ordday": _r_ordday, "enpart": _r_ctxpart,
    "dayonly": _r_dayonly, "weekend": _r_unit_of_rel, "nightday": _r_dayonly,
    "thisunitmod": _r_unit_of_rel,
}  # fmt: skip
