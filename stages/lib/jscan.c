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

#include "glean.h"
#include "swar.h"
#include "jscan.h"

/* jansson's own limit (JSON_PARSER_MAX_DEPTH), so both refuse alike. */
#define MAX_DEPTH 2048

struct scan {
	const unsigned char *s, *end;
};

static void
skip_ws(struct scan *sc)
{
	while (sc->s < sc->end && (*sc->s == ' ' || *sc->s == '\t' ||
	    *sc->s == '\n' || *sc->s == '\r'))
		sc->s++;
}

static int
hex4(const unsigned char *p, const unsigned char *end, unsigned *v)
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
 * and '\\'.  Eight bytes at a time (SWAR: each byte's sums stay below
 * 0x100, so no carry crosses bytes).
 */
static const unsigned char *
skip_plain(const unsigned char *p, const unsigned char *end)
{
	uint64_t x, x7, stop;

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

/* At the opening quote; leaves sc->s after the closing one.  *escaped
 * tells whether a backslash occurred. */
static int
scan_string(struct scan *sc, int *escaped)
{
	const unsigned char *p = sc->s + 1, *end = sc->end;
	unsigned u, lo;
	int32_t cp;
	size_t len;

	*escaped = 0;
	for (;;) {
		p = skip_plain(p, end);
		if (p >= end || *p < 0x20)
			return -1;
		if (*p == '"')
			break;
		if (*p == '\\') {
			*escaped = 1;
			if (++p >= end)
				return -1;
			if (strchr("\"\\/bfnrt", *p) && *p) {
				p++;
				continue;
			}
			if (*p != 'u' || hex4(p + 1, end, &u) < 0)
				return -1;
			p += 5;
			if (u >= 0xDC00 && u <= 0xDFFF)
				return -1;
			if (u >= 0xD800 && u <= 0xDBFF) {
				/* a high surrogate needs its low half */
				if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4(p + 2, end, &lo) < 0 ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return -1;
				p += 6;
			}
			continue;
		}
		len = glean_utf8_next((const char *)p, (size_t)(end - p), &cp);
		if (cp < 0)
			return -1;
		p += len;
	}
	sc->s = p + 1;
	return 0;
}

/*
 * A key: a string that, for jansson, may not hold a NUL ("NUL byte in
 * object key not supported").  An escaped backslash before "u0000" is
 * refused too; that only sends the line down the full parse, which is
 * always right.
 */
static int
scan_key(struct scan *sc)
{
	const unsigned char *start = sc->s;
	int esc;

	if (scan_string(sc, &esc) < 0)
		return -1;
	if (esc && memmem(start, (size_t)(sc->s - start), "\\u0000", 6))
		return -1;
	return 0;
}

static int
digits(struct scan *sc)
{
	const unsigned char *start = sc->s;

	while (sc->s < sc->end && *sc->s >= '0' && *sc->s <= '9')
		sc->s++;
	return sc->s > start ? 0 : -1;
}

/*
 * Does jansson refuse the number s[0..n) (valid JSON syntax) as out of
 * range?  An integer must fit json_int_t ("too big integer"), a real
 * must not overflow a double ("real number overflow"); underflow is
 * accepted, as jansson does.
 */
static int
number_overflows(const unsigned char *s, size_t n, int real)
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

static int
scan_number(struct scan *sc)
{
	const unsigned char *start = sc->s;
	int real = 0, exp = 0;

	if (*sc->s == '-')
		sc->s++;
	if (sc->s < sc->end && *sc->s == '0')
		sc->s++;
	else if (digits(sc) < 0)
		return -1;
	if (sc->s < sc->end && *sc->s == '.') {
		sc->s++;
		real = 1;
		if (digits(sc) < 0)
			return -1;
	}
	if (sc->s < sc->end && (*sc->s == 'e' || *sc->s == 'E')) {
		sc->s++;
		real = exp = 1;
		if (sc->s < sc->end && (*sc->s == '+' || *sc->s == '-'))
			sc->s++;
		if (digits(sc) < 0)
			return -1;
	}
	/* an integer of 18 digits or fewer fits, and so does a real of
	 * fewer than 300 characters without an exponent */
	if ((exp || sc->s - start > (real ? 300 : 18)) &&
	    number_overflows(start, (size_t)(sc->s - start), real))
		return -1;
	return 0;
}

static int
scan_literal(struct scan *sc, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(sc->end - sc->s) < n || memcmp(sc->s, word, n) != 0)
		return -1;
	sc->s += n;
	return 0;
}

