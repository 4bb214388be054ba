/* See LICENSE file for copyright and license details. */
/* The splice stream: glean_run for stages that append JSON text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "glean.h"
#include "splice.h"

static int
dump_cb(const char *s, size_t n, void *data)
{
	glean_buf_add(data, s, n);
	return 0;
}

int
glean_splice_dump(json_t *doc, const char *tail, size_t taillen,
    struct glean_buf *out)
{
	glean_buf_reset(out);
	if (json_dump_callback(doc, dump_cb, out,
	    JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0 || out->len < 2 ||
	    out->s[out->len - 1] != '}')
		return -1;
	if (taillen == 0)
		return 0;
	out->len--;
	if (out->len > 1)
		glean_buf_addc(out, ',');
	glean_buf_add(out, tail, taillen);
	glean_buf_addc(out, '}');
	return 0;
}

struct state {
	struct glean_buf tail, line;
};

static int
is_error_record(json_t *doc)
{
	return !json_object_get(doc, "text") &&
	    json_is_array(json_object_get(doc, "errors"));
}

static int
process_line(const struct glean_splice_stage *st, struct state *ss,
    const char *line, size_t len, const char *name, long lineno)
{
	json_error_t jerr;
	json_t *doc;
	char *err = NULL, *msg;
	int bad = 0;

	glean_buf_reset(&ss->tail);
	doc = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (!doc) {
		msg = glean_asprintf("invalid JSON: %s", jerr.text);
		glean_warn_at(name, lineno, "%s", msg);
		doc = glean_error_record(st->name, name, lineno, line, len,
		    msg);
		free(msg);
		bad = 1;
	} else if (!json_is_object(doc)) {
		msg = "not a JSON object";
		glean_warn_at(name, lineno, "%s", msg);
		json_decref(doc);
		doc = glean_error_record(st->name, name, lineno, line, len,
		    msg);
		bad = 1;
	} else if (is_error_record(doc)) {
		/* reported by the stage that made it; pass it on */
	} else if (!json_is_string(json_object_get(doc, "text"))) {
		msg = "no \"text\" string in the document";
		glean_warn_at(name, lineno, "%s", msg);
		glean_add_error(doc, st->name, msg);
		bad = 1;
	} else if (st->process(doc, st->ctx, &ss->tail, &err) != 0) {
		glean_warn_at(name, lineno, "%s", err ? err : "failed");
		glean_add_error(doc, st->name, err ? err : "failed");
		glean_buf_reset(&ss->tail);
		bad = 1;
	}
	free(err);
	if (glean_splice_dump(doc, ss->tail.s, ss->tail.len, &ss->line) == 0)
		glean_emit_line(ss->line.s, ss->line.len);
	else
		glean_warn_at(name, lineno, "cannot serialise the document");
	json_decref(doc);
	/* keep memory flat: drop a buffer a huge document left behind */
	if (ss->line.cap > (64u << 20)) {
		glean_buf_free(&ss->line);
		glean_buf_free(&ss->tail);
	}
	return bad;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static int
run_stream(const struct glean_splice_stage *st, struct state *ss,
    const struct glean_opts *o, FILE *fp, const char *name, int *status)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int stop = 0;

	while (!stop && (len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (blank(line, (size_t)len))
			continue;
		if (process_line(st, ss, line, (size_t)len, name, lineno)) {
			if (*status < GLEAN_EXIT_REJECT)
				*status = GLEAN_EXIT_REJECT;
			if (o && o->strict)
				stop = 1;
		}
	}
	if (ferror(fp)) {
		glean_warn_at(name, 0, "read error:");
		if (*status < GLEAN_EXIT_REJECT)
			*status = GLEAN_EXIT_REJECT;
	}
	free(line);
	return stop ? -1 : 0;
}

static FILE *
open_operand(const char *path)
{
	struct stat sb;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if (!(fp = fopen(path, "r"))) {
		glean_warn_at(path, 0, "cannot open:");
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		glean_warn_at(path, 0, "is a directory");
		fclose(fp);
		return NULL;
	}
	return fp;
}

int
glean_run_splice(const struct glean_splice_stage *st,
    const struct glean_opts *o, int argc, char **argv)
{
	static char dash[] = "-";
	static char *just_stdin[] = { dash };
	struct state ss = { { 0 }, { 0 } };
	int i, status = GLEAN_EXIT_OK, r;
	FILE *fp;

	if (o && o->unbuffered)
		glean_set_unbuffered(1);
	if (argc == 0) {
		argc = 1;
		argv = just_stdin;
	}
	for (i = 0; i < argc; i++) {
		if (!(fp = open_operand(argv[i]))) {
			status = GLEAN_EXIT_REJECT;
			continue;
		}
		r = run_stream(st, &ss, o, fp,
		    fp == stdin ? "<stdin>" : argv[i], &status);
		if (fp != stdin)
			fclose(fp);
		if (r < 0)
			break;
	}
	glean_flush();
	glean_buf_free(&ss.tail);
	glean_buf_free(&ss.line);
	return status;
}
