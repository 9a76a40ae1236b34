"""`st forms`: Socialstyrelsen's official blanks filled from the portfolio.

The official forms are read from `ST_SHARED_DIR/forms` or `../shared/forms` beside the
repository; the tests that need them skip with a reason when neither is there. Filled
forms are read back field by field (pypdf), rendered with poppler (`pdftoppm`) and read as
text (`pdftotext -layout`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.forms import pdf
from stcli.forms.identity import normalize
from stcli.forms.plan import ROWS, build_plan, number_list, recognise
from stcli.i18n import format_number
from tests.conftest import REPO, SAMPLE, write_portfolio

AS_OF = "2026-03-15"
PNR = "19900101-0017"  # valid Luhn; fictional
runner = CliRunner()


def shared_forms() -> Path | None:
    for candidate in (os.environ.get("ST_SHARED_DIR"), REPO.parent / "shared"):
        if candidate and (Path(candidate) / "forms" / "hslf-fs-2021-8").is_dir():
            return Path(candidate) / "forms"
    return None


FORMS = shared_forms()
needs_forms = pytest.mark.skipif(
    FORMS is None, reason="the official forms are not reachable: set ST_SHARED_DIR to the "
    "shared folder (with forms/hslf-fs-2021-8 and forms/sosfs-2015-8) or put it beside the "
    "repository as ../shared")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["forms", *args], env=env or {})
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout, result.stderr


def hslf() -> Path:
    assert FORMS is not None
    return FORMS / "hslf-fs-2021-8"


def sosfs() -> Path:
    assert FORMS is not None
    return FORMS / "sosfs-2015-8"


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def dark_pixels(path: Path, page: int, rect: tuple[float, float, float, float]) -> int:
    """Dark pixels that poppler draws inside `rect` (PDF points) of `page` (1-based)."""
    resolution = 72
    height_pt = 842
    x0, y0, x1, y1 = rect
    crop = ["-x", str(int(x0) + 2), "-y", str(int(height_pt - y1) + 2),
            "-W", str(int(x1 - x0) - 4), "-H", str(int(y1 - y0) - 4)]
    raw = subprocess.run(["pdftoppm", "-gray", "-r", str(resolution), "-f", str(page), "-l",
                          str(page), *crop, str(path)], check=True, capture_output=True).stdout
    # PGM: "P5\n<w> <h>\n255\n" then one byte per pixel
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
    assert header is not None
    pixels = raw[header.end():]
    return sum(1 for value in pixels if value < 128)


@pytest.fixture(scope="module")
def sample_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    if FORMS is None:
        pytest.skip("the official forms are not reachable (ST_SHARED_DIR or ../shared)")
    out = tmp_path_factory.mktemp("forms") / "out"
    code, stdout, stderr = run(str(SAMPLE), "--as-of", AS_OF, "--blanks", str(hslf()),
                               "-o", str(out), env={"ST_PERSONNUMMER": PNR})
    assert code == 0, stderr
    return out, stdout, stderr


def values(path: Path) -> dict[str, str]:
    return pdf.read_values(path.read_bytes())


# --- the field sets ---------------------------------------------------------------------------


@needs_forms
def test_blanks_json_is_the_official_forms_field_sets() -> None:
    known = json.loads((REPO / "stcli" / "forms" / "blanks.json").read_text("utf-8"))
    read = {}
    for folder in (hslf(), sosfs()):
        for path in sorted(folder.glob("*.pdf")):
            read[path.name] = pdf.field_names(path.read_bytes())
    found = recognise(read, {k: frozenset(v) for k, v in known.items()})
    assert not found.unknown and not found.near
    assert sorted(found.found) == sorted(known)  # every known form is one official blank
    assert len({frozenset(v) for v in known.values()}) == len(known)  # no two alike


@needs_forms
def test_every_field_the_plans_write_exists_in_its_blank(tmp_path: Path) -> None:
    known = {k: set(v) for k, v in json.loads(
        (REPO / "stcli" / "forms" / "blanks.json").read_text("utf-8")).items()}
    plans = [build_plan(evaluate(SAMPLE, dt.date.fromisoformat(AS_OF))),
             build_plan(evaluate(sosfs_portfolio(tmp_path), dt.date(2021, 6, 1)))]
    for plan in plans:
        for form in plan.forms:
            missing = set(form.texts) - known[form.key]
            assert not missing, (form.key, missing)
            assert form.checks <= known[form.key]
            assert form.personnummer_field in known[form.key]


# --- the sample, HSLF-FS 2021:8 ----------------------------------------------------------------


@needs_forms
def test_sample_gets_the_complete_numbered_set(sample_set: tuple[Path, str, str]) -> None:
    out, stdout, _ = sample_set
    files = stdout.split()
    assert files[0] == "bt/00-bilaga-1-ansokan.pdf"
    forms = [re.match(r"(?:bt/)?(\d\d)-bilaga-(\d+)-", name).groups() for name in files]
    st_forms = [(int(n), b) for (n, b), name in zip(forms, files, strict=True)
                if not name.startswith("bt/")]
    bt_forms = [(int(n), b) for (n, b), name in zip(forms, files, strict=True)
                if name.startswith("bt/")]
    assert [b for _n, b in bt_forms] == ["1", "2", "2", "3", "4"]
    assert [b for _n, b in st_forms] == ["5", "6", "7", "8", *["9"] * 4, *["10"] * 9,
                                         "11", "12"]
    # one numbering per application, in the order of the application's list
    assert [n for n, _b in st_forms] == list(range(0, 19))
    assert [n for n, _b in bt_forms] == list(range(0, 5))
    for name in files:
        number = int(Path(name).name[:2])
        got = values(out / name)
        if number:
            assert got["Bilaga nr"] == str(number), name
        assert got["Efternamn"] == "Åkesson" and got["Förnamn"] == "Elin"
        assert got["Personnummer"] == PNR
    application = values(out / "00-bilaga-5-ansokan.pdf")
    assert application["Bilagor nr.0.0"] == "1"  # fullgjord ST
    assert application["Bilagor nr.0.1"] == "2"  # uppnådd specialistkompetens
    assert application["Bilagor nr.0.2"] == "3"  # auskultation
    assert application["Bilagor nr.0.3"] == "4–7"  # kliniska tjänstgöringar
    assert application["Bilagor nr.0.4"] == "8–16"  # kurser
    assert application["Bilagor nr.0.5"] == "17"
    assert application["Bilagor nr.0.6"] == "18"
    assert application["Datum ååmmdd_5"] == "241015"  # BT approved
    assert values(out / "bt" / "00-bilaga-1-ansokan.pdf")["Bilagor nr.0"] == "1, 2"
    assert (out / "index.md").is_file() and (out / "index.html").is_file()


@needs_forms
def test_bilaga_5_page_3_keeps_the_course_numbers_off_the_other_documents(
        sample_set: tuple[Path, str, str]) -> None:
    out, _, _ = sample_set
    data = (out / "00-bilaga-5-ansokan.pdf").read_bytes()
    places = pdf.widgets(data)
    assert [w.page for w in places["Bilagor nr.0.4"]] == [1]  # page 2 only now
    assert {w.page for n in range(1, 5) for w in places[f"Övriga handlingar bilaga nr {n}"]} \
        == {2}
    got = pdf.read_values(data)
    assert got["Bilagor nr.0.4"] == "8–16"
    assert not any(key.startswith("Övriga handlingar") for key in got)
    if shutil.which("pdftotext"):
        page3 = pdftotext(out / "00-bilaga-5-ansokan.pdf", 3)
        assert "8–16" not in page3 and "17" not in page3.replace("1992:191", "")


@needs_forms
def test_bilaga_9_fields_read_back(sample_set: tuple[Path, str, str]) -> None:
    out, _, _ = sample_set
    got = values(out / "04-bilaga-9-medicinkliniken-gavle-sjukhus.pdf")
    assert got["Delmål som intyget avser tex STa1 STb1 STc1"] == "STc1, STc2, STc4, STc5, STc14"
    assert got["Tjänstgöringsställe för klinisk tjänstgöring"] == \
        "Medicinkliniken, Gävle sjukhus"
    assert got["Period ååmmdd  ååmmdd"] == "240902–241222"
    assert got["Beskrivning av den kliniska tjänstgöringen"].startswith("Åtta veckor")
    assert got["Namnförtydligande"] == "Erik Dahl"
    assert got["Specialitet"] == "Internmedicin"
    assert got["Ort och datum"] == "Gävle"
    assert "Personnummer_2" not in got  # the signer's own, left for them
    vc = values(out / "07-bilaga-9-halsocentralen-alvsund-gavle.pdf")
    assert vc["Period ååmmdd  ååmmdd"] == "240408–260405"  # the grouped vårdcentral periods
    assert "240408–240901, 241223–250131" in vc["Beskrivning av den kliniska tjänstgöringen"]
    assert vc["Namnförtydligande"] == "Maria Holmgren"


@needs_forms
def test_course_form_ticks_who_signs(sample_set: tuple[Path, str, str]) -> None:
    out, _, _ = sample_set
    leader = pdf.read_values((out / "09-bilaga-10-konsultationskurs-del-1.pdf").read_bytes())
    assert leader["Kursledare"] == "/Ja" and "Handledare" not in leader
    assert leader["Namnförtydligande"] == "Eva Ström"
    supervisor = values(out / "11-bilaga-10-lakemedelsbehandling-hos-aldre.pdf")
    assert supervisor["Handledare"] == "/Ja" and "Kursledare" not in supervisor
    assert supervisor["Namnförtydligande"] == "Maria Holmgren"


@needs_forms
def test_service_list_is_the_final_reports(sample_set: tuple[Path, str, str]) -> None:
    out, _, _ = sample_set
    evaluation = evaluate(SAMPLE, dt.date.fromisoformat(AS_OF))
    progress = evaluation.progress
    assert progress is not None
    got = values(out / "01-bilaga-6-tjansteforteckning.pdf")
    spec = ROWS[("HSLF-FS 2021:8", "6")]
    rows = [got.get(spec.months + s) for s in spec.suffixes]
    filled = [r for r in rows if r]
    assert len(filled) == len(progress.service) + len(evaluation.portfolio.profile.value.credited)
    # each row is the engine's row, in the engine's order
    for suffix, row in zip(spec.suffixes, progress.service, strict=False):
        assert got[spec.period + suffix] == f"{row.start:%y%m%d}–{row.end:%y%m%d}"
        assert Fraction(got[spec.months + suffix].replace(",", ".")) == \
            round(row.months, 2) or abs(Fraction(got[spec.months + suffix].replace(",", "."))
                                        - row.months) <= Fraction(1, 200)
    total = got[spec.total]
    final = runner.invoke(app, ["report", "--final", "--as-of", AS_OF, str(SAMPLE)]).stdout
    # the final report's sum row (its columns are padded to align the raw Markdown)
    summa = re.search(r"\| \*\*Summa\*\* +\| +\| +\| \*\*([0-9,]+)\*\* \|", final)
    assert summa is not None and summa.group(1) == total
    assert sum((row.months for row in progress.service), Fraction(0)) + \
        progress.time.credited == progress.service_total


@needs_forms
@needs_poppler
def test_text_is_visible_in_poppler_with_swedish_letters(
        sample_set: tuple[Path, str, str], tmp_path: Path) -> None:
    out, _, _ = sample_set
    text = pdftotext(out / "04-bilaga-9-medicinkliniken-gavle-sjukhus.pdf")
    for expected in ("Åkesson", "Medicinkliniken, Gävle sjukhus", "240902–241222",
                     "STc1, STc2, STc4, STc5, STc14", "Erik Dahl", "Åtta veckor", PNR):
        assert expected in text, expected
    assert "Försäkringsmedicin för BT-läkare" in pdftotext(
        out / "08-bilaga-10-forsakringsmedicin-for-bt-lakare.pdf")
    service = pdftotext(out / "01-bilaga-6-tjansteforteckning.pdf", 1)
    assert re.search(r"Hälsocentralen Älvsund, Gävle\s+230901–240107\s+100 %\s+4,23", service)
    # rendered pixels: the filled field has ink where the blank has none
    target = out / "04-bilaga-9-medicinkliniken-gavle-sjukhus.pdf"
    blank = hslf() / "2021-2-7212-bilaga-9.pdf"
    for name in ("Efternamn", "Beskrivning av den kliniska tjänstgöringen", "Namnförtydligande"):
        widget = pdf.widgets(target.read_bytes())[name][0]
        # the printed label sits above the field's rectangle, the box's lines around it
        assert dark_pixels(target, widget.page + 1, widget.rect) > 20, name
        assert dark_pixels(blank, widget.page + 1, widget.rect) == 0, name
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(target),
                    str(png)], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 1000


@needs_forms
def test_index_lists_each_bilaga_its_delmal_signer_and_state(
        sample_set: tuple[Path, str, str]) -> None:
    out, _, _ = sample_set
    index = (out / "index.md").read_text("utf-8")
    # portfolio text is escaped only where it would change the rendering (parentheses don't)
    assert "| 4 | Bilaga 9: Intyg: klinisk tjänstgöring under handledning | Medicinkliniken, " \
        "Gävle sjukhus 240902–241222 | STc1, STc2, STc4, STc5, STc14 | " \
        "Erik Dahl (handledare) | ja |" in index
    assert "per 2026-03-15 (HSLF-FS 2021:8)" in index  # our own words are not escaped
    assert "Psykiatriska kliniken, Gävle sjukhus 250908–251130" in index
    assert re.search(r"\| 5 \| Bilaga 9.*\| begärt \|", index)
    html = (out / "index.html").read_text("utf-8")
    assert "<td>Erik Dahl (handledare)</td>" in html
    assert 'href="04-bilaga-9-medicinkliniken-gavle-sjukhus.pdf"' in html


@needs_forms
def test_personnummer_is_only_in_the_pdfs(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(SAMPLE, root)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
              if p.is_file()}
    out = tmp_path / "out"
    code, stdout, stderr = run(str(root), "--as-of", AS_OF, "--blanks", str(hslf()), "-o",
                               str(out), env={"ST_PERSONNUMMER": "900101-0017"})
    assert code == 0, stderr
    shapes = ("199001010017", "19900101-0017", "900101-0017", "9001010017")
    for shape in shapes:
        assert shape not in stdout and shape not in stderr
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
             if p.is_file()}
    assert after == before  # the portfolio is untouched
    outside = [p for p in out.rglob("*") if p.is_file() and p.suffix != ".pdf"]
    assert {p.name for p in outside} == {"index.md", "index.html"}
    for path in outside:
        text = path.read_text("utf-8")
        assert not any(shape in text for shape in shapes), path
    pdfs = sorted(out.rglob("*.pdf"))
    assert all(values(p)["Personnummer"] == "19900101-0017" for p in pdfs)
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in pdfs)


@needs_forms
def test_forms_written_inside_the_portfolio_are_kept_out_of_git(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    code, _, stderr = run(str(root), "--as-of", AS_OF, "--blanks", str(hslf()), "-o",
                          str(root / "intyg"), "--only", "12",
                          env={"ST_PERSONNUMMER": PNR})
    assert code == 0, stderr
    assert "ligger i portföljen: en .gitignore" in stderr
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain",
                             "--untracked-files=all"], capture_output=True, text=True,
                            check=True).stdout
    assert "st.yaml" in status and "intyg/" not in status
    assert (root / "intyg" / "18-bilaga-12-delmal-sta3-medicinsk-vetenskap.pdf").is_file()


@needs_forms
def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(str(SAMPLE), "--as-of", AS_OF, "--blanks", str(hslf()), "-o",
                          str(out), "--dry-run", "--only", "9,10")
    assert code == 0
    assert not out.exists()
    listed = [line for line in stdout.splitlines() if "Bilaga" in line]
    assert len(listed) == 13 and all(" Bilaga 9 " in line or " Bilaga 10 " in line
                                     for line in listed)


def test_dry_run_without_blanks_lists_the_plan() -> None:
    code, stdout, _ = run(str(SAMPLE), "--as-of", AS_OF, "--dry-run", "--lang", "en")
    assert code == 0
    assert "dry run: nothing written" in stdout
    assert "Bilaga 6" in stdout and "Bilaga 12" in stdout


# --- refusals ---------------------------------------------------------------------------------


def renamed_copy(source: Path, target: Path, old: str, new: str) -> None:
    """The blank with one field renamed, as a new version of the form might have it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/T") == old:
                annot[NameObject("/T")] = TextStringObject(new)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


