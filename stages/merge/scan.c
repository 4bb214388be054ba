/* See LICENSE file for copyright and license details. */
/*
 * scan.c - a line's values checked and read in one pass.
 *
 * The stream's scanner (jscan) checks a whole line and the reader (jv)
 * then parses the fields merge reads a second time.  Here the check and
 * the building go together: every value is checked as strictly as
 * jscan checks it (no control byte or bad UTF-8 or escape in a string,
 * JSON's grammar for numbers and literals), and the ones asked for are
 * built as jv builds them.  What jscan would check in a way of its own
 * (a long integer or a real with an exponent: jansson's overflow rules;
 * an escaped name; deep nesting) is refused here, and the caller then
 * takes the line the two-pass way: refusing is always safe.
 */

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "merge.h"
#include "jstruct.h"

typedef const unsigned char *pos;

/* Values nested deeper are left to the two-pass path (jscan allows
 * 2048, jansson's limit); merge's layers nest three deep. */
#define MAX_NEST 64

/* The names of an object's members to pick (at most PICKS). */
#define PICKS 8
struct pick {
	const char *name[PICKS];
	size_t len[PICKS];
	int typed[PICKS];
	size_t n;
	uint64_t lens;		/* bit n: a name of n bytes (n < 64) */
	uint64_t firsts[4];	/* bit c: a name starting with byte c */
};

/* White space beyond the common case (none at all: our own output). */
static pos
ws_slow(pos p, pos end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

static inline pos
ws(pos p, pos end)
{
	return p < end && *p > ' ' ? p : ws_slow(p, end);
}

/* A new value of type t: from a batch taken from the arena at once. */
static inline struct glean_jv *
node(struct scan *sc, enum glean_jv_type t)
{
	struct glean_jv *v;

	if (!sc->nfree) {
		sc->free = glean_arena_alloc(sc->a, 64 * sizeof(*v));
		sc->nfree = 64;
	}
	v = sc->free++;
	sc->nfree--;
	*v = (struct glean_jv){ t, NULL, 0, NULL, 0, 0, 0.0, NULL, NULL };
	return v;
}

/* A NUL-terminated copy of s[0..n) (inside the line) in sc's arena: a
 * short one into a batch of bytes taken at once, sixteen bytes moved
 * when the line has them. */
static inline const char *
copy(struct scan *sc, pos s, size_t n)
{
	char *d;

	if (n >= sc->nbytes) {
		if (n >= 256)
			return glean_arena_strndup(sc->a, (const char *)s, n);
		sc->bytes = glean_arena_alloc(sc->a, 4096);
		sc->nbytes = 4096;
	}
	d = sc->bytes;
	if (n <= 16 && sc->end - s >= 16 && sc->nbytes >= 17)
		memcpy(d, s, 16);
	else
		memcpy(d, s, n);
	d[n] = '\0';
	sc->bytes += n + 1;
	sc->nbytes -= n + 1;
	return d;
}

/* Is c an ASCII digit? */
static inline int
is_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10;
}

#ifdef __SSE2__
/* The bytes of the sixteen at p that end a run of plain ones (a quote,
 * a backslash, a control byte or one past ASCII: signed, below 0x20),
 * as a bit mask. */
static inline unsigned
stops16(pos p)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
	const __m128i bslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
	const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(low,
	    _mm_or_si128(quote, bslash)));
}
#endif

/* Past the plain bytes of a string body (printable ASCII but '"' and
 * '\\'), sixteen at a time with SSE2. */
