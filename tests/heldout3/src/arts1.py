# h3-01 .. h3-07. Every person, event, quote and judgement is invented.
# Quote specs in document order: "X" scare (speaker null), "S:Name" speech, "R:Ofsted" report.
ARTS = []

MEDWAY = ("Medway Council", "E06000035")
ARTS.append(dict(
    id="h3-01", url="https://www.example.org/news/uk-england-kent-65550117",
    outlet="Regional News Online, South East (BBC-style) [invented]", published="2023-05-17", published_basis="text",
    trap=False,
    text="""Medway children's services no longer ‘inadequate’, says Ofsted

  • Published
17 May 2023

Image caption,
Medway Council's children's services were rated inadequate in 2019

Children's services in Medway have moved up a grade and are no longer failing, according to inspectors.

Ofsted rated the council's services as "requires improvement to be good" after a three-week inspection in March.

In 2019 the same services were judged inadequate, the lowest of the watchdog's four grades.

Inspectors said children in care and care leavers now received a "good" service, but help and protection for children still required improvement.

"We are not where we want to be yet," said Councillor Priya Dhanjal, the cabinet member for children's services.

"But this report shows that the hard work of our social workers is being noticed, and families are getting help sooner."

Ms Dhanjal said the council would now aim for a "good" rating at its next inspection.

‘Too long’

The report found the impact of leaders "requires improvement", noting that senior managers had "a clear and realistic understanding" of where practice was still weak.

Inspectors said caseloads had fallen, but warned: "Too many children still wait too long for an assessment when they first come to the attention of children's social care."

Opposition Conservative group leader Graham Tuttlebury said the result was "a step forward, not a finish line".

"Families in Medway deserved better for years," he added.

The director of children's services, Leonie Farrant-Hughes, said the council had spent £2.3m on recruiting permanent social workers since 2021, cutting its reliance on agency staff.

The Ofsted ruling came a week after Medway Maritime Hospital was rated "requires improvement" by the Care Quality Commission.
""",
    quotes=["X", "X", "X", "S:Priya Dhanjal", "S:Priya Dhanjal", "X", "X", "X",
            "R:Ofsted", "R:Ofsted", "S:Graham Tuttlebury", "S:Graham Tuttlebury", "X"],
    councils=[(MEDWAY[0], MEDWAY[1], ["Medway", "Medway Council's", "the council"])],
    people=[("Priya Dhanjal", "cabinet member for children's services", "Medway Council"),
            ("Graham Tuttlebury", "Opposition Conservative group leader", "Medway Council"),
            ("Leonie Farrant-Hughes", "director of children's services", "Medway Council")],
    ratings=[
        ("E06000035", "requires improvement", "overall effectiveness", 2023, [], "publication date",
         'Ofsted rated the council\'s services as "requires improvement to be good" after a three-week inspection in March.',
         {"as_written": "requires improvement to be good", "notes": "Main news (ILACS, inspection March 2023). Headline 'no longer inadequate' and 'moved up a grade'."}),
        ("E06000035", "good", "children in care", 2023, [], "publication date",
         'Inspectors said children in care and care leavers now received a "good" service',
         {"notes": "ILACS 2023: separate judgements for children in care and care leavers."}),
        ("E06000035", "good", "care leavers", 2023, [], "publication date",
         'Inspectors said children in care and care leavers now received a "good" service'),
        ("E06000035", "requires improvement", "help and protection", 2023, [], "publication date",
         "but help and protection for children still required improvement",
         {"as_written": "still required improvement"}),
        ("E06000035", "requires improvement", "leadership", 2023, [], "publication date",
         'The report found the impact of leaders "requires improvement"'),
        ("E06000035", "inadequate", "overall effectiveness", 2019, [], "stated",
         "In 2019 the same services were judged inadequate",
         {"notes": "History; also in the image caption."}),
    ],
    notes="BBC-style regional piece. Second 'good' quote is the council's hoped-for grade at the next inspection (not a judgement). The hospital's CQC 'requires improvement' is not a council rating. Money: £2.3m recruitment spend since 2021 (no rate).",
))

