/* See LICENSE file for copyright and license details. */
/*
 * glean-normalize - the first stage: make documents out of raw article
 * files, or read JSON Lines documents, and repair their "text": byte
 * order marks, bytes that are not UTF-8 (read as cp1252), HTML entities,
 * mojibake (UTF-8 decoded as cp1252, cp1251, mac-roman, GBK, Shift_JIS...
 * and saved again), NFC, CRLF, control and zero-width characters.
 * Writes "id", "source", "published" (raw files), "text" and
 *   "repairs": [{"start","end","before","after","codec"|"rule"}, ...]
 * with [start, end) in code points of the new text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "glean.h"
#include "textfix.h"
#include "normalize.h"

enum { OPT_LENIENT = GLEAN_OPT_FIRST_FREE, OPT_META_CHECKED, OPT_ROOT };

struct ctx {
	struct glean_textfix *tf;
	struct signatures *sig;
	struct html *html;	/* loaded with the first page: see reader() */
	const char *lexdir;
	struct glean_buf out;
	struct glean_repairs rp;
	struct metadata md;
	char *root;		/* --root, made absolute; NULL: names as given */
	int jsonl;		/* --jsonl */
	int explain;		/* --explain */
	int lenient;		/* --lenient: bad metadata lines do not fail */
	int meta_checked;	/* --metadata-checked: nor are they named */
	const char *metadata;	/* --metadata FILE */
};

/* ---- repairs as JSON ---------------------------------------------------- */

static json_t *
repairs_json(const struct ctx *c)
{
	json_t *arr = json_array(), *r;
	struct glean_buf codec = { 0 }, rule = { 0 };
	const char *l, *e;
	size_t i;

	for (i = 0; i < c->rp.n; i++) {
		const struct glean_repair *g = &c->rp.r[i];

		r = json_object();
		json_object_set_new(r, "start",
		    json_integer((json_int_t)g->start));
		json_object_set_new(r, "end",
		    json_integer((json_int_t)g->end));
		json_object_set_new(r, "before",
		    json_stringn(g->before, g->before_len));
		json_object_set_new(r, "after", json_string(g->after));
		glean_buf_reset(&codec);
		glean_buf_reset(&rule);
		for (l = g->label; *l; l = *e ? e + 1 : e) {
			struct glean_buf *b;

			e = strchr(l, '+');
			if (!e)
				e = l + strlen(l);
			b = glean_label_is_codec(c->tf, l, (size_t)(e - l)) ?
			    &codec : &rule;
			if (b->len)
				glean_buf_addc(b, '+');
			glean_buf_add(b, l, (size_t)(e - l));
		}
		if (codec.len)
			json_object_set_new(r, "codec", json_string(codec.s));
		if (rule.len)
			json_object_set_new(r, "rule", json_string(rule.s));
		if (g->count > 1)
			json_object_set_new(r, "count",
			    json_integer(g->count));
		json_array_append_new(arr, r);
	}
	glean_buf_free(&codec);
	glean_buf_free(&rule);
	return arr;
}

