/**
 * JwtAuthorizerFunction's derived names, literally: the default JWKS URI from an issuer with trailing
 * slashes, the default function name from the component name and stack (cut to Lambda's 64 characters), an explicit name refused by
 * Lambda's pattern, and the descriptions of the function and its role.
 */
import * as assert from "assert";
import { JwtAuthorizerFunction, JwtAuthorizerFunctionArgs, jwtAuthorizerFunctionSettings } from "../../../components/lambda";
import { runProgram, thrown } from "../../harness";

const args = (o: Partial<JwtAuthorizerFunctionArgs> = {}): JwtAuthorizerFunctionArgs => ({
    issuer: "https://issuer.example",
    audience: "orders-api",
    routeScopes: { "GET /orders": ["orders.read"] },
    logging: { retentionInDays: 90, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
    ...o,
});

describe("JwtAuthorizerFunction names (literal)", () => {
    it("derives the JWKS URI from the issuer without its trailing slashes", () => {
        const { settings } = jwtAuthorizerFunctionSettings("authorizer", args({ issuer: "https://issuer.example/tenant//" }));
        assert.strictEqual(settings.jwksUri, "https://issuer.example/tenant/.well-known/jwks.json");
    });

    it("names the function <name>-<stack>, each run of other characters one -", async () => {
        const plan = await runProgram(() => new JwtAuthorizerFunction("orders..jwt  auth", args()), { stack: "dev" });
        assert.strictEqual(plan.props("aws:lambda/function:Function").name, "orders-jwt-auth-dev");
    });

    it("cuts a default name longer than Lambda's 64 characters to its first 64", async () => {
        const plan = await runProgram(() => new JwtAuthorizerFunction("a".repeat(62), args()), { stack: "dev" });
        assert.strictEqual(plan.props("aws:lambda/function:Function").name, `${"a".repeat(62)}-d`);
    });

    it("refuses a function name that is not a string (a JavaScript caller's number), naming it", () => {
        const error = thrown(() => jwtAuthorizerFunctionSettings("authorizer", args({ functionName: 42 as unknown as string })));
        assert.strictEqual(error.message, "JwtAuthorizerFunction: functionName must be 1-64 letters, digits, - or _ (got 42)");
    });

    it("refuses an explicit function name Lambda would refuse, naming it", () => {
        const error = thrown(() => jwtAuthorizerFunctionSettings("authorizer", args({ functionName: "orders authorizer" })));
        assert.strictEqual(error.message, 'JwtAuthorizerFunction: functionName must be 1-64 letters, digits, - or _ (got "orders authorizer")');
    });

    it("describes the function by its issuer and the role by the function", async () => {
        const plan = await runProgram(() => new JwtAuthorizerFunction("authorizer", args({ functionName: "orders-authorizer" })));
        assert.strictEqual(plan.props("aws:lambda/function:Function").description, "JWT authorizer for https://issuer.example");
        assert.strictEqual(
            plan.props("aws:iam/role:Role", "authorizer-role").description,
            "Execution role of the orders-authorizer JWT authorizer: its own logs and X-Ray only",
        );
    });
});
