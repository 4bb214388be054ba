/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes - direct quotations, report findings and who said them.
 *
 * Reads JSON Lines documents and adds (or replaces) "quotes":
 *   [{"start","end","text","speaker","speaker_span","kind","cue"}, ...]
 * with "closed": false for a quotation never closed and "segments" for
 * one that runs over several paragraphs.  "text" is exactly what lies
 * between the marks.  Uses "tokens" (stems) and "entities" (canonical
 * names) when an earlier stage added them and they are sound; works
 * without them.
 *
 * The work is linear in the text: one pass finds the marks paragraph by
 * paragraph with a bounded stack, one pass builds the words, and each
 * quotation looks at a bounded window of words around it.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glean.h"
#include "jv.h"
#include "swar.h"

#define MAXDEPTH 32	/* deepest nesting of marks followed */
#define WINDOW 40	/* words looked at on either side of a quotation */
#define CHUNKMAX 12	/* longest subject phrase, in words */
#define SHORTQ 4	/* an unattributed quotation this short is a label */
#define LOOKBACK 3	/* paragraphs an attribution carries over */
#define NAMEBACK 64	/* earlier names searched for a surname */

enum { K_SPEECH, K_REPORT, K_SCARE };
static const char *const kindname[] = { "speech", "report", "scare" };

/* Word classes from quote-words.tsv (a bit mask). */
enum {
	C_TITLE = 1 << 0, C_FUNCTION = 1 << 1, C_CONNECTOR = 1 << 2,
	C_ORGWORD = 1 << 3, C_SPOKES = 1 << 4, C_LABEL = 1 << 5,
	C_LABELLER = 1 << 6, C_DET = 1 << 7, C_AUX = 1 << 8, C_CONJ = 1 << 9,
	C_TIME = 1 << 10, C_PREP = 1 << 11, C_REL = 1 << 12
};
static const char *const classname[] = {
	"title", "function", "connector", "orgword", "spokes", "label",
	"labeller", "det", "aux", "conj", "time", "prep", "relative", NULL
};

/* resolve_np flags */
enum { NP_LOOSE = 1, NP_FIRST = 2, NP_NAME = 4 };

enum { P_NONE, P_PERSON, P_ORG, P_GROUP, P_SELF };
static const char *const pronname[] = {
	"", "person", "organisation", "group", "self", NULL
};

/* Mention kinds. */
enum { M_UNKNOWN, M_PERSON, M_ORG };

struct entry {		/* one word of a word list */
	char *key;
	size_t klen;		/* strlen(key), set by set_finish */
	int val;
};

#define SIGBITS 14	/* a word set's signatures: 2 KB of bits each */

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

/* First two bytes (second one folded to 7 bits) of the cues' words. */
static unsigned char cue2[256][128];

static int
cuecmp(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int c = strcmp(x->w[0], y->w[0]);

	/* keep the lexicon's order among equal stems (line numbers) */
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static struct phrase *cues;
static size_t ncues;
static struct phrase *rcues;
static size_t nrcues;
static struct phrase *labels;	/* multi-word labels */
static size_t nlabels;
static struct wordset classes;	/* quote-words.tsv */
/* The cues' texts, stems and folded first words (value: a cue's index
 * + 1), and the longest stem. */
static struct wordset cuetexts, cuestems, cuefirst;
static struct wordset rcuefirst;	/* the report cues' first words */
static size_t cuestemmax;
static struct wordset prons;	/* pronouns.tsv */

/* ---- per-document state ------------------------------------------- */

struct word {
	uint32_t b, e;		/* bytes */
	uint32_t fold, flen;	/* in D.fold; fold NOFOLD not yet made */
	uint32_t hash;		/* fold_hash of the fold, made with it */
	int32_t stem;		/* in sbuf; -1 not yet computed */
	uint32_t slen;
	uint32_t para;
	int32_t cls;		/* word classes; -1 not yet looked up */
	int16_t cue, cuen;	/* cue index and length; -2 not yet */
	uint8_t cap;		/* starts with an upper-case letter */
	uint8_t sstart;		/* starts a sentence */
	uint8_t inq;		/* inside a quotation */
};

struct seg {
	uint32_t b, e;
};

struct quote {
	uint32_t ob;		/* opening mark (byte) */
	uint32_t tb, te;	/* text, bytes */
	uint32_t ce;		/* just past the closing mark */
	uint32_t para, epara;	/* paragraphs of the opening and the end */
	uint8_t closed, dbl, depth, atpara;
	int64_t pb, pe;		/* speaker phrase, bytes; -1 none */
	size_t seg0, nseg;	/* in segs when nseg > 1 */
	/* attribution */
	int kind;
	int attributed;		/* found by a cue or a colon */
	int person;		/* the speaker is a person (for he/she) */
	char *speaker;		/* owned */
	int64_t sb, se;		/* speaker span, bytes; -1 none */
	int64_t cb, cend;	/* cue, bytes; -1 none */
};

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
enum { OPEN = 1, CLOSE = 2, EITHER = 3 };

struct open {
	uint32_t mb, tb;
	uint8_t dbl;
	size_t qi;		/* carried multi-paragraph quote, or SIZE_MAX */
};

struct doc {
	const char *s;
	size_t n;
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
	struct para *p;
	size_t np, capp;
	struct mark *mk;
	size_t nmk, capmk;
	uint32_t *cand;		/* bytes that may start a mark, in order */
	size_t ncand, capcand, nextcand;
	json_t *doc;		/* the document, for its entities layer */
	struct glean_arena layer;	/* the entities layer's values */
	int have_mentions;	/* D.m made (see need_mentions) */
};

static struct doc D;

#define GROW(arr, n, cap) do { \
	if ((n) >= (cap)) { \
		(cap) = (cap) ? 2 * (cap) : 64; \
		(arr) = glean_realloc((arr), (cap) * sizeof(*(arr))); \
	} \
} while (0)

/* -t: stems from the tokens layer rather than our own (the same Snowball
 * stemmer, so the same stems; but parsing that layer costs more than all
 * the rest of this stage). */
static int tflag;

/* qsort, but first see whether base is in order already, as the
 * quotations and the entities mostly are. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *,
    const void *))
{
	const char *p = base;
	size_t i;

	for (i = 1; i < n; i++)
		if (cmp(p + (i - 1) * size, p + i * size) > 0)
			break;
	if (i < n)
		qsort(base, n, size, cmp);
}

/* ---- code-point offsets ------------------------------------------------ */

/*
 * Byte and code-point offsets of one document.  Only a count every
 * OMSTEP bytes is kept (the storage is reused from document to document),
 * and a conversion counts the bytes since the last one: cheaper than a
 * full map for the few offsets a document's quotations need.
 */
#define OMSTEP 64

struct offmap {
	const char *s;
	size_t n, ncps;
	uint32_t *cp;		/* code points before byte k * OMSTEP */
	size_t nblk, cap;
};

/* Code points starting in s[0..n): the bytes that do not continue one,
 * eight at a time. */
static size_t
lead_bytes(const char *s, size_t n)
{
	size_t i, c = 0;
	uint64_t v;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		/* 0x80 on the continuation bytes (10xxxxxx), summed in the
		 * top byte: no popcount instruction in a generic build */
		v = v & ~(v << 1) & GLEAN_HIGHS;
		c += 8 - (size_t)(((v >> 7) * GLEAN_ONES) >> 56);
	}
	for (; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

static void
om_init(struct offmap *m, const char *s, size_t n)
{
	size_t k, e, c = 0;

	m->s = s;
	m->n = n;
	m->nblk = n / OMSTEP + 1;
	if (m->cap < m->nblk) {
		m->cap = m->nblk;
		free(m->cp);
		m->cp = glean_malloc(m->cap * sizeof(*m->cp));
	}
	for (k = 0; k < m->nblk; k++) {
		m->cp[k] = (uint32_t)c;
		e = (k + 1) * OMSTEP < n ? (k + 1) * OMSTEP : n;
		c += lead_bytes(s + k * OMSTEP, e - k * OMSTEP);
	}
	m->ncps = c;
}

static struct offmap OM;

/* Code point of byte b (a character's first byte). */
static size_t
om_cp(const struct offmap *m, size_t b)
{
	size_t k;

	if (b > m->n)
		b = m->n;
	k = b / OMSTEP;
	return m->cp[k] + lead_bytes(m->s + k * OMSTEP, b - k * OMSTEP);
}

/* Byte of code point cp; clamps to the end. */
static size_t
om_byte(const struct offmap *m, size_t cp)
{
	size_t lo = 0, hi = m->nblk, mid, i, c, k;

	if (cp >= m->ncps)
		return m->n;
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (m->cp[mid] <= cp)
			lo = mid;
		else
			hi = mid;
	}
	c = m->cp[lo];
	/* whole words of eight bytes before the one holding it */
	for (i = lo * OMSTEP; i + 8 <= m->n; i += 8) {
		k = lead_bytes(m->s + i, 8);
		if (cp - c < k)
			break;
		c += k;
	}
	for (; i < m->n; i++) {
		if (((unsigned char)m->s[i] & 0xc0) == 0x80)
			continue;
		if (c == cp)
			return i;
		c++;
	}
	return m->n;
}

/* ---- lexicons -------------------------------------------------------- */

static int
entcmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key,
	    ((const struct entry *)b)->key);
}

/* FNV-1a, 32 bits */
#define FNV_BASIS 2166136261u

static size_t
fnv_step(size_t h, char c)
{
	return (uint32_t)((h ^ (unsigned char)c) * 16777619u);
}

static size_t
fold_hash(const char *f, size_t n)
{
	size_t h = FNV_BASIS;

	while (n-- > 0)
		h = fnv_step(h, *f++);
	return h;
}

/*
 * A key's signature: its length and first, second and last bytes, mixed
 * into SIGBITS bits.  Made from a fold, or from an ASCII word's bytes
 * lowered on the way (its fold).
 */
static size_t
key_sig(size_t n, unsigned char first, unsigned char second,
    unsigned char last)
{
	uint32_t h = (uint32_t)n;

	h = h * 131 + first;
	h = h * 131 + second;
	h = h * 131 + last;
	return (h * 2654435761u) >> (32 - SIGBITS);
}

static size_t
fold_sig(const char *f, size_t n)
{
	if (n == 0)
		return key_sig(0, 0, 0, 0);
	return key_sig(n, (unsigned char)f[0], n > 1 ? (unsigned char)f[1] :
	    0, (unsigned char)f[n - 1]);
}

static int
sig_in(const struct wordset *ws, size_t sig)
{
	return (ws->sigs[sig / 64] >> (sig % 64)) & 1;
}

/* The value of k[0..n), whose fold_hash is hash; 0 when absent. */
static int
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

static int
set_get(const struct wordset *ws, const char *k, size_t n)
{
	return set_get_hashed(ws, k, n, fold_hash(k, n));
}

/* Merge duplicate keys (their class bits are or-ed). */
static void
set_finish(struct wordset *ws)
{
	size_t i, j, cap, h, hash;

	if (ws->n > 1)
		qsort(ws->e, ws->n, sizeof(*ws->e), entcmp);
	for (i = 0, j = 0; i < ws->n; i++) {
		if (j > 0 && strcmp(ws->e[j - 1].key, ws->e[i].key) == 0) {
			ws->e[j - 1].val |= ws->e[i].val;
			free(ws->e[i].key);
		} else {
			ws->e[j++] = ws->e[i];
		}
	}
	ws->n = j;
	for (cap = 64; cap < 2 * ws->n; cap *= 2)
		;
	ws->slot = glean_calloc(cap, sizeof(*ws->slot));
	ws->mask = cap - 1;
	for (i = 0; i < ws->n; i++) {
		ws->e[i].klen = strlen(ws->e[i].key);
		h = fold_sig(ws->e[i].key, ws->e[i].klen);
		ws->sigs[h / 64] |= 1ull << (h % 64);
		hash = fold_hash(ws->e[i].key, ws->e[i].klen);
		for (h = hash & ws->mask; ws->slot[h].e != 0;
		    h = (h + 1) & ws->mask)
			;
		ws->slot[h].hash = (uint32_t)hash;
		ws->slot[h].e = (uint32_t)(i + 1);
	}
}

static int
lookup_name(const char *const *names, const char *s)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Split a lexicon phrase into folded words; the first one stemmed. */
static void
phrase_init(struct phrase *p, const char *text, int stemfirst)
{
	char *copy, *tok, *save;
	size_t flen, slen;
	char *f;
	const char *st;

	memset(p, 0, sizeof(*p));
	p->text = glean_strdup(text);
	copy = glean_strdup(text);
	for (tok = strtok_r(copy, " ", &save); tok;
	    tok = strtok_r(NULL, " ", &save)) {
		f = glean_casefold(tok, strlen(tok), &flen);
		if (p->nw == 0 && stemfirst) {
			st = glean_stem(f, flen, &slen);
			free(f);
			f = glean_strndup(st, slen);
		}
		p->w = glean_realloc(p->w, (p->nw + 1) * sizeof(*p->w));
		p->w[p->nw++] = f;
	}
	free(copy);
}

/* Add key (copied) with val, unless the set has it already. */
static void
set_add_once(struct wordset *ws, const char *key, size_t n, int val)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		if (strlen(ws->e[i].key) == n && memcmp(ws->e[i].key, key,
		    n) == 0)
			return;
	ws->e = glean_realloc(ws->e, (ws->n + 1) * sizeof(*ws->e));
	ws->e[ws->n].key = glean_strndup(key, n);
	ws->e[ws->n++].val = val;
}

