"""`st sign`, `st verify` and rule M014 with the real git and real keys from ssh-keygen.

Every test runs in a temporary HOME (no ~/.gitconfig, no ~/.ssh of the user's), with keys
made by `ssh-keygen` there: anna (the supervisor, in .st/allowed_signers) and eve (not).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.findings import Severity
from stcli.signoff import parse_message
from tests.conftest import line_containing, write_portfolio

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("ssh-keygen") is None,
    reason="git and ssh-keygen are needed")

runner = CliRunner()
AS_OF = "2025-03-01"
TAG = "st/arsgenomgang-1"
PROFILE = """\
trainee: Test Testsson
regulation: HSLF-FS 2021:8
start: 2023-01-01
home_unit: Vårdcentralen Test
employment:
  - {from: 2023-01-01, percent: 100}
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}
"""
SUPERVISION_2023 = """\
- date: 2023-01-11
  minutes: 60
  supervisor: anna
- date: 2023-03-01
  minutes: 45
  supervisor: anna
- date: 2023-06-07
  minutes: 90
  supervisor: anna
"""
ASSESSMENTS = """\
- date: 2023-04-04
  method: mini-cex
  assessor: anna
  delmal: [STc1]
- date: 2024-02-02
  method: dops
  assessor: anna
  delmal: [STc2]
