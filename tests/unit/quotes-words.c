/* See LICENSE file for copyright and license details. */
/*
 * Unit test of glean-quotes' word scan and mark directions against
 * their slow paths: on random texts, scan_words (whole blocks read off
 * their bits, plain_words first) must make the words, capitals and
 * glued marks that scan_word alone makes, word by word from the text's
 * start, and mark_dir (apostrophes inside words told first) must give
 * mark_dir_slow's direction to every mark.  The stage's modules are
 * compiled in here, as in tests/unit/quotes.c.
 */
#define main glean_quotes_main
#include "../../stages/quotes/main.c"
#undef main
#include "../../stages/quotes/choice.c"
#include "../../stages/quotes/cues.c"
#include "../../stages/quotes/entities.c"
#include "../../stages/quotes/frames.c"
#include "../../stages/quotes/lexicon.c"
#include "../../stages/quotes/marks.c"
#include "../../stages/quotes/output.c"
#include "../../stages/quotes/report.c"
#include "../../stages/quotes/speakers.c"
#include "../../stages/quotes/text.c"

#include "testhelp.h"

/* Pieces of news text, each a case of the scan: plain words, words
 * that go on past - or ' (or ’), clitics, headings glued on, letters
 * not ASCII (composed and combining), dashes and marks, digits, runs of
 * letters long enough to cross a 64-byte block. */
static const char *const pieces[] = {
	"The council ", "said ", "Ofsted's ", "report", "Inspectors ",
	"damning reportInspectors found ", "well-being ", "rock'n'roll ",
	"don't ", "council’s ", "caf\xc3\xa9 ", "na\xc3\xafve ", "\xc3\x89" "cole ",
	"e\xcc\x81t\xc3\xa9 ", "\xe2\x80\x9cQuoted\xe2\x80\x9d ", " \xe2\x80\x94 ",
	"U.S. ", "2019 ", "x", "  ", "\n", "\n\n", "ab-", "-", "'", "'s",
	"iPhone ", "McDonald ", "abcdefghijklmnopqrstuvwxyz01", "Mr. Smith, ",
	"\"Yes,\" she said. ", "A", "9", "\xe2\x80\xa6", "\xc2\xa0", "\t",
	"(BBC) ", "co-op's ", "'90s ", "O'Neill ", "\xe5\x8c\x97\xe4\xba\xac ",
};

/* A text of random pieces (test_random_text); main puts up to four
 * end to end, so that whole 64-byte blocks are read. */
static size_t
text_of(unsigned long *seed, char *text)
{
	return test_random_text(seed, pieces, sizeof pieces / sizeof *pieces,
	    text);
}

/* The words as scan_word alone makes them, from the text's start. */
static void
slow_words(struct qdoc *d)
{
	struct wordblock wb = { SIZE_MAX, 0, 0, 0, 0, SIZE_MAX, 0, 0 };
	size_t i = 0;

	while (i < d->n)
		i = scan_word(d, &wb, i);
}

/* Do d's words and capitals equal the nw words w and nc capitals c? */
static int
same_words(const struct qdoc *d, const struct word *w, size_t nw,
    const uint32_t *c, size_t nc)
{
	size_t k;

	if (d->nw != nw || d->ncapital != nc)
		return 0;
	for (k = 0; k < nw; k++)
		if (d->w[k].b != w[k].b || d->w[k].e != w[k].e ||
		    d->w[k].cap != w[k].cap || d->w[k].glued != w[k].glued ||
		    d->w[k].sstart != w[k].sstart || d->w[k].inq != w[k].inq ||
		    d->w[k].fold != NOFOLD || d->w[k].stem != -1 ||
		    d->w[k].cls != -1 || d->w[k].cue != -2)
			return 0;
	for (k = 0; k < nc; k++)
		if (d->capital[k] != c[k])
			return 0;
	return 1;
}

/*
 * mark_dir against mark_dir_slow at every byte of the text that may
 * start a mark, as a paragraph of its own and cut at a byte after it:
 * the number of marks it differs on.
 */
static int
marks_differ(struct qdoc *d, size_t n)
{
	size_t i, l, pe;
	int dbl, glyph, bad = 0;

	for (i = 0; i < n; i++) {
		for (pe = i + 1; pe <= n && pe <= i + 3; pe++) {
			if (!mark_glyph(d, i, pe, &l, &dbl, &glyph) ||
			    i + l > pe)
				continue;
			bad += mark_dir(d, i, l, 0, pe, dbl, glyph) !=
			    mark_dir_slow(d, i, l, 0, pe, dbl, glyph);
			bad += i > 0 && mark_dir(d, i, l, i - 1, n, dbl,
			    glyph) != mark_dir_slow(d, i, l, i - 1, n, dbl,
			    glyph);
		}
		if (mark_glyph(d, i, n, &l, &dbl, &glyph))
			bad += mark_dir(d, i, l, 0, n, dbl, glyph) !=
			    mark_dir_slow(d, i, l, 0, n, dbl, glyph);
	}
	return bad;
}

int
main(void)
{
	static struct quotes_lex lex;
	struct qdoc d;
	char text[256], big[4 * 256];
	struct word *w = NULL;
	uint32_t *c = NULL;
	unsigned long seed = 18;
	size_t n, nw, nc, k;
	int round, bad = 0, badmarks = 0, words = 0;

	qdoc_init(&d, &lex);
	for (round = 0; round < 20000; round++) {
		/* one to four texts end to end: several blocks */
		n = 0;
		for (k = 0; k <= (size_t)round % 4; k++) {
			size_t l = text_of(&seed, text);
			memcpy(big + n, text, l);
			n += l;
		}
		d.s = big;
		d.n = n;
		d.nw = d.ncapital = 0;
		slow_words(&d);
		nw = d.nw;
		nc = d.ncapital;
		w = glean_realloc(w, (nw + 1) * sizeof(*w));
		c = glean_realloc(c, (nc + 1) * sizeof(*c));
		memcpy(w, d.w, nw * sizeof(*w));
		memcpy(c, d.capital, nc * sizeof(*c));
		d.nw = d.ncapital = 0;
		scan_words(&d);
		words += (int)nw;
		if (!same_words(&d, w, nw, c, nc) && bad++ < 5)
			printf("words differ on \"%.*s\"\n", (int)n, big);
		if (marks_differ(&d, n) && badmarks++ < 5)
			printf("marks differ on \"%.*s\"\n", (int)n, big);
	}
	test_cond("scan_words makes scan_word's words", bad == 0);
	test_cond("mark_dir tells mark_dir_slow's directions",
	    badmarks == 0);
	test_cond("the texts held words", words > 20000);
	free(w);
	free(c);
	d.nq = 0;
	qdoc_free(&d);
	test_report();
}
