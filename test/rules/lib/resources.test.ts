import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { derivedFrom, knownOutput, leftUnset, refersTo, resourcesOf, sameKnownString, sameOrigin } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const STAGE = "aws:apigateway/stage:Stage";
const API = "aws:apigateway/restApi:RestApi";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const KEY = "aws:apigateway/apiKey:ApiKey";
const PLAN_KEY = "aws:apigateway/usagePlanKey:UsagePlanKey";

describe("lib/resources: typed stack resources and links", () => {
    const api = policyResource(API, "api", { id: U, name: "api", endpointConfiguration: U, policy: U }, { name: [] });
    const stage = policyResource(STAGE, "s", { id: U, arn: U, restApi: U, stageName: "v1" }, { restApi: [api], stageName: [] });
    const settings = policyResource(
        SETTINGS,
        "settings",
        { restApi: U, stageName: "v1", methodPath: "*/*" },
        { restApi: [api], stageName: [stage], methodPath: [] },
    );

    it("resourcesOf: the resources of one class, typed, with labels", () => {
        const stages = resourcesOf([api, stage, settings], aws.apigateway.Stage);
        assert.deepStrictEqual(
            stages.map((s) => [s.name, s.label, s.urn]),
            [["s", 'Stage "s"', stage.urn]],
        );
        assert.strictEqual(stages[0].props.stageName, "v1");
    });

    it("derivedFrom and sameOrigin read the dependency records, known at preview", () => {
        const [s] = resourcesOf([stage], aws.apigateway.Stage);
        const [m] = resourcesOf([settings], aws.apigateway.MethodSettings);
        const [a] = resourcesOf([api], aws.apigateway.RestApi);
        assert.ok(derivedFrom(m, "stageName", s));
        assert.ok(!derivedFrom(m, "restApi", s));
        assert.ok(derivedFrom(s, "restApi", a));
        assert.ok(sameOrigin(m, "restApi", s, "restApi"));
        assert.ok(!sameOrigin(m, "methodPath", s, "restApi"));
    });

    it("sameKnownString: equal known strings only; unknown or empty never match and never throw", () => {
        const p = policyResource(KEY, "k", { id: U, name: "k", value: "" }).props;
        assert.ok(
            sameKnownString(
                () => "a",
                () => "a",
            ),
        );
        assert.ok(
            !sameKnownString(
                () => p.id,
                () => p.id,
            ),
        );
        assert.ok(
            !sameKnownString(
                () => p.value,
                () => "",
            ),
        );
        assert.ok(
            !sameKnownString(
                () => "a",
                () => p.id,
            ),
        );
    });

    it("refersTo: by dependency first, else by a known identifying value; an unknown id is no match", () => {
        const key = policyResource(KEY, "key", { id: "key-123" });
        const other = policyResource(KEY, "other", { id: U });
        const byDependency = policyResource(PLAN_KEY, "pk1", { keyId: U }, { keyId: [other] });
        const byValue = policyResource(PLAN_KEY, "pk2", { keyId: "key-123" }, { keyId: [] });
        const unknownValue = policyResource(PLAN_KEY, "pk3", { keyId: U }, { keyId: [] });
        const keys = resourcesOf([key, other], aws.apigateway.ApiKey);
        const [pk1, pk2, pk3] = resourcesOf([byDependency, byValue, unknownValue], aws.apigateway.UsagePlanKey);
        const ids = [(k: { id: string }) => k.id];
        assert.deepStrictEqual(
            keys.map((k) => refersTo(pk1, "keyId", k, ids)),
            [false, true],
        );
        assert.deepStrictEqual(
            keys.map((k) => refersTo(pk2, "keyId", k, ids)),
            [true, false],
        );
        assert.deepStrictEqual(
            keys.map((k) => refersTo(pk3, "keyId", k, ids)),
            [false, false],
        );
    });

    it("knownOutput: an unknown output the program left unset reads as undefined; one it set stays unknown", () => {
        const [a] = resourcesOf([api], aws.apigateway.RestApi);
        assert.ok(leftUnset(a, "endpointConfiguration"));
        assert.deepStrictEqual(
            knownOutput(a, "endpointConfiguration", (p) => p.endpointConfiguration?.types),
            { known: true, value: undefined },
        );
        const set = resourcesOf([policyResource(API, "b", { policy: U }, { policy: [] })], aws.apigateway.RestApi)[0];
        assert.deepStrictEqual(
            knownOutput(set, "policy", (p) => p.policy),
            { known: false, path: "policy" },
        );
        assert.deepStrictEqual(
            knownOutput(a, "name", (p) => p.name),
            { known: true, value: "api" },
        );
    });
});
