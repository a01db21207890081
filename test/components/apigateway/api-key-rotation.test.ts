import * as assert from "assert";
import { ApiClientArgs, UsagePlans, UsagePlansArgs } from "../../../components";
import { ProgramError, RecordedResource } from "../../../policy-pack/gate/runtime";
import { parsePlatformConfig } from "../../../stacks/config";
import { platformProgram } from "../../../stacks/program";
import { assertRejectsBeforeCreating, names, Plan, runProgram, runStack, stackConfig } from "../../harness";
import { usagePlansArgs } from "../fixtures";

const KEY = "aws:apigateway/apiKey:ApiKey";
const PLAN_KEY = "aws:apigateway/usagePlanKey:UsagePlanKey";

const args = usagePlansArgs;

const run = (a: UsagePlansArgs) =>
    runProgram(() => {
        const plans = new UsagePlans("plans", a);
        return { keys: plans.apiKeys, ids: plans.apiKeyIds, values: plans.apiKeyValues };
    });

/** Key resources by name, with their inputs and what they are attached to. */
function keysOf(plan: Plan): Map<string, { key: RecordedResource; attachedTo: string[] }> {
    return new Map(
        plan.ofType(KEY).map((key) => [
            key.name,
            {
                key,
                attachedTo: plan
                    .ofType(PLAN_KEY)
                    .filter((l) => l.propertyDependencies.keyId.includes(key.urn))
                    .flatMap((l) => l.propertyDependencies.usagePlanId),
            },
        ]),
    );
}

