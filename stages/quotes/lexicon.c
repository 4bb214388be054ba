/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: word sets and the word lists of lexicons/.
 */
#include "quotes.h"

static const char *const classname[] = {
	"title", "function", "connector", "orgword", "spokes", "label",
	"labeller", "det", "aux", "conj", "time", "prep", "relative", "role",
	"male", "female", "inspection", "plural", "definite", "document",
	"agent", NULL
};
static const char *const pronname[] = {
	"", "person", "organisation", "group", "self", NULL
};

/* Cues by stem, the lexicon's order among equal stems. */
static int
cuecmp(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int c = strcmp(x->w[0], y->w[0]);

	/* keep the lexicon's order among equal stems (line numbers) */
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* ---- lexicons -------------------------------------------------------- */

/* Word-list entries by key (qsort). */
static int
entcmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key,
	    ((const struct entry *)b)->key);
}

/* The hash of the fold f[0..n), eight bytes at a time (see hash_chunk). */
size_t
fold_hash(const char *f, size_t n)
{
	uint64_t h = n, v;
	size_t i;

	for (i = 0; i < n; i += 8) {
		v = 0;
		memcpy(&v, f + i, n - i < 8 ? n - i : 8);
		h = hash_chunk(h, v);
	}
	return hash_end(h);
}


/* The signature (key_sig) of the fold f[0..n). */
static size_t
fold_sig(const char *f, size_t n)
{
	if (n == 0)
		return key_sig(0, 0, 0, 0);
	return key_sig(n, (unsigned char)f[0], n > 1 ? (unsigned char)f[1] :
	    0, (unsigned char)f[n - 1]);
}



/* The value of key k[0..n) in ws; 0 when absent. */
int
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
	for (cap = 64; cap < 4 * ws->n; cap *= 2)
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

/*
 * The index in the NULL-ended list names of column col of lx's row i,
 * a name of what ("word class"); one not listed, or listed before index
 * first, is fatal (naming the file and line).
 */
static int
row_name(const struct glean_lexicon *lx, size_t i, size_t col,
    const char *const *names, int first, const char *what)
{
	const char *s = lx->rows[i].f[col];
	int k;

	for (k = 0; names[k]; k++)
		if (k >= first && strcmp(names[k], s) == 0)
			return k;
	glean_die(GLEAN_EXIT_FATAL, "%s:%ld: unknown %s '%s'", lx->path,
	    lx->rows[i].line, what, s);
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

/* Add key (copied) with val, unless the set has it already.  The keys'
 * lengths are kept on the way (set_finish sets them again). */
static void
set_add_once(struct wordset *ws, const char *key, size_t n, int val)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		if (ws->e[i].klen == n && memcmp(ws->e[i].key, key, n) == 0)
			return;
	ws->e = glean_realloc(ws->e, (ws->n + 1) * sizeof(*ws->e));
	ws->e[ws->n].key = glean_strndup(key, n);
	ws->e[ws->n].klen = strlen(ws->e[ws->n].key);
	ws->e[ws->n++].val = val;
}

/* Note the stem st[0..n) in L->stemlens (one longer than 63 bytes
 * has no bit: has_cue_stem then tries every length, by cuestemmax). */
static void
add_stem_length(struct quotes_lex *L, const char *st, size_t n)
{
	if (n == 1)
		L->cuestem1 = 1;
	else if (n >= 2 && n <= 63)
		L->stemlens[STEMPAIR(st[0], st[1])] |= 1ull << n;
}

/* The sets cue_stem looks words up in (cues sorted). */
static void
cue_sets(struct quotes_lex *L)
{
	size_t i, fl;
	const char *w;
	char *f;

	for (i = 0; i < L->ncues; i++) {
		set_add_once(&L->cuetexts, L->cues[i].text, L->cues[i].tlen, 1);
		/* the value: the first cue of the stem, + 1 (cue_first) */
		set_add_once(&L->cuestems, L->cues[i].w[0], L->cues[i].slen,
		    (int)i + 1);
		if (L->cues[i].slen > L->cuestemmax)
			L->cuestemmax = L->cues[i].slen;
		add_stem_length(L, L->cues[i].w[0], L->cues[i].slen);
		/* the first word as phrase_init split it */
		w = L->cues[i].text + strspn(L->cues[i].text, " ");
		f = glean_casefold(w, strcspn(w, " "), &fl);
		set_add_once(&L->cuefirst, f, fl, (int)i + 1);
		free(f);
	}
	set_finish(&L->cuetexts);
	set_finish(&L->cuestems);
	set_finish(&L->cuefirst);
	L->cuetexts_in_first = 1;
	for (i = 0; i < L->cuetexts.n; i++)
		if (!memchr(L->cuetexts.e[i].key, ' ', L->cuetexts.e[i].klen) &&
		    !set_get(&L->cuefirst, L->cuetexts.e[i].key,
		    L->cuetexts.e[i].klen))
			L->cuetexts_in_first = 0;
}

