/* See LICENSE file for copyright and license details. */
/*
 * gates.c - exact gates of the patterns that are tried often and seldom
 * match: a necessary condition of a match at a start, checked in C
 * before the anchored try, so that a "no" is sure (the try could only
 * have failed) and the output is that of trying everywhere.  The bytes
 * a gate lets pass are taken from the lexicons' forms that the pattern
 * is expanded with; when a form holds a byte a gate's reasoning rules
 * out, that gate is off and always says yes.  tests/unit/dates.c checks
 * each gate against its pattern on generated texts.
 *
 * THEDAY ("on the 22nd.") ends where its lookahead sees {SP0} and one of
 * ".!?,;:)" or the end: every byte from the start to there is one the
 * match or those blanks may hold (GATE_IN), so the first byte that is
 * not, or is a stop (GATE_STOP), is the lookahead's; and the word before
 * it (blanks between) is the match's last: a day in digits, "month", or
 * the last word of a number form (LW_NUM holds those of the ordinals).
 *
 * MDD ("March 3 to 5") holds a day in digits after its month, blanks,
 * opener and "the": the first byte from the start that none of those
 * may hold must be a run of one or two ASCII digits (or a byte from 0x80
 * up: a Unicode digit, a blank).
 *
 * NUMYM ("2004/5"), NUM2 ("12/5") and DDM ("3 to 5 May") start, where
 * a digit stands, with runs of ASCII digits and their separators, which
 * are read as the expression reads them (a byte from 0x80 up, which may
 * be a Unicode digit or blank, says yes): NUMYM four digits, blanks, one
 * of "-/.", blanks, a digit; NUM2 after no byte its lookbehind rules out,
 * one or two digits, one of "-/.", one or two digits and none of what its
 * lookahead rules out; DDM one or two digits (its [0-9] are ASCII), maybe
 * "st", "nd", "rd" or "th", blanks and the first byte of a connector.
 *
 * RELN ("the last three years", "5 days ago") holds a unit word right
 * after its count: a digit or blanks after a number form's last word
 * (or after a digit) before it, which is where the pass over the text
 * notes a count (a KB_COUNT key hit: a unit form is a trigger word, and
 * number_before says yes there).  Before the unit stand only the bytes
 * of its qualifier, "the", its "last", its count and blanks: from the
 * start, the first byte none of those may hold (GATE_IN) ends the part
 * before the unit, and a count must be noted before it.  A byte from
 * 0x80 up there says yes (a Unicode digit or blank, a letter a caseless
 * match takes for an ASCII one, which may hide the unit or the count
 * from the pass).
 *
 * MDY ("Monday, March 3", "May the first") has its day among the first
 * five words: before it stand only a weekday, "the" and a month, each a
 * word of letters with a stop or blanks after it; the day is one or two
 * digits or starts with the first word of a number form, and may stick
 * to the month ("May5", "Mayfirst"), as "the" may ("Maythe 5th").
 */
#include <string.h>

#include "dates.h"
#include "search.h"

enum { GATE_IN = 1, GATE_STOP = 2 };

/* Mark every byte of the forms of lx (the rows whose column fcol is
 * fval; all rows for NULL) with bit in set. */
static void
form_bytes(unsigned char set[256], const struct glean_lexicon *lx,
    size_t fcol, const char *fval, unsigned char bit)
{
	size_t i;
	const unsigned char *f;

	for (i = 0; i < lx->nrows; i++) {
		const struct glean_row *r = &lx->rows[i];

		if (fval && (fcol >= r->nf || strcmp(r->f[fcol], fval) != 0))
			continue;
		for (f = (const unsigned char *)r->f[0]; *f; f++)
			set[*f] |= bit;
	}
}

/* Mark the bytes every gate lets through in set: ASCII letters and
 * white space (a form's blank matches \s), bytes from 0x80 up, and the
 * bytes of str. */
static void
base_bytes(unsigned char set[256], const char *str, unsigned char bit)
{
	int b;

	for (b = 0; b < 256; b++)
		if (c_isalpha((unsigned char)b) || c_isspace((unsigned char)b) ||
		    b >= 0x80)
			set[b] |= bit;
	for (; *str; str++)
		set[(unsigned char)*str] |= bit;
}

/*
 * Is every ordinal form of ASCII bytes, ending with a letter, its last
 * word of letters after a byte that is no letter or digit (or the form's
 * start)?  Then the ordinal a THEDAY match ends with ends with a word
 * that last_word_in(LW_NUM) knows, standing alone in the text.
 */
