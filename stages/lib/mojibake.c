/* See LICENSE file for copyright and license details. */
/*
 * Mojibake repair.  UTF-8 bytes decoded with a single-byte codec turn
 * every non-ASCII character into a run of two to four characters of that
 * codec ("£" -> "Â£"); decoded with a CJK double-byte codec, pairs of
 * bytes become one ideograph ("£" -> "拢").  Undoing it means encoding a
 * run back into the codec and decoding the bytes as UTF-8.  That is only
 * possible when the bytes are valid UTF-8, which genuine text rarely
 * gives; a badness measure decides the remaining doubt.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glean.h"
#include "mojibake.h"

/* Context kept on each side of a run when its badness is compared. */
#define CTX 3
/* A repair must lower the badness by at least this much (halves)... */
#define MIN_GAIN 3
/* ...or this much when the same codec has a clear repair in the text. */
#define WEAK_GAIN 1
/* Stands for a U+FFFD in re-encoded bytes: a byte that was lost. */
#define LOST 0xff

/* ---- edits -------------------------------------------------------------- */

void
glean_edits_add(struct glean_edits *ed, size_t start, size_t end,
    const int32_t *cp, size_t ncp, const char *label)
{
	struct glean_edit *e;

	ed->e = glean_grow(ed->e, ed->n, &ed->cap, sizeof *ed->e);
	e = &ed->e[ed->n++];
	e->start = start;
	e->end = end;
	e->ncp = ncp;
	e->cp = glean_malloc((ncp ? ncp : 1) * sizeof *cp);
	if (ncp)
		memcpy(e->cp, cp, ncp * sizeof *cp);
	e->label = label;
}

void
glean_edits_clear(struct glean_edits *ed)
{
	static const size_t cp = offsetof(struct glean_edit, cp);

	glean_free_fields(ed->e, ed->n, sizeof *ed->e, &cp, 1);
	ed->n = 0;
}

void
glean_edits_free(struct glean_edits *ed)
{
	glean_edits_clear(ed);
	free(ed->e);
	ed->e = NULL;
	ed->cap = 0;
}

/* ---- codec tables ------------------------------------------------------- */

/* Decode bytes b[0..n) with cd as exactly one code point, or -1. */
static int32_t
decode_one(iconv_t cd, const unsigned char *b, size_t n)
{
	char in[4], out[16], *ip = in, *op = out;
	size_t il = n, ol = sizeof out;

	memcpy(in, b, n);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
		return -1;
	if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return -1;
	if (sizeof out - ol != 4)
		return -1;
	return (int32_t)((uint32_t)(unsigned char)out[0] |
	    (uint32_t)(unsigned char)out[1] << 8 |
	    (uint32_t)(unsigned char)out[2] << 16 |
	    (uint32_t)(unsigned char)out[3] << 24);
}

static void
set_enc(struct glean_codec *c, int32_t cp, uint32_t v)
{
	if (cp >= 0 && cp < 0x10000 && !c->enc[cp])
		c->enc[cp] = v;
}

static void
build_codec(struct glean_codec *c, const char *path, long line)
{
	unsigned char b[2];
	iconv_t cd;
	int32_t cp;
	int i, j;

	cd = iconv_open("UTF-32LE", c->iconv);
	if (cd == (iconv_t)-1)
		glean_die(GLEAN_EXIT_FATAL, "%s:%ld: iconv does not know %s",
		    path, line, c->iconv);
	c->enc = glean_calloc(0x10000, sizeof *c->enc);
	for (i = 0; i < 256; i++) {
		b[0] = (unsigned char)i;
		cp = decode_one(cd, b, 1);
		/*
		 * Sloppy decoding, as browsers do: a byte the codec leaves
		 * undefined comes through as the Latin-1 character.
		 */
		if (cp < 0 && !c->dbcs && i >= 0x80)
			cp = i;
		c->dec[i] = cp;
		set_enc(c, cp, 1u << 16 | (uint32_t)i);
	}
	/*
	 * In cp1252, which stands for Latin-1 too, C1 controls stand for
	 * their own bytes: the text was read as Latin-1.
	 */
	if (!c->dbcs && strcmp(c->name, "cp1252") == 0)
		for (i = 0x80; i < 0xa0; i++)
			set_enc(c, i, 1u << 16 | (uint32_t)i);
	if (c->dbcs)
		for (i = 0x81; i < 0xff; i++)
			for (j = 0x40; j < 0xff; j++) {
				if (j == 0x7f)
					continue;
				b[0] = (unsigned char)i;
				b[1] = (unsigned char)j;
				cp = decode_one(cd, b, 2);
				if (cp >= 0x80)
					set_enc(c, cp, 2u << 16 |
					    (uint32_t)(i << 8 | j));
			}
	iconv_close(cd);
}

/*
 * What the commonest UTF-8 lead bytes (C2, C3, E2) look like in the
 * single-byte codecs: Â Ã â, and the symbols ¬ √ ‚ of mac-roman.  Filled
 * from the codec tables at load; letters (Ă ā Ć В Г) and box drawing are
 * left out, they are everyday characters.
 */
static int32_t leads[64] = { 0xc2, 0xc3, 0xe2 };
static size_t nleads = 3;

static int
is_lead(int32_t c)
{
	size_t i;

	for (i = 0; i < nleads; i++)
		if (leads[i] == c)
			return 1;
	return 0;
}

