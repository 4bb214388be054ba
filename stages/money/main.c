/* See LICENSE file for copyright and license details. */
/*
 * glean-money: find amounts of money in each document's text and add
 * "money": [{start, end, text, value, currency, per}] ("approx": true
 * when a qualifier such as "about" or "more than" precedes the amount).
 * Reads "text" only; works on the text directly, not on "tokens".
 * value is in the currency's major unit (4p -> 0.04 GBP); per is the
 * rate written after the amount ("-a-year" -> "year") or null.
 * Symbols, codes, names, scales and rates come from lexicons/.  How the
 * modules share the work: money.h.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "money.h"

static const char *const group_name[NGROUP] = { "cur", "num", "num2", "sc",
    "sc2", "minor" };

/* A candidate amount, kept small: a 16 MB text of "1p " holds 5.6
 * million of them.  Its rate and "approx" are found when it is written. */
struct amount {
	size_t s;		/* bytes */
	uint32_t len;		/* e - s */
	uint32_t row;		/* its row in currencies.tsv */
	double value;
};

#define END(a) ((a)->s + (a)->len)

/* The currency row for the form s[0..n) (case-insensitive; spaces in
 * the text may be any white space). */
static struct glean_row *
find_currency(const struct ctx *c, const char *s, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < c->cur->nrows; i++) {
		const char *f = c->cur->rows[i].f[0];

		for (j = 0, k = 0; f[j] && k < n; ) {
			if (f[j] == ' ') {
				if (s[k] != ' ' && s[k] != '\t' &&
				    s[k] != '\n' && (unsigned char)s[k] != 0xc2)
					break;
				while (k < n && (s[k] == ' ' || s[k] == '\t' ||
				    s[k] == '\n' ||
				    (unsigned char)s[k] == 0xc2 ||
				    (unsigned char)s[k] == 0xa0))
					k++;
				j++;
				continue;
			}
			if (f[j] == '.' && s[k] != '.') {
				j++;
				continue;
			}
			if (f[j] == '$' && s[k] == ' ') {
				k++;
				continue;
			}
			if ((f[j] & 0x80) ? f[j] != s[k] :
			    tolower_ascii(f[j]) != tolower_ascii(s[k]))
				break;
			j++, k++;
		}
		if (!f[j] && k == n)
			return &c->cur->rows[i];
	}
	return NULL;
}

/* The row of lx whose first field is the form s[0..n) (any case), NULL
 * for none. */
static const struct glean_row *
find_form(const struct glean_lexicon *lx, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < lx->nrows; i++) {
		const char *f = lx->rows[i].f[0];

		if (strlen(f) == n && strncasecmp(f, s, n) == 0)
			return &lx->rows[i];
	}
	return NULL;
}

/* The factor of the scale word s[0..n) ("million"); 1 for none. */
static double
find_scale(const struct ctx *c, const char *s, size_t n)
{
	const struct glean_row *r = n ? find_form(c->mult, s, n) : NULL;

	return r ? c->mult_factor[r - c->mult->rows] : 1;
}

/* The rate unit of the rate word s[0..n) ("annually": "year"), NULL
 * for none. */
static const char *
find_per(const struct ctx *c, const char *s, size_t n)
{
	const struct glean_row *r = find_form(c->rates, s, n);

	return r ? r->f[1] : NULL;
}


/* The forms of either position; alt is glean_lex_alt, or glean_lex_trie
 * where the text of the alternation is not rewritten afterwards. */
static char *
alt_where(struct glean_lexicon *lx, const char *pos1, const char *pos2,
    char *(*alt)(const struct glean_lexicon *, size_t, size_t, const char *))
{
	struct glean_buf b = { 0 };
	char *a1 = alt(lx, 0, 3, pos1);
	char *a2 = alt(lx, 0, 3, pos2);

	glean_buf_add(&b, "(?:", 3);
	glean_buf_add(&b, a1, strlen(a1));
	glean_buf_addc(&b, '|');
	glean_buf_add(&b, a2, strlen(a2));
	glean_buf_addc(&b, ')');
	free(a1);
	free(a2);
	return b.s;
}

/* Let a symbol written after letters ("US$", "HK$") have a space
 * before it, as tokenised text writes "hk $ 10". */
static char *
loosen(const char *alt)
{
	struct glean_buf b = { 0 };
	const char *p;

	for (p = alt; *p; p++) {
		if (p[0] == '\\' && p[1] == '$' && p > alt + 1 &&
		    ((p[-1] >= 'A' && p[-1] <= 'Z') || p[-1] == '.') &&
		    ((p[-2] >= 'A' && p[-2] <= 'Z') || p[-2] == '.')) {
			glean_buf_add(&b, " ?\\$", 4);
			p++;
			continue;
		}
		if (p[0] == '\\' && p[1] == '.' && p[2] != '|' && p[2] != ')') {
			glean_buf_add(&b, "\\.?", 3);
			p++;
			continue;
		}
		glean_buf_addc(&b, *p);
	}
	return b.s;
}

/* The K_ kinds of a currencies.tsv position; an unknown one: all. */
unsigned
position_kinds(const char *pos)
{
	if (strcmp(pos, "prefix") == 0)
		return K_PRE;
	if (strcmp(pos, "suffix") == 0)
		return K_SUF;
	if (strcmp(pos, "both") == 0)
		return K_PRE | K_SUF;
	if (strcmp(pos, "attached") == 0)
		return K_ATT;
	return K_PRE | K_SUF | K_ATT;
}

/*
 * The lengths of the words that may open a window by their first and
 * last letters (struct ctx's word_lengths), from the trigger table's
 * (for "p", a word of one letter, too: word_kinds), and the lengths
 * below 3 of the trigger words.
 */
