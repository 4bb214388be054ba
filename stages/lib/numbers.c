/* See LICENSE file for copyright and license details. */
/* Numbers in digits and words; lexicon-built regex alternations. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "glean.h"
#include "numbers.h"

struct glean_numwords *
glean_numwords_load(const char *lexdir)
{
	struct glean_numwords *nw = glean_calloc(1, sizeof *nw);

	nw->lx = glean_lexicon_load(lexdir, "number-words.tsv", 3);
	return nw;
}

void
glean_numwords_free(struct glean_numwords *nw)
{
	if (!nw)
		return;
	glean_lexicon_free(nw->lx);
	free(nw);
}

double
glean_numword(const struct glean_numwords *nw, const char *s, size_t n,
    const char *kind, const char **kindout)
{
	size_t i;

	for (i = 0; nw && i < nw->lx->nrows; i++) {
		struct glean_row *r = &nw->lx->rows[i];

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

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (k >= sizeof buf - 1)
				return -1;
			buf[k++] = s[i];
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
	buf[k] = '\0';
	*out = strtod(buf, NULL);
	return isfinite(*out) ? 0 : -1;
}

int
glean_parse_number(const struct glean_numwords *nw, const char *s, size_t n,
    double *out)
{
	double total = 0, cur = 0, v;
	const char *kind;
	size_t i = 0, j;
	int words = 0, article = 0;

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
			cur += v;
			words++;
			i = j;
			continue;
		}
		v = glean_numword(nw, s + i, j - i, NULL, &kind);
		if (v < 0)
			return -1;
		if (strcmp(kind, "scale") == 0) {
			if (cur == 0)
				cur = 1;
			if (v >= 1000) {
				total += cur * v;
				cur = 0;
			} else {
				cur *= v;
			}
		} else if (strcmp(kind, "frac") == 0) {
			/* "half", "a quarter", "three quarters", "two and
			 * a half" */
			if (cur == 0 || (article && words == 1))
				cur = v;
			else if (strncasecmp(s + i, "quarters", 8) == 0)
				cur *= v;
			else
				cur += v;
		} else if (strcmp(kind, "vague") == 0) {
			/* "a" in "a hundred", "one and a half"; "few" alone */
			if (words == 0)
				cur = v;
			else if (!(j - i <= 2 && (s[i] == 'a' || s[i] == 'A')))
				return -1;
			article = 1;
		} else if (article && words == 1) {
			cur = v;	/* "a five-cent coin" */
		} else {
			cur += v;
		}
		words++;
		i = j;
	}
	if (!words)
		return -1;
	*out = total + cur;
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
