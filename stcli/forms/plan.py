"""Which of Socialstyrelsen's forms a portfolio needs, and what goes in which field.

Pure: the evaluated portfolio (its records, the one `Progress`, the catalog) in, a plan out;
no files, no PDF library. The service lists are `Progress.service` as computed for
`st report --final` (the same rows, the same exact months), never counted again here.

The text written into the forms is Swedish whatever the output language: the forms are.
The trainee's personnummer is never part of a plan: `stcli.forms.pdf` gets it separately,
at the moment of writing, and only the PDFs hold it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from stcli.findings import Position
from stcli.i18n import format_number
from stcli.i18n import t as translate

if TYPE_CHECKING:
    from stcli.engine.catalog import DelmalCatalog
    from stcli.engine.evaluate import Evaluation
    from stcli.engine.progress import Progress, ServicePeriod
    from stcli.model import Profile
    from stcli.portfolio import Located, Portfolio

HSLF = "HSLF-FS 2021:8"
SOSFS = "SOSFS 2015:8"

# Where Socialstyrelsen publishes each set (named in the message when a blank is missing).
PUBLISHED = {
    HSLF: "socialstyrelsen.se, artikelnummer 2021-2-7212 (bilagor 1–13 till HSLF-FS 2021:8)",
    SOSFS: "socialstyrelsen.se, blanketterna till SOSFS 2015:8 (bilagor 1–8 b)",
}

# The forms' official titles (Swedish, as printed), by regulation and bilaga.
TITLES = {
    HSLF: {
        "1": "Ansökan om intyg om godkänd bastjänstgöring",
        "2": "Intyg: delmål i bastjänstgöringen",
        "3": "Intyg om fullgjord bastjänstgöring",
        "4": "Intyg om uppnådd baskompetens",
        "5": "Ansökan om bevis om specialistkompetens",
        "6": "Intyg om fullgjord specialiseringstjänstgöring",
        "7": "Intyg om uppnådd specialistkompetens",
        "8": "Intyg: auskultation",
        "9": "Intyg: klinisk tjänstgöring under handledning",
        "10": "Intyg: kurs",
        "11": "Intyg: deltagande i utvecklingsarbete",
        "12": "Intyg: delmål STa3. Medicinsk vetenskap",
        "13": "Intyg: specialistläkare från tredjeland",
    },
    SOSFS: {
        "1": "Ansökan om bevis om specialistkompetens",
        "2": "Intyg om uppnådd specialistkompetens",
        "3": "Intyg: auskultation",
        "4": "Intyg: klinisk tjänstgöring under handledning",
        "5": "Intyg: kurs",
        "6": "Intyg: kvalitets- och utvecklingsarbete",
        "7": "Intyg: självständigt skriftligt arbete",
        "8a": "Intyg: specialistläkare från tredjeland (8 a)",
        "8b": "Intyg: specialistläkare från tredjeland (8 b)",
    },
}

SPECIALTY = "Allmänmedicin"  # "Specialitet som ansökan avser": st is for allmänmedicin
OWN_NUMBER = "Bilaga nr"  # each attachment's own number, top right
TRAINEE_PNR = "Personnummer"  # the trainee's personnummer on every form we fill

# The application's list of attachments: bilaga (form) → the list field it is named in.
ATTACHMENT_LISTS = {
    (HSLF, "st"): {"6": "Bilagor nr.0.0", "7": "Bilagor nr.0.1", "8": "Bilagor nr.0.2",
                   "9": "Bilagor nr.0.3", "10": "Bilagor nr.0.4", "11": "Bilagor nr.0.5",
                   "12": "Bilagor nr.0.6"},
    (HSLF, "bt"): {"2": "Bilagor nr.0", "3": "Bilagor nr.1", "4": "Bilagor nr.2"},
    (SOSFS, "st"): {"2": "Bilaga nr", "3": "Bilaga nr_2", "4": "Bilaga nr_3",
                    "5": "Bilaga nr_4", "6": "Bilaga nr_5", "7": "Bilaga nr_6"},
}
APPLICATION_FORM = {(HSLF, "st"): "5", (HSLF, "bt"): "1", (SOSFS, "st"): "1"}

# Bilaga 5 (2021) gives the four list fields `Bilagor nr.0.4`–`0.7` a second widget each on
# page 3, beside "Svensk doktorsexamen" … "Individuellt utbildningsprogram": filled as they
# are, the numbers of the courses would show again beside the doctoral degree. Those
# widgets are made fields of their own (left empty, for the trainee).
DETACH = {
    (HSLF, "5"): tuple((f"Bilagor nr.0.{i}", 2, f"Övriga handlingar bilaga nr {i - 3}")
                       for i in range(4, 8)),
}


class Rows(NamedTuple):
    """A service-list table on a form: its columns' field-name prefixes and row suffixes."""

    place: str
    period: str
    percent: str
    months: str
    suffixes: tuple[str, ...]
    total: str


_HSLF_COLUMNS = ("Tjänstgöringsställe sjukhus klinik enhet eller annan specificeringRow",
                 "Period ååmmddååmmddRow",
                 "Tjänstgöringens omfatt ning i procent av heltidRow",
                 "Tjänstgöringens omfatt ning omräknad till månader på heltidRow")
