/* See LICENSE file for copyright and license details. */
/* Numbers in digits and words; lexicon-built regex alternations. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "glean.h"
#include "numbers.h"

struct glean_numwords *
glean_numwords_load(const char *lexdir)
{
	struct glean_numwords *nw = glean_calloc(1, sizeof *nw);
	size_t i, b, fill[256];

	nw->lx = glean_lexicon_load(lexdir, "number-words.tsv", 3);
	/* a counting sort of the rows by their first byte's lower case,
	 * stable, so a lookup meets them in file order */
	nw->byfirst = glean_calloc(nw->lx->nrows + 1, sizeof *nw->byfirst);
	for (i = 0; i < nw->lx->nrows; i++)
		nw->at[tolower((unsigned char)nw->lx->rows[i].f[0][0]) + 1]++;
	for (b = 0; b < 256; b++) {
		nw->at[b + 1] += nw->at[b];
		fill[b] = nw->at[b];
	}
	for (i = 0; i < nw->lx->nrows; i++)
		nw->byfirst[fill[tolower((unsigned char)
		    nw->lx->rows[i].f[0][0])]++] = i;
	return nw;
}

void
glean_numwords_free(struct glean_numwords *nw)
{
	if (!nw)
		return;
	glean_lexicon_free(nw->lx);
	free(nw->byfirst);
	free(nw);
}

/*
 * glean_numword of s[0..n) case-folded the Unicode way, for a word with
 * a byte outside ASCII: the word pcre2's caseless match took for one of
 * the lexicon ("ſix" for "six", the Kelvin sign for "k").
 */
static double
numword_folded(const struct glean_numwords *nw, const char *s, size_t n,
    const char *kind, const char **kindout)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len;
	double v = -1;

	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &folded, UTF8PROC_CASEFOLD);
	if (len > 0 && memchr(s, 0, n) == NULL &&
	    ((size_t)len != n || memcmp(folded, s, n) != 0))
		v = glean_numword(nw, (const char *)folded, (size_t)len, kind,
		    kindout);
	free(folded);
	return v;
}

double
glean_numword(const struct glean_numwords *nw, const char *s, size_t n,
    const char *kind, const char **kindout)
{
	size_t i, k, b;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return numword_folded(nw, s, n, kind, kindout);
	if (!nw)
		return -1;
	/* only the rows whose first letter is the word's (an empty row's
	 * first byte is its NUL) */
	b = n ? (size_t)tolower((unsigned char)s[0]) : 0;
	for (k = nw->at[b]; k < nw->at[b + 1]; k++) {
		struct glean_row *r = &nw->lx->rows[nw->byfirst[k]];

		if (strlen(r->f[0]) != n || strncasecmp(r->f[0], s, n) != 0)
			continue;
		if (kind && strcmp(r->f[2], kind) != 0)
			continue;
		if (kindout)
			*kindout = r->f[2];
		return strtod(r->f[1], NULL);
	}
	return -1;
}

/* Digits with optional thousands commas and a decimal part. */
static int
parse_digits(const char *s, size_t n, double *out)
{
	char buf[64];
	size_t i, k = 0;
	int dot = 0, digits = 0;
	uint64_t whole = 0;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (k >= sizeof buf - 1)
				return -1;
			buf[k++] = s[i];
			whole = whole * 10 + (uint64_t)(s[i] - '0');
			digits++;
		} else if (s[i] == ',' && !dot && digits) {
			continue;
		} else if (s[i] == '.' && !dot) {
			if (k >= sizeof buf - 1)
				return -1;
			buf[k++] = '.';
			dot = 1;
		} else {
			return -1;
		}
	}
	if (!digits)
		return -1;
	/* a whole number of up to 15 digits is exact in a double: what
	 * strtod would say, without its cost */
	if (!dot && digits <= 15) {
		*out = (double)whole;
		return 0;
	}
	buf[k] = '\0';
	*out = strtod(buf, NULL);
	return isfinite(*out) ? 0 : -1;
}

/* A number in words as it is read: what is added up, the group being
 * read, the words read, and whether one was an article ("a"). */
struct word_sum {
	double total, cur;
	int words, article;
};

/*
 * Add the number word w[0..n) of value v and kind (number-words.tsv:
 * card, ord, scale, frac, vague) to the sum.  Returns -1 when it cannot
 * follow the words before ("few" after "two").
 */
static int
add_number_word(struct word_sum *a, const char *w, size_t n, double v,
    const char *kind)
{
	if (strcmp(kind, "scale") == 0) {
		if (a->cur == 0)
			a->cur = 1;
		if (v >= 1000) {
			a->total += a->cur * v;
			a->cur = 0;
		} else {
			a->cur *= v;
		}
	} else if (strcmp(kind, "frac") == 0) {
		/* "half", "a quarter", "three quarters", "two and a half" */
		if (a->cur == 0 || (a->article && a->words == 1))
			a->cur = v;
		else if (strncasecmp(w, "quarters", 8) == 0)
			a->cur *= v;
		else
			a->cur += v;
	} else if (strcmp(kind, "vague") == 0) {
		/* "a" in "a hundred", "one and a half"; "few" alone */
		if (a->words == 0)
			a->cur = v;
		else if (!(n <= 2 && (w[0] == 'a' || w[0] == 'A')))
			return -1;
		a->article = 1;
	} else if (a->article && a->words == 1) {
		a->cur = v;	/* "a five-cent coin" */
	} else {
		a->cur += v;
	}
	a->words++;
	return 0;
}

