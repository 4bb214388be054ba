/* See LICENSE file for copyright and license details. */
/*
 * document.c - reading an annotated document: its entry, its layers
 * (ratings, money, people, quotations) checked item by item and turned
 * into facts, the big layers read one item at a time.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "search.h"

/*
 * One quote, paragraph by paragraph (a quote reopened on each): the
 * code points [qs, qe) of text, whose offset in the document is base.
 * The walk is in bytes (a newline is one byte), counting code points.
 */
static void
doc_quote(struct merge *mg, struct subject *s, int tab, const char *id,
    const struct cpmap *m, const char *text, size_t qs, size_t qe, size_t base,
    const char *speaker, const char *kind, const char *basis)
{
	size_t i = cp_byte(m, qs), end = cp_byte(m, qe), ci = qs;
	size_t a, b, ca, cb, l, prev;
	const char *nl;
	int32_t cp;
	struct attr at[MAX_ATTRS];

	while (i < end) {
		/* a paragraph: up to a newline */
		a = i;
		ca = ci;
		nl = memchr(text + i, '\n', end - i);
		b = nl ? (size_t)(nl - text) : end;
		cb = cp_at_byte(m, ca, b);
		for (i = b, ci = cb; i < end && text[i] == '\n'; i++)
			ci++;
		/* trim white space and quote marks */
		while (a < b) {
			l = glean_utf8_next(text + a, b - a, &cp);
			if (!is_space_cp(cp) && !is_quote_cp(cp))
				break;
			a += l;
			ca++;
		}
		while (b > a && trim_before(text, a, b, &prev)) {
			b = prev;
			cb--;
		}
		if (b > a) {
			at[0] = (struct attr){ "speaker", speaker ?
			    GLEAN_JV_STR : GLEAN_JV_NULL, speaker, 0 };
			at[1] = (struct attr){ "kind",
			    kind ? GLEAN_JV_STR : GLEAN_JV_NULL, kind, 0 };
			pend_quote(mg, pend_source(mg, id, base + ca,
			    base + cb, at, basis_attr(at, 2, basis),
			    G_SPEAKER), s, tab, text + a, b - a);
		}
	}
}

/*
 * A document's role entities (in layer order, code points) for
 * adjacent_role(): their starts sorted, bys[k] the role starting
 * starts[k]; their ends sorted, bye[k] the role ending ends[k]; equal
 * offsets in layer order.  In the document's scratch arena.
 */
struct roles {
	size_t *s, *e;
	const struct efields **ent;
	size_t *starts, *bys, *ends, *bye;
	size_t n;
};

static void
roles_init(struct roles *r, struct glean_arena *a, const struct efields *ef,
    size_t nef, size_t ncps)
{
	size_t i, s, en, cap = nef + 1;

	/* the offsets in one block: s, e, starts, bys, ends, bye */
	r->n = 0;
	r->s = arena_calloc(a, 6 * cap, sizeof(*r->s));
	r->e = r->s + cap;
	r->starts = r->s + 2 * cap;
	r->bys = r->s + 3 * cap;
	r->ends = r->s + 4 * cap;
	r->bye = r->s + 5 * cap;
	r->ent = arena_calloc(a, cap, sizeof(*r->ent));
	for (i = 0; i < nef; i++) {
		if (!ef[i].kind || !str_is(ef[i].kind, "role") ||
		    span_of(ef[i].start, ef[i].end, ncps, &s, &en))
			continue;
		r->s[r->n] = s;
		r->e[r->n] = en;
		r->ent[r->n++] = &ef[i];
	}
	memcpy(r->starts, r->s, r->n * sizeof(*r->s));
	memcpy(r->ends, r->e, r->n * sizeof(*r->e));
	glean_sort_keys(r->starts, r->bys, r->n);
	glean_sort_keys(r->ends, r->bye, r->n);
}

/* glean_lower_bound orders of sorted offsets, the key a size_t x. */
static int
offset_below(const void *x, const void *off)
{
	return *(const size_t *)off < *(const size_t *)x;
}

