/* See LICENSE file for copyright and license details. */
/* subject.c: who was judged (councils, boards, trusts) */

#include <utf8proc.h>

#include "ratings.h"
#include "search.h"

/*
 * Fill d->auth from the entities layer (authorities; organisations to
 * d->orgs), else from authorities.tsv; add trusts; sort.
 */
void
find_authorities(const struct ctx *c, struct doc *d, json_t *doc)
{
	json_t *ents = glean_field(doc, "entities"), *e, *k, *nm, *cd;
	size_t i, s, en, a, len;
	long x;

	json_array_foreach(json_is_array(ents) ? ents : NULL, i, e) {
		k = json_object_get(e, "kind");
		if (!json_is_string(k) ||
		    (strcmp(json_string_value(k), "authority") &&
		    strcmp(json_string_value(k), "organisation")))
			continue;
		if (get_span(d, json_object_get(e, "start"),
		    json_object_get(e, "end"), &s, &en))
			continue;
		nm = json_object_get(e, "canonical");
		if (!json_is_string(nm) || !json_string_length(nm))
			nm = json_object_get(e, "text");
		if (!json_is_string(nm) || !json_string_length(nm))
			continue;
		if (!strcmp(json_string_value(k), "organisation")) {
			spans_add(&d->orgs, (struct span){ .s = s, .e = en,
			    .idx = -1, .name = json_string_value(nm) });
			continue;
		}
		cd = json_object_get(e, "code");
		spans_add(&d->auth, (struct span){ .s = s, .e = en,
		    .idx = -1, .name = json_string_value(nm),
		    .code = json_is_string(cd) ? json_string_value(cd) :
		    NULL });
	}
	if (d->auth.n || !c->auth_re)
		goto sort;
	/* No entities layer: the authorities lexicon. */
	find_regex(c, d, c->auth_re, -1, &d->auth, 0);
	for (i = 0; i < d->auth.n; i++) {
		struct span *sp = &d->auth.v[i];

		len = sp->e - sp->s;
		x = glean_dict_find(&c->auth_by_name, d->text + sp->s, len);
		if (x >= 0)
			a = (size_t)c->auth_by_name.val[x];
		else if (len >= 3 && (x = glean_dict_find(&c->auth_by_pre,
		    d->text + sp->s, 3)) >= 0)	/* across other white space */
			a = (size_t)c->auth_by_pre.val[x];
		else
			a = 0;
		sp->name = c->auth[a].canon;
		sp->code = c->auth[a].code;
	}
sort:
	find_trusts(c, d);
	spans_index(&d->auth);
}

struct nent {
	const char *name;
	size_t i;
};

/* qsort order of (name, index) pairs. */
static int
nent_cmp(const void *a, const void *b)
{
	const struct nent *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : x->i < y->i ? -1 : x->i > y->i;
}

/* The main authority: most mentions, then the earliest. */
const struct span *
main_authority(const struct ctx *c, const struct doc *d)
{
	struct nent *v;
	size_t i, j, n = d->auth.n, best = 0, bestn = 0;
	int ended, best_ended = 1;

	if (!n)
		return NULL;
	v = glean_calloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].name = d->auth.v[i].name;
		v[i].i = i;
	}
	qsort(v, n, sizeof(*v), nent_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(v[j].name, v[i].name); j++)
			;
		/* a council abolished before the article is not its main
		 * one while another is named */
		ended = ended_by(c, d->auth.v[v[i].i].code, d->published);
		if ((best_ended && !ended) || (ended == best_ended &&
		    (j - i > bestn || (j - i == bestn && v[i].i < best)))) {
			bestn = j - i;
			best = v[i].i;
			best_ended = ended;
		}
	}
	free(v);
	return &d->auth.v[best];
}

/* Had the council of GSS code ended by when ("YYYY", "YYYY-MM" or
 * longer; authorities.tsv's until column)?  0 when either is unknown. */
int
ended_by(const struct ctx *c, const char *code, const char *when)
{
	json_t *u = code && c->until_by_code ?
	    json_object_get(c->until_by_code, code) : NULL;

	return u && when && *when && strcmp(when, json_string_value(u)) >= 0;
}

/* Fill d->auth_byend: authority indices in (end, index) order. */
void
auth_byend_init(struct doc *d)
{
	size_t *ends = glean_calloc(d->auth.n + 1, sizeof(*ends));
	size_t i;

	for (i = 0; i < d->auth.n; i++)
		ends[i] = d->auth.v[i].e;
	d->auth_byend = glean_calloc(d->auth.n + 1, sizeof(size_t));
	glean_sort_keys(ends, d->auth_byend, d->auth.n);
	free(ends);
}

