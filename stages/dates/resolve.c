/* See LICENSE file for copyright and license details. */
/*
 * resolve.c - from candidates to values: the longest candidates are
 * kept, "A and B", "A to B" joined into ranges, and each point given
 * its value against the anchor (the publication date, given or
 * inferred), in the TIMEX3 forms ("2016-03", "XXXX-WXX-5", "P3M").
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"

static int
cmp_cand(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	int o = glean_span_order(a->s, a->e, b->s, b->e);

	/* at one span, the preferred pattern first */
	return o ? o : a->pat - b->pat;
}

/* Sort the n candidates c by cmp_cand, stably, as glibc's qsort (a
 * merge sort) sorts them: by insertion when they are few, as they
 * mostly are, which costs less than qsort's calls. */
static void
sort_cands(struct cand *c, size_t n)
{
	size_t i, j;

	if (n > 16) {
		qsort(c, n, sizeof *c, cmp_cand);
		return;
	}
	for (i = 1; i < n; i++) {
		struct cand x = c[i];

		for (j = i; j > 0 && cmp_cand(&c[j - 1], &x) > 0; j--)
			c[j] = c[j - 1];
		c[j] = x;
	}
}

/* Keep the longest, leftmost candidates; drop any that overlap. */
void
select_cands(struct doc *d)
{
	size_t i, j, k;

	if (d->nc == 0)
		return;
	sort_cands(d->c, d->nc);
	/* longest first over the whole document */
	for (i = 0; i < d->nc; i++) {
		if (d->c[i].dead)
			continue;
		for (j = i + 1; j < d->nc && d->c[j].s < d->c[i].e; j++) {
			if (d->c[j].dead)
				continue;
			if (d->c[j].e - d->c[j].s > d->c[i].e - d->c[i].s) {
				d->c[i].dead = 1;
				break;
			}
			d->c[j].dead = 1;
		}
	}
	for (i = 0, k = 0; i < d->nc; i++)
		if (!d->c[i].dead && !d->c[i].block)
			d->c[k++] = d->c[i];
	d->nc = k;
}

static int
pointlike(const struct cand *c)
{
	return (c->kind == K_POINT && !c->a.decade && !c->a.q &&
	    !c->a.season) || (c->kind == K_REL && c->unit == 'D');
}

/*
 * Do the neighbours a and b make one range: a connector between them
 * ("to", "-", "and"), and for "and" an opener before a ("between") or
 * parts that need each other ("3 and 4 May")?  *isand: the connector
 * is "and".
 */
static int
may_join(struct ctx *c, struct doc *d, const struct cand *a,
    const struct cand *b, int *isand)
{
	size_t os = a->s > 30 ? a->s - 30 : 0, cs, ce;
	const char *cv;
	int opener = 0;

	if (a->dead || !pointlike(a) || !pointlike(b))
		return 0;
	if (glean_re_match(c->re_conn, d->t, b->s, a->e, c->md) <= 0)
		return 0;
	if (pcre2_get_ovector_pointer(c->md)[1] != b->s)
		return 0;
	glean_re_group(c->re_conn, c->md, "conn", &cs, &ce);
	cv = word_val(c, d->t + cs, ce - cs, "connector");
	*isand = cv && strcmp(cv, "and") == 0;
	while (os > 0 && ((unsigned char)d->t[os] & 0xc0) == 0x80)
		os--;
	if (glean_re_match(c->re_open, d->t, a->s, os, c->md) > 0)
		opener = 1;
	if (a->kind == K_REL || b->kind == K_REL)
		return opener || !*isand;
	if (opener)
		return 1;
	/* bare years joined by "and" stay two dates */
	if (*isand && (a->a.m == 0 || b->a.m == 0))
		return 0;
	if (*isand && a->a.y && b->a.y)
		return 0;
	if ((a->a.d != 0) != (b->a.d != 0) && *isand)
		return 0;
	return !(a->a.m == 0 && b->a.m == 0 && !a->a.y &&
	    !(a->a.wd && b->a.wd));
}

/* The end of a range that candidate k is: its point, or for a day
 * relative to today ("today till tomorrow") that many days. */
