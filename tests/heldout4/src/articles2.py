from lib import R, P, M

A = []

# ---------------------------------------------------------------- h4-09 Buckinghamshire timeline 2022
A.append(dict(
id="h4-09", url="https://www.example.org/bucks-herald/news/2022-11-08/from-failing-to-good-bucks-childrens-services",
outlet="Bucks Free Herald (invented)", published="2022-11-08", basis="url", trap=False,
src="""From failing to good: Bucks children's services complete eight-year turnaround

It has taken eight years, three directors and more than one false dawn, but Buckinghamshire's children's services have finally been rated good by Ofsted.

Rated inadequate in 2014, requires improvement in 2018 and now good - the story of the county's social care for children has been one of slow, often painful, recovery.

The latest inspection, the first since Buckinghamshire Council replaced the county council and the four district councils in April 2020, was published on Tuesday.

Buckinghamshire Council's cabinet member for children's services, Cllr Anita Cranmer, said: <'When I came into this role our staff were exhausted and our reputation was on the floor. Today is for them.'>

The 2014 inspection of Buckinghamshire County Council had found "serious and widespread failures" in the way children were protected, and led to an improvement notice from the Department for Education. By 2018 inspectors were describing "a service on an improving trajectory".

In 2022, the report says, "children receive timely and effective help" and social workers "speak with pride about working in Buckinghamshire".

Not everything is rosy. Children's services overspent by £9.7m last year, largely on residential placements, and finance officers expect another overspend this year.

"The rating is welcome but the budget is a ticking time bomb," said Liberal Democrat councillor Robin Stuchbury.

"We are paying private providers up to £9,000 a week and getting nowhere near that in value.

"Somebody has to ask whether that is sustainable."
""",
councils=[dict(name="Buckinghamshire Council", code="E06000060", as_written=["Buckinghamshire Council", "Buckinghamshire"]),
          dict(name="Buckinghamshire County Council", code="E10000002", as_written=["Buckinghamshire County Council", "the county council"])],
ratings=[
 R("E06000060", "good", "good", "overall effectiveness", 2022, "publication date",
   "Buckinghamshire's children's services have finally been rated good by Ofsted"),
 R("E10000002", "inadequate", "inadequate", "overall effectiveness", 2014, "stated",
   "Rated inadequate in 2014, requires improvement in 2018 and now good",
   notes="History of Buckinghamshire County Council (abolished 2020; last valid code E10000002)."),
 R("E10000002", "requires improvement", "requires improvement", "overall effectiveness", 2018, "stated",
   "Rated inadequate in 2014, requires improvement in 2018 and now good",
   notes="History of Buckinghamshire County Council."),
],
people=[P("Anita Cranmer", "cabinet member for children's services (Cllr)", "Buckinghamshire Council"),
        P("Robin Stuchbury", "Liberal Democrat councillor", "Buckinghamshire Council")],
money=[M("£9.7m", 9700000), M("£9,000", 9000, "week")],
quotes=["S:Anita Cranmer", "R:Ofsted", "R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Robin Stuchbury", "S:Robin Stuchbury", "S:Robin Stuchbury"],
notes="Straight single quotation marks around Cranmer's quote. Stuchbury's second quotation runs over two paragraphs "
      "(mark opening each, one close at the end): one entry per paragraph. The 2022 judgement is the only overall grade "
      "stated for the new unitary; 'now good' in the timeline is the same judgement.",
))

