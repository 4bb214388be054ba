/* See LICENSE file for copyright and license details. */
/*
 * record.c - libFuzzer harness for the knowledge-record reader that
 * glean-report and glean-export share (stages/lib/record.c): any bytes are
 * either a record whose every member has its documented type, or one
 * one-line error.  Built by tests/fuzz/build.sh as fuzz-record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "record.h"
#include "common.h"

/* Walk what the programs read, so a type the checker let through that
 * they do not expect shows up (under UBSan/ASan) here. */
static void
walk(const struct glean_record *r)
{
	const json_t *s, *insp, *j, *src;
	size_t i, k, m, n;

	json_array_foreach(r->subjects, i, s) {
		if (!glean_rec_str(s, "kind"))
			abort();
		json_array_foreach(json_object_get(s, "inspections"), k, insp)
			json_array_foreach(json_object_get(insp, "judgements"),
			    m, j) {
				if (!glean_rec_str(j, "area") ||
				    !glean_rec_str(j, "grade"))
					abort();
				json_array_foreach(json_object_get(j,
				    "sources"), n, src)
					if (!glean_rec_str(src, "doc") ||
					    !json_is_integer(json_object_get(
					    src, "start")))
						abort();
			}
	}
	json_array_foreach(r->documents, i, s)
		if (glean_record_doc(r, glean_rec_str(s, "id")) == NULL)
			abort();
}

static int
one_input(const uint8_t *data, size_t size)
{
	struct glean_record r;
	char *err = NULL;

	if (glean_record_parse((const char *)data, size, &r, &err) == 0) {
		walk(&r);
		glean_record_free(&r);
		return 0;
	}
	if (!err || !*err || strchr(err, '\n'))
		abort();
	free(err);
	return 0;
}

int
main(int argc, char *argv[])
{
	return LLVMFuzzerRunDriver(&argc, &argv, one_input);
}
