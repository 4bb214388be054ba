/* See LICENSE file for copyright and license details. */
/*
 * write.c - writing the record.
 *
 * The record is written as compact JSON text directly, byte for byte
 * what json_dumps gives for it; --pretty and --tables read each part
 * back with jansson.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* Write s[0..n) to standard output; dies on a write error. */
static void
out_write(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, stdout) != n)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
}

#define SPILL_AT ((size_t)1 << 20)

/* Write b out and empty it when it is the record's and has grown big:
 * called between the record's values, which are never taken back. */
static void
spill(struct merge *mg, struct glean_buf *b)
{
	if (b == mg->spill_buf && b->len >= SPILL_AT) {
		out_write(b->s, b->len);
		glean_buf_reset(b);
	}
}

static void
put_sources(struct merge *mg, struct glean_buf *b, const struct source *src,
    size_t n)
{
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		put_source(b, &src[i]);
		spill(mg, b);
	}
	buf_addc(b, ']');
}

/* source_cmp, its common cases inline: different documents once ranked,
 * or different starts in one document. */
static inline int
source_order(const struct source *x, const struct source *y)
{
	if (x->doc != y->doc) {
		if (x->doc->rank && y->doc->rank)
			return x->doc->rank < y->doc->rank ? -1 : 1;
	} else if (x->start != y->start && x->start >= 0 && y->start >= 0 &&
	    x->start < 1000000000000LL && y->start < 1000000000000LL)
		return x->start < y->start ? -1 : 1;
	return source_cmp(x, y);
}

/*
 * Sort v[0..n) by source_order (tmp has room for n / 2): a merge sort
 * with the comparison inline.  Sources that compare equal are the same
 * source, so the order is qsort's.
 */
