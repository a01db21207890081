/**
 * The pack as a whole: every rule has its file, its spec and its metadata; the
 * order of `policies` is stable; the README's rule table is the rendered
 * metadata; the rule sources stay small and typed.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies, renderRuleTableSection, ruleCatalog, RULE_TABLE_BEGIN, RULE_TABLE_END, RULES_BY_SERVICE } from "../../policy-pack/rules";
import { PEER_TAG_PREFIX, PeerControls, SERVICES } from "../../policy-pack/rules/lib/rule";
import { ROOT } from "../harness";

const RULES_DIR = path.join(ROOT, "policy-pack", "rules");

/** The pack's rules, in the order users and policy config files know them. */
const PACK_ORDER = [
    "apigw-method-requires-authorization",
    "apigw-stage-access-logging",
    "apigw-stage-xray-tracing",
    "apigw-stage-throttling",
    "apigw-method-settings-throttling",
    "apigw-execution-logging",
    "apigw-authorizer-cache-ttl",
    "apigw-request-validation",
    "apigw-public-stage-waf",
    "apigw-private-api-resource-policy",
    "apigw-default-endpoint-disabled",
    "apigw-cors-restricted-origins",
    "apigw-domain-tls-1-2",
    "apigw-mtls-truststore-bucket",
    "apigw-usage-plan-limits",
    "apigw-api-key-attached",
    "apigw-component-routes-authorized",
    "apigw-component-stage-unverified",
    "apigw-integration-https",
    "apigw-stage-variable-secrets",
    "apigw-api-key-generated",
    "apigw-public-api-resource-policy",
    "apigw-cache-encrypted",
    "apigw-detailed-metrics",
    "apigw-backend-client-certificate",
    "cognito-password-policy",
    "cognito-mfa",
    "cognito-advanced-security",
    "cognito-app-client-secure",
    "cognito-identity-provider-https",
    "cognito-user-pool-self-sign-up",
    "cognito-user-pool-deletion-protection",
    "cognito-identity-pool-unauthenticated",
    "cognito-app-client-identity-providers",
    "log-group-retention",
    "log-group-kms-encryption",
    "cloudwatch-alarm-action",
    "cloudtrail-secure-trail",
    "cloudtrail-cloudwatch-delivery",
    "cloudtrail-management-events",
    "s3-log-bucket-public-access-block",
    "s3-bucket-public-access",
    "s3-bucket-tls-only",
    "s3-bucket-kms-encryption",
    "s3-bucket-durability",
    "waf-managed-rules-and-rate-limit",
    "waf-logging",
    "waf-managed-rule-overrides",
    "waf-cloudwatch-metrics",
    "apigwv2-route-authorization",
    "apigwv2-jwt-authorizer",
    "apigwv2-stage-access-logging",
    "apigwv2-stage-throttling",
    "apigwv2-stage-data-trace",
    "apigwv2-websocket-execution-logging",
    "apigwv2-cors-restricted-origins",
    "apigwv2-domain-tls-1-2",
    "apigwv2-integration-tls",
    "apigwv2-cors-wildcard-methods-headers",
    "apigwv2-mtls-truststore-bucket",
    "apigwv2-default-endpoint-disabled",
    "remote-component-unverified",
    "lambda-permission-scoped",
    "lambda-runtime-supported",
    "lambda-env-plaintext-secrets",
    "iam-backend-role-least-privilege",
    "iam-cross-account-role-trust",
    "kms-key-rotation",
    "kms-key-policy-secure",
    "kms-key-deletion-window",
    "acm-certificate-key-strength",
    "acm-certificate-transparency",
    "acm-certificate-no-wildcard",
];

function sourceFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("policy pack rules (meta)", () => {
    it("keeps every rule name and the order of policies", () => {
        assert.deepStrictEqual(
            policies.map((p) => p.name),
            PACK_ORDER,
        );
    });

    it("lists each rule under its service, and each service's rules in its own directory", () => {
        for (const service of SERVICES) {
            for (const p of RULES_BY_SERVICE[service]) {
                const meta = ruleCatalog().find((m) => m.name === p.name);
                assert.strictEqual(meta?.service, service, p.name);
                assert.ok(fs.existsSync(path.join(RULES_DIR, service, `${p.name}.ts`)), `policy-pack/rules/${service}/${p.name}.ts`);
            }
        }
    });

    it("every rule has a spec file test/rules/<service>/<rule>.test.ts", () => {
        for (const meta of ruleCatalog()) {
            const spec = path.join(ROOT, "test", "rules", meta.service, `${meta.name}.test.ts`);
            assert.ok(fs.existsSync(spec), `missing spec ${path.relative(ROOT, spec)}`);
            assert.match(fs.readFileSync(spec, "utf8"), new RegExp(`const RULE = "${meta.name}"`), `${meta.name}: its spec runs that rule`);
        }
    });

    it("every rule has metadata: description, remediation, severity, level, resource types", () => {
        for (const [i, meta] of ruleCatalog().entries()) {
            const policy = policies[i];
            assert.strictEqual(meta.name, policy.name);
            assert.ok(meta.description.length > 20 && meta.description === policy.description, meta.name);
            assert.ok(meta.remediationSteps.length > 10 && meta.remediationSteps === policy.remediationSteps, meta.name);
            assert.ok(["low", "medium", "high", "critical"].includes(meta.severity) && policy.severity === meta.severity, meta.name);
            assert.ok(["mandatory", "advisory"].includes(meta.enforcementLevel) && policy.enforcementLevel === meta.enforcementLevel, meta.name);
            assert.ok(
                meta.resourceTypes.length > 0 && meta.resourceTypes.every((t) => /^(aws:[a-z0-9]+\/\w+:\w+|[a-z0-9-]+:index:\w+|\*)$/.test(t)),
                meta.name,
            );
            assert.strictEqual(meta.kind, "validateStack" in policy ? "stack" : "resource", meta.name);
        }
    });

    it("puts the service and the peer controls into the SDK's tags", () => {
        for (const [i, meta] of ruleCatalog().entries()) {
            const expected = [
                `service:${meta.service}`,
                ...(Object.keys(PEER_TAG_PREFIX) as (keyof PeerControls)[]).flatMap((peer) =>
                    (meta.controls[peer] ?? []).map((id) => `${PEER_TAG_PREFIX[peer]}:${id}`),
                ),
            ];
            assert.deepStrictEqual(policies[i].tags, expected, meta.name);
        }
        assert.ok(policies.find((p) => p.name === "apigw-stage-xray-tracing")?.tags?.includes("checkov:CKV_AWS_73"));
    });

    it("config keys have a description and a default, and the schema is what the rule declares", () => {
        for (const [i, meta] of ruleCatalog().entries()) {
            const schema = policies[i].configSchema?.properties ?? {};
            // Every rule also takes `waivers` (lib/waivers.ts), after its own keys.
            assert.deepStrictEqual(Object.keys(schema), [...meta.config.map((c) => c.key), "waivers"], meta.name);
            for (const c of meta.config) {
                assert.ok(c.description.length > 10, `${meta.name}.${c.key}`);
                assert.deepStrictEqual(schema[c.key].default, c.default, `${meta.name}.${c.key}`);
            }
        }
    });

    it("the README's rule table is the table rendered from the metadata", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const start = readme.indexOf(RULE_TABLE_BEGIN);
        const end = readme.indexOf(RULE_TABLE_END);
        assert.ok(start >= 0 && end > start, "README has the rule table marks");
        assert.strictEqual(
            readme.slice(start, end + RULE_TABLE_END.length),
            renderRuleTableSection(ruleCatalog()),
            "README rule table is stale: regenerate it from renderRuleTableSection(ruleCatalog())",
        );
    });

    it("rule sources are small, typed, and name no type tokens", () => {
        for (const file of sourceFiles(RULES_DIR)) {
            const text = fs.readFileSync(file, "utf8");
            const rel = path.relative(ROOT, file);
            // The size is the source's; a mutation run's sandbox holds Stryker's instrumented copy, which is longer.
            const instrumented = text.includes("stryMutAct_9fa48");
            assert.ok(instrumented || text.split("\n").length < 300, `${rel} has 300 lines or more`);
            assert.doesNotMatch(text.replace(/^\s*(\/\*\*|\*|\/\/).*$/gm, ""), /:\s*any\b|\bas any\b|<any>/, `${rel} uses any`);
            assert.doesNotMatch(text, /"aws:[a-z0-9]+\/\w+:\w+"/, `${rel} names a type token; use the resource class`);
        }
    });
});
