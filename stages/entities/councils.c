/* See LICENSE file for copyright and license details. */
/*
 * councils.c - councils and their namesakes: a place name that names
 * the council, not the club, the police or the city; organisations from
 * the lexicon, acronyms, and "the council" references.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/*
 * Is the place name at tokens [i, end) part of another name?  A namesake
 * after it ("Leeds United", "Wiltshire Police"; *n its length), or after
 * the next place of a pair ("Wiltshire and Gloucestershire police", *n
 * 0), or one before it ending in "of" ("University of Leeds", *before its
 * length).
 */
static int
namesake(const struct doc *d, size_t i, size_t end, size_t *n,
    size_t *before)
{
	const struct ctx *c = d->c;
	size_t j, k, m, t, len2;

	*n = *before = 0;
	if ((*n = phrase_at(d, &c->after, end, i)))
		return 1;
	if (end + 1 < d->tk->n && d->ti[end].sent == d->ti[i].sent &&
	    (lword(d, end, "and") || teq(d, end, ",") || teq(d, end, "&")) &&
	    (len2 = match_tokens(d, &c->authph, winfo(d, end + 1)->auth,
	    end + 1, &k, 0)) && phrase_at(d, &c->after, end + 1 + len2, i))
		return 1;
	for (k = 0; k < c->before.n; k++) {
		m = c->before.p[k].ntok;
		if (i < m || d->ti[i - m].sent != d->ti[i].sent)
			continue;
		for (t = 0; t < m; t++)
			if (!teq(d, i - m + t, c->before.p[k].tok[t]))
				break;
		if (t == m) {
			for (j = i - m; j < i && free_tok(d, j); j++)
				;
			*before = j == i ? m : 0;
			return 1;
		}
	}
	return 0;
}

/* Are the tokens [a, b) free? */
static int
all_free(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!free_tok(d, a))
			return 0;
	return 1;
}

/* Is token i a place name used as a location ("in Leeds", "from Hull")? */
static int
after_place_word(const struct doc *d, size_t i)
{
	char low[16];
	size_t len, k;
	const char *p;

	if (i == 0 || !is_word(d, i - 1) || d->ti[i - 1].sent != d->ti[i].sent)
		return 0;
	p = ttext(d, i - 1, &len);
	if (len >= sizeof low)
		return 0;
	for (k = 0; k < len; k++)
		low[k] = (p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k];
	return glean_dict_find(&d->c->places, low, len) >= 0;
}

/*
 * Does the place name at tokens [i, i + len) name its council?  A name
 * that says so ("Leeds City Council") always does; a place name does when
 * no namesake claims it and its sentence speaks of a council, or the
 * article is about councils and it is not a location ("in Leeds").  A
 * namesake becomes an organisation ("Manchester City").
 */
static __attribute__((noinline)) int
names_its_council(struct doc *d, size_t i, size_t len, int flags)
{
	size_t n, before;
	struct ent *e;

	if (flags & PH_NAMED)
		return 1;
	if (namesake(d, i, i + len, &n, &before)) {
		if ((n || before) && all_free(d, i - before, i + len + n)) {
			e = add_ent(d, i - before, i + len + n, K_ORG);
			e->canonical = span_text(d, i - before, i + len + n);
		}
		return 0;
	}
	if (d->ti[d->ti[i].sent].flags & T_CUE)
		return 1;
	return topic_present(d, TOP_COUNCIL) && !after_place_word(d, i);
}