int
glean_parse_number(const struct glean_numwords *nw, const char *s, size_t n,
    double *out)
{
	struct word_sum a = { 0, 0, 0, 0 };
	const char *kind;
	size_t i = 0, j;
	double v;

	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	/* Whole phrases first: "a few", "a couple of". */
	v = glean_numword(nw, s, n, NULL, &kind);
	if (v >= 0 && strcmp(kind, "scale") != 0) {
		*out = v;
		return 0;
	}
	if (n && (isdigit((unsigned char)s[0]) || s[0] == '.'))
		return parse_digits(s, n, out);
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\t' ||
		    (unsigned char)s[i] == 0xc2 || (unsigned char)s[i] == 0xa0))
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && s[j] != ' ' && s[j] != '-' &&
		    s[j] != '\t' && (unsigned char)s[j] != 0xc2; j++)
			;
		if (j - i == 3 && strncasecmp(s + i, "and", 3) == 0) {
			i = j;
			continue;
		}
		if (isdigit((unsigned char)s[i])) {
			if (parse_digits(s + i, j - i, &v) < 0)
				return -1;
			a.cur += v;
			a.words++;
		} else if ((v = glean_numword(nw, s + i, j - i, NULL,
		    &kind)) < 0 || add_number_word(&a, s + i, j - i, v,
		    kind) < 0)
			return -1;
		i = j;
	}
	if (!a.words)
		return -1;
	*out = a.total + a.cur;
	return isfinite(*out) ? 0 : -1;
}

char *
glean_re_escape(const char *s)
{
	struct glean_buf b = { 0 };

	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}/#-", *s))
			glean_buf_addc(&b, '\\');
		if (*s == ' ') {
			glean_buf_add(&b, "[\\s\\x{a0}]+", 11);
			continue;
		}
		glean_buf_addc(&b, *s);
	}
	if (!b.s)
		return glean_strdup("");
	return b.s;
}

struct alt {
	const char *s;
	size_t n;
};

static int
altcmp(const void *a, const void *b)
{
	const struct alt *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->s, y->s);
}

char *
glean_lex_alt(const struct glean_lexicon *lx, size_t col, size_t fcol,
    const char *fval)
{
	struct alt *a = glean_calloc(lx->nrows + 1, sizeof *a);
	struct glean_buf b = { 0 };
	size_t i, k = 0;

	for (i = 0; i < lx->nrows; i++) {
		struct glean_row *r = &lx->rows[i];

		if (col >= r->nf || (fval && (fcol >= r->nf ||
		    strcmp(r->f[fcol], fval) != 0)))
			continue;
		a[k].s = r->f[col];
		a[k].n = strlen(r->f[col]);
		k++;
	}
	qsort(a, k, sizeof *a, altcmp);
	glean_buf_add(&b, "(?:", 3);
	for (i = 0; i < k; i++) {
		char *e;

		if (i && a[i].n == a[i - 1].n &&
		    strcmp(a[i].s, a[i - 1].s) == 0)
			continue;
		e = glean_re_escape(a[i].s);
		if (b.len > 3)
			glean_buf_addc(&b, '|');
		glean_buf_add(&b, e, strlen(e));
		free(e);
	}
	if (b.len == 3)
		glean_buf_add(&b, "(?!)", 4);
	glean_buf_addc(&b, ')');
	free(a);
	return b.s;
}

char *
glean_re_expand(const char *tmpl, const char *const *names,
    const char *const *vals, size_t n)
{
	struct glean_buf b = { 0 };
	const char *p = tmpl, *q;
	size_t i;

	while (*p) {
		if (*p == '{' && isupper((unsigned char)p[1]) &&
		    (q = strchr(p, '}')) != NULL) {
			for (i = 0; i < n; i++)
				if (strlen(names[i]) == (size_t)(q - p - 1) &&
				    strncmp(names[i], p + 1, q - p - 1) == 0)
					break;
			if (i == n)
				glean_die(GLEAN_EXIT_FATAL,
				    "pattern: unknown placeholder %.*s",
				    (int)(q - p + 1), p);
			glean_buf_add(&b, vals[i], strlen(vals[i]));
			p = q + 1;
			continue;
		}
		glean_buf_addc(&b, *p++);
	}
	return b.s ? b.s : glean_strdup("");
}

pcre2_code *
glean_re_compile_expanded(const char *tmpl, const char *const *names,
    const char *const *vals, size_t n, uint32_t flags, const char *what)
{
	char *pat = glean_re_expand(tmpl, names, vals, n);
	pcre2_code *re = glean_re_compile(pat, flags, what);

	free(pat);
	return re;
}

