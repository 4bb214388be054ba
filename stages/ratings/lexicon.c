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

/* Free the words of p (not p). */
static void
phrase_free(struct phrase *p)
{
	size_t i;

	for (i = 0; i < p->nw; i++)
		free(p->w[i]);
}

/* The R_* bits of a role name of rating-verbs.tsv or changes.tsv; 0 when
 * unknown. */
static int
role_of(const char *s)
{
	static const struct { const char *n; int r; } roles[] = {
		{ "verb", R_VERB }, { "noun", R_NOUN }, { "link", R_LINK },
		{ "follow", R_FOLLOW }, { "negation", R_NEG },
		{ "also", R_ALSO }, { "stop", R_STOP }, { "join", R_JOIN },
		{ "category", R_CATEGORY }, { "irrealis", R_IRREALIS },
		{ "relative", R_RELATIVE }, { "prep", R_PREP },
		{ "past", R_PAST }, { "event", R_EVENT },
		{ "up", R_UP }, { "down", R_DOWN }, { "away", R_AWAY },
		{ "from", R_FROM }, { "to", R_TO },
		{ "step", R_STEP }, { "onset", R_ONSET },
		{ "anchor", R_ANCHOR }
	};
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcmp(s, roles[i].n))
			return roles[i].r;
	return 0;
}

/* Append the string s to b. */
static void
buf_adds(struct glean_buf *b, const char *s)
{
	glean_buf_add(b, s, strlen(s));
}

/* Escape a literal for pcre2 and let spaces match any white space and
 * an apostrophe either apostrophe. */
static void
re_literal(struct glean_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ') {
			glean_buf_add(b, "\\s+", 3);
			continue;
		}
		if (*s == '\'') {
			buf_adds(b, "(?:'|\u2019)");
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}", *s))
			glean_buf_addc(b, '\\');
		glean_buf_addc(b, *s);
	}
}


/* qsort order of aliases: longest first, then by text. */
static int
bylen(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	size_t lx = strlen(x->name), ly = strlen(y->name);

	return lx < ly ? 1 : lx > ly ? -1 : strcmp(x->name, y->name);
}

/* Add alias (3 bytes or more, not "-") of council canon, code to c->auth. */
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

/* Is s a GSS code (a capital and eight digits)? */
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

/* The aliases of one authorities.tsv row: its name, "AREA Council",
 * the bare area name when the row allows it, and the listed aliases. */
static void
add_row_aliases(struct ctx *c, size_t *cap, const struct glean_row *r)
{
	char *al, *tok, *save = NULL, *ac;

	add_alias(c, cap, r->f[1], r->f[1], r->f[0]);
	ac = glean_asprintf("%s Council", r->f[2]);
	add_alias(c, cap, ac, r->f[1], r->f[0]);
	free(ac);
	if (!strcmp(r->f[6], "yes"))
		add_alias(c, cap, r->f[2], r->f[1], r->f[0]);
	al = glean_strdup(r->f[7]);
	for (tok = strtok_r(al, "|", &save); tok;
	    tok = strtok_r(NULL, "|", &save))
		add_alias(c, cap, tok, r->f[1], r->f[0]);
	free(al);
}

/* Which alias a match is: the first with its text, else the first with
 * its first three bytes (matched across other white space); and the
 * expression of them all. */
static void
index_aliases(struct ctx *c)
{
	struct glean_buf b = { 0 };
	size_t i;

	for (i = 0; i < c->nauth; i++) {
		char pre[4];

		glean_dict_add(&c->auth_by_name, c->auth[i].name, (int)i, NULL);
		memcpy(pre, c->auth[i].name, 3);
		pre[3] = '\0';
		glean_dict_add(&c->auth_by_pre, pre, (int)i, NULL);
	}
	/* in the order added: the first of equal keys is found */
	glean_dict_index(&c->auth_by_name);
	glean_dict_index(&c->auth_by_pre);
	buf_adds(&b, "(?<![\\p{L}\\p{N}])(?:");
	for (i = 0; i < c->nauth; i++) {
		if (i)
			glean_buf_addc(&b, '|');
		re_literal(&b, c->auth[i].name);
	}
	buf_adds(&b, ")(?![\\p{L}\\p{N}])");
	c->auth_re = glean_re_compile_lazy(b.s, 0, "authorities.tsv");
	glean_buf_free(&b);
}

