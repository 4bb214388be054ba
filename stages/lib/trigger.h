/* See LICENSE file for copyright and license details. */
/*
 * trigger.h - trigger words: a stage that finds its expressions only
 * near certain words (a month name, a currency name) files each word,
 * lower-cased, with a set of bits the stage gives it (the classes of
 * windows the word opens, the patterns it can be part of), and looks
 * every word of the text up in one pass.  A table of the length, first,
 * second and last letter of every word says no to most words of a text
 * before any hashing ("the" is not "tue").  The windows around the
 * words are in window.h.
 */
#ifndef GLEAN_TRIGGER_H
#define GLEAN_TRIGGER_H

#include <stddef.h>
#include <stdint.h>

/* Words of GLEAN_TRIGGER_MAX letters or more are never trigger words;
 * a table holds at most GLEAN_TRIGGER_SLOTS words. */
enum { GLEAN_TRIGGER_MAX = 24, GLEAN_TRIGGER_SLOTS = 4096 };

struct glean_triggers {
	struct glean_trigger {
		char w[GLEAN_TRIGGER_MAX];	/* lower case; "": free */
		unsigned bits;
	} slot[GLEAN_TRIGGER_SLOTS];	/* open addressing */
	/* [length][first letter][last letter], a letter by its low five
	 * bits (the same in both cases): bit glean_trigger_second of the
	 * second byte of each word filed there */
	uint32_t pre[GLEAN_TRIGGER_MAX][32][32];
	/* [length][first letter]: bit (last letter & 31) of each word
	 * filed there; 3 KB, looked at first (most words stop here) */
	uint32_t last[GLEAN_TRIGGER_MAX][32];
};

/* Make tw an empty table (it holds no memory of its own: nothing to
 * free). */
void glean_triggers_init(struct glean_triggers *tw);

/*
 * File the word w[0..n) of ASCII letters (any case) with bits, added to
 * the bits it has.  A word of no letters or GLEAN_TRIGGER_MAX or more,
 * or one that finds the table full, is not filed.
 */
void glean_trigger_add(struct glean_triggers *tw, const char *w, size_t n,
    unsigned bits);

/* File the longest word of letters of form (the first of the longest)
 * with bits, as glean_trigger_add.  Returns its length, 0 for none. */
size_t glean_trigger_add_longest(struct glean_triggers *tw, const char *form,
    unsigned bits);

/* The bits of the word w[0..n) (any case), 0 when it is not filed. */
unsigned glean_trigger_find(const struct glean_triggers *tw, const char *w,
    size_t n);

/* The bit of pre for the second byte of w[0..n) (the first when n is
 * 1): the same for both cases of a letter, and some bit for any byte. */
static inline uint32_t
glean_trigger_second(const char *w, size_t n)
{
	return (uint32_t)1 << (w[n > 1] & 31);
}

/* Could the word w[0..n) (n > 0) be filed?  No for most words, at the
 * cost of one table read. */
static inline int
glean_trigger_maybe(const struct glean_triggers *tw, const char *w, size_t n)
{
	return n < GLEAN_TRIGGER_MAX &&
	    (tw->last[n][w[0] & 31] >> (w[n - 1] & 31) & 1) &&
	    (tw->pre[n][w[0] & 31][w[n - 1] & 31] & glean_trigger_second(w, n));
}

#endif