static void
explain(const struct ctx *c, const char *what)
{
	size_t i;

	for (i = 0; i < c->rp.n; i++) {
		const struct glean_repair *g = &c->rp.r[i];
		json_t *b = json_stringn(g->before, g->before_len);
		json_t *a = json_string(g->after);
		char *bs = json_dumps(b, JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
		char *as = json_dumps(a, JSON_ENCODE_ANY | JSON_ENSURE_ASCII);

		fprintf(stderr, "%s: %s: [%zu,%zu) %s -> %s (%s)", glean_prog,
		    what, g->start, g->end, bs ? bs : "?", as ? as : "?",
		    g->label);
		if (g->count > 1)
			fprintf(stderr, ", %ld times, the first shown",
			    g->count);
		fputc('\n', stderr);
		free(bs);
		free(as);
		json_decref(b);
		json_decref(a);
	}
}

/* ---- JSON Lines documents ----------------------------------------------- */

/* The HTML reader, loaded when the first page comes: text costs nothing. */
static struct html *
reader(struct ctx *c)
{
	if (!c->html)
		c->html = html_load(c->lexdir);
	return c->html;
}

/*
 * The layers of later stages: their offsets index the text, so a new
 * text makes them wrong.  Dropped, and named on stderr; a later stage
 * run again makes them anew.
 */
static void
drop_stale_layers(json_t *doc, const char *what)
{
	static const char *const layers[] = { "sentences", "tokens",
	    "entities", "topics", "boilerplate", "dates", "money", "quotes",
	    "ratings", NULL };
	struct glean_buf names = { 0 };
	const char *const *l;

	for (l = layers; *l; l++) {
		if (!glean_drop_field(doc, *l))
			continue;
		if (names.len)
			glean_buf_add(&names, ", ", 2);
		glean_buf_add(&names, *l, strlen(*l));
	}
	if (names.len)
		glean_warn("%s: the text changed, so its layers %.*s were "
		    "dropped (their offsets no longer fit)", what,
		    (int)names.len, names.s);
	glean_buf_free(&names);
}

static int
process(json_t *doc, void *vctx, char **err)
{
	struct ctx *c = vctx;
	json_t *text = json_object_get(doc, "text"), *id;
	const char *what, *s = json_string_value(text);
	size_t n = json_string_length(text);
	struct html_page *pg = NULL;

	(void)err;
	/* decoded (and so written) as ever; the page's fields on demand */
	id = glean_field(doc, "id");
	glean_field(doc, "repairs");
	what = json_is_string(id) ? json_string_value(id) : "document";
	if (html_sniff(s, n)) {
		pg = html_read(reader(c), s, n, 1);
		html_doc(pg, doc, c->explain, what);
		s = html_text(pg, &n);
		json_object_set_new(doc, "text", json_stringn(s, n));
		drop_stale_layers(doc, what);
	}
	if (glean_textfix(c->tf, s, n, &c->out, &c->rp) == 0) {
		/* unchanged: keep the repairs an earlier run recorded (a
		 * page's body is new text: none) */
		if (pg || !json_is_array(json_object_get(doc, "repairs")))
			json_object_set_new(doc, "repairs", json_array());
		html_page_free(pg);
		return 0;
	}
	if (!pg)
		drop_stale_layers(doc, what);
	json_object_set_new(doc, "text",
	    json_stringn(c->out.s, c->out.len));
	json_object_set_new(doc, "repairs", repairs_json(c));
	if (c->explain && c->rp.n)
		explain(c, what);
	html_page_free(pg);
	glean_repairs_clear(&c->rp);
	if (c->out.cap > (64u << 20))
		glean_buf_free(&c->out);
	return 0;
}

/* ---- raw article files -------------------------------------------------- */

/*
 * The absolute, lexically clean form of path (".", "..", "//" resolved
 * without following links), relative paths taken from the current folder.
 */
static char *
clean_path(const char *path)
{
	struct glean_buf b = { 0 };
	char *cwd = NULL, *all, *seg, *save = NULL;
	size_t keep;

	if (path[0] != '/' && !(cwd = getcwd(NULL, 0)))
		glean_die(GLEAN_EXIT_FATAL, "current folder:");
	all = glean_asprintf("%s/%s", cwd ? cwd : "", path);
	for (seg = strtok_r(all, "/", &save); seg;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			for (keep = b.len; keep > 0 && b.s[keep - 1] != '/';
			    keep--)
				;
			b.len = keep ? keep - 1 : 0;
			continue;
		}
		glean_buf_addc(&b, '/');
		glean_buf_add(&b, seg, strlen(seg));
	}
	if (!b.len)
		glean_buf_addc(&b, '/');
	glean_buf_addc(&b, '\0');
	free(all);
	free(cwd);
	return b.s;
}

/*
 * The name of a raw file in the stream ("source" when the metadata gives
 * none): its path from --root when it lies under it (*under = 1), else
 * the path as given.  A fresh string.
 */
