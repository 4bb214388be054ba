from lib import build
G = []
# ---------------- h2-01 ----------------
G.append(build("h2-01", "2008-12-17", "metadata", "Black Country Courier (invented)",
 "black-country-courier/2008/12/17/walsall-children-services-perform-poorly",
"""Walsall children's services ‘perform poorly’⟦X⟧, says watchdog

WALSALL Council's services for children have been branded the weakest in the Black Country after Ofsted said they “perform poorly”⟦X⟧ in its annual assessment, published yesterday.

The council was given the lowest of the four grades, down from the two stars it held last year. Neighbouring Dudley was found to perform well, while Sandwell was judged to perform adequately.

Inspectors said the council had been too slow to act on warnings about the number of unallocated cases and that “too many children wait too long for an assessment of their needs”⟦R⟧.

Councillor Brian Hollings, cabinet member for children's services, said the judgement was “a bitter pill”⟦S:Brian Hollings⟧ but insisted improvements were already under way.

“We have put an extra £1.8m into the front door this year and recruited 23 social workers since the summer,”⟦S:Brian Hollings⟧ he said. “I am not going to pretend that is enough. It isn't.”⟦S:Brian Hollings⟧

Ofsted's regional director, Margaret Tolland, told the Courier: “Walsall has the capacity to improve, but it must move faster.”⟦S:Margaret Tolland⟧

Interim director of children's services Peter Okafor said a 40-point action plan would go to cabinet in January. He added that the service was spending £95,000 a month on agency staff.

In Sandwell, cabinet member Cllr Janet Rowe said her authority was “pleased but not complacent”⟦S:Janet Rowe⟧ about its result.
""", False,
 [("walsall", ["WALSALL Council", "Walsall", "the council"]), ("dudley", ["Dudley"]), ("sandwell", ["Sandwell", "her authority"])],
 [("walsall", "poor", "overall children's services (annual performance assessment)", 2008,
   "Ofsted said they “perform poorly” in its annual assessment", {"gw": "perform poorly", "notes": "2008 APA, main news; also 'given the lowest of the four grades'."}),
  ("walsall", "adequate", "overall children's services (annual performance assessment)", 2007,
   "down from the two stars it held last year", {"gw": "two stars", "basis": "relative to publication", "amb": True, "notes": "2007 APA; two stars on the 1-4 scale = adequate (implied)."}),
  ("dudley", "good", "overall children's services (annual performance assessment)", 2008,
   "Neighbouring Dudley was found to perform well", {"gw": "perform well"}),
  ("sandwell", "adequate", "overall children's services (annual performance assessment)", 2008,
   "Sandwell was judged to perform adequately", {"gw": "perform adequately"}),
 ],
 [("Brian Hollings", "cabinet member for children's services", "Walsall Council"),
  ("Margaret Tolland", "regional director", "Ofsted"),
  ("Peter Okafor", "interim director of children's services", "Walsall Council"),
  ("Janet Rowe", "cabinet member", "Sandwell council")],
 [("£1.8m", 1800000, None), ("£95,000", 95000, "month")],
 "Annual performance assessment (APA) story with three councils in one paragraph; 'perform poorly' in the headline and body is one judgement."))

# ---------------- h2-02 ----------------
G.append(build("h2-02", "2010-07-23", "metadata", "Peterborough Evening Post (invented)",
 "peterborough-post/news/2010/07/23/safeguarding-judged-inadequate",
"""Peterborough safeguarding judged inadequate by inspectors

Services to protect vulnerable children in Peterborough are inadequate, according to a report by Ofsted.

Inspectors who spent two weeks in the city in June found that the overall effectiveness of safeguarding services was inadequate and that the council's capacity to improve was only adequate.

Services for looked after children fared better and were judged adequate overall, with the report describing outcomes for children in care as “improving but fragile”⟦R⟧.

The report said: “Thresholds for intervention are not understood across the partnership and, as a result, referrals are not always acted upon promptly.⟦R⟧

“In a small number of cases seen by inspectors, children were left at risk of significant harm for too long.”⟦R⟧

Peterborough City Council leader Cllr Mark Ellery said: “This is not the report any of us wanted to read. I apologise to every child and family we have let down.”⟦S:Mark Ellery⟧

He said the council would put an extra £2.5m into children's social care this financial year and would cut its reliance on agency social workers, who currently cost it up to £55 an hour.

The city's director of children's services, Gill Paterson, will leave the authority at the end of August, the council confirmed.

An Ofsted spokesman said: “We will return to Peterborough within six months to check on progress.”⟦S:Ofsted⟧

Unison regional organiser Dave Marks said social workers had warned managers “time and again”⟦S:Dave Marks⟧ about caseloads of more than 30 children each.
""", False,
 [("peterborough", ["Peterborough", "Peterborough City Council", "the council", "the city", "the authority"])],
 [("peterborough", "inadequate", "safeguarding: overall effectiveness", 2010,
   "the overall effectiveness of safeguarding services was inadequate", {"notes": "Also the lead sentence 'Services to protect vulnerable children in Peterborough are inadequate'. Inspection of safeguarding and looked after children services, June 2010."}),
  ("peterborough", "adequate", "safeguarding: capacity to improve", 2010,
   "the council's capacity to improve was only adequate"),
  ("peterborough", "adequate", "looked after children: overall effectiveness", 2010,
   "Services for looked after children fared better and were judged adequate overall"),
 ],
 [("Mark Ellery", "council leader", "Peterborough City Council"),
  ("Gill Paterson", "director of children's services (leaving)", "Peterborough City Council"),
  ("Dave Marks", "regional organiser", "Unison")],
 [("£2.5m", 2500000, None), ("£55", 55, "hour")],
 "Multi-paragraph report quotation (opening mark on each paragraph, one closing mark): two entries. The unnamed 'Ofsted spokesman' is recorded with speaker 'Ofsted'."))

