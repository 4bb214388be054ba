/* See LICENSE file for copyright and license details. */
/*
 * glean-ratings - find inspection judgements in each document.
 *
 * Reads documents (JSON Lines) and adds "ratings": [{start, end, subject,
 * code, subject_kind, area, grade, when, inspectorate}], plus
 * "grade_as_written" when the words were normalised ("failing status" ->
 * inadequate) and "implied": true for a judgement read from "also".
 * Uses "sentences", "entities" (authorities) and "dates" when present and
 * valid; without them it splits sentences itself, finds councils with
 * lexicons/authorities.tsv and years with a pattern.  Grade words, areas,
 * rating verbs and inspectorates come from lexicons/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "glean.h"
#include "swar.h"

enum { COP_NO, COP_YES, COP_SELF };
enum { R_VERB = 1, R_NOUN = 2, R_LINK = 4, R_FOLLOW = 8, R_NEG = 16,
	R_ALSO = 32, R_STOP = 64, R_JOIN = 128 };

#define VERB_WINDOW 6	/* words before a grade searched for a verb */
#define AREA_WINDOW 8	/* words between an area and a copula grade */
#define NEG_WINDOW 3	/* words before a grade searched for "not" */
#define DATE_AFTER 2	/* words between a grade and its own date */
#define COORD_WINDOW 4	/* words from a judgement to a coordinated one */
#define MAXPHRASE 8
/* A lexicon pattern matched at word boundaries. */
#define WORD_RE "(?<![\\p{L}\\p{N}])(?:%s)(?![\\p{L}\\p{N}])"

struct phrase {
	char *w[MAXPHRASE];	/* lower-case words */
	size_t nw;
	int role;		/* rating-verbs: R_* bits */
	const char *grade;	/* grades: normalised grade */
	int copula;		/* grades: COP_* */
};

struct area {
	char *name;
	pcre2_code *re;
	int board;
	int generic;
};

/*
 * What a folded word can start: the grade and rating-verb phrases whose
 * first word it is, in lexicon order, and a summary of them for
 * may_rate().
 */
struct starter {
	const char *word;
	size_t len;
	size_t *grades, ngrades;	/* indices into ctx.grades */
	size_t *verbs, nverbs;	/* indices into ctx.verbs */
	int roles;		/* R_* bits of those verbs */
	int copulas;		/* 1 << COP_* of those grades */
	size_t maxnw;		/* words of the longest of those grades */
};

/*
 * A slot of an open-addressing hash table of starters by word.  Most
 * words of a text are in no phrase: small slots in a table at most an
 * eighth full send most of them away at one cached load.
 */
struct slot {
	uint32_t hash;		/* word_hash() of the starter's word */
	uint32_t st;		/* 1 + its index in ctx.starters; 0: empty */
};

struct named {
	char *name;
	const char *canon;	/* authorities: the row's official name */
	const char *code;
	pcre2_code *re;
};

struct ctx {
	struct glean_lexicon *lx_grades, *lx_verbs, *lx_areas, *lx_insp,
	    *lx_auth;
	struct phrase *grades;
	size_t ngrades;
	struct phrase *verbs;
	size_t nverbs;
	struct starter *starters;
	size_t nstarters;
	struct slot *slots;	/* every starter; nslots, a power of two */
	struct slot *cue_slots;	/* those may_rate() looks for; nslots */
	size_t nslots;
	size_t longest;		/* bytes of the longest starter's word */
	struct area *areas;
	size_t nareas;
	struct named *insp;
	size_t ninsp;
	struct named *auth;	/* authorities.tsv, one per alias */
	size_t nauth;
	pcre2_code *auth_re;	/* all aliases, longest first */
	json_t *auth_by_name;	/* alias -> first index in auth */
	json_t *auth_by_pre;	/* first 3 bytes -> first index in auth */
	pcre2_code *year_re;
	pcre2_code *named_re;	/* any inspectorate or specific area */
	pcre2_match_data *md;
};

/* One document's working state. */
struct word {
	size_t s, e;		/* bytes */
	size_t low;		/* offset of the folded word in doc.lows */
	const struct starter *st;	/* the phrases starting with it */
	size_t sent;		/* sentence index */
	int role;		/* R_* bits of the phrases starting here */
	size_t stop;		/* first word from here with R_STOP, or nw */
};

struct span {
	size_t s, e;		/* bytes */
	int idx;		/* area index, authority index... */
	const char *name, *code, *value;
	size_t seq;		/* order of finding, for a stable sort */
};

struct spans {
	struct span *v;
	size_t n, cap;
	size_t *minend;		/* minend[i]: least end of v[i..n) */
};

/*
 * The spans of a layer that fit in one sentence, sentence by sentence, in
 * (start, end) order: the queries of a grade ("the last date before it in
 * its sentence") are then binary searches instead of scans.
 */
struct bysent {
	const struct span **v;
	size_t n;
	size_t *minend;		/* least end from here to the sentence's end */
	size_t *first;		/* nsent + 1 entries: each sentence's spans */
};

struct doc {
	const char *text;
	size_t len;
	struct glean_offsets off;
	size_t *sent;		/* pairs of byte offsets */
	size_t nsent;
	struct word *w;
	size_t nw, capw;
	struct spans areas, auth, dates, insp, orgs;
	struct bysent sauth, sdates, sinsp, sareas;
	size_t *auth_byend;	/* indices of auth in (end, index) order */
	long *org_of_area;	/* per area: first organisation holding it */
	long board_fallback;	/* first board area with a name; -2 unknown */
	struct glean_buf lows;	/* the words folded, NUL-separated */
	const char *published;
	json_t *out;
};

static struct glean_opts opts = GLEAN_OPTS_INIT;

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n"
	    "Add the \"ratings\" layer: inspection judgements with subject, "
	    "area, grade\nand date.\n\n" GLEAN_COMMON_HELP, glean_prog);
	exit(status);
}

static void
spans_add(struct spans *sp, struct span s)
{
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->v = glean_realloc(sp->v, sp->cap * sizeof(*sp->v));
	}
	s.seq = sp->n;
	sp->v[sp->n++] = s;
}

/* Split a lexicon field into lower-case words. */
static void
phrase_set(struct phrase *p, const char *field)
{
	char *copy = glean_strdup(field), *tok, *save = NULL;

	p->nw = 0;
	for (tok = strtok_r(copy, " ", &save); tok && p->nw < MAXPHRASE;
	    tok = strtok_r(NULL, " ", &save))
		p->w[p->nw++] = glean_strdup(tok);
	free(copy);
}

static void
phrase_free(struct phrase *p)
{
	size_t i;

	for (i = 0; i < p->nw; i++)
		free(p->w[i]);
}

/*
 * The hash of a folded word from its length and end bytes: enough to
 * spread the few starters, and as cheap for a long word as a short one.
 */
static uint32_t
word_hash(int first, int last, size_t n)
{
	uint32_t h = ((uint32_t)(first & 0xff) << 16 |
	    (uint32_t)(last & 0xff) << 8 | (uint32_t)(n & 0xff)) * 2654435761u;

	return h ^ h >> 16;
}

/* In table v: the slot of folded word s[0..n) with hash h, or the empty
 * one where it would go. */
static struct slot *
slot_of(const struct ctx *c, struct slot *v, const char *s, size_t n,
    uint32_t h)
{
	size_t mask = c->nslots - 1, i = h & mask;
	const struct starter *st;

	for (; v[i].st; i = (i + 1) & mask) {
		st = &c->starters[v[i].st - 1];
		if (v[i].hash == h && st->len == n && !memcmp(st->word, s, n))
			break;
	}
	return &v[i];
}

/* In table v: the starter of folded word s[0..n), or NULL. */
static const struct starter *
starter_find(const struct ctx *c, struct slot *v, const char *s, size_t n)
{
	const struct slot *sl;

	if (!n)
		return NULL;
	sl = slot_of(c, v, s, n, word_hash(s[0], s[n - 1], n));
	return sl->st ? &c->starters[sl->st - 1] : NULL;
}

/* The starter of a phrase's first word, added if new. */
static struct starter *
starter_get(struct ctx *c, const struct phrase *p)
{
	size_t n = strlen(p->w[0]);
	uint32_t h = word_hash(p->w[0][0], p->w[0][n - 1], n);
	struct slot *sl = slot_of(c, c->slots, p->w[0], n, h);

	if (!sl->st) {
		c->starters[c->nstarters].word = p->w[0];
		c->starters[c->nstarters].len = n;
		sl->hash = h;
		sl->st = (uint32_t)++c->nstarters;
		if (n > c->longest)
			c->longest = n;
	}
	return &c->starters[sl->st - 1];
}