static char *
name_of(const struct ctx *c, const char *path, int *under)
{
	char *abs, *name = NULL;
	size_t n;

	*under = 0;
	if (!c->root || strcmp(path, "-") == 0)
		return glean_strdup(path);
	abs = clean_path(path);
	n = strcmp(c->root, "/") == 0 ? 0 : strlen(c->root);
	if (strncmp(abs, c->root, n) == 0 && abs[n] == '/' && abs[n + 1]) {
		name = glean_strdup(abs + n + 1);
		*under = 1;
	}
	free(abs);
	return name ? name : glean_strdup(path);
}

/*
 * name with the bytes that are not valid UTF-8, and the control
 * characters (U+0000..U+001F, U+007F), written as %XX (upper-case hex):
 * an id and a source are JSON strings, and a file name may hold any byte
 * but '/' and NUL.  The same name always gives the same string; '%'
 * itself is kept.  A fresh string.
 */
static char *
escaped_name(const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	struct glean_buf b = { 0 };
	size_t i = 0, n = strlen(name), len, k;
	int32_t cp;

	while (i < n) {
		len = glean_utf8_next(name + i, n - i, &cp);
		if (cp >= 0x20 && cp != 0x7F) {
			glean_buf_add(&b, name + i, len);
		} else {
			for (k = 0; k < len; k++) {
				unsigned char ch = (unsigned char)name[i + k];

				glean_buf_addc(&b, '%');
				glean_buf_addc(&b, hex[ch >> 4]);
				glean_buf_addc(&b, hex[ch & 15]);
			}
		}
		i += len;
	}
	glean_buf_addc(&b, '\0');
	return b.s;
}

/*
 * The id of a raw file from its name: the file name less its extension
 * ("dir/001_abc.txt" -> "001_abc"); for a file under --root, the path
 * from the root less the extension ("sub/001_abc"), so files of the same
 * name in two sub-folders keep apart.
 */
static char *
id_of(const char *name, int under)
{
	const char *b = strrchr(name, '/'), *dot;
	char *raw, *id;

	if (strcmp(name, "-") == 0)
		return glean_strdup("stdin");
	b = b ? b + 1 : name;
	dot = strrchr(b, '.');
	if (!dot || dot == b)
		dot = b + strlen(b);
	if (under)
		b = name;
	raw = glean_strndup(b, (size_t)(dot - b));
	id = escaped_name(raw);
	free(raw);
	return id;
}

/* A raw file as a document; pg: the file is an HTML page, read already. */
static void
emit_raw_doc(struct ctx *c, const char *path, const char *name,
    const char *id, const char *data, size_t len, struct html_page *pg)
{
	json_t *doc = json_object();
	const struct meta *m = metadata_find(&c->md, id);

	if (!pg)
		glean_textfix_raw(c->tf, data, len, &c->out, &c->rp);
	else if (data = html_text(pg, &len), !glean_textfix(c->tf, data,
	    len, &c->out, &c->rp)) {
		glean_buf_reset(&c->out);
		glean_buf_add(&c->out, data, len);
	}
	json_object_set_new(doc, "id", json_string(id));
	json_object_set_new(doc, "source",
	    json_string(m && m->source ? m->source : name));
	if (m && m->published)
		json_object_set_new(doc, "published",
		    json_string(m->published));
	if (pg)
		html_doc(pg, doc, c->explain, path);
	json_object_set_new(doc, "text", json_stringn(c->out.s, c->out.len));
	json_object_set_new(doc, "repairs", repairs_json(c));
	if (c->explain)
		explain(c, path);
	glean_emit(doc);
	json_decref(doc);
	glean_repairs_clear(&c->rp);
	if (c->out.cap > (64u << 20))
		glean_buf_free(&c->out);
}

/* A file that cannot be read: said on stderr, as glean_run does. */
static void
file_error(const char *path, const char *msg)
{
	glean_warn_at(path, 0, "%s", msg);
}

/*
 * A raw file is one document, so one that cannot be read, or is not
 * text, is answered by an error record under the id and source it would
 * have had: nothing is silently missing from the stream.
 */
static void
emit_unreadable(const char *name, const char *id, const char *msg)
{
	json_t *rec = glean_error_record("normalize", name, 0, NULL, 0, msg);

	json_object_set_new(rec, "id", json_string(id));
	json_object_del(rec, "line");
	glean_emit(rec);
	json_decref(rec);
}

