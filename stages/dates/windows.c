/* See LICENSE file for copyright and license details. */
/*
 * windows.c - where the patterns run.  Every date expression holds a
 * digit or one of the lexicon's date words (a month, weekday, unit,
 * season...).  One pass over the text finds them, by class; each date
 * pattern then runs only in windows around the triggers of its classes
 * (the classes column of its row), which is most of the speed of this
 * stage on ordinary text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "search.h"
#include "window.h"

/* How far, in bytes, an expression reaches left and right of its
 * trigger: "Wednesday, the 22nd of January 2017", "less than the last
 * twenty-five years", "two days after tomorrow". */
static const size_t win_left[NTRIG] = { 32, 48, 32, 56, 32, 32, 24, 24,
    16 };
static const size_t win_right[NTRIG] = { 32, 48, 48, 40, 16, 32, 48, 24,
    16 };

/*
 * Does form start at t[i]?  Letters compare without case; a blank of
 * the form takes any run of blanks or non-ASCII bytes, so this says yes
 * wherever the pattern's form could match (and sometimes more).
 */
static int
form_at(const char *t, size_t n, size_t i, const char *form)
{
	const char *f;

	for (f = form; *f; f++) {
		if (*f == ' ') {
			if (i >= n || !(c_isspace((unsigned char)t[i]) ||
			    (unsigned char)t[i] >= 0x80))
				return 0;
			while (i < n && (c_isspace((unsigned char)t[i]) ||
			    (unsigned char)t[i] >= 0x80))
				i++;
			continue;
		}
		if (i >= n || lower((unsigned char)t[i]) !=
		    lower((unsigned char)*f))
			return 0;
		i++;
	}
	return 1;
}

static void
add_hit(struct doc *d, size_t pos, unsigned bit)
{
	if (d->nhit == d->hitcap) {
		d->hitcap = d->hitcap ? 2 * d->hitcap : 16;
		d->hit = glean_realloc(d->hit, d->hitcap * sizeof *d->hit);
	}
	d->hit[d->nhit].pos = pos;
	d->hit[d->nhit++].bit = bit;
}

/* Note the key forms that start at the word t[i..) of ASCII letters:
 * keys are the word's key bits.  A form starts with a letter, so only
 * the forms of t[i]'s are compared, in the order of all. */
static void
find_keys(const struct ctx *c, struct doc *d, size_t i, unsigned keys)
{
	uint64_t forms = c->key_by_first[(unsigned char)d->t[i] & 31];
	int k;

	if (keys & (1u << KB_QUARTER))
		add_hit(d, i, 1u << KB_QUARTER);
	for (; forms; forms &= forms - 1)
		if ((keys & c->keybit[k = __builtin_ctzll(forms)]) &&
		    form_at(d->t, d->n, i, c->keyform[k]))
			add_hit(d, i, c->keybit[k]);
}

/*
 * Can a count end just before the unit word at t[i]: a digit ("3years"),
 * or blanks after a digit or a number word ("three years", "a few
 * weeks")?  Yes, too, next to a non-ASCII byte, which may be a digit,
 * a blank or a letter that the pattern's caseless match takes.
 */
static int
number_before(const struct ctx *c, const char *t, size_t i)
{
	size_t e = i;

	if (e > 0 && (c_isdigit((unsigned char)t[e - 1]) ||
	    (unsigned char)t[e - 1] >= 0x80))
		return 1;
	while (e > 0 && c_isspace((unsigned char)t[e - 1]))
		e--;
	if (e == i || e == 0)
		return 0;
	if (c_isdigit((unsigned char)t[e - 1]) ||
	    (unsigned char)t[e - 1] >= 0x80)
		return 1;
	return last_word_in(c, LW_NUM, t, e);
}

/* glean_lower_bound order: does key hit h start before byte *pos? */
static int
hit_before(const void *pos, const void *h)
{
	return ((const struct key_hit *)h)->pos < *(const size_t *)pos;
}

/* The key bits of the forms starting in t[s..e). */
static unsigned
keys_in(const struct doc *d, size_t s, size_t e)
{
	size_t i = glean_lower_bound(&s, d->hit, d->nhit, sizeof *d->hit,
	    hit_before);
	unsigned keys = 0;

	for (; i < d->nhit && d->hit[i].pos < e; i++)
		keys |= d->hit[i].bit;
	return keys;
}

