"""`st status`: the dashboard's headings, labels and hints: (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # header
    "status.title": ("ST-status: {trainee}", "ST status: {trainee}"),
    "status.as_of": ("per {date}", "as of {date}"),
    "status.st_year": ("ST-år {year}: {start}–{end}", "ST year {year}: {start}–{end}"),
    "status.st_year_bt": ("ST-år {year} (BT): {start}–{end}", "ST year {year} (BT): {start}–{end}"),
    "status.before_start": ("ST börjar {start}", "ST starts {start}"),
    "status.region.vgr": ("Västra Götalandsregionen", "Region Västra Götaland"),
    "status.region.gavleborg": ("Region Gävleborg", "Region Gävleborg"),
    "status.region.vastmanland": ("Region Västmanland", "Region Västmanland"),
    "status.region.none": ("ingen region angiven", "no region set"),
    "status.no_profile": (
        "Portföljen kan inte visas: st.yaml saknas eller har fel. Rätta felen nedan "
        "(`st validate` visar dem med rad och kolumn).",
        "The portfolio cannot be shown: st.yaml is missing or has errors. Fix the errors "
        "below (`st validate` shows them with line and column).",
    ),
    # time
    "status.time.heading": ("Tid", "Time"),
    "status.time.served": ("{served} av {required} mån ({percent} %)",
                           "{served} of {required|month|months} ({percent}%)"),
    "status.time.remaining": ("kvar {months} mån", "{months|month|months} left"),
    "status.time.percent_now": ("tjänstgöringsgrad {percent} %", "working {percent}%"),
    "status.time.credited": ("tillgodoräknat {months} mån", "credited {months|month|months}"),
    "status.time.leave": (
        "Ledighet som inte räknas: {days|dag|dagar} (förlänger ST)",
        "Leave that does not count: {days|day|days} (extends ST)",
    ),
    "status.time.leave_none": ("Ingen ledighet som förlänger ST", "No leave that extends ST"),
    "status.time.projected": ("Beräknat klart {date}", "Projected completion {date}"),
    "status.time.reached": ("Tiden uppnådd {date}", "Time requirement met on {date}"),
    "status.time.no_projection": (
        "Beräknat slutdatum saknas (ingen tjänstgöring framåt)",
        "No projected completion (no service ahead)",
    ),
    "status.time.planned_after": (
        "planerat slut {date}, {days|dag|dagar} senare",
        "planned end {date}, {days|day|days} later",
    ),
    "status.time.planned_same": ("planerat slut {date}, samma dag", "planned end {date}, same day"),
    "status.time.planned_early": (
        "planerat slut {date} är {days|dag|dagar} för tidigt",
        "planned end {date} is {days|day|days} too early",
    ),
    "status.time.planned_none": (
        "inget planerat slut (planned_end i st.yaml)",
        "no planned end (planned_end in st.yaml)",
    ),
    "status.time.half": ("halvtid {date}", "half-time {date}"),
    "status.time.bt_approved": ("BT {start}–{end}, intyg {approved}",
                                "BT {start}–{end}, certificate {approved}"),
    "status.time.bt_open": ("BT {start}–{end}, intyg saknas ännu",
                            "BT {start}–{end}, no certificate yet"),
    "status.time.bt_running": ("BT pågår sedan {start}", "BT since {start}"),
    "status.time.bt_ahead": ("BT börjar {start}", "BT starts {start}"),
    # supervision
    "status.sup.heading": ("Handledning, ST-år {year}", "Supervision, ST year {year}"),
    "status.sup.heading_all": ("Handledning", "Supervision"),
    "status.sup.rate": ("{rate} min/vecka i tjänst (minst {target})",
                        "{rate} min/week in service (at least {target})"),
    "status.sup.no_weeks": ("inga veckor i tjänst ännu i år", "no weeks in service yet this year"),
    "status.sup.totals": (
        "{minutes} min på {weeks|vecka|veckor} i tjänst · {sessions|tillfälle|tillfällen}",
        "{minutes} min over {weeks|week|weeks} in service · {sessions|session|sessions}",
    ),
    "status.sup.last": ("Senaste tillfälle {date}", "Last session {date}"),
    "status.sup.none": (
        "Ingen handledning registrerad ännu: minst {target|minut|minuter} i veckan, "
        "varje tillfälle i supervision/ (date, minutes, supervisor).",
        "No supervision recorded yet: at least {target|minute|minutes} a week, "
        "each session in supervision/ (date, minutes, supervisor).",
    ),
    "status.sup.chart": ("Timmar per månad, senaste {count} månaderna:",
                         "Hours per month, last {count|month|months}:"),
    "status.sup.gaps": ("Uppehåll över {limit|dag|dagar} i tjänst:",
                        "Gaps over {limit|day|days} in service:"),
    "status.sup.gap": ("{first} – {last}: {days|dag|dagar}", "{first} – {last}: {days|day|days}"),
    "status.sup.gap_more": ("… och {count} till", "… and {count} more"),
    "status.sup.no_gaps": (
        "Inga för långa uppehåll (längsta {days|dag|dagar}, högst {limit}: {first} – {last})",
        "No gap too long (longest {days|day|days}, at most {limit}: {first} – {last})",
    ),
    "status.sup.start": ("ST-start", "ST start"),
    "status.sup.now": ("nu", "now"),
    # months, for the chart
    "status.months": (
        "jan feb mar apr maj jun jul aug sep okt nov dec",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    # assessments
    "status.ass.heading": ("Kompetensbedömningar, ST-år {year}",
                           "Competence assessments, ST year {year}"),
    "status.ass.count": ("{count} av {low}–{high} per år", "{count} of {low}–{high} a year"),
    "status.ass.minimum": ("minst {minimum} i år (ledighet)",
                           "at least {minimum} this year (leave)"),
    "status.ass.methods": ("Metoder: {methods}", "Methods: {methods}"),
    "status.ass.none": (
        "Inga bedömningar ännu i år: registrera dem i assessments/ (date, method, assessor).",
        "No assessments yet this year: record them in assessments/ (date, method, assessor).",
    ),
    "status.ass.year": ("ST-år {year}: {count}", "ST year {year}: {count}"),
    "status.ass.year_short": ("ST-år {year}: {count} (minst {minimum})",
                              "ST year {year}: {count} (minimum {minimum})"),
    "status.method.mini-cex": ("Mini-CEX", "Mini-CEX"),
    "status.method.dops": ("DOPS", "DOPS"),
    "status.method.cbd": ("CbD", "CbD"),
    "status.method.medsittning": ("medsittning", "sit-in"),
    "status.method.video": ("video", "video"),
    "status.method.journalgranskning": ("journalgranskning", "record review"),
    "status.method.remissgranskning": ("remissgranskning", "referral review"),
    "status.method.intygsgranskning": ("intygsgranskning", "certificate review"),
    "status.method.msf": ("MSF", "MSF"),
    "status.method.specialistkollegium": ("specialistkollegium", "specialist panel"),
    "status.method.forst-i-st": ("Först i ST", "Först i ST"),
    "status.method.other": ("annan", "other"),
    # delmål
    "status.delmal.heading": ("Delmål", "Delmål (learning objectives)"),
    "status.delmal.heading_bt": ("Delmål, BT först", "Delmål, BT first"),
    "status.delmal.summary": (
        "{complete} av {total} har underlag för alla aktiviteter · {signed} med intyg",
        "{complete} of {total} have evidence for every activity · {signed} certified",
    ),
    "status.delmal.empty": (
        "Inget underlag ännu för de {total} delmålen. Varje placering, kurs och aktivitet "
        "anger vilka delmål den ger underlag för, t.ex. `delmal: [STc1, STb1]`.",
        "No evidence yet for the {total} delmål. Each placement, course and activity names "
        "the delmål it is evidence for, e.g. `delmal: [STc1, STb1]`.",
    ),
    "status.delmal.no_catalog": (
        "Delmålskatalogen för {regulation} saknas.",
        "The delmål catalog for {regulation} is missing.",
    ),
    "status.delmal.code": ("Kod", "Code"),
    "status.delmal.title": ("Delmål", "Delmål"),
    "status.delmal.cert": ("Intyg", "Cert."),
    "status.delmal.assess": ("Bed.", "Ass."),
    "status.delmal.legend": (
        "✓ underlag finns · ○ planerat · ✗ saknas · – annat alternativ räcker",
        "✓ evidence · ○ planned · ✗ missing · – another alternative suffices",
    ),
    "status.cert.signed": ("ja", "yes"),
    "status.cert.requested": ("begärt", "asked"),
    "status.cert.partial": ("delvis", "partly"),
    "status.cert.none": ("nej", "no"),
    # activity types: column abbreviation and name
    "status.act.klinisk_tjanstgoring": ("KT", "CS"),
    "status.act.klinisk_tjanstgoring.name": ("klinisk tjänstgöring", "clinical service"),
    "status.act.klinisk_tjanstgoring_primarvard": ("PV", "PC"),
    "status.act.klinisk_tjanstgoring_primarvard.name": (
        "klinisk tjänstgöring i primärvård", "clinical service in primary care"),
    "status.act.kurs": ("K", "C"),
    "status.act.kurs.name": ("kurs", "course"),
    "status.act.kvalitetsarbete": ("KU", "QI"),
    "status.act.kvalitetsarbete.name": ("kvalitets- och utvecklingsarbete",
                                        "quality and development work"),
    "status.act.utvecklingsarbete": ("UA", "DW"),
    "status.act.utvecklingsarbete.name": ("deltagande i utvecklingsarbete",
                                          "development work"),
    "status.act.vetenskapligt_arbete": ("SA", "SW"),
    "status.act.vetenskapligt_arbete.name": ("skriftligt vetenskapligt arbete",
                                             "written scientific work"),
    "status.act.eget_intyg": ("EI", "OC"),
    "status.act.eget_intyg.name": ("eget intyg (STa3)", "own certificate (STa3)"),
    "status.act.auskultation": ("AU", "OB"),
    "status.act.auskultation.name": ("auskultation", "observation (auskultation)"),
    # placements and courses
    "status.pl.heading": ("Placeringar", "Placements"),
    "status.pl.none": (
        "Inga placeringar ännu: lägg in tjänstgöringen på vårdcentralen i placements/.",
        "No placements yet: record your service at the vårdcentral in placements/.",
    ),
    "status.pl.vardcentral": ("Vårdcentral", "Vårdcentral (primary care)"),
    "status.pl.sidotjanstgoring": ("Sidotjänstgöring: {specialty}", "Side placement: {specialty}"),
    "status.pl.auskultation": ("Auskultation: {specialty}", "Observation: {specialty}"),
    "status.pl.percent": ("{what}, {percent} %", "{what}, {percent}%"),
    "status.pl.legend": ("✓ klar · ▶ pågår · ○ planerad", "✓ done · ▶ current · ○ planned"),
    "status.co.heading": ("Kurser", "Courses"),
    "status.co.none": (
        "Inga kurser ännu: varje kurs i courses/ med de delmål den ger underlag för.",
        "No courses yet: each course in courses/ with the delmål it is evidence for.",
    ),
    "status.certificate.signed": ("intyg klart", "cert. signed"),
    "status.certificate.requested": ("intyg begärt", "cert. requested"),
    "status.certificate.none": ("intyg saknas", "no cert."),
    # deadlines
    "status.dl.heading": ("Tidsgränser, närmaste sex månaderna",
                          "Deadlines in the next six months"),
    "status.dl.none": ("Inga tidsgränser de närmaste sex månaderna.",
                       "No deadlines in the next six months."),
    # findings
    "status.fi.heading": ("Fynd: {counts}", "Findings: {counts}"),
    "status.fi.error.one": ("{count} fel", "{count} error"),
    "status.fi.error.other": ("{count} fel", "{count|error|errors}"),
    "status.fi.warning.one": ("{count} varning", "{count} warning"),
    "status.fi.warning.other": ("{count|varning|varningar}", "{count|warning|warnings}"),
    "status.fi.info.one": ("{count} info", "{count} info"),
    "status.fi.info.other": ("{count} info", "{count} info"),
    "status.fi.clean": ("Inga fel eller varningar.", "No errors or warnings."),
    "status.fi.more": ("… och {count} till.", "… and {count} more."),
    "status.fi.hint": (
        "Alla fynd med fil och rad: st validate --info · en regel: st explain KOD",
        "Every finding with file and line: st validate --info · one rule: st explain CODE",
    ),
    # getting started
    "status.start.heading": ("Kom igång", "Getting started"),
    "status.start.heading_next": ("Nästa steg", "Next steps"),
    "status.start.intro": (
        "Portföljen har bara st.yaml. Registrera först, i den här ordningen:",
        "The portfolio holds only st.yaml. Record first, in this order:",
    ),
    "status.start.placements": (
        "Din tjänstgöring: placements/vardcentral.yaml med type: vardcentral, "
        "specialty: allmanmedicin, unit, start, end och delmål.",
        "Your service: placements/vardcentral.yaml with type: vardcentral, "
        "specialty: allmanmedicin, unit, start, end and delmål.",
    ),
    "status.start.supervision": (
        "Varje handledningstillfälle: supervision/{year}.yaml med date, minutes och "
        "supervisor (minst {target|minut|minuter} i veckan).",
        "Each supervision session: supervision/{year}.yaml with date, minutes and "
        "supervisor (at least {target|minute|minutes} a week).",
    ),
    "status.start.milestones": (
        "IUP (inom 6 månader) och ST-kontrakt (inom 7): milestones/ med kind och date.",
        "IUP (within 6 months) and ST contract (within 7): milestones/ with kind and date.",
    ),
    "status.start.assessments": (
        "Kompetensbedömningar, {low}–{high} per år: assessments/{year}.yaml med date, "
        "method och assessor.",
        "Competence assessments, {low}–{high} a year: assessments/{year}.yaml with date, "
        "method and assessor.",
    ),
    "status.start.courses": (
        "Kurser med de delmål de ger underlag för: courses/.",
        "Courses with the delmål they are evidence for: courses/.",
    ),
    "status.start.validate": (
        "Kör st validate efter varje ändring; st status visar läget.",
        "Run st validate after each change; st status shows where you stand.",
    ),
    # specialties (vocabulary of portfolio-format.md), for display
    "status.specialty.allmanmedicin": ("allmänmedicin", "general practice"),
    "status.specialty.internmedicin": ("internmedicin", "internal medicine"),
    "status.specialty.psykiatri": ("psykiatri", "psychiatry"),
    "status.specialty.beroende": ("beroendemedicin", "addiction medicine"),
    "status.specialty.barn-och-ungdomsmedicin": ("barn- och ungdomsmedicin", "paediatrics"),
    "status.specialty.akut-barnsjukvard": ("akut barnsjukvård", "paediatric emergency care"),
    "status.specialty.barn-och-ungdomspsykiatri": ("barn- och ungdomspsykiatri",
                                                   "child and adolescent psychiatry"),
    "status.specialty.gynekologi": ("gynekologi", "gynaecology"),
    "status.specialty.obstetrik": ("obstetrik", "obstetrics"),
    "status.specialty.akutsjukvard": ("akutsjukvård", "emergency medicine"),
    "status.specialty.geriatrik": ("geriatrik", "geriatrics"),
    "status.specialty.dermatologi": ("dermatologi", "dermatology"),
    "status.specialty.oron-nasa-hals": ("öron-näsa-hals", "ENT"),
    "status.specialty.ogon": ("ögonsjukvård", "ophthalmology"),
    "status.specialty.ortopedi": ("ortopedi", "orthopaedics"),
    "status.specialty.rehabilitering": ("rehabilitering", "rehabilitation"),
    "status.specialty.infektion": ("infektion", "infectious diseases"),
    "status.specialty.radiologi": ("radiologi", "radiology"),
    "status.specialty.palliativ-vard": ("palliativ vård", "palliative care"),
    "status.specialty.sabo": ("SÄBO", "nursing home (SÄBO)"),
    "status.specialty.bvc": ("BVC", "child health centre (BVC)"),
    "status.specialty.mvc": ("MVC", "antenatal clinic (MVC)"),
    "status.specialty.other": ("annan", "other"),
}
