/* See LICENSE file for copyright and license details. */
/*
 * The structural pass (simdjson's stage 1, in plain C): the "tokens" and
 * "sentences" layers, five times the size of the text, are validated 64
 * bytes at a time.  Each block is classified with SSE2 (AVX2 where the
 * CPU has it) into one bit mask per kind of byte; the in-string bytes
 * come from a prefix XOR of the quotes; and the JSON grammar of the one
 * shape accepted, an array of flat arrays of integers and strings, is
 * checked as rules on neighbouring bytes, a few word operations a block
 * with no branch per value.  Anything else (white space, escapes, signs,
 * reals, objects, deeper nesting) is left to the general scanner in
 * jscan.c, which is also the whole of the scanner on a CPU without SSE2.
 *
 * Why neighbour rules are enough: in the accepted shape an inner '[' may
 * only follow "]," (or open the layer), so the brackets alternate and
 * the layer ends at the first "]]" outside a string; no depth count is
 * needed.
 */
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <immintrin.h>
#endif

#include "glean.h"
#include "jstruct.h"

#ifdef __SSE2__

#define BLOCK 64
/* An integer of this many digits goes to the general scanner, which
 * checks the range as jansson does. */
#define LONG_DIGITS 16

/* One block's bytes by kind: bit i stands for byte i. */
struct classes {
	uint64_t quote;
	uint64_t bad;		/* a backslash or a control character */
	uint64_t open, close, comma, zero, digit;
	uint64_t high;		/* >= 0x80 */
};

/* The kinds of bytes outside strings the rules look back at. */
struct marks {
	uint64_t open, close, comma, digit, closeq;
	uint64_t sep;		/* a comma between inner arrays ("],") */
	uint64_t zero;		/* a '0' that starts a number */
};

/* What a block needs of the one before it. */
struct carry {
	uint64_t in_string;	/* all ones when a string runs on */
	struct marks last;	/* the previous block's marks (bit 63) */
	unsigned digits;	/* digits ending the previous block */
};

/* The bits of the bytes of a (16 of them) that are ch, shifted. */
static inline uint64_t
eq16(__m128i a, char ch, int shift)
{
	return (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a,
	    _mm_set1_epi8(ch))) << shift;
}

/* Classify p[0..64) sixteen bytes at a time. */
static inline __attribute__((always_inline)) void
classify_sse2(const unsigned char *p, struct classes *c)
{
	int k;

	memset(c, 0, sizeof *c);
	for (k = 0; k < BLOCK; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		__m128i ctrl = _mm_and_si128(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-1)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v,
		    _mm_set1_epi8('9' + 1)));

		c->quote |= eq16(v, '"', k);
		c->bad |= eq16(v, '\\', k) | (uint64_t)(uint16_t)
		    _mm_movemask_epi8(ctrl) << k;
		c->open |= eq16(v, '[', k);
		c->close |= eq16(v, ']', k);
		c->comma |= eq16(v, ',', k);
		c->zero |= eq16(v, '0', k);
		c->digit |= (uint64_t)(uint16_t)_mm_movemask_epi8(digit) << k;
		c->high |= (uint64_t)(uint16_t)_mm_movemask_epi8(v) << k;
	}
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(GLEAN_NO_AVX2)
#define HAVE_AVX2_DISPATCH 1

