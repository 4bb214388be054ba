/* See LICENSE file for copyright and license details. */
/*
 * A validating JSON scanner for one line holding one object.  It builds
 * no values: it checks the syntax (as strictly as jansson, so a line it
 * accepts jansson accepts too) and records where each top-level field's
 * key and value lie.  The stream uses it so that a stage parses only the
 * fields it reads and copies the rest through as they are: most of a
 * late-stage document is layers the stage never looks at.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "glean.h"
#include "swar.h"
#include "jscan.h"
#include "jstruct.h"

/* jansson's own limit (JSON_PARSER_MAX_DEPTH), so both refuse alike. */
#define MAX_DEPTH 2048

/*
 * Every scanning function takes the position p and the end of the line and
 * returns the position after what it scanned, or NULL when the bytes are
 * not valid JSON.  Positions stay in locals (not in a struct behind a
 * pointer) so that the compiler keeps them in registers: the scanner runs
 * over every byte of every layer a stage passes through, most of them in
 * the tokens layer, where a value is a few bytes long.
 */
typedef const unsigned char *pos;

static pos
skip_ws(pos p, pos end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The common case first: no white space at all (our own output). */
static inline pos
ws(pos p, pos end)
{
	return p < end && *p <= ' ' ? skip_ws(p, end) : p;
}

static int
hex4(pos p, pos end, unsigned *v)
{
	int i;

	*v = 0;
	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		unsigned c = p[i];

		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return -1;
		*v = *v << 4 | c;
	}
	return 0;
}

/*
 * Skip the plain bytes of a string body: printable ASCII other than '"'
 * and '\\'.  Sixteen bytes at a time with SSE2, then eight (SWAR: each
 * byte's sums stay below 0x100, so no carry crosses bytes).
 */
static inline pos
skip_plain(pos p, pos end)
{
	uint64_t x, x7, stop;

#ifdef __SSE2__
	/* sixteen at a time: a signed byte below 0x20 is a control
	 * character or a byte >= 0x80 */
	for (; end - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('\\'))), _mm_cmplt_epi8(v,
		    _mm_set1_epi8(0x20))));

		if (m)
			return p + __builtin_ctz((unsigned)m);
	}
#endif
	for (; end - p >= 8; p += 8) {
		memcpy(&x, p, 8);
		x7 = x & ~GLEAN_HIGHS;
		stop = x |				/* >= 0x80 */
		    ~(x7 + (0x80 - 0x20) * GLEAN_ONES) |	/* < 0x20 */
		    ~((x7 ^ '"' * GLEAN_ONES) + 0x7F * GLEAN_ONES) |
		    ~((x7 ^ '\\' * GLEAN_ONES) + 0x7F * GLEAN_ONES);
		stop &= GLEAN_HIGHS;
		if (stop)
			return p + glean_first_flag(stop);
	}
	while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' &&
	    *p != '\\')
		p++;
	return p;
}

/* One escape sequence, at the byte after the backslash. */
static pos
scan_escape(pos p, pos end)
{
	unsigned u, lo;

	if (p >= end)
		return NULL;
	switch (*p) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
	case 't':
		return p + 1;
	}
	if (*p != 'u' || hex4(p + 1, end, &u) < 0)
		return NULL;
	p += 5;
	if (u >= 0xDC00 && u <= 0xDFFF)
		return NULL;
	if (u >= 0xD800 && u <= 0xDBFF) {
		/* a high surrogate needs its low half */
		if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
		    hex4(p + 2, end, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
			return NULL;
		p += 6;
	}
	return p;
}

/* The rest of a string body that holds an escape or a non-ASCII byte. */
static pos
scan_string_slow(pos p, pos end, int *escaped)
{
	int32_t cp;

	for (;;) {
		p = skip_plain(p, end);
		if (p >= end || *p < 0x20)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (*p == '\\') {
			*escaped = 1;
			if (!(p = scan_escape(p + 1, end)))
				return NULL;
			continue;
		}
		p += glean_utf8_next((const char *)p, (size_t)(end - p), &cp);
		if (cp < 0)
			return NULL;
	}
}

/* At the opening quote; returns the position after the closing one.
 * *escaped tells whether a backslash occurred. */
static inline pos
scan_string(pos p, pos end, int *escaped)
{
	p = skip_plain(p + 1, end);
	if (p < end && *p == '"')
		return p + 1;
	return scan_string_slow(p, end, escaped);
}

