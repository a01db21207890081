import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { JoinIndex, linkKeys, targetKeys } from "../../../policy-pack/rules/lib/joins";
import { refersTo, resourcesOf, sameKnownString, sameOrigin } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const API = "aws:apigateway/restApi:RestApi";
const STAGE = "aws:apigateway/stage:Stage";
const INTEGRATION = "aws:apigateway/integration:Integration";

describe("lib/joins: joins without comparing every pair", () => {
    // APIs: one created in the program (id unknown), one with a literal id, one whose id is an empty string.
    const created = policyResource(API, "created", { id: U, name: "a" });
    const literal = policyResource(API, "literal", { id: "abc123", name: "b" });
    const empty = policyResource(API, "empty", { id: "", name: "c" });
    const apis = [created, literal, empty];
    // Stages linked every way a rule can meet: by dependency, by literal value, both, unknown, empty, to nothing.
    const stages = [
        policyResource(STAGE, "by-dependency", { restApi: U }, { restApi: [created] }),
        policyResource(STAGE, "by-value", { restApi: "abc123" }, { restApi: [] }),
        policyResource(STAGE, "both", { restApi: "abc123" }, { restApi: [created] }),
        policyResource(STAGE, "unknown", { restApi: U }, { restApi: [] }),
        policyResource(STAGE, "empty", { restApi: "" }, { restApi: [] }),
        policyResource(STAGE, "elsewhere", { restApi: "zzz999" }, { restApi: [] }),
        // Keys that find later items first: the candidates still come in the items' order.
        policyResource(STAGE, "reversed", { restApi: "abc123" }, { restApi: [literal, created] }),
        // No dependency record for restApi at all (left unset).
        policyResource(STAGE, "unset", { restApi: "abc123" }),
    ];
    const integrations = [
        policyResource(INTEGRATION, "i-dependency", { restApi: U }, { restApi: [created] }),
        policyResource(INTEGRATION, "i-value", { restApi: "abc123" }, { restApi: [] }),
        policyResource(INTEGRATION, "i-other", { restApi: "zzz999" }, { restApi: [literal] }),
        policyResource(INTEGRATION, "i-unknown", { restApi: U }, { restApi: [] }),
        // Shares its key (the created API) with i-dependency: both stay indexed under it.
        policyResource(INTEGRATION, "i-late", { restApi: U }, { restApi: [created] }),
        // Another API's literal id and no dependency record: shares no key with "unset".
        policyResource(INTEGRATION, "i-unset", { restApi: "qqq777" }),
    ];

    it("keys: dependency URNs and known, non-empty strings only", () => {
        const [byDependency, byValue, , unknown, emptyStage] = resourcesOf(stages, aws.apigateway.Stage);
        assert.deepStrictEqual(linkKeys(byDependency, "restApi"), [`urn:${created.urn}`]);
        assert.deepStrictEqual(linkKeys(byValue, "restApi"), ["value:abc123"]);
        assert.deepStrictEqual(linkKeys(unknown, "restApi"), []);
        assert.deepStrictEqual(linkKeys(emptyStage, "restApi"), []);
        const [c, l, e] = resourcesOf(apis, aws.apigateway.RestApi);
        assert.deepStrictEqual(targetKeys(c, [(p) => p.id]), [`urn:${created.urn}`]);
        assert.deepStrictEqual(targetKeys(l, [(p) => p.id, (p) => p.name]), [`urn:${literal.urn}`, "value:abc123", "value:b"]);
        assert.deepStrictEqual(targetKeys(e, [(p) => p.id]), [`urn:${empty.urn}`]);
    });

    it("candidates confirmed by refersTo are exactly what comparing every pair finds, in order", () => {
        const index = new JoinIndex(resourcesOf(apis, aws.apigateway.RestApi), (a) => targetKeys(a, [(p) => p.id]));
        for (const stage of resourcesOf(stages, aws.apigateway.Stage)) {
            const everyPair = resourcesOf(apis, aws.apigateway.RestApi).filter((a) => refersTo(stage, "restApi", a, [(p) => p.id]));
            const indexed = index.candidates(linkKeys(stage, "restApi")).filter((a) => refersTo(stage, "restApi", a, [(p) => p.id]));
            assert.deepStrictEqual(
                indexed.map((a) => a.name),
                everyPair.map((a) => a.name),
                stage.name,
            );
        }
    });

    it("candidates cover a same-API join (common origin or equal known value), in the items' order, each once", () => {
        const all = resourcesOf(integrations, aws.apigateway.Integration);
        const index = new JoinIndex(all, (i) => linkKeys(i, "restApi"));
        const sameApi = (i: (typeof all)[number], s: ReturnType<typeof resourcesOf<aws.apigateway.Stage>>[number]) =>
            sameOrigin(i, "restApi", s, "restApi") ||
            sameKnownString(
                () => i.props.restApi,
                () => s.props.restApi,
            );
        const found: Record<string, string[]> = {};
        for (const stage of resourcesOf(stages, aws.apigateway.Stage)) {
            const everyPair = all.filter((i) => sameApi(i, stage)).map((i) => i.name);
            const candidates = index.candidates(linkKeys(stage, "restApi"));
            assert.deepStrictEqual(
                candidates.filter((i) => sameApi(i, stage)).map((i) => i.name),
                everyPair,
                stage.name,
            );
            found[stage.name] = candidates.map((i) => i.name);
        }
        // "both" shares a URN with two integrations and a value with another: each is a candidate once, in order.
        assert.deepStrictEqual(found, {
            "by-dependency": ["i-dependency", "i-late"],
            "by-value": ["i-value"],
            both: ["i-dependency", "i-value", "i-late"],
            unknown: [],
            empty: [],
            elsewhere: ["i-other"],
            reversed: ["i-dependency", "i-value", "i-other", "i-late"],
            unset: ["i-value"],
        });
    });
});
