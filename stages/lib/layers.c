/* See LICENSE file for copyright and license details. */
/* Checked readers of the sentences, tokens and entities layers. */
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "layers.h"
#include "tok.h"

/* [start, end] of a JSON array entry, checked against the text. */
static int
get_span(json_t *v, size_t off, const struct glean_offsets *m,
    struct glean_span *sp)
{
	json_t *a = json_array_get(v, off), *b = json_array_get(v, off + 1);
	json_int_t s, e;

	if (!json_is_integer(a) || !json_is_integer(b))
		return -1;
	s = json_integer_value(a);
	e = json_integer_value(b);
	if (s < 0 || e < s || (size_t)e > m->ncps)
		return -1;
	sp->s = (uint32_t)s;
	sp->e = (uint32_t)e;
	sp->bs = (uint32_t)glean_byte(m, (size_t)s);
	sp->be = (uint32_t)glean_byte(m, (size_t)e);
	return 0;
}

long
glean_layer_spans(json_t *doc, const char *field,
    const struct glean_offsets *m, struct glean_span **out)
{
	json_t *arr = json_object_get(doc, field), *v;
	size_t i, n = 0;

	*out = NULL;
	if (!json_is_array(arr))
		return -1;
	*out = glean_malloc((json_array_size(arr) + 1) * sizeof **out);
	json_array_foreach(arr, i, v) {
		if (json_is_array(v) && get_span(v, 0, m, &(*out)[n]) == 0)
			n++;
	}
	return (long)n;
}

static int
kind_of(const char *k)
{
	int i;

	for (i = 0; i < GLEAN_TOK_NKINDS; i++)
		if (strcmp(k, glean_tok_kind_names[i]) == 0)
			return i;
	return GLEAN_TOK_SYMBOL;
}

long
glean_layer_tokens(json_t *doc, const struct glean_offsets *m,
    struct glean_toks *tk)
{
	json_t *arr = json_object_get(doc, "tokens"), *v, *k;
	struct glean_span sp;
	struct glean_tok *t;
	size_t i;

	glean_toks_reset(tk);
	if (!json_is_array(arr))
		return -1;
	json_array_foreach(arr, i, v) {
		k = json_array_get(v, 2);
		if (!json_is_array(v) || get_span(v, 0, m, &sp) < 0 ||
		    sp.e == sp.s || !json_is_string(k) ||
		    (tk->n && sp.s < tk->t[tk->n - 1].e)) {
			glean_toks_reset(tk);
			return -1;
		}
		if (tk->n == tk->cap) {
			tk->cap = tk->cap ? tk->cap * 2 : 256;
			tk->t = glean_realloc(tk->t, tk->cap * sizeof *tk->t);
		}
		t = &tk->t[tk->n++];
		t->s = sp.s;
		t->e = sp.e;
		t->bs = sp.bs;
		t->be = sp.be;
		t->kind = (uint8_t)kind_of(json_string_value(k));
		t->flags = 0;
	}
	return (long)tk->n;
}

static const char *
str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

long
glean_layer_entities(json_t *doc, const struct glean_offsets *m,
    struct glean_entity **out)
{
	static const char *const kinds[] = { "person", "organisation",
	    "authority", "role" };
	json_t *arr = json_object_get(doc, "entities"), *v, *pair;
	struct glean_entity *e;
	size_t i, n = 0, k;
	const char *kind;

	*out = NULL;
	if (!json_is_array(arr))
		return -1;
	*out = glean_malloc((json_array_size(arr) + 1) * sizeof **out);
	json_array_foreach(arr, i, v) {
		if (!json_is_object(v) || !(kind = str(v, "kind")))
			continue;
		pair = json_pack("[OO]", json_object_get(v, "start"),
		    json_object_get(v, "end"));
		e = &(*out)[n];
		if (!pair || get_span(pair, 0, m, &e->span) < 0) {
			json_decref(pair);
			continue;
		}
		json_decref(pair);
		e->kind = GLEAN_ENT_OTHER;
		for (k = 0; k < sizeof kinds / sizeof *kinds; k++)
			if (strcmp(kind, kinds[k]) == 0)
				e->kind = (enum glean_ent_kind)k;
		e->text = str(v, "text");
		e->canonical = str(v, "canonical");
		e->code = str(v, "code");
		e->role = str(v, "role");
		e->organisation = str(v, "organisation");
		n++;
	}
	return (long)n;
}

/* Index of the first token starting at or after cp s. */
static size_t
first_tok(const struct glean_toks *tk, uint32_t s)
{
	size_t lo = 0, hi = tk->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (tk->t[mid].s < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
glean_doc_tokens(json_t *doc, const char *text, size_t n,
    const struct glean_abbrevs *ab, struct glean_toks *tk)
{
	struct glean_offsets m;
	struct glean_span *ss = NULL;
	struct glean_sent *st;
	long ns, i;
	int ok = 0;

	glean_offsets_init(&m, text, n);
	if (glean_layer_tokens(doc, &m, tk) >= 0 &&
	    (ns = glean_layer_spans(doc, "sentences", &m, &ss)) >= 0) {
		ok = 1;
		tk->nsent = 0;
		for (i = 0; i < ns && ok; i++) {
			if (tk->nsent == tk->capsent) {
				tk->capsent = tk->capsent ? tk->capsent * 2 :
				    32;
				tk->sent = glean_realloc(tk->sent,
				    tk->capsent * sizeof *tk->sent);
			}
			st = &tk->sent[tk->nsent];
			st->first = first_tok(tk, ss[i].s);
			st->last = first_tok(tk, ss[i].e);
			st->s = ss[i].s;
			st->e = ss[i].e;
			st->bs = ss[i].bs;
			st->be = ss[i].be;
			/* sentences in order, not overlapping */
			if (tk->nsent && st->first <
			    tk->sent[tk->nsent - 1].last)
				ok = 0;
			else if (st->last > st->first)
				tk->nsent++;
		}
	}
	free(ss);
	glean_offsets_free(&m);
	if (!ok)
		glean_tokenize(text, n, ab, tk);
	return ok;
}