static void
add_index(size_t **v, size_t *n, size_t i)
{
	*v = glean_realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = i;
}

/*
 * Index the grades and verbs by first word; an empty phrase never
 * matches.  may_rate() needs only the starters of grades, rating verbs
 * and rating nouns, rare in news, in a table of their own: for most
 * words its first slot is empty.
 */
static void
starters_init(struct ctx *c)
{
	size_t i, n = c->ngrades + c->nverbs;
	struct starter *st;
	struct slot *sl;
	uint32_t h;

	c->starters = glean_calloc(n + 1, sizeof(*c->starters));
	for (c->nslots = 16; c->nslots < 8 * n; c->nslots *= 2)
		;
	c->slots = glean_calloc(c->nslots, sizeof(*c->slots));
	c->cue_slots = glean_calloc(c->nslots, sizeof(*c->cue_slots));
	for (i = 0; i < c->ngrades; i++) {
		if (!c->grades[i].nw)
			continue;
		st = starter_get(c, &c->grades[i]);
		add_index(&st->grades, &st->ngrades, i);
		st->copulas |= 1 << c->grades[i].copula;
		if (c->grades[i].nw > st->maxnw)
			st->maxnw = c->grades[i].nw;
	}
	for (i = 0; i < c->nverbs; i++) {
		if (!c->verbs[i].nw)
			continue;
		st = starter_get(c, &c->verbs[i]);
		add_index(&st->verbs, &st->nverbs, i);
		st->roles |= c->verbs[i].role;
	}
	for (i = 0; i < c->nstarters; i++) {
		st = &c->starters[i];
		if (!st->ngrades && !(st->roles & (R_VERB | R_NOUN)))
			continue;
		h = word_hash(st->word[0], st->word[st->len - 1], st->len);
		sl = slot_of(c, c->cue_slots, st->word, st->len, h);
		sl->hash = h;
		sl->st = (uint32_t)i + 1;
	}
}

static int
role_of(const char *s)
{
	static const struct { const char *n; int r; } roles[] = {
		{ "verb", R_VERB }, { "noun", R_NOUN }, { "link", R_LINK },
		{ "follow", R_FOLLOW }, { "negation", R_NEG },
		{ "also", R_ALSO }, { "stop", R_STOP }, { "join", R_JOIN }
	};
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcmp(s, roles[i].n))
			return roles[i].r;
	return 0;
}

/* Escape a literal for pcre2 and let spaces match any white space. */
static void
re_literal(struct glean_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ') {
			glean_buf_add(b, "\\s+", 3);
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}", *s))
			glean_buf_addc(b, '\\');
		glean_buf_addc(b, *s);
	}
}

static void
buf_adds(struct glean_buf *b, const char *s)
{
	glean_buf_add(b, s, strlen(s));
}

static int
bylen(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	size_t lx = strlen(x->name), ly = strlen(y->name);

	return lx < ly ? 1 : lx > ly ? -1 : strcmp(x->name, y->name);
}

static void
add_alias(struct ctx *c, size_t *cap, const char *alias, const char *canon,
    const char *code)
{
	if (strlen(alias) < 3 || !strcmp(alias, "-"))
		return;
	if (c->nauth == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		c->auth = glean_realloc(c->auth, *cap * sizeof(*c->auth));
	}
	c->auth[c->nauth].name = glean_strdup(alias);
	c->auth[c->nauth].canon = canon;
	c->auth[c->nauth].code = code;
	c->auth[c->nauth].re = NULL;
	c->nauth++;
}

static int
is_gss(const char *s)
{
	size_t i;

	if (strlen(s) != 9 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < 9; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * authorities.tsv, optional (glean-entities owns it): code, name, area,
 * type, from, until, bare, aliases ("|"-separated).  The fallback for
 * documents without an entities layer.
 */
static void
load_authorities(struct ctx *c, const char *dir)
{
	char *path = glean_asprintf("%s/authorities.tsv", dir), *al, *tok;
	char *save, *ac;
	struct glean_buf b = { 0 };
	FILE *fp;
	size_t i, cap = 0;

	fp = fopen(path, "r");
	free(path);
	if (!fp)
		return;
	fclose(fp);
	c->lx_auth = glean_lexicon_load(dir, "authorities.tsv", 3);
	for (i = 0; i < c->lx_auth->nrows; i++) {
		struct glean_row *r = &c->lx_auth->rows[i];

		if (!is_gss(r->f[0]) || r->nf < 8)
			continue;
		add_alias(c, &cap, r->f[1], r->f[1], r->f[0]);
		ac = glean_asprintf("%s Council", r->f[2]);
		add_alias(c, &cap, ac, r->f[1], r->f[0]);
		free(ac);
		if (!strcmp(r->f[6], "yes"))
			add_alias(c, &cap, r->f[2], r->f[1], r->f[0]);
		al = glean_strdup(r->f[7]);
		save = NULL;
		for (tok = strtok_r(al, "|", &save); tok;
		    tok = strtok_r(NULL, "|", &save))
			add_alias(c, &cap, tok, r->f[1], r->f[0]);
		free(al);
	}
	if (!c->nauth)
		return;
	qsort(c->auth, c->nauth, sizeof(*c->auth), bylen);
	/* Which alias a match is: the first with its text, else the first
	 * with its first three bytes (matched across other white space). */
	c->auth_by_name = json_object();
	c->auth_by_pre = json_object();
	for (i = 0; i < c->nauth; i++) {
		char pre[4];

		if (!json_object_get(c->auth_by_name, c->auth[i].name))
			json_object_set_new_nocheck(c->auth_by_name,
			    c->auth[i].name, json_integer((json_int_t)i));
		memcpy(pre, c->auth[i].name, 3);
		pre[3] = '\0';
		if (!json_object_get(c->auth_by_pre, pre))
			json_object_set_new_nocheck(c->auth_by_pre, pre,
			    json_integer((json_int_t)i));
	}
	buf_adds(&b, "(?<![\\p{L}\\p{N}])(?:");
	for (i = 0; i < c->nauth; i++) {
		if (i)
			glean_buf_addc(&b, '|');
		re_literal(&b, c->auth[i].name);
	}
	buf_adds(&b, ")(?![\\p{L}\\p{N}])");
	c->auth_re = glean_re_compile(b.s, 0, "authorities.tsv");
	glean_buf_free(&b);
}

static void
add_alternative(struct glean_buf *b, const char *pattern)
{
	if (b->len)
		glean_buf_addc(b, '|');
	buf_adds(b, "(?:");
	buf_adds(b, pattern);
	glean_buf_addc(b, ')');
}

/*
 * named_re, for may_rate(): one pattern for every inspectorate and every
 * specific (not generic) area, so a text is scanned once.  NULL when
 * there are none: then no sentence can hold a judgement.
 */
static void
named_init(struct ctx *c)
{
	struct glean_buf b = { 0 };
	size_t i;
	char *pat;

	for (i = 0; i < c->ninsp; i++)
		add_alternative(&b, c->lx_insp->rows[i].f[1]);
	for (i = 0; i < c->nareas; i++)
		if (!c->areas[i].generic)
			add_alternative(&b, c->lx_areas->rows[i].f[1]);
	if (!b.len)
		return;
	pat = glean_asprintf(WORD_RE, b.s);
	c->named_re = glean_re_compile(pat, PCRE2_CASELESS,
	    "inspectorates.tsv and areas.tsv");
	free(pat);
	glean_buf_free(&b);
}

/* Letters, digits and combining marks: what words are made of. */
static int
is_wordcp(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
	    cat == UTF8PROC_CATEGORY_MN;
}

static void
ctx_init(struct ctx *c, const char *dir)
{
	size_t i;
	struct glean_row *r;
	char *pat;

	memset(c, 0, sizeof(*c));
	c->lx_grades = glean_lexicon_load(dir, "grades.tsv", 3);
	c->ngrades = c->lx_grades->nrows;
	c->grades = glean_calloc(c->ngrades, sizeof(*c->grades));
	for (i = 0; i < c->ngrades; i++) {
		r = &c->lx_grades->rows[i];
		phrase_set(&c->grades[i], r->f[0]);
		c->grades[i].grade = r->f[1];
		c->grades[i].copula = !strcmp(r->f[2], "yes") ? COP_YES :
		    !strcmp(r->f[2], "self") ? COP_SELF : COP_NO;
	}
	c->lx_verbs = glean_lexicon_load(dir, "rating-verbs.tsv", 2);
	c->nverbs = c->lx_verbs->nrows;
	c->verbs = glean_calloc(c->nverbs, sizeof(*c->verbs));
	for (i = 0; i < c->nverbs; i++) {
		r = &c->lx_verbs->rows[i];
		phrase_set(&c->verbs[i], r->f[0]);
		if (!(c->verbs[i].role = role_of(r->f[1])))
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: unknown role '%s'",
			    c->lx_verbs->path, r->line, r->f[1]);
	}
	starters_init(c);
	c->lx_areas = glean_lexicon_load(dir, "areas.tsv", 3);
	c->nareas = c->lx_areas->nrows;
	c->areas = glean_calloc(c->nareas, sizeof(*c->areas));
	for (i = 0; i < c->nareas; i++) {
		r = &c->lx_areas->rows[i];
		c->areas[i].name = r->f[0];
		pat = glean_asprintf(WORD_RE, r->f[1]);
		c->areas[i].re = glean_re_compile(pat, PCRE2_CASELESS,
		    "areas.tsv");
		free(pat);
		c->areas[i].board = !strcmp(r->f[2], "board");
		c->areas[i].generic = !strcmp(r->f[2], "generic");
	}
	c->lx_insp = glean_lexicon_load(dir, "inspectorates.tsv", 2);
	c->ninsp = c->lx_insp->nrows;
	c->insp = glean_calloc(c->ninsp, sizeof(*c->insp));
	for (i = 0; i < c->ninsp; i++) {
		r = &c->lx_insp->rows[i];
		c->insp[i].name = r->f[0];
		pat = glean_asprintf(WORD_RE, r->f[1]);
		c->insp[i].re = glean_re_compile(pat, PCRE2_CASELESS,
		    "inspectorates.tsv");
		free(pat);
	}
	named_init(c);
	load_authorities(c, dir);
	/* The fallback when there is no dates layer: plain years. */
	c->year_re = glean_re_compile("(?<![\\p{N}£$€.,:/-])(?:19|20)\\d\\d"
	    "(?![\\p{N}%])", 0, "year pattern");
	c->md = pcre2_match_data_create(32, NULL);
}

static void
ctx_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->ngrades; i++)
		phrase_free(&c->grades[i]);
	for (i = 0; i < c->nverbs; i++)
		phrase_free(&c->verbs[i]);
	for (i = 0; i < c->nareas; i++)
		pcre2_code_free(c->areas[i].re);
	for (i = 0; i < c->ninsp; i++)
		pcre2_code_free(c->insp[i].re);
	for (i = 0; i < c->nauth; i++)
		free(c->auth[i].name);
	free(c->grades);
	free(c->verbs);
	for (i = 0; i < c->nstarters; i++) {
		free(c->starters[i].grades);
		free(c->starters[i].verbs);
	}
	free(c->starters);
	free(c->slots);
	free(c->cue_slots);
	free(c->areas);
	free(c->insp);
	free(c->auth);
	pcre2_code_free(c->auth_re);
	json_decref(c->auth_by_name);
	json_decref(c->auth_by_pre);
	pcre2_code_free(c->year_re);
	pcre2_code_free(c->named_re);
	pcre2_match_data_free(c->md);
	glean_lexicon_free(c->lx_grades);
	glean_lexicon_free(c->lx_verbs);
	glean_lexicon_free(c->lx_areas);
	glean_lexicon_free(c->lx_insp);
	if (c->lx_auth)
		glean_lexicon_free(c->lx_auth);
}

