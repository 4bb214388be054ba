/* See LICENSE file for copyright and license details. */
/*
 * dict.h - the word set (dict.c) and the phrase index (phrases.c),
 * written once: a set of words, each with an int and an optional
 * string, behind a hash index and two cheap "surely not" filters; and
 * phrases of tokens indexed by their first token.  The lookups are inline: a stage asks
 * them of every word of a text.
 *
 * Use: glean_dict_add() every key, then glean_dict_sort() (or
 * glean_dict_sort_unique(), or glean_dict_index() to keep the order
 * added), then glean_dict_find().  The first of equal keys is found.
 */
#ifndef GLEAN_DICT_H
#define GLEAN_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"

struct glean_abbrevs;

/* A slot of a dict's hash index: small, for the index is read for
 * every capitalised word and is seldom in the cache. */
struct glean_dict_slot {
	uint32_t hash;
	uint32_t idx;		/* key index + 1; 0 for an empty slot */
};

/* A set of words with an int value and an optional string each. */
struct glean_dict {
	size_t n, cap;
	char **key;
	int *val;
	char **str;
	uint32_t *len;		/* of the keys, when indexed */
	struct glean_dict_slot *ht;	/* hash index */
	size_t hmask;
	/* by first byte, a bit for each key length (63: 63 or more): most
	 * lookups fail here, before any hashing */
	uint64_t lens[256];
	/* a bit for each key's first three bytes and length (see
	 * glean_dict_sketch_bit), 32 bits a key: a lookup that fails here
	 * reads no more than this */
	uint64_t *sketch;
	unsigned sketch_shift;
};

/* A phrase: its tokens (copies), the value and flags its table gave. */
struct glean_phrase {
	size_t ntok;
	char **tok;
	int val;
	int flags;
};

/* Phrases sorted by first token, the longest first among those. */
struct glean_phrases {
	size_t n, cap;
	struct glean_phrase *p;
	struct glean_dict first;	/* first token -> its first phrase */
	size_t *end;		/* per key of first: after its last phrase */
};

/* Add key (copied) with val and str (copied, or NULL); not yet found. */
void glean_dict_add(struct glean_dict *d, const char *key, int val,
    const char *str);
/* Index d in the order added, so lookups cost one probe. */
void glean_dict_index(struct glean_dict *d);
/* Sort d by key (byte order; equal keys in no set order), and index. */
void glean_dict_sort(struct glean_dict *d);
/* Sort d and keep one of each key (values are not merged), and index. */
void glean_dict_sort_unique(struct glean_dict *d);
/* Add the keys of from to d, with value 0 and no string. */
void glean_dict_add_keys(struct glean_dict *d, const struct glean_dict *from);
/* Free d; empty (zeroed) after. */
void glean_dict_free(struct glean_dict *d);

/*
 * Add the phrase text, split into tokens by glean_tokenize (with the
 * abbreviations ab), with val and flags to ph; a text of no tokens is
 * left out.  glean_phrases_index() after the last.
 */
void glean_phrase_add(struct glean_phrases *ph, const char *text, int val,
    int flags, const struct glean_abbrevs *ab);
/* Sort ph by first token (longest first) and index the first tokens. */
void glean_phrases_index(struct glean_phrases *ph);
/* Free ph; empty (zeroed) after. */
void glean_phrases_free(struct glean_phrases *ph);

/* The bit of w[0..n) in a sketch of 2^(32 - shift) bits. */
static inline uint32_t
glean_dict_sketch_bit(const char *w, size_t n, unsigned shift)
{
	uint32_t x = (uint32_t)n & 0xff;

	if (n > 0)
		x |= (uint32_t)(unsigned char)w[0] << 8;
	if (n > 1)
		x |= (uint32_t)(unsigned char)w[1] << 16;
	if (n > 2)
		x |= (uint32_t)(unsigned char)w[2] << 24;
	return (x * 0x9E3779B1u) >> shift;
}

/* Does a key of d begin with w[0] and have w's length?  No means no: the
 * first filter of glean_dict_may_hold, alone. */
static inline int
glean_dict_may_hold_len(const struct glean_dict *d, const char *w, size_t n)
{
	return n == 0 ||
	    (d->lens[(unsigned char)w[0]] >> (n < 63 ? n : 63) & 1);
}

/* Is the sketch bit of w[0..n) set?  No means no: the second filter of
 * glean_dict_may_hold, alone. */
static inline int
glean_dict_sketch_has(const struct glean_dict *d, const char *w, size_t n)
{
	uint32_t h = glean_dict_sketch_bit(w, n, d->sketch_shift);

	return d->sketch[h / 64] >> (h % 64) & 1;
}

/* May w[0..n) be a key of d?  No means no; the cheap half of a lookup. */
static inline int
glean_dict_may_hold(const struct glean_dict *d, const char *w, size_t n)
{
	return glean_dict_may_hold_len(d, w, n) &&
	    glean_dict_sketch_has(d, w, n);
}

/* Index of w[0..n) in d, or -1, when glean_dict_may_hold said yes (the
 * costly half of a lookup, for a caller that asked that itself); bytes of
 * w up to lim may be read. */
static inline long
glean_dict_probe(const struct glean_dict *d, const char *w, size_t n,
    const char *lim)
{
	const struct glean_dict_slot *sl;
	uint32_t hw;
	size_t h;

	hw = glean_hash8(w, n, lim);
	for (h = hw & d->hmask; (sl = &d->ht[h])->idx; h = (h + 1) & d->hmask)
		if (sl->hash == hw && d->len[sl->idx - 1] == n &&
		    memcmp(d->key[sl->idx - 1], w, n) == 0)
			return (long)(sl->idx - 1);
	return -1;
}

/* Index of w[0..n) in d, or -1; bytes of w up to lim may be read. */
static inline long
glean_dict_find_in(const struct glean_dict *d, const char *w, size_t n,
    const char *lim)
{
	if (!glean_dict_may_hold(d, w, n))
		return -1;
	return glean_dict_probe(d, w, n, lim);
}

/* Index of w[0..n) in d, or -1. */
static inline long
glean_dict_find(const struct glean_dict *d, const char *w, size_t n)
{
	return glean_dict_find_in(d, w, n, w + n);
}

#endif
