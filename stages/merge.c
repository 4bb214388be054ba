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
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <utf8proc.h>

#include "glean.h"
#include "jscan.h"

#define RECORD_VERSION 1

static struct glean_opts opts = GLEAN_OPTS_INIT;
static int pflag;		/* --pretty */
static const char *tdir;	/* --tables DIR */

/* The state: documents by id, subjects by key. */
static json_t *docs;		/* id -> {entry key -> entry} */
static json_t *subjects;	/* subject key -> subject state */

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

/* ---- small helpers ----------------------------------------------------- */

static const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static json_t *
str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
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

static int
strpcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of object o in byte order; caller frees the array only. */
static const char **
sorted_keys(json_t *o, size_t *n)
{
	const char **v, *k;
	json_t *x;
	size_t i = 0;

	*n = json_object_size(o);
	v = glean_calloc(*n ? *n : 1, sizeof(*v));
	json_object_foreach(o, k, x)
		v[i++] = k;
	if (*n > 1)
		qsort(v, *n, sizeof(*v), strpcmp);
	return v;
}

/* Get object member k of o, creating an empty object. */
static json_t *
child(json_t *o, const char *k)
{
	json_t *c = json_object_get(o, k);

	if (!json_is_object(c)) {
		c = json_object();
		json_object_set_new(o, k, c);
	}
	return c;
}

static int
is_alnum(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0)
		return 0;
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Case-fold and keep letters and digits, one space between words. */
static char *
normtext(const char *s, size_t n)
{
	size_t fl, i, len;
	char *f = glean_casefold(s, n, &fl);
	struct glean_buf b = { 0 };
	int32_t cp;
	int gap = 0;

	for (i = 0; i < fl; i += len) {
		len = glean_utf8_next(f + i, fl - i, &cp);
		if (is_alnum(cp)) {
			if (gap && b.len)
				glean_buf_addc(&b, ' ');
			gap = 0;
			glean_buf_add(&b, f + i, len);
		} else
			gap = 1;
	}
	free(f);
	if (!b.s)
		return glean_strdup("");
	return b.s;
}

/* A string with curly apostrophes made straight (roles compare alike). */
static json_t *
plain_quotes(const char *s)
{
	struct glean_buf b = { 0 };
	json_t *v;

	for (; *s; s++) {
		if (!strncmp(s, "\xe2\x80\x99", 3) ||
		    !strncmp(s, "\xe2\x80\x98", 3)) {
			glean_buf_addc(&b, '\'');
			s += 2;
		} else
			glean_buf_addc(&b, *s);
	}
	v = json_string(b.s ? b.s : "");
	glean_buf_free(&b);
	return v;
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
	if (!s)
		glean_buf_addc(b, '~');
	else {
		glean_buf_addc(b, '=');
		for (; *s; s++) {
			if (*s == '\\' || *s == '\t')
				glean_buf_addc(b, '\\');
			glean_buf_addc(b, *s == '\t' ? 't' : *s);
		}
	}
	if (!last)
		glean_buf_addc(b, '\t');
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
	glean_buf_addc(&b, '~');
	n = name ? glean_casefold(name, strlen(name), &nl) : NULL;
	key_part(&b, n, 1);
	free(n);
	return b.s;
}

/* The subject for (kind, code, name), created when new. */
static json_t *
subject(const char *kind, const char *code, const char *name)
{
	char *key = subject_key(kind, code, name);
	json_t *s = json_object_get(subjects, key);
	const char *old;

	if (!s) {
		s = json_object();
		json_object_set_new(s, "name", str_or_null(name));
		json_object_set_new(s, "code", str_or_null(code));
		json_object_set_new(s, "kind", json_string(kind));
		json_object_set_new(subjects, key, s);
	}
	free(key);
	/* Several official names for one code: the first in byte order. */
	old = str(s, "name");
	if (name && (!old || strcmp(name, old) < 0))
		json_object_set_new(s, "name", json_string(name));
	if (name)
		json_object_set_new(child(s, "aliases"), name, json_true());
	return s;
}

/*
 * A source is kept as its key alone: doc, start and end (for the order)
 * then the canonical JSON of the whole source, read back on output.
 */
static char *
source_key(json_t *src)
{
	struct glean_buf b = { 0 };
	char *c = canon(src), *n;

	key_part(&b, str(src, "doc"), 0);
	n = glean_asprintf("%012lld\t%012lld\t%s",
	    (long long)json_integer_value(json_object_get(src, "start")),
	    (long long)json_integer_value(json_object_get(src, "end")), c);
	glean_buf_add(&b, n, strlen(n));
	free(n);
	free(c);
	return b.s;
}

/* The source of a key made by source_key (new reference). */
static json_t *
key_source(const char *k)
{
	int i;

	for (i = 0; i < 3 && k; i++)
		if ((k = strchr(k, '\t')))
			k++;
	if (!k)
		glean_die(GLEAN_EXIT_FATAL, "internal error: bad source key");
	return json_loads(k, JSON_DECODE_ANY, NULL);
}

/*
 * Add src (stolen) to fact fkey of table tab in subject s, creating the
 * fact from attrs (borrowed) when new.  Returns the fact.  text, when
 * given, is the fact's display text as written at src: the fact keeps the
 * text of its first source in canonical order, which is associative.
 */
