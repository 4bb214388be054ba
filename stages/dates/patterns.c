/* See LICENSE file for copyright and license details. */
/*
 * patterns.c - the date patterns, one row each: what it matches, its
 * openers, its expression and its decoder, which reads the groups of a
 * match into a candidate.  The rows are listed, in order of preference,
 * by DATE_PATTERNS in dates.h; the table at the end is made from that
 * list.  In the expressions, {X} is a placeholder (context.c expands
 * it: {MON} the month names of the lexicon, {SP} blanks...).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/*
 * The patterns, each with its openers: what the text starts with where
 * a match starts.  A pattern is tried, anchored, only there.  An opener
 * is a word or "{X}", the forms of placeholder X, and "+" (blanks) and
 * more, or not; or digits: "#" any, "#12" one or two, "#4" four, then
 * ":" and the bytes that may follow them ("_" a blank).  A text needs
 * only start with an opener, up to a symbol the openers' trie has not
 * (sym()), and a non-ASCII byte opens every pattern: it may be a digit,
 * a blank or a letter a caseless match takes for an ASCII one.  {DAYN}
 * is "#12", {DAYO} starts with {CARD} or {ORD}, {NUMW} and {DAYC} with
 * {CARD}.  P_RELUNIT and P_THEDAY leave out the starts of the matches
 * scan_pattern drops (no "last", no "the"): none it keeps can start
 * inside one, so the rest come out as before.
 */

/* The groups name, as a calendar year relative to the anchor ("last
 * year") into a; 0 when the group took no part. */
static int
rel_year(struct match *m, const char *name, struct point *a)
{
	size_t s, e;

	if (!group(m, name, &s, &e))
		return 0;
	a->yrel = rel_of(m->c, m->d->t + s, e - s);
	a->hasyrel = 1;
	return 1;
}

/* The year of the match into a: in digits in group "y", else relative
 * to the anchor in group rel ("last year"); 0 when neither took part. */
static int
match_year(struct match *m, const char *rel, struct point *a)
{
	size_t s, e;

	if (group(m, "y", &s, &e)) {
		a->y = atoi(m->d->t + s);
		return 1;
	}
	return rel_year(m, rel, a);
}

/* Add the range a to b over the match; 0, for a decoder to return. */
static int
add_range(struct match *m, const struct point *a, const struct point *b)
{
	struct cand *k = add(m->d, m->s, m->e, m->p, K_RANGE);

	k->a = *a;
	k->b = *b;
	return 0;
}

/* An impossible date ("31 February"): it wins its span and is never
 * emitted.  Returns 0. */
static int
block(struct match *m)
{
	add(m->d, m->s, m->e, m->p, K_POINT)->block = 1;
	return 0;
}

/* The end of the decoders of all-digit dates: a day that is not on the
 * calendar blocks its span (but for NUM2's, which may be no date at
 * all), else a weekday with it is noted. */
static int
numeric_day(struct match *m, struct point *a)
{
	size_t xs, xe;

	if (a->m < 1 || a->m > 12 || a->d < 1 || a->d > mdays(a->y, a->m))
		return m->p != P_NUM2 ? block(m) : 0;
	if (group(m, "wd", &xs, &xe))
		a->wd = wday_of(m->c, m->d->t + xs, xe - xs, NULL);
	return 1;
}

/* Day and month of groups a and b: the day first unless --us-dates,
 * swapped when only that makes a month (13/5). */
static void
day_month(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;
	int x, y, dd, mm;

	group(m, "a", &xs, &xe);
	x = atoi(t + xs);
	group(m, "b", &xs, &xe);
	y = atoi(t + xs);
	if (m->c->usflag)
		mm = x, dd = y;
	else
		dd = x, mm = y;
	if (mm > 12 && dd <= 12) {
		int tmp = mm;

		mm = dd;
		dd = tmp;
	}
	a->m = mm;
	a->d = dd;
}

/* P_ISO 2017-01-24, 2015/08/12, 2019-sep-1, friday 2018-7-6 */
static const char ISO_openers[] = "{WD} #4:-/.";
static const char ISO_src[] =
	"(?<![\\w.,/£$€¥-])"
	"(?:(?<wd>{WD})\\.?,?{SP})?(?<y>\\d{4})(?<sp>[-/.])"
	"(?:(?<m>\\d{1,2})|(?<mon>{MON}))\\k<sp>(?<d>\\d{1,2})"
	"(?!\\w|[.,/-]\\d)";

static int
decode_ISO(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;

	group(m, "y", &xs, &xe);
	a->y = atoi(t + xs);
	if (group(m, "m", &xs, &xe))
		a->m = atoi(t + xs);
	else if (group(m, "mon", &xs, &xe))
		a->m = month_of(m->c, t + xs, xe - xs, NULL);
	group(m, "d", &xs, &xe);
	a->d = atoi(t + xs);
	return numeric_day(m, a);
}

