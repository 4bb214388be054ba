/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: quotation marks and the spans they enclose.
 */
#include <utf8proc.h>

#include "quotes.h"

/* ---- marks and quotations -------------------------------------------- */

/* May code point cp stand before an opening mark? */
static int
is_open_punct(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{' || cp == 0x2014 ||
	    cp == 0x2013 || cp == '-' || cp == '/' || cp == '"' ||
	    cp == '\'' || cp == 0x201c || cp == 0x2018 || cp == 0x201d ||
	    cp == 0x2019 || cp == ':' || cp == 0xab;
}

/* May code point cp follow a closing mark? */
static int
is_close_punct(int32_t cp)
{
	return cp == '.' || cp == ',' || cp == ';' || cp == ':' ||
	    cp == '!' || cp == '?' || cp == ')' || cp == ']' || cp == '}' ||
	    cp == 0x2026 || cp == 0x2014 || cp == 0x2013 || cp == '-' ||
	    cp == '"' || cp == '\'' || cp == 0x201c || cp == 0x201d ||
	    cp == 0x2018 || cp == 0x2019 || cp == 0xbb || cp == '/';
}

/* The code point before byte b, not before byte lim (-2 there). */
static int32_t
cp_before(struct qdoc *d, size_t b, size_t lim)
{
	size_t l = 1;

	if (b <= lim)
		return -2;
	while (l < b - lim && ((unsigned char)d->s[b - l] & 0xc0) == 0x80)
		l++;
	return cp_at(d, b - l, NULL);
}

/* Is cp a letter or a digit (not -1, -2)? */
static int
is_alnum_cp(int32_t cp)
{
	return cp >= 0 && is_wordcp(cp);
}

/* The first byte at or after from, before pe, that may start a mark
 * (see scan_text); pe if none.  Paragraphs are asked in order. */
static size_t
next_cand(struct qdoc *d, size_t from, size_t pe)
{
	while (d->nextcand < d->ncand && d->cand[d->nextcand] < from)
		d->nextcand++;
	if (d->nextcand < d->ncand && d->cand[d->nextcand] < pe)
		return d->cand[d->nextcand];
	return pe;
}

/*
 * The quotation mark at byte i of a paragraph ending at pe: 1 with *l
 * its length in bytes, *dbl whether it is a double mark ('' is a
 * typewriter's double mark) and *glyph its shape (0 straight, 1 left
 * curly or low, 2 right curly); 0 when the character there is no mark
 * (*l still its length).
 */
static int
mark_glyph(struct qdoc *d, size_t i, size_t pe, size_t *l, int *dbl,
    int *glyph)
{
	switch (cp_at(d, i, l)) {
	case '"':	*dbl = 1; *glyph = 0; break;
	case 0x201c:	*dbl = 1; *glyph = 1; break;
	case 0x201d:	*dbl = 1; *glyph = 2; break;
	case 0x201e:	*dbl = 1; *glyph = 1; break;
	case 0xab:	*dbl = 1; *glyph = 1; break;
	case 0xbb:	*dbl = 1; *glyph = 2; break;
	case '\'':
		*dbl = i + 1 < pe && d->s[i + 1] == '\'';
		if (*dbl)
			*l = 2;
		*glyph = 0;
		break;
	case 0x2018:	*dbl = 0; *glyph = 1; break;
	case 0x2019:	*dbl = 0; *glyph = 2; break;
	case 0x201a:	*dbl = 0; *glyph = 1; break;
	default:	return 0;
	}
	if (*l == 0)
		*l = 1;
	return 1;
}

/*
 * The direction (OPEN, CLOSE, EITHER) of the mark [i, i + l) of
 * paragraph [pb, pe): opening with a space or opening punctuation
 * before it and none after, closing the other way round, else by its
 * glyph (see mark_glyph).  0 when a single mark is no quotation mark:
 * between letters ("don't", "council's") or an elision ("'90s", "'16").
 */
static int
mark_dir_slow(struct qdoc *d, size_t i, size_t l, size_t pb, size_t pe,
    int dbl, int glyph)
{
	int32_t pv = cp_before(d, i, pb), nx;	/* -2 at the paragraph start */
	size_t j;
	int lf, rf;

	nx = i + l < pe ? cp_at(d, i + l, NULL) : -2;
	lf = !(nx == -2 || is_space_cp(nx)) &&
	    (pv == -2 || is_space_cp(pv) || is_open_punct(pv));
	rf = !(pv == -2 || is_space_cp(pv)) &&
	    (nx == -2 || is_space_cp(nx) || is_close_punct(nx));
	if (!dbl && is_alnum_cp(pv) && is_alnum_cp(nx))
		return 0;
	if (!dbl && lf && !rf && nx >= '0' && nx <= '9') {
		for (j = i + l; j < pe && d->s[j] >= '0' && d->s[j] <= '9'; j++)
			;
		if (j - (i + l) <= 2)
			return 0;
	}
	if (lf != rf)
		return lf ? OPEN : CLOSE;
	return glyph == 1 ? OPEN : glyph == 2 ? CLOSE : EITHER;
}

/*
 * mark_dir_slow's answer, most single marks told first: an apostrophe
 * between two ASCII letters or digits ("don't", "council's") is no mark,
 * as mark_dir_slow finds by is_alnum_cp of the same two characters
 * (exact: tests/unit/quotes-words.c checks it against mark_dir_slow).
 */
static int
mark_dir(struct qdoc *d, size_t i, size_t l, size_t pb, size_t pe, int dbl,
    int glyph)
{
	const unsigned char *s = (const unsigned char *)d->s;

	if (!dbl && i > pb && i + l < pe && s[i - 1] < 0x80 &&
	    s[i + l] < 0x80 && is_wordcp(s[i - 1]) && is_wordcp(s[i + l]))
		return 0;
	return mark_dir_slow(d, i, l, pb, pe, dbl, glyph);
}

/* Classify the marks of paragraph [pb, pe) into d->mk. */
static void
find_marks(struct qdoc *d, size_t pb, size_t pe)
{
	size_t i, l;
	int dbl, glyph, dir;
	struct mark *m;

	d->nmk = 0;
	for (i = next_cand(d, pb, pe); i < pe; i = next_cand(d, i + l, pe)) {
		if (!mark_glyph(d, i, pe, &l, &dbl, &glyph) ||
		    (dir = mark_dir(d, i, l, pb, pe, dbl, glyph)) == 0)
			continue;
		GROW(d->mk, d->nmk, d->capmk);
		m = &d->mk[d->nmk++];
		m->b = (uint32_t)i;
		m->len = (uint8_t)l;
		m->dbl = (uint8_t)dbl;
		m->dir = (uint8_t)dir;
		m->glyph = (uint8_t)glyph;
	}
}

/*
 * A new quotation opened by the mark at ob, its text from tb: its index
 * in d->q.
 */
static size_t
new_quote(struct qdoc *d, uint32_t ob, uint32_t tb, uint8_t dbl, uint8_t depth, size_t para)
{
	struct quote *q;

	GROW(d->q, d->nq, d->capq);
	q = &d->q[d->nq];
	memset(q, 0, sizeof(*q));
	q->ob = ob;
	q->tb = tb;
	q->dbl = dbl;
	q->depth = depth;
	q->para = q->epara = (uint32_t)para;
	q->atpara = ob == d->p[para].b;
	attr_clear(&q->at);
	q->seg0 = d->nsegs;
	return d->nq++;
}

/* Add the paragraph part [b, e) to quotation qi's segments. */
static void
add_seg(struct qdoc *d, size_t qi, uint32_t b, uint32_t e)
{
	GROW(d->segs, d->nsegs, d->capsegs);
	d->segs[d->nsegs].b = b;
	d->segs[d->nsegs].e = e;
	d->nsegs++;
	d->q[qi].nseg++;
}

/* Is the quotation's text blank (nothing but white space)? */
int
blank(struct qdoc *d, uint32_t b, uint32_t e)
{
	size_t i, l;

	if (e == b + 1 && d->s[b] == ' ')
		return 1;	/* most gaps between words */
	for (i = b; i < e; i += l ? l : 1)
		if (!space_at(d, i, &l))
			return 0;
	return 1;
}

/*
 * The quotation open at o closes with the mark [te, ce) in paragraph
 * para: a new quotation (a blank one is dropped) or the end of a carried
 * one.
 */
static void
close_quote(struct qdoc *d, const struct open *o, uint32_t te, uint32_t ce, size_t para,
    size_t depth)
{
	size_t qi;

	if (o->qi != SIZE_MAX) {
		qi = o->qi;
		add_seg(d, qi, o->tb, te);
	} else {
		if (blank(d, o->tb, te))
			return;
		qi = new_quote(d, o->mb, o->tb, o->dbl, (uint8_t)depth, para);
	}
	d->q[qi].te = te;
	d->q[qi].ce = ce;
	d->q[qi].closed = 1;
	d->q[qi].epara = (uint32_t)para;
}

/*
 * A quotation still open at the end of paragraph pi that the next one
 * does not reopen: it ends there, flagged.  A single mark that opened in
 * this paragraph was an apostrophe.
 */
static void
unclosed(struct qdoc *d, const struct open *o, size_t pi)
{
	size_t qi = o->qi;

	if (qi == SIZE_MAX) {
		if (!o->dbl || blank(d, o->tb, d->p[pi].e))
			return;
		qi = new_quote(d, o->mb, o->tb, 1, 0, para_of(d, o->mb));
	} else {
		add_seg(d, qi, o->tb, d->p[pi].e);
	}
	d->q[qi].te = d->q[qi].ce = d->p[pi].e;
	d->q[qi].closed = 0;
	d->q[qi].epara = (uint32_t)pi;
}

/* Quotations by start, the outer one first. */
static int
qcmp(const void *a, const void *b)
{
	const struct quote *x = a, *y = b;

	if (x->tb != y->tb)
		return x->tb < y->tb ? -1 : 1;
	return x->te > y->te ? -1 : x->te < y->te;
}

/* The marks open while a paragraph's marks are paired. */
struct pairing {
	struct open st[MAXDEPTH];	/* innermost last */
	size_t ns;
	int seen_dbl;		/* a double mark seen in the paragraph */
};

/*
 * The quotation carry, open at the end of paragraph pi - 1: it goes on
 * when paragraph pi opens with a mark of its kind that does not close
 * (its text so far a segment; the mark open in pr), else it ends there,
 * unclosed.  Returns the index of pi's first mark still to pair.
 */
static size_t
resume_carry(struct qdoc *d, size_t pi, struct open *carry,
    struct pairing *pr)
{
	const struct mark *m0 = d->nmk > 0 ? &d->mk[0] : NULL;

	if (m0 == NULL || m0->b != d->p[pi].b || m0->dbl != carry->dbl ||
	    m0->dir == CLOSE) {
		unclosed(d, carry, pi - 1);
		return 0;
	}
	if (carry->qi == SIZE_MAX)
		carry->qi = new_quote(d, carry->mb, carry->tb, carry->dbl, 0,
		    para_of(d, carry->mb));
	add_seg(d, carry->qi, carry->tb, d->p[pi - 1].e);
	carry->tb = m0->b + m0->len;
	pr->st[pr->ns++] = *carry;
	return 1;
}

/*
 * The depth (index + 1 in pr->st) of the innermost open mark that mark
 * m may close: one of its kind (double or single), and for a single mark
 * one inside the innermost double-quoted level; 0 when none.
 */
static size_t
closable(const struct pairing *pr, const struct mark *m)
{
	size_t k, top;

	for (k = pr->ns; k > 0; k--)
		if (pr->st[k - 1].dbl == m->dbl)
			break;
	top = k;
	if (!m->dbl && top > 0) {
		for (k = pr->ns; k > top; k--)
			if (pr->st[k - 1].dbl)
				break;
		if (k > top)
			top = 0;
	}
	return top;
}

/*
 * Pair mark i of paragraph pi: it closes the innermost quotation it may
 * (a closing double mark first in the paragraph, with none open, closes
 * one from the paragraph's start), or it opens one (not a single mark
 * that may go either way; no deeper than MAXDEPTH).
 */
static void
pair_mark(struct qdoc *d, size_t pi, size_t i, struct pairing *pr)
{
	const struct mark *m = &d->mk[i];
	size_t top = closable(pr, m);
	struct open *o;

	if (m->dir == CLOSE || (m->dir == EITHER && top > 0)) {
		if (top > 0) {
			close_quote(d, &pr->st[top - 1], m->b, m->b + m->len,
			    pi, top - 1);
			pr->ns = top - 1;
		} else if (m->dbl && !pr->seen_dbl && i == 0 &&
		    m->dir == CLOSE) {
			struct open start = { d->p[pi].b, d->p[pi].b, 1,
			    SIZE_MAX };
			close_quote(d, &start, m->b, m->b + m->len, pi, 0);
		}
	} else if ((m->dbl || m->dir != EITHER) && pr->ns < MAXDEPTH) {
		o = &pr->st[pr->ns++];
		o->mb = m->b;
		o->tb = m->b + m->len;
		o->dbl = m->dbl;
		o->qi = SIZE_MAX;
	}
	if (m->dbl)
		pr->seen_dbl = 1;
}

/*
 * Pair the marks paragraph by paragraph.  An unclosed quotation whose
 * next paragraph opens with a mark of the same kind goes on; one that
 * does not is ended at its paragraph and flagged.  Unclosed single marks
 * were apostrophes after all.  Each mark is looked at once.
 */
void
find_quotes(struct qdoc *d)
{
	struct pairing pr;
	struct open carry = { 0, 0, 0, SIZE_MAX };
	int havecarry = 0;
	size_t pi, i;

	for (pi = 0; pi < d->np; pi++) {
		find_marks(d, d->p[pi].b, d->p[pi].e);
		pr.ns = 0;
		pr.seen_dbl = 0;
		i = havecarry ? resume_carry(d, pi, &carry, &pr) : 0;
		havecarry = 0;
		for (; i < d->nmk; i++)
			pair_mark(d, pi, i, &pr);
		/* what is still open: the outermost may go on */
		if (pr.ns > 0) {
			carry = pr.st[0];
			havecarry = 1;
		}
	}
	if (havecarry)
		unclosed(d, &carry, d->np - 1);
	sort_unless_sorted(d->q, d->nq, sizeof(*d->q), qcmp);
}