static int
offset_at_most(const void *x, const void *off)
{
	return *(const size_t *)off <= *(const size_t *)x;
}

/* Only spaces and commas in the code points [a, b)? */
static int
gap_ok(const struct cpmap *m, const char *text, size_t a, size_t b)
{
	size_t k, be = cp_byte(m, b);

	for (k = cp_byte(m, a); k < be; k++)
		if (text[k] != ' ' && text[k] != ',')
			return 0;
	return 1;
}

/*
 * The role next to a person: a role entity just before it ("chief
 * executive Clare Marchant", the first such in the layer), else just
 * after it (the last such).  Returns a fresh string or NULL.
 */
static char *
adjacent_role(const struct roles *r, const struct cpmap *m,
    const char *text, size_t ps, size_t pe)
{
	size_t v, lo, x, none = (size_t)-1, before = none, after = none,
	    best;
	const char *cn;

	for (v = ps >= 3 ? ps - 3 : 0; v <= ps; v++) {
		/* the first role (in the layer) ending at v */
		lo = glean_lower_bound(&v, r->ends, r->n, sizeof(*r->ends),
		    offset_below);
		if (lo == r->n || r->ends[lo] != v)
			continue;
		x = r->bye[lo];
		if ((before == none || x < before) && gap_ok(m, text, v, ps))
			before = x;
	}
	for (v = pe; before == none && v <= pe + 3; v++) {
		/* the last role (in the layer) starting at v */
		lo = glean_lower_bound(&v, r->starts, r->n,
		    sizeof(*r->starts), offset_at_most);
		if (!lo || r->starts[lo - 1] != v)
			continue;
		x = r->bys[lo - 1];
		if ((after == none || x > after) && gap_ok(m, text, pe, v))
			after = x;
	}
	best = before != none ? before : after;
	if (best == none)
		return NULL;
	cn = r->ent[best]->canonical;
	return cn && *cn ? glean_strdup(cn) :
	    slice(m, text, r->s[best], r->e[best]);
}

/*
 * The document's entry: id, source, published, published_inferred when
 * true and errors when there are some (a jansson value, borrowed).  Its
 * canonical text has the keys sorted; errors is the one arbitrary value.
 * Both texts are made in mg's buffers, kept for the next document.
 */
static void
doc_entry(struct merge *mg, const struct glean_jv *doc, json_t *errors,
    const char *id)
{
	struct glean_buf *c = &mg->ecanon, *t = &mg->etext;
	const struct glean_jv *pi = glean_jv_get(doc, "published_inferred");
	int inferred = pi && pi->type == GLEAN_JV_TRUE;
	char *ec = NULL, *et = NULL;

	if (json_is_array(errors) && json_array_size(errors)) {
		ec = canon(errors);
		et = compact(errors);
	}
	glean_buf_reset(c);
	glean_buf_reset(t);
	put(c, "{");
	if (ec) {
		put(c, "\"errors\":");
		put(c, ec);
		put(c, ",");
	}
	put(c, "\"id\":");
	put_str(c, id);
	put(c, ",\"published\":");
	put_nstr(c, glean_jv_str(doc, "published"));
	if (inferred)
		put(c, ",\"published_inferred\":true");
	put(c, ",\"source\":");
	put_nstr(c, glean_jv_str(doc, "source"));
	put(c, "}");

	put(t, "{\"id\":");
	put_str(t, id);
	put(t, ",\"source\":");
	put_nstr(t, glean_jv_str(doc, "source"));
	put(t, ",\"published\":");
	put_nstr(t, glean_jv_str(doc, "published"));
	if (inferred)
		put(t, ",\"published_inferred\":true");
	if (et) {
		put(t, ",\"errors\":");
		put(t, et);
	}
	put(t, "}");
	add_entry(mg, id, c->s, c->len, t->s, t->len);
	free(ec);
	free(et);
}

