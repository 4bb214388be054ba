/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: offsets, words, paragraphs and sentences of a document.
 */
#include <utf8proc.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "quotes.h"
#include "toklayer.h"

/* qsort, but first see whether base is in order already, as the
 * quotations and the entities mostly are. */
void
sort_unless_sorted(void *base, size_t n, size_t size, int (*cmp)(const void *,
    const void *))
{
	const char *p = base;
	size_t i;

	for (i = 1; i < n; i++)
		if (cmp(p + (i - 1) * size, p + i * size) > 0)
			break;
	if (i < n)
		qsort(base, n, size, cmp);
}

/* ---- code-point offsets ------------------------------------------------ */

/*
 * Byte and code-point offsets of one document.  Only a count every
 * OMSTEP bytes is kept (the storage is reused from document to document),
 * and a conversion counts the bytes since the last one: cheaper than a
 * full map for the few offsets a document's quotations need.
 */

/* Code points starting in s[0..n): the bytes that do not continue one,
 * eight at a time. */
static size_t
lead_bytes(const char *s, size_t n)
{
	size_t i, c = 0;
	uint64_t v;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		/* 0x80 on the continuation bytes (10xxxxxx), summed in the
		 * top byte: no popcount instruction in a generic build */
		v = v & ~(v << 1) & GLEAN_HIGHS;
		c += 8 - (size_t)(((v >> 7) * GLEAN_ONES) >> 56);
	}
	for (; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Code points starting in the OMSTEP (64) bytes at s. */
static size_t
block_leads(const char *s)
{
#ifdef __SSE2__
	__m128i sum = _mm_setzero_si128(), v;
	size_t k;

	/* a byte above -65 as signed (0xbf) does not continue a code point;
	 * one per such byte, summed by psadbw */
	for (k = 0; k < 64; k += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
		sum = _mm_add_epi8(sum, _mm_and_si128(_mm_cmpgt_epi8(v,
		    _mm_set1_epi8(-65)), _mm_set1_epi8(1)));
	}
	sum = _mm_sad_epu8(sum, _mm_setzero_si128());
	return (size_t)_mm_cvtsi128_si32(sum) +
	    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
#else
	return lead_bytes(s, 64);
#endif
}

/* Size m for s[0..n) (its storage reused). */
static void
om_size(struct offmap *m, const char *s, size_t n)
{
	m->s = s;
	m->n = n;
	m->nblk = n / OMSTEP + 1;
	if (m->cap < m->nblk) {
		m->cap = m->nblk;
		free(m->cp);
		m->cp = glean_malloc(m->cap * sizeof(*m->cp));
	}
}

/* Map the offsets of s[0..n) into m (its storage reused). */
void
om_init(struct offmap *m, const char *s, size_t n)
{
	size_t k, c = 0;

	om_size(m, s, n);
	for (k = 0; k + 1 < m->nblk; k++) {
		m->cp[k] = (uint32_t)c;
		c += block_leads(s + k * OMSTEP);
	}
	m->cp[k] = (uint32_t)c;
	c += lead_bytes(s + k * OMSTEP, n - k * OMSTEP);
	m->ncps = c;
}

/*
 * Start counting, in m, the bytes of s[0..n) that continue a code point,
 * block by block (om_cont adds them, om_finish makes the map of them):
 * scan_text, which decodes every character that is not ASCII, counts
 * them on the way, so the map needs no pass of its own over the text.
 */
static void
om_count(struct offmap *m, const char *s, size_t n)
{
	om_size(m, s, n);
	memset(m->cp, 0, m->nblk * sizeof(*m->cp));
}

/* The character at byte b, of l bytes, into m's counts. */
static inline void
om_cont(struct offmap *m, size_t b, size_t l)
{
	size_t k;

	for (k = b + 1; k < b + l; k++)
		m->cp[k / OMSTEP]++;
}

/* The map, from the counts of every character of m's text (om_count,
 * om_cont): what om_init makes of the text. */
void
om_finish(struct offmap *m)
{
	size_t k, c = 0, cont;

	for (k = 0; k + 1 < m->nblk; k++) {
		cont = m->cp[k];
		m->cp[k] = (uint32_t)c;
		c += OMSTEP - cont;
	}
	cont = m->cp[k];
	m->cp[k] = (uint32_t)c;
	m->ncps = c + (m->n - k * OMSTEP) - cont;
}

/* Does block k of m hold no byte that continues a code point (one byte
 * a code point, as in most blocks: English text)? */
static int
om_plain(const struct offmap *m, size_t k)
{
	size_t next = k + 1 < m->nblk ? m->cp[k + 1] : m->ncps;
	size_t bytes = k + 1 < m->nblk ? OMSTEP : m->n - k * OMSTEP;

	return next - m->cp[k] == bytes;
}

/* Code point of byte b (a character's first byte). */
size_t
om_cp(const struct offmap *m, size_t b)
{
	size_t k;

	if (b > m->n)
		b = m->n;
	if (m->ncps == m->n)
		return b;	/* a text of one byte a character (most) */
	k = b / OMSTEP;
	if (om_plain(m, k))
		return m->cp[k] + (b - k * OMSTEP);
	return m->cp[k] + lead_bytes(m->s + k * OMSTEP, b - k * OMSTEP);
}

/* Byte of code point cp; clamps to the end. */
size_t
om_byte(const struct offmap *m, size_t cp)
{
	size_t lo = cp / OMSTEP, hi = m->nblk, mid, i, c, k;

	if (cp >= m->ncps)
		return m->n;
	if (m->ncps == m->n)
		return cp;	/* a text of one byte a character (most) */
	/* the last block that starts at code point cp or before: none
	 * before lo (a block's count is at most its first byte), and in
	 * mostly ASCII text lo or one just after it */
	for (k = 0; k < 4 && lo + 1 < hi && m->cp[lo + 1] <= cp; k++)
		lo++;
	if (lo + 1 >= hi || m->cp[lo + 1] > cp)
		hi = lo + 1;
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (m->cp[mid] <= cp)
			lo = mid;
		else
			hi = mid;
	}
	c = m->cp[lo];
	if (om_plain(m, lo))
		return lo * OMSTEP + (cp - c);
	/* whole words of eight bytes before the one holding it */
	for (i = lo * OMSTEP; i + 8 <= m->n; i += 8) {
		k = lead_bytes(m->s + i, 8);
		if (cp - c < k)
			break;
		c += k;
	}
	for (; i < m->n; i++) {
		if (((unsigned char)m->s[i] & 0xc0) == 0x80)
			continue;
		if (c == cp)
			return i;
		c++;
	}
	return m->n;
}

