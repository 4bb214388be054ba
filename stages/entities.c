/* See LICENSE file for copyright and license details. */
/*
 * glean-entities - people, organisations and English local authorities.
 * Reads JSON Lines documents with a string "text" (and "published", to
 * choose between an abolished council and its successor); adds (or
 * replaces)
 *   "entities": [{"start","end","text","kind","canonical","code",
 *                 "role"?,"organisation"?,"title"?}, ...]
 * in code points, kind one of person, organisation, authority.  Every
 * other field passes through unchanged; the layer is written as JSON
 * text (glean_tail_fn), last, as jansson would have written it.
 *
 * The stage tokenizes the text itself with the library tokenizer (tok.h),
 * the same code and lexicon as glean-tokenize: that is far cheaper than
 * parsing a "tokens" layer and cannot be misled by a stale or hostile one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "glean.h"
#include "swar.h"
#include "tok.h"

/* ---- word sets and phrase tables --------------------------------------- */

/* A slot of a dict's hash index: small, for the index is read for
 * every capitalised word and is seldom in the cache. */
struct dict_slot {
	uint32_t hash;
	uint32_t idx;		/* key index + 1; 0 for an empty slot */
};

/* A sorted set of words with an int value and an optional string. */
struct dict {
	size_t n, cap;
	char **key;
	int *val;
	char **str;
	uint32_t *len;		/* of the keys, when indexed */
	struct dict_slot *ht;	/* hash index */
	size_t hmask;
	/* by first byte, a bit for each key length (63: 63 or more): most
	 * lookups fail here, before any hashing */
	uint64_t lens[256];
	/* a bit for each key's first three bytes and length (see
	 * sketch_bit), 32 bits a key: a lookup that fails here reads no
	 * more than this */
	uint64_t *sketch;
	unsigned sketch_shift;
};

/* The bit of w[0..n) in a sketch of 2^(32 - shift) bits. */
static uint32_t
sketch_bit(const char *w, size_t n, unsigned shift)
{
	uint32_t x = (uint32_t)n & 0xff;

	if (n > 0)
		x |= (uint32_t)(unsigned char)w[0] << 8;
	if (n > 1)
		x |= (uint32_t)(unsigned char)w[1] << 16;
	if (n > 2)
		x |= (uint32_t)(unsigned char)w[2] << 24;
	return (x * 0x9E3779B1u) >> shift;
}

static void
dict_add(struct dict *d, const char *key, int val, const char *str)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->key = glean_realloc(d->key, d->cap * sizeof *d->key);
		d->val = glean_realloc(d->val, d->cap * sizeof *d->val);
		d->str = glean_realloc(d->str, d->cap * sizeof *d->str);
	}
	d->key[d->n] = glean_strdup(key);
	d->val[d->n] = val;
	d->str[d->n] = str ? glean_strdup(str) : NULL;
	d->n++;
}

/* Index d by hash: lookups cost one probe.  The first of equal keys
 * wins. */
static void
dict_index(struct dict *d)
{
	size_t i, h, len;
	uint32_t hk;

	for (d->hmask = 16; d->hmask < 2 * d->n; d->hmask *= 2)
		;
	free(d->ht);
	free(d->len);
	d->ht = glean_calloc(d->hmask, sizeof *d->ht);
	d->len = glean_calloc(d->n + 1, sizeof *d->len);
	d->hmask--;
	memset(d->lens, 0, sizeof d->lens);
	free(d->sketch);
	for (d->sketch_shift = 32 - 12; d->sketch_shift > 32 - 30 &&
	    (1u << (32 - d->sketch_shift)) < 32 * d->n; d->sketch_shift--)
		;
	d->sketch = glean_calloc(((size_t)1 << (32 - d->sketch_shift)) / 64,
	    sizeof *d->sketch);
	for (i = 0; i < d->n; i++) {
		len = strlen(d->key[i]);
		d->lens[(unsigned char)d->key[i][0]] |= 1ull << (len < 63 ?
		    len : 63);
		d->len[i] = (uint32_t)len;
		h = sketch_bit(d->key[i], len, d->sketch_shift);
		d->sketch[h / 64] |= 1ull << (h % 64);
		hk = glean_hash8(d->key[i], len, d->key[i] + len + 1);
		for (h = hk & d->hmask; d->ht[h].idx; h = (h + 1) & d->hmask)
			if (strcmp(d->key[d->ht[h].idx - 1], d->key[i]) == 0)
				break;
		if (!d->ht[h].idx) {
			d->ht[h].hash = hk;
			d->ht[h].idx = (uint32_t)(i + 1);
		}
	}
}

static struct dict *sort_dict;

static int
cmp_idx(const void *a, const void *b)
{
	return strcmp(sort_dict->key[*(const size_t *)a],
	    sort_dict->key[*(const size_t *)b]);
}

static void
dict_sort(struct dict *d)
{
	size_t *idx, i;
	char **k, **s;
	int *v;

	if (d->n == 0) {
		dict_index(d);
		return;
	}
	idx = glean_malloc(d->n * sizeof *idx);
	for (i = 0; i < d->n; i++)
		idx[i] = i;
	sort_dict = d;
	qsort(idx, d->n, sizeof *idx, cmp_idx);
	k = glean_malloc(d->n * sizeof *k);
	v = glean_malloc(d->n * sizeof *v);
	s = glean_malloc(d->n * sizeof *s);
	for (i = 0; i < d->n; i++) {
		k[i] = d->key[idx[i]];
		v[i] = d->val[idx[i]];
		s[i] = d->str[idx[i]];
	}
	free(d->key);
	free(d->val);
	free(d->str);
	d->key = k;
	d->val = v;
	d->str = s;
	free(idx);
	dict_index(d);
}

/* Sort d and keep one of each key (the values are not merged: callers
 * set them from other dicts). */
static void
dict_sort_unique(struct dict *d)
{
	size_t i, n = 0;

	dict_sort(d);
	for (i = 0; i < d->n; i++) {
		if (n > 0 && strcmp(d->key[i], d->key[n - 1]) == 0) {
			free(d->key[i]);
			free(d->str[i]);
			continue;
		}
		d->key[n] = d->key[i];
		d->val[n] = d->val[i];
		d->str[n] = d->str[i];
		n++;
	}
	d->n = n;
	dict_index(d);
}

static void
dict_add_keys(struct dict *d, const struct dict *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		dict_add(d, from->key[i], 0, NULL);
}

static void
dict_free(struct dict *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->key[i]);
		free(d->str[i]);
	}
	free(d->key);
	free(d->val);
	free(d->str);
	free(d->ht);
	free(d->len);
	free(d->sketch);
	memset(d, 0, sizeof *d);
}

/* May w[0..n) be a key of d?  No means no; the cheap half of a lookup. */
static inline int
dict_may_hold(const struct dict *d, const char *w, size_t n)
{
	uint32_t h;

	if (n > 0 && !(d->lens[(unsigned char)w[0]] >> (n < 63 ? n : 63) & 1))
		return 0;
	h = sketch_bit(w, n, d->sketch_shift);
	return d->sketch[h / 64] >> (h % 64) & 1;
}

/* Index of w[0..n) in d, or -1; bytes of w up to lim may be read. */
static long
dict_find_in(const struct dict *d, const char *w, size_t n, const char *lim)
{
	const struct dict_slot *sl;
	uint32_t hw;
	size_t h;

	if (!dict_may_hold(d, w, n))
		return -1;
	hw = glean_hash8(w, n, lim);
	for (h = hw & d->hmask; (sl = &d->ht[h])->idx; h = (h + 1) & d->hmask)
		if (sl->hash == hw && d->len[sl->idx - 1] == n &&
		    memcmp(d->key[sl->idx - 1], w, n) == 0)
			return (long)(sl->idx - 1);
	return -1;
}

/* Index of w[0..n) in d, or -1. */
static long
dict_find(const struct dict *d, const char *w, size_t n)
{
	return dict_find_in(d, w, n, w + n);
}

/* A phrase: a sequence of token texts, with a value. */
struct phrase {
	size_t ntok;
	char **tok;
	int val;
	int flags;
};

struct phrases {
	size_t n, cap;
	struct phrase *p;
	struct dict first;	/* first token -> index of its first phrase */
	size_t *end;		/* per key of first: after its last phrase */
};

/* PH_BARE: a bare area name (see authorities.tsv); PH_NAMED: a name that
 * says it is the council ("Leeds City Council", "RBKC"), not a place name
 * that may be a club, a police force or a location ("Leeds", "Hull"). */
enum { PH_BARE = 1, PH_NAMED = 2 };

static void
phrase_add(struct phrases *ph, const char *text, int val, int flags,
    const struct glean_abbrevs *ab)
{
	struct glean_toks tk = { 0 };
	struct phrase *p;
	size_t i;

	glean_tokenize(text, strlen(text), ab, &tk);
	if (tk.n == 0) {
		glean_toks_free(&tk);
		return;
	}
	if (ph->n == ph->cap) {
		ph->cap = ph->cap ? ph->cap * 2 : 64;
		ph->p = glean_realloc(ph->p, ph->cap * sizeof *ph->p);
	}
	p = &ph->p[ph->n++];
	p->ntok = tk.n;
	p->tok = glean_malloc(tk.n * sizeof *p->tok);
	for (i = 0; i < tk.n; i++)
		p->tok[i] = glean_strndup(text + tk.t[i].bs,
		    tk.t[i].be - tk.t[i].bs);
	p->val = val;
	p->flags = flags;
	glean_toks_free(&tk);
}

