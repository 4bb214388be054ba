/* See LICENSE file for copyright and license details. */
/*
 * map.c - string maps (open addressing, owned keys) and interned strings
 * kept in an arena.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* Sixteen bytes a step in two lanes, the last bytes as one word (read
 * again where they overlap): fact keys are long.  Only this run's
 * tables use the hash, so it may change freely. */
uint64_t
hash_mem(const char *s, size_t n)
{
	const uint64_t k1 = 0x9E3779B97F4A7C15u, k2 = 0xC2B2AE3D27D4EB4Fu;
	uint64_t a = n, b = ~(uint64_t)n, w, x;
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		memcpy(&w, s + i, 8);
		memcpy(&x, s + i + 8, 8);
		a = (a ^ w) * k1;
		b = (b ^ x) * k2;
		a ^= a >> 29;
		b ^= b >> 31;
	}
	if (i + 8 <= n) {
		memcpy(&w, s + i, 8);
		a = (a ^ w) * k1;
		a ^= a >> 29;
		i += 8;
	}
	w = 0;
	if (i < n && n >= 8)
		memcpy(&w, s + n - 8, 8);
	else
		for (; i < n; i++)
			w = w << 8 | (unsigned char)s[i];
	a = (a ^ w ^ b * k2) * k1;
	return a ^ a >> 32;
}

/* The slot of key k[0..n) (no NUL inside) in tab, or the empty slot
 * where it would go.  The hash and the length are compared first, so
 * a key's bytes are read only when it is almost surely the one: a key
 * of 2^32 bytes or more compares with strcmp past the saturated len. */
static struct slot *
map_probe(struct slot *tab, size_t cap, const char *k, size_t n, uint32_t h)
{
	size_t i = (size_t)h & (cap - 1);
	uint32_t l = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;

	for (; tab[i].key; i = (i + 1) & (cap - 1))
		if (tab[i].hash == h && tab[i].len == l &&
		    !memcmp(tab[i].key, k, l) && (l < UINT32_MAX ||
		    !strcmp(tab[i].key, k)))
			break;
	return &tab[i];
}

/* The table of m twice as big (16 slots when it has none); a slot's
 * place comes from its hash alone, so no key is read. */
static void
map_grow(struct map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 16, i, j;
	struct slot *tab = glean_calloc(cap, sizeof(*tab));

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key) {
			for (j = (size_t)m->slot[i].hash & (cap - 1);
			    tab[j].key; j = (j + 1) & (cap - 1))
				;
			tab[j] = m->slot[i];
		}
	free(m->slot);
	m->slot = tab;
	m->cap = cap;
}

/*
 * The slot of key k[0..n) (a string: no NUL inside) in m, hash_mem(k, n)
 * being hash (a slot keeps its low half, which the table's index is
 * taken from: a table never has 2^32 slots).  When it is absent: NULL,
 * or with add a new slot holding a NUL-terminated copy of it and a NULL
 * value.
 */
struct slot *
map_findh(struct map *m, const char *k, size_t n, uint64_t hash, int add)
{
	uint32_t h = (uint32_t)hash;
	struct slot *sl;

	if (!m->cap) {
		if (!add)
			return NULL;
		map_grow(m);
	}
	sl = map_probe(m->slot, m->cap, k, n, h);
	if (sl->key || !add)
		return sl->key ? sl : NULL;
	if (2 * (m->n + 1) > m->cap) {
		map_grow(m);
		sl = map_probe(m->slot, m->cap, k, n, h);
	}
	sl->key = m->arena ? glean_arena_strndup(m->arena, k, n) :
	    glean_strndup(k, n);
	sl->hash = h;
	sl->len = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
	m->n++;
	return sl;
}

/* map_findh() of k[0..n), its hash worked out. */
struct slot *
map_findn(struct map *m, const char *k, size_t n, int add)
{
	return map_findh(m, k, n, hash_mem(k, n), add);
}

/* map_findn() of the C string k. */
struct slot *
map_find(struct map *m, const char *k, int add)
{
	return map_findn(m, k, strlen(k), add);
}

