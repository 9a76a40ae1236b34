"""Sign-offs in git: list, verify and create `st/arsgenomgang-N` tags, and find what changed.

The one module that runs git (`subprocess`, the real `git` on PATH). It signs nothing
itself: `git tag -s` signs (SSH by default, the user's OpenPGP set-up when git is
configured for it) and `git verify-tag` verifies, with `-c` options for this run only, so
the user's git configuration is never changed. Imported only when the repository has a
sign-off tag (`stcli.signoff.has_signoff_tags`) or by `st sign` / `st verify`.

What changed since signing: `git diff` names the files that differ from the signed commit
(working tree and index included, so a pre-commit run sees what is about to be committed),
`git ls-files --others` the new ones; only those are read from the signed commit
(`git cat-file --batch`), loaded by the same loader into a temporary folder and compared
entry by entry (`stcli.signoff.compare_year`).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from stcli.findings import Msg
from stcli.signoff import (
    ALLOWED_SIGNERS,
    BAD,
    ERROR,
    NO_PORTFOLIO,
    NO_PROFILE,
    NOT_HERE,
    TAG_PATTERN,
    TAG_PREFIX,
    UNCHECKED,
    UNKNOWN_KEY,
    UNSIGNED,
    VALID,
    SignOff,
    compare_year,
    parse_message,
)

if TYPE_CHECKING:
    from stcli.portfolio import Portfolio

GIT_TIMEOUT = 60  # seconds; signing may wait for a passphrase, hence not shorter
PROFILE_FILE = "st.yaml"


class GitError(Exception):
    """git is missing or failed; `msg` says so in the user's words (stcli/i18n)."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.key)
        self.msg = msg


class Repo(NamedTuple):
    top: Path  # the work tree's top folder
    prefix: str  # the portfolio's folder inside it, "" or ending in "/"

    def rel(self, path: str) -> str | None:
        """A repository path as the loader names it (relative to the portfolio), or None."""
        if not path.startswith(self.prefix):
            return None
        return path[len(self.prefix):]


def _env() -> dict[str, str]:
    # git's messages are translated; what we parse must be git's own (C locale).
    env = dict(os.environ)
    env.update({"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0"})
    return env