void
find_authorities(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k;
	struct ent *e;
	int a;

	/* a match claims its tokens: the loop needs no skipping */
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!(len = match_phrase(d, &c->authph, winfo(d, i)->auth, i,
		    &k)))
			continue;
		/* "New York", "Old Trafford", "Terry Telford": a place name
		 * after a capitalised word is part of another name; "Ms
		 * Essex" is a person */
		if (!(c->authph.p[k].flags & PH_NAMED) && i > 0 &&
		    is_capword(d, i - 1) && d->ti[i - 1].sent == d->ti[i].sent &&
		    (winfo(d, i - 1)->title >= 0 || (!sent_initial(d, i - 1) &&
		    winfo(d, i - 1)->org < 0)))
			continue;
		if ((a = pick_authority(d, &c->authph, k)) < 0 ||
		    !names_its_council(d, i, len, c->authph.p[k].flags))
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->named = (c->authph.p[k].flags & PH_NAMED) != 0;
		e->canonical = c->auth[a].name;
	}
}

/* The organisations of organisations.tsv at the free tokens of d. */
void
find_lexicon_orgs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, len, k;
	struct ent *e;

	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		if (!(len = match_phrase(d, &c->orgph, winfo(d, i)->org, i,
		    &k)))
			continue;
		e = add_ent(d, i, i + len, K_ORG);
		e->canonical = c->orgcanon.str[c->orgph.p[k].val];
	}
}

/* An acronym in brackets after an organisation: "Board (LSCB)". */
void
find_acronyms(struct doc *d)
{
	size_t i, len, k, ne = d->ne;
	const char *p;
	struct ent *e;

	for (k = 0; k < ne; k++) {
		i = d->e[k].t1;
		if (d->e[k].kind != K_ORG || i + 2 >= d->tk->n ||
		    !teq(d, i, "(") || !teq(d, i + 2, ")") ||
		    !free_tok(d, i + 1) || !is_word(d, i + 1))
			continue;
		p = ttext(d, i + 1, &len);
		if (len < 2 || len > 8 || p[0] < 'A' || p[0] > 'Z' ||
		    p[len - 1] < 'A' || p[len - 1] > 'Z')
			continue;
		e = add_ent(d, i + 1, i + 2, K_ORG);
		e->canonical = d->e[k].canonical;
	}
}

/* "the council", "County Hall": the article's council, if clear. */
void
find_refs(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t i, k, len, plen, best = 0, second = 0;
	size_t *count;
	int a = -1;
	struct ent *e;
	const char *p;
	long f;

	for (k = 0; k < d->ne && !(d->e[k].kind == K_AUTH &&
	    d->e[k].auth >= 0); k++)
		;
	if (k == d->ne)
		return;		/* no council named */
	count = glean_calloc(c->nauth + 1, sizeof *count);
	for (k = 0; k < d->ne; k++)
		if (d->e[k].kind == K_AUTH && d->e[k].auth >= 0)
			count[d->e[k].auth]++;
	for (k = 0; k < c->nauth; k++) {
		if (count[k] > best) {
			second = best;
			best = count[k];
			a = (int)k;
		} else if (count[k] > second) {
			second = count[k];
		}
	}
	free(count);
	/* one council, or one named at least twice as often as the next */
	if (a < 0 || (second && best < 2 * second))
		return;
	/* the article's council, if it is named as a council (not only
	 * as a place) or referred to */
	for (k = 0; k < d->ne; k++)
		if (d->e[k].kind == K_AUTH && d->e[k].auth == a &&
		    d->e[k].named)
			d->main_auth = a;
	for (i = 0; i < d->tk->n; i++) {
		if (!free_tok(d, i) || !is_word(d, i))
			continue;
		p = ttext(d, i, &plen);
		f = glean_dict_find_in(&c->refs.first, p, plen, d->s + d->n);
		if (!(len = match_phrase(d, &c->refs, f, i, &k)))
			continue;
		/* "the council tax", "the Council Chamber": not the body */
		if (i + len < d->tk->n && is_capword(d, i + len) &&
		    !(d->tk->t[i + len].flags & GLEAN_TOKF_NL) &&
		    d->ti[i + len].sent == d->ti[i].sent)
			continue;
		e = add_ent(d, i, i + len, K_AUTH);
		e->auth = a;
		e->ref = 1;
		d->main_auth = a;
		e->canonical = c->auth[a].name;
		i += len - 1;
	}
}
