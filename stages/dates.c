/* See LICENSE file for copyright and license details. */
/*
 * glean-dates: find date expressions in each document's text, resolve
 * them against the publication date, and add
 * "dates": [{start, end, text, value, relative, type}] with "mod",
 * "interval" and "parts" where they apply.  Reads "text" and
 * "published" (YYYY, YYYY-MM or YYYY-MM-DD); when "published" is absent
 * it is inferred from the text and written with "published_inferred".
 * Works on the text directly, not on "tokens".  Month and weekday
 * names, units and the other words come from lexicons/.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "glean.h"
#include "numbers.h"
#include "spans.h"

static int usflag;	/* --us-dates: 5/3/18 is May 3 */

enum kind { K_POINT, K_RANGE, K_REL, K_DUR, K_SET, K_VAGUE };

/* Patterns, in order of preference when two give the same span. */
enum pat {
	P_ISO, P_NUM3, P_DDM, P_MDD, P_DMY, P_MDY, P_QUARTER, P_YRANGE,
	P_NUMYM, P_NUMMY, P_MY, P_YM, P_DECADE, P_SEASON, P_HOL, P_VAGUE,
	P_RELN, P_RELUNIT, P_RELWD, P_DEIC, P_SET, P_NUM2, P_THEDAY, P_YEAR,
	NPAT
};

/* A calendar point; 0 = not given. */
struct point {
	int y, m, d;
	int yrel, hasyrel;	/* year given as "last year": anchor + yrel */
	int q;			/* quarter 1-4 */
	int wd;			/* weekday 1-7 (with d: check only) */
	int wdrel, haswdrel;	/* "next Friday": weeks from the anchor */
	int season;		/* index into seasons: 1 SP 2 SU 3 FA 4 WI */
	int decade;		/* y is the first year of a decade */
	int nth;		/* "the second Sunday" (of the month) */
	int isdeic;		/* "today" + deicoff days, as a range end */
	int deicoff;
	int fiscal;		/* y is the first year of a fiscal year */
};

struct cand {
	size_t s, e;		/* bytes */
	int pat, kind;
	struct point a, b;	/* b: end of a range */
	int unit;		/* 'D' 'W' 'M' 'Y'; 'E' weekend */
	double n;		/* count of units (signed for K_REL) */
	int rel;		/* K_DUR: -1 the last N, +1 the next N */
	int base_prev;		/* K_REL: from the previous date */
	int gran_unit;		/* K_REL: value at the unit's precision */
	int deic;		/* K_REL in days from a deictic word */
	const char *fixed;	/* K_SET, K_VAGUE */
	const char *mod;
	int coord;		/* a range joined by "and" */
	size_t as, ae, bs, be;	/* parts of a coordinated range */
	int dead;
	int block;		/* an impossible date: wins its span, is
				 * never emitted */
};

/* The symbols of the openers' trie: 26 letters without case, a run of
 * blanks, an apostrophe. */
enum { SYM_BLANK = 26, SYM_QUOTE, NSYM };

enum { NDIGIT_AFTER = 129 };

struct ctx {
	struct glean_lexicon *months, *wdays, *words, *approx;
	/* the rows of date-words.tsv that row_may_be a word starting with
	 * a byte, in file order */
	struct word_rows {
		size_t *row, n;
	} word_first[256];
	struct glean_numwords *nw;
	pcre2_code *re[NPAT];
	pcre2_code *re_mod, *re_conn, *re_open, *re_notafter;
	/* trigger words (lower case) -> bit set of trigger classes */
	struct trig {
		char w[24];
		unsigned cls;
	} trig[4096];
	/* length, first and last letter of some trigger word: a quick
	 * no for most words of the text */
	unsigned char pre[24][26][26];
	pcre2_match_data *md, *md2;
	/* the numbers of the named groups of the patterns, by the name's
	 * address (the names are literals) */
	struct group_num {
		const char *name;
		int num;
	} group[NPAT][16];
	/* the key forms and their bits; key bits whose forms do not all
	 * start with a letter are ungated: those patterns always run */
	const char *keyform[64];
	unsigned keybit[64];
	size_t nkey;
	unsigned ungated;
	/* the last words of the number-words.tsv forms ("five", "few" of
	 * "a few"): a count of units ends with one or with a digit */
	struct numlast {
		const char *w;
		size_t n;
	} numlast[128];
	size_t nnumlast;
	/* the same for the "mod" forms ("since", "to" of "up to"): a mod
	 * before a date ends with one */
	struct numlast modlast[32];
	size_t nmodlast;
	/* the openers of the patterns, a trie of lower-case letters: a
	 * node's pats are the patterns an opener ending there opens */
	struct opener {
		int kid[NSYM];
		unsigned pats;
		int digits;	/* 1 + the rules for digits here */
		int blank;	/* reached by a run of blanks */
	} *opener;
	size_t nopener;
	/* by byte: may an opener start with it; its symbol (-1: none);
	 * is it an ASCII letter, digit or underscore, which (?<![\w])
	 * cannot follow */
	unsigned char can_open[256];
	signed char sym[256];
	unsigned char word_byte[256];
	/* a run of digits opens pattern pat if its length and the byte
	 * after it fit */
	struct digit_rule {
		int node;
		int len;		/* 0 any, else 12 (one or two) or 4 */
		const char *after;	/* the bytes that may come after,
					 * "_" a blank; "": any */
		size_t nafter;
		unsigned pat;
	} *rule;
	size_t nrule;
	/* the rules of a node as a table: the patterns opened by a run of
	 * one or two, four, or another number of digits, by the ASCII
	 * byte after it (NDIGIT_AFTER - 1: the end of the text) */
	unsigned (*digits)[3][NDIGIT_AFTER];
	size_t ndigits;
};

#define ALL_PATS ((1u << NPAT) - 1)

struct anchor {
	int y, m, d;		/* precision: d ? day : m ? month : year */
};

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [-u] [OPTION]... [FILE]...\n"
	    "Add \"dates\": every date expression, resolved.\n"
	    "\n"
	    "  -u, --us-dates      read 5/3/18 as May 3 (default: 5 March)\n"
	    GLEAN_COMMON_HELP, glean_prog);
	exit(status);
}