static int
cmp_phrase(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int r = strcmp(x->tok[0], y->tok[0]);

	if (r)
		return r;
	return (int)y->ntok - (int)x->ntok;	/* longest first */
}

static void
phrases_index(struct phrases *ph)
{
	size_t i, f;

	if (ph->n)
		qsort(ph->p, ph->n, sizeof *ph->p, cmp_phrase);
	for (i = 0; i < ph->n; i++)
		if (i == 0 || strcmp(ph->p[i].tok[0], ph->p[i - 1].tok[0]))
			dict_add(&ph->first, ph->p[i].tok[0], (int)i, NULL);
	dict_sort(&ph->first);
	ph->end = glean_calloc(ph->first.n + 1, sizeof *ph->end);
	for (f = 0; f < ph->first.n; f++)
		for (ph->end[f] = (size_t)ph->first.val[f];
		    ph->end[f] < ph->n && strcmp(ph->p[ph->end[f]].tok[0],
		    ph->first.key[f]) == 0; ph->end[f]++)
			;
}

static void
phrases_free(struct phrases *ph)
{
	size_t i, j;

	for (i = 0; i < ph->n; i++) {
		for (j = 0; j < ph->p[i].ntok; j++)
			free(ph->p[i].tok[j]);
		free(ph->p[i].tok);
	}
	free(ph->p);
	free(ph->end);
	dict_free(&ph->first);
	memset(ph, 0, sizeof *ph);
}

/* ---- the stage's lexicons ---------------------------------------------- */

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
	struct phrases authph;	/* alias -> authority (val), several rows
				 * may share an alias */
	struct phrases orgph;	/* form -> index into orgcanon */
	struct dict orgcanon;	/* canonical names (key), unused values */
	struct phrases refs;	/* council references */
	/* topic and boilerplate cues (val: index in cues) */
	struct phrases scan;
	struct cue *cues;
	size_t ncues;
	/* namesakes.tsv: what follows or precedes a place name when it
	 * names something else, and the words that make it a location */
	struct phrases after, before;
	struct dict places;
	struct dict titles;	/* str: implied role or NULL */
	/* name stopwords, forenames, organisation heads, titles, the
	 * first words of authority and organisation phrases, and the
	 * title case of every key of lower */
	struct dict words;
	struct wordinfo *winfo;	/* per key of words */
	/* lower case: val is the role class | L_LOWSTOP (months,
	 * weekdays) */
	struct dict lower;
	/* first bytes of the words a pass may start at: capitals, non-ASCII
	 * and the first bytes of words and titles */
	unsigned char start[256];
	struct glean_toks tk;
	struct tokinfo *ti;	/* per token, reused between documents */
	uint32_t *cand;
	uint32_t *cuecand;	/* words that may start a topic or
				 * boilerplate cue */
	size_t tcap;
};

/*
 * Does alias p say it is a council, not just a place?  A word of words
 * (the "council" rows of namesakes.tsv: Council, Borough...) in it, or
 * an acronym ("RBKC", "BCP"): "Leeds City Council" is the council,
 * "Leeds" may be the club or the city.
 */
static int
names_council(const struct phrase *p, const struct dict *words)
{
	size_t t, k;
	const char *x;

	for (t = 0; t < p->ntok; t++)
		if (dict_find(words, p->tok[t], strlen(p->tok[t])) >= 0)
			return 1;
	if (p->ntok != 1 || strlen(p->tok[0]) < 3)
		return 0;
	for (x = p->tok[0], k = 0; x[k]; k++)
		if (x[k] >= 'a' && x[k] <= 'z')
			return 0;
	return 1;
}

static void
load_authorities(struct ctx *c, const char *dir)
{
	struct glean_lexicon *lx = glean_lexicon_load(dir,
	    "authorities.tsv", 8);
	struct authority *a;
	char *alias, *p, *q;
	size_t i;

	c->auth = glean_calloc(lx->nrows + 1, sizeof *c->auth);
	for (i = 0; i < lx->nrows; i++) {
		char **f = lx->rows[i].f;

		if (strlen(f[0]) != 9 || f[0][0] != 'E') {
			glean_warn_at(lx->path, lx->rows[i].line,
			    "\"%s\" is not a GSS code", f[0]);
			exit(GLEAN_EXIT_FATAL);
		}
		a = &c->auth[c->nauth];
		a->code = glean_strdup(f[0]);
		a->name = glean_strdup(f[1]);
		snprintf(a->from, sizeof a->from, "%s",
		    strcmp(f[4], "-") ? f[4] : "");
		snprintf(a->until, sizeof a->until, "%s",
		    strcmp(f[5], "-") ? f[5] : "");
		phrase_add(&c->authph, f[1], (int)c->nauth, 0, c->ab);
		alias = glean_asprintf("%s Council", f[2]);
		phrase_add(&c->authph, alias, (int)c->nauth, 0, c->ab);
		free(alias);
		if (strcmp(f[6], "yes") == 0)
			phrase_add(&c->authph, f[2], (int)c->nauth, PH_BARE,
			    c->ab);
		if (strcmp(f[7], "-")) {
			for (p = f[7]; p; p = q) {
				if ((q = strchr(p, '|')))
					*q++ = '\0';
				if (*p)
					phrase_add(&c->authph, p,
					    (int)c->nauth, 0, c->ab);
			}
		}
		c->nauth++;
	}
	phrases_index(&c->authph);
	glean_lexicon_free(lx);
}

