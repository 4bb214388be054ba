/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: report quotations and the inspectorate an article names.
 */
#include "quotes.h"

/* How many times re matches the text of d. */
static size_t
count_matches(const struct qdoc *d, const pcre2_code *re)
{
	pcre2_match_data *md = glean_re_match_data(re);
	PCRE2_SIZE *ov;
	size_t at = 0, n = 0;

	while (at < d->n && glean_re_match(re, d->s, d->n, at, md) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		n++;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	pcre2_match_data_free(md);
	return n;
}

/*
 * The inspectorate the article names (inspectorates.tsv), the one named
 * most often (the first listed on a tie), or NULL when it names none.
 * Looked for on first need only: most documents quote no report.
 */
const char *
article_inspectorate(struct qdoc *d)
{
	size_t k, n, best = 0;

	if (d->insp < 0) {
		d->insp = 0;
		for (k = 0; k < d->lx->ninsp; k++) {
			n = count_matches(d, d->lx->insp[k].re);
			if (n > best) {
				best = n;
				d->insp = (int)k + 1;
			}
		}
	}
	return d->insp > 0 ? d->lx->insp[d->insp - 1].name : NULL;
}

/*
 * The speaker report cue rc gives a finding: its lexicon body, the
 * article's inspectorate for "inspectorate", or NULL (none named, or the
 * cue keeps the subject's own name).
 */
const char *
report_speaker(struct qdoc *d, const struct phrase *rc)
{
	if (rc->speaker == NULL)
		return NULL;
	if (strcmp(rc->speaker, "inspectorate") == 0)
		return article_inspectorate(d);
	return rc->speaker;
}

/* The inspectorate s[0..n) names ("Care Quality Commission", "Ofsted"),
 * by inspectorates.tsv's patterns: its short name, or NULL. */
const char *
inspectorate_of(const struct quotes_lex *lx, const char *s, size_t n)
{
	pcre2_match_data *md;
	size_t k;
	int hit;

	for (k = 0; k < lx->ninsp; k++) {
		md = glean_re_match_data(lx->insp[k].re);
		hit = glean_re_match(lx->insp[k].re, s, n, 0, md) > 0;
		pcre2_match_data_free(md);
		if (hit)
			return lx->insp[k].name;
	}
	return NULL;
}

/* Do words [a, z) hold one that makes a sentence about an inspection (a
 * word of quote-words.tsv's "inspection" class or an inspectorate's
 * name), words inside quotation q aside? */
static int
inspection_words(struct qdoc *d, size_t a, size_t z, const struct quote *q)
{
	size_t i;

	for (i = a; i < z; i++) {
		if (d->w[i].b >= q->tb && d->w[i].e <= q->te)
			continue;
		if (wclass(d, i) & C_INSPECTION)
			return 1;
		if (d->w[i].cap && inspectorate_of(d->lx, d->s + d->w[i].b,
		    d->w[i].e - d->w[i].b))
			return 1;
	}
	return 0;
}

/*
 * Is quotation q's sentence about an inspection (inspection_words), or
 * is q in a headline (a short line with no stop at its end) over a
 * paragraph whose first sentence is?  Only asked of short unattributed
 * quotations.
 */
int
inspection_context(struct qdoc *d, const struct quote *q)
{
	size_t wq = word_at(d, q->ob), a, z, n;
	const struct para *p = &d->p[q->para];

	for (a = wq; a > 0 && !d->w[a].sstart && wq - a < WINDOW; a--)
		if (d->w[a - 1].para != q->para)
			break;
	for (z = word_at(d, q->ce); z < d->nw && d->w[z].para == q->epara &&
	    !d->w[z].sstart && z - wq < 2 * WINDOW; z++)
		;
	if (inspection_words(d, a, z, q))
		return 1;
	if (q->para != q->epara || z - a > 16 || p->e <= p->b ||
	    gap_has(d, p->e - 1, p->e, G_STOP) || q->para + 1 >= d->np)
		return 0;
	/* a headline: the next paragraph's first sentence */
	a = word_at(d, d->p[q->para + 1].b);
	for (n = a + 1; n < d->nw && !d->w[n].sstart && n - a < WINDOW; n++)
		;
	return inspection_words(d, a, n, q);
}
