from lib import R, P, M

A = []

# ---------------------------------------------------------------- h4-16 TRAP school report card 2026
A.append(dict(
id="h4-16", url="https://www.example.org/bristol-evening-courier/education/hartcliffe-vale-primary-ofsted-report-card",
outlet="Bristol Evening Courier (invented)", published="2026-03-04", basis="text", trap=True,
src="""Bristol primary praised in new-style Ofsted report card

A Bristol primary school is celebrating after becoming one of the first in the city to receive Ofsted's new report card, with inspectors rating it "strong" for inclusion and "exceptional" for early years.

Hartcliffe Vale Primary School, which converted to academy status in 2019, was inspected under the new framework which, from November 2025, replaced the single-word overall grades of outstanding, good, requires improvement and inadequate.

Its report card, published on 4 March 2026, reads:
Inclusion - Strong standard
Curriculum and teaching - Expected standard
Achievement - Needs attention
Attendance and behaviour - Strong standard
Personal development and well-being - Expected standard
Early years - Exceptional
Leadership and governance - Strong standard
Safeguarding - Met

Headteacher Mandeep Sahota said: "Under the old system we would have had one word. This tells parents so much more."

Bristol City Council's cabinet member for education, Cllr Owen Bracegirdle, said the school had worked closely with the council's inclusion team. "This is exactly the kind of partnership we want to see across the city," he said.

The school received £48,000 from the council last year towards a specialist resource base for pupils with autism.
""",
councils=[dict(name="Bristol City Council", code="E06000023", as_written=["Bristol City Council", "the council"])],
ratings=[],
people=[P("Mandeep Sahota", "headteacher", "Hartcliffe Vale Primary School"),
        P("Owen Bracegirdle", "cabinet member for education (Cllr)", "Bristol City Council")],
money=[M("£48,000", 48000)],
quotes=["X", "X", "S:Mandeep Sahota", "S:Owen Bracegirdle"],
notes="TRAP: a school's Ofsted report card (2025 school framework). Grade words and a council appear, but no council "
      "children's-services judgement. 'Safeguarding - Met' is the school's safeguarding, not the council's.",
))

# ---------------------------------------------------------------- h4-17 TRAP CQC hospital children's services 2019
A.append(dict(
id="h4-17", url="https://www.example.org/shropshire-mercury/2019/09/hospital-childrens-services-rated-inadequate-cqc",
outlet="Shropshire Mercury (invented)", published="2019-09", basis="url", trap=True,
src="""Hospital's services for children rated ‘inadequate’ by health watchdog

Children's and young people's services at Severnside Hospitals NHS Trust have been rated inadequate by the Care Quality Commission, after inspectors found sick children waiting up to nine hours in an adult emergency department.

The trust's overall rating remains requires improvement, but the CQC downgraded its services for children from good following an unannounced inspection in June.

The report said that "there were not always enough nurses with the right qualifications to care for children" and that safeguarding training for staff was "well below the trust's own target".

Dr Fiona Calloway, the CQC's deputy chief inspector of hospitals, said: "Children and their families deserve better than this, and we have told the trust exactly what must change."

The trust's chief executive, Ravi Menon, said £2.2 million had been committed to a dedicated paediatric assessment unit, due to open next spring.

Shropshire Council, which commissions community health services for children jointly with the NHS, said it would be seeking "urgent assurances". Telford & Wrekin Council's cabinet member for children, Cllr Sharon Beddows-Lane, added: "Our own children's social care teams work alongside the hospital every day. We need to know children are safe when they walk through its doors."
""",
councils=[dict(name="Shropshire Council", code="E06000051", as_written=["Shropshire Council"]),
          dict(name="Telford and Wrekin Council", code="E06000020", as_written=["Telford & Wrekin Council"])],
ratings=[],
people=[P("Fiona Calloway", "deputy chief inspector of hospitals (Dr)", "Care Quality Commission"),
        P("Ravi Menon", "chief executive", "Severnside Hospitals NHS Trust"),
        P("Sharon Beddows-Lane", "cabinet member for children (Cllr)", "Telford & Wrekin Council")],
money=[M("£2.2 million", 2200000)],
quotes=["X", "R:CQC", "R:CQC", "S:Fiona Calloway", "S:Shropshire Council", "S:Sharon Beddows-Lane"],
notes="TRAP: a CQC rating of an (invented) NHS hospital trust's children's and young people's services. Councils "
      "comment but are not judged. Date from the URL.",
))

