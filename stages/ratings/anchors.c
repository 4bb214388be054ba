/* See LICENSE file for copyright and license details. */
/*
 * anchors.c: may an inspectorate or a specific area be named anywhere in
 * a text?  may_rate()'s first pass, at about a byte an instruction.
 *
 * may_rate() says yes only where inspection_news() does: insp_re matches
 * the text, or areas_re matches a window of it around a cue.  A match of
 * either, even in a window cut in the middle of a word (the pattern's
 * word boundaries hold at a window's ends), is one of the phrases their
 * gates spell, found in the text with no boundary at either end: every
 * run of the phrase between its spaces (a segment) is there, byte for
 * byte (a lower-case letter in either case), and between two segments a
 * run of white space, which is bytes of ASCII white space or from 0x80
 * up (\s outside ASCII).  The one way a letter of the text may be other
 * than an ASCII letter is U+017F or U+212A (caseless, "s" and "k"): a
 * text with one of them is let through whole.  So a text in which no
 * phrase occurs so (an inspectorate's or an area's) cannot rate, and
 * may_rate() says no at once, the same answer as its pass over the
 * words.
 *
 * Each phrase is looked for at one segment of it (its anchor: the first
 * bytes of its longest segment), and the anchors are found as Teddy
 * finds literals: each of the first ANCHOR_FP bytes of an anchor's
 * window is tested by its two halves (nibbles) against tables of eight
 * buckets of anchors, 32 bytes at a step with AVX2 (a byte at a time
 * without it), so that most bytes cost no branch.  A hit is checked
 * against its buckets' anchors (eight bytes in one compare), then the
 * phrases around it.
 */
#include "ratings.h"

#if defined(__SSE2__) && defined(__GNUC__) && defined(__x86_64__)
#define RATINGS_AVX2
#include <immintrin.h>
#endif

enum { ANCHOR_FP = 4, ANCHOR_BUCKETS = 8, ANCHOR_WIN = 8, ANCHOR_TRI_BITS = 16 };

/* A phrase and its anchor segment, s[seg..seg + seglen). */
struct aphrase {
	char *s;
	size_t seg, seglen;
};

/* The first bytes of an anchor segment (at most ANCHOR_WIN), and the
 * phrases anchored there: eight text bytes x hold it when
 * ((x | fold) & keep) == val, read as a uint64_t. */
struct anchor {
	uint64_t val, fold, keep;
	unsigned char win[ANCHOR_WIN];	/* the window's bytes, wl of them */
	size_t wl;
	size_t *ph, nph;
	unsigned bucket;
};

struct anchors {
	struct aphrase *ph;
	size_t nph;
	struct anchor *an;	/* by bucket: bucket b's are [first[b],
				   first[b + 1]) */
	size_t nan, first[ANCHOR_BUCKETS + 1];
	/* Bit b of lo[k][x] (hi[k][x]): an anchor of bucket b may have a
	 * byte with low (high) nibble x at k of its window.  A byte is
	 * taken ORed with 0x20 (both cases of a letter the same): hi[k][x]
	 * is the same as hi[k][x | 2]. */
	unsigned char lo[ANCHOR_FP][16], hi[ANCHOR_FP][16];
	/* Bit tri_hash() of the first three bytes of each anchor's window
	 * (ORed with 0x20; any third byte for a window of two) */
	uint64_t tri[1 << (ANCHOR_TRI_BITS - 6)];
};

/* Where the three bytes at p, ORed with 0x20, go in anchors.tri (four
 * bytes are read). */
static inline unsigned
tri_hash(const unsigned char *p)
{
	uint32_t x;

	memcpy(&x, p, sizeof(x));
	x |= 0x20202020u;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x >>= 8;		/* p[0] in the high byte */
#else
	x &= 0xffffffu;
#endif
	return (unsigned)((x * 2654435761u) >> (32 - ANCHOR_TRI_BITS));
}

/* May an anchor's window start at p (its first three bytes)?  Most of
 * what the nibble tables let through stops here. */
