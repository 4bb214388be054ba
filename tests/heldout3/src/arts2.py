# h3-08 .. h3-14. Every person, event, quote and judgement is invented.
ARTS = []

SUFFOLK = ("Suffolk County Council", "E10000029")
ARTS.append(dict(
    id="h3-08", url="https://www.example.com/suffolk/news/send-inspection-systemic-failings",
    outlet="East Anglian Daily Star [invented]", published="2024-03-14", published_basis="text",
    trap=False,
    text="""Parents ‘vindicated’ as inspectors find systemic failings in Suffolk SEND support

By Harriet Quarles-Bennett
14 March 2024

Parents of children with special educational needs and disabilities (SEND) in Suffolk say they feel "vindicated" after inspectors found "widespread and systemic failings" in the support their children receive.

The joint inspection by Ofsted and the Care Quality Commission, carried out in January, looked at how Suffolk County Council and the local NHS work together for children with SEND.

Its verdict is the most serious of the three possible outcomes under the area SEND framework introduced in 2023.

The report says families "wait too long for assessments and too long for the help that should follow", and that many parents have "lost trust in the system".

A previous inspection in 2019 raised significant concerns, and the council and health partners were required to produce a written statement of action.

Becky Thornalley, whose nine-year-old son is autistic and has been out of school since October, said: "We have been saying this for five years. Nobody listened until now."

She added that she hoped the report would be "the moment things finally change".

Councillor Oliver Pennick-Ward, the cabinet member for SEND, apologised to families. "We are sorry. Too many children have been let down, and we are determined to put that right," he said.

"We are not hiding from this report."

The council's high-needs budget is running a deficit of £47m, and it spent £1.2 million last year on independent tribunals.

"We accept the findings and will work with the council on a joint improvement plan," said a spokesperson for NHS Suffolk and North East Essex Integrated Care Board.

The council's wider children's social care services were rated good by Ofsted in 2022, a judgement that is unaffected by the SEND inspection.

Riverside Academy, a special school in Ipswich which was rated outstanding last year, was praised in the report as an example of good practice.
""",
    quotes=["X", "X", "X", "R:Ofsted", "R:Ofsted", "S:Becky Thornalley", "S:Becky Thornalley",
            "S:Oliver Pennick-Ward", "S:Oliver Pennick-Ward", "S:NHS Suffolk and North East Essex Integrated Care Board"],
    orgs=["NHS Suffolk and North East Essex Integrated Care Board"],
    councils=[(SUFFOLK[0], SUFFOLK[1], ["Suffolk County Council", "Suffolk", "the council"])],
    people=[("Harriet Quarles-Bennett", "reporter", "East Anglian Daily Star"),
            ("Becky Thornalley", "parent", None),
            ("Oliver Pennick-Ward", "Councillor, cabinet member for SEND", "Suffolk County Council")],
    ratings=[
        ("E10000029", "widespread and systemic failings", "SEND", 2024, [], "publication date",
         'inspectors found "widespread and systemic failings" in the support their children receive',
         {"notes": "Area SEND outcome (2023 framework; officially 'widespread and/or systemic failings'), inspection January 2024. The quoted phrase is the outcome label."}),
        ("E10000029", "significant concerns", "SEND", 2019, [], "stated",
         "A previous inspection in 2019 raised significant concerns, and the council and health partners were required to produce a written statement of action.",
         {"ambiguous": True, "notes": "History: 2016-framework area SEND inspection requiring a written statement of action; no formal grade existed, wording 'significant concerns' as in the dev convention."}),
        ("E10000029", "good", "overall effectiveness", 2022, [], "stated",
         "The council's wider children's social care services were rated good by Ofsted in 2022"),
    ],
    notes="SEND area inspection. The outcome phrase in quotation marks is annotated scare (a label), as is 'vindicated' in the headline and lead. The special school's 'outstanding' is not a council rating. Money: £47m deficit, £1.2 million.",
))

