/* See LICENSE file for copyright and license details. */
/*
 * The -m TSV of glean-normalize: id, published, source.  Every line is
 * checked, since a wrong publication date moves every relative date of
 * the article: a bad line is named with its file and line and left out,
 * never guessed at.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "normalize.h"

enum { MAX_FIELDS = 3 };	/* id, published, source */

/* Digits s[0..n), n > 0, as a number; -1 if any is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return n ? v : -1;
}

static int
days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/*
 * What is wrong with year-month-day: NULL when it exists, else a message
 * written to why.  month and day are 0 when not given.
 */
static const char *
bad_ymd(int year, int month, int day, char *why, size_t whysize)
{
	if (year < 1000)
		snprintf(why, whysize, "no year %04d", year);
	else if (month > 12)
		snprintf(why, whysize, "no month %d", month);
	else if (month > 0 && day > days_in_month(year, month))
		snprintf(why, whysize, "no day %d in %04d-%02d", day, year,
		    month);
	else
		return NULL;
	return why;
}

/*
 * Is s a publication date (YYYY, YYYY-MM or YYYY-MM-DD that exists)?
 * NULL if so, else what is wrong, in why.
 */
static const char *
bad_date(const char *s, char *why, size_t whysize)
{
	size_t n = strlen(s);
	int y, m = 0, d = 0, a, b;
	char sep, what[64];
	const char *p;

	if ((n == 4 || n == 7 || n == 10) && (y = digits(s, 4)) >= 0 &&
	    (n == 4 || (s[4] == '-' && (m = digits(s + 5, 2)) > 0)) &&
	    (n < 10 || (s[7] == '-' && (d = digits(s + 8, 2)) > 0))) {
		if (!bad_ymd(y, m, d, what, sizeof what))
			return NULL;
		snprintf(why, whysize, "published '%s': %s", s, what);
		return why;
	}
	/* D/M/YYYY, D.M.YYYY, D-M-YYYY (or month first) */
	if (sscanf(s, "%2d%c%2d", &a, &sep, &b) == 3 &&
	    (sep == '/' || sep == '.' || sep == '-') &&
	    (p = strrchr(s, sep)) && strlen(p + 1) == 4 &&
	    (y = digits(p + 1, 4)) >= 0 && a > 0 && b > 0) {
		if (a > 12 && b <= 12 && !bad_ymd(y, b, a, what, sizeof what))
			snprintf(why, whysize, "published '%s' is day first; "
			    "write %04d-%02d-%02d", s, y, b, a);
		else if (b > 12 && a <= 12 &&
		    !bad_ymd(y, a, b, what, sizeof what))
			snprintf(why, whysize, "published '%s' is month first;"
			    " write %04d-%02d-%02d", s, y, a, b);
		else
			snprintf(why, whysize, "published '%s' is not "
			    "year first (YYYY-MM-DD)", s);
		return why;
	}
	snprintf(why, whysize, "published '%s' is not a date (YYYY, "
	    "YYYY-MM or YYYY-MM-DD)", s);
	return why;
}

/* Does s hold a digit? */
static int
has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return 1;
	return 0;
}

/*
 * What is wrong with the line of nf fields f[] (the first line with data
 * when first): NULL when nothing.
 */
static const char *
bad_line(char **f, size_t nf, int first, char *why, size_t whysize)
{
	if (!f[0][0])
		snprintf(why, whysize, "no id");
	else if (first && nf >= 2 && f[1][0] && !has_digit(f[1]))
		snprintf(why, whysize, "a header row? (start it with '#')");
	else if (nf > MAX_FIELDS)
		snprintf(why, whysize, "%zu columns, expected at most %d (id, "
		    "published, source)", nf, MAX_FIELDS);
	else if (nf >= 2 && f[1][0])
		return bad_date(f[1], why, whysize);
	else
		return NULL;
	return why;
}

static int
meta_cmp(const void *k, const void *m)
{
	return strcmp(k, ((const struct meta *)m)->id);
}

/* By id, then line, so the first line of an id comes first. */
static int
meta_sort(const void *x, const void *y)
{
	const struct meta *a = x, *b = y;
	int c = strcmp(a->id, b->id);

	return c ? c : (a->line > b->line) - (a->line < b->line);
}

/* Split line at tabs into f[0..cap), the last field keeping the rest. */
static size_t
split_fields(char *line, char **f, size_t cap)
{
	size_t nf = 0;
	char *p = line;

	while (p && nf < cap) {
		f[nf++] = p;
		if ((p = strchr(p, '\t')))
			*p++ = '\0';
	}
	while (p) {		/* count what is beyond cap */
		nf++;
		p = strchr(p, '\t');
		p = p ? p + 1 : NULL;
	}
	return nf;
}

static void
add_meta(struct metadata *md, size_t *cap, char **f, size_t nf, long line)
{
	struct meta *m;

	if (md->n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		md->v = glean_realloc(md->v, *cap * sizeof *md->v);
	}
	m = &md->v[md->n++];
	m->id = glean_strdup(f[0]);
	m->published = nf >= 2 && *f[1] ? glean_strdup(f[1]) : NULL;
	m->source = nf >= 3 && *f[2] ? glean_strdup(f[2]) : NULL;
	m->line = line;
}

/* Drop the later lines of an id given twice; returns how many. */
static size_t
drop_repeats(struct metadata *md, const char *path, int quiet)
{
	size_t i, k = 0, bad = 0;

	for (i = 0; i < md->n; i++) {
		if (k && strcmp(md->v[k - 1].id, md->v[i].id) == 0) {
			if (!quiet)
				glean_warn_at(path, md->v[i].line, "id '%s' "
				    "already given on line %ld; line ignored",
				    md->v[i].id, md->v[k - 1].line);
			free(md->v[i].id);
			free(md->v[i].published);
			free(md->v[i].source);
			bad++;
			continue;
		}
		md->v[k++] = md->v[i];
	}
	md->n = k;
	return bad;
}

size_t
metadata_load(struct metadata *md, const char *path, int quiet)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[MAX_FIELDS + 1], why[256];
	size_t cap = 0, mcap = 0, nf, bad = 0;
	ssize_t len;
	long lineno = 0;
	int first = 1;

	memset(md, 0, sizeof *md);
	if (!fp)
		glean_die(GLEAN_EXIT_FATAL, "%s:", path);
	while ((len = glean_tsv_line(&line, &cap, fp, &lineno)) >= 0) {
		nf = split_fields(line, f, MAX_FIELDS + 1);
		if (bad_line(f, nf, first, why, sizeof why)) {
			if (!quiet)
				glean_warn_at(path, lineno, "%s; line ignored",
				    why);
			bad++;
		} else
			add_meta(md, &mcap, f, nf, lineno);
		first = 0;
	}
	free(line);
	if (ferror(fp))
		glean_die(GLEAN_EXIT_FATAL, "%s: read error:", path);
	fclose(fp);
	qsort(md->v, md->n, sizeof *md->v, meta_sort);
	return bad + drop_repeats(md, path, quiet);
}

const struct meta *
metadata_find(const struct metadata *md, const char *id)
{
	return md->n ? bsearch(id, md->v, md->n, sizeof *md->v, meta_cmp) :
	    NULL;
}

void
metadata_free(struct metadata *md)
{
	static const size_t owned[] = { offsetof(struct meta, id),
	    offsetof(struct meta, published), offsetof(struct meta, source) };

	glean_free_table(NULL, md->v, md->n, sizeof *md->v, owned, 3);
	md->v = NULL;
	md->n = 0;
}
