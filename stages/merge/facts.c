/* See LICENSE file for copyright and license details. */
/*
 * facts.c - subjects, facts and document entries: where each read fact
 * and source is kept until the record is written.
 */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/*
 * Fact and subject keys join several strings with tabs.  Each part is
 * escaped (backslash and tab) so that a key names exactly one tuple:
 * two facts share a key only when every attribute they are built from
 * is equal, so what a fact shows never depends on which source came
 * first.  NULL is "~", a string "=" and its text, which sort alike.
 */
void
key_part(struct glean_buf *b, const char *s, int last)
{
	const char *run;

	if (!s)
		buf_addc(b, '~');
	else {
		buf_addc(b, '=');
		for (run = s; *s; s++) {
			if (*s != '\\' && *s != '\t')
				continue;
			buf_add(b, run, (size_t)(s - run));
			buf_add(b, *s == '\t' ? "\\t" : "\\\\", 2);
			run = s + 1;
		}
		buf_add(b, run, (size_t)(s - run));
	}
	if (!last)
		buf_addc(b, '\t');
}

/* Add alias to the aliases of s (a set). */
void
add_alias(struct subject *s, const char *alias)
{
	map_find(&s->aliases, alias, 1)->val = s;
}

static char *
subject_key(const char *kind, const char *code, const char *name)
{
	struct glean_buf b = { 0 };
	char *n;
	size_t nl;

	key_part(&b, kind, 0);
	if (code) {
		key_part(&b, code, 1);
		return b.s;
	}
	buf_addc(&b, '~');
	n = name ? glean_casefold(name, strlen(name), &nl) : NULL;
	key_part(&b, n, 1);
	free(n);
	return b.s;
}

/* The subject for (kind, code, name), created when new. */
struct subject *
subject(struct merge *mg, const char *kind, const char *code,
    const char *name)
{
	char *key = subject_key(kind, code, name);
	struct slot *sl = map_find(&mg->subjects, key, 1);
	struct subject *s = sl->val;
	int t;

	free(key);
	if (!s) {
		s = sl->val = glean_calloc(1, sizeof(*s));
		s->aliases.arena = &mg->keep;
		for (t = 0; t < NTAB; t++)
			s->tab[t].arena = &mg->keep;
		s->name = strdup_or_null(name);
		s->code = strdup_or_null(code);
		s->kind = glean_strdup(kind);
	}
	/* Several official names for one code: the first in byte order. */
	if (name && (!s->name || strcmp(name, s->name) < 0)) {
		free(s->name);
		s->name = glean_strdup(name);
	}
	if (name)
		add_alias(s, name);
	return s;
}

static void
fact_free(void *p)
{
	struct fact *f = p;

	free(f->a);
	free(f->b);
	free(f->src);
	free(f->text);
}

/* Free subject s (a map value) and all its facts. */
void
subject_free(void *p)
{
	struct subject *s = p;
	int t;

	free(s->name);
	free(s->code);
	free(s->kind);
	map_free(&s->aliases, NULL);
	for (t = 0; t < NTAB; t++)
		map_free(&s->tab[t], fact_free);
	free(s);
}

/* Fact fkey[0..len) (a string) of table tab in subject s, created
 * empty when new (in the arena of the table's keys). */
struct fact *
fact(struct subject *s, int tab, const char *fkey, size_t len)
{
	struct slot *sl = map_findn(&s->tab[tab], fkey, len, 1);

	if (!sl->val)
		sl->val = arena_calloc(s->tab[tab].arena, 1,
		    sizeof(struct fact));
	return sl->val;
}

/*
 * Add source src to f.  text, when given, is the fact's display text
 * as written at that source: the fact keeps the text of its first source
 * in canonical order, which is associative.
 */
void
fact_add(struct fact *f, struct source src, const char *text)
{
	if (f->nsrc == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 4;
		f->src = glean_realloc(f->src, f->cap * sizeof(*f->src));
	}
	f->src[f->nsrc++] = src;
	if (text && (!f->textsrc.doc || source_cmp(&src, &f->textsrc) < 0)) {
		free(f->text);
		f->text = glean_strdup(text);
		f->textsrc = src;
	}
}

