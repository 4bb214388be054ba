/* See LICENSE file for copyright and license details. */
/*
 * dates.h - the private header of glean-dates: its types and the
 * functions its modules share.  The stage in one paragraph:
 *
 * windows.c finds trigger words and digits and opens a window around
 * each (the words come from the lexicons, by class, in triggers.c);
 * openers.c notes where in a window a pattern could start; match.c runs
 * each pattern, anchored, only there, and hands every match to the
 * pattern's decoder (patterns.c: one row per pattern, its openers, its
 * expression and its decoder side by side), which adds a candidate;
 * resolve.c keeps the longest candidates, joins ranges and turns each
 * into a value against the publication date (calendar.c); emit.c writes
 * the layer; main.c holds the stage together.  Lexicon look-ups are in
 * words.c, the compiled state in context.c.
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>

#include "glean.h"
#include "numbers.h"
#include "spans.h"
#include "trigger.h"

enum kind { K_POINT, K_RANGE, K_REL, K_DUR, K_SET, K_VAGUE };

/*
 * Trigger classes: the words and digits that open the windows a pattern
 * runs in.  T_DIG: four digits next to "/", "-" or "." (2016-11,
 * 2010-2012); T_YEAR: four digits alone (2012, the 1970s); T_NUMD: 1-2
 * digits before "/", "-" or "." and a digit; T_ORD: a short number or an
 * ordinal word after "the", "on" or "for", or a short number before "s"
 * (the 70s).
 */
enum { T_DIG, T_MON, T_WD, T_UNIT, T_DEIC, T_MISC, T_ORD, T_NUMD, T_YEAR,
    NTRIG };

/* Bits beside the trigger classes: an ambiguous month name ("may"),
 * and a word that can open a unit expression ("last", "three"). */
enum { TB_AMB = 16, TB_CTX = 17 };

/*
 * Key bits: the first word of a form that some pattern cannot match
 * without (a season, a holiday, "every").  The windows of a class are
 * opened by more words than each of its patterns needs ("year" opens
 * the holiday pattern's windows, for "New Year"), so a pattern is only
 * run in a window that holds one of its key forms: the same matches,
 * for less work.
 */
enum { KB_SEASON = 18, KB_HOL, KB_VAGUE, KB_SET, KB_QUARTER, KB_COUNT };
#define KEY_BITS (0x1fu << KB_SEASON)

#define CLS(t) (1u << (t))

/*
 * The patterns, one row each, in order of preference when two give the
 * same span: X(name, the trigger classes of the windows it runs in, the
 * key bit it cannot match without or 0).  Expanded here into enum pat
 * (P_ISO...), and in patterns.c into the table of each row's openers,
 * expression and decoder, which stand together there under the name.
 */
#define DATE_PATTERNS(X) \
	X(ISO,     CLS(T_DIG),                        0) \
	X(NUM3,    CLS(T_DIG) | CLS(T_NUMD),          0) \
	X(DDM,     CLS(T_MON),                        0) \
	X(MDD,     CLS(T_MON),                        0) \
	X(DMY,     CLS(T_MON),                        0) \
	X(MDY,     CLS(T_MON),                        0) \
	X(QUARTER, CLS(T_MISC),                       1u << KB_QUARTER) \
	X(YRANGE,  CLS(T_DIG),                        0) \
	X(NUMYM,   CLS(T_DIG),                        0) \
	X(NUMMY,   CLS(T_DIG),                        0) \
	X(MY,      CLS(T_MON),                        0) \
	X(YM,      CLS(T_MON),                        0) \
	X(DECADE,  CLS(T_DIG) | CLS(T_YEAR) | CLS(T_ORD), 0) \
	X(SEASON,  CLS(T_MISC),                       1u << KB_SEASON) \
	X(HOL,     CLS(T_MISC),                       1u << KB_HOL) \
	X(VAGUE,   CLS(T_UNIT),                       1u << KB_VAGUE) \
	X(RELN,    CLS(T_UNIT),                       1u << KB_COUNT) \
	X(RELUNIT, CLS(T_UNIT),                       0) \
	X(RELWD,   CLS(T_WD),                         0) \
	X(DEIC,    CLS(T_DEIC),                       0) \
	X(SET,     CLS(T_UNIT) | CLS(T_WD),           1u << KB_SET) \
	X(NUM2,    CLS(T_NUMD),                       0) \
	X(THEDAY,  CLS(T_ORD),                        0) \
	X(YEAR,    CLS(T_DIG) | CLS(T_YEAR),          0)