static int
ordinals_plain(const struct glean_lexicon *lx)
{
	size_t i, n, b;
	const char *f;

	for (i = 0; i < lx->nrows; i++) {
		if (lx->rows[i].nf < 3 || strcmp(lx->rows[i].f[2], "ord") != 0)
			continue;
		f = lx->rows[i].f[0];
		n = strlen(f);
		for (b = 0; b < n; b++)
			if ((unsigned char)f[b] >= 0x80)
				return 0;
		if (!n || !c_isalpha((unsigned char)f[n - 1]))
			return 0;
		for (b = n; b > 0 && c_isalpha((unsigned char)f[b - 1]); b--)
			;
		if (b > 0 && c_isdigit((unsigned char)f[b - 1]))
			return 0;
	}
	return 1;
}

/*
 * Are the forms of lx (all rows; kind cls of the trigger table, 0 for
 * none) each one word of ASCII letters, with stops or blanks about it
 * that go into sep (and, for cls, filed in c->trig with it)?  With first,
 * the forms of lx whose column 2 is "card" or "ord" instead, which need
 * only start with such a word: it goes into c->numfirst.  0 when a form
 * is none of that.
 */
static int
plain_words(struct ctx *c, const struct glean_lexicon *lx, unsigned cls,
    int first, unsigned char sep[256])
{
	size_t i, k, b, e;

	for (i = 0; i < lx->nrows; i++) {
		const char *f = lx->rows[i].f[0];

		if (first && (lx->rows[i].nf < 3 || (strcmp(lx->rows[i].f[2],
		    "card") != 0 && strcmp(lx->rows[i].f[2], "ord") != 0)))
			continue;
		for (b = 0; f[b] && !c_isalpha((unsigned char)f[b]); b++)
			;
		for (e = b; c_isalpha((unsigned char)f[e]); e++)
			;
		if (e == b || e - b >= GLEAN_TRIGGER_MAX ||
		    c_isdigit((unsigned char)f[e]) || (first && b > 0))
			return 0;
		if (first) {
			glean_trigger_add(&c->numfirst, f, e - b, 1);
			if (!glean_trigger_find(&c->numfirst, f, e - b))
				return 0;
			continue;
		}
		for (k = 0; f[k]; k++)
			if ((k < b || k >= e) && (c_isalnum((unsigned char)f[k]) ||
			    (unsigned char)f[k] >= 0x80))
				return 0;
			else if (k < b || k >= e)
				sep[(unsigned char)f[k]] = 1;
		if (!(glean_trigger_find(&c->trig, f + b, e - b) & cls))
			return 0;
	}
	return 1;
}

/* MDY's tables: the bytes that may stand between the words before the
 * day, the first words of the number forms; 0 when a form leaves the
 * gate nothing sure to say. */
static int
mdy_init(struct ctx *c)
{
	int b;

	memset(c->mdy_sep, 0, sizeof c->mdy_sep);
	for (b = 0; b < 0x80; b++)
		c->mdy_sep[b] = c_isspace((unsigned char)b) ||
		    strchr(".,-/", b) != NULL;
	c->mdy_sep[0] = 0;
	glean_triggers_init(&c->numfirst);
	return plain_words(c, c->months, CLS(T_MON), 0, c->mdy_sep) &&
	    plain_words(c, c->wdays, CLS(T_WD), 0, c->mdy_sep) &&
	    plain_words(c, c->nw->lx, 0, 1, NULL);
}

/* DDM's table: the first bytes of the connectors, in both cases; 0
 * when a weekday form (NUM2's optional first word) starts with a digit,
 * which the digit gates do not expect. */
static int
digits_init(struct ctx *c)
{
	size_t i;

	memset(c->conn_first, 0, sizeof c->conn_first);
	for (i = 0; i < c->words->nrows; i++) {
		const struct glean_row *r = &c->words->rows[i];
		unsigned char ch = (unsigned char)r->f[0][0];

		if (r->nf > 1 && strcmp(r->f[1], "connector") == 0) {
			c->conn_first[ch] = 1;
			c->conn_first[lower(ch)] = 1;
			if (ch >= 'a' && ch <= 'z')
				c->conn_first[ch - 'a' + 'A'] = 1;
		}
	}
	for (i = 0; i < c->wdays->nrows; i++)
		if (c_isdigit((unsigned char)c->wdays->rows[i].f[0][0]))
			return 0;
	return 1;
}

