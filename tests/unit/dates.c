/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-dates' pattern rows: each row's expression matched
 * at the start of a made-up phrase and its decoder run on the match, as
 * scan_pattern runs them, so that one row can be checked alone.  The
 * stage's modules are compiled in here (its main renamed), as sds's tests
 * are built from sds.c.  Expected values are written from the phrases.
 * Needs the lexicons: $GLEAN_LEXICONS or ./lexicons.
 */
#define main glean_dates_main
#include "../../stages/dates/main.c"
#undef main
#include "../../stages/dates/calendar.c"
#include "../../stages/dates/context.c"
#include "../../stages/dates/emit.c"
#include "../../stages/dates/gates.c"
#include "../../stages/dates/match.c"
#include "../../stages/dates/openers.c"
#include "../../stages/dates/patterns.c"
#include "../../stages/dates/resolve.c"
#include "../../stages/dates/triggers.c"
#include "../../stages/dates/windows.c"
#include "../../stages/dates/words.c"

#include "testhelp.h"

static struct ctx c;
static struct doc d;
static struct point a;

/*
 * Match row p anchored at the start of text and decode the match into a
 * and d's candidates.  Returns the decoder's answer (1: the point a), or
 * -1 when the expression does not match.
 */
static int
row(int p, const char *text)
{
	PCRE2_SIZE *ov;
	struct match m;

	free(d.c);
	memset(&d, 0, sizeof d);
	memset(&a, 0, sizeof a);
	d.t = text;
	d.n = strlen(text);
	if (glean_re_match(c.re[p], text, d.n, 0, c.md) <= 0)
		return -1;
	ov = pcre2_get_ovector_pointer(c.md);
	m.c = &c;
	m.d = &d;
	m.p = p;
	m.s = ov[0];
	m.e = ov[1];
	return pattern[p].decode(&m, &a);
}

static void
test_numeric(void)
{
	test_cond("ISO 2017-01-24", row(P_ISO, "2017-01-24") == 1 &&
	    a.y == 2017 && a.m == 1 && a.d == 24);
	test_cond("ISO 2017-02-30 blocks its span",
	    row(P_ISO, "2017-02-30") == 0 && d.nc == 1 && d.c[0].block);
	test_cond("NUM3 24/01/2017, the day first",
	    row(P_NUM3, "24/01/2017") == 1 && a.d == 24 && a.m == 1 &&
	    a.y == 2017);
	test_cond("NUM3 5/3/18: 5 March 2018", row(P_NUM3, "5/3/18") == 1 &&
	    a.d == 5 && a.m == 3 && a.y == 2018);
	c.usflag = 1;
	test_cond("NUM3 5/3/18 with --us-dates: May 3",
	    row(P_NUM3, "5/3/18") == 1 && a.m == 5 && a.d == 3);
	c.usflag = 0;
	test_cond("NUM3 5/13/2019: only one order makes a month",
	    row(P_NUM3, "5/13/2019") == 1 && a.m == 5 && a.d == 13);
	test_cond("NUMYM 2016-11", row(P_NUMYM, "2016-11") == 1 &&
	    a.y == 2016 && a.m == 11);
	test_cond("NUMYM 2016-17: a financial year, a range",
	    row(P_NUMYM, "2016-17") == 0 && d.nc == 1 &&
	    d.c[0].kind == K_RANGE && d.c[0].a.fiscal &&
	    d.c[0].a.y == 2016 && d.c[0].b.y == 2017);
	test_cond("YRANGE 2010-2012", row(P_YRANGE, "2010-2012") == 0 &&
	    d.nc == 1 && d.c[0].a.y == 2010 && d.c[0].b.y == 2012);
	test_cond("YEAR 2012 before a verb", row(P_YEAR, "2012 was") == 1 &&
	    a.y == 2012);
	test_cond("YEAR: 2020 before a plural noun is a count",
	    row(P_YEAR, "2020 pledges") == 0 && d.nc == 0);
}