static void
load_words(struct dict *d, const char *dir, const char *name, int lower)
{
	struct glean_lexicon *lx = glean_lexicon_load(dir, name, 1);
	size_t i;
	char *w;

	for (i = 0; i < lx->nrows; i++) {
		w = lx->rows[i].f[0];
		if (lower) {
			char *p;

			for (p = w; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p += 32;
		}
		dict_add(d, w, 0, NULL);
	}
	glean_lexicon_free(lx);
}

/*
 * Is p[0..len) in title case (ASCII: "March", "Director's"), a word whose
 * lower case differs from it in the first byte only?  Short words only:
 * lower is never asked about longer ones (see lower_of).
 */
static int
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

/* c->words and c->lower from the word lists (which it frees). */
static void
build_word_tables(struct ctx *c, struct dict *stops, struct dict *forenames,
    struct dict *orghead, struct dict *roles, struct dict *lowstops)
{
	struct wordinfo *w;
	const char *key;
	char *title;
	size_t i, len;
	long k;

	dict_add_keys(&c->lower, roles);
	dict_add_keys(&c->lower, lowstops);
	dict_sort_unique(&c->lower);
	for (i = 0; i < c->lower.n; i++) {
		key = c->lower.key[i];
		k = dict_find(roles, key, strlen(key));
		c->lower.val[i] = (k >= 0 ? roles->val[k] : 0) |
		    (dict_find(lowstops, key, strlen(key)) >= 0 ? L_LOWSTOP :
		    0);
	}

	/* a title-case token then needs one lookup, not two */
	for (i = 0; i < c->lower.n; i++) {
		key = c->lower.key[i];
		if (key[0] < 'a' || key[0] > 'z')
			continue;
		title = glean_strdup(key);
		title[0] = (char)(title[0] - 32);
		if (title_case(title, strlen(title)))
			dict_add(&c->words, title, 0, NULL);
		free(title);
	}
	dict_add_keys(&c->words, stops);
	dict_add_keys(&c->words, forenames);
	dict_add_keys(&c->words, orghead);
	dict_add_keys(&c->words, &c->titles);
	dict_add_keys(&c->words, &c->authph.first);
	dict_add_keys(&c->words, &c->orgph.first);
	dict_sort_unique(&c->words);
	c->winfo = glean_calloc(c->words.n + 1, sizeof *c->winfo);
	for (i = 0; i < c->words.n; i++) {
		key = c->words.key[i];
		len = strlen(key);
		w = &c->winfo[i];
		w->bits = (uint8_t)((dict_find(stops, key, len) >= 0 ? W_STOP :
		    0) | (dict_find(forenames, key, len) >= 0 ? W_FORENAME :
		    0) | (dict_find(orghead, key, len) >= 0 ? W_ORGHEAD : 0));
		w->title = (int32_t)dict_find(&c->titles, key, len);
		w->auth = (int32_t)dict_find(&c->authph.first, key, len);
		w->org = (int32_t)dict_find(&c->orgph.first, key, len);
		if (title_case(key, len)) {
			title = glean_strdup(key);
			title[0] = (char)(title[0] + 32);
			k = dict_find(&c->lower, title, len);
			w->lower = (uint8_t)(k >= 0 ? c->lower.val[k] : 0);
			free(title);
		}
	}
	for (i = 0; i < 256; i++)
		c->start[i] = (i >= 'A' && i <= 'Z') || i >= 0x80 ||
		    c->words.lens[i] || c->titles.lens[i];
	dict_free(stops);
	dict_free(forenames);
	dict_free(orghead);
	dict_free(roles);
	dict_free(lowstops);
}

/*
 * Add phrase text to ph with value val, and its variants: capitalised
 * when it starts in lower case (if capital), and with a typographic
 * apostrophe for each straight one.
 */
static void
phrase_add_variants(struct phrases *ph, const char *text, int val,
    int capital, const struct glean_abbrevs *ab)
{
	struct glean_buf b = { 0 };
	const char *p;
	int v;

	for (v = 0; v < 4; v++) {
		if ((v & 1) && !(capital && text[0] >= 'a' && text[0] <= 'z'))
			continue;
		if ((v & 2) && !strchr(text, '\''))
			continue;
		glean_buf_reset(&b);
		for (p = text; *p; p++) {
			if (*p == '\'' && (v & 2))
				glean_buf_add(&b, "\xe2\x80\x99", 3);
			else if (p == text && (v & 1))
				glean_buf_addc(&b, *p - 32);
			else
				glean_buf_addc(&b, *p);
		}
		phrase_add(ph, b.s, val, 0, ab);
	}
	glean_buf_free(&b);
}

/* A cue of the scan table. */
static void
add_cue(struct ctx *c, const char *text, int topic, int weight, int extent,
    const char *kind, int capital)
{
	struct cue *q;

	c->cues = glean_realloc(c->cues, (c->ncues + 1) * sizeof *c->cues);
	q = &c->cues[c->ncues];
	q->topic = (uint8_t)topic;
	q->weight = (uint8_t)weight;
	q->extent = (uint8_t)extent;
	q->kind = kind ? glean_strdup(kind) : NULL;
	phrase_add_variants(&c->scan, text, (int)c->ncues++, capital, c->ab);
}

/* Name of a column value among names[], or exit with a diagnostic. */
static int
column_value(const struct glean_lexicon *lx, size_t row, const char *v,
    const char *const *names)
{
	int k;

	for (k = 0; names[k]; k++)
		if (strcmp(v, names[k]) == 0)
			return k;
	glean_warn_at(lx->path, lx->rows[row].line, "unknown value \"%s\"",
	    v);
	exit(GLEAN_EXIT_FATAL);
}

/* topic-cues.tsv, boilerplate.tsv and namesakes.tsv. */
static void
load_context_lexicons(struct ctx *c, const char *dir)
{
	static const char *const topics[] = { "council", "children_services",
	    "inspection", "inspectorate", NULL };
	static const char *const extents[] = { "line", "notice", "block",
	    "label", NULL };
	static const char *const wheres[] = { "after", "before", "place",
	    "council", NULL };
	struct dict council_words = { 0 };
	struct glean_lexicon *lx;
	size_t i;
	char **f;

	lx = glean_lexicon_load(dir, "topic-cues.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		add_cue(c, f[0], column_value(lx, i, f[1], topics),
		    atoi(f[2]) >= 2 ? 2 : 1, 0, NULL, 1);
	}
	glean_lexicon_free(lx);
	lx = glean_lexicon_load(dir, "boilerplate.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		add_cue(c, f[0], TOP_NONE, 0, column_value(lx, i, f[2],
		    extents), f[1], 0);
	}
	glean_lexicon_free(lx);
	phrases_index(&c->scan);

	lx = glean_lexicon_load(dir, "namesakes.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		switch (column_value(lx, i, f[1], wheres)) {
		case 0:
			phrase_add(&c->after, f[0], 0, 0, c->ab);
			break;
		case 1:
			phrase_add(&c->before, f[0], 0, 0, c->ab);
			break;
		case 2:
			dict_add(&c->places, f[0], 0, NULL);
			break;
		default:
			dict_add(&council_words, f[0], 0, NULL);
		}
	}
	phrases_index(&c->after);
	phrases_index(&c->before);
	dict_sort(&c->places);
	dict_sort(&council_words);
	glean_lexicon_free(lx);
	/* authorities.tsv is loaded: mark its aliases that name a council
	 * (the flags are not part of the index) */
	for (i = 0; i < c->authph.n; i++)
		if (names_council(&c->authph.p[i], &council_words))
			c->authph.p[i].flags |= PH_NAMED;
	dict_free(&council_words);
}

static void
load_lexicons(struct ctx *c, const char *dir)
{
	struct dict stops = { 0 }, forenames = { 0 }, orghead = { 0 };
	struct dict roles = { 0 }, lowstops = { 0 };
	struct glean_lexicon *lx;
	size_t i;
	char **f, *cap;

	c->ab = glean_abbrevs_load(dir);
	load_authorities(c, dir);
	load_context_lexicons(c, dir);

	lx = glean_lexicon_load(dir, "organisations.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		if (strcmp(f[2], "head") == 0) {
			dict_add(&orghead, f[0], 0, NULL);
			continue;
		}
		dict_add(&c->orgcanon, f[0], 0, f[1]);
		phrase_add(&c->orgph, f[0], (int)c->orgcanon.n - 1, 0, c->ab);
	}
	phrases_index(&c->orgph);
	dict_index(&c->orgcanon);	/* not sorted: orgph refers to it */
	dict_sort(&orghead);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "council-refs.tsv", 1);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		phrase_add(&c->refs, f[0], 0, 0, c->ab);
		if (f[0][0] >= 'a' && f[0][0] <= 'z') {
			cap = glean_strdup(f[0]);
			cap[0] -= 32;
			phrase_add(&c->refs, cap, 0, 0, c->ab);
			free(cap);
		}
	}
	phrases_index(&c->refs);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "titles.tsv", 2);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		dict_add(&c->titles, f[0], 0, strcmp(f[1], "-") ? f[1] :
		    NULL);
	}
	dict_sort(&c->titles);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "roles.tsv", 2);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		if (strcmp(f[1], "head") && strcmp(f[1], "mod") &&
		    strcmp(f[1], "stop")) {
			glean_warn_at(lx->path, lx->rows[i].line,
			    "unknown class \"%s\" (head, mod or stop)", f[1]);
			exit(GLEAN_EXIT_FATAL);
		}
		dict_add(&roles, f[0], f[1][0] == 'h' ? R_HEAD :
		    f[1][0] == 'm' ? R_MOD : R_STOP, NULL);
	}
	dict_sort(&roles);
	glean_lexicon_free(lx);

	load_words(&forenames, dir, "forenames.tsv", 0);
	dict_sort(&forenames);
	load_words(&stops, dir, "name-stopwords.tsv", 0);
	dict_sort(&stops);
	load_words(&lowstops, dir, "months.tsv", 1);
	load_words(&lowstops, dir, "weekdays.tsv", 1);
	dict_sort(&lowstops);
	build_word_tables(c, &stops, &forenames, &orghead, &roles, &lowstops);
}

static void
free_token_arrays(struct ctx *c)
{
	free(c->ti);
	free(c->cand);
	free(c->cuecand);
	c->ti = NULL;
	c->cand = NULL;
	c->cuecand = NULL;
	c->tcap = 0;
}

static void
free_lexicons(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nauth; i++) {
		free(c->auth[i].code);
		free(c->auth[i].name);
	}
	free(c->auth);
	phrases_free(&c->authph);
	phrases_free(&c->orgph);
	phrases_free(&c->refs);
	phrases_free(&c->scan);
	phrases_free(&c->after);
	phrases_free(&c->before);
	dict_free(&c->places);
	for (i = 0; i < c->ncues; i++)
		free(c->cues[i].kind);
	free(c->cues);
	dict_free(&c->orgcanon);
	dict_free(&c->titles);
	dict_free(&c->words);
	free(c->winfo);
	dict_free(&c->lower);
	glean_abbrevs_free(c->ab);
	glean_toks_free(&c->tk);
	free_token_arrays(c);
}

/* ---- one document ------------------------------------------------------ */

enum { K_PERSON, K_ORG, K_AUTH };