static void
add_leads(const struct glean_codec *c)
{
	static const int lb[] = { 0xc2, 0xc3, 0xe2 };
	size_t i;
	int32_t cp;

	for (i = 0; i < 3 && !c->dbcs; i++) {
		cp = c->dec[lb[i]];
		/* letters of other codecs (Ă ā Ć В) are everyday letters */
		if (cp < 0x80 || is_lead(cp) || (cp >= 0x2500 && cp < 0x25a0) ||
		    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO ||
		    nleads == sizeof leads / sizeof *leads)
			continue;
		leads[nleads++] = cp;
	}
}

struct glean_mojibake *
glean_mojibake_load(const char *lexdir)
{
	struct glean_lexicon *lx;
	struct glean_mojibake *m;
	struct glean_codec *c;
	size_t i;

	lx = glean_lexicon_load(lexdir, "codecs.tsv", 3);
	m = glean_calloc(1, sizeof *m);
	m->c = glean_calloc(lx->nrows ? lx->nrows : 1, sizeof *m->c);
	for (i = 0; i < lx->nrows; i++) {
		c = &m->c[m->n++];
		c->name = glean_strdup(lx->rows[i].f[0]);
		c->iconv = glean_strdup(lx->rows[i].f[1]);
		c->name2 = glean_asprintf("%s+%s", c->name, c->name);
		c->name3 = glean_asprintf("%s+%s+%s", c->name, c->name,
		    c->name);
		if (strcmp(lx->rows[i].f[2], "dbcs") == 0)
			c->dbcs = 1;
		else if (strcmp(lx->rows[i].f[2], "sbcs") != 0)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: kind must be "
			    "sbcs or dbcs", lx->path, lx->rows[i].line);
		build_codec(c, lx->path, lx->rows[i].line);
		add_leads(c);
	}
	glean_lexicon_free(lx);
	lx = glean_lexicon_load(lexdir, "agrave-words.tsv", 1);
	m->agrave = glean_calloc(lx->nrows + 1, sizeof *m->agrave);
	for (i = 0; i < lx->nrows; i++)
		m->agrave[m->nagrave++] = glean_strdup(lx->rows[i].f[0]);
	glean_lexicon_free(lx);
	return m;
}

void
glean_mojibake_free(struct glean_mojibake *m)
{
	static const size_t owned[] = { offsetof(struct glean_codec, name),
	    offsetof(struct glean_codec, name2),
	    offsetof(struct glean_codec, name3),
	    offsetof(struct glean_codec, iconv),
	    offsetof(struct glean_codec, enc) };
	static const size_t string = 0;

	if (!m)
		return;
	glean_free_table(NULL, m->c, m->n, sizeof *m->c, owned, 5);
	glean_free_table(m, m->agrave, m->nagrave, sizeof *m->agrave, &string,
	    1);
}

const struct glean_codec *
glean_codec_find(const struct glean_mojibake *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->c[i].name, name) == 0)
			return &m->c[i];
	return NULL;
}

/* ---- badness ------------------------------------------------------------ */

enum { SC_NONE, SC_LATIN, SC_GREEK, SC_CYR, SC_ARM, SC_HEB, SC_ARAB, SC_CJK,
	SC_OTHER };
enum { K_PUNCT, K_SPACE, K_DIGIT, K_UP, K_LOW, K_LET, K_CTRL, K_MARK };

struct cinfo {
	unsigned char sc, k;
	unsigned char common;	/* a symbol ordinary next to letters */
	unsigned char w;	/* weight of the character alone */
	unsigned char c1let;	/* a letter of cp1252's 0x80-0x9F */
	unsigned char lead;	/* Â Ã â: UTF-8 lead bytes seen as cp1252 */
	unsigned char c1low;	/* š œ ž */
};

static int
script_of(int32_t c)
{
	if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00) ||
	    (c >= 0xfb00 && c < 0xfb07))
		return SC_LATIN;
	if (c >= 0x370 && c < 0x400)
		return SC_GREEK;
	if (c >= 0x1f00 && c < 0x2000)
		return SC_GREEK;
	if (c >= 0x400 && c < 0x530)
		return SC_CYR;
	if (c >= 0x530 && c < 0x590)
		return SC_ARM;
	if (c >= 0x590 && c < 0x600)
		return SC_HEB;
	if ((c >= 0x600 && c < 0x700) || (c >= 0xfb50 && c < 0xff00))
		return SC_ARAB;
	if ((c >= 0x2e80 && c < 0xa000) || (c >= 0xac00 && c < 0xd7b0) ||
	    (c >= 0x1100 && c < 0x1200) || (c >= 0xf900 && c < 0xfb00) ||
	    (c >= 0xff00 && c < 0xfff0) || (c >= 0x20000 && c < 0x32000))
		return SC_CJK;
	return SC_OTHER;
}

/* Combining marks any script uses. */
static int
neutral_mark(int32_t c)
{
	return (c >= 0x300 && c < 0x370) || (c >= 0x1ab0 && c < 0x1b00) ||
	    (c >= 0x1dc0 && c < 0x1e00) || (c >= 0x20d0 && c < 0x2100) ||
	    (c >= 0xfe20 && c < 0xfe30) || (c >= 0xfe00 && c < 0xfe10) ||
	    c == 0x200d || c == 0x200c;
}

/* Non-ASCII punctuation and symbols that sit next to letters in real text. */
static int
common_sym(int32_t c)
{
	switch (c) {
	case 0xa0: case 0xa3: case 0xa9: case 0xae: case 0xb0: case 0xbb:
	case 0xbf: case 0xa1: case 0xb7: case 0xd7:
	case 0x2018: case 0x2019: case 0x201c: case 0x201d: case 0x201e:
	case 0x2013: case 0x2014: case 0x2026: case 0x2022: case 0x20ac:
	case 0x2122: case 0xa5: case 0x2032: case 0x2033:
		return 1;
	}
	return 0;
}