static void
word_lengths_init(struct ctx *c)
{
	size_t len, f, l;

	for (len = 0; len < GLEAN_TRIGGER_MAX; len++)
		for (f = 0; f < 32; f++)
			for (l = 0; l < 32; l++)
				if (c->trig.last[len][f] >> l & 1)
					c->word_lengths[f][l] |=
					    (uint64_t)1 << len;
	c->word_lengths['p' & 31]['p' & 31] |= 2;
	for (len = 0; len < 3; len++)
		for (f = 0; f < 32; f++)
			if (c->trig.last[len][f])
				c->trigger_lengths |= 1u << len;
}

/*
 * Each currency form is found by its symbol ("$" of "US$", "£") or, for
 * forms of letters only, by its longest word ("dollars" of "US dollars").
 */
static void
trig_init(struct ctx *c)
{
	size_t r, i;

	glean_triggers_init(&c->trig);
	for (i = 0; i < 26; i++)
		c->byte_class['a' + i] = c->byte_class['A' + i] = B_LETTER;
	for (r = 0; r < c->cur->nrows; r++) {
		const char *f = c->cur->rows[r].f[0], *p;
		unsigned kinds = position_kinds(c->cur->rows[r].f[3]);
		int sym = 0;

		for (p = f; *p; p++)
			if (*p == '$' || (*p & 0x80))
				sym = 1;
		if (sym) {
			c->symkinds |= kinds;
			for (p = f; *p && *p != '$' && !(*p & 0x80); p++)
				;
			for (i = 0; i < c->nsym; i++)
				if (strncmp(c->sym[i], p,
				    strlen(c->sym[i])) == 0)
					break;
			if (i == c->nsym && c->nsym < 64) {
				c->sym[c->nsym++] = p;
				c->byte_class[(unsigned char)*p] = B_SYMBOL;
			}
			continue;
		}
		glean_trigger_add_longest(&c->trig, f, kinds);
	}
	word_lengths_init(c);
}

/* The placeholders of the expressions, in the order of their values. */
static const char *const names[] = { "PRE", "SUF", "ATT", "SCALE", "CARD",
    "NUMW", "RATEU", "RATEA", "APPROX", "NUM", "SP" };
enum { V_PRE, V_SUF, V_ATT, V_SCALE, V_CARD, V_NUMW, V_RATEU, V_RATEA,
    V_APPROX, V_NUM, V_SP, NV };

/*
 * Every placeholder's value into v (malloc'd, to free, NULL where the
 * value is a literal) and cv (what the expressions are expanded with):
 * the alternations of the lexicons' forms, and the numbers.
 */
static void
placeholder_values(const struct ctx *c, char *v[NV], const char *cv[NV])
{
	char *tmp;
	size_t i;

	tmp = alt_where(c->cur, "prefix", "both", glean_lex_alt);
	v[V_PRE] = loosen(tmp);
	free(tmp);
	v[V_SUF] = alt_where(c->cur, "suffix", "both", glean_lex_trie);
	v[V_ATT] = glean_lex_trie(c->cur, 0, 3, "attached");
	v[V_SCALE] = glean_lex_trie(c->mult, 0, 0, NULL);
	v[V_CARD] = glean_lex_trie(c->nw->lx, 0, 2, "card");
	/* the blanks inside a number in words are a run; its first
	 * words are those of first_words_init: keep the two in step */
	v[V_NUMW] = glean_re_expand("(?:(?:(?:an?{SP})?(?:{CARD}|half|"
	    "quarter)|an?{SP}(?:hundred|thousand|million|billion|trillion))"
	    "(?:(?:{SP}|-)(?:and{SP}(?:an?{SP})?)?"
	    "(?:{CARD}|hundred|thousand|million|billion|trillion|half|"
	    "quarters?))*)", names, (const char *[]){ NULL, NULL, NULL, NULL,
	    v[V_CARD], NULL, NULL, NULL, NULL, NULL, "[\\s\\x{a0}]+" }, NV);
	v[V_RATEU] = glean_lex_trie(c->rates, 0, 2, "unit");
	v[V_RATEA] = glean_lex_trie(c->rates, 0, 2, "adverb");
	v[V_APPROX] = glean_lex_trie(c->approx, 0, 0, NULL);
	v[V_NUM] = v[V_SP] = NULL;
	for (i = 0; i < NV; i++)
		cv[i] = v[i];
	cv[V_NUM] = "(?:\\d+(?:,\\d{2,3})*(?:\\.\\d+)?|\\.\\d+)";
	cv[V_SP] = "[\\s\\x{a0}]";
}

/* The amount patterns by kind. */
static const struct {
	const char *what, *src;
} amount_pattern[NKIND] = {
	/* £3.5m, $ 75 million, US$10bn, £3-4m, GBP 350, USD115 */
	[A_PRE] = { "money prefix", NOT_AFTER "(?<cur>{PRE})"
	    "{SP}?(?<num>{NUM})(?!\\d|,\\d)"
	    "(?:{SP}?(?<sc>{SCALE})(?!\\w))?"
	    "(?:{SP}?(?<cur2>{SUF})(?!\\w))?"
	    "(?:{SP}*(?:-|–|to){SP}*(?<num2>{NUM})(?!\\d|,\\d)"
	    "(?:{SP}?(?<sc2>{SCALE})(?!\\w))?(?!{SP}*%))?" },
	/* 470 pence, 361 million pounds, five million yen, 10 €, 12-cent,
	 * thirteen dollars and forty-five cents, 75 USD million */
	[A_SUF] = { "money suffix", NOT_AFTER
	    "(?<num>{NUM}|{NUMW})"
	    "(?:(?:{SP}|-)?(?<sc>{SCALE})(?!\\w))?(?:{SP}|-)?"
	    "(?<cur>{SUF})(?![\\w$])"
	    "(?:{SP}(?<sc2>{SCALE})(?!\\w))?"
	    "(?:{SP}+(?:and{SP}+)?(?<num2>{NUM}|{NUMW})(?:{SP}|-)?"
	    "(?<minor>cents?|pence|p)(?!\\w))?" },
	/* 4p, 3.5p */
	[A_ATT] = { "money attached", NOT_AFTER
	    "(?<num>\\d+(?:\\.\\d+)?)(?<cur>{ATT})(?![\\w'’])" },
};

