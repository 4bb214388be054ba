/* See LICENSE file for copyright and license details. */
/*
 * jv.h - JSON values read into an arena, for the big layers.
 *
 * jansson allocates every value, key and string on its own, and in a
 * layer of thousands of members (the entities of a long article) those
 * allocations and frees cost more than the parsing.  A glean_jv tree
 * lives in a bump allocator instead, emptied once per document.
 *
 * The reader takes only JSON text that the stream's scanner (jscan)
 * accepted or that jansson wrote, so it does no error checking: other
 * text is undefined behaviour.  Values mean what jansson makes of them
 * (the last of duplicate keys wins), except that \u0000 reads as U+FFFD,
 * one code point for one so that offsets hold: the stages work on C
 * strings.
 */
#ifndef GLEAN_JV_H
#define GLEAN_JV_H

#include <stddef.h>
#include <string.h>

#include <jansson.h>

/* ---- arena ------------------------------------------------------------- */

struct glean_arena_block;

/* A bump allocator; start it zeroed: struct glean_arena a = { 0 }. */
struct glean_arena {
	struct glean_arena_block *head;
};

/* n bytes, 8-byte aligned, that live until a is reset or freed;
 * never NULL (dies with status 2 when memory runs out). */
void *glean_arena_alloc(struct glean_arena *a, size_t n);

/* A NUL-terminated copy of s[0..n) in a. */
char *glean_arena_strndup(struct glean_arena *a, const char *s, size_t n);

/* Empty a, keeping one block for the next document (a huge document's
 * others are let go, so memory does not stay at its size). */
void glean_arena_reset(struct glean_arena *a);

/* Give all of a's memory back; a is empty and usable again. */
void glean_arena_free(struct glean_arena *a);

/* ---- values ------------------------------------------------------------ */

enum glean_jv_type {
	GLEAN_JV_NULL, GLEAN_JV_FALSE, GLEAN_JV_TRUE, GLEAN_JV_INT,
	GLEAN_JV_REAL, GLEAN_JV_STR, GLEAN_JV_ARR, GLEAN_JV_OBJ
};

struct glean_jv {
	enum glean_jv_type type;
	const char *key;	/* the member's name, in an object: keylen
				 * bytes, not NUL-terminated (it may lie
				 * in the text read, which must outlive
				 * the value) */
	size_t keylen;
	const char *s;		/* GLEAN_JV_STR: NUL-terminated */
	size_t len;		/* GLEAN_JV_STR: bytes; ARR, OBJ: members */
	json_int_t i;		/* GLEAN_JV_INT */
	double r;		/* GLEAN_JV_REAL */
	struct glean_jv *kid, *next;	/* the first member; the next one */
};

/*
 * The value text[0..len) (white space around it allowed), read into a.
 * The text must be valid JSON as above.  Example: the entities layer of
 * a document, glean_jv_parse(&a, glean_field_text(doc, "entities", &n),
 * n).
 */
struct glean_jv *glean_jv_parse(struct glean_arena *a, const char *text,
    size_t len);

/* The value at *text (white space before it allowed) read into a, as
 * glean_jv_parse; *text moves past it, never past end.  Example: the
 * items of an array one at a time, without a pass to find their ends. */
struct glean_jv *glean_jv_parse_next(struct glean_arena *a, const char **text,
    const char *end);

/*
 * The object at *text read as glean_jv_parse_next does, but only its
 * members named in keep (a NULL-terminated list) read whole; those
 * named in typed (NULL-terminated) only for their type (a string reads
 * as "", an array or object as empty, a number as 0); the others
 * skipped, not decoded (len counts the members read).  A value that is
 * not an object is read whole.  Example: the items of a layer of which
 * a reader needs a few members.
 */
struct glean_jv *glean_jv_parse_members(struct glean_arena *a,
    const char **text, const char *end, const char *const *keep,
    const char *const *typed);

/* The body body[0..n) of a JSON string (between its quotes, checked
 * already) decoded into a as glean_jv_parse decodes it, NUL-terminated;
 * its length in *len.  For a reader that has found the string's end. */
const char *glean_jv_decode(struct glean_arena *a, const char *body, size_t n,
    size_t *len);

/* Past the value at p (no white space before it; white space after it
 * skipped too), not decoded: text as glean_jv_parse takes. */
const char *glean_jv_skip(const char *p, const char *end);

/* An empty value of type t in a, to build one by hand (link members
 * through kid and next and count them in len). */
struct glean_jv *glean_jv_new(struct glean_arena *a, enum glean_jv_type t);

/* Member key[0..kl) of object o (the last of that name), or NULL when
 * there is none or o is not an object (or NULL). */
const struct glean_jv *glean_jv_getn(const struct glean_jv *o,
    const char *key, size_t kl);

/* Member key of object o, as glean_jv_getn (inline: the length of a
 * literal key is known when compiling). */
static inline const struct glean_jv *
glean_jv_get(const struct glean_jv *o, const char *key)
{
	return glean_jv_getn(o, key, strlen(key));
}

/* The string member key of o, or NULL when absent or not a string. */
static inline const char *
glean_jv_str(const struct glean_jv *o, const char *key)
{
	const struct glean_jv *v = glean_jv_get(o, key);

	return v && v->type == GLEAN_JV_STR ? v->s : NULL;
}

/* The first member of array v (walk on with next), or NULL when v is
 * empty, not an array, or NULL. */
const struct glean_jv *glean_jv_items(const struct glean_jv *v);

#endif