static json_t *
add_fact(json_t *s, const char *tab, const char *fkey, json_t *attrs,
    json_t *src, const char *text)
{
	json_t *t = child(s, tab), *f = json_object_get(t, fkey);
	char *sk = source_key(src);
	const char *tk;

	if (!f) {
		f = json_deep_copy(attrs);
		json_object_set_new(t, fkey, f);
	}
	json_object_set_new(child(f, "src"), sk, json_true());
	json_decref(src);
	if (text) {
		tk = str(f, "textkey");
		if (!tk || strcmp(sk, tk) < 0) {
			json_object_set_new(f, "text", json_string(text));
			json_object_set_new(f, "textkey", json_string(sk));
		}
	}
	free(sk);
	return f;
}

static void
add_document(json_t *entry)
{
	const char *id = str(entry, "id");
	char *c = canon(entry);

	json_object_set(child(docs, id), c, entry);
	free(c);
}

/* ---- facts ------------------------------------------------------------- */

static void
add_rating(json_t *s, const char *area, const char *grade, json_t *src)
{
	const char *when = str(src, "when");
	char year[5] = "~";
	struct glean_buf fk = { 0 };
	json_t *a;

	/* the year: four digits, else unknown ("~") */
	if (when && strspn(when, "0123456789") >= 4) {
		memcpy(year, when, 4);
		year[4] = '\0';
	}
	glean_buf_add(&fk, year, strlen(year));
	glean_buf_addc(&fk, '\t');
	key_part(&fk, area, 0);
	key_part(&fk, grade, 1);
	a = json_pack("{s:s,s:s}", "area", area, "grade", grade);
	add_fact(s, "R", fk.s, a, src, NULL);
	json_decref(a);
	glean_buf_free(&fk);
}

