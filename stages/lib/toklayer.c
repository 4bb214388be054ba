/* See LICENSE file for copyright and license details. */
/*
 * The "sentences" and "tokens" layers (see toklayer.h): the writer
 * behind glean-tokenize, in the compact form or the arrays form, and the
 * reader of either form.  The writer streams the bulk of the stream, so
 * it writes digits from a table and copies stems from the stem cache
 * whole.
 */
#include <string.h>

#include "glean.h"
#include "spans.h"
#include "stemcache.h"
#include "tok.h"
#include "toklayer.h"

const char glean_tok_kind_letters[GLEAN_TOK_NKINDS + 1] = "wnpqsue";

/* ---- writing ----------------------------------------------------------- */

static inline char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* A stem as a JSON string body at p in b: copied as it is while no byte
 * needs escaping (stems hold no '"', '\\' or controls by construction),
 * else from there on by the shared writer, glean_buf_addjesc.  Returns
 * the end, with room for two more bytes. */
static char *
put_json_str(struct glean_buf *b, char *p, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\') {
			b->len = (size_t)(p - b->s);
			glean_buf_addjesc(b, s + i, n - i);
			return glean_buf_reserve(b, 2);
		}
		*p++ = (char)c;
	}
	return p;
}


/* ",\"word\",\"" ...: padded to 16 bytes, copied whole. */
static const char kq[GLEAN_TOK_NKINDS][16] = {
	",\"word\",\"", ",\"number\"]", ",\"punct\"]", ",\"quote\"]",
	",\"symbol\"]", ",\"url\"]", ",\"email\"]"
};

/* "sentences":[[s,e],...] of tk onto out. */
static void
sentences_json(const struct glean_toks *tk, struct glean_buf *out)
{
	size_t i;
	char *p;

	glean_buf_add(out, "\"sentences\":[", 13);
	for (i = 0; i < tk->nsent; i++) {
		p = glean_buf_reserve(out, 32);
		if (i)
			*p++ = ',';
		*p++ = '[';
		p = glean_put_dec(p, tk->sent[i].s);
		*p++ = ',';
		p = glean_put_dec(p, tk->sent[i].e);
		*p++ = ']';
		out->len = (size_t)(p - out->s);
	}
	glean_buf_addc(out, ']');
}
/* The most one token takes in either form, but for a stem not from the
 * cache: two offsets, the kind, 32 bytes of stem copied whole. */
#define TOKEN_ROOM 80

/*
 * put_stem's slow way: the stem of word t (h its cache hash, or 0) from
 * glean_tok_stem_lookup, at p, out's end; *room moved with out's storage
 * (see tokens_json).
 */
static __attribute__((noinline)) char *
put_stem_slow(struct glean_buf *out, char *p, char **room, const char *text,
    const struct glean_tok *t, uint32_t h, const char *lim,
    struct glean_buf *tmp)
{
	const char *st;
	size_t slen = 0;
	int safe = 0, small = 0;

	st = glean_tok_stem_lookup(text, t, h, lim, &slen, &safe, &small,
	    tmp);
	out->len = (size_t)(p - out->s);
	p = glean_buf_reserve(out, slen + 34);
	if (safe) {
		memcpy(p, st, 32);
		p += slen;
	} else {
		p = put_json_str(out, p, st, slen);
	}
	*room = out->s + out->cap - TOKEN_ROOM - 1;
	return p;
}

/*
 * The stem of word token t at p, JSON-escaped where it must be, pr its
 * cache probe (glean_stem_prefetch), text readable up to lim; returns the
 * end.  A word found first in its cache set (most are) or of one or two
 * ASCII letters costs no call, and takes no more than 32 bytes; else p
 * must be out's end (put_stem_slow).
 */
static inline __attribute__((always_inline)) char *
put_stem(struct glean_buf *out, char *p, char **room, const char *text,
    const struct glean_tok *t, struct glean_stem_probe pr, const char *lim,
    struct glean_buf *tmp)
{
	const char *w = text + t->bs;
	size_t n = t->be - t->bs;
	uint32_t h = 0;

