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