# ---------------------------------------------------------------- h4-10 North Yorkshire outstanding 2025
A.append(dict(
id="h4-10", url="https://www.example.org/dales-post/news/north-yorkshire-keeps-outstanding-crown",
outlet="The Dales Post (invented)", published="2025-03-14", basis="text", trap=False,
src="""North Yorkshire keeps its ‘outstanding’ crown

North Yorkshire Council is one of only 20 councils in England whose children's services are rated outstanding, after Ofsted confirmed the top grade in a report published on 14 March 2025.

The authority has been outstanding at every inspection since 2018, when the former North Yorkshire County Council became one of the first councils to be awarded the grade under Ofsted's then-new inspection framework. It had been rated good in 2014.

This time inspectors found all four areas outstanding, praising “exceptional” leadership and a “relentless focus on children's lived experience”.

“Nobody should be under any illusion that this is easy,” said corporate director Stuart Harrowby. “Every child we work with deserves our best and our staff give it every single day.”

The council's children's home in Scarborough, Hollyview House, was separately rated outstanding by Ofsted last month.

Mr Harrowby pointed out that the county has one of the lowest rates of children in care in the country and spends less per child than most of its neighbours. Its children's social care budget for 2024/25 was £121.5 million.

A local MP, Rachel Denby, called the result “a beacon for the rest of the country”.
""",
councils=[dict(name="North Yorkshire Council", code="E06000065", as_written=["North Yorkshire Council", "The authority"]),
          dict(name="North Yorkshire County Council", code="E10000023", as_written=["North Yorkshire County Council"])],
ratings=[
 R("E06000065", "outstanding", "outstanding", "overall effectiveness", 2025, "publication date",
   "Ofsted confirmed the top grade in a report published on 14 March 2025"),
 *[R("E06000065", "outstanding", "all four areas outstanding", area, 2025, "publication date",
     "inspectors found all four areas outstanding", amb=True, notes="Areas not named.")
   for area in ("leadership", "help and protection", "children in care", "care leavers")],
 R("E10000023", "outstanding", "outstanding", "overall effectiveness", 2018, "stated",
   "when the former North Yorkshire County Council became one of the first councils to be awarded the grade",
   notes="History of the county council (abolished 2023; last valid code E10000023)."),
 R("E10000023", "good", "good", "overall effectiveness", 2014, "stated", "It had been rated good in 2014",
   notes="'It' = the authority, i.e. the county council in 2014."),
],
people=[P("Stuart Harrowby", "corporate director (children and young people's service)", "North Yorkshire Council"),
        P("Rachel Denby", "local MP", None)],
money=[M("£121.5 million", 121500000)],
quotes=["X", "R:Ofsted", "R:Ofsted", "S:Stuart Harrowby", "S:Stuart Harrowby", "S:Rachel Denby"],
notes="'one of only 20 councils' is a comparison, not a rating of other councils. The Scarborough children's home "
      "rating is a children's home rating, not a council rating. 'outstanding at every inspection since 2018' may "
      "imply intermediate inspections but none is dated, so only 2018 and 2025 are recorded.",
))

# ---------------------------------------------------------------- h4-11 Sheffield SEND 2026
A.append(dict(
id="h4-11", url="https://www.example.org/steel-city-chronicle/education/sheffield-send-inspection-widespread-systemic-failings",
outlet="Steel City Chronicle (invented)", published="2026-02-03", basis="text", trap=False,
src="""SEND inspection finds ‘widespread and systemic failings’ in Sheffield

Inspectors have found "widespread and/or systemic failings" in the way Sheffield supports children and young people with special educational needs and disabilities (SEND), the lowest of the three possible outcomes under the area SEND inspection framework.

The joint Ofsted and Care Quality Commission inspection of the Sheffield local area partnership - Sheffield City Council and the NHS South Yorkshire Integrated Care Board - took place in December, and the report was published on 3 February 2026.

It is the second time in eight years that SEND provision in the city has been found seriously wanting. In 2018 inspectors identified "significant concerns" and the council and health partners were required to produce a written statement of action.

Parents described a system in "permanent crisis". Helen Okafor, whose 11-year-old son waited 61 weeks for an education, health and care plan, said: "You stop being a mum and start being a caseworker."

The report says that "children and young people wait too long for their needs to be identified" and that "the quality of EHC plans is too variable".

The city's high-needs budget is forecast to be £38m in deficit by March, and the council spent £14.6m on home-to-school transport for pupils with SEND last year.

Cllr Dawn Whitfield, chair of the council's education, children and families policy committee, said the council "fully accepted" the findings. "We will not hide behind the funding crisis, real as it is," she said.
""",
councils=[dict(name="Sheffield City Council", code="E08000039", as_written=["Sheffield City Council", "Sheffield", "the council"])],
ratings=[
 R("E08000039", "widespread and systemic failings", "widespread and/or systemic failings", "SEND", 2026, "publication date",
   "Inspectors have found \"widespread and/or systemic failings\" in the way Sheffield supports children", alt=[2025],
   notes="Area SEND inspection (2023 framework), lowest outcome; grade normalised to the README's wording."),
 R("E08000039", "significant concerns", "significant concerns", "SEND", 2018, "stated",
   "In 2018 inspectors identified \"significant concerns\"",
   notes="History. Same council; coded with the code valid at the article's date (Sheffield re-coded E08000019 -> E08000039 in April 2025)."),
],
people=[P("Helen Okafor", "parent of an 11-year-old with SEND", None),
        P("Dawn Whitfield", "chair of the education, children and families policy committee (Cllr)", "Sheffield City Council")],
money=[M("£38m", 38000000), M("£14.6m", 14600000)],
quotes=["X", "X", "X", "U", "S:Helen Okafor", "R:Ofsted", "R:Ofsted", "S:Dawn Whitfield", "S:Dawn Whitfield"],
notes="SEND outcome labels quoted ('widespread and/or systemic failings', 'significant concerns') are scare quotes. "
      "'permanent crisis' is words of unnamed parents: kind speech, speaker null. The ICB is not a council.",
))

