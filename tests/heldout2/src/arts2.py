from lib import build
G = []
# ---------------- h2-06 (no published date) ----------------
G.append(build("h2-06", None, None, "Derby Telegraph-style community site (invented)",
 "derby-community-news/watchdog-hails-derby-outstanding-leaders",
"""Watchdog hails Derby's ‘outstanding’⟦X⟧ leaders

Derby City Council's children's services are good, with outstanding leadership, according to an Ofsted report published today following a three-week inspection in May 2018.

Inspectors judged the help and protection given to children to be good. They reached the same verdict on the experiences and progress of children in care and care leavers.

It is an improvement on 2015, when the council was rated requires improvement.

Cabinet member for children and young people Cllr Ros Whitfield said the result showed “what a stable, committed workforce can achieve”⟦S:Ros Whitfield⟧.

The report said: “The director of children's services and his senior team know their services extremely well.”⟦R⟧

Strategic director for people services Andrew Kaminski said the council had kept agency staff below 10 per cent. “We decided not to chase quick fixes,”⟦S:Andrew Kaminski⟧ he said. “That decision cost us £1.2m in the short term, but it has paid off.”⟦S:Andrew Kaminski⟧

Across the county boundary, Nottingham City Council, whose children's services were rated requires improvement last year, says it is aiming for a good rating when inspectors return.
""", False,
 [("derby", ["Derby City Council", "the council", "Derby"]), ("nottingham", ["Nottingham City Council"])],
 [("derby", "good", "overall effectiveness", 2018, "Derby City Council's children's services are good", {"basis": "inferred from content", "notes": "ILACS, inspection May 2018, report 'published today' (June/July 2018)."}),
  ("derby", "outstanding", "leadership", 2018, "with outstanding leadership", {"basis": "inferred from content"}),
  ("derby", "good", "help and protection", 2018, "Inspectors judged the help and protection given to children to be good.", {"basis": "inferred from content"}),
  ("derby", "good", "children in care and care leavers", 2018, "They reached the same verdict on the experiences and progress of children in care and care leavers.", {"basis": "inferred from content", "notes": "Grade carried over by 'the same verdict' (good); still explicit enough not to be ambiguous."}),
  ("derby", "requires improvement", "overall effectiveness", 2015, "It is an improvement on 2015, when the council was rated requires improvement.", {"basis": "stated"}),
  ("nottingham", "requires improvement", "overall effectiveness", 2017, "whose children's services were rated requires improvement last year", {"basis": "relative to publication", "notes": "'last year' relative to the 2018 article."}),
 ],
 [("Ros Whitfield", "cabinet member for children and young people", "Derby City Council"),
  ("Andrew Kaminski", "strategic director for people services", "Derby City Council")],
 [("£1.2m", 1200000, None)],
 "No publication date in the metadata: the year (2018) comes from 'a three-week inspection in May 2018' and 'published today'. 'aiming for a good rating' is not a judgement."))

