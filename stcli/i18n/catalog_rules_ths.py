"""Time (T), supervision (H), assessment (A), study time (S) and patient list (L) rules:
messages, hints and `st explain` texts."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- T001 projected-completion ---------------------------------------------------------
    "rule.T001.doc": (
        "Visar alltid tjänstgjord tid, kravet och beräknat slutdatum. Tjänstgjorda månader = "
        "för varje dag från `start` till och med datumet den bedöms per (`--as-of`, annars i "
        "dag): tjänstgöringsgrad × (1 − "
        "andel ledighet som inte räknas) / antal dagar i dagens kalendermånad, plus "
        "tillgodoräknade månader. Kravet är 60 månader enligt SOSFS 2015:8 (54 med svensk "
        "doktorsexamen) och 66 enligt HSLF-FS 2021:8, BT inräknad. Slutdatum är första dagen "
        "då kravet nås, räknat med planerad tjänstgöringsgrad och planerad ledighet.",
        "Always shows the months served, the requirement and the projected completion. Served "
        "months = for each day from `start` through the as-of date: employment percent × "
        "(1 − share on leave that does not count) / days in that calendar month, plus "
        "credited months. The requirement is 60 months under SOSFS 2015:8 (54 with a Swedish "
        "doctoral degree) and 66 under HSLF-FS 2021:8, BT included. The completion date is "
        "the first day the requirement is reached, with planned employment and planned leave.",
    ),
    "rule.T001.projected": (
        "{served} av {required|månad|månader} tjänstgjorda, {remaining} kvar; beräknat klart "
        "{completion}",
        "{served} of {required|month|months} served, {remaining} to go; projected completion "
        "{completion}",
    ),
    "rule.T001.projected_credited": (
        "{served} av {required|månad|månader} tjänstgjorda (varav {credited} tillgodoräknade), "
        "{remaining} kvar; beräknat klart {completion}",
        "{served} of {required|month|months} served ({credited} of them credited), {remaining} to "
        "go; projected completion {completion}",
    ),
    "rule.T001.reached": (
        "{served} av {required|månad|månader} tjänstgjorda: kravet nåddes {completion}",
        "{served} of {required|month|months} served: the requirement was reached on {completion}",
    ),
    "rule.T001.never": (
        "{served} av {required|månad|månader} tjänstgjorda; kravet nås inte med den planerade "
        "tjänstgöringsgraden och ledigheten",
        "{served} of {required|month|months} served; the requirement is not reached with the "
        "planned employment and leave",
    ),
    # --- T002 long-absence -------------------------------------------------------------------
    "rule.T002.doc": (
        "Sjukskrivning och vab räknas som ST-tid, men vid långa sjukskrivningar och/eller "
        "vab kan ST-tiden förlängas efter individuell bedömning. Varnar när dagarna med "
        "`sjukskrivning` eller `vab` i ett ST-år (det pågående fram till datumet den bedöms per) "
        "är "
        "fler än `max_days`. Överlappande poster räknas en gång; en dag på deltidsfrånvaro "
        "räknas som en dag.",
        "Sick leave and VAB count as ST time, but long sick leave and/or VAB may extend the "
        "ST after an individual assessment. Warns when the days on `sjukskrivning` or `vab` "
        "in one ST year (the current one up to the as-of date) exceed `max_days`. "
        "Overlapping entries count once; a day of part-time absence counts as a day.",
    ),
    "rule.T002.too_many_days": (
        "ST-år {year} ({start}–{end}): {days|dag|dagar} sjukskrivning eller vab, fler än "
        "{max_days}; ST-tiden kan förlängas efter individuell bedömning",
        "ST year {year} ({start}–{end}): {days|day|days} of sick leave or VAB, more than "
        "{max_days}; the ST may be extended after an individual assessment",
    ),
    "rule.T002.talk_to_director": (
        "stäm av med studierektor om tiden behöver förlängas",
        "ask the studierektor whether the time needs to be extended",
    ),
    # --- T003 credited-time ------------------------------------------------------------------
    "rule.T003.doc": (
        "Tillgodoräknad tid (`credited` i st.yaml) från tjänstgöring före ST under ST-lika "
        "förhållanden. VGR räknar vid inskrivningen in högst 6 månader, och tiden kan "
        "justeras vid mittvärderingen: i VGR är en summa över `max_months` en varning. I "
        "andra regioner prövas tillgodoräknandet individuellt (SFS 2020:1098 tillåter det), "
        "och fyndet är information.",
        "Credited time (tillgodoräknad tid, `credited` in st.yaml) from service before the "
        "ST under ST-like conditions. VGR counts at most 6 months at enrolment, and the "
        "time may be adjusted at the mid-ST evaluation: in VGR a sum over `max_months` is a "
        "warning. Elsewhere crediting is decided individually (SFS 2020:1098 allows it), "
        "and the finding is information.",
    ),
    "rule.T003.too_much": (
        "{credited|månad|månader} tillgodoräknade, mer än {max_months}",
        "{credited|month|months} credited, more than {max_months}",
    ),
    "rule.T003.midway": (
        "vid inskrivningen räknas högst {max_months|månad|månader} in; resten kan prövas vid "
        "mittvärderingen",
        "at most {max_months|month|months} are counted at enrolment; the rest may be reviewed at "
        "the mid-ST evaluation",
    ),
    # --- T004 planned-end-too-early ----------------------------------------------------------
    "rule.T004.doc": (
        "`planned_end` i st.yaml (planerad ansökan om specialistbevis) jämförs med beräknat "
        "slutdatum (se T001). Varnar när det planerade datumet ligger före.",
        "`planned_end` in st.yaml (planned application for the specialist certificate) is "
        "compared with the projected completion (see T001). Warns when it is earlier.",
    ),
    "rule.T004.too_early": (
        "planerat slut {planned_end} ligger {days|dag|dagar} före beräknat slutdatum "
        "{completion} ({remaining|månad|månader} kvar)",
        "the planned end {planned_end} is {days|day|days} before the projected completion "
        "{completion} ({remaining|month|months} to go)",
    ),
    "rule.T004.never": (
        "planerat slut {planned_end}, men kravet på {required|månad|månader} nås inte med den "
        "planerade tjänstgöringsgraden och ledigheten",
        "planned end {planned_end}, but the requirement of {required|month|months} is not reached "
        "with the planned employment and leave",
    ),
    "rule.T004.move_planned_end": (
        "flytta `planned_end` till {completion} eller senare, eller planera mer tjänstgöring",
        "move `planned_end` to {completion} or later, or plan more service",
    ),
    # --- T005 bt-length ----------------------------------------------------------------------
    "rule.T005.doc": (
        "Gäller HSLF-FS 2021:8. Bastjänstgöringen (`bt:` i st.yaml) ska vara minst "
        "`min_bt_months` månader omräknat till heltid (deltid och föräldraledighet förlänger "
        "den), och ansökan om intyg om godkänd bastjänstgöring bör göras inom de första två "
        "åren: `approval_within_months` månader i tjänst efter ST-starten (ledighet som inte "
        "räknas och deltid förlänger tiden, som i T001). Godkännandet är `bt.approved` eller "
        "en milstolpe `bt-intyg`.",
        "Applies to HSLF-FS 2021:8. Bastjänstgöring (BT, `bt:` in st.yaml) must be at least "
        "`min_bt_months` months at full time (part time and parental leave make it longer), "
        "and the application for the BT certificate (intyg om godkänd bastjänstgöring) "
        "should be made within the first two years: `approval_within_months` months served "
        "after the ST start (leave that does not count and part time extend it, as in "
        "T001). The approval is `bt.approved` or a `bt-intyg` milestone.",
    ),
    "rule.T005.too_short": (
        "BT {start}–{end} ger {months|månad|månader} omräknat till heltid, kortare än "
        "{min_months|månad|månader}",
        "BT {start}–{end} gives {months|month|months} at full time, shorter than "
        "{min_months|month|months}",
    ),
    "rule.T005.not_approved": (
        "BT är inte godkänd, och {deadline} ({months|månad|månader} i tjänst efter ST-starten "
        "{start}) har passerat",
        "BT is not approved, and {deadline} ({months|month|months} served after the ST start "
        "{start}) has passed",
    ),
    "rule.T005.no_bt": (
        "ingen BT (`bt:`) i st.yaml och inget BT-intyg, och {deadline} ({months|månad|månader} i "
        "tjänst efter ST-starten {start}) har passerat",
        "no BT (`bt:`) in st.yaml and no BT certificate, and {deadline} ({months|month|months} "
        "served after the ST start {start}) has passed",
    ),
    "rule.T005.record_approval": (
        "ange datum för intyget om godkänd bastjänstgöring under `bt: approved:`",
        "give the date of the BT certificate (intyg om godkänd bastjänstgöring) under "
        "`bt: approved:`",
    ),
    # --- BT001 bt-content ---------------------------------------------------------------------
    "rule.BT001.doc": (
        "Gäller HSLF-FS 2021:8. Bastjänstgöringen ska innehålla tjänstgöring i primärvård "
        "och i akut sjukvård (Bilaga 3, intyg om fullgjord BT): perioden `bt.start`–`bt.end` "
        "behöver minst en placeringsdag av varje slag. En placerings del av BT är dess "
        "`setting:`, annars följer den av typ och specialitet (vårdcentral: primärvård; "
        "akutsjukvård, internmedicin, kirurgi, ortopedi, infektion, akut barnsjukvård: akut "
        "sjukvård). Auskultationer räknas inte som tjänstgöring här. Dessutom: ett BT-delmål "
        "utan något underlag alls är information; en varning från `warn_before_end_months` "
        "månader före `bt.end` tills BT är godkänd, och information igen när BT är godkänd "
        "(då är det underlaget som är ofullständigt, inte BT).",
        "Applies to HSLF-FS 2021:8. Bastjänstgöring (BT) must include service in primary "
        "care (primärvård) and in acute care (akut sjukvård) (Bilaga 3, intyg om fullgjord "
        "BT): the period `bt.start`–`bt.end` needs at least one placement day of each. A "
        "placement's part of BT is its `setting:`, otherwise it follows from type and "
        "specialty (vårdcentral: primary care; akutsjukvard, internmedicin, kirurgi, "
        "ortopedi, infektion, akut-barnsjukvard: acute care). An auskultation does not count "
        "as service here. Also: a BT delmål with no evidence at all is information; a "
        "warning from `warn_before_end_months` months before `bt.end` until BT is approved, "
        "and information again once BT is approved (then the record is incomplete, not the "
        "BT).",
    ),
    "rule.BT001.no_primarvard": (
        "BT {period:sv} har ingen placering i primärvård",
        "BT {period:en} has no placement in primary care (primärvård)",
    ),
    "rule.BT001.no_akut": (
        "BT {period:sv} har ingen placering i akut sjukvård",
        "BT {period:en} has no placement in acute care (akut sjukvård)",
    ),
    "rule.BT001.period": ("{start}–{end}", "{start}–{end}"),
    "rule.BT001.period_open": ("(från {start})", "(from {start})"),
    "rule.BT001.add_part": (
        "lägg till placeringen, eller ange `setting: {setting}` på en placering inom BT som "
        "hör dit",
        "add the placement, or give `setting: {setting}` to a placement within BT that "
        "belongs there",
    ),
    "rule.BT001.delmal_without_evidence": (
        "{count} av {total} BT-delmål saknar underlag: {codes}",
        "{count} of {total} BT delmål have no evidence: {codes}",
    ),
    "rule.BT001.name_delmal": (
        "ange BT-delmålen under `delmal:` på de placeringar, kurser och aktiviteter som "
        "styrker dem",
        "name the BT delmål under `delmal:` on the placements, courses and activities that "
        "prove them",
    ),
    # --- H001 supervision-gap ----------------------------------------------------------------
    "rule.H001.doc": (
        "Handledning minst en timme i veckan, oavsett tjänstgöringsgrad. Räknar dagarna i "
        "tjänst utan handledning mellan två tillfällen, från ST-starten till första "
        "tillfället och från sista tillfället till dagen bedömningen gäller. Dagar på "
        "ledighet av alla slag räknas inte. Varnar när ett uppehåll är längre än "
        "`max_gap_days` dagar i tjänst. I Region Gävleborg får handledningen glesas ut "
        "under sommarperioden (15 juni–15 augusti) men ska ske kontinuerligt: ett uppehåll "
        "med minst en dag i tjänst under sommarperioden får vara upp till "
        "`summer_max_gap_days` dagar i tjänst, sommardagarna medräknade. I VGR ska "
        "handledningen ske även under semestertider, så där finns ingen sommarperiod.",
        "Supervision at least an hour a week, whatever the employment percent. Counts the "
        "days in service without supervision between two sessions, from the ST start to "
        "the first session and from the last session to the date judged. Days on leave of "
        "any kind do not count. Warns when a gap is longer than `max_gap_days` days in "
        "service. In Region Gävleborg supervision may be thinned in the summer period "
        "(sommarperioden, 15 June–15 August) but must go on: a gap with at least one day in "
        "service in the summer period may be up to `summer_max_gap_days` days in service, "
        "summer days included. In VGR supervision goes on in the holidays too, so there is "
        "no summer period there.",
    ),
    "rule.H001.between": (
        "{days|dag|dagar} i tjänst utan handledning mellan {after} och {before} (högst "
        "{max_days}; ledighet räknas inte)",
        "{days|day|days} in service without supervision between {after} and {before} (at most "
        "{max_days}; leave does not count)",
    ),
    "rule.H001.from_start": (
        "{days|dag|dagar} i tjänst från ST-starten {start} till första handledningen {before} "
        "(högst {max_days})",
        "{days|day|days} in service from the ST start {start} to the first supervision "
        "{before} (at most {max_days})",
    ),
    "rule.H001.since_last": (
        "{days|dag|dagar} i tjänst utan handledning sedan {after} (högst {max_days})",
        "{days|day|days} in service without supervision since {after} (at most {max_days})",
    ),
    "rule.H001.none": (
        "ingen handledning registrerad: {days|dag|dagar} i tjänst sedan ST-starten {start} "
        "(högst {max_days} utan handledning)",
        "no supervision recorded: {days|day|days} in service since the ST start {start} (at "
        "most {max_days} without supervision)",
    ),
    "rule.H001.record_sessions": (
        "för in handledningstillfällena i `supervision/`",
        "record the supervision sessions in `supervision/`",
    ),
    # --- H002 supervision-volume -------------------------------------------------------------
    "rule.H002.doc": (
        "Minst `min_minutes_per_week` minuter handledning per vecka i tjänst, oavsett "
        "tjänstgöringsgrad. Veckor i tjänst = ST-årets dagar som inte är lediga, delat med "
        "7; i Region Gävleborg räknas inte heller dagarna i sommarperioden "
        "(`summer_start`–`summer_end`, 15 juni–15 augusti). Varnar för avslutade ST-år "
        "under gränsen; det pågående ST-året visas som lägesbild (info).",
        "At least `min_minutes_per_week` minutes of supervision per week in service, "
        "whatever the employment percent. Weeks in service = days of the ST year not on "
        "leave, divided by 7; in Region Gävleborg the days of the summer period "
        "(sommarperioden, `summer_start`–`summer_end`, 15 June–15 August) are left out "
        "too. Warns for completed ST years below the limit; the current year is shown as "
        "progress (info).",
    ),
    "rule.H002.too_little": (
        "ST-år {year} ({start}–{end}): {minutes|minut|minuter} handledning på "
        "{weeks|vecka|veckor} i "
        "tjänst = {per_week} min/vecka, under {min_per_week}",
        "ST year {year} ({start}–{end}): {minutes|minute|minutes} of supervision over "
        "{weeks|week|weeks} in service = {per_week} min/week, below {min_per_week}",
    ),
    "rule.H002.current": (
        "ST-år {year} hittills: {minutes|minut|minuter} handledning på {weeks|vecka|veckor} i "
        "tjänst = "
        "{per_week} min/vecka (minst {min_per_week})",
        "ST year {year} so far: {minutes|minute|minutes} of supervision over {weeks|week|weeks} in "
        "service = {per_week} min/week (at least {min_per_week})",
    ),
    "rule.H002.current_behind": (
        "ST-år {year} hittills: {minutes|minut|minuter} handledning på {weeks|vecka|veckor} i "
        "tjänst = "
        "{per_week} min/vecka; {needed|minut|minuter} till behövs för {min_per_week} min/vecka",
        "ST year {year} so far: {minutes|minute|minutes} of supervision over {weeks|week|weeks} in "
        "service = {per_week} min/week; {needed|more minute is|more minutes are} needed for "
        "{min_per_week} min/week",
    ),
    # --- H003 main-supervisor ----------------------------------------------------------------
    "rule.H003.doc": (
        "Varje dag i tjänst ska ha en huvudhandledare som är specialist i allmänmedicin: en "
        "handledare i st.yaml med `role: main` och `specialty: allmanmedicin` täcker dagarna "
        "från `from` (annars ST-starten) till `to` (annars tills vidare). Dagar på ledighet "
        "behöver ingen handledare.",
        "Every day in service needs a main supervisor who is a specialist in general "
        "practice: a supervisor in st.yaml with `role: main` and `specialty: allmanmedicin` "
        "covers the days from `from` (else the ST start) to `to` (else open-ended). Days on "
        "leave need no supervisor.",
    ),
    "rule.H003.none": (
        "ingen huvudhandledare (`role: main`) i allmänmedicin i st.yaml",
        "no main supervisor (`role: main`) in general practice in st.yaml",
    ),
    "rule.H003.main_not_gp": (
        "huvudhandledaren {name} har specialiteten {specialty}, inte allmänmedicin",
        "the main supervisor {name} has the specialty {specialty}, not allmanmedicin",
    ),
    "rule.H003.uncovered": (
        "ingen huvudhandledare i allmänmedicin {first}–{last} ({days|dag|dagar} i tjänst)",
        "no main supervisor in general practice {first}–{last} ({days|day|days} in service)",
    ),
    "rule.H003.add_main": (
        "ange huvudhandledaren under `supervisors:` med `role: main`, "
        "`specialty: allmanmedicin` och `from`/`to`",
        "add the main supervisor under `supervisors:` with `role: main`, "
        "`specialty: allmanmedicin` and `from`/`to`",
    ),
    # --- H004 supervisor-training ------------------------------------------------------------
    "rule.H004.doc": (
        "Huvudhandledaren ska ha en uppdaterad handledarutbildning (Region Gävleborg, "
        "VGR): en huvudhandledare utan `training` i st.yaml är en varning. I Region "
        "Gävleborg bör utbildningen dessutom inte vara äldre än `max_training_age_years` "
        "år. Gäller de huvudhandledare vars period omfattar dagen bedömningen gäller; ett "
        "årtal ensamt (`training: 2021`) betyder 31 december det året.",
        "The main supervisor is to have an up-to-date supervisor training "
        "(handledarutbildning; Region Gävleborg, VGR): a main supervisor without `training` "
        "in st.yaml is a warning. In Region Gävleborg the training should moreover not be "
        "older than `max_training_age_years` years. Applies to the main supervisors whose "
        "period holds the date judged; a year alone (`training: 2021`) means 31 December "
        "of that year.",
    ),
    "rule.H004.too_old": (
        "handledarutbildningen för huvudhandledaren {name} ({training}) är mer än {years} "
        "år gammal per {as_of} (gick ut {expired}); den bör inte vara äldre än {years} år",
        "the supervisor training of the main supervisor {name} ({training}) is more than "
        "{years|year|years} old on {as_of} (expired {expired}); it should not be older than "
        "{years|year|years}",
    ),
    "rule.H004.missing": (
        "huvudhandledaren {name} har ingen handledarutbildning angiven (`training`)",
        "the main supervisor {name} has no supervisor training (handledarutbildning) "
        "recorded (`training`)",
    ),
    "rule.H004.add_training": (
        "ange året (eller datumet) för handledarutbildningen under `training:`",
        "give the year (or date) of the supervisor training under `training:`",
    ),
    "rule.H004.update_training": (
        "uppdatera handledarutbildningen och ange det nya datumet under `training:`",
        "update the supervisor training and give the new date under `training:`",
    ),
    # --- H005 early-distance-supervision -----------------------------------------------------
    "rule.H005.doc": (
        "Formell handledning på distans ska godkännas av studierektor och bör inte ske "
        "förrän in på år 2–3 av ST. Varnar för varje tillfälle med `form: distance` före "
        "ST-år `from_st_year`.",
        "Formal supervision at a distance must be approved by the studierektor and should "
        "not happen before years 2–3 of the ST. Warns for each session with "
        "`form: distance` before ST year `from_st_year`.",
    ),
    "rule.H005.too_early": (
        "handledning på distans {day} i ST-år {year}; distanshandledning bör vänta till "
        "ST-år {from_year} (från {from_day})",
        "supervision at a distance on {day} in ST year {year}; distance supervision should "
        "wait until ST year {from_year} (from {from_day})",
    ),
    "rule.H005.approval": (
        "distanshandledning ska godkännas av studierektor i samråd med chef och "
        "huvudhandledare",
        "distance supervision must be approved by the studierektor together with the "
        "manager and the main supervisor",
    ),
    # --- H006 homecoming-supervision ---------------------------------------------------------
    "rule.H006.doc": (
        "Handledningen fortsätter under sidotjänstgöringen och ska även schemaläggas på "
        "hemvändardagarna. Information för varje hemvändardag (`homecoming_days` på en "
        "sidotjänstgöring) fram till dagen bedömningen gäller som saknar ett "
        "handledningstillfälle samma dag. Gäller Region Gävleborg.",
        "Supervision goes on during a side placement (sidotjänstgöring) and is to be "
        "scheduled on the homecoming days (hemvändardagar) too. Information for each "
        "homecoming day (`homecoming_days` of a sidotjänstgöring) up to the date judged "
        "without a supervision session that day. Applies in Region Gävleborg.",
    ),
    "rule.H006.no_session": (
        "ingen handledning registrerad på hemvändardagen {day} under sidotjänstgöringen i "
        "{specialty}",
        "no supervision recorded on the homecoming day {day} during the side placement "
        "(sidotjänstgöring) in "
        "{specialty}",
    ),
    "rule.H006.schedule": (
        "boka handledning på hemvändardagarna och för in tillfället i `supervision/`",
        "book supervision on the homecoming days and record the session in `supervision/`",
    ),
    # --- A001 assessments-per-year -----------------------------------------------------------
    "rule.A001.doc": (
        "Kompetensbedömning 4–6 gånger per år (Region Gävleborg; där är fyndet en varning). "
        "I andra regioner är 4 verktygets eget standardvärde och fyndet ett råd (info). "
        "Gäller avslutade ST-år med färre bedömningar än `min_per_year`; minimum minskas i "
        "proportion till ledighet som inte räknas (minimum × dagar utan sådan ledighet / "
        "årets dagar, avrundat uppåt), men inte för deltid. En bedömning räknas till "
        "ST-året som håller dess datum, eller det `st_year:` anger. Det pågående året "
        "visas som lägesbild (info) med hur många som återstår.",
        "Competence assessment (kompetensbedömning) 4–6 times a year (Region Gävleborg; "
        "there the finding is a warning). In other regions 4 is the tool's own default and "
        "the finding is advice (info). Applies to completed ST years with fewer assessments "
        "than `min_per_year`; the minimum is lowered in proportion to leave that does not "
        "count (minimum × days without such leave / days of the year, rounded up), but not "
        "for part time. An assessment counts for the ST year holding its date, or the one "
        "its `st_year:` names. The current year is shown as progress (info) with how many "
        "remain.",
    ),
    "rule.A001.too_few": (
        "ST-år {year} ({start}–{end}): {count|kompetensbedömning|kompetensbedömningar}, minst "
        "{minimum}",
        "ST year {year} ({start}–{end}): {count|competence assessment|competence assessments}, at "
        "least {minimum}",
    ),
    "rule.A001.too_few_pro_rata": (
        "ST-år {year} ({start}–{end}): {count|kompetensbedömning|kompetensbedömningar}, minst "
        "{minimum} "
        "({full_minimum} minskat för ledighet)",
        "ST year {year} ({start}–{end}): {count|competence assessment|competence assessments}, at "
        "least {minimum} "
        "({full_minimum} reduced for leave)",
    ),
    "rule.A001.current_remaining": (
        "ST-år {year}: {count} av minst {minimum|kompetensbedömning|kompetensbedömningar}; "
        "{remaining} kvar "
        "före {end}",
        "ST year {year}: {count} of at least "
        "{minimum|competence assessment|competence assessments}; {remaining} "
        "to go before {end}",
    ),
    "rule.A001.current_done": (
        "ST-år {year}: {count|kompetensbedömning|kompetensbedömningar} hittills, minst {minimum} "
        "uppnått "
        "(riktvärde {full_minimum}–{maximum} per år)",
        "ST year {year}: {count|competence assessment|competence assessments} so far, the minimum "
        "of {minimum} is "
        "met (guide {full_minimum}–{maximum} a year)",
    ),
    "rule.A001.methods": (
        "planera bedömningar i förväg med överenskomna metoder och för in dem i "
        "`assessments/`",
        "plan assessments ahead with agreed methods and record them in `assessments/`",
    ),
    # --- A002 assessment-variety -------------------------------------------------------------
    "rule.A002.doc": (
        "Bedöm olika moment med olika metoder: konsultation, undersökningsteknik, praktiska "
        "färdigheter, journal-, remiss- och intygsgranskning, video. Tipsar när ett "
        "avslutat ST-års bedömningar använder färre än `min_methods` metoder.",
        "Assess different parts with different methods: consultation, examination "
        "technique, practical skills, review of records, referrals and certificates, "
        "video. Advises when a completed ST year's assessments use fewer than "
        "`min_methods` methods.",
    ),
    "rule.A002.one_method": (
        "ST-år {year} ({start}–{end}): alla {count|kompetensbedömning|kompetensbedömningar} "
        "gjordes med "
        "{method}",
        "ST year {year} ({start}–{end}): all {count|competence assessment|competence assessments} "
        "used {method}",
    ),
    "rule.A002.few_methods": (
        "ST-år {year} ({start}–{end}): {count|kompetensbedömning|kompetensbedömningar} med bara "
        "{methods} "
        "(minst {wanted|metod|metoder})",
        "ST year {year} ({start}–{end}): {count|competence assessment|competence assessments} "
        "with only "
        "{methods} (at least {wanted|method|methods})",
    ),
    "rule.A002.vary": (
        "variera metoderna, t.ex. mini-cex, dops, cbd, medsittning, video och "
        "journalgranskning",
        "vary the methods, e.g. mini-cex, dops, cbd, medsittning, video and "
        "journalgranskning",
    ),
    # --- S001 study-time ---------------------------------------------------------------------
    "rule.S001.doc": (
        "Fyra timmars studietid (kompetensutvecklingstid, ST-tid) per vecka vid heltid, "
        "minskad i proportion vid deltid. Varnar när `study_hours_per_week` i st.yaml är "
        "mindre än `hours_per_week_full_time` × tjänstgöringsgraden per det datum portföljen "
        "bedöms.",
        "Four hours of study time (kompetensutvecklingstid, ST-tid) a week at full time, "
        "reduced in proportion for part time. Warns when `study_hours_per_week` in st.yaml "
        "is less than `hours_per_week_full_time` × the employment percent on the as-of date.",
    ),
    "rule.S001.too_little": (
        "överenskommen studietid {hours} h/vecka är mindre än {full} h × {percent} % = "
        "{required} h/vecka",
        "the agreed study time of {hours} h/week is less than {full} h × {percent} % = "
        "{required} h/week",
    ),
    "rule.S001.contract": (
        "ta upp studietiden med handledare och chef och skriv in den i ST-kontraktet",
        "raise the study time with the supervisor and manager and put it in the ST contract",
    ),
    # --- L001 patient-list -------------------------------------------------------------------
    "rule.L001.doc": (
        "Jämför patientlistan som gäller per det datum portföljen bedöms med riktmärket. Region "
        "Gävleborg: vid heltid ca 500–600 patienter vid start, +150 per år (tjänstgjorda "
        "månader / 12, så att ledighet och deltid inte räknas som erfarenhet), upp till "
        "1 200–1 300 det sista halvåret, minskat i proportion vid deltid. Annars (SFAM, "
        "Socialstyrelsen): 550 listade i mitten av ST, i proportion vid deltid; före halva "
        "tiden säger riktmärket inget.",
        "Compares the patient list in force on the as-of date with the guide. Region "
        "Gävleborg: at full time about 500–600 patients at the start, +150 a year (served "
        "months / 12, so leave and part time do not count as experience), up to "
        "1,200–1,300 in the last half year, reduced in proportion for part time. Elsewhere "
        "(SFAM, Socialstyrelsen): 550 listed at mid-ST, in proportion for part time; before "
        "half-time the guide says nothing.",
    ),
    "rule.L001.below": (
        "{size} listade patienter, färre än riktmärket {low}–{high} efter {served} månaders "
        "tjänstgöring vid {percent} %",
        "{size} listed patients, fewer than the guide of {low}–{high} after {served|month|months} "
        "of service at {percent} %",
    ),
    "rule.L001.above": (
        "{size} listade patienter, fler än riktmärket {low}–{high} efter {served} månaders "
        "tjänstgöring vid {percent} %",
        "{size} listed patients, more than the guide of {low}–{high} after {served|month|months} "
        "of service at {percent} %",
    ),
    "rule.L001.below_last_half_year": (
        "{size} listade patienter, färre än riktmärket {low}–{high} för det sista halvåret "
        "vid {percent} %",
        "{size} listed patients, fewer than the guide of {low}–{high} for the last half "
        "year at {percent} %",
    ),
    "rule.L001.above_last_half_year": (
        "{size} listade patienter, fler än riktmärket {low}–{high} för det sista halvåret "
        "vid {percent} %",
        "{size} listed patients, more than the guide of {low}–{high} for the last half "
        "year at {percent} %",
    ),
    "rule.L001.below_mid_st": (
        "{size} listade patienter efter halva ST ({served} av {required|månad|månader}), färre "
        "än riktmärket {target} vid {percent} %",
        "{size} listed patients after half the ST ({served} of {required|month|months}), fewer "
        "than the guide of {target} at {percent} %",
    ),
}
