/* See LICENSE file for copyright and license details. */
/*
 * glean-merge - fold annotated documents and earlier knowledge records
 * into one knowledge record.
 *
 * Reads JSON Lines: documents (with "text" and the layers "entities",
 * "ratings", "money", "quotes"), error records of earlier stages, and
 * knowledge records ({"glean_record": 1, ...}, compact or --pretty).
 * Writes one record:
 *   {"glean_record": 1, "documents": [...], "subjects": [{name, code,
 *   kind, aliases, inspections, money, people, quotes, findings}],
 *   "conflicts": [...]}
 * The record is the whole state: every fact keeps every source with the
 * attributes it was read with, so merging records gives byte for byte
 * what merging their documents gives (sets, canonical order, no clock).
 * Conflicts are derived from the facts and recomputed on every merge.
 * Document texts are not kept: memory grows with facts only.
 *
 * The stream is large, so documents are read without jansson values:
 * the stream's scanner checks each line and the fields merge reads are
 * parsed into an arena emptied after each document.  Facts are C
 * structures keeping each source as one canonical string, and the
 * record is written as JSON text, byte for byte what jansson would
 * write.  Records and lines that are not plain documents (rare) take
 * jansson's path.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <jansson.h>
#include <utf8proc.h>

#include "glean.h"
#include "jscan.h"
#include "jv.h"

#define RECORD_VERSION 1
#define READ_BUF ((size_t)1 << 20)	/* stdio buffer of an input */

static struct glean_opts opts = GLEAN_OPTS_INIT;
/* stdio buffers: stdin's, and that of the one file open at a time */
static char stdin_buf[READ_BUF], file_buf[READ_BUF];
static int pflag;		/* --pretty */
static const char *tdir;	/* --tables DIR */

enum { OPT_PRETTY = GLEAN_OPT_FIRST_FREE, OPT_TABLES };

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n"
	    "Merge annotated documents and knowledge records into one "
	    "knowledge record.\n\n"
	    "      --pretty        indent the record\n"
	    "  -t, --tables DIR    also write inspections.tsv, money.tsv,\n"
	    "                      people.tsv and quotes.tsv into DIR\n"
	    GLEAN_COMMON_HELP, glean_prog);
	exit(status);
}

/* ---- memory ------------------------------------------------------------ */

/*
 * glean_buf_add and glean_buf_addc without a call when the bytes fit:
 * the record is written a few bytes at a time.
 */
static inline void
buf_add(struct glean_buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
	} else
		glean_buf_add(b, s, n);
}

static inline void
buf_addc(struct glean_buf *b, int c)
{
	if (b->len + 1 < b->cap) {
		b->s[b->len++] = (char)c;
		b->s[b->len] = '\0';
	} else
		glean_buf_addc(b, c);
}

/*
 * Bump allocators (jv.h): one holds a document's values while reading
 * (an inspection's while writing) and is emptied after each; the other
 * holds the sources of facts, which live until the record is written.
 * Both save a malloc and a free per small string.
 */
static struct glean_arena scratch;	/* a document's; an inspection's */
static struct glean_arena key_arena;	/* the sources of facts */

/* ---- string maps -------------------------------------------------------- */

/* Open addressing on a power-of-two table; keys are owned copies. */
struct slot {
	char *key;
	void *val;
	uint64_t hash;
};

struct map {
	struct slot *slot;
	size_t n, cap;
};

/* Eight bytes at a time: fact keys are long. */
static uint64_t
hash_mem(const char *s, size_t n)
{
	size_t i;
	uint64_t h = n, w;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0x9E3779B97F4A7C15u;
	return h ^ h >> 32;
}

static uint64_t
hash_str(const char *s)
{
	return hash_mem(s, strlen(s));
}

static struct slot *
map_probe(struct slot *tab, size_t cap, const char *k, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (tab[i].key && (tab[i].hash != h || strcmp(tab[i].key, k)))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void
map_grow(struct map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 16, i;
	struct slot *tab = glean_calloc(cap, sizeof(*tab));

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key)
			*map_probe(tab, cap, m->slot[i].key,
			    m->slot[i].hash) = m->slot[i];
	free(m->slot);
	m->slot = tab;
	m->cap = cap;
}

/*
 * The slot of key k in m.  When k is absent: NULL, or with add a new
 * slot holding a copy of k and a NULL value.
 */
static struct slot *
map_find(struct map *m, const char *k, int add)
{
	uint64_t h = hash_str(k);
	struct slot *sl;

	if (!m->cap) {
		if (!add)
			return NULL;
		map_grow(m);
	}
	sl = map_probe(m->slot, m->cap, k, h);
	if (sl->key || !add)
		return sl->key ? sl : NULL;
	if (2 * (m->n + 1) > m->cap) {
		map_grow(m);
		sl = map_probe(m->slot, m->cap, k, h);
	}
	sl->key = glean_strdup(k);
	sl->hash = h;
	m->n++;
	return sl;
}

static int
slotcmp(const void *a, const void *b)
{
	return strcmp((*(struct slot *const *)a)->key,
	    (*(struct slot *const *)b)->key);
}

/* The slots of m in byte order of their keys; caller frees the array. */
static struct slot **
map_sorted(const struct map *m)
{
	struct slot **v = glean_calloc(m->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key)
			v[n++] = &m->slot[i];
	qsort(v, n, sizeof(*v), slotcmp);
	return v;
}

/* Free m's keys and table; each value is given to free_val first. */
static void
map_free(struct map *m, void (*free_val)(void *))
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key) {
			if (free_val)
				free_val(m->slot[i].val);
			free(m->slot[i].key);
		}
	free(m->slot);
	*m = (struct map){ 0 };
}

/* ---- a document's values ------------------------------------------------ */

/*
 * A jansson value as a document value, in the scratch arena: for the
 * lines jansson had to read (load() parses the others' text).
 */
static struct glean_jv *
from_json(json_t *x)
{
	struct glean_jv *v, **tail;
	const char *k;
	json_t *y;
	size_t i;

	switch (json_typeof(x)) {
	case JSON_OBJECT:
		v = glean_jv_new(&scratch, GLEAN_JV_OBJ);
		tail = &v->kid;
		json_object_foreach(x, k, y) {
			*tail = from_json(y);
			(*tail)->keylen = strlen(k);
			(*tail)->key = glean_arena_strndup(&scratch, k,
			    (*tail)->keylen);
			tail = &(*tail)->next;
			v->len++;
		}
		return v;
	case JSON_ARRAY:
		v = glean_jv_new(&scratch, GLEAN_JV_ARR);
		tail = &v->kid;
		json_array_foreach(x, i, y) {
			*tail = from_json(y);
			tail = &(*tail)->next;
			v->len++;
		}
		return v;
	case JSON_STRING:
		v = glean_jv_new(&scratch, GLEAN_JV_STR);
		v->len = json_string_length(x);
		v->s = glean_arena_strndup(&scratch, json_string_value(x),
		    v->len);
		return v;
	case JSON_INTEGER:
		v = glean_jv_new(&scratch, GLEAN_JV_INT);
		v->i = json_integer_value(x);
		return v;
	case JSON_REAL:
		v = glean_jv_new(&scratch, GLEAN_JV_REAL);
		v->r = json_real_value(x);
		return v;
	case JSON_TRUE:
		return glean_jv_new(&scratch, GLEAN_JV_TRUE);
	case JSON_FALSE:
		return glean_jv_new(&scratch, GLEAN_JV_FALSE);
	default:
		return glean_jv_new(&scratch, GLEAN_JV_NULL);
	}
}

/* strcmp for field names: they mostly differ in the first byte. */
static int
fieldcmp(const char *a, const char *b)
{
	int d = (unsigned char)*a - (unsigned char)*b;

	return d ? d : strcmp(a, b);
}

/* ---- writing JSON ------------------------------------------------------- */

/* JSON text exactly as jansson writes it (compact, 15 digits for reals). */

static void
put(struct glean_buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The escape of c, a control character, quote or backslash. */
static void
put_escape(struct glean_buf *b, unsigned char c)
{
	char u[8];

	switch (c) {
	case '"': put(b, "\\\""); break;
	case '\\': put(b, "\\\\"); break;
	case '\b': put(b, "\\b"); break;
	case '\f': put(b, "\\f"); break;
	case '\n': put(b, "\\n"); break;
	case '\r': put(b, "\\r"); break;
	case '\t': put(b, "\\t"); break;
	default:
		snprintf(u, sizeof(u), "\\u%04X", c);	/* upper case */
		put(b, u);
		break;
	}
}

static void
put_str(struct glean_buf *b, const char *s)
{
	const char *run = s;

	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, run, (size_t)(s - run));
		put_escape(b, c);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
	buf_addc(b, '"');
}

/* A string, or null for NULL. */
static void
put_nstr(struct glean_buf *b, const char *s)
{
	if (s)
		put_str(b, s);
	else
		put(b, "null");
}

/* v in decimal, at least width digits (zero-padded). */
static void
put_digits(struct glean_buf *b, long long v, int width)
{
	char d[32], *p = d + sizeof(d);
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u || d + sizeof(d) - p < width - (v < 0));
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(d + sizeof(d) - p));
}

static void
put_int(struct glean_buf *b, long long v)
{
	put_digits(b, v, 1);
}

/*
 * A real as jansson writes it: "%.15g", always with a '.' or an 'e',
 * no '+' and no leading zeros in the exponent.
 */
static void
put_real(struct glean_buf *b, double v)
{
	char d[40], *e, *x;

	snprintf(d, sizeof(d) - 2, "%.15g", v);
	if (!strchr(d, '.') && !strchr(d, 'e'))
		strcat(d, ".0");
	if ((e = strchr(d, 'e'))) {
		x = e + 1 + (e[1] == '-');
		e += 2;
		while (*e == '0')
			e++;
		memmove(x, e, strlen(e) + 1);
	}
	put(b, d);
}

/* `"name":`, name being one of merge's own (nothing to escape). */
static void
put_key(struct glean_buf *b, const char *name)
{
	buf_addc(b, '"');
	buf_add(b, name, strlen(name));
	buf_add(b, "\":", 2);
}

/* A member of a compact JSON object, as text. */
struct member {
	const char *name;	/* the key's JSON text, quotes included */
	size_t namelen;
	const char *val;	/* the value's JSON text */
	size_t vallen;
};

/* Past the JSON string at p (its opening quote). */
static const char *
skip_string(const char *p)
{
	const char *q = p + 1, *bs;

	for (;;) {		/* the closing quote: one not escaped */
		q = strchr(q, '"');
		for (bs = q; bs > p + 1 && bs[-1] == '\\'; bs--)
			;
		if ((q - bs) % 2 == 0)
			return q + 1;
		q++;
	}
}

/* Past the compact JSON value at p. */
static const char *
skip_value(const char *p)
{
	int depth = 0;

	do {
		switch (*p) {
		case '"':
			p = skip_string(p);
			break;
		case '{':
		case '[':
			depth++;
			p++;
			break;
		case '}':
		case ']':
			depth--;
			p++;
			break;
		case ',':
		case ':':
			p++;
			break;
		default:	/* a number or a literal */
			while (*p && *p != ',' && *p != ':' && *p != ']' &&
			    *p != '}')
				p++;
			break;
		}
	} while (depth > 0);
	return p;
}

/* The members of the compact JSON object obj, in storage reused by the
 * next call. */
static size_t
members(const char *obj, struct member **mp)
{
	static struct member *m;
	static size_t cap;
	const char *p = obj + 1;
	size_t n = 0;

	for (; *p != '}'; n++) {
		if (*p == ',')
			p++;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			m = glean_realloc(m, cap * sizeof(*m));
		}
		m[n].name = p;
		p = skip_value(p);
		m[n].namelen = (size_t)(p - m[n].name);
		m[n].val = ++p;
		p = skip_value(p);
		m[n].vallen = (size_t)(p - m[n].val);
	}
	*mp = m;
	return n;
}

static int
named(const struct member *m, const char *quoted)
{
	return m->namelen == strlen(quoted) &&
	    !memcmp(m->name, quoted, m->namelen);
}

/* The member of m[0..n) named quoted (a JSON key), or NULL. */
static const struct member *
member(const struct member *m, size_t n, const char *quoted)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (named(&m[i], quoted))
			return &m[i];
	return NULL;
}

static void
put_member(struct glean_buf *b, const struct member *m)
{
	buf_add(b, m->name, (size_t)(m->val + m->vallen - m->name));
}

/* ---- small helpers ----------------------------------------------------- */

static void no_nul(json_t *v);

static const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A canonical, sortable text of any value (sorted keys, compact). */
static char *
canon(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));

	if (!s)
		glean_die(GLEAN_EXIT_FATAL, "out of memory");
	return s;
}

/* v as compact JSON, as the record writes it. */
static char *
compact(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
	    JSON_REAL_PRECISION(15));

	if (!s)
		glean_die(GLEAN_EXIT_FATAL, "cannot serialise the record");
	return s;
}