const char *const lazy_names[NLAZY] = { "money", "quotes" };

/* What read_money and read_quotes look up, and what check_item checks,
 * by layer and by whether the document has no text: an item's "text"
 * is read only when the document has none (the item's own is the
 * fact's text then), else only typed (lazy_typed). */
const char *const lazy_keep[NLAZY][2][7] = {
	{ { "start", "end", "value", "currency", "per", NULL },
	  { "start", "end", "value", "currency", "per", "text", NULL } },
	{ { "start", "end", "kind", "speaker", NULL },
	  { "start", "end", "kind", "speaker", "text", NULL } }
};
const char *const lazy_typed[] = { "text", NULL };

/* The next item of it, or NULL at the end.  An item read from text
 * lives until the next call. */
static const struct glean_jv *
items_next(struct items *it)
{
	const struct glean_jv *e = it->next;

	if (!it->p) {
		if (e)
			it->next = e->next;
		return e;
	}
	it->p = skip_ws(it->p, it->end);
	if (it->p < it->end && *it->p == ',')
		it->p = skip_ws(it->p + 1, it->end);
	if (it->p >= it->end || *it->p == ']')
		return NULL;
	glean_arena_reset(it->arena);
	return glean_jv_parse_members(it->arena, &it->p, it->end, it->keep,
	    it->typed);
}

/*
 * Report item i of layer (or the layer itself when i is (size_t)-1) as
 * malformed, with the document's file, line and id: merge takes what it
 * can of a document and says what it could not.
 */
static void
layer_problem(struct rdoc *d, const char *layer, size_t i, const char *what)
{
	if (i == (size_t)-1)
		glean_warn_at(d->file, d->line, "document '%s': %s %s", d->id,
		    layer, what);
	else
		glean_warn_at(d->file, d->line, "document '%s': %s[%zu] %s",
		    d->id, layer, i, what);
	d->bad = 1;
}

/* Is the member v named name?  (Inline: strlen of a literal is known.) */
static inline int
is_key(const struct glean_jv *v, const char *name)
{
	size_t n = strlen(name);

	return v->keylen == n && !memcmp(v->key, name, n);
}

/* What is wrong with the span [a, b) of an item (NULL when nothing):
 * integer offsets, start <= end <= lim. */
static const char *
span_problem(const struct glean_jv *a, const struct glean_jv *b, size_t lim)
{
	if (!a || !b || a->type != GLEAN_JV_INT || b->type != GLEAN_JV_INT)
		return "has no integer start and end";
	if (a->i < 0 || b->i < a->i)
		return "has its end before its start";
	if ((size_t)b->i > lim)
		return "has offsets past the text";
	return NULL;
}

/* What check_item() found of an item: its last "start" and "end" and,
 * for each of its keys, its last member of that name (else NULL). */
struct item_view {
	const struct glean_jv *start, *end;
	const struct glean_jv *got[4];
};

/* Is member v named the C string name? */
static inline int
named_as(const struct glean_jv *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->keylen && name[i] == v->key[i]; i++)
		;
	return i == v->keylen && !name[i];
}

/* The string value v, or NULL when absent or not a string. */
static inline const char *
view_str(const struct glean_jv *v)
{
	return v && v->type == GLEAN_JV_STR ? v->s : NULL;
}

/*
 * Check item i of layer: an object, its span, and each of the keys (a
 * NULL-terminated list) a string or null when present.  One walk of the
 * members; without iv, strings (most) need no look-up, with iv every
 * member of a key's name is put there (at most 4 keys), which saves the
 * caller its look-ups.  Reports the first problem; returns 0 when there
 * is none.
 */
