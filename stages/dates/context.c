/* See LICENSE file for copyright and license details. */
/*
 * context.c - the stage's state, made once: the lexicons loaded, the
 * placeholders of the patterns ({MON}, {SP}...) expanded from them, the
 * patterns compiled, the trigger words and the openers built.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* The placeholders of the expressions, in the order of their values. */
static const char *names[] = { "MON", "WD", "UNIT", "REL", "DEIC",
    "DIR", "SEASON", "HOL", "VAGUE", "EDGE", "EVERY", "SETP", "POD",
    "CONN", "OPEN", "APPROX", "ORD", "CARD", "NUMW", "NUMV", "DAYN",
    "DAYO", "DAYC", "SP", "SP0", "MOD", "NOTAFTER" };
enum { NN = sizeof names / sizeof names[0] };

/* The alternations of the lexicon placeholders into v (malloc'd). */
static void
lexicon_values(const struct ctx *c, char *v[NN])
{
	/* placeholder index -> class of date-words.tsv */
	static const struct {
		int i;
		const char *cls;
	} word_class[] = { { 2, "unit" }, { 3, "rel" }, { 4, "deictic" },
	    { 5, "dir" }, { 6, "season" }, { 7, "holiday" }, { 8, "vague" },
	    { 9, "edge" }, { 10, "every" }, { 11, "setphrase" },
	    { 12, "partofday" }, { 13, "connector" }, { 14, "opener" },
	    { 25, "mod" }, { 26, "notafter" } };
	size_t k;

	v[0] = glean_lex_trie(c->months, 0, 0, NULL);
	v[1] = glean_lex_trie(c->wdays, 0, 0, NULL);
	for (k = 0; k < sizeof word_class / sizeof word_class[0]; k++)
		v[word_class[k].i] = glean_lex_trie(c->words, 0, 1,
		    word_class[k].cls);
	v[15] = glean_lex_trie(c->approx, 0, 0, NULL);
	v[16] = glean_lex_trie(c->nw->lx, 0, 2, "ord");
	v[17] = glean_lex_trie(c->nw->lx, 0, 2, "card");
}

/*
 * Every placeholder's value into v (malloc'd, to free) and cv (what the
 * expressions are expanded with): the lexicons', then the blanks, then
 * the numbers built of them.
 */
static void
placeholder_values(const struct ctx *c, char *v[NN], const char *cv[NN])
{
	size_t i;

	lexicon_values(c, v);
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
}

/* src with the placeholders expanded, compiled with flags. */
static pcre2_code *
compile(const char *src, const char *cv[NN], uint32_t flags,
    const char *what)
{
	return glean_re_compile_expanded(src, names, cv, NN, flags, what);
}

/* The patterns of the table, and the expressions around a match. */
static void
compile_patterns(struct ctx *c, const char *cv[NN])
{
	size_t i;

	for (i = 0; i < NPAT; i++) {
		char what[32];

		snprintf(what, sizeof what, "date pattern %zu", i);
		/* tried only where the openers say, each start alone */
		c->re[i] = compile(pattern[i].src, cv, PCRE2_CASELESS |
		    PCRE2_ANCHORED, what);
	}
	c->re_mod = compile("(?<!\\w)(?<mod>{MOD}){SP}$", cv,
	    PCRE2_CASELESS, "date mod");
	c->re_conn = compile("{SP0}(?<conn>{CONN}){SP0}", cv,
	    PCRE2_CASELESS | PCRE2_ANCHORED, "date connector");
	c->re_open = compile("(?<!\\w)(?<open>{OPEN}){SP}$", cv,
	    PCRE2_CASELESS, "date opener");
	c->re_notafter = compile("{SP}(?:{NOTAFTER})(?!\\w)", cv,
	    PCRE2_CASELESS | PCRE2_ANCHORED, "date notafter");
}

/*
 * Make c from the lexicons in lexdir.  A missing or bad lexicon, or a
 * pattern that will not compile, is fatal (exit 2, one line).
 */
void
ctx_init(struct ctx *c, const char *lexdir)
{
	char *v[NN];
	const char *cv[NN];
	size_t i;

	memset(c, 0, sizeof *c);
	c->months = glean_lexicon_load(lexdir, "months.tsv", 3);
	c->wdays = glean_lexicon_load(lexdir, "weekdays.tsv", 3);
	c->words = glean_lexicon_load(lexdir, "date-words.tsv", 3);
	c->approx = glean_lexicon_load(lexdir, "approx.tsv", 2);
	c->nw = glean_numwords_load(lexdir);
	c->spare = glean_calloc(1, sizeof *c->spare);
	word_rows_init(c);
	names_init(c);
	placeholder_values(c, v, cv);
	compile_patterns(c, cv);
	trig_init(c);
	gates_init(c);
	openers_init(c);
	c->md = pcre2_match_data_create(64, NULL);
	c->md2 = pcre2_match_data_create(64, NULL);
	c->ov = pcre2_get_ovector_pointer(c->md);
	c->nov = pcre2_get_ovector_count(c->md);
	for (i = 0; i < NN; i++)
		free(v[i]);
}

/* Free what ctx_init made. */
void
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
	if (c->spare) {
		free(c->spare->c);
		free(c->spare->hit);
		free(c->spare->start);
		free(c->spare->closed);
		free(c->spare);
	}
}
