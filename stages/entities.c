/* See LICENSE file for copyright and license details. */
/*
 * glean-entities - people, organisations and English local authorities.
 * Reads JSON Lines documents with a string "text" (and "published", to
 * choose between an abolished council and its successor); adds (or
 * replaces)
 *   "entities": [{"start","end","text","kind","canonical","code",
 *                 "role"?,"organisation"?,"title"?}, ...]
 * in code points, kind one of person, organisation, authority.  Every
 * other field passes through unchanged.
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
#include "tok.h"

/* ---- word sets and phrase tables --------------------------------------- */

/* A sorted set of words with an int value and an optional string. */
struct dict {
	size_t n, cap;
	char **key;
	int *val;
	char **str;
	size_t *ht;		/* hash index: slot -> key index + 1 */
	size_t hmask;
	unsigned char first[256];	/* first bytes of the keys */
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
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

/* Index d by hash: lookups cost one probe, not a binary search.  The
 * first of equal keys wins. */
static void
dict_index(struct dict *d)
{
	size_t i, h;

	for (d->hmask = 16; d->hmask < 2 * d->n; d->hmask *= 2)
		;
	free(d->ht);
	d->ht = glean_calloc(d->hmask, sizeof *d->ht);
	d->hmask--;
	memset(d->first, 0, sizeof d->first);
	for (i = 0; i < d->n; i++) {
		d->first[(unsigned char)d->key[i][0]] = 1;
		for (h = hash(d->key[i], strlen(d->key[i])) & d->hmask;
		    d->ht[h]; h = (h + 1) & d->hmask)
			if (strcmp(d->key[d->ht[h] - 1], d->key[i]) == 0)
				break;
		if (!d->ht[h])
			d->ht[h] = i + 1;
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

	if (d->n == 0)
		return;
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
	memset(d, 0, sizeof *d);
}

/* Index of w[0..n) in d, or -1. */
static long
dict_find(const struct dict *d, const char *w, size_t n)
{
	size_t lo = 0, hi = d->n, mid, h;
	int r;

	if (d->ht) {
		if (n > 0 && !d->first[(unsigned char)w[0]])
			return -1;
		for (h = hash(w, n) & d->hmask; d->ht[h]; h = (h + 1) &
		    d->hmask) {
			const char *k = d->key[d->ht[h] - 1];

			if (strncmp(k, w, n) == 0 && k[n] == '\0')
				return (long)(d->ht[h] - 1);
		}
		return -1;
	}
	while (lo < hi) {
		mid = (lo + hi) / 2;
		r = strncmp(d->key[mid], w, n);
		if (r == 0 && d->key[mid][n] != '\0')
			r = 1;
		if (r == 0)
			return (long)mid;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
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
};

enum { PH_BARE = 1 };		/* a bare area name (see authorities.tsv) */

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
	size_t i;

	if (ph->n)
		qsort(ph->p, ph->n, sizeof *ph->p, cmp_phrase);
	for (i = 0; i < ph->n; i++)
		if (i == 0 || strcmp(ph->p[i].tok[0], ph->p[i - 1].tok[0]))
			dict_add(&ph->first, ph->p[i].tok[0], (int)i, NULL);
	dict_sort(&ph->first);
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
	dict_free(&ph->first);
	memset(ph, 0, sizeof *ph);
}

/* ---- the stage's lexicons ---------------------------------------------- */

struct authority {
	char *code, *name;
	char from[8], until[8];	/* YYYY-MM or "" */
};

enum { R_HEAD = 1, R_MOD, R_STOP };

struct ctx {
	struct glean_abbrevs *ab;
	struct authority *auth;
	size_t nauth;
	struct phrases authph;	/* alias -> authority (val), several rows
				 * may share an alias */
	struct phrases orgph;	/* form -> index into orgcanon */
	struct dict orgcanon;	/* canonical names (key), unused values */
	struct dict orghead;
	struct phrases refs;	/* council references */
	struct dict titles;	/* str: implied role or NULL */
	struct dict roles;	/* val: R_HEAD, R_MOD, R_STOP */
	struct dict forenames;
	struct dict stops;	/* capitalised non-name words */
	struct dict lowstops;	/* lower-case: months, weekdays */
	struct glean_toks tk;
};

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

static void
load_lexicons(struct ctx *c, const char *dir)
{
	struct glean_lexicon *lx;
	size_t i;
	char **f, *cap;

	c->ab = glean_abbrevs_load(dir);
	load_authorities(c, dir);

	lx = glean_lexicon_load(dir, "organisations.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		if (strcmp(f[2], "head") == 0) {
			dict_add(&c->orghead, f[0], 0, NULL);
			continue;
		}
		dict_add(&c->orgcanon, f[0], 0, f[1]);
		phrase_add(&c->orgph, f[0], (int)c->orgcanon.n - 1, 0, c->ab);
	}
	phrases_index(&c->orgph);
	dict_index(&c->orgcanon);	/* not sorted: orgph refers to it */
	dict_sort(&c->orghead);
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
		dict_add(&c->roles, f[0], f[1][0] == 'h' ? R_HEAD :
		    f[1][0] == 'm' ? R_MOD : R_STOP, NULL);
	}
	dict_sort(&c->roles);
	glean_lexicon_free(lx);