static inline int
tri_may(const struct anchors *a, const unsigned char *p)
{
	unsigned h = tri_hash(p);

	return (int)(a->tri[h >> 6] >> (h & 63) & 1);
}

/* The characters outside ASCII that match an ASCII letter caselessly
 * (U+017F, U+212A): as phrases of their own, a text with one is let
 * through. */
static const char *const odd_letters[] = { "\xc5\xbf", "\xe2\x84\xaa" };

/* Is text byte b part of a run of white space between two segments (as
 * far as bytes tell: \s outside ASCII is bytes from 0x80)? */
static inline int
gap_byte(unsigned char b)
{
	return b >= 0x80 || b == ' ' || (b >= '\t' && b <= '\r');
}

/* Does phrase byte p (not ' ') match text byte b: a lower-case ASCII
 * letter either case, any other byte itself? */
static inline int
byte_is(unsigned char p, unsigned char b)
{
	return p >= 'a' && p <= 'z' ? (b | 0x20) == p : b == p;
}

/* Is segment s[0..len) at t[q..q + len) of a text of n bytes? */
static int
seg_at(const char *s, size_t len, const unsigned char *t, size_t n, size_t q)
{
	size_t k;

	if (q > n || len > n - q)
		return 0;
	for (k = 0; k < len; k++)
		if (!byte_is((unsigned char)s[k], t[q + k]))
			return 0;
	return 1;
}

/* The segments of s after the one ending at byte e, forward from text
 * byte pos: 1 when each follows a run of white space. */
static int
follows(const char *s, size_t e, const unsigned char *t, size_t n,
    size_t pos)
{
	size_t b, from;

	while (s[e] == ' ') {
		for (from = pos; pos < n && gap_byte(t[pos]); pos++)
			;
		b = e + 1 + strcspn(s + e + 1, " ");
		if (pos == from || !seg_at(s + e + 1, b - e - 1, t, n, pos))
			return 0;
		pos += b - e - 1;
		e = b;
	}
	return 1;
}

/* The segments of s before the one starting at byte a, backward from
 * text byte pos: 1 when each comes before a run of white space.  A
 * segment neither starts nor ends with such a byte (anchors_new()), so
 * the runs are taken whole. */
static int
precedes(const char *s, size_t a, const unsigned char *t, size_t n,
    size_t pos)
{
	size_t b, to;

	while (a > 0) {
		for (to = pos; pos > 0 && gap_byte(t[pos - 1]); pos--)
			;
		for (b = a - 1; b > 0 && s[b - 1] != ' '; b--)
			;
		if (pos == to || pos < a - 1 - b ||
		    !seg_at(s + b, a - 1 - b, t, n, pos - (a - 1 - b)))
			return 0;
		pos -= a - 1 - b;
		a = b;
	}
	return 1;
}

/* Does phrase p occur in t[0..n) with its anchor segment at byte q? */
static int
phrase_around(const struct aphrase *p, const unsigned char *t, size_t n,
    size_t q)
{
	return seg_at(p->s + p->seg, p->seglen, t, n, q) &&
	    follows(p->s, p->seg + p->seglen, t, n, q + p->seglen) &&
	    precedes(p->s, p->seg, t, n, q);
}

/* Checks of a position that the tables let through (bucket bits bk; the
 * eight bytes at w, text byte q of t[0..n)): 1 when a phrase is there. */
static __attribute__((noinline)) int
hit_at(const struct anchors *a, unsigned bk, const unsigned char *w,
    const unsigned char *t, size_t n, size_t q)
{
	const struct anchor *an;
	uint64_t x;
	size_t i, k;
	unsigned b;

	memcpy(&x, w, sizeof(x));
	for (; bk; bk &= bk - 1) {
		b = (unsigned)__builtin_ctz(bk);
		for (i = a->first[b]; i < a->first[b + 1]; i++) {
			an = &a->an[i];
			if (((x | an->fold) & an->keep) != an->val)
				continue;
			for (k = 0; k < an->nph; k++)
				if (phrase_around(&a->ph[an->ph[k]], t, n, q))
					return 1;
		}
	}
	return 0;
}

