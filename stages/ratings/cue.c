/* See LICENSE file for copyright and license details. */
/* cue.c: the judgements of a sentence */

#include <strings.h>

#include "ratings.h"

/* The first word of the next grade of sentence si at or after word from,
 * or d->nw. */
size_t
next_grade(const struct ctx *c, const struct doc *d, size_t from, size_t si)
{
	for (; from < d->nw && d->w[from].sent == si; from++)
		if (grade_at(c, d, from))
			return from;
	return d->nw;
}

/* Does the word right after the grade make it an adjective of another
 * noun ("good quality", "poor practice")?  A rating noun ("failing
 * status", "inadequate Ofsted ratings") sets *noun instead; an area or a
 * date named there goes with the grade. */
static int
adjective(const struct ctx *c, const struct doc *d, const struct reading *r,
    int *noun)
{
	size_t nx = r->ge + 1, i;

	*noun = 0;
	if (nx >= d->nw || d->w[nx].sent != r->si ||
	    skip_quotes(d, d->w[r->ge].e, r->hi) != d->w[nx].s)
		return 0;
	i = first_from(&d->insp, d->w[nx].s);
	if (i < d->insp.n && d->insp.v[i].s == d->w[nx].s) {
		nx = word_from(d, d->insp.v[i].e);
		if (nx < d->nw && d->w[nx].sent == r->si &&
		    (d->w[nx].role & R_NOUN))
			return !(*noun = 1);
		nx = r->ge + 1;
	}
	if (d->w[nx].role & R_NOUN)
		return !(*noun = 1);
	i = first_from(&d->dates, d->w[nx].s);
	if (area_after(c, d, r) || (i < d->dates.n &&
	    d->dates.v[i].s == d->w[nx].s))
		return 0;	/* "inadequate three years ago" */
	return !(d->w[nx].role & R_FOLLOW);
}

/* Does a judgement area or a council end at byte q (of r's sentence)? */
static int
label_before(const struct ctx *c, const struct doc *d,
    const struct reading *r, size_t q)
{
	const struct span *x = last_ending(&d->areas, q);

	if (x && x->e == q && !c->areas[x->idx].generic)
		return 1;
	x = bs_last_ending(&d->sauth, r->si, q);
	return x && x->e == q;
}

/* Is the grade of r in quotation marks right after a judgement area or a
 * council, with no verb: a headline or caption ("Testshire children's
 * services 'inadequate', says Ofsted")? */
static int
quoted_label(const struct ctx *c, const struct doc *d,
    const struct reading *r)
{
	size_t gs = d->w[r->gi].s, q, n;
	int32_t cp;

	if (gs == 0)
		return 0;
	for (q = gs; q > r->lo && (d->text[q - 1] & 0xC0) == 0x80; q--)
		;
	if (q-- <= r->lo)
		return 0;
	while (q > r->lo && (d->text[q] & 0xC0) == 0x80)
		q--;
	cp = cp_at(d, q, &n);
	if (cp != '\'' && cp != '"' && cp != 0x2018 && cp != 0x201C)
		return 0;
	if (closing_quote(d, d->w[r->ge].e, r->hi) == d->w[r->ge].e)
		return 0;
	while (q > r->lo && (d->text[q - 1] == ' ' ||
	    (unsigned char)d->text[q - 1] == 0xA0))
		q--;
	return label_before(c, d, r, q);
}

/*
 * Is the grade of r a value in a list or table written as text, after a
 * judgement area or a council and a dash or a colon, and ending its line
 * or followed by a bracket or a comma ("Testshire County Council –
 * good", "Help and protection: requires improvement")?
 */
