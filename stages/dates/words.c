/* See LICENSE file for copyright and license details. */
/*
 * words.c - the look-ups in the lexicons (months, weekdays, date words,
 * number words) that read the parts of a match: "24th" is day 24,
 * "Sept" month 9, "last" -1.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"

/* Is s[0..n) the form of row r, of class cls unless NULL? */
static int
row_is(const struct glean_row *r, const char *s, size_t n, const char *cls)
{
	const char *f = r->f[0];
	size_t j, k;

	if (cls && (r->nf < 2 || strcmp(r->f[1], cls) != 0))
		return 0;
	/* compare case-insensitively; a space matches any blanks */
	for (j = 0, k = 0; f[j] && k < n; j++) {
		if (f[j] == ' ') {
			if (!c_isspace((unsigned char)s[k]) &&
			    (unsigned char)s[k] != 0xc2)
				break;
			while (k < n && (c_isspace((unsigned char)s[k]) ||
			    (unsigned char)s[k] == 0xc2 ||
			    (unsigned char)s[k] == 0xa0))
				k++;
			continue;
		}
		if (lower((unsigned char)f[j]) != lower((unsigned char)s[k]))
			break;
		k++;
	}
	return !f[j] && k == n;
}

/* Can row r be the form s[0..n)?  Its first letter rules out most rows,
 * and cheaply. */
int
row_may_be(const struct glean_row *r, const char *s, size_t n)
{
	const char *f = r->f[0];

	return !n || f[0] == ' ' || lower((unsigned char)f[0]) ==
	    lower((unsigned char)s[0]);
}

/* The first row of lx whose form is s[0..n) (see row_is), of class
 * cls unless NULL; NULL for none. */
struct glean_row *
lookup(const struct glean_lexicon *lx, const char *s, size_t n,
    const char *cls)
{
	size_t i;

	for (i = 0; i < lx->nrows; i++)
		if (row_may_be(&lx->rows[i], s, n) &&
		    row_is(&lx->rows[i], s, n, cls))
			return &lx->rows[i];
	return NULL;
}

/* Index the rows of date-words.tsv by the first byte of a word they
 * may be. */
void
word_rows_init(struct ctx *c)
{
	size_t i, b;

	for (b = 0; b < 256; b++) {
		struct word_rows *ix = &c->word_first[b];
		char ch = (char)b;

		ix->row = glean_malloc((c->words->nrows + 1) *
		    sizeof *ix->row);
		for (i = 0; i < c->words->nrows; i++)
			if (row_may_be(&c->words->rows[i], &ch, 1))
				ix->row[ix->n++] = i;
	}
}

static int
num(const struct ctx *c, const char *s, size_t n)
{
	double v;

	if (glean_parse_number(c->nw, s, n, &v) < 0 || v < 0 || v > 1e6)
		return -1;
	return (int)v;
}

/* A day of the month: "24", "1st", "twenty-first", "fifteen". */
int
day_of(const struct ctx *c, const char *s, size_t n)
{
	size_t k = n;
	int v;

	if (n >= 3 && c_isdigit((unsigned char)s[0]) &&
	    c_isalpha((unsigned char)s[n - 1]))
		k = n - 2;
	v = num(c, s, k);
	if (v < 0 && n > 2) {
		/* ordinal compounds: "twenty-first", "thirty first" */
		size_t i = n;
		double o;

		while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-')
			i--;
		o = glean_numword(c->nw, s + i, n - i, "ord", NULL);
		if (o < 0)
			return -1;
		v = (int)o;
		if (i > 0) {
			int t = num(c, s, i - 1);

			if (t < 0)
				return -1;
			v += t;
		}
	}
	return v >= 1 && v <= 31 ? v : -1;
}

/* Where a name's bits are in c->names: its number (column 2, 0-15),
 * ambiguous (column 3, 0 or 1) and filed, a month's from NAME_MON on,
 * a weekday's from NAME_WD. */
enum { NAME_MON = 0, NAME_WD = 8, NAME_AMB = 0x10, NAME_FILED = 0x20 };

/*
 * File the names of lx in c->names at bit shift.  Returns 0, or -1 when
 * one will not go there (a form with a byte not a letter, or too long;
 * a number or ambiguous column out of range): then lx is looked through
 * row by row.  A form of letters is the only one row_is finds a word of
 * letters to be, and no form of letters is any other word; a form
 * already filed is the earlier row's, which lookup finds first.
 */
