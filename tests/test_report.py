"""`st report`: golden Markdown of the sample, exit codes, inert portfolio text, template
overrides, and the figures the reports read from the progress model."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.engine.progress import progress_at
from tests.conftest import SAMPLE, assert_golden

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "report"
AS_OF = "2026-03-15"

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout, result.stderr


# --- golden Markdown of the sample portfolio -------------------------------------------------


def test_golden_annual_year_2() -> None:
    code, out, _ = run("--annual", "--year", "2", "--as-of", AS_OF, str(SAMPLE))
    assert code == 0
    assert_golden(GOLDEN / "sample-annual-2.md", out)


def test_golden_final() -> None:
    code, out, _ = run("--final", "--as-of", AS_OF, str(SAMPLE))
    assert code == 0
    assert_golden(GOLDEN / "sample-final.md", out)


def test_golden_final_english() -> None:
    code, out, _ = run("--final", "--lang", "en", "--as-of", AS_OF, str(SAMPLE))
    assert code == 0
    assert_golden(GOLDEN / "sample-final.en.md", out)


def test_annual_figures_match_the_hand_count_of_the_sample_readme() -> None:
    """sample-portfolio/README.md: ST year 2 = 5 months at 100 % + August at 80 %;
    17 months by 2025-01-31; 3563/155 months served by 2026-03-15; done 2030-09-08."""
    _, out, _ = run("--annual", "--year", "2", "--as-of", AS_OF, str(SAMPLE))
    assert "| Tjänstgjort under ST-året (omräknat till heltid) | 5,80 |" in out
    assert "| Totalt till och med 2025-08-31 | 17,80 |" in out
    assert "| Totalt per 2026-03-15 (krav) | 22,99 av 66 |" in out
    assert "**2030-09-08**" in out
    assert "181 dagar" in out
    assert "4 bedömningar under året (minst 3)" in out


def test_final_service_list_in_the_application_layout() -> None:
    _, out, _ = run("--final", "--as-of", AS_OF, str(SAMPLE))
    assert ("| Tjänstgöringsställe | Period (ååmmdd–ååmmdd) | Procent av heltid "
            "| Antal månader omräknat till heltid |") in out
    # 2023-09-01–2024-01-07 at 100 %: 4 months + 7/31 = 4.23
    assert "| 230901–240107 | 100 % | 4,23 |" in out
    # the split week: 40 % geriatrik and 40 % vårdcentral, cut at as_of
    assert out.count("| 260112–260315 | 40 % | 0,85 |") == 2
    assert "| **Summa** | | | **22,99** |" in out
    assert "Intyg som inte är signerade" in out
    assert "| Sidotjänstgöring: psykiatri, Psykiatriska kliniken, Gävle sjukhus |" in out


def test_current_year_is_the_default_and_english_works() -> None:
    code, out, _ = run("--annual", "--lang", "en", "--as-of", AS_OF, str(SAMPLE))
    assert code == 0
    assert out.startswith("# Annual report, ST year 3: Elin Åkesson")
    assert "ongoing, reported up to 2026-03-15" in out
    assert "## Signatures" in out and "Director of studies" in out


# --- command line ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["--annual", "--year", "4"],
    ["--annual", "--year", "0"],
    ["--annual", "--year", "-1"],
    ["--annual", "--final"],
    [],
    ["--final", "--year", "2"],
    ["--annual", "--format", "pdf"],
    ["--annual", "--as-of", "2026-02-30"],
])
def test_usage_errors_exit_2_with_a_message(args: list[str]) -> None:
    code, out, err = run(*args, "--as-of", AS_OF, str(SAMPLE)) if "--as-of" not in args \
        else run(*args, str(SAMPLE))
    assert code == 2
    assert err.strip() and not out


def test_unknown_year_names_the_years_there_are() -> None:
    code, _, err = run("--annual", "--year", "7", "--as-of", AS_OF, str(SAMPLE))
    assert code == 2
    assert "ST-år 7 finns inte" in err and "1–3" in err


def test_no_year_before_st_starts() -> None:
    code, _, err = run("--annual", "--as-of", "2023-08-01", str(SAMPLE))
    assert code == 2 and "inte börjat" in err


def test_no_portfolio_exits_2(tmp_path: Path) -> None:
    code, _, err = run("--final", str(tmp_path))
    assert code == 2 and err


def test_output_file_and_format_from_its_suffix(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    code, out, err = run("--final", "--as-of", AS_OF, str(SAMPLE), "-o", str(target))
    assert code == 0 and not out and str(target) in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    md = tmp_path / "rapport.md"
    assert run("--final", "--as-of", AS_OF, str(SAMPLE), "-o", str(md))[0] == 0
    assert md.read_text(encoding="utf-8").startswith("# Underlag")


def test_report_language_from_st_yaml_and_flag(tmp_path: Path) -> None:
    root = _write(tmp_path / "p", {}, profile_extra="language: en\n")
    _, out, _ = run("--final", "--as-of", "2025-06-01", str(root))
    assert out.startswith("# Summary for the application")
    _, out, _ = run("--final", "--lang", "sv", "--as-of", "2025-06-01", str(root))
    assert out.startswith("# Underlag för ansökan")


# --- HTML is one self-contained, printable file ---------------------------------------------


@pytest.mark.parametrize("kind", [["--annual", "--year", "2"], ["--final"]])
def test_html_is_self_contained_and_prints_on_a4(kind: list[str]) -> None:
    code, html, _ = run(*kind, "--format", "html", "--as-of", AS_OF, str(SAMPLE))
    assert code == 0
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    lowered = html.lower()
    for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src=",
                   " href=", "https:"):
        assert needle not in lowered, needle
    # the only URL is the SVG namespace, which is a name, never fetched
    assert set(re.findall(r"http://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in html
    assert "@page { size: A4" in html
    assert "break-inside: avoid" in html
    assert "display: table-header-group" in html
    assert html.count("<svg") == 3  # supervision, placements over time, delmål coverage
    parser = _Collect()
    parser.feed(html)
    assert not parser.errors


# --- portfolio text renders inert ------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "**bold**",
    "a | b | c",
    "`code` _em_ ~~del~~ $x$ #1 @user <!-- c --> &lt;b&gt; ![i](http://e/x.png)",
    "- list\n# heading\n\n1. item",
    "www.example.org/" + "lång" * 40,  # one very long word must not widen a table
]
PAYLOAD = " ".join(PAYLOADS)
PERSONNUMMER = "19121212-1212"  # Skatteverket's test number: a valid date and check digit


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _write(root: Path, files: dict[str, str], profile_extra: str = "",
           trainee: str = "Test Testsson", unit: str = "Vårdcentralen Test",
           supervisor: str = "Anna Berg") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    profile = textwrap.dedent(f"""\
        trainee: {_q(trainee)}
        regulation: HSLF-FS 2021:8
        start: 2024-09-01
        home_unit: {_q(unit)}
        employment:
          - {{from: 2024-09-01, percent: 100}}
        supervisors:
          - {{id: anna, name: {_q(supervisor)}, specialty: allmanmedicin, role: main, training: 2022}}
        """) + profile_extra
    (root / "st.yaml").write_text(profile, encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _hostile_portfolio(root: Path) -> Path:
    p = _q(PAYLOAD)
    pn = _q(f"Patient {PERSONNUMMER} {PAYLOAD}")
    extra = textwrap.dedent(f"""\
        credited:
          - {{months: 2, description: {p}, decided: 2024-10-01}}
        delmal:
          STc1: {{title: {p}, title_en: {p}}}
        """)
    files = {
        "placements/p.yaml": f"""\
            - type: vardcentral
              specialty: allmanmedicin
              unit: {p}
              start: 2024-09-01
              end: 2025-05-31
              supervisor: {{name: {p}}}
              delmal: [STc1, STc2]
              certificate: requested
              notes: {p}
            - type: sidotjanstgoring
              specialty: psykiatri
              unit: {p}
              start: 2025-06-01
              end: 2025-12-31
              delmal: [STc13]
            """,
        "assessments/a.yaml": f"""\
            - date: 2024-10-01
              method: cbd
              assessor: {p}
              delmal: [STc1]
              focus: {p}
              feedback: {pn}
            """,
        "courses/c.yaml": f"""\
            - title: {p}
              provider: {p}
              start: 2024-11-01
              end: 2024-11-02
              delmal: [STc1, STb1]
              certificate: none
              notes: {p}
            """,
        "activities/a.yaml": f"""\
            - kind: kvalitetsarbete
              title: {p}
              description: {p}
              start: 2024-10-01
              end: 2025-03-01
              status: done
              delmal: [STa2]
              notes: {p}
            """,
        "leave/l.yaml": f"""\
            - kind: semester
              start: 2024-12-23
              end: 2024-12-30
              note: {p}
            """,
        "milestones/m.yaml": f"""\
            - kind: iup
              date: 2024-10-15
              notes: {pn}
            """,
        "supervision/s.yaml": f"""\
            - date: 2024-09-10
              minutes: 60
              supervisor: anna
              topics: [{p}]
              notes: {p}
            """,
    }
    return _write(root, files, profile_extra=extra, trainee=PAYLOAD, unit=PAYLOAD,
                  supervisor=PAYLOAD)


REPORTS = [["--annual", "--year", "1"], ["--final"]]


@pytest.mark.parametrize("kind", REPORTS)
def test_hostile_text_is_inert_in_html(tmp_path: Path, kind: list[str]) -> None:
    root = _hostile_portfolio(tmp_path / "p")
    code, html, err = run(*kind, "--format", "html", "--as-of", "2025-03-01", str(root))
    assert code == 0, err
    parser = _Collect()
    parser.feed(html)
    assert parser.tags.isdisjoint({"script", "img", "a", "iframe", "object", "embed"})
    assert not [a for a in parser.attributes if a.startswith("on")]
    assert "javascript:" not in " ".join(parser.attribute_values)
    text = parser.text
    assert "<script>alert(1)</script>" in text  # shown as text, literally
    assert "<img src=x onerror=alert(2)>" in text
    assert "[x](javascript:alert(3))" in text and "**bold**" in text
    assert PERSONNUMMER not in html and "xxxxxxxx-xxxx" in text
    assert "<strong>bold" not in html


@pytest.mark.parametrize("kind", REPORTS)
def test_hostile_text_is_inert_in_markdown(tmp_path: Path, kind: list[str]) -> None:
    from markdown_it import MarkdownIt

    root = _hostile_portfolio(tmp_path / "p")
    code, md, err = run(*kind, "--as-of", "2025-03-01", str(root))
    assert code == 0, err
    assert PERSONNUMMER not in md
    # GitHub-flavoured: CommonMark with tables and strikethrough, raw HTML allowed
    renderer = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = renderer.render(md)
    parser = _Collect()
    parser.feed(html)
    assert parser.tags.isdisjoint({"script", "img", "a", "iframe", "del", "code", "em", "h4",
                                   "ol"}), parser.tags
    assert not [a for a in parser.attributes if a.startswith("on")]
    text = parser.text
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                    "[x](javascript:alert(3))", "**bold**", "a | b | c", "~~del~~", "$x$",
                    "<!-- c -->", "&lt;b&gt;", "@user", "![i](http://e/x.png)"):
        assert payload in text, payload
    # `**bold**` stays literal: the only bold text is the report's own
    strong = re.findall(r"<strong>(.*?)</strong>", html)
    assert all("bold" not in s for s in strong), strong
    # pipes never add cells: every row of a table has as many cells as its header
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], flags=re.S):
            assert len(re.findall(r"<td", row)) == header, row
    # no line of portfolio text starts a block: headings are only the report's own
    assert all(not line.startswith("# ") for line in md.splitlines()[1:])


def test_markdown_escape_reads_the_same_rendered() -> None:
    from markdown_it import MarkdownIt

    from stcli.render.report import md_escape

    renderer = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    for text in [*PAYLOADS, "1. första", "- punkt", "0.5 mg", "a\\b", "C:\\temp", "50 %",
                 "kl. 10:00", "Å Ä Ö é"]:
        parser = _Collect()
        parser.feed(renderer.render(md_escape(text)))
        assert parser.text.strip() == " ".join(text.split()), text


# --- templates -------------------------------------------------------------------------------


def test_portfolio_template_replaces_the_packaged_one(tmp_path: Path) -> None:
    root = _write(tmp_path / "p", {
        "templates/final.md.j2": "Egen mall för {{ profile.trainee }}: "
                                 "{{ time.served|months }} {{ t('months') }}\n",
    })
    code, out, _ = run("--final", "--as-of", "2024-12-31", str(root))
    assert code == 0
    # the report says that the portfolio's own template made it (issue 16)
    notice, _, rest = out.partition("\n\n")
    assert notice.startswith("> **Obs: rapporten är gjord med portföljens egen mall")
    assert "templates/final.md.j2" in notice
    assert rest == "Egen mall för Test Testsson: 4,00 månader\n"
    # the other report still comes from the package, partials too
    code, out, _ = run("--annual", "--as-of", "2024-12-31", str(root))
    assert code == 0 and out.startswith("# Årsrapport ST-år 1")


def test_portfolio_partial_replaces_the_packaged_partial(tmp_path: Path) -> None:
    root = _write(tmp_path / "p", {
        "templates/partials/footer.md.j2": "EGEN SIDFOT\n",
    })
    _, out, _ = run("--final", "--as-of", "2024-12-31", str(root))
    assert out.rstrip().endswith("EGEN SIDFOT")


def test_template_symlink_outside_the_portfolio_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md.j2"
    outside.write_text("STOLEN {{ profile.trainee }}\n", encoding="utf-8")
    root = _write(tmp_path / "p", {})
    (root / "templates").mkdir()
    (root / "templates" / "final.md.j2").symlink_to(outside)
    code, out, err = run("--final", "--as-of", "2024-12-31", str(root))
    assert code == 2 and not out
    assert "templates/final.md.j2" in err and "utanför portföljen" in err


def test_templates_folder_linked_outside_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "annual.md.j2").write_text("STOLEN\n", encoding="utf-8")
    root = _write(tmp_path / "p", {})
    (root / "templates").symlink_to(elsewhere, target_is_directory=True)
    code, out, err = run("--annual", "--lang", "en", "--as-of", "2024-12-31", str(root))
    assert code == 2 and "outside the portfolio" in err and "STOLEN" not in out


def test_template_symlink_inside_the_portfolio_is_used(tmp_path: Path) -> None:
    root = _write(tmp_path / "p", {"mallar/min.md.j2": "INSIDE {{ as_of }}\n"})
    (root / "templates").mkdir()
    (root / "templates" / "final.md.j2").symlink_to(root / "mallar" / "min.md.j2")
    code, out, _ = run("--final", "--as-of", "2024-12-31", str(root))
    assert code == 0 and out.endswith("\n\nINSIDE 2024-12-31\n")


@pytest.mark.parametrize("source, expected", [
    ("{{ no_such_variable }}", "no_such_variable"),
    ("{{ profile.no_such_field }}", "no_such_field"),
    ("{% if %}", "rad 1"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "final.md.j2"),
])
def test_template_errors_are_clear_and_strict(tmp_path: Path, source: str,
                                              expected: str) -> None:
    root = _write(tmp_path / "p", {"templates/final.md.j2": source + "\n"})
    code, out, err = run("--final", "--as-of", "2024-12-31", str(root))
    assert code == 2 and not out
    assert "mallen" in err and expected in err


def test_packaged_templates_are_found() -> None:
    from stcli.render.report import packaged_templates

    folder = packaged_templates()
    for name in ("annual.md.j2", "annual.html.j2", "final.md.j2", "final.html.j2"):
        assert (folder / name).is_file(), name


def test_report_messages_have_both_languages_and_same_placeholders() -> None:
    import string

    from stcli.i18n.catalog_report import MESSAGES

    for key, (sv, en) in MESSAGES.items():
        assert key.startswith("report.") and sv.strip() and en.strip(), key
        # `{count|bedömning|bedömningar}` is a plural of `count` (stcli.i18n.apply_plurals)
        names = [{n.split("|")[0] for _, n, _, _ in string.Formatter().parse(s) if n}
                 for s in (sv, en)]
        assert names[0] == names[1], key
    used = set()
    for path in (REPO / "templates").rglob("*.j2"):
        used |= set(re.findall(r"\bt\('([a-z_.]+)'", path.read_text(encoding="utf-8")))
    from stcli.i18n import catalog  # every catalog_* module (sign-off keys: catalog_sign)

    missing = sorted(k for k in used if f"report.{k}" not in catalog())
    assert not missing, missing


# --- the figures the reports read (progress model) ------------------------------------------


def test_service_list_splits_at_percent_changes_and_leaves_out_leave(tmp_path: Path) -> None:
    root = _write(tmp_path / "p", {
        "placements/p.yaml": """\
            - {type: vardcentral, specialty: allmanmedicin, unit: VC, start: 2024-09-01, end: 2025-06-30}
            - {type: auskultation, specialty: psykiatri, unit: Psyk, start: 2024-10-01, end: 2024-10-03}
            - {type: sidotjanstgoring, specialty: geriatrik, unit: Ger, start: 2025-07-01, end: 2025-08-31, percent: 40}
            """,
        "leave/l.yaml": """\
            - {kind: foraldraledighet, start: 2025-01-01, end: 2025-02-28}
            - {kind: tjanstledighet, start: 2025-08-01, end: 2025-08-31, percent: 50}
            """,
    }, profile_extra="")
    (root / "st.yaml").write_text((root / "st.yaml").read_text().replace(
        "  - {from: 2024-09-01, percent: 100}\n",
        "  - {from: 2024-09-01, percent: 100}\n  - {from: 2025-04-01, percent: 75}\n"),
        encoding="utf-8")
    evaluation = evaluate(root, dt.date(2025, 12, 31))
    progress = evaluation.progress
    assert progress is not None
    rows = [(r.start, r.end, r.percent, r.months) for r in progress.service]
    assert rows == [
        (dt.date(2024, 9, 1), dt.date(2024, 12, 31), 100, 4),
        (dt.date(2025, 3, 1), dt.date(2025, 3, 31), 100, 1),
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30), 75, Fraction(9, 4)),
        (dt.date(2025, 7, 1), dt.date(2025, 7, 31), 40, Fraction(2, 5)),
        (dt.date(2025, 8, 1), dt.date(2025, 8, 31), 20, Fraction(1, 5)),
    ]
    assert progress.service_months == 4 + 1 + Fraction(9, 4) + Fraction(2, 5) + Fraction(1, 5)
    # no placement from September, and 75 % employed but 40 % placed in July and August:
    # the list says so instead of hiding it
    assert progress.service_uncovered == progress.time.served_in_st - progress.service_months
    assert progress.service_uncovered == 4 * Fraction(3, 4) + Fraction(35, 100) + Fraction(
        175, 1000)


def test_year_figures_and_progress_at_an_earlier_date() -> None:
    evaluation = evaluate(SAMPLE, dt.date(2026, 3, 15))
    progress = evaluation.progress
    assert progress is not None and evaluation.catalog is not None
    assert progress.service_months == Fraction(3563, 155) == progress.time.served
    year = progress.year(2)
    assert year is not None
    assert year.months_served == Fraction(29, 5)
    assert year.served_total == 16 + Fraction(4, 5) + 1
    assert [m for m, _ in year.supervision_per_month][0::11] == ["2024-09", "2025-08"]
    assert sum(minutes for _, minutes in year.supervision_per_month) == \
        year.supervision_minutes
    assert len(year.entries.assessments) == year.assessments
    assert len(year.entries.supervision) == year.supervision_sessions
    profile = evaluation.portfolio.profile
    assert profile is not None
    before = progress_at(evaluation.portfolio, profile.value, dt.date(2023, 8, 31),
                         evaluation.settings, evaluation.catalog)
    assert before.time.served == 0 and before.st_year == 0
    assert all(not s.evidence for s in before.delmal)


def test_delmal_evidence_refs_point_at_the_entries() -> None:
    evaluation = evaluate(SAMPLE, dt.date(2026, 3, 15))
    assert evaluation.progress is not None
    status = next(s for s in evaluation.progress.delmal if s.delmal.code == "STc13")
    entries = [evaluation.portfolio.entries(r.kind)[r.index].value for r in status.entries]
    assert any(getattr(e, "specialty", "") == "psykiatri" for e in entries)
    assert status.requirements_met == len(status.delmal.requires) - len(status.missing)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self.attribute_values: list[str] = []
        self.chunks: list[str] = []
        self.errors: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.append(name)
            self.attribute_values.append(value or "")
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks).replace("\u200b", "")