ROCHDALE = ("Rochdale Metropolitan Borough Council", "E08000005")
ARTS.append(dict(
    id="h3-02", url="https://www.example.com/rochdale/news/town-childrens-services-perform-adequately",
    outlet="Rochdale Weekly Voice [invented]", published="2009-12-10", published_basis="text",
    trap=False,
    text="""Town's children's services ‘perform adequately’ – watchdog

Thursday, December 10, 2009

ROCHDALE Council's services for children have been given a middling verdict by Ofsted in its annual assessment.

The watchdog said the borough's children's services "perform adequately" – level two on a four-point scale – in ratings published yesterday for every council in England.

It is a drop from last year, when the council's annual performance assessment awarded children's services a grade three, or "good".

Ofsted's letter to the council said: "Outcomes for children and young people are broadly in line with those found in similar areas, but the council has not yet secured consistent improvement in safeguarding."

The news comes a year after the Audit Commission gave the council as a whole three stars out of four in the last comprehensive performance assessment.

Cllr Ashok Bremner, cabinet member for children's services, said he was "disappointed but not surprised".

He said: "We knew that referrals had risen sharply over the past year and that our teams were under real pressure. We have already put an extra £650,000 into recruiting social workers."

The department is forecast to overspend by £1.4m this year, largely on residential placements outside the borough which can cost £3,200 a week.

Liberal Democrat councillor Maureen Cathcart called the rating "a wake-up call for the whole council".

"Two years ago we were being told children's services were on the way to excellent. Now we are scraping adequate," she said.
""",
    quotes=["X", "X", "X", "R:Ofsted", "S:Ashok Bremner", "S:Ashok Bremner", "S:Maureen Cathcart", "S:Maureen Cathcart"],
    councils=[(ROCHDALE[0], ROCHDALE[1], ["ROCHDALE Council's", "the borough's", "the council"])],
    people=[("Ashok Bremner", "Cllr, cabinet member for children's services", "Rochdale Council"),
            ("Maureen Cathcart", "Liberal Democrat councillor", "Rochdale Council")],
    ratings=[
        ("E08000005", "adequate", "overall children's services", 2009, [], "publication date",
         'The watchdog said the borough\'s children\'s services "perform adequately"',
         {"as_written": "perform adequately", "notes": "2009 annual rating of council children's services (Comprehensive Area Assessment), 'level two on a four-point scale'."}),
        ("E08000005", "good", "overall children's services", 2008, [], "relative to publication",
         'It is a drop from last year, when the council\'s annual performance assessment awarded children\'s services a grade three, or "good".',
         {"as_written": "a grade three, or good", "notes": "History: 2008 APA, 'last year'."}),
    ],
    per={"£3,200": "week"},
    notes="Local weekly, 2009 annual ratings. The Audit Commission's 'three stars out of four' is a CPA rating of the whole council, not a children's-services judgement. 'on the way to excellent' (quoted councillor) and 'scraping adequate' restate the current grade / a hoped-for one, not new judgements. Money: £650,000 (no rate), £1.4m overspend, £3,200 a week per placement.",
))