ROWS = {
    (HSLF, "6"): Rows(*_HSLF_COLUMNS,
                      suffixes=(*(str(n) for n in range(1, 20)),
                                *(f"{n}_2" for n in range(1, 20)), "20"),
                      total="Tjänstgöringens omfatt ning omräknad till månader på heltidSumma"),
    (HSLF, "3"): Rows(*_HSLF_COLUMNS, suffixes=tuple(str(n) for n in range(1, 19)),
                      total="Tjänstgöringens omfatt ning omräknad till månader på heltidSumma"),
    (SOSFS, "1"): Rows(
        "Tjänstgöringsställe Sjukhus klinik enhet eller annan specificeringRow",
        "Period ååmmdd  ååmmddRow",
        "Tjänstgöringens omfattning i pro cent av heltidRow",
        "Tjänstgöringens omfattning om räknad till måna der på heltidRow",
        suffixes=tuple(str(n) for n in range(1, 34)),
        total="Tjänstgöringens omfattning om räknad till måna der på heltidSumma"),
}


class FieldText(NamedTuple):
    text: str
    source: Position | None = None  # where in the portfolio the text was written
    key: str | None = None  # the portfolio field it came from, for the hint
    short: str | None = None  # the same said shorter, when `text` does not fit the field

    def choices(self) -> tuple[str, ...]:
        return (self.text, self.short) if self.short and self.short != self.text \
            else (self.text,)


class PlannedForm(NamedTuple):
    regulation: str
    number: str  # the form: Socialstyrelsen's bilaga, e.g. "9"
    application: str  # "st" | "bt"
    attachment: int | None  # its number in the application; None: the application itself
    subject: str  # what it certifies, for the index: "Medicinkliniken, Gävle sjukhus …"
    delmal: tuple[str, ...]
    signers: tuple[Person, ...]  # who signs, for the index
    signed: str  # signed | requested | none | unknown: what the portfolio says
    texts: dict[str, FieldText]
    checks: frozenset[str] = frozenset()
    copy: tuple[int, int] | None = None  # (n, of) for a service list continued on copies
    filename: str = ""

    @property
    def key(self) -> str:
        return f"{self.regulation}/{self.number}"

    @property
    def title(self) -> str:
        return TITLES[self.regulation][self.number]

    @property
    def detach(self) -> tuple[tuple[str, int, str], ...]:
        return DETACH.get((self.regulation, self.number), ())

    @property
    def personnummer_field(self) -> str:
        return TRAINEE_PNR


class Plan(NamedTuple):
    regulation: str
    forms: tuple[PlannedForm, ...]  # per application: the application, then its attachments
    notes: tuple[str, ...]  # message keys for what the plan could not fill (for the user)

    def needed(self) -> list[str]:
        """The form keys (regulation/bilaga) the plan fills, each once, in order."""
        seen: dict[str, None] = {}
        for form in self.forms:
            seen.setdefault(form.key)
        return list(seen)


# --- small helpers --------------------------------------------------------------------------


def yymmdd(day: dt.date) -> str:
    return day.strftime("%y%m%d")


def period(start: dt.date, end: dt.date | None) -> str:
    if end == start:
        return yymmdd(start)  # a one-day activity
    return f"{yymmdd(start)}–{yymmdd(end)}" if end else f"{yymmdd(start)}–"


def months_text(value: Fraction) -> str:
    return format_number(value, "sv", 2)


def percent_text(value: Fraction) -> str:
    digits = 0 if Fraction(value).denominator == 1 else 1
    return f"{format_number(Fraction(value), 'sv', digits)} %"


def number_list(numbers: list[int]) -> str:
    """`3, 5–9`: consecutive numbers as ranges, so that a long list fits its field."""
    parts: list[str] = []
    start = previous = None
    for n in [*sorted(numbers), None]:
        if start is not None and (n is None or previous is None or n != previous + 1):
            parts.append(str(start) if start == previous else
                         f"{start}, {previous}" if previous == start + 1 else
                         f"{start}–{previous}")
            start = None
        if n is not None and start is None:
            start = n
        previous = n
    return ", ".join(parts)


def slug(text: str, limit: int = 40) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words[:limit].rstrip("-") or "x"


def specialty_label(code: str | None) -> str:
    if not code:
        return ""
    text = translate(f"report.v.specialty.{code}", "sv")
    if text.startswith("report.v."):
        text = code  # the user's own vocabulary
    return text[:1].upper() + text[1:]


def split_name(profile: Profile) -> tuple[str, str]:
    """(family, given): `trainee_name` (format v2) or `trainee` split at its last space."""
    named = profile.trainee_name
    if named is not None:
        return named.family, named.given
    given, _, family = profile.trainee.strip().rpartition(" ")
    return (family, given) if given else (profile.trainee.strip(), "")


class Person(NamedTuple):
    name: str
    specialty: str  # label, as on the form
    unit: str
    training: str = ""  # year of handledarutbildning
    role: str = ""  # message key suffix: handledare, kursledare, verksamhetschef …

    def shown(self, lang: str) -> str:
        role = translate(f"forms.role.{self.role}", lang) if self.role else ""
        name = self.name or translate("forms.unknown_signer", lang)
        return f"{name} ({role})" if role else name


