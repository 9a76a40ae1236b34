#!/usr/bin/env python3
"""Generate large, realistic and valid ST portfolios for benchmarks and tests.

    python bench/generate.py --years 5 --out DIR [--seed 1]
    python bench/generate.py --years 10            # default out: bench/generated/st-10y-seed1

The output follows shared/spec/portfolio-format.md (version 1): every kind is present,
split into one file per kind and calendar year (``supervision/2024.yaml`` …), with weekly
supervision, monthly assessments, placements with sidotjänstgöringar and certificates,
about six courses a year, semester every summer and one parental leave, activities and
milestones every year.

The timeline is fixed so that the output never depends on today's date: the portfolio
always ends on 2026-08-31 and starts ``years`` years earlier on 1 September. A start from
2021-07-01 on follows HSLF-FS 2021:8 (with BT), an earlier start SOSFS 2015:8, as the
regulations say; ``--regulation`` overrides that. Run ``st`` with ``--as-of`` set to the
last day (printed) to judge the portfolio where its records end.

Only the standard library is used; the YAML text is written by hand. Tests import
:func:`generate` from this file.
"""

# No `from __future__ import annotations`: dataclasses with string annotations fail when
# the file is loaded with importlib without registering it in sys.modules, as tests do.
import argparse
import calendar
import json
import random
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import TypeAlias

Value: TypeAlias = "str | int | bool | date | list[str] | list[date] | dict[str, Value] | None"
Entry: TypeAlias = dict[str, Value]

HSLF = "HSLF-FS 2021:8"
SOSFS = "SOSFS 2015:8"
REGULATIONS = (HSLF, SOSFS)
REGIONS = ("gavleborg", "vgr", "vastmanland")
LAST_DAY = date(2026, 8, 31)
HSLF_FROM = date(2021, 7, 1)
KINDS = ("placements", "supervision", "assessments", "courses", "leave", "activities",
         "milestones")
MARKER = ".st-bench-generated"
DAY = timedelta(days=1)
CREDITED_MONTHS = 3
MAX_YEARS = 15  # `st_year:` on milestones is 1–15 in the format models

# --- dates --------------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """Calendar month arithmetic; the day is clamped to the target month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def weekday_on_or_after(d: date, weekday: int) -> date:
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def days(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += DAY


def in_summer(d: date) -> bool:
    """The summer window of rules.md: 15 June to 15 August."""
    return (6, 15) <= (d.month, d.day) <= (8, 15)


MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
             "september", "oktober", "november", "december")

# --- YAML text ----------------------------------------------------------------------------

_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN_START = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]")


def scalar(s: str, flow: bool = False) -> str:
    """A string as a YAML scalar: plain when that is safe, else double-quoted."""
    unsafe = (
        not s
        or not _PLAIN_START.match(s)
        or s != s.strip()
        or ": " in s
        or " #" in s
        or s.endswith(":")
        or "\n" in s
        or '"' in s
        or s.lower() in _YAML_WORDS
        or (flow and any(c in s for c in ",[]{}"))
    )
    return json.dumps(s, ensure_ascii=False) if unsafe else s


def value_text(v: Value, flow: bool = False) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        return scalar(v, flow)
    if isinstance(v, list):
        return "[" + ", ".join(value_text(x, True) for x in v) + "]"
    return "{" + ", ".join(f"{k}: {value_text(x, True)}" for k, x in v.items()) + "}"


def mapping_lines(entry: Entry, indent: int, first_prefix: str = "") -> list[str]:
    """Block mapping lines; nested mappings become nested blocks, lists flow sequences."""
    lines: list[str] = []
    pad = " " * indent
    for i, (key, v) in enumerate(entry.items()):
        lead = first_prefix if i == 0 and first_prefix else pad
        if isinstance(v, dict) and v:
            lines.append(f"{lead}{key}:")
            lines.extend(mapping_lines(v, indent + 2))
        else:
            lines.append(f"{lead}{key}: {value_text(v)}")
    return lines


@dataclass
class YamlFile:
    """A list of entries with optional comments, written as one YAML sequence."""

    header: list[str] = field(default_factory=list)
    items: list[tuple[str | None, Entry]] = field(default_factory=list)

    def add(self, entry: Entry, comment: str | None = None) -> None:
        self.items.append((comment, entry))

    def text(self) -> str:
        out = [f"# {h}" for h in self.header]
        for comment, entry in self.items:
            if comment:
                out.append(f"# {comment}")
            out.extend(mapping_lines(entry, 2, "- "))
        return "\n".join(out) + "\n"


# --- vocabulary and text pools --------------------------------------------------------------

FIRST = ("Anna", "Maria", "Karin", "Eva", "Lena", "Sara", "Emma", "Ida", "Johanna", "Sofia",
         "Erik", "Lars", "Anders", "Johan", "Per", "Karl", "Olof", "Mikael", "Jonas", "Henrik")
LAST = ("Berg", "Lind", "Holm", "Ek", "Strand", "Nyberg", "Sjöberg", "Dahl", "Forsberg",
        "Wikström", "Holmgren", "Lundqvist", "Hedlund", "Sundin", "Björk", "Engström",
        "Norberg", "Falk", "Ström", "Viklund")
HOME_UNITS = ("Hälsocentralen Älvsund", "Hälsocentralen Norrbacka", "Vårdcentralen Ekdalen",
              "Hälsocentralen Sjövik", "Vårdcentralen Granlunda")
HOSPITAL = "Länssjukhuset"

UNITS = {
    "akutsjukvard": "Akutmottagningen",
    "internmedicin": "Medicinkliniken",
    "psykiatri": "Psykiatriska kliniken",
    "barn-och-ungdomsmedicin": "Barn- och ungdomsmedicinska kliniken",
    "gynekologi": "Kvinnokliniken, gynekologisk mottagning",
    "obstetrik": "Kvinnokliniken, förlossningen",
    "geriatrik": "Geriatriska kliniken",
    "dermatologi": "Hudkliniken",
    "oron-nasa-hals": "Öron-näsa-halskliniken",
    "ogon": "Ögonkliniken",
    "ortopedi": "Ortopedkliniken",
    "rehabilitering": "Rehabiliteringsmedicinska kliniken",
    "infektion": "Infektionskliniken",
    "radiologi": "Röntgenkliniken",
    "palliativ-vard": "Palliativa enheten",
    "beroende": "Beroendemottagningen",
    "sabo": "Kommunens särskilda boenden",
    "bvc": "Barnhälsovården",
    "mvc": "Mödrahälsovården",
}

