/* See LICENSE file for copyright and license details. */
/*
 * starts.c - where a match of an amount pattern may start: after the
 * digit gate (a match holds a digit a few bytes on), at a byte the
 * pattern starts with, after none its look-behind refuses, and, at a
 * letter, at one of the words a match starts with.  The patterns are
 * tried, anchored, only there.
 */
#include <stdint.h>
#include <string.h>

#include "money.h"

/*
 * The digit gate: a prefix or attached amount holds a digit, so where a
 * window has no digit left those patterns need not run, and a match
 * starts at most digit_lead bytes before the first digit at or after
 * where the search would start.  A digit is \d with PCRE2_UCP: an ASCII
 * digit or a Unicode one, which starts with one of the lead bytes from
 * 0xd9 up (U+0660 on), but 0xe2 (U+2000-U+2FFF holds none).  A prefix
 * amount's first digit comes after its form, a blank (at most 3 bytes)
 * and a "."; a byte of the form matches at most 6 (a letter matches a
 * character of up to 3 bytes caselessly, K the Kelvin sign; loosen
 * lets a blank stand before "$").  A form with a blank, which matches
 * any run of blanks, turns the prefix gate off.
 */
void
digit_gate_init(struct ctx *c)
{
	size_t r, len, longest = 0;
	int b;

	for (b = '0'; b <= '9'; b++)
		c->digit_byte[b] = 1;
	for (b = 0xd9; b < 256; b++)
		c->digit_byte[b] = b != 0xe2;
	c->digit_lead[A_PRE] = 0;
	for (r = 0; r < c->cur->nrows; r++) {
		const char *f = c->cur->rows[r].f[0];

		if (!(position_kinds(c->cur->rows[r].f[3]) & K_PRE))
			continue;
		if (strchr(f, ' '))
			c->digit_lead[A_PRE] = NO_DIGIT_GATE;
		if ((len = strlen(f)) > longest)
			longest = len;
	}
	if (c->digit_lead[A_PRE] != NO_DIGIT_GATE)
		c->digit_lead[A_PRE] = 6 * longest + 3 + 1;
	c->digit_lead[A_SUF] = NO_DIGIT_GATE;
	c->digit_lead[A_ATT] = 0;
}

/* The first byte of t[i..n) where a digit may start; n for none.
 * Eight bytes at a time past those that are neither an ASCII digit nor
 * from 0x80 up (the table says which of those may start one). */
size_t
next_digit(const struct ctx *c, const char *t, size_t i, size_t n)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t x, low, maybe;

		memcpy(&x, t + i, 8);
		low = x & ~GLEAN_HIGHS;
		/* '0' <= low <= '9' with bit 7 clear, or bit 7 set */
		maybe = ((low + (0x80 - '0') * GLEAN_ONES) &
		    ~(low + (0x80 - '9' - 1) * GLEAN_ONES) & ~x) |
		    x;
		if (maybe & GLEAN_HIGHS)
			break;
	}
	while (i < n && !c->digit_byte[(unsigned char)t[i]])
		i++;
	return i;
}

/* File w in fw; one that does not start with an ASCII letter, or one
 * too many, lets any word in. */
static void
first_word_add(struct first_words *fw, const char *w)
{
	unsigned k = (unsigned char)w[0] & 31;

	if (fw->n[k] == 16 || !ascii_letter(w[0])) {
		fw->any = 1;
		return;
	}
	fw->w[k][fw->n[k]++] = w;
	if (!ascii_letter(w[1])) {
		fw->odd[k] = 1;
		return;
	}
	fw->second[k] |= (uint32_t)1 << (w[1] & 31);
	if (ascii_letter(w[2]))
		fw->third[k][w[1] & 31] |= (uint32_t)1 << (w[2] & 31);
	else
		fw->odd3[k][w[1] & 31] = 1;
}

/* File the form f of a scale word or suffix currency in what may
 * follow a number (struct ctx's follow). */
static void
follow_add(struct ctx *c, const char *f)
{
	unsigned char b = (unsigned char)f[0];

	if (ascii_letter(f[0]) || strncmp(f, "\xc5\xbf", 2) == 0 ||
	    strncmp(f, "\xe2\x84\xaa", 3) == 0)
		first_word_add(&c->follow, f);
	else if (b < 0x80)
		c->follow_byte[b] = 1;
	if ((b >= '0' && b <= '9') || b == ',' || b == '.')
		c->follow_gate = 0;
}

