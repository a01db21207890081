/**
 * Pins, with literal expectations, what `UsagePlans` creates for tiers and
 * clients: descriptions, tags, key type, parents, the alias that keeps
 * generation-1 keys named as before rotation, the key map, the Secrets
 * Manager resources (names, description, tags, value) and the KMS key check
 * when any client stores its key.
 */
import * as assert from "assert";
import { ApiClientArgs, UsagePlans, UsagePlansArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { usagePlansArgs } from "../fixtures";

const KEY = "aws:apigateway/apiKey:ApiKey";
const PLAN_KEY = "aws:apigateway/usagePlanKey:UsagePlanKey";
const COMPONENT = "secure-api:apigateway:UsagePlans";
const ROLE = "arn:aws:iam::123456789012:role/acme-team";
const KMS = "arn:aws:kms:us-east-1:123456789012:key/k";

const args = usagePlansArgs;

/** Options each child was registered with, by `type name` (seen by a transformation the children inherit). */
type SeenOptions = Record<string, { aliases: unknown }>;

async function run(a: UsagePlansArgs) {
    const seen: SeenOptions = {};
    const plan = await runProgram(() => {
        const plans = new UsagePlans("plans", a, {
            transformations: [
                (t) => {
                    seen[`${t.type} ${t.name}`] = { aliases: t.opts.aliases };
                    return undefined;
                },
            ],
        });
        return { keyNames: [...plans.keys.keys()] };
    });
    return { plan, seen };
}

describe("UsagePlans: literal resource inputs", () => {
    it("describes each tier's plan by the tier's name and parents it to the component", async () => {
        const { plan } = await run(args());
        const usagePlan = plan.one("aws:apigateway/usagePlan:UsagePlan", "plans-standard");
        assert.strictEqual(usagePlan.props.description, "standard tier");
        assert.strictEqual(usagePlan.parent, plan.one(COMPONENT).urn);
    });

    it("describes and tags each key with its client, generation and tier", async () => {
        const { plan } = await run(args({ generation: 2 }, { tags: { team: "platform" } }));
        const key = plan.props(KEY, "plans-acme-g2");
        assert.strictEqual(key.description, "API key of acme, generation 2 (standard tier)");
        assert.deepStrictEqual(key.tags, { team: "platform", client: "acme", tier: "standard", generation: "2" });
        assert.strictEqual(plan.props(KEY, "plans-acme-g1").description, "API key of acme, generation 1 (standard tier)");
    });

    it("attaches keys as API_KEY and parents keys and attachments to the component", async () => {
        const { plan } = await run(args());
        const component = plan.one(COMPONENT).urn;
        assert.strictEqual(plan.props(PLAN_KEY, "plans-acme-g1").keyType, "API_KEY");
        assert.strictEqual(plan.one(PLAN_KEY, "plans-acme-g1").parent, component);
        assert.strictEqual(plan.one(KEY, "plans-acme-g1").parent, component);
    });

    it("aliases the generation-1 key and its attachment to the name they had before rotation, and no other generation", async () => {
        const { seen } = await run(args({ generation: 2 }));
        assert.deepStrictEqual(seen[`${KEY} plans-acme-g1`].aliases, [{ name: "plans-acme" }]);
        assert.deepStrictEqual(seen[`${PLAN_KEY} plans-acme-g1`].aliases, [{ name: "plans-acme" }]);
        assert.deepStrictEqual(seen[`${KEY} plans-acme-g2`].aliases, []);
        assert.deepStrictEqual(seen[`${PLAN_KEY} plans-acme-g2`].aliases, []);
    });

    it("lists the key resources by client and generation", async () => {
        const { plan } = await run(args({ generation: 3 }));
        assert.deepStrictEqual(plan.outputs.keyNames.value, ["acme g3", "acme g2"]);
    });
});

describe("UsagePlans: the client's key in Secrets Manager", () => {
    const withSecret = () =>
        run(
            args(
                { generation: 2, secret: { readerRoleArn: ROLE } },
                {
                    secretsKmsKeyArn: KMS,
                    tags: { team: "platform" },
                },
            ),
        );

    it("names the secret, its value and its policy after the plans and the client, under the component", async () => {
        const { plan } = await withSecret();
        const component = plan.one(COMPONENT).urn;
        for (const [type, name] of [
            ["aws:secretsmanager/secret:Secret", "plans-acme-key-secret"],
            ["aws:secretsmanager/secretVersion:SecretVersion", "plans-acme-key-secret-value"],
            ["aws:secretsmanager/secretPolicy:SecretPolicy", "plans-acme-key-secret-policy"],
        ]) {
            assert.strictEqual(plan.one(type, name).parent, component, `${name} is a child of the component`);
        }
    });

    it("describes the secret by its client and tags it with the client", async () => {
        const { plan } = await withSecret();
        const secret = plan.props("aws:secretsmanager/secret:Secret");
        assert.strictEqual(secret.description, "Current API key of acme");
        assert.deepStrictEqual(secret.tags, { team: "platform", client: "acme" });
    });

    it("stores the client, generation, id and value of the current key as JSON", async () => {
        const { plan } = await withSecret();
        const key = plan.one(KEY, "plans-acme-g2");
        const stored = JSON.parse(String(plan.props("aws:secretsmanager/secretVersion:SecretVersion").secretString)) as Record<string, unknown>;
        assert.deepStrictEqual(stored, { client: "acme", generation: 2, keyId: key.outputs?.id, value: key.outputs?.value });
        assert.match(String(stored.value), /^mock-api-key-/);
    });

    it("requires secretsKmsKeyArn as soon as one client of several stores its key", async () => {
        const clients: ApiClientArgs[] = [
            { name: "acme", tier: "standard", secret: { readerRoleArn: ROLE } },
            { name: "trial", tier: "standard" },
        ];
        const error = await assertRejectsBeforeCreating(() => new UsagePlans("bad", { ...args(), clients }));
        assert.strictEqual(error.message, "UsagePlans: secretsKmsKeyArn is required when a client's key is stored in Secrets Manager (clients[*].secret)");
    });
});
