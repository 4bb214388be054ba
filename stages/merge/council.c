/* See LICENSE file for copyright and license details. */
/*
 * council.c - which council a fact belongs to: the document's authority
 * mentions, its main council and topics, the sentence or paragraph
 * around a fact, boilerplate, and the evidence sentence.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "search.h"

static int
mcmp(const void *a, const void *b)
{
	const struct ment *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* Mentions by name, then position. */
static int
namecmp(const void *a, const void *b)
{
	const struct ment *x = *(const struct ment *const *)a;
	const struct ment *y = *(const struct ment *const *)b;
	int r = strcmp(x->name, y->name);

	return r ? r : x < y ? -1 : x > y;
}

/* Mentions with a code by code, then position; those without last. */
int
codecmp(const void *a, const void *b)
{
	const struct ment *x = *(const struct ment *const *)a;
	const struct ment *y = *(const struct ment *const *)b;
	int r;

	if (!x->code || !y->code)
		r = !x->code - !y->code;
	else
		r = strcmp(x->code, y->code);
	return r ? r : x < y ? -1 : x > y;
}

/*
 * The main mention of ms[0..nm): its name has most mentions; of equals,
 * the earliest.  *bestn is 0 when there is none.  Scratch in a.
 */
static void
main_mention(struct glean_arena *a, struct ment *ms, size_t nm, size_t *best,
    size_t *bestn)
{
	struct ment **v = arena_calloc(a, nm + 1, sizeof(*v));
	size_t i, j, first;

	*best = *bestn = 0;
	for (i = 0; i < nm; i++)
		v[i] = &ms[i];
	qsort(v, nm, sizeof(*v), namecmp);
	for (i = 0; i < nm; i = j) {
		for (j = i + 1; j < nm && !strcmp(v[j]->name, v[i]->name); j++)
			;
		first = (size_t)(v[i] - ms);
		if (j - i > *bestn || (j - i == *bestn && first < *best)) {
			*bestn = j - i;
			*best = first;
		}
	}
}

/* The subject of facts about no council. */
struct subject *
unknown_subject(struct rdoc *d)
{
	/* the same subject for every document: looked up once a run */
	if (!d->mg->unknown_s)
		d->mg->unknown_s = subject(d->mg, "unknown", NULL, NULL);
	return d->mg->unknown_s;
}

/*
 * The document's authority mentions (d->ms, by position), and its main
 * council: the authority mentioned most, else (none among the entities)
 * the council most rated.  Nothing is attached here.
 */
void
find_council(struct rdoc *d, const struct glean_jv *ratings)
{
	const struct glean_jv *e;
	const struct efields *f;
	size_t s, en, best, bestn, i;
	struct map counts = { 0 };
	struct slot *sl;

	for (i = 0; i < d->nef; i++) {
		f = &d->ef[i];
		if (!f->kind || !str_is(f->kind, "authority") || !f->canonical ||
		    !*f->canonical || span_of(f->start, f->end, d->lim, &s, &en))
			continue;
		d->ms[d->nm++] = (struct ment){ s, en, f->canonical, f->code,
		    f->text, d->notext ? 0 : cp_byte(&d->m, s) };
	}
	if (d->nm > 1)
		qsort(d->ms, d->nm, sizeof(*d->ms), mcmp);
	main_mention(&d->mg->scratch, d->ms, d->nm, &best, &bestn);
	if (bestn)
		ratings = NULL;
	for (e = ratings; e; e = e->next) {
		const char *sn = glean_jv_str(e, "subject");

		if (sn) {
			sl = map_find(&counts, sn, 1);
			sl->val = (void *)((uintptr_t)sl->val + 1);
		}
	}
	for (e = ratings; e; e = e->next) {
		const char *sk = glean_jv_str(e, "subject_kind");
		const char *sn = glean_jv_str(e, "subject");
		size_t n;

		if (!sn || (sk && !str_is(sk, "authority")))
			continue;
		n = (size_t)(uintptr_t)map_find(&counts, sn, 0)->val;
		if (n > bestn) {
			bestn = n;
			d->ms[0] = (struct ment){ 0, 0, sn,
			    glean_jv_str(e, "code"), NULL, 0 };
			best = 0;
			d->nm = 0;
		}
	}
	map_free(&counts, NULL);
	if (!bestn)
		return;
	d->main_name = d->ms[best].name;
	d->main_code = d->ms[best].code;
}

