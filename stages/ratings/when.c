/* See LICENSE file for copyright and license details. */
/* when.c: the year of a judgement */

#include "ratings.h"

const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int
valid_date_value(const char *v)
{
	int i;

	for (i = 0; i < 4; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return v[4] == '\0' || v[4] == '-' || v[4] == '/';
}

void
find_dates(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *ds = glean_field(doc, "dates"), *e, *v, *t;
	size_t i, s, en;

	if (!json_is_array(ds)) {
		find_regex(c, d, c->year_re, -1, &d->dates, 0);
		return;
	}
	json_array_foreach(ds, i, e) {
		v = json_object_get(e, "value");
		t = json_object_get(e, "type");
		if (!json_is_string(v) ||
		    !valid_date_value(json_string_value(v)))
			continue;
		if (json_is_string(t) &&
		    (!strcmp(json_string_value(t), "duration") ||
		    !strcmp(json_string_value(t), "set")))
			continue;
		if (get_span(d, json_object_get(e, "start"),
		    json_object_get(e, "end"), &s, &en))
			continue;
		spans_add(&d->dates, (struct span){ .s = s, .e = en,
		    .idx = -1, .value = json_string_value(v),
		    .relative = json_is_true(json_object_get(e,
		    "relative")) });
	}
}

/* "2016-10/2016-11" -> "2016-11"; "2017-01-24" -> "2017-01". */
json_t *
when_of(const char *v)
{
	const char *slash = strchr(v, '/');
	char buf[8];
	size_t n;

	if (slash && valid_date_value(slash + 1))
		v = slash + 1;
	n = strcspn(v, "/");
	if (n > 7)
		n = 7;
	if (n != 4 && n != 7)
		n = 4;
	memcpy(buf, v, n);
	buf[n] = '\0';
	return json_string(buf);
}

/* Is date value v after the publication date? (compare what both have) */
int
after_published(const struct doc *d, const char *v)
{
	size_t n;

	if (!d->published || !valid_date_value(d->published))
		return 0;
	n = strcspn(d->published, "/");
	if (strcspn(v, "/") < n)
		n = strcspn(v, "/");
	return strncmp(v, d->published, n) > 0;
}