/* The sex in column col of row i of lx ("m", "f"): SEX_MALE, SEX_FEMALE, or
 * SEX_UNKNOWN when the column is missing or "-"; another value is fatal. */
static int
sex_of(const struct glean_lexicon *lx, size_t i, size_t col)
{
	const char *s;

	if (lx->rows[i].nf <= col)
		return SEX_UNKNOWN;
	s = lx->rows[i].f[col];
	if (strcmp(s, "m") == 0)
		return SEX_MALE;
	if (strcmp(s, "f") == 0)
		return SEX_FEMALE;
	if (strcmp(s, "-") != 0)
		glean_die(GLEAN_EXIT_FATAL, "%s:%ld: sex must be m, f or -",
		    lx->path, lx->rows[i].line);
	return SEX_UNKNOWN;
}

/* Append word w (folded) to L->classes with the class bits val. */
static void
add_class_word(struct quotes_lex *L, const char *w, int val)
{
	size_t flen;

	L->classes.e = glean_realloc(L->classes.e, (L->classes.n + 1) *
	    sizeof(*L->classes.e));
	L->classes.e[L->classes.n].key = glean_casefold(w, strlen(w), &flen);
	L->classes.e[L->classes.n++].val = val;
}

/* forenames.tsv: the sex of a given name, as a class (C_MALE,
 * C_FEMALE) of L->classes.  A bad row is fatal. */
static void
read_forenames(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;
	int sex;

	for (i = 0; i < lx->nrows; i++) {
		sex = sex_of(lx, i, 1);
		if (sex != SEX_UNKNOWN)
			add_class_word(L, lx->rows[i].f[0], sex == SEX_MALE ?
			    C_MALE : C_FEMALE);
	}
}

/* roles.tsv: the heads of roles, as a class (C_ROLE) of L->classes. */
static void
read_roles(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;

	for (i = 0; i < lx->nrows; i++)
		if (strcmp(lx->rows[i].f[1], "head") == 0)
			add_class_word(L, lx->rows[i].f[0], C_ROLE);
}

/* L->inspfirst: the bytes a match of L->anyinsp may begin with, as
 * pcre2 found them at compile time (its start bitmap); all the bytes
 * when it found none (then no byte is ruled out). */
static void
insp_first_bytes(struct quotes_lex *L)
{
	const uint8_t *bm = NULL;
	size_t c;

	if (pcre2_pattern_info(L->anyinsp, PCRE2_INFO_FIRSTBITMAP, &bm) != 0)
		bm = NULL;
	for (c = 0; c < 256; c++)
		L->inspfirst[c] = bm == NULL || ((bm[c / 8] >> (c % 8)) & 1);
}

/* inspectorates.tsv: each name and its pattern (case-insensitive, at
 * word boundaries; also anchored), and all the patterns in one; a
 * one-word name is a word of the "inspection" class.  A bad pattern is
 * fatal. */