"""


class Keys:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.anna = self._make("anna")
        self.eve = self._make("eve")

    def _make(self, name: str) -> Path:
        path = self.home / ".keys" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                        str(path)], check=True, capture_output=True)
        return path


@pytest.fixture()
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Keys:
    home = tmp_path / "home"
    home.mkdir()
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ST_LANG", "en")
    return Keys(home)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, text=True, capture_output=True,
                          check=check)


def st(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.output


def make_repo(root: Path) -> Path:
    write_portfolio(root, {"supervision/2023.yaml": SUPERVISION_2023,
                           "assessments/all.yaml": ASSESSMENTS}, profile=PROFILE)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Trainee Tränare")
    git(root, "config", "user.email", "trainee@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "portfolio")
    return root


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture()
def signed(tmp_path: Path, keys: Keys) -> Path:
    """A repository whose ST year 1 anna has signed, her key in .st/allowed_signers."""
    root = make_repo(tmp_path / "portfolio")
    code, out = st("sign", str(root), "--add-signer", "anna@example.org", f"{keys.anna}.pub")
    assert code == 0, out
    commit_all(root, "signer anna")
    code, out = st("sign", str(root), "--year", "1", "--key", str(keys.anna), "--name",
                   "Anna Berg", "--as-of", AS_OF)
    assert code == 0, out
    return root


def m014(root: Path) -> list[tuple[str, int | None, str]]:
    evaluation = evaluate(root, dt.date.fromisoformat(AS_OF))
    return [(f.position.file or "", f.position.line, f.message.render("en"))
            for f in evaluation.findings if f.code == "M014"]


# --- signing -------------------------------------------------------------------------------


def test_sign_makes_a_signed_tag_with_the_years_figures(signed: Path, keys: Keys) -> None:
    assert git(signed, "cat-file", "-t", TAG).stdout.strip() == "tag"
    raw = git(signed, "cat-file", "tag", TAG).stdout
    assert "-----BEGIN SSH SIGNATURE-----" in raw
    assert git(signed, "rev-parse", f"{TAG}^{{commit}}").stdout == git(
        signed, "rev-parse", "HEAD").stdout
    figures = parse_message(git(signed, "tag", "-l", "--format=%(contents)", TAG).stdout)
    assert figures["st-year"] == "1"
    assert figures["period"] == "2023-01-01..2023-12-31"
    assert figures["signer"] == "Anna Berg"
    assert figures["role"] == "handledare"
    assert figures["served-months-year"] == "12.00"
    assert figures["supervision-sessions"] == "3"
    assert figures["supervision-minutes"] == "195"
    assert figures["assessments"] == "1"
    assert figures["assessment-methods"] == "mini-cex=1"
    assert figures["findings-error"] == "0"
    assert figures["commit"] == git(signed, "rev-parse", "HEAD").stdout.strip()
    # git itself finds the signature good with the repository's allowed_signers
    check = git(signed, "-c", "gpg.ssh.allowedSignersFile=.st/allowed_signers",
                "verify-tag", TAG, check=False)
    assert check.returncode == 0, check.stderr
    assert 'Good "git" signature for anna@example.org' in check.stderr


def test_verify_valid_and_unchanged(signed: Path) -> None:
    code, out = st("verify", str(signed), "--as-of", AS_OF)
    assert code == 0, out
    assert "ST year 1 (2023-01-01–2023-12-31): signed" in out
    assert "by Anna Berg, handledare (st/arsgenomgang-1" in out
    assert "signature: valid · anna@example.org ED25519 SHA256:" in out
    assert "unchanged since signing" in out
    assert "ST year 2 (2024-01-01–2024-12-31): not signed" in out
    code, out = st("verify", str(signed), "--as-of", AS_OF, "--json")
    document = json.loads(out)
    assert code == 0 and document["ok"] is True and document["shallow"] is False
    first = document["signoffs"][0]
    assert (first["signed"], first["signature"], first["principal"], first["changes"]) == (
        True, "valid", "anna@example.org", [])
    assert document["signoffs"][1] == {"st_year": 2, "start": "2024-01-01",
                                       "end": "2024-12-31", "signed": False}
    assert m014(signed) == []


def test_status_and_reports_show_the_sign_off(signed: Path) -> None:
    code, out = st("status", str(signed), "--as-of", AS_OF, "--json")
    rows = json.loads(out)["signoffs"]
    assert [(r["st_year"], r["signed"]) for r in rows] == [(1, True), (2, False), (3, False)]
    assert rows[0]["signer"] == "Anna Berg" and rows[0]["signature"] == "valid"
    code, out = st("status", str(signed), "--as-of", AS_OF, "--width", "100")
    assert "Annual reviews" in out
    assert "ST year 1: 20" in out and "Anna Berg (handledare) · valid" in out
    assert "ST year 2: not signed" in out
    code, out = st("report", str(signed), "--annual", "--year", "1", "--as-of", AS_OF)
    assert code == 0, out
    assert "## Signed annual review" in out
    assert "| 1 | Anna Berg (handledare) |" in out and "| valid | unchanged |" in out


def test_refusals(signed: Path, keys: Keys) -> None:
    code, out = st("sign", str(signed), "--year", "1", "--key", str(keys.anna))
    assert code == 1 and "ST year 1 is already signed (st/arsgenomgang-1)" in out
    assert "git tag -d st/arsgenomgang-1" in out
    code, out = st("sign", str(signed), "--year", "9", "--key", str(keys.anna),
                   "--as-of", AS_OF)
    assert code == 2 and "there is no ST year 9" in out
    (signed / "supervision" / "2024.yaml").write_text(
        "- date: 2024-05-05\n  minutes: 60\n  supervisor: anna\n", encoding="utf-8")
    code, out = st("sign", str(signed), "--year", "2", "--key", str(keys.anna),
                   "--as-of", AS_OF)
    assert code == 1 and "not committed (supervision/2024.yaml)" in out
    assert git(signed, "tag", "-l", "st/*").stdout.split() == [TAG]  # nothing signed
    (signed / "supervision" / "2024.yaml").unlink()
    (signed / ".gitignore").write_text("supervision/private.yaml\n", encoding="utf-8")
    commit_all(signed, "ignore a file")
    (signed / "supervision" / "private.yaml").write_text(
        "- date: 2024-05-06\n  minutes: 60\n  supervisor: anna\n", encoding="utf-8")
    code, out = st("sign", str(signed), "--year", "2", "--key", str(keys.anna),
                   "--as-of", AS_OF)
    assert code == 1 and "not committed (supervision/private.yaml)" in out  # st reads it
    code, out = st("sign", str(signed), "--year", "2", "--key", str(keys.anna),
                   "--role", "chef", "--as-of", AS_OF)
    assert code == 2 and "unknown role `chef`" in out


def test_errors_in_the_year_refuse_signing(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    (root / "supervision" / "2023.yaml").write_text(
        SUPERVISION_2023 + "- date: 2023-08-30\n  minutes: 1:30\n  supervisor: anna\n",
        encoding="utf-8")
    commit_all(root, "a broken entry in year 1")
    code, out = st("sign", str(root), "--year", "1", "--key", str(keys.anna), "--name",
                   "Anna Berg", "--as-of", AS_OF)
    assert code == 1, out
    assert "ST year 1 has 1 error (below)" in out
    assert "supervision/2023.yaml:11:12: error D004" in out
    assert git(root, "tag", "-l").stdout == ""


def test_no_key_anywhere(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    code, out = st("sign", str(root), "--year", "1", "--as-of", AS_OF)
    assert code == 2 and "no key to sign with" in out


# --- tampering -----------------------------------------------------------------------------


def test_changed_entry_of_a_signed_year_is_m014(signed: Path) -> None:
    path = signed / "supervision" / "2023.yaml"
    path.write_text(SUPERVISION_2023.replace("minutes: 45", "minutes: 75")
                    # a year-2 session in the same file is not a change of year 1
                    + "- date: 2024-01-10\n  minutes: 60\n  supervisor: anna\n",
                    encoding="utf-8")
    line = line_containing(signed, "supervision/2023.yaml", "2023-03-01")
    found = m014(signed)
    assert [(f, n) for f, n, _ in found] == [("supervision/2023.yaml", line)]
    assert "entry 2023-03-01 in supervision/2023.yaml was changed after signing" in found[0][2]
    code, out = st("validate", str(signed), "--as-of", AS_OF)
    assert code == 0, out  # a warning
    assert f"supervision/2023.yaml:{line}:3: warning M014 signed-year-changed" in out
    assert st("validate", str(signed), "--as-of", AS_OF, "--strict")[0] == 1
    code, out = st("verify", str(signed), "--as-of", AS_OF)
    assert code == 1, out
    assert "1 entry changed after signing:" in out
    assert f"supervision/2023.yaml:{line}:3  changed  2023-03-01" in out
    # committed, the change is still a change since signing
    commit_all(signed, "more minutes")
    assert [(f, n) for f, n, _ in m014(signed)] == [("supervision/2023.yaml", line)]


def test_added_removed_and_moved_entries(signed: Path) -> None:
    assessments = signed / "assessments" / "all.yaml"
    text = ASSESSMENTS.replace("- date: 2023-04-04\n  method: mini-cex\n  assessor: anna\n"
                               "  delmal: [STc1]\n", "")
    assessments.write_text(text, encoding="utf-8")
    # the removed assessment moves, unchanged, to a new file: no change
    (signed / "assessments" / "2023.yaml").write_text(
        "# moved\n- date: 2023-04-04\n  method: mini-cex\n  assessor: anna\n"
        "  delmal: [STc1]\n", encoding="utf-8")
    assert m014(signed) == []
    (signed / "assessments" / "2023.yaml").write_text(
        "- {date: 2023-10-10, method: dops, assessor: anna, delmal: [STc3]}\n",
        encoding="utf-8")
    found = {(n, text.split(" in ")[0].split("entry ")[1]) for _, n, text in m014(signed)}
    assert found == {(None, "2023-04-04 (mini-cex)"), (1, "2023-10-10 (dops)")}


def test_profile_change_that_moves_the_year_is_m014(signed: Path) -> None:
    (signed / "st.yaml").write_text(PROFILE.replace("percent: 100", "percent: 50"),
                                    encoding="utf-8")
    found = m014(signed)
    assert [(f, n) for f, n, _ in found] == [("st.yaml", 6)]
    assert "fields that decide the year's figures: employment" in found[0][2]
    # a new supervisor's details are not a change of the signed year
    (signed / "st.yaml").write_text(
        PROFILE + "  - {id: bo, name: Bo Ek, specialty: allmanmedicin, role: co}\n",
        encoding="utf-8")
    assert m014(signed) == []


def test_portfolio_in_a_subfolder_of_the_repository(tmp_path: Path, keys: Keys) -> None:
    top = tmp_path / "repo"
    root = write_portfolio(top / "st" / "portfölj", {"supervision/2023.yaml": SUPERVISION_2023},
                           profile=PROFILE)
    (top / "notes.txt").write_text("not the portfolio\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "T")
    git(top, "config", "user.email", "t@example.org")
    commit_all(top, "all")
    (top / "notes.txt").write_text("changed, outside the portfolio\n", encoding="utf-8")
    code, out = st("sign", str(root), "--year", "1", "--key", str(keys.anna), "--name",
                   "Anna Berg", "--as-of", AS_OF)
    assert code == 0, out  # a change outside the portfolio does not block signing
    assert m014(root) == []
    (root / "supervision" / "2023.yaml").write_text(
        SUPERVISION_2023.replace("minutes: 90", "minutes: 30"), encoding="utf-8")
    assert [(f, n) for f, n, _ in m014(root)] == [("supervision/2023.yaml", 7)]


# --- signatures ----------------------------------------------------------------------------


def test_key_not_in_allowed_signers_is_not_valid(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    st("sign", str(root), "--add-signer", "anna@example.org", f"{keys.anna}.pub")
    commit_all(root, "signer anna")
    code, out = st("sign", str(root), "--year", "1", "--key", str(keys.eve), "--name",
                   "Anna Berg", "--as-of", AS_OF)
    assert code == 0, out
    assert "cannot be checked against .st/allowed_signers (unknown key" in out
    code, out = st("verify", str(root), "--as-of", AS_OF)
    assert code == 1, out
    assert "signature: unknown key (not in allowed_signers)" in out
    assert "1 of 1 sign-offs are invalid or changed after signing." in out
    document = json.loads(st("verify", str(root), "--as-of", AS_OF, "--json")[1])
    assert document["signoffs"][0]["signature"] == "unknown-key"
    assert document["signoffs"][0]["key"].startswith("ED25519 SHA256:")
    # the region's own list, which names eve, makes it valid (and says whom)
    region = tmp_path / "region_signers"
    region.write_text(f"eve@example.org {(keys.eve.with_suffix('.pub')).read_text()}",
                      encoding="utf-8")
    code, out = st("verify", str(root), "--as-of", AS_OF, "--allowed-signers", str(region))
    assert code == 0, out
    assert "signature: valid · eve@example.org" in out


def test_allowed_signers_changed_since_signing_is_said(signed: Path, keys: Keys) -> None:
    assert "has changed since signing" not in st("verify", str(signed), "--as-of", AS_OF)[1]
    code, out = st("sign", str(signed), "--add-signer", "eve@example.org", f"{keys.eve}.pub")
    assert code == 0, out
    commit_all(signed, "signer eve")
    code, out = st("verify", str(signed), "--as-of", AS_OF)
    assert code == 0, out  # still valid: anna's key is there
    assert ".st/allowed_signers has changed since signing" in out
    assert m014(signed) == []  # not an entry of the year


def test_a_forged_tag_message_is_a_bad_signature(signed: Path) -> None:
    raw = git(signed, "cat-file", "tag", TAG).stdout
    forged = raw.replace("signer: Anna Berg", "signer: Eve Evil")
    assert forged != raw
    oid = subprocess.run(["git", "mktag"], cwd=signed, input=forged, text=True,
                         capture_output=True, check=True).stdout.strip()
    git(signed, "update-ref", f"refs/tags/{TAG}", oid)
    code, out = st("verify", str(signed), "--as-of", AS_OF)
    assert code == 1, out
    assert "signature: INVALID signature" in out


def test_unsigned_tag_is_shown_as_unsigned(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    git(root, "tag", "-a", "-m", "not signed", TAG)
    code, out = st("verify", str(root), "--as-of", AS_OF)
    assert code == 1 and "signature: unsigned tag" in out


@pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg is not installed")
def test_openpgp_when_git_is_set_up_for_it(tmp_path: Path, keys: Keys,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    gnupg = tmp_path / "gnupg"
    gnupg.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(gnupg))
    try:
        subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                        "Anna Berg <anna@example.org>", "ed25519", "sign", "never"],
                       check=True, capture_output=True, timeout=120)
        root = make_repo(tmp_path / "p")
        git(root, "config", "user.signingkey", "anna@example.org")  # git's default: OpenPGP
        code, out = st("sign", str(root), "--year", "1", "--name", "Anna Berg",
                       "--as-of", AS_OF)
        assert code == 0, out
        assert "(openpgp)" in out
        assert "-----BEGIN PGP SIGNATURE-----" in git(root, "cat-file", "tag", TAG).stdout
        code, out = st("verify", str(root), "--as-of", AS_OF)
        assert code == 0, out
        assert "signature: valid · Anna Berg <anna@example.org>" in out
        # someone whose keyring lacks Anna's key cannot call it valid
        other = tmp_path / "other-gnupg"
        other.mkdir(mode=0o700)
        monkeypatch.setenv("GNUPGHOME", str(other))
        code, out = st("verify", str(root), "--as-of", AS_OF)
        assert code == 1 and "signature: unknown key" in out, out
    finally:
        for home in (gnupg, tmp_path / "other-gnupg"):
            subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"],
                           capture_output=True, check=False)


def test_add_signer_checks_name_and_key(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    code, out = st("sign", str(root), "--add-signer", "Anna Berg", f"{keys.anna}.pub")
    assert code == 2 and "cannot name a signer" in out
    code, out = st("sign", str(root), "--add-signer", "anna@example.org", str(root / "st.yaml"))
    assert code == 2 and "is not a public SSH key" in out
    # the private key's path is taken as its .pub; a second time changes nothing
    code, out = st("sign", str(root), "--add-signer", "anna@example.org", str(keys.anna))
    assert code == 0, out
    fingerprint = subprocess.run(["ssh-keygen", "-l", "-f", f"{keys.anna}.pub"],
                                 capture_output=True, text=True, check=True).stdout.split()[1]
    assert fingerprint in out  # the same fingerprint ssh-keygen prints
    code, out = st("sign", str(root), "--add-signer", "anna@example.org", f"{keys.anna}.pub")
    assert code == 0 and "already in" in out
    lines = (root / ".st" / "allowed_signers").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith('anna@example.org namespaces="git" ssh-ed25519 ')


# --- without git, and in a shallow clone --------------------------------------------------


def test_no_git_repository(tmp_path: Path, keys: Keys) -> None:
    root = write_portfolio(tmp_path / "plain", {"supervision/2023.yaml": SUPERVISION_2023},
                           profile=PROFILE)
    code, out = st("sign", str(root), "--year", "1", "--key", str(keys.anna))
    assert code == 2 and "is not in a git repository" in out
    code, out = st("verify", str(root))
    assert code == 2 and "is not in a git repository" in out
    assert st("validate", str(root), "--as-of", AS_OF)[0] == 0  # validate needs no git


def test_no_git_on_path(signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    (signed / "supervision" / "2023.yaml").write_text(
        SUPERVISION_2023.replace("minutes: 90", "minutes: 30"), encoding="utf-8")
    monkeypatch.setenv("PATH", str(empty))
    code, out = st("verify", str(signed), "--as-of", AS_OF)
    assert code == 2 and "git is missing" in out
    code, out = st("sign", str(signed), "--year", "2", "--name", "A", "--as-of", AS_OF)
    assert code == 2 and "git is missing" in out
    code, out = st("validate", str(signed), "--as-of", AS_OF)
    assert code == 0 and "M014" not in out  # without git the sign-offs cannot be read


def test_shallow_clone(signed: Path, tmp_path: Path) -> None:
    (signed / "supervision" / "2024.yaml").write_text(
        "- date: 2024-05-05\n  minutes: 60\n  supervisor: anna\n", encoding="utf-8")
    commit_all(signed, "year 2")  # the signed commit is no longer the newest
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", signed.as_uri(), str(clone))
    # depth 1 brings only the newest commit, and no tag pointing elsewhere
    code, out = st("verify", str(clone), "--as-of", AS_OF)
    assert code == 0, out
    assert "ST year 1 (2023-01-01–2023-12-31): not signed" in out
    assert "Shallow clone: sign-offs of commits that are not here are not fetched" in out
    # fetching the tags brings the signed commit's objects: everything can be told again
    git(clone, "fetch", "-q", "--tags")
    assert git(clone, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    code, out = st("verify", str(clone), "--as-of", AS_OF)
    assert code == 0, out
    assert "signature: valid · anna@example.org" in out
    assert "unchanged since signing" in out
    (clone / "supervision" / "2023.yaml").write_text(
        SUPERVISION_2023.replace("minutes: 90", "minutes: 30"), encoding="utf-8")
    line = line_containing(clone, "supervision/2023.yaml", "2023-06-07")
    assert [(f, n) for f, n, _ in m014(clone)] == [("supervision/2023.yaml", line)]


def test_signed_commit_not_in_clone_is_info_not_a_warning() -> None:
    """The rule over a record whose commit is missing: info, and it says why."""
    from stcli.portfolio import Portfolio
    from stcli.rules import RuleContext, all_rules
    from stcli.signoff import NOT_HERE, UNCHECKED, SignOff

    record = SignOff(1, TAG, None, None, "", "Anna Berg", "handledare", {}, UNCHECKED, "ssh",
                     "", "", "", False, NOT_HERE)
    portfolio = Portfolio(root=".", signoffs=(record,))
    check = all_rules()["M014"].check
    assert check is not None
    # M014 reads only the portfolio's sign-off records
    context = RuleContext("M014", portfolio, None, None, None, None,  # type: ignore[arg-type]
                          dt.date(2025, 3, 1))
    found = list(check(context))
    assert [(f.severity, f.message.key) for f in found] == [(Severity.INFO,
                                                             "rule.M014.not_here")]


# --- st validate stays light ----------------------------------------------------------------

SNIPPET = """
import sys
from stcli.cli import app
try:
    app(["validate", sys.argv[1], "--as-of", "2025-03-01"])
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)))
"""


def _modules(root: Path) -> set[str]:
    result = subprocess.run([sys.executable, "-c", SNIPPET, str(root)], text=True,
                            capture_output=True, check=True)
    return set(result.stdout.split())


def test_validate_starts_no_git_without_sign_off_tags(tmp_path: Path, keys: Keys) -> None:
    root = make_repo(tmp_path / "p")
    git(root, "tag", "v1")  # another tag: not a sign-off
    assert "stcli.gitsign" not in _modules(root)
    git(root, "tag", "-a", "-m", "review", TAG)
    assert "stcli.gitsign" in _modules(root)
    git(root, "pack-refs", "--all")  # the tag now only in packed-refs
    assert not (root / ".git" / "refs" / "tags" / "st").exists() or not any(
        (root / ".git" / "refs" / "tags" / "st").iterdir())
    assert "stcli.gitsign" in _modules(root)


def test_a_git_pre_commit_hook_sees_staged_changes_of_a_signed_year(signed: Path) -> None:
    """git runs the hook with its own environment (GIT_INDEX_FILE for `commit -a`)."""
    hook = signed / ".git" / "hooks" / "pre-commit"
    hook.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m stcli validate --strict '
                    f'--as-of {AS_OF} --lang en\n', encoding="utf-8")
    hook.chmod(0o755)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    year_2 = signed / "supervision" / "2024.yaml"
    year_2.write_text("- date: 2024-05-05\n  minutes: 60\n  supervisor: anna\n",
                      encoding="utf-8")
    path = signed / "supervision" / "2023.yaml"
    path.write_text(SUPERVISION_2023.replace("minutes: 60", "minutes: 20"), encoding="utf-8")
    git(signed, "add", str(year_2))
    refused = subprocess.run(["git", "commit", "-a", "-m", "edit year 1"], cwd=signed,
                             text=True, capture_output=True, env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "supervision/2023.yaml:1:3: warning M014" in output, output
    path.write_text(SUPERVISION_2023, encoding="utf-8")
    accepted = subprocess.run(["git", "commit", "-a", "-m", "year 2 only"], cwd=signed,
                              text=True, capture_output=True, env=env)
    output = accepted.stdout + accepted.stderr
    # the hook ran (other warnings of this small portfolio fail --strict), without M014
    assert "warning H002" in output and "M014" not in output, output


def _stable(text: str, root: Path) -> str:
    """The parts that differ between runs (path, commit, key, today) as placeholders."""
    import re

    text = text.replace(str(root), "<portfolio>")
    text = re.sub(r"SHA256:[A-Za-z0-9+/]{43}", "SHA256:<fingerprint>", text)
    text = re.sub(r"commit [0-9a-f]{12}", "commit <commit>", text)
    return text.replace(dt.date.today().isoformat(), "<today>")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_verify_text_golden(signed: Path, lang: str) -> None:
    from tests.conftest import REPO, assert_golden

    (signed / "supervision" / "2023.yaml").write_text(
        SUPERVISION_2023.replace("minutes: 45", "minutes: 75").replace(
            "- date: 2023-01-11\n  minutes: 60\n  supervisor: anna\n", ""), encoding="utf-8")
    (signed / "assessments" / "2023.yaml").write_text(
        "- {date: 2023-10-10, method: dops, assessor: anna, delmal: [STc3]}\n",
        encoding="utf-8")
    code, out = st("verify", str(signed), "--as-of", AS_OF, "--lang", lang)
    assert code == 1, out
    assert_golden(REPO / "tests" / "golden" / "sign" / f"verify_changed.{lang}.txt",
                  _stable(out, signed))