# ---------------- h2-07 ----------------
G.append(build("h2-07", "2019-11-14", "metadata", "Dorset Echo-style weekly (invented)",
 "dorset-weekly/2019/11/14/new-council-children-services-require-improvement",
"""New Dorset Council told children's services ‘require improvement’⟦X⟧

Dorset's new unitary authority has been told its children's services require improvement to be good, in its first full Ofsted inspection.

Dorset Council, which replaced Dorset County Council and five of the county's district and borough councils in April, was inspected in September. Inspectors rated its services for children in care as good but found that help and protection, and leadership, both required improvement.

The verdict is a step down from 2016, when Dorset County Council's children's services were judged good.

Cllr Helen Markham, portfolio holder for children, education and early help, said: “We knew that bringing six councils together would be disruptive. Inspectors have told us what we need to do and we will do it.”⟦S:Helen Markham⟧

Executive director of people – children, Theo Linden, said the report recognised “a service that knows itself”⟦S:Theo Linden⟧. He said the council was forecasting a £7.4m overspend on children's services this year, largely because of the cost of residential placements.

Neighbouring Bournemouth, Christchurch and Poole Council, which also came into being in April, has not yet been inspected. BCP's leader, Cllr Daniel Frome, said the council “aims to be rated good or better”⟦S:Daniel Frome⟧ when Ofsted arrives.

Poole's children's services had been rated requires improvement in 2017, while Bournemouth Borough Council's were judged good a year later.
""", False,
 [("dorset", ["Dorset Council", "Dorset's new unitary authority", "the council"]), ("dorsetcc", ["Dorset County Council"]),
  ("bcp", ["Bournemouth, Christchurch and Poole Council", "BCP", "the council"]), ("poole", ["Poole"]), ("bournemouth", ["Bournemouth Borough Council"])],
 [("dorset", "requires improvement", "overall effectiveness", 2019, "its children's services require improvement to be good", {"gw": "require improvement to be good"}),
  ("dorset", "good", "children in care", 2019, "Inspectors rated its services for children in care as good"),
  ("dorset", "requires improvement", "help and protection", 2019, "found that help and protection, and leadership, both required improvement", {"gw": "required improvement"}),
  ("dorset", "requires improvement", "leadership", 2019, "found that help and protection, and leadership, both required improvement", {"gw": "required improvement"}),
  ("dorsetcc", "good", "overall effectiveness", 2016, "when Dorset County Council's children's services were judged good", {"basis": "stated", "notes": "History of the abolished county council (E10000009)."}),
  ("poole", "requires improvement", "overall effectiveness", 2017, "Poole's children's services had been rated requires improvement in 2017", {"basis": "stated", "notes": "Borough of Poole, abolished April 2019."}),
  ("bournemouth", "good", "overall effectiveness", 2018, "Bournemouth Borough Council's were judged good a year later", {"basis": "stated", "notes": "'a year later' than 2017."}),
 ],
 [("Helen Markham", "portfolio holder for children, education and early help", "Dorset Council"),
  ("Theo Linden", "executive director of people – children", "Dorset Council"),
  ("Daniel Frome", "leader", "BCP Council")],
 [("£7.4m", 7400000, None)],
 "2019 reorganisation: Dorset Council E06000059 and BCP E06000058 are new; history belongs to the abolished Dorset County Council (E10000009), Borough of Poole (E06000029) and Bournemouth (E06000028). 'aims to be rated good or better' is not a judgement. The district councils are not named."))

# ---------------- h2-08 ----------------
G.append(build("h2-08", "2024-05-21", "metadata", "Plymouth Herald-style site (invented)",
 "plymouth-news/2024/05/21/send-inspection-inconsistent",
"""SEND support in Plymouth leads to ‘inconsistent experiences and outcomes’⟦X⟧

Children and young people with special educational needs and disabilities (SEND) in Plymouth have "inconsistent experiences and outcomes"⟦X⟧, inspectors have found.

The joint inspection of the local area partnership by Ofsted and the Care Quality Commission took place in March. The partnership, made up of Plymouth City Council and NHS Devon, received the middle of the three possible outcomes.

Inspectors said that "too many families have to fight to get the help their children need"⟦R:Ofsted and the Care Quality Commission⟧ and that waiting times for autism assessments were "far too long"⟦R:Ofsted and the Care Quality Commission⟧.

Plymouth's cabinet member for children's social care, Cllr Joss Pengelly, said: "We are not where we want to be, and I am sorry to the families who have waited."⟦S:Joss Pengelly⟧

The outcome mirrors that of neighbouring Torbay, whose partnership received the same judgement last year. Devon's local area, by contrast, was found to have widespread and systemic failings in 2023.

The council's children's social care services were rated good by Ofsted in 2022, a point made by the director of children's services, Marcia Ennis. "Our social work is strong. Our SEND system is not yet good enough, and we own that,"⟦S:Marcia Ennis⟧ she said.

The city's high-needs budget is forecast to overspend by £11m this year.
""", False,
 [("plymouth", ["Plymouth", "Plymouth City Council", "the council", "The city's"]), ("torbay", ["Torbay"]), ("devon", ["Devon's local area"])],
 [("plymouth", "inconsistent experiences and outcomes", "SEND", 2024, "Plymouth have \"inconsistent experiences and outcomes\", inspectors have found", {"notes": "Area SEND inspection (2023 framework), middle outcome; subject is the council as lead of the partnership."}),
  ("torbay", "inconsistent experiences and outcomes", "SEND", 2023, "whose partnership received the same judgement last year", {"basis": "relative to publication", "amb": True, "notes": "Outcome carried by 'the same judgement'."}),
  ("devon", "widespread and systemic failings", "SEND", 2023, "was found to have widespread and systemic failings in 2023", {"basis": "stated"}),
  ("plymouth", "good", "overall effectiveness", 2022, "The council's children's social care services were rated good by Ofsted in 2022", {"basis": "stated"}),
 ],
 [("Joss Pengelly", "cabinet member for children's social care", "Plymouth City Council"),
  ("Marcia Ennis", "director of children's services", "Plymouth City Council")],
 [("£11m", 11000000, None)],
 "Straight double quotes. SEND outcomes keep their words; the outcome phrase in quotation marks is a label (scare). The joint report's words are attributed to 'Ofsted and the Care Quality Commission' (kind report). NHS Devon is not a council."))