/* P_NUM3 24/01/2017, 9-18-15, 11/12,2016 */
static const char NUM3_openers[] = "{WD} #12:-/.";
static const char NUM3_src[] =
	"(?<![\\w.,/£$€¥-])"
	"(?:(?<wd>{WD})\\.?,?{SP})?(?<a>\\d{1,2})(?<sp>[-/.])"
	"(?<b>\\d{1,2})(?:\\k<sp>|,)(?<y>\\d{4}|\\d{2})(?!\\w|[.,/-]\\d)";

static int
decode_NUM3(struct match *m, struct point *a)
{
	size_t xs, xe;

	day_month(m, a);
	group(m, "y", &xs, &xe);
	a->y = year_of(m->d->t + xs, xe - xs);
	return numeric_day(m, a);
}

/* P_DDM 4-22 January, 2017; 3 and 12 of Sept */
static const char DDM_openers[] = "#12:_-/sSnNrRtTuUaA";
static const char DDM_src[] =
	"(?<![\\w.,/£$€¥-])"
	"(?<d1>{DAYN}){SP0}(?<conn>{CONN}){SP0}(?:the{SP})?"
	"(?<d2>{DAYN})(?:{SP}of{SP}|{SP})(?<mon>{MON})(?:\\.(?!\\w))?"
	"(?:,?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)";

/* DDM and MDD: the days d1 to d2 of a month; MDD's ambiguous month name
 * ("may") needs a capital. */
static int
day_range(struct match *m, struct point *a, int need_capital)
{
	const char *t = m->d->t;
	struct point b = { 0 };
	size_t xs, xe;
	int amb = 0;

	group(m, "mon", &xs, &xe);
	a->m = b.m = month_of(m->c, t + xs, xe - xs, &amb);
	if (amb && !is_upper_at(t, xs) && need_capital)
		return 0;
	group(m, "d1", &xs, &xe);
	a->d = day_of(m->c, t + xs, xe - xs);
	group(m, "d2", &xs, &xe);
	b.d = day_of(m->c, t + xs, xe - xs);
	if (group(m, "y", &xs, &xe))
		a->y = b.y = atoi(t + xs);
	if (a->d < 1 || b.d <= a->d || b.d > mdays(a->y, a->m))
		return 0;
	return add_range(m, a, &b);
}

static int
decode_DDM(struct match *m, struct point *a)
{
	return day_range(m, a, 0);
}

/* P_MDD November 19-20, November between 19 and 20 */
static const char MDD_openers[] = "{MON}";
static const char MDD_src[] =
	"(?<![\\w])(?<mon>{MON})\\.?{SP}(?:{OPEN}{SP})?(?:the{SP})?"
	"(?<d1>{DAYN}){SP0}(?<conn>{CONN}){SP0}(?:the{SP})?(?<d2>{DAYN})"
	"(?:,?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)";

static int
decode_MDD(struct match *m, struct point *a)
{
	return day_range(m, a, 1);
}

/* P_DMY 24 October, 1st jan, fourth of may, 15 june 2016,
 * Wed, 22 of Jan, 17 November last year, 16. nov. 2016 */
static const char DMY_openers[] =
	"{WD} the+#12:_-.sSnNrRtTjJfFmMaAoOdD the+{CARD} the+{ORD} "
	"#12:_-.sSnNrRtTjJfFmMaAoOdD {CARD} {ORD}";
static const char DMY_src[] =
	"(?<![\\w.,])(?:(?<wd>{WD})\\.?,?{SP}(?:the{SP})?)?(?:the{SP})?"
	"(?<day>{DAYN}|{DAYO})(?<of>{SP}of{SP}|{SP0}-{SP0}|\\.?{SP}|)"
	"(?<mon>{MON})(?:\\.(?![\\w]))?"
	"(?:(?:,?{SP}|{SP}of{SP}|-|,)(?<y>\\d{4})(?!\\d)"
	"|{SP}(?<rely>{REL}){SP}year)?(?!\\w)";

/* DMY and MDY: the month and the day (its group starts at *day); 0
 * when either is not one.  *amb: the month name is ambiguous ("may")
 * and in lower case. */
static int
day_and_month(struct match *m, struct point *a, size_t *day, int *amb)
{
	const char *t = m->d->t;
	size_t xs, xe, ye;

	group(m, "mon", &xs, &xe);
	a->m = month_of(m->c, t + xs, xe - xs, amb);
	group(m, "day", day, &ye);
	a->d = day_of(m->c, t + *day, ye - *day);
	*amb = *amb && !is_upper_at(t, xs);
	return a->m >= 1 && a->d >= 1;
}

/* DMY and MDY, once the ambiguous month names are settled: the year,
 * given or relative; an impossible day blocks its span. */
static int
day_month_year(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;

	match_year(m, "rely", a);
	if (a->d > mdays(a->y, a->m))
		return block(m);	/* 31 February: not a date, and not
					 * February */
	if (group(m, "wd", &xs, &xe))
		a->wd = wday_of(m->c, t + xs, xe - xs, NULL);
	return 1;
}

static int
decode_DMY(struct match *m, struct point *a)
{
	size_t day, os, oe;
	int amb = 0;

	if (!day_and_month(m, a, &day, &amb))
		return 0;
	/* "2 may be": a lower-case "may" needs a year or "of" */
	if (amb && !group(m, "y", &os, &oe) && !(group(m, "of", &os, &oe) &&
	    oe - os > 2))
		return 0;
	return day_month_year(m, a);
}

