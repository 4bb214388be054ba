/* See LICENSE file for copyright and license details. */
/*
 * lexicons.c - loading the stage's lexicons (authorities, organisations,
 * titles, roles, forenames, cues, namesakes...) into the context, and
 * the per-word table that makes a token cost one lookup.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/*
 * Does alias p say it is a council, not just a place?  A word of words
 * (the "council" rows of namesakes.tsv: Council, Borough...) in it, or
 * an acronym ("RBKC", "BCP"): "Leeds City Council" is the council,
 * "Leeds" may be the club or the city.
 */
static int
names_council(const struct glean_phrase *p, const struct glean_dict *words)
{
	size_t t, k;
	const char *x;

	for (t = 0; t < p->ntok; t++)
		if (glean_dict_find(words, p->tok[t], strlen(p->tok[t])) >= 0)
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
		glean_phrase_add(&c->authph, f[1], (int)c->nauth, 0, c->ab);
		alias = glean_asprintf("%s Council", f[2]);
		glean_phrase_add(&c->authph, alias, (int)c->nauth, 0, c->ab);
		free(alias);
		if (strcmp(f[6], "yes") == 0)
			glean_phrase_add(&c->authph, f[2], (int)c->nauth,
			    PH_BARE, c->ab);
		if (strcmp(f[7], "-")) {
			for (p = f[7]; p; p = q) {
				if ((q = strchr(p, '|')))
					*q++ = '\0';
				if (*p)
					glean_phrase_add(&c->authph, p,
					    (int)c->nauth, 0, c->ab);
			}
		}
		c->nauth++;
	}
	glean_phrases_index(&c->authph);
	glean_lexicon_free(lx);
}

static void
load_words(struct glean_dict *d, const char *dir, const char *name, int lower)
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
		glean_dict_add(d, w, 0, NULL);
	}
	glean_lexicon_free(lx);
}

/* c->lower: the role words and the lower-case stop words (months,
 * weekdays), each with its role class | L_LOWSTOP. */
static void
build_lower(struct ctx *c, const struct glean_dict *roles,
    const struct glean_dict *lowstops)
{
	const char *key;
	size_t i;
	long k;

	glean_dict_add_keys(&c->lower, roles);
	glean_dict_add_keys(&c->lower, lowstops);
	glean_dict_sort_unique(&c->lower);
	for (i = 0; i < c->lower.n; i++) {
		key = c->lower.key[i];
		k = glean_dict_find(roles, key, strlen(key));
		c->lower.val[i] = (k >= 0 ? roles->val[k] : 0) |
		    (glean_dict_find(lowstops, key, strlen(key)) >= 0 ?
		    L_LOWSTOP : 0);
	}
}

/* What the lists say about word i of c->words, into c->winfo[i]. */
static void
word_info(struct ctx *c, size_t i, const struct glean_dict *stops,
    const struct glean_dict *forenames, const struct glean_dict *orghead)
{
	const char *key = c->words.key[i];
	size_t len = strlen(key);
	struct wordinfo *w = &c->winfo[i];
	char *title;
	long k;

	w->bits = (uint8_t)(
	    (glean_dict_find(stops, key, len) >= 0 ? W_STOP : 0) |
	    (glean_dict_find(forenames, key, len) >= 0 ? W_FORENAME : 0) |
	    (glean_dict_find(orghead, key, len) >= 0 ? W_ORGHEAD : 0));
	w->title = (int32_t)glean_dict_find(&c->titles, key, len);
	w->auth = (int32_t)glean_dict_find(&c->authph.first, key, len);
	w->org = (int32_t)glean_dict_find(&c->orgph.first, key, len);
	if (title_case(key, len)) {
		title = glean_strdup(key);
		title[0] = (char)(title[0] + 32);
		k = glean_dict_find(&c->lower, title, len);
		w->lower = (uint8_t)(k >= 0 ? c->lower.val[k] : 0);
		free(title);
	}
}

/* c->words and c->lower from the word lists (which it frees). */
static void
build_word_tables(struct ctx *c, struct glean_dict *stops,
    struct glean_dict *forenames, struct glean_dict *orghead,
    struct glean_dict *roles, struct glean_dict *lowstops)
{
	const char *key;
	char *title;
	size_t i;