	load_words(&c->forenames, dir, "forenames.tsv", 0);
	dict_sort(&c->forenames);
	load_words(&c->stops, dir, "name-stopwords.tsv", 0);
	dict_sort(&c->stops);
	load_words(&c->lowstops, dir, "months.tsv", 1);
	load_words(&c->lowstops, dir, "weekdays.tsv", 1);
	dict_sort(&c->lowstops);
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
	dict_free(&c->orgcanon);
	dict_free(&c->orghead);
	dict_free(&c->titles);
	dict_free(&c->roles);
	dict_free(&c->forenames);
	dict_free(&c->stops);
	dict_free(&c->lowstops);
	glean_abbrevs_free(c->ab);
	glean_toks_free(&c->tk);
}

/* ---- one document ------------------------------------------------------ */

enum { K_PERSON, K_ORG, K_AUTH };

struct ent {
	size_t t0, t1;		/* tokens [t0, t1) */
	size_t n0;		/* first token of the name (persons) */
	int kind;
	int auth;		/* authority index, or -1 */
	int ref;		/* a council reference ("the council") */
	char *canonical, *role, *org, *title;
	int explicit_role;
	int strong;		/* a title or a known forename */
};

struct doc {
	const struct ctx *c;
	const char *s;
	size_t n;
	const struct glean_toks *tk;
	const char *published;	/* YYYY-MM-DD or NULL */
	int32_t *owner;		/* per token: entity index or -1 */
	uint32_t *sentof;	/* per token: its sentence's first token */
	uint32_t *firstword;	/* per token: its sentence's first word */
	struct ent *e;
	size_t ne, cap;
};

static const char *
ttext(const struct doc *d, size_t i, size_t *len)
{
	*len = d->tk->t[i].be - d->tk->t[i].bs;
	return d->s + d->tk->t[i].bs;
}

static int
teq(const struct doc *d, size_t i, const char *w)
{
	size_t len;
	const char *p = ttext(d, i, &len);

	return len == strlen(w) && memcmp(p, w, len) == 0;
}

/* Case-insensitive (ASCII) lookup of token i in a lower-case dict. */
static long
tfind_lower(const struct doc *d, const struct dict *dc, size_t i)
{
	char low[64];
	size_t len, k;
	const char *p = ttext(d, i, &len);

	if (len >= sizeof low)
		return -1;
	for (k = 0; k < len; k++)
		low[k] = (p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k];
	return dict_find(dc, low, len);
}

