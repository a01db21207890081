/**
 * The string patterns and environment rules of `parsePlatformConfig`, key by
 * key: the exact problem for a value just outside each pattern (unanchored,
 * over-long, wrong characters) and acceptance of the values just inside.
 */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { stackConfig } from "./harness";

const P = "secure-api-platform";

function problems(stack: string, overrides: Record<string, unknown>): string[] {
    try {
        parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return assert.fail("the config was accepted");
}

const accepts = (stack: string, overrides: Record<string, unknown>) => parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`);

/** A key of a stack file as written there, to change one field of it. */
const fileValue = (stack: string, key: string): Record<string, unknown> => JSON.parse(stackConfig(stack)[`${P}:${key}`]) as Record<string, unknown>;

const route = (extra: Record<string, unknown>) => [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "mock", responseBody: {} }, ...extra }];
const lambdaRoute = (functionArn: string) => route({ integration: { kind: "lambda", functionArn } });
const privateNet = (network: Record<string, unknown>) => ({ exposure: "private", network: { allowedCidrs: ["10.0.0.0/8"], ...network } });

describe("stack config patterns, literally", () => {
    it("a route path must start with /", () => {
        assert.deepStrictEqual(problems("dev", { routes: route({ path: "a/b" }) }), [`${P}:routes[0].path: expected a path starting with /, got "a/b"`]);
    });

    it("an http integration URI must start with https://", () => {
        assert.deepStrictEqual(problems("dev", { routes: route({ integration: { kind: "http", uri: "xhttps://a.example.com" } }) }), [
            `${P}:routes[0].integration.uri: expected an https:// URL, got "xhttps://a.example.com"`,
        ]);
    });

    it("a Lambda integration takes arn:aws and partition ARNs, nothing before arn:", () => {
        assert.deepStrictEqual(problems("dev", { routes: lambdaRoute("xarn:aws:lambda:us-east-1:123456789012:function:f") }), [
            `${P}:routes[0].integration.functionArn: expected a Lambda function ARN, got "xarn:aws:lambda:us-east-1:123456789012:function:f"`,
        ]);
        for (const arn of ["arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f"]) {
            assert.strictEqual(accepts("dev", { routes: lambdaRoute(arn) }).routes[0].integration.kind, "lambda");
        }
    });

    it("a VPC id is vpc- and hex digits only, and subnet ids likewise", () => {
        for (const bad of ["xvpc-0abc", "vpc-0abz"]) {
            assert.deepStrictEqual(problems("dev", privateNet({ vpcId: bad, subnetIds: ["subnet-0abc"] })), [
                `${P}:network.vpcId: expected a VPC id such as vpc-0abc123, got "${bad}"`,
            ]);
        }
        for (const bad of ["xsubnet-0abc", "subnet-0abz"]) {
            assert.deepStrictEqual(problems("dev", privateNet({ vpcId: "vpc-0abc", subnetIds: [bad] })), [
                `${P}:network.subnetIds[0]: expected a subnet id such as subnet-0abc123, got "${bad}"`,
            ]);
        }
        assert.deepStrictEqual(accepts("dev", privateNet({ vpcId: "vpc-0abc", subnetIds: ["subnet-0abc"] })).network?.subnetIds, ["subnet-0abc"]);
    });

    it("a new VPC's CIDR is /16 to /24, and an invalid CIDR gives the baseline's reason", () => {
        assert.strictEqual(accepts("dev", privateNet({ vpcCidr: "10.0.0.0/16" })).network?.vpcCidr, "10.0.0.0/16");
        assert.strictEqual(accepts("dev", privateNet({ vpcCidr: "10.0.0.0/24" })).network?.vpcCidr, "10.0.0.0/24");
        const expected = "expected an IPv4 CIDR from /16 to /24 such as 10.0.0.0/16";
        assert.deepStrictEqual(problems("dev", privateNet({ vpcCidr: "10.0.0.0/25" })), [`${P}:network.vpcCidr: ${expected}, got "10.0.0.0/25" (is /25)`]);
        assert.deepStrictEqual(problems("dev", privateNet({ vpcCidr: "10.0.0.0/15" })), [`${P}:network.vpcCidr: ${expected}, got "10.0.0.0/15" (is /15)`]);
        assert.match(
            problems("dev", privateNet({ vpcCidr: "nope" }))[0],
            /^secure-api-platform:network\.vpcCidr: expected an IPv4 CIDR from \/16 to \/24 such as 10\.0\.0\.0\/16, got "nope" \(.+\)$/,
        );
    });

    it("canary stage variables: names of 1-64 word characters, values of 1-512 allowed characters", () => {
        const canary = (overrides: Record<string, string>) => ({ canary: { percentTraffic: 10, stageVariableOverrides: overrides } });
        const ok = { ["a".repeat(64)]: "v".repeat(512), ab: "a-b" };
        assert.deepStrictEqual(accepts("dev", canary(ok)).canary?.stageVariableOverrides, ok);
        for (const key of ["a".repeat(65), "!a", "a!"]) {
            assert.deepStrictEqual(problems("dev", canary({ [key]: "v" })), [
                `${P}:canary.stageVariableOverrides.${key}: key must be a stage variable name (letters, digits, _)`,
            ]);
        }
        for (const value of ["v".repeat(513), "!a", "a!"]) {
            assert.deepStrictEqual(problems("dev", canary({ k: value })), [
                `${P}:canary.stageVariableOverrides.k: expected 1-512 letters, digits or -._~:/?#&=,, got "${value}"`,
            ]);
        }
    });

    it("a custom domain's zone id, certificate ARN and CA bundle path are checked whole", () => {
        const domain = (extra: Record<string, unknown>) => ({ domain: { ...fileValue("prod", "domain"), ...extra } });
        for (const bad of ["XZ0A", "Z0Aa"]) {
            assert.deepStrictEqual(problems("prod", domain({ hostedZoneId: bad })), [
                `${P}:domain.hostedZoneId: expected a Route 53 hosted zone id such as Z0123456789ABC, got "${bad}"`,
            ]);
        }
        assert.deepStrictEqual(problems("prod", domain({ certificateArn: "xarn:aws:acm:us-east-1:123456789012:certificate/c" })), [
            `${P}:domain.certificateArn: expected an ACM certificate ARN, got "xarn:aws:acm:us-east-1:123456789012:certificate/c"`,
        ]);
        for (const arn of ["arn:aws:acm:us-east-1:123456789012:certificate/c", "arn:aws-cn:acm:cn-north-1:123456789012:certificate/c"]) {
            assert.strictEqual(accepts("prod", domain({ certificateArn: arn })).domain?.certificateArn, arn);
        }
        assert.deepStrictEqual(problems("prod", domain({ mtlsCaBundleFile: "stacks/certs/ca.pem.txt" })), [
            `${P}:domain.mtlsCaBundleFile: expected a path to a .pem file, relative to the project, got "stacks/certs/ca.pem.txt"`,
        ]);
    });

    it("usage plan tier names are lower-case throughout, and method throttle paths start with /", () => {
        const plans = fileValue("prod", "usagePlans");
        const tiers = plans.tiers as Record<string, unknown>;
        for (const name of ["Free", "free!"]) {
            assert.deepStrictEqual(problems("prod", { usagePlans: { ...plans, tiers: { ...tiers, [name]: tiers.free } } }), [
                `${P}:usagePlans.tiers.${name}: key must be a lower-case tier name`,
            ]);
        }
        const throttles = [{ path: "a/orders", method: "POST", rateLimit: 20, burstLimit: 40 }];
        assert.deepStrictEqual(problems("prod", { usagePlans: { ...plans, methodThrottles: throttles } }), [
            `${P}:usagePlans.methodThrottles[0].path: expected a path starting with /, got "a/orders"`,
        ]);
    });

    it("a client secret's reader role is a whole IAM role ARN with a 12-digit account", () => {
        const plans = fileValue("prod", "usagePlans");
        const withRole = (readerRoleArn: string) => ({
            usagePlans: { ...plans, clients: [{ name: "web", tier: "premium", secret: { readerRoleArn } }] },
        });
        for (const arn of ["arn:aws:iam::123456789012:role/reader", "arn:aws-cn:iam::123456789012:role/team/reader+x"]) {
            assert.strictEqual(accepts("prod", withRole(arn)).usagePlans?.clients[0].secret?.readerRoleArn, arn);
        }
        for (const bad of ["xarn:aws:iam::123456789012:role/reader", "arn:aws:iam::123456789012:role/reader!", "arn:aws:iam::12345678901:role/r"]) {
            assert.deepStrictEqual(problems("prod", withRole(bad)), [
                `${P}:usagePlans.clients[0].secret.readerRoleArn: expected an IAM role ARN, got "${bad}"`,
            ]);
        }
    });

    it("alarm topics are SNS ARNs of any partition, nothing before arn:", () => {
        const alarms = fileValue("prod", "alarms");
        const arn = "arn:aws-cn:sns:cn-north-1:123456789012:oncall";
        assert.deepStrictEqual(accepts("prod", { alarms: { ...alarms, alarmTopicArns: [arn] } }).alarms?.alarmTopicArns, [arn]);
        assert.deepStrictEqual(problems("prod", { alarms: { ...alarms, alarmTopicArns: [`x${arn}`] } }), [
            `${P}:alarms.alarmTopicArns[0]: expected an SNS topic ARN, got "x${arn}"`,
        ]);
    });

    it("tags: keys of 1-128 allowed characters, values up to 256 characters on one line", () => {
        const ok = { ["k".repeat(128)]: "v".repeat(256) };
        assert.deepStrictEqual(accepts("prod", { tags: ok }).tags, ok);
        for (const key of ["k".repeat(129), "!k", "k!"]) {
            assert.deepStrictEqual(problems("prod", { tags: { [key]: "v" } }), [`${P}:tags.${key}: key must be a tag key`]);
        }
        for (const value of ["v".repeat(257), "a\nb"]) {
            assert.deepStrictEqual(problems("prod", { tags: { owner: value } }), [`${P}:tags.owner: expected a tag value, got ${JSON.stringify(value)}`]);
        }
    });

    it("an unknown key far from every known one gets no suggestion", () => {
        const [problem] = problems("dev", { qqqqqqqqqqqq: 1 });
        assert.match(problem, /^secure-api-platform:qqqqqqqqqqqq: unknown key; allowed keys: environment, apiName, .*, openApiApis$/);
    });
});

