/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-money's gates: where the amount patterns are tried
 * (starts.c: next_start and the first words and followers it asks) and
 * which words the pass over the blocks looks up (block_runs: the words
 * of two letters left out, the table of lengths by first and last
 * letter).  Each is checked against what it stands in for, on many
 * texts made of pieces of amounts and of prose at random (a fixed seed).
 * The stage's modules are compiled in here (its main renamed).  Needs
 * the lexicons: $GLEAN_LEXICONS or ./lexicons.
 */
#define main glean_money_main
#include "../../stages/money/main.c"
#undef main
#include "../../stages/money/starts.c"

#include "testhelp.h"

static struct ctx c;

/* A text of one to nine pieces of amounts and of prose, drawn with the
 * generator *seed, into text; returns its length. */
static size_t
random_text(unsigned long *seed, char text[256])
{
	static const char *const piece[] = { "\xc2\xa3", "$", "US$", "US $",
	    "A$", "C$", "U.S.$", "Mex$", "\xe2\x82\xac", "\xc2\xa5", "GBP",
	    "usd", "EUR", "stg", "yen", "euros", "pounds", "pence", "p", "P",
	    "m", "bn", "k", "million", "billion", "thousand", "five",
	    "twenty", "a", "an", "half", "quarter", "and", "cents",
	    "dollars", "Swiss francs", "5", "12", "3.5", "1,000", ".5",
	    "10,000,000", "50 Cent", "tenpounds", "\xd9\xa1", " ", " ", " ",
	    "  ", "\t", "\n", "-", "to", "\xc2\xa0", ",", ".", "(", ")", "%",
	    "'", "about", "up to", "per", "a year", "x", "the", "of", "in",
	    "children", "members", "Canadian dollars", "\xc5\xbf",
	    "\xe2\x80\x99", "\xe2\x80\x9c", "4p", "\xe2\x84\xaa", "_",
	    "a million", "A thousand", "an\xc2\xa0half", " pounds", " euros" };

	return test_random_text(seed, piece, sizeof piece / sizeof piece[0],
	    text);
}

/* Does next_start, asked at text[i] as scan asks it (the next digit
 * found first), let the amount pattern of kind be tried there? */
static int
let_try(int kind, const char *text, size_t n, size_t i)
{
	size_t digit = c.digit_lead[kind] != NO_DIGIT_GATE ?
	    next_digit(&c, text, i, n) : n;

	return next_start(&c, kind, text, i, n, &digit) == i;
}

/* Does the amount pattern of kind match at text[i] (of n)? */
static int
matches(int kind, const char *text, size_t n, size_t i)
{
	return match_at(&c, c.re_amount[kind], text, n, i) > 0;
}

/*
 * next_start against the amount patterns: wherever one matches (anchored
 * there, its look-behind seeing the text before), it must have been let
 * through; and it must say no to most places, or the test would say
 * nothing.
 */
static void
test_starts(void)
{
	unsigned long seed = 20;
	struct test_gate_counts k;

	test_cond("the suffix number gate on with the lexicons",
	    c.follow_gate);
	test_gate_texts(&seed, 20000, NKIND, (1u << NKIND) - 1, random_text,
	    let_try, matches, &k);
	test_cond("no pattern is kept from a place where it matches",
	    k.wrong == 0);
	test_cond("the texts hold matches of each kind",
	    k.matched[A_PRE] > 100 && k.matched[A_SUF] > 100 &&
	    k.matched[A_ATT] > 100);
	test_cond("next_start says no to most places",
	    k.said_no > k.tried / 2);
}

/* Is the word text[s..e) among the runs block_runs gives for the text's
 * blocks, as scan_windows asks it? */
static int
looked_at(const char *text, size_t n, size_t s, size_t e)
{
	struct run_at run[64];
	uint64_t after_letter = 0, starts;
	size_t base, k, nrun;

	for (base = 0; base < n; base += 64) {
		struct glean_block blk;

		glean_block_classes(text + base, n - base, '$', &blk);
		starts = glean_run_starts(blk.letters, &after_letter);
		nrun = block_runs(&c, text, n, base, blk.letters, starts,
		    (starts & ~two_letter_words(&c, blk.letters)) | blk.chs |
		    blk.high, run);
		for (k = 0; k < nrun; k++)
			if (run[k].s == s && run[k].e == e)
				return 1;
	}
	return 0;
}

/*
 * The pass over the blocks against the trigger table: every word (a run
 * of ASCII letters) that opens a window (word_kinds) is looked at, in
 * texts long enough to cross blocks; most are not.
 */
static void
test_block_runs(void)
{
	char text[1024];
	unsigned long seed = 64, words = 0, opening = 0, wrong = 0;
	size_t n, i, j, k;
	int round;

	for (round = 0; round < 3000; round++) {
		for (n = 0; n < 700; n += random_text(&seed, text + n))
			;
		for (i = 0; i < n; i = j + (j == i)) {
			for (j = i; j < n && ascii_letter(text[j]); j++)
				;
			if (j == i || (i > 0 && ascii_letter(text[i - 1])))
				continue;
			words++;
			k = word_kinds(&c, text, i, j) != 0;
			opening += k;
			if (k && !looked_at(text, n, i, j) && wrong++ < 5)
				fprintf(stderr, "word at %zu of %zu not "
				    "looked at\n", i, n);
		}
	}
	test_cond("every word that opens a window is looked at", wrong == 0);
	test_cond("the texts hold words that open windows",
	    opening > 1000 && opening < words);
	test_cond("no trigger word of two letters: those are left out",
	    two_letter_words(&c, 0x6) == 0x2 &&
	    two_letter_words(&c, (uint64_t)3 << 62) == 0);
}

int
main(void)
{
	glean_setprog("money-test");
	ctx_init(&c, test_lexicons());
	test_starts();
	test_block_runs();
	ctx_free(&c);
	test_report();
}
