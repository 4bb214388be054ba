/* See LICENSE file for copyright and license details. */
/*
 * phrasegate.c - a pattern of words spelled out as plain phrases, and a
 * scan of a text for them that costs a few instructions a byte (see
 * phrasegate.h).  The phrases are cut after their first GATE_WORDS
 * words: the gate needs only to say "may", and the cut keeps the
 * phrases few.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "glean.h"
#include "phrasegate.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Words of a phrase that are compared; at most this many phrases
 * spelled from one pattern. */
enum { GATE_WORDS = 4, GATE_MAX_SPELLED = 4096 };

/* A phrase: a letter in lower case matches either case, one in upper
 * case only itself (from "(?-i:...)"); ' ' a run of white space; any
 * other byte itself.  Open when it was cut (the text may go on with
 * anything after it). */
struct gate_phrase {
	char *s;
	int open;
	size_t first;	/* the length of its first word */
};

struct glean_phrase_gate {
	struct gate_phrase *p;	/* sorted */
	size_t n;
	/* the phrases starting with letter k: [from[k], from[k + 1]) */
	size_t from[27];
	/* Bit z - 'a' of last[a - 'a'][n]: a phrase's first word starts
	 * with letter a, ends with letter z (either case) and has n letters
	 * (n < 32). */
	uint32_t last[26][32];
};

static inline int
is_letter(unsigned char b)
{
	return (unsigned)((b | 0x20) - 'a') < 26;
}

/* The white space \s matches among ASCII bytes. */
static int
is_ascii_space(unsigned char b)
{
	return b == ' ' || (b >= '\t' && b <= '\r');
}

/* The strings a pattern spells (see glean_phrase_gate_add()). */
struct spelled {
	char **s;
	size_t n;
};

/* A pattern being spelled: where it is, and whether it went beyond what
 * a gate can take. */
struct speller {
	const char *p;
	int bad;
	int exact;	/* in "(?-i:...)": upper case stays */
};

static void
spelled_add(struct speller *sp, struct spelled *v, char *s)
{
	if (v->n >= GATE_MAX_SPELLED) {
		sp->bad = 1;
		free(s);
		return;
	}
	v->s = glean_realloc(v->s, (v->n + 1) * sizeof(*v->s));
	v->s[v->n++] = s;
}

static void
spelled_free(struct spelled *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->s[i]);
	free(v->s);
	v->s = NULL;
	v->n = 0;
}

/* The one string s[0..len). */
static struct spelled
spelled_one(struct speller *sp, const char *s, size_t len)
{
	struct spelled v = { 0 };
	char *c = glean_malloc(len + 1);

	memcpy(c, s, len);
	c[len] = '\0';
	spelled_add(sp, &v, c);
	return v;
}

/* Does s hold GATE_WORDS words and a byte after them (cut_phrase()
 * would cut it there, whatever came after)? */
static int
spelled_full(const char *s)
{
	size_t k, words = 0;

	for (k = 0; s[k]; k++)
		if (is_letter((unsigned char)s[k]) &&
		    !is_letter((unsigned char)s[k + 1]) &&
		    ++words == GATE_WORDS)
			return s[k + 1] != '\0';
	return 0;
}

/* Every x + y of x in a, y in b, a run of white space as one ' ' (x
 * alone when it is full: see spelled_full()). */
static struct spelled
spelled_cat(struct speller *sp, const struct spelled *a,
    const struct spelled *b)
{
	struct spelled v = { 0 };
	size_t i, j, la, lb;
	char *s;

	for (i = 0; i < a->n && !sp->bad; i++) {
		if (spelled_full(a->s[i])) {
			spelled_add(sp, &v, glean_strdup(a->s[i]));
			continue;
		}
		for (j = 0; j < b->n && !sp->bad; j++) {
			la = strlen(a->s[i]);
			lb = strlen(b->s[j]);
			s = glean_malloc(la + lb + 1);
			memcpy(s, a->s[i], la);
			if (la && s[la - 1] == ' ' && b->s[j][0] == ' ')
				la--;
			memcpy(s + la, b->s[j], lb + 1);
			spelled_add(sp, &v, s);
		}
	}
	return v;
}

