/* See LICENSE file for copyright and license details. */
/* Unit tests of the shared library (stages/lib). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "glean.h"
#include "jscan.h"
#include "jv.h"
#include "spans.h"
#include "testhelp.h"
#include "trigger.h"

static void
test_offsets(void)
{
	/* "£3.5m – é" : £ is 2 bytes, – is 3, é is 2 */
	const char *s = "\xc2\xa3" "3.5m \xe2\x80\x93 \xc3\xa9";
	struct glean_offsets m;

	glean_offsets_init(&m, s, strlen(s));
	test_cond("code points counted", m.ncps == 9);
	test_cond("byte 2 is code point 1", glean_cp(&m, 2) == 1);
	test_cond("inside a character maps to its start", glean_cp(&m, 1) == 0);
	test_cond("code point 6 starts at byte 7", glean_byte(&m, 6) == 7);
	test_cond("end maps to end", glean_cp(&m, strlen(s)) == 9 &&
	    glean_byte(&m, 9) == strlen(s));
	test_cond("beyond the end clamps", glean_byte(&m, 99) == strlen(s));
	glean_offsets_free(&m);
	glean_offsets_init(&m, "", 0);
	test_cond("empty text", m.ncps == 0 && glean_cp(&m, 0) == 0);
	glean_offsets_free(&m);
}

static void
test_utf8(void)
{
	int32_t cp;

	test_cond("valid UTF-8", glean_utf8_valid("a\xc2\xa3\xe6\x8b\xa2", 6));
	test_cond("lone continuation byte", !glean_utf8_valid("a\x80", 2));
	test_cond("overlong slash", !glean_utf8_valid("\xc0\xaf", 2));
	test_cond("surrogate", !glean_utf8_valid("\xed\xa0\x80", 3));
	test_cond("truncated sequence", !glean_utf8_valid("\xe2\x80", 2));
	test_cond("cp1252 pound byte", !glean_utf8_valid("\xa3" "5", 2));
	test_cond("decodes U+62E2", glean_utf8_next("\xe6\x8b\xa2", 3, &cp)
	    == 3 && cp == 0x62E2);
	test_cond("bad byte is one byte, cp -1",
	    glean_utf8_next("\xff" "a", 2, &cp) == 1 && cp == -1);
	test_cond("count", glean_cp_count("\xc2\xa3" "ab", 4) == 3);
}

/* Is ch an ASCII letter? (the reference byte loop of test_spans) */
static int
ascii_letter(unsigned char ch)
{
	return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}


/* glean_put_dec at every length a branch of it takes, and the largest. */
static void
test_put_dec(char *num)
{
	static const struct { uint64_t v; const char *s; } cases[] = {
		{ 0, "0" }, { 7, "7" }, { 42, "42" }, { 305, "305" },
		{ 2017, "2017" }, { 90210, "90210" }, { 123456, "123456" },
		{ 1000000, "1000000" }, { 4294967296ull, "4294967296" },
		{ 18446744073709551615ull, "18446744073709551615" },
	};
	size_t i;
	char *p;
	int ok = 1;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		p = glean_put_dec(num, cases[i].v);
		ok &= (size_t)(p - num) == strlen(cases[i].s) &&
		    memcmp(num, cases[i].s, strlen(cases[i].s)) == 0;
	}
	test_cond("put_dec", ok);
}
/* The 64-byte classes, run starts and ends and the code-point cursor of
 * spans.h, which dates and money pass every text through, against a
 * byte loop: a text of 80 bytes with "£", "_", digits and a word
 * ("reconsidering") across the end of the first block. */
static void
test_spans(void)
{
	const char *s = "On 4 May 2017_the council's \xc2\xa3" "3m plan; "
	    "the committee were reconsidering it today";
	size_t n = strlen(s), i, j, cps = 0;
	struct glean_block k;
	struct glean_cp_cursor cur = { s, n, 0, 0 };
	uint64_t carry = 0, starts;
	char num[24];
	int ok = 1, ends = 1, cp = 1;

	glean_block_classes(s, n, '_', &k);
	starts = glean_run_starts(k.letters, &carry);
	for (i = 0; i < 64; i++) {
		unsigned char ch = (unsigned char)s[i];

		ok &= ascii_letter(ch) == (int)(k.letters >> i & 1);
		ok &= (ch >= '0' && ch <= '9') == (int)(k.digits >> i & 1);
		ok &= (ch == '_') == (int)(k.chs >> i & 1);
		ok &= (ch >= 0x80) == (int)(k.high >> i & 1);
		ok &= (ascii_letter(ch) && (i == 0 ||
		    !ascii_letter((unsigned char)s[i - 1]))) ==
		    (int)(starts >> i & 1);
		if (starts >> i & 1) {
			for (j = i; j < n && ascii_letter((unsigned char)s[j]);)
				j++;
			ends &= glean_run_end(s, n, 0, k.letters, (int)i) == j;
		}
	}
	test_cond("text of the test crosses a block in a word",
	    n > 64 && ascii_letter((unsigned char)s[63]) &&
	    ascii_letter((unsigned char)s[64]));
	test_cond("block classes and run starts as a byte loop sees them", ok);
	test_cond("runs end where the letters do, past the block too", ends);
	glean_block_classes(s + 64, n - 64, 0, &k);
	test_cond("a short last block has nothing past the text",
	    (k.letters | k.digits | k.high) >> (n - 64) == 0 &&
	    glean_run_starts(k.letters, &carry) == (1ull << 8 | 1ull << 11));
	for (i = 0; i <= n; i++) {
		cp &= glean_cp_at(&cur, i) == cps - (i < n &&
		    ((unsigned char)s[i] & 0xc0) == 0x80);
		if (i < n && ((unsigned char)s[i] & 0xc0) != 0x80)
			cps++;
	}
	test_cond("code points at every byte, forwards", cp);
	test_cond("and back", glean_cp_at(&cur, 3) == 3);
	test_put_dec(num);
}

