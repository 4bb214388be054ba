/* See LICENSE file for copyright and license details. */
/* change.c: changes of grade and earlier judgements */

#include "ratings.h"

/* Is word k a card number ("two", "2") of the number-words lexicon?
 * Returns the value, or 0. */
static int
count_at(const struct ctx *c, const struct doc *d, size_t k)
{
	const char *w = d->lows.s + d->w[k].low;
	double v = glean_numword(c->numwords, w, strlen(w), "card", NULL);

	if (v < 0 && w[0] >= '0' && w[0] <= '9')
		v = atoi(w);
	if (v < 0 && !strcmp(w, "a"))
		v = 1;
	return v > 0 && v < 4 ? (int)v : 0;
}

/* The word index of a step word ("grades", "levels") counted by the word
 * before it, within FROM_WINDOW words before the grade; 0 when none. */
static size_t
step_word(const struct ctx *c, const struct doc *d, const struct reading *r,
    int *count)
{
	size_t k;

	for (k = r->gi; k-- > 1 && k + FROM_WINDOW >= r->gi;) {
		if (d->w[k].sent != r->si || d->w[k].s < r->prevend)
			break;
		if ((d->w[k].role & R_STEP) && d->w[k - 1].sent == r->si &&
		    (*count = count_at(c, d, k - 1)))
			return k;
	}
	return 0;
}

/*
 * Fill r->past and r->steps from the words before the grade in its
 * clause: "from" right before it, a status left behind ("shed its", "no
 * longer", unless negated: "not yet enough to lift it out of"), a past
 * marker ("previously"); or "by two grades" after a change verb.
 */
void
change_of(const struct ctx *c, const struct doc *d, struct reading *r)
{
	size_t k, j, from = r->gi >= VERB_WINDOW ? r->gi - VERB_WINDOW : 0;
	int role, from_word = 0, away = 0, past = 0, neg = 0, count = 0;

	r->past = 0;
	r->steps = 0;
	for (k = from; k < r->gi; k++) {
		if (d->w[k].sent != r->si || d->w[k].s < r->prevend)
			continue;
		role = d->w[k].role;
		if (role & R_CATEGORY)
			away = 0;	/* "out of the five areas rated" */
		if ((role & R_FROM) && k + FROM_WINDOW >= r->gi)
			from_word = 1;
		if (role & R_AWAY)
			away = 1;
		if (role & R_PAST)
			past = 1;
	}
	/* "not yet enough to lift it out of": anywhere in the clause */
	for (k = word_from(d, r->prevend); k < r->gi; k++)
		if ((d->w[k].role & R_NEG) && !(d->w[k].role & R_AWAY))
			neg = 1;
		else if (d->w[k].role & R_STOP)
			neg = 0;
	/* "judged inadequate [previously]", not "good (previously good)":
	 * a bracket after the grade opens a grade of its own */
	for (k = r->ge + 1; k < d->nw && k <= r->ge + 2 &&
	    d->w[k].sent == r->si; k++)
		if ((d->w[k].role & R_PAST) && !memchr(d->text +
		    d->w[r->ge].e, '(', d->w[k].s - d->w[r->ge].e))
			past = 1;
	r->past = (from_word ? PAST_FROM : 0) | (past ? PAST_MARK : 0) |
	    (away && !neg ? PAST_AWAY : 0);
	if (r->past || !(k = step_word(c, d, r, &count)))
		return;
	for (j = k; j-- > 0 && d->w[j].sent == r->si;)
		if (d->w[j].role & (R_UP | R_DOWN)) {
			r->steps = d->w[j].role & R_UP ? count : -count;
			break;
		}
}

/* Do the words of phrase p, joined by spaces, spell s? */
static int
phrase_is(const struct phrase *p, const char *s)
{
	size_t i, n;

	for (i = 0; i < p->nw; i++) {
		n = strlen(p->w[i]);
		if (strncmp(s, p->w[i], n))
			return 0;
		s += n;
		if (i + 1 < p->nw && *s++ != ' ')
			return 0;
	}
	return *s == '\0';
}

/*
 * The grade implied before a move of r->steps grades ("up two grades to
 * good": inadequate): the first ofsted-scale row at that level that is
 * its grade's own name, or NULL.
 */
const struct phrase *
implied_grade(const struct ctx *c, const struct reading *r)
{
	size_t i;
	int level;

	if (!r->steps || !r->g->level)
		return NULL;
	level = r->g->level - r->steps;
	for (i = 0; level >= 1 && level <= 4 && i < c->ngrades; i++)
		if (c->grades[i].level == level &&
		    !strcmp(c->grades[i].scale, "ofsted") &&
		    phrase_is(&c->grades[i], c->grades[i].grade))
			return &c->grades[i];
	return NULL;
}
