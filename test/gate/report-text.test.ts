/**
 * The text report, whole, as a reader and a CI log see it: every section, its
 * order, indentation and wording, pinned for a small program (three resources,
 * one finding) as a first preview, and in update mode with the finding waived.
 * Package versions are the only part left out (they follow the lockfile).
 */
import * as assert from "assert";
import * as fs from "fs";
import { planHere, tmp } from "../support/cli";

const PROGRAM = "test/fixtures/waivers/open-health";
const PACKAGES = /^Packages: .*$/m;
const PACKAGES_LINE =
    "Packages: @pulumi/pulumi X (the gate's, node_modules/@pulumi/pulumi); @pulumi/aws X (the gate's, node_modules/@pulumi/aws); @pulumi/policy X (the gate's, node_modules/@pulumi/policy)";
const FINDING =
    'Method "probe-get-health" (GET) has authorization NONE, so anyone who can reach the API can call it. Set authorization to COGNITO_USER_POOLS, CUSTOM, AWS_IAM, or list "probe-get-health" in allowedAnonymousMethods if it is meant to be public.';

/** Where the fixture creates its Method (read from the file: a copy may carry a header, as Stryker's sandbox does). */
const METHOD_AT = `${PROGRAM}/index.ts:${
    fs
        .readFileSync(`${PROGRAM}/index.ts`, "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith('new aws.apigateway.Method("probe-get-health"')) + 1
}:1`;

const text = (stdout: string) => {
    const packages = PACKAGES.exec(stdout)?.[0] ?? "";
    return stdout.replace(PACKAGES, packages.replace(/ \d+\.\d+\.\d+(?:-[\w.]+)? \(/g, " X (")).trimEnd();
};

const HEAD = (mode: string) => [
    `Offline plan of stack "offline" (project open-health, program ${PROGRAM})`,
    PACKAGES_LINE,
    mode,
    "",
    "Resources:",
    "  ┬ pulumi:pulumi:Stack  open-health-offline",
    "    + aws:apigateway/method:Method  probe-get-health",
    "    + aws:apigateway/resource:Resource  probe-health",
    "    + aws:apigateway/restApi:RestApi  probe",
    "",
    "Count by type:",
    "     1  aws:apigateway/method:Method",
    "     1  aws:apigateway/resource:Resource",
    "     1  aws:apigateway/restApi:RestApi",
    "     1  pulumi:pulumi:Stack",
    "",
];
const TAIL = ["Not inspected by any rule:", "     1  aws:apigateway/resource:Resource", ""];

describe("gate: the text report, whole", function () {
    this.timeout(120_000);

    it("a first preview with one mandatory finding: located, with its fix and controls; FAILS", async () => {
        const r = await planHere("--program", PROGRAM);
        assert.strictEqual(r.code, 1);
        assert.strictEqual(
            text(r.stdout),
            [
                ...HEAD("Mode: preview — as a first `pulumi preview` sees the stack: ids and computed outputs unknown"),
                "Mandatory policy violations: 1",
                `  [apigw-method-requires-authorization] aws:apigateway/method:Method "probe-get-health": ${FINDING}`,
                `      at ${METHOD_AT}`,
                "      fix: Set authorization to COGNITO_USER_POOLS, CUSTOM or AWS_IAM; answer OPTIONS preflights with a MOCK integration; or add the method's resource name to allowedAnonymousMethods.",
                "      controls: checkov:CKV_AWS_59",
                "",
                "Advisory policy violations: 0",
                "",
                ...TAIL,
                "3 resources, 1 mandatory and 0 advisory policy violations — the plan FAILS policy.",
            ].join("\n"),
        );
    });

    it("update mode with the finding waived: a Waived section with reason and expiry, not counted; passes", async () => {
        const config = tmp("policy.json");
        fs.writeFileSync(
            config,
            JSON.stringify({
                "apigw-method-requires-authorization": {
                    waivers: [{ resource: "probe-get-health", reason: "probes call it anonymously; static MOCK body", expires: "2099-12-31" }],
                },
            }),
        );
        const r = await planHere("--program", PROGRAM, "--mode", "update", "--policy-config", config);
        assert.strictEqual(r.code, 0);
        assert.strictEqual(
            text(r.stdout),
            [
                ...HEAD("Mode: update — every value known, as `pulumi up` sees it"),
                "Mandatory policy violations: 0",
                "",
                "Advisory policy violations: 0",
                "",
                "Waived (accepted in the policy config, not counted): 1",
                '  [apigw-method-requires-authorization] aws:apigateway/method:Method "probe-get-health": waived: probes call it anonymously; static MOCK body (until 2099-12-31)',
                `      finding: ${FINDING}`,
                "",
                ...TAIL,
                "3 resources, 0 mandatory and 0 advisory policy violations — the plan passes policy.",
            ].join("\n"),
        );
    });
});
