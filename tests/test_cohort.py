"""`st cohort`: a cohort of generated portfolios in known states gives the expected rows, in
the expected order, with the figures of each trainee's `st status --json`; one broken
portfolio never stops the rest; CSV, JSON, text and HTML (in Chromium) carry the same rows;
a second run over unchanged portfolios reads every row from the cache.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import assert_golden
from tests.test_report_browser import CHROMIUM, _open, _problems, browser  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2026-08-31"  # the generated portfolios' last day
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
       "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("st_bench_generate",
                                                  ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _drop_entries(path: Path, first: str) -> None:
    """Remove the list entries whose first line is `- <first>` (a regular expression)."""
    text = path.read_text(encoding="utf-8")
    cut = re.sub(rf"- {first}\n(  .*\n)*", "", text)
    assert cut != text, f"no {first} in {path}"
    path.write_text(cut, encoding="utf-8")


def _trainee(root: Path) -> str:
    match = re.search(r"^trainee: (.*)$", (root / "st.yaml").read_text(encoding="utf-8"), re.M)
    assert match
    return match.group(1).strip()


class Cohort:
    def __init__(self, base: Path) -> None:
        generate = _generator().generate
        self.folder = base / "trainees"
        self.on_track = generate(self.folder / "on-track", 3, 1)
        self.overdue = generate(self.folder / "overdue-arsrapport", 3, 2)
        # the completed ST year 2 (2024-09-01..2025-08-31) has no årsrapport
        _drop_entries(self.overdue / "milestones" / "2025.yaml", "kind: arsrapport")
        self.behind = generate(self.folder / "behind-supervision", 3, 3)
        # no supervision in the current ST year (from 2025-09-01)
        (self.behind / "supervision" / "2026.yaml").unlink()
        _drop_entries(self.behind / "supervision" / "2025.yaml", r"date: 2025-(09|1[0-2])-\d\d")
        self.broken = generate(self.folder / "broken-st-yaml", 3, 4)
        (self.broken / "st.yaml").write_text("trainee: [unclosed\nregulation: x\n",
                                             encoding="utf-8")
        self.not_portfolio = base / "elsewhere" / "notes"
        self.not_portfolio.mkdir(parents=True)
        (self.not_portfolio / "readme.txt").write_text("no portfolio here\n", encoding="utf-8")
        work = generate(base / "remote-work", 3, 5)
        subprocess.run([*GIT, "init", "-q", str(work)], check=True)
        subprocess.run([*GIT, "-C", str(work), "add", "-A"], check=True)
        subprocess.run([*GIT, "-C", str(work), "commit", "-q", "-m", "portfolio"], check=True)
        self.bare = base / "remote.git"
        subprocess.run([*GIT, "clone", "-q", "--bare", str(work), str(self.bare)], check=True)
        self.remote_name = _trainee(work)
        self.remote_work = work
        self.url = self.bare.resolve().as_uri()
        self.list_file = base / "cohort.txt"
        self.list_file.write_text(f"# the studierektor's list\n{self.url}\n\nelsewhere/notes\n",
                                  encoding="utf-8")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Cohort:
    return Cohort(tmp_path_factory.mktemp("cohort"))


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ST_LANG", raising=False)
    return tmp_path / "cache"


def _run(cohort: Cohort, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["cohort", str(cohort.folder), "--list",
                                      str(cohort.list_file), "--as-of", AS_OF, *args])
    return result.exit_code, result.stdout, result.stderr


def _json(cohort: Cohort, *args: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = _run(cohort, "--format", "json", *args)
    return code, json.loads(out), err


def test_rows_in_order_of_urgency_with_reasons(cohort: Cohort, cache: Path) -> None:
    code, doc, _ = _json(cohort)
    assert code == 1  # some rows are incomplete
    rows = doc["rows"]
    assert doc["portfolios"] == len(rows) == 6
    assert doc["incomplete"] == 2
    by_source = {Path(r["source"]).name: r for r in rows}
    order = [Path(r["source"]).name for r in rows]
    # incomplete rows first (the broken st.yaml has errors), then the overdue årsrapport
    # (M004 outweighs supervision), then the supervision gap, then those on track
    assert order[:4] == ["broken-st-yaml", "notes", "overdue-arsrapport",
                         "behind-supervision"]
    assert set(order[4:]) == {"on-track", "remote.git"}
    assert by_source["broken-st-yaml"]["complete"] is False
    assert re.fullmatch(r"st\.yaml: \d+ fel", by_source["broken-st-yaml"]["reason"])
    assert by_source["broken-st-yaml"]["errors"] >= 1
    assert by_source["notes"]["reason"] == "st.yaml saknas"
    overdue = by_source["overdue-arsrapport"]
    assert overdue["reason_code"] == "M004" and overdue["urgent_codes"][0] == "M004"
    assert overdue["reason"] == "årsrapport saknas (M004)"
    behind = by_source["behind-supervision"]
    # behind pace this year ranks as H002 (its finding is info until the year ends), and
    # the gap is H001's warning
    assert behind["urgent_codes"][:2] == ["H002", "H001"]
    assert behind["reason"] == "för lite handledning i år (H002)"
    assert behind["supervision_minutes_per_week"] < behind["supervision_target"]
    for name in ("on-track", "remote.git"):
        assert by_source[name]["reason"] == "inget att åtgärda"
        assert by_source[name]["errors"] == by_source[name]["warnings"] == 0
    assert [r["rank"] for r in rows] == list(range(1, 7))
    remote = by_source["remote.git"]
    assert remote["name"] == cohort.remote_name
    assert remote["source"] == cohort.url
    assert Path(remote["portfolio"]).is_relative_to(cache / "st" / "cohort" / "clones")


def test_figures_equal_each_trainees_status_json(cohort: Cohort, cache: Path) -> None:
    _, doc, _ = _json(cohort)
    complete = [r for r in doc["rows"] if r["complete"]]
    assert len(complete) == 4
    for row in complete:
        result = CliRunner().invoke(app, ["status", "--json", "--as-of", AS_OF,
                                          row["portfolio"]])
        status = json.loads(result.stdout)
        expected = {
            "name": status["trainee"], "regulation": status["regulation"],
            "region": status["region"], "st_year": status["st_year"],
            "months_served": status["months"]["served"],
            "months_required": status["months"]["required"],
            "projected_completion": status["projected_completion"],
            "planned_end": status["planned_end"],
            "supervision_minutes_per_week": status["supervision"]["minutes_per_week"],
            "supervision_target": status["supervision"]["target_minutes_per_week"],
            "assessments": status["assessments"]["current_year"],
            "assessments_minimum": status["assessments"]["target"],
            "delmal_certified": status["delmal_summary"]["certified"],
            "delmal_total": status["delmal_summary"]["total"],
            "errors": status["findings"]["error"], "warnings": status["findings"]["warning"],
            "next_deadline": status["deadlines"][0]["date"],
            "next_deadline_code": status["deadlines"][0]["code"],
            "next_deadline_what": status["deadlines"][0]["what"],
        }
        assert {key: row[key] for key in expected} == expected, row["source"]


def test_second_run_reads_every_judged_row_from_the_cache(cohort: Cohort, cache: Path) -> None:
    _, first, _ = _json(cohort)
    assert first["cache"] == {"hits": 0, "evaluated": 5}  # the empty folder is not judged
    _, second, err = _json(cohort)
    assert second["cache"] == {"hits": 5, "evaluated": 0}
    assert "5 från cachen, 0 bedömda" in err
    assert second["rows"] == first["rows"]
    assert list((cache / "st" / "cohort" / "rows").glob("*.json"))
    assert not list((cache / "st" / "cohort" / "rows").glob("*.tmp"))
    # a changed portfolio is judged again, the others still come from the cache
    note = cohort.on_track / "milestones" / "2026.yaml"
    original = note.read_text(encoding="utf-8")
    try:
        _drop_entries(note, "kind: arsrapport")
        _, third, _ = _json(cohort)
        assert third["cache"] == {"hits": 4, "evaluated": 1}
        # a new date judged is a new key
        _, other_day, _ = _json(cohort, "--as-of", "2026-06-30")
        assert other_day["cache"]["evaluated"] == 5
    finally:
        note.write_text(original, encoding="utf-8")
    _, again, _ = _json(cohort, "--no-cache")
    assert again["cache"] == {"hits": 0, "evaluated": 5}


def test_a_pushed_commit_is_fetched_into_the_clone(cohort: Cohort, cache: Path,
                                                   tmp_path: Path) -> None:
    bare = tmp_path / "pushed.git"
    shutil.copytree(cohort.bare, bare)
    listed = tmp_path / "list.txt"
    listed.write_text(bare.as_uri() + "\n", encoding="utf-8")

    def remote_row() -> dict[str, Any]:
        result = CliRunner().invoke(app, ["cohort", "--list", str(listed), "--as-of", AS_OF,
                                          "--format", "json"])
        assert result.exit_code == 0, result.output
        rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
        return rows[0]

    before = remote_row()
    assert before["urgent_codes"] == []
    work = tmp_path / "work"
    subprocess.run([*GIT, "clone", "-q", str(bare), str(work)], check=True)
    _drop_entries(work / "milestones" / "2025.yaml", "kind: arsrapport")
    subprocess.run([*GIT, "-C", str(work), "commit", "-qam", "no report"], check=True)
    subprocess.run([*GIT, "-C", str(work), "push", "-q", "origin", "HEAD"], check=True)
    after = remote_row()
    assert after["reason_code"] == "M004"
    assert after["portfolio"] == before["portfolio"]  # the same clone, fetched again


def test_csv_reads_back_with_the_same_fields_as_json(cohort: Cohort, cache: Path) -> None:
    _, doc, _ = _json(cohort)
    code, out, _ = _run(cohort, "--format", "csv")
    assert code == 1
    table = list(csv.DictReader(io.StringIO(out)))
    assert list(table[0]) == doc["fields"]
    assert len(table) == len(doc["rows"])
    for line, row in zip(table, doc["rows"], strict=True):
        for key, value in row.items():
            if isinstance(value, list):
                value = " ".join(value)
            elif value is None:
                value = ""
            elif isinstance(value, bool):
                value = str(value)
            assert line[key] == str(value), key


def test_no_free_text_from_the_trainees_files(cohort: Cohort, cache: Path) -> None:
    st_yaml = (cohort.on_track / "st.yaml").read_text(encoding="utf-8")
    private = re.findall(r"^\s+name: (.+)$", st_yaml, re.M)  # supervisors
    private += re.findall(r"^home_unit: (.+)$", st_yaml, re.M)
    private += ["Årsrapport för ST-år"]  # milestone notes
    assert len(private) >= 3
    for fmt in ("json", "csv", "html", "text"):
        _, out, _ = _run(cohort, "--format", fmt)
        for text in private:
            assert text.strip() not in out, (fmt, text)


def test_text_fits_the_width_dropping_the_least_important_columns(cohort: Cohort,
                                                                   cache: Path) -> None:
    code, wide, _ = _run(cohort, "--width", "100")
    assert code == 1
    assert max(len(line) for line in wide.splitlines()) <= 100
    assert_golden(GOLDEN / "cohort_text.txt", wide)
    _, narrow, _ = _run(cohort, "--width", "60", "--lang", "en")
    lines = narrow.splitlines()
    assert max(len(line) for line in lines) <= 60
    header = lines[2].split()
    assert header[:3] == ["#", "Name", "Reason"]
    assert "Region" not in header and "Planned" not in header
    assert "Region" in wide.splitlines()[2] or "Förf." not in wide  # 100: more columns
    assert "annual report missing (M004)" in narrow


def test_usage_errors_exit_2(cohort: Cohort, cache: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["cohort", str(cohort.folder), "--as-of", "31/8"])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["cohort", str(cohort.folder), "--format", "xml"])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["cohort", "--list", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_all_complete_exits_0_and_a_missing_url_is_a_row(cohort: Cohort, cache: Path,
                                                        tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["cohort", str(cohort.on_track), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    listed = tmp_path / "list.txt"
    listed.write_text((tmp_path / "gone.git").as_uri() + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["cohort", str(cohort.on_track), "--list", str(listed),
                                      "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)["rows"]
    assert rows[0]["reason"] == "kunde inte hämtas med git"
    assert rows[1]["complete"] is True


def test_html_is_self_contained_and_sorts_in_chromium(cohort: Cohort, cache: Path,
                                                      tmp_path: Path,
                                                      browser: Any) -> None:  # noqa: F811
    if CHROMIUM is None:
        pytest.skip("no Chromium (apt-get install -y chromium, or set ST_CHROMIUM)")
    page = tmp_path / "cohort.html"
    code, _, err = _run(cohort, "-o", str(page))
    assert code == 1
    assert "Skrev" in err
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    tools, url = _open(browser, page)
    assert tools.evaluate("document.querySelectorAll('tbody tr').length") == 6
    assert tools.evaluate("document.querySelectorAll('svg rect').length") >= 1
    names = "Array.from(document.querySelectorAll('tbody tr')).map(r => r.cells[1].textContent)"
    first = tools.evaluate(names)
    assert first[0] == "broken-st-yaml"
    tools.evaluate("document.querySelector('th[data-col=name]').click(), true")
    ascending = tools.evaluate(names)
    # the inline script ran under the CSP (its hash): the rows are in a new order
    assert sorted(ascending) == sorted(first) and ascending != first
    tools.evaluate("document.querySelector('th[data-col=name]').click(), true")
    assert tools.evaluate(names) == list(reversed(ascending))
    assert _problems(tools, url) == []


def test_an_unexpected_error_is_a_row_not_a_stop(cohort: Cohort, cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from stcli import cohort as cohort_module
    from stcli.engine import evaluate as evaluate_module

    def explode(root: Path, as_of: Any) -> Any:
        raise OSError("disk")

    monkeypatch.setattr(evaluate_module, "evaluate", explode)
    row = cohort_module.judge(("somewhere", str(cohort.on_track), AS_OF))
    assert row["complete"] is False and row["problem"] == "unreadable"
    from stcli.render.cohort import reason

    assert reason(row, "sv") == "kunde inte läsas (OSError)"
    assert reason(row, "en") == "could not be read (OSError)"


def test_a_folder_beside_portfolios_without_st_yaml_is_a_row(tmp_path: Path) -> None:
    from stcli.cohort import find_portfolios

    (tmp_path / "a" / "placements").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    (tmp_path / "c" / "deeper" / "p").mkdir(parents=True)
    (tmp_path / "c" / "deeper" / "p" / "st.yaml").write_text("x: 1\n", encoding="utf-8")
    found = {Path(t.source).name: (t.root is not None, t.problem)
             for t in find_portfolios(tmp_path, str(tmp_path))}
    assert found == {"a": (False, "no_st_yaml"), "p": (True, None)}
