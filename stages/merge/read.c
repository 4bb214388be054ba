/* See LICENSE file for copyright and license details. */
/*
 * read.c - the input: lines of JSON Lines (and --pretty records), each
 * taken as a document, a knowledge record or a rejected line.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/*
 * A jansson value as a document value, in arena a: for the lines
 * jansson had to read (load() parses the others' text).
 */
static struct glean_jv *
from_json(struct glean_arena *a, json_t *x)
{
	struct glean_jv *v, **tail;
	const char *k;
	json_t *y;
	size_t i;

	switch (json_typeof(x)) {
	case JSON_OBJECT:
		v = glean_jv_new(a, GLEAN_JV_OBJ);
		tail = &v->kid;
		json_object_foreach(x, k, y) {
			*tail = from_json(a, y);
			(*tail)->keylen = strlen(k);
			(*tail)->key = glean_arena_strndup(a, k,
			    (*tail)->keylen);
			tail = &(*tail)->next;
			v->len++;
		}
		return v;
	case JSON_ARRAY:
		v = glean_jv_new(a, GLEAN_JV_ARR);
		tail = &v->kid;
		json_array_foreach(x, i, y) {
			*tail = from_json(a, y);
			tail = &(*tail)->next;
			v->len++;
		}
		return v;
	case JSON_STRING:
		v = glean_jv_new(a, GLEAN_JV_STR);
		v->len = json_string_length(x);
		v->s = glean_arena_strndup(a, json_string_value(x),
		    v->len);
		return v;
	case JSON_INTEGER:
		v = glean_jv_new(a, GLEAN_JV_INT);
		v->i = json_integer_value(x);
		return v;
	case JSON_REAL:
		v = glean_jv_new(a, GLEAN_JV_REAL);
		v->r = json_real_value(x);
		return v;
	case JSON_TRUE:
		return glean_jv_new(a, GLEAN_JV_TRUE);
	case JSON_FALSE:
		return glean_jv_new(a, GLEAN_JV_FALSE);
	default:
		return glean_jv_new(a, GLEAN_JV_NULL);
	}
}

/* "FILE:LINE", the id of a line without one. */
static char *
line_id(const char *name, long line)
{
	char *raw = glean_asprintf("%s:%ld", name, line), *id;

	id = utf8_clean(raw);
	free(raw);
	return id;
}

/* The fields of a document that merge reads, with their lengths and
 * how: parsed, the "errors" (a jansson value), or a lazy layer (LAZY_*,
 * its text kept). */
enum { PARSED = -1, ERRORS = -2, READ_TEXT = 1 /* reads[1] */ };
static const struct {
	const char *name;
	size_t len;
	int how;
} reads[] = {
#define READ(name, how) { name, sizeof(name) - 1, how }
	READ("id", PARSED), READ("text", PARSED), READ("source", PARSED),
	READ("published", PARSED), READ("published_inferred", PARSED),
	READ("errors", ERRORS), READ("entities", PARSED),
	READ("ratings", PARSED), READ("money", LAZY_MONEY),
	READ("quotes", LAZY_QUOTES), READ("topics", PARSED),
	READ("boilerplate", PARSED), { NULL, 0, 0 }
#undef READ
};

void
print_reads(FILE *fp)
{
	size_t j;

	for (j = 0; reads[j].name; j++)
		fprintf(fp, "%s%s", j ? "," : "", reads[j].name);
	fputc('\n', fp);
}

/* The entry of reads[] for the field name key[0..kl) (its end entry,
 * name NULL, when merge does not read it). */
static size_t
read_index(const char *key, size_t kl)
{
	size_t j;

	for (j = 0; reads[j].name; j++)
		if (reads[j].len == kl && reads[j].name[0] == key[0] &&
		    !memcmp(reads[j].name, key, kl))
			break;
	return j;
}

/* A lazy layer read whole when it has at most this many items (memory
 * for a few thousand items' members), else item by item (struct lazy). */