	build_lower(c, roles, lowstops);
	/* a title-case token then needs one lookup, not two */
	for (i = 0; i < c->lower.n; i++) {
		key = c->lower.key[i];
		if (key[0] < 'a' || key[0] > 'z')
			continue;
		title = glean_strdup(key);
		title[0] = (char)(title[0] - 32);
		if (title_case(title, strlen(title)))
			glean_dict_add(&c->words, title, 0, NULL);
		free(title);
	}
	glean_dict_add_keys(&c->words, stops);
	glean_dict_add_keys(&c->words, forenames);
	glean_dict_add_keys(&c->words, orghead);
	glean_dict_add_keys(&c->words, &c->titles);
	glean_dict_add_keys(&c->words, &c->authph.first);
	glean_dict_add_keys(&c->words, &c->orgph.first);
	glean_dict_sort_unique(&c->words);
	c->winfo = glean_calloc(c->words.n + 1, sizeof *c->winfo);
	for (i = 0; i < c->words.n; i++)
		word_info(c, i, stops, forenames, orghead);
	for (i = 0; i < 256; i++) {
		/* blank_tokens reads the bit of a length mod 64: a cue word
		 * of 63 bytes or more (none yet) lets in every length */
		c->first_bits[i] = c->scan.first.lens[i] >> 63 ? ~1ull :
		    c->scan.first.lens[i] & ~1ull;
		c->first_bits[i] |= (i >= 'A' && i <= 'Z') || i >= 0x80 ||
		    c->words.lens[i] || c->titles.lens[i];
	}
	glean_dict_free(stops);
	glean_dict_free(forenames);
	glean_dict_free(orghead);
	glean_dict_free(roles);
	glean_dict_free(lowstops);
}

/*
 * Add phrase text to ph with value val, and its variants: capitalised
 * when it starts in lower case (if capital), and with a typographic
 * apostrophe for each straight one.
 */
static void
phrase_add_variants(struct glean_phrases *ph, const char *text, int val,
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
		glean_phrase_add(ph, b.s, val, 0, ab);
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
	struct glean_dict council_words = { 0 };
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
	glean_phrases_index(&c->scan);

	lx = glean_lexicon_load(dir, "namesakes.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		switch (column_value(lx, i, f[1], wheres)) {
		case 0:
			glean_phrase_add(&c->after, f[0], 0, 0, c->ab);
			break;
		case 1:
			glean_phrase_add(&c->before, f[0], 0, 0, c->ab);
			break;
		case 2:
			glean_dict_add(&c->places, f[0], 0, NULL);
			break;
		default:
			glean_dict_add(&council_words, f[0], 0, NULL);
		}
	}
	glean_phrases_index(&c->after);
	glean_phrases_index(&c->before);
	glean_dict_sort(&c->places);
	glean_dict_sort(&council_words);
	glean_lexicon_free(lx);
	/* authorities.tsv is loaded: mark its aliases that name a council
	 * (the flags are not part of the index) */
	for (i = 0; i < c->authph.n; i++)
		if (names_council(&c->authph.p[i], &council_words))
			c->authph.p[i].flags |= PH_NAMED;
	glean_dict_free(&council_words);
}

/* organisations.tsv: the organisations' forms (orgph, canonical names
 * in orgcanon) and, into orghead, the head words of organisation
 * names. */
static void
load_organisations(struct ctx *c, const char *dir, struct glean_dict *orghead)
{
	struct glean_lexicon *lx;
	size_t i;
	char **f;

	lx = glean_lexicon_load(dir, "organisations.tsv", 3);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		if (strcmp(f[2], "head") == 0) {
			glean_dict_add(orghead, f[0], 0, NULL);
			continue;
		}
		glean_dict_add(&c->orgcanon, f[0], 0, f[1]);
		glean_phrase_add(&c->orgph, f[0], (int)c->orgcanon.n - 1, 0,
		    c->ab);
	}
	glean_phrases_index(&c->orgph);
	glean_dict_index(&c->orgcanon);	/* not sorted: orgph refers to it */
	glean_dict_sort(orghead);
	glean_lexicon_free(lx);
}

/* council-refs.tsv ("the council", "County Hall"), each also
 * capitalised, and titles.tsv (a title and the role it implies). */
