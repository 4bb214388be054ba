/* See LICENSE file for copyright and license details. */
/*
 * ratings.h - private to glean-ratings (stages/ratings/): the lexicon
 * context, one document's working state and the functions of each module.
 */
#ifndef RATINGS_H
#define RATINGS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dict.h"
#include "glean.h"
#include "numbers.h"
#include "phrasegate.h"

enum { COP_NO, COP_YES, COP_SELF };
/* Roles of the words around a grade (rating-verbs.tsv, changes.tsv). */
enum { R_VERB = 1, R_NOUN = 2, R_LINK = 4, R_FOLLOW = 8, R_NEG = 16,
	R_ALSO = 32, R_STOP = 64, R_JOIN = 128, R_CATEGORY = 256,
	R_IRREALIS = 512, R_PAST = 1024, R_EVENT = 2048, R_UP = 4096,
	R_DOWN = 8192, R_FROM = 16384, R_AWAY = 32768, R_STEP = 65536,
	R_ONSET = 131072, R_ANCHOR = 262144, R_TO = 524288,
	R_RELATIVE = 1048576, R_PREP = 2097152 };
/* A change of grade ("upgraded", "by two grades"): a cue for a grade
 * right after "to" or "from". */
#define R_CHANGE (R_UP | R_DOWN | R_AWAY | R_STEP)
/* Why a grade is an earlier judgement. */
enum { PAST_FROM = 1, PAST_AWAY = 2, PAST_MARK = 4 };
/* How a judgement's year was found (when_basis). */
enum { WHEN_NONE, WHEN_STATED, WHEN_RELATIVE, WHEN_PUBLISHED };

#define VERB_WINDOW 6	/* words before a grade searched for a verb */
#define AREA_WINDOW 8	/* words between an area and a copula grade */
#define NEG_WINDOW 3	/* words before a grade searched for "not" */
#define DATE_AFTER 10	/* words between a grade and its own date, in
			   its clause */
#define IRREALIS_WINDOW 4	/* words before a cue searched for a wish */
#define FROM_WINDOW 4	/* words from "from" to the earlier grade */
#define MAXLIST 16	/* councils, areas or years one grade goes to */
#define NEAR_CUE 1000	/* bytes either side of a cue searched for an
			   area by may_rate() (a sentence is shorter) */
#define COORD_WINDOW 4	/* words from a judgement to a coordinated one */
#define MAXPHRASE 8
/* A lexicon pattern matched at word boundaries. */
#define WORD_RE "(?<![\\p{L}\\p{N}])(?:%s)(?![\\p{L}\\p{N}])"

struct phrase {
	char *w[MAXPHRASE];	/* lower-case words */
	size_t nw;
	int role;		/* rating-verbs: R_* bits */
	const char *grade;	/* grades: normalised grade */
	int copula;		/* grades: COP_* */
	const char *scale;	/* grades: ofsted, annual, stars, rank, send */
	int level;		/* grades: 1 (inadequate) to 4; 0 none */
};

struct area {
	char *name;
	int board;
	int generic;
};

/*
 * What a folded word can start: the grade and rating-verb phrases whose
 * first word it is, in lexicon order, and a summary of them for
 * may_rate().
 */
struct starter {
	const char *word;
	size_t len;
	size_t *grades, ngrades;	/* indices into ctx.grades */
	size_t *verbs, nverbs;	/* indices into ctx.verbs */
	int roles;		/* R_* bits of those verbs */
	int copulas;		/* 1 << COP_* of those grades */
	size_t maxnw;		/* words of the longest of those grades */
	int single;		/* one of those grades is this word alone */
};

/*
 * A slot of an open-addressing hash table of starters by word.  Most
 * words of a text are in no phrase: small slots in a table at most an
 * eighth full send most of them away at one cached load.
 */
struct slot {
	uint32_t hash;		/* word_hash() of the starter's word */
	uint32_t st;		/* 1 + its index in ctx.starters; 0: empty */
};

/*
 * Rows of a lexicon scanned as one pattern, each row's pattern in a
 * capture group of its own: one pass over a text instead of one per row.
 * Where several match at a place, the earlier row wins.
 */
