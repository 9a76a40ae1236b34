"""Messages of the write-safety and privacy guards (issue 16): (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "load.portfolio_too_large": (
        "portföljen är större än st läser (högst {limit_mb} MB och {values} värden "
        "sammanlagt); filerna från och med `{path}` lästes inte",
        "the portfolio is larger than st reads (at most {limit_mb} MB and {values} values "
        "in all); the files from `{path}` on were not read",
    ),
    "load.hint_portfolio_too_large": (
        "en portfölj behöver sällan mer än någon MB; flytta genererade eller kopierade filer "
        "ut ur postmapparna",
        "a portfolio seldom needs more than a MB or so; move generated or copied files out "
        "of the entry folders",
    ),
    "load.number_too_long": (
        "`{field}` är ett tal med {length} tecken; så långa tal godtas inte (högst {limit})",
        "`{field}` is a number of {length} characters; numbers that long are refused "
        "(at most {limit})",
    ),
    "load.merge_not_mapping": (
        "`<<` slår ihop nycklar från en mappning (t.ex. `<<: *standard`), inte från detta",
        "`<<` merges the keys of a mapping (e.g. `<<: *defaults`), not of this",
    ),
    "rule.P001.in_name": (
        "filnamnet eller mappnamnet innehåller ett {kind} ({masked})",
        "the file or folder name contains a {kind} ({masked})",
    ),
    "write.changed_meanwhile": (
        "`{path}` ändrades av någon annan medan posten lades till (en redigerare, git, "
        "ett annat st add); inget skrevs. Kör kommandot igen",
        "`{path}` was changed by someone else while the entry was being added (an editor, "
        "git, another st add); nothing was written. Run the command again",
    ),
    "write.lock_unavailable": (
        "kan inte låsa portföljen för skrivning ({path}: {reason}); har du skrivrätt i den?",
        "cannot lock the portfolio for writing ({path}: {reason}); may you write in it?",
    ),
    "write.link_outside": (
        "`{path}` är en länk som leder ut ur portföljen; st skriver bara inne i portföljen",
        "`{path}` is a link that leads outside the portfolio; st writes only inside it",
    ),
    "write.not_text": (
        "värdet är inte giltig text (UTF-8); skriv om det",
        "the value is not valid text (UTF-8); type it again",
    ),
    "write.changes_earlier": (
        "`{path}`: en ny post efter den sista skulle ändra en tidigare post (till exempel "
        "ett block med `|+`); lägg till posten för hand",
        "`{path}`: an entry after the last one would change an earlier entry (for example "
        "a `|+` block); add the entry by hand",
    ),
    "report.portfolio_template": (
        "Obs: rapporten är gjord med portföljens egen mall ({names}), inte st:s",
        "Note: this report was made with the portfolio's own template ({names}), not st's",
    ),
    "report.error.budget": (
        "mallen {name} tog för mycket ({what}); rapporten gjordes inte. Prova "
        "--no-portfolio-templates",
        "the template {name} took too much ({what}); no report was made. Try "
        "--no-portfolio-templates",
    ),
}
