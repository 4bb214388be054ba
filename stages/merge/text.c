/* See LICENSE file for copyright and license details. */
/*
 * text.c - a document's text: case-folded comparison keys, code point to
 * byte offsets, slices, the words after an amount, sentence and paragraph
 * bounds around a fact.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "merge.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static int
is_alnum(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 0 && ((unsigned)(cp | 0x20) - 'a' < 26 ||
		    (unsigned)cp - '0' < 10);
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/*
 * Is cp punctuation that case folding and composition leave alone (it
 * has no folding, composes with nothing) and that is no letter or digit
 * (a gap between words)?  The marks most news text holds besides ASCII:
 * curly quotes, dashes, the ellipsis, pound and euro signs, the
 * no-break space.
 */
static int
plain_gap_cp(int32_t cp)
{
	switch (cp) {
	case 0xA0: case 0xA3: case 0x2013: case 0x2014: case 0x2018:
	case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x20AC:
		return 1;
	default:
		return 0;
	}
}

/* An ASCII byte as normtext keeps it: a letter lower-cased, a digit as
 * it is, anything else 0 (a gap between words); 0 for every byte of a
 * multi-byte character too, which normtext_plain looks at itself. */
static const char word_byte[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
#define L(c) [c] = c, [c - 'a' + 'A'] = c
	L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'),
	L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'),
	L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'),
	L('y'), L('z')
#undef L
};

#ifdef __SSE2__
/*
 * The 16 bytes at s as normtext writes them when they are all ASCII:
 * each letter lowered (OR 0x20), each digit as it is, each other byte a
 * space, into out16[0..16).  *words gets the bit mask of the letters and
 * digits, *kept that of the bytes normtext keeps: the words and the
 * first byte of each gap after a word (in_word: the byte before the 16
 * was in one), written as the space between words.  Returns 0, or the
 * bit mask of the non-ASCII bytes (nothing written).
 */
static inline unsigned
ascii_kept16(const char *s, int in_word, char *out16, unsigned *words,
    unsigned *kept)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s), l;
	__m128i letter, digit, word;
	unsigned high = (unsigned)_mm_movemask_epi8(v), w;

	if (high)
		return high;
	/* all bytes below 0x80: signed compares are unsigned ones */
	l = _mm_or_si128(v, _mm_set1_epi8(0x20));
	letter = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
	    _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
	digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	word = _mm_or_si128(letter, digit);
	_mm_storeu_si128((__m128i *)(void *)out16, _mm_or_si128(
	    _mm_and_si128(word, l), _mm_andnot_si128(word,
	    _mm_set1_epi8(' '))));
	*words = w = (unsigned)_mm_movemask_epi8(word);
	*kept = (w | ((w << 1) | (unsigned)in_word)) & 0xFFFF;
	return 0;
}

/*
 * The kept bytes of 16 (out16, kept: ascii_kept16) onto out + *o, a run
 * of kept bytes at a time (most blocks are one run: a gap of one byte
 * is kept whole).  out has room for 16 bytes past each run's start, and
 * out16 16 bytes past the last (32 in all).
 */
static inline void
put_kept16(const char *out16, unsigned kept, char *out, size_t *o)
{
	unsigned rest = kept, a, b;

	while (rest) {
		a = (unsigned)__builtin_ctz(rest);
		b = a + (unsigned)__builtin_ctz(~(rest >> a));
		memcpy(out + *o, out16 + a, 16);
		*o += b - a;
		rest &= ~((1u << b) - 1);	/* b <= 16 */
	}
}
#endif

/*
 * normtext of a text of ASCII and plain_gap_cp() marks only, where
 * folding is lower-casing; NULL when it holds any other code point.
 * A word is a maximal run of letters and digits: a space is written
 * after every word a gap follows, and the last taken back, so that one
 * space stands between words.  Sixteen ASCII bytes a step where SSE2 is.
 */
static int
normtext_plain(struct glean_buf *b, const char *s, size_t n)
{
	char *out = glean_buf_reserve(b, n + 17);	/* room: put_kept16 */
	size_t i = 0, o = 0, stop = 0;
	int32_t cp;
	int in_word = 0;
	char c;
#ifdef __SSE2__
	char out16[32] = { 0 };	/* 16 bytes, and room to copy 16 from any */
	unsigned words, kept, high;
#endif

	while (i < n) {
#ifdef __SSE2__
		if (i >= stop && n - i >= 16) {
			if (!(high = ascii_kept16(s + i, in_word, out16,
			    &words, &kept))) {
				put_kept16(out16, kept, out, &o);
				in_word = words >> 15 & 1;
				i += 16;
				continue;
			}
			/* a byte at a time up to the first non-ASCII one */
			stop = i + (size_t)__builtin_ctz(high) + 1;
		}
#endif
		if ((c = word_byte[(unsigned char)s[i]])) {
			out[o++] = c;
			in_word = 1;
			i++;
			continue;
		}
		if (in_word)
			out[o++] = ' ';
		in_word = 0;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += glean_utf8_next(s + i, n - i, &cp);
		if (!plain_gap_cp(cp))
			return 0;
	}
	o -= o && out[o - 1] == ' ';
	out[o] = '\0';
	b->len += o;
	return 1;
}