TORBAY = ("Torbay Council", "E06000027")
ARTS.append(dict(
    id="h3-09", url="https://www.example.org/communitycare/2018/01/25/torbay-no-longer-inadequate",
    outlet="Social Work Weekly (Community Care-style trade press) [invented]", published="2018-01-25", published_basis="text",
    trap=False,
    text="""Torbay children's services no longer inadequate after two years

January 25, 2018 by Owen Castellanos-Birch

Torbay council's children's services have been judged to require improvement by Ofsted, after more than two years rated inadequate.

Inspectors, who visited in November, found the council had made "substantial progress" since its last inspection in 2015, when services were rated inadequate overall and for children who need help and protection.

Under the single inspection framework, services for children who need help and protection, looked-after children and adoption performance were all rated requires improvement this time. Leadership, management and governance moved up two grades to good, from inadequate in 2015, and the experiences and progress of care leavers were also judged good.

"Children are now seen promptly and the quality of assessments has improved," the report said. "Social workers told inspectors they feel valued and listened to."

But inspectors also found that "some children remain in care for too long without a clear plan for permanence".

Agency costs

The council spent £4.8m on agency social workers in 2016-17, with agency staff making up almost a third of the workforce at one point. The Department for Education provided £1.3 million of improvement funding.

Carl Dempsey-Obi, regional organiser for Unison, said: "Our members have carried this service on their backs. The council now needs to reward them with manageable caseloads, not more agency spending."

Torbay's director of children's services, Alison Birtwhistle, said the council was "delighted but not satisfied".

"Requires improvement is a big step, but it is not the standard our children deserve," she said. "Our aim is to be good across the board within two years."

Local MP Annabel Quennell-Shaw said: "This is welcome news, but there can be no complacency."
""",
    quotes=["R:Ofsted", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Carl Dempsey-Obi", "S:Alison Birtwhistle",
            "S:Alison Birtwhistle", "S:Alison Birtwhistle", "S:Annabel Quennell-Shaw"],
    councils=[(TORBAY[0], TORBAY[1], ["Torbay council's", "Torbay's", "the council"])],
    people=[("Owen Castellanos-Birch", "reporter", "Social Work Weekly"),
            ("Carl Dempsey-Obi", "regional organiser", "Unison"),
            ("Alison Birtwhistle", "director of children's services", "Torbay Council"),
            ("Annabel Quennell-Shaw", "Local MP", None)],
    ratings=[
        ("E06000027", "requires improvement", "overall effectiveness", 2018, [2017], "publication date",
         "Torbay council's children's services have been judged to require improvement by Ofsted",
         {"as_written": "require improvement", "notes": "Main news (SIF, inspection November 2017)."}),
        ("E06000027", "requires improvement", "help and protection", 2018, [2017], "publication date",
         "services for children who need help and protection, looked-after children and adoption performance were all rated requires improvement this time"),
        ("E06000027", "requires improvement", "looked after children", 2018, [2017], "publication date",
         "services for children who need help and protection, looked-after children and adoption performance were all rated requires improvement this time"),
        ("E06000027", "requires improvement", "adoption", 2018, [2017], "publication date",
         "services for children who need help and protection, looked-after children and adoption performance were all rated requires improvement this time"),
        ("E06000027", "good", "leadership", 2018, [2017], "publication date",
         "Leadership, management and governance moved up two grades to good, from inadequate in 2015"),
        ("E06000027", "good", "care leavers", 2018, [2017], "publication date",
         "the experiences and progress of care leavers were also judged good"),
        ("E06000027", "inadequate", "overall effectiveness", 2015, [], "stated",
         "since its last inspection in 2015, when services were rated inadequate overall and for children who need help and protection"),
        ("E06000027", "inadequate", "help and protection", 2015, [], "stated",
         "since its last inspection in 2015, when services were rated inadequate overall and for children who need help and protection"),
        ("E06000027", "inadequate", "leadership", 2015, [], "stated",
         "Leadership, management and governance moved up two grades to good, from inadequate in 2015"),
    ],
    notes="Trade-press piece, SIF. 'Requires improvement is a big step' (director) restates the grade inside a quote; 'good across the board within two years' is hoped-for. The report is quoted once across two adjacent quotation spans ('... the report said. \"...\"'). Money: £4.8m agency spend 2016-17, £1.3 million grant.",
))

