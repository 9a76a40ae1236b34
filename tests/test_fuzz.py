"""Fuzzing (issue 7): random and mutated portfolios end in findings or a clean result, never a crash.

Three sources of input, each bounded for CI (see EXAMPLES):

* hypothesis-generated YAML structures dumped with `yaml.safe_dump` (keys drawn from the real
  field names so the loader's conversion paths are reached, values random), written as a
  kind file and as st.yaml;
* raw random text, with YAML's significant characters over-represented;
* random mutations of the sample portfolio's files (delete, duplicate or swap lines, change a
  character, change indentation, replace a value with a random scalar).

Every case goes through `evaluate` and the validate renderers (text, JSON, GitHub) in-process,
then `st status`, `st status --json` and one `st report` (kind and format drawn) through
`CliRunner` on `stcli.cli.app`. A rule that raised (`engine.rule_failed`), a report template
error with the packaged templates, invalid JSON or a traceback fails the case.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import string
import tempfile
import traceback
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.model import FIELDS, KINDS
from stcli.render import findings as render_findings
from tests.conftest import MINIMAL_PROFILE, SAMPLE

AS_OF = dt.date(2025, 6, 1)
runner = CliRunner()

# Cases per test; the whole file runs in about 30 s on one core.
EXAMPLES = {
    "structure_kind": 35,
    "structure_profile": 25,
    "raw_text": 45,
    "mutation": 30,
}
FUZZ = dict(deadline=None, derandomize=True, database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

REPORTS = [("--annual", "md"), ("--annual", "html"), ("--final", "md"), ("--final", "html")]
TEMPLATE_ERROR = "error in the template"


# --- the checks every case must pass ---------------------------------------------------------


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
        pytest.fail(f"st {' '.join(args[:2])} raised {result.exception!r}\n{trace}")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def survives(root: Path, report: tuple[str, str] = ("--final", "md")) -> str:
    """Run everything on the portfolio at `root`; returns 'clean' or 'findings'."""
    evaluation = evaluate(root, AS_OF)
    failed = [f for f in evaluation.findings if f.message.key == "engine.rule_failed"]
    assert not failed, [f.message.render("en") for f in failed]
    text = render_findings.as_text(evaluation, "en", show_info=True, context=True)
    document = json.loads(render_findings.as_json(evaluation, "en"))
    github = render_findings.as_github(evaluation.findings, "en")
    assert len(document["findings"]) == len(evaluation.findings)
    assert github.count("\n") == len(evaluation.findings)  # one annotation line each
    assert "Traceback" not in text

    code, out = _invoke("status", str(root), "--as-of", AS_OF.isoformat(), "--lang", "en",
                        "--width", "100")
    assert code in (0, 1), out
    code, out = _invoke("status", str(root), "--json", "--as-of", AS_OF.isoformat(),
                        "--lang", "en")
    assert code in (0, 1), out
    json.loads(out)
    kind, fmt = report
    code, out = _invoke("report", str(root), kind, "--format", fmt, "--as-of",
                        AS_OF.isoformat(), "--lang", "en")
    assert code in (0, 2), out
    assert TEMPLATE_ERROR not in out, out  # the packaged templates must never fail
    if code == 0 and fmt == "html":
        assert out.lstrip().lower().startswith("<!doctype html")
    return "findings" if evaluation.findings else "clean"


# --- strategies ------------------------------------------------------------------------------

FIELD_KEYS = sorted({spec.key for specs in FIELDS.values() for spec in specs})
WORDS = ["anna", "STa1", "STc14", "BTa1", "main", "co", "semester", "iup", "kurs", "sit-in",
         "allmanmedicin", "psykiatri", "HSLF-FS 2021:8", "SOSFS 2015:8", "gavleborg", "sv",
         "P001", "H001", "error", "done", "1:30", "yes", "no", "~", "50,5", "-3", "1e9"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(WORDS),
    st.text(max_size=30),
)
keys = st.one_of(st.sampled_from(FIELD_KEYS), st.sampled_from(["x_note", "rules", "params"]),
                 st.text(max_size=12))
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=6)),
    max_leaves=25,
)
entries = st.dictionaries(keys, values, max_size=10)
kind_documents = st.one_of(st.lists(entries, max_size=4), entries, values)


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


YAML_CHARS = ":-[]{}#&*!|>'\"%@`,?\n\n\n  \t\\"
raw_texts = st.text(
    alphabet=st.one_of(st.sampled_from(list(YAML_CHARS)), st.characters()), max_size=400,
) | st.builds(lambda head, tail: head + tail,
              st.sampled_from(["- date: ", "- {date: 2024-01-0", "trainee: ", "- - - ",
                               "&a [*a]", "? ", "--- \n", "%YAML 1.1\n---\n", "!!python/"
                               "object:os.system\n", "- start: 2024-01-01\n  end: "]),
              st.text(max_size=200))


def _portfolio(files: dict[str, str], profile: str | None = MINIMAL_PROFILE) -> Path:
    root = Path(tempfile.mkdtemp(prefix="st-fuzz-"))
    if profile is not None:
        (root / "st.yaml").write_text(profile, encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return root


def _write_bytes_safe(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))


# --- 1. random YAML structures -----------------------------------------------------------------


@settings(max_examples=EXAMPLES["structure_kind"], **FUZZ)
@given(kind=st.sampled_from(KINDS), document=kind_documents, report=st.sampled_from(REPORTS))
def test_random_structures_as_kind_files(kind: str, document: object,
                                         report: tuple[str, str]) -> None:
    root = _portfolio({f"{kind}/fuzz.yaml": _dump(document)})
    try:
        survives(root, report)
    finally:
        shutil.rmtree(root, ignore_errors=True)


PROFILE = yaml.safe_load(MINIMAL_PROFILE)


@settings(max_examples=EXAMPLES["structure_profile"], **FUZZ)
@given(changes=st.dictionaries(st.sampled_from([s.key for s in FIELDS["Profile"]]) | keys,
                               values, max_size=5),
       whole=st.booleans(), report=st.sampled_from(REPORTS))
def test_random_structures_as_st_yaml(changes: dict[str, object], whole: bool,
                                      report: tuple[str, str]) -> None:
    data = changes if whole else {**PROFILE, **changes}
    supervision = "- {date: 2024-10-01, minutes: 60, supervisor: anna}\n"
    root = _portfolio({"supervision/s.yaml": supervision}, profile=_dump(data))
    try:
        survives(root, report)
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --- 2. raw random text ------------------------------------------------------------------------


@settings(max_examples=EXAMPLES["raw_text"], **FUZZ)
@given(text=raw_texts, as_profile=st.booleans(), kind=st.sampled_from(KINDS),
       report=st.sampled_from(REPORTS))
def test_raw_text(text: str, as_profile: bool, kind: str, report: tuple[str, str]) -> None:
    root = _portfolio({})
    try:
        target = root / "st.yaml" if as_profile else root / kind / "fuzz.yaml"
        target.parent.mkdir(exist_ok=True)
        _write_bytes_safe(target, text)
        outcome = survives(root, report)
        if as_profile and outcome == "clean":  # only a real profile is clean
            assert evaluate(root, AS_OF).portfolio.profile is not None
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --- 3. mutations of the sample portfolio ------------------------------------------------------

SAMPLE_FILES = sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*.yaml"))
RANDOM_SCALARS = ["", "~", "null", "[]", "{}", "-1", "0", "99999999999999999999", "2024-02-30",
                  "2024-13-01", "0000-00-00", "1:30", "ja", "&a x", "*a", "'", '"', "|", ">",
                  "!!binary AAAA", "!!python/name:os.system", "12.5.3", "NaN", ".inf",
                  "STz99", "anna", "Ω≈ç√", "\\x00", "%", "@", "`", "#", "- x", "? x", "x: y"]


def _mutate(text: str, rng: random.Random, steps: int) -> str:
    lines = text.splitlines(keepends=True) or ["\n"]
    for _ in range(steps):
        op = rng.choice(["delete", "duplicate", "swap", "char", "indent", "value", "value"])
        i = rng.randrange(len(lines))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char" and lines[i].strip():
            k = rng.randrange(len(lines[i]))
            new = rng.choice(string.printable + "åäö\t\x00\u2028" + YAML_CHARS)
            lines[i] = lines[i][:k] + new + lines[i][k + 1:]
        elif op == "indent":
            body = lines[i].lstrip(" ")
            lines[i] = " " * rng.choice([0, 1, 2, 3, 4, 6, 8, 40]) + body
        elif op == "value" and ":" in lines[i]:
            head, _, _ = lines[i].partition(":")
            lines[i] = f"{head}: {rng.choice(RANDOM_SCALARS)}\n"
    return "".join(lines)


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "sample"
    shutil.copytree(SAMPLE, root)
    return root


def test_sample_itself_survives(sample_copy: Path) -> None:
    for report in REPORTS:
        assert survives(sample_copy, report) in ("clean", "findings")


@settings(max_examples=EXAMPLES["mutation"], **FUZZ)
@given(rel=st.sampled_from(SAMPLE_FILES), seed=st.integers(0, 2**32 - 1),
       steps=st.integers(1, 4), report=st.sampled_from(REPORTS))
def test_mutated_sample(sample_copy: Path, rel: str, seed: int, steps: int,
                        report: tuple[str, str]) -> None:
    path = sample_copy / rel
    original = (SAMPLE / rel).read_text(encoding="utf-8")
    mutated = _mutate(original, random.Random(seed), steps)
    try:
        _write_bytes_safe(path, mutated)
        survives(sample_copy, report)
    finally:
        path.write_text(original, encoding="utf-8")


def test_the_checks_can_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness notices a renderer that raises and a rule that fails."""
    from stcli.render import status_json

    root = _portfolio({})
    try:
        def boom(*args: object, **kwargs: object) -> str:
            raise KeyError("boom")

        monkeypatch.setattr(status_json, "dumps", boom)
        with pytest.raises(pytest.fail.Exception, match="KeyError"):
            survives(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
