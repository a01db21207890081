/**
 * A TypeScript program that fails type-checking fails the gate (exit 2, every
 * error with its location), as `pulumi preview` fails it; Pulumi's opt-outs are honoured.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { typeCheck, typeCheckSkipped } from "../../policy-pack/gate/typecheck";
import { ROOT } from "../harness";
import { planHere, Result } from "../support/cli";

/** A program importing only @pulumi/pulumi (quick to check) that registers one bucket; optionally, a type error. */
const SOURCE = `import * as pulumi from "@pulumi/pulumi";
class Bucket extends pulumi.CustomResource { constructor(name: string) { super("aws:s3/bucket:Bucket", name, {}); } }
new Bucket(new pulumi.Config().get("name") ?? "orders");
`;
const TYPE_ERROR = `const port: number = "8080";\nexport const portOut = port;\n`;

function program(files: Record<string, string>): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gate-typecheck-")));
    for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

/** The program ran and was reported on (not refused with exit 2). */
const ran = (r: Result) => r.code !== 2 && /^Offline plan of stack /.test(r.stdout) && /\+ aws:s3\/bucket:Bucket {2}orders$/m.test(r.stdout);

const rel = (dir: string, file: string) => path.relative(ROOT, path.join(dir, file));

async function withEnv<T>(name: string, value: string, run: () => Promise<T>): Promise<T> {
    const before = process.env[name];
    process.env[name] = value;
    try {
        return await run();
    } finally {
        if (before === undefined) {
            delete process.env[name];
        } else {
            process.env[name] = before;
        }
    }
}

describe("gate: type errors, as pulumi preview treats them", function () {
    this.timeout(300_000);

    it("a program that fails type-checking exits 2 with each error at file:line:column, before anything runs", async () => {
        const dir = program({ "index.ts": SOURCE + TYPE_ERROR, "helper.ts": 'export const retries: number = "3";\n' });
        fs.appendFileSync(path.join(dir, "index.ts"), 'import { retries } from "./helper";\nexport const r = retries;\n');
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.stdout, "");
        assert.match(r.stderr, /^error: the program fails type-checking \(2 errors\), as `pulumi preview` would fail it:\n/);
        assert.ok(r.stderr.includes(`  ${rel(dir, "index.ts")}:4:7 - error TS2322: Type 'string' is not assignable to type 'number'.\n`), r.stderr);
        assert.ok(r.stderr.includes(`  ${rel(dir, "helper.ts")}:1:14 - error TS2322: Type 'string' is not assignable to type 'number'.\n`), r.stderr);
        assert.match(r.stderr, /PULUMI_NODEJS_TRANSPILE_ONLY=true, or "noCheck": true in the tsconfig/);
    });

    it("a program broken against the installed @pulumi/aws fails, with the program's own tsconfig", async () => {
        const dir = program({
            "index.ts":
                'import * as aws from "@pulumi/aws";\nnew aws.lambda.Permission("p", { action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com", function: "f", sourceArns: ["x"] });\n',
            "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", target: "es2020", esModuleInterop: true } }),
        });
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2, r.stdout);
        assert.match(r.stderr, new RegExp(`${rel(dir, "index.ts").replace(/[.]/g, "\\.")}:2:\\d+ - error TS2561: .*'sourceArns'.*'sourceArn'`));
    });

    it("the opt-outs Pulumi honours: PULUMI_NODEJS_TRANSPILE_ONLY=true, tsconfig noCheck, runtime.options.typescript false", async () => {
        const broken = { "index.ts": SOURCE + TYPE_ERROR };
        const env = program(broken);
        const viaEnv = await withEnv("PULUMI_NODEJS_TRANSPILE_ONLY", "true", () => planHere("--program", env));
        assert.ok(ran(viaEnv), viaEnv.stderr);
        // Any other value of the variable means "type-check", as in Pulumi's runtime.
        assert.strictEqual((await withEnv("PULUMI_NODEJS_TRANSPILE_ONLY", "false", () => planHere("--program", env))).code, 2);
        const noCheck = program({ ...broken, "tsconfig.json": JSON.stringify({ compilerOptions: { noCheck: true } }) });
        assert.ok(ran(await planHere("--program", noCheck)));
        // PULUMI_NODEJS_TSCONFIG_PATH names another tsconfig, as Pulumi reads it.
        const other = program({ ...broken, "tsconfig.pulumi.json": JSON.stringify({ compilerOptions: { noCheck: true } }) });
        assert.strictEqual((await planHere("--program", other)).code, 2);
        assert.ok(ran(await withEnv("PULUMI_NODEJS_TSCONFIG_PATH", "tsconfig.pulumi.json", () => planHere("--program", other))));
        const runtime = program({ ...broken, "Pulumi.yaml": "name: orders\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n" });
        assert.ok(ran(await planHere("--program", runtime)));
    });

    it("JavaScript programs are not type-checked", () => {
        assert.strictEqual(typeCheckSkipped({ entryFile: "/x/index.js", projectDir: "/x" }, {}), "a JavaScript program");
        assert.strictEqual(typeCheckSkipped({ entryFile: "/x/index.ts", projectDir: "/x" }, {}), undefined);
        assert.strictEqual(typeCheck({ entryFile: "/x/index.js", projectDir: "/x" }, {}), "a JavaScript program");
    });

    it("a clean check is remembered, and an edit after it is checked again", async () => {
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "gate-typecheck-cache-"));
        const dir = program({ "index.ts": SOURCE });
        await withEnv("SECURE_API_GATE_CACHE", cache, async () => {
            assert.ok(ran(await planHere("--program", dir)));
            assert.strictEqual(fs.readdirSync(cache).length, 1);
            fs.appendFileSync(path.join(dir, "index.ts"), TYPE_ERROR);
            const r = await planHere("--program", dir);
            assert.strictEqual(r.code, 2);
            assert.match(r.stderr, /index\.ts:4:7 - error TS2322/);
        });
    });
});
