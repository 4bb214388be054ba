/* See LICENSE file for copyright and license details. */
/*
 * record.h - a knowledge record (glean-merge's output, see glean-merge(1))
 * read whole and checked, for the programs that present one: glean-report
 * and glean-export.  After a successful parse every member those programs
 * read has the type glean-merge(1) documents, so they need no further
 * checks; members the checker does not know are allowed (and ignored), so
 * a newer record with more fields (a source's "evidence", a quotation's
 * "speaker_role") reads as well.
 */
#ifndef GLEAN_RECORD_H
#define GLEAN_RECORD_H

#include <stddef.h>

#include <jansson.h>

struct glean_buf;

struct glean_record {
	json_t *root;		/* the whole record; owns everything below */
	json_t *documents;	/* array of objects, each with a string "id" */
	json_t *subjects;	/* array of subjects (see glean-merge(1)) */
	json_t *conflicts;	/* array of conflicts; empty when absent */
	json_t *doc_index;	/* object: document id -> its document */
};

/*
 * Parse and check data[0..len) as one knowledge record of version 1
 * (compact or --pretty).  Returns 0 and fills r, or -1 with *err set to a
 * one-line message naming the line (JSON syntax) or the member
 * ("subjects[0].money[2].value: not a number"); *err is malloc'd.
 */
int glean_record_parse(const char *data, size_t len, struct glean_record *r,
    char **err);

/*
 * Read path ("-": standard input) and parse it.  On failure prints
 * "prog: path: message" (or "prog: path:line: message") on stderr and
 * returns -1; the caller exits with GLEAN_EXIT_REJECT.
 */
int glean_record_load(const char *path, struct glean_record *r);

void glean_record_free(struct glean_record *r);

/* The document with this id, or NULL. */
const json_t *glean_record_doc(const struct glean_record *r, const char *id);

/* o's member key when it is a string, else NULL (absent, null, other). */
const char *glean_rec_str(const json_t *o, const char *key);

/* o's member key: 1 true, 0 false, -1 absent or null. */
int glean_rec_bool(const json_t *o, const char *key);

/* Is a judgement only implied: its own "implied", else every one of its
 * sources implied and none stated it outright?  1 or 0. */
int glean_record_implied(const json_t *judgement);

/* The roles the subject's "people" give the person name, ", "-joined in
 * b (reset first): b->s, or NULL when name is NULL or has none. */
const char *glean_record_roles(struct glean_buf *b, const json_t *subject,
    const char *name);

#endif