/* Is b a byte of punctuation a gate's pattern may hold as itself? */
static int
is_plain_mark(int b)
{
	return b && strchr(",/'-&", b) != NULL;
}

static struct spelled spell_alternatives(struct speller *sp);

/* A class of single characters ("[-\s]"): each a string. */
static struct spelled
spell_class(struct speller *sp)
{
	struct spelled v = { 0 };
	const char *p = sp->p + 1;

	for (; *p && *p != ']' && !sp->bad; p++) {
		if (p[0] == '\\' && p[1] == 's') {
			spelled_add(sp, &v, glean_strdup(" "));
			p++;
		} else if (is_letter((unsigned char)*p) || (*p == '-' &&
		    (p == sp->p + 1 || p[1] == ']')) || (*p != '-' &&
		    is_plain_mark(*p))) {
			char c[2] = { (char)(is_letter((unsigned char)*p) ?
			    *p | 0x20 : *p), '\0' };

			spelled_add(sp, &v, glean_strdup(c));
		} else
			sp->bad = 1;	/* a range, a negation, an escape */
	}
	if (*p != ']' || !v.n)
		sp->bad = 1;
	sp->p = *p ? p + 1 : p;
	return v;
}

/* A group: "(...)", "(?:...)", "(?-i:...)", or a lookahead (nothing). */
static struct spelled
spell_group(struct speller *sp)
{
	const char *p = sp->p + 1;
	struct spelled v;
	int look = 0, exact = sp->exact;

	if (!strncmp(p, "?:", 2))
		p += 2;
	else if (!strncmp(p, "?-i:", 4)) {
		p += 4;
		sp->exact = 1;
	} else if (!strncmp(p, "?!", 2) || !strncmp(p, "?=", 2)) {
		p += 2;
		look = 1;
	} else if (*p == '?')
		sp->bad = 1;
	sp->p = p;
	v = spell_alternatives(sp);
	sp->exact = exact;
	if (*sp->p != ')')
		sp->bad = 1;
	else
		sp->p++;
	if (look) {
		spelled_free(&v);
		v = spelled_one(sp, "", 0);
	}
	return v;
}

/* One atom of the pattern, as the strings it spells. */
static struct spelled
spell_atom(struct speller *sp)
{
	const unsigned char *p = (const unsigned char *)sp->p;
	size_t len;
	int32_t cp;
	char c;

	if (*p == '(')
		return spell_group(sp);
	if (*p == '[')
		return spell_class(sp);
	if (*p == '\\' && p[1] == 's') {
		sp->p += 2;
		return spelled_one(sp, " ", 1);
	}
	if (*p == '\\' && (is_plain_mark(p[1]) || p[1] == '.')) {
		sp->p += 2;
		return spelled_one(sp, (const char *)p + 1, 1);
	}
	if (is_letter(*p) || is_plain_mark(*p)) {
		c = (char)(is_letter(*p) && !sp->exact ? *p | 0x20 : *p);
		sp->p++;
		return spelled_one(sp, &c, 1);
	}
	if (*p < 0x80) {	/* '.', a digit, an anchor, another escape */
		sp->bad = 1;
		sp->p++;
		return spelled_one(sp, "", 0);
	}
	len = glean_utf8_next(sp->p, strlen(sp->p), &cp);
	sp->p += len;
	/* a character with case may match another (or an ASCII letter:
	 * the long s) caselessly; the gate compares bytes */
	if (utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) != cp ||
	    utf8proc_totitle(cp) != cp)
		sp->bad = 1;
	return spelled_one(sp, (const char *)p, len);
}

/* Apply a quantifier after atom v, if there is one: '?' adds the empty
 * string; '+' and '*' only after white space. */
static void
spell_quantifier(struct speller *sp, struct spelled *v)
{
	char q = *sp->p;
	int space = v->n == 1 && !strcmp(v->s[0], " ");

	if (q != '?' && q != '+' && q != '*') {
		if (q == '{')
			sp->bad = 1;
		return;
	}
	sp->p++;
	if (*sp->p == '?' || *sp->p == '+')	/* lazy, possessive */
		sp->p++;
	if (q != '?' && !space)
		sp->bad = 1;
	else if (q != '+')
		spelled_add(sp, v, glean_strdup(""));
}