/* The first authority (in order) ending at byte e, or NULL. */
static const struct span *
auth_ending_at(const struct doc *d, size_t e)
{
	size_t lo = 0, hi = d->auth.n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (d->auth.v[d->auth_byend[m]].e < e)
			lo = m + 1;
		else
			hi = m;
	}
	if (lo < d->auth.n && d->auth.v[d->auth_byend[lo]].e == e)
		return &d->auth.v[d->auth_byend[lo]];
	return NULL;
}

/* qsort order of sizes, largest first. */
static int
size_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x > y ? -1 : x < y;
}

/* glean_lower_bound orders over ends sorted largest first. */
static int
end_above(const void *key, const void *end)
{
	return *(const size_t *)end > *(const size_t *)key;
}

static int
end_at_least(const void *key, const void *end)
{
	return *(const size_t *)end >= *(const size_t *)key;
}

/* Fenwick tree of least indices fw[1..n]: index v at position p. */
static void
fenwick_min_add(long *fw, size_t n, size_t p, long v)
{
	for (; p <= n; p += p & -p)
		if (fw[p] < 0 || fw[p] > v)
			fw[p] = v;
}

/* The least index at positions 1..p, or -1. */
static long
fenwick_min(const long *fw, size_t p)
{
	long best = -1;

	for (; p > 0; p -= p & -p)
		if (fw[p] >= 0 && (best < 0 || fw[p] < best))
			best = fw[p];
	return best;
}

/*
 * For each area span, the first organisation (in layer order) holding
 * it, or -1: a sweep by start with a Fenwick tree of least indices over
 * the ends, largest first.
 */
void
orgs_of_areas(struct doc *d)
{
	size_t no = d->orgs.n, na = d->areas.n, i, j, ne = 0, p;
	size_t *starts, *bystart, *ends;
	long *fw;

	d->org_of_area = glean_calloc(na + 1, sizeof(long));
	for (i = 0; i < na; i++)
		d->org_of_area[i] = -1;
	if (!no || !na)
		return;
	starts = glean_calloc(no, sizeof(*starts));
	bystart = glean_calloc(no, sizeof(*bystart));
	ends = glean_calloc(no, sizeof(*ends));
	for (i = 0; i < no; i++) {
		starts[i] = d->orgs.v[i].s;
		ends[i] = d->orgs.v[i].e;
	}
	glean_sort_keys(starts, bystart, no);
	qsort(ends, no, sizeof(*ends), size_desc);
	for (i = 0; i < no; i++)
		if (!ne || ends[ne - 1] != ends[i])
			ends[ne++] = ends[i];
	fw = glean_calloc(ne + 1, sizeof(*fw));
	for (p = 0; p <= ne; p++)
		fw[p] = -1;
	for (i = 0, j = 0; i < na; i++) {
		const struct span *a = &d->areas.v[i];

		/* the end of the org starting j-th at its position among
		 * the ends, from 1 */
		for (; j < no && starts[j] <= a->s; j++)
			fenwick_min_add(fw, ne, glean_lower_bound(
			    &d->orgs.v[bystart[j]].e, ends, ne, sizeof *ends,
			    end_above) + 1, (long)bystart[j]);
		/* the least index among the ends >= a->e */
		d->org_of_area[i] = fenwick_min(fw, glean_lower_bound(&a->e,
		    ends, ne, sizeof *ends, end_at_least));
	}
	free(fw);
	free(ends);
	free(bystart);
	free(starts);
}

/*
 * A board's proper name, or NULL: an organisation entity covering the
 * match, else the match (capitalised) extended back over an authority
 * named just before it ("Wirral Local Safeguarding Children Board").
 */
static char *
board_name(const struct doc *d, const struct span *a, size_t *bs)
{
	const struct span *x, *best = NULL;
	size_t s = a->s, v;
	long o = d->org_of_area[a - d->areas.v];

	if (o >= 0) {
		*bs = d->orgs.v[o].s;
		return glean_strdup(d->orgs.v[o].name);
	}
	if (!is_upper_at(d, a->s))
		return NULL;
	/* the first authority ending at most 4 bytes before */
	for (v = s >= 4 ? s - 4 : 0; v <= s; v++)
		if ((x = auth_ending_at(d, v)) && (!best || x < best))
			best = x;
	if (best)
		s = best->s;
	*bs = s;
	return glean_strndup(d->text + s, a->e - s);
}

/*
 * The board judged at area span a: its name (fresh), the council it
 * belongs to in *ba, and *rs moved back to the start of its name.
 */
