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
