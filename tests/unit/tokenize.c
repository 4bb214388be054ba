/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of the tokenizer and sentence splitter (stages/lib/tok.c):
 * the tricky cases of news English, each written from the rule it
 * checks.  Needs the abbreviations lexicon: $GLEAN_LEXICONS or ./lexicons.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "tok.h"
#include "testhelp.h"

/*
 * The tokenizer once more, as ref_tokenize, without its fast paths for
 * runs of plain words and split's candidates (TOK_PLAIN_FAST 0): the
 * reference they are checked against (fast_tests, cand_tests).  Its
 * other public names are renamed too, not to clash with the library's.
 */
#define TOK_PLAIN_FAST 0
#define glean_tokenize ref_tokenize
#define glean_toks_reset ref_toks_reset
#define glean_toks_free ref_toks_free
#define glean_tok_kind_names ref_tok_kind_names
#define glean_stem_cache ref_stem_cache
#define glean_stem_masks ref_stem_masks
#define glean_stem_head_end ref_stem_head_end
#define glean_tok_stem ref_tok_stem
#define glean_tok_stems_ready ref_tok_stems_ready
#define glean_tok_stem_lookup ref_tok_stem_lookup
void ref_tokenize(const char *, size_t, const struct glean_abbrevs *,
    struct glean_toks *);
void ref_toks_reset(struct glean_toks *);
void ref_toks_free(struct glean_toks *);
void ref_tok_stem(const char *, const struct glean_tok *,
    struct glean_buf *);
void ref_tok_stems_ready(void);
const char *ref_tok_stem_lookup(const char *, const struct glean_tok *,
    uint32_t, const char *, size_t *, int *, int *, struct glean_buf *);
#include "tok.c"
#undef glean_tokenize
#undef glean_toks_reset
#undef glean_toks_free
#undef glean_tok_kind_names
#undef glean_stem_cache
#undef glean_stem_masks
#undef glean_stem_head_end
#undef glean_tok_stem
#undef glean_tok_stems_ready
#undef glean_tok_stem_lookup

static struct glean_abbrevs *ab;
static struct glean_toks tk;
static char got[4096];

/*
 * Tokenize s and render the tokens as "text/k" separated by spaces, k the
 * kind's first letter (w n p q s u e); "|" marks a sentence boundary.
 */
static const char *
toks(const char *s)
{
	size_t i, k = 1, len = 0;

	glean_tokenize(s, strlen(s), ab, &tk);
	got[0] = '\0';
	for (i = 0; i < tk.n; i++) {
		if (i > 0 && k < tk.nsent && tk.sent[k].first == i) {
			len += snprintf(got + len, sizeof got - len, "| ");
			k++;
		}
		len += snprintf(got + len, sizeof got - len, "%.*s/%c ",
		    (int)(tk.t[i].be - tk.t[i].bs), s + tk.t[i].bs,
		    glean_tok_kind_names[tk.t[i].kind][0]);
	}
	if (len)
		got[len - 1] = '\0';
	return got;
}

/* The sentences of s, as their texts separated by " | ". */
static const char *
sents(const char *s)
{
	size_t i, len = 0;

	glean_tokenize(s, strlen(s), ab, &tk);
	got[0] = '\0';
	for (i = 0; i < tk.nsent; i++)
		len += snprintf(got + len, sizeof got - len, "%s%.*s",
		    i ? " | " : "", (int)(tk.sent[i].be - tk.sent[i].bs),
		    s + tk.sent[i].bs);
	return got;
}

static const char *
stem(const char *s)
{
	static struct glean_buf b;

	glean_tokenize(s, strlen(s), ab, &tk);
	if (tk.n == 0)
		return "";
	glean_tok_stem(s, &tk.t[0], &b);
	return b.s;
}

#define T(in, want) test_str(in, toks(in), want)
#define S(in, want) test_str(in, sents(in), want)
#define STEM(in, want) test_str("stem " in, stem(in), want)