/*
 * The forms of an alternation as a trie, one character a level: pcre2
 * tries an alternation's branches one by one, so "(?:june|july|jan)"
 * costs three failed tries where no form starts, "(?:j(?:u(?:ne|ly)|an))"
 * one.  A node's branches come before its own end, as the longer forms
 * come first in glean_lex_alt, so the two match alike.
 */
struct trie {
	char key[4];		/* one character; " " stands for blanks */
	size_t klen;
	int end;		/* a form ends here */
	struct trie *kids;
	size_t nkids;
};

static int32_t
trie_cp(const char *s, size_t n)
{
	int32_t cp;

	glean_utf8_next(s, n, &cp);
	return cp;
}

/* Could a and b match the same character case-insensitively?  A blank
 * may be any white space, non-ASCII too. */
static int
trie_clash(const struct trie *a, const struct trie *b)
{
	int32_t x = trie_cp(a->key, a->klen), y = trie_cp(b->key, b->klen);

	if (x == ' ' || y == ' ') {
		int32_t other = x == ' ' ? y : x;

		return other >= 0x80 || isspace((int)other);
	}
	return x == y || (int32_t)utf8proc_tolower(x) ==
	    (int32_t)utf8proc_tolower(y) || (int32_t)utf8proc_toupper(x) ==
	    (int32_t)utf8proc_toupper(y);
}

/* Add form s under t; -1 when the trie could not match as the list
 * does (an empty form, or two branches one character may take). */
static int
trie_add(struct trie *t, const char *s)
{
	size_t n, i;
	char key[4];
	int32_t cp;

	if (!*s) {
		t->end = 1;
		return 0;
	}
	n = glean_utf8_next(s, strlen(s), &cp);
	if (n > sizeof key)
		return -1;
	memcpy(key, s, n);
	if (n == 1)
		key[0] = (char)tolower((unsigned char)key[0]);
	for (i = 0; i < t->nkids; i++)
		if (t->kids[i].klen == n && memcmp(t->kids[i].key, key, n) == 0)
			return trie_add(&t->kids[i], s + n);
	t->kids = glean_realloc(t->kids, (t->nkids + 1) * sizeof *t->kids);
	memset(&t->kids[t->nkids], 0, sizeof *t->kids);
	memcpy(t->kids[t->nkids].key, key, n);
	t->kids[t->nkids].klen = n;
	for (i = 0; i < t->nkids; i++)
		if (trie_clash(&t->kids[i], &t->kids[t->nkids]))
			return -1;
	return trie_add(&t->kids[t->nkids++], s + n);
}

static void
trie_write(const struct trie *t, struct glean_buf *b)
{
	size_t i;

	if (t->klen == 1 && t->key[0] == ' ') {
		glean_buf_add(b, "[\\s\\x{a0}]+", 11);
	} else if (t->klen) {
		if (t->klen == 1 && strchr("\\^$.|?*+()[]{}/#-", t->key[0]))
			glean_buf_addc(b, '\\');
		glean_buf_add(b, t->key, t->klen);
	}
	if (!t->nkids)
		return;
	/* at the root, one class test for the first characters */
	if (!t->klen && t->nkids > 2) {
		glean_buf_add(b, "(?=[", 4);
		for (i = 0; i < t->nkids; i++) {
			if (t->kids[i].key[0] == ' ') {
				glean_buf_add(b, "\\s\\x{a0}", 8);
				continue;
			}
			if (t->kids[i].klen == 1 &&
			    !isalnum((unsigned char)t->kids[i].key[0]))
				glean_buf_addc(b, '\\');
			glean_buf_add(b, t->kids[i].key, t->kids[i].klen);
		}
		glean_buf_add(b, "])", 2);
	}
	if (t->nkids > 1 || t->end || !t->klen)
		glean_buf_add(b, "(?:", 3);
	for (i = 0; i < t->nkids; i++) {
		if (i)
			glean_buf_addc(b, '|');
		trie_write(&t->kids[i], b);
	}
	if (t->nkids > 1 || t->end || !t->klen)
		glean_buf_addc(b, ')');
	if (t->end)
		glean_buf_addc(b, '?');
}

static void
trie_free(struct trie *t)
{
	size_t i;

	for (i = 0; i < t->nkids; i++)
		trie_free(&t->kids[i]);
	free(t->kids);
}

char *
glean_lex_trie(const struct glean_lexicon *lx, size_t col, size_t fcol,
    const char *fval)
{
	struct trie root = { 0 };
	struct glean_buf b = { 0 };
	size_t i;
	int ok = 1;

	for (i = 0; i < lx->nrows && ok; i++) {
		struct glean_row *r = &lx->rows[i];

		if (col >= r->nf || (fval && (fcol >= r->nf ||
		    strcmp(r->f[fcol], fval) != 0)))
			continue;
		ok = *r->f[col] && glean_utf8_valid(r->f[col],
		    strlen(r->f[col])) && trie_add(&root, r->f[col]) == 0;
	}
	if (!ok || !root.nkids) {
		trie_free(&root);
		return glean_lex_alt(lx, col, fcol, fval);
	}
	trie_write(&root, &b);
	trie_free(&root);
	return b.s;
}
