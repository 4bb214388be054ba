/* See LICENSE file for copyright and license details. */
/*
 * sources.c - the sources of facts: interned documents and attributes,
 * their canonical order, and their JSON as the record writes it.
 *
 * Sources are many (one per fact per article, millions in a hostile
 * document) and mostly alike, so a source is four words: its document
 * and its other attributes are interned, each kept once in key_arena
 * however many sources share it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

static const char *const group_names[NGROUP][2] = {
	{ "when", NULL }, { "context", NULL }, { "role", NULL },
	{ "speaker", "kind" }
};

/* The docref of document id. */
static const struct docref *
docref(struct merge *mg, const char *id)
{
	struct ientry *e;
	struct glean_buf *b = &mg->key;
	struct docref *d;

	if (mg->last_id && !strcmp(mg->last_id, id))
		return mg->last_ref;
	e = intern(&mg->docrefs, &mg->keys, id, strlen(id));
	mg->last_id = e->key;
	if ((d = e->obj))
		return mg->last_ref = d;
	d = e->obj = glean_arena_alloc(&mg->keys, sizeof(*d));
	mg->last_ref = d;
	/* both texts in one block, so that a docref is two words */
	glean_buf_reset(b);
	key_part(b, id, 0);
	buf_addc(b, '\0');
	d->json_at = (uint32_t)b->len;
	put_str(b, id);
	d->json_len = (uint32_t)(b->len - d->json_at);
	d->key = glean_arena_strndup(&mg->keys, b->s, b->len);
	return d;
}

/* The interned attributes json[0..len) (a compact JSON object, keys in
 * byte order, hash_mem's hash h) of a source whose fact groups by group,
 * with the grouping values v0 and v1 (NULL when not strings). */
const struct attrs *
attrs_h(struct merge *mg, int group, const char *json, size_t len,
    uint64_t h, const char *v0, const char *v1)
{
	struct ientry *e = intern_h(&mg->attr_sets[group], &mg->keys, json,
	    len, h);
	struct attrs *a = e->obj;

	if (a)
		return a;
	a = e->obj = glean_arena_alloc(&mg->keys, sizeof(*a));
	a->json = e->key;
	a->len = len;
	a->val[0] = v0 ? glean_arena_strndup(&mg->keys, v0, strlen(v0)) :
	    NULL;
	a->val[1] = v1 ? glean_arena_strndup(&mg->keys, v1, strlen(v1)) :
	    NULL;
	return a;
}

/*
 * Number the docrefs of mg by their keys (struct docref's rank), so that
 * sorting sources while the record is written compares numbers.  Call
 * once all documents and records are read: a docref made later would
 * have no rank (and is then compared by key).
 */
void
docrefs_rank(struct merge *mg)
{
	struct sortkey *v = glean_calloc(mg->docrefs.n + 1, sizeof(*v));
	struct docref *d;
	size_t i, n = 0;

	for (i = 0; i < mg->docrefs.cap; i++)
		if (mg->docrefs.t[i].key && (d = mg->docrefs.t[i].obj))
			sortkey_set(&v[n++], d->key, d);
	qsort(v, n, sizeof(*v), sortkey_cmp);
	for (i = 0; i < n; i++)
		((struct docref *)v[i].obj)->rank = (uint32_t)(i + 1);
	free(v);
}

/* Compare offsets a and b as their "%012lld" texts sort. */
static int
offset_cmp(long long a, long long b)
{
	char x[32], y[32];

	if (a >= 0 && b >= 0 && a < 1000000000000LL && b < 1000000000000LL)
		return (a > b) - (a < b);
	snprintf(x, sizeof(x), "%012lld", a);
	snprintf(y, sizeof(y), "%012lld", b);
	return strcmp(x, y);
}

/*
 * Does the member name quoted (merge's own: plain ASCII letters, in
 * quotes) sort before m's in byte order of the names?  An escape in m's
 * name starts with a backslash, which sorts below every letter as the
 * characters escaped do, so the escaped text compares as the name.
 */
