"""The portfolio format (version 1 and its version 2 additions) as pydantic models: the
single source of truth.

`st schema` writes JSON Schema from these classes. Importing pydantic costs more than the
whole budget of `st validate` (it runs on every commit), so the validate path does not use
them directly: `python -m stcli.codegen` generates `stcli/model.py` from them (typed
records and the field table the loader converts by), and a test fails when the two differ.
Edit this file, never the generated one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

FORMAT_VERSION = 2

Regulation = Literal["SOSFS 2015:8", "HSLF-FS 2021:8"]
Region = Literal["vgr", "gavleborg", "vastmanland"]
Language = Literal["sv", "en"]
SeverityName = Literal["error", "warning", "info"]
Certificate = Literal["none", "requested", "signed"]

SPECIALTIES: tuple[str, ...] = (
    "allmanmedicin", "internmedicin", "psykiatri", "beroende", "barn-och-ungdomsmedicin",
    "akut-barnsjukvard", "barn-och-ungdomspsykiatri", "gynekologi", "obstetrik",
    "akutsjukvard", "geriatrik", "dermatologi", "oron-nasa-hals", "ogon", "ortopedi",
    "rehabilitering", "infektion", "radiologi", "palliativ-vard", "sabo", "bvc", "mvc",
    "kirurgi", "other",
)
Specialty = Literal[
    "allmanmedicin", "internmedicin", "psykiatri", "beroende", "barn-och-ungdomsmedicin",
    "akut-barnsjukvard", "barn-och-ungdomspsykiatri", "gynekologi", "obstetrik",
    "akutsjukvard", "geriatrik", "dermatologi", "oron-nasa-hals", "ogon", "ortopedi",
    "rehabilitering", "infektion", "radiologi", "palliativ-vard", "sabo", "bvc", "mvc",
    "kirurgi", "other",
]
PlacementType = Literal["vardcentral", "sidotjanstgoring", "auskultation"]
# Format v2: which part of BT a placement belongs to (rule BT001). Absent means the default
# from type and specialty: stcli.placement_setting.placement_setting.
PlacementSetting = Literal["primarvard", "akut", "other"]
SupervisorRole = Literal["main", "co", "scientific", "side"]
SupervisionForm = Literal["individual", "group", "distance", "bedside"]
AssessmentMethod = Literal[
    "mini-cex", "dops", "cbd", "medsittning", "video", "journalgranskning",
    "remissgranskning", "intygsgranskning", "msf", "specialistkollegium", "forst-i-st", "other",
]
LeaveKind = Literal[
    "foraldraledighet", "tjanstledighet", "sjukskrivning", "vab", "semester", "flex",
    "jourkomp", "other",
]
ActivityKind = Literal[
    "kvalitetsarbete", "vetenskapligt-arbete", "st-dag", "seminarium", "reflektionsgrupp",
    "konferens", "undervisning", "jour", "beredskap", "other",
]
ActivityStatus = Literal["planned", "ongoing", "done"]
MilestoneKind = Literal[
    "startseminarium", "iup", "iup-revision", "st-kontrakt", "arsrapport",
    "handledarutlatande", "studierektorsmote", "arsuppfoljning", "mitt-i-st-anmalan",
    "mitt-i-st", "slutvardering", "specialistexamen", "bt-intyg", "specialistansokan",
    "sta3-intyg",
]
CertificateSigner = Literal["kursledare", "handledare"]
ActivityType = Literal[
    "klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard", "kurs", "kvalitetsarbete",
    "vetenskapligt_arbete", "auskultation", "eget_intyg", "valfri_aktivitet",
]

Percent = Annotated[Decimal, Field(ge=0, le=100)]
LeavePercent = Annotated[Decimal, Field(gt=0, le=100)]
Text = str


class _YearAllowed:
    """Marker: the loader also accepts a year alone here, meaning 31 December of that year."""


YEAR_ALLOWED = _YearAllowed()
YearOrDate = Annotated[
    dt.date,
    YEAR_ALLOWED,
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "format": "date"}]}),
]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, defer_build=True
    )


# --- st.yaml -------------------------------------------------------------------------------


class PersonRef(_Strict):
    """A person named in the portfolio who is not one of its declared supervisors."""

    name: Text
    specialty: Specialty | None = None
    unit: Text | None = None


SupervisorField = Annotated[str, Field(min_length=1)] | PersonRef


class BasTjanstgoring(_Strict):
    """Bastjänstgöring (HSLF-FS 2021:8 only)."""

    start: dt.date
    end: dt.date | None = None
    approved: dt.date | None = Field(None, description="Intyg om godkänd bastjänstgöring")


class TraineeName(_Strict):
    """The trainee's name split as the forms ask (Förnamn, Efternamn), for names that
    cannot be split at the last space."""

    given: Text
    family: Text


class EmploymentStep(_Strict):
    from_: dt.date = Field(alias="from")
    percent: Percent


class Credit(_Strict):
    """Tillgodoräknad tid: prior service counted into the ST."""

    months: Annotated[Decimal, Field(ge=0, le=120)]
    description: Text
    decided: dt.date | None = None


class Supervisor(_Strict):
    id: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")]
    name: Text
    specialty: Specialty | None = None
    role: SupervisorRole = "main"
    unit: Text | None = None
    training: YearOrDate | None = Field(None, description="Year or date of handledarutbildning")
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None


class PatientListStep(_Strict):
    from_: dt.date = Field(alias="from")
    size: Annotated[int, Field(ge=0, le=10000)]


class RulesConfig(_Strict):
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)


class DelmalCorrection(_Strict):
    """A user's correction or addition to the regulation pack's delmål catalog."""

    title: Text | None = None
    title_en: Text | None = None
    requires: list[list[ActivityType]] | None = None
    source: Text | None = None
    confidence: Text | None = None
    requires_specialty: list[Specialty] | None = Field(
        None, description="Clinical evidence counts only at units of these specialties")
    certified_by: MilestoneKind | None = Field(
        None, description="A milestone kind whose date certifies the delmål (STa3: sta3-intyg)")


class Vocabulary(_Strict):
    specialty: list[str] = Field(default_factory=list)


class Profile(_Strict):
    """st.yaml: the trainee's profile and settings."""

    trainee: Text
    regulation: Regulation
    region: Region | None = None
    start: dt.date
    home_unit: Text
    swedish_at: bool = False
    doctoral_degree: bool = False
    planned_end: dt.date | None = None
    language: Language | None = None
    bt: BasTjanstgoring | None = None
    employment: list[EmploymentStep] = Field(default_factory=list)
    credited: list[Credit] = Field(default_factory=list)
    supervisors: list[Supervisor] = Field(default_factory=list)
    study_hours_per_week: Annotated[Decimal, Field(ge=0, le=40)] | None = None
    patient_list: list[PatientListStep] = Field(default_factory=list)
    rules: RulesConfig = Field(default_factory=RulesConfig)
    delmal: dict[str, DelmalCorrection] = Field(
        default_factory=dict, description="Corrections to the delmål catalog, by code"
    )
    packs: list[str] = Field(
        default_factory=list, description="Pack files in the portfolio (paths from its root)"
    )
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    # Format v2 additions: what Socialstyrelsen's forms ask for.
    trainee_name: TraineeName | None = Field(
        None, description="Förnamn and efternamn, when `trainee` cannot be split at its last space")
    city: Text | None = Field(None, description="Ort on the certificates")
    verksamhetschef: PersonRef | None = Field(
        None, description="The verksamhetschef who signs the service list")
    specialists: list[SupervisorField] = Field(
        default_factory=list,
        description="The specialists who sign uppnådd specialistkompetens: a supervisor id "
        "or a person")