/*
 * A document entry under id: its canonical text canon_text[0..clen) and
 * how it is written, text[0..tlen) (both borrowed: copied into mg's
 * keep arena, where the entries live until the record is written).
 */
void
add_entry(struct merge *mg, const char *id, const char *canon_text,
    size_t clen, const char *text, size_t tlen)
{
	struct slot *sl = map_findn(&mg->entry_set, canon_text, clen, 1);
	struct entry *e = sl->val;

	if (e) {
		/* the same entry: the last one read is written.  The same
		 * members in another order have the same length, so the
		 * copy is mostly written over (the arena keeps no garbage) */
		if (tlen == e->tlen)
			memcpy(e->text, text, tlen);
		else {
			e->text = glean_arena_strndup(&mg->keep, text, tlen);
			e->tlen = tlen;
		}
		return;
	}
	e = sl->val = glean_arena_alloc(&mg->keep, sizeof(*e));
	e->canon = sl->key;	/* the set's copy */
	e->id = glean_arena_strndup(&mg->keep, id, strlen(id));
	e->text = glean_arena_strndup(&mg->keep, text, tlen);
	e->tlen = tlen;
}

/* A document entry given as a JSON value (borrowed). */
void
add_document(struct merge *mg, json_t *entry)
{
	char *c = canon(entry), *t = compact(entry);

	add_entry(mg, str(entry, "id"), c, strlen(c), t, strlen(t));
	free(c);
	free(t);
}

/* The fact key of a judgement into fk (emptied first): the year of when
 * (its first four digits, else unknown), area and grade. */
static void
rating_key(struct glean_buf *fk, const char *area, const char *grade,
    const char *when)
{
	char year[5] = "~";

	if (when && strspn(when, "0123456789") >= 4) {
		memcpy(year, when, 4);
		year[4] = '\0';
	}
	glean_buf_reset(fk);
	buf_add(fk, year, strlen(year));
	buf_addc(fk, '\t');
	key_part(fk, area, 0);
	key_part(fk, grade, 1);
}

/*
 * Add src to the judgement of subject s for the year of when (its first
 * four digits, else unknown), area and grade; created when new.
 */
void
add_rating(struct subject *s, const char *area, const char *grade,
    const char *when, struct source src)
{
	struct glean_buf fk = { 0 };
	struct fact *f;

	rating_key(&fk, area, grade, when);
	f = fact(s, T_R, fk.s, fk.len);
	if (!f->a) {
		f->a = glean_strdup(area);
		f->b = glean_strdup(grade);
	}
	fact_add(f, src, NULL);
	glean_buf_free(&fk);
}

/*
 * An amount as the record writes it: 15 significant digits (what
 * JSON_REAL_PRECISION(15) prints reads back as the same double), no
 * negative zero.  Documents and records so give the same fact.
 */
static double
money_canon(double v)
{
	char b[64];

	/* a whole number of at most 15 digits prints as it is */
	if (v >= 0 && v < 1e15 && v == (double)(long long)v)
		return v == 0 ? 0.0 : v;
	snprintf(b, sizeof(b), "%.15g", v);
	v = strtod(b, NULL);
	return v == 0 ? 0.0 : v;
}

/* An amount as the record writes it, and its part of a fact key. */
struct amount {
	double v;
	char key[];
};

/*
 * The amount read as raw.  Printing a double is slow and amounts repeat,
 * so each is worked out once.
 */
static const struct amount *
amount(struct merge *mg, double raw)
{
	uint64_t bits;
	char hex[17], *n;
	struct slot *sl;
	struct amount *a;
	double v;
	int i;

	memcpy(&bits, &raw, sizeof(bits));
	for (i = 15; i >= 0; i--, bits >>= 4)
		hex[i] = "0123456789abcdef"[bits & 15];
	hex[16] = '\0';
	sl = map_findn(&mg->amounts, hex, 16, 1);
	if (sl->val)
		return sl->val;
	v = money_canon(raw);
	/* sorted by value; ties at six decimals: the double's bits, in
	 * numeric order (the exact value is the identity) */
	memcpy(&bits, &v, sizeof(bits));
	bits = bits >> 63 ? ~bits : bits | (uint64_t)1 << 63;
	if (v >= 0 && v < 1e15 && v == (double)(long long)v)
		/* %030.6f of a whole number, without printf's float work */
		n = glean_asprintf("%023lld.000000\t%016llx\t", (long long)v,
		    (unsigned long long)bits);
	else
		n = glean_asprintf("%030.6f\t%016llx\t", v,
		    (unsigned long long)bits);
	a = glean_malloc(sizeof(*a) + strlen(n) + 1);
	a->v = v;
	strcpy(a->key, n);
	free(n);
	return sl->val = a;
}