/* ---- words ---------------------------------------------------------- */








/* The Snowball stem of fold f[0..n) (its hash: hash); *sl gets its
 * length.  Kept in d->stems when it fits, and taken from there. */
static const char *
stem_of(struct qdoc *d, const char *f, size_t n, uint32_t hash, size_t *sl)
{
	struct stemmemo *m = &d->stems[hash & (STEMMEMO - 1)];
	const char *st;

	if (n > 0 && m->flen == n && memcmp(m->fold, f, n) == 0) {
		*sl = m->slen;
		return m->stem;
	}
	st = glean_stem(f, n, sl);
	if (n > 0 && n <= sizeof(m->fold) && *sl <= sizeof(m->stem)) {
		m->flen = (uint8_t)n;
		memcpy(m->fold, f, n);
		m->slen = (uint8_t)*sl;
		memcpy(m->stem, st, *sl);
	}
	return st;
}

/* Word i's Snowball stem, made once; *len gets its length. */
const char *
wstem(struct qdoc *d, size_t i, size_t *len)
{
	struct word *w = &d->w[i];
	const char *st;
	size_t n;

	if (w->stem < 0) {
		const char *f = wfold(d, i, &n);
		st = stem_of(d, f, n, w->hash, &n);
		w->stem = (int32_t)d->sbuf.len;
		w->slen = (uint32_t)n;
		glean_buf_add(&d->sbuf, st, n);
	}
	*len = w->slen;
	return d->sbuf.s + w->stem;
}

/*
 * Fold word w, when plain ASCII (most words), into o, which has room for
 * its bytes and eight more: lowered and hashed (w->hash) eight bytes at
 * a time, as fold_hash would hash them.  Returns 0, with w->hash unset,
 * when the word is not plain ASCII.
 */
static int
ascii_fold(struct qdoc *d, struct word *w, char *o)
{
	const char *s = d->s + w->b;
	size_t n = w->e - w->b, i, k;
	uint64_t h = n, v;

	for (i = 0; i < n; i += 8) {
		k = n - i < 8 ? n - i : 8;
		if (w->b + i + 8 <= d->n) {
			memcpy(&v, s + i, 8);	/* most words: one load */
			v = first_bytes(v, k);
		} else {
			v = 0;
			memcpy(&v, s + i, k);
		}
		if (v & GLEAN_HIGHS)
			return 0;
		v = lower8(v);
		memcpy(o + i, &v, 8);	/* bytes past the fold: room */
		h = hash_chunk(h, v);
	}
	w->hash = hash_end(h);
	return 1;
}

/*
 * Fold a word into d->fold.  The store was sized at four times the text
 * at the start of the document (case folding at most triples a
 * character), so it never moves; a fold that would not fit is cut short.
 */
void
add_fold(struct qdoc *d, struct word *w)
{
	const char *s = d->s + w->b;
	size_t n = w->e - w->b, i, fl, room;
	char *f, *o;
	const char *t;

	w->fold = (uint32_t)d->foldlen;
	room = d->foldcap - d->foldlen;
	o = d->fold + d->foldlen;
	if (n + 8 <= room && ascii_fold(d, w, o)) {
		d->foldlen += n;
		w->flen = (uint32_t)n;
		return;
	}
	f = glean_casefold(s, n, &fl);
	/* ’ folds as ' so that lexicon words written with ' match */
	for (t = f, i = 0; (size_t)(t - f) < fl && i < room; t++) {
		if ((size_t)(t - f) + 2 < fl && (unsigned char)t[0] == 0xe2 &&
		    (unsigned char)t[1] == 0x80 &&
		    (unsigned char)t[2] == 0x99) {
			o[i++] = '\'';
			t += 2;
		} else {
			o[i++] = *t;
		}
	}
	d->foldlen += i;
	w->flen = (uint32_t)i;
	w->hash = (uint32_t)fold_hash(o, i);
	free(f);
}

/* Does the character at byte b begin in upper case? */
static int
is_upper_at(struct qdoc *d, size_t b)
{
	int32_t cp;

	if ((unsigned char)d->s[b] < 0x80)
		return d->s[b] >= 'A' && d->s[b] <= 'Z';
	glean_utf8_next(d->s + b, d->n - b, &cp);
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

/* ASCII letters and digits. */
static const unsigned char asciiword[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1
};

/* Is cp a letter, a mark or a digit (part of a word)? */
int
is_wordcp(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 0 && asciiword[cp];
	if (cp < 0)
		return 0;
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MN) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
	    c == UTF8PROC_CATEGORY_MC;
}


/* Room for one more word in d->w and d->capital (which never holds more
 * entries than d->w, so one count sizes both). */
static void
grow_words(struct qdoc *d)
{
	d->capw = d->capw ? 2 * d->capw : 64;
	d->w = glean_realloc(d->w, d->capw * sizeof(*d->w));
	d->capital = glean_realloc(d->capital, d->capw * sizeof(*d->capital));
	d->capcapital = d->capw;
}

/* A new word [b, e) (cap: it starts with a capital) with only the
 * fields read before they are set: mark_words sets para of every word,
 * and sstart and inq where they are not 0 (with cap and glued, one
 * store); flen and hash come with the fold, slen with the stem; cuen,
 * set with the cue, is zeroed only so that the four "not made yet" marks
 * are one 16-byte store. */