enum pat {
#define PAT_ENUM(name, classes, key) P_##name,
	DATE_PATTERNS(PAT_ENUM)
#undef PAT_ENUM
	NPAT
};

#define ALL_PATS ((1u << NPAT) - 1)

/* A calendar point; 0 = not given. */
struct point {
	int y, m, d;
	int yrel, hasyrel;	/* year given as "last year": anchor + yrel */
	int q;			/* quarter 1-4 */
	int wd;			/* weekday 1-7 (with d: check only) */
	int wdrel, haswdrel;	/* "next Friday": weeks from the anchor */
	int season;		/* index into seasons: 1 SP 2 SU 3 FA 4 WI */
	int decade;		/* y is the first year of a decade */
	int nth;		/* "the second Sunday" (of the month) */
	int isdeic;		/* "today" + deicoff days, as a range end */
	int deicoff;
	int fiscal;		/* y is the first year of a fiscal year */
};

/* A date expression found, before the overlaps are settled. */
struct cand {
	size_t s, e;		/* bytes */
	int pat, kind;
	struct point a, b;	/* b: end of a range */
	int unit;		/* 'D' 'W' 'M' 'Y'; 'E' weekend */
	double n;		/* count of units (signed for K_REL) */
	int rel;		/* K_DUR: -1 the last N, +1 the next N */
	int base_prev;		/* K_REL: from the previous date */
	int gran_unit;		/* K_REL: value at the unit's precision */
	int deic;		/* K_REL in days from a deictic word */
	const char *fixed;	/* K_SET, K_VAGUE */
	int every_wd;		/* K_SET "every Monday": a.wd */
	const char *mod;
	int coord;		/* a range joined by "and" */
	size_t as, ae, bs, be;	/* parts of a coordinated range */
	int dead;
	int block;		/* an impossible date: wins its span, is
				 * never emitted */
};

/* The symbols of the openers' trie: 26 letters without case, a run of
 * blanks, an apostrophe. */
enum { SYM_BLANK = 26, SYM_QUOTE, NSYM, OPENER_MAX = UINT16_MAX };

enum { NDIGIT_AFTER = 129 };

/* The lexicons, the compiled patterns and the tables built from them:
 * made once by ctx_init, read by every document. */
