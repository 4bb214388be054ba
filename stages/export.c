/* See LICENSE file for copyright and license details. */
/*
 * glean-export - a knowledge record as tables with typed columns, one row
 * per fact and the sources in their own table: an SQLite database
 * (--sqlite DB), or one CSV or TSV file per table (--csv DIR, --tsv DIR).
 * The schema is the tables[] below and is documented in glean-export(1).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "glean.h"
#include "record.h"

enum { T_DOCUMENTS, T_SUBJECTS, T_JUDGEMENTS, T_MONEY, T_PEOPLE, T_QUOTES,
	T_SOURCES, T_CONFLICTS, NTABLES };

enum { MAXCOLS = 12 };

/* A table: its name, its SQL and its columns, in insertion order. */
struct table {
	const char *name;
	const char *sql;
	const char *cols[MAXCOLS];
};

static const struct table tables[NTABLES] = {
	{ "documents", "CREATE TABLE documents(id TEXT PRIMARY KEY, "
	  "source TEXT, outlet TEXT, published TEXT, year INTEGER, "
	  "published_inferred INTEGER, errors TEXT)",
	  { "id", "source", "outlet", "published", "year",
	    "published_inferred", "errors" } },
	{ "subjects", "CREATE TABLE subjects(id INTEGER PRIMARY KEY, "
	  "code TEXT, name TEXT, kind TEXT NOT NULL, aliases TEXT)",
	  { "id", "code", "name", "kind", "aliases" } },
	{ "judgements", "CREATE TABLE judgements(id INTEGER PRIMARY KEY, "
	  "subject_id INTEGER NOT NULL REFERENCES subjects(id), "
	  "subject_code TEXT, year INTEGER, month INTEGER, area TEXT NOT NULL, "
	  "grade TEXT NOT NULL, grade_as_written TEXT, inspectorate TEXT, "
	  "implied INTEGER)",
	  { "id", "subject_id", "subject_code", "year", "month", "area",
	    "grade", "grade_as_written", "inspectorate", "implied" } },
	{ "money", "CREATE TABLE money(id INTEGER PRIMARY KEY, "
	  "subject_id INTEGER NOT NULL REFERENCES subjects(id), "
	  "subject_code TEXT, value REAL NOT NULL, currency TEXT, per TEXT, "
	  "approx INTEGER, text TEXT, context TEXT)",
	  { "id", "subject_id", "subject_code", "value", "currency", "per",
	    "approx", "text", "context" } },
	{ "people", "CREATE TABLE people(id INTEGER PRIMARY KEY, "
	  "subject_id INTEGER NOT NULL REFERENCES subjects(id), "
	  "subject_code TEXT, name TEXT NOT NULL, role TEXT)",
	  { "id", "subject_id", "subject_code", "name", "role" } },
	{ "quotes", "CREATE TABLE quotes(id INTEGER PRIMARY KEY, "
	  "subject_id INTEGER NOT NULL REFERENCES subjects(id), "
	  "subject_code TEXT, text TEXT NOT NULL, speaker TEXT, "
	  "speaker_role TEXT, kind TEXT)",
	  { "id", "subject_id", "subject_code", "text", "speaker",
	    "speaker_role", "kind" } },
	{ "sources", "CREATE TABLE sources(id INTEGER PRIMARY KEY, "
	  "fact_table TEXT NOT NULL, fact_id INTEGER NOT NULL, "
	  "doc TEXT NOT NULL REFERENCES documents(id), start INTEGER, "
	  "end INTEGER, evidence TEXT, attrs TEXT)",
	  { "id", "fact_table", "fact_id", "doc", "start", "end", "evidence",
	    "attrs" } },
	{ "conflicts", "CREATE TABLE conflicts(id INTEGER PRIMARY KEY, "
	  "kind TEXT NOT NULL, subject_code TEXT, subject_name TEXT, "
	  "year INTEGER, area TEXT, text TEXT, detail TEXT)",
	  { "id", "kind", "subject_code", "subject_name", "year", "area",
	    "text", "detail" } },
};