static void
load_refs_and_titles(struct ctx *c, const char *dir)
{
	struct glean_lexicon *lx;
	size_t i;
	char **f, *cap;

	lx = glean_lexicon_load(dir, "council-refs.tsv", 1);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		glean_phrase_add(&c->refs, f[0], 0, 0, c->ab);
		if (f[0][0] >= 'a' && f[0][0] <= 'z') {
			cap = glean_strdup(f[0]);
			cap[0] -= 32;
			glean_phrase_add(&c->refs, cap, 0, 0, c->ab);
			free(cap);
		}
	}
	glean_phrases_index(&c->refs);
	glean_lexicon_free(lx);

	lx = glean_lexicon_load(dir, "titles.tsv", 2);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		glean_dict_add(&c->titles, f[0], 0, strcmp(f[1], "-") ? f[1] :
		    NULL);
	}
	glean_dict_sort(&c->titles);
	glean_lexicon_free(lx);
}

/* roles.tsv into roles: each word's class (R_HEAD, R_MOD, R_STOP); an
 * unknown class is fatal. */
static void
load_roles(const char *dir, struct glean_dict *roles)
{
	struct glean_lexicon *lx;
	size_t i;
	char **f;

	lx = glean_lexicon_load(dir, "roles.tsv", 2);
	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f;
		if (strcmp(f[1], "head") && strcmp(f[1], "mod") &&
		    strcmp(f[1], "stop")) {
			glean_warn_at(lx->path, lx->rows[i].line,
			    "unknown class \"%s\" (head, mod or stop)", f[1]);
			exit(GLEAN_EXIT_FATAL);
		}
		glean_dict_add(roles, f[0], f[1][0] == 'h' ? R_HEAD :
		    f[1][0] == 'm' ? R_MOD : R_STOP, NULL);
	}
	glean_dict_sort(roles);
	glean_lexicon_free(lx);
}

/*
 * Load every lexicon of the stage from dir into vc, a struct ctx zeroed
 * before (the stage's init in glean_program_entities).  A
 * missing file, a short row or an unknown class is fatal: one line
 * naming the file and line, exit 2.
 */
void
load_lexicons(void *vc, const char *dir)
{
	struct ctx *c = vc;
	struct glean_dict stops = { 0 }, forenames = { 0 }, orghead = { 0 };
	struct glean_dict roles = { 0 }, lowstops = { 0 };

	c->ab = glean_abbrevs_load(dir);
	load_authorities(c, dir);
	load_context_lexicons(c, dir);
	load_organisations(c, dir, &orghead);
	load_refs_and_titles(c, dir);
	load_roles(dir, &roles);
	load_words(&forenames, dir, "forenames.tsv", 0);
	glean_dict_sort(&forenames);
	load_words(&stops, dir, "name-stopwords.tsv", 0);
	glean_dict_sort(&stops);
	load_words(&lowstops, dir, "months.tsv", 1);
	load_words(&lowstops, dir, "weekdays.tsv", 1);
	glean_dict_sort(&lowstops);
	build_word_tables(c, &stops, &forenames, &orghead, &roles, &lowstops);
}

/* Free the per-token arrays kept between documents. */
void
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

/* Free what load_lexicons made, and the token arrays, of the struct ctx
 * vc (the stage's fini). */
void
free_lexicons(void *vc)
{
	struct ctx *c = vc;
	size_t i;

	for (i = 0; i < c->nauth; i++) {
		free(c->auth[i].code);
		free(c->auth[i].name);
	}
	free(c->auth);
	glean_phrases_free(&c->authph);
	glean_phrases_free(&c->orgph);
	glean_phrases_free(&c->refs);
	glean_phrases_free(&c->scan);
	glean_phrases_free(&c->after);
	glean_phrases_free(&c->before);
	glean_dict_free(&c->places);
	for (i = 0; i < c->ncues; i++)
		free(c->cues[i].kind);
	free(c->cues);
	glean_dict_free(&c->orgcanon);
	glean_dict_free(&c->titles);
	glean_dict_free(&c->words);
	free(c->winfo);
	glean_dict_free(&c->lower);
	glean_abbrevs_free(c->ab);
	glean_arena_free(&c->strs);
	glean_toks_free(&c->tk);
	free_token_arrays(c);
}
