/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of lib/phrasegate.c: the phrases spelled from patterns of
 * the lexicons' kinds (made-up words), sentences by hand, and random
 * texts of their words, where the gate must never say "cannot" when the
 * pattern (caseless, at word boundaries) matches.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "phrasegate.h"
#include "testhelp.h"

/* Rows of a made-up lexicon in the syntax of areas.tsv and
 * inspectorates.tsv. */
static const char *rows[] = {
	"(?:local\\s+)?widget\\s+boards?|wbs?",
	"(?:(?:the\\s+)?growth\\s+and\\s+)?(?:trees\\s+(?:being\\s+)?"
	    "watered|watered[-\\s]trees)(?:\\s+services?)?",
	"(?-i:SEND)(?:\\s+(?:plans|system))?|special\\s+needs(?:\\s+and\\s+"
	    "(?:/\\s*or\\s+)?disabilit(?:y|ies))?",
	"gardeners(?:'s|\xe2\x80\x99s)?\\s+work|gardening(?!\\s+club)",
	"well-?being|review,?\\s+and\\s+recording|office\\s+for\\s+"
	    "standards\\s+in\\s+parks",
};

/* Words and separators random texts are made of. */
static const char *bits[] = {
	"local", "widget", "board", "boards", "wb", "wbs", "the", "growth",
	"and", "trees", "being", "watered", "services", "service", "SEND",
	"send", "plans", "system", "special", "needs", "or", "disability",
	"disabilities", "gardeners", "gardening", "club", "work", "well",
	"review", "recording", "office", "for", "standards", "in", "parks",
	"Trees", "WIDGET", "x", "7", " ", " ", " ", "  ", "\t", "\n", ",", "'",
	"\xe2\x80\x99", "\xe2\x80\x94", "\xe2\x80\x83", "\xc2\xa3", "-", "/", "\xc2\xa0", "\xc5\xbf", "\xe2\x84\xaa", "\xc3\xa9",
	".", "s",
};

static struct glean_phrase_gate *
gate_of_rows(void)
{
	struct glean_phrase_gate *g = glean_phrase_gate_new();
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(*rows); i++)
		test_cond("a row of words is taken",
		    glean_phrase_gate_add(g, rows[i]));
	return g;
}

static pcre2_code *
pattern_of_rows(void)
{
	struct glean_buf b = { 0 };
	pcre2_code *re;
	size_t i;

	glean_buf_add(&b, "(?<![\\p{L}\\p{N}])(?:", 20);
	for (i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		if (i)
			glean_buf_addc(&b, '|');
		glean_buf_add(&b, "(?:", 3);
		glean_buf_add(&b, rows[i], strlen(rows[i]));
		glean_buf_addc(&b, ')');
	}
	glean_buf_add(&b, ")(?![\\p{L}\\p{N}])", 17);
	re = glean_re_compile(b.s, PCRE2_CASELESS, "test");
	glean_buf_free(&b);
	return re;
}

static int
may(const struct glean_phrase_gate *g, const char *s)
{
	return glean_phrase_gate_may(g, s, strlen(s));
}

