/* See LICENSE file for copyright and license details. */
/* Byte offsets to code points, counting from the last one asked for. */
#include "glean.h"
#include "spans.h"

const char glean_digit_pairs[200] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

/* glean_cp_count, 16 bytes at a time (SSE2; else eight): a byte starts
 * a character unless it is 10xxxxxx, which is less than -64 as a signed
 * byte. */
static size_t
count_cps(const char *s, size_t n)
{
	size_t i = 0, count = 0;

#ifdef __SSE2__
	/* the continuation bytes counted in 16 byte counters, added up
	 * (psadbw) before one can overflow */
	__m128i zero = _mm_setzero_si128(), acc = zero;
	size_t steps = 0, ncont = 0;

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));

		acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(x, _mm_set1_epi8(-64)));
		if (++steps % 255 == 0 || i + 32 > n) {
			__m128i sum = _mm_sad_epu8(acc, zero);

			ncont += (size_t)_mm_cvtsi128_si32(sum) +
			    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
			acc = zero;
		}
	}
	count = i - ncont;
#endif

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
glean_letters_end_far(const char *s, size_t i, size_t n)
{
	return glean_letters_end(s, i, n);
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
