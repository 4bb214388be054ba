/* See LICENSE file for copyright and license details. */
/*
 * money.h - the private header of glean-money: its context and the
 * functions its modules share.  main.c holds the stage: the lexicons,
 * the patterns, the windows around currency words, the matches and the
 * layer; starts.c says where in a window a pattern may start.
 */
#ifndef MONEY_H
#define MONEY_H

#include <stdint.h>
#include <string.h>

#include "glean.h"
#include "numbers.h"
#include "spans.h"
#include "trigger.h"
#include "window.h"

/* The amount patterns: a currency before the number, after it, or
 * attached to it (4p). */
enum { A_PRE, A_SUF, A_ATT, NKIND };

/* The named groups of the amount patterns. */
enum group { G_CUR, G_NUM, G_NUM2, G_SC, G_SC2, G_MINOR, NGROUP };

struct ctx {
	struct glean_lexicon *cur, *mult, *rates, *approx;
	struct glean_numwords *nw;
	pcre2_code *re_amount[NKIND], *re_rate, *re_approx;
	/* currency words, for finding where to look, and the K_ kinds
	 * of the patterns their forms take part in */
	struct glean_triggers trig;
	/* symbols and other non-ASCII forms, as written */
	const char *sym[64];
	size_t nsym;
	unsigned symkinds;	/* the patterns of the forms with symbols */
	/* bit k: a trigger word has k letters (for k < 3) */
	unsigned trigger_lengths;
	/* by a word's first and last letter (their low five bits): bit k
	 * for each length k of a word of those letters that may open a
	 * window; one test says no to most words */
	uint64_t word_lengths[32][32];
	/* what each byte may start: a word, a symbol, or nothing */
	unsigned char byte_class[256];
	/* may a digit of the patterns' \d start at the byte (PCRE2_UCP:
	 * any Unicode decimal digit) */
	unsigned char digit_byte[256];
	/* by kind (see struct found): how many bytes before its first
	 * digit a match may start; NO_DIGIT_GATE for the suffix pattern,
	 * whose number may be written in words */
	size_t digit_lead[NKIND];
	/* by kind: the bytes a match may start with (pcre2's own start
	 * set of the unanchored pattern), and the bytes before a start
	 * that the pattern's opening look-behind refuses; the patterns
	 * are compiled anchored and tried only at such starts */
	unsigned char start_byte[NKIND][256];
	unsigned char refused_before[NKIND][256];
	int not_after[NKIND];	/* the pattern opens with NOT_AFTER */
	/* by kind: the numbers of the named groups (enum group), looked
	 * up once: by name, a look-up cost as much as a short match */
	int group[NKIND][NGROUP];
	/* the factors of the rows of cur (its third field) and mult (its
	 * second), read once */
	double *cur_factor, *mult_factor;
	int jit;		/* all of re_amount has JIT code */
	/* by kind: the words a match that starts at an ASCII letter
	 * starts with (struct first_words) */
	struct first_words {
		/* by the first letter's low five bits */
		const char *w[32][16];
		unsigned char n[32];
		/* by the first letter: bit (b & 31) for the second letter
		 * b of a word filed there, and whether one has none or one
		 * that is not a letter (which any byte may follow) */
		uint32_t second[32];
		unsigned char odd[32];
		/* the same for the third letter, by the first two */
		uint32_t third[32][32];
		unsigned char odd3[32][32];
		int any;	/* too many to file: any word */
	} first[NKIND];
	/* the words after "a" or "an" and blanks in a number in words:
	 * those of first[A_SUF] and the scale words of NUMW */
	struct first_words after_a;
	/* what may follow a suffix amount's number in figures: the
	 * words (ASCII letters first) and the other ASCII bytes a scale
	 * word or a suffix currency starts with; follow_gate: none of
	 * those starts with a digit, "," or "." (see suffix_number_at) */
	struct first_words follow;
	unsigned char follow_byte[128];
	int follow_gate;
	/* the last words of the qualifiers (approx.tsv), for
	 * may_qualify(); any: one is not a plain ASCII word, or too many
	 * to file: every amount goes to re_approx */
	struct {
		const char *w[64];
		size_t n[64];
		size_t count;
		int any;
	} approx_ends;
	/* the first letters (bit ch & 31) a rate after an amount may
	 * start with: "a", "an", "per", "each", "every" of re_rate and
	 * the adverbs of rates.tsv; any: an adverb not so filed */
	uint32_t rate_first;
	int rate_any;
	pcre2_match_data *md;
};

enum { B_OTHER, B_LETTER, B_SYMBOL };

#define NO_DIGIT_GATE ((size_t)-1)

/* The amount patterns a currency form takes part in, by its position
 * in currencies.tsv: a window runs only the patterns of its forms. */
enum { K_PRE = 1, K_SUF = 2, K_ATT = 4 };

/* The look-behind every amount pattern opens with: no amount starts
 * inside a word or number. */
#define NOT_AFTER "(?<![\\w$£€¥.,])"
/* The ASCII bytes of NOT_AFTER besides \\w (its others are not
 * ASCII, and no ASCII byte starts them) */
#define NOT_AFTER_PUNCT "_$.,"

static inline int
tolower_ascii(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Is ch an ASCII letter? */
static inline int
ascii_letter(char ch)
{
	return (unsigned)((ch | 0x20) - 'a') < 26;
}

/* main.c */
unsigned position_kinds(const char *pos);

/* starts.c */
void digit_gate_init(struct ctx *c);
void first_words_init(struct ctx *c);
size_t next_digit(const struct ctx *c, const char *t, size_t i, size_t n);
size_t next_start(const struct ctx *c, int kind, const char *t, size_t p,
    size_t n, size_t *dp);

#endif