# --- the seven kinds -----------------------------------------------------------------------


class Planning(_Strict):
    form_sent: dt.date | None = Field(None, description="Blankett för randning skickad")
    contacted: dt.date | None = Field(None, description="Första kontakt med mottagande klinik")


class Placement(_Strict):
    type: PlacementType
    specialty: Specialty
    unit: Text
    start: dt.date
    end: dt.date
    percent: Percent | None = None
    external: bool = False
    supervisor: SupervisorField | None = None
    delmal: list[str] = Field(default_factory=list)
    certificate: Certificate = "none"
    certificate_date: dt.date | None = None
    planning: Planning | None = None
    homecoming_days: list[dt.date] = Field(default_factory=list)
    notes: Text | None = None
    setting: PlacementSetting | None = Field(
        None, description="primarvard | akut | other (BT parts); default from type and specialty")
    description: Text | None = Field(
        None, description="Beskrivning av den kliniska tjänstgöringen, as on the certificate")


class Supervision(_Strict):
    date: dt.date
    minutes: Annotated[int, Field(ge=1, le=600)]
    supervisor: Annotated[str, Field(min_length=1)] | None = None
    form: SupervisionForm = "individual"
    topics: list[Text] = Field(default_factory=list)
    notes: Text | None = None


class Assessment(_Strict):
    date: dt.date
    method: AssessmentMethod
    assessor: Annotated[str, Field(min_length=1)] | None = None
    delmal: list[str] = Field(default_factory=list)
    focus: Text | None = None
    feedback: Text | None = None
    st_year: Annotated[int, Field(ge=1, le=15)] | None = None


class Funding(_Strict):
    applied: dt.date | None = None
    approved: dt.date | None = None


class Course(_Strict):
    title: Text
    provider: Text | None = None
    start: dt.date
    end: dt.date
    mandatory: bool = False
    delmal: list[str] = Field(default_factory=list)
    cost_sek: Annotated[int, Field(ge=0)] | None = None
    funding: Funding | None = None
    cancellation_deadline: dt.date | None = None
    certificate: Certificate = "none"
    certificate_signer: CertificateSigner | None = None
    notes: Text | None = None
    description: Text | None = Field(
        None, description="The course's content, as on the certificate")
    course_leader: PersonRef | None = Field(None, description="Kursledare")


class Leave(_Strict):
    kind: LeaveKind
    start: dt.date
    end: dt.date
    percent: LeavePercent = Decimal(100)
    counts: bool | None = Field(None, description="For kind other: does it count as ST time")
    note: Text | None = None
    notes: Text | None = None


class Activity(_Strict):
    kind: ActivityKind
    title: Text | None = None
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    status: ActivityStatus = "done"
    delmal: list[str] = Field(default_factory=list)
    supervisor: SupervisorField | None = None
    presented: dt.date | None = None
    certificate: Certificate = "none"
    description: Text | None = None
    notes: Text | None = None
    participation: Text | None = Field(None, description="ST-läkarens deltagande")


class Milestone(_Strict):
    kind: MilestoneKind
    date: dt.date
    st_year: Annotated[int, Field(ge=1, le=15)] | None = None
    notes: Text | None = None


KIND_MODELS: dict[str, type[_Strict]] = {
    "placements": Placement,
    "supervision": Supervision,
    "assessments": Assessment,
    "courses": Course,
    "leave": Leave,
    "activities": Activity,
    "milestones": Milestone,
}
KINDS: tuple[str, ...] = tuple(KIND_MODELS)
