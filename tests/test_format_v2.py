"""The format's version 2 additions (portfolio-format.md): read, validated, defaulted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stcli.findings import Msg
from stcli.i18n import t
from stcli.load import load
from stcli.model import PersonRef, Placement
from stcli.placement_setting import default_setting, placement_setting
from tests.conftest import MINIMAL_PROFILE, write_portfolio

V2_PROFILE = MINIMAL_PROFILE + """\
trainee_name: {given: Test, family: Testsson}
city: Gävle
verksamhetschef: {name: Karin Ek, unit: Hälsocentralen Norr}
specialists:
  - anna
  - {name: Olof Berg, specialty: allmanmedicin, unit: Hälsocentralen Syd}
"""

V2_FILES = {
    "placements/p.yaml": """\
        - type: sidotjanstgoring
          specialty: kirurgi
          unit: Kirurgkliniken
          start: 2024-10-01
          end: 2024-12-31
          setting: akut
          description: Slutenvård och akutmottagning, eget patientansvar under handledning.
        - type: sidotjanstgoring
          specialty: psykiatri
          unit: Psykiatrin
          start: 2025-01-01
          end: 2025-03-31
        """,
    "courses/c.yaml": """\
        - title: Konsultationskurs
          start: 2025-03-10
          end: 2025-03-12
          description: Kursens innehåll, som på intyget.
          course_leader: {name: Eva Ström, specialty: allmanmedicin}
        """,
    "activities/a.yaml": """\
        - kind: kvalitetsarbete
          title: Förbättra uppföljningen av diabetes
          start: 2025-01-01
          end: 2025-05-31
          participation: Projektledare; datainsamling och analys.
        """,
    "milestones/m.yaml": """\
        - kind: sta3-intyg
          date: 2025-05-02
        """,
}


def render(msg: Msg, lang: str) -> str:
    return t(msg.key, lang, **msg.args)


def test_version_2_fields_are_read(tmp_path: Path) -> None:
    result = load(write_portfolio(tmp_path, V2_FILES, profile=V2_PROFILE))
    assert [f.code for f in result.findings] == []
    portfolio = result.portfolio
    assert portfolio.profile is not None
    profile = portfolio.profile.value
    assert profile.trainee_name is not None
    assert (profile.trainee_name.given, profile.trainee_name.family) == ("Test", "Testsson")
    assert profile.city == "Gävle"
    assert profile.verksamhetschef == PersonRef(name="Karin Ek", unit="Hälsocentralen Norr")
    assert profile.specialists == [
        "anna", PersonRef(name="Olof Berg", specialty="allmanmedicin", unit="Hälsocentralen Syd")]
    surgery, psychiatry = (located.value for located in portfolio.placements)
    assert (surgery.specialty, surgery.setting) == ("kirurgi", "akut")
    assert surgery.description is not None and surgery.description.startswith("Slutenvård")
    assert psychiatry.setting is None
    course = portfolio.courses[0].value
    assert course.course_leader == PersonRef(name="Eva Ström", specialty="allmanmedicin")
    assert course.description == "Kursens innehåll, som på intyget."
    assert portfolio.activities[0].value.participation == "Projektledare; datainsamling och analys."
    assert portfolio.milestones[0].value.kind == "sta3-intyg"


@pytest.mark.parametrize(("placement_type", "specialty", "expected"), [
    ("vardcentral", "allmanmedicin", "primarvard"),
    ("sidotjanstgoring", "akutsjukvard", "akut"),
    ("sidotjanstgoring", "internmedicin", "akut"),
    ("sidotjanstgoring", "kirurgi", "akut"),
    ("sidotjanstgoring", "ortopedi", "akut"),
    ("sidotjanstgoring", "infektion", "akut"),
    ("auskultation", "akut-barnsjukvard", "akut"),
    ("sidotjanstgoring", "psykiatri", "other"),
    ("sidotjanstgoring", "allmanmedicin", "other"),
    ("sidotjanstgoring", "barn-och-ungdomsmedicin", "other"),
])
def test_setting_defaults_from_type_and_specialty(placement_type: str, specialty: str,
                                                   expected: str) -> None:
    assert default_setting(placement_type, specialty) == expected
    placement = Placement(type=placement_type, specialty=specialty, unit="u",
                          start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))
    assert placement_setting(placement) == expected


def test_written_setting_wins_over_the_default() -> None:
    placement = Placement(type="vardcentral", specialty="allmanmedicin", unit="u",
                          start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31), setting="akut")
    assert placement_setting(placement) == "akut"


def test_unknown_setting_and_kind_are_d004(tmp_path: Path) -> None:
    files = {"placements/p.yaml": """\
        - {type: vardcentral, specialty: allmanmedicin, unit: VC, start: 2024-09-01,
           end: 2024-12-31, setting: akutt}
        """, "milestones/m.yaml": "- {kind: sta3-intyget, date: 2025-01-01}\n"}
    findings = load(write_portfolio(tmp_path, files)).findings
    assert sorted((f.code, f.position.file, f.position.line) for f in findings) == [
        ("D004", "milestones/m.yaml", 1), ("D004", "placements/p.yaml", 2)]
    hints = sorted(render(f.hint, "en") for f in findings if f.hint)
    assert hints == ["did you mean `akut`?", "did you mean `sta3-intyg`?"]


def test_a_year_alone_is_a_date_only_in_training(tmp_path: Path) -> None:
    files = {"milestones/m.yaml": "- {kind: iup, date: 2025}\n"}
    result = load(write_portfolio(tmp_path, files))
    # training: 2022 is 31 December 2022, no finding
    assert result.portfolio.profile is not None
    assert result.portfolio.profile.value.supervisors[0].training == dt.date(2022, 12, 31)
    (finding,) = result.findings
    assert (finding.code, finding.position.file, finding.position.line,
            finding.position.column) == ("D004", "milestones/m.yaml", 1, 21)
    assert finding.hint is not None
    assert render(finding.hint, "en") == (
        "a year alone is accepted only in `training`; write the whole date, e.g. 2025-12-31")
    assert "bara i `training`" in render(finding.hint, "sv")


def test_a_malformed_date_keeps_the_general_hint(tmp_path: Path) -> None:
    files = {"milestones/m.yaml": "- {kind: iup, date: 2025-1-5}\n"}
    (finding,) = load(write_portfolio(tmp_path, files)).findings
    assert finding.hint is not None
    assert render(finding.hint, "en") == "write dates as YYYY-MM-DD"


def test_a_specialist_id_must_be_a_declared_supervisor(tmp_path: Path) -> None:
    import datetime as _dt

    from stcli.engine.evaluate import evaluate

    profile = V2_PROFILE.replace("  - anna\n", "  - anan\n")
    root = write_portfolio(tmp_path, {}, profile=profile)
    [finding] = [f for f in evaluate(root, _dt.date(2025, 1, 1)).findings if f.code == "D008"]
    assert finding.position.file == "st.yaml"
    assert finding.hint is not None and "anna" in render(finding.hint, "en")
    # the declared id and a person written out are fine
    root = write_portfolio(tmp_path / "ok", {}, profile=V2_PROFILE)
    assert not [f for f in evaluate(root, _dt.date(2025, 1, 1)).findings if f.code == "D008"]
