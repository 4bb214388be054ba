/* See LICENSE file for copyright and license details. */
/* words.c: sentences, words and their roles */

#include <utf8proc.h>

#include "ratings.h"
#include "search.h"

/* Letters, digits and combining marks: what words are made of. */
int
is_wordcp(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
	    cat == UTF8PROC_CATEGORY_MN;
}

/* Is byte i of the text an ASCII letter or digit? */
static inline int
ascii_alnum_at(const struct doc *d, size_t i)
{
	unsigned b = (unsigned char)d->text[i];

	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' &&
	    (b | 0x20) <= 'z');
}

/* The code point at byte i of the text; its length in *len. */
int32_t
cp_at(const struct doc *d, size_t i, size_t *len)
{
	int32_t cp;

	if (i < d->len && (unsigned char)d->text[i] < 0x80) {
		*len = 1;
		return (unsigned char)d->text[i];
	}
	*len = glean_utf8_next(d->text + i, d->len - i, &cp);
	return cp;
}

/* A valid [start, end) code-point pair from a JSON array or object. */
int
get_span(const struct doc *d, json_t *a, json_t *b, size_t *s, size_t *e)
{
	json_int_t x, y;

	if (!json_is_integer(a) || !json_is_integer(b))
		return -1;
	x = json_integer_value(a);
	y = json_integer_value(b);
	if (x < 0 || y <= x || (size_t)y > d->off.ncps)
		return -1;
	*s = glean_byte(&d->off, (size_t)x);
	*e = glean_byte(&d->off, (size_t)y);
	return 0;
}

/* Add sentence [s, e) of bytes to d, split at every line break. */
static void
add_sentence(struct doc *d, size_t s, size_t e, size_t *cap)
{
	size_t i;

	/* Timelines and headlines: a line break always ends a sentence. */
	for (i = s; i < e; i++) {
		if (d->text[i] != '\n')
			continue;
		if (i > s)
			add_sentence(d, s, i, cap);
		s = i + 1;
	}
	if (e <= s)
		return;
	if (d->nsent == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		d->sent = glean_realloc(d->sent, *cap * 2 * sizeof(size_t));
	}
	d->sent[2 * d->nsent] = s;
	d->sent[2 * d->nsent + 1] = e;
	d->nsent++;
}

/*
 * Fill d->sent from a valid sentences layer, else split at . ! ? and line
 * breaks.
 */
void
find_sentences(struct doc *d, json_t *doc)
{
	json_t *ss = glean_field(doc, "sentences"), *p;
	size_t i, s, e, last = 0, cap = 0, start, n;
	int ok = json_is_array(ss) && json_array_size(ss) > 0;

	json_array_foreach(ok ? ss : NULL, i, p) {
		if (!json_is_array(p) || json_array_size(p) < 2 ||
		    get_span(d, json_array_get(p, 0), json_array_get(p, 1),
		    &s, &e) || s < last) {
			ok = 0;
			break;
		}
		last = e;
	}
	if (ok) {
		json_array_foreach(ss, i, p) {
			get_span(d, json_array_get(p, 0), json_array_get(p, 1),
			    &s, &e);
			add_sentence(d, s, e, &cap);
		}
		return;
	}
	d->nsent = 0;
	/* Our own: end at . ! ? followed by white space, or at a newline. */
	for (start = 0, i = 0; i < d->len; i += n) {
		int32_t cp = cp_at(d, i, &n), nx;
		size_t n2;

		if ((cp == '.' || cp == '!' || cp == '?') && i + n < d->len) {
			nx = cp_at(d, i + n, &n2);
			if (nx == ' ' || nx == '\n' || nx == 0xA0) {
				add_sentence(d, start, i + n, &cap);
				start = i + n;
			}
		}
	}
	add_sentence(d, start, d->len, &cap);
}

/*
 * The next word from byte *i, before byte end: its start in *s, its end
 * in *i, and in *ascii whether it is all ASCII; 0 when there is none.  A
 * word is letters, digits and combining marks, with inner ' ’ -
 * ("children's", "looked-after").
 */
int
next_word(const struct doc *d, size_t end, size_t *i, size_t *s, int *ascii)
{
	size_t k = *i, n, n2;
	int32_t cp;

	for (; k < end; k += n)
		if (is_wordcp(cp_at(d, k, &n)))
			break;
	if (k >= end)
		return 0;
	*s = k;
	*ascii = (unsigned char)d->text[k] < 0x80;
	for (k += n; k < end; k += n) {
		if (ascii_alnum_at(d, k)) {
			n = 1;	/* most of a word: no decoding */
			continue;
		}
		cp = cp_at(d, k, &n);
		if (!is_wordcp(cp) && !((cp == '\'' || cp == 0x2019 ||
		    cp == '-') && k + n < end &&
		    is_wordcp(cp_at(d, k + n, &n2))))
			break;
		if (cp >= 0x80)
			*ascii = 0;
	}
	*i = k;
	return 1;
}

/*
 * Append word t[0..n) case-folded to b, ’ as ' so lexicons need only the
 * plain apostrophe, then a NUL to end it (casefold keeps none: NUL is
 * not a word).  Returns the folded length.
 */
size_t
fold_word(struct glean_buf *b, const char *t, size_t n)
{
	size_t k, fl, at = b->len;
	char *low;

	for (k = 0; k < n && (unsigned char)t[k] < 0x80; k++)
		;
	if (k == n) {
		/* Most news words are ASCII: no utf8proc, no allocation. */
		glean_buf_add(b, t, n);
		for (k = at; k < b->len; k++)
			if (b->s[k] >= 'A' && b->s[k] <= 'Z')
				b->s[k] += 'a' - 'A';
	} else {
		low = glean_casefold(t, n, &fl);
		for (k = 0; k < fl && low[k]; k++) {
			if (!strncmp(low + k, "\xe2\x80\x99", 3)) {
				glean_buf_addc(b, '\'');
				k += 2;
			} else
				glean_buf_addc(b, low[k]);
		}
		free(low);
	}
	fl = b->len - at;
	glean_buf_addc(b, '\0');
	return fl;
}

