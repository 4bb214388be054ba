/* See LICENSE file for copyright and license details. */
/*
 * numbers.h - numbers written in digits or words ("3.5", "139,000",
 * "twenty-five", "two thousand and eighteen") and regular-expression
 * alternations built from lexicon columns, shared by glean-dates and
 * glean-money.  Requires glean.h first.
 */
#ifndef GLEAN_NUMBERS_H
#define GLEAN_NUMBERS_H

#include <stddef.h>

/* Number words from lexicons/number-words.tsv. */
struct glean_numwords {
	struct glean_lexicon *lx;
	/* the rows by the lower case of their first byte, each group in
	 * file order: rows byfirst[at[b]..at[b + 1]) start with b */
	size_t *byfirst;
	size_t at[257];
};

/* Load lexdir/number-words.tsv (fatal when missing).  Caller frees. */
struct glean_numwords *glean_numwords_load(const char *lexdir);
void glean_numwords_free(struct glean_numwords *nw);

/*
 * The value of the number word s[0..n) (without case; a word outside
 * ASCII is case-folded first, so "ſix" is six) whose kind is
 * kind ("card", "ord", "scale", "frac", "vague"; NULL: any), or -1 when it
 * is not one.  *kindout, when not NULL, gets the kind of the row.
 */
double glean_numword(const struct glean_numwords *nw, const char *s,
    size_t n, const char *kind, const char **kindout);

/*
 * Parse a number in digits ("3.5", "139,000", "12,34,567.89", ".5") or in
 * words, parts joined by spaces, hyphens or "and" ("twenty-five", "two
 * thousand and eighteen", "three quarters", "a hundred").  Ordinals count
 * ("twenty-first" is 21).  Returns 0 and sets *out, or -1 when s[0..n)
 * is not a number.  Never overflows: digit strings too long for a double
 * give -1.
 */
int glean_parse_number(const struct glean_numwords *nw, const char *s,
    size_t n, double *out);

/*
 * A pcre2 alternation "(?:a|b|c)" of column col of the rows of lx whose
 * column fcol equals fval (fval NULL: every row), longest first, each
 * escaped; a space in a form matches any run of white space (NBSP too).
 * Empty selection gives "(?!)".  Caller frees.
 */
char *glean_lex_alt(const struct glean_lexicon *lx, size_t col, size_t fcol,
    const char *fval);

/*
 * The same alternation written as a trie of the forms' characters
 * ("(?:j(?:an|u(?:ne|ly)))"), for patterns compiled with
 * PCRE2_CASELESS (ASCII letters are lower-cased): it matches exactly
 * what glean_lex_alt's does, but pcre2 passes over a place where no form
 * starts after one test instead of one per form.  Falls back to
 * glean_lex_alt's text when the lexicon has an empty form or forms whose
 * characters differ only in case outside ASCII.  Caller frees.
 */
char *glean_lex_trie(const struct glean_lexicon *lx, size_t col, size_t fcol,
    const char *fval);

/*
 * Expand "{NAME}" placeholders in tmpl from the n pairs names[i] ->
 * vals[i].  An unknown name is fatal (a programming error).  Caller frees.
 */
char *glean_re_expand(const char *tmpl, const char *const *names,
    const char *const *vals, size_t n);

/*
 * tmpl expanded as glean_re_expand does, compiled as glean_re_compile
 * does with flags (a bad pattern is fatal and names what).
 */
pcre2_code *glean_re_compile_expanded(const char *tmpl,
    const char *const *names, const char *const *vals, size_t n,
    uint32_t flags, const char *what);

/* Escape s for use inside a pcre2 pattern; caller frees. */
char *glean_re_escape(const char *s);

#endif
