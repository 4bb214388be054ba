/* See LICENSE file for copyright and license details. */
/*
 * match.c - running a pattern over a window: tried, anchored, at each
 * start the openers noted for it; each match goes to the decoder of the
 * pattern's row, which adds the candidates.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "search.h"

/* A new candidate [s, e) of pattern pat and kind, zeroed otherwise;
 * valid until the next add. */
struct cand *
add(struct doc *d, size_t s, size_t e, int pat, int kind)
{
	struct cand *c;

	if (d->nc == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 32;
		d->c = glean_realloc(d->c, d->cap * sizeof *d->c);
	}
	c = &d->c[d->nc++];
	memset(c, 0, sizeof *c);
	c->s = s;
	c->e = e;
	c->pat = pat;
	c->kind = kind;
	return c;
}

/* ---- matching ------------------------------------------------------------ */

/* Does t[s..e) run over the end of a sentence (". The")? */
static int
sentence_break(const char *t, size_t s, size_t e)
{
	size_t i, j;

	for (i = s; i + 1 < e; i++) {
		if (t[i] != '.' && t[i] != '!' && t[i] != '?')
			continue;
		for (j = i + 1; j < e && (t[j] == ' ' || t[j] == '\n'); j++)
			;
		if (j > i + 1 && j < e && isupper((unsigned char)t[j]))
			return 1;
	}
	return 0;
}

/* glean_lower_bound order: is start st before byte *pos? */
static int
start_before(const void *pos, const void *st)
{
	return ((const struct start *)st)->pos < *(const size_t *)pos;
}

/* The index of the first start at or after byte s. */
static size_t
first_start(const struct doc *d, size_t s)
{
	return glean_lower_bound(&s, d->start, d->nstart, sizeof *d->start,
	    start_before);
}

size_t
starts_in(const struct doc *d, size_t s, size_t e, unsigned *pats)
{
	size_t first = first_start(d, s), i;

	*pats = 0;
	for (i = first; i < d->nstart && d->start[i].pos < e; i++)
		*pats |= d->start[i].pats;
	return first;
}

/* Anchored match of pattern p at t[i], the text ending at to, into
 * c->md.  pcre2_jit_match skips the checks of pcre2_match, which cost
 * as much as a failed try; anything but a match or no match (no JIT, a
 * limit) goes the common way. */
static int
match_at(struct ctx *c, int p, const char *t, size_t to, size_t i)
{
	int rc = pcre2_jit_match(c->re[p], (PCRE2_SPTR)t, to, i, 0, c->md,
	    NULL);

	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc > 0)
		return 1;
	return glean_re_match(c->re[p], t, to, i, c->md) > 0;
}

/* Group name of match m (in m->c->md) as [*s, *e), as glean_re_group
 * says, its number remembered: looking it up cost more than many a
 * match.  Returns 0 when the group did not take part. */
int
group(struct match *m, const char *name, size_t *s, size_t *e)
{
	struct ctx *c = m->c;
	int p = m->p;
	struct group_num *g = c->group[p];
	size_t i, h = (size_t)((uintptr_t)name >> 3);
	int k;

	/* filed by the name's address, the next free slot on: most names
	 * are found at their first, not after the names filed before */
	for (i = 0; i < 16; i++, h++)
		if (!g[h & 15].name || g[h & 15].name == name)
			break;
	if (i == 16 || !g[h & 15].name) {
		k = pcre2_substring_number_from_name(c->re[p],
		    (PCRE2_SPTR)name);
		if (i < 16) {
			g[h & 15].name = name;
			g[h & 15].num = k;
		}
	} else
		k = g[h & 15].num;
	return glean_re_span(c->ov, c->nov, k, s, e);
}

/* Is t[i] (i < to) an ASCII digit?  -1 for a byte from 0x80 up, which
 * may start a digit of another script (\d under PCRE2_UCP). */
static int
digit_at(const char *t, size_t to, size_t i)
{
	unsigned char ch;

	if (i >= to)
		return 0;
	ch = (unsigned char)t[i];
	return ch >= 0x80 ? -1 : (unsigned)(ch - '0') < 10;
}