static int
names_add(struct ctx *c, const struct glean_lexicon *lx, int shift)
{
	size_t i, k;
	const char *f;
	int num, amb;

	for (i = 0; i < lx->nrows; i++) {
		f = lx->rows[i].f[0];
		for (k = 0; f[k] && c_isalpha((unsigned char)f[k]); k++)
			;
		num = atoi(lx->rows[i].f[1]);
		amb = atoi(lx->rows[i].f[2]);
		if (f[k] || k == 0 || k >= GLEAN_TRIGGER_MAX || num < 0 ||
		    num > 15 || amb < 0 || amb > 1)
			return -1;
		if (glean_trigger_find(&c->names, f, k) &
		    ((unsigned)NAME_FILED << shift))
			continue;
		glean_trigger_add(&c->names, f, k, (unsigned)(num |
		    (amb ? NAME_AMB : 0) | NAME_FILED) << shift);
	}
	return 0;
}

/* Fill c->names from months.tsv and weekdays.tsv. */
void
names_init(struct ctx *c)
{
	glean_triggers_init(&c->names);
	if (names_add(c, c->months, NAME_MON) < 0)
		c->names_slow |= 1u << NAME_MON;
	if (names_add(c, c->wdays, NAME_WD) < 0)
		c->names_slow |= 1u << NAME_WD;
}

/* The number (column 2) of the name s[0..n) in lx (months.tsv,
 * weekdays.tsv, filed in c->names at shift), 0 for none; *ambiguous
 * (unless NULL): column 3, the name is also a word ("may", "march"). */
static int
name_number(const struct ctx *c, const struct glean_lexicon *lx, int shift,
    const char *s, size_t n, int *ambiguous)
{
	struct glean_row *r;
	unsigned bits;

	if (!(c->names_slow & 1u << shift)) {
		bits = glean_trigger_find(&c->names, s, n) >> shift;
		if (!(bits & NAME_FILED))
			return 0;
		if (ambiguous)
			*ambiguous = (bits & NAME_AMB) != 0;
		return (int)(bits & 15);
	}
	if (!(r = lookup(lx, s, n, NULL)))
		return 0;
	if (ambiguous)
		*ambiguous = atoi(r->f[2]);
	return atoi(r->f[1]);
}

/* The month (1-12) named s[0..n), 0 for none; *ambiguous as
 * name_number. */
int
month_of(const struct ctx *c, const char *s, size_t n, int *ambiguous)
{
	return name_number(c, c->months, NAME_MON, s, n, ambiguous);
}

/* The weekday (1-7, Monday 1) named s[0..n), 0 for none. */
int
wday_of(const struct ctx *c, const char *s, size_t n, int *ambiguous)
{
	return name_number(c, c->wdays, NAME_WD, s, n, ambiguous);
}

/* lookup() in date-words.tsv. */
struct glean_row *
word_row(const struct ctx *c, const char *s, size_t n, const char *cls)
{
	const struct word_rows *ix;
	size_t i;

	if (!n)
		return lookup(c->words, s, n, cls);
	ix = &c->word_first[(unsigned char)s[0]];
	for (i = 0; i < ix->n; i++)
		if (row_is(&c->words->rows[ix->row[i]], s, n, cls))
			return &c->words->rows[ix->row[i]];
	return NULL;
}

/* The value column of word s[0..n) of class cls, or NULL. */
const char *
word_val(const struct ctx *c, const char *s, size_t n, const char *cls)
{
	struct glean_row *r = word_row(c, s, n, cls);

	return r ? r->f[2] : NULL;
}

/* Four-digit year, or two digits read as 19xx/20xx (window at 50). */
int
year_of(const char *s, size_t n)
{
	int y;

	if (n && (s[0] == '\'' || s[0] == '`'))
		s++, n--;
	if (n != 2 && n != 4)
		return -1;
	y = atoi(s);
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	return y;
}

/* Is t[i] an upper-case ASCII letter? */
int
is_upper_at(const char *t, size_t i)
{
	return isupper((unsigned char)t[i]);
}