# ---------------------------------------------------------------- h4-18 TRAP Estyn (Wales) 2016
A.append(dict(
id="h4-18", url="https://www.example.org/mid-wales-journal/news/estyn-powys-education-special-measures",
outlet="Mid Wales Journal (invented)", published="2016-05-11", basis="text", trap=True,
src="""Estyn places Powys education services in special measures

Education services run by Powys County Council are "unsatisfactory" and need special measures, the Welsh schools inspectorate Estyn has said.

In a report published on Wednesday 11 May 2016, Estyn judged both the council's current performance and its prospects for improvement to be unsatisfactory - the lowest grade on its four-point scale of excellent, good, adequate and unsatisfactory.

Inspectors said that "too many secondary schools are causing concern" and that the council's leaders had "not acted quickly enough" on warnings from a monitoring visit two years earlier.

Powys's cabinet member for learning, Cllr Gareth Pryce-Morgan, said: "We hear the message loud and clear. This is about our children and we will not let them down."

Welsh Government officials will now appoint a recovery board to oversee the authority. The council has a delegated schools budget of £74.8 million this year and has already set aside £600,000 for an improvement team.

Estyn is the Welsh equivalent of Ofsted in England.
""",
councils=[],
ratings=[],
people=[P("Gareth Pryce-Morgan", "cabinet member for learning (Cllr)", "Powys County Council")],
money=[M("£74.8 million", 74800000), M("£600,000", 600000)],
quotes=["X", "R:Estyn", "R:Estyn", "S:Gareth Pryce-Morgan"],
notes="TRAP: Estyn judgement of a Welsh council's education services (Estyn's excellent/good/adequate/unsatisfactory "
      "scale overlaps Ofsted's words). Powys is Welsh (W06000023), so not listed under councils, which holds English "
      "local authorities only.",
))

# ---------------------------------------------------------------- h4-19 TRAP bracing for inspection 2022
A.append(dict(
id="h4-19", url="https://www.example.org/lincolnshire-press/news/lincolnshire-children-services-brace-ofsted",
outlet="Lincolnshire Press (invented)", published="2022-10-04", basis="text", trap=True,
src="""Lincolnshire children's services brace for Ofsted visit

Tuesday 4 October 2022

Lincolnshire County Council is preparing for an inspection of its children's services which could come "any week now", its interim director has warned.

The authority expects to be among the next councils inspected under Ofsted's framework for inspecting local authority children's services, known as ILACS, which can result in a grade of outstanding, good, requires improvement to be good or inadequate.

Interim director of children's services Mark Ellery told the children and young people scrutiny committee on Monday that teams had been through "mock inspection" exercises over the summer.

"We don't know what judgement we'll get and I'm not going to predict one," he said. "What I can tell you is that we are ready."

Committee chair Cllr Patricia Whitlock asked whether rising demand would count against the council. The number of children in care in the county has risen to 742, and the authority is forecasting a £6.1m overspend on placements.

Mr Ellery said the average cost of an external residential placement had reached £4,800 a week. "Inspectors will look at whether children are in the right places, not just at what they cost," he said.
""",
councils=[dict(name="Lincolnshire County Council", code="E10000019", as_written=["Lincolnshire County Council", "The authority", "the council"])],
ratings=[],
people=[P("Mark Ellery", "interim director of children's services", "Lincolnshire County Council"),
        P("Patricia Whitlock", "chair, children and young people scrutiny committee (Cllr)", "Lincolnshire County Council")],
money=[M("£6.1m", 6100000), M("£4,800", 4800, "week")],
quotes=["S:Mark Ellery", "X", "S:Mark Ellery", "S:Mark Ellery", "S:Mark Ellery"],
notes="TRAP: a council expecting an inspection; the grade scale is described but no judgement is given and no past "
      "grade is mentioned. 'any week now' attributed to the interim director named in the next paragraph.",
))

# ---------------------------------------------------------------- h4-20 TRAP credit rating 2024
A.append(dict(
id="h4-20", url="https://www.example.org/notts-evening-chronicle/business/moodys-downgrades-nottinghamshire",
outlet="Notts Evening Chronicle (invented)", published="2024", basis="inferred from content", trap=True,
src="""Ratings agency downgrades Nottinghamshire as children's costs soar

Credit ratings agency Moody's has cut Nottinghamshire County Council's rating by one notch, citing <'persistent and growing pressure'> from children's social care and special educational needs.

The downgrade, from Aa3 to A1, still leaves the authority's rating "good" by the standards of the sector, according to the council's finance director, Nigel Stubbings, but it could make borrowing more expensive.

"This is not a judgement on the quality of our services. It is a judgement on the national funding system," he said.

The agency's report states that children's services spending "has grown faster than the council's ability to fund it". Nottinghamshire's children and families department is forecasting an overspend of £24.6m in 2024/25, with the most expensive single placement costing £18,500 per week.

"The council's finances were rated outstanding by its own cabinet just two years ago. Now look at them," said opposition leader Cllr Deirdre Ashwell.
""",
councils=[dict(name="Nottinghamshire County Council", code="E10000024", as_written=["Nottinghamshire County Council", "Nottinghamshire", "the authority"])],
ratings=[],
people=[P("Nigel Stubbings", "finance director", "Nottinghamshire County Council"),
        P("Deirdre Ashwell", "opposition leader (Cllr)", "Nottinghamshire County Council")],
money=[M("£24.6m", 24600000), M("£18,500", 18500, "week")],
quotes=["R:Moody's", "X", "S:Nigel Stubbings", "R:Moody's", "S:Deirdre Ashwell"],
notes="TRAP: a credit-rating downgrade by a ratings agency; 'good' and 'outstanding' appear but describe finances. "
      "Year only from '2024/25' (a forecast for the current year). Words from the agency's report: kind report, speaker "
      "Moody's (by analogy with an inspectorate's report).",
))