static int
is_alnum(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 0 && ((unsigned)(cp | 0x20) - 'a' < 26 ||
		    (unsigned)cp - '0' < 10);
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* normtext of an ASCII text: folding is lower-casing. */
static char *
normtext_ascii(const char *s, size_t n)
{
	char *out = glean_malloc(n + 1), c;
	size_t i, o = 0;
	int gap = 0;

	for (i = 0; i < n; i++) {
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
			gap = 1;
			continue;
		}
		if (gap && o)
			out[o++] = ' ';
		gap = 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

/*
 * Case-fold and keep letters and digits, one space between words (in
 * place: the result is never longer than what it has read).
 */
static char *
normtext(const char *s, size_t n)
{
	size_t fl, i, k, len, o = 0;
	char *f;
	int32_t cp;
	int gap = 0;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n)
		return normtext_ascii(s, n);
	f = glean_casefold(s, n, &fl);
	for (i = 0; i < fl; i += len) {
		if ((unsigned char)f[i] < 0x80) {
			cp = f[i];
			len = 1;
		} else
			len = glean_utf8_next(f + i, fl - i, &cp);
		if (!is_alnum(cp)) {
			gap = 1;
			continue;
		}
		if (gap && o)
			f[o++] = ' ';
		gap = 0;
		for (k = 0; k < len; k++)
			f[o++] = f[i + k];
	}
	f[o] = '\0';
	return f;
}

/* A string with curly apostrophes made straight (roles compare alike). */
static char *
plain_quotes(const char *s)
{
	struct glean_buf b = { 0 };

	for (; *s; s++) {
		if (!strncmp(s, "\xe2\x80\x99", 3) ||
		    !strncmp(s, "\xe2\x80\x98", 3)) {
			buf_addc(&b, '\'');
			s += 2;
		} else
			buf_addc(&b, *s);
	}
	return b.s ? b.s : glean_strdup("");
}

static char *
strdup_or_null(const char *s)
{
	return s ? glean_strdup(s) : NULL;
}

/* ---- the state --------------------------------------------------------- */

/*
 * Fact and subject keys join several strings with tabs.  Each part is
 * escaped (backslash and tab) so that a key names exactly one tuple:
 * two facts share a key only when every attribute they are built from
 * is equal, so what a fact shows never depends on which source came
 * first.  NULL is "~", a string "=" and its text, which sort alike.
 */
static void
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

/*
 * Sources are many (one per fact per article, millions in a hostile
 * document) and mostly alike, so a source is four words: its document
 * and its other attributes are interned, each kept once in key_arena
 * however many sources share it.
 */

/* A document id as sources sort by it and write it. */
struct docref {
	const char *key;	/* key_part(id): the order of sources */
	const char *json;	/* the id as a JSON string */
};

/* What a fact groups its sources by (group_by): names of attributes. */
enum { G_WHEN, G_CONTEXT, G_ROLE, G_SPEAKER, NGROUP };

static const char *const group_names[NGROUP][2] = {
	{ "when", NULL }, { "context", NULL }, { "role", NULL },
	{ "speaker", "kind" }
};

/* The attributes of a source other than doc, start and end. */
struct attrs {
	const char *json;	/* a compact JSON object, keys in byte order */
	size_t len;
	const char *val[2];	/* the grouping values, NULL when not strings */
};

/*
 * A source of a fact.  Sources sort by doc, start and end, then by the
 * canonical JSON of the whole source (canon_source), as the strings
 * key_part(doc), "%012lld" start and end, canonical JSON would sort:
 * the record's order does not depend on how sources are held.
 */
struct source {
	const struct docref *doc;
	const struct attrs *at;
	long long start, end;
};

/* A fact: its attributes, and its sources: a list while reading, sorted
 * and made a set when written. */
struct fact {
	char *a, *b;	/* R: area, grade; M: currency, per; P: name */
	double value;		/* M */
	struct source *src;
	size_t nsrc, cap;
	char *text;		/* Q, F: the text as written at textsrc */
	struct source textsrc;	/* doc NULL until there is a text */
};

static int source_cmp(const struct source *x, const struct source *y);

/* The tables of facts of a subject. */
enum { T_R, T_M, T_P, T_Q, T_F, NTAB };

struct subject {
	char *name, *code, *kind;
	struct map aliases;	/* a set */
	struct map tab[NTAB];	/* fact key -> struct fact */
};

/* A distinct document entry: its canonical text and how it is written. */
struct entry {
	char *canon, *text;
	struct entry *next;
};

static struct map docs;		/* id -> struct entry list */
static struct map entry_set;	/* canonical text -> struct entry: one
				 * look-up per document, however many
				 * share its id */
static struct map subjects;	/* subject key -> struct subject */

static void
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
static struct subject *
subject(const char *kind, const char *code, const char *name)
{
	char *key = subject_key(kind, code, name);
	struct slot *sl = map_find(&subjects, key, 1);
	struct subject *s = sl->val;

	free(key);
	if (!s) {
		s = sl->val = glean_calloc(1, sizeof(*s));
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
	free(f);
}

static void
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

/* Fact fkey of table tab in subject s, created empty when new. */
static struct fact *
fact(struct subject *s, int tab, const char *fkey)
{
	struct slot *sl = map_find(&s->tab[tab], fkey, 1);

	if (!sl->val)
		sl->val = glean_calloc(1, sizeof(struct fact));
	return sl->val;
}

/*
 * Add source src to f.  text, when given, is the fact's display text
 * as written at that source: the fact keeps the text of its first source
 * in canonical order, which is associative.
 */
static void
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
 * Interned strings: a set of texts kept in key_arena, each with an
 * object of the caller's.  Open addressing on a power-of-two table.
 */
struct intern {
	struct ientry {
		uint64_t hash;
		const char *key;	/* NUL-terminated, in key_arena */
		size_t len;
		void *obj;
	} *t;
	size_t n, cap;
};

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

/* The entry of k[0..len) in it, added (obj NULL) when new. */
static struct ientry *
intern(struct intern *it, const char *k, size_t len)
{
	uint64_t h = hash_mem(k, len);
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
		e->key = glean_arena_strndup(&key_arena, k, len);
		e->len = len;
		e->hash = h;
		it->n++;
	}
	return e;
}

static void
intern_free(struct intern *it)
{
	free(it->t);
	*it = (struct intern){ 0 };
}

static struct intern docrefs;		/* id -> struct docref */
static struct intern attr_sets[NGROUP];	/* JSON -> struct attrs */

/* The docref of document id. */
static const struct docref *
docref(const char *id)
{
	struct ientry *e = intern(&docrefs, id, strlen(id));
	struct glean_buf b = { 0 };
	struct docref *d = e->obj;

	if (d)
		return d;
	d = e->obj = glean_arena_alloc(&key_arena, sizeof(*d));
	key_part(&b, id, 0);
	d->key = glean_arena_strndup(&key_arena, b.s, b.len);
	glean_buf_reset(&b);
	put_str(&b, id);
	d->json = glean_arena_strndup(&key_arena, b.s, b.len);
	glean_buf_free(&b);
	return d;
}

/* The interned attributes json[0..len) (a compact JSON object, keys in
 * byte order) of a source whose fact groups by group, with the grouping
 * values v0 and v1 (NULL when not strings). */
static const struct attrs *
attrs(int group, const char *json, size_t len, const char *v0,
    const char *v1)
{
	struct ientry *e = intern(&attr_sets[group], json, len);
	struct attrs *a = e->obj;

	if (a)
		return a;
	a = e->obj = glean_arena_alloc(&key_arena, sizeof(*a));
	a->json = e->key;
	a->len = len;
	a->val[0] = v0 ? glean_arena_strndup(&key_arena, v0, strlen(v0)) :
	    NULL;
	a->val[1] = v1 ? glean_arena_strndup(&key_arena, v1, strlen(v1)) :
	    NULL;
	return a;
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
				put(b, x->doc->json);
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
static int
source_cmp(const struct source *x, const struct source *y)
{
	static struct glean_buf cx, cy;
	int r;

	if (x->doc != y->doc && (r = strcmp(x->doc->key, y->doc->key)))
		return r;
	if ((r = offset_cmp(x->start, y->start)) ||
	    (r = offset_cmp(x->end, y->end)) || x->at == y->at)
		return r;
	canon_source(&cx, x);
	canon_source(&cy, y);
	return strcmp(cx.s, cy.s);
}

/* A source's JSON as the record writes it: doc, start and end first,
 * then its other attributes in key order. */
static void
put_source(struct glean_buf *b, const struct source *x)
{
	put(b, "{\"doc\":");
	put(b, x->doc->json);
	put(b, ",\"start\":");
	put_int(b, x->start);
	put(b, ",\"end\":");
	put_int(b, x->end);
	if (x->at->len > 2)
		buf_addc(b, ',');
	buf_add(b, x->at->json + 1, x->at->len - 1);
}

/*
 * A source read from a record (src borrowed, a valid_source), its fact
 * grouping sources by group.
 */
static struct source
record_source(json_t *src, int group)
{
	static struct glean_buf rest;
	char *c = canon(src);
	struct member *m;
	size_t n = members(c, &m), i;
	struct source x;

	glean_buf_reset(&rest);
	buf_addc(&rest, '{');
	for (i = 0; i < n; i++)
		if (!named(&m[i], "\"doc\"") && !named(&m[i], "\"start\"") &&
		    !named(&m[i], "\"end\"")) {
			if (rest.len > 1)
				buf_addc(&rest, ',');
			put_member(&rest, &m[i]);
		}
	buf_addc(&rest, '}');
	free(c);
	x.doc = docref(str(src, "doc"));
	x.start = (long long)json_integer_value(json_object_get(src, "start"));
	x.end = (long long)json_integer_value(json_object_get(src, "end"));
	x.at = attrs(group, rest.s, rest.len,
	    group_names[group][0] ? str(src, group_names[group][0]) : NULL,
	    group_names[group][1] ? str(src, group_names[group][1]) : NULL);
	return x;
}

/* An attribute of a source read from a document. */
struct attr {
	const char *name;
	enum glean_jv_type type;	/* GLEAN_JV_ STR, NULL, TRUE or INT */
	const char *s;
	long long i;
};

/* Room for a source's own attributes and doc, start and end. */
#define MAX_ATTRS 12

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

/* The string attribute name of at[0..n), or NULL. */
static const char *
attr_str(const struct attr *at, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!strcmp(at[i].name, name))
			return at[i].type == GLEAN_JV_STR ? at[i].s : NULL;
	return NULL;
}

/* at[n] = evidence, the sentence a fact came from, when there is one;
 * the new count. */
static size_t
evidence_attr(struct attr *at, size_t n, const char *evidence)
{
	if (evidence)
		at[n++] = (struct attr){ "evidence", GLEAN_JV_STR, evidence,
		    0 };
	return n;
}

/* at[n] = basis, when there is one; the new count. */
static size_t
basis_attr(struct attr *at, size_t n, const char *basis)
{
	if (basis)
		at[n++] = (struct attr){ "basis", GLEAN_JV_STR, basis, 0 };
	return n;
}

/*
 * A source of document doc at [s, e) with the attributes at[0..n) (at
 * has room for MAX_ATTRS; reordered), its fact grouping sources by
 * group.  Its attributes are written as canon() would write them, keys
 * sorted.
 */
static struct source
doc_source(const char *doc, size_t s, size_t e, struct attr *at, size_t n,
    int group)
{
	static struct glean_buf rest;
	size_t i, j;
	struct source x;

	for (i = 1; i < n; i++) {	/* a few: insertion sort by name */
		struct attr y = at[i];

		for (j = i; j > 0 && fieldcmp(at[j - 1].name, y.name) > 0; j--)
			at[j] = at[j - 1];
		at[j] = y;
	}
	glean_buf_reset(&rest);
	buf_addc(&rest, '{');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(&rest, ',');
		put_attr(&rest, &at[i]);
	}
	buf_addc(&rest, '}');
	x.doc = docref(doc);
	x.start = (long long)s;
	x.end = (long long)e;
	x.at = attrs(group, rest.s, rest.len,
	    attr_str(at, n, group_names[group][0]),
	    attr_str(at, n, group_names[group][1]));
	return x;
}

/* A document entry under id: its canonical text and how it is written
 * (both taken). */
static void
add_entry(const char *id, char *canon_text, char *text)
{
	struct slot *sl = map_find(&entry_set, canon_text, 1), *ids;
	struct entry *e = sl->val;

	free(canon_text);
	if (e) {
		/* the same entry: the last one read is written */
		free(e->text);
		e->text = text;
		return;
	}
	ids = map_find(&docs, id, 1);
	e = sl->val = glean_malloc(sizeof(*e));
	e->canon = sl->key;	/* the set's copy */
	e->text = text;
	e->next = ids->val;
	ids->val = e;
}

/* A document entry given as a JSON value (borrowed). */
static void
add_document(json_t *entry)
{
	add_entry(str(entry, "id"), canon(entry), compact(entry));
}

static void
entries_free(void *p)
{
	struct entry *e = p, *next;

	for (; e; e = next) {
		next = e->next;
		free(e->text);
		free(e);
	}
}

/* ---- facts ------------------------------------------------------------- */

static void
add_rating(struct subject *s, const char *area, const char *grade,
    const char *when, struct source src)
{
	char year[5] = "~";
	struct glean_buf fk = { 0 };
	struct fact *f;

	/* the year: four digits, else unknown ("~") */
	if (when && strspn(when, "0123456789") >= 4) {
		memcpy(year, when, 4);
		year[4] = '\0';
	}
	buf_add(&fk, year, strlen(year));
	buf_addc(&fk, '\t');
	key_part(&fk, area, 0);
	key_part(&fk, grade, 1);
	f = fact(s, T_R, fk.s);
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

	snprintf(b, sizeof(b), "%.15g", v);
	v = strtod(b, NULL);
	return v == 0 ? 0.0 : v;
}

/* An amount as the record writes it, and its part of a fact key. */
struct amount {
	double v;
	char key[];
};

static struct map amounts;	/* the bits of an amount as read -> amount */

/*
 * The amount read as raw.  Printing a double is slow and amounts repeat,
 * so each is worked out once.
 */
static const struct amount *
amount(double raw)
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
	sl = map_find(&amounts, hex, 1);
	if (sl->val)
		return sl->val;
	v = money_canon(raw);
	/* sorted by value; ties at six decimals: the double's bits, in
	 * numeric order (the exact value is the identity) */
	memcpy(&bits, &v, sizeof(bits));
	bits = bits >> 63 ? ~bits : bits | (uint64_t)1 << 63;
	n = glean_asprintf("%030.6f\t%016llx\t", v, (unsigned long long)bits);
	a = glean_malloc(sizeof(*a) + strlen(n) + 1);
	a->v = v;
	strcpy(a->key, n);
	free(n);
	return sl->val = a;
}