struct ent {
	size_t t0, t1;		/* tokens [t0, t1) */
	size_t n0;		/* first token of the name (persons) */
	int kind;
	int auth;		/* authority index, or -1 */
	int ref;		/* a council reference ("the council") */
	int named;		/* a council's name, not a place name */
	char *canonical, *role, *org, *title;
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

static const char *
ttext(const struct doc *d, size_t i, size_t *len)
{
	*len = d->tk->t[i].be - d->tk->t[i].bs;
	return d->s + d->tk->t[i].bs;
}

/* Is token i the word w?  Most calls fail at the first byte, so no
 * strlen. */
static int
teq(const struct doc *d, size_t i, const char *w)
{
	size_t len, k;
	const char *p = ttext(d, i, &len);

	for (k = 0; k < len; k++)
		if (w[k] == '\0' || w[k] != p[k])
			return 0;
	return w[len] == '\0';
}

/* lower.val of p[0..len) case-folded (ASCII), or 0. */
static int
lower_of(const struct ctx *c, const char *p, size_t len)
{
	char low[64];
	size_t k;
	long f;

	if (len >= sizeof low)
		return 0;
	for (k = 0; k < len; k++)
		low[k] = (p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k];
	f = dict_find(&c->lower, low, len);
	return f < 0 ? 0 : c->lower.val[f];
}

/* lower.val of token i case-folded, remembered. */
static int
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

/* What words says about token i (all -1 when nothing). */
static const struct wordinfo *
winfo(const struct doc *d, size_t i)
{
	static const struct wordinfo none = { -1, -1, -1, 0, 0 };

	return d->ti[i].word < 0 ? &none : &d->c->winfo[d->ti[i].word];
}

static int
is_word(const struct doc *d, size_t i)
{
	return i < d->tk->n && d->tk->t[i].kind == GLEAN_TOK_WORD;
}

static int
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

/* A capitalised word that is not a clitic. */
static int
is_capword(const struct doc *d, size_t i)
{
	return d->ti[i].flags & T_CAP;
}

/* Is token i before or at its sentence's first word or number? */
static int
sent_initial(const struct doc *d, size_t i)
{
	return i <= d->ti[i].firstword;
}

static int
free_tok(const struct doc *d, size_t i)
{
	return i < d->tk->n && d->ti[i].owner < 0;
}

/* Is token i a word that can be part of a personal name?
 * Organisations were claimed before people are looked for. */
static int
nameword(const struct doc *d, size_t i)
{
	return free_tok(d, i) && (d->ti[i].flags & T_NAME);
}

/* d->ti[i] of token i in the sentence starting at token sent, whose
 * first word is fw; and i onto d->cand if a pass may start there.
 * Mostly one lookup per word. */
static void
classify_token(struct doc *d, size_t i, size_t sent, size_t fw)
{
	const struct ctx *c = d->c;
	const struct glean_tok *tok = &d->tk->t[i];
	const char *p = d->s + tok->bs;
	size_t len = tok->be - tok->bs;
	/* filled here and stored once: a byte store through d->ti might
	 * alias anything, and would make every field of d be read again */
	struct tokinfo t = { -1, (uint32_t)sent, (uint32_t)fw, -1, 0, -1 };
	const struct wordinfo *w;

	if (tok->kind == GLEAN_TOK_WORD && dict_may_hold(&c->scan.first, p, len))
		d->cuecand[d->ncuecand++] = (uint32_t)i;
	/* most words: lower case, in no list */
	if (tok->kind == GLEAN_TOK_WORD && c->start[(unsigned char)p[0]]) {
		if (c->words.lens[(unsigned char)p[0]])
			t.word = (int32_t)dict_find_in(&c->words, p, len,
			    d->s + d->n);
		w = t.word < 0 ? NULL : &c->winfo[t.word];
		if (!(tok->flags & GLEAN_TOKF_CLITIC) &&
		    capitalised(p, len)) {
			t.flags = T_CAP;
			t.lower = (int8_t)(title_case(p, len) ? (w ? w->lower :
			    0) : lower_of(c, p, len));
			if (!(w && (w->bits & W_STOP)) &&
			    !(t.lower & L_LOWSTOP))
				t.flags |= T_NAME;
		}
		if (t.flags || t.word >= 0 || (len > 1 && p[len - 1] == '.'))
			d->cand[d->ncand++] = (uint32_t)i;
	}
	d->ti[i] = t;
}

/* The per-token arrays of d, in one pass over the sentences (which
 * cover every token). */
static void
index_tokens(struct doc *d)
{
	static const struct tokinfo past_end = { -1, 0, 0, -1, 0, 0 };
	const struct glean_toks *tk = d->tk;
	const struct glean_sent *st;
	size_t k, i, fw;

	d->ncand = 0;
	d->ncuecand = 0;
	/* one past the last token: in no sentence, no word */
	d->ti[tk->n] = past_end;
	d->ti[tk->n].sent = d->ti[tk->n].firstword = (uint32_t)tk->n;
	for (k = 0; k < tk->nsent; k++) {
		st = &tk->sent[k];
		for (fw = st->first; fw < st->last &&
		    tk->t[fw].kind != GLEAN_TOK_WORD &&
		    tk->t[fw].kind != GLEAN_TOK_NUMBER; fw++)
			;
		for (i = st->first; i < st->last; i++)
			classify_token(d, i, st->first, fw);
	}
}

/* An initial ("F.") inside a name. */
static int
initial(const struct doc *d, size_t i)
{
	size_t len;
	const char *p;

	if (!free_tok(d, i) || !is_word(d, i))
		return 0;
	p = ttext(d, i, &len);
	return len == 2 && p[0] >= 'A' && p[0] <= 'Z' && p[1] == '.';
}

static int
role_class(const struct doc *d, size_t i)
{
	if (!is_word(d, i))
		return 0;
	return lower_val(d, i) & R_CLASS;
}

static inline int
lword(const struct doc *d, size_t i, const char *w)
{
	size_t len, k;
	const char *p;

	if (!is_word(d, i))
		return 0;
	p = ttext(d, i, &len);
	for (k = 0; k < len; k++)
		if (w[k] == '\0' || (p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 :
		    p[k]) != w[k])
			return 0;
	return w[len] == '\0';
}

static struct ent *
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

/* Text of tokens [a, b) with runs of white space as one space. */
static char *
span_text(const struct doc *d, size_t a, size_t b)
{
	const char *p = d->s + d->tk->t[a].bs, *end = d->s + d->tk->t[b - 1].be;
	char *out = glean_malloc((size_t)(end - p) + 1), *o = out;
	size_t l;
	int32_t cp;
	int sp = 0;

	/* never longer than the span: a space stands for one or more
	 * bytes */
	while (p < end) {
		if ((unsigned char)*p < 0x80) {
			l = 1;
			cp = (unsigned char)*p;
		} else {
			l = glean_utf8_next(p, (size_t)(end - p), &cp);
		}
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

/* Longest phrase of ph matching at the free token i and free tokens
 * after it, f the index of token i in ph->first (or -1); its length in
 * tokens, and *which the phrase index. */
static size_t
match_tokens(const struct doc *d, const struct phrases *ph, long f,
    size_t i, size_t *which, int need_free)
{
	size_t k, j;

	if (f < 0)
		return 0;
	for (k = (size_t)ph->first.val[f]; k < ph->end[f]; k++) {
		const struct phrase *q = &ph->p[k];

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

/* match_tokens over free tokens only. */
static size_t
match_phrase(const struct doc *d, const struct phrases *ph, long f,
    size_t i, size_t *which)
{
	return match_tokens(d, ph, f, i, which, 1);
}

/* Length in tokens of a phrase of ph at token j, whoever owns its tokens,
 * when it lies in the sentence of token i; else 0. */
static size_t
phrase_at(const struct doc *d, const struct phrases *ph, size_t j, size_t i)
{
	size_t len, k;
	const char *p;

	if (j >= d->tk->n || !is_word(d, j) || d->ti[j].sent != d->ti[i].sent)
		return 0;
	p = ttext(d, j, &len);
	return match_tokens(d, ph, dict_find_in(&ph->first, p, len,
	    d->s + d->n), j, &k, 0);
}

/* The authority an alias phrase names on the document's date. */
static int
pick_authority(const struct doc *d, const struct phrases *ph, size_t k)
{
	const struct phrase *q = &ph->p[k];
	size_t j, best = (size_t)-1;
	char ym[8] = "";

	if (d->published && strlen(d->published) >= 7)
		snprintf(ym, sizeof ym, "%.7s", d->published);
	else if (d->published && strlen(d->published) == 4 &&
	    strspn(d->published, "0123456789") == 4)
		/* a year alone: its middle, so that a council abolished or
		 * created in April is the one of most of the year */
		snprintf(ym, sizeof ym, "%.4s-07", d->published);
	/* all phrases with the same tokens: they share the first, and
	 * phrases are grouped by their first token */
	for (j = k; j > 0 && strcmp(ph->p[j - 1].tok[0], q->tok[0]) == 0; j--)
		;
	for (; j < ph->n && strcmp(ph->p[j].tok[0], q->tok[0]) == 0; j++) {
		const struct phrase *r = &ph->p[j];
		const struct authority *a;
		size_t t;

		if (r->ntok != q->ntok)
			continue;
		for (t = 0; t < r->ntok; t++)
			if (strcmp(r->tok[t], q->tok[t]))
				break;
		if (t < r->ntok)
			continue;
		a = &d->c->auth[r->val];
		if (*ym) {
			if ((!*a->from || strcmp(a->from, ym) <= 0) &&
			    (!*a->until || strcmp(ym, a->until) < 0))
				return r->val;
		} else if (!*a->until) {
			return r->val;
		}
		if (best == (size_t)-1)
			best = (size_t)r->val;
	}
	return (int)best;
}

/* Organisations by rule: capitalised runs ending in a head word. */
static void
find_org_runs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, j, start, head, n = d->tk->n, next = 0;
	long k;
	struct ent *e;

	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (i < next || !is_capword(d, i) || !free_tok(d, i))
			continue;
		start = i;
		head = (size_t)-1;
		for (j = i; j < n && free_tok(d, j) &&
		    d->ti[j].sent == d->ti[i].sent; j++) {
			if (is_capword(d, j)) {
				if (j > start && (winfo(d, j)->bits &
				    W_ORGHEAD))
					head = j;
				continue;
			}
			/* "Children's Services", "Department for Education"
			 * (j > start: token start is capitalised) */
			if (is_capword(d, j + 1) && (is_clitic_s(d, j) ||
			    (!(d->tk->t[j].flags & GLEAN_TOKF_NL) &&
			    (lword(d, j, "of") || lword(d, j, "for") ||
			    lword(d, j, "on")))))
				continue;
			break;
		}
		next = j > i ? j : i + 1;
		if (head == (size_t)-1)
			continue;
		while (start < head && (winfo(d, start)->bits & W_STOP))
			start++;
		if (start >= head)
			continue;
		e = add_ent(d, start, head + 1, K_ORG);
		e->canonical = span_text(d, start, head + 1);
		if ((k = dict_find(&c->orgcanon, e->canonical,
		    strlen(e->canonical))) >= 0 && c->orgcanon.str[k]) {
			free(e->canonical);
			e->canonical = glean_strdup(c->orgcanon.str[k]);
		}
	}
}

/* ---- what the article is about, and its page furniture ----------------- */

/* Is the topic t the article's?  Strong cues must weigh 4 (two mentions
 * of "council"), or 2 beside weak ones weighing 3; a named inspectorate
 * needs one mention and counts for inspection too. */
static int
topic_present(const struct doc *d, int t)
{
	int strong = d->score[t][0], weak = d->score[t][1];

	if (t == TOP_INSPECTORATE)
		return strong >= 2;
	if (t == TOP_INSPECTION)
		strong += d->score[TOP_INSPECTORATE][0];
	return strong >= 4 || (strong >= 2 && weak >= 3);
}

/* Longest line that can be boilerplate (see add_boilerplate): longer
 * lines are not measured further, so that a huge line costs no more. */
#define BP_LINE_MAX 400

/* Byte offsets of the line holding byte b: [*ls, *le), without the
 * newline; at most BP_LINE_MAX + 1 bytes on either side of b. */
static void
line_of(const struct doc *d, size_t b, size_t *ls, size_t *le)
{
	size_t lim = b > BP_LINE_MAX + 1 ? b - BP_LINE_MAX - 1 : 0;
	const char *nl;

	for (*ls = b; *ls > lim && d->s[*ls - 1] != '\n'; (*ls)--)
		;
	nl = memchr(d->s + b, '\n', d->n - b < BP_LINE_MAX + 1 ? d->n - b :
	    BP_LINE_MAX + 1);
	*le = nl ? (size_t)(nl - d->s) : d->n - b < BP_LINE_MAX + 1 ? d->n :
	    b + BP_LINE_MAX + 1;
}

/* Does the line [ls, le) end as prose does (. ! ? or a closing quotation
 * mark), or hold nothing but white space (*blank)? */
static int
prose_end(const struct doc *d, size_t ls, size_t le, int *blank)
{
	const unsigned char *p = (const unsigned char *)d->s;

	while (le > ls && (p[le - 1] == ' ' || p[le - 1] == '\t' ||
	    p[le - 1] == '\r'))
		le--;
	*blank = le == ls;
	if (le == ls)
		return 0;
	if (p[le - 1] && strchr(".!?\"'", p[le - 1]))
		return 1;
	/* ” and ’ */
	return le - ls >= 3 && p[le - 3] == 0xe2 && p[le - 2] == 0x80 &&
	    (p[le - 1] == 0x9d || p[le - 1] == 0x99);
}

/*
 * The start of an offer ending at the line starting at byte ls: the short
 * lines before it ("From £15 / month", bullets, the product's name) and
 * blank lines, back to the first line of prose.
 */
static size_t
block_start(const struct doc *d, size_t ls)
{
	size_t start = ls, ps, pe, lines;
	int blank;

	for (lines = 0; start > 0 && lines < 30; lines++) {
		line_of(d, start - 1, &ps, &pe);
		if (prose_end(d, ps, pe, &blank) || pe - ps > 60)
			break;
		start = ps;
	}
	/* no blank lines at the front */
	while (start < ls) {
		line_of(d, start, &ps, &pe);
		prose_end(d, ps, pe, &blank);
		if (!blank)
			break;
		start = pe + 1;
	}
	return start;
}

/* The code point at byte b, given token t: b at or before its start, or
 * at or after its end. */
static uint32_t
cp_near(const struct doc *d, const struct glean_tok *t, size_t b)
{
	if (b <= t->bs)
		return t->s - (uint32_t)glean_cp_count(d->s + b, t->bs - b);
	return t->e + (uint32_t)glean_cp_count(d->s + t->be, b - t->be);
}

/* The boilerplate span of cue q found at tokens [i0, i1), if its extent
 * rule holds there (see boilerplate.tsv). */
static void
add_boilerplate(struct doc *d, size_t i0, size_t i1, const struct cue *q)
{
	const struct glean_tok *a = &d->tk->t[i0], *z = &d->tk->t[i1 - 1];
	size_t ls, le, bs = a->bs, be = z->be;
	int blank;

	line_of(d, bs, &ls, &le);
	switch (q->extent) {
	case BX_LABEL:
		/* "Image caption," and the space after */
		while (be < d->n && (d->s[be] == ',' || d->s[be] == ':'))
			be++;
		ls = bs;
		le = be;
		break;
	case BX_NOTICE:
		if (le - ls > BP_LINE_MAX)
			return;
		break;
	default:	/* BX_LINE, BX_BLOCK: a button, a menu item */
		if (le - ls > 100 || prose_end(d, ls, le, &blank))
			return;
		if (q->extent == BX_BLOCK)
			ls = block_start(d, ls);
	}
	if (d->nbp && d->bp[d->nbp - 1].e >= cp_near(d, a, ls)) {
		/* overlaps the last: one span */
		if (d->bp[d->nbp - 1].s > cp_near(d, a, ls))
			d->bp[d->nbp - 1].s = cp_near(d, a, ls);
		if (d->bp[d->nbp - 1].e < cp_near(d, z, le))
			d->bp[d->nbp - 1].e = cp_near(d, z, le);
		return;
	}
	if (d->nbp == d->capbp) {
		d->capbp = d->capbp ? 2 * d->capbp : 8;
		d->bp = glean_realloc(d->bp, d->capbp * sizeof *d->bp);
	}
	d->bp[d->nbp++] = (struct bspan){ cp_near(d, a, ls), cp_near(d, z, le),
	    q->kind };
}

/*
 * Topic cues and boilerplate phrases anywhere in the text (whoever owns
 * the tokens): each topic's weights, T_CUE on sentences with a strong
 * cue, the boilerplate spans.  Runs before councils are linked, which
 * ask what the sentence and the article are about.
 */
static __attribute__((noinline)) void
find_cues(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k, next = 0;
	const struct cue *q;
	const char *p;
	long f;

	/* the words classify_token found may start one (d->cuecand) */
	for (ci = 0; ci < d->ncuecand; ci++) {
		if ((i = d->cuecand[ci]) < next)
			continue;
		p = ttext(d, i, &len);
		if ((f = dict_find_in(&c->scan.first, p, len, d->s + d->n)) < 0 ||
		    !(len = match_tokens(d, &c->scan, f, i, &k, 0)))
			continue;
		q = &c->cues[c->scan.p[k].val];
		if (q->topic == TOP_NONE) {
			add_boilerplate(d, i, i + len, q);
		} else {
			d->score[q->topic][q->weight == 2 ? 0 : 1] += q->weight;
			if (q->weight == 2)
				d->ti[d->ti[i].sent].flags |= T_CUE;
			if (d->nhit == d->caphit) {
				d->caphit = d->caphit ? 2 * d->caphit : 16;
				d->hit = glean_realloc(d->hit, d->caphit *
				    sizeof *d->hit);
			}
			d->hit[d->nhit++] = (struct hit){ (uint32_t)i,
			    (uint32_t)(i + len), (uint32_t)c->scan.p[k].val };
		}
		next = i + len;
	}
}

/* ---- councils and their namesakes -------------------------------------- */

/*
 * Is the place name at tokens [i, end) part of another name?  A namesake
 * after it ("Leeds United", "Wiltshire Police"; *n its length), or after
 * the next place of a pair ("Wiltshire and Gloucestershire police", *n
 * 0), or one before it ending in "of" ("University of Leeds", *before its
 * length).
 */
static int
namesake(const struct doc *d, size_t i, size_t end, size_t *n,
    size_t *before)
{
	const struct ctx *c = d->c;
	size_t j, k, m, t, len2;

	*n = *before = 0;
	if ((*n = phrase_at(d, &c->after, end, i)))
		return 1;
	if (end + 1 < d->tk->n && d->ti[end].sent == d->ti[i].sent &&
	    (lword(d, end, "and") || teq(d, end, ",") || teq(d, end, "&")) &&
	    (len2 = match_tokens(d, &c->authph, winfo(d, end + 1)->auth,
	    end + 1, &k, 0)) && phrase_at(d, &c->after, end + 1 + len2, i))
		return 1;
	for (k = 0; k < c->before.n; k++) {
		m = c->before.p[k].ntok;
		if (i < m || d->ti[i - m].sent != d->ti[i].sent)
			continue;
		for (t = 0; t < m; t++)
			if (!teq(d, i - m + t, c->before.p[k].tok[t]))
				break;
		if (t == m) {
			for (j = i - m; j < i && free_tok(d, j); j++)
				;
			*before = j == i ? m : 0;
			return 1;
		}
	}
	return 0;
}

/* Are the tokens [a, b) free? */
static int
all_free(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!free_tok(d, a))
			return 0;
	return 1;
}

/* Is token i a place name used as a location ("in Leeds", "from Hull")? */
static int
after_place_word(const struct doc *d, size_t i)
{
	char low[16];
	size_t len, k;
	const char *p;

	if (i == 0 || !is_word(d, i - 1) || d->ti[i - 1].sent != d->ti[i].sent)
		return 0;
	p = ttext(d, i - 1, &len);
	if (len >= sizeof low)
		return 0;
	for (k = 0; k < len; k++)
		low[k] = (p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k];
	return dict_find(&d->c->places, low, len) >= 0;
}

/*
 * Does the place name at tokens [i, i + len) name its council?  A name
 * that says so ("Leeds City Council") always does; a place name does when
 * no namesake claims it and its sentence speaks of a council, or the
 * article is about councils and it is not a location ("in Leeds").  A
 * namesake becomes an organisation ("Manchester City").
 */
static __attribute__((noinline)) int
names_its_council(struct doc *d, size_t i, size_t len, int flags)
{
	size_t n, before;
	struct ent *e;

	if (flags & PH_NAMED)
		return 1;
	if (namesake(d, i, i + len, &n, &before)) {
		if ((n || before) && all_free(d, i - before, i + len + n)) {
			e = add_ent(d, i - before, i + len + n, K_ORG);
			e->canonical = span_text(d, i - before, i + len + n);
		}
		return 0;
	}
	if (d->ti[d->ti[i].sent].flags & T_CUE)
		return 1;
	return topic_present(d, TOP_COUNCIL) && !after_place_word(d, i);
}

static void
find_authorities(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k;
	struct ent *e;
	int a;

	/* a match claims its tokens: the loop needs no skipping */
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!free_tok(d, i))
			continue;
		if (!(len = match_phrase(d, &c->authph, winfo(d, i)->auth, i,
		    &k)))
			continue;
		/* "New York", "Old Trafford", "Terry Telford": a place name
		 * after a capitalised word is part of another name; "Ms
		 * Essex" is a person */
		if (!(c->authph.p[k].flags & PH_NAMED) && i > 0 &&
		    is_capword(d, i - 1) && d->ti[i - 1].sent == d->ti[i].sent &&
		    (winfo(d, i - 1)->title >= 0 || (!sent_initial(d, i - 1) &&
		    winfo(d, i - 1)->org < 0)))
			continue;
		if ((a = pick_authority(d, &c->authph, k)) < 0 ||
		    !names_its_council(d, i, len, c->authph.p[k].flags))
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->named = (c->authph.p[k].flags & PH_NAMED) != 0;
		e->canonical = glean_strdup(c->auth[a].name);
	}
}

