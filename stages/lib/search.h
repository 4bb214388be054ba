/* See LICENSE file for copyright and license details. */
/*
 * search.h - the lower bound of a sorted array, written once: the first
 * element not less than a key.  Inline, so that a comparison known where
 * it is called costs no call (the stages search in hot loops).
 */
#ifndef GLEAN_SEARCH_H
#define GLEAN_SEARCH_H

#include <stddef.h>

/*
 * The index of the first of the n elements of size bytes at base for
 * which before(key, element) is false, n when there is none.  The
 * elements must be ordered so that before() is true of a prefix of them
 * and false of the rest ("element < key": the lower bound; "element <=
 * key": the upper bound).
 */
static inline size_t
glean_lower_bound(const void *key, const void *base, size_t n, size_t size,
    int (*before)(const void *key, const void *element))
{
	const char *a = base;
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (before(key, a + mid * size))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif
