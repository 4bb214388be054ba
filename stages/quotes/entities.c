/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: the entities layer read straight from its JSON text.
 *
 * Only four members of each entity matter here (start, end, kind,
 * canonical), and most entities are of kinds the stage does not use; a
 * tree of every value (glean_jv_parse) cost more than all the rest of
 * finding the document's names.  So the layer's text is walked once:
 * the four members are noted where they are written, everything else is
 * skipped, and a string is decoded only when it is used and holds an
 * escape; an entity as the entities stage writes it (its members in one
 * order, no white space) is read by its keys' bytes (read_usual), any
 * other member by member.  The values read are what glean_jv_parse makes
 * of the same text: the last of duplicate members wins, an integer is one
 * with no fraction or exponent, a string's escapes decoded.  The text is
 * one that the stream's scanner accepted (jv.h): its syntax is trusted.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "quotes.h"

static inline const char *
skip_ws(const char *p, const char *end)
{
	if (p < end && (unsigned char)*p > ' ')
		return p;	/* the layers are written compact */
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

/*
 * The closing quote of the JSON string whose opening quote is at p (end
 * when there is none); *esc is set when the string holds an escape.
 */
static const char *
string_end(const char *p, const char *end, int *esc)
{
	for (p++; p < end; p += 2) {	/* over a backslash and the next */
#ifdef __SSE2__
		/* 16 bytes at a time to the first quote or backslash */
		for (; p + 16 <= end; p += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

			if (m != 0) {
				p += __builtin_ctz(m);
				break;
			}
		}
#endif
		while (p < end && *p != '"' && *p != '\\')
			p++;
		if (p >= end || *p == '"')
			return p < end ? p : end;
		*esc = 1;
	}
	return end;
}

/* Past the string whose opening quote is at p. */
static const char *
skip_string(const char *p, const char *end)
{
	int esc = 0;

	p = string_end(p, end, &esc);
	return p < end ? p + 1 : end;
}

/* Past the value at p (white space before it skipped already). */
static const char *
skip_value(const char *p, const char *end)
{
	int depth = 0;

	if (p >= end)
		return end;
	if (*p == '"')
		return skip_string(p, end);
	if (*p != '{' && *p != '[') {
		while (p < end && *p != ',' && *p != '}' && *p != ']' &&
		    *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		return p;
	}
	for (; p < end; p++) {
		if (*p == '"')
			p = skip_string(p, end) - 1;
		else if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && --depth == 0)
			return p + 1;
	}
	return end;
}

/* Set s to the string at p (its opening quote); returns past it. */
static const char *
read_string(const char *p, const char *end, struct jstr *s)
{
	const char *q;

	s->esc = 0;
	q = string_end(p, end, &s->esc);
	s->p = p + 1;
	s->n = (size_t)(q - p - 1);
	s->ok = 1;
	return q < end ? q + 1 : end;
}

/*
 * The integer at p into *v: past it, or NULL when the value there is
 * not one (another type, or a number with a fraction or an exponent,
 * which glean_jv_parse makes a real).
 */
static const char *
read_int(const char *p, const char *end, json_int_t *v)
{
	const char *start = p;
	unsigned long long u = 0;

	if (p < end && *p == '-')
		p++;
	if (p >= end || *p < '0' || *p > '9')
		return NULL;
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		u = u * 10 + (unsigned)(*p - '0');
	if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
		return NULL;
	*v = *start == '-' ? (json_int_t)(0 - u) : (json_int_t)u;
	return p;
}

/*
 * Member start or end (has, v) from the value at p; returns past it.
 * An integer ends where its digits do (the scanner accepted the text:
 * a delimiter follows), so it is not skipped again.
 */
static const char *
read_int_member(const char *p, const char *end, int *has, json_int_t *v)
{
	const char *q = read_int(p, end, v);

	*has = q != NULL;
	return q ? q : skip_value(p, end);
}

/*
 * The string s decoded, NUL-terminated, in arena a (*len its bytes):
 * copied as written when it holds no escape, else decoded as
 * glean_jv_parse decodes it.
 */
const char *
jstr_text(struct glean_arena *a, const struct jstr *s, size_t *len)
{
	const struct glean_jv *v;

	if (!s->esc) {
		*len = s->n;
		return glean_arena_strndup(a, s->p, s->n);
	}
	v = glean_jv_parse(a, s->p - 1, s->n + 2);
	*len = v->len;
	return v->s;
}

/* Does s, which holds an escape, say w[0..wn) (see JSTR_IS)? */
int
jstr_esc_eq(struct glean_arena *a, const struct jstr *s, const char *w,
    size_t wn)
{
	size_t n;
	const char *t = jstr_text(a, s, &n);

	return n == wn && memcmp(t, w, n) == 0;
}

/* Which of the members the reader keeps is key k (-1 none). */
static int
member_of(struct glean_arena *a, const struct jstr *k)
{
	if (k->esc)
		return JSTR_IS(a, k, "start") ? 0 : JSTR_IS(a, k, "end") ? 1 :
		    JSTR_IS(a, k, "kind") ? 2 : JSTR_IS(a, k, "canonical") ?
		    3 : -1;
	switch (k->n) {		/* the length first: most keys are none */
	case 5:
		return memcmp(k->p, "start", 5) == 0 ? 0 : -1;
	case 3:
		return memcmp(k->p, "end", 3) == 0 ? 1 : -1;
	case 4:
		return memcmp(k->p, "kind", 4) == 0 ? 2 : -1;
	case 9:
		return memcmp(k->p, "canonical", 9) == 0 ? 3 : -1;
	default:
		return -1;
	}
}

/* Note the value at p of member m of an entity in e; returns past it. */
static const char *
read_member(const char *p, const char *end, int m, struct entity *e)
{
	switch (m) {
	case 0:
		return read_int_member(p, end, &e->has_start, &e->start);
	case 1:
		return read_int_member(p, end, &e->has_end, &e->end);
	case 2:
	case 3:
		if (*p == '"')
			return read_string(p, end, m == 2 ? &e->kind :
			    &e->canon);
		(m == 2 ? &e->kind : &e->canon)->ok = 0;
		break;
	}
	return skip_value(p, end);
}

/*
 * The key whose opening quote is at p when it is one the entities layer
 * writes, as written (no escape): *m gets member_of's answer for it and
 * the return is past its closing quote; NULL for any other key (read
 * then as any string).  The layer writes its keys the same way each
 * time, so this spares most of them the string scan.
 */
static const char *
known_key(const char *p, const char *end, int *m)
{
#define KEY_IS(lit) ((size_t)(end - p) > sizeof(lit) - 1 && \
	memcmp(p + 1, lit, sizeof(lit) - 1) == 0)
	switch (p[1]) {
	case 's':
		*m = 0;
		return KEY_IS("start\"") ? p + 7 : NULL;
	case 'e':
		*m = 1;
		return KEY_IS("end\"") ? p + 5 : NULL;
	case 'k':
		*m = 2;
		return KEY_IS("kind\"") ? p + 6 : NULL;
	case 'c':
		*m = KEY_IS("canonical\"") ? 3 : -1;
		return *m == 3 ? p + 11 : KEY_IS("code\"") ? p + 6 : NULL;
	case 't':
		*m = -1;
		return KEY_IS("text\"") ? p + 6 : KEY_IS("title\"") ? p + 7 :
		    NULL;
	case 'r':
		*m = -1;
		return KEY_IS("role\"") ? p + 6 : NULL;
	default:
		return NULL;
	}
#undef KEY_IS
}

