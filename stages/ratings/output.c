/* See LICENSE file for copyright and license details. */
/* output.c: rating records */

#include "ratings.h"

/* The when_basis names, by WHEN_*. */
static const char *const basis_names[] = { NULL, "stated", "relative",
    "published" };

/*
 * Append a rating of r to d->out: grade g, bytes [s, e) of the words it
 * came from, council au (subject subj when given, else au's name; the
 * trust that runs its services as run_by), kind skind, area, year y;
 * implied for a grade read from a change rather than written.
 */
void
add_rating(struct doc *d, const struct reading *r, const struct phrase *g,
    const struct span *au, const char *subj, const char *skind,
    const char *area, size_t s, size_t e, const struct year *y, int implied)
{
	json_t *o = json_object();

	if (!subj && au)
		subj = au->name;
	json_object_set_new(o, "start", json_integer(glean_cp(&d->off, s)));
	json_object_set_new(o, "end", json_integer(glean_cp(&d->off, e)));
	json_object_set_new(o, "subject", subj ? json_string(subj) :
	    json_null());
	json_object_set_new(o, "code", au && au->code ? json_string(au->code) :
	    json_null());
	json_object_set_new(o, "subject_kind", json_string(skind));
	if (au && au->via)
		json_object_set_new(o, "run_by", json_string(au->via));
	json_object_set_new(o, "area", json_string(area));
	json_object_set_new(o, "grade", json_string(g->grade));
	if (g == r->g && r->written)
		json_object_set_new(o, "grade_as_written",
		    json_string(r->written));
	if (strcmp(g->scale, "ofsted"))
		json_object_set_new(o, "scale", json_string(g->scale));
	json_object_set_new(o, "when", y->when[0] ? json_string(y->when) :
	    json_null());
	if (basis_names[y->basis])
		json_object_set_new(o, "when_basis",
		    json_string(basis_names[y->basis]));
	json_object_set_new(o, "inspectorate", r->insp ? json_string(r->insp) :
	    json_null());
	if (implied)
		json_object_set_new(o, "implied", json_true());
	json_object_set_new(o, "text", json_stringn(d->text + s, e - s));
	json_array_append_new(d->out, o);
}

/* qsort order of rating objects: by start, then area. */
int
rating_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t xs = json_integer_value(json_object_get(x, "start"));
	json_int_t ys = json_integer_value(json_object_get(y, "start"));

	if (xs != ys)
		return xs < ys ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "area")),
	    json_string_value(json_object_get(y, "area")));
}

/*
 * "The board is also judged to be inadequate": the "also" is about the
 * council's own services, so add the council's overall judgement when
 * the document states none for that year.
 */
void
add_implied(struct doc *d, const struct ctx *c)
{
	size_t i, n = json_array_size(d->out);
	const char *overall = c->areas[c->nareas - 1].name;
	json_t *have = json_object(), *first = json_object(), *x, *y;
	char year[6];

	/* The overall judgements stated: code -> {"y" year or "n": true} */
	for (i = 0; i < n; i++) {
		const char *c2, *w2;

		x = json_array_get(d->out, i);
		c2 = str(x, "code");
		w2 = str(x, "when");
		if (!c2 || strcmp(str(x, "subject_kind"), "authority") ||
		    strcmp(str(x, "area"), overall))
			continue;
		if (!(y = json_object_get(have, c2))) {
			y = json_object();
			json_object_set_new_nocheck(have, c2, y);
		}
		snprintf(year, sizeof(year), "%s%.4s", w2 ? "y" : "n",
		    w2 ? w2 : "");
		json_object_set_new_nocheck(y, year, json_true());
	}
	/* The first authority mention of each code. */
	for (i = 0; i < d->auth.n; i++)
		if (d->auth.v[i].code &&
		    !json_object_get(first, d->auth.v[i].code))
			json_object_set_new_nocheck(first, d->auth.v[i].code,
			    json_integer((json_int_t)i));
	for (i = 0; i < n; i++) {
		json_t *r = json_array_get(d->out, i), *nr, *ix;
		const char *code = str(r, "code"), *when = str(r, "when");
		const struct span *a;

		if (!json_is_true(json_object_get(r, "also")) || !code)
			continue;
		snprintf(year, sizeof(year), "%s%.4s", when ? "y" : "n",
		    when ? when : "");
		if ((y = json_object_get(have, code)) &&
		    json_object_get(y, year))
			continue;
		if (!(ix = json_object_get(first, code)))
			continue;
		a = &d->auth.v[json_integer_value(ix)];
		nr = json_deep_copy(r);
		json_object_set_new(nr, "subject", json_string(a->name));
		json_object_set_new(nr, "subject_kind",
		    json_string("authority"));
		json_object_set_new(nr, "area", json_string(overall));
		json_object_set_new(nr, "implied", json_true());
		json_array_append_new(d->out, nr);
	}
	for (i = 0; i < json_array_size(d->out); i++)
		json_object_del(json_array_get(d->out, i), "also");
	json_decref(have);
	json_decref(first);
}
