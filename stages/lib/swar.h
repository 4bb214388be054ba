/* See LICENSE file for copyright and license details. */
/*
 * swar.h - the few pieces of "SIMD within a register" that the JSON
 * scanner, the JSON string writer and the tokenizer share: they test 8
 * bytes of text at a time and need the first byte whose flag (bit 7) a
 * test set.
 */
#ifndef GLEAN_SWAR_H
#define GLEAN_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GLEAN_ONES 0x0101010101010101ull	/* 0x01 in every byte */
#define GLEAN_HIGHS 0x8080808080808080ull	/* 0x80 in every byte */

/* Index (in memory order) of the first byte of m != 0 with bit 7 set. */
static inline size_t
glean_first_flag(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(m) >> 3;
#else
	return (size_t)__builtin_ctzll(m) >> 3;
#endif
}

/* 0x80 in each byte of v that is zero, and in no other (exact: no
 * carry from one byte into the next). */
static inline uint64_t
glean_zero_bytes(uint64_t v)
{
	const uint64_t low7 = ~GLEAN_HIGHS;

	return ~(((v & low7) + low7) | v | low7);
}

/* Does s[0..8) hold a control character, '"' or '\\' (a byte a JSON
 * string must escape)? */
static inline int
glean_needs_escape8(const char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	return (glean_zero_bytes(v & 0xe0 * GLEAN_ONES) |
	    glean_zero_bytes(v ^ '"' * GLEAN_ONES) |
	    glean_zero_bytes(v ^ '\\' * GLEAN_ONES)) != 0;
}

/*
 * A hash of s[0..n) that takes eight bytes at a step: words are short, and
 * a multiply per byte was the cost of a lookup.  Bytes up to s + 8 may be
 * read when s + 8 <= lim (the end of the buffer), which spares a byte loop
 * for the last few.
 */
static inline uint32_t
glean_hash8(const char *s, size_t n, const char *lim)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n, x;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	if (n > 0 && s + 8 <= lim) {
		memcpy(&x, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		x >>= 64 - 8 * n;	/* keep the first n */
#else
		x &= ~0ull >> (64 - 8 * n);	/* keep the first n */
#endif
	} else {
		/* a byte loop: memcpy of a variable length is a call */
		for (x = 0; n > 0; n--)
			x = x << 8 | (unsigned char)s[n - 1];
	}
	h = (h ^ x) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 32;
	return (uint32_t)h;
}

#endif