static int
name_before(const char *quoted, const struct member *m)
{
	size_t a = strlen(quoted) - 2, b = m->namelen - 2;
	int r = memcmp(quoted + 1, m->name + 1, a < b ? a : b);

	return r ? r < 0 : a < b;
}

/* The canonical JSON of source x (all its members, keys in byte order)
 * into b: doc, start and end in their places among the attributes. */
static void
canon_source(struct glean_buf *b, const struct source *x)
{
	static const char *const own[] = { "\"doc\"", "\"end\"",
	    "\"start\"" };
	struct member *m;
	size_t n = members(x->at->json, &m), i, k = 0;

	glean_buf_reset(b);
	buf_addc(b, '{');
	for (i = 0; i <= n; i++) {
		/* the own members that sort before m[i] (or all, at the end) */
		for (; k < 3 && (i == n || name_before(own[k], &m[i])); k++) {
			if (b->len > 1)
				buf_addc(b, ',');
			put(b, own[k]);
			buf_addc(b, ':');
			if (k == 0)
				put(b, x->doc->key + x->doc->json_at);
			else
				put_int(b, k == 1 ? x->end : x->start);
		}
		if (i < n) {
			if (b->len > 1)
				buf_addc(b, ',');
			put_member(b, &m[i]);
		}
	}
	buf_addc(b, '}');
}

/* The order of sources (see struct source); 0 for the same source. */
int
source_cmp(const struct source *x, const struct source *y)
{
	/* scratch for ties (rare): qsort's comparator has no context */
	static struct glean_buf cx, cy;
	int r;

	if (x->doc != y->doc) {
		/* ranked (while writing): the keys' order without reading
		 * them; two docrefs never share a key */
		if (x->doc->rank && y->doc->rank)
			return x->doc->rank < y->doc->rank ? -1 : 1;
		if ((r = strcmp(x->doc->key, y->doc->key)))
			return r;
	}
	if ((r = offset_cmp(x->start, y->start)) ||
	    (r = offset_cmp(x->end, y->end)) || x->at == y->at)
		return r;
	canon_source(&cx, x);
	canon_source(&cy, y);
	return strcmp(cx.s, cy.s);
}

/* A source's JSON as the record writes it: doc, start and end first,
 * then its other attributes in key order.  Written in place, room made
 * once: the record holds a source for each fact of each document. */
void
put_source(struct glean_buf *b, const struct source *x)
{
	size_t dl = x->doc->json_len, al = x->at->len;
	char *p = glean_buf_reserve(b, dl + al + 64);

	memcpy(p, "{\"doc\":", 7);
	memcpy(p + 7, x->doc->key + x->doc->json_at, dl);
	p += 7 + dl;
	memcpy(p, ",\"start\":", 9);
	p = put_dec_signed(p + 9, x->start);
	memcpy(p, ",\"end\":", 7);
	p = put_dec_signed(p + 7, x->end);
	if (al > 2)
		*p++ = ',';
	memcpy(p, x->at->json + 1, al - 1);
	p += al - 1;
	*p = '\0';
	b->len = (size_t)(p - b->s);
}

/*
 * A source read from a record (src borrowed, a valid_source), its fact
 * grouping sources by group.
 */
struct source
record_source(struct merge *mg, json_t *src, int group)
{
	struct glean_buf *rest = &mg->rest;
	char *c = canon(src);
	struct member *m;
	size_t n = members(c, &m), i;
	struct source x;

	glean_buf_reset(rest);
	buf_addc(rest, '{');
	for (i = 0; i < n; i++)
		if (!named(&m[i], "\"doc\"") && !named(&m[i], "\"start\"") &&
		    !named(&m[i], "\"end\"")) {
			if (rest->len > 1)
				buf_addc(rest, ',');
			put_member(rest, &m[i]);
		}
	buf_addc(rest, '}');
	free(c);
	x.doc = docref(mg, str(src, "doc"));
	x.start = (long long)json_integer_value(json_object_get(src, "start"));
	x.end = (long long)json_integer_value(json_object_get(src, "end"));
	x.at = attrs_h(mg, group, rest->s, rest->len,
	    hash_mem(rest->s, rest->len),
	    group_names[group][0] ? str(src, group_names[group][0]) : NULL,
	    group_names[group][1] ? str(src, group_names[group][1]) : NULL);
	return x;
}