static int
ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

/*
 * Does stdin hold JSON Lines?  Peek at its first byte after a UTF-8 byte
 * order mark and any amount of white space: '{'.  What was read is given
 * back (glibc takes back any number of characters), so a raw article
 * keeps its leading blank lines and a stream its line numbers.
 */
static int
stdin_is_jsonl(void)
{
	static const char bom[] = "\xEF\xBB\xBF";
	struct glean_buf skipped = { 0 };
	int ch, bom_ok;

	while ((ch = getchar()) != EOF && skipped.len < 3 &&
	    ch == (unsigned char)bom[skipped.len])
		glean_buf_addc(&skipped, ch);
	bom_ok = skipped.len == 0 || skipped.len == 3;
	while (bom_ok && (ch == ' ' || ch == '\t' || ch == '\n' ||
	    ch == '\r')) {
		glean_buf_addc(&skipped, ch);
		ch = getchar();
	}
	if (ch != EOF)
		ungetc(ch, stdin);
	while (skipped.len > 0)
		ungetc((unsigned char)skipped.s[--skipped.len], stdin);
	glean_buf_free(&skipped);
	return bom_ok && ch == '{';
}

/* Count a refused operand in *status; returns -1 to stop (--strict), 0. */
static int
refused(const struct glean_opts *o, int *status)
{
	if (*status < GLEAN_EXIT_REJECT)
		*status = GLEAN_EXIT_REJECT;
	return o->strict ? -1 : 0;
}

/*
 * The JSON Lines file path ("-": standard input) through the stream.
 * Returns glean_run_stream's answer, or refused()'s when the file
 * cannot be opened.
 */
static int
jsonl_operand(const struct glean_stage *st, const struct glean_opts *o,
    const char *path, int *status)
{
	struct stat sb;
	char *msg;
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return glean_run_stream(st, o, stdin, "<stdin>", status);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		errno = EISDIR;
		fp = NULL;
	} else
		fp = fopen(path, "r");
	if (!fp) {
		msg = glean_asprintf("cannot open: %s", strerror(errno));
		file_error(path, msg);
		free(msg);
		return refused(o, status);
	}
	rc = glean_run_stream(st, o, fp, path, status);
	fclose(fp);
	return rc;
}

/*
 * The raw article file path ("-": standard input) as one document
 * named name, id id.  Returns NULL when it was emitted, else why it
 * could not be read or is not text (caller frees).
 */
static char *
raw_document(struct ctx *c, const char *path, const char *name,
    const char *id)
{
	struct stat sb;
	char *data, why[160];
	const char *refusal;
	size_t len;
	int html;

	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode)) {
		errno = EISDIR;
		return glean_asprintf("cannot read: %s", strerror(errno));
	}
	if (glean_read_file(path, &data, &len) < 0)
		return glean_asprintf("cannot read: %s", strerror(errno));
	html = html_bytes(path, &data, &len, why, sizeof why);
	/* a page's head says enough: binary data shows at once */
	refusal = html < 0 ? why : not_text(c->sig, data, html &&
	    len > (64u << 10) ? 64u << 10 : len, why, sizeof why);
	if (!refusal) {
		struct html_page *pg = html ?
		    html_read(reader(c), data, len, 0) : NULL;

		emit_raw_doc(c, path, name, id, data, len, pg);
		html_page_free(pg);
	}
	free(data);
	return refusal ? glean_strdup(refusal) : NULL;
}

/*
 * One operand: a JSON Lines stream (--jsonl, a .jsonl name, or standard
 * input that starts with '{') or a raw article file.  An operand that
 * cannot be read is said on stderr and, for a raw file, answered by an
 * error record.  Returns -1 to stop (--strict), else 0.
 */