static const char indexes[] =
	"CREATE INDEX subjects_code ON subjects(code);"
	"CREATE INDEX judgements_subject ON judgements(subject_code, year);"
	"CREATE INDEX judgements_grade ON judgements(grade, year);"
	"CREATE INDEX money_subject ON money(subject_code);"
	"CREATE INDEX people_subject ON people(subject_code);"
	"CREATE INDEX people_name ON people(name);"
	"CREATE INDEX quotes_subject ON quotes(subject_code);"
	"CREATE INDEX quotes_speaker ON quotes(speaker);"
	"CREATE INDEX sources_fact ON sources(fact_table, fact_id);"
	"CREATE INDEX sources_doc ON sources(doc);";

/* A value of a column: NULL, an integer, a number or a text. */
struct val {
	enum { V_NULL, V_INT, V_REAL, V_TEXT } t;
	long long i;
	double r;
	const char *s;
};

static struct val
vnull(void)
{
	return (struct val){ V_NULL, 0, 0, NULL };
}

static struct val
vint(long long i)
{
	return (struct val){ V_INT, i, 0, NULL };
}

/* A text; NULL stays NULL. */
static struct val
vtext(const char *s)
{
	return s ? (struct val){ V_TEXT, 0, 0, s } : vnull();
}

/* A boolean from the record: -1 (absent) is NULL. */
static struct val
vbool(int b)
{
	return b < 0 ? vnull() : vint(b);
}

enum format { F_SQLITE, F_CSV, F_TSV };

/* Where the rows go. */
struct exporter {
	enum format format;
	const char *target;	/* the database or folder named */
	int nformats;		/* how many of --sqlite, --csv, --tsv */
	char *dbtmp;		/* the database being written */
	sqlite3 *db;
	sqlite3_stmt *insert[NTABLES];
	FILE *fp[NTABLES];
	char *path[NTABLES];
	long long next_id[NTABLES];
};

static _Noreturn void
db_die(struct exporter *x, const char *what)
{
	glean_warn("%s: %s: %s", x->target, what, sqlite3_errmsg(x->db));
	sqlite3_close(x->db);
	unlink(x->dbtmp);
	exit(GLEAN_EXIT_FATAL);
}