static inline pos
plain(pos p, pos end)
{
#ifdef __SSE2__
	unsigned m;

	while (end - p >= 16) {
		if ((m = stops16(p)))
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	for (; p < end; p++)
		if (*p < 0x20 || *p >= 0x80 || *p == '"' || *p == '\\')
			break;
	return p;
}

/* The value of the hex digit c, or -1. */
static inline int
hex_digit(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	c |= 0x20;	/* a letter lower-cased */
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The code unit of the \uXXXX escape whose 'u' is at p, or -1 when
 * its four hex digits are not there. */
static long
code_unit(pos p, pos end)
{
	long u = 0;
	int i, d;

	if (end - p <= 4)
		return -1;
	for (i = 1; i <= 4; i++) {
		if ((d = hex_digit(p[i])) < 0)
			return -1;
		u = u << 4 | d;
	}
	return u;
}

/* The escape at its backslash bs: past it, or NULL.  A \u escape of a
 * surrogate needs a high half (D800-DBFF) then a low one (DC00-DFFF),
 * as jscan and jansson take them. */
static pos
escape(pos bs, pos end)
{
	pos p = bs + 1;		/* the escape's letter */
	long hi, lo;

	if (end - bs < 2)
		return NULL;
	if (*p == '"' || *p == '\\' || *p == '/' || *p == 'b' || *p == 'f' ||
	    *p == 'n' || *p == 'r' || *p == 't')
		return p + 1;		/* one character */
	if (*p != 'u' || (hi = code_unit(p, end)) < 0 || hi >> 10 == 0x37)
		return NULL;		/* not \u, or a low half first */
	if (hi >> 10 != 0x36)
		return p + 5;		/* no surrogate */
	lo = end - p > 6 && p[5] == '\\' && p[6] == 'u' ?
	    code_unit(p + 6, end) : -1;
	return lo >= 0 && lo >> 10 == 0x37 ? p + 11 : NULL;
}

/*
 * Past the UTF-8 character at p (a byte past ASCII), or NULL when it is
 * not valid: the common well-formed sequences here (U+0080..U+07FF,
 * U+1000..U+CFFF: no overlong, no surrogate), the rest as jscan checks
 * them (glean_utf8_next).
 */
static inline pos
utf8_char(pos p, pos end)
{
	int32_t cp;

	if (*p >= 0xC2 && *p <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80)
		return p + 2;
	if (*p >= 0xE1 && *p <= 0xEC && end - p >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		return p + 3;
	p += glean_utf8_next((const char *)p, (size_t)(end - p), &cp);
	return cp < 0 ? NULL : p;
}

/* The rest of a string body from p: past its closing quote, or NULL
 * when it is not valid; *esc set when it holds an escape. */
static pos
string_rest(pos p, pos end, int *esc)
{
	/* plain() stops at a quote, a backslash, a control byte or a
	 * byte past ASCII */
	while ((p = plain(p, end)) < end) {
		switch (*p) {
		case '"':
			return p + 1;
		case '\\':
			*esc = 1;
			p = escape(p, end);
			break;
		default:
			p = *p >= 0x80 ? utf8_char(p, end) : NULL;
			break;
		}
		if (!p)
			return NULL;
	}
	return NULL;
}

/* The string at p (its opening quote): past it, or NULL; built into
 * *out unless out is NULL. */
static inline pos
string(struct scan *sc, pos p, struct glean_jv **out)
{
	pos q = plain(p + 1, sc->end);
	struct glean_jv *v;
	int esc = 0;

	if (q < sc->end && *q == '"')
		q++;
	else if (!(q = string_rest(q, sc->end, &esc)))
		return NULL;
	if (!out)
		return q;
	v = *out = node(sc, GLEAN_JV_STR);
	if (esc) {	/* checked: jv decodes it */
		v->s = glean_jv_decode(sc->a, (const char *)p + 1,
		    (size_t)(q - p) - 2, &v->len);
		return q;
	}
	v->len = (size_t)(q - p) - 2;
	v->s = copy(sc, p + 1, v->len);
	return q;
}

/* A member's name at p (its opening quote): past it, or NULL when it
 * is not valid or holds an escape (jv would decode it). */
static inline pos
name(pos p, pos end)
{
	pos q = plain(p + 1, end);
	int esc = 0;

	if (q < end && *q == '"')
		return q + 1;
	q = string_rest(q, end, &esc);
	return esc ? NULL : q;
}

/*
 * The number at p: past it, or NULL when it is not valid JSON or is one
 * jscan checks for overflow (an integer of more than 18 bytes, a real
 * with an exponent or of more than 300 bytes).  *real when it has a
 * fraction.
 */
static inline pos
number(pos p, pos end, int *real)
{
	pos start = p, first, frac;

	if (*p == '-')
		p++;
	for (first = p; p < end && is_digit(*p); p++)
		;
	if (p == first || (*first == '0' && p - first > 1))
		return NULL;
	*real = p < end && *p == '.';
	if (*real) {
		for (frac = ++p; p < end && is_digit(*p); p++)
			;
		if (p == frac)
			return NULL;
	}
	if (p < end && (*p == 'e' || *p == 'E'))
		return NULL;
	return p - start > (*real ? 300 : 18) ? NULL : p;
}

/* The number at p built into *out (or only checked when out is NULL),
 * as jv reads it. */
static inline pos
number_value(struct scan *sc, pos p, struct glean_jv **out)
{
	pos q, d;
	unsigned long long u = 0;
	int real;

	if (!(q = number(p, sc->end, &real)) || !out)
		return q;
	if (real) {
		*out = glean_jv_parse(sc->a, (const char *)p, (size_t)(q - p));
		return q;
	}
	for (d = p + (*p == '-'); d < q; d++)
		u = u * 10 + (unsigned)(*d - '0');
	*out = node(sc, GLEAN_JV_INT);
	(*out)->i = *p == '-' ? (json_int_t)(0 - u) : (json_int_t)u;
	return q;
}

/* The literal word[0..n) at p, of type t: past it, or NULL. */
static pos
literal(struct scan *sc, pos p, const char *word, size_t n,
    enum glean_jv_type t, struct glean_jv **out)
{
	if ((size_t)(sc->end - p) < n || memcmp(p, word, n))
		return NULL;
	if (out)
		*out = node(sc, t);
	return p + n;
}

static pos value(struct scan *sc, pos p, struct glean_jv **out);

/* The value at p, as value(): the common ones (a string without an
 * escape or a byte past ASCII, a number) inline. */
static inline __attribute__((always_inline)) pos
member_value(struct scan *sc, pos p, struct glean_jv **out)
{
	struct glean_jv *v;
	pos q;

	if (*p == '"') {
		q = plain(p + 1, sc->end);
		if (q < sc->end && *q == '"') {
			if (out) {
				v = *out = node(sc, GLEAN_JV_STR);
				v->len = (size_t)(q - p) - 1;
				v->s = copy(sc, p + 1, v->len);
			}
			return q + 1;
		}
	} else if (*p >= '1' && *p <= '9') {
		/* a positive integer (an offset), read as it is checked */
		unsigned long long u = (unsigned)(*p - '0');

		for (q = p + 1; q < sc->end && is_digit(*q); q++)
			u = u * 10 + (unsigned)(*q - '0');	/* may wrap: */
		if (q - p <= 18 && (q >= sc->end || (*q != '.' &&	/* long */
		    *q != 'e' && *q != 'E'))) {		/* ones go below */
			if (out) {
				v = *out = node(sc, GLEAN_JV_INT);
				v->i = (json_int_t)u;
			}
			return q;
		}
	}
	if (is_digit(*p) || *p == '-')
		return number_value(sc, p, out);
	return value(sc, p, out);
}

/* How pk takes the member named k[0..kl): 0 not at all, 1 whole, 2 for
 * its type only. */
static inline int
picked(const struct pick *pk, pos k, size_t kl)
{
	const char *n;
	size_t i, j;

	/* most members are not picked: filtered by length, first byte */
	if (kl >= 64 || !(pk->lens >> kl & 1) ||
	    !(pk->firsts[k[0] >> 6] >> (k[0] & 63) & 1))
		return 0;
	for (i = 0; i < pk->n; i++) {
		if (pk->len[i] != kl || (n = pk->name[i])[0] != (char)k[0])
			continue;
		for (j = 1; j < kl && n[j] == (char)k[j]; j++)	/* short */
			;
		if (j == kl)
			return 1 + pk->typed[i];
	}
	return 0;
}

/*
 * The value at p, a member named in a typed list, checked and built for
 * its type only, as glean_jv_parse_members reads it: a string as "", an
 * array or object empty, a number 0.
 */
static pos
typed(struct scan *sc, pos p, struct glean_jv **out)
{
	pos q = value(sc, p, NULL);
	enum glean_jv_type t;

	if (!q)
		return NULL;
	switch (*p) {
	case '"': t = GLEAN_JV_STR; break;
	case '{': t = GLEAN_JV_OBJ; break;
	case '[': t = GLEAN_JV_ARR; break;
	case 't': t = GLEAN_JV_TRUE; break;
	case 'f': t = GLEAN_JV_FALSE; break;
	case 'n': t = GLEAN_JV_NULL; break;
	default:
		t = memchr(p, '.', (size_t)(q - p)) ? GLEAN_JV_REAL :
		    GLEAN_JV_INT;
		break;
	}
	*out = node(sc, t);
	if (t == GLEAN_JV_STR)
		(*out)->s = "";
	return q;
}

/* kid appended to the members of v, *tail the link to set. */
static inline void
append(struct glean_jv *v, struct glean_jv ***tail, struct glean_jv *kid)
{
	**tail = kid;
	*tail = &kid->next;
	v->len++;
}

/* Past the ',' or the close at p (white space around it allowed): at
 * the next member (*more set) or past the close; NULL when neither
 * comes. */
static inline pos
separator(pos p, pos end, unsigned char close, int *more)
{
	if (p >= end || (*p != ',' && *p != close))
		p = ws(p, end);
	if (p >= end || (*p != ',' && *p != close))
		return NULL;
	*more = *p == ',';
	return *more ? ws(p + 1, end) : p + 1;
}

/*
 * The object at p: past it, or NULL.  Built into v (made already,
 * empty) unless v is NULL; with pk, its members are picked as
 * glean_jv_parse_members picks them (some whole, some for their type,
 * the rest only checked).  The common case (no white space) first at
 * each step.
 */
static pos
object(struct scan *sc, pos p, struct glean_jv *v, const struct pick *pk)
{
	pos end = sc->end, key, q;
	struct glean_jv **tail = v ? &v->kid : NULL, *kid;
	size_t kl;
	int how, more;

	p = ws(p + 1, end);
	if (p < end && *p == '}')
		return p + 1;
	for (;;) {
		if (p >= end || *p != '"')
			return NULL;
		key = p + 1;
		q = plain(key, end);
		if (q < end && *q == '"')
			p = q + 1;
		else if (!(p = name(p, end)))
			return NULL;
		kl = (size_t)(p - key) - 1;
		if (p >= end || *p != ':') {
			p = ws(p, end);
			if (p >= end || *p != ':')
				return NULL;
		}
		p = ws(p + 1, end);
		if (p >= end)
			return NULL;
		how = !v ? 0 : pk ? picked(pk, key, kl) : 1;
		if (how == 1)
			p = member_value(sc, p, &kid);
		else if (how == 2)
			p = typed(sc, p, &kid);
		else
			p = member_value(sc, p, NULL);
		if (!p)
			return NULL;
		if (how) {
			kid->key = (const char *)key;
			kid->keylen = kl;
			append(v, &tail, kid);
		}
		if (!(p = separator(p, end, '}', &more)) || !more)
			return p;
	}
}

/* The array at p, as object(). */
static pos
array(struct scan *sc, pos p, struct glean_jv *v)
{
	pos end = sc->end;
	struct glean_jv **tail = v ? &v->kid : NULL, *kid;
	int more;

	p = ws(p + 1, end);
	if (p < end && *p == ']')
		return p + 1;
	for (;;) {
		if (p >= end || !(p = member_value(sc, p, v ? &kid : NULL)))
			return NULL;
		if (v)
			append(v, &tail, kid);
		if (!(p = separator(p, end, ']', &more)) || !more)
			return p;
	}
}

/* Past the literal at p when it is true, false or null, else p. */
static inline pos
any_literal(pos p, pos end)
{
	if (end - p >= 5 && !memcmp(p, "false", 5))
		return p + 5;
	if (end - p >= 4 && (!memcmp(p, "true", 4) || !memcmp(p, "null", 4)))
		return p + 4;
	return p;
}

/*
 * The object at p only checked, when it is compact and flat (as the
 * items of the layers merge does not read are: names and strings of
 * plain ASCII, positive integers, literals): past it, or NULL when it is
 * not of that shape or not valid, and the caller then scans it the
 * general way, which tells the two apart.
 */
static pos
flat_object(pos p, pos end)
{
	pos q;

	for (p++; p < end && *p == '"'; p++) {
		q = plain(p + 1, end);
		if (end - q < 3 || *q != '"' || q[1] != ':')
			return NULL;
		p = q + 2;
		if (*p == '"') {
			q = plain(p + 1, end);
			if (q >= end || *q != '"')
				return NULL;
			p = q + 1;
		} else if (*p >= '1' && *p <= '9') {
			for (q = p + 1; q < end && is_digit(*q); q++)
				;
			if (q - p > 18)
				return NULL;
			p = q;
		} else if ((q = any_literal(p, end)) > p)
			p = q;
		else
			return NULL;
		if (p >= end || (*p != ',' && *p != '}'))
			return NULL;
		if (*p == '}')
			return p + 1;
	}
	return NULL;
}

/* The value at p (not past the end, no white space before it): past it,
 * or NULL when it is not valid; built into *out unless out is NULL. */
static pos
value(struct scan *sc, pos p, struct glean_jv **out)
{
	pos q;

	switch (*p) {
	case '"':
		return string(sc, p, out);
	case '[':
		/* an array of flat arrays (the sentences) checked by the
		 * stream scanner's own structural pass */
		if (!out && p + 1 < sc->end && p[1] == '[' &&
		    (q = glean_jstruct_arrays(p, sc->end)))
			return q;
		/* FALLTHROUGH */
	case '{':
		if (!out && *p == '{' && (q = flat_object(p, sc->end)))
			return q;
		if (sc->depth == MAX_NEST)
			return NULL;
		sc->depth++;
		if (out)
			*out = node(sc, *p == '{' ? GLEAN_JV_OBJ :
			    GLEAN_JV_ARR);
		q = *p == '{' ? object(sc, p, out ? *out : NULL, NULL) :
		    array(sc, p, out ? *out : NULL);
		sc->depth--;
		return q;
	case 't':
		return literal(sc, p, "true", 4, GLEAN_JV_TRUE, out);
	case 'f':
		return literal(sc, p, "false", 5, GLEAN_JV_FALSE, out);
	case 'n':
		return literal(sc, p, "null", 4, GLEAN_JV_NULL, out);
	default:
		if (*p != '-' && !is_digit(*p))
			return NULL;
		return number_value(sc, p, out);
	}
}

const char *
scan_value(struct scan *sc, const char *p, struct glean_jv **out)
{
	sc->depth = 0;
	return (pos)p < sc->end ? (const char *)value(sc, (pos)p, out) : NULL;
}

/* The members keep and typed (NULL-terminated lists) as a pick. */
static void
pick_of(struct pick *pk, const char *const *keep, const char *const *typ)
{
	size_t i;
	unsigned char c;

	pk->n = 0;
	for (; keep && *keep && pk->n < PICKS; keep++, pk->n++) {
		pk->name[pk->n] = *keep;
		pk->len[pk->n] = strlen(*keep);
		pk->typed[pk->n] = 0;
	}
	for (; typ && *typ && pk->n < PICKS; typ++, pk->n++) {
		pk->name[pk->n] = *typ;
		pk->len[pk->n] = strlen(*typ);
		pk->typed[pk->n] = 1;
	}
	pk->lens = 0;
	memset(pk->firsts, 0, sizeof(pk->firsts));
	for (i = 0; i < pk->n; i++) {
		c = (unsigned char)pk->name[i][0];
		pk->lens |= pk->len[i] < 64 ? (uint64_t)1 << pk->len[i] : 0;
		pk->firsts[c >> 6] |= (uint64_t)1 << (c & 63);
	}
}

const char *
scan_items(struct scan *sc, const char *text, const char *const *keep,
    const char *const *typed_names, size_t most, struct glean_jv **out)
{
	struct glean_jv *v, **tail, *kid;
	struct pick pk;
	pos p = (pos)text, end = sc->end;
	int more;

	*out = NULL;
	if (p >= end || *p != '[')
		return scan_value(sc, text, out);
	pick_of(&pk, keep, typed_names);
	sc->depth = 2;	/* the layer, an item */
	v = node(sc, GLEAN_JV_ARR);
	tail = &v->kid;
	p = ws(p + 1, end);
	if (p < end && *p == ']')
		return *out = v, (const char *)p + 1;
	do {
		if (p >= end)
			return NULL;
		if (v && v->len == most)
			v = NULL;	/* too many: only checked */
		if (v && *p == '{') {
			kid = node(sc, GLEAN_JV_OBJ);
			p = object(sc, p, kid, &pk);
		} else
			p = value(sc, p, v ? &kid : NULL);
		if (!p)
			return NULL;
		if (v)
			append(v, &tail, kid);
	} while ((p = separator(p, end, ']', &more)) && more);
	*out = p ? v : NULL;
	return (const char *)p;
}

const char *
scan_name(const char *p, const char *end)
{
	return (const char *)name((pos)p, (pos)end);
}