/* Close window w of class cls: its patterns run once the whole text
 * has been looked at, and so all its starts noted. */
static void
close_window(struct ctx *c, struct doc *d, int cls,
    const struct glean_window *w)
{
	struct closed *k;
	size_t s = w->s, e = w->e;

	/* whole words only: a pattern's (?!\w) must not see a cut word
	 * as its end */
	glean_window_words(d->t, d->n, &s, &e);
	if (d->nclosed == d->closedcap) {
		d->closedcap = d->closedcap ? 2 * d->closedcap : 16;
		d->closed = glean_realloc(d->closed, d->closedcap *
		    sizeof *d->closed);
	}
	k = &d->closed[d->nclosed++];
	k->s = s;
	k->e = e;
	k->cls = cls;
	k->keys = keys_in(d, s, e) | c->ungated;
}

/* Sort the n windows w by start: an insertion sort, as a document has
 * few (its order among windows of one start does not matter: only
 * their union is looked at). */
static void
sort_closed(struct closed *w, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct closed x = w[i];

		for (j = i; j > 0 && w[j - 1].s > x.s; j--)
			w[j] = w[j - 1];
		w[j] = x;
	}
}

/* The patterns run_window may run in window w: those of its class
 * whose key, if they have one, is among its keys. */
static unsigned
window_pats(const struct ctx *c, const struct closed *w)
{
	unsigned pats = c->class_pats[w->cls], run = 0;
	int p;

	for (; pats; pats &= pats - 1) {
		p = __builtin_ctz(pats);
		if (!pattern[p].key || (pattern[p].key & w->keys))
			run |= 1u << p;
	}
	return run;
}

/* Find the starts in the windows, once where they overlap, of the
 * patterns that some window over them may run. */
static void
find_window_starts(const struct ctx *c, struct doc *d)
{
	struct closed *w;
	size_t i, s, e;
	unsigned want;

	if (!d->nclosed)
		return;
	w = glean_malloc(d->nclosed * sizeof *w);
	memcpy(w, d->closed, d->nclosed * sizeof *w);
	sort_closed(w, d->nclosed);
	s = w[0].s;
	e = w[0].e;
	want = window_pats(c, &w[0]);
	for (i = 1; i < d->nclosed; i++) {
		if (w[i].s > e) {
			find_starts(c, d, s, e, want);
			s = w[i].s;
			want = 0;
		}
		if (w[i].e > e)
			e = w[i].e;
		want |= window_pats(c, &w[i]);
	}
	find_starts(c, d, s, e, want);
	free(w);
}

/* Run the patterns of the window's class that its keys and its starts
 * allow. */
static void
run_window(struct ctx *c, struct doc *d, const struct closed *w)
{
	unsigned pats;
	size_t first = starts_in(d, w->s, w->e, &pats);
	int p;

	/* a pattern no start in the window opens cannot match there */
	for (pats &= c->class_pats[w->cls]; pats; pats &= pats - 1) {
		p = __builtin_ctz(pats);
		if (!pattern[p].key || (pattern[p].key & w->keys))
			scan_pattern(c, d, p, w->s, w->e, first);
	}
}

/* Is ch "/", "-" or "."? */
static int
is_sep(char ch)
{
	return ch == '/' || ch == '-' || ch == '.';
}

/* Is there a "/", "-", "." or dash within two bytes of t[s..e)? */
static int
near_sep(const char *t, size_t n, size_t s, size_t e)
{
	size_t i;

	/* strchr("/-.", t[i]) before the digits: a NUL byte counts */
	for (i = s > 2 ? s - 2 : 0; i < s; i++)
		if (is_sep(t[i]) || !t[i] || (unsigned char)t[i] == 0xe2)
			return 1;
	for (i = e; i < n && i < e + 3; i++)
		if (is_sep(t[i]) || (unsigned char)t[i] == 0xe2)
			return 1;
	return 0;
}