/*
 * authorities.tsv, optional (glean-entities owns it): code, name, area,
 * type, from, until, bare, aliases ("|"-separated).  The fallback for
 * documents without an entities layer.
 */
static void
load_authorities(struct ctx *c, const char *dir)
{
	char *path = glean_asprintf("%s/authorities.tsv", dir);
	FILE *fp;
	size_t i, cap = 0;

	fp = fopen(path, "r");
	free(path);
	if (!fp)
		return;
	fclose(fp);
	c->lx_auth = glean_lexicon_load(dir, "authorities.tsv", 3);
	c->until_by_code = json_object();
	for (i = 0; i < c->lx_auth->nrows; i++) {
		struct glean_row *r = &c->lx_auth->rows[i];

		if (!is_gss(r->f[0]) || r->nf < 8)
			continue;
		add_row_aliases(c, &cap, r);
		if (strcmp(r->f[5], "-"))
			json_object_set_new(c->until_by_code, r->f[0],
			    json_string(r->f[5]));
	}
	if (!c->nauth)
		return;
	qsort(c->auth, c->nauth, sizeof(*c->auth), bylen);
	index_aliases(c);
}

/* Free what load_authorities() made (nothing when it found no file). */
static void
authorities_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nauth; i++)
		free(c->auth[i].name);
	free(c->auth);
	pcre2_code_free(c->auth_re);
	glean_dict_free(&c->auth_by_name);
	glean_dict_free(&c->auth_by_pre);
	json_decref(c->until_by_code);
	glean_lexicon_free(c->lx_auth);
}

/* Append "(?:pattern)" to b as one more alternative. */
static void
add_alternative(struct glean_buf *b, const char *pattern)
{
	if (b->len)
		glean_buf_addc(b, '|');
	buf_adds(b, "(?:");
	buf_adds(b, pattern);
	glean_buf_addc(b, ')');
}

/* One pattern of the alternatives in b at word boundaries, caseless, or
 * NULL when b is empty; b is emptied. */
static pcre2_code *
alternation(struct glean_buf *b, const char *what)
{
	pcre2_code *re;
	char *pat;

	if (!b->len)
		return NULL;
	pat = glean_asprintf(WORD_RE, b->s);
	re = glean_re_compile_lazy(pat, PCRE2_CASELESS, what);
	free(pat);
	glean_buf_reset(b);
	return re;
}

/* Gate g when it is of use (ok: it took every row), else NULL (freed). */
static struct glean_phrase_gate *
gate_if(struct glean_phrase_gate *g, int ok)
{
	if (ok)
		return g;
	glean_phrase_gate_free(g);
	return NULL;
}

/*
 * For may_rate(), each scanned once: insp_re, every inspectorate (over
 * the whole text), and areas_re, every specific (not generic) area (near
 * a cue).  NULL when there are none.  Each with its phrase gate (NULL
 * when a row is more than a gate can take).
 */