static void
read_inspectorates(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;
	char *pat;
	struct glean_buf any = { 0 };

	L->insp = glean_calloc(lx->nrows, sizeof(*L->insp));
	glean_buf_add(&any, "\\b(?:", 5);
	for (i = 0; i < lx->nrows; i++) {
		pat = glean_malloc(strlen(lx->rows[i].f[1]) + 16);
		sprintf(pat, "\\b(?:%s)\\b", lx->rows[i].f[1]);
		L->insp[L->ninsp].name = glean_strdup(lx->rows[i].f[0]);
		if (!strchr(lx->rows[i].f[0], ' '))
			add_class_word(L, lx->rows[i].f[0], C_INSPECTION);
		L->insp[L->ninsp].re_at = glean_re_compile(pat,
		    PCRE2_CASELESS | PCRE2_UTF | PCRE2_ANCHORED, lx->path);
		L->insp[L->ninsp++].re = glean_re_compile(pat,
		    PCRE2_CASELESS | PCRE2_UTF, lx->path);
		free(pat);
		if (i > 0)
			glean_buf_addc(&any, '|');
		glean_buf_add(&any, lx->rows[i].f[1], strlen(lx->rows[i].f[1]));
	}
	glean_buf_add(&any, ")\\b", 3);
	glean_buf_addc(&any, '\0');
	/* no inspectorate at all, most texts: one pass tells */
	L->anyinsp = glean_re_compile(any.s, PCRE2_CASELESS | PCRE2_UTF,
	    lx->path);
	L->anyinsp_at = glean_re_compile(any.s, PCRE2_CASELESS | PCRE2_UTF |
	    PCRE2_ANCHORED, lx->path);
	glean_buf_free(&any);
	insp_first_bytes(L);
}

/* The words of a role-bodies.tsv column ("-" none), folded: *n of them. */
static char **
fold_words(const char *col, size_t *n)
{
	char **w = NULL, *copy, *t, *save = NULL;
	size_t flen;

	*n = 0;
	if (strcmp(col, "-") == 0)
		return NULL;
	copy = glean_strdup(col);
	for (t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		w = glean_realloc(w, (*n + 1) * sizeof(*w));
		w[(*n)++] = glean_casefold(t, strlen(t), &flen);
	}
	free(copy);
	return w;
}

/* role-bodies.tsv: the role heads that stand for an organisation and
 * what its name must and must not hold. */
static void
read_role_bodies(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	struct rolebody *rb;
	size_t i, flen;
	char *f;

	L->rolebodies = glean_calloc(lx->nrows + 1, sizeof(*L->rolebodies));
	for (i = 0; i < lx->nrows; i++) {
		rb = &L->rolebodies[i];
		rb->need = fold_words(lx->rows[i].f[1], &rb->nneed);
		rb->avoid = fold_words(lx->rows[i].f[2], &rb->navoid);
		f = glean_casefold(lx->rows[i].f[0], strlen(lx->rows[i].f[0]),
		    &flen);
		set_add_once(&L->roleheads, f, flen, (int)i + 1);
		free(f);
	}
	set_finish(&L->roleheads);
}

/* The cue of speech-verbs.tsv's row i into p; 0 when its phrase has no
 * words (p is then reused), else 1.  A bad kind is fatal. */
static int
cue_row(struct phrase *p, const struct glean_lexicon *lx, size_t i)
{
	const struct glean_row *r = &lx->rows[i];

	phrase_init(p, r->f[0], 1);
	if (p->nw == 0)
		return 0;
	if (strcmp(r->f[1], "speech") == 0)
		p->kind = K_SPEECH;
	else if (strcmp(r->f[1], "report") == 0)
		p->kind = K_REPORT;
	else
		glean_die(GLEAN_EXIT_FATAL, "%s:%ld: kind must be "
		    "speech or report", lx->path, r->line);
	p->after = 0;
	p->line = r->line;
	p->slen = strlen(p->w[0]);
	p->tlen = strlen(p->text);
	if (r->nf > 2 && strcmp(r->f[2], "after") == 0)
		p->after = 1;
	else if (r->nf > 2 && strcmp(r->f[2], "object") == 0)
		p->after = -1;
	return 1;
}

/* speech-verbs.tsv: the cues, sorted by stem, and the sets that find
 * them (cue2, cue_sets).  A bad row is fatal. */
static void
read_cues(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;
	const char *t;

	L->cues = glean_calloc(lx->nrows, sizeof(*L->cues));
	for (i = 0; i < lx->nrows; i++)
		L->ncues += (size_t)cue_row(&L->cues[L->ncues], lx, i);
	if (L->ncues > 1)
		qsort(L->cues, L->ncues, sizeof(*L->cues), cuecmp);
	for (i = 0; i < L->ncues; i++) {
		t = L->cues[i].text;
		if (t[0] && t[1])
			L->cue2[(unsigned char)t[0]]
			    [(unsigned char)t[1] & 0x7f] = 1;
	}
	cue_sets(L);
}

