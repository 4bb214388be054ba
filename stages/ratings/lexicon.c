/* See LICENSE file for copyright and license details. */
/* lexicon.c: the word lists, loaded once */

#include <utf8proc.h>

#include "ratings.h"

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

void
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

void
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