/* P_MDY January 24, 2017; Tuesday, January 24, 2017; april 22;
 * jan-1; May twenty-first; september.15th */
static const char MDY_openers[] = "{WD} {MON}";
static const char MDY_src[] =
	"(?<![\\w])(?:(?<wd>{WD})\\.?,?{SP}(?:the{SP})?)?(?<mon>{MON})"
	"(?:\\.{SP0}|{SP}|-|/|)(?:the{SP})?(?<day>{DAYN}|{DAYO}|{DAYC})"
	"(?!\\w)(?:(?:,{SP0}|{SP}|{SP}of{SP})(?<y>\\d{4})(?!\\d))?";

static int
decode_MDY(struct match *m, struct point *a)
{
	size_t day, os, oe;
	int amb = 0;

	if (!day_and_month(m, a, &day, &amb))
		return 0;
	/* "you may one day": a lower-case "may" needs a digit or a year */
	if (amb && !isdigit((unsigned char)m->d->t[day]) &&
	    !group(m, "y", &os, &oe))
		return 0;
	return day_month_year(m, a);
}

/* P_QUARTER the third quarter of 2016, Q1 */
static const char QUARTER_openers[] =
	"the+{ORD} the+#12:sSnNrRtT {ORD} #12:sSnNrRtT q";
static const char QUARTER_src[] =
	"(?<![\\w])(?:(?:the{SP})?(?<qo>{ORD}|[1-4](?:st|nd|rd|th))"
	"(?:{SP0}-{SP0}|{SP})quarter(?:{SP}of{SP}(?<y>\\d{4})|{SP}(?<y2>\\d{4})"
	"|{SP}(?<rely>{REL}){SP}year)?|Q(?<qn>[1-4])(?:{SP}(?<y3>\\d{4}))?)"
	"(?![\\w-])";

static int
decode_QUARTER(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;

	if (group(m, "qn", &xs, &xe))
		a->q = t[xs] - '0';
	else {
		group(m, "qo", &xs, &xe);
		a->q = day_of(m->c, t + xs, xe - xs);
	}
	if (a->q < 1 || a->q > 4)
		return 0;
	if (group(m, "y", &xs, &xe) || group(m, "y2", &xs, &xe) ||
	    group(m, "y3", &xs, &xe))
		a->y = atoi(t + xs);
	else
		rel_year(m, "rely", a);
	return 1;
}

/* P_YRANGE 2010-2012, 2016-17, 2014 to 2018 */
static const char YRANGE_openers[] = "#4:_-/tTuUaA";
static const char YRANGE_src[] =
	"(?<![\\w.,/£$€¥-])"
	"(?<y1>\\d{4}){SP0}(?<conn>{CONN}){SP0}(?<y2>\\d{4}|\\d{2})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)";

static int
decode_YRANGE(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	struct point b = { 0 };
	size_t xs, xe, s = m->s;

	group(m, "y1", &xs, &xe);
	a->y = atoi(t + xs);
	group(m, "y2", &xs, &xe);
	b.y = atoi(t + xs);
	if (xe - xs == 2)
		b.y += a->y / 100 * 100;
	if (a->y < 1000 || b.y <= a->y || b.y - a->y > 100 || b.y > 2200)
		return 0;
	/* "in 2011 and 2012" is two dates; "between 2011 and 2012" one
	 * range */
	group(m, "conn", &xs, &xe);
	if (t[xs] == 'a' || t[xs] == 'A') {
		size_t os = s > 30 ? s - 30 : 0;

		while (os > 0 && ((unsigned char)t[os] & 0xc0) == 0x80)
			os--;
		if (glean_re_match(m->c->re_open, t, s, os, m->c->md2) <= 0)
			return 0;
	}
	return add_range(m, a, &b);
}

/* P_NUMYM 2016-11, 2016 / 11, 2015.3 */
static const char NUMYM_openers[] = "#4:_-/.";
static const char NUMYM_src[] =
	"(?<![\\w.,/£$€¥-])(?<y>\\d{4}){SP0}(?<sp>[-/.]){SP0}(?<m>\\d{1,2})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)";

/* NUMYM and NUMMY: the year and the month (its group at *ms, *me); 0
 * for a year out of range. */
static int
year_month(struct match *m, struct point *a, size_t *ms, size_t *me)
{
	const char *t = m->d->t;
	size_t xs, xe;

	group(m, "y", &xs, &xe);
	a->y = atoi(t + xs);
	group(m, "m", ms, me);
	a->m = atoi(t + *ms);
	return a->y >= 1000 && a->y <= 2200;
}

static int
decode_NUMYM(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t ys, ye;

	if (!year_month(m, a, &ys, &ye))
		return 0;
	if (t[ys - 1] != '.' && ((ye - ys == 2 && a->m == (a->y + 1) % 100) ||
	    (ye - ys == 1 && a->m == (a->y + 1) % 10))) {
		/* 2016-17, 1924-5: a financial year or a season */
		struct point b = { a->y + 1 };

		a->m = 0;
		a->fiscal = 1;
		return add_range(m, a, &b);
	}
	return a->m >= 1 && a->m <= 12;
}

