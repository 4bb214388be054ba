/* See LICENSE file for copyright and license details. */
/*
 * tok.h - the news-English tokenizer and sentence splitter behind
 * glean-tokenize, shared with stages that must tokenize a document whose
 * "tokens" layer is missing (glean-entities).  The stream layers it
 * writes and their reader are in toklayer.h.  Offsets are kept both in
 * bytes (for C) and in code points (for the stream).
 */
#ifndef GLEAN_TOK_H
#define GLEAN_TOK_H

#include <stddef.h>
#include <stdint.h>

#include "glean.h"

/* Token kinds, in the order of glean_tok_kind_names. */
enum glean_tok_kind {
	GLEAN_TOK_WORD,		/* letters, digits inside, -, ' and . inside */
	GLEAN_TOK_NUMBER,	/* 139,000  3.5m  1990s  22nd */
	GLEAN_TOK_PUNCT,	/* . , ; : ! ? … - – — ( ) [ ] • */
	GLEAN_TOK_QUOTE,	/* " “ ” ‘ and ' ’ used as quotation marks */
	GLEAN_TOK_SYMBOL,	/* £ $ € % & + / # @ © and other symbols */
	GLEAN_TOK_URL,
	GLEAN_TOK_EMAIL,
	GLEAN_TOK_NKINDS
};

/* "word", "number", ... indexed by enum glean_tok_kind. */
extern const char *const glean_tok_kind_names[GLEAN_TOK_NKINDS];

/* Token flags. */
enum {
	GLEAN_TOKF_NL = 0x01,	/* a line break before the token */
	GLEAN_TOKF_PARA = 0x02,	/* a blank line (paragraph break) before */
	GLEAN_TOKF_SPACE = 0x04,/* any white space before the token */
	GLEAN_TOKF_ABBR = 0x08,	/* its final '.' is an abbreviation's */
	GLEAN_TOKF_TITLE = 0x10,/* ...one that never ends a sentence (Mr.) */
	GLEAN_TOKF_CLITIC = 0x20/* 's n't 're 've 'll 'd 'm and plural ' */
};

struct glean_tok {
	uint32_t s, e;		/* code points, [s, e) */
	uint32_t bs, be;	/* bytes, [bs, be) */
	uint8_t kind;
	uint8_t flags;
};

struct glean_sent {
	uint32_t s, e;		/* code points */
	uint32_t bs, be;	/* bytes */
	size_t first, last;	/* token indexes, [first, last) */
};

/* A tokenized document; reuse one across documents (glean_toks_reset). */
struct glean_toks {
	struct glean_tok *t;
	size_t n, cap;
	struct glean_sent *sent;
	size_t nsent, capsent;
};

/* The abbreviations lexicon (lexicons/abbreviations.tsv), loaded once. */
struct glean_abbrevs;

/*
 * Load lexdir/abbreviations.tsv: "form<TAB>class", form without its
 * final dot, class one of
 *   title  precedes a name, never ends a sentence (Mr, Dr, Cllr, St)
 *   num    an abbreviation only before a number (No, Jan, Sept)
 *   any    an abbreviation; ends a sentence only before a capital (etc)
 * A lower-case form also matches capitalised text ("Etc.").  Fatal (exit
 * 2) on a missing file or an unknown class.
 */
struct glean_abbrevs *glean_abbrevs_load(const char *lexdir);
void glean_abbrevs_free(struct glean_abbrevs *ab);
/* Abbreviation classes (abbrevs.c), for the tokenizer. */
enum { AB_TITLE, AB_NUM, AB_ANY };
/*
 * The class of the abbreviation w[0..len) in ab (a capitalised form
 * also matches an "any" form in lower case), or -1 when it is none or
 * ab is NULL.
 */
int glean_abbrev_class(const struct glean_abbrevs *ab, const char *w,
    size_t len);

/*
 * Tokenize text[0..n) (valid UTF-8; NUL bytes are treated as space) into
 * tk, replacing what it held, then split it into sentences.  ab may be
 * NULL (no abbreviations known).  Never fails.
 */
void glean_tokenize(const char *text, size_t n,
    const struct glean_abbrevs *ab, struct glean_toks *tk);

void glean_toks_reset(struct glean_toks *tk);
void glean_toks_free(struct glean_toks *tk);

/*
 * The stem of word token t (case-folded, ’ as ', Snowball English) into
 * out (replacing its contents).  Results are cached in a bounded table,
 * so memory stays flat.  Clitics and abbreviations are folded, not
 * stemmed ("n't", "u.k.").
 */
void glean_tok_stem(const char *text, const struct glean_tok *t,
    struct glean_buf *out);

/*
 * Stems for the layer writers (toklayer.c), through the stem cache
 * (stemcache.h).  glean_tok_stems_ready sets the cache up (call it before
 * the others).  glean_tok_stem_lookup: the stem of word t (h: its
 * glean_stem_hash when it goes through the cache, else 0), *slen its
 * length, text readable up to lim: from the cache (*safe set: 32 bytes
 * readable from the result), else the word itself when it is one or two
 * ASCII letters (*small set, returns NULL: its lower case is the stem),
 * else stemmed through tmp (neither set).  Storage valid until the next
 * call.
 */
void glean_tok_stems_ready(void);
const char *glean_tok_stem_lookup(const char *text, const struct glean_tok *t,
    uint32_t h, const char *lim, size_t *slen, int *safe, int *small,
    struct glean_buf *tmp);

/*
 * Tokens shared between the stages of one process (tokshare.c), off
 * until glean_tokshare_enable() (glean-chain).
 * glean_tokshare_slot: for the tokenizing stage: the tokens to fill with
 * text[0..n)'s at once (the text is copied), or NULL when sharing is
 * off.  The tokens stay until the next call.
 * glean_tokshare_find: for a later stage: the tokens of text[0..n) when
 * the slot holds that very text, else NULL.  Read only; valid until
 * glean_tokshare_slot is called again.
 * glean_tokshare_free: give the slot's memory back.
 */
void glean_tokshare_enable(void);
struct glean_toks *glean_tokshare_slot(const char *text, size_t n);
const struct glean_toks *glean_tokshare_find(const char *text, size_t n);
void glean_tokshare_free(void);

#endif
