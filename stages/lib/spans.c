/* See LICENSE file for copyright and license details. */
/* Byte offsets to code points, counting from the last one asked for. */
#include "glean.h"
#include "spans.h"

/* glean_cp_count, eight bytes at a time: a byte starts a character
 * unless it is 10xxxxxx. */
static size_t
count_cps(const char *s, size_t n)
{
	size_t i = 0, count = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x, cont;

		memcpy(&x, s + i, 8);
		cont = (x & ~(x << 1) & GLEAN_HIGHS) >> 7;
		/* the sum of the eight 0/1 bytes lands in the top byte */
		count += 8 - (size_t)((cont * GLEAN_ONES) >> 56);
	}
	return count + glean_cp_count(s + i, n - i);
}

size_t
glean_cp_at(struct glean_cp_cursor *k, size_t b)
{
	if (b > k->n)
		b = k->n;
	if (b >= k->byte)
		k->cp += count_cps(k->t + k->byte, b - k->byte);
	else
		k->cp -= count_cps(k->t + b, k->byte - b);
	k->byte = b;
	if (b < k->n && ((unsigned char)k->t[b] & 0xc0) == 0x80 && k->cp)
		return k->cp - 1;
	return k->cp;
}