static struct point
range_end(const struct cand *k)
{
	struct point p = { 0 };

	if (k->kind != K_REL)
		return k->a;
	p.isdeic = 1;
	p.deicoff = (int)k->n;
	return p;
}

/* Make a the range from a to b (b dies). */
static void
join(struct cand *a, struct cand *b, int isand)
{
	a->a = range_end(a);
	a->b = range_end(b);
	a->kind = K_RANGE;
	a->coord = isand;
	a->as = a->s;
	a->ae = a->e;
	a->bs = b->s;
	a->be = b->e;
	a->e = b->e;
	a->pat = -1;
	b->dead = 1;
	/* a range's first part takes the year of the second */
	if (!a->a.y && !a->a.hasyrel) {
		if (b->a.y) {
			a->a.y = b->a.y - (a->a.m > b->a.m);
		} else if (b->a.hasyrel) {
			a->a.yrel = b->a.yrel;
			a->a.hasyrel = 1;
		}
	}
}

/* Join "A and B", "A - B", "A to B", "A/B" into ranges. */
void
join_ranges(struct ctx *c, struct doc *d)
{
	size_t i, k;
	int isand;

	for (i = 0; i + 1 < d->nc; i++)
		if (may_join(c, d, &d->c[i], &d->c[i + 1], &isand)) {
			join(&d->c[i], &d->c[i + 1], isand);
			i++;
		}
	for (i = 0, k = 0; i < d->nc; i++)
		if (!d->c[i].dead)
			d->c[k++] = d->c[i];
	d->nc = k;
}

/* The anchor's precision: 0 none, 1 year, 2 month, 3 day. */
int
prec(const struct anchor *an)
{
	return !an->y ? 0 : an->d ? 3 : an->m ? 2 : 1;
}

/* Fill a missing year from the anchor: the nearest year that puts the
 * month within eight months before or four after it. */
int
resolve_year(const struct point *p, const struct anchor *an, int *rel)
{
	if (p->y)
		return p->y;
	*rel = 1;
	if (p->hasyrel)
		return an->y ? an->y + p->yrel : 0;
	if (!an->y)
		return 0;
	if (p->m && an->m) {
		int diff = p->m - an->m;

		if (diff > 4)
			return an->y - 1;
		if (diff < -8)
			return an->y + 1;
	}
	return an->y;
}

/* "today" + p->deicoff days, as a range's end, at the anchor's
 * precision. */
static void
fmt_deictic(char *buf, size_t cap, const struct point *p,
    const struct anchor *an)
{
	int yy = an->y, mm = an->m, dd = an->d;

	if (!yy) {
		snprintf(buf, cap, "PRESENT_REF");
		return;
	}
	if (prec(an) == 3)
		shift(&yy, &mm, &dd, 'D', p->deicoff);
	fmt_at(buf, cap, yy, mm, dd, prec(an));
}

/* The nth weekday of p's month ("the second Sunday of May"), or of the
 * anchor's; y: the year resolved. */
static void
fmt_nth_weekday(char *buf, size_t cap, const struct point *p, int y,
    const struct anchor *an)
{
	int m = p->m ? p->m : an->m, dd;

	if (!p->m)
		y = an->y;
	if (!y || !m) {
		if (m)
			snprintf(buf, cap, "XXXX-%02d-WXX-%d-#%d", m, p->wd,
			    p->nth);
		else
			snprintf(buf, cap, "XXXX-XX-WXX-%d-#%d", p->wd, p->nth);
		return;
	}
	dd = 1 + (p->wd - weekday(days_from(y, m, 1)) + 7) % 7 +
	    7 * (p->nth - 1);
	if (dd > mdays(y, m))
		snprintf(buf, cap, "%04d-%02d-WXX-%d-#%d", y, m, p->wd, p->nth);
	else
		snprintf(buf, cap, "%04d-%02d-%02d", y, m, dd);
}

/* A weekday: the one of the anchor's week (or the week "next"/"last"
 * says), else the last one on or before the anchor; *rel set when the
 * anchor gave it. */