/* The class of an ASCII character c. */
static void
classify_ascii(int32_t c, struct cinfo *ci)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		ci->k = K_SPACE;
	else if (c >= '0' && c <= '9')
		ci->k = K_DIGIT;
	else if (c >= 'A' && c <= 'Z')
		ci->k = K_UP, ci->sc = SC_LATIN;
	else if (c >= 'a' && c <= 'z')
		ci->k = K_LOW, ci->sc = SC_LATIN;
	else if (c < 0x20 || c == 0x7f)
		ci->k = K_CTRL, ci->w = 2;
	else
		ci->k = K_PUNCT, ci->common = 1;
}

/* The kind of a character of each Unicode category; unlisted: K_PUNCT. */
static const unsigned char category_kind[32] = {
	[UTF8PROC_CATEGORY_LU] = K_UP, [UTF8PROC_CATEGORY_LT] = K_UP,
	[UTF8PROC_CATEGORY_LL] = K_LOW,
	[UTF8PROC_CATEGORY_LM] = K_LET, [UTF8PROC_CATEGORY_LO] = K_LET,
	[UTF8PROC_CATEGORY_ND] = K_DIGIT, [UTF8PROC_CATEGORY_NL] = K_DIGIT,
	[UTF8PROC_CATEGORY_NO] = K_DIGIT,
	[UTF8PROC_CATEGORY_ZS] = K_SPACE, [UTF8PROC_CATEGORY_ZL] = K_SPACE,
	[UTF8PROC_CATEGORY_ZP] = K_SPACE,
	[UTF8PROC_CATEGORY_MN] = K_MARK, [UTF8PROC_CATEGORY_MC] = K_MARK,
	[UTF8PROC_CATEGORY_ME] = K_MARK,
	[UTF8PROC_CATEGORY_CC] = K_CTRL, [UTF8PROC_CATEGORY_CN] = K_CTRL
};

/*
 * ci->k from the Unicode category of c (non-ASCII).  Returns 0 for a
 * control, unassigned or private character (its weight set: nothing
 * more to learn), else 1.
 */
static int
classify_category(int32_t c, struct cinfo *ci)
{
	int cat = utf8proc_get_property(c)->category;

	ci->k = category_kind[cat & 31];
	switch (cat) {
	case UTF8PROC_CATEGORY_CC:
		ci->w = c < 0xa0 ? 6 : 2;
		return 0;
	case UTF8PROC_CATEGORY_CN:
		ci->w = 6;
		return 0;
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
		ci->w = 4;
		return 0;
	}
	if (ci->k == K_PUNCT)
		ci->common = common_sym(c);
	return 1;
}

/*
 * The weight of a non-ASCII letter or symbol c that valid-by-chance
 * decodings tend to produce and real text seldom holds; 0 for others.
 */
static int
rare_weight(int32_t c)
{
	if (c >= 0x250 && c < 0x2b0)			/* IPA */
		return 6;
	if (c >= 0x2b0 && c < 0x300)			/* modifiers */
		return (c >= 0x2c6 && c <= 0x2dd) ? 2 : 4;
	if (c >= 0x180 && c < 0x250 && !(c >= 0x1a0 && c <= 0x1b0) &&
	    !(c >= 0x218 && c <= 0x21b) && !(c >= 0x1cd && c <= 0x1dc))
		return 4;
	if (c == 0x17f || c == 0x149)			/* long s, 'n */
		return 6;
	if (c == 0x120 || c == 0x121)
		return 2;
	if (c >= 0x460 && c < 0x48a)			/* old Cyrillic */
		return 6;
	if (c >= 0x48a && c < 0x500)
		return 3;
	if (c >= 0x500 && c < 0x530)			/* Cyrillic supp. */
		return 6;
	if (c >= 0x530 && c < 0x590)			/* Armenian */
		return 2;
	if (c >= 0x591 && c < 0x5d0)			/* Hebrew points */
		return 6;
	if (c == 0xa4 || c == 0xa6 || c == 0xa8 || c == 0xaf ||
	    c == 0xb8 || c == 0xac || c == 0x192 || c == 0x2020 ||
	    c == 0x2021 || c == 0x201a || c == 0x2039 || c == 0x203a ||
	    c == 0x2030)
		return 2;
	return 0;
}

/*
 * What glean_badness needs to know of code point c: its kind, script,
 * weight (how unlikely in real text), and whether it is a common
 * symbol, a UTF-8 lead as Latin-1, or a cp1252 C1-range letter.
 */
static void
classify(int32_t c, struct cinfo *ci)
{
	ci->common = 0;
	ci->w = 0;
	ci->sc = SC_NONE;
	ci->c1let = 0;
	ci->lead = 0;
	ci->c1low = 0;
	if (c < 0x80) {
		classify_ascii(c, ci);
		return;
	}
	if (!classify_category(c, ci))
		return;
	/* ordinal indicators, superscripts, fractions: symbols here */
	if (c == 0xaa || c == 0xba || c == 0xb2 || c == 0xb3 || c == 0xb9 ||
	    c == 0xbc || c == 0xbd || c == 0xbe)
		ci->k = K_PUNCT;
	if (ci->k == K_UP || ci->k == K_LOW || ci->k == K_LET)
		ci->sc = script_of(c);
	ci->lead = is_lead(c);
	switch (c) {
	case 0x160: case 0x152: case 0x17d: case 0x178: case 0x192:
		ci->c1let = 1;
		break;
	case 0x161: case 0x153: case 0x17e:
		ci->c1low = 1;
		break;
	}
	/* the no-break space; CJK and fullwidth punctuation */
	if (c == 0xa0 || (c >= 0x3000 && c < 0x3040) ||
	    (c >= 0xff01 && c < 0xff21) || (c >= 0xff3b && c < 0xff41) ||
	    (c >= 0xff5b && c < 0xff61))
		ci->common = 1;
	/* rare letters: what valid-by-chance decodings tend to produce */
	ci->w = rare_weight(c);
}

