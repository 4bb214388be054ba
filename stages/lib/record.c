/* See LICENSE file for copyright and license details. */
/*
 * A knowledge record read whole and checked against the shape glean-merge
 * writes (record.h).  The shape is data (the tables below), checked by one
 * recursive walk, so the error names the exact member that is wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "record.h"

/* JSON types a value may have. */
enum {
	J_STR = 1, J_NULL = 2, J_INT = 4, J_REAL = 8, J_BOOL = 16,
	J_ARR = 32, J_OBJ = 64
};

struct shape;

/* A known member of an object: its key, whether it must be there, its
 * shape.  Lists end with a NULL key. */
struct member {
	const char *key;
	int required;
	const struct shape *shape;
};

/* What a value may be: its types; an object's known members; the shape
 * of every item of an array. */
struct shape {
	unsigned types;
	const struct member *members;
	const struct shape *items;
};

static const struct shape str = { J_STR, NULL, NULL };
static const struct shape optstr = { J_STR | J_NULL, NULL, NULL };
static const struct shape optbool = { J_BOOL | J_NULL, NULL, NULL };
static const struct shape integer = { J_INT, NULL, NULL };
static const struct shape number = { J_INT | J_REAL, NULL, NULL };
static const struct shape strings = { J_ARR, NULL, &str };
static const struct shape anyobj = { J_OBJ, NULL, NULL };
static const struct shape anyobjs = { J_ARR, NULL, &anyobj };

static const struct member source_members[] = {
	{ "doc", 1, &str }, { "start", 1, &integer }, { "end", 1, &integer },
	{ "when", 0, &optstr }, { "grade_as_written", 0, &optstr },
	{ "inspectorate", 0, &optstr }, { "implied", 0, &optbool },
	{ "role", 0, &optstr }, { "speaker", 0, &optstr },
	{ "speaker_role", 0, &optstr }, { "kind", 0, &optstr },
	{ "text", 0, &optstr }, { "context", 0, &optstr },
	{ "evidence", 0, &optstr }, { "approx", 0, &optbool },
	{ NULL, 0, NULL }
};
static const struct shape source = { J_OBJ, source_members, NULL };
static const struct shape sources = { J_ARR, NULL, &source };

static const struct member judgement_members[] = {
	{ "area", 1, &str }, { "grade", 1, &str }, { "sources", 1, &sources },
	{ "grade_as_written", 0, &optstr }, { "inspectorate", 0, &optstr },
	{ "implied", 0, &optbool }, { NULL, 0, NULL }
};
static const struct shape judgement = { J_OBJ, judgement_members, NULL };
static const struct shape judgements = { J_ARR, NULL, &judgement };

static const struct member inspection_members[] = {
	{ "when", 1, &optstr }, { "judgements", 1, &judgements },
	{ NULL, 0, NULL }
};
static const struct shape inspection = { J_OBJ, inspection_members, NULL };

static const struct member money_members[] = {
	{ "value", 1, &number }, { "currency", 0, &optstr },
	{ "per", 0, &optstr }, { "text", 0, &optstr },
	{ "approx", 0, &optbool }, { "context", 0, &strings },
	{ "sources", 1, &sources }, { NULL, 0, NULL }
};
static const struct shape amount = { J_OBJ, money_members, NULL };

static const struct member person_members[] = {
	{ "name", 1, &str }, { "roles", 0, &strings },
	{ "sources", 1, &sources }, { NULL, 0, NULL }
};
static const struct shape person = { J_OBJ, person_members, NULL };

static const struct member quote_members[] = {
	{ "text", 1, &str }, { "speaker", 0, &optstr },
	{ "speaker_role", 0, &optstr }, { "kind", 0, &optstr },
	{ "sources", 1, &sources }, { NULL, 0, NULL }
};
static const struct shape quote = { J_OBJ, quote_members, NULL };

static const struct shape inspections = { J_ARR, NULL, &inspection };
static const struct shape amounts = { J_ARR, NULL, &amount };
static const struct shape persons = { J_ARR, NULL, &person };
static const struct shape quotations = { J_ARR, NULL, &quote };