static void
fmt_weekday(char *buf, size_t cap, const struct point *p,
    const struct anchor *an, int *rel)
{
	long z;
	int wy, wm, wdd;

	if (prec(an) != 3) {
		if (p->wd >= 0 && cap >= 32) {
			/* snprintf's text without its cost (a weekday of
			 * every bare "Monday" in an undated article) */
			memcpy(buf, "XXXX-WXX-", 9);
			*glean_put_dec(buf + 9, (uint64_t)p->wd) = '\0';
		} else {
			snprintf(buf, cap, "XXXX-WXX-%d", p->wd);
		}
		return;
	}
	z = days_from(an->y, an->m, an->d);
	*rel = 1;
	if (p->haswdrel)
		z += 7 * p->wdrel - weekday(z) + p->wd;
	else
		z -= (weekday(z) - p->wd + 7) % 7;
	civil_from(z, &wy, &wm, &wdd);
	snprintf(buf, cap, "%04d-%02d-%02d", wy, wm, wdd);
}

/*
 * The value of point p0 into buf[0..cap), resolved against the anchor
 * an; *rel is set to 1 when the anchor filled any of it (left alone
 * otherwise).
 */
/* y as snprintf(ys, cap, "%04d", y) writes it (cap >= 5), without its
 * cost for the years of every date. */
static void
fmt_year(char *ys, size_t cap, int y)
{
	if (y < 0 || y > 9999) {
		snprintf(ys, cap, "%04d", y);
		return;
	}
	ys[0] = (char)('0' + y / 1000);
	ys[1] = (char)('0' + y / 100 % 10);
	ys[2] = (char)('0' + y / 10 % 10);
	ys[3] = (char)('0' + y % 10);
	ys[4] = '\0';
}

/* ys, then "-MM" when parts >= 2 and "-DD" when parts >= 3, into buf,
 * the bytes of snprintf "%s-%02d-%02d" (and its shorter forms). */
static void
fmt_parts(char *buf, size_t cap, const char *ys, int m, int d, int parts)
{
	size_t n = strlen(ys);

	if (n + 7 > cap || m < 0 || m > 99 || d < 0 || d > 99) {
		if (parts >= 3)
			snprintf(buf, cap, "%s-%02d-%02d", ys, m, d);
		else if (parts == 2)
			snprintf(buf, cap, "%s-%02d", ys, m);
		else
			snprintf(buf, cap, "%s", ys);
		return;
	}
	memcpy(buf, ys, n);
	if (parts >= 2) {
		buf[n++] = '-';
		buf[n++] = (char)('0' + m / 10);
		buf[n++] = (char)('0' + m % 10);
	}
	if (parts >= 3) {
		buf[n++] = '-';
		buf[n++] = (char)('0' + d / 10);
		buf[n++] = (char)('0' + d % 10);
	}
	buf[n] = '\0';
}

void
fmt_point(char *buf, size_t cap, const struct point *p0,
    const struct anchor *an, int *rel)
{
	struct point p = *p0;
	int y = resolve_year(&p, an, rel);
	char ys[8];

	if (y)
		fmt_year(ys, sizeof ys, y);
	else
		memcpy(ys, "XXXX", 5);
	if (p.isdeic) {
		*rel = 1;
		fmt_deictic(buf, cap, &p, an);
	} else if (p.decade) {
		snprintf(buf, cap, "%04d/%04d", y, y + 10 * p.decade - 1);
	} else if (p.fiscal) {
		snprintf(buf, cap, "%04d", y);
	} else if (p.season) {
		static const char *sc[] = { "", "SP", "SU", "FA", "WI" };

		snprintf(buf, cap, "%s-%s", ys, sc[p.season]);
	} else if (p.q) {
		snprintf(buf, cap, "%s-Q%d", ys, p.q);
	} else if (p.wd && p.nth) {
		*rel = 1;
		fmt_nth_weekday(buf, cap, &p, y, an);
	} else if (p.wd && !p.m && !p.d) {
		fmt_weekday(buf, cap, &p, an, rel);
	} else if (p.d && !p.m) {
		*rel = 1;
		if (an->m)
			snprintf(buf, cap, "%04d-%02d-%02d", an->y, an->m,
			    p.d);
		else
			snprintf(buf, cap, "XXXX-XX-%02d", p.d);
	} else if (p.d) {
		/* 29 February in a year that has none */
		if (y && p.d > mdays(y, p.m))
			snprintf(ys, sizeof ys, "XXXX");
		fmt_parts(buf, cap, ys, p.m, p.d, 3);
	} else {
		fmt_parts(buf, cap, ys, p.m, 0, p.m ? 2 : 1);
	}
}