static void
test_sentences(const struct glean_phrase_gate *g)
{
	test_cond("no phrase", !may(g, "The trees were cut down by the board."));
	test_cond("a word inside another", !may(g, "Subwidget boards."));
	test_cond("first word alone", !may(g, "The widget was broken"));
	test_cond("three words, white space between",
	    may(g, "the growth\t and \n trees"));
	test_cond("case", may(g, "THE Widget BOARDS met"));
	test_cond("one word", may(g, "said the wb."));
	test_cond("one word, letter after", !may(g, "said the wbx."));
	test_cond("one word, digit after", !may(g, "wb2 said"));
	test_cond("mark in the phrase", may(g, "gardeners's work") &&
	    !may(g, "gardeners' work"));
	test_cond("mark outside ASCII", may(g, "gardeners\xe2\x80\x99s work"));
	test_cond("hyphen or not", may(g, "wellbeing") && may(g, "well-being"));
	test_cond("hyphen in place of a space", may(g, "watered-trees"));
	test_cond("comma", may(g, "review, and recording"));
	test_cond("wrong mark", !may(g, "review; and recording"));
	test_cond("no space", !may(g, "widgetboards"));
	test_cond("long phrase cut, rest differs (may)",
	    may(g, "office for standards in cars"));
	test_cond("long phrase, third word differs",
	    !may(g, "office for schools in parks"));
	test_cond("white space outside ASCII", may(g, "widget\xc2\xa0" "boards")
	    && may(g, "widget \xe3\x80\x80" "boards"));
	test_cond("long s", may(g, "\xc5\xbfpecial needs"));
	test_cond("Kelvin sign anywhere", may(g, "x \xe2\x84\xaa y"));
	test_cond("lookahead is nothing", may(g, "gardening club"));
	test_cond("case-sensitive part", may(g, "SEND") && !may(g, "send") &&
	    !may(g, "Send plans"));
	test_cond("no letter outside ASCII", !may(g, "the growth and \xc2\xa3" "5"));
	test_cond("no mark outside ASCII", !may(g, "gardeners\xe2\x80\x94 work"));
	test_cond("at the very end", may(g, "special needs"));
	test_cond("cut at the end", !may(g, "special"));
	test_cond("empty text", !may(g, ""));
}

static void
test_refused(void)
{
	struct glean_phrase_gate *g = glean_phrase_gate_new();

	test_cond("digit", !glean_phrase_gate_add(g, "\\d+\\s+years"));
	test_cond("any character", !glean_phrase_gate_add(g, "foo.bar"));
	test_cond("range", !glean_phrase_gate_add(g, "[a-z]+"));
	test_cond("counted", !glean_phrase_gate_add(g, "fo{2}"));
	test_cond("starts with white space",
	    !glean_phrase_gate_add(g, "(?:\\s+x)?y|\\s+z"));
	test_cond("a ')' too many", !glean_phrase_gate_add(g, "a)b"));
	test_cond("unclosed", !glean_phrase_gate_add(g, "(?:ab"));
	test_cond("character with case", !glean_phrase_gate_add(g,
	    "caf\xc3\xa9"));
	test_cond("refused leaves it empty", !may(g, "foo bar years z y x"));
	glean_phrase_gate_free(g);
}

/* Random texts of bits: whenever re matches, g must say "may". */
static void
test_random(const struct glean_phrase_gate *g, pcre2_code *re)
{
	pcre2_match_data *md = glean_re_match_data(re);
	struct glean_buf t = { 0 };
	unsigned long seed = 12345;
	size_t i, k, nb = sizeof(bits) / sizeof(*bits), matched = 0;
	size_t missed = 0, closed = 0;

	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	for (i = 0; i < 200000; i++) {
		glean_buf_reset(&t);
		for (k = 0; k < 2 + i % 11; k++) {
			seed = seed * 6364136223846793005ul + 1442695040888963407ul;
			glean_buf_add(&t, bits[(seed >> 33) % nb],
			    strlen(bits[(seed >> 33) % nb]));
		}
		if (glean_re_match(re, t.s, t.len, 0, md) > 0) {
			matched++;
			if (!glean_phrase_gate_may(g, t.s, t.len) && !missed++)
				printf("  missed: [%s]\n", t.s);
		} else if (!glean_phrase_gate_may(g, t.s, t.len))
			closed++;
	}
	test_cond("random texts: no match missed", missed == 0);
	test_cond("random texts: some match", matched > 1000);
	test_cond("random texts: the gate shuts on some", closed > 10000);
	pcre2_match_data_free(md);
	glean_buf_free(&t);
}

int
main(void)
{
	struct glean_phrase_gate *g = gate_of_rows();
	pcre2_code *re = pattern_of_rows();

	test_sentences(g);
	test_refused();
	test_random(g, re);
	glean_phrase_gate_free(g);
	pcre2_code_free(re);
	test_report();
}