def git(repo_top: Path, *args: str, input_bytes: bytes | None = None,
        config: tuple[str, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    """Run `git -c … args` in `repo_top`; output as bytes, never raises on git's exit code."""
    command = ["git", "-c", "core.quotepath=off", "-c", "color.ui=never"]
    for item in config:
        command += ["-c", item]
    command += list(args)
    try:
        return subprocess.run(command, cwd=repo_top, input=input_bytes, capture_output=True,
                              env=_env(), timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError as error:
        raise GitError(Msg("sign.error.no_git", {})) from error
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(Msg("sign.error.git_failed", {"command": args[0] if args else "git",
                                                     "detail": type(error).__name__})) from error


def last_line(data: bytes) -> str:
    """git's last words (for a message), one line, at most 200 characters."""
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()
             if line.strip()]
    return lines[-1][:200] if lines else ""


def find_repo(root: Path) -> Repo | None:
    """The git work tree holding the portfolio at `root`, or None outside any.

    The nearest folder with a `.git` is the work tree's top (no git process: `st validate`
    pays for every one); git itself is asked only when GIT_DIR or GIT_WORK_TREE move it."""
    if not (os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE")):
        here = root.resolve()
        for folder in (here, *here.parents):
            if (folder / ".git").exists():
                prefix = here.relative_to(folder).as_posix()
                return Repo(folder, "" if prefix == "." else prefix + "/")
    result = git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    if result.returncode != 0:
        return None
    lines = result.stdout.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        return None  # a bare repository or the .git folder itself
    return Repo(Path(lines[0]), lines[1] if len(lines) > 1 else "")


def is_shallow(repo: Repo) -> bool:
    result = git(repo.top, "rev-parse", "--is-shallow-repository")
    return result.stdout.strip() == b"true"


class RawTag(NamedTuple):
    name: str
    year: int
    annotated: bool
    commit: str
    tagger: str
    date: dt.datetime | None
    message: str
    signature_format: str  # ssh | openpgp | x509 | ""


_FORMAT = "%00".join((
    "%(refname:strip=2)", "%(objecttype)", "%(objectname)", "%(*objectname)",
    "%(taggername) %(taggeremail)", "%(taggerdate:iso-strict)", "%(contents)",
    "%(contents:signature)")) + "%00%1e"


def list_tags(repo: Repo) -> list[RawTag]:
    """Every `st/arsgenomgang-N` tag, by year."""
    result = git(repo.top, "for-each-ref", f"--format={_FORMAT}", f"refs/tags/{TAG_PREFIX}*")
    if result.returncode != 0:
        raise GitError(Msg("sign.error.git_failed", {"command": "for-each-ref",
                                                     "detail": last_line(result.stderr)}))
    tags = []
    for record in result.stdout.decode("utf-8", "replace").split("\x00\x1e"):
        fields = record.lstrip("\n").split("\x00")
        if len(fields) < 8:
            continue
        name, kind, oid, peeled, tagger, when, message, signature = fields[:8]
        match = TAG_PATTERN.fullmatch(name)
        if match is None:
            continue
        annotated = kind == "tag"
        try:
            date = dt.datetime.fromisoformat(when) if when else None
        except ValueError:
            date = None
        tags.append(RawTag(name, int(match.group(1)), annotated,
                           peeled if annotated else oid, tagger.strip() if annotated else "",
                           date, message if annotated else "", _signature_format(signature)))
    tags.sort(key=lambda tag: tag.year)
    return tags


def _signature_format(signature: str) -> str:
    if "BEGIN SSH SIGNATURE" in signature:
        return "ssh"
    if "BEGIN PGP SIGNATURE" in signature:
        return "openpgp"
    if "BEGIN SIGNED MESSAGE" in signature:
        return "x509"
    return ""


class Verdict(NamedTuple):
    state: str
    principal: str = ""
    key: str = ""
    detail: str = ""


def verify_tag(repo: Repo, name: str, signature_format: str, allowed_signers: Path) -> Verdict:
    """`git verify-tag` against `allowed_signers` (SSH) or the user's keyring (OpenPGP)."""
    if not signature_format:
        return Verdict(UNSIGNED)
    config: tuple[str, ...] = ()
    if signature_format == "ssh":
        if not allowed_signers.is_file():
            return Verdict(UNKNOWN_KEY, detail=f"{allowed_signers.name}: missing")
        config = (f"gpg.ssh.allowedSignersFile={allowed_signers.resolve()}",)
    result = git(repo.top, "verify-tag", "--raw", f"refs/tags/{name}", config=config)
    words = result.stderr.decode("utf-8", "replace")
    principal, key = _signer_of(words)
    if result.returncode == 0:
        return Verdict(VALID, principal, key)
    lowered = words.lower()
    if "no principal matched" in lowered or "no_pubkey" in lowered \
            or ("errsig" in lowered and " 9" in lowered):
        return Verdict(UNKNOWN_KEY, principal, key, last_line(result.stderr))
    if "badsig" in lowered or "could not verify" in lowered or "verification failed" in lowered \
            or "incorrect signature" in lowered:
        return Verdict(BAD, principal, key, last_line(result.stderr))
    return Verdict(ERROR, principal, key, last_line(result.stderr))


def _signer_of(words: str) -> tuple[str, str]:
    """(principal, key) from git's SSH words or gpg's status lines."""
    import re

    ssh = re.search(r'Good "git" signature(?: for (.+?))? with (\S+) key (\S+)', words)
    if ssh:
        return ssh.group(1) or "", f"{ssh.group(2)} {ssh.group(3)}"
    good = re.search(r"\[GNUPG:\] (?:GOODSIG|BADSIG|EXPKEYSIG|REVKEYSIG) (\S+) (.*)", words)
    valid = re.search(r"\[GNUPG:\] VALIDSIG (\S+)", words)
    if good:
        return good.group(2).strip(), valid.group(1) if valid else good.group(1)
    missing = re.search(r"\[GNUPG:\] (?:NO_PUBKEY|ERRSIG) (\S+)", words)
    return "", missing.group(1) if missing else ""


def commits_here(repo: Repo, commits: list[str]) -> set[str]:
    """Which of the commits this clone holds (a shallow clone may lack a signed one)."""
    request = "".join(f"{commit}^{{tree}}\n" for commit in commits).encode()
    result = git(repo.top, "cat-file", "--batch-check", input_bytes=request)
    answers = result.stdout.decode("utf-8", "replace").splitlines()
    return {commit for commit, answer in zip(commits, answers, strict=False)
            if answer.endswith(" tree") or " tree " in answer}


def _paths(data: bytes) -> list[str]:
    return [p for p in data.decode("utf-8", "replace").split("\x00") if p]


def _loader_reads(rel: str) -> bool:
    """Whether the loader reads this portfolio-relative path (st.yaml, kinds' YAML files)."""
    from stcli.load import YAML_SUFFIXES
    from stcli.model import KINDS

    if rel == PROFILE_FILE:
        return True
    parts = rel.split("/")
    return (len(parts) > 1 and parts[0] in KINDS and parts[-1].lower().endswith(YAML_SUFFIXES)
            and not parts[-1].startswith("."))


def _pathspec(repo: Repo) -> str:
    """The portfolio's folder as a pathspec (git runs in the top folder)."""
    return repo.prefix or "."


def changed_since(repo: Repo, commit: str, untracked: list[str]) -> tuple[list[str], bool]:
    """Portfolio-relative files the loader reads that differ from `commit` (the working
    tree and the index against it, plus untracked ones), and whether allowed_signers does."""
    result = git(repo.top, "diff", "--name-only", "-z", "--no-renames", commit, "--",
                 _pathspec(repo))
    if result.returncode != 0:
        raise GitError(Msg("sign.error.git_failed", {"command": "diff",
                                                     "detail": last_line(result.stderr)}))
    relative = [r for r in (repo.rel(p) for p in _paths(result.stdout)) if r is not None]
    files = sorted({r for r in [*relative, *untracked] if _loader_reads(r)})
    return files, ALLOWED_SIGNERS in relative or ALLOWED_SIGNERS in untracked


def untracked_files(repo: Repo) -> list[str]:
    """Files git does not track, ignored ones included: the loader reads them all."""
    result = git(repo.top, "ls-files", "-z", "--others", "--",
                 _pathspec(repo))
    return [r for r in (repo.rel(p) for p in _paths(result.stdout)) if r is not None]


class Blob(NamedTuple):
    oid: str
    data: bytes


def read_blobs(repo: Repo, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], Blob]:
    """The files (commit, repository path) that exist, in one `git cat-file --batch`."""
    asked = [(commit, path) for commit, path in wanted if "\n" not in path]
    if not asked:
        return {}
    request = "".join(f"{commit}:{path}\n" for commit, path in asked).encode("utf-8")
    result = git(repo.top, "cat-file", "--batch", input_bytes=request)
    out = result.stdout
    found: dict[tuple[str, str], Blob] = {}
    offset = 0
    for key in asked:
        end = out.find(b"\n", offset)
        if end < 0:
            break
        header = out[offset:end].split()
        offset = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[key] = Blob(header[0].decode(), out[offset:offset + size])
            offset += size + 1
        elif len(header) == 3:  # a tree or other object at that path: skip its content
            offset += int(header[2]) + 1
    return found


def read_signoffs(root: Path, portfolio: Portfolio) -> tuple[SignOff, ...]:
    """Every sign-off of the repository holding `root`, compared with the current files;
    signatures UNCHECKED (`verify_signoffs` checks them: `st validate` needs only what
    changed, and verifying costs a git and an ssh-keygen or gpg per year).

    Work is shared between the years: one `git diff` per signed commit, one
    `git cat-file --batch` for all, and one load per distinct set of signed file versions
    (years signed on one commit, or whose changed files were the same then, share it)."""
    repo = find_repo(root)
    if repo is None:
        return ()
    tags = list_tags(repo)
    if not tags:
        return ()
    untracked = untracked_files(repo)
    present = commits_here(repo, [tag.commit for tag in tags])
    diffs: dict[str, tuple[list[str], bool]] = {}
    signoffs: list[SignOff] = []
    for tag in tags:
        verdict = Verdict(UNCHECKED if tag.signature_format else UNSIGNED)
        figures = parse_message(tag.message)
        signoff = SignOff(
            year=tag.year, tag=tag.name, commit=tag.commit, date=tag.date, tagger=tag.tagger,
            signer=figures.get("signer", ""), role=figures.get("role", ""), figures=figures,
            signature=verdict.state, signature_format=tag.signature_format,
            principal=verdict.principal, key=verdict.key, detail=verdict.detail,
            compared=False, not_compared="")
        if tag.commit not in present:
            signoff = signoff._replace(commit=None, not_compared=NOT_HERE)
        elif portfolio.profile is None:
            signoff = signoff._replace(not_compared=NO_PROFILE)
        else:
            if tag.commit not in diffs:
                diffs[tag.commit] = changed_since(repo, tag.commit, untracked)
            files, signers_changed = diffs[tag.commit]
            signoff = signoff._replace(signers_changed=signers_changed,
                                       compared=not files)
        signoffs.append(signoff)
    return tuple(_compare_all(repo, signoffs, diffs, portfolio))


def verify_signoffs(root: Path, signoffs: tuple[SignOff, ...],
                    allowed_signers: Path | None = None) -> tuple[SignOff, ...]:
    """The same sign-offs with their signatures verified: SSH against `allowed_signers`
    (default: the portfolio's .st/allowed_signers; `st verify --allowed-signers FILE`
    may name e.g. the region's own list), OpenPGP against the user's keyring."""
    repo = find_repo(root) if signoffs else None
    if repo is None:
        return signoffs
    allowed_signers = allowed_signers or root / ALLOWED_SIGNERS
    checked = []
    for signoff in signoffs:
        verdict = verify_tag(repo, signoff.tag, signoff.signature_format, allowed_signers)
        checked.append(signoff._replace(signature=verdict.state, principal=verdict.principal,
                                        key=verdict.key, detail=verdict.detail))
    return tuple(checked)


def _compare_all(repo: Repo, signoffs: list[SignOff], diffs: dict[str, tuple[list[str], bool]],
                 portfolio: Portfolio) -> list[SignOff]:
    """Fill in what changed for the sign-offs whose commit differs in files the loader reads."""
    pending = [s for s in signoffs if s.commit and not s.compared and not s.not_compared]
    if not pending:
        return signoffs
    wanted = sorted({(s.commit or "", repo.prefix + rel) for s in pending
                     for rel in (PROFILE_FILE, *diffs[s.commit or ""][0])})
    blobs = read_blobs(repo, wanted)
    loaded: dict[tuple[tuple[str, str], ...], Portfolio | None] = {}
    done: dict[str, SignOff] = {}
    for signoff in pending:
        commit = signoff.commit or ""
        files = diffs[commit][0]
        if (commit, repo.prefix + PROFILE_FILE) not in blobs:
            done[signoff.tag] = signoff._replace(not_compared=NO_PORTFOLIO)
            continue
        versions = tuple(sorted((rel, blobs[(commit, repo.prefix + rel)].oid)
                                for rel in (PROFILE_FILE, *files)
                                if (commit, repo.prefix + rel) in blobs))
        if versions not in loaded:
            loaded[versions] = _load_signed(repo, commit, versions, blobs)
        signed = loaded[versions]
        if signed is None or signed.profile is None:
            done[signoff.tag] = signoff._replace(not_compared=NO_PROFILE)
            continue
        changes = compare_year(signed, portfolio, signoff.year, frozenset(files))
        done[signoff.tag] = signoff._replace(compared=True, changes=changes)
    return [done.get(s.tag, s) for s in signoffs]


def _load_signed(repo: Repo, commit: str, versions: tuple[tuple[str, str], ...],
                 blobs: dict[tuple[str, str], Blob]) -> Portfolio | None:
    """The signed versions of st.yaml and the changed files, loaded by the same loader."""
    from stcli.load import load

    with tempfile.TemporaryDirectory(prefix="st-signed-") as folder:
        signed_root = Path(folder)
        for rel, _ in versions:
            target = signed_root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blobs[(commit, repo.prefix + rel)].data)
        return load(signed_root).portfolio


# --- st sign -------------------------------------------------------------------------------


def uncommitted(repo: Repo) -> list[str]:
    """Portfolio files that git would not sign as they are: the loader's files and
    `.st/` with changes or untracked (other files, e.g. a rendered report, do not matter)."""
    # --ignored: a git-ignored YAML file in an entry folder is read by st all the same
    result = git(repo.top, "status", "--porcelain", "-z", "--untracked-files=all",
                 "--ignored", "--", _pathspec(repo))
    if result.returncode != 0:
        raise GitError(Msg("sign.error.git_failed", {"command": "status",
                                                     "detail": last_line(result.stderr)}))
    found = []
    records = result.stdout.decode("utf-8", "replace").split("\x00")
    skip = False
    for record in records:
        if skip:  # the source path of a rename
            skip = False
            continue
        if len(record) < 4:
            continue
        status, path = record[:2], record[3:]
        skip = "R" in status or "C" in status
        rel = repo.rel(path)
        if rel is not None and (_loader_reads(rel) or rel.startswith(".st/")):
            found.append(rel)
    return sorted(set(found))


def head_commit(repo: Repo) -> str | None:
    result = git(repo.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if result.returncode != 0:
        return None
    return result.stdout.decode().strip() or None


def tag_exists(repo: Repo, name: str) -> bool:
    return git(repo.top, "rev-parse", "--verify", "--quiet",
               f"refs/tags/{name}").returncode == 0


def config_value(repo: Repo, key: str) -> str:
    result = git(repo.top, "config", "--get", key)
    return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else ""


class SigningSetup(NamedTuple):
    config: tuple[str, ...]  # -c options for this run
    format: str  # ssh | openpgp | x509
    key: str  # the key (path or id) used, "" for git's own default


DEFAULT_SSH_KEYS = ("id_ed25519", "id_ecdsa", "id_rsa")


def signing_setup(repo: Repo, key: Path | None) -> SigningSetup | None:
    """How to sign: `--key` means SSH with that key; else the user's git set-up when it
    names a format or a key (OpenPGP is git's default format); else SSH with the first of
    ~/.ssh/id_ed25519, id_ecdsa, id_rsa. None: no key to be found."""
    if key is not None:
        return SigningSetup(("gpg.format=ssh", f"user.signingkey={key}"), "ssh", str(key))
    configured_format = config_value(repo, "gpg.format")
    configured_key = config_value(repo, "user.signingkey")
    if configured_format or configured_key:
        return SigningSetup((), configured_format or "openpgp", configured_key)
    ssh = Path.home() / ".ssh"
    for name in DEFAULT_SSH_KEYS:
        candidate = ssh / name
        if candidate.is_file() and (ssh / f"{name}.pub").is_file():
            return SigningSetup(("gpg.format=ssh", f"user.signingkey={candidate}"), "ssh",
                                str(candidate))
    return None


def create_tag(repo: Repo, name: str, message: str, setup: SigningSetup,
               extra_config: tuple[str, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    """`git tag -s` on HEAD with `message` (read from a file: the terminal stays free for
    a passphrase prompt). Returns git's result; the caller words a failure."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                     delete=False) as handle:
        handle.write(message)
        path = handle.name
    try:
        command = ["git", "-c", "core.quotepath=off"]
        for item in (*setup.config, *extra_config):
            command += ["-c", item]
        command += ["tag", "-s", "--cleanup=whitespace", "-F", path, name, "HEAD"]
        try:
            # stdin is inherited: ssh-keygen or pinentry may ask for the passphrase.
            return subprocess.run(command, cwd=repo.top, capture_output=True, env=_env(),
                                  check=False)
        except FileNotFoundError as error:
            raise GitError(Msg("sign.error.no_git", {})) from error
    finally:
        os.unlink(path)