/* The bits of the 64 bytes lo, hi whose mask m is set. */
__attribute__((target("avx2"))) static inline uint64_t
bits64(__m256i lo, __m256i hi)
{
	return (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(hi) << 32;
}

/* The bits of the 64 bytes lo, hi that are ch. */
__attribute__((target("avx2"))) static inline uint64_t
eq64(__m256i lo, __m256i hi, char ch)
{
	__m256i c = _mm256_set1_epi8(ch);

	return bits64(_mm256_cmpeq_epi8(lo, c), _mm256_cmpeq_epi8(hi, c));
}

/* The bits of the 64 bytes lo, hi in [min, max] (both below 0x80). */
__attribute__((target("avx2"))) static inline uint64_t
range64(__m256i lo, __m256i hi, char min, char max)
{
	__m256i below = _mm256_set1_epi8((char)(min - 1));
	__m256i above = _mm256_set1_epi8((char)(max + 1));

	return bits64(_mm256_and_si256(_mm256_cmpgt_epi8(lo, below),
	    _mm256_cmpgt_epi8(above, lo)), _mm256_and_si256(
	    _mm256_cmpgt_epi8(hi, below), _mm256_cmpgt_epi8(above, hi)));
}

/* classify_sse2, thirty-two bytes at a time. */
__attribute__((target("avx2"), always_inline)) static inline void
classify_avx2(const unsigned char *p, struct classes *c)
{
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
	__m256i space = _mm256_set1_epi8(' ');

	c->quote = eq64(lo, hi, '"');
	c->high = bits64(lo, hi);
	/* below ' ' as signed bytes: a control character or >= 0x80 */
	c->bad = eq64(lo, hi, '\\') | (bits64(_mm256_cmpgt_epi8(space, lo),
	    _mm256_cmpgt_epi8(space, hi)) & ~c->high);
	c->open = eq64(lo, hi, '[');
	c->close = eq64(lo, hi, ']');
	c->comma = eq64(lo, hi, ',');
	c->zero = eq64(lo, hi, '0');
	c->digit = range64(lo, hi, '0', '9');
}
#endif

/* Bit i set when byte i - 1 (of this block or the last) was marked. */
static inline uint64_t
before(uint64_t now, uint64_t last)
{
	return now << 1 | last >> 63;
}

/* Bit i set when byte i is inside a string or its opening quote. */
static inline uint64_t
prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

/* Bits of digits that begin a run of LONG_DIGITS or more; the run that
 * ends the last block and goes on in this one counts whole. */
static inline uint64_t
long_numbers(uint64_t digit, struct carry *k)
{
	uint64_t run = digit, fail;
	unsigned lead = digit == ~0ull ? 64 : (unsigned)__builtin_ctzll(~digit);

	run &= run >> 1;
	run &= run >> 2;
	run &= run >> 4;
	run &= run >> 8;	/* LONG_DIGITS in a row from bit i */
	fail = run | (k->digits + lead >= LONG_DIGITS ? 1 : 0);
	if (digit == ~0ull)
		k->digits += 64;
	else
		k->digits = digit >> 63 ? (unsigned)__builtin_clzll(~digit) : 0;
	return fail;
}

/*
 * The grammar of one classified block: returns the bits of the bytes
 * that break the accepted shape (or JSON), and sets *ends to the bits of
 * the "]]" that close the layer.  start marks the layer's opening "[["
 * in its first block.  Updates k for the next block.
 */
static inline uint64_t
check_block(const struct classes *c, struct carry *k, uint64_t start,
    uint64_t *ends)
{
	uint64_t in = prefix_xor(c->quote) ^ k->in_string;
	uint64_t outside = ~in & ~c->quote, openq = c->quote & in;
	uint64_t fail, p_open, p_close, p_comma, p_digit, p_closeq;
	struct marks m;

	m.open = c->open & outside;
	m.close = c->close & outside;
	m.comma = c->comma & outside;
	m.digit = c->digit & outside;
	m.closeq = c->quote & ~in;
	p_open = before(m.open, k->last.open);
	p_close = before(m.close, k->last.close);
	p_comma = before(m.comma, k->last.comma);
	p_digit = before(m.digit, k->last.digit);
	p_closeq = before(m.closeq, k->last.closeq);
	m.sep = m.comma & p_close;
	m.zero = c->zero & outside & ~p_digit;

	fail = c->bad | (outside & ~(m.open | m.close | m.comma | m.digit));
	/* an inner array opens only after "]," and "]," only before one */
	fail |= m.open & ~before(m.sep, k->last.sep) & ~start;
	fail |= before(m.sep, k->last.sep) & ~m.open;
	/* a value starts after '[' or ',', ends before ',' or ']' */
	fail |= m.close & ~(p_open | p_close | p_digit | p_closeq);
	fail |= m.comma & ~(p_close | p_digit | p_closeq);
	fail |= openq & ~(p_open | p_comma);
	fail |= m.digit & ~(p_open | p_comma | p_digit);
	/* numbers: no leading zero, not too long */
	fail |= before(m.zero, k->last.zero) & m.digit;
	fail |= long_numbers(m.digit, k);

	*ends = m.close & p_close;
	k->in_string = (uint64_t)((int64_t)in >> 63);
	k->last = m;
	return fail;
}

/* Check the UTF-8 of the runs of bytes >= 0x80 that start at the bits
 * of high in the block at b (inside strings); *done: how far runs were
 * checked, perhaps into the next block.  Returns 0 on a bad sequence. */
static int
utf8_runs_valid(const unsigned char *b, const unsigned char *end,
    uint64_t high, const unsigned char **done)
{
	const unsigned char *q;
	int32_t cp;

	for (; high; high &= high - 1) {
		q = b + __builtin_ctzll(high);
		if (q < *done)
			continue;
		while (q < end && *q >= 0x80) {
			q += glean_utf8_next((const char *)q,
			    (size_t)(end - q), &cp);
			if (cp < 0)
				return 0;
		}
		*done = q;
	}
	return 1;
}

/* A layer being scanned. */
struct scan {
	const unsigned char *end;	/* of the line */
	const unsigned char *utf8_done;	/* UTF-8 checked up to here */
	const unsigned char *found;	/* after the layer, once found */
	uint64_t start;			/* the opening "[[" in block one */
	struct carry k;
};

static inline void
scan_init(struct scan *s, const unsigned char *p, const unsigned char *end)
{
	memset(s, 0, sizeof *s);
	s->end = end;
	s->utf8_done = p;
	s->start = 3;
	s->k.last.sep = 1ull << 63;	/* the layer's '[' may open */
}

/* The block at p, or the line's last bytes copied into pad and padded
 * with white space (which breaks the shape, so is never taken in). */
static inline const unsigned char *
block_at(const unsigned char *p, const unsigned char *end,
    unsigned char *pad)
{
	if (end - p >= BLOCK)
		return p;
	memset(pad, ' ', BLOCK);
	memcpy(pad, p, (size_t)(end - p));
	return pad;
}

/* The rest of the work on the classified block at p: returns 1 when the
 * layer goes on past it, 0 when it ends in it (s->found), -1 when the
 * block breaks the shape. */
static inline int
finish_block(const struct classes *c, struct scan *s, const unsigned char *p)
{
	uint64_t ends, upto, fail = check_block(c, &s->k, s->start, &ends);

	s->start = 0;
	/* the bytes up to the first "]]" are the layer's */
	upto = ends ? ((ends & -ends) << 1) - 1 : ~0ull;
	if (fail & upto)
		return -1;
	if (c->high & upto) {
		/* through a copy, so that s can live in registers */
		const unsigned char *done = s->utf8_done;

		if (!utf8_runs_valid(p, s->end, c->high & upto, &done))
			return -1;
		s->utf8_done = done;
	}
	if (ends) {
		s->found = p + __builtin_ctzll(ends) + 1;
		return 0;
	}
	return s->end - p > BLOCK ? 1 : -1;
}

typedef void classify_fn(const unsigned char *, struct classes *);

/* The layer at p, its blocks classified by classify: inlined into one
 * function per instruction set, where classify is inlined in turn. */
static inline __attribute__((always_inline)) const unsigned char *
scan_layer(const unsigned char *p, const unsigned char *end,
    classify_fn *classify)
{
	unsigned char pad[BLOCK];
	struct classes c;
	struct scan s;
	int more;

	scan_init(&s, p, end);
	for (more = 1; more > 0; p += BLOCK) {
		classify(block_at(p, end, pad), &c);
		more = finish_block(&c, &s, p);
	}
	return more == 0 ? s.found : NULL;
}

static const unsigned char *
arrays_sse2(const unsigned char *p, const unsigned char *end)
{
	return scan_layer(p, end, classify_sse2);
}

#ifdef HAVE_AVX2_DISPATCH
__attribute__((target("avx2"))) static const unsigned char *
arrays_avx2(const unsigned char *p, const unsigned char *end)
{
	return scan_layer(p, end, classify_avx2);
}
#endif

const unsigned char *
glean_jstruct_arrays(const unsigned char *p, const unsigned char *end)
{
#ifdef HAVE_AVX2_DISPATCH
	/* chosen once a process; the answer never changes */
	static int avx2 = -1;

	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") != 0;
	if (avx2)
		return arrays_avx2(p, end);
#endif
	return arrays_sse2(p, end);
}

#else	/* no SSE2: the general scanner does it all */

const unsigned char *
glean_jstruct_arrays(const unsigned char *p, const unsigned char *end)
{
	(void)p;
	(void)end;
	return NULL;
}

#endif