struct family {
	pcre2_code *re;		/* NULL when no row */
	pcre2_match_data *md;
	size_t n;
	size_t *row;		/* per alternative: its lexicon row */
	uint32_t *group;	/* per alternative: its capture group */
};

struct named {
	char *name;
	int councils;		/* inspectorates: judges councils' services */
	const char *canon;	/* authorities: the row's official name */
	const char *code;
	pcre2_code *re;
};

struct ctx {
	struct glean_lexicon *lx_grades, *lx_verbs, *lx_areas, *lx_insp,
	    *lx_auth;
	struct phrase *grades;
	size_t ngrades;
	struct phrase *verbs;
	size_t nverbs;
	struct starter *starters;
	size_t nstarters;
	struct slot *slots;	/* every starter; nslots, a power of two */
	struct slot *cue_slots;	/* those may_rate() looks for; nslots */
	/* Bit n % 32 of cue_lens[b]: a word in cue_slots starts with ASCII
	 * byte b (either case) and has n bytes (most words fail this,
	 * before a hash). */
	uint32_t cue_lens[128];
	/* The same for a word's last byte: an ASCII word is looked up only
	 * when both say yes (most that pass the first fail this). */
	uint32_t cue_last[128];
	/* The same for a word's second byte (a word of one byte: any
	 * byte after it) */
	uint32_t cue_second[128];
	size_t nslots;
	size_t longest;		/* bytes of the longest starter's word */
	struct area *areas;
	size_t nareas;
	struct named *insp;
	size_t ninsp;
	struct named *auth;	/* authorities.tsv, one per alias */
	size_t nauth;
	pcre2_code *auth_re;	/* all aliases, longest first */
	struct glean_dict auth_by_name;	/* alias -> first index in auth */
	json_t *until_by_code;	/* GSS code -> "YYYY-MM" it ended, if it did */
	struct glean_dict auth_by_pre;	/* first 3 bytes -> first index */
	struct named *kinds;	/* subject-kinds.tsv; code: the counts column */
	size_t nkinds;
	struct named *trusts;	/* trusts.tsv; canon: the council's name */
	size_t ntrusts;
	struct glean_lexicon *lx_kinds, *lx_trusts, *lx_changes;
	struct glean_lexicon *lx_trust_refs;
	struct glean_numwords *numwords;
	struct family area_family;	/* every row of areas.tsv */
	struct family kind_family;	/* subject kinds of counts "no" */
	struct family topic_family;	/* subject kinds of counts "topic" */
	struct family general_family;	/* subject kinds of counts "general" */
	struct family outside_family;	/* subject kinds of counts "outside" */
	struct family trust_family;	/* trusts.tsv */
	struct family trust_ref_family;	/* trust-refs.tsv */
	pcre2_code *year_re;
	pcre2_code *insp_re;	/* any inspectorate */
	struct glean_phrase_gate *insp_gate; /* insp_re's phrases, or NULL */
	pcre2_code *areas_re;	/* any specific area */
	struct glean_phrase_gate *areas_gate; /* areas_re's, or NULL */
	struct anchors *anchors;	/* may_rate()'s first pass, or NULL */
	pcre2_match_data *md;
};

/* One document's working state. */
struct word {
	size_t s, e;		/* bytes */
	size_t low;		/* offset of the folded word in doc.lows */
	const struct starter *st;	/* the phrases starting with it */
	size_t sent;		/* sentence index */
	int role;		/* R_* bits of the phrases starting here */
	size_t stop;		/* first word from here with R_STOP, or nw */
};

struct span {
	size_t s, e;		/* bytes */
	int idx;		/* area index, authority index... */
	const char *name, *code, *value;
	int relative;		/* dates: the layer says "relative": true */
	const char *via;	/* authorities: the trust named, or NULL */
	size_t seq;		/* order of finding, for a stable sort */
};

struct spans {
	struct span *v;
	size_t n, cap;
	size_t *minend;		/* minend[i]: least end of v[i..n) */
};

/*
 * The spans of a layer that fit in one sentence, sentence by sentence, in
 * (start, end) order: the queries of a grade ("the last date before it in
 * its sentence") are then binary searches instead of scans.
 */
struct bysent {
	const struct span **v;
	size_t n;
	size_t *minend;		/* least end from here to the sentence's end */
	size_t *first;		/* nsent + 1 entries: each sentence's spans */
};