# Delmål per context, as HSLF-FS 2021:8 codes; SOSFS 2015:8 codes are mapped from these.
DELMAL = {
    "allmanmedicin": ["STc1", "STc2", "STc3", "STc4", "STc5", "STc9", "STc10", "STc11", "STc12",
                      "STb1", "STb2", "STb3", "STa7"],
    "bt": ["BT1", "BT2", "BT3", "BT4", "BT5", "BT6", "BT8", "BT9", "BT10", "BT11", "BT12",
           "BT13", "BT14", "BT15", "BT16", "BT17", "BT18"],
    "akutsjukvard": ["STc1", "STc2", "STc5"],
    "akutsjukvard-bt": ["BT1", "BT2", "BT5", "BT10", "BT13", "BT18"],
    "internmedicin": ["STc1", "STc2", "STc4", "STc5", "STc14"],
    "psykiatri": ["STc4", "STc13", "STb1"],
    "barn-och-ungdomsmedicin": ["STc6"],
    "gynekologi": ["STc7"],
    "obstetrik": ["STc7"],
    "geriatrik": ["STc8", "STc14", "STb4"],
    "dermatologi": ["STc1", "STc5"],
    "oron-nasa-hals": ["STc1", "STc5"],
    "ogon": ["STc1", "STc5"],
    "ortopedi": ["STc1", "STc10"],
    "rehabilitering": ["STc10", "STb3"],
    "infektion": ["STc1", "STc11", "STa7"],
    "radiologi": ["STc5"],
    "palliativ-vard": ["STb4", "STc8"],
    "beroende": ["STc4", "STc13"],
    "sabo": ["STc8", "STc9"],
    "bvc": ["STc6", "STb2"],
    "mvc": ["STc7", "STb2"],
}
TO_SOSFS = {
    "STa1": "a6", "STa2": "a4", "STa3": "a5", "STa4": "a2", "STa5": "a1", "STa6": "a1",
    "STa7": "a3", "STb1": "b1", "STb2": "b2", "STb3": "b4", "STb4": "b5", "STc14": "b3",
    "STc15": "c14",
}

TOPICS = {
    "allmanmedicin": ["konsultationsteknik", "patientens föreställningar", "kontinuitet",
                      "multisjuklighet", "psykisk ohälsa", "beroende", "försäkringsmedicin",
                      "äldres hälsa", "hembesök", "palliativ vård", "barn och ungdomar",
                      "gynekologi", "smittskydd", "folkhälsa", "ledarskap", "kvalitetsarbete",
                      "vetenskapligt arbete", "patientlistan", "IUP-uppföljning",
                      "svåra samtal", "stress och gränssättning", "läkemedelsbehandling",
                      "rehabilitering", "myndighetsintyg", "diabetes typ 2", "hypertoni",
                      "astma och KOL", "infektioner och Strama", "demens", "smärta",
                      "sömnstörningar", "prioritering", "telefonrådgivning", "remisser"],
    "bt": ["BT-planering", "akuta och icke akuta tillstånd", "journalföring",
           "läkemedelsförskrivning", "sjukskrivning och intyg", "bemötande", "egenvård",
           "barn med feber", "dödsbevis", "arbetsbelastning", "etiska dilemman"],
    "akutsjukvard": ["bröstsmärta", "andningsbesvär", "buksmärta", "triage", "sepsis",
                     "trauma", "yrsel", "akut psykiatri", "överrapportering"],
    "internmedicin": ["hjärtsvikt", "förmaksflimmer", "KOL i exacerbation", "anemiutredning",
                      "njursvikt", "elektrolytrubbningar", "utskrivning och vårdplanering",
                      "epikriser"],
    "psykiatri": ["depression", "ångest", "suicidriskbedömning", "bipolär sjukdom", "psykos",
                  "LPT", "ADHD hos vuxna", "samverkan med primärvården"],
    "barn-och-ungdomsmedicin": ["feber hos små barn", "astma hos barn", "tillväxt",
                                "barn som far illa", "magsmärta hos barn", "föräldrasamtal"],
    "gynekologi": ["blödningsrubbningar", "preventivmedel", "klimakteriet", "cellprovtagning"],
    "obstetrik": ["normal graviditet", "graviditetsillamående", "fosterrörelser"],
    "geriatrik": ["läkemedelsgenomgång", "fall och frakturer", "kognitiv svikt",
                  "brytpunktssamtal", "delirium"],
    "other": ["fallpresentation", "differentialdiagnostik", "uppföljning", "remissvar",
              "samverkan", "undersökningsteknik"],
}
SUPERVISION_NOTES = (
    "Gick igenom veckans svåraste fall.",
    "Diskuterade hur jag lägger upp mottagningen när det är fullbokat.",
    "Pratade om gränsdragning mot specialistvården.",
    "Planerade nästa kompetensbedömning.",
    "Reflekterade över ett samtal som gick snett och vad jag kan göra annorlunda.",
    "Följde upp målen i IUP:n.",
    "Gick igenom remisser och remissvar från veckan.",
    "Diskuterade läkemedelsval och riktlinjer.",
    "Handledaren tipsade om litteratur inför nästa gång.",
    "Pratade om arbetsmiljö och återhämtning.",
    "Gick igenom journalanteckningar tillsammans.",
    "Förberedde ett fall till ST-dagen.",
    "Diskuterade sjukskrivningsärenden och samverkan med Försäkringskassan.",
    "Planerade inför kommande sidotjänstgöring.",
    "Gick igenom patientlistan och vilka som behöver kallas.",
    "Diskuterade etiska frågor kring prioritering.",
    "Pratade om hur jag hanterar osäkerhet när diagnosen inte är klar.",
    "Gick igenom hur jag prioriterar bland telefonärendena.",
    "Diskuterade samarbetet med distriktssköterskorna kring hemsjukvården.",
    "Vi tittade på hur jag använder beslutsstöd och regionala riktlinjer.",
    "Diskuterade ett ärende där patienten ville ha en undersökning som inte var indicerad.",
    "Gick igenom hur jag strukturerar ett läkarintyg för sjukpenning.",
    "Pratade om tidsplaneringen för resten av terminen.",
    "Gick igenom underlaget till årsrapporten.",
    "Diskuterade hur jag ger och tar emot återkoppling i teamet.",
    "Handledaren delade egna erfarenheter av liknande fall.",
    "Vi planerade hospitering hos en kollega med särskilt intresse för området.",
    "Diskuterade vad jag behöver se mer av under nästa placering.",
    "Gick igenom läkemedelslistor för några multisjuka äldre.",
    "Pratade om hur jag avslutar samtal när tiden är slut.",
)
BEDSIDE_NOTES = (
    "Snabb avstämning om en patient med {t}.",
    "Frågade handledaren om {t} mellan två besök.",
    "Handledaren tittade på patienten med mig; gällde {t}.",
    "Kort genomgång av ett remissvar om {t}.",
    "Avstämning före utskrivning; {t}.",
    "Bedside i undersökningsrummet: {t}.",
)
GROUP_NOTES = (
    "ST-gruppen diskuterade fall med {t}.",
    "Grupphandledning med fyra ST-läkare; tema {t}.",
    "Var och en presenterade ett fall; mitt handlade om {t}.",
    "Balintinspirerad fallgenomgång; {t}.",
)
TOPIC_NOTES = (
    "Fördjupade oss i {t}.",
    "Jag läser på om {t} till nästa gång.",
    "Gick igenom ett eget fall med {t}.",
    "Diskuterade aktuella riktlinjer för {t}.",
    "Handledaren visade hur hen själv resonerar kring {t}.",
    "Vi kom fram till att jag behöver mer erfarenhet av {t}.",
)
STRENGTHS = (
    "Bra struktur i anamnesen.", "God kontakt med patienten.", "Tydlig sammanfattning.",
    "Systematisk undersökning.", "Säker handläggning.", "Bra differentialdiagnostik.",
    "Lyhörd för patientens farhågor.", "Korrekt och kortfattad dokumentation.",
    "Bra samarbete med sjuksköterskan.", "Väl motiverade läkemedelsval.",
)
IMPROVEMENTS = (
    "Arbeta med avslutet av besöket.", "Stäm av förväntningar tidigare.",
    "Dokumentera bedömningen tydligare.", "Involvera patienten mer i besluten.",
    "Planera uppföljningen konkret.", "Ta hjälp av checklistor vid akuta tillstånd.",
    "Motivera val av provtagning.", "Håll tiden bättre.",
    "Beskriv funktionsnedsättningen konkretare i intygen.",
    "Fördjupa kunskaperna i aktuella riktlinjer.",
)
FOLLOW_UP = (
    "Ny bedömning om två månader.", "Följs upp på nästa handledning.",
    "Läser på om {t} och redovisar på handledningen.", "Målet förs in i IUP:n.",
    "Ny medsittning planeras inom kort.", "Uppnår förväntad nivå för tjänstgöringstiden.",
    "Diskuteras vidare i ST-gruppen.", "Gör en ny bedömning av {t} efter placeringen.",
)
FOCUS = {
    "mini-cex": "konsultation", "dops": "praktisk färdighet", "cbd": "fallbaserad diskussion",
    "medsittning": "mottagningsbesök", "video": "inspelad konsultation",
    "journalgranskning": "journalanteckningar", "remissgranskning": "remisser",
    "intygsgranskning": "läkarintyg", "msf": "360-gradersbedömning",
    "specialistkollegium": "bedömning i specialistkollegium", "forst-i-st": "Först i ST",
    "other": "strukturerad reflektion",
}
METHODS = ("mini-cex", "cbd", "dops", "medsittning", "video", "journalgranskning",
           "remissgranskning", "intygsgranskning", "msf", "specialistkollegium")