static int
is_letter(const struct cinfo *c)
{
	return c->k == K_UP || c->k == K_LOW || c->k == K_LET;
}

/* Letters a one-letter word may be in real text (French à, Portuguese é). */
static int
lone_ok(int32_t c)
{
	return (c >= 0xe0 && c <= 0xff && c != 0xf7) || c < 0x80;
}

/*
 * The badness of c (classed cur) by itself and against the one before
 * (prev, prev_c) and after (next): its own weight, a combining mark on
 * nothing or on another script's letter, a lone letter of another script.
 */
static int
char_badness(int32_t c, const struct cinfo *prev, int32_t prev_c,
    const struct cinfo *cur, const struct cinfo *next)
{
	int bad = cur->w;

	/* combining mark on nothing, or on another script's letter */
	if (cur->k == K_MARK && (prev->k == K_SPACE || prev->k == K_CTRL ||
	    (prev->k == K_PUNCT && prev_c < 0x80 && prev_c != '$')))
		bad += 4;
	else if (cur->k == K_MARK && is_letter(prev) &&
	    !neutral_mark(c) && script_of(c) != prev->sc)
		bad += 6;
	/* a lone letter of another script */
	if (c >= 0x80 && is_letter(cur) &&
	    !(is_letter(prev) && prev->sc == cur->sc) &&
	    !(is_letter(next) && next->sc == cur->sc) &&
	    prev->k != K_MARK && next->k != K_MARK) {
		if (cur->sc == SC_CJK)
			bad += 6;
		else if (cur->sc == SC_LATIN && !is_letter(prev) &&
		    !is_letter(next))
			bad += cur->lead ? 4 : lone_ok(c) ? 0 :
			    c < 0x100 ? 2 : 4;
		else if (cur->sc != SC_GREEK && cur->sc != SC_LATIN)
			bad += 3;
	}
	return bad;
}

/*
 * The badness of the pair x y (classed cur, next; prev before x) for
 * the symbols in it: a symbol after an accented letter, a UTF-8 lead
 * before a non-letter, odd symbols together or inside a word.
 */
static int
pair_symbol_badness(int32_t x, int32_t y, const struct cinfo *prev,
    const struct cinfo *cur, const struct cinfo *next)
{
	int bad = 0;

	/* accented letter, then a Latin-1 / cp1252 symbol */
	if (x >= 0x80 && is_letter(cur) && cur->sc != SC_CJK &&
	    y >= 0x80 && ((!is_letter(next) &&
	    next->k != K_SPACE && next->k != K_MARK &&
	    next->k != K_DIGIT &&
	    y != 0x2122 && y != 0xae && y != 0xa9) ||
	    next->c1let))
		bad += next->common && !next->c1let ? 2 : 4;
	else if (x >= 0x80 && is_letter(cur) && y == 0xa0)
		bad += 1;
	/* Â Ã â before anything but a letter: UTF-8 leads */
	if (cur->lead && y >= 0x80 && (!is_letter(next) ||
	    next->c1let || next->c1low || (y >= 0x100 &&
	    x < 0x100)) && next->k != K_MARK)
		bad += 4;
	/* odd symbol, then an accented letter */
	if (x >= 0x80 && !is_letter(cur) && cur->k != K_SPACE &&
	    cur->k != K_MARK && y >= 0x80 && is_letter(next) &&
	    !cur->common)
		bad += next->sc == SC_LATIN ? 3 : 0;
	/* ASCII letter, then an odd symbol */
	if (x < 0x80 && is_letter(cur) && y >= 0x80 &&
	    next->k == K_PUNCT && !next->common)
		bad += 1;
	/* two odd symbols */
	if (x >= 0x80 && y >= 0x80 && cur->k == K_PUNCT &&
	    next->k == K_PUNCT && !(cur->common && next->common) &&
	    !(x >= 0x2500 && x < 0x25a0 && y >= 0x2500 &&
	    y < 0x25a0))
		bad += 2;
	/* odd symbol inside a word */
	if (cur->k == K_PUNCT && x >= 0x80 && !cur->common &&
	    is_letter(prev) && is_letter(next))
		bad += 2;
	return bad;
}

/*
 * The badness of the pair a[i] a[i + 1] (classed cur, next) for the
 * letters in it: case that flips to non-ASCII capitals, scripts mixed
 * inside a word, a non-Latin letter against a digit.
 */