/* ---- calendar ----------------------------------------------------------- */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2)
		return y == 0 || leap(y) ? 29 : 28;
	return n[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long
days_from(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday, Monday = 1. */
static int
weekday(long z)
{
	long w = (z + 3) % 7;

	return (int)(w < 0 ? w + 7 : w) + 1;
}

static void
iso_week(long z, int *wy, int *wn)
{
	int y, m, d;
	long thu = z - weekday(z) + 4, jan1;

	civil_from(thu, &y, &m, &d);
	jan1 = days_from(y, 1, 1);
	*wy = y;
	*wn = (int)((thu - jan1) / 7 + 1);
}

/* Easter Sunday (anonymous Gregorian algorithm). */
static void
easter(int y, int *m, int *d)
{
	int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;

	*m = (h + l - 7 * mm + 114) / 31;
	*d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* ---- lexicons ------------------------------------------------------------ */

/* tolower of the C locale, inline: lookup calls it for every row */
static inline int
lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch;
}

/* Is s[0..n) the form of row r, of class cls unless NULL? */
static int
row_is(const struct glean_row *r, const char *s, size_t n, const char *cls)
{
	const char *f = r->f[0];
	size_t j, k;

	if (cls && (r->nf < 2 || strcmp(r->f[1], cls) != 0))
		return 0;
	/* compare case-insensitively; a space matches any blanks */
	for (j = 0, k = 0; f[j] && k < n; j++) {
		if (f[j] == ' ') {
			if (!isspace((unsigned char)s[k]) &&
			    (unsigned char)s[k] != 0xc2)
				break;
			while (k < n && (isspace((unsigned char)s[k]) ||
			    (unsigned char)s[k] == 0xc2 ||
			    (unsigned char)s[k] == 0xa0))
				k++;
			continue;
		}
		if (lower((unsigned char)f[j]) != lower((unsigned char)s[k]))
			break;
		k++;
	}
	return !f[j] && k == n;
}

/* Can row r be the form s[0..n)?  Its first letter rules out most rows,
 * and cheaply. */
static int
row_may_be(const struct glean_row *r, const char *s, size_t n)
{
	const char *f = r->f[0];

	return !n || f[0] == ' ' || lower((unsigned char)f[0]) ==
	    lower((unsigned char)s[0]);
}

static struct glean_row *
lookup(const struct glean_lexicon *lx, const char *s, size_t n,
    const char *cls)
{
	size_t i;

	for (i = 0; i < lx->nrows; i++)
		if (row_may_be(&lx->rows[i], s, n) &&
		    row_is(&lx->rows[i], s, n, cls))
			return &lx->rows[i];
	return NULL;
}


/* ---- patterns ------------------------------------------------------------ */

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
static const struct {
	const char *openers;
	const char *src;
} pattern[NPAT] = {
	/* P_ISO 2017-01-24, 2015/08/12, 2019-sep-1, friday 2018-7-6 */
	{ "{WD} #4:-/.",
	"(?<![\\w.,/£$€¥-])"
	"(?:(?<wd>{WD})\\.?,?{SP})?(?<y>\\d{4})(?<sp>[-/.])"
	"(?:(?<m>\\d{1,2})|(?<mon>{MON}))\\k<sp>(?<d>\\d{1,2})"
	"(?!\\w|[.,/-]\\d)" },
	/* P_NUM3 24/01/2017, 9-18-15, 11/12,2016 */
	{ "{WD} #12:-/.",
	"(?<![\\w.,/£$€¥-])"
	"(?:(?<wd>{WD})\\.?,?{SP})?(?<a>\\d{1,2})(?<sp>[-/.])"
	"(?<b>\\d{1,2})(?:\\k<sp>|,)(?<y>\\d{4}|\\d{2})(?!\\w|[.,/-]\\d)" },
	/* P_DDM 4-22 January, 2017; 3 and 12 of Sept */
	{ "#12:_-/sSnNrRtTuUaA",
	"(?<![\\w.,/£$€¥-])"
	"(?<d1>{DAYN}){SP0}(?<conn>{CONN}){SP0}(?:the{SP})?"
	"(?<d2>{DAYN})(?:{SP}of{SP}|{SP})(?<mon>{MON})(?:\\.(?!\\w))?"
	"(?:,?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)" },
	/* P_MDD November 19-20, November between 19 and 20 */
	{ "{MON}",
	"(?<![\\w])(?<mon>{MON})\\.?{SP}(?:{OPEN}{SP})?(?:the{SP})?"
	"(?<d1>{DAYN}){SP0}(?<conn>{CONN}){SP0}(?:the{SP})?(?<d2>{DAYN})"
	"(?:,?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)" },
	/* P_DMY 24 October, 1st jan, fourth of may, 15 june 2016,
	 * Wed, 22 of Jan, 17 November last year, 16. nov. 2016 */
	{ "{WD} the+#12:_-.sSnNrRtTjJfFmMaAoOdD the+{CARD} the+{ORD} "
	"#12:_-.sSnNrRtTjJfFmMaAoOdD {CARD} {ORD}",
	"(?<![\\w.,])(?:(?<wd>{WD})\\.?,?{SP}(?:the{SP})?)?(?:the{SP})?"
	"(?<day>{DAYN}|{DAYO})(?<of>{SP}of{SP}|{SP0}-{SP0}|\\.?{SP}|)"
	"(?<mon>{MON})(?:\\.(?![\\w]))?"
	"(?:(?:,?{SP}|{SP}of{SP}|-|,)(?<y>\\d{4})(?!\\d)"
	"|{SP}(?<rely>{REL}){SP}year)?(?!\\w)" },
	/* P_MDY January 24, 2017; Tuesday, January 24, 2017; april 22;
	 * jan-1; May twenty-first; september.15th */
	{ "{WD} {MON}",
	"(?<![\\w])(?:(?<wd>{WD})\\.?,?{SP}(?:the{SP})?)?(?<mon>{MON})"
	"(?:\\.{SP0}|{SP}|-|/|)(?:the{SP})?(?<day>{DAYN}|{DAYO}|{DAYC})"
	"(?!\\w)(?:(?:,{SP0}|{SP}|{SP}of{SP})(?<y>\\d{4})(?!\\d))?" },
	/* P_QUARTER the third quarter of 2016, Q1 */
	{ "the+{ORD} the+#12:sSnNrRtT {ORD} #12:sSnNrRtT q",
	"(?<![\\w])(?:(?:the{SP})?(?<qo>{ORD}|[1-4](?:st|nd|rd|th))"
	"(?:{SP0}-{SP0}|{SP})quarter(?:{SP}of{SP}(?<y>\\d{4})|{SP}(?<y2>\\d{4})"
	"|{SP}(?<rely>{REL}){SP}year)?|Q(?<qn>[1-4])(?:{SP}(?<y3>\\d{4}))?)"
	"(?![\\w-])" },
	/* P_YRANGE 2010-2012, 2016-17, 2014 to 2018 */
	{ "#4:_-/tTuUaA",
	"(?<![\\w.,/£$€¥-])"
	"(?<y1>\\d{4}){SP0}(?<conn>{CONN}){SP0}(?<y2>\\d{4}|\\d{2})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)" },
	/* P_NUMYM 2016-11, 2016 / 11, 2015.3 */
	{ "#4:_-/.",
	"(?<![\\w.,/£$€¥-])(?<y>\\d{4}){SP0}(?<sp>[-/.]){SP0}(?<m>\\d{1,2})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)" },
	/* P_NUMMY 11/2016, 3/2015 */
	{ "#12:_-/",
	"(?<![\\w.,/£$€¥-])(?<m>\\d{1,2}){SP0}[-/]{SP0}(?<y>\\d{4})"
	"(?!\\w|[.,/-]?\\d|{SP0}%)" },
	/* P_MY March 2012, Jan, 2001, this Jan, the month of May,
	 * June next year, August 99, early March */
	{ "{EDGE} {REL}+ the+month+ month+ {MON}",
	"(?<![\\w])(?:(?<edge>{EDGE}){SP0})?(?:(?<rel>{REL}){SP})?"
	"(?:(?<mo>(?:the{SP})?month{SP}of){SP})?(?<mon>{MON})(?:\\.(?!\\w))?"
	"(?:(?:{SP0},{SP0}|{SP}|{SP}of{SP}|-)"
	"(?<y>\\d{4}|'?\\d{2})(?![\\w.,]?\\d)"
	"|{SP}(?<rely>{REL}){SP}year)?(?!\\w)" },
	/* P_YM 2016 November, 2016, nov */
	{ "#4:_,jJfFmMaAsSoOnNdD",
	"(?<![\\w.,£$€¥])"
	"(?<y>\\d{4}){SP0},?{SP0}(?<mon>{MON})(?:\\.)?(?!\\w)" },
	/* P_DECADE the 1970s, the '40s */
	{ "the+#4:'sS the+#12:'sS the+' #4:'sS",
	"(?<![\\w])(?:(?:the{SP})?(?<d4>1[0-9]\\d0|20\\d0)['’]?s"
	"|the{SP}['’]?(?<d2>\\d0)['’]?s)(?!\\w)" },
	/* P_SEASON this summer, summer 2016, the spring of 1978 */
	{ "{REL}+ the+{EDGE} the+{SEASON} {EDGE} {SEASON}",
	"(?<![\\w])(?:(?<rel>{REL}){SP}|(?:the{SP})?(?:(?<edge>{EDGE}){SP0})?)?"
	"(?<season>{SEASON})(?:(?:{SP}of|,)?{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)" },
	/* P_HOL Christmas, last Christmas, Easter 2017 */
	{ "{REL}+ {HOL}",
	"(?<![\\w])(?:(?<rel>{REL}){SP})?(?<hol>{HOL})"
	"(?:{SP}(?<y>\\d{4})(?!\\d))?(?!\\w)" },
	/* P_VAGUE recent months, the coming months */
	{ "the+{VAGUE}+ {VAGUE}+",
	"(?<![\\w])(?:the{SP})?(?<vq>{VAGUE}){SP}(?<unit>{UNIT})(?!\\w)" },
	/* P_RELN six months, the last three years, two months later,
	 * five years ago today, less than 18 months, in 3 weeks */
	{ "{APPROX}+ the+{REL}+ the+#:._dDwWfFmMyYcC the+{CARD} the+{NUMV}+ "
	"{REL}+ #:._dDwWfFmMyYcC {CARD} {NUMV}+",
	"(?<![\\w-])(?:(?<apx>{APPROX}){SP}(?!the(?!\\w)))?"
	"(?:(?<the>the){SP})?(?:(?<rel>{REL}){SP})?"
	"(?<n>\\d+(?:\\.\\d+)?|{NUMW}|{NUMV})(?:{SP}|(?<=\\d))(?<unit>{UNIT})"
	"(?![\\w-])"
	"(?:{SP}(?<dir>{DIR})(?!\\w)(?:{SP}(?<deic>{DEIC})(?!\\w))?)?" },
	/* P_RELUNIT this week, last year, later this month, next week on
	 * Friday */
	{ "{EDGE} the+{REL}+ {REL}+",
	"(?<![\\w])(?:(?<edge>{EDGE}){SP0}(?:(?:the|my){SP})?)?"
	"(?:(?<the>the){SP})?(?:(?<rel>{REL}){SP})?(?<unit>{UNIT})(?!\\w)"
	"(?:{SP}(?:on{SP})?(?<wd>{WD})(?!\\w))?" },
	/* P_RELWD Friday, this Friday, next week Sunday, Friday next week,
	 * Friday the 15th, the first Friday of July */
	{ "{REL}+ the+{ORD}+ {ORD}+ {WD}",
	"(?<![\\w])(?:(?<rel>{REL}){SP}(?:week{SP})?)?"
	"(?:(?:the{SP})?(?<ord>{ORD}){SP})?(?<wd>{WD})(?:\\.(?!\\w))?"
	"(?:{SP}(?:of{SP})?(?<rel2>{REL}){SP}week(?!\\w)"
	"|{SP}the{SP}(?<day>{DAYN}|{DAYO}|{DAYC})(?!\\w)"
	"|{SP}(?:of|in){SP}(?<omon>{MON}))?(?!\\w)" },
	/* P_DEIC today, yesterday, the day before yesterday */
	{ "the+day+ day+ {DEIC}",
	"(?<![\\w])(?:(?:the{SP})?day{SP}(?<ba>{DIR}){SP})?(?<deic>{DEIC})"
	"(?!\\w)" },
	/* P_SET every morning, each year, year on year, every two weeks */
	{ "{EVERY}+ {SETP}",
	"(?<![\\w])(?:(?<every>{EVERY}){SP}(?:(?<n>\\d+|{NUMW}){SP})?"
	"(?:(?<unit>{UNIT})|(?<pod>{POD})|(?<wd>{WD}))|(?<sp>{SETP}))(?!\\w)" },
	/* P_NUM2 on 4/22, 22/04, friday 7.6 */
	{ "{WD} #12:-/.",
	"(?<![\\w.,/£$€¥-])(?:(?<wd>{WD}){SP0})?(?<a>\\d{1,2})(?<sp>[-/.])"
	"(?<b>\\d{1,2})(?!\\w|%|[.,/-]?\\d)" },
	/* P_THEDAY the 27th, on 15, the 20th of next month */
	{ "on+the+#12 on+the+{CARD} on+the+{ORD} on+#12 on+{CARD} on+{ORD} "
	"for+the+#12 for+the+{CARD} for+the+{ORD} for+#12 for+{CARD} "
	"for+{ORD} the+#12 the+{CARD} the+{ORD}",
	"(?<![\\w])(?:(?<on>on|for){SP})?(?:(?<the>the){SP})?"
	"(?<day>{DAYN}|{DAYO})(?![.,]?\\d)(?:(?:{SP}of)?{SP}(?<rel>{REL}){SP}"
	"month)?(?={SP0}[.!?,;:)]|{SP0}$)" },
	/* P_YEAR 2012 */
	{ "#4",
	"(?<![\\w.,/£$€¥#-])(?<y>1[0-9]\\d{2}|20\\d{2})"
	"(?!\\w|[.,/:-]?\\d|{SP0}%)" },
};

/* T_DIG: four digits next to "/", "-" or "." (2016-11, 2010-2012);
 * T_YEAR: four digits alone (2012, the 1970s); T_NUMD: 1-2 digits before
 * "/", "-" or "." and a digit; T_ORD: a short number or an ordinal word
 * after "the", "on" or "for", or a short number before "s" (the 70s). */
enum { T_DIG, T_MON, T_WD, T_UNIT, T_DEIC, T_MISC, T_ORD, T_NUMD, T_YEAR,
    NTRIG };

static unsigned
trig_hash(const char *w, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

/* Bits beside the trigger classes: an ambiguous month name ("may"),
 * and a word that can open a unit expression ("last", "three"). */
enum { TB_AMB = 16, TB_CTX = 17 };

/*
 * Key bits: the first word of a form that some pattern cannot match
 * without (a season, a holiday, "every").  The windows of a class are
 * opened by more words than each of its patterns needs ("year" opens
 * the holiday pattern's windows, for "New Year"), so a pattern is only
 * run in a window that holds one of its key forms: the same matches,
 * for less work.
 */
enum { KB_SEASON = 18, KB_HOL, KB_VAGUE, KB_SET, KB_QUARTER, KB_COUNT };
#define KEY_BITS (0x1fu << KB_SEASON)

static const struct {
	const char *cls;	/* lexicon class of date-words.tsv */
	int k;
} key_classes[] = { { "season", KB_SEASON }, { "holiday", KB_HOL },
    { "vague", KB_VAGUE }, { "every", KB_SET }, { "setphrase", KB_SET } };

static void trig_add_word(struct ctx *, const char *, size_t, int);

/* Add every word of form to bit k. */
static void
trig_add_all(struct ctx *c, const char *form, int k)
{
	const char *p = form;
	size_t n;

	while (*p) {
		while (*p && !isalpha((unsigned char)*p))
			p++;
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		/* "the end of": "end" says enough */
		if (n > 3 || (n && strncmp(p, "the", n) != 0 &&
		    strncmp(p, "of", n) != 0))
			trig_add_word(c, p, n, k);
		p += n;
	}
}

/* Add key form for bit k: its first word to the trigger words. */
static void
trig_add_key(struct ctx *c, const char *form, int k)
{
	size_t n;

	for (n = 0; isalpha((unsigned char)form[n]); n++)
		;
	if (!n || n >= sizeof c->trig[0].w ||
	    c->nkey == sizeof c->keyform / sizeof c->keyform[0]) {
		c->ungated |= 1u << k;
		return;
	}
	trig_add_word(c, form, n, k);
	c->keyform[c->nkey] = form;
	c->keybit[c->nkey++] = 1u << k;
}

/* Note the last word of the number form. */
static void
add_numlast(struct ctx *c, const char *form)
{
	size_t e = strlen(form), b;

	while (e > 0 && !isalpha((unsigned char)form[e - 1]))
		e--;
	for (b = e; b > 0 && isalpha((unsigned char)form[b - 1]); b--)
		;
	if (b < e && c->nnumlast < sizeof c->numlast / sizeof c->numlast[0]) {
		c->numlast[c->nnumlast].w = form + b;
		c->numlast[c->nnumlast++].n = e - b;
	}
}

/* Note the last word of the mod form; a form that ends with no letter
 * fills the list, which then says yes to any word. */
static void
add_modlast(struct ctx *c, const char *form)
{
	size_t e = strlen(form), b, cap = sizeof c->modlast /
	    sizeof c->modlast[0];

	for (b = e; b > 0 && isalpha((unsigned char)form[b - 1]); b--)
		;
	if (b == e)
		c->nmodlast = cap;
	if (c->nmodlast < cap) {
		c->modlast[c->nmodlast].w = form + b;
		c->modlast[c->nmodlast++].n = e - b;
	}
}

/* Add the longest word of form (letters only, lower-cased) to class k. */
static void
trig_add(struct ctx *c, const char *form, int k)
{
	const char *p = form, *best = NULL;
	size_t bn = 0, n;

	while (*p) {
		while (*p && !isalpha((unsigned char)*p))
			p++;
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		if (n > bn) {
			best = p;
			bn = n;
		}
		p += n;
	}
	if (best)
		trig_add_word(c, best, bn, k);
}

static void
trig_add_word(struct ctx *c, const char *best, size_t bn, int k)
{
	size_t i, n;
	unsigned h;

	if (bn >= sizeof c->trig[0].w || bn == 0)
		return;
	c->pre[bn][(best[0] | 0x20) - 'a'][(best[bn - 1] | 0x20) - 'a'] = 1;
	h = trig_hash(best, bn);
	for (i = 0; i < 4096; i++) {
		struct trig *t = &c->trig[(h + i) & 4095];

		if (!t->w[0]) {
			for (n = 0; n < bn; n++)
				t->w[n] = (char)tolower((unsigned char)best[n]);
			t->w[bn] = '\0';
		}
		if (strlen(t->w) == bn && strncasecmp(t->w, best, bn) == 0) {
			t->cls |= 1u << k;
			return;
		}
	}
}

/* Could the word w[0..n) of ASCII letters be a trigger word? */
static inline int
trig_maybe(const struct ctx *c, const char *w, size_t n)
{
	return n < sizeof c->trig[0].w && c->pre[n][(w[0] | 0x20) - 'a']
	    [(w[n - 1] | 0x20) - 'a'];
}

static unsigned
trig_find(const struct ctx *c, const char *w, size_t n)
{
	char lw[24];
	size_t i;
	unsigned h;
	int a, z;

	if (n >= sizeof lw || n == 0)
		return 0;
	a = (w[0] | 0x20) - 'a';
	z = (w[n - 1] | 0x20) - 'a';
	if (a < 0 || a > 25 || z < 0 || z > 25 || !c->pre[n][a][z])
		return 0;
	/* trig_hash of the lower-cased word, as it goes */
	h = 2166136261u;
	for (i = 0; i < n; i++) {
		lw[i] = (char)lower((unsigned char)w[i]);
		h = (h ^ (unsigned char)lw[i]) * 16777619u;
	}
	for (i = 0; i < 4096; i++) {
		const struct trig *t = &c->trig[(h + i) & 4095];

		if (!t->w[0])
			return 0;
		if (memcmp(t->w, lw, n) == 0 && t->w[n] == '\0')
			return t->cls;
	}
	return 0;
}

static void
trig_init(struct ctx *c)
{
	static const struct {
		const char *cls;
		int k;
	} wc[] = { { "unit", T_UNIT }, { "setphrase", T_UNIT },
	    { "partofday", T_UNIT }, { "deictic", T_DEIC },
	    { "season", T_MISC }, { "holiday", T_MISC }, { "vague", T_MISC } };
	size_t i, j;

	for (i = 0; i < c->months->nrows; i++) {
		trig_add(c, c->months->rows[i].f[0], T_MON);
		if (atoi(c->months->rows[i].f[2]))
			trig_add(c, c->months->rows[i].f[0], TB_AMB);
	}
	/* words that must come before a unit for it to make a date:
	 * "the last three years", "every week", "recent months" (a
	 * qualifier, "less than", always comes with a number) */
	for (i = 0; i < c->words->nrows; i++)
		if (strcmp(c->words->rows[i].f[1], "rel") == 0 ||
		    strcmp(c->words->rows[i].f[1], "edge") == 0 ||
		    strcmp(c->words->rows[i].f[1], "every") == 0 ||
		    strcmp(c->words->rows[i].f[1], "vague") == 0)
			trig_add_all(c, c->words->rows[i].f[0], TB_CTX);
	for (i = 0; i < c->nw->lx->nrows; i++)
		if (strcmp(c->nw->lx->rows[i].f[2], "ord") != 0)
			trig_add_all(c, c->nw->lx->rows[i].f[0], TB_CTX);
	for (i = 0; i < c->wdays->nrows; i++)
		trig_add(c, c->wdays->rows[i].f[0], T_WD);
	for (i = 0; i < c->words->nrows; i++)
		for (j = 0; j < sizeof wc / sizeof wc[0]; j++)
			if (strcmp(c->words->rows[i].f[1], wc[j].cls) == 0)
				trig_add(c, c->words->rows[i].f[0], wc[j].k);
	for (i = 0; i < c->nw->lx->nrows; i++)
		if (strcmp(c->nw->lx->rows[i].f[2], "ord") == 0)
			trig_add(c, c->nw->lx->rows[i].f[0], T_ORD);
	/* the word P_QUARTER spells out */
	trig_add(c, "quarter", T_MISC);
	trig_add(c, "quarter", KB_QUARTER);
	for (i = 0; i < c->nw->lx->nrows; i++)
		add_numlast(c, c->nw->lx->rows[i].f[0]);
	for (i = 0; i < c->words->nrows; i++)
		if (strcmp(c->words->rows[i].f[1], "mod") == 0)
			add_modlast(c, c->words->rows[i].f[0]);
	for (i = 0; i < c->words->nrows; i++)
		for (j = 0; j < sizeof key_classes / sizeof key_classes[0]; j++)
			if (strcmp(c->words->rows[i].f[1], key_classes[j].cls)
			    == 0)
				trig_add_key(c, c->words->rows[i].f[0],
				    key_classes[j].k);
}

/* The symbol of ch; -1 for one the trie has not. */
static int
sym(unsigned char ch)
{
	if ((unsigned)((ch | 0x20) - 'a') < 26)
		return (ch | 0x20) - 'a';
	if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
		return SYM_BLANK;
	return ch == '\'' ? SYM_QUOTE : -1;
}

/* The node under node k for symbol y, made if new. */
static int
opener_kid(struct ctx *c, int k, int y)
{
	if (!c->opener[k].kid[y]) {
		c->opener = glean_realloc(c->opener, (c->nopener + 1) *
		    sizeof *c->opener);
		memset(&c->opener[c->nopener], 0, sizeof *c->opener);
		c->opener[c->nopener].blank = y == SYM_BLANK;
		c->opener[k].kid[y] = (int)c->nopener++;
	}
	return c->opener[k].kid[y];
}

static void opener_add(struct ctx *, int, int, const char *);

/*
 * Add the form w[0..n) under node k, then the rest of the opener after
 * it, o; "+" is a run of blanks.  Where the form has a symbol the trie
 * has not, it ends, and p opens there: the text need only start with
 * what the trie has.
 */
static void
opener_add_form(struct ctx *c, int p, int k, const char *w, size_t n,
    const char *o)
{
	size_t i;
	int y;

	for (i = 0; i < n; i++) {
		if ((y = sym((unsigned char)w[i])) < 0) {
			c->opener[k].pats |= 1u << p;
			return;
		}
		/* a run of blanks is one symbol */
		if (y != SYM_BLANK || !c->opener[k].blank)
			k = opener_kid(c, k, y);
	}
	if (*o == '+') {
		if (!c->opener[k].blank)
			k = opener_kid(c, k, SYM_BLANK);
		o++;
	}
	if (*o && *o != ' ')
		opener_add(c, p, k, o);
	else
		c->opener[k].pats |= 1u << p;
}

/*
 * Add the opener o (up to a blank) of pattern p under node k: a word,
 * "{X}" the forms of placeholder X, "#" digits ("#12" one or two, "#4"
 * four), each followed by "+" and more, or not.
 */
static void
opener_add(struct ctx *c, int p, int k, const char *o)
{
	static const struct {
		const char *name;
		int lex;		/* 0 months, 1 weekdays, 2 approx,
					 * 3 date words, 4 number words */
		const char *cls;	/* NULL: every form */
	} ph[] = { { "MON", 0, NULL }, { "WD", 1, NULL },
	    { "APPROX", 2, NULL }, { "UNIT", 3, "unit" }, { "REL", 3, "rel" },
	    { "DEIC", 3, "deictic" }, { "SEASON", 3, "season" },
	    { "HOL", 3, "holiday" }, { "VAGUE", 3, "vague" },
	    { "EDGE", 3, "edge" }, { "EVERY", 3, "every" },
	    { "SETP", 3, "setphrase" }, { "CARD", 4, "card" },
	    { "ORD", 4, "ord" }, { "NUMV", 4, "vague" } };
	const struct glean_lexicon *lx[] = { c->months, c->wdays, c->approx,
	    c->words, c->nw->lx };
	size_t n = strcspn(o, "+ "), i, j, col;

	if (*o == '#') {
		struct digit_rule *r;

		c->rule = glean_realloc(c->rule, (c->nrule + 1) *
		    sizeof *c->rule);
		r = &c->rule[c->nrule++];
		r->len = atoi(o + 1);
		r->after = o + 1 + strspn(o + 1, "0123456789");
		r->after += *r->after == ':';
		r->nafter = (size_t)(o + n - r->after);
		r->pat = 1u << p;
		r->node = k;
		return;
	}
	if (*o != '{') {
		opener_add_form(c, p, k, o, n, o + n);
		return;
	}
	for (i = 0; i < sizeof ph / sizeof ph[0]; i++)
		if (strlen(ph[i].name) == n - 2 &&
		    strncmp(ph[i].name, o + 1, n - 2) == 0)
			break;
	if (i == sizeof ph / sizeof ph[0])
		glean_die(GLEAN_EXIT_FATAL, "date openers: unknown %.*s",
		    (int)n, o);
	col = ph[i].lex == 4 ? 2 : 1;
	for (j = 0; j < lx[ph[i].lex]->nrows; j++) {
		const struct glean_row *r = &lx[ph[i].lex]->rows[j];

		if (!ph[i].cls || (r->nf > col && !strcmp(r->f[col],
		    ph[i].cls)))
			opener_add_form(c, p, k, r->f[0], strlen(r->f[0]),
			    o + n);
	}
}

/* Does the byte after a run of digits, ch (NDIGIT_AFTER - 1: none),
 * fit the rule's bytes? */
static int
digit_after(const struct digit_rule *r, int ch)
{
	if (!r->nafter || ch == NDIGIT_AFTER - 1)
		return 1;
	if (sym((unsigned char)ch) == SYM_BLANK)
		ch = '_';
	return memchr(r->after, ch, r->nafter) != NULL;
}

/* Turn the digit rules into the nodes' tables. */
static void
digit_tables(struct ctx *c)
{
	static const int lens[3] = { 12, 4, -1 };
	size_t i;
	int l, ch;

	for (i = 0; i < c->nrule; i++) {
		const struct digit_rule *r = &c->rule[i];
		struct opener *o = &c->opener[r->node];

		if (!o->digits) {
			c->digits = glean_realloc(c->digits, (c->ndigits + 1) *
			    sizeof *c->digits);
			memset(c->digits[c->ndigits], 0, sizeof *c->digits);
			o->digits = (int)++c->ndigits;
		}
		for (l = 0; l < 3; l++)
			for (ch = 0; ch < NDIGIT_AFTER; ch++)
				if ((!r->len || r->len == lens[l]) &&
				    digit_after(r, ch))
					c->digits[o->digits - 1][l][ch] |=
					    r->pat;
	}
	free(c->rule);
	c->rule = NULL;
	c->nrule = 0;
}

static void
openers_init(struct ctx *c)
{
	const char *o;
	int p, b;

	c->opener = glean_calloc(1, sizeof *c->opener);
	c->nopener = 1;
	for (p = 0; p < NPAT; p++) {
		/* starts are looked for after a non-word only */
		if (strncmp(pattern[p].src, "(?<![\\w", 7) != 0)
			glean_die(GLEAN_EXIT_FATAL, "date pattern %d does not "
			    "start with (?<![\\w", p);
		for (o = pattern[p].openers; *o; o += strcspn(o, " ")) {
			while (*o == ' ')
				o++;
			opener_add(c, p, 0, o);
		}
	}
	digit_tables(c);
	for (b = 0; b < 256; b++) {
		c->sym[b] = (signed char)sym((unsigned char)b);
		c->can_open[b] = c->opener[0].pats || (b >= 0x80 ?
		    (b & 0xc0) != 0x80 : (unsigned)(b - '0') < 10 ?
		    c->opener[0].digits : c->sym[b] >= 0 &&
		    c->opener[0].kid[c->sym[b]]);
		c->word_byte[b] = isalnum(b) || b == '_';
	}
}

/* The patterns the digits at t[i] open after trie node k. */
static unsigned
openers_digits(const struct ctx *c, int k, const char *t, size_t n,
    size_t i)
{
	size_t j = i;

	if (!c->opener[k].digits)
		return 0;
	while (j < n && isdigit((unsigned char)t[j]))
		j++;
	/* a non-ASCII digit may go on with the run */
	if (j < n && (unsigned char)t[j] >= 0x80)
		return ALL_PATS;
	return c->digits[c->opener[k].digits - 1][j - i <= 2 ? 0 :
	    j - i == 4 ? 1 : 2][j < n ? (unsigned char)t[j] :
	    NDIGIT_AFTER - 1];
}

/* The patterns an opener at t[i], a character's first byte, could
 * start; the text ends at n. */
static unsigned
openers_at(const struct ctx *c, const char *t, size_t n, size_t i)
{
	unsigned pats = c->opener[0].pats;
	int k = 0, y;

	while (i < n) {
		unsigned char ch = (unsigned char)t[i];

		/* a digit, a blank or a letter a caseless match may take
		 * for an ASCII one (the long s for "s") */
		if (ch >= 0x80)
			return ALL_PATS;
		if ((unsigned)(ch - '0') < 10)
			return pats | openers_digits(c, k, t, n, i);
		if ((y = c->sym[ch]) < 0 || !(k = c->opener[k].kid[y]))
			break;
		i++;
		if (y == SYM_BLANK)
			while (i < n &&
			    c->sym[(unsigned char)t[i]] == SYM_BLANK)
				i++;
		pats |= c->opener[k].pats;
	}
	return pats;
}

static char *
alt(const struct glean_lexicon *lx, const char *cls)
{
	return glean_lex_trie(lx, 0, 1, cls);
}

static void
word_rows_init(struct ctx *c)
{
	size_t i, b;

	for (b = 0; b < 256; b++) {
		struct word_rows *ix = &c->word_first[b];
		char ch = (char)b;

		ix->row = glean_malloc((c->words->nrows + 1) *
		    sizeof *ix->row);
		for (i = 0; i < c->words->nrows; i++)
			if (row_may_be(&c->words->rows[i], &ch, 1))
				ix->row[ix->n++] = i;
	}
}

static void
ctx_init(struct ctx *c, const char *lexdir)
{
	static const char *names[] = { "MON", "WD", "UNIT", "REL", "DEIC",
	    "DIR", "SEASON", "HOL", "VAGUE", "EDGE", "EVERY", "SETP", "POD",
	    "CONN", "OPEN", "APPROX", "ORD", "CARD", "NUMW", "NUMV", "DAYN",
	    "DAYO", "DAYC", "SP", "SP0", "MOD", "NOTAFTER" };
	enum { NN = sizeof names / sizeof names[0] };
	char *v[NN];
	const char *cv[NN];
	char *pat;
	size_t i;

	memset(c, 0, sizeof *c);

	c->months = glean_lexicon_load(lexdir, "months.tsv", 3);
	c->wdays = glean_lexicon_load(lexdir, "weekdays.tsv", 3);
	c->words = glean_lexicon_load(lexdir, "date-words.tsv", 3);
	c->approx = glean_lexicon_load(lexdir, "approx.tsv", 2);
	c->nw = glean_numwords_load(lexdir);
	word_rows_init(c);

	v[0] = glean_lex_trie(c->months, 0, 0, NULL);
	v[1] = glean_lex_trie(c->wdays, 0, 0, NULL);
	v[2] = alt(c->words, "unit");
	v[3] = alt(c->words, "rel");
	v[4] = alt(c->words, "deictic");
	v[5] = alt(c->words, "dir");
	v[6] = alt(c->words, "season");
	v[7] = alt(c->words, "holiday");
	v[8] = alt(c->words, "vague");
	v[9] = alt(c->words, "edge");
	v[10] = alt(c->words, "every");
	v[11] = alt(c->words, "setphrase");
	v[12] = alt(c->words, "partofday");
	v[13] = alt(c->words, "connector");
	v[14] = alt(c->words, "opener");
	v[15] = glean_lex_trie(c->approx, 0, 0, NULL);
	v[16] = glean_lex_trie(c->nw->lx, 0, 2, "ord");
	v[17] = glean_lex_trie(c->nw->lx, 0, 2, "card");
	v[25] = alt(c->words, "mod");
	v[26] = alt(c->words, "notafter");
	for (i = 0; i < NN; i++)
		cv[i] = v[i];
	/* blanks with at most one line break: a date never runs over a
	 * paragraph break */
	cv[23] = "(?:[ \\t\\x{a0}]+\\n?[ \\t\\x{a0}]*|\\n[ \\t\\x{a0}]*)";
	cv[24] = "[ \\t\\x{a0}]*\\n?[ \\t\\x{a0}]*";
	v[18] = glean_re_expand("(?:{CARD}(?:(?:{SP}|-)(?:and{SP})?"
	    "(?:{CARD}|hundred|half|quarter))*(?:{SP}and{SP}an?{SP}half)?)",
	    names, cv, NN);
	cv[18] = v[18];
	v[19] = glean_lex_trie(c->nw->lx, 0, 2, "vague");
	cv[19] = v[19];
	v[20] = glean_strdup("(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
	    "(?![\\d])");
	cv[20] = v[20];
	v[21] = glean_re_expand("(?:(?:{CARD}(?:{SP}|-))?{ORD})", names, cv,
	    NN);
	cv[21] = v[21];
	v[22] = glean_re_expand("(?:{CARD}(?:(?:{SP}|-){CARD})?)", names, cv,
	    NN);
	cv[22] = v[22];
	v[23] = v[24] = NULL;
	for (i = 0; i < NPAT; i++) {
		char what[32];

		snprintf(what, sizeof what, "date pattern %zu", i);
		pat = glean_re_expand(pattern[i].src, names, cv, NN);
		/* tried only where the openers say, each start alone */
		c->re[i] = glean_re_compile(pat, PCRE2_CASELESS |
		    PCRE2_ANCHORED, what);
		free(pat);
	}
	pat = glean_re_expand("(?<!\\w)(?<mod>{MOD}){SP}$", names, cv, NN);
	c->re_mod = glean_re_compile(pat, PCRE2_CASELESS, "date mod");
	free(pat);
	pat = glean_re_expand("{SP0}(?<conn>{CONN}){SP0}", names, cv, NN);
	c->re_conn = glean_re_compile(pat, PCRE2_CASELESS | PCRE2_ANCHORED,
	    "date connector");
	free(pat);
	pat = glean_re_expand("(?<!\\w)(?<open>{OPEN}){SP}$", names, cv, NN);
	c->re_open = glean_re_compile(pat, PCRE2_CASELESS, "date opener");
	free(pat);
	pat = glean_re_expand("{SP}(?:{NOTAFTER})(?!\\w)", names, cv, NN);
	c->re_notafter = glean_re_compile(pat, PCRE2_CASELESS | PCRE2_ANCHORED,
	    "date notafter");
	free(pat);
	trig_init(c);
	openers_init(c);
	c->md = pcre2_match_data_create(64, NULL);
	c->md2 = pcre2_match_data_create(64, NULL);
	for (i = 0; i < NN; i++)
		free(v[i]);
}

static void
ctx_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < NPAT; i++)
		pcre2_code_free(c->re[i]);
	pcre2_code_free(c->re_mod);
	pcre2_code_free(c->re_conn);
	pcre2_code_free(c->re_open);
	pcre2_code_free(c->re_notafter);
	pcre2_match_data_free(c->md);
	pcre2_match_data_free(c->md2);
	for (i = 0; i < 256; i++)
		free(c->word_first[i].row);
	glean_lexicon_free(c->months);
	glean_lexicon_free(c->wdays);
	glean_lexicon_free(c->words);
	glean_lexicon_free(c->approx);
	glean_numwords_free(c->nw);
	free(c->opener);
	free(c->digits);
}

/* ---- reading the parts of a match ---------------------------------------- */

struct doc {
	const char *t;
	size_t n;
	struct cand *c;
	size_t nc, cap;
	struct start {
		size_t pos;	/* where patterns may start */
		unsigned pats;	/* which */
	} *start;		/* in the windows, in text order */
	size_t nstart, startcap;
	struct closed {
		size_t s, e;
		int cls;
		unsigned keys;	/* the key bits of the window when closed */
	} *closed;		/* windows to run the patterns of */
	size_t nclosed, closedcap;
	struct key_hit {
		size_t pos;	/* where a key form starts */
		unsigned bit;
	} *hit;			/* in text order */
	size_t nhit, hitcap;
};

static struct cand *
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

static int
num(const struct ctx *c, const char *s, size_t n)
{
	double v;

	if (glean_parse_number(c->nw, s, n, &v) < 0 || v < 0 || v > 1e6)
		return -1;
	return (int)v;
}

/* A day of the month: "24", "1st", "twenty-first", "fifteen". */
static int
day_of(const struct ctx *c, const char *s, size_t n)
{
	size_t k = n;
	int v;

	if (n >= 3 && isdigit((unsigned char)s[0]) &&
	    isalpha((unsigned char)s[n - 1]))
		k = n - 2;
	v = num(c, s, k);
	if (v < 0 && n > 2) {
		/* ordinal compounds: "twenty-first", "thirty first" */
		size_t i = n;
		double o;

		while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-')
			i--;
		o = glean_numword(c->nw, s + i, n - i, "ord", NULL);
		if (o < 0)
			return -1;
		v = (int)o;
		if (i > 0) {
			int t = num(c, s, i - 1);

			if (t < 0)
				return -1;
			v += t;
		}
	}
	return v >= 1 && v <= 31 ? v : -1;
}

static int
month_of(const struct ctx *c, const char *s, size_t n, int *ambiguous)
{
	struct glean_row *r = lookup(c->months, s, n, NULL);

	if (!r)
		return 0;
	if (ambiguous)
		*ambiguous = atoi(r->f[2]);
	return atoi(r->f[1]);
}

static int
wday_of(const struct ctx *c, const char *s, size_t n, int *ambiguous)
{
	struct glean_row *r = lookup(c->wdays, s, n, NULL);

	if (!r)
		return 0;
	if (ambiguous)
		*ambiguous = atoi(r->f[2]);
	return atoi(r->f[1]);
}

/* lookup() in date-words.tsv. */
static struct glean_row *
word_row(const struct ctx *c, const char *s, size_t n, const char *cls)
{
	const struct word_rows *ix;
	size_t i;

	if (!n)
		return lookup(c->words, s, n, cls);
	ix = &c->word_first[(unsigned char)s[0]];
	for (i = 0; i < ix->n; i++)
		if (row_is(&c->words->rows[ix->row[i]], s, n, cls))
			return &c->words->rows[ix->row[i]];
	return NULL;
}

static const char *
word_val(const struct ctx *c, const char *s, size_t n, const char *cls)
{
	struct glean_row *r = word_row(c, s, n, cls);

	return r ? r->f[2] : NULL;
}

/* Four-digit year, or two digits read as 19xx/20xx (window at 50). */
static int
year_of(const char *s, size_t n)
{
	int y;

	if (n && (s[0] == '\'' || s[0] == '`'))
		s++, n--;
	if (n != 2 && n != 4)
		return -1;
	y = atoi(s);
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	return y;
}

static int
is_upper_at(const char *t, size_t i)
{
	return isupper((unsigned char)t[i]);
}

/* The word before byte s (lower-cased into buf). */
static void
prev_word(const char *t, size_t s, char *buf, size_t cap)
{
	size_t e = s, b;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\n'))
		e--;
	b = e;
	while (b > 0 && isalpha((unsigned char)t[b - 1]))
		b--;
	if (e - b >= cap)
		b = e - (cap - 1);
	for (size_t i = 0; b + i < e; i++)
		buf[i] = (char)tolower((unsigned char)t[b + i]);
	buf[e - b] = '\0';
}

/* Is the word before s a preposition or determiner that makes a bare
 * month or weekday a date?  Uses the lexicon classes. */
static int
date_context(const struct ctx *c, const char *t, size_t s)
{
	char w[24];

	prev_word(t, s, w, sizeof w);
	if (!*w)
		return 0;
	if (word_row(c, w, strlen(w), "mod") ||
	    word_row(c, w, strlen(w), "rel") ||
	    word_row(c, w, strlen(w), "edge") ||
	    word_row(c, w, strlen(w), "connector") ||
	    word_row(c, w, strlen(w), "opener"))
		return 1;
	return strcmp(w, "in") == 0 || strcmp(w, "on") == 0 ||
	    strcmp(w, "of") == 0 || strcmp(w, "during") == 0 ||
	    strcmp(w, "last") == 0;
}

static int
rel_of(const struct ctx *c, const char *s, size_t n)
{
	const char *v = word_val(c, s, n, "rel");

	return v ? atoi(v) : 0;
}

/* Unit letter and multiplier from a unit word. */
static int
unit_of(const struct ctx *c, const char *s, size_t n, int *mul)
{
	const char *v = word_val(c, s, n, "unit");

	*mul = 1;
	if (!v)
		return 0;
	if (strcmp(v, "WE") == 0)
		return 'E';
	if (v[1])
		*mul = atoi(v + 1);
	return v[0];
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

/* Add where patterns could start in t[s..e), after the starts before:
 * at the first byte of a character, not right after a word, as every
 * pattern starts with (?<![\w...]). */
static void
find_starts(const struct ctx *c, struct doc *d, size_t s, size_t e)
{
	const unsigned char *t = (const unsigned char *)d->t;
	size_t i;
	unsigned pats;

	for (i = s; i < e; i++) {
		if (i > 0 && c->word_byte[t[i - 1]])
			while (i < e && c->word_byte[t[i]])
				i++;
		if (i == e)
			break;
		if (!c->can_open[t[i]] || !(pats = openers_at(c, d->t, e, i)))
			continue;
		if (d->nstart == d->startcap) {
			d->startcap = d->startcap ? 2 * d->startcap : 64;
			d->start = glean_realloc(d->start, d->startcap *
			    sizeof *d->start);
		}
		d->start[d->nstart].pos = i;
		d->start[d->nstart++].pats = pats;
	}
}

/* The index of the first start at or after byte s. */
static size_t
first_start(const struct doc *d, size_t s)
{
	size_t lo = 0, hi = d->nstart;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->start[mid].pos < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
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

/* Group name of the match of pattern p in c->md, as glean_re_group
 * says, its number remembered: looking it up cost more than many a
 * match. */
static int
group(struct ctx *c, int p, const char *name, size_t *s, size_t *e)
{
	struct group_num *g = c->group[p];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	size_t i;
	int k;

	for (i = 0; i < 16 && g[i].name && g[i].name != name; i++)
		;
	if (i == 16 || !g[i].name) {
		k = pcre2_substring_number_from_name(c->re[p],
		    (PCRE2_SPTR)name);
		if (i < 16) {
			g[i].name = name;
			g[i].num = k;
		}
	} else
		k = g[i].num;
	if (k < 0 || (uint32_t)k >= pcre2_get_ovector_count(c->md) ||
	    ov[2 * k] == PCRE2_UNSET)
		return 0;
	*s = ov[2 * k];
	*e = ov[2 * k + 1];
	return 1;
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
		    match_at(c, p, d->t, to, st->pos))
			return 1;
	}
	return 0;
}

static void
scan_pattern(struct ctx *c, struct doc *d, int p, size_t from, size_t to)
{
	pcre2_match_data *md = c->md;
	const char *t = d->t;
	size_t off = from, s, e, xs, xe, ys, ye, next = first_start(d, from);
	PCRE2_SIZE *ov;

	while (off < to && next_match(c, d, p, &next, off, to)) {
		struct cand *k;
		struct point a = { 0 };
		int amb = 0, mul;

		ov = pcre2_get_ovector_pointer(md);
		s = ov[0];
		e = ov[1];
		off = e > s ? e : s + 1;
		/* a full stop after "Jan." or "tues." ends the sentence as
		 * often as the word: leave it out */
		if (e > s + 1 && t[e - 1] == '.')
			e--;
		if (sentence_break(t, s, e))
			continue;
		/* the patterns may start on a space before an optional
		 * group; trim it */
		switch (p) {
		case P_ISO:
		case P_NUM3:
		case P_NUM2: {
			int x, y2, dd, mm;

			if (p == P_ISO) {
				group(c, p, "y", &xs, &xe);
				a.y = atoi(t + xs);
				if (group(c, p, "m", &xs, &xe))
					a.m = atoi(t + xs);
				else if (group(c, p, "mon", &xs, &xe))
					a.m = month_of(c, t + xs, xe - xs,
					    NULL);
				group(c, p, "d", &xs, &xe);
				a.d = atoi(t + xs);
			} else {
				group(c, p, "a", &xs, &xe);
				x = atoi(t + xs);
				group(c, p, "b", &xs, &xe);
				y2 = atoi(t + xs);
				if (usflag)
					mm = x, dd = y2;
				else
					dd = x, mm = y2;
				if (mm > 12 && dd <= 12) {
					int tmp = mm;

					mm = dd;
					dd = tmp;
				}
				a.m = mm;
				a.d = dd;
				if (p == P_NUM3) {
					group(c, p, "y", &xs, &xe);
					a.y = year_of(t + xs, xe - xs);
				} else {
					char w[16];
					char sp;

					group(c, p, "sp", &xs, &xe);
					sp = t[xs];
					prev_word(t, s, w, sizeof w);
					/* 4.22 and 4-22 are times, scores and
					 * decimals unless "on"/"in" says
					 * otherwise */
					if (sp != '/' && !group(c, p, "wd",
					    &ys, &ye) && strcmp(w, "on") != 0 &&
					    strcmp(w, "in") != 0)
						continue;
					if (sp == '/' && !group(c, p, "wd",
					    &ys, &ye) && strcmp(w, "on") != 0 &&
					    strcmp(w, "in") != 0 &&
					    strcmp(w, "from") != 0 &&
					    strcmp(w, "to") != 0 &&
					    strcmp(w, "by") != 0 &&
					    strcmp(w, "until") != 0 &&
					    strcmp(w, "since") != 0 &&
					    !word_row(c, w, strlen(w),
					    "connector"))
						continue;
				}
			}
			if (a.m < 1 || a.m > 12 || a.d < 1 ||
			    a.d > mdays(a.y, a.m)) {
				if (p != P_NUM2)
					add(d, s, e, p, K_POINT)->block = 1;
				continue;
			}
			if (group(c, p, "wd", &xs, &xe))
				a.wd = wday_of(c, t + xs, xe - xs, NULL);
			break;
		}
		case P_DDM:
		case P_MDD: {
			struct point b = { 0 };

			group(c, p, "mon", &xs, &xe);
			a.m = b.m = month_of(c, t + xs, xe - xs, &amb);
			if (amb && !is_upper_at(t, xs) && p == P_MDD)
				continue;
			group(c, p, "d1", &xs, &xe);
			a.d = day_of(c, t + xs, xe - xs);
			group(c, p, "d2", &xs, &xe);
			b.d = day_of(c, t + xs, xe - xs);
			if (group(c, p, "y", &xs, &xe))
				a.y = b.y = atoi(t + xs);
			if (a.d < 1 || b.d <= a.d || b.d > mdays(a.y, a.m))
				continue;
			k = add(d, s, e, p, K_RANGE);
			k->a = a;
			k->b = b;
			continue;
		}
		case P_DMY:
		case P_MDY: {
			group(c, p, "mon", &xs, &xe);
			a.m = month_of(c, t + xs, xe - xs, &amb);
			group(c, p, "day", &ys, &ye);
			a.d = day_of(c, t + ys, ye - ys);
			if (a.m < 1 || a.d < 1)
				continue;
			if (amb && !is_upper_at(t, xs)) {
				size_t os, oe;

				/* "2 may be", "you may one day" */
				if (p == P_MDY && !isdigit((unsigned char)
				    t[ys]) && !group(c, p, "y", &os, &oe))
					continue;
				if (p == P_DMY && !group(c, p, "y", &os,
				    &oe) && !(group(c, p, "of", &os, &oe) &&
				    oe - os > 2))
					continue;
			}
			if (group(c, p, "y", &xs, &xe))
				a.y = atoi(t + xs);
			else if (group(c, p, "rely", &xs, &xe)) {
				a.yrel = rel_of(c, t + xs, xe - xs);
				a.hasyrel = 1;
			}
			if (a.d > mdays(a.y, a.m)) {
				/* 31 February: not a date, and not February */
				add(d, s, e, p, K_POINT)->block = 1;
				continue;
			}
			if (group(c, p, "wd", &xs, &xe))
				a.wd = wday_of(c, t + xs, xe - xs, NULL);
			break;
		}
		case P_QUARTER: {
			if (group(c, p, "qn", &xs, &xe))
				a.q = t[xs] - '0';
			else {
				group(c, p, "qo", &xs, &xe);
				a.q = day_of(c, t + xs, xe - xs);
			}
			if (a.q < 1 || a.q > 4)
				continue;
			if (group(c, p, "y", &xs, &xe) ||
			    group(c, p, "y2", &xs, &xe) ||
			    group(c, p, "y3", &xs, &xe))
				a.y = atoi(t + xs);
			else if (group(c, p, "rely", &xs, &xe)) {
				a.yrel = rel_of(c, t + xs, xe - xs);
				a.hasyrel = 1;
			}
			break;
		}
		case P_YRANGE: {
			struct point b = { 0 };

			group(c, p, "y1", &xs, &xe);
			a.y = atoi(t + xs);
			group(c, p, "y2", &xs, &xe);
			b.y = atoi(t + xs);
			if (xe - xs == 2)
				b.y += a.y / 100 * 100;
			if (a.y < 1000 || b.y <= a.y || b.y - a.y > 100 ||
			    b.y > 2200)
				continue;
			/* "in 2011 and 2012" is two dates; "between 2011
			 * and 2012" one range */
			group(c, p, "conn", &xs, &xe);
			if (t[xs] == 'a' || t[xs] == 'A') {
				size_t os = s > 30 ? s - 30 : 0;

				while (os > 0 && ((unsigned char)t[os] & 0xc0)
				    == 0x80)
					os--;
				if (glean_re_match(c->re_open, t, s, os,
				    c->md2) <= 0)
					continue;
			}
			k = add(d, s, e, p, K_RANGE);
			k->a = a;
			k->b = b;
			continue;
		}
		case P_NUMYM:
		case P_NUMMY: {
			group(c, p, "y", &xs, &xe);
			a.y = atoi(t + xs);
			group(c, p, "m", &ys, &ye);
			a.m = atoi(t + ys);
			if (a.y < 1000 || a.y > 2200)
				continue;
			if (p == P_NUMYM && t[ys - 1] != '.' &&
			    ((ye - ys == 2 && a.m == (a.y + 1) % 100) ||
			    (ye - ys == 1 && a.m == (a.y + 1) % 10))) {
				/* 2016-17, 1924-5: a financial year or a
				 * season */
				struct point b = { a.y + 1 };

				a.m = 0;
				k = add(d, s, e, p, K_RANGE);
				k->a = a;
				k->a.fiscal = 1;
				k->b = b;
				continue;
			}
			if (a.m < 1 || a.m > 12)
				continue;
			break;
		}
		case P_MY:
		case P_YM: {
			int ctx = 0;

			group(c, p, "mon", &xs, &xe);
			a.m = month_of(c, t + xs, xe - xs, &amb);
			if (!a.m)
				continue;
			if (group(c, p, "y", &ys, &ye)) {
				a.y = year_of(t + ys, ye - ys);
				if (ye - ys <= 3 && t[ys] != '\'' &&
				    atoi(t + ys) <= 31)
					continue;
				ctx = 1;
			} else if (group(c, p, "rely", &ys, &ye)) {
				a.yrel = rel_of(c, t + ys, ye - ys);
				a.hasyrel = 1;
				ctx = 1;
			}
			if (group(c, p, "rel", &ys, &ye)) {
				a.yrel = rel_of(c, t + ys, ye - ys);
				a.hasyrel = a.yrel != 0;
				ctx = 1;
			}
			if (group(c, p, "mo", &ys, &ye) ||
			    group(c, p, "edge", &ys, &ye))
				ctx = 1;
			if (amb && !ctx && !(is_upper_at(t, xs) &&
			    date_context(c, t, xs)))
				continue;
			/* "in the past may have": a lower-case "may" or
			 * "march" needs a year */
			if (amb && !is_upper_at(t, xs) &&
			    !group(c, p, "y", &ys, &ye))
				continue;
			if (amb && !is_upper_at(t, xs) && p == P_YM)
				continue;
			break;
		}
		case P_DECADE:
			if (group(c, p, "d4", &xs, &xe)) {
				a.y = atoi(t + xs);
				/* "the 1600s": a century (but "the 1900s"
				 * and "the 2000s" are read as decades) */
				if (a.y % 100 == 0 && a.y < 1900)
					a.decade = 10;
			} else {
				group(c, p, "d2", &xs, &xe);
				a.y = 1900 + atoi(t + xs);
			}
			if (!a.decade)
				a.decade = 1;
			break;
		case P_SEASON: {
			const char *sv;

			group(c, p, "season", &xs, &xe);
			sv = word_val(c, t + xs, xe - xs, "season");
			if (!sv)
				continue;
			a.season = strncmp(sv, "SP", 2) == 0 ? 1 :
			    strncmp(sv, "SU", 2) == 0 ? 2 :
			    strncmp(sv, "FA", 2) == 0 ? 3 : 4;
			if (group(c, p, "y", &ys, &ye))
				a.y = atoi(t + ys);
			else if (group(c, p, "rel", &ys, &ye)) {
				a.yrel = rel_of(c, t + ys, ye - ys);
				a.hasyrel = 1;
			} else if (sv[2] == '*')
				continue;
			break;
		}
		case P_HOL: {
			const char *hv;

			group(c, p, "hol", &xs, &xe);
			hv = word_val(c, t + xs, xe - xs, "holiday");
			if (!hv)
				continue;
			k = add(d, s, e, p, K_POINT);
			if (group(c, p, "y", &ys, &ye))
				k->a.y = atoi(t + ys);
			else if (group(c, p, "rel", &ys, &ye)) {
				k->a.yrel = rel_of(c, t + ys, ye - ys);
				k->a.hasyrel = 1;
			}
			if (strncmp(hv, "EASTER", 6) == 0) {
				/* resolved later, when the year is known */
				k->a.m = 3;
				k->a.d = 0;
				k->deic = 1000 + atoi(hv + 6);
			} else {
				k->a.m = atoi(hv);
				k->a.d = atoi(hv + 3);
			}
			continue;
		}
		case P_VAGUE: {
			const char *vv;

			group(c, p, "vq", &xs, &xe);
			vv = word_val(c, t + xs, xe - xs, "vague");
			group(c, p, "unit", &ys, &ye);
			if (!vv || t[ye - 1] != 's')
				continue;
			k = add(d, s, e, p, K_VAGUE);
			k->fixed = vv;
			continue;
		}
		case P_RELN: {
			double cnt;
			int u;
			const char *dirv = NULL;
			size_t ds = 0, de = 0;

			group(c, p, "n", &xs, &xe);
			if (glean_parse_number(c->nw, t + xs, xe - xs, &cnt) < 0
			    || cnt <= 0 || cnt > 10000)
				continue;
			group(c, p, "unit", &ys, &ye);
			u = unit_of(c, t + ys, ye - ys, &mul);
			if (!u || u == 'E')
				continue;
			/* "a 30 year low", "a four year deal": adjectives */
			if (cnt != 1 && t[ye - 1] != 's' && t[ye - 1] != 'S')
				continue;
			if (group(c, p, "dir", &ds, &de)) {
				size_t q = de;

				dirv = word_val(c, t + ds, de - ds, "dir");
				/* "two days before the election": the anchor
				 * is not a date we know */
				if (dirv && strchr(dirv, 'o') &&
				    !group(c, p, "deic", &xs, &xe)) {
					while (q < d->n && t[q] == ' ')
						q++;
					if (q < d->n && (isalnum((unsigned char)
					    t[q]) || t[q] == '(')) {
						dirv = NULL;
						e = ds;
						while (e > s && isspace(
						    (unsigned char)t[e - 1]))
							e--;
					}
				}
			}
			if (dirv) {
				k = add(d, s, e, p, K_REL);
				k->unit = u;
				k->n = atoi(dirv) * cnt * mul;
				/* "later", "earlier": from the date before;
				 * "ago", "from now": from the anchor */
				k->base_prev = strchr(dirv, 'p') != NULL;
				if (group(c, p, "deic", &xs, &xe)) {
					const char *dv = word_val(c, t + xs,
					    xe - xs, "deictic");

					k->deic = dv ? atoi(dv) : 0;
					k->base_prev = 0;
				}
				continue;
			}
			group(c, p, "n", &xs, &xe);
			if (xe - xs <= 2 && (t[xs] == 'a' || t[xs] == 'A') &&
			    !group(c, p, "rel", &ys, &ye) &&
			    !group(c, p, "apx", &ys, &ye))
				continue;	/* "a year" alone */
			k = add(d, s, e, p, K_DUR);
			k->unit = u;
			k->n = cnt * mul;
			if (group(c, p, "rel", &xs, &xe)) {
				k->rel = rel_of(c, t + xs, xe - xs);
				if (!k->rel)
					k->rel = -1;
			}
			if (group(c, p, "apx", &xs, &xe)) {
				struct glean_row *r = lookup(c->approx,
				    t + xs, xe - xs, NULL);

				k->mod = r ? r->f[1] : NULL;
				/* "up to" is a bound, left outside as the
				 * other mods are */
				if (word_val(c, t + xs, xe - xs, "mod")) {
					k->s = xe;
					while (k->s < e &&
					    isspace((unsigned char)t[k->s]))
						k->s++;
				}
			}
			continue;
		}
		case P_RELUNIT: {
			const char *rv;
			int r, u;

			group(c, p, "unit", &ys, &ye);
			if (t[ye - 1] == 's' || t[ye - 1] == 'S')
				continue;
			u = unit_of(c, t + ys, ye - ys, &mul);
			if (!u)
				continue;
			if (!group(c, p, "rel", &xs, &xe)) {
				/* "rest of the week", "end of the month" */
				if (!group(c, p, "edge", &xs, &xe))
					continue;
				r = 0;
			} else
				r = rel_of(c, t + xs, xe - xs);
			rv = r < 0 ? word_val(c, t + xs, xe - xs, "rel") : NULL;
			if ((mul > 1 && r != 0) || (rv && !strchr(rv, 'p') &&
			    group(c, p, "the", &ys, &ye))) {
				/* "the last decade": ten years back; "the past
				 * year": the twelve months before */
				k = add(d, s, e, p, K_DUR);
				k->unit = u;
				k->n = mul;
				k->rel = r;
				continue;
			}
			k = add(d, s, e, p, K_REL);
			k->unit = u;
			k->n = r * mul;
			k->gran_unit = 1;
			/* "the following year": from the date before */
			if (group(c, p, "rel", &xs, &xe)) {
				const char *rv = word_val(c, t + xs, xe - xs,
				    "rel");

				k->base_prev = rv && strchr(rv, 'p');
			}
			if (group(c, p, "wd", &xs, &xe) && u == 'W') {
				k->kind = K_POINT;
				k->a.wd = wday_of(c, t + xs, xe - xs, NULL);
				k->a.wdrel = r;
				k->a.haswdrel = 1;
			}
			continue;
		}
		case P_RELWD: {
			int wamb = 0, ctx = 0;

			group(c, p, "wd", &xs, &xe);
			a.wd = wday_of(c, t + xs, xe - xs, &wamb);
			if (!a.wd)
				continue;
			if (group(c, p, "rel", &ys, &ye) ||
			    group(c, p, "rel2", &ys, &ye)) {
				a.wdrel = rel_of(c, t + ys, ye - ys);
				a.haswdrel = 1;
				ctx = 1;
			}
			if (group(c, p, "day", &ys, &ye)) {
				a.d = day_of(c, t + ys, ye - ys);
				if (a.d < 1)
					continue;
				ctx = 1;
			}
			if (group(c, p, "ord", &ys, &ye)) {
				a.nth = day_of(c, t + ys, ye - ys);
				if (a.nth < 1 || a.nth > 5) {
					/* "the tenth Monday": just Monday */
					a.nth = 0;
					s = xs;
				} else
					ctx = 1;
			}
			if (wamb && (!is_upper_at(t, xs) || !ctx) &&
			    !(ctx && group(c, p, "rel", &ys, &ye)))
				continue;
			if (group(c, p, "omon", &ys, &ye))
				a.m = month_of(c, t + ys, ye - ys, NULL);
			break;
		}
		case P_DEIC: {
			const char *dv;
			int off2 = 0;

			group(c, p, "deic", &xs, &xe);
			dv = word_val(c, t + xs, xe - xs, "deictic");
			if (!dv)
				continue;
			/* "Today" in mid-sentence with a capital, or before
			 * "programme": the BBC radio programme */
			if (is_upper_at(t, xs) && xs == s) {
				size_t q = xs;

				while (q > 0 && (t[q - 1] == ' ' ||
				    t[q - 1] == '\t'))
					q--;
				if (q > 0 && t[q - 1] != '.' && t[q - 1] != '\n'
				    && t[q - 1] != '"' && t[q - 1] != '!' &&
				    t[q - 1] != '?' && t[q - 1] != ':' &&
				    !((unsigned char)t[q - 1] & 0x80) &&
				    !isupper((unsigned char)t[xs + 1]))
					continue;
				if (glean_re_match(c->re_notafter, t, d->n, xe,
				    md) > 0)
					continue;
			}
			if (group(c, p, "ba", &ys, &ye)) {
				const char *bv = word_val(c, t + ys, ye - ys,
				    "dir");

				off2 = bv ? atoi(bv) : 0;
			}
			k = add(d, s, e, p, K_REL);
			k->unit = 'D';
			k->n = atoi(dv) + off2;
			continue;
		}
		case P_SET: {
			static char buf[8][16];
			static int bi;
			const char *sv;
			double cnt = 1;
			int u;

			k = NULL;
			if (group(c, p, "sp", &xs, &xe)) {
				sv = word_val(c, t + xs, xe - xs, "setphrase");
				if (!sv)
					continue;
				k = add(d, s, e, p, K_SET);
				k->fixed = sv;
				continue;
			}
			if (group(c, p, "n", &xs, &xe) &&
			    glean_parse_number(c->nw, t + xs, xe - xs,
			    &cnt) < 0)
				continue;
			if (group(c, p, "pod", &xs, &xe)) {
				sv = word_val(c, t + xs, xe - xs, "partofday");
				if (!sv)
					continue;
				k = add(d, s, e, p, K_SET);
				k->fixed = sv;
				continue;
			}
			if (group(c, p, "wd", &xs, &xe)) {
				char *b = buf[bi++ % 8];

				snprintf(b, 16, "XXXX-WXX-%d",
				    wday_of(c, t + xs, xe - xs, NULL));
				k = add(d, s, e, p, K_SET);
				k->fixed = b;
				continue;
			}
			group(c, p, "unit", &xs, &xe);
			u = unit_of(c, t + xs, xe - xs, &mul);
			if (!u || u == 'E')
				continue;
			k = add(d, s, e, p, K_SET);
			k->unit = u;
			k->n = cnt * mul;
			continue;
		}
		case P_THEDAY: {
			if (!group(c, p, "on", &xs, &xe) &&
			    !group(c, p, "the", &xs, &xe))
				continue;
			group(c, p, "day", &xs, &xe);
			/* "the 27th", "on the second", "on 15"; a bare
			 * "the 1" is a count */
			if ((!isdigit((unsigned char)t[xs]) ||
			    !isalpha((unsigned char)t[xe - 1])) &&
			    !group(c, p, "on", &ys, &ye))
				continue;
			a.d = day_of(c, t + xs, xe - xs);
			if (a.d < 1)
				continue;
			if (group(c, p, "rel", &ys, &ye)) {
				k = add(d, s, e, p, K_POINT);
				k->a = a;
				k->unit = 'M';
				k->n = rel_of(c, t + ys, ye - ys);
				k->deic = 2000;	/* month relative */
				continue;
			}
			/* keep "on"/"for" outside the span */
			if (group(c, p, "on", &ys, &ye)) {
				s = ye;
				while (s < e && isspace((unsigned char)t[s]))
					s++;
			}
			break;
		}
		case P_YEAR: {
			size_t q = e, w0;

			group(c, p, "y", &xs, &xe);
			a.y = atoi(t + xs);
			/* "2020 pledges", "1500 jobs": a count or a name
			 * before a plural noun */
			while (q < d->n && (t[q] == ' ' ||
			    (unsigned char)t[q] == 0xc2 ||
			    (unsigned char)t[q] == 0xa0))
				q++;
			w0 = q;
			while (q < d->n && islower((unsigned char)t[q]))
				q++;
			if (q - w0 > 3 && t[q - 1] == 's' && t[q - 2] != 's' &&
			    t[q - 2] != 'u' && t[q - 2] != 'i' &&
			    (q >= d->n || !isalpha((unsigned char)t[q])))
				continue;
			break;
		}
		default:
			continue;
		}
		k = add(d, s, e, p, K_POINT);
		k->a = a;
	}
}

/*
 * Every date expression holds a digit or one of the lexicon's date words
 * (a month, weekday, unit, season...).  One pass of the trigger pattern
 * finds them, by class; each date pattern then runs only in windows
 * around the triggers of its class, which is most of the speed of this
 * stage on ordinary text.
 */
/* How far, in bytes, an expression reaches left and right of its
 * trigger: "Wednesday, the 22nd of January 2017", "less than the last
 * twenty-five years", "two days after tomorrow". */
static const size_t win_left[NTRIG] = { 32, 48, 32, 56, 32, 32, 24, 24,
    16 };
static const size_t win_right[NTRIG] = { 32, 48, 48, 40, 16, 32, 48, 24,
    16 };

/* The trigger class each pattern needs. */
static int
pat_class(int p)
{
	switch (p) {
	case P_DDM: case P_MDD: case P_DMY: case P_MDY: case P_MY: case P_YM:
		return T_MON;
	case P_RELWD:
		return T_WD;
	case P_RELN: case P_RELUNIT: case P_VAGUE: case P_SET:
		return T_UNIT;
	case P_DEIC:
		return T_DEIC;
	case P_QUARTER: case P_SEASON: case P_HOL:
		return T_MISC;
	case P_NUM2:
		return T_NUMD;
	case P_THEDAY:
		return T_ORD;
	default:
		return T_DIG;
	}
}

/* The key bit a pattern cannot match without; 0: none. */
static unsigned
pat_key(int p)
{
	switch (p) {
	case P_SEASON:
		return 1u << KB_SEASON;
	case P_HOL:
		return 1u << KB_HOL;
	case P_VAGUE:
		return 1u << KB_VAGUE;
	case P_SET:
		return 1u << KB_SET;
	case P_QUARTER:
		return 1u << KB_QUARTER;
	case P_RELN:
		return 1u << KB_COUNT;
	default:
		return 0;
	}
}

/*
 * Does form start at t[i]?  Letters compare without case; a blank of
 * the form takes any run of blanks or non-ASCII bytes, so this says yes
 * wherever the pattern's form could match (and sometimes more).
 */
static int
form_at(const char *t, size_t n, size_t i, const char *form)
{
	const char *f;

	for (f = form; *f; f++) {
		if (*f == ' ') {
			if (i >= n || !(isspace((unsigned char)t[i]) ||
			    (unsigned char)t[i] >= 0x80))
				return 0;
			while (i < n && (isspace((unsigned char)t[i]) ||
			    (unsigned char)t[i] >= 0x80))
				i++;
			continue;
		}
		if (i >= n || tolower((unsigned char)t[i]) !=
		    tolower((unsigned char)*f))
			return 0;
		i++;
	}
	return 1;
}

static void
add_hit(struct doc *d, size_t pos, unsigned bit)
{
	if (d->nhit == d->hitcap) {
		d->hitcap = d->hitcap ? 2 * d->hitcap : 16;
		d->hit = glean_realloc(d->hit, d->hitcap * sizeof *d->hit);
	}
	d->hit[d->nhit].pos = pos;
	d->hit[d->nhit++].bit = bit;
}

/* Note the key forms that start at the word t[i..): keys are the word's
 * key bits. */
static void
find_keys(const struct ctx *c, struct doc *d, size_t i, unsigned keys)
{
	size_t k;

	if (keys & (1u << KB_QUARTER))
		add_hit(d, i, 1u << KB_QUARTER);
	for (k = 0; k < c->nkey; k++)
		if ((keys & c->keybit[k]) &&
		    form_at(d->t, d->n, i, c->keyform[k]))
			add_hit(d, i, c->keybit[k]);
}

/*
 * Can a count end just before the unit word at t[i]: a digit ("3years"),
 * or blanks after a digit or a number word ("three years", "a few
 * weeks")?  Yes, too, next to a non-ASCII byte, which may be a digit,
 * a blank or a letter that the pattern's caseless match takes.
 */
static int
number_before(const struct ctx *c, const char *t, size_t i)
{
	size_t e = i, b, k;

	if (e > 0 && (isdigit((unsigned char)t[e - 1]) ||
	    (unsigned char)t[e - 1] >= 0x80))
		return 1;
	while (e > 0 && isspace((unsigned char)t[e - 1]))
		e--;
	if (e == i || e == 0)
		return 0;
	if (isdigit((unsigned char)t[e - 1]) || (unsigned char)t[e - 1] >= 0x80)
		return 1;
	for (b = e; b > 0 && isalpha((unsigned char)t[b - 1]); b--)
		;
	if (b > 0 && (unsigned char)t[b - 1] >= 0x80)
		return 1;
	for (k = 0; k < c->nnumlast; k++)
		if (c->numlast[k].n == e - b &&
		    strncasecmp(c->numlast[k].w, t + b, e - b) == 0)
			return 1;
	/* more number words than room: say yes */
	return c->nnumlast == sizeof c->numlast / sizeof c->numlast[0];
}

/* The key bits of the forms starting in t[s..e). */
static unsigned
keys_in(const struct doc *d, size_t s, size_t e)
{
	size_t lo = 0, hi = d->nhit;
	unsigned keys = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->hit[mid].pos < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < d->nhit && d->hit[lo].pos < e; lo++)
		keys |= d->hit[lo].bit;
	return keys;
}