def _person(ref: Any, profile: Profile, role: str, unit: str = "") -> Person:
    """A supervisor id or an inline {name, specialty, unit} as the signer of a form."""
    if ref is None:
        return Person("", "", unit, role=role)
    if isinstance(ref, str):
        for s in profile.supervisors:
            if s.id == ref:
                year = str(s.training.year) if s.training else ""
                return Person(s.name, specialty_label(s.specialty), s.unit or unit, year, role)
        return Person(ref, "", unit, role=role)
    return Person(str(getattr(ref, "name", "") or ""),
                  specialty_label(getattr(ref, "specialty", None)),
                  str(getattr(ref, "unit", None) or unit), role=role)


def main_supervisor(profile: Profile, day: dt.date | None = None) -> Any:
    from stcli.portfolio import main_supervisor as main_id

    return main_id(profile, day)


def _signed_state(certificates: Iterable[str]) -> str:
    states = list(certificates)
    if states and all(state == "signed" for state in states):
        return "signed"
    if any(state in ("signed", "requested") for state in states):
        return "requested"
    return "none"


# --- building the plan ----------------------------------------------------------------------


class _Builder:
    def __init__(self, evaluation: Evaluation) -> None:
        assert evaluation.portfolio.profile is not None
        assert evaluation.progress is not None and evaluation.catalog is not None
        self.evaluation = evaluation
        self.portfolio: Portfolio = evaluation.portfolio
        self.located_profile = evaluation.portfolio.profile
        self.profile: Profile = evaluation.portfolio.profile.value
        self.progress: Progress = evaluation.progress
        self.catalog: DelmalCatalog = evaluation.catalog
        self.as_of = evaluation.as_of
        self.regulation = self.profile.regulation
        self.order = {code: i for i, code in enumerate(self.catalog.entries)}
        family, given = split_name(self.profile)
        self.trainee = {"Efternamn": FieldText(family), "Förnamn": FieldText(given)}
        self.city = self.profile.city or ""
        self.notes: list[str] = []

    # shared pieces

    def codes(self, codes: Iterable[str], bt: bool) -> tuple[str, ...]:
        chosen = {c for c in codes if c in self.order
                  and (self.catalog.entries[c].group == "bt") == bt}
        return tuple(sorted(chosen, key=self.order.__getitem__))

    def delmal_text(self, codes: tuple[str, ...]) -> FieldText:
        """`STc1, STc2, STc4` as the forms' examples write them; when that is too long for
        the field, runs in catalog order shortened: `BT1–BT18`."""
        runs: list[list[str]] = []
        for code in codes:
            prefix = code.rstrip("0123456789")
            if runs:
                last = runs[-1][-1]
                if last.rstrip("0123456789") == prefix and \
                        self.order[code] == self.order[last] + 1:
                    runs[-1].append(code)
                    continue
            runs.append([code])
        short = ", ".join(run[0] if len(run) == 1 else ", ".join(run) if len(run) == 2
                          else f"{run[0]}–{run[-1]}" for run in runs)
        return FieldText(", ".join(codes), short=short)

    def head(self, with_specialty: bool = True) -> dict[str, FieldText]:
        texts = dict(self.trainee)
        if with_specialty:
            texts["Specialitet som ansökan avser"] = FieldText(SPECIALTY)
        return texts

    def sign(self, texts: dict[str, FieldText], person: Person, suffix: str = "",
             specialty_field: str | None = "Specialitet", unit_field: str = "Tjänsteställe",
             city_field: str = "Ort och datum") -> None:
        if person.name:
            texts[f"Namnförtydligande{suffix}"] = FieldText(person.name)
        if specialty_field and person.specialty:
            texts[specialty_field] = FieldText(person.specialty)
        if person.unit:
            texts[unit_field] = FieldText(person.unit)
        if self.city:
            texts[city_field] = FieldText(self.city)

    def verksamhetschef(self) -> Person:
        chief = self.profile.verksamhetschef
        if chief is None:
            self.notes.append("forms.note.verksamhetschef")
            return Person("", "", self.profile.home_unit, role="verksamhetschef")
        return Person(chief.name, "", chief.unit or self.profile.home_unit,
                      role="verksamhetschef")

    def applicant(self) -> tuple[Person]:
        family, given = split_name(self.profile)
        return (Person(" ".join(x for x in (given, family) if x), "", "", role="sokande"),)

    def main(self, day: dt.date | None = None) -> Person:
        return _person(main_supervisor(self.profile, day), self.profile, "huvudhandledare",
                       self.profile.home_unit)

    def specialists(self) -> list[Person]:
        listed = list(self.profile.specialists)
        people = [_person(ref, self.profile, "specialist", self.profile.home_unit)
                  for ref in listed]
        if not people:
            self.notes.append("forms.note.specialists")
            people = [self.main()]
        main_id = main_supervisor(self.profile)
        main_names = {s.name for s in self.profile.supervisors if s.id == main_id}
        # The main supervisor signs first where the form has a place for them.
        people = [p._replace(role="huvudhandledare") if p.name in main_names else p
                  for p in people]
        people.sort(key=lambda p: 0 if p.name in main_names else 1)
        return people

    def started(self, start: dt.date | None) -> bool:
        return start is not None and start <= self.as_of

    # the service list

    def service_rows(self, rows: tuple[ServicePeriod, ...], credited: bool
                     ) -> list[tuple[str, str, str, str]]:
        out = []
        for row in rows:
            placement = self.portfolio.placements[row.index].value
            out.append((placement.unit, period(row.start, row.end), percent_text(row.percent),
                        months_text(row.months)))
        if credited:
            for credit in self.profile.credited:
                out.append((f"Tillgodoräknad tjänstgöring: {credit.description}",
                            "", "", months_text(Fraction(credit.months))))
        return out

    def table_forms(self, number: str, application: str, rows: list[tuple[str, str, str, str]],
                    total: Fraction, base: dict[str, FieldText], subject: str,
                    signer: Person, signed: str, attachment: bool = True) -> list[PlannedForm]:
        """One form per page-full of rows; the sum on the last copy."""
        spec = ROWS[(self.regulation, number)]
        per = len(spec.suffixes)
        chunks = [rows[i:i + per] for i in range(0, len(rows), per)] or [[]]
        forms = []
        for n, chunk in enumerate(chunks, start=1):
            texts = dict(base)
            for suffix, (place, span, pct, months) in zip(spec.suffixes, chunk, strict=False):
                for prefix, value in ((spec.place, place), (spec.period, span),
                                      (spec.percent, pct), (spec.months, months)):
                    if value:
                        texts[prefix + suffix] = FieldText(value)
            if n == len(chunks):
                texts[spec.total] = FieldText(months_text(total))
            forms.append(PlannedForm(self.regulation, number, application, 0 if attachment
                                     else None, subject, (), (signer,), signed,
                                     texts, copy=(n, len(chunks)) if len(chunks) > 1 else None))
        return forms


