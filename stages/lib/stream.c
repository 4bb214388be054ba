/* See LICENSE file for copyright and license details. */
/*
 * The document stream: JSON Lines in, JSON Lines out.  Reading never
 * drops a line: what cannot be read as a document becomes an error
 * record.  Writing hands the kernel whole lines only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "glean.h"
#include "jscan.h"

/* Output is flushed once this much is pending: big enough for throughput,
 * small enough that a pipeline keeps flowing. */
#define OUT_CHUNK (256 * 1024)
/* A tail stage's members at least this long are written from its own
 * buffer (writev) rather than copied into out. */
#define TAIL_DIRECT 4096
/* Tail buffers pending at most; a spare one bigger than this is freed. */
#define MAX_HELD 32
/* A field copied through at least this long is written from the input
 * line itself (writev) rather than copied into out: a stage after money
 * on a 16 MB document of "1p " passes a 550 MB layer through, and a copy
 * would double its memory.  The line is then flushed before the next one
 * is read.  At most MAX_FROM_LINE such fields a line; the rest are copied. */
#define FROM_LINE 1048576
#define MAX_FROM_LINE 16
#define SPARE_MAX (256 * 1024)
/* Pipes between stages are made this big (Linux' default is 64 KB and
 * its limit for an unprivileged process 1 MB): fewer switches between
 * the stages of a chain. */
#define PIPE_BYTES (1024 * 1024)

/*
 * Pending output is whole lines only: the pieces of out before outmark,
 * in the order of segs, each either a stretch of out, a tail buffer
 * held until the next flush, or a stretch of the input line (flushed
 * before the line is read over); then out from outmark on.
 */
struct seg {
	size_t off, len;	/* a stretch of out... */
	int held;		/* ...or held[held - 1] when > 0 */
	const char *line;	/* ...or line[0..len) when not NULL */
};

static struct glean_buf out;
static struct seg segs[2 * (MAX_HELD + MAX_FROM_LINE)];
static size_t nsegs, outmark, nheld, nspare, heldbytes, nfromline;
static struct glean_buf held[MAX_HELD], spare[MAX_HELD];
static int unbuffered;
static int flush_registered;
/* 1 while glean_stage_line writes a line into memory (see there): the
 * line is then made in out alone, without segments, and not ended. */
static int capturing;

/*
 * The fields of a line made in memory, as offsets into it: what the
 * scanner would find in it, noted while it is written, so that the next
 * stage of a fused chain need not scan the line again (its big layers
 * above all; see given_fields).  made: the line being written; given:
 * the last one written, until a stage reads it.
 */
struct field_offsets {
	size_t koff, klen, voff, vlen;
	int key_escaped;
};
struct line_fields {
	struct field_offsets *f;
	size_t n, cap;
	int valid;		/* 0: not known (scan the line) */
	size_t tailoff;		/* where a tail stage's members start, or 0 */
	size_t taillen;		/* and how long they are */
	const char *line;	/* given: the line they are of */
	size_t len;
};
static struct line_fields made, given;

/*
 * Where the members of the tail being made start, as its stage marked
 * them (glean_tail_member): offsets of the keys' quotes, in order.
 */
static struct {
	const struct glean_buf *tail;	/* the tail of the call in progress */
	size_t *at, n, cap;
	int ascending;		/* 0: a mark was not after the one before */
} marks;