struct win {
	size_t s, e;
	int have;
};

/* Close window w of class cls: its patterns run once the whole text
 * has been looked at, and so all its starts noted. */
static void
close_window(struct ctx *c, struct doc *d, int cls, struct win *w)
{
	struct closed *k;

	/* whole words only: a pattern's (?!\w) must not see a cut word
	 * as its end */
	while (w->e < d->n && ((unsigned char)d->t[w->e] & 0x80 ||
	    isalnum((unsigned char)d->t[w->e])))
		w->e++;
	while (w->s > 0 && ((unsigned char)d->t[w->s] & 0xc0) == 0x80)
		w->s--;
	if (d->nclosed == d->closedcap) {
		d->closedcap = d->closedcap ? 2 * d->closedcap : 16;
		d->closed = glean_realloc(d->closed, d->closedcap *
		    sizeof *d->closed);
	}
	k = &d->closed[d->nclosed++];
	k->s = w->s;
	k->e = w->e;
	k->cls = cls;
	k->keys = keys_in(d, w->s, w->e) | c->ungated;
	w->have = 0;
}

static int
cmp_closed(const void *x, const void *y)
{
	const struct closed *a = x, *b = y;

	return a->s < b->s ? -1 : a->s > b->s;
}

/* Find the starts in the windows, once where they overlap. */
static void
find_window_starts(const struct ctx *c, struct doc *d)
{
	struct closed *w;
	size_t i, s, e;

	if (!d->nclosed)
		return;
	w = glean_malloc(d->nclosed * sizeof *w);
	memcpy(w, d->closed, d->nclosed * sizeof *w);
	qsort(w, d->nclosed, sizeof *w, cmp_closed);
	s = w[0].s;
	e = w[0].e;
	for (i = 1; i < d->nclosed; i++) {
		if (w[i].s > e) {
			find_starts(c, d, s, e);
			s = w[i].s;
		}
		if (w[i].e > e)
			e = w[i].e;
	}
	find_starts(c, d, s, e);
	free(w);
}