static void
named_init(struct ctx *c)
{
	struct glean_buf b = { 0 };
	struct glean_phrase_gate *insp = glean_phrase_gate_new();
	struct glean_phrase_gate *areas = glean_phrase_gate_new();
	size_t i;
	int insp_ok = 1, areas_ok = 1;

	for (i = 0; i < c->ninsp; i++) {
		add_alternative(&b, c->lx_insp->rows[i].f[1]);
		insp_ok &= glean_phrase_gate_add(insp, c->lx_insp->rows[i].f[1]);
	}
	c->insp_re = alternation(&b, "inspectorates.tsv");
	for (i = 0; i < c->nareas; i++)
		if (!c->areas[i].generic) {
			add_alternative(&b, c->lx_areas->rows[i].f[1]);
			areas_ok &= glean_phrase_gate_add(areas,
			    c->lx_areas->rows[i].f[1]);
		}
	c->areas_re = alternation(&b, "areas.tsv");
	glean_buf_free(&b);
	c->insp_gate = gate_if(insp, insp_ok && c->insp_re);
	c->areas_gate = gate_if(areas, areas_ok && c->areas_re);
	/* may_rate()'s first pass needs every pattern's phrases */
	if ((!c->insp_re || c->insp_gate) && (!c->areas_re || c->areas_gate)) {
		const struct glean_phrase_gate *gates[2] = { c->insp_gate,
		    c->areas_gate };

		c->anchors = anchors_new(gates, 2);
	}
}

/*
 * The capture groups of one row's pattern pat, compiled alone so that a
 * bad row is named (fatal, with path).  Not JIT-compiled: it is freed at
 * once.
 */
static uint32_t
row_groups(const char *pat, const char *path)
{
	pcre2_code *one = glean_re_compile_lazy(pat, PCRE2_CASELESS, path);
	uint32_t caps = 0;

	pcre2_pattern_info(one, PCRE2_INFO_CAPTURECOUNT, &caps);
	pcre2_code_free(one);
	return caps;
}

/*
 * Build f from the rows of lx whose column fcol is fval (fval NULL:
 * every row): the patterns of column patcol (literal: the words, any
 * white space between them, either apostrophe) as alternatives at word
 * boundaries, caseless.  A bad pattern is fatal.
 */
void
family_init(struct family *f, const struct glean_lexicon *lx, size_t patcol,
    size_t fcol, const char *fval, int literal)
{
	struct glean_buf b = { 0 }, lit = { 0 };
	uint32_t caps, group = 1;
	size_t i;
	char *pat;

	memset(f, 0, sizeof(*f));
	f->row = glean_calloc(lx->nrows + 1, sizeof(*f->row));
	f->group = glean_calloc(lx->nrows + 1, sizeof(*f->group));
	buf_adds(&b, "(?<![\\p{L}\\p{N}])(?:");
	for (i = 0; i < lx->nrows; i++) {
		if (fval && strcmp(lx->rows[i].f[fcol], fval))
			continue;
		if (literal) {
			glean_buf_reset(&lit);
			re_literal(&lit, lx->rows[i].f[patcol]);
			pat = glean_strdup(lit.s);
		} else
			pat = glean_strdup(lx->rows[i].f[patcol]);
		caps = row_groups(pat, lx->path);
		if (f->n)
			glean_buf_addc(&b, '|');
		glean_buf_addc(&b, '(');
		buf_adds(&b, pat);
		glean_buf_addc(&b, ')');
		free(pat);
		f->row[f->n] = i;
		f->group[f->n++] = group;
		group += 1 + caps;
	}
	buf_adds(&b, ")(?![\\p{L}\\p{N}])");
	if (f->n) {
		f->re = glean_re_compile_lazy(b.s, PCRE2_CASELESS, lx->path);
		f->md = pcre2_match_data_create_from_pattern(f->re, NULL);
	}
	glean_buf_free(&b);
	glean_buf_free(&lit);
}

/* Free what family_init() made. */
void
family_free(struct family *f)
{
	pcre2_code_free(f->re);
	pcre2_match_data_free(f->md);
	free(f->row);
	free(f->group);
}

/* Append the phrases and roles of a rating-verbs.tsv or changes.tsv
 * lexicon to c->verbs; an unknown role is fatal. */