#define EAGER_ITEMS 2048

/*
 * Field j of reads[] (its value at p) read into doc (the "errors" into
 * *errors, a long lazy layer's text into lz); *textstr tells whether
 * the last "text" read is a string, *typed whether a lazy layer was
 * read with its items' "text" only typed.  Returns the position past
 * the value, or NULL to read the line the two-pass way.
 */
static const char *
load_field(struct scan *sc, size_t j, const char *p, struct glean_jv ***tail,
    json_t **errors, struct lazy *lz, int *textstr, int *typed)
{
	struct glean_jv *v = NULL;
	const char *q;
	int k = reads[j].how;

	if (!reads[j].name)
		return scan_value(sc, p, NULL);
	if (k == ERRORS) {
		if ((q = scan_value(sc, p, NULL))) {
			json_decref(*errors);
			*errors = json_loadb(p, (size_t)(q - p),
			    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
			no_nul(*errors);
		}
		return q;
	}
	if (k >= 0) {
		q = scan_items(sc, p, lazy_keep[k][!*textstr],
		    *textstr ? lazy_typed : NULL, EAGER_ITEMS, &v);
		lz->text[k] = q && !v ? p : NULL;	/* the last one */
		lz->len[k] = q && !v ? (size_t)(q - p) : 0;
		*typed |= v && *textstr;
	} else if ((q = scan_value(sc, p, &v)) &&
	    j == READ_TEXT)
		*textstr = v->type == GLEAN_JV_STR;
	if (q && v) {
		v->key = reads[j].name;
		v->keylen = reads[j].len;
		**tail = v;
		*tail = &v->next;
	}
	return q;
}

/*
 * A line that is a plain JSON object, as a document, in one pass: as
 * load() reads it (below), its lazy layers read whole unless they are
 * long (struct lazy), every byte checked as the stream's scanner checks
 * it.  NULL when load() should read it (and *errors and *lz untouched):
 * a line not valid or not plain (scan_value), a knowledge record, an
 * empty object.
 */
static struct glean_jv *
load_fast(struct merge *mg, const char *buf, size_t len, json_t **errors,
    struct lazy *lz)
{
	const char *p = skip_ws(buf, buf + len), *end = buf + len, *key;
	struct glean_jv *doc = glean_jv_new(&mg->scratch, GLEAN_JV_OBJ);
	struct glean_jv **tail = &doc->kid, *v;
	json_t *errs = NULL;
	struct lazy lzf = { { NULL, NULL }, { 0, 0 } };
	int textstr = 0, typed = 0;
	size_t kl;
	struct scan sc = { &mg->scratch, (const unsigned char *)end, 0, NULL,
	    0, NULL, 0 };

	if (p >= end || *p != '{')
		return NULL;
	for (p = skip_ws(p + 1, end); p < end && *p == '"';
	    p = skip_ws(p + 1, end)) {
		key = p + 1;
		if (!(p = scan_name(p, end)))
			break;
		kl = (size_t)(p - key) - 1;
		p = skip_ws(p, end);
		if (p >= end || *p != ':' || (kl == 12 &&
		    !memcmp(key, "glean_record", 12)))
			break;
		p = skip_ws(p + 1, end);
		if (p >= end || !(p = load_field(&sc, read_index(key, kl), p,
		    &tail, &errs, &lzf, &textstr, &typed)))
			break;
		p = skip_ws(p, end);
		if (p < end && *p == '}' && skip_ws(p + 1, end) == end &&
		    (!typed || textstr)) {
			for (v = doc->kid; v; v = v->next)
				doc->len++;
			*errors = errs;
			*lz = lzf;
			return doc;
		}
		if (p >= end || *p != ',')
			break;
	}
	json_decref(errs);
	return NULL;
}

/*
 * A line that is a plain JSON object, as a document: the fields merge
 * reads parsed into the scratch arena, but "errors" (rare, and written
 * out as it is) as a jansson value in *errors and the lazy layers' text
 * in *lz.  A knowledge record sets *record.  The layers merge does not
 * read (the tokens and sentences: most of the bytes) are only checked by
 * the stream's scanner.  NULL for anything else: records, escaped keys
 * and bad lines take jansson's path.
 */
static struct glean_jv *
load(struct merge *mg, const char *buf, size_t len, json_t **errors,
    struct lazy *lz, int *record)
{
	struct glean_jfields *jf = &mg->fields;
	struct glean_jv *doc, **tail;
	size_t i, j;

	if (glean_jscan_object(buf, len, jf) < 0)
		return NULL;
	for (i = 0; i < jf->n; i++)
		if (jf->f[i].key_escaped)
			return NULL;
	for (i = 0; i < jf->n; i++)
		if (jf->f[i].keylen == 12 &&
		    !memcmp(jf->f[i].key, "glean_record", 12)) {
			*record = 1;
			return NULL;
		}
	doc = glean_jv_new(&mg->scratch, GLEAN_JV_OBJ);
	tail = &doc->kid;
	for (i = 0; i < jf->n; i++) {
		const struct glean_jfield *f = &jf->f[i];

		j = read_index(f->key, f->keylen);
		if (!reads[j].name)
			continue;
		if (reads[j].how >= 0) {
			lz->text[reads[j].how] = f->val;	/* the last one */
			lz->len[reads[j].how] = f->vallen;
			continue;
		}
		if (reads[j].how == ERRORS) {
			json_decref(*errors);
			*errors = json_loadb(f->val, f->vallen,
			    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
			no_nul(*errors);
			continue;
		}
		*tail = glean_jv_parse(&mg->scratch, f->val, f->vallen);
		(*tail)->key = reads[j].name;
		(*tail)->keylen = f->keylen;
		tail = &(*tail)->next;
		doc->len++;
	}
	return doc;
}

/*
 * The id of a rejected line: its "id" when it can be read from the raw
 * text (as the stream's error records keep it, glean_error_record),
 * else "FILE:LINE".  Fresh.
 */
static char *
rejected_id(const char *buf, size_t len, const char *name, long line)
{
	json_t *rec = glean_error_record("merge", name, line, buf, len, "");
	const char *id = str(rec, "id");
	char *own = id && strcmp(id, "") ? glean_strdup(id) : NULL;

	json_decref(rec);
	return own ? own : line_id(name, line);
}

/*
 * Read doc, the value of name:line, as a document when it is one (it
 * has an "id" or a string "text"; lz its lazily read layers, errors its
 * "errors"): returns what read_document() returns, or -1 when doc is
 * not a document (nothing read).
 */
static int
take_document(struct merge *mg, const struct glean_jv *doc, struct lazy *lz,
    json_t *errors, const char *name, long line)
{
	const struct glean_jv *text = glean_jv_get(doc, "text");
	const char *doc_id = glean_jv_str(doc, "id");
	char *id;
	int rc;

	if (!doc_id && !(text && text->type == GLEAN_JV_STR))
		return -1;
	id = doc_id ? glean_strdup(doc_id) : line_id(name, line);
	rc = read_document(mg, doc, lz->text[0] || lz->text[1] ? lz : NULL,
	    errors, id, name, line);
	free(id);
	return rc;
}

/*
 * Nothing lost: the rejected line buf[0..len) of name:line is warned
 * about and listed as a document with the error err (freed here); its
 * id is the line's own unless it was read as JSON (parsed).  Returns 1.
 */
static int
reject_line(struct merge *mg, const char *buf, size_t len, const char *name,
    long line, char *err, int parsed)
{
	json_t *entry;
	char *id, *msg;

	glean_warn_at(name, line, "%s", err);
	id = parsed ? line_id(name, line) : rejected_id(buf, len, name, line);
	msg = utf8_clean(err);
	entry = json_pack("{s:s,s:n,s:n,s:[{s:s,s:s}]}", "id", id, "source",
	    "published", "errors", "stage", "merge", "message", msg);
	if (entry)
		add_document(mg, entry);
	json_decref(entry);
	free(id);
	free(msg);
	free(err);
	return 1;
}

/*
 * One JSON value read from name:line (cut: the last line of its input,
 * without a newline); returns 0, or 1 when rejected or a layer item was
 * malformed.
 */
static int
take(struct merge *mg, const char *buf, size_t len, const char *name, long line,
    int cut)
{
	json_error_t je;
	json_t *v = NULL, *errors = NULL;
	struct lazy lz = { { NULL, NULL }, { 0, 0 } };
	int record = 0;
	struct glean_jv *doc = load_fast(mg, buf, len, &errors, &lz);
	char *err = NULL, *text;
	int rc = 0;

	if (!doc)
		doc = load(mg, buf, len, &errors, &lz, &record);
	if (record) {
		if (read_record(mg, buf, len, &err) == 0)
			goto out;
	} else if (!doc) {
		if ((v = json_loadb(buf, len, JSON_ALLOW_NUL, &je)))
			no_nul(v);
		if (json_is_object(v) && json_object_get(v, "glean_record")) {
			/* escaped keys: read as jansson writes it */
			text = compact(v);
			rc = read_record(mg, text, strlen(text), &err);
			free(text);
			if (rc == 0)
				goto out;
		} else if (json_is_object(v)) {
			doc = from_json(&mg->scratch, v);
			lz = (struct lazy){ { NULL, NULL }, { 0, 0 } };
			errors = json_incref(json_object_get(v, "errors"));
		} else if (!v)
			err = glean_asprintf("%snot JSON: %s", cut ?
			    "truncated last line (no newline at the end): " :
			    "", je.text);
		else
			err = glean_strdup(
			    "not a document or knowledge record");
	}
	if (doc) {
		if ((rc = take_document(mg, doc, &lz, errors, name, line)) >= 0)
			goto out;
		err = glean_strdup("not a document or knowledge record");
	}
	rc = reject_line(mg, buf, len, name, line, err, v != NULL);
out:
	json_decref(v);
	json_decref(errors);
	glean_arena_reset(&mg->scratch);
	return rc;
}

/* Lines of JSON; a --pretty record runs from a "{" line to a "}" line. */
int
read_stream(struct merge *mg, FILE *fp, const char *name)
{
	struct glean_lines lr;
	char *line;
	size_t len;
	long lineno = 0, first = 0;
	struct glean_buf acc = { 0 };
	int status = 0, inrec = 0, cut;

	/* nothing was read through fp: its descriptor, unless it has none
	 * (a memory stream) */
	if (fileno(fp) >= 0)
		glean_lines_init(&lr, fileno(fp), -1, -1);
	else
		glean_lines_init_stream(&lr, fp);
	while ((line = glean_lines_next(&lr, &len, &cut))) {
		lineno++;
		while (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (inrec) {
			buf_add(&acc, line, (size_t)len);
			buf_addc(&acc, '\n');
			if (!strcmp(line, "}")) {
				status |= take(mg, acc.s, acc.len, name, first,
				    0);
				glean_buf_reset(&acc);
				inrec = 0;
			}
			continue;
		}
		if (strspn(line, " \t") == (size_t)len)
			continue;
		if (!strcmp(line, "{")) {
			inrec = 1;
			first = lineno;
			buf_add(&acc, "{\n", 2);
			continue;
		}
		status |= take(mg, line, len, name, lineno, cut);
		heap_huge();
		if (status && mg->opts.strict)
			break;
	}
	if (inrec)	/* a --pretty record cut before its last line */
		status |= take(mg, acc.s, acc.len, name, first, 1);
	if (lr.err) {
		errno = lr.err;
		glean_warn_at(name, 0, "read error:");
		status = 1;
	}
	glean_lines_free(&lr);
	glean_buf_free(&acc);
	return status;
}
