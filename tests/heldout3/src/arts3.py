# h3-15 .. h3-20 (h3-16 .. h3-20 are traps). Every person, event, quote and judgement is invented.
ARTS = []

WF = ("Westmorland and Furness Council", "E06000064")
CUMBRIA = ("Cumbria County Council", "E10000006")
CUMB = ("Cumberland Council", "E06000063")
ARTS.append(dict(
    id="h3-15", url="https://www.example.org/news/uk-england-cumbria-68500211",
    outlet="Regional News Online, Cumbria (BBC-style) [invented]", published="2024-03-06", published_basis="text",
    trap=False,
    text="""New council's children's services ‘require improvement’

  • Published
6 March 2024

Image caption,
Westmorland and Furness Council took over children's services from Cumbria County Council in April 2023

A new council's children's services "require improvement", inspectors have said in the first Ofsted inspection since the authority was created.

Westmorland and Furness Council was inspected in January, nine months after it replaced Cumbria County Council and three district councils in the south of the county.

Ofsted said help and protection for children also required improvement, but services for care leavers were good.

Inspectors said the council had "inherited a stable service" but that the split of the county's teams had "created gaps in out-of-hours cover".

Cumbria County Council, which ran the service until it was abolished, was rated good two years ago.

Cumberland Council, which covers the north and west of the former county, is still awaiting its first full inspection.

Councillor Sue Threlkeld-Amos, cabinet member for children's services, said: "We were always realistic that dividing a county-wide service would be hard.

"Our social workers have kept children safe through a very big change, and I want to thank them."

She said the council had set aside £3.5m to recruit its own out-of-hours team.

Opposition group leader Councillor Graham Pattinson-Lowe said families "were promised that nothing would get worse".

"Requires improvement tells you that something did," he added.
""",
    quotes=["X", "X", "R:Ofsted", "R:Ofsted", "S:Sue Threlkeld-Amos", "S:Sue Threlkeld-Amos",
            "S:Graham Pattinson-Lowe", "S:Graham Pattinson-Lowe"],
    councils=[(WF[0], WF[1], ["Westmorland and Furness Council", "the council", "the authority"]),
              (CUMBRIA[0], CUMBRIA[1], ["Cumbria County Council"]),
              (CUMB[0], CUMB[1], ["Cumberland Council"])],
    people=[("Sue Threlkeld-Amos", "Councillor, cabinet member for children's services", "Westmorland and Furness Council"),
            ("Graham Pattinson-Lowe", "Opposition group leader, Councillor", "Westmorland and Furness Council")],
    ratings=[
        ("E06000064", "requires improvement", "overall effectiveness", 2024, [], "publication date",
         'A new council\'s children\'s services "require improvement", inspectors have said',
         {"as_written": "require improvement", "notes": "Main news (ILACS, inspection January 2024); grade also in the headline."}),
        ("E06000064", "requires improvement", "help and protection", 2024, [], "publication date",
         "Ofsted said help and protection for children also required improvement",
         {"as_written": "also required improvement"}),
        ("E06000064", "good", "care leavers", 2024, [], "publication date",
         "but services for care leavers were good"),
        ("E10000006", "good", "overall effectiveness", 2022, [], "relative to publication",
         "Cumbria County Council, which ran the service until it was abolished, was rated good two years ago.",
         {"notes": "History of the abolished predecessor county council (its own code), not of Westmorland and Furness."}),
    ],
    notes="BBC-style, Cumbria 2023 reorganisation. The 'two years ago' good is Cumbria County Council's (E10000006); Cumberland Council is named with no grade. Councillor Threlkeld-Amos's quote runs over two paragraphs (two entries). 'Requires improvement tells you that something did' restates the grade in a quote. Money: £3.5m.",
))

