/**
 * lib/report, literally: `waivable` hands back the rule's own report function when a rule has no
 * waivers, and otherwise drops the findings an active waiver covers and rewords those an expired one
 * covers; `once` states a finding once per resource, a finding with no URN and one with an empty URN
 * being the same (the SDK sends neither URN to the engine).
 */
import * as assert from "assert";
import { once, waivable } from "../../../policy-pack/rules/lib/report";
import { WaiverTarget } from "../../../policy-pack/rules/lib/waivers";

type Call = [string, string | undefined];

function recorder(): { calls: Call[]; report: (message: string, urn?: string) => void } {
    const calls: Call[] = [];
    return { calls, report: (message, urn) => calls.push([message, urn]) };
}

const LOGS = "urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs";
const DATA = "urn:pulumi:dev::app::aws:s3/bucket:Bucket::data";
const targets: Record<string, WaiverTarget> = {
    [LOGS]: { urn: LOGS, name: "logs", type: "aws:s3/bucket:Bucket" },
    [DATA]: { urn: DATA, name: "data", type: "aws:s3/bucket:Bucket" },
};

describe("lib/report (literal)", () => {
    it("waivable: without waivers, the rule's own report function, never asking for a target", () => {
        const { report } = recorder();
        const asked: (string | undefined)[] = [];
        const wrapped = waivable(report, [], (urn) => {
            asked.push(urn);
            return undefined;
        });
        assert.strictEqual(wrapped, report);
        assert.deepStrictEqual(asked, []);
    });

    it("waivable: drops a finding an active waiver covers, keeps the others as they are", () => {
        const { calls, report } = recorder();
        const wrapped = waivable(report, [{ resource: "logs", reason: "the access log bucket itself" }], (urn) => (urn ? targets[urn] : undefined));
        wrapped("no versioning", LOGS);
        wrapped("no versioning", DATA);
        wrapped("a stack-level gap");
        assert.deepStrictEqual(calls, [
            ["no versioning", DATA],
            ["a stack-level gap", undefined],
        ]);
    });

    it("waivable: a finding an expired waiver covers is reported again, saying the waiver expired", () => {
        const { calls, report } = recorder();
        const wrapped = waivable(report, [{ resource: LOGS, reason: "the access log bucket itself", expires: "2020-01-31" }], (urn) =>
            urn ? targets[urn] : undefined,
        );
        wrapped("no versioning", LOGS);
        assert.deepStrictEqual(calls, [
            [
                "the waiver for urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs expired on 2020-01-31 (it said: the access log bucket itself); no versioning",
                LOGS,
            ],
        ]);
    });

    it("once: a finding with no URN and the same finding with an empty URN are stated once; other URNs and messages still are", () => {
        const { calls, report } = recorder();
        const r = once(report);
        r("a gap");
        r("a gap", "");
        r("a gap", LOGS);
        r("a gap", LOGS);
        r("another gap");
        assert.deepStrictEqual(calls, [
            ["a gap", undefined],
            ["a gap", LOGS],
            ["another gap", undefined],
        ]);
    });
});