static void
find_lexicon_orgs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k;
	struct ent *e;

	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!free_tok(d, i))
			continue;
		if (!(len = match_phrase(d, &c->orgph, winfo(d, i)->org, i,
		    &k)))
			continue;
		e = add_ent(d, i, i + len, K_ORG);
		e->canonical = glean_strdup(c->orgcanon.str[c->orgph.p[k].val]);
	}
}

/* An acronym in brackets after an organisation: "Board (LSCB)". */
static void
find_acronyms(struct doc *d)
{
	size_t i, len, k, ne = d->ne;
	const char *p;
	struct ent *e;

	for (k = 0; k < ne; k++) {
		i = d->e[k].t1;
		if (d->e[k].kind != K_ORG || i + 2 >= d->tk->n ||
		    !teq(d, i, "(") || !teq(d, i + 2, ")") ||
		    !free_tok(d, i + 1) || !is_word(d, i + 1))
			continue;
		p = ttext(d, i + 1, &len);
		if (len < 2 || len > 8 || p[0] < 'A' || p[0] > 'Z' ||
		    p[len - 1] < 'A' || p[len - 1] > 'Z')
			continue;
		e = add_ent(d, i + 1, i + 2, K_ORG);
		e->canonical = glean_strdup(d->e[k].canonical);
	}
}

