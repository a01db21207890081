/**
 * Pins, with literal values, the stage's JSON access log format (every field,
 * every value quoted, the refusal of a field set without the
 * required variables) and the DeploymentSnapshot that drives redeployments
 * (stable JSON, tags left out, double records refused, followed values,
 * the sorted list of what it covers and the exact SHA-256 trigger).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { accessLogFormat, DeploymentSnapshot, stableJson } from "../../../components";
import { runProgram } from "../../harness";

describe("accessLogFormat (literal)", () => {
    it("is one JSON line with every field, every value quoted (a missing value is written as -)", () => {
        assert.strictEqual(
            accessLogFormat(),
            "{" +
                '"requestId":"$context.requestId",' +
                '"extendedRequestId":"$context.extendedRequestId",' +
                '"ip":"$context.identity.sourceIp",' +
                '"userAgent":"$context.identity.userAgent",' +
                '"caller":"$context.identity.caller",' +
                '"user":"$context.identity.user",' +
                '"principalId":"$context.authorizer.principalId",' +
                '"apiKeyId":"$context.identity.apiKeyId",' +
                '"requestTime":"$context.requestTime",' +
                '"httpMethod":"$context.httpMethod",' +
                '"resourcePath":"$context.resourcePath",' +
                '"status":"$context.status",' +
                '"protocol":"$context.protocol",' +
                '"responseLength":"$context.responseLength",' +
                '"latency":"$context.responseLatency",' +
                '"integrationLatency":"$context.integrationLatency",' +
                '"authorizerError":"$context.authorizer.error",' +
                '"authorizerStatus":"$context.authorize.status",' +
                '"wafResponseCode":"$context.wafResponseCode",' +
                '"errorMessage":"$context.error.message"' +
                "}",
        );
    });

    it("formats a custom field set in its own order, quoting every value", () => {
        assert.strictEqual(
            accessLogFormat({ status: "$context.status", id: "$context.requestId", from: "$context.identity.sourceIp" }),
            '{"status":"$context.status","id":"$context.requestId","from":"$context.identity.sourceIp"}',
        );
    });

    it("refuses a field set without the source IP and status, listing both", () => {
        assert.throws(
            () => accessLogFormat({ requestId: "$context.requestId" }),
            (error: Error) => {
                assert.strictEqual(error.name, "ComponentArgumentError");
                assert.strictEqual(
                    error.message,
                    "accessLogFormat: fields must include $context.identity.sourceIp, $context.status so each request can be traced to a caller",
                );
                return true;
            },
        );
    });
});

describe("stableJson (literal)", () => {
    it("joins array items with commas, turning undefined items into null", () => {
        assert.strictEqual(stableJson([1, "a", undefined, null]), '[1,"a",null,null]');
    });

    it("leaves scalars and null as plain JSON (not objects)", () => {
        assert.strictEqual(stableJson(null), "null");
        assert.strictEqual(stableJson(undefined), "null");
        assert.strictEqual(stableJson("ab"), '"ab"');
        assert.strictEqual(stableJson(12), "12");
    });

    it("sorts object keys", () => {
        assert.strictEqual(stableJson({ c: 3, a: 1, b: { z: true, y: false } }), '{"a":1,"b":{"y":false,"z":true},"c":3}');
    });
});

describe("DeploymentSnapshot (literal)", () => {
    /** Runs `build` under mocks and returns what the snapshot covers and its trigger. */
    async function snapshotOf(build: (s: DeploymentSnapshot) => void): Promise<{ covered: string[]; trigger: string }> {
        const plan = await runProgram(() => {
            const snapshot = new DeploymentSnapshot();
            build(snapshot);
            return { covered: snapshot.covered, trigger: snapshot.trigger() };
        });
        return { covered: plan.outputs.covered.value as string[], trigger: String(plan.outputs.trigger.value) };
    }

    it("hashes the recorded inputs, keyed `Kind name`: SHA-256 of their stable JSON", async () => {
        // sha256('{"Method a":{"x":1}}')
        const { trigger } = await snapshotOf((s) => s.track("Method", "a", { x: 1 }));
        assert.strictEqual(trigger, "c980d40beb5f21174608f79426cdda8b67e3e1dd9234bbec52f924e37e3b2bef");
    });

    it("leaves tags and tagsAll out of the hash (API Gateway does not snapshot them)", async () => {
        const { trigger } = await snapshotOf((s) => s.track("Method", "a", { x: 1, tags: { team: "a" }, tagsAll: { team: "a", env: "dev" } }));
        assert.strictEqual(trigger, "c980d40beb5f21174608f79426cdda8b67e3e1dd9234bbec52f924e37e3b2bef");
    });

    it("returns the tracked arguments unchanged, tags included", async () => {
        await runProgram(() => {
            const args = { x: 1, tags: { team: "a" } };
            assert.strictEqual(new DeploymentSnapshot().track("Method", "a", args), args);
        });
    });

    it("refuses to record the same child twice", async () => {
        await runProgram(() => {
            const snapshot = new DeploymentSnapshot();
            snapshot.track("Method", "a", { x: 1 });
            snapshot.track("Resource", "a", { x: 1 });
            assert.throws(
                () => snapshot.track("Method", "a", { x: 2 }),
                (error: Error) => {
                    assert.strictEqual(error.message, "DeploymentSnapshot: Method a is recorded twice");
                    return true;
                },
            );
        });
    });

    it("follows other values under `follow <label>`, which are part of the hash", async () => {
        // sha256('{"Method a":{"x":1},"follow other":"dep-1"}')
        const { covered, trigger } = await snapshotOf((s) => {
            s.follow("other", pulumi.output("dep-1"));
            s.track("Method", "a", { x: 1 });
        });
        assert.deepStrictEqual(covered, ["Method a", "follow other"]);
        assert.strictEqual(trigger, "c6a22c24226d6e689beb5394d14eea082da65adbad69d91c8d555e5c414a1131");
    });

    it("lists what it covers sorted, whatever the order children were recorded in", async () => {
        const { covered } = await snapshotOf((s) => {
            s.track("Resource", "b", {});
            s.track("Method", "z", {});
            s.track("Method", "a", {});
        });
        assert.deepStrictEqual(covered, ["Method a", "Method z", "Resource b"]);
    });
});