# ---------------------------------------------------------------- h4-12 Barnsley JTAI 2025
A.append(dict(
id="h4-12", url="https://www.example.org/south-yorkshire-courier/news/barnsley-joint-inspection-child-exploitation",
outlet="South Yorkshire Courier (invented)", published="2025-06-12", basis="text", trap=False,
src="""Joint inspection praises Barnsley's response to child exploitation

A joint targeted area inspection of how agencies in Barnsley respond to children at risk of criminal exploitation has found “strong and effective” partnership working, though it identified gaps in support for older teenagers.

The inspection, carried out in April by Ofsted, the Care Quality Commission, HM Inspectorate of Constabulary and Fire & Rescue Services and HM Inspectorate of Probation, examined the work of Barnsley Council, South Yorkshire Police and local health services. Joint targeted area inspections do not give graded judgements; the findings were set out in a letter published on Thursday, June 12, 2025.

Inspectors said that “leaders across the partnership share a clear understanding of exploitation” but that for some 16 and 17-year-olds “the response is reactive rather than preventative”.

Barnsley's children's services were rated good at their last full inspection in 2023.

Carly Wadsworth, Barnsley Council's executive director of children's services, said: “This letter tells us the partnership is doing the right things. It also tells us where we need to go further - and we will.”

Detective Superintendent Mark Ibbotson of South Yorkshire Police said the force had put a team of 12 officers on county lines work in the borough. The Safer Barnsley Partnership has separately been awarded £310,000 from the Home Office's serious violence fund.
""",
councils=[dict(name="Barnsley Metropolitan Borough Council", code="E08000038", as_written=["Barnsley", "Barnsley Council"])],
ratings=[
 R("E08000038", "good", "good", "overall effectiveness", 2023, "stated",
   "Barnsley's children's services were rated good at their last full inspection in 2023",
   notes="History. Coded with the code valid at the article's date (Barnsley re-coded E08000016 -> E08000038 in April 2025)."),
],
people=[P("Carly Wadsworth", "executive director of children's services", "Barnsley Council"),
        P("Mark Ibbotson", "Detective Superintendent", "South Yorkshire Police")],
money=[M("£310,000", 310000)],
quotes=["R:Ofsted", "R:Ofsted", "R:Ofsted", "S:Carly Wadsworth"],
notes="JTAI: no grade. Findings of the joint inspectorates attributed to 'Ofsted' as the lead inspectorate.",
))

