/* See LICENSE file for copyright and license details. */
/* jscan.h - the stream's validating scanner of top-level JSON fields. */
#ifndef GLEAN_JSCAN_H
#define GLEAN_JSCAN_H

#include <stddef.h>

#include <jansson.h>

/* One top-level field of a scanned line: pointers into the line. */
struct glean_jfield {
	const char *key;	/* inside the quotes, escapes not decoded */
	size_t keylen;
	int key_escaped;
	const char *val;	/* the value's JSON text */
	size_t vallen;
};

struct glean_jfields {
	struct glean_jfield *f;
	size_t n, cap;
};

/*
 * Check that line[0..n) is exactly one JSON object (surrounding white
 * space allowed) and list its top-level fields in order.  Returns 0, or
 * -1 when the line is not valid JSON or not an object; jf then lists the
 * fields that came whole before the fault (the id of a truncated line).
 * jf's storage is reused between calls; free jf->f when done.
 */
int glean_jscan_object(const char *line, size_t n, struct glean_jfields *jf);

/* Decode the body of a JSON string the scanner accepted. */
json_t *glean_jstring_decode(const char *s, size_t n);

#endif