static int
separated_label(const struct ctx *c, const struct doc *d,
    const struct reading *r)
{
	size_t q = d->w[r->gi].s, e = d->w[r->ge].e, n;
	int32_t cp;

	while (q > r->lo && (d->text[q - 1] == ' ' ||
	    (unsigned char)d->text[q - 1] == 0xA0))
		q--;
	if (q <= r->lo)
		return 0;
	for (n = 1; n < 4 && q - n > r->lo &&
	    (d->text[q - n] & 0xC0) == 0x80; n++)
		;
	cp = cp_at(d, q - n, &n);
	if (cp != ':' && cp != '-' && cp != 0x2013 && cp != 0x2014)
		return 0;
	q -= n;
	while (q > r->lo && d->text[q - 1] == ' ')
		q--;
	if (!label_before(c, d, r, q))
		return 0;
	while (e < d->len && d->text[e] == ' ')
		e++;
	return e >= d->len || d->text[e] == '\n' || d->text[e] == '(' ||
	    d->text[e] == ',' || d->text[e] == ';' || d->text[e] == '.';
}

/* For the grade after "from": is it the earlier grade of a change, a
 * change or rating verb before it in the sentence, or the next grade
 * close after ("from 'inadequate' to 'good'")? */
static int
change_in(const struct doc *d, const struct reading *r)
{
	size_t k;

	if (r->next < d->nw && r->next <= r->ge + 1 + FROM_WINDOW)
		return 1;
	for (k = word_from(d, r->lo); k < r->gi; k++)
		if (d->w[k].role & (R_VERB | R_UP | R_DOWN))
			return 1;
	return 0;
}

/* Does "to" or "from" come right before the grade of r, with a change
 * of grade ("upgraded", "promoted") from word from on? */
static int
change_to(const struct doc *d, const struct reading *r, size_t from)
{
	size_t k;

	if (r->gi == 0 || d->w[r->gi - 1].sent != r->si ||
	    !(d->w[r->gi - 1].role & (R_TO | R_FROM)))
		return 0;
	for (k = from; k + 1 < r->gi; k++)
		if (d->w[k].sent == r->si && d->w[k].s >= r->prevend &&
		    (d->w[k].role & R_CHANGE))
			return 1;
	return 0;
}

/* Does a trust that runs a council's children's services end within
 * AREA_WINDOW words before the grade of r ("Ofsted found Testshire
 * Children's Trust requires improvement")?  A trust stands for all of
 * the services, as an area does. */
static int
trust_before(const struct doc *d, const struct reading *r)
{
	size_t from = r->gi >= AREA_WINDOW ? r->gi - AREA_WINDOW : 0;
	const struct span *x = bs_last_ending(&d->sauth, r->si,
	    d->w[r->gi].s);

	return x && x->via && x->s >= r->prevend && x->e > d->w[from].s;
}

/*
 * Is the grade of r a judgement?  A rating verb within VERB_WINDOW words
 * before it (its start goes to r->s), a change of grade and "to" or
 * "from" right before it, a rating noun right after it, a
 * copula after a judgement area, grade words that are a judgement by
 * themselves, a quoted label, or a grade coordinated with the last one
 * (prevw).  Not when negated or an adjective of another noun.  *also:
 * "also" came before it.
 */
static int
grade_cue(const struct ctx *c, const struct doc *d, struct reading *r,
    int found, size_t prevw, int *also)
{
	size_t k, from = r->gi >= VERB_WINDOW ? r->gi - VERB_WINDOW : 0;
	int cue = 0, neg = 0, role;

	*also = 0;
	r->s = d->w[r->gi].s;
	if (adjective(c, d, r, &cue))
		return 0;
	for (k = from; k < r->gi; k++) {
		if (d->w[k].sent != r->si || d->w[k].s < r->prevend)
			continue;
		role = d->w[k].role;
		if ((role & R_VERB) && !cue) {
			cue = 1;
			r->s = d->w[k].s;
		}
		/* "no longer rated": a change, not a negation */
		if ((role & R_NEG) && !(role & R_AWAY) &&
		    k + NEG_WINDOW >= r->gi)
			neg = 1;
		if (role & R_ALSO)
			*also = 1;
	}
	if (neg)
		return 0;
	if (!cue && change_to(d, r, from))
		cue = 1;	/* "upgraded the council to 'good'" */
	if (!cue && r->g->copula == COP_SELF && strcmp(r->g->scale, "ofsted"))
		cue = 1;	/* "performs poorly", "lowest rating" */
	if (!cue && r->g->copula == COP_SELF && area_after_prep(c, d, r))
		cue = 1;	/* "requires improvement for care leavers" */
	if (!cue && r->gi > 0 && d->w[r->gi - 1].sent == r->si &&
	    (area_before(d, r->gi, r->prevend) || trust_before(d, r)))
		cue = r->g->copula == COP_SELF || (r->g->copula == COP_YES &&
		    (d->w[r->gi - 1].role & R_LINK));
	/* "climbed two levels to be rated good" */
	if (!cue && r->steps)
		cue = 1;
	if (!cue && (r->past & PAST_FROM))
		cue = change_in(d, r);
	/* "adequate for A, and having adequate B": a grade naming its area */
	if (!cue && found && area_after(c, d, r))
		cue = 1;
	if (!cue)
		cue = quoted_label(c, d, r) || separated_label(c, d, r);
	/* "rated A overall, and B for safety": the verb carries. */
	if (!cue && found && prevw + COORD_WINDOW >= r->gi)
		cue = 1;
	return cue;
}