static int
pair_letter_badness(const int32_t *a, size_t n, size_t i,
    const struct cinfo *cur, const struct cinfo *next)
{
	int32_t x = a[i], y = a[i + 1];
	int bad = 0, sx, sy;

	/* two accented capitals, then a small letter: ĂĄm */
	if (cur->k == K_UP && next->k == K_UP && x >= 0x80 &&
	    y >= 0x80 && i + 2 < n && a[i + 2] >= 'a' &&
	    a[i + 2] <= 'z')
		bad += 4;
	/* case flips to a non-ASCII capital inside a word */
	if (cur->k == K_LOW && next->k == K_UP && y >= 0x80)
		bad += 4;
	/* scripts mixed inside a word */
	if (is_letter(cur) && is_letter(next) && cur->sc != next->sc) {
		sx = cur->sc, sy = next->sc;
		if ((sx == SC_LATIN && sy == SC_GREEK) ||
		    (sx == SC_GREEK && sy == SC_LATIN))
			bad += 1;
		else if (sx == SC_CJK || sy == SC_CJK)
			bad += 2;
		else
			bad += 4;
	}
	/* non-Latin letter against a digit */
	if ((is_letter(cur) && cur->sc != SC_LATIN &&
	    cur->sc != SC_CJK && next->k == K_DIGIT && y < 0x80) ||
	    (is_letter(next) && next->sc != SC_LATIN &&
	    next->sc != SC_CJK && cur->k == K_DIGIT && x < 0x80))
		bad += 2;
	return bad;
}

int
glean_badness(const int32_t *a, size_t n)
{
	struct cinfo prev, cur, next;
	size_t i;
	int bad = 0;
	int32_t prev_c = ' ';

	if (n == 0)
		return 0;
	classify(a[0], &cur);
	prev.k = K_SPACE, prev.sc = SC_NONE, prev.common = 1, prev.w = 0;
	for (i = 0; i < n; i++) {
		if (i + 1 < n)
			classify(a[i + 1], &next);
		else
			next.k = K_SPACE, next.sc = SC_NONE, next.common = 1,
			    next.w = 0;
		bad += char_badness(a[i], &prev, prev_c, &cur, &next);
		if (i + 1 < n) {
			bad += pair_symbol_badness(a[i], a[i + 1], &prev, &cur,
			    &next);
			bad += pair_letter_badness(a, n, i, &cur, &next);
		}
		prev = cur;
		prev_c = a[i];
		cur = next;
	}
	return bad;
}

/* ---- UTF-8 decoding of re-encoded bytes --------------------------------- */

/*
 * Decode one UTF-8 (or CESU-8 surrogate pair) sequence of length >= 2 at
 * b[0..n).  Returns its length, 0 if b does not start one.
 */
static size_t
utf8_seq(const unsigned char *b, size_t n, int32_t *cp)
{
	int32_t c, lo;
	size_t len, i;
	int lost = 0;

	if (b[0] < 0xc2 || b[0] > 0xf4)
		return 0;
	len = b[0] < 0xe0 ? 2 : b[0] < 0xf0 ? 3 : 4;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if (b[i] == LOST) {
			lost = 1;
			continue;
		}
		if ((b[i] & 0xc0) != 0x80)
			return 0;
	}
	if (lost) {
		/* a byte an earlier lossy decoding replaced by U+FFFD */
		*cp = 0xfffd;
		return len;
	}
	if (len == 2)
		c = (b[0] & 0x1f) << 6 | (b[1] & 0x3f);
	else if (len == 3)
		c = (b[0] & 0x0f) << 12 | (b[1] & 0x3f) << 6 | (b[2] & 0x3f);
	else
		c = (b[0] & 0x07) << 18 | (b[1] & 0x3f) << 12 |
		    (b[2] & 0x3f) << 6 | (b[3] & 0x3f);
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10ffff)))
		return 0;
	if (c >= 0xd800 && c < 0xdc00) {
		/* CESU-8: a high surrogate must be followed by a low one */
		if (n < 6 || b[3] != 0xed || (b[4] & 0xf0) != 0xb0 ||
		    (b[5] & 0xc0) != 0x80)
			return 0;
		lo = (b[3] & 0x0f) << 12 | (b[4] & 0x3f) << 6 | (b[5] & 0x3f);
		c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
		len = 6;
	} else if (c >= 0xdc00 && c < 0xe000)
		return 0;
	*cp = c;
	return len;
}

/* ---- candidates --------------------------------------------------------- */

struct cand {
	size_t start, end;
	int32_t *cp;
	size_t ncp;
	int gain;
	size_t codec;
	size_t miss;	/* characters of the text the codec lacks */
	int times;	/* how many times it was garbled */
};

struct cands {
	struct cand *c;
	size_t n, cap;
};

struct scratch {
	unsigned char *b;	/* re-encoded bytes */
	int32_t *out, *win;
	size_t cap, wcap;
};

static void
scratch_grow(struct scratch *s, size_t nbytes, size_t nwin)
{
	if (nbytes > s->cap) {
		s->cap = nbytes * 2;
		s->b = glean_realloc(s->b, s->cap);
		s->out = glean_realloc(s->out, s->cap * sizeof *s->out);
	}
	if (nwin > s->wcap) {
		s->wcap = nwin * 2;
		s->win = glean_realloc(s->win, s->wcap * sizeof *s->win);
	}
}

