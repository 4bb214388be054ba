/* See LICENSE file for copyright and license details. */
/*
 * triggers.c - the trigger words: every date expression holds a digit
 * or one of the lexicons' date words (a month, a weekday, a unit...).
 * Each word is filed under its classes (T_MON, T_UNIT...) and under the
 * key bits of the patterns that cannot match without it, in a table of
 * 4096 trigger words (trigger.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"

static const struct {
	const char *cls;	/* lexicon class of date-words.tsv */
	int k;
} key_classes[] = { { "season", KB_SEASON }, { "holiday", KB_HOL },
    { "vague", KB_VAGUE }, { "every", KB_SET }, { "setphrase", KB_SET } };

/* Add every word of form to bit k. */
static void
trig_add_all(struct ctx *c, const char *form, int k)
{
	const char *p = form;
	size_t n;

	while (*p) {
		while (*p && !isalpha((unsigned char)*p))
			p++;
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		/* "the end of": "end" says enough */
		if (n > 3 || (n && strncmp(p, "the", n) != 0 &&
		    strncmp(p, "of", n) != 0))
			glean_trigger_add(&c->trig, p, n, 1u << k);
		p += n;
	}
}

/* Add key form for bit k: its first word to the trigger words. */
static void
trig_add_key(struct ctx *c, const char *form, int k)
{
	size_t n;

	for (n = 0; isalpha((unsigned char)form[n]); n++)
		;
	if (!n || n >= GLEAN_TRIGGER_MAX ||
	    c->nkey == sizeof c->keyform / sizeof c->keyform[0]) {
		c->ungated |= 1u << k;
		return;
	}
	glean_trigger_add(&c->trig, form, n, 1u << k);
	c->key_by_first[form[0] & 31] |= (uint64_t)1 << c->nkey;
	c->keyform[c->nkey] = form;
	c->keybit[c->nkey++] = 1u << k;
}

/* Note the last word of the number form. */
static void
add_numlast(struct ctx *c, const char *form)
{
	size_t e = strlen(form), b;

	while (e > 0 && !isalpha((unsigned char)form[e - 1]))
		e--;
	for (b = e; b > 0 && isalpha((unsigned char)form[b - 1]); b--)
		;
	if (b < e && c->nnumlast < sizeof c->numlast / sizeof c->numlast[0]) {
		c->numlast[c->nnumlast].w = form + b;
		c->numlast[c->nnumlast++].n = e - b;
	}
}

/* Note the last word of the mod form; a form that ends with no letter
 * fills the list, which then says yes to any word. */
static void
add_modlast(struct ctx *c, const char *form)
{
	size_t e = strlen(form), b, cap = sizeof c->modlast /
	    sizeof c->modlast[0];

	for (b = e; b > 0 && isalpha((unsigned char)form[b - 1]); b--)
		;
	if (b == e)
		c->nmodlast = cap;
	if (c->nmodlast < cap) {
		c->modlast[c->nmodlast].w = form + b;
		c->modlast[c->nmodlast++].n = e - b;
	}
}

/* File the word w[0..n) of list (LW_) in c->lastwords; a word the table
 * cannot hold sends the list the slow way (lw_slow). */
static void
lastword_add(struct ctx *c, const char *w, size_t n, unsigned list)
{
	if (n >= GLEAN_TRIGGER_MAX)
		c->lw_slow |= list;
	else
		glean_trigger_add(&c->lastwords, w, n, list);
}

/* Fill c->lastwords from the lists numlast and modlast and the "unit"
 * forms of date-words.tsv.  A unit form of letters alone is filed; one
 * with another byte (a blank, "-") can never be a word of letters, which
 * is all is_unit_word is asked about. */
static void
lastwords_init(struct ctx *c)
{
	size_t i, k;
	const char *f;

	glean_triggers_init(&c->lastwords);
	for (i = 0; i < c->nnumlast; i++)
		lastword_add(c, c->numlast[i].w, c->numlast[i].n, LW_NUM);
	for (i = 0; i < c->nmodlast; i++)
		lastword_add(c, c->modlast[i].w, c->modlast[i].n, LW_MOD);
	for (i = 0; i < c->words->nrows; i++) {
		if (c->words->rows[i].nf < 2 ||
		    strcmp(c->words->rows[i].f[1], "unit") != 0)
			continue;
		f = c->words->rows[i].f[0];
		for (k = 0; f[k] && isalpha((unsigned char)f[k]); k++)
			;
		if (k > 0 && !f[k])
			lastword_add(c, f, k, LW_UNIT);
	}
}