static void
run_window(struct ctx *c, struct doc *d, const struct closed *w)
{
	int p, cls = w->cls;

	for (p = 0; p < NPAT; p++)
		if (pat_key(p) && !(pat_key(p) & w->keys))
			continue;
		else if (pat_class(p) == cls ||
		    (cls == T_YEAR && (p == P_YEAR || p == P_DECADE)) ||
		    (cls == T_NUMD && p == P_NUM3) ||
		    (cls == T_ORD && p == P_DECADE) ||
		    (cls == T_WD && p == P_SET))
			scan_pattern(c, d, p, w->s, w->e);
}

/* Is there a "/", "-", "." or dash within two bytes of t[s..e)? */
static int
near_sep(const char *t, size_t n, size_t s, size_t e)
{
	size_t i;

	for (i = s > 2 ? s - 2 : 0; i < s; i++)
		if (strchr("/-.", t[i]) || (unsigned char)t[i] == 0xe2)
			return 1;
	for (i = e; i < n && i < e + 3; i++)
		if ((t[i] && strchr("/-.", t[i])) || (unsigned char)t[i] == 0xe2)
			return 1;
	return 0;
}

static int
digit_near(const char *t, size_t n, size_t s, size_t e)
{
	size_t i;

	for (i = s > 12 ? s - 12 : 0; i < s; i++)
		if (isdigit((unsigned char)t[i]))
			return 1;
	for (i = e; i < n && i < e + 12; i++)
		if (isdigit((unsigned char)t[i]))
			return 1;
	return 0;
}