/* The sets cue_stem looks words up in (cues sorted). */
static void
cue_sets(void)
{
	size_t i, fl;
	const char *w;
	char *f;

	for (i = 0; i < ncues; i++) {
		set_add_once(&cuetexts, cues[i].text, cues[i].tlen, 1);
		set_add_once(&cuestems, cues[i].w[0], cues[i].slen, 1);
		if (cues[i].slen > cuestemmax)
			cuestemmax = cues[i].slen;
		/* the first word as phrase_init split it */
		w = cues[i].text + strspn(cues[i].text, " ");
		f = glean_casefold(w, strcspn(w, " "), &fl);
		set_add_once(&cuefirst, f, fl, (int)i + 1);
		free(f);
	}
	set_finish(&cuetexts);
	set_finish(&cuestems);
	set_finish(&cuefirst);
}

static void
load_lexicons(const char *dir)
{
	struct glean_lexicon *lx;
	size_t i, k, flen;
	int c;
	struct phrase *p;

	lx = glean_lexicon_load(dir, "speech-verbs.tsv", 2);
	cues = glean_calloc(lx->nrows, sizeof(*cues));
	for (i = 0; i < lx->nrows; i++) {
		p = &cues[ncues];
		phrase_init(p, lx->rows[i].f[0], 1);
		if (p->nw == 0)
			continue;
		if (strcmp(lx->rows[i].f[1], "speech") == 0)
			p->kind = K_SPEECH;
		else if (strcmp(lx->rows[i].f[1], "report") == 0)
			p->kind = K_REPORT;
		else
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: kind must be "
			    "speech or report", lx->path, lx->rows[i].line);
		p->after = 0;
		p->line = lx->rows[i].line;
		p->slen = strlen(p->w[0]);
		p->tlen = strlen(p->text);
		if (lx->rows[i].nf > 2 &&
		    strcmp(lx->rows[i].f[2], "after") == 0)
			p->after = 1;
		else if (lx->rows[i].nf > 2 &&
		    strcmp(lx->rows[i].f[2], "object") == 0)
			p->after = -1;
		ncues++;
	}
	glean_lexicon_free(lx);
	if (ncues > 1)
		qsort(cues, ncues, sizeof(*cues), cuecmp);
	for (i = 0; i < ncues; i++) {
		const char *t = cues[i].text;
		if (t[0] && t[1])
			cue2[(unsigned char)t[0]]
			    [(unsigned char)t[1] & 0x7f] = 1;
	}
	cue_sets();

	lx = glean_lexicon_load(dir, "report-cues.tsv", 1);
	rcues = glean_calloc(lx->nrows, sizeof(*rcues));
	for (i = 0; i < lx->nrows; i++) {
		p = &rcues[nrcues];
		phrase_init(p, lx->rows[i].f[0], 0);
		if (p->nw == 0)
			continue;
		if (lx->rows[i].nf > 1 && strcmp(lx->rows[i].f[1], "-") != 0)
			p->speaker = glean_strdup(lx->rows[i].f[1]);
		set_add_once(&rcuefirst, p->w[0], strlen(p->w[0]), 1);
		nrcues++;
	}
	set_finish(&rcuefirst);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "pronouns.tsv", 2);
	prons.e = glean_calloc(lx->nrows, sizeof(*prons.e));
	for (i = 0; i < lx->nrows; i++) {
		c = lookup_name(pronname, lx->rows[i].f[1]);
		if (c <= 0)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: unknown pronoun "
			    "class '%s'", lx->path, lx->rows[i].line,
			    lx->rows[i].f[1]);
		prons.e[prons.n].key = glean_strdup(lx->rows[i].f[0]);
		prons.e[prons.n++].val = c;
	}
	set_finish(&prons);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "quote-words.tsv", 2);
	classes.e = glean_calloc(lx->nrows, sizeof(*classes.e));
	labels = glean_calloc(lx->nrows, sizeof(*labels));
	for (i = 0; i < lx->nrows; i++) {
		c = lookup_name(classname, lx->rows[i].f[1]);
		if (c < 0)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: unknown word "
			    "class '%s'", lx->path, lx->rows[i].line,
			    lx->rows[i].f[1]);
		if (strchr(lx->rows[i].f[0], ' ')) {
			if (c != 5)	/* only labels may have spaces */
				continue;
			phrase_init(&labels[nlabels++], lx->rows[i].f[0], 0);
			continue;
		}
		k = classes.n++;
		classes.e[k].key = glean_casefold(lx->rows[i].f[0],
		    strlen(lx->rows[i].f[0]), &flen);
		classes.e[k].val = 1 << c;
	}
	set_finish(&classes);
	glean_lexicon_free(lx);
}

/* ---- words ---------------------------------------------------------- */

#define NOFOLD UINT32_MAX

static void add_fold(struct word *w);

/* Word i case-folded (made on first use; the pointer stays valid for
 * the whole document). */
static const char *
wfold(size_t i, size_t *len)
{
	if (D.w[i].fold == NOFOLD)
		add_fold(&D.w[i]);
	*len = D.w[i].flen;
	return D.fold + D.w[i].fold;
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The signature of word i's fold when it is plain ASCII (then its fold
 * is its bytes lowered), without folding it; SIZE_MAX otherwise. */
static size_t
ascii_sig(size_t i)
{
	const unsigned char *s = (const unsigned char *)D.s + D.w[i].b;
	size_t k, n = D.w[i].e - D.w[i].b;

	for (k = 0; k < n; k++)
		if (s[k] >= 0x80)
			return SIZE_MAX;
	if (n == 0)
		return key_sig(0, 0, 0, 0);
	return key_sig(n, lower(s[0]), n > 1 ? lower(s[1]) : 0,
	    lower(s[n - 1]));
}

/* The value of word i's fold in ws. */
static int
wlookup(const struct wordset *ws, size_t i)
{
	size_t n, sig;
	const char *f;

	if (D.w[i].fold == NOFOLD) {
		sig = ascii_sig(i);
		if (sig != SIZE_MAX && !sig_in(ws, sig))
			return 0;
	}
	f = wfold(i, &n);
	return set_get_hashed(ws, f, n, D.w[i].hash);
}

static int
wclass(size_t i)
{
	if (D.w[i].cls < 0)
		D.w[i].cls = wlookup(&classes, i);
	return D.w[i].cls;
}

static const char *
wstem(size_t i, size_t *len)
{
	struct word *w = &D.w[i];
	const char *st;
	size_t n;

	if (w->stem < 0) {
		const char *f = wfold(i, &n);
		st = glean_stem(f, n, &n);
		w->stem = (int32_t)D.sbuf.len;
		w->slen = (uint32_t)n;
		glean_buf_add(&D.sbuf, st, n);
	}
	*len = w->slen;
	return D.sbuf.s + w->stem;
}

/*
 * Fold a word into D.fold.  The store was sized at four times the text
 * at the start of the document (case folding at most triples a
 * character), so it never moves; a fold that would not fit is cut short.
 */
static void
add_fold(struct word *w)
{
	const char *s = D.s + w->b;
	size_t n = w->e - w->b, i, fl, room;
	char *f, *o;
	const char *t;

	w->fold = (uint32_t)D.foldlen;
	room = D.foldcap - D.foldlen;
	o = D.fold + D.foldlen;
	if (n <= room) {
		/* plain ASCII, most words: lowered and hashed in one go */
		size_t h = FNV_BASIS;
		for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++) {
			o[i] = (char)lower((unsigned char)s[i]);
			h = fnv_step(h, o[i]);
		}
		if (i == n) {
			D.foldlen += n;
			w->flen = (uint32_t)n;
			w->hash = (uint32_t)h;
			return;
		}
	}
	f = glean_casefold(s, n, &fl);
	/* ’ folds as ' so that lexicon words written with ' match */
	for (t = f, i = 0; (size_t)(t - f) < fl && i < room; t++) {
		if ((size_t)(t - f) + 2 < fl && (unsigned char)t[0] == 0xe2 &&
		    (unsigned char)t[1] == 0x80 &&
		    (unsigned char)t[2] == 0x99) {
			o[i++] = '\'';
			t += 2;
		} else {
			o[i++] = *t;
		}
	}
	D.foldlen += i;
	w->flen = (uint32_t)i;
	w->hash = (uint32_t)fold_hash(o, i);
	free(f);
}

static int
is_upper_at(size_t b)
{
	int32_t cp;

	if ((unsigned char)D.s[b] < 0x80)
		return D.s[b] >= 'A' && D.s[b] <= 'Z';
	glean_utf8_next(D.s + b, D.n - b, &cp);
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

/* ASCII letters and digits. */
static const unsigned char asciiword[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1
};

static int
is_wordcp(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 0 && asciiword[cp];
	if (cp < 0)
		return 0;
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MN) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
	    c == UTF8PROC_CATEGORY_MC;
}

static int32_t
cp_at(size_t b, size_t *len)
{
	int32_t cp;
	size_t l;

	if (b >= D.n) {
		if (len)
			*len = 0;
		return -1;
	}
	if ((unsigned char)D.s[b] < 0x80) {
		if (len)
			*len = 1;
		return (unsigned char)D.s[b];
	}
	l = glean_utf8_next(D.s + b, D.n - b, &cp);
	if (len)
		*len = l;
	return cp;
}

static void
push_word(uint32_t b, uint32_t e)
{
	int cap = is_upper_at(b);

	/* kept only when listed, without a branch to mispredict */
	GROW(D.capital, D.ncapital, D.capcapital);
	D.capital[D.ncapital] = (uint32_t)D.nw;
	D.ncapital += (size_t)(cap | (D.s[b] >= '0' && D.s[b] <= '9'));
	GROW(D.w, D.nw, D.capw);
	D.w[D.nw++] = (struct word){ .b = b, .e = e, .fold = NOFOLD,
	    .stem = -1, .cls = -1, .cue = -2, .cap = (uint8_t)cap };
}

/* 0x80 in each byte of v that is an ASCII letter or digit. */
static uint64_t
alnum_bytes(uint64_t v)
{
	const uint64_t t = v & ~GLEAN_HIGHS, f = t | 0x20 * GLEAN_ONES;
	uint64_t digit, alpha;

	/* per byte, t + (0x80 - lo) reaches bit 7 when t >= lo; no carries */
	digit = (t + (0x80 - '0') * GLEAN_ONES) & ~(t + (0x7f - '9') *
	    GLEAN_ONES);
	alpha = (f + (0x80 - 'a') * GLEAN_ONES) & ~(f + (0x7f - 'z') *
	    GLEAN_ONES);
	return (digit | alpha) & ~v & GLEAN_HIGHS;
}

/*
 * Which bytes of a 64-byte block of the text are ASCII letters or digits,
 * and which may start a word (those and the non-ASCII bytes): a bit each,
 * so that the end of a word and the start of the next are found by
 * counting zeros.  Whole blocks only; the text's tail goes byte by byte.
 */
struct wordblock {
	size_t at;		/* the block's first byte; SIZE_MAX none */
	uint64_t alnum, start;
};

/* The flags of m (0x80 bytes) as bits: byte k to bit k. */
static uint64_t
flag_bits(uint64_t m)
{
	return ((m >> 7) * 0x0102040810204080ull) >> 56;
}