/*
 * The bytes a match of the unanchored pattern pat (flags as for
 * glean_re_compile) may start with, into starts, from pcre2's own
 * study of it.  pcre2 knows no such set for a pattern that may start
 * with \\d (PCRE2_UCP: any Unicode digit), so it studies pat with each
 * \\d as "0" instead and the bytes a digit may start with (digit_byte)
 * are added where "0" may start it (a \\d may open a match: not so for
 * the prefix pattern, which opens with its currency).  All bytes where
 * it knows none.  Fatal on a bad pattern.
 */
static void
start_bytes(const struct ctx *c, const char *pat, uint32_t flags,
    const char *what, unsigned char starts[256])
{
	struct glean_buf b = { 0 };
	const uint8_t *bitmap = NULL;
	pcre2_code *re;
	PCRE2_SIZE erroff;
	int i, errcode, zero;

	for (; *pat; pat++) {
		if (pat[0] == '\\' && pat[1] == 'd') {
			glean_buf_addc(&b, '0');
			pat++;
		} else if (pat[0] == '\\' && pat[1]) {
			glean_buf_add(&b, pat++, 2);
		} else {
			glean_buf_addc(&b, *pat);
		}
	}
	re = pcre2_compile((PCRE2_SPTR)b.s, b.len, PCRE2_UTF | PCRE2_UCP |
	    flags, &errcode, &erroff, NULL);
	if (!re)
		glean_die(GLEAN_EXIT_FATAL, "%s: bad pattern at offset %zu",
		    what, (size_t)erroff);
	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bitmap) != 0)
		bitmap = NULL;
	zero = !bitmap || (bitmap['0' / 8] >> ('0' % 8) & 1);
	for (i = 0; i < 256; i++)
		starts[i] = !bitmap || (bitmap[i / 8] >> (i % 8) & 1) ||
		    (zero && c->digit_byte[i]);
	pcre2_code_free(re);
	glean_buf_free(&b);
}

/*
 * The starts of the amount pattern of kind, pat expanded (see struct
 * ctx): its start bytes, and, when it opens with NOT_AFTER, the ASCII
 * bytes of that look-behind (\\w, $ . ,) as refused before a start.
 */
static void
pattern_starts(struct ctx *c, int kind, const char *pat)
{
	const char *p;
	int b;

	start_bytes(c, pat, PCRE2_CASELESS, amount_pattern[kind].what,
	    c->start_byte[kind]);
	if (strncmp(amount_pattern[kind].src, NOT_AFTER,
	    strlen(NOT_AFTER)) != 0)
		return;
	c->not_after[kind] = 1;
	for (b = 0; b < 128; b++)
		c->refused_before[kind][b] = isalnum(b);
	for (p = NOT_AFTER_PUNCT; *p; p++)
		c->refused_before[kind][(unsigned char)*p] = 1;
}

/* The amount patterns, the rate after an amount and the qualifier
 * before it, expanded with cv. */
static void
compile_patterns(struct ctx *c, const char *const cv[NV])
{
	int kind, g;
	char *pat;
	size_t jitsize;

	for (kind = 0; kind < NKIND; kind++) {
		pat = glean_re_expand(amount_pattern[kind].src, names, cv, NV);
		pattern_starts(c, kind, pat);
		c->re_amount[kind] = glean_re_compile(pat,
		    PCRE2_CASELESS | PCRE2_ANCHORED,
		    amount_pattern[kind].what);
		free(pat);
	}
	for (kind = 0; kind < NKIND; kind++)
		for (g = 0; g < NGROUP; g++)
			c->group[kind][g] = pcre2_substring_number_from_name(
			    c->re_amount[kind], (PCRE2_SPTR)group_name[g]);
	c->jit = 1;
	for (kind = 0; kind < NKIND; kind++)
		if (pcre2_pattern_info(c->re_amount[kind], PCRE2_INFO_JITSIZE,
		    &jitsize) != 0 || jitsize == 0)
			c->jit = 0;
	/* -a-year, a month, per year, / month, annually; the words
	 * before a unit in rate_gate_init too */
	c->re_rate = glean_re_compile_expanded("(?:{SP}*-{SP}*|{SP}+)"
	    "(?:an?|per|each|every)(?:{SP}|-)+(?<u>{RATEU})(?!\\w)"
	    "|{SP}*/{SP}*(?<v>{RATEU})(?!\\w)|{SP}+(?<w>{RATEA})(?!\\w)",
	    names, cv, NV, PCRE2_ANCHORED | PCRE2_CASELESS, "money rate");
	c->re_approx = glean_re_compile_expanded("(?<!\\w)(?:{APPROX}){SP}+$",
	    names, cv, NV, PCRE2_CASELESS, "money approx");
}

/* The numbers of field f of the rows of lx, as strtod reads them
 * (malloc'd). */