/* tokshare.c: tokens handed on only for the very text they were made of. */
static void
share_tests(void)
{
	const char *a = "Jane Moss met Ann Lee in May.";
	const char *b = "Jane Moss met Ann-Lee in May.";	/* same length */
	struct glean_toks *slot;
	const struct glean_toks *got_tk;

	test_cond("share: off, no slot", glean_tokshare_slot(a, strlen(a)) ==
	    NULL && glean_tokshare_find(a, strlen(a)) == NULL);
	glean_tokshare_enable();
	slot = glean_tokshare_slot(a, strlen(a));
	test_cond("share: on, a slot", slot != NULL);
	glean_tokenize(a, strlen(a), ab, slot);
	got_tk = glean_tokshare_find(a, strlen(a));
	test_cond("share: the same text finds its 8 tokens",
	    got_tk == slot && got_tk->n == 8 && got_tk->nsent == 1);
	test_cond("share: a text of the same length differing in a byte "
	    "finds none", glean_tokshare_find(b, strlen(b)) == NULL);
	test_cond("share: a prefix finds none",
	    glean_tokshare_find(a, strlen(a) - 1) == NULL);
	slot = glean_tokshare_slot(b, strlen(b));
	glean_tokenize(b, strlen(b), ab, slot);
	test_cond("share: the slot holds the last text only",
	    glean_tokshare_find(a, strlen(a)) == NULL &&
	    glean_tokshare_find(b, strlen(b)) == slot && slot->n == 7);
	glean_tokshare_free();
	test_cond("share: freed, finds none",
	    glean_tokshare_find(b, strlen(b)) == NULL);
}

/* A text of up to 80 pieces drawn with *seed, the plain words' runs
 * broken in all the ways scan knows, into text (4096 bytes); returns
 * its length. */
static size_t
fast_text(unsigned long *seed, char *text)
{
	static const char *const piece[] = {
		"a", "of", "the", "council", "Children", "services", "x1",
		"4x4", "1990s", "22", "3.5m", ",", ".", ". ", "...", "-",
		"--", "'", "'s", "n't", "don't", "O'Brien", ":", ";", "@",
		"_", "+", "Mr.", "Dr.", "e.g.", "U.K.", "etc.", "Jan. 24",
		"www.x.com", "http://a.b/c", "a@b.co", "(", ")", "\"",
		"\n", "\n\n", "\t", "\r\n", "\xc3\xa9",
		"caf\xc3\xa9", "\xe2\x80\x99", "\xe2\x80\x9c",
		"\xe2\x80\x94", "\xcc\x81", "\xe2\x80\xa6",
		"Ofsted\xe2\x80\x99s", "A", "I", "F.", "said,", "x1,",
		"it, 3", "so,", ", a",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
		"abcdefghij0123",
		"Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"
	};
	const size_t np = sizeof piece / sizeof *piece;
	size_t n = 0, k, pieces, sp;

	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	pieces = 1 + (*seed >> 33) % 80;
	for (k = 0; k < pieces; k++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		n += (size_t)snprintf(text + n, 4096 - n, "%s",
		    piece[(*seed >> 33) % np]);
		/* mostly one space: the runs of plain words */
		sp = (*seed >> 45) % 8;
		n += (size_t)snprintf(text + n, 4096 - n, "%s",
		    sp < 5 ? " " : sp == 5 ? "  " : sp == 6 ? "" : "\n");
	}
	return n;
}

/* Do a and b hold the same tokens and sentences? */
static int
same_toks(const struct glean_toks *a, const struct glean_toks *b)
{
	size_t i;

	if (a->n != b->n || a->nsent != b->nsent)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->t[i].s != b->t[i].s || a->t[i].e != b->t[i].e ||
		    a->t[i].bs != b->t[i].bs || a->t[i].be != b->t[i].be ||
		    a->t[i].kind != b->t[i].kind ||
		    a->t[i].flags != b->t[i].flags)
			return 0;
	for (i = 0; i < a->nsent; i++)
		if (memcmp(&a->sent[i], &b->sent[i], sizeof a->sent[i]))
			return 0;
	return 1;
}

/* The fast paths (runs of plain words 64 bytes at a step, split asking
 * only of scan's candidates) against the tokenizer without them, on
 * random texts. */
static void
fast_tests(void)
{
	static char text[4096];
	struct glean_toks ref = { 0 };
	unsigned long seed = 18;
	size_t n, off;
	int round, bad = 0;

	for (round = 0; round < 20000; round++) {
		n = fast_text(&seed, text);
		/* every alignment of the text to the 64-byte steps */
		for (off = 0; off < 3 && off < n; off++) {
			glean_tokenize(text + off, n - off, ab, &tk);
			ref_tokenize(text + off, n - off, ab, &ref);
			if (!same_toks(&tk, &ref) && bad++ < 3)
				printf("fast paths differ on \"%s\"\n",
				    text + off);
		}
	}
	test_cond("fast paths: the same tokens and sentences", bad == 0);
	ref_toks_free(&ref);
}

