/**
 * What the stack builds from `openApiApis`, `httpApis` and `webSocketApis` (stacks/config-openapi.ts,
 * stacks/config-apis-v2.ts), literally: names, descriptions, tags, the execute-api endpoint switched
 * off only behind a custom domain, the WAF association and alarms as the API's children, the URL under
 * the platform's domain, the JWT authorizer only for JWT routes, the configured execution log level,
 * and the keys named in errors. Each program runs inside its own `it`.
 */
import * as assert from "assert";
import { ProgramError } from "../policy-pack/gate/runtime";
import { Plan, runStack, stackConfig } from "./harness";

const DEV_TAGS = { project: "secure-api-platform", owner: "platform-team", "cost-center": "1234", environment: "dev", "managed-by": "pulumi" };
const ORDERS_V2 = { name: "orders-v2-dev", file: "stacks/openapi/orders-v2.yaml" };
const OPENAPI = "secure-api:apigateway:OpenApiRestApi";
const ALARMS = "secure-api:observability:ApiAlarms";
const V2_API = "aws:apigatewayv2/api:Api";

/** The dev stack's value of a config key, parsed. */
const devValue = <T>(key: string): T => JSON.parse(stackConfig("dev")[`secure-api-platform:${key}`]) as T;
type V2Entry = Record<string, unknown> & { name: string; routes: Record<string, unknown>[] };

function refusal(overrides: Record<string, unknown>, stack = "dev"): Promise<ProgramError> {
    return runStack(stack, overrides).then(
        () => assert.fail("the stack was accepted"),
        (err: unknown) => {
            assert.ok(err instanceof ProgramError, String(err));
            return err;
        },
    );
}

const namesOf = (plan: Plan, type: string): string[] => plan.ofType(type).map((r) => r.name);