/* The longest evidence sentence kept, in bytes; a longer one is cut
 * around the fact, at whole characters, with an ellipsis. */
#define EVIDENCE_MAX 300

/*
 * The sentence holding code points [s, e) of the document, trimmed of
 * white space, at most about EVIDENCE_MAX bytes (cut around the fact):
 * the `evidence` an analyst reads beside a fact.  Returns a string the
 * caller frees, or NULL when the document's text was not kept.
 */
char *
evidence_of(const struct rdoc *d, size_t s, size_t e)
{
	size_t bs, be, a, b, half;
	struct glean_buf out = { 0 };
	int cut_a = 0, cut_b = 0;

	if (d->notext)
		return NULL;
	bs = cp_byte(&d->m, s);
	be = cp_byte(&d->m, e);
	context_of(d->text, d->len, bs, be, 0, &a, &b);
	while (a < bs && (d->text[a] == ' ' || d->text[a] == '\t'))
		a++;
	while (b > be && (d->text[b - 1] == ' ' || d->text[b - 1] == '\t'))
		b--;
	if (b - a > EVIDENCE_MAX) {
		half = EVIDENCE_MAX / 2;
		if (bs - a > half) {
			a = bs - half;
			cut_a = 1;
		}
		if (b - a > EVIDENCE_MAX) {
			b = (a + EVIDENCE_MAX > be) ? a + EVIDENCE_MAX : be;
			cut_b = b < d->len;
		}
		/* whole characters: off continuation bytes */
		while (a < bs && ((unsigned char)d->text[a] & 0xC0) == 0x80)
			a++;
		while (b > be && b < d->len &&
		    ((unsigned char)d->text[b] & 0xC0) == 0x80)
			b--;
	}
	if (cut_a)
		glean_buf_add(&out, "\xe2\x80\xa6", 3);  /* U+2026 */
	glean_buf_add(&out, d->text + a, b - a);
	if (cut_b)
		glean_buf_add(&out, "\xe2\x80\xa6", 3);  /* U+2026 */
	return out.s ? out.s : glean_strdup("");	/* NUL-terminated */
}

/* glean_lower_bound orders, the key a size_t offset x. */
static int
starts_before(const void *x, const void *m)	/* mention starts before x */
{
	return ((const struct ment *)m)->bs < *(const size_t *)x;
}

static int
ends_by(const void *x, const void *sp)		/* span ends by x */
{
	return ((const struct span *)sp)->e <= *(const size_t *)x;
}

static int
code_before(const void *code, const void *m)	/* mention's code < code */
{
	return strcmp((*(struct ment *const *)m)->code, code) < 0;
}

/*
 * The council mention in bytes [a, b) of the document: one of the
 * article's council if there is one, else the nearest to byte at; NULL
 * when none.
 */
static const struct ment *
mention_in(const struct rdoc *d, size_t a, size_t b, size_t at)
{
	const struct ment *best = NULL;
	size_t lo = glean_lower_bound(&a, d->ms, d->nm, sizeof *d->ms,
	    starts_before), dist, bestd = (size_t)-1;

	for (; lo < d->nm && d->ms[lo].bs < b; lo++) {
		const struct ment *m = &d->ms[lo];

		if (!m->code && !m->name)
			continue;
		if (d->about_code && m->code && !strcmp(m->code, d->about_code))
			return m;
		dist = m->bs > at ? m->bs - at : at - m->bs;
		if (dist < bestd) {
			bestd = dist;
			best = m;
		}
	}
	return best;
}

/* Does the fact at code points [s, e) overlap a boilerplate span?  The
 * spans are sorted and disjoint (read_topics). */
static int
in_boilerplate(const struct rdoc *d, size_t s, size_t e)
{
	/* the first span ending after s */
	size_t lo = glean_lower_bound(&s, d->bp, d->nbp, sizeof *d->bp,
	    ends_by);

	return lo < d->nbp && d->bp[lo].s < e;
}

static int
spancmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* The subject of the council a mention names, with the document's
 * mentions of its code as aliases (once per code and document). */
