"""Messages of `st forms` (Socialstyrelsen's certificate forms): (Swedish, English).

The text written into the forms themselves is Swedish in both languages (the forms are);
these are the words around them: the terminal's messages and the index.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # who signs
    "forms.role.handledare": ("handledare", "supervisor"),
    "forms.role.huvudhandledare": ("huvudhandledare", "main supervisor"),
    "forms.role.kursledare": ("kursledare", "course leader"),
    "forms.role.verksamhetschef": ("verksamhetschef", "head of unit"),
    "forms.role.specialist": ("specialistläkare", "specialist"),
    "forms.role.sokande": ("sökande", "applicant"),
    "forms.role.extern": ("extern bedömare", "external assessor"),
    "forms.unknown_signer": ("namn saknas", "name missing"),
    # what a form is about (written into the index; Swedish ones also name files)
    "forms.subject.application": ("Ansökan", "Application"),
    "forms.subject.service": ("Tjänsteförteckning", "Service list"),
    "forms.subject.specialist": ("Uppnådd specialistkompetens", "Specialist competence"),
    "forms.subject.bt_application": ("Ansökan om intyg om godkänd BT",
                                     "Application for the BT certificate"),
    "forms.subject.bt_service": ("Fullgjord bastjänstgöring", "Completed BT"),
    "forms.subject.bt_competence": ("Uppnådd baskompetens", "Basic competence"),
    # what the portfolio could not fill
    "forms.note.verksamhetschef": (
        "verksamhetschefen saknas: lägg till `verksamhetschef: {name: …, unit: …}` i st.yaml",
        "the head of unit is missing: add `verksamhetschef: {name: …, unit: …}` to st.yaml",
    ),
    "forms.note.specialists": (
        "specialisterna som intygar uppnådd specialistkompetens saknas: lägg till "
        "`specialists:` i st.yaml (huvudhandledaren är ifylld så länge)",
        "the specialists who certify specialist competence are missing: add `specialists:` "
        "to st.yaml (the main supervisor is filled in meanwhile)",
    ),
    "forms.note.participation": (
        "ett utvecklingsarbete saknar `participation:` (ST-läkarens deltagande); "
        "beskrivningen lämnades tom",
        "a development work has no `participation:` (the trainee's part); its description "
        "was left empty",
    ),
    # the command
    "forms.cli.no_profile": (
        "portföljen saknar en giltig st.yaml; rätta den först (`st validate`)",
        "the portfolio has no valid st.yaml; fix it first (`st validate`)",
    ),
    "forms.cli.need_blanks": (
        "ange mappen med Socialstyrelsens blanketter: --blanks MAPP",
        "give the folder of Socialstyrelsen's blank forms: --blanks DIR",
    ),
    "forms.cli.need_output": (
        "ange mappen att skriva till: -o MAPP",
        "give the folder to write to: -o DIR",
    ),
    "forms.cli.bad_blanks": (
        "`{path}` är ingen mapp",
        "`{path}` is not a folder",
    ),
    "forms.cli.bad_only": (
        "--only `{value}`: ange bilagenummer åtskilda med komma, t.ex. 9,10",
        "--only `{value}`: give form numbers separated by commas, e.g. 9,10",
    ),
    "forms.cli.missing": (
        "Bilaga {number} ({title}, {regulation}) saknas i {path}. Hämta blanketten från "
        "Socialstyrelsen: {where}.",
        "Bilaga {number} ({title}, {regulation}) is not in {path}. Download the form from "
        "Socialstyrelsen: {where}.",
    ),
    "forms.cli.near": (
        "{file} liknar Bilaga {number} ({regulation}) men är en okänd version: "
        "fält som saknas: {missing}; okända fält: {extra}. Hämta den aktuella blanketten "
        "från Socialstyrelsen: {where}.",
        "{file} looks like Bilaga {number} ({regulation}) but is an unknown version: "
        "fields missing: {missing}; unknown fields: {extra}. Download the current form "
        "from Socialstyrelsen: {where}.",
    ),
    "forms.cli.unreadable": (
        "{file} kan inte läsas som ett PDF-formulär ({reason}); filen hoppas över",
        "{file} cannot be read as a PDF form ({reason}); skipped",
    ),
    "forms.cli.nothing_written": (
        "inget skrevs",
        "nothing was written",
    ),
    "forms.cli.too_long": (
        "texten får inte plats i fältet ”{field}” på Bilaga {number} ({subject}); fältet "
        "lämnades tomt",
        "the text does not fit the field “{field}” of Bilaga {number} ({subject}); the "
        "field was left empty",
    ),
    "forms.cli.too_long_hint": (
        "korta `{key}` eller skriv fältet för hand",
        "shorten `{key}` or fill the field by hand",
    ),
    "forms.cli.too_long_hint_plain": (
        "skriv fältet för hand",
        "fill the field by hand",
    ),
    "forms.cli.pnr_prompt": (
        "Ditt personnummer (ÅÅÅÅMMDD-NNNN; skrivs bara i blanketterna): ",
        "Your personnummer (YYYYMMDD-NNNN; written into the forms only): ",
    ),
    "forms.cli.pnr_invalid": (
        "det är inget giltigt personnummer (kontrollsiffran stämmer inte)",
        "that is not a valid personnummer (the check digit is wrong)",
    ),
    "forms.cli.pnr_env_invalid": (
        "ST_PERSONNUMMER är inget giltigt personnummer",
        "ST_PERSONNUMMER is not a valid personnummer",
    ),
    "forms.cli.pnr_none": (
        "inget personnummer (ingen terminal och ingen ST_PERSONNUMMER): fältet lämnas tomt",
        "no personnummer (no terminal and no ST_PERSONNUMMER): the field is left empty",
    ),
    "forms.cli.written": (
        "skrev {count} blanketter och förteckningen till {path}",
        "wrote {count} forms and the index to {path}",
    ),
    "forms.cli.dry_run": (
        "provkörning: inget skrevs; dessa blanketter skulle fyllas i ({count}):",
        "dry run: nothing written; these forms would be filled in ({count}):",
    ),
    "forms.cli.fields": (
        "{count} fält",
        "{count} fields",
    ),
    "forms.cli.cannot_write": (
        "kan inte skriva `{path}`: {reason}",
        "cannot write `{path}`: {reason}",
    ),
    "forms.cli.ignored": (
        "{path} ligger i portföljen: en .gitignore där hindrar att blanketterna (med ditt "
        "personnummer) checkas in",
        "{path} is inside the portfolio: a .gitignore there keeps the forms (with your "
        "personnummer) out of git",
    ),
    "forms.cli.note": ("obs", "note"),
    "forms.cli.error": ("fel", "error"),
    # the index
    "forms.index.title": ("Bilagor till ansökan", "Attachments to the application"),
    "forms.index.intro": (
        "Blanketterna är ifyllda från portföljen per {day} ({regulation}). Intygsutfärdarna "
        "fyller i sina personnummer, ort och datum (orten är ifylld när `city:` finns) och "
        "skriver under.",
        "The forms are filled in from the portfolio as of {day} ({regulation}). The signers "
        "add their personnummer, place and date (the place is filled in when `city:` is set) "
        "and sign.",
    ),
    "forms.index.st": ("Ansökan om bevis om specialistkompetens",
                       "Application for the specialist certificate"),
    "forms.index.bt": ("Ansökan om intyg om godkänd bastjänstgöring",
                       "Application for the BT certificate"),
    "forms.index.col.number": ("Bilaga nr", "No."),
    "forms.index.col.form": ("Blankett", "Form"),
    "forms.index.col.subject": ("Avser", "Concerns"),
    "forms.index.col.delmal": ("Delmål", "Delmål"),
    "forms.index.col.signer": ("Intygsutfärdare", "Signer"),
    "forms.index.col.signed": ("Signerat enligt portföljen", "Signed per the portfolio"),
    "forms.index.col.file": ("Fil", "File"),
    "forms.index.application": ("ansökan", "application"),
    "forms.index.copy": ("forts. {n} av {of}", "cont. {n} of {of}"),
    "forms.index.signed.signed": ("ja", "yes"),
    "forms.index.signed.requested": ("begärt", "requested"),
    "forms.index.signed.none": ("nej", "no"),
    "forms.index.signed.unknown": ("–", "–"),
    "forms.index.notes": ("Att göra", "To do"),
}