# ---------------------------------------------------------------- h4-13 West Midlands round-up 2018
A.append(dict(
id="h4-13", url="https://www.example.org/midlands-despatch/2018/02/west-midlands-childrens-services-ofsted-ratings",
outlet="Midlands Evening Despatch (invented)", published="2018-02", basis="url", trap=False,
src="""How do the West Midlands' children's services measure up?

With Sandwell the latest council in the region to receive its Ofsted verdict this week, we look at how children's social care across the West Midlands conurbation was rated at each authority's most recent full inspection.

Birmingham - inadequate (2016). A children's trust is due to take over the service in April.
Sandwell - inadequate (2018). Rated inadequate for a second time this week.
Wolverhampton - good (2017). The only council in the region to move up a grade at its last inspection.
Dudley - requires improvement (2016).
Walsall - requires improvement (2015).
Solihull - inadequate (2016). Monitoring visits have since reported progress.
Coventry - requires improvement (2017), up from inadequate in 2014.

Sandwell council leader Steve Ellison said the second "inadequate" judgement was "a kick in the teeth" for staff, but insisted: "We will not be defined by this."

Nationally, around a quarter of councils inspected under the current framework have been found inadequate, according to Ofsted figures, and only a handful have been rated outstanding.
""",
councils=[dict(name="Birmingham City Council", code="E08000025", as_written=["Birmingham"]),
          dict(name="Sandwell Metropolitan Borough Council", code="E08000028", as_written=["Sandwell"]),
          dict(name="City of Wolverhampton Council", code="E08000031", as_written=["Wolverhampton"]),
          dict(name="Dudley Metropolitan Borough Council", code="E08000027", as_written=["Dudley"]),
          dict(name="Walsall Metropolitan Borough Council", code="E08000030", as_written=["Walsall"]),
          dict(name="Solihull Metropolitan Borough Council", code="E08000029", as_written=["Solihull"]),
          dict(name="Coventry City Council", code="E08000026", as_written=["Coventry"])],
ratings=[
 R("E08000025", "inadequate", "inadequate", "overall effectiveness", 2016, "stated", "Birmingham - inadequate (2016)"),
 R("E08000028", "inadequate", "inadequate", "overall effectiveness", 2018, "publication date", "Sandwell - inadequate (2018)"),
 R("E08000028", "inadequate", "for a second time", "overall effectiveness", None, "stated",
   "Rated inadequate for a second time this week", amb=True, notes="Earlier inadequate judgement, year not given."),
 R("E08000031", "good", "good", "overall effectiveness", 2017, "stated", "Wolverhampton - good (2017)"),
 R("E08000031", "requires improvement", "move up a grade", "overall effectiveness", None, "stated",
   "The only council in the region to move up a grade at its last inspection", amb=True,
   notes="Implied previous grade (one below good), year not given."),
 R("E08000027", "requires improvement", "requires improvement", "overall effectiveness", 2016, "stated", "Dudley - requires improvement (2016)"),
 R("E08000030", "requires improvement", "requires improvement", "overall effectiveness", 2015, "stated", "Walsall - requires improvement (2015)"),
 R("E08000029", "inadequate", "inadequate", "overall effectiveness", 2016, "stated", "Solihull - inadequate (2016)"),
 R("E08000026", "requires improvement", "requires improvement", "overall effectiveness", 2017, "stated", "Coventry - requires improvement (2017)"),
 R("E08000026", "inadequate", "inadequate", "overall effectiveness", 2014, "stated", "up from inadequate in 2014"),
],
people=[P("Steve Ellison", "council leader", "Sandwell council")],
money=[],
quotes=["X", "S:Steve Ellison", "S:Steve Ellison"],
notes="Round-up list; years in brackets are the inspection/publication years as given. National figures are not council ratings.",
))

# ---------------------------------------------------------------- h4-14 Leicestershire drops a grade 2026
A.append(dict(
id="h4-14", url="https://www.example.org/leicester-mercury-county/news/leicestershire-childrens-services-drop-grade",
outlet="Leicester & County Mercury (invented)", published="2026-01-20", basis="text", trap=False,
src="""Leicestershire children's services drop a grade as inspectors find ‘drift’

Leicestershire County Council's children's services have dropped a grade, from good to requires improvement, in an Ofsted report which found some vulnerable children left "in drift and delay".

The county was last inspected in 2019, when it was rated good. The new report, published on Tuesday 20 January 2026, gives the following judgements:

1. Impact of leaders: requires improvement to be good
2. Help and protection: requires improvement to be good
3. Children in care: good
4. Care leavers: requires improvement to be good

"We are disappointed, there's no point pretending otherwise," said Jane Whitcombe, the council's director of children and family services. "But the report also describes a service with strong foundations, and we will use it."

Inspectors said the council's front door had been "under considerable pressure" since a restructure in 2024.

Harborough-area MP Tom Arkwright said in a statement that the downgrade should be "a wake-up call" for the county's Conservative leadership.

Care leaver Aisha Bello, 20, who sits on the council's children in care council, was blunter. "Some of us have had four personal advisers in a year. You stop telling them things," she said.

The council is forecasting a £17.8m overspend on children's social care this year, driven by residential placements which now cost an average of £5,400 a week.
""",
councils=[dict(name="Leicestershire County Council", code="E10000018", as_written=["Leicestershire County Council", "Leicestershire", "The county"])],
ratings=[
 R("E10000018", "requires improvement", "requires improvement", "overall effectiveness", 2026, "publication date",
   "have dropped a grade, from good to requires improvement"),
 R("E10000018", "requires improvement", "requires improvement to be good", "leadership", 2026, "publication date",
   "1. Impact of leaders: requires improvement to be good"),
 R("E10000018", "requires improvement", "requires improvement to be good", "help and protection", 2026, "publication date",
   "2. Help and protection: requires improvement to be good"),
 R("E10000018", "good", "good", "children in care", 2026, "publication date", "3. Children in care: good"),
 R("E10000018", "requires improvement", "requires improvement to be good", "care leavers", 2026, "publication date",
   "4. Care leavers: requires improvement to be good"),
 R("E10000018", "good", "good", "overall effectiveness", 2019, "stated",
   "The county was last inspected in 2019, when it was rated good"),
],
people=[P("Jane Whitcombe", "director of children and family services", "Leicestershire County Council"),
        P("Tom Arkwright", "MP (Harborough area)", None),
        P("Aisha Bello", "care leaver, 20; member of the children in care council", None)],
money=[M("£17.8m", 17800000), M("£5,400", 5400, "week")],
quotes=["X", "R:Ofsted", "S:Jane Whitcombe", "S:Jane Whitcombe", "R:Ofsted", "S:Tom Arkwright", "S:Aisha Bello"],
notes="Overall grade given only in the lead ('from good to requires improvement'); numbered list gives the four "
      "ILACS sub-judgements. Headline 'drift' is a headline phrase (scare).",
))

