/* See LICENSE file for copyright and license details. */
/*
 * glean-dates: find date expressions in each document's text, resolve
 * them against the publication date, and add
 * "dates": [{start, end, text, value, relative, type}] with "mod",
 * "interval" and "parts" where they apply.  Reads "text" and
 * "published" (YYYY, YYYY-MM or YYYY-MM-DD); when "published" is absent
 * it is inferred from the text and written with "published_inferred".
 * Works on the text directly, not on "tokens".  Month and weekday
 * names, units and the other words come from lexicons/.  How the
 * modules share the work: dates.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dates.h"

/* Take the memory of c's spare lists into d (emptied), or give d's
 * lists' back (give): a list of more than SPARE_MAX entries is freed
 * instead, and so is every list when c has no spare. */
static void
spare_lists(struct ctx *c, struct doc *d, int give)
{
	struct doc *s = c->spare;

	if (!s) {
		free(d->c);
		free(d->hit);
		free(d->start);
		free(d->closed);
		return;
	}
	if (!give) {
		d->c = s->c, d->cap = s->cap;
		d->hit = s->hit, d->hitcap = s->hitcap;
		d->start = s->start, d->startcap = s->startcap;
		d->closed = s->closed, d->closedcap = s->closedcap;
		memset(s, 0, sizeof *s);
		return;
	}
	if (d->cap > SPARE_MAX)
		free(d->c), d->c = NULL, d->cap = 0;
	if (d->hitcap > SPARE_MAX)
		free(d->hit), d->hit = NULL, d->hitcap = 0;
	if (d->startcap > SPARE_MAX)
		free(d->start), d->start = NULL, d->startcap = 0;
	if (d->closedcap > SPARE_MAX)
		free(d->closed), d->closed = NULL, d->closedcap = 0;
	*s = *d;
}

/* Adds "published" when inferred; the layer goes to tail as JSON text. */
static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	struct ctx *c = vctx;
	json_t *jt = json_object_get(doc, "text"), *jp;
	struct doc d = { 0 };
	struct anchor an = { 0 }, last = { 0 };
	struct glean_cp_cursor cur = { 0 };
	size_t i;
	int given = 0;

	(void)err;
	spare_lists(c, &d, 0);
	d.t = json_string_value(jt);
	d.n = json_string_length(jt);
	scan_windows(c, &d);
	select_cands(&d);
	join_ranges(c, &d);

	jp = json_object_get(doc, "published");
	if (json_is_string(jp) && parse_anchor(json_string_value(jp),
	    &an) == 0)
		given = 1;
	if (!given && infer_anchor(&d, &an) == 0) {
		char buf[16];

		fmt_at(buf, sizeof buf, an.y, an.m, an.d, prec(&an));
		json_object_set_new(doc, "published", json_string(buf));
		json_object_set_new(doc, "published_inferred", json_true());
	}
	cur.t = d.t;
	cur.n = d.n;
	last = an;
	glean_buf_add(tail, "\"dates\":[", 9);
	for (i = 0; i < d.nc; i++) {
		if (i)
			glean_buf_addc(tail, ',');
		emit_cand(c, &d, &d.c[i], &an, &last, &cur, tail);
	}
	glean_buf_addc(tail, ']');
	spare_lists(c, &d, 1);
	return 0;
}

/* -u, --us-dates: 5/3/18 is May 3. */
static int
option(void *vctx, int ch, const char *arg)
{
	(void)arg;
	if (ch != 'u')
		return 0;
	((struct ctx *)vctx)->usflag = 1;
	return 1;
}

static void
init(void *vctx, const char *lexdir)
{
	struct ctx *c = vctx;
	int usflag = c->usflag;	/* set by the options, before */

	ctx_init(c, lexdir);
	c->usflag = usflag;
}

static void
fini(void *vctx)
{
	ctx_free(vctx);
}

static const struct option longopts[] = {
	{ "us-dates", no_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 }
};
/* only "text" (and "published") is parsed; the other fields,
 * tokens above all, are copied through unread */
static const char *const reads[] = { "published", NULL };
static const char *const writes[] = { "dates", NULL };
static struct ctx stage_ctx;
/* The stage as glean_main and glean-chain run it. */
const struct glean_program glean_program_dates = {
	{ "dates", NULL, &stage_ctx, reads, process, writes },
	"[-u] [OPTION]... [FILE]...",
	"Add \"dates\": every date expression, resolved.",
	"  -u, --us-dates      read 5/3/18 as May 3 (default: 5 March)\n",
	"u", longopts, option, init, fini
};

GLEAN_STAGE_MAIN(dates)
