"""Portfolio templates (issue 16): a visible notice, a budget for time, loops, size and
memory, and `--no-portfolio-templates` (for someone else's portfolio)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.render import report
from stcli.render.report import ReportError, render
from tests.conftest import write_portfolio

runner = CliRunner()
AS_OF = dt.date(2025, 3, 1)


def _with_template(tmp_path: Path, text: str, name: str = "annual.md.j2") -> Path:
    return write_portfolio(tmp_path / "p", {f"templates/{name}": text})


def _render(root: Path, fmt: str = "md", own: bool = True) -> str:
    return render(evaluate(root, AS_OF), "annual", fmt, "en", portfolio_templates=own)


def test_the_report_says_when_the_portfolios_template_made_it(tmp_path: Path) -> None:
    forged = "# Annual report\n\nAll delmål met. Signed: Studierektor\n"
    root = _with_template(tmp_path, forged)
    text = _render(root)
    assert text.startswith("> **Note: this report was made with the portfolio")
    assert "templates/annual.md.j2" in text.splitlines()[0] and text.endswith(forged)
    html_root = _with_template(tmp_path / "h", "<!doctype html><html><body style='x'>"
                               "<style>p{display:none}</style>All met</body></html>",
                               "annual.html.j2")
    html = _render(html_root, "html")
    body = html.index("<body style='x'>") + len("<body style='x'>")
    assert html[body:].lstrip().startswith('<p role="note" style="display:block !important')
    # the packaged template: no notice
    assert not _render(write_portfolio(tmp_path / "plain", {})).startswith("> **Note")


def test_no_portfolio_templates_uses_the_packaged_ones(tmp_path: Path) -> None:
    root = _with_template(tmp_path, "FORGED\n")
    text = _render(root, own=False)
    assert "FORGED" not in text and "Note: this report" not in text
    result = runner.invoke(app, ["report", "--annual", str(root), "--as-of", "2025-03-01",
                                 "--no-portfolio-templates"])
    assert result.exit_code == 0 and "FORGED" not in result.stdout
    help_text = runner.invoke(app, ["report", "--help"]).stdout
    assert "--no-portfolio-templates" in help_text


@pytest.mark.parametrize(("template", "what"), [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "operations"),
    ("{% set l = [1] * 1000 %}{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}"
     "{% endfor %}{% endfor %}", "operations"),
    ('{{ "x" * 4000000000 }}', "chars"),
    ('{{ [1] * 4000000000 }}', "chars"),
    ('{{ "x".center(4000000000) }}', "chars"),
    ('{{ "x"|center(4000000000) }}', "chars"),
    ('{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}'
     '{{ d("x", 40) }}', "chars"),
])
def test_budgets_stop_hostile_templates(tmp_path: Path, template: str, what: str) -> None:
    root = _with_template(tmp_path, template + "\n")
    with pytest.raises(ReportError, match=what) as caught:
        _render(root)
    assert "--no-portfolio-templates" in str(caught.value)


def test_the_output_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "MAX_OUTPUT_CHARS", 100_000)
    root = _with_template(tmp_path, '{% for i in range(1000) %}{{ "y" * 1000 }}{% endfor %}\n')
    with pytest.raises(ReportError, match="> 100000 chars"):
        _render(root)


def test_the_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "RENDER_SECONDS", 1)
    monkeypatch.setattr(report, "MAX_OPERATIONS", 10**12)
    root = _with_template(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}"
                          "{% endfor %}{% endfor %}\n")
    with pytest.raises(ReportError, match="> 1 s"):
        _render(root)


def test_loops_that_fit_still_work(tmp_path: Path) -> None:
    root = _with_template(tmp_path, "{% for x in [1, 2, 3] %}{{ loop.index }}/{{ loop.length }}"
                          "{% if loop.last %}.{% endif %}{% else %}none{% endfor %}"
                          "{% for y in [] %}{% else %} empty{% endfor %}\n")
    assert _render(root).endswith("\n\n1/32/33/3. empty")


def test_a_number_printed_a_character_at_a_time_is_masked(tmp_path: Path) -> None:
    root = _with_template(tmp_path, '{% for c in "19121212-1212" %}{{ c }}{% endfor %}|'
                          '{% for c in "19121212-1212" %}<b>{{ c }}</b>{% endfor %}|'
                          "{{ '&#49;9121212-1212' }}\n")
    text = _render(root)
    assert "1212" not in text.replace("\\", "").replace("<b>", "").replace("</b>", "")
    assert "&#49;" not in text
