/* See LICENSE file for copyright and license details. */
/*
 * layers.h - read the layers earlier stages left in a document, safely.
 * Every span is checked against the text (code points in range, start
 * <= end) and converted to bytes too; entries of the wrong shape are
 * skipped, never trusted.  For stages after glean-tokenize and
 * glean-entities (quotes, ratings, merge).
 */
#ifndef GLEAN_LAYERS_H
#define GLEAN_LAYERS_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "glean.h"
#include "tok.h"

/* A checked span: code points and bytes of "text". */
struct glean_span {
	uint32_t s, e;
	uint32_t bs, be;
};

enum glean_ent_kind {
	GLEAN_ENT_PERSON,
	GLEAN_ENT_ORGANISATION,
	GLEAN_ENT_AUTHORITY,
	GLEAN_ENT_ROLE,
	GLEAN_ENT_OTHER
};

/* One entity; the strings point into the document (NULL when absent or
 * not a string) and live as long as it does. */
struct glean_entity {
	struct glean_span span;
	enum glean_ent_kind kind;
	const char *text, *canonical, *code, *role, *organisation;
};

/*
 * The spans of doc[field], an array of [start, end, ...] (sentences).
 * m maps the document's text.  Returns the number of valid spans, stored
 * in *out (malloc'd; the caller frees it, also when 0), or -1 (and *out
 * NULL) when the field is missing or not an array.
 */
long glean_layer_spans(json_t *doc, const char *field,
    const struct glean_offsets *m, struct glean_span **out);

/*
 * The "tokens" layer into tk (replacing what it held): kinds by name
 * (an unknown kind reads as symbol), stems ignored.  Returns the number
 * of tokens, or -1 when the layer is missing, not an array, or not a
 * valid token layer (an entry of the wrong shape, out of range, empty,
 * or overlapping the one before): the caller should then tokenize.
 * tk's sentences are left empty.
 */
long glean_layer_tokens(json_t *doc, const struct glean_offsets *m,
    struct glean_toks *tk);

/*
 * The "entities" layer: entries that are objects with integer
 * start/end in range and a string kind.  Returns their number, stored in
 * *out (malloc'd; caller frees), or -1 when the layer is missing or not
 * an array.
 */
long glean_layer_entities(json_t *doc, const struct glean_offsets *m,
    struct glean_entity **out);

/*
 * Tokens and sentences of doc, whose "text" is text[0..n): from its
 * "tokens" and "sentences" layers when both are valid, else by
 * glean_tokenize (ab may be NULL).  Returns 1 when the layers were used,
 * 0 when the text was tokenized.
 */
int glean_doc_tokens(json_t *doc, const char *text, size_t n,
    const struct glean_abbrevs *ab, struct glean_toks *tk);

#endif