static inline void
word_init(struct word *w, uint32_t b, uint32_t e, int cap)
{
	w->b = b;
	w->e = e;
#ifdef __SSE2__
	/* fold, stem, cls, cue and cuen side by side (x86: little-endian),
	 * one store from a register: the compiler made three of them, two
	 * with a load of their constant */
	_Static_assert(offsetof(struct word, cuen) ==
	    offsetof(struct word, fold) + 14, "fold..cuen: 16 bytes");
	_mm_storeu_si128((__m128i *)(void *)&w->fold, _mm_set_epi32(0xfffe,
	    -1, -1, (int)NOFOLD));
#else
	w->fold = NOFOLD;
	w->stem = -1;
	w->cls = -1;
	w->cue = -2;
	w->cuen = 0;
#endif
	/* cap, sstart, inq and glued side by side: one store */
	memcpy((char *)w + offsetof(struct word, cap),
	    (const uint8_t[4]){ (uint8_t)cap, 0, 0, 0 }, 4);
}

/* Fold word w (see wfold). */
static void
make_fold(struct qdoc *d, struct word *w)
{
	if (!fold_short(d, w))
		add_fold(d, w);
}

/* Word i's classes looked up and kept (see wclass, which asks this
 * the first time only). */
int
wclass_lookup(struct qdoc *d, size_t i)
{
	struct word *w = &d->w[i];

	/* folded first (by a call: the lookup alone keeps few registers),
	 * which wlookup's signature test would only spare */
	if (w->fold == NOFOLD)
		make_fold(d, w);
	return w->cls = set_get_hashed(&d->lx->classes, d->fold + w->fold,
	    w->flen, w->hash);
}

/*
 * Add the word at bytes [b, e) to d->w (and d->capital when it starts
 * with a capital or a digit).
 */
static inline void
push_word(struct qdoc *d, uint32_t b, uint32_t e)
{
	unsigned char c = (unsigned char)d->s[b];
	int cap = c < 0x80 ? (unsigned char)(c - 'A') <= 'Z' - 'A' :
	    is_upper_at(d, b);
	size_t nw = d->nw, nc = d->ncapital;

	if (nw >= d->capw)
		grow_words(d);
	/* kept only when listed, without a branch to mispredict */
	d->capital[nc] = (uint32_t)nw;
	d->ncapital = nc + (size_t)(cap | ((unsigned char)(c - '0') <= 9));
	d->nw = nw + 1;
	word_init(&d->w[nw], b, e, cap);
}

#ifndef __SSE2__
/* 0x80 in each byte of v that is an ASCII letter or digit. */
static uint64_t
alnum_bytes(uint64_t v)
{
	const uint64_t t = v & ~GLEAN_HIGHS, f = t | 0x20 * GLEAN_ONES;
	uint64_t digit, alpha;

	/* per byte, t + (0x80 - lo) reaches bit 7 when t >= lo; no carries */
	digit = (t + (0x80 - '0') * GLEAN_ONES) & ~(t + (0x7f - '9') *
	    GLEAN_ONES);
	alpha = (f + (0x80 - 'a') * GLEAN_ONES) & ~(f + (0x7f - 'z') *
	    GLEAN_ONES);
	return (digit | alpha) & ~v & GLEAN_HIGHS;
}

/*
 * 0x80 in each byte of v that is an ASCII capital right after an ASCII
 * lower-case letter or a digit ("reportInspectors": a heading glued to
 * the next line's first word), given a = alnum_bytes(v): of letters and
 * digits, those with bit 5 clear are the capitals.  Pairs across 8-byte
 * words are not seen.
 */
static uint64_t
glued_bytes(uint64_t v, uint64_t a)
{
	const uint64_t b5 = v << 2;	/* bit 5 (lower case, digits) to 7 */

	return ((a & b5) << 8) & a & ~b5;
}

/* The flags of m (0x80 bytes) as bits: byte k to bit k. */
static uint64_t
flag_bits(uint64_t m)
{
	return ((m >> 7) * 0x0102040810204080ull) >> 56;
}
#endif

/*
 * Which bytes of a 64-byte block of the text are ASCII letters or digits,
 * and which may start a word (those and the non-ASCII bytes): a bit each,
 * so that the end of a word and the start of the next are found by
 * counting zeros; and the capitals glued to a lower-case letter before
 * them.  Whole blocks, and the text's last one padded (load_tail).
 */
struct wordblock {
	size_t at;		/* the block's first byte; SIZE_MAX none */
	uint64_t alnum, start, glued;
	uint64_t special;	/* not ASCII, - or ': a word may go on */
	size_t prevat;		/* the block before, and its glued bits */
	uint64_t prevglued;
	/* the text's last block, short of 64 bytes (see load_tail):
	 * glued_heading goes by its bytes */
	int tail;
};

#ifdef __SSE2__
/* The flags of the 16 bytes of m (0xff or 0) as bits, byte k to bit k. */
static inline uint64_t
lane_bits(__m128i m)
{
	return (uint64_t)(uint16_t)_mm_movemask_epi8(m);
}

/* 0xff in each byte of v that lies in [lo, hi] (ASCII bounds: bytes of
 * 0x80 and more, negative to the signed compares, never do). */
static inline __m128i
in_range(__m128i v, char lo, char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1))));
}

/* A 64-byte block's bytes, a bit each: ASCII letters and digits,
 * capitals, bytes not ASCII, and - and ' (see load_block). */
struct blockmasks {
	uint64_t alnum, upper, high, joins;
};

