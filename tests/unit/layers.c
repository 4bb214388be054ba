/* See LICENSE file for copyright and license details. */
/* Unit tests of the checked layer readers (stages/lib/layers.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "layers.h"
#include "testhelp.h"

static json_t *
doc(const char *json)
{
	json_error_t err;
	json_t *d = json_loads(json, 0, &err);

	if (!d) {
		printf("bad test JSON: %s\n", err.text);
		exit(1);
	}
	return d;
}

int
main(void)
{
	struct glean_offsets m;
	struct glean_span *sp;
	struct glean_entity *en;
	struct glean_toks tk = { 0 };
	/* "£5 café. Ok." */
	const char *text = "\xc2\xa3" "5 caf\xc3\xa9. Ok.";
	json_t *d;
	long n;

	glean_setprog("unit-layers");
	glean_offsets_init(&m, text, strlen(text));

	/* sentences: bad entries skipped, good ones mapped to bytes */
	d = doc("{\"sentences\":[[0,8],[9,12],[5,4],[0,99],\"x\",[1],"
	    "[-1,2],[0.5,2]]}");
	n = glean_layer_spans(d, "sentences", &m, &sp);
	test_cond("two valid sentences", n == 2);
	test_cond("bytes of a code-point span", n == 2 && sp[0].bs == 0 &&
	    sp[0].be == 10 && sp[1].bs == 11 && sp[1].be == 14);
	free(sp);
	json_decref(d);
	d = doc("{\"sentences\":{\"a\":1}}");
	test_cond("not an array", glean_layer_spans(d, "sentences", &m, &sp)
	    == -1 && sp == NULL);
	json_decref(d);

	/* tokens: all or nothing */
	d = doc("{\"tokens\":[[0,1,\"symbol\"],[1,2,\"number\"],"
	    "[3,7,\"word\",\"cafe\"],[7,8,\"punct\"],[9,11,\"bogus\"]]}");
	n = glean_layer_tokens(d, &m, &tk);
	test_cond("five tokens", n == 5);
	test_cond("kinds and bytes", n == 5 && tk.t[2].kind ==
	    GLEAN_TOK_WORD && tk.t[2].bs == 4 && tk.t[2].be == 9 &&
	    tk.t[4].kind == GLEAN_TOK_SYMBOL);
	json_decref(d);
	d = doc("{\"tokens\":[[0,2,\"word\"],[1,3,\"word\"]]}");
	test_cond("overlap rejected", glean_layer_tokens(d, &m, &tk) == -1);
	json_decref(d);
	d = doc("{\"tokens\":[[0,0,\"word\"]]}");
	test_cond("empty token rejected", glean_layer_tokens(d, &m, &tk) ==
	    -1);
	json_decref(d);
	d = doc("{\"tokens\":[[0,99,\"word\"]]}");
	test_cond("out of range rejected", glean_layer_tokens(d, &m, &tk) ==
	    -1);
	json_decref(d);

	/* entities */
	d = doc("{\"entities\":[{\"start\":3,\"end\":7,"
	    "\"text\":\"caf\xc3\xa9\","
	    "\"kind\":\"person\",\"canonical\":\"Cafe\",\"code\":null,"
	    "\"role\":\"chef\"},{\"start\":3,\"end\":70,\"kind\":\"person\"},"
	    "{\"start\":\"3\",\"end\":4,\"kind\":\"person\"},{\"kind\":1},"
	    "7,{\"start\":9,\"end\":11,\"kind\":\"authority\","
	    "\"code\":\"E08000015\"}]}");
	n = glean_layer_entities(d, &m, &en);
	test_cond("two valid entities", n == 2);
	test_cond("entity fields", n == 2 && en[0].kind == GLEAN_ENT_PERSON &&
	    en[0].span.bs == 4 && strcmp(en[0].role, "chef") == 0 &&
	    en[0].code == NULL && en[1].kind == GLEAN_ENT_AUTHORITY &&
	    strcmp(en[1].code, "E08000015") == 0);
	free(en);
	json_decref(d);

	/* tokens and sentences from the layers, or tokenized */
	d = doc("{\"tokens\":[[0,1,\"symbol\"],[1,2,\"number\"],"
	    "[3,7,\"word\"],[7,8,\"punct\"],[9,11,\"word\"],[11,12,\"punct\"]],"
	    "\"sentences\":[[0,8],[9,12]]}");
	test_cond("layers used", glean_doc_tokens(d, text, strlen(text), NULL,
	    &tk) == 1 && tk.n == 6 && tk.nsent == 2 && tk.sent[1].first == 4 &&
	    tk.sent[1].last == 6);
	json_decref(d);
	d = doc("{\"tokens\":\"stale\",\"sentences\":[[0,8]]}");
	test_cond("tokenized instead", glean_doc_tokens(d, text, strlen(text),
	    NULL, &tk) == 0 && tk.n == 6 && tk.nsent == 2);
	json_decref(d);

	glean_toks_free(&tk);
	glean_offsets_free(&m);
	test_report();
}