/* ---- per document ------------------------------------------------------ */

static int32_t
cp_at(const struct doc *d, size_t i, size_t *len)
{
	int32_t cp;

	if (i < d->len && (unsigned char)d->text[i] < 0x80) {
		*len = 1;
		return (unsigned char)d->text[i];
	}
	*len = glean_utf8_next(d->text + i, d->len - i, &cp);
	return cp;
}

/* A valid [start, end) code-point pair from a JSON array or object. */
static int
get_span(const struct doc *d, json_t *a, json_t *b, size_t *s, size_t *e)
{
	json_int_t x, y;

	if (!json_is_integer(a) || !json_is_integer(b))
		return -1;
	x = json_integer_value(a);
	y = json_integer_value(b);
	if (x < 0 || y <= x || (size_t)y > d->off.ncps)
		return -1;
	*s = glean_byte(&d->off, (size_t)x);
	*e = glean_byte(&d->off, (size_t)y);
	return 0;
}

static void
add_sentence(struct doc *d, size_t s, size_t e, size_t *cap)
{
	size_t i;

	/* Timelines and headlines: a line break always ends a sentence. */
	for (i = s; i < e; i++) {
		if (d->text[i] != '\n')
			continue;
		if (i > s)
			add_sentence(d, s, i, cap);
		s = i + 1;
	}
	if (e <= s)
		return;
	if (d->nsent == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		d->sent = glean_realloc(d->sent, *cap * 2 * sizeof(size_t));
	}
	d->sent[2 * d->nsent] = s;
	d->sent[2 * d->nsent + 1] = e;
	d->nsent++;
}

static void
find_sentences(struct doc *d, json_t *doc)
{
	json_t *ss = glean_field(doc, "sentences"), *p;
	size_t i, s, e, last = 0, cap = 0, start, n;
	int ok = json_is_array(ss) && json_array_size(ss) > 0;

	json_array_foreach(ok ? ss : NULL, i, p) {
		if (!json_is_array(p) || json_array_size(p) < 2 ||
		    get_span(d, json_array_get(p, 0), json_array_get(p, 1),
		    &s, &e) || s < last) {
			ok = 0;
			break;
		}
		last = e;
	}
	if (ok) {
		json_array_foreach(ss, i, p) {
			get_span(d, json_array_get(p, 0), json_array_get(p, 1),
			    &s, &e);
			add_sentence(d, s, e, &cap);
		}
		return;
	}
	d->nsent = 0;
	/* Our own: end at . ! ? followed by white space, or at a newline. */
	for (start = 0, i = 0; i < d->len; i += n) {
		int32_t cp = cp_at(d, i, &n), nx;
		size_t n2;

		if ((cp == '.' || cp == '!' || cp == '?') && i + n < d->len) {
			nx = cp_at(d, i + n, &n2);
			if (nx == ' ' || nx == '\n' || nx == 0xA0) {
				add_sentence(d, start, i + n, &cap);
				start = i + n;
			}
		}
	}
	add_sentence(d, start, d->len, &cap);
}

/*
 * The next word from byte *i, before byte end: its start in *s, its end
 * in *i, and in *ascii whether it is all ASCII; 0 when there is none.  A
 * word is letters, digits and combining marks, with inner ' ’ -
 * ("children's", "looked-after").
 */
static int
next_word(const struct doc *d, size_t end, size_t *i, size_t *s, int *ascii)
{
	size_t k = *i, n, n2;
	int32_t cp;

	for (; k < end; k += n)
		if (is_wordcp(cp_at(d, k, &n)))
			break;
	if (k >= end)
		return 0;
	*s = k;
	*ascii = (unsigned char)d->text[k] < 0x80;
	for (k += n; k < end; k += n) {
		cp = cp_at(d, k, &n);
		if (!is_wordcp(cp) && !((cp == '\'' || cp == 0x2019 ||
		    cp == '-') && k + n < end &&
		    is_wordcp(cp_at(d, k + n, &n2))))
			break;
		if (cp >= 0x80)
			*ascii = 0;
	}
	*i = k;
	return 1;
}

/*
 * Append word t[0..n) case-folded to b, ’ as ' so lexicons need only the
 * plain apostrophe, then a NUL to end it (casefold keeps none: NUL is
 * not a word).  Returns the folded length.
 */
static size_t
fold_word(struct glean_buf *b, const char *t, size_t n)
{
	size_t k, fl, at = b->len;
	char *low;

	for (k = 0; k < n && (unsigned char)t[k] < 0x80; k++)
		;
	if (k == n) {
		/* Most news words are ASCII: no utf8proc, no allocation. */
		glean_buf_add(b, t, n);
		for (k = at; k < b->len; k++)
			if (b->s[k] >= 'A' && b->s[k] <= 'Z')
				b->s[k] += 'a' - 'A';
	} else {
		low = glean_casefold(t, n, &fl);
		for (k = 0; k < fl && low[k]; k++) {
			if (!strncmp(low + k, "\xe2\x80\x99", 3)) {
				glean_buf_addc(b, '\'');
				k += 2;
			} else
				glean_buf_addc(b, low[k]);
		}
		free(low);
	}
	fl = b->len - at;
	glean_buf_addc(b, '\0');
	return fl;
}

static int
ascii_lower(int b)
{
	return b >= 'A' && b <= 'Z' ? b + 'a' - 'A' : b;
}

