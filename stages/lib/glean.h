/* See LICENSE file for copyright and license details. */
/*
 * glean.h - the small library shared by every glean stage: diagnostics,
 * dying allocators, command-line conventions, the JSON Lines document
 * stream, code-point offsets, TSV lexicons, and thin wrappers over pcre2,
 * utf8proc and libstemmer.  Everything exported starts with glean_.
 */
#ifndef GLEAN_H
#define GLEAN_H

#define PCRE2_CODE_UNIT_WIDTH 8

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <getopt.h>
#include <jansson.h>
#include <pcre2.h>

/* Exit statuses shared by every program (see EXIT STATUS in the man pages). */
enum {
	GLEAN_EXIT_OK = 0,	/* all input read, all records processed */
	GLEAN_EXIT_REJECT = 1,	/* some file unreadable or some record rejected */
	GLEAN_EXIT_FATAL = 2	/* usage, lexicon, memory or write error */
};

/* ---- diagnostics (diag.c) ---------------------------------------------- */

/* Program name used as the prefix of every diagnostic ("glean-tokenize"). */
extern const char *glean_prog;

/* Remember argv[0]'s base name as glean_prog. */
void glean_setprog(const char *argv0);

/*
 * "prog: message" on stderr.  A format ending in ':' gets ": strerror(errno)"
 * appended, as sbase's eprintf does.
 */
void glean_warn(const char *fmt, ...);

/* glean_warn, then exit(status). */
_Noreturn void glean_die(int status, const char *fmt, ...);

/* "prog: file:line: message" on stderr; line 0 omits the line number. */
void glean_warn_at(const char *file, long line, const char *fmt, ...);

/* ---- allocation (alloc.c): these never return NULL; they die with 2 ----- */

void *glean_malloc(size_t n);
void *glean_calloc(size_t nmemb, size_t size);
void *glean_realloc(void *p, size_t n);
char *glean_strdup(const char *s);
char *glean_strndup(const char *s, size_t n);
/* printf into a fresh string; caller frees. */
char *glean_asprintf(const char *fmt, ...);
/*
 * Room for one more element in array p of *cap elements of size bytes,
 * n of them in use: when n == *cap, *cap doubles (16 at first) and p is
 * reallocated.  Returns the array.
 */
void *glean_grow(void *p, size_t n, size_t *cap, size_t size);
/*
 * Free what a table's rows own: in each of the n rows of size bytes at
 * rows, the pointers at byte offsets fields[0..nfields) (offsetof; for
 * an array of strings, one field at 0).  glean_free_table then frees
 * rows and owner (the struct holding them; either may be NULL).
 */
void glean_free_fields(void *rows, size_t n, size_t size,
    const size_t *fields, size_t nfields);
void glean_free_table(void *owner, void *rows, size_t n, size_t size,
    const size_t *fields, size_t nfields);

/* ---- growable byte buffer (buf.c) -------------------------------------- */