static void
test_words(void)
{
	test_cond("MDY January 24, 2017", row(P_MDY, "January 24, 2017") == 1
	    && a.y == 2017 && a.m == 1 && a.d == 24);
	test_cond("DMY 31 February blocks its span",
	    row(P_DMY, "31 February") == 0 && d.nc == 1 && d.c[0].block);
	test_cond("DDM 4-22 January, 2017: a range",
	    row(P_DDM, "4-22 January, 2017") == 0 && d.nc == 1 &&
	    d.c[0].kind == K_RANGE && d.c[0].a.d == 4 && d.c[0].b.d == 22 &&
	    d.c[0].a.m == 1 && d.c[0].a.y == 2017);
	test_cond("QUARTER the third quarter of 2016",
	    row(P_QUARTER, "the third quarter of 2016") == 1 && a.q == 3 &&
	    a.y == 2016);
	test_cond("DECADE the 1970s", row(P_DECADE, "the 1970s") == 1 &&
	    a.y == 1970 && a.decade == 1);
	test_cond("DECADE the 1600s: a century",
	    row(P_DECADE, "the 1600s") == 1 && a.decade == 10);
	test_cond("SEASON summer 2016", row(P_SEASON, "summer 2016") == 1 &&
	    a.season == 2 && a.y == 2016);
	test_cond("RELN three years ago: back from the anchor",
	    row(P_RELN, "three years ago") == 0 && d.nc == 1 &&
	    d.c[0].kind == K_REL && d.c[0].unit == 'Y' && d.c[0].n == -3 &&
	    !d.c[0].base_prev);
	test_cond("RELN two months later: from the date before",
	    row(P_RELN, "two months later") == 0 && d.nc == 1 &&
	    d.c[0].n == 2 && d.c[0].base_prev);
	test_cond("SET every Monday", row(P_SET, "every Monday") == 0 &&
	    d.nc == 1 && d.c[0].kind == K_SET && d.c[0].every_wd &&
	    d.c[0].a.wd == 1);
	test_cond("THEDAY on the 27th",
	    row(P_THEDAY, "on the 27th.") == 1 && a.d == 27);
}

/* The trigger words filed from the lexicons (lib/trigger.c, filled by
 * triggers.c), and a table of one's own. */
static void
test_triggers(void)
{
	static struct glean_triggers tw;

	test_cond("a month name opens month windows, in any case",
	    (glean_trigger_find(&c.trig, "SEPTEMBER", 9) & CLS(T_MON)) &&
	    (glean_trigger_find(&c.trig, "September", 9) & CLS(T_MON)));
	test_cond("\"may\" is an ambiguous month",
	    glean_trigger_find(&c.trig, "May", 3) & (1u << TB_AMB));
	test_cond("a weekday opens weekday windows",
	    glean_trigger_find(&c.trig, "tuesday", 7) & CLS(T_WD));
	test_cond("an ordinary word is no trigger",
	    glean_trigger_find(&c.trig, "council", 7) == 0);
	glean_triggers_init(&tw);
	glean_trigger_add(&tw, "Pound", 5, 1);
	glean_trigger_add(&tw, "pound", 5, 2);
	glean_trigger_add(&tw, "x", 0, 4);
	test_cond("own table: bits added up, any case",
	    glean_trigger_find(&tw, "POUND", 5) == 3 &&
	    glean_trigger_maybe(&tw, "pound", 5));
	test_cond("own table: a prefix is no word",
	    glean_trigger_find(&tw, "pou", 3) == 0 &&
	    glean_trigger_find(&tw, "pounds", 6) == 0);
	test_cond("own table: the longest word of a form",
	    glean_trigger_add_longest(&tw, "US dollars", 8) == 7 &&
	    glean_trigger_find(&tw, "Dollars", 7) == 8 &&
	    glean_trigger_find(&tw, "us", 2) == 0);
}

/* A text of one to nine pieces of dates and of prose, drawn with the
 * generator *seed, into text; returns its length. */
