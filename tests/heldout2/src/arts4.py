from lib import build
G = []
# ---------------- h2-14 ----------------
G.append(build("h2-14", "2024-06-13", "metadata", "Westmorland Gazette-style site (invented)",
 "westmorland-news/2024/06/13/ofsted-good-rating-new-council",
"""Good news for Westmorland and Furness as Ofsted praises support for care leavers

Ofsted has given Westmorland and Furness Council a good rating for its children's services in the new authority's first full inspection.

Inspectors, who visited in April, found the council's support for care leavers to be outstanding. Help and protection, the experiences of children in care and the impact of leaders were all judged good.

It comes a month after neighbouring Cumberland Council was told its children's services require improvement to be good. Cumberland, inspected in March, was found to require improvement for help and protection, although its leadership was judged good.

Both councils took over from Cumbria County Council in April 2023. The county council's children's services had been rated good in 2022.

Westmorland and Furness's director of children's services, Janine Calvert, said: “To be told we are good, and outstanding for care leavers, in our first full inspection as a new council is remarkable.”⟦S:Janine Calvert⟧

She said young people leaving care had helped design the council's ‘Next Step’⟦X⟧ housing scheme, which cost £850,000 to set up.

According to the report, care leavers “speak highly of their personal advisers, who they describe as always there for them”⟦R⟧.

Cllr Owen Kirkby, Cumberland's cabinet member for children, told the paper the council accepted the findings. “We were dealt a hard hand with the split,”⟦S:Owen Kirkby⟧ he said, “but that is not an excuse.”⟦S:Owen Kirkby⟧
""", False,
 [("westmorland", ["Westmorland and Furness Council", "Westmorland and Furness", "the new authority", "the council"]), ("cumberland", ["Cumberland Council", "Cumberland", "Cumberland's"]), ("cumbriacc", ["Cumbria County Council", "The county council's"])],
 [("westmorland", "good", "overall effectiveness", 2024, "Ofsted has given Westmorland and Furness Council a good rating for its children's services"),
  ("westmorland", "outstanding", "care leavers", 2024, "found the council's support for care leavers to be outstanding"),
  ("westmorland", "good", "help and protection", 2024, "Help and protection, the experiences of children in care and the impact of leaders were all judged good."),
  ("westmorland", "good", "children in care", 2024, "Help and protection, the experiences of children in care and the impact of leaders were all judged good."),
  ("westmorland", "good", "leadership", 2024, "Help and protection, the experiences of children in care and the impact of leaders were all judged good."),
  ("cumberland", "requires improvement", "overall effectiveness", 2024, "neighbouring Cumberland Council was told its children's services require improvement to be good", {"gw": "require improvement to be good", "basis": "relative to publication", "notes": "'a month' before the June 2024 article."}),
  ("cumberland", "requires improvement", "help and protection", 2024, "Cumberland, inspected in March, was found to require improvement for help and protection", {"gw": "require improvement"}),
  ("cumberland", "good", "leadership", 2024, "although its leadership was judged good"),
  ("cumbriacc", "good", "overall effectiveness", 2022, "The county council's children's services had been rated good in 2022.", {"basis": "stated", "notes": "Abolished April 2023 (E10000006)."}),
 ],
 [("Janine Calvert", "director of children's services", "Westmorland and Furness Council"),
  ("Owen Kirkby", "cabinet member for children", "Cumberland Council")],
 [("£850,000", 850000, None)],
 "2023 reorganisation: both unitaries (E06000063, E06000064) new; 2022 history belongs to Cumbria County Council (E10000006). Grades inside the director's quotation repeat the narrative judgements. ‘Next Step’ is a label (scare)."))

# ---------------- h2-15 ----------------
G.append(build("h2-15", "2024-11-07", "metadata", "Yorkshire regional daily (invented)",
 "yorkshire-daily/2024/11/07/north-yorkshire-outstanding-again",
"""North Yorkshire keeps ‘outstanding’⟦X⟧ children's services crown

North Yorkshire's children's services are outstanding, Ofsted has found, making the county one of only a handful of areas in England to hold the top grade at two consecutive inspections.

North Yorkshire Council, which replaced the county council and seven district councils in April last year, was rated outstanding in every one of the five judgement areas following an inspection in September.

Its predecessor, North Yorkshire County Council, had also been judged outstanding in 2018.

The report said: “Children in North Yorkshire benefit from exceptionally strong leadership and from social workers who know them well.”⟦R⟧

Corporate director of children and young people's service Stuart Lamb said he was “incredibly proud”⟦S:Stuart Lamb⟧.

“But outstanding is a judgement about today. It doesn't buy us anything tomorrow,”⟦S:Stuart Lamb⟧ he said.

The council is spending £2.1m this year on a new edge-of-care service, according to Cllr Beatrice Oyelaran, executive member for children and families.

City of York Council, which is a separate unitary authority, said it hoped to learn from its neighbour ahead of its own inspection, expected next spring.
""", False,
 [("nyorks", ["North Yorkshire Council", "North Yorkshire", "the county", "The council"]), ("nyorkscc", ["North Yorkshire County Council", "the county council"]), ("york", ["City of York Council"])],
 [("nyorks", "outstanding", "overall effectiveness", 2024, "North Yorkshire's children's services are outstanding, Ofsted has found"),
  ("nyorks", "outstanding", "help and protection", 2024, "was rated outstanding in every one of the five judgement areas", {"amb": True, "notes": "'every one of the five judgement areas' (2023 ILACS: overall, leaders, help and protection, children in care, care leavers) implies each."}),
  ("nyorks", "outstanding", "children in care", 2024, "was rated outstanding in every one of the five judgement areas", {"amb": True}),
  ("nyorks", "outstanding", "care leavers", 2024, "was rated outstanding in every one of the five judgement areas", {"amb": True}),
  ("nyorks", "outstanding", "leadership", 2024, "was rated outstanding in every one of the five judgement areas", {"amb": True}),
  ("nyorkscc", "outstanding", "overall effectiveness", 2018, "Its predecessor, North Yorkshire County Council, had also been judged outstanding in 2018.", {"basis": "stated", "notes": "Abolished April 2023 (E10000023)."}),
 ],
 [("Stuart Lamb", "corporate director of children and young people's service", "North Yorkshire Council"),
  ("Beatrice Oyelaran", "executive member for children and families", "North Yorkshire Council")],
 [("£2.1m", 2100000, None)],
 "'two consecutive inspections' restates the 2018 judgement. Speaker via 'according to' with no quotation marks: no quote. York named without a judgement."))