/* The fact key of an amount into fk (emptied first): currency cur, the
 * value raw as the record writes it, rate per (or NULL).  Returns the
 * amount, or NULL when it is past the largest double once written. */
static const struct amount *
money_key(struct merge *mg, struct glean_buf *fk, double raw, const char *cur,
    const char *per)
{
	const struct amount *am = amount(mg, raw);

	if (!isfinite(am->v))
		return NULL;
	/* sorted by currency then value */
	glean_buf_reset(fk);
	key_part(fk, cur, 0);
	buf_add(fk, am->key, strlen(am->key));
	key_part(fk, per, 1);
	return am;
}

/*
 * Add src to the amount of subject s of value raw (as the record writes
 * it: 15 significant digits), currency cur and rate per (or NULL);
 * created when new.  An amount past the largest double is not taken.
 */
void
add_money(struct merge *mg, struct subject *s, double raw, const char *cur,
    const char *per, struct source src)
{
	const struct amount *am = money_key(mg, &mg->key, raw, cur, per);
	struct fact *f;

	if (!am)
		return;
	f = fact(s, T_M, mg->key.s, mg->key.len);
	if (!f->a) {
		f->value = am->v;
		f->a = glean_strdup(cur);
		f->b = strdup_or_null(per);
	}
	fact_add(f, src, NULL);
}

/* Add src to the person name of subject s; created when new. */
void
add_person(struct subject *s, const char *name, struct source src)
{
	struct fact *f = fact(s, T_P, name, strlen(name));

	if (!f->a)
		f->a = glean_strdup(name);
	fact_add(f, src, NULL);
}

/* ---- a document's facts, a batch at a time (struct pend) ------------- */

/* Take the pending source p: its attributes interned, its fact found
 * (made when new, with p's a, b and value) and given it. */
static void
pend_take(struct merge *mg, const struct pend *p)
{
	struct source x = { p->doc, attrs_h(mg, p->group, p->json, p->jlen,
	    p->jhash, p->gv[0], p->gv[1]), p->start, p->end };
	struct slot *sl = map_findh(&p->s->tab[p->tab], p->key, p->klen,
	    p->khash, 1);
	struct fact *f = sl->val;

	if (!f)
		f = sl->val = arena_calloc(p->s->tab[p->tab].arena, 1,
		    sizeof(struct fact));
	if (p->a && !f->a) {
		if (p->tab == T_M)
			f->value = p->value;
		f->a = glean_strdup(p->a);
		f->b = strdup_or_null(p->b);
	}
	fact_add(f, x, p->text);
}

/* Ask for the bytes s[0..n) (at most four lines of them). */
static inline void
prefetch_bytes(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 256; i += 64)
		__builtin_prefetch(s + i);
}

/* The first slot of hash h in m when it holds a key of that hash (most
 * likely the one looked for), else NULL. */
static inline const struct slot *
first_slot(const struct map *m, uint64_t h)
{
	const struct slot *sl;

	if (!m->cap)
		return NULL;
	sl = &m->slot[h & (m->cap - 1)];
	return sl->key && sl->hash == (uint32_t)h ? sl : NULL;
}

/* Ask for what taking p will read first: the key and fact of the first
 * slot of its fact key, the key of the first entry of its attributes. */