static void
add_money(struct subject *s, double raw, const char *cur, const char *per,
    struct source src)
{
	const struct amount *am = amount(raw);
	struct glean_buf fk = { 0 };
	struct fact *f;

	if (!isfinite(am->v))
		return;	/* past the largest double once written */
	/* sorted by currency then value */
	key_part(&fk, cur, 0);
	buf_add(&fk, am->key, strlen(am->key));
	key_part(&fk, per, 1);
	f = fact(s, T_M, fk.s);
	if (!f->a) {
		f->value = am->v;
		f->a = glean_strdup(cur);
		f->b = strdup_or_null(per);
	}
	fact_add(f, src, NULL);
	glean_buf_free(&fk);
}

static void
add_person(struct subject *s, const char *name, struct source src)
{
	struct fact *f = fact(s, T_P, name);

	if (!f->a)
		f->a = glean_strdup(name);
	fact_add(f, src, NULL);
}

/* tab is T_Q (speech) or T_F (report findings). */
static void
add_quote(struct subject *s, int tab, const char *text,
    struct source src)
{
	char *k = normtext(text, strlen(text));

	if (*k)
		fact_add(fact(s, tab, k), src, text);
	free(k);
}
/* ---- reading documents ------------------------------------------------- */

struct ment {
	size_t s, e;		/* code points */
	const char *name, *code, *text;
	size_t bs;		/* byte offset of s */
};

static int
get_cp_span(const struct glean_jv *o, size_t ncps, size_t *s, size_t *e)
{
	const struct glean_jv *a = glean_jv_get(o, "start");
	const struct glean_jv *b = glean_jv_get(o, "end");

	if (!a || !b || a->type != GLEAN_JV_INT || b->type != GLEAN_JV_INT)
		return -1;
	if (a->i < 0 || b->i < a->i || (size_t)b->i > ncps)
		return -1;
	*s = (size_t)a->i;
	*e = (size_t)b->i;
	return 0;
}

/*
 * Code point -> byte offsets in a text, the one direction merge needs;
 * an ASCII text (most are) needs no table.
 */
struct cpmap {
	size_t ncps;
	uint32_t *byte;	/* ncps + 1 entries; NULL: the same offsets */
};

static void
cpmap_init(struct cpmap *m, const char *s, size_t n)
{
	size_t i = 0, cp;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < n && !((unsigned char)s[i] & 0x80))
		i++;
	m->ncps = n;
	m->byte = NULL;
	if (i == n)
		return;
	m->byte = glean_malloc((n + 1) * sizeof(*m->byte));
	for (cp = 0; cp < i; cp++)	/* the ASCII start */
		m->byte[cp] = (uint32_t)cp;
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			m->byte[cp++] = (uint32_t)i;
	m->byte[cp] = (uint32_t)n;
	m->ncps = cp;
}

/* The byte offset of code point cp (the end past the last one). */
static size_t
cp_byte(const struct cpmap *m, size_t cp)
{
	if (cp > m->ncps)
		cp = m->ncps;
	return m->byte ? m->byte[cp] : cp;
}

/* A copy of text[s, e) (code points). */
static char *
slice(const struct cpmap *m, const char *text, size_t s, size_t e)
{
	size_t bs = cp_byte(m, s), be = cp_byte(m, e);

	return glean_strndup(text + bs, be - bs);
}

/*
 * What the amount is for: the words after it up to punctuation, past
 * its rate ("-a-year role" -> "role" when per is "year").
 */
static char *
money_context(const struct cpmap *m, const char *text, size_t len,
    size_t e, const char *per)
{
	size_t b = cp_byte(m, e), i = b, lastsp = b, pl;
	const char *p;

	if (per && (pl = strlen(per)) > 0) {
		p = memmem(text + b, len - b < 16 ? len - b : 16, per, pl);
		if (p)
			i = (size_t)(p - text) + pl;
	}
	while (i < len && (text[i] == ' ' || text[i] == '-' || text[i] == '/'))
		i++;
	b = i;
	for (; i < len && i - b < 80; i++) {
		if (strchr(".,;:!?\"()\n", text[i]) ||
		    !strncmp(text + i, "\xe2\x80\x9d", 3) ||
		    !strncmp(text + i, "\xe2\x80\x9c", 3))
			break;
		if (text[i] == ' ')
			lastsp = i;
	}
	if (i - b >= 80 && lastsp > b)
		i = lastsp;
	while (i > b && i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
		i--;		/* not inside a character */
	while (i > b && text[i - 1] == ' ')
		i--;
	return glean_strndup(text + b, i - b);
}

static int
is_quote_cp(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB;
}

static int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xA0;
}

/* Is the character before byte b of text (after byte a) a blank or a
 * quote mark?  *start gets where it starts. */
static int
trim_before(const char *text, size_t a, size_t b, size_t *start)
{
	int32_t cp;

	for (*start = b - 1; *start > a &&
	    ((unsigned char)text[*start] & 0xC0) == 0x80; --*start)
		;
	glean_utf8_next(text + *start, b - *start, &cp);
	return is_space_cp(cp) || is_quote_cp(cp);
}

/*
 * One quote, paragraph by paragraph (a quote reopened on each): the
 * code points [qs, qe) of text, whose offset in the document is base.
 * The walk is in bytes (a newline is one byte), counting code points.
 */
static void
doc_quote(struct subject *s, int tab, const char *id, const struct cpmap *m,
    const char *text, size_t qs, size_t qe, size_t base, const char *speaker,
    const char *kind, const char *basis)
{
	size_t i = cp_byte(m, qs), end = cp_byte(m, qe), ci = qs;
	size_t a, b, ca, cb, l, prev;
	const char *nl;
	int32_t cp;
	struct attr at[MAX_ATTRS];

	while (i < end) {
		/* a paragraph: up to a newline */
		a = i;
		ca = ci;
		nl = memchr(text + i, '\n', end - i);
		b = nl ? (size_t)(nl - text) : end;
		cb = ca + (m->byte ? glean_cp_count(text + a, b - a) : b - a);
		for (i = b, ci = cb; i < end && text[i] == '\n'; i++)
			ci++;
		/* trim white space and quote marks */
		while (a < b) {
			l = glean_utf8_next(text + a, b - a, &cp);
			if (!is_space_cp(cp) && !is_quote_cp(cp))
				break;
			a += l;
			ca++;
		}
		while (b > a && trim_before(text, a, b, &prev)) {
			b = prev;
			cb--;
		}
		if (b > a) {
			char *t = glean_strndup(text + a, b - a);

			at[0] = (struct attr){ "speaker", speaker ?
			    GLEAN_JV_STR : GLEAN_JV_NULL, speaker, 0 };
			at[1] = (struct attr){ "kind",
			    kind ? GLEAN_JV_STR : GLEAN_JV_NULL, kind, 0 };
			add_quote(s, tab, t, doc_source(id, base + ca,
			    base + cb, at, basis_attr(at, 2, basis),
			    G_SPEAKER));
			free(t);
		}
	}
}