/* y, m, d at precision pr (1 year, 2 month, 3 day) into buf. */
void
fmt_at(char *buf, size_t cap, int y, int m, int d, int pr)
{
	char ys[16];	/* any int, whole, as "%04d-%02d-%02d" has it */

	fmt_year(ys, sizeof ys, y);
	fmt_parts(buf, cap, ys, m, d, pr >= 3 ? 3 : pr == 2 ? 2 : 1);
}

/* A duration of n units as "P3M", "P1.5Y". */
void
dur_value(char *buf, size_t cap, double n, int unit)
{
	char ns[32];

	if (n >= 1 && n < 1e9 && n == floor(n) && cap >= 16) {
		/* the common case, "P3M", without snprintf */
		char *p = glean_put_dec(buf + 1, (uint64_t)n);

		buf[0] = 'P';
		*p++ = (char)unit;
		*p = '\0';
		return;
	}
	if (n == floor(n))
		snprintf(ns, sizeof ns, "%.0f", n);
	else
		snprintf(ns, sizeof ns, "%g", n);
	snprintf(buf, cap, "P%s%c", ns, unit);
}

/* Read "published" (YYYY, YYYY-MM or YYYY-MM-DD) into an; -1 when it
 * is no calendar date of years 1000-2200. */
int
parse_anchor(const char *s, struct anchor *an)
{
	int y = 0, m = 0, d = 0, n;

	memset(an, 0, sizeof *an);
	if (!s)
		return -1;
	n = sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
	if (n < 1 || y < 1000 || y > 2200)
		return -1;
	if (n >= 2 && (m < 1 || m > 12))
		return -1;
	if (n == 3 && (d < 1 || d > mdays(y, m)))
		return -1;
	an->y = y;
	an->m = n >= 2 ? m : 0;
	an->d = n == 3 ? d : 0;
	return 0;
}

/* A dateline near the top, else the latest absolute date. */
int
infer_anchor(const struct doc *d, struct anchor *an)
{
	size_t i;
	struct anchor best = { 0 };
	int found = 0;

	for (i = 0; i < d->nc; i++) {
		const struct point *p = &d->c[i].a;

		if (d->c[i].kind != K_POINT || !p->y || !p->m || p->hasyrel)
			continue;
		if (d->c[i].s < 600 && p->d) {
			an->y = p->y;
			an->m = p->m;
			an->d = p->d;
			return 0;
		}
		if (!found || p->y > best.y || (p->y == best.y &&
		    (p->m > best.m || (p->m == best.m && p->d > best.d)))) {
			best.y = p->y;
			best.m = p->m;
			best.d = p->d;
			found = 1;
		}
	}
	if (!found)
		return -1;
	*an = best;
	return 0;
}

/*
 * Can a mod form ("since", "up to") end before t[s], blanks between?
 * Only if the word before the blanks is the last word of one (or next
 * to a non-ASCII byte, a blank or letter the pattern may take).
 */
static int
mod_before(const struct ctx *c, const char *t, size_t s)
{
	size_t e = s;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\n'))
		e--;
	if (e > 0 && (unsigned char)t[e - 1] >= 0x80)
		return 1;
	if (e == s)
		return 0;
	return last_word_in(c, LW_MOD, t, e);
}

/* The mod before k ("since", "up to"), from the words before it,
 * unless k has one. */
void
set_mod(struct ctx *c, struct doc *d, struct cand *k)
{
	size_t bs = k->s > 30 ? k->s - 30 : 0, ms, me;

	if (k->mod || !mod_before(c, d->t, k->s))
		return;
	while (bs > 0 && ((unsigned char)d->t[bs] & 0xc0) == 0x80)
		bs--;
	if (glean_re_match(c->re_mod, d->t, k->s, bs, c->md) > 0 &&
	    glean_re_group(c->re_mod, c->md, "mod", &ms, &me))
		k->mod = word_val(c, d->t + ms, me - ms, "mod");
}
