/**
 * pendingLink, literally: which unknown link property may yet link two resources. Pinned: no links (or
 * none unmatched) is no pending link; an unknown property set from no resource (an empty dependency
 * record), or left without a record, is open; one built from a link target is not. And sameKnownString
 * matches strings only: equal known numbers, booleans or objects are no match.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { Link, pendingLink, PendingLink, resourcesOf, sameKnownString, StackResource } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const STAGE = "aws:apigateway/stage:Stage";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

const stage = policyResource(STAGE, "s", { stageName: "v1", restApi: U }, { stageName: [], restApi: [] });
const other = policyResource(STAGE, "other", { stageName: U }, { stageName: [] });
const settingsWith = (name: string, stageName: PolicyResource[] | undefined): StackResource<unknown> => {
    const r = policyResource(SETTINGS, name, { stageName: U, restApi: "api-1" }, stageName === undefined ? {} : { stageName });
    return resourcesOf([r], aws.apigateway.MethodSettings)[0];
};
const [s] = resourcesOf([stage], aws.apigateway.Stage);
const stageNameLink = (match = false): Link => ({ prop: "stageName", isLinkTarget: (d) => d.isType(aws.apigateway.Stage), match });
const names = (p: PendingLink | undefined) => (p === undefined ? undefined : [p.unknown.name, p.other.name, p.prop]);

describe("pendingLink (literal)", () => {
    it("is undefined when there is no link, or every link already holds", () => {
        const m = settingsWith("m", []);
        assert.strictEqual(pendingLink(m, s, []), undefined);
        assert.strictEqual(pendingLink(m, s, [stageNameLink(true)]), undefined);
    });

    it("names an unknown property set from no resource (an empty dependency record) as pending", () => {
        assert.deepStrictEqual(names(pendingLink(settingsWith("m", []), s, [stageNameLink()])), ["m", "s", "stageName"]);
        assert.deepStrictEqual(names(pendingLink(s, settingsWith("m", []), [stageNameLink()])), ["m", "s", "stageName"]);
    });

    it("names an unknown property with no dependency record as pending", () => {
        assert.deepStrictEqual(names(pendingLink(settingsWith("m", undefined), s, [stageNameLink()])), ["m", "s", "stageName"]);
    });

    it("is undefined when the unknown property was built from a link target, even beside another resource", () => {
        const api = policyResource("aws:apigateway/restApi:RestApi", "api", { id: U });
        assert.strictEqual(pendingLink(settingsWith("m", [api, other]), s, [stageNameLink()]), undefined);
        assert.deepStrictEqual(names(pendingLink(settingsWith("m", [api]), s, [stageNameLink()])), ["m", "s", "stageName"]);
    });

    it("is undefined when some unmatched link is known on both sides", () => {
        const restApiLink: Link = { prop: "restApi", isLinkTarget: (d) => d.isType(aws.apigateway.RestApi), match: false };
        const known = resourcesOf([policyResource(STAGE, "k", { stageName: "v2", restApi: "api-2" }, { stageName: [], restApi: [] })], aws.apigateway.Stage)[0];
        assert.strictEqual(pendingLink(settingsWith("m", []), known, [stageNameLink(), restApiLink]), undefined);
    });
});

describe("sameKnownString (literal)", () => {
    it("matches equal known strings only, never equal values of another type", () => {
        const one = { id: 1 };
        assert.strictEqual(
            sameKnownString(
                () => "api-1",
                () => "api-1",
            ),
            true,
        );
        assert.strictEqual(
            sameKnownString(
                () => 1,
                () => 1,
            ),
            false,
        );
        assert.strictEqual(
            sameKnownString(
                () => true,
                () => true,
            ),
            false,
        );
        assert.strictEqual(
            sameKnownString(
                () => one,
                () => one,
            ),
            false,
        );
    });
});