static size_t
random_text(unsigned long *seed, char text[256])
{
	static const char *const piece[] = { "on", "for", "the", "of",
	    "month", "last", "next", "this", "first", "second", "twenty",
	    "one", "5", "12", "31st", "3rd", "2nd", "123", "2019", "17",
	    "01", "March", "May", "Sept", "to", "and", "until", "early",
	    "time", "x", " ", " ", " ", " ", "  ", "\n", "\t", "\r", "-",
	    "/", ".", ",", ";", ")", "(", "!", "?", "'", "\"", "%", "\xc2\xa3",
	    "\xc2\xa0", "\xc5\xbf", "\xd9\xa1", "\xe2\x80\x93", "\xe2\x80\x99",
	    "March 3", "May the 1", "to 5", "- 12th", "on the 12th",
	    "for the twenty-first", "the 5th of next month", "2017-01-24",
	    "3/4/2019", "12.1.17", "Sept. 3 and", "June 2-", "the '90s",
	    "Q3", "three years ago", "every Monday", "last week",
	    "Monday, March", "Tues. the", "Mayfirst", "June5", "Sept.",
	    "thirty-first", "the twenty", "2", "9th", "$", "\xe2\x82\xac",
	    "\xc2\xa5", "_", "2004 /5", "12/5", "3rd to 5 May", "5th-", "1.4%",
	    "3 until", "2004.", "7-", "days", " years", "weeks ago", "half",
	    "a few", "in excess of", "the past", "3years", "day\xc5\xbf", "\xc5\xbf" "ix",
	    "hundred", "(", "month", "twenty-five years", "1.5 weeks" };

	return test_random_text(seed, piece, sizeof piece / sizeof piece[0],
	    text);
}

/* The text[0..n) as the pass over a text leaves it (its key hits), for
 * RELN's gate: made again when the text is another. */
static const struct doc *
pass_doc(const char *text, size_t n)
{
	static struct doc pd;
	static char pt[256];
	static size_t pn = SIZE_MAX;

	if (pn == n && memcmp(pt, text, n) == 0)
		return &pd;
	free(pd.c);
	free(pd.hit);
	free(pd.start);
	free(pd.closed);
	memset(&pd, 0, sizeof pd);
	memcpy(pt, text, n);
	pn = n;
	pd.t = pt;
	pd.n = n;
	scan_windows(&c, &pd);
	return &pd;
}

/* Do the openers, may_match and the gates let pattern p be tried at
 * text[i], as find_starts and next_match ask them?  THEDAY's and
 * RELUNIT's openers leave out, by design, starts whose matches the
 * decoders drop (patterns.c): their openers are not asked. */
static int
let_try(int p, const char *text, size_t n, size_t i)
{
	return (p == P_THEDAY || p == P_RELUNIT ||
	    (openers_at(&c, text, n, i) >> p & 1)) &&
	    may_match(p, text, n, i) && (!(c.gated >> p & 1) ||
	    gate_may_match(&c, p, text, n, i)) && (p != P_RELN ||
	    reln_may_match(&c, pass_doc(text, n), n, i));
}

/* Does pattern p match at text[i] (of n)? */
static int
matches(int p, const char *text, size_t n, size_t i)
{
	return glean_re_match(c.re[p], text, n, i, c.md) > 0;
}

/*
 * The openers (openers.c), may_match and the gates (gates.c) against the
 * patterns: on many texts made of pieces of dates and of prose at random
 * (a fixed seed), wherever a pattern matches, it must have been let
 * through.  And the gates must say no somewhere, or the test would say
 * nothing.
 */
static void
test_gates(void)
{
	unsigned long seed = 18;
	struct test_gate_counts k;

	test_cond("the gates on with the lexicons", c.gated ==
	    (1u << P_THEDAY | 1u << P_MDD | 1u << P_MDY | 1u << P_NUMYM |
	    1u << P_NUM2 | 1u << P_DDM));
	test_gate_texts(&seed, 30000, NPAT, c.gated, random_text, let_try,
	    matches, &k);
	test_cond("none is kept from a text where it matches", k.wrong == 0);
	test_cond("the texts hold matches of the gated patterns",
	    k.matched[P_THEDAY] > 100 && k.matched[P_MDD] > 100 &&
	    k.matched[P_MDY] > 100 && k.matched[P_NUMYM] > 100 &&
	    k.matched[P_NUM2] > 100 && k.matched[P_DDM] > 100);
	test_cond("the gates say no to most of their tries",
	    k.said_no > k.tried / 2);
	test_cond("RELN's gate on with the lexicons", c.reln_on);
	seed = 19;
	test_gate_texts(&seed, 30000, NPAT, 1u << P_RELN, random_text,
	    let_try, matches, &k);
	test_cond("RELN: none is kept from a text where it matches",
	    k.wrong == 0 && k.matched[P_RELN] > 100);
	test_cond("RELN's gate says no somewhere", k.said_no > k.tried / 20);
}

/* A text of pieces of words, long words across blocks of 64 bytes,
 * digits and other bytes, drawn with *seed, into text; its length. */
