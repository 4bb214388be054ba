/* See LICENSE file for copyright and license details. */
/*
 * tables.c - glean-merge -t DIR: the record's facts as four TSV tables,
 * written to new temporary files and renamed over the old ones.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "merge.h"

/* A TSV field: tabs and line breaks become spaces. */
static void
field(FILE *fp, const char *s, int last)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
	fputc(last ? '\n' : '\t', fp);
}

static void
field_json(FILE *fp, json_t *v, int last)
{
	char *d;

	if (json_is_string(v))
		field(fp, json_string_value(v), last);
	else if (!v || json_is_null(v))
		field(fp, "", last);
	else {
		d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
		    JSON_REAL_PRECISION(15));
		field(fp, d, last);
		free(d);
	}
}

/* "doc:start-end doc:start-end ..." */
static void
field_sources(FILE *fp, json_t *srcs, int last)
{
	struct glean_buf b = { 0 };
	json_t *s;
	size_t i;
	char *one;

	json_array_foreach(srcs, i, s) {
		one = glean_asprintf("%s%s:%lld-%lld", i ? " " : "",
		    str(s, "doc"),
		    (long long)json_integer_value(json_object_get(s, "start")),
		    (long long)json_integer_value(json_object_get(s, "end")));
		buf_add(&b, one, strlen(one));
		free(one);
	}
	field(fp, b.s ? b.s : "", last);
	glean_buf_free(&b);
}

/*
 * The tables are written beside yesterday's, each into a temporary file
 * of DIR that is new (O_EXCL: a planted file or symlink is never
 * written through), and renamed over the old one only when all four are
 * complete: a full disk or a kill leaves the old tables as they were.
 */
static const char *const table_name[NTABLES] = {
	"inspections.tsv", "money.tsv", "people.tsv", "quotes.tsv"
};

/* The tables being written (at exit, those not renamed are removed). */
static struct tables *cleanup_tables;

/* Remove the temporary files not renamed (at exit, after a failure). */
static void
tables_cleanup(void)
{
	int t;

	for (t = 0; cleanup_tables && t < NTABLES; t++)
		if (cleanup_tables->tmp[t]) {
			unlink(cleanup_tables->tmp[t]);
			free(cleanup_tables->tmp[t]);
			cleanup_tables->tmp[t] = NULL;
		}
}

/* A new temporary file for table t in tdir, open for writing, with its
 * header; dies naming the path when it cannot be made. */