/* The strings of a sequence of atoms, up to '|', ')' or the end. */
static struct spelled
spell_sequence(struct speller *sp)
{
	struct spelled v = spelled_one(sp, "", 0), a, next;

	while (!sp->bad && *sp->p && *sp->p != '|' && *sp->p != ')') {
		a = spell_atom(sp);
		spell_quantifier(sp, &a);
		next = spelled_cat(sp, &v, &a);
		spelled_free(&v);
		spelled_free(&a);
		v = next;
	}
	return v;
}

/* The strings of alternatives, up to ')' or the end. */
static struct spelled
spell_alternatives(struct speller *sp)
{
	struct spelled all = { 0 }, one;
	size_t i;

	for (;;) {
		one = spell_sequence(sp);
		for (i = 0; i < one.n; i++)
			spelled_add(sp, &all, one.s[i]);
		free(one.s);
		if (sp->bad || *sp->p != '|')
			return all;
		sp->p++;
	}
}

/* Does s start with a word (a run of ASCII letters) of 1 to 31
 * letters, as the gate's index needs? */
static int
starts_with_word(const char *s)
{
	size_t k = 0;

	while (is_letter((unsigned char)s[k]))
		k++;
	return k && k < 32;
}

/* Cut phrase s after its GATE_WORDS-th word (a run of ASCII letters);
 * 1 when anything was cut (the phrase is open). */
static int
cut_phrase(char *s)
{
	size_t k, words = 0;

	for (k = 0; s[k]; k++)
		if (is_letter((unsigned char)s[k]) &&
		    !is_letter((unsigned char)s[k + 1]) &&
		    ++words == GATE_WORDS) {
			if (!s[k + 1])
				return 0;
			s[k + 1] = '\0';
			return 1;
		}
	return 0;
}

/* By first letter in either case, then byte by byte. */
static int
phrase_cmp(const void *a, const void *b)
{
	const struct gate_phrase *x = a, *y = b;
	int d = (x->s[0] | 0x20) - (y->s[0] | 0x20);

	if (!d)
		d = strcmp(x->s, y->s);
	return d ? d : x->open - y->open;
}

/* Sort g's phrases, drop repeats, and index them by first letter. */
static void
gate_index(struct glean_phrase_gate *g)
{
	size_t i, k = 0, len;
	const char *s;
	int b;

	qsort(g->p, g->n, sizeof(*g->p), phrase_cmp);
	for (i = 0; i < g->n; i++) {
		if (k && !phrase_cmp(&g->p[k - 1], &g->p[i])) {
			free(g->p[i].s);
			continue;
		}
		g->p[k++] = g->p[i];
	}
	g->n = k;
	memset(g->last, 0, sizeof(g->last));
	for (b = 0, i = 0; b <= 26; b++) {
		while (i < g->n && (g->p[i].s[0] | 0x20) - 'a' < b)
			i++;
		g->from[b] = i;
	}
	for (i = 0; i < g->n; i++) {
		s = g->p[i].s;
		for (len = 0; is_letter((unsigned char)s[len]); len++)
			;
		g->p[i].first = len;
		g->last[(s[0] | 0x20) - 'a'][len] |=
		    (uint32_t)1 << ((s[len - 1] | 0x20) - 'a');
	}
}

struct glean_phrase_gate *
glean_phrase_gate_new(void)
{
	return glean_calloc(1, sizeof(struct glean_phrase_gate));
}

int
glean_phrase_gate_add(struct glean_phrase_gate *g, const char *pat)
{
	struct speller sp = { pat, 0 };
	struct spelled v = spell_alternatives(&sp);
	size_t i;

	if (*sp.p)	/* a ')' too many */
		sp.bad = 1;
	for (i = 0; i < v.n && !sp.bad; i++)
		if (!starts_with_word(v.s[i]))
			sp.bad = 1;
	if (sp.bad) {
		spelled_free(&v);
		return 0;
	}
	g->p = glean_realloc(g->p, (g->n + v.n) * sizeof(*g->p));
	for (i = 0; i < v.n; i++) {
		g->p[g->n].open = cut_phrase(v.s[i]);
		g->p[g->n++].s = v.s[i];
	}
	free(v.s);
	gate_index(g);
	return 1;
}

const char *
glean_phrase_gate_phrase(const struct glean_phrase_gate *g, size_t i)
{
	return i < g->n ? g->p[i].s : NULL;
}

void
glean_phrase_gate_free(struct glean_phrase_gate *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->n; i++)
		free(g->p[i].s);
	free(g->p);
	free(g);
}

/*
 * May phrase byte p (not ' ') match text byte b?  An ASCII letter of the
 * phrase matches that letter (either case when p is in lower case); a
 * byte outside ASCII in the text is no ASCII letter (the long s and the
 * Kelvin sign, which match one caselessly, are looked for apart); any
 * other byte of the phrase (its characters outside ASCII have no case)
 * only itself.
 */
static int
byte_may_match(unsigned char p, unsigned char b)
{
	if (p >= 'a' && p <= 'z')
		return (b | 0x20) == p;
	return b == p;
}

/*
 * May the character at t[pos] (of n bytes) be white space outside
 * ASCII as \s matches it (U+0085, U+00A0, U+1680, U+180E, U+2000 to
 * U+200A, U+2028, U+2029, U+202F, U+205F, U+3000)?
 */
static int
may_be_space(const unsigned char *t, size_t n, size_t pos)
{
	unsigned a, b;

	if (pos + 1 >= n || t[pos] < 0xC2)
		return 0;
	a = t[pos + 1];
	if (t[pos] == 0xC2)
		return a == 0x85 || a == 0xA0;
	if (pos + 2 >= n)
		return 0;
	b = t[pos + 2];
	switch (t[pos]) {
	case 0xE1:
		return (a == 0x9A && b == 0x80) || (a == 0xA0 && b == 0x8E);
	case 0xE2:
		return (a == 0x80 && (b <= 0x8A || b == 0xA8 || b == 0xA9 ||
		    b == 0xAF)) || (a == 0x81 && b == 0x9F);
	case 0xE3:
		return a == 0x80 && b == 0x80;
	default:
		return 0;
	}
}

/*
 * Does the rest of phrase ph (after its first word) follow in t[0..n)
 * at byte pos, as the pattern matches it: each space one or more white
 * space characters, the other bytes as byte_may_match() says, and
 * (unless ph is open) no letter or digit after it?  1 also when a
 * character outside ASCII that may be white space is in the way.
 */
static int
rest_follows(const struct gate_phrase *ph, size_t first,
    const unsigned char *t, size_t n, size_t pos)
{
	const unsigned char *p = (const unsigned char *)ph->s + first;
	size_t ws;

	while (*p) {
		if (*p == ' ') {
			for (ws = 0; pos < n && is_ascii_space(t[pos]); ws++)
				pos++;
			if (may_be_space(t, n, pos))
				return 1;
			if (!ws)
				return 0;
			p++;
			continue;
		}
		if (pos >= n || !byte_may_match(*p, t[pos]))
			return 0;
		p++;
		pos++;
	}
	/* a byte outside ASCII is no ASCII letter or digit: 1 */
	return ph->open || pos >= n || !(is_letter(t[pos]) ||
	    (t[pos] >= '0' && t[pos] <= '9'));
}
/* Is w[0..len) (ASCII letters) the first word of phrase p, in either
 * case (all its letters, whatever follows)? */
static int
first_word_is(const char *p, const char *w, size_t len)
{
	size_t k;

	for (k = 0; k < len && (p[k] == w[k] || p[k] == (w[k] | 0x20)); k++)
		;
	return k == len && !is_letter((unsigned char)p[k]);
}

/* Is the character at t[i] (of n bytes) U+017F or U+212A, the only ones
 * outside ASCII that match an ASCII letter caselessly ("ſ" as s, the
 * Kelvin sign as k)? */