static void
db_exec(struct exporter *x, const char *sql)
{
	if (sqlite3_exec(x->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		db_die(x, "cannot build the database");
}

static size_t
ncols(const struct table *t)
{
	size_t n = 0;

	while (n < MAXCOLS && t->cols[n])
		n++;
	return n;
}

/* Create the database (in a temporary file beside it) and its tables. */
static void
sqlite_open(struct exporter *x)
{
	struct glean_buf sql = { 0 };
	size_t t, c;

	x->dbtmp = glean_asprintf("%s.tmp-%ld", x->target, (long)getpid());
	unlink(x->dbtmp);
	if (sqlite3_open(x->dbtmp, &x->db) != SQLITE_OK)
		db_die(x, "cannot create the database");
	db_exec(x, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
	    "BEGIN");
	for (t = 0; t < NTABLES; t++) {
		db_exec(x, tables[t].sql);
		glean_buf_reset(&sql);
		glean_buf_add(&sql, "INSERT INTO ", 12);
		glean_buf_add(&sql, tables[t].name, strlen(tables[t].name));
		glean_buf_add(&sql, " VALUES(", 8);
		for (c = 0; c < ncols(&tables[t]); c++)
			glean_buf_add(&sql, c ? ",?" : "?", c ? 2 : 1);
		glean_buf_addc(&sql, ')');
		if (sqlite3_prepare_v2(x->db, sql.s, -1, &x->insert[t], NULL)
		    != SQLITE_OK)
			db_die(x, "cannot prepare an insert");
	}
	glean_buf_free(&sql);
}

static void
sqlite_close(struct exporter *x)
{
	size_t t;

	db_exec(x, indexes);
	db_exec(x, "COMMIT");
	for (t = 0; t < NTABLES; t++)
		sqlite3_finalize(x->insert[t]);
	if (sqlite3_close(x->db) != SQLITE_OK)
		db_die(x, "cannot close the database");
	if (rename(x->dbtmp, x->target) != 0) {
		glean_warn("%s:", x->target);
		unlink(x->dbtmp);
		exit(GLEAN_EXIT_FATAL);
	}
	free(x->dbtmp);
}

static void
sqlite_row(struct exporter *x, size_t t, const struct val *v)
{
	sqlite3_stmt *st = x->insert[t];
	size_t c, n = ncols(&tables[t]);

	for (c = 0; c < n; c++) {
		int i = (int)c + 1;

		switch (v[c].t) {
		case V_NULL: sqlite3_bind_null(st, i); break;
		case V_INT: sqlite3_bind_int64(st, i, v[c].i); break;
		case V_REAL: sqlite3_bind_double(st, i, v[c].r); break;
		case V_TEXT:
			sqlite3_bind_text(st, i, v[c].s, -1, SQLITE_STATIC);
			break;
		}
	}
	/* a second document with one id (a "document" conflict) is
	 * listed in conflicts; the first one stays */
	if (sqlite3_step(st) != SQLITE_DONE &&
	    !(t == T_DOCUMENTS && sqlite3_errcode(x->db) == SQLITE_CONSTRAINT))
		db_die(x, "cannot insert a row");
	sqlite3_reset(st);
}

/* A CSV field (RFC 4180) or a TSV field (\t \n \r \\ escaped). */
static void
put_field(FILE *fp, enum format f, const char *s)
{
	const char *p;

	if (f == F_CSV && strpbrk(s, ",\"\r\n")) {
		fputc('"', fp);
		for (p = s; *p; p++) {
			if (*p == '"')
				fputc('"', fp);
			fputc(*p, fp);
		}
		fputc('"', fp);
		return;
	}
	for (p = s; *p; p++) {
		if (f == F_TSV && strchr("\t\n\r\\", *p)) {
			fputc('\\', fp);
			fputc(*p == '\t' ? 't' : *p == '\n' ? 'n' :
			    *p == '\r' ? 'r' : '\\', fp);
		} else
			fputc(*p, fp);
	}
}

static void
text_open(struct exporter *x)
{
	const char *ext = x->format == F_CSV ? "csv" : "tsv";
	size_t t, c;

	if (mkdir(x->target, 0777) != 0 && errno != EEXIST)
		glean_die(GLEAN_EXIT_FATAL, "%s:", x->target);
	for (t = 0; t < NTABLES; t++) {
		x->path[t] = glean_asprintf("%s/%s.%s", x->target,
		    tables[t].name, ext);
		if (!(x->fp[t] = fopen(x->path[t], "w")))
			glean_die(GLEAN_EXIT_FATAL, "%s:", x->path[t]);
		for (c = 0; c < ncols(&tables[t]); c++) {
			if (c)
				fputc(x->format == F_CSV ? ',' : '\t', x->fp[t]);
			fputs(tables[t].cols[c], x->fp[t]);
		}
		fputc('\n', x->fp[t]);
	}
}

static void
text_row(struct exporter *x, size_t t, const struct val *v)
{
	FILE *fp = x->fp[t];
	size_t c, n = ncols(&tables[t]);

	for (c = 0; c < n; c++) {
		if (c)
			fputc(x->format == F_CSV ? ',' : '\t', fp);
		switch (v[c].t) {
		case V_NULL: break;
		case V_INT: fprintf(fp, "%lld", v[c].i); break;
		case V_REAL: fprintf(fp, "%.15g", v[c].r); break;
		case V_TEXT: put_field(fp, x->format, v[c].s); break;
		}
	}
	fputc('\n', fp);
}

static void
text_close(struct exporter *x)
{
	size_t t;

	for (t = 0; t < NTABLES; t++) {
		if (ferror(x->fp[t]) || fclose(x->fp[t]) != 0)
			glean_die(GLEAN_EXIT_FATAL, "%s:", x->path[t]);
		free(x->path[t]);
	}
}

/* Write one row of table t; v[0], the id, is filled in and returned. */
static long long
row(struct exporter *x, size_t t, struct val *v)
{
	v[0] = t == T_DOCUMENTS ? v[0] : vint(++x->next_id[t]);
	if (x->format == F_SQLITE)
		sqlite_row(x, t, v);
	else
		text_row(x, t, v);
	return v[0].i;
}

/* ---- from the record to rows ---- */

/* Strings joined with "; " (NULL when there are none), into b. */
static const char *
joined(struct glean_buf *b, const json_t *arr)
{
	const json_t *v;
	size_t i, n = 0;

	glean_buf_reset(b);
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v) || !*json_string_value(v))
			continue;
		if (n++)
			glean_buf_add(b, "; ", 2);
		glean_buf_add(b, json_string_value(v),
		    strlen(json_string_value(v)));
	}
	return n ? b->s : NULL;
}

