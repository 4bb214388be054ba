/* See LICENSE file for copyright and license details. */
/*
 * The news-English tokenizer and sentence splitter (see tok.h and
 * glean-tokenize(1) for the rules).  One pass over the bytes with an
 * ASCII fast path; code-point offsets are counted as it goes.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glean.h"
#include "stemcache.h"
#include "swar.h"
#include "tok.h"
#include "tokscan.h"

const char *const glean_tok_kind_names[GLEAN_TOK_NKINDS] = {
	"word", "number", "punct", "quote", "symbol", "url", "email"
};

/* Character classes. */
enum {
	C_SPACE, C_NL, C_LETTER, C_DIGIT, C_MARK, C_PUNCT, C_QUOTE, C_OPENQ,
	C_APOS, C_SYMBOL, C_JOIN
};

static unsigned char ascii_cls[128];
static int ascii_ready;
/* Bytes after a word's letters that may make it more than a plain word
 * (an initialism, an abbreviation, an e-mail address, a URL). */
static const unsigned char word_tail[256] = {
	['.'] = 1, ['@'] = 1, ['_'] = 1, ['+'] = 1, [':'] = 1
};

/* ASCII bytes after a word's ASCII letters and digits that end it, with
 * nothing for scan_word to decide: not a joiner (- '), not a word_tail,
 * not the start of a longer character. */
static unsigned char plain_end[256];
/* ASCII letters: where the common word starts. */
static unsigned char ascii_word[256];

static void
init_ascii(void)
{
	int c;
	const char *p;

	for (c = 0; c < 128; c++)
		plain_end[c] = !strchr("-'.@_+:", c) || c == 0;
	for (c = 0; c < 128; c++)
		ascii_cls[c] = c < 32 ? C_SPACE : C_SYMBOL;
	ascii_cls['\n'] = ascii_cls['\v'] = ascii_cls['\f'] = C_NL;
	ascii_cls[' '] = C_SPACE;
	ascii_cls[127] = C_SPACE;
	for (c = 'a'; c <= 'z'; c++) {
		ascii_cls[c] = ascii_cls[c - 32] = C_LETTER;
		ascii_word[c] = ascii_word[c - 32] = 1;
	}
	for (c = '0'; c <= '9'; c++)
		ascii_cls[c] = C_DIGIT;
	for (p = ".,;:!?()[]{}-"; *p; p++)
		ascii_cls[(unsigned char)*p] = C_PUNCT;
	ascii_cls['"'] = ascii_cls['`'] = C_QUOTE;
	ascii_cls['\''] = C_APOS;
	ascii_ready = 1;
}

static int
uni_cls(int32_t c)
{
	switch (c) {
	case 0x2018: case 0x201A: case 0x201B:
		return C_OPENQ;
	case 0x2019:
		return C_APOS;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
	case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
		return C_QUOTE;
	case 0x2010: case 0x2011:
		return C_JOIN;
	case 0x2028: case 0x2029: case 0x85:
		return C_NL;
	case 0x2030: case 0x2031:
		return C_SYMBOL;
	}
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	default:
		return C_SYMBOL;
	}
}

/* peek() for a character that is not ASCII, or a CR. */
static size_t
peek_slow(const char *s, size_t n, size_t i, int32_t *cp, int *cl)
{
	size_t len;

	if ((unsigned char)s[i] == '\r') {
		*cp = '\r';
		*cl = (i + 1 < n && s[i + 1] == '\n') ? C_SPACE : C_NL;
		return 1;
	}
	len = glean_utf8_next(s + i, n - i, cp);
	*cl = *cp < 0 ? C_SYMBOL : uni_cls(*cp);
	return len;
}

/* Decode the character at s[i]; its class in *cl, its length returned. */
static inline size_t
peek(const char *s, size_t n, size_t i, int32_t *cp, int *cl)
{
	unsigned char b;

	if (i >= n) {
		*cp = -1;
		*cl = C_SPACE;
		return 0;
	}
	b = (unsigned char)s[i];
	if (b < 0x80 && b != '\r') {
		*cp = b;
		*cl = ascii_cls[b];
		return 1;
	}
	return peek_slow(s, n, i, cp, cl);
}

static int
cls_at(const char *s, size_t n, size_t i)
{
	int32_t cp;
	int cl;

	peek(s, n, i, &cp, &cl);
	return cl;
}

/* ASCII lower case. */
static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
alnum(int cl)
{
	return cl == C_LETTER || cl == C_DIGIT || cl == C_MARK;
}