CBEDS = ("Central Bedfordshire Council", "E06000056")
ARTS.append(dict(
    id="h3-03", url="https://www.example.org/centralbeds/news/ofsted-judges-childrens-services-good",
    outlet="Central Bedfordshire Council (press release) [invented]", published="2016-03-09", published_basis="text",
    trap=False,
    text="""Ofsted judges Central Bedfordshire children's services good

Posted: 9 March 2016

Central Bedfordshire Council's services for vulnerable children have been judged good by Ofsted, with the adoption service rated outstanding.

Inspectors spent four weeks in January and February looking at how the council helps and protects children, looks after children in its care and supports care leavers.

The overall judgement of good is an improvement on 2012, when a safeguarding inspection rated the council's services adequate.

In its report, Ofsted said: "Children and young people in Central Bedfordshire are safer as a result of timely and well co-ordinated help."

Services for children who need help and protection, children looked after, and leadership, management and governance were all judged good. The experiences and progress of care leavers was also rated good, while adoption performance was graded outstanding.

"This is a tremendous result for the children of Central Bedfordshire and for the staff who work tirelessly for them," said Councillor Moira Sandridge, executive member for children's services.

"We are not complacent. Good is not the end of the journey, and we want every part of the service to be outstanding by the time inspectors return."

Director of children's services Ashwin Kettleborough added: "Our adoption team has worked incredibly hard to find permanent homes for children quickly, and to be graded outstanding is recognition of that."

The council has invested an extra £1.8 million in children's social care over the past two years, including £420,000 a year for a dedicated team for teenagers on the edge of care.

"Staff deserve the credit, but caseloads are still too high in some teams," said a spokesperson for Unison's Bedfordshire branch.

Notes to editors: the inspection was carried out under Ofsted's single inspection framework.
""",
    quotes=["R:Ofsted", "S:Moira Sandridge", "S:Moira Sandridge", "S:Ashwin Kettleborough", "S:Unison"],
    orgs=["Unison"],
    councils=[(CBEDS[0], CBEDS[1], ["Central Bedfordshire Council's", "Central Bedfordshire", "the council"])],
    people=[("Moira Sandridge", "Councillor, executive member for children's services", "Central Bedfordshire Council"),
            ("Ashwin Kettleborough", "Director of children's services", "Central Bedfordshire Council")],
    ratings=[
        ("E06000056", "good", "overall effectiveness", 2016, [], "publication date",
         "Central Bedfordshire Council's services for vulnerable children have been judged good by Ofsted"),
        ("E06000056", "outstanding", "adoption", 2016, [], "publication date",
         "with the adoption service rated outstanding"),
        ("E06000056", "good", "help and protection", 2016, [], "publication date",
         "Services for children who need help and protection, children looked after, and leadership, management and governance were all judged good."),
        ("E06000056", "good", "looked after children", 2016, [], "publication date",
         "Services for children who need help and protection, children looked after, and leadership, management and governance were all judged good."),
        ("E06000056", "good", "leadership", 2016, [], "publication date",
         "Services for children who need help and protection, children looked after, and leadership, management and governance were all judged good.",
         {"notes": "SIF 'leadership, management and governance'."}),
        ("E06000056", "good", "care leavers", 2016, [], "publication date",
         "The experiences and progress of care leavers was also rated good"),
        ("E06000056", "adequate", "safeguarding", 2012, [], "stated",
         "The overall judgement of good is an improvement on 2012, when a safeguarding inspection rated the council's services adequate.",
         {"notes": "History: 2012 safeguarding and looked after children inspection, overall effectiveness of safeguarding."}),
    ],
    notes="Council press release (SIF). 'want every part of the service to be outstanding by the time inspectors return' is a hoped-for grade, not a judgement. The Unison quote is attributed to 'a spokesperson for Unison's Bedfordshire branch' (speaker: Unison). Money: £1.8 million (no rate), £420,000 a year.",
))

