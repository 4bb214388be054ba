/* See LICENSE file for copyright and license details. */
/*
 * entities.h - the private header of glean-entities: its types and the
 * functions its modules share.  The stage in one paragraph:
 *
 * main.c tokenizes a document (the library tokenizer) and runs the
 * passes in order over one struct doc.  tokens.c answers, once per
 * token, what the passes ask (capitalised?  in a word list?); the
 * passes claim tokens for entities, longest and surest first:
 * furniture.c finds the topic cues and the page furniture, orgs.c the
 * organisation runs, councils.c the councils (and their namesakes, the
 * clubs and police forces that share a place name), people.c the
 * people and their roles, names.c gives each person one name; emit.c
 * writes the layers.  The lexicons are loaded by lexicons.c into the
 * word sets and phrase tables of the library (stages/lib/dict.c).
 */
#ifndef ENTITIES_H
#define ENTITIES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dict.h"
#include "glean.h"
#include "jv.h"
#include "swar.h"
#include "tok.h"

/* PH_BARE: a bare area name (see authorities.tsv); PH_NAMED: a name that
 * says it is the council ("Leeds City Council", "RBKC"), not a place name
 * that may be a club, a police force or a location ("Leeds", "Hull"). */
enum { PH_BARE = 1, PH_NAMED = 2 };

/* ---- the stage's lexicons (lexicons.c) --------------------------------- */

struct authority {
	char *code, *name;
	char from[8], until[8];	/* YYYY-MM or "" */
};

/* Topics (topic-cues.tsv) and boilerplate extents (boilerplate.tsv). */
enum { TOP_COUNCIL, TOP_CHILDREN, TOP_INSPECTION, TOP_INSPECTORATE,
	NTOPIC, TOP_NONE = 255 };
enum { BX_LINE, BX_NOTICE, BX_BLOCK, BX_LABEL };

/* A cue of the scan table: a topic word with its weight, or (topic
 * TOP_NONE) a boilerplate phrase with its kind and extent. */
struct cue {
	uint8_t topic, weight, extent;
	char *kind;
};

/* Role classes (roles.tsv); a month or weekday in the same table. */
enum { R_HEAD = 1, R_MOD, R_STOP, R_CLASS = 3, L_LOWSTOP = 4 };

enum { W_STOP = 1, W_FORENAME = 2, W_ORGHEAD = 4 };

/* What the lexicons say about one exact word, so that a token costs one
 * lookup rather than one per word list. */
struct wordinfo {
	int32_t title;		/* index in titles, or -1 */
	int32_t auth, org;	/* index in authph.first, orgph.first, or -1 */
	uint8_t bits;		/* W_STOP, W_FORENAME, W_ORGHEAD */
	uint8_t lower;		/* a title-case key ("March"): lower.val of
				 * its lower case, or 0 */
};

struct ctx {
	struct glean_abbrevs *ab;
	struct authority *auth;
	size_t nauth;
	/* alias -> authority (val), several rows may share an alias */
	struct glean_phrases authph;
	struct glean_phrases orgph;	/* form -> index into orgcanon */
	/* form (key) and canonical name (str); unused values */
	struct glean_dict orgcanon;
	struct glean_phrases refs;	/* council references */
	/* topic and boilerplate cues (val: index in cues) */
	struct glean_phrases scan;
	struct cue *cues;
	size_t ncues;
	/* namesakes.tsv: what follows or precedes a place name when it
	 * names something else, and the words that make it a location */
	struct glean_phrases after, before;
	struct glean_dict places;
	struct glean_dict titles;	/* str: implied role or NULL */
	/* name stopwords, forenames, organisation heads, titles, the
	 * first words of authority and organisation phrases, and the
	 * title case of every key of lower */
	struct glean_dict words;
	struct wordinfo *winfo;	/* per key of words */
	/* lower case: val is the role class | L_LOWSTOP (months,
	 * weekdays) */
	struct glean_dict lower;
	/* by a word's first byte: bit 0 set when a pass may start at it
	 * (capitals, non-ASCII and the first bytes of words and titles);
	 * bit n (1 to 63) when a key of scan.first begins with that byte
	 * and is n bytes long, as scan.first.lens says (its bit 0 is for
	 * empty keys: there are none), or bits 1 to 63 all when a key
	 * begins with it and is 63 bytes long or more */
	uint64_t first_bits[256];
	struct glean_toks tk;
	struct tokinfo *ti;	/* per token, reused between documents */
	uint32_t *cand;
	uint32_t *cuecand;	/* words that may start a topic or
				 * boilerplate cue */
	size_t tcap;
	struct glean_arena strs;	/* the strings of one document's
					 * entities and its name map's
					 * slots (names.c), emptied after
					 * it */
};

/* ---- one document ------------------------------------------------------ */

enum { K_PERSON, K_ORG, K_AUTH };

struct ent {
	size_t t0, t1;		/* tokens [t0, t1) */
	size_t n0;		/* first token of the name (persons) */
	int kind;
	int auth;		/* authority index, or -1 */
	int ref;		/* a council reference ("the council") */
	int named;		/* a council's name, not a place name */
	/* in the document's string arena, or a lexicon's: never freed
	 * one by one */
	const char *canonical, *role, *org, *title;
	int explicit_role;
	int strong;		/* a title or a known forename */
};