static void
load_roles(struct ctx *c, const struct glean_lexicon *lx)
{
	size_t i;
	struct glean_row *r;

	for (i = 0; i < lx->nrows; i++, c->nverbs++) {
		r = &lx->rows[i];
		phrase_set(&c->verbs[c->nverbs], r->f[0]);
		if (!(c->verbs[c->nverbs].role = role_of(r->f[1])))
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: unknown role '%s'",
			    lx->path, r->line, r->f[1]);
	}
}

/* One struct named per row of lx: name from column namecol, the pattern
 * of column patcol compiled at word boundaries, caseless; *n rows. */
static struct named *
named_load(const struct glean_lexicon *lx, size_t namecol, size_t patcol,
    size_t *n)
{
	struct named *v = glean_calloc(lx->nrows + 1, sizeof(*v));
	size_t i;
	char *pat;

	for (i = 0; i < lx->nrows; i++) {
		v[i].name = lx->rows[i].f[namecol];
		pat = glean_asprintf(WORD_RE, lx->rows[i].f[patcol]);
		v[i].re = glean_re_compile_lazy(pat, PCRE2_CASELESS, lx->path);
		free(pat);
	}
	*n = lx->nrows;
	return v;
}

/* Free the patterns of v[0..n) and v (the names belong to a lexicon). */
static void
named_free(struct named *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pcre2_code_free(v[i].re);
	free(v);
}

/* The official name of the council with GSS code code in
 * authorities.tsv, or NULL when it is not loaded or has no such row. */
static const char *
council_name(const struct ctx *c, const char *code)
{
	size_t i;

	for (i = 0; c->lx_auth && i < c->lx_auth->nrows; i++)
		if (!strcmp(c->lx_auth->rows[i].f[0], code))
			return c->lx_auth->rows[i].f[1];
	return NULL;
}

/* trusts.tsv (name, council code): c->trusts, each with the council's
 * code and name (the trust's own when authorities.tsv lacks it), and
 * their pattern; a bad code is fatal. */
static void
load_trusts(struct ctx *c, const char *dir)
{
	struct glean_row *r;
	size_t i;

	c->lx_trusts = glean_lexicon_load(dir, "trusts.tsv", 2);
	c->ntrusts = c->lx_trusts->nrows;
	c->trusts = glean_calloc(c->ntrusts + 1, sizeof(*c->trusts));
	for (i = 0; i < c->ntrusts; i++) {
		r = &c->lx_trusts->rows[i];
		if (!is_gss(r->f[1]))
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: bad GSS code '%s'",
			    c->lx_trusts->path, r->line, r->f[1]);
		c->trusts[i].name = r->f[0];
		c->trusts[i].code = r->f[1];
		c->trusts[i].canon = council_name(c, r->f[1]);
		if (!c->trusts[i].canon)
			c->trusts[i].canon = r->f[0];
	}
	family_init(&c->trust_family, c->lx_trusts, 0, 0, NULL, 1);
	c->lx_trust_refs = glean_lexicon_load(dir, "trust-refs.tsv", 1);
	family_init(&c->trust_ref_family, c->lx_trust_refs, 0, 0, NULL, 1);
}

/* Load every word list of dir into vc, a struct ctx (the stage's init;
 * fatal when one is missing or bad). */
