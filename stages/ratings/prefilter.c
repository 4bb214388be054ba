/* See LICENSE file for copyright and license details. */
/* prefilter.c: the cheap test run on every document */

#include "ratings.h"
#include "spans.h"
#include "swar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* What may_rate() knows of the words up to where it is. */
struct cues {
	size_t nw;		/* words taken */
	size_t verb;		/* the last rating verb's word, if have_verb */
	int have_verb;
	size_t change;		/* the last change of grade's, if have_change */
	int have_change;
	size_t noun_end;	/* a rating noun before this word is a cue (the
				   word after a grade, or the one after that:
				   "inadequate Ofsted ratings") */
	size_t ps, pe;		/* the last word */
	int pascii;
	/* A grade of several words being matched ("lowest rating"): its
	 * starter, the words matched, the grades (bits, of the starter's
	 * first 32) still possible, and whether the words before it cue. */
	const struct starter *pend;
	size_t pos;
	uint32_t cand;
	int pend_verb, pend_link;
	struct glean_buf low;	/* folds the odd non-ASCII word */
	int insp;		/* an inspectorate in the text; -1 unknown */
};

/* Byte b of an ASCII word (letters, digits, ' and -) in lower case: only
 * letters lack bit 5. */
static inline int
word_lower(int b)
{
	return b | 0x20;
}

/*
 * In table v: the starter of word t[0..n) of a text, or NULL.  For
 * may_rate(), which looks up every word: an ASCII word (most) is folded
 * only as it is compared; any other goes through fold_word() into
 * scratch.
 */
static inline const struct starter *
word_starter(const struct ctx *c, struct slot *v, const char *t, size_t n,
    int ascii, struct glean_buf *scratch)
{
	size_t k, mask = c->nslots - 1, i;
	uint32_t h;
	const struct starter *st;

	if (!ascii) {
		glean_buf_reset(scratch);
		i = fold_word(scratch, t, n);
		return starter_find(c, v, scratch->s, i);
	}
	if (n > c->longest)
		return NULL;
	h = word_hash(word_lower(t[0]), word_lower(t[n - 1]), n);
	for (i = h & mask; v[i].st; i = (i + 1) & mask) {
		st = &c->starters[v[i].st - 1];
		if (v[i].hash != h || st->len != n)
			continue;
		for (k = 0; k < n && st->word[k] == word_lower(t[k]); k++)
			;
		if (k == n)
			return st;
	}
	return NULL;
}

/* Is word t[0..n) (ASCII when ascii) the folded word w? */
static int
word_is(struct cues *cs, const char *t, size_t n, int ascii, const char *w)
{
	size_t k;

	if (!ascii) {
		glean_buf_reset(&cs->low);
		k = fold_word(&cs->low, t, n);
		return k == strlen(w) && !memcmp(cs->low.s, w, k);
	}
	for (k = 0; k < n && w[k] && (t[k] | 0x20) == w[k]; k++)
		;
	return k == n && !w[k];
}

/* Is there an opening quotation mark, a colon or a dash in bytes [a, b)
 * of the text (a grade in quotes may be a headline's judgement; after a
 * colon or a dash, a list's)? */
static int
quote_between(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (d->text[a] == '\'' || d->text[a] == '"' ||
		    d->text[a] == ':' || d->text[a] == '-' ||
		    (d->text[a] == '\xe2' && a + 2 < d->len &&
		    d->text[a + 1] == '\x80' && (d->text[a + 2] == '\x98' ||
		    d->text[a + 2] == '\x9c' || d->text[a + 2] == '\x93' ||
		    d->text[a + 2] == '\x94')))
			return 1;
	return 0;
}

/*
 * Go on matching the pending grade of several words with word t[0..n):
 * 1 when one is complete and cued (a grade that is its own cue, a link
 * or a rating verb before it); its end opens the window for a rating
 * noun after it.
 */
