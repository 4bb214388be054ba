/* See LICENSE file for copyright and license details. */
/*
 * How facts look on the page, from the lexicons: the colour of each grade
 * (grade-colours.tsv), the symbol of each currency (currencies.tsv) and the
 * short words for millions and billions (multipliers.tsv).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const struct grade_look unknown_grade = { "", "#9e9e9e", "#000000" };

/* "#rrggbb", so a lexicon cannot put anything else into the style. */
static int
is_colour(const char *s)
{
	return strlen(s) == 7 && s[0] == '#' &&
	    strspn(s + 1, "0123456789abcdefABCDEF") == 6;
}

void
look_load(struct look *lk, const char *lexdir)
{
	struct glean_lexicon *lx;
	size_t i;

	memset(lk, 0, sizeof *lk);
	lx = lk->grades_lx = glean_lexicon_load(lexdir, "grade-colours.tsv", 3);
	lk->grades = glean_calloc(lx->nrows + 1, sizeof *lk->grades);
	for (i = 0; i < lx->nrows; i++) {
		struct glean_row *row = &lx->rows[i];

		if (!is_colour(row->f[1]) || !is_colour(row->f[2]))
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: colours must be "
			    "#rrggbb", lx->path, row->line);
		lk->grades[i].grade = row->f[0];
		lk->grades[i].fill = row->f[1];
		lk->grades[i].ink = row->f[2];
	}
	lk->ngrades = lx->nrows;
	lk->currencies_lx = glean_lexicon_load(lexdir, "currencies.tsv", 4);
	lk->multipliers_lx = glean_lexicon_load(lexdir, "multipliers.tsv", 2);
}

void
look_free(struct look *lk)
{
	free(lk->grades);
	glean_lexicon_free(lk->grades_lx);
	glean_lexicon_free(lk->currencies_lx);
	glean_lexicon_free(lk->multipliers_lx);
	memset(lk, 0, sizeof *lk);
}

const struct grade_look *
look_grade(const struct look *lk, const char *g)
{
	size_t i;

	for (i = 0; g && i < lk->ngrades; i++)
		if (strcmp(lk->grades[i].grade, g) == 0)
			return &lk->grades[i];
	return &unknown_grade;
}

/* The symbol written before amounts of this currency: its first form of
 * factor 1 written before the number that is not a word ("£"); NULL. */
static const char *
symbol(const struct look *lk, const char *currency)
{
	const struct glean_lexicon *lx = lk->currencies_lx;
	size_t i;

	for (i = 0; currency && i < lx->nrows; i++) {
		char **f = lx->rows[i].f;

		if (strcmp(f[1], currency) == 0 && strcmp(f[2], "1") == 0 &&
		    (strcmp(f[3], "prefix") == 0 || strcmp(f[3], "both") == 0)
		    && strcmp(f[0], currency) != 0 &&
		    !((f[0][0] | 0x20) >= 'a' && (f[0][0] | 0x20) <= 'z'))
			return f[0];
	}
	return NULL;
}

/* The first word of multipliers.tsv for this factor ("m"), or NULL. */
static const char *
multiplier_word(const struct look *lk, double factor)
{
	const struct glean_lexicon *lx = lk->multipliers_lx;
	size_t i;

	for (i = 0; i < lx->nrows; i++)
		if (strtod(lx->rows[i].f[1], NULL) == factor)
			return lx->rows[i].f[0];
	return NULL;
}

/* v with thousands separators and at most two decimals. */
static void
grouped(struct glean_buf *b, double v)
{
	char digits[64], *dot;
	size_t n, i, lead;

	if (!isfinite(v) || fabs(v) >= 1e18) {
		putf(b, "%g", v);
		return;
	}
	snprintf(digits, sizeof digits, "%.2f", fabs(v));
	if ((dot = strchr(digits, '.')) && strcmp(dot, ".00") == 0)
		*dot = '\0';
	if (v < 0)
		glean_buf_addc(b, '-');
	n = strcspn(digits, ".");
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n; i++) {
		if (i >= lead && (i - lead) % 3 == 0)
			glean_buf_addc(b, ',');
		glean_buf_addc(b, digits[i]);
	}
	put(b, digits + n);
}

void
look_amount(const struct look *lk, struct glean_buf *b, double value,
    const char *currency)
{
	static const double factors[] = { 1e9, 1e6 };
	const char *sym = symbol(lk, currency), *word = NULL;
	char num[64];
	size_t i;

	if (sym)
		esc(b, sym);
	else if (currency) {
		esc(b, currency);
		glean_buf_addc(b, ' ');
	}
	for (i = 0; i < 2 && isfinite(value); i++) {
		if (fabs(value) >= factors[i] &&
		    (word = multiplier_word(lk, factors[i]))) {
			snprintf(num, sizeof num, "%.2f", value / factors[i]);
			/* 3.50 -> 3.5, 4.00 -> 4 */
			char *e = num + strlen(num) - 1;
			while (*e == '0')
				*e-- = '\0';
			if (*e == '.')
				*e = '\0';
			put(b, num);
			esc(b, word);
			return;
		}
	}
	grouped(b, value);
}
