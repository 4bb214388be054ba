/* See LICENSE file for copyright and license details. */
/*
 * JSON values in an arena (see jv.h): a reader for text that has been
 * checked already, so it trusts the syntax and never looks past the
 * text's end.
 */
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "jv.h"
#include "swar.h"

struct glean_arena_block {
	struct glean_arena_block *prev;
	size_t cap, used;
	char data[];
};

/* Most documents' values fit one block, so a reset frees nothing. */
#define BLOCK_SIZE ((size_t)1 << 20)

/* n bytes of a (rounded up to 8): inline when the block has room, as it
 * has for nearly every value of a document. */
static inline void *
arena_take(struct glean_arena *a, size_t n)
{
	struct glean_arena_block *b = a->head;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!b || b->cap - b->used < n)
		return glean_arena_alloc(a, n);
	p = b->data + b->used;
	b->used += n;
	return p;
}

void *
glean_arena_alloc(struct glean_arena *a, size_t n)
{
	struct glean_arena_block *b = a->head;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK_SIZE ? n : BLOCK_SIZE;

		b = glean_malloc(sizeof(*b) + cap);
		b->cap = cap;
		b->used = 0;
		b->prev = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

char *
glean_arena_strndup(struct glean_arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
glean_arena_reset(struct glean_arena *a)
{
	struct glean_arena_block *b;

	while (a->head && a->head->prev) {
		b = a->head;
		a->head = b->prev;
		free(b);
	}
	if (a->head)
		a->head->used = 0;
}

void
glean_arena_free(struct glean_arena *a)
{
	glean_arena_reset(a);
	free(a->head);
	a->head = NULL;
}

/* ---- reading ----------------------------------------------------------- */

static inline const char *
skip_ws(const char *p, const char *end)
{
	/* the scanner's text is mostly compact: no white space at all */
	if (p < end && (unsigned char)*p > ' ')
		return p;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

static unsigned
hex4(const char *p)
{
	unsigned v = 0, c;
	int i;

	for (i = 0; i < 4; i++) {
		c = (unsigned char)p[i];
		v = v << 4 | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* Write code point cp (valid, not a surrogate) as UTF-8 at o. */
static size_t
utf8_encode(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The closing quote of the JSON string at p (its opening quote). */
static const char *
string_end(const char *p, const char *end)
{
	const char *q = p + 1, *bs;

	for (;;) {		/* a quote not escaped */
		q = memchr(q, '"', (size_t)(end - q));
		for (bs = q; bs > p + 1 && bs[-1] == '\\'; bs--)
			;
		if ((q - bs) % 2 == 0)
			return q;
		q++;
	}
}

/* The string body p[0..q) decoded into a (NUL-terminated), its length
 * in *len. */
static char *
decode_body(struct glean_arena *a, const char *p, const char *q, size_t *len)
{
	const char *bs;
	char *out, *o;
	unsigned u;

	/* decoding never makes a string longer */
	o = out = arena_take(a, (size_t)(q - p) + 1);
	while (p < q) {
		bs = memchr(p, '\\', (size_t)(q - p));
		if (!bs)
			bs = q;
		memcpy(o, p, (size_t)(bs - p));
		o += bs - p;
		if (bs == q)
			break;
		p = bs + 2;
		switch (bs[1]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			u = hex4(p);
			p += 4;
			if (u >= 0xD800 && u <= 0xDBFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (hex4(p + 2) - 0xDC00);
				p += 6;
			}
			o += utf8_encode(o, u ? u : 0xFFFD);
			break;
		default:	/* " \ / */
			*o++ = bs[1];
			break;
		}
	}
	*o = '\0';
	*len = (size_t)(o - out);
	/* a raw NUL cannot occur: the scanner refuses control bytes */
	return out;
}

/* The body of the string at *pp (its opening quote), decoded into a;
 * *pp moves past the closing quote. */
static char *
parse_escaped(struct glean_arena *a, const char **pp, const char *end,
    size_t *len)
{
	const char *p = *pp + 1, *q = string_end(*pp, end);

	*pp = q + 1;
	return decode_body(a, p, q, len);
}

const char *
glean_jv_decode(struct glean_arena *a, const char *body, size_t n,
    size_t *len)
{
	return decode_body(a, body, body + n, len);
}

/* Strings looked at eight bytes a step (most, keys and words, are
 * short and plain); a longer one is left to memchr. */
#define SHORT_STRING 64

/* The first quote or backslash in the SHORT_STRING bytes at p (end
 * when it is nearer), or NULL when there is none. */
static const char *
quote_or_backslash(const char *p, const char *end)
{
	const char *lim = end - p > SHORT_STRING ? p + SHORT_STRING : end;
	uint64_t w, m;

	for (; lim - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		m = glean_zero_bytes(w ^ ('"' * GLEAN_ONES)) |
		    glean_zero_bytes(w ^ ('\\' * GLEAN_ONES));
		if (m)
			return p + glean_first_flag(m);
	}
	for (; p < lim; p++)
		if (*p == '"' || *p == '\\')
			return p;
	return NULL;
}

/*
 * The body of the string at *pp (its opening quote), NUL-terminated in
 * a, and its length in *len; *pp moves past the closing quote.
 */
static const char *
parse_string(struct glean_arena *a, const char **pp, const char *end,
    size_t *len)
{
	const char *p = *pp + 1, *q = quote_or_backslash(p, end);
	char *out;

	if (!q || *q == '\\')	/* long, or escaped */
		return parse_escaped(a, pp, end, len);
	*pp = q + 1;
	*len = (size_t)(q - p);
	out = arena_take(a, *len + 1);
	memcpy(out, p, *len);
	out[*len] = '\0';
	return out;
}

/* A member's name at *pp (its opening quote), in place (not
 * NUL-terminated) when it has no escape, else decoded into a; its
 * length in *len.  Names are short: eight bytes a step, no call. */
static inline const char *
parse_key(struct glean_arena *a, const char **pp, const char *end,
    size_t *len)
{
	const char *p = *pp + 1, *q = p;
	uint64_t w, m = 0;

	for (; end - q >= 8; q += 8) {
		memcpy(&w, q, 8);
		m = glean_zero_bytes(w ^ ('"' * GLEAN_ONES)) |
		    glean_zero_bytes(w ^ ('\\' * GLEAN_ONES));
		if (m) {
			q += glean_first_flag(m);
			break;
		}
	}
	if (!m)
		while (q < end && *q != '"' && *q != '\\')
			q++;
	if (q < end && *q == '"') {
		*pp = q + 1;
		*len = (size_t)(q - p);
		return p;
	}
	return parse_escaped(a, pp, end, len);
}

/* glean_jv_new, inline for the reader. */
static inline struct glean_jv *
jv_make(struct glean_arena *a, enum glean_jv_type t)
{
	struct glean_jv *v = arena_take(a, sizeof(*v));

	*v = (struct glean_jv){ t, NULL, 0, NULL, 0, 0, 0.0, NULL, NULL };
	return v;
}

struct glean_jv *
glean_jv_new(struct glean_arena *a, enum glean_jv_type t)
{
	return jv_make(a, t);
}

/* strtod of the real p[0..n), copied so that strtod stops at its end. */
static double
real_value(struct glean_arena *a, const char *p, size_t n)
{
	char small[64], *copy;

	copy = n < sizeof(small) ? small : glean_arena_alloc(a, n + 1);
	memcpy(copy, p, n);
	copy[n] = '\0';
	return strtod(copy, NULL);
}

/* The number at *pp (an integer fits json_int_t: checked); *pp moves
 * past it. */
static struct glean_jv *
parse_number(struct glean_arena *a, const char **pp, const char *end)
{
	const char *p = *pp + (**pp == '-'), *start = *pp;
	unsigned long long u = 0;
	struct glean_jv *v;

	for (; p < end && *p >= '0' && *p <= '9'; p++)
		u = u * 10 + (unsigned)(*p - '0');
	if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) {
		while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' ||
		    *p == 'e' || *p == 'E' || *p == '+' || *p == '-'))
			p++;
		v = jv_make(a, GLEAN_JV_REAL);
		v->r = real_value(a, start, (size_t)(p - start));
	} else {
		v = jv_make(a, GLEAN_JV_INT);
		v->i = *start == '-' ? (json_int_t)(0 - u) : (json_int_t)u;
	}
	*pp = p;
	return v;
}

/* The value at *pp; *pp moves past it. */
static struct glean_jv *
parse_value(struct glean_arena *a, const char **pp, const char *end)
{
	const char *p = skip_ws(*pp, end), *key = NULL;
	struct glean_jv *v, **tail;
	size_t kl = 0;
	char close;

	switch (*p) {
	case '{':
	case '[':
		v = jv_make(a, *p == '{' ? GLEAN_JV_OBJ : GLEAN_JV_ARR);
		close = *p == '{' ? '}' : ']';
		tail = &v->kid;
		for (p = skip_ws(p + 1, end); *p != close;
		    p = skip_ws(p, end)) {
			if (*p == ',')
				p = skip_ws(p + 1, end);
			if (v->type == GLEAN_JV_OBJ) {
				key = parse_key(a, &p, end, &kl);
				p = skip_ws(p, end) + 1;	/* the colon */
			}
			*tail = parse_value(a, &p, end);
			(*tail)->key = key;
			(*tail)->keylen = kl;
			tail = &(*tail)->next;
			v->len++;
		}
		p++;
		break;
	case '"':
		v = jv_make(a, GLEAN_JV_STR);
		v->s = parse_string(a, &p, end, &v->len);
		break;
	case 't':
		v = jv_make(a, GLEAN_JV_TRUE);
		p += 4;
		break;
	case 'f':
		v = jv_make(a, GLEAN_JV_FALSE);
		p += 5;
		break;
	case 'n':
		v = jv_make(a, GLEAN_JV_NULL);
		p += 4;
		break;
	default:
		v = parse_number(a, &p, end);
		break;
	}
	*pp = p;
	return v;
}

const char *
glean_jv_skip(const char *p, const char *end)
{
	int depth = 0;

	do {
		switch (*p) {
		case '"':
			p = string_end(p, end) + 1;
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
		default:	/* a number, a literal, , or : */
			p++;
			while (p < end && ((*p >= '0' && *p <= '9') ||
			    (*p >= 'a' && *p <= 'z') || *p == '.' ||
			    *p == '-' || *p == '+' || *p == 'E'))
				p++;
			break;
		}
		p = skip_ws(p, end);
	} while (depth > 0 && p < end);
	return p;
}

/* The value at *pp, a member named in typed, read for its type only
 * (*pp moves past it): a string reads as "", an array or object as
 * empty, a number as 0. */
static struct glean_jv *
typed_value(struct glean_arena *a, const char **pp, const char *end)
{
	const char *p = *pp, *q = glean_jv_skip(p, end);
	struct glean_jv *v;

	switch (*p) {
	case '"': v = jv_make(a, GLEAN_JV_STR); v->s = ""; break;
	case '{': v = jv_make(a, GLEAN_JV_OBJ); break;
	case '[': v = jv_make(a, GLEAN_JV_ARR); break;
	case 't': v = jv_make(a, GLEAN_JV_TRUE); break;
	case 'f': v = jv_make(a, GLEAN_JV_FALSE); break;
	case 'n': v = jv_make(a, GLEAN_JV_NULL); break;
	default:
		v = jv_make(a, memchr(p, '.', (size_t)(q - p)) ||
		    memchr(p, 'e', (size_t)(q - p)) ||
		    memchr(p, 'E', (size_t)(q - p)) ?
		    GLEAN_JV_REAL : GLEAN_JV_INT);
		break;
	}
	*pp = q;
	return v;
}

/* Is the key k[0..kl) in the NULL-terminated list names? */
static int
key_in(const char *k, size_t kl, const char *const *names)
{
	const char *n;
	size_t i;

	for (; (n = *names); names++) {
		if (n[0] != k[0])	/* most names differ there */
			continue;
		for (i = 1; i < kl && n[i] == k[i]; i++)
			;
		if (i == kl && !n[kl])
			return 1;
	}
	return 0;
}

struct glean_jv *
glean_jv_parse_members(struct glean_arena *a, const char **text,
    const char *end, const char *const *keep, const char *const *typed)
{
	const char *p = skip_ws(*text, end), *key;
	struct glean_jv *v, **tail;
	size_t kl;

	if (p >= end || *p != '{')
		return parse_value(a, text, end);
	v = jv_make(a, GLEAN_JV_OBJ);
	tail = &v->kid;
	for (p = skip_ws(p + 1, end); *p != '}'; p = skip_ws(p, end)) {
		if (*p == ',')
			p = skip_ws(p + 1, end);
		key = parse_key(a, &p, end, &kl);
		p = skip_ws(skip_ws(p, end) + 1, end);	/* the colon */
		if (key_in(key, kl, keep))
			*tail = parse_value(a, &p, end);
		else if (key_in(key, kl, typed))
			*tail = typed_value(a, &p, end);
		else {
			p = glean_jv_skip(p, end);
			continue;
		}
		(*tail)->key = key;
		(*tail)->keylen = kl;
		tail = &(*tail)->next;
		v->len++;
	}
	*text = p + 1;
	return v;
}

struct glean_jv *
glean_jv_parse(struct glean_arena *a, const char *text, size_t len)
{
	return parse_value(a, &text, text + len);
}

struct glean_jv *
glean_jv_parse_next(struct glean_arena *a, const char **text, const char *end)
{
	return parse_value(a, text, end);
}

const struct glean_jv *
glean_jv_getn(const struct glean_jv *o, const char *key, size_t kl)
{
	const struct glean_jv *v, *found = NULL;
	size_t i;

	if (!o || o->type != GLEAN_JV_OBJ)
		return NULL;
	/* names are short and most of a length differ in the first byte:
	 * a byte at a time, no call */
	for (v = o->kid; v; v = v->next) {
		if (v->keylen != kl)
			continue;
		for (i = 0; i < kl && v->key[i] == key[i]; i++)
			;
		if (i == kl)
			found = v;
	}
	return found;
}

const struct glean_jv *
glean_jv_items(const struct glean_jv *v)
{
	return v && v->type == GLEAN_JV_ARR ? v->kid : NULL;
}
