/**
 * The deployed artifact itself: the `index.js` of the function's code asset,
 * written to a temporary folder and run by a fresh Node.js process (as Lambda
 * would load it), against tokens signed here and a JWKS on 127.0.0.1.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleJwtAuthorizer, JwtAuthorizerFunction } from "../../../components/lambda";
import { ROOT, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";
import { JwksServer, sign, signWithPublicKeyAsSecret, TEST_AUDIENCE, TEST_ISSUER, TestKey, testKey, tokenEvent } from "./jwt-authorizer/issuer";

const DRIVER = `
const { handler } = require(process.argv[2]);
handler(JSON.parse(process.argv[3])).then(
    (r) => console.log("RESULT " + JSON.stringify(r)),
    (e) => console.log("ERROR " + e.message));
`;

interface Run {
    stdout: string;
    stderr: string;
    code: number | null;
}

function runNode(dir: string, env: Record<string, string>, event: unknown): Promise<Run> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [path.join(dir, "driver.js"), path.join(dir, "index.js"), JSON.stringify(event)],
            { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 15_000 },
            (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 }),
        );
    });
}

describe("JWT authorizer bundle", function () {
    this.timeout(60_000);
    let dir: string;
    let key: TestKey;
    let server: JwksServer;
    let env: Record<string, string>;

    before(async () => {
        const plan = await runProgram(() => {
            new JwtAuthorizerFunction("authorizer", {
                issuer: TEST_ISSUER,
                audience: TEST_AUDIENCE,
                routeScopes: { "GET /orders": ["orders.read"] },
                logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN },
            });
        });
        const fn = plan.props("aws:lambda/function:Function");
        const code = fn.code as { assets: Record<string, { text: string }> };
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "jwt-authorizer-bundle-"));
        fs.writeFileSync(path.join(dir, "index.js"), code.assets["index.js"].text);
        fs.writeFileSync(path.join(dir, "driver.js"), DRIVER);
        key = await testKey("bundle-key", "RS256");
        server = await JwksServer.start([key]);
        // The function's own environment, with the JWKS pointed at the local server.
        env = { ...(fn.environment as { variables: Record<string, string> }).variables, JWKS_URI: server.url, JWKS_ALLOW_LOOPBACK_HTTP_FOR_TESTS: "true" };
    });
    after(async () => {
        await server?.close();
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("reads only what handler.ts imports: the handler's modules, the baseline, jose", () => {
        const inputs = bundleJwtAuthorizer().inputs;
        assert.ok(inputs.includes("components/lambda/jwt-authorizer/handler.ts"));
        // jose by where it really is: under Stryker the sandbox's node_modules is a symlink to the project's, so its
        // paths are relative to the sandbox (../../node_modules/jose/...).
        const jose = fs.realpathSync(path.join(ROOT, "node_modules", "jose")) + path.sep;
        const fromJose = (i: string) => fs.realpathSync(path.resolve(ROOT, i)).startsWith(jose);
        assert.deepStrictEqual(
            inputs.filter((i) => !/^(components\/lambda\/jwt-authorizer\/|policy-pack\/baseline\/)/.test(i) && !fromJose(i)),
            [],
        );
    });

    it("allows a valid token on exactly the method ARN", async () => {
        const event = tokenEvent(`Bearer ${await sign(key)}`);
        const run = await runNode(dir, env, event);
        const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
        assert.ok(line, `no result: ${run.stdout} ${run.stderr}`);
        const result = JSON.parse(line.slice("RESULT ".length)) as { policyDocument: unknown; context: unknown };
        assert.deepStrictEqual(result.policyDocument, {
            Version: "2012-10-17",
            Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
        });
        assert.deepStrictEqual(result.context, { sub: "user-123", clientId: "web-client", scopes: "orders.read orders.write" });
    });

    it("refuses a token signed with the public key as an HMAC secret (401)", async () => {
        const token = await signWithPublicKeyAsSecret(key);
        const run = await runNode(dir, env, tokenEvent(`Bearer ${token}`));
        assert.match(run.stdout, /^ERROR Unauthorized$/m);
        assert.match(run.stderr, /"decision":"unauthorized","reason":"alg_not_allowed"/);
        assert.ok(!run.stdout.includes(token) && !run.stderr.includes(token));
    });

    it("does not start with an invalid environment, and refuses the test flag inside Lambda", async () => {
        const noIssuer = await runNode(dir, { ...env, ISSUER: "" }, tokenEvent("Bearer a.b.c"));
        assert.notStrictEqual(noIssuer.code, 0);
        assert.match(noIssuer.stderr, /JWT authorizer configuration: ISSUER is required/);
        const inLambda = await runNode(dir, { ...env, AWS_LAMBDA_FUNCTION_NAME: "authorizer" }, tokenEvent("Bearer a.b.c"));
        assert.match(inLambda.stderr, /JWKS_ALLOW_LOOPBACK_HTTP_FOR_TESTS is for tests only/);
    });
});