# ---------------- h2-03 ----------------
G.append(build("h2-03", "2015-10-08", "metadata", "Wakefield Express (invented edition)",
 "wakefield-express/2015/10/08/childrens-services-still-require-improvement",
"""Wakefield told its children's services still need to improve

Children's services in Wakefield still require improvement to be good, Ofsted has said, two years after the watchdog found widespread weaknesses in the district.

The inspectorate's report, published on Wednesday, grades Wakefield Council's adoption service as good but rates both its support for care leavers and the experiences of children who need help and protection as requiring improvement.

Leadership, management and governance was also judged to require improvement.

In 2013 the council's safeguarding services were rated adequate.

“Senior leaders have an accurate understanding of the weaknesses in frontline practice,”⟦R⟧ inspectors wrote, “but improvement has been too slow in some teams.”⟦R⟧

Corporate director for children and young people Helen Ashworth said she was “encouraged”⟦S:Helen Ashworth⟧ by the adoption judgement.

“Our adopters tell us they are well supported, and Ofsted has recognised that,”⟦S:Helen Ashworth⟧ she said.

Cabinet member Cllr Rashid Hussain told the Express: “We are heading in the right direction. I want us to be good at the next inspection and I believe we can be.”⟦S:Rashid Hussain⟧

The council has set aside £3.2m over two years for a new early help hub and will spend £400,000 on training for frontline staff.
""", False,
 [("wakefield", ["Wakefield", "Wakefield Council", "the district", "the council"])],
 [("wakefield", "requires improvement", "overall effectiveness", 2015,
   "Children's services in Wakefield still require improvement to be good", {"gw": "require improvement to be good", "notes": "SIF; 'still' implies an earlier RI-like state but the 2013 grade given is 'adequate'."}),
  ("wakefield", "good", "adoption", 2015, "grades Wakefield Council's adoption service as good"),
  ("wakefield", "requires improvement", "care leavers", 2015,
   "rates both its support for care leavers and the experiences of children who need help and protection as requiring improvement", {"gw": "requiring improvement"}),
  ("wakefield", "requires improvement", "help and protection", 2015,
   "rates both its support for care leavers and the experiences of children who need help and protection as requiring improvement", {"gw": "requiring improvement"}),
  ("wakefield", "requires improvement", "leadership, management and governance", 2015,
   "Leadership, management and governance was also judged to require improvement.", {"gw": "require improvement"}),
  ("wakefield", "adequate", "safeguarding", 2013,
   "In 2013 the council's safeguarding services were rated adequate.", {"basis": "stated", "notes": "History."}),
 ],
 [("Helen Ashworth", "corporate director for children and young people", "Wakefield Council"),
  ("Rashid Hussain", "cabinet member", "Wakefield Council")],
 [("£3.2m", 3200000, None), ("£400,000", 400000, None)],
 "Quote split by an attribution ('inspectors wrote') = two entries. 'I want us to be good at the next inspection' is an aspiration, not a rating. 'widespread weaknesses' (2013) has no grade word and is not annotated."))