NN = ("North Northamptonshire Council", "E06000061")
WN = ("West Northamptonshire Council", "E06000062")
NCC = ("Northamptonshire County Council", "E10000021")
ev_ov = "Inspectors have given Northamptonshire Children's Trust, which runs children's social care on behalf of North Northamptonshire Council and West Northamptonshire Council, an overall rating of requires improvement to be good."
ev_sub = "help and protection and the experiences and progress of children in care and care leavers were both rated requires improvement"
ev_lead = "Leadership was also judged to require improvement"
ARTS.append(dict(
    id="h3-04", url="https://www.example.com/cypnow/news/northamptonshire-trust-escapes-inadequate",
    outlet="Children's Services Now (CYP Now-style trade press) [invented]", published="2022-06-21", published_basis="text",
    trap=False,
    text="""Northamptonshire children's trust escapes ‘inadequate’ rating

By Jessica Pennywhistle
Tuesday, June 21, 2022

Services for vulnerable children in North and West Northamptonshire are no longer inadequate, Ofsted has found, three years after the former county council's children's services were placed in intervention.

Inspectors have given Northamptonshire Children's Trust, which runs children's social care on behalf of North Northamptonshire Council and West Northamptonshire Council, an overall rating of requires improvement to be good.

The trust was set up in November 2020 following a 2019 inspection that judged Northamptonshire County Council's children's services inadequate overall. The county council was abolished in April 2021 and replaced by the two unitary authorities, which jointly own the trust.

In the latest inspection, carried out in April, help and protection and the experiences and progress of children in care and care leavers were both rated requires improvement. Leadership was also judged to require improvement, but inspectors said the trust's leaders had "brought stability and focus to a service that had lacked both".

The report adds that "too many children experience changes of social worker", with agency staff making up 28 per cent of the workforce.

Trust chief executive Colin Mardell-Evans said the result was "a staging post, not a destination".

"Two years ago this service was on its knees. Today it is stable, and our staff can be proud of that. But requires improvement is not where children in Northamptonshire deserve us to be," he said.

The trust's contract with the two councils is worth £164m in 2022-23, and it is forecasting an overspend of £11.2m, largely on residential placements. The Department for Education has also provided a £2.5m improvement grant.

West Northamptonshire's cabinet member for children, Councillor Fenella Okonjo, said: "We won't rest until children in every part of the county receive a good service."

Her counterpart in North Northamptonshire, Councillor Desmond Rawle, said both councils would keep funding the trust's recruitment drive.
""",
    quotes=["X", "R:Ofsted", "R:Ofsted", "S:Colin Mardell-Evans", "S:Colin Mardell-Evans", "S:Fenella Okonjo"],
    councils=[(NN[0], NN[1], ["North Northamptonshire Council", "North Northamptonshire"]),
              (WN[0], WN[1], ["West Northamptonshire Council", "West Northamptonshire's"]),
              (NCC[0], NCC[1], ["Northamptonshire County Council's", "the former county council's", "The county council"])],
    people=[("Jessica Pennywhistle", "reporter", "Children's Services Now"),
            ("Colin Mardell-Evans", "Trust chief executive", "Northamptonshire Children's Trust"),
            ("Fenella Okonjo", "Councillor, cabinet member for children", "West Northamptonshire Council"),
            ("Desmond Rawle", "Councillor, cabinet member for children", "North Northamptonshire Council")],
    ratings=[
        (c, "requires improvement", area, 2022, [], "publication date", ev, opt)
        for c in ("E06000061", "E06000062")
        for area, ev, opt in (
            ("overall effectiveness", ev_ov, {"as_written": "requires improvement to be good", "notes": "Main news; the trust runs the service for both unitary councils, so one entry per council."}),
            ("help and protection", ev_sub, {}),
            ("children in care", ev_sub, {"notes": "ILACS 2022 combined judgement (children in care and care leavers)."}),
            ("leadership", ev_lead, {"as_written": "require improvement"}))
    ] + [
        ("E10000021", "inadequate", "overall effectiveness", 2019, [], "stated",
         "following a 2019 inspection that judged Northamptonshire County Council's children's services inadequate overall",
         {"notes": "History under the abolished county council's code."}),
    ],
    notes="Trade-press piece; trust rating attributed to both successor unitaries (E06000061, E06000062), the 2019 history to the county council (E10000021). 'requires improvement is not where children ... deserve us to be' and 'receive a good service' are not judgements. Money: £164m contract, £11.2m overspend, £2.5m grant.",
))