/* T_CUE: on a sentence's first token, the sentence has a strong topic
 * cue ("council", "Ofsted"): a place name in it may name the council */
enum { T_CAP = 1, T_NAME = 2, T_CUE = 4 };

/* What the passes below ask about a token again and again, kept
 * together: a token's questions cost one cache line. */
struct tokinfo {
	int32_t owner;		/* entity index or -1 */
	uint32_t sent;		/* its sentence's first token */
	uint32_t firstword;	/* its sentence's first word */
	int32_t word;		/* index in words, or -1 */
	uint8_t flags;		/* T_CAP: is_capword; T_NAME: a nameword if
				 * free */
	int8_t lower;		/* lower.val of the lower-cased word, 0 if
				 * none, -1 until looked up */
};

struct doc {
	const struct ctx *c;
	const char *s;
	size_t n;
	const struct glean_toks *tk;
	const char *published;	/* YYYY-MM-DD or NULL */
	struct glean_arena *strs;	/* its entities' strings (c->strs) */
	struct tokinfo *ti;	/* per token, and one past the last */
	/* the tokens a pass may start at: capitalised, in words, or
	 * ending in '.' ("Mr."); the rest only continue what these start */
	uint32_t *cand;
	size_t ncand;
	uint32_t *cuecand;	/* words whose first two bytes begin a cue */
	size_t ncuecand;
	struct ent *e;
	size_t ne, cap;
	/* topic and boilerplate cues, in text order (find_cues) */
	struct hit {
		uint32_t t0, t1;	/* tokens */
		uint32_t cue;		/* index in c->cues */
	} *hit;
	size_t nhit, caphit;
	int score[NTOPIC][2];	/* strong and weak weights of each topic */
	int main_auth;		/* the article's council (find_refs) or -1 */
	/* boilerplate spans in code points, in text order */
	struct bspan {
		uint32_t s, e;
		const char *kind;
	} *bp;
	size_t nbp, capbp;
};

/* ---- the cheap questions, inline: every pass asks them of every token -- */

static inline const char *
ttext(const struct doc *d, size_t i, size_t *len)
{
	*len = d->tk->t[i].be - d->tk->t[i].bs;
	return d->s + d->tk->t[i].bs;
}

/* Is token i the word w?  Most calls fail at the first byte, so no
 * strlen. */
static inline int
teq(const struct doc *d, size_t i, const char *w)
{
	size_t len, k;
	const char *p = ttext(d, i, &len);

	for (k = 0; k < len; k++)
		if (w[k] == '\0' || w[k] != p[k])
			return 0;
	return w[len] == '\0';
}

/* What words says about token i (all -1 when nothing). */
static inline const struct wordinfo *
winfo(const struct doc *d, size_t i)
{
	static const struct wordinfo none = { -1, -1, -1, 0, 0 };

	return d->ti[i].word < 0 ? &none : &d->c->winfo[d->ti[i].word];
}

static inline int
is_word(const struct doc *d, size_t i)
{
	return i < d->tk->n && d->tk->t[i].kind == GLEAN_TOK_WORD;
}

/* A capitalised word that is not a clitic. */
static inline int
is_capword(const struct doc *d, size_t i)
{
	return d->ti[i].flags & T_CAP;
}

/* Is token i before or at its sentence's first word or number? */
static inline int
sent_initial(const struct doc *d, size_t i)
{
	return i <= d->ti[i].firstword;
}

static inline int
free_tok(const struct doc *d, size_t i)
{
	return i < d->tk->n && d->ti[i].owner < 0;
}

/* Is token i a word that can be part of a personal name?
 * Organisations were claimed before people are looked for. */
static inline int
nameword(const struct doc *d, size_t i)
{
	return free_tok(d, i) && (d->ti[i].flags & T_NAME);
}

/* Is token i the word w (a string constant, in lower case) in any case
 * of ASCII?  The lengths first: w's is a constant, and most tokens
 * asked about differ in it. */
static inline int
lword(const struct doc *d, size_t i, const char *w)
{
	size_t len, k;
	const char *p;

	if (!is_word(d, i))
		return 0;
	p = ttext(d, i, &len);
	if (len != strlen(w))
		return 0;
	for (k = 0; k < len; k++)
		if ((p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]) != w[k])
			return 0;
	return 1;
}

/* ---- asked in several passes: inline, as they were in one file ------- */

/*
 * Is p[0..len) in title case (ASCII: "March", "Director's"), a word whose
 * lower case differs from it in the first byte only?  Short words only:
 * lower is never asked about longer ones (see lower_of).
 */
static inline int
title_case(const char *p, size_t len)
{
	size_t k;

	if (len >= 64 || p[0] < 'A' || p[0] > 'Z')
		return 0;
	for (k = 1; k < len; k++)
		if (p[k] >= 'A' && p[k] <= 'Z')
			return 0;
	return 1;
}