@needs_forms
def test_a_form_with_a_renamed_field_is_refused(tmp_path: Path) -> None:
    blanks = tmp_path / "blanks"
    shutil.copytree(hslf(), blanks)
    renamed_copy(hslf() / "2021-2-7212-bilaga-9.pdf", blanks / "2021-2-7212-bilaga-9.pdf",
                 "Tjänsteställe", "Arbetsplats")
    out = tmp_path / "out"
    code, stdout, stderr = run(str(SAMPLE), "--as-of", AS_OF, "--blanks", str(blanks), "-o",
                               str(out), env={"ST_PERSONNUMMER": PNR})
    assert code == 2
    assert "2021-2-7212-bilaga-9.pdf liknar Bilaga 9 (HSLF-FS 2021:8)" in stderr
    assert "“Tjänsteställe”" in stderr and "“Arbetsplats”" in stderr
    assert "socialstyrelsen.se, artikelnummer 2021-2-7212" in stderr
    assert "inget skrevs" in stderr
    assert not out.exists() and stdout == ""


@needs_forms
def test_a_missing_form_is_named_with_where_to_get_it(tmp_path: Path) -> None:
    blanks = tmp_path / "blanks"
    blanks.mkdir()
    for path in hslf().glob("*.pdf"):
        if not path.name.endswith("bilaga-6.pdf"):
            # file names are free: the forms are known by their fields
            (blanks / f"blankett-{hashlib.sha1(path.name.encode()).hexdigest()[:6]}.pdf") \
                .write_bytes(path.read_bytes())
    (blanks / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    code, _, stderr = run(str(SAMPLE), "--as-of", AS_OF, "--blanks", str(blanks), "-o",
                          str(out), "--lang", "en")
    assert code == 2
    assert ("Bilaga 6 (Intyg om fullgjord specialiseringstjänstgöring, HSLF-FS 2021:8) is not "
            "in") in stderr
    assert "socialstyrelsen.se, artikelnummer 2021-2-7212" in stderr
    assert "broken.pdf cannot be read as a PDF form" in stderr
    assert not out.exists()
    # --only what is there: fine
    code, _, stderr = run(str(SAMPLE), "--as-of", AS_OF, "--blanks", str(blanks), "-o",
                          str(out), "--only", "9")
    assert code == 0, stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "04-bilaga-9-medicinkliniken-gavle-sjukhus.pdf",
        "05-bilaga-9-psykiatriska-kliniken-gavle-sjukhus.pdf",
        "06-bilaga-9-geriatriska-kliniken-gavle-sjukhus.pdf",
        "07-bilaga-9-halsocentralen-alvsund-gavle.pdf"]