/* What may follow a suffix amount's number in figures: the scale
 * words (multipliers.tsv) and the suffix forms of currencies.tsv. */
static void
follow_init(struct ctx *c)
{
	size_t r;

	c->follow_gate = 1;
	for (r = 0; r < c->mult->nrows; r++)
		follow_add(c, c->mult->rows[r].f[0]);
	for (r = 0; r < c->cur->nrows; r++)
		if (position_kinds(c->cur->rows[r].f[3]) & K_SUF)
			follow_add(c, c->cur->rows[r].f[0]);
}

/*
 * The first words of the matches that start at an ASCII letter: of a
 * prefix amount, its currency's forms; of a suffix amount, the first words
 * of a number in words as NUMW has them: the cardinals, "half" and
 * "quarter", or "a" or "an" (which first_word_at knows) before them or
 * a scale word ("a thousand pounds").  The
 * attached pattern starts with a digit.
 */
void
first_words_init(struct ctx *c)
{
	/* the scale words NUMW lets follow "a" without a cardinal */
	static const char *const scale[] = { "hundred", "thousand",
	    "million", "billion", "trillion" };
	const struct glean_lexicon *lx = c->nw->lx;
	size_t r;

	for (r = 0; r < c->cur->nrows; r++) {
		const char *f = c->cur->rows[r].f[0];

		if (!(position_kinds(c->cur->rows[r].f[3]) & K_PRE))
			continue;
		/* a symbol cannot match a letter, but "." may be left out
		 * (loosen), and the long s and the Kelvin sign match "s"
		 * and "k" without case */
		if (ascii_letter(f[0]) || f[0] == '.' ||
		    strncmp(f, "\xc5\xbf", 2) == 0 ||
		    strncmp(f, "\xe2\x84\xaa", 3) == 0)
			first_word_add(&c->first[A_PRE], f);
	}
	for (r = 0; r < lx->nrows; r++)
		if (lx->rows[r].nf > 2 && strcmp(lx->rows[r].f[2], "card") == 0)
			first_word_add(&c->first[A_SUF], lx->rows[r].f[0]);
	first_word_add(&c->first[A_SUF], "half");
	first_word_add(&c->first[A_SUF], "quarter");
	c->first[A_ATT].any = 1;
	c->after_a = c->first[A_SUF];
	for (r = 0; r < sizeof scale / sizeof scale[0]; r++)
		first_word_add(&c->after_a, scale[r]);
	follow_init(c);
}

/*
 * Does t[p..n) start with word w (letters without case), as far as
 * ASCII tells?  A byte from 0x80 up in the text may be a letter that a
 * caseless match takes for an ASCII one (the long s), and a byte of w
 * but a letter may match what pcre2 makes of it: both say yes.
 */
static int
starts_with_word(const char *t, size_t p, size_t n, const char *w)
{
	for (; *w; w++, p++) {
		if (!ascii_letter(*w))
			return 1;
		if (p >= n)
			return 0;
		if ((unsigned char)t[p] >= 0x80)
			return 1;
		if (tolower_ascii((unsigned char)t[p]) !=
		    tolower_ascii((unsigned char)*w))
			return 0;
	}
	return 1;
}