/* A wish or a purpose ("to ensure that all services are good", "should
 * be rated"): an irrealis word between the cue's start and the grade, or
 * within IRREALIS_WINDOW words before the cue's start, in its clause. */
static int
irrealis(const struct doc *d, const struct reading *r)
{
	size_t k = word_from(d, r->s < d->w[r->gi].s ? r->s : d->w[r->gi].s);
	const struct span *a = last_ending(&d->areas, d->w[r->gi].s);
	size_t n;

	/* a copula reading: the words before its area */
	if (r->s == d->w[r->gi].s && a && a->s >= r->prevend &&
	    a->s >= r->lo)
		k = word_from(d, a->s);
	/* between the cue and the grade ("services ... says it is aiming
	 * for a good rating") */
	for (n = k; n < r->gi; n++)
		if (d->w[n].role & R_IRREALIS)
			return 1;
	for (n = 0; k-- > 0 && n < IRREALIS_WINDOW && d->w[k].sent == r->si &&
	    d->w[k].s >= r->prevend; n++) {
		if (d->w[k].role & R_IRREALIS)
			return 1;
		if (d->w[k].role & R_STOP)
			break;
	}
	return 0;
}

/* The area named like the grade's scale ("send" -> SEND), or -1. */
static long
scale_area(const struct ctx *c, const struct phrase *g)
{
	size_t i;

	for (i = 0; i < c->nareas; i++)
		if (!strcasecmp(c->areas[i].name, g->scale))
			return (long)i;
	return -1;
}

/* The areas of r's judgement (at most max, in out): the SEND area for
 * its outcomes, one named right after the grade, the parts listed with
 * a category word, else pick_areas(); 0 means the default.  -1 when a
 * scale's own area is not in the sentence. */
static long
reading_areas(const struct ctx *c, const struct doc *d,
    const struct reading *r, const struct span **out, size_t max)
{
	long sa = scale_area(c, r->g);
	const struct span *x;
	size_t i, n;

	if (sa >= 0) {
		for (i = d->sareas.first[r->si]; i < d->sareas.first[r->si + 1];
		    i++)
			if (d->sareas.v[i]->idx == sa) {
				out[0] = d->sareas.v[i];
				return 1;
			}
		return -1;
	}
	if ((x = area_after(c, d, r)) || (r->g->copula == COP_SELF &&
	    (x = area_after_prep(c, d, r)))) {
		out[0] = x;
		return 1;
	}
	if ((n = category_areas(c, d, r, out, max)))
		return (long)n;
	return (long)pick_areas(d, r->prevend, r->hi, d->w[r->gi].s,
	    d->w[r->ge].e, out, max);
}

/* The council a judgement of year y goes to, given subject s: a council
 * abolished by then was not judged then, so the article's main council
 * in its place when that one was in force; else s. */
static const struct span *
in_force(const struct ctx *c, const struct doc *d, const struct span *s,
    const struct year *y)
{
	const struct span *m = d->mainauth;

	if (s && y->when[0] && ended_by(c, s->code, y->when) && m &&
	    !ended_by(c, m->code, y->when))
		return m;
	return s;
}