def test_bad_only_is_a_usage_error() -> None:
    code, _, stderr = run(str(SAMPLE), "--dry-run", "--only", "nio")
    assert code == 2 and "--only" in stderr


# --- long text ------------------------------------------------------------------------------

LONG_PROFILE = """\
trainee: Test Testsson
regulation: HSLF-FS 2021:8
start: 2024-09-01
home_unit: Vårdcentralen Test
city: Örebro
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}
"""


@needs_forms
@needs_poppler
def test_long_text_wraps_and_too_long_is_a_finding(tmp_path: Path) -> None:
    words = ("Handläggning av multisjuka äldre på vårdavdelning, ronder, utskrivningar och "
             "samverkan med kommunens hemsjukvård. ")
    fits = (words * 5).strip()
    too_long = (words * 40).strip()
    root = write_portfolio(tmp_path / "p", {
        "placements/a.yaml": f"""\
        - type: sidotjanstgoring
          specialty: geriatrik
          unit: Geriatriken
          start: 2024-09-02
          end: 2024-12-20
          supervisor: anna
          delmal: [STc8]
          description: {fits}
        - type: sidotjanstgoring
          specialty: psykiatri
          unit: Psykiatrin
          start: 2025-01-07
          end: 2025-03-30
          supervisor: anna
          delmal: [STc13]
          description: {too_long}
        """}, profile=LONG_PROFILE)
    out = tmp_path / "out"
    code, _, stderr = run(str(root), "--as-of", "2025-06-01", "--blanks", str(hslf()), "-o",
                          str(out), "--only", "9")
    assert code == 1
    assert re.search(r"placements/a\.yaml:16:\d+: fel: texten får inte plats i fältet "
                     r"”Beskrivning av den kliniska tjänstgöringen” på Bilaga 9 "
                     r"\(Psykiatrin 250107–250330\); fältet lämnades tomt \(korta "
                     r"`description`", stderr), stderr
    first, second = sorted(out.glob("*.pdf"))
    assert values(second).get("Beskrivning av den kliniska tjänstgöringen") is None
    assert values(second)["Tjänstgöringsställe för klinisk tjänstgöring"] == "Psykiatrin"
    text = pdftotext(first)
    lines = [line.strip() for line in text.splitlines() if "Handläggning" in line
             or "hemsjukvård" in line or "utskrivningar" in line]
    assert len(lines) >= 4  # wrapped over several lines, none cut
    flat = " ".join(" ".join(line.split()) for line in text.splitlines())
    assert fits in flat
    assert "Örebro" in text