BARNSLEY = ("Barnsley Metropolitan Borough Council", "E08000038")
SHEFF = ("Sheffield City Council", "E08000039")
ev_all = "help and protection, children in care, care leavers and the impact of leaders were all judged outstanding"
ARTS.append(dict(
    id="h3-10", url="https://www.example.org/news/articles/c0barnsley2025",
    outlet="Regional News Online, Yorkshire (BBC-style) [invented]", published="2025-10-08", published_basis="text",
    trap=False,
    text="""Barnsley children's services rated outstanding

  • Published
8 October 2025

Image caption,
Barnsley Council's children's services had previously been rated good

Children's services in Barnsley have been rated outstanding by Ofsted for the first time.

The council moved up a grade from the good rating it was given in 2021, with inspectors praising the "ambition and warmth" of its social workers.

In a report published on Wednesday, inspectors said help and protection, children in care, care leavers and the impact of leaders were all judged outstanding after a three-week visit in July.

Councillor Tamsin Ellery-Marsh, cabinet spokesperson for children's services, said she was "incredibly proud".

"To be rated outstanding is a tribute to every social worker, foster carer and family support worker in this borough," she said.

"But outstanding is a judgement on three weeks in July. We have to earn it every single day."

‘Children are heard’

The report said "children are heard, and their wishes shape the plans made for them", and praised the council's "stable, permanent workforce".

Neighbouring Sheffield was rated good in 2024, the same grade as at its previous inspection in 2018.

"It's lovely to see our borough get the recognition it deserves," said Jodie Plaskitt, a foster carer from Wombwell who has looked after 31 children.

Last year the council's adult social care was rated good by the Care Quality Commission.

"We have not stood still since 2021, and we will not stand still now," said Cassandra Lomax-Obi, the council's executive director of children's services.
""",
    quotes=["R:Ofsted", "S:Tamsin Ellery-Marsh", "S:Tamsin Ellery-Marsh", "S:Tamsin Ellery-Marsh", "X", "R:Ofsted", "R:Ofsted", "S:Jodie Plaskitt", "S:Cassandra Lomax-Obi"],
    councils=[(BARNSLEY[0], BARNSLEY[1], ["Barnsley Council's", "Barnsley", "The council"]),
              (SHEFF[0], SHEFF[1], ["Sheffield"])],
    people=[("Tamsin Ellery-Marsh", "Councillor, cabinet spokesperson for children's services", "Barnsley Council"),
            ("Jodie Plaskitt", "foster carer, Wombwell", None),
            ("Cassandra Lomax-Obi", "executive director of children's services", "Barnsley Council")],
    ratings=[
        ("E08000038", "outstanding", "overall effectiveness", 2025, [], "publication date",
         "Children's services in Barnsley have been rated outstanding by Ofsted for the first time."),
        ("E08000038", "outstanding", "help and protection", 2025, [], "publication date", ev_all),
        ("E08000038", "outstanding", "children in care", 2025, [], "publication date", ev_all),
        ("E08000038", "outstanding", "care leavers", 2025, [], "publication date", ev_all),
        ("E08000038", "outstanding", "leadership", 2025, [], "publication date", ev_all),
        ("E08000038", "good", "overall effectiveness", 2021, [], "stated",
         "The council moved up a grade from the good rating it was given in 2021",
         {"notes": "History; code is the one valid at the article's date (Barnsley re-coded April 2025)."}),
        ("E08000039", "good", "overall effectiveness", 2024, [], "stated",
         "Neighbouring Sheffield was rated good in 2024"),
        ("E08000039", "good", "overall effectiveness", 2018, [], "stated",
         "the same grade as at its previous inspection in 2018",
         {"notes": "History; Sheffield's post-2025 code used throughout (code valid at article date)."}),
    ],
    notes="BBC-style piece after the April 2025 re-coding of Barnsley (E08000038) and Sheffield (E08000039). A quotation runs over two paragraphs (the first closes, the second reopens: two entries). Adult social care 'good' (CQC) is not a children's-services rating. 'outstanding is a judgement on three weeks in July' restates the grade inside a quote. No money.",
))