/* Role words [a, b) as a string; a capitalised role word that opens a
 * sentence is lowered ("Corporate director"). */
static char *
role_text(const struct doc *d, size_t a, size_t b)
{
	char *r = span_text(d, a, b);

	if (role_class(d, a) && r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'a' &&
	    r[1] <= 'z')
		r[0] += 32;
	return r;
}

static int
role_word(const struct doc *d, size_t i)
{
	int rc = role_class(d, i);

	return rc == R_HEAD || rc == R_MOD;
}

/* The end of a role [head, end) without dangling function words
 * ("director of the" before a quote). */
static size_t
trim_role(const struct doc *d, size_t head, size_t end)
{
	while (end > head + 1 && (lword(d, end - 1, "of") ||
	    lword(d, end - 1, "for") || lword(d, end - 1, "the") ||
	    lword(d, end - 1, "a") || lword(d, end - 1, "an") ||
	    lword(d, end - 1, "at") || lword(d, end - 1, "and") ||
	    lword(d, end - 1, "responsible")))
		end--;
	return end;
}

/* A role before the mention starting at token lo, or NULL. */
static char *
left_role(const struct doc *d, size_t lo)
{
	size_t sent = d->ti[lo].sent, j, k, head, end, a;

	if (lo == 0 || lo <= sent)
		return NULL;
	j = lo - 1;
	if (teq(d, j, ",")) {
		if (j == 0 || j <= sent)
			return NULL;
		j--;
	}
	end = j + 1;
	if (role_class(d, j) == R_HEAD) {
		head = j;
	} else {
		/* "leader of the council Cllr Phil Davies", but not
		 * "director of the British Chambers" */
		head = (size_t)-1;
		if (lword(d, j, "the") || lword(d, j, "a") ||
		    lword(d, j, "an") || lword(d, j, "of") ||
		    lword(d, j, "for"))
			return NULL;
		for (k = j - 1; k > sent && k + 5 > j; k--) {
			/* lower-case words only: not "director of the Pew
			 * Internet and American Life Project" */
			if (!is_word(d, k) || (k < j && is_capword(d, k + 1)))
				break;
			if ((lword(d, k, "of") || lword(d, k, "for")) &&
			    role_class(d, k - 1) == R_HEAD) {
				head = k - 1;
				break;
			}
		}
		if (head == (size_t)-1)
			return NULL;
	}
	for (a = head; a > sent; a--) {
		size_t p = a - 1;

		if (role_word(d, p) && !lword(d, p, "and"))
			continue;
		if (lword(d, p, "and") && p > sent && role_word(d, p - 1))
			continue;
		/* "Birkenhead MP", "Tory opposition leader" */
		if (is_capword(d, p) && !(winfo(d, p)->bits & W_STOP) &&
		    (d->ti[p].owner < 0 || d->e[d->ti[p].owner].kind == K_ORG))
			continue;
		break;
	}
	return role_text(d, a, trim_role(d, head, end));
}

/*
 * A role phrase starting at token p: [mods] head [of|for|at ...].  Leading
 * determiners and a possessor ("the council's") are skipped.  Returns the
 * role, or NULL; *poss gets the possessor's last token + 1 (or 0).
 */
static char *
role_at(const struct doc *d, size_t p, size_t *possend)
{
	size_t n = d->tk->n, sent = d->ti[p].sent, k, head, end;
	int rc;

	*possend = 0;
	if (lword(d, p, "the") || lword(d, p, "a") || lword(d, p, "an") ||
	    lword(d, p, "its") || lword(d, p, "their"))
		p++;
	for (k = p; k < n && k < p + 4 && is_word(d, k) &&
	    d->ti[k].sent == sent && role_class(d, k) != R_HEAD; k++)
		if (is_clitic_s(d, k)) {
			*possend = k;
			p = k + 1;
			break;
		}
	head = (size_t)-1;
	for (k = p; k < n && k < p + 5 && d->ti[k].sent == sent; k++) {
		rc = role_class(d, k);
		if (rc == R_HEAD)
			head = k;
		else if (rc != R_MOD && !(is_capword(d, k) && k == p))
			break;
	}
	if (head == (size_t)-1)
		return NULL;
	end = head + 1;
	if (end < n && d->ti[end].sent == sent && (lword(d, end, "of") ||
	    lword(d, end, "for") || lword(d, end, "at") ||
	    lword(d, end, "responsible"))) {
		for (k = end + 1; k < n && k < end + 9 &&
		    d->ti[k].sent == sent; k++) {
			if (d->tk->t[k].kind != GLEAN_TOK_WORD ||
			    role_class(d, k) == R_STOP)
				break;
			if (d->ti[k].owner >= 0 && d->e[d->ti[k].owner].kind ==
			    K_PERSON)
				break;
		}
		if (k > end + 1)
			end = k;
	}
	return role_text(d, p, trim_role(d, head, end));
}

/* A role after the name ending at token k: ", director of ..." or
 * "... as interim director". */
static char *
right_role(const struct doc *d, size_t k)
{
	size_t n = d->tk->n, sent, j, poss;

	if (k >= n)
		return NULL;
	sent = d->ti[k - 1].sent;
	if (teq(d, k, ",") && k + 1 < n && d->ti[k + 1].sent == sent)
		return role_at(d, k + 1, &poss);
	for (j = k; j < n && j < k + 6 && d->ti[j].sent == sent; j++) {
		if (!is_word(d, j))
			break;
		if ((lword(d, j, "as") || lword(d, j, "appointed")) &&
		    j + 1 < n && d->ti[j + 1].sent == sent)
			return role_at(d, j + 1, &poss);
	}
	return NULL;
}

/* People: titles, known forenames, or two capitalised words in a role
 * context. */