/* The bucket bits of the window at p (ANCHOR_FP bytes), from the
 * tables. */
static inline unsigned
buckets_at(const struct anchors *a, const unsigned char *p)
{
	unsigned bk = 0xff, k;

	for (k = 0; k < ANCHOR_FP; k++)
		bk &= (unsigned)(a->lo[k][p[k] & 15] & a->hi[k][p[k] >> 4]);
	return bk;
}

/*
 * The first of positions [j, m) of the bytes at p (the tables and an
 * anchor's window read ANCHOR_WIN bytes from each) that the tables and
 * tri_may() let through, with its bucket bits in *bk; m when none.  A
 * byte at a time.
 */
static size_t
next_bytes(const struct anchors *a, const unsigned char *p, size_t j,
    size_t m, unsigned *bk)
{
	for (; j < m; j++)
		if ((*bk = buckets_at(a, p + j)) != 0 && tri_may(a, p + j))
			return j;
	return m;
}

#ifdef RATINGS_AVX2
/* The bucket bits of the 32 windows at p, by the nibble tables lo and
 * hi of one byte of them. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
fp_avx2(const unsigned char *p, __m256i lo, __m256i hi)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);

	return _mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(v,
	    nib)), _mm256_shuffle_epi8(hi, _mm256_and_si256(
	    _mm256_srli_epi16(v, 4), nib)));
}

/* Table k of a's (16 bytes) in both lanes. */
__attribute__((target("avx2"))) static inline __m256i
table_avx2(const unsigned char *tab)
{
	return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)
	    (const void *)tab));
}

/*
 * next_bytes() with AVX2, 32 positions at a step.  No call in the loop:
 * its tables stay in registers.  (ANCHOR_FP is 4.)
 */
__attribute__((target("avx2"))) static size_t
next_avx2(const struct anchors *a, const unsigned char *p, size_t j,
    size_t m, unsigned *bk)
{
	const __m256i l0 = table_avx2(a->lo[0]), h0 = table_avx2(a->hi[0]),
	    l1 = table_avx2(a->lo[1]), h1 = table_avx2(a->hi[1]),
	    l2 = table_avx2(a->lo[2]), h2 = table_avx2(a->hi[2]),
	    l3 = table_avx2(a->lo[3]), h3 = table_avx2(a->hi[3]);
	unsigned char bytes[32];
	__m256i acc;
	size_t b, k;
	uint32_t hits, from = ~(uint32_t)0 << (j & 31);

	for (b = j & ~(size_t)31; b < m; b += 32, from = ~(uint32_t)0) {
		acc = _mm256_and_si256(_mm256_and_si256(fp_avx2(p + b, l0, h0),
		    fp_avx2(p + b + 1, l1, h1)), _mm256_and_si256(
		    fp_avx2(p + b + 2, l2, h2), fp_avx2(p + b + 3, l3, h3)));
		hits = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(acc,
		    _mm256_setzero_si256())) & from;
		if (m - b < 32)
			hits &= ((uint32_t)1 << (m - b)) - 1;
		for (; hits; hits &= hits - 1) {
			k = (size_t)__builtin_ctz(hits);
			if (tri_may(a, p + b + k)) {
				_mm256_storeu_si256((__m256i *)(void *)bytes,
				    acc);
				*bk = bytes[k];
				return b + k;
			}
		}
	}
	return m;
}
#endif

/*
 * Positions [from, to) of t[0..n), read at p (t + from, or a copy of the
 * text's end padded with NULs): 1 when a phrase is found at one.  With
 * AVX2 when avx2 and the CPU has it: the same answer either way.
 */