/* Scan one value of any kind, iteratively (no recursion: a line of
 * 200,000 '[' must not exhaust the C stack). */
static int
scan_value(struct scan *sc)
{
	char stack[MAX_DEPTH];	/* '{' or '[' per open container */
	int depth = 0, esc;

	for (;;) {
		skip_ws(sc);
		if (sc->s >= sc->end)
			return -1;
		switch (*sc->s) {
		case '{':
		case '[':
			if (depth == MAX_DEPTH)
				return -1;
			stack[depth++] = (char)*sc->s++;
			skip_ws(sc);
			if (sc->s < sc->end && (*sc->s == '}' || *sc->s == ']')) {
				if ((*sc->s == '}') != (stack[depth - 1] == '{'))
					return -1;
				sc->s++;
				depth--;
				goto after_value;
			}
			if (stack[depth - 1] == '{')
				goto want_key;
			continue;
		case '"':
			if (scan_string(sc, &esc) < 0)
				return -1;
			break;
		case 't':
			if (scan_literal(sc, "true") < 0)
				return -1;
			break;
		case 'f':
			if (scan_literal(sc, "false") < 0)
				return -1;
			break;
		case 'n':
			if (scan_literal(sc, "null") < 0)
				return -1;
			break;
		default:
			if (*sc->s != '-' && (*sc->s < '0' || *sc->s > '9'))
				return -1;
			if (scan_number(sc) < 0)
				return -1;
			break;
		}
after_value:
		for (;;) {
			if (depth == 0)
				return 0;
			skip_ws(sc);
			if (sc->s >= sc->end)
				return -1;
			if (*sc->s == ',') {
				sc->s++;
				if (stack[depth - 1] == '{')
					goto want_key;
				break;	/* next array element */
			}
			if (*sc->s != (stack[depth - 1] == '{' ? '}' : ']'))
				return -1;
			sc->s++;
			depth--;
		}
		continue;
want_key:
		skip_ws(sc);
		if (sc->s >= sc->end || *sc->s != '"' ||
		    scan_key(sc) < 0)
			return -1;
		skip_ws(sc);
		if (sc->s >= sc->end || *sc->s != ':')
			return -1;
		sc->s++;
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
	struct scan sc = { (const unsigned char *)line,
	    (const unsigned char *)line + n };
	const unsigned char *key, *key_end, *val;
	int esc;

	jf->n = 0;
	skip_ws(&sc);
	if (sc.s >= sc.end || *sc.s != '{')
		return -1;
	sc.s++;
	skip_ws(&sc);
	if (sc.s < sc.end && *sc.s == '}') {
		sc.s++;
		goto done;
	}
	for (;;) {
		skip_ws(&sc);
		if (sc.s >= sc.end || *sc.s != '"')
			return -1;
		key = sc.s;
		if (scan_key(&sc) < 0)
			return -1;
		esc = memchr(key, '\\', (size_t)(sc.s - key)) != NULL;
		key_end = sc.s;
		skip_ws(&sc);
		if (sc.s >= sc.end || *sc.s != ':')
			return -1;
		sc.s++;
		skip_ws(&sc);
		val = sc.s;
		if (scan_value(&sc) < 0)
			return -1;
		add_field(jf, key + 1, (size_t)(key_end - key) - 2, esc, val,
		    (size_t)(sc.s - val));
		skip_ws(&sc);
		if (sc.s < sc.end && *sc.s == ',') {
			sc.s++;
			continue;
		}
		if (sc.s < sc.end && *sc.s == '}') {
			sc.s++;
			break;
		}
		return -1;
	}
done:
	skip_ws(&sc);
	return sc.s == sc.end ? 0 : -1;
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
			hex4((const unsigned char *)p + 1,
			    (const unsigned char *)end, &u);
			p += 5;
			if (u >= 0xD800 && u <= 0xDBFF) {
				hex4((const unsigned char *)p + 2,
				    (const unsigned char *)end, &lo);
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
