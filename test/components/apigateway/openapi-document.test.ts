/** OpenApiRestApi refuses bad documents and arguments before creating anything, naming the file, the JSON pointer and what is missing. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OpenApiRestApi, OpenApiRestApiArgs } from "../../../components";
import { assertRejectsBeforeCreating } from "../../harness";
import { openApiArgs, swagger } from "./openapi-fixtures";

type Doc = Record<string, unknown>;
const paths = (d: Doc) => d.paths as Record<string, Record<string, Record<string, unknown>>>;

/** The Swagger document with one change, as `orders.json`. */
const withChange = (change: (d: Doc) => void): Partial<OpenApiRestApiArgs> => {
    const doc = swagger();
    change(doc);
    return { document: { document: doc, name: "orders.json" } };
};
const rejects = (overrides: Partial<OpenApiRestApiArgs>, ...patterns: RegExp[]) =>
    assertRejectsBeforeCreating(() => new OpenApiRestApi("orders", openApiArgs(overrides)), ...patterns);

describe("OpenApiRestApi bad input (nothing is created)", () => {
    it("an operation without security names the file, the operation's pointer and what is missing", async () => {
        await rejects(
            withChange((d) => delete paths(d)["/orders"].get.security),
            /^OpenApiRestApi: document orders\.json#\/paths\/~1orders\/get has no security requirement naming a platform authorizer \(cognito, lambda, sigv4\)/,
            /publicOperations/,
        );
        await rejects(
            withChange((d) => (paths(d)["/orders"].post.security = [{}, { lambda: [] }])),
            /orders\.json#\/paths\/~1orders\/post has no security requirement/,
        );
    });

    it("a scheme the API has no authorizer for, an undeclared scheme, the document's own authorizer", async () => {
        await rejects(
            { authorizers: { lambda: openApiArgs().authorizers!.lambda! } },
            /orders\.json#\/paths\/~1orders\/get\/security\/0 names the cognito scheme, but the API has no such authorizer \(available: lambda, sigv4\)/,
        );
        await rejects(
            withChange((d) => (paths(d)["/orders"].get.security = [{ oauth: [] }])),
            /#\/paths\/~1orders\/get\/security\/0 names the undeclared security scheme "oauth"/,
        );
        await rejects(
            withChange(
                (d) =>
                    (d.securityDefinitions = {
                        mine: {
                            type: "apiKey",
                            name: "x",
                            in: "header",
                            "x-amazon-apigateway-authtype": "custom",
                            "x-amazon-apigateway-authorizer": { type: "token" },
                        },
                    }),
            ),
            /orders\.json#\/securityDefinitions\/mine defines its own authorizer; the platform injects its authorizers/,
        );
    });

    it("http:// integrations, a missing integration, a body schema under a validator that skips bodies", async () => {
        await rejects(
            withChange((d) => ((paths(d)["/reports"].get["x-amazon-apigateway-integration"] as Doc).uri = "http://backend.example.com/reports")),
            /orders\.json#\/paths\/~1reports\/get\/x-amazon-apigateway-integration\/uri is http:\/\/backend\.example\.com\/reports: plaintext http:\/\/ integrations are refused/,
        );
        await rejects(
            withChange((d) => delete paths(d)["/reports"].get["x-amazon-apigateway-integration"]),
            /#\/paths\/~1reports\/get has no x-amazon-apigateway-integration/,
        );
        await rejects(
            withChange((d) => {
                d["x-amazon-apigateway-request-validators"] = { params: { validateRequestBody: false, validateRequestParameters: true } };
                d["x-amazon-apigateway-request-validator"] = "params";
            }),
            /#\/paths\/~1orders\/post declares a request body schema but its request validator "params" does not validate bodies/,
        );
    });

    it("CORS the platform does not allow, and the document's own preflights", async () => {
        await rejects(
            withChange(
                (d) =>
                    (d["x-amazon-apigateway-gateway-responses"] = {
                        ACCESS_DENIED: { responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } },
                    }),
            ),
            /#\/x-amazon-apigateway-gateway-responses\/ACCESS_DENIED\/responseParameters\/gatewayresponse\.header\.Access-Control-Allow-Origin returns Access-Control-Allow-Origin \*, which is not one of the platform's origins/,
        );
        await rejects(
            withChange((d) => (paths(d)["/orders"].options = { "x-amazon-apigateway-integration": { type: "mock" } })),
            /#\/paths\/~1orders\/options is an OPTIONS operation, but the component answers CORS preflights itself/,
        );
        await rejects(
            withChange((d) => (d["x-amazon-apigateway-cors"] = { allowOrigins: ["*"] })),
            /#\/x-amazon-apigateway-cors applies to HTTP APIs only/,
        );
    });

    it("a document policy that would weaken a PRIVATE API, any document policy on a public one, an endpoint configuration", async () => {
        const open = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" }] };
        await rejects(
            { ...withChange((d) => (d["x-amazon-apigateway-policy"] = open)), endpointType: "PRIVATE", vpcEndpointIds: ["vpce-1"], policy: "{}" },
            /orders\.json#\/x-amazon-apigateway-policy would weaken the PRIVATE API: statement "\(no Sid\)" allows principal "\*" without an aws:SourceVpce/,
        );
        await rejects(
            withChange((d) => (d["x-amazon-apigateway-policy"] = open)),
            /#\/x-amazon-apigateway-policy is refused on a public API/,
        );
        await rejects(
            withChange((d) => (d["x-amazon-apigateway-endpoint-configuration"] = { disableExecuteApiEndpoint: false })),
            /#\/x-amazon-apigateway-endpoint-configuration the component sets the endpoint type/,
        );
    });

    it("files: missing, not JSON/YAML, not OpenAPI, wrong extension", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-"));
        const broken = path.join(dir, "broken.yaml");
        fs.writeFileSync(broken, "paths: [unclosed");
        const notOpenApi = path.join(dir, "plain.json");
        fs.writeFileSync(notOpenApi, JSON.stringify({ paths: {} }));
        await rejects({ document: { file: path.join(dir, "missing.yaml") } }, /OpenApiRestApi: document\.file .*missing\.yaml does not exist/);
        await rejects({ document: { file: broken } }, /document\.file .*broken\.yaml is not JSON or YAML/);
        await rejects({ document: { file: notOpenApi } }, /plain\.json# is neither a Swagger 2 \(swagger\) nor an OpenAPI 3 \(openapi\) document/);
        await rejects({ document: { file: path.join(dir, "api.txt") } }, /document\.file must be a \.json, \.yaml or \.yml file/);
    });

    it("public operations must be operations of the document, with a reason", async () => {
        await rejects(
            { publicOperations: [{ resource: "GET /nope", reason: "Health checks from the load balancer" }] },
            /publicOperations\[0\]\.resource must be an operation of orders\.json/,
        );
        await rejects(
            { publicOperations: [{ resource: "GET /reports", reason: "short" }] },
            /publicOperations\[0\]\.reason must say why GET \/reports is public/,
        );
    });

    it("the arguments a route-built REST API checks: names, throttle, logging, CORS, authorizer TTL, PRIVATE wiring", async () => {
        await rejects({ apiName: "bad/name" }, /OpenApiRestApi: apiName must be/);
        await rejects({ throttle: { rateLimit: 0, burstLimit: 1 } }, /OpenApiRestApi: throttle\.rateLimit/);
        await rejects({ logging: { retentionInDays: 2, kmsKeyArn: "k" } }, /logging\.retentionInDays must be one of/);
        await rejects({ cors: { allowedOrigins: ["http://evil.example.com"] } }, /cors\.allowedOrigins\[0\] must be an https origin/);
        await rejects(
            { authorizers: { lambda: { functionArn: "f", type: "TOKEN", resultTtlSeconds: 3601 } } },
            /resultTtlSeconds must be an integer from 0 to 3600/,
        );
        await rejects({ endpointType: "PRIVATE" }, /vpcEndpointIds\/policy are both required when endpointType is PRIVATE/);
    });
});
