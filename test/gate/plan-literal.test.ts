/**
 * The plan command in-process and literal: `stackOutputsJson`, `errorMessage` for
 * every known error and anything else, and `main` — help, usage errors, exit
 * codes with exactly one mandatory, one advisory or only waived findings, a
 * policy config changing levels, `--out` and `--outputs-json`, and a failing
 * program's message with its line and the config hint.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PolicyConfigError, RuleError } from "../../policy-pack/gate/engine";
import { errorMessage, main, ProgramFailure, stackOutputsJson, USAGE, UsageError } from "../../policy-pack/gate/plan";
import { IncompleteRunError, ProgramError } from "../../policy-pack/gate/runtime";
import { MixedSdkError } from "../../policy-pack/gate/sdk";
import { MissingStackReferenceError } from "../../policy-pack/gate/stack-references";
import { StackFileError } from "../../policy-pack/gate/stack-files";
import { TypeCheckError } from "../../policy-pack/gate/typecheck";
import { ROOT } from "../harness";
import { planHere } from "../support/cli";
import { Scratch } from "../support/scratch";

const PROGRAM = "test/fixtures/waivers/open-health";
const RULE = "apigw-method-requires-authorization";
const KEY = "AKIAIOSFODNN7EXAMPLE";

const scratch = new Scratch("plan-literal-");
const file = scratch.file;
const policyConfig = (config: unknown) => file(`policy-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(config));
interface Refs {
    outputs: Record<string, unknown>;
    stackReferences: unknown[];
}
const lastLine = (text: string) => text.trimEnd().split("\n").pop();

describe("gate: the plan command, literal", function () {
    this.timeout(120_000);
    before(scratch.create);
    after(scratch.remove);

    it("stack outputs as `pulumi stack output --json`: secrets hidden, unknown outputs left out", () => {
        assert.deepStrictEqual(
            stackOutputsJson({
                url: { value: "https://x", secret: false, known: true },
                key: { value: "k", secret: true, known: true },
                later: { value: undefined, secret: false, known: false },
                hidden: { value: undefined, secret: true, known: false },
                n: { value: 0, secret: false, known: true },
            }),
            { url: "https://x", key: "[secret]", n: 0 },
        );
    });

    it("known errors print as they are, with usage after a usage error", () => {
        const known: Error[] = [
            new StackFileError("m"),
            new PolicyConfigError("m"),
            new IncompleteRunError("m", []),
            new ProgramFailure("m"),
            new TypeCheckError("m"),
            new MixedSdkError("m"),
            new Error("--stack-outputs a=b: no such file"),
        ];
        assert.deepStrictEqual(
            known.map((e) => errorMessage(e)),
            [...known.slice(0, 6).map(() => "error: m"), "error: --stack-outputs a=b: no such file"],
        );
        assert.strictEqual(errorMessage(new RuleError("r", "u", new Error("x"))), "error: rule r failed on u: x");
        assert.strictEqual(
            errorMessage(new MissingStackReferenceError("o/p/s", "do this")),
            'error: no outputs are known for stack reference "o/p/s"; do this',
        );
        assert.strictEqual(errorMessage(new UsageError("bad flag")), `error: bad flag\n\n${USAGE}`);
    });

    it("anything else is the program's failure, never printing a credential", () => {
        assert.strictEqual(errorMessage(new Error("boom")), "error: the program failed: boom");
        assert.strictEqual(errorMessage(new Error("see --stack-outputs a")), "error: the program failed: see --stack-outputs a");
        assert.strictEqual(errorMessage(new ProgramError(new Error("p"), [])), "error: the program failed: p");
        assert.strictEqual(errorMessage("a string"), "error: the program failed: a string");
        assert.strictEqual(errorMessage(42), "error: the program failed: 42");
        assert.strictEqual(errorMessage(new StackFileError(`key ${KEY}`)), "error: key [secret]");
    });

    it("--help prints the usage and exits 0; a bad argument prints the error and usage and exits 2", async () => {
        assert.deepStrictEqual(await planHere("--help"), { code: 0, stdout: `${USAGE}\n`, stderr: "" });
        assert.deepStrictEqual(await planHere("--bogus"), { code: 2, stdout: "", stderr: `error: unknown argument "--bogus"\n\n${USAGE}\n` });
        const stack = await planHere("--stack", "nope");
        assert.deepStrictEqual([stack.code, stack.stdout], [2, ""]);
        assert.match(stack.stderr, /^error: unknown stack "nope"; this project has: dev, prod\n\nUsage: /);
    });

    it("exactly one mandatory finding exits 1, in every format", async () => {
        const text = await planHere("--program", PROGRAM);
        assert.deepStrictEqual([text.code, text.stderr], [1, ""]);
        assert.strictEqual(lastLine(text.stdout), "3 resources, 1 mandatory and 0 advisory policy violations — the plan FAILS policy.");
        const json = await planHere("--program", PROGRAM, "--json");
        const report = JSON.parse(json.stdout) as {
            summary: unknown;
            program: string;
            configFile: null;
            policyConfigFile: null;
            violations: { policyName: string }[];
        };
        assert.deepStrictEqual(
            [json.code, report.summary, report.program, report.configFile, report.policyConfigFile, report.violations.map((v) => v.policyName)],
            [1, { resources: 3, mandatory: 1, advisory: 0, waived: 0 }, PROGRAM, null, null, [RULE]],
        );
        const sarif = await planHere("--program", PROGRAM, "--sarif");
        const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { version: string } }; results: { level: string }[] }[] };
        const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
        assert.deepStrictEqual([sarif.code, log.runs[0].tool.driver.version, log.runs[0].results.map((r) => r.level)], [1, version, ["error"]]);
    });

    it("exactly one advisory finding (the config downgrades the rule) exits 0 and the override is reported", async () => {
        const config = policyConfig({ [RULE]: "advisory" });
        const text = await planHere("--program", PROGRAM, "--policy-config", config);
        assert.strictEqual(text.code, 0);
        assert.strictEqual(lastLine(text.stdout), "3 resources, 0 mandatory and 1 advisory policy violations — the plan passes policy.");
        const sarif = await planHere("--program", PROGRAM, "--policy-config", config, "--sarif");
        const log = JSON.parse(sarif.stdout) as { runs: { invocations: { ruleConfigurationOverrides: unknown[] }[] }[] };
        assert.deepStrictEqual(log.runs[0].invocations[0].ruleConfigurationOverrides, [
            { descriptor: { id: RULE, index: 0 }, configuration: { level: "warning" } },
        ]);
        const json = JSON.parse((await planHere("--program", PROGRAM, "--policy-config", config, "--json")).stdout) as { policyConfigFile: string };
        assert.strictEqual(json.policyConfigFile, path.relative(ROOT, config));
    });

    it("a rule made mandatory again after `all: advisory` exits 1; rules left at their level are no override", async () => {
        const config = policyConfig({ all: "advisory", [RULE]: "mandatory" });
        const sarif = await planHere("--program", PROGRAM, "--policy-config", config, "--sarif");
        const log = JSON.parse(sarif.stdout) as { runs: { invocations: { ruleConfigurationOverrides: { descriptor: { id: string } }[] }[] }[] };
        const overridden = log.runs[0].invocations[0].ruleConfigurationOverrides.map((o) => o.descriptor.id);
        assert.strictEqual(sarif.code, 1);
        assert.ok(!overridden.includes(RULE), `${RULE} is mandatory by default`);
        assert.ok(overridden.length > 10, "the mandatory rules made advisory are overrides");
    });

    it("waived findings only exit 0", async () => {
        const waiver = { resource: "probe-get-health", reason: "probes call it anonymously", expires: "2099-12-31" };
        const r = await planHere("--program", PROGRAM, "--policy-config", policyConfig({ [RULE]: { waivers: [waiver] } }));
        assert.strictEqual(r.code, 0);
        assert.strictEqual(lastLine(r.stdout), "3 resources, 0 mandatory and 0 advisory policy violations — the plan passes policy.");
    });

    it("--out writes the report and prints the text summary; --outputs-json writes the stack outputs", async () => {
        const program = file("outs/index.js", 'const pulumi = require("@pulumi/pulumi");\nexports.url = "https://x";\nexports.key = pulumi.secret("k");\n');
        const out = path.join(scratch.dir, "report.json");
        const outputs = path.join(scratch.dir, "outputs.json");
        const r = await planHere("--program", program, "--json", "--out", out, "--outputs-json", outputs, "--mode", "update");
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(fs.readFileSync(outputs, "utf8"), '{\n  "url": "https://x",\n  "key": "[secret]"\n}\n');
        const written = fs.readFileSync(out, "utf8");
        assert.ok(written.endsWith("\n}\n"), written);
        assert.deepStrictEqual((JSON.parse(written) as { outputs: unknown }).outputs, {
            url: { value: "https://x", secret: false, known: true },
            key: { value: "[secret]", secret: true, known: true },
        });
        assert.ok(r.stdout.startsWith('Offline plan of stack "offline" (project outs, program '), r.stdout);
        assert.ok(r.stdout.endsWith(`the plan passes policy.\n\nReport written to ${out}\n`), r.stdout);
        const text = await planHere("--program", program, "--out", out);
        assert.strictEqual(fs.readFileSync(out, "utf8"), text.stdout.replace(`\n\nReport written to ${out}\n`, "\n"));
    });

    it("a stack reference to another project needs --stack-outputs; one to our own stack is planned offline, as deployed", async () => {
        const ref = (name: string, stack: string, output: string) =>
            file(`${name}/index.js`, `const r = new (require("@pulumi/pulumi").StackReference)("${stack}");\nexports.out = r.requireOutput("${output}");\n`);
        const foreign = await planHere("--program", ref("foreign", "acme/network/prod", "vpcId"));
        assert.strictEqual(foreign.code, 2);
        assert.strictEqual(
            foreign.stderr,
            'error: no outputs are known for stack reference "acme/network/prod"; pass --stack-outputs acme/network/prod=FILE with FILE written by `pulumi stack output --json --show-secrets` in that stack; or reference one of this project\'s own stacks (<org>/secure-api-platform/dev, <org>/secure-api-platform/prod), which the gate plans offline itself\n',
        );
        const outputs = file("network.json", '{ "vpcId": "vpc-1" }');
        const given = JSON.parse(
            (await planHere("--program", path.join(scratch.dir, "foreign"), "--stack-outputs", `acme/network/prod=${outputs}`, "--json")).stdout,
        ) as Refs;
        assert.deepStrictEqual(
            [given.outputs.out, given.stackReferences],
            [{ value: "vpc-1", secret: false, known: true }, [{ stack: "acme/network/prod", source: path.relative(ROOT, outputs) }]],
        );
        const ownProgram = ref("own", "acme/secure-api-platform/dev", "apiUrl");
        fs.appendFileSync(
            ownProgram,
            'exports.key = r.getOutput("apiKeyValues");\nexports.none = r.getOutput("nope").apply((v) => (v === undefined ? "absent" : v));\n',
        );
        const own = await planHere("--program", ownProgram, "--json");
        const report = JSON.parse(own.stdout) as Refs;
        assert.strictEqual(own.code, 0, own.stderr);
        assert.deepStrictEqual(report.stackReferences, [
            { stack: "acme/secure-api-platform/dev", source: "computed by planning stack dev of this project offline, as deployed" },
        ]);
        assert.deepStrictEqual(
            report.outputs.out,
            { value: "https://0blqetz.execute-api.us-east-1.amazonaws.com/dev", secret: false, known: true },
            "known at a preview: planned as deployed",
        );
        assert.deepStrictEqual(
            [report.outputs.key, report.outputs.none],
            [
                { value: "[secret]", secret: true, known: true },
                { value: "absent", secret: false, known: true },
            ],
        );
        const unknownStack = await planHere("--program", ref("own-gone", "acme/secure-api-platform/qa", "apiUrl"));
        assert.match(unknownStack.stderr, /^error: no outputs are known for stack reference "acme\/secure-api-platform\/qa"; pass --stack-outputs /);
    });

    it("a finding never prints a Pulumi secret of the plan, input or output; findings sorted by rule, then URN", async () => {
        const program = file(
            "quoted/index.js",
            [
                'const aws = require("@pulumi/aws");',
                'const pulumi = require("@pulumi/pulumi");',
                'const api = new aws.apigateway.RestApi("q", { endpointConfiguration: { types: "REGIONAL" } });',
                "function integration(name, uri) {",
                "    const resource = new aws.apigateway.Resource(name, { restApi: api.id, parentId: api.rootResourceId, pathPart: name });",
                '    new aws.apigateway.Method(name, { restApi: api.id, resourceId: resource.id, httpMethod: "GET", authorization: "AWS_IAM" });',
                '    new aws.apigateway.Integration(name, { restApi: api.id, resourceId: resource.id, httpMethod: "GET", type: "HTTP_PROXY", integrationHttpMethod: "GET", uri });',
                "}",
                'integration("zin", pulumi.secret("http://in.corp.example/a"));',
                'integration("mplain", "http://plain.corp.example/c");',
                'integration("aout", "http://out.corp.example/b");',
                'new aws.apigateway.Method("zz", { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "PUT", authorization: "NONE" });',
                'new aws.apigateway.Method("aa", { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "PUT", authorization: "NONE" });',
                'exports.s = pulumi.secret("http://out.corp.example/b");',
            ].join("\n"),
        );
        const r = await planHere("--program", program, "--json", "--mode", "update");
        const found = (JSON.parse(r.stdout) as { violations: { policyName: string; resourceName: string; message: string }[] }).violations;
        const says = (name: string) =>
            `Integration "${name}" (HTTP_PROXY) calls its backend in clear text (uri "[secret]"), so requests, tokens and responses can be read or changed on the way. Set uri to the backend's https:// endpoint.`;
        const open = (name: string) =>
            `Method "${name}" (PUT) has authorization NONE, so anyone who can reach the API can call it. Set authorization to COGNITO_USER_POOLS, CUSTOM, AWS_IAM, or list "${name}" in allowedAnonymousMethods if it is meant to be public.`;
        assert.deepStrictEqual(
            found.map((v) => [v.policyName, v.resourceName, v.message]),
            [
                ["apigw-method-requires-authorization", "aa", open("aa")],
                ["apigw-method-requires-authorization", "zz", open("zz")],
                ["apigw-integration-https", "aout", says("aout")],
                ["apigw-integration-https", "mplain", says("mplain").replace("[secret]", "http://plain.corp.example/c")],
                ["apigw-integration-https", "zin", says("zin")],
            ],
        );
    });

    it("a program in the working directory is named . in the report", async () => {
        const here = path.dirname(file("here/index.js", "exports.x = 1;\n"));
        const out: string[] = [];
        const cwd = process.cwd();
        process.chdir(here);
        try {
            assert.strictEqual(
                await main(
                    ["--program", ".", "--json"],
                    (t) => out.push(t),
                    (t) => out.push(t),
                ),
                0,
            );
        } finally {
            process.chdir(cwd);
        }
        assert.strictEqual((JSON.parse(out.join("")) as { program: string }).program, ".");
    });
});