DERBY = ("Derby City Council", "E06000015")
ARTS.append(dict(
    id="h3-05", url="https://www.example.org/derby/live-derby-budget-2025",
    outlet="Derby Live Telegraph [invented]", published="2025-02-26", published_basis="text",
    trap=False,
    text="""LIVE: Derby City Council budget 2025 – updates from the Council House

Last updated: 26 February 2025

18:52
That's it from us. The budget has been approved by 29 votes to 17. Thanks for following along.

18:20
Labour's cabinet member for children and young people, Councillor Ruth Eggington, is responding to criticism of the children's services overspend.

She told the chamber: "Every pound we spend on agency social workers is a pound we would rather spend on family support. But we will not leave a child without a social worker."

She reminded members that Derby's children's services were rated good by Ofsted in 2023, and said the council "wants to be outstanding by 2027".

17:45
Conservative group leader Councillor Malcolm Averill-Stone says the overspend in children's services – now forecast at £9.6m – is "a scandal".

"The administration keeps telling us Derby is rated good. Good is not good enough when the budget is in this state," he says.

17:10
A reminder: on Monday the council published a letter from Ofsted following a focused visit in January. Focused visits do not result in a grade. Inspectors looked at services for children in need and found social workers "know their children well", but said some plans were "too vague to help families understand what needs to change".

16:30
Finance cabinet member Councillor Jaspreet Hollowell opens the debate. The council is drawing £4.2m from reserves to balance the books, she says, and the agency staff bill in children's services is running at £380,000 a month.

16:00
Welcome to our live coverage of Derby City Council's budget meeting. Council tax is set to rise by 4.99 per cent.
""",
    quotes=["S:Ruth Eggington", "S:Ruth Eggington", "S:Malcolm Averill-Stone", "S:Malcolm Averill-Stone", "R:Ofsted", "R:Ofsted"],
    councils=[(DERBY[0], DERBY[1], ["Derby City Council", "Derby", "the council"])],
    people=[("Ruth Eggington", "Labour cabinet member for children and young people", "Derby City Council"),
            ("Malcolm Averill-Stone", "Conservative group leader", "Derby City Council"),
            ("Jaspreet Hollowell", "Finance cabinet member", "Derby City Council")],
    ratings=[
        ("E06000015", "good", "overall effectiveness", 2023, [], "stated",
         "Derby's children's services were rated good by Ofsted in 2023",
         {"notes": "History restated in the debate; 'Derby is rated good' in the 17:45 quote is a second mention of the same judgement."}),
    ],
    notes="Live blog (entries newest first). The quoted 'wants to be outstanding by 2027' is a hoped-for grade, not a judgement; it is Ruth Eggington's words (kind speech). The January focused visit gives no grade. Money: £9.6m overspend, £4.2m reserves, £380,000 a month agency bill.",
))