# --- more rows than one form holds ---------------------------------------------------------------


def many_rows_portfolio(tmp_path: Path) -> Path:
    placements = []
    day = dt.date(2022, 1, 3)
    for n in range(45):
        end = day + dt.timedelta(days=13)
        unit = "Vårdcentralen Test" if n % 2 == 0 else "Medicinkliniken"
        kind = "vardcentral" if n % 2 == 0 else "sidotjanstgoring"
        specialty = "allmanmedicin" if n % 2 == 0 else "internmedicin"
        placements.append(f"- {{type: {kind}, specialty: {specialty}, unit: {unit}, "
                          f"start: {day}, end: {end}, supervisor: anna, delmal: [STc1]}}")
        day = end + dt.timedelta(days=1)
    profile = LONG_PROFILE.replace("2024-09-01", "2022-01-03")
    return write_portfolio(tmp_path / "many", {"placements/all.yaml": "\n".join(placements)},
                           profile=profile)


def test_service_list_continues_on_a_second_copy_with_the_sum_on_the_last(
        tmp_path: Path) -> None:
    evaluation = evaluate(many_rows_portfolio(tmp_path), dt.date(2024, 1, 1))
    plan = build_plan(evaluation)
    copies = [f for f in plan.forms if f.number == "6"]
    assert [f.copy for f in copies] == [(1, 2), (2, 2)]
    spec = ROWS[("HSLF-FS 2021:8", "6")]
    first, second = (c.texts for c in copies)
    assert all(spec.place + s in first for s in spec.suffixes)  # 39 rows full
    assert spec.place + spec.suffixes[5] in second and spec.place + spec.suffixes[6] \
        not in second  # 45 - 39 = 6 rows continued
    assert spec.total not in first and spec.total in second
    assert [c.attachment for c in copies] == [1, 2]
    application = next(f for f in plan.forms if f.number == "5")
    assert application.texts["Bilagor nr.0.0"].text == "1, 2"
    progress = evaluation.progress
    assert progress is not None
    assert second.get(spec.total).text == f"{float(progress.service_total):.2f}".replace(
        ".", ",")