static size_t
block_text(unsigned long *seed, char text[256])
{
	static const char *const piece[] = { "January", "may", "day",
	    "years", "Septembers", "on", "the", "x", "Q", "2019", "5", " ",
	    " ", "  ", "\n", "-", ".", "'", "\xc3\xa9", "\xe2\x80\x99",
	    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"
	    "mnop", "tuesdaytuesdaytuesdaytuesdaytuesdaytuesdaytuesdaytuesday"
	    "tue", "week", "ago", "Monday", "yesterday", "9th", "summer",
	    " st", " St ", "ab", " I " };
	size_t n = 0, k, len;
	const char *p;

	/* test_random_text's pieces are short: these would not fit nine
	 * times, so a piece that does not fit ends the text here */
	for (k = 0; k < 12; k++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		p = piece[(*seed >> 33) % (sizeof piece / sizeof piece[0])];
		if ((len = strlen(p)) >= 256 - n)
			break;
		memcpy(text + n, p, len);
		n += len;
	}
	text[n] = '\0';
	return n;
}

/* The runs of text[0..n) the block pass of scan_windows hands on, into
 * s[] and e[] (e 0 for digits): the pass as scan_windows makes it. */
static size_t
block_pass(const char *text, size_t n, size_t *s, size_t *e)
{
	uint64_t after_letter = 0, after_digit = 0, digits, runs;
	size_t base, end[64], k = 0;

	for (base = 0; base < n; base += 64) {
		struct glean_block blk;
		struct block_words bw;

		glean_block_classes(text + base, n - base, 0, &blk);
		block_words(text, n, base, blk.letters, &after_letter, &bw);
		digits = glean_run_starts(blk.digits, &after_digit);
		runs = block_runs(&c, text, n, base, &bw, digits, end);
		for (; runs; runs &= runs - 1) {
			int b = __builtin_ctzll(runs);

			s[k] = base + (size_t)b;
			e[k++] = digits >> b & 1 ? 0 : end[b];
		}
	}
	return k;
}

/* The same runs byte by byte: every run of digits, every word of ASCII
 * letters that glean_trigger_maybe lets through, in text order. */
static size_t
byte_pass(const char *text, size_t n, size_t *s, size_t *e)
{
	size_t i, j, k = 0;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (c_isdigit(ch) && (!i || !c_isdigit((unsigned char)
		    text[i - 1]))) {
			s[k] = i;
			e[k++] = 0;
		} else if (c_isalpha(ch) && (!i || !c_isalpha((unsigned char)
		    text[i - 1]))) {
			for (j = i; j < n && c_isalpha((unsigned char)text[j]);)
				j++;
			if (glean_trigger_maybe(&c.pass, text + i, j - i)) {
				s[k] = i;
				e[k++] = j;
			}
		}
	}
	return k;
}

/* scan_windows' pass over the blocks of a text (block_words pairs each
 * word's start with its last letter) against a pass byte by byte, on
 * texts with words across the blocks' edges. */
static void
test_block_pass(void)
{
	char text[256];
	size_t s1[256], e1[256], s2[256], e2[256], n, k1, k2, words = 0;
	unsigned long seed = 7;
	int round, wrong = 0, across = 0;

	for (round = 0; round < 20000; round++) {
		n = block_text(&seed, text);
		k1 = block_pass(text, n, s1, e1);
		k2 = byte_pass(text, n, s2, e2);
		words += k2;
		across += n > 64 && c_isalpha((unsigned char)text[63]) &&
		    c_isalpha((unsigned char)text[64]);
		if (k1 != k2 || memcmp(s1, s2, k1 * sizeof *s1) ||
		    memcmp(e1, e2, k1 * sizeof *e1))
			wrong++;
	}
	test_cond("the block pass finds the runs a byte pass finds",
	    wrong == 0);
	test_cond("the texts hold runs, and words across blocks",
	    words > 10000 && across > 1000);
}

int
main(void)
{
	const char *dir = getenv("GLEAN_LEXICONS");

	glean_setprog("dates-test");
	ctx_init(&c, dir && *dir ? dir : "lexicons");
	test_numeric();
	test_words();
	test_triggers();
	test_gates();
	test_block_pass();
	free(d.c);
	ctx_free(&c);
	test_report();
}