/*
 * In table v: the starter of word t[0..n) of a text, or NULL.  For
 * may_rate(), which looks up every word: an ASCII word (most) is folded
 * only as it is compared; any other goes through fold_word() into
 * scratch.
 */
static inline const struct starter *
word_starter(const struct ctx *c, struct slot *v, const char *t, size_t n,
    int ascii, struct glean_buf *scratch)
{
	size_t k, mask = c->nslots - 1, i;
	uint32_t h;
	const struct starter *st;

	if (!ascii) {
		glean_buf_reset(scratch);
		i = fold_word(scratch, t, n);
		return starter_find(c, v, scratch->s, i);
	}
	if (n > c->longest)
		return NULL;
	h = word_hash(ascii_lower(t[0]), ascii_lower(t[n - 1]), n);
	for (i = h & mask; v[i].st; i = (i + 1) & mask) {
		st = &c->starters[v[i].st - 1];
		if (v[i].hash != h || st->len != n)
			continue;
		for (k = 0; k < n && st->word[k] == ascii_lower(t[k]); k++)
			;
		if (k == n)
			return st;
	}
	return NULL;
}

/* The words of the text, folded, with the phrases each can start. */
static void
find_words(const struct ctx *c, struct doc *d)
{
	size_t i = 0, s, fl;
	int ascii;

	while (next_word(d, d->len, &i, &s, &ascii)) {
		if (d->nw == d->capw) {
			d->capw = d->capw ? d->capw * 2 : 256;
			d->w = glean_realloc(d->w, d->capw * sizeof(*d->w));
		}
		d->w[d->nw].s = s;
		d->w[d->nw].e = i;
		d->w[d->nw].low = d->lows.len;
		fl = fold_word(&d->lows, d->text + s, i - s);
		d->w[d->nw].st = starter_find(c, c->slots,
		    d->lows.s + d->w[d->nw].low, fl);
		d->nw++;
	}
}

/* Each word's sentence: the first one ending after its start. */
static void
word_sentences(struct doc *d)
{
	size_t i, si = 0;

	for (i = 0; i < d->nw; i++) {
		while (si < d->nsent && d->sent[2 * si + 1] <= d->w[i].s)
			si++;
		d->w[i].sent = si < d->nsent ? si : (size_t)-1;
	}
}

/* Index of the first word starting at or after byte b. */
static size_t
word_from(const struct doc *d, size_t b)
{
	size_t lo = 0, hi = d->nw, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->w[mid].s < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does phrase p match the words from i (within one sentence)? */
static int
phrase_at(const struct doc *d, const struct phrase *p, size_t i)
{
	size_t k;

	if (!p->nw || i + p->nw > d->nw)
		return 0;
	for (k = 0; k < p->nw; k++)
		if (d->w[i + k].sent != d->w[i].sent ||
		    strcmp(d->lows.s + d->w[i + k].low, p->w[k]))
			return 0;
	return 1;
}

/* The longest grade phrase at word i (the first of equals), or NULL. */
static const struct phrase *
grade_at(const struct ctx *c, const struct doc *d, size_t i)
{
	const struct starter *st = d->w[i].st;
	const struct phrase *gp = NULL, *p;
	size_t k;

	for (k = 0; st && k < st->ngrades; k++) {
		p = &c->grades[st->grades[k]];
		if (phrase_at(d, p, i) && (!gp || p->nw > gp->nw))
			gp = p;
	}
	return gp;
}

/* Each word's roles (R_* bits of the phrases starting there) and the
 * next stop word. */
static void
find_roles(const struct ctx *c, struct doc *d)
{
	const struct starter *st;
	const struct phrase *p;
	size_t i, k, stop = d->nw;

	for (i = 0; i < d->nw; i++) {
		d->w[i].role = 0;
		st = d->w[i].st;
		for (k = 0; st && k < st->nverbs; k++) {
			p = &c->verbs[st->verbs[k]];
			if (phrase_at(d, p, i))
				d->w[i].role |= p->role;
		}
	}
	for (i = d->nw; i-- > 0;) {
		if (d->w[i].role & R_STOP)
			stop = i;
		d->w[i].stop = stop;
	}
}

/*
 * Does [s, e) overlap one of v[0..n), sorted and disjoint (so their ends
 * grow too)?  Only the first one ending after s can.
 */
static int
overlaps(const struct span *v, size_t n, size_t s, size_t e)
{
	size_t lo = 0, hi = n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (v[m].e <= s)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && v[lo].s < e;
}

/*
 * Add the matches of re to sp.  With nooverlap, a match overlapping a
 * span already in sp (sorted and disjoint on entry) is left out; the
 * matches of one pattern never overlap each other.
 */
static void
find_regex(const struct ctx *c, const struct doc *d, const pcre2_code *re,
    int idx, struct spans *sp, int nooverlap)
{
	size_t pos = 0, s, e, n0 = sp->n;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);

	while (pos <= d->len &&
	    glean_re_match(re, d->text, d->len, pos, c->md) > 0) {
		s = ov[0];
		e = ov[1];
		pos = e > s ? e : e + 1;
		if (e == s)
			continue;
		if (nooverlap && overlaps(sp->v, n0, s, e))
			continue;
		spans_add(sp, (struct span){ s, e, idx, NULL, NULL, NULL, 0 });
	}
}

/* Start, end, then the order they were found in (a stable sort). */
static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
sort_spans(struct spans *sp)
{
	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof(*sp->v), span_cmp);
}

/* Sort sp and fill sp->minend for last_ending(). */
static void
spans_index(struct spans *sp)
{
	size_t i;

	sort_spans(sp);
	sp->minend = glean_calloc(sp->n + 1, sizeof(*sp->minend));
	for (i = sp->n; i-- > 0;)
		sp->minend[i] = i + 1 < sp->n && sp->minend[i + 1] <
		    sp->v[i].e ? sp->minend[i + 1] : sp->v[i].e;
}

/*
 * The last span of sp (in order) ending at or before x, or NULL.  It
 * also starts last among those: "the last one in [lo, x)" is this one
 * when it starts at or after lo, else there is none.
 */
