/* See LICENSE file for copyright and license details. */
/*
 * furniture.c - what the article is about (topic cues: council,
 * children's services, inspection) and its page furniture (boilerplate
 * lines, notices and blocks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/* Is the topic t the article's?  Strong cues must weigh 4 (two mentions
 * of "council"), or 2 beside weak ones weighing 3; a named inspectorate
 * needs one mention and counts for inspection too. */
int
topic_present(const struct doc *d, int t)
{
	int strong = d->score[t][0], weak = d->score[t][1];

	if (t == TOP_INSPECTORATE)
		return strong >= 2;
	if (t == TOP_INSPECTION)
		strong += d->score[TOP_INSPECTORATE][0];
	return strong >= 4 || (strong >= 2 && weak >= 3);
}

/* Longest line that can be boilerplate (see add_boilerplate): longer
 * lines are not measured further, so that a huge line costs no more. */
#define BP_LINE_MAX 400

/* Byte offsets of the line holding byte b: [*ls, *le), without the
 * newline; at most BP_LINE_MAX + 1 bytes on either side of b. */
static void
line_of(const struct doc *d, size_t b, size_t *ls, size_t *le)
{
	size_t lim = b > BP_LINE_MAX + 1 ? b - BP_LINE_MAX - 1 : 0;
	const char *nl;

	for (*ls = b; *ls > lim && d->s[*ls - 1] != '\n'; (*ls)--)
		;
	nl = memchr(d->s + b, '\n', d->n - b < BP_LINE_MAX + 1 ? d->n - b :
	    BP_LINE_MAX + 1);
	*le = nl ? (size_t)(nl - d->s) : d->n - b < BP_LINE_MAX + 1 ? d->n :
	    b + BP_LINE_MAX + 1;
}

/* Does the line [ls, le) end as prose does (. ! ? or a closing quotation
 * mark), or hold nothing but white space (*blank)? */
static int
prose_end(const struct doc *d, size_t ls, size_t le, int *blank)
{
	const unsigned char *p = (const unsigned char *)d->s;

	while (le > ls && (p[le - 1] == ' ' || p[le - 1] == '\t' ||
	    p[le - 1] == '\r'))
		le--;
	*blank = le == ls;
	if (le == ls)
		return 0;
	if (p[le - 1] && strchr(".!?\"'", p[le - 1]))
		return 1;
	/* ” and ’ */
	return le - ls >= 3 && p[le - 3] == 0xe2 && p[le - 2] == 0x80 &&
	    (p[le - 1] == 0x9d || p[le - 1] == 0x99);
}

/*
 * The start of an offer ending at the line starting at byte ls: the short
 * lines before it ("From £15 / month", bullets, the product's name) and
 * blank lines, back to the first line of prose.
 */
static size_t
block_start(const struct doc *d, size_t ls)
{
	size_t start = ls, ps, pe, lines;
	int blank;

	for (lines = 0; start > 0 && lines < 30; lines++) {
		line_of(d, start - 1, &ps, &pe);
		if (prose_end(d, ps, pe, &blank) || pe - ps > 60)
			break;
		start = ps;
	}
	/* no blank lines at the front */
	while (start < ls) {
		line_of(d, start, &ps, &pe);
		prose_end(d, ps, pe, &blank);
		if (!blank)
			break;
		start = pe + 1;
	}
	return start;
}

/* The code point at byte b, given token t: b at or before its start, or
 * at or after its end. */
static uint32_t
cp_near(const struct doc *d, const struct glean_tok *t, size_t b)
{
	if (b <= t->bs)
		return t->s - (uint32_t)glean_cp_count(d->s + b, t->bs - b);
	return t->e + (uint32_t)glean_cp_count(d->s + t->be, b - t->be);
}

/* The boilerplate span of cue q found at tokens [i0, i1), if its extent
 * rule holds there (see boilerplate.tsv). */
static void
add_boilerplate(struct doc *d, size_t i0, size_t i1, const struct cue *q)
{
	const struct glean_tok *a = &d->tk->t[i0], *z = &d->tk->t[i1 - 1];
	size_t ls, le, bs = a->bs, be = z->be;
	int blank;

	line_of(d, bs, &ls, &le);
	switch (q->extent) {
	case BX_LABEL:
		/* "Image caption," and the space after */
		while (be < d->n && (d->s[be] == ',' || d->s[be] == ':'))
			be++;
		ls = bs;
		le = be;
		break;
	case BX_NOTICE:
		if (le - ls > BP_LINE_MAX)
			return;
		break;
	default:	/* BX_LINE, BX_BLOCK: a button, a menu item */
		if (le - ls > 100 || prose_end(d, ls, le, &blank))
			return;
		if (q->extent == BX_BLOCK)
			ls = block_start(d, ls);
	}
	if (d->nbp && d->bp[d->nbp - 1].e >= cp_near(d, a, ls)) {
		/* overlaps the last: one span */
		if (d->bp[d->nbp - 1].s > cp_near(d, a, ls))
			d->bp[d->nbp - 1].s = cp_near(d, a, ls);
		if (d->bp[d->nbp - 1].e < cp_near(d, z, le))
			d->bp[d->nbp - 1].e = cp_near(d, z, le);
		return;
	}
	if (d->nbp == d->capbp) {
		d->capbp = d->capbp ? 2 * d->capbp : 8;
		d->bp = glean_realloc(d->bp, d->capbp * sizeof *d->bp);
	}
	d->bp[d->nbp++] = (struct bspan){ cp_near(d, a, ls), cp_near(d, z, le),
	    q->kind };
}

/*
 * Topic cues and boilerplate phrases anywhere in the text (whoever owns
 * the tokens): each topic's weights, T_CUE on sentences with a strong
 * cue, the boilerplate spans.  Runs before councils are linked, which
 * ask what the sentence and the article are about.
 */
void
find_cues(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k, next = 0;
	const struct cue *q;
	const char *p;
	long f;

	/* the words classify_token found may start one (d->cuecand) */
	for (ci = 0; ci < d->ncuecand; ci++) {
		if ((i = d->cuecand[ci]) < next)
			continue;
		p = ttext(d, i, &len);
		if ((f = glean_dict_find_in(&c->scan.first, p, len,
		    d->s + d->n)) < 0 ||
		    !(len = match_tokens(d, &c->scan, f, i, &k, 0)))
			continue;
		q = &c->cues[c->scan.p[k].val];
		if (q->topic == TOP_NONE) {
			add_boilerplate(d, i, i + len, q);
		} else {
			d->score[q->topic][q->weight == 2 ? 0 : 1] += q->weight;
			if (q->weight == 2)
				d->ti[d->ti[i].sent].flags |= T_CUE;
			if (d->nhit == d->caphit) {
				d->caphit = d->caphit ? 2 * d->caphit : 16;
				d->hit = glean_realloc(d->hit, d->caphit *
				    sizeof *d->hit);
			}
			d->hit[d->nhit++] = (struct hit){ (uint32_t)i,
			    (uint32_t)(i + len), (uint32_t)c->scan.p[k].val };
		}
		next = i + len;
	}
}