static int
mcmp(const void *a, const void *b)
{
	const struct ment *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* Mentions by name, then position. */
static int
namecmp(const void *a, const void *b)
{
	const struct ment *x = *(const struct ment *const *)a;
	const struct ment *y = *(const struct ment *const *)b;
	int r = strcmp(x->name, y->name);

	return r ? r : x < y ? -1 : x > y;
}

/* Mentions with a code by code, then position; those without last. */
static int
codecmp(const void *a, const void *b)
{
	const struct ment *x = *(const struct ment *const *)a;
	const struct ment *y = *(const struct ment *const *)b;
	int r;

	if (!x->code || !y->code)
		r = !x->code - !y->code;
	else
		r = strcmp(x->code, y->code);
	return r ? r : x < y ? -1 : x > y;
}

/*
 * The main mention of ms[0..nm): its name has most mentions; of equals,
 * the earliest.  *bestn is 0 when there is none.
 */
static void
main_mention(struct ment *ms, size_t nm, size_t *best, size_t *bestn)
{
	struct ment **v = glean_calloc(nm + 1, sizeof(*v));
	size_t i, j, first;

	*best = *bestn = 0;
	for (i = 0; i < nm; i++)
		v[i] = &ms[i];
	qsort(v, nm, sizeof(*v), namecmp);
	for (i = 0; i < nm; i = j) {
		for (j = i + 1; j < nm && !strcmp(v[j]->name, v[i]->name); j++)
			;
		first = (size_t)(v[i] - ms);
		if (j - i > *bestn || (j - i == *bestn && first < *best)) {
			*bestn = j - i;
			*best = first;
		}
	}
	free(v);
}

/* A document's role entities, by start and by end, for adjacent_role(). */
struct rent {
	size_t s, e;		/* code points */
	size_t i;		/* position in the layer */
	const struct glean_jv *ent;
};

struct roles {
	struct rent *bys, *bye;
	size_t n;
};

static int
rent_by_s(const void *a, const void *b)
{
	const struct rent *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
rent_by_e(const void *a, const void *b)
{
	const struct rent *x = a, *y = b;

	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void
roles_init(struct roles *r, const struct glean_jv *ents, size_t ncps)
{
	const struct glean_jv *e;
	size_t i, s, en;

	r->n = 0;
	r->bys = glean_calloc(ents->len + 1, sizeof(*r->bys));
	r->bye = glean_calloc(ents->len + 1, sizeof(*r->bye));
	for (e = glean_jv_items(ents), i = 0; e; e = e->next, i++) {
		const char *kind = glean_jv_str(e, "kind");

		if (!kind || strcmp(kind, "role") ||
		    get_cp_span(e, ncps, &s, &en))
			continue;
		r->bys[r->n] = (struct rent){ s, en, i, e };
		r->bye[r->n++] = (struct rent){ s, en, i, e };
	}
	qsort(r->bys, r->n, sizeof(*r->bys), rent_by_s);
	qsort(r->bye, r->n, sizeof(*r->bye), rent_by_e);
}

static void
roles_free(struct roles *r)
{
	free(r->bys);
	free(r->bye);
}

/* Only spaces and commas in the code points [a, b)? */
static int
gap_ok(const struct cpmap *m, const char *text, size_t a, size_t b)
{
	size_t k, be = cp_byte(m, b);

	for (k = cp_byte(m, a); k < be; k++)
		if (text[k] != ' ' && text[k] != ',')
			return 0;
	return 1;
}

/*
 * The role next to a person: a role entity just before it ("chief
 * executive Clare Marchant", the first such in the layer), else just
 * after it (the last such).  Returns a fresh string or NULL.
 */
static char *
adjacent_role(const struct roles *r, const struct cpmap *m,
    const char *text, size_t ps, size_t pe)
{
	const struct rent *before = NULL, *after = NULL, *best, *x;
	const char *cn;
	size_t v, lo, hi, mid;

	for (v = ps >= 3 ? ps - 3 : 0; v <= ps; v++) {
		/* the first role (in the layer) ending at v */
		for (lo = 0, hi = r->n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (r->bye[mid].e < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == r->n || r->bye[lo].e != v)
			continue;
		x = &r->bye[lo];
		if ((!before || x->i < before->i) && gap_ok(m, text, v, ps))
			before = x;
	}
	for (v = pe; !before && v <= pe + 3; v++) {
		/* the last role (in the layer) starting at v */
		for (lo = 0, hi = r->n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (r->bys[mid].s <= v)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (!lo || r->bys[lo - 1].s != v)
			continue;
		x = &r->bys[lo - 1];
		if ((!after || x->i > after->i) && gap_ok(m, text, pe, v))
			after = x;
	}
	best = before ? before : after;
	if (!best)
		return NULL;
	cn = glean_jv_str(best->ent, "canonical");
	return cn && *cn ? glean_strdup(cn) : slice(m, text, best->s, best->e);
}

/*
 * The document's entry: id, source, published, published_inferred when
 * true and errors when there are some (a jansson value, borrowed).  Its
 * canonical text has the keys sorted; errors is the one arbitrary value.
 */
static void
doc_entry(const struct glean_jv *doc, json_t *errors, const char *id)
{
	struct glean_buf c = { 0 }, t = { 0 };
	const struct glean_jv *pi = glean_jv_get(doc, "published_inferred");
	int inferred = pi && pi->type == GLEAN_JV_TRUE;
	char *ec = NULL, *et = NULL;

	if (json_is_array(errors) && json_array_size(errors)) {
		ec = canon(errors);
		et = compact(errors);
	}
	put(&c, "{");
	if (ec) {
		put(&c, "\"errors\":");
		put(&c, ec);
		put(&c, ",");
	}
	put(&c, "\"id\":");
	put_str(&c, id);
	put(&c, ",\"published\":");
	put_nstr(&c, glean_jv_str(doc, "published"));
	if (inferred)
		put(&c, ",\"published_inferred\":true");
	put(&c, ",\"source\":");
	put_nstr(&c, glean_jv_str(doc, "source"));
	put(&c, "}");

	put(&t, "{\"id\":");
	put_str(&t, id);
	put(&t, ",\"source\":");
	put_nstr(&t, glean_jv_str(doc, "source"));
	put(&t, ",\"published\":");
	put_nstr(&t, glean_jv_str(doc, "published"));
	if (inferred)
		put(&t, ",\"published_inferred\":true");
	if (et) {
		put(&t, ",\"errors\":");
		put(&t, et);
	}
	put(&t, "}");
	add_entry(id, c.s, t.s);
	free(ec);
	free(et);
}

/*
 * The money and quotes layers can hold millions of items (a document of
 * "1p 1p 1p ..."), so load() leaves their text as it is and each item is
 * parsed on its own when its turn comes, into an arena emptied for the
 * next: memory holds one item, not the layer.
 */
enum { LAZY_MONEY, LAZY_QUOTES, NLAZY };

static const char *const lazy_names[NLAZY] = { "money", "quotes" };

/* The text of the lazy layers of a document (NULL: not read so). */
struct lazy {
	const char *text[NLAZY];
	size_t len[NLAZY];
};

static struct glean_arena item_arena;	/* the one lazy item read */

/* The items of a layer: a list of values, or the text of an array. */
struct items {
	const struct glean_jv *next;	/* the list's next item */
	const char *p, *end;		/* the array text left, or NULL */
};

/* Past the white space at p (before end). */
static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

/* Past the JSON value at p, text the stream's scanner accepted (white
 * space inside allowed): strings skipped whole, brackets counted. */
static const char *
skip_json(const char *p, const char *end)
{
	int depth = 0, instr = 0;

	if (*p != '"' && *p != '{' && *p != '[') {
		while (p < end && !strchr(",]} \t\r\n", *p))
			p++;
		return p;
	}
	for (; p < end; p++) {
		if (instr) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				instr = 0;
		} else if (*p == '"')
			instr = 1;
		else if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		if (!instr && depth == 0)
			return p + 1;
	}
	return p;
}

/* The next item of it, or NULL at the end.  An item read from text
 * lives until the next call. */
static const struct glean_jv *
items_next(struct items *it)
{
	const struct glean_jv *e = it->next;
	const char *q;

	if (!it->p) {
		if (e)
			it->next = e->next;
		return e;
	}
	it->p = skip_ws(it->p, it->end);
	if (it->p < it->end && *it->p == ',')
		it->p = skip_ws(it->p + 1, it->end);
	if (it->p >= it->end || *it->p == ']')
		return NULL;
	q = skip_json(it->p, it->end);
	glean_arena_reset(&item_arena);
	e = glean_jv_parse(&item_arena, it->p, (size_t)(q - it->p));
	it->p = q;
	return e;
}

/* A document being read. */
struct rdoc {
	const char *id;
	const char *text;	/* "" when dropped */
	size_t len;
	int notext;
	size_t lim;		/* the largest offset taken */
	struct cpmap m;
	const struct glean_jv *ents;	/* the entities layer, or NULL */
	struct ment *ms;	/* its authority mentions, by position */
	size_t nm;
	/* the council mentioned (or rated) most, NULL when none */
	const char *main_name, *main_code;
	/* the council the article is about (read_topics), NULL if none */
	const char *about_name, *about_code;
	int findings_ok;	/* names an inspectorate, or is about an
				 * inspection */
	struct span {
		size_t s, e;
	} *bp;			/* boilerplate, code points */
	size_t nbp;
	/* the last council subject asked for, by its code and name */
	const char *last_code, *last_name;
	struct subject *last_s;
	struct subject *unknown_s;	/* once needed */
	const char *file;	/* where it was read, for messages */
	long line;
	int bad;		/* a layer item was malformed */
};

/*
 * Report item i of layer (or the layer itself when i is (size_t)-1) as
 * malformed, with the document's file, line and id: merge takes what it
 * can of a document and says what it could not.
 */
static void
layer_problem(struct rdoc *d, const char *layer, size_t i, const char *what)
{
	if (i == (size_t)-1)
		glean_warn_at(d->file, d->line, "document '%s': %s %s", d->id,
		    layer, what);
	else
		glean_warn_at(d->file, d->line, "document '%s': %s[%zu] %s",
		    d->id, layer, i, what);
	d->bad = 1;
}

/* What is wrong with the span of item o (NULL when nothing): integer
 * offsets, start <= end <= lim. */
static const char *
span_problem(const struct glean_jv *o, size_t lim)
{
	const struct glean_jv *a = glean_jv_get(o, "start");
	const struct glean_jv *b = glean_jv_get(o, "end");

	if (!o || o->type != GLEAN_JV_OBJ)
		return "is not an object";
	if (!a || !b || a->type != GLEAN_JV_INT || b->type != GLEAN_JV_INT)
		return "has no integer start and end";
	if (a->i < 0 || b->i < a->i)
		return "has its end before its start";
	if ((size_t)b->i > lim)
		return "has offsets past the text";
	return NULL;
}

/* Is member key of o present but neither a string nor null? */
static int
not_string(const struct glean_jv *o, const char *key)
{
	const struct glean_jv *v = glean_jv_get(o, key);

	return v && v->type != GLEAN_JV_STR && v->type != GLEAN_JV_NULL;
}

/*
 * Check item i of layer: its span, then that each of the keys (a
 * NULL-terminated list) is a string or null when present.  Reports the
 * first problem; returns 0 when there is none.
 */
static int
check_item(struct rdoc *d, const char *layer, size_t i,
    const struct glean_jv *o, const char *const *keys)
{
	const char *why = span_problem(o, d->lim);
	char msg[80];

	for (; !why && *keys; keys++)
		if (not_string(o, *keys)) {
			snprintf(msg, sizeof(msg), "has a \"%s\" that is not "
			    "a string", *keys);
			why = msg;
		}
	if (why)
		layer_problem(d, layer, i, why);
	return why != NULL;
}

/* The items of layer name of doc; reported when present but not an
 * array. */
static const struct glean_jv *
layer_items(struct rdoc *d, const struct glean_jv *doc, const char *name)
{
	const struct glean_jv *l = glean_jv_get(doc, name);

	if (l && l->type != GLEAN_JV_ARR && l->type != GLEAN_JV_NULL)
		layer_problem(d, name, (size_t)-1, "is not an array");
	return glean_jv_items(l);
}

/* Report the malformed items of the entities layer (each reader skips
 * them). */
static void
check_entities(struct rdoc *d)
{
	static const char *const keys[] = { "kind", "canonical", "code",
	    "text", "role", NULL };
	const struct glean_jv *e;
	size_t i;

	for (e = glean_jv_items(d->ents), i = 0; e; e = e->next, i++)
		check_item(d, "entities", i, e, keys);
}

/* The subject of facts about no council. */
static struct subject *
unknown_subject(struct rdoc *d)
{
	if (!d->unknown_s)
		d->unknown_s = subject("unknown", NULL, NULL);
	return d->unknown_s;
}

/*
 * The document's authority mentions (d->ms, by position), and its main
 * council: the authority mentioned most, else (none among the entities)
 * the council most rated.  Nothing is attached here.
 */
static void
find_council(struct rdoc *d, const struct glean_jv *ratings)
{
	const struct glean_jv *e;
	const char *kind;
	size_t s, en, best, bestn;
	struct map counts = { 0 };
	struct slot *sl;

	for (e = glean_jv_items(d->ents); e; e = e->next) {
		const char *nmv = glean_jv_str(e, "canonical");

		kind = glean_jv_str(e, "kind");
		if (!kind || strcmp(kind, "authority") || !nmv || !*nmv ||
		    get_cp_span(e, d->lim, &s, &en))
			continue;
		d->ms[d->nm++] = (struct ment){ s, en, nmv,
		    glean_jv_str(e, "code"), glean_jv_str(e, "text"),
		    d->notext ? 0 : cp_byte(&d->m, s) };
	}
	if (d->nm > 1)
		qsort(d->ms, d->nm, sizeof(*d->ms), mcmp);
	main_mention(d->ms, d->nm, &best, &bestn);
	if (bestn)
		ratings = NULL;
	for (e = ratings; e; e = e->next) {
		const char *sn = glean_jv_str(e, "subject");

		if (sn) {
			sl = map_find(&counts, sn, 1);
			sl->val = (void *)((uintptr_t)sl->val + 1);
		}
	}
	for (e = ratings; e; e = e->next) {
		const char *sk = glean_jv_str(e, "subject_kind");
		const char *sn = glean_jv_str(e, "subject");
		size_t n;

		if (!sn || (sk && strcmp(sk, "authority")))
			continue;
		n = (size_t)(uintptr_t)map_find(&counts, sn, 0)->val;
		if (n > bestn) {
			bestn = n;
			d->ms[0] = (struct ment){ 0, 0, sn,
			    glean_jv_str(e, "code"), NULL, 0 };
			best = 0;
			d->nm = 0;
		}
	}
	map_free(&counts, NULL);
	if (!bestn)
		return;
	d->main_name = d->ms[best].name;
	d->main_code = d->ms[best].code;
}

/* ---- which council a fact belongs to ----------------------------------- */

/* Is byte i of text a sentence end: . ! or ? then closing quotation
 * marks, then white space or the end? */
static int
sentence_end_at(const char *text, size_t len, size_t i)
{
	if (text[i] != '.' && text[i] != '!' && text[i] != '?')
		return 0;
	for (i++; i < len; i++) {
		if (text[i] == '"' || text[i] == '\'')
			continue;
		if (i + 2 < len && (unsigned char)text[i] == 0xe2 &&
		    (unsigned char)text[i + 1] == 0x80 &&
		    ((unsigned char)text[i + 2] == 0x9d ||
		    (unsigned char)text[i + 2] == 0x99)) {
			i += 2;
			continue;
		}
		break;
	}
	return i == len || text[i] == ' ' || text[i] == '\n';
}

/* How far a sentence (a paragraph) is looked for around a fact, in
 * bytes: evidence is near, and a huge line must not cost its length for
 * each fact. */
#define SENTENCE_REACH 1000
#define PARAGRAPH_REACH 4000

/* Bytes [*a, *b) of the sentences holding bytes [s, e) (para: of the
 * paragraph, a line), within the reach above. */
static void
context_of(const char *text, size_t len, size_t s, size_t e, int para,
    size_t *a, size_t *b)
{
	size_t reach = para ? PARAGRAPH_REACH : SENTENCE_REACH;
	size_t lo = s > reach ? s - reach : 0;
	size_t hi = len - e > reach ? e + reach : len;
	size_t i;

	for (i = s; i > lo && text[i - 1] != '\n'; i--)
		if (!para && i >= 2 && text[i - 1] == ' ' &&
		    sentence_end_at(text, len, i - 2))
			break;
	*a = i;
	for (i = e; i < hi && text[i] != '\n'; i++)
		if (!para && i > s && sentence_end_at(text, len, i)) {
			i++;
			break;
		}
	*b = i;
}

/* The longest evidence sentence kept, in bytes; a longer one is cut
 * around the fact, at whole characters, with an ellipsis. */
#define EVIDENCE_MAX 300

/*
 * The sentence holding code points [s, e) of the document, trimmed of
 * white space, at most about EVIDENCE_MAX bytes (cut around the fact):
 * the `evidence` an analyst reads beside a fact.  Returns a string the
 * caller frees, or NULL when the document's text was not kept.
 */
static char *
evidence_of(const struct rdoc *d, size_t s, size_t e)
{
	size_t bs, be, a, b, half;
	struct glean_buf out = { 0 };
	int cut_a = 0, cut_b = 0;

	if (d->notext)
		return NULL;
	bs = cp_byte(&d->m, s);
	be = cp_byte(&d->m, e);
	context_of(d->text, d->len, bs, be, 0, &a, &b);
	while (a < bs && (d->text[a] == ' ' || d->text[a] == '\t'))
		a++;
	while (b > be && (d->text[b - 1] == ' ' || d->text[b - 1] == '\t'))
		b--;
	if (b - a > EVIDENCE_MAX) {
		half = EVIDENCE_MAX / 2;
		if (bs - a > half) {
			a = bs - half;
			cut_a = 1;
		}
		if (b - a > EVIDENCE_MAX) {
			b = (a + EVIDENCE_MAX > be) ? a + EVIDENCE_MAX : be;
			cut_b = b < d->len;
		}
		/* whole characters: off continuation bytes */
		while (a < bs && ((unsigned char)d->text[a] & 0xC0) == 0x80)
			a++;
		while (b > be && b < d->len &&
		    ((unsigned char)d->text[b] & 0xC0) == 0x80)
			b--;
	}
	if (cut_a)
		glean_buf_add(&out, "\xe2\x80\xa6", 3);  /* U+2026 */
	glean_buf_add(&out, d->text + a, b - a);
	if (cut_b)
		glean_buf_add(&out, "\xe2\x80\xa6", 3);  /* U+2026 */
	return out.s ? out.s : glean_strdup("");	/* NUL-terminated */
}

/*
 * The council mention in bytes [a, b) of the document: one of the
 * article's council if there is one, else the nearest to byte at; NULL
 * when none.
 */
static const struct ment *
mention_in(const struct rdoc *d, size_t a, size_t b, size_t at)
{
	const struct ment *best = NULL;
	size_t lo = 0, hi = d->nm, mid, dist, bestd = (size_t)-1;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->ms[mid].bs < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < d->nm && d->ms[lo].bs < b; lo++) {
		const struct ment *m = &d->ms[lo];

		if (!m->code && !m->name)
			continue;
		if (d->about_code && m->code && !strcmp(m->code, d->about_code))
			return m;
		dist = m->bs > at ? m->bs - at : at - m->bs;
		if (dist < bestd) {
			bestd = dist;
			best = m;
		}
	}
	return best;
}

/* Does the fact at code points [s, e) overlap a boilerplate span?  The
 * spans are sorted and disjoint (read_topics). */
static int
in_boilerplate(const struct rdoc *d, size_t s, size_t e)
{
	size_t lo = 0, hi = d->nbp, mid;

	/* the first span ending after s */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->bp[mid].e <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nbp && d->bp[lo].s < e;
}

static int
spancmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* The subject of the council a mention names, with the document's
 * mentions of its code as aliases (once per code and document). */
static struct subject *
mention_subject(struct rdoc *d, const char *code, const char *name)
{
	struct subject *s;
	size_t i;

	if (d->last_s && code == d->last_code && name == d->last_name)
		return d->last_s;
	s = subject("authority", code, name);
	d->last_code = code;
	d->last_name = name;
	if (s == d->last_s)
		return s;
	d->last_s = s;
	for (i = 0; i < d->nm; i++)
		if (d->ms[i].text && ((code && d->ms[i].code &&
		    !strcmp(d->ms[i].code, code)) || (!code &&
		    !strcmp(d->ms[i].name, name))))
			add_alias(s, d->ms[i].text);
	return s;
}

/*
 * The subject of a fact at code points [s, e) and the evidence for it
 * (*basis): a council named or referred to in the same sentence
 * ("sentence") or paragraph ("paragraph"), else the council the article
 * is about ("article"), else "unknown" (*basis NULL).  NULL: the fact
 * lies in boilerplate and is not taken.
 */
static struct subject *
fact_subject(struct rdoc *d, size_t s, size_t e, const char **basis)
{
	const struct ment *m = NULL;
	size_t bs, be, a, b;
	int para;

	*basis = NULL;
	if (in_boilerplate(d, s, e))
		return NULL;
	if (!d->notext && d->nm) {
		bs = cp_byte(&d->m, s);
		be = cp_byte(&d->m, e);
		for (para = 0; para < 2 && !m; para++) {
			context_of(d->text, d->len, bs, be, para, &a, &b);
			if ((m = mention_in(d, a, b, bs)))
				*basis = para ? "paragraph" : "sentence";
		}
		if (m)
			return mention_subject(d, m->code, m->name);
	}
	if (d->about_name || d->about_code) {
		*basis = "article";
		return mention_subject(d, d->about_code, d->about_name);
	}
	return unknown_subject(d);
}

/*
 * What the document's layers say it is about: the council of its topics
 * layer, whether it names an inspectorate or is about an inspection
 * (findings need one), its boilerplate spans.  A document without a
 * topics layer (written by hand, or by an older glean-entities) is about
 * the council find_council chose, as before the layer existed.
 */
static void
read_topics(struct rdoc *d, const struct glean_jv *doc)
{
	const struct glean_jv *t = glean_jv_get(doc, "topics");
	const struct glean_jv *subj, *e;
	const struct glean_jv *bp = glean_jv_get(doc, "boilerplate");
	size_t s, en, i, k;

	if (!t || t->type != GLEAN_JV_OBJ) {
		d->findings_ok = 1;
		if (d->main_name) {
			d->about_name = d->main_name;
			d->about_code = d->main_code;
		}
	} else {
		d->findings_ok = glean_jv_get(t, "inspectorate") ||
		    glean_jv_get(t, "inspection");
		subj = glean_jv_get(glean_jv_get(t, "council"), "subject");
		if (subj && glean_jv_str(subj, "name")) {
			d->about_name = glean_jv_str(subj, "name");
			d->about_code = glean_jv_str(subj, "code");
		}
	}
	if (!bp || bp->type != GLEAN_JV_ARR)
		return;
	d->bp = glean_arena_alloc(&scratch, (bp->len + 1) * sizeof(*d->bp));
	for (e = glean_jv_items(bp); e; e = e->next)
		if (!get_cp_span(e, d->lim, &s, &en) && en > s)
			d->bp[d->nbp++] = (struct span){ s, en };
	/* sorted and disjoint, for in_boilerplate */
	qsort(d->bp, d->nbp, sizeof(*d->bp), spancmp);
	for (k = i = 0; i < d->nbp; i++) {
		if (k && d->bp[i].s <= d->bp[k - 1].e) {
			if (d->bp[i].e > d->bp[k - 1].e)
				d->bp[k - 1].e = d->bp[i].e;
			continue;
		}
		d->bp[k++] = d->bp[i];
	}
	d->nbp = k;
}

/* The texts of the mentions of council code as aliases of subj. */
static void
code_aliases(struct subject *subj, struct ment **bycode, size_t nc,
    const char *code)
{
	size_t lo = 0, hi = nc, j;

	while (lo < hi) {
		j = lo + (hi - lo) / 2;
		if (strcmp(bycode[j]->code, code) < 0)
			lo = j + 1;
		else
			hi = j;
	}
	for (j = lo; j < nc && !strcmp(bycode[j]->code, code); j++)
		if (bycode[j]->text)
			add_alias(subj, bycode[j]->text);
}

static void
read_ratings(struct rdoc *d, const struct glean_jv *layer)
{
	const struct glean_jv *e;
	struct ment **bycode = NULL;
	struct map done = { 0 };
	struct attr at[MAX_ATTRS];
	struct subject *subj;
	size_t s, en, j, nc = 0, i;
	static const char *const keys[] = { "area", "grade", "subject_kind",
	    "subject", "code", "when", "grade_as_written", "inspectorate",
	    NULL };

	for (e = layer, i = 0; e; e = e->next, i++) {
		const char *area = glean_jv_str(e, "area");
		const char *grade = glean_jv_str(e, "grade");
		const char *sk = glean_jv_str(e, "subject_kind");
		const char *sn = glean_jv_str(e, "subject");
		const char *code = glean_jv_str(e, "code");
		const char *when = glean_jv_str(e, "when");
		const struct glean_jv *imp = glean_jv_get(e, "implied");
		size_t n = 0;
		char *ev;

		if (check_item(d, "ratings", i, e, keys) && (!area || !grade ||
		    get_cp_span(e, d->lim, &s, &en)))
			continue;
		if (!area || !grade) {
			layer_problem(d, "ratings", i,
			    "has no area or no grade");
			continue;
		}
		get_cp_span(e, d->lim, &s, &en);
		if (!sk)
			sk = "authority";
		if (sn || code)
			subj = subject(sk, code, sn);
		else if (d->about_name || d->about_code)
			subj = mention_subject(d, d->about_code, d->about_name);
		else
			subj = unknown_subject(d);
		/* the council's own mentions as aliases (the subject is
		 * the code's: once per code) */
		if (code && !strcmp(sk, "authority") &&
		    !map_find(&done, code, 0)) {
			map_find(&done, code, 1);
			if (!bycode) {
				bycode = glean_calloc(d->nm + 1,
				    sizeof(*bycode));
				for (j = 0; j < d->nm; j++)
					bycode[j] = &d->ms[j];
				qsort(bycode, d->nm, sizeof(*bycode),
				    codecmp);
				for (nc = 0; nc < d->nm && bycode[nc]->code;
				    nc++)
					;
			}
			code_aliases(subj, bycode, nc, code);
		}
		at[n++] = (struct attr){ "when",
		    when ? GLEAN_JV_STR : GLEAN_JV_NULL, when, 0 };
		if (glean_jv_str(e, "grade_as_written"))
			at[n++] = (struct attr){ "grade_as_written",
			    GLEAN_JV_STR, glean_jv_str(e, "grade_as_written"),
			    0 };
		if (glean_jv_str(e, "inspectorate"))
			at[n++] = (struct attr){ "inspectorate", GLEAN_JV_STR,
			    glean_jv_str(e, "inspectorate"), 0 };
		if (imp && imp->type == GLEAN_JV_TRUE)
			at[n++] = (struct attr){ "implied", GLEAN_JV_TRUE,
			    NULL, 0 };
		ev = evidence_of(d, s, en);
		n = evidence_attr(at, n, ev);
		add_rating(subj, area, grade, when,
		    doc_source(d->id, s, en, at, n, G_WHEN));
		free(ev);
	}
	map_free(&done, NULL);
	free(bycode);
}

static void
read_money(struct rdoc *d, struct items *layer)
{
	const struct glean_jv *e, *v;
	const char *cur, *per, *basis;
	struct attr at[MAX_ATTRS];
	struct subject *subj;
	size_t s, en, n, i;
	double val;
	char *tx, *cx, *ev;
	static const char *const keys[] = { "currency", "per", "text", NULL };

	for (i = 0; (e = items_next(layer)); i++) {
		v = glean_jv_get(e, "value");
		cur = glean_jv_str(e, "currency");
		per = glean_jv_str(e, "per");
		if (check_item(d, "money", i, e, keys))
			continue;
		if (!v || (v->type != GLEAN_JV_INT &&
		    v->type != GLEAN_JV_REAL) || !cur) {
			layer_problem(d, "money", i,
			    "has no numeric value or no currency");
			continue;
		}
		get_cp_span(e, d->lim, &s, &en);
		if (en == s) {
			layer_problem(d, "money", i, "has an empty span");
			continue;
		}
		val = v->type == GLEAN_JV_INT ? (double)v->i : v->r;
		if (!isfinite(val) || !(subj = fact_subject(d, s, en, &basis)))
			continue;
		tx = d->notext ? glean_strdup(glean_jv_str(e, "text") ?
		    glean_jv_str(e, "text") : "") :
		    slice(&d->m, d->text, s, en);
		cx = d->notext ? glean_strdup("") :
		    money_context(&d->m, d->text, d->len, en, per);
		at[0] = (struct attr){ "text", GLEAN_JV_STR, tx, 0 };
		at[1] = (struct attr){ "context", GLEAN_JV_STR, cx, 0 };
		n = basis_attr(at, 2, basis);
		/* evidence for a council's facts only: the rest of a corpus's
		 * facts would cost memory for no reader */
		ev = basis ? evidence_of(d, s, en) : NULL;
		n = evidence_attr(at, n, ev);
		add_money(subj, val, cur, per,
		    doc_source(d->id, s, en, at, n, G_CONTEXT));
		free(tx);
		free(cx);
		free(ev);
	}
}

static void
read_people(struct rdoc *d)
{
	const struct glean_jv *e;
	const char *name, *role, *kind, *basis;
	struct subject *subj;
	struct roles roles = { NULL, NULL, 0 };
	struct attr at[MAX_ATTRS];
	int rolesok = 0;
	size_t s, en;

	for (e = glean_jv_items(d->ents); e; e = e->next) {
		char *own = NULL, *adj = NULL, *plain, *ev;

		name = glean_jv_str(e, "canonical");
		role = glean_jv_str(e, "role");
		kind = glean_jv_str(e, "kind");
		if (!kind || strcmp(kind, "person") ||
		    get_cp_span(e, d->lim, &s, &en) || en == s ||
		    !(subj = fact_subject(d, s, en, &basis)))
			continue;
		if (!name || !*name)
			name = glean_jv_str(e, "text");
		if ((!name || !*name) && d->notext)
			continue;
		if (!name || !*name)
			name = own = slice(&d->m, d->text, s, en);
		if ((!role || !*role) && !d->notext) {
			if (!rolesok) {
				roles_init(&roles, d->ents, d->m.ncps);
				rolesok = 1;
			}
			role = adj = adjacent_role(&roles, &d->m, d->text, s,
			    en);
		}
		plain = role ? plain_quotes(role) : NULL;
		at[0] = (struct attr){ "role",
		    plain ? GLEAN_JV_STR : GLEAN_JV_NULL, plain, 0 };
		ev = basis ? evidence_of(d, s, en) : NULL;
		add_person(subj, name, doc_source(d->id, s, en, at,
		    evidence_attr(at, basis_attr(at, 1, basis), ev), G_ROLE));
		free(plain);
		free(ev);
		free(own);
		free(adj);
	}
	if (rolesok)
		roles_free(&roles);
}

/* Quotes: speech to "quotes", report findings to "findings". */
static void
read_quotes(struct rdoc *d, struct items *layer)
{
	const struct glean_jv *e;
	const char *qk, *qt, *basis;
	struct subject *subj;
	struct cpmap qm;
	size_t s, en, i;
	int tab;
	static const char *const keys[] = { "kind", "speaker", "text", NULL };

	for (i = 0; (e = items_next(layer)); i++) {
		if (check_item(d, "quotes", i, e, keys))
			continue;
		qk = glean_jv_str(e, "kind");
		/* a finding needs an inspectorate named, or an article
		 * about an inspection: else it is a quotation */
		tab = qk && !strcmp(qk, "report") && d->findings_ok ? T_F :
		    T_Q;
		get_cp_span(e, d->lim, &s, &en);
		if (en == s) {
			layer_problem(d, "quotes", i, "has an empty span");
			continue;
		}
		if (qk && !strcmp(qk, "scare"))
			continue;
		if (!(subj = fact_subject(d, s, en, &basis)))
			continue;
		if (!d->notext) {
			doc_quote(subj, tab, d->id, &d->m, d->text, s, en, 0,
			    glean_jv_str(e, "speaker"), qk, basis);
			continue;
		}
		if (!(qt = glean_jv_str(e, "text"))) {
			layer_problem(d, "quotes", i, "has no text (nor has "
			    "its document)");
			continue;
		}
		cpmap_init(&qm, qt, strlen(qt));
		doc_quote(subj, tab, d->id, &qm, qt, 0, qm.ncps, s,
		    glean_jv_str(e, "speaker"), qk, basis);
		free(qm.byte);
	}
}

/*
 * The items of lazy layer k of doc: from its text when load() left it
 * so (lz), else from the values.  A layer that is not an array is
 * reported and has no items.
 */
static void
lazy_items(struct rdoc *d, const struct glean_jv *doc, const struct lazy *lz,
    int k, struct items *it)
{
	const char *p, *end;

	*it = (struct items){ NULL, NULL, NULL };
	if (!lz || !lz->text[k]) {
		it->next = layer_items(d, doc, lazy_names[k]);
		return;
	}
	p = skip_ws(lz->text[k], lz->text[k] + lz->len[k]);
	end = lz->text[k] + lz->len[k];
	if (p < end && *p == '[') {
		it->p = p + 1;
		it->end = end;
	} else if (p < end && strncmp(p, "null", 4))
		layer_problem(d, lazy_names[k], (size_t)-1, "is not an array");
}

/*
 * Take the facts of document doc (its lazy layers' text in lz, or NULL;
 * id; its errors a jansson value or NULL), read from file:line.  Returns 1 when a layer item was malformed
 * (reported, the rest taken), else 0.
 */
static int
read_document(const struct glean_jv *doc, const struct lazy *lz,
    json_t *errors, const char *id, const char *file, long line)
{
	struct items money, quotes;
	const struct glean_jv *t = glean_jv_get(doc, "text");
	const struct glean_jv *topics = glean_jv_get(doc, "topics");
	struct rdoc d = { id, "", 0, 1, (size_t)-1, { 0, NULL }, NULL, NULL,
	    0, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL,
	    file, line, 0 };

	doc_entry(doc, errors, id);
	/* Without the text (dropped to save space), the layers still
	 * count: offsets are taken as they are and texts from the layers. */
	if (t && t->type == GLEAN_JV_STR) {
		d.text = t->s;
		d.len = t->len;
		d.notext = 0;
	}
	cpmap_init(&d.m, d.text, d.len);
	if (!d.notext)
		d.lim = d.m.ncps;
	d.ents = glean_jv_get(doc, "entities");
	layer_items(&d, doc, "entities");
	layer_items(&d, doc, "boilerplate");
	if (topics && topics->type != GLEAN_JV_OBJ &&
	    topics->type != GLEAN_JV_NULL)
		layer_problem(&d, "topics", (size_t)-1, "is not an object");
	if (d.ents && d.ents->type != GLEAN_JV_ARR)
		d.ents = NULL;
	check_entities(&d);
	d.ms = glean_calloc((d.ents ? d.ents->len : 0) + 1, sizeof(*d.ms));
	find_council(&d, glean_jv_items(glean_jv_get(doc, "ratings")));
	read_topics(&d, doc);
	read_ratings(&d, layer_items(&d, doc, "ratings"));
	lazy_items(&d, doc, lz, LAZY_MONEY, &money);
	read_money(&d, &money);
	read_people(&d);
	lazy_items(&d, doc, lz, LAZY_QUOTES, &quotes);
	read_quotes(&d, &quotes);
	free(d.ms);
	free(d.m.byte);
	return d.bad;
}

/* ---- reading records --------------------------------------------------- */

static int
valid_source(json_t *src)
{
	return json_is_object(src) && str(src, "doc") &&
	    json_is_integer(json_object_get(src, "start")) &&
	    json_is_integer(json_object_get(src, "end"));
}

/*
 * A record is read as text, value by value, never whole as jansson
 * values (which take about 15 times the text): objects are listed by
 * the stream's scanner, arrays walked item by item, and only the small
 * values (a name, a grade, a source) are read by jansson, one at a time.
 */

/* The first item of the array text [p, p + n): *it and *end for
 * array_next; 0 when the text is not an array. */
static int
array_start(const char *p, size_t n, const char **it, const char **end)
{
	*end = p + n;
	*it = skip_ws(p, *end);
	if (*it >= *end || **it != '[')
		return 0;
	++*it;
	return 1;
}

/* The next item of an array walked from *it: its text in [*item,
 * *item + *n); 0 at the end. */
static int
array_next(const char **it, const char *end, const char **item, size_t *n)
{
	const char *q = skip_ws(*it, end);

	if (q < end && *q == ',')
		q = skip_ws(q + 1, end);
	if (q >= end || *q == ']')
		return 0;
	*item = q;
	*it = skip_json(q, end);
	*n = (size_t)(*it - q);
	return 1;
}

/* Is field f named name (its key decoded when escaped)? */
static int
field_named(const struct glean_jfield *f, const char *name)
{
	json_t *k;
	int r;

	if (!f->key_escaped)
		return f->keylen == strlen(name) &&
		    !memcmp(f->key, name, f->keylen);
	k = glean_jstring_decode(f->key, f->keylen);
	r = k && !strcmp(json_string_value(k), name);
	json_decref(k);
	return r;
}

/* The last field of jf named name (as jansson keeps the last), or
 * NULL. */
static const struct glean_jfield *
field_get(const struct glean_jfields *jf, const char *name)
{
	size_t i;

	for (i = jf->n; i > 0; i--)
		if (field_named(&jf->f[i - 1], name))
			return &jf->f[i - 1];
	return NULL;
}

/* A small JSON value text[0..n) read by jansson, each U+0000 made
 * U+FFFD; NULL when not JSON.  The caller decrefs it. */
static json_t *
small_json(const char *text, size_t n)
{
	json_t *v = json_loadb(text, n, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL);

	no_nul(v);
	return v;
}

/* Field name of jf read by jansson (see small_json), or NULL. */
static json_t *
field_value(const struct glean_jfields *jf, const char *name)
{
	const struct glean_jfield *f = field_get(jf, name);

	return f ? small_json(f->val, f->vallen) : NULL;
}

/* The walk of the array field name of jf (see array_start). */
static int
field_array(const struct glean_jfields *jf, const char *name,
    const char **it, const char **end)
{
	const struct glean_jfield *f = field_get(jf, name);

	return f && array_start(f->val, f->vallen, it, end);
}

/* A fact of a record being read: where its sources go. */
struct rfact {
	struct subject *s;
	int tab;		/* T_R ... T_F */
	const char *a, *b;	/* R: area, grade; M: currency, per;
				 * P: name; Q, F: text */
	double value;		/* M */
	const char *qkey;	/* Q, F: the text's key (normtext) */
};

/* Add the sources of the fact object jf (a record's) to rf's fact.  A
 * quotation's text belongs to its first source. */
static void
record_sources(const struct glean_jfields *jf, const struct rfact *rf)
{
	const char *it, *end, *item;
	size_t n;
	json_t *z;
	int first = 1;

	if (!field_array(jf, "sources", &it, &end))
		return;
	while (array_next(&it, end, &item, &n)) {
		z = small_json(item, n);
		if (!valid_source(z)) {
			json_decref(z);
			continue;
		}
		switch (rf->tab) {
		case T_R:
			add_rating(rf->s, rf->a, rf->b, str(z, "when"),
			    record_source(z, G_WHEN));
			break;
		case T_M:
			add_money(rf->s, rf->value, rf->a, rf->b,
			    record_source(z, G_CONTEXT));
			break;
		case T_P:
			add_person(rf->s, rf->a, record_source(z, G_ROLE));
			break;
		default:
			if (*rf->qkey)
				fact_add(fact(rf->s, rf->tab, rf->qkey),
				    record_source(z, G_SPEAKER),
				    first ? rf->a : NULL);
			break;
		}
		first = 0;
		json_decref(z);
	}
}

/* The string fields a and b of jf into x and y (fresh jansson values to
 * decref); returns whether a is a string, and b when must_b. */
static int
fact_strings(const struct glean_jfields *jf, const char *a, const char *b,
    json_t **x, json_t **y, int must_b)
{
	*x = field_value(jf, a);
	*y = b ? field_value(jf, b) : NULL;
	return json_is_string(*x) && (!must_b || json_is_string(*y));
}

/*
 * The facts of table tab of subject s from the array field name of the
 * subject object sj: for the judgements of inspections, the array of
 * the inspections' "judgements".
 */
static void
record_facts(struct subject *s, const struct glean_jfields *sj,
    const char *name, int tab)
{
	static const char *const fields[NTAB][2] = {
		{ "area", "grade" }, { "currency", "per" }, { "name", NULL },
		{ "text", NULL }, { "text", NULL }
	};
	struct glean_jfields jf = { 0 };
	const char *it, *end, *item;
	size_t n;
	json_t *x, *y, *v;
	char *qkey;

	if (!field_array(sj, name, &it, &end))
		return;
	while (array_next(&it, end, &item, &n)) {
		if (glean_jscan_object(item, n, &jf) < 0)
			continue;
		if (!strcmp(name, "inspections")) {
			record_facts(s, &jf, "judgements", T_R);
			continue;
		}
		v = tab == T_M ? field_value(&jf, "value") : NULL;
		if (fact_strings(&jf, fields[tab][0], fields[tab][1], &x, &y,
		    tab == T_R) && (tab != T_M || json_is_number(v))) {
			qkey = tab >= T_Q ? normtext(json_string_value(x),
			    json_string_length(x)) : NULL;
			record_sources(&jf, &(struct rfact){ s, tab,
			    json_string_value(x), json_is_string(y) ?
			    json_string_value(y) : NULL,
			    v ? json_number_value(v) : 0, qkey });
			free(qkey);
		}
		json_decref(x);
		json_decref(y);
		json_decref(v);
	}
	free(jf.f);
}

/* A subject of a record, its text [p, p + n): its names and facts. */
static void
record_subject(const char *p, size_t n)
{
	struct glean_jfields jf = { 0 };
	json_t *kind, *code, *name, *aliases, *x;
	struct subject *s;
	size_t i;

	if (glean_jscan_object(p, n, &jf) < 0)
		return;
	kind = field_value(&jf, "kind");
	code = field_value(&jf, "code");
	name = field_value(&jf, "name");
	if (json_is_string(kind)) {
		s = subject(json_string_value(kind), json_is_string(code) ?
		    json_string_value(code) : NULL, json_is_string(name) ?
		    json_string_value(name) : NULL);
		aliases = field_value(&jf, "aliases");
		json_array_foreach(aliases, i, x)
			if (json_is_string(x))
				add_alias(s, json_string_value(x));
		json_decref(aliases);
		record_facts(s, &jf, "inspections", T_R);
		record_facts(s, &jf, "money", T_M);
		record_facts(s, &jf, "people", T_P);
		record_facts(s, &jf, "quotes", T_Q);
		record_facts(s, &jf, "findings", T_F);
	}
	json_decref(kind);
	json_decref(code);
	json_decref(name);
	free(jf.f);
}

/*
 * Take the knowledge record text[0..len) (one JSON object the scanner
 * accepted): its documents and the facts of its subjects.  Returns 0,
 * or -1 with *err (fresh) when it is not of this version.
 */
static int
read_record(const char *text, size_t len, char **err)
{
	struct glean_jfields jf = { 0 };
	const char *it, *end, *item;
	size_t n;
	json_t *v, *d;

	glean_jscan_object(text, len, &jf);
	v = field_value(&jf, "glean_record");
	if (!json_is_integer(v) || json_integer_value(v) != RECORD_VERSION) {
		*err = glean_asprintf("knowledge record version %s is not %d",
		    json_is_integer(v) ? "other" : "missing", RECORD_VERSION);
		json_decref(v);
		free(jf.f);
		return -1;
	}
	json_decref(v);
	if (field_array(&jf, "documents", &it, &end))
		while (array_next(&it, end, &item, &n)) {
			d = small_json(item, n);
			if (json_is_object(d) && str(d, "id"))
				add_document(d);
			json_decref(d);
		}
	if (field_array(&jf, "subjects", &it, &end))
		while (array_next(&it, end, &item, &n))
			record_subject(item, n);
	free(jf.f);
	return 0;
}

/* ---- writing the record ------------------------------------------------ */

/*
 * The record is written as compact JSON text directly, byte for byte
 * what json_dumps gives for it; --pretty and --tables read each part
 * back with jansson.
 */

/* Write s[0..n) to standard output; dies on a write error. */
static void
out_write(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, stdout) != n)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
}

/* The buffer written out as it fills (record_write), or NULL. */
static struct glean_buf *spill_buf;
#define SPILL_AT ((size_t)1 << 20)

/* Write b out and empty it when it is the record's and has grown big:
 * called between the record's values, which are never taken back. */
static void
spill(struct glean_buf *b)
{
	if (b == spill_buf && b->len >= SPILL_AT) {
		out_write(b->s, b->len);
		glean_buf_reset(b);
	}
}

static void
put_sources(struct glean_buf *b, const struct source *src, size_t n)
{
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		put_source(b, &src[i]);
		spill(b);
	}
	buf_addc(b, ']');
}