static int
pending_grade(const struct ctx *c, struct cues *cs, const char *t, size_t n,
    int ascii)
{
	const struct starter *st = cs->pend;
	const struct phrase *p;
	size_t k;
	int cue = 0;

	for (k = 0; k < st->ngrades && k < 32; k++) {
		if (!(cs->cand & (uint32_t)1 << k))
			continue;
		p = &c->grades[st->grades[k]];
		if (cs->pos >= p->nw || !word_is(cs, t, n, ascii,
		    p->w[cs->pos])) {
			cs->cand &= ~((uint32_t)1 << k);
			continue;
		}
		if (cs->pos + 1 < p->nw)
			continue;
		/* complete */
		if (p->copula == COP_SELF || cs->pend_verb ||
		    (p->copula == COP_YES && cs->pend_link))
			cue = 1;
		if (cs->noun_end < cs->nw + 3)
			cs->noun_end = cs->nw + 3;
	}
	cs->pos++;
	if (!cs->cand)
		cs->pend = NULL;
	return cue;
}

/*
 * cue_word() for a word that starts a phrase (st) or may go on a pending
 * grade: see there.
 */
static int
cue_word_phrase(const struct ctx *c, const struct doc *d, struct cues *cs,
    size_t s, size_t e, int ascii, const struct starter *st)
{
	const struct starter *before;
	size_t i = cs->nw;
	int cue = 0, verb, link;

	if (cs->pend && pending_grade(c, cs, d->text + s, e - s, ascii))
		cue = 1;
	if (st && i < cs->noun_end && (st->roles & R_NOUN))
		cue = 1;
	if (st && st->ngrades) {
		/* the word before: a link, "are good"? */
		before = i ? word_starter(c, c->slots, d->text + cs->ps,
		    cs->pe - cs->ps, cs->pascii, &cs->low) : NULL;
		link = before && (before->roles & R_LINK);
		/* "from" before a grade may start a change whose verb is
		 * anywhere before it, or whose new grade follows */
		verb = (cs->have_verb && cs->verb + VERB_WINDOW >= i) ||
		    (cs->have_change && cs->change + VERB_WINDOW >= i &&
		    before && (before->roles & R_TO)) ||
		    (before && (before->roles & R_FROM));
		if (!st->single) {
			/* a grade of several words is still being matched
			 * ("lowest of the four grades" at "four", which starts
			 * "four stars"): one is followed at a time, so leave
			 * it to the full pass */
			if (cs->pend)
				cue = 1;
			cs->pend = st;
			cs->pos = 1;
			cs->cand = st->ngrades >= 32 ? ~(uint32_t)0 :
			    ((uint32_t)1 << st->ngrades) - 1;
			cs->pend_verb = verb;
			cs->pend_link = link;
		} else {
			if ((st->copulas & 1 << COP_SELF) ||
			    ((st->copulas & 1 << COP_YES) && (link ||
			    quote_between(d, i ? cs->pe : 0, s))) || verb)
				cue = 1;
			if (cs->noun_end < i + st->maxnw + 2)
				cs->noun_end = i + st->maxnw + 2;
		}
	}
	if (st && (st->roles & R_VERB)) {
		cs->verb = i;
		cs->have_verb = 1;
	}
	if (st && (st->roles & R_CHANGE)) {
		cs->change = i;
		cs->have_change = 1;
	}
	cs->ps = s;
	cs->pe = e;
	cs->pascii = ascii;
	cs->nw++;
	return cue;
}

/*
 * Take word [s, e) of d into cs.  Returns 1 when it is (or ends) a grade
 * with a cue, or a rating noun after a grade.  Grades of several words
 * cue only once all their words are there.  Most words start no phrase:
 * they only move cs on, here, inline.
 */
static inline int
cue_word(const struct ctx *c, const struct doc *d, struct cues *cs, size_t s,
    size_t e, int ascii)
{
	const struct starter *st = NULL;

	if (!ascii || (c->cue_lens[(unsigned char)d->text[s]] &
	    c->cue_last[(unsigned char)d->text[e - 1]]) >> (e - s) % 32 & 1)
		st = word_starter(c, c->cue_slots, d->text + s, e - s, ascii,
		    &cs->low);
	if (st || cs->pend)
		return cue_word_phrase(c, d, cs, s, e, ascii, st);
	cs->ps = s;
	cs->pe = e;
	cs->pascii = ascii;
	cs->nw++;
	return 0;
}