static long
tfind(const struct doc *d, const struct dict *dc, size_t i)
{
	size_t len;
	const char *p = ttext(d, i, &len);

	return dict_find(dc, p, len);
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

/* Capitalised word with some lower case: "Marchant", "McDonald". */
static int
is_capword(const struct doc *d, size_t i)
{
	size_t len, k, l;
	const char *p;
	int32_t cp;
	int upper, lower = 0;

	if (!is_word(d, i) || (d->tk->t[i].flags & GLEAN_TOKF_CLITIC))
		return 0;
	p = ttext(d, i, &len);
	l = glean_utf8_next(p, len, &cp);
	if (cp < 0x80)
		upper = cp >= 'A' && cp <= 'Z';
	else
		upper = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
	if (!upper)
		return 0;
	for (k = l; k < len; k += l) {
		l = glean_utf8_next(p + k, len - k, &cp);
		if (cp >= 'a' && cp <= 'z')
			lower = 1;
		else if (cp >= 0x80 && utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_LL)
			lower = 1;
	}
	return lower;
}

/* Is token i before or at its sentence's first word or number? */
static int
sent_initial(const struct doc *d, size_t i)
{
	return i <= d->firstword[i];
}

static int
free_tok(const struct doc *d, size_t i)
{
	return i < d->tk->n && d->owner[i] < 0;
}

/* Is token i a word that can be part of a personal name? */
static int
nameword(const struct doc *d, size_t i)
{
	const struct ctx *c = d->c;

	if (!free_tok(d, i) || !is_capword(d, i))
		return 0;
	/* organisations were claimed before people are looked for */
	if (tfind(d, &c->stops, i) >= 0 || tfind_lower(d, &c->lowstops, i)
	    >= 0)
		return 0;
	return 1;
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
	long k;

	if (!is_word(d, i))
		return 0;
	k = tfind_lower(d, &d->c->roles, i);
	return k < 0 ? 0 : d->c->roles.val[k];
}

static int
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
		d->owner[i] = (int32_t)d->ne;
	d->ne++;
	return e;
}

/* Text of tokens [a, b) with runs of white space as one space. */
static char *
span_text(const struct doc *d, size_t a, size_t b)
{
	struct glean_buf out = { 0 };
	const char *p = d->s + d->tk->t[a].bs, *end = d->s + d->tk->t[b - 1].be;
	size_t l;
	int32_t cp;
	int sp = 0;

	while (p < end) {
		l = glean_utf8_next(p, (size_t)(end - p), &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0xA0 || (cp > 0x7f && utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_ZS)) {
			sp = 1;
		} else {
			if (sp)
				glean_buf_addc(&out, ' ');
			sp = 0;
			glean_buf_add(&out, p, l);
		}
		p += l;
	}
	if (!out.s)
		glean_buf_add(&out, "", 0);
	return out.s;
}

/* Longest phrase of ph matching at token i over free tokens; its length
 * in tokens, and *which the phrase index. */
