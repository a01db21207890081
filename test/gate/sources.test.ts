/** Findings point at the program line that created the resource, with fingerprints stable across runs. */
import * as assert from "assert";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { fastStackTraces } from "../../policy-pack/gate/sources";
import { fixture, planHere } from "../support/cli";

interface SarifResult {
    ruleId: string;
    locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } };
        logicalLocations: { name: string }[];
    }[];
    partialFingerprints: Record<string, string>;
}

const results = async (...args: string[]): Promise<SarifResult[]> => JSON.parse((await planHere(...args)).stdout).runs[0].results;

describe("gate: findings at source lines", function () {
    this.timeout(120_000);

    it("SARIF locates each finding at the file, line and column that created the resource", async () => {
        const source = fs.readFileSync("test/fixtures/programs/open-api/index.ts", "utf8").split("\n");
        /** 1-based line and column of the `new` that creates the resource. */
        const at = (needle: string) => {
            const line = source.findIndex((l) => l.includes(needle));
            return { startLine: line + 1, startColumn: source[line].indexOf("new ") + 1 };
        };
        const found = await results("--program", fixture("open-api"), "--sarif", "--mode", "update");
        const method = found.find((r) => r.ruleId === "apigw-method-requires-authorization")!;
        assert.deepStrictEqual(method.locations[0].physicalLocation, {
            artifactLocation: { uri: "test/fixtures/programs/open-api/index.ts" },
            region: at('new aws.apigateway.Method("items-get"'),
        });
        const stage = found.find((r) => r.ruleId === "apigw-stage-access-logging")!;
        assert.deepStrictEqual(stage.locations[0].physicalLocation.region, at('new aws.apigateway.Stage("open"'));
    });

    it("fingerprints are stable across runs and differ between findings", async () => {
        const first = await results("--program", fixture("open-api"), "--sarif", "--mode", "update");
        const second = await results("--program", fixture("open-api"), "--sarif", "--mode", "update");
        assert.deepStrictEqual(
            first.map((r) => r.partialFingerprints),
            second.map((r) => r.partialFingerprints),
        );
        const prints = first.map((r) => r.partialFingerprints["policyFinding/v1"]);
        assert.ok(prints.every((p) => /^[0-9a-f]{32}$/.test(p)));
        assert.strictEqual(new Set(prints).size, prints.length);
    });

    it("a resource created inside a component points at the component's call site in the program", async () => {
        const text = (await planHere("--program", fixture("open-api"), "--mode", "update")).stdout;
        assert.match(text, /^ {6}at test\/fixtures\/programs\/open-api\/index\.ts:\d+:\d+$/m);
        const stack = await planHere("--stack", "dev", "--mode", "update", "--policy-config", "test/fixtures/configs/long-retention.json");
        // Every dev finding comes from resources components build: they point at the components' construction in stacks/.
        const locations = [...stack.stdout.matchAll(/^ {6}at (.+)$/gm)].map((m) => m[1]);
        assert.ok(locations.length > 0, stack.stdout + stack.stderr);
        assert.ok(
            // Each at a component's construction (`new ...`) in the program's own files under stacks/.
            locations.every((l) => {
                const m = /^(stacks\/[\w-]+\.ts):(\d+):(\d+)$/.exec(l);
                const line = m ? fs.readFileSync(m[1], "utf8").split("\n")[Number(m[2]) - 1] : "";
                return m !== null && line.slice(Number(m[3]) - 1).startsWith("new ");
            }),
            locations.join(", "),
        );
    });
});

describe("gate: stack traces captured cheaply", () => {
    it("give the SDK's own frames, positions and skip count (frames outside node_modules mapped to the TypeScript source)", () => {
        const sdk = pulumi.Resource as unknown as { stackTrace(skip: number): ({ uri: string; line: number; column: number } | undefined)[] };
        const original = sdk.stackTrace;
        const restore = fastStackTraces(pulumi.Resource);
        try {
            // Both called from the same expression (same line and column), as `new Resource` calls them.
            const viaClass = (skip: number) => [original, sdk.stackTrace].map((fn) => fn.call(sdk, skip));
            for (const skip of [0, 1, 3]) {
                const [theirs, ours] = viaClass(skip);
                assert.strictEqual(ours.length, theirs.length);
                assert.ok(ours.length > 5);
                theirs.forEach((frame, i) => {
                    assert.strictEqual(ours[i] === undefined, frame === undefined, `frame ${i}`);
                    if (frame && !frame.uri.includes("/node_modules/")) {
                        assert.deepStrictEqual(ours[i], frame, `frame ${i}`);
                    }
                });
                const own = ours.filter((f) => f?.uri.endsWith("/test/gate/sources.test.ts"));
                assert.ok(own.length >= 2, JSON.stringify(ours));
            }
        } finally {
            restore();
        }
        assert.strictEqual(sdk.stackTrace, original);
    });
});
