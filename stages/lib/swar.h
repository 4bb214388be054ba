/* See LICENSE file for copyright and license details. */
/*
 * swar.h - the few pieces of "SIMD within a register" that the JSON
 * scanner and the tokenizer share: they test 8 bytes of text at a time
 * and need the first byte whose flag (bit 7) a test set.
 */
#ifndef GLEAN_SWAR_H
#define GLEAN_SWAR_H

#include <stddef.h>
#include <stdint.h>

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

#endif