/*
 * A key: a string that, for jansson, may not hold a NUL ("NUL byte in
 * object key not supported").  An escaped backslash before "u0000" is
 * refused too; that only sends the line down the full parse, which is
 * always right.
 */
static pos
scan_key(pos p, pos end)
{
	pos start = p;
	int esc = 0;

	if (!(p = scan_string(p, end, &esc)))
		return NULL;
	if (esc && memmem(start, (size_t)(p - start), "\\u0000", 6))
		return NULL;
	return p;
}

static inline int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* One or more ASCII digits, eight bytes at a time as in skip_plain. */
static inline pos
digits(pos p, pos end)
{
	pos start = p;
	uint64_t x, x7, digit;

	for (; end - p >= 8; p += 8) {
		memcpy(&x, p, 8);
		x7 = x & ~GLEAN_HIGHS;
		digit = (x7 + (0x80 - '0') * GLEAN_ONES) &	/* >= '0' */
		    ~(x7 + (0x80 - '9' - 1) * GLEAN_ONES) &	/* <= '9' */
		    ~x & GLEAN_HIGHS;
		if (digit != GLEAN_HIGHS) {
			p += glean_first_flag(~digit & GLEAN_HIGHS);
			return p > start ? p : NULL;
		}
	}
	while (p < end && is_digit(*p))
		p++;
	return p > start ? p : NULL;
}

/*
 * Does jansson refuse the number s[0..n) (valid JSON syntax) as out of
 * range?  An integer must fit json_int_t ("too big integer"), a real
 * must not overflow a double ("real number overflow"); underflow is
 * accepted, as jansson does.
 */
static int
number_overflows(pos s, size_t n, int real)
{
	static const char max[] = "9223372036854775807";
	static const char min[] = "9223372036854775808";
	char small[64], *copy;
	size_t len = n;
	double v;
	int neg = *s == '-', bad;

	if (!real) {
		s += neg;
		len -= (size_t)neg;
		if (len != sizeof max - 1)
			return len > sizeof max - 1;
		return memcmp(s, neg ? min : max, len) > 0;
	}
	copy = n < sizeof small ? small : glean_malloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	errno = 0;
	v = strtod(copy, NULL);
	bad = (v == HUGE_VAL || v == -HUGE_VAL) && errno == ERANGE;
	if (copy != small)
		free(copy);
	return bad;
}

/* A number with a fraction or an exponent, or a long one. */
static pos
scan_number_slow(pos start, pos p, pos end)
{
	int real = 0, exp = 0;

	if (p < end && *p == '.') {
		real = 1;
		if (!(p = digits(p + 1, end)))
			return NULL;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		real = exp = 1;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!(p = digits(p, end)))
			return NULL;
	}
	/* an integer of 18 digits or fewer fits, and so does a real of
	 * fewer than 300 characters without an exponent */
	if ((exp || p - start > (real ? 300 : 18)) &&
	    number_overflows(start, (size_t)(p - start), real))
		return NULL;
	return p;
}

static inline pos
scan_number(pos p, pos end)
{
	pos start = p, first;

	if (*p == '-')
		p++;
	first = p;
	if (!(p = digits(p, end)) || (*first == '0' && p - first > 1))
		return NULL;	/* no digits, or a leading zero */
	if (p - start <= 18 && (p >= end || (*p != '.' && *p != 'e' &&
	    *p != 'E')))
		return p;	/* a short integer: the common case */
	return scan_number_slow(start, p, end);
}

static pos
scan_literal(pos p, pos end, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
		return NULL;
	return p + n;
}

/* A scalar at p, a string or a number; the position after it, or NULL
 * for anything else (or an invalid one). */
static inline pos
scan_scalar(pos p, pos end)
{
	int esc = 0;

	if (*p == '"')
		return scan_string(p, end, &esc);
	if (*p == '-' || is_digit(*p))
		return scan_number(p, end);
	return NULL;
}

/*
 * An array (close ']') or object (close '}') written without white
 * space whose members member() scans (it returns the position after
 * one, or NULL).  At the '[' or '{'; returns the position after the
 * close, or NULL when the value is not of that shape (or not valid), and
 * the caller then scans it the general way, which finds any error.
 */
static inline pos
scan_members(pos p, pos end, pos (*member)(pos, pos), unsigned char close)
{
	for (p++; p < end; p++) {
		if (!(p = member(p, end)) || p >= end)
			return NULL;
		if (*p == close)
			return p + 1;
		if (*p != ',')
			return NULL;
	}
	return NULL;
}

