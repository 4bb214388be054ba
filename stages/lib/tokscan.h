/* See LICENSE file for copyright and license details. */
/*
 * tokscan.h - the byte scans under the tokenizer (tok.c): runs of ASCII
 * letters and digits, and continuation bytes, sixteen bytes at a step
 * with SSE2, eight (SWAR) without.
 */
#ifndef GLEAN_TOKSCAN_H
#define GLEAN_TOKSCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "spans.h"
#include "swar.h"

/* The first continuation byte (10xxxxxx) at or after i, or n. */
static size_t
next_cont(const char *s, size_t n, size_t i)
{
	uint64_t x;

	/* a continuation byte has bit 7 set and bit 6 clear */
#ifdef __SSE2__
	/* news text is mostly ASCII: sixteen bytes with no high bit are
	 * passed with one test */
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		unsigned m;

		if (!_mm_movemask_epi8(v))
			continue;
		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v,
		    _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		x &= ~(x << 1) & GLEAN_HIGHS;
		if (x)
			return i + glean_first_flag(x);
	}
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			return i;
	return n;
}

/*
 * The 0x80 bit of every byte of x that is an ASCII letter or digit
 * (SWAR: each byte's sums stay below 0x100, so no carry crosses bytes).
 */
static inline uint64_t
alnum8(uint64_t x)
{
	uint64_t x7 = x & ~GLEAN_HIGHS, low = x7 | 0x20 * GLEAN_ONES, alpha, digit;

	alpha = (low + (0x80 - 'a') * GLEAN_ONES) & ~(low + (0x7F - 'z') * GLEAN_ONES);
	digit = (x7 + (0x80 - '0') * GLEAN_ONES) & ~(x7 + (0x7F - '9') * GLEAN_ONES);
	return (alpha | digit) & ~x & GLEAN_HIGHS;
}

#ifdef __SSE2__
/* The bits of the ASCII letters and digits among the 16 bytes at p
 * (glean_range16's one compare a range). */
static inline unsigned
alnum16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)(glean_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)),
	    'a', 'z') | glean_range16(v, '0', '9'));
}
#endif

/* The end of the run of ASCII letters and digits starting at s[i]. */
static inline size_t
skip_alnum(const char *s, size_t n, size_t i)
{
	uint64_t x, stop;

#ifdef __SSE2__
	/* words are short: one step of sixteen mostly ends it */
	for (; i + 16 <= n; i += 16) {
		unsigned m = ~alnum16(s + i) & 0xFFFF;

		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		stop = ~alnum8(x) & GLEAN_HIGHS;
		if (stop)
			return i + glean_first_flag(stop);
	}
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i], low = b | 0x20;

		if (!(low >= 'a' && low <= 'z') && !(b >= '0' && b <= '9'))
			break;
	}
	return i;
}

/*
 * The bits (bit k for p[k]) of the ASCII letters and digits, of the
 * ASCII letters alone, of the spaces and of the commas among the 64
 * bytes at p, for the runs of plain words (tok.c).
 */
static inline void
word_masks64(const char *p, uint64_t *alnum, uint64_t *alpha,
    uint64_t *space, uint64_t *comma)
{
	uint64_t a = 0, w = 0, sp = 0, c = 0;
	int k;

#ifdef __SSE2__
	/* alnum16's test, the letters' bits kept apart */
	for (k = 0; k < 64; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (p + k));
		uint64_t al = glean_range16(_mm_or_si128(v,
		    _mm_set1_epi8(0x20)), 'a', 'z');

		w |= al << k;
		a |= (al | glean_range16(v, '0', '9')) << k;
		sp |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(' '))) << k;
		c |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(','))) << k;
	}
#else
	for (k = 0; k < 64; k++) {
		unsigned char b = (unsigned char)p[k], low = b | 0x20;
		int letter = low >= 'a' && low <= 'z';

		w |= (uint64_t)letter << k;
		a |= (uint64_t)(letter || (b >= '0' && b <= '9')) << k;
		sp |= (uint64_t)(b == ' ') << k;
		c |= (uint64_t)(b == ',') << k;
	}
#endif
	*alnum = a;
	*alpha = w;
	*space = sp;
	*comma = c;
}

#endif