#ifndef __SSE2__
/* Byte b in each of the 8 lanes of a 64-bit word, for classify8(). */
#define LANES(b) (GLEAN_ONES * (b))

/* Bit 7 of each lane of x (all below 0x80): is it in [lo, hi]? */
static uint64_t
lanes_in(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + LANES(0x80 - lo)) & ~(x + LANES(0x7f - hi)) & GLEAN_HIGHS;
}

/* Bit 7 of each lane of v: is it byte b? */
static uint64_t
lanes_eq(uint64_t v, unsigned b)
{
	v ^= LANES(b);
	return ~(((v & ~GLEAN_HIGHS) + ~GLEAN_HIGHS) | v) & GLEAN_HIGHS;
}

/* Bit 7 of each lane to bit i for lane i. */
static unsigned
lanes_bits(uint64_t flags)
{
	return (unsigned)(((flags >> 7) * 0x0102040810204080ull) >> 56);
}

/*
 * Bit j of *plain: t[j] is a plain separator (ASCII but not a letter, a
 * digit, ' or -: never part of a word, as is_wordcp() and next_word()
 * say); of *mixing: t[j] is ' - or not ASCII.  For j < 8, eight bytes at
 * a time.
 */
static void
classify8(const unsigned char *t, unsigned *plain, unsigned *mixing)
{
	uint64_t v, high, low, alnum, mix;

	memcpy(&v, t, sizeof(v));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);	/* t[0] in the low lane */
#endif
	high = v & GLEAN_HIGHS;
	low = v & ~GLEAN_HIGHS;
	alnum = (lanes_in(low, '0', '9') | lanes_in(low | LANES(0x20), 'a',
	    'z')) & ~high;
	mix = high | lanes_eq(v, '\'') | lanes_eq(v, '-');
	*plain = lanes_bits(~(alnum | mix) & GLEAN_HIGHS);
	*mixing = lanes_bits(mix);
}

#endif

#ifdef __SSE2__
/* Bit j of *plain, *mixing as classify8() says, for j < 16: sixteen
 * bytes at a time. */
static inline void
classify16(const unsigned char *t, unsigned *plain, unsigned *mixing)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)t);
	__m128i mark = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
	unsigned high = (unsigned)_mm_movemask_epi8(v);
	/* a letter (either case) or a digit */
	unsigned alnum = (unsigned)(glean_range16(_mm_or_si128(v,
	    _mm_set1_epi8(0x20)), 'a', 'z') | glean_range16(v, '0', '9'));

	*mixing = high | (unsigned)_mm_movemask_epi8(mark);
	*plain = ~(alnum | *mixing) & 0xffffu;
}
#else
/* classify16() without SSE2: two classify8(). */
static inline void
classify16(const unsigned char *t, unsigned *plain, unsigned *mixing)
{
	unsigned pl, mx;

	classify8(t, plain, mixing);
	classify8(t + 8, &pl, &mx);
	*plain |= pl << 8;
	*mixing |= mx << 8;
}
#endif

/* Bits j < 64 of *plain, *mixing: classify8() of the 64 bytes at t. */
static inline void
full_block_masks(const unsigned char *t, uint64_t *plain, uint64_t *mixing)
{
	unsigned pl, mx;
	size_t j;

	*plain = *mixing = 0;
	for (j = 0; j < 64; j += 16) {
		classify16(t + j, &pl, &mx);
		*plain |= (uint64_t)pl << j;
		*mixing |= (uint64_t)mx << j;
	}
}

/* Bit j: t[j] is a byte from 0x80 up, for j < 64. */
static uint64_t
block_high(const unsigned char *t)
{
	uint64_t high = 0;
	size_t j;

#ifdef __SSE2__
	for (j = 0; j < 64; j += 16)
		high |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(t + j))) << j;
#else
	for (j = 0; j < 64; j++)
		high |= (uint64_t)(t[j] >> 7) << j;
#endif
	return high;
}