static const struct member subject_members[] = {
	{ "name", 1, &optstr }, { "code", 1, &optstr }, { "kind", 1, &str },
	{ "aliases", 0, &strings }, { "inspections", 0, &inspections },
	{ "money", 0, &amounts }, { "people", 0, &persons },
	{ "quotes", 0, &quotations }, { "findings", 0, &quotations },
	{ NULL, 0, NULL }
};
static const struct shape subject = { J_OBJ, subject_members, NULL };

static const struct member document_members[] = {
	{ "id", 1, &str }, { "source", 0, &optstr },
	{ "published", 0, &optstr }, { "published_inferred", 0, &optbool },
	{ "outlet", 0, &optstr }, { "errors", 0, &anyobjs },
	{ NULL, 0, NULL }
};
static const struct shape document = { J_OBJ, document_members, NULL };

static const struct member conflict_members[] = {
	{ "kind", 1, &str }, { "subject", 0, &optstr }, { "code", 0, &optstr },
	{ "when", 0, &optstr }, { "area", 0, &optstr }, { "text", 0, &optstr },
	{ "id", 0, &optstr }, { "values", 1, &anyobjs }, { NULL, 0, NULL }
};
static const struct shape conflict = { J_OBJ, conflict_members, NULL };

static const struct shape documents = { J_ARR, NULL, &document };
static const struct shape subjects = { J_ARR, NULL, &subject };
static const struct shape conflicts = { J_ARR, NULL, &conflict };

static const struct member record_members[] = {
	{ "glean_record", 1, &integer }, { "documents", 1, &documents },
	{ "subjects", 1, &subjects }, { "conflicts", 0, &conflicts },
	{ NULL, 0, NULL }
};
static const struct shape record = { J_OBJ, record_members, NULL };

static unsigned
type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING: return J_STR;
	case JSON_NULL: return J_NULL;
	case JSON_INTEGER: return J_INT;
	case JSON_REAL: return J_REAL;
	case JSON_TRUE: case JSON_FALSE: return J_BOOL;
	case JSON_ARRAY: return J_ARR;
	case JSON_OBJECT: return J_OBJ;
	}
	return 0;
}

/* "a string or null" for a message. */
static const char *
type_words(unsigned t)
{
	if (t == J_STR) return "not a string";
	if (t == (J_STR | J_NULL)) return "not a string or null";
	if (t == (J_BOOL | J_NULL)) return "not true, false or null";
	if (t == J_INT) return "not an integer";
	if (t == (J_INT | J_REAL)) return "not a number";
	if (t == J_ARR) return "not an array";
	return "not an object";
}

/*
 * Check v against sh; path is the member's name so far (extended in
 * place, restored before return).  Returns 0, or -1 with *err set.
 */
static int
check(const json_t *v, const struct shape *sh, struct glean_buf *path,
    char **err)
{
	const struct member *m;
	size_t keep = path->len, i;
	char idx[32];

	if (!(type_of(v) & sh->types)) {
		*err = glean_asprintf("%s: %s", path->len ? path->s : "record",
		    type_words(sh->types));
		return -1;
	}
	if (json_is_array(v) && sh->items) {
		for (i = 0; i < json_array_size(v); i++) {
			snprintf(idx, sizeof idx, "[%zu]", i);
			glean_buf_add(path, idx, strlen(idx));
			if (check(json_array_get(v, i), sh->items, path, err))
				return -1;
			path->len = keep;
			path->s[keep] = '\0';
		}
	}
	for (m = json_is_object(v) ? sh->members : NULL; m && m->key; m++) {
		const json_t *x = json_object_get(v, m->key);

		if (path->len)
			glean_buf_addc(path, '.');
		glean_buf_add(path, m->key, strlen(m->key));
		if (!x && m->required) {
			*err = glean_asprintf("%s: missing", path->s);
			return -1;
		}
		if (x && check(x, m->shape, path, err))
			return -1;
		path->len = keep;
		if (path->s)
			path->s[keep] = '\0';
	}
	return 0;
}