describe("stack config builders (literal): openApiApis", () => {
    it("names, describes and tags the API, keeps its execute-api endpoint without a domain, and parents its WAF association and alarms", async () => {
        const plan = await runStack("dev");
        const component = plan.one(OPENAPI, "orders-v2-dev");
        const api = plan.props("aws:apigateway/restApi:RestApi", "orders-v2-dev");
        assert.strictEqual(api.description, "orders-v2-dev (from stacks/openapi/orders-v2.yaml)");
        assert.deepStrictEqual(api.tags, DEV_TAGS);
        assert.strictEqual(api.disableExecuteApiEndpoint, false);
        assert.strictEqual(plan.one("aws:wafv2/webAclAssociation:WebAclAssociation", "orders-v2-dev-waf").parent, component.urn);
        assert.strictEqual(plan.one(ALARMS, "orders-v2-dev-alarms").parent, component.urn);
        assert.deepStrictEqual(
            (plan.props("aws:cloudwatch/logMetricFilter:LogMetricFilter", "orders-v2-dev-alarms-throttled").metricTransformation as { name: string }).name,
            "orders-v2-dev-throttled",
        );
    });

    it("builds no alarms when the stack configures none", async () => {
        const plan = await runStack("dev", { alarms: undefined });
        // The platform's REST API keeps its own alarms (with their defaults); the OpenAPI API has none.
        assert.deepStrictEqual(namesOf(plan, ALARMS), ["orders-dev-alarms"]);
        assert.strictEqual(plan.one(OPENAPI, "orders-v2-dev").name, "orders-v2-dev");
    });

    it("exports no openApiApis output when the stack declares none", async () => {
        const plan = await runStack("dev", { openApiApis: undefined });
        assert.strictEqual(plan.outputs.openApiApis?.value, undefined);
        assert.deepStrictEqual(namesOf(plan, OPENAPI), []);
    });

    it("behind the platform's domain: the execute-api endpoint off, a base path mapping under the API's name, and that URL exported", async () => {
        const plan = await runStack("prod", { openApiApis: [{ name: "orders-v2-prod", file: ORDERS_V2.file }] });
        const component = plan.one(OPENAPI, "orders-v2-prod");
        assert.strictEqual(plan.props("aws:apigateway/restApi:RestApi", "orders-v2-prod").disableExecuteApiEndpoint, true);
        const mapping = plan.one("aws:apigateway/basePathMapping:BasePathMapping", "orders-v2-prod-mapping");
        assert.strictEqual(mapping.parent, component.urn);
        assert.strictEqual(mapping.props.basePath, "orders-v2-prod");
        assert.strictEqual(mapping.props.domainName, "api.example.com");
        const outputs = plan.outputs.openApiApis.value as Record<string, Record<string, string>>;
        assert.strictEqual(outputs["orders-v2-prod"].apiUrl, "https://api.example.com/orders-v2-prod");
    });

    it("reads a document with the JSON schema (an unquoted 0x2A stays its text, not 42) and needs no Lambda authorizer for a SigV4-only document", async () => {
        const plan = await runStack("dev", {
            openApiApis: [{ name: "reports", file: "test/fixtures/openapi/iam-hex-version.yaml" }],
            lambdaAuthorizer: undefined,
            routes: devValue<{ auth: string }[]>("routes").filter((r) => r.auth !== "lambda"),
        });
        const body = JSON.parse(String(plan.props("aws:apigateway/restApi:RestApi", "reports").body)) as { info: { version: unknown } };
        assert.strictEqual(body.info.version, "0x2A");
    });

    it("refuses a bad platform origin list as the REST API does, by its own key, not by the OpenAPI entry", async () => {
        const error = await refusal(
            { openApiApis: [{ name: "orders-v2-prod", file: ORDERS_V2.file }], cors: { allowedOrigins: ["http://app.example.com"] } },
            "prod",
        );
        assert.strictEqual(
            error.message,
            "invalid stack config in Pulumi.prod.yaml:\n" +
                '  - secure-api-platform:cors.allowedOrigins[0]: must be an https origin without a path, e.g. https://app.example.com (got "http://app.example.com") (RestApi)',
        );
    });

    it("a private stack's OpenAPI API gets the PRIVATE resource policy with the configured source ranges denied", async () => {
        const plan = await runStack("dev", {
            exposure: "private",
            cors: undefined,
            network: { allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.20.0.0/16" },
            resourcePolicy: { deniedSourceCidrs: ["10.9.0.0/16"] },
            // A private stack has no CORS origin list, so its HTTP API asks for none.
            httpApis: devValue<V2Entry[]>("httpApis").map((a) => ({ ...a, cors: undefined })),
        });
        const api = plan.props("aws:apigateway/restApi:RestApi", "orders-v2-dev");
        assert.match(String(api.policy), /"aws:SourceVpce"/);
        assert.match(String(api.policy), /"10\.9\.0\.0\/16"/);
    });
});

describe("stack config builders (literal): httpApis and webSocketApis", () => {
    it("keep their execute-api endpoints without a domain, log WebSocket executions at the stack's level, and alarm per kind", async () => {
        const plan = await runStack("dev");
        assert.strictEqual(plan.props(V2_API, "orders-http-dev").disableExecuteApiEndpoint, false);
        assert.strictEqual(plan.props(V2_API, "orders-live-dev").disableExecuteApiEndpoint, false);
        // dev's logging.executionLevel is INFO; the component's own default is ERROR.
        const stage = plan.props("aws:apigatewayv2/stage:Stage", "orders-live-dev-stage");
        assert.strictEqual((stage.defaultRouteSettings as { loggingLevel: string }).loggingLevel, "INFO");
        const metric = (name: string) => (plan.props("aws:cloudwatch/logMetricFilter:LogMetricFilter", name).metricTransformation as { name: string }).name;
        assert.strictEqual(metric("orders-http-dev-alarms-throttled"), "orders-http-dev-http-throttled");
        assert.strictEqual(metric("orders-live-dev-alarms-throttled"), "orders-live-dev-ws-throttled");
    });

    it("build no v2 alarms when the stack configures none", async () => {
        const plan = await runStack("dev", { alarms: undefined });
        assert.deepStrictEqual(namesOf(plan, ALARMS), ["orders-dev-alarms"]);
    });

    it("name resources from the API name lower-cased, each run of other characters one -", async () => {
        const http = devValue<V2Entry[]>("httpApis").map((a) => ({ ...a, name: "Orders  HTTP__dev" }));
        const ws = devValue<V2Entry[]>("webSocketApis").map((a) => ({ ...a, name: "Orders  LIVE__dev" }));
        const plan = await runStack("dev", { httpApis: http, webSocketApis: ws });
        assert.deepStrictEqual(namesOf(plan, V2_API).sort(), ["orders-http-dev", "orders-live-dev"]);
        assert.deepStrictEqual(Object.keys(plan.outputs.httpApis.value as object), ["Orders  HTTP__dev"]);
    });

    it("give an HTTP API without JWT routes no JWT authorizer", async () => {
        const http = devValue<V2Entry[]>("httpApis").map((a) => ({ ...a, routes: a.routes.filter((r) => r.auth !== "jwt") }));
        const plan = await runStack("dev", { httpApis: http });
        const types = plan.ofType("aws:apigatewayv2/authorizer:Authorizer").map((a) => `${a.name} ${String(a.props.authorizerType)}`);
        assert.deepStrictEqual(types.sort(), ["orders-http-dev-lambda-authorizer REQUEST", "orders-live-dev-connect-authorizer REQUEST"]);
        assert.strictEqual((plan.outputs.httpApis.value as Record<string, Record<string, unknown>>)["orders-http-dev"].jwtAuthorizerId, undefined);
    });

    it("behind a custom domain: the execute-api endpoint off, the domain named after the API, its URL exported", async () => {
        const zone = { hostedZoneId: "Z00000000EXAMPLE" };
        const http = devValue<V2Entry[]>("httpApis").map((a) => ({
            ...a,
            domain: { ...zone, domainName: "http.dev.example.com", mtlsCaBundleFile: "stacks/certs/prod-client-ca.pem" },
        }));
        // WebSocket APIs have no mutual TLS.
        const ws = devValue<V2Entry[]>("webSocketApis").map((a) => ({ ...a, domain: { ...zone, domainName: "live.dev.example.com" } }));
        const plan = await runStack("dev", { httpApis: http, webSocketApis: ws });
        assert.strictEqual(plan.props(V2_API, "orders-http-dev").disableExecuteApiEndpoint, true);
        assert.strictEqual(plan.props(V2_API, "orders-live-dev").disableExecuteApiEndpoint, true);
        assert.deepStrictEqual(namesOf(plan, "secure-api:tls:CustomDomain").sort(), ["orders-http-dev-domain", "orders-live-dev-domain"]);
        const outputs = plan.outputs.httpApis.value as Record<string, Record<string, string>>;
        assert.strictEqual(outputs["orders-http-dev"].apiUrl, "https://http.dev.example.com/");
    });

    it("name the key of a domain's missing CA bundle", async () => {
        const missing = { domainName: "x.dev.example.com", hostedZoneId: "Z00000000EXAMPLE", mtlsCaBundleFile: "stacks/certs/missing.pem" };
        const http = await refusal({ httpApis: devValue<V2Entry[]>("httpApis").map((a) => ({ ...a, domain: missing })) });
        assert.match(http.message, /secure-api-platform:httpApis\[0\]\.domain\.mtlsCaBundleFile: file stacks\/certs\/missing\.pem does not exist/);
    });
});