NLINCS = ("North Lincolnshire Council", "E06000013")
ARTS.append(dict(
    id="h3-11", url="https://www.example.com/scunthorpe/news/council-childrens-care-good",
    outlet="Scunthorpe Weekly Courier [invented]", published="2011-07-14", published_basis="text",
    trap=False,
    text="""Children in care get ‘good’ service – but safeguarding only adequate

July 14, 2011

NORTH Lincolnshire Council's services for looked after children have been rated good in a joint inspection by Ofsted and the Care Quality Commission.

But the council's safeguarding services were judged only adequate, although inspectors rated its capacity to improve as good.

The inspection of safeguarding and looked after children's services took place over ten days in May.

The report said: "Children and young people who are looked after are well supported to achieve in education, and the council's corporate parenting is strong."

However, it added that "the quality of initial assessments is too variable" and "some child protection plans lack clear timescales".

Councillor Norman Pickersgill, cabinet member for children's services, said: "We are pleased that inspectors recognise the hard work of our staff with children in care."

He added: "On safeguarding, adequate means we are doing the job, but we want to do it better, and we will."

Last year the council's children's services were rated "performs well" in Ofsted's annual assessment.

The inspection comes as the department faces £2.1m of savings this year, including the loss of 14 posts.

Separately, the council's Ashby Road children's home was judged outstanding by Ofsted last month.
""",
    quotes=["X", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Norman Pickersgill", "S:Norman Pickersgill", "X"],
    councils=[(NLINCS[0], NLINCS[1], ["NORTH Lincolnshire Council's", "the council's"])],
    people=[("Norman Pickersgill", "Councillor, cabinet member for children's services", "North Lincolnshire Council")],
    ratings=[
        ("E06000013", "good", "looked after children", 2011, [], "publication date",
         "NORTH Lincolnshire Council's services for looked after children have been rated good",
         {"notes": "2009-2012 safeguarding and looked after children inspection: overall effectiveness of services for looked after children."}),
        ("E06000013", "adequate", "safeguarding", 2011, [], "publication date",
         "But the council's safeguarding services were judged only adequate",
         {"notes": "Overall effectiveness of safeguarding."}),
        ("E06000013", "good", "capacity for improvement", 2011, [], "publication date",
         "although inspectors rated its capacity to improve as good",
         {"notes": "Capacity for improvement (safeguarding)."}),
        ("E06000013", "good", "overall children's services", 2010, [], "relative to publication",
         'Last year the council\'s children\'s services were rated "performs well" in Ofsted\'s annual assessment.',
         {"as_written": "performs well", "notes": "History: 2010 annual rating, 'last year'."}),
    ],
    notes="Local weekly, 2011 safeguarding and LAC inspection. The headline 'good' is a scare quote for the LAC judgement. The children's home's 'outstanding' is not a council rating. 'adequate means we are doing the job' restates the grade in a quote. Money: £2.1m savings.",
))

HULL = ("Kingston upon Hull City Council", "E06000010")
ev_all_h = "the experiences and progress of children who need help and protection, children in care, care leavers, and the impact of leaders – were judged good"
ARTS.append(dict(
    id="h3-12", url="https://www.example.org/hull/news/hull-childrens-services-rated-good",
    outlet="Hull City Council (press release) [invented]", published="2024-11-20", published_basis="text",
    trap=False,
    text="""Hull children's services rated ‘good’ by Ofsted

Published on: 20 November 2024

Children's services in Hull are now rated good following an inspection by Ofsted in September.

The rating is an improvement on 2021, when Hull City Council's services were judged to require improvement to be good.

The move from requires improvement to good comes after the council cut the number of children waiting for an assessment by more than half.

All four areas of the inspection – the experiences and progress of children who need help and protection, children in care, care leavers, and the impact of leaders – were judged good.

Inspectors found that "children in Hull benefit from social workers who know them well and who are ambitious for them".

Councillor Linnea Batterbee, portfolio holder for children's services, said: "This is fantastic news for children and families across our city.

"Three years ago we were told we had work to do. Our staff rolled up their sleeves, and today's report shows the difference they have made."

The council has invested £2m in six new early help hubs since 2022.

The news follows the Care Quality Commission's assessment of the council's adult social care, published last month, which rated it "requires improvement".

"We have a clear action plan for adult social care and we are confident of a better outcome next time," said a spokesperson for Hull City Council.

Hull's youth justice service was rated good by HM Inspectorate of Probation in 2023.
""",
    quotes=["X", "R:Ofsted", "S:Linnea Batterbee", "S:Linnea Batterbee", "X", "S:Hull City Council"],
    orgs=["Hull City Council"],
    councils=[(HULL[0], HULL[1], ["Hull City Council's", "Hull City Council", "Hull", "the council's"])],
    people=[("Linnea Batterbee", "Councillor, portfolio holder for children's services", "Hull City Council")],
    ratings=[
        ("E06000010", "good", "overall effectiveness", 2024, [], "publication date",
         "Children's services in Hull are now rated good following an inspection by Ofsted in September."),
        ("E06000010", "good", "help and protection", 2024, [], "publication date", ev_all_h),
        ("E06000010", "good", "children in care", 2024, [], "publication date", ev_all_h),
        ("E06000010", "good", "care leavers", 2024, [], "publication date", ev_all_h),
        ("E06000010", "good", "leadership", 2024, [], "publication date", ev_all_h),
        ("E06000010", "requires improvement", "overall effectiveness", 2021, [], "stated",
         "The rating is an improvement on 2021, when Hull City Council's services were judged to require improvement to be good.",
         {"as_written": "require improvement to be good"}),
    ],
    notes="Council press release. Two grades of OTHER services beside the real judgement: adult social care 'requires improvement' (CQC) and youth justice 'good' (HMI Probation) — not council children's-services ratings. Councillor Batterbee's quote runs over two paragraphs (opening mark each paragraph, one close at the end): two entries. Money: £2m.",
))

SLOUGH = ("Slough Borough Council", "E06000039")
ARTS.append(dict(
    id="h3-13", url="https://www.example.com/slough/news/childrens-services-real-progress",
    outlet="Slough & Windsor Observer online [invented]", published=None, published_basis=None,
    trap=False,
    text="""Slough children's services: ‘real progress’ but still not good

Slough's children's services, which were judged inadequate in 2011 and again in 2013, are now rated requires improvement, according to Ofsted.

Inspectors visited in February 2018 and found that children at risk of harm were "identified quickly and protected effectively" in most cases.

Services for children looked after were rated good, as was adoption, but help and protection and leadership were both judged to require improvement.

The services have been run since October 2015 by Slough Children's Services Trust, an independent organisation set up on the instructions of the then education secretary after the council was stripped of control.

Imogen Batchelor-Rhys, the trust's chief executive, said: "When we started, staff turnover was over 40 per cent and some children had had five social workers in a year. That is no longer the case."

She said the trust "is not yet good, and we know it".

The council leader, Councillor Sohail Mirzani, said: "The council remains accountable for these children. We are pleased with the progress but the job is not finished."

The trust's annual contract with the council is worth £30.5m, and the Department for Education provided £4m of start-up funding.

Foster carer Dennis Arkwright-Yeo, who has fostered in Slough for 12 years, said: "For a long time nobody returned your calls. Now they do."
""",
    quotes=["X", "R:Ofsted", "S:Imogen Batchelor-Rhys", "S:Imogen Batchelor-Rhys", "S:Sohail Mirzani", "S:Dennis Arkwright-Yeo"],
    per={"£30.5m": "year"},
    councils=[(SLOUGH[0], SLOUGH[1], ["Slough's", "Slough", "the council"])],
    people=[("Imogen Batchelor-Rhys", "chief executive", "Slough Children's Services Trust"),
            ("Sohail Mirzani", "council leader, Councillor", "Slough Borough Council"),
            ("Dennis Arkwright-Yeo", "Foster carer", None)],
    ratings=[
        ("E06000039", "requires improvement", "overall effectiveness", 2018, [], "inferred from content",
         "are now rated requires improvement, according to Ofsted",
         {"notes": "No date line; inspection 'February 2018', so the report is 2018. Service run by a trust: subject is the council."}),
        ("E06000039", "good", "looked after children", 2018, [], "inferred from content",
         "Services for children looked after were rated good, as was adoption"),
        ("E06000039", "good", "adoption", 2018, [], "inferred from content",
         "Services for children looked after were rated good, as was adoption"),
        ("E06000039", "requires improvement", "help and protection", 2018, [], "inferred from content",
         "but help and protection and leadership were both judged to require improvement"),
        ("E06000039", "requires improvement", "leadership", 2018, [], "inferred from content",
         "but help and protection and leadership were both judged to require improvement"),
        ("E06000039", "inadequate", "overall effectiveness", 2011, [], "stated",
         "Slough's children's services, which were judged inadequate in 2011 and again in 2013",
         {"notes": "History (2011 safeguarding inspection; area not stated)."}),
        ("E06000039", "inadequate", "overall effectiveness", 2013, [], "stated",
         "Slough's children's services, which were judged inadequate in 2011 and again in 2013"),
    ],
    notes="No date line (published null); the current judgement's year is inferred from 'Inspectors visited in February 2018'. 'still not good' (headline) and 'is not yet good' (trust chief executive) are negated grades, not judgements. Money: £30.5m annual contract (per year, set by hand: the rate is in 'annual contract', not after the amount), £4m start-up funding.",
))

BCP = ("Bournemouth, Christchurch and Poole Council", "E06000058")
BOURNE = ("Bournemouth Borough Council", "E06000028")
POOLE = ("Borough of Poole", "E06000029")
DORSET = ("Dorset Council", "E06000059")
DCC = ("Dorset County Council", "E10000009")
ARTS.append(dict(
    id="h3-14", url="https://www.example.org/bournemouth/news/bcp-childrens-services-inadequate",
    outlet="Bournemouth Daily Herald [invented]", published="2021-08-05", published_basis="text",
    trap=False,
    text="""BCP children's services rated inadequate in first Ofsted inspection since merger

5th August 2021

CHILDREN'S services in Bournemouth, Christchurch and Poole have been rated inadequate – the lowest possible grade – in the first full inspection since the three councils merged in 2019.

Ofsted inspectors, who visited in June, found "serious weaknesses" in the way BCP Council responds to children who need help and protection, which was also judged inadequate.

The impact of leaders was rated inadequate, while the experiences and progress of children in care and care leavers were judged to require improvement.

Before the merger, Bournemouth Borough Council's children's services had been judged good in 2017, while Poole's were rated requires improvement in 2018.

Neighbouring Dorset Council, which was formed at the same time from Dorset County Council and five district councils, was given a rating of good by Ofsted last year.

BCP Council leader Councillor Drew Mellings said: "This is a dark day, and I apologise to every child and family we have let down."

He said the council had already committed an extra £8m to children's services and would "do whatever it takes".

Opposition Liberal Democrat spokesperson Councillor Patience Adebayo-Wells said the warnings had been there for two years.

"Staff told us. Parents told us. The administration chose not to listen," she said.

The children's services budget is expected to overspend by £5.4m this year, and some agency social workers are being paid £950 a day, according to figures released to councillors in July.

"We are under no illusions about the scale of the task," said the council's director of children's services, Terence Oduya-Blake.
""",
    quotes=["R:Ofsted", "S:Drew Mellings", "S:Drew Mellings", "S:Patience Adebayo-Wells", "S:Terence Oduya-Blake"],
    councils=[(BCP[0], BCP[1], ["Bournemouth, Christchurch and Poole", "BCP Council", "the council's"]),
              (BOURNE[0], BOURNE[1], ["Bournemouth Borough Council's"]),
              (POOLE[0], POOLE[1], ["Poole's"]),
              (DORSET[0], DORSET[1], ["Dorset Council"]),
              (DCC[0], DCC[1], ["Dorset County Council"])],
    people=[("Drew Mellings", "BCP Council leader, Councillor", "BCP Council"),
            ("Patience Adebayo-Wells", "Opposition Liberal Democrat spokesperson, Councillor", "BCP Council"),
            ("Terence Oduya-Blake", "director of children's services", "BCP Council")],
    ratings=[
        ("E06000058", "inadequate", "overall effectiveness", 2021, [], "publication date",
         "CHILDREN'S services in Bournemouth, Christchurch and Poole have been rated inadequate"),
        ("E06000058", "inadequate", "help and protection", 2021, [], "publication date",
         "found \"serious weaknesses\" in the way BCP Council responds to children who need help and protection, which was also judged inadequate"),
        ("E06000058", "inadequate", "leadership", 2021, [], "publication date",
         "The impact of leaders was rated inadequate"),
        ("E06000058", "requires improvement", "children in care", 2021, [], "publication date",
         "the experiences and progress of children in care and care leavers were judged to require improvement",
         {"as_written": "require improvement", "notes": "ILACS 2021 combined judgement (children in care and care leavers)."}),
        ("E06000028", "good", "overall effectiveness", 2017, [], "stated",
         "Bournemouth Borough Council's children's services had been judged good in 2017",
         {"notes": "History of an abolished council (own code)."}),
        ("E06000029", "requires improvement", "overall effectiveness", 2018, [], "stated",
         "while Poole's were rated requires improvement in 2018",
         {"notes": "History of an abolished council (own code)."}),
        ("E06000059", "good", "overall effectiveness", 2020, [], "relative to publication",
         "was given a rating of good by Ofsted last year"),
    ],
    notes="Local daily, 2019 Dorset reorganisation. Christchurch (a former district) is not listed as a council. Dorset County Council is named but not rated. Money: £8m (no rate), £5.4m overspend, £950 a day.",
))
