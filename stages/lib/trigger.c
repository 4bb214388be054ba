/* See LICENSE file for copyright and license details. */
/* Trigger words (see trigger.h). */
#include <ctype.h>
#include <string.h>

#include "swar.h"
#include "trigger.h"

void
glean_triggers_init(struct glean_triggers *tw)
{
	memset(tw, 0, sizeof *tw);
}

/* Is w[0..n) a word the table may hold: 1 to GLEAN_TRIGGER_MAX - 1
 * bytes, the first and last ASCII letters? */
static inline int
may_file(const char *w, size_t n)
{
	unsigned a, z;

	if (n >= GLEAN_TRIGGER_MAX || n == 0)
		return 0;
	a = (unsigned)((w[0] | 0x20) - 'a');
	z = (unsigned)((w[n - 1] | 0x20) - 'a');
	return a < 26 && z < 26;
}

/* w[0..n) (n < GLEAN_TRIGGER_MAX) lower-cased into lw, zero-padded so
 * that glean_hash8 may read it whole and two words compare whole.  A
 * byte at a time, without a call: words are short. */
static inline void
lower_word(const char *w, size_t n, char lw[GLEAN_TRIGGER_MAX])
{
	size_t i;

	memset(lw, 0, GLEAN_TRIGGER_MAX);	/* a constant size: inline */
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)w[i];

		lw[i] = (char)(ch | ((unsigned)(ch - 'A') < 26) << 5);
	}
}

void
glean_trigger_add(struct glean_triggers *tw, const char *w, size_t n,
    unsigned bits)
{
	char lw[GLEAN_TRIGGER_MAX];
	size_t i, mask = GLEAN_TRIGGER_SLOTS - 1;
	unsigned h;

	if (!may_file(w, n))
		return;
	lower_word(w, n, lw);
	tw->pre[n][lw[0] & 31][lw[n - 1] & 31] |= glean_trigger_second(w, n);
	tw->last[n][lw[0] & 31] |= (uint32_t)1 << (lw[n - 1] & 31);
	h = glean_hash8(lw, n, lw + sizeof lw);
	for (i = 0; i < GLEAN_TRIGGER_SLOTS; i++) {
		struct glean_trigger *t = &tw->slot[(h + i) & mask];

		if (!t->w[0])
			memcpy(t->w, lw, n + 1);
		if (memcmp(t->w, lw, n) == 0 && t->w[n] == '\0') {
			t->bits |= bits;
			return;
		}
	}
}

size_t
glean_trigger_add_longest(struct glean_triggers *tw, const char *form,
    unsigned bits)
{
	const char *p = form, *best = NULL;
	size_t bn = 0, n;

	while (*p) {
		while (*p && !isalpha((unsigned char)*p))
			p++;
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		if (n > bn) {
			best = p;
			bn = n;
		}
		p += n;
	}
	if (best)
		glean_trigger_add(tw, best, bn, bits);
	return bn;
}

unsigned
glean_trigger_find(const struct glean_triggers *tw, const char *w, size_t n)
{
	char lw[GLEAN_TRIGGER_MAX];
	size_t i, mask = GLEAN_TRIGGER_SLOTS - 1;
	unsigned h;

	if (!may_file(w, n) || !glean_trigger_maybe(tw, w, n))
		return 0;
	lower_word(w, n, lw);
	h = glean_hash8(lw, n, lw + sizeof lw);
	for (i = 0; i < GLEAN_TRIGGER_SLOTS; i++) {
		const struct glean_trigger *t = &tw->slot[(h + i) & mask];

		if (!t->w[0])
			return 0;
		/* both zero-padded: equal words are equal whole */
		if (memcmp(t->w, lw, GLEAN_TRIGGER_MAX) == 0)
			return t->bits;
	}
	return 0;
}
