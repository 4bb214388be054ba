/* See LICENSE file for copyright and license details. */
/* A growable, always NUL-terminated byte buffer. */
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "swar.h"

void
glean_buf_grow(struct glean_buf *b, size_t want)
{
	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap *= 2;
	b->s = glean_realloc(b->s, b->cap);
}

void
glean_buf_add(struct glean_buf *b, const char *s, size_t n)
{
	glean_buf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
glean_buf_addc(struct glean_buf *b, int c)
{
	/* stored, not copied: a call of memcpy for one byte cost more
	 * than the rest */
	glean_buf_reserve(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
glean_buf_addcp(struct glean_buf *b, int32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	glean_buf_add(b, u, n);
}

void
glean_buf_reset(struct glean_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
glean_buf_free(struct glean_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* From byte i of s[0..n) on, the first byte that is a control
 * character, '"' or '\\', looked for 16 bytes at a step; where fewer
 * than 16 are left when none is found before. */
static inline size_t
plain_16s(const char *s, size_t i, size_t n)
{
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i ctl = _mm_set1_epi8(0x1f);
	__m128i x, m;
	int bits;

	for (; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* x <= 0x1f unsigned: its minimum with 0x1f is itself */
		m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x),
		    _mm_or_si128(_mm_cmpeq_epi8(x, quote),
		    _mm_cmpeq_epi8(x, bslash)));
		if ((bits = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
	return i;
}
#endif

/*
 * The one JSON string writer of glean: s[0..n) escaped as jansson's
 * dump escapes it ('"', '\\' and \b \f \n \r \t by letter, other
 * controls as \u00XX in upper-case hex, everything else as it is), so a
 * layer written as text is the bytes jansson would write.  Eight bytes
 * at a step while none needs escaping (16 with SSE2): most text needs
 * none.
 */
void
glean_buf_addjesc(struct glean_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[6] = { '\\', 'u', '0', '0' };
	size_t i, run = 0;
	unsigned char ch;

	for (i = 0; i < n; i++) {
#ifdef __SSE2__
		i = plain_16s(s, i, n);
#endif
		while (i + 8 <= n && !glean_needs_escape8(s + i))
			i += 8;
		if (i >= n)
			break;
		ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch != '"' && ch != '\\')
			continue;
		glean_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (ch) {
		case '"': glean_buf_add(b, "\\\"", 2); break;
		case '\\': glean_buf_add(b, "\\\\", 2); break;
		case '\b': glean_buf_add(b, "\\b", 2); break;
		case '\f': glean_buf_add(b, "\\f", 2); break;
		case '\n': glean_buf_add(b, "\\n", 2); break;
		case '\r': glean_buf_add(b, "\\r", 2); break;
		case '\t': glean_buf_add(b, "\\t", 2); break;
		default:
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			glean_buf_add(b, esc, 6);
		}
	}
	glean_buf_add(b, s + run, n - run);
}

/* The length of the longest prefix of s[0..n) that needs no escape. */
static size_t
plain_len(const char *s, size_t n)
{
	size_t i = 0;
	unsigned char ch;

#ifdef __SSE2__
	i = plain_16s(s, i, n);
#endif
	while (i + 8 <= n && !glean_needs_escape8(s + i))
		i += 8;
	for (; i < n; i++)
		if ((ch = (unsigned char)s[i]) < 0x20 || ch == '"' ||
		    ch == '\\')
			break;
	return i;
}

/* s[0..n) as a JSON string (glean_buf_addjesc in quotes); a plain one
 * (most) copied in one piece. */
void
glean_buf_addjstr(struct glean_buf *b, const char *s, size_t n)
{
	char *p;

	if (plain_len(s, n) == n) {
		p = glean_buf_reserve(b, n + 2);
		p[0] = '"';
		memcpy(p + 1, s, n);
		p[n + 1] = '"';
		p[n + 2] = '\0';
		b->len += n + 2;
		return;
	}
	glean_buf_addc(b, '"');
	glean_buf_addjesc(b, s, n);
	glean_buf_addc(b, '"');
}