@dataclass(frozen=True)
class CourseDef:
    title: str
    delmal: tuple[str, ...]
    mandatory: bool
    length: int
    cost: int


COURSES = (
    CourseDef("Konsultationskurs", ("STb1", "STc3"), True, 3, 9800),
    CourseDef("Försäkringsmedicin", ("STb3",), True, 2, 0),
    CourseDef("Ledarskap och medarbetarskap för ST-läkare", ("STa5", "STa6"), True, 3, 12000),
    CourseDef("Etik, mångfald och jämlikhet", ("STa4",), True, 2, 7400),
    CourseDef("Hälso- och sjukvårdens organisation och lagstiftning", ("STa1", "STc15"),
              True, 2, 0),
    CourseDef("Vetenskaplig metodik för ST-läkare", ("STa3",), False, 3, 0),
    CourseDef("Palliativ vård i livets slutskede", ("STb4", "STc8"), True, 2, 6500),
    CourseDef("Sjukdomsförebyggande arbete och levnadsvanor", ("STb2", "STc12"), True, 2, 5600),
    CourseDef("Barn och ungdomar i primärvården", ("STc6",), True, 3, 8900),
    CourseDef("Läkemedelsbehandling hos äldre", ("STc14", "STc8"), False, 2, 3900),
    CourseDef("Psykiatri i primärvården", ("STc13", "STc4"), False, 2, 5200),
    CourseDef("Gynekologi för allmänläkare", ("STc7",), False, 2, 6100),
    CourseDef("Vårdhygien och smittskydd", ("STa7", "STc11"), False, 1, 0),
    CourseDef("Kvalitets- och patientsäkerhetsarbete", ("STa2",), False, 2, 4800),
    CourseDef("Hud i primärvården", ("STc1",), False, 2, 5900),
    CourseDef("Muskuloskeletal medicin", ("STc1", "STc10"), False, 3, 7800),
    CourseDef("Geriatrik och multisjuklighet", ("STc8",), False, 2, 5400),
    CourseDef("Beroende i primärvården", ("STc4", "STc13"), False, 1, 2900),
    CourseDef("Pedagogik och handledning", ("STa6",), False, 2, 4200),
    CourseDef("Försäkringsmedicin, fortsättningskurs", ("STb3", "STc10"), True, 2, 3500),
)
BT_COURSE = CourseDef("Akutkurs för BT-läkare", ("BT1", "BT12"), False, 2, 4500)
PROVIDERS = ("Kurscentrum Allmänmedicin Mitt", "Regionens utbildningsenhet",
             "Centrum för forskning och utveckling", "Allmänmedicinskt kurscentrum Norr")
ST_DAY_THEMES = (
    "Strama och antibiotikaförskrivning", "Hypertoni och kardiovaskulär prevention",
    "Diabetes typ 2", "Försäkringsmedicin i praktiken", "Astma och KOL",
    "Demens i primärvården", "Lagar och föreskrifter", "Barn som far illa",
    "Smärta och opioider", "Sömnstörningar", "Jämlik vård", "Ledarskap i vardagen",
    "Hudsjukdomar", "Multisjuklighet hos äldre", "Beroende och alkohol",
    "Gynekologi i primärvården", "Palliativ vård i hemmet", "Etik vid livets slut",
    "Psykisk ohälsa hos unga", "Medicinsk rehabilitering", "Hälsofrämjande arbete",
    "Fallseminarier", "Presentationer av kvalitetsarbeten", "Vetenskapligt förhållningssätt",
)
QUALITY_TITLES = (
    "Strukturerad uppföljning av patienter med antikoagulantia",
    "Förbättrad uppföljning av HbA1c vid typ 2-diabetes",
    "Läkemedelsgenomgångar för patienter på särskilt boende",
    "Telefonrådgivningens kvalitet på hälsocentralen",
    "Uppföljning av sjukskrivna patienter efter 90 dagar",
)
SCIENCE_TITLES = (
    "Förskrivning av antibiotika vid nedre luftvägsinfektion, en journalstudie",
    "Blodtryckskontroll hos patienter med hypertoni på en hälsocentral",
    "Uppföljning av förhöjda leverprover i primärvården",
)
SIDE_PLAN = (  # ST years 6 and later: (specialty, month offset in the ST year, weeks, split)
    ("oron-nasa-hals", 0, 3, False), ("infektion", 4, 6, True),
    ("ortopedi", 0, 4, False), ("rehabilitering", 4, 8, True),
    ("beroende", 0, 6, False), ("ogon", 4, 2, False),
    ("palliativ-vard", 0, 4, False), ("sabo", 4, 8, True),
    ("obstetrik", 0, 3, False), ("radiologi", 4, 2, False),
)
AUSCULTATIONS = ("palliativ-vard", "bvc", "mvc", "dermatologi", "ogon", "radiologi",
                 "infektion", "ortopedi")

# --- the plan -----------------------------------------------------------------------------