static int
srccmp(const void *a, const void *b)
{
	return source_cmp(a, b);
}

/* Make f's sources a set in canonical order (they mostly come so). */
static void
fact_sort(struct fact *f)
{
	size_t i, n;
	int r = -1;

	for (i = n = 1; i < f->nsrc; i++) {
		if ((r = source_cmp(&f->src[n - 1], &f->src[i])) > 0)
			break;
		if (r < 0)
			f->src[n++] = f->src[i];
	}
	if (r > 0) {
		qsort(f->src, f->nsrc, sizeof(*f->src), srccmp);
		for (i = n = 1; i < f->nsrc; i++)
			if (source_cmp(&f->src[n - 1], &f->src[i]))
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
    struct grp **g, size_t *ndistinct)
{
	size_t i, ng = 0;
	const char *v;
	int r;

	*g = glean_calloc(n + 1, sizeof(**g));
	for (i = 0; i < n; i++) {
		if (!(v = src[i].at->val[at]))
			continue;
		if (trunc) {
			if (strlen(v) < trunc || !ascii_prefix(v, trunc))
				continue;
			v = glean_arena_strndup(&scratch, v, trunc);
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

static struct glean_buf conflicts;	/* the conflicts, comma-separated */

/* Open a conflict object: kind, subject and code; the caller closes it. */
static void
conflict(const char *kind, const struct subject *s)
{
	if (conflicts.len)
		buf_addc(&conflicts, ',');
	put(&conflicts, "{\"kind\":");
	put_str(&conflicts, kind);
	if (s) {
		put(&conflicts, ",\"subject\":");
		put_nstr(&conflicts, s->name);
		put(&conflicts, ",\"code\":");
		put_nstr(&conflicts, s->code);
	}
}

/* Judgements of one area with several grades, in a year's f[0..n). */
static void
judgement_conflicts(const struct subject *s, struct fact **f, size_t n,
    const char *when)
{
	size_t i, j, e;

	for (i = 0; i + 1 < n; i = e) {
		for (e = i + 1; e < n && !strcmp(f[i]->a, f[e]->a); e++)
			;
		if (e - i < 2)
			continue;
		conflict("judgement", s);
		put(&conflicts, ",\"when\":");
		put_nstr(&conflicts, when);
		put(&conflicts, ",\"area\":");
		put_str(&conflicts, f[i]->a);
		put(&conflicts, ",\"values\":[");
		for (j = i; j < e; j++) {
			if (j > i)
				buf_addc(&conflicts, ',');
			put(&conflicts, "{\"grade\":");
			put_str(&conflicts, f[j]->b);
			put(&conflicts, ",\"sources\":");
			put_sources(&conflicts, f[j]->src, f[j]->nsrc);
			buf_addc(&conflicts, '}');
		}
		put(&conflicts, "]}");
	}
}

/* One inspection: the judgements facts f[0..n) of one year. */
static void
inspection_out(struct glean_buf *b, const struct subject *s,
    struct fact **f, size_t n, const char *year)
{
	struct source *all;
	size_t nall = 0, i, ng, nd;
	const char *when;
	struct grp *g;

	for (i = 0; i < n; i++)
		nall += f[i]->nsrc;
	all = glean_arena_alloc(&scratch, (nall + 1) * sizeof(*all));
	for (i = nall = 0; i < n; i++) {
		memcpy(all + nall, f[i]->src, f[i]->nsrc * sizeof(*all));
		nall += f[i]->nsrc;
	}
	ng = group_by(all, nall, 0, 7, &g, &nd);
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
		put_sources(b, f[i]->src, f[i]->nsrc);
		buf_addc(b, '}');
	}
	put(b, "]}");
	if (nd > 1) {
		conflict("inspection date", s);
		put(&conflicts, ",\"when\":");
		put_str(&conflicts, year);
		put(&conflicts, ",\"values\":");
		put_values(&conflicts, g, ng, "when");
		buf_addc(&conflicts, '}');
	}
	judgement_conflicts(s, f, n, when);
	free(g);
}

/* The inspections: the judgements by year ("~" when unknown). */
static void
inspections_out(struct glean_buf *b, const struct subject *s)
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
		inspection_out(b, s, f + i, j - i, year);
		free(year);
		glean_arena_reset(&scratch);
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

static void
money_out(struct glean_buf *b, const struct subject *s)
{
	struct slot **k = map_sorted(&s->tab[T_M]);
	struct member *m;
	const struct member *text;
	struct grp *g;
	struct fact *f;
	size_t i, ng, nd, nm;

	buf_addc(b, '[');
	for (i = 0; i < s->tab[T_M].n; i++) {
		f = k[i]->val;
		fact_sort(f);
		if (i)
			buf_addc(b, ',');
		put(b, "{\"value\":");
		put_money_value(b, f->value);
		put(b, ",\"currency\":");
		put_str(b, f->a);
		put(b, ",\"per\":");
		put_nstr(b, f->b);
		/* the text of the first source, when it has one */
		nm = members(f->src[0].at->json, &m);
		text = member(m, nm, "\"text\"");
		if (text) {
			buf_addc(b, ',');
			put_member(b, text);
		}
		ng = group_by(f->src, f->nsrc, 0, 0, &g, &nd);
		put(b, ",\"context\":");
		put_distinct(b, g, ng, 1);
		put(b, ",\"sources\":");
		put_sources(b, f->src, f->nsrc);
		buf_addc(b, '}');
		free(g);
	}
	buf_addc(b, ']');
	free(k);
}

static void
people_out(struct glean_buf *b, const struct subject *s)
{
	struct slot **k = map_sorted(&s->tab[T_P]);
	struct grp *g;
	struct fact *f;
	size_t i, ng, nd;

	buf_addc(b, '[');
	for (i = 0; i < s->tab[T_P].n; i++) {
		f = k[i]->val;
		fact_sort(f);
		if (i)
			buf_addc(b, ',');
		put(b, "{\"name\":");
		put_str(b, f->a);
		ng = group_by(f->src, f->nsrc, 0, 0, &g, &nd);
		put(b, ",\"roles\":");
		put_distinct(b, g, ng, 0);
		put(b, ",\"sources\":");
		put_sources(b, f->src, f->nsrc);
		buf_addc(b, '}');
		free(g);
	}
	buf_addc(b, ']');
	free(k);
}

static void
quotes_out(struct glean_buf *b, const struct subject *s, int tab)
{
	struct slot **k = map_sorted(&s->tab[tab]);
	struct grp *g, *gk;
	struct fact *f;
	size_t i, ng, ngk, nd, ndk;

	buf_addc(b, '[');
	for (i = 0; i < s->tab[tab].n; i++) {
		f = k[i]->val;
		fact_sort(f);
		ng = group_by(f->src, f->nsrc, 0, 0, &g, &nd);
		ngk = group_by(f->src, f->nsrc, 1, 0, &gk, &ndk);
		if (i)
			buf_addc(b, ',');
		put(b, "{\"text\":");
		put_str(b, f->text);
		put(b, ",\"speaker\":");
		put_nstr(b, most_common(g, ng));
		put(b, ",\"kind\":");
		put_nstr(b, most_common(gk, ngk));
		put(b, ",\"sources\":");
		put_sources(b, f->src, f->nsrc);
		buf_addc(b, '}');
		if (nd > 1) {
			conflict("quote speaker", s);
			put(&conflicts, ",\"text\":");
			put_str(&conflicts, f->text);
			put(&conflicts, ",\"values\":");
			put_values(&conflicts, g, ng, "speaker");
			buf_addc(&conflicts, '}');
		}
		free(g);
		free(gk);
	}
	buf_addc(b, ']');
	free(k);
}

static void
subject_out(struct glean_buf *b, const struct subject *s)
{
	struct slot **k = map_sorted(&s->aliases);
	size_t i;

	put(b, "{\"name\":");
	put_nstr(b, s->name);
	put(b, ",\"code\":");
	put_nstr(b, s->code);
	put(b, ",\"kind\":");
	put_str(b, s->kind);
	put(b, ",\"aliases\":[");
	for (i = 0; i < s->aliases.n; i++) {
		if (i)
			buf_addc(b, ',');
		put_str(b, k[i]->key);
	}
	free(k);
	put(b, "],\"inspections\":");
	inspections_out(b, s);
	put(b, ",\"money\":");
	money_out(b, s);
	put(b, ",\"people\":");
	people_out(b, s);
	put(b, ",\"quotes\":");
	quotes_out(b, s, T_Q);
	put(b, ",\"findings\":");
	quotes_out(b, s, T_F);
	buf_addc(b, '}');
}

static int
entrycmp(const void *a, const void *b)
{
	return strcmp((*(struct entry *const *)a)->canon,
	    (*(struct entry *const *)b)->canon);
}

/* The documents by id, then by canonical text; one id used by several
 * different documents is a conflict. */
static void
documents_out(struct glean_buf *b)
{
	struct slot **k = map_sorted(&docs);
	struct entry **v = NULL, *e;
	size_t i, j, n, cap = 0;

	buf_addc(b, '[');
	for (i = 0; i < docs.n; i++) {
		for (n = 0, e = k[i]->val; e; e = e->next, n++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 4;
				v = glean_realloc(v, cap * sizeof(*v));
			}
			v[n] = e;
		}
		qsort(v, n, sizeof(*v), entrycmp);
		for (j = 0; j < n; j++) {
			if (i || j)
				buf_addc(b, ',');
			put(b, v[j]->text);
			spill(b);
		}
		if (n < 2)
			continue;
		glean_warn("document id '%s' used by %zu different "
		    "documents (kept, see conflicts)", k[i]->key, n);
		conflict("document", NULL);
		put(&conflicts, ",\"id\":");
		put_str(&conflicts, k[i]->key);
		put(&conflicts, ",\"values\":[");
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(&conflicts, ',');
			put(&conflicts, v[j]->text);
		}
		put(&conflicts, "]}");
	}
	buf_addc(b, ']');
	free(v);
	free(k);
}

static void tables_open(void);
static void tables_subject(json_t *s);
static void tables_close(void);

#define DUMP_FLAGS ((pflag ? JSON_INDENT(2) : JSON_COMPACT) | \
	JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY)