static void
load_block(struct wordblock *wb, size_t at)
{
	uint64_t v, a;
	size_t k;

	wb->at = at;
	wb->alnum = wb->start = 0;
	for (k = 0; k < 64; k += 8) {
		memcpy(&v, D.s + at + k, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		v = __builtin_bswap64(v);	/* the text's first byte low */
#endif
		a = alnum_bytes(v);
		wb->alnum |= flag_bits(a) << k;
		wb->start |= flag_bits((a | v) & GLEAN_HIGHS) << k;
	}
}

/* The bits of wb from byte i on (in a whole block), loaded if need be. */
static uint64_t
block_bits(struct wordblock *wb, size_t i, int start)
{
	if (wb->at != (i & ~(size_t)63))
		load_block(wb, i & ~(size_t)63);
	return (start ? wb->start : ~wb->alnum) >> (i & 63);
}

/* The first byte from i on that is not an ASCII letter or digit. */
static size_t
alnum_end(struct wordblock *wb, size_t i)
{
	const unsigned char *s = (const unsigned char *)D.s;
	uint64_t m;

	for (; (i | 63) < D.n; i = (i | 63) + 1)
		if ((m = block_bits(wb, i, 0)) != 0)
			return i + (size_t)__builtin_ctzll(m);
	while (i < D.n && s[i] < 0x80 && asciiword[s[i]])
		i++;
	return i;
}

/* The first byte from i on that is an ASCII letter or digit, or not
 * ASCII: where a word may start. */
static size_t
gap_end(struct wordblock *wb, size_t i)
{
	const unsigned char *s = (const unsigned char *)D.s;
	uint64_t m;

	for (; (i | 63) < D.n; i = (i | 63) + 1)
		if ((m = block_bits(wb, i, 1)) != 0)
			return i + (size_t)__builtin_ctzll(m);
	while (i < D.n && s[i] < 0x80 && !asciiword[s[i]])
		i++;
	return i;
}

/*
 * Our own words when there is no usable tokens layer: letters and digits,
 * with - and ' (or ’) inside; a final 's is a word of its own, as the
 * tokenizer makes it.  Runs of ASCII letters and digits, and of other
 * ASCII between them, go by the bits of a struct wordblock.
 */
static void
scan_words(void)
{
	const unsigned char *s = (const unsigned char *)D.s;
	size_t i = 0, l, l2, start;
	int32_t cp, nx;
	struct wordblock wb = { SIZE_MAX, 0, 0 };

	while ((i = gap_end(&wb, i)) < D.n) {
		if (s[i] < 0x80) {
			l = 1;
		} else {
			cp = cp_at(i, &l);
			if (!is_wordcp(cp)) {
				i += l ? l : 1;
				continue;
			}
		}
		start = i;
		for (;;) {
			i = alnum_end(&wb, i + l);
			/* most words end at a space or an ASCII stop */
			if (i >= D.n || (s[i] < 0x80 && s[i] != '-' &&
			    s[i] != '\''))
				break;
			cp = cp_at(i, &l);
			if (is_wordcp(cp))
				continue;
			if (cp == '-' || cp == '\'' || cp == 0x2019) {
				nx = cp_at(i + l, &l2);
				if (!is_wordcp(nx))
					break;
				if (cp != '-' && (nx == 's' || nx == 'S') &&
				    !is_wordcp(cp_at(i + l + l2, NULL))) {
					push_word((uint32_t)start, (uint32_t)i);
					start = i;
					i += l + l2;
					break;
				}
				continue;
			}
			break;
		}
		push_word((uint32_t)start, (uint32_t)i);
	}
}

/*
 * Words from the tokens layer: [[s,e,"kind","stem"],...] in code points.
 * Anything out of order or out of range and the layer is not used.
 */
static int
layer_words(json_t *toks, const struct offmap *om)
{
	size_t i, n, prev = 0;
	json_t *t, *js, *je, *jk, *jst;
	json_int_t s, e;
	const char *k;

	if (!json_is_array(toks))
		return -1;
	n = json_array_size(toks);
	for (i = 0; i < n; i++) {
		t = json_array_get(toks, i);
		if (!json_is_array(t) || json_array_size(t) < 3)
			goto bad;
		js = json_array_get(t, 0);
		je = json_array_get(t, 1);
		jk = json_array_get(t, 2);
		if (!json_is_integer(js) || !json_is_integer(je) ||
		    !json_is_string(jk))
			goto bad;
		s = json_integer_value(js);
		e = json_integer_value(je);
		if (s < 0 || e <= s || (size_t)e > om->ncps || (size_t)s < prev)
			goto bad;
		prev = (size_t)s;
		k = json_string_value(jk);
		if (strcmp(k, "word") != 0 && strcmp(k, "number") != 0)
			continue;
		push_word((uint32_t)om_byte(om, (size_t)s),
		    (uint32_t)om_byte(om, (size_t)e));
		jst = json_array_get(t, 3);
		if (json_is_string(jst)) {
			D.w[D.nw - 1].stem = (int32_t)D.sbuf.len;
			D.w[D.nw - 1].slen =
			    (uint32_t)json_string_length(jst);
			glean_buf_add(&D.sbuf, json_string_value(jst),
			    json_string_length(jst));
		}
	}
	return 0;
bad:
	D.nw = D.ncapital = 0;
	D.foldlen = 0;
	glean_buf_reset(&D.sbuf);
	return -1;
}

/* ---- the text ------------------------------------------------------- */

/* 0x80 in each byte of v that is zero. */
static uint64_t
zero_bytes(uint64_t v)
{
	const uint64_t low7 = ~GLEAN_HIGHS;

	return ~(((v & low7) + low7) | v | low7);
}

/*
 * One pass over the text: is it valid UTF-8, and which bytes may start a
 * quotation mark (" ' and the lead bytes of “ ” ‘ ’ „ ‚ « »)?  Those go
 * to D.cand.  Plain ASCII without marks, most of a text, goes eight
 * bytes at a time.
 */
static int
scan_text(void)
{
	const unsigned char *s = (const unsigned char *)D.s;
	size_t i = 0;
	int32_t cp;
	uint64_t v;

	D.ncand = D.nextcand = 0;
	while (i < D.n) {
		if (i + 8 <= D.n) {
			memcpy(&v, s + i, 8);
			if (!(v & GLEAN_HIGHS) &&
			    !zero_bytes(v ^ ('"' * GLEAN_ONES)) &&
			    !zero_bytes(v ^ ('\'' * GLEAN_ONES))) {
				i += 8;
				continue;
			}
		}
		if (s[i] == '"' || s[i] == '\'' || s[i] == 0xe2 ||
		    s[i] == 0xc2) {
			GROW(D.cand, D.ncand, D.capcand);
			D.cand[D.ncand++] = (uint32_t)i;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		i += glean_utf8_next(D.s + i, D.n - i, &cp);
		if (cp < 0)
			return 0;
	}
	return 1;
}

/* ---- paragraphs and sentences --------------------------------------- */

static int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0 || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200b) || cp == 0xfeff || cp == 0;
}

/* Is the character at byte i white space?  *l gets its length (0 past
 * the end of the text). */
static int
space_at(size_t i, size_t *l)
{
	unsigned char c;

	if (i < D.n && (c = (unsigned char)D.s[i]) < 0x80) {
		*l = 1;
		return c == ' ' || (c >= '\t' && c <= '\r') || c == 0;
	}
	return is_space_cp(cp_at(i, l));
}

/* Paragraphs are lines; blank lines are skipped.  Trimmed. */
static void
split_paras(void)
{
	size_t i = 0, j, b, e, l;
	int lower, upper;
	int32_t cp;
	struct para *p;
	const char *nlp;

	while (i < D.n) {
		nlp = memchr(D.s + i, '\n', D.n - i);
		j = nlp ? (size_t)(nlp - D.s) : D.n;
		b = i;
		e = j;
		while (b < e) {
			cp = cp_at(b, &l);
			if (!is_space_cp(cp))
				break;
			b += l;
		}
		while (e > b) {
			l = 1;
			while (l < e - b && ((unsigned char)D.s[e - l] & 0xc0)
			    == 0x80)
				l++;
			cp = cp_at(e - l, NULL);
			if (!is_space_cp(cp))
				break;
			e -= l;
		}
		if (e > b) {
			GROW(D.p, D.np, D.capp);
			p = &D.p[D.np++];
			p->b = (uint32_t)b;
			p->e = (uint32_t)e;
			p->heading = p->reportsec = 0;
			/* a heading: upper-case letters only */
			lower = upper = 0;
			for (l = b; l < e && !lower; l++) {
				if (D.s[l] >= 'a' && D.s[l] <= 'z')
					lower = 1;
				else if (D.s[l] >= 'A' && D.s[l] <= 'Z')
					upper++;
			}
			p->heading = !lower && upper >= 3;
		}
		i = j + 1;
	}
}

static size_t
para_of(size_t b)
{
	size_t lo = 0, hi = D.np, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.p[mid].e < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < D.np ? lo : (D.np ? D.np - 1 : 0);
}

/*
 * The punctuation gap_has looks for, a bit each.  G_E2 is the first byte
 * of U+2000..U+2FFF (dashes, curly marks, the ellipsis); G_ELLIPSIS asks
 * for … itself.
 */
enum {
	G_DOT = 1 << 0, G_EXCL = 1 << 1 /* ! ? */, G_COMMA = 1 << 2,
	G_SEMI = 1 << 3, G_COLON = 1 << 4, G_LPAREN = 1 << 5,
	G_RPAREN = 1 << 6, G_DASH = 1 << 7, G_E2 = 1 << 8,
	G_ELLIPSIS = 1 << 9,
	G_STOP = G_DOT | G_EXCL | G_ELLIPSIS,	/* a sentence end */
	G_CLAUSE = G_COMMA | G_SEMI | G_COLON | G_LPAREN | G_RPAREN | G_E2
};
static const uint16_t gapbits[256] = {
	['.'] = G_DOT, ['!'] = G_EXCL, ['?'] = G_EXCL, [','] = G_COMMA,
	[';'] = G_SEMI, [':'] = G_COLON, ['('] = G_LPAREN, [')'] = G_RPAREN,
	['-'] = G_DASH, [0xe2] = G_E2
};

/* Does s[a..b) hold one of the punctuation marks in want (G_ bits)? */
static int
gap_has(size_t a, size_t b, unsigned want)
{
	const unsigned char *s = (const unsigned char *)D.s;
	size_t i;

	if (b > D.n)
		b = D.n;
	for (i = a; i < b; i++) {
		if (gapbits[s[i]] & want)
			return 1;
		if ((want & G_ELLIPSIS) && s[i] == 0xe2 && i + 2 < D.n &&
		    s[i + 1] == 0x80 && s[i + 2] == 0xa6)
			return 1;
	}
	return 0;
}

/*
 * Each word's paragraph, whether it starts a sentence, and whether it is
 * inside a quotation (one sweep: the quotations sorted by start).
 */
static void
mark_words(void)
{
	size_t i, k, pi = 0, qi = 0;
	uint32_t qend = 0;
	struct word *w, *pw;

	for (i = 0; i < D.nw; i++) {
		w = &D.w[i];
		while (qi < D.nq && D.q[qi].tb <= w->b) {
			if (D.q[qi].te > qend)
				qend = D.q[qi].te;
			qi++;
		}
		w->inq = w->b < qend;
		while (pi + 1 < D.np && D.p[pi].e <= w->b)
			pi++;
		w->para = (uint32_t)pi;
		w->sstart = i == 0 || D.w[i - 1].para != w->para;
	}
	/* after a stop, a sentence starts with a capital or a digit */
	for (k = 0; k < D.ncapital; k++) {
		i = D.capital[k];
		w = &D.w[i];
		if (w->sstart)
			continue;
		pw = &D.w[i - 1];
		if (!gap_has(pw->e, w->b, G_STOP))
			continue;
		/* Mr. Smith, J. Smith */
		if ((wclass(i - 1) & C_TITLE) && D.s[pw->e] == '.')
			continue;
		if (pw->e - pw->b == 1 && pw->cap && D.s[pw->e] == '.')
			continue;
		w->sstart = 1;
	}
}

/* ---- marks and quotations -------------------------------------------- */

