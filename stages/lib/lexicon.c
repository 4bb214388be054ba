/* See LICENSE file for copyright and license details. */
/* TSV lexicons: the word lists every stage loads at start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"

static void
split_row(struct glean_row *row, char *line, size_t len)
{
	size_t i, start = 0, cap = 4;

	row->nf = 0;
	row->f = glean_malloc(cap * sizeof *row->f);
	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (row->nf == cap)
			row->f = glean_realloc(row->f, (cap *= 2) *
			    sizeof *row->f);
		row->f[row->nf++] = glean_strndup(line + start, i - start);
		start = i + 1;
	}
}

ssize_t
glean_tsv_line(char **line, size_t *cap, FILE *fp, long *lineno)
{
	ssize_t len;

	while ((len = getline(line, cap, fp)) >= 0) {
		(*lineno)++;
		while (len > 0 && ((*line)[len - 1] == '\n' ||
		    (*line)[len - 1] == '\r'))
			(*line)[--len] = '\0';
		if (len > 0 && (*line)[0] != '#')
			return len;
	}
	return -1;
}

struct glean_lexicon *
glean_lexicon_load(const char *lexdir, const char *name, size_t minfields)
{
	struct glean_lexicon *lx;
	char *line = NULL;
	size_t cap = 0, rcap = 64;
	ssize_t len;
	long lineno = 0;
	FILE *fp;

	lx = glean_calloc(1, sizeof *lx);
	lx->path = glean_asprintf("%s/%s", lexdir, name);
	if (!(fp = fopen(lx->path, "r"))) {
		glean_warn_at(lx->path, 0, "cannot open lexicon:");
		exit(GLEAN_EXIT_FATAL);
	}
	lx->rows = glean_malloc(rcap * sizeof *lx->rows);
	while ((len = glean_tsv_line(&line, &cap, fp, &lineno)) >= 0) {
		if (!glean_utf8_valid(line, (size_t)len)) {
			glean_warn_at(lx->path, lineno, "invalid UTF-8");
			exit(GLEAN_EXIT_FATAL);
		}
		if (lx->nrows == rcap)
			lx->rows = glean_realloc(lx->rows, (rcap *= 2) *
			    sizeof *lx->rows);
		split_row(&lx->rows[lx->nrows], line, (size_t)len);
		lx->rows[lx->nrows].line = lineno;
		if (lx->rows[lx->nrows].nf < minfields) {
			glean_warn_at(lx->path, lineno,
			    "%zu fields, expected at least %zu",
			    lx->rows[lx->nrows].nf, minfields);
			exit(GLEAN_EXIT_FATAL);
		}
		lx->nrows++;
	}
	if (ferror(fp)) {
		glean_warn_at(lx->path, 0, "read error:");
		exit(GLEAN_EXIT_FATAL);
	}
	fclose(fp);
	free(line);
	return lx;
}

void
glean_lexicon_free(struct glean_lexicon *lx)
{
	static const size_t string = 0;
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < lx->nrows; i++)
		glean_free_table(NULL, lx->rows[i].f, lx->rows[i].nf,
		    sizeof *lx->rows[i].f, &string, 1);
	free(lx->rows);
	free(lx->path);
	free(lx);
}