/* P_NUMMY 11/2016, 3/2015 */
static const char NUMMY_openers[] = "#12:_-/";
static const char NUMMY_src[] =
	"(?<![\\w.,/£$€¥-])(?<m>\\d{1,2}){SP0}[-/]{SP0}(?<y>\\d{4})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)";

static int
decode_NUMMY(struct match *m, struct point *a)
{
	size_t ys, ye;

	return year_month(m, a, &ys, &ye) && a->m >= 1 && a->m <= 12;
}

/* P_MY March 2012, Jan, 2001, this Jan, the month of May,
 * June next year, August 99, early March */
static const char MY_openers[] = "{EDGE} {REL}+ the+month+ month+ {MON}";
static const char MY_src[] =
	"(?<![\\w])(?:(?<edge>{EDGE}){SP0})?(?:(?<rel>{REL}){SP})?"
	"(?:(?<mo>(?:the{SP})?month{SP}of){SP})?(?<mon>{MON})(?:\\.(?!\\w))?"
	"(?:(?:{SP0},{SP0}|{SP}|{SP}of{SP}|-)"
	"(?<y>\\d{4}|'?\\d{2})(?![\\w.,]?\\d)"
	"|{SP}(?<rely>{REL}){SP}year)?(?!\\w)";

/* MY and YM: a month name with a year, a relative year or a word that
 * makes it a date.  *weak: the name is ambiguous ("may") and in lower
 * case. */
static int
month_year(struct match *m, struct point *a, int *weak)
{
	const char *t = m->d->t;
	size_t xs, xe, ys, ye;
	int amb = 0, ctx = 0;

	group(m, "mon", &xs, &xe);
	a->m = month_of(m->c, t + xs, xe - xs, &amb);
	if (!a->m)
		return 0;
	if (group(m, "y", &ys, &ye)) {
		a->y = year_of(t + ys, ye - ys);
		if (ye - ys <= 3 && t[ys] != '\'' && atoi(t + ys) <= 31)
			return 0;
		ctx = 1;
	} else if (rel_year(m, "rely", a))
		ctx = 1;
	if (group(m, "rel", &ys, &ye)) {
		a->yrel = rel_of(m->c, t + ys, ye - ys);
		a->hasyrel = a->yrel != 0;
		ctx = 1;
	}
	if (group(m, "mo", &ys, &ye) || group(m, "edge", &ys, &ye))
		ctx = 1;
	if (amb && !ctx && !(is_upper_at(t, xs) && date_context(m->c, t, xs)))
		return 0;
	*weak = amb && !is_upper_at(t, xs);
	/* "in the past may have": a lower-case "may" or "march" needs a
	 * year */
	return !*weak || group(m, "y", &ys, &ye);
}

static int
decode_MY(struct match *m, struct point *a)
{
	int weak;

	return month_year(m, a, &weak);
}

/* P_YM 2016 November, 2016, nov */
static const char YM_openers[] = "#4:_,jJfFmMaAsSoOnNdD";
static const char YM_src[] =
	"(?<![\\w.,£$€¥])"
	"(?<y>\\d{4}){SP0},?{SP0}(?<mon>{MON})(?:\\.)?(?!\\w)";

static int
decode_YM(struct match *m, struct point *a)
{
	int weak;

	return month_year(m, a, &weak) && !weak;
}

/* P_DECADE the 1970s, the '40s */
static const char DECADE_openers[] = "the+#4:'sS the+#12:'sS the+' #4:'sS";
static const char DECADE_src[] =
	"(?<![\\w])(?:(?:the{SP})?(?<d4>1[0-9]\\d0|20\\d0)['’]?s"
	"|the{SP}['’]?(?<d2>\\d0)['’]?s)(?!\\w)";

static int
decode_DECADE(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;

	if (group(m, "d4", &xs, &xe)) {
		a->y = atoi(t + xs);
		/* "the 1600s": a century (but "the 1900s" and "the 2000s"
		 * are read as decades) */
		if (a->y % 100 == 0 && a->y < 1900)
			a->decade = 10;
	} else {
		group(m, "d2", &xs, &xe);
		a->y = 1900 + atoi(t + xs);
	}
	if (!a->decade)
		a->decade = 1;
	return 1;
}

/* P_SEASON this summer, summer 2016, the spring of 1978 */
static const char SEASON_openers[] =
	"{REL}+ the+{EDGE} the+{SEASON} {EDGE} {SEASON}";
static const char SEASON_src[] =
	"(?<![\\w])(?:(?<rel>{REL}){SP}|(?:the{SP})?(?:(?<edge>{EDGE}){SP0})?)?"
	"(?<season>{SEASON})(?:(?:{SP}of|,)?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)";

