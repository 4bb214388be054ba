/* See LICENSE file for copyright and license details. */
/*
 * glean-merge - fold annotated documents and earlier knowledge records
 * into one knowledge record.
 *
 * merge.h - the private header of glean-merge's modules:
 *   main.c      options, inputs, the record
 *   read.c      lines of input: documents, records, rejected lines
 *   scan.c      a line's values checked and read in one pass
 *   document.c  an annotated document's layers into facts
 *   council.c   which council a fact belongs to, and its evidence
 *   record.c    knowledge records read back, value by value
 *   facts.c     subjects, facts and document entries
 *   sources.c   sources: interned, ordered, written
 *   write.c     the record, written as it is made
 *   tables.c    -t DIR: the TSV tables
 *   text.c      a document's text: offsets, slices, sentences
 *   json.c      JSON text written and walked
 *   map.c       string maps and interned strings
 *
 * Reads JSON Lines: documents (with "text" and the layers "entities",
 * "ratings", "money", "quotes"), error records of earlier stages, and
 * knowledge records ({"glean_record": 1, ...}, compact or --pretty).
 * Writes one record:
 *   {"glean_record": 1, "documents": [...], "subjects": [{name, code,
 *   kind, aliases, inspections, money, people, quotes, findings}],
 *   "conflicts": [...]}
 * The record is the whole state: every fact keeps every source with the
 * attributes it was read with, so merging records gives byte for byte
 * what merging their documents gives (sets, canonical order, no clock).
 * Conflicts are derived from the facts and recomputed on every merge.
 * Document texts are not kept: memory grows with facts only.
 *
 * The stream is large, so documents are read without jansson values:
 * the stream's scanner checks each line and the fields merge reads are
 * parsed into an arena emptied after each document (the big layers one
 * item at a time).  Facts are C structures, each source a few words
 * whose parts are interned, and the record is written as JSON text as
 * it is made, byte for byte what jansson would write.  Knowledge
 * records are read value by value; only lines that are not plain
 * documents (rare) take jansson's path.
 *
 * All state of a run is in one struct merge, made by main() and passed
 * on; a document being read is a struct rdoc.
 */

#ifndef GLEAN_MERGE_H
#define GLEAN_MERGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "glean.h"
#include "jscan.h"
#include "jv.h"
#include "spans.h"

#define RECORD_VERSION 1

/*
 * glean_buf_add and glean_buf_addc without a call when the bytes fit:
 * the record is written a few bytes at a time.
 */
static inline void
buf_add(struct glean_buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
	} else
		glean_buf_add(b, s, n);
}

static inline void
buf_addc(struct glean_buf *b, int c)
{
	if (b->len + 1 < b->cap) {
		b->s[b->len++] = (char)c;
		b->s[b->len] = '\0';
	} else
		glean_buf_addc(b, c);
}

/* v in decimal at p (room for 21 bytes); returns the end. */
static inline char *
put_dec_signed(char *p, long long v)
{
	if (v < 0)
		*p++ = '-';
	return glean_put_dec(p, v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v);
}

/*
 * n zeroed objects of size bytes in a (the document's scratch arena:
 * freed with it, which spares a calloc and a free per document); dies
 * when n * size overflows.
 */
