/* See LICENSE file for copyright and license details. */
/* grade.c: grade phrases */

#include "ratings.h"

/* The longest grade phrase at word i (the first of equals), or NULL. */
const struct phrase *
grade_at(const struct ctx *c, const struct doc *d, size_t i)
{
	const struct starter *st = d->w[i].st;
	const struct phrase *gp = NULL, *p;
	size_t k;

	for (k = 0; st && k < st->ngrades; k++) {
		p = &c->grades[st->grades[k]];
		if (phrase_at(d, p, i) && (!gp || p->nw > gp->nw))
			gp = p;
	}
	return gp;
}