/* The trigger table's prefilter (length, first, second and last letter)
 * never says no to a filed word, in either case. */
static void
test_triggers(void)
{
	static struct glean_triggers tw;

	glean_triggers_init(&tw);
	glean_trigger_add(&tw, "Tuesday", 7, 1);
	glean_trigger_add(&tw, "tue", 3, 2);
	glean_trigger_add(&tw, "p", 1, 4);
	test_cond("filed words pass the prefilter, any case",
	    glean_trigger_maybe(&tw, "TUESDAY", 7) &&
	    glean_trigger_maybe(&tw, "Tue", 3) &&
	    glean_trigger_maybe(&tw, "P", 1));
	test_cond("'the' is stopped by its second letter",
	    !glean_trigger_maybe(&tw, "the", 3) &&
	    glean_trigger_find(&tw, "the", 3) == 0);
	test_cond("found with their bits",
	    glean_trigger_find(&tw, "TUESday", 7) == 1 &&
	    glean_trigger_find(&tw, "TUE", 3) == 2 &&
	    glean_trigger_find(&tw, "p", 1) == 4 &&
	    glean_trigger_find(&tw, "tues", 4) == 0);
}

static void
test_casefold_stem(void)
{
	size_t n;
	char *f;
	const char *st;

	f = glean_casefold("Council's", 9, &n);
	test_cond("ASCII fold", n == 9 && strcmp(f, "council's") == 0);
	free(f);
	f = glean_casefold("STRASSE \xc3\x89T\xc3\x89", 13, &n);
	test_cond("Unicode fold: É -> é", strstr(f, "\xc3\xa9t\xc3\xa9") != NULL);
	free(f);
	st = glean_stem("inspections", 11, &n);
	test_cond("stem of inspections", n == 7 && memcmp(st, "inspect", 7) == 0);
	st = glean_stem("failing", 7, &n);
	test_cond("stem of failing", n == 4 && memcmp(st, "fail", 4) == 0);
}

/* The string writer must give the bytes jansson gives: every ASCII byte
 * (NUL included), and UTF-8 as it is. */
static void
test_buf_addjstr(void)
{
	struct glean_buf b = { 0 };
	char all[128 + 6];
	json_t *j;
	char *dump;
	int i;

	for (i = 0; i < 128; i++)
		all[i] = (char)i;
	memcpy(all + 128, "\xc2\xa3\xe2\x80\x9c", 5);
	j = json_stringn(all, 133);
	dump = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
	glean_buf_addjstr(&b, all, 133);
	test_cond("JSON string as jansson writes it",
	    b.len == strlen(dump) && memcmp(b.s, dump, b.len) == 0);
	free(dump);
	json_decref(j);
	/* the writer skips sixteen or eight plain bytes at a step: an
	 * escape at every place of such a step, and text that ends inside
	 * one */
	for (i = 0; i < 32; i++) {
		char s[40];
		int ok;

		memset(s, 'x', sizeof s);
		s[i] = "\t\"\\\x1f\n"[i % 5];
		j = json_stringn(s, (size_t)i + 1 + i % 9);
		dump = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
		glean_buf_reset(&b);
		glean_buf_addjstr(&b, s, (size_t)i + 1 + i % 9);
		ok = b.len == strlen(dump) && memcmp(b.s, dump, b.len) == 0;
		free(dump);
		json_decref(j);
		if (!ok)
			break;
	}
	test_cond("an escape after runs of plain bytes, as jansson", i == 32);
	glean_buf_free(&b);
}