def build_plan(evaluation: Evaluation) -> Plan:
    """Every form the portfolio's regulation needs, numbered, with its field values."""
    builder = _Builder(evaluation)
    if builder.regulation == SOSFS:
        applications = [("st", _sosfs(builder))]
    else:
        applications = []
        if builder.profile.bt is not None:
            applications.append(("bt", _hslf_bt(builder)))
        applications.append(("st", _hslf_st(builder)))
    forms: list[PlannedForm] = []
    for application, planned in applications:
        forms.extend(_numbered(builder.regulation, application, planned))
    return Plan(builder.regulation, tuple(forms), tuple(dict.fromkeys(builder.notes)))


def _numbered(regulation: str, application: str,
              planned: list[PlannedForm]) -> list[PlannedForm]:
    """Number the attachments 1…n in the application's order, fill each one's `Bilaga nr`
    and the application's list, and name the files."""
    app_number = APPLICATION_FORM[(regulation, application)]
    lists = ATTACHMENT_LISTS[(regulation, application)]
    head = [f for f in planned if f.number == app_number]
    attachments = sorted((f for f in planned if f.number != app_number),
                         key=lambda f: list(lists).index(f.number) if f.number in lists else 99)
    numbered: list[PlannedForm] = []
    by_form: dict[str, list[int]] = {}
    for n, form in enumerate(attachments, start=1):
        texts = dict(form.texts)
        texts[OWN_NUMBER] = FieldText(str(n))
        by_form.setdefault(form.number, []).append(n)
        copy = f"-{form.copy[0]}" if form.copy else ""
        label = re.sub(r"\s\d{6}–\d{6}$", "", form.subject)
        name = f"{n:02d}-bilaga-{form.number}-{slug(label)}{copy}.pdf"
        numbered.append(form._replace(attachment=n, texts=texts, filename=name))
    folder = "bt/" if application == "bt" else ""
    out = []
    for form in head:
        texts = dict(form.texts)
        for number, field in lists.items():
            if number in by_form:
                texts[field] = FieldText(number_list(by_form[number]))
        copy = f"-{form.copy[0]}" if form.copy else ""
        out.append(form._replace(texts=texts, attachment=None,
                                 filename=f"{folder}00-bilaga-{form.number}-ansokan{copy}.pdf"))
    out += [f._replace(filename=folder + f.filename) for f in numbered]
    return out


# --- HSLF-FS 2021:8 ---------------------------------------------------------------------------


def _hslf_st(b: _Builder) -> list[PlannedForm]:
    forms: list[PlannedForm] = []
    reg = b.regulation
    # 5: the application
    texts = b.head()
    texts["Arbetsplats"] = FieldText(b.profile.home_unit)
    if b.profile.bt is not None and b.profile.bt.approved:
        texts["Datum ååmmdd_5"] = FieldText(yymmdd(b.profile.bt.approved))
    if b.city:
        texts["Ort och datum"] = FieldText(b.city)
    forms.append(PlannedForm(reg, "5", "st", None, translate("forms.subject.application", "sv"),
                             (), b.applicant(), "unknown", texts))
    # 6: the service list, the rows of `st report --final`
    chief = b.verksamhetschef()
    base = b.head()
    b.sign(base, chief, specialty_field=None)
    rows = b.service_rows(b.progress.service, credited=True)
    forms += b.table_forms("6", "st", rows, b.progress.service_total, base,
                           translate("forms.subject.service", "sv"), chief, "unknown")
    # 7: the two specialists
    texts = b.head()
    people = b.specialists()
    for person, suffix in zip(people, ("", "_2"), strict=False):
        b.sign(texts, person, suffix=suffix, specialty_field=f"Specialitet{suffix}",
               unit_field=f"Tjänsteställe{suffix}", city_field=f"Ort och datum{suffix}")
    forms.append(PlannedForm(reg, "7", "st", 0, translate("forms.subject.specialist", "sv"), (),
                             tuple(people[:2]), "unknown", texts))
    forms += _auskultation(b, "8", place="Tjänstgöringsställe för auskultation",
                           span="Period ååmmdd  ååmmdd", text="Beskrivning av auskultationen",
                           delmal_field="Delmål som intyget avser tex STa1 STb1 STc1")
    forms += _clinical(b, "9", place="Tjänstgöringsställe för klinisk tjänstgöring",
                       span="Period ååmmdd  ååmmdd",
                       text="Beskrivning av den kliniska tjänstgöringen",
                       delmal_field="Delmål som intyget avser tex STa1 STb1 STc1")
    forms += _courses(b, "10", subject_field="Kursens ämne anges i rubrikform",
                      text="Beskrivning av kursen",
                      delmal_field="Delmål som intyget avser tex STa1 STb1 STc1",
                      leader_box="Kursledare", supervisor_box="Handledare",
                      specialty_field="Specialitet gäller endast handledare")
    forms += _works(b, "11", ("kvalitetsarbete",),
                    subject_field="Utvecklingsarbetets ämne anges i rubrikform",
                    text="Beskrivning av STläkarens deltagande i utvecklingsarbetet",
                    delmal_field="Delmål som intyget avser tex STa1 STb1 STc1")
    forms += _sta3(b)
    return forms