static int
check_item(struct rdoc *d, const char *layer, size_t i,
    const struct glean_jv *o, const char *const *keys, struct item_view *iv)
{
	const struct glean_jv *v, *start = NULL, *end = NULL;
	const char *why = NULL;
	char msg[80];
	size_t k;

	if (iv)
		*iv = (struct item_view){ NULL, NULL, { NULL } };
	if (!o || o->type != GLEAN_JV_OBJ)
		why = "is not an object";
	for (v = why ? NULL : o->kid; v; v = v->next) {
		if (is_key(v, "start"))
			start = v;
		else if (is_key(v, "end"))
			end = v;
		else if (iv || (v->type != GLEAN_JV_STR &&
		    v->type != GLEAN_JV_NULL && !why))
			for (k = 0; keys[k]; k++) {
				if (!named_as(v, keys[k]))
					continue;
				if (iv)
					iv->got[k] = v;
				if (v->type != GLEAN_JV_STR &&
				    v->type != GLEAN_JV_NULL && !why) {
					snprintf(msg, sizeof(msg), "has a \"%s\" "
					    "that is not a string", keys[k]);
					why = msg;
				}
				break;
			}
	}
	if (iv) {
		iv->start = start;
		iv->end = end;
	}
	if (!why || why == msg) {
		const char *span = o && o->type == GLEAN_JV_OBJ ?
		    span_problem(start, end, d->lim) : NULL;

		if (span)
			why = span;
	}
	if (why)
		layer_problem(d, layer, i, why);
	return why != NULL;
}

/* The items of layer l (named name, NULL when absent); reported when
 * present but not an array. */
static const struct glean_jv *
layer_items(struct rdoc *d, const struct glean_jv *l, const char *name)
{
	if (l && l->type != GLEAN_JV_ARR && l->type != GLEAN_JV_NULL)
		layer_problem(d, name, (size_t)-1, "is not an array");
	return glean_jv_items(l);
}

/* The members of entity e that merge reads into *f (all NULL when e is
 * not an object); by the name's length first, then is_key's compares
 * of known lengths.  Returns 1 when e is an object whose members of
 * those names (all of them, not only the last) are strings or null. */