/* Is ch a blank of \\s in ASCII: the blank, \\t \\n \\v \\f \\r? */
static int
ascii_blank(char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* May a prefix amount's number, {SP}?{NUM}, start at t[x] (of n): a
 * digit or "." after at most one blank?  A byte from 0x80 up may be a
 * blank or a digit. */
static int
number_may_follow(const char *t, size_t x, size_t n)
{
	if (x < n && ascii_blank(t[x]))
		x++;
	return x < n && ((unsigned char)t[x] >= 0x80 ||
	    (t[x] >= '0' && t[x] <= '9') || t[x] == '.');
}

/*
 * May the prefix form f (a currency, as currencies.tsv writes it) and
 * the number after it match at t[p] (of n)?  Its letters without case,
 * its "$" with a blank before it or none (as loosen() lets a symbol
 * after letters have one), then number_may_follow.  Any other byte of
 * f ("." may be left out), and a byte from 0x80 up in the text, say
 * yes: the pattern decides.
 */
static int
prefix_form_at(const char *t, size_t p, size_t n, const char *f)
{
	for (; *f; f++, p++) {
		if (p >= n)
			return 0;
		if ((unsigned char)t[p] >= 0x80)
			return 1;
		if (*f == '$') {
			if (t[p] == ' ' && p + 1 < n && t[p + 1] == '$')
				p++;
			if (t[p] != '$')
				return 0;
			continue;
		}
		if (!ascii_letter(*f))
			return 1;
		if (tolower_ascii((unsigned char)t[p]) !=
		    tolower_ascii((unsigned char)*f))
			return 0;
	}
	return number_may_follow(t, p, n);
}

/* May t[p] (of n) be the letter of a word filed with one of the bits
 * (ch & 31) of set: no only for an ASCII byte that is no letter of set
 * (a byte from 0x80 up, or the end, may be more than ASCII tells). */
static int
next_letter_in(const char *t, size_t p, size_t n, uint32_t set)
{
	return p >= n || (unsigned char)t[p] >= 0x80 ||
	    (ascii_letter(t[p]) && (set >> (t[p] & 31) & 1));
}

/*
 * Might one of the words of fw start at the ASCII letter t[p] (of n)?
 * pre: the words are prefix forms, and the number must follow
 * (prefix_form_at).  A word may run on into what follows
 * ("tenpounds").
 */
static int
word_at(const struct first_words *fw, int pre, const char *t, size_t p,
    size_t n)
{
	unsigned char k = (unsigned char)t[p] & 31;
	size_t i;

	if (fw->any)
		return 1;
	/* no word of those first letters goes on with the next ASCII
	 * byte: starts_with_word would say no to each */
	if (!fw->odd[k] && !next_letter_in(t, p + 1, n, fw->second[k]))
		return 0;
	if (!fw->odd[k] && p + 1 < n && (unsigned char)t[p + 1] < 0x80 &&
	    !fw->odd3[k][t[p + 1] & 31] &&
	    !next_letter_in(t, p + 2, n, fw->third[k][t[p + 1] & 31]))
		return 0;
	for (i = 0; i < fw->n[k]; i++)
		if (pre ? prefix_form_at(t, p, n, fw->w[k][i]) :
		    starts_with_word(t, p, n, fw->w[k][i]))
			return 1;
	return 0;
}

/* May a scale word or a suffix currency (follow) start at t[x] (of
 * n)?  A byte from 0x80 up may. */
static int
follow_at(const struct ctx *c, const char *t, size_t x, size_t n)
{
	unsigned char b;

	if (x >= n)
		return 0;
	b = (unsigned char)t[x];
	if (b >= 0x80)
		return 1;
	return ascii_letter((char)b) ? word_at(&c->follow, 0, t, x, n) :
	    c->follow_byte[b];
}

/*
 * Might a number in words go on at t[q] (of n), after "a" or "an"?
 * NUMW wants blanks and then a cardinal, "half" or "quarter" or a scale
 * word (after_a).  A byte from 0x80 up may be a blank or more than
 * ASCII tells.
 */
static int
after_a_at(const struct ctx *c, const char *t, size_t q, size_t n)
{
	size_t b = q;

	while (b < n && ascii_blank(t[b]))
		b++;
	if (b < n && (unsigned char)t[b] >= 0x80)
		return 1;
	return b > q && b < n && ascii_letter(t[b]) &&
	    word_at(&c->after_a, 0, t, b, n);
}

/*
 * Might a match of the amount pattern of kind start at the ASCII letter
 * t[p] (of n)?  Where it starts with a word of c->first[kind], or, for
 * a suffix amount, with "a" or "an" before a blank ("a million
 * pounds").
 */
static int
first_word_at(const struct ctx *c, int kind, const char *t, size_t p,
    size_t n)
{
	size_t len = 1;

	if (kind == A_SUF && !c->first[kind].any && (t[p] | 0x20) == 'a') {
		if (p + 1 < n && (t[p + 1] | 0x20) == 'n')
			len = 2;
		if (p + len >= n || !ascii_letter(t[p + len]))
			return after_a_at(c, t, p + len, n) ||
			    word_at(&c->first[kind], 0, t, p, n);
	}
	return word_at(&c->first[kind], kind == A_PRE, t, p, n);
}

/*
 * Might a suffix amount whose number is in figures start at t[q] (of
 * n), a digit or "."?  Its number ({NUM}: digits, "," and ".") ends
 * where those end, as no scale word or suffix currency starts with one
 * (follow_gate), and a scale word or the currency comes next, after
 * one blank or "-" at most (follow).  A byte from 0x80 up (a digit,
 * a blank, a symbol) says yes.
 */
static int
suffix_number_at(const struct ctx *c, const char *t, size_t q, size_t n)
{
	size_t r = q;

	while (r < n && ((t[r] >= '0' && t[r] <= '9') || t[r] == ',' ||
	    t[r] == '.'))
		r++;
	if (follow_at(c, t, r, n))
		return 1;
	return r < n && (ascii_blank(t[r]) || t[r] == '-') &&
	    follow_at(c, t, r + 1, n);
}

/*
 * Might a match of the amount pattern of kind start at t[q] (of n), a
 * byte it starts with after none its look-behind refuses?  At an ASCII
 * letter, where it starts with a first word (first_word_at); a suffix
 * amount's number in figures where a currency may follow it
 * (suffix_number_at); elsewhere yes.
 */
static int
may_start_at(const struct ctx *c, int kind, const char *t, size_t q,
    size_t n)
{
	if (ascii_letter(t[q]))
		return first_word_at(c, kind, t, q, n);
	if (kind == A_SUF && c->follow_gate &&
	    ((t[q] >= '0' && t[q] <= '9') || t[q] == '.'))
		return suffix_number_at(c, t, q, n);
	return 1;
}

/*
 * The bits of the bytes t[0..n) (n <= 64) that the opening look-behind
 * of the amount pattern of kind refuses before a start (refused_before):
 * \w of ASCII and NOT_AFTER_PUNCT, or none.  A whole block sixteen bytes
 * at a time; a window's last bytes, or any without SSE2, by the table.
 */
static uint64_t
refused_bits(const struct ctx *c, int kind, const char *t, size_t n)
{
	uint64_t m = 0;
	size_t i;
#ifdef __SSE2__
	static const char punct[] = NOT_AFTER_PUNCT;
	size_t k;

	if (!c->not_after[kind])
		return 0;
	for (i = 0; n == 64 && i < 4; i++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
		    (t + 16 * i));
		uint64_t w = glean_range16(_mm_or_si128(x, _mm_set1_epi8(0x20)),
		    'a', 'z') | glean_range16(x, '0', '9');

		for (k = 0; k < sizeof punct - 1; k++)
			w |= (uint64_t)(unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(punct[k])));
		m |= w << 16 * i;
	}
	if (n == 64)
		return m;
