/* See LICENSE file for copyright and license details. */
/* spanset.c: sorted spans of a layer and their queries */

#include "ratings.h"
#include "search.h"

/* glean_lower_bound orders, key a size_t byte offset x. */
static int
end_le(const void *x, const void *minend)	/* an end at or before x */
{
	return *(const size_t *)minend <= *(const size_t *)x;
}

static int
ends_by(const void *x, const void *sp)		/* span ends by x */
{
	return ((const struct span *)sp)->e <= *(const size_t *)x;
}

static int
starts_before(const void *x, const void *sp)	/* span starts before x */
{
	return ((const struct span *)sp)->s < *(const size_t *)x;
}

static int
ref_starts_before(const void *x, const void *spp)
{
	return (*(const struct span *const *)spp)->s < *(const size_t *)x;
}

/* Append span s to sp, numbered in the order found. */
void
spans_add(struct spans *sp, struct span s)
{
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->v = glean_realloc(sp->v, sp->cap * sizeof(*sp->v));
	}
	s.seq = sp->n;
	sp->v[sp->n++] = s;
}

/*
 * Does [s, e) overlap one of v[0..n), sorted and disjoint (so their ends
 * grow too)?  Only the first one ending after s can.
 */
static int
overlaps(const struct span *v, size_t n, size_t s, size_t e)
{
	size_t lo = glean_lower_bound(&s, v, n, sizeof *v, ends_by);

	return lo < n && v[lo].s < e;
}

/*
 * Add the matches of re to sp.  With nooverlap, a match overlapping a
 * span already in sp (sorted and disjoint on entry) is left out; the
 * matches of one pattern never overlap each other.
 */
void
find_regex(const struct ctx *c, const struct doc *d, const pcre2_code *re,
    int idx, struct spans *sp, int nooverlap)
{
	size_t pos = 0, s, e, n0 = sp->n;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);

	while (pos <= d->len && glean_re_match(glean_re_jitted(re), d->text,
	    d->len, pos, c->md) > 0) {
		s = ov[0];
		e = ov[1];
		pos = e > s ? e : e + 1;
		if (e == s)
			continue;
		if (nooverlap && overlaps(sp->v, n0, s, e))
			continue;
		spans_add(sp, (struct span){ .s = s, .e = e, .idx = idx });
	}
}

/* Start, end, then the order they were found in (a stable sort). */
static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort sp by start, end and order found. */
void
sort_spans(struct spans *sp)
{
	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof(*sp->v), span_cmp);
}

/* Sort sp and fill sp->minend for last_ending(). */
void
spans_index(struct spans *sp)
{
	size_t i;

	sort_spans(sp);
	sp->minend = glean_calloc(sp->n + 1, sizeof(*sp->minend));
	for (i = sp->n; i-- > 0;)
		sp->minend[i] = i + 1 < sp->n && sp->minend[i + 1] <
		    sp->v[i].e ? sp->minend[i + 1] : sp->v[i].e;
}

/*
 * The last span of sp (in order) ending at or before x, or NULL.  It
 * also starts last among those: "the last one in [lo, x)" is this one
 * when it starts at or after lo, else there is none.
 */
const struct span *
last_ending(const struct spans *sp, size_t x)
{
	size_t lo = glean_lower_bound(&x, sp->minend, sp->n,
	    sizeof *sp->minend, end_le);

	return lo ? &sp->v[lo - 1] : NULL;
}

/* Index of the first span of sp starting at or after x. */
size_t
first_from(const struct spans *sp, size_t x)
{
	return glean_lower_bound(&x, sp->v, sp->n, sizeof *sp->v,
	    starts_before);
}

/*
 * Group the spans of sp (sorted) that fit in one sentence by sentence;
 * with dates, leave out those after the publication date.
 */
void
bysent_init(struct bysent *b, const struct doc *d, const struct spans *sp,
    int dates)
{
	size_t i, j, si = 0, lo, hi;

	b->v = glean_calloc(sp->n + 1, sizeof(*b->v));
	b->minend = glean_calloc(sp->n + 1, sizeof(*b->minend));
	b->first = glean_calloc(d->nsent + 1, sizeof(*b->first));
	b->n = 0;
	for (i = 0; i < sp->n && si < d->nsent; i++) {
		const struct span *x = &sp->v[i];

		if (dates && x->value && after_published(d, x->value))
			continue;
		while (si < d->nsent && d->sent[2 * si + 1] <= x->s)
			b->first[++si] = b->n;
		if (si == d->nsent)
			break;
		if (x->s < d->sent[2 * si] || x->e > d->sent[2 * si + 1])
			continue;
		b->v[b->n++] = x;
	}
	while (si < d->nsent)
		b->first[++si] = b->n;
	for (si = 0; si < d->nsent; si++) {
		lo = b->first[si];
		hi = b->first[si + 1];
		for (j = hi; j-- > lo;)
			b->minend[j] = j + 1 < hi && b->minend[j + 1] <
			    b->v[j]->e ? b->minend[j + 1] : b->v[j]->e;
	}
}

/* Free the arrays of b (not b). */
void
bysent_free(struct bysent *b)
{
	free(b->v);
	free(b->minend);
	free(b->first);
}

/* In sentence si: the last span (in order) ending at or before x. */
const struct span *
bs_last_ending(const struct bysent *b, size_t si, size_t x)
{
	size_t base = b->first[si], lo = base + glean_lower_bound(&x,
	    b->minend + base, b->first[si + 1] - base, sizeof *b->minend,
	    end_le);

	return lo > base ? b->v[lo - 1] : NULL;
}

/* In sentence si: the first span starting at or after x. */
const struct span *
bs_first_from(const struct bysent *b, size_t si, size_t x)
{
	size_t lo = b->first[si], end = b->first[si + 1];

	lo += glean_lower_bound(&x, b->v + lo, end - lo, sizeof *b->v,
	    ref_starts_before);
	return lo < end ? b->v[lo] : NULL;
}

/* Nearest span of a sentence before the grade [gs, ge), else after it. */
const struct span *
nearest(const struct bysent *b, size_t si, size_t gs, size_t ge)
{
	const struct span *x = bs_last_ending(b, si, gs);

	return x ? x : bs_first_from(b, si, ge);
}

/* Add the matches of f in the text of d to sp, idx their lexicon row. */
void
find_family(const struct doc *d, const struct family *f, struct spans *sp)
{
	PCRE2_SIZE *ov;
	size_t pos = 0, k;

	if (!f->re)
		return;
	ov = pcre2_get_ovector_pointer(f->md);
	while (pos <= d->len && glean_re_match(glean_re_jitted(f->re),
	    d->text, d->len, pos, f->md) > 0) {
		pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		if (ov[1] == ov[0])
			continue;
		for (k = 0; k + 1 < f->n &&
		    ov[2 * f->group[k]] == PCRE2_UNSET; k++)
			;
		spans_add(sp, (struct span){ .s = ov[0], .e = ov[1],
		    .idx = (int)f->row[k] });
	}
}