static int
digit_near(const char *t, size_t n, size_t s, size_t e)
{
	size_t i;

	for (i = s > 12 ? s - 12 : 0; i < s; i++)
		if (c_isdigit((unsigned char)t[i]))
			return 1;
	for (i = e; i < n && i < e + 12; i++)
		if (c_isdigit((unsigned char)t[i]))
			return 1;
	return 0;
}

static int
of_before(const char *t, size_t i)
{
	char w[8];

	prev_word(t, i, w, sizeof w);
	return strcmp(w, "of") == 0;
}

/*
 * Can the unit word t[s..e) be part of a date expression?  Only with a
 * number or an opening word ("last", "three", "every", "recent") among
 * the three words before it, or "on" after it ("year on year").  Words
 * that are not units (setphrase and part-of-day triggers) always can.
 */
static int
unit_context(const struct ctx *c, const char *t, size_t n, size_t s,
    size_t e)
{
	size_t i = s, we;
	int words = 0;

	if (!is_unit_word(c, t + s, e - s))
		return 1;
	while (i < n && e < n && (t[e] == ' ' || t[e] == '-') && e + 3 <= n &&
	    strncasecmp(t + e + 1, "on", 2) == 0)
		return 1;
	while (i > 0 && words < 3) {
		while (i > 0 && !c_isalnum((unsigned char)t[i - 1])) {
			if (t[i - 1] == '.' || t[i - 1] == '\n')
				return 0;
			if (s - i > 24)
				return 0;
			i--;
		}
		we = i;
		while (i > 0 && c_isalnum((unsigned char)t[i - 1]))
			i--;
		if (we == i)
			break;
		if (c_isdigit((unsigned char)t[i]) ||
		    (glean_trigger_find(&c->trig, t + i, we - i) &
		    (1u << TB_CTX)))
			return 1;
		words++;
	}
	return 0;
}

/* Is the word before t[i], or the one before that ("the twenty
 * second"), "the", "on" or "for" (THEDAY's openers)?  The words as
 * prev_word finds them, looked at where they stand. */
static int
day_word_before(const char *t, size_t i)
{
	size_t b, e;
	int k;

	for (k = 0; k < 2; k++) {
		for (e = i; e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
		    t[e - 1] == '\n'); e--)
			;
		/* isalpha of the C locale */
		for (b = e; b > 0 && (unsigned)(((unsigned char)t[b - 1] |
		    0x20) - 'a') < 26; b--)
			;
		/* by its length first: most words are none of the three */
		if ((e - b == 3 && (word_is(t, b, e, "the") ||
		    word_is(t, b, e, "for"))) || (e - b == 2 &&
		    word_is(t, b, e, "on")))
			return 1;
		if (b == e)
			return 0;
		/* on from the word's start: only blanks stand between it
		 * and i */
		i = b;
	}
	return 0;
}

/* Take the trigger t[s..e) into the window of class k, closing the
 * window it does not reach. */
static void
open_window(struct ctx *c, struct doc *d, struct glean_window *w, int k,
    size_t s, size_t e)
{
	struct glean_window done;

	if (glean_window_add(&w[k], d->n, s, e, win_left[k], win_right[k],
	    &done))
		close_window(c, d, k, &done);
}

/* The run of digits at t[i]: open the windows it is a trigger of. */
static __attribute__((noinline)) void
digits_trigger(struct ctx *c, struct doc *d, struct glean_window *w, size_t i)
{
	const char *t = d->t;
	size_t j;

	for (j = i; j < d->n && c_isdigit((unsigned char)t[j]);)
		j++;
	if (i > 0 && (t[i - 1] == 'Q' || t[i - 1] == 'q')) {
		add_hit(d, i - 1, 1u << KB_QUARTER);
		open_window(c, d, w, T_MISC, i, j);
	}
	if (j - i == 4)
		open_window(c, d, w, near_sep(t, d->n, i, j) ? T_DIG : T_YEAR,
		    i, j);
	else if (j - i <= 2 && j + 1 < d->n && is_sep(t[j]) &&
	    c_isdigit((unsigned char)t[j + 1]))
		open_window(c, d, w, T_NUMD, i, j);
	else if (j - i <= 2 && (day_word_before(t, i) || (j < d->n &&
	    (t[j] == 's' || t[j] == '\'' || (unsigned char)t[j] == 0xe2))))
		open_window(c, d, w, T_ORD, i, j);
}