static const struct span *
last_ending(const struct spans *sp, size_t x)
{
	size_t lo = 0, hi = sp->n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (sp->minend[m] <= x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo ? &sp->v[lo - 1] : NULL;
}

/* Index of the first span of sp starting at or after x. */
static size_t
first_from(const struct spans *sp, size_t x)
{
	size_t lo = 0, hi = sp->n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (sp->v[m].s < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

static void
find_authorities(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *ents = glean_field(doc, "entities"), *e, *k, *nm, *cd;
	json_t *ix;
	size_t i, s, en, a, len;
	char *key;

	json_array_foreach(json_is_array(ents) ? ents : NULL, i, e) {
		k = json_object_get(e, "kind");
		if (!json_is_string(k) ||
		    (strcmp(json_string_value(k), "authority") &&
		    strcmp(json_string_value(k), "organisation")))
			continue;
		if (get_span(d, json_object_get(e, "start"),
		    json_object_get(e, "end"), &s, &en))
			continue;
		nm = json_object_get(e, "canonical");
		if (!json_is_string(nm) || !json_string_length(nm))
			nm = json_object_get(e, "text");
		if (!json_is_string(nm) || !json_string_length(nm))
			continue;
		if (!strcmp(json_string_value(k), "organisation")) {
			spans_add(&d->orgs, (struct span){ s, en, -1,
			    json_string_value(nm), NULL, NULL, 0 });
			continue;
		}
		cd = json_object_get(e, "code");
		spans_add(&d->auth, (struct span){ s, en, -1,
		    json_string_value(nm),
		    json_is_string(cd) ? json_string_value(cd) : NULL, NULL,
		    0 });
	}
	if (d->auth.n || !c->auth_re)
		goto sort;
	/* No entities layer: the authorities lexicon. */
	find_regex(c, d, c->auth_re, -1, &d->auth, 0);
	for (i = 0; i < d->auth.n; i++) {
		struct span *sp = &d->auth.v[i];

		len = sp->e - sp->s;
		key = glean_strndup(d->text + sp->s, len);
		ix = json_object_get(c->auth_by_name, key);
		if (!ix && len >= 3) {
			/* matched across different white space */
			key[3] = '\0';
			ix = json_object_get(c->auth_by_pre, key);
		}
		free(key);
		a = ix ? (size_t)json_integer_value(ix) : 0;
		sp->name = c->auth[a].canon;
		sp->code = c->auth[a].code;
	}
sort:
	spans_index(&d->auth);
}

static const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int
valid_date_value(const char *v)
{
	int i;

	for (i = 0; i < 4; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return v[4] == '\0' || v[4] == '-' || v[4] == '/';
}

static void
find_dates(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *ds = glean_field(doc, "dates"), *e, *v, *t;
	size_t i, s, en;

	if (!json_is_array(ds)) {
		find_regex(c, d, c->year_re, -1, &d->dates, 0);
		return;
	}
	json_array_foreach(ds, i, e) {
		v = json_object_get(e, "value");
		t = json_object_get(e, "type");
		if (!json_is_string(v) ||
		    !valid_date_value(json_string_value(v)))
			continue;
		if (json_is_string(t) &&
		    (!strcmp(json_string_value(t), "duration") ||
		    !strcmp(json_string_value(t), "set")))
			continue;
		if (get_span(d, json_object_get(e, "start"),
		    json_object_get(e, "end"), &s, &en))
			continue;
		spans_add(&d->dates, (struct span){ s, en, -1, NULL, NULL,
		    json_string_value(v), 0 });
	}
}

/* "2016-10/2016-11" -> "2016-11"; "2017-01-24" -> "2017-01". */
static json_t *
when_of(const char *v)
{
	const char *slash = strchr(v, '/');
	char buf[8];
	size_t n;

	if (slash && valid_date_value(slash + 1))
		v = slash + 1;
	n = strcspn(v, "/");
	if (n > 7)
		n = 7;
	if (n != 4 && n != 7)
		n = 4;
	memcpy(buf, v, n);
	buf[n] = '\0';
	return json_string(buf);
}

/* Is date value v after the publication date? (compare what both have) */
static int
after_published(const struct doc *d, const char *v)
{
	size_t n;

	if (!d->published || !valid_date_value(d->published))
		return 0;
	n = strcspn(d->published, "/");
	if (strcspn(v, "/") < n)
		n = strcspn(v, "/");
	return strncmp(v, d->published, n) > 0;
}

/*
 * Group the spans of sp (sorted) that fit in one sentence by sentence;
 * with dates, leave out those after the publication date.
 */
static void
bysent_init(struct bysent *b, const struct doc *d, const struct spans *sp,
    int dates)
{
	size_t i, j, si = 0, lo, hi;

	b->v = glean_calloc(sp->n + 1, sizeof(*b->v));
	b->minend = glean_calloc(sp->n + 1, sizeof(*b->minend));
	b->first = glean_calloc(d->nsent + 1, sizeof(*b->first));
	b->n = 0;
	for (i = 0; i < sp->n && si < d->nsent; i++) {
		const struct span *x = &sp->v[i];

		if (dates && x->value && after_published(d, x->value))
			continue;
		while (si < d->nsent && d->sent[2 * si + 1] <= x->s)
			b->first[++si] = b->n;
		if (si == d->nsent)
			break;
		if (x->s < d->sent[2 * si] || x->e > d->sent[2 * si + 1])
			continue;
		b->v[b->n++] = x;
	}
	while (si < d->nsent)
		b->first[++si] = b->n;
	for (si = 0; si < d->nsent; si++) {
		lo = b->first[si];
		hi = b->first[si + 1];
		for (j = hi; j-- > lo;)
			b->minend[j] = j + 1 < hi && b->minend[j + 1] <
			    b->v[j]->e ? b->minend[j + 1] : b->v[j]->e;
	}
}

static void
bysent_free(struct bysent *b)
{
	free(b->v);
	free(b->minend);
	free(b->first);
}

/* In sentence si: the last span (in order) ending at or before x. */
static const struct span *
bs_last_ending(const struct bysent *b, size_t si, size_t x)
{
	size_t base = b->first[si], lo = base, hi = b->first[si + 1], m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (b->minend[m] <= x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo > base ? b->v[lo - 1] : NULL;
}

/* In sentence si: the first span starting at or after x. */
static const struct span *
bs_first_from(const struct bysent *b, size_t si, size_t x)
{
	size_t lo = b->first[si], hi = b->first[si + 1], end = hi, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (b->v[m]->s < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < end ? b->v[lo] : NULL;
}

struct nent {
	const char *name;
	size_t i;
};

static int
nent_cmp(const void *a, const void *b)
{
	const struct nent *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : x->i < y->i ? -1 : x->i > y->i;
}

/* The main authority: most mentions, then the earliest. */
static const struct span *
main_authority(const struct doc *d)
{
	struct nent *v;
	size_t i, j, n = d->auth.n, best = 0, bestn = 0;

	if (!n)
		return NULL;
	v = glean_calloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].name = d->auth.v[i].name;
		v[i].i = i;
	}
	qsort(v, n, sizeof(*v), nent_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(v[j].name, v[i].name); j++)
			;
		if (j - i > bestn || (j - i == bestn && v[i].i < best)) {
			bestn = j - i;
			best = v[i].i;
		}
	}
	free(v);
	return &d->auth.v[best];
}

/* Nearest span of a sentence before the grade [gs, ge), else after it. */
static const struct span *
nearest(const struct bysent *b, size_t si, size_t gs, size_t ge)
{
	const struct span *x = bs_last_ending(b, si, gs);

	return x ? x : bs_first_from(b, si, ge);
}

static int
is_upper_at(const struct doc *d, size_t i)
{
	size_t n;
	int32_t cp = cp_at(d, i, &n);

	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* auth_byend: authority indices in (end, index) order. */
static const struct spans *byend_sp;

static int
byend_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t ex = byend_sp->v[x].e, ey = byend_sp->v[y].e;

	if (ex != ey)
		return ex < ey ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
auth_byend_init(struct doc *d)
{
	size_t i;

	d->auth_byend = glean_calloc(d->auth.n + 1, sizeof(size_t));
	for (i = 0; i < d->auth.n; i++)
		d->auth_byend[i] = i;
	byend_sp = &d->auth;
	if (d->auth.n > 1)
		qsort(d->auth_byend, d->auth.n, sizeof(size_t), byend_cmp);
}

/* The first authority (in order) ending at byte e, or NULL. */
static const struct span *
auth_ending_at(const struct doc *d, size_t e)
{
	size_t lo = 0, hi = d->auth.n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (d->auth.v[d->auth_byend[m]].e < e)
			lo = m + 1;
		else
			hi = m;
	}
	if (lo < d->auth.n && d->auth.v[d->auth_byend[lo]].e == e)
		return &d->auth.v[d->auth_byend[lo]];
	return NULL;
}

struct oent {
	size_t s, e;
	long i;
};

static int
oent_cmp(const void *a, const void *b)
{
	const struct oent *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
size_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x > y ? -1 : x < y;
}

/*
 * For each area span, the first organisation (in layer order) holding
 * it, or -1: a sweep by start with a Fenwick tree of least indices over
 * the ends, largest first.
 */
static void
orgs_of_areas(struct doc *d)
{
	size_t no = d->orgs.n, na = d->areas.n, i, j, ne = 0, p, lo, hi, m;
	struct oent *o;
	size_t *ends;
	long *fw, best;

	d->org_of_area = glean_calloc(na + 1, sizeof(long));
	for (i = 0; i < na; i++)
		d->org_of_area[i] = -1;
	if (!no || !na)
		return;
	o = glean_calloc(no, sizeof(*o));
	ends = glean_calloc(no, sizeof(*ends));
	for (i = 0; i < no; i++) {
		o[i].s = d->orgs.v[i].s;
		o[i].e = ends[i] = d->orgs.v[i].e;
		o[i].i = (long)i;
	}
	qsort(o, no, sizeof(*o), oent_cmp);
	qsort(ends, no, sizeof(*ends), size_desc);
	for (i = 0; i < no; i++)
		if (!ne || ends[ne - 1] != ends[i])
			ends[ne++] = ends[i];
	fw = glean_calloc(ne + 1, sizeof(*fw));
	for (p = 0; p <= ne; p++)
		fw[p] = -1;
	for (i = 0, j = 0; i < na; i++) {
		const struct span *a = &d->areas.v[i];

		for (; j < no && o[j].s <= a->s; j++) {
			/* position of o[j].e among the ends, from 1 */
			for (lo = 0, hi = ne; lo < hi;) {
				m = lo + (hi - lo) / 2;
				if (ends[m] > o[j].e)
					lo = m + 1;
				else
					hi = m;
			}
			for (p = lo + 1; p <= ne; p += p & -p)
				if (fw[p] < 0 || fw[p] > o[j].i)
					fw[p] = o[j].i;
		}
		/* how many ends are >= a->e */
		for (lo = 0, hi = ne; lo < hi;) {
			m = lo + (hi - lo) / 2;
			if (ends[m] >= a->e)
				lo = m + 1;
			else
				hi = m;
		}
		best = -1;
		for (p = lo; p > 0; p -= p & -p)
			if (fw[p] >= 0 && (best < 0 || fw[p] < best))
				best = fw[p];
		d->org_of_area[i] = best;
	}
	free(fw);
	free(ends);
	free(o);
}

/*
 * A board's proper name, or NULL: an organisation entity covering the
 * match, else the match (capitalised) extended back over an authority
 * named just before it ("Wirral Local Safeguarding Children Board").
 */
static char *
board_name(const struct doc *d, const struct span *a, size_t *bs)
{
	const struct span *x, *best = NULL;
	size_t s = a->s, v;
	long o = d->org_of_area[a - d->areas.v];

	if (o >= 0) {
		*bs = d->orgs.v[o].s;
		return glean_strdup(d->orgs.v[o].name);
	}
	if (!is_upper_at(d, a->s))
		return NULL;
	/* the first authority ending at most 4 bytes before */
	for (v = s >= 4 ? s - 4 : 0; v <= s; v++)
		if ((x = auth_ending_at(d, v)) && (!best || x < best))
			best = x;
	if (best)
		s = best->s;
	*bs = s;
	return glean_strndup(d->text + s, a->e - s);
}

/*
 * The board judged at area span a: its name (fresh), the council it
 * belongs to in *ba, and *rs moved back to the start of its name.
 */
static char *
board_subject(const struct ctx *c, struct doc *d, const struct span *a,
    size_t lo, size_t *rs, const struct span **ba)
{
	size_t bs = *rs, z;
	char *bn = board_name(d, a, &bs);
	const struct span *x;

	/* "the safeguarding board": the board's name elsewhere (the first
	 * board area that has one, found once) */
	if (!bn && d->board_fallback == -2) {
		d->board_fallback = -1;
		for (z = 0; !bn && z < d->areas.n; z++)
			if (c->areas[d->areas.v[z].idx].board &&
			    (bn = board_name(d, &d->areas.v[z], &bs)))
				d->board_fallback = (long)z;
	} else if (!bn && d->board_fallback >= 0)
		bn = board_name(d, &d->areas.v[d->board_fallback], &bs);
	if (bn && bs < *rs && bs >= lo)
		*rs = bs;
	/* the last authority within the name */
	if (bn && (x = last_ending(&d->auth, bs + strlen(bn))) &&
	    x->s >= bs)
		*ba = x;
	if (!bn)
		bn = glean_asprintf("%s LSCB", *ba ? (*ba)->name : "unknown");
	return bn;
}

/* Area spans (indices into d->areas) chosen for the grade at words gi. */
static size_t
pick_areas(const struct doc *d, size_t lo, size_t hi, size_t gs, size_t ge,
    const struct span **out, size_t max)
{
	size_t i, n = 0, k, stop = hi;
	const struct span *last = last_ending(&d->areas, gs);

	/* the areas are disjoint: sorted by start, their ends grow too */
	if (last && last->s >= lo) {
		out[n++] = last;
		/* "safeguarding and looked-after children services" */
		for (i = (size_t)(last - d->areas.v); i > 0 && n < max; i--) {
			const struct span *p = &d->areas.v[i - 1];
			const struct span *q = out[n - 1];
			size_t w;
			int ok = p->s >= lo;

			for (w = word_from(d, p->e); ok && w < d->nw &&
			    d->w[w].e <= q->s; w++) {
				if (!(d->w[w].role & R_JOIN))
					ok = 0;
			}
			if (!ok || q->s - p->e > 12)
				break;
			out[n++] = p;
		}
		return n;
	}
	/* Nothing before: after the grade, up to a stop word. */
	k = word_from(d, ge);
	if (k < d->nw && (k = d->w[k].stop) < d->nw && d->w[k].e <= hi)
		stop = d->w[k].s;
	i = first_from(&d->areas, ge);
	if (i < d->areas.n && d->areas.v[i].e <= stop)
		out[n++] = &d->areas.v[i];
	return n;
}

/* Does a specific (not generic) area lie within sentence si? */
static int
area_in(const struct ctx *c, const struct doc *d, size_t si)
{
	size_t i;

	for (i = d->sareas.first[si]; i < d->sareas.first[si + 1]; i++)
		if (!c->areas[d->sareas.v[i]->idx].generic)
			return 1;
	return 0;
}

/* Does any area span end within AREA_WINDOW words before word gi? */
static int
area_before(const struct doc *d, size_t gi, size_t lo)
{
	size_t from = gi >= AREA_WINDOW ? gi - AREA_WINDOW : 0;
	const struct span *x = last_ending(&d->areas, d->w[gi].s);

	return x && x->s >= lo && x->e > d->w[from].s;
}

static void
add_rating(struct doc *d, size_t s, size_t e, const char *subj,
    const char *code, const char *skind, const char *area,
    const struct phrase *g, const char *written, json_t *when,
    const char *insp, int implied)
{
	json_t *r = json_object();

	json_object_set_new(r, "start", json_integer(glean_cp(&d->off, s)));
	json_object_set_new(r, "end", json_integer(glean_cp(&d->off, e)));
	json_object_set_new(r, "subject", subj ? json_string(subj) :
	    json_null());
	json_object_set_new(r, "code", code ? json_string(code) : json_null());
	json_object_set_new(r, "subject_kind", json_string(skind));
	json_object_set_new(r, "area", json_string(area));
	json_object_set_new(r, "grade", json_string(g->grade));
	if (written)
		json_object_set_new(r, "grade_as_written",
		    json_string(written));
	json_object_set(r, "when", when);
	json_object_set_new(r, "inspectorate", insp ? json_string(insp) :
	    json_null());
	if (implied)
		json_object_set_new(r, "implied", json_true());
	json_array_append_new(d->out, r);
}

/* Skip white space and quote marks from byte i; returns the new offset. */
static size_t
skip_quotes(const struct doc *d, size_t i, size_t hi)
{
	size_t n;
	int32_t cp;

	while (i < hi) {
		cp = cp_at(d, i, &n);
		if (cp != ' ' && cp != '\'' && cp != '"' && cp != 0xA0 &&
		    cp != 0x2018 && cp != 0x2019 && cp != 0x201C &&
		    cp != 0x201D)
			break;
		i += n;
	}
	return i;
}

/* Take in a closing quote mark right after the grade. */
static size_t
closing_quote(const struct doc *d, size_t i, size_t hi)
{
	size_t n;
	int32_t cp;

	if (i >= hi)
		return i;
	cp = cp_at(d, i, &n);
	if (cp == '\'' || cp == '"' || cp == 0x2019 || cp == 0x201D)
		return i + n <= hi ? i + n : i;
	return i;
}

static int
sentence_rating(const struct ctx *c, struct doc *d, size_t si,
    const struct span *mainauth, int *also_lscb)
{
	size_t lo = d->sent[2 * si], hi = d->sent[2 * si + 1];
	size_t k, gi, ge, gend, from, nx, prevend = lo, s, prevw = 0;
	const struct span *areas[8], *au, *dt, *x;
	size_t na;
	int roles, cue, neg, also, found = 0, inarea = -1;

	for (gi = word_from(d, lo); gi < d->nw && d->w[gi].sent != si &&
	    d->w[gi].s < hi; gi++)
		;
	for (; gi < d->nw && d->w[gi].sent == si; gi++) {
		const struct phrase *gp = NULL;
		char *written = NULL;

		if (!(gp = grade_at(c, d, gi)))
			continue;
		ge = gi + gp->nw - 1;	/* last word of the grade */
		gend = d->w[ge].e;
		/* The word right after: a noun makes the grade an adjective. */
		cue = 0;
		nx = ge + 1;
		if (nx < d->nw && d->w[nx].sent == si &&
		    skip_quotes(d, gend, hi) == d->w[nx].s) {
			roles = d->w[nx].role;
			if (roles & R_NOUN)
				cue = 1;
			else if (!(roles & R_FOLLOW))
				continue;
		}
		from = gi >= VERB_WINDOW ? gi - VERB_WINDOW : 0;
		neg = also = 0;
		s = d->w[gi].s;
		for (k = from; k < gi; k++) {
			if (d->w[k].sent != si || d->w[k].s < prevend)
				continue;
			roles = d->w[k].role;
			if ((roles & R_VERB) && !cue) {
				cue = 1;
				s = d->w[k].s;
			}
			if ((roles & R_NEG) && k + NEG_WINDOW >= gi)
				neg = 1;
			if (roles & R_ALSO)
				also = 1;
		}
		if (neg)
			continue;
		if (!cue && gi > 0 && d->w[gi - 1].sent == si &&
		    area_before(d, gi, prevend)) {
			if (gp->copula == COP_SELF)
				cue = 1;
			else if (gp->copula == COP_YES &&
			    (d->w[gi - 1].role & R_LINK))
				cue = 1;
		}
		/* "rated A overall, and B for safety": the verb carries. */
		if (!cue && found && prevw + COORD_WINDOW >= gi)
			cue = 1;
		if (!cue)
			continue;
		/* Judgements outside inspection news ("the pension system
		 * has been branded inadequate"): no inspectorate anywhere in
		 * the document and no judgement area in the sentence. */
		na = pick_areas(d, prevend, hi, d->w[gi].s, d->w[ge].e,
		    areas, 8);
		if (!d->insp.n && inarea < 0)
			inarea = area_in(c, d, si);
		if (!d->insp.n && !inarea)
			continue;
		found = 1;
		/* The grade as written, when the words differ from it. */
		{
			size_t ws = d->w[gi].s, wl = gend - ws, fl;
			char *low = glean_casefold(d->text + ws, wl, &fl);

			if (strcmp(low, gp->grade))
				written = low;
			else
				free(low);
		}
		gend = closing_quote(d, gend, hi);
		/* When: a date in the sentence, else the publication date. */
		{
			json_t *when = NULL;
			const char *insp = NULL;
			size_t a;

			/* the last date before the grade; the first after
			 * it, "inadequate in 2015", wins when right after */
			dt = bs_last_ending(&d->sdates, si, d->w[gi].s);
			x = bs_first_from(&d->sdates, si, d->w[ge].e);
			if (x && (!dt || word_from(d, x->s) <=
			    ge + 1 + DATE_AFTER))
				dt = x;
			if (dt && dt->value)
				when = when_of(dt->value);
			else if (dt) {
				char *y = glean_strndup(d->text + dt->s, 4);

				when = json_string(y);
				free(y);
			} else if (d->published &&
			    valid_date_value(d->published))
				when = when_of(d->published);
			else
				when = json_null();
			if (d->sinsp.first[si] < d->sinsp.first[si + 1])
				insp = c->insp[d->sinsp.v[d->sinsp.first[si]]->
				    idx].name;
			au = nearest(&d->sauth, si, d->w[gi].s, d->w[ge].e);
			if (!au)
				au = mainauth;
			if (!na) {
				add_rating(d, s, gend, au ? au->name : NULL,
				    au ? au->code : NULL, "authority",
				    c->areas[c->nareas - 1].name, gp, written,
				    when, insp, 0);
			}
			for (a = na; a-- > 0;) {
				const struct area *ar =
				    &c->areas[areas[a]->idx];
				size_t rs = areas[a]->s < s ? areas[a]->s : s;
				size_t re = areas[a]->e > gend ? areas[a]->e :
				    gend;

				if (ar->board) {
					const struct span *ba = au;
					char *bn = board_subject(c, d,
					    areas[a], lo, &rs, &ba);

					add_rating(d, rs, re, bn,
					    ba ? ba->code : NULL, "board",
					    ar->name, gp, written, when, insp,
					    0);
					if (also && ba)
						also_lscb[0] = 1;
					free(bn);
				} else
					add_rating(d, rs, re, au ? au->name :
					    NULL, au ? au->code : NULL,
					    "authority", ar->name, gp, written,
					    when, insp, 0);
			}
			json_decref(when);
		}
		free(written);
		prevend = d->w[ge].e;
		prevw = ge;
		gi = ge;
	}
	return found;
}

static int
rating_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t xs = json_integer_value(json_object_get(x, "start"));
	json_int_t ys = json_integer_value(json_object_get(y, "start"));

	if (xs != ys)
		return xs < ys ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "area")),
	    json_string_value(json_object_get(y, "area")));
}