static double *
factors(const struct glean_lexicon *lx, size_t f)
{
	double *v = glean_calloc(lx->nrows + 1, sizeof *v);
	size_t r;

	for (r = 0; r < lx->nrows; r++)
		v[r] = strtod(lx->rows[r].f[f], NULL);
	return v;
}

/* The currencies, scale words, rates, qualifiers and number words from
 * lexdir; a missing or bad one is fatal. */
static void
load_lexicons(struct ctx *c, const char *lexdir)
{
	c->cur = glean_lexicon_load(lexdir, "currencies.tsv", 4);
	c->mult = glean_lexicon_load(lexdir, "multipliers.tsv", 2);
	c->rates = glean_lexicon_load(lexdir, "rates.tsv", 3);
	c->approx = glean_lexicon_load(lexdir, "approx.tsv", 2);
	c->nw = glean_numwords_load(lexdir);
	c->cur_factor = factors(c->cur, 2);
	c->mult_factor = factors(c->mult, 1);
}

/* The first letters of the rates for may_rate: the words before a
 * unit in re_rate, and the adverbs. */
static void
rate_gate_init(struct ctx *c)
{
	const char *const before[] = { "a", "an", "per", "each", "every" };
	size_t r, i;

	for (i = 0; i < sizeof before / sizeof before[0]; i++)
		c->rate_first |= (uint32_t)1 << (before[i][0] & 31);
	for (r = 0; r < c->rates->nrows; r++) {
		const struct glean_row *row = &c->rates->rows[r];

		if (row->nf < 3 || strcmp(row->f[2], "adverb") != 0)
			continue;
		if (ascii_letter(row->f[0][0]))
			c->rate_first |= (uint32_t)1 << (row->f[0][0] & 31);
		else
			c->rate_any = 1;
	}
}

/*
 * Might re_rate match at t[e] (of n), after an amount?  Each of its
 * branches starts with blanks and then "-", "/" or, after one blank at
 * least, a word of rate_first: no when an ASCII byte says otherwise.
 * A byte from 0x80 up (a Unicode blank, a letter of another case) is
 * left to the pattern.  Most amounts stop here.
 */
static int
may_rate(const struct ctx *c, const char *t, size_t n, size_t e)
{
	size_t i = e;
	unsigned char ch;

	if (c->rate_any)
		return 1;
	/* \s of ASCII: the blank, \t \n \v \f \r */
	while (i < n && (t[i] == ' ' || (t[i] >= '\t' && t[i] <= '\r')))
		i++;
	if (i >= n)
		return 0;
	ch = (unsigned char)t[i];
	if (ch >= 0x80 || ch == '-' || ch == '/')
		return 1;
	return i > e && ascii_letter((char)ch) && (c->rate_first >> (ch & 31) &
	    1);
}

/* Is ch an ASCII byte of \w (the same with PCRE2_UCP)? */
static int
ascii_wordch(unsigned char ch)
{
	return ascii_letter((char)ch) || (ch >= '0' && ch <= '9') ||
	    ch == '_';
}

/* File the last word of each qualifier (after its last space, which
 * the pattern reads as any blanks) for may_qualify(). */
static void
approx_ends_init(struct ctx *c)
{
	size_t r, k;
	const char *f, *w;

	for (r = 0; r < c->approx->nrows; r++) {
		f = c->approx->rows[r].f[0];
		w = strrchr(f, ' ') ? strrchr(f, ' ') + 1 : f;
		for (k = 0; w[k] && ascii_wordch((unsigned char)w[k]); k++)
			;
		if (!k || w[k] || c->approx_ends.count == 64) {
			c->approx_ends.any = 1;
			return;
		}
		c->approx_ends.w[c->approx_ends.count] = w;
		c->approx_ends.n[c->approx_ends.count++] = k;
	}
}

/*
 * Might re_approx (a qualifier, blanks, the end) match t[..s) (the text
 * before an amount)?  Its blanks run to the end (or to a last newline,
 * itself a blank), so the word before the trailing blanks ends the
 * qualifier, and all of that word, as the qualifier's look-behind (one
 * word) or blanks (several) want: no when that word is no qualifier's
 * last.  Anything outside ASCII, or an ASCII control that is not a
 * blank, is left to the pattern (a Unicode blank, a letter of another
 * case).  Most amounts stop here, before a search of 40 bytes.
 */
static int
may_qualify(const struct ctx *c, const char *t, size_t s)
{
	size_t e = s, b, k;
	unsigned char ch;

	if (c->approx_ends.any)
		return 1;
	for (; e > 0; e--) {
		ch = (unsigned char)t[e - 1];
		if (ch >= 0x80 || (ch < 0x20 && (ch < '\t' || ch > '\r')))
			return 1;
		if (ch != ' ' && (ch < '\t' || ch > '\r'))
			break;
	}
	if (e == s)
		return 0;	/* no blank before the amount */
	for (b = e; b > 0 && ascii_wordch((unsigned char)t[b - 1]); b--)
		;
	if (b > 0 && ((unsigned char)t[b - 1] >= 0x80 ||
	    (unsigned char)t[b - 1] < 0x20))
		return 1;
	for (k = 0; k < c->approx_ends.count; k++)
		if (c->approx_ends.n[k] == e - b &&
		    strncasecmp(c->approx_ends.w[k], t + b, e - b) == 0)
			return 1;
	return 0;
}

/*
 * Make the struct ctx vctx from the lexicons in lexdir (glean_program's
 * init): the lexicons loaded, the patterns compiled, the trigger words
 * filed.  A missing or bad lexicon, or a
 * pattern that will not compile, is fatal (exit 2, one line).
 */