void
ctx_init(void *vc, const char *dir)
{
	struct ctx *c = vc;
	size_t i;
	struct glean_row *r;

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
		c->grades[i].scale = r->nf > 3 ? r->f[3] : "ofsted";
		c->grades[i].level = r->nf > 4 ? atoi(r->f[4]) : 0;
	}
	c->lx_verbs = glean_lexicon_load(dir, "rating-verbs.tsv", 2);
	c->lx_changes = glean_lexicon_load(dir, "changes.tsv", 2);
	c->verbs = glean_calloc(c->lx_verbs->nrows + c->lx_changes->nrows,
	    sizeof(*c->verbs));
	load_roles(c, c->lx_verbs);
	load_roles(c, c->lx_changes);
	starters_init(c);
	c->lx_areas = glean_lexicon_load(dir, "areas.tsv", 3);
	c->nareas = c->lx_areas->nrows;
	c->areas = glean_calloc(c->nareas, sizeof(*c->areas));
	for (i = 0; i < c->nareas; i++) {
		r = &c->lx_areas->rows[i];
		c->areas[i].name = r->f[0];
		c->areas[i].board = !strcmp(r->f[2], "board");
		c->areas[i].generic = !strcmp(r->f[2], "generic");
	}
	family_init(&c->area_family, c->lx_areas, 1, 0, NULL, 0);
	c->lx_insp = glean_lexicon_load(dir, "inspectorates.tsv", 2);
	c->insp = named_load(c->lx_insp, 0, 1, &c->ninsp);
	for (i = 0; i < c->ninsp; i++)
		c->insp[i].councils = c->lx_insp->rows[i].nf < 3 ||
		    strcmp(c->lx_insp->rows[i].f[2], "no");
	c->lx_kinds = glean_lexicon_load(dir, "subject-kinds.tsv", 3);
	c->nkinds = c->lx_kinds->nrows;
	c->kinds = glean_calloc(c->nkinds + 1, sizeof(*c->kinds));
	for (i = 0; i < c->nkinds; i++) {
		c->kinds[i].name = c->lx_kinds->rows[i].f[0];
		c->kinds[i].code = c->lx_kinds->rows[i].f[1];
	}
	family_init(&c->kind_family, c->lx_kinds, 2, 1, "no", 0);
	family_init(&c->topic_family, c->lx_kinds, 2, 1, "topic", 0);
	family_init(&c->general_family, c->lx_kinds, 2, 1, "general", 0);
	family_init(&c->outside_family, c->lx_kinds, 2, 1, "outside", 0);
	named_init(c);
	load_authorities(c, dir);
	load_trusts(c, dir);
	c->numwords = glean_numwords_load(dir);
	/* The fallback when there is no dates layer: plain years. */
	c->year_re = glean_re_compile_lazy(
	    "(?<![\\p{N}£$€.,:/-])(?:19|20)\\d\\d(?![\\p{N}%])", 0,
	    "year pattern");
	c->md = pcre2_match_data_create(32, NULL);
}

/* Free everything ctx_init() loaded into the struct ctx vc (the
 * stage's fini). */
void
ctx_free(void *vc)
{
	struct ctx *c = vc;
	size_t i;

	for (i = 0; i < c->ngrades; i++)
		phrase_free(&c->grades[i]);
	for (i = 0; i < c->nverbs; i++)
		phrase_free(&c->verbs[i]);
	family_free(&c->area_family);
	family_free(&c->kind_family);
	family_free(&c->topic_family);
	family_free(&c->general_family);
	family_free(&c->outside_family);
	family_free(&c->trust_family);
	family_free(&c->trust_ref_family);
	named_free(c->insp, c->ninsp);
	named_free(c->kinds, c->nkinds);
	named_free(c->trusts, c->ntrusts);
	glean_lexicon_free(c->lx_kinds);
	glean_lexicon_free(c->lx_trusts);
	glean_lexicon_free(c->lx_trust_refs);
	glean_lexicon_free(c->lx_changes);
	glean_numwords_free(c->numwords);
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
	authorities_free(c);
	pcre2_code_free(c->year_re);
	pcre2_code_free(c->insp_re);
	glean_phrase_gate_free(c->insp_gate);
	pcre2_code_free(c->areas_re);
	glean_phrase_gate_free(c->areas_gate);
	anchors_free(c->anchors);
	pcre2_match_data_free(c->md);
	glean_lexicon_free(c->lx_grades);
	glean_lexicon_free(c->lx_verbs);
	glean_lexicon_free(c->lx_areas);
	glean_lexicon_free(c->lx_insp);
}