/* Append v as JSON, each line after the first indented by ind more. */
static void
add_dump(struct glean_buf *b, json_t *v, int ind)
{
	char *d = json_dumps(v, DUMP_FLAGS), *p, *nl;

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
add_str(struct glean_buf *b, const char *compact, const char *pretty)
{
	put(b, pflag ? pretty : compact);
}

/*
 * Append the compact JSON part: as it is, or for --pretty indented by
 * ind more; with tables, its rows are written too.
 */
static void
add_part(struct glean_buf *b, const struct glean_buf *part, int ind,
    int tables)
{
	json_t *v = NULL;

	if (pflag || tables) {
		v = json_loadb(part->s, part->len, 0, NULL);
		if (!v)
			glean_die(GLEAN_EXIT_FATAL,
			    "internal error: record part not JSON");
	}
	if (pflag)
		add_dump(b, v, ind);
	else
		buf_add(b, part->s, part->len);
	if (tables)
		tables_subject(v);
	json_decref(v);
}

/*
 * Write the record to standard output, subject by subject, each
 * subject's state freed once written.  The compact record (no --pretty,
 * no --tables: nothing reads a part back) goes out as it is made, so the
 * record is never whole in memory.
 */
static void
record_write(void)
{
	struct glean_buf b = { 0 }, part = { 0 };
	int direct = !pflag && !tdir;
	struct glean_buf *into = direct ? &b : &part;
	struct slot **k;
	size_t i;

	spill_buf = direct ? &b : NULL;
	add_str(&b, "{\"glean_record\":", "{\n  \"glean_record\": ");
	put_int(&b, RECORD_VERSION);
	add_str(&b, ",\"documents\":", ",\n  \"documents\": ");
	documents_out(into);
	map_free(&docs, entries_free);
	map_free(&entry_set, NULL);
	if (!direct)
		add_part(&b, &part, 2, 0);
	add_str(&b, ",\"subjects\":[", ",\n  \"subjects\": [");
	if (tdir)
		tables_open();
	k = map_sorted(&subjects);
	for (i = 0; i < subjects.n; i++) {
		if (i)
			buf_addc(&b, ',');
		add_str(&b, "", "\n    ");
		glean_buf_reset(&part);
		subject_out(into, k[i]->val);
		subject_free(k[i]->val);
		k[i]->val = NULL;
		if (!direct)
			add_part(&b, &part, 4, tdir != NULL);
		spill(&b);
	}
	if (subjects.n)
		add_str(&b, "", "\n  ");
	free(k);
	map_free(&subjects, NULL);
	map_free(&amounts, free);
	add_str(&b, "],\"conflicts\":", "],\n  \"conflicts\": ");
	glean_buf_reset(&part);
	buf_addc(&part, '[');
	if (conflicts.s)
		buf_add(&part, conflicts.s, conflicts.len);
	buf_addc(&part, ']');
	add_part(&b, &part, 2, 0);
	add_str(&b, "}\n", "\n}\n");
	glean_buf_free(&conflicts);
	glean_buf_free(&part);
	if (tdir)
		tables_close();
	out_write(b.s, b.len);
	glean_buf_free(&b);
	spill_buf = NULL;
}
/* ---- tables ------------------------------------------------------------ */

/* A TSV field: tabs and line breaks become spaces. */
static void
field(FILE *fp, const char *s, int last)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
	fputc(last ? '\n' : '\t', fp);
}