	if (pr.set) {
		if (glean_stem_is(pr.set, pr.head, w, n, lim)) {
			memcpy(p, pr.set->kv, 32);
			return p + pr.set->slen;
		}
		h = glean_stem_hash(pr.head, w, n, lim);
	} else if (glean_stem_tiny(text, t)) {
		/* one or two ASCII letters: its lower case */
		p[0] = ascii_lower(w[0]);
		p[n - 1] = ascii_lower(w[n - 1]);
		return p + n;
	}
	return put_stem_slow(out, p, room, text, t, h, lim, tmp);
}

/* Token t, i-th of its layer, in the arrays form at p: [s,e,"kind"] or
 * [s,e,"word","stem"], with the comma before it. */
static inline char *
put_array_token(char *p, size_t i, uint32_t s, uint32_t e, int kind)
{
	static unsigned char kqlen[GLEAN_TOK_NKINDS];
	size_t k;

	if (!kqlen[0])
		for (k = 0; k < GLEAN_TOK_NKINDS; k++)
			kqlen[k] = (unsigned char)strlen(kq[k]);
	if (i)
		*p++ = ',';
	*p++ = '[';
	p = glean_put_dec(p, s);
	*p++ = ',';
	p = glean_put_dec(p, e);
	memcpy(p, kq[kind], 16);
	return p + kqlen[kind];
}

/* Token t in the compact form at p, prev the previous token's end:
 * " " [GAP ","] LEN KIND.  Most gaps are 1 (not written) and most lengths
 * one digit. */
static inline char *
put_compact_token(char *p, uint32_t prev, uint32_t s, uint32_t e, int kind)
{
	if (s - prev == 1 && e - s < 10) {
		p[0] = ' ';
		p[1] = (char)('0' + (e - s));
		p[2] = glean_tok_kind_letters[kind];
		return p + 3;
	}
	*p++ = ' ';
	if (s - prev != 1) {
		/* most other gaps are 0 (punctuation) */
		if (s - prev < 10)
			*p++ = (char)('0' + (s - prev));
		else
			p = glean_put_dec(p, s - prev);
		*p++ = ',';
	}
	if (e - s < 10)
		*p++ = (char)('0' + (e - s));
	else
		p = glean_put_dec(p, e - s);
	*p++ = glean_tok_kind_letters[kind];
	return p;
}

/* Room at p, out's end, for at least 64 tokens; *room: where it ends
 * (p > *room: ask again). */
static char *
room_for_tokens(struct glean_buf *out, char *p, char **room)
{
	out->len = (size_t)(p - out->s);
	p = glean_buf_reserve(out, 64 * TOKEN_ROOM);
	*room = out->s + out->cap - TOKEN_ROOM - 1;
	return p;
}

/* Tokens ahead whose cache set is prefetched (a power of two): enough
 * for a line from memory (measured with perf on the bench stream). */
#define AHEAD 16

/*
 * The tokens of tk at out's end in the form asked (arrays: after its
 * '['; compact: after its opening quote).  The hot state is kept in
 * locals: the bytes written might alias anything else.
 */