/* The masks of the 64 bytes at p, 16 at a time, into bm (zeroed). */
static void
block_masks(const char *p, struct blockmasks *bm)
{
	__m128i v;
	size_t k;

	for (k = 0; k < 64; k += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		bm->alnum |= lane_bits(_mm_or_si128(in_range(v, '0', '9'),
		    in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'))) << k;
		bm->upper |= lane_bits(in_range(v, 'A', 'Z')) << k;
		bm->high |= lane_bits(v) << k;
		bm->joins |= lane_bits(_mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('-')), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('\'')))) << k;
	}
}
#endif

#if defined(__SSE2__) && defined(__GNUC__) && defined(__x86_64__)
#define QUOTES_AVX2
#include <immintrin.h>

/* Does the CPU run AVX2?  Asked once (a property of the machine). */
static int
have_avx2(void)
{
	static int avx2 = -1;

	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") != 0;
	return avx2;
}

/* The bytes block_masks_avx2 compares with, 32 of each, which its
 * compares read from memory: _mm256_set1_epi8 made each again at every
 * call (three instructions a constant, more than the compares).  The
 * bounds of a range are the byte before its first and its last. */
enum { BM_0, BM_9, BM_A, BM_Z, BM_a, BM_z, BM_20, BM_DASH, BM_APOS, BM_N };
static const char bm_bytes[BM_N][32] __attribute__((aligned(32))) = {
	[BM_0] = { [0 ... 31] = '0' - 1 }, [BM_9] = { [0 ... 31] = '9' },
	[BM_A] = { [0 ... 31] = 'A' - 1 }, [BM_Z] = { [0 ... 31] = 'Z' },
	[BM_a] = { [0 ... 31] = 'a' - 1 }, [BM_z] = { [0 ... 31] = 'z' },
	[BM_20] = { [0 ... 31] = 0x20 }, [BM_DASH] = { [0 ... 31] = '-' },
	[BM_APOS] = { [0 ... 31] = '\'' }
};
#define BMV(k) _mm256_load_si256((const __m256i *)(const void *)bm[k])

/* 0xff in each of the 32 bytes of v above the byte of bm_bytes[below]
 * and not above that of bm_bytes[top] (ASCII bounds, as in_range). */
__attribute__((target("avx2"))) static inline __m256i
in_range32(const char (*bm)[32], __m256i v, int below, int top)
{
	return _mm256_andnot_si256(_mm256_cmpgt_epi8(v, BMV(top)),
	    _mm256_cmpgt_epi8(v, BMV(below)));
}

/* block_masks' four masks (alnum, upper, high, joins) of the 32 bytes
 * in v, into m. */
__attribute__((target("avx2"))) static inline void
half_masks(const char (*bm)[32], __m256i v, uint64_t m[4])
{
	m[0] = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
	    in_range32(bm, v, BM_0, BM_9), in_range32(bm, _mm256_or_si256(v,
	    BMV(BM_20)), BM_a, BM_z)));
	m[1] = (uint32_t)_mm256_movemask_epi8(in_range32(bm, v, BM_A, BM_Z));
	m[2] = (uint32_t)_mm256_movemask_epi8(v);
	m[3] = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
	    _mm256_cmpeq_epi8(v, BMV(BM_DASH)),
	    _mm256_cmpeq_epi8(v, BMV(BM_APOS))));
}

/* load_block's masks of the 64 bytes at p, 32 at a time (block_masks). */
__attribute__((target("avx2"))) static void
block_masks_avx2(const char *p, struct blockmasks *out)
{
	const char (*bm)[32] = bm_bytes;
	uint64_t lo[4], hi[4];

	/* the table's address hidden from the compiler, which would make
	 * its bytes again with set1's instructions */
	__asm__("" : "+r"(bm));
	half_masks(bm, _mm256_loadu_si256((const __m256i *)(const void *)p),
	    lo);
	half_masks(bm, _mm256_loadu_si256((const __m256i *)(const void *)(p +
	    32)), hi);
	out->alnum = lo[0] | hi[0] << 32;
	out->upper = lo[1] | hi[1] << 32;
	out->high = lo[2] | hi[2] << 32;
	out->joins = lo[3] | hi[3] << 32;
}

/*
 * The first byte from i on, in whole 32-byte runs of s[0..n), that is a
 * straight quotation mark or not ASCII (scan_text's candidates); where
 * fewer than 32 bytes are left when there is none.
 */
__attribute__((target("avx2"))) static size_t
plain_bytes_avx2(const unsigned char *s, size_t i, size_t n)
{
	__m256i x;
	unsigned m;

	for (; i + 32 <= n; i += 32) {
		x = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		m = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(x,
		    _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('"')),
		    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\'')))));
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	return i;
}
#endif

/*
 * Load the bits of the 64 bytes at p (the text's from at) into wb.  A
 * glued capital is one after a lower-case letter or a digit in the same
 * 8-byte word of the text (the SWAR test this began as saw no pair
 * across two words; kept so that the words stay the same).
 */