/* The fact's own member key, else the distinct values the sources give
 * it, "; "-joined; NULL when none does. */
static const char *
fact_or_sources(struct glean_buf *b, const json_t *fact, const char *key)
{
	const json_t *srcs = json_object_get(fact, "sources"), *src;
	json_t *seen;
	size_t i;

	if (glean_rec_str(fact, key))
		return glean_rec_str(fact, key);
	seen = json_array();
	json_array_foreach(srcs, i, src) {
		const char *v = glean_rec_str(src, key);
		const json_t *o;
		size_t k;
		int dup = 0;

		json_array_foreach(seen, k, o)
			dup |= v && strcmp(json_string_value(o), v) == 0;
		if (v && !dup)
			json_array_append_new(seen, json_string(v));
	}
	const char *r = joined(b, seen);
	json_decref(seen);
	return r;
}

/* The source's members other than doc, start, end and evidence, as JSON
 * text with sorted keys (caller frees); NULL when there are none. */
static char *
attrs(const json_t *src)
{
	json_t *copy = json_deep_copy(src);
	char *s = NULL;

	json_object_del(copy, "doc");
	json_object_del(copy, "start");
	json_object_del(copy, "end");
	json_object_del(copy, "evidence");
	if (json_object_size(copy))
		s = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS |
		    JSON_REAL_PRECISION(15));
	json_decref(copy);
	return s;
}

static void
sources(struct exporter *x, const char *table, long long fact,
    const json_t *srcs)
{
	const json_t *src;
	size_t i;

	json_array_foreach(srcs, i, src) {
		char *a = attrs(src);
		struct val v[] = { vnull(), vtext(table), vint(fact),
			vtext(glean_rec_str(src, "doc")),
			vint(json_integer_value(json_object_get(src, "start"))),
			vint(json_integer_value(json_object_get(src, "end"))),
			vtext(glean_rec_str(src, "evidence")), vtext(a) };

		row(x, T_SOURCES, v);
		free(a);
	}
}

/* Leading digits of s[off..off+n) as a number, or NULL. */
static struct val
digits(const char *s, size_t off, size_t n)
{
	long long v = 0;
	size_t i;

	if (!s || strlen(s) < off + n)
		return vnull();
	for (i = off; i < off + n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return vnull();
		v = v * 10 + (s[i] - '0');
	}
	return vint(v);
}

/* approx as the record gives it: the fact's, else true when a source
 * says so, false when one says not; NULL when none tells. */
static struct val
approx(const json_t *m)
{
	const json_t *src;
	size_t i;
	int any = glean_rec_bool(m, "approx");

	json_array_foreach(json_object_get(m, "sources"), i, src)
		if (any < 1 && glean_rec_bool(src, "approx") >= 0)
			any = glean_rec_bool(src, "approx");
	return vbool(any);
}

struct subj {
	long long id;
	const char *code;
	struct glean_buf a, b;	/* scratch for joined values */
};

static void
judgements(struct exporter *x, struct subj *s, const json_t *subject)
{
	const json_t *insp, *j;
	size_t i, k;

	json_array_foreach(json_object_get(subject, "inspections"), i, insp) {
		const char *when = glean_rec_str(insp, "when");
		struct val month = when && strlen(when) > 4 && when[4] == '-' ?
		    digits(when, 5, 2) : vnull();

		json_array_foreach(json_object_get(insp, "judgements"), k, j) {
			struct val v[] = { vnull(), vint(s->id),
				vtext(s->code), digits(when, 0, 4), month,
				vtext(glean_rec_str(j, "area")),
				vtext(glean_rec_str(j, "grade")),
				vtext(fact_or_sources(&s->a, j,
				    "grade_as_written")),
				vtext(fact_or_sources(&s->b, j,
				    "inspectorate")),
				vint(glean_record_implied(j)) };

			sources(x, "judgements", row(x, T_JUDGEMENTS, v),
			    json_object_get(j, "sources"));
		}
	}
}

