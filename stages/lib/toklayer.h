/* See LICENSE file for copyright and license details. */
/*
 * toklayer.h - the stream's "sentences" and "tokens" layers: their
 * writer (glean-tokenize) and the reader of "tokens" for the stages that
 * use it.
 *
 * "tokens" has two forms.  The compact one, written by default, is one
 * JSON string; tokens are separated by one space, each
 *     [GAP ","] LEN KIND [STEM]
 * GAP the code points from the previous token's end (0 before the first
 * token) to this token's start, omitted when it is 1; LEN the token's
 * length in code points; KIND one letter of "wnpqsue" (word, number,
 * punct, quote, symbol, url, email: enum glean_tok_kind); STEM, for a
 * word only, its stem up to the next space or the end.  A stem holds no
 * space: a word holds no white space, and neither case folding nor the
 * stemmer adds one (tests/unit/tokenize.c).  "Ad sales boost." gives
 * "0,2wad 5wsale 5wboost 0,1p".  The arrays form, of old (and what
 * DESIGN.md shows), is [[0,2,"word","ad"],[3,8,"word","sale"],...].
 */
#ifndef GLEAN_TOKLAYER_H
#define GLEAN_TOKLAYER_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "glean.h"
#include "tok.h"

/* How "tokens" is written; GLEAN_TOKENS_NONE: not at all (only
 * "sentences"), for a run whose later stages do not read the layer. */
enum glean_tokens_form { GLEAN_TOKENS_COMPACT, GLEAN_TOKENS_ARRAYS,
	GLEAN_TOKENS_NONE };

/* The kind letters, indexed by enum glean_tok_kind. */
extern const char glean_tok_kind_letters[GLEAN_TOK_NKINDS + 1];

/*
 * Append the two stream layers of text's tokens tk as JSON members to
 * out: "sentences":[[s,e],...],"tokens":... in the form asked, or
 * "sentences" alone for GLEAN_TOKENS_NONE (no surrounding braces, no
 * leading comma).  Never fails.
 */
void glean_toks_json(const char *text, const struct glean_toks *tk,
    enum glean_tokens_form form, struct glean_buf *out);

/* One token as read from a layer. */
struct glean_ltok {
	uint32_t s, e;		/* code points, [s, e) */
	int kind;		/* enum glean_tok_kind; GLEAN_TOK_NKINDS:
				 * a kind the arrays form named otherwise */
	const char *stem;	/* words: the stem (not NUL-terminated); */
	size_t slen;		/* NULL when the layer gives none */
};

/* A reader of one "tokens" layer (either form); see glean_toklayer_open. */
struct glean_toklayer {
	const char *p, *end;	/* compact: what is left */
	uint32_t prev;		/* compact: the previous token's end */
	json_t *arr;		/* arrays: the layer, or NULL */
	size_t i, n;
};

/*
 * Start reading layer (a JSON string in the compact form or an array in
 * the arrays form) into it; the layer must outlive the reading.  Returns
 * 0, or -1 when layer is neither.
 */
int glean_toklayer_open(struct glean_toklayer *it, json_t *layer);
/* The same for the compact form's text s[0..n) (decoded JSON). */
void glean_toklayer_open_compact(struct glean_toklayer *it, const char *s,
    size_t n);
/*
 * The next token into *t: 1, or 0 at the end, or -1 when the layer is
 * malformed there (bad syntax, an unknown kind letter, an offset past
 * 2^32 - 1, a token ending before it starts).  Order and range against
 * the text are the caller's to check.
 */
int glean_toklayer_next(struct glean_toklayer *it, struct glean_ltok *t);

/*
 * The compact layer s[0..n) (decoded JSON) as the arrays form's JSON
 * text, appended to out: the bytes glean_toks_json writes in that form
 * for the same tokens.  Returns 0, or -1 when s is malformed (out then
 * holds a part).
 */
int glean_toklayer_arrays(const char *s, size_t n, struct glean_buf *out);

#endif
