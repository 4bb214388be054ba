/* See LICENSE file for copyright and license details. */
/*
 * names.c - one person, one name: a later "Ms Smith" or "Smith" takes
 * the full name of the first mention, and shares its role and
 * organisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/*
 * A small string -> entity map for one document, so that resolving
 * people stays linear in their number (a 50 MB document has many).
 */
struct smap_slot {
	const char *key;	/* NULL: empty */
	size_t len;
	long val;
};

struct smap {
	size_t mask;
	struct smap_slot *slot;
	const char *lim;	/* keys lie in a buffer ending here, or NULL */
	uint64_t first[4];	/* first bytes of the keys: most words of a
				 * text are no key, and fail here */
};

/* A map for n keys; lim as for glean_hash8(), or NULL.  Its slots are
 * in d's string arena: they go with the document. */
static void
smap_init(struct smap *m, const struct doc *d, size_t n, const char *lim)
{
	m->lim = lim;
	memset(m->first, 0, sizeof m->first);
	for (m->mask = 16; m->mask < 2 * n; m->mask *= 2)
		;
	m->slot = glean_arena_alloc(d->strs, m->mask * sizeof *m->slot);
	memset(m->slot, 0, m->mask * sizeof *m->slot);
	m->mask--;
}

/* The slot of key k[0..n): its own, or the empty one it would take. */
static struct smap_slot *
smap_slot(const struct smap *m, const char *k, size_t n)
{
	size_t h;

	for (h = glean_hash8(k, n, m->lim ? m->lim : k + n) & m->mask;
	    m->slot[h].key; h = (h + 1) & m->mask)
		if (m->slot[h].len == n && memcmp(m->slot[h].key, k, n) == 0)
			break;
	return &m->slot[h];
}

/* The value of k, or -1. */
static long
smap_get(const struct smap *m, const char *k, size_t n)
{
	const struct smap_slot *sl;
	unsigned char b = n ? (unsigned char)k[0] : 0;

	if (!(m->first[b / 64] >> (b % 64) & 1))
		return -1;
	sl = smap_slot(m, k, n);
	return sl->key ? sl->val : -1;
}

/* Set k to v unless it has a value already (the first wins). */
static void
smap_first(struct smap *m, const char *k, size_t n, long v)
{
	struct smap_slot *sl = smap_slot(m, k, n);
	unsigned char b = n ? (unsigned char)k[0] : 0;

	if (!sl->key) {
		sl->key = k;
		sl->len = n;
		sl->val = v;
		m->first[b / 64] |= 1ull << (b % 64);
	}
}

/*
 * Bare surnames of people named in full elsewhere: "Marchant said".  A
 * capitalised word opening a sentence counts only before a verb such as
 * "said" (class stop in roles.tsv), lest "Green spaces" be a mention.
 */
void
find_surnames(struct doc *d)
{
	struct smap last;
	size_t ci, k, i, len, np = 0, ne = d->ne;
	const char *w;
	struct ent *e;
	long j;

	for (k = 0; k < ne; k++)
		np += d->e[k].kind == K_PERSON && d->e[k].strong &&
		    d->e[k].t1 - d->e[k].n0 >= 2;
	if (np == 0)
		return;
	smap_init(&last, d, np, d->s + d->n);	/* surnames: text */
	for (k = 0; k < ne; k++) {
		e = &d->e[k];
		if (e->kind == K_PERSON && e->strong && e->t1 - e->n0 >= 2) {
			w = ttext(d, e->t1 - 1, &len);
			smap_first(&last, w, len, (long)k);
		}
	}
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!free_tok(d, i) || !is_capword(d, i))
			continue;
		w = ttext(d, i, &len);
		if ((j = smap_get(&last, w, len)) < 0)
			continue;
		if (sent_initial(d, i) && !(i + 1 < d->tk->n &&
		    d->ti[i + 1].sent == d->ti[i].sent &&
		    role_class(d, i + 1) == R_STOP))
			continue;
		/* not the first name of someone else: "Marchant Smith" */
		if (is_capword(d, i + 1) && d->ti[i + 1].sent == d->ti[i].sent)
			continue;
		e = add_ent(d, i, i + 1, K_PERSON);
		e->canonical = d->e[j].canonical;
	}
}

/* A surname alone ("Ms Marchant") takes the canonical name of the
 * first full name it ends. */
static void
full_names(struct doc *d, size_t np)
{
	struct smap last;
	size_t k, len;
	struct ent *e;
	const char *w;
	long j;

	smap_init(&last, d, np, d->s + d->n);	/* surnames: text */
	/* surnames of the full names, first mention first */
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind == K_PERSON && e->t1 - e->n0 >= 2) {
			w = ttext(d, e->t1 - 1, &len);
			smap_first(&last, w, len, (long)k);
		}
	}
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON || e->t1 - e->n0 != 1)
			continue;
		w = ttext(d, e->n0, &len);
		if ((j = smap_get(&last, w, len)) >= 0) {
			e->canonical = d->e[j].canonical;
		}
	}
}

/* "Ms Marchant" -> "Clare Marchant"; roles shared between mentions. */
void
resolve_people(struct doc *d)
{
	struct smap role, anyrole, org;
	size_t k, len, np = 0;
	struct ent *e;
	long j;

	for (k = 0; k < d->ne; k++)
		np += d->e[k].kind == K_PERSON;
	if (np == 0)
		return;
	full_names(d, np);
	smap_init(&role, d, np, NULL);		/* canonical names */
	smap_init(&anyrole, d, np, NULL);
	smap_init(&org, d, np, NULL);
	/* the first explicit role wins, else the first title's role */
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON)
			continue;
		len = strlen(e->canonical);
		if (e->explicit_role)
			smap_first(&role, e->canonical, len, (long)k);
		if (e->role)
			smap_first(&anyrole, e->canonical, len, (long)k);
		if (e->org)
			smap_first(&org, e->canonical, len, (long)k);
	}
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON || e->explicit_role)
			continue;
		len = strlen(e->canonical);
		if ((j = smap_get(&role, e->canonical, len)) < 0)
			j = e->role ? -1 : smap_get(&anyrole, e->canonical,
			    len);
		if (j >= 0 && (size_t)j != k) {
			e->role = d->e[j].role;
		}
		if (!e->org && (j = smap_get(&org, e->canonical, len)) >= 0)
			e->org = d->e[j].org;
	}
}
