/* See LICENSE file for copyright and license details. */
/*
 * record.c - reading knowledge records.
 *
 * A record is read as text, value by value, never whole as jansson
 * values (which take about 15 times the text): objects are listed by
 * the stream's scanner, arrays walked item by item, and only the small
 * values (a name, a grade, a source) are read by jansson, one at a time.
 */

#include <stdlib.h>
#include <string.h>

#include "merge.h"

static int
valid_source(json_t *src)
{
	return json_is_object(src) && str(src, "doc") &&
	    json_is_integer(json_object_get(src, "start")) &&
	    json_is_integer(json_object_get(src, "end"));
}

/* A fact of a record being read: where its sources go. */
struct rfact {
	struct merge *mg;
	struct subject *s;
	int tab;		/* T_R ... T_F */
	const char *a, *b;	/* R: area, grade; M: currency, per;
				 * P: name; Q, F: text */
	double value;		/* M */
	const char *qkey;	/* Q, F: the text's key (normtext) */
};

/* Add the sources of the fact object jf (a record's) to rf's fact.  A
 * quotation's text belongs to its first source. */
static void
record_sources(const struct glean_jfields *jf, const struct rfact *rf)
{
	const char *it, *end, *item;
	size_t n;
	json_t *z;
	int first = 1;

	if (!field_array(jf, "sources", &it, &end))
		return;
	while (array_next(&it, end, &item, &n)) {
		z = small_json(item, n);
		if (!valid_source(z)) {
			json_decref(z);
			continue;
		}
		switch (rf->tab) {
		case T_R:
			add_rating(rf->s, rf->a, rf->b, str(z, "when"),
			    record_source(rf->mg, z, G_WHEN));
			break;
		case T_M:
			add_money(rf->mg, rf->s, rf->value, rf->a, rf->b,
			    record_source(rf->mg, z, G_CONTEXT));
			break;
		case T_P:
			add_person(rf->s, rf->a,
			    record_source(rf->mg, z, G_ROLE));
			break;
		default:
			if (*rf->qkey)
				fact_add(fact(rf->s, rf->tab, rf->qkey,
				    strlen(rf->qkey)),
				    record_source(rf->mg, z, G_SPEAKER),
				    first ? rf->a : NULL);
			break;
		}
		first = 0;
		json_decref(z);
	}
}

/* The string fields a and b of jf into x and y (fresh jansson values to
 * decref); returns whether a is a string, and b when must_b. */
static int
fact_strings(const struct glean_jfields *jf, const char *a, const char *b,
    json_t **x, json_t **y, int must_b)
{
	*x = field_value(jf, a);
	*y = b ? field_value(jf, b) : NULL;
	return json_is_string(*x) && (!must_b || json_is_string(*y));
}

/*
 * The facts of table tab of subject s from the array field name of the
 * subject object sj: for the judgements of inspections, the array of
 * the inspections' "judgements".
 */
static void
record_facts(struct merge *mg, struct subject *s,
    const struct glean_jfields *sj, const char *name, int tab)
{
	static const char *const fields[NTAB][2] = {
		{ "area", "grade" }, { "currency", "per" }, { "name", NULL },
		{ "text", NULL }, { "text", NULL }
	};
	struct glean_jfields jf = { 0 };
	const char *it, *end, *item;
	size_t n;
	json_t *x, *y, *v;
	char *qkey;

	if (!field_array(sj, name, &it, &end))
		return;
	while (array_next(&it, end, &item, &n)) {
		if (glean_jscan_object(item, n, &jf) < 0)
			continue;
		if (!strcmp(name, "inspections")) {
			record_facts(mg, s, &jf, "judgements", T_R);
			continue;
		}
		v = tab == T_M ? field_value(&jf, "value") : NULL;
		if (fact_strings(&jf, fields[tab][0], fields[tab][1], &x, &y,
		    tab == T_R) && (tab != T_M || json_is_number(v))) {
			qkey = tab >= T_Q ? normtext(json_string_value(x),
			    json_string_length(x)) : NULL;
			record_sources(&jf, &(struct rfact){ mg, s, tab,
			    json_string_value(x), json_is_string(y) ?
			    json_string_value(y) : NULL,
			    v ? json_number_value(v) : 0, qkey });
			free(qkey);
		}
		json_decref(x);
		json_decref(y);
		json_decref(v);
	}
	free(jf.f);
}

/* A subject of a record, its text [p, p + n): its names and facts. */
static void
record_subject(struct merge *mg, const char *p, size_t n)
{
	struct glean_jfields jf = { 0 };
	json_t *kind, *code, *name, *aliases, *x;
	struct subject *s;
	size_t i;

	if (glean_jscan_object(p, n, &jf) < 0)
		return;
	kind = field_value(&jf, "kind");
	code = field_value(&jf, "code");
	name = field_value(&jf, "name");
	if (json_is_string(kind)) {
		s = subject(mg, json_string_value(kind), json_is_string(code) ?
		    json_string_value(code) : NULL, json_is_string(name) ?
		    json_string_value(name) : NULL);
		aliases = field_value(&jf, "aliases");
		json_array_foreach(aliases, i, x)
			if (json_is_string(x))
				add_alias(s, json_string_value(x));
		json_decref(aliases);
		record_facts(mg, s, &jf, "inspections", T_R);
		record_facts(mg, s, &jf, "money", T_M);
		record_facts(mg, s, &jf, "people", T_P);
		record_facts(mg, s, &jf, "quotes", T_Q);
		record_facts(mg, s, &jf, "findings", T_F);
	}
	json_decref(kind);
	json_decref(code);
	json_decref(name);
	free(jf.f);
}

/*
 * Take the knowledge record text[0..len) (one JSON object the scanner
 * accepted): its documents and the facts of its subjects.  Returns 0,
 * or -1 with *err (fresh) when it is not of this version.
 */
int
read_record(struct merge *mg, const char *text, size_t len, char **err)
{
	struct glean_jfields jf = { 0 };
	const char *it, *end, *item;
	size_t n;
	json_t *v, *d;

	glean_jscan_object(text, len, &jf);
	v = field_value(&jf, "glean_record");
	if (!json_is_integer(v) || json_integer_value(v) != RECORD_VERSION) {
		*err = glean_asprintf("knowledge record version %s is not %d",
		    json_is_integer(v) ? "other" : "missing", RECORD_VERSION);
		json_decref(v);
		free(jf.f);
		return -1;
	}
	json_decref(v);
	if (field_array(&jf, "documents", &it, &end))
		while (array_next(&it, end, &item, &n)) {
			d = small_json(item, n);
			if (json_is_object(d) && str(d, "id"))
				add_document(mg, d);
			json_decref(d);
		}
	if (field_array(&jf, "subjects", &it, &end))
		while (array_next(&it, end, &item, &n))
			record_subject(mg, item, n);
	free(jf.f);
	return 0;
}