@dataclass
class Side:
    specialty: str
    start: date
    end: date
    supervisor_id: str
    percent: int | None = None  # set for a split week (the vårdcentral gets the rest)
    homecoming: list[date] = field(default_factory=list)


@dataclass
class Plan:
    rnd: random.Random
    years: int
    regulation: str
    region: str
    start: date
    end: date
    employment: list[tuple[date, int]]
    parental: tuple[date, date] | None
    leave_days: set[date] = field(default_factory=set)
    noncounting: set[date] = field(default_factory=set)
    sides: list[Side] = field(default_factory=list)
    supervisors: list[Entry] = field(default_factory=list)

    @property
    def hslf(self) -> bool:
        return self.regulation == HSLF

    def percent(self, d: date) -> int:
        p = self.employment[0][1]
        for when, value in self.employment:
            if when <= d:
                p = value
        return p

    def year_start(self, k: int) -> date:
        return add_years(self.start, k)

    def st_year(self, d: date) -> int:
        k = 0
        while self.year_start(k + 1) <= d:
            k += 1
        return k

    def main_at(self, d: date) -> str:
        for s in self.supervisors:
            start, to = s.get("from"), s.get("to")
            if (s.get("role") == "main" and isinstance(start, date) and start <= d
                    and (to is None or (isinstance(to, date) and d <= to))):
                return str(s["id"])
        raise ValueError(f"no main supervisor on {d}")

    def on_leave(self, d: date) -> bool:
        return d in self.leave_days

    def on_parental(self, start: date, end: date) -> bool:
        return self.parental is not None and start <= self.parental[1] \
            and end >= self.parental[0]

    def free_day(self, d: date) -> bool:
        return self.start <= d <= self.end and d.weekday() < 5 and not self.on_leave(d)

    def side_at(self, d: date) -> Side | None:
        for s in self.sides:
            if s.start <= d <= s.end:
                return s
        return None

    def codes(self, pool: Sequence[str], n: int) -> list[str]:
        """Up to n distinct delmål codes of the regulation, drawn from an HSLF pool."""
        picked = self.rnd.sample(list(pool), min(n, len(pool)))
        out: list[str] = []
        for code in picked:
            if not self.hslf:
                if code.startswith("BT"):
                    continue
                code = TO_SOSFS.get(code, code[2:] if code.startswith("ST") else code)
            if code not in out:
                out.append(code)
        return sorted(out, key=_code_key) or (["STc1"] if self.hslf else ["c1"])

    def context_pool(self, d: date) -> str:
        side = self.side_at(d)
        if side is not None:
            if side.specialty == "akutsjukvard" and self.in_bt(d):
                return "akutsjukvard-bt"
            return side.specialty
        return "bt" if self.in_bt(d) else "allmanmedicin"

    def in_bt(self, d: date) -> bool:
        return self.hslf and d < self.year_start(1)


def _code_key(code: str) -> tuple[str, int]:
    """Natural order of delmål codes: STa2 before STa10, BT9 before BT10."""
    m = re.fullmatch(r"(\D+)(\d+)", code)
    return (m.group(1), int(m.group(2))) if m else (code, 0)


