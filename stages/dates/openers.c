/* See LICENSE file for copyright and license details. */
/*
 * openers.c - where a pattern could start.  Each row of the pattern
 * table lists its openers (see patterns.c); they are built into a trie
 * of lower-case letters and blanks, with tables for runs of digits, and
 * find_starts walks the trie at each word start of a window: a pattern
 * is only tried, anchored, where one of its openers begins.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dates.h"

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
		if (c->nopener == OPENER_MAX)
			glean_die(GLEAN_EXIT_FATAL, "date openers: more than "
			    "%d trie nodes", OPENER_MAX);
		c->opener = glean_realloc(c->opener, (c->nopener + 1) *
		    sizeof *c->opener);
		memset(&c->opener[c->nopener], 0, sizeof *c->opener);
		c->opener[c->nopener].blank = y == SYM_BLANK;
		c->opener[k].kid[y] = (uint16_t)c->nopener++;
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
			if (c->ndigits >= UINT16_MAX)
				glean_die(GLEAN_EXIT_FATAL, "date openers: too "
				    "many digit tables");
			o->digits = (uint16_t)++c->ndigits;
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

_Static_assert(sizeof(struct opener) == 64, "a trie node a cache line");

/* Move the trie to memory aligned to a cache line, a node a line. */
static void
align_openers(struct ctx *c)
{
	struct opener *a = aligned_alloc(64, c->nopener * 64);

	if (!a)
		glean_die(GLEAN_EXIT_FATAL, "out of memory");
	memset(a, 0, c->nopener * 64);
	memcpy(a, c->opener, c->nopener * sizeof *a);
	free(c->opener);
	c->opener = a;
}

/* The patterns of the openers through each node into sub[] (by node):
 * its own and those of the nodes under it, and every pattern of their
 * digit tables.  A node's kids are made after it, so from the last
 * node back each kid is done before its parent. */
static void
subtree_pats(const struct ctx *c, unsigned *sub)
{
	size_t k;
	int y, l, ch;

	for (k = c->nopener; k-- > 0;) {
		const struct opener *o = &c->opener[k];

		sub[k] = o->pats;
		if (o->digits)
			for (l = 0; l < 3; l++)
				for (ch = 0; ch < NDIGIT_AFTER; ch++)
					sub[k] |= c->digits[o->digits - 1][l][ch];
		for (y = 0; y < NSYM; y++)
			if (o->kid[y])
				sub[k] |= sub[o->kid[y]];
	}
}

/*
 * The patterns openers_at may find at an opener that starts with byte
 * b (0: can_open says no), sub the patterns under each node: the
 * root's and, for a symbol of the trie, those under its node.
 * openers_at says all where it meets a byte from 0x80 up, but as one
 * of the trie's symbols, so below that node; a digit (a run of Unicode
 * digits may go on) or a byte from 0x80 up opens all.
 */
static unsigned
first_pats(const struct ctx *c, const unsigned *sub, int b)
{
	unsigned pats = c->opener[0].pats;

	if (!c->can_open[b])
		return 0;
	if (b >= 0x80 || (unsigned)(b - '0') < 10)
		return ALL_PATS;
	if (c->sym[b] >= 0 && c->opener[0].kid[c->sym[b]])
		pats |= sub[c->opener[0].kid[c->sym[b]]];
	return pats;
}

/* c->second_pats from sub, the patterns under each node: what
 * openers_at may find at a letter and a symbol of the trie (a blank
 * run, taken whole, included). */
static void
second_pats(struct ctx *c, const unsigned *sub)
{
	int y0, y1, k0, k1;

	for (y0 = 0; y0 < 26; y0++)
		for (y1 = 0; y1 < NSYM; y1++) {
			k0 = c->opener[0].kid[y0];
			k1 = k0 ? c->opener[k0].kid[y1] : 0;
			c->second_pats[y0][y1] = c->opener[0].pats |
			    (k0 ? c->opener[k0].pats : 0) | (k1 ? sub[k1] : 0);
		}
}

/* Build the openers' trie and digit tables from the pattern table;
 * a pattern that does not start with (?<![\w is fatal. */
void
openers_init(struct ctx *c)
{
	const char *o;
	unsigned *sub;
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
	align_openers(c);
	for (b = 0; b < 256; b++) {
		c->sym[b] = (signed char)sym((unsigned char)b);
		c->can_open[b] = c->opener[0].pats || (b >= 0x80 ?
		    (b & 0xc0) != 0x80 : (unsigned)(b - '0') < 10 ?
		    c->opener[0].digits : c->sym[b] >= 0 &&
		    c->opener[0].kid[c->sym[b]]);
		c->word_byte[b] = c_isalnum(b) || b == '_';
		if (b < 0x80 && !c_isalnum(b) && c->can_open[b])
			c->punct_opens = 1;
	}
	sub = glean_malloc(c->nopener * sizeof *sub);
	subtree_pats(c, sub);
	for (b = 0; b < 256; b++)
		c->first_pats[b] = first_pats(c, sub, b);
	second_pats(c, sub);
	free(sub);
}