/* Add the longest word of form to class k. */
static void
trig_add(struct ctx *c, const char *form, int k)
{
	glean_trigger_add_longest(&c->trig, form, 1u << k);
}

/* Fill c->pass from c->trig: every word with a bit the pass over the
 * text acts on, with its bits but TB_CTX, which only unit_context asks
 * about (and from c->trig).  Most words of a text that c->trig holds
 * are such context words alone ("a", "this", "one"). */
static void
pass_init(struct ctx *c)
{
	const unsigned ctx_bit = 1u << TB_CTX;
	size_t i;

	glean_triggers_init(&c->pass);
	c->pass_lengths = 0;
	for (i = 0; i < GLEAN_TRIGGER_SLOTS; i++) {
		const struct glean_trigger *t = &c->trig.slot[i];
		size_t n = strnlen(t->w, GLEAN_TRIGGER_MAX);

		if (t->w[0] && (t->bits & ~ctx_bit)) {
			glean_trigger_add(&c->pass, t->w, n, t->bits &
			    ~ctx_bit);
			c->pass_lengths |= n < 32 ? 1u << n : 0;
		}
	}
}

/* Fill the trigger words from the lexicons: months, weekdays, units,
 * the words that open a unit expression, the key forms; and the last
 * words of the number and mod forms. */
void
trig_init(struct ctx *c)
{
	static const struct {
		const char *cls;
		int k;
	} wc[] = { { "unit", T_UNIT }, { "setphrase", T_UNIT },
	    { "partofday", T_UNIT }, { "deictic", T_DEIC },
	    { "season", T_MISC }, { "holiday", T_MISC }, { "vague", T_MISC } };
	size_t i, j;

	glean_triggers_init(&c->trig);
	for (i = 0; i < c->months->nrows; i++) {
		trig_add(c, c->months->rows[i].f[0], T_MON);
		if (atoi(c->months->rows[i].f[2]))
			trig_add(c, c->months->rows[i].f[0], TB_AMB);
	}
	/* words that must come before a unit for it to make a date:
	 * "the last three years", "every week", "recent months" (a
	 * qualifier, "less than", always comes with a number) */
	for (i = 0; i < c->words->nrows; i++)
		if (strcmp(c->words->rows[i].f[1], "rel") == 0 ||
		    strcmp(c->words->rows[i].f[1], "edge") == 0 ||
		    strcmp(c->words->rows[i].f[1], "every") == 0 ||
		    strcmp(c->words->rows[i].f[1], "vague") == 0)
			trig_add_all(c, c->words->rows[i].f[0], TB_CTX);
	for (i = 0; i < c->nw->lx->nrows; i++)
		if (strcmp(c->nw->lx->rows[i].f[2], "ord") != 0)
			trig_add_all(c, c->nw->lx->rows[i].f[0], TB_CTX);
	for (i = 0; i < c->wdays->nrows; i++)
		trig_add(c, c->wdays->rows[i].f[0], T_WD);
	for (i = 0; i < c->words->nrows; i++)
		for (j = 0; j < sizeof wc / sizeof wc[0]; j++)
			if (strcmp(c->words->rows[i].f[1], wc[j].cls) == 0)
				trig_add(c, c->words->rows[i].f[0], wc[j].k);
	for (i = 0; i < c->nw->lx->nrows; i++)
		if (strcmp(c->nw->lx->rows[i].f[2], "ord") == 0)
			trig_add(c, c->nw->lx->rows[i].f[0], T_ORD);
	/* the word P_QUARTER spells out */
	trig_add(c, "quarter", T_MISC);
	trig_add(c, "quarter", KB_QUARTER);
	for (i = 0; i < c->nw->lx->nrows; i++)
		add_numlast(c, c->nw->lx->rows[i].f[0]);
	for (i = 0; i < c->words->nrows; i++)
		if (strcmp(c->words->rows[i].f[1], "mod") == 0)
			add_modlast(c, c->words->rows[i].f[0]);
	lastwords_init(c);
	for (i = 0; i < c->words->nrows; i++)
		for (j = 0; j < sizeof key_classes / sizeof key_classes[0]; j++)
			if (strcmp(c->words->rows[i].f[1], key_classes[j].cls)
			    == 0)
				trig_add_key(c, c->words->rows[i].f[0],
				    key_classes[j].k);
	for (i = 0; i < NTRIG; i++)
		for (j = 0; j < NPAT; j++)
			if (pattern[j].classes & CLS(i))
				c->class_pats[i] |= 1u << j;
	pass_init(c);
}

