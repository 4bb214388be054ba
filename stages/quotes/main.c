/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: main() and the per-document function.  See quotes.h for
 * the modules and quotes.1 for the layer written.
 */
#include "quotes.h"

/* Forget the last document (its quotations' speakers freed), keeping the
 * storage for the next. */
static void
doc_reset(struct qdoc *d)
{
	size_t i;

	for (i = 0; i < d->nq; i++)
		free(d->q[i].at.speaker);
	d->nw = d->ncapital = d->nq = d->nsegs = d->nm = d->np = d->nmk = 0;
	d->foldlen = 0;
	glean_buf_reset(&d->sbuf);
	d->namelen = 0;
	d->doc = NULL;
	d->have_mentions = 0;
	d->lastwords = 0;
	d->nmidcap = SIZE_MAX;
	d->insp = -1;
	memset(d->wmemo, 0, sizeof(d->wmemo));
	glean_arena_reset(&d->layer);
}

/* A document state for the word lists lx, with no document yet. */
void
qdoc_init(struct qdoc *d, const struct quotes_lex *lx)
{
	memset(d, 0, sizeof(*d));
	d->lx = lx;
}

/* Free the storage of d (its document reset first). */
void
qdoc_free(struct qdoc *d)
{
	doc_reset(d);
	free(d->w);
	free(d->capital);
	free(d->q);
	free(d->segs);
	free(d->m);
	free(d->mtmp);
	free(d->p);
	free(d->mk);
	free(d->cand);
	free(d->fold);
	glean_buf_free(&d->sbuf);
	free(d->names);
	glean_arena_free(&d->layer);
	free(d->midcap);
	free(d->om.cp);
	pcre2_match_data_free(d->md);
}

/*
 * The per-document function (glean_tail_fn): doc has a string "text",
 * ctx is the struct qdoc.  Appends the "quotes" member to tail and
 * returns 0; it cannot fail (a text without marks gets an empty layer).
 */
int
quotes_process(json_t *doc, void *ctx, struct glean_buf *tail, char **err)
{
	struct qdoc *d = ctx;
	json_t *jt = json_object_get(doc, "text");

	(void)err;
	d->s = json_string_value(jt);
	d->n = json_string_length(jt);
	doc_reset(d);
	if (!scan_text(d) || d->ncand == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	split_paras(d);
	find_quotes(d);
	if (d->nq == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	om_finish(&d->om);	/* counted by scan_text */
	if (d->foldcap < 4 * d->n + 64) {
		d->foldcap = 4 * d->n + 64;
		free(d->fold);
		d->fold = glean_malloc(d->foldcap);
	}
	d->own_words = !d->use_tokens ||
	    layer_words(d, glean_field(doc, "tokens"), &d->om) < 0;
	if (d->own_words)
		scan_words(d);
	mark_words(d);
	d->doc = doc;
	attribute(d);
	quotes_text(d, tail, &d->om);
	doc_reset(d);
	return 0;
}

/* The word lists, read once and shared by the documents (ctx's lx). */
static struct quotes_lex lexicons;

static void
init(void *ctx, const char *lexdir)
{
	(void)ctx;
	/* the word lists live as long as the program */
	load_lexicons(&lexicons, lexdir);
}

static void
fini(void *ctx)
{
	qdoc_free(ctx);
}

/* --tokens: stems from the "tokens" layer. */
static int
option(void *ctx, int ch, const char *arg)
{
	struct qdoc *d = ctx;

	(void)arg;
	if (ch == 't')
		d->use_tokens = 1;
	return ch == 't';
}

static const struct option longopts[] = {
	{ "tokens", no_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 }
};
/* "tokens" is read on demand, so only under --tokens (glean_field) */
static const char *const reads[] = { "tokens", "entities", NULL };
static const char *const writes[] = { "quotes", NULL };
static struct qdoc stage_doc = { .lx = &lexicons };
/* The stage as glean_main and glean-chain run it. */
const struct glean_program glean_program_quotes = {
	{ "quotes", NULL, &stage_doc, reads, quotes_process, writes, 1, 1 },
	"[OPTION]... [FILE]...",
	"Add \"quotes\": direct quotations, their speakers and kinds.",
	"      --tokens        take stems from the \"tokens\" layer\n",
	NULL, longopts, option, init, fini
};

/*
 * glean-quotes [OPTION]... [FILE]...: see quotes.1.  Exits as glean_run
 * says (0 all read, 1 a record rejected, 2 usage or lexicon error).
 */
GLEAN_STAGE_MAIN(quotes)