/*
 * The columns of a fact's row after its id, subject and code: fills v
 * from fact f of subject (of the array key) and returns the table.
 */
typedef size_t fact_columns(struct subj *s, const json_t *subject,
    const json_t *f, const char *key, struct val *v);

/* An amount: value, currency, per, approx, as written, context. */
static size_t
money_columns(struct subj *s, const json_t *subject, const json_t *m,
    const char *key, struct val *v)
{
	(void)subject, (void)key;
	v[0] = (struct val){ V_REAL, 0, json_number_value(json_object_get(m,
	    "value")), NULL };
	v[1] = vtext(glean_rec_str(m, "currency"));
	v[2] = vtext(glean_rec_str(m, "per"));
	v[3] = approx(m);
	v[4] = vtext(glean_rec_str(m, "text"));
	v[5] = vtext(joined(&s->a, json_object_get(m, "context")));
	return T_MONEY;
}

/* A person: name, roles. */
static size_t
people_columns(struct subj *s, const json_t *subject, const json_t *p,
    const char *key, struct val *v)
{
	(void)subject, (void)key;
	v[0] = vtext(glean_rec_str(p, "name"));
	v[1] = vtext(joined(&s->a, json_object_get(p, "roles")));
	return T_PEOPLE;
}

/* A quotation's speaker role: its own or its sources' "speaker_role",
 * else the roles the subject's people give the speaker; NULL if none. */
static const char *
speaker_role(struct subj *s, const json_t *subject, const json_t *q)
{
	const char *r = fact_or_sources(&s->a, q, "speaker_role");

	return r ? r : glean_record_roles(&s->b, subject,
	    glean_rec_str(q, "speaker"));
}

/* A quotation: text, speaker, role, kind (findings: "report"). */
static size_t
quote_columns(struct subj *s, const json_t *subject, const json_t *q,
    const char *key, struct val *v)
{
	const char *kind = glean_rec_str(q, "kind");

	v[0] = vtext(glean_rec_str(q, "text"));
	v[1] = vtext(glean_rec_str(q, "speaker"));
	v[2] = vtext(speaker_role(s, subject, q));
	v[3] = vtext(kind ? kind : strcmp(key, "findings") == 0 ? "report" :
	    NULL);
	return T_QUOTES;
}

/*
 * Each fact of subject's array key as a row (id, subject id and code,
 * then columns()'s) of its table, named table in the sources rows.
 */
static void
facts(struct exporter *x, struct subj *s, const json_t *subject,
    const char *key, const char *table, fact_columns *columns)
{
	const json_t *f;
	size_t i, t;

	json_array_foreach(json_object_get(subject, key), i, f) {
		struct val v[16] = { vnull(), vint(s->id), vtext(s->code) };

		t = columns(s, subject, f, key, v + 3);
		sources(x, table, row(x, t, v), json_object_get(f, "sources"));
	}
}

static void
documents(struct exporter *x, const struct glean_record *rec)
{
	const json_t *d;
	size_t i;

	json_array_foreach(rec->documents, i, d) {
		const char *pub = glean_rec_str(d, "published");
		char *errors = json_object_get(d, "errors") ?
		    json_dumps(json_object_get(d, "errors"), JSON_COMPACT) :
		    NULL;
		struct val v[] = { vtext(glean_rec_str(d, "id")),
			vtext(glean_rec_str(d, "source")),
			vtext(glean_rec_str(d, "outlet") ?
			    glean_rec_str(d, "outlet") :
			    glean_rec_str(d, "source")),
			vtext(pub), digits(pub, 0, 4),
			vbool(glean_rec_bool(d, "published_inferred")),
			vtext(errors) };

		row(x, T_DOCUMENTS, v);
		free(errors);
	}
}