static void
pend_prefetch(struct merge *mg, const struct pend *p)
{
	const struct intern *it = &mg->attr_sets[p->group];
	const struct slot *sl = first_slot(&p->s->tab[p->tab], p->khash);
	const struct ientry *e;

	if (sl) {
		prefetch_bytes(sl->key, p->klen);
		__builtin_prefetch(sl->val);
	}
	if (it->cap && (e = &it->t[p->jhash & (it->cap - 1)])->key &&
	    e->hash == p->jhash)
		prefetch_bytes(e->key, p->jlen);
}

/* Ask for where p's source will go: after the sources of its fact (read
 * once pend_prefetch's ask has come). */
static void
pend_prefetch_sources(const struct pend *p)
{
	const struct slot *sl = first_slot(&p->s->tab[p->tab], p->khash);
	const struct fact *f;

	if (sl && (f = sl->val) && f->src)
		__builtin_prefetch(&f->src[f->nsrc]);
}

/*
 * Take mg's pending sources (struct pend), in the order they came: what
 * each will read asked for first, for all of them, so that their misses
 * overlap.  Call before anything reads the facts (at the end of each
 * document).
 */
void
pend_flush(struct merge *mg)
{
	size_t i, n = mg->npend;

	for (i = 0; i < n; i++)
		pend_prefetch(mg, &mg->pend[i]);
	for (i = 0; i < n; i++)
		pend_prefetch_sources(&mg->pend[i]);
	for (i = 0; i < n; i++)
		pend_take(mg, &mg->pend[i]);
	mg->npend = 0;
	glean_arena_reset(&mg->pendmem);
}

/* p (pend_source's), of subject s's table tab, its fact key key[0..len)
 * and text (or NULL), taken in turn: the first slot of its key asked
 * for, and the batch taken when full. */
static void
pend_add(struct merge *mg, struct pend *p, struct subject *s, int tab,
    const char *key, size_t len, const char *text)
{
	const struct map *m = &s->tab[tab];

	p->s = s;
	p->tab = tab;
	p->key = glean_arena_strndup(&mg->pendmem, key, len);
	p->klen = len;
	p->khash = hash_mem(key, len);
	p->text = text;
	if (m->cap)
		__builtin_prefetch(&m->slot[p->khash & (m->cap - 1)]);
	if (++mg->npend == PEND_MAX)
		pend_flush(mg);
}

/* As add_rating, the source p pending (pend_source). */
void
pend_rating(struct merge *mg, struct pend *p, struct subject *s,
    const char *area, const char *grade, const char *when)
{
	rating_key(&mg->key, area, grade, when);
	p->a = glean_arena_strndup(&mg->pendmem, area, strlen(area));
	p->b = glean_arena_strndup(&mg->pendmem, grade, strlen(grade));
	pend_add(mg, p, s, T_R, mg->key.s, mg->key.len, NULL);
}

/* As add_money, the source p pending (pend_source). */
void
pend_money(struct merge *mg, struct pend *p, struct subject *s, double raw,
    const char *cur, const char *per)
{
	const struct amount *am = money_key(mg, &mg->key, raw, cur, per);

	if (!am)
		return;
	p->value = am->v;
	p->a = glean_arena_strndup(&mg->pendmem, cur, strlen(cur));
	p->b = per ? glean_arena_strndup(&mg->pendmem, per, strlen(per)) :
	    NULL;
	pend_add(mg, p, s, T_M, mg->key.s, mg->key.len, NULL);
}

/* Add the source p (pend_source) to the person name of subject s;
 * created when new. */
void
pend_person(struct merge *mg, struct pend *p, struct subject *s,
    const char *name)
{
	size_t n = strlen(name);

	p->a = glean_arena_strndup(&mg->pendmem, name, n);
	p->b = NULL;
	pend_add(mg, p, s, T_P, p->a, n, NULL);
}

/* Add the source p (pend_source) to the quote text[0..len) of subject s,
 * keyed by its normtext; tab is T_Q (speech) or T_F (report findings). */
void
pend_quote(struct merge *mg, struct pend *p, struct subject *s, int tab,
    const char *text, size_t len)
{
	char *t = glean_arena_strndup(&mg->pendmem, text, len);
	const char *k = normtext_into(&mg->key, t, len);

	p->a = NULL;
	if (*k)
		pend_add(mg, p, s, tab, k, mg->key.len, t);
}