# ---------------- h2-09 TRAP ----------------
G.append(build("h2-09", "2021-03-04", "metadata", "Shropshire Star-style site (invented)",
 "shropshire-news/2021/03/04/childrens-home-rated-inadequate",
"""Shropshire children's home rated ‘inadequate’⟦X⟧ after inspectors' visit

A children's home near Shrewsbury run by a private company has been rated inadequate by Ofsted, and the watchdog has restricted new admissions.

The four-bed home, operated by Oakridge Care Group Ltd, was inspected in January. The report said staff "did not always know where children were"⟦R⟧ and that records of restraint were "incomplete and in places contradictory"⟦R⟧.

The company's other home, in Telford, was rated good in 2019.

Oakridge director Simon Vail said: "We are disappointed. A new registered manager is already in post."⟦S:Simon Vail⟧

Shropshire Council said none of the children living at the home had been placed by the authority. Telford and Wrekin Council confirmed it had two children there and said social workers had visited them both.

Cllr Megan Lister, Shropshire's cabinet member for children's services, said the case showed why the council was opening more homes of its own. Its two existing council-run homes were both rated good last year.

"Children should not be hundreds of miles from home in places like this,"⟦S:Megan Lister⟧ she said. The home charges local authorities up to £6,500 a week for each child.
""", True,
 [("shropshire", ["Shropshire Council", "the authority", "Shropshire's", "the council"]), ("telford", ["Telford and Wrekin Council"])],
 [],
 [("Simon Vail", "director", "Oakridge Care Group Ltd"),
  ("Megan Lister", "cabinet member for children's services", "Shropshire Council")],
 [("£6,500", 6500, "week")],
 "TRAP: ratings of children's homes (a private home 'inadequate', another private home in Telford 'good', council-run homes 'good'); no judgement of a council's children's services."))

# ---------------- h2-10 ----------------
G.append(build("h2-10", "2021-11-25", "metadata", "Bucks Free Press-style site (invented)",
 "bucks-news/2021/11/25/childrens-services-requires-improvement",
"""Buckinghamshire children's services still ‘require improvement’⟦X⟧, Ofsted says

Ofsted has rated Buckinghamshire Council's children's services as requiring improvement to be good, three years after its last full inspection.

The inspection, carried out in October, was the first since the new unitary council replaced Buckinghamshire County Council and the four district councils in April 2020.

Buckinghamshire County Council was rated inadequate in 2014 and requires improvement in 2018.

Inspectors found that the experiences of children in care and care leavers had improved to good, but that help and protection and the impact of leaders still require improvement.

In the report, inspectors wrote: "Senior leaders have created a more stable workforce and caseloads are now manageable.⟦R⟧

"However, the quality of assessments remains too variable, and some children experience delay before their needs are fully understood."⟦R⟧

Cabinet member for children's services Cllr Anita Cranmore said: "Let's be clear: this is progress. We have come a long way from where we were seven years ago."⟦S:Anita Cranmore⟧

The council's children's services are forecast to overspend by £9.8m this year, most of it on placements. Corporate director Richard Osei told councillors last month that one placement alone cost £12,000 a week.

Neighbouring Milton Keynes Council's children's services were rated good in 2019.
""", False,
 [("bucks", ["Buckinghamshire Council", "the new unitary council", "the council"]), ("buckscc", ["Buckinghamshire County Council"]), ("mk", ["Milton Keynes Council"])],
 [("bucks", "requires improvement", "overall effectiveness", 2021, "Ofsted has rated Buckinghamshire Council's children's services as requiring improvement to be good", {"gw": "requiring improvement to be good", "notes": "Buckinghamshire Council E06000060 since April 2020."}),
  ("bucks", "good", "children in care and care leavers", 2021, "the experiences of children in care and care leavers had improved to good"),
  ("bucks", "requires improvement", "help and protection", 2021, "help and protection and the impact of leaders still require improvement", {"gw": "require improvement"}),
  ("bucks", "requires improvement", "leadership", 2021, "help and protection and the impact of leaders still require improvement", {"gw": "require improvement"}),
  ("buckscc", "inadequate", "overall effectiveness", 2014, "Buckinghamshire County Council was rated inadequate in 2014", {"basis": "stated"}),
  ("buckscc", "requires improvement", "overall effectiveness", 2018, "Buckinghamshire County Council was rated inadequate in 2014 and requires improvement in 2018.", {"basis": "stated", "notes": "Also 'three years after its last full inspection'."}),
  ("mk", "good", "overall effectiveness", 2019, "Neighbouring Milton Keynes Council's children's services were rated good in 2019.", {"basis": "stated"}),
 ],
 [("Anita Cranmore", "cabinet member for children's services", "Buckinghamshire Council"),
  ("Richard Osei", "corporate director", "Buckinghamshire Council")],
 [("£9.8m", 9800000, None), ("£12,000", 12000, "week")],
 "History before April 2020 belongs to Buckinghamshire County Council (E10000002). 'improved to good' for children in care implies an earlier lower grade with no year: not annotated. Multi-paragraph report quotation = two entries."))