static void
put_attr(struct glean_buf *b, const struct attr *a)
{
	put_key(b, a->name);
	if (a->type == GLEAN_JV_STR)
		put_str(b, a->s);
	else if (a->type == GLEAN_JV_INT)
		put_int(b, a->i);
	else
		put(b, a->type == GLEAN_JV_TRUE ? "true" : "null");
}

/*
 * The string attributes of at[0..n) named as the grouping values of
 * group into v[0] and v[1] (the first of a name counts; NULL when absent
 * or not a string).  One walk, last to first, inline: each source asks.
 */
static inline void
group_values(const struct attr *at, size_t n, int group, const char **v)
{
	const char *g0 = group_names[group][0], *g1 = group_names[group][1];
	size_t i;

	v[0] = v[1] = NULL;
	for (i = n; i-- > 0;)
		if (g0 && str_is(at[i].name, g0))
			v[0] = at[i].type == GLEAN_JV_STR ? at[i].s : NULL;
		else if (g1 && str_is(at[i].name, g1))
			v[1] = at[i].type == GLEAN_JV_STR ? at[i].s : NULL;
}

/* at[n] = evidence, the sentence a fact came from, when there is one;
 * the new count. */
size_t
evidence_attr(struct attr *at, size_t n, const char *evidence)
{
	if (evidence)
		at[n++] = (struct attr){ "evidence", GLEAN_JV_STR, evidence,
		    0 };
	return n;
}

/* at[n] = basis, when there is one; the new count. */
size_t
basis_attr(struct attr *at, size_t n, const char *basis)
{
	if (basis)
		at[n++] = (struct attr){ "basis", GLEAN_JV_STR, basis, 0 };
	return n;
}

/* A copy of s (or NULL) in the arena a. */
static const char *
pend_copy(struct glean_arena *a, const char *s)
{
	return s ? glean_arena_strndup(a, s, strlen(s)) : NULL;
}

/*
 * A source of document doc at [s, e) with the attributes at[0..n) (at
 * has room for MAX_ATTRS; reordered), its fact grouping sources by
 * group, made as the next of mg's pending sources (struct pend; the
 * caller adds its fact, pend_rating and the like): its attributes
 * written as canon() would write them, keys sorted, and copied with
 * their grouping values into mg's pendmem, and their first slot of the
 * table asked for (prefetched).
 */
struct pend *
pend_source(struct merge *mg, const char *doc, size_t s, size_t e,
    struct attr *at, size_t n, int group)
{
	struct glean_buf *rest = &mg->rest;
	struct pend *p = &mg->pend[mg->npend];
	const struct intern *it = &mg->attr_sets[group];
	size_t i, j;
	const char *gv[2];

	for (i = 1; i < n; i++) {	/* a few: insertion sort by name */
		struct attr y = at[i];

		for (j = i; j > 0 && fieldcmp(at[j - 1].name, y.name) > 0; j--)
			at[j] = at[j - 1];
		at[j] = y;
	}
	glean_buf_reset(rest);
	buf_addc(rest, '{');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(rest, ',');
		put_attr(rest, &at[i]);
	}
	buf_addc(rest, '}');
	if (doc != mg->doc_id)
		p->doc = docref(mg, doc);
	else if (!(p->doc = mg->doc_ref))
		p->doc = mg->doc_ref = docref(mg, doc);
	p->start = (long long)s;
	p->end = (long long)e;
	p->group = group;
	p->json = glean_arena_strndup(&mg->pendmem, rest->s, rest->len);
	p->jlen = rest->len;
	p->jhash = hash_mem(rest->s, rest->len);
	if (it->cap)
		__builtin_prefetch(&it->t[p->jhash & (it->cap - 1)]);
	group_values(at, n, group, gv);
	p->gv[0] = pend_copy(&mg->pendmem, gv[0]);
	p->gv[1] = pend_copy(&mg->pendmem, gv[1]);
	return p;
}
