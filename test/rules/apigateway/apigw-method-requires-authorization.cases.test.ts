import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, lambdaInvokeUri, method, restApi } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-method-requires-authorization";
const LAMBDA_URI = lambdaInvokeUri("fn");
const FIX = (name: string) =>
    `set authorization to COGNITO_USER_POOLS, CUSTOM, AWS_IAM, or list "${name}" in allowedAnonymousMethods if it is meant to be public.`;

/** An API with one child resource, and an anonymous OPTIONS method on it. */
const preflightOn = () => {
    const api = restApi("api");
    const res = new aws.apigateway.Resource("res", { restApi: api.id, parentId: api.rootResourceId, pathPart: "x" });
    const preflight = method("preflight", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: res.id });
    return { api, res, preflight };
};

describe(`${RULE} (cases)`, () => {
    it("rejects a config whose allowedAnonymousMethods has an empty or a repeated entry", async () => {
        const program = () => void method("health", restApi("api"), { authorization: "NONE" });
        for (const allowedAnonymousMethods of [[""], ["health", "health"]]) {
            await assert.rejects(
                ruleFindings(RULE, program, { config: { [RULE]: { allowedAnonymousMethods } } }),
                /allowedAnonymousMethods/,
                JSON.stringify(allowedAnonymousMethods),
            );
        }
    });

    it("states the whole findings on an anonymous OPTIONS method without a MOCK integration", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            method("bare", api, { authorization: "NONE", httpMethod: "OPTIONS" });
            const res = new aws.apigateway.Resource("fn", { restApi: api.id, parentId: api.rootResourceId, pathPart: "fn" });
            const m = method("to-backend", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: res.id });
            new aws.apigateway.Integration("lambda", {
                restApi: m.restApi,
                resourceId: m.resourceId,
                httpMethod: m.httpMethod,
                type: "AWS_PROXY",
                integrationHttpMethod: "POST",
                uri: LAMBDA_URI,
            });
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "bare",
                message: [
                    exactly(
                        'Method "bare" (OPTIONS) has authorization NONE but no MOCK integration in this stack answers it, so it is not known to be a CORS preflight. ' +
                            `Give it an aws.apigateway.Integration of type MOCK, or ${FIX("bare")}`,
                    ),
                ],
            },
            {
                resource: "to-backend",
                message: [
                    exactly(
                        'Method "to-backend" (OPTIONS) has authorization NONE but its Integration "lambda" is AWS_PROXY (type), not MOCK: ' +
                            `anyone can reach that backend with an OPTIONS request. Make the preflight a MOCK integration, or ${FIX("to-backend")}`,
                    ),
                ],
            },
        ]);
    });

    it("names an anonymous method whose httpMethod is null (e.g. read from config) with '?'", async () => {
        assertFindings(
            await ruleFindings(RULE, () => void method("nameless", restApi("api"), { authorization: "NONE", httpMethod: null as unknown as string })),
            RULE,
            "mandatory",
            [
                {
                    resource: "nameless",
                    message: [
                        exactly(
                            `Method "nameless" (?) has authorization NONE, so anyone who can reach the API can call it. Set authorization to COGNITO_USER_POOLS, CUSTOM, AWS_IAM, or list "nameless" in allowedAnonymousMethods if it is meant to be public.`,
                        ),
                    ],
                },
            ],
        );
    });

    it("exempts only an OPTIONS body operation with a MOCK integration, not another verb answered by MOCK", async () => {
        const body = JSON.stringify({ swagger: "2.0", info: {}, paths: { "/x": { get: { "x-amazon-apigateway-integration": { type: "mock" } } } } });
        assertFindings(await ruleFindings(RULE, () => void restApi("mock-get", { body })), RULE, "mandatory", [
            { resource: "mock-get", message: [/^RestApi "mock-get" body operation GET \/x has no security/] },
        ]);
    });

    it("an integration built from a method by its httpMethod or its resourceId alone answers that method", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const { api, res, preflight } = preflightOn();
                new aws.apigateway.Integration("by-verb", { restApi: preflight.restApi, resourceId: res.id, httpMethod: preflight.httpMethod, type: "MOCK" });
                const other = new aws.apigateway.Resource("other", { restApi: api.id, parentId: api.rootResourceId, pathPart: "y" });
                const byResource = method("by-resource-preflight", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: other.id });
                new aws.apigateway.Integration("by-resource", {
                    restApi: byResource.restApi,
                    resourceId: byResource.resourceId,
                    httpMethod: "OPTIONS",
                    type: "MOCK",
                });
            }),
        );
    });

    it("an integration built from no method answers the method on the same API and resource (from the same resources) and HTTP method", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const { api, res } = preflightOn();
                new aws.apigateway.Integration("mock", { restApi: api.id, resourceId: res.id, httpMethod: "OPTIONS", type: "MOCK" });
            }),
        );
    });

    it("an integration on the same API and resource whose httpMethod is unknown at a first preview may yet answer the preflight", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const { api, res } = preflightOn();
            new aws.apigateway.Integration("later", { restApi: api.id, resourceId: res.id, httpMethod: afterDeployment("OPTIONS"), type: "MOCK" });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "preflight",
                message: [
                    exactly(
                        'cannot be verified at preview: Integration "later".httpMethod is unknown; it must be the httpMethod of Method "preflight": Method "preflight" (OPTIONS) has authorization NONE and needs a MOCK integration.',
                    ),
                ],
            },
        ]);
        assertNoFindings(found.update);
    });

    it("once an integration answers the preflight, another one whose link is unknown at a first preview does not matter", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const { api, res, preflight } = preflightOn();
                new aws.apigateway.Integration("mock", {
                    restApi: preflight.restApi,
                    resourceId: preflight.resourceId,
                    httpMethod: preflight.httpMethod,
                    type: "MOCK",
                });
                new aws.apigateway.Integration("maybe", {
                    restApi: api.id,
                    resourceId: res.id,
                    httpMethod: afterDeployment("GET"),
                    type: "AWS_PROXY",
                    integrationHttpMethod: "POST",
                    uri: LAMBDA_URI,
                });
            }),
        );
    });

    it("an integration built from another method never answers the preflight, whatever its unknown values; the next integration may", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.apigateway.Method("preflight", { restApi: "api1", resourceId: "res1", httpMethod: "OPTIONS", authorization: "NONE" });
            const get = new aws.apigateway.Method("get", { restApi: "api1", resourceId: "res1", httpMethod: "GET", authorization: "AWS_IAM" });
            const ofGet = new aws.apigateway.Integration("of-get", {
                restApi: "api1",
                resourceId: get.resourceId,
                httpMethod: afterDeployment("GET"),
                type: "MOCK",
            });
            // Registered after the other one: the first integration that may answer the preflight is looked for past those that cannot.
            new aws.apigateway.Integration(
                "later-mock",
                { restApi: "api1", resourceId: "res1", httpMethod: afterDeployment("OPTIONS"), type: "MOCK" },
                { dependsOn: [ofGet] },
            );
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "preflight",
                message: [/^cannot be verified at preview: Integration "later-mock"\.httpMethod is unknown; it must be the httpMethod of Method "preflight": /],
            },
        ]);
        assertNoFindings(found.update);
    });

    it("HTTP methods are matched by value, not by the resource they were computed from", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const verbs = new aws.sqs.Queue("verbs", { name: "verbs" });
            new aws.apigateway.Method("preflight", {
                restApi: "api1",
                resourceId: "res1",
                httpMethod: verbs.name.apply(() => "OPTIONS"),
                authorization: "NONE",
            });
            new aws.apigateway.Integration("get-mock", {
                restApi: afterDeployment("api1"),
                resourceId: "res1",
                httpMethod: verbs.name.apply(() => "GET"),
                type: "MOCK",
            });
        });
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "preflight", message: [/^Method "preflight" \(OPTIONS\) has authorization NONE but no MOCK integration/] },
        ]);
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "preflight", message: [/^Method "preflight" \(OPTIONS\) has authorization NONE but no MOCK integration/] },
        ]);
    });
});