static void
ctx_init(void *vctx, const char *lexdir)
{
	struct ctx *c = vctx;
	char *v[NV];
	const char *cv[NV];
	size_t i;

	memset(c, 0, sizeof *c);
	load_lexicons(c, lexdir);
	placeholder_values(c, v, cv);
	digit_gate_init(c);
	first_words_init(c);
	compile_patterns(c, cv);
	trig_init(c);
	approx_ends_init(c);
	rate_gate_init(c);
	c->md = pcre2_match_data_create(64, NULL);
	for (i = 0; i < NV; i++)
		free(v[i]);
}

/* Free what ctx_init made (glean_program's fini). */
static void
ctx_free(void *vctx)
{
	struct ctx *c = vctx;
	int kind;

	for (kind = 0; kind < NKIND; kind++)
		pcre2_code_free(c->re_amount[kind]);
	pcre2_code_free(c->re_rate);
	pcre2_code_free(c->re_approx);
	pcre2_match_data_free(c->md);
	free(c->cur_factor);
	free(c->mult_factor);
	glean_lexicon_free(c->cur);
	glean_lexicon_free(c->mult);
	glean_lexicon_free(c->rates);
	glean_lexicon_free(c->approx);
	glean_numwords_free(c->nw);
}

struct list {
	struct amount *a;
	size_t n, cap;
};

/* Add the amount t[s..e) of currency row; one longer than 4 GB (white
 * space between number and scale) is no amount. */
static void
push(struct list *l, size_t s, size_t e, double v, uint32_t row)
{
	if (e - s > UINT32_MAX)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->a = glean_realloc(l->a, l->cap * sizeof *l->a);
	}
	l->a[l->n].s = s;
	l->a[l->n].len = (uint32_t)(e - s);
	l->a[l->n].value = v;
	l->a[l->n].row = row;
	l->n++;
}

static double
num_at(const struct ctx *c, const char *t, size_t s, size_t e)
{
	double v;

	if (glean_parse_number(c->nw, t + s, e - s, &v) < 0)
		return NAN;
	return v;
}

/* A match of an amount pattern in c->md: the pattern, its kind (A_PRE
 * ...), the text, the bytes matched. */
struct found {
	const pcre2_code *re;
	int kind;
	const char *t;
	size_t s, e;
};

/* Group g of match m (in c->md) as [*s, *e), as glean_re_group says;
 * 0 when the group did not take part. */
static int
match_group(const struct ctx *c, const struct found *m, enum group g,
    size_t *s, size_t *e)
{
	return glean_re_span(pcre2_get_ovector_pointer(c->md),
	    pcre2_get_ovector_count(c->md), c->group[m->kind][g], s, e);
}

/*
 * The currency row of match m, NULL when its currency word is none: not
 * in currencies.tsv, or "50 Cent", a capitalised currency word after
 * digits in a word not all capitals, which is a name.
 */
static struct glean_row *
match_currency(struct ctx *c, const struct found *m)
{
	const char *t = m->t;
	struct glean_row *row;
	size_t xs, xe, ns, ne;

	if (!match_group(c, m, G_CUR, &xs, &xe) ||
	    !(row = find_currency(c, t + xs, xe - xs)))
		return NULL;
	if (m->kind == A_SUF && isupper((unsigned char)t[xs]) && xe - xs > 1 &&
	    islower((unsigned char)t[xs + 1]) &&
	    match_group(c, m, G_NUM, &ns, &ne) &&
	    isdigit((unsigned char)t[ns]))
		return NULL;
	return row;
}

/* The scale ("million") of group g of match m; 1 when the group did
 * not take part. */
static double
group_scale(struct ctx *c, const struct found *m, enum group g)
{
	size_t xs, xe;

	return match_group(c, m, g, &xs, &xe) ?
	    find_scale(c, m->t + xs, xe - xs) : 1;
}

/*
 * Add the two amounts of a prefix match that is a range, "£3-4m": v the
 * first's number and sc its scale, f the currency's unit, ri its row.
 * The first amount ends at its number or scale; the second's scale is
 * shared when the first has none.
 */
static void
push_range(struct ctx *c, const struct found *m, double v, double sc,
    double f, uint32_t ri, struct list *l)
{
	size_t ns, ne, xs, xe, e1;
	double v2, sc2;

	match_group(c, m, G_NUM2, &ns, &ne);
	e1 = ns;
	v2 = num_at(c, m->t, ns, ne);
	sc2 = group_scale(c, m, G_SC2);
	if (sc == 1)
		sc = sc2;
	if (match_group(c, m, G_SC, &xs, &xe))
		e1 = xe;
	else
		match_group(c, m, G_NUM, &xs, &e1);
	push(l, m->s, e1, v * sc * f, ri);
	push(l, ns, m->e, v2 * sc2 * f, ri);
}

/*
 * Add the one amount of match m, of value v in currency row ri: its
 * minor part added ("thirteen dollars and forty-five cents"), or, for a
 * suffix match with a second number and no minor part, ending before
 * that number.
 */
static void
push_one(struct ctx *c, const struct found *m, double v, uint32_t ri,
    struct list *l)
{
	const char *t = m->t;
	size_t xs, xe, ns, ne, e = m->e;