# ---------------- h2-16 ----------------
G.append(build("h2-16", "2025-03-27", "metadata", "Somerset County Gazette-style site (invented)",
 "somerset-news/2025/03/27/childrens-services-downgraded",
"""Somerset children's services downgraded to ‘requires improvement’⟦X⟧

Somerset Council's children's services have been downgraded from good to requires improvement by Ofsted, amid a financial crisis at the authority.

Inspectors visited for three weeks in January. They said that the experiences of children in care had deteriorated and now required improvement, and that leaders had been "too slow to recognise the impact of rising demand"⟦R⟧. Services for care leavers remained good.

Somerset County Council, which was replaced by the new unitary in April 2023, was rated good in 2022. Seven years earlier, in 2015, it had been judged inadequate.

The council's lead member for children and families, Cllr Harriet Vane-Coles, said: "This is disappointing but not a surprise. We have a £28m overspend on children's placements and we have been open about that."⟦S:Harriet Vane-Coles⟧

Some placements now cost more than £5,000 a week, she said.

Unison's Somerset branch secretary, Paul Hendry, said social workers were "exhausted"⟦S:Paul Hendry⟧. "They have been carrying this service on goodwill for two years,"⟦S:Paul Hendry⟧ he told the Gazette.

Peter Wynn, the MP for Frome and East Somerset, said the report made "grim reading"⟦S:Peter Wynn⟧ and called on ministers to help.
""", False,
 [("somerset", ["Somerset Council", "the authority", "the new unitary", "The council's"]), ("somersetcc", ["Somerset County Council"])],
 [("somerset", "requires improvement", "overall effectiveness", 2025, "Somerset Council's children's services have been downgraded from good to requires improvement by Ofsted"),
  ("somerset", "requires improvement", "children in care", 2025, "the experiences of children in care had deteriorated and now required improvement", {"gw": "required improvement"}),
  ("somerset", "good", "care leavers", 2025, "Services for care leavers remained good."),
  ("somersetcc", "good", "overall effectiveness", 2022, "Somerset County Council, which was replaced by the new unitary in April 2023, was rated good in 2022.", {"basis": "stated", "notes": "Also the 'from good' of the downgrade. Abolished April 2023 (E10000027)."}),
  ("somersetcc", "inadequate", "overall effectiveness", 2015, "Seven years earlier, in 2015, it had been judged inadequate.", {"basis": "stated"}),
  ("somersetcc", "good", "care leavers", None, "Services for care leavers remained good.", {"amb": True, "basis": "implied", "notes": "'remained' implies care leavers were good before (2022 county council inspection, not stated)."}),
 ],
 [("Harriet Vane-Coles", "lead member for children and families", "Somerset Council"),
  ("Paul Hendry", "Somerset branch secretary", "Unison"),
  ("Peter Wynn", "MP for Frome and East Somerset", None)],
 [("£28m", 28000000, None), ("£5,000", 5000, "week")],
 "Straight double quotes. The 'from good' in the downgrade is the 2022 judgement of the predecessor county council (E10000027). 'remained good' gives an ambiguous earlier care-leavers grade with no year (year null)."))

# ---------------- h2-17 TRAP ----------------
G.append(build("h2-17", "2025-09-18", "metadata", "Hull Daily-style site (invented)",
 "hull-news/2025/09/18/council-housing-serious-failings",
"""Hull council homes rated ‘C3’⟦X⟧ as bin service branded ‘poor’⟦X⟧

Hull City Council's landlord services have been found to have "serious failings"⟦X⟧ by the Regulator of Social Housing, in the latest blow to the authority.

The regulator gave the council a C3 grade, the second lowest of four, after an inspection of its 24,000 council homes found damp and mould complaints were not being dealt with on time.

Separately, the council's waste collection service was rated poor by 61 per cent of residents in its annual survey, and the service is forecast to overspend by £1.3m.

Cabinet member for housing Cllr Dennis Marchant said: "We accept every word of it. Tenants deserve better and they will get better."⟦S:Dennis Marchant⟧

The chair of the Hull Tenants' Federation, Linda Okoro, said the grade was "no surprise to anyone living in a damp flat"⟦S:Linda Okoro⟧.

Neighbouring East Riding of Yorkshire Council received a C2 grade earlier this year.

The council's children's services, which were not part of either review, are expected to be inspected by Ofsted next year.
""", True,
 [("hull", ["Hull City Council", "the authority", "the council"]), ("eriding", ["East Riding of Yorkshire Council"])],
 [],
 [("Dennis Marchant", "cabinet member for housing", "Hull City Council"),
  ("Linda Okoro", "chair", "Hull Tenants' Federation")],
 [("£1.3m", 1300000, None)],
 "TRAP: a council's housing (Regulator of Social Housing C3/C2 grades) and bin service ('poor' in a residents' survey); children's services only expected to be inspected. \"serious failings\" is the regulator's grade label (kind scare)."))