static void
field_json(FILE *fp, json_t *v, int last)
{
	char *d;

	if (json_is_string(v))
		field(fp, json_string_value(v), last);
	else if (!v || json_is_null(v))
		field(fp, "", last);
	else {
		d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
		    JSON_REAL_PRECISION(15));
		field(fp, d, last);
		free(d);
	}
}

/* "doc:start-end doc:start-end ..." */
static void
field_sources(FILE *fp, json_t *srcs, int last)
{
	struct glean_buf b = { 0 };
	json_t *s;
	size_t i;
	char *one;

	json_array_foreach(srcs, i, s) {
		one = glean_asprintf("%s%s:%lld-%lld", i ? " " : "",
		    str(s, "doc"),
		    (long long)json_integer_value(json_object_get(s, "start")),
		    (long long)json_integer_value(json_object_get(s, "end")));
		buf_add(&b, one, strlen(one));
		free(one);
	}
	field(fp, b.s ? b.s : "", last);
	glean_buf_free(&b);
}

/*
 * The tables are written beside yesterday's, each into a temporary file
 * of DIR that is new (O_EXCL: a planted file or symlink is never
 * written through), and renamed over the old one only when all four are
 * complete: a full disk or a kill leaves the old tables as they were.
 */
enum { TAB_I, TAB_M, TAB_P, TAB_Q, NTABLES };

static const char *const table_name[NTABLES] = {
	"inspections.tsv", "money.tsv", "people.tsv", "quotes.tsv"
};

static struct tables {
	FILE *fp[NTABLES];
	char *tmp[NTABLES];	/* the temporary paths, until renamed */
} tables;

/* Remove the temporary files not renamed (at exit, after a failure). */
static void
tables_cleanup(void)
{
	int t;

	for (t = 0; t < NTABLES; t++)
		if (tables.tmp[t]) {
			unlink(tables.tmp[t]);
			free(tables.tmp[t]);
			tables.tmp[t] = NULL;
		}
}

/* A new temporary file for table t in tdir, open for writing, with its
 * header; dies naming the path when it cannot be made. */