static void
find_people(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, k, n = d->tk->n, len, name0, start;
	long t;
	struct ent *e;
	const char *p;
	char *lr;

	/* a person claims its tokens: the loop needs no skipping */
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!free_tok(d, i))
			continue;
		start = name0 = i;
		p = ttext(d, i, &len);
		if (len > 1 && p[len - 1] == '.')
			t = dict_find(&c->titles, p, len - 1);
		else
			t = winfo(d, i)->title;
		if (t >= 0 &&
		    nameword(d, i + 1) && d->ti[i + 1].sent == d->ti[i].sent) {
			name0 = i + 1;
		} else if (nameword(d, i) && (winfo(d, i)->bits &
		    W_FORENAME) && nameword(d, i + 1) &&
		    d->ti[i + 1].sent == d->ti[i].sent) {
			t = -1;
		} else if (nameword(d, i) && nameword(d, i + 1) &&
		    d->ti[i + 1].sent == d->ti[i].sent) {
			/* two capitalised words need a role beside them,
			 * or "from": "Paddy Cleary from Unison" */
			t = -1;
			if (winfo(d, i + 1)->bits & W_ORGHEAD)
				continue;
			lr = left_role(d, i);
			if (!lr && !(i + 3 < n && teq(d, i + 2, ",") &&
			    (lr = right_role(d, i + 2))) &&
			    !lword(d, i + 2, "from"))
				continue;
			free(lr);
		} else {
			continue;
		}
		for (k = name0; k < n && k < name0 + 4 && d->ti[k].sent ==
		    d->ti[name0].sent && (nameword(d, k) ||
		    (k > name0 && initial(d, k) && nameword(d, k + 1))); k++)
			;
		if (k == name0)
			continue;
		e = add_ent(d, start, k, K_PERSON);
		e->n0 = name0;
		e->strong = t >= 0 || (winfo(d, name0)->bits & W_FORENAME);
		e->canonical = span_text(d, name0, k);
		if (t >= 0) {
			e->title = span_text(d, start, start + 1);
			if (c->titles.str[t])
				e->role = glean_strdup(c->titles.str[t]);
		}
	}
}

/* Roles and organisations of the people found. */
static void
find_roles(struct doc *d)
{
	size_t k, n = d->tk->n, j;
	struct ent *e;
	char *r;
	long o;

	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON)
			continue;
		r = left_role(d, e->t0);
		if (!r)
			r = right_role(d, e->t1);
		if (r) {
			free(e->role);
			e->role = r;
			e->explicit_role = 1;
		}
		j = e->t1;
		if (j + 1 < n && lword(d, j, "from") &&
		    (o = d->ti[j + 1].owner) >= 0 && d->e[o].kind != K_PERSON)
			e->org = glean_strdup(d->e[o].canonical);
	}
}

/* "the council", "County Hall": the article's council, if clear. */
static void
find_refs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t i, k, len, plen, best = 0, second = 0;
	size_t *count;
	int a = -1;
	struct ent *e;
	const char *p;
	long f;

	for (k = 0; k < d->ne && !(d->e[k].kind == K_AUTH &&
	    d->e[k].auth >= 0); k++)
		;
	if (k == d->ne)
		return;		/* no council named */
	count = glean_calloc(c->nauth + 1, sizeof *count);
	for (k = 0; k < d->ne; k++)
		if (d->e[k].kind == K_AUTH && d->e[k].auth >= 0)
			count[d->e[k].auth]++;
	for (k = 0; k < c->nauth; k++) {
		if (count[k] > best) {
			second = best;
			best = count[k];
			a = (int)k;
		} else if (count[k] > second) {
			second = count[k];
		}
	}
	free(count);
	/* one council, or one named at least twice as often as the next */
	if (a < 0 || (second && best < 2 * second))
		return;
	/* the article's council, if it is named as a council (not only
	 * as a place) or referred to */
	for (k = 0; k < d->ne; k++)
		if (d->e[k].kind == K_AUTH && d->e[k].auth == a &&
		    d->e[k].named)
			d->main_auth = a;
	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		p = ttext(d, i, &plen);
		f = dict_find_in(&c->refs.first, p, plen, d->s + d->n);
		if (!(len = match_phrase(d, &c->refs, f, i, &k)))
			continue;
		/* "the council tax", "the Council Chamber": not the body */
		if (i + len < d->tk->n && is_capword(d, i + len) &&
		    !(d->tk->t[i + len].flags & GLEAN_TOKF_NL) &&
		    d->ti[i + len].sent == d->ti[i].sent)
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->ref = 1;
		d->main_auth = a;
		e->canonical = glean_strdup(c->auth[a].name);
		i += len - 1;
	}
}

/*
 * A small string -> entity map for one document, so that resolving
 * people stays linear in their number (a 50 MB document has many).
 */
struct smap_slot {
	const char *key;	/* NULL: empty */
	size_t len;
	long val;
};

struct smap {
	size_t mask;
	struct smap_slot *slot;
	const char *lim;	/* keys lie in a buffer ending here, or NULL */
	uint64_t first[4];	/* first bytes of the keys: most words of a
				 * text are no key, and fail here */
};

/* A map for n keys; lim as for glean_hash8(), or NULL. */
static void
smap_init(struct smap *m, size_t n, const char *lim)
{
	m->lim = lim;
	memset(m->first, 0, sizeof m->first);
	for (m->mask = 16; m->mask < 2 * n; m->mask *= 2)
		;
	m->slot = glean_calloc(m->mask, sizeof *m->slot);
	m->mask--;
}

static void
smap_free(struct smap *m)
{
	free(m->slot);
}

/* The slot of key k[0..n): its own, or the empty one it would take. */
static struct smap_slot *
smap_slot(const struct smap *m, const char *k, size_t n)
{
	size_t h;

	for (h = glean_hash8(k, n, m->lim ? m->lim : k + n) & m->mask;
	    m->slot[h].key; h = (h + 1) & m->mask)
		if (m->slot[h].len == n && memcmp(m->slot[h].key, k, n) == 0)
			break;
	return &m->slot[h];
}

/* The value of k, or -1. */
static long
smap_get(const struct smap *m, const char *k, size_t n)
{
	const struct smap_slot *sl;
	unsigned char b = n ? (unsigned char)k[0] : 0;

	if (!(m->first[b / 64] >> (b % 64) & 1))
		return -1;
	sl = smap_slot(m, k, n);
	return sl->key ? sl->val : -1;
}

/* Set k to v unless it has a value already (the first wins). */
static void
smap_first(struct smap *m, const char *k, size_t n, long v)
{
	struct smap_slot *sl = smap_slot(m, k, n);
	unsigned char b = n ? (unsigned char)k[0] : 0;

	if (!sl->key) {
		sl->key = k;
		sl->len = n;
		sl->val = v;
		m->first[b / 64] |= 1ull << (b % 64);
	}
}

/*
 * Bare surnames of people named in full elsewhere: "Marchant said".  A
 * capitalised word opening a sentence counts only before a verb such as
 * "said" (class stop in roles.tsv), lest "Green spaces" be a mention.
 */
static void
find_surnames(struct doc *d)
{
	struct smap last;
	size_t ci, k, i, len, np = 0, ne = d->ne;
	const char *w;
	struct ent *e;
	long j;

	for (k = 0; k < ne; k++)
		np += d->e[k].kind == K_PERSON && d->e[k].strong &&
		    d->e[k].t1 - d->e[k].n0 >= 2;
	if (np == 0)
		return;
	smap_init(&last, np, d->s + d->n);	/* surnames: text */
	for (k = 0; k < ne; k++) {
		e = &d->e[k];
		if (e->kind == K_PERSON && e->strong && e->t1 - e->n0 >= 2) {
			w = ttext(d, e->t1 - 1, &len);
			smap_first(&last, w, len, (long)k);
		}
	}
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!free_tok(d, i) || !is_capword(d, i))
			continue;
		w = ttext(d, i, &len);
		if ((j = smap_get(&last, w, len)) < 0)
			continue;
		if (sent_initial(d, i) && !(i + 1 < d->tk->n &&
		    d->ti[i + 1].sent == d->ti[i].sent &&
		    role_class(d, i + 1) == R_STOP))
			continue;
		/* not the first name of someone else: "Marchant Smith" */
		if (is_capword(d, i + 1) && d->ti[i + 1].sent == d->ti[i].sent)
			continue;
		e = add_ent(d, i, i + 1, K_PERSON);
		e->canonical = glean_strdup(d->e[j].canonical);
	}
	smap_free(&last);
}

