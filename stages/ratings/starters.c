/* See LICENSE file for copyright and license details. */
/* starters.c: grade and verb phrases by first word */

#include "ratings.h"


/* In table v: the slot of folded word s[0..n) with hash h, or the empty
 * one where it would go. */
static struct slot *
slot_of(const struct ctx *c, struct slot *v, const char *s, size_t n,
    uint32_t h)
{
	size_t mask = c->nslots - 1, i = h & mask;
	const struct starter *st;

	for (; v[i].st; i = (i + 1) & mask) {
		st = &c->starters[v[i].st - 1];
		if (v[i].hash == h && st->len == n && !memcmp(st->word, s, n))
			break;
	}
	return &v[i];
}

/* In table v: the starter of folded word s[0..n), or NULL. */
const struct starter *
starter_find(const struct ctx *c, struct slot *v, const char *s, size_t n)
{
	const struct slot *sl;

	if (!n)
		return NULL;
	sl = slot_of(c, v, s, n, word_hash(s[0], s[n - 1], n));
	return sl->st ? &c->starters[sl->st - 1] : NULL;
}

/* The starter of a phrase's first word, added if new. */
static struct starter *
starter_get(struct ctx *c, const struct phrase *p)
{
	size_t n = strlen(p->w[0]);
	uint32_t h = word_hash(p->w[0][0], p->w[0][n - 1], n);
	struct slot *sl = slot_of(c, c->slots, p->w[0], n, h);

	if (!sl->st) {
		c->starters[c->nstarters].word = p->w[0];
		c->starters[c->nstarters].len = n;
		sl->hash = h;
		sl->st = (uint32_t)++c->nstarters;
		if (n > c->longest)
			c->longest = n;
	}
	return &c->starters[sl->st - 1];
}

/* Append i to the growing array *v of *n entries. */
static void
add_index(size_t **v, size_t *n, size_t i)
{
	*v = glean_realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = i;
}

/* Note in lens[] (c->cue_lens or c->cue_last) a cue starter of n bytes
 * whose first (or last) byte is b. */
static void
cue_len_add(uint32_t lens[128], char b, size_t n)
{
	unsigned u = (unsigned char)b;

	if (u >= 128)
		return;
	lens[u] |= (uint32_t)1 << (n % 32);
	if (u >= 'a' && u <= 'z')
		lens[u - 'a' + 'A'] |= (uint32_t)1 << (n % 32);
}

/* Note in lens[] (c->cue_second) a cue starter word[0..n): by its second
 * byte, or by every byte when it has only one (then the byte after the
 * word is looked at, which may be any but a letter or digit). */
static void
cue_second_add(uint32_t lens[128], const char *word, size_t n)
{
	unsigned b;

	if (n >= 2) {
		cue_len_add(lens, word[1], n);
		return;
	}
	for (b = 0; b < 128; b++)
		lens[b] |= (uint32_t)1 << (n % 32);
}

/*
 * Index the grades and verbs by first word; an empty phrase never
 * matches.  may_rate() needs only the starters of grades, rating verbs
 * and rating nouns, rare in news, in a table of their own: for most
 * words its first slot is empty.
 */
void
starters_init(struct ctx *c)
{
	size_t i, n = c->ngrades + c->nverbs;
	struct starter *st;
	struct slot *sl;
	uint32_t h;

	c->starters = glean_calloc(n + 1, sizeof(*c->starters));
	for (c->nslots = 16; c->nslots < 8 * n; c->nslots *= 2)
		;
	c->slots = glean_calloc(c->nslots, sizeof(*c->slots));
	c->cue_slots = glean_calloc(c->nslots, sizeof(*c->cue_slots));
	for (i = 0; i < c->ngrades; i++) {
		if (!c->grades[i].nw)
			continue;
		st = starter_get(c, &c->grades[i]);
		add_index(&st->grades, &st->ngrades, i);
		st->copulas |= 1 << c->grades[i].copula;
		if (c->grades[i].nw > st->maxnw)
			st->maxnw = c->grades[i].nw;
		if (c->grades[i].nw == 1)
			st->single = 1;
	}
	for (i = 0; i < c->nverbs; i++) {
		if (!c->verbs[i].nw)
			continue;
		st = starter_get(c, &c->verbs[i]);
		add_index(&st->verbs, &st->nverbs, i);
		st->roles |= c->verbs[i].role;
	}
	for (i = 0; i < c->nstarters; i++) {
		st = &c->starters[i];
		if (!st->ngrades && !(st->roles & (R_VERB | R_NOUN | R_CHANGE)))
			continue;
		h = word_hash(st->word[0], st->word[st->len - 1], st->len);
		sl = slot_of(c, c->cue_slots, st->word, st->len, h);
		sl->hash = h;
		sl->st = (uint32_t)i + 1;
		cue_len_add(c->cue_lens, st->word[0], st->len);
		cue_len_add(c->cue_last, st->word[st->len - 1], st->len);
		cue_second_add(c->cue_second, st->word, st->len);
	}
}


