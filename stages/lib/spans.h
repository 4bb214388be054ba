/* See LICENSE file for copyright and license details. */
/*
 * spans.h - passing over the words of a text and turning byte offsets
 * into code points, fast, for glean-dates and glean-money, which look
 * at every word of every text for their trigger words.  Requires
 * glean.h first.
 */
#ifndef GLEAN_SPANS_H
#define GLEAN_SPANS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * The end of the run of ASCII letters starting at s[i]: the first index
 * >= i, up to n, of a byte that is not one.  Eight bytes at a time.
 */
static inline size_t
glean_letters_end(const char *s, size_t i, size_t n)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t x, low, nonletter;

		memcpy(&x, s + i, 8);
		/* fold case, then test 'a' <= byte <= 'z' on the low
		 * seven bits; a set high bit is no letter either */
		low = (x | 0x20 * GLEAN_ONES) & ~GLEAN_HIGHS;
		nonletter = (x | ~(low + (0x80 - 'a') * GLEAN_ONES) |
		    (low + (0x80 - 'z' - 1) * GLEAN_ONES)) & GLEAN_HIGHS;
		if (nonletter)
			return i + glean_first_flag(nonletter);
	}
	while (i < n && ((unsigned char)s[i] | 0x20) >= 'a' &&
	    ((unsigned char)s[i] | 0x20) <= 'z')
		i++;
	return i;
}

#ifdef __SSE2__
/* The bits of the 16 bytes of x that are in [lo, hi], lo <= hi < 0x7f
 * (a byte from 0x80 up is in none).  One compare: x - lo, moved to the
 * bottom of the signed bytes, is below -128 + hi - lo + 1 just for the
 * bytes of the range (x - lo wraps the others above it). */
static inline uint64_t
glean_range16(__m128i x, char lo, char hi)
{
	__m128i y = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo)));

	return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(y,
	    _mm_set1_epi8((char)(-128 + (hi - lo + 1)))));
}
#endif

/* The bytes of a block of 64 of a text by class, bit k for the k-th. */
struct glean_block {
	uint64_t letters;	/* ASCII letters */
	uint64_t digits;	/* ASCII digits */
	uint64_t chs;		/* the byte asked for */
	uint64_t high;		/* bytes from 0x80 up */
};

/*
 * The classes of the bytes t[0..n) (n <= 64; ch the byte for k->chs, 0
 * for none) into *k: a stage that looks at every word of a text for its
 * trigger words goes from the start of one run to the next, 64 bytes at
 * a time, and never looks at the bytes between.
 */
static inline void
glean_block_classes(const char *t, size_t n, char ch, struct glean_block *k)
{
#ifdef __SSE2__
	char pad[64];
	uint64_t l = 0, d = 0, e = 0, h = 0;
	int i;

	if (n < 64) {
		memset(pad, 0, sizeof pad);
		memcpy(pad, t, n);
		t = pad;
	}
	/* unrolled: the shifts by 16 * i become constants */
#pragma GCC unroll 4
	for (i = 0; i < 4; i++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
		    (t + 16 * i));

		l |= glean_range16(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a',
		    'z') << 16 * i;
		d |= glean_range16(x, '0', '9') << 16 * i;
		h |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << 16 * i;
		if (ch)
			e |= (uint64_t)(unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(ch))) << 16 * i;
	}
	k->letters = l;
	k->digits = d;
	k->chs = e;
	k->high = h;
#else
	size_t i;

	k->letters = k->digits = k->chs = k->high = 0;
	for (i = 0; i < n && i < 64; i++) {
		unsigned char b = (unsigned char)t[i];
		uint64_t bit = (uint64_t)1 << i;

		if ((unsigned)((b | 0x20) - 'a') < 26)
			k->letters |= bit;
		else if ((unsigned)(b - '0') < 10)
			k->digits |= bit;
		else if (b >= 0x80)
			k->high |= bit;
		if (ch && b == (unsigned char)ch)
			k->chs |= bit;
	}
#endif
}

/*
 * The starts of the runs of the set bits of m, where the bit before
 * the first was *carry (the last of the block before); *carry becomes
 * m's last.
 */