/*
 * RELN's table: the bytes that may stand before the unit, as base_bytes
 * and those of the qualifiers, the "last" words and the number forms.
 * On only where what the gate counts on holds: every unit form one word
 * of ASCII letters that the pass looks up as a unit, and the last word
 * of every number form, and of NUMW's own words, one of LW_NUM.
 */
static void
reln_init(struct ctx *c)
{
	static const char *const own[] = { "hundred", "half", "quarter" };
	size_t i, k, n;
	int b;

	memset(c->reln_byte, 0, sizeof c->reln_byte);
	base_bytes(c->reln_byte, "0123456789-.", GATE_IN);
	form_bytes(c->reln_byte, c->approx, 0, NULL, GATE_IN);
	form_bytes(c->reln_byte, c->words, 1, "rel", GATE_IN);
	form_bytes(c->reln_byte, c->nw->lx, 0, NULL, GATE_IN);
	for (b = 0x80; b < 256; b++)
		c->reln_byte[b] = GATE_STOP;
	c->reln_on = 1;
	for (i = 0; i < c->words->nrows; i++) {
		const char *f = c->words->rows[i].f[0];

		if (c->words->rows[i].nf < 2 ||
		    strcmp(c->words->rows[i].f[1], "unit") != 0)
			continue;
		for (n = 0; c_isalpha((unsigned char)f[n]); n++)
			;
		if (f[n] || !n || !(glean_trigger_find(&c->pass, f, n) &
		    CLS(T_UNIT)))
			c->reln_on = 0;
	}
	for (i = 0; i < c->nw->lx->nrows; i++) {
		const char *f = c->nw->lx->rows[i].f[0];

		n = strlen(f);
		if (n && !c_isdigit((unsigned char)f[n - 1]) &&
		    !last_word_in(c, LW_NUM, f, n))
			c->reln_on = 0;
	}
	for (k = 0; k < sizeof own / sizeof own[0]; k++)
		if (!last_word_in(c, LW_NUM, own[k], strlen(own[k])))
			c->reln_on = 0;
}

/* glean_lower_bound order: does key hit h start before byte *pos? */
static int
hit_starts_before(const void *pos, const void *h)
{
	return ((const struct key_hit *)h)->pos < *(const size_t *)pos;
}

int
reln_may_match(const struct ctx *c, const struct doc *d, size_t to,
    size_t i)
{
	const unsigned char *u = (const unsigned char *)d->t;
	size_t j = i, h, count = to;

	if (!c->reln_on)
		return 1;
	/* the first count noted from i: the bytes up to it are looked at,
	 * not those up to the end of the part before the unit */
	for (h = glean_lower_bound(&i, d->hit, d->nhit, sizeof *d->hit,
	    hit_starts_before); h < d->nhit && d->hit[h].pos < to; h++)
		if (d->hit[h].bit & (1u << KB_COUNT)) {
			count = d->hit[h].pos;
			break;
		}
	while (j < count && c->reln_byte[u[j]] == GATE_IN)
		j++;
	return j < to && (j == count || u[j] >= 0x80);
}

/* Make the tables of the gates from the lexicons (after trig_init,
 * whose LW_NUM list THEDAY's and RELN's gates read). */
void
gates_init(struct ctx *c)
{
	static const char stops[] = ".!?,;:)";
	const char *s;
	int b, theday_on, mdd_on = 1;

	memset(c->theday_byte, 0, sizeof c->theday_byte);
	base_bytes(c->theday_byte, "0123456789-", GATE_IN);
	form_bytes(c->theday_byte, c->nw->lx, 2, "card", GATE_IN);
	form_bytes(c->theday_byte, c->nw->lx, 2, "ord", GATE_IN);
	form_bytes(c->theday_byte, c->words, 1, "rel", GATE_IN);
	theday_on = ordinals_plain(c->nw->lx);
	for (s = stops; *s; s++) {
		if (c->theday_byte[(unsigned char)*s] & GATE_IN)
			theday_on = 0;
		c->theday_byte[(unsigned char)*s] |= GATE_STOP;
	}
	memset(c->mdd_byte, 0, sizeof c->mdd_byte);
	base_bytes(c->mdd_byte, ".", GATE_IN);
	form_bytes(c->mdd_byte, c->months, 0, NULL, GATE_IN);
	form_bytes(c->mdd_byte, c->words, 1, "opener", GATE_IN);
	for (b = '0'; b <= '9'; b++)
		if (c->mdd_byte[b] & GATE_IN)
			mdd_on = 0;
	reln_init(c);
	c->gated = (theday_on ? 1u << P_THEDAY : 0) |
	    (mdd_on ? 1u << P_MDD : 0) | (mdy_init(c) ? 1u << P_MDY : 0) |
	    (digits_init(c) ? 1u << P_NUMYM | 1u << P_NUM2 | 1u << P_DDM : 0);
}

