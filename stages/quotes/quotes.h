/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes - direct quotations, report findings and who said them.
 * The private header of the stage's modules:
 *
 *	main.c		main(), the per-document function, the document state
 *	lexicon.c	word sets and the word lists of lexicons/
 *	text.c		offsets, words, paragraphs and sentences
 *	marks.c		quotation marks and the spans they enclose
 *	cues.c		cue verbs ("said", "according to") and report cues
 *	entities.c	the entities layer read from its JSON text
 *	speakers.c	candidate speakers (mentions, pronouns, roles) and
 *			resolve_np, whom a frame's words name
 *	frames.c	the frames around a quotation that name its speaker
 *	report.c	report quotations and the article's inspectorate
 *	choice.c	attribute(): one speaker per quotation, the frames
 *			tried in turn, carried over paragraphs
 *	output.c	the "quotes" layer as JSON text
 *
 * How the modules share the work, in the order quotes_process (main.c)
 * runs them: scan_text, split_paras and find_quotes (text.c, marks.c)
 * find the paragraphs and the quotations; the words are made (text.c);
 * then attribute() (choice.c) gives each quotation its speaker, and
 * quotes_text (output.c) writes the layer.
 *
 * Where a quotation gets its speaker: attribute() takes the quotations
 * in order and asks find_frame (choice.c) for a frame around each: the
 * frames of frames.c, tried in this order: attr_sides (the words after
 * the closing mark, attr_right, and before the opening one, attr_left;
 * before first when a new sentence follows the quotation),
 * attr_final (a cue closing the sentence), attr_left again for a colon
 * ending the paragraph before, attr_prev (the sentence before).  A
 * frame finds the words that name the speaker (a cue's subject, the
 * name after "said") and hands them to resolve_np (speakers.c), the one
 * function that decides whom words name: a report cue's inspectorate, a
 * role's person, a mention, a pronoun, "the council", capitalised
 * words, the words themselves (its comment lists the steps in order).
 * check_speaker (choice.c) then drops what no quotation may have (a
 * pronoun, a lower-case fragment).  A quotation with no frame goes to
 * unattributed() (choice.c): a report section's body, the article's
 * inspectorate, the subject of indirect speech before it, or the last
 * speaker carried over.
 *
 * Every function takes the document's state, struct qdoc, explicitly;
 * the word lists (struct quotes_lex) are read once and shared read-only.
 * Offsets inside the stage are bytes of "text"; the output converts them
 * to code points.
 */
#ifndef GLEAN_QUOTES_H
#define GLEAN_QUOTES_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "jv.h"
#include "swar.h"

#define MAXDEPTH 32	/* deepest nesting of marks followed */
#define WINDOW 40	/* words looked at on either side of a quotation */
#define CHUNKMAX 12	/* longest subject phrase, in words */
#define SHORTQ 4	/* an unattributed quotation this short is a label */
#define LOOKBACK 3	/* paragraphs an attribution carries over */
#define NAMEBACK 64	/* earlier names searched for a surname */
#define STEMPAIRBITS 10	/* buckets of stemlens */
/* The bucket of stemlens of a stem or word whose first bytes are a, b. */
#define STEMPAIR(a, b) (((unsigned)(unsigned char)(a) * 31u + \
	(unsigned char)(b)) & ((1u << STEMPAIRBITS) - 1))
#define SIGBITS 14	/* a word set's signatures: 2 KB of bits each */
#define NOFOLD UINT32_MAX	/* a word not folded yet */
#define OMSTEP 64	/* bytes between the offset map's counts */

/* Quotation kinds, and the names written for them. */
enum { K_SPEECH, K_REPORT, K_SCARE };
extern const char *const quote_kind_name[];

/* What a speaker is (speaker_kind); SK_NONE: no speaker. */
enum { SK_NONE, SK_PERSON, SK_ORG, SK_ROLE, SK_INSPECTORATE };
extern const char *const speaker_kind_name[];