static int
of_before(const char *t, size_t i)
{
	char w[8];

	prev_word(t, i, w, sizeof w);
	return strcmp(w, "of") == 0;
}

/*
 * Can the unit word t[s..e) be part of a date expression?  Only with a
 * number or an opening word ("last", "three", "every", "recent") among
 * the three words before it, or "on" after it ("year on year").  Words
 * that are not units (setphrase and part-of-day triggers) always can.
 */
static int
unit_context(const struct ctx *c, const char *t, size_t n, size_t s,
    size_t e)
{
	size_t i = s, we;
	int words = 0;

	if (!word_row(c, t + s, e - s, "unit"))
		return 1;
	while (i < n && e < n && (t[e] == ' ' || t[e] == '-') && e + 3 <= n &&
	    strncasecmp(t + e + 1, "on", 2) == 0)
		return 1;
	while (i > 0 && words < 3) {
		while (i > 0 && !isalnum((unsigned char)t[i - 1])) {
			if (t[i - 1] == '.' || t[i - 1] == '\n')
				return 0;
			if (s - i > 24)
				return 0;
			i--;
		}
		we = i;
		while (i > 0 && isalnum((unsigned char)t[i - 1]))
			i--;
		if (we == i)
			break;
		if (isdigit((unsigned char)t[i]) ||
		    (trig_find(c, t + i, we - i) & (1u << TB_CTX)))
			return 1;
		words++;
	}
	return 0;
}