/* THEDAY's gate at t[i], the text ending at to (see the top). */
static int
theday_may_match(const struct ctx *c, const char *t, size_t to, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t j = i, e, b, k;

	while (j < to && c->theday_byte[u[j]] == GATE_IN)
		j++;
	if (j < to && !(c->theday_byte[u[j]] & GATE_STOP))
		return 0;
	/* the match ends before the blanks of {SP0} (an 0xa0 of
	 * U+00A0 is looked at no further) */
	for (e = j; e > i && (u[e - 1] == ' ' || u[e - 1] == '\t' ||
	    u[e - 1] == '\n'); e--)
		;
	if (e == i || u[e - 1] >= 0x80)
		return e > i;
	for (b = e; b > i && c_isalnum(u[b - 1]); b--)
		;
	if (b > i && u[b - 1] >= 0x80)
		return 1;
	if (b == e)
		return 0;
	if (c_isdigit(u[b]))
		return 1;	/* {DAYN} */
	for (k = b; k < e; k++)
		if (c_isdigit(u[k]))
			return 0;
	return word_is(t, b, e, "month") ||
	    last_word_in(c, LW_NUM, t, e);
}

/* MDD's gate at t[i], the text ending at to (see the top). */
static int
mdd_may_match(const struct ctx *c, const char *t, size_t to, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t j = i, k;

	while (j < to && u[j] < 0x80 && (c->mdd_byte[u[j]] & GATE_IN))
		j++;
	if (j == to || !(c_isdigit(u[j]) || u[j] >= 0x80))
		return 0;
	/* {DAYN}: one or two digits, no third */
	for (k = j; k < to && k < j + 3 && c_isdigit(u[k]); k++)
		;
	return k - j < 3;
}

/* May MDY's day be the word t[b..e) of ASCII letters and digits: one
 * or two digits, or the first word of a number form, either after a
 * month stuck to it ("May5", "Mayfirst")? */
static int
mdy_day_may(const struct ctx *c, const char *t, size_t b, size_t e)
{
	size_t k, m;

	for (k = b; k < e && !c_isdigit((unsigned char)t[k]); k++)
		;
	if (k < e) {
		for (m = k; m < e && c_isdigit((unsigned char)t[m]); m++)
			;
		return m - k <= 2;
	}
	for (k = b; k < e; k++)
		if (glean_trigger_maybe(&c->numfirst, t + k, e - k) &&
		    glean_trigger_find(&c->numfirst, t + k, e - k))
			return 1;
	return 0;
}

/* MDY's gate at t[i], the text ending at to (see the top). */
static int
mdy_may_match(const struct ctx *c, const char *t, size_t to, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t j = i, b;
	int words;

	for (words = 0; words < 5; words++) {
		for (; j < to && !c_isalnum(u[j]); j++)
			if (u[j] >= 0x80)
				return 1;
			else if (!c->mdy_sep[u[j]])
				return 0;
		for (b = j; j < to && c_isalnum(u[j]); j++)
			;
		if (b == j)
			return 0;
		if ((j < to && u[j] >= 0x80) || mdy_day_may(c, t, b, j))
			return 1;
		/* only a weekday, "the" and a month stand before it, "the"
		 * maybe stuck to the month ("Maythe") */
		if (!(j - b >= 3 && word_is(t, j - 3, j, "the")) &&
		    !(glean_trigger_find(&c->trig, t + b, j - b) &
		    (CLS(T_MON) | CLS(T_WD))))
			return 0;
	}
	return 0;
}

/* The end of the run of at most max ASCII digits at t[j] (of to) when
 * one to max stand there and no more; 0 when not, SIZE_MAX when a byte
 * from 0x80 up (a Unicode digit?) stands in or after it. */
static size_t
digits_end(const unsigned char *u, size_t to, size_t j, size_t max)
{
	size_t k;

	for (k = j; k < to && k <= j + max && c_isdigit(u[k]); k++)
		;
	if (k < to && u[k] >= 0x80)
		return SIZE_MAX;
	return k == j || k > j + max ? 0 : k;
}

/* Past the blanks (space, tab, line break) from t[j]. */
static size_t
blanks_end(const unsigned char *u, size_t to, size_t j)
{
	while (j < to && (u[j] == ' ' || u[j] == '\t' || u[j] == '\n'))
		j++;
	return j;
}