static int
scan(const struct anchors *a, const unsigned char *p, const unsigned char *t,
    size_t n, size_t from, size_t to, int avx2)
{
	size_t j;
	unsigned bk;

	(void)avx2;
#ifdef RATINGS_AVX2
	/* does the CPU run AVX2? asked once: a property of the machine */
	static int cpu = -1;

	if (cpu < 0)
		cpu = __builtin_cpu_supports("avx2") != 0;
	avx2 = avx2 && cpu;
#endif
	for (j = 0;; j++) {
#ifdef RATINGS_AVX2
		if (avx2)
			j = next_avx2(a, p, j, to - from, &bk);
		else
#endif
			j = next_bytes(a, p, j, to - from, &bk);
		if (j == to - from)
			return 0;
		if (hit_at(a, bk, p + j, t, n, from + j))
			return 1;
	}
}

/*
 * anchors_may(), with AVX2 when avx2 and the CPU has it.  The positions
 * of whole steps of 32 whose reads (ANCHOR_WIN bytes from each) stay in
 * the text are read there, the last ones (fewer than 32 + ANCHOR_WIN)
 * from a copy padded with NULs, which no anchor holds.
 */
static int
anchors_scan(const struct anchors *a, const char *text, size_t n, int avx2)
{
	const unsigned char *t = (const unsigned char *)text;
	unsigned char tail[64 + 2 * ANCHOR_WIN];
	size_t m = n > ANCHOR_WIN ? (n - ANCHOR_WIN) & ~(size_t)31 : 0;

	if (scan(a, t, t, n, 0, m, avx2))
		return 1;
	memset(tail, 0, sizeof(tail));
	memcpy(tail, t + m, n - m);
	return scan(a, tail, t, n, m, n, avx2);
}

int
anchors_may(const struct anchors *a, const char *text, size_t n)
{
	return anchors_scan(a, text, n, 1);
}

/* Can anchors_may() take phrase s: not empty, and no segment empty or
 * starting or ending with a byte of white space where a space is next to
 * it (follows() and precedes() take the runs whole)? */