	if (match_group(c, m, G_MINOR, &xs, &xe)) {
		struct glean_row *mr = find_currency(c, t + xs, xe - xs);

		match_group(c, m, G_NUM2, &ns, &ne);
		v += num_at(c, t, ns, ne) * (mr ? c->cur_factor[mr -
		    c->cur->rows] : 0.01);
	} else if (m->kind == A_SUF &&
	    match_group(c, m, G_NUM2, &ns, &ne)) {
		e = ns;
		while (e > m->s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
			e--;
	}
	push(l, m->s, e, v, ri);
}

/*
 * Match the anchored amount pattern re at t[p] (of n) into c->md:
 * glean_re_match's result.  The fast entry to JIT code, which skips
 * pcre2_match's checks (its arguments are good by construction); an
 * error is left to glean_re_match, as is a pattern without JIT code.
 */
static int
match_at(struct ctx *c, const pcre2_code *re, const char *t, size_t n,
    size_t p)
{
	int rc;

	if (c->jit) {
		rc = pcre2_jit_match(re, (PCRE2_SPTR)t, n, p, 0, c->md, NULL);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc > 0)
			return rc;
	}
	return glean_re_match(re, t, n, p, c->md);
}

/*
 * Run the amount pattern of kind over t[from..n) and add the amounts of
 * its matches to l.  A match whose currency word is none
 * (match_currency) adds nothing.
 */
static void
scan(struct ctx *c, int kind, const char *t, size_t from, size_t n,
    struct list *l)
{
	struct found m = { c->re_amount[kind], kind, t, 0, 0 };
	size_t off = from, ns, ne, digit;
	PCRE2_SIZE *ov;
	struct glean_row *row;
	uint32_t ri;
	double v, f, sc;

	digit = c->digit_lead[kind] != NO_DIGIT_GATE ?
	    next_digit(c, t, from, n) : n;
	/* the leftmost match: the pattern is anchored, tried where a
	 * match may start, in order */
	while ((off = next_start(c, kind, t, off, n, &digit)) < n) {
		if (match_at(c, m.re, t, n, off) <= 0) {
			off++;
			continue;
		}
		ov = pcre2_get_ovector_pointer(c->md);
		m.s = ov[0];
		m.e = ov[1];
		off = m.e > m.s ? m.e : m.s + 1;
		if (!(row = match_currency(c, &m)))
			continue;
		ri = (uint32_t)(row - c->cur->rows);
		f = c->cur_factor[ri];
		match_group(c, &m, G_NUM, &ns, &ne);
		v = num_at(c, t, ns, ne);
		sc = group_scale(c, &m, G_SC);
		if (kind == A_PRE &&
		    match_group(c, &m, G_NUM2, &ns, &ne)) {
			push_range(c, &m, v, sc, f, ri, l);
			continue;
		}
		if (kind != A_PRE)
			sc *= group_scale(c, &m, G_SC2);
		push_one(c, &m, v * sc * f, ri, l);
	}
}

/*
 * Every amount has a currency symbol, code or name: find those with one
 * pass of the trigger pattern and run the amount patterns only in
 * windows around them.  The window ends on a word boundary, so that a
 * pattern's (?!\\w) never sees a cut word as an end.
 */
enum { WIN = 96 };

struct win {
	struct glean_window w;
	/* the K_ kinds of the triggers in the window: a pattern can
	 * only match around a form of its own */
	unsigned kinds;
};

/* Run the patterns of kinds in window w, widened to whole words. */
static void
run_window(struct ctx *c, const char *t, size_t n,
    const struct glean_window *w, unsigned kinds, struct list *l)
{
	size_t ws = w->s, we = w->e;

	glean_window_words(t, n, &ws, &we);
	if (kinds & K_PRE)
		scan(c, A_PRE, t, ws, we, l);
	if (kinds & K_SUF)
		scan(c, A_SUF, t, ws, we, l);
	if (kinds & K_ATT)
		scan(c, A_ATT, t, ws, we, l);
}

/* Take the trigger t[s..e) of the given kinds into window w, running
 * the window it does not reach. */
static void
open_window(struct ctx *c, const char *t, size_t n, size_t s, size_t e,
    unsigned kinds, struct win *w, struct list *l)
{
	struct glean_window done;

	if (!w->w.have)
		w->kinds = 0;
	if (glean_window_add(&w->w, n, s, e, WIN, WIN, &done)) {
		run_window(c, t, n, &done, w->kinds, l);
		w->kinds = 0;
	}
	w->kinds |= kinds;
}

/* The word t[i..j) of ASCII letters: the kinds of the windows it
 * opens, 0 for none. */
static unsigned
word_kinds(const struct ctx *c, const char *t, size_t i, size_t j)
{
	unsigned kinds = glean_trigger_maybe(&c->trig, t + i, j - i) ?
	    glean_trigger_find(&c->trig, t + i, j - i) : 0;

	/* a currency word, or "p" straight after digits */
	if (j - i == 1 && (t[i] == 'p' || t[i] == 'P') && i > 0 &&
	    isdigit((unsigned char)t[i - 1]))
		kinds |= K_ATT;
	return kinds;
}

/* Does a currency symbol start at t[i] (of n)? */
static int
symbol_at(const struct ctx *c, const char *t, size_t n, size_t i)
{
	size_t k, sl;

	if (c->byte_class[(unsigned char)t[i]] != B_SYMBOL)
		return 0;
	for (k = 0; k < c->nsym; k++) {
		sl = strlen(c->sym[k]);
		if (sl <= n - i && memcmp(t + i, c->sym[k], sl) == 0)
			return 1;
	}
	return 0;
}

/* A run of a block that may open a window: a word [s, e), or a byte
 * where a symbol may start (e 0). */
struct run_at {
	size_t s, e;
};

/*
 * The places of the block of 64 bytes at base (its letters, the starts
 * of their runs, and look: those and the bytes where a symbol may
 * start) that may open a window, into run[] (at most 64) in text
 * order: a word that may be a currency word (the trigger table) or "p"
 * (4p), or a byte of a symbol's class.  Returns their number.  No
 * calls but for a word past the block: most words are none, and the
 * loop keeps its registers.
 */