static int
adigit(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

static int
aletter(const char *s, size_t n, size_t i)
{
	return i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z'));
}

/* ---- scanning ---------------------------------------------------------- */

/* Runs of plain words 64 bytes at a step, and split asking only of the
 * tokens scan noted as candidates; 0 (tests/unit/tokenize.c's
 * reference) for a word at a time and split asking of every token. */
#ifndef TOK_PLAIN_FAST
#define TOK_PLAIN_FAST 1
#endif

/* The most candidates kept for a text: past them split asks of every
 * token (struct scan's all_from). */
#define TOK_CANDS 4096

struct scan {
	const char *s;
	size_t n;
	const struct glean_abbrevs *ab;
	struct glean_toks *tk;
	size_t nextc;		/* next continuation byte (n if none) */
	uint32_t ncont;		/* continuation bytes before nextc */
	int flags;		/* for the next token */
	int opensingle;		/* single quotes opened, not yet closed */
	uint32_t *cand;		/* the tokens a sentence may start at, for
				 * split (note_cand), in order */
	size_t ncand;
	size_t all_from;	/* split asks of every token from this one */
};

/*
 * Code points in s[0..b): b less the continuation bytes before it.  b
 * never decreases from one call to the next, and news text is mostly
 * ASCII, so this is usually one compare.
 */
static inline uint32_t
cp_at(struct scan *sc, size_t b)
{
	while (sc->nextc < b) {
		sc->ncont++;
		sc->nextc = next_cont(sc->s, sc->n, sc->nextc + 1);
	}
	return (uint32_t)(b - sc->ncont);
}

/* Twice the room for tokens in tk (tk->n == tk->cap). */
static void
more_toks(struct glean_toks *tk)
{
	tk->cap = tk->cap ? tk->cap * 2 : 256;
	tk->t = glean_realloc(tk->t, tk->cap * sizeof *tk->t);
}

/* A new token at the end of tk, its fields to fill. */
static inline struct glean_tok *
new_tok(struct glean_toks *tk)
{
	if (tk->n == tk->cap)
		more_toks(tk);
	return &tk->t[tk->n++];
}

/*
 * Token k as a candidate for split: a sentence may start at it.  Past
 * TOK_CANDS of them, split asks of every token from the first not kept.
 */
static inline void
note_cand(struct scan *sc, size_t k)
{
	if (!TOK_PLAIN_FAST)
		return;		/* the reference asks of every token */
	if (sc->ncand < TOK_CANDS)
		sc->cand[sc->ncand++] = (uint32_t)k;
	else if (k < sc->all_from)
		sc->all_from = k;
}

/*
 * A token [bs, be) of the kind and flags given (with sc->flags, the
 * gap's), unless empty.  The token after a quote or an abbreviation is
 * noted for split (a sentence may start there), as scan_punct notes the
 * one after a terminal or a closing bracket.  Exact: boundary is 0 for
 * every other token, as it needs a newline before the token (gap_flags
 * notes those) or a terminal or an abbreviation before it, past closers
 * glued to it, and closers are quotes and closing brackets.  Inlined:
 * kind and flags are mostly constants, so most calls test nothing.
 */
static inline void
emit(struct scan *sc, size_t bs, size_t be, int kind, int flags)
{
	struct glean_tok *t;

	if (be <= bs)
		return;
	t = new_tok(sc->tk);
	t->bs = (uint32_t)bs;
	t->be = (uint32_t)be;
	t->s = cp_at(sc, bs);
	t->e = cp_at(sc, be);
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)(flags | sc->flags);
	sc->flags = 0;
	if (kind == GLEAN_TOK_QUOTE || (flags & GLEAN_TOKF_ABBR))
		note_cand(sc, sc->tk->n);
}

/*
 * The ends of the plain words that follow s[l] (a space, then an ASCII
 * letter) one space or one comma and a space each, as far as the 64
 * bytes from l (all inside the text) tell: bit k for the word that ends
 * at s[l + k]; *commas the bits of the ends that are such a comma, each
 * a token of its own.  *stop is set when the run of words ends at the
 * last of them.  This is plain_words' loop asked at once of 64 bytes
 * (exact): the run goes on over letters and digits, over spaces before
 * letters and over commas after a letter or digit before a space and a
 * letter (scan, word after word, would come to the same tokens and
 * flags), and stops at the first other byte x.  Every space before x
 * not after a comma ends a word that plain_words would emit, and so
 * does every comma; x ends one too when it is a space or a plain_end
 * byte.  With no such x, the words ended by the spaces and commas are
 * the ones the 64 bytes decide.  The last word is plain_words' own: a
 * comma last ends its word but is left to scan (run_words).
 */
static inline uint64_t
run_ends(const char *s, size_t l, int *stop, uint64_t *commas)
{
	uint64_t alnum, alpha, space, comma, bad, ends;
	unsigned x;

	word_masks64(s + l, &alnum, &alpha, &space, &comma);
	/* (a byte before a comma other than a letter or digit stops the
	 * run before it) */
	comma &= space >> 1 & alpha >> 2;
	/* space's bit 63: what follows it is not known here */
	bad = ~(alnum | space | comma) | (space & ~(alpha >> 1));
	x = bad ? (unsigned)__builtin_ctzll(bad) : 64;
	ends = (space & ~(comma << 1) & ~1ull) | comma;
	*stop = !(x == 64 || (x == 63 && space >> 63));
	if (*stop) {
		ends &= ~0ull >> (63 - x);	/* the bits up to x */
		if (!(space >> x & 1) && plain_end[(unsigned char)s[l + x]])
			ends |= 1ull << x;
	}
	*commas = comma & ends;
	return ends;
}

#if defined(__SSE2__) && defined(__x86_64__)
_Static_assert(offsetof(struct glean_tok, s) == 0 &&
    offsetof(struct glean_tok, e) == 4 && offsetof(struct glean_tok, bs) ==
    8 && offsetof(struct glean_tok, be) == 12, "put_run_tok's layout");
#endif

/* Token t: [b, e) of bytes, of the kind and flags given, ncont
 * continuation bytes before it. */
static inline void
put_run_tok(struct glean_tok *t, size_t b, size_t e, uint32_t ncont,
    uint8_t kind, uint8_t flags)
{
#if defined(__SSE2__) && defined(__x86_64__)
	/* s, e, bs, be in one store: (b, e, b, e) less (ncont, ncont, 0, 0)
	 * (what the compiler made of four stores took twice the steps) */
	__m128i v = _mm_cvtsi64_si128((long long)((uint64_t)(uint32_t)b |
	    (uint64_t)e << 32));

	_mm_storeu_si128((__m128i *)(void *)t, _mm_sub_epi32(
	    _mm_unpacklo_epi64(v, v), _mm_set_epi32(0, 0, (int)ncont,
	    (int)ncont)));
#else
	t->s = (uint32_t)(b - ncont);
	t->e = (uint32_t)(e - ncont);
	t->bs = (uint32_t)b;
	t->be = (uint32_t)e;
#endif
	t->kind = kind;
	t->flags = flags;
}

/*
 * The words that run_ends found after the space at *l (ends, not 0: bit
 * k for a word that ends at *l + k; commas, the commas among them) but
 * the last (a comma after it is not written), written at t: a word with
 * the flags of one after a space, a comma with none, ncont continuation
 * bytes before them all.  Returns where the writing stopped; *l is then
 * the space before the last word, *m its end.
 */