# --- SOSFS 2015:8 -----------------------------------------------------------------------------

SOSFS_PROFILE = """\
trainee: Karl Östlund
regulation: SOSFS 2015:8
start: 2016-01-04
home_unit: Vårdcentralen Åby
city: Norrköping
verksamhetschef: {name: Gun Åström, unit: Vårdcentralen Åby}
specialists:
  - anna
  - {name: Per Ek, specialty: allmanmedicin, unit: Vårdcentralen Åby}
employment:
  - {from: 2016-01-04, percent: 100}
credited:
  - {months: 3, description: Vikariat före ST, decided: 2016-05-01}
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2015, unit: Vårdcentralen Åby}
"""


def sosfs_portfolio(tmp_path: Path) -> Path:
    return write_portfolio(tmp_path / "sosfs", {
        "placements/p.yaml": """\
        - {type: vardcentral, specialty: allmanmedicin, unit: Vårdcentralen Åby, start: 2016-01-04, end: 2017-12-31, supervisor: anna, delmal: [c1, c3, a1], certificate: signed}
        - {type: sidotjanstgoring, specialty: psykiatri, unit: Psykiatrin Norrköping, start: 2018-01-01, end: 2018-06-30, supervisor: {name: Lisa Öst, specialty: psykiatri}, delmal: [c13], description: Allmänpsykiatrisk öppenvård.}
        - {type: auskultation, specialty: palliativ-vard, unit: Hospice Linköping, start: 2018-09-03, end: 2018-09-05, supervisor: {name: Bo Ek, specialty: palliativ-vard}, delmal: [b5]}
        """,
        "courses/c.yaml": """\
        - {title: Etik och mångfald, provider: Kursgården, start: 2017-03-01, end: 2017-03-03, delmal: [a2], certificate: signed, certificate_signer: kursledare, course_leader: {name: Åsa Lind, specialty: allmanmedicin}}
        """,
        "activities/a.yaml": """\
        - {kind: kvalitetsarbete, title: Förbättrad diabetesuppföljning, start: 2017-01-01, end: 2017-06-30, status: done, delmal: [a4], supervisor: anna, participation: Ledde arbetet.}
        - {kind: vetenskapligt-arbete, title: Antibiotika vid otit, start: 2018-01-01, end: 2019-12-31, status: done, delmal: [a5], supervisor: anna, description: Journalstudie.}
        """}, profile=SOSFS_PROFILE)


