/* See LICENSE file for copyright and license details. */
/*
 * glean-entities - people, organisations and English local authorities.
 * Reads JSON Lines documents with a string "text" (and "published", to
 * choose between an abolished council and its successor); adds (or
 * replaces)
 *   "entities": [{"start","end","text","kind","canonical","code",
 *                 "role"?,"organisation"?,"title"?}, ...]
 * in code points, kind one of person, organisation, authority.  Every
 * other field passes through unchanged; the layer is written as JSON
 * text (glean_tail_fn), last, as jansson would have written it.
 *
 * The stage tokenizes the text itself with the library tokenizer (tok.h),
 * the same code and lexicon as glean-tokenize: that is cheaper than
 * parsing a "tokens" layer (which is bigger than the text and holds no
 * token flags) and cannot be misled by a stale or hostile one.  In
 * glean-chain it takes the tokens glean-tokenize has just made of the
 * same text, in memory (tokshare.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "entities.h"

/* Room in c's per-token arrays (ti, cand, cuecand) for n tokens. */
static void
size_token_arrays(struct ctx *c, size_t n)
{
	if (c->tcap >= n)
		return;
	c->tcap = n;
	c->ti = glean_realloc(c->ti, n * sizeof *c->ti);
	c->cand = glean_realloc(c->cand, n * sizeof *c->cand);
	c->cuecand = glean_realloc(c->cuecand, n * sizeof *c->cuecand);
}

/*
 * d's entities by first token, as qsort with cmp_ent leaves them: each
 * entity starts at a token that was free when it was added, so no two
 * share a first token and any sort gives this order.  The passes add
 * runs in text order, and most documents have a few entities: for those
 * an insertion sort, with no call per comparison.
 */
static void
sort_ents(struct doc *d)
{
	struct ent x;
	size_t k, j;

	if (d->ne > 32) {
		qsort(d->e, d->ne, sizeof *d->e, cmp_ent);
		return;
	}
	for (k = 1; k < d->ne; k++) {
		if (d->e[k - 1].t0 <= d->e[k].t0)
			continue;
		x = d->e[k];
		for (j = k; j > 0 && d->e[j - 1].t0 > x.t0; j--)
			d->e[j] = d->e[j - 1];
		d->e[j] = x;
	}
}

/*
 * The pure function: entities of one document, appended to out as the
 * members "entities":[...], "topics":{...} and "boilerplate":[...].
 * published may be NULL.
 */
static void
entities(struct ctx *c, const char *s, size_t n, const char *published,
    struct glean_buf *out)
{
	struct doc d;
	size_t k;

	memset(&d, 0, sizeof d);
	/* in glean-chain, glean-tokenize's tokens of this very text */
	if (!(d.tk = glean_tokshare_find(s, n))) {
		glean_tokenize(s, n, c->ab, &c->tk);
		d.tk = &c->tk;
	}
	d.c = c;
	d.s = s;
	d.n = n;
	d.published = published;
	d.strs = &c->strs;
	size_token_arrays(c, d.tk->n + 1);
	d.ti = c->ti;
	d.cand = c->cand;
	d.cuecand = c->cuecand;
	d.main_auth = -1;
	index_tokens(&d);
	find_cues(&d);
	find_org_runs(&d);
	find_authorities(&d);
	find_lexicon_orgs(&d);
	find_acronyms(&d);
	find_people(&d);
	find_roles(&d);
	find_refs(&d);
	find_surnames(&d);
	resolve_people(&d);

	sort_ents(&d);
	glean_tail_member(out, out->len);
	glean_buf_add(out, "\"entities\":[", 12);
	for (k = 0; k < d.ne; k++) {
		if (k)
			glean_buf_addc(out, ',');
		put_ent(&d, &d.e[k], out);
	}
	free(d.e);
	glean_arena_reset(&c->strs);
	glean_buf_addc(out, ']');
	put_topics(&d, out);
	put_boilerplate(&d, out);
	free(d.hit);
	free(d.bp);
	/* a huge document must not pin its arrays for the rest of the run */
	if (c->tk.cap > (1u << 20))
		glean_toks_free(&c->tk);
	if (c->tcap > (1u << 20))
		free_token_arrays(c);
}

/* The layer is written as JSON text (glean_tail_fn): building it as
 * jansson values cost more than finding the entities. */
static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	json_t *text = json_object_get(doc, "text");
	json_t *pub = json_object_get(doc, "published");

	(void)err;
	entities(vctx, json_string_value(text), json_string_length(text),
	    json_is_string(pub) ? json_string_value(pub) : NULL, tail);
	return 0;
}

static const char *const reads[] = { "published", NULL };
static const char *const writes[] = { "entities", "topics",
    "boilerplate", NULL };
static struct ctx stage_ctx;
/* The stage as glean_main and glean-chain run it. */
const struct glean_program glean_program_entities = {
	{ "entities", NULL, &stage_ctx, reads, process, writes },
	"[OPTION]... [FILE]...",
	"Add \"entities\" (people, organisations, councils) to each "
	"JSON Lines document.",
	NULL, NULL, NULL, NULL, load_lexicons, free_lexicons
};

GLEAN_STAGE_MAIN(entities)