static inline struct glean_tok *
run_words(struct glean_tok *t, uint64_t ends, uint64_t commas,
    uint32_t ncont, size_t *l, size_t *m)
{
	size_t base = *l, prev = base;
	size_t e = base + (unsigned)__builtin_ctzll(ends);

	/* most often no comma: fewer questions a word */
	while (!commas && (ends &= ends - 1)) {
		put_run_tok(t++, prev + 1, e, ncont, GLEAN_TOK_WORD,
		    GLEAN_TOKF_SPACE);
		prev = e;
		e = base + (unsigned)__builtin_ctzll(ends);
	}
	while (commas && (ends &= ends - 1)) {
		put_run_tok(t++, prev + 1, e, ncont, GLEAN_TOK_WORD,
		    GLEAN_TOKF_SPACE);
		prev = e;
		if (commas >> (e - base) & 1) {
			put_run_tok(t++, e, e + 1, ncont, GLEAN_TOK_PUNCT, 0);
			prev = e + 1;
		}
		e = base + (unsigned)__builtin_ctzll(ends);
	}
	*l = prev;
	*m = e;
	return t;
}

/* Room for run_words' tokens (43 at most: "a, " is two) and one more
 * after t, the end of what tk's array holds; *tend the end of the
 * array. */
static inline struct glean_tok *
run_room(struct glean_toks *tk, struct glean_tok *t, struct glean_tok **tend)
{
	if (*tend - t <= 48) {
		tk->n = (size_t)(t - tk->t);
		more_toks(tk);
		t = tk->t + tk->n;
		*tend = tk->t + tk->cap;
	}
	return t;
}

/*
 * The common case, most of a text: the plain word [i, l), i < l (ASCII
 * letters and digits, then a byte no rule of scan_word looks past),
 * emitted with sc->flags, and the plain words after it that follow one
 * space each, which need none of scan's other questions (run_ends finds
 * them 64 bytes at a time).  With no continuation byte inside a word,
 * its end is its start plus its length.  The state is kept in locals,
 * not in sc and tk, which a token's byte fields might alias.  Returns
 * the end of the last word; *last its start.
 */
static size_t
plain_words(struct scan *sc, size_t i, size_t l, size_t *last)
{
	const char *s = sc->s;
	size_t n = sc->n, nextc = sc->nextc, m;
	struct glean_toks *tk = sc->tk;
	struct glean_tok *t, *tend;
	uint32_t ncont = sc->ncont;
	uint8_t flags = (uint8_t)sc->flags;
	uint64_t ends, commas;
	int stop = 0;

	if (tk->n == tk->cap)
		more_toks(tk);	/* also the first array of all */
	t = tk->t + tk->n;
	tend = tk->t + tk->cap;
	for (;;) {
		t = run_room(tk, t, &tend);
		while (nextc < i) {
			ncont++;
			nextc = next_cont(s, n, nextc + 1);
		}
		put_run_tok(t++, i, l, ncont, GLEAN_TOK_WORD, flags);
		flags = GLEAN_TOKF_SPACE;
		/* one space, then another plain word? */
		if (stop || l + 1 >= n || s[l] != ' ' ||
		    !ascii_word[(unsigned char)s[l + 1]])
			break;
		if (TOK_PLAIN_FAST && l + 64 <= n &&
		    ((ends = run_ends(s, l, &stop, &commas)) || stop)) {
			if (!ends)
				break;
			/* all words but the last here; it is the loop's */
			t = run_words(t, ends, commas, ncont, &l, &m);
		} else {
			m = skip_alnum(s, n, l + 2);
			if (m >= n || !plain_end[(unsigned char)s[m]])
				break;
		}
		i = l + 1;
		l = m;
	}
	tk->n = (size_t)(t - tk->t);
	sc->nextc = nextc;
	sc->ncont = ncont;
	sc->flags = 0;
	*last = i;
	return l;
}

/* Length of a URL starting at i ("http://", "https://", "www."), or 0. */
static size_t
url_len(const char *s, size_t n, size_t i)
{
	size_t j = i, k;
	int depth = 0;

	while (j < n) {
		unsigned char b = (unsigned char)s[j];

		if (b <= ' ' || b == '"' || b == '<' || b == '>' || b == '`')
			break;
		if (b >= 0x80) {
			int32_t cp;
			int cl;

			k = peek(s, n, j, &cp, &cl);
			if (cl == C_SPACE || cl == C_NL || cl == C_QUOTE ||
			    cl == C_OPENQ || cl == C_APOS)
				break;
			j += k;
			continue;
		}
		if (b == '(')
			depth++;
		else if (b == ')' && --depth < 0)
			break;
		j++;
	}
	/* trailing punctuation belongs to the sentence */
	while (j > i && strchr(".,;:!?'", s[j - 1]))
		j--;
	return j - i;
}

static int
email_local(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
	    (b >= '0' && b <= '9') || b == '.' || b == '_' || b == '%' ||
	    b == '+' || b == '-';
}

static int
email_dom(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
	    (b >= '0' && b <= '9') || b == '-';
}

/* Length of an e-mail address starting at i, or 0. */
static size_t
email_len(const char *s, size_t n, size_t i)
{
	size_t j = i, lab, dots = 0, end = 0;

	while (j < n && email_local((unsigned char)s[j]))
		j++;
	if (j == i || j >= n || s[j] != '@' || s[j - 1] == '.')
		return 0;
	j++;
	for (;;) {
		lab = j;
		while (j < n && email_dom((unsigned char)s[j]))
			j++;
		if (j == lab)
			break;
		end = j;
		if (j + 1 < n && s[j] == '.' &&
		    email_dom((unsigned char)s[j + 1])) {
			j++;
			dots++;
			continue;
		}
		break;
	}
	return dots ? end - i : 0;
}