/* Badness gain of replacing a[s..e) by r[0..nr). */
static int
gain_of(struct scratch *sc, const int32_t *a, size_t n, size_t s, size_t e,
    const int32_t *r, size_t nr, int bonus)
{
	size_t ws = s, we = e;
	size_t k = 0;
	int before;

	/*
	 * The window: the whole cluster of non-ASCII characters around the
	 * span, and some context, so that the candidates of different
	 * codecs for one place are judged on the same text.
	 */
	while (ws > 0 && a[ws - 1] >= 0x80 && s - ws < 64)
		ws--;
	while (we < n && a[we] >= 0x80 && we - e < 64)
		we++;
	ws = ws > CTX ? ws - CTX : 0;
	we = we + CTX < n ? we + CTX : n;

	scratch_grow(sc, 0, (s - ws) + nr + (we - e) + 1);
	before = glean_badness(a + ws, we - ws);
	if (before <= 0 && bonus == 0)
		return 0;
	memcpy(sc->win, a + ws, (s - ws) * sizeof *a);
	k = s - ws;
	memcpy(sc->win + k, r, nr * sizeof *r);
	k += nr;
	memcpy(sc->win + k, a + e, (we - e) * sizeof *a);
	k += we - e;
	k = (size_t)glean_badness(sc->win, k);
	/* the bonus backs up an improvement, it never outweighs a loss */
	if (before - (int)k < 0)
		return before - (int)k;
	return before - (int)k + bonus;
}

/*
 * A whole two-byte sequence C2/C3 xx that gives a Latin-1 character
 * (£ é ü...) is the commonest mojibake and rare by chance: it earns a
 * bonus on top of the badness gain.  Not when the second byte was a
 * (no-break) space.
 */
static int
latin1_pair(const unsigned char *b, size_t l, int32_t cp, const int32_t *src)
{
	return l == 2 && (b[0] == 0xc2 || b[0] == 0xc3) && cp >= 0xa1 &&
	    cp <= 0xff && src[1] != ' ' && src[1] != 0xa0 && src[1] != 0xfffd;
}

static void
cand_add(struct cands *cs, const int32_t *a, size_t s, size_t e,
    const int32_t *r, size_t nr, int gain, size_t codec)
{
	struct cand *c;

	/* the span covers only what changes */
	while (nr > 1 && e - s > 1 && r[nr - 1] == a[e - 1])
		nr--, e--;
	while (nr > 1 && e - s > 1 && r[0] == a[s])
		r++, nr--, s++;

	cs->c = glean_grow(cs->c, cs->n, &cs->cap, sizeof *cs->c);
	c = &cs->c[cs->n++];
	c->start = s;
	c->end = e;
	c->cp = glean_malloc((nr ? nr : 1) * sizeof *r);
	memcpy(c->cp, r, nr * sizeof *r);
	c->ncp = nr;
	c->gain = gain;
	c->codec = codec;
	c->times = 1;
	c->miss = 0;
}

/* A decoded C1 control is what cp1252 would have shown for that byte. */
static int32_t
c1_fix(const struct glean_mojibake *m, size_t ci, int32_t c)
{
	if (c >= 0x80 && c < 0xa0 && strcmp(m->c[ci].name, "cp1252") == 0 &&
	    m->c[ci].dec[c] >= 0xa0)
		return m->c[ci].dec[c];
	return c;
}

/*
 * "Ã " decoded to "à" by taking the space for its lost no-break space:
 * does the space belong to the "à" (Portuguese "às", "àquele", or no word
 * follows), or is "à" a word and the space its separator?  p is the
 * index after the space.
 */
static int
agrave_joins(const struct glean_mojibake *m, const int32_t *a, size_t n,
    size_t p)
{
	size_t q, k, len;

	if (p >= n || !((a[p] >= 'a' && a[p] <= 'z') || a[p] >= 0x80))
		return 1;
	for (q = p; q < n && a[q] >= 'a' && a[q] <= 'z'; q++)
		;
	if (q < n && (a[q] >= 0x80 || a[q] == '\'' || (a[q] >= 'A' &&
	    a[q] <= 'Z')))
		return 0;
	len = q - p;
	for (k = 0; k < m->nagrave; k++) {
		const char *w = m->agrave[k];
		size_t i;

		if (strlen(w) != len)
			continue;
		for (i = 0; i < len && a[p + i] == (unsigned char)w[i]; i++)
			;
		if (i == len)
			return 1;
	}
	return 0;
}

/*
 * Text garbled twice or three times through one codec: decode the
 * decoded run again, so the whole repair is judged at once (the half-way
 * text can look worse than either end).
 */
static void
redecode(const struct glean_mojibake *m, size_t ci, struct scratch *sc,
    const int32_t *a, size_t n, size_t s, size_t e, size_t no,
    struct cands *cs)
{
	const struct glean_codec *c = &m->c[ci];
	int32_t *cur, *nxt, cp;
	size_t times, i, l, nn, nseq;
	int g;

	cur = glean_malloc((no + 1) * sizeof *cur);
	nxt = glean_malloc((no + 1) * sizeof *nxt);
	memcpy(cur, sc->out, no * sizeof *cur);
	for (times = 2; times <= 3; times++) {
		unsigned char *b = glean_malloc(no + 1);

		for (i = 0; i < no; i++) {
			if (cur[i] < 0x80)
				b[i] = (unsigned char)cur[i];
			else if (cur[i] < 0x10000 && c->enc[cur[i]])
				b[i] = (unsigned char)(c->enc[cur[i]] & 0xff);
			else
				break;
		}
		if (i < no) {
			free(b);
			break;
		}
		for (i = nn = nseq = 0; i < no; ) {
			l = utf8_seq(b + i, no - i, &cp);
			if (l) {
				nxt[nn++] = c1_fix(m, ci, cp);
				nseq++;
				i += l;
			} else
				nxt[nn++] = cur[i++];
		}
		free(b);
		if (!nseq)
			break;
		g = gain_of(sc, a, n, s, e, nxt, nn, 0);
		if (g >= WEAK_GAIN) {
			cand_add(cs, a, s, e, nxt, nn, g, ci);
			cs->c[cs->n - 1].times = times;
		}
		memcpy(cur, nxt, nn * sizeof *cur);
		no = nn;
	}
	free(cur);
	free(nxt);
}

