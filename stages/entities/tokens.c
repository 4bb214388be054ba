/* See LICENSE file for copyright and license details. */
/*
 * tokens.c - the questions the passes ask about tokens (capitalised?
 * a name word?  a role word?), answered once per token by
 * index_tokens, and the entity list every pass adds to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entities.h"

/* Capitalised with some lower case: "Marchant", "McDonald". */
static int
capitalised(const char *p, size_t len)
{
	size_t k, l = 1;
	int32_t cp;

	if ((unsigned char)p[0] < 0x80) {
		if (p[0] < 'A' || p[0] > 'Z')
			return 0;
	} else {
		l = glean_utf8_next(p, len, &cp);
		if (utf8proc_category(cp) != UTF8PROC_CATEGORY_LU &&
		    utf8proc_category(cp) != UTF8PROC_CATEGORY_LT)
			return 0;
	}
	for (k = l; k < len; k += l) {
		if ((unsigned char)p[k] < 0x80) {
			if (p[k] >= 'a' && p[k] <= 'z')
				return 1;
			l = 1;
			continue;
		}
		l = glean_utf8_next(p + k, len - k, &cp);
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
			return 1;
	}
	return 0;
}

/*
 * What the word p[0..len) (flags: its token's), whose first byte may
 * start a word of a pass (c->start), is, into *t (which holds the
 * sentence's fields and "nothing" in the rest); returns whether a pass
 * may start at it.  Mostly one lookup.
 */
static int
classify_word(const struct ctx *c, const char *p, size_t len, int flags,
    const char *end, struct tokinfo *t)
{
	const struct wordinfo *w;

	/* the cheap half inline: most calls would fail there */
	if (glean_dict_may_hold(&c->words, p, len))
		t->word = (int32_t)glean_dict_probe(&c->words, p, len, end);
	w = t->word < 0 ? NULL : &c->winfo[t->word];
	if (!(flags & GLEAN_TOKF_CLITIC) && capitalised(p, len)) {
		t->flags = T_CAP;
		t->lower = (int8_t)(title_case(p, len) ? (w ? w->lower : 0) :
		    lower_of(c, p, len));
		if (!(w && (w->bits & W_STOP)) && !(t->lower & L_LOWSTOP))
			t->flags |= T_NAME;
	}
	return t->flags || t->word >= 0 || (len > 1 && p[len - 1] == '.');
}

/* blank_tokens writes a tokinfo as 8 + 8 + 4 bytes */
_Static_assert(sizeof(struct tokinfo) == 20, "struct tokinfo is 20 bytes");

/*
 * The first pass of index_tokens: every token's tokinfo blank but for
 * its sentence's fields, and two lists of words in text order, to be
 * sifted by the second pass: those whose first byte and length may
 * begin a cue (into cuecand, *ncue of them), and those whose first byte
 * may start a word of a pass (into cand, *ncand).  Kept to the cheap
 * tests, in locals: a loop that also classified held too much to keep in
 * registers, and every token paid for it.  No branch on the tests: about
 * half the words pass each, in no order a predictor could learn, so
 * every token is written to both lists and the counts move by the
 * tests' bits (both lists have room for every token).
 */
static void
blank_tokens(const struct doc *d, size_t *ncand, size_t *ncue)
{
	const struct ctx *c = d->c;
	const struct glean_tok *tok = d->tk->t;
	const struct glean_sent *sent = d->tk->sent;
	const char *s = d->s;
	struct tokinfo *ti = d->ti, blank;
	uint32_t *cand = d->cand, *cuecand = d->cuecand;
	size_t k, i, fw, first, last, nc = 0, nq = 0, len, nsent = d->tk->nsent;
	uint64_t b0, b1, m;
	uint32_t b2;

	for (k = 0; k < nsent; k++) {
		first = sent[k].first;
		last = sent[k].last;
		for (fw = first; fw < last && tok[fw].kind != GLEAN_TOK_WORD &&
		    tok[fw].kind != GLEAN_TOK_NUMBER; fw++)
			;
		/* blank's bytes (padding zeroed) in three integers: three
		 * stores a token, where a copy of the struct took one a
		 * field */
		memset(&blank, 0, sizeof blank);
		blank.owner = blank.word = -1;
		blank.sent = (uint32_t)first;
		blank.firstword = (uint32_t)fw;
		blank.lower = -1;
		memcpy(&b0, &blank, 8);
		memcpy(&b1, (char *)&blank + 8, 8);
		memcpy(&b2, (char *)&blank + 16, 4);
		for (i = first; i < last; i++) {
			memcpy(&ti[i], &b0, 8);
			memcpy((char *)&ti[i] + 8, &b1, 8);
			memcpy((char *)&ti[i] + 16, &b2, 4);
			/* no token is empty: its first byte is in the text,
			 * and a word's length sets no bit 0 of first_bits */
			len = tok[i].be - tok[i].bs;
			m = c->first_bits[(unsigned char)s[tok[i].bs]] &
			    -(uint64_t)(tok[i].kind == GLEAN_TOK_WORD);
			cuecand[nq] = (uint32_t)i;
			/* the bit of len % 64, in one shift: exact for a
			 * word shorter than 63 bytes; a longer one is let in
			 * where a cue word is as long (see first_bits), else
			 * at most let in by another length's bit and looked
			 * up in vain */
			nq += m >> (len & 63) & 1;
			cand[nc] = (uint32_t)i;
			nc += m & 1;
		}
	}
	*ncand = nc;
	*ncue = nq;
}