/*
 * One grade read as a judgement, and what goes with it, as cue.c builds
 * it for the emitters.
 */
struct reading {
	size_t si, lo, hi;	/* its sentence and the sentence's bytes */
	size_t prevend;		/* end of the previous judgement's grade */
	size_t gi, ge;		/* first and last word of the grade */
	size_t s, e;		/* bytes of the words it came from */
	const struct phrase *g;
	char *written;		/* the grade as written, when it differs */
	int past;		/* an earlier judgement: PAST_* bits */
	size_t next;		/* the next grade's first word in the sentence,
				   or nw */
	int steps;		/* grades moved up (> 0) or down (< 0), if said */
	int after_from;		/* the judgement before it in the sentence was
				   the earlier grade of a change */
	const char *insp;	/* the inspectorate named in the sentence */
};

/* A year found for a judgement and how (WHEN_*). */
struct year {
	char when[8];		/* YYYY or YYYY-MM */
	int basis;
};

struct doc {
	const char *text;
	size_t len;
	struct glean_offsets off;
	size_t *sent;		/* pairs of byte offsets */
	size_t nsent;
	struct word *w;
	size_t nw, capw;
	struct spans areas, auth, dates, insp, orgs;
	struct bysent sauth, sdates, sinsp, sareas;
	int topic;		/* a "topic" subject kind is named */
	const struct span *mainauth;	/* main_authority(), or NULL */
	int *event_years;	/* years of dates in inspection sentences */
	size_t nevent_years;
	size_t *auth_byend;	/* indices of auth in (end, index) order */
	long *org_of_area;	/* per area: first organisation holding it */
	long board_fallback;	/* first board area with a name; -2 unknown */
	struct glean_buf lows;	/* the words folded, NUL-separated */
	const char *published;
	json_t *out;
};

/* lexicon.c: the word lists, loaded once */
void ctx_init(void *vc, const char *dir);	/* a struct ctx */
void ctx_free(void *vc);

/*
 * The hash of a folded word from its length and end bytes: enough to
 * spread the few starters, and as cheap for a long word as a short one.
 */
static inline uint32_t
word_hash(int first, int last, size_t n)
{
	uint32_t h = ((uint32_t)(first & 0xff) << 16 |
	    (uint32_t)(last & 0xff) << 8 | (uint32_t)(n & 0xff)) * 2654435761u;

	return h ^ h >> 16;
}

/* starters.c: grade and verb phrases by first word */
const struct starter * starter_find(const struct ctx *c, struct slot *v, const char *s, size_t n);
void starters_init(struct ctx *c);

/* words.c: sentences, words and their roles */
int is_wordcp(int32_t cp);
int32_t cp_at(const struct doc *d, size_t i, size_t *len);
int get_span(const struct doc *d, json_t *a, json_t *b, size_t *s, size_t *e);
void find_sentences(struct doc *d, json_t *doc);
int next_word(const struct doc *d, size_t end, size_t *i, size_t *s, int *ascii);
size_t fold_word(struct glean_buf *b, const char *t, size_t n);
void find_words(const struct ctx *c, struct doc *d);
#define NO_OPENER ((size_t)-1)
size_t relative_opener(const struct doc *d, size_t si, size_t s, size_t e,
    size_t gs);
void word_sentences(struct doc *d);
size_t word_from(const struct doc *d, size_t b);
int phrase_at(const struct doc *d, const struct phrase *p, size_t i);
void find_roles(const struct ctx *c, struct doc *d);
int is_upper_at(const struct doc *d, size_t i);
size_t skip_quotes(const struct doc *d, size_t i, size_t hi);
size_t closing_quote(const struct doc *d, size_t i, size_t hi);

/* spanset.c: sorted spans of a layer and their queries */
void spans_add(struct spans *sp, struct span s);
void find_regex(const struct ctx *c, const struct doc *d, const pcre2_code *re, int idx, struct spans *sp, int nooverlap);
void sort_spans(struct spans *sp);
void spans_index(struct spans *sp);
const struct span * last_ending(const struct spans *sp, size_t x);
size_t first_from(const struct spans *sp, size_t x);
void bysent_init(struct bysent *b, const struct doc *d, const struct spans *sp, int dates);
void bysent_free(struct bysent *b);
const struct span * bs_last_ending(const struct bysent *b, size_t si, size_t x);
const struct span * bs_first_from(const struct bysent *b, size_t si, size_t x);
const struct span * nearest(const struct bysent *b, size_t si, size_t gs, size_t ge);