/* The words of the text, folded, with the phrases each can start. */
void
find_words(const struct ctx *c, struct doc *d)
{
	size_t i = 0, s, fl;
	int ascii;

	while (next_word(d, d->len, &i, &s, &ascii)) {
		if (d->nw == d->capw) {
			d->capw = d->capw ? d->capw * 2 : 256;
			d->w = glean_realloc(d->w, d->capw * sizeof(*d->w));
		}
		d->w[d->nw].s = s;
		d->w[d->nw].e = i;
		d->w[d->nw].low = d->lows.len;
		fl = fold_word(&d->lows, d->text + s, i - s);
		d->w[d->nw].st = starter_find(c, c->slots,
		    d->lows.s + d->w[d->nw].low, fl);
		d->nw++;
	}
}

/* Each word's sentence: the first one ending after its start. */
void
word_sentences(struct doc *d)
{
	size_t i, si = 0;

	for (i = 0; i < d->nw; i++) {
		while (si < d->nsent && d->sent[2 * si + 1] <= d->w[i].s)
			si++;
		d->w[i].sent = si < d->nsent ? si : (size_t)-1;
	}
}

/* glean_lower_bound order: word w starts before byte *b. */
static int
word_starts_before(const void *b, const void *w)
{
	return ((const struct word *)w)->s < *(const size_t *)b;
}

/* Index of the first word starting at or after byte b. */
size_t
word_from(const struct doc *d, size_t b)
{
	return glean_lower_bound(&b, d->w, d->nw, sizeof *d->w,
	    word_starts_before);
}

/* Does phrase p match the words from i (within one sentence)? */
int
phrase_at(const struct doc *d, const struct phrase *p, size_t i)
{
	size_t k;

	if (!p->nw || i + p->nw > d->nw)
		return 0;
	for (k = 0; k < p->nw; k++)
		if (d->w[i + k].sent != d->w[i].sent ||
		    strcmp(d->lows.s + d->w[i + k].low, p->w[k]))
			return 0;
	return 1;
}

/* Each word's roles (R_* bits of the phrases starting there; every word
 * of a joining phrase such as "and again in" joins) and the next stop
 * word. */
void
find_roles(const struct ctx *c, struct doc *d)
{
	const struct starter *st;
	const struct phrase *p;
	size_t i, k, j, stop = d->nw;

	for (i = 0; i < d->nw; i++)
		d->w[i].role = 0;
	for (i = 0; i < d->nw; i++) {
		st = d->w[i].st;
		for (k = 0; st && k < st->nverbs; k++) {
			p = &c->verbs[st->verbs[k]];
			if (!phrase_at(d, p, i))
				continue;
			d->w[i].role |= p->role;
			for (j = 1; (p->role & R_JOIN) && j < p->nw; j++)
				d->w[i + j].role |= R_JOIN;
		}
	}
	for (i = d->nw; i-- > 0;) {
		if (d->w[i].role & R_STOP)
			stop = i;
		d->w[i].stop = stop;
	}
}

/* Skip white space and quote marks from byte i; returns the new offset. */
size_t
skip_quotes(const struct doc *d, size_t i, size_t hi)
{
	size_t n;
	int32_t cp;

	while (i < hi) {
		cp = cp_at(d, i, &n);
		if (cp != ' ' && cp != '\'' && cp != '"' && cp != 0xA0 &&
		    cp != 0x2018 && cp != 0x2019 && cp != 0x201C &&
		    cp != 0x201D)
			break;
		i += n;
	}
	return i;
}

/* Take in a closing quote mark right after the grade. */
size_t
closing_quote(const struct doc *d, size_t i, size_t hi)
{
	size_t n;
	int32_t cp;

	if (i >= hi)
		return i;
	cp = cp_at(d, i, &n);
	if (cp == '\'' || cp == '"' || cp == 0x2019 || cp == 0x201D)
		return i + n <= hi ? i + n : i;
	return i;
}

/* Is the character at byte i an upper-case letter? */
int
is_upper_at(const struct doc *d, size_t i)
{
	size_t n;
	int32_t cp = cp_at(d, i, &n);

	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Whether bytes [s, e) of d's text hold a comma. */
static int
has_comma(const struct doc *d, size_t s, size_t e)
{
	return e > s && memchr(d->text + s, ',', e - s) != NULL;
}

/*
 * Is bytes [s, e) of sentence si inside a relative clause set off by
 * commas that closes before byte gs ("Testshire, which borders
 * Mockford, was rated good": Mockford, for the grade)?  Returns the
 * start of the clause's relative word (rating-verbs.tsv, "relative"),
 * or NO_OPENER.
 */
size_t
relative_opener(const struct doc *d, size_t si, size_t s, size_t e,
    size_t gs)
{
	size_t k;

	if (e > gs || !has_comma(d, e, gs))
		return NO_OPENER;
	for (k = word_from(d, s); k-- > 0 && d->w[k].sent == si;) {
		if (!(d->w[k].role & R_RELATIVE))
			continue;
		if (k == 0 || !has_comma(d, d->w[k - 1].e, d->w[k].s))
			return NO_OPENER;
		return d->w[k].s;
	}
	return NO_OPENER;
}