static __attribute__((noinline)) size_t
block_runs(const struct ctx *c, const char *t, size_t n, size_t base,
    uint64_t letters, uint64_t starts, uint64_t look, struct run_at *run)
{
	size_t i, j, nrun = 0;

	for (; look; look &= look - 1) {
		int b = __builtin_ctzll(look);

		i = base + (size_t)b;
		if (!(starts >> b & 1)) {
			if (c->byte_class[(unsigned char)t[i]] == B_SYMBOL) {
				run[nrun].s = i;
				run[nrun++].e = 0;
			}
			continue;
		}
		j = glean_run_end(t, n, base, letters, b);
		if (j - i < 64 && (c->word_lengths[t[i] & 31][t[j - 1] & 31] >>
		    (j - i) & 1) && (glean_trigger_maybe(&c->trig, t + i,
		    j - i) || (j - i == 1 && (t[i] == 'p' || t[i] == 'P')))) {
			run[nrun].s = i;
			run[nrun++].e = j;
		}
	}
	return nrun;
}

/*
 * The bits of the block's letters that start a word of two letters,
 * where no trigger word has two (c->trigger_lengths), for block_runs
 * not to look at; else none.  The last two bits of a block of 64 may
 * start a word that goes on into the next block: they are left out.
 */
static inline uint64_t
two_letter_words(const struct ctx *c, uint64_t letters)
{
	if (c->trigger_lengths & 4)
		return 0;
	return letters >> 1 & ~(letters >> 2) & (((uint64_t)1 << 62) - 1);
}

/*
 * Open the windows of the trigger words and symbols of t[0..n), running
 * each as it closes.  It goes 64 bytes at a time from the start of one
 * run of letters, "$" or byte from 0x80 up (where the symbols start) to
 * the next; most words are no trigger at the cost of one table read.
 */
static void
scan_windows(struct ctx *c, const char *t, size_t n, struct list *l)
{
	size_t base, i, k, nrun;
	struct win w = { 0 };
	struct run_at run[64];
	uint64_t after_letter = 0;
	unsigned kinds;

	for (base = 0; base < n; base += 64) {
		struct glean_block blk;
		uint64_t starts;

		glean_block_classes(t + base, n - base, '$', &blk);
		starts = glean_run_starts(blk.letters, &after_letter);
		nrun = block_runs(c, t, n, base, blk.letters, starts,
		    (starts & ~two_letter_words(c, blk.letters)) | blk.chs |
		    blk.high, run);
		for (k = 0; k < nrun; k++) {
			i = run[k].s;
			if (!run[k].e) {
				if (symbol_at(c, t, n, i))
					open_window(c, t, n, i, i + 1,
					    c->symkinds, &w, l);
				continue;
			}
			if ((kinds = word_kinds(c, t, i, run[k].e)) != 0)
				open_window(c, t, n, i, run[k].e, kinds, &w,
				    l);
		}
	}
	if (w.w.have)
		run_window(c, t, n, &w.w, w.kinds, l);
}

static int
cmp_amount(const void *a, const void *b)
{
	const struct amount *x = a, *y = b;

	return glean_span_order(x->s, END(x), y->s, END(y));
}

/* Sort l in text order, longest first at one start.  The windows come in
 * text order, so l mostly is already: then no sort (and no copy of l,
 * which glibc's qsort makes).  glibc's merge sort is stable, so either
 * way equal amounts keep the order they were found in. */
static void
sort_amounts(struct list *l)
{
	size_t i;

	for (i = 1; i < l->n; i++)
		if (cmp_amount(&l->a[i - 1], &l->a[i]) > 0)
			break;
	if (i < l->n)
		qsort(l->a, l->n, sizeof *l->a, cmp_amount);
}

/*
 * Append the value v as JSON: null when not finite, an integer when it is
 * one, else rounded to 12 digits (binary noise away: 0.07 * 100) and
 * written as jansson writes a real with precision 15 ("%.15g", a ".0"
 * when neither '.' nor 'e', no '+' or leading zeros in the exponent).
 */
static void
add_value(struct glean_buf *b, double v)
{
	char buf[64], *e, *d;
	int n;

	if (!isfinite(v)) {
		glean_buf_add(b, "null", 4);
		return;
	}
	if (v == floor(v) && fabs(v) < 9007199254740992.0) {
		/* "%lld" of (long long)v, without snprintf */
		d = buf;
		if (v < 0)
			*d++ = '-';
		d = glean_put_dec(d, (uint64_t)fabs(v));
		glean_buf_add(b, buf, (size_t)(d - buf));
		return;
	}
	snprintf(buf, sizeof buf, "%.12g", v);
	n = snprintf(buf, sizeof buf - 2, "%.15g", strtod(buf, NULL));
	if (!strchr(buf, '.') && !strchr(buf, 'e')) {
		memcpy(buf + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(buf, 'e'))) {
		d = e + 1;
		if (*d == '-')
			d++;
		for (e = d; *e == '+' || *e == '0'; e++)
			;
		memmove(d, e, strlen(e) + 1);
		n = (int)strlen(buf);
	}
	glean_buf_add(b, buf, (size_t)n);
}

/*
 * Drop the amounts of l inside the document's boilerplate spans (the
 * "boilerplate" layer of glean-entities: a subscription offer's "£15 /
 * month" is no fact).  The layer is decoded only for documents with
 * amounts; a missing or malformed one drops nothing.
 */