/* Is the word before t[i], or the one before that ("the twenty
 * second"), "the", "on" or "for" (THEDAY's openers)? */
static int
day_word_before(const char *t, size_t i)
{
	char w[12];
	int k;

	for (k = 0; k < 2; k++) {
		prev_word(t, i, w, sizeof w);
		if (strcmp(w, "the") == 0 || strcmp(w, "on") == 0 ||
		    strcmp(w, "for") == 0)
			return 1;
		if (!*w)
			return 0;
		while (i > 0 && !isalpha((unsigned char)t[i - 1]))
			i--;
		while (i > 0 && isalpha((unsigned char)t[i - 1]))
			i--;
	}
	return 0;
}

static void
open_window(struct ctx *c, struct doc *d, struct win *w, int k, size_t s,
    size_t e)
{
	s = s > win_left[k] ? s - win_left[k] : 0;
	e = e + win_right[k] < d->n ? e + win_right[k] : d->n;
	if (w[k].have && s <= w[k].e) {
		if (e > w[k].e)
			w[k].e = e;
		return;
	}
	if (w[k].have)
		close_window(c, d, k, &w[k]);
	w[k].s = s;
	w[k].e = e;
	w[k].have = 1;
}

static void
scan_windows(struct ctx *c, struct doc *d)
{
	struct win w[NTRIG] = { { 0 } };
	const char *t = d->t;
	size_t i = 0, j;
	unsigned cls;
	int k;

	while (i < d->n) {
		unsigned char ch = (unsigned char)t[i];

		if (isdigit(ch)) {
			for (j = i; j < d->n && isdigit((unsigned char)t[j]);)
				j++;
			if (i > 0 && (t[i - 1] == 'Q' || t[i - 1] == 'q')) {
				add_hit(d, i - 1, 1u << KB_QUARTER);
				open_window(c, d, w, T_MISC, i, j);
			}
			if (j - i == 4)
				open_window(c, d, w, near_sep(t, d->n, i, j) ?
				    T_DIG : T_YEAR, i, j);
			else if (j - i <= 2 && j + 1 < d->n &&
			    strchr("/.-", t[j]) && t[j] &&
			    isdigit((unsigned char)t[j + 1]))
				open_window(c, d, w, T_NUMD, i, j);
			else if (j - i <= 2 && (day_word_before(t, i) ||
			    (j < d->n && (t[j] == 's' || t[j] == '\'' ||
			    (unsigned char)t[j] == 0xe2))))
				open_window(c, d, w, T_ORD, i, j);
			i = j;
		} else if (isalpha(ch)) {
			j = glean_letters_end(t, i + 1, d->n);
			/* a word cut by a non-ASCII letter opens a window
			 * for nothing, which is harmless */
			if (trig_maybe(c, t + i, j - i) &&
			    (cls = trig_find(c, t + i, j - i)) != 0) {
				if (cls & KEY_BITS)
					find_keys(c, d, i, cls);
				if ((cls & (1u << T_UNIT)) &&
				    number_before(c, t, i))
					add_hit(d, i, 1u << KB_COUNT);
				/* an ordinal word counts only as "on the
				 * second" */
				if ((cls & (1u << T_ORD)) &&
				    !day_word_before(t, i))
					cls &= ~(1u << T_ORD);
				/* "they may": a lower-case "may" or "march"
				 * needs a number or "of" next to it */
				if ((cls & (1u << TB_AMB)) && islower(ch) &&
				    !digit_near(t, d->n, i, j) &&
				    !of_before(t, i))
					cls &= ~(1u << T_MON);
				/* "year" alone is no date: a number or a
				 * word such as "last" comes before it */
				if ((cls & (1u << T_UNIT)) &&
				    !unit_context(c, t, d->n, i, j))
					cls &= ~(1u << T_UNIT);
				for (k = 0; k < NTRIG; k++)
					if (cls & (1u << k))
						open_window(c, d, w, k, i, j);
			}
			i = j;
		} else {
			i++;
		}
	}
	for (k = 0; k < NTRIG; k++)
		if (w[k].have)
			close_window(c, d, k, &w[k]);
	find_window_starts(c, d);
	for (i = 0; i < d->nclosed; i++)
		run_window(c, d, &d->closed[i]);
}