struct ctx {
	int usflag;	/* --us-dates: 5/3/18 is May 3 */
	struct glean_lexicon *months, *wdays, *words, *approx;
	/* the rows of date-words.tsv that row_may_be a word starting with
	 * a byte, in file order */
	struct word_rows {
		size_t *row, n;
	} word_first[256];
	struct glean_numwords *nw;
	pcre2_code *re[NPAT];
	pcre2_code *re_mod, *re_conn, *re_open, *re_notafter;
	/* trigger words -> bit set of trigger classes and key bits */
	struct glean_triggers trig;
	/* those of trig that the pass over the text acts on (not the
	 * TB_CTX words alone: "a", "this", "one" are looked up only before
	 * a unit), their bits without TB_CTX */
	struct glean_triggers pass;
	/* bit k: pass holds a word of k letters (k < 32; longer ones
	 * are always looked up) */
	unsigned pass_lengths;
	/* the patterns that run in the windows of each trigger class */
	unsigned class_pats[NTRIG];
	pcre2_match_data *md, *md2;
	/* md's ovector and its pairs, which stay as md was made */
	PCRE2_SIZE *ov;
	uint32_t nov;
	/* the numbers of the named groups of the patterns, by the name's
	 * address (the names are literals), a table of open addressing
	 * (group() in match.c) */
	struct group_num {
		const char *name;
		int num;
	} group[NPAT][16];
	/* the key forms and their bits; key bits whose forms do not all
	 * start with a letter are ungated: those patterns always run */
	const char *keyform[64];
	unsigned keybit[64];
	size_t nkey;
	/* the key forms by their first letter (its low five bits), bit k
	 * for keyform[k]: a word is compared with its letter's only */
	uint64_t key_by_first[32];
	unsigned ungated;
	/* the last words of the number-words.tsv forms ("five", "few" of
	 * "a few"): a count of units ends with one or with a digit */
	struct numlast {
		const char *w;
		size_t n;
	} numlast[128];
	size_t nnumlast;
	/* the same for the "mod" forms ("since", "to" of "up to"): a mod
	 * before a date ends with one */
	struct numlast modlast[32];
	size_t nmodlast;
	/* the same two lists, and the date-words.tsv "unit" forms, as a
	 * table of words with a bit each (LW_): one look-up where the
	 * lists were a loop; a list with a word the table cannot file
	 * (GLEAN_TRIGGER_MAX letters or more) or a form with a blank is
	 * looked through the old way (its bit in lw_slow) */
	struct glean_triggers lastwords;
	unsigned lw_slow;
	/* the month and weekday names, as month_of and wday_of find them:
	 * the number and ambiguous column of each, at NAME_MON or NAME_WD
	 * (names_init); a lexicon with a name the table cannot hold is
	 * looked through the old way (its bit in names_slow) */
	struct glean_triggers names;
	unsigned names_slow;
	/* the openers of the patterns, a trie of lower-case letters: a
	 * node's pats are the patterns an opener ending there opens.  A
	 * node fills one cache line (find_starts walks the trie at every
	 * word start of a window, and a node over two lines cost a miss
	 * more a step): at most OPENER_MAX nodes, the array aligned */
	struct opener {
		uint16_t kid[NSYM];
		uint32_t pats;
		uint16_t digits;	/* 1 + the rules for digits here */
		uint8_t blank;		/* reached by a run of blanks */
	} *opener;
	size_t nopener;
	/* by byte: may an opener start with it; its symbol (-1: none);
	 * is it an ASCII letter, digit or underscore, which (?<![\w])
	 * cannot follow */
	unsigned char can_open[256];
	signed char sym[256];
	/* by byte: the patterns an opener starting with it may open (a
	 * letter's: those of its subtree of the trie, digits' tables and
	 * all; a digit or a byte from 0x80 up: all), 0 where none can
	 * start; a window whose patterns are none of them need not walk
	 * the trie there */
	unsigned first_pats[256];
	/* the same by the symbols of an opener's first two bytes, the
	 * first a letter: the root's and the first node's patterns and
	 * those under the second */
	unsigned second_pats[26][NSYM];
	unsigned char word_byte[256];
	/* may an ASCII byte other than a letter or digit open: when not,
	 * find_starts looks at letters, digits and non-ASCII bytes only */
	int punct_opens;
	/* a run of digits opens pattern pat if its length and the byte
	 * after it fit */
	struct digit_rule {
		int node;
		int len;		/* 0 any, else 12 (one or two) or 4 */
		const char *after;	/* the bytes that may come after,
					 * "_" a blank; "": any */
		size_t nafter;
		unsigned pat;
	} *rule;
	size_t nrule;
	/* the rules of a node as a table: the patterns opened by a run of
	 * one or two, four, or another number of digits, by the ASCII
	 * byte after it (NDIGIT_AFTER - 1: the end of the text) */
	unsigned (*digits)[3][NDIGIT_AFTER];
	size_t ndigits;
	/* the gates (gates.c), checked before a pattern's try: gated,
	 * the patterns whose gate is on (not where the lexicons' forms
	 * leave it nothing sure to say); THEDAY's and MDD's tables by byte:
	 * may it stand in a match where the gate looks, is it a stop */
	unsigned char theday_byte[256], mdd_byte[256];
	unsigned gated;
	/* MDY's gate: the bytes between the words before its day, and
	 * the first words of the number forms */
	unsigned char mdy_sep[256];
	struct glean_triggers numfirst;
	/* DDM's gate: may a connector start with the byte */
	unsigned char conn_first[256];
	/* RELN's gate (reln_may_match): may the ASCII byte stand before
	 * the unit of a match (1), a byte from 0x80 up (2); reln_on: the
	 * lexicons leave the gate something sure to say */
	unsigned char reln_byte[256];
	int reln_on;
	/* the working lists of the last document (their memory, nothing
	 * of their contents), for the next: most documents would otherwise
	 * allocate and free all four.  Kept only up to SPARE_MAX entries
	 * each, so what stays does not grow with the documents */
	struct doc *spare;
};

