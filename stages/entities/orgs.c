/* See LICENSE file for copyright and license details. */
/*
 * orgs.c - matching the lexicons' phrases at tokens, and runs of
 * capitalised words that end in an organisation head word ("Leeds
 * Children's Trust").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/* The authority an alias phrase names on the document's date. */
int
pick_authority(const struct doc *d, const struct glean_phrases *ph, size_t k)
{
	const struct glean_phrase *q = &ph->p[k];
	size_t j, best = (size_t)-1;
	char ym[8] = "";

	if (d->published && strlen(d->published) >= 7)
		snprintf(ym, sizeof ym, "%.7s", d->published);
	else if (d->published && strlen(d->published) == 4 &&
	    strspn(d->published, "0123456789") == 4)
		/* a year alone: its middle, so that a council abolished or
		 * created in April is the one of most of the year */
		snprintf(ym, sizeof ym, "%.4s-07", d->published);
	/* all phrases with the same tokens: they share the first, and
	 * phrases are grouped by their first token */
	for (j = k; j > 0 && strcmp(ph->p[j - 1].tok[0], q->tok[0]) == 0; j--)
		;
	for (; j < ph->n && strcmp(ph->p[j].tok[0], q->tok[0]) == 0; j++) {
		const struct glean_phrase *r = &ph->p[j];
		const struct authority *a;
		size_t t;

		if (r->ntok != q->ntok)
			continue;
		for (t = 0; t < r->ntok; t++)
			if (strcmp(r->tok[t], q->tok[t]))
				break;
		if (t < r->ntok)
			continue;
		a = &d->c->auth[r->val];
		if (*ym) {
			if ((!*a->from || strcmp(a->from, ym) <= 0) &&
			    (!*a->until || strcmp(ym, a->until) < 0))
				return r->val;
		} else if (!*a->until) {
			return r->val;
		}
		if (best == (size_t)-1)
			best = (size_t)r->val;
	}
	return (int)best;
}

/* Organisations by rule: capitalised runs ending in a head word. */
void
find_org_runs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, j, start, head, n = d->tk->n, next = 0;
	long k;
	struct ent *e;

	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (i < next || !is_capword(d, i) || !free_tok(d, i))
			continue;
		start = i;
		head = (size_t)-1;
		for (j = i; j < n && free_tok(d, j) &&
		    d->ti[j].sent == d->ti[i].sent; j++) {
			if (is_capword(d, j)) {
				if (j > start && (winfo(d, j)->bits &
				    W_ORGHEAD))
					head = j;
				continue;
			}
			/* "Children's Services", "Department for Education"
			 * (j > start: token start is capitalised) */
			if (is_capword(d, j + 1) && (is_clitic_s(d, j) ||
			    (!(d->tk->t[j].flags & GLEAN_TOKF_NL) &&
			    (lword(d, j, "of") || lword(d, j, "for") ||
			    lword(d, j, "on")))))
				continue;
			break;
		}
		next = j > i ? j : i + 1;
		if (head == (size_t)-1)
			continue;
		while (start < head && (winfo(d, start)->bits & W_STOP))
			start++;
		if (start >= head)
			continue;
		e = add_ent(d, start, head + 1, K_ORG);
		e->canonical = span_text(d, start, head + 1);
		if ((k = glean_dict_find(&c->orgcanon, e->canonical,
		    strlen(e->canonical))) >= 0 && c->orgcanon.str[k]) {
			e->canonical = c->orgcanon.str[k];
		}
	}
}