/*
 * "The board is also judged to be inadequate": the "also" is about the
 * council's own services, so add the council's overall judgement when
 * the document states none for that year.
 */
static void
add_implied(struct doc *d, const struct ctx *c)
{
	size_t i, n = json_array_size(d->out);
	const char *overall = c->areas[c->nareas - 1].name;
	json_t *have = json_object(), *first = json_object(), *x, *y;
	char year[6];

	/* The overall judgements stated: code -> {"y" year or "n": true} */
	for (i = 0; i < n; i++) {
		const char *c2, *w2;

		x = json_array_get(d->out, i);
		c2 = str(x, "code");
		w2 = str(x, "when");
		if (!c2 || strcmp(str(x, "subject_kind"), "authority") ||
		    strcmp(str(x, "area"), overall))
			continue;
		if (!(y = json_object_get(have, c2))) {
			y = json_object();
			json_object_set_new_nocheck(have, c2, y);
		}
		snprintf(year, sizeof(year), "%s%.4s", w2 ? "y" : "n",
		    w2 ? w2 : "");
		json_object_set_new_nocheck(y, year, json_true());
	}
	/* The first authority mention of each code. */
	for (i = 0; i < d->auth.n; i++)
		if (d->auth.v[i].code &&
		    !json_object_get(first, d->auth.v[i].code))
			json_object_set_new_nocheck(first, d->auth.v[i].code,
			    json_integer((json_int_t)i));
	for (i = 0; i < n; i++) {
		json_t *r = json_array_get(d->out, i), *nr, *ix;
		const char *code = str(r, "code"), *when = str(r, "when");
		const struct span *a;

		if (!json_is_true(json_object_get(r, "also")) || !code)
			continue;
		snprintf(year, sizeof(year), "%s%.4s", when ? "y" : "n",
		    when ? when : "");
		if ((y = json_object_get(have, code)) &&
		    json_object_get(y, year))
			continue;
		if (!(ix = json_object_get(first, code)))
			continue;
		a = &d->auth.v[json_integer_value(ix)];
		nr = json_deep_copy(r);
		json_object_set_new(nr, "subject", json_string(a->name));
		json_object_set_new(nr, "subject_kind",
		    json_string("authority"));
		json_object_set_new(nr, "area", json_string(overall));
		json_object_set_new(nr, "implied", json_true());
		json_array_append_new(d->out, nr);
	}
	for (i = 0; i < json_array_size(d->out); i++)
		json_object_del(json_array_get(d->out, i), "also");
	json_decref(have);
	json_decref(first);
}