/* lower.val of p[0..len) case-folded (ASCII), or 0. */
static inline int
lower_of(const struct ctx *c, const char *p, size_t len)
{
	char low[64];
	size_t k;
	long f;

	if (len >= sizeof low)
		return 0;
	for (k = 0; k < len; k++)
		low[k] = (p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k];
	f = glean_dict_find(&c->lower, low, len);
	return f < 0 ? 0 : c->lower.val[f];
}

/* lower.val of token i case-folded, remembered. */
static inline int
lower_val(const struct doc *d, size_t i)
{
	size_t len;
	const char *p;

	if (d->ti[i].lower < 0) {
		p = ttext(d, i, &len);
		d->ti[i].lower = (int8_t)lower_of(d->c, p, len);
	}
	return d->ti[i].lower;
}

/* Is token i the clitic "'s" (straight or typographic apostrophe)? */
static inline int
is_clitic_s(const struct doc *d, size_t i)
{
	size_t len;
	const char *p;

	if (!is_word(d, i) || !(d->tk->t[i].flags & GLEAN_TOKF_CLITIC))
		return 0;
	p = ttext(d, i, &len);
	return (len == 2 && (p[1] == 's' || p[1] == 'S')) ||
	    (len == 4 && (p[3] == 's' || p[3] == 'S'));
}

/* An initial ("F.") inside a name. */
static inline int
initial(const struct doc *d, size_t i)
{
	size_t len;
	const char *p;

	if (!free_tok(d, i) || !is_word(d, i))
		return 0;
	p = ttext(d, i, &len);
	return len == 2 && p[0] >= 'A' && p[0] <= 'Z' && p[1] == '.';
}

/* The role class (R_HEAD, R_MOD, R_STOP) of word i, 0 for none. */
static inline int
role_class(const struct doc *d, size_t i)
{
	if (!is_word(d, i))
		return 0;
	return lower_val(d, i) & R_CLASS;
}

/* Longest phrase of ph matching at the free token i and free tokens
 * after it, f the index of token i in ph->first (or -1); its length in
 * tokens, and *which the phrase index. */
static inline size_t
match_tokens(const struct doc *d, const struct glean_phrases *ph, long f,
    size_t i, size_t *which, int need_free)
{
	size_t k, j;

	if (f < 0)
		return 0;
	for (k = (size_t)ph->first.val[f]; k < ph->end[f]; k++) {
		const struct glean_phrase *q = &ph->p[k];

		/* the first token is token i: that is how f was found */
		for (j = 1; j < q->ntok; j++)
			if (i + j >= d->tk->n || (need_free &&
			    !free_tok(d, i + j)) || !teq(d, i + j, q->tok[j]) ||
			    d->ti[i + j].sent != d->ti[i].sent)
				break;
		if (j == q->ntok) {
			*which = k;
			return q->ntok;	/* longest first */
		}
	}
	return 0;
}

/* match_tokens over free tokens only, token i too (0 when it is not
 * free). */
static inline size_t
match_phrase(const struct doc *d, const struct glean_phrases *ph, long f,
    size_t i, size_t *which)
{
	/* no phrase starts with token i (most calls): nothing more to
	 * read */
	if (f < 0 || !free_tok(d, i))
		return 0;
	return match_tokens(d, ph, f, i, which, 1);
}

/* Length in tokens of a phrase of ph at token j, whoever owns its tokens,
 * when it lies in the sentence of token i; else 0. */
static inline size_t
phrase_at(const struct doc *d, const struct glean_phrases *ph, size_t j,
    size_t i)
{
	size_t len, k;
	const char *p;

	if (j >= d->tk->n || !is_word(d, j) || d->ti[j].sent != d->ti[i].sent)
		return 0;
	p = ttext(d, j, &len);
	return match_tokens(d, ph, glean_dict_find_in(&ph->first, p, len,
	    d->s + d->n), j, &k, 0);
}


/* lexicons.c */
void load_lexicons(void *vc, const char *dir);	/* a struct ctx */
void free_token_arrays(struct ctx *c);
void free_lexicons(void *vc);

/* tokens.c */
void index_tokens(struct doc *d);
struct ent *add_ent(struct doc *d, size_t t0, size_t t1, int kind);
char *span_text(const struct doc *d, size_t a, size_t b);

/* orgs.c */
int pick_authority(const struct doc *d, const struct glean_phrases *ph,
    size_t k);
void find_org_runs(struct doc *d);

/* furniture.c */
int topic_present(const struct doc *d, int t);
void find_cues(struct doc *d);

/* councils.c */
void find_authorities(struct doc *d);
void find_lexicon_orgs(struct doc *d);
void find_acronyms(struct doc *d);
void find_refs(struct doc *d);

/* people.c */
void find_people(struct doc *d);
void find_roles(struct doc *d);

/* names.c */
void find_surnames(struct doc *d);
void resolve_people(struct doc *d);

/* emit.c */
int cmp_ent(const void *a, const void *b);
void put_ent(const struct doc *d, const struct ent *e, struct glean_buf *b);
void put_topics(const struct doc *d, struct glean_buf *b);
void put_boilerplate(const struct doc *d, struct glean_buf *b);

#endif