static void
load_bits(struct wordblock *wb, const char *p, size_t at)
{
#ifdef __SSE2__
	struct blockmasks bm = { 0, 0, 0, 0 };

	wb->prevat = wb->at;
	wb->prevglued = wb->glued;
	wb->at = at;
	wb->tail = 0;
#ifdef QUOTES_AVX2
	if (have_avx2())
		block_masks_avx2(p, &bm);
	else
#endif
		block_masks(p, &bm);
	wb->alnum = bm.alnum;
	wb->special = bm.high | bm.joins;
	wb->start = bm.alnum | bm.high;
	wb->glued = ((bm.alnum & ~bm.upper) << 1) & bm.upper & ~GLEAN_ONES;
#else
	uint64_t v, a, g;
	size_t k;

	wb->prevat = wb->at;
	wb->prevglued = wb->glued;
	wb->at = at;
	wb->tail = 0;
	wb->alnum = wb->start = wb->glued = wb->special = 0;
	for (k = 0; k < 64; k += 8) {
		memcpy(&v, p + k, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		v = __builtin_bswap64(v);	/* the text's first byte low */
#endif
		a = alnum_bytes(v);
		wb->alnum |= flag_bits(a) << k;
		wb->start |= flag_bits((a | v) & GLEAN_HIGHS) << k;
		wb->special |= flag_bits((v | zero_bytes(v ^ ('-' * GLEAN_ONES)) |
		    zero_bytes(v ^ ('\'' * GLEAN_ONES))) & GLEAN_HIGHS) << k;
		if ((g = glued_bytes(v, a)) != 0)	/* seldom */
			wb->glued |= flag_bits(g) << k;
	}
#endif
}

/* Load the bits of the whole block from at into wb. */
static void
load_block(struct qdoc *d, struct wordblock *wb, size_t at)
{
	load_bits(wb, d->s + at, at);
}

/*
 * Load the bits of the text's last block, from at to the text's end
 * (short of 64 bytes), into wb, read from a copy padded with zeros (no
 * letters, no word starts: the last word ends at the text's end, as
 * scan_word ends it).  Its glued bits are every letter or digit, so
 * that block_words hands each word of six bytes or more to
 * push_word_split, whose glued_heading goes by the bytes here (see
 * wb->tail), as it did for scan_word, which made the tail's words
 * before: its bits see no capital at the start of an 8-byte word.
 */
static void
load_tail(struct qdoc *d, struct wordblock *wb, size_t at)
{
	char pad[64] = { 0 };

	memcpy(pad, d->s + at, d->n - at);
	load_bits(wb, pad, at);
	wb->glued = wb->alnum;
	wb->tail = 1;
}

/* The bits of wb from byte i on (in a whole block), loaded if need be. */
static uint64_t
block_bits(struct qdoc *d, struct wordblock *wb, size_t i, int start)
{
	if (wb->at != (i & ~(size_t)63))
		load_block(d, wb, i & ~(size_t)63);
	return (start ? wb->start : ~wb->alnum) >> (i & 63);
}

/*
 * The first byte from i on that ends a run: with start 0 a run of ASCII
 * letters and digits, with start 1 a run of other ASCII bytes (the
 * first byte where a word may start).  Whole blocks go by wb's bits, the
 * tail byte by byte.  Inlined into each caller, where start is a
 * constant: scan_words spends most of its time here.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t
run_end(struct qdoc *d, struct wordblock *wb, size_t i, int start)
{
	const unsigned char *s = (const unsigned char *)d->s;
	uint64_t m;

	for (; (i | 63) < d->n; i = (i | 63) + 1)
		if ((m = block_bits(d, wb, i, start)) != 0)
			return i + (size_t)__builtin_ctzll(m);
	while (i < d->n && s[i] < 0x80 && asciiword[s[i]] != start)
		i++;
	return i;
}

/* The first byte from i on that is not an ASCII letter or digit. */
static size_t
alnum_end(struct qdoc *d, struct wordblock *wb, size_t i)
{
	return run_end(d, wb, i, 0);
}

/* The first byte from i on that is an ASCII letter or digit, or not
 * ASCII: where a word may start. */
static size_t
gap_end(struct qdoc *d, struct wordblock *wb, size_t i)
{
	return run_end(d, wb, i, 1);
}

/*
 * Where the word [b, e) is a heading glued to the next line's first word
 * ("damning reportInspectors"): three or more lower-case ASCII letters,
 * then a capital and two or more lower-case letters, with the capital in
 * wb's glued bits.  The capital's byte, or 0 when the word is not one
 * ("iPhone", "McDonald", "macOS").
 */
static __attribute__((noinline)) size_t
glued_heading(struct qdoc *d, const struct wordblock *wb, size_t b, size_t e)
{
	const unsigned char *s = (const unsigned char *)d->s;
	uint64_t m;
	size_t k, c;

	if (e - b < 6)
		return 0;
	if (e - b < 64 && !wb->tail && (wb->at == (b & ~(size_t)63) ||
	    (wb->at == (b & ~(size_t)63) + 64 && wb->prevat == (b & ~(size_t)63)))) {
		/* most words: in this block or the one before, whose bits
		 * tell */
		if (wb->at == (b & ~(size_t)63))
			m = wb->glued >> (b & 63);
		else
			m = wb->prevglued >> (b & 63) |
			    wb->glued << (64 - (b & 63));
		m &= (1ull << (e - b)) - 1;
		if ((m & ~7ull) == 0)
			return 0;
		c = b + (size_t)__builtin_ctzll(m & ~7ull);
	} else if (s[b] < 'a' || s[b] > 'z') {
		return 0;
	} else {
		for (c = b + 1; c < e && s[c] >= 'a' && s[c] <= 'z'; c++)
			;
		if (c < e && (s[c] < 'A' || s[c] > 'Z'))
			return 0;
	}
	if (c < b + 3)
		return 0;
	for (k = b; k < c; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return 0;
	if (c + 3 > e)
		return 0;
	for (k = c + 1; k < c + 3; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return 0;
	return c;
}

/* Add the word [b, e), split in two where a heading is glued to it; the
 * second part starts a sentence.  Inline, and glued_heading (a call)
 * asked only of a word of six bytes or more, the shortest it splits:
 * most of these words are shorter, and the call cost more than them. */
static inline void
push_word_split(struct qdoc *d, const struct wordblock *wb, size_t b,
    size_t e)
{
	size_t c = e - b < 6 ? 0 : glued_heading(d, wb, b, e);

	if (c == 0) {
		push_word(d, (uint32_t)b, (uint32_t)e);
		return;
	}
	push_word(d, (uint32_t)b, (uint32_t)c);
	push_word(d, (uint32_t)c, (uint32_t)e);
	d->w[d->nw - 1].glued = 1;
}

/*
 * One word from byte i on, the general way (see scan_words): the first
 * byte from i that may start one, the word there with its inner - and '
 * (or ’) and non-ASCII letters, a final 's a word of its own.  Returns
 * the byte to go on from (d->n at the end).
 */
static size_t
scan_word(struct qdoc *d, struct wordblock *wb, size_t i)
{
	const unsigned char *s = (const unsigned char *)d->s;
	size_t l, l2, start;
	int32_t cp, nx;

	if ((i = gap_end(d, wb, i)) >= d->n)
		return d->n;
	if (s[i] < 0x80) {
		l = 1;
	} else {
		cp = cp_at(d, i, &l);
		if (!is_wordcp(cp))
			return i + (l ? l : 1);
	}
	start = i;
	for (;;) {
		i = alnum_end(d, wb, i + l);
		/* most words end at a space or an ASCII stop */
		if (i >= d->n || (s[i] < 0x80 && s[i] != '-' &&
		    s[i] != '\''))
			break;
		cp = cp_at(d, i, &l);
		if (is_wordcp(cp))
			continue;
		if (cp == '-' || cp == '\'' || cp == 0x2019) {
			nx = cp_at(d, i + l, &l2);
			if (!is_wordcp(nx))
				break;
			if (cp != '-' && (nx == 's' || nx == 'S') &&
			    !is_wordcp(cp_at(d, i + l + l2, NULL))) {
				push_word(d, (uint32_t)start, (uint32_t)i);
				start = i;
				i += l + l2;
				break;
			}
			continue;
		}
		break;
	}
	push_word_split(d, wb, start, i);
	return i;
}

/* Is c, a byte after a word (-1 past the text's end), one that scan_word
 * cannot take into a word: ASCII, no letter or digit? */
static inline int
ascii_stop(int c)
{
	return c < 0x80 && (c < 0 || !asciiword[c]);
}

/* The byte at i, or -1 past the text's end. */
static inline int
byte_at(struct qdoc *d, size_t i)
{
	return i < d->n ? (unsigned char)d->s[i] : -1;
}

/*
 * Does a run of ASCII letters and digits ending at byte e (not ASCII, -
 * or ') end the word there, as scan_word would find?  A - or ' before a
 * stop, and a character of U+2000..U+203F but ’ (dashes, curly marks,
 * the ellipsis: none a letter, mark or digit) do; 0 when unsure.
 */
static int
plain_end(struct qdoc *d, size_t e)
{
	const unsigned char *s = (const unsigned char *)d->s;

	if (s[e] == 0xe2)	/* the text is valid UTF-8 (scan_text) */
		return e + 2 < d->n && s[e + 1] == 0x80 && s[e + 2] != 0x99;
	if (s[e] >= 0x80)
		return 0;
	return ascii_stop(byte_at(d, e + 1));
}

/* Is the ' at byte e a clitic 's before a stop ("council's")? */
static int
possessive_s(struct qdoc *d, size_t e)
{
	return d->s[e] == '\'' && (byte_at(d, e + 1) | 0x20) == 's' &&
	    ascii_stop(byte_at(d, e + 2));
}

/*
 * The word at byte b (see block_words) that is not a run of ASCII
 * letters and digits ending inside wb's block at an ASCII stop: one
 * going on into the next block (loaded, as scan_word would), a clitic
 * 's, one whose - or ' or non-ASCII character after it does not join
 * it to more (plain_end), else scan_word's.  Returns the byte to go on
 * from.
 */
static size_t
odd_word(struct qdoc *d, struct wordblock *wb, size_t b)
{
	size_t e;
	uint64_t m = ~wb->alnum >> (b & 63);

	if (m & 1)
		return scan_word(d, wb, b);	/* b is not ASCII */
	if (m != 0) {
		e = b + (size_t)__builtin_ctzll(m);
	} else {
		if (wb->at + 128 > d->n)
			return scan_word(d, wb, b);
		load_block(d, wb, wb->at + 64);
		if (wb->alnum == ~0ull)
			return scan_word(d, wb, b);
		e = wb->at + (size_t)__builtin_ctzll(~wb->alnum);
	}
	if (((wb->special >> (e & 63)) & 1) && !plain_end(d, e)) {
		if (!possessive_s(d, e))
			return scan_word(d, wb, b);	/* maybe not its end */
		/* "council's": two words, as scan_word makes them */
		push_word(d, (uint32_t)b, (uint32_t)e);
		push_word(d, (uint32_t)e, (uint32_t)e + 2);
		return e + 2;
	}
	push_word_split(d, wb, b, e);
	return e;
}

/*
 * The first words of wb's block from byte i on (i is no word's inside:
 * the byte before it is no ASCII letter or digit, or it is the first
 * byte of a word), pushed with nothing looked at but the block's bits:
 * the runs of ASCII letters and digits, paired in order with the bytes
 * that end them, up to the first byte not ASCII and the first run that
 * ends at - or ' (special) or does not end in the block.  Exact: these
 * are the words block_words would push first, one by one, with no
 * glued capital among them (the caller asks for none from i on); it
 * goes on from the byte returned (the last word's end, or i).  There is
 * room for them (see scan_words).
 */
static inline size_t
plain_words(struct qdoc *d, const struct wordblock *wb, size_t i)
{
	const unsigned char *s = (const unsigned char *)d->s;
	const uint64_t from = ~0ull << (i & 63);
	const uint64_t runs = wb->alnum & from;
	uint64_t st = runs & ~(runs << 1), en = ~runs & (runs << 1), stop;
	size_t b, e, nw = d->nw, nc = d->ncapital, at = wb->at;
	struct word *w = d->w;
	uint32_t *capital = d->capital;
	int c, cap;

	/* a byte not ASCII (start but no letter or digit) from i on, or a
	 * run ending at a special byte: the loop's odd words start there */
	stop = (wb->start & ~wb->alnum & from) | (wb->special & en);
	/* the words are the runs that end before stop, the k-th end
	 * paired with the k-th start (each run from i on starts there):
	 * the ends from stop on are dropped, and the loop goes by ends */
	if (stop != 0)
		en &= (1ull << __builtin_ctzll(stop)) - 1;
	while (en != 0) {
		b = at + (size_t)__builtin_ctzll(st);
		e = at + (size_t)__builtin_ctzll(en);
		/* a letter or a digit: a capital or a digit is one up to Z */
		c = s[b];
		cap = c >= 'A' && c <= 'Z';
		capital[nc] = (uint32_t)nw;
		nc += c <= 'Z';
		word_init(&w[nw++], (uint32_t)b, (uint32_t)e, cap);
		i = e;
		st &= st - 1;
		en &= en - 1;
	}
	d->nw = nw;
	d->ncapital = nc;
	return i;
}

/*
 * The words of wb's block (a whole one) from byte i on, each a run of
 * ASCII letters and digits that ends inside the block at an ASCII byte
 * other than - and ', read off the block's bits (kept in locals: the
 * words' stores may alias wb); at the first other word, odd_word.
 * scan_words has let plain_words push the first ones (most).  Returns
 * the byte to go on from.
 */
static size_t
block_words(struct qdoc *d, struct wordblock *wb, size_t i)
{
	const uint64_t start = wb->start, alnum = wb->alnum;
	const uint64_t special = wb->special, glued = wb->glued;
	const unsigned char *s = (const unsigned char *)d->s;
	struct word *w;
	uint32_t *capital;
	size_t b, e, nw, nc;
	uint64_t m;
	int cap, c;

	/* (scan_words made room for every word of the block) */
	w = d->w;
	capital = d->capital;
	nw = d->nw;
	nc = d->ncapital;
	for (;;) {
		if ((m = start >> (i & 63)) == 0) {
			i = wb->at + 64;
			break;
		}
		b = i + (size_t)__builtin_ctzll(m);
		/* its end: the first byte that is no ASCII letter or digit */
		m = ~alnum >> (b & 63);
		if ((m & 1) || m == 0)
			goto odd;
		e = b + (size_t)__builtin_ctzll(m);
		if ((special >> (e & 63)) & 1)
			goto odd;
		/* a capital glued on three letters in or more (seldom):
		 * see glued_heading, whose bits these are */
		if (glued != 0 && e - b >= 6 && ((glued >> (b & 63)) &
		    ((1ull << (e - b)) - 1) & ~7ull) != 0) {
			d->nw = nw;
			d->ncapital = nc;
			push_word_split(d, wb, b, e);
			nw = d->nw;
			nc = d->ncapital;
			i = e;
			continue;
		}
		/* push_word's, b an ASCII letter or digit (in alnum) */
		c = s[b];
		cap = (unsigned char)(c - 'A') <= 'Z' - 'A';
		capital[nc] = (uint32_t)nw;
		nc += (size_t)(cap | ((unsigned char)(c - '0') <= 9));
		word_init(&w[nw++], (uint32_t)b, (uint32_t)e, cap);
		i = e;
	}
	d->nw = nw;
	d->ncapital = nc;
	return i;
odd:
	d->nw = nw;
	d->ncapital = nc;
	return odd_word(d, wb, b);
}

/*
 * Our own words when there is no usable tokens layer: letters and digits,
 * with - and ' (or ’) inside; a final 's is a word of its own, as the
 * tokenizer makes it.  Most words are a run of ASCII letters and digits
 * inside one 64-byte block that ends at another ASCII byte, not - or ':
 * those are read off the block's bits (the text's last block's from a
 * padded copy, load_tail); the rest go by scan_word, which gives the
 * same words.
 */
void
scan_words(struct qdoc *d)
{
	size_t i = 0, blk;
	struct wordblock wb = { SIZE_MAX, 0, 0, 0, 0, SIZE_MAX, 0, 0 };

	while (i < d->n) {
		blk = i & ~(size_t)63;
		if (wb.at != blk && blk + 64 > d->n)
			load_tail(d, &wb, blk);
		else if (wb.at != blk)
			load_block(d, &wb, blk);
		/* room for every word of the block (one in two bytes at
		 * most), which plain_words and block_words push by locals
		 * (the words' stores may alias wb) */
		while (d->nw + 64 > d->capw)
			grow_words(d);
		if ((wb.glued >> (i & 63)) == 0)
			i = plain_words(d, &wb, i);
		i = block_words(d, &wb, i);
	}
}

/*
 * Words from the tokens layer, either form (toklayer.h), in code points.
 * Anything malformed, out of order or out of range and the layer is not
 * used.
 */
int
layer_words(struct qdoc *d, json_t *toks, const struct offmap *om)
{
	struct glean_toklayer it;
	struct glean_ltok t;
	size_t prev = 0;
	int rc;

	if (glean_toklayer_open(&it, toks) < 0)
		return -1;
	while ((rc = glean_toklayer_next(&it, &t)) > 0) {
		if (t.e <= t.s || t.e > om->ncps || t.s < prev)
			goto bad;
		prev = t.s;
		if (t.kind != GLEAN_TOK_WORD && t.kind != GLEAN_TOK_NUMBER)
			continue;
		push_word(d, (uint32_t)om_byte(om, t.s),
		    (uint32_t)om_byte(om, t.e));
		if (t.stem) {
			d->w[d->nw - 1].stem = (int32_t)d->sbuf.len;
			d->w[d->nw - 1].slen = (uint32_t)t.slen;
			glean_buf_add(&d->sbuf, t.stem, t.slen);
		}
	}
	if (rc == 0)
		return 0;
bad:
	d->nw = d->ncapital = 0;
	d->foldlen = 0;
	glean_buf_reset(&d->sbuf);
	return -1;
}

/* ---- the text ------------------------------------------------------- */


/*
 * One pass over the text: is it valid UTF-8, and which bytes may start a
 * quotation mark (" ' and the lead bytes of “ ” ‘ ’ „ ‚ « »)?  Those go
 * to d->cand.  Plain ASCII without marks, most of a text, goes eight
 * bytes at a time.  The bytes that continue a character are counted
 * into d->om on the way (om_finish makes its map).
 */
int
scan_text(struct qdoc *d)
{
	const unsigned char *s = (const unsigned char *)d->s;
	size_t i = 0, l;
	int32_t cp;
	uint64_t v;
#ifdef QUOTES_AVX2
	int avx2 = have_avx2();
#endif

	d->ncand = d->nextcand = 0;
	om_count(&d->om, d->s, d->n);
	while (i < d->n) {
#ifdef QUOTES_AVX2
		if (avx2)
			i = plain_bytes_avx2(s, i, d->n);
#endif
#ifdef __SSE2__
		if (i + 16 <= d->n) {
			/* on to the first byte of 16 that is a mark or not
			 * ASCII */
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(x,
			    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')))));

			if (m == 0) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz(m);
		}
#endif
		if (i + 8 <= d->n) {
			memcpy(&v, s + i, 8);
			if (!(v & GLEAN_HIGHS) &&
			    !zero_bytes(v ^ ('"' * GLEAN_ONES)) &&
			    !zero_bytes(v ^ ('\'' * GLEAN_ONES))) {
				i += 8;
				continue;
			}
		}
		if (s[i] == '"' || s[i] == '\'' || s[i] == 0xe2 ||
		    s[i] == 0xc2) {
			GROW(d->cand, d->ncand, d->capcand);
			d->cand[d->ncand++] = (uint32_t)i;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		l = glean_utf8_next(d->s + i, d->n - i, &cp);
		if (cp < 0)
			return 0;
		om_cont(&d->om, i, l);
		i += l;
	}
	return 1;
}

/* ---- paragraphs and sentences --------------------------------------- */

/* Is cp white space (Unicode spaces, NUL and the BOM included)? */
int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0 || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200b) || cp == 0xfeff || cp == 0;
}

/* Paragraphs are lines; blank lines are skipped.  Trimmed. */
void
split_paras(struct qdoc *d)
{
	size_t i = 0, j, b, e, l;
	int lower, upper;
	int32_t cp;
	struct para *p;
	const char *nlp;

	while (i < d->n) {
		nlp = memchr(d->s + i, '\n', d->n - i);
		j = nlp ? (size_t)(nlp - d->s) : d->n;
		b = i;
		e = j;
		while (b < e) {
			cp = cp_at(d, b, &l);
			if (!is_space_cp(cp))
				break;
			b += l;
		}
		while (e > b) {
			l = 1;
			while (l < e - b && ((unsigned char)d->s[e - l] & 0xc0)
			    == 0x80)
				l++;
			cp = cp_at(d, e - l, NULL);
			if (!is_space_cp(cp))
				break;
			e -= l;
		}
		if (e > b) {
			GROW(d->p, d->np, d->capp);
			p = &d->p[d->np++];
			p->b = (uint32_t)b;
			p->e = (uint32_t)e;
			p->heading = p->reportsec = 0;
			/* a heading: upper-case letters only */
			lower = upper = 0;
			for (l = b; l < e && !lower; l++) {
				if (d->s[l] >= 'a' && d->s[l] <= 'z')
					lower = 1;
				else if (d->s[l] >= 'A' && d->s[l] <= 'Z')
					upper++;
			}
			p->heading = !lower && upper >= 3;
		}
		i = j + 1;
	}
}

/* The paragraph holding byte b (the last one past the end). */
size_t
para_of(struct qdoc *d, size_t b)
{
	size_t lo = first_at_least(d->p, d->np, sizeof(*d->p),
	    offsetof(struct para, e), b);

	return lo < d->np ? lo : (d->np ? d->np - 1 : 0);
}



/*
 * Each word's paragraph, whether it starts a sentence, and whether it is
 * inside a quotation (one sweep: the quotations sorted by start).
 */
void
mark_words(struct qdoc *d)
{
	size_t i = 0, k, pi = 0, qi = 0;
	uint32_t qend = 0, lim;
	struct word *w, *pw;
	int newpara;

	while (i < d->nw) {
		/* word i: the quotations that open by it, the paragraphs
		 * that end before it */
		w = &d->w[i];
		while (qi < d->nq && d->q[qi].tb <= w->b) {
			if (d->q[qi].te > qend)
				qend = d->q[qi].te;
			qi++;
		}
		for (newpara = i == 0; pi + 1 < d->np && d->p[pi].e <= w->b;
		    newpara = 1)
			pi++;
		w->inq = w->b < qend;
		w->para = (uint32_t)pi;
		w->sstart = (uint8_t)newpara;
		/* the words before the next such event, most of them */
		lim = qi < d->nq ? d->q[qi].tb : UINT32_MAX;
		if (pi + 1 < d->np && d->p[pi].e < lim)
			lim = d->p[pi].e;
		/* (push_word left inq and sstart 0) */
		for (i++; i < d->nw && d->w[i].b < lim && d->w[i].b < qend;
		    i++) {
			d->w[i].inq = 1;
			d->w[i].para = (uint32_t)pi;
		}
		for (; i < d->nw && d->w[i].b < lim; i++)
			d->w[i].para = (uint32_t)pi;
	}
	/* after a stop, a sentence starts with a capital or a digit */
	for (k = 0; k < d->ncapital; k++) {
		i = d->capital[k];
		w = &d->w[i];
		if (w->sstart)
			continue;
		if (w->glued) {
			w->sstart = 1;	/* after a heading glued on */
			continue;
		}
		pw = &d->w[i - 1];
		if (!gap_has(d, pw->e, w->b, G_STOP))
			continue;
		/* Mr. Smith, J. Smith */
		if ((wclass(d, i - 1) & C_TITLE) && d->s[pw->e] == '.')
			continue;
		if (pw->e - pw->b == 1 && pw->cap && d->s[pw->e] == '.')
			continue;
		w->sstart = 1;
	}
}