# ---------------------------------------------------------------- h4-15 Somerset opinion, no date
A.append(dict(
id="h4-15", url="https://www.example.org/somerset-voice/opinion/somersets-children-deserve-more",
outlet="Somerset Voice (invented community news site)", published=None, basis=None, trap=False,
src="""Somerset's children deserve more than ‘requires improvement’

Opinion | By our social affairs correspondent

Published just before Christmas, Ofsted's verdict on Somerset Council's children's services landed with barely a ripple. It should not have.

Inspectors who visited in October 2024 - the first full inspection since the unitary council replaced the county council and its four districts - concluded that services "require improvement to be good". Help and protection was the weakest area; services for children in care were judged good.

Some context. In 2017 the old Somerset County Council was graded requires improvement, and before that things were considerably worse. Seven years and one reorganisation later, the needle has barely moved.

"We've had more restructures than improvements," one senior social worker told me, on condition of anonymity. "Every new director brings a new model."

The money tells its own story. Children's services overspent by £21.3m in 2023/24. The most complex placements now cost the authority £15,000 a week or more, and the council declared a financial emergency in late 2023.

"We are under no illusions," Cllr Bridget Cawley-Ames, lead member for children and families, told a scrutiny meeting in January. "Requires improvement is not where we want to be."

She promised the council would "get to good within three years". Readers may judge for themselves how likely that is.
""",
councils=[dict(name="Somerset Council", code="E06000066", as_written=["Somerset Council", "the unitary council", "the council"]),
          dict(name="Somerset County Council", code="E10000027", as_written=["Somerset County Council"])],
ratings=[
 R("E06000066", "requires improvement", "require improvement to be good", "overall effectiveness", 2024, "inferred from content",
   "concluded that services \"require improvement to be good\"", alt=[2025],
   notes="Visit in October 2024, published 'just before Christmas' -> 2024; 2025 defensible if the piece was dated later."),
 R("E06000066", "good", "good", "children in care", 2024, "inferred from content",
   "services for children in care were judged good", alt=[2025]),
 R("E10000027", "requires improvement", "requires improvement", "overall effectiveness", 2017, "stated",
   "In 2017 the old Somerset County Council was graded requires improvement",
   notes="History of the abolished county council (last valid code E10000027)."),
],
people=[P("Bridget Cawley-Ames", "lead member for children and families (Cllr)", "Somerset Council")],
money=[M("£21.3m", 21300000), M("£15,000", 15000, "week")],
quotes=["X", "X", "U", "U", "S:Bridget Cawley-Ames", "S:Bridget Cawley-Ames", "S:Bridget Cawley-Ames"],
notes="No date anywhere (opinion piece); content places it late 2024 or early 2025 (Somerset Council is the 2023 "
      "unitary, so E06000066). 'Help and protection was the weakest area' has no grade word: no rating. The anonymous "
      "social worker's words: kind speech, speaker null. 'require improvement to be good' quoted as a grade label: scare.",
))