static inline __attribute__((always_inline)) void
tokens_json(const char *text, const struct glean_toks *tk, const char *lim,
    int arrays, struct glean_buf *out, struct glean_buf *tmp)
{
	struct glean_stem_entry *cache = glean_stem_cache;
	const struct glean_tok *tok = tk->t;
	struct glean_stem_probe ring[AHEAD];
	/* compact: every token is written with a space before it, the
	 * first's over the opening quote, put back at the end */
	size_t i, nt = tk->n, open = out->len - !arrays;
	uint32_t prev = 0;
	char *room, *p = room_for_tokens(out, out->s + open, &room);

	for (i = 0; i < AHEAD && i < nt; i++)
		ring[i] = glean_stem_prefetch(cache, text, &tok[i], lim);
	for (i = 0; i < nt; i++) {
		const struct glean_tok *t = &tok[i];
		struct glean_stem_probe pr = ring[i % AHEAD];

		if (i + AHEAD < nt)
			ring[i % AHEAD] = glean_stem_prefetch(cache, text,
			    t + AHEAD, lim);
		if (p > room)
			p = room_for_tokens(out, p, &room);
		if (arrays)
			p = put_array_token(p, i, t->s, t->e, t->kind);
		else
			p = put_compact_token(p, prev, t->s, t->e, t->kind);
		if (t->kind == GLEAN_TOK_WORD) {
			p = put_stem(out, p, &room, text, t, pr, lim, tmp);
			if (arrays) {
				*p++ = '"';
				*p++ = ']';
			}
		}
		prev = t->e;
	}
	if (!arrays) {
		out->s[open] = '"';
		p += !nt;
	}
	out->len = (size_t)(p - out->s);
}

/* tokens_json for either form, each compiled for its own. */
static void
tokens_compact(const char *text, const struct glean_toks *tk,
    const char *lim, struct glean_buf *out, struct glean_buf *tmp)
{
	tokens_json(text, tk, lim, 0, out, tmp);
}

static void
tokens_arrays(const char *text, const struct glean_toks *tk,
    const char *lim, struct glean_buf *out, struct glean_buf *tmp)
{
	tokens_json(text, tk, lim, 1, out, tmp);
}

void
glean_toks_json(const char *text, const struct glean_toks *tk,
    enum glean_tokens_form form, struct glean_buf *out)
{
	/* the text is readable at least to the end of its last token */
	const char *lim = tk->n ? text + tk->t[tk->n - 1].be : text;
	struct glean_buf tmp = { 0 };

	glean_tail_member(out, out->len);
	sentences_json(tk, out);
	if (form == GLEAN_TOKENS_NONE)
		return;
	glean_tok_stems_ready();
	glean_tail_member(out, out->len + 1);
	if (form == GLEAN_TOKENS_ARRAYS) {
		glean_buf_add(out, ",\"tokens\":[", 11);
		tokens_arrays(text, tk, lim, out, &tmp);
		glean_buf_addc(out, ']');
	} else {
		glean_buf_add(out, ",\"tokens\":\"", 11);
		tokens_compact(text, tk, lim, out, &tmp);
		glean_buf_addc(out, '"');
	}
	glean_buf_free(&tmp);
}

/* ---- reading ----------------------------------------------------------- */

int
glean_toklayer_open(struct glean_toklayer *it, json_t *layer)
{
	memset(it, 0, sizeof *it);
	if (json_is_string(layer)) {
		glean_toklayer_open_compact(it, json_string_value(layer),
		    json_string_length(layer));
		return 0;
	}
	if (!json_is_array(layer))
		return -1;
	it->arr = layer;
	it->n = json_array_size(layer);
	return 0;
}

void
glean_toklayer_open_compact(struct glean_toklayer *it, const char *s,
    size_t n)
{
	memset(it, 0, sizeof *it);
	it->p = s;
	it->end = s + n;
}

/* A decimal number of at most ten digits at *pp into *v, below 2^32;
 * *pp moves past it.  -1 when there is none or it is too big. */
static int
read_number(const char **pp, const char *end, uint32_t *v)
{
	const char *p = *pp;
	uint64_t x = 0;

	if (p >= end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		x = x * 10 + (uint64_t)(*p - '0');
		if (x > UINT32_MAX)
			return -1;
	}
	*v = (uint32_t)x;
	*pp = p;
	return 0;
}

/* The kind named by the one letter c, or -1. */
static int
kind_of_letter(char c)
{
	const char *k = c ? memchr(glean_tok_kind_letters, c,
	    GLEAN_TOK_NKINDS) : NULL;

	return k ? (int)(k - glean_tok_kind_letters) : -1;
}