/* k made for the string s and its object obj (see struct sortkey). */
void
sortkey_set(struct sortkey *k, const char *s, void *obj)
{
	size_t i, n = strnlen(s, 8 * SORTKEY_WORDS);

	for (i = 0; i < SORTKEY_WORDS; i++)
		k->w[i] = 0;
	for (i = 0; i < n; i++)
		k->w[i / 8] |= (uint64_t)(unsigned char)s[i] << (56 - i % 8 * 8);
	k->s = s;
	k->obj = obj;
}

/*
 * Two sort keys (struct sortkey) in strcmp's order of their strings:
 * the words are the first bytes as unsigned numbers, zero past the end
 * (which sorts first, as the NUL does), so equal words with a zero last
 * byte are equal strings, and otherwise the rest decides.
 */
int
sortkey_cmp(const void *a, const void *b)
{
	const struct sortkey *x = a, *y = b;
	size_t i;

	for (i = 0; i < SORTKEY_WORDS; i++)
		if (x->w[i] != y->w[i])
			return x->w[i] < y->w[i] ? -1 : 1;
	if (!(x->w[SORTKEY_WORDS - 1] & 0xff))
		return 0;
	return strcmp(x->s + 8 * SORTKEY_WORDS, y->s + 8 * SORTKEY_WORDS);
}

/* The slots of m in byte order of their keys; caller frees the array. */
struct slot **
map_sorted(const struct map *m)
{
	struct slot **v = glean_calloc(m->n + 1, sizeof(*v));
	struct sortkey *k = glean_calloc(m->n + 1, sizeof(*k));
	size_t i, n = 0;

	for (i = 0; i < m->cap; i++) {
		/* the keys lie apart: ask for one eight slots ahead */
		if (i + 8 < m->cap && m->slot[i + 8].key)
			__builtin_prefetch(m->slot[i + 8].key);
		if (m->slot[i].key)
			sortkey_set(&k[n++], m->slot[i].key, &m->slot[i]);
	}
	qsort(k, n, sizeof(*k), sortkey_cmp);
	for (i = 0; i < n; i++)
		v[i] = k[i].obj;
	free(k);
	return v;
}

/* Free m's keys (unless they are in its arena) and table; each value
 * is given to free_val first.  m keeps its arena. */
void
map_free(struct map *m, void (*free_val)(void *))
{
	struct glean_arena *a = m->arena;
	size_t i;

	for (i = 0; (free_val || !a) && i < m->cap; i++)
		if (m->slot[i].key) {
			if (free_val)
				free_val(m->slot[i].val);
			if (!a)
				free(m->slot[i].key);
		}
	free(m->slot);
	*m = (struct map){ .arena = a };
}

static struct ientry *
intern_probe(struct ientry *t, size_t cap, const char *k, size_t len,
    uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (t[i].key && (t[i].hash != h || t[i].len != len ||
	    memcmp(t[i].key, k, len)))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

/* The entry of k[0..len) in it, added (obj NULL, the key copied into
 * a) when new; h is hash_mem(k, len). */
struct ientry *
intern_h(struct intern *it, struct glean_arena *a, const char *k,
    size_t len, uint64_t h)
{
	struct ientry *e, *old = it->t;
	size_t i, cap = it->cap;

	if (2 * (it->n + 1) > it->cap) {
		it->cap = cap ? 2 * cap : 64;
		it->t = glean_calloc(it->cap, sizeof(*it->t));
		for (i = 0; i < cap; i++)
			if (old[i].key)
				*intern_probe(it->t, it->cap, old[i].key,
				    old[i].len, old[i].hash) = old[i];
		free(old);
	}
	e = intern_probe(it->t, it->cap, k, len, h);
	if (!e->key) {
		e->key = glean_arena_strndup(a, k, len);
		e->len = len;
		e->hash = h;
		it->n++;
	}
	return e;
}

/* intern_h() of k[0..len), its hash worked out. */
struct ientry *
intern(struct intern *it, struct glean_arena *a, const char *k,
    size_t len)
{
	return intern_h(it, a, k, len, hash_mem(k, len));
}

/* Free the table of it (its keys live in their arena). */
void
intern_free(struct intern *it)
{
	free(it->t);
	*it = (struct intern){ 0 };
}
