/* See LICENSE file for copyright and license details. */
/*
 * glean-tokenize - split each document's "text" into sentences and tokens.
 * Reads JSON Lines documents with a string "text"; adds (or replaces)
 *   "sentences": [[start, end], ...]
 *   "tokens":    "0,2wad 5wsale 5wboost 0,1p" (the compact form), or with
 *                --token-arrays [[0, 2, "word", "ad"], [3, 8, ...], ...]
 * in code points (toklayer.h); with --sentences-only no "tokens" (a
 * "tokens" the document had is dropped all the same: it would not match
 * the new sentences' text).  Every other field passes through
 * unchanged, unparsed.
 * The two layers are written as JSON text (glean_tail_fn): the token
 * layer is the bulk of the stream.
 */
#include <jansson.h>

#include "glean.h"
#include "tok.h"
#include "toklayer.h"

struct ctx {
	struct glean_abbrevs *ab;
	struct glean_toks tk;
	enum glean_tokens_form form;	/* --token-arrays: the old form;
					 * --sentences-only: none */
	int arrays, sentences_only;	/* the options given */
};

static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	struct ctx *c = vctx;
	json_t *text = json_object_get(doc, "text");
	const char *s = json_string_value(text);
	size_t n = json_string_length(text);
	/* in glean-chain, tokens a later stage takes instead of making */
	struct glean_toks *tk = glean_tokshare_slot(s, n);

	(void)err;
	if (!tk)
		tk = &c->tk;
	glean_tokenize(s, n, c->ab, tk);
	glean_toks_json(s, tk, c->form, tail);
	/* a huge document must not pin its arrays for the rest of the run */
	if (c->tk.cap > (1u << 20))
		glean_toks_free(&c->tk);
	return 0;
}

/* The lexicon, and the form of the layer the options ask for; both
 * forms at once is a usage error (exit 2). */
static void
init(void *vctx, const char *lexdir)
{
	struct ctx *c = vctx;

	if (c->arrays && c->sentences_only)
		glean_die(GLEAN_EXIT_FATAL, "--token-arrays and "
		    "--sentences-only exclude each other");
	c->form = c->sentences_only ? GLEAN_TOKENS_NONE : c->arrays ?
	    GLEAN_TOKENS_ARRAYS : GLEAN_TOKENS_COMPACT;
	c->ab = glean_abbrevs_load(lexdir);
}

static void
fini(void *vctx)
{
	struct ctx *c = vctx;

	glean_toks_free(&c->tk);
	glean_abbrevs_free(c->ab);
}

/* --token-arrays: the old form of the layer; --sentences-only: no
 * layer.  Returns 1 for an option of the stage's, else 0. */
static int
option(void *vctx, int ch, const char *arg)
{
	struct ctx *c = vctx;

	(void)arg;
	switch (ch) {
	case 'A':
		c->arrays = 1;
		return 1;
	case 'S':
		c->sentences_only = 1;
		return 1;
	default:
		return 0;
	}
}

static const struct option longopts[] = {
	{ "token-arrays", no_argument, NULL, 'A' },
	{ "sentences-only", no_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};
static const char *const reads[] = { NULL };
static const char *const writes[] = { "sentences", "tokens", NULL };
static struct ctx stage_ctx;
/* The stage as glean_main and glean-chain run it. */
const struct glean_program glean_program_tokenize = {
	{ "tokenize", NULL, &stage_ctx, reads, process, writes },
	"[OPTION]... [FILE]...",
	"Add \"sentences\" and \"tokens\" to each JSON Lines document.",
	"      --token-arrays  write \"tokens\" in the old form, arrays\n"
	"                      [[s,e,\"word\",\"stem\"],...]\n"
	"      --sentences-only\n"
	"                      write \"sentences\" alone, no \"tokens\" (for\n"
	"                      a run whose later stages do not read them)\n",
	NULL, longopts, option, init, fini
};

GLEAN_STAGE_MAIN(tokenize)