static int
is_open_punct(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{' || cp == 0x2014 ||
	    cp == 0x2013 || cp == '-' || cp == '/' || cp == '"' ||
	    cp == '\'' || cp == 0x201c || cp == 0x2018 || cp == 0x201d ||
	    cp == 0x2019 || cp == ':' || cp == 0xab;
}

static int
is_close_punct(int32_t cp)
{
	return cp == '.' || cp == ',' || cp == ';' || cp == ':' ||
	    cp == '!' || cp == '?' || cp == ')' || cp == ']' || cp == '}' ||
	    cp == 0x2026 || cp == 0x2014 || cp == 0x2013 || cp == '-' ||
	    cp == '"' || cp == '\'' || cp == 0x201c || cp == 0x201d ||
	    cp == 0x2018 || cp == 0x2019 || cp == 0xbb || cp == '/';
}

static int32_t
cp_before(size_t b, size_t lim)
{
	size_t l = 1;

	if (b <= lim)
		return -2;
	while (l < b - lim && ((unsigned char)D.s[b - l] & 0xc0) == 0x80)
		l++;
	return cp_at(b - l, NULL);
}

static int
is_alnum_cp(int32_t cp)
{
	return cp >= 0 && is_wordcp(cp);
}

/* The first byte at or after from, before pe, that may start a mark
 * (see scan_text); pe if none.  Paragraphs are asked in order. */
static size_t
next_cand(size_t from, size_t pe)
{
	while (D.nextcand < D.ncand && D.cand[D.nextcand] < from)
		D.nextcand++;
	if (D.nextcand < D.ncand && D.cand[D.nextcand] < pe)
		return D.cand[D.nextcand];
	return pe;
}

/* Classify the marks of paragraph [pb, pe) into D.mk. */
static void
find_marks(size_t pb, size_t pe)
{
	size_t i, l, j;
	int32_t cp, pv, nx;
	int dbl, glyph, lf, rf, dir, nd;
	struct mark *m;

	D.nmk = 0;
	for (i = next_cand(pb, pe); i < pe; i = next_cand(i + l, pe)) {
		cp = cp_at(i, &l);
		switch (cp) {
		case '"':	dbl = 1; glyph = 0; break;
		case 0x201c:	dbl = 1; glyph = 1; break;
		case 0x201d:	dbl = 1; glyph = 2; break;
		case 0x201e:	dbl = 1; glyph = 1; break;
		case 0xab:	dbl = 1; glyph = 1; break;
		case 0xbb:	dbl = 1; glyph = 2; break;
		case '\'':
			/* '' is a typewriter double mark */
			if (i + 1 < pe && D.s[i + 1] == '\'') {
				dbl = 1;
				l = 2;
			} else {
				dbl = 0;
			}
			glyph = 0;
			break;
		case 0x2018:	dbl = 0; glyph = 1; break;
		case 0x2019:	dbl = 0; glyph = 2; break;
		case 0x201a:	dbl = 0; glyph = 1; break;
		default:	continue;
		}
		if (l == 0)
			l = 1;
		pv = cp_before(i, pb);	/* -2 at the paragraph start */
		nx = i + l < pe ? cp_at(i + l, NULL) : -2;
		lf = !(nx == -2 || is_space_cp(nx)) &&
		    (pv == -2 || is_space_cp(pv) || is_open_punct(pv));
		rf = !(pv == -2 || is_space_cp(pv)) &&
		    (nx == -2 || is_space_cp(nx) || is_close_punct(nx));
		if (!dbl) {
			if (is_alnum_cp(pv) && is_alnum_cp(nx))
				continue;	/* don't, council's */
			if (lf && !rf && nx >= '0' && nx <= '9') {
				/* '90s, '16: an elision, not a mark */
				for (j = i + l, nd = 0; j < pe && D.s[j] >= '0'
				    && D.s[j] <= '9'; j++)
					nd++;
				if (nd <= 2)
					continue;
			}
		}
		if (lf && !rf)
			dir = OPEN;
		else if (rf && !lf)
			dir = CLOSE;
		else if (glyph == 1)
			dir = OPEN;
		else if (glyph == 2)
			dir = CLOSE;
		else
			dir = EITHER;
		GROW(D.mk, D.nmk, D.capmk);
		m = &D.mk[D.nmk++];
		m->b = (uint32_t)i;
		m->len = (uint8_t)l;
		m->dbl = (uint8_t)dbl;
		m->dir = (uint8_t)dir;
		m->glyph = (uint8_t)glyph;
	}
}

static size_t
new_quote(uint32_t ob, uint32_t tb, uint8_t dbl, uint8_t depth, size_t para)
{
	struct quote *q;

	GROW(D.q, D.nq, D.capq);
	q = &D.q[D.nq];
	memset(q, 0, sizeof(*q));
	q->ob = ob;
	q->tb = tb;
	q->dbl = dbl;
	q->depth = depth;
	q->para = q->epara = (uint32_t)para;
	q->atpara = ob == D.p[para].b;
	q->sb = q->se = q->cb = q->cend = q->pb = q->pe = -1;
	q->seg0 = D.nsegs;
	return D.nq++;
}

static void
add_seg(size_t qi, uint32_t b, uint32_t e)
{
	GROW(D.segs, D.nsegs, D.capsegs);
	D.segs[D.nsegs].b = b;
	D.segs[D.nsegs].e = e;
	D.nsegs++;
	D.q[qi].nseg++;
}

/* Is the quotation's text blank (nothing but white space)? */
static int
blank(uint32_t b, uint32_t e)
{
	size_t i, l;

	for (i = b; i < e; i += l ? l : 1)
		if (!space_at(i, &l))
			return 0;
	return 1;
}

static void
close_quote(const struct open *o, uint32_t te, uint32_t ce, size_t para,
    size_t depth)
{
	size_t qi;

	if (o->qi != SIZE_MAX) {
		qi = o->qi;
		add_seg(qi, o->tb, te);
	} else {
		if (blank(o->tb, te))
			return;
		qi = new_quote(o->mb, o->tb, o->dbl, (uint8_t)depth, para);
	}
	D.q[qi].te = te;
	D.q[qi].ce = ce;
	D.q[qi].closed = 1;
	D.q[qi].epara = (uint32_t)para;
}

/*
 * A quotation still open at the end of paragraph pi that the next one
 * does not reopen: it ends there, flagged.  A single mark that opened in
 * this paragraph was an apostrophe.
 */
static void
unclosed(const struct open *o, size_t pi)
{
	size_t qi = o->qi;

	if (qi == SIZE_MAX) {
		if (!o->dbl || blank(o->tb, D.p[pi].e))
			return;
		qi = new_quote(o->mb, o->tb, 1, 0, para_of(o->mb));
	} else {
		add_seg(qi, o->tb, D.p[pi].e);
	}
	D.q[qi].te = D.q[qi].ce = D.p[pi].e;
	D.q[qi].closed = 0;
	D.q[qi].epara = (uint32_t)pi;
}

/*
 * Pair the marks paragraph by paragraph.  An unclosed quotation whose
 * next paragraph opens with a mark of the same kind goes on; one that
 * does not is ended at its paragraph and flagged.  Unclosed single marks
 * were apostrophes after all.  Each mark is looked at once.
 */
static void
find_quotes(void)
{
	struct open st[MAXDEPTH];
	size_t ns, pi, i, k, top;
	int havecarry = 0, seen_dbl;
	struct open carry = { 0, 0, 0, SIZE_MAX };
	struct mark *m;
	struct para *p;

	for (pi = 0; pi < D.np; pi++) {
		p = &D.p[pi];
		find_marks(p->b, p->e);
		ns = 0;
		i = 0;
		if (havecarry) {
			havecarry = 0;
			if (D.nmk > 0 && D.mk[0].b == p->b &&
			    D.mk[0].dbl == carry.dbl && D.mk[0].dir != CLOSE) {
				/* the quotation goes on */
				if (carry.qi == SIZE_MAX) {
					carry.qi = new_quote(carry.mb,
					    carry.tb, carry.dbl, 0,
					    para_of(carry.mb));
				}
				add_seg(carry.qi, carry.tb, D.p[pi - 1].e);
				carry.tb = D.mk[0].b + D.mk[0].len;
				st[ns++] = carry;
				i = 1;
			} else {
				unclosed(&carry, pi - 1);
			}
		}
		seen_dbl = 0;
		for (; i < D.nmk; i++) {
			m = &D.mk[i];
			/* the innermost open mark of the same kind */
			for (k = ns; k > 0; k--)
				if (st[k - 1].dbl == m->dbl)
					break;
			top = k;
			if (!m->dbl && top > 0) {
				/* a single mark closes only inside its own
				 * double-quoted level */
				for (k = ns; k > top; k--)
					if (st[k - 1].dbl)
						break;
				if (k > top)
					top = 0;
			}
			if (m->dir == CLOSE || (m->dir == EITHER && top > 0)) {
				if (top > 0) {
					close_quote(&st[top - 1], m->b,
					    m->b + m->len, pi, top - 1);
					ns = top - 1;
				} else if (m->dbl && !seen_dbl && i == 0 &&
				    m->dir == CLOSE) {
					/* a closing mark first: from the
					 * paragraph's start */
					struct open o = { p->b, p->b, 1,
					    SIZE_MAX };
					close_quote(&o, m->b, m->b + m->len,
					    pi, 0);
				}
			} else if (m->dir == OPEN || m->dir == EITHER) {
				if (!m->dbl && m->dir == EITHER)
					continue;
				if (ns < MAXDEPTH) {
					st[ns].mb = m->b;
					st[ns].tb = m->b + m->len;
					st[ns].dbl = m->dbl;
					st[ns].qi = SIZE_MAX;
					ns++;
				}
			}
			if (m->dbl)
				seen_dbl = 1;
		}
		/* what is still open: the outermost may go on */
		if (ns > 0) {
			carry = st[0];
			havecarry = 1;
		}
	}
	if (havecarry)
		unclosed(&carry, D.np - 1);
}

static int
qcmp(const void *a, const void *b)
{
	const struct quote *x = a, *y = b;

	if (x->tb != y->tb)
		return x->tb < y->tb ? -1 : 1;
	return x->te > y->te ? -1 : x->te < y->te;
}

/* First word starting at or after byte b. */
static size_t
word_at(size_t b)
{
	size_t lo = 0, hi = D.nw, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.w[mid].b < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- mentions ----------------------------------------------------- */

static void
add_mention(uint32_t b, uint32_t e, int kind, const char *canon, size_t clen,
    uint32_t lastb, uint32_t laste)
{
	struct mention *m;

	GROW(D.m, D.nm, D.capm);
	m = &D.m[D.nm++];
	m->b = b;
	m->e = e;
	m->kind = kind;
	m->canon = canon;
	m->clen = (uint32_t)clen;
	m->lastb = lastb;
	m->laste = laste;
}

static int
mcmp(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->b < y->b ? -1 : x->b > y->b;
}

/* The mention kind of an entity kind; -1 for a role, -2 for the rest. */
static int
mention_kind(const char *k)
{
	if (strcmp(k, "person") == 0)
		return M_PERSON;
	if (strcmp(k, "organisation") == 0 || strcmp(k, "authority") == 0)
		return M_ORG;
	return strcmp(k, "role") == 0 ? -1 : -2;
}

/*
 * Entities layer: person, organisation, authority (and resolved roles).
 * The names point into the layer's arena, which lives as long as the
 * document.
 */
static int
layer_mentions(const struct glean_jv *ents, const struct offmap *om)
{
	const struct glean_jv *e, *js, *je;
	json_int_t s, en;
	const char *k, *c;
	size_t cl;
	int kind;
	uint32_t b, ee;

	if (!ents || ents->type != GLEAN_JV_ARR)
		return -1;
	D.nm = 0;
	for (e = ents->kid; e; e = e->next) {
		js = glean_jv_get(e, "start");
		je = glean_jv_get(e, "end");
		k = glean_jv_str(e, "kind");
		if (!js || js->type != GLEAN_JV_INT || !je ||
		    je->type != GLEAN_JV_INT || !k)
			continue;
		s = js->i;
		en = je->i;
		if (s < 0 || en <= s || (size_t)en > om->ncps)
			continue;
		if ((kind = mention_kind(k)) == -2)
			continue;
		b = (uint32_t)om_byte(om, (size_t)s);
		ee = (uint32_t)om_byte(om, (size_t)en);
		c = glean_jv_str(e, "canonical");
		cl = c ? strlen(c) : 0;
		if (kind == -1) {
			/* a role the layer resolved to a person */
			if (!c || (cl == ee - b &&
			    memcmp(c, D.s + b, cl) == 0))
				continue;
			kind = M_PERSON;
		}
		if (cl > 0)
			add_mention(b, ee, kind, c, cl, b, ee);
		else
			add_mention(b, ee, kind, D.s + b, ee - b, b, ee);
	}
	if (D.nm > 1)
		sort(D.m, D.nm, sizeof(*D.m), mcmp);
	return 0;
}

static int
all_caps_word(size_t i)
{
	size_t k;
	int up = 0;

	for (k = D.w[i].b; k < D.w[i].e; k++) {
		if (D.s[k] >= 'a' && D.s[k] <= 'z')
			return 0;
		if (D.s[k] >= 'A' && D.s[k] <= 'Z')
			up++;
	}
	return up >= 2;
}

/*
 * Copy text[b, e) into the names store with each run of white space made
 * one space; returns its offset.  The store was sized for the whole text
 * at the start of the document, so earlier names never move.
 */
static size_t
squeeze(size_t b, size_t e)
{
	size_t off = D.namelen, l;
	int sp = 0;
	int32_t cp;
	unsigned char c;

	while (b < e) {
		c = (unsigned char)D.s[b];
		if (c > ' ' && c < 0x80) {
			/* most of a name: ASCII letters */
			if (sp)
				D.names[D.namelen++] = ' ';
			sp = 0;
			D.names[D.namelen++] = D.s[b++];
			continue;
		}
		cp = cp_at(b, &l);
		if (l == 0)
			break;
		if (is_space_cp(cp)) {
			sp = 1;
		} else {
			if (sp)
				D.names[D.namelen++] = ' ';
			sp = 0;
			memcpy(D.names + D.namelen, D.s + b, l);
			D.namelen += l;
		}
		b += l;
	}
	D.names[D.namelen++] = '\0';
	return off;
}

/*
 * Capitalised words seen inside a sentence, a hash set of their folded
 * forms (open addressing; each slot holds a word's index + 1).
 */
static uint32_t *midcap;
static size_t nmidcap, capmidcap, maskmidcap;

/* The slot of word i's folded form: where it is, or the empty one. */
static size_t
midcap_slot(size_t i)
{
	size_t fl, gl, h;
	const char *f = wfold(i, &fl), *g;

	h = D.w[i].hash & maskmidcap;
	while (midcap[h] != 0) {
		g = wfold(midcap[h] - 1, &gl);
		if (gl == fl && memcmp(f, g, fl) == 0)
			break;
		h = (h + 1) & maskmidcap;
	}
	return h;
}

static void
collect_midcap(void)
{
	size_t i, k, n = 0, cap = 64, h;

	for (k = 0; k < D.ncapital; k++)
		n += D.w[D.capital[k]].cap & !D.w[D.capital[k]].sstart;
	nmidcap = n;
	if (n == 0)
		return;
	while (cap < 2 * n)
		cap *= 2;
	if (capmidcap < cap) {
		free(midcap);
		midcap = glean_malloc(cap * sizeof(*midcap));
		capmidcap = cap;
	}
	memset(midcap, 0, cap * sizeof(*midcap));
	maskmidcap = cap - 1;
	for (k = 0; k < D.ncapital; k++) {
		i = D.capital[k];
		if (!D.w[i].cap || D.w[i].sstart)
			continue;
		h = midcap_slot(i);
		if (midcap[h] == 0)
			midcap[h] = (uint32_t)(i + 1);
	}
}

/* Is word i's folded form also capitalised inside some sentence? */
static int
seen_inside(size_t i)
{
	return nmidcap > 0 && midcap[midcap_slot(i)] != 0;
}

/*
 * Without entities: runs of capitalised words outside quotations, titles
 * and sentence-initial function words dropped.  A lone surname takes the
 * full name of the last person with it.
 */
/* Does [b, e) overlap one of the first nent mentions (sorted)? */
static int
overlaps(uint32_t b, uint32_t e, size_t nent)
{
	size_t lo = 0, hi = nent, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.m[mid].e <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* mentions may nest: look at a few from there */
	for (hi = lo; hi < nent && hi < lo + 8; hi++)
		if (D.m[hi].b < e && D.m[hi].e > b)
			return 1;
	return 0;
}

static void
heuristic_mentions(size_t nent)
{
	size_t i, j = 0, k, a, z, nb, look, ci;
	int c, title, org, kind;
	struct mention *pm;

	collect_midcap();

	for (ci = 0; ci < D.ncapital; ci++) {
		i = D.capital[ci];
		if (i < j)
			continue;	/* taken into the last run */
		j = i + 1;
		if (!D.w[i].cap || D.w[i].inq || D.p[D.w[i].para].heading)
			continue;
		/* extend: capitalised words, connectors between them */
		while (j < D.nw && !D.w[j].inq && D.w[j].para == D.w[i].para &&
		    !D.w[j].sstart && blank(D.w[j - 1].e, D.w[j].b)) {
			if (D.w[j].cap) {
				j++;
				continue;
			}
			if ((wclass(j) & C_CONNECTOR) && j + 1 < D.nw &&
			    D.w[j + 1].cap && !D.w[j + 1].inq &&
			    blank(D.w[j].e, D.w[j + 1].b)) {
				j += 2;
				continue;
			}
			break;
		}
		a = i;
		z = j;
		title = org = 0;
		for (k = a; k < z; k++) {
			c = wclass(k);
			if (c & C_TITLE) {
				title = 1;
				a = k + 1;
			} else if (k == a && (c & C_FUNCTION)) {
				a = k + 1;
			}
		}
		while (z > a && (wclass(z - 1) & C_CONNECTOR))
			z--;
		while (a < z && (wclass(a) & C_TIME))
			a++;
		if (a >= z)
			continue;
		if (z - a == 1 && D.w[a].sstart && !title &&
		    !(wclass(a) & C_ORGWORD) && !all_caps_word(a) &&
		    !seen_inside(a))
			continue;	/* "Just ask him." */
		for (k = a; k < z; k++)
			if ((wclass(k) & (C_ORGWORD | C_SPOKES)) ||
			    all_caps_word(k))
				org = 1;
		kind = org ? M_ORG : (title || z - a >= 2) ? M_PERSON :
		    M_UNKNOWN;
		if (nent > 0 && overlaps(D.w[a].b, D.w[z - 1].e, nent))
			continue;
		if (kind != M_ORG && z - a == 1) {
			/* a surname: the last person with it */
			nb = D.w[a].e - D.w[a].b;
			/* D.m is NULL while D.nm is 0: no arithmetic on it */
			for (look = 0, pm = D.nm > 0 ? D.m + D.nm : NULL;
			    pm != NULL && pm > D.m && look < NAMEBACK;
			    look++) {
				pm--;
				if (pm->laste - pm->lastb == nb &&
				    pm->kind == M_PERSON &&
				    pm->lastb != D.w[a].b &&
				    memcmp(D.s + pm->lastb, D.s + D.w[a].b,
				    nb) == 0) {
					add_mention(D.w[a].b, D.w[a].e,
					    M_PERSON, pm->canon, pm->clen,
					    D.w[a].b, D.w[a].e);
					goto next;
				}
			}
		}
		nb = squeeze(D.w[a].b, D.w[z - 1].e);
		add_mention(D.w[a].b, D.w[z - 1].e, kind, D.names + nb,
		    D.namelen - nb - 1, D.w[z - 1].b, D.w[z - 1].e);
next:
		;
	}
}

/*
 * The names of the document, made when an attribution first looks for
 * one, so that the entities layer (reading it costs more than the rest
 * of reading a document) is read only for the documents that use it,
 * and then as text into the arena: jansson's values cost more again.
 * Making them later gives the same names: they come from the words and
 * the paragraphs, which attribute() does not change (it sets only the
 * quotations and each paragraph's reportsec).
 */
static void
need_mentions(void)
{
	const char *ents;
	size_t nent, len;

	if (D.have_mentions)
		return;
	D.have_mentions = 1;
	ents = glean_field_text(D.doc, "entities", &len);
	layer_mentions(ents ? glean_jv_parse(&D.layer, ents, len) : NULL, &OM);
	/* each name is a piece of the text, plus its NUL */
	if (D.namecap < 2 * D.n + 2) {
		D.namecap = 2 * D.n + 2;
		free(D.names);
		D.names = glean_malloc(D.namecap);
	}
	/* our own names where the entities layer has none */
	nent = D.nm;
	heuristic_mentions(nent);
	if (nent > 0 && D.nm > nent)
		qsort(D.m, D.nm, sizeof(*D.m), mcmp);
}

/* Last (or first) mention lying inside [b, e), or -1. */
static long
mention_in(uint32_t b, uint32_t e, int first)
{
	size_t lo = 0, hi = D.nm, mid;
	long best = -1;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.m[mid].b < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < D.nm && D.m[lo].b < e; lo++) {
		if (D.m[lo].e <= e) {
			best = (long)lo;
			if (first)
				break;
		}
	}
	return best;
}

/* How many mentions start before byte pos. */
static size_t
mentions_before(uint32_t pos)
{
	size_t lo = 0, hi = D.nm, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.m[mid].b < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Last mention before byte pos that fits want (M_PERSON or M_ORG). */
static long
mention_before(uint32_t pos, int want, size_t limit)
{
	size_t lo = 0, hi = D.nm, mid, look = 0;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.m[mid].e <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo > 0 && look++ < limit) {
		lo--;
		if (D.m[lo].e > pos)
			continue;
		if (D.m[lo].kind == want || D.m[lo].kind == M_UNKNOWN)
			return (long)lo;
	}
	return -1;
}

/* ---- attribution ----------------------------------------------------- */

struct attr {
	char *speaker;		/* owned */
	int64_t sb, se;
	int64_t pb, pe;		/* the whole phrase naming the speaker */
	int64_t cb, ce;
	int kind;
	int person;
};

static void
attr_clear(struct attr *a)
{
	a->speaker = NULL;
	a->sb = a->se = a->cb = a->ce = a->pb = a->pe = -1;
	a->kind = K_SPEECH;
	a->person = 0;
}

static int clause_break(size_t i);

static int
is_pronoun(size_t i)
{
	return wlookup(&prons, i) != P_NONE;
}

/* Is word i the clitic 's? */
static int
is_possessive(size_t i)
{
	size_t n;
	const char *f = wfold(i, &n);

	return n == 2 && f[0] == '\'' && f[1] == 's';
}

/*
 * The cue starting at word i: its index, or -1; *nw gets its length.
 * The first word matches by stem, but only as the lexicon's word or an
 * inflection of its stem: "ad" shares the stem of "added", "commenter"
 * that of "comment".  After a determiner or a possessive it is a noun
 * ("the remarks", "Trump's remarks").
 */
static long cue_find(size_t i, size_t *nw);

static long
cue_at(size_t i, size_t *nw)
{
	long k;
	size_t n = 1;

	if (D.w[i].cue == -2) {
		k = cue_find(i, &n);
		D.w[i].cue = (int16_t)k;
		D.w[i].cuen = (int16_t)n;
	}
	*nw = (size_t)D.w[i].cuen;
	return D.w[i].cue;
}

/* The first cue whose stem is st[0..sl), by binary search. */
static size_t
cue_first(const char *st, size_t sl)
{
	size_t lo = 0, hi = ncues, mid, n;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		n = cues[mid].slen < sl ? cues[mid].slen : sl;
		c = memcmp(cues[mid].w[0], st, n);
		if (c == 0)
			c = (cues[mid].slen > sl) - (cues[mid].slen < sl);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Has f[0..n) a cue's stem as a proper prefix? */
static int
has_cue_stem(const char *f, size_t n)
{
	size_t l, h = FNV_BASIS;

	/* the prefixes' hashes made on the way */
	for (l = 1; l < n && l <= cuestemmax; l++) {
		h = fnv_step(h, f[l - 1]);
		if (set_get_hashed(&cuestems, f, l, h))
			return 1;
	}
	return 0;
}

/*
 * The stem of word i (folded: f[0..n)) when it may begin a cue, else
 * NULL.  A cue's first word matches as the lexicon's word or as a longer
 * word that begins with the cue's stem, so any other word need not be
 * stemmed; the lexicon's own first words have their stems already.
 */
static const char *
cue_stem(size_t i, const char *f, size_t n, size_t *sl)
{
	int k = set_get_hashed(&cuefirst, f, n, D.w[i].hash);

	if (k > 0) {
		*sl = cues[k - 1].slen;
		return cues[k - 1].w[0];
	}
	if (!set_get_hashed(&cuetexts, f, n, D.w[i].hash) &&
	    !has_cue_stem(f, n))
		return NULL;
	return wstem(i, sl);
}

static long
cue_find(size_t i, size_t *nw)
{
	size_t sl, k, j, fl, fl0;
	const char *st, *f, *f0;

	if (D.w[i].inq)
		return -1;
	f0 = wfold(i, &fl0);
	/* most words cannot be a cue: skip their stemming */
	if (fl0 < 2 || !cue2[(unsigned char)f0[0]][(unsigned char)f0[1] & 0x7f])
		return -1;
	if (i > 0 && !clause_break(i) && ((wclass(i - 1) & (C_DET | C_PREP)) ||
	    is_possessive(i - 1)))
		return -1;
	if (!(st = cue_stem(i, f0, fl0, &sl)))
		return -1;
	for (k = cue_first(st, sl); k < ncues; k++) {
		if (cues[k].slen != sl || memcmp(cues[k].w[0], st, sl) != 0)
			break;
		if (!(fl0 == cues[k].tlen &&
		    memcmp(f0, cues[k].text, fl0) == 0) && (fl0 <= sl ||
		    memcmp(f0, st, sl) != 0 || (fl0 > 3 &&
		    memcmp(f0 + fl0 - 2, "er", 2) == 0) || (fl0 > 4 &&
		    memcmp(f0 + fl0 - 3, "ers", 3) == 0)))
			continue;
		for (j = 1; j < cues[k].nw; j++) {
			if (i + j >= D.nw || D.w[i + j].inq)
				break;
			f = wfold(i + j, &fl);
			if (strlen(cues[k].w[j]) != fl ||
			    memcmp(cues[k].w[j], f, fl) != 0)
				break;
		}
		if (j == cues[k].nw) {
			*nw = cues[k].nw;
			return (long)k;
		}
	}
	return -1;
}

/* Report cue inside words [a, z): the phrase index, or -1. */
static long
rcue_in(size_t a, size_t z, size_t *at, size_t *len)
{
	size_t i, k, j, fl;
	const char *f;

	for (i = a; i < z; i++) {
		if (!wlookup(&rcuefirst, i))
			continue;	/* no report cue starts here */
		for (k = 0; k < nrcues; k++) {
			for (j = 0; j < rcues[k].nw && i + j < z; j++) {
				f = wfold(i + j, &fl);
				if (strlen(rcues[k].w[j]) != fl ||
				    memcmp(rcues[k].w[j], f, fl) != 0)
					break;
			}
			if (j == rcues[k].nw) {
				*at = i;
				*len = j;
				return (long)k;
			}
		}
	}
	return -1;
}

/* The most recent speakers, for pronouns. */
struct recent {
	int valid;
	uint32_t pos;
	const char *name;	/* points into a quote's speaker */
	int kind;
};
static struct recent last_person, last_body;

static void
set_speaker(struct attr *a, const char *s, size_t n, int64_t b, int64_t e)
{
	free(a->speaker);
	a->speaker = glean_strndup(s, n);
	a->sb = a->pb = b;
	a->se = a->pe = e;
}

/* Resolve the pronoun at word i (class c). */
static int
resolve_pronoun(size_t i, int c, struct attr *a)
{
	long m;
	uint32_t pos = D.w[i].b;
	const struct recent *r;

	if (c == P_SELF || c == P_NONE)
		return 0;
	if (c == P_PERSON) {
		m = mention_before(pos, M_PERSON, 64);
		r = &last_person;
	} else {
		m = mention_before(pos, M_ORG, 64);
		r = &last_body;
		if (c == P_GROUP && last_person.valid &&
		    last_person.kind == K_REPORT &&
		    (!r->valid || last_person.pos > r->pos))
			r = &last_person;
	}
	if (r->valid && (m < 0 || r->pos >= D.m[m].b)) {
		set_speaker(a, r->name, strlen(r->name), D.w[i].b, D.w[i].e);
		a->kind = r->kind == K_REPORT ? K_REPORT : a->kind;
		a->person = c == P_PERSON;
		return 1;
	}
	if (m >= 0) {
		set_speaker(a, D.m[m].canon, D.m[m].clen, D.w[i].b, D.w[i].e);
		a->person = D.m[m].kind != M_ORG;
		return 1;
	}
	return 0;
}

/* Is there a comma (or other clause break) between words i-1 and i? */
static int
clause_break(size_t i)
{
	return i > 0 && gap_has(D.w[i - 1].e, D.w[i].b, G_CLAUSE);
}

/*
 * The role named by words [a, z) ("the chief executive of X", "the
 * director"): the index of its last word, or -1.  The role is the first
 * run of lower-case words after a determiner.
 */
static long
role_head(size_t a, size_t z)
{
	size_t i = a;
	long head = -1;

	if (!(wclass(i) & C_DET))
		return -1;
	i++;
	while (i < z && D.w[i].cap && i + 1 < z && D.w[i + 1].e -
	    D.w[i + 1].b <= 3 && D.s[D.w[i + 1].b] == '\'')
		i += 2;		/* the authority's */
	for (; i < z; i++) {
		if (D.w[i].cap || (wclass(i) & (C_FUNCTION | C_DET | C_AUX |
		    C_CONNECTOR | C_TIME)))
			break;
		head = (long)i;
	}
	return head;
}

/*
 * A person named with the role word h elsewhere in the document:
 * "chief executive Clare Marchant", "Julia Hassall, director of ...".
 * The nearest such mention to word h, within a bounded window.
 */
static long
role_link(size_t h)
{
	size_t fl, lo = 0, hi = D.nm, mid, k, wi, j;
	const char *f = wfold(h, &fl), *g;
	size_t gl;
	long best = -1;
	size_t bestd = SIZE_MAX, d;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (D.m[mid].b < D.w[h].b)
			lo = mid + 1;
		else
			hi = mid;
	}
	k = lo > 100 ? lo - 100 : 0;
	for (; k < D.nm && k < lo + 100; k++) {
		if (D.m[k].kind != M_PERSON)
			continue;
		d = D.m[k].b > D.w[h].b ? D.m[k].b - D.w[h].b :
		    D.w[h].b - D.m[k].b;
		if (d >= bestd)
			continue;
		wi = word_at(D.m[k].b);
		/* the role just before the name */
		if (wi > 0 && wi - 1 != h) {
			g = wfold(wi - 1, &gl);
			if (gl == fl && memcmp(f, g, fl) == 0) {
				best = (long)k;
				bestd = d;
				continue;
			}
		}
		/* or after it: "Name, (the council's) role" */
		wi = word_at(D.m[k].e);
		if (wi >= D.nw || !clause_break(wi))
			continue;
		for (j = wi; j < D.nw && j < wi + 6; j++) {
			if (j > wi && clause_break(j))
				break;
			g = wfold(j, &gl);
			if (j != h && gl == fl && memcmp(f, g, fl) == 0) {
				best = (long)k;
				bestd = d;
				break;
			}
		}
	}
	return best;
}

/*
 * Who the words [a, z) name: a report cue, a mention (entities or our
 * capitalised runs), a pronoun, a definite description naming an earlier
 * body ("the council"), or failing those the words themselves.  Returns 0
 * when the words cannot be a speaker.
 */
/* Does word i look like a verb: an auxiliary, a cue, a past tense? */
static int
verbish(size_t i)
{
	size_t fl, n;
	const char *f = wfold(i, &fl);

	if (D.w[i].cap)
		return 0;
	return (wclass(i) & C_AUX) || cue_at(i, &n) >= 0 ||
	    (fl > 3 && memcmp(f + fl - 2, "ed", 2) == 0);
}

static int
resolve_np(size_t a, size_t z, struct attr *a_out, int flags)
{
	long m, rc;
	size_t i, at = 0, len = 0, fl, k;
	int c, spokes = 0;
	const char *f;

	if (a >= z)
		return 0;
	if (z - a > CHUNKMAX)
		a = z - CHUNKMAX;
	for (i = a; i < z; i++)
		if (D.w[i].inq)
			return 0;
	for (i = a; i < z; i++)
		if (wclass(i) & C_SPOKES)
			spokes = 1;
	need_mentions();
	m = mention_in(D.w[a].b, D.w[z - 1].e, flags & NP_FIRST);
	if (m >= 0 && !(flags & NP_FIRST)) {
		/* "Paddy Cleary from Unison": the person the phrase opens
		 * with */
		long m0 = mention_in(D.w[a].b, D.w[z - 1].e, 1);
		size_t a0 = a;
		while (a0 < z && (wclass(a0) & (C_DET | C_TITLE)))
			a0++;
		if (m0 >= 0 && m0 != m && D.m[m0].kind == M_PERSON &&
		    D.m[m0].b == D.w[a0].b)
			m = m0;
	}
	rc = rcue_in(a, z, &at, &len);
	if (rc >= 0) {
		a_out->kind = K_REPORT;
		if (m < 0 || (D.m[m].b >= D.w[at].b &&
		    D.m[m].e <= D.w[at + len - 1].e)) {
			if (rcues[rc].speaker) {
				set_speaker(a_out, rcues[rc].speaker,
				    strlen(rcues[rc].speaker), D.w[a].b,
				    D.w[z - 1].e);
				return 1;
			}
		}
	}
	if (!spokes && (m < 0 || (D.m[m].b > D.w[a].b &&
	    (wclass(word_at(D.m[m].b) - 1) & C_CONNECTOR)))) {
		/* "the chief executive of X", "the director": a person */
		long h = role_head(a, z), r;
		if (h >= 0 && (r = role_link((size_t)h)) >= 0) {
			set_speaker(a_out, D.m[r].canon, D.m[r].clen,
			    D.w[a].b, D.w[h].e);
			a_out->person = 1;
			return 1;
		}
	}
	if (m >= 0 && !spokes && z - a <= 8) {
		/* "a Mexican official", "the council's director": the name
		 * only qualifies the phrase */
		size_t nx = word_at(D.m[m].e);
		int poss = nx < z && is_possessive(nx);
		if (poss)
			nx++;
		if (nx < z && !D.w[nx].cap && !(wclass(nx) & (C_FUNCTION |
		    C_CONNECTOR | C_AUX | C_DET)) && !is_possessive(nx) &&
		    !is_pronoun(nx) && (poss || ((wclass(a) & C_DET) &&
		    D.m[m].b > D.w[a].b)))
			m = -1;
	}
	if (m >= 0) {
		set_speaker(a_out, D.m[m].canon, D.m[m].clen, D.m[m].b,
		    D.m[m].e);
		a_out->person = spokes || D.m[m].kind != M_ORG;
		if (!(flags & NP_FIRST) && z - a <= 8) {
			a_out->pb = D.w[a].b;
			a_out->pe = D.w[z - 1].e;
		}
		return 1;
	}
	if (flags & NP_NAME)
		return 0;
	/* a pronoun, last in the phrase or first */
	for (k = 0; k < 2; k++) {
		i = k == 0 ? z - 1 : a;
		c = wlookup(&prons, i);
		if (c != P_NONE) {
			if (resolve_pronoun(i, c, a_out)) {
				a_out->pb = D.w[i].b;
				a_out->pe = D.w[i].e;
				return 1;
			}
			set_speaker(a_out, D.s + D.w[i].b,
			    D.w[i].e - D.w[i].b, D.w[i].b, D.w[i].e);
			return 1;
		}
	}
	/* "Bryne went on to say": a name alone at the sentence start,
	 * which the mentions pass over ("Just ask him.") */
	if (z - a >= 2 && D.w[a].cap && D.w[a].sstart && !D.w[a + 1].cap &&
	    !is_possessive(a + 1) && !(wclass(a) & (C_FUNCTION | C_TIME |
	    C_DET | C_TITLE | C_CONJ | C_PREP | C_AUX | C_REL)) &&
	    !(flags & NP_FIRST) && verbish(a + 1)) {
		set_speaker(a_out, D.s + D.w[a].b, D.w[a].e - D.w[a].b,
		    D.w[a].b, D.w[a].e);
		a_out->person = 1;
		return 1;
	}
	/* "the council": the last body named with that head word */
	for (k = z - a > 3 ? z - 3 : a; k + 1 < z; k++)
		if (wclass(k) & C_DET)
			break;
	if (k + 1 < z && (wclass(k) & C_DET)) {
		size_t look = 0;
		f = wfold(z - 1, &fl);
		for (m = (long)mentions_before(D.w[k].b) - 1; m >= 0 &&
		    look < 200; m--, look++) {
			if (D.m[m].e > D.w[k].b || D.m[m].kind != M_ORG)
				continue;
			if (D.m[m].laste - D.m[m].lastb == fl &&
			    strncasecmp(D.s + D.m[m].lastb, f, fl) == 0) {
				set_speaker(a_out, D.m[m].canon, D.m[m].clen,
				    D.w[a].b, D.w[z - 1].e);
				return 1;
			}
		}
	}
	if (!(flags & NP_LOOSE) && z - a <= 4) {
		/* capitalised words not taken for a name: still a name */
		for (i = a; i < z; i++)
			if (!D.w[i].cap || (wclass(i) & (C_FUNCTION | C_TIME)))
				break;
		if (i == z) {
			set_speaker(a_out, D.s + D.w[a].b,
			    D.w[z - 1].e - D.w[a].b, D.w[a].b, D.w[z - 1].e);
			a_out->person = 1;
			return 1;
		}
	}
	if (!(flags & NP_LOOSE) || z - a > 6)
		return a_out->kind == K_REPORT;
	/* the words themselves ("the official", "a source", "officials",
	 * "Leaders of the organization") */
	c = wclass(a);
	if (!(c & C_DET)) {
		if (z - a > 3 || (c & (C_FUNCTION | C_AUX | C_CONJ | C_TIME)) ||
		    (wclass(z - 1) & (C_FUNCTION | C_AUX | C_CONJ | C_TIME)))
			return a_out->kind == K_REPORT;
		for (i = a; i < z; i++)
			if ((D.s[D.w[i].b] >= '0' && D.s[D.w[i].b] <= '9') ||
			    (wclass(i) & C_AUX))
				return a_out->kind == K_REPORT;
	}
	set_speaker(a_out, D.s + D.w[a].b, D.w[z - 1].e - D.w[a].b,
	    D.w[a].b, D.w[z - 1].e);
	a_out->person = spokes;
	return 1;
}

/* Is word i a lower-case -ing or -ed form ("hoping", "angered")? */
static int
participle(size_t i)
{
	size_t fl;
	const char *f = wfold(i, &fl);

	if (D.w[i].cap || fl < 5)
		return 0;
	return memcmp(f + fl - 3, "ing", 3) == 0 ||
	    memcmp(f + fl - 2, "ed", 2) == 0;
}

/* Is word i a number, as an age ("Haines, 44, of Leeds")? */
static int
age(size_t i)
{
	return D.s[D.w[i].b] >= '0' && D.s[D.w[i].b] <= '9';
}

static int subject_before(size_t ci, size_t lim, struct attr *a);

/* X of "X, role, said": a name or a pronoun, not any words. */
static int
subject_strict(size_t ci, size_t lim, struct attr *a, int flags)
{
	size_t s = ci;

	while (s > lim && !D.w[s - 1].inq && ci - s < CHUNKMAX) {
		s--;
		if (D.w[s].sstart || clause_break(s))
			break;
	}
	if (s == ci)
		return 0;
	return resolve_np(s, ci, a, flags);
}

/*
 * The subject of the cue at word ci: words back from ci to the start of
 * the clause, over auxiliaries ("has also said").  "X, role, said": the
 * role is skipped for X when X names someone.  A participle after a comma
 * (", saying") or a second verb ("but called it") looks further back for
 * the sentence's subject, its first name.
 */
static int
subject_before(size_t ci, size_t lim, struct attr *a)
{
	size_t z, s, s0, k, chunks = 0, fl;
	int appos, part, conj, flags;
	const char *f = wfold(ci, &fl);

	part = fl > 3 && memcmp(f + fl - 3, "ing", 3) == 0;
	z = ci;
	while (ci > lim && !D.w[ci - 1].inq && !D.w[ci].sstart &&
	    !clause_break(ci) && (wclass(ci - 1) & C_AUX))
		ci--;
	appos = clause_break(ci);
	if (part && (appos || (z == ci && ci > lim && !D.w[ci - 1].inq &&
	    (wclass(ci - 1) & (C_FUNCTION | C_CONJ)) &&
	    !is_pronoun(ci - 1)))) {
		/* ", saying": the subject of an earlier cue, if any */
		for (k = ci; k > lim; k--) {
			size_t n;
			if (D.w[k - 1].inq)
				continue;
			if (cue_at(k - 1, &n) >= 0 && k - 1 < ci) {
				if (subject_before(k - 1, lim, a))
					return 1;
				break;
			}
		}
	} else {
		part = 0;
	}
	z = ci;
	while (z > lim && chunks < 6) {
		/* one chunk: back to a clause break or the sentence start */
		s = z;
		while (s > lim && !D.w[s - 1].inq) {
			s--;
			if (D.w[s].sstart || clause_break(s))
				break;
		}
		if (s == z) {
			if (!part || s <= lim)
				break;
			/* skip a quotation inside the sentence */
			while (z > lim && D.w[z - 1].inq)
				z--;
			chunks++;
			continue;
		}
		s0 = s;
		for (k = s; k < z; k++) {
			size_t n;
			if (!part && cue_at(k, &n) >= 0)
				s = k + 1;
		}
		conj = s < z && (wclass(s) & C_CONJ);
		while (s < z && (wclass(s) & (C_CONJ | C_AUX)))
			s++;
		if (s < z) {
			if (appos && chunks == 0 && !part) {
				/* X, role, said: try X first */
				struct attr t;
				attr_clear(&t);
				if (s0 > lim && clause_break(s0) &&
				    !D.w[s0].sstart &&
				    subject_strict(s0, lim, &t,
				    (wclass(s0) & C_REL) || participle(s0) ||
				    s0 < s ? NP_LOOSE : 0)) {
					free(a->speaker);
					*a = t;
					a->pe = D.w[z - 1].e;
					return 1;
				}
				free(t.speaker);
			}
			flags = part ? NP_FIRST : NP_LOOSE;
			if (resolve_np(s, z, a, flags))
				return 1;
		} else if (conj) {
			part = 1;
		}
		chunks++;
		if (D.w[s].sstart || s <= lim)
			break;
		if (!part && !appos)
			break;
		z = s;
		while (z > s && D.w[z - 1].inq)
			z--;
	}
	return 0;
}

/*
 * The speaker's phrase goes on over an appositive after a comma: "Kaine,
 * a former party chairman"; "Haines, 44"; "X, who ran against Y".
 */
static void
appositive(size_t z, size_t lim, struct attr *at)
{
	size_t e;
	int paren, c;

	if (at->pe < 0)
		return;
	/* one appositive after another: "Misha Shah, 32, of Chicago, an
	 * account executive"; "Rep. Bobby Scott (D-Va.)"; "Sen. Lindsey
	 * Graham, R-S.C." */
	while (z < lim && clause_break(z) && !D.w[z].inq && !D.w[z].sstart) {
		paren = gap_has(D.w[z - 1].e, D.w[z].b, G_LPAREN);
		if (!paren && !gap_has(D.w[z - 1].e, D.w[z].b, G_COMMA))
			break;
		c = wclass(z);
		if (!paren && D.w[z].cap && !(c & C_DET) &&
		    !memchr(D.s + D.w[z].b, '-', D.w[z].e - D.w[z].b))
			break;
		if (participle(z) || (c & (C_CONJ | C_AUX)) ||
		    ((c & C_PREP) && !(age(z - 1) && (c & C_CONNECTOR))))
			break;		/* ", speaking to CNN", ", in a ..." */
		for (e = z + 1; e < lim && e - z < 2 * CHUNKMAX &&
		    !D.w[e].inq && !D.w[e].sstart && !clause_break(e); e++)
			;
		at->pe = D.w[e - 1].e;
		z = e;
	}
}

/* Words [a, z) after a cue, up to a clause break: the speaker follows. */
static int
subject_after(size_t a, size_t lim, struct attr *at)
{
	size_t z = a;

	/* up to a clause break, or a preposition after the name ("said
	 * Paul Ryan in a statement") */
	while (z < lim && z - a < CHUNKMAX && !D.w[z].inq &&
	    (z == a || (!clause_break(z) && !D.w[z].sstart &&
	    ((wclass(z) & (C_FUNCTION | C_DET)) != C_FUNCTION ||
	    !D.w[z - 1].cap))))
		z++;
	if (!resolve_np(a, z, at, NP_LOOSE))
		return 0;
	if (at->pe >= 0 && at->pb >= D.w[a].b) {
		at->pb = D.w[a].b;
		at->pe = D.w[z - 1].e;
	}
	appositive(z, lim, at);
	return 1;
}

/* A report cue ("found") makes a body's words a finding. */
static void
set_cue(struct attr *a, long k, size_t ci, size_t n)
{
	a->cb = D.w[ci].b;
	a->ce = D.w[ci + n - 1].e;
	if (cues[k].kind == K_REPORT && a->speaker && !a->person)
		a->kind = K_REPORT;
}

/* Does the quotation's text end with , . ! ? ; (marks and spaces off)? */
static int
ends_clause(const struct quote *q)
{
	size_t e = q->te, l;
	int32_t cp;

	while (e > q->tb) {
		l = 1;
		while (l < e - q->tb && ((unsigned char)D.s[e - l] & 0xc0) ==
		    0x80)
			l++;
		cp = cp_at(e - l, NULL);
		if (cp == ',' || cp == '.' || cp == '!' || cp == '?' ||
		    cp == ';' || cp == 0x2026)
			return 1;
		if (!is_space_cp(cp) && cp != '\'' && cp != '"' &&
		    cp != 0x2019 && cp != 0x201d)
			return 0;
		e -= l;
	}
	return 0;
}

/* The last character of the quotation's text, marks and spaces off. */
static int32_t
last_cp(const struct quote *q)
{
	size_t e = q->te, l;
	int32_t cp;

	while (e > q->tb) {
		l = 1;
		while (l < e - q->tb && ((unsigned char)D.s[e - l] & 0xc0) ==
		    0x80)
			l++;
		cp = cp_at(e - l, NULL);
		if (!is_space_cp(cp) && cp != '\'' && cp != '"' &&
		    cp != 0x2019 && cp != 0x201d)
			return cp;
		e -= l;
	}
	return 0;
}

/*
 * After the closing mark: `, she said`, `," said X`, `, X, the role,
 * said`, `, according to X`.  Only where the quotation ends a clause
 * (a comma or a stop inside or just after it), or the cue follows at once.
 */
static int
attr_right(const struct quote *q, struct attr *a)
{
	size_t w0 = word_at(q->ce), i, n, end, z;
	long k;
	int newsent, punct, flags;

	if (w0 >= D.nw || D.w[w0].para != q->epara || D.w[w0].inq)
		return 0;
	if (wclass(w0) & C_CONJ)
		return 0;
	newsent = D.w[w0].sstart || gap_has(q->ce, D.w[w0].b, G_STOP);
	punct = newsent || ends_clause(q) ||
	    gap_has(q->ce, D.w[w0].b, G_COMMA | G_DOT | G_EXCL | G_SEMI |
	    G_DASH | G_E2);
	end = w0;
	while (end < D.nw && end - w0 < 2 * CHUNKMAX &&
	    D.w[end].para == q->epara && !D.w[end].inq &&
	    (end == w0 || !D.w[end].sstart))
		end++;
	for (i = w0; i < end && i - w0 <= 2 * CHUNKMAX; i++) {
		k = cue_at(i, &n);
		if (k < 0)
			continue;
		if (i != w0 && !punct && !(i + n >= D.nw ||
		    D.w[i + n].para != q->epara || D.w[i + n].sstart))
			return 0;	/* unless the cue ends the sentence */
		if (newsent && i + n < D.nw && D.w[i + n].para == q->epara &&
		    !D.w[i + n].sstart &&
		    !gap_has(D.w[i + n - 1].e, D.w[i + n].b,
		    G_COMMA | G_DOT)) {
			/* "..." He said.  The cue must end the sentence, or
			 * go on with a preposition ("said to People") */
			int c = wclass(i + n);
			size_t fl;
			const char *f = wfold(i + n, &fl);
			if (cues[k].after < 0 && i > w0) {
				/* "..." Obama asked Republicans. */
			} else if (!(c & C_FUNCTION) || (c & C_DET) ||
			    is_pronoun(i + n) || (fl == 4 &&
			    memcmp(f, "that", 4) == 0)) {
				return 0;
			}
		}
		if (i == w0 || cues[k].after > 0) {
			if (subject_after(i + n, end, a)) {
				set_cue(a, k, i, n);
				return 1;
			}
			if (i != w0)
				return 0;
			continue;
		}
		/* words before the cue, cut at the first comma */
		z = w0 + 1;
		while (z < i && !clause_break(z))
			z++;
		while (z > w0 + 1 && (wclass(z - 1) & C_AUX))
			z--;
		flags = NP_LOOSE;
		if (!punct) {
			/* `"..." the Post's editor Steven Ginsberg
			 * responded.`: a name, and nothing else */
			flags = NP_NAME;
			for (z = w0; z < i; z++)
				if ((wclass(z) & (C_CONJ | C_PREP)) ||
				    D.w[z].inq)
					return 0;
		}
		if (resolve_np(w0, z, a, flags)) {
			set_cue(a, k, i, n);
			if (a->pe >= 0 && a->pb == D.w[w0].b) {
				/* "X, the role, said" */
				z = i;
				while (z > w0 + 1 && (wclass(z - 1) & C_AUX))
					z--;
				a->pe = D.w[z - 1].e;
			}
			return 1;
		}
		return 0;
	}
	/* `"...," Bolton charged.`: a verb the lexicon lacks, after a
	 * quotation ending in a comma and a name or a pronoun */
	if (last_cp(q) != ',' && (D.w[w0].sstart || (last_cp(q) != '?' &&
	    last_cp(q) != '!')))
		return 0;
	if (wclass(w0) & C_REL)
		return 0;
	if (is_pronoun(w0)) {
		z = w0 + 1;
	} else {
		for (z = w0; z < end && z - w0 < 6 && (D.w[z].cap ||
		    is_possessive(z) || (wclass(z) & (C_DET | C_TITLE))) &&
		    !(wclass(z) & C_TIME); z++)
			;
	}
	if (z == w0 || z >= end || D.w[z].cap || clause_break(z) ||
	    is_possessive(z) || (wclass(z) & (C_FUNCTION | C_DET | C_PREP |
	    C_CONJ | C_TIME | C_REL)))
		return 0;
	return resolve_np(w0, z, a, is_pronoun(w0) ? 0 : NP_NAME);
}

/*
 * Before the opening mark, within its sentence: the nearest cue and its
 * subject ("X said:", "X said the plan was '...'", "said X: '...'",
 * "according to X, '...'"), or a colon after a name ("Trump: '...'").
 */
static int
attr_left(const struct quote *q, struct attr *a)
{
	size_t wq = word_at(q->ob), j, lim, n, i, ci, look;
	long k;
	int colon, dash;

	if (wq == 0)
		return 0;
	j = wq - 1;
	if (D.w[j].para != q->para || D.w[j].inq)
		return 0;
	if (gap_has(D.w[j].e, q->ob, G_STOP))
		return 0;
	colon = gap_has(D.w[j].e, q->ob, G_COLON);
	dash = gap_has(D.w[j].e, q->ob, G_DASH | G_E2);
	/* the sentence start */
	lim = j;
	look = 0;
	while (lim > 0 && !D.w[lim].sstart && look < WINDOW) {
		if (D.w[lim - 1].inq) {
			/* skip an earlier quotation in the sentence */
			while (lim > 0 && D.w[lim - 1].inq)
				lim--;
			if (lim == 0 || D.w[lim - 1].para != q->para)
				break;
			continue;
		}
		lim--;
		look++;
	}
	for (ci = j + 1; ci > lim; ci--) {
		if (D.w[ci - 1].inq)
			continue;
		k = cue_at(ci - 1, &n);
		if (k < 0)
			continue;
		i = ci - 1;
		if (cues[k].after > 0 || (cues[k].after == 0 && i + n <= j &&
		    colon)) {
			/* according to X, / said X: */
			size_t z = i + n;
			while (z <= j && !clause_break(z) && z - i < CHUNKMAX)
				z++;
			if (z > j && resolve_np(i + n, z, a, cues[k].after > 0 ?
			    NP_LOOSE : NP_NAME)) {
				set_cue(a, k, i, n);
				return 1;
			}
			if (cues[k].after > 0)
				return 0;
		}
		if (subject_before(i, lim, a)) {
			set_cue(a, k, i, n);
			return 1;
		}
		/* a cue without a subject: look further back */
	}
	if (colon || dash) {
		/* Name: "..."; Trump also said this -- "..." */
		size_t s = j;
		while (s > lim && !clause_break(s) && !D.w[s].sstart &&
		    j - s < 5)
			s--;
		if (resolve_np(s, j + 1, a, 0))
			return 1;
		if (dash || colon) {
			s = lim;
			while (s <= j && D.w[s].inq)
				s++;
			if (s <= j && resolve_np(s, j + 1, a, NP_FIRST))
				return 1;
		}
	}
	return 0;
}

/*
 * The sentence goes on after the quotation and ends with the attribution:
 * `"..." and against the law, Clinton said.`
 */
static int
attr_final(const struct quote *q, struct attr *a)
{
	size_t w0 = word_at(q->ce), e, c, n;
	long k;

	if (w0 >= D.nw || D.w[w0].para != q->epara || D.w[w0].inq ||
	    D.w[w0].sstart)
		return 0;
	for (e = w0; e + 1 < D.nw && e - w0 < WINDOW; e++) {
		if (D.w[e + 1].para != q->epara || D.w[e + 1].sstart)
			break;
		if (D.w[e + 1].inq)
			return 0;
	}
	if (e + 1 < D.nw && D.w[e + 1].para == q->epara &&
	    !D.w[e + 1].sstart)
		return 0;	/* the sentence is too long */
	if (!gap_has(D.w[e].e, e + 1 < D.nw ? D.w[e + 1].b : D.n, G_STOP) &&
	    (e + 1 < D.nw && D.w[e + 1].para == q->epara))
		return 0;
	for (c = e; c > w0 && !clause_break(c); c--)
		;
	if (c == w0 || e - c > 6)
		return 0;
	/* no other cue between the quotation and the last clause */
	for (n = w0; n < c; n++) {
		size_t nn;
		if (cue_at(n, &nn) >= 0)
			return 0;
	}
	if ((k = cue_at(e, &n)) >= 0 && n == 1 && e > c &&
	    resolve_np(c, e, a, NP_LOOSE)) {
		set_cue(a, k, e, 1);
		return 1;
	}
	if ((k = cue_at(c, &n)) >= 0 && c + n <= e &&
	    subject_after(c + n, e + 1, a)) {
		set_cue(a, k, c, n);
		return 1;
	}
	return 0;
}

/*
 * A quotation that opens a sentence after one naming no other speaker:
 * the subject of that sentence, in the same paragraph ("Clinton touted
 * her record. '...'", "His campaign protested: '...'").
 */
static int
attr_prev(const struct quote *q, struct attr *a)
{
	size_t wq = word_at(q->ob), j, s, z;

	if (wq == 0 || wq > D.nw)
		return 0;
	j = wq - 1;
	if (D.w[j].para != q->para || D.w[j].inq ||
	    !gap_has(D.w[j].e, q->ob, G_STOP | G_COLON))
		return 0;
	for (s = j; s > 0 && !D.w[s].sstart && j - s < WINDOW; s--)
		if (D.w[s - 1].para != q->para || D.w[s - 1].inq)
			return 0;
	if (!D.w[s].sstart)
		return 0;
	/* the noun phrase the sentence opens with */
	z = s;
	while (z <= j && z - s < 6 && (D.w[z].cap || is_possessive(z) ||
	    (wclass(z) & (C_DET | C_TITLE))) && !(wclass(z) & C_TIME) &&
	    (z == s || !(wclass(z) & C_FUNCTION) || is_possessive(z)))
		z++;
	if (z == s || z > j || D.w[z].cap)
		return 0;
	if ((wclass(z - 1) & C_DET) && !is_pronoun(z - 1)) {
		/* "His campaign", "The senator" */
		z++;
		if (z > j || D.w[z].cap || (wclass(z - 1) & C_FUNCTION))
			return 0;
		return resolve_np(s, z, a, NP_LOOSE);
	}
	return resolve_np(s, z, a, 0);
}

/*
 * A quotation inside a sentence, with a new sentence after it: a cue
 * there ("He added, '...'") belongs to the next quotation more often than
 * to this one, so the words before it come first.
 */
static int
attr_sides(const struct quote *q, struct attr *a)
{
	size_t w0 = word_at(q->ce), wq = word_at(q->ob);
	int later;

	later = w0 < D.nw && D.w[w0].para == q->epara &&
	    (D.w[w0].sstart || gap_has(q->ce, D.w[w0].b, G_STOP)) &&
	    wq > 0 && D.w[wq - 1].para == q->para && !D.w[wq - 1].inq &&
	    !gap_has(D.w[wq - 1].e, q->ob, G_STOP);
	if (!later)
		return attr_right(q, a) || attr_left(q, a);
	if (attr_left(q, a))
		return 1;
	free(a->speaker);
	attr_clear(a);
	return attr_right(q, a);
}

/* Words in [b, e), counted up to max + 1: only short texts matter. */
static size_t
count_words(uint32_t b, uint32_t e, size_t max)
{
	size_t n = 0, i = b, l;
	int in = 0;

	for (; i < e && n <= max; i += l ? l : 1) {
		if (space_at(i, &l))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* A grade or label: the text (folded, final punctuation off) is listed. */
static int
is_label(const struct quote *q)
{
	size_t fl, i, j, k, n;
	char *f;
	int hit = 0;

	if (q->te - q->tb > 64)
		return 0;
	f = glean_casefold(D.s + q->tb, q->te - q->tb, &fl);
	while (fl > 0 && strchr(".,;:!? ", f[fl - 1]))
		fl--;
	f[fl] = '\0';
	if (!strchr(f, ' ')) {
		hit = (set_get(&classes, f, fl) & C_LABEL) != 0;
	} else {
		for (k = 0; k < nlabels && !hit; k++) {
			for (i = 0, j = 0, n = 0; j < labels[k].nw; j++) {
				size_t wl = strlen(labels[k].w[j]);
				if (strncmp(f + i, labels[k].w[j], wl) != 0)
					break;
				i += wl;
				if (f[i] == ' ')
					i++;
				n++;
			}
			hit = j == labels[k].nw && i >= fl;
		}
	}
	free(f);
	return hit;
}

/* Preceded by a labelling word (a new '...', so-called '...')? */
static int
labelled(const struct quote *q)
{
	size_t wq = word_at(q->ob);

	if (wq == 0 || D.w[wq - 1].para != q->para)
		return 0;
	if (!blank(D.w[wq - 1].e, q->ob))
		return 0;
	return (wclass(wq - 1) & C_LABELLER) != 0;
}

static void
remember(const struct quote *q, uint32_t pos)
{
	struct recent *r;

	if (!q->speaker)
		return;
	r = q->person ? &last_person : &last_body;
	r->valid = 1;
	r->pos = pos;
	r->name = q->speaker;
	r->kind = q->kind;
}

static void
attribute(void)
{
	size_t i, nwq, pi;
	struct quote *q;
	struct attr a;
	long lastq = -1;	/* last attributed quotation */
	long k;

	last_person.valid = last_body.valid = 0;
	/* report sections: under an upper-case heading naming a report */
	for (pi = 0, k = -1; pi < D.np; pi++) {
		if (D.p[pi].heading) {
			size_t w0 = word_at(D.p[pi].b), w1 = word_at(D.p[pi].e),
			    at, len;
			k = rcue_in(w0, w1, &at, &len);
			continue;
		}
		D.p[pi].reportsec = (uint8_t)(k >= 0 && k < 255 ? k + 1 : 0);
	}
	for (i = 0; i < D.nq; i++) {
		q = &D.q[i];
		attr_clear(&a);
		nwq = count_words(q->tb, q->te, SHORTQ);
		if (q->depth > 0) {
			/* a quotation inside another: its source is not ours
			 * to find */
			free(a.speaker);
			q->kind = nwq <= SHORTQ ? K_SCARE : K_SPEECH;
			continue;
		} else if (attr_sides(q, &a) || attr_final(q, &a)) {
			q->attributed = 1;
		} else if (q->atpara && q->para > 0 &&
		    gap_has(D.p[q->para - 1].e - 1, D.p[q->para - 1].e,
		    G_COLON)) {
			/* He said:\n\n"..." */
			struct quote t = *q;
			t.ob = D.p[q->para - 1].e;
			t.para = q->para - 1;
			if (attr_left(&t, &a))
				q->attributed = 1;
		} else if (nwq > SHORTQ && !(lastq >= 0 &&
		    D.q[lastq].epara == q->para) && attr_prev(q, &a)) {
			q->attributed = 1;
		}
		if (q->attributed) {
			q->speaker = a.speaker;
			q->sb = a.sb;
			q->se = a.se;
			q->pb = a.pb;
			q->pe = a.pe;
			q->cb = a.cb;
			q->cend = a.ce;
			q->kind = a.kind;
			q->person = a.person;
		} else {
			free(a.speaker);
			q->kind = K_SPEECH;
			if (D.p[q->para].reportsec) {
				/* under a heading naming a report */
				struct phrase *rp =
				    &rcues[D.p[q->para].reportsec - 1];
				q->kind = K_REPORT;
				if (rp->speaker)
					q->speaker = glean_strdup(rp->speaker);
			} else if (lastq >= 0 && q->para >=
			    D.q[lastq].epara && q->para - D.q[lastq].epara <=
			    (q->atpara ? 1u : LOOKBACK) &&
			    (q->atpara || nwq > SHORTQ ||
			    D.q[lastq].kind == K_REPORT ||
			    q->para == D.q[lastq].para)) {
				/* goes on from the last speaker */
				if (D.q[lastq].speaker)
					q->speaker = glean_strdup(
					    D.q[lastq].speaker);
				q->sb = D.q[lastq].sb;
				q->se = D.q[lastq].se;
				q->pb = D.q[lastq].pb;
				q->pe = D.q[lastq].pe;
				q->kind = D.q[lastq].kind;
				q->person = D.q[lastq].person;
			} else if (nwq <= SHORTQ) {
				q->kind = K_SCARE;
			}
		}
		if (nwq <= 1 || is_label(q) || (!q->attributed &&
		    !D.p[q->para].reportsec && nwq <= SHORTQ && labelled(q)))
			q->kind = K_SCARE;
		if (q->attributed && q->kind != K_SCARE) {
			lastq = (long)i;
			remember(q, q->sb >= 0 ? (uint32_t)q->sb : q->ob);
		} else if (q->speaker && q->kind != K_SCARE) {
			lastq = (long)i;
		}
	}
}

/* ---- output ------------------------------------------------------ */

/*
 * The speaker's phrase is the source as written, its appositive role
 * included ("Kaine, a former party chairman", "X, who ran against Y"),
 * but not a circumstance after a comma (", in a statement", ", hoping
 * to"), nor the verb and adverbs after the subject ("Clinton has
 * increasingly").
 */
static void
trim_phrase(int64_t *pb, int64_t *pe)
{
	size_t a, z, i;
	int c, appos;

	if (*pb < 0 || *pe <= *pb || D.nw == 0)
		return;
	a = word_at((size_t)*pb);
	for (z = a; z < D.nw && D.w[z].e <= (size_t)*pe; z++)
		;
	if (z <= a + 1)
		return;
	/* "When Trump ...", "which President Obama ..." */
	while (a + 1 < z && !is_pronoun(a) &&
	    ((wclass(a) & (C_CONJ | C_PREP | C_REL)) ||
	    ((wclass(a) & C_FUNCTION) && !(wclass(a) & C_DET) &&
	    D.w[a + 1].cap && !D.w[a].sstart)))
		a++;
	for (i = a + 1, c = 0; i < z; i++)
		c |= D.w[i].cap;
	if (is_pronoun(a) && !c)
		z = a + 1;	/* "he then adopted" */
	for (i = a + 1, appos = 0; i < z; i++) {
		c = wclass(i);
		if (gap_has(D.w[i - 1].e, D.w[i].b, G_COMMA)) {
			if (participle(i) || (c & (C_CONJ | C_AUX)) ||
			    ((c & C_PREP) && !(age(i - 1) &&
			    (c & C_CONNECTOR))))
				break;
			appos = 1;	/* the role or a relative clause */
			continue;
		}
		if (!appos && !D.w[i].cap && (D.w[i - 1].cap ||
		    is_pronoun(i - 1)) && ((c & C_AUX) || ((c & C_PREP) &&
		    i + 1 < z && (wclass(i + 1) & C_TIME))))
			break;	/* "Clinton has increasingly", "on Friday" */
	}
	z = i;
	*pb = (int64_t)D.w[a].b;
	*pe = (int64_t)D.w[z - 1].e;
}

/* Does s[0..8) hold a control character, " or \\? */
static int
needs_escape(const char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	return (zero_bytes(v & 0xe0 * GLEAN_ONES) |
	    zero_bytes(v ^ '"' * GLEAN_ONES) |
	    zero_bytes(v ^ '\\' * GLEAN_ONES)) != 0;
}

/* s[0..n) as a JSON string (valid UTF-8: checked before). */
static void
put_str(struct glean_buf *b, const char *s, size_t n)
{
	size_t i, r = 0;
	unsigned char c;
	char esc[8];

	glean_buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		/* eight bytes at a time while none needs escaping */
		while (i + 8 <= n && !needs_escape(s + i))
			i += 8;
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		glean_buf_add(b, s + r, i - r);
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			glean_buf_add(b, esc, 2);
		} else {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			glean_buf_add(b, esc, 6);
		}
		r = i + 1;
	}
	glean_buf_add(b, s + r, n - r);
	glean_buf_addc(b, '"');
}

/* A string literal's bytes: the keys and the JSON words. */
#define PUT_LIT(b, lit) glean_buf_add((b), (lit), sizeof(lit) - 1)

static void
put_num(struct glean_buf *b, size_t v)
{
	char num[24];
	size_t i = sizeof(num);

	/* by hand: snprintf is a good part of writing the quotations */
	do {
		num[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	glean_buf_add(b, num + i, sizeof(num) - i);
}

/* [b, e] in code points, or null */
static void
put_span(struct glean_buf *out, const struct offmap *om, int64_t b,
    int64_t e)
{
	if (b < 0 || e < b) {
		PUT_LIT(out, "null");
		return;
	}
	glean_buf_addc(out, '[');
	put_num(out, om_cp(om, (size_t)b));
	glean_buf_addc(out, ',');
	put_num(out, om_cp(om, (size_t)e));
	glean_buf_addc(out, ']');
}

/* The "quotes" member, as JSON text. */
static void
quotes_text(struct glean_buf *out, const struct offmap *om)
{
	struct quote *q;
	size_t i, k;

	PUT_LIT(out, "\"quotes\":[");
	for (i = 0; i < D.nq; i++) {
		q = &D.q[i];
		if (i > 0)
			glean_buf_addc(out, ',');
		PUT_LIT(out, "{\"start\":");
		put_num(out, om_cp(om, q->tb));
		PUT_LIT(out, ",\"end\":");
		put_num(out, om_cp(om, q->te));
		PUT_LIT(out, ",\"text\":");
		put_str(out, D.s + q->tb, q->te - q->tb);
		PUT_LIT(out, ",\"speaker\":");
		if (q->speaker)
			put_str(out, q->speaker, strlen(q->speaker));
		else
			PUT_LIT(out, "null");
		PUT_LIT(out, ",\"speaker_span\":");
		put_span(out, om, q->sb, q->se);
		trim_phrase(&q->pb, &q->pe);
		PUT_LIT(out, ",\"speaker_phrase\":");
		put_span(out, om, q->pb, q->pe);
		PUT_LIT(out, ",\"kind\":");
		put_str(out, kindname[q->kind], strlen(kindname[q->kind]));
		PUT_LIT(out, ",\"cue\":");
		if (q->cb >= 0)
			put_str(out, D.s + q->cb, (size_t)(q->cend - q->cb));
		else
			PUT_LIT(out, "null");
		if (!q->closed) {
			PUT_LIT(out, ",\"closed\":false");
		}
		if (q->nseg > 1) {
			PUT_LIT(out, ",\"segments\":[");
			for (k = q->seg0; k < q->seg0 + q->nseg; k++) {
				uint32_t b = D.segs[k].b, e = D.segs[k].e;
				size_t l;
				/* each paragraph's text, trimmed: a whole
				 * character at a time (U+00A0 is two bytes) */
				while (b < e && space_at(b, &l))
					b += (uint32_t)l;
				while (e > b && (D.s[e - 1] == ' ' ||
				    D.s[e - 1] == '\t'))
					e--;
				if (k > q->seg0)
					glean_buf_addc(out, ',');
				PUT_LIT(out, "{\"start\":");
				put_num(out, om_cp(om, b));
				PUT_LIT(out, ",\"end\":");
				put_num(out, om_cp(om, e));
				PUT_LIT(out, ",\"text\":");
				put_str(out, D.s + b, e - b);
				glean_buf_addc(out, '}');
			}
			glean_buf_addc(out, ']');
		}
		glean_buf_addc(out, '}');
	}
	glean_buf_addc(out, ']');
}

static void
doc_reset(void)
{
	size_t i;

	for (i = 0; i < D.nq; i++)
		free(D.q[i].speaker);
	D.nw = D.ncapital = D.nq = D.nsegs = D.nm = D.np = D.nmk = 0;
	D.foldlen = 0;
	glean_buf_reset(&D.sbuf);
	D.namelen = 0;
	D.doc = NULL;
	D.have_mentions = 0;
	glean_arena_reset(&D.layer);
}

/*
 * The per-document function: doc has a string "text".  Appends the
 * "quotes" member to tail.
 */
static int
process(json_t *doc, void *ctx, struct glean_buf *tail, char **err)
{
	json_t *jt = json_object_get(doc, "text");

	(void)ctx;
	(void)err;
	D.s = json_string_value(jt);
	D.n = json_string_length(jt);
	doc_reset();
	if (!scan_text() || D.ncand == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	split_paras();
	find_quotes();
	if (D.nq == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	sort(D.q, D.nq, sizeof(*D.q), qcmp);
	om_init(&OM, D.s, D.n);
	if (D.foldcap < 4 * D.n + 64) {
		D.foldcap = 4 * D.n + 64;
		free(D.fold);
		D.fold = glean_malloc(D.foldcap);
	}
	if (!tflag || layer_words(glean_field(doc, "tokens"), &OM) < 0)
		scan_words();
	mark_words();
	D.doc = doc;
	attribute();
	quotes_text(tail, &OM);
	doc_reset();
	return 0;
}

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n", glean_prog);
	if (status) {
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
		exit(status);
	}
	fputs("Add \"quotes\": direct quotations, their speakers and "
	    "kinds.\n\n", fp);
	fputs("  -t, --tokens        take stems from the \"tokens\" layer\n",
	    fp);
	fputs(GLEAN_COMMON_HELP, fp);
	exit(0);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ "tokens", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	static const char *const reads[] = { "entities", NULL };
	static const char *const reads_tok[] = { "tokens", "entities", NULL };
	static const char *const writes[] = { "quotes", NULL };
	struct glean_stage st = { "quotes", NULL, NULL, reads, process,
	    writes, 1, 1 };
	int c, status;

	glean_setprog(argv[0]);
	while ((c = getopt_long(argc, argv, GLEAN_SHORTOPTS "t", longopts,
	    NULL)) != -1) {
		if (glean_common_option(c, optarg, &o, usage))
			continue;
		switch (c) {
		case 't':
			tflag = 1;
			break;
		default:
			usage(GLEAN_EXIT_FATAL);
		}
	}
	if (tflag)
		st.reads = reads_tok;
	load_lexicons(glean_lexdir(&o));
	status = glean_run(&st, &o, argc - optind, argv + optind);
	doc_reset();
	free(D.w);
	free(D.capital);
	free(D.q);
	free(D.segs);
	free(D.m);
	free(D.p);
	free(D.mk);
	free(D.cand);
	free(D.fold);
	glean_buf_free(&D.sbuf);
	free(D.names);
	glean_arena_free(&D.layer);
	free(midcap);
	free(OM.cp);
	return status;
}
