from lib import R, P, M

A = []

# ---------------------------------------------------------------- h4-01 APA 2008
A.append(dict(
id="h4-01", url="https://www.example.org/fenland-chronicle/news/2008/12/10/peterborough-childrens-services-adequate",
outlet="Fenland Evening Chronicle (invented)", published="2008-12-10", basis="text", trap=False,
src="""Peterborough services for children ‘adequate’, says watchdog

By Martin Geoghegan
Wednesday, December 10, 2008

Services for Peterborough's children and young people are adequate but have "some way to go", according to the annual performance assessment published by Ofsted today.

The city council was awarded grade 2 out of a possible 4 for the overall effectiveness of its children's services - the same score it received in 2007 - while inspectors judged its capacity to improve to be good.

The assessment, which draws on performance data and earlier inspection findings rather than a visit, scored the council as follows:

Being healthy: good
Staying safe: adequate
Enjoying and achieving: adequate
Making a positive contribution: good
Achieving economic well-being: adequate

The letter to the council's director notes that "too many young people leave care without a settled place to live" and that GCSE results in the north of the city "remain stubbornly below the national picture".

Councillor Sheila Marlow, cabinet member for children's services, said: "Nobody here is going to pretend that adequate is good enough. But the inspectors have recognised that we know our weaknesses and have the capacity to tackle them."

She added that the council had already put an extra £1.8 million into social work teams this year, with 14 new posts created since the spring.

Labour group leader Cllr Imran Farooq was less impressed. "Two years running we have been told we are merely adequate. Families in this city deserve better than a pass mark," he said.

Grades for the region's other councils will appear on the Ofsted website later this week.
""",
councils=[dict(name="Peterborough City Council", code="E06000031", as_written=["Peterborough", "The city council", "the council"])],
ratings=[
 R("E06000031", "adequate", "adequate", "overall effectiveness", 2008, "publication date",
   "The city council was awarded grade 2 out of a possible 4 for the overall effectiveness of its children's services",
   notes="2008 annual performance assessment; grade 2 of 4 = adequate, as the headline and lead say."),
 R("E06000031", "adequate", "the same score", "overall effectiveness", 2007, "stated",
   "the same score it received in 2007", amb=True, notes="Implied: same grade (2 = adequate) as the 2007 APA."),
 R("E06000031", "good", "good", "capacity to improve", 2008, "publication date",
   "inspectors judged its capacity to improve to be good"),
 R("E06000031", "good", "good", "being healthy", 2008, "publication date", "Being healthy: good"),
 R("E06000031", "adequate", "adequate", "staying safe", 2008, "publication date", "Staying safe: adequate"),
 R("E06000031", "adequate", "adequate", "enjoying and achieving", 2008, "publication date", "Enjoying and achieving: adequate"),
 R("E06000031", "good", "good", "making a positive contribution", 2008, "publication date", "Making a positive contribution: good"),
 R("E06000031", "adequate", "adequate", "achieving economic well-being", 2008, "publication date", "Achieving economic well-being: adequate"),
],
people=[P("Martin Geoghegan", "reporter (byline)", "Fenland Evening Chronicle"),
        P("Sheila Marlow", "cabinet member for children's services", "Peterborough City Council"),
        P("Imran Farooq", "Labour group leader (Cllr)", "Peterborough City Council")],
money=[M("£1.8 million", 1800000)],
quotes=["X", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Sheila Marlow", "S:Imran Farooq"],
notes="APA 2008 uses the 1-4 scale (outstanding/good/adequate/inadequate); grades kept as written. "
      "'the same score it received in 2007' is an implied 2007 adequate (ambiguous).",
))

# ---------------------------------------------------------------- h4-02 regional round-up, 2009 CSA
A.append(dict(
id="h4-02", url="https://www.example.org/nw-evening-post/2009/12/09/north-west-councils-ofsted-childrens-ratings",
outlet="North West Evening Post (invented)", published="2009-12-09", basis="text", trap=False,
src="""How the North West's councils fared in Ofsted's new children's services ratings

Published: 09/12/2009

Blackpool is the only council in the county to be told its children's services "perform poorly" in Ofsted's first annual ratings under the new comprehensive area assessment regime.

The watchdog's four-point scale - performs excellently, performs well, performs adequately and performs poorly - replaced the old annual performance assessment this year. Across Lancashire and Cumbria the results were:

* Lancashire County Council - performs well
* Blackburn with Darwen - performs well
* Blackpool - performs poorly
* Cumbria County Council - performs adequately

Further south, Halton was among a small group of councils nationally found to be performing excellently, while Warrington was judged to perform adequately.

Blackpool's rating follows an unannounced inspection of its contact and referral arrangements in the summer, which identified "areas for priority action" in the way referrals were handled.

David Heywood, Blackpool's executive director for children's services, said the council was "disappointed but not surprised".

"We knew the summer inspection would weigh heavily on this score. What matters now is what we do about it, and we have a plan which is already making a difference," he said.

A Blackpool Council spokesman added that 11 extra social workers had been recruited since August at a cost of around £460,000 a year.

Ofsted's regional director for the North West, Maureen Atkinson, said the ratings were "a snapshot, not a final verdict".

Lancashire's lead member for children, County Councillor Pat Hindle, welcomed the county's grade: "Performing well across a county of this size is a real achievement for our staff."
""",
councils=[dict(name="Blackpool Borough Council", code="E06000009", as_written=["Blackpool", "Blackpool Council"]),
          dict(name="Lancashire County Council", code="E10000017", as_written=["Lancashire County Council", "Lancashire"]),
          dict(name="Blackburn with Darwen Borough Council", code="E06000008", as_written=["Blackburn with Darwen"]),
          dict(name="Cumbria County Council", code="E10000006", as_written=["Cumbria County Council"]),
          dict(name="Halton Borough Council", code="E06000006", as_written=["Halton"]),
          dict(name="Warrington Borough Council", code="E06000007", as_written=["Warrington"])],
ratings=[
 R("E06000009", "poor", "perform poorly", "overall children's services", 2009, "publication date",
   "Blackpool is the only council in the county to be told its children's services \"perform poorly\"",
   notes="2009 children's services assessment (CAA organisational assessment, 4-point 'performs ...' scale). Repeated in the list."),
 R("E10000017", "good", "performs well", "overall children's services", 2009, "publication date", "* Lancashire County Council - performs well"),
 R("E06000008", "good", "performs well", "overall children's services", 2009, "publication date", "* Blackburn with Darwen - performs well"),
 R("E10000006", "adequate", "performs adequately", "overall children's services", 2009, "publication date", "* Cumbria County Council - performs adequately"),
 R("E06000006", "excellent", "performing excellently", "overall children's services", 2009, "publication date",
   "Halton was among a small group of councils nationally found to be performing excellently"),
 R("E06000007", "adequate", "perform adequately", "overall children's services", 2009, "publication date",
   "Warrington was judged to perform adequately"),
],
people=[P("David Heywood", "executive director for children's services", "Blackpool Council"),
        P("Maureen Atkinson", "Ofsted regional director for the North West", "Ofsted"),
        P("Pat Hindle", "lead member for children (County Councillor)", "Lancashire County Council")],
money=[M("£460,000", 460000, "year")],
quotes=["X", "R:Ofsted", "S:David Heywood", "S:David Heywood", "S:Maureen Atkinson", "S:Pat Hindle"],
notes="Annual children's services assessment 2009: grades mapped performs excellently/well/adequately/poorly -> "
      "excellent/good/adequate/poor. 'in the county' loosely means Lancashire. The unannounced contact-and-referral "
      "inspection gives no grade ('areas for priority action' is a report phrase).",
))

# ---------------------------------------------------------------- h4-03 2011 safeguarding + LAC
A.append(dict(
id="h4-03", url="https://www.example.org/deeside-observer/news/cheshire-west-safeguarding-inspection",
outlet="Deeside & Chester Observer (invented)", published="2011", basis="inferred from content", trap=False,
src="""Inspectors find Cheshire West safeguarding ‘adequate’ with good prospects

CHILDREN in Cheshire West and Chester are kept safe to an adequate standard, inspectors have concluded after a ten-day visit to the borough in the spring.

The joint inspection of safeguarding and looked after children's services, carried out by Ofsted and the Care Quality Commission, found the overall effectiveness of safeguarding services to be adequate, with good capacity to improve.

Services for looked after children fared better and were judged good, again with good capacity for improvement.

The report states: "The council and its partners have a clear understanding of where practice needs to be strengthened and are taking the right steps to do so."

However, inspectors found that some child protection plans were "too vague to be useful" and that caseloads in the Ellesmere Port team were "unacceptably high".

The authority was created only two years ago in the 2009 shake-up of local government in Cheshire, and senior officers have repeatedly pointed to the upheaval of reorganisation in explaining slow progress.

Director of children's services Gerald Lunt told the Observer: "It is fair. It recognises how far we have come since 2009 and it is honest about what we still have to do."

The council's executive member for children and young people, Cllr Anne Whitby, said the authority would spend £750,000 reducing caseloads over the next year.

Health partners were praised for the quality of health assessments for children in care, although the report said too few care leavers were in education, employment or training.
""",
councils=[dict(name="Cheshire West and Chester Council", code="E06000050", as_written=["Cheshire West and Chester", "Cheshire West", "The authority"])],
ratings=[
 R("E06000050", "adequate", "adequate", "safeguarding", 2011, "publication date",
   "found the overall effectiveness of safeguarding services to be adequate"),
 R("E06000050", "good", "good capacity to improve", "safeguarding capacity for improvement", 2011, "publication date",
   "with good capacity to improve"),
 R("E06000050", "good", "good", "looked after children", 2011, "publication date",
   "Services for looked after children fared better and were judged good"),
 R("E06000050", "good", "good capacity for improvement", "looked after children capacity for improvement", 2011, "publication date",
   "again with good capacity for improvement"),
],
people=[P("Gerald Lunt", "director of children's services", "Cheshire West and Chester Council"),
        P("Anne Whitby", "executive member for children and young people (Cllr)", "Cheshire West and Chester Council")],
money=[M("£750,000", 750000)],
quotes=["X", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Gerald Lunt"],
notes="No date in the text: 'created only two years ago in the 2009 shake-up' gives 2011. 2009-2012 safeguarding and "
      "looked after children inspection: overall effectiveness and capacity for improvement each graded, for both strands; "
      "capacity for improvement recorded as its own rating entry.",
))

# ---------------------------------------------------------------- h4-04 SIF inadequate, table
A.append(dict(
id="h4-04", url="https://www.example.org/thurrock-gazette/news/13412877.inadequate-rating-thurrock-childrens-services",
outlet="Thurrock & Essex Gazette (invented)", published="2015-06-18", basis="text", trap=False,
src="""‘Inadequate’ rating for Thurrock children's services

Thurrock Council's children's services have been rated inadequate by Ofsted, with inspectors warning that some children at risk of harm were left "for too long in situations of unassessed risk".

Published on Thursday 18 June 2015, the report follows a four-week inspection in April and May under Ofsted's single inspection framework. The judgements were:

Overall effectiveness ............................................ Inadequate
Children who need help and protection ............... Inadequate
Children looked after and achieving permanence ... Requires improvement
   Adoption performance ...................................... Good
   Experiences and progress of care leavers ........ Requires improvement
Leadership, management and governance ........... Inadequate

Inspectors found 41 children whose cases had not been allocated to a social worker, and said the authority's front door was "overwhelmed".

The council spent £6.3m on agency social workers last year, almost double the figure for 2012/13, and one in three social workers in the assessment teams is a locum.

Council leader John Kent-Hardy said he was "deeply sorry".

"We accept every word of this report. There are no excuses. The first job is to make sure every one of those children has been seen, and that was done within 48 hours of inspectors raising it with us," he said.

Unison's Thurrock branch secretary, Kath Rennie, said staff had been warning managers for months. "Our members have been carrying 30-plus cases each. They told anyone who would listen and nobody did," she said.

Chief executive Nadia Kowalczyk admitted the council had "got this wrong" and said an improvement board would be chaired by an independent figure agreed with the Department for Education.

The council has also set aside £2.5 million to recruit permanent staff, including a "golden hello" of £3,000 for experienced social workers.
""",
councils=[dict(name="Thurrock Council", code="E06000034", as_written=["Thurrock Council", "Thurrock", "the council"])],
ratings=[
 R("E06000034", "inadequate", "Inadequate", "overall effectiveness", 2015, "publication date",
   "Overall effectiveness ............................................ Inadequate"),
 R("E06000034", "inadequate", "Inadequate", "help and protection", 2015, "publication date",
   "Children who need help and protection ............... Inadequate"),
 R("E06000034", "requires improvement", "Requires improvement", "looked after children", 2015, "publication date",
   "Children looked after and achieving permanence ... Requires improvement"),
 R("E06000034", "good", "Good", "adoption", 2015, "publication date",
   "Adoption performance ...................................... Good"),
 R("E06000034", "requires improvement", "Requires improvement", "care leavers", 2015, "publication date",
   "Experiences and progress of care leavers ........ Requires improvement"),
 R("E06000034", "inadequate", "Inadequate", "leadership and management", 2015, "publication date",
   "Leadership, management and governance ........... Inadequate"),
],
people=[P("John Kent-Hardy", "council leader", "Thurrock Council"),
        P("Kath Rennie", "Unison Thurrock branch secretary", "Unison"),
        P("Nadia Kowalczyk", "chief executive", "Thurrock Council")],
money=[M("£6.3m", 6300000), M("£2.5 million", 2500000), M("£3,000", 3000)],
quotes=["X", "R:Ofsted", "R:Ofsted", "S:John Kent-Hardy", "S:John Kent-Hardy", "S:Kath Rennie", "S:Nadia Kowalczyk", "X"],
notes="SIF judgements laid out as a dotted text table. '£6.3m ... last year' is an annual total but no rate is "
      "written, so per is null. 'golden hello' is a label (scare).",
))

# ---------------------------------------------------------------- h4-05 monitoring visit, no grade
A.append(dict(
id="h4-05", url="https://www.example.org/bristol-courier/news/progress-too-slow-bristol-childrens-services-ofsted-letter",
outlet="Bristol Courier & Echo (invented)", published="2016-03", basis="inferred from content", trap=False,
src="""Progress ‘too slow’ in Bristol children's services, Ofsted warns

Ofsted inspectors have found "some signs of progress" but warned that improvement remains too slow in Bristol's children's services, more than a year after the city council was placed under government intervention.

The findings come in a letter published on 3 March 2016 following the fourth monitoring visit since the service was rated inadequate in early 2015. Monitoring visits do not result in a new grade.

In the letter, the lead inspector writes that "the quality of assessments is improving but remains inconsistent", adding that "managers do not yet routinely challenge drift in children's plans".

Julian Hartwell, Bristol City Council's director of children's services, accepted the findings. "It's a fair reflection. We've stabilised the workforce and now the focus is the quality of day-to-day practice," he said.

The city spent £1.4 million more than planned on agency staff in 2014-15, and the cabinet approved a further £3 million for the improvement programme last autumn.

Opposition councillor Ruth Penrose said residents were entitled to ask "where the money has gone".

Ofsted's next full inspection is not expected before 2017.
""",
councils=[dict(name="Bristol City Council", code="E06000023", as_written=["Bristol", "Bristol City Council", "the city council"])],
ratings=[
 R("E06000023", "inadequate", "inadequate", "overall effectiveness", 2015, "stated",
   "since the service was rated inadequate in early 2015", notes="History. The monitoring visit itself gives no grade."),
],
people=[P("Julian Hartwell", "director of children's services", "Bristol City Council"),
        P("Ruth Penrose", "opposition councillor", "Bristol City Council")],
money=[M("£1.4 million", 1400000), M("£3 million", 3000000)],
quotes=["X", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Julian Hartwell", "S:Ruth Penrose"],
notes="Monitoring visit after an inadequate judgement: no new rating. Article date inferred as March 2016 from the "
      "letter date. Headline 'too slow' is a headline phrase (scare), although it paraphrases the letter.",
))

# ---------------------------------------------------------------- h4-06 Northamptonshire trust 2023
A.append(dict(
id="h4-06", url="https://www.example.org/northants-standard/2023/05/childrens-trust-ofsted-requires-improvement",
outlet="Northants Evening Standard (invented)", published="2023-05", basis="url", trap=False,
src="""Children's trust climbs out of ‘inadequate’ as Ofsted sees progress in Northamptonshire

Northamptonshire Children's Trust has been rated requires improvement to be good by Ofsted, four years after children's services in the county were judged inadequate.

The trust was set up in November 2020 to run social care on behalf of North Northamptonshire Council and West Northamptonshire Council, the two unitary authorities that replaced Northamptonshire County Council and the county's seven districts in April 2021.

The county council's children's services were rated inadequate in all areas in 2019, shortly after the authority itself ran out of money.

Inspectors returned in March and published their findings this week. They found:
- The impact of leaders on social work practice: requires improvement
- Experiences and progress of children who need help and protection: requires improvement
- Experiences and progress of children in care: good
- Experiences and progress of care leavers: requires improvement

The report states that the trust "has made steady, and in places significant, improvement" but that "too many children still wait too long for permanence".

Trust chief executive Colin Ashworth-Bell said: "This is a team effort and it belongs to our frontline staff."

Cllr Helen Mercer, West Northamptonshire's cabinet member for children, said the result was "a very good platform", while her North Northamptonshire counterpart, Cllr Gary Pringle, said the trust's £182m annual contract would be reviewed "line by line" this summer.

The placement bill remains a worry: the most expensive residential placements now cost more than £14,000 a week.
""",
councils=[dict(name="North Northamptonshire Council", code="E06000061", as_written=["North Northamptonshire Council", "North Northamptonshire"]),
          dict(name="West Northamptonshire Council", code="E06000062", as_written=["West Northamptonshire Council", "West Northamptonshire"]),
          dict(name="Northamptonshire County Council", code="E10000021", as_written=["Northamptonshire County Council", "The county council"])],
ratings=[
 *[R(code, g, gaw, area, 2023, "publication date", ev,
     notes="The trust serves both unitary councils; the judgement is recorded for each council.")
   for code in ("E06000061", "E06000062")
   for (g, gaw, area, ev) in [
     ("requires improvement", "requires improvement to be good", "overall effectiveness",
      "Northamptonshire Children's Trust has been rated requires improvement to be good by Ofsted"),
     ("requires improvement", "requires improvement", "leadership",
      "The impact of leaders on social work practice: requires improvement"),
     ("requires improvement", "requires improvement", "help and protection",
      "Experiences and progress of children who need help and protection: requires improvement"),
     ("good", "good", "children in care", "Experiences and progress of children in care: good"),
     ("requires improvement", "requires improvement", "care leavers",
      "Experiences and progress of care leavers: requires improvement")]],
 R("E10000021", "inadequate", "inadequate", "overall effectiveness", 2019, "stated",
   "The county council's children's services were rated inadequate in all areas in 2019",
   notes="History; also 'four years after children's services in the county were judged inadequate'."),
 *[R("E10000021", "inadequate", "inadequate in all areas", area, 2019, "stated",
     "The county council's children's services were rated inadequate in all areas in 2019", amb=True,
     notes="'all areas' implies each ILACS judgement; not listed in the text.")
   for area in ("leadership", "help and protection", "children in care")],
],
people=[P("Colin Ashworth-Bell", "chief executive", "Northamptonshire Children's Trust"),
        P("Helen Mercer", "cabinet member for children (Cllr)", "West Northamptonshire Council"),
        P("Gary Pringle", "cabinet member for children (Cllr)", "North Northamptonshire Council")],
money=[M("£182m", 182000000, "year"), M("£14,000", 14000, "week")],
quotes=["X", "R:Ofsted", "R:Ofsted", "S:Colin Ashworth-Bell", "S:Helen Mercer", "S:Gary Pringle"],
notes="Reorganisation: 2023 judgement of the trust recorded for both successor unitaries (E06000061, E06000062); the "
      "2019 history belongs to the abolished Northamptonshire County Council, coded with its last valid code E10000021 "
      "(no code of it is valid in 2023). Date from the URL.",
))

# ---------------------------------------------------------------- h4-07 Cumberland 2024
A.append(dict(
id="h4-07", url="https://www.example.org/cumbrian-star/news/cumberland-childrens-services-good-ofsted",
outlet="The Cumbrian Star (invented)", published="2024-10-25", basis="text", trap=False,
src="""Cumberland children's services rated good in first inspection since county split

Friday 25 October 2024

Cumberland Council has been judged good in its first full Ofsted inspection since the new authority took over from Cumbria County Council last year.

Inspectors who visited Carlisle, Workington and Whitehaven in September rated the council good in every category bar one - the experiences and progress of care leavers, which requires improvement.

“We are delighted to have been rated good, and I want to thank every social worker, personal adviser and foster carer who made it happen,” said Cllr Lisa Brennan-Hume, Cumberland's executive member for children's services.

The last inspection of children's services across the whole county, in 2022, had found them to require improvement. Then, inspectors judged Cumbria County Council's help and protection work “not yet consistently effective”.

One care leaver, 19-year-old Josh Tiernan, who spoke to inspectors, said: “My PA actually picks up the phone. Two years ago I didn't even know who she was.”

The report states that leaders “know their services well” and that caseloads have fallen to an average of 17.

Westmorland and Furness Council, which runs children's services in the south of the old county, had a focused visit in June looking at its front door. Focused visits do not lead to a grade; the resulting letter found “appropriate and timely” responses to most contacts.

Cumberland's children's services budget for 2024/25 is £96.4m, of which £5.2m is earmarked for bringing children back from out-of-county placements.
""",
councils=[dict(name="Cumberland Council", code="E06000063", as_written=["Cumberland Council", "Cumberland"]),
          dict(name="Cumbria County Council", code="E10000006", as_written=["Cumbria County Council"]),
          dict(name="Westmorland and Furness Council", code="E06000064", as_written=["Westmorland and Furness Council"])],
ratings=[
 R("E06000063", "good", "good", "overall effectiveness", 2024, "publication date",
   "Cumberland Council has been judged good in its first full Ofsted inspection"),
 *[R("E06000063", "good", "good in every category bar one", area, 2024, "publication date",
     "rated the council good in every category bar one", amb=True,
     notes="Categories not named; implied by 'every category bar one'.")
   for area in ("leadership", "help and protection", "children in care")],
 R("E06000063", "requires improvement", "requires improvement", "care leavers", 2024, "publication date",
   "the experiences and progress of care leavers, which requires improvement"),
 R("E10000006", "requires improvement", "require improvement", "overall effectiveness", 2022, "stated",
   "The last inspection of children's services across the whole county, in 2022, had found them to require improvement",
   notes="History of the abolished Cumbria County Council (last valid code E10000006)."),
],
people=[P("Lisa Brennan-Hume", "executive member for children's services (Cllr)", "Cumberland Council"),
        P("Josh Tiernan", "care leaver, 19", None)],
money=[M("£96.4m", 96400000), M("£5.2m", 5200000)],
quotes=["S:Lisa Brennan-Hume", "R:Ofsted", "S:Josh Tiernan", "R:Ofsted", "R:Ofsted"],
notes="Focused visit to Westmorland and Furness: no grade. 'not yet consistently effective' (2022, help and protection) "
      "has no grade word, so no separate help-and-protection rating for 2022. Budget '£96.4m' for 2024/25: per null.",
))

# ---------------------------------------------------------------- h4-08 Dorset 2021 + BCP focused visit
A.append(dict(
id="h4-08", url="https://www.example.org/wessex-echo/news/2021/07/17/dorset-council-childrens-services-upgraded-good",
outlet="Wessex Evening Echo (invented)", published="2021-07-17", basis="url", trap=False,
src="""Dorset Council's children's services upgraded to ‘good’

DORSET Council's children's services are now good, according to Ofsted, a one-grade improvement on the requires improvement rating handed to the old Dorset County Council in 2018.

Inspectors spent two weeks with the authority in May and published their report on Friday, July 16, 2021.

Overall effectiveness: Good
Impact of leaders: Good
Help and protection: Good
Children in care and care leavers: Requires improvement

Portfolio holder Cllr Andrew Parry-Jones described the result as "the best news this council has had since it was created in 2019".

"It didn't happen by accident. We took the decision to put £8 million extra into children's services when everyone was telling us to cut," he said.

Ofsted said the council had a "clear, shared vision" and highlighted its work with families on the edge of care. But it said the supply of local foster homes was "a significant challenge", with some children placed more than 100 miles away at costs of up to £6,500 a week.

Neighbouring Bournemouth, Christchurch and Poole Council had a focused visit earlier this year. Ofsted does not give a grade after focused visits, but its letter raised "serious concerns" about the timeliness of child protection enquiries. BCP's corporate director for children's services, Elaine Corrigan, said at the time that a recovery plan was under way.
""",
councils=[dict(name="Dorset Council", code="E06000059", as_written=["Dorset Council", "the authority"]),
          dict(name="Dorset County Council", code="E10000009", as_written=["Dorset County Council"]),
          dict(name="Bournemouth, Christchurch and Poole Council", code="E06000058", as_written=["Bournemouth, Christchurch and Poole Council", "BCP"])],
ratings=[
 R("E06000059", "good", "good", "overall effectiveness", 2021, "publication date", "Overall effectiveness: Good"),
 R("E06000059", "good", "Good", "leadership", 2021, "publication date", "Impact of leaders: Good"),
 R("E06000059", "good", "Good", "help and protection", 2021, "publication date", "Help and protection: Good"),
 R("E06000059", "requires improvement", "Requires improvement", "children in care", 2021, "publication date",
   "Children in care and care leavers: Requires improvement"),
 R("E10000009", "requires improvement", "requires improvement", "overall effectiveness", 2018, "stated",
   "the requires improvement rating handed to the old Dorset County Council in 2018",
   notes="History of the abolished county council (last valid code E10000009)."),
],
people=[P("Andrew Parry-Jones", "portfolio holder (Cllr)", "Dorset Council"),
        P("Elaine Corrigan", "corporate director for children's services", "Bournemouth, Christchurch and Poole Council")],
money=[M("£8 million", 8000000), M("£6,500", 6500, "week")],
quotes=["X", "S:Andrew Parry-Jones", "S:Andrew Parry-Jones", "R:Ofsted", "R:Ofsted", "R:Ofsted"],
notes="BCP focused visit: no grade. Article date from the URL (day after the report).",
))