static int
decode_SEASON(struct match *m, struct point *a)
{
	const char *t = m->d->t, *sv;
	size_t xs, xe;

	group(m, "season", &xs, &xe);
	sv = word_val(m->c, t + xs, xe - xs, "season");
	if (!sv)
		return 0;
	a->season = strncmp(sv, "SP", 2) == 0 ? 1 :
	    strncmp(sv, "SU", 2) == 0 ? 2 :
	    strncmp(sv, "FA", 2) == 0 ? 3 : 4;
	if (!match_year(m, "rel", a) && sv[2] == '*')
		return 0;
	return 1;
}

/* P_HOL Christmas, last Christmas, Easter 2017 */
static const char HOL_openers[] = "{REL}+ {HOL}";
static const char HOL_src[] =
	"(?<![\\w])(?:(?<rel>{REL}){SP})?(?<hol>{HOL})"
	"(?:{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)";

static int
decode_HOL(struct match *m, struct point *a)
{
	const char *t = m->d->t, *hv;
	struct cand *k;
	size_t xs, xe;

	group(m, "hol", &xs, &xe);
	hv = word_val(m->c, t + xs, xe - xs, "holiday");
	if (!hv)
		return 0;
	match_year(m, "rel", a);
	k = add(m->d, m->s, m->e, m->p, K_POINT);
	k->a = *a;
	if (strncmp(hv, "EASTER", 6) == 0) {
		/* resolved later, when the year is known */
		k->a.m = 3;
		k->a.d = 0;
		k->deic = 1000 + atoi(hv + 6);
	} else {
		k->a.m = atoi(hv);
		k->a.d = atoi(hv + 3);
	}
	return 0;
}

/* P_VAGUE recent months, the coming months */
static const char VAGUE_openers[] = "the+{VAGUE}+ {VAGUE}+";
static const char VAGUE_src[] =
	"(?<![\\w])(?:the{SP})?(?<vq>{VAGUE}){SP}(?<unit>{UNIT})(?!\\w)";

static int
decode_VAGUE(struct match *m, struct point *a)
{
	const char *t = m->d->t, *vv;
	size_t xs, xe, ys, ye;

	(void)a;
	group(m, "vq", &xs, &xe);
	vv = word_val(m->c, t + xs, xe - xs, "vague");
	group(m, "unit", &ys, &ye);
	if (!vv || t[ye - 1] != 's')
		return 0;
	add(m->d, m->s, m->e, m->p, K_VAGUE)->fixed = vv;
	return 0;
}

/* P_RELN six months, the last three years, two months later,
 * five years ago today, less than 18 months, in 3 weeks */
static const char RELN_openers[] =
	"{APPROX}+ the+{REL}+ the+#:._dDwWfFmMyYcC the+{CARD} the+{NUMV}+ "
	"{REL}+ #:._dDwWfFmMyYcC {CARD} {NUMV}+";
static const char RELN_src[] =
	"(?<![\\w-])(?:(?<apx>{APPROX}){SP}(?!the(?!\\w)))?"
	"(?:(?<the>the){SP})?(?:(?<rel>{REL}){SP})?"
	"(?<n>\\d+(?:\\.\\d+)?|{NUMW}|{NUMV})(?:{SP}|(?<=\\d))(?<unit>{UNIT})"
	"(?![\\w-])"
	"(?:{SP}(?<dir>{DIR})(?!\\w)(?:{SP}(?<deic>{DEIC})(?!\\w))?)?";

/*
 * The value of RELN's direction word ("ago", "later"), or NULL.  "Two
 * days before the election" has an anchor that is not a date we know:
 * no direction then, and the match ends before the word.
 */
static const char *
reln_direction(struct match *m)
{
	const char *t = m->d->t, *dirv;
	size_t ds, de, xs, xe, q;

	if (!group(m, "dir", &ds, &de))
		return NULL;
	dirv = word_val(m->c, t + ds, de - ds, "dir");
	if (dirv && strchr(dirv, 'o') && !group(m, "deic", &xs, &xe)) {
		for (q = de; q < m->d->n && t[q] == ' '; q++)
			;
		if (q < m->d->n && (isalnum((unsigned char)t[q]) ||
		    t[q] == '(')) {
			dirv = NULL;
			m->e = ds;
			while (m->e > m->s && isspace((unsigned char)
			    t[m->e - 1]))
				m->e--;
		}
	}
	return dirv;
}

/* RELN with a direction: cnt * mul units of unit before or after the
 * anchor ("ago", "from now") or the date before ("later"). */
static void
reln_relative(struct match *m, const char *dirv, int unit, double cnt,
    int mul)
{
	struct cand *k = add(m->d, m->s, m->e, m->p, K_REL);
	size_t xs, xe;

	k->unit = unit;
	k->n = atoi(dirv) * cnt * mul;
	k->base_prev = strchr(dirv, 'p') != NULL;
	if (group(m, "deic", &xs, &xe)) {
		const char *dv = word_val(m->c, m->d->t + xs, xe - xs,
		    "deictic");

		k->deic = dv ? atoi(dv) : 0;
		k->base_prev = 0;
	}
}

/* RELN without one: a duration ("the last three years", "up to six
 * months"); "a year" alone is none. */