static int
do_operand(struct ctx *c, const struct glean_stage *st,
    const struct glean_opts *o, const char *path, int *status)
{
	char *msg, *name, *id, *raw;
	int rc = 0, under;

	if (c->jsonl || ends_with(path, ".jsonl") ||
	    (strcmp(path, "-") == 0 && stdin_is_jsonl()))
		return jsonl_operand(st, o, path, status);
	raw = name_of(c, path, &under);
	name = escaped_name(raw);	/* the source; the id is escaped too */
	free(raw);
	id = id_of(name, under);
	if ((msg = raw_document(c, path, name, id))) {
		file_error(path, msg);
		emit_unreadable(name, id, msg);
		free(msg);
		rc = refused(o, status);
	}
	free(name);
	free(id);
	return rc;
}

/* normalize's own options, for glean_options. */
static int
option(void *ctx, int ch, const char *arg)
{
	struct ctx *c = ctx;

	switch (ch) {
	case 'j':
		c->jsonl = 1;
		return 1;
	case 'm':
		c->metadata = arg;
		return 1;
	case 'e':
		c->explain = 1;
		return 1;
	case OPT_LENIENT:
		c->lenient = 1;
		return 1;
	case OPT_META_CHECKED:
		c->lenient = c->meta_checked = 1;
		return 1;
	case OPT_ROOT:
		c->root = clean_path(arg);
		return 1;
	}
	return 0;
}

/*
 * Load the lexicons and the --metadata file into c.  Returns the exit
 * status so far: 1 when the metadata has bad lines (unless --lenient).
 */
static int
start(struct ctx *c, const struct glean_opts *o)
{
	if (o->unbuffered)
		glean_set_unbuffered(1);
	c->tf = glean_textfix_load(glean_lexdir(o));
	c->sig = signatures_load(glean_lexdir(o));
	c->lexdir = glean_lexdir(o);
	if (c->metadata && metadata_load(&c->md, c->metadata,
	    c->meta_checked) > 0 && !c->lenient)
		return GLEAN_EXIT_REJECT;
	return GLEAN_EXIT_OK;
}

/* Free what start() and the documents made. */
static void
finish(struct ctx *c)
{
	glean_textfix_free(c->tf);
	signatures_free(c->sig);
	html_free(c->html);
	glean_repairs_free(&c->rp);
	glean_buf_free(&c->out);
	metadata_free(&c->md);
	free(c->root);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "jsonl", no_argument, NULL, 'j' },
		{ "metadata", required_argument, NULL, 'm' },
		{ "explain", no_argument, NULL, 'e' },
		{ "lenient", no_argument, NULL, OPT_LENIENT },
		{ "metadata-checked", no_argument, NULL, OPT_META_CHECKED },
		{ "root", required_argument, NULL, OPT_ROOT },
		{ NULL, 0, NULL, 0 }
	};
	/* title...authors: an HTML document keeps those it has */
	static const char *const reads[] = { "id", "repairs", "title",
	    "published", "outlet", "url", "authors", NULL };
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct ctx c = { 0 };
	const struct glean_program p = {
		{ .name = "normalize", .process = process, .ctx = &c,
		    .reads = reads, .reads_on_demand = 1 },
		"[OPTION]... [FILE]...",
		"Make documents of raw article files (or read JSON Lines with "
		"--jsonl) and\nrepair their text: encodings, mojibake, "
		"entities, NFC, newlines, controls.\nHTML pages (.html, .htm, "
		".gz, or sniffed) give their article body and metadata.",
		"      --jsonl         read JSON Lines documents\n"
		"  -m, --metadata FILE id, published, source of raw files "
		"(TSV)\n"
		"      --lenient       bad metadata lines are left out, not "
		"failed\n"
		"      --metadata-checked  leave them out without a word\n"
		"      --root DIR      name raw files by their path from DIR\n"
		"  -e, --explain       describe every repair on stderr\n",
		"m:e", longopts, option, NULL, NULL, NULL
	};
	int status, i, first;

	first = glean_options(&p, &o, argc, argv);
	status = start(&c, &o);
	if (first == argc)
		do_operand(&c, &p.stage, &o, "-", &status);
	for (i = first; i < argc; i++)
		if (do_operand(&c, &p.stage, &o, argv[i], &status) < 0)
			break;
	glean_flush();
	finish(&c);
	return glean_finish(status);
}
