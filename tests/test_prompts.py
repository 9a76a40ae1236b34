"""The questions of `st add` and `st init` in a real pseudo-terminal (pexpect), as a person
meets them: a wrong answer is explained and asked again, Enter takes the default, Swedish
spellings are accepted, an entry with an error can be kept as a draft; and the whole first
month of a new trainee, from `st init` to a commit, with `st add` only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from stcli.load import load
from tests.conftest import write_portfolio

pexpect = pytest.importorskip("pexpect")

ST = Path(sys.executable).with_name("st")
needs_st = pytest.mark.skipif(not ST.exists(), reason="the `st` script is not installed")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# A prompt: the label, an optional [default], then ": " with nothing after it yet.
PROMPT = re.compile(r"(?:^|\n)([^\r\n]*?): $")
Answer = str | Callable[[str], str]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ST_LANG", "NO_COLOR")}
    env["PATH"] = f"{ST.parent}{os.pathsep}{env.get('PATH', '')}"
    env.update({"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
                "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"})
    return env


class Terminal:
    """One `st` run in a pseudo-terminal, answered prompt by prompt by label."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.child = pexpect.spawn(str(ST), args, cwd=str(cwd), env=_env(), encoding="utf-8",
                                   timeout=120, dimensions=(50, 200))
        self.transcript = ""
        self.prompts: list[str] = []

    def answer(self, answers: list[tuple[str, Answer]]) -> tuple[int, str]:
        """Answer each prompt by the first rule whose label prefix matches it, in order
        (a rule is used once); prompts matching no rule get Enter. Returns (exit, text)."""
        pending = list(answers)
        while True:
            index = self.child.expect([PROMPT, pexpect.EOF])
            self.transcript += self.child.before + (self.child.after if index == 0 else "")
            if index == 1:
                break
            label = self.child.match.group(1)
            self.prompts.append(label)
            reply = ""
            for number, (prefix, value) in enumerate(pending):
                if label.startswith(prefix):
                    reply = value(label) if callable(value) else value
                    del pending[number]
                    break
            self.child.sendline(reply)
        self.child.close()
        assert not pending, (pending, self.transcript)
        return self.child.exitstatus, self.transcript.replace("\r\n", "\n")


def _portfolio(tmp_path: Path) -> Path:
    return write_portfolio(tmp_path / "p", {})