static void
test_buf(void)
{
	struct glean_buf b = { 0 };

	glean_buf_add(&b, "ab", 2);
	glean_buf_addc(&b, 'c');
	glean_buf_addcp(&b, 0xA3);
	glean_buf_addcp(&b, 0xD800);	/* surrogate becomes U+FFFD */
	test_cond("buffer bytes",
	    strcmp(b.s, "abc\xc2\xa3\xef\xbf\xbd") == 0 && b.len == 8);
	glean_buf_reset(&b);
	test_cond("reset", b.len == 0 && b.s[0] == '\0');
	glean_buf_free(&b);
	test_buf_addjstr();
}

static void
test_lexicon(void)
{
	char dir[] = "/tmp/glean-lexXXXXXX", path[64];
	struct glean_lexicon *lx;
	FILE *fp;

	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/t.tsv", dir);
	fp = fopen(path, "w");
	fputs("# name\tcode\n\nWirral\tE08000015\tWirral Council\r\n"
	    "Worcestershire\tE10000034\n", fp);
	fclose(fp);
	lx = glean_lexicon_load(dir, "t.tsv", 2);
	test_cond("two rows, comments and blanks skipped", lx->nrows == 2);
	test_cond("three fields, CR stripped", lx->rows[0].nf == 3 &&
	    strcmp(lx->rows[0].f[2], "Wirral Council") == 0);
	test_cond("line numbers kept", lx->rows[1].line == 4);
	glean_lexicon_free(lx);
	unlink(path);
	rmdir(dir);
}