static inline uint64_t
glean_run_starts(uint64_t m, uint64_t *carry)
{
	uint64_t starts = m & ~(m << 1 | *carry);

	*carry = m >> 63;
	return starts;
}

/* glean_letters_end out of line (spans.c), for a run past its block:
 * that is seldom, and its constants would take the registers of the
 * loop over the words of a block. */
size_t glean_letters_end_far(const char *s, size_t i, size_t n);

/*
 * The end of the run of ASCII letters at bit b of the block of t[0..n)
 * at base whose letters are the bits of letters: in the block, or past
 * it, where glean_letters_end_far looks.
 */
static inline size_t
glean_run_end(const char *t, size_t n, size_t base, uint64_t letters, int b)
{
	uint64_t rest = ~letters >> b;

	if (rest)
		return base + (size_t)b + (size_t)__builtin_ctzll(rest);
	return glean_letters_end_far(t, base + 64, n);
}

/* "00" to "99", two bytes each, for glean_put_dec. */
extern const char glean_digit_pairs[200];

/*
 * v in decimal at p (room for 20 bytes); returns the end.  snprintf's
 * "%llu" without its cost, for the offsets of every span and token: two
 * digits a step from glean_digit_pairs, and short numbers (offsets grow
 * through a document, so the branch on their length is well predicted)
 * without a loop.
 */
static inline char *
glean_put_dec(char *p, uint64_t v)
{
	char tmp[20], *q;
	size_t k;

	if (v < 100) {
		if (v < 10) {
			*p = (char)('0' + v);
			return p + 1;
		}
		memcpy(p, glean_digit_pairs + 2 * v, 2);
		return p + 2;
	}
	if (v < 10000) {
		if (v < 1000) {
			*p = (char)('0' + v / 100);
			memcpy(p + 1, glean_digit_pairs + 2 * (v % 100), 2);
			return p + 3;
		}
		memcpy(p, glean_digit_pairs + 2 * (v / 100), 2);
		memcpy(p + 2, glean_digit_pairs + 2 * (v % 100), 2);
		return p + 4;
	}
	if (v < 1000000) {
		uint32_t hi = (uint32_t)(v / 10000), lo = (uint32_t)(v % 10000);

		if (hi < 10) {
			*p++ = (char)('0' + hi);
		} else {
			memcpy(p, glean_digit_pairs + 2 * hi, 2);
			p += 2;
		}
		memcpy(p, glean_digit_pairs + 2 * (lo / 100), 2);
		memcpy(p + 2, glean_digit_pairs + 2 * (lo % 100), 2);
		return p + 4;
	}
	q = tmp + sizeof tmp;
	while (v >= 100) {
		q -= 2;
		memcpy(q, glean_digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		q -= 2;
		memcpy(q, glean_digit_pairs + 2 * v, 2);
	} else {
		*--q = (char)('0' + v);
	}
	for (k = (size_t)(tmp + sizeof tmp - q); k > 0; k--)
		*p++ = *q++;
	return p;
}

/*
 * The order of the spans [as, ae) and [bs, be) of a text for qsort
 * (< 0, 0, > 0): by start, the longer first at one start, as a stage
 * sorts its candidates before it keeps the longest of those that
 * overlap.
 */
static inline int
glean_span_order(size_t as, size_t ae, size_t bs, size_t be)
{
	if (as != bs)
		return as < bs ? -1 : 1;
	if (ae != be)
		return ae > be ? -1 : 1;
	return 0;
}

/*
 * Code-point offsets of byte offsets asked for mostly in increasing
 * order, as a layer's spans are written: counting from the last one
 * costs less than glean_offsets_init's map of the whole text, and
 * nothing past the last span.  Start with { text, length } (the rest 0).
 */
struct glean_cp_cursor {
	const char *t;
	size_t n;
	size_t byte, cp;	/* the last offset asked for */
};

/*
 * The code point at byte b of valid UTF-8; a byte inside a character
 * gives its start and b past the end the end, as glean_cp does.
 */
size_t glean_cp_at(struct glean_cp_cursor *k, size_t b);

#endif
