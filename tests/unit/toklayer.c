/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of the stream's token layers (stages/lib/toklayer.c): the
 * compact form and the arrays form written from hand-worked sentences,
 * the compact form read back (and refused when malformed), the round
 * trip compact -> arrays against the arrays writer, and the property the
 * compact form rests on: no stem holds a space, is empty or needs an
 * escape.  Needs the abbreviations lexicon: $GLEAN_LEXICONS or
 * ./lexicons.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "glean.h"
#include "tok.h"
#include "toklayer.h"
#include "testhelp.h"

static struct glean_abbrevs *ab;
static struct glean_toks tk;

/* The value of "tokens" that glean_toks_json writes for s in form f. */
static const char *
layer(const char *s, size_t n, enum glean_tokens_form f)
{
	static struct glean_buf b;
	const char *k;

	glean_buf_reset(&b);
	glean_tokenize(s, n, ab, &tk);
	glean_toks_json(s, &tk, f, &b);
	k = strstr(b.s, ",\"tokens\":");
	return k ? k + 10 : "";
}

/* Written from the sentences by hand. */
static void
test_writer(void)
{
	static const char ad[] = "Ad sales boost.";
	static const char said[] = "\"It's \xc2\xa3" "3.5m,\" Ann said.";

	test_str("compact: Ad sales boost.", layer(ad, strlen(ad),
	    GLEAN_TOKENS_COMPACT), "\"0,2wad 5wsale 5wboost 0,1p\"");
	test_str("arrays: Ad sales boost.", layer(ad, strlen(ad),
	    GLEAN_TOKENS_ARRAYS), "[[0,2,\"word\",\"ad\"],[3,8,\"word\","
	    "\"sale\"],[9,14,\"word\",\"boost\"],[14,15,\"punct\"]]");
	/* a quote, a clitic, a symbol and a number glued together, then a
	 * gap of one before Ann and said */
	test_str("compact: a quotation", layer(said, strlen(said),
	    GLEAN_TOKENS_COMPACT),
	    "\"0,1q 0,2wit 0,2w's 1s 0,4n 0,1p 0,1q 3wann 4wsaid 0,1p\"");
	test_str("compact: no tokens", layer("  ", 2, GLEAN_TOKENS_COMPACT),
	    "\"\"");
	test_str("compact: leading gap of 1 left out",
	    layer(" e-mail ann@x.org", 17, GLEAN_TOKENS_COMPACT),
	    "\"6we-mail 9e\"");
}

/* Read the compact layer s; the tokens as "s-e:k[:stem]" joined by spaces,
 * or "ERR" where it is malformed. */
static const char *
parse(const char *s)
{
	static char got[512];
	struct glean_toklayer it;
	struct glean_ltok t;
	size_t len = 0;
	int rc;

	got[0] = '\0';
	glean_toklayer_open_compact(&it, s, strlen(s));
	while ((rc = glean_toklayer_next(&it, &t)) > 0)
		len += (size_t)snprintf(got + len, sizeof got - len,
		    "%s%u-%u:%c%s%.*s", len ? " " : "", t.s, t.e,
		    glean_tok_kind_letters[t.kind], t.stem ? ":" : "",
		    (int)t.slen, t.stem ? t.stem : "");
	if (rc < 0)
		snprintf(got + len, sizeof got - len, "%sERR", len ? " " : "");
	return got;
}

static void
test_reader(void)
{
	json_t *arr = json_loads("[[0,2,\"word\",\"ad\"],[3,4,\"punct\"],"
	    "[5,9,\"thing\"]]", 0, NULL);
	struct glean_toklayer it;
	struct glean_ltok t;

	test_str("read: example", parse("0,2wad 5wsale 5wboost 0,1p"),
	    "0-2:w:ad 3-8:w:sale 9-14:w:boost 14-15:p");
	test_str("read: empty layer", parse(""), "");
	test_str("read: every kind", parse("1n 1p 1q 1s 1u 1e 1w"),
	    "1-2:n 3-4:p 5-6:q 7-8:s 9-10:u 11-12:e 13-14:w:");
	test_str("read: a stem of non-ASCII letters",
	    parse("2,6wstra\xc3\x9f" "e"), "2-8:w:stra\xc3\x9f" "e");
	test_str("read: leading space", parse(" 1w"), "ERR");
	test_str("read: trailing space", parse("1p "), "ERR");
	test_str("read: two spaces", parse("1p  1p"), "1-2:p ERR");
	test_str("read: unknown kind", parse("1x"), "ERR");
	test_str("read: no kind", parse("12"), "ERR");
	test_str("read: stem on punct", parse("1pab"), "ERR");
	test_str("read: no length", parse("1,w"), "ERR");
	test_str("read: no gap", parse(",1w"), "ERR");
	test_str("read: sign", parse("-1w"), "ERR");
	test_str("read: 2^32 - 1 fits", parse("4294967295,0p"),
	    "4294967295-4294967295:p");
	test_str("read: 2^32", parse("4294967296,0p"), "ERR");
	test_str("read: past 2^32 - 1", parse("4294967295,1p"), "ERR");
	test_str("read: end past 2^32 - 1", parse("4294967290,1p 9p"),
	    "4294967290-4294967291:p ERR");
	/* the arrays form: kinds by name, a name we do not know kept apart */
	test_cond("read arrays: opened", glean_toklayer_open(&it, arr) == 0);
	test_cond("read arrays: word", glean_toklayer_next(&it, &t) == 1 &&
	    t.s == 0 && t.e == 2 && t.kind == GLEAN_TOK_WORD &&
	    t.slen == 2 && memcmp(t.stem, "ad", 2) == 0);
	test_cond("read arrays: punct", glean_toklayer_next(&it, &t) == 1 &&
	    t.s == 3 && t.e == 4 && t.kind == GLEAN_TOK_PUNCT && !t.stem);
	test_cond("read arrays: other kind", glean_toklayer_next(&it, &t) == 1
	    && t.kind == GLEAN_TOK_NKINDS);
	test_cond("read arrays: end", glean_toklayer_next(&it, &t) == 0);
	json_decref(arr);
	arr = json_loads("[[3,2,\"word\"]]", 0, NULL);
	glean_toklayer_open(&it, arr);
	test_cond("read arrays: end before start",
	    glean_toklayer_next(&it, &t) < 0);
	json_decref(arr);
	arr = json_integer(7);
	test_cond("read: neither form", glean_toklayer_open(&it, arr) < 0);
	json_decref(arr);
}