static void
reln_duration(struct match *m, int unit, double cnt, int mul)
{
	const char *t = m->d->t;
	struct cand *k;
	size_t xs, xe, ys, ye;

	group(m, "n", &xs, &xe);
	if (xe - xs <= 2 && (t[xs] == 'a' || t[xs] == 'A') &&
	    !group(m, "rel", &ys, &ye) && !group(m, "apx", &ys, &ye))
		return;
	k = add(m->d, m->s, m->e, m->p, K_DUR);
	k->unit = unit;
	k->n = cnt * mul;
	if (group(m, "rel", &xs, &xe)) {
		k->rel = rel_of(m->c, t + xs, xe - xs);
		if (!k->rel)
			k->rel = -1;
	}
	if (group(m, "apx", &xs, &xe)) {
		struct glean_row *r = lookup(m->c->approx, t + xs, xe - xs,
		    NULL);

		k->mod = r ? r->f[1] : NULL;
		/* "up to" is a bound, left outside as the other mods are */
		if (word_val(m->c, t + xs, xe - xs, "mod")) {
			k->s = xe;
			while (k->s < m->e && isspace((unsigned char)t[k->s]))
				k->s++;
		}
	}
}

static int
decode_RELN(struct match *m, struct point *a)
{
	const char *t = m->d->t, *dirv;
	size_t xs, xe, ys, ye;
	double cnt;
	int u, mul;

	(void)a;
	group(m, "n", &xs, &xe);
	if (glean_parse_number(m->c->nw, t + xs, xe - xs, &cnt) < 0 ||
	    cnt <= 0 || cnt > 10000)
		return 0;
	group(m, "unit", &ys, &ye);
	u = unit_of(m->c, t + ys, ye - ys, &mul);
	if (!u || u == 'E')
		return 0;
	/* "a 30 year low", "a four year deal": adjectives */
	if (cnt != 1 && t[ye - 1] != 's' && t[ye - 1] != 'S')
		return 0;
	if ((dirv = reln_direction(m)) != NULL)
		reln_relative(m, dirv, u, cnt, mul);
	else
		reln_duration(m, u, cnt, mul);
	return 0;
}

/* P_RELUNIT this week, last year, later this month, next week on
 * Friday */
static const char RELUNIT_openers[] = "{EDGE} the+{REL}+ {REL}+";
static const char RELUNIT_src[] =
	"(?<![\\w])(?:(?<edge>{EDGE}){SP0}(?:(?:the|my){SP})?)?"
	"(?:(?<the>the){SP})?(?:(?<rel>{REL}){SP})?(?<unit>{UNIT})(?!\\w)"
	"(?:{SP}(?:on{SP})?(?<wd>{WD})(?!\\w))?";

static int
decode_RELUNIT(struct match *m, struct point *a)
{
	const char *t = m->d->t, *rv;
	struct cand *k;
	size_t xs, xe, ys, ye;
	int r, u, mul;

	(void)a;
	group(m, "unit", &ys, &ye);
	if (t[ye - 1] == 's' || t[ye - 1] == 'S')
		return 0;
	u = unit_of(m->c, t + ys, ye - ys, &mul);
	if (!u)
		return 0;
	if (group(m, "rel", &xs, &xe))
		r = rel_of(m->c, t + xs, xe - xs);
	else if (group(m, "edge", &xs, &xe))
		r = 0;	/* "rest of the week", "end of the month" */
	else
		return 0;
	rv = r < 0 ? word_val(m->c, t + xs, xe - xs, "rel") : NULL;
	if ((mul > 1 && r != 0) || (rv && !strchr(rv, 'p') &&
	    group(m, "the", &ys, &ye))) {
		/* "the last decade": ten years back; "the past year": the
		 * twelve months before */
		k = add(m->d, m->s, m->e, m->p, K_DUR);
		k->unit = u;
		k->n = mul;
		k->rel = r;
		return 0;
	}
	k = add(m->d, m->s, m->e, m->p, K_REL);
	k->unit = u;
	k->n = r * mul;
	k->gran_unit = 1;
	/* "the following year": from the date before */
	if (group(m, "rel", &xs, &xe)) {
		rv = word_val(m->c, t + xs, xe - xs, "rel");
		k->base_prev = rv && strchr(rv, 'p');
	}
	if (group(m, "wd", &xs, &xe) && u == 'W') {
		k->kind = K_POINT;
		k->a.wd = wday_of(m->c, t + xs, xe - xs, NULL);
		k->a.wdrel = r;
		k->a.haswdrel = 1;
	}
	return 0;
}

/* P_RELWD Friday, this Friday, next week Sunday, Friday next week,
 * Friday the 15th, the first Friday of July */
static const char RELWD_openers[] = "{REL}+ the+{ORD}+ {ORD}+ {WD}";
static const char RELWD_src[] =
	"(?<![\\w])(?:(?<rel>{REL}){SP}(?:week{SP})?)?"
	"(?:(?:the{SP})?(?<ord>{ORD}){SP})?(?<wd>{WD})(?:\\.(?!\\w))?"
	"(?:{SP}(?:of{SP})?(?<rel2>{REL}){SP}week(?!\\w)"
	"|{SP}the{SP}(?<day>{DAYN}|{DAYO}|{DAYC})(?!\\w)"
	"|{SP}(?:of|in){SP}(?<omon>{MON}))?(?!\\w)";