/* Word classes from quote-words.tsv (a bit mask). */
enum {
	C_TITLE = 1 << 0, C_FUNCTION = 1 << 1, C_CONNECTOR = 1 << 2,
	C_ORGWORD = 1 << 3, C_SPOKES = 1 << 4, C_LABEL = 1 << 5,
	C_LABELLER = 1 << 6, C_DET = 1 << 7, C_AUX = 1 << 8, C_CONJ = 1 << 9,
	C_TIME = 1 << 10, C_PREP = 1 << 11, C_REL = 1 << 12,
	C_ROLE = 1 << 13, C_MALE = 1 << 14, C_FEMALE = 1 << 15,
	C_INSPECTION = 1 << 16, C_PLURAL = 1 << 17, C_DEFINITE = 1 << 18,
	C_DOCUMENT = 1 << 19, C_AGENT = 1 << 20
};

/* resolve_np flags: NP_LOOSE, the words themselves may be the source
 * ("the official"); NP_FIRST, the subject opens the words (their first
 * mention, not their last); NP_NAME, only a name will do. */
enum { NP_LOOSE = 1, NP_FIRST = 2, NP_NAME = 4 };

/* Pronoun classes (pronouns.tsv). */
enum { P_NONE, P_PERSON, P_ORG, P_GROUP, P_SELF };

/* Mention kinds. */
enum { M_UNKNOWN, M_PERSON, M_ORG };

/* The sex of a person (for he/she), from titles and forenames. */
enum { SEX_UNKNOWN, SEX_MALE, SEX_FEMALE };

/* The punctuation gap_has looks for, a bit each.  G_E2 is the first byte
 * of U+2000..U+2FFF (dashes, curly marks, the ellipsis); G_ELLIPSIS asks
 * for … itself. */
enum {
	G_DOT = 1 << 0, G_EXCL = 1 << 1 /* ! ? */, G_COMMA = 1 << 2,
	G_SEMI = 1 << 3, G_COLON = 1 << 4, G_LPAREN = 1 << 5,
	G_RPAREN = 1 << 6, G_DASH = 1 << 7, G_E2 = 1 << 8,
	G_ELLIPSIS = 1 << 9,
	G_STOP = G_DOT | G_EXCL | G_ELLIPSIS,	/* a sentence end */
	G_CLAUSE = G_COMMA | G_SEMI | G_COLON | G_LPAREN | G_RPAREN | G_E2
};

/* Mark directions. */
enum { OPEN = 1, CLOSE = 2, EITHER = 3 };

#define GROW(arr, n, cap) do { \
	if ((n) >= (cap)) { \
		(cap) = (cap) ? 2 * (cap) : 64; \
		(arr) = glean_realloc((arr), (cap) * sizeof(*(arr))); \
	} \
} while (0)

/* A string literal's bytes: the keys and the JSON words (put_lit). */
#define PUT_LIT(b, lit) put_lit((b), (lit), sizeof(lit) - 1)

/* s[0..n) onto b: glean_buf_add, inline, so that a literal's length is a
 * constant and its copy a few moves. */
