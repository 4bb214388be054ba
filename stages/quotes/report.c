/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: report quotations and the inspectorate an article names.
 */
#include "quotes.h"

/* Does re match s[0..n)? */
static int
matches(struct qdoc *d, const pcre2_code *re, const char *s, size_t n)
{
	if (!d->md)
		d->md = pcre2_match_data_create(4, NULL);
	return glean_re_match(re, s, n, 0, d->md) > 0;
}

/*
 * The inspectorate the article names (inspectorates.tsv), the one named
 * most often (the first listed on a tie), or NULL when it names none.
 * Names are capitalised: the patterns are tried at the capitalised words
 * only.  Looked for on first need: most documents quote no report.
 */
const char *
article_inspectorate(struct qdoc *d)
{
	size_t i, k, *n, best = 0, at;
	const struct quotes_lex *lx = d->lx;

	if (d->insp >= 0)
		return d->insp > 0 ? lx->insp[d->insp - 1].name : NULL;
	d->insp = 0;
	if (!d->md)
		d->md = pcre2_match_data_create(4, NULL);
	n = glean_calloc(lx->ninsp + 1, sizeof(*n));
	for (i = 0; i < d->ncapital; i++) {
		at = d->w[d->capital[i]].b;
		if (!lx->inspfirst[(unsigned char)d->s[at]])
			continue;	/* most words: no name starts so */
		if (glean_re_match(lx->anyinsp_at, d->s, d->n, at, d->md) <= 0)
			continue;
		for (k = 0; k < lx->ninsp; k++)
			if (glean_re_match(lx->insp[k].re_at, d->s, d->n, at,
			    d->md) > 0) {
				n[k]++;
				break;
			}
	}
	for (k = 0; k < lx->ninsp; k++) {
		if (n[k] > best) {
			best = n[k];
			d->insp = (int)k + 1;
		}
	}
	free(n);
	return d->insp > 0 ? lx->insp[d->insp - 1].name : NULL;
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

/* Is c an ASCII word character (\w)? */
static int
ascii_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/*
 * May a match of lx->anyinsp, which opens with \b, begin in s[0..n)?
 * Only at a byte of lx->inspfirst, and not at an ASCII word character
 * after another (no word boundary there).  Most names ("Jane Doe") have
 * no such byte: the pattern is not run for them.
 */
static int
may_name_inspectorate(const struct quotes_lex *lx, const char *s, size_t n)
{
	size_t p;
	unsigned char c;

	for (p = 0; p < n; p++) {
		c = (unsigned char)s[p];
		if (lx->inspfirst[c] && (p == 0 || !ascii_word_byte(c) ||
		    !ascii_word_byte((unsigned char)s[p - 1])))
			return 1;
	}
	return 0;
}

/* The inspectorate s[0..n) names ("Care Quality Commission", "Ofsted"),
 * by inspectorates.tsv's patterns: its short name, or NULL. */
const char *
inspectorate_of(struct qdoc *d, const char *s, size_t n)
{
	size_t k;

	if (!may_name_inspectorate(d->lx, s, n) ||
	    !matches(d, d->lx->anyinsp, s, n))
		return NULL;
	for (k = 0; k < d->lx->ninsp; k++)
		if (matches(d, d->lx->insp[k].re, s, n))
			return d->lx->insp[k].name;
	return NULL;
}

/* Do words [a, z) hold one that makes a sentence about an inspection (a
 * word of quote-words.tsv's "inspection" class, or an inspectorate's
 * one-word name), words inside quotation q aside? */
static int
inspection_words(struct qdoc *d, size_t a, size_t z, const struct quote *q)
{
	size_t i;

	for (i = a; i < z; i++) {
		if (d->w[i].b >= q->tb && d->w[i].e <= q->te)
			continue;
		if (wclass(d, i) & C_INSPECTION)
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

	/* word_at gives d->nw when no word follows: step back from there */
	for (a = wq; a > 0 && (a >= d->nw || !d->w[a].sstart) &&
	    wq - a < WINDOW; a--)
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
	if (a >= d->nw)
		return 0;
	for (n = a + 1; n < d->nw && !d->w[n].sstart && n - a < WINDOW; n++)
		;
	return inspection_words(d, a, n, q);
}