static int
phrase_ok(const char *s)
{
	size_t k, n = strlen(s);

	if (!n || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (k = 1; k + 1 < n; k++)
		if (s[k] == ' ' && (gap_byte((unsigned char)s[k - 1]) ||
		    gap_byte((unsigned char)s[k + 1])))
			return 0;
	return 1;
}

/* Set p's anchor segment: one with an upper-case letter (matched only in
 * that case) before any other, then the longest (up to ANCHOR_WIN
 * bytes), the first of equals. */
static void
pick_segment(struct aphrase *p)
{
	size_t a, b, k, score, best = 0;

	for (a = 0; p->s[a]; a = b + (p->s[b] == ' ')) {
		b = a + strcspn(p->s + a, " ");
		score = b - a < ANCHOR_WIN ? b - a : ANCHOR_WIN;
		for (k = a; k < b; k++)
			if (p->s[k] >= 'A' && p->s[k] <= 'Z')
				score = 2 * ANCHOR_WIN;
		if (score > best) {
			best = score;
			p->seg = a;
			p->seglen = b - a;
		}
	}
}

/* The anchor of phrase p (an index of a's phrases): its window's, added
 * to a->an when new. */
static void
anchor_add(struct anchors *a, size_t p)
{
	const struct aphrase *ph = &a->ph[p];
	unsigned char val[ANCHOR_WIN] = { 0 }, fold[ANCHOR_WIN] = { 0 },
	    keep[ANCHOR_WIN] = { 0 };
	size_t k, wl = ph->seglen < ANCHOR_WIN ? ph->seglen : ANCHOR_WIN;
	struct anchor an = { 0 };

	for (k = 0; k < wl; k++) {
		val[k] = (unsigned char)ph->s[ph->seg + k];
		fold[k] = val[k] >= 'a' && val[k] <= 'z' ? 0x20 : 0;
		keep[k] = 0xff;
	}
	memcpy(an.win, val, sizeof(an.win));
	an.wl = wl;
	memcpy(&an.val, val, sizeof(an.val));
	memcpy(&an.fold, fold, sizeof(an.fold));
	memcpy(&an.keep, keep, sizeof(an.keep));
	for (k = 0; k < a->nan; k++)
		if (a->an[k].val == an.val && a->an[k].keep == an.keep)
			break;
	if (k == a->nan) {
		a->an = glean_realloc(a->an, (a->nan + 1) * sizeof(*a->an));
		a->an[a->nan++] = an;
	}
	a->an[k].ph = glean_realloc(a->an[k].ph, (a->an[k].nph + 1) *
	    sizeof(*a->an[k].ph));
	a->an[k].ph[a->an[k].nph++] = p;
}

/* The nibbles that anchor an may have at byte k < ANCHOR_FP of its
 * window (bits of lo and hi; all where the window is shorter). */
static void
anchor_nibbles(const struct anchor *an, size_t k, unsigned *lo, unsigned *hi)
{
	unsigned x = an->win[k] | 0x20u;

	if (k >= an->wl) {
		*lo = *hi = 0xffff;
		return;
	}
	*lo = 1u << (x & 15);
	*hi = 1u << (x >> 4);
}

/* How many windows bucket masks lo, hi let through (the product of the
 * nibbles allowed at each byte). */
static uint64_t
bucket_size(const unsigned lo[ANCHOR_FP], const unsigned hi[ANCHOR_FP])
{
	uint64_t size = 1;
	size_t k;

	for (k = 0; k < ANCHOR_FP; k++)
		size *= (uint64_t)__builtin_popcount(lo[k]) *
		    (uint64_t)__builtin_popcount(hi[k]);
	return size;
}

/*
 * Put each anchor in the bucket that it widens least (an empty one
 * first), then order a->an by bucket and fill the tables.
 */
static void
buckets_fill(struct anchors *a)
{
	unsigned lo[ANCHOR_BUCKETS][ANCHOR_FP] = { { 0 } },
	    hi[ANCHOR_BUCKETS][ANCHOR_FP] = { { 0 } }, l[ANCHOR_FP],
	    h[ANCHOR_FP], b, best;
	uint64_t grow, least;
	size_t i, k, m = 0, count[ANCHOR_BUCKETS] = { 0 };
	struct anchor *sorted = glean_calloc(a->nan + 1, sizeof(*sorted));

	for (i = 0; i < a->nan; i++) {
		for (b = 0, best = 0, least = UINT64_MAX; b < ANCHOR_BUCKETS;
		    b++) {
			for (k = 0; k < ANCHOR_FP; k++) {
				anchor_nibbles(&a->an[i], k, &l[k], &h[k]);
				l[k] |= lo[b][k];
				h[k] |= hi[b][k];
			}
			grow = count[b] ? bucket_size(l, h) -
			    bucket_size(lo[b], hi[b]) : 0;
			if (grow < least || (grow == least &&
			    count[b] < count[best])) {
				least = grow;
				best = b;
			}
		}
		for (k = 0; k < ANCHOR_FP; k++) {
			anchor_nibbles(&a->an[i], k, &l[k], &h[k]);
			lo[best][k] |= l[k];
			hi[best][k] |= h[k];
		}
		a->an[i].bucket = best;
		count[best]++;
	}
	for (b = 0; b < ANCHOR_BUCKETS; b++) {
		a->first[b] = m;
		for (i = 0; i < a->nan; i++)
			if (a->an[i].bucket == b)
				sorted[m++] = a->an[i];
		for (k = 0; k < ANCHOR_FP; k++)
			for (i = 0; i < 16; i++) {
				a->lo[k][i] |= (unsigned char)((lo[b][k] >> i &
				    1) << b);
				a->hi[k][i] |= (unsigned char)((hi[b][k] >>
				    (i | 2) & 1) << b);
			}
	}
	a->first[ANCHOR_BUCKETS] = m;
	free(a->an);
	a->an = sorted;
}

/* Set the bits of a->tri for each anchor (see there). */
static void
tri_fill(struct anchors *a)
{
	unsigned char w[4] = { 0 };
	unsigned h, b;
	size_t i;

	for (i = 0; i < a->nan; i++) {
		memcpy(w, a->an[i].win, 3);
		for (b = 0; b < 256; b++) {
			if (a->an[i].wl < 3)
				w[2] = (unsigned char)b;
			h = tri_hash(w);
			a->tri[h >> 6] |= (uint64_t)1 << (h & 63);
		}
	}
}

/* Is segment p[0..pl) the end (end), the start (start), all (both) or
 * any part (neither) of segment q[0..ql)? */
static int
seg_within(const char *p, size_t pl, const char *q, size_t ql, int start,
    int end)
{
	size_t k;

	for (k = 0; pl <= ql && k + pl <= ql; k++)
		if ((!start || k == 0) && (!end || k + pl == ql) &&
		    !memcmp(p, q + k, pl))
			return 1;
	return 0;
}

/* Do the segments of p from p's first byte match those of q from q's,
 * p's first one within q's (its end, when first), its last one at the
 * start of q's, the others the same? */
static int
segs_within(const char *p, const char *q, int first)
{
	size_t pl = strcspn(p, " "), ql = strcspn(q, " ");

	if (!seg_within(p, pl, q, ql, !first, p[pl] != '\0'))
		return 0;
	if (!p[pl])
		return 1;
	return q[ql] == ' ' && segs_within(p + pl + 1, q + ql + 1, 0);
}

/* Does every occurrence of phrase q hold one of phrase p (another), as
 * anchors_may() finds them?  Then q need not be looked for. */
static int
implies(const char *q, const char *p)
{
	const char *at;

	if (!strcmp(p, q))
		return 0;
	for (at = q; at; at = strchr(at, ' '), at = at ? at + 1 : NULL)
		if (segs_within(p, at, 1))
			return 1;
	return 0;
}

/* Add phrase s to a (a copy). */
static void
phrase_add(struct anchors *a, const char *s)
{
	a->ph = glean_realloc(a->ph, (a->nph + 1) * sizeof(*a->ph));
	a->ph[a->nph].s = glean_strdup(s);
	pick_segment(&a->ph[a->nph]);
	anchor_add(a, a->nph++);
}

/* Does an occurrence of s hold one of another phrase of the gates? */
static int
implied(const struct glean_phrase_gate *const *gates, size_t ngates,
    const char *s)
{
	const char *p;
	size_t g, i;

	for (g = 0; g < ngates; g++)
		for (i = 0; gates[g] &&
		    (p = glean_phrase_gate_phrase(gates[g], i)) != NULL; i++)
			if (implies(s, p))
				return 1;
	return 0;
}

/* Is s one of a's phrases already (spelled by both gates, or once cut
 * and once not)? */
static int
added(const struct anchors *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->nph; i++)
		if (!strcmp(a->ph[i].s, s))
			return 1;
	return 0;
}

struct anchors *
anchors_new(const struct glean_phrase_gate *const *gates, size_t ngates)
{
	struct anchors *a = glean_calloc(1, sizeof(*a));
	const char *s;
	size_t g, i;

	for (g = 0; g < ngates; g++)
		for (i = 0; gates[g] &&
		    (s = glean_phrase_gate_phrase(gates[g], i)) != NULL; i++) {
			if (implied(gates, ngates, s) || added(a, s))
				continue;
			/* an anchor of one byte would let too much
			 * through, and tri_may() reads two */
			if (!phrase_ok(s) || (phrase_add(a, s),
			    a->ph[a->nph - 1].seglen < 2)) {
				anchors_free(a);
				return NULL;
			}
		}
	for (i = 0; i < sizeof(odd_letters) / sizeof(*odd_letters); i++)
		phrase_add(a, odd_letters[i]);
	buckets_fill(a);
	tri_fill(a);
	return a;
}

void
anchors_free(struct anchors *a)
{
	if (!a)
		return;
	while (a->nan > 0)
		free(a->an[--a->nan].ph);
	while (a->nph > 0)
		free(a->ph[--a->nph].s);
	free(a->ph);
	free(a->an);
	free(a);
}