/* What may_rate() knows of the words up to where it is. */
struct cues {
	size_t nw;		/* words taken */
	size_t verb;		/* the last rating verb's word, if have_verb */
	int have_verb;
	size_t noun_end;	/* a rating noun before this word is a cue */
	size_t ps, pe;		/* the last word */
	int pascii;
};

/*
 * Take word [s, e) of d into cs.  Returns 1 when it is a grade with a
 * cue, or a rating noun after a grade.
 */
static inline int
cue_word(const struct ctx *c, const struct doc *d, struct cues *cs, size_t s,
    size_t e, int ascii)
{
	static struct glean_buf low;	/* folds the odd non-ASCII word */
	const struct starter *st, *before;
	size_t i = cs->nw;
	int cue = 0;

	st = word_starter(c, c->cue_slots, d->text + s, e - s, ascii, &low);
	if (st && i < cs->noun_end && (st->roles & R_NOUN))
		cue = 1;
	if (st && st->ngrades) {
		/* the word before: a link, "are good"? */
		before = i ? word_starter(c, c->slots, d->text + cs->ps,
		    cs->pe - cs->ps, cs->pascii, &low) : NULL;
		if ((st->copulas & 1 << COP_SELF) ||
		    ((st->copulas & 1 << COP_YES) && before &&
		    (before->roles & R_LINK)) ||
		    (cs->have_verb && cs->verb + VERB_WINDOW >= i))
			cue = 1;
		if (cs->noun_end < i + st->maxnw + 1)
			cs->noun_end = i + st->maxnw + 1;
	}
	if (st && (st->roles & R_VERB)) {
		cs->verb = i;
		cs->have_verb = 1;
	}
	cs->ps = s;
	cs->pe = e;
	cs->pascii = ascii;
	cs->nw++;
	return cue;
}

/* Byte b in each of the 8 lanes of a 64-bit word, for classify8(). */
#define LANES(b) (GLEAN_ONES * (b))

/* Bit 7 of each lane of x (all below 0x80): is it in [lo, hi]? */
static uint64_t
lanes_in(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + LANES(0x80 - lo)) & ~(x + LANES(0x7f - hi)) & GLEAN_HIGHS;
}

/* Bit 7 of each lane of v: is it byte b? */
static uint64_t
lanes_eq(uint64_t v, unsigned b)
{
	v ^= LANES(b);
	return ~(((v & ~GLEAN_HIGHS) + ~GLEAN_HIGHS) | v) & GLEAN_HIGHS;
}

