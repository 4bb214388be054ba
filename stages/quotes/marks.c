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

/* Classify the marks of paragraph [pb, pe) into d->mk. */
static void
find_marks(struct qdoc *d, size_t pb, size_t pe)
{
	size_t i, l, j;
	int32_t cp, pv, nx;
	int dbl, glyph, lf, rf, dir, nd;
	struct mark *m;

	d->nmk = 0;
	for (i = next_cand(d, pb, pe); i < pe; i = next_cand(d, i + l, pe)) {
		cp = cp_at(d, i, &l);
		switch (cp) {
		case '"':	dbl = 1; glyph = 0; break;
		case 0x201c:	dbl = 1; glyph = 1; break;
		case 0x201d:	dbl = 1; glyph = 2; break;
		case 0x201e:	dbl = 1; glyph = 1; break;
		case 0xab:	dbl = 1; glyph = 1; break;
		case 0xbb:	dbl = 1; glyph = 2; break;
		case '\'':
			/* '' is a typewriter double mark */
			if (i + 1 < pe && d->s[i + 1] == '\'') {
				dbl = 1;
				l = 2;
			} else {
				dbl = 0;
			}
			glyph = 0;
			break;
		case 0x2018:	dbl = 0; glyph = 1; break;
		case 0x2019:	dbl = 0; glyph = 2; break;
		case 0x201a:	dbl = 0; glyph = 1; break;
		default:	continue;
		}
		if (l == 0)
			l = 1;
		pv = cp_before(d, i, pb);	/* -2 at the paragraph start */
		nx = i + l < pe ? cp_at(d, i + l, NULL) : -2;
		lf = !(nx == -2 || is_space_cp(nx)) &&
		    (pv == -2 || is_space_cp(pv) || is_open_punct(pv));
		rf = !(pv == -2 || is_space_cp(pv)) &&
		    (nx == -2 || is_space_cp(nx) || is_close_punct(nx));
		if (!dbl) {
			if (is_alnum_cp(pv) && is_alnum_cp(nx))
				continue;	/* don't, council's */
			if (lf && !rf && nx >= '0' && nx <= '9') {
				/* '90s, '16: an elision, not a mark */
				for (j = i + l, nd = 0; j < pe && d->s[j] >= '0'
				    && d->s[j] <= '9'; j++)
					nd++;
				if (nd <= 2)
					continue;
			}
		}
		if (lf && !rf)
			dir = OPEN;
		else if (rf && !lf)
			dir = CLOSE;
		else if (glyph == 1)
			dir = OPEN;
		else if (glyph == 2)
			dir = CLOSE;
		else
			dir = EITHER;
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
	q->sb = q->se = q->cb = q->cend = q->pb = q->pe = -1;
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

/*
 * Pair the marks paragraph by paragraph.  An unclosed quotation whose
 * next paragraph opens with a mark of the same kind goes on; one that
 * does not is ended at its paragraph and flagged.  Unclosed single marks
 * were apostrophes after all.  Each mark is looked at once.
 */
void
find_quotes(struct qdoc *d)
{
	struct open st[MAXDEPTH];
	size_t ns, pi, i, k, top;
	int havecarry = 0, seen_dbl;
	struct open carry = { 0, 0, 0, SIZE_MAX };
	struct mark *m;
	struct para *p;

	for (pi = 0; pi < d->np; pi++) {
		p = &d->p[pi];
		find_marks(d, p->b, p->e);
		ns = 0;
		i = 0;
		if (havecarry) {
			havecarry = 0;
			if (d->nmk > 0 && d->mk[0].b == p->b &&
			    d->mk[0].dbl == carry.dbl && d->mk[0].dir != CLOSE) {
				/* the quotation goes on */
				if (carry.qi == SIZE_MAX) {
					carry.qi = new_quote(d, carry.mb,
					    carry.tb, carry.dbl, 0,
					    para_of(d, carry.mb));
				}
				add_seg(d, carry.qi, carry.tb, d->p[pi - 1].e);
				carry.tb = d->mk[0].b + d->mk[0].len;
				st[ns++] = carry;
				i = 1;
			} else {
				unclosed(d, &carry, pi - 1);
			}
		}
		seen_dbl = 0;
		for (; i < d->nmk; i++) {
			m = &d->mk[i];
			/* the innermost open mark of the same kind */
			for (k = ns; k > 0; k--)
				if (st[k - 1].dbl == m->dbl)
					break;
			top = k;
			if (!m->dbl && top > 0) {
				/* a single mark closes only inside its own
				 * double-quoted level */
				for (k = ns; k > top; k--)
					if (st[k - 1].dbl)
						break;
				if (k > top)
					top = 0;
			}
			if (m->dir == CLOSE || (m->dir == EITHER && top > 0)) {
				if (top > 0) {
					close_quote(d, &st[top - 1], m->b,
					    m->b + m->len, pi, top - 1);
					ns = top - 1;
				} else if (m->dbl && !seen_dbl && i == 0 &&
				    m->dir == CLOSE) {
					/* a closing mark first: from the
					 * paragraph's start */
					struct open o = { p->b, p->b, 1,
					    SIZE_MAX };
					close_quote(d, &o, m->b, m->b + m->len,
					    pi, 0);
				}
			} else if (m->dir == OPEN || m->dir == EITHER) {
				if (!m->dbl && m->dir == EITHER)
					continue;
				if (ns < MAXDEPTH) {
					st[ns].mb = m->b;
					st[ns].tb = m->b + m->len;
					st[ns].dbl = m->dbl;
					st[ns].qi = SIZE_MAX;
					ns++;
				}
			}
			if (m->dbl)
				seen_dbl = 1;
		}
		/* what is still open: the outermost may go on */
		if (ns > 0) {
			carry = st[0];
			havecarry = 1;
		}
	}
	if (havecarry)
		unclosed(d, &carry, d->np - 1);
	sort_unless_sorted(d->q, d->nq, sizeof(*d->q), qcmp);
}
