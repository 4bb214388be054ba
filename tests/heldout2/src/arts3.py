from lib import build
G = []
# ---------------- h2-12 ----------------
G.append(build("h2-12", "2023-03-09", "metadata", "Teesside Gazette-style site (invented)",
 "teesside-news/2023/03/09/tees-valley-childrens-services-ofsted",
"""Middlesbrough out of ‘inadequate’⟦X⟧ – how the Tees Valley’s children’s services measure up

Middlesbrough Council’s children’s services are no longer inadequate after Ofsted upgraded them to requires improvement to be good in a report published on Tuesday.

The town’s services were rated inadequate in 2020, when inspectors found children had been left in situations of risk for months. Since then the council has spent £5.6m on an improvement programme, including a £1.1m grant from the Department for Education.

“Children in Middlesbrough are now safer than they were, and leaders know what still needs to change,”⟦R⟧ the report said.

Executive member for children’s services Cllr Zoe Haigh said staff had “turned this around against the odds”⟦S:Zoe Haigh⟧. Director of children’s services Kerry Bamford was more cautious. “Nobody here is celebrating a requires improvement,”⟦S:Kerry Bamford⟧ she told the Gazette. “We want to be good by the time they come back.”⟦S:Kerry Bamford⟧

Elsewhere in the Tees Valley, Stockton-on-Tees and Darlington were both judged good at their most recent inspections, in 2022 and January 2023 respectively, while Redcar and Cleveland was rated requires improvement in 2021.

Hartlepool Borough Council, the fifth authority in the area, expects its inspection later this year.

The town’s elected mayor, Neil Ashdown, said: “The people who deserve the credit are the social workers who stayed.”⟦S:Neil Ashdown⟧
""", False,
 [("middlesbrough", ["Middlesbrough Council", "Middlesbrough", "the council", "The town’s"]), ("stockton", ["Stockton-on-Tees"]), ("darlington", ["Darlington"]),
  ("redcar", ["Redcar and Cleveland"]), ("hartlepool", ["Hartlepool Borough Council"])],
 [("middlesbrough", "requires improvement", "overall effectiveness", 2023, "Ofsted upgraded them to requires improvement to be good", {"gw": "requires improvement to be good"}),
  ("middlesbrough", "inadequate", "overall effectiveness", 2020, "The town’s services were rated inadequate in 2020", {"basis": "stated"}),
  ("stockton", "good", "overall effectiveness", 2022, "Stockton-on-Tees and Darlington were both judged good at their most recent inspections, in 2022 and January 2023 respectively", {"basis": "stated"}),
  ("darlington", "good", "overall effectiveness", 2023, "Stockton-on-Tees and Darlington were both judged good at their most recent inspections, in 2022 and January 2023 respectively", {"basis": "stated", "notes": "Inspection January 2023; report presumably early 2023."}),
  ("redcar", "requires improvement", "overall effectiveness", 2021, "Redcar and Cleveland was rated requires improvement in 2021", {"basis": "stated"}),
 ],
 [("Zoe Haigh", "executive member for children’s services", "Middlesbrough Council"),
  ("Kerry Bamford", "director of children’s services", "Middlesbrough Council"),
  ("Neil Ashdown", "elected mayor", "Middlesbrough")],
 [("£5.6m", 5600000, None), ("£1.1m", 1100000, None)],
 "Curly apostrophes (’) throughout, double curly quotation marks for quotes. 'respectively' pairs years with councils. Hartlepool named without a judgement. Grade words inside speech ('a requires improvement', 'We want to be good') are not extra judgements."))

# ---------------- h2-13 TRAP ----------------
G.append(build("h2-13", "2023-08-02", "metadata", "Cumberland News-style site (invented)",
 "cumberland-news/2023/08/02/hospital-childrens-services-require-improvement",
"""Children’s services at Carlisle hospital ‘require improvement’⟦X⟧, says CQC

Services for children and young people at Carlisle General Hospital require improvement, the Care Quality Commission has said.

Inspectors from the health regulator visited the hospital's children's ward and neonatal unit in May. They rated the service requires improvement overall and inadequate for being well-led, pointing to "chronic"⟦R:Care Quality Commission⟧ staffing gaps on night shifts.

The hospital's maternity unit was rated good.

The trust's chief nurse, Fiona Garside, said: "We have already recruited 14 additional children's nurses and we expect to see the difference by the winter."⟦S:Fiona Garside⟧

Cumberland Council's director of public health, Dr Irene Marsh, said the council would work with the trust on the findings. The council's own children's services are due their first Ofsted inspection since Cumberland Council took over from Cumbria County Council in April.

Separately, Cumbria Constabulary was graded adequate for protecting vulnerable people by HMICFRS last year.

The trust has been given £2.4m by NHS England to reduce waiting lists for children's surgery.
""", True,
 [("cumberland", ["Cumberland Council", "the council"]), ("cumbriacc", ["Cumbria County Council"])],
 [],
 [("Fiona Garside", "chief nurse", "hospital trust"),
  ("Irene Marsh", "director of public health", "Cumberland Council")],
 [("£2.4m", 2400000, None)],
 "TRAP: a hospital's 'services for children and young people' rated by the CQC, a maternity unit, and a police force graded by HMICFRS. The council's children's services are only due an inspection (no grade). The single word \"chronic\" is an unattributed report word (kind report, speaker Care Quality Commission)."))