/*
 * Case-fold and keep letters and digits, one space between words (in
 * place: the result is never longer than what it has read).
 */
char *
normtext(const char *s, size_t n)
{
	struct glean_buf b = { 0 };

	return normtext_into(&b, s, n);
}

/*
 * normtext of s[0..n) into b (emptied first; kept by the caller for the
 * next, which spares an allocation per text); returns b->s.
 */
char *
normtext_into(struct glean_buf *b, const char *s, size_t n)
{
	size_t fl, i, k, len, o = 0;
	char *f;
	int32_t cp;
	int gap = 0;

	glean_buf_reset(b);
	if (normtext_plain(b, s, n))
		return b->s;
	f = glean_casefold(s, n, &fl);
	for (i = 0; i < fl; i += len) {
		if ((unsigned char)f[i] < 0x80) {
			cp = f[i];
			len = 1;
		} else
			len = glean_utf8_next(f + i, fl - i, &cp);
		if (!is_alnum(cp)) {
			gap = 1;
			continue;
		}
		if (gap && o)
			f[o++] = ' ';
		gap = 0;
		for (k = 0; k < len; k++)
			f[o++] = f[i + k];
	}
	glean_buf_reset(b);
	buf_add(b, f, o);
	free(f);
	return b->s;
}

/* A string with curly apostrophes made straight (roles compare alike). */
char *
plain_quotes(const char *s)
{
	struct glean_buf b = { 0 };

	if (!strstr(s, "\xe2\x80"))	/* most roles: no curly mark */
		return glean_strdup(s);
	for (; *s; s++) {
		if (!strncmp(s, "\xe2\x80\x99", 3) ||
		    !strncmp(s, "\xe2\x80\x98", 3)) {
			buf_addc(&b, '\'');
			s += 2;
		} else
			buf_addc(&b, *s);
	}
	return b.s ? b.s : glean_strdup("");
}

/* A copy of s, or NULL for NULL. */
char *
strdup_or_null(const char *s)
{
	return s ? glean_strdup(s) : NULL;
}

/*
 * The span of layer item o into *s and *e: integer "start" and "end"
 * with start <= end <= ncps.  Returns 0, or -1 when it has none such.
 */
int
get_cp_span(const struct glean_jv *o, size_t ncps, size_t *s, size_t *e)
{
	return span_of(glean_jv_get(o, "start"), glean_jv_get(o, "end"), ncps,
	    s, e);
}

/* get_cp_span of an item whose "start" is a and "end" b (NULL when
 * absent). */
int
span_of(const struct glean_jv *a, const struct glean_jv *b, size_t ncps,
    size_t *s, size_t *e)
{
	if (!a || !b || a->type != GLEAN_JV_INT || b->type != GLEAN_JV_INT)
		return -1;
	if (a->i < 0 || b->i < a->i || (size_t)b->i > ncps)
		return -1;
	*s = (size_t)a->i;
	*e = (size_t)b->i;
	return 0;
}

/*
 * The code point to byte map of s[0..n) into m (m->run NULL for an
 * ASCII text); free m->run when done.
 */
void
cpmap_init(struct cpmap *m, const char *s, size_t n)
{
	size_t i = 0, starts, cont = 0, cap = 0;
	uint64_t w, x[4];

	/* most texts are ASCII: 32 bytes a step to find out */
	for (; i + 32 <= n; i += 32) {
		memcpy(x, s + i, 32);
		if ((x[0] | x[1] | x[2] | x[3]) & 0x8080808080808080u)
			break;
	}
	m->ncps = n;
	m->run = NULL;
	m->nrun = 0;
	for (starts = i; i < n; i++) {
		/* eight ASCII bytes are eight code points */
		while (i + 8 <= n && (memcpy(&w, s + i, 8),
		    !(w & 0x8080808080808080u))) {
			starts += 8;
			i += 8;
		}
		if (i == n)
			break;
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			starts++;
			continue;
		}
		cont++;
		if (m->nrun && m->run[m->nrun - 1].at == starts) {
			m->run[m->nrun - 1].cum++;	/* the same run */
			continue;
		}
		if (m->nrun == cap) {
			cap = cap ? 2 * cap : 16;
			m->run = glean_realloc(m->run, cap * sizeof(*m->run));
		}
		m->run[m->nrun++] = (struct cprun){ (uint32_t)starts,
		    (uint32_t)cont };
	}
	m->ncps = starts;
}