/* Bit 7 of each lane to bit i for lane i. */
static unsigned
lanes_bits(uint64_t flags)
{
	return (unsigned)(((flags >> 7) * 0x0102040810204080ull) >> 56);
}

/*
 * Bit j of *plain: t[j] is a plain separator (ASCII but not a letter, a
 * digit, ' or -: never part of a word, as is_wordcp() and next_word()
 * say); of *mixing: t[j] is ' - or not ASCII.  For j < 8, eight bytes at
 * a time.
 */
static void
classify8(const unsigned char *t, unsigned *plain, unsigned *mixing)
{
	uint64_t v, high, low, alnum, mix;

	memcpy(&v, t, sizeof(v));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);	/* t[0] in the low lane */
#endif
	high = v & GLEAN_HIGHS;
	low = v & ~GLEAN_HIGHS;
	alnum = (lanes_in(low, '0', '9') | lanes_in(low | LANES(0x20), 'a',
	    'z')) & ~high;
	mix = high | lanes_eq(v, '\'') | lanes_eq(v, '-');
	*plain = lanes_bits(~(alnum | mix) & GLEAN_HIGHS);
	*mixing = lanes_bits(mix);
}

/* Bits j < m of *plain, *mixing: classify8() of block t[0..m), m <= 64. */
static void
block_masks(const unsigned char *t, size_t m, uint64_t *plain,
    uint64_t *mixing)
{
	unsigned char tail[8];
	const unsigned char *p;
	unsigned pl, mx;
	size_t j;

	*plain = *mixing = 0;
	for (j = 0; j < m; j += 8) {
		p = t + j;
		if (m - j < 8) {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, p, m - j);
			p = tail;
		}
		classify8(p, &pl, &mx);
		*plain |= (uint64_t)pl << j;
		*mixing |= (uint64_t)mx << j;
	}
	if (m < 64) {
		*plain &= ((uint64_t)1 << m) - 1;
		*mixing &= ((uint64_t)1 << m) - 1;
	}
}

/* Take the words of chunk [a, b) (see may_rate()); 1 at a cue. */
static inline int
cue_chunk(const struct ctx *c, const struct doc *d, struct cues *cs, size_t a,
    size_t b, int mixed)
{
	size_t k = a, s;
	int ascii;

	if (!mixed)
		return cue_word(c, d, cs, a, b, 1);
	while (next_word(d, b, &k, &s, &ascii))
		if (cue_word(c, d, cs, s, k, ascii))
			return 1;
	return 0;
}

/*
 * Might sentence_rating() find a judgement in the text of d?  It needs a
 * grade with a cue -- a rating verb at most VERB_WINDOW words before, a
 * rating noun right after, or a copula reading -- and an inspectorate in
 * the text or a specific area in the grade's sentence.  Here phrases
 * match by their first word alone and sentences are ignored, which only
 * lets more through; most documents (news with no inspection in them)
 * stop here, before any layer is looked at or area pattern run.  The first
 * judgement of a sentence never rests on a coordinated one.
 *
 * Every word of every text passes here, so words are found 64 bytes at a
 * time with bit masks.  A chunk of text between plain separators (ASCII
 * other than letters, digits, ' and -) holds whole words; one of ASCII
 * letters and digits alone is one word, any other ("mixed") is split by
 * next_word().
 */
static int
may_rate(const struct ctx *c, const struct doc *d)
{
	const unsigned char *t = (const unsigned char *)d->text;
	struct cues cs = { 0 };
	uint64_t plain, mixing, chunk, x;
	size_t base, m, j, e, a = 0;
	int open = 0, mixed = 0, cue = 0;

	for (base = 0; !cue && base < d->len; base += 64) {
		m = d->len - base < 64 ? d->len - base : 64;
		block_masks(t + base, m, &plain, &mixing);
		chunk = ~plain & (m < 64 ? ((uint64_t)1 << m) - 1 :
		    ~(uint64_t)0);
		for (j = 0; !cue && j < m;) {
			if (!open) {
				if (!(x = chunk >> j))
					break;
				j += (size_t)__builtin_ctzll(x);
				a = base + j;
				open = 1;
				mixed = 0;
			}
			if (!(x = plain >> j)) {
				/* the chunk goes on in the next block */
				mixed |= (mixing >> j) != 0;
				break;
			}
			e = j + (size_t)__builtin_ctzll(x);
			mixed |= ((mixing & (((uint64_t)1 << e) - 1)) >> j) != 0;
			cue = cue_chunk(c, d, &cs, a, base + e, mixed);
			open = 0;
			j = e;
		}
	}
	if (!cue && open)
		cue = cue_chunk(c, d, &cs, a, d->len, mixed);
	return cue && c->named_re &&
	    glean_re_match(c->named_re, d->text, d->len, 0, c->md) > 0;
}

/* The judgements in the text of d, in text order. */
static json_t *
rate(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *pub = glean_field(doc, "published"), **v, *sorted;
	const struct span *mainauth;
	size_t i, n, mark;
	int also;

	d->published = json_is_string(pub) ? json_string_value(pub) : NULL;
	glean_offsets_init(&d->off, d->text, d->len);
	find_words(c, d);
	d->out = json_array();
	find_sentences(d, doc);
	word_sentences(d);
	find_roles(c, d);
	/* Areas never overlap: each pattern's matches that overlap an
	 * earlier pattern's are left out. */
	for (i = 0; i < c->nareas; i++) {
		find_regex(c, d, c->areas[i].re, (int)i, &d->areas, 1);
		sort_spans(&d->areas);
	}
	spans_index(&d->areas);
	for (i = 0; i < c->ninsp; i++)
		find_regex(c, d, c->insp[i].re, (int)i, &d->insp, 0);
	spans_index(&d->insp);
	find_authorities(c, d, doc);
	find_dates(c, d, doc);
	spans_index(&d->dates);
	bysent_init(&d->sareas, d, &d->areas, 0);
	bysent_init(&d->sinsp, d, &d->insp, 0);
	bysent_init(&d->sauth, d, &d->auth, 0);
	bysent_init(&d->sdates, d, &d->dates, 1);
	auth_byend_init(d);
	orgs_of_areas(d);
	d->board_fallback = -2;
	mainauth = main_authority(d);
	for (i = 0; i < d->nsent; i++) {
		mark = json_array_size(d->out);
		also = 0;
		sentence_rating(c, d, i, mainauth, &also);
		for (n = mark; also && n < json_array_size(d->out); n++)
			if (!strcmp(str(json_array_get(d->out, n),
			    "subject_kind"), "board"))
				json_object_set_new(json_array_get(d->out, n),
				    "also", json_true());
	}
	add_implied(d, c);
	n = json_array_size(d->out);
	v = glean_calloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(d->out, i));
	if (n > 1)
		qsort(v, n, sizeof(*v), rating_cmp);
	sorted = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(sorted, v[i]);
	free(v);
	return sorted;
}

static void
doc_free(struct doc *d)
{
	json_decref(d->out);
	free(d->w);
	glean_buf_free(&d->lows);
	free(d->sent);
	free(d->areas.v);
	free(d->auth.v);
	free(d->dates.v);
	free(d->insp.v);
	free(d->orgs.v);
	free(d->areas.minend);
	free(d->auth.minend);
	free(d->dates.minend);
	free(d->insp.minend);
	bysent_free(&d->sareas);
	bysent_free(&d->sinsp);
	bysent_free(&d->sauth);
	bysent_free(&d->sdates);
	free(d->auth_byend);
	free(d->org_of_area);
	glean_offsets_free(&d->off);
}

static int
process(json_t *doc, void *vc, char **err)
{
	const struct ctx *c = vc;
	json_t *t = json_object_get(doc, "text");
	struct doc d;

	(void)err;
	memset(&d, 0, sizeof(d));
	d.text = json_string_value(t);
	d.len = json_string_length(t);
	json_object_set_new(doc, "ratings", may_rate(c, &d) ?
	    rate(c, &d, doc) : json_array());
	doc_free(&d);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c;
	static const char *const reads[] = { "sentences", "entities",
	    "dates", "published", NULL };
	/* the layers are decoded only for the few documents that may rate */
	struct glean_stage st = { "ratings", process, &c, reads, NULL, NULL,
	    1, 1 };
	int ch, status;

	glean_setprog(argv[0]);
	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS, longopts,
	    NULL)) != -1)
		if (!glean_common_option(ch, optarg, &opts, usage))
			usage(GLEAN_EXIT_FATAL);
	ctx_init(&c, glean_lexdir(&opts));
	status = glean_run(&st, &opts, argc - optind, argv + optind);
	ctx_free(&c);
	return status;
}
