/* See LICENSE file for copyright and license details. */
/* coord.c: one grade over lists of councils, areas or years */

#include "ratings.h"

/*
 * Do bytes [from, to) of the text only join two items of a list: white
 * space, commas, "&" and join words ("and", "or")?  1 when they do.
 */
int
joined(const struct doc *d, size_t from, size_t to)
{
	size_t i = from, s, k, n;
	int ascii;

	if (to < from || to - from > 24)
		return 0;
	for (k = from; k < to; k += n) {
		int32_t cp = cp_at(d, k, &n);

		if (is_wordcp(cp) || cp == ' ' || cp == ',' || cp == '&' ||
		    cp == 0xA0 || cp == '\n')
			continue;
		return 0;
	}
	while (next_word(d, to, &i, &s, &ascii))
		if (!(d->w[word_from(d, s)].role & R_JOIN))
			return 0;
	return 1;
}

/*
 * The list that span x of sentence si (in b) belongs to: x and the spans
 * joined to it before and after ("Lewisham and West Sussex", "in 2011,
 * 2013 and 2015"), overlapping ones once, in text order, at most max, in
 * out.  Returns how many.
 */
size_t
coordinated(const struct doc *d, const struct bysent *b, size_t si,
    const struct span *x, const struct span **out, size_t max)
{
	size_t lo = b->first[si], hi = b->first[si + 1], at, k, n = 0;
	const struct span *last;

	for (at = lo; at < hi && b->v[at] != x; at++)
		;
	if (at == hi) {
		out[0] = x;
		return 1;
	}
	/* back to the first of the list */
	for (last = x, k = at; k-- > lo;) {
		if (b->v[k]->e > last->s)
			continue;	/* overlaps: the same mention */
		if (!joined(d, b->v[k]->e, last->s))
			break;
		last = b->v[k];
		at = k;
	}
	for (last = NULL, k = at; k < hi && n < max; k++) {
		if (last && b->v[k]->s < last->e)
			continue;
		if (last && !joined(d, last->e, b->v[k]->s))
			break;
		out[n++] = last = b->v[k];
	}
	for (k = 0; k < n && out[k] != x; k++)
		;
	if (k == n) {
		out[0] = x;
		n = 1;
	}
	return n;
}
