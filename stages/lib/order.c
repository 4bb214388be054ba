/* See LICENSE file for copyright and license details. */
/*
 * order.c - sorting offsets and remembering where each came from: the
 * one way the stages order spans of a layer by start or by end while
 * keeping, among equal offsets, the order of the layer.
 */
#include <stdlib.h>

#include "glean.h"

struct keyed {
	size_t key, pos;
};

/* By key, then by place before the sort: a total order, so qsort gives
 * the same result whatever its method. */
static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void
glean_sort_keys(size_t *key, size_t *pos, size_t n)
{
	struct keyed *v;
	size_t i;

	for (i = 1; i < n && key[i - 1] <= key[i]; i++)
		;
	if (i >= n) {	/* already in order (spans mostly come so) */
		for (i = 0; i < n; i++)
			pos[i] = i;
		return;
	}
	v = glean_malloc(n * sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = (struct keyed){ key[i], i };
	qsort(v, n, sizeof *v, keyed_cmp);
	for (i = 0; i < n; i++) {
		key[i] = v[i].key;
		pos[i] = v[i].pos;
	}
	free(v);
}
