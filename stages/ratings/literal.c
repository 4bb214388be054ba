/* See LICENSE file for copyright and license details. */
/*
 * literal.c - a lexicon whose patterns are only words and white space
 * ("care\s+quality\s+commission|cqc") as plain phrases, and a scan of a
 * text for them that costs a few instructions a byte where the pattern
 * (at word boundaries, caseless) costs dozens: may_rate() asks it first
 * whether a text may name an inspectorate, and runs the pattern only
 * when it may.
 */
#include <stdlib.h>
#include <string.h>

#include "ratings.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The phrases of a lexicon column: words in lower case, one space
 * between them. */
struct literals {
	char **phrase;
	size_t n;
	/* Bit n of first_lens[b - 'a']: a phrase's first word starts with
	 * letter b (either case) and has n letters (n < 32). */
	uint32_t first_lens[26];
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

/*
 * Append the phrases of pattern pat (alternatives separated by '|',
 * each of ASCII words of under 32 letters joined by "\s+") to l; 0 when
 * pat has anything else (l then holds a part of them).
 */
static int
add_pattern(struct literals *l, const char *pat)
{
	const char *p = pat;
	char *out;
	size_t len;

	for (;;) {
		out = glean_malloc(strlen(p) + 1);
		l->phrase = glean_realloc(l->phrase, (l->n + 1) *
		    sizeof(*l->phrase));
		l->phrase[l->n++] = out;
		for (;;) {
			for (len = 0; is_letter((unsigned char)p[len]); len++)
				out[len] = (char)(p[len] | 0x20);
			if (!len || len >= 32)
				return 0;
			if (out == l->phrase[l->n - 1])
				l->first_lens[out[0] - 'a'] |= (uint32_t)1 << len;
			out += len;
			p += len;
			if (strncmp(p, "\\s+", 3))
				break;
			*out++ = ' ';
			p += 3;
		}
		*out = '\0';
		if (!*p)
			return 1;
		if (*p++ != '|')
			return 0;
	}
}

struct literals *
literals_of(const struct glean_lexicon *lx, size_t col)
{
	struct literals *l = glean_calloc(1, sizeof(*l));
	size_t i;

	for (i = 0; i < lx->nrows; i++)
		if (lx->rows[i].nf <= col || !add_pattern(l, lx->rows[i].f[col])) {
			literals_free(l);
			return NULL;
		}
	return l;
}

void
literals_free(struct literals *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->phrase[i]);
	free(l->phrase);
	free(l);
}

/*
 * Does the rest of phrase p (from a space) follow in t[0..n) at byte
 * pos, as the pattern matches it: each space one or more white space
 * characters, the words in either case, and no letter or digit after
 * it?  1 also when a byte outside ASCII is in the way (it may be white
 * space, or a letter).
 */
static int
rest_follows(const char *p, const char *t, size_t n, size_t pos)
{
	size_t ws;

	while (*p == ' ') {
		for (ws = 0; pos < n && is_ascii_space((unsigned char)t[pos]);
		    ws++)
			pos++;
		if (pos < n && (unsigned char)t[pos] >= 0x80)
			return 1;
		if (!ws)
			return 0;
		for (p++; *p && *p != ' '; p++, pos++)
			if (pos >= n || (t[pos] | 0x20) != *p)
				return pos < n && (unsigned char)t[pos] >= 0x80;
	}
	/* a byte outside ASCII is no ASCII letter or digit: 1 */
	return pos >= n || !(is_letter((unsigned char)t[pos]) ||
	    (t[pos] >= '0' && t[pos] <= '9'));
}

/* Is w[0..len) (ASCII letters) the first word of phrase p, in either
 * case? */
static int
first_word_is(const char *p, const char *w, size_t len)
{
	size_t k;

	for (k = 0; k < len && p[k] == (w[k] | 0x20); k++)
		;
	return k == len && (p[k] == ' ' || !p[k]);
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

/* May a phrase of l start at the run of ASCII letters t[s..e) (of n
 * bytes, a letter neither before nor after it)? */
static int
run_may_start(const struct literals *l, const char *t, size_t n, size_t s,
    size_t e)
{
	size_t k, len = e - s;

	if (len >= 32 || !(l->first_lens[(t[s] | 0x20) - 'a'] >> len & 1))
		return 0;
	for (k = 0; k < l->n; k++)
		if (first_word_is(l->phrase[k], t + s, len) &&
		    rest_follows(l->phrase[k] + len, t, n, e))
			return 1;
	return 0;
}

#ifdef __SSE2__
/*
 * literals_may_occur() over the whole blocks of 16 bytes of t[0..n): 1
 * when a phrase may start, else 0 with *from where a byte at a time
 * goes on (the start of a run still open at the last block's end).
 */
static int
blocks_may_occur(const struct literals *l, const char *text, size_t n,
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
			if (run_may_start(l, text, n, open, e))
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
			if (run_may_start(l, text, n, j, e))
				return 1;
		}
	}
	*from = carry ? open : i;
	return 0;
}
#endif

/*
 * Might the pattern of l's phrases (at word boundaries, caseless, as
 * WORD_RE makes it) match in t[0..n)?  0 only when it cannot: a match
 * starts a run of ASCII letters that is a phrase's first word (the
 * letter before it would fail the pattern's word boundary), unless the
 * text holds a character outside ASCII that matches an ASCII letter.
 * Sixteen bytes at a time where SSE2 is there.
 */
int
literals_may_occur(const struct literals *l, const char *text, size_t n)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i = 0, s;

#ifdef __SSE2__
	if (blocks_may_occur(l, text, n, &i))
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
		if (run_may_start(l, text, n, s, i))
			return 1;
	}
	return 0;
}
