/* See LICENSE file for copyright and license details. */
/*
 * window.h - trigger windows: a stage that finds its expressions only
 * near trigger words (a month name, a currency symbol) runs its patterns
 * in a window around each trigger, overlapping windows made one, and
 * each window widened to whole words so that a pattern's (?!\w) never
 * sees a cut word as an end.
 */
#ifndef GLEAN_WINDOW_H
#define GLEAN_WINDOW_H

#include <stddef.h>

/* An open window of the text: bytes [s, e); have: open at all. */
struct glean_window {
	size_t s, e;
	int have;
};

/*
 * Take the trigger at bytes [s, e) of a text of n bytes into window w,
 * the window reaching left bytes before it and right bytes after.  When
 * w is open and the trigger's reach overlaps it, w grows; when it does
 * not, w's window is copied to *done, w restarts at the trigger, and 1
 * is returned: the caller runs *done.  0 otherwise.
 */
int glean_window_add(struct glean_window *w, size_t n, size_t s, size_t e,
    size_t left, size_t right, struct glean_window *done);

/*
 * Widen the window [*s, *e) of text t of n bytes to whole words: the
 * end past ASCII letters and digits and non-ASCII bytes, the start back
 * to the first byte of a character.
 */
void glean_window_words(const char *t, size_t n, size_t *s, size_t *e);

#endif