/* Does the text at p begin with the string literal lit? */
#define HAS_LIT(p, end, lit) ((size_t)((end) - (p)) >= sizeof(lit) - 1 && \
	memcmp((p), (lit), sizeof(lit) - 1) == 0)

/*
 * The members the entities stage writes first, in its order and without
 * white space ({"start":N,"end":N,"text":"…","kind":"…","canonical":…,
 * then "code":null when it follows), read by their keys as written from
 * the object at p ('{') into e.  Returns past them (at the next member's
 * comma or the closing brace), or NULL, e untouched, when the object does
 * not begin so: then it is read member by member.  Its other members, and
 * any of these written again, are read as read_entity reads them, so the
 * values are the same.
 */
static const char *
read_usual(const char *p, const char *end, struct entity *e)
{
	json_int_t start, stop;
	struct jstr kind;

	/* each literal ends with the value's first byte, or before it */
	if (!HAS_LIT(p, end, "{\"start\":") ||
	    (p = read_int(p + 9, end, &start)) == NULL ||
	    !HAS_LIT(p, end, ",\"end\":") ||
	    (p = read_int(p + 7, end, &stop)) == NULL ||
	    !HAS_LIT(p, end, ",\"text\":\"") ||
	    (p = skip_string(p + 8, end)) >= end ||
	    !HAS_LIT(p, end, ",\"kind\":\"") ||
	    (p = read_string(p + 8, end, &kind)) >= end ||
	    !HAS_LIT(p, end, ",\"canonical\":"))
		return NULL;
	e->has_start = e->has_end = 1;
	e->start = start;
	e->end = stop;
	e->kind = kind;
	p = read_member(p + 13, end, 3, e);
	/* and the code most names have, which is not read */
	return HAS_LIT(p, end, ",\"code\":null") ? p + 12 : p;
}

/* The members of the object at p ('{') into e; returns past it. */
static const char *
read_entity(struct glean_arena *a, const char *p, const char *end,
    struct entity *e)
{
	struct jstr key;
	const char *q;
	int m;

	if ((q = read_usual(p, end, e)) != NULL)
		p = q;
	else
		p = skip_ws(p + 1, end);
	for (; p < end && *p != '}'; p = skip_ws(p, end)) {
		if (*p == ',')
			p = skip_ws(p + 1, end);
		if (p + 1 < end && (q = known_key(p, end, &m)) != NULL) {
			p = q;
		} else {
			p = read_string(p, end, &key);
			m = member_of(a, &key);
		}
		p = skip_ws(skip_ws(p, end) + 1, end);	/* the colon */
		p = read_member(p, end, m, e);
	}
	return p < end ? p + 1 : end;
}

/*
 * Start reading the entities layer text[0..len): 1 when it is an array
 * (then call entity_next for its members), 0 otherwise.
 */
int
entities_open(struct entities *r, struct glean_arena *a, const char *text,
    size_t len)
{
	const char *end = text + len, *p = skip_ws(text, end);

	r->a = a;
	r->end = end;
	if (p >= end || *p != '[')
		return 0;
	r->p = skip_ws(p + 1, end);
	return 1;
}

/*
 * The next member of the layer into e: 1, or 0 at the end.  A member
 * that is not an object comes back with nothing set, as a glean_jv_get
 * of it finds nothing.
 */
int
entity_next(struct entities *r, struct entity *e)
{
	const char *p = r->p, *end = r->end;

	e->has_start = e->has_end = e->kind.ok = e->canon.ok = 0;
	if (p < end && *p == ',')
		p = skip_ws(p + 1, end);
	if (p >= end || *p == ']') {
		r->p = end;
		return 0;
	}
	if (*p == '{')
		p = read_entity(r->a, p, end, e);
	else
		p = skip_value(p, end);
	r->p = skip_ws(p, end);
	return 1;
}
