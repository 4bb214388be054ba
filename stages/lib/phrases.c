/* See LICENSE file for copyright and license details. */
/*
 * phrases.c - the phrase index (see dict.h): phrases of tokens sorted
 * by first token, the longest first, and a glean_dict of the first
 * tokens.  Apart from dict.c so that a stage using only the word set
 * does not link the tokenizer.
 */
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "glean.h"
#include "tok.h"

void
glean_phrase_add(struct glean_phrases *ph, const char *text, int val, int flags,
    const struct glean_abbrevs *ab)
{
	struct glean_toks tk = { 0 };
	struct glean_phrase *p;
	size_t i;

	glean_tokenize(text, strlen(text), ab, &tk);
	if (tk.n == 0) {
		glean_toks_free(&tk);
		return;
	}
	if (ph->n == ph->cap) {
		ph->cap = ph->cap ? ph->cap * 2 : 64;
		ph->p = glean_realloc(ph->p, ph->cap * sizeof *ph->p);
	}
	p = &ph->p[ph->n++];
	p->ntok = tk.n;
	p->tok = glean_malloc(tk.n * sizeof *p->tok);
	for (i = 0; i < tk.n; i++)
		p->tok[i] = glean_strndup(text + tk.t[i].bs,
		    tk.t[i].be - tk.t[i].bs);
	p->val = val;
	p->flags = flags;
	glean_toks_free(&tk);
}

static int
cmp_phrase(const void *a, const void *b)
{
	const struct glean_phrase *x = a, *y = b;
	int r = strcmp(x->tok[0], y->tok[0]);

	if (r)
		return r;
	return (int)y->ntok - (int)x->ntok;	/* longest first */
}

void
glean_phrases_index(struct glean_phrases *ph)
{
	size_t i, f;

	if (ph->n)
		qsort(ph->p, ph->n, sizeof *ph->p, cmp_phrase);
	for (i = 0; i < ph->n; i++)
		if (i == 0 || strcmp(ph->p[i].tok[0], ph->p[i - 1].tok[0]))
			glean_dict_add(&ph->first, ph->p[i].tok[0], (int)i,
			    NULL);
	glean_dict_sort(&ph->first);
	ph->end = glean_calloc(ph->first.n + 1, sizeof *ph->end);
	for (f = 0; f < ph->first.n; f++)
		for (ph->end[f] = (size_t)ph->first.val[f];
		    ph->end[f] < ph->n && strcmp(ph->p[ph->end[f]].tok[0],
		    ph->first.key[f]) == 0; ph->end[f]++)
			;
}

/* Free ph; empty after. */
void
glean_phrases_free(struct glean_phrases *ph)
{
	size_t i, j;

	for (i = 0; i < ph->n; i++) {
		for (j = 0; j < ph->p[i].ntok; j++)
			free(ph->p[i].tok[j]);
		free(ph->p[i].tok);
	}
	free(ph->p);
	free(ph->end);
	glean_dict_free(&ph->first);
	memset(ph, 0, sizeof *ph);
}