/* Rate every council of subjects[0..ns) for area span a (NULL: the
 * default area) in every year of years[0..ny); the grade g (r's, or one
 * implied before it). */
static void
emit_area(const struct ctx *c, struct doc *d, const struct reading *r,
    const struct phrase *g, const struct span *a,
    const struct span *const *subj, size_t ns, const struct year *years,
    size_t ny, int implied, int also, int *also_lscb)
{
	const struct area *ar = a ? &c->areas[a->idx] : &c->areas[c->nareas -
	    1];
	size_t rs = a && a->s < r->s ? a->s : r->s, e = r->e, i, k;

	if (a && a->e > e)
		e = a->e;
	for (k = 0; k < ny; k++) {
		if (ar->board) {
			const struct span *ba = ns ? subj[0] : NULL;
			size_t bs = rs;
			char *bn = board_subject(c, d, a, r->lo, &bs, &ba);

			add_rating(d, r, g, ba, bn, "board", ar->name, bs, e,
			    &years[k], implied);
			if (also && ba)
				*also_lscb = 1;
			free(bn);
			continue;
		}
		for (i = 0; i < (ns ? ns : 1); i++)
			add_rating(d, r, g, ns ? in_force(c, d, subj[i],
			    &years[k]) : NULL, NULL, "authority", ar->name, rs,
			    e, &years[k], implied);
	}
}

/* Keep the first mention of each council code of v[0..n) (the council
 * and its trust named together are one); returns how many are left. */
static size_t
distinct_councils(const struct span **v, size_t n)
{
	size_t i, k, m = 0;

	for (i = 0; i < n; i++) {
		for (k = 0; k < m && !(v[k]->code && v[i]->code &&
		    !strcmp(v[k]->code, v[i]->code)); k++)
			;
		if (k == m)
			v[m++] = v[i];
	}
	return m;
}

/*
 * The council a grade is about, given au, the nearest council of its
 * sentence: when au stands inside a relative clause set off by commas
 * ("Testshire, which borders Mockford, was rated good"), the council
 * before the clause; else au itself.
 */
static const struct span *
outside_relative(const struct doc *d, const struct reading *r,
    const struct span *au)
{
	size_t opener = relative_opener(d, r->si, au->s, au->e,
	    d->w[r->gi].s);
	const struct span *before;

	if (opener == NO_OPENER)
		return au;
	before = bs_last_ending(&d->sauth, r->si, opener);
	return before ? before : au;
}

/*
 * Emit the judgements of r: each council listed with the nearest one
 * (else the article's main council), each area, each year; and the grade
 * a move of some grades implies before it.  Returns 0 when there is none
 * (an earlier judgement with no year, an outcome without its area).
 */
static int
emit(const struct ctx *c, struct doc *d, const struct reading *r,
    const struct span *mainauth, int also, int *also_lscb)
{
	const struct span *areas[MAXLIST], *subj[MAXLIST], *au;
	struct year years[MAXLIST], before[1];
	const struct phrase *earlier;
	long na = reading_areas(c, d, r, areas, MAXLIST);
	size_t ny = judgement_years(d, r, years, MAXLIST), ns = 0, a;

	if (na < 0 || !ny)
		return 0;
	au = nearest(&d->sauth, r->si, d->w[r->gi].s, d->w[r->ge].e);
	if (au)
		au = outside_relative(d, r, au);
	if (au)
		ns = distinct_councils(subj, coordinated(d, &d->sauth, r->si,
		    au, subj, MAXLIST));
	else if ((au = mainauth))
		subj[ns++] = au;
	for (a = 0; a < (na ? (size_t)na : 1); a++)
		emit_area(c, d, r, r->g, na ? areas[a] : NULL, subj, ns,
		    years, ny, 0, also, also_lscb);
	earlier = implied_grade(c, r);
	if (earlier && earlier_year(d, r->si, years[0].when[0] ?
	    atoi(years[0].when) : 10000, before))
		for (a = 0; a < (na ? (size_t)na : 1); a++)
			emit_area(c, d, r, earlier, na ? areas[a] : NULL,
			    subj, ns, before, 1, 1, 0, also_lscb);
	return 1;
}

