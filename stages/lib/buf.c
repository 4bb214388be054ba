/* See LICENSE file for copyright and license details. */
/* A growable, always NUL-terminated byte buffer. */
#include <stdlib.h>
#include <string.h>

#include "glean.h"

static void
reserve(struct glean_buf *b, size_t extra)
{
	size_t want = b->len + extra + 1;

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
	reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
glean_buf_addc(struct glean_buf *b, int c)
{
	char ch = (char)c;

	glean_buf_add(b, &ch, 1);
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
