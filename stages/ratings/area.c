/* See LICENSE file for copyright and license details. */
/* area.c: the judgement areas of a grade */

#include "ratings.h"

/* Area spans (indices into d->areas) chosen for the grade at words gi. */
size_t
pick_areas(const struct doc *d, size_t lo, size_t hi, size_t gs, size_t ge,
    const struct span **out, size_t max)
{
	size_t i, n = 0, k, stop = hi;
	const struct span *last = last_ending(&d->areas, gs);

	/* the areas are disjoint: sorted by start, their ends grow too */
	if (last && last->s >= lo) {
		out[n++] = last;
		/* "safeguarding and looked-after children services" */
		for (i = (size_t)(last - d->areas.v); i > 0 && n < max; i--) {
			const struct span *p = &d->areas.v[i - 1];
			const struct span *q = out[n - 1];
			size_t w;
			int ok = p->s >= lo;

			for (w = word_from(d, p->e); ok && w < d->nw &&
			    d->w[w].e <= q->s; w++) {
				if (!(d->w[w].role & R_JOIN))
					ok = 0;
			}
			if (!ok || q->s - p->e > 12)
				break;
			out[n++] = p;
		}
		return n;
	}
	/* Nothing before: after the grade, up to a stop word. */
	k = word_from(d, ge);
	if (k < d->nw && (k = d->w[k].stop) < d->nw && d->w[k].e <= hi)
		stop = d->w[k].s;
	i = first_from(&d->areas, ge);
	if (i < d->areas.n && d->areas.v[i].e <= stop)
		out[n++] = &d->areas.v[i];
	return n;
}

/* Does a specific (not generic) area lie within sentence si? */
int
area_in(const struct ctx *c, const struct doc *d, size_t si)
{
	size_t i;

	for (i = d->sareas.first[si]; i < d->sareas.first[si + 1]; i++)
		if (!c->areas[d->sareas.v[i]->idx].generic)
			return 1;
	return 0;
}

/* Does any area span end within AREA_WINDOW words before word gi? */
int
area_before(const struct doc *d, size_t gi, size_t lo)
{
	size_t from = gi >= AREA_WINDOW ? gi - AREA_WINDOW : 0;
	const struct span *x = last_ending(&d->areas, d->w[gi].s);

	return x && x->s >= lo && x->e > d->w[from].s;
}

/* The specific area named right after the grade of r ("adequate service
 * responsiveness", "'outstanding' partnership working"), or NULL. */
const struct span *
area_after(const struct ctx *c, const struct doc *d, const struct reading *r)
{
	size_t at = skip_quotes(d, d->w[r->ge].e, r->hi), i;

	i = first_from(&d->areas, at);
	if (i < d->areas.n && d->areas.v[i].s == at &&
	    !c->areas[d->areas.v[i].idx].generic)
		return &d->areas.v[i];
	return NULL;
}

/* A specific area right after the grade of r and one preposition
 * ("requires improvement for help and protection"), or NULL. */
const struct span *
area_after_prep(const struct ctx *c, const struct doc *d,
    const struct reading *r)
{
	size_t nx = r->ge + 1, i;

	if (nx + 1 >= d->nw || d->w[nx].sent != r->si ||
	    !(d->w[nx].role & R_PREP) ||
	    skip_quotes(d, d->w[r->ge].e, r->hi) != d->w[nx].s)
		return NULL;
	i = first_from(&d->areas, d->w[nx + 1].s);
	if (i < d->areas.n && d->areas.v[i].s == d->w[nx + 1].s &&
	    !c->areas[d->areas.v[i].idx].generic)
		return &d->areas.v[i];
	return NULL;
}

/* The specific areas of sentence si starting in [from, to), each area
 * once, appended to out[*n..max). */
static void
areas_between(const struct ctx *c, const struct doc *d, size_t si,
    size_t from, size_t to, const struct span **out, size_t *n, size_t max)
{
	size_t i, k;
	const struct span *x;

	for (i = d->sareas.first[si]; i < d->sareas.first[si + 1]; i++) {
		x = d->sareas.v[i];
		if (x->s < from || x->s >= to || c->areas[x->idx].generic)
			continue;
		for (k = 0; k < *n && out[k]->idx != x->idx; k++)
			;
		if (k == *n && *n < max)
			out[(*n)++] = x;
	}
}

/* Does sentence si hold a category word ("sections", "areas")? */
static int
has_category(const struct doc *d, size_t si)
{
	size_t k;

	for (k = word_from(d, d->sent[2 * si]); k < d->nw &&
	    d->w[k].sent == si; k++)
		if (d->w[k].role & R_CATEGORY)
			return 1;
	return 0;
}

/*
 * A grade given to parts ("in three out of five areas – A, B and C", "in
 * every category. This included: A, B...", "three sections: A, B and C.
 * ... an inadequate score for each section"): the areas listed after the
 * category word in the grade's clause (up to a stop word: "except"),
 * else those of the next sentence,
 * else of the one before when it names parts too (two at least).  Returns
 * how many, in out; 0 when the clause has no category word.
 */
size_t
category_areas(const struct ctx *c, const struct doc *d,
    const struct reading *r, const struct span **out, size_t max)
{
	size_t k, n = 0, end = next_grade(c, d, r->ge + 1, r->si);
	size_t to = end < d->nw ? d->w[end].s : r->hi;

	for (k = word_from(d, r->prevend); k < d->nw && d->w[k].sent == r->si &&
	    d->w[k].s < to; k++)
		if (d->w[k].role & R_CATEGORY)
			break;
	if (k >= d->nw || d->w[k].sent != r->si || d->w[k].s >= to)
		return 0;
	/* "in all areas except for leadership": the list ends there */
	if (d->w[k].stop < d->nw && d->w[d->w[k].stop].s < to)
		to = d->w[d->w[k].stop].s;
	areas_between(c, d, r->si, d->w[k].e, to, out, &n, max);
	if (n)
		return n;
	if (r->si + 1 < d->nsent) {
		areas_between(c, d, r->si + 1, 0, (size_t)-1, out, &n, max);
		if (n >= 2)
			return n;
		n = 0;
	}
	if (r->si > 0 && has_category(d, r->si - 1)) {
		areas_between(c, d, r->si - 1, 0, (size_t)-1, out, &n, max);
		if (n >= 2)
			return n;
	}
	return 0;
}