static void
test_regex(void)
{
	pcre2_code *re = glean_re_compile("\xc2\xa3(\\d+(?:\\.\\d+)?)m\\b", 0,
	    "test");
	pcre2_match_data *md = glean_re_match_data(re);
	const char *s = "an extra \xc2\xa3" "3.5m into";
	PCRE2_SIZE *ov;

	test_cond("match found", glean_re_match(re, s, strlen(s), 0, md) > 0);
	ov = pcre2_get_ovector_pointer(md);
	test_cond("group is 3.5", ov[3] - ov[2] == 3 &&
	    memcmp(s + ov[2], "3.5", 3) == 0);
	test_cond("start past the match: none",
	    glean_re_match(re, s, strlen(s), 12, md) == 0);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* The stage for the stream tests: adds "n": length of text in bytes,
 * and refuses texts that say "refuse". */
static int
count_text(json_t *doc, void *ctx, char **err)
{
	const char *t = json_string_value(json_object_get(doc, "text"));

	(void)ctx;
	if (strcmp(t, "refuse") == 0) {
		*err = glean_strdup("refused");
		return -1;
	}
	json_object_set_new(doc, "n", json_integer((json_int_t)
	    json_string_length(json_object_get(doc, "text"))));
	return 0;
}

/* A tail stage: writes "len" as JSON text. */
static int
tail_len(json_t *doc, void *ctx, struct glean_buf *tail, char **err)
{
	char num[32];

	(void)ctx;
	(void)err;
	snprintf(num, sizeof num, "\"len\":%zu",
	    json_string_length(json_object_get(doc, "text")));
	glean_buf_add(tail, num, strlen(num));
	return 0;
}

/* Run stage st over input; return what it wrote (caller frees). */
static char *
run_stage(const struct glean_stage *st, const char *input, size_t len,
    int *status)
{
	struct glean_opts o = GLEAN_OPTS_INIT;
	char *out;
	size_t outlen;
	FILE *in, *cap;
	int saved;

	/* a file, not fmemopen: the stream is read through its descriptor */
	in = tmpfile();
	if (len)
		fwrite(input, 1, len, in);
	fflush(in);
	rewind(in);
	cap = tmpfile();
	fflush(stdout);
	saved = dup(1);
	dup2(fileno(cap), 1);
	*status = 0;
	glean_run_stream(st, &o, in, "in.jsonl", status);
	glean_flush();
	dup2(saved, 1);
	close(saved);
	fclose(in);
	fseek(cap, 0, SEEK_END);
	outlen = (size_t)ftell(cap);
	rewind(cap);
	out = glean_malloc(outlen + 1);
	outlen = fread(out, 1, outlen, cap);
	out[outlen] = '\0';
	fclose(cap);
	return out;
}

static void
test_tail(const char *const *reads)
{
	static const char *const writes[] = { "len", NULL };
	static const char in[] =
	    "{\"id\":\"a\",\"len\":99,\"text\":\"abc\",\"x\":[1, 2]}\n"
	    "{\"text\":\"\"}\n";
	struct glean_stage st = { "test", NULL, NULL, reads, tail_len, writes };
	int status;
	char *got = run_stage(&st, in, sizeof in - 1, &status);

	test_cond("tail replaces its field and goes last", strncmp(got,
	    "{\"id\":\"a\",\"text\":\"abc\",\"x\":[1,", 29) == 0 &&
	    strstr(got, "2],\"len\":3}\n{\"text\":\"\",\"len\":0}\n"));
	free(got);
}

static const char *const text_only[] = { NULL };
static const char *const *stage_reads;	/* NULL: full parse */

/* Run the count_text stage over input (see run_stage). */
static char *
run_stream(const char *input, size_t len, int *status)
{
	struct glean_stage st = { "test", count_text, NULL, stage_reads };

	return run_stage(&st, input, len, status);
}

/* The scanner must accept exactly what jansson accepts as an object. */
static void
test_jscan(void)
{
	static const char *lines[] = {
		"{}", " { \"a\" : [ 1 , -2.5e3, true, false, null, {} ] } ",
		"{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\ud800\"}",
		"{\"a\":\"\\udc00x\"}", "{\"a\":01}", "{\"a\":1.}",
		"{\"a\":-}", "{\"a\":1,}", "{,}", "[1]", "\"s\"",
		"{\"a\":[1,2}", "{\"a\":{\"b\":]}}", "{\"a\" 1}",
		"{\"a\":\"\x01\"}", "{\"a\":\"\xc3\x28\"}", "{\"a\":tru}",
		"{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{} {}",
		"{\"a\":1}x", "{\"a\":\"\xe6\x8b\xa2\"}", "{\"a\":1e+}",
		"{\"\\u0041\":0}", "{\"a\":[[[[]]]]}", "{\"a\":\"\\u0000\"}",
		"{\"a\":{\"k\\u0000\":1}}", "{\"k\\u0000\":1}",
		"{\"a\":9223372036854775807}", "{\"a\":9223372036854775808}",
		"{\"a\":-9223372036854775808}", "{\"a\":-9223372036854775809}",
		"{\"a\":1e999}", "{\"a\":1e-999}", "{\"a\":[1.5e308,-2e308]}",
		/* flat arrays of scalars (the tokens' fast path) */
		"{\"t\":[[0,2,\"word\",\"ad\"],[3,8,\"punct\"]]}",
		"{\"t\":[[0,2,\"wo\\\"rd\"],[1,\"\xc2\xa3\"]]}",
		"{\"t\":[[0,02]]}", "{\"t\":[[0,-]]}", "{\"t\":[[1,]]}",
		"{\"t\":[[1 ,2]]}", "{\"t\":[[1,2] ]}", "{\"t\":[[1,[2]]]}",
		"{\"t\":[[1,2,true]]}", "{\"t\":[[\"a\"\"b\"]]}",
		"{\"t\":[[1,2\"a\"]]}", "{\"t\":[[-0,0.5,1e2]]}",
		"{\"t\":[[1,2}", "{\"t\":[[1,2]}", "{\"t\":[[1,\"\x01\"]]}",
		/* the compact tokens layer: one string, skipped as one */
		"{\"tokens\":\"0,2wad 5wsale 5wboost 0,1p\",\"n\":1}",
		"{\"tokens\":\"0,2wstra\xc3\x9f" "e 1p\"}",
		"{\"tokens\":\"0,2wstra\xc3" "e 1p\"}",
		"{\"tokens\":\"0,2w\\u0000 1p\"}",
		"{\"tokens\":\"0,2wa\x09 1p\"}",
		"{\"tokens\":\"0,2wa 1p}",
		/* layers of flat objects (entities, dates, quotes): their
		 * fast path, and what sends a line back to the general one */
		"{\"e\":[{\"start\":1,\"text\":\"a\",\"code\":null,\"r\":true,"
		    "\"s\":[1,2],\"v\":1.25},{\"k\":false}]}",
		"{\"e\":[{\"a\":{\"b\":1}}]}", "{\"e\":[{}]}",
		"{\"e\":[{\"a\":[]}]}", "{\"e\":[{\"a\":1} ]}",
		"{\"e\":[{\"a\":1,}]}", "{\"e\":[{\"a\"1}]}",
		"{\"e\":[{\"a\":nul}]}", "{\"e\":[{\"a\":1}",
		"{\"e\":[{\"a\":1},]}", "{\"e\":[{\"k\\u0000\":1}]}",
		"{\"e\":[{\"a\":\"\xc3\x28\"}]}", "{\"e\":[{\"a\":[1,}]}",
		"{\"e\":[{\"a\":1}{\"b\":2}]}", "{\"e\":[{\"a\":truex}]}",
		/* their inline pieces: a plain key, a plain string, a
		 * short integer; anything else by the general functions */
		"{\"e\":[{\"a\":0123}]}", "{\"e\":[{\"a\":0,\"b\":-0}]}",
		"{\"e\":[{\"a\":12345678901234567890}]}",
		"{\"e\":[{\"a\":123456789012345678,\"b\":99}]}",
		"{\"e\":[{\"a\":12.5,\"b\":7e2}]}", "{\"e\":[{\"a\":5]}",
		"{\"e\":[{\"a\":5}x]}", "{\"e\":[{\"a\":5 }]}",
		"{\"e\":[{\"a\\n\":\"\\u0041\"},{\"\xc3\xa9\":\"\xc3\xa9\"}]}",
		"{\"e\":[{\"a\":\"x\\q\"}]}", "{\"e\":[{\"a\":\"x\x1f\"}]}",
		"{\"e\":[{\"a\":\"x\"}", "{\"e\":[{\"a\":7",
		/* digits read eight at a time: every length around 8 and 18 */
		"{\"n\":[1234567,12345678,123456789,1234567890123456]}",
		"{\"n\":[123456789012345678,1234567890123456789]}",
		"{\"n\":[99999999999999999999]}", "{\"n\":[00000000]}",
		"{\"n\":[1234567a]}", "{\"n\":[12345678/]}",
	};
	struct glean_jfields jf = { 0 };
	size_t i;
	json_t *j;
	int ok;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		j = json_loads(lines[i], JSON_ALLOW_NUL, NULL);
		ok = glean_jscan_object(lines[i], strlen(lines[i]), &jf) == 0;
		if (ok != (j != NULL && json_is_object(j)))
			printf("  disagreement on: %s\n", lines[i]);
		test_cond("scanner agrees with jansson", ok ==
		    (j != NULL && json_is_object(j)));
		json_decref(j);
	}
	{
		const char *l = "{\"id\":\"x\", \"n\":[1,{\"k\":2}]}";

		glean_jscan_object(l, strlen(l), &jf);
	}
	test_cond("two top-level fields", jf.n == 2);
	test_cond("second key and value", jf.f[1].keylen == 1 &&
	    jf.f[1].key[0] == 'n' && jf.f[1].vallen == 11 &&
	    memcmp(jf.f[1].val, "[1,{\"k\":2}]", 11) == 0);
	j = glean_jstring_decode("a\\n\\u00a3\\ud83d\\ude00",
	    strlen("a\\n\\u00a3\\ud83d\\ude00"));
	test_cond("escapes decoded", strcmp(json_string_value(j),
	    "a\n\xc2\xa3\xf0\x9f\x98\x80") == 0);
	json_decref(j);
	free(jf.f);
}