static inline void
put_lit(struct glean_buf *b, const char *s, size_t n)
{
	memcpy(glean_buf_reserve(b, n), s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* ---- word lists ------------------------------------------------------ */

struct entry {		/* one word of a word list */
	char *key;
	size_t klen;		/* strlen(key), set by set_finish */
	int val;
};

struct slot {			/* of a hash set */
	uint32_t hash;		/* the key's fold_hash */
	uint32_t e;		/* entry index + 1, 0 empty */
};

struct wordset {
	struct entry *e;
	size_t n;
	struct slot *slot;
	size_t mask;
	/* a bit for each key's signature (see key_sig): most words are in
	 * no list, and this tells so before they are folded */
	uint64_t sigs[(1 << SIGBITS) / 64];
};

struct phrase {		/* several words: cues, report cues, labels */
	char **w;	/* folded words; w[0] is a stem for cues */
	size_t nw;
	int kind;	/* cue: K_SPEECH/K_REPORT; report cue: unused */
	long line;	/* in the lexicon */
	int after;	/* cue: 1 the speaker follows (according to X),
			 * -1 the listener follows (told the Globe) */
	char *speaker;	/* report cue: the body, or NULL */
	char *text;	/* as written in the lexicon */
	size_t slen, tlen;	/* of w[0] and text */
};

/* An inspectorate (inspectorates.tsv): its name and the pattern that
 * finds it in a text. */
struct inspectorate {
	char *name;
	pcre2_code *re;
	pcre2_code *re_at;	/* the same, anchored */
};

/* A role phrase that stands for an organisation (role-bodies.tsv): the
 * words an organisation's name must hold one of (none: any) and may hold
 * none of, folded. */
struct rolebody {
	char **need, **avoid;
	size_t nneed, navoid;
};

/* The word lists, read once (load_lexicons) and shared by documents. */
struct quotes_lex {
	struct phrase *cues;	/* speech-verbs.tsv, sorted by stem */
	size_t ncues;
	struct phrase *rcues;	/* report-cues.tsv */
	size_t nrcues;
	struct phrase *labels;	/* multi-word labels (quote-words.tsv) */
	size_t nlabels;
	struct wordset classes;	/* quote-words.tsv, roles.tsv, forenames */
	/* its words of class C_CONNECTOR alone: a small set, quick to
	 * ask (see connector) */
	struct wordset connectors;
	/* The cues' texts, stems (value: the stem's first cue's index +
	 * 1) and folded first words (value: a cue's index + 1), and the
	 * longest stem. */
	struct wordset cuetexts, cuestems, cuefirst;
	/* every text of cuetexts without a space is in cuefirst too (a
	 * one-word cue is its own first word): a word of scan_words, which
	 * holds no space, is then in cuetexts only when in cuefirst */
	int cuetexts_in_first;
	struct wordset rcuefirst;	/* the report cues' first words */
	size_t cuestemmax;
	/* The lengths (bit l; 2..63) of the stems that begin with a pair
	 * of bytes, by STEMPAIR of the pair: has_cue_stem tries only
	 * those; cuestem1, a stem of one byte. */
	uint64_t stemlens[1 << STEMPAIRBITS];
	int cuestem1;
	struct wordset prons;	/* pronouns.tsv */
	/* First two bytes (second one folded to 7 bits) of the cues'
	 * words: most words are no cue, and this tells so. */
	unsigned char cue2[256][128];
	struct inspectorate *insp;	/* inspectorates.tsv */
	size_t ninsp;
	pcre2_code *anyinsp;	/* all their patterns in one */
	pcre2_code *anyinsp_at;	/* the same, anchored */
	/* the bytes a match of anyinsp may begin with (pcre2's own
	 * first-byte set; every byte when it keeps none) */
	unsigned char inspfirst[256];
	struct rolebody *rolebodies;	/* role-bodies.tsv */
	struct wordset roleheads;	/* their heads (value: index + 1) */
};

/* ---- the document ---------------------------------------------------- */

/*
 * Byte and code-point offsets of one document.  Only a count every
 * OMSTEP bytes is kept (the storage is reused from document to
 * document), and a conversion counts the bytes since the last one.
 */
struct offmap {
	const char *s;
	size_t n, ncps;
	uint32_t *cp;		/* code points before byte k * OMSTEP */
	size_t nblk, cap;
};

struct word {
	uint32_t b, e;		/* bytes */
	/* the four made on first use, side by side: push_word marks them
	 * all not made in one store */
	uint32_t fold;		/* in d->fold (flen bytes); NOFOLD not yet */
	int32_t stem;		/* in sbuf (slen bytes); -1 not yet computed */
	int32_t cls;		/* word classes; -1 not yet looked up */
	int16_t cue, cuen;	/* cue index and length; -2 not yet */
	uint32_t flen;
	uint32_t hash;		/* fold_hash of the fold, made with it */
	uint32_t slen;
	uint32_t para;
	uint8_t cap;		/* starts with an upper-case letter */
	uint8_t sstart;		/* starts a sentence */
	uint8_t inq;		/* inside a quotation */
	uint8_t glued;		/* a heading was glued on before it */
};

struct seg {
	uint32_t b, e;
};

/* A speaker found for a quotation: what a frame finds and the
 * quotation keeps (struct quote's at).  Offsets are bytes; -1 none. */
struct attr {
	char *speaker;		/* owned */
	int64_t sb, se;		/* the speaker's span */
	int64_t pb, pe;		/* the whole phrase naming the speaker */
	int64_t cb, ce;		/* the cue */
	int kind;		/* K_ */
	int person;		/* the speaker is a person (for he/she) */
	int skind;		/* SK_ */
	int gender;		/* SEX_, of a person */
	int pronoun;		/* named by a pronoun */
};

struct quote {
	uint32_t ob;		/* opening mark (byte) */
	uint32_t tb, te;	/* text, bytes */
	uint32_t ce;		/* just past the closing mark */
	uint32_t para, epara;	/* paragraphs of the opening and the end */
	uint8_t closed, dbl, depth, atpara;
	int attributed;		/* found by a cue or a colon */
	size_t seg0, nseg;	/* in segs when nseg > 1 */
	struct attr at;		/* its speaker (owned), spans, cue and kind */
};	/* 128 bytes on LP64: the loops over quotations index by a shift */

struct mention {
	uint32_t b, e;
	int kind;
	const char *canon;	/* borrowed from the document or names */
	uint32_t clen;
	uint32_t lastb, laste;	/* last word, for surnames */
};

struct para {
	uint32_t b, e;
	uint8_t heading, reportsec;
};

struct mark {
	uint32_t b;
	uint8_t len, dbl, dir;	/* dir: OPEN, CLOSE, EITHER */
	uint8_t glyph;		/* 0 straight, 1 left curly, 2 right curly */
};

struct open {
	uint32_t mb, tb;
	uint8_t dbl;
	size_t qi;		/* carried multi-paragraph quote, or SIZE_MAX */
};

/* The most recent speaker of a kind, for pronouns. */
struct recent {
	int valid;
	uint32_t pos;
	const char *name;	/* points into a quote's speaker */
	int kind;
	int gender;
};

/* A word's stem kept from document to document (see wstem): a few words
 * ("says", "spokesman") are stemmed again and again. */
#define STEMMEMO 256		/* entries (a power of two) */
struct stemmemo {
	uint8_t flen, slen;	/* 0: empty */
	char fold[30], stem[30];
};

#define WORDMEMO 8		/* word_at's answers kept (a power of two) */

/* One document's state; the storage is kept from document to document. */
struct qdoc {
	const struct quotes_lex *lx;
	int use_tokens;		/* -t: stems from the tokens layer */
	int own_words;		/* d->w from scan_words (no white space in a word) */
	const char *s;
	size_t n;
	struct offmap om;
	struct word *w;
	size_t nw, capw;
	uint32_t *capital;	/* the words that start with a capital or a
				 * digit, in order */
	size_t ncapital, capcapital;
	struct glean_buf sbuf;
	char *fold;		/* folded words; sized per document, never
				 * moved while one is processed */
	size_t foldlen, foldcap;
	char *names;		/* squeezed names; never moves within a doc */
	size_t namelen, namecap;
	struct quote *q;
	size_t nq, capq;
	struct seg *segs;
	size_t nsegs, capsegs;
	struct mention *m;
	size_t nm, capm;
	struct mention *mtmp;	/* merge_mentions' room */
	size_t capmtmp;
	struct para *p;
	size_t np, capp;
	struct mark *mk;
	size_t nmk, capmk;
	uint32_t *cand;		/* bytes that may start a mark, in order */
	size_t ncand, capcand, nextcand;
	json_t *doc;		/* the document, for its entities layer */
	struct glean_arena layer;	/* the entities layer's values */
	int have_mentions;	/* m made (see need_mentions) */
	uint64_t lastwords;	/* the person mentions' last words, a bit
				 * each (last_word_bit): add_surname's test */
	/* capitalised words seen inside a sentence: a hash set of their
	 * folded forms (each slot holds a word's index + 1), sized for
	 * nmidcap words (0: none), SIZE_MAX when not made yet (see
	 * seen_inside) */
	uint32_t *midcap;
	size_t nmidcap, capmidcap, maskmidcap;
	struct recent last_person, last_body;
	/* the inspectorate the article names (index + 1 in lx->insp; 0
	 * none), found on first need; -1 not looked for yet */
	int insp;
	int depth;		/* indirect_subject's nesting (it recurses once) */
	pcre2_match_data *md;	/* for the inspectorates' patterns */
	/* stems by their fold's hash, the last of each slot; not reset
	 * between documents (a stem is the fold's alone) */
	struct stemmemo stems[STEMMEMO];
	/* word_at's last answers: byte + 1 (0 none) and its word, by the
	 * byte's bits; emptied with each document's words (doc_reset) */
	size_t wmemo[WORDMEMO][2];
};



/* ---- small helpers every module calls, inline for speed --------------- */

void add_fold(struct qdoc *d, struct word *w);

/* The bytes gap_has looks for (see the G_ bits in quotes.h). */
static const uint16_t gapbits[256] = {
	['.'] = G_DOT, ['!'] = G_EXCL, ['?'] = G_EXCL, [','] = G_COMMA,
	[';'] = G_SEMI, [':'] = G_COLON, ['('] = G_LPAREN, [')'] = G_RPAREN,
	['-'] = G_DASH, [0xe2] = G_E2
};

/*
 * The hash of a fold (fold_hash) goes eight bytes at a time: h starts as
 * the fold's length, takes each chunk in turn (hash_chunk; the last one
 * with zeros past the fold's end) and is finished by hash_end.
 */
static inline uint64_t
hash_chunk(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 29);
}

static inline uint32_t
hash_end(uint64_t h)
{
	return (uint32_t)((h * 0xff51afd7ed558ccdull) >> 32);
}

/* The first k (1..8) bytes of the 8 loaded in v, the rest zeros: as
 * memcpy of k bytes into a zeroed word leaves them. */
static inline uint64_t
first_bytes(uint64_t v, size_t k)
{
	if (k >= 8)
		return v;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return v & ~(~0ull >> (8 * k));
#else
	return v & (~0ull >> (64 - 8 * k));
#endif
}

/* v (ASCII bytes only) with its capitals lowered, eight at a time. */
static inline uint64_t
lower8(uint64_t v)
{
	uint64_t upper = (v + (0x80 - 'A') * GLEAN_ONES) &
	    ~(v + (0x80 - 'Z' - 1) * GLEAN_ONES) & GLEAN_HIGHS;

	return v | (upper >> 2);
}

/*
 * A key's signature: its length and first, second and last bytes, mixed
 * into SIGBITS bits.  Made from a fold, or from an ASCII word's bytes
 * lowered on the way (its fold).
 */
static inline size_t
key_sig(size_t n, unsigned char first, unsigned char second,
    unsigned char last)
{
	uint32_t h = (uint32_t)n;

	h = h * 131 + first;
	h = h * 131 + second;
	h = h * 131 + last;
	return (h * 2654435761u) >> (32 - SIGBITS);
}

/* May the set ws hold a key of signature sig (0: surely not)? */
static inline int
sig_in(const struct wordset *ws, size_t sig)
{
	return (ws->sigs[sig / 64] >> (sig % 64)) & 1;
}

/* The value of k[0..n), whose fold_hash is hash; 0 when absent. */
static inline int
set_get_hashed(const struct wordset *ws, const char *k, size_t n,
    size_t hash)
{
	size_t h;
	const struct entry *e;

	if (ws->slot == NULL)
		return 0;
	/* k may hold a NUL (U+0000 in the text): compare bytes */
	for (h = hash & ws->mask; ws->slot[h].e != 0; h = (h + 1) & ws->mask) {
		if (ws->slot[h].hash != (uint32_t)hash)
			continue;
		e = &ws->e[ws->slot[h].e - 1];
		if (e->klen == n && memcmp(e->key, k, n) == 0)
			return e->val;
	}
	return 0;
}

/* 0x80 in each byte of v that is zero. */
static inline uint64_t
zero_bytes(uint64_t v)
{
	const uint64_t low7 = ~GLEAN_HIGHS;

	return ~(((v & low7) + low7) | v | low7);
}

/* c in ASCII lower case. */
static inline unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Fold word w into d->fold as add_fold would when it is plain ASCII of
 * eight bytes at most (most words: one load), and return 1; else 0,
 * nothing done.  The fold and its hash are ascii_fold's: the bytes
 * lowered, hash_chunk of them after the length.
 */
static inline int
fold_short(struct qdoc *d, struct word *w)
{
	size_t n = w->e - w->b;
	uint64_t v;

	if (n - 1 >= 8 || w->b + 8 > d->n || n + 8 > d->foldcap - d->foldlen)
		return 0;
	memcpy(&v, d->s + w->b, 8);
	v = first_bytes(v, n);
	if (v & GLEAN_HIGHS)
		return 0;
	v = lower8(v);
	memcpy(d->fold + d->foldlen, &v, 8);	/* room past the fold */
	w->fold = (uint32_t)d->foldlen;
	w->flen = (uint32_t)n;
	w->hash = hash_end(hash_chunk(n, v));
	d->foldlen += n;
	return 1;
}

/* Word i case-folded (made on first use; the pointer stays valid for
 * the whole document). */
static inline const char *
wfold(struct qdoc *d, size_t i, size_t *len)
{
	if (d->w[i].fold == NOFOLD && !fold_short(d, &d->w[i]))
		add_fold(d, &d->w[i]);
	*len = d->w[i].flen;
	return d->fold + d->w[i].fold;
}

/* The signature of word i's fold when it is plain ASCII (then its fold
 * is its bytes lowered), without folding it; SIZE_MAX otherwise. */
static inline size_t
ascii_sig(struct qdoc *d, size_t i)
{
	const unsigned char *s = (const unsigned char *)d->s + d->w[i].b;
	size_t k, n = d->w[i].e - d->w[i].b;
	uint64_t v;

	if (n - 1 < 8 && d->w[i].b + 8 <= d->n) {
		/* most words: their bytes in one load */
		memcpy(&v, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		v >>= 64 - 8 * n;
#else
		v &= ~0ull >> (64 - 8 * n);
#endif
		if (v & GLEAN_HIGHS)
			return SIZE_MAX;
	} else {
		for (k = 0; k < n; k++)
			if (s[k] >= 0x80)
				return SIZE_MAX;
	}
	if (n == 0)
		return key_sig(0, 0, 0, 0);
	return key_sig(n, lower(s[0]), n > 1 ? lower(s[1]) : 0,
	    lower(s[n - 1]));
}

/* The value of word i's fold in ws.  A short plain ASCII word is
 * folded at once (fold_short costs less than its signature); another
 * is first asked by its signature, which may spare its fold.  Always
 * inline: asked of most words a frame passes, where the call cost
 * more than the lookup. */
static inline __attribute__((always_inline)) int
wlookup(struct qdoc *d, const struct wordset *ws, size_t i)
{
	size_t n, sig;
	const char *f;

	if (d->w[i].fold == NOFOLD && !fold_short(d, &d->w[i])) {
		sig = ascii_sig(d, i);
		if (sig != SIZE_MAX && !sig_in(ws, sig))
			return 0;
	}
	f = wfold(d, i, &n);
	return set_get_hashed(ws, f, n, d->w[i].hash);
}

/* Word i's classes looked up in the word sets and kept on the word
 * (wclass's first call for it); returns them.  Never fails. */
int wclass_lookup(struct qdoc *d, size_t i);

/*
 * Word i's classes (C_ bits of quote-words.tsv and the other lists),
 * looked up once.
 */
static inline int
wclass(struct qdoc *d, size_t i)
{
	int c = d->w[i].cls;

	/* the kept answer inline (most questions: a call that saved
	 * registers cost more than it), the lookup a call */
	return c >= 0 ? c : wclass_lookup(d, i);
}

/*
 * Is word i of class C_CONNECTOR ("of", "de")?  wclass's answer when
 * it has one; else asked of lx->connectors, which holds the same words
 * with that bit, so the answer is the same: few words are in it, and a
 * word's first probe there mostly ends it (among all the classed words,
 * forenames and all, it costs more).
 */
static inline int
connector(struct qdoc *d, size_t i)
{
	if (d->w[i].cls >= 0)
		return (d->w[i].cls & C_CONNECTOR) != 0;
	return wlookup(d, &d->lx->connectors, i) != 0;
}

/*
 * The code point at byte b (-1 past the end or invalid); *len, when
 * given, gets its length in bytes.
 */
static inline int32_t
cp_at(struct qdoc *d, size_t b, size_t *len)
{
	int32_t cp;
	size_t l;

	if (b >= d->n) {
		if (len)
			*len = 0;
		return -1;
	}
	if ((unsigned char)d->s[b] < 0x80) {
		if (len)
			*len = 1;
		return (unsigned char)d->s[b];
	}
	l = glean_utf8_next(d->s + b, d->n - b, &cp);
	if (len)
		*len = l;
	return cp;
}

/*
 * The first of the n records at base (size bytes each, in order of the
 * uint32_t field at byte off of each) whose field is key or more; n when
 * none is.  The one binary search of words, paragraphs and mentions by
 * offset (word_at, para_of, mention_in, mentions_before).
 */
static inline size_t
first_at_least(const void *base, size_t n, size_t size, size_t off,
    size_t key)
{
	const char *p = base;
	size_t lo = 0, hi = n, mid;
	uint32_t v;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		memcpy(&v, p + mid * size + off, sizeof(v));
		if (v < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First word starting at or after byte b.  The answer is kept in
 * d->wmemo: the frames ask for a quotation's marks again and again
 * (attr_sides, attr_right, attr_left, attr_final, ...), the pronouns
 * for the same mentions; the words do not change once made. */
static inline size_t
word_at(struct qdoc *d, size_t b)
{
	size_t *m = d->wmemo[(b ^ (b >> 4)) & (WORDMEMO - 1)];

	if (m[0] == b + 1)
		return m[1];
	m[0] = b + 1;
	return m[1] = first_at_least(d->w, d->nw, sizeof(*d->w),
	    offsetof(struct word, b), b);
}

int is_space_cp(int32_t cp);

/* Is the character at byte i white space?  *l gets its length (0 past
 * the end of the text). */
static inline int
space_at(struct qdoc *d, size_t i, size_t *l)
{
	unsigned char c;

	if (i < d->n && (c = (unsigned char)d->s[i]) < 0x80) {
		*l = 1;
		return c == ' ' || (c >= '\t' && c <= '\r') || c == 0;
	}
	return is_space_cp(cp_at(d, i, l));
}

/* Does s[a..b) hold one of the punctuation marks in want (G_ bits)? */
static inline int
gap_has(struct qdoc *d, size_t a, size_t b, unsigned want)
{
	const unsigned char *s = (const unsigned char *)d->s;
	size_t i;

	if (b > d->n)
		b = d->n;
	if (b == a + 1 && s[a] == ' ')
		return 0;	/* most gaps between words: one space */
	for (i = a; i < b; i++) {
		if (gapbits[s[i]] & want)
			return 1;
		if ((want & G_ELLIPSIS) && s[i] == 0xe2 && i + 2 < d->n &&
		    s[i + 1] == 0x80 && s[i + 2] == 0xa6)
			return 1;
	}
	return 0;
}

/* entities.c: the entities layer's members as written. */
struct jstr {			/* a JSON string's body, as written */
	const char *p;
	size_t n;
	int esc;		/* it holds an escape */
	int ok;			/* there is one (the value was a string) */
};

struct entity {			/* the members layer_mentions reads */
	int has_start, has_end;	/* start, end are integers */
	json_int_t start, end;
	struct jstr kind, canon;
};

struct entities {		/* a reader of the layer's text */
	struct glean_arena *a;	/* where decoded strings go */
	const char *p, *end;
};

int entities_open(struct entities *r, struct glean_arena *a,
    const char *text, size_t len);
int entity_next(struct entities *r, struct entity *e);
const char *jstr_text(struct glean_arena *a, const struct jstr *s,
    size_t *len);
int jstr_esc_eq(struct glean_arena *a, const struct jstr *s, const char *w,
    size_t wn);

/* Does the JSON string s say w[0..wn) (a word without escapes)? */
static inline int
jstr_eq(struct glean_arena *a, const struct jstr *s, const char *w, size_t wn)
{
	if (s->esc)
		return jstr_esc_eq(a, s, w, wn);
	return s->n == wn && memcmp(s->p, w, wn) == 0;
}

/* Does the JSON string s say the string literal lit? */
#define JSTR_IS(a, s, lit) jstr_eq((a), (s), (lit), sizeof(lit) - 1)

/* text.c */
void sort_unless_sorted(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
void om_init(struct offmap *m, const char *s, size_t n);
void om_finish(struct offmap *m);
size_t om_cp(const struct offmap *m, size_t b);
size_t om_byte(const struct offmap *m, size_t cp);
const char * wstem(struct qdoc *d, size_t i, size_t *len);
int is_wordcp(int32_t cp);
void scan_words(struct qdoc *d);
int layer_words(struct qdoc *d, json_t *toks, const struct offmap *om);
int scan_text(struct qdoc *d);
void split_paras(struct qdoc *d);
size_t para_of(struct qdoc *d, size_t b);
void mark_words(struct qdoc *d);

/* lexicon.c */
size_t fold_hash(const char *f, size_t n);
int set_get(const struct wordset *ws, const char *k, size_t n);
void load_lexicons(struct quotes_lex *L, const char *dir);

/* marks.c */
int blank(struct qdoc *d, uint32_t b, uint32_t e);
void find_quotes(struct qdoc *d);

/* speakers.c */
int name_sex(const struct quotes_lex *lx, const char *name, size_t n);
int mention_sex(struct qdoc *d, const struct mention *m);
void set_speaker(struct attr *a, const char *s, size_t n, int64_t b,
    int64_t e);
long mention_in(struct qdoc *d, uint32_t b, uint32_t e, int first);
void need_mentions(struct qdoc *d);
int indirect_subject(struct qdoc *d, size_t i, struct attr *a);
void attr_clear(struct attr *a);
int resolve_np(struct qdoc *d, size_t a, size_t z, struct attr *a_out, int flags);

/* cues.c */
int is_pronoun(struct qdoc *d, size_t i);
int is_possessive(struct qdoc *d, size_t i);
void cue_keep(struct qdoc *d, size_t i);

/*
 * The cue starting at word i (its index in lx->cues, or -1), found once
 * per word and kept (cue_keep); *nw gets its length in words.  Inline:
 * the frames ask it of every word they pass, mostly a kept answer.
 */
static inline long
cue_at(struct qdoc *d, size_t i, size_t *nw)
{
	if (d->w[i].cue == -2)
		cue_keep(d, i);
	*nw = (size_t)d->w[i].cuen;
	return d->w[i].cue;
}
long rcue_in(struct qdoc *d, size_t a, size_t z, size_t *at, size_t *len);
int clause_break(struct qdoc *d, size_t i);

/* frames.c */
int participle(struct qdoc *d, size_t i);
int age(struct qdoc *d, size_t i);
int attr_left(struct qdoc *d, const struct quote *q, struct attr *a);
int attr_final(struct qdoc *d, const struct quote *q, struct attr *a);
int attr_prev(struct qdoc *d, const struct quote *q, struct attr *a);
int attr_sides(struct qdoc *d, const struct quote *q, struct attr *a);

/* choice.c */
void attribute(struct qdoc *d);

/* output.c */
void quotes_text(struct qdoc *d, struct glean_buf *out, const struct offmap *om);


/* report.c */
const char *article_inspectorate(struct qdoc *d);
const char *report_speaker(struct qdoc *d, const struct phrase *rc);
const char *inspectorate_of(struct qdoc *d, const char *s, size_t n);
int inspection_context(struct qdoc *d, const struct quote *q);

/* main.c */
void qdoc_init(struct qdoc *d, const struct quotes_lex *lx);
void qdoc_free(struct qdoc *d);
int quotes_process(json_t *doc, void *ctx, struct glean_buf *tail,
    char **err);

#endif