def _activity_line(b: _Builder, kind: str, entry: Any) -> str:
    from stcli.portfolio import activity_first_day, activity_last_day

    if kind == "placements":
        what = translate(f"report.v.placement_type.{entry.type}", "sv")
        return f"{what}: {entry.unit} ({specialty_label(entry.specialty).lower()}), " \
               f"{period(entry.start, entry.end)}"
    if kind == "courses":
        return f"Kurs: {entry.title}, {period(entry.start, entry.end)}"
    first, last = activity_first_day(entry), activity_last_day(entry)
    what = translate(f"report.v.activity.{entry.kind}", "sv")
    title = f": {entry.title}" if entry.title else ""
    return f"{what}{title}" + (f", {period(first, last)}" if first else "")


def _evidence(b: _Builder, bt: bool, codes: Iterable[str] | None = None
              ) -> list[tuple[str, int, Any, tuple[str, ...]]]:
    """The engine's evidence (`DelmalStatus.entries`, started by as_of) of the BT or ST
    delmål, per entry in time order: (kind, index, entry, the delmål it cites)."""
    from stcli.portfolio import activity_first_day

    wanted = set(codes) if codes is not None else None
    cited: dict[tuple[str, int], set[str]] = {}
    for status in b.progress.delmal:
        code = status.delmal.code
        if (status.delmal.group == "bt") != bt or (wanted is not None and code not in wanted):
            continue
        for ref in status.entries:
            if ref.started:
                cited.setdefault((ref.kind, ref.index), set()).add(code)
    found = []
    for (kind, index), mine in cited.items():
        entry = b.portfolio.entries(kind)[index].value
        found.append((kind, index, entry, tuple(sorted(mine, key=b.order.__getitem__))))
    found.sort(key=lambda e: ((activity_first_day(e[2]) if e[0] == "activities"
                               else e[2].start) or dt.date.max, e[0], e[1]))
    return found


def _sta3(b: _Builder) -> list[PlannedForm]:
    if "STa3" not in b.catalog.entries:
        return []
    evidence = _evidence(b, bt=False, codes=["STa3"])
    lines = [_activity_line(b, kind, entry) for kind, _i, entry, _c in evidence]
    texts = b.head()
    field = ("Utbildningsaktiviteter som sökanden genomfört för att uppnå delmålet tex "
             "kliniska tjänstgöringar under handledning kurser eller tidigare tjänstgöring")
    if lines:
        texts[field] = FieldText("\n".join(lines))
    signer_ref = next((e.supervisor for kind, _i, e, _c in evidence
                       if kind == "activities" and e.kind == "vetenskapligt-arbete"
                       and e.supervisor), None)
    signer = (_person(signer_ref, b.profile, "handledare", b.profile.home_unit)
              if signer_ref else b.main())
    b.sign(texts, signer)
    signed = "signed" if any(m.value.kind == "sta3-intyg" and m.value.date <= b.as_of
                             for m in b.portfolio.milestones) else "none"
    return [PlannedForm(b.regulation, "12", "st", 0, "Delmål STa3. Medicinsk vetenskap",
                        ("STa3",), (signer,), signed, texts)]


# --- certificates per entry (both regulations) ------------------------------------------------


def _describe(item: Located[Any], *keys: str) -> FieldText | None:
    for key in keys:
        value = getattr(item.value, key, None)
        if value:
            return FieldText(str(value).strip(), item.at(key), key)
    return None


def _auskultation(b: _Builder, number: str, place: str, span: str | None, text: str,
                  delmal_field: str) -> list[PlannedForm]:
    forms = []
    for item in b.portfolio.placements:
        p = item.value
        if p.type != "auskultation" or not b.started(p.start):
            continue
        codes = b.codes(p.delmal, bt=False)
        texts = b.head()
        texts[delmal_field] = b.delmal_text(codes)
        if span is None:  # SOSFS 2015:8: one field for place and period
            texts[place] = FieldText(f"{p.unit}, {period(p.start, p.end)}")
        else:
            texts[place] = FieldText(p.unit)
            texts[span] = FieldText(period(p.start, p.end))
        described = _describe(item, "description")
        texts[text] = described or FieldText(
            f"Auskultation inom {specialty_label(p.specialty).lower()}.")
        signer = _person(p.supervisor, b.profile, "handledare", p.unit)
        b.sign(texts, signer)
        forms.append(PlannedForm(b.regulation, number, "st", 0,
                                 f"{p.unit} {period(p.start, p.end)}", codes,
                                 (signer,), _signed_state([p.certificate]), texts))
    return forms