static void
sources_sort(struct source *v, size_t n, struct source *tmp)
{
	size_t i, j, k, h = n / 2;
	struct source x;

	if (n <= 12) {
		for (i = 1; i < n; i++) {
			x = v[i];
			for (j = i; j > 0 && source_order(&v[j - 1], &x) > 0;
			    j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	sources_sort(v, h, tmp);
	sources_sort(v + h, n - h, tmp);
	if (source_order(&v[h - 1], &v[h]) <= 0)
		return;
	memcpy(tmp, v, h * sizeof(*v));
	/* k <= j: the merged run never overtakes the right half's rest */
	for (i = 0, j = h, k = 0; i < h && j < n; k++)
		v[k] = source_order(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

/* Make f's sources a set in canonical order (they mostly come so). */
static void
fact_sort(struct fact *f)
{
	size_t i, n;
	int r = -1;

	for (i = n = 1; i < f->nsrc; i++) {
		if ((r = source_order(&f->src[n - 1], &f->src[i])) > 0)
			break;
		if (r < 0)
			f->src[n++] = f->src[i];
	}
	if (r > 0) {
		struct source *tmp = glean_malloc((f->nsrc / 2 + 1) *
		    sizeof(*tmp));

		sources_sort(f->src, f->nsrc, tmp);
		free(tmp);
		for (i = n = 1; i < f->nsrc; i++)
			if (source_order(&f->src[n - 1], &f->src[i]))
				f->src[n++] = f->src[i];
	}
	if (f->nsrc)
		f->nsrc = n;
}

/* A source grouped by the value of one of its attributes. */
struct grp {
	const char *val;
	const struct source *src;
	size_t ord;		/* its place in the sources given */
	int starts;		/* the first of its value */
};

static int
grpcmp(const void *a, const void *b)
{
	const struct grp *x = a, *y = b;
	int r = strcmp(x->val, y->val);

	return r ? r : x->ord < y->ord ? -1 : x->ord > y->ord;
}

static int
ascii_prefix(const char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * Group the sources src[0..n) by their grouping value val[at]: g gets
 * them by value, then in the given order; sources without it are left
 * out.  With trunc, the value is its first trunc bytes, when these are
 * ASCII.  Returns the number of sources in g; *ndistinct gets the
 * number of values.
 */
static size_t
group_by(const struct source *src, size_t n, int at, size_t trunc,
    struct glean_arena *a, struct grp **g, size_t *ndistinct)
{
	size_t i, ng = 0;
	const char *v;
	int r;

	/* not zeroed: only g[0..ng) is made and read */
	*g = glean_malloc((n + 1) * sizeof(**g));
	for (i = 0; i < n; i++) {
		if (!(v = src[i].at->val[at]))
			continue;
		if (trunc) {
			if (strlen(v) < trunc || !ascii_prefix(v, trunc))
				continue;
			v = glean_arena_strndup(a, v, trunc);
		}
		(*g)[ng++] = (struct grp){ v, &src[i], i, 1 };
	}
	/* mostly one value, so already in order */
	for (i = 1; i < ng && (r = strcmp((*g)[i - 1].val, (*g)[i].val)) <= 0;
	    i++)
		(*g)[i].starts = r < 0;
	if (i < ng) {
		qsort(*g, ng, sizeof(**g), grpcmp);
		for (i = 1; i < ng; i++)
			(*g)[i].starts = strcmp((*g)[i - 1].val,
			    (*g)[i].val) != 0;
	}
	for (i = 0, *ndistinct = 0; i < ng; i++)
		*ndistinct += (size_t)(*g)[i].starts;
	return ng;
}

/* The end of the run of equal values in g[0..n) that starts at i. */
static size_t
run_end(const struct grp *g, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && !g[j].starts)
		j++;
	return j;
}

/* The most frequent value in g[0..n); ties: the first. */
static const char *
most_common(const struct grp *g, size_t n)
{
	const char *best = NULL;
	size_t i, j, bn = 0;

	for (i = 0; i < n; i = j) {
		j = run_end(g, n, i);
		if (j - i > bn) {
			bn = j - i;
			best = g[i].val;
		}
	}
	return best;
}

/* [{name: value, "sources": [...]}...] from a group_by result. */
static void
put_values(struct glean_buf *b, const struct grp *g, size_t n,
    const char *name)
{
	size_t i, j, k;

	buf_addc(b, '[');
	for (i = 0; i < n; i = j) {
		j = run_end(g, n, i);
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		put_key(b, name);
		put_str(b, g[i].val);
		put(b, ",\"sources\":[");
		for (k = i; k < j; k++) {
			if (k > i)
				buf_addc(b, ',');
			put_source(b, g[k].src);
		}
		put(b, "]}");
	}
	buf_addc(b, ']');
}

/* The distinct values in g[0..n) as a JSON array of strings; empty ones
 * too unless skip_empty. */
static void
put_distinct(struct glean_buf *b, const struct grp *g, size_t n,
    int skip_empty)
{
	size_t i, j, k = 0;

	buf_addc(b, '[');
	for (i = 0; i < n; i = j) {
		j = run_end(g, n, i);
		if (skip_empty && !*g[i].val)
			continue;
		if (k++)
			buf_addc(b, ',');
		put_str(b, g[i].val);
	}
	buf_addc(b, ']');
}

/* Open a conflict object: kind, subject and code; the caller closes it. */
static void
conflict(struct merge *mg, const char *kind, const struct subject *s)
{
	if (mg->conflicts.len)
		buf_addc(&mg->conflicts, ',');
	put(&mg->conflicts, "{\"kind\":");
	put_str(&mg->conflicts, kind);
	if (s) {
		put(&mg->conflicts, ",\"subject\":");
		put_nstr(&mg->conflicts, s->name);
		put(&mg->conflicts, ",\"code\":");
		put_nstr(&mg->conflicts, s->code);
	}
}

/* Judgements of one area with several grades, in a year's f[0..n). */
static void
judgement_conflicts(struct merge *mg, const struct subject *s, struct fact **f,
    size_t n, const char *when)
{
	size_t i, j, e;

	for (i = 0; i + 1 < n; i = e) {
		for (e = i + 1; e < n && !strcmp(f[i]->a, f[e]->a); e++)
			;
		if (e - i < 2)
			continue;
		conflict(mg, "judgement", s);
		put(&mg->conflicts, ",\"when\":");
		put_nstr(&mg->conflicts, when);
		put(&mg->conflicts, ",\"area\":");
		put_str(&mg->conflicts, f[i]->a);
		put(&mg->conflicts, ",\"values\":[");
		for (j = i; j < e; j++) {
			if (j > i)
				buf_addc(&mg->conflicts, ',');
			put(&mg->conflicts, "{\"grade\":");
			put_str(&mg->conflicts, f[j]->b);
			put(&mg->conflicts, ",\"sources\":");
			put_sources(mg, &mg->conflicts, f[j]->src, f[j]->nsrc);
			buf_addc(&mg->conflicts, '}');
		}
		put(&mg->conflicts, "]}");
	}
}

/* One inspection: the judgements facts f[0..n) of one year. */
static void
inspection_out(struct merge *mg, struct glean_buf *b, const struct subject *s,
    struct fact **f, size_t n, const char *year)
{
	struct source *all;
	size_t nall = 0, i, ng, nd;
	const char *when;
	struct grp *g;

	for (i = 0; i < n; i++)
		nall += f[i]->nsrc;
	all = glean_arena_alloc(&mg->scratch, (nall + 1) * sizeof(*all));
	for (i = nall = 0; i < n; i++) {
		memcpy(all + nall, f[i]->src, f[i]->nsrc * sizeof(*all));
		nall += f[i]->nsrc;
	}
	ng = group_by(all, nall, 0, 7, &mg->scratch, &g, &nd);
	when = nd == 1 ? g[0].val : *year == '~' ? NULL : year;
	put(b, "{\"when\":");
	put_nstr(b, when);
	put(b, ",\"judgements\":[");
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		put(b, "{\"area\":");
		put_str(b, f[i]->a);
		put(b, ",\"grade\":");
		put_str(b, f[i]->b);
		put(b, ",\"sources\":");
		put_sources(mg, b, f[i]->src, f[i]->nsrc);
		buf_addc(b, '}');
	}
	put(b, "]}");
	if (nd > 1) {
		conflict(mg, "inspection date", s);
		put(&mg->conflicts, ",\"when\":");
		put_str(&mg->conflicts, year);
		put(&mg->conflicts, ",\"values\":");
		put_values(&mg->conflicts, g, ng, "when");
		buf_addc(&mg->conflicts, '}');
	}
	judgement_conflicts(mg, s, f, n, when);
	free(g);
}

/* The inspections: the judgements by year ("~" when unknown). */
static void
inspections_out(struct merge *mg, struct glean_buf *b, const struct subject *s)
{
	const struct map *tab = &s->tab[T_R];
	struct slot **k = map_sorted(tab);
	struct fact **f = glean_calloc(tab->n + 1, sizeof(*f));
	size_t i, j, yl;
	char *year;

	for (i = 0; i < tab->n; i++) {
		f[i] = k[i]->val;
		fact_sort(f[i]);
	}
	buf_addc(b, '[');
	for (i = 0; i < tab->n; i = j) {
		yl = strcspn(k[i]->key, "\t");
		for (j = i + 1; j < tab->n && !strncmp(k[j]->key, k[i]->key,
		    yl + 1); j++)
			;
		if (i)
			buf_addc(b, ',');
		year = glean_strndup(k[i]->key, yl);
		inspection_out(mg, b, s, f + i, j - i, year);
		free(year);
		glean_arena_reset(&mg->scratch);
	}
	buf_addc(b, ']');
	free(f);
	free(k);
}

/* Money: integral amounts as integers, as jansson reads them back. */
static void
put_money_value(struct glean_buf *b, double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		put_int(b, (long long)v);
	else
		put_real(b, v);
}

/* text (merge's own JSON, a key with its punctuation), then the string
 * s, or null for NULL. */
static void
put_pair(struct glean_buf *b, const char *text, const char *s)
{
	put(b, text);
	put_nstr(b, s);
}

/* The head of an amount's object: value, currency, rate and the text
 * of its first source, when it has one. */
static void
money_head(struct glean_buf *b, const struct fact *f)
{
	struct member *m;
	const struct member *text;
	size_t nm;

	put(b, "{\"value\":");
	put_money_value(b, f->value);
	put_pair(b, ",\"currency\":", f->a);
	put_pair(b, ",\"per\":", f->b);
	nm = members(f->src[0].at->json, &m);
	text = member(m, nm, "\"text\"");
	if (text) {
		buf_addc(b, ',');
		put_member(b, text);
	}
}

/* The head of a person's object: the name. */
static void
person_head(struct glean_buf *b, const struct fact *f)
{
	put(b, "{\"name\":");
	put_str(b, f->a);
}

/*
 * Ask for what the facts after the i-th of the sorted slots k[0..n) will
 * read first: the fact two ahead, the sources of the next (its fact
 * asked for a turn ago).  The facts lie in table order, not in the
 * record's, so each is a miss, and each one's sources another.
 */
static inline void
prefetch_facts(struct slot *const *k, size_t i, size_t n)
{
	const struct fact *f;

	if (i + 2 < n)
		__builtin_prefetch(k[i + 2]->val);
	if (i + 1 < n && (f = k[i + 1]->val)->src) {
		__builtin_prefetch(f->src);
		__builtin_prefetch((const char *)f->src + 64);
	}
}

/*
 * The facts of table tab of s (amounts or people) as a JSON array: each
 * its head, then the distinct grouping values of its sources as the
 * array member values (empty ones left out when skip_empty), then its
 * sources.
 */
static void
facts_out(struct merge *mg, struct glean_buf *b, const struct subject *s,
    int tab, void (*head)(struct glean_buf *, const struct fact *),
    const char *values, int skip_empty)
{
	struct slot **k = map_sorted(&s->tab[tab]);
	struct grp *g;
	struct fact *f;
	size_t i, ng, nd;

	buf_addc(b, '[');
	for (i = 0; i < s->tab[tab].n; i++) {
		prefetch_facts(k, i, s->tab[tab].n);
		f = k[i]->val;
		fact_sort(f);
		if (i)
			buf_addc(b, ',');
		head(b, f);
		ng = group_by(f->src, f->nsrc, 0, 0, NULL, &g, &nd);
		buf_addc(b, ',');
		put_key(b, values);
		put_distinct(b, g, ng, skip_empty);
		put(b, ",\"sources\":");
		put_sources(mg, b, f->src, f->nsrc);
		buf_addc(b, '}');
		free(g);
	}
	buf_addc(b, ']');
	free(k);
}

static void
quotes_out(struct merge *mg, struct glean_buf *b, const struct subject *s,
    int tab)
{
	struct slot **k = map_sorted(&s->tab[tab]);
	struct grp *g, *gk;
	struct fact *f;
	size_t i, ng, ngk, nd, ndk;

	buf_addc(b, '[');
	for (i = 0; i < s->tab[tab].n; i++) {
		prefetch_facts(k, i, s->tab[tab].n);
		f = k[i]->val;
		fact_sort(f);
		ng = group_by(f->src, f->nsrc, 0, 0, NULL, &g, &nd);
		ngk = group_by(f->src, f->nsrc, 1, 0, NULL, &gk, &ndk);
		if (i)
			buf_addc(b, ',');
		put(b, "{\"text\":");
		put_str(b, f->text);
		put(b, ",\"speaker\":");
		put_nstr(b, most_common(g, ng));
		put(b, ",\"kind\":");
		put_nstr(b, most_common(gk, ngk));
		put(b, ",\"sources\":");
		put_sources(mg, b, f->src, f->nsrc);
		buf_addc(b, '}');
		if (nd > 1) {
			conflict(mg, "quote speaker", s);
			put(&mg->conflicts, ",\"text\":");
			put_str(&mg->conflicts, f->text);
			put(&mg->conflicts, ",\"values\":");
			put_values(&mg->conflicts, g, ng, "speaker");
			buf_addc(&mg->conflicts, '}');
		}
		free(g);
		free(gk);
	}
	buf_addc(b, ']');
	free(k);
}

static void
subject_out(struct merge *mg, struct glean_buf *b, const struct subject *s)
{
	struct slot **k = map_sorted(&s->aliases);
	size_t i;

	put_pair(b, "{\"name\":", s->name);
	put_pair(b, ",\"code\":", s->code);
	put_pair(b, ",\"kind\":", s->kind);
	put(b, ",\"aliases\":[");
	for (i = 0; i < s->aliases.n; i++) {
		if (i)
			buf_addc(b, ',');
		put_str(b, k[i]->key);
	}
	free(k);
	put(b, "],\"inspections\":");
	inspections_out(mg, b, s);
	put(b, ",\"money\":");
	facts_out(mg, b, s, T_M, money_head, "context", 1);
	put(b, ",\"people\":");
	facts_out(mg, b, s, T_P, person_head, "roles", 0);
	put(b, ",\"quotes\":");
	quotes_out(mg, b, s, T_Q);
	put(b, ",\"findings\":");
	quotes_out(mg, b, s, T_F);
	buf_addc(b, '}');
}

/* Entries (sort keys of their ids) by id, then by canonical text. */
static int
entrycmp(const void *a, const void *b)
{
	int r = sortkey_cmp(a, b);

	return r ? r : strcmp(((const struct entry *)
	    ((const struct sortkey *)a)->obj)->canon, ((const struct entry *)
	    ((const struct sortkey *)b)->obj)->canon);
}

/* The conflict of the n different entries v[0..n) sharing one id. */
static void
document_conflict(struct merge *mg, struct entry *const *v, size_t n)
{
	size_t j;

	glean_warn("document id '%s' used by %zu different "
	    "documents (kept, see conflicts)", v[0]->id, n);
	conflict(mg, "document", NULL);
	put(&mg->conflicts, ",\"id\":");
	put_str(&mg->conflicts, v[0]->id);
	put(&mg->conflicts, ",\"values\":[");
	for (j = 0; j < n; j++) {
		if (j)
			buf_addc(&mg->conflicts, ',');
		put(&mg->conflicts, v[j]->text);
	}
	put(&mg->conflicts, "]}");
}

/* The documents by id, then by canonical text; one id used by several
 * different documents is a conflict. */
static void
documents_out(struct merge *mg, struct glean_buf *b)
{
	const struct map *set = &mg->entry_set;
	struct entry **v = glean_calloc(set->n + 1, sizeof(*v));
	struct sortkey *sk = glean_calloc(set->n + 1, sizeof(*sk));
	size_t i, j, k, n = 0;

	for (i = 0; i < set->cap; i++)
		if (set->slot[i].key)
			sortkey_set(&sk[n++], ((struct entry *)
			    set->slot[i].val)->id, set->slot[i].val);
	qsort(sk, n, sizeof(*sk), entrycmp);
	for (i = 0; i < n; i++)
		v[i] = sk[i].obj;
	free(sk);
	buf_addc(b, '[');
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(v[j]->id, v[i]->id); j++)
			;
		for (k = i; k < j; k++) {
			if (k)
				buf_addc(b, ',');
			put(b, v[k]->text);
			spill(mg, b);
		}
		if (j - i > 1)
			document_conflict(mg, v + i, j - i);
	}
	buf_addc(b, ']');
	free(v);
}

/* Append v as JSON, each line after the first indented by ind more. */
static void
add_dump(const struct merge *mg, struct glean_buf *b, json_t *v,
    int ind)
{
	char *d = json_dumps(v, (mg->pretty ? JSON_INDENT(2) :
	    JSON_COMPACT) | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY), *p, *nl;

	if (!d)
		glean_die(GLEAN_EXIT_FATAL, "cannot serialise the record");
	for (p = d; (nl = strchr(p, '\n')); p = nl + 1) {
		buf_add(b, p, (size_t)(nl + 1 - p));
		buf_add(b, "        ", (size_t)ind);
	}
	buf_add(b, p, strlen(p));
	free(d);
}

static void
add_str(const struct merge *mg, struct glean_buf *b, const char *compact,
    const char *pretty)
{
	put(b, mg->pretty ? pretty : compact);
}

/*
 * Append the compact JSON part: as it is, or for --pretty indented by
 * ind more; with tables, its rows are written too.
 */
static void
add_part(struct merge *mg, struct glean_buf *b, const struct glean_buf *part,
    int ind, int tables)
{
	json_t *v = NULL;

	if (mg->pretty || tables) {
		v = json_loadb(part->s, part->len, 0, NULL);
		if (!v)
			glean_die(GLEAN_EXIT_FATAL,
			    "internal error: record part not JSON");
	}
	if (mg->pretty)
		add_dump(mg, b, v, ind);
	else
		buf_add(b, part->s, part->len);
	if (tables)
		tables_subject(&mg->tables, v);
	json_decref(v);
}

/*
 * Write the record to standard output, subject by subject, each
 * subject's state freed once written.  The compact record (no --pretty,
 * no --tables: nothing reads a part back) goes out as it is made, so the
 * record is never whole in memory.
 */
void
record_write(struct merge *mg)
{
	struct glean_buf b = { 0 }, part = { 0 };
	int direct = !mg->pretty && !mg->tables.dir;
	struct glean_buf *into = direct ? &b : &part;
	struct slot **k;
	size_t i;

	mg->spill_buf = direct ? &b : NULL;
	docrefs_rank(mg);
	add_str(mg, &b, "{\"glean_record\":", "{\n  \"glean_record\": ");
	put_int(&b, RECORD_VERSION);
	add_str(mg, &b, ",\"documents\":", ",\n  \"documents\": ");
	documents_out(mg, into);
	map_free(&mg->entry_set, NULL);
	if (!direct)
		add_part(mg, &b, &part, 2, 0);
	add_str(mg, &b, ",\"subjects\":[", ",\n  \"subjects\": [");
	if (mg->tables.dir)
		tables_open(&mg->tables);
	k = map_sorted(&mg->subjects);
	for (i = 0; i < mg->subjects.n; i++) {
		if (i)
			buf_addc(&b, ',');
		add_str(mg, &b, "", "\n    ");
		glean_buf_reset(&part);
		subject_out(mg, into, k[i]->val);
		subject_free(k[i]->val);
		k[i]->val = NULL;
		if (!direct)
			add_part(mg, &b, &part, 4, mg->tables.dir != NULL);
		spill(mg, &b);
	}
	if (mg->subjects.n)
		add_str(mg, &b, "", "\n  ");
	free(k);
	map_free(&mg->subjects, NULL);
	map_free(&mg->amounts, free);
	add_str(mg, &b, "],\"conflicts\":", "],\n  \"conflicts\": ");
	glean_buf_reset(&part);
	buf_addc(&part, '[');
	if (mg->conflicts.s)
		buf_add(&part, mg->conflicts.s, mg->conflicts.len);
	buf_addc(&part, ']');
	add_part(mg, &b, &part, 2, 0);
	add_str(mg, &b, "}\n", "\n}\n");
	glean_buf_free(&mg->conflicts);
	glean_buf_free(&part);
	if (mg->tables.dir)
		tables_close(&mg->tables);
	out_write(b.s, b.len);
	glean_buf_free(&b);
	mg->spill_buf = NULL;
}
/* ---- tables ------------------------------------------------------------ */