/*
 * The structural pass reads 64 bytes at a time: a layer of many tokens
 * with one byte replaced, at every position, by each byte its rules look
 * at, must still be accepted exactly when jansson accepts it.
 */
static void
test_jscan_blocks(void)
{
	static const char bytes[] = "\"[],-0 5\\\x01\xc3\xa3" "a}";
	struct glean_jfields jf = { 0 };
	struct glean_buf line = { 0 };
	size_t i, k, at, wrong = 0;
	json_t *j;
	int ok;

	glean_buf_add(&line, "{\"tokens\":[", 11);
	for (i = 0; i < 24; i++) {
		char tok[64];

		snprintf(tok, sizeof tok, "%s[%zu,%zu,\"%s\"%s]", i ? "," : "",
		    i * 7, i * 7 + 5, i % 3 ? "word" : "sym\xc2\xa3",
		    i % 2 ? ",\"stem\"" : "");
		glean_buf_add(&line, tok, strlen(tok));
	}
	glean_buf_add(&line, "],\"n\":0}", 8);
	for (at = 0; at < line.len; at++) {
		char saved = line.s[at];

		for (k = 0; k < sizeof bytes - 1; k++) {
			line.s[at] = bytes[k];
			j = json_loadb(line.s, line.len, JSON_ALLOW_NUL, NULL);
			ok = glean_jscan_object(line.s, line.len, &jf) == 0;
			if (ok != (j != NULL && json_is_object(j)) && wrong++ < 5)
				printf("  disagreement on: %s\n", line.s);
			json_decref(j);
		}
		line.s[at] = saved;
	}
	test_cond("blocks: scanner agrees with jansson after each change",
	    wrong == 0);
	glean_buf_free(&line);
	free(jf.f);
}