def _supervisor_key(ref: Any) -> str:
    return ref if isinstance(ref, str) else str(getattr(ref, "name", "") or "")


def _clinical(b: _Builder, number: str, place: str, span: str | None, text: str,
              delmal_field: str) -> list[PlannedForm]:
    """One form per clinical placement; vårdcentral periods grouped by unit and supervisor."""
    groups: dict[tuple[Any, ...], list[Located[Any]]] = {}
    for index, item in enumerate(b.portfolio.placements):
        p = item.value
        if p.type == "auskultation" or not b.started(p.start):
            continue
        if not b.codes(p.delmal, bt=False):
            continue  # BT only: its certificate is Bilaga 2
        key: tuple[Any, ...] = ((p.type, p.unit, _supervisor_key(p.supervisor))
                                if p.type == "vardcentral" else ("single", index))
        groups.setdefault(key, []).append(item)
    forms = []
    for items in groups.values():
        placements = [i.value for i in items]
        first, last = min(p.start for p in placements), max(p.end for p in placements)
        codes = b.codes((c for p in placements for c in p.delmal), bt=False)
        p0 = placements[0]
        texts = b.head()
        texts[delmal_field] = b.delmal_text(codes)
        if span is None:
            texts[place] = FieldText(f"{p0.unit}, {period(first, last)}")
        else:
            texts[place] = FieldText(p0.unit)
            texts[span] = FieldText(period(first, last))
        described = [d for d in (_describe(i, "description") for i in items) if d]
        if len(items) > 1:
            spans = ", ".join(period(p.start, p.end) for p in placements)
            lead = (f"Klinisk tjänstgöring i {specialty_label(p0.specialty).lower()} "
                    f"under handledning, perioderna {spans}.")
            body = " ".join(d.text for d in described)
            texts[text] = FieldText(f"{lead}\n{body}" if body else lead,
                                    described[0].source if described else None,
                                    "description" if described else None)
        elif described:
            texts[text] = described[0]
        else:
            what = translate(f"report.v.placement_type.{p0.type}", "sv")
            share = f", {percent_text(Fraction(p0.percent))} av heltid" \
                if p0.percent is not None else ""
            texts[text] = FieldText(f"{what} i {specialty_label(p0.specialty).lower()} "
                                    f"under handledning{share}.")
        signer = _person(p0.supervisor, b.profile, "handledare", p0.unit)
        b.sign(texts, signer)
        forms.append(PlannedForm(b.regulation, number, "st", 0,
                                 f"{p0.unit} {period(first, last)}", codes, (signer,),
                                 _signed_state(p.certificate for p in placements), texts))
    return forms


def _courses(b: _Builder, number: str, subject_field: str, text: str, delmal_field: str,
             leader_box: str, supervisor_box: str, specialty_field: str,
             leader_field: str | None = None) -> list[PlannedForm]:
    forms = []
    for item in b.portfolio.courses:
        c = item.value
        codes = b.codes(c.delmal, bt=False)
        if not codes or not b.started(c.start):
            continue
        texts = b.head()
        texts[delmal_field] = b.delmal_text(codes)
        if leader_field is None:  # HSLF-FS 2021:8: the subject alone
            texts[subject_field] = FieldText(c.title, item.at("title"), "title")
        else:
            texts[subject_field] = FieldText(f"{c.title}, {period(c.start, c.end)}",
                                             item.at("title"), "title")
        described = _describe(item, "description")
        if described is None:
            by = f", {c.provider}" if c.provider else ""
            described = FieldText(f"{c.title}{by}, {period(c.start, c.end)}.")
        texts[text] = described
        leader = c.course_leader
        if c.certificate_signer == "handledare":
            signer = b.main(c.start)
            signer = signer._replace(role="handledare")
            checks = frozenset({supervisor_box})
            b.sign(texts, signer, specialty_field=specialty_field)
        else:
            signer = _person(leader, b.profile, "kursledare", c.provider or "")
            checks = frozenset({leader_box}) if c.certificate_signer == "kursledare" \
                else frozenset()
            b.sign(texts, signer, specialty_field=specialty_field if leader_field is not None
                   else None)
            if leader_field is not None and signer.name:
                texts[leader_field] = FieldText(signer.name)
        forms.append(PlannedForm(b.regulation, number, "st", 0, c.title, codes,
                                 (signer,), _signed_state([c.certificate]), texts,
                                 checks=checks))
    return forms