/* glean_toklayer_next for the compact form. */
static int
next_compact(struct glean_toklayer *it, struct glean_ltok *t)
{
	const char *p = it->p, *end = it->end, *sp;
	uint32_t a, len, gap = 1;

	if (p >= end)
		return 0;
	if (read_number(&p, end, &a) < 0)
		return -1;
	if (p < end && *p == ',') {
		p++;
		gap = a;
		if (read_number(&p, end, &len) < 0)
			return -1;
	} else {
		len = a;
	}
	if (p >= end || (t->kind = kind_of_letter(*p++)) < 0 ||
	    gap > UINT32_MAX - it->prev || len > UINT32_MAX - it->prev - gap)
		return -1;
	t->s = it->prev + gap;
	t->e = t->s + len;
	t->stem = NULL;
	t->slen = 0;
	sp = memchr(p, ' ', (size_t)(end - p));
	if (!sp)
		sp = end;
	if (t->kind == GLEAN_TOK_WORD) {
		t->stem = p;
		t->slen = (size_t)(sp - p);
	} else if (sp != p) {
		return -1;	/* a stem on a token that is not a word */
	}
	/* one space between tokens, none after the last */
	if (sp < end && sp + 1 == end)
		return -1;
	it->p = sp < end ? sp + 1 : end;
	it->prev = t->e;
	return 1;
}

/* The kind named by the string name (arrays form), GLEAN_TOK_NKINDS for
 * a name we do not know. */
static int
kind_of_name(const char *name)
{
	int k;

	for (k = 0; k < GLEAN_TOK_NKINDS; k++)
		if (strcmp(name, glean_tok_kind_names[k]) == 0)
			return k;
	return GLEAN_TOK_NKINDS;
}

/* glean_toklayer_next for the arrays form: [s, e, "kind"(, "stem")]. */
static int
next_array(struct glean_toklayer *it, struct glean_ltok *t)
{
	json_t *a, *js, *je, *jk, *jst;
	json_int_t s, e;

	if (it->i >= it->n)
		return 0;
	a = json_array_get(it->arr, it->i++);
	if (!json_is_array(a) || json_array_size(a) < 3)
		return -1;
	js = json_array_get(a, 0);
	je = json_array_get(a, 1);
	jk = json_array_get(a, 2);
	if (!json_is_integer(js) || !json_is_integer(je) ||
	    !json_is_string(jk))
		return -1;
	s = json_integer_value(js);
	e = json_integer_value(je);
	if (s < 0 || e < s || e > (json_int_t)UINT32_MAX)
		return -1;
	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	t->kind = kind_of_name(json_string_value(jk));
	jst = json_array_get(a, 3);
	t->stem = json_is_string(jst) ? json_string_value(jst) : NULL;
	t->slen = t->stem ? json_string_length(jst) : 0;
	return 1;
}

int
glean_toklayer_next(struct glean_toklayer *it, struct glean_ltok *t)
{
	return it->arr ? next_array(it, t) : next_compact(it, t);
}

int
glean_toklayer_arrays(const char *s, size_t n, struct glean_buf *out)
{
	struct glean_toklayer it;
	struct glean_ltok t;
	size_t i;
	int rc;
	char *p;

	glean_toklayer_open_compact(&it, s, n);
	glean_buf_addc(out, '[');
	for (i = 0; (rc = glean_toklayer_next(&it, &t)) > 0; i++) {
		p = glean_buf_reserve(out, 64);
		p = put_array_token(p, i, t.s, t.e, t.kind);
		out->len = (size_t)(p - out->s);
		if (t.kind == GLEAN_TOK_WORD) {
			glean_buf_addjesc(out, t.stem, t.slen);
			glean_buf_add(out, "\"]", 2);
		}
	}
	if (rc == 0)
		glean_buf_addc(out, ']');
	return rc;
}