static FILE *
table(int t, const char *header)
{
	static unsigned serial;
	char *p = NULL;
	FILE *fp;
	int fd = -1, tries;

	for (tries = 0; fd < 0 && tries < 100; tries++) {
		free(p);
		p = glean_asprintf("%s/.%s.%ld.%u.tmp", tdir, table_name[t],
		    (long)getpid(), serial++);
		fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		glean_die(GLEAN_EXIT_FATAL, "%s:", p);
	tables.tmp[t] = p;
	if (!(fp = fdopen(fd, "w")))
		glean_die(GLEAN_EXIT_FATAL, "%s:", p);
	fputs(header, fp);
	return fp;
}

static void
tables_open(void)
{
	if (mkdir(tdir, 0777) && errno != EEXIST)
		glean_die(GLEAN_EXIT_FATAL, "%s:", tdir);
	atexit(tables_cleanup);
	tables.fp[TAB_I] = table(TAB_I,
	    "subject\tcode\tkind\twhen\tarea\tgrade\tsources\n");
	tables.fp[TAB_M] = table(TAB_M,
	    "subject\tcode\tvalue\tcurrency\tper\ttext\tcontext\tsources\n");
	tables.fp[TAB_P] = table(TAB_P,
	    "subject\tcode\tname\troles\tsources\n");
	tables.fp[TAB_Q] = table(TAB_Q,
	    "subject\tcode\ttype\tspeaker\tkind\ttext\tsources\n");
}

/* The rows of one subject of the record. */
static void
tables_subject(json_t *s)
{
	json_t *nm = json_object_get(s, "name");
	json_t *cd = json_object_get(s, "code");
	json_t *x, *y;
	FILE *fi = tables.fp[TAB_I], *fm = tables.fp[TAB_M];
	FILE *fp = tables.fp[TAB_P], *fq = tables.fp[TAB_Q];
	size_t j, k;

	json_array_foreach(json_object_get(s, "inspections"), j, x)
		json_array_foreach(json_object_get(x, "judgements"),
		    k, y) {
			field_json(fi, nm, 0);
			field_json(fi, cd, 0);
			field_json(fi, json_object_get(s, "kind"), 0);
			field_json(fi, json_object_get(x, "when"), 0);
			field_json(fi, json_object_get(y, "area"), 0);
			field_json(fi, json_object_get(y, "grade"), 0);
			field_sources(fi, json_object_get(y,
			    "sources"), 1);
		}
	json_array_foreach(json_object_get(s, "money"), j, x) {
		json_t *ctx = json_object_get(x, "context"), *c;
		struct glean_buf b = { 0 };

		json_array_foreach(ctx, k, c) {
			if (k)
				buf_add(&b, "; ", 2);
			buf_add(&b, json_string_value(c),
			    json_string_length(c));
		}
		field_json(fm, nm, 0);
		field_json(fm, cd, 0);
		field_json(fm, json_object_get(x, "value"), 0);
		field_json(fm, json_object_get(x, "currency"), 0);
		field_json(fm, json_object_get(x, "per"), 0);
		field_json(fm, json_object_get(x, "text"), 0);
		field(fm, b.s ? b.s : "", 0);
		field_sources(fm, json_object_get(x, "sources"), 1);
		glean_buf_free(&b);
	}
	json_array_foreach(json_object_get(s, "people"), j, x) {
		json_t *c;
		struct glean_buf b = { 0 };

		json_array_foreach(json_object_get(x, "roles"), k, c) {
			if (k)
				buf_add(&b, "; ", 2);
			buf_add(&b, json_string_value(c),
			    json_string_length(c));
		}
		field_json(fp, nm, 0);
		field_json(fp, cd, 0);
		field_json(fp, json_object_get(x, "name"), 0);
		field(fp, b.s ? b.s : "", 0);
		field_sources(fp, json_object_get(x, "sources"), 1);
		glean_buf_free(&b);
	}
	for (k = 0; k < 2; k++) {
		json_t *q;
		size_t l;

		json_array_foreach(json_object_get(s, k ? "findings" :
		    "quotes"), l, q) {
			field_json(fq, nm, 0);
			field_json(fq, cd, 0);
			field(fq, k ? "finding" : "quote", 0);
			field_json(fq, json_object_get(q, "speaker"),
			    0);
			field_json(fq, json_object_get(q, "kind"), 0);
			field_json(fq, json_object_get(q, "text"), 0);
			field_sources(fq, json_object_get(q, "sources"),
			    1);
		}
	}
}

/* Close the four temporary tables, then rename each over its table;
 * dies on a write error, the old tables left as they were. */
static void
tables_close(void)
{
	char *path;
	int t;

	for (t = 0; t < NTABLES; t++) {
		FILE *fp = tables.fp[t];

		tables.fp[t] = NULL;
		if (ferror(fp) | fflush(fp) | fsync(fileno(fp)) | fclose(fp))
			glean_die(GLEAN_EXIT_FATAL, "%s/%s: write error:",
			    tdir, table_name[t]);
	}
	for (t = 0; t < NTABLES; t++) {
		path = glean_asprintf("%s/%s", tdir, table_name[t]);
		if (rename(tables.tmp[t], path))
			glean_die(GLEAN_EXIT_FATAL, "%s:", path);
		free(path);
		free(tables.tmp[t]);
		tables.tmp[t] = NULL;
	}
}

/* ---- input ------------------------------------------------------------- */

/*
 * s with each invalid UTF-8 sequence replaced by U+FFFD (fresh): jansson
 * takes only valid strings, and an error text may quote a byte or two of
 * a broken line.
 */
static char *
utf8_clean(const char *s)
{
	struct glean_buf b = { 0 };
	size_t n = strlen(s), i, l;
	int32_t cp;

	for (i = 0; i < n; i += l) {
		l = glean_utf8_next(s + i, n - i, &cp);
		if (cp < 0)
			glean_buf_addcp(&b, 0xFFFD);
		else
			buf_add(&b, s + i, l);
	}
	return b.s ? b.s : glean_strdup("");
}

/* "FILE:LINE", the id of a line without one. */
static char *
line_id(const char *name, long line)
{
	char *raw = glean_asprintf("%s:%ld", name, line), *id;

	id = utf8_clean(raw);
	free(raw);
	return id;
}

/*
 * The strings of v with each U+0000 made U+FFFD (one code point for
 * one, so offsets hold): the rest of merge works on C strings.
 */
static void
no_nul(json_t *v)
{
	const char *k, *s;
	struct glean_buf b = { 0 };
	json_t *x;
	size_t i, n;

	if (json_is_string(v)) {
		s = json_string_value(v);
		n = json_string_length(v);
		if (!memchr(s, '\0', n))
			return;
		for (i = 0; i < n; i++)
			if (s[i])
				buf_addc(&b, s[i]);
			else
				glean_buf_addcp(&b, 0xFFFD);
		json_string_setn_nocheck(v, b.s, b.len);
		glean_buf_free(&b);
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x)
			no_nul(x);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			no_nul(x);
	}
}

/* The fields of a document that merge reads. */
static const char *const reads[] = {
	"id", "text", "source", "published", "published_inferred", "errors",
	"entities", "ratings", "money", "quotes", "topics", "boilerplate", NULL
};

/*
 * A line that is a plain JSON object, as a document: the fields merge
 * reads parsed into the scratch arena, but "errors" (rare, and written
 * out as it is) as a jansson value in *errors and the lazy layers' text
 * in *lz.  A knowledge record sets *record.  The layers merge does not
 * read (the tokens and sentences: most of the bytes) are only checked by
 * the stream's scanner.  NULL for anything else: records, escaped keys
 * and bad lines take jansson's path.
 */
static struct glean_jv *
load(const char *buf, size_t len, json_t **errors, struct lazy *lz,
    int *record)
{
	static struct glean_jfields jf;
	struct glean_jv *doc, **tail;
	size_t i, j, k;

	if (glean_jscan_object(buf, len, &jf) < 0)
		return NULL;
	for (i = 0; i < jf.n; i++)
		if (jf.f[i].key_escaped)
			return NULL;
	for (i = 0; i < jf.n; i++)
		if (jf.f[i].keylen == 12 &&
		    !memcmp(jf.f[i].key, "glean_record", 12)) {
			*record = 1;
			return NULL;
		}
	doc = glean_jv_new(&scratch, GLEAN_JV_OBJ);
	tail = &doc->kid;
	for (i = 0; i < jf.n; i++) {
		const struct glean_jfield *f = &jf.f[i];

		for (j = 0; reads[j]; j++)
			if (strlen(reads[j]) == f->keylen &&
			    !memcmp(reads[j], f->key, f->keylen))
				break;
		if (!reads[j])
			continue;
		for (k = 0; k < NLAZY; k++)
			if (!strcmp(reads[j], lazy_names[k])) {
				lz->text[k] = f->val;	/* the last one */
				lz->len[k] = f->vallen;
				break;
			}
		if (k < NLAZY)
			continue;
		if (!strcmp(reads[j], "errors")) {
			json_decref(*errors);
			*errors = json_loadb(f->val, f->vallen,
			    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
			no_nul(*errors);
			continue;
		}
		*tail = glean_jv_parse(&scratch, f->val, f->vallen);
		(*tail)->key = reads[j];
		(*tail)->keylen = f->keylen;
		tail = &(*tail)->next;
		doc->len++;
	}
	return doc;
}

/*
 * The id of a rejected line: its "id" when it can be read from the raw
 * text (as the stream's error records keep it, glean_error_record),
 * else "FILE:LINE".  Fresh.
 */
static char *
rejected_id(const char *buf, size_t len, const char *name, long line)
{
	json_t *rec = glean_error_record("merge", name, line, buf, len, "");
	const char *id = str(rec, "id");
	char *own = id && strcmp(id, "") ? glean_strdup(id) : NULL;

	json_decref(rec);
	return own ? own : line_id(name, line);
}

/*
 * One JSON value read from name:line (cut: the last line of its input,
 * without a newline); returns 0, or 1 when rejected or a layer item was
 * malformed.
 */
static int
take(const char *buf, size_t len, const char *name, long line, int cut)
{
	json_error_t je;
	json_t *v = NULL, *errors = NULL, *entry;
	struct lazy lz = { { NULL, NULL }, { 0, 0 } };
	int record = 0;
	struct glean_jv *doc = load(buf, len, &errors, &lz, &record);
	char *err = NULL, *id, *msg, *text;
	int rc = 0;

	if (record) {
		if (read_record(buf, len, &err) == 0)
			goto out;
	} else if (!doc) {
		if ((v = json_loadb(buf, len, JSON_ALLOW_NUL, &je)))
			no_nul(v);
		if (json_is_object(v) && json_object_get(v, "glean_record")) {
			/* escaped keys: read as jansson writes it */
			text = compact(v);
			rc = read_record(text, strlen(text), &err);
			free(text);
			if (rc == 0)
				goto out;
		} else if (json_is_object(v)) {
			doc = from_json(v);
			lz = (struct lazy){ { NULL, NULL }, { 0, 0 } };
			errors = json_incref(json_object_get(v, "errors"));
		} else if (!v)
			err = glean_asprintf("%snot JSON: %s", cut ?
			    "truncated last line (no newline at the end): " :
			    "", je.text);
		else
			err = glean_strdup("not a document or knowledge record");
	}
	if (doc) {
		const struct glean_jv *text = glean_jv_get(doc, "text");

		const char *doc_id = glean_jv_str(doc, "id");

		if (doc_id || (text && text->type == GLEAN_JV_STR)) {
			id = doc_id ? glean_strdup(doc_id) :
			    line_id(name, line);
			rc = read_document(doc, lz.text[0] || lz.text[1] ?
			    &lz : NULL, errors, id, name, line);
			free(id);
			goto out;
		}
		err = glean_strdup("not a document or knowledge record");
	}
	/* Nothing lost: the rejected line is listed as a document. */
	glean_warn_at(name, line, "%s", err);
	id = v ? line_id(name, line) : rejected_id(buf, len, name, line);
	msg = utf8_clean(err);
	entry = json_pack("{s:s,s:n,s:n,s:[{s:s,s:s}]}", "id", id, "source",
	    "published", "errors", "stage", "merge", "message", msg);
	if (entry)
		add_document(entry);
	json_decref(entry);
	free(id);
	free(msg);
	free(err);
	rc = 1;
out:
	json_decref(v);
	json_decref(errors);
	glean_arena_reset(&scratch);
	return rc;
}

/* Lines of JSON; a --pretty record runs from a "{" line to a "}" line. */
static int
read_stream(FILE *fp, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, first = 0;
	struct glean_buf acc = { 0 };
	int status = 0, inrec = 0, cut;

	while ((len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		cut = len > 0 && line[len - 1] != '\n';
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (inrec) {
			buf_add(&acc, line, (size_t)len);
			buf_addc(&acc, '\n');
			if (!strcmp(line, "}")) {
				status |= take(acc.s, acc.len, name, first,
				    0);
				glean_buf_reset(&acc);
				inrec = 0;
			}
			continue;
		}
		if (strspn(line, " \t") == (size_t)len)
			continue;
		if (!strcmp(line, "{")) {
			inrec = 1;
			first = lineno;
			buf_add(&acc, "{\n", 2);
			continue;
		}
		status |= take(line, (size_t)len, name, lineno, cut);
		if (status && opts.strict)
			break;
	}
	if (inrec)	/* a --pretty record cut before its last line */
		status |= take(acc.s, acc.len, name, first, 1);
	if (ferror(fp)) {
		glean_warn_at(name, 0, "read error:");
		status = 1;
	}
	free(line);
	glean_buf_free(&acc);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ "pretty", no_argument, NULL, OPT_PRETTY },
		{ "tables", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, i, status = GLEAN_EXIT_OK;
	FILE *fp;

	glean_setprog(argv[0]);
	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS "t:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_PRETTY:
			pflag = 1;
			break;
		case 't':
			tdir = optarg;
			break;
		default:
			if (!glean_common_option(ch, optarg, &opts, usage))
				usage(GLEAN_EXIT_FATAL);
		}
	}
	/* big reads: the input is large and read once */
	setvbuf(stdin, stdin_buf, _IOFBF, READ_BUF);
	if (optind == argc)
		status |= read_stream(stdin, "<stdin>");
	for (i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			status |= read_stream(stdin, "<stdin>");
			continue;
		}
		if (!(fp = fopen(argv[i], "r"))) {
			glean_warn("%s:", argv[i]);
			status = GLEAN_EXIT_REJECT;
			continue;
		}
		setvbuf(fp, file_buf, _IOFBF, READ_BUF);
		status |= read_stream(fp, argv[i]);
		fclose(fp);
		if (status && opts.strict)
			break;
	}
	record_write();
	glean_arena_free(&scratch);
	glean_arena_free(&item_arena);
	intern_free(&docrefs);
	for (i = 0; i < NGROUP; i++)
		intern_free(&attr_sets[i]);
	glean_arena_free(&key_arena);
	if (fflush(stdout) || ferror(stdout))
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status ? GLEAN_EXIT_REJECT : GLEAN_EXIT_OK;
}