static inline void *
arena_calloc(struct glean_arena *a, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		glean_die(GLEAN_EXIT_FATAL, "out of memory");
	p = glean_arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

/* Append the C string s to b (inline: most are literals, whose length
 * is known when compiling). */
static inline void
put(struct glean_buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* `"name":`, name being one of merge's own (nothing to escape). */
static inline void
put_key(struct glean_buf *b, const char *name)
{
	buf_addc(b, '"');
	buf_add(b, name, strlen(name));
	buf_add(b, "\":", 2);
}

/* Is the string s (not NULL) lit?  Most differ in the first byte,
 * which is looked at without a call. */
static inline int
str_is(const char *s, const char *lit)
{
	return s[0] == lit[0] && !strcmp(s, lit);
}

struct merge;

/* Open addressing on a power-of-two table; keys are owned copies, with
 * their hash and length (saturated at UINT32_MAX) beside them. */
struct slot {
	char *key;
	void *val;
	uint32_t hash, len;
};

struct map {
	struct slot *slot;
	size_t n, cap;
	struct glean_arena *arena;	/* where the keys are copied (not
					 * freed one by one), or NULL:
					 * malloc */
};

/*
 * A string to sort (sortkey_cmp: strcmp's order) with its object: its
 * first 8 * SORTKEY_WORDS bytes are in w, so that most compares read no
 * string (those sorted at the end are many and their texts cold).
 */
#define SORTKEY_WORDS 3
struct sortkey {
	uint64_t w[SORTKEY_WORDS];
	const char *s;
	void *obj;
};

/* A member of a compact JSON object, as text. */
struct member {
	const char *name;	/* the key's JSON text, quotes included */
	size_t namelen;
	const char *val;	/* the value's JSON text */
	size_t vallen;
};

/* A document id as sources sort by it and write it. */
struct docref {
	const char *key;	/* key_part(id): the order of sources; then,
				 * at key + json_at, the id as a JSON string */
	uint32_t json_at;
	uint32_t json_len;	/* the length of the id as a JSON string */
	uint32_t rank;		/* the place of key among all docrefs' keys
				 * (from 1) once the record is being written
				 * (docrefs_rank); 0 before */
};

/* What a fact groups its sources by (group_by): names of attributes. */
enum { G_WHEN, G_CONTEXT, G_ROLE, G_SPEAKER, NGROUP };

/* The attributes of a source other than doc, start and end. */
struct attrs {
	const char *json;	/* a compact JSON object, keys in byte order */
	size_t len;
	const char *val[2];	/* the grouping values, NULL when not strings */
};

/*
 * A source of a fact.  Sources sort by doc, start and end, then by the
 * canonical JSON of the whole source (canon_source), as the strings
 * key_part(doc), "%012lld" start and end, canonical JSON would sort:
 * the record's order does not depend on how sources are held.
 */
struct source {
	const struct docref *doc;
	const struct attrs *at;
	long long start, end;
};

/* A fact: its attributes, and its sources: a list while reading, sorted
 * and made a set when written. */
struct fact {
	char *a, *b;	/* R: area, grade; M: currency, per; P: name */
	double value;		/* M */
	struct source *src;
	size_t nsrc, cap;
	char *text;		/* Q, F: the text as written at textsrc */
	struct source textsrc;	/* doc NULL until there is a text */
};

/* The tables of facts of a subject. */
enum { T_R, T_M, T_P, T_Q, T_F, NTAB };

struct subject {
	char *name, *code, *kind;
	struct map aliases;	/* a set */
	struct map tab[NTAB];	/* fact key -> struct fact */
};

/* A distinct document entry: its canonical text, its id and how it is
 * written (tlen bytes). */
struct entry {
	char *canon, *id, *text;
	size_t tlen;
};

/*
 * Interned strings: a set of texts kept in key_arena, each with an
 * object of the caller's.  Open addressing on a power-of-two table.
 */
struct intern {
	struct ientry {
		uint64_t hash;
		const char *key;	/* NUL-terminated, in key_arena */
		size_t len;
		void *obj;
	} *t;
	size_t n, cap;
};

/*
 * A source of a fact of a document, waiting to be taken (facts.c,
 * pend_flush): its strings copied into the run's pendmem arena, the
 * hashes of its fact key and attributes worked out.  A document's facts
 * are many look-ups in tables too big for the cache, each a chain of
 * misses (slot, key, fact); taken a batch at a time, the misses of the
 * whole batch are asked for first (prefetched) and wait together.  Only
 * speed changes: the batch is taken in the order it was made, before
 * anything else reads the facts.
 */
#define PEND_MAX 32
struct pend {
	struct subject *s;
	int tab, group;
	const char *key;	/* the fact key */
	size_t klen;
	uint64_t khash;
	const char *json;	/* the attributes (struct attrs) */
	size_t jlen;
	uint64_t jhash;
	const char *gv[2];	/* their grouping values */
	const struct docref *doc;
	long long start, end;
	const char *text;	/* the fact's text here (fact_add), or NULL */
	/* a new fact's a, b and value (money's), when a is not NULL */
	const char *a, *b;
	double value;
};

/* The tables of --tables (tables.c). */
enum { TAB_I, TAB_M, TAB_P, TAB_Q, NTABLES };

struct tables {
	const char *dir;	/* --tables DIR, or NULL */
	FILE *fp[NTABLES];
	char *tmp[NTABLES];	/* the temporary paths, until renamed */
};

/*
 * A run of glean-merge: its options, the facts gathered so far and the
 * memory they live in.  One is made by main() and passed to every
 * function that reads or writes state: there is no other.
 */
struct merge {
	int pretty;			/* --pretty */
	struct glean_opts opts;
	struct tables tables;		/* --tables */
	/*
	 * Bump allocators (jv.h) save a malloc and a free per small
	 * string: scratch holds a document's values while reading (an
	 * inspection's while writing) and is emptied after each; item holds
	 * the one lazy layer item read; keys holds the interned parts of
	 * sources until the record is written.
	 */
	struct glean_arena scratch, item, keys;
	/* keep holds what lives until the record is written and is freed
	 * at once: document entries, the keys of entry_set and the
	 * subjects' maps, and facts */
	struct glean_arena keep;
	struct glean_buf ecanon, etext;	/* a document entry, being made */
	struct map entry_set;		/* canonical text -> struct entry: one
					 * look-up per document, however many
					 * share its id */
	struct map subjects;		/* subject key -> struct subject */
	struct map amounts;		/* an amount's bits -> struct amount */
	struct intern docrefs;		/* id -> struct docref */
	const char *last_id;		/* the id docref() last gave (its
					 * interned copy), and its docref: a
					 * document's sources come together */
	const struct docref *last_ref;
	/* the document being read: its id (the caller's pointer, which
	 * its sources all pass) and docref, once asked for; NULL between
	 * documents, as a freed id's pointer may come again */
	const char *doc_id;
	const struct docref *doc_ref;
	struct subject *unknown_s;	/* the subject "unknown", once needed */
	struct intern attr_sets[NGROUP]; /* JSON -> struct attrs */
	struct glean_jfields fields;	/* the fields of the line being read */
	struct glean_buf rest;		/* a source's attributes, being made */
	struct glean_buf key;		/* a key being made: a docref's, an
					 * amount's fact's, a quote's normtext */
	struct glean_buf conflicts;	/* the conflicts, comma-separated */
	struct glean_buf *spill_buf;	/* written out as it fills, or NULL */
	struct pend pend[PEND_MAX];	/* facts' sources to take */
	size_t npend;
	struct glean_arena pendmem;	/* their strings */
};

/* An attribute of a source read from a document. */
struct attr {
	const char *name;
	enum glean_jv_type type;	/* GLEAN_JV_ STR, NULL, TRUE or INT */
	const char *s;
	long long i;
};

/* Room for a source's own attributes and doc, start and end. */
#define MAX_ATTRS 12

struct ment {
	size_t s, e;		/* code points */
	const char *name, *code, *text;
	size_t bs;		/* byte offset of s */
};

/*
 * Code point -> byte offsets in a text, the one direction merge needs.
 * A code point's byte offset is its index plus the UTF-8 continuation
 * bytes before it, so the map holds the runs of those bytes only: most
 * texts are ASCII (no run) and the rest have few characters past it.
 */
struct cpmap {
	size_t ncps;
	struct cprun {
		uint32_t at;	/* the code points before the run */
		uint32_t cum;	/* continuation bytes up to its end */
	} *run;		/* in text order; NULL: the same offsets */
	size_t nrun;
};

/*
 * The money and quotes layers can hold millions of items (a document of
 * "1p 1p 1p ..."), so a long one's text is left as it is (load(), and
 * read.c's load_fast past EAGER_ITEMS items) and each item is parsed on
 * its own when its turn comes, into an arena emptied for the next:
 * memory holds one item, not the layer.
 */
enum { LAZY_MONEY, LAZY_QUOTES, NLAZY };

/* The text of the lazy layers of a document (NULL: not read so). */
struct lazy {
	const char *text[NLAZY];
	size_t len[NLAZY];
};

/* The items of a layer: a list of values, or the text of an array. */
struct items {
	const struct glean_jv *next;	/* the list's next item */
	const char *p, *end;		/* the array text left, or NULL */
	struct glean_arena *arena;	/* where the item read lives */
	/* the members an item read from text needs whole, and those only
	 * checked for their type (glean_jv_parse_members) */
	const char *const *keep, *const *typed;
};

/* The members of an entity that merge reads, found in one walk of its
 * members (the last of a name, as glean_jv_get finds it); the strings
 * NULL when absent or not strings. */
struct efields {
	const char *kind, *canonical, *code, *text, *role;
	const struct glean_jv *start, *end;
};

/* A document being read. */
struct rdoc {
	struct merge *mg;	/* the run it is read into */
	const char *id;
	const char *text;	/* "" when dropped */
	size_t len;
	int notext;
	size_t lim;		/* the largest offset taken */
	struct cpmap m;
	const struct glean_jv *ents;	/* the entities layer, or NULL */
	struct efields *ef;	/* its items' members, in layer order */
	size_t nef;
	struct ment *ms;	/* its authority mentions, by position */
	size_t nm;
	/* the council mentioned (or rated) most, NULL when none */
	const char *main_name, *main_code;
	/* the council the article is about (read_topics), NULL if none */
	const char *about_name, *about_code;
	int findings_ok;	/* names an inspectorate, or is about an
				 * inspection */
	struct span {
		size_t s, e;
	} *bp;			/* boilerplate, code points */
	size_t nbp;
	/* the last council subject asked for, by its code and name */
	const char *last_code, *last_name;
	struct subject *last_s;
	const char *file;	/* where it was read, for messages */
	long line;
	int bad;		/* a layer item was malformed */
};

/* map.c */
uint64_t hash_mem(const char *s, size_t n);
struct slot *map_find(struct map *m, const char *k, int add);
struct slot *map_findn(struct map *m, const char *k, size_t n, int add);
struct slot *map_findh(struct map *m, const char *k, size_t n, uint64_t hash,
    int add);
struct slot **map_sorted(const struct map *m);
void sortkey_set(struct sortkey *k, const char *s, void *obj);
int sortkey_cmp(const void *a, const void *b);
void map_free(struct map *m, void (*free_val)(void *));
struct ientry *intern(struct intern *it, struct glean_arena *a, const char *k,
    size_t len);
struct ientry *intern_h(struct intern *it, struct glean_arena *a,
    const char *k, size_t len, uint64_t h);
void intern_free(struct intern *it);

/* json.c */
int fieldcmp(const char *a, const char *b);
void put_str(struct glean_buf *b, const char *s);
void put_nstr(struct glean_buf *b, const char *s);
void put_int(struct glean_buf *b, long long v);
void put_real(struct glean_buf *b, double v);
size_t members(const char *obj, struct member **mp);
int named(const struct member *m, const char *quoted);
const struct member *member(const struct member *m, size_t n,
    const char *quoted);
void put_member(struct glean_buf *b, const struct member *m);
const char *str(json_t *o, const char *k);
char *canon(json_t *v);
char *compact(json_t *v);
const char *skip_ws(const char *p, const char *end);
const char *skip_json(const char *p, const char *end);
int array_next(const char **it, const char *end, const char **item, size_t *n);
json_t *small_json(const char *text, size_t n);
json_t *field_value(const struct glean_jfields *jf, const char *name);
int field_array(const struct glean_jfields *jf, const char *name,
    const char **it, const char **end);
char *utf8_clean(const char *s);
void no_nul(json_t *v);

/* scan.c */
/* A line being read in one pass: values are built in a, the line ends
 * at end. */
struct scan {
	struct glean_arena *a;
	const unsigned char *end;
	int depth;
	struct glean_jv *free;	/* values taken from a, not used yet */
	size_t nfree;
	char *bytes;		/* and bytes for strings */
	size_t nbytes;
};
/*
 * The value at p (no white space before it) checked as strictly as the
 * stream's scanner checks it, and built into *out as glean_jv_parse
 * builds it (out NULL: only checked).  Returns the position past it,
 * or NULL when it is not valid or is one the scanner checks in ways of
 * its own (an escaped name, a long integer, a real with an exponent,
 * deep nesting): the line is then read the two-pass way.
 */
const char *scan_value(struct scan *sc, const char *p, struct glean_jv **out);
/*
 * A lazy layer at p, as scan_value, its items that are objects read as
 * glean_jv_parse_members reads them with keep and typed (at most 8
 * names in all).  When the array has more than most items, *out is NULL
 * (it was only checked: read it item by item).
 */
const char *scan_items(struct scan *sc, const char *p, const char *const *keep,
    const char *const *typed, size_t most, struct glean_jv **out);
/* Past the member name at p (its opening quote), or NULL when it is not
 * valid or holds an escape. */
const char *scan_name(const char *p, const char *end);

/* text.c */
char *normtext(const char *s, size_t n);
char *normtext_into(struct glean_buf *b, const char *s, size_t n);
char *plain_quotes(const char *s);
char *strdup_or_null(const char *s);
int span_of(const struct glean_jv *a, const struct glean_jv *b, size_t ncps,
    size_t *s, size_t *e);
int get_cp_span(const struct glean_jv *o, size_t ncps, size_t *s, size_t *e);
void cpmap_init(struct cpmap *m, const char *s, size_t n);
size_t cp_byte(const struct cpmap *m, size_t cp);
size_t cp_at_byte(const struct cpmap *m, size_t from, size_t b);
char *slice(const struct cpmap *m, const char *text, size_t s, size_t e);
char *money_context(const struct cpmap *m, const char *text, size_t len,
    size_t e, const char *per);
int is_quote_cp(int32_t cp);
int is_space_cp(int32_t cp);
int trim_before(const char *text, size_t a, size_t b, size_t *start);
void context_of(const char *text, size_t len, size_t s, size_t e, int para,
    size_t *a, size_t *b);

/* sources.c */
int source_cmp(const struct source *x, const struct source *y);
void docrefs_rank(struct merge *mg);
void put_source(struct glean_buf *b, const struct source *x);
struct source record_source(struct merge *mg, json_t *src, int group);
size_t evidence_attr(struct attr *at, size_t n, const char *evidence);
size_t basis_attr(struct attr *at, size_t n, const char *basis);
struct pend *pend_source(struct merge *mg, const char *doc, size_t s,
    size_t e, struct attr *at, size_t n, int group);
const struct attrs *attrs_h(struct merge *mg, int group, const char *json,
    size_t len, uint64_t h, const char *v0, const char *v1);

/* facts.c */
void key_part(struct glean_buf *b, const char *s, int last);
void add_alias(struct subject *s, const char *alias);
struct subject *subject(struct merge *mg, const char *kind, const char *code,
    const char *name);
void subject_free(void *p);
struct fact *fact(struct subject *s, int tab, const char *fkey, size_t len);
void fact_add(struct fact *f, struct source src, const char *text);
void add_entry(struct merge *mg, const char *id, const char *canon_text,
    size_t clen, const char *text, size_t tlen);
void add_document(struct merge *mg, json_t *entry);
void add_rating(struct subject *s, const char *area, const char *grade,
    const char *when, struct source src);
void add_money(struct merge *mg, struct subject *s, double raw,
    const char *cur, const char *per, struct source src);
void add_person(struct subject *s, const char *name, struct source src);
void pend_rating(struct merge *mg, struct pend *p, struct subject *s,
    const char *area, const char *grade, const char *when);
void pend_money(struct merge *mg, struct pend *p, struct subject *s,
    double raw, const char *cur, const char *per);
void pend_person(struct merge *mg, struct pend *p, struct subject *s,
    const char *name);
void pend_quote(struct merge *mg, struct pend *p, struct subject *s, int tab,
    const char *text, size_t len);
void pend_flush(struct merge *mg);

/* council.c */
int codecmp(const void *a, const void *b);
struct subject *unknown_subject(struct rdoc *d);
void find_council(struct rdoc *d, const struct glean_jv *ratings);
char *evidence_of(const struct rdoc *d, size_t s, size_t e);
struct subject *mention_subject(struct rdoc *d, const char *code,
    const char *name);
struct subject *fact_subject(struct rdoc *d, size_t s, size_t e,
    const char **basis);
void read_topics(struct rdoc *d, const struct glean_jv *topics,
    const struct glean_jv *boilerplate);
void code_aliases(struct subject *subj, struct ment **bycode, size_t nc,
    const char *code);

/* document.c */
extern const char *const lazy_names[NLAZY];
extern const char *const lazy_keep[NLAZY][2][7];
extern const char *const lazy_typed[];
int read_document(struct merge *mg, const struct glean_jv *doc,
    const struct lazy *lz, json_t *errors, const char *id, const char *file,
    long line);

/* record.c */
int read_record(struct merge *mg, const char *text, size_t len, char **err);

/* write.c */
void record_write(struct merge *mg);

/* tables.c */
void tables_open(struct tables *tb);
void tables_subject(struct tables *tb, json_t *s);
void tables_close(struct tables *tb);

/* main.c */
void heap_huge(void);

/* read.c */
int read_stream(struct merge *mg, FILE *fp, const char *name);
/* The fields of a document that glean-merge reads, comma-separated, on a
 * line of fp (--reads): a fused driver keeps only these (glean-chain
 * --keep). */
void print_reads(FILE *fp);

#endif