/* subject.c: who was judged (councils, boards, trusts) */
void find_authorities(const struct ctx *c, struct doc *d, json_t *doc);
const struct span * main_authority(const struct ctx *c, const struct doc *d);
int ended_by(const struct ctx *c, const char *code, const char *when);
void auth_byend_init(struct doc *d);
void orgs_of_areas(struct doc *d);
void find_trusts(const struct ctx *c, struct doc *d);
void find_topic(const struct ctx *c, struct doc *d);
int other_subject(const struct ctx *c, const struct doc *d,
    const struct reading *r);
char * board_subject(const struct ctx *c, struct doc *d, const struct span *a, size_t lo, size_t *rs, const struct span **ba);

void family_init(struct family *f, const struct glean_lexicon *lx,
    size_t patcol, size_t fcol, const char *fval, int literal);
void family_free(struct family *f);
void find_family(const struct doc *d, const struct family *f,
    struct spans *sp);

/* when.c: the year of a judgement */
const char * str(json_t *o, const char *k);
int valid_date_value(const char *v);
void find_dates(const struct ctx *c, struct doc *d, json_t *doc);
int after_published(const struct doc *d, const char *v);
void find_event_years(struct doc *d);
size_t judgement_years(const struct doc *d, const struct reading *r,
    struct year *out, size_t max);
int earlier_year(const struct doc *d, size_t si, int before, struct year *y);

/* area.c: the judgement areas of a grade */
size_t pick_areas(const struct doc *d, size_t lo, size_t hi, size_t gs, size_t ge, const struct span **out, size_t max);
int area_in(const struct ctx *c, const struct doc *d, size_t si);
int area_before(const struct doc *d, size_t gi, size_t lo);
const struct span *area_after(const struct ctx *c, const struct doc *d,
    const struct reading *r);
const struct span *area_after_prep(const struct ctx *c, const struct doc *d,
    const struct reading *r);
size_t category_areas(const struct ctx *c, const struct doc *d,
    const struct reading *r, const struct span **out, size_t max);

/* grade.c: grade phrases */
const struct phrase * grade_at(const struct ctx *c, const struct doc *d, size_t i);

/* cue.c: the judgements of a sentence */
int sentence_rating(const struct ctx *c, struct doc *d, size_t si,
    const struct span *mainauth, int *also_lscb);
size_t next_grade(const struct ctx *c, const struct doc *d, size_t from,
    size_t si);

/* change.c: changes of grade and earlier judgements */
void change_of(const struct ctx *c, const struct doc *d, struct reading *r);
const struct phrase *implied_grade(const struct ctx *c,
    const struct reading *r);

/* coord.c: one grade over lists of councils, areas or years */
int joined(const struct doc *d, size_t from, size_t to);
size_t coordinated(const struct doc *d, const struct bysent *b, size_t si,
    const struct span *x, const struct span **out, size_t max);

/* output.c: rating records */
void add_rating(struct doc *d, const struct reading *r,
    const struct phrase *g, const struct span *au, const char *subj,
    const char *skind, const char *area, size_t s, size_t e,
    const struct year *y, int implied);
int rating_cmp(const void *a, const void *b);
void add_implied(struct doc *d, const struct ctx *c);

/* anchors.c: may an inspectorate or an area be named in a text? */
struct anchors;
/* The phrases of the ngates gates (NULL ones skipped) as anchors, or NULL
 * when one is more than anchors_may() can take. */
struct anchors *anchors_new(const struct glean_phrase_gate *const *gates,
    size_t ngates);
/* 0 when no phrase of a's gates occurs in text[0..n) in any way that a
 * match of their patterns in any part of it needs (see anchors.c); else
 * 1. */
int anchors_may(const struct anchors *a, const char *text, size_t n);
void anchors_free(struct anchors *a);

/* prefilter.c: the cheap test run on every document */
int may_rate(const struct ctx *c, const struct doc *d);

#endif