struct glean_buf {
	char *s;	/* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};

void glean_buf_add(struct glean_buf *b, const char *s, size_t n);
void glean_buf_addc(struct glean_buf *b, int c);
void glean_buf_addcp(struct glean_buf *b, int32_t cp);	/* UTF-8 encode */
/*
 * s[0..n) as a quoted JSON string, escaped as jansson's dump escapes it
 * (\" \\ \b \f \n \r \t, other controls \u00XX upper case), so that a
 * layer written as text is the bytes jansson would write.  The one JSON
 * string writer: every stage that writes JSON text calls it.
 */
void glean_buf_addjstr(struct glean_buf *b, const char *s, size_t n);
/* The same without the quotes, for a writer that puts them itself. */
void glean_buf_addjesc(struct glean_buf *b, const char *s, size_t n);
void glean_buf_reset(struct glean_buf *b);		/* len = 0, keep storage */
/*
 * Room in b for extra more bytes and its NUL: returns b's end, where the
 * caller writes before moving b->len on (a writer of many small pieces
 * reserves once for all of them).  glean_buf_grow is its rare path: the
 * storage doubled until it holds want bytes; fatal when memory runs out,
 * as glean_realloc.
 */
void glean_buf_grow(struct glean_buf *b, size_t want);
static inline char *
glean_buf_reserve(struct glean_buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		glean_buf_grow(b, b->len + extra + 1);
	return b->s + b->len;
}
void glean_buf_free(struct glean_buf *b);

/* ---- command line (cli.c) ----------------------------------------------- */

/* Options every stage takes.  Fill with GLEAN_OPTS_INIT. */
struct glean_opts {
	const char *lexdir;	/* -L DIR (see glean_lexdir) */
	int strict;		/* --strict: stop at the first bad record */
	int unbuffered;		/* --unbuffered: flush after every record */
	int show_lexdir;	/* --lexicon-folder: print it and exit */
};
#define GLEAN_OPTS_INIT { NULL, 0, 0 }

enum { GLEAN_OPT_STRICT = 0x1000, GLEAN_OPT_UNBUFFERED, GLEAN_OPT_LEXDIR,
    GLEAN_OPT_FIRST_FREE };

/* Put these first in a stage's getopt_long tables. */
#define GLEAN_SHORTOPTS "hVL:"
#define GLEAN_LONGOPTS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "lexicons", required_argument, NULL, 'L' }, \
	{ "strict", no_argument, NULL, GLEAN_OPT_STRICT }, \
	{ "unbuffered", no_argument, NULL, GLEAN_OPT_UNBUFFERED }, \
	{ "lexicon-folder", no_argument, NULL, GLEAN_OPT_LEXDIR }

/* Help text lines for the common options, for a stage's usage(). */
#define GLEAN_COMMON_HELP \
	"  -L, --lexicons DIR  read word lists from DIR\n" \
	"      --strict        stop at the first bad record\n" \
	"      --unbuffered    flush output after every record\n" \
	"      --lexicon-folder  print the lexicon folder in use and exit\n" \
	"  -h, --help          show this help and exit\n" \
	"  -V, --version       show the version and exit\n"

/*
 * Handle one getopt_long result if it is a common option: returns 1 when
 * handled, 0 when it is the stage's own.  -h calls usage(0), -V prints the
 * version and exits 0, '?' calls usage(2).
 */
int glean_common_option(int c, const char *arg, struct glean_opts *o,
    void (*usage)(int status));

/*
 * The lexicon folder: -L, else $GLEAN_LEXICONS, else the source tree's
 * lexicons/ for a program in its build folder, else the installed ones
 * (DATADIR, or share/glean beside a program installed elsewhere).  Exits
 * 2 with one line when that folder cannot be read; with --lexicon-folder
 * prints it and exits 0.
 */
const char *glean_lexdir(const struct glean_opts *o);

/* ---- document stream (stream.c) ---------------------------------------- */

/*
 * A stage's pure per-document function.  doc is a JSON object with a
 * string "text" (checked before the call); it adds or replaces its own
 * field in place.  Returns 0, or -1 with *err set to a message (malloc'd,
 * freed by the caller) when the document cannot be processed; the document
 * is then passed on with the message appended to its "errors".
 */
typedef int glean_doc_fn(json_t *doc, void *ctx, char **err);

/*
 * The same for a stage whose layer is big (the tokens): building it as
 * jansson values costs more than computing it, so the stage appends its
 * members to tail as JSON text, without braces or a leading comma:
 * "sentences":[...],"tokens":[...].  tail is empty on entry; on failure
 * it is ignored.
 */
typedef int glean_tail_fn(json_t *doc, void *ctx, struct glean_buf *tail,
    char **err);

/*
 * Called by a glean_tail_fn: a member of its tail (a "key":value its
 * writes list names) starts at tail->s[at], the key's opening quote; the
 * key holds no escape.  A tail whose members are all marked, in order,
 * is not scanned again in a fused chain to find them for the next stage;
 * a tail with no mark is scanned unless the stage writes one field, which
 * is then its tail's only member.  Ignored for any other buffer than the
 * tail of the stage call in progress.
 */
void glean_tail_member(const struct glean_buf *tail, size_t at);

struct glean_stage {
	const char *name;	/* "tokenize": names the stage in error records */
	glean_doc_fn *process;
	void *ctx;
	/*
	 * NULL: process() gets the whole document.  Otherwise a NULL-ended
	 * list of the fields process() reads ("text" is always given): the
	 * others are not parsed but copied through as they are, which saves
	 * most of the JSON work in late stages.  Whatever process() sets
	 * (new fields, or replacements of unread ones) is written in place.
	 */
	const char *const *reads;
	/* Optional, in place of process: see glean_tail_fn.  The fields
	 * named in writes (NULL-ended) are dropped from the input, so a
	 * re-run replaces them. */
	glean_tail_fn *process_tail;
	const char *const *writes;
	/*
	 * 1: process() never changes a field it reads in place (it may set a
	 * new value).  Read fields it leaves alone are then copied through as
	 * they came instead of being written out again, which is most of the
	 * JSON cost of a stage that reads a big layer such as entities.
	 */
	int reads_unchanged;
	/*
	 * 1: the fields in reads (other than "text" and "errors") are not
	 * decoded before process() runs but when it asks for them with
	 * glean_field(): for a stage that needs its layers in few documents
	 * and can tell which from the text.
	 */
	int reads_on_demand;
};

/*
 * The field key of doc.  For a stage that reads on demand, decoded from
 * the line on first use; otherwise the same as json_object_get().
 */
json_t *glean_field(json_t *doc, const char *key);

/*
 * Remove the field key from doc, on the lazy path without decoding it
 * (for a stage that makes the layers of later stages stale).  Returns 1
 * when there was such a field, else 0.
 */
int glean_drop_field(json_t *doc, const char *key);

/*
 * The field key of doc as JSON text, for a stage that reads it without
 * jansson values: on the lazy path of a stage that reads on demand, the
 * bytes of the line as they came (not decoded); otherwise the value
 * written out compact.  Valid until the next call or the next document;
 * NULL when doc has no such field.
 */
const char *glean_field_text(json_t *doc, const char *key, size_t *len);

/*
 * Append the JSON text of v to b as the stream writes a value a stage
 * sets (compact, any value, reals to 15 digits): for a tail stage that
 * makes part of its layer as a jansson value.
 */
void glean_buf_add_json(struct glean_buf *b, json_t *v);

/*
 * Run a stage over the file operands (none or "-" is stdin), one JSON
 * object per line.  A line that is not a document (bad JSON, not an
 * object, no string "text") is reported as "prog: FILE:LINE: message" and
 * replaced by an error record (see glean_error_record) so nothing is lost.
 * Error records of earlier stages (no "text", an "errors" array) pass
 * through untouched.  Returns the exit status.
 */
int glean_run(const struct glean_stage *st, const struct glean_opts *o,
    int argc, char **argv);

/*
 * Same, over one open stream, read through stdio a line at a time (what
 * the caller read ahead and put back is taken first; a line is handled
 * as soon as it has come); name is used in diagnostics.  Adds to
 * *status (max) and returns -1 when --strict asks to stop.
 */
int glean_run_stream(const struct glean_stage *st, const struct glean_opts *o,
    FILE *fp, const char *name, int *status);

/*
 * One line of a stream, for glean_run_lines: the line (without its
 * newline, a leading byte order mark removed, never blank), the name of
 * its file and its number there; unended: the stream's last line, which
 * had no newline.  Returns 0, or 1 when the line was rejected.
 */
typedef int glean_line_fn(void *arg, const char *line, size_t len,
    const char *name, long lineno, int unended);

/*
 * glean_run with fn (given arg) in place of a stage: the file operands
 * opened, read and reported as glean_run does, each line handed to fn.
 * For a program that runs several stages over each line (glean-chain).
 * Returns the exit status; the output is flushed.
 */
int glean_run_lines(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    int argc, char **argv);

/* What glean_run_lines does before it reads: --unbuffered taken, pipes
 * on stdin and stdout made bigger. */
void glean_stream_setup(const struct glean_opts *o);

/*
 * Write each document with only the fields named in fields (a
 * NULL-terminated list the caller keeps; NULL, the default: all), for a
 * reader that needs no more (glean-chain --keep).  Only the lines the
 * last stage writes out are cut: between the stages of a fused chain
 * every field goes on.  Error records are written whole.
 */
void glean_stream_keep(const char *const *fields);

/*
 * The same over the lines in bytes [start, end) of the open file fd (a
 * part of a file cut at line starts, for one worker of a fused run),
 * named name in diagnostics, first_line being the number of its first
 * line in the file.  Adds to *status (max); returns -1 when --strict asks
 * to stop, else 0.  The output is flushed.
 */
int glean_run_range(glean_line_fn *fn, void *arg, const struct glean_opts *o,
    int fd, const char *name, off_t start, off_t end, long first_line,
    int *status);

/* Called in a worker of glean_run_parts before each of its parts, with
 * the number of lines before the part that are not blank: what a later
 * stage of a chain would have read. */
typedef void glean_part_fn(void *arg, long nonblank_before);

/*
 * fn (given arg) over the lines of the regular file path in jobs worker
 * processes forked from this one (after its lexicons are loaded), each
 * running parts of the file cut at line starts; the output is what
 * glean_run_lines writes over the file, in the same order, diagnostics
 * naming path and the line's number in it.  restart (optional) is
 * called before each part.  Adds to *status (max; 2 when a worker ended
 * before its parts were done).  Returns -1, having done nothing, when
 * path is not a regular file or too small to cut in two, else 0.
 * Not for --strict: a worker cannot stop the others' parts.
 */
int glean_run_parts(glean_line_fn *fn, void *arg, glean_part_fn *restart,
    const struct glean_opts *o, const char *path, int jobs, int *status);

/*
 * Run stage st over one line as glean_run does (the same checks,
 * diagnostics naming name and lineno, error records), the line it writes
 * put in *into (reset first, without its newline) instead of the output:
 * the in-memory step of a fused chain (into NULL: written to the output
 * as glean_run writes it).  *into stays empty when the stage writes no
 * line.  Returns 0, or 1 when the line was rejected.  The
 * program's other output must be whole lines (as glean_emit leaves it).
 */
int glean_stage_line(const struct glean_stage *st, const char *line,
    size_t len, const char *name, long lineno, int unended,
    struct glean_buf *into);

/*
 * An error record in place of a line that could not be read as a
 * document: {"id", "source", "line", "raw", "errors": [{"stage","message"}]}.
 * raw is the line itself with invalid UTF-8 replaced by U+FFFD.
 * id is taken from the raw line when it can be found, else
 * "<file>:<line>".  Caller owns the result.
 */
json_t *glean_error_record(const char *stage, const char *file, long line,
    const char *raw, size_t rawlen, const char *message);

/* Append {"stage","message"} to doc's "errors" array (created if absent). */
void glean_add_error(json_t *doc, const char *stage, const char *message);

/*
 * Write one document as one compact line.  Output is buffered and handed
 * to the kernel only in whole lines; a pipe may still take a long line in
 * pieces, so a killed stage can leave part of one, which the next reader
 * makes a "truncated" error record.  A write error is fatal (exit 2).
 */
void glean_emit(json_t *doc);
void glean_emit_line(const char *s, size_t n);	/* s without its newline */
/* Flush pending whole lines; with --unbuffered glean_emit does it itself. */
void glean_flush(void);
void glean_set_unbuffered(int on);

/* Read a whole file (or stdin for "-") into memory; -1 and errno on failure. */
int glean_read_file(const char *path, char **data, size_t *len);

/* ---- input lines, read in blocks (lines.c) ------------------------------ */

/* Blocks are read this big at least: a read system call per 256 KB. */
#define GLEAN_LINES_BLOCK (256 * 1024)

struct glean_lines {
	int fd;
	off_t off;	/* where the next pread reads; -1: read() */
	off_t stop;	/* the range's end for pread; -1: the file's */
	char *buf;
	size_t cap, start, end;	/* the bytes not handed out: [start, end) */
	size_t scanned;	/* [start, scanned) holds no newline */
	int eof, err;	/* err: errno of a read error, else 0 */
	FILE *fp;	/* not NULL: read through stdio, a line at a time */
	char *tmp;	/* fp's line, as getline reads it */
	size_t tmpcap;
};

/*
 * Read the lines of fd: with start < 0 by read(), from where the file
 * offset is (a pipe); else by pread() from start to end (end < 0: to the
 * end of the file), without moving the file offset, so that processes
 * sharing the open file can each read a part.  Nothing is read yet.
 */
void glean_lines_init(struct glean_lines *lr, int fd, off_t start, off_t end);
/* The same through the stdio stream fp, a line at a time (each line
 * copied once more): for one the caller has read from (its buffer may
 * hold bytes) or without a descriptor (fmemopen). */
void glean_lines_init_stream(struct glean_lines *lr, FILE *fp);

/*
 * The next line, in place in lr's buffer, its newline (if it had one)
 * made a NUL; *len its bytes, *unended 1 when it is the last and had no
 * newline.  Valid until the next call.  NULL at the end of the input or
 * of the range, and on a read error (lr->err is then set).
 */
char *glean_lines_next(struct glean_lines *lr, size_t *len, int *unended);
void glean_lines_free(struct glean_lines *lr);

/* ---- a stage program's main (program.c) -------------------------------- */

/*
 * A stage program as glean_main runs it: its stream function and how to
 * set it up.  Help is printed as "usage: PROG synopsis", about, a blank
 * line, the stage's own option lines (help) and the common ones.
 */
struct glean_program {
	struct glean_stage stage;	/* stage.ctx is handed to the hooks */
	const char *synopsis;	/* "[-u] [OPTION]... [FILE]..." */
	const char *about;	/* what it does, one or two lines */
	const char *help;	/* its own options, GLEAN_COMMON_HELP's form,
				 * or NULL */
	const char *shortopts;	/* its own short options, or NULL */
	const struct option *longopts;	/* its own, NULL-ended, or NULL */
	/* Take the stage's own option ch with argument arg; 0 when ch is
	 * not one of them.  NULL: it has none. */
	int (*option)(void *ctx, int ch, const char *arg);
	/* Load the lexicons from lexdir into ctx; fatal on error. */
	void (*init)(void *ctx, const char *lexdir);
	void (*fini)(void *ctx);	/* free what init made, or NULL */
	/* For a program that is not a stream of documents (glean-merge):
	 * run over the file operands in place of glean_run and return the
	 * exit status.  NULL for a stage.  Such a program may read no
	 * lexicons (init NULL: no lexicon folder is looked for). */
	int (*run)(void *ctx, const struct glean_opts *o, int argc,
	    char **argv);
	/* Print its own usage (help when status is 0) and exit status;
	 * NULL: the form above. */
	void (*usage)(int status);
};

/*
 * main() of a stage: options (-h, -V, -L, --strict... and the stage's
 * own), lexicons (p->init), glean_run (or p->run) over the file
 * operands, p->fini, then stdout flushed, closed and checked.  Returns
 * the exit status (a write error on stdout is fatal, 2).
 */
int glean_main(const struct glean_program *p, int argc, char **argv);
/* glean_main but for closing stdout (glean_finish): for a caller that
 * keeps stdout, such as a test harness running main() again. */
int glean_program_run(const struct glean_program *p, int argc, char **argv);

/* main() of a stage program whose descriptor is glean_program_NAME: one
 * definition for every stage, so they cannot drift. */
#define GLEAN_STAGE_MAIN(NAME) \
	int main(int argc, char *argv[]) \
	{ return glean_main(&glean_program_##NAME, argc, argv); }

/*
 * The parts of glean_main for a program with a main() of its own (one
 * that is not a document stream: normalize, report, export).
 * glean_options parses argv as glean_main does (p->stage.ctx, p->option
 * and the usage only are used) and returns the index of the first
 * operand; glean_finish closes and checks stdout (a write error is
 * fatal, 2) and returns status.
 */
int glean_options(const struct glean_program *p, struct glean_opts *o,
    int argc, char **argv);
int glean_finish(int status);

/* ---- UTF-8 and code-point offsets (utf8.c) ------------------------------ */

/*
 * Offsets in the stream are code points; C works in bytes.  A glean_offsets
 * maps every byte offset of a valid UTF-8 text to its code-point offset
 * and back.  Build once per document; O(len) memory.
 */
struct glean_offsets {
	size_t nbytes, ncps;
	uint32_t *cp_of_byte;	/* nbytes + 1 entries */
	uint32_t *byte_of_cp;	/* ncps + 1 entries */
};

void glean_offsets_init(struct glean_offsets *m, const char *s, size_t n);
void glean_offsets_free(struct glean_offsets *m);
/* Byte offset -> code point; a byte inside a character maps to its start. */
size_t glean_cp(const struct glean_offsets *m, size_t byte);
/* Code point -> byte offset; clamps to the end. */
size_t glean_byte(const struct glean_offsets *m, size_t cp);

/* Number of code points in valid UTF-8 s[0..n). */
size_t glean_cp_count(const char *s, size_t n);

/* Is s[0..n) valid UTF-8 (no overlongs, no surrogates)? */
int glean_utf8_valid(const char *s, size_t n);

/*
 * Decode one code point at s[0..n); returns its length in bytes (>= 1),
 * with *cp = -1 for an invalid sequence (length 1 then).
 */
size_t glean_utf8_next(const char *s, size_t n, int32_t *cp);

/*
 * Case-fold s[0..n) (utf8proc, NFKC_Casefold-free simple fold + NFC).
 * Returns a fresh NUL-terminated string; *outlen gets its length.
 */
char *glean_casefold(const char *s, size_t n, size_t *outlen);

/* ---- lexicons (lexicon.c) ----------------------------------------------- */

/*
 * A TSV lexicon: lines of tab-separated fields; blank lines and lines
 * starting with '#' are skipped.  Fields are NUL-terminated copies.
 */
struct glean_row {
	size_t nf;
	char **f;
	long line;		/* line number in the file, for diagnostics */
};

struct glean_lexicon {
	char *path;
	size_t nrows;
	struct glean_row *rows;
};

/*
 * The next line of a TSV file that holds data, in *line (getline's
 * buffer): the newline (and a CR before it) stripped, empty lines and
 * '#' comments skipped; *lineno counts every line read.  Returns its
 * length, or -1 at the end of the file or on an error (ferror tells).
 */
ssize_t glean_tsv_line(char **line, size_t *cap, FILE *fp, long *lineno);

/*
 * Load lexdir/name.  Every row must have at least minfields fields.  A
 * missing file or a short row is fatal: "prog: PATH:LINE: message", exit 2.
 */
struct glean_lexicon *glean_lexicon_load(const char *lexdir, const char *name,
    size_t minfields);
void glean_lexicon_free(struct glean_lexicon *lx);

/* ---- sorted offsets (order.c) ------------------------------------------ */

/*
 * Sort key[0..n) ascending, equal keys in the order they came (a stable
 * sort), and set pos[k] to the index key[k] had before the sort: the
 * spans of a layer by start or end, ties in layer order.  pos has room
 * for n; n may be 0.
 */
void glean_sort_keys(size_t *key, size_t *pos, size_t n);

/* ---- pcre2 (regex.c) ---------------------------------------------------- */

/*
 * Compile a UTF-8 pattern once (PCRE2_UTF | PCRE2_UCP | flags) and JIT it.
 * A bad pattern is fatal (exit 2) and names what (e.g. the lexicon line).
 */
pcre2_code *glean_re_compile(const char *pattern, uint32_t flags,
    const char *what);

/*
 * The same without the JIT compilation, which glean_re_jitted() does at
 * the pattern's first use: for patterns most documents never need (the
 * JIT of a big alternation costs more than a thousand documents' work).
 * A bad pattern is still fatal here, before any input is read.
 */
pcre2_code *glean_re_compile_lazy(const char *pattern, uint32_t flags,
    const char *what);

/*
 * re (from glean_re_compile_lazy or glean_re_compile), JIT-compiled
 * first if it is not yet; match with what it returns.  After a fork each
 * process compiles for itself.  Where there is no JIT pcre2 refuses at
 * once, every time, and the interpreter matches.
 */
const pcre2_code *glean_re_jitted(const pcre2_code *re);

/*
 * Match re against s[0..n) from byte offset start.  Returns the number of
 * pairs in md (> 0) on a match, 0 on no match; errors other than no-match
 * are fatal.  md must come from glean_re_match_data(re).
 */
int glean_re_match(const pcre2_code *re, const char *s, size_t n,
    size_t start, pcre2_match_data *md);
pcre2_match_data *glean_re_match_data(const pcre2_code *re);

/*
 * The byte span [*s, *e) of the named group of the last match in md.
 * Returns 0 when the pattern has no such group or it did not take part.
 */
int glean_re_group(const pcre2_code *re, pcre2_match_data *md,
    const char *name, size_t *s, size_t *e);

/*
 * The byte span [*s, *e) of group number k in the ovector ov of nov
 * pairs (pcre2_get_ovector_pointer and _count of a match data), for a
 * caller that keeps group numbers or the ovector.  Returns 0 when k is
 * out of range (-1: a name the pattern lacks) or the group did not take
 * part.
 */
static inline int
glean_re_span(const PCRE2_SIZE *ov, uint32_t nov, int k, size_t *s,
    size_t *e)
{
	if (k < 0 || (uint32_t)k >= nov || ov[2 * k] == PCRE2_UNSET)
		return 0;
	*s = ov[2 * k];
	*e = ov[2 * k + 1];
	return 1;
}

/* ---- libstemmer (stem.c) ------------------------------------------------ */

/*
 * English Snowball stem of an already case-folded UTF-8 word.  Returns a
 * pointer to storage owned by the library, valid until the next call.
 */
const char *glean_stem(const char *word, size_t n, size_t *outlen);

#endif