/* "Ms Marchant" -> "Clare Marchant"; roles shared between mentions. */
static void
resolve_people(struct doc *d)
{
	struct smap last, role, anyrole, org;
	size_t k, len, np = 0;
	struct ent *e;
	const char *w;
	long j;

	for (k = 0; k < d->ne; k++)
		np += d->e[k].kind == K_PERSON;
	if (np == 0)
		return;
	smap_init(&last, np, d->s + d->n);	/* surnames: text */
	smap_init(&role, np, NULL);		/* canonical names */
	smap_init(&anyrole, np, NULL);
	smap_init(&org, np, NULL);
	/* surnames of the full names, first mention first */
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind == K_PERSON && e->t1 - e->n0 >= 2) {
			w = ttext(d, e->t1 - 1, &len);
			smap_first(&last, w, len, (long)k);
		}
	}
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON || e->t1 - e->n0 != 1)
			continue;
		w = ttext(d, e->n0, &len);
		if ((j = smap_get(&last, w, len)) >= 0) {
			free(e->canonical);
			e->canonical = glean_strdup(d->e[j].canonical);
		}
	}
	/* the first explicit role wins, else the first title's role */
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON)
			continue;
		len = strlen(e->canonical);
		if (e->explicit_role)
			smap_first(&role, e->canonical, len, (long)k);
		if (e->role)
			smap_first(&anyrole, e->canonical, len, (long)k);
		if (e->org)
			smap_first(&org, e->canonical, len, (long)k);
	}
	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON || e->explicit_role)
			continue;
		len = strlen(e->canonical);
		if ((j = smap_get(&role, e->canonical, len)) < 0)
			j = e->role ? -1 : smap_get(&anyrole, e->canonical,
			    len);
		if (j >= 0 && (size_t)j != k) {
			free(e->role);
			e->role = glean_strdup(d->e[j].role);
		}
		if (!e->org && (j = smap_get(&org, e->canonical, len)) >= 0)
			e->org = glean_strdup(d->e[j].org);
	}
	smap_free(&last);
	smap_free(&role);
	smap_free(&anyrole);
	smap_free(&org);
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* The decimal digits of v. */
static void
put_uint(struct glean_buf *b, uint32_t v)
{
	char digits[10], *p = digits + sizeof digits;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	glean_buf_add(b, p, (size_t)(digits + sizeof digits - p));
}

/* ,"key":"s" for a NUL-terminated s. */
static void
put_field(struct glean_buf *b, const char *key, const char *s)
{
	glean_buf_add(b, key, strlen(key));
	glean_buf_addjstr(b, s, strlen(s));
}

/* One entity as a JSON object, keys in a fixed order. */
static void
put_ent(const struct doc *d, const struct ent *e, struct glean_buf *b)
{
	static const char *const kinds[] = { "person", "organisation",
	    "authority" };
	const struct glean_tok *a = &d->tk->t[e->t0], *z = &d->tk->t[e->t1 - 1];

	glean_buf_add(b, "{\"start\":", 9);
	put_uint(b, a->s);
	glean_buf_add(b, ",\"end\":", 7);
	put_uint(b, z->e);
	glean_buf_add(b, ",\"text\":", 8);
	glean_buf_addjstr(b, d->s + a->bs, z->be - a->bs);
	put_field(b, ",\"kind\":", kinds[e->kind]);
	put_field(b, ",\"canonical\":", e->canonical);
	if (e->auth >= 0)
		put_field(b, ",\"code\":", d->c->auth[e->auth].code);
	else
		glean_buf_add(b, ",\"code\":null", 12);
	if (e->kind == K_PERSON) {
		if (e->role)
			put_field(b, ",\"role\":", e->role);
		if (e->org)
			put_field(b, ",\"organisation\":", e->org);
		if (e->title)
			put_field(b, ",\"title\":", e->title);
	}
	glean_buf_addc(b, '}');
}

/*
 * ,"topics":{TOPIC:{"score","cues":[[start,end]...]}...}: the topics the
 * article is about, each with its weight and its first cues; the council
 * topic also names the article's council ("subject") when one is clear.
 */
static __attribute__((noinline)) void
put_topics(const struct doc *d, struct glean_buf *b)
{
	static const char *const names[NTOPIC] = { "council",
	    "children_services", "inspection", "inspectorate" };
	const struct glean_tok *a, *z;
	size_t h, shown;
	int t, first = 1, score;

	glean_buf_add(b, ",\"topics\":{", 11);
	for (t = 0; t < NTOPIC; t++) {
		if (!topic_present(d, t))
			continue;
		if (!first)
			glean_buf_addc(b, ',');
		first = 0;
		score = d->score[t][0] + d->score[t][1] +
		    (t == TOP_INSPECTION ? d->score[TOP_INSPECTORATE][0] : 0);
		glean_buf_addjstr(b, names[t], strlen(names[t]));
		glean_buf_add(b, ":{\"score\":", 10);
		put_uint(b, (uint32_t)score);
		glean_buf_add(b, ",\"cues\":[", 9);
		for (h = shown = 0; h < d->nhit && shown < 8; h++) {
			int ht = d->c->cues[d->hit[h].cue].topic;

			if (ht != t && !(t == TOP_INSPECTION &&
			    ht == TOP_INSPECTORATE))
				continue;
			a = &d->tk->t[d->hit[h].t0];
			z = &d->tk->t[d->hit[h].t1 - 1];
			glean_buf_add(b, shown ? ",[" : "[", shown ? 2 : 1);
			shown++;
			put_uint(b, a->s);
			glean_buf_addc(b, ',');
			put_uint(b, z->e);
			glean_buf_addc(b, ']');
		}
		glean_buf_addc(b, ']');
		if (t == TOP_COUNCIL && d->main_auth >= 0) {
			put_field(b, ",\"subject\":{\"name\":",
			    d->c->auth[d->main_auth].name);
			put_field(b, ",\"code\":",
			    d->c->auth[d->main_auth].code);
			glean_buf_addc(b, '}');
		}
		glean_buf_addc(b, '}');
	}
	glean_buf_addc(b, '}');
}

/* ,"boilerplate":[{"start","end","kind"}...], nothing when there is none:
 * every later stage pays for each field of every document. */
static __attribute__((noinline)) void
put_boilerplate(const struct doc *d, struct glean_buf *b)
{
	size_t k;

	if (!d->nbp)
		return;
	glean_buf_add(b, ",\"boilerplate\":[", 16);
	for (k = 0; k < d->nbp; k++) {
		glean_buf_add(b, k ? ",{\"start\":" : "{\"start\":",
		    k ? 10 : 9);
		put_uint(b, d->bp[k].s);
		glean_buf_add(b, ",\"end\":", 7);
		put_uint(b, d->bp[k].e);
		put_field(b, ",\"kind\":", d->bp[k].kind);
		glean_buf_addc(b, '}');
	}
	glean_buf_addc(b, ']');
}

/*
 * The pure function: entities of one document, appended to out as the
 * members "entities":[...], "topics":{...} and "boilerplate":[...].
 * published may be NULL.
 */
static void
entities(struct ctx *c, const char *s, size_t n, const char *published,
    struct glean_buf *out)
{
	struct doc d;
	size_t k;

	glean_tokenize(s, n, c->ab, &c->tk);
	memset(&d, 0, sizeof d);
	d.c = c;
	d.s = s;
	d.n = n;
	d.tk = &c->tk;
	d.published = published;
	if (c->tcap < c->tk.n + 1) {
		c->tcap = c->tk.n + 1;
		c->ti = glean_realloc(c->ti, c->tcap * sizeof *c->ti);
		c->cand = glean_realloc(c->cand, c->tcap * sizeof *c->cand);
		c->cuecand = glean_realloc(c->cuecand, c->tcap *
		    sizeof *c->cuecand);
	}
	d.ti = c->ti;
	d.cand = c->cand;
	d.cuecand = c->cuecand;
	d.main_auth = -1;
	index_tokens(&d);
	find_cues(&d);
	find_org_runs(&d);
	find_authorities(&d);
	find_lexicon_orgs(&d);
	find_acronyms(&d);
	find_people(&d);
	find_roles(&d);
	find_refs(&d);
	find_surnames(&d);
	resolve_people(&d);

	if (d.ne)
		qsort(d.e, d.ne, sizeof *d.e, cmp_ent);
	glean_buf_add(out, "\"entities\":[", 12);
	for (k = 0; k < d.ne; k++) {
		if (k)
			glean_buf_addc(out, ',');
		put_ent(&d, &d.e[k], out);
		free(d.e[k].canonical);
		free(d.e[k].role);
		free(d.e[k].org);
		free(d.e[k].title);
	}
	free(d.e);
	glean_buf_addc(out, ']');
	put_topics(&d, out);
	put_boilerplate(&d, out);
	free(d.hit);
	free(d.bp);
	/* a huge document must not pin its arrays for the rest of the run */
	if (c->tk.cap > (1u << 20))
		glean_toks_free(&c->tk);
	if (c->tcap > (1u << 20))
		free_token_arrays(c);
}

/* The layer is written as JSON text (glean_tail_fn): building it as
 * jansson values cost more than finding the entities. */
static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	json_t *text = json_object_get(doc, "text");
	json_t *pub = json_object_get(doc, "published");

	(void)err;
	entities(vctx, json_string_value(text), json_string_length(text),
	    json_is_string(pub) ? json_string_value(pub) : NULL, tail);
	return 0;
}

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n"
	    "Add \"entities\" (people, organisations, councils) to each "
	    "JSON Lines document.\n\n" GLEAN_COMMON_HELP, glean_prog);
	if (status)
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
	exit(status);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const reads[] = { "published", NULL };
	static const char *const writes[] = { "entities", "topics",
	    "boilerplate", NULL };
	static struct ctx c;
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct glean_stage st = { "entities", NULL, &c, reads, process,
	    writes };
	int ch, status;

	glean_setprog(argv[0]);
	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (!glean_common_option(ch, optarg, &o, usage))
			usage(GLEAN_EXIT_FATAL);
	}
	load_lexicons(&c, glean_lexdir(&o));
	status = glean_run(&st, &o, argc - optind, argv + optind);
	free_lexicons(&c);
	if (fclose(stdout) != 0)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status;
}