static void
conflicts(struct exporter *x, const struct glean_record *rec)
{
	const json_t *c;
	size_t i;

	json_array_foreach(rec->conflicts, i, c) {
		char *detail = json_dumps(json_object_get(c, "values"),
		    JSON_COMPACT | JSON_REAL_PRECISION(15));
		struct val v[] = { vnull(), vtext(glean_rec_str(c, "kind")),
			vtext(glean_rec_str(c, "code")),
			vtext(glean_rec_str(c, "subject")),
			digits(glean_rec_str(c, "when"), 0, 4),
			vtext(glean_rec_str(c, "area")),
			vtext(glean_rec_str(c, "text") ? glean_rec_str(c,
			    "text") : glean_rec_str(c, "id")),
			vtext(detail) };

		row(x, T_CONFLICTS, v);
		free(detail);
	}
}

static void
export(struct exporter *x, const struct glean_record *rec)
{
	const json_t *subject;
	struct subj s = { 0 };
	size_t i;

	documents(x, rec);
	json_array_foreach(rec->subjects, i, subject) {
		struct val v[] = { vnull(),
			vtext(glean_rec_str(subject, "code")),
			vtext(glean_rec_str(subject, "name")),
			vtext(glean_rec_str(subject, "kind")),
			vtext(joined(&s.a, json_object_get(subject,
			    "aliases"))) };

		s.id = row(x, T_SUBJECTS, v);
		s.code = glean_rec_str(subject, "code");
		judgements(x, &s, subject);
		facts(x, &s, subject, "money", "money", money_columns);
		facts(x, &s, subject, "people", "people", people_columns);
		facts(x, &s, subject, "quotes", "quotes", quote_columns);
		facts(x, &s, subject, "findings", "quotes", quote_columns);
	}
	conflicts(x, rec);
	glean_buf_free(&s.a);
	glean_buf_free(&s.b);
}

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s (--sqlite DB | --csv DIR | --tsv DIR) "
	    "[RECORD]\n", glean_prog);
	if (status)
		exit(status);
	fputs("Write a knowledge record (glean-merge's output; standard input\n"
	    "when none or -) as tables with typed columns.\n"
	    "      --sqlite DB     an SQLite database (replaced if it exists)\n"
	    "      --csv DIR       one CSV file per table in DIR\n"
	    "      --tsv DIR       one TSV file per table in DIR\n"
	    GLEAN_COMMON_HELP, fp);
	exit(0);
}

enum { O_SQLITE = GLEAN_OPT_FIRST_FREE, O_CSV, O_TSV };

/*
 * export's own options, for glean_options: the format and where it
 * goes, into the exporter ctx; counts them in x->nformats.
 */
static int
option(void *ctx, int ch, const char *arg)
{
	struct exporter *x = ctx;

	if (ch != O_SQLITE && ch != O_CSV && ch != O_TSV)
		return 0;
	x->format = ch == O_SQLITE ? F_SQLITE : ch == O_CSV ? F_CSV : F_TSV;
	x->target = arg;
	x->nformats++;
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "sqlite", required_argument, NULL, O_SQLITE },
		{ "csv", required_argument, NULL, O_CSV },
		{ "tsv", required_argument, NULL, O_TSV },
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct exporter x = { 0 };
	struct glean_record rec;
	const struct glean_program p = {
		.stage = { .name = "export", .ctx = &x },
		.longopts = longopts, .option = option, .usage = usage
	};
	int first;

	first = glean_options(&p, &o, argc, argv);
	if (x.nformats != 1) {
		glean_warn("say where to write: one of --sqlite, --csv, --tsv");
		usage(GLEAN_EXIT_FATAL);
	}
	if (argc - first > 1) {
		glean_warn("one record at a time (merge several with "
		    "glean-merge first)");
		usage(GLEAN_EXIT_FATAL);
	}
	if (glean_record_load(first < argc ? argv[first] : "-", &rec) != 0)
		return GLEAN_EXIT_REJECT;
	if (x.format == F_SQLITE)
		sqlite_open(&x);
	else
		text_open(&x);
	export(&x, &rec);
	if (x.format == F_SQLITE)
		sqlite_close(&x);
	else
		text_close(&x);
	glean_record_free(&rec);
	return GLEAN_EXIT_OK;	/* its output is not standard output */
}