enum { SPARE_MAX = 4096 };

/* One document while its dates are found: the text, the candidates,
 * and the windows' working lists (their memory taken over from the
 * document before: struct ctx's spare). */
struct doc {
	const char *t;
	size_t n;
	struct cand *c;
	size_t nc, cap;
	struct start {
		size_t pos;	/* where patterns may start */
		unsigned pats;	/* which */
	} *start;		/* in the windows, in text order */
	size_t nstart, startcap;
	struct closed {
		size_t s, e;
		int cls;
		unsigned keys;	/* the key bits of the window when closed */
	} *closed;		/* windows to run the patterns of */
	size_t nclosed, closedcap;
	struct key_hit {
		size_t pos;	/* where a key form starts */
		unsigned bit;
	} *hit;			/* in text order */
	size_t nhit, hitcap;
};

/* A match of pattern p at [s, e) of d's text, as its decoder sees it;
 * the decoder may narrow [s, e). */
struct match {
	struct ctx *c;
	struct doc *d;
	int p;
	size_t s, e;
};

/*
 * A decoder: reads the groups of match m.  Returns 1 when the match is
 * the calendar point *a, to be added as a K_POINT candidate over
 * [m->s, m->e); 0 when it added its candidates itself or the match is no
 * date.
 */
typedef int decode_fn(struct match *m, struct point *a);

/* A row of the pattern table (patterns.c). */
struct pattern {
	const char *name;
	const char *openers;	/* see openers.c */
	const char *src;	/* the expression, placeholders unexpanded */
	decode_fn *decode;
	unsigned classes;	/* CLS() of the windows it runs in */
	unsigned key;		/* a key bit it needs, or 0 */
};

extern const struct pattern pattern[NPAT];

/* The publication date, or the date resolved values are relative to. */
struct anchor {
	int y, m, d;		/* precision: d ? day : m ? month : year */
};

/* tolower of the C locale, inline: lookup calls it for every row */
static inline int
lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch;
}

/* Is t[b..e) the lower-case word w, in any case? */
static inline int
word_is(const char *t, size_t b, size_t e, const char *w)
{
	size_t k;

	for (k = 0; b + k < e; k++)
		if (!w[k] || lower((unsigned char)t[b + k]) != w[k])
			return 0;
	return !w[k];
}

/* The <ctype.h> classes of the C locale, which the stage runs in (it
 * never calls setlocale), inline: the library's are a call each, and
 * the windows ask them of every byte around a trigger. */
static inline int
c_isdigit(unsigned char ch)
{
	return (unsigned)(ch - '0') < 10;
}

static inline int
c_isalpha(unsigned char ch)
{
	return (unsigned)((ch | 0x20) - 'a') < 26;
}

static inline int
c_isalnum(unsigned char ch)
{
	return c_isdigit(ch) || c_isalpha(ch);
}