SANDWELL = ("Sandwell Metropolitan Borough Council", "E08000028")
DUDLEY = ("Dudley Metropolitan Borough Council", "E08000027")
ARTS.append(dict(
    id="h3-06", url="https://www.example.com/blackcountry/opinion/letters-our-children-deserve-more",
    outlet="Black Country Evening Post (letters) [invented]", published="2015", published_basis="metadata (year only)",
    trap=False,
    text="""LETTERS: Our children deserve more than excuses

Sir, – Last month Ofsted published its report into Sandwell's children's services and rated them inadequate, the lowest grade there is. Anyone who read the report will have been as shocked as I was.

Inspectors wrote that "too many children remain in situations of unassessed risk for too long" and that managers did "not have an accurate picture of the quality of frontline practice".

This is not new. As long ago as 2009, Ofsted's annual rating said Sandwell "performs poorly", and the 2012 safeguarding inspection found services only adequate.

The council's response, that it is "on a journey", will not wash with parents. The cabinet member, Councillor Derek Fullwood, told this paper that services are "not yet good but improving". They are not yet adequate, let alone good.

Compare neighbouring Dudley, whose children's services kept their good rating this year under the same inspection framework.

Sandwell spends £6m a year on agency social workers. That money would be better spent on keeping experienced staff.

Until the council stops treating this as a public relations problem, our most vulnerable children will keep paying the price.

Margaret Oyelaran-Whitby, Tipton
""",
    quotes=["R:Ofsted", "R:Ofsted", "X", "S:Sandwell Council", "S:Derek Fullwood"],
    orgs=["Sandwell Council"],
    councils=[(SANDWELL[0], SANDWELL[1], ["Sandwell's", "Sandwell", "the council"]),
              (DUDLEY[0], DUDLEY[1], ["Dudley"])],
    people=[("Derek Fullwood", "Councillor, cabinet member", "Sandwell Council"),
            ("Margaret Oyelaran-Whitby", "letter writer, Tipton", None)],
    ratings=[
        ("E08000028", "inadequate", "overall effectiveness", 2015, [2014], "publication date",
         "Last month Ofsted published its report into Sandwell's children's services and rated them inadequate",
         {"notes": "Letter dated by year only; 'last month' could fall in late 2014."}),
        ("E08000028", "poor", "overall children's services", 2009, [], "stated",
         'As long ago as 2009, Ofsted\'s annual rating said Sandwell "performs poorly"',
         {"as_written": "performs poorly", "notes": "History: 2009 annual rating (poor = inadequate in scoring)."}),
        ("E08000028", "adequate", "safeguarding", 2012, [], "stated",
         "the 2012 safeguarding inspection found services only adequate"),
        ("E08000027", "good", "overall effectiveness", 2015, [], "publication date",
         "Compare neighbouring Dudley, whose children's services kept their good rating this year",
         {"as_written": "kept their good rating", "notes": "'this year' = the letter's year; the earlier good grade is implied but undated, not annotated."}),
    ],
    notes="Letter to the editor quoting the report; dated by year only (2015). 'not yet good but improving' (councillor) and 'not yet adequate, let alone good' (writer) are negated grades, not judgements. 'on a journey' is the council's phrase (speaker: Sandwell Council). Money: £6m a year.",
))