/* The word t[i..j), a trigger word of classes cls: note its key forms
 * and counts, and open the windows of the classes its neighbours
 * allow. */
static void
word_trigger(struct ctx *c, struct doc *d, struct glean_window *w, size_t i,
    size_t j, unsigned cls)
{
	const char *t = d->t;

	if (cls & KEY_BITS)
		find_keys(c, d, i, cls);
	if ((cls & (1u << T_UNIT)) && number_before(c, t, i))
		add_hit(d, i, 1u << KB_COUNT);
	/* an ordinal word counts only as "on the second" */
	if ((cls & (1u << T_ORD)) && !day_word_before(t, i))
		cls &= ~(1u << T_ORD);
	/* "they may": a lower-case "may" or "march" needs a number or
	 * "of" next to it */
	if ((cls & (1u << TB_AMB)) && islower((unsigned char)t[i]) &&
	    !digit_near(t, d->n, i, j) && !of_before(t, i))
		cls &= ~(1u << T_MON);
	/* "year" alone is no date: a number or a word such as "last" comes
	 * before it */
	if ((cls & (1u << T_UNIT)) && !unit_context(c, t, d->n, i, j))
		cls &= ~(1u << T_UNIT);
	/* the classes in turn, from the lowest, as a loop over k would */
	for (cls &= (1u << NTRIG) - 1; cls; cls &= cls - 1)
		open_window(c, d, w, __builtin_ctz(cls), i, j);
}

/* The word t[i..j) of ASCII letters, which may be a trigger word: open
 * the windows it is a trigger of.  Out of line: most words are none,
 * and the loop over them keeps its registers. */
static __attribute__((noinline)) void
letters_trigger(struct ctx *c, struct doc *d, struct glean_window *w,
    size_t i, size_t j)
{
	unsigned cls;

	/* a word cut by a non-ASCII letter opens a window for nothing,
	 * which is harmless */
	if ((cls = glean_trigger_find(&c->pass, d->t + i, j - i)) != 0)
		word_trigger(c, d, w, i, j, cls);
}

/*
 * The words of ASCII letters of a block of 64 bytes, a bit each: the
 * word that goes on past the block, if it starts in it; the others by
 * length, one letter, two, and more, with the last letter of each of
 * those.  The pass over a text looks up no word of a length no trigger
 * word has (c->pass_lengths), and English has many of one or two.
 */
struct block_words {
	uint64_t far;		/* the start of the word that goes on */
	uint64_t one, two;	/* the starts of words of one, two letters */
	uint64_t starts;	/* the first letter of a longer word */
	uint64_t lasts;		/* its last letter */
};

/*
 * The words of the block of t[0..n) at base whose letters are the bits
 * of letters; *after_letter says whether the byte before the block was
 * a letter, and becomes whether its last byte is one.  A word's last
 * letter is a letter with no letter after it (the byte after the block
 * asked for the last bit); the end of a word begun before the block is
 * none of this block's, nor is that of the word going on past it.  The
 * k-th start of a word of three letters or more is that word's, as is
 * the k-th last letter with two letters before it: both in text order.
 */
static void
block_words(const char *t, size_t n, size_t base, uint64_t letters,
    uint64_t *after_letter, struct block_words *bw)
{
	int in_word = (int)(*after_letter & letters & 1);
	uint64_t starts = glean_run_starts(letters, after_letter),
	    lasts = letters & ~(letters >> 1);

	if (in_word)
		lasts &= lasts - 1;
	bw->far = 0;
	if ((letters >> 63) && base + 64 < n &&
	    c_isalpha((unsigned char)t[base + 64])) {
		lasts &= ~((uint64_t)1 << 63);
		/* the last start is the going word's, or it began before
		 * the block and none starts in it */
		if (starts)
			bw->far = (uint64_t)1 << (63 - __builtin_clzll(starts));
		starts &= ~bw->far;
	}
	bw->one = starts & ~(letters >> 1);
	bw->two = starts & (letters >> 1) & ~(letters >> 2);
	bw->starts = starts & ~(bw->one | bw->two);
	bw->lasts = lasts & letters << 1 & letters << 2;
}

