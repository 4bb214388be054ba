/* See LICENSE file for copyright and license details. */
/*
 * jstruct.h - the structural pass of the stream's JSON scanner: a whole
 * "tokens" or "sentences" layer validated 64 bytes at a time.
 */
#ifndef GLEAN_JSTRUCT_H
#define GLEAN_JSTRUCT_H

/*
 * Validate the JSON array of flat arrays at p (p[0] == '[' and p[1] ==
 * '['), such as [[0,2,"word","ad"],[3,4,"punct"]]: inner arrays of
 * integers (at most 15 digits, no sign) and strings without escapes,
 * no white space.  Returns the position after the outer ']', or NULL when the
 * value is not of that shape or not valid JSON; the caller then scans it
 * the general way, which tells the two apart.  Accepts only what the
 * general scanner accepts (the same UTF-8 and number rules).
 */
const unsigned char *glean_jstruct_arrays(const unsigned char *p,
    const unsigned char *end);

#endif
