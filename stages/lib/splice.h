/* See LICENSE file for copyright and license details. */
/*
 * splice.h - a document stream whose stage appends ready-made JSON text.
 * The token layer is the bulk of the stream; building it as millions of
 * jansson values costs far more than tokenizing.  A splice stage writes
 * its members as JSON text instead and the runner splices them into the
 * serialised document.  Reading, error records and exit status are as
 * glean_run's.
 */
#ifndef GLEAN_SPLICE_H
#define GLEAN_SPLICE_H

#include "glean.h"

/*
 * Per-document function: doc has a string "text".  It removes its own
 * fields from doc (so a re-run replaces them), and appends to tail the
 * members to add, as JSON text without braces or a leading comma:
 * "sentences":[...],"tokens":[...].  tail is empty on entry.  Returns 0,
 * or -1 with *err set (malloc'd); the document is then passed on with the
 * error appended and tail ignored.
 */
typedef int glean_splice_fn(json_t *doc, void *ctx, struct glean_buf *tail,
    char **err);

struct glean_splice_stage {
	const char *name;
	glean_splice_fn *process;
	void *ctx;
};

/* As glean_run, for a splice stage.  Returns the exit status. */
int glean_run_splice(const struct glean_splice_stage *st,
    const struct glean_opts *o, int argc, char **argv);

/*
 * Serialise doc (compact, keys in order) and splice tail in before the
 * closing brace, into out (replacing its contents).  Returns 0, or -1 if
 * doc cannot be serialised.
 */
int glean_splice_dump(json_t *doc, const char *tail, size_t taillen,
    struct glean_buf *out);

#endif