char *
board_subject(const struct ctx *c, struct doc *d, const struct span *a,
    size_t lo, size_t *rs, const struct span **ba)
{
	size_t bs = *rs, z;
	char *bn = board_name(d, a, &bs);
	const struct span *x;

	/* "the safeguarding board": the board's name elsewhere (the first
	 * board area that has one, found once) */
	if (!bn && d->board_fallback == -2) {
		d->board_fallback = -1;
		for (z = 0; !bn && z < d->areas.n; z++)
			if (c->areas[d->areas.v[z].idx].board &&
			    (bn = board_name(d, &d->areas.v[z], &bs)))
				d->board_fallback = (long)z;
	} else if (!bn && d->board_fallback >= 0)
		bn = board_name(d, &d->areas.v[d->board_fallback], &bs);
	if (bn && bs < *rs && bs >= lo)
		*rs = bs;
	/* the last authority within the name */
	if (bn && (x = last_ending(&d->auth, bs + strlen(bn))) &&
	    x->s >= bs)
		*ba = x;
	if (!bn)
		bn = glean_asprintf("%s LSCB", *ba ? (*ba)->name : "unknown");
	return bn;
}

/* Make sp stand for trust t: its council, the trust in via. */
static void
trust_span(struct span *sp, const struct named *t)
{
	sp->name = t->canon;
	sp->code = t->code;
	sp->via = t->name;
	sp->idx = -1;
}

/* Add each trust of trusts.tsv named in the text to d->auth as its
 * council, with the trust in via; when the text names one trust only,
 * its references back ("the trust", trust-refs.tsv) too. */
void
find_trusts(const struct ctx *c, struct doc *d)
{
	size_t k, n0 = d->auth.n, n1;
	const struct named *t, *one = NULL;
	int several = 0;

	find_family(d, &c->trust_family, &d->auth);
	for (k = n0; k < d->auth.n; k++) {
		t = &c->trusts[d->auth.v[k].idx];
		if (one && strcmp(one->code, t->code))
			several = 1;
		one = t;
		trust_span(&d->auth.v[k], t);
	}
	if (!one || several)
		return;
	n1 = d->auth.n;
	find_family(d, &c->trust_ref_family, &d->auth);
	for (k = n1; k < d->auth.n; k++)
		trust_span(&d->auth.v[k], one);
}

/* Does the document name children's services at all (a subject kind of
 * counts "topic")?  Sets d->topic. */
void
find_topic(const struct ctx *c, struct doc *d)
{
	d->topic = c->topic_family.re &&
	    glean_re_match(glean_re_jitted(c->topic_family.re), d->text,
	    d->len, 0, c->topic_family.md) > 0;
}

/* The last match of family f in bytes [lo, gs) of the text, or NULL
 * (in *kind, which the caller provides). */
static const struct span *
last_kind(const struct family *f, const struct doc *d, size_t lo, size_t gs,
    struct span *kind)
{
	PCRE2_SIZE *ov;
	size_t pos = lo;
	int found = 0;

	if (!f->re)
		return NULL;
	ov = pcre2_get_ovector_pointer(f->md);
	while (pos < gs && glean_re_match(glean_re_jitted(f->re), d->text, gs,
	    pos, f->md) > 0) {
		pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		if (ov[1] > ov[0]) {
			kind->s = ov[0];
			kind->e = ov[1];
			found = 1;
		}
	}
	return found ? kind : NULL;
}

/*
 * Is the grade of r given to something other than a council's children's
 * services: the nearest subject kind of counts "no" before it in its
 * sentence ("the children's centre ... was deemed inadequate") coming
 * after the last judgement area or trust named before it; or councils in
 * general (a kind of counts "general") in a sentence that names no
 * council before the grade?  The kinds are looked for only here, before a
 * judgement, not over the whole text.
 */
int
other_subject(const struct ctx *c, const struct doc *d,
    const struct reading *r)
{
	size_t i, gs = d->w[r->gi].s;
	const struct span *area, *x;
	struct span k;

	area = NULL;
	for (i = d->sareas.first[r->si + 1]; i-- > d->sareas.first[r->si];) {
		x = d->sareas.v[i];
		if (x->e <= gs && !c->areas[x->idx].generic &&
		    (!area || x->e > area->e))
			area = x;
	}
	x = bs_last_ending(&d->sauth, r->si, gs);
	if (x && x->via && (!area || x->e > area->e))
		area = x;
	/* only a kind after the last area counts, or one that holds the
	 * area ("fostering agency" holds the area "fostering") */
	if (last_kind(&c->kind_family, d, area ? area->s : r->lo, gs, &k) &&
	    (!area || k.e > area->e))
		return 1;
	/* a council outside England, with no English one after it */
	if (last_kind(&c->outside_family, d, r->lo, gs, &k) &&
	    (!(x = bs_last_ending(&d->sauth, r->si, gs)) || x->e <= k.s))
		return 1;
	/* councils in general ("three councils judged outstanding"): a
	 * grade for none of them when the sentence names no council before
	 * the grade (else the council is the subject: "Testshire is one of
	 * a handful of councils whose services perform poorly") */
	return last_kind(&c->general_family, d, area ? area->e : r->lo, gs,
	    &k) && !bs_last_ending(&d->sauth, r->si, gs);
}