/* Write all of iov[0..n), looping on partial writes. */
static void
writev_all(struct iovec *iov, int n)
{
	ssize_t w;

	while (n > 0) {
		w = writev(STDOUT_FILENO, iov, n > IOV_MAX ? IOV_MAX : n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			glean_die(GLEAN_EXIT_FATAL, "write error:");
		}
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
}

static void
write_all(const char *s, size_t n)
{
	struct iovec iov;

	iov.iov_base = (void *)s;
	iov.iov_len = n;
	writev_all(&iov, 1);
}

void
glean_flush(void)
{
	struct iovec iov[2 * (MAX_HELD + MAX_FROM_LINE) + 1];
	size_t i;
	int n = 0;

	if (!nsegs) {
		if (out.len)
			write_all(out.s, out.len);
		glean_buf_reset(&out);
		return;
	}
	for (i = 0; i < nsegs; i++) {
		if (segs[i].line) {
			iov[n].iov_base = (void *)segs[i].line;
			iov[n].iov_len = segs[i].len;
		} else if (segs[i].held) {
			iov[n].iov_base = held[segs[i].held - 1].s;
			iov[n].iov_len = held[segs[i].held - 1].len;
		} else {
			iov[n].iov_base = out.s + segs[i].off;
			iov[n].iov_len = segs[i].len;
		}
		if (iov[n].iov_len)
			n++;
	}
	if (out.len > outmark) {
		iov[n].iov_base = out.s + outmark;
		iov[n].iov_len = out.len - outmark;
		n++;
	}
	writev_all(iov, n);
	/* the held buffers become spares, for the next tails */
	for (i = 0; i < nheld; i++) {
		if (held[i].cap > SPARE_MAX || nspare == MAX_HELD) {
			glean_buf_free(&held[i]);
		} else {
			glean_buf_reset(&held[i]);
			spare[nspare++] = held[i];
		}
	}
	nsegs = nheld = heldbytes = outmark = nfromline = 0;
	glean_buf_reset(&out);
}

static void
flush_at_exit(void)
{
	size_t i;

	glean_flush();
	glean_buf_free(&out);
	for (i = 0; i < nspare; i++)
		glean_buf_free(&spare[i]);
	nspare = 0;
}

void
glean_set_unbuffered(int on)
{
	unbuffered = on;
}

static void
line_done(void)
{
	if (capturing)
		return;
	glean_buf_addc(&out, '\n');
	if (!flush_registered) {
		atexit(flush_at_exit);
		flush_registered = 1;
	}
	/* the line's own bytes are read over by the next one */
	if (unbuffered || nfromline || out.len + heldbytes >= OUT_CHUNK)
		glean_flush();
}

/*
 * Pass a tail stage's members to the output without copying them: hold
 * the tail's buffer until the next flush and give tail a spare one.  At
 * a record's start, so that a flush here writes whole lines only.
 */
static void
hold_room(void)
{
	if (nheld == MAX_HELD && !capturing)
		glean_flush();
}

/* End the stretch of out pending since outmark with a segment. */
static void
close_stretch(void)
{
	segs[nsegs].off = outmark;
	segs[nsegs].len = out.len - outmark;
	segs[nsegs].held = 0;
	segs[nsegs++].line = NULL;
	outmark = out.len;
}

static void
hold_tail(struct glean_buf *tail)
{
	close_stretch();
	held[nheld] = *tail;
	heldbytes += tail->len;
	segs[nsegs].off = segs[nsegs].len = 0;
	segs[nsegs].line = NULL;
	segs[nsegs++].held = (int)++nheld;
	if (nspare) {
		*tail = spare[--nspare];
	} else {
		tail->s = NULL;
		tail->len = tail->cap = 0;
	}
}

void
glean_emit_line(const char *s, size_t n)
{
	glean_buf_add(&out, s, n);
	line_done();
}

static int
dump_into_buf(const char *s, size_t n, void *data)
{
	glean_buf_add(data, s, n);
	return 0;
}

static int
dump_into_out(const char *s, size_t n, void *data)
{
	(void)data;
	glean_buf_add(&out, s, n);
	return 0;
}

/* Note a field of the line in out while capturing: its key at
 * out[koff..koff+klen), its value at out[voff..voff+vlen). */
static void
note_member(size_t koff, size_t klen, size_t voff, size_t vlen)
{
	struct field_offsets *f;

	if (!capturing || !made.valid)
		return;
	if (made.n == made.cap) {
		made.cap = made.cap ? 2 * made.cap : 16;
		made.f = glean_realloc(made.f, made.cap * sizeof *made.f);
	}
	f = &made.f[made.n++];
	f->koff = koff;
	f->klen = klen;
	f->key_escaped = memchr(out.s + koff, '\\', klen) != NULL;
	f->voff = voff;
	f->vlen = vlen;
}

/* note_member() for a field just written: its value runs from voff to
 * the end of out. */
static void
note_field(size_t koff, size_t klen, size_t voff)
{
	note_member(koff, klen, voff, out.len - voff);
}

void
glean_tail_member(const struct glean_buf *tail, size_t at)
{
	if (tail != marks.tail)
		return;
	if (marks.n && at <= marks.at[marks.n - 1])
		marks.ascending = 0;
	if (marks.n == marks.cap) {
		marks.cap = marks.cap ? 2 * marks.cap : 8;
		marks.at = glean_realloc(marks.at, marks.cap * sizeof *marks.at);
	}
	marks.at[marks.n++] = at;
}

/*
 * The members of the tail in out (made.tailoff, made.taillen) noted from
 * where st marked them, or, with no mark, as the one field st writes.
 * Returns 1, or 0 (nothing noted) when there are neither or a member is
 * not where a mark says: a "key": at the mark, a comma before the next.
 * What is between is trusted to be the value, as the stage's own JSON.
 */
static int
note_marked_members(const struct glean_stage *st)
{
	static const size_t whole = 0;
	const char *tail = out.s + made.tailoff, *q;
	const size_t *at = marks.at;
	size_t nat = marks.n, n0 = made.n, i, k, end;

	if (!nat && st->writes && st->writes[0] && !st->writes[1]) {
		at = &whole;
		nat = 1;
	}
	if (!nat || !marks.ascending || at[0] != 0)
		return 0;
	for (i = 0; i < nat; i++) {
		k = at[i];
		end = i + 1 < nat ? at[i + 1] - 1 : made.taillen;
		if (end > made.taillen || k + 4 > end || tail[k] != '"' ||
		    (i + 1 < nat && tail[end] != ','))
			break;
		q = memchr(tail + k + 1, '"', end - k - 1);
		if (!q || q + 2 >= tail + end || q[1] != ':')
			break;
		note_member(made.tailoff + k + 1, (size_t)(q - tail) - k - 1,
		    made.tailoff + (size_t)(q + 2 - tail),
		    end - (size_t)(q + 2 - tail));
	}
	if (i == nat)
		return 1;
	made.n = n0;
	return 0;
}

#ifdef GLEAN_CHECK_TAIL
/* In the checking build (SAN=1): the members noted from marks, from
 * made.f[n0] on, must be what the scanner finds in the tail; dies if
 * not, naming the stage. */
static void
check_marked(const struct glean_stage *st, size_t n0)
{
	static struct glean_jfields jf;
	static struct glean_buf obj;
	const char *base;
	size_t i;

	glean_buf_reset(&obj);
	glean_buf_addc(&obj, '{');
	glean_buf_add(&obj, out.s + made.tailoff, made.taillen);
	glean_buf_addc(&obj, '}');
	base = obj.s + 1;
	if (glean_jscan_object(obj.s, obj.len, &jf) < 0 ||
	    jf.n != made.n - n0)
		glean_die(GLEAN_EXIT_FATAL,
		    "%s: its tail's members are not as marked", st->name);
	for (i = 0; i < jf.n; i++) {
		const struct field_offsets *f = &made.f[n0 + i];

		if (f->koff - made.tailoff != (size_t)(jf.f[i].key - base) ||
		    f->klen != jf.f[i].keylen ||
		    f->voff - made.tailoff != (size_t)(jf.f[i].val - base) ||
		    f->vlen != jf.f[i].vallen)
			glean_die(GLEAN_EXIT_FATAL,
			    "%s: its tail's member %zu is not as marked",
			    st->name, i + 1);
	}
}
#endif

/*
 * The fields of a captured line once it is whole: a tail stage's
 * members, written as text, are taken from its marks
 * (note_marked_members) or else scanned here (the tail alone, as the
 * object "{" tail "}" it ends).  made.valid is cleared when they do not
 * scan.
 */
static void
note_tail_fields(const struct glean_stage *st)
{
	static struct glean_jfields jf;
	char before;
	size_t i;
	int rc;
#ifdef GLEAN_CHECK_TAIL
	size_t n0 = made.n;
#endif

	if (!made.valid || !made.tailoff)
		return;
	if (note_marked_members(st)) {
#ifdef GLEAN_CHECK_TAIL
		check_marked(st, n0);
#endif
		return;
	}
	before = out.s[made.tailoff - 1];
	out.s[made.tailoff - 1] = '{';
	rc = glean_jscan_object(out.s + made.tailoff - 1,
	    out.len - made.tailoff + 1, &jf);
	out.s[made.tailoff - 1] = before;
	if (rc < 0) {
		made.valid = 0;
		return;
	}
	for (i = 0; i < jf.n; i++) {
		size_t end = out.len;

		out.len = (size_t)(jf.f[i].val - out.s) + jf.f[i].vallen;
		note_field((size_t)(jf.f[i].key - out.s), jf.f[i].keylen,
		    (size_t)(jf.f[i].val - out.s));
		out.len = end;
	}
}

/*
 * The fields of line[0..len) as glean_jscan_object lists them: from
 * what was noted while a fused chain's last stage wrote the line, when
 * it is that line, else scanned.  Returns 0, or -1 (scanned) when the
 * line is not an object.
 */
static int
given_fields(const char *line, size_t len, struct glean_jfields *jf)
{
	size_t i;

	if (!given.valid || line != given.line || len != given.len)
		return glean_jscan_object(line, len, jf);
	given.valid = 0;	/* its buffer is written over next */
	if (jf->cap < given.n) {
		jf->cap = given.n;
		jf->f = glean_realloc(jf->f, jf->cap * sizeof *jf->f);
	}
	for (i = 0; i < given.n; i++) {
		jf->f[i].key = line + given.f[i].koff;
		jf->f[i].keylen = given.f[i].klen;
		jf->f[i].key_escaped = given.f[i].key_escaped;
		jf->f[i].val = line + given.f[i].voff;
		jf->f[i].vallen = given.f[i].vlen;
	}
	jf->n = given.n;
	return 0;
}

/* Append a tail stage's members before the record's closing brace; a
 * long one is held (hold_tail) when may_hold. */
static void
add_tail(struct glean_buf *tail, int *first, int may_hold)
{
	if (!tail->len)
		return;
	if (!*first)
		glean_buf_addc(&out, ',');
	*first = 0;
	if (capturing) {
		made.tailoff = out.len;
		made.taillen = tail->len;
	}
	if (may_hold && !capturing && tail->len >= TAIL_DIRECT)
		hold_tail(tail);
	else
		glean_buf_add(&out, tail->s, tail->len);
}

static void add_kept_tail(const struct glean_stage *st,
    struct glean_buf *tail, int *first, int may_hold);

/* glean_emit, with the members of stage st's tail (st NULL: none) spliced
 * in before the '}'. */
static void
emit_with_tail(json_t *doc, const struct glean_stage *st,
    struct glean_buf *tail)
{
	size_t mark = out.len;

	made.valid = 0;		/* a whole record: its fields not noted */
	if (json_dump_callback(doc, dump_into_out, NULL,
	    JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0) {
		out.len = mark;
		if (out.s)
			out.s[mark] = '\0';
		glean_warn("cannot serialise a document");
		return;
	}
	if (st && tail->len) {
		int first = out.len - mark == 2;	/* "{}" */

		out.len--;	/* the closing brace */
		add_kept_tail(st, tail, &first, 0);
		glean_buf_addc(&out, '}');
	}
	line_done();
}

void
glean_emit(json_t *doc)
{
	struct glean_buf none = { 0 };

	emit_with_tail(doc, NULL, &none);
}

void
glean_add_error(json_t *doc, const char *stage, const char *message)
{
	json_t *errs = json_object_get(doc, "errors");

	if (!json_is_array(errs)) {
		errs = json_array();
		json_object_set_new(doc, "errors", errs);
	}
	json_array_append_new(errs, json_pack("{s:s,s:s}", "stage", stage,
	    "message", message));
}

/* The line with invalid UTF-8 bytes replaced by U+FFFD. */
static json_t *
repaired_string(const char *s, size_t n)
{
	struct glean_buf b = { 0 };
	size_t i = 0, len;
	int32_t cp;
	json_t *str;

	if (glean_utf8_valid(s, n))
		return json_stringn(s, n);
	while (i < n) {
		len = glean_utf8_next(s + i, n - i, &cp);
		if (cp < 0)
			glean_buf_addcp(&b, 0xFFFD);
		else
			glean_buf_add(&b, s + i, len);
		i += len;
	}
	str = json_stringn(b.s ? b.s : "", b.len);
	glean_buf_free(&b);
	return str;
}

/* The top-level "id" string among the fields that come whole before
 * whatever breaks the line (a truncated document keeps its id). */
static json_t *
leading_id(const char *s, size_t n)
{
	static struct glean_jfields jf;
	size_t i;

	glean_jscan_object(s, n, &jf);
	for (i = 0; i < jf.n; i++)
		if (jf.f[i].keylen == 2 && memcmp(jf.f[i].key, "id", 2) == 0 &&
		    !jf.f[i].key_escaped && jf.f[i].val[0] == '"')
			return glean_jstring_decode(jf.f[i].val + 1,
			    jf.f[i].vallen - 2);
	return NULL;
}

/* The value of "id" in a line jansson could not parse: the top-level
 * one, else the first plain "id": "..." in it. */
static json_t *
salvage_id(const char *s, size_t n)
{
	const char *p, *end = s + n, *q;
	json_t *id = leading_id(s, n);

	if (id)
		return id;
	if (!(p = memmem(s, n, "\"id\"", 4)))
		return NULL;
	for (p += 4; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p++ != ':')
		return NULL;
	for (; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p++ != '"')
		return NULL;
	for (q = p; q < end && *q != '"' && *q != '\\' && q - p < 256; q++)
		;
	if (q >= end || *q != '"' || !glean_utf8_valid(p, (size_t)(q - p)))
		return NULL;
	return json_stringn(p, (size_t)(q - p));
}

json_t *
glean_error_record(const char *stage, const char *file, long line,
    const char *raw, size_t rawlen, const char *message)
{
	json_t *rec = json_object(), *id;

	if (!file)
		file = "<stdin>";
	id = raw ? salvage_id(raw, rawlen) : NULL;
	if (!id)
		id = json_sprintf("%s:%ld", file, line);
	json_object_set_new(rec, "id", id);
	json_object_set_new(rec, "source", json_string(file));
	json_object_set_new(rec, "line", json_integer(line));
	if (raw)
		json_object_set_new(rec, "raw", repaired_string(raw, rawlen));
	glean_add_error(rec, stage, message);
	return rec;
}

/* An error record from an earlier stage: no text, an errors array. */
static int
is_error_record(json_t *doc)
{
	return !json_object_get(doc, "text") &&
	    json_is_array(json_object_get(doc, "errors"));
}

static int
is_key(const char *key, size_t n, const char *name)
{
	/* the first byte settles most comparisons, before any strlen:
	 * this runs for every field of every line of every stage */
	if (!n)
		return !*name;
	return *name == *key && strlen(name) == n &&
	    memcmp(key, name, n) == 0;
}

static int
in_list(const char *const *list, const char *key, size_t n)
{
	if (!list)
		return 0;
	for (; *list; list++)
		if (is_key(key, n, *list))
			return 1;
	return 0;
}

/* "errors" is always read: a failing document's new error must be
 * appended to those of earlier stages, not replace them. */
static int
wanted(const struct glean_stage *st, const char *key, size_t n)
{
	return is_key(key, n, "text") || is_key(key, n, "errors") ||
	    in_list(st->reads, key, n);
}

/* May a read field the stage kept be copied through as it came?  Strings
 * cannot change in place; "errors" is appended to by the library. */
static int
unchanged(const struct glean_stage *st, const struct glean_jfield *f,
    json_t *v, json_t *loaded)
{
	if (v != loaded)
		return 0;
	return json_is_string(v) || (st->reads_unchanged &&
	    !is_key(f->key, f->keylen, "errors"));
}

/* The only fields a document is written with (glean_stream_keep), or
 * NULL: all of them; keep_len their lengths (every field of every
 * document is asked about). */
static const char *const *keep;
static size_t *keep_len;

void
glean_stream_keep(const char *const *fields)
{
	size_t n;

	free(keep_len);
	keep_len = NULL;
	keep = fields;
	for (n = 0; fields && fields[n]; n++)
		;
	if (fields)
		keep_len = glean_calloc(n + 1, sizeof *keep_len);
	while (n-- > 0)
		keep_len[n] = strlen(fields[n]);
}

/* Is field key[0..n) of a document written out?  Between the stages of
 * a fused chain (capturing) every field is: --keep is for the reader
 * after the last. */
static inline int
kept(const char *key, size_t n)
{
	size_t i;

	if (!keep || capturing)
		return 1;
	for (i = 0; keep[i]; i++)
		if (keep_len[i] == n && memcmp(keep[i], key, n) == 0)
			return 1;
	return 0;
}

/*
 * add_tail() for stage st, leaving out the members --keep does not keep.
 * Most tails are kept whole (every field the stage writes is kept); the
 * others are split into their members (the scanner finds them) and the
 * kept ones written.  A tail that does not scan is written whole, for
 * the next reader to report.
 */
static void
add_kept_tail(const struct glean_stage *st, struct glean_buf *tail,
    int *first, int may_hold)
{
	static struct glean_jfields jf;
	static struct glean_buf obj;
	const char *const *w;
	size_t i;

	if (!keep || capturing || !tail->len) {
		add_tail(tail, first, may_hold);
		return;
	}
	for (w = st->writes; w && *w && kept(*w, strlen(*w)); w++)
		;
	if (!w || !*w) {
		add_tail(tail, first, may_hold);
		return;
	}
	glean_buf_reset(&obj);
	glean_buf_addc(&obj, '{');
	glean_buf_add(&obj, tail->s, tail->len);
	glean_buf_addc(&obj, '}');
	if (glean_jscan_object(obj.s, obj.len, &jf) < 0) {
		add_tail(tail, first, may_hold);
		return;
	}
	for (i = 0; i < jf.n; i++) {
		if (!kept(jf.f[i].key, jf.f[i].keylen))
			continue;
		if (!*first)
			glean_buf_addc(&out, ',');
		*first = 0;
		/* from the key's opening quote to the value's end */
		glean_buf_add(&out, jf.f[i].key - 1, (size_t)(jf.f[i].val +
		    jf.f[i].vallen - jf.f[i].key + 1));
	}
}

/* Leave out of doc (a whole document, not an error record) the members
 * --keep does not keep. */
static void
drop_unkept(json_t *doc)
{
	const char *key;
	json_t *v;
	void *tmp;

	if (!keep || capturing || is_error_record(doc))
		return;
	json_object_foreach_safe(doc, tmp, key, v) {
		if (!kept(key, strlen(key)))
			json_object_del(doc, key);
	}
}

/* Call the stage's function; tail gets a tail stage's JSON text. */
static int
call_stage(const struct glean_stage *st, json_t *doc, struct glean_buf *tail,
    char **err)
{
	const char *const *w;
	int rc;

	glean_buf_reset(tail);
	if (!st->process_tail)
		return st->process(doc, st->ctx, err);
	for (w = st->writes; w && *w; w++)
		json_object_del(doc, *w);
	marks.tail = tail;
	marks.n = 0;
	marks.ascending = 1;
	rc = st->process_tail(doc, st->ctx, tail, err);
	marks.tail = NULL;
	if (rc == 0)
		return 0;
	glean_buf_reset(tail);
	return -1;
}


/* Write one raw field "key":value after a separator; a long value is
 * written from the line itself (FROM_LINE). */
static void
add_raw_field(const struct glean_jfield *f, int *first)
{
	int inline_value = f->vallen < FROM_LINE ||
	    nfromline == MAX_FROM_LINE || capturing;
	size_t koff;
	char *o;

	/* ,"key": and, in the common case, the value, in one piece */
	o = glean_buf_reserve(&out, f->keylen + 4 +
	    (inline_value ? f->vallen : 0));
	if (!*first)
		*o++ = ',';
	*first = 0;
	*o++ = '"';
	koff = (size_t)(o - out.s);
	memcpy(o, f->key, f->keylen);
	o += f->keylen;
	*o++ = '"';
	*o++ = ':';
	out.len = (size_t)(o - out.s);
	if (inline_value) {
		memcpy(o, f->val, f->vallen);
		out.len += f->vallen;
		out.s[out.len] = '\0';
		note_field(koff, f->keylen, out.len - f->vallen);
		return;
	}
	out.s[out.len] = '\0';
	close_stretch();
	segs[nsegs].off = 0;
	segs[nsegs].len = f->vallen;
	segs[nsegs].held = 0;
	segs[nsegs++].line = f->val;
	nfromline++;
}

void
glean_buf_add_json(struct glean_buf *b, json_t *v)
{
	json_dump_callback(v, dump_into_buf, b, JSON_COMPACT |
	    JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
}

static void
add_json_field(const char *key, json_t *v, int *first)
{
	json_t *k = json_string(key);
	size_t koff, voff;

	if (!*first)
		glean_buf_addc(&out, ',');
	*first = 0;
	koff = out.len + 1;	/* inside the quotes */
	json_dump_callback(k, dump_into_out, NULL, JSON_ENCODE_ANY);
	glean_buf_addc(&out, ':');
	voff = out.len;
	glean_buf_add_json(&out, v);
	note_field(koff, voff - 2 - koff, voff);
	json_decref(k);
}

/* The line being processed on the lazy path, for glean_field(). */
static struct {
	json_t *doc;
	const struct glean_jfields *jf;
	json_t **loaded;
} current;

static json_t *
decode_field(const struct glean_jfield *f)
{
	if (f->val[0] == '"')
		return glean_jstring_decode(f->val + 1, f->vallen - 2);
	return json_loadb(f->val, f->vallen, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL);	/* cannot fail: the scanner checked it */
}

/*
 * The "text" of the last line decoded in a fused chain (glean_stage_line),
 * with its JSON text: the next stage, given the same bytes, takes the
 * same value instead of decoding it again.  No stage of a chain changes a
 * string value in place (they set new values), so the value is as it was
 * decoded.  Stage programs (one stage a process) do not use it.
 */
static struct {
	int on;			/* in glean_stage_line */
	struct glean_buf raw;	/* the field's JSON text */
	json_t *v;		/* its value, one reference held here */
} chain_text;

/* The value of the field f (a "text" in a chain): chain_text's when it
 * is of the same JSON text, else decoded and kept there. */
static json_t *
decode_text(const struct glean_jfield *f)
{
	if (chain_text.v && chain_text.raw.len == f->vallen &&
	    memcmp(chain_text.raw.s, f->val, f->vallen) == 0)
		return json_incref(chain_text.v);
	json_decref(chain_text.v);
	chain_text.v = NULL;
	/* a huge text is not kept for the rest of the run */
	if (chain_text.raw.cap > (16u << 20))
		glean_buf_free(&chain_text.raw);
	glean_buf_reset(&chain_text.raw);
	glean_buf_add(&chain_text.raw, f->val, f->vallen);
	chain_text.v = decode_field(f);
	return json_incref(chain_text.v);
}

/* The index in the current line of field key (the last of duplicate
 * keys, as jansson keeps), or -1. */
static long
current_field(const char *key)
{
	size_t i, n = strlen(key);

	for (i = current.jf->n; i > 0; i--)
		if (current.jf->f[i - 1].keylen == n &&
		    memcmp(current.jf->f[i - 1].key, key, n) == 0)
			return (long)(i - 1);
	return -1;
}

json_t *
glean_field(json_t *doc, const char *key)
{
	json_t *v = json_object_get(doc, key);
	long i;

	if (v || doc != current.doc || (i = current_field(key)) < 0 ||
	    current.loaded[i])	/* loaded and then removed */
		return v;
	v = decode_field(&current.jf->f[i]);
	current.loaded[i] = v;
	json_object_set_new(doc, key, v);
	return v;
}

int
glean_drop_field(json_t *doc, const char *key)
{
	size_t i, n = strlen(key);
	int had = json_object_del(doc, key) == 0;

	if (doc != current.doc)
		return had;
	/* a field not decoded: marked loaded, and absent from doc, it is
	 * left out of the line as one the stage removed */
	for (i = 0; i < current.jf->n; i++)
		if (current.jf->f[i].keylen == n &&
		    memcmp(current.jf->f[i].key, key, n) == 0 &&
		    !current.loaded[i]) {
			current.loaded[i] = json_null();
			had = 1;
		}
	return had;
}

const char *
glean_field_text(json_t *doc, const char *key, size_t *len)
{
	static struct glean_buf text;
	json_t *v = json_object_get(doc, key);
	long i;

	if (!v && doc == current.doc && (i = current_field(key)) >= 0 &&
	    !current.loaded[i]) {
		*len = current.jf->f[i].vallen;
		return current.jf->f[i].val;
	}
	if (!v)
		return NULL;
	glean_buf_reset(&text);
	glean_buf_add_json(&text, v);
	*len = text.len;
	return text.s ? text.s : "";
}

/*
 * The lazy path: parse only the fields the stage reads, run it, and
 * splice its results into the line.  Returns 1 if rejected, 0 if done,
 * -1 if the line needs the full path (bad JSON, no text, odd keys).
 */
static int
process_lazy(const struct glean_stage *st, const char *line, size_t len,
    const char *name, long lineno)
{
	static struct glean_jfields jf;
	static struct glean_buf tail;
	json_t *doc, *v, **loaded;
	const char *key;
	char *err = NULL, *k;
	size_t i, left;
	int first = 1, has_text = 0, rc;


	if (given_fields(line, len, &jf) < 0)
		return -1;
	for (i = 0; i < jf.n; i++) {
		if (jf.f[i].key_escaped)
			return -1;
		if (jf.f[i].keylen == 4 && memcmp(jf.f[i].key, "text", 4) == 0)
			has_text = jf.f[i].val[0] == '"';
	}
	if (!has_text)
		return -1;
	doc = json_object();
	loaded = glean_calloc(jf.n, sizeof *loaded);
	for (i = 0; i < jf.n; i++) {
		const struct glean_jfield *f = &jf.f[i];

		if (!wanted(st, f->key, f->keylen) || (st->reads_on_demand &&
		    !is_key(f->key, f->keylen, "text") &&
		    !is_key(f->key, f->keylen, "errors")))
			continue;
		v = chain_text.on && is_key(f->key, f->keylen, "text") &&
		    f->val[0] == '"' ? decode_text(f) : decode_field(f);
		loaded[i] = v;
		json_object_setn_new(doc, f->key, f->keylen, v);
	}
	current.doc = doc;
	current.jf = &jf;
	current.loaded = loaded;
	rc = call_stage(st, doc, &tail, &err);
	current.doc = NULL;
	if (rc != 0) {
		glean_warn_at(name, lineno, "%s", err ? err : "failed");
		glean_add_error(doc, st->name, err ? err : "failed");
	}
	free(err);

	hold_room();
	glean_buf_addc(&out, '{');
	/* the members doc has left: none, and a field is not looked up */
	left = json_object_size(doc);
	for (i = 0; i < jf.n; i++) {
		const struct glean_jfield *f = &jf.f[i];

		if (in_list(st->writes, f->key, f->keylen))
			continue;	/* replaced by the tail */
		/* keys here hold no escape, so no NUL: the n-calls find
		 * what the NUL-terminated ones would */
		v = left ? json_object_getn(doc, f->key, f->keylen) : NULL;
		if (!kept(f->key, f->keylen)) {
			if (v) {
				json_object_deln(doc, f->key, f->keylen);
				left--;
			}
			continue;
		}
		if (!v) {
			if (!loaded[i])
				add_raw_field(f, &first);
			/* else: the stage removed it */
			continue;
		}
		if (unchanged(st, f, v, loaded[i])) {
			add_raw_field(f, &first);
		} else {
			k = glean_strndup(f->key, f->keylen);
			add_json_field(k, v, &first);
			free(k);
		}
		json_object_deln(doc, f->key, f->keylen);
		left--;
	}
	/* what the stage added */
	json_object_foreach(doc, key, v) {
		if (kept(key, strlen(key)))
			add_json_field(key, v, &first);
	}
	add_kept_tail(st, &tail, &first, 1);
	glean_buf_addc(&out, '}');
	line_done();
	free(loaded);
	json_decref(doc);
	return rc != 0;
}

/* Handle one line; returns 0 if fine, 1 if rejected.  unended: the
 * last line of the stream, without its newline. */
static int
process_line(const struct glean_stage *st, const char *line, size_t len,
    const char *name, long lineno, int unended)
{
	static struct glean_buf tail;
	json_error_t jerr;
	json_t *doc;
	char *err = NULL, *msg;
	int bad = 0;

	glean_buf_reset(&tail);
	if (st->reads && (bad = process_lazy(st, line, len, name, lineno)) >= 0)
		return bad;
	bad = 0;
	doc = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (!doc) {
		/* what a killed stage before this one leaves in the pipe */
		msg = unended ? glean_asprintf("truncated: the last line has "
		    "no newline and is not whole JSON (%s)", jerr.text) :
		    glean_asprintf("invalid JSON: %s", jerr.text);
		glean_warn_at(name, lineno, "%s", msg);
		doc = glean_error_record(st->name, name, lineno, line, len, msg);
		free(msg);
		bad = 1;
	} else if (!json_is_object(doc)) {
		msg = "not a JSON object";
		glean_warn_at(name, lineno, "%s", msg);
		json_decref(doc);
		doc = glean_error_record(st->name, name, lineno, line, len, msg);
		bad = 1;
	} else if (is_error_record(doc)) {
		/* reported by the stage that made it; pass it on */
	} else if (!json_is_string(json_object_get(doc, "text"))) {
		msg = "no \"text\" string in the document";
		glean_warn_at(name, lineno, "%s", msg);
		glean_add_error(doc, st->name, msg);
		bad = 1;
	} else if (call_stage(st, doc, &tail, &err) != 0) {
		glean_warn_at(name, lineno, "%s", err ? err : "failed");
		glean_add_error(doc, st->name, err ? err : "failed");
		bad = 1;
	}
	free(err);
	drop_unkept(doc);
	emit_with_tail(doc, st, &tail);
	json_decref(doc);
	return bad;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static int run_lines(glean_line_fn *fn, void *arg,
    const struct glean_opts *o, struct glean_lines *lr, const char *name,
    long lineno, int *status);

/*
 * Run stage st over one input line as glean_run_stream does (the same
 * checks, diagnostics and error records), with the line it writes put in
 * *into (reset first; no newline) instead of the output, for a fused
 * chain to hand to the next stage; into NULL: to the output, as
 * glean_run.  *into is left empty when the stage writes no line.
 * Returns 0, or 1 when the line was rejected.
 */
int
glean_stage_line(const struct glean_stage *st, const char *line, size_t len,
    const char *name, long lineno, int unended, struct glean_buf *into)
{
	struct glean_buf pending = out;
	int bad;

	chain_text.on = 1;
	if (!into) {
		bad = process_line(st, line, len, name, lineno, unended);
		chain_text.on = 0;
		return bad;
	}
	/* the line is made in out alone (no segments: see capturing), so
	 * into stands in for out while it is made */
	out = *into;
	glean_buf_reset(&out);
	made.n = made.tailoff = 0;
	made.valid = 1;
	capturing = 1;
	bad = process_line(st, line, len, name, lineno, unended);
	chain_text.on = 0;
	note_tail_fields(st);
	capturing = 0;
	*into = out;
	out = pending;
	/* the next stage reads into without scanning it again */
	given.valid = 0;
	if (made.valid && into->len) {
		struct line_fields t = given;

		given = made;
		made = t;
		given.line = into->s;
		given.len = into->len;
	}
	return bad;
}

/* glean_line_fn of a lone stage: the line through process_line. */
static int
stage_line(void *stage, const char *line, size_t len, const char *name,
    long lineno, int unended)
{
	return process_line(stage, line, len, name, lineno, unended);
}

/* The lines of the open stream fp through fn, as run_lines: by its
 * descriptor when nothing was read through fp (an operand opened here),
 * else through stdio (what the caller had read may be in its buffer). */
static int
run_file(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    FILE *fp, int untouched, const char *name, int *status)
{
	struct glean_lines lr;
	int rc;

	if (untouched && fileno(fp) >= 0)
		glean_lines_init(&lr, fileno(fp), -1, -1);
	else
		glean_lines_init_stream(&lr, fp);
	rc = run_lines(fn, arg, o, &lr, name, 0, status);
	glean_lines_free(&lr);
	return rc;
}

int
glean_run_stream(const struct glean_stage *st, const struct glean_opts *o,
    FILE *fp, const char *name, int *status)
{
	return run_file(stage_line, (void *)st, o, fp, 0, name, status);
}

/*
 * The lines of lr through fn (given arg), numbered from lineno + 1;
 * blank ones skipped, a byte order mark before the first line of a
 * file dropped.  Adds to *status; -1 when --strict asks to stop.
 */
static int
run_lines(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    struct glean_lines *lr, const char *name, long lineno, int *status)
{
	char *line;
	size_t len;
	int stop = 0, unended;

	while (!stop && (line = glean_lines_next(lr, &len, &unended))) {
		lineno++;
		/* a byte order mark before the first document is no part
		 * of it */
		if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF",
		    3) == 0) {
			line += 3;
			len -= 3;
		}
		if (blank(line, len))
			continue;
		if (fn(arg, line, len, name, lineno, unended)) {
			if (*status < GLEAN_EXIT_REJECT)
				*status = GLEAN_EXIT_REJECT;
			if (o && o->strict)
				stop = 1;
		}
	}
	if (lr->err) {
		errno = lr->err;
		glean_warn_at(name, 0, "read error:");
		if (*status < GLEAN_EXIT_REJECT)
			*status = GLEAN_EXIT_REJECT;
	}
	return stop ? -1 : 0;
}

int
glean_run_range(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    int fd, const char *name, off_t start, off_t end, long first_line,
    int *status)
{
	struct glean_lines lr;
	int rc;

	glean_lines_init(&lr, fd, start, end);
	rc = run_lines(fn, arg, o, &lr, name, first_line - 1, status);
	glean_lines_free(&lr);
	glean_flush();
	return rc;
}

/* Open an operand; NULL (reported) if it cannot be read as a stream. */
static FILE *
open_operand(const char *path)
{
	struct stat sb;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if (!(fp = fopen(path, "r"))) {
		glean_warn_at(path, 0, "cannot open:");
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		glean_warn_at(path, 0, "is a directory");
		fclose(fp);
		return NULL;
	}
	return fp;
}

/* Ask for a bigger pipe if fd is one; where that fails, nothing is lost. */
static void
widen_pipe(int fd)
{
	struct stat sb;

	if (fstat(fd, &sb) == 0 && S_ISFIFO(sb.st_mode))
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES);
}

void
glean_stream_setup(const struct glean_opts *o)
{
	if (o && o->unbuffered)
		glean_set_unbuffered(1);
	widen_pipe(STDIN_FILENO);
	widen_pipe(STDOUT_FILENO);
}

int
glean_run(const struct glean_stage *st, const struct glean_opts *o,
    int argc, char **argv)
{
	return glean_run_lines(stage_line, (void *)st, o, argc, argv);
}

int
glean_run_lines(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    int argc, char **argv)
{
	static char dash[] = "-";
	static char *just_stdin[] = { dash };
	int i, status = GLEAN_EXIT_OK;
	FILE *fp;

	glean_stream_setup(o);
	if (argc == 0) {
		argc = 1;
		argv = just_stdin;
	}
	for (i = 0; i < argc; i++) {
		if (!(fp = open_operand(argv[i]))) {
			status = GLEAN_EXIT_REJECT;
			continue;
		}
		if (run_file(fn, arg, o, fp, 1,
		    fp == stdin ? "<stdin>" : argv[i], &status) < 0) {
			if (fp != stdin)
				fclose(fp);
			break;
		}
		if (fp != stdin)
			fclose(fp);
	}
	glean_flush();
	return status;
}

int
glean_read_file(const char *path, char **data, size_t *len)
{
	struct glean_buf b = { 0 };
	struct stat sb;
	char chunk[65536];
	size_t n;
	FILE *fp;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!fp)
		return -1;
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if (fp != stdin)
			fclose(fp);
		errno = EISDIR;
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		glean_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		int saved = errno;

		if (fp != stdin)
			fclose(fp);
		glean_buf_free(&b);
		errno = saved ? saved : EIO;
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	if (!b.s)
		glean_buf_add(&b, "", 0);
	*data = b.s;
	*len = b.len;
	return 0;
}