/* The grade of r as written: its words case-folded and joined by one
 * space, so that marks between them ("widespread and serious" failures)
 * are not kept; NULL when that is the grade's own name.  Caller frees. */
static char *
as_written(const struct doc *d, const struct reading *r)
{
	struct glean_buf b = { 0 };
	size_t i, fl;

	for (i = r->gi; i <= r->ge; i++) {
		char *low = glean_casefold(d->text + d->w[i].s,
		    d->w[i].e - d->w[i].s, &fl);

		if (i > r->gi)
			glean_buf_addc(&b, ' ');
		glean_buf_add(&b, low, fl);
		free(low);
	}
	if (b.s && strcmp(b.s, r->g->grade))
		return b.s;
	glean_buf_free(&b);
	return NULL;
}

/*
 * Is the grade of r most likely another inspectorate's judgement of
 * something else: in its sentence and the two before it, up to the
 * grade, only inspectorates that judge no council's children's services
 * are named (a hospital rated by the CQC, a police force by HMICFRS),
 * and its sentence names no council?
 */
static int
other_inspectorate(const struct ctx *c, const struct doc *d,
    const struct reading *r)
{
	size_t near = d->sent[2 * (r->si >= 2 ? r->si - 2 : 0)];
	size_t i, gs = d->w[r->gi].s;
	int other = 0;

	for (i = first_from(&d->insp, near); i < d->insp.n &&
	    d->insp.v[i].e <= gs; i++) {
		if (c->insp[d->insp.v[i].idx].councils)
			return 0;
		other = 1;
	}
	return other && !nearest(&d->sauth, r->si, gs, d->w[r->ge].e);
}

/*
 * Add the judgements of sentence si to d->out.  mainauth: the article's
 * main council.  Sets *also_lscb when a board is "also" judged.  Returns
 * 1 when it found one.
 */
int
sentence_rating(const struct ctx *c, struct doc *d, size_t si,
    const struct span *mainauth, int *also_lscb)
{
	struct reading r = { 0 };
	size_t gi, prevw = 0;
	int also, found = 0, inarea = -1;

	r.si = si;
	r.lo = r.prevend = d->sent[2 * si];
	r.hi = d->sent[2 * si + 1];
	for (gi = word_from(d, r.lo); gi < d->nw && d->w[gi].sent != si &&
	    d->w[gi].s < r.hi; gi++)
		;
	for (; gi < d->nw && d->w[gi].sent == si; gi++) {
		if (!(r.g = grade_at(c, d, gi)))
			continue;
		r.gi = gi;
		r.ge = gi + r.g->nw - 1;
		r.next = next_grade(c, d, r.ge + 1, si);
		change_of(c, d, &r);
		if (!grade_cue(c, d, &r, found, prevw, &also) ||
		    irrealis(d, &r) || other_subject(c, d, &r))
			continue;
		/* Judgements outside inspection news ("the pension system
		 * has been branded inadequate"): no inspectorate anywhere in
		 * the document and no judgement area in the sentence. */
		if (!d->insp.n && inarea < 0)
			inarea = area_in(c, d, si);
		if (!d->insp.n && !inarea)
			continue;
		if (d->insp.n && other_inspectorate(c, d, &r))
			continue;
		r.e = closing_quote(d, d->w[r.ge].e, r.hi);
		r.insp = d->sinsp.first[si] < d->sinsp.first[si + 1] ?
		    c->insp[d->sinsp.v[d->sinsp.first[si]]->idx].name : NULL;
		r.written = as_written(d, &r);
		/* one without a year is left out, but its verb carries */
		emit(c, d, &r, mainauth, also, also_lscb);
		found = 1;
		free(r.written);
		r.prevend = d->w[r.ge].e;
		r.after_from = (r.past & PAST_FROM) != 0;
		prevw = r.ge;
		gi = r.ge;
	}
	return found;
}