/*
 * The end of the run of at most two ASCII digits at t[i] when one or two
 * stand there and no third (\d{1,2} followed by a separator); 0 when
 * not, SIZE_MAX when a byte from 0x80 up leaves it open.
 */
static size_t
short_digits(const char *t, size_t to, size_t i)
{
	size_t j;
	int dg;

	for (j = i; j < i + 3; j++) {
		if ((dg = digit_at(t, to, j)) < 0)
			return SIZE_MAX;
		if (!dg)
			break;
	}
	return j == i || j == i + 3 ? 0 : j;
}

/*
 * Can pattern p (NUM3 or ISO; any other: yes) match at t[i], the text
 * ending at to?  Only when i opens no weekday (an ASCII digit stands
 * there) is there anything to say, from the digits and separators the
 * expression needs after its first run: NUM3 (?<a>\d{1,2})[-/.]
 * (?<b>\d{1,2})(?:\k<sp>|,)\d, ISO \d{4}[-/.] then \d{1,2}\k<sp>\d or
 * a month name (a letter).  Any byte from 0x80 up where a digit or a
 * letter is asked for says yes, so a "no" is sure: the match attempt
 * it saves could only have failed.
 */
static int
may_match(int p, const char *t, size_t to, size_t i)
{
	size_t j, k;
	unsigned char sp;

	if ((p != P_NUM3 && p != P_ISO) || digit_at(t, to, i) != 1)
		return 1;
	if (p == P_NUM3) {
		j = short_digits(t, to, i);
	} else {
		for (j = i; j < i + 4 && digit_at(t, to, j) == 1; j++)
			;
		if (j < i + 4 && digit_at(t, to, j) < 0)
			return 1;
		j = j == i + 4 ? j : 0;
	}
	if (j == SIZE_MAX)
		return 1;
	if (j == 0 || j >= to || !strchr("-/.", t[j]) || !t[j])
		return 0;
	sp = (unsigned char)t[j];
	if (p == P_ISO && j + 1 < to && ((unsigned char)t[j + 1] >= 0x80 ||
	    c_isalpha((unsigned char)t[j + 1])))
		return 1;	/* a month's name may follow */
	if ((k = short_digits(t, to, j + 1)) == SIZE_MAX)
		return 1;
	if (k == 0 || k >= to || !((unsigned char)t[k] == sp ||
	    (p == P_NUM3 && t[k] == ',')))
		return 0;
	return digit_at(t, to, k + 1) != 0;
}

/* The next match of pattern p at or after off in the window ending at
 * to, tried at the starts of p from *next on. */
static int
next_match(struct ctx *c, const struct doc *d, int p, size_t *next,
    size_t off, size_t to)
{
	for (; *next < d->nstart && d->start[*next].pos < to; ++*next) {
		const struct start *st = &d->start[*next];

		if (st->pos >= off && (st->pats & 1u << p) &&
		    may_match(p, d->t, to, st->pos) &&
		    (!(c->gated >> p & 1) ||
		    gate_may_match(c, p, d->t, to, st->pos)) &&
		    (p != P_RELN || reln_may_match(c, d, to, st->pos)) &&
		    match_at(c, p, d->t, to, st->pos))
			return 1;
	}
	return 0;
}

/*
 * Add the candidates of pattern p in the window [from, to) of d, whose
 * first start is d->start[next] (starts_in): each match, trimmed of a
 * full stop and not over a sentence break, goes to the decoder of p's
 * row.
 */
void
scan_pattern(struct ctx *c, struct doc *d, int p, size_t from, size_t to,
    size_t next)
{
	const char *t = d->t;
	size_t off = from;

	while (off < to && next_match(c, d, p, &next, off, to)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		struct match m = { c, d, p, ov[0], ov[1] };
		struct point a = { 0 };

		off = m.e > m.s ? m.e : m.s + 1;
		/* a full stop after "Jan." or "tues." ends the sentence as
		 * often as the word: leave it out */
		if (m.e > m.s + 1 && t[m.e - 1] == '.')
			m.e--;
		if (sentence_break(t, m.s, m.e))
			continue;
		if (pattern[p].decode(&m, &a))
			add(d, m.s, m.e, p, K_POINT)->a = a;
	}
}
