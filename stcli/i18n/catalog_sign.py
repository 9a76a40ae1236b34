"""Messages of `st sign`, `st verify`, rule M014 and the sign-off lines of `st status` and
reports: (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- M014 signed-year-changed -------------------------------------------------------------
    "rule.M014.doc": (
        "En post i ett ST-år som handledaren har signerat med `st sign` (git-taggen "
        "`st/arsgenomgang-N`) har ändrats, lagts till eller tagits bort efter signeringen, "
        "eller så har st.yaml ändrats i fält som avgör årets siffror (start, föreskrift, "
        "anställning, tillgodoräknad tid, BT). Det som signerades stämmer då inte längre med "
        "filerna. Jämförelsen görs mot den signerade committen i git (arbetskopian och "
        "indexet räknas, så pre-commit-kroken ser det som ska checkas in). Om signaturen är "
        "giltig visar `st verify`. I en grund klon (`git clone --depth 1`) där den signerade "
        "committen saknas kan inget jämföras; det sägs som info.",
        "An entry of an ST year that the supervisor signed with `st sign` (the git tag "
        "`st/arsgenomgang-N`) was changed, added or removed after signing, or st.yaml changed "
        "in fields that decide the year's figures (start, regulation, employment, credited "
        "time, BT). What was signed no longer matches the files. The comparison is with the "
        "signed commit in git (working tree and index count, so the pre-commit hook sees what "
        "is about to be committed). Whether the signature is valid is shown by `st verify`. "
        "In a shallow clone (`git clone --depth 1`) without the signed commit nothing can be "
        "compared; an info finding says so.",
    ),
    "rule.M014.changed": (
        "ST-år {year} är signerat ({tag}, {date}, {signer}), men posten {what} i {file} har "
        "ändrats efter signeringen",
        "ST year {year} is signed ({tag}, {date}, {signer}), but the entry {what} in {file} "
        "was changed after signing",
    ),
    "rule.M014.added": (
        "ST-år {year} är signerat ({tag}, {date}, {signer}), men posten {what} i {file} har "
        "lagts till efter signeringen",
        "ST year {year} is signed ({tag}, {date}, {signer}), but the entry {what} in {file} "
        "was added after signing",
    ),
    "rule.M014.removed": (
        "ST-år {year} är signerat ({tag}, {date}, {signer}), men posten {what} i {file} har "
        "tagits bort efter signeringen",
        "ST year {year} is signed ({tag}, {date}, {signer}), but the entry {what} in {file} "
        "was removed after signing",
    ),
    "rule.M014.profile": (
        "ST-år {year} är signerat ({tag}, {date}, {signer}), men {file} har ändrats efter "
        "signeringen i fält som avgör årets siffror: {what}",
        "ST year {year} is signed ({tag}, {date}, {signer}), but {file} was changed after "
        "signing in fields that decide the year's figures: {what}",
    ),
    "rule.M014.not_here": (
        "ST-år {year} är signerat ({tag}, {date}, {signer}), men den signerade committen "
        "finns inte i den här klonen: ändringar efter signeringen kan inte jämföras",
        "ST year {year} is signed ({tag}, {date}, {signer}), but the signed commit is not in "
        "this clone: changes since signing cannot be compared",
    ),
    "rule.M014.resign": (
        "om ändringen är avsedd: visa den för handledaren, som signerar om med "
        "`git tag -d {tag}` och `st sign --year {year}`; annars ta tillbaka ändringen",
        "if the change is intended: show it to the supervisor, who signs again with "
        "`git tag -d {tag}` and `st sign --year {year}`; otherwise undo the change",
    ),
    "rule.M014.fetch": (
        "hämta historiken med `git fetch --unshallow --tags` och kör `st verify`",
        "fetch the history with `git fetch --unshallow --tags` and run `st verify`",
    ),
    # --- errors of st sign and st verify ------------------------------------------------------
    "sign.error.no_git": (
        "git finns inte (kommandot `git` hittades inte): signering bygger på git",
        "git is missing (no `git` command found): sign-off is built on git",
    ),
    "sign.error.git_failed": (
        "git {command} misslyckades: {detail}",
        "git {command} failed: {detail}",
    ),
    "sign.error.not_a_repo": (
        "{path} ligger inte i ett git-förråd: signering och kontroll bygger på git "
        "(`git init`, `git add -A`, `git commit`)",
        "{path} is not in a git repository: sign-off and verification are built on git "
        "(`git init`, `git add -A`, `git commit`)",
    ),
    "sign.error.no_commit": (
        "förrådet har ingen commit än: checka in portföljen först",
        "the repository has no commit yet: commit the portfolio first",
    ),
    "sign.error.no_profile": (
        "st.yaml kan inte läsas (kör `st validate`): inget ST-år att signera",
        "st.yaml cannot be read (run `st validate`): no ST year to sign",
    ),
    "sign.error.what": (
        "ange `--year N` (signera ST-år N) eller `--add-signer NAMN NYCKEL`",
        "give `--year N` (sign ST year N) or `--add-signer NAME KEY`",
    ),
    "sign.error.bad_year": (
        "ST-år {year} finns inte: ST-år 1–{last} har börjat per {as_of}",
        "there is no ST year {year}: ST years 1–{last} have begun by {as_of}",
    ),
    "sign.error.uncommitted": (
        "portföljen har ändringar som inte är incheckade ({files}): signaturen ska gälla "
        "exakt det som granskats; checka in (`git add -A && git commit`) eller ta bort "
        "ändringarna först",
        "the portfolio has changes that are not committed ({files}): the signature must "
        "cover exactly what was reviewed; commit (`git add -A && git commit`) or drop the "
        "changes first",
    ),
    "sign.error.year_errors": (
        "ST-år {year} har {count} fel (nedan): rätta dem och checka in innan året signeras",
        "ST year {year} has {count|error|errors} (below): fix them and commit before the year is "
        "signed",
    ),
    "sign.error.tag_exists": (
        "ST-år {year} är redan signerat ({tag}). En signering skrivs inte över: ska året "
        "signeras om, ta först bort den gamla med `git tag -d {tag}` (och `git push --delete "
        "origin {tag}` om den har skickats)",
        "ST year {year} is already signed ({tag}). A sign-off is never overwritten: to sign "
        "the year again, first delete the old one with `git tag -d {tag}` (and `git push "
        "--delete origin {tag}` if it was pushed)",
    ),
    "sign.error.no_key": (
        "ingen nyckel att signera med: ange `--key ~/.ssh/id_ed25519` (skapa en med "
        "`ssh-keygen -t ed25519`) eller ställ in git (`user.signingkey`, `gpg.format`)",
        "no key to sign with: give `--key ~/.ssh/id_ed25519` (make one with "
        "`ssh-keygen -t ed25519`) or set up git (`user.signingkey`, `gpg.format`)",
    ),
    "sign.error.key_missing": (
        "nyckeln {path} finns inte",
        "the key {path} does not exist",
    ),
    "sign.error.no_name": (
        "vem signerar? ange `--name \"För Efternamn\"` (eller `git config user.name`)",
        "who signs? give `--name \"First Last\"` (or `git config user.name`)",
    ),
    "sign.error.bad_role": (
        "okänd roll `{role}`; välj bland: {choices}",
        "unknown role `{role}`; choose from: {choices}",
    ),
    "sign.error.bad_name": (
        "namnet får inte vara tomt eller innehålla radbrytningar",
        "the name must not be empty or contain line breaks",
    ),
    "sign.error.tag_failed": (
        "git kunde inte signera taggen: {detail}",
        "git could not sign the tag: {detail}",
    ),
    "sign.error.bad_principal": (
        "`{name}` duger inte som namn i allowed_signers: använd e-postadressen (utan "
        "mellanslag, kommatecken eller citattecken), t.ex. anna.berg@region.se",
        "`{name}` cannot name a signer in allowed_signers: use the e-mail address (no "
        "spaces, commas or quotes), e.g. anna.berg@region.se",
    ),
    "sign.error.bad_key": (
        "`{key}` är ingen publik SSH-nyckel (väntat: en .pub-fil eller raden "
        "`ssh-ed25519 AAAA…`)",
        "`{key}` is not a public SSH key (expected: a .pub file or the line "
        "`ssh-ed25519 AAAA…`)",
    ),
    "sign.error.cannot_write": (
        "kan inte skriva {path}: {reason}",
        "cannot write {path}: {reason}",
    ),
    "sign.error.signers_file": (
        "{path} finns inte",
        "{path} does not exist",
    ),
    # --- st sign: done --------------------------------------------------------------------------
    "sign.subject": (
        "Årsgenomgång ST-år {year} ({start}–{end}) signerad av {signer}, {role}",
        "Annual review of ST year {year} ({start}–{end}) signed by {signer}, {role}",
    ),
    "sign.done": (
        "Signerade ST-år {year}: {tag} på commit {commit} ({format})",
        "Signed ST year {year}: {tag} on commit {commit} ({format})",
    ),
    "sign.push": (
        "Skicka signeringen till det delade förrådet: git push origin {tag}",
        "Send the sign-off to the shared repository: git push origin {tag}",
    ),
    "sign.check_valid": (
        "Signaturen är giltig enligt {path} ({principal}).",
        "The signature is valid by {path} ({principal}).",
    ),
    "sign.check_not_valid": (
        "Obs: signaturen kan inte kontrolleras mot {path} ({state}). Lägg till nyckeln med "
        "`st sign --add-signer E-POST NYCKEL.pub` och checka in filen.",
        "Note: the signature cannot be checked against {path} ({state}). Add the key with "
        "`st sign --add-signer E-MAIL KEY.pub` and commit the file.",
    ),
    "sign.signer_added": (
        "La till {name} ({fingerprint}) i {path}. Checka in filen: git add {path} && git "
        "commit -m \"Signerare {name}\"",
        "Added {name} ({fingerprint}) to {path}. Commit the file: git add {path} && git "
        "commit -m \"Signer {name}\"",
    ),
    "sign.signer_present": (
        "{name} med nyckeln {fingerprint} finns redan i {path}",
        "{name} with the key {fingerprint} is already in {path}",
    ),
    # --- signature states ---------------------------------------------------------------------
    "sign.state.valid": ("giltig", "valid"),
    "sign.state.unknown-key": (
        "okänd nyckel (inte i allowed_signers)",
        "unknown key (not in allowed_signers)",
    ),
    "sign.state.bad": ("OGILTIG signatur", "INVALID signature"),
    "sign.state.unsigned": ("osignerad tagg", "unsigned tag"),
    "sign.state.unchecked": ("ej kontrollerad", "not checked"),
    "sign.state.error": ("kunde inte kontrolleras", "could not be checked"),
    # --- st verify ----------------------------------------------------------------------------
    "sign.verify.heading": (
        "Årsgenomgångar (signaturer kontrollerade mot {signers})",
        "Annual reviews (signatures checked against {signers})",
    ),
    "sign.verify.year": (
        "ST-år {year} ({start}–{end})",
        "ST year {year} ({start}–{end})",
    ),
    "sign.verify.unsigned": ("inte signerat", "not signed"),
    "sign.verify.signed": (
        "signerat {date} av {signer}, {role} ({tag}, commit {commit})",
        "signed {date} by {signer}, {role} ({tag}, commit {commit})",
    ),
    "sign.verify.signature": (
        "signatur: {state}",
        "signature: {state}",
    ),
    "sign.verify.tagger": (
        "taggad av {tagger}",
        "tagged by {tagger}",
    ),
    "sign.verify.unchanged": (
        "oförändrat sedan signeringen",
        "unchanged since signing",
    ),
    "sign.verify.changes": (
        "{count|post ändrad|poster ändrade} efter signeringen:",
        "{count|entry changed|entries changed} after signing:",
    ),
    "sign.verify.change.changed": ("ändrad", "changed"),
    "sign.verify.change.added": ("tillagd", "added"),
    "sign.verify.change.removed": ("borttagen", "removed"),
    "sign.verify.change.profile": ("ändrade fält", "fields changed"),
    "sign.verify.not_here": (
        "den signerade committen finns inte i klonen: ändringar kan inte jämföras "
        "(`git fetch --unshallow --tags`)",
        "the signed commit is not in this clone: changes cannot be compared "
        "(`git fetch --unshallow --tags`)",
    ),
    "sign.verify.no_portfolio": (
        "den signerade committen har ingen portfölj på den här platsen: kan inte jämföras",
        "the signed commit has no portfolio at this place: cannot be compared",
    ),
    "sign.verify.no_profile": (
        "st.yaml kan inte läsas (nu eller i den signerade committen): kan inte jämföras",
        "st.yaml cannot be read (now or in the signed commit): cannot be compared",
    ),
    "sign.verify.signers_changed": (
        "{path} har ändrats sedan signeringen: jämför nyckeln ovan med handledarens egen",
        "{path} has changed since signing: compare the key above with the supervisor's own",
    ),
    "sign.verify.beyond": (
        "{tag}: ett ST-år som inte har börjat per {as_of}",
        "{tag}: an ST year that has not begun by {as_of}",
    ),
    "sign.verify.shallow": (
        "Grund klon: signeringar av commits som inte finns här hämtas inte med; "
        "`git fetch --unshallow --tags` hämtar dem. Signaturerna kontrolleras ändå (de "
        "gäller taggen), och jämförelsen behöver bara den signerade committen, inte historiken.",
        "Shallow clone: sign-offs of commits that are not here are not fetched; "
        "`git fetch --unshallow --tags` fetches them. Signatures are checked all the same "
        "(they cover the tag), and the comparison needs only the signed commit, not the "
        "history.",
    ),
    "sign.verify.none": (
        "Inga årsgenomgångar är signerade än (`st sign --year N`).",
        "No annual review is signed yet (`st sign --year N`).",
    ),
    "sign.verify.summary_ok": (
        "Alla {count} signeringar är giltiga och oförändrade.",
        "All {count} sign-offs are valid and unchanged.",
    ),
    "sign.verify.summary_bad": (
        "{bad} av {count} signeringar är ogiltiga eller har ändrats efter signeringen.",
        "{bad} of {count} sign-offs are invalid or changed after signing.",
    ),
    # --- st status ------------------------------------------------------------------------------
    "sign.status.heading": ("Årsgenomgångar", "Annual reviews"),
    "sign.status.unsigned": (
        "ST-år {year}: inte signerat",
        "ST year {year}: not signed",
    ),
    "sign.status.signed": (
        "ST-år {year}: {date} {signer} ({role})",
        "ST year {year}: {date} {signer} ({role})",
    ),
    "sign.status.changed": (
        "{count} ändrade efter signering (M014)",
        "{count} changed after signing (M014)",
    ),
    "sign.status.hint": (
        "st verify visar vad som ändrats och vem som signerat",
        "st verify shows what changed and who signed",
    ),
    # --- reports --------------------------------------------------------------------------------
    "report.signoff.heading": ("Signerad årsgenomgång", "Signed annual review"),
    "report.signoff.heading_all": ("Signerade årsgenomgångar", "Signed annual reviews"),
    "report.signoff.none": (
        "ST-året är inte signerat i git (st sign --year {year}).",
        "The ST year is not signed in git (st sign --year {year}).",
    ),
    "report.signoff.col.year": ("ST-år", "ST year"),
    "report.signoff.col.signer": ("Signerad av", "Signed by"),
    "report.signoff.col.date": ("Datum", "Date"),
    "report.signoff.col.signature": ("Signatur", "Signature"),
    "report.signoff.col.since": ("Sedan signeringen", "Since signing"),
    "report.signoff.unchanged": ("oförändrat", "unchanged"),
    "report.signoff.changed": (
        "{count|post ändrad|poster ändrade}", "{count|entry changed|entries changed}"),
    "report.signoff.unknown": ("kan inte jämföras", "cannot be compared"),
}