/* One UTF-8 sequence found in the bytes of a single-byte codec's run. */
struct piece {
	size_t s, e;	/* its bytes, from the run's start */
	int join;	/* "Ã " + word: "à" and its space */
	int latin1;	/* 2 when it reads as a Latin-1 pair, else 0 */
};

/*
 * Each UTF-8 sequence on its own, when the run as a whole gained too
 * little: a candidate for every piece that gains enough alone.
 */
static void
try_pieces(const struct glean_mojibake *m, size_t ci, struct scratch *sc,
    const int32_t *a, size_t n, size_t s, const struct piece *pc,
    size_t np, struct cands *cs)
{
	size_t k;
	int32_t cp, out[2];
	int g;

	for (k = 0; k < np; k++) {
		utf8_seq(sc->b + pc[k].s, pc[k].e - pc[k].s, &cp);
		out[0] = c1_fix(m, ci, cp);
		out[1] = ' ';
		g = gain_of(sc, a, n, s + pc[k].s, s + pc[k].e, out,
		    pc[k].join ? 2 : 1, pc[k].latin1);
		if (g >= WEAK_GAIN)
			cand_add(cs, a, s + pc[k].s, s + pc[k].e, out,
			    pc[k].join ? 2 : 1, g, ci);
	}
}

/* Single-byte codec: a[s..e) are all encodable non-ASCII characters. */
static void
try_sbcs(const struct glean_mojibake *m, size_t ci, struct scratch *sc,
    const int32_t *a, size_t n, size_t s, size_t e, struct cands *cs)
{
	const struct glean_codec *c = &m->c[ci];
	size_t len = e - s, i, no = 0, l, np = 0, left = 0, nl1 = 0;
	struct piece *pc;
	int32_t cp;
	int g;

	scratch_grow(sc, 2 * len + 2, 0);
	for (i = 0; i < len; i++)
		sc->b[i] = a[s + i] == 0xfffd ? LOST : a[s + i] == ' ' ? 0xa0 :
		    (unsigned char)(c->enc[a[s + i]] & 0xff);
	pc = glean_malloc((len + 1) * sizeof *pc);
	for (i = 0; i < len; ) {
		if (!(l = utf8_seq(sc->b + i, len - i, &cp))) {
			sc->out[no++] = a[s + i++];
			left++;
			continue;
		}
		sc->out[no++] = c1_fix(m, ci, cp);
		pc[np].s = i;
		pc[np].e = i + l;
		pc[np].join = cp == 0xe0 && a[s + i + l - 1] == ' ' &&
		    !agrave_joins(m, a, n, s + i + l);
		if (pc[np].join)
			sc->out[no++] = ' ';
		pc[np].latin1 = latin1_pair(sc->b + i, l, cp, a + s + i) ? 2 : 0;
		nl1 += pc[np].latin1 != 0;
		np++;
		i += l;
	}
	if (np) {
		g = gain_of(sc, a, n, s, e, sc->out, no,
		    !left && nl1 == np ? 2 : 0);
		if (g >= WEAK_GAIN)
			cand_add(cs, a, s, e, sc->out, no, g, ci);
		redecode(m, ci, sc, a, n, s, e, no, cs);
		if (g < MIN_GAIN)
			try_pieces(m, ci, sc, a, n, s, pc, np, cs);
	}
	free(pc);
}

/* Double-byte codec: the whole run must decode. */
static void
try_dbcs(const struct glean_mojibake *m, size_t ci, struct scratch *sc,
    const int32_t *a, size_t n, size_t s, size_t e, struct cands *cs)
{
	const struct glean_codec *c = &m->c[ci];
	size_t nb = 0, i, l, no = 0;
	uint32_t v;
	int32_t cp;
	int nonascii = 0, g, cjk = 0;

	scratch_grow(sc, 2 * (e - s) + 1, 0);
	for (i = s; i < e; i++) {
		v = c->enc[a[i]];
		if (v >> 16 == 2)
			sc->b[nb++] = (unsigned char)(v >> 8 & 0xff);
		sc->b[nb++] = (unsigned char)(v & 0xff);
	}
	for (i = 0; i < nb; ) {
		if (sc->b[i] < 0x80) {
			sc->out[no++] = sc->b[i++];
			continue;
		}
		l = utf8_seq(sc->b + i, nb - i, &cp);
		if (!l)
			return;
		sc->out[no++] = c1_fix(m, ci, cp);
		nonascii = 1;
		if (script_of(cp) == SC_CJK || (cp >= 0x80 && cp < 0xa0))
			cjk = 1;
		i += l;
	}
	if (!nonascii)
		return;
	/* ideographs that decode to no ideograph at all: a bonus */
	g = gain_of(sc, a, n, s, e, sc->out, no, cjk ? 0 : 2);
	if (g >= WEAK_GAIN)
		cand_add(cs, a, s, e, sc->out, no, g, ci);
}

static int
cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	if (a->miss != b->miss)
		return a->miss < b->miss ? -1 : 1;
	if (a->codec != b->codec)
		return a->codec < b->codec ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

static int
cand_pos_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * May the space at a[j], inside a run, stand for a no-break space (byte
 * A0) that became a space?  Only before a small or non-ASCII letter, a
 * space or the end: "Ð Ñƒ", "Ã s"; not "SENSЕ - Oleg", "S Ã O".
 */