static int
entity_fields(struct efields *f, const struct glean_jv *e)
{
	const struct glean_jv *v;
	const char *s;
	int typed = 1;	/* every member of those names a string or null */

	*f = (struct efields){ NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	for (v = e->type == GLEAN_JV_OBJ ? e->kid : NULL; v; v = v->next) {
		s = v->type == GLEAN_JV_STR ? v->s : NULL;
		switch (v->keylen) {
		case 3:
			f->end = is_key(v, "end") ? v : f->end;
			continue;
		case 4:
			if (is_key(v, "kind"))
				f->kind = s;
			else if (is_key(v, "code"))
				f->code = s;
			else if (is_key(v, "text"))
				f->text = s;
			else if (is_key(v, "role"))
				f->role = s;
			else
				continue;
			break;
		case 5:
			f->start = is_key(v, "start") ? v : f->start;
			continue;
		case 9:
			if (!is_key(v, "canonical"))
				continue;
			f->canonical = s;
			break;
		default:
			continue;
		}
		typed &= v->type == GLEAN_JV_STR || v->type == GLEAN_JV_NULL;
	}
	return e->type == GLEAN_JV_OBJ && typed;
}

/*
 * Report the malformed items of the entities layer (each reader skips
 * them), and read the members of each into d->ef.  An entity whose
 * members entity_fields() found well typed and whose span is good is
 * one check_item() passes: only the others are checked (and reported)
 * by it.
 */
static void
check_entities(struct rdoc *d)
{
	static const char *const keys[] = { "kind", "canonical", "code",
	    "text", "role", NULL };
	const struct glean_jv *e;
	struct efields *f;
	size_t i;

	d->ef = glean_arena_alloc(&d->mg->scratch, ((d->ents ? d->ents->len :
	    0) + 1) * sizeof(*d->ef));
	for (e = glean_jv_items(d->ents), i = 0; e; e = e->next, i++) {
		f = &d->ef[i];
		if (!entity_fields(f, e) || span_problem(f->start, f->end,
		    d->lim))
			check_item(d, "entities", i, e, keys, NULL);
	}
	d->nef = i;
}

/* The subject a rating names: its own (kind sk, code, name), else the
 * article's council, else "unknown". */
static struct subject *
rating_subject(struct rdoc *d, const char *sk, const char *code,
    const char *sn)
{
	if (sn || code)
		return subject(d->mg, sk, code, sn);
	if (d->about_name || d->about_code)
		return mention_subject(d, d->about_code, d->about_name);
	return unknown_subject(d);
}

/* The mentions of a document sorted by code (those with one first,
 * nc of them, made on first use) and the codes already given their
 * aliases; zero it before use, free with code_mentions_free(). */
struct code_mentions {
	struct ment **bycode;
	size_t nc;
	struct map done;
};

/* Give subj, a council named by code, the council's own mentions of d
 * as aliases: once per code (the subject is the code's). */
static void
alias_council_once(struct rdoc *d, struct code_mentions *cm,
    struct subject *subj, const char *code)
{
	size_t j;

	if (map_find(&cm->done, code, 0))
		return;
	map_find(&cm->done, code, 1);
	if (!cm->bycode) {
		cm->bycode = arena_calloc(&d->mg->scratch, d->nm + 1,
		    sizeof(*cm->bycode));
		for (j = 0; j < d->nm; j++)
			cm->bycode[j] = &d->ms[j];
		qsort(cm->bycode, d->nm, sizeof(*cm->bycode), codecmp);
		for (cm->nc = 0; cm->nc < d->nm && cm->bycode[cm->nc]->code;
		    cm->nc++)
			;
	}
	code_aliases(subj, cm->bycode, cm->nc, code);
}

/* Free what alias_council_once() made in cm. */
static void
code_mentions_free(struct code_mentions *cm)
{
	map_free(&cm->done, NULL);
}

/* The attributes of rating e (when, grade as written, inspectorate,
 * implied) into at; returns how many (at most 4 of MAX_ATTRS). */
static size_t
rating_attrs(const struct glean_jv *e, const char *when, struct attr *at)
{
	const struct glean_jv *imp = glean_jv_get(e, "implied");
	size_t n = 0;

	at[n++] = (struct attr){ "when",
	    when ? GLEAN_JV_STR : GLEAN_JV_NULL, when, 0 };
	if (glean_jv_str(e, "grade_as_written"))
		at[n++] = (struct attr){ "grade_as_written",
		    GLEAN_JV_STR, glean_jv_str(e, "grade_as_written"), 0 };
	if (glean_jv_str(e, "inspectorate"))
		at[n++] = (struct attr){ "inspectorate", GLEAN_JV_STR,
		    glean_jv_str(e, "inspectorate"), 0 };
	if (imp && imp->type == GLEAN_JV_TRUE)
		at[n++] = (struct attr){ "implied", GLEAN_JV_TRUE, NULL, 0 };
	return n;
}

/*
 * The judgements of the ratings layer (a list) as facts of the subject
 * each rating names (else the article's council, else "unknown"), with
 * the council's mentions as aliases; malformed items are reported and
 * skipped (a malformed "when" is read as unknown).
 */
static void
read_ratings(struct rdoc *d, const struct glean_jv *layer)
{
	const struct glean_jv *e;
	struct code_mentions cm = { 0 };
	struct attr at[MAX_ATTRS];
	struct subject *subj;
	size_t s, en, i, n;
	static const char *const keys[] = { "area", "grade", "subject_kind",
	    "subject", "code", "when", "grade_as_written", "inspectorate",
	    NULL };

	for (e = layer, i = 0; e; e = e->next, i++) {
		const char *area = glean_jv_str(e, "area");
		const char *grade = glean_jv_str(e, "grade");
		const char *sk = glean_jv_str(e, "subject_kind");
		const char *code = glean_jv_str(e, "code");
		const char *when = glean_jv_str(e, "when");
		char *ev;

		if (check_item(d, "ratings", i, e, keys, NULL) && (!area ||
		    !grade || get_cp_span(e, d->lim, &s, &en)))
			continue;
		if (!area || !grade) {
			layer_problem(d, "ratings", i,
			    "has no area or no grade");
			continue;
		}
		get_cp_span(e, d->lim, &s, &en);
		if (!sk)
			sk = "authority";
		subj = rating_subject(d, sk, code, glean_jv_str(e, "subject"));
		if (code && str_is(sk, "authority"))
			alias_council_once(d, &cm, subj, code);
		n = rating_attrs(e, when, at);
		ev = evidence_of(d, s, en);
		n = evidence_attr(at, n, ev);
		pend_rating(d->mg, pend_source(d->mg, d->id, s, en, at, n,
		    G_WHEN), subj, area, grade, when);
		free(ev);
	}
	code_mentions_free(&cm);
}

/*
 * The amounts of the money layer, each a fact of the council it belongs
 * to (fact_subject) with its text, context, basis and evidence; items
 * read one at a time, malformed ones reported and skipped.
 */
static void
read_money(struct rdoc *d, struct items *layer)
{
	const struct glean_jv *e, *v;
	const char *cur, *per, *basis;
	struct attr at[MAX_ATTRS];
	struct item_view iv;
	struct subject *subj;
	size_t s, en, n, i;
	double val;
	char *tx, *cx, *ev;
	static const char *const keys[] = { "currency", "per", "text", NULL };

	for (i = 0; (e = items_next(layer)); i++) {
		if (check_item(d, "money", i, e, keys, &iv))
			continue;
		v = glean_jv_get(e, "value");
		cur = view_str(iv.got[0]);
		per = view_str(iv.got[1]);
		if (!v || (v->type != GLEAN_JV_INT &&
		    v->type != GLEAN_JV_REAL) || !cur) {
			layer_problem(d, "money", i,
			    "has no numeric value or no currency");
			continue;
		}
		span_of(iv.start, iv.end, d->lim, &s, &en);
		if (en == s) {
			layer_problem(d, "money", i, "has an empty span");
			continue;
		}
		val = v->type == GLEAN_JV_INT ? (double)v->i : v->r;
		if (!isfinite(val) || !(subj = fact_subject(d, s, en, &basis)))
			continue;
		tx = d->notext ? glean_strdup(view_str(iv.got[2]) ?
		    view_str(iv.got[2]) : "") :
		    slice(&d->m, d->text, s, en);
		cx = d->notext ? glean_strdup("") :
		    money_context(&d->m, d->text, d->len, en, per);
		at[0] = (struct attr){ "text", GLEAN_JV_STR, tx, 0 };
		at[1] = (struct attr){ "context", GLEAN_JV_STR, cx, 0 };
		n = basis_attr(at, 2, basis);
		/* evidence for a council's facts only: the rest of a corpus's
		 * facts would cost memory for no reader */
		ev = basis ? evidence_of(d, s, en) : NULL;
		n = evidence_attr(at, n, ev);
		pend_money(d->mg, pend_source(d->mg, d->id, s, en, at, n,
		    G_CONTEXT), subj, val, cur, per);
		free(tx);
		free(cx);
		free(ev);
	}
}

/*
 * The people of the entities layer, each a fact of the council it
 * belongs to, with its role (its own, else a role entity next to it) and
 * evidence.  Malformed entities were reported by check_entities().
 */
static void
read_people(struct rdoc *d)
{
	const struct efields *f;
	const char *name, *role, *basis;
	struct subject *subj;
	struct roles roles = { 0 };
	struct attr at[MAX_ATTRS];
	int rolesok = 0;
	size_t s, en, i;

	for (i = 0; i < d->nef; i++) {
		char *own = NULL, *adj = NULL, *plain, *ev;

		f = &d->ef[i];
		name = f->canonical;
		role = f->role;
		if (!f->kind || !str_is(f->kind, "person") ||
		    span_of(f->start, f->end, d->lim, &s, &en) || en == s ||
		    !(subj = fact_subject(d, s, en, &basis)))
			continue;
		if (!name || !*name)
			name = f->text;
		if ((!name || !*name) && d->notext)
			continue;
		if (!name || !*name)
			name = own = slice(&d->m, d->text, s, en);
		if ((!role || !*role) && !d->notext) {
			if (!rolesok) {
				roles_init(&roles, &d->mg->scratch, d->ef,
				    d->nef, d->m.ncps);
				rolesok = 1;
			}
			role = adj = adjacent_role(&roles, &d->m, d->text, s,
			    en);
		}
		plain = role ? plain_quotes(role) : NULL;
		at[0] = (struct attr){ "role",
		    plain ? GLEAN_JV_STR : GLEAN_JV_NULL, plain, 0 };
		ev = basis ? evidence_of(d, s, en) : NULL;
		pend_person(d->mg, pend_source(d->mg, d->id, s, en, at,
		    evidence_attr(at, basis_attr(at, 1, basis), ev), G_ROLE),
		    subj, name);
		free(plain);
		free(ev);
		free(own);
		free(adj);
	}
}

/* Quotes: speech to "quotes", report findings to "findings". */
static void
read_quotes(struct rdoc *d, struct items *layer)
{
	const struct glean_jv *e;
	const char *qk, *qt, *speaker, *basis;
	struct item_view iv;
	struct subject *subj;
	struct cpmap qm;
	size_t s, en, i;
	int tab;
	static const char *const keys[] = { "kind", "speaker", "text", NULL };

	for (i = 0; (e = items_next(layer)); i++) {
		if (check_item(d, "quotes", i, e, keys, &iv))
			continue;
		qk = view_str(iv.got[0]);
		speaker = view_str(iv.got[1]);
		/* a finding needs an inspectorate named, or an article
		 * about an inspection: else it is a quotation */
		tab = qk && str_is(qk, "report") && d->findings_ok ? T_F :
		    T_Q;
		span_of(iv.start, iv.end, d->lim, &s, &en);
		if (en == s) {
			layer_problem(d, "quotes", i, "has an empty span");
			continue;
		}
		if (qk && str_is(qk, "scare"))
			continue;
		if (!(subj = fact_subject(d, s, en, &basis)))
			continue;
		if (!d->notext) {
			doc_quote(d->mg, subj, tab, d->id, &d->m, d->text, s,
			    en, 0, speaker, qk, basis);
			continue;
		}
		if (!(qt = view_str(iv.got[2]))) {
			layer_problem(d, "quotes", i, "has no text (nor has "
			    "its document)");
			continue;
		}
		cpmap_init(&qm, qt, strlen(qt));
		doc_quote(d->mg, subj, tab, d->id, &qm, qt, 0, qm.ncps, s,
		    speaker, qk, basis);
		free(qm.run);
	}
}

/* The members of a document that read_document() reads: the last of
 * each name, as glean_jv_get finds it (NULL when absent). */
struct layers {
	const struct glean_jv *text, *topics, *entities, *boilerplate;
	const struct glean_jv *ratings, *lazy[NLAZY];
};

/* The members of doc that read_document() reads, in one walk of its
 * members (not one for each). */
static void
doc_layers(struct layers *ly, const struct glean_jv *doc)
{
	const struct glean_jv *v;

	*ly = (struct layers){ NULL, NULL, NULL, NULL, NULL, { NULL } };
	for (v = doc && doc->type == GLEAN_JV_OBJ ? doc->kid : NULL; v;
	    v = v->next)
		switch (v->keylen) {
		case 4:
			ly->text = is_key(v, "text") ? v : ly->text;
			break;
		case 5:
			ly->lazy[LAZY_MONEY] = is_key(v, "money") ? v :
			    ly->lazy[LAZY_MONEY];
			break;
		case 6:
			if (is_key(v, "topics"))
				ly->topics = v;
			else if (is_key(v, "quotes"))
				ly->lazy[LAZY_QUOTES] = v;
			break;
		case 7:
			ly->ratings = is_key(v, "ratings") ? v : ly->ratings;
			break;
		case 8:
			ly->entities = is_key(v, "entities") ? v :
			    ly->entities;
			break;
		case 11:
			ly->boilerplate = is_key(v, "boilerplate") ? v :
			    ly->boilerplate;
			break;
		}
}

/*
 * The items of lazy layer k of a document (its layers ly): from its
 * text when load() left it so (lz), else from the values.  A layer that
 * is not an array is reported and has no items.
 */
static void
lazy_items(struct rdoc *d, const struct layers *ly, const struct lazy *lz,
    int k, struct items *it)
{
	static const char *const none = NULL;
	const char *p, *end;

	*it = (struct items){ NULL, NULL, NULL, &d->mg->item,
	    lazy_keep[k][d->notext], d->notext ? &none : lazy_typed };
	if (!lz || !lz->text[k]) {
		it->next = layer_items(d, ly->lazy[k], lazy_names[k]);
		return;
	}
	p = skip_ws(lz->text[k], lz->text[k] + lz->len[k]);
	end = lz->text[k] + lz->len[k];
	if (p < end && *p == '[') {
		it->p = p + 1;
		it->end = end;
	} else if (p < end && strncmp(p, "null", 4))
		layer_problem(d, lazy_names[k], (size_t)-1, "is not an array");
}

/*
 * Take the facts of document doc (its lazy layers' text in lz, or NULL;
 * id; its errors a jansson value or NULL), read from file:line.
 * Returns 1 when a layer item was malformed (reported, the rest taken),
 * else 0.
 */
int
read_document(struct merge *mg, const struct glean_jv *doc,
    const struct lazy *lz, json_t *errors, const char *id, const char *file,
    long line)
{
	struct items money, quotes;
	struct layers ly;
	const struct glean_jv *t, *topics;
	struct rdoc d = { .mg = mg, .id = id, .text = "", .notext = 1,
	    .lim = (size_t)-1, .file = file, .line = line };

	doc_layers(&ly, doc);
	t = ly.text;
	topics = ly.topics;
	doc_entry(mg, doc, errors, id);
	mg->doc_id = id;
	mg->doc_ref = NULL;
	/* Without the text (dropped to save space), the layers still
	 * count: offsets are taken as they are and texts from the layers. */
	if (t && t->type == GLEAN_JV_STR) {
		d.text = t->s;
		d.len = t->len;
		d.notext = 0;
	}
	cpmap_init(&d.m, d.text, d.len);
	if (!d.notext)
		d.lim = d.m.ncps;
	d.ents = ly.entities;
	layer_items(&d, ly.entities, "entities");
	layer_items(&d, ly.boilerplate, "boilerplate");
	if (topics && topics->type != GLEAN_JV_OBJ &&
	    topics->type != GLEAN_JV_NULL)
		layer_problem(&d, "topics", (size_t)-1, "is not an object");
	if (d.ents && d.ents->type != GLEAN_JV_ARR)
		d.ents = NULL;
	check_entities(&d);
	d.ms = arena_calloc(&mg->scratch, (d.ents ? d.ents->len : 0) + 1,
	    sizeof(*d.ms));
	find_council(&d, glean_jv_items(ly.ratings));
	read_topics(&d, ly.topics, ly.boilerplate);
	read_ratings(&d, layer_items(&d, ly.ratings, "ratings"));
	lazy_items(&d, &ly, lz, LAZY_MONEY, &money);
	read_money(&d, &money);
	read_people(&d);
	lazy_items(&d, &ly, lz, LAZY_QUOTES, &quotes);
	read_quotes(&d, &quotes);
	pend_flush(mg);
	free(d.m.run);
	mg->doc_id = NULL;
	mg->doc_ref = NULL;
	return d.bad;
}