@needs_st
def test_a_wrong_date_is_asked_again_and_enter_takes_the_default(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    run = Terminal(["add", "supervision", "--as-of", "2025-03-01"], root)
    code, text = run.answer([
        ("Datum", "14/1 2025"),            # refused: explained, with an example
        ("Datum", "2025-01-14"),
        ("Minuter", "1:30"),               # refused
        ("Minuter", ""),                   # Enter: the default, 60
        ("Handledare", ""),                # Enter: the main supervisor
        ("Form", "Enskild"),               # not a word of the format: asked again
        ("Form", "Individual"),            # a capital letter is fine
        ("Ämnen", "multisjuklighet, KOL"),
    ])
    assert code == 0, text
    assert "`14/1 2025` är inget datum: skriv datum som " in text
    assert re.search(r"skriv datum som \d{4}-\d{2}-\d{2}", text)
    assert "skriv minuter som ett heltal, t.ex. 90" in text
    assert "Minuter [60]" in run.prompts and "Handledare [anna]" in run.prompts
    assert any(p.startswith("Anteckningar") and "Enter hoppar över" in p for p in run.prompts)
    entry = load(root).portfolio.supervision[0].value
    assert (entry.date, entry.minutes, entry.supervisor, entry.form, entry.topics) == (
        dt.date(2025, 1, 14), 60, "anna", "individual", ["multisjuklighet", "KOL"])
    assert entry.notes is None  # skipped with Enter: not written at all
    assert (root / "supervision/2025.yaml").read_text(encoding="utf-8") == (
        "- date: 2025-01-14\n  minutes: 60\n  supervisor: anna\n  form: individual\n"
        "  topics: [multisjuklighet, KOL]\n")


@needs_st
def test_swedish_spellings_and_the_vardcentral_defaults(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    code, text = Terminal(["add", "placement", "--as-of", "2025-03-01"], root).answer([
        ("Typ av placering", "Vårdcentral"),
        ("Specialitet", ""),                # vårdcentral: allmanmedicin by default
        ("Enhet", ""),                      # and the home unit
        ("Startdatum", "2024-09-01"),
        ("Slutdatum", "2025-08-31"),
        ("Procent", "75,5"),                # Swedish decimal comma
        ("Utanför regionen", "nej"),
        ("Delmål", "STc1, STc2"),
    ])
    assert code == 0, text
    assert "Specialitet (" in text and "[allmanmedicin]" in text
    assert "Enhet [Vårdcentralen Test]" in text
    written = (root / "placements/2024.yaml").read_text(encoding="utf-8")
    assert written == (
        "- type: vardcentral\n  specialty: allmanmedicin\n  unit: Vårdcentralen Test\n"
        "  start: 2024-09-01\n  end: 2025-08-31\n  percent: 75.5\n  external: false\n"
        "  delmal: [STc1, STc2]\n")
    code, text = Terminal(["add", "assessment", "--as-of", "2025-03-01"], root).answer([
        ("Datum", "2025-02-03"), ("Metod", "Mini-CEX"),
    ])
    assert code == 0, text
    assessment = load(root).portfolio.assessments[0].value
    assert assessment.method == "mini-cex" and assessment.assessor == "anna"
    assert assessment.st_year == 1  # the current ST year by default (start 2024-09-01)


@needs_st
def test_an_entry_with_an_error_is_fixed_or_kept_as_a_draft(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    course = [("Titel", "Konsultationskurs"), ("Startdatum", "2025-03-12"),
              ("Slutdatum", "2025-03-10")]  # ends before it starts: D006, a rule's error
    code, text = Terminal(["add", "course", "--as-of", "2025-06-01"], root).answer([
        *course, ("[r]ätta", "u"),
    ])
    assert code == 1, text
    assert "D006" in text and "sparade posten som utkast i courses/2025.yaml" in text
    draft = (root / "courses/2025.yaml").read_text(encoding="utf-8")
    assert "# - title: Konsultationskurs\n#   start: 2025-03-12\n#   end: 2025-03-10\n" in draft
    assert "UTKAST" in draft and "D006" in draft
    assert load(root).portfolio.courses == []  # a draft is a comment: it does not count
    # The same mistake, fixed on the spot: choose the field, answer again, written.
    code, text = _fix_course(root, course)
    assert code == 0, text
    courses = load(root).portfolio.courses
    assert [c.value.end for c in courses] == [dt.date(2025, 3, 14)]
    assert (root / "courses/2025.yaml").read_text(encoding="utf-8").startswith(draft)


def _fix_course(root: Path, course: list[tuple[str, Answer]]) -> tuple[int, str]:
    run = Terminal(["add", "course", "--as-of", "2025-06-01"], root)

    def end_field(_: str) -> str:
        found = re.findall(r"(\d+)\. Slutdatum", run.transcript)
        return found[-1]

    return run.answer([*course, ("[r]ätta", "r"), ("Vilket fält", end_field),
                       ("Slutdatum", "2025-03-14")])


@needs_st
def test_dropping_writes_nothing_and_english_prompts(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    run = Terminal(["add", "course", "--as-of", "2025-06-01", "--lang", "en"], root)
    code, text = run.answer([("Title", "K"), ("Start date", "2025-03-12"),
                             ("End date", "2025-03-10"), ("[f]ix", "q")])
    assert code == 1 and "dropped" in text
    assert not (root / "courses").exists()
    assert any(p.startswith("Mandatory (yes | no) (Enter skips)") for p in run.prompts)


@needs_st
@needs_git
def test_init_questions_are_skippable_and_explained(tmp_path: Path) -> None:
    run = Terminal(["init", "p"], tmp_path)
    code, text = run.answer([
        ("Ditt namn", " "),                 # required: said so, asked again
        ("Ditt namn", "Sara Lind"),
        ("Föreskrift", "hslf"),
        ("Region", "Gävleborg"),
        ("Första dagen", "2025-09-31"),     # no such day: explained
        ("Första dagen", "2025-09-01"),
        ("Din vårdcentral", "Hälsocentralen Norr"),
        ("Huvudhandledarens id", "anna berg"),  # a space: explained
        ("Huvudhandledarens id", ""),       # Enter: no supervisor yet
    ])
    assert code == 0, text
    assert "Error" not in text
    assert "datumet `2025-09-31` finns inte: skriv datum som" in text
    assert "bara bokstäver a–z, siffror" in text
    assert "st add supervisor" in text
    profile = load(tmp_path / "p").portfolio.profile
    assert profile is not None
    value = profile.value
    assert (value.regulation, value.region, value.supervisors) == (
        "HSLF-FS 2021:8", "gavleborg", [])


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, env=_env(), capture_output=True,
                          text=True, timeout=300)


@needs_st
@needs_git
def test_first_month_from_init_to_commit_with_st_add_only(tmp_path: Path) -> None:
    """The issue's "done when": a new trainee, in Swedish, from `st init` to a committed first
    month (supervisor, placement, four sessions, an assessment, a course), never opening an
    editor, every answer kept. Dates are relative to today, as a real first month is."""
    today = dt.date.today()
    start = today - dt.timedelta(days=35)
    day = [(start + dt.timedelta(days=n)).isoformat() for n in range(40)]
    code, text = Terminal(["init", "portfolj"], tmp_path).answer([
        ("Ditt namn", "Sara Lind"), ("Region", "Gävleborg"), ("Första dagen", day[0]),
        ("Din vårdcentral", "Hälsocentralen Norr"),
    ])
    assert code == 0, text
    root = tmp_path / "portfolj"
    pre_commit = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=root,
                                env=_env(), capture_output=True, text=True, timeout=300)
    hooked = pre_commit.returncode == 0

    steps: list[tuple[list[str], list[tuple[str, Answer]]]] = [
        (["add", "supervisor"], [("Id", "anna"), ("Namn", "Anna Berg"),
                                 ("Handledarutbildning", "2019")]),
        (["add", "placement"], [("Typ av placering", "vårdcentral"), ("Startdatum", day[0]),
                                ("Slutdatum", (start + dt.timedelta(days=364)).isoformat()),
                                ("Delmål", "STc1, STc2")]),
        (["add", "supervision"], [("Datum", day[3]), ("Ämnen", "KOL")]),
        (["add", "supervision"], [("Datum", day[10]), ("Minuter", "45")]),
        (["add", "supervision"], [("Datum", day[17]), ("Minuter", "1:30"), ("Minuter", "90")]),
        (["add", "supervision"], [("Datum", "")]),  # today
        (["add", "assessment"], [("Datum", day[20]), ("Metod", "Mini-CEX"),
                                 ("Delmål", "STc2")]),
        (["add", "course"], [("Titel", "Konsultationskurs"), ("Startdatum", day[24]),
                             ("Slutdatum", day[26]), ("Obligatorisk", "ja"),
                             ("Delmål", "STb1")]),
    ]
    for args, answers in steps:
        code, text = Terminal(args, root).answer(answers)
        assert code == 0, (args, text)
        assert "Error" not in text and "Traceback" not in text
    portfolio = load(root).portfolio
    assert portfolio.profile is not None
    assert [s.id for s in portfolio.profile.value.supervisors] == ["anna"]
    assert portfolio.profile.value.supervisors[0].role == "main"
    assert portfolio.placements[0].value.unit == "Hälsocentralen Norr"
    assert [s.value.minutes for s in portfolio.supervision] == [60, 45, 90, 60]
    assert portfolio.supervision[-1].value.date == today
    assert portfolio.assessments[0].value.method == "mini-cex"
    assert portfolio.courses[0].value.mandatory is True
    # st.yaml keeps its comments: the supervisor went in among them
    st_yaml = (root / "st.yaml").read_text(encoding="utf-8")
    assert "# Första dagen av ST-anställningen." in st_yaml and "  - id: anna\n" in st_yaml
    validate = subprocess.run([str(ST), "validate"], cwd=root, env=_env(),
                              capture_output=True, text=True, timeout=300)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert " 0 fel" in validate.stdout or "inga fel" in validate.stdout
    assert _git(root, "add", "-A").returncode == 0
    commit = _git(root, "commit", "-q", "-m", "Första månaden")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    if hooked:  # the hook st init configured ran st validate on the commit, and passed
        assert "st validate" in commit.stdout + commit.stderr, commit.stdout + commit.stderr
        assert "Passed" in commit.stdout + commit.stderr
    log = _git(root, "log", "--name-only", "--format=%s")
    for rel in ("st.yaml", "placements/", "supervision/", "assessments/", "courses/"):
        assert rel in log.stdout