static int
nbsp_ok(const struct glean_codec *cd, const int32_t *a, size_t n, size_t j)
{
	int32_t c;

	if (j + 1 >= n)
		return 1;
	c = a[j + 1];
	/* "Â " is a no-break space itself: anything may follow */
	if (j > 0 && a[j - 1] < 0x10000 && (cd->enc[a[j - 1]] & 0xff) == 0xc2)
		return 1;
	return (c >= 'a' && c <= 'z') || c == ' ' || c == '\n' ||
	    (c >= 0x80 && c != 0xa0);
}

/* Is cp one of the codec's own characters (not a sloppy stand-in)? */
static int
native(const struct glean_codec *c, int32_t cp)
{
	if (cp >= 0x10000 || !c->enc[cp])
		return 0;
	return c->dbcs || c->dec[c->enc[cp] & 0xff] == cp;
}

static int
encodable(const struct glean_codec *c, int32_t cp)
{
	if (cp < 0x80 || cp >= 0x10000)
		return 0;
	if (!c->enc[cp])
		return 0;
	/* in a CJK codec only characters made of high bytes */
	if (c->dbcs && (c->enc[cp] >> 16 == 2 ? (c->enc[cp] >> 8 & 0xff)
	    : (c->enc[cp] & 0xff)) < 0x80)
		return 0;
	return 1;
}

/* The first i' >= i with a[i'] encodable by c, or n. */
static inline size_t
next_encodable(const struct glean_codec *c, const int32_t *a, size_t n,
    size_t i)
{
	while (i < n && !encodable(c, a[i]))
		i++;
	return i;
}

/*
 * The candidate repairs, onto cs, of codec ci: each run of a[0..n) that
 * it can encode (a single-byte codec also takes U+FFFD, a lost byte,
 * and a space that was an NBSP) is tried as text it garbled.  Each
 * candidate counts the non-ASCII characters of a the codec lacks
 * natively, so ties go to the codec that has them all.
 */
static void
codec_cands(const struct glean_mojibake *m, size_t ci, struct scratch *sc,
    const int32_t *a, size_t n, struct cands *cs)
{
	const struct glean_codec *c = &m->c[ci];
	size_t first = cs->n, miss = 0, i, j, k;

	for (i = 0; (i = next_encodable(c, a, n, i)) < n; ) {
		for (j = i; j < n; j++) {
			if (encodable(c, a[j]))
				continue;
			/* U+FFFD: a lost byte; a space: an NBSP */
			if (!c->dbcs && (a[j] == 0xfffd ||
			    (a[j] == ' ' && j > i && a[j - 1] != ' ' &&
			    nbsp_ok(c, a, n, j))))
				continue;
			break;
		}
		if (c->dbcs)
			try_dbcs(m, ci, sc, a, n, i, j, cs);
		else if (j - i >= 2)
			try_sbcs(m, ci, sc, a, n, i, j, cs);
		i = j;
	}
	if (cs->n > first)
		for (i = 0; i < n; i++)
			if (a[i] >= 0x80 && !native(c, a[i]))
				miss++;
	for (k = first; k < cs->n; k++)
		cs->c[k].miss = miss;
}

/*
 * Keep the best candidates of cs (text of n code points): best gains
 * first, dropping one that overlaps a better one and a weak one whose
 * codec has no clear repair; frees the dropped.  Returns how many are
 * kept, at the front of cs->c.
 */
static size_t
keep_best(struct cands *cs, size_t n, size_t ncodecs)
{
	unsigned char *taken = glean_calloc(n, 1);
	unsigned char *strong = glean_calloc(ncodecs, 1);
	size_t i, k, kept = 0;

	qsort(cs->c, cs->n, sizeof *cs->c, cand_cmp);
	for (i = 0; i < cs->n; i++) {
		int clash = 0;

		/* a weak repair needs a clear one of its codec */
		if (cs->c[i].gain < MIN_GAIN && !strong[cs->c[i].codec])
			clash = 1;
		for (k = cs->c[i].start; k < cs->c[i].end && !clash; k++)
			clash = taken[k];
		if (clash) {
			free(cs->c[i].cp);
			continue;
		}
		memset(taken + cs->c[i].start, 1,
		    cs->c[i].end - cs->c[i].start);
		if (cs->c[i].gain >= MIN_GAIN)
			strong[cs->c[i].codec] = 1;
		cs->c[kept++] = cs->c[i];
	}
	free(taken);
	free(strong);
	return kept;
}

size_t
glean_mojibake_step(const struct glean_mojibake *m, const int32_t *a,
    size_t n, struct glean_edits *ed)
{
	struct cands cs = { 0 };
	struct scratch sc = { 0 };
	size_t ci, i, kept;

	for (i = 0; i < n && a[i] < 0x80; i++)
		;
	if (i == n)
		return 0;
	for (ci = 0; ci < m->n; ci++)
		codec_cands(m, ci, &sc, a, n, &cs);
	kept = cs.n ? keep_best(&cs, n, m->n) : 0;
	if (kept)
		qsort(cs.c, kept, sizeof *cs.c, cand_pos_cmp);
	for (i = 0; i < kept; i++) {
		const struct glean_codec *c = &m->c[cs.c[i].codec];

		glean_edits_add(ed, cs.c[i].start, cs.c[i].end,
		    cs.c[i].cp, cs.c[i].ncp, cs.c[i].times == 3 ?
		    c->name3 : cs.c[i].times == 2 ? c->name2 : c->name);
		free(cs.c[i].cp);
	}
	free(cs.c);
	free(sc.b);
	free(sc.out);
	free(sc.win);
	return kept;
}