static size_t
match_phrase(const struct doc *d, const struct phrases *ph, size_t i,
    size_t *which)
{
	size_t len, k, j;
	const char *p = ttext(d, i, &len);
	long f = dict_find(&ph->first, p, len);

	if (f < 0)
		return 0;
	for (k = (size_t)ph->first.val[f]; k < ph->n &&
	    strcmp(ph->p[k].tok[0], ph->first.key[f]) == 0; k++) {
		const struct phrase *q = &ph->p[k];

		for (j = 0; j < q->ntok; j++)
			if (!free_tok(d, i + j) || !teq(d, i + j, q->tok[j]) ||
			    d->sentof[i + j] != d->sentof[i])
				break;
		if (j == q->ntok) {
			*which = k;
			return q->ntok;	/* longest first */
		}
	}
	return 0;
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
	size_t i = 0, j, start, head, n = d->tk->n;
	long k;
	struct ent *e;

	while (i < n) {
		if (!is_capword(d, i) || !free_tok(d, i)) {
			i++;
			continue;
		}
		start = i;
		head = (size_t)-1;
		for (j = i; j < n && free_tok(d, j) &&
		    d->sentof[j] == d->sentof[i]; j++) {
			if (is_capword(d, j)) {
				if (j > start && tfind(d, &c->orghead, j) >= 0)
					head = j;
				continue;
			}
			if (j > start && is_clitic_s(d, j) &&
			    is_capword(d, j + 1))
				continue;
			if (j > start && (lword(d, j, "of") ||
			    lword(d, j, "for") || lword(d, j, "on")) &&
			    is_capword(d, j + 1) && !(d->tk->t[j].flags &
			    GLEAN_TOKF_NL))
				continue;
			break;
		}
		i = j > i ? j : i + 1;
		if (head == (size_t)-1)
			continue;
		while (start < head && tfind(d, &c->stops, start) >= 0)
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

static void
find_authorities(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t i, len, k;
	struct ent *e;
	int a;

	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		if (!(len = match_phrase(d, &c->authph, i, &k)))
			continue;
		/* "New York", "Old Trafford": a bare area name after a
		 * capitalised word is part of another name */
		if ((c->authph.p[k].flags & PH_BARE) && i > 0 &&
		    is_capword(d, i - 1) && !sent_initial(d, i - 1) &&
		    d->sentof[i - 1] == d->sentof[i] &&
		    tfind(d, &c->orgph.first, i - 1) < 0 &&
		    tfind(d, &c->titles, i - 1) < 0)
			continue;
		if ((a = pick_authority(d, &c->authph, k)) < 0)
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->canonical = glean_strdup(c->auth[a].name);
		i += len - 1;
	}
}

static void
find_lexicon_orgs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t i, len, k;
	struct ent *e;

	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		if (!(len = match_phrase(d, &c->orgph, i, &k)))
			continue;
		e = add_ent(d, i, i + len, K_ORG);
		e->canonical = glean_strdup(c->orgcanon.str[c->orgph.p[k].val]);
		i += len - 1;
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
	size_t sent = d->sentof[lo], j, k, head, end, a;

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
		if (is_capword(d, p) && tfind(d, &d->c->stops, p) < 0 &&
		    (d->owner[p] < 0 || d->e[d->owner[p]].kind == K_ORG))
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
	size_t n = d->tk->n, sent = d->sentof[p], k, head, end;
	int rc;

	*possend = 0;
	if (lword(d, p, "the") || lword(d, p, "a") || lword(d, p, "an") ||
	    lword(d, p, "its") || lword(d, p, "their"))
		p++;
	for (k = p; k < n && k < p + 4 && is_word(d, k) &&
	    d->sentof[k] == sent && role_class(d, k) != R_HEAD; k++)
		if (is_clitic_s(d, k)) {
			*possend = k;
			p = k + 1;
			break;
		}
	head = (size_t)-1;
	for (k = p; k < n && k < p + 5 && d->sentof[k] == sent; k++) {
		rc = role_class(d, k);
		if (rc == R_HEAD)
			head = k;
		else if (rc != R_MOD && !(is_capword(d, k) && k == p))
			break;
	}
	if (head == (size_t)-1)
		return NULL;
	end = head + 1;
	if (end < n && d->sentof[end] == sent && (lword(d, end, "of") ||
	    lword(d, end, "for") || lword(d, end, "at") ||
	    lword(d, end, "responsible"))) {
		for (k = end + 1; k < n && k < end + 9 &&
		    d->sentof[k] == sent; k++) {
			if (d->tk->t[k].kind != GLEAN_TOK_WORD ||
			    role_class(d, k) == R_STOP)
				break;
			if (d->owner[k] >= 0 && d->e[d->owner[k]].kind ==
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
	sent = d->sentof[k - 1];
	if (teq(d, k, ",") && k + 1 < n && d->sentof[k + 1] == sent)
		return role_at(d, k + 1, &poss);
	for (j = k; j < n && j < k + 6 && d->sentof[j] == sent; j++) {
		if (!is_word(d, j))
			break;
		if ((lword(d, j, "as") || lword(d, j, "appointed")) &&
		    j + 1 < n && d->sentof[j + 1] == sent)
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
	size_t i, k, n = d->tk->n, len, name0, start;
	long t;
	struct ent *e;
	const char *p;
	char *lr;

	for (i = 0; i < n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		t = -1;
		start = name0 = i;
		p = ttext(d, i, &len);
		if (len > 1 && p[len - 1] == '.')
			len--;
		if ((t = dict_find(&c->titles, p, len)) >= 0 &&
		    nameword(d, i + 1) && d->sentof[i + 1] == d->sentof[i]) {
			name0 = i + 1;
		} else if (nameword(d, i) && tfind(d, &c->forenames, i) >= 0 &&
		    nameword(d, i + 1) && d->sentof[i + 1] == d->sentof[i]) {
			t = -1;
		} else if (nameword(d, i) && nameword(d, i + 1) &&
		    d->sentof[i + 1] == d->sentof[i]) {
			/* two capitalised words need a role beside them,
			 * or "from": "Paddy Cleary from Unison" */
			t = -1;
			if (tfind(d, &c->orghead, i + 1) >= 0)
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
		for (k = name0; k < n && k < name0 + 4 && d->sentof[k] ==
		    d->sentof[name0] && (nameword(d, k) ||
		    (k > name0 && initial(d, k) && nameword(d, k + 1))); k++)
			;
		if (k == name0)
			continue;
		e = add_ent(d, start, k, K_PERSON);
		e->n0 = name0;
		e->strong = t >= 0 || tfind(d, &c->forenames, name0) >= 0;
		e->canonical = span_text(d, name0, k);
		if (t >= 0) {
			e->title = span_text(d, start, start + 1);
			if (c->titles.str[t])
				e->role = glean_strdup(c->titles.str[t]);
		}
		i = k - 1;
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
		    (o = d->owner[j + 1]) >= 0 && d->e[o].kind != K_PERSON)
			e->org = glean_strdup(d->e[o].canonical);
	}
}

/* "the council", "County Hall": the article's council, if clear. */
static void
find_refs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t i, k, len, best = 0, second = 0;
	size_t *count = glean_calloc(c->nauth + 1, sizeof *count);
	int a = -1;
	struct ent *e;

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
	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		if (!(len = match_phrase(d, &c->refs, i, &k)))
			continue;
		/* "the council tax", "the Council Chamber": not the body */
		if (i + len < d->tk->n && is_capword(d, i + len) &&
		    !(d->tk->t[i + len].flags & GLEAN_TOKF_NL) &&
		    d->sentof[i + len] == d->sentof[i])
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->ref = 1;
		e->canonical = glean_strdup(c->auth[a].name);
		i += len - 1;
	}
}

/*
 * A small string -> entity map for one document, so that resolving
 * people stays linear in their number (a 50 MB document has many).
 */
struct smap {
	size_t mask;
	const char **key;
	size_t *keylen;
	long *val;
};

static void
smap_init(struct smap *m, size_t n)
{
	for (m->mask = 16; m->mask < 2 * n; m->mask *= 2)
		;
	m->key = glean_calloc(m->mask, sizeof *m->key);
	m->keylen = glean_calloc(m->mask, sizeof *m->keylen);
	m->val = glean_calloc(m->mask, sizeof *m->val);
	m->mask--;
}

static void
smap_free(struct smap *m)
{
	free(m->key);
	free(m->keylen);
	free(m->val);
}

/* The slot of key k[0..n): its own, or the empty one it would take. */
static size_t
smap_slot(const struct smap *m, const char *k, size_t n)
{
	size_t h;

	for (h = hash(k, n) & m->mask; m->key[h]; h = (h + 1) & m->mask)
		if (m->keylen[h] == n && memcmp(m->key[h], k, n) == 0)
			break;
	return h;
}

/* The value of k, or -1. */
static long
smap_get(const struct smap *m, const char *k, size_t n)
{
	size_t h = smap_slot(m, k, n);

	return m->key[h] ? m->val[h] : -1;
}

/* Set k to v unless it has a value already (the first wins). */
static void
smap_first(struct smap *m, const char *k, size_t n, long v)
{
	size_t h = smap_slot(m, k, n);

	if (!m->key[h]) {
		m->key[h] = k;
		m->keylen[h] = n;
		m->val[h] = v;
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
	size_t k, i, len, np = 0, ne = d->ne;
	const char *w;
	struct ent *e;
	long j;

	for (k = 0; k < ne; k++)
		np += d->e[k].kind == K_PERSON && d->e[k].strong &&
		    d->e[k].t1 - d->e[k].n0 >= 2;
	if (np == 0)
		return;
	smap_init(&last, np);
	for (k = 0; k < ne; k++) {
		e = &d->e[k];
		if (e->kind == K_PERSON && e->strong && e->t1 - e->n0 >= 2) {
			w = ttext(d, e->t1 - 1, &len);
			smap_first(&last, w, len, (long)k);
		}
	}
	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_capword(d, i))
			continue;
		w = ttext(d, i, &len);
		if ((j = smap_get(&last, w, len)) < 0)
			continue;
		if (sent_initial(d, i) && !(i + 1 < d->tk->n &&
		    d->sentof[i + 1] == d->sentof[i] &&
		    role_class(d, i + 1) == R_STOP))
			continue;
		/* not the first name of someone else: "Marchant Smith" */
		if (is_capword(d, i + 1) && d->sentof[i + 1] == d->sentof[i])
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
	smap_init(&last, np);
	smap_init(&role, np);
	smap_init(&anyrole, np);
	smap_init(&org, np);
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

static json_t *
ent_json(const struct doc *d, const struct ent *e)
{
	static const char *const kinds[] = { "person", "organisation",
	    "authority" };
	const struct glean_tok *a = &d->tk->t[e->t0], *b = &d->tk->t[e->t1 - 1];
	json_t *o = json_object();

	json_object_set_new(o, "start", json_integer(a->s));
	json_object_set_new(o, "end", json_integer(b->e));
	json_object_set_new(o, "text", json_stringn(d->s + a->bs,
	    b->be - a->bs));
	json_object_set_new(o, "kind", json_string(kinds[e->kind]));
	json_object_set_new(o, "canonical", json_string(e->canonical));
	json_object_set_new(o, "code", e->auth >= 0 ?
	    json_string(d->c->auth[e->auth].code) : json_null());
	if (e->kind == K_PERSON) {
		if (e->role)
			json_object_set_new(o, "role", json_string(e->role));
		if (e->org)
			json_object_set_new(o, "organisation",
			    json_string(e->org));
		if (e->title)
			json_object_set_new(o, "title", json_string(e->title));
	}
	return o;
}

/*
 * The pure function: entities of one document.  Returns a new array.
 * published may be NULL.
 */
static json_t *
entities(struct ctx *c, const char *s, size_t n, const char *published)
{
	struct doc d;
	json_t *arr = json_array();
	size_t i, k;

	glean_tokenize(s, n, c->ab, &c->tk);
	memset(&d, 0, sizeof d);
	d.c = c;
	d.s = s;
	d.n = n;
	d.tk = &c->tk;
	d.published = published;
	d.owner = glean_malloc((c->tk.n + 1) * sizeof *d.owner);
	d.sentof = glean_malloc((c->tk.n + 1) * sizeof *d.sentof);
	for (i = 0; i < c->tk.n; i++)
		d.owner[i] = -1;
	d.firstword = glean_malloc((c->tk.n + 1) * sizeof *d.firstword);
	for (k = 0; k < c->tk.nsent; k++) {
		size_t fw = c->tk.sent[k].last;

		for (i = c->tk.sent[k].first; i < c->tk.sent[k].last; i++) {
			d.sentof[i] = (uint32_t)c->tk.sent[k].first;
			if (fw == c->tk.sent[k].last &&
			    (c->tk.t[i].kind == GLEAN_TOK_WORD ||
			    c->tk.t[i].kind == GLEAN_TOK_NUMBER))
				fw = i;
		}
		for (i = c->tk.sent[k].first; i < c->tk.sent[k].last; i++)
			d.firstword[i] = (uint32_t)fw;
	}

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
	for (k = 0; k < d.ne; k++) {
		json_array_append_new(arr, ent_json(&d, &d.e[k]));
		free(d.e[k].canonical);
		free(d.e[k].role);
		free(d.e[k].org);
		free(d.e[k].title);
	}
	free(d.e);
	free(d.owner);
	free(d.sentof);
	free(d.firstword);
	if (c->tk.cap > (1u << 20))
		glean_toks_free(&c->tk);
	return arr;
}

static int
process(json_t *doc, void *vctx, char **err)
{
	json_t *text = json_object_get(doc, "text");
	json_t *pub = json_object_get(doc, "published");

	(void)err;
	json_object_set_new(doc, "entities", entities(vctx,
	    json_string_value(text), json_string_length(text),
	    json_is_string(pub) ? json_string_value(pub) : NULL));
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
	static struct ctx c;
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct glean_stage st = { "entities", process, &c, reads, NULL,
	    NULL };
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
