/* See LICENSE file for copyright and license details. */
/* Escaped HTML output into a growable buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

void
put(struct glean_buf *b, const char *s)
{
	glean_buf_add(b, s, strlen(s));
}

void
putf(struct glean_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		glean_buf_add(b, small, (size_t)n);
		return;
	}
	char *big = glean_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	glean_buf_add(b, big, (size_t)n);
	free(big);
}

/* Escape s, at most max code points (then an ellipsis). */
static void
esc_upto(struct glean_buf *b, const char *s, size_t max)
{
	size_t ncp = 0;
	const unsigned char *p;

	if (!s)
		return;
	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80 && ncp++ == max) {
			put(b, "\xE2\x80\xA6");
			return;
		}
		switch (*p) {
		case '&': put(b, "&amp;"); break;
		case '<': put(b, "&lt;"); break;
		case '>': put(b, "&gt;"); break;
		case '"': put(b, "&quot;"); break;
		case '\'': put(b, "&#39;"); break;
		default:
			/* C0 controls but tab and newline, and DEL, are
			 * parse errors in HTML: show them as U+FFFD. */
			if ((*p < 0x20 && *p != '\t' && *p != '\n') ||
			    *p == 0x7F)
				put(b, "\xEF\xBF\xBD");
			else
				glean_buf_addc(b, *p);
		}
	}
}

void
esc(struct glean_buf *b, const char *s)
{
	esc_upto(b, s, (size_t)-1);
}

void
esc_cut(struct glean_buf *b, const char *s, size_t max)
{
	esc_upto(b, s, max);
}