static int
cmp_span(const void *a, const void *b)
{
	const json_int_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

static void
drop_boilerplate(json_t *doc, const char *t, size_t n, struct list *l)
{
	json_t *bp = glean_field(doc, "boilerplate"), *span;
	struct glean_cp_cursor cur = { t, n, 0, 0 };
	size_t i, k, kept = 0, nsp = 0, cs, ce;
	json_int_t (*sp)[2], end = -1;

	if (!json_is_array(bp) || json_array_size(bp) == 0)
		return;
	/* the spans sorted by start, each end the largest so far: the
	 * amounts, in text order, walk them once */
	sp = glean_calloc(json_array_size(bp), sizeof *sp);
	json_array_foreach(bp, k, span) {
		sp[nsp][0] = json_integer_value(json_object_get(span, "start"));
		sp[nsp][1] = json_integer_value(json_object_get(span, "end"));
		if (sp[nsp][1] > sp[nsp][0])
			nsp++;
	}
	qsort(sp, nsp, sizeof *sp, cmp_span);
	for (k = 0; k < nsp; k++)
		sp[k][1] = end = sp[k][1] > end ? sp[k][1] : end;
	for (i = k = 0; i < l->n; i++) {
		/* amounts are in text order: the cursor only moves on */
		cs = glean_cp_at(&cur, l->a[i].s);
		ce = glean_cp_at(&cur, END(&l->a[i]));
		while (k < nsp && sp[k][1] <= (json_int_t)cs)
			k++;
		if (k < nsp && sp[k][0] < (json_int_t)ce)
			continue;	/* inside the span */
		l->a[kept++] = l->a[i];
	}
	l->n = kept;
	free(sp);
}

/* Append one amount as the object
 * {"start","end","text","value","currency","per"[,"approx":true]}. */
static void
add_amount(struct ctx *c, const char *t, size_t n, const struct amount *a,
    struct glean_cp_cursor *cur, struct glean_buf *b)
{
	const char *per = NULL;
	char num[32], *p;
	size_t bs, us, ue;
	int approx;

	if (may_rate(c, t, n, END(a)) &&
	    glean_re_match(c->re_rate, t, n, END(a), c->md) > 0 &&
	    (glean_re_group(c->re_rate, c->md, "u", &us, &ue) ||
	    glean_re_group(c->re_rate, c->md, "v", &us, &ue) ||
	    glean_re_group(c->re_rate, c->md, "w", &us, &ue)))
		per = find_per(c, t + us, ue - us);
	bs = a->s > 40 ? a->s - 40 : 0;
	while (bs > 0 && ((unsigned char)t[bs] & 0xc0) == 0x80)
		bs--;
	approx = may_qualify(c, t, a->s) &&
	    glean_re_match(c->re_approx, t, a->s, bs, c->md) > 0;
	glean_buf_add(b, "{\"start\":", 9);
	p = glean_put_dec(num, glean_cp_at(cur, a->s));
	glean_buf_add(b, num, (size_t)(p - num));
	glean_buf_add(b, ",\"end\":", 7);
	p = glean_put_dec(num, glean_cp_at(cur, END(a)));
	glean_buf_add(b, num, (size_t)(p - num));
	glean_buf_add(b, ",\"text\":", 8);
	glean_buf_addjstr(b, t + a->s, a->len);
	glean_buf_add(b, ",\"value\":", 9);
	add_value(b, a->value);
	glean_buf_add(b, ",\"currency\":", 12);
	glean_buf_addjstr(b, c->cur->rows[a->row].f[1],
	    strlen(c->cur->rows[a->row].f[1]));
	glean_buf_add(b, ",\"per\":", 7);
	if (per)
		glean_buf_addjstr(b, per, strlen(per));
	else
		glean_buf_add(b, "null", 4);
	if (approx)
		glean_buf_add(b, ",\"approx\":true", 14);
	glean_buf_addc(b, '}');
}

/*
 * The stage (glean_tail_fn): "money":[...] appended to tail as JSON text,
 * as jansson would have written it.  A document of millions of amounts
 * costs their text and a compact list, not millions of jansson objects.
 */
static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	struct ctx *c = vctx;
	json_t *jt = json_object_get(doc, "text");
	const char *t = json_string_value(jt);
	size_t n = json_string_length(jt), i, kept;
	struct list l = { 0 };
	struct glean_cp_cursor cur = { t, n, 0, 0 };

	(void)err;
	scan_windows(c, t, n, &l);
	sort_amounts(&l);
	/* keep the longest of overlapping candidates, in text order */
	for (i = 0, kept = 0; i < l.n; i++) {
		if (kept && l.a[i].s < END(&l.a[kept - 1]))
			continue;
		l.a[kept++] = l.a[i];
	}
	l.n = kept;
	if (l.n)
		drop_boilerplate(doc, t, n, &l);
	glean_buf_add(tail, "\"money\":[", 9);
	for (i = 0; i < l.n; i++) {
		if (i)
			glean_buf_addc(tail, ',');
		add_amount(c, t, n, &l.a[i], &cur, tail);
	}
	glean_buf_addc(tail, ']');
	free(l.a);
	return 0;
}

/* only "text" is parsed, and "boilerplate" when there are amounts; the
 * other fields, tokens above all, are copied through unread */
static const char *const reads[] = { "boilerplate", NULL };
static const char *const writes[] = { "money", NULL };
static struct ctx stage_ctx;
/* The stage as glean_main and glean-chain run it. */
const struct glean_program glean_program_money = {
	{ .name = "money", .ctx = &stage_ctx, .reads = reads,
	    .process_tail = process, .writes = writes, .reads_unchanged = 1,
	    .reads_on_demand = 1 },
	"[OPTION]... [FILE]...",
	"Add \"money\": every amount of money in each document's text.",
	NULL, NULL, NULL, NULL, ctx_init, ctx_free
};

GLEAN_STAGE_MAIN(money)