/* The patterns the digits at t[i] open after trie node k. */
static unsigned
openers_digits(const struct ctx *c, int k, const char *t, size_t n,
    size_t i)
{
	size_t j = i;

	if (!c->opener[k].digits)
		return 0;
	while (j < n && c_isdigit((unsigned char)t[j]))
		j++;
	/* a non-ASCII digit may go on with the run */
	if (j < n && (unsigned char)t[j] >= 0x80)
		return ALL_PATS;
	return c->digits[c->opener[k].digits - 1][j - i <= 2 ? 0 :
	    j - i == 4 ? 1 : 2][j < n ? (unsigned char)t[j] :
	    NDIGIT_AFTER - 1];
}

/*
 * May the character at t[i] (of n; its first byte from 0x80 up) stand
 * where an opener has an ASCII byte: is it a digit (\d), a blank (\s)
 * or a letter a caseless match may take for an ASCII one (the long s
 * for "s")?  Letters, marks, numbers, separators and controls, and a
 * byte that is no character, say yes; punctuation and symbols ("£",
 * "’", "–") say no: where one starts, only the openers that hold it
 * open.
 */
static int
high_may_open(const char *t, size_t n, size_t i)
{
	int32_t cp;

	glean_utf8_next(t + i, n - i, &cp);
	if (cp < 0)
		return 1;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return 0;
	default:
		return 1;
	}
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

		if ((y = c->sym[ch]) < 0) {
			/* a digit, a blank or a letter a caseless match
			 * may take for an ASCII one (the long s for "s") */
			if (ch >= 0x80)
				return high_may_open(t, n, i) ? ALL_PATS : pats;
			if ((unsigned)(ch - '0') < 10)
				return pats | openers_digits(c, k, t, n, i);
			break;
		}
		if (!(k = c->opener[k].kid[y]))
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

/* The patterns openers_at may find at t[i] (of n) by its first two
 * bytes: second_pats for a letter and a symbol of the trie, else all
 * (first_pats has said what the first byte allows). */
static inline unsigned
opens_second(const struct ctx *c, const char *t, size_t n, size_t i)
{
	int y0 = c->sym[(unsigned char)t[i]], y1;

	if (y0 < 0 || y0 >= 26 || i + 1 >= n ||
	    (y1 = c->sym[(unsigned char)t[i + 1]]) < 0)
		return ALL_PATS;
	return c->second_pats[y0][y1];
}

/* Note that patterns pats may start at byte i of d's text. */
static void
add_start(struct doc *d, size_t i, unsigned pats)
{
	if (d->nstart == d->startcap) {
		d->startcap = d->startcap ? 2 * d->startcap : 64;
		d->start = glean_realloc(d->start, d->startcap *
		    sizeof *d->start);
	}
	d->start[d->nstart].pos = i;
	d->start[d->nstart++].pats = pats;
}

/*
 * Add where patterns could start in t[s..e), after the starts before:
 * at the first byte of a character, not right after a word, as every
 * pattern starts with (?<![\w...]).  The bytes inside words are passed
 * 64 at a time: a byte is looked at unless it and the byte before are
 * both ASCII letters, digits or "_".  Only the patterns of want run in
 * the windows over t[s..e): a start whose first byte opens none of them
 * is not looked for (it would open none a window runs).
 */
void
find_starts(const struct ctx *c, struct doc *d, size_t s, size_t e,
    unsigned want)
{
	const unsigned char *t = (const unsigned char *)d->t;
	uint64_t after_word = s > 0 && c->word_byte[t[s - 1]];
	size_t base;
	unsigned pats;

	for (base = s; base < e; base += 64) {
		struct glean_block blk;
		uint64_t word, look;

		glean_block_classes(d->t + base, e - base, '_', &blk);
		word = blk.letters | blk.digits | blk.chs;
		look = ~(word & (word << 1 | after_word));
		after_word = word >> 63;
		/* a blank or a stop, where can_open would say no */
		if (!c->punct_opens)
			look &= blk.letters | blk.digits | blk.high;
		if (e - base < 64)
			look &= ((uint64_t)1 << (e - base)) - 1;
		for (; look; look &= look - 1) {
			size_t i = base + (size_t)__builtin_ctzll(look);

			if ((c->first_pats[t[i]] & want) &&
			    (opens_second(c, d->t, e, i) & want) &&
			    (pats = openers_at(c, d->t, e, i)) != 0)
				add_start(d, i, pats);
		}
	}
}