static int
decode_RELWD(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe, ys, ye;
	int wamb = 0, ctx = 0;

	group(m, "wd", &xs, &xe);
	a->wd = wday_of(m->c, t + xs, xe - xs, &wamb);
	if (!a->wd)
		return 0;
	if (group(m, "rel", &ys, &ye) || group(m, "rel2", &ys, &ye)) {
		a->wdrel = rel_of(m->c, t + ys, ye - ys);
		a->haswdrel = 1;
		ctx = 1;
	}
	if (group(m, "day", &ys, &ye)) {
		a->d = day_of(m->c, t + ys, ye - ys);
		if (a->d < 1)
			return 0;
		ctx = 1;
	}
	if (group(m, "ord", &ys, &ye)) {
		a->nth = day_of(m->c, t + ys, ye - ys);
		if (a->nth < 1 || a->nth > 5) {
			/* "the tenth Monday": just Monday */
			a->nth = 0;
			m->s = xs;
		} else
			ctx = 1;
	}
	if (wamb && (!is_upper_at(t, xs) || !ctx) &&
	    !(ctx && group(m, "rel", &ys, &ye)))
		return 0;
	if (group(m, "omon", &ys, &ye))
		a->m = month_of(m->c, t + ys, ye - ys, NULL);
	return 1;
}

/* P_DEIC today, yesterday, the day before yesterday */
static const char DEIC_openers[] = "the+day+ day+ {DEIC}";
static const char DEIC_src[] =
	"(?<![\\w])(?:(?:the{SP})?day{SP}(?<ba>{DIR}){SP})?(?<deic>{DEIC})"
	"(?!\\w)";

/* Is the deictic word at t[xs..xe), with a capital at the start of the
 * match, a name: "Today" in mid-sentence, or before "programme" (the
 * BBC radio programme)? */
static int
deictic_name(struct match *m, size_t xs, size_t xe)
{
	const char *t = m->d->t;
	size_t q = xs;

	while (q > 0 && (t[q - 1] == ' ' || t[q - 1] == '\t'))
		q--;
	if (q > 0 && t[q - 1] != '.' && t[q - 1] != '\n' && t[q - 1] != '"' &&
	    t[q - 1] != '!' && t[q - 1] != '?' && t[q - 1] != ':' &&
	    !((unsigned char)t[q - 1] & 0x80) &&
	    !isupper((unsigned char)t[xs + 1]))
		return 1;
	/* into c->md, whose groups decode_DEIC reads after this, as it
	 * always has */
	return glean_re_match(m->c->re_notafter, t, m->d->n, xe,
	    m->c->md) > 0;
}

static int
decode_DEIC(struct match *m, struct point *a)
{
	const char *t = m->d->t, *dv;
	struct cand *k;
	size_t xs, xe, ys, ye;
	int off = 0;

	(void)a;
	group(m, "deic", &xs, &xe);
	dv = word_val(m->c, t + xs, xe - xs, "deictic");
	if (!dv)
		return 0;
	if (is_upper_at(t, xs) && xs == m->s && deictic_name(m, xs, xe))
		return 0;
	if (group(m, "ba", &ys, &ye)) {
		const char *bv = word_val(m->c, t + ys, ye - ys, "dir");

		off = bv ? atoi(bv) : 0;
	}
	k = add(m->d, m->s, m->e, m->p, K_REL);
	k->unit = 'D';
	k->n = atoi(dv) + off;
	return 0;
}

/* P_SET every morning, each year, year on year, every two weeks */
static const char SET_openers[] = "{EVERY}+ {SETP}";
static const char SET_src[] =
	"(?<![\\w])(?:(?<every>{EVERY}){SP}(?:(?<n>\\d+|{NUMW}){SP})?"
	"(?:(?<unit>{UNIT})|(?<pod>{POD})|(?<wd>{WD}))|(?<sp>{SETP}))(?!\\w)";

/* Add a K_SET candidate with the fixed value v, or none for NULL.
 * Returns 0. */
static int
add_set(struct match *m, const char *v)
{
	if (v)
		add(m->d, m->s, m->e, m->p, K_SET)->fixed = v;
	return 0;
}

static int
decode_SET(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	struct cand *k;
	size_t xs, xe;
	double cnt = 1;
	int u, mul;

	(void)a;
	if (group(m, "sp", &xs, &xe))
		return add_set(m, word_val(m->c, t + xs, xe - xs,
		    "setphrase"));
	if (group(m, "n", &xs, &xe) &&
	    glean_parse_number(m->c->nw, t + xs, xe - xs, &cnt) < 0)
		return 0;
	if (group(m, "pod", &xs, &xe))
		return add_set(m, word_val(m->c, t + xs, xe - xs,
		    "partofday"));
	if (group(m, "wd", &xs, &xe)) {
		k = add(m->d, m->s, m->e, m->p, K_SET);
		k->a.wd = wday_of(m->c, t + xs, xe - xs, NULL);
		k->every_wd = 1;
		return 0;
	}
	group(m, "unit", &xs, &xe);
	u = unit_of(m->c, t + xs, xe - xs, &mul);
	if (!u || u == 'E')
		return 0;
	k = add(m->d, m->s, m->e, m->p, K_SET);
	k->unit = u;
	k->n = cnt * mul;
	return 0;
}