describe("API key rotation", () => {
    it("starts at generation 1: one key named with its generation, aliased to the name it had before rotation existed", async () => {
        const plan = await run(args());
        assert.deepStrictEqual([...keysOf(plan).keys()], ["plans-acme-g1"]);
        const keyId = (plan.outputs.ids.value as Record<string, string>).acme;
        assert.ok(keyId);
        assert.deepStrictEqual(plan.outputs.keys.value, { acme: { keyId, generation: 1, previousGenerationLive: false } });
        assert.strictEqual(plan.outputs.values.secret, true);
    });

    it("rotates as a sequence of plans: gen 1, gen 2 with gen 1 kept (unchanged), then gen 1 retired", async () => {
        const step1 = await run(args());
        const step2 = await run(args({ generation: 2 }));
        const step3 = await run(args({ generation: 2, previousGeneration: "retire" }));
        const [k1, k2, k3] = [keysOf(step1), keysOf(step2), keysOf(step3)];

        // Step 2: the new key exists while the old one is still there, enabled and attached to the tier.
        assert.deepStrictEqual([...k2.keys()].sort(), ["plans-acme-g1", "plans-acme-g2"]);
        const tierUrn = step2.one("aws:apigateway/usagePlan:UsagePlan").urn;
        for (const name of ["plans-acme-g1", "plans-acme-g2"]) {
            assert.strictEqual(k2.get(name)!.key.props.enabled, true, `${name} enabled`);
            assert.deepStrictEqual(k2.get(name)!.attachedTo, [tierUrn], `${name} attached to the tier`);
        }
        // The old key keeps its resource name and inputs, so Pulumi neither replaces nor updates it.
        assert.deepStrictEqual(k2.get("plans-acme-g1")!.key.props, k1.get("plans-acme-g1")!.key.props);
        assert.strictEqual(k2.get("plans-acme-g1")!.key.urn, k1.get("plans-acme-g1")!.key.urn);
        const status2 = (step2.outputs.keys.value as Record<string, { generation: number; previousGenerationLive: boolean; previousKeyId?: string }>).acme;
        assert.strictEqual(status2.generation, 2);
        assert.strictEqual(status2.previousGenerationLive, true);
        assert.ok(status2.previousKeyId);

        // Step 3: exactly the old key (and its attachment) is removed; the new one is unchanged.
        assert.deepStrictEqual([...k3.keys()], ["plans-acme-g2"]);
        assert.deepStrictEqual(k3.get("plans-acme-g2")!.key.props, k2.get("plans-acme-g2")!.key.props);
        const gone = step2.resources.filter((r) => r.custom && !step3.resources.some((s) => s.urn === r.urn)).map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(gone.sort(), [`${KEY} plans-acme-g1`, `${PLAN_KEY} plans-acme-g1`]);
        assert.strictEqual((step3.outputs.keys.value as Record<string, { previousGenerationLive: boolean }>).acme.previousGenerationLive, false);
    });

    it("keeps at most one previous generation: gen 3 (keep) has gen 2 and gen 3, gen 2 unchanged", async () => {
        const before = keysOf(await run(args({ generation: 2 })));
        const after = keysOf(await run(args({ generation: 3 })));
        assert.deepStrictEqual([...after.keys()].sort(), ["plans-acme-g2", "plans-acme-g3"]);
        assert.deepStrictEqual(after.get("plans-acme-g2")!.key.props, before.get("plans-acme-g2")!.key.props);
    });

    it("optionally stores the current key in a KMS-encrypted secret that only the team's role may read", async () => {
        const role = "arn:aws:iam::123456789012:role/acme-team";
        const plan = await run(args({ generation: 2, secret: { readerRoleArn: role } }, { secretsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" }));
        const secret = plan.props("aws:secretsmanager/secret:Secret");
        assert.strictEqual(secret.kmsKeyId, "arn:aws:kms:us-east-1:123456789012:key/k");
        assert.strictEqual(secret.name, "plans/api-keys/acme");
        const version = plan.one("aws:secretsmanager/secretVersion:SecretVersion");
        assert.ok(version.propertyDependencies.secretString.includes(plan.one(KEY, "plans-acme-g2").urn), "holds the current key");
        assert.ok(version.secretPaths.includes("secretString"), "the secret value is a Pulumi secret");
        const policy = plan.props("aws:secretsmanager/secretPolicy:SecretPolicy");
        assert.strictEqual(policy.blockPublicPolicy, true);
        assert.deepStrictEqual(JSON.parse(String(policy.policy)).Statement, [
            {
                Sid: "ClientTeamReads",
                Effect: "Allow",
                Principal: { AWS: role },
                Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                Resource: "*",
            },
        ]);
        assert.match(String((plan.outputs.keys.value as Record<string, { secretArn: string }>).acme.secretArn), /^arn:aws:secretsmanager:/);
        assert.deepStrictEqual(
            names(await plan.violations()).filter((n) => n.includes("api-key")),
            [],
        );
    });

    const bad: [string, Partial<ApiClientArgs>, Partial<UsagePlansArgs>, RegExp][] = [
        ["generation 0", { generation: 0 }, {}, /clients\[0\]\.generation must be an integer from 1 to 1000 \(got 0\)/],
        ["a fractional generation", { generation: 1.5 }, {}, /clients\[0\]\.generation must be an integer/],
        [
            "retire without a previous generation",
            { previousGeneration: "retire" },
            {},
            /clients\[0\]\.previousGeneration is "retire" but generation 1 has no previous generation/,
        ],
        ["keep without a previous generation", { generation: 1, previousGeneration: "keep" }, {}, /generation 1 has no previous generation/],
        ["an unknown previousGeneration", { generation: 2, previousGeneration: "drop" as "keep" }, {}, /previousGeneration must be one of keep, retire/],
        ["a reader that is not a role ARN", { secret: { readerRoleArn: "acme" } }, { secretsKmsKeyArn: "k" }, /secret\.readerRoleArn must be an IAM role ARN/],
        ["a secret without a KMS key", { secret: { readerRoleArn: "arn:aws:iam::123456789012:role/a" } }, {}, /secretsKmsKeyArn is required/],
    ];
    for (const [what, client, extra, message] of bad) {
        it(`rejects ${what} before creating anything`, () => assertRejectsBeforeCreating(() => new UsagePlans("bad", args(client, extra)), message));
    }

    it("stack config: bad generations are config errors naming the key; rotation and secrets flow through", async () => {
        const clients = (c: Record<string, unknown>) => ({
            tiers: { free: { rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: "DAY" } },
            clients: [{ name: "web-dev", tier: "free", ...c }],
        });
        assert.throws(
            () => parsePlatformConfig(stackConfig("dev", { usagePlans: clients({ generation: 0 }) }), "Pulumi.dev.yaml"),
            /secure-api-platform:usagePlans\.clients\[0\]\.generation: expected an integer from 1 to 1000, got 0/,
        );
        const plan = await runStack("dev", { usagePlans: clients({ generation: 2, secret: { readerRoleArn: "arn:aws:iam::123456789012:role/web" } }) });
        assert.deepStrictEqual(
            plan
                .ofType(KEY)
                .map((k) => k.name)
                .sort(),
            ["orders-dev-plans-web-dev-g1", "orders-dev-plans-web-dev-g2"],
        );
        const status = (plan.outputs.apiKeys.value as Record<string, { generation: number; previousGenerationLive: boolean }>)["web-dev"];
        assert.deepStrictEqual([status.generation, status.previousGenerationLive], [2, true]);
        assert.strictEqual(plan.outputs.apiKeyValues.secret, true);
        assert.ok(plan.one("aws:secretsmanager/secret:Secret").propertyDependencies.kmsKeyId.length > 0, "encrypted with the platform key");
        const failed = async (c: Record<string, unknown>) => {
            const error = await runProgram(platformProgram, { stack: "dev", config: stackConfig("dev", { usagePlans: clients(c) }) }).then(
                () => undefined,
                (err: unknown) => err,
            );
            assert.ok(error instanceof ProgramError);
            assert.deepStrictEqual(
                error.resources.filter((r) => r.custom),
                [],
            );
            return error.message;
        };
        assert.match(
            await failed({ previousGeneration: "retire" }),
            /secure-api-platform:usagePlans\.clients\[0\]\.previousGeneration: is "retire" but generation 1 has no previous generation/,
        );
        assert.match(
            await failed({ generation: 2, secret: { readerRoleArn: "arn:aws:iam::210987654321:role/web" } }),
            /usagePlans\.clients\[0\]\.secret\.readerRoleArn: .* is in account 210987654321/,
        );
    });
});