#endif
	for (i = 0; i < n; i++)
		if (c->refused_before[kind][(unsigned char)t[i]])
			m |= (uint64_t)1 << i;
	return m;
}

/*
 * The first place at or after p in t[..n) where a match of the amount
 * pattern of kind may start: where the digit gate allows (a match
 * starts at most digit_lead bytes before the next digit, see
 * digit_gate_init), at a byte it starts with (start_byte), after none
 * its look-behind refuses; n for none.  It goes 64 bytes at a
 * time over the bytes the look-behind lets a match start at (most
 * bytes are inside a word, which it refuses), and jumps to lead bytes
 * before the next digit.  *dp is where the next digit may start at or
 * after where the last search of the window began (scan starts it at
 * its first), kept for the next search.
 */
size_t
next_start(const struct ctx *c, int kind, const char *t, size_t p, size_t n,
    size_t *dp)
{
	size_t lead = c->digit_lead[kind], d = *dp, len, q;
	int gate = lead != NO_DIGIT_GATE;
	uint64_t look;

	while (p < n) {
		if (gate) {
			if (d < p)
				*dp = d = next_digit(c, t, p, n);
			if (d == n)
				return n;
			if (d > p + lead)
				p = d - lead;
		}
		len = n - p < 64 ? n - p : 64;
		look = ~(refused_bits(c, kind, t + p, len) << 1 |
		    (uint64_t)(p > 0 &&
		    c->refused_before[kind][(unsigned char)t[p - 1]]));
		if (len < 64)
			look &= ((uint64_t)1 << len) - 1;
		for (; look; look &= look - 1) {
			q = p + (size_t)__builtin_ctzll(look);
			if (!c->start_byte[kind][(unsigned char)t[q]])
				continue;
			if (gate && d < q &&
			    (*dp = d = next_digit(c, t, q, n)) == n)
				return n;	/* no digit left */
			if (gate && d > q + lead) {
				if (d - lead >= p + len)
					break;	/* past the block: jump */
				continue;
			}
			if (may_start_at(c, kind, t, q, n))
				return q;
		}
		p += len;
	}
	return n;
}
