/* See LICENSE file for copyright and license details. */
/*
 * phrasegate.h - may a lexicon's phrases occur in a text?  A pattern of
 * words (alternatives, optional parts, white space, a little
 * punctuation: "(?:local\s+)?safeguarding\s+boards?|lscb") is spelled
 * out as plain phrases, and a text is scanned for their starts at a few
 * instructions a byte, where the pattern (caseless, at word boundaries,
 * as a stage's WORD_RE makes it) costs dozens to a hundred: a stage
 * asks the gate first and runs the pattern only where it says "may".
 * Requires glean.h first.
 */
#ifndef GLEAN_PHRASEGATE_H
#define GLEAN_PHRASEGATE_H

#include <stddef.h>

struct glean_phrase_gate;

/* An empty gate (it lets nothing through until phrases are added). */
struct glean_phrase_gate *glean_phrase_gate_new(void);

/*
 * Add the phrases of pattern pat to g.  The pattern may hold ASCII
 * letters, , / ' - & . (escaped or not), characters outside ASCII,
 * \s (with + * ?), classes of those ("[-\s]"), groups ("(...)",
 * "(?:...)", "(?-i:...)"), lookaheads ("(?!...)", "(?=...)", taken as
 * nothing: the gate only lets more through), '?' after any atom and '|';
 * every phrase it spells must start with a letter.  Returns 0 when pat
 * has anything else or spells too many phrases: the gate is then of no
 * use (g is left as it was, and the caller should run its pattern
 * without it).
 */
int glean_phrase_gate_add(struct glean_phrase_gate *g, const char *pat);

/*
 * Might the pattern of g's phrases, caseless, with no letter or digit
 * right before or after it, match in text[0..n)?  0 only when it cannot.
 * Sixteen bytes at a time where SSE2 is there.
 */
int glean_phrase_gate_may(const struct glean_phrase_gate *g,
    const char *text, size_t n);

/*
 * Phrase i of g (i from 0), spelled as the gate compares it: a letter in
 * lower case matches either case, one in upper case only itself, ' ' a
 * run of white space, any other byte itself; cut after its first words
 * (the text may go on with anything after it).  NULL when i is past the
 * last.
 */
const char *glean_phrase_gate_phrase(const struct glean_phrase_gate *g,
    size_t i);

void glean_phrase_gate_free(struct glean_phrase_gate *g);

#endif
