"""Privacy (issue 7): personnummer anywhere in a portfolio are all found, and never printed.

A portfolio is built with a generated identity number (valid Luhn; 10 and 12 digits; `-`,
`+`, space, none; personnummer and samordningsnummer) in every free-text field of every
kind and of st.yaml, in comments, in `x_` keys and values, in date and number fields, and
all look-alikes (phone numbers, dates, invoice numbers, period ranges, Luhn failures) in
other places. P001 must report each number exactly once at its line and column and nothing
else; no output of any command may contain a found number in full.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.model import FIELDS
from tests.conftest import MINIMAL_PROFILE
from tests.test_pii import POSITIVE_NUMBERS, Sample, make_number, read_corpus

AS_OF = "2025-06-01"
# Look-alikes of our own on top of tests/data/pii_lookalikes.txt.
LOOKALIKES = [
    *read_corpus("pii_lookalikes.txt"),
    "period 20240902-20241220", "20240902 - 20241220", "2024-09-02–2024-12-20",
    "faktura 2024090212345", "fakturanr 5561234567-01", "OCR 12345678901",
    "kl. 08:00-16:30", "ref. 1234-5678-90", "0701234567",
]


def _luhn_failures() -> list[str]:
    """Valid numbers with the check digit changed: must never fire."""
    out = []
    for sample in POSITIVE_NUMBERS[::7]:
        last = int(sample.text[-1])
        out.append(sample.text[:-1] + str((last + 3) % 10))
    return out


def _text_fields(record: str) -> list[str]:
    return [spec.key for spec in FIELDS[record]
            if spec.type[0] == "str" and not spec.type[2].get("pattern")]


KIND_BASE = {
    "placements": ("Placement", {"type": "side", "specialty": "psykiatri",
                                 "start": "2024-10-01", "end": "2024-12-31", "percent": "100"}),
    "supervision": ("Supervision", {"date": "2024-09-10", "minutes": "60",
                                    "supervisor": "anna"}),
    "assessments": ("Assessment", {"date": "2024-10-10", "method": "sit-in",
                                   "assessor": "anna"}),
    "courses": ("Course", {"start": "2024-11-01", "end": "2024-11-03"}),
    "leave": ("Leave", {"kind": "semester", "start": "2024-12-23", "end": "2024-12-30"}),
    "activities": ("Activity", {"kind": "quality", "start": "2024-10-01", "status": "done"}),
    "milestones": ("Milestone", {"kind": "iup", "date": "2024-10-15"}),
}


class Corpus:
    """Builds the portfolio and remembers where each number went."""

    def __init__(self) -> None:
        self.numbers = iter(POSITIVE_NUMBERS * 3)
        self.expected: dict[tuple[str, int, int], Sample] = {}
        self.used: list[Sample] = []
        self.files: dict[str, list[str]] = {}

    def line(self, rel: str, text: str, sample: Sample | None = None) -> None:
        lines = self.files.setdefault(rel, [])
        lines.append(text)
        if sample is not None:
            column = text.index(sample.text) + 1
            self.expected[(rel, len(lines), column)] = sample
            self.used.append(sample)

    def next(self) -> Sample:
        return next(self.numbers)

    def field(self, rel: str, indent: str, key: str) -> None:
        sample = self.next()
        self.line(rel, f"{indent}{key}: {sample.text}", sample)


def build(root: Path) -> Corpus:
    corpus = Corpus()
    lookalikes = [*LOOKALIKES, *_luhn_failures()]
    look = iter(lookalikes * 4)
    # st.yaml: the minimal profile, its free-text fields, a comment and x_ keys
    for raw in MINIMAL_PROFILE.splitlines():
        corpus.line("st.yaml", raw)
    for key in _text_fields("Profile"):
        if key not in ("trainee", "home_unit", "regulation"):
            corpus.field("st.yaml", "", key)
    sample = corpus.next()
    corpus.line("st.yaml", f"# anteckning om patient {sample.text}", sample)
    sample = corpus.next()
    corpus.line("st.yaml", f"x_{sample.text}: nyckel", sample)
    corpus.line("st.yaml", f"x_tel: {json.dumps(next(look))}")
    for kind, (record, base) in KIND_BASE.items():
        rel = f"{kind}/pii.yaml"
        first = True
        for key, value in base.items():
            corpus.line(rel, f"{'- ' if first else '  '}{key}: {value}")
            first = False
        for key in _text_fields(record):
            if key not in base:
                corpus.field(rel, "  ", key)
        sample = corpus.next()
        corpus.line(rel, f"  # samtal om {sample.text} med handledaren", sample)
        corpus.field(rel, "  ", "x_pnr")
        corpus.line(rel, f"  x_faktura: {json.dumps(next(look))}")
        corpus.line(rel, f"  # {next(look)}")
        # a number where a date or a number belongs: an error that echoes the value
        bad = corpus.next()
        corpus.line(rel, f"- {'date' if 'date' in base else 'start'}: {bad.text}", bad)
    # the rest of the corpus in one block scalar, one number per line
    rel = "supervision/journal.yaml"
    for raw in ("- date: 2024-09-20", "  minutes: 30", "  supervisor: anna", "  notes: |"):
        corpus.line(rel, raw)
    for sample in POSITIVE_NUMBERS:
        if sample not in corpus.used:
            corpus.line(rel, f"    Pat. {sample.text} sökte för hosta.", sample)
    for text in lookalikes:
        corpus.line(rel, f"    {text}")
    for rel, lines in corpus.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    root = tmp_path_factory.mktemp("privacy") / "p"
    root.mkdir()
    return root, build(root)


def test_the_corpus_covers_every_shape(built: tuple[Path, Corpus]) -> None:
    _, corpus = built
    assert set(POSITIVE_NUMBERS) <= set(corpus.used)
    shapes = {(len(re.sub(r"\D", "", s.text)), re.sub(r"\d", "", s.text), s.kind)
              for s in corpus.used}
    assert {n for n, _, _ in shapes} == {10, 12}
    assert {sep for _, sep, _ in shapes} == {"-", "+", " ", ""}
    assert {k for _, _, k in shapes} == {"personnummer", "samordningsnummer"}
    assert len(corpus.expected) >= 300


def test_recall_and_positions(built: tuple[Path, Corpus]) -> None:
    root, corpus = built
    evaluation = evaluate(root, dt.date.fromisoformat(AS_OF))
    found = [f for f in evaluation.findings if f.code == "P001"]
    at = {(f.position.file, f.position.line, f.position.column) for f in found}
    assert len(found) == len(at), "a number reported twice"
    missed = {k: v.text for k, v in corpus.expected.items() if k not in at}
    extra = at - set(corpus.expected)
    assert not missed, f"recall below 100 %: {list(missed.items())[:5]}"
    assert not extra, f"false positives (look-alikes?): {sorted(extra)[:5]}"
    for finding in found:
        sample = corpus.expected[(finding.position.file, finding.position.line,
                                  finding.position.column)]
        assert finding.message.args["masked"] == re.sub(r"\d", "x", sample.text)
        assert finding.message.args["kind"] == sample.kind


def test_lookalikes_alone_give_no_finding(tmp_path: Path) -> None:
    root = tmp_path / "l"
    root.mkdir()
    (root / "st.yaml").write_text(MINIMAL_PROFILE + "".join(
        f"# {text}\nx_{i}: {json.dumps(text)}\n" for i, text in enumerate(
            [*LOOKALIKES, *_luhn_failures()])), encoding="utf-8")
    evaluation = evaluate(root, dt.date.fromisoformat(AS_OF))
    assert not [f for f in evaluation.findings if f.code == "P001"]


# --- nothing printed in full ---------------------------------------------------------------------


def _st(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    proc = subprocess.run([sys.executable, "-m", "stcli", *args], capture_output=True,
                          cwd=cwd, env=env, timeout=60)
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out, out[-2000:]
    return proc.returncode, out


def _leaks(output: str, samples: list[Sample]) -> list[str]:
    flat = re.sub(r"\s+", "", output)  # wrapped lines must not rebuild a number either
    return sorted({s.text for s in samples if s.text in output or s.core in output
                   or re.sub(r"\s", "", s.text) in flat})


OUTPUTS = [
    ["validate", "--format", "text", "--context", "--info"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["validate", "--lang", "en", "--context"],
    ["status", "--width", "100"],
    ["status", "--json"],
    ["report", "--final", "--format", "md"],
    ["report", "--final", "--format", "html"],
    ["report", "--annual", "--year", "1", "--format", "md"],
    ["report", "--annual", "--year", "1", "--format", "html", "--lang", "en"],
]


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: "-".join(a[:3]))
def test_no_output_prints_a_found_number(built: tuple[Path, Corpus], args: list[str]) -> None:
    root, corpus = built
    code, out = _st(*args, str(root), "--as-of", AS_OF)
    assert code in (0, 1, 2) and out.strip()
    if args[0] == "validate":
        assert "P001" in out or "patient-identifier" in out
        assert "xxxxxx" in out  # masked forms shown instead
    if args[0] == "report":
        assert code == 0, out[-500:]
    assert not _leaks(out, corpus.used), _leaks(out, corpus.used)[:5]


def test_a_number_in_a_date_field_is_masked_in_the_error(tmp_path: Path) -> None:
    sample = make_number(dt.date(1980, 1, 1), 238, coordination=False, twelve=True, sep="-")
    root = tmp_path / "d"
    root.mkdir()
    (root / "st.yaml").write_text(MINIMAL_PROFILE.replace("start: 2024-09-01",
                                                          f"start: {sample.text}"))
    (root / "supervision").mkdir()
    (root / "supervision" / "s.yaml").write_text(
        f"- {{date: {sample.text}, minutes: {sample.core}, supervisor: anna}}\n")
    for args in (["validate", "--lang", "en"], ["validate", "--format", "json"],
                 ["status"], ["status", "--json"]):
        code, out = _st(*args, str(root), "--as-of", AS_OF)
        assert code in (1, 2)
        if args[0] == "validate":
            assert "not a date" in out or "datum" in out
        assert not _leaks(out, [sample]), out


# --- st add ---------------------------------------------------------------------------------------



def test_add_dry_run_does_not_echo_a_number(tmp_path: Path) -> None:
    sample = make_number(dt.date(1975, 6, 30), 1, coordination=True, twelve=False, sep="-")
    root = tmp_path / "a"
    root.mkdir()
    (root / "st.yaml").write_text(MINIMAL_PROFILE)
    _, out = _st("add", "supervision", "--date", "2025-01-14", "--minutes", "60",
                    "--supervisor", "anna", "--notes", f"pat {sample.text}", "--dry-run",
                    "--as-of", AS_OF, cwd=root)
    assert "P001" in out or "personnummer" in out
    assert not _leaks(out, [sample]), out


def test_add_refuses_a_number_and_does_not_echo_it(tmp_path: Path) -> None:
    sample = make_number(dt.date(2001, 2, 28), 42, coordination=False, twelve=True, sep="")
    root = tmp_path / "a"
    root.mkdir()
    (root / "st.yaml").write_text(MINIMAL_PROFILE)
    code, out = _st("add", "supervision", "--date", "2025-01-14", "--minutes", "60",
                    "--supervisor", "anna", "--notes", f"pat {sample.text}",
                    "--as-of", AS_OF, cwd=root)
    assert code != 0
    assert not list((root / "supervision").glob("*.yaml")) if (root / "supervision").exists() \
        else True
    assert not _leaks(out, [sample]), out
