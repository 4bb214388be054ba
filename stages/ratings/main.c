/* See LICENSE file for copyright and license details. */
/* main.c: glean-ratings, find inspection judgements in each document */

#include "ratings.h"

/* The judgements in the text of d, in text order. */
static json_t *
rate(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *pub = glean_field(doc, "published"), **v, *sorted;
	const struct span *mainauth;
	size_t i, n, mark;
	int also;

	d->published = json_is_string(pub) ? json_string_value(pub) : NULL;
	glean_offsets_init(&d->off, d->text, d->len);
	find_words(c, d);
	d->out = json_array();
	find_sentences(d, doc);
	word_sentences(d);
	find_roles(c, d);
	/* Areas never overlap: one pattern, the earlier row first */
	find_family(d, &c->area_family, &d->areas);
	spans_index(&d->areas);
	for (i = 0; i < c->ninsp; i++)
		find_regex(c, d, c->insp[i].re, (int)i, &d->insp, 0);
	spans_index(&d->insp);
	find_authorities(c, d, doc);
	find_dates(c, d, doc);
	spans_index(&d->dates);
	bysent_init(&d->sareas, d, &d->areas, 0);
	bysent_init(&d->sinsp, d, &d->insp, 0);
	bysent_init(&d->sauth, d, &d->auth, 0);
	bysent_init(&d->sdates, d, &d->dates, 1);
	find_topic(c, d);
	find_event_years(d);
	auth_byend_init(d);
	orgs_of_areas(d);
	d->board_fallback = -2;
	mainauth = d->mainauth = main_authority(c, d);
	for (i = 0; d->topic && i < d->nsent; i++) {
		mark = json_array_size(d->out);
		also = 0;
		sentence_rating(c, d, i, mainauth, &also);
		for (n = mark; also && n < json_array_size(d->out); n++)
			if (!strcmp(str(json_array_get(d->out, n),
			    "subject_kind"), "board"))
				json_object_set_new(json_array_get(d->out, n),
				    "also", json_true());
	}
	add_implied(d, c);
	n = json_array_size(d->out);
	v = glean_calloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(d->out, i));
	if (n > 1)
		qsort(v, n, sizeof(*v), rating_cmp);
	sorted = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(sorted, v[i]);
	free(v);
	return sorted;
}

/* Free one document's working state (not its text). */
static void
doc_free(struct doc *d)
{
	json_decref(d->out);
	free(d->w);
	glean_buf_free(&d->lows);
	free(d->sent);
	free(d->areas.v);
	free(d->auth.v);
	free(d->dates.v);
	free(d->insp.v);
	free(d->orgs.v);
	free(d->event_years);
	free(d->areas.minend);
	free(d->auth.minend);
	free(d->dates.minend);
	free(d->insp.minend);
	bysent_free(&d->sareas);
	bysent_free(&d->sinsp);
	bysent_free(&d->sauth);
	bysent_free(&d->sdates);
	free(d->auth_byend);
	free(d->org_of_area);
	glean_offsets_free(&d->off);
}

/*
 * glean_tail_fn: append "ratings":[...] to tail as JSON text; never
 * fails.  Most documents may not rate: their empty layer is written
 * here at once, with no jansson value made and dumped for it; the
 * others' is dumped as glean_run() writes a value a stage sets.
 */
static int
process(json_t *doc, void *vc, struct glean_buf *tail, char **err)
{
	const struct ctx *c = vc;
	json_t *t = json_object_get(doc, "text"), *r;
	struct doc d;

	(void)err;
	memset(&d, 0, sizeof(d));
	d.text = json_string_value(t);
	d.len = json_string_length(t);
	if (!may_rate(c, &d)) {
		glean_buf_add(tail, "\"ratings\":[]", 12);
	} else {
		glean_buf_add(tail, "\"ratings\":", 10);
		r = rate(c, &d, doc);
		glean_buf_add_json(tail, r);
		json_decref(r);
	}
	doc_free(&d);
	return 0;
}

static const char *const reads[] = { "sentences", "entities",
    "dates", "published", NULL }, *const writes[] = { "ratings", NULL };
static struct ctx stage_ctx;
/*
 * The stage as glean_main and glean-chain run it: the layers it reads are
 * decoded only for the few documents that may rate; its own is written
 * by process() as text.
 */
const struct glean_program glean_program_ratings = {
	{ .name = "ratings", .process_tail = process, .writes = writes,
	    .ctx = &stage_ctx, .reads = reads,
	    .reads_on_demand = 1, .reads_unchanged = 1 },
	"[OPTION]... [FILE]...",
	"Add the \"ratings\" layer: inspection judgements with subject, "
	"area, grade\nand date.",
	NULL, NULL, NULL, NULL, ctx_init, ctx_free
};

/*
 * glean-ratings: options, lexicons, then the stream; exit status as
 * glean(1).
 */
GLEAN_STAGE_MAIN(ratings)