/* The arena reader: values as jansson reads them, \u0000 as U+FFFD. */
static void
test_jv(void)
{
	static const char text[] = " {\"s\":\"Caf\\u00e9 \\\"q\\\" \\\\ \\/"
	    " \\b\\f\\n\\r\\t\", \"emoji\":\"\\ud83d\\ude00\","
	    "\"nul\":\"a\\u0000b\",\"n\":[1,-42,-0,2.5,-1e3,"
	    "9223372036854775807,-9223372036854775808],"
	    "\"nested\":[[],[{\"k\":true},false,null],{}],"
	    "\"dup\":1,\"dup\":\"two\"} ";
	/* no NUL after the number: the reader must stop at the length */
	static const char unended[] = { '7', '.', '5', '9' };
	struct glean_arena a = { 0 };
	const struct glean_jv *root, *v, *n, *x;
	char *big;

	root = glean_jv_parse(&a, text, sizeof text - 1);
	test_cond("jv: an object of 7 members", root->type == GLEAN_JV_OBJ &&
	    root->len == 7);
	v = glean_jv_get(root, "s");
	test_cond("jv: escapes decoded", v && v->type == GLEAN_JV_STR &&
	    v->len == 19 && strcmp(v->s, "Caf\xc3\xa9 \"q\" \\ / "
	    "\b\f\n\r\t") == 0);
	test_cond("jv: a surrogate pair is one code point",
	    strcmp(glean_jv_str(root, "emoji"), "\xf0\x9f\x98\x80") == 0);
	v = glean_jv_get(root, "nul");
	test_cond("jv: \\u0000 reads as U+FFFD", v->len == 5 &&
	    memcmp(v->s, "a\xef\xbf\xbd" "b", 6) == 0);
	n = glean_jv_items(glean_jv_get(root, "n"));
	test_cond("jv: integer", n->type == GLEAN_JV_INT && n->i == 1);
	n = n->next;
	test_cond("jv: negative integer", n->type == GLEAN_JV_INT &&
	    n->i == -42);
	n = n->next;
	test_cond("jv: -0 is the integer 0", n->type == GLEAN_JV_INT &&
	    n->i == 0);
	n = n->next;
	test_cond("jv: real", n->type == GLEAN_JV_REAL && n->r == 2.5);
	n = n->next;
	test_cond("jv: negative real with an exponent",
	    n->type == GLEAN_JV_REAL && n->r == -1000.0);
	n = n->next;
	test_cond("jv: largest integer", n->type == GLEAN_JV_INT &&
	    n->i == INT64_MAX);
	n = n->next;
	test_cond("jv: smallest integer", n->type == GLEAN_JV_INT &&
	    n->i == INT64_MIN && !n->next);
	v = glean_jv_get(root, "nested");
	test_cond("jv: nested array of 3", v->type == GLEAN_JV_ARR &&
	    v->len == 3);
	x = glean_jv_items(v);
	test_cond("jv: empty array", x->type == GLEAN_JV_ARR && x->len == 0 &&
	    !glean_jv_items(x));
	x = x->next;
	test_cond("jv: array in an array", x->type == GLEAN_JV_ARR &&
	    x->len == 3);
	test_cond("jv: object in an array", glean_jv_get(glean_jv_items(x),
	    "k")->type == GLEAN_JV_TRUE);
	test_cond("jv: false, null", x->kid->next->type == GLEAN_JV_FALSE &&
	    x->kid->next->next->type == GLEAN_JV_NULL);
	x = x->next;
	test_cond("jv: empty object", x->type == GLEAN_JV_OBJ &&
	    x->len == 0 && !x->kid && !x->next);
	test_cond("jv: the last of duplicate keys wins",
	    strcmp(glean_jv_str(root, "dup"), "two") == 0);
	test_cond("jv: absent key", !glean_jv_get(root, "none") &&
	    !glean_jv_str(root, "n") && !glean_jv_get(NULL, "s"));
	test_cond("jv: not an object, not an array",
	    !glean_jv_get(v, "s") && !glean_jv_items(root));
	v = glean_jv_parse(&a, unended, 3);
	test_cond("jv: stops at the length", v->type == GLEAN_JV_REAL &&
	    v->r == 7.5);
	v = glean_jv_parse(&a, unended, 1);
	test_cond("jv: stops at the length (integer)",
	    v->type == GLEAN_JV_INT && v->i == 7);
	glean_arena_reset(&a);
	/* a string bigger than a block */
	big = glean_malloc(3 << 20);
	memset(big, 'x', 3 << 20);
	big[0] = big[(3 << 20) - 1] = '"';
	v = glean_jv_parse(&a, big, 3 << 20);
	test_cond("jv: a string bigger than a block",
	    v->len == (3 << 20) - 2 && v->s[v->len - 1] == 'x' &&
	    v->s[v->len] == '\0');
	free(big);
	glean_arena_reset(&a);
	v = glean_jv_parse(&a, "[]", 2);
	test_cond("jv: the arena is used again after a reset",
	    v->type == GLEAN_JV_ARR && v->len == 0);
	glean_arena_free(&a);
}

/* glean_jv_parse_members: kept members read whole, typed ones only for
 * their type, the others skipped (nested values, escaped quotes), and
 * the text left just past the object. */