/* An array of scalars, such as a token [3,8,"word","sale"]: the bulk of
 * a stream (see scan_members). */
static inline pos
scan_flat_array(pos p, pos end)
{
	return scan_members(p, end, scan_scalar, ']');
}

static pos
flat_member(pos p, pos end)
{
	return *p == '[' ? scan_flat_array(p, end) : NULL;
}

/* An array of such arrays, the tokens and sentences layers: NULL when
 * any member is not a flat array (see scan_members). */
static pos
scan_array_of_flat(pos p, pos end)
{
	return scan_members(p, end, flat_member, ']');
}

/* A value in a flat object: a scalar, a literal or a flat array. */
static inline pos
flat_value(pos p, pos end)
{
	switch (*p) {
	case 'n':
		return scan_literal(p, end, "null");
	case 't':
		return scan_literal(p, end, "true");
	case 'f':
		return scan_literal(p, end, "false");
	case '[':
		return scan_flat_array(p, end);
	default:
		return scan_scalar(p, end);
	}
}

/* A key at its opening quote, as scan_key: a plain one (the common
 * case) inline, anything else by scan_key. */
static inline __attribute__((always_inline)) pos
key_inline(pos p, pos end)
{
	pos q = skip_plain(p + 1, end);

	return q < end && *q == '"' ? q + 1 : scan_key(p, end);
}

/* A value of a flat object, as flat_value: a plain string and a short
 * integer inline, anything else by flat_value. */
static inline __attribute__((always_inline)) pos
flat_value_inline(pos p, pos end)
{
	pos q;

	if (*p == '"') {
		q = skip_plain(p + 1, end);
		if (q < end && *q == '"')
			return q + 1;
	} else if (is_digit(*p) && *p != '0') {
		q = p + 1;
		while (q < end && is_digit(*q) && q - p < 18)
			q++;
		if (q < end && (*q == ',' || *q == '}'))
			return q;
	}
	return flat_value(p, end);
}

/*
 * A layer of flat objects (entities, dates, money, quotes: the bulk of a
 * late document but for the text), at its '[': each an object written
 * without white space whose values are flat (flat_value), in one loop
 * with the common pieces inline.  Each piece is checked by the general
 * scanner's own functions, so it accepts nothing that scanner refuses;
 * NULL when the layer is not of this shape (or not valid), and the
 * caller then scans it the general way, which finds any error.
 */
static pos
scan_object_layer(pos p, pos end)
{
	for (p++; p < end; p++) {
		if (*p != '{')
			return NULL;
		/* one object's members */
		for (p++; p < end; p++) {
			if (*p != '"' || !(p = key_inline(p, end)) ||
			    p >= end || *p != ':' || ++p >= end ||
			    !(p = flat_value_inline(p, end)) || p >= end)
				return NULL;
			if (*p == '}')
				break;
			if (*p != ',')
				return NULL;
		}
		if (p >= end || ++p >= end)
			return NULL;
		if (*p == ']')
			return p + 1;
		if (*p != ',')
			return NULL;
	}
	return NULL;
}

/* Scan one value of any kind, iteratively (no recursion: a line of
 * 200,000 '[' must not exhaust the C stack). */
static pos
scan_value(pos p, pos end)
{
	char stack[MAX_DEPTH];	/* '{' or '[' per open container */
	int depth = 0, esc;
	pos q;

	for (;;) {
		p = ws(p, end);
		if (p >= end)
			return NULL;
		switch (*p) {
		case '[':
			if (p + 1 < end && p[1] == '[' &&
			    ((q = glean_jstruct_arrays(p, end)) ||
			    (q = scan_array_of_flat(p, end)))) {
				p = q;
				goto after_value;
			}
			if ((q = scan_flat_array(p, end))) {
				p = q;
				goto after_value;
			}
			/* a layer of flat objects: entities, dates, money */
			if (p + 1 < end && p[1] == '{' &&
			    (q = scan_object_layer(p, end))) {
				p = q;
				goto after_value;
			}
			/* FALLTHROUGH */
		case '{':
			if (depth == MAX_DEPTH)
				return NULL;
			stack[depth++] = (char)*p++;
			p = ws(p, end);
			if (p < end && (*p == '}' || *p == ']')) {
				if ((*p == '}') != (stack[depth - 1] == '{'))
					return NULL;
				p++;
				depth--;
				goto after_value;
			}
			if (stack[depth - 1] == '{')
				goto want_key;
			continue;
		case '"':
			p = scan_string(p, end, &esc);
			break;
		case 't':
			p = scan_literal(p, end, "true");
			break;
		case 'f':
			p = scan_literal(p, end, "false");
			break;
		case 'n':
			p = scan_literal(p, end, "null");
			break;
		default:
			if (*p != '-' && !is_digit(*p))
				return NULL;
			p = scan_number(p, end);
			break;
		}
		if (!p)
			return NULL;
after_value:
		for (;;) {
			if (depth == 0)
				return p;
			p = ws(p, end);
			if (p >= end)
				return NULL;
			if (*p == ',') {
				p++;
				if (stack[depth - 1] == '{')
					goto want_key;
				break;	/* next array element */
			}
			if (*p != (stack[depth - 1] == '{' ? '}' : ']'))
				return NULL;
			p++;
			depth--;
		}
		continue;
want_key:
		p = ws(p, end);
		if (p >= end || *p != '"' || !(p = scan_key(p, end)))
			return NULL;
		p = ws(p, end);
		if (p >= end || *p != ':')
			return NULL;
		p++;
	}
}