/*
 * The per-token arrays of d (ti, cand, cuecand): blank_tokens, then its
 * two lists sifted in place (an entry is read before any is written
 * over it), in text order as they were.  Kept in locals: a store through
 * ti might alias anything and would make every field of d be read again.
 */
void
index_tokens(struct doc *d)
{
	static const struct tokinfo past_end = { -1, 0, 0, -1, 0, 0 };
	const struct ctx *c = d->c;
	const struct glean_tok *tok = d->tk->t;
	const char *s = d->s, *end = d->s + d->n;
	struct tokinfo *ti = d->ti;
	uint32_t *cand = d->cand, *cuecand = d->cuecand;
	size_t k, i, n, nt = d->tk->n, ncand = 0, ncue = 0;

	blank_tokens(d, &n, &ncue);
	for (k = 0; k < n; k++) {
		i = cand[k];
		if (classify_word(c, s + tok[i].bs, tok[i].be - tok[i].bs,
		    tok[i].flags, end, &ti[i]))
			cand[ncand++] = (uint32_t)i;
	}
	n = ncue;
	for (k = ncue = 0; k < n; k++) {
		i = cuecand[k];
		if (glean_dict_sketch_has(&c->scan.first, s + tok[i].bs,
		    tok[i].be - tok[i].bs))
			cuecand[ncue++] = (uint32_t)i;
	}
	/* one past the last token: in no sentence, no word */
	ti[nt] = past_end;
	ti[nt].sent = ti[nt].firstword = (uint32_t)nt;
	d->ncand = ncand;
	d->ncuecand = ncue;
}

/* A new entity of kind over tokens [t0, t1), which it owns from now;
 * valid until the next add_ent. */
struct ent *
add_ent(struct doc *d, size_t t0, size_t t1, int kind)
{
	struct ent *e;
	size_t i;

	if (d->ne == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->e = glean_realloc(d->e, d->cap * sizeof *d->e);
	}
	e = &d->e[d->ne];
	memset(e, 0, sizeof *e);
	e->t0 = t0;
	e->t1 = t1;
	e->n0 = t0;
	e->kind = kind;
	e->auth = -1;
	for (i = t0; i < t1; i++)
		d->ti[i].owner = (int32_t)d->ne;
	d->ne++;
	return e;
}

/* How many of the bytes at p, up to 8 and none from end on, are ASCII
 * from '!' on (copied as they are by span_text), the 8 bytes at p into
 * *v; 0 when fewer than 8 are readable (before lim). */
static inline size_t
plain_bytes(const char *p, const char *end, const char *lim, uint64_t *v)
{
	uint64_t stop;
	size_t l;

	if (lim - p < 8)
		return 0;
	memcpy(v, p, 8);
	/* the low seven bits of a byte plus 0x80 - '!' carry into no
	 * other byte */
	stop = (*v | ~((*v & ~GLEAN_HIGHS) + (0x80 - '!') * GLEAN_ONES)) &
	    GLEAN_HIGHS;
	l = stop ? glean_first_flag(stop) : 8;
	return l < (size_t)(end - p) ? l : (size_t)(end - p);
}

/* Text of tokens [a, b) with runs of white space as one space, in the
 * document's string arena (valid until the next document). */
char *
span_text(const struct doc *d, size_t a, size_t b)
{
	const char *p = d->s + d->tk->t[a].bs, *end = d->s + d->tk->t[b - 1].be;
	const char *lim = d->s + d->n;
	/* 8 more: a run of plain bytes is stored 8 at a time */
	char *out = glean_arena_alloc(d->strs, (size_t)(end - p) + 8);
	char *o = out;
	size_t l;
	uint64_t v;
	int32_t cp;
	int sp = 0;

	/* never longer than the span: a space stands for one or more
	 * bytes */
	while (p < end) {
		if ((l = plain_bytes(p, end, lim, &v)) > 0) {
			if (sp)
				*o++ = ' ';
			sp = 0;
			memcpy(o, &v, 8);
			o += l;
			p += l;
			continue;
		}
		if ((unsigned char)*p < 0x80) {
			/* ASCII: a byte store, not a call of memcpy */
			if (*p == ' ' || *p == '\t' || *p == '\n' ||
			    *p == '\r') {
				sp = 1;
			} else {
				if (sp)
					*o++ = ' ';
				sp = 0;
				*o++ = *p;
			}
			p++;
			continue;
		}
		l = glean_utf8_next(p, (size_t)(end - p), &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0xA0 || (cp > 0x7f && utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_ZS)) {
			sp = 1;
		} else {
			if (sp)
				*o++ = ' ';
			sp = 0;
			memcpy(o, p, l);
			o += l;
		}
		p += l;
	}
	*o = '\0';
	return out;
}
