/* See LICENSE file for copyright and license details. */
/*
 * mojibake.h - finding and undoing mojibake: UTF-8 text that was decoded
 * with another codec (cp1252, cp1251, mac-roman, GBK, Shift_JIS...) and
 * saved again.  Text is handled as arrays of code points.
 */
#ifndef GLEAN_MOJIBAKE_H
#define GLEAN_MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

/* One codec of lexicons/codecs.tsv, with its tables built through iconv. */
struct glean_codec {
	char *name;		/* "cp1252": used in repair records */
	char *name2, *name3;	/* "cp1252+cp1252", three times */
	char *iconv;		/* "CP1252" */
	int dbcs;		/* CJK double-byte codec */
	int32_t dec[256];	/* sbcs: byte -> code point */
	/* code point (BMP) -> bytes: 0 none, else (len << 16) | bytes */
	uint32_t *enc;
};

struct glean_mojibake {
	size_t n;
	struct glean_codec *c;
	char **agrave;		/* agrave-words.tsv: "s", "quele"... */
	size_t nagrave;
};

/* An edit of a code-point array: a[start..end) becomes cp[0..ncp). */
struct glean_edit {
	size_t start, end;
	int32_t *cp;
	size_t ncp;
	const char *label;	/* codec name or rule; not owned */
};

struct glean_edits {
	struct glean_edit *e;
	size_t n, cap;
};

void glean_edits_add(struct glean_edits *ed, size_t start, size_t end,
    const int32_t *cp, size_t ncp, const char *label);
void glean_edits_clear(struct glean_edits *ed);	/* keeps storage */
void glean_edits_free(struct glean_edits *ed);

/*
 * Load lexdir/codecs.tsv (and agrave-words.tsv) and build each codec's
 * tables with iconv.  A missing lexicon or a codec iconv does not know is
 * fatal (exit 2).
 */
struct glean_mojibake *glean_mojibake_load(const char *lexdir);
void glean_mojibake_free(struct glean_mojibake *m);

/* The codec called name, or NULL. */
const struct glean_codec *glean_codec_find(const struct glean_mojibake *m,
    const char *name);

/*
 * How implausible a[0..n) looks as text: a sum of weights of characters
 * and of neighbouring pairs that are rare in real text but common in
 * mojibake (an accented capital followed by a Latin-1 symbol, a lone CJK
 * character among Latin letters, case flipping inside a word, IPA
 * letters...).  Returns 0 for ordinary text in any script; units are
 * halves.
 */
int glean_badness(const int32_t *a, size_t n);

/*
 * One round of repair over a[0..n): for every codec, find the runs of
 * characters it can encode, re-encode them, decode the bytes as UTF-8,
 * and keep the candidates that lower the badness clearly; overlapping
 * candidates are settled by the larger gain.  The chosen edits are
 * appended to ed in order.  Returns how many were added (0: nothing to
 * do).  Callers repeat it for text garbled several times.
 */
size_t glean_mojibake_step(const struct glean_mojibake *m, const int32_t *a,
    size_t n, struct glean_edits *ed);

#endif