/* Is t[j] one of "-/."? */
static int
date_sep(const unsigned char *u, size_t to, size_t j)
{
	return j < to && (u[j] == '-' || u[j] == '/' || u[j] == '.');
}

/* NUMYM's gate at t[i], an ASCII digit (see the top). */
static int
numym_may_match(const unsigned char *u, size_t to, size_t i)
{
	size_t j = digits_end(u, to, i, 4);

	if (j == SIZE_MAX)
		return 1;
	if (j != i + 4)
		return 0;
	j = blanks_end(u, to, j);
	if (j < to && u[j] >= 0x80)
		return 1;
	if (!date_sep(u, to, j))
		return 0;
	j = blanks_end(u, to, j + 1);
	return j < to && (u[j] >= 0x80 || c_isdigit(u[j]));
}

/* Does NUM2's lookbehind, (?<![\w.,/£$€¥-]), let it start at t[i]?
 * (A letter from 0x80 up, which \w takes, is left to the try.) */
static int
num2_before(const unsigned char *u, size_t i)
{
	unsigned char b;

	if (i == 0)
		return 1;
	b = u[i - 1];
	if (b && (c_isalnum(b) || strchr("_.,/$-", b)))
		return 0;
	/* £ and ¥ end in 0xa3, 0xa5 after 0xc2, € in 0xac */
	if (i > 1 && u[i - 2] == 0xc2 && (b == 0xa3 || b == 0xa5))
		return 0;
	return !(i > 2 && u[i - 3] == 0xe2 && u[i - 2] == 0x82 && b == 0xac);
}

/* NUM2's gate at t[i], an ASCII digit (see the top). */
static int
num2_may_match(const unsigned char *u, size_t to, size_t i)
{
	size_t j;

	if (!num2_before(u, i))
		return 0;
	if ((j = digits_end(u, to, i, 2)) == SIZE_MAX)
		return 1;
	if (!j || !date_sep(u, to, j))
		return 0;
	if ((j = digits_end(u, to, j + 1, 2)) == SIZE_MAX)
		return 1;
	if (!j)
		return 0;
	/* (?!\w|%|[.,/-]?\d) */
	if (j == to || u[j] >= 0x80)
		return 1;
	if (c_isalnum(u[j]) || u[j] == '_' || u[j] == '%')
		return 0;
	if (strchr(".,/-", u[j]) && j + 1 < to)
		return u[j + 1] >= 0x80 || !c_isdigit(u[j + 1]);
	return 1;
}

/* May a connector start at t[j] after blanks? */
static int
conn_after(const struct ctx *c, const unsigned char *u, size_t to, size_t j)
{
	j = blanks_end(u, to, j);
	return j < to && (u[j] >= 0x80 || c->conn_first[u[j]]);
}

/* DDM's gate at t[i], an ASCII digit (see the top). */
static int
ddm_may_match(const struct ctx *c, const unsigned char *u, size_t to,
    size_t i)
{
	size_t j = digits_end(u, to, i, 2);

	if (j == SIZE_MAX)
		return 1;
	if (!j)
		return 0;
	if (conn_after(c, u, to, j))
		return 1;
	/* a suffix, a letter of which may be from 0x80 up */
	if (j + 2 <= to && (u[j] >= 0x80 || u[j + 1] >= 0x80))
		return 1;
	if (j + 2 > to || !(word_is((const char *)u, j, j + 2, "st") ||
	    word_is((const char *)u, j, j + 2, "nd") ||
	    word_is((const char *)u, j, j + 2, "rd") ||
	    word_is((const char *)u, j, j + 2, "th")))
		return 0;
	return conn_after(c, u, to, j + 2);
}

int
gate_may_match(const struct ctx *c, int p, const char *t, size_t to,
    size_t i)
{
	const unsigned char *u = (const unsigned char *)t;

	if (p == P_THEDAY)
		return theday_may_match(c, t, to, i);
	if ((p == P_NUMYM || p == P_NUM2 || p == P_DDM) && !c_isdigit(u[i]))
		return 1;
	if (p == P_NUMYM)
		return numym_may_match(u, to, i);
	if (p == P_NUM2)
		return num2_may_match(u, to, i);
	if (p == P_DDM)
		return ddm_may_match(c, u, to, i);
	if (p == P_MDY)
		return mdy_may_match(c, t, to, i);
	return p != P_MDD || mdd_may_match(c, t, to, i);
}
