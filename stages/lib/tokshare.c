/* See LICENSE file for copyright and license details. */
/*
 * The tokens of one text handed from glean-tokenize to a later stage of
 * the same process (glean-chain runs both over each document), so that
 * glean-entities, which needs the tokenizer's every token with its
 * flags, does not tokenize again the text tokenize has just done.
 * Reading them back from the stream's "tokens" layer was measured dearer
 * than tokenizing (the layer is 2.4 times the text and holds no flags).
 *
 * The slot holds a copy of the text and the tokens made of it; a stage
 * gets the tokens only for a text byte for byte the same, so a stage
 * between the two, or a chain in another order, cannot be given tokens
 * of another text.  Both stages load the abbreviations from the one
 * --lexicons of the process, so the tokens are those it would make.
 */
#include <string.h>

#include "glean.h"
#include "tok.h"

static struct {
	int on;
	struct glean_buf text;	/* what tk was made of */
	int ready;		/* tk holds the tokens of text */
	struct glean_toks tk;
} slot;

/* A slot bigger than this (a huge document) is given back, not kept. */
#define KEEP_TOKENS (1u << 20)
#define KEEP_TEXT (16u << 20)

void
glean_tokshare_enable(void)
{
	slot.on = 1;
}

struct glean_toks *
glean_tokshare_slot(const char *text, size_t n)
{
	if (!slot.on)
		return NULL;
	if (slot.tk.cap > KEEP_TOKENS)
		glean_toks_free(&slot.tk);
	if (slot.text.cap > KEEP_TEXT)
		glean_buf_free(&slot.text);
	glean_buf_reset(&slot.text);
	glean_buf_add(&slot.text, text, n);
	slot.ready = 1;
	return &slot.tk;
}

const struct glean_toks *
glean_tokshare_find(const char *text, size_t n)
{
	if (!slot.ready || slot.text.len != n ||
	    (n && memcmp(slot.text.s, text, n) != 0))
		return NULL;
	return &slot.tk;
}

void
glean_tokshare_free(void)
{
	glean_toks_free(&slot.tk);
	glean_buf_free(&slot.text);
	slot.ready = 0;
}
