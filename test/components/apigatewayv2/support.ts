/** Shared pieces of the HTTP and WebSocket API specs: minimal arguments, and "the whole pack, everywhere". */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HttpApiArgs, WebSocketApiArgs } from "../../../components";
import { PlanMode } from "../../../policy-pack/gate/mocks";
import { Plan, runProgram } from "../../harness";
import { analyzeWithPack } from "../../support/analyzer";
import { BACKEND_ARN, FUNCTION_ARN, KMS_ARN } from "../fixtures";

export { BACKEND_ARN, FUNCTION_ARN, KMS_ARN };
export const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example";

export function httpApiArgs(overrides: Partial<HttpApiArgs> = {}): HttpApiArgs {
    return {
        environment: "dev",
        apiName: "orders-http",
        stageName: "dev",
        routes: [
            { path: "/orders", method: "GET", auth: "jwt", scopes: ["orders.read"], integration: { kind: "lambda", functionArn: BACKEND_ARN } },
            { path: "/reports", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://reports.example.com/reports" } },
        ],
        authorizers: { jwt: { issuer: ISSUER, audiences: ["client-web"] } },
        throttle: { rateLimit: 50, burstLimit: 100 },
        logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN },
        ...overrides,
    };
}

export function webSocketApiArgs(overrides: Partial<WebSocketApiArgs> = {}): WebSocketApiArgs {
    return {
        environment: "dev",
        apiName: "orders-ws",
        stageName: "dev",
        routes: [
            { routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
            { routeKey: "$disconnect", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
            { routeKey: "sendMessage", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
        ],
        connectAuth: "lambda",
        lambdaAuthorizer: { functionArn: FUNCTION_ARN, identitySources: ["route.request.querystring.token"] },
        throttle: { rateLimit: 20, burstLimit: 40 },
        logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN },
        ...overrides,
    };
}

/**
 * Every finding of the whole pack (advisory included) on what `program` creates: offline in update and
 * preview mode, and through the real analyzer in both modes. A component is compliant when this is empty.
 */
export async function packFindingsEverywhere(program: () => unknown): Promise<string[]> {
    const found: string[] = [];
    for (const mode of ["update", "preview"] as PlanMode[]) {
        const plan = await runProgram(program, { mode });
        found.push(...(await plan.violations()).map((v) => `offline ${mode}: ${v.policyName} ${v.resourceName ?? ""}: ${v.message}`));
        found.push(...(await analyzeWithPack(plan.resources, { mode })).map((f) => `analyzer ${mode}: ${f.policyName}: ${f.message}`));
    }
    return found;
}

/** A `transforms` option that changes the inputs of the children of one type. */
export function transformChildren(type: string, change: (props: Record<string, unknown>) => Record<string, unknown>): pulumi.ComponentResourceOptions {
    return {
        transforms: [(args) => (args.type === type ? { props: change({ ...(args.props as Record<string, unknown>) }), opts: args.opts } : undefined)],
    };
}

/** Asserts the named rule reports exactly the expected resources (by name, one or more findings each), with the property named in each message. */
export function assertCaught(
    found: { policyName: string; resourceName?: string; message: string }[],
    rule: string,
    resources: string[],
    property: RegExp,
): void {
    assert.deepStrictEqual(
        [...new Set(found.map((v) => `${v.policyName} ${v.resourceName}`))].sort(),
        resources.map((r) => `${rule} ${r}`).sort(),
        `${rule} should catch ${resources.join(", ")}: ${found.map((f) => f.message).join(" | ")}`,
    );
    for (const f of found) {
        assert.match(f.message, property);
    }
}

/** The (mock) id of the one resource of a type. */
export function idOf(plan: Plan, type: string): string {
    return String(plan.one(type).outputs?.id);
}