struct subject *
mention_subject(struct rdoc *d, const char *code, const char *name)
{
	struct subject *s;
	size_t i;

	if (d->last_s && code == d->last_code && name == d->last_name)
		return d->last_s;
	s = subject(d->mg, "authority", code, name);
	d->last_code = code;
	d->last_name = name;
	if (s == d->last_s)
		return s;
	d->last_s = s;
	for (i = 0; i < d->nm; i++)
		if (d->ms[i].text && ((code && d->ms[i].code &&
		    !strcmp(d->ms[i].code, code)) || (!code &&
		    !strcmp(d->ms[i].name, name))))
			add_alias(s, d->ms[i].text);
	return s;
}

/*
 * The subject of a fact at code points [s, e) and the evidence for it
 * (*basis): a council named or referred to in the same sentence
 * ("sentence") or paragraph ("paragraph"), else the council the article
 * is about ("article"), else "unknown" (*basis NULL).  NULL: the fact
 * lies in boilerplate and is not taken.
 */
struct subject *
fact_subject(struct rdoc *d, size_t s, size_t e, const char **basis)
{
	const struct ment *m = NULL;
	size_t bs, be, a, b;
	int para;

	*basis = NULL;
	if (in_boilerplate(d, s, e))
		return NULL;
	if (!d->notext && d->nm) {
		bs = cp_byte(&d->m, s);
		be = cp_byte(&d->m, e);
		for (para = 0; para < 2 && !m; para++) {
			context_of(d->text, d->len, bs, be, para, &a, &b);
			if ((m = mention_in(d, a, b, bs)))
				*basis = para ? "paragraph" : "sentence";
		}
		if (m)
			return mention_subject(d, m->code, m->name);
	}
	if (d->about_name || d->about_code) {
		*basis = "article";
		return mention_subject(d, d->about_code, d->about_name);
	}
	return unknown_subject(d);
}

/*
 * What the document's layers say it is about: the council of its topics
 * layer, whether it names an inspectorate or is about an inspection
 * (findings need one), its boilerplate spans.  A document without a
 * topics layer (written by hand, or by an older glean-entities) is about
 * the council find_council chose, as before the layer existed.  t and
 * bp: the document's topics and boilerplate layers (NULL when absent).
 */
void
read_topics(struct rdoc *d, const struct glean_jv *t,
    const struct glean_jv *bp)
{
	const struct glean_jv *subj, *e;
	size_t s, en, i, k;

	if (!t || t->type != GLEAN_JV_OBJ) {
		d->findings_ok = 1;
		if (d->main_name) {
			d->about_name = d->main_name;
			d->about_code = d->main_code;
		}
	} else {
		d->findings_ok = glean_jv_get(t, "inspectorate") ||
		    glean_jv_get(t, "inspection");
		subj = glean_jv_get(glean_jv_get(t, "council"), "subject");
		if (subj && glean_jv_str(subj, "name")) {
			d->about_name = glean_jv_str(subj, "name");
			d->about_code = glean_jv_str(subj, "code");
		}
	}
	if (!bp || bp->type != GLEAN_JV_ARR)
		return;
	d->bp = glean_arena_alloc(&d->mg->scratch,
	    (bp->len + 1) * sizeof(*d->bp));
	for (e = glean_jv_items(bp); e; e = e->next)
		if (!get_cp_span(e, d->lim, &s, &en) && en > s)
			d->bp[d->nbp++] = (struct span){ s, en };
	/* sorted and disjoint, for in_boilerplate */
	qsort(d->bp, d->nbp, sizeof(*d->bp), spancmp);
	for (k = i = 0; i < d->nbp; i++) {
		if (k && d->bp[i].s <= d->bp[k - 1].e) {
			if (d->bp[i].e > d->bp[k - 1].e)
				d->bp[k - 1].e = d->bp[i].e;
			continue;
		}
		d->bp[k++] = d->bp[i];
	}
	d->nbp = k;
}

/* The texts of the mentions of council code as aliases of subj. */
void
code_aliases(struct subject *subj, struct ment **bycode, size_t nc,
    const char *code)
{
	size_t j = glean_lower_bound(code, bycode, nc, sizeof *bycode,
	    code_before);

	for (; j < nc && !strcmp(bycode[j]->code, code); j++)
		if (bycode[j]->text)
			add_alias(subj, bycode[j]->text);
}