/*
 * Compact, decoded and written back as arrays, is the arrays writer's
 * layer byte for byte.
 */
static int
round_trip(const char *s, size_t n)
{
	struct glean_buf wrapped = { 0 }, back = { 0 };
	char *arrays = glean_strndup(layer(s, n, GLEAN_TOKENS_ARRAYS),
	    strlen(layer(s, n, GLEAN_TOKENS_ARRAYS)));
	const char *compact = layer(s, n, GLEAN_TOKENS_COMPACT);
	json_t *j;
	int ok;

	glean_buf_add(&wrapped, "[", 1);
	glean_buf_add(&wrapped, compact, strlen(compact));
	glean_buf_add(&wrapped, "]", 1);
	j = json_loads(wrapped.s, 0, NULL);
	ok = j && glean_toklayer_arrays(json_string_value(json_array_get(j,
	    0)), json_string_length(json_array_get(j, 0)), &back) == 0 &&
	    strcmp(back.s, arrays) == 0;
	json_decref(j);
	free(arrays);
	glean_buf_free(&wrapped);
	glean_buf_free(&back);
	return ok;
}

static void
test_round_trip(void)
{
	static const char *texts[] = {
		"Ad sales boost.",
		"  Mr. Smith's U.K. team (\"the best\") won \xc2\xa3" "3.5m "
		    "in 2019 \xe2\x80\x94 see https://x.org/a or mail a@b.co.",
		"Stra\xc3\x9f" "e \xc4\xb0stanbul CAF\xc3\x89 na\xc3\xafve "
		    "\xe2\x80\x98quoted\xe2\x80\x99 councils\xe2\x80\x99 "
		    "don\xe2\x80\x99t \xf0\x9f\x98\x80 x\n\ny",
		"",
	};
	size_t i, n = 1 << 20;
	char *big = malloc(n + 1);

	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		test_cond("round trip: compact -> arrays is the arrays form",
		    round_trip(texts[i], strlen(texts[i])));
	for (i = 0; i < n; i++)
		big[i] = "Ab. c'd -\n\xc3\xa9z  "[i % 14];
	big[n] = '\0';
	test_cond("round trip: 1 MB", round_trip(big, n));
	free(big);
}

/*
 * Why a stem never holds a space, is never empty and never needs an
 * escape: a word token is letters, digits and marks (Unicode L*, Nd, M*)
 * joined by - U+2010 U+2011 ' U+2019, or such letters with dots (an
 * abbreviation), or a clitic ('s n't ' ...); every space, control and
 * format character (Zs, Cc, Cf) and '"' and '\\' end a word.  Its stem
 * is its canonical case folding (UTF8PROC_CASEFOLD without COMPAT: a
 * letter folds to letters and marks, never to a space, as a compatibility
 * mapping such as U+FDFA's would) through Snowball English, which only
 * rewrites ASCII suffixes and keeps at least the first letter.  Checked
 * here on every code point that can start a word, alone and between
 * letters.
 */
static void
test_stem_property(void)
{
	struct glean_buf text = { 0 }, st = { 0 };
	int32_t cp;
	size_t i, bad = 0, words = 0;

	for (cp = 0x41; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		glean_buf_reset(&text);
		glean_buf_addcp(&text, cp);
		glean_buf_add(&text, " A", 2);
		glean_buf_addcp(&text, cp);
		glean_buf_add(&text, "ies ", 4);
		glean_buf_addcp(&text, cp);
		glean_buf_addcp(&text, cp);
		glean_buf_add(&text, "'s", 2);
		glean_tokenize(text.s, text.len, ab, &tk);
		for (i = 0; i < tk.n; i++) {
			size_t k;

			if (tk.t[i].kind != GLEAN_TOK_WORD)
				continue;
			words++;
			glean_tok_stem(text.s, &tk.t[i], &st);
			for (k = 0; k < st.len; k++)
				if ((unsigned char)st.s[k] <= 0x20 ||
				    st.s[k] == '"' || st.s[k] == '\\')
					break;
			if (st.len == 0 || k < st.len) {
				if (bad++ < 5)
					printf("  U+%04X: stem \"%s\"\n",
					    (unsigned)cp, st.s);
			}
		}
	}
	test_cond("stems: many words checked", words > 100000);
	test_cond("stems: none empty, none with a space or an escape",
	    bad == 0);
	glean_buf_free(&text);
	glean_buf_free(&st);
}

int
main(void)
{
	const char *lex = getenv("GLEAN_LEXICONS");

	ab = glean_abbrevs_load(lex && *lex ? lex : "lexicons");
	test_writer();
	test_reader();
	test_round_trip();
	test_stem_property();
	glean_toks_free(&tk);
	glean_abbrevs_free(ab);
	test_report();
}