/* Money: value as an integer when it is one. */
static json_t *
money_value(double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
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

static void
add_money(json_t *s, double v, const char *cur, const char *per, json_t *src)
{
	struct glean_buf fk = { 0 };
	uint64_t bits;
	char *n;
	json_t *a = json_object();

	v = money_canon(v);
	if (!isfinite(v)) {
		/* past the largest double once written: no amount */
		json_decref(src);
		json_decref(a);
		return;
	}
	/* sorted by currency then value; the exact value is the identity */
	key_part(&fk, cur, 0);
	/* ties at six decimals: the double's bits, in numeric order */
	memcpy(&bits, &v, sizeof(bits));
	bits = bits >> 63 ? ~bits : bits | (uint64_t)1 << 63;
	n = glean_asprintf("%030.6f\t%016llx", v, (unsigned long long)bits);
	glean_buf_add(&fk, n, strlen(n));
	free(n);
	glean_buf_addc(&fk, '\t');
	key_part(&fk, per, 1);
	json_object_set_new(a, "value", money_value(v));
	json_object_set_new(a, "currency", json_string(cur));
	json_object_set_new(a, "per", str_or_null(per));
	add_fact(s, "M", fk.s, a, src, NULL);
	json_decref(a);
	glean_buf_free(&fk);
}

static void
add_person(json_t *s, const char *name, json_t *src)
{
	json_t *a = json_pack("{s:s}", "name", name);

	add_fact(s, "P", name, a, src, NULL);
	json_decref(a);
}

/* tab is "Q" (speech) or "F" (report findings). */
static void
add_quote(json_t *s, const char *tab, const char *text, json_t *src)
{
	char *k = normtext(text, strlen(text));
	json_t *attrs = json_object();

	if (*k)
		add_fact(s, tab, k, attrs, src, text);
	else
		json_decref(src);
	json_decref(attrs);
	free(k);
}

/* ---- reading documents ------------------------------------------------- */

struct ment {
	size_t s, e;		/* code points */
	const char *name, *code, *text;
};

static int
get_cp_span(json_t *o, size_t ncps, size_t *s, size_t *e)
{
	json_t *a = json_object_get(o, "start"), *b = json_object_get(o, "end");

	if (!json_is_integer(a) || !json_is_integer(b))
		return -1;
	if (json_integer_value(a) < 0 || json_integer_value(b) <
	    json_integer_value(a) || (size_t)json_integer_value(b) > ncps)
		return -1;
	*s = (size_t)json_integer_value(a);
	*e = (size_t)json_integer_value(b);
	return 0;
}

static json_t *
source(const char *doc, size_t s, size_t e)
{
	return json_pack("{s:s,s:I,s:I}", "doc", doc, "start", (json_int_t)s,
	    "end", (json_int_t)e);
}

/* A copy of text[s, e) (code points). */
static char *
slice(const struct glean_offsets *m, const char *text, size_t s, size_t e)
{
	size_t bs = glean_byte(m, s), be = glean_byte(m, e);

	return glean_strndup(text + bs, be - bs);
}

/*
 * What the amount is for: the words after it up to punctuation, past
 * its rate ("-a-year role" -> "role" when per is "year").
 */
static char *
money_context(const struct glean_offsets *m, const char *text, size_t len,
    size_t e, const char *per)
{
	size_t b = glean_byte(m, e), i = b, lastsp = b, pl;
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

/*
 * One quote, paragraph by paragraph (a quote reopened on each): the
 * code points [qs, qe) of text, whose offset in the document is base.
 */
static void
doc_quote(json_t *s, const char *tab, const char *id,
    const struct glean_offsets *m, const char *text, size_t qs, size_t qe,
    size_t base, const char *speaker, const char *kind)
{
	size_t i = qs, a, b, n;
	int32_t cp;

	while (i < qe) {
		/* a paragraph: up to a newline */
		a = i;
		while (i < qe) {
			glean_utf8_next(text + glean_byte(m, i), 4, &cp);
			if (cp == '\n')
				break;
			i++;
		}
		b = i;
		while (i < qe) {
			glean_utf8_next(text + glean_byte(m, i), 4, &cp);
			if (cp != '\n')
				break;
			i++;
		}
		/* trim white space and quote marks */
		while (a < b) {
			n = glean_utf8_next(text + glean_byte(m, a), 4, &cp);
			if (!is_space_cp(cp) && !is_quote_cp(cp))
				break;
			a++;
		}
		while (b > a) {
			size_t bb = glean_byte(m, b - 1);

			glean_utf8_next(text + bb, 4, &cp);
			if (!is_space_cp(cp) && !is_quote_cp(cp))
				break;
			b--;
		}
		if (b > a) {
			char *t = slice(m, text, a, b);
			json_t *src = source(id, base + a, base + b);

			json_object_set_new(src, "speaker",
			    str_or_null(speaker));
			json_object_set_new(src, "kind", str_or_null(kind));
			add_quote(s, tab, t, src);
			free(t);
		}
		(void)n;
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
	json_t *ent;
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
roles_init(struct roles *r, json_t *ents, size_t ncps)
{
	json_t *e;
	size_t i, s, en;

	r->n = 0;
	r->bys = glean_calloc(json_array_size(ents) + 1, sizeof(*r->bys));
	r->bye = glean_calloc(json_array_size(ents) + 1, sizeof(*r->bye));
	json_array_foreach(ents, i, e) {
		const char *kind = str(e, "kind");

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
gap_ok(const struct glean_offsets *m, const char *text, size_t a, size_t b)
{
	size_t k, be = glean_byte(m, b);

	for (k = glean_byte(m, a); k < be; k++)
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
adjacent_role(const struct roles *r, const struct glean_offsets *m,
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
	cn = str(best->ent, "canonical");
	return cn && *cn ? glean_strdup(cn) : slice(m, text, best->s, best->e);
}

static void
read_document(json_t *doc, const char *id)
{
	json_t *t = json_object_get(doc, "text"), *ents, *layer, *e, *entry;
	const char *text = json_string_value(t), *kind;
	size_t len = json_string_length(t), i, j, s, en, nm = 0, best, bestn;
	struct glean_offsets m;
	struct ment *ms;
	json_t *main_s, *subj;
	int notext = !text, rolesok = 0;
	size_t lim, nc = 0, lo, hi;
	json_t *counts, *done = json_object();
	struct ment **bycode = NULL;
	struct roles roles = { NULL, NULL, 0 };

	entry = json_object();
	json_object_set_new(entry, "id", json_string(id));
	json_object_set_new(entry, "source", str_or_null(str(doc, "source")));
	json_object_set_new(entry, "published",
	    str_or_null(str(doc, "published")));
	if (json_is_true(json_object_get(doc, "published_inferred")))
		json_object_set_new(entry, "published_inferred", json_true());
	if (json_is_array(json_object_get(doc, "errors")) &&
	    json_array_size(json_object_get(doc, "errors")))
		json_object_set(entry, "errors",
		    json_object_get(doc, "errors"));
	add_document(entry);
	json_decref(entry);
	/* Without the text (dropped to save space), the layers still
	 * count: offsets are taken as they are and texts from the layers. */
	if (!text) {
		text = "";
		len = 0;
	}
	glean_offsets_init(&m, text, len);
	lim = notext ? (size_t)-1 : m.ncps;

	/* Authorities mentioned; the main one has most mentions. */
	ents = json_object_get(doc, "entities");
	if (!json_is_array(ents))
		ents = NULL;
	ms = glean_calloc(json_array_size(ents) + 1, sizeof(*ms));
	json_array_foreach(ents, i, e) {
		const char *nmv = str(e, "canonical");

		kind = str(e, "kind");
		if (!kind || strcmp(kind, "authority") || !nmv || !*nmv ||
		    get_cp_span(e, lim, &s, &en))
			continue;
		ms[nm].s = s;
		ms[nm].e = en;
		ms[nm].name = nmv;
		ms[nm].code = str(e, "code");
		ms[nm].text = str(e, "text");
		nm++;
	}
	if (nm > 1)
		qsort(ms, nm, sizeof(*ms), mcmp);
	main_mention(ms, nm, &best, &bestn);
	/* No council among the entities: the council most rated. */
	layer = json_object_get(doc, "ratings");
	/* (decided once: json_array_foreach evaluates its array each time) */
	if (bestn || !json_is_array(layer))
		layer = NULL;
	counts = json_object();
	json_array_foreach(layer, i, e) {
		const char *sn = str(e, "subject");
		json_t *c;

		if (!sn)
			continue;
		if ((c = json_object_get(counts, sn)))
			json_integer_set(c, json_integer_value(c) + 1);
		else
			json_object_set_new_nocheck(counts, sn,
			    json_integer(1));
	}
	json_array_foreach(layer, i, e) {
		const char *sk = str(e, "subject_kind");
		const char *sn = str(e, "subject");
		size_t n;

		if (!sn || (sk && strcmp(sk, "authority")))
			continue;
		n = (size_t)json_integer_value(json_object_get(counts, sn));
		if (n > bestn) {
			bestn = n;
			ms[0].name = sn;
			ms[0].code = str(e, "code");
			ms[0].text = NULL;
			best = 0;
			nm = 0;
		}
	}
	json_decref(counts);
	main_s = NULL;
	if (bestn) {
		main_s = subject("authority", ms[best].code, ms[best].name);
		for (i = 0; i < nm; i++)
			if (!strcmp(ms[i].name, ms[best].name) && ms[i].text)
				json_object_set_new(child(main_s, "aliases"),
				    ms[i].text, json_true());
	}
#define MAIN_S (main_s ? main_s : (main_s = subject("unknown", NULL, NULL)))

	/* Ratings. */
	layer = json_object_get(doc, "ratings");
	json_array_foreach(json_is_array(layer) ? layer : NULL, i, e) {
		const char *area = str(e, "area"), *grade = str(e, "grade");
		const char *sk = str(e, "subject_kind");
		const char *sn = str(e, "subject");
		const char *code = str(e, "code");
		json_t *src;

		if (!area || !grade || get_cp_span(e, lim, &s, &en))
			continue;
		if (!sk)
			sk = "authority";
		if (!sn && !code)
			subj = MAIN_S;
		else
			subj = subject(sk, code, sn);
		/* the council's own mentions as aliases (the subject is
		 * the code's: once per code) */
		if (code && !strcmp(sk, "authority") &&
		    !json_object_get(done, code)) {
			json_object_set_new_nocheck(done, code, json_true());
			if (!bycode) {
				bycode = glean_calloc(nm + 1, sizeof(*bycode));
				for (j = 0; j < nm; j++)
					bycode[j] = &ms[j];
				qsort(bycode, nm, sizeof(*bycode), codecmp);
				for (nc = 0; nc < nm && bycode[nc]->code; nc++)
					;
			}
			for (lo = 0, hi = nc; lo < hi;) {
				j = lo + (hi - lo) / 2;
				if (strcmp(bycode[j]->code, code) < 0)
					lo = j + 1;
				else
					hi = j;
			}
			for (j = lo; j < nc && !strcmp(bycode[j]->code, code);
			    j++)
				if (bycode[j]->text)
					json_object_set_new(child(subj,
					    "aliases"), bycode[j]->text,
					    json_true());
		}
		src = source(id, s, en);
		json_object_set_new(src, "when", str_or_null(str(e, "when")));
		if (str(e, "grade_as_written"))
			json_object_set_new(src, "grade_as_written",
			    json_string(str(e, "grade_as_written")));
		if (str(e, "inspectorate"))
			json_object_set_new(src, "inspectorate",
			    json_string(str(e, "inspectorate")));
		if (json_is_true(json_object_get(e, "implied")))
			json_object_set_new(src, "implied", json_true());
		add_rating(subj, area, grade, src);
	}

	/* Money. */
	layer = json_object_get(doc, "money");
	json_array_foreach(json_is_array(layer) ? layer : NULL, i, e) {
		json_t *v = json_object_get(e, "value"), *src;
		const char *cur = str(e, "currency");
		char *tx, *cx;

		if (!json_is_number(v) || !cur ||
		    get_cp_span(e, lim, &s, &en) || en == s ||
		    !isfinite(json_number_value(v)))
			continue;
		tx = notext ? glean_strdup(str(e, "text") ? str(e, "text") :
		    "") : slice(&m, text, s, en);
		cx = notext ? glean_strdup("") :
		    money_context(&m, text, len, en, str(e, "per"));
		src = source(id, s, en);
		json_object_set_new(src, "text", json_string(tx));
		json_object_set_new(src, "context", json_string(cx));
		add_money(MAIN_S, json_number_value(v), cur, str(e, "per"),
		    src);
		free(tx);
		free(cx);
	}

	/* People. */
	json_array_foreach(ents, i, e) {
		const char *name = str(e, "canonical"), *role = str(e, "role");
		json_t *src;
		char *own = NULL, *adj = NULL;

		kind = str(e, "kind");
		if (!kind || strcmp(kind, "person") ||
		    get_cp_span(e, lim, &s, &en) || en == s)
			continue;
		if (!name || !*name)
			name = str(e, "text");
		if ((!name || !*name) && notext)
			continue;
		if (!name || !*name)
			name = own = slice(&m, text, s, en);
		if ((!role || !*role) && !notext) {
			if (!rolesok) {
				roles_init(&roles, ents, m.ncps);
				rolesok = 1;
			}
			role = adj = adjacent_role(&roles, &m, text, s, en);
		}
		src = source(id, s, en);
		json_object_set_new(src, "role", role ? plain_quotes(role) :
		    json_null());
		add_person(MAIN_S, name, src);
		free(own);
		free(adj);
	}

	/* Quotes: speech to "quotes", report findings to "findings". */
	layer = json_object_get(doc, "quotes");
	json_array_foreach(json_is_array(layer) ? layer : NULL, i, e) {
		const char *qk = str(e, "kind");

		if (get_cp_span(e, lim, &s, &en) || en == s)
			continue;
		if (qk && !strcmp(qk, "scare"))
			continue;
		if (notext) {
			const char *qt = str(e, "text");
			struct glean_offsets qm;

			if (!qt)
				continue;
			glean_offsets_init(&qm, qt, strlen(qt));
			doc_quote(MAIN_S, qk && !strcmp(qk, "report") ? "F" :
			    "Q", id, &qm, qt, 0, qm.ncps, s, str(e, "speaker"),
			    qk);
			glean_offsets_free(&qm);
			continue;
		}
		doc_quote(MAIN_S, qk && !strcmp(qk, "report") ? "F" : "Q", id,
		    &m, text, s, en, 0, str(e, "speaker"), qk);
	}
#undef MAIN_S
	if (rolesok)
		roles_free(&roles);
	json_decref(done);
	free(bycode);
	free(ms);
	glean_offsets_free(&m);
}

/* ---- reading records --------------------------------------------------- */

static int
valid_source(json_t *src)
{
	return json_is_object(src) && str(src, "doc") &&
	    json_is_integer(json_object_get(src, "start")) &&
	    json_is_integer(json_object_get(src, "end"));
}

static int
read_record(json_t *rec, char **err)
{
	json_t *v = json_object_get(rec, "glean_record"), *d, *sj, *x, *y, *z;
	json_t *empty;
	size_t i, j, k, l;

	if (!json_is_integer(v) || json_integer_value(v) != RECORD_VERSION) {
		*err = glean_asprintf("knowledge record version %s is not %d",
		    json_is_integer(v) ? "other" : "missing", RECORD_VERSION);
		return -1;
	}
	json_array_foreach(json_object_get(rec, "documents"), i, d)
		if (json_is_object(d) && str(d, "id"))
			add_document(d);
	empty = json_object();
	json_array_foreach(json_object_get(rec, "subjects"), i, sj) {
		const char *kind = str(sj, "kind"), *name = str(sj, "name");
		json_t *s;

		if (!json_is_object(sj) || !kind)
			continue;
		s = subject(kind, str(sj, "code"), name);
		json_array_foreach(json_object_get(sj, "aliases"), j, x)
			if (json_is_string(x))
				json_object_set_new(child(s, "aliases"),
				    json_string_value(x), json_true());
		json_array_foreach(json_object_get(sj, "inspections"), j, x)
			json_array_foreach(json_object_get(x, "judgements"),
			    k, y) {
				const char *a = str(y, "area");
				const char *g = str(y, "grade");

				if (!a || !g)
					continue;
				json_array_foreach(json_object_get(y,
				    "sources"), l, z)
					if (valid_source(z))
						add_rating(s, a, g,
						    json_deep_copy(z));
			}
		json_array_foreach(json_object_get(sj, "money"), j, x) {
			json_t *val = json_object_get(x, "value");

			if (!json_is_number(val) || !str(x, "currency"))
				continue;
			json_array_foreach(json_object_get(x, "sources"), l, z)
				if (valid_source(z))
					add_money(s, json_number_value(val),
					    str(x, "currency"), str(x, "per"),
					    json_deep_copy(z));
		}
		json_array_foreach(json_object_get(sj, "people"), j, x) {
			if (!str(x, "name"))
				continue;
			json_array_foreach(json_object_get(x, "sources"), l, z)
				if (valid_source(z))
					add_person(s, str(x, "name"),
					    json_deep_copy(z));
		}
		for (k = 0; k < 2; k++) {
			const char *tab = k ? "F" : "Q";

			json_array_foreach(json_object_get(sj, k ? "findings" :
			    "quotes"), j, x) {
				json_t *srcs = json_object_get(x, "sources");
				json_t *first = NULL;
				char *fk;

				if (!str(x, "text") || !json_is_array(srcs))
					continue;
				/* the text belongs to the first source */
				fk = normtext(str(x, "text"),
				    strlen(str(x, "text")));
				json_array_foreach(srcs, l, z) {
					if (!valid_source(z))
						continue;
					if (!first)
						first = z;
					if (!*fk)
						continue;
					add_fact(s, tab, fk, empty,
					    json_deep_copy(z), z == first ?
					    str(x, "text") : NULL);
				}
				free(fk);
			}
		}
	}
	json_decref(empty);
	return 0;
}

/* ---- writing the record ------------------------------------------------ */

static json_t *conflicts;

/* A source, keys in the fixed order doc, start, end, the rest sorted. */
static json_t *
norm_source(json_t *src)
{
	json_t *o = json_object();
	const char **k;
	size_t n, i;

	json_object_set(o, "doc", json_object_get(src, "doc"));
	json_object_set(o, "start", json_object_get(src, "start"));
	json_object_set(o, "end", json_object_get(src, "end"));
	k = sorted_keys(src, &n);
	for (i = 0; i < n; i++)
		if (strcmp(k[i], "doc") && strcmp(k[i], "start") &&
		    strcmp(k[i], "end"))
			json_object_set(o, k[i], json_object_get(src, k[i]));
	free(k);
	return o;
}

/* The sources of fact f, in canonical order (new reference). */
static json_t *
sources_of(json_t *f)
{
	json_t *src = json_object_get(f, "src"), *a = json_array(), *one;
	const char **k;
	size_t n, i;

	k = sorted_keys(src, &n);
	for (i = 0; i < n; i++) {
		if (!(one = key_source(k[i])))
			glean_die(GLEAN_EXIT_FATAL, "out of memory");
		json_array_append_new(a, norm_source(one));
		json_decref(one);
	}
	free(k);
	return a;
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
 * Group the sources of f by the string attribute attr: an object
 * value -> array of sources, in canonical order.  Null values are
 * skipped.  Returns the number of distinct values.
 */
static json_t *
group_by(json_t *srcs, const char *attr, size_t trunc)
{
	json_t *g = json_object(), *s;
	size_t i;

	json_array_foreach(srcs, i, s) {
		const char *v = str(s, attr);
		char *t;
		json_t *a;

		if (!v)
			continue;
		if (trunc && (strlen(v) < trunc || !ascii_prefix(v, trunc)))
			continue;
		t = glean_strndup(v, trunc ? trunc : strlen(v));
		a = json_object_get(g, t);
		if (!a) {
			a = json_array();
			json_object_set_new(g, t, a);
		}
		json_array_append(a, s);
		free(t);
	}
	return g;
}

/* The most frequent value in a group_by result; ties: the first. */
static const char *
most_common(json_t *g)
{
	const char **k, *best = NULL;
	size_t n, i, bn = 0;

	k = sorted_keys(g, &n);
	for (i = 0; i < n; i++)
		if (json_array_size(json_object_get(g, k[i])) > bn) {
			bn = json_array_size(json_object_get(g, k[i]));
			best = k[i];
		}
	free(k);
	return best;
}

/* [{name: value, "sources": [...]}...] from a group_by result. */
static json_t *
values_of(json_t *g, const char *name)
{
	json_t *a = json_array();
	const char **k;
	size_t n, i;

	k = sorted_keys(g, &n);
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:O}", name, k[i],
		    "sources", json_object_get(g, k[i])));
	free(k);
	return a;
}

static json_t *
conflict(const char *kind, json_t *s)
{
	json_t *c = json_object();

	json_object_set_new(c, "kind", json_string(kind));
	json_object_set(c, "subject", json_object_get(s, "name"));
	json_object_set(c, "code", json_object_get(s, "code"));
	json_array_append_new(conflicts, c);
	return c;
}

static json_t *
inspections_out(json_t *s)
{
	json_t *tab = json_object_get(s, "R"), *out = json_array();
	json_t *insp = NULL, *judg = NULL, *all = NULL, *f, *srcs;
	const char **k;
	char year[16] = "", prev[16] = "";
	size_t n, i, j;

	k = sorted_keys(tab, &n);
	for (i = 0; i <= n; i++) {
		if (i < n) {
			size_t yl = strcspn(k[i], "\t");

			snprintf(year, sizeof(year), "%.*s", (int)yl, k[i]);
		}
		if (insp && (i == n || strcmp(year, prev))) {
			/* close the inspection of year prev */
			json_t *g = group_by(all, "when", 7), *c;
			const char **mk;
			size_t mn;

			mk = sorted_keys(g, &mn);
			if (mn == 1)
				json_object_set_new(insp, "when",
				    json_string(mk[0]));
			else
				json_object_set_new(insp, "when", *prev == '~' ?
				    json_null() : json_string(prev));
			if (mn > 1) {
				c = conflict("inspection date", s);
				json_object_set_new(c, "when",
				    json_string(prev));
				json_object_set_new(c, "values",
				    values_of(g, "when"));
			}
			free(mk);
			json_decref(g);
			/* one area, several grades */
			for (j = 0; j + 1 < json_array_size(judg); j++) {
				json_t *a = json_array_get(judg, j), *vals;
				size_t e = j + 1;

				while (e < json_array_size(judg) &&
				    !strcmp(str(a, "area"),
				    str(json_array_get(judg, e), "area")))
					e++;
				if (e - j < 2)
					continue;
				c = conflict("judgement", s);
				json_object_set(c, "when",
				    json_object_get(insp, "when"));
				json_object_set_new(c, "area",
				    json_string(str(a, "area")));
				vals = json_array();
				for (; j < e; j++)
					json_array_append_new(vals, json_pack(
					    "{s:O,s:O}", "grade",
					    json_object_get(json_array_get(judg,
					    j), "grade"), "sources",
					    json_object_get(json_array_get(judg,
					    j), "sources")));
				json_object_set_new(c, "values", vals);
				j = e - 1;
			}
			json_object_set_new(insp, "judgements", judg);
			json_array_append_new(out, insp);
			json_decref(all);
			insp = NULL;
		}
		if (i == n)
			break;
		if (!insp) {
			insp = json_object();
			json_object_set_new(insp, "when", json_null());
			judg = json_array();
			all = json_array();
			memcpy(prev, year, sizeof(prev));
		}
		f = json_object_get(tab, k[i]);
		srcs = sources_of(f);
		json_array_extend(all, srcs);
		json_array_append_new(judg, json_pack("{s:O,s:O,s:o}", "area",
		    json_object_get(f, "area"), "grade",
		    json_object_get(f, "grade"), "sources", srcs));
	}
	free(k);
	return out;
}

static json_t *
money_out(json_t *s)
{
	json_t *tab = json_object_get(s, "M"), *out = json_array(), *f, *m;
	json_t *srcs, *g, *ctx;
	const char **k, **ck;
	size_t n, i, cn, j;

	k = sorted_keys(tab, &n);
	for (i = 0; i < n; i++) {
		f = json_object_get(tab, k[i]);
		srcs = sources_of(f);
		g = group_by(srcs, "context", 0);
		ck = sorted_keys(g, &cn);
		ctx = json_array();
		for (j = 0; j < cn; j++)
			if (*ck[j])
				json_array_append_new(ctx, json_string(ck[j]));
		free(ck);
		json_decref(g);
		m = json_object();
		json_object_set(m, "value", json_object_get(f, "value"));
		json_object_set(m, "currency", json_object_get(f, "currency"));
		json_object_set(m, "per", json_object_get(f, "per"));
		json_object_set(m, "text", json_object_get(json_array_get(srcs,
		    0), "text"));
		json_object_set_new(m, "context", ctx);
		json_object_set_new(m, "sources", srcs);
		json_array_append_new(out, m);
	}
	free(k);
	return out;
}

static json_t *
people_out(json_t *s)
{
	json_t *tab = json_object_get(s, "P"), *out = json_array(), *f, *srcs;
	json_t *g, *roles;
	const char **k, **rk;
	size_t n, i, rn, j;

	k = sorted_keys(tab, &n);
	for (i = 0; i < n; i++) {
		f = json_object_get(tab, k[i]);
		srcs = sources_of(f);
		g = group_by(srcs, "role", 0);
		rk = sorted_keys(g, &rn);
		roles = json_array();
		for (j = 0; j < rn; j++)
			json_array_append_new(roles, json_string(rk[j]));
		free(rk);
		json_decref(g);
		json_array_append_new(out, json_pack("{s:O,s:o,s:o}", "name",
		    json_object_get(f, "name"), "roles", roles, "sources",
		    srcs));
	}
	free(k);
	return out;
}

static json_t *
quotes_out(json_t *s, const char *tabname)
{
	json_t *tab = json_object_get(s, tabname), *out = json_array(), *f;
	json_t *srcs, *g, *gk, *c;
	const char **k, *sp, *kd;
	size_t n, i;

	k = sorted_keys(tab, &n);
	for (i = 0; i < n; i++) {
		f = json_object_get(tab, k[i]);
		srcs = sources_of(f);
		g = group_by(srcs, "speaker", 0);
		gk = group_by(srcs, "kind", 0);
		sp = most_common(g);
		kd = most_common(gk);
		json_array_append_new(out, json_pack("{s:O,s:o,s:o,s:o}",
		    "text", json_object_get(f, "text"), "speaker",
		    str_or_null(sp), "kind", str_or_null(kd), "sources",
		    srcs));
		if (json_object_size(g) > 1) {
			c = conflict("quote speaker", s);
			json_object_set(c, "text", json_object_get(f, "text"));
			json_object_set_new(c, "values", values_of(g,
			    "speaker"));
		}
		json_decref(g);
		json_decref(gk);
	}
	free(k);
	return out;
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
		glean_buf_add(b, p, (size_t)(nl + 1 - p));
		glean_buf_add(b, "        ", (size_t)ind);
	}
	glean_buf_add(b, p, strlen(p));
	free(d);
}

static void
add_str(struct glean_buf *b, const char *compact, const char *pretty)
{
	const char *s = pflag ? pretty : compact;

	glean_buf_add(b, s, strlen(s));
}

/*
 * Write the record into b subject by subject, each subject's state freed
 * once written: the record is never held whole as jansson values.  The
 * text is what json_dumps gives for the whole record.
 */
static void
record_write(struct glean_buf *b)
{
	json_t *da = json_array();
	json_t *s, *o, *al, *v;
	const char **k, **ek;
	size_t n, i, en, j;

	conflicts = json_array();
	k = sorted_keys(docs, &n);
	for (i = 0; i < n; i++) {
		json_t *entries = json_object_get(docs, k[i]), *vals;

		ek = sorted_keys(entries, &en);
		for (j = 0; j < en; j++)
			json_array_append(da, json_object_get(entries, ek[j]));
		if (en > 1) {
			glean_warn("document id '%s' used by %zu different "
			    "documents (kept, see conflicts)", k[i], en);
			vals = json_array();
			for (j = 0; j < en; j++)
				json_array_append(vals,
				    json_object_get(entries, ek[j]));
			json_array_append_new(conflicts, json_pack(
			    "{s:s,s:s,s:o}", "kind", "document", "id", k[i],
			    "values", vals));
		}
		free(ek);
	}
	free(k);
	add_str(b, "{\"glean_record\":", "{\n  \"glean_record\": ");
	v = json_integer(RECORD_VERSION);
	add_dump(b, v, 0);
	json_decref(v);
	add_str(b, ",\"documents\":", ",\n  \"documents\": ");
	add_dump(b, da, 2);
	json_decref(da);
	json_object_clear(docs);
	add_str(b, ",\"subjects\":[", ",\n  \"subjects\": [");
	if (tdir)
		tables_open();
	k = sorted_keys(subjects, &n);
	for (i = 0; i < n; i++) {
		s = json_object_get(subjects, k[i]);
		o = json_object();
		json_object_set(o, "name", json_object_get(s, "name"));
		json_object_set(o, "code", json_object_get(s, "code"));
		json_object_set(o, "kind", json_object_get(s, "kind"));
		ek = sorted_keys(child(s, "aliases"), &en);
		al = json_array();
		for (j = 0; j < en; j++)
			json_array_append_new(al, json_string(ek[j]));
		free(ek);
		json_object_set_new(o, "aliases", al);
		/* each table freed once written out: keep the peak down */
		json_object_set_new(o, "inspections", inspections_out(s));
		json_object_del(s, "R");
		json_object_set_new(o, "money", money_out(s));
		json_object_del(s, "M");
		json_object_set_new(o, "people", people_out(s));
		json_object_del(s, "P");
		json_object_set_new(o, "quotes", quotes_out(s, "Q"));
		json_object_del(s, "Q");
		json_object_set_new(o, "findings", quotes_out(s, "F"));
		json_object_del(s, "F");
		if (i)
			glean_buf_addc(b, ',');
		add_str(b, "", "\n    ");
		add_dump(b, o, 4);
		if (tdir)
			tables_subject(o);
		json_decref(o);
		json_object_del(subjects, k[i]);
	}
	free(k);
	if (n)
		add_str(b, "", "\n  ");
	add_str(b, "],\"conflicts\":", "],\n  \"conflicts\": ");
	add_dump(b, conflicts, 2);
	add_str(b, "}", "\n}");
	json_decref(conflicts);
	if (tdir)
		tables_close();
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
		glean_buf_add(&b, one, strlen(one));
		free(one);
	}
	field(fp, b.s ? b.s : "", last);
	glean_buf_free(&b);
}

static FILE *
table(const char *name, const char *header)
{
	char *p = glean_asprintf("%s/%s", tdir, name);
	FILE *fp = fopen(p, "w");

	if (!fp)
		glean_die(GLEAN_EXIT_FATAL, "%s:", p);
	free(p);
	fputs(header, fp);
	return fp;
}

static void
tclose(FILE *fp, const char *name)
{
	if (ferror(fp) | fclose(fp))
		glean_die(GLEAN_EXIT_FATAL, "%s/%s: write error", tdir, name);
}

static FILE *fi, *fm, *fp, *fq;	/* the --tables files */

static void
tables_open(void)
{
	if (mkdir(tdir, 0777) && errno != EEXIST)
		glean_die(GLEAN_EXIT_FATAL, "%s:", tdir);
	fi = table("inspections.tsv",
	    "subject\tcode\tkind\twhen\tarea\tgrade\tsources\n");
	fm = table("money.tsv",
	    "subject\tcode\tvalue\tcurrency\tper\ttext\tcontext\tsources\n");
	fp = table("people.tsv", "subject\tcode\tname\troles\tsources\n");
	fq = table("quotes.tsv",
	    "subject\tcode\ttype\tspeaker\tkind\ttext\tsources\n");
}

/* The rows of one subject of the record. */
static void
tables_subject(json_t *s)
{
	json_t *nm = json_object_get(s, "name");
	json_t *cd = json_object_get(s, "code");
	json_t *x, *y;
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
				glean_buf_add(&b, "; ", 2);
			glean_buf_add(&b, json_string_value(c),
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
				glean_buf_add(&b, "; ", 2);
			glean_buf_add(&b, json_string_value(c),
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

static void
tables_close(void)
{
	tclose(fi, "inspections.tsv");
	tclose(fm, "money.tsv");
	tclose(fp, "people.tsv");
	tclose(fq, "quotes.tsv");
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
			glean_buf_add(&b, s + i, l);
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
				glean_buf_addc(&b, s[i]);
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
	"entities", "ratings", "money", "quotes", NULL
};

/*
 * A line as JSON.  A document's layers that merge does not read (the
 * tokens and sentences: most of the bytes) are checked by the stream's
 * scanner but not built; records and anything odd take jansson's path.
 */
static json_t *
load(const char *buf, size_t len, json_error_t *je)
{
	static struct glean_jfields jf;
	json_t *doc, *v;
	size_t i, j;
	char *k;

	if (glean_jscan_object(buf, len, &jf) < 0)
		goto full;
	for (i = 0; i < jf.n; i++)
		if (jf.f[i].key_escaped || (jf.f[i].keylen == 12 &&
		    !memcmp(jf.f[i].key, "glean_record", 12)))
			goto full;
	doc = json_object();
	for (i = 0; i < jf.n; i++) {
		const struct glean_jfield *f = &jf.f[i];

		for (j = 0; reads[j]; j++)
			if (strlen(reads[j]) == f->keylen &&
			    !memcmp(reads[j], f->key, f->keylen))
				break;
		if (!reads[j])
			continue;
		if (f->val[0] == '"')
			v = glean_jstring_decode(f->val + 1, f->vallen - 2);
		else
			v = json_loadb(f->val, f->vallen, JSON_DECODE_ANY |
			    JSON_ALLOW_NUL, NULL);
		if (!v) {
			json_decref(doc);
			goto full;
		}
		k = glean_strndup(f->key, f->keylen);
		json_object_set_new(doc, k, v);
		free(k);
	}
	no_nul(doc);
	return doc;
full:
	doc = json_loadb(buf, len, JSON_ALLOW_NUL, je);
	if (doc)
		no_nul(doc);
	return doc;
}

/* One JSON value read from name:line; returns 0, or 1 when rejected. */
static int
take(const char *buf, size_t len, const char *name, long line)
{
	json_error_t je;
	json_t *v = load(buf, len, &je), *entry;
	char *err = NULL, *id, *msg;
	int rc = 0;

	if (v && json_is_object(v) && json_object_get(v, "glean_record")) {
		if (read_record(v, &err) == 0)
			goto out;
	} else if (v && json_is_object(v) && (str(v, "id") ||
	    json_is_string(json_object_get(v, "text")))) {
		id = str(v, "id") ? glean_strdup(str(v, "id")) :
		    line_id(name, line);
		read_document(v, id);
		free(id);
		goto out;
	} else if (!v)
		err = glean_asprintf("not JSON: %s", je.text);
	else
		err = glean_strdup("not a document or knowledge record");
	/* Nothing lost: the rejected line is listed as a document. */
	glean_warn_at(name, line, "%s", err);
	id = line_id(name, line);
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
	int status = 0, inrec = 0;

	while ((len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (inrec) {
			glean_buf_add(&acc, line, (size_t)len);
			glean_buf_addc(&acc, '\n');
			if (!strcmp(line, "}")) {
				status |= take(acc.s, acc.len, name, first);
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
			glean_buf_add(&acc, "{\n", 2);
			continue;
		}
		status |= take(line, (size_t)len, name, lineno);
		if (status && opts.strict)
			break;
	}
	if (inrec)
		status |= take(acc.s, acc.len, name, first);
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
	struct glean_buf out = { 0 };
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
	docs = json_object();
	subjects = json_object();
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
		status |= read_stream(fp, argv[i]);
		fclose(fp);
		if (status && opts.strict)
			break;
	}
	record_write(&out);
	glean_emit_line(out.s, out.len);
	glean_flush();
	glean_buf_free(&out);
	json_decref(docs);
	json_decref(subjects);
	if (fflush(stdout) || ferror(stdout))
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status ? GLEAN_EXIT_REJECT : GLEAN_EXIT_OK;
}