/* A byte offset at or before i that starts a character. */
static size_t
char_start(const struct doc *d, size_t i)
{
	while (i > 0 && i < d->len && (d->text[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * Is the cue just taken (the last word of cs) in inspection news: an
 * inspectorate anywhere in the text (looked for once: cs->insp), or a
 * specific area within NEAR_CUE bytes of it?  Each pattern runs only
 * where its phrase gate (a few instructions a byte) says it may match:
 * the inspectorates' costs dozens a byte, the areas' a hundred.
 */
static int
inspection_news(const struct ctx *c, const struct doc *d, struct cues *cs)
{
	size_t lo, hi;

	if (cs->insp < 0)
		cs->insp = c->insp_re && (!c->insp_gate ||
		    glean_phrase_gate_may(c->insp_gate, d->text, d->len)) &&
		    glean_re_match(glean_re_jitted(c->insp_re), d->text,
		    d->len, 0, c->md) > 0;
	if (cs->insp || !c->areas_re)
		return cs->insp;
	lo = char_start(d, cs->ps > NEAR_CUE ? cs->ps - NEAR_CUE : 0);
	hi = char_start(d, cs->pe + NEAR_CUE < d->len ? cs->pe + NEAR_CUE :
	    d->len);
	return (!c->areas_gate || glean_phrase_gate_may(c->areas_gate,
	    d->text + lo, hi - lo)) &&
	    glean_re_match(glean_re_jitted(c->areas_re), d->text + lo,
	    hi - lo, 0, c->md) > 0;
}

/* Take the words of chunk [a, b) (see may_rate()); 1 at a cue. */
static inline int
cue_chunk(const struct ctx *c, const struct doc *d, struct cues *cs, size_t a,
    size_t b, int mixed)
{
	size_t k = a, s;
	int ascii;

	if (!mixed)
		return cue_word(c, d, cs, a, b, 1);
	while (next_word(d, b, &k, &s, &ascii))
		if (cue_word(c, d, cs, s, k, ascii))
			return 1;
	return 0;
}

/*
 * Might an ASCII word of n bytes, first, second (for a word of one
 * byte: any byte) and last, start a phrase of cue_slots, as
 * word_starter() would find it?  0 only when it cannot: the tables of
 * lengths by first, second and last byte (either case) say no (most
 * words), or the first slot of its hash is empty (word_starter() stops
 * there).
 */
static inline int
may_cue(const struct ctx *c, unsigned first, unsigned second, unsigned last,
    size_t n)
{
	uint32_t h;

	if (!((c->cue_lens[first] & c->cue_last[last] &
	    c->cue_second[second]) >> n % 32 & 1) || n > c->longest)
		return 0;
	h = word_hash(word_lower((int)first), word_lower((int)last), n);
	return c->cue_slots[h & (c->nslots - 1)].st != 0;
}

/*
 * Take the chunk [a, b) of the text (mixed: see cue_chunk()): 0 with no
 * cue in it; at a cue (where cue_chunk() leaves the rest of the chunk),
 * 2 when inspection_news() says yes, else 1.  cue_block() calls it for
 * each chunk or word that it cannot count.  Out of line, so that the
 * loop over the words keeps its few variables in registers.
 */
static __attribute__((noinline)) int
cue_chunk_news(const struct ctx *c, const struct doc *d, struct cues *cs,
    size_t a, size_t b, int mixed)
{
	if (!cue_chunk(c, d, cs, a, b, mixed))
		return 0;
	return inspection_news(c, d, cs) ? 2 : 1;
}

/*
 * The end of the chunk of the text that starts at byte a and runs on
 * beyond a whole block: the first plain separator (see classify8()) from
 * a, or the end of the text.
 */
static size_t
chunk_end(const struct doc *d, size_t a)
{
	unsigned b;

	for (; a < d->len; a++) {
		b = (unsigned char)d->text[a];
		if (b < 0x80 && b != '\'' && b != '-' && !((b >= '0' &&
		    b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')))
			break;
	}
	return a;
}

/*
 * The leading words of starts and ends (the bits of a block of 64 bytes
 * at t, each start followed by its end) that cue_word() would only
 * count, while no grade of several words is pending: ASCII words (ends
 * in ascii) that may_cue() says no to.  They are taken off the bits and
 * counted.  Out of line: the loop keeps its few variables in registers.
 */
static __attribute__((noinline)) size_t
plain_words(const struct ctx *c, const unsigned char *t, uint64_t *starts,
    uint64_t *ends, uint64_t ascii)
{
	uint64_t s = *starts, e = *ends;
	size_t n = 0, j, k;

	for (; s; s &= s - 1, e &= e - 1, n++) {
		j = (size_t)__builtin_ctzll(s);
		k = (size_t)__builtin_ctzll(e);
		/* t[j + 1] is there: t[k] ends the word */
		if (!(ascii >> k & 1) || may_cue(c, t[j], t[j + 1], t[k - 1],
		    k - j))
			break;
	}
	*starts = s;
	*ends = e;
	return n;
}

/*
 * Note in cs the n words that plain_words() took before the bits of
 * below, of starts and ends, in the block at base: the last of them is
 * the one that ends last there.
 */
static inline void
skipped(struct cues *cs, size_t n, size_t base, uint64_t starts,
    uint64_t ends, uint64_t below)
{
	size_t e, s;

	if (!n)
		return;
	ends &= below;
	e = 63 - (size_t)__builtin_clzll(ends);
	starts &= ((uint64_t)1 << e) - 1;
	s = 63 - (size_t)__builtin_clzll(starts);
	cs->nw += n;
	cs->ps = base + s;
	cs->pe = base + e;
	cs->pascii = 1;
}

/* The bits below bit j (j <= 64). */
static inline uint64_t
below(size_t j)
{
	return j < 64 ? ((uint64_t)1 << j) - 1 : ~(uint64_t)0;
}

/* The bits of a block's units (see cue_block()): their starts and ends,
 * and the ends of those that are ASCII words. */
struct units {
	uint64_t starts, ends, ascii;
};

/*
 * The units of the chunks of a block (bits: word, plain, mixing, as
 * cue_block() has them; starts and ends of its chunks, none open) into
 * *u: each chunk with a byte from 0x80 up (high) whole, which
 * next_word() splits; in the others (ASCII) the words that next_word()
 * would find: runs of letters and digits with ' or - between two of
 * them.
 */
static void
block_units(const unsigned char *t, uint64_t word, uint64_t plain,
    uint64_t mixing, uint64_t starts, uint64_t ends, struct units *u)
{
	uint64_t alnum = word & ~mixing, high = 0, whole = 0, in = 0, x, w;
	size_t e, s;

	if (mixing) {
		high = block_high(t) & word;
		/* the ends of the chunks with a high byte: adding a chunk's
		 * start to its bytes that are not high carries up to its end
		 * only when none is */
		whole = ends & ~(((word & ~high) + starts) & plain);
		for (x = whole; x; x &= x - 1) {
			e = (size_t)__builtin_ctzll(x);
			s = 63 - (size_t)__builtin_clzll(starts & below(e));
			in |= below(e) & ~below(s);
		}
	}
	w = (alnum | (mixing & ~high & alnum << 1 & alnum >> 1)) & ~in;
	u->starts = (w & ~(w << 1)) | (starts & in);
	u->ends = (~w & w << 1) | whole;
	u->ascii = ~whole;
}

/*
 * Take the chunks of the block of 64 bytes at t, byte base of the text
 * (t may be a copy, padded with NULs, of the text's last bytes), whose
 * bits are: plain, separators; mixing, ' - and bytes outside ASCII;
 * word, the others (below the end of the text); a block starts at a
 * chunk or a separator.  The chunk still open at its end is left to the
 * next block, which starts at it: in *next.  1 at a cue in inspection
 * news.
 *
 * A chunk is taken in units (block_units()), each as cue_chunk() would
 * take it: most are an ASCII word that cue_word() would only count and
 * make the last one (plain_words()): they are counted, and cs is told
 * once, before the next unit it takes; as exact as taking them one by
 * one.  After a cue that is not in inspection news, the rest of its
 * chunk is left, as cue_chunk() leaves it.
 */
static int
cue_block(const struct ctx *c, const struct doc *d, struct cues *cs,
    const unsigned char *t, size_t base, uint64_t plain, uint64_t mixing,
    uint64_t word, size_t *next)
{
	uint64_t starts = word & ~(word << 1);
	uint64_t ends = plain & word << 1;
	uint64_t open = 0, s0, e0;
	struct units u;
	size_t j, e, n;
	int cue;

	/* each start is followed by its end, but the last start's chunk
	 * may run on into the next block */
	if (starts && (!ends || __builtin_clzll(starts) <
	    __builtin_clzll(ends))) {
		open = (uint64_t)1 << (63 - __builtin_clzll(starts));
		starts ^= open;
	}
	*next = open ? base + (size_t)__builtin_ctzll(open) : base + 64;
	if (open == 1) {
		/* a chunk of 64 bytes or more: taken whole */
		*next = chunk_end(d, base);
		return cue_chunk_news(c, d, cs, base, *next, 1) == 2;
	}
	if (open) {
		/* its units are the next block's */
		word &= open - 1;
		mixing &= open - 1;
	}
	block_units(t, word, plain, mixing, starts, ends, &u);
	s0 = u.starts;
	e0 = u.ends;
	for (;;) {
		n = cs->pend ? 0 : plain_words(c, t, &u.starts, &u.ends,
		    u.ascii);
		skipped(cs, n, base, s0, e0, u.starts ? (u.starts &
		    -u.starts) - 1 : ~(uint64_t)0);
		if (!u.starts)
			return 0;
		j = (size_t)__builtin_ctzll(u.starts);
		e = (size_t)__builtin_ctzll(u.ends);
		u.starts &= u.starts - 1;
		u.ends &= u.ends - 1;
		cue = cue_chunk_news(c, d, cs, base + j, base + e,
		    !(u.ascii >> e & 1));
		if (cue == 2)
			return 1;
		if (cue) {
			/* the units left of the chunk, up to its end */
			e = (size_t)__builtin_ctzll(ends & ~below(e));
			u.starts &= ~below(e);
			u.ends &= ~below(e + 1);
		}
	}
}

/*
 * Might sentence_rating() find a judgement in the text of d?  It needs a
 * grade with a cue -- a rating verb at most VERB_WINDOW words before (or
 * a change of grade and "to"/"from" right before), a rating noun right
 * after (or after an inspectorate's one-word name), a copula reading, a
 * grade that is its own cue, a quoted grade -- and an inspectorate in the
 * text or a specific area near the cue (within NEAR_CUE bytes: more than
 * its sentence).  Here sentences are ignored and a one-word grade needs
 * only its word, which only lets more through; most documents (news with
 * no inspection in them) stop here, before any layer is looked at.  The
 * first judgement of a sentence never rests on a coordinated one.
 *
 * Every word of every text passes here, so words are found 64 bytes at a
 * time with bit masks.  A chunk of text between plain separators (ASCII
 * other than letters, digits, ' and -) holds whole words; one of ASCII
 * letters and digits alone is one word, any other ("mixed") is split by
 * next_word().
 */
int
may_rate(const struct ctx *c, const struct doc *d)
{
	struct cues cs = { .insp = -1 };
	unsigned char tail[64];
	const unsigned char *t;
	uint64_t plain, mixing, valid;
	size_t base, m;
	int cue = 0;

	/* exact: with no phrase of an inspectorate or an area in the text,
	 * inspection_news() says no at every cue (see anchors.c) */
	if (c->anchors && !anchors_may(c->anchors, d->text, d->len))
		return 0;
	for (base = 0; !cue && base < d->len;) {
		m = d->len - base < 64 ? d->len - base : 64;
		t = (const unsigned char *)d->text + base;
		if (m < 64) {
			/* the NULs after the text end its last chunk */
			memset(tail, 0, sizeof(tail));
			memcpy(tail, t, m);
			t = tail;
		}
		full_block_masks(t, &plain, &mixing);
		valid = m < 64 ? ((uint64_t)1 << m) - 1 : ~(uint64_t)0;
		cue = cue_block(c, d, &cs, t, base, plain, mixing & valid,
		    ~plain & valid, &base);
	}
	glean_buf_free(&cs.low);
	return cue;
}