def _works(b: _Builder, number: str, kinds: tuple[str, ...], subject_field: str, text: str,
           delmal_field: str) -> list[PlannedForm]:
    from stcli.portfolio import activity_first_day

    forms = []
    for item in b.portfolio.activities:
        a = item.value
        if a.kind not in kinds or a.status == "planned" or not b.started(
                activity_first_day(a)):
            continue
        codes = b.codes(a.delmal, bt=False)
        texts = b.head()
        texts[delmal_field] = b.delmal_text(codes)
        if a.title:
            texts[subject_field] = FieldText(a.title, item.at("title"), "title")
        described = _describe(item, "participation", "description")
        if described is not None:
            texts[text] = described
        else:
            b.notes.append("forms.note.participation")
        signer = _person(a.supervisor, b.profile, "handledare", b.profile.home_unit) \
            if a.supervisor else b.main(activity_first_day(a))
        b.sign(texts, signer)
        forms.append(PlannedForm(b.regulation, number, "st", 0, a.title or a.kind, codes,
                                 (signer,), _signed_state([a.certificate]), texts))
    return forms


# --- HSLF-FS 2021:8, BT -------------------------------------------------------------------------


def _hslf_bt(b: _Builder) -> list[PlannedForm]:
    from stcli.engine.progress import progress_at
    from stcli.placement_setting import placement_setting

    bt = b.profile.bt
    assert bt is not None
    reg = b.regulation
    signed = "signed" if bt.approved else "unknown"
    forms: list[PlannedForm] = []
    texts = b.head(with_specialty=False)
    texts["Arbetsplats"] = FieldText(b.profile.home_unit)
    if b.city:
        texts["Ort och datum"] = FieldText(b.city)
    forms.append(PlannedForm(reg, "1", "bt", None, translate("forms.subject.bt_application", "sv"),
                             (), b.applicant(), signed, texts))
    # 2: one per supervisor of BT placements, with the BT courses and activities of its delmål
    evidence = _evidence(b, bt=True)
    groups: dict[str, list[tuple[str, int, Any, tuple[str, ...]]]] = {}
    for kind, index, entry, codes in evidence:
        if kind == "placements":
            groups.setdefault(_supervisor_key(entry.supervisor), []).append(
                (kind, index, entry, codes))
    # Each supervisor certifies the BT delmål of their own placements (a delmål may be on
    # several certificates); delmål only courses or activities cite go to the main supervisor.
    owned: dict[str, set[str]] = {key: {c for _k, _i, _e, codes in items for c in codes}
                                  for key, items in groups.items()}
    covered = set().union(*owned.values()) if owned else set()
    main_key = str(main_supervisor(b.profile, bt.start) or "")
    for kind, _index, _entry, codes in evidence:
        if kind != "placements":
            rest = set(codes) - covered
            if rest:
                owned.setdefault(main_key, set()).update(rest)
                groups.setdefault(main_key, [])
    for key, items in groups.items():
        mine = tuple(sorted(owned.get(key, ()), key=b.order.__getitem__))
        own = {index for _k, index, _e, _c in items}
        entries = [(kind, index, entry, codes) for kind, index, entry, codes in evidence
                   if set(codes) & set(mine) and (kind != "placements" or index in own)]
        lines = []
        for kind, _index, entry, codes in entries:
            shared = ", ".join(c for c in codes if c in mine)
            lines.append(f"{_activity_line(b, kind, entry)} ({shared})")
        texts = b.head(with_specialty=False)
        texts["Delmål som intyget avser tex BT1 BT2"] = b.delmal_text(mine)
        texts[("Utbildningsaktiviteter som sökanden genomfört för att uppnå delmål tex kliniska "
               "tjänstgöringar under handledning kurser eller tidigare tjänstgöring Om intyget "
               "avser flera delmål beskriv vilka utbildningsaktiviteter som avser vilka "
               "delmål")] = FieldText("\n".join(lines))
        first_placement = next((e for k, _i, e, _c in items if k == "placements"), None)
        ref = first_placement.supervisor if first_placement is not None else key
        signer = _person(ref, b.profile, "handledare", first_placement.unit
                         if first_placement is not None else b.profile.home_unit)
        b.sign(texts, signer)
        states = [e.certificate for _k, _i, e, _c in entries]
        subject = signer.name or key
        forms.append(PlannedForm(reg, "2", "bt", 0, f"BT {subject}", mine, (signer,),
                                 "signed" if bt.approved else _signed_state(states), texts))
    # 3: the BT service list as the engine had it at the end of BT, with its two parts
    end = bt.end or b.as_of
    at_end = progress_at(b.portfolio, b.profile, min(end, b.as_of), b.evaluation.settings,
                         b.catalog)
    rows = tuple(r for r in at_end.service if r.end >= bt.start)
    chief = b.verksamhetschef()
    base = b.head(with_specialty=False)
    b.sign(base, chief, specialty_field=None)
    parts: dict[str, list[str]] = {"primarvard": [], "akut": []}
    for row in rows:
        placement = b.portfolio.placements[row.index].value
        setting = placement_setting(placement)
        if setting in parts:
            line = f"{placement.unit}, {period(row.start, row.end)}"
            if line not in parts[setting]:
                parts[setting].append(line)
    if parts["primarvard"]:
        base["Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom "
             "primärvård"] = FieldText("\n".join(parts["primarvard"]))
    if parts["akut"]:
        base["Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom "
             "akut sjukvård"] = FieldText("\n".join(parts["akut"]))
    total = sum((r.months for r in rows), Fraction(0))
    forms += b.table_forms("3", "bt", b.service_rows(rows, credited=False), total, base,
                           translate("forms.subject.bt_service", "sv"), chief, signed)
    # 4: main supervisor (the external assessor's part is theirs)
    texts = b.head(with_specialty=False)
    main = b.main(bt.start)
    b.sign(texts, main)
    if b.city:
        texts["Ort och datum_2"] = FieldText(b.city)
    bt_signed = "signed" if any(m.value.kind == "bt-intyg" and m.value.date <= b.as_of
                                for m in b.portfolio.milestones) else signed
    forms.append(PlannedForm(reg, "4", "bt", 0, translate("forms.subject.bt_competence", "sv"),
                             (), (main, Person("", "", "", role="extern")), bt_signed, texts))
    return forms