static void
test_jv_members(void)
{
	static const char text[] = "[{\"start\":3,\"skip\":[[1,2],{\"a\":"
	    "\"}\\\"]\"}],\"kind\":\"speech\",\"text\":\"say \\\"no\\\"\","
	    "\"n\":-2.5e1,\"odd\":\"x\",\"m\":7,\"kind\":\"report\","
	    "\"t\":true,\"z\":null}, {\"start\":9}]";
	static const char *const keep[] = { "start", "kind", NULL };
	static const char *const typed[] = { "text", "n", "m", "t", "z",
	    NULL };
	struct glean_arena a = { 0 };
	const char *p = text + 1, *end = text + sizeof text - 1;
	const struct glean_jv *o, *v;

	o = glean_jv_parse_members(&a, &p, end, keep, typed);
	test_cond("jv members: those named, in order", o->type == GLEAN_JV_OBJ &&
	    o->len == 8);
	v = glean_jv_get(o, "start");
	test_cond("jv members: a kept integer", v && v->type == GLEAN_JV_INT &&
	    v->i == 3);
	test_cond("jv members: the last of a kept name wins",
	    strcmp(glean_jv_str(o, "kind"), "report") == 0);
	test_cond("jv members: skipped ones are absent",
	    !glean_jv_get(o, "skip") && !glean_jv_get(o, "odd"));
	v = glean_jv_get(o, "text");
	test_cond("jv members: a typed string reads as \"\"",
	    v && v->type == GLEAN_JV_STR && v->len == 0 && !*v->s);
	test_cond("jv members: typed numbers",
	    glean_jv_get(o, "n")->type == GLEAN_JV_REAL &&
	    glean_jv_get(o, "m")->type == GLEAN_JV_INT);
	test_cond("jv members: typed literals",
	    glean_jv_get(o, "t")->type == GLEAN_JV_TRUE &&
	    glean_jv_get(o, "z")->type == GLEAN_JV_NULL);
	test_cond("jv members: the text left past the object", *p == ',');
	p++;
	o = glean_jv_parse_members(&a, &p, end, keep, typed);
	test_cond("jv members: the next object read", o->len == 1 &&
	    glean_jv_get(o, "start")->i == 9 && *p == ']');
	p = "[1,2]";
	o = glean_jv_parse_members(&a, &p, p + 5, keep, typed);
	test_cond("jv members: not an object is read whole",
	    o->type == GLEAN_JV_ARR && o->len == 2);
	glean_arena_free(&a);
}

static void
test_stream(void)
{
	static const char in[] =
	    "{\"id\":\"a\",\"text\":\"abc\",\"keep\":[1,{\"x\":null}]}\n"
	    "\n"
	    "{\"id\":\"b\",\"text\":\"ab\n"		/* truncated */
	    "[1,2]\n"				/* not an object */
	    "{\"id\":\"c\",\"text\":7}\n"		/* wrong type */
	    "{\"id\":\"d\",\"text\":\"refuse\"}\n"
	    "{\"id\":\"g\",\"errors\":[{\"stage\":\"old\",\"message\":"
	    "\"o\"}],\"text\":\"refuse\"}\n"
	    "{\"id\":\"e\",\"errors\":[{\"stage\":\"x\",\"message\":\"m\"}]}\n"
	    "{\"id\":\"f\",\"text\":\"a\\u0000b\"}";	/* NUL, no newline */
	char *out;
	int status;

	out = run_stream(in, sizeof in - 1, &status);
	test_cond("status 1 for rejected records", status == 1);
	test_cond("fields kept, key order kept, field added", strstr(out,
	    "{\"id\":\"a\",\"text\":\"abc\",\"keep\":[1,{\"x\":null}],\"n\":3}\n")
	    == out);
	test_cond("truncated line: error record with id and line", strstr(out,
	    "{\"id\":\"b\",\"source\":\"in.jsonl\",\"line\":3,\"raw\":") != NULL);
	test_cond("non-object: id from file and line",
	    strstr(out, "{\"id\":\"in.jsonl:4\"") != NULL);
	test_cond("wrong type kept with an error", strstr(out,
	    "{\"id\":\"c\",\"text\":7,\"errors\":[{\"stage\":\"test\",") != NULL);
	test_cond("earlier errors kept beside a new one", strstr(out,
	    "\"errors\":[{\"stage\":\"old\",\"message\":\"o\"},"
	    "{\"stage\":\"test\",\"message\":\"refused\"}]") != NULL);
	test_cond("refused document kept with its error", strstr(out,
	    "\"text\":\"refuse\",\"errors\":[{\"stage\":\"test\","
	    "\"message\":\"refused\"}]}") != NULL);
	test_cond("earlier error record passed through untouched", strstr(out,
	    "{\"id\":\"e\",\"errors\":[{\"stage\":\"x\",\"message\":\"m\"}]}\n")
	    != NULL);
	test_cond("NUL inside text survives", strstr(out,
	    "\"text\":\"a\\u0000b\",\"n\":3}\n") != NULL);
	{
		size_t lines = 0;
		const char *p;

		for (p = out; *p; p++)
			lines += *p == '\n';
		test_cond("eight documents out for eight in", lines == 8);
	}
	free(out);

	out = run_stream("\xff\xfe{\"id\":\"z\"}\n", 12, &status);
	test_cond("invalid UTF-8 line: raw repaired to U+FFFD", strstr(out,
	    "\"raw\":\"\xef\xbf\xbd\xef\xbf\xbd{\\\"id\\\":\\\"z\\\"}\"") != NULL);
	test_cond("invalid UTF-8 line: id salvaged",
	    strstr(out, "{\"id\":\"z\",") == out);
	free(out);

	out = run_stream("", 0, &status);
	test_cond("empty input: no output, status 0", *out == '\0' &&
	    status == 0);
	free(out);
}

