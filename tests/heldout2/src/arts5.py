from lib import build
G = []
# ---------------- h2-18 ----------------
G.append(build("h2-18", "2026", "inferred from content", "East London Advertiser-style site (invented)",
 "east-london-news/tower-hamlets-outstanding",
"""‘Outstanding is not a word you hear often round here’⟦S:Samira Choudhury⟧: Tower Hamlets tops Ofsted table

Tower Hamlets Council's children's services have been rated outstanding by Ofsted, three years after the borough was judged good in 2023.

The full inspection took place over three weeks in June. Inspectors gave the borough the top grade for the impact of leaders and for its work with care leavers, and rated help and protection and the experiences of children in care as good.

Lead member for children's services Cllr Samira Choudhury, whose words opened the council's press release, said she had “cried a little”⟦S:Samira Choudhury⟧ when she read the report.

“Ten years ago this service was in special measures in all but name,”⟦S:Samira Choudhury⟧ she told the Advertiser. “Today it is outstanding. That is down to the staff.”⟦S:Samira Choudhury⟧

According to the report, “leaders have built a culture in which social workers are trusted, supported and challenged in equal measure”⟦R⟧.

The result puts Tower Hamlets ahead of its neighbours. Hackney was rated requires improvement in 2024, and Newham, which was inspected in the spring, is still waiting for its report. Newham's director of children's services, Dele Adebayo, said he hoped for “at least a good”⟦S:Dele Adebayo⟧.

The council will spend £4.5m over three years to keep caseloads below 16 children per social worker.
""", False,
 [("towerhamlets", ["Tower Hamlets Council", "Tower Hamlets", "the borough", "the council's", "The council"]), ("hackney", ["Hackney"]), ("newham", ["Newham"])],
 [("towerhamlets", "outstanding", "overall effectiveness", 2026, "Tower Hamlets Council's children's services have been rated outstanding by Ofsted", {"basis": "inferred from content", "notes": "Year: 'three years after ... 2023'. Also in the headline quotation."}),
  ("towerhamlets", "good", "overall effectiveness", 2023, "three years after the borough was judged good in 2023", {"basis": "stated"}),
  ("towerhamlets", "outstanding", "leadership", 2026, "Inspectors gave the borough the top grade for the impact of leaders and for its work with care leavers", {"gw": "the top grade", "basis": "inferred from content"}),
  ("towerhamlets", "outstanding", "care leavers", 2026, "Inspectors gave the borough the top grade for the impact of leaders and for its work with care leavers", {"gw": "the top grade", "basis": "inferred from content"}),
  ("towerhamlets", "good", "help and protection", 2026, "rated help and protection and the experiences of children in care as good", {"basis": "inferred from content"}),
  ("towerhamlets", "good", "children in care", 2026, "rated help and protection and the experiences of children in care as good", {"basis": "inferred from content"}),
  ("hackney", "requires improvement", "overall effectiveness", 2024, "Hackney was rated requires improvement in 2024", {"basis": "stated"}),
 ],
 [("Samira Choudhury", "lead member for children's services", "Tower Hamlets Council"),
  ("Dele Adebayo", "director of children's services", "Newham council")],
 [("£4.5m", 4500000, None)],
 "Headline is a speech quotation by a speaker named only later in the text. 'the top grade' = outstanding. 'in special measures in all but name' is not a grade. Newham awaits its report; 'at least a good' is a hope, not a judgement. Publication year only (2026) from content."))