# --- SOSFS 2015:8 -------------------------------------------------------------------------------


def _sosfs(b: _Builder) -> list[PlannedForm]:
    reg = b.regulation
    forms: list[PlannedForm] = []
    # 1: the application with the service list
    base = b.head()
    base["Arbetsplats"] = FieldText(b.profile.home_unit)
    if b.city:
        base["Ort och datum"] = FieldText(b.city)
    rows = b.service_rows(b.progress.service, credited=True)
    forms += b.table_forms("1", "st", rows, b.progress.service_total, base,
                           translate("forms.subject.application", "sv"),
                           b.applicant()[0], "unknown",
                           attachment=False)
    # 2: uppnådd specialistkompetens
    texts = b.head()
    chief = b.verksamhetschef()
    if chief.name:
        texts["Namnförtydligande"] = FieldText(chief.name)
    if chief.unit:
        texts["Tjänsteställe"] = FieldText(chief.unit)
    if b.city:
        for field in ("Ort och datum", "Ort och datum_2", "Ort och datum_3"):
            texts[field] = FieldText(b.city)
    people = b.specialists()
    main, other = people[0], (people[1] if len(people) > 1 else None)
    if main.name:
        texts["Namnförtydligande_3"] = FieldText(main.name)
    if main.specialty:
        texts["Specialitet_2"] = FieldText(main.specialty)
    if main.unit:
        texts["Tjänsteställe_3"] = FieldText(main.unit)
    if main.training:
        texts["Handledarutbildning årtal"] = FieldText(main.training)
    if other is not None:
        if other.name:
            texts["Namnförtydligande_2"] = FieldText(other.name)
        if other.specialty:
            texts["Specialitet"] = FieldText(other.specialty)
        if other.unit:
            texts["Tjänsteställe_2"] = FieldText(other.unit)
    signers = [chief, *people[:2]]
    forms.append(PlannedForm(reg, "2", "st", 0, translate("forms.subject.specialist", "sv"), (),
                             tuple(signers), "unknown", texts))
    delmal_field = "Delmål som intyget avser tex a1 b1 c1"
    forms += _auskultation(b, "3", place="Tjänstgöringsställe och period ååmmdd  ååmmdd för "
                           "auskultationen", span=None, text="Beskrivning av auskultationen",
                           delmal_field=delmal_field)
    forms += _clinical(b, "4", place="Tjänstgöringsställe och period ååmmdd  ååmmdd för den "
                       "kliniska tjänstgöringen", span=None,
                       text="Beskrivning av den kliniska tjänstgöringen",
                       delmal_field=delmal_field)
    forms += _courses(b, "5", subject_field="Ämne i rubrikform och period ååmmdd  ååmmdd för "
                      "kursen", text="Beskrivning av kursen", delmal_field=delmal_field,
                      leader_box="Kryssruta1", supervisor_box="Kryssruta2",
                      specialty_field="Specialitet om den intygande personen är "
                      "specialistkompetent läkare", leader_field="Kursledare")
    forms += _works(b, "6", ("kvalitetsarbete",),
                    subject_field="Ämne för kvalitets och utvecklingsarbete i rubrikform",
                    text="Beskrivning av kvalitets och utvecklingsarbetet",
                    delmal_field=delmal_field)
    forms += _works(b, "7", ("vetenskapligt-arbete",),
                    subject_field="Ämne för självständigt skriftligt arbete i rubrikform",
                    text="Beskrivning av det självständiga skriftliga arbetet",
                    delmal_field=delmal_field)
    return forms


# --- recognising blanks (pure: the field names are read by stcli.forms.pdf) ---------------------


class Recognition(NamedTuple):
    found: dict[str, str]  # form key → file name of its blank
    near: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]  # key → (file, missing, extra)
    unknown: tuple[str, ...]  # files that are no known form


def recognise(blanks: dict[str, frozenset[str]], known: dict[str, frozenset[str]]
              ) -> Recognition:
    """Match each blank (file name → its field names) to a known form by its exact field
    set; a blank that shares most names with a known form is reported as a near miss."""
    by_set = {names: key for key, names in known.items()}
    found: dict[str, str] = {}
    near: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    unknown: list[str] = []
    for name, names in sorted(blanks.items()):
        key = by_set.get(names)
        if key is not None:
            found.setdefault(key, name)
            continue
        best, score = None, 0.0
        for candidate, expected in known.items():
            overlap = len(names & expected) / max(1, len(names | expected))
            if overlap > score:
                best, score = candidate, overlap
        if best is not None and score >= 0.75:
            expected = known[best]
            near.setdefault(best, (name, tuple(sorted(expected - names)),
                                   tuple(sorted(names - expected))))
        else:
            unknown.append(name)
    return Recognition(found, near, tuple(unknown))