/* jansson quotes the bad input in its messages: keep them on one line. */
static char *
one_line(char *s)
{
	char *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = ' ';
	return s;
}

int
glean_record_parse(const char *data, size_t len, struct glean_record *r,
    char **err)
{
	struct glean_buf path = { 0 };
	json_error_t je;
	json_t *v;
	size_t i;

	memset(r, 0, sizeof *r);
	if (!(r->root = json_loadb(data, len, 0, &je))) {
		for (i = 0; i < len && strchr(" \t\r\n", data[i]) &&
		    data[i]; i++)
			;
		if (i == len)
			*err = glean_strdup("empty: not a knowledge record");
		else
			*err = one_line(glean_asprintf("%d: not one JSON "
			    "value (%s); records are written by glean-merge",
			    je.line, je.text));
		return -1;
	}
	glean_buf_add(&path, "", 0);
	if (check(r->root, &record, &path, err)) {
		glean_buf_free(&path);
		glean_record_free(r);
		return -1;
	}
	glean_buf_free(&path);
	if (json_integer_value(json_object_get(r->root, "glean_record")) != 1) {
		*err = glean_strdup("glean_record: not version 1");
		glean_record_free(r);
		return -1;
	}
	r->documents = json_object_get(r->root, "documents");
	r->subjects = json_object_get(r->root, "subjects");
	r->conflicts = json_object_get(r->root, "conflicts");
	if (!r->conflicts) {
		r->conflicts = json_array();
		json_object_set_new(r->root, "conflicts", r->conflicts);
	}
	r->doc_index = json_object();
	json_array_foreach(r->documents, i, v) {
		const char *id = json_string_value(json_object_get(v, "id"));

		if (!json_object_get(r->doc_index, id))
			json_object_set(r->doc_index, id, v);
	}
	return 0;
}

int
glean_record_load(const char *path, struct glean_record *r)
{
	char *data, *err = NULL;
	size_t len;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	if (glean_read_file(path, &data, &len) != 0) {
		glean_warn("%s:", name);
		return -1;
	}
	if (glean_record_parse(data, len, r, &err) != 0) {
		/* a JSON syntax error starts with its line number */
		if (*err >= '0' && *err <= '9')
			glean_warn("%s:%s", name, err);
		else
			glean_warn("%s: %s", name, err);
		free(err);
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

void
glean_record_free(struct glean_record *r)
{
	json_decref(r->doc_index);
	json_decref(r->root);
	memset(r, 0, sizeof *r);
}

const json_t *
glean_record_doc(const struct glean_record *r, const char *id)
{
	return id ? json_object_get(r->doc_index, id) : NULL;
}

const char *
glean_rec_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

int
glean_rec_bool(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_boolean(v) ? json_is_true(v) : -1;
}

int
glean_record_implied(const json_t *judgement)
{
	const json_t *srcs = json_object_get(judgement, "sources"), *src;
	size_t i;

	if (glean_rec_bool(judgement, "implied") >= 0)
		return glean_rec_bool(judgement, "implied");
	json_array_foreach(srcs, i, src)
		if (glean_rec_bool(src, "implied") != 1)
			return 0;
	return json_array_size(srcs) > 0;
}

const char *
glean_record_roles(struct glean_buf *b, const json_t *subject,
    const char *name)
{
	const json_t *p, *role;
	size_t i, k;
	int n = 0;

	glean_buf_reset(b);
	json_array_foreach(json_object_get(subject, "people"), i, p) {
		const char *who = glean_rec_str(p, "name");

		if (!name || !who || strcmp(who, name) != 0)
			continue;
		json_array_foreach(json_object_get(p, "roles"), k, role) {
			if (!json_string_value(role))
				continue;
			if (n++)
				glean_buf_add(b, ", ", 2);
			glean_buf_add(b, json_string_value(role),
			    strlen(json_string_value(role)));
		}
	}
	return n ? b->s : NULL;	/* a glean_buf is NUL-terminated */
}