describe("stack config environment rules, literally", () => {
    it("dev may allow wildcard CORS; prod may not", () => {
        const cors = fileValue("dev", "cors");
        assert.strictEqual(accepts("dev", { cors: { ...cors, allowWildcard: true } }).cors?.allowWildcard, true);
        const prodCors = fileValue("prod", "cors");
        assert.deepStrictEqual(problems("prod", { cors: { ...prodCors, allowWildcard: true } }), [`${P}:cors.allowWildcard: must not be true in prod`]);
    });

    it("prod refuses exact localhost origins, with or without a port, and nothing else", () => {
        const cors = fileValue("prod", "cors");
        const origins = ["http://localhost", "http://127.0.0.1:8080", "http://localhost.example.com", "xhttp://localhost"];
        assert.deepStrictEqual(problems("prod", { cors: { ...cors, allowedOrigins: origins } }), [
            `${P}:cors.allowedOrigins[0]: localhost origins are not allowed in prod, got "http://localhost"`,
            `${P}:cors.allowedOrigins[1]: localhost origins are not allowed in prod, got "http://127.0.0.1:8080"`,
        ]);
    });

    it("prod needs MFA ON and ENFORCED advanced security when set, and accepts cognito leaving security unset", () => {
        const cognito = fileValue("prod", "cognito");
        assert.deepStrictEqual(problems("prod", { cognito: { ...cognito, mfa: "OPTIONAL" } }), [`${P}:cognito.mfa: expected ON in prod, got "OPTIONAL"`]);
        assert.deepStrictEqual(problems("prod", { cognito: { ...cognito, advancedSecurityMode: "AUDIT" } }), [
            `${P}:cognito.advancedSecurityMode: expected ENFORCED in prod, got "AUDIT"`,
        ]);
        const { advancedSecurityMode: _unset, ...rest } = cognito;
        assert.strictEqual(accepts("prod", { cognito: rest }).cognito?.advancedSecurityMode, undefined);
    });
});