/* ---- choosing among overlapping candidates ------------------------------- */

static int
cmp_cand(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	if (a->e != b->e)
		return a->e > b->e ? -1 : 1;
	return a->pat - b->pat;
}

/* Keep the longest, leftmost candidates; drop any that overlap. */
static void
select_cands(struct doc *d)
{
	size_t i, j, k;

	if (d->nc == 0)
		return;
	qsort(d->c, d->nc, sizeof *d->c, cmp_cand);
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

/* Join "A and B", "A - B", "A to B", "A/B" into ranges. */
static void
join_ranges(struct ctx *c, struct doc *d)
{
	size_t i, k, cs, ce;
	PCRE2_SIZE *ov;

	for (i = 0; i + 1 < d->nc; i++) {
		struct cand *a = &d->c[i], *b = &d->c[i + 1];
		int opener = 0, isand;
		size_t os = a->s > 30 ? a->s - 30 : 0;
		const char *cv;

		if (a->dead || !pointlike(a) || !pointlike(b))
			continue;
		if (glean_re_match(c->re_conn, d->t, b->s, a->e, c->md) <= 0)
			continue;
		ov = pcre2_get_ovector_pointer(c->md);
		if (ov[1] != b->s)
			continue;
		glean_re_group(c->re_conn, c->md, "conn", &cs, &ce);
		cv = word_val(c, d->t + cs, ce - cs, "connector");
		isand = cv && strcmp(cv, "and") == 0;
		while (os > 0 && ((unsigned char)d->t[os] & 0xc0) == 0x80)
			os--;
		if (glean_re_match(c->re_open, d->t, a->s, os, c->md) > 0)
			opener = 1;
		if (a->kind == K_REL || b->kind == K_REL) {
			if (!opener && isand)
				continue;
		} else if (!opener) {
			/* bare years joined by "and" stay two dates */
			if (isand && (a->a.m == 0 || b->a.m == 0))
				continue;
			if (isand && a->a.y && b->a.y)
				continue;
			if ((a->a.d != 0) != (b->a.d != 0) && isand)
				continue;
			if (a->a.m == 0 && b->a.m == 0 && !a->a.y &&
			    !(a->a.wd && b->a.wd))
				continue;
		}
		/* "today till tomorrow": ends counted in days */
		if (a->kind == K_REL) {
			memset(&a->a, 0, sizeof a->a);
			a->a.isdeic = 1;
			a->a.deicoff = (int)a->n;
		}
		a->kind = K_RANGE;
		a->b = b->a;
		if (b->kind == K_REL) {
			memset(&a->b, 0, sizeof a->b);
			a->b.isdeic = 1;
			a->b.deicoff = (int)b->n;
		}
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
		i++;
	}
	for (i = 0, k = 0; i < d->nc; i++)
		if (!d->c[i].dead)
			d->c[k++] = d->c[i];
	d->nc = k;
}

/* ---- values -------------------------------------------------------------- */

static int
prec(const struct anchor *an)
{
	return !an->y ? 0 : an->d ? 3 : an->m ? 2 : 1;
}

/* Fill a missing year from the anchor: the nearest year that puts the
 * month within eight months before or four after it. */
static int
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

static void fmt_at(char *, size_t, int, int, int, int);
static void shift(int *, int *, int *, int, long);

static void
fmt_point(char *buf, size_t cap, const struct point *p0,
    const struct anchor *an, int *rel)
{
	struct point p = *p0;
	int y = resolve_year(&p, an, rel);
	char ys[8];

	if (y)
		snprintf(ys, sizeof ys, "%04d", y);
	else
		snprintf(ys, sizeof ys, "XXXX");
	if (p.isdeic) {
		int yy = an->y, mm = an->m, dd = an->d;

		*rel = 1;
		if (!yy) {
			snprintf(buf, cap, "PRESENT_REF");
			return;
		}
		if (prec(an) == 3)
			shift(&yy, &mm, &dd, 'D', p.deicoff);
		fmt_at(buf, cap, yy, mm, dd, prec(an));
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
		/* the nth weekday of the month */
		int m = p.m ? p.m : an->m, dd;

		if (!p.m)
			y = an->y;
		*rel = 1;
		if (!y || !m) {
			if (m)
				snprintf(buf, cap, "XXXX-%02d-WXX-%d-#%d", m,
				    p.wd, p.nth);
			else
				snprintf(buf, cap, "XXXX-XX-WXX-%d-#%d", p.wd,
				    p.nth);
			return;
		}
		dd = 1 + (p.wd - weekday(days_from(y, m, 1)) + 7) % 7 +
		    7 * (p.nth - 1);
		if (dd > mdays(y, m))
			snprintf(buf, cap, "%04d-%02d-WXX-%d-#%d", y, m, p.wd,
			    p.nth);
		else
			snprintf(buf, cap, "%04d-%02d-%02d", y, m, dd);
	} else if (p.wd && !p.m && !p.d) {
		/* a weekday: the one of the anchor's week (or the
		 * week "next"/"last" says), else the last one on or
		 * before the anchor */
		if (prec(an) == 3) {
			long z = days_from(an->y, an->m, an->d);
			int wy, wm, wdd;

			*rel = 1;
			if (p.haswdrel)
				z += 7 * p.wdrel - weekday(z) + p.wd;
			else
				z -= (weekday(z) - p.wd + 7) % 7;
			civil_from(z, &wy, &wm, &wdd);
			snprintf(buf, cap, "%04d-%02d-%02d", wy, wm, wdd);
		} else {
			snprintf(buf, cap, "XXXX-WXX-%d", p.wd);
		}
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
		snprintf(buf, cap, "%s-%02d-%02d", ys, p.m, p.d);
	} else if (p.m) {
		snprintf(buf, cap, "%s-%02d", ys, p.m);
	} else {
		snprintf(buf, cap, "%s", ys);
	}
}

static void
fmt_at(char *buf, size_t cap, int y, int m, int d, int pr)
{
	if (pr >= 3)
		snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
	else if (pr == 2)
		snprintf(buf, cap, "%04d-%02d", y, m);
	else
		snprintf(buf, cap, "%04d", y);
}

/* Move (y, m, d) by n units; d or m may be 0 (unknown). */
static void
shift(int *y, int *m, int *d, int unit, long n)
{
	if (unit == 'Y') {
		*y += (int)n;
	} else if (unit == 'M' || (unit != 'D' && unit != 'W' && !*d)) {
		long mm;

		if (unit == 'W')
			n = n / 4;
		if (unit == 'D')
			n = n / 30;
		mm = (long)*y * 12 + (*m ? *m - 1 : 0) + n;
		*y = (int)(mm / 12);
		if (*m)
			*m = (int)(mm % 12) + 1;
		if (*d && *d > mdays(*y, *m))
			*d = mdays(*y, *m);
	} else if (*m && *d) {
		long z = days_from(*y, *m, *d) + (unit == 'W' ? 7 * n : n);

		civil_from(z, y, m, d);
	} else if (*m) {
		long mm = (long)*y * 12 + *m - 1 + n / (unit == 'W' ? 4 : 30);

		*y = (int)(mm / 12);
		*m = (int)(mm % 12) + 1;
	}
}

static void
dur_value(char *buf, size_t cap, double n, int unit)
{
	char ns[32];

	if (n == floor(n))
		snprintf(ns, sizeof ns, "%.0f", n);
	else
		snprintf(ns, sizeof ns, "%g", n);
	snprintf(buf, cap, "P%s%c", ns, unit);
}

/* ---- publication date ---------------------------------------------------- */

static int
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
static int
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

/* ---- the document -------------------------------------------------------- */

/*
 * Can a mod form ("since", "up to") end before t[s], blanks between?
 * Only if the word before the blanks is the last word of one (or next
 * to a non-ASCII byte, a blank or letter the pattern may take).
 */
static int
mod_before(const struct ctx *c, const char *t, size_t s)
{
	size_t e = s, b, k;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\n'))
		e--;
	if (e > 0 && (unsigned char)t[e - 1] >= 0x80)
		return 1;
	if (e == s)
		return 0;
	for (b = e; b > 0 && isalpha((unsigned char)t[b - 1]); b--)
		;
	if (b > 0 && (unsigned char)t[b - 1] >= 0x80)
		return 1;
	for (k = 0; k < c->nmodlast; k++)
		if (c->modlast[k].n == e - b &&
		    strncasecmp(c->modlast[k].w, t + b, e - b) == 0)
			return 1;
	return c->nmodlast == sizeof c->modlast / sizeof c->modlast[0];
}

static void
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

/* ---- writing the layer -------------------------------------------------- */

/*
 * The layer is written as JSON text, as jansson would write it (compact,
 * keys in this order): building it as jansson values cost more than
 * finding the dates.
 */

/* ,"key": before a member (key a plain literal); first: no comma. */
static void
add_key(struct glean_buf *b, const char *key, int first)
{
	if (!first)
		glean_buf_addc(b, ',');
	glean_buf_addc(b, '"');
	glean_buf_add(b, key, strlen(key));
	glean_buf_add(b, "\":", 2);
}

static void
add_uint(struct glean_buf *b, const char *key, size_t v, int first)
{
	char num[24];
	size_t i = sizeof num;

	add_key(b, key, first);
	do
		num[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	glean_buf_add(b, num + i, sizeof num - i);
}

static void
add_str(struct glean_buf *b, const char *key, const char *v)
{
	add_key(b, key, 0);
	glean_buf_addjstr(b, v, strlen(v));
}

/* {"start","end","text"} of t[s..e), without the closing brace. */
static void
add_span(struct glean_buf *b, struct glean_cp_cursor *cur, const char *t,
    size_t s, size_t e)
{
	glean_buf_addc(b, '{');
	add_uint(b, "start", glean_cp_at(cur, s), 1);
	add_uint(b, "end", glean_cp_at(cur, e), 0);
	add_key(b, "text", 0);
	glean_buf_addjstr(b, t + s, e - s);
}

static void
emit_cand(struct ctx *c, struct doc *d, struct cand *k,
    const struct anchor *an, struct anchor *last, struct glean_cp_cursor *cur,
    struct glean_buf *b)
{
	char v[96], v2[48], iv[96];
	const char *type = "date";
	int rel = 0, r2 = 0;

	iv[0] = '\0';
	switch (k->kind) {
	case K_POINT:
		if (k->deic >= 1000 && k->deic < 2000) {
			/* Easter: needs the year */
			int y = resolve_year(&k->a, an, &rel), m, dd;
			long z;

			if (!y) {
				snprintf(v, sizeof v, "XXXX-03");
				break;
			}
			easter(y, &m, &dd);
			z = days_from(y, m, dd) + (k->deic - 1000);
			civil_from(z, &y, &m, &dd);
			snprintf(v, sizeof v, "%04d-%02d-%02d", y, m, dd);
			break;
		}
		if (k->deic == 2000) {
			/* "the 20th of next month" */
			int y = an->y, m = an->m, dd = 0;

			rel = 1;
			if (!an->m) {
				snprintf(v, sizeof v, "XXXX-XX-%02d", k->a.d);
				break;
			}
			shift(&y, &m, &dd, 'M', (long)k->n);
			snprintf(v, sizeof v, "%04d-%02d-%02d", y, m, k->a.d);
			break;
		}
		if (k->a.wd && k->a.d && !k->a.m) {
			/* "Friday the 15th": the anchor's month */
			rel = 1;
			if (an->m)
				snprintf(v, sizeof v, "%04d-%02d-%02d", an->y,
				    an->m, k->a.d);
			else
				snprintf(v, sizeof v, "XXXX-XX-%02d", k->a.d);
			break;
		}
		fmt_point(v, sizeof v, &k->a, an, &rel);
		/* the latest calendar date mentioned anchors "two months
		 * later" */
		if (!k->a.q && !k->a.season && !k->a.decade &&
		    !(k->a.wd && !k->a.m)) {
			int r0 = 0, y = resolve_year(&k->a, an, &r0);

			if (y && (k->a.m || !k->a.d)) {
				last->y = y;
				last->m = k->a.m;
				last->d = k->a.m ? k->a.d : 0;
			}
		}
		if (k->a.decade)
			type = "daterange";
		break;
	case K_RANGE:
		type = "daterange";
		if (k->a.fiscal) {
			snprintf(v, sizeof v, "%04d/%04d", k->a.y, k->b.y);
			break;
		}
		if (!k->a.y && !k->a.hasyrel && !k->b.y && !k->b.hasyrel &&
		    k->a.m && k->b.m) {
			/* "July and September": one year for both, the
			 * end's, so the range runs forwards */
			int yb = resolve_year(&k->b, an, &r2);

			if (yb) {
				k->b.y = yb;
				k->a.y = yb - (k->a.m > k->b.m);
				rel = r2 = 1;
			}
		}
		fmt_point(v, sizeof v, &k->a, an, &rel);
		fmt_point(v2, sizeof v2, &k->b, an, &r2);
		rel |= r2;
		if (strlen(v) + strlen(v2) + 2 < sizeof v) {
			strcat(v, "/");
			strcat(v, v2);
		}
		break;
	case K_REL: {
		const struct anchor *b = k->base_prev && last->y ? last : an;
		int y = b->y, m = b->m, dd = b->d, pr = prec(b);

		rel = 1;
		if (!pr) {
			snprintf(v, sizeof v, k->n < 0 ? "PAST_REF" :
			    k->n > 0 ? "FUTURE_REF" : "PRESENT_REF");
			break;
		}
		if (k->deic && pr == 3)
			shift(&y, &m, &dd, 'D', k->deic);
		if (k->gran_unit) {
			if (k->unit == 'Y') {
				shift(&y, &m, &dd, 'Y', (long)k->n);
				pr = 1;
			} else if (k->unit == 'M') {
				if (pr < 2) {
					snprintf(v, sizeof v, "%04d", y);
					break;
				}
				shift(&y, &m, &dd, 'M', (long)k->n);
				pr = 2;
			} else if ((k->unit == 'W' || k->unit == 'E') &&
			    pr == 3) {
				int wy, wn;

				shift(&y, &m, &dd, 'W', (long)k->n);
				iso_week(days_from(y, m, dd), &wy, &wn);
				snprintf(v, sizeof v, k->unit == 'E' ?
				    "%04d-W%02d-WE" : "%04d-W%02d", wy, wn);
				break;
			} else if (k->unit == 'D' && pr == 3) {
				shift(&y, &m, &dd, 'D', (long)k->n);
			}
			fmt_at(v, sizeof v, y, m, dd, pr);
			break;
		}
		if (k->unit == 'D' && pr < 3) {
			fmt_at(v, sizeof v, y, m, dd, pr);
			break;
		}
		shift(&y, &m, &dd, k->unit, (long)k->n);
		fmt_at(v, sizeof v, y, m, dd, pr);
		break;
	}
	case K_DUR: {
		int u = k->unit;
		double n = k->n;

		type = "duration";
		dur_value(v, sizeof v, n, u);
		if (k->rel && prec(an)) {
			int y = an->y, m = an->m, dd = an->d, pr = prec(an);
			char a1[16], a2[16];

			rel = 1;
			if (u == 'Y')
				pr = 1;
			else if (u == 'M' && pr > 2)
				pr = 2;
			fmt_at(a2, sizeof a2, y, m, dd, pr);
			shift(&y, &m, &dd, u, (long)(k->rel * n));
			fmt_at(a1, sizeof a1, y, m, dd, pr);
			if (k->rel < 0)
				snprintf(iv, sizeof iv, "%s/%s", a1, a2);
			else
				snprintf(iv, sizeof iv, "%s/%s", a2, a1);
		} else if (k->rel) {
			rel = 1;
		}
		break;
	}
	case K_SET:
		type = "set";
		if (k->fixed)
			snprintf(v, sizeof v, "%s", k->fixed);
		else
			dur_value(v, sizeof v, k->n, k->unit);
		break;
	case K_VAGUE:
		type = "daterange";
		rel = 1;
		snprintf(v, sizeof v, "%s", k->fixed);
		break;
	}
	set_mod(c, d, k);
	add_span(b, cur, d->t, k->s, k->e);
	add_str(b, "value", v);
	add_key(b, "relative", 0);
	glean_buf_add(b, rel ? "true" : "false", rel ? 4 : 5);
	add_str(b, "type", type);
	if (k->mod)
		add_str(b, "mod", k->mod);
	if (iv[0])
		add_str(b, "interval", iv);
	if (k->coord) {
		int rr = 0;

		add_key(b, "parts", 0);
		glean_buf_addc(b, '[');
		add_span(b, cur, d->t, k->as, k->ae);
		fmt_point(v2, sizeof v2, &k->a, an, &rr);
		add_str(b, "value", v2);
		glean_buf_add(b, "},", 2);
		add_span(b, cur, d->t, k->bs, k->be);
		fmt_point(v2, sizeof v2, &k->b, an, &rr);
		add_str(b, "value", v2);
		glean_buf_add(b, "}]", 2);
	}
	glean_buf_addc(b, '}');
}

/* Adds "published" when inferred; the layer goes to tail as JSON text. */
static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	struct ctx *c = vctx;
	json_t *jt = json_object_get(doc, "text"), *jp;
	struct doc d = { 0 };
	struct anchor an = { 0 }, last = { 0 };
	struct glean_cp_cursor cur = { 0 };
	size_t i;
	int given = 0;

	(void)err;
	d.t = json_string_value(jt);
	d.n = json_string_length(jt);
	scan_windows(c, &d);
	select_cands(&d);
	join_ranges(c, &d);

	jp = json_object_get(doc, "published");
	if (json_is_string(jp) && parse_anchor(json_string_value(jp),
	    &an) == 0)
		given = 1;
	if (!given && infer_anchor(&d, &an) == 0) {
		char buf[16];

		fmt_at(buf, sizeof buf, an.y, an.m, an.d, prec(&an));
		json_object_set_new(doc, "published", json_string(buf));
		json_object_set_new(doc, "published_inferred", json_true());
	}
	cur.t = d.t;
	cur.n = d.n;
	last = an;
	glean_buf_add(tail, "\"dates\":[", 9);
	for (i = 0; i < d.nc; i++) {
		if (i)
			glean_buf_addc(tail, ',');
		emit_cand(c, &d, &d.c[i], &an, &last, &cur, tail);
	}
	glean_buf_addc(tail, ']');
	free(d.c);
	free(d.hit);
	free(d.start);
	free(d.closed);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ "us-dates", no_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	/* only "text" (and "published") is parsed; the other fields,
	 * tokens above all, are copied through unread */
	static const char *const reads[] = { "published", NULL };
	static const char *const writes[] = { "dates", NULL };
	struct glean_stage st = { "dates", NULL, NULL, reads, process, writes };
	struct ctx c;
	int ch, status;

	glean_setprog(argv[0]);
	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS "u", longopts,
	    NULL)) != -1) {
		if (ch == 'u') {
			usflag = 1;
			continue;
		}
		if (!glean_common_option(ch, optarg, &o, usage))
			usage(GLEAN_EXIT_FATAL);
	}
	ctx_init(&c, glean_lexdir(&o));
	st.ctx = &c;
	status = glean_run(&st, &o, argc - optind, argv + optind);
	ctx_free(&c);
	return status;
}