# ---------------- h2-11 ----------------
G.append(build("h2-11", "2022-06-30", "metadata", "Northants Telegraph-style site (invented)",
 "northants-news/2022/06/30/trust-services-requires-improvement",
"""Northamptonshire children's trust no longer inadequate

Children's services in North and West Northamptonshire have been lifted out of the inadequate category, with Ofsted judging them to require improvement.

The services are run by Northamptonshire Children's Trust on behalf of North Northamptonshire Council and West Northamptonshire Council, the two unitary authorities that replaced the bankrupt county council in April 2021.

Northamptonshire County Council's children's services were rated inadequate in 2019 and the Department for Education ordered that they be transferred to a trust.

The trust's chief executive, Colin Raftery, said: “It is a big step, but it is one step. Requires improvement is not where we want to stay.”⟦S:Colin Raftery⟧

Inspectors found that help and protection for children had improved but still required improvement. Care leavers were “well supported and ambitious for their futures”⟦R⟧, the report said.

West Northamptonshire's cabinet member for children, Cllr Farida Begum, said the councils pay the trust about £150m a year between them. “Every penny of that has to make a difference to a child,”⟦S:Farida Begum⟧ she said.

The trust was criticised last year by Tom Hale, the MP for Corby, who told the Commons that children in the county were “still being failed”⟦S:Tom Hale⟧.
""", False,
 [("nnorthants", ["North Northamptonshire Council"]), ("wnorthants", ["West Northamptonshire Council", "West Northamptonshire's"]), ("northantscc", ["Northamptonshire County Council", "the bankrupt county council"])],
 [("nnorthants", "requires improvement", "overall effectiveness", 2022, "Children's services in North and West Northamptonshire have been lifted out of the inadequate category, with Ofsted judging them to require improvement.", {"gw": "require improvement", "notes": "Services run by Northamptonshire Children's Trust; subject = each council."}),
  ("wnorthants", "requires improvement", "overall effectiveness", 2022, "Children's services in North and West Northamptonshire have been lifted out of the inadequate category, with Ofsted judging them to require improvement.", {"gw": "require improvement"}),
  ("nnorthants", "requires improvement", "help and protection", 2022, "help and protection for children had improved but still required improvement", {"gw": "required improvement", "notes": "Council not named in the sentence; applies to both areas."}),
  ("wnorthants", "requires improvement", "help and protection", 2022, "help and protection for children had improved but still required improvement", {"gw": "required improvement"}),
  ("northantscc", "inadequate", "overall effectiveness", 2019, "Northamptonshire County Council's children's services were rated inadequate in 2019", {"basis": "stated", "notes": "History of the abolished county council (E10000021); also 'lifted out of the inadequate category'."}),
 ],
 [("Colin Raftery", "chief executive", "Northamptonshire Children's Trust"),
  ("Farida Begum", "cabinet member for children", "West Northamptonshire Council"),
  ("Tom Hale", "MP for Corby", None)],
 [("£150m", 150000000, "year")],
 "The grade 'Requires improvement' inside a speech quotation is not a separate judgement. 'lifted out of the inadequate category' restates the 2019 history. Care leavers get praise but no grade word."))
