/* See LICENSE file for copyright and license details. */
/*
 * main.c - glean-merge: options, inputs, the record.
 */

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "merge.h"

/*
 * merge's memory is many small blocks that live until the record is
 * written (tens of MB for a big stream), and each 4 KiB page of it first
 * touched costs a page fault: a tenth of the run.  So the heap grows in
 * steps of HEAP_STEP and each new part is marked for transparent huge
 * pages (heap_huge), a fault per 2 MiB where the kernel has them (where
 * it has not, madvise changes nothing).  16 MB: with 32 the one-document
 * test of a million sources (adv-merge 16.5) held 72 MB instead of 53,
 * close to its bound; with 16, 57 MB, and still a tenth of the faults.
 * Blocks below the largest mmap threshold come from the heap too, and
 * the heap is never trimmed: what is freed is reused without new faults.
 * Only speed changes.
 */
#define HEAP_STEP ((size_t)16 << 20)

static uintptr_t heap_done;	/* the heap's end already marked */

static void
heap_setup(void)
{
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	mallopt(M_TOP_PAD, (int)HEAP_STEP);
	heap_done = (uintptr_t)sbrk(0);
}

/* Mark the heap grown since the last call for huge pages: called
 * between lines (sbrk(0) only reads glibc's note of the heap's end). */
void
heap_huge(void)
{
	uintptr_t top = (uintptr_t)sbrk(0), from;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);

	if (top <= heap_done || top == (uintptr_t)-1)
		return;
	from = heap_done & ~(uintptr_t)(pg - 1);
	madvise((void *)from, top - from, MADV_HUGEPAGE);
	heap_done = top;
}

enum { OPT_PRETTY = GLEAN_OPT_FIRST_FREE, OPT_READS };

/* --pretty and -t DIR into the struct merge ctx; --reads answers and
 * exits. */
static int
option(void *ctx, int ch, const char *arg)
{
	struct merge *mg = ctx;

	switch (ch) {
	case OPT_PRETTY:
		mg->pretty = 1;
		return 1;
	case 't':
		mg->tables.dir = arg;
		return 1;
	case OPT_READS:
		print_reads(stdout);
		exit(fclose(stdout) == 0 ? GLEAN_EXIT_OK : GLEAN_EXIT_FATAL);
	}
	return 0;
}

/*
 * Read the operands argv[first..argc) (standard input when there are
 * none, or for "-") into m.  Returns 0, or non-zero when a file could not
 * be opened or a line was rejected.
 */
static int
read_inputs(struct merge *mg, int first, int argc, char *argv[])
{
	int i, status = 0;
	FILE *fp;

	if (first == argc)
		status |= read_stream(mg, stdin, "<stdin>");
	for (i = first; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			status |= read_stream(mg, stdin, "<stdin>");
			continue;
		}
		if (!(fp = fopen(argv[i], "r"))) {
			glean_warn("%s:", argv[i]);
			status = 1;
			continue;
		}
		status |= read_stream(mg, fp, argv[i]);
		fclose(fp);
		if (status && mg->opts.strict)
			break;
	}
	return status;
}

/* Give back what is left of m's memory once the record is written, and
 * leave m as new (a test harness runs main() more than once). */
static void
merge_free(struct merge *mg)
{
	struct glean_buf *bufs[] = { &mg->ecanon, &mg->etext, &mg->rest,
	    &mg->key };
	struct glean_arena *arenas[] = { &mg->scratch, &mg->item, &mg->keys,
	    &mg->keep, &mg->pendmem };
	size_t i;

	for (i = 0; i < sizeof(arenas) / sizeof(*arenas); i++)
		glean_arena_free(arenas[i]);
	for (i = 0; i < sizeof(bufs) / sizeof(*bufs); i++)
		glean_buf_free(bufs[i]);
	intern_free(&mg->docrefs);
	for (i = 0; i < NGROUP; i++)
		intern_free(&mg->attr_sets[i]);
	free(mg->fields.f);
	*mg = (struct merge){ .opts = GLEAN_OPTS_INIT };
}

/*
 * The run of glean-merge (struct glean_program's run): read the operands
 * into the struct merge ctx, write the record.  Returns 0, or 1 when a
 * file could not be read or a line was rejected.
 */
static int
run(void *ctx, const struct glean_opts *o, int argc, char **argv)
{
	struct merge *mg = ctx;
	int status;

	mg->opts = *o;
	heap_setup();
	mg->entry_set.arena = &mg->keep;
	status = read_inputs(mg, 0, argc, argv);
	record_write(mg);
	merge_free(mg);
	return status ? GLEAN_EXIT_REJECT : GLEAN_EXIT_OK;
}

static const struct option longopts[] = {
	{ "pretty", no_argument, NULL, OPT_PRETTY },
	{ "tables", required_argument, NULL, 't' },
	{ "reads", no_argument, NULL, OPT_READS },
	{ NULL, 0, NULL, 0 }
};
static struct merge merge = { .opts = GLEAN_OPTS_INIT };
/* Not a stream of documents: it reads no lexicons and runs its own
 * reader (run) over the operands. */
const struct glean_program glean_program_merge = {
	{ .name = "merge", .ctx = &merge },
	"[OPTION]... [FILE]...",
	"Merge annotated documents and knowledge records into one "
	"knowledge record.",
	"      --pretty        indent the record\n"
	"  -t, --tables DIR    also write inspections.tsv, money.tsv,\n"
	"                      people.tsv and quotes.tsv into DIR\n"
	"      --reads         print the fields of a document it reads "
	"and exit\n",
	"t:", longopts, option, NULL, NULL, .run = run
};

/* glean-merge [OPTION]... [FILE]...: see glean-merge(1). */
GLEAN_STAGE_MAIN(merge)