static int
is_clitic(const char *w, size_t len)
{
	char a = len > 0 ? (char)(w[0] | 0x20) : 0;
	char b = len > 1 ? (char)(w[1] | 0x20) : 0;

	if (len == 1)
		return a == 's' || a == 'd' || a == 'm';
	if (len == 2)
		return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') ||
		    (a == 'l' && b == 'l');
	return 0;
}

/*
 * The apostrophe at i (l bytes, a letter after it) inside the word from
 * p: when it starts a clitic that ends the word (council's, don't),
 * emits the word and the clitic and returns the clitic's end; else 0.
 */
static inline size_t
split_clitic(struct scan *sc, size_t p, size_t i, size_t l)
{
	const char *s = sc->s;
	size_t n = sc->n, j, k;

	for (j = k = i + l; k < n && aletter(s, n, k); k++)
		;
	if (k < n && alnum(cls_at(s, n, k)))
		return 0;
	if (is_clitic(s + j, k - j)) {
		emit(sc, p, i, GLEAN_TOK_WORD, 0);
		emit(sc, i, k, GLEAN_TOK_WORD, GLEAN_TOKF_CLITIC);
		return k;
	}
	if (k - j == 1 && (s[j] | 0x20) == 't' && i - p > 1 &&
	    (s[i - 1] | 0x20) == 'n') {
		emit(sc, p, i - 1, GLEAN_TOK_WORD, 0);
		emit(sc, i - 1, k, GLEAN_TOK_WORD, GLEAN_TOKF_CLITIC);
		return k;
	}
	return 0;
}

/*
 * The letters of the word from p (i at a letter): runs of letters and
 * digits joined by hyphens, joiners and apostrophes (O'Brien).
 * Returns where they end; when a clitic ends the word, the end of the
 * clitic, with both emitted and *done set.
 */
static inline size_t
word_letters(struct scan *sc, size_t p, size_t i, int *done)
{
	const char *s = sc->s;
	size_t n = sc->n, l, k;
	int32_t cp;
	int cl;

	for (;;) {
		for (;;) {
			i = skip_alnum(s, n, i);
			if (i >= n || (unsigned char)s[i] < 0x80)
				break;
			l = peek(s, n, i, &cp, &cl);
			if (!alnum(cl))
				break;
			i += l;
		}
		if (i >= n)
			return i;
		l = peek(s, n, i, &cp, &cl);
		if ((cp == '-' || cl == C_JOIN) &&
		    alnum(cls_at(s, n, i + l))) {
			i += l;
			continue;
		}
		if (cl != C_APOS || cls_at(s, n, i + l) != C_LETTER)
			return i;
		if ((k = split_clitic(sc, p, i, l))) {
			*done = 1;
			return k;
		}
		i += l;		/* O'Brien */
	}
}

/*
 * Dotted initialisms (U.K., e.g., a.m.) from the one letter p..i:
 * emits one and returns its end, else 0.
 */
static size_t
initialism(struct scan *sc, size_t p, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i;
	int abc;

	if (!(i - p == 1 && i + 2 < n && s[i] == '.' && aletter(s, n, i + 1) &&
	    s[i + 2] == '.'))
		return 0;
	while (j + 2 < n && s[j] == '.' && aletter(s, n, j + 1) &&
	    s[j + 2] == '.')
		j += 2;
	j++;
	if (alnum(cls_at(s, n, j)))
		return 0;
	/* "e.g." never ends a sentence: ask the lexicon */
	abc = glean_abbrev_class(sc->ab, s + p, j - 1 - p);
	emit(sc, p, j, GLEAN_TOK_WORD, GLEAN_TOKF_ABBR |
	    (abc == AB_TITLE ? GLEAN_TOKF_TITLE : 0));
	return j;
}

/*
 * An e-mail address or URL from p (letters to i): emits it and
 * returns its end, else 0.
 */
static size_t
address(struct scan *sc, size_t p, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, ulen;

	/* a full stop (the common case) starts no address unless a
	 * character of one follows it */
	if (i < n && (s[i] == '@' || s[i] == '_' || s[i] == '+' ||
	    (s[i] == '.' && i + 1 < n && email_local((unsigned char)s[i + 1])))
	    && (ulen = email_len(s, n, p)) > 0) {
		emit(sc, p, p + ulen, GLEAN_TOK_EMAIL, 0);
		return p + ulen;
	}
	if (i + 3 <= n && memcmp(s + i, "://", 3) == 0 && i - p <= 5) {
		if ((ulen = url_len(s, n, p)) > (i - p) + 3) {
			emit(sc, p, p + ulen, GLEAN_TOK_URL, 0);
			return p + ulen;
		}
	}
	if (i - p == 3 && i < n && s[i] == '.' && strncasecmp(s + p, "www", 3)
	    == 0 && aletter(s, n, i + 1)) {
		ulen = url_len(s, n, p);
		emit(sc, p, p + ulen, GLEAN_TOK_URL, 0);
		return p + ulen;
	}
	return 0;
}

/*
 * The word p..i and its full stop as an abbreviation (of the lexicon,
 * or an initial: "John F. Kennedy"): emits it and returns its end,
 * else 0.
 */