NY = ("North Yorkshire Council", "E06000065")
NYCC = ("North Yorkshire County Council", "E10000023")
SOM = ("Somerset Council", "E06000066")
SCC = ("Somerset County Council", "E10000027")
CUMB = ("Cumberland Council", "E06000063")
BUCKS = ("Buckinghamshire Council", "E06000060")
LEW = ("London Borough of Lewisham", "E09000023")
BURY = ("Bury Metropolitan Borough Council", "E08000002")
NORF = ("Norfolk County Council", "E10000020")
HART = ("Hartlepool Borough Council", "E06000001")
THUR = ("Thurrock Council", "E06000034")
ARTS.append(dict(
    id="h3-07", url="https://www.example.org/communitycare/2024/07/12/ilacs-round-up-july",
    outlet="Social Work Weekly (Community Care-style trade press) [invented]", published="2024-07-12", published_basis="text",
    trap=False,
    text="""ILACS round-up: North Yorkshire holds on to ‘outstanding’ as Somerset climbs

July 12, 2024 by Rhiannon Achebe-Clarke

Ofsted has published a further batch of inspections of local authority children's services (ILACS). The overall effectiveness judgements are listed below, with each council's previous grade in brackets.

North Yorkshire Council – outstanding (previously outstanding, 2019, as North Yorkshire County Council)
Somerset Council – requires improvement to be good (previously inadequate, 2021, as Somerset County Council)
Cumberland Council – good (first inspection since the council was created in April 2023)
Buckinghamshire Council – requires improvement to be good (previously requires improvement, 2022)
Lewisham – good (previously good, 2019)
Bury – inadequate (previously requires improvement, 2021)
Norfolk County Council – good (previously good, 2018)

Monitoring visits and focused visits, which do not result in a grade, were also published for Hartlepool and Thurrock.

Inspectors said North Yorkshire's leaders had "an unrelenting focus on children's lived experience". In Bury, they found "serious and widespread weaknesses in the response to children at risk of exploitation".

Bury was the only council in this batch to move down a grade.

Bury's director of children's services, Nadia Kowalczyk-Reid, said: "We accept the findings in full and an improvement plan is already under way."

Somerset's lead member for children, Councillor Ewan Tregothnan, said the council's move from inadequate "shows what a stable workforce can do", adding that he wanted Somerset to be "good at the very least" by its next inspection.
""",
    quotes=["X", "R:Ofsted", "R:Ofsted", "S:Nadia Kowalczyk-Reid", "S:Ewan Tregothnan", "S:Ewan Tregothnan"],
    councils=[(NY[0], NY[1], ["North Yorkshire Council", "North Yorkshire's", "North Yorkshire"]),
              (NYCC[0], NYCC[1], ["North Yorkshire County Council"]),
              (SOM[0], SOM[1], ["Somerset Council", "Somerset"]),
              (SCC[0], SCC[1], ["Somerset County Council"]),
              (CUMB[0], CUMB[1], ["Cumberland Council"]),
              (BUCKS[0], BUCKS[1], ["Buckinghamshire Council"]),
              (LEW[0], LEW[1], ["Lewisham"]),
              (BURY[0], BURY[1], ["Bury", "Bury's"]),
              (NORF[0], NORF[1], ["Norfolk County Council"]),
              (HART[0], HART[1], ["Hartlepool"]),
              (THUR[0], THUR[1], ["Thurrock"])],
    people=[("Rhiannon Achebe-Clarke", "reporter", "Social Work Weekly"),
            ("Nadia Kowalczyk-Reid", "director of children's services", "Bury Council"),
            ("Ewan Tregothnan", "Councillor, lead member for children", "Somerset Council")],
    ratings=[
        ("E06000065", "outstanding", "overall effectiveness", 2024, [], "publication date", "North Yorkshire Council – outstanding"),
        ("E10000023", "outstanding", "overall effectiveness", 2019, [], "stated", "(previously outstanding, 2019, as North Yorkshire County Council)",
         {"notes": "History under the pre-2023 county council."}),
        ("E06000066", "requires improvement", "overall effectiveness", 2024, [], "publication date", "Somerset Council – requires improvement to be good",
         {"as_written": "requires improvement to be good"}),
        ("E10000027", "inadequate", "overall effectiveness", 2021, [], "stated", "(previously inadequate, 2021, as Somerset County Council)",
         {"notes": "History under the pre-2023 county council."}),
        ("E06000063", "good", "overall effectiveness", 2024, [], "publication date", "Cumberland Council – good"),
        ("E06000060", "requires improvement", "overall effectiveness", 2024, [], "publication date", "Buckinghamshire Council – requires improvement to be good",
         {"as_written": "requires improvement to be good"}),
        ("E06000060", "requires improvement", "overall effectiveness", 2022, [], "stated", "(previously requires improvement, 2022)"),
        ("E09000023", "good", "overall effectiveness", 2024, [], "publication date", "Lewisham – good"),
        ("E09000023", "good", "overall effectiveness", 2019, [], "stated", "(previously good, 2019)"),
        ("E08000002", "inadequate", "overall effectiveness", 2024, [], "publication date", "Bury – inadequate"),
        ("E08000002", "requires improvement", "overall effectiveness", 2021, [], "stated", "Bury – inadequate (previously requires improvement, 2021)"),
        ("E10000020", "good", "overall effectiveness", 2024, [], "publication date", "Norfolk County Council – good"),
        ("E10000020", "good", "overall effectiveness", 2018, [], "stated", "(previously good, 2018)"),
    ],
    notes="Table-like round-up. Reorganised councils: current judgements under North Yorkshire Council / Somerset Council (2023 unitaries), history under the county councils' codes as the text names them. Hartlepool and Thurrock: ungraded visits, councils only. 'good at the very least' is a hoped-for grade.",
))