CHE = ("Cheshire East Council", "E06000049")
ARTS.append(dict(
    id="h3-16", url="https://www.example.org/communitycare/2023/09/14/cheshire-east-focused-visit-front-door",
    outlet="Social Work Weekly (Community Care-style trade press) [invented]", published="2023-09-14", published_basis="text",
    trap=True,
    text="""Focused visit finds ‘inconsistent’ decision-making at council's front door

September 14, 2023 by Rhiannon Achebe-Clarke

Ofsted has found "inconsistent" decision-making at Cheshire East Council's front door, with some referrals about children at risk taking too long to reach a social worker.

The findings come from a focused visit in August, which looked at the council's arrangements for contact, advice and referrals. Focused visits do not result in a graded judgement; inspectors instead set out areas for priority action and areas for improvement.

Inspectors said thresholds were "not consistently understood by partner agencies", and that managers' oversight of some cases "lacked rigour". They found no children left at immediate risk.

In the same month, a council-run children's home in Crewe was rated good in a separate Ofsted inspection.

Councillor Bethan Ruddock-Hale, chair of the children and families committee, said the council accepted the findings. "We want to be outstanding at our next full inspection, and that means getting the front door right every time," she said.

Conservative councillor Keith Mottershead warned the council "could be rated inadequate" if the problems were not fixed quickly.

The council is spending £1.6m this year on agency social workers in its front door and assessment teams, and has budgeted £240,000 for additional managers.

A spokesperson for the British Association of Social Workers said: "Focused visits are supposed to support improvement, not generate headlines."
""",
    quotes=["X", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Bethan Ruddock-Hale", "S:Keith Mottershead", "S:British Association of Social Workers"],
    orgs=["British Association of Social Workers"],
    councils=[(CHE[0], CHE[1], ["Cheshire East Council's", "the council's", "The council"])],
    people=[("Rhiannon Achebe-Clarke", "reporter", "Social Work Weekly"),
            ("Bethan Ruddock-Hale", "Councillor, chair of the children and families committee", "Cheshire East Council"),
            ("Keith Mottershead", "Conservative councillor", "Cheshire East Council")],
    ratings=[],
    notes="TRAP: an ILACS focused visit, which gives no grade. Confusable wording: a council-run children's home 'rated good' (a home, not the council's services), 'want to be outstanding at our next full inspection' (hoped-for) and 'could be rated inadequate' (hypothetical). No current or past grade of the council's children's services is stated. Money: £1.6m (this year; per null), £240,000.",
))

LANCS = ("Lancashire County Council", "E10000017")
ARTS.append(dict(
    id="h3-17", url="https://www.example.com/preston/news/fostering-agency-rated-good",
    outlet="Preston & Ribble Valley Weekly [invented]", published="2019", published_basis="metadata (year only)",
    trap=True,
    text="""Preston fostering agency rated ‘good’ by Ofsted

AN independent fostering agency based in Preston has been rated good by Ofsted, with its leadership judged outstanding.

Brightwater Family Fostering, which looks after around 90 children across Lancashire and Greater Manchester, was inspected in June for the first time since it moved to new offices on Fishergate.

The report said: "Children make good progress and many describe their foster carers as family. Carers feel well supported and well trained."

Inspectors also found that "the agency's leaders know their service well", but said some carers' annual reviews had been delayed.

Lancashire County Council places around 40 children with the agency. The council's own fostering service was not part of this inspection.

Agency manager Lorraine Haworth-Kemp said: "We are thrilled. Our carers open their homes and their hearts, and this is their rating as much as ours."

Carers are paid between £420 and £560 a week for each child, depending on the child's needs.

"Good agencies are vital, but councils should not be paying private profit margins for placements their own carers could provide," said County Councillor Ian Brackenbury, Labour spokesperson for children's services.

The agency, which was set up in 2012, is currently recruiting foster carers across Lancashire.
""",
    quotes=["X", "R:Ofsted", "R:Ofsted", "S:Lorraine Haworth-Kemp", "S:Ian Brackenbury"],
    councils=[(LANCS[0], LANCS[1], ["Lancashire County Council", "The council's"])],
    people=[("Lorraine Haworth-Kemp", "Agency manager", "Brightwater Family Fostering"),
            ("Ian Brackenbury", "County Councillor, Labour spokesperson for children's services", "Lancashire County Council")],
    ratings=[],
    per={"£420": "week"},
    notes="TRAP: an independent fostering agency (not the council) rated good, leadership outstanding. The council is named as a commissioner and its own fostering service is explicitly not inspected. No date line in the text; the year (2019) is metadata only. Money: '£420 and £560 a week' — both amounts are weekly; the rate phrase follows the second, per set by hand for the first.",
))

WARR = ("Warrington Borough Council", "E06000007")
ARTS.append(dict(
    id="h3-18", url="https://www.example.org/warrington/news/adult-social-care-cqc-rating",
    outlet="Warrington Borough Council (press release) [invented]", published="2025-04-23", published_basis="text",
    trap=True,
    text="""Warrington's adult social care rated ‘good’ by Care Quality Commission

Published: 23 April 2025

Warrington Borough Council's adult social care services have been rated good by the Care Quality Commission (CQC) under its new local authority assurance framework.

The CQC assessed how well the council meets its duties under the Care Act 2014 across four themes: working with people, providing support, how the council ensures safety within the system, and leadership. The council scored 3 out of 4 for leadership and for working with people.

The report found "a strong and visible commitment to co-production with people who draw on care", but said waiting times for occupational therapy assessments were "too long".

Councillor Hilary Ashworth-Dunne, cabinet member for adult social care, said: "A good rating from the CQC is a credit to our staff and to our partners across the town.

"We will now focus on bringing those waiting times down."

Director of adult social services Rajesh Umbers said the council had invested £1.1m in reablement since 2023.

The council's children's services are inspected separately by Ofsted, and are not covered by this assessment.

Councils have been assessed by the CQC since December 2023, when the regulator began giving local authorities one of four ratings: outstanding, good, requires improvement or inadequate.
""",
    quotes=["X", "R:CQC", "R:CQC", "S:Hilary Ashworth-Dunne", "S:Hilary Ashworth-Dunne"],
    councils=[(WARR[0], WARR[1], ["Warrington Borough Council's", "Warrington's", "the council"])],
    people=[("Hilary Ashworth-Dunne", "Councillor, cabinet member for adult social care", "Warrington Borough Council"),
            ("Rajesh Umbers", "Director of adult social services", "Warrington Borough Council")],
    ratings=[],
    notes="TRAP: the CQC's rating of the council's ADULT social care under the Care Act assurance framework (2023-). Same grade words, same council, but not children's services; children's services explicitly not covered. Report quotes: speaker CQC. Money: £1.1m.",
))

ARTS.append(dict(
    id="h3-19", url="https://www.example.org/news/uk-scotland-south-scotland-67100342",
    outlet="Regional News Online, South Scotland (BBC-style) [invented]", published="2023-10-17", published_basis="text",
    trap=True,
    text="""Child protection in Dumfries and Galloway rated ‘adequate’

  • Published
17 October 2023

Image caption,
The inspection looked at services for children at risk of harm

Services protecting children at risk of harm in Dumfries and Galloway have been rated "adequate" by inspectors.

The Care Inspectorate led the joint inspection, which also involved Education Scotland, Healthcare Improvement Scotland and HM Inspectorate of Constabulary in Scotland.

It graded the partnership's leadership as "weak", but found the impact on children and young people to be "good".

The inspectors said that "most children at risk of harm are safer as a result of the help they receive", but that "strategic leaders have been slow to act on known weaknesses".

The six-point scale used by the Care Inspectorate runs from unsatisfactory to excellent.

Dumfries and Galloway Council's chief social work officer, Morag Pettigrew-Lindsay, said: "We welcome the report and accept we need to strengthen our leadership."

She said a new cross-border protocol with Cumberland Council in England, covering children who move between Annan and Carlisle, was "already making a difference".

The council has committed £750,000 to a new multi-agency hub in Dumfries.

"Adequate is not good enough for our children," said local MSP Alasdair Rennick-Boyd.
""",
    quotes=["X", "X", "X", "X", "R:Care Inspectorate", "R:Care Inspectorate", "S:Morag Pettigrew-Lindsay",
            "S:Morag Pettigrew-Lindsay", "S:Alasdair Rennick-Boyd"],
    councils=[(CUMB[0], CUMB[1], ["Cumberland Council"])],
    people=[("Morag Pettigrew-Lindsay", "chief social work officer", "Dumfries and Galloway Council"),
            ("Alasdair Rennick-Boyd", "local MSP", None)],
    ratings=[],
    notes="TRAP: a Scottish partnership's joint inspection of services for children at risk of harm by the Care Inspectorate (six-point scale: 'adequate', 'weak', 'good'). Not Ofsted, not an English council. Only English councils are listed: Dumfries and Galloway Council (Scottish, S12000006) is left out of councils; Cumberland Council is named (cross-border protocol) with no grade. Money: £750,000.",
))

BRAD = ("City of Bradford Metropolitan District Council", "E08000032")
ARTS.append(dict(
    id="h3-20", url="https://www.example.com/bradford/news/youth-justice-service-requires-improvement",
    outlet="Bradford Telegraph Weekly [invented]", published="2022-11-03", published_basis="text",
    trap=True,
    text="""City's youth justice service ‘requires improvement’, say probation inspectors

November 3, 2022

BRADFORD's youth justice service has been rated requires improvement by HM Inspectorate of Probation.

The inspectorate, which rates youth offending services on a four-point scale, looked at the service's organisational delivery, court disposals and out-of-court disposals during a visit in July.

Partnership arrangements were rated good, but work to resettle children leaving custody was judged inadequate.

The report said: "Staff are committed and know the children well, but the quality of assessments of risk to others is not consistently good enough."

Chief inspector of probation Dr Kieran Massingberd said: "Too many children in Bradford are not getting the help they need on release from custody."

Bradford Council's portfolio holder for children and families, Councillor Farida Sutcliffe-Khan, said the service would "learn from the report and act on every recommendation".

She added: "Youth justice is a partnership with the police, probation and health, and every partner has a part to play."

The service's budget for 2022-23 is £3.9m, including a Youth Justice Board grant of £1.1m.

The city's children's social care services, which are due to transfer to a new children's trust next year, were not part of this inspection.
""",
    quotes=["X", "R:HM Inspectorate of Probation", "S:Kieran Massingberd", "S:Farida Sutcliffe-Khan", "S:Farida Sutcliffe-Khan"],
    councils=[(BRAD[0], BRAD[1], ["BRADFORD's", "Bradford Council's", "Bradford"])],
    people=[("Kieran Massingberd", "Chief inspector of probation", "HM Inspectorate of Probation"),
            ("Farida Sutcliffe-Khan", "Councillor, portfolio holder for children and families", "Bradford Council")],
    ratings=[],
    notes="TRAP: a council youth justice (youth offending) service inspected by HM Inspectorate of Probation — 'requires improvement' overall, partnership 'good', resettlement 'inadequate'. Not an Ofsted children's-services judgement; children's social care explicitly not inspected. Money: £3.9m budget, £1.1m grant.",
))