static size_t
abbreviation(struct scan *sc, size_t p, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, j;
	int abc;

	if (i < n && s[i] == '.' &&
	    (abc = glean_abbrev_class(sc->ab, s + p, i - p)) >= 0) {
		for (j = i + 1; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
			;
		if (abc == AB_TITLE) {
			emit(sc, p, i + 1, GLEAN_TOK_WORD,
			    GLEAN_TOKF_ABBR | GLEAN_TOKF_TITLE);
			return i + 1;
		}
		if (abc == AB_ANY || adigit(s, n, j)) {
			emit(sc, p, i + 1, GLEAN_TOK_WORD, GLEAN_TOKF_ABBR);
			return i + 1;
		}
	}
	if (i - p == 1 && s[p] >= 'A' && s[p] <= 'Z' && i + 2 < n &&
	    s[i] == '.' && s[i + 1] == ' ' && s[i + 2] >= 'A' &&
	    s[i + 2] <= 'Z') {
		emit(sc, p, i + 1, GLEAN_TOK_WORD,
		    GLEAN_TOKF_ABBR | GLEAN_TOKF_TITLE);
		return i + 1;
	}
	return 0;
}

/*
 * The word p..i followed by one of . @ _ + : as an initialism, address
 * or abbreviation when it is one, else a plain word; emits it and
 * returns its end.  Kept out of line: the common word does not pay for
 * these rules' registers.
 */
static __attribute__((noinline)) size_t
word_form(struct scan *sc, size_t p, size_t i)
{
	const char *s = sc->s;
	size_t end;

	/* most often a full stop then a space or the end, a byte no
	 * address takes (email_local), nor then an initialism (a letter):
	 * neither needs asking (exact: both ask that byte first) */
	if (s[i] == '.' && (i + 1 >= sc->n ||
	    !email_local((unsigned char)s[i + 1]))) {
		if ((end = abbreviation(sc, p, i)))
			return end;
	} else if ((end = initialism(sc, p, i)) ||
	    (end = address(sc, p, i)) || (end = abbreviation(sc, p, i))) {
		return end;
	}
	emit(sc, p, i, GLEAN_TOK_WORD, 0);
	return i;
}

/* A word starting at letter i; returns the end of what it consumed. */
static size_t
scan_word(struct scan *sc, size_t i)
{
	size_t p = i;
	int done = 0;

	i = word_letters(sc, p, i, &done);
	if (done)
		return i;
	/* what follows below needs one of . @ _ + : after the letters */
	if (i < sc->n && word_tail[(unsigned char)sc->s[i]])
		return word_form(sc, p, i);
	emit(sc, p, i, GLEAN_TOK_WORD, 0);
	return i;
}

/* A number starting at an ASCII digit. */
static size_t
scan_number(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, p = i;

	while (adigit(s, n, i))
		i++;
	for (;;) {
		if (i + 3 < n && s[i] == ',' && adigit(s, n, i + 1) &&
		    adigit(s, n, i + 2) && adigit(s, n, i + 3) &&
		    !adigit(s, n, i + 4)) {
			i += 4;
			continue;
		}
		if (i + 1 < n && s[i] == '.' && adigit(s, n, i + 1)) {
			i += 2;
			while (adigit(s, n, i))
				i++;
			continue;
		}
		break;
	}
	/* attached letters: 3.5m, 2bn, 1990s, 22nd, 10am */
	while (aletter(s, n, i))
		i++;
	if (i < n && alnum(cls_at(s, n, i))) {
		/* digits glued to other letters (4x4b, 5G's...): a word */
		return scan_word(sc, p);
	}
	emit(sc, p, i, GLEAN_TOK_NUMBER, 0);
	return i;
}

/* The last character of s[j..i) (none when i == j): its code point and
 * class. */
static void
last_char(const char *s, size_t n, size_t j, size_t i, int32_t *cp, int *cl)
{
	size_t k;

	if (i <= j) {
		*cp = -1;
		*cl = C_SPACE;
		return;
	}
	k = i - 1;
	while (k > j && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	peek(s, n, k, cp, cl);
}

/* The flags of the token after a gap of spaces holding nl newlines
 * (with a newline, the token is a candidate for split). */
static inline void
gap_flags(struct scan *sc, int nl)
{
	sc->flags = GLEAN_TOKF_SPACE;
	if (nl) {
		sc->flags |= GLEAN_TOKF_NL;
		note_cand(sc, sc->tk->n);
	}
	if (nl > 1) {
		sc->flags |= GLEAN_TOKF_PARA;
		sc->opensingle = 0;
	}
}

/* Punctuation cp at i (l bytes): runs of . - and of ! ? are one token. */
static inline size_t
scan_punct(struct scan *sc, size_t i, int32_t cp, size_t l)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i;

	if (cp == '.' || cp == '-') {
		for (i += 1; i < n && s[i] == cp; i++)
			;
	} else if (cp == '!' || cp == '?') {
		for (i += 1; i < n && (s[i] == '!' || s[i] == '?'); i++)
			;
	} else {
		i += l;
	}
	emit(sc, j, i, GLEAN_TOK_PUNCT, 0);
	/* is_terminal's and is_closer's punctuation: a sentence may start
	 * after it (emit) */
	if (cp == '.' || cp == '!' || cp == '?' || cp == ')' || cp == ']' ||
	    cp == 0x2026)
		note_cand(sc, sc->tk->n);
	return i;
}

/*
 * The apostrophe at i (l bytes), after the token pj..pi (space: with a
 * gap between): a closing single quote, the clitic of a plural
 * possessive (councils'), or an opening quote; keeps the count of
 * single quotes open.
 */
static void
scan_apos(struct scan *sc, size_t i, size_t l, size_t pj, size_t pi,
    int space)
{
	int32_t pcp, ncp;
	int pcl, ncl;

	last_char(sc->s, sc->n, pj, pi, &pcp, &pcl);
	peek(sc->s, sc->n, i + l, &ncp, &ncl);
	if (!space && i > 0 && alnum(pcl)) {
		if (sc->opensingle > 0) {
			sc->opensingle--;
			emit(sc, i, i + l, GLEAN_TOK_QUOTE, 0);
		} else if ((pcp == 's' || pcp == 'S') && !alnum(ncl)) {
			emit(sc, i, i + l, GLEAN_TOK_WORD, GLEAN_TOKF_CLITIC);
		} else {
			emit(sc, i, i + l, GLEAN_TOK_QUOTE, 0);
		}
	} else {
		if (alnum(ncl))
			sc->opensingle++;
		else if (sc->opensingle > 0)
			sc->opensingle--;
		emit(sc, i, i + l, GLEAN_TOK_QUOTE, 0);
	}
}

/* The kind of a one-character token of class cl. */
static inline int
lone_kind(int cl)
{
	return cl == C_QUOTE || cl == C_OPENQ ? GLEAN_TOK_QUOTE :
	    cl == C_JOIN ? GLEAN_TOK_PUNCT : GLEAN_TOK_SYMBOL;
}

/*
 * The tokens of sc->s, emitted in order, each with the flags of the gap
 * before it.  A combining mark with nothing to combine is a symbol.
 */
static void
scan(struct scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->n, i = 0, l, j, pj = 0, pi = 0;
	int32_t cp;
	int cl, nl = 0, space = 0;

	while (i < n) {
		if (s[i] == ' ') {
			space = 1;
			i++;
			continue;
		}
		if (ascii_word[(unsigned char)s[i]] &&
		    (l = skip_alnum(s, n, i + 1)) < n &&
		    (plain_end[(unsigned char)s[l]] ||
		    word_tail[(unsigned char)s[l]])) {
			/* the common word: ASCII letters and digits, then a
			 * byte no rule of scan_word looks past, or one of
			 * word_form's (scan_word would come to the same) */
			if (space)
				gap_flags(sc, nl);
			else if (i == 0)
				sc->flags = GLEAN_TOKF_PARA | GLEAN_TOKF_NL;
			pj = i;
			if (plain_end[(unsigned char)s[l]])
				l = plain_words(sc, i, l, &pj);
			else
				l = word_form(sc, i, l);
			pi = i = l;
			nl = 0;
			/* the space after it, without a turn of the loop */
			space = i < n && s[i] == ' ';
			i += (size_t)space;
			continue;
		}
		if ((unsigned char)s[i] < 0x80 && s[i] != '\r') {
			cp = (unsigned char)s[i];
			cl = ascii_cls[cp];
			l = 1;
		} else {
			l = peek(s, n, i, &cp, &cl);
		}
		if (cl == C_SPACE || cl == C_NL) {
			nl += cl == C_NL;
			space = 1;
			i += l;
			continue;
		}
		if (space)
			gap_flags(sc, nl);
		else if (i == 0)
			sc->flags = GLEAN_TOKF_PARA | GLEAN_TOKF_NL;
		j = i;
		if (cl == C_LETTER)
			i = scan_word(sc, i);
		else if (cl == C_DIGIT)
			i = scan_number(sc, i);
		else if (cl == C_PUNCT)
			i = scan_punct(sc, i, cp, l);
		else {
			if (cl == C_APOS)
				scan_apos(sc, i, l, pj, pi, space);
			else
				emit(sc, i, i + l, lone_kind(cl), 0);
			sc->opensingle += cl == C_OPENQ;
			i += l;
		}
		/* what was consumed, for the apostrophe rules */
		if (i > j) {
			pj = j;
			pi = i;
		}
		space = 0;
		nl = 0;
	}
}

/* ---- sentences --------------------------------------------------------- */

/*
 * Does token t start with a letter of the case asked: a small letter
 * (upper 0) or a capital or uncased letter (upper 1)?
 */
static int
starts_case(const char *s, size_t n, const struct glean_tok *t, int upper)
{
	int32_t cp;
	int cl;

	peek(s, n, t->bs, &cp, &cl);
	if (cp < 0x80)
		return upper ? cp >= 'A' && cp <= 'Z' : cp >= 'a' && cp <= 'z';
	return cl == C_LETTER && (utf8proc_category(cp) ==
	    UTF8PROC_CATEGORY_LL) != upper;
}

static int
is_terminal(const char *s, const struct glean_tok *t)
{
	const char *p = s + t->bs;
	size_t len = t->be - t->bs;

	if (t->kind != GLEAN_TOK_PUNCT)
		return 0;
	if (*p == '.' || *p == '!' || *p == '?')
		return 1;
	return len == 3 && memcmp(p, "\xe2\x80\xa6", 3) == 0;	/* … */
}

static int
is_closer(const char *s, const struct glean_tok *t)
{
	char c = s[t->bs];

	if (t->kind == GLEAN_TOK_QUOTE)
		return 1;
	return t->kind == GLEAN_TOK_PUNCT && (c == ')' || c == ']');
}

/* Does a sentence end between tokens i - 1 and i? */
static int
boundary(const char *s, size_t n, const struct glean_toks *tk, size_t first,
    size_t i)
{
	const struct glean_tok *t = &tk->t[i], *p;
	size_t j;
	int term;

	if (t->flags & GLEAN_TOKF_PARA)
		return 1;
	if (t->flags & GLEAN_TOKF_NL)
		return !starts_case(s, n, t, 0);
	if (!(t->flags & GLEAN_TOKF_SPACE))
		return 0;
	/* what the sentence would end with: cheap tests first */
	j = i - 1;
	while (j > first && is_closer(s, &tk->t[j]) &&
	    !(tk->t[j].flags & GLEAN_TOKF_SPACE))
		j--;
	p = &tk->t[j];
	term = is_terminal(s, p);
	if (!term && !(p->flags & GLEAN_TOKF_ABBR &&
	    !(p->flags & GLEAN_TOKF_TITLE)))
		return 0;
	if (starts_case(s, n, t, 0))
		return 0;
	if (t->kind == GLEAN_TOK_PUNCT && strchr(",;:)]}", s[t->bs]))
		return 0;
	return term || starts_case(s, n, t, 1);
}

static void
add_sentence(struct glean_toks *tk, size_t first, size_t last)
{
	struct glean_sent *st;

	if (last <= first)
		return;
	if (tk->nsent == tk->capsent) {
		tk->capsent = tk->capsent ? tk->capsent * 2 : 32;
		tk->sent = glean_realloc(tk->sent, tk->capsent *
		    sizeof *tk->sent);
	}
	st = &tk->sent[tk->nsent++];
	st->first = first;
	st->last = last;
	st->s = tk->t[first].s;
	st->bs = tk->t[first].bs;
	st->e = tk->t[last - 1].e;
	st->be = tk->t[last - 1].be;
}

/*
 * Can no sentence end before token t, whatever follows: no white space
 * before it, or only spaces after a token that neither closes nor ends
 * a sentence (the common case, decided without boundary's questions).
 */
static inline int
inside(const struct glean_tok *t)
{
	const struct glean_tok *p = t - 1;
	int gap = t->flags & (GLEAN_TOKF_PARA | GLEAN_TOKF_NL |
	    GLEAN_TOKF_SPACE);

	if (!gap)
		return 1;
	return gap == GLEAN_TOKF_SPACE && p->kind != GLEAN_TOK_PUNCT &&
	    p->kind != GLEAN_TOK_QUOTE && (p->flags & (GLEAN_TOKF_ABBR |
	    GLEAN_TOKF_TITLE)) != GLEAN_TOKF_ABBR;
}

/* Does a sentence end before token i (after tok[first..i))?  Then the
 * sentence from first is added and *first moved to i. */
static inline void
ask(const char *s, size_t n, struct glean_toks *tk, size_t *first, size_t i)
{
	if (boundary(s, n, tk, *first, i)) {
		add_sentence(tk, *first, i);
		*first = i;
	}
}

/*
 * The sentences of tk: scan's candidates cand[0..nc) (in order, maybe
 * repeated, maybe tk->n), then every token from all_from (those past
 * the candidates' room).
 */
static void
split(const char *s, size_t n, struct glean_toks *tk, const uint32_t *cand,
    size_t nc, size_t all_from)
{
	/* add_sentence moves neither of these */
	const struct glean_tok *tok = tk->t;
	size_t k, i, first = 0, n_tok = tk->n, next = 1;

	for (k = 0; k < nc; k++) {
		i = cand[k];
		if (i < next || i >= n_tok)
			continue;
		next = i + 1;
		ask(s, n, tk, &first, i);
	}
	for (i = next > all_from ? next : all_from; i < n_tok; i++) {
		/* most tokens: one space after a word that is no
		 * abbreviation (inside's answer with fewer questions) */
		if (tok[i].flags == GLEAN_TOKF_SPACE &&
		    tok[i - 1].kind == GLEAN_TOK_WORD &&
		    !(tok[i - 1].flags & GLEAN_TOKF_ABBR))
			continue;
		if (!inside(&tok[i]))
			ask(s, n, tk, &first, i);
	}
	add_sentence(tk, first, n_tok);
}

void
glean_tokenize(const char *text, size_t n, const struct glean_abbrevs *ab,
    struct glean_toks *tk)
{
	struct scan sc;
	uint32_t cand[TOK_CANDS];

	if (!ascii_ready)
		init_ascii();
	glean_toks_reset(tk);
	memset(&sc, 0, sizeof sc);
	sc.s = text;
	sc.n = n;
	sc.nextc = next_cont(text, n, 0);
	sc.ab = ab;
	sc.tk = tk;
	sc.cand = cand;
	/* the reference asks of every token */
	sc.all_from = TOK_PLAIN_FAST ? SIZE_MAX : 1;
	scan(&sc);
	split(text, n, tk, cand, sc.ncand, sc.all_from);
}

void
glean_toks_reset(struct glean_toks *tk)
{
	tk->n = 0;
	tk->nsent = 0;
}

void
glean_toks_free(struct glean_toks *tk)
{
	free(tk->t);
	free(tk->sent);
	memset(tk, 0, sizeof *tk);
}

/* ---- stems ------------------------------------------------------------- */

/*
 * A bounded cache of stems (its layout: stemcache.h): news vocabulary is
 * small and Zipfian, and Snowball costs far more than a probe.  A hit
 * moves its entry to the front of its set; a miss replaces the least
 * recently used.  Memory is fixed, so it never grows with the number of
 * documents.
 */
struct glean_stem_entry *glean_stem_cache;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST(n) (~0ull << (64 - 8 * (n)))
#else
#define FIRST(n) (~0ull >> (64 - 8 * (n)))
#endif
const uint64_t glean_stem_masks[9] = {
	0, FIRST(1), FIRST(2), FIRST(3), FIRST(4), FIRST(5), FIRST(6),
	FIRST(7), FIRST(8)
};
#undef FIRST

uint64_t
glean_stem_head_end(const char *w, size_t n)
{
	char b[8] = { 0 };
	uint64_t x;
	size_t k;

	/* a byte loop: memcpy of a variable length is a call */
	for (k = 0; k < n && k < 8; k++)
		b[k] = w[k];
	memcpy(&x, b, 8);
	return x;
}
static void *cache_block;	/* what calloc gave, the cache aligned in it */

static void
free_cache(void)
{
	free(cache_block);
	cache_block = NULL;
	glean_stem_cache = NULL;
}

/* The folded form of w[0..n) ("’" as "'") into out; abbreviations also
 * lose their dots. */
static void
fold_word(const char *w, size_t n, int abbr, struct glean_buf *out)
{
	char *f, *fold = NULL;
	size_t i, flen;

	for (i = 0; i < n; i++)
		if ((unsigned char)w[i] >= 0x80)
			break;
	if (i == n) {
		f = glean_buf_reserve(out, n);
		for (i = 0; i < n; i++)
			if (!abbr || w[i] != '.')
				*f++ = lower(w[i]);
		out->len = (size_t)(f - out->s);
		out->s[out->len] = '\0';
		return;
	}
	f = fold = glean_casefold(w, n, &flen);
	for (i = 0; i < flen; i++) {
		if (i + 2 < flen && memcmp(f + i, "\xe2\x80\x99", 3) == 0) {
			glean_buf_addc(out, '\'');
			i += 2;
		} else if (!abbr || f[i] != '.') {
			glean_buf_addc(out, f[i]);
		}
	}
	free(fold);
}

/* Does s[0..n) need no escaping in a JSON string? */
static int
json_safe(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
			return 0;
	return 1;
}

static void
cache_init(void)
{
	size_t size = GLEAN_STEM_SLOTS * sizeof *glean_stem_cache;

	if (!glean_stem_cache) {
		/* a set per two cache lines; a set more, since the probes
		 * and glean_toks_json read a few bytes past an entry.
		 * calloc, not a memset: a block this big comes zeroed from
		 * the system, a page when first used */
		cache_block = calloc(1, size + 128 + 127);
		if (!cache_block)
			glean_die(GLEAN_EXIT_FATAL, "out of memory");
		glean_stem_cache = (struct glean_stem_entry *)
		    (((uintptr_t)cache_block + 127) & ~(uintptr_t)127);
		atexit(free_cache);
	}
}

/* The hash of the word w[0..n) (glean_stem_hash), read up to lim. */
static uint32_t
hash(const char *w, size_t n, const char *lim)
{
	return glean_stem_hash(glean_stem_head(w, n, lim), w, n, lim);
}

static const char *stem_miss(const char *w, size_t n, uint64_t head,
    struct glean_stem_entry *e, size_t *slen, int *safe);

/*
 * The stem of the word w[0..n) as written (n <= GLEAN_STEM_MAX), h its
 * hash, w readable up to lim.  Cached under the raw bytes so that a hit
 * costs one compare; only stems that need no JSON escaping are cached,
 * so *safe tells a hit (and that 32 bytes of the result are readable).
 * Returns storage valid until the next call.
 */
static const char *
stem_raw(const char *w, size_t n, uint32_t h, const char *lim, size_t *slen,
    int *safe)
{
	struct glean_stem_entry *e = glean_stem_set(h), hit;
	uint64_t head = glean_stem_head(w, n, lim);
	size_t k;

	for (k = 0; k < GLEAN_STEM_WAYS; k++) {
		if (!glean_stem_is(&e[k], head, w, n, lim))
			continue;
		if (k > 0) {
			/* the most recently used first */
			hit = e[k];
			memmove(e + 1, e, k * sizeof *e);
			e[0] = hit;
		}
		*slen = e->slen;
		*safe = 1;
		return e->kv;
	}
	return stem_miss(w, n, head, e, slen, safe);
}

/* stem_raw's miss: stem the word and cache it in set e. */
static __attribute__((noinline)) const char *
stem_miss(const char *w, size_t n, uint64_t head, struct glean_stem_entry *e,
    size_t *slen, int *safe)
{
	static struct glean_buf fold;
	size_t tail = n > 8 ? n - 8 : 0;
	const char *st;

	*safe = 0;
	glean_buf_reset(&fold);
	fold_word(w, n, 0, &fold);
	if (fold.len > GLEAN_STEM_MAX) {
		*slen = fold.len;
		return fold.s;	/* too long to be a word worth stemming */
	}
	st = glean_stem(fold.s, fold.len, slen);
	if (*slen + tail <= GLEAN_STEM_KV && json_safe(st, *slen)) {
		memmove(e + 1, e, (GLEAN_STEM_WAYS - 1) * sizeof *e);
		e->head = head;
		e->klen = (uint8_t)n;
		e->slen = (uint8_t)*slen;
		memcpy(e->kv, st, *slen);
		memcpy(e->kv + *slen, w + 8, tail);
	}
	return st;
}

/* glean_stem_tiny, for the cases below. */
static int
tiny(const char *text, const struct glean_tok *t)
{
	return glean_stem_tiny(text, t);
}

/* Stem of a word token (see glean_tok_stem); h its hash when cacheable,
 * *safe set when the result needs no JSON escaping. */
static const char *
tok_stem(const char *text, const struct glean_tok *t, uint32_t h,
    const char *lim, size_t *slen, int *safe, struct glean_buf *tmp)
{
	const char *w = text + t->bs;
	size_t n = t->be - t->bs;

	if (glean_stem_cacheable(t))
		return stem_raw(w, n, h, lim, slen, safe);
	*safe = 0;
	glean_buf_reset(tmp);
	fold_word(w, n, t->flags & GLEAN_TOKF_ABBR, tmp);
	if (!(t->flags & (GLEAN_TOKF_ABBR | GLEAN_TOKF_CLITIC)) &&
	    tmp->len <= GLEAN_STEM_MAX) {
		const char *st = glean_stem(tmp->s, tmp->len, slen);

		glean_buf_reset(tmp);
		glean_buf_add(tmp, st, *slen);
	}
	if (!tmp->s)
		glean_buf_add(tmp, "", 0);
	*slen = tmp->len;
	return tmp->s;
}

void
glean_tok_stem(const char *text, const struct glean_tok *t,
    struct glean_buf *out)
{
	struct glean_buf tmp = { 0 };
	const char *st;
	size_t slen;
	int safe;

	cache_init();
	st = tok_stem(text, t, hash(text + t->bs, t->be - t->bs, text), text,
	    &slen, &safe, &tmp);
	glean_buf_reset(out);
	glean_buf_add(out, st, slen);
	glean_buf_free(&tmp);
}

/* ---- stems for the layer writers (toklayer.c) ------------------------ */

void
glean_tok_stems_ready(void)
{
	cache_init();
}

const char *
glean_tok_stem_lookup(const char *text, const struct glean_tok *t,
    uint32_t h, const char *lim, size_t *slen, int *safe, int *small,
    struct glean_buf *tmp)
{
	if (h)
		return stem_raw(text + t->bs, t->be - t->bs, h, lim, slen,
		    safe);
	if (tiny(text, t)) {
		*slen = t->be - t->bs;
		*small = 1;
		return NULL;
	}
	return tok_stem(text, t, 0, lim, slen, safe, tmp);
}