/* The words of len letters at the bits of starts of the block w at
 * base that the trigger table may hold, as bits, each one's end into
 * end[] at its bit. */
static uint64_t
short_runs(const struct glean_triggers *trig, const char *w, size_t base,
    uint64_t starts, size_t len, size_t *end)
{
	uint64_t runs = 0;

	for (; starts; starts &= starts - 1) {
		size_t b = (size_t)__builtin_ctzll(starts);

		if (glean_trigger_maybe(trig, w + b, len)) {
			runs |= (uint64_t)1 << b;
			end[b] = base + b + len;
		}
	}
	return runs;
}

/*
 * The runs of one block of 64 bytes at base, its words bw, that may be
 * triggers, as bits of the block, returned: the starts of its runs of
 * digits, digit_starts, and of its words that the trigger table (c's
 * pass) may hold, the end of each such word in end[] at its start's bit.
 * A longer word is paired with its last letter: no search for its end.
 * No calls but for the word going on: the loop over the words, most of
 * which are none, keeps its registers.
 */
static __attribute__((noinline)) uint64_t
block_runs(const struct ctx *c, const char *t, size_t n, size_t base,
    const struct block_words *bw, uint64_t digit_starts, size_t *end)
{
	const struct glean_triggers *trig = &c->pass;
	const char *w = t + base;
	uint64_t starts = bw->starts, lasts = bw->lasts, runs = digit_starts;

	if (bw->far) {
		size_t b = (size_t)__builtin_ctzll(bw->far),
		    j = glean_letters_end_far(t, base + 64, n);

		if (glean_trigger_maybe(trig, w + b, j - base - b)) {
			runs |= bw->far;
			end[b] = j;
		}
	}
	if (c->pass_lengths & 1u << 1)
		runs |= short_runs(trig, w, base, bw->one, 1, end);
	if (c->pass_lengths & 1u << 2)
		runs |= short_runs(trig, w, base, bw->two, 2, end);
	for (; starts; starts &= starts - 1, lasts &= lasts - 1) {
		/* 32 bits: no widening on the way */
		unsigned b = (unsigned)__builtin_ctzll(starts),
		    l = (unsigned)__builtin_ctzll(lasts), len = l - b + 1;

		/* most words are no trigger: one table read, the first
		 * test of glean_trigger_maybe with its letters at hand */
		if (len < GLEAN_TRIGGER_MAX && (trig->last[len][w[b] & 31] >>
		    (w[l] & 31) & 1) && __builtin_expect(glean_trigger_maybe(
		    trig, w + b, len), 0)) {
			runs |= (uint64_t)1 << b;
			end[b] = base + l + 1;
		}
	}
	return runs;
}

/*
 * Find the dates of d's text into d->c: open the windows of the
 * triggers in one pass over the starts of the runs of letters and of
 * digits, note the starts in them, then run each window's patterns.
 */
void
scan_windows(struct ctx *c, struct doc *d)
{
	struct glean_window w[NTRIG] = { { 0 } };
	size_t end[64];
	const char *t = d->t;
	size_t base, i;
	uint64_t after_letter = 0, after_digit = 0;
	int k;

	for (base = 0; base < d->n; base += 64) {
		struct glean_block blk;
		struct block_words bw;
		uint64_t digits, runs;

		glean_block_classes(t + base, d->n - base, 0, &blk);
		block_words(t, d->n, base, blk.letters, &after_letter, &bw);
		digits = glean_run_starts(blk.digits, &after_digit);
		runs = block_runs(c, t, d->n, base, &bw, digits, end);
		/* in text order, as the windows and key hits want */
		for (; runs; runs &= runs - 1) {
			int b = __builtin_ctzll(runs);

			if (digits >> b & 1)
				digits_trigger(c, d, w, base + (size_t)b);
			else
				letters_trigger(c, d, w, base + (size_t)b,
				    end[b]);
		}
	}
	for (k = 0; k < NTRIG; k++)
		if (w[k].have)
			close_window(c, d, k, &w[k]);
	find_window_starts(c, d);
	for (i = 0; i < d->nclosed; i++)
		run_window(c, d, &d->closed[i]);
}