/* An on-demand stage: looks at "layer" only when the text asks, and
 * reports how many members it has as "members". */
static int
count_on_demand(json_t *doc, void *ctx, char **err)
{
	const char *t = json_string_value(json_object_get(doc, "text"));
	json_t *layer;

	(void)ctx;
	(void)err;
	if (strcmp(t, "look") != 0)
		return 0;
	layer = glean_field(doc, "layer");
	json_object_set_new(doc, "members", json_integer(layer ?
	    (json_int_t)json_array_size(layer) : -1));
	/* asked twice: the same value, not a second decoding */
	test_cond("glean_field: one value per field",
	    glean_field(doc, "layer") == layer);
	/* "other" as the line has it; "layer", decoded, written out */
	{
		size_t n = 0;
		const char *raw = glean_field_text(doc, "other", &n);

		if (raw)
			json_object_set_new(doc, "other_text",
			    json_stringn(raw, n));
		if ((raw = glean_field_text(doc, "layer", &n)))
			json_object_set_new(doc, "layer_text",
			    json_stringn(raw, n));
	}
	return 0;
}

static void
test_on_demand(void)
{
	static const char *const reads[] = { "layer", NULL };
	static const char in[] =
	    "{\"text\":\"skip\",\"layer\":[1, 2]}\n"
	    "{\"text\":\"look\",\"layer\":[1, 2],\"other\":[3, 4]}\n"
	    "{\"text\":\"look\",\"layer\":[1],\"layer\":[5, 6, 7]}\n"
	    "{\"text\":\"look\"}\n";
	struct glean_stage st = { "test", count_on_demand, NULL, reads, NULL,
	    NULL, 1, 1 };
	int status;
	char *got = run_stage(&st, in, sizeof in - 1, &status);

	test_cond("on demand: a field never asked for is copied as it came",
	    strstr(got, "{\"text\":\"skip\",\"layer\":[1, 2]}\n") == got);
	test_cond("on demand: a field asked for is decoded, others copied",
	    strstr(got, "{\"text\":\"look\",\"layer\":[1, 2],\"other\":"
	    "[3, 4],\"members\":2,") != NULL);
	test_cond("on demand: a field's text as the line has it",
	    strstr(got, "\"other_text\":\"[3, 4]\"") != NULL);
	test_cond("on demand: a decoded field's text written out",
	    strstr(got, "\"layer_text\":\"[1,2]\"") != NULL);
	test_cond("on demand: the last of duplicate keys",
	    strstr(got, "\"members\":3,\"layer_text\":\"[5,6,7]\"}\n") != NULL);
	test_cond("on demand: a missing field is NULL",
	    strstr(got, "{\"text\":\"look\",\"members\":-1}\n") != NULL);
	test_cond("on demand: status 0", status == 0);
	free(got);
}

/* glean_sort_keys: offsets sorted, ties kept in the order they came,
 * each with where it was. */
static void
test_sort_keys(void)
{
	size_t key[] = { 30, 10, 30, 20, 10 }, pos[5];
	size_t sorted[] = { 1, 2, 3 }, spos[3];
	static const size_t want_key[] = { 10, 10, 20, 30, 30 };
	static const size_t want_pos[] = { 1, 4, 3, 0, 2 };
	int ok = 1;
	size_t i;

	glean_sort_keys(key, pos, 5);
	for (i = 0; i < 5; i++)
		ok &= key[i] == want_key[i] && pos[i] == want_pos[i];
	test_cond("sort keys: ascending, ties in their first order", ok);
	glean_sort_keys(sorted, spos, 3);
	test_cond("sort keys: keys in order stay where they are",
	    sorted[0] == 1 && sorted[2] == 3 && spos[0] == 0 && spos[1] == 1 &&
	    spos[2] == 2);
	glean_sort_keys(NULL, NULL, 0);
	test_cond("sort keys: none", 1);
}

int
main(void)
{
	glean_setprog("lib-test");
	test_offsets();
	test_utf8();
	test_spans();
	test_triggers();
	test_casefold_stem();
	test_buf();
	test_lexicon();
	test_regex();
	test_jscan();
	test_jscan_blocks();
	test_jv();
	test_jv_members();
	test_stream();
	/* the same behaviour when only "text" is parsed */
	stage_reads = text_only;
	test_stream();
	test_tail(NULL);
	test_tail(text_only);
	test_on_demand();
	test_sort_keys();
	test_report();
}