/* The word before byte s (lower-cased into buf). */
void
prev_word(const char *t, size_t s, char *buf, size_t cap)
{
	size_t e = s, b;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\n'))
		e--;
	b = e;
	while (b > 0 && c_isalpha((unsigned char)t[b - 1]))
		b--;
	if (e - b >= cap)
		b = e - (cap - 1);
	for (size_t i = 0; b + i < e; i++)
		buf[i] = (char)lower((unsigned char)t[b + i]);
	buf[e - b] = '\0';
}

/* Is the word before s a preposition or determiner that makes a bare
 * month or weekday a date?  Uses the lexicon classes. */
int
date_context(const struct ctx *c, const char *t, size_t s)
{
	char w[24];

	prev_word(t, s, w, sizeof w);
	if (!*w)
		return 0;
	if (word_row(c, w, strlen(w), "mod") ||
	    word_row(c, w, strlen(w), "rel") ||
	    word_row(c, w, strlen(w), "edge") ||
	    word_row(c, w, strlen(w), "connector") ||
	    word_row(c, w, strlen(w), "opener"))
		return 1;
	return strcmp(w, "in") == 0 || strcmp(w, "on") == 0 ||
	    strcmp(w, "of") == 0 || strcmp(w, "during") == 0 ||
	    strcmp(w, "last") == 0;
}

/* The value of a "rel" word ("last" -1, "next" 1), 0 for none. */
int
rel_of(const struct ctx *c, const char *s, size_t n)
{
	const char *v = word_val(c, s, n, "rel");

	return v ? atoi(v) : 0;
}

/* Unit letter and multiplier from a unit word. */
int
unit_of(const struct ctx *c, const char *s, size_t n, int *mul)
{
	const char *v = word_val(c, s, n, "unit");

	*mul = 1;
	if (!v)
		return 0;
	if (strcmp(v, "WE") == 0)
		return 'E';
	if (v[1])
		*mul = atoi(v + 1);
	return v[0];
}

/*
 * Is the word of ASCII letters that ends at t[e] one of the n words of
 * list (any case)?  Yes, too, when a non-ASCII byte stands before it (a
 * letter a caseless match may take) and when the list is full (n ==
 * cap: the lexicon had more forms than room), so that a pattern is never
 * kept from a match it could make.
 */
static int
in_list(const struct numlast *list, size_t n, size_t cap, const char *t,
    size_t b, size_t e)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (list[k].n == e - b &&
		    strncasecmp(list[k].w, t + b, e - b) == 0)
			return 1;
	return n == cap;
}

/*
 * Does the word of ASCII letters ending at t[e] end a form of list
 * (LW_NUM: c->numlast, LW_MOD: c->modlast)?  As in_list says, looked up
 * in c->lastwords: it holds every word of the list (else the list is in
 * lw_slow), and a word of letters is one of them just when the table
 * gives it the list's bit (both compare ASCII letters without case).
 */
int
last_word_in(const struct ctx *c, unsigned list, const char *t, size_t e)
{
	size_t b;
	int full = list == LW_NUM ? c->nnumlast == sizeof c->numlast /
	    sizeof c->numlast[0] : c->nmodlast == sizeof c->modlast /
	    sizeof c->modlast[0];

	for (b = e; b > 0 && c_isalpha((unsigned char)t[b - 1]); b--)
		;
	if (b > 0 && (unsigned char)t[b - 1] >= 0x80)
		return 1;
	if (full)
		return 1;
	if (c->lw_slow & list)
		return list == LW_NUM ? in_list(c->numlast, c->nnumlast,
		    sizeof c->numlast / sizeof c->numlast[0], t, b, e) :
		    in_list(c->modlast, c->nmodlast, sizeof c->modlast /
		    sizeof c->modlast[0], t, b, e);
	return (glean_trigger_find(&c->lastwords, t + b, e - b) & list) != 0;
}

/* Is the word s[0..n) of ASCII letters (n > 0) a "unit" form of
 * date-words.tsv, as word_row(c, s, n, "unit") != NULL says? */
int
is_unit_word(const struct ctx *c, const char *s, size_t n)
{
	if (c->lw_slow & LW_UNIT)
		return word_row(c, s, n, "unit") != NULL;
	return (glean_trigger_find(&c->lastwords, s, n) & LW_UNIT) != 0;
}
