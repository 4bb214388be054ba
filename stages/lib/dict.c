/* See LICENSE file for copyright and license details. */
/*
 * dict.c - the word set (see dict.h): a dict of words (with an int and
 * a string each) behind a hash index and two cheap "surely not"
 * filters.  The phrase index over it is phrases.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "glean.h"

void
glean_dict_add(struct glean_dict *d, const char *key, int val, const char *str)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->key = glean_realloc(d->key, d->cap * sizeof *d->key);
		d->val = glean_realloc(d->val, d->cap * sizeof *d->val);
		d->str = glean_realloc(d->str, d->cap * sizeof *d->str);
	}
	d->key[d->n] = glean_strdup(key);
	d->val[d->n] = val;
	d->str[d->n] = str ? glean_strdup(str) : NULL;
	d->n++;
}

/* Index d by hash: lookups cost one probe.  The first of equal keys
 * wins. */
void
glean_dict_index(struct glean_dict *d)
{
	size_t i, h, len;
	uint32_t hk;

	for (d->hmask = 16; d->hmask < 2 * d->n; d->hmask *= 2)
		;
	free(d->ht);
	free(d->len);
	d->ht = glean_calloc(d->hmask, sizeof *d->ht);
	d->len = glean_calloc(d->n + 1, sizeof *d->len);
	d->hmask--;
	memset(d->lens, 0, sizeof d->lens);
	free(d->sketch);
	for (d->sketch_shift = 32 - 12; d->sketch_shift > 32 - 30 &&
	    (1u << (32 - d->sketch_shift)) < 32 * d->n; d->sketch_shift--)
		;
	d->sketch = glean_calloc(((size_t)1 << (32 - d->sketch_shift)) / 64,
	    sizeof *d->sketch);
	for (i = 0; i < d->n; i++) {
		len = strlen(d->key[i]);
		d->lens[(unsigned char)d->key[i][0]] |= 1ull << (len < 63 ?
		    len : 63);
		d->len[i] = (uint32_t)len;
		h = glean_dict_sketch_bit(d->key[i], len, d->sketch_shift);
		d->sketch[h / 64] |= 1ull << (h % 64);
		hk = glean_hash8(d->key[i], len, d->key[i] + len + 1);
		for (h = hk & d->hmask; d->ht[h].idx; h = (h + 1) & d->hmask)
			if (strcmp(d->key[d->ht[h].idx - 1], d->key[i]) == 0)
				break;
		if (!d->ht[h].idx) {
			d->ht[h].hash = hk;
			d->ht[h].idx = (uint32_t)(i + 1);
		}
	}
}

/* qsort_r order of the key indices a and b of dict d. */
static int
cmp_idx(const void *a, const void *b, void *d)
{
	const struct glean_dict *dict = d;

	return strcmp(dict->key[*(const size_t *)a],
	    dict->key[*(const size_t *)b]);
}

/* The n elements of size bytes at a (freed) in a fresh array, element
 * i the old element idx[i]. */
static void *
permuted(void *a, const size_t *idx, size_t n, size_t size)
{
	char *out = glean_malloc(n * size);
	size_t i;

	for (i = 0; i < n; i++)
		memcpy(out + i * size, (char *)a + idx[i] * size, size);
	free(a);
	return out;
}

void
glean_dict_sort(struct glean_dict *d)
{
	size_t *idx, i;

	if (d->n == 0) {
		glean_dict_index(d);
		return;
	}
	idx = glean_malloc(d->n * sizeof *idx);
	for (i = 0; i < d->n; i++)
		idx[i] = i;
	qsort_r(idx, d->n, sizeof *idx, cmp_idx, d);
	d->key = permuted(d->key, idx, d->n, sizeof *d->key);
	d->val = permuted(d->val, idx, d->n, sizeof *d->val);
	d->str = permuted(d->str, idx, d->n, sizeof *d->str);
	free(idx);
	glean_dict_index(d);
}

/* Sort d and keep one of each key (the values are not merged: callers
 * set them from other dicts). */
void
glean_dict_sort_unique(struct glean_dict *d)
{
	size_t i, n = 0;

	glean_dict_sort(d);
	for (i = 0; i < d->n; i++) {
		if (n > 0 && strcmp(d->key[i], d->key[n - 1]) == 0) {
			free(d->key[i]);
			free(d->str[i]);
			continue;
		}
		d->key[n] = d->key[i];
		d->val[n] = d->val[i];
		d->str[n] = d->str[i];
		n++;
	}
	d->n = n;
	glean_dict_index(d);
}

void
glean_dict_add_keys(struct glean_dict *d, const struct glean_dict *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		glean_dict_add(d, from->key[i], 0, NULL);
}

void
glean_dict_free(struct glean_dict *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->key[i]);
		free(d->str[i]);
	}
	free(d->key);
	free(d->val);
	free(d->str);
	free(d->ht);
	free(d->len);
	free(d->sketch);
	memset(d, 0, sizeof *d);
}