static FILE *
table(struct tables *tb, int t, const char *header)
{
	static unsigned serial;
	char *p = NULL;
	FILE *fp;
	int fd = -1, tries;

	for (tries = 0; fd < 0 && tries < 100; tries++) {
		free(p);
		p = glean_asprintf("%s/.%s.%ld.%u.tmp", tb->dir, table_name[t],
		    (long)getpid(), serial++);
		fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		glean_die(GLEAN_EXIT_FATAL, "%s:", p);
	tb->tmp[t] = p;
	if (!(fp = fdopen(fd, "w")))
		glean_die(GLEAN_EXIT_FATAL, "%s:", p);
	fputs(header, fp);
	return fp;
}

/*
 * Make tb->dir when needed and open the four tables as new temporary
 * files there (removed at exit unless renamed); dies on failure.
 */
void
tables_open(struct tables *tb)
{
	if (mkdir(tb->dir, 0777) && errno != EEXIST)
		glean_die(GLEAN_EXIT_FATAL, "%s:", tb->dir);
	cleanup_tables = tb;
	atexit(tables_cleanup);
	tb->fp[TAB_I] = table(tb, TAB_I,
	    "subject\tcode\tkind\twhen\tarea\tgrade\tsources\n");
	tb->fp[TAB_M] = table(tb, TAB_M,
	    "subject\tcode\tvalue\tcurrency\tper\ttext\tcontext\tsources\n");
	tb->fp[TAB_P] = table(tb, TAB_P,
	    "subject\tcode\tname\troles\tsources\n");
	tb->fp[TAB_Q] = table(tb, TAB_Q,
	    "subject\tcode\ttype\tspeaker\tkind\ttext\tsources\n");
}

/* The strings of the array arr joined by "; " as a field of fp. */
static void
field_joined(FILE *fp, json_t *arr)
{
	struct glean_buf b = { 0 };
	json_t *c;
	size_t k;

	json_array_foreach(arr, k, c) {
		if (k)
			buf_add(&b, "; ", 2);
		buf_add(&b, json_string_value(c), json_string_length(c));
	}
	field(fp, b.s ? b.s : "", 0);
	glean_buf_free(&b);
}

/*
 * One row of fp for fact x of subject s: the subject's name and code,
 * then a field per entry of cols (NULL-terminated): the member of that
 * name, "+NAME" the strings of member NAME joined, "=TEXT" the text
 * itself; then x's sources.
 */
static void
fact_row(FILE *fp, json_t *s, json_t *x, const char *const *cols)
{
	field_json(fp, json_object_get(s, "name"), 0);
	field_json(fp, json_object_get(s, "code"), 0);
	for (; *cols; cols++) {
		if (**cols == '+')
			field_joined(fp, json_object_get(x, *cols + 1));
		else if (**cols == '=')
			field(fp, *cols + 1, 0);
		else
			field_json(fp, json_object_get(x, *cols), 0);
	}
	field_sources(fp, json_object_get(x, "sources"), 1);
}

/* The rows of one subject of the record. */
void
tables_subject(struct tables *tb, json_t *s)
{
	static const char *const money[] = { "value", "currency", "per",
	    "text", "+context", NULL };
	static const char *const people[] = { "name", "+roles", NULL };
	static const char *const quotes[2][5] = {
		{ "=quote", "speaker", "kind", "text", NULL },
		{ "=finding", "speaker", "kind", "text", NULL }
	};
	FILE *fi = tb->fp[TAB_I];
	json_t *x, *y;
	size_t j, k;

	json_array_foreach(json_object_get(s, "inspections"), j, x)
		json_array_foreach(json_object_get(x, "judgements"), k, y) {
			field_json(fi, json_object_get(s, "name"), 0);
			field_json(fi, json_object_get(s, "code"), 0);
			field_json(fi, json_object_get(s, "kind"), 0);
			field_json(fi, json_object_get(x, "when"), 0);
			field_json(fi, json_object_get(y, "area"), 0);
			field_json(fi, json_object_get(y, "grade"), 0);
			field_sources(fi, json_object_get(y, "sources"), 1);
		}
	json_array_foreach(json_object_get(s, "money"), j, x)
		fact_row(tb->fp[TAB_M], s, x, money);
	json_array_foreach(json_object_get(s, "people"), j, x)
		fact_row(tb->fp[TAB_P], s, x, people);
	for (k = 0; k < 2; k++)
		json_array_foreach(json_object_get(s, k ? "findings" :
		    "quotes"), j, x)
			fact_row(tb->fp[TAB_Q], s, x, quotes[k]);
}

/* Close the four temporary tables, then rename each over its table;
 * dies on a write error, the old tables left as they were. */
void
tables_close(struct tables *tb)
{
	char *path;
	int t;

	for (t = 0; t < NTABLES; t++) {
		FILE *fp = tb->fp[t];

		tb->fp[t] = NULL;
		if (ferror(fp) | fflush(fp) | fsync(fileno(fp)) | fclose(fp))
			glean_die(GLEAN_EXIT_FATAL, "%s/%s: write error:",
			    tb->dir, table_name[t]);
	}
	for (t = 0; t < NTABLES; t++) {
		path = glean_asprintf("%s/%s", tb->dir, table_name[t]);
		if (rename(tb->tmp[t], path))
			glean_die(GLEAN_EXIT_FATAL, "%s:", path);
		free(path);
		free(tb->tmp[t]);
		tb->tmp[t] = NULL;
	}
	cleanup_tables = NULL;	/* all renamed: nothing left to remove */
}
