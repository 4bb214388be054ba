/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of stages/lib/numbers.c, shared by glean-dates and
 * glean-money: numbers in digits and words, lexicon alternations and
 * pattern templates.  Reads the lexicons from $GLEAN_LEXICONS (make sets
 * it), else ./lexicons.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "numbers.h"
#include "testhelp.h"

static struct glean_numwords *nw;

static int
is(const char *s, double want)
{
	double v;

	return glean_parse_number(nw, s, strlen(s), &v) == 0 &&
	    fabs(v - want) < 1e-9 * (fabs(want) + 1);
}

/* Numbers that parse, in digits and words. */
static const struct {
	const char *what, *text;
	double want;
} numbers[] = {
	{ "digits", "3.5", 3.5 },
	{ "thousands commas", "139,000", 139000 },
	{ "Indian grouping", "12,34,567.89", 1234567.89 },
	{ "leading point", ".5", 0.5 },
	{ "whole", "470", 470 },
	{ "leading zeros", "007", 7 },
	{ "fifteen digits", "999,999,999,999,999", 999999999999999.0 },
	{ "sixteen digits", "1234567890123456", 1234567890123456.0 },
	{ "word", "two", 2 },
	{ "hyphenated", "twenty-five", 25 },
	{ "spaced", "twenty five", 25 },
	{ "with and", "two thousand and eighteen", 2018 },
	{ "hundreds", "three hundred and forty", 340 },
	{ "a hundred", "a hundred", 100 },
	{ "half million", "half million", 500000 },
	{ "a quarter million", "a quarter million", 250000 },
	{ "three quarters billion", "three quarters billion", 750000000 },
	{ "two and a half", "two and a half", 2.5 },
	{ "a few", "a few", 3 },
	{ "ordinal compound", "twenty-first", 21 },
	{ "NBSP between words", "two\xc2\xa0hundred", 200 },
};

static int
bad(const char *s)
{
	double v;

	return glean_parse_number(nw, s, strlen(s), &v) < 0;
}

/* Where the first match of pat starts and ends in s (-1 when none). */
static void
first_match(const char *pat, const char *s, long *at, long *end)
{
	pcre2_code *re = glean_re_compile(pat, PCRE2_CASELESS, "test");
	pcre2_match_data *md = glean_re_match_data(re);
	PCRE2_SIZE *ov;

	*at = *end = -1;
	if (glean_re_match(re, s, strlen(s), 0, md) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		*at = (long)ov[0];
		*end = (long)ov[1];
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/*
 * The trie form of a word list must match what the plain alternation
 * matches, at the same place and with the same length (longer forms
 * first), in every lexicon the stages build tries from.
 */
static void
test_trie(const char *lexdir)
{
	static const char *const names[] = { "months.tsv", "weekdays.tsv",
	    "number-words.tsv", "currencies.tsv" };
	static const char *const texts[] = {
		"in Sept. 2016", "on 3 September", "Jun", "June and July",
		"a Tuesday", "the tues", "twenty-five thousand", "a hundred",
		"\xc2\xa3 3.5m", "US$ 4", "50 euros", "5p", "no match here",
		"MAR", "mayday", "decemberish",
	};
	size_t i, k;
	long a1, e1, a2, e2;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		struct glean_lexicon *lx = glean_lexicon_load(lexdir,
		    names[i], 1);
		char *alt = glean_lex_alt(lx, 0, 0, NULL);
		char *trie = glean_lex_trie(lx, 0, 0, NULL);
		char *pa = glean_asprintf("(?<![a-z])%s", alt);
		char *pt = glean_asprintf("(?<![a-z])%s", trie);
		int same = 1;

		for (k = 0; k < sizeof texts / sizeof *texts; k++) {
			first_match(pa, texts[k], &a1, &e1);
			first_match(pt, texts[k], &a2, &e2);
			if (a1 != a2 || e1 != e2) {
				printf("  %s on \"%s\": alt %ld-%ld, trie "
				    "%ld-%ld\n", names[i], texts[k], a1, e1,
				    a2, e2);
				same = 0;
			}
		}
		test_cond("trie matches as the alternation does", same);
		free(pa);
		free(pt);
		free(alt);
		free(trie);
		glean_lexicon_free(lx);
	}
}

int
main(void)
{
	const char *lexdir = getenv("GLEAN_LEXICONS");
	static const char *names[] = { "A", "B" };
	static const char *vals[] = { "x", "(?:y)" };
	char *s;
	pcre2_code *re;
	pcre2_match_data *md;
	size_t i;

	glean_setprog("dates-numbers");
	nw = glean_numwords_load(lexdir && *lexdir ? lexdir : "lexicons");

	for (i = 0; i < sizeof numbers / sizeof *numbers; i++)
		test_cond(numbers[i].what, is(numbers[i].text,
		    numbers[i].want));
	test_cond("not a number", bad("banana"));
	test_cond("empty", bad(""));
	test_cond("letters after digits", bad("12ab"));
	test_cond("two points", bad("1.2.3"));
	test_cond("too many digits for a double, no overflow",
	    bad("99999999999999999999999999999999999999999999999999999999999"
	    "999999999999999999999999999999"));
	test_cond("numword kind",
	    glean_numword(nw, "Third", 5, "ord", NULL) == 3);
	test_cond("numword wrong kind", glean_numword(nw, "third", 5, "card",
	    NULL) < 0);

	s = glean_re_escape("U.S.$ (x)");
	test_cond("escape", strcmp(s, "U\\.S\\.\\$[\\s\\x{a0}]+\\(x\\)") == 0);
	free(s);
	s = glean_re_expand("a{A}b{B}", names, vals, 2);
	test_cond("expand", strcmp(s, "axb(?:y)") == 0);
	free(s);
	re = glean_re_compile_expanded("^{A}+{B}$", names, vals, 2,
	    PCRE2_CASELESS, "test");
	md = glean_re_match_data(re);
	test_cond("compile expanded: the values stand in the pattern",
	    glean_re_match(re, "XXy", 3, 0, md) > 0 &&
	    glean_re_match(re, "xz", 2, 0, md) == 0);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	{
		struct glean_lexicon *lx = glean_lexicon_load(
		    lexdir && *lexdir ? lexdir : "lexicons", "months.tsv", 3);
		char *alt = glean_lex_alt(lx, 0, 0, NULL);
		char *pat = glean_asprintf("^%s$", alt);

		re = glean_re_compile(pat, PCRE2_CASELESS, "test");
		md = glean_re_match_data(re);
		test_cond("alternation matches a month",
		    glean_re_match(re, "September", 9, 0, md) > 0);
		test_cond("longest first: sept not sep+t",
		    glean_re_match(re, "sept", 4, 0, md) > 0);
		test_cond("alternation rejects others",
		    glean_re_match(re, "Septembre", 9, 0, md) == 0);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		free(pat);
		free(alt);
		alt = glean_lex_alt(lx, 0, 1, "no such value");
		test_cond("empty selection never matches",
		    strcmp(alt, "(?:(?!))") == 0);
		free(alt);
		glean_lexicon_free(lx);
	}
	test_trie(lexdir && *lexdir ? lexdir : "lexicons");
	glean_numwords_free(nw);
	test_report();
}