/* The byte offset of code point cp (the end past the last one). */
size_t
cp_byte(const struct cpmap *m, size_t cp)
{
	size_t lo = 0, hi = m->nrun, mid;

	if (cp > m->ncps)
		cp = m->ncps;
	if (!hi || cp < m->run[0].at)
		return cp;
	while (lo < hi) {	/* the runs before code point cp: at <= cp */
		mid = lo + (hi - lo) / 2;
		if (m->run[mid].at <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp + m->run[lo - 1].cum;
}

/* The code point that starts at byte b of m's text (b a character's
 * first byte, or the end), looked for from code point from on. */
size_t
cp_at_byte(const struct cpmap *m, size_t from, size_t b)
{
	size_t lo = from, hi = m->ncps, mid;

	if (!m->run)
		return b;
	while (lo < hi) {	/* the first code point not before b */
		mid = lo + (hi - lo) / 2;
		if (cp_byte(m, mid) < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A copy of text[s, e) (code points). */
char *
slice(const struct cpmap *m, const char *text, size_t s, size_t e)
{
	size_t bs = cp_byte(m, s), be = cp_byte(m, e);

	return glean_strndup(text + bs, be - bs);
}

/* The bytes that end an amount's context: punctuation (and NUL, as
 * strchr found it), and the first byte of curly double quotes. */
static const char context_stop[256] = {
	[0] = 1, ['.'] = 1, [','] = 1, [';'] = 1, [':'] = 1, ['!'] = 1,
	['?'] = 1, ['"'] = 1, ['('] = 1, [')'] = 1, ['\n'] = 1, [0xE2] = 1
};

/*
 * What the amount is for: the words after it up to punctuation, past
 * its rate ("-a-year role" -> "role" when per is "year").
 */
char *
money_context(const struct cpmap *m, const char *text, size_t len,
    size_t e, const char *per)
{
	size_t b = cp_byte(m, e), i = b, lastsp = b, pl;
	const char *p;

	if (per && (pl = strlen(per)) > 0) {
		p = memmem(text + b, len - b < 16 ? len - b : 16, per, pl);
		if (p)
			i = (size_t)(p - text) + pl;
	}
	while (i < len && (text[i] == ' ' || text[i] == '-' || text[i] == '/'))
		i++;
	b = i;
	for (; i < len && i - b < 80; i++) {
		if (context_stop[(unsigned char)text[i]] &&
		    (text[i] != '\xe2' ||
		    !strncmp(text + i, "\xe2\x80\x9d", 3) ||
		    !strncmp(text + i, "\xe2\x80\x9c", 3)))
			break;
		if (text[i] == ' ')
			lastsp = i;
	}
	if (i - b >= 80 && lastsp > b)
		i = lastsp;
	while (i > b && i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
		i--;		/* not inside a character */
	while (i > b && text[i - 1] == ' ')
		i--;
	return glean_strndup(text + b, i - b);
}

/* Is cp a quotation mark, straight, curly or angled? */
int
is_quote_cp(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB;
}

/* Is cp white space (no-break space included)? */
int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xA0;
}

/* Is the character before byte b of text (after byte a) a blank or a
 * quote mark?  *start gets where it starts. */
int
trim_before(const char *text, size_t a, size_t b, size_t *start)
{
	int32_t cp;

	for (*start = b - 1; *start > a &&
	    ((unsigned char)text[*start] & 0xC0) == 0x80; --*start)
		;
	glean_utf8_next(text + *start, b - *start, &cp);
	return is_space_cp(cp) || is_quote_cp(cp);
}

/* Is byte i of text a sentence end: . ! or ? then closing quotation
 * marks, then white space or the end? */
static int
sentence_end_at(const char *text, size_t len, size_t i)
{
	if (text[i] != '.' && text[i] != '!' && text[i] != '?')
		return 0;
	for (i++; i < len; i++) {
		if (text[i] == '"' || text[i] == '\'')
			continue;
		if (i + 2 < len && (unsigned char)text[i] == 0xe2 &&
		    (unsigned char)text[i + 1] == 0x80 &&
		    ((unsigned char)text[i + 2] == 0x9d ||
		    (unsigned char)text[i + 2] == 0x99)) {
			i += 2;
			continue;
		}
		break;
	}
	return i == len || text[i] == ' ' || text[i] == '\n';
}

/* How far a sentence (a paragraph) is looked for around a fact, in
 * bytes: evidence is near, and a huge line must not cost its length for
 * each fact. */
#define SENTENCE_REACH 1000
#define PARAGRAPH_REACH 4000

/* Bytes [*a, *b) of the sentences holding bytes [s, e) (para: of the
 * paragraph, a line), within the reach above. */
void
context_of(const char *text, size_t len, size_t s, size_t e, int para,
    size_t *a, size_t *b)
{
	size_t reach = para ? PARAGRAPH_REACH : SENTENCE_REACH;
	size_t lo = s > reach ? s - reach : 0;
	size_t hi = len - e > reach ? e + reach : len;
	size_t i;
	const char *nl;

	if (para) {	/* the line: the newlines either side */
		nl = s > lo ? memrchr(text + lo, '\n', s - lo) : NULL;
		*a = nl ? (size_t)(nl - text) + 1 : lo;
		nl = hi > e ? memchr(text + e, '\n', hi - e) : NULL;
		*b = nl ? (size_t)(nl - text) : hi;
		return;
	}
	for (i = s; i > lo && text[i - 1] != '\n'; i--)
		if (i >= 2 && text[i - 1] == ' ' &&
		    sentence_end_at(text, len, i - 2))
			break;
	*a = i;
	for (i = e; i < hi && text[i] != '\n'; i++)
		if (i > s && sentence_end_at(text, len, i)) {
			i++;
			break;
		}
	*b = i;
}
