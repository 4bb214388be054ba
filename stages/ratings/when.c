/* See LICENSE file for copyright and license details. */
/* when.c: the year of a judgement */

#include "ratings.h"

/* The string member k of object o, or NULL. */
const char *
str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Does date value v start with a year (YYYY, YYYY-..., YYYY/...)? */
int
valid_date_value(const char *v)
{
	int i;

	for (i = 0; i < 4; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return v[4] == '\0' || v[4] == '-' || v[4] == '/';
}

/*
 * Fill d->dates from the dates layer (no durations or sets), else with
 * four-digit years.
 */
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

/* "2016-10/2016-11" -> "2016-11"; "2017-01-24" -> "2017-01", in buf. */
static void
when_text(const char *v, char buf[8])
{
	const char *slash = strchr(v, '/');
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

/* Does date x start a period ("since April 2017", "since its formation
 * last year"): an onset word at most three words before it, and no
 * anchor ("when") right after it? */
static int
onset(const struct doc *d, const struct span *x)
{
	size_t k = word_from(d, x->s), j;

	for (j = k; j-- > 0 && j + 3 >= k && d->w[j].sent == d->w[k].sent;)
		if (d->w[j].role & R_ONSET)
			break;
	if (j == (size_t)-1 || j + 3 < k || d->w[j].sent != d->w[k].sent)
		return 0;
	/* "since 2012, when it was graded adequate": the date is the
	 * judgement's */
	k = word_from(d, x->e);
	return !(k < d->nw && d->w[k].sent == d->w[j].sent &&
	    (d->w[k].role & R_ANCHOR));
}

/* Collect the years of dates in sentences that name an inspection or
 * hold a rating verb: d->event_years, (year, sentence) pairs. */
void
find_event_years(struct doc *d)
{
	size_t si, k, i;
	int event;

	d->event_years = glean_calloc(2 * d->dates.n + 2, sizeof(int));
	for (si = 0; si < d->nsent; si++) {
		event = 0;
		for (k = word_from(d, d->sent[2 * si]); !event && k < d->nw &&
		    d->w[k].sent == si; k++)
			event = (d->w[k].role & (R_EVENT | R_VERB)) != 0;
		for (i = d->sdates.first[si]; event &&
		    i < d->sdates.first[si + 1]; i++) {
			const struct span *x = d->sdates.v[i];
			const char *v = x->value ? x->value : d->text + x->s;

			if (onset(d, x))
				continue;
			d->event_years[2 * d->nevent_years] = atoi(v);
			d->event_years[2 * d->nevent_years + 1] = (int)si;
			d->nevent_years++;
		}
	}
}

/*
 * The year of the inspection an article names last before year before,
 * outside sentence si ("the previous inspection in 2019"), into y with
 * basis relative: 1, or 0 when there is none.
 */
int
earlier_year(const struct doc *d, size_t si, int before, struct year *y)
{
	size_t i;
	int best = 0, yr;

	for (i = 0; i < d->nevent_years; i++) {
		yr = d->event_years[2 * i];
		if ((size_t)d->event_years[2 * i + 1] != si && yr < before &&
		    yr > best)
			best = yr;
	}
	if (!best)
		return 0;
	snprintf(y->when, sizeof(y->when), "%04d", best);
	y->basis = WHEN_RELATIVE;
	return 1;
}

/* Is there no clause break (a stop word or a line break; after the
 * grade, with from_stops, also "from", a comma or a semicolon) between
 * bytes from and to of sentence si? */
static int
same_clause(const struct doc *d, size_t si, size_t from, size_t to,
    int from_stops)
{
	size_t k;

	for (k = word_from(d, from); k < d->nw && d->w[k].sent == si &&
	    d->w[k].e <= to; k++)
		if ((d->w[k].role & R_STOP) ||
		    (from_stops && (d->w[k].role & R_FROM)))
			return 0;
	/* after the grade, a comma or semicolon ends its clause too; a line
	 * break always does (lists, tables and headlines) */
	for (k = from; k < to; k++)
		if (d->text[k] == '\n' || (from_stops && (d->text[k] == ',' ||
		    d->text[k] == ';')))
			return 0;
	return 1;
}

/* Is there an inspection word (rating-verbs.tsv, "event") among the
 * words in bytes [from, to)? */
static int
event_between(const struct doc *d, size_t from, size_t to)
{
	size_t k;

	for (k = word_from(d, from); k < d->nw && d->w[k].e <= to; k++)
		if (d->w[k].role & R_EVENT)
			return 1;
	return 0;
}

/* The date of r's clause: the first within DATE_AFTER words after the
 * grade with no "from" between ("rated inadequate in 2015"), else the
 * last before it ("In 2013 ... were rated") unless r is the earlier grade
 * of a change or the date starts a period ("since its formation last
 * year"); or NULL. */
static const struct span *
clause_date(const struct doc *d, const struct reading *r)
{
	const struct span *x = bs_first_from(&d->sdates, r->si, d->w[r->ge].e);
	size_t gs = d->w[r->gi].s, op;

	if (x && word_from(d, x->s) <= r->ge + 1 + DATE_AFTER &&
	    same_clause(d, r->si, d->w[r->ge].e, x->s, 1))
		return x;
	if (r->past & PAST_FROM)
		return NULL;
	x = bs_last_ending(&d->sdates, r->si, gs);
	/* "from 'inadequate' in 2014 to 'good'": 2014 is the earlier's */
	if (x && r->after_from && x->s >= r->prevend)
		return NULL;
	/* not a date inside a relative clause before the grade ("X, which
	 * replaced the county council in April last year, was rated"),
	 * unless the clause tells of the inspection ("X, which was
	 * inspected last year, is rated outstanding") */
	if (x && (op = relative_opener(d, r->si, x->s, x->e, gs)) !=
	    NO_OPENER && !event_between(d, op, gs))
		return NULL;
	if (x && !onset(d, x) && same_clause(d, r->si, x->e, gs, 0))
		return x;
	return NULL;
}

/*
 * The years of r's judgement, in out (at most max): its clause's date and
 * those listed with it ("in 2011, 2013 and 2015"), stated or relative;
 * else, for an earlier judgement, the article's last earlier inspection;
 * else the publication date.  Returns how many; 0 when an earlier
 * judgement has no year (it is then left out).
 */
size_t
judgement_years(const struct doc *d, const struct reading *r,
    struct year *out, size_t max)
{
	const struct span *dt = clause_date(d, r), *list[MAXLIST];
	int pub = d->published && valid_date_value(d->published) ?
	    atoi(d->published) : 10000;
	size_t n, i;

	/* an earlier judgement is not dated by "published today" */
	if (dt && r->past && atoi(dt->value ? dt->value : d->text + dt->s) >=
	    pub)
		dt = NULL;
	if (dt) {
		n = coordinated(d, &d->sdates, r->si, dt, list,
		    max < MAXLIST ? max : MAXLIST);
		for (i = 0; i < n; i++) {
			if (list[i]->value)
				when_text(list[i]->value, out[i].when);
			else
				snprintf(out[i].when, sizeof(out[i].when),
				    "%.4s", d->text + list[i]->s);
			out[i].basis = list[i]->relative ? WHEN_RELATIVE :
			    WHEN_STATED;
		}
		return n;
	}
	if (r->past)
		return earlier_year(d, r->si, pub, &out[0]);
	out[0].when[0] = '\0';
	out[0].basis = WHEN_NONE;
	if (d->published && valid_date_value(d->published)) {
		when_text(d->published, out[0].when);
		out[0].basis = WHEN_PUBLISHED;
	}
	return 1;
}