/* report-cues.tsv: the report cues, the body each speaks for, and the
 * set of their first words. */
static void
read_report_cues(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;
	struct phrase *p;

	L->rcues = glean_calloc(lx->nrows, sizeof(*L->rcues));
	for (i = 0; i < lx->nrows; i++) {
		p = &L->rcues[L->nrcues];
		phrase_init(p, lx->rows[i].f[0], 0);
		if (p->nw == 0)
			continue;
		if (lx->rows[i].nf > 1 && strcmp(lx->rows[i].f[1], "-") != 0)
			p->speaker = glean_strdup(lx->rows[i].f[1]);
		set_add_once(&L->rcuefirst, p->w[0], strlen(p->w[0]), 1);
		L->nrcues++;
	}
	set_finish(&L->rcuefirst);
}

/* pronouns.tsv: each pronoun's class (P_) and sex (SEX_, in the bits
 * from 4 up).  A bad row is fatal. */
static void
read_pronouns(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i;
	int c;

	L->prons.e = glean_calloc(lx->nrows, sizeof(*L->prons.e));
	for (i = 0; i < lx->nrows; i++) {
		c = row_name(lx, i, 1, pronname, 1, "pronoun class");
		L->prons.e[L->prons.n].key = glean_strdup(lx->rows[i].f[0]);
		L->prons.e[L->prons.n++].val = c | sex_of(lx, i, 2) << 4;
	}
	set_finish(&L->prons);
}

/* quote-words.tsv: each word's class (a C_ bit, into L->classes, which
 * load_lexicons finishes once the other lists have added theirs), and
 * the labels of several words.  A bad row is fatal. */
static void
read_quote_words(struct quotes_lex *L, const struct glean_lexicon *lx)
{
	size_t i, k, flen;
	int c;

	L->classes.e = glean_calloc(lx->nrows, sizeof(*L->classes.e));
	L->labels = glean_calloc(lx->nrows, sizeof(*L->labels));
	for (i = 0; i < lx->nrows; i++) {
		c = row_name(lx, i, 1, classname, 0, "word class");
		if (strchr(lx->rows[i].f[0], ' ')) {
			if (c != 5)	/* only labels may have spaces */
				continue;
			phrase_init(&L->labels[L->nlabels++], lx->rows[i].f[0], 0);
			continue;
		}
		k = L->classes.n++;
		L->classes.e[k].key = glean_casefold(lx->rows[i].f[0],
		    strlen(lx->rows[i].f[0]), &flen);
		L->classes.e[k].val = 1 << c;
	}
}

/*
 * The word lists, in the order they are read (quote-words.tsv first of
 * those that add to L->classes: it sizes the set), with the columns each
 * must have and the function that reads it.
 */
static const struct {
	const char *file;
	size_t ncols;
	void (*read)(struct quotes_lex *L, const struct glean_lexicon *lx);
} lists[] = {
	{ "speech-verbs.tsv", 2, read_cues },
	{ "report-cues.tsv", 1, read_report_cues },
	{ "pronouns.tsv", 2, read_pronouns },
	{ "quote-words.tsv", 2, read_quote_words },
	{ "forenames.tsv", 1, read_forenames },
	{ "roles.tsv", 2, read_roles },
	{ "inspectorates.tsv", 2, read_inspectorates },
	{ "role-bodies.tsv", 3, read_role_bodies },
};

/*
 * Read the word lists of dir into L (which it fills; never freed: they
 * live as long as the program).  A missing or bad list is fatal (exit 2,
 * naming the file and line).
 */
void
load_lexicons(struct quotes_lex *L, const char *dir)
{
	struct glean_lexicon *lx;
	size_t k;

	memset(L, 0, sizeof(*L));
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		lx = glean_lexicon_load(dir, lists[k].file, lists[k].ncols);
		lists[k].read(L, lx);
		glean_lexicon_free(lx);
	}
	set_finish(&L->classes);
	for (k = 0; k < L->classes.n; k++)
		if (L->classes.e[k].val & C_CONNECTOR)
			set_add_once(&L->connectors, L->classes.e[k].key,
			    L->classes.e[k].klen, C_CONNECTOR);
	set_finish(&L->connectors);
}