def person(rnd: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name


def make_plan(years: int, seed: int, regulation: str | None, region: str) -> Plan:
    rnd = random.Random(seed)
    start = date(LAST_DAY.year - years, 9, 1)
    reg = regulation or (HSLF if start >= HSLF_FROM else SOSFS)
    parental: tuple[date, date] | None = None
    k_leave = min(2, years - 1)
    pl_start = date(add_years(start, k_leave).year + 1, 2, 1)
    pl_end = date(pl_start.year, 7, 31)
    if pl_end <= LAST_DAY:
        parental = (pl_start, pl_end)
    employment: list[tuple[date, int]] = [(start, 100)]
    if parental is not None and parental[1] + DAY <= LAST_DAY:
        employment.append((parental[1] + DAY, 80))
    if years >= 5:
        employment.append((add_years(start, 4), 100))
    if years >= 8:
        employment.append((add_years(start, 7), 75))
    plan = Plan(rnd, years, reg, region, start, LAST_DAY, employment, parental)
    return plan


def plan_leave(plan: Plan) -> list[Entry]:
    """Leave entries, and the set of leave days for the rest of the plan."""
    rnd = plan.rnd
    entries: list[Entry] = []

    def add(kind: str, start: date, end: date, percent: int | None = None,
            note: str | None = None) -> None:
        start, end = max(start, plan.start), min(end, plan.end)
        if end < start or any(d in plan.leave_days for d in days(start, end)):
            return
        e: Entry = {"kind": kind, "start": start, "end": end}
        if percent is not None:
            e["percent"] = percent
        if note:
            e["note"] = note
        entries.append(e)
        plan.leave_days.update(days(start, end))
        if kind in ("foraldraledighet", "tjanstledighet"):
            plan.noncounting.update(days(start, end))

    if plan.parental is not None:
        add("foraldraledighet", plan.parental[0], plan.parental[1], 100,
            "Föräldraledig på heltid. ST förlängs med motsvarande tid.")
    for year in range(plan.start.year, plan.end.year + 1):
        sportlov = weekday_on_or_after(date(year, 2, 15), 0)
        if year % 2 == 0:
            add("semester", sportlov, sportlov + timedelta(days=4), note="Sportlov.")
        summer = weekday_on_or_after(date(year, 7, 1), 0)
        if plan.on_parental(summer, summer + timedelta(days=27)):
            summer = weekday_on_or_after(date(year, 8, 2), 0)
            add("semester", summer, summer + timedelta(days=11))
        else:
            add("semester", summer, summer + timedelta(days=27))
        add("semester", date(year, 12, 23), date(year + 1, 1, 6))
        for _ in range(2):
            d = date(year, rnd.randint(1, 12), rnd.randint(1, 28))
            if d.weekday() < 4 and not in_summer(d):
                add(rnd.choice(("sjukskrivning", "vab", "vab")), d, d + DAY)
        if year % 3 == 1:
            d = weekday_on_or_after(date(year, 10, 20), 4)
            add("jourkomp", d, d)
        if year % 4 == 2:
            d = weekday_on_or_after(date(year, 5, 2), 0)
            add("tjanstledighet", d, d + timedelta(days=4), 100, "Tjänstledig en vecka.")
    entries.sort(key=lambda e: str(e["start"]))
    return entries


def plan_sides(plan: Plan, used: set[str]) -> None:
    """Sidotjänstgöringar per ST year, as Side records (placements are written later)."""
    rnd = plan.rnd
    wanted: list[tuple[int, str, int, int, bool]] = []  # (year, specialty, month, weeks, split)
    intern_weeks = 24 if plan.region == "vgr" else 16
    fixed = {
        0: [("akutsjukvard", 4, 13, False)],
        1: [("internmedicin", 0, intern_weeks, False)],
        2: [("psykiatri", 0, 12, False)],
        3: [("barn-och-ungdomsmedicin", 0, 8, False), ("gynekologi", 4, 4, False)],
        4: [("geriatrik", 4, 10, True), ("dermatologi", 8, 3, False)],
    }
    for k in range(plan.years):
        items = fixed.get(k)
        if items is None:
            i = 2 * (k - 5)
            items = [SIDE_PLAN[i % len(SIDE_PLAN)][:4],
                     SIDE_PLAN[(i + 1) % len(SIDE_PLAN)][:4]]
        for specialty, month, weeks, split in items:
            wanted.append((k, specialty, month, weeks, split))
    n = 0
    for k, specialty, month, weeks, split in wanted:
        start = weekday_on_or_after(add_months(plan.year_start(k), month), 0)
        end = start + timedelta(days=7 * weeks - 1)
        if end > plan.end or plan.on_parental(start, end):
            continue
        percent: int | None = None
        if split:
            p = plan.percent(start)
            if all(plan.percent(d) == p for d in days(start, end)):
                percent = p // 2
        n += 1
        sid = f"side{n:02d}"
        plan.supervisors.append({
            "id": sid, "name": person(rnd, used), "specialty": specialty, "role": "side",
            "unit": f"{UNITS[specialty]}, {HOSPITAL}", "training": start.year - rnd.randint(1, 4),
            "from": start, "to": end,
        })
        homecoming: list[date] = []
        if weeks > 6 and percent is None:
            d = start + timedelta(days=16)  # Wednesday of the third week, then every 4 weeks
            while d <= end:
                homecoming.append(d)
                d += timedelta(days=28)
        plan.sides.append(Side(specialty, start, end, sid, percent, homecoming))


def placements(plan: Plan, home_unit: str, main_of: dict[int, str]) -> list[Entry]:
    rnd = plan.rnd
    out: list[Entry] = []
    # Vårdcentral: the days not taken by a full-time side placement or parental leave.
    blocked: set[date] = set()
    for s in plan.sides:
        if s.percent is None:
            blocked.update(days(s.start, s.end))
    if plan.parental is not None:
        blocked.update(days(*plan.parental))
    split_days = {d for s in plan.sides if s.percent is not None for d in days(s.start, s.end)}
    runs: list[tuple[date, date]] = []
    run_start: date | None = None
    for d in days(plan.start, plan.end):
        free = d not in blocked and d not in split_days
        if free and run_start is None:
            run_start = d
        if run_start is not None and (not free or d == plan.end):
            runs.append((run_start, d if free else d - DAY))
            run_start = None
    for a, b in runs:
        out.append(vc_entry(plan, home_unit, a, b, None, main_of))
    for s in plan.sides:
        if s.percent is not None:
            out.append(vc_entry(plan, home_unit, s.start, s.end, plan.percent(s.start)
                                - s.percent, main_of))
    for s in plan.sides:
        pool = "akutsjukvard-bt" if s.specialty == "akutsjukvard" and plan.in_bt(s.start) \
            else s.specialty
        e: Entry = {"type": "sidotjanstgoring", "specialty": s.specialty,
                    "unit": f"{UNITS[s.specialty]}, {HOSPITAL}", "start": s.start,
                    "end": s.end}
        if s.percent is not None:
            e["percent"] = s.percent
        e["external"] = False
        e["supervisor"] = s.supervisor_id
        e["delmal"] = plan.codes(DELMAL[pool], 4)
        signed = s.end + timedelta(days=rnd.randint(10, 35))
        if signed <= plan.end:
            e["certificate"] = "signed"
            e["certificate_date"] = signed
        else:
            e["certificate"] = "requested"
        e["planning"] = {"form_sent": s.start - timedelta(days=rnd.randint(100, 130)),
                         "contacted": s.start - timedelta(days=rnd.randint(70, 95))}
        if s.homecoming:
            e["homecoming_days"] = list(s.homecoming)
        weeks = ((s.end - s.start).days + 1) // 7
        e["notes"] = f"Sidotjänstgöring {weeks} veckor" + (
            f", {s.percent} % av heltid med resten på hälsocentralen." if s.percent else ".")
        out.append(e)
    # One auskultation a year, three days in March.
    for k in range(plan.years):
        start = weekday_on_or_after(add_months(plan.year_start(k), 6), 1)
        while any(plan.on_leave(d) or (plan.side_at(d) is not None) for d in
                  days(start, start + timedelta(days=2))):
            start += timedelta(days=7)
        end = start + timedelta(days=2)
        if end > plan.end or end >= plan.year_start(k + 1):
            continue
        specialty = AUSCULTATIONS[k % len(AUSCULTATIONS)]
        e = {"type": "auskultation", "specialty": specialty,
             "unit": f"{UNITS[specialty]}, {HOSPITAL}", "start": start, "end": end,
             "supervisor": {"name": person(rnd, set()), "specialty": specialty},
             "delmal": plan.codes(DELMAL[specialty], 2)}
        e["certificate"] = "signed" if end + timedelta(days=20) <= plan.end else "requested"
        if e["certificate"] == "signed":
            e["certificate_date"] = end + timedelta(days=20)
        out.append(e)
    out.sort(key=lambda e: (str(e["start"]), str(e["type"])))
    return out


def vc_entry(plan: Plan, home_unit: str, a: date, b: date, percent: int | None,
             main_of: dict[int, str]) -> Entry:
    e: Entry = {"type": "vardcentral", "specialty": "allmanmedicin", "unit": home_unit,
                "start": a, "end": b}
    if percent is not None:
        e["percent"] = percent
    e["supervisor"] = main_of[plan.st_year(a)]
    bt = plan.in_bt(a)
    e["delmal"] = plan.codes(DELMAL["bt" if bt else "allmanmedicin"], 5)
    if bt and plan.year_start(1) + timedelta(days=10) <= plan.end:
        e["certificate"] = "signed"
        e["certificate_date"] = plan.year_start(1) + timedelta(days=10)
    else:
        e["certificate"] = "none"
    if percent is not None:
        e["notes"] = "Delad tjänstgöring med sidotjänstgöringen samma veckor."
    return e


def supervision(plan: Plan, main_of: dict[int, str], co: str) -> list[Entry]:
    rnd = plan.rnd
    out: list[Entry] = []
    week = 0
    w = weekday_on_or_after(plan.start, 2)
    homecoming = {d for s in plan.sides for d in s.homecoming}
    while w <= plan.end:
        week += 1
        day = next((d for d in (w, w + DAY, w - DAY) if plan.free_day(d)), None)
        w += timedelta(days=7)
        if day is None:
            continue
        midsummer_group = in_summer(day) and day.month == 6 and 22 <= day.day <= 28
        if in_summer(day) and not midsummer_group:
            continue
        k = plan.st_year(day)
        side = plan.side_at(day)
        pool = plan.context_pool(day)
        sup, form, minutes = main_of[k], "individual", 60
        if midsummer_group or (side is None and week % 6 == 0):
            sup, form, minutes = co, "group", 90
        elif side is not None and side.percent is None and day not in homecoming:
            sup = side.supervisor_id
            form = "bedside" if week % 4 == 1 else "individual"
            minutes = 45 if form == "bedside" else 60
        elif k >= 1 and week % 10 == 3:
            form = "distance"
        elif week % 9 == 4:
            form, minutes = "bedside", 45
        elif rnd.random() < 0.15:
            minutes = 90
        base = TOPICS.get(pool.removesuffix("-bt"), TOPICS["other"])
        topics = rnd.sample(base, min(len(base), rnd.choice((2, 2, 3))))
        if form == "group":
            topics = ["grupphandledning", *rnd.sample(TOPICS["allmanmedicin"], 2)]
        if day in homecoming:
            topics = ["hemvändardag", *topics[:2]]
        e: Entry = {"date": day, "minutes": minutes, "supervisor": sup, "form": form,
                    "topics": topics}
        if rnd.random() < 0.9:
            sentences = rnd.sample(SUPERVISION_NOTES, rnd.choice((2, 3, 3, 4, 5)))
            for t in topics:
                if rnd.random() < 0.7:
                    sentences.insert(rnd.randrange(len(sentences) + 1),
                                     rnd.choice(TOPIC_NOTES).format(t=t))
            e["notes"] = " ".join(sentences)
        out.append(e)
        out.extend(extra_sessions(plan, day, week, sup, side, base, co))
    return out


def extra_sessions(plan: Plan, day: date, week: int, sup: str, side: Side | None,
                   topics: list[str], co: str) -> list[Entry]:
    """Short bedside sessions on Monday and Thursday, group supervision every other Friday."""
    rnd = plan.rnd
    out: list[Entry] = []
    monday = day - timedelta(days=day.weekday())
    for offset in (0, 3):
        d = monday + timedelta(days=offset)
        if d == day or not plan.free_day(d) or in_summer(d) or rnd.random() < 0.2:
            continue
        who = side.supervisor_id if side is not None and side.percent is None else sup
        if who == co:
            who = plan.main_at(d)
        topic = rnd.choice(topics)
        out.append({"date": d, "minutes": rnd.choice((10, 15, 15, 20, 30)), "supervisor": who,
                    "form": "bedside", "topics": [topic],
                    "notes": rnd.choice(BEDSIDE_NOTES).format(t=topic)})
    friday = monday + timedelta(days=4)
    if (week % 2 == 0 and week % 6 != 0 and plan.free_day(friday) and not in_summer(friday)
            and (side is None or side.percent is not None)):
        picked = rnd.sample(TOPICS["allmanmedicin"], 2)
        out.append({"date": friday, "minutes": rnd.choice((60, 90)), "supervisor": co,
                    "form": "group", "topics": ["grupphandledning", *picked],
                    "notes": " ".join([rnd.choice(GROUP_NOTES).format(t=picked[0]),
                                       *rnd.sample(SUPERVISION_NOTES, rnd.choice((2, 3))),
                                       rnd.choice(TOPIC_NOTES).format(t=picked[1])])})
    return out


def assessments(plan: Plan, main_of: dict[int, str], co: str) -> list[Entry]:
    rnd = plan.rnd
    out: list[Entry] = []
    first = True
    m = date(plan.start.year, plan.start.month, 1)
    order: list[str] = []
    while m <= plan.end:
        month = m
        m = add_months(m, 1)
        if month.month == 7:
            continue
        candidates = [d for d in days(month + timedelta(days=7), month + timedelta(days=23))
                      if plan.free_day(d)]
        if not candidates:
            continue
        day = rnd.choice(candidates)
        if first:
            method = "forst-i-st" if plan.hslf else "medsittning"
            first = False
        else:
            if not order:
                order = rnd.sample(METHODS, len(METHODS))
            method = order.pop()
        k = plan.st_year(day)
        side = plan.side_at(day)
        assessor: str = main_of[k]
        if side is not None and side.percent is None:
            assessor = side.supervisor_id
        elif method in ("remissgranskning", "intygsgranskning") or rnd.random() < 0.2:
            assessor = co
        if method == "specialistkollegium":
            assessor = f"Specialistkollegiet, {rnd.choice(HOME_UNITS)}"
        pool = plan.context_pool(day)
        topic = rnd.choice(TOPICS.get(pool.removesuffix("-bt"), TOPICS["other"]))
        feedback = " ".join([*rnd.sample(STRENGTHS, rnd.choice((1, 2, 2))),
                             *rnd.sample(IMPROVEMENTS, rnd.choice((1, 1, 2))),
                             rnd.choice(FOLLOW_UP).format(t=topic)])
        out.append({"date": day, "method": method, "assessor": assessor,
                    "delmal": plan.codes(DELMAL[pool], rnd.randint(1, 3)),
                    "focus": f"{FOCUS[method]}, {topic}", "feedback": feedback})
    return out


def courses(plan: Plan) -> list[Entry]:
    rnd = plan.rnd
    out: list[Entry] = []
    n = 0
    rounds = 0
    for k in range(plan.years):
        for month in (1, 2, 4, 6, 7, 8):
            start = weekday_on_or_after(add_months(plan.year_start(k), month) +
                                        timedelta(days=9), 1)
            if plan.hslf and k == 0 and month == 4:
                c = BT_COURSE
            else:
                c = COURSES[n % len(COURSES)]
                n += 1
                rounds = (n - 1) // len(COURSES)
            end = start + timedelta(days=c.length - 1)
            if end > plan.end or any(not plan.free_day(d) for d in days(start, end)):
                continue
            title = c.title if rounds == 0 or c is BT_COURSE else f"{c.title}, del {rounds + 1}"
            e: Entry = {"title": title, "provider": rnd.choice(PROVIDERS), "start": start,
                        "end": end, "mandatory": c.mandatory and rounds == 0,
                        "delmal": plan.codes(c.delmal, 3)}
            if c.cost:
                applied = start - timedelta(days=rnd.randint(75, 110))
                e["cost_sek"] = c.cost + 100 * rounds
                e["funding"] = {"applied": applied,
                                "approved": applied + timedelta(days=rnd.randint(5, 21))}
                e["cancellation_deadline"] = start - timedelta(days=28)
            signed = end + timedelta(days=25) <= plan.end
            e["certificate"] = "signed" if signed else "requested"
            e["certificate_signer"] = "handledare" if rnd.random() < 0.2 else "kursledare"
            out.append(e)
    return out


def activities(plan: Plan, main_of: dict[int, str], scientific: str) -> list[Entry]:
    rnd = plan.rnd
    out: list[Entry] = []
    # Monthly ST days, the second Thursday; none in July.
    m = date(plan.start.year, plan.start.month, 1)
    i = 0
    while m <= plan.end:
        d = weekday_on_or_after(m, 3) + timedelta(days=7)
        m = add_months(m, 1)
        if d.month == 7 or not plan.free_day(d):
            continue
        out.append({"kind": "st-dag", "title": f"ST-dag: {ST_DAY_THEMES[i % len(ST_DAY_THEMES)]}",
                    "date": d, "status": "done"})
        i += 1
    # On-call duty: the first shift with a supervisor, then two evening shifts a month;
    # beredskap from half-time on.
    first_jour = weekday_on_or_after(add_months(plan.start, 8), 1)
    while first_jour <= plan.end and not plan.free_day(first_jour):
        first_jour += DAY
    half = add_months(plan.start, 6 * plan.years)
    for d in days(first_jour, plan.end):
        if not plan.free_day(d):
            continue
        if d == first_jour:
            out.append({"kind": "jour", "title": "Första kvällsjouren, dubbelbemannad med "
                        "handledare", "date": d, "status": "done",
                        "delmal": plan.codes(DELMAL["bt" if plan.in_bt(d) else "allmanmedicin"],
                                             1)})
        elif d.day in (6, 20) and plan.side_at(d) is None:
            out.append({"kind": "jour", "title": "Kvällsjour på närakuten", "date": d,
                        "status": "done"})
        elif d >= half and d.day == 13:
            out.append({"kind": "beredskap", "title": "Beredskap för särskilt boende och LPT",
                        "date": d, "status": "done"})
    # Quality work in BT year and every third year; one scientific work from ST year 2.
    for k in range(0, plan.years, 3):
        start = weekday_on_or_after(add_months(plan.year_start(k), 7), 0)
        end = start + timedelta(days=60)
        if end > plan.end or plan.on_parental(start, end):
            continue
        presented = weekday_on_or_after(end, 3)
        out.append({"kind": "kvalitetsarbete",
                    "title": QUALITY_TITLES[(k // 3) % len(QUALITY_TITLES)],
                    "start": start, "end": end, "status": "done",
                    "delmal": plan.codes(["BT6", "STa2"] if plan.in_bt(start) else ["STa2",
                                                                                   "STa7"], 2),
                    "supervisor": main_of[k], "presented": presented,
                    "certificate": "signed" if presented + timedelta(days=30) <= plan.end
                    else "requested"})
    for k in range(1, plan.years, 5):
        start = weekday_on_or_after(add_months(plan.year_start(k), 1), 0)
        end = add_months(start, 30) - DAY
        done = end + timedelta(days=60) <= plan.end
        if start > plan.end:
            continue
        e: Entry = {"kind": "vetenskapligt-arbete",
                    "title": SCIENCE_TITLES[(k // 5) % len(SCIENCE_TITLES)],
                    "start": start, "end": end, "status": "done" if done else "ongoing",
                    "delmal": plan.codes(["STa3"], 1), "supervisor": scientific,
                    "presented": weekday_on_or_after(end + timedelta(days=20), 3) if done
                    else None,
                    "certificate": "signed" if done else "none"}
        out.append(e)
    # Every year: two seminars, a conference, teaching and a reflection group.
    for k in range(plan.years):
        ys = plan.year_start(k)
        for month, kind, title in ((2, "seminarium", "Seminarium om patientsäkerhet"),
                                   (5, "seminarium", "Seminarium om etik i vardagen"),
                                   (8, "konferens", "Regional primärvårdskonferens"),
                                   (3, "undervisning", "Undervisning av läkarstudenter")):
            d = weekday_on_or_after(add_months(ys, month) + timedelta(days=rnd.randint(0, 14)),
                                    rnd.randint(0, 4))
            if plan.free_day(d):
                out.append({"kind": kind, "title": title, "date": d, "status": "done",
                            "delmal": plan.codes(["STa4", "STa6", "STa2"], 1)})
        start, end = ys, add_months(ys, 10) - DAY
        if end <= plan.end and not plan.on_parental(start, end):
            out.append({"kind": "reflektionsgrupp", "title": "Balintgrupp för ST-läkare",
                        "start": start, "end": end, "status": "done",
                        "delmal": plan.codes(["STb1", "STa6"], 2)})
    return out


def milestones(plan: Plan, bt_approved: date | None) -> list[Entry]:
    out: list[Entry] = []

    def add(kind: str, d: date, notes: str | None = None, st_year: int | None = None,
            step: timedelta = DAY) -> None:
        while plan.start <= d <= plan.end and not plan.free_day(d):
            d += step
        if not plan.free_day(d):
            return
        e: Entry = {"kind": kind, "date": d}
        if st_year is not None:
            e["st_year"] = st_year
        if notes:
            e["notes"] = notes
        out.append(e)

    s = plan.start
    add("startseminarium", weekday_on_or_after(add_months(s, 5), 3),
        "Startseminarium med studierektor och handledare.")
    add("iup", weekday_on_or_after(add_months(s, 5), 3), "Fastställd på startseminariet.")
    add("st-kontrakt", weekday_on_or_after(add_months(s, 6), 3), "Undertecknat i två exemplar.")
    if bt_approved is not None:
        add("bt-intyg", bt_approved, "Intyg om uppnådd baskompetens.")
    for k in range(plan.years):
        ys, ye = plan.year_start(k), plan.year_start(k + 1) - DAY
        if k > 0:
            add("iup-revision", ys + timedelta(days=14), "Årlig revision av IUP.")
            add("handledarutlatande", ys + timedelta(days=10), st_year=k)
        meeting = "arsuppfoljning" if k % 2 else "studierektorsmote"
        add(meeting, weekday_on_or_after(add_months(ys, 4) + timedelta(days=10), 2),
            "Uppföljning av utbildningsplanen med studierektor.")
        if ye <= plan.end:
            add("arsrapport", ye - timedelta(days=6), f"Årsrapport för ST-år {k + 1}.",
                step=-DAY)
    if plan.years >= 4:
        add("mitt-i-st-anmalan", add_months(plan.year_start(3), 2), "Anmäld till SFAM.")
    if plan.years >= 5:
        add("mitt-i-st", add_months(plan.year_start(4), 3), "Mitt-i-ST med extern värderare.")
    if plan.years >= 7:
        add("specialistexamen", add_months(plan.year_start(6), 8), "Specialistexamen via SFAM.")
    return out


def served_projection(plan: Plan, required: int) -> date:
    """First day the served months reach the requirement (exact), with leave counted."""
    served = Fraction(CREDITED_MONTHS)
    d = plan.start
    while True:
        if d not in plan.noncounting:
            served += Fraction(plan.percent(d), 100 * calendar.monthrange(d.year, d.month)[1])
        if served >= required:
            return d
        d += DAY


# --- writing ------------------------------------------------------------------------------


def _by_year(entries: list[Entry], key: str) -> dict[int, list[Entry]]:
    out: dict[int, list[Entry]] = {}
    for e in entries:
        when = e.get(key) or e.get("start")
        assert isinstance(when, date)
        out.setdefault(when.year, []).append(e)
    return out


def _write_kind(root: Path, kind: str, entries: list[Entry], key: str, what: str) -> None:
    folder = root / kind
    folder.mkdir(parents=True, exist_ok=True)
    for year, items in sorted(_by_year(entries, key).items()):
        f = YamlFile(header=[f"{what} {year}. Genererad testdata (bench/generate.py)."])
        month = 0
        for e in sorted(items, key=lambda x: str(x.get(key) or x.get("start"))):
            when = e.get(key) or e.get("start")
            assert isinstance(when, date)
            comment = None
            if kind in ("supervision", "assessments", "activities") and when.month != month:
                month = when.month
                comment = MONTHS_SV[month - 1]
            f.add(e, comment)
        (folder / f"{year}.yaml").write_text(f.text(), encoding="utf-8")


def _st_yaml(plan: Plan, trainee: str, home_unit: str, required: int,
             bt_approved: date | None) -> str:
    projected = served_projection(plan, required)
    planned_end = date(projected.year, projected.month, 1)
    planned_end = add_months(planned_end, 2)
    lines = [
        "# Genererad testportfölj (bench/generate.py). Fiktiv ST-läkare.",
        f"trainee: {scalar(trainee)}",
        f"regulation: {plan.regulation}",
        f"region: {plan.region}",
        f"start: {plan.start.isoformat()}",
        f"home_unit: {scalar(home_unit)}",
        "swedish_at: false",
        "doctoral_degree: false",
        f"planned_end: {planned_end.isoformat()}",
        "language: sv",
    ]
    if plan.hslf:
        lines += ["bt:", f"  start: {plan.start.isoformat()}",
                  f"  end: {(plan.year_start(1) - DAY).isoformat()}"]
        if bt_approved is not None:
            lines.append(f"  approved: {bt_approved.isoformat()}")
    lines.append("employment:")
    for when, percent in plan.employment:
        lines.append(f"  - {{from: {when.isoformat()}, percent: {percent}}}")
    lines += ["credited:",
              f"  - {{months: {CREDITED_MONTHS}, description: Vikariat på hälsocentralen före ST, "
              f"decided: {add_months(plan.start, 3).isoformat()}}}"]
    lines.append("supervisors:")
    for s in plan.supervisors:
        lines.extend(mapping_lines(s, 4, "  - "))
    lines.append("study_hours_per_week: 4")
    lines.append("patient_list:")
    for k in range(plan.years):
        ys = plan.year_start(k)
        size = min(1300, 550 + 150 * k) * plan.percent(ys) // 100 // 10 * 10
        lines.append(f"  - {{from: {ys.isoformat()}, size: {size}}}")
    return "\n".join(lines) + "\n"


def _prepare(out_dir: Path) -> None:
    """Create out_dir, or clear a previous generated portfolio in it; never anything else."""
    if out_dir.exists():
        if not out_dir.is_dir():
            raise FileExistsError(f"{out_dir} exists and is not a folder")
        if any(out_dir.iterdir()):
            if not (out_dir / MARKER).is_file():
                raise FileExistsError(
                    f"{out_dir} is not empty and was not made by bench/generate.py")
            for kind in KINDS:
                if (out_dir / kind).is_dir():
                    shutil.rmtree(out_dir / kind)
            (out_dir / "st.yaml").unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("Made by bench/generate.py; the folder may be regenerated.\n",
                                  encoding="utf-8")


def generate(out_dir: Path, years: int, seed: int = 1, *, regulation: str | None = None,
             region: str = "gavleborg") -> Path:
    """Write a portfolio of `years` ST years into out_dir and return its root (out_dir).

    Deterministic for equal arguments. out_dir must be empty, absent, or a folder this
    function wrote before (it is then regenerated).
    """
    if years < 1 or years > MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    if regulation is not None and regulation not in REGULATIONS:
        raise ValueError(f"regulation must be one of {REGULATIONS}")
    if region not in REGIONS:
        raise ValueError(f"region must be one of {REGIONS}")
    root = Path(out_dir)
    _prepare(root)
    plan = make_plan(years, seed, regulation, region)
    rnd = plan.rnd
    used: set[str] = set()
    trainee = person(rnd, used)
    home_unit = rnd.choice(HOME_UNITS)
    # Main supervisor: one, or two when the ST is long (the first hands over halfway).
    mains: list[tuple[str, date, date | None]] = []
    if years >= 6:
        switch = add_years(plan.start, years // 2)
        mains = [("main1", plan.start, switch - DAY), ("main2", switch, None)]
    else:
        mains = [("main1", plan.start, None)]
    for sid, a, b in mains:
        plan.supervisors.append({
            "id": sid, "name": person(rnd, used), "specialty": "allmanmedicin", "role": "main",
            "unit": home_unit, "training": LAST_DAY.year - rnd.randint(1, 3) if b is None
            else a.year - 1, "from": a, "to": b})
    plan.supervisors.append({"id": "co", "name": person(rnd, used), "specialty": "allmanmedicin",
                             "role": "co", "unit": home_unit,
                             "training": plan.start.year - 2, "from": plan.start})
    plan.supervisors.append({"id": "sci", "name": person(rnd, used),
                             "specialty": "allmanmedicin", "role": "scientific",
                             "unit": "Centrum för forskning och utveckling",
                             "training": plan.start.year, "from": plan.start})
    main_of: dict[int, str] = {}
    for k in range(years + 1):
        ys = plan.year_start(k)
        main_of[k] = next((sid for sid, a, b in mains if a <= ys and (b is None or ys <= b)),
                          mains[-1][0])
    leave = plan_leave(plan)
    plan_sides(plan, used)
    bt_approved: date | None = None
    if plan.hslf:
        approved = add_months(plan.year_start(1), 1) + timedelta(days=14)
        bt_approved = approved if approved <= plan.end else None
    required = 66 if plan.hslf else 60

    (root / "st.yaml").write_text(_st_yaml(plan, trainee, home_unit, required, bt_approved),
                                  encoding="utf-8")
    _write_kind(root, "placements", placements(plan, home_unit, main_of), "start",
                "Tjänstgöringar som börjar")
    _write_kind(root, "supervision", supervision(plan, main_of, "co"), "date", "Handledning")
    _write_kind(root, "assessments", assessments(plan, main_of, "co"), "date",
                "Kompetensbedömningar")
    _write_kind(root, "courses", courses(plan), "start", "Kurser")
    _write_kind(root, "leave", leave, "start", "Ledighet som börjar")
    _write_kind(root, "activities", activities(plan, main_of, "sci"), "date", "Aktiviteter")
    _write_kind(root, "milestones", milestones(plan, bt_approved), "date", "Milstolpar")
    return root


def portfolio_size(root: Path) -> tuple[int, int]:
    """(total bytes, file count) of the portfolio's YAML files."""
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml")]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--years", type=int, default=5, help="ST years to generate (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: bench/generated/st-<years>y-seed<seed>)")
    parser.add_argument("--regulation", choices=REGULATIONS, default=None,
                        help="default: by start date, HSLF-FS 2021:8 from 2021-07-01")
    parser.add_argument("--region", choices=REGIONS, default="gavleborg")
    args = parser.parse_args(argv)
    out: Path = args.out or (Path(__file__).resolve().parent / "generated"
                             / f"st-{args.years}y-seed{args.seed}")
    try:
        root = generate(out, args.years, args.seed, regulation=args.regulation,
                        region=args.region)
    except (ValueError, FileExistsError) as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    size, count = portfolio_size(root)
    print(f"{root}: {count} files, {size} bytes; records end {LAST_DAY.isoformat()} "
          f"(use --as-of {LAST_DAY.isoformat()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