# ---------------- h2-04 TRAP ----------------
G.append(build("h2-04", "2016-05-19", "metadata", "Fylde Coast Herald (invented)",
 "fylde-coast-herald/education/2016/05/19/academy-special-measures",
"""Blackpool academy rated ‘inadequate’⟦X⟧ and placed in special measures

A Blackpool secondary academy has been placed in special measures after Ofsted inspectors judged it inadequate in every area.

Marton Vale Academy, run by the North Shore Learning Trust, was inspected in March. The report said that “pupils' behaviour in lessons and around the site is not safe”⟦R⟧ and that leaders had “not acted quickly enough to tackle persistent absence”⟦R⟧.

It is the second school in the town to be rated inadequate this year. At its previous inspection, in 2013, the academy was judged good.

Trust chief executive Andrew Sefton said: “We accept the findings in full and a new headteacher starts after Easter.”⟦S:Andrew Sefton⟧

Blackpool Council, which has no direct control over academies, said it would offer support. Cllr Ivy Pendle, cabinet member for schools, said the judgement was “deeply disappointing for families in the town”⟦S:Ivy Pendle⟧.

“Every child in Blackpool deserves a good or outstanding school,”⟦S:Ivy Pendle⟧ she added.

The trust says it will spend £750,000 on new behaviour and attendance staff over the next year.
""", True,
 [("blackpool", ["Blackpool Council", "Blackpool", "the town"])],
 [],
 [("Andrew Sefton", "chief executive", "North Shore Learning Trust"),
  ("Ivy Pendle", "cabinet member for schools", "Blackpool Council")],
 [("£750,000", 750000, None)],
 "TRAP: an academy (school) judged inadequate (and good in 2013) by Ofsted in Blackpool's area; no council children's-services judgement."))

# ---------------- h2-05 ----------------
G.append(build("h2-05", "2019-04-10", "metadata", "South West London Gazette (invented)",
 "swl-gazette/2019/04/10/kingston-richmond-childrens-services-good",
"""Kingston and Richmond children's services rated good

Children's services in Kingston and Richmond, which are run by the not-for-profit company Achieving for Children, have both been rated good by Ofsted.

Inspectors visited the two boroughs in February. In Richmond the help and protection offered to children was judged outstanding, while Kingston was found to be good in all four areas.

Achieving for Children, which is owned by Kingston, Richmond and Windsor and Maidenhead councils, took over the services in 2014. Kingston's children's services had been rated inadequate the year before.

The company's chief executive, Ruth Penfold, said: “This is a testament to the hard work of our staff and our partners.”⟦S:Ruth Penfold⟧

“Two years ago we said that good was the minimum we would accept. Now we want to be outstanding,”⟦S:Ruth Penfold⟧ she added.

Richmond Council's lead member for children, Cllr Alison Greer, said social workers “go the extra mile, every single day”⟦S:Alison Greer⟧.

The report on Kingston said that “children's needs are understood and responded to at the right level”⟦R⟧. Of Richmond, inspectors said care leavers “feel genuinely supported by their personal advisers”⟦R⟧.

Windsor and Maidenhead, the third council served by the company, is expected to be inspected later this year. Achieving for Children's budget for 2019-20 is £193m.
""", False,
 [("kingston", ["Kingston", "Kingston's"]), ("richmond", ["Richmond", "Richmond Council"]), ("windsor", ["Windsor and Maidenhead"])],
 [("kingston", "good", "overall effectiveness", 2019, "have both been rated good by Ofsted", {"notes": "ILACS; services run by Achieving for Children (subject = council)."}),
  ("richmond", "good", "overall effectiveness", 2019, "have both been rated good by Ofsted"),
  ("richmond", "outstanding", "help and protection", 2019, "In Richmond the help and protection offered to children was judged outstanding"),
  ("kingston", "good", "help and protection", 2019, "Kingston was found to be good in all four areas", {"amb": True, "notes": "'good in all four areas' implies each ILACS judgement."}),
  ("kingston", "good", "children in care and care leavers", 2019, "Kingston was found to be good in all four areas", {"amb": True}),
  ("kingston", "good", "leadership", 2019, "Kingston was found to be good in all four areas", {"amb": True}),
  ("kingston", "inadequate", "overall effectiveness", 2013, "Kingston's children's services had been rated inadequate the year before.", {"basis": "stated", "notes": "'the year before' = the year before 2014. History."}),
 ],
 [("Ruth Penfold", "chief executive", "Achieving for Children"),
  ("Alison Greer", "lead member for children", "Richmond Council")],
 [("£193m", 193000000, None)],
 "Trust/company runs services for several councils; Windsor and Maidenhead named but not judged. 'we want to be outstanding' is an aspiration."))