static inline int
c_isspace(unsigned char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* calendar.c */
int mdays(int y, int m);
long days_from(int y, int m, int d);
void civil_from(long z, int *y, int *m, int *d);
int weekday(long z);
void iso_week(long z, int *wy, int *wn);
void easter(int y, int *m, int *d);
void shift(int *y, int *m, int *d, int unit, long n);

/* words.c */
int row_may_be(const struct glean_row *r, const char *s, size_t n);
struct glean_row *lookup(const struct glean_lexicon *lx, const char *s,
    size_t n, const char *cls);
void word_rows_init(struct ctx *c);
void names_init(struct ctx *c);
int day_of(const struct ctx *c, const char *s, size_t n);
int month_of(const struct ctx *c, const char *s, size_t n, int *ambiguous);
int wday_of(const struct ctx *c, const char *s, size_t n, int *ambiguous);
struct glean_row *word_row(const struct ctx *c, const char *s, size_t n,
    const char *cls);
const char *word_val(const struct ctx *c, const char *s, size_t n,
    const char *cls);
int year_of(const char *s, size_t n);
int is_upper_at(const char *t, size_t i);
void prev_word(const char *t, size_t s, char *buf, size_t cap);
int date_context(const struct ctx *c, const char *t, size_t s);
int rel_of(const struct ctx *c, const char *s, size_t n);
int unit_of(const struct ctx *c, const char *s, size_t n, int *mul);
/* The lists of lastwords (struct ctx). */
enum { LW_NUM = 1, LW_MOD = 2, LW_UNIT = 4 };
int last_word_in(const struct ctx *c, unsigned list, const char *t,
    size_t e);
int is_unit_word(const struct ctx *c, const char *s, size_t n);

/* triggers.c */
void trig_init(struct ctx *c);

/* gates.c */
void gates_init(struct ctx *c);
/* Can pattern p, one of c->gated, match at t[i], the text ending at
 * to?  0 only when it surely cannot. */
int gate_may_match(const struct ctx *c, int p, const char *t, size_t to,
    size_t i);
/* Can RELN match at byte i of d's text, the window ending at to?  0
 * only when it surely cannot (c->reln_on; 1 when off). */
int reln_may_match(const struct ctx *c, const struct doc *d, size_t to,
    size_t i);

/* openers.c */
void openers_init(struct ctx *c);
void find_starts(const struct ctx *c, struct doc *d, size_t s, size_t e,
    unsigned want);

/* match.c */
struct cand *add(struct doc *d, size_t s, size_t e, int pat, int kind);
int group(struct match *m, const char *name, size_t *s, size_t *e);
/* The patterns the starts of d in bytes [s, e) open, into *pats;
 * returns the index of the first start at or after s. */
size_t starts_in(const struct doc *d, size_t s, size_t e, unsigned *pats);
void scan_pattern(struct ctx *c, struct doc *d, int p, size_t from,
    size_t to, size_t next);

/* windows.c */
void scan_windows(struct ctx *c, struct doc *d);

/* resolve.c */
void select_cands(struct doc *d);
void join_ranges(struct ctx *c, struct doc *d);
int prec(const struct anchor *an);
int resolve_year(const struct point *p, const struct anchor *an, int *rel);
void fmt_point(char *buf, size_t cap, const struct point *p,
    const struct anchor *an, int *rel);
void fmt_at(char *buf, size_t cap, int y, int m, int d, int pr);
void dur_value(char *buf, size_t cap, double n, int unit);
int parse_anchor(const char *s, struct anchor *an);
int infer_anchor(const struct doc *d, struct anchor *an);
void set_mod(struct ctx *c, struct doc *d, struct cand *k);

/* emit.c */
void emit_cand(struct ctx *c, struct doc *d, struct cand *k,
    const struct anchor *an, struct anchor *last,
    struct glean_cp_cursor *cur, struct glean_buf *b);

/* context.c */
void ctx_init(struct ctx *c, const char *lexdir);
void ctx_free(struct ctx *c);

#endif
