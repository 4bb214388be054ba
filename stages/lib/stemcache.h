/* See LICENSE file for copyright and license details. */
/*
 * stemcache.h - the layout of the stem cache behind glean_tok_stem and
 * the layer writer, and its probe of a set's first entry, inline for the
 * writer's loop over every word of the stream (toklayer.c).  The cache
 * itself, its other ways, its fill and every other case are tok.c's.
 *
 * The cache is GLEAN_STEM_SLOTS entries of 32 bytes in sets of
 * GLEAN_STEM_WAYS (two cache lines), the most recently used first.  An
 * entry holds a word as written and its stem: the word's first eight
 * bytes as one number (so that a short word compares in one step and
 * needs no stored hash), then the stem at a fixed place (so that the
 * writer copies it whole), then the word's bytes past eight.
 */
#ifndef GLEAN_STEMCACHE_H
#define GLEAN_STEMCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"
#include "tok.h"

#define GLEAN_STEM_SET_BITS 14	/* 2^14 sets */
#define GLEAN_STEM_WAYS 4
#define GLEAN_STEM_SLOTS (GLEAN_STEM_WAYS << GLEAN_STEM_SET_BITS)
#define GLEAN_STEM_KV 22	/* the stem and the word past 8 bytes */
#define GLEAN_STEM_MAX 64	/* longer words are not worth stemming */

struct glean_stem_entry {
	uint64_t head;		/* the word's first 8 bytes, zero-padded;
				 * 0 with klen 0: an empty entry */
	uint8_t klen, slen;	/* the word's length, the stem's */
	char kv[GLEAN_STEM_KV];	/* the stem, then the word from byte 8 */
};

_Static_assert(sizeof(struct glean_stem_entry) == 32,
    "a set is two cache lines");

/* The cache (tok.c), aligned to its sets, with 128 bytes readable past
 * its end; NULL until glean_tok_stems_ready. */
extern struct glean_stem_entry *glean_stem_cache;

/* glean_stem_masks[n]: the first n bytes of eight read as one number
 * (n <= 8). */
extern const uint64_t glean_stem_masks[9];

/* glean_stem_head at the end of a buffer, out of line (tok.c). */
uint64_t glean_stem_head_end(const char *w, size_t n);

/*
 * The first min(n, 8) bytes of w[0..n), n > 0, as a number, the rest
 * zero, in the same memory order whichever way it is read.  Eight bytes
 * are read at once when w + 8 <= lim.
 */
static inline uint64_t
glean_stem_head(const char *w, size_t n, const char *lim)
{
	uint64_t x;

	if (w + 8 > lim)
		return glean_stem_head_end(w, n);
	memcpy(&x, w, 8);
	return n >= 8 ? x : x & glean_stem_masks[n];
}

/*
 * The cache hash of the word w[0..n), head its glean_stem_head: never 0.
 * A word of up to eight bytes (holding no NUL) is told by its head
 * alone, so it is hashed by one multiply, whose top bits choose its set.
 */
static inline uint32_t
glean_stem_hash(uint64_t head, const char *w, size_t n, const char *lim)
{
	if (n > 8)
		return glean_hash8(w, n, lim) | 1;
	return (uint32_t)((head * 0x9E3779B97F4A7C15ull) >> 32) | 1;
}

/* The set of the words of hash h in cache (glean_stem_cache): its top
 * bits. */
static inline struct glean_stem_entry *
glean_stem_set_in(struct glean_stem_entry *cache, uint32_t h)
{
	return &cache[(size_t)(h >> (32 - GLEAN_STEM_SET_BITS)) *
	    GLEAN_STEM_WAYS];
}

/* The set of the words of hash h. */
static inline struct glean_stem_entry *
glean_stem_set(uint32_t h)
{
	return glean_stem_set_in(glean_stem_cache, h);
}

/* Are the n > 0 bytes at k those at w?  Eight at a time: k may be read
 * past them (the cache has room), w up to lim. */
static inline int
glean_stem_tail_eq(const char *k, const char *w, size_t n, const char *lim)
{
	uint64_t a, b;

	for (; n > 8; n -= 8, k += 8, w += 8) {
		memcpy(&a, k, 8);
		memcpy(&b, w, 8);
		if (a != b)
			return 0;
	}
	if (w + 8 <= lim) {
		memcpy(&a, k, 8);
		memcpy(&b, w, 8);
		return ((a ^ b) & glean_stem_masks[n]) == 0;
	}
	for (; n > 0; n--)
		if (*k++ != *w++)
			return 0;
	return 1;
}

/* Is entry e the word w[0..n) of head head (readable up to lim)? */
static inline int
glean_stem_is(const struct glean_stem_entry *e, uint64_t head,
    const char *w, size_t n, const char *lim)
{
	if (e->head != head || e->klen != n)
		return 0;
	return n <= 8 || glean_stem_tail_eq(e->kv + e->slen, w + 8, n - 8,
	    lim);
}

/*
 * Is word token t one or two ASCII characters?  Snowball English leaves
 * such words as they are (checked against libstemmer for every letter
 * followed by a letter, digit, ' or -), so their stem is their lower
 * case and costs no lookup.
 */
static inline int
glean_stem_tiny(const char *text, const struct glean_tok *t)
{
	return t->be - t->bs <= 2 && (unsigned char)text[t->bs] < 0x80 &&
	    (unsigned char)text[t->be - 1] < 0x80 &&
	    !(t->flags & (GLEAN_TOKF_ABBR | GLEAN_TOKF_CLITIC));
}

/* Can token t be stemmed through the cache? */
static inline int
glean_stem_cacheable(const struct glean_tok *t)
{
	return !(t->flags & (GLEAN_TOKF_ABBR | GLEAN_TOKF_CLITIC)) &&
	    t->be - t->bs <= GLEAN_STEM_MAX;
}

/* A word's way into the cache: its head and its set; set NULL when its
 * stem does not go through the cache. */
struct glean_stem_probe {
	uint64_t head;
	const struct glean_stem_entry *set;
};

/*
 * The probe of token t in cache (glean_stem_cache), text readable up to
 * lim: when t is a word whose stem goes through the cache, its head and
 * set, the set's first line (the most recently used entries)
 * prefetched; else set NULL.
 */
static inline __attribute__((always_inline)) struct glean_stem_probe
glean_stem_prefetch(struct glean_stem_entry *cache, const char *text,
    const struct glean_tok *t, const char *lim)
{
	struct glean_stem_probe pr = { 0, NULL };
	const char *w = text + t->bs;
	size_t n = t->be - t->bs;

	if (t->kind != GLEAN_TOK_WORD || !glean_stem_cacheable(t) ||
	    (n <= 2 && glean_stem_tiny(text, t)))
		return pr;
	pr.head = glean_stem_head(w, n, lim);
	pr.set = glean_stem_set_in(cache, glean_stem_hash(pr.head, w, n,
	    lim));
	__builtin_prefetch(pr.set);
	return pr;
}

#endif
