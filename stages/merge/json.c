/* See LICENSE file for copyright and license details. */
/*
 * json.c - JSON text as jansson writes it (compact, 15 digits for reals),
 * members of compact objects, and walking JSON text the stream's scanner
 * accepted: skipping values, arrays item by item, fields by name.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* strcmp for field names: they mostly differ in the first byte. */
int
fieldcmp(const char *a, const char *b)
{
	int d = (unsigned char)*a - (unsigned char)*b;

	return d ? d : strcmp(a, b);
}

/* Append s as a JSON string, escaped as jansson escapes it (the shared
 * writer of stages/lib). */
void
put_str(struct glean_buf *b, const char *s)
{
	glean_buf_addjstr(b, s, strlen(s));
}

/* A string, or null for NULL. */
void
put_nstr(struct glean_buf *b, const char *s)
{
	if (s)
		put_str(b, s);
	else
		put(b, "null");
}

/* Append v in decimal. */
void
put_int(struct glean_buf *b, long long v)
{
	char d[24];

	buf_add(b, d, (size_t)(put_dec_signed(d, v) - d));
}

/*
 * A real as jansson writes it: "%.15g", always with a '.' or an 'e',
 * no '+' and no leading zeros in the exponent.
 */
void
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

/* The members of the compact JSON object obj, in storage reused by the
 * next call. */
size_t
members(const char *obj, struct member **mp)
{
	static struct member *m;
	static size_t cap;
	const char *p = obj + 1, *end = obj + strlen(obj);
	size_t n = 0;

	for (; *p != '}'; n++) {
		if (*p == ',')
			p++;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			m = glean_realloc(m, cap * sizeof(*m));
		}
		m[n].name = p;
		p = glean_jv_skip(p, end);
		m[n].namelen = (size_t)(p - m[n].name);
		m[n].val = ++p;
		p = glean_jv_skip(p, end);
		m[n].vallen = (size_t)(p - m[n].val);
	}
	*mp = m;
	return n;
}

/* Is member m named quoted (a JSON key with its quotes)? */
int
named(const struct member *m, const char *quoted)
{
	return m->namelen == strlen(quoted) &&
	    !memcmp(m->name, quoted, m->namelen);
}

/* The member of m[0..n) named quoted (a JSON key), or NULL. */
const struct member *
member(const struct member *m, size_t n, const char *quoted)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (named(&m[i], quoted))
			return &m[i];
	return NULL;
}

/* Append member m as it is: `"name":value`. */
void
put_member(struct glean_buf *b, const struct member *m)
{
	buf_add(b, m->name, (size_t)(m->val + m->vallen - m->name));
}

/* The string member k of jansson object o, or NULL. */
const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A canonical, sortable text of any value (sorted keys, compact). */
char *
canon(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));

	if (!s)
		glean_die(GLEAN_EXIT_FATAL, "out of memory");
	return s;
}

/* v as compact JSON, as the record writes it. */
char *
compact(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
	    JSON_REAL_PRECISION(15));

	if (!s)
		glean_die(GLEAN_EXIT_FATAL, "cannot serialise the record");
	return s;
}

/* Past the white space at p (before end). */
const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

/* The closing quote of the JSON string that opens at p (before end). */
static const char *
string_end(const char *p, const char *end)
{
	const char *q = p + 1, *bs;

	while ((q = memchr(q, '"', (size_t)(end - q)))) {
		for (bs = q; bs > p + 1 && bs[-1] == '\\'; bs--)
			;
		if ((q - bs) % 2 == 0)
			return q;	/* not escaped */
		q++;
	}
	return end;
}

/* Past the JSON value at p, text the stream's scanner accepted (white
 * space inside allowed): strings skipped whole, brackets counted. */
const char *
skip_json(const char *p, const char *end)
{
	int depth = 0;

	if (*p != '"' && *p != '{' && *p != '[') {
		while (p < end && !strchr(",]} \t\r\n", *p))
			p++;
		return p;
	}
	for (; p < end; p++) {
		switch (*p) {
		case '"':
			p = string_end(p, end);
			break;
		case '{':
		case '[':
			depth++;
			break;
		case '}':
		case ']':
			depth--;
			break;
		default:
			continue;
		}
		if (depth == 0)
			return p < end ? p + 1 : end;
	}
	return p;
}

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
int
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
json_t *
small_json(const char *text, size_t n)
{
	json_t *v = json_loadb(text, n, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL);

	no_nul(v);
	return v;
}

/* Field name of jf read by jansson (see small_json), or NULL. */
json_t *
field_value(const struct glean_jfields *jf, const char *name)
{
	const struct glean_jfield *f = field_get(jf, name);

	return f ? small_json(f->val, f->vallen) : NULL;
}

/* The walk of the array field name of jf (see array_start). */
int
field_array(const struct glean_jfields *jf, const char *name,
    const char **it, const char **end)
{
	const struct glean_jfield *f = field_get(jf, name);

	return f && array_start(f->val, f->vallen, it, end);
}

/*
 * s with each invalid UTF-8 sequence replaced by U+FFFD (fresh): jansson
 * takes only valid strings, and an error text may quote a byte or two of
 * a broken line.
 */
char *
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

/*
 * The strings of v with each U+0000 made U+FFFD (one code point for
 * one, so offsets hold): the rest of merge works on C strings.
 */
void
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