/* split's candidates (note_cand) against the reference, which asks of
 * every token, on long texts: more candidates than it keeps
 * (TOK_CANDS), so that split asks of every token past them. */
static void
cand_tests(void)
{
	static char piece[4096];
	struct glean_toks ref = { 0 };
	struct glean_buf big = { 0 };
	unsigned long seed = 7;
	size_t n;
	int round, k, bad = 0;

	for (round = 0; round < 6; round++) {
		glean_buf_reset(&big);
		/* some 3,000 to 20,000 tokens after punctuation */
		for (k = 0; k < 300 + round * 300; k++) {
			n = fast_text(&seed, piece);
			glean_buf_add(&big, piece, n);
		}
		glean_tokenize(big.s, big.len, ab, &tk);
		ref_tokenize(big.s, big.len, ab, &ref);
		if (!same_toks(&tk, &ref))
			bad++;
	}
	test_cond("candidates: the same sentences as asking of every token, "
	    "past the room kept too", bad == 0 && tk.nsent > 1000);
	glean_buf_free(&big);
	ref_toks_free(&ref);
}

int
main(void)
{
	const char *lex = getenv("GLEAN_LEXICONS");
	size_t i;

	glean_setprog("unit-tokenize");
	ab = glean_abbrevs_load(lex && *lex ? lex : "lexicons");

	/* abbreviations from the lexicon keep their full stop */
	T("Mr Smith met Dr. Jones.",
	    "Mr/w Smith/w met/w Dr./w Jones/w ./p");
	T("Cllr. Green and St. Helens",
	    "Cllr./w Green/w and/w St./w Helens/w");
	T("On Jan. 24 the U.K. and e.g. U.S. firms",
	    "On/w Jan./w 24/n the/w U.K./w and/w e.g./w U.S./w firms/w");
	/* a month abbreviation without a number is a word and a stop */
	S("It happened in Jan. The council met.",
	    "It happened in Jan. | The council met.");
	S("On Jan. 24 the council met.", "On Jan. 24 the council met.");
	S("Mr. Smith and Dr. Jones met.", "Mr. Smith and Dr. Jones met.");
	S("Cats, dogs etc. The end.", "Cats, dogs etc. | The end.");

	/* decimals, thousands, money */
	T("It cost £3.5m and 139,000 people paid $1.13bn.",
	    "It/w cost/w £/s 3.5m/n and/w 139,000/n people/w paid/w $/s "
	    "1.13bn/n ./p");
	T("the £139,000-a-year role",
	    "the/w £/s 139,000/n -/p a-year/w role/w");
	T("up 25% or 2 per cent in the 1990s, 22nd",
	    "up/w 25/n %/s or/w 2/n per/w cent/w in/w the/w 1990s/n ,/p "
	    "22nd/n");
	T("a 40-page report", "a/w 40/n -/p page/w report/w");
	T("1,000,000 and 12,34 and 3.", "1,000,000/n and/w 12/n ,/p 34/n "
	    "and/w 3/n ./p");

	/* hyphenated compounds, possessives, contractions */
	T("much-needed out-of-hours Lib-Dems",
	    "much-needed/w out-of-hours/w Lib-Dems/w");
	T("the council's plan; don't, can't, we're, I'm, it'll",
	    "the/w council/w 's/w plan/w ;/p do/w n't/w ,/p ca/w n't/w ,/p "
	    "we/w 're/w ,/p I/w 'm/w ,/p it/w 'll/w");
	T("social workers' intervention", "social/w workers/w '/w "
	    "intervention/w");
	T("O'Brien and Ofsted\xe2\x80\x99s report",
	    "O'Brien/w and/w Ofsted/w \xe2\x80\x99s/w report/w");

	/* quotes told apart from apostrophes */
	T("graded 'inadequate' - with",
	    "graded/w '/q inadequate/w '/q -/p with/w");
	T("a \xe2\x80\x98most-improved council.\xe2\x80\x99",
	    "a/w \xe2\x80\x98/q most-improved/w council/w ./p \xe2\x80\x99/q");
	T("\xe2\x80\x9cIt\xe2\x80\x99s bad,\xe2\x80\x9d he said",
	    "\xe2\x80\x9c/q It/w \xe2\x80\x99s/w bad/w ,/p \xe2\x80\x9d/q "
	    "he/w said/w");
	T("the 'children's services' verdict",
	    "the/w '/q children/w 's/w services/w '/q verdict/w");

	/* dashes, ellipses, bullets, symbols */
	T("minds \xe2\x80\x93 keeping -- all... and\xe2\x80\xa6 more",
	    "minds/w \xe2\x80\x93/p keeping/w --/p all/w .../p and/w "
	    "\xe2\x80\xa6/p more/w");
	T("\xe2\x80\xa2 x", "\xe2\x80\xa2/p x/w");
	T("and/or A&E", "and/w //s or/w A/w &/s E/w");

	/* URLs and e-mail addresses */
	T("See https://www.bbc.co.uk/news/uk-123. Or www.cypnow.co.uk, now.",
	    "See/w https://www.bbc.co.uk/news/uk-123/u ./p | Or/w "
	    "www.cypnow.co.uk/u ,/p now/w ./p");
	T("Email news.desk@example.co.uk today.",
	    "Email/w news.desk@example.co.uk/e today/w ./p");

	/* sentences */
	S("He said: \"It is bad.\" Then he left.",
	    "He said: \"It is bad.\" | Then he left.");
	S("\"Is it?\" she asked. Yes.", "\"Is it?\" she asked. | Yes.");
	S("It was \"not thorough enough.\"\n\nThe report said.",
	    "It was \"not thorough enough.\" | The report said.");
	S("OFSTED REPORT - THE MAIN FINDINGS\n\nThere are failures",
	    "OFSTED REPORT - THE MAIN FINDINGS | There are failures");
	S("Joe Lepper\nTuesday, January 24, 2017\n\nA council",
	    "Joe Lepper | Tuesday, January 24, 2017 | A council");
	S("first paragraph\n\nsecond paragraph",
	    "first paragraph | second paragraph");
	S("a line that wraps\nin the middle. Next.",
	    "a line that wraps\nin the middle. | Next.");
	S("It rose 3.5 per cent. The council said so.",
	    "It rose 3.5 per cent. | The council said so.");
	S("children... at continued risk", "children... at continued risk");
	S("Wait... Then it came.", "Wait... | Then it came.");
	S("John F. Kennedy spoke.", "John F. Kennedy spoke.");
	S("\xe2\x80\xa2 Latest issues\n  \xe2\x80\xa2 Archive",
	    "\xe2\x80\xa2 Latest issues | \xe2\x80\xa2 Archive");

	/* stems: Snowball English of the case-folded word */
	STEM("Services", "servic");
	STEM("Inspectors", "inspector");
	STEM("INSPECTORS", "inspector");
	STEM("Ofsted\xe2\x80\x99s", "ofst");
	STEM("U.K.", "uk");

	/* odd input: empty, blank, NUL, combining marks, emoji, huge */
	T("", "");
	T("  \n\n ", "");
	glean_tokenize("a\0b", 3, ab, &tk);
	test_cond("NUL is space", tk.n == 2 && tk.nsent == 1);
	T("cafe\xcc\x81 \xf0\x9f\x98\x80 \xcc\x81x",
	    "cafe\xcc\x81/w \xf0\x9f\x98\x80/s \xcc\x81/s x/w");
	{
		size_t n = 1 << 20;
		char *big = malloc(n + 1);
		int ok = 1;

		for (i = 0; i < n; i++)
			big[i] = "ab. c'd -\n"[i % 10];
		big[n] = '\0';
		glean_tokenize(big, n, ab, &tk);
		for (i = 1; i < tk.n; i++)
			if (tk.t[i].bs < tk.t[i - 1].be ||
			    tk.t[i].be <= tk.t[i].bs)
				ok = 0;
		test_cond("1 MB: tokens sorted, non-empty", ok && tk.n > 0);
		free(big);
	}
	/* code points, not bytes */
	glean_tokenize("\xc2\xa3" "5 caf\xc3\xa9", 9, ab, &tk);
	test_cond("code-point offsets", tk.n == 3 && tk.t[1].s == 1 &&
	    tk.t[1].e == 2 && tk.t[2].s == 3 && tk.t[2].e == 7);

	share_tests();
	fast_tests();
	cand_tests();
	glean_toks_free(&tk);
	glean_abbrevs_free(ab);
	test_report();
}
