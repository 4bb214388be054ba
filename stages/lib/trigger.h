/* See LICENSE file for copyright and license details. */
/*
 * trigger.h - trigger words: a stage that finds its expressions only
 * near certain words (a month name, a currency name) files each word,
 * lower-cased, with a set of bits the stage gives it (the classes of
 * windows the word opens, the patterns it can be part of), and looks
 * every word of the text up in one pass.  A table of the length, first
 * and last letter of every word says no to most words of a text before
 * any hashing.  The windows around the words are in window.h.
 */
#ifndef GLEAN_TRIGGER_H
#define GLEAN_TRIGGER_H

#include <stddef.h>

/* Words of GLEAN_TRIGGER_MAX letters or more are never trigger words;
 * a table holds at most GLEAN_TRIGGER_SLOTS words. */
enum { GLEAN_TRIGGER_MAX = 24, GLEAN_TRIGGER_SLOTS = 4096 };

struct glean_triggers {
	struct glean_trigger {
		char w[GLEAN_TRIGGER_MAX];	/* lower case; "": free */
		unsigned bits;
	} slot[GLEAN_TRIGGER_SLOTS];	/* open addressing */
	/* [length][first letter][last letter]: some word is filed */
	unsigned char pre[GLEAN_TRIGGER_MAX][26][26];
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

/* Could the word w[0..n) of ASCII letters (n > 0) be filed?  No for
 * most words, at the cost of one table read. */
static inline int
glean_trigger_maybe(const struct glean_triggers *tw, const char *w, size_t n)
{
	return n < GLEAN_TRIGGER_MAX && tw->pre[n][(w[0] | 0x20) - 'a']
	    [(w[n - 1] | 0x20) - 'a'];
}

#endif
