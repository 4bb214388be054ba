/* See LICENSE file for copyright and license details. */
/*
 * The abbreviations lexicon of the tokenizer (abbreviations.tsv: form,
 * class title|num|any): which words before a full stop do not end a
 * sentence.  Sorted forms, searched after a bit filter of their hashes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "tok.h"

#define AB_FILTER_BITS 4096

struct glean_abbrevs {
	size_t n;
	size_t maxlen;		/* of a form: a longer word needs no look */
	char **form;
	unsigned char *cls;
	int anylower;
	/* a bit per hash of a form's lower case: most words before a full
	 * stop are no abbreviation and need no search */
	uint64_t filter[AB_FILTER_BITS / 64];
};

/* Hash of the ASCII lower case of w[0..len). */
static unsigned
ab_hash(const char *w, size_t len)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)((w[i] >= 'A' && w[i] <= 'Z') ?
		    w[i] + 32 : w[i])) * 16777619u;
	return (h ^ h >> 15) % AB_FILTER_BITS;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct glean_abbrevs *
glean_abbrevs_load(const char *lexdir)
{
	struct glean_lexicon *lx;
	struct glean_abbrevs *ab;
	size_t i;
	char *c;
	char **pairs;

	lx = glean_lexicon_load(lexdir, "abbreviations.tsv", 2);
	ab = glean_calloc(1, sizeof *ab);
	ab->n = lx->nrows;
	/* sort "form\0class" strings together */
	pairs = glean_malloc((ab->n + 1) * sizeof *pairs);
	for (i = 0; i < ab->n; i++) {
		c = lx->rows[i].f[1];
		if (strcmp(c, "title") && strcmp(c, "num") &&
		    strcmp(c, "any")) {
			glean_warn_at(lx->path, lx->rows[i].line,
			    "unknown class \"%s\" (title, num or any)", c);
			exit(GLEAN_EXIT_FATAL);
		}
		pairs[i] = glean_asprintf("%s%c%c", lx->rows[i].f[0], '\0',
		    c[0] == 't' ? '0' + AB_TITLE : c[0] == 'n' ?
		    '0' + AB_NUM : '0' + AB_ANY);
	}
	qsort(pairs, ab->n, sizeof *pairs, cmpstr);
	ab->form = pairs;
	ab->cls = glean_malloc(ab->n + 1);
	for (i = 0; i < ab->n; i++) {
		size_t len = strlen(pairs[i]);
		unsigned h = ab_hash(pairs[i], len);

		ab->cls[i] = (unsigned char)(pairs[i][len + 1] - '0');
		if (len > ab->maxlen)
			ab->maxlen = len;
		ab->filter[h / 64] |= 1ull << (h % 64);
	}
	glean_lexicon_free(lx);
	return ab;
}

void
glean_abbrevs_free(struct glean_abbrevs *ab)
{
	static const size_t string = 0;

	if (!ab)
		return;
	free(ab->cls);
	glean_free_table(ab, ab->form, ab->n, sizeof *ab->form, &string, 1);
}

static int
ab_find(const struct glean_abbrevs *ab, const char *w, size_t len)
{
	size_t lo = 0, hi = ab->n, mid;
	int r;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		r = strncmp(ab->form[mid], w, len);
		if (r == 0 && ab->form[mid][len] != '\0')
			r = 1;
		if (r == 0)
			return (int)mid;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
glean_abbrev_class(const struct glean_abbrevs *ab, const char *w, size_t len)
{
	char low[32];
	size_t i;
	int k;

	if (!ab || len == 0 || len > ab->maxlen || len >= sizeof low)
		return -1;
	/* w and its lower case both hash as the lower case */
	k = (int)ab_hash(w, len);
	if (!(ab->filter[k / 64] & 1ull << (k % 64)))
		return -1;
	if ((k = ab_find(ab, w, len)) >= 0)
		return ab->cls[k];
	/* "Etc." matches "etc": try the lower-case form */
	for (i = 0; i < len; i++)
		low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i];
	if (memcmp(low, w, len) && (k = ab_find(ab, low, len)) >= 0 &&
	    ab->cls[k] == AB_ANY)
		return ab->cls[k];
	return -1;
}