/* P_NUM2 on 4/22, 22/04, friday 7.6 */
static const char NUM2_openers[] = "{WD} #12:-/.";
static const char NUM2_src[] =
	"(?<![\\w.,/£$€¥-])(?:(?<wd>{WD}){SP0})?(?<a>\\d{1,2})(?<sp>[-/.])"
	"(?<b>\\d{1,2})(?!\\w|%|[.,/-]?\\d)";

static int
decode_NUM2(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t xs, xe;
	char w[16], sp;

	day_month(m, a);
	group(m, "sp", &xs, &xe);
	sp = t[xs];
	prev_word(t, m->s, w, sizeof w);
	/* 4.22 and 4-22 are times, scores and decimals unless "on"/"in"
	 * says otherwise; 4/22 may follow a few more words */
	if (!group(m, "wd", &xs, &xe) && strcmp(w, "on") != 0 &&
	    strcmp(w, "in") != 0 && (sp != '/' || (strcmp(w, "from") != 0 &&
	    strcmp(w, "to") != 0 && strcmp(w, "by") != 0 &&
	    strcmp(w, "until") != 0 && strcmp(w, "since") != 0 &&
	    !word_row(m->c, w, strlen(w), "connector"))))
		return 0;
	return numeric_day(m, a);
}

/* P_THEDAY the 27th, on 15, the 20th of next month */
static const char THEDAY_openers[] =
	"on+the+#12 on+the+{CARD} on+the+{ORD} on+#12 on+{CARD} on+{ORD} "
	"for+the+#12 for+the+{CARD} for+the+{ORD} for+#12 for+{CARD} "
	"for+{ORD} the+#12 the+{CARD} the+{ORD}";
static const char THEDAY_src[] =
	"(?<![\\w])(?:(?<on>on|for){SP})?(?:(?<the>the){SP})?"
	"(?<day>{DAYN}|{DAYO})(?![.,]?\\d)(?:(?:{SP}of)?{SP}(?<rel>{REL}){SP}"
	"month)?(?={SP0}[.!?,;:)]|{SP0}$)";

static int
decode_THEDAY(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	struct cand *k;
	size_t xs, xe, ys, ye;

	if (!group(m, "on", &xs, &xe) && !group(m, "the", &xs, &xe))
		return 0;
	group(m, "day", &xs, &xe);
	/* "the 27th", "on the second", "on 15"; a bare "the 1" is a
	 * count */
	if ((!isdigit((unsigned char)t[xs]) ||
	    !isalpha((unsigned char)t[xe - 1])) && !group(m, "on", &ys, &ye))
		return 0;
	a->d = day_of(m->c, t + xs, xe - xs);
	if (a->d < 1)
		return 0;
	if (group(m, "rel", &ys, &ye)) {
		k = add(m->d, m->s, m->e, m->p, K_POINT);
		k->a = *a;
		k->unit = 'M';
		k->n = rel_of(m->c, t + ys, ye - ys);
		k->deic = 2000;	/* month relative */
		return 0;
	}
	/* keep "on"/"for" outside the span */
	if (group(m, "on", &ys, &ye)) {
		m->s = ye;
		while (m->s < m->e && isspace((unsigned char)t[m->s]))
			m->s++;
	}
	return 1;
}

/* P_YEAR 2012 */
static const char YEAR_openers[] = "#4";
static const char YEAR_src[] =
	"(?<![\\w.,/£$€¥#-])(?<y>1[0-9]\\d{2}|20\\d{2})"
	"(?!\\w|[.,/:-]?\\d|{SP0}%)";

static int
decode_YEAR(struct match *m, struct point *a)
{
	const char *t = m->d->t;
	size_t n = m->d->n, q = m->e, w0, xs, xe;

	group(m, "y", &xs, &xe);
	a->y = atoi(t + xs);
	/* "2020 pledges", "1500 jobs": a count or a name before a plural
	 * noun */
	while (q < n && (t[q] == ' ' || (unsigned char)t[q] == 0xc2 ||
	    (unsigned char)t[q] == 0xa0))
		q++;
	w0 = q;
	while (q < n && islower((unsigned char)t[q]))
		q++;
	return !(q - w0 > 3 && t[q - 1] == 's' && t[q - 2] != 's' &&
	    t[q - 2] != 'u' && t[q - 2] != 'i' &&
	    (q >= n || !isalpha((unsigned char)t[q])));
}

#define PATTERN_ROW(name, classes, key) \
	{ #name, name##_openers, name##_src, decode_##name, classes, key },

const struct pattern pattern[NPAT] = {
	DATE_PATTERNS(PATTERN_ROW)
};
