/* See LICENSE file for copyright and license details. */
/* Trigger windows (see window.h). */
#include <ctype.h>

#include "window.h"

int
glean_window_add(struct glean_window *w, size_t n, size_t s, size_t e,
    size_t left, size_t right, struct glean_window *done)
{
	int closed = 0;

	s = s > left ? s - left : 0;
	e = e + right < n ? e + right : n;
	if (w->have && s <= w->e) {
		if (e > w->e)
			w->e = e;
		return 0;
	}
	if (w->have) {
		*done = *w;
		closed = 1;
	}
	w->s = s;
	w->e = e;
	w->have = 1;
	return closed;
}

void
glean_window_words(const char *t, size_t n, size_t *s, size_t *e)
{
	while (*e < n && ((unsigned char)t[*e] & 0x80 ||
	    isalnum((unsigned char)t[*e])))
		++*e;
	while (*s > 0 && ((unsigned char)t[*s] & 0xc0) == 0x80)
		--*s;
}
