"""Messages of `st plan` (what-if projections), `st calendar` (ICS export) and the line in
`st status` that says what the next planned leave moves: (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading a change (--assume) -----------------------------------------------------
    "plan.error": (
        "st plan: kan inte läsa --assume \"{text}\":",
        "st plan: cannot read --assume \"{text}\":",
    ),
    "plan.examples": (
        "Exempel (mer: st plan --help):",
        "Examples (more: st plan --help):",
    ),
    "plan.no_changes": (
        "st plan behöver minst en ändring, t.ex. --assume \"80% från 2027-01-01\".",
        "st plan needs at least one change, e.g. --assume \"80% from 2027-01-01\".",
    ),
    "plan.bad_at": (
        "--at {value} är inget datum (ÅÅÅÅ-MM-DD)",
        "--at {value} is not a date (YYYY-MM-DD)",
    ),
    "plan.no_profile": (
        "st plan behöver en profil (st.yaml) som går att läsa; kör st validate för felen.",
        "st plan needs a readable profile (st.yaml); run st validate to see the errors.",
    ),
    "plan.change.empty": ("ändringen är tom", "the change is empty"),
    "plan.change.unknown": (
        "förstår inte ändringen",
        "the change is not understood",
    ),
    "plan.change.bad_date": (
        "\"{value}\" är inget datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2027-03-01)",
        "\"{value}\" is not a date (write YYYY-MM-DD, e.g. 2027-03-01)",
    ),
    "plan.change.bad_percent": (
        "{value} % går inte (1–100 %; tjänstgöringsgrad 0–100 %)",
        "{value} % is not possible (1–100 %; employment 0–100 %)",
    ),
    "plan.change.bad_months": (
        "{value|månad|månader} går inte (mer än 0, högst 120)",
        "{value|month is|months are} not possible (more than 0, at most 120)",
    ),
    "plan.change.reversed": (
        "slutar {end}, före starten {start}",
        "ends {end}, before it starts {start}",
    ),
    "plan.change.no_kind": (
        "saknar vad det är: en ledighet (t.ex. föräldraledighet) eller en placering "
        "(t.ex. sidotjanstgoring psykiatri)",
        "says not what it is: a leave (e.g. parental leave) or a placement "
        "(e.g. side placement psychiatry)",
    ),
    "plan.change.unknown_word": (
        "\"{word}\" efter ledighetens slag förstås inte",
        "\"{word}\" after the kind of leave is not understood",
    ),
    "plan.change.unknown_kind": (
        "\"{word}\" är varken en ledighet (foraldraledighet, tjanstledighet, sjukskrivning, "
        "vab, semester, flex, jourkomp, other) eller en placering (sidotjanstgoring, "
        "vardcentral, auskultation)",
        "\"{word}\" is neither a leave (parental leave, leave of absence, sick leave, vab, "
        "vacation, flex, jourkomp, other) nor a placement (side placement, vardcentral, "
        "auskultation)",
    ),
    "plan.change.no_specialty": (
        "en sidotjänstgöring behöver en specialitet, t.ex. sidotjanstgoring psykiatri",
        "a side placement needs a specialty, e.g. side placement psychiatry",
    ),
    "plan.change.unknown_specialty": (
        "\"{word}\" är ingen specialitet i formatet (t.ex. psykiatri, internmedicin, "
        "geriatrik; egna ord under vocabulary: i st.yaml)",
        "\"{word}\" is no specialty of the format (e.g. psychiatry, internal medicine, "
        "geriatrics; your own words under vocabulary: in st.yaml)",
    ),
    # --- what a change was read as --------------------------------------------------------
    "plan.as.employment": (
        "tjänstgöringsgrad {percent} % från {start}",
        "employment {percent} % from {start}",
    ),
    "plan.as.leave": ("{kind} {percent} % {start}–{end}, {counts}",
                      "{kind} {percent} % {start}–{end}, {counts}"),
    "plan.as.counts": ("räknas som ST-tid", "counts as ST time"),
    "plan.as.not_counted": ("räknas inte som ST-tid", "does not count as ST time"),
    "plan.as.placement": ("{type}: {specialty} {start}–{end}", "{type}: {specialty} {start}–{end}"),
    "plan.as.placement_percent": ("{type}: {specialty} {start}–{end}, {percent} %",
                                  "{type}: {specialty} {start}–{end}, {percent} %"),
    "plan.as.credited": ("tillgodoräknat {months} mån", "credited {months|month|months}"),
    "plan.leave.foraldraledighet": ("föräldraledighet", "parental leave"),
    "plan.leave.tjanstledighet": ("tjänstledighet", "leave of absence"),
    "plan.leave.sjukskrivning": ("sjukskrivning", "sick leave"),
    "plan.leave.vab": ("vård av barn", "care of a sick child"),
    "plan.leave.semester": ("semester", "vacation"),
    "plan.leave.flex": ("flex", "flexitime"),
    "plan.leave.jourkomp": ("jourkompensation", "on-call compensation"),
    "plan.leave.other": ("annan ledighet", "other leave"),
    "plan.milestone.startseminarium": ("Startseminarium", "Starting seminar"),
    "plan.milestone.iup": ("IUP", "Individual training plan (IUP)"),
    "plan.milestone.iup-revision": ("IUP revideras", "IUP revision"),
    "plan.milestone.st-kontrakt": ("ST-kontrakt", "ST contract"),
    "plan.milestone.arsrapport": ("Årsrapport", "Annual report"),
    "plan.milestone.handledarutlatande": ("Handledarutlåtande", "Supervisor's statement"),
    "plan.milestone.studierektorsmote": ("Möte med studierektor",
                                         "Meeting with the director of studies"),
    "plan.milestone.arsuppfoljning": ("Årsuppföljning", "Annual follow-up"),
    "plan.milestone.mitt-i-st-anmalan": ("Anmälan till Mitt-i-ST", "Registration for Mitt-i-ST"),
    "plan.milestone.mitt-i-st": ("Mitt-i-ST", "Mitt-i-ST"),
    "plan.milestone.slutvardering": ("Slutvärdering", "Final evaluation"),
    "plan.milestone.specialistexamen": ("Specialistexamen", "Specialist examination"),
    "plan.milestone.bt-intyg": ("Intyg om uppnådd baskompetens (BT)", "BT certificate"),
    "plan.milestone.specialistansokan": ("Ansökan om specialistbevis",
                                         "Application for the specialist certificate"),
    "plan.type.vardcentral": ("Vårdcentral", "Primary care"),
    "plan.type.sidotjanstgoring": ("Sidotjänstgöring", "Side placement"),
    "plan.type.auskultation": ("Auskultation", "Auskultation"),
    # --- the comparison -------------------------------------------------------------------
    "plan.title": ("Tänk om: {trainee}", "What if: {trainee}"),
    "plan.as_of": ("per {date}", "as of {date}"),
    "plan.changes.heading": ("Antaganden (inga filer ändras)",
                             "Assumptions (no file is changed)"),
    "plan.compare.heading": ("Före och efter", "Before and after"),
    "plan.col.now": ("Som filerna säger", "As the files say"),
    "plan.col.then": ("Med antagandena", "With the assumptions"),
    "plan.col.diff": ("Skillnad", "Difference"),
    "plan.row.served": ("Tjänstgjort {date}", "Served by {date}"),
    "plan.row.remaining": ("Kvar {date}", "Remaining at {date}"),
    "plan.row.completion": ("Beräknat klart", "Projected completion"),
    "plan.row.planned_end": ("Marginal till planerat slut {date}",
                             "Margin to planned end {date}"),
    "plan.row.st_year": ("Klart under ST-år", "Completed in ST year"),
    "plan.months": ("{months} mån", "{months} mo"),
    "plan.never": ("aldrig (ingen tid räknas)", "never (no time counts)"),
    "plan.days": ("{days|dag|dagar}", "{days|day|days}"),
    "plan.days.one": ("{days} dag", "{days} day"),
    "plan.same": ("samma", "same"),
    "plan.years.heading": ("ST-år", "ST years"),
    "plan.years.added": ("ST-år {year} {start}–{end} tillkommer",
                         "ST year {year} {start}–{end} is added"),
    "plan.years.dropped": ("ST-år {year} {start}–{end} behövs inte längre",
                           "ST year {year} {start}–{end} is no longer needed"),
    "plan.years.same": (
        "Beräknat klart under ST-år {year} ({start}–{end}) före och efter; ST-åren "
        "räknas från starten {st_start} och flyttas inte av ledighet",
        "Projected completion in ST year {year} ({start}–{end}) before and after; ST years "
        "count from the start {st_start} and do not move with leave",
    ),
    "plan.dl.heading": ("Tidsgränser", "Deadlines"),
    "plan.dl.moved": ("{before} → {after}", "{before} → {after}"),
    "plan.dl.new": ("ny", "new"),
    "plan.dl.gone": ("försvinner", "disappears"),
    "plan.dl.none": ("Ingen tidsgräns flyttas", "No deadline moves"),
    "plan.dl.unchanged": ("{count} tidsgränser oförändrade", "{count} deadlines unchanged"),
    "plan.dl.unchanged.one": ("1 tidsgräns oförändrad", "1 deadline unchanged"),
    "plan.fi.heading": ("Fynd", "Findings"),
    "plan.fi.appear": ("tillkommer", "appears"),
    "plan.fi.disappear": ("försvinner", "disappears"),
    "plan.fi.none": ("Inga fynd tillkommer eller försvinner",
                     "No finding appears or disappears"),
    "plan.hint": (
        "När det är bestämt: skriv in det med st add (eller i filerna) och kör st status.",
        "Once decided: record it with st add (or in the files) and run st status.",
    ),
    # --- st status: what the next planned leave moves ------------------------------------
    "plan.status.moves": (
        "Med {kind} {start}–{end}:",
        "With {kind} {start}–{end}:",
    ),
    "plan.status.completion": ("klart → {after} ({days})", "completion → {after} ({days})"),
    "plan.status.move": ("{code} → {after} ({days})", "{code} → {after} ({days})"),
    "plan.status.new": ("{code} ny {after}", "{code} new {after}"),
    "plan.status.gone": ("{code} {before} försvinner", "{code} {before} disappears"),
    "plan.days.short": ("{days} d", "{days} d"),
    "plan.status.nothing": ("flyttar inga tidsgränser", "moves no deadline"),
    # --- st calendar ----------------------------------------------------------------------
    "calendar.name": ("ST: {trainee}", "ST: {trainee}"),
    "calendar.prefix": ("ST:", "ST:"),
    "calendar.rule": ("Regel {code}; mer: st explain {code}",
                      "Rule {code}; more: st explain {code}"),
    "calendar.source": (
        "Från ST-portföljen, per {date}. Ändras datumet uppdateras händelsen vid nästa "
        "export.",
        "From the ST portfolio, as of {date}. If the date changes, the event is updated by "
        "the next export.",
    ),
    "calendar.reminder": ("Påminnelse, {date}:", "Reminder, {date}:"),
    "calendar.placement": ("{type}: {specialty}", "{type}: {specialty}"),
    "calendar.course": ("Kurs: {title}", "Course: {title}"),
    "calendar.milestone": ("{kind}", "{kind}"),
    "calendar.st_year_end": ("ST-år {year} slutar", "ST year {year} ends"),
    "calendar.planned_end": ("Planerat slut på ST", "Planned end of ST"),
    "calendar.completion": ("Beräknat klar med ST-tiden ({months} mån)",
                            "Projected completion of ST time ({months|month|months})"),
    "calendar.completion_note": (
        "Första dagen då tjänstgjord tid (med planerad tjänstgöringsgrad och ledighet) når "
        "kravet; samma beräkning som T001.",
        "The first day on which served time (with planned employment and leave) reaches the "
        "requirement; the same computation as T001.",
    ),
    "calendar.written": ("Skrev {count} händelser till {path}",
                         "Wrote {count} events to {path}"),
    "calendar.no_profile": (
        "st calendar behöver en profil (st.yaml) som går att läsa; kör st validate för felen.",
        "st calendar needs a readable profile (st.yaml); run st validate to see the errors.",
    ),
    "calendar.cannot_write": ("Kan inte skriva {path}: {error}", "Cannot write {path}: {error}"),
}