@needs_forms
def test_sosfs_portfolio_gets_the_2015_set(tmp_path: Path) -> None:
    root = sosfs_portfolio(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = run(str(root), "--as-of", "2021-06-01", "--blanks", str(FORMS),
                               "-o", str(out), env={"ST_PERSONNUMMER": "198505050503"})
    assert code == 0, stderr
    names = stdout.split()
    assert [re.match(r"(\d\d)-bilaga-(\d+)", n).group(2) for n in names] == \
        ["1", "2", "3", "4", "4", "5", "6", "7"]
    application = values(out / names[0])
    spec = ROWS[("SOSFS 2015:8", "1")]
    assert application[spec.place + "1"] == "Vårdcentralen Åby"
    assert application[spec.period + "1"] == "160104–171231"
    assert application[spec.place + "3"] == "Tillgodoräknad tjänstgöring: Vikariat före ST"
    assert application[spec.months + "3"] == "3,00"
    progress = evaluate(root, dt.date(2021, 6, 1)).progress
    assert progress is not None
    first_months = format_number(progress.service[0].months, "sv", 2)
    assert application[spec.months + "1"] == first_months
    assert application[spec.total] == format_number(progress.service_total, "sv", 2)
    assert application["Bilaga nr"] == "1"  # the list: uppnådd specialistkompetens
    assert application["Bilaga nr_2"] == "2"  # auskultationer
    assert application["Bilaga nr_3"] == "3, 4"
    assert application["Bilaga nr_4"] == "5"
    assert application["Personnummer"] == "19850505-0503"
    competence = values(out / names[1])
    assert competence["Namnförtydligande"] == "Gun Åström"
    assert competence["Namnförtydligande_3"] == "Anna Berg"
    assert competence["Handledarutbildning årtal"] == "2015"
    assert competence["Namnförtydligande_2"] == "Per Ek"
    clinical = values(out / names[4])
    assert clinical["Tjänstgöringsställe och period ååmmdd  ååmmdd för den kliniska "
                    "tjänstgöringen"] == "Psykiatrin Norrköping, 180101–180630"
    assert clinical["Delmål som intyget avser tex a1 b1 c1"] == "c13"
    course = values(out / names[5])
    assert course["Kryssruta1"] == "/Ja" and course["Kursledare"] == "Åsa Lind"
    assert values(out / names[7])["Ämne för självständigt skriftligt arbete i rubrikform"] == \
        "Antibiotika vid otit"
    if shutil.which("pdftotext"):
        text = pdftotext(out / names[0], 2)
        assert re.search(rf"Vårdcentralen Åby\s+160104–171231\s+100 %\s+{first_months}", text)


# --- pure pieces --------------------------------------------------------------------------------


def test_personnummer_is_checked_and_written_in_full() -> None:
    today = dt.date(2026, 3, 15)
    assert normalize("19900101-0017", today) == "19900101-0017"
    assert normalize("900101-0017", today) == "19900101-0017"
    assert normalize("9001010017", today) == "19900101-0017"
    assert normalize("200101-0017", today) is None  # Luhn fails for that date
    assert normalize("19900101-0018", today) is None
    assert normalize("not a number", today) is None
    born_2010 = normalize("100101-0004", today)
    assert born_2010 is None or born_2010.startswith("2010")
    plus = normalize("250101+0003", today)
    assert plus is None or plus.startswith("19")


def test_number_lists_are_ranges() -> None:
    assert number_list([4, 5, 6, 7]) == "4–7"
    assert number_list([1, 2]) == "1, 2"
    assert number_list([3]) == "3"
    assert number_list([1, 3, 4, 5, 9]) == "1, 3–5, 9"


def test_delmal_are_shortened_only_as_a_fallback() -> None:
    plan = build_plan(evaluate(SAMPLE, dt.date.fromisoformat(AS_OF)))
    bt = next(f for f in plan.forms if f.number == "2")
    field = bt.texts["Delmål som intyget avser tex BT1 BT2"]
    assert field.text.startswith("BT1, BT2, BT3")
    assert field.short is not None and "BT1–BT" in field.short