static void
add_field(struct glean_jfields *jf, const unsigned char *key, size_t keylen,
    int key_escaped, const unsigned char *val, size_t vallen)
{
	struct glean_jfield *f;

	if (jf->n == jf->cap) {
		jf->cap = jf->cap ? jf->cap * 2 : 16;
		jf->f = glean_realloc(jf->f, jf->cap * sizeof *jf->f);
	}
	f = &jf->f[jf->n++];
	f->key = (const char *)key;
	f->keylen = keylen;
	f->key_escaped = key_escaped;
	f->val = (const char *)val;
	f->vallen = vallen;
}

int
glean_jscan_object(const char *line, size_t n, struct glean_jfields *jf)
{
	pos p = (pos)line, end = p + n, key, key_end, val;

	jf->n = 0;
	p = ws(p, end);
	if (p >= end || *p != '{')
		return -1;
	p = ws(p + 1, end);
	if (p < end && *p == '}')
		return ws(p + 1, end) == end ? 0 : -1;
	for (;;) {
		p = ws(p, end);
		if (p >= end || *p != '"')
			return -1;
		key = p;
		if (!(p = scan_key(p, end)))
			return -1;
		key_end = p;
		p = ws(p, end);
		if (p >= end || *p != ':')
			return -1;
		val = p = ws(p + 1, end);
		if (!(p = scan_value(p, end)))
			return -1;
		add_field(jf, key + 1, (size_t)(key_end - key) - 2,
		    memchr(key, '\\', (size_t)(key_end - key)) != NULL, val,
		    (size_t)(p - val));
		p = ws(p, end);
		if (p < end && *p == ',') {
			p++;
			continue;
		}
		if (p < end && *p == '}')
			break;
		return -1;
	}
	return ws(p + 1, end) == end ? 0 : -1;
}

json_t *
glean_jstring_decode(const char *s, size_t n)
{
	/* reused: the text of every document is decoded here */
	static struct glean_buf b;
	const char *p = s, *end = s + n, *bs;
	unsigned u, lo;
	json_t *str;

	if (!memchr(s, '\\', n))
		return json_stringn_nocheck(s, n);	/* scanner checked it */
	glean_buf_reset(&b);
	while (p < end) {
		bs = memchr(p, '\\', (size_t)(end - p));
		if (!bs) {
			glean_buf_add(&b, p, (size_t)(end - p));
			break;
		}
		glean_buf_add(&b, p, (size_t)(bs - p));
		p = bs + 1;
		switch (*p) {
		case 'b': glean_buf_addc(&b, '\b'); p++; break;
		case 'f': glean_buf_addc(&b, '\f'); p++; break;
		case 'n': glean_buf_addc(&b, '\n'); p++; break;
		case 'r': glean_buf_addc(&b, '\r'); p++; break;
		case 't': glean_buf_addc(&b, '\t'); p++; break;
		case 'u':
			hex4((pos)p + 1, (pos)end, &u);
			p += 5;
			if (u >= 0xD800 && u <= 0xDBFF) {
				hex4((pos)p + 2, (pos)end, &lo);
				p += 6;
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
			}
			glean_buf_addcp(&b, (int32_t)u);
			break;
		default:	/* " \ / */
			glean_buf_addc(&b, *p++);
			break;
		}
	}
	str = json_stringn_nocheck(b.s ? b.s : "", b.len);
	if (b.cap > (1u << 20))
		glean_buf_free(&b);	/* a huge one must not stay pinned */
	return str;
}