static int
folds_to_ascii(const unsigned char *t, size_t n, size_t i)
{
	return (t[i] == 0xC5 && i + 1 < n && t[i + 1] == 0xBF) ||
	    (t[i] == 0xE2 && i + 2 < n && t[i + 1] == 0x84 &&
	    t[i + 2] == 0xAA);
}

/* Does a phrase of g whose first word has first letter b and len
 * letters start at the run of ASCII letters t[s..s + len) (of n bytes)?
 * See run_may_start(). */
static int
phrase_at(const struct glean_phrase_gate *g, unsigned b, const char *t,
    size_t n, size_t s, size_t len)
{
	size_t k;

	for (k = g->from[b]; k < g->from[b + 1]; k++)
		if (g->p[k].first == len &&
		    first_word_is(g->p[k].s, t + s, len) &&
		    rest_follows(&g->p[k], len, (const unsigned char *)t, n,
		    s + len))
			return 1;
	return 0;
}

/* May a phrase of g start at the run of ASCII letters t[s..e) (of n
 * bytes, a letter neither before nor after it)?  Inline: most runs stop
 * at the table of first and last letters. */
static inline int
run_may_start(const struct glean_phrase_gate *g, const char *t, size_t n,
    size_t s, size_t e)
{
	size_t len = e - s;
	unsigned b = (unsigned)((t[s] | 0x20) - 'a');

	if (len >= 32 || !(g->last[b][len] >> ((t[e - 1] | 0x20) - 'a') & 1))
		return 0;
	return phrase_at(g, b, t, n, s, len);
}

#ifdef __SSE2__
/*
 * glean_phrase_gate_may() over the whole blocks of 16 bytes of t[0..n): 1
 * when a phrase may start, else 0 with *from where a byte at a time
 * goes on (the start of a run still open at the last block's end).
 */
static int
blocks_may_occur(const struct glean_phrase_gate *g, const char *text, size_t n,
    size_t *from)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i, j, e, open = 0;
	unsigned letters, odd, starts, ends, carry = 0;
	__m128i v, low;

	for (i = 0; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		low = _mm_or_si128(v, _mm_set1_epi8(0x20));
		/* signed compares: a byte >= 0x80 is below 'a' */
		letters = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
		    _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1))));
		odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC5)),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))));
		for (; odd; odd &= odd - 1)
			if (folds_to_ascii(t, n, i + (size_t)__builtin_ctz(odd)))
				return 1;
		starts = letters & ~(letters << 1 | carry);
		ends = ~letters & (letters << 1 | carry) & 0xffffu;
		if (carry && ends) {	/* the run open since an earlier block */
			e = i + (size_t)__builtin_ctz(ends);
			ends &= ends - 1;
			carry = 0;
			if (run_may_start(g, text, n, open, e))
				return 1;
		}
		for (; starts; starts &= starts - 1) {
			j = i + (size_t)__builtin_ctz(starts);
			if (!ends) {
				open = j;
				carry = 1;
				break;
			}
			e = i + (size_t)__builtin_ctz(ends);
			ends &= ends - 1;
			if (run_may_start(g, text, n, j, e))
				return 1;
		}
	}
	*from = carry ? open : i;
	return 0;
}
#endif

/*
 * A match starts a run of ASCII letters that is a phrase's first word
 * (the letter before it would fail the pattern's word boundary), unless
 * the text holds a character outside ASCII that matches an ASCII letter.
 */
int
glean_phrase_gate_may(const struct glean_phrase_gate *g, const char *text,
    size_t n)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i = 0, s;

#ifdef __SSE2__
	if (blocks_may_occur(g, text, n, &i))
		return 1;
#endif
	while (i < n) {
		if (!is_letter(t[i])) {
			if (t[i] >= 0xC5 && folds_to_ascii(t, n, i))
				return 1;
			i++;
			continue;
		}
		for (s = i++; i < n && is_letter(t[i]); i++)
			;
		if (run_may_start(g, text, n, s, i))
			return 1;
	}
	return 0;
}
