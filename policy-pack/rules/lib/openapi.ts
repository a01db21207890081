/**
 * What an OpenAPI definition (`aws.apigateway.RestApi.body`, `aws.apigatewayv2.Api.body`)
 * says about an API: Swagger 2 or OpenAPI 3, JSON or YAML, with API Gateway's
 * `x-amazon-apigateway-*` extensions. One parser, so that a body-defined API is
 * judged like the same API built from resources.
 */
import * as yaml from "js-yaml";
import { asArray, asRecord, asString, Props, toNumber } from "./values";

const VERBS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const ANY = "x-amazon-apigateway-any-method";

/** One operation: method (upper case, `ANY` for the any-method), path, and how callers are authorized. */
export interface OpenApiOperation {
    readonly method: string;
    readonly path: string;
    /** Names of the authorizer schemes every allowed way of calling it needs; empty when it can be called anonymously. */
    readonly authorizers: readonly string[];
    /** `x-amazon-apigateway-auth.type` (e.g. `AWS_IAM`), upper case, when set. */
    readonly authType?: string;
    readonly anonymous: boolean;
    readonly integration?: OpenApiIntegration;
    /** JSON pointer of the operation in the document, e.g. `/paths/~1orders/get`. */
    readonly pointer: string;
    /** True when it declares a request body schema (Swagger 2 `in: body` parameter, OpenAPI 3 `requestBody` content). */
    readonly bodyModel: boolean;
    /** `x-amazon-apigateway-request-validator` of the operation, when set. */
    readonly requestValidator?: string;
}

/** An operation's `x-amazon-apigateway-integration`. */
export interface OpenApiIntegration {
    readonly uri?: string;
    readonly type?: string;
    /** `connectionType` (e.g. `VPC_LINK`), when set. */
    readonly connectionType?: string;
    /** `tlsConfig.serverNameToVerify` (HTTP APIs), when set. */
    readonly serverNameToVerify?: string;
    /** Integration response key (e.g. `default`, `2\\d{2}`) to its `responseParameters` (`method.response.header.X` → value). */
    readonly responseParameters: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** An authorizer scheme (`x-amazon-apigateway-authorizer`). */
export interface OpenApiAuthorizer {
    readonly name: string;
    readonly type?: string;
    readonly ttlSeconds?: number;
}

export interface OpenApiDocument {
    readonly version: "swagger2" | "openapi3";
    readonly operations: readonly OpenApiOperation[];
    readonly authorizers: readonly OpenApiAuthorizer[];
    /** Gateway response type to its response headers (`gatewayresponse.header.X` → value). */
    readonly gatewayResponseHeaders: Readonly<Record<string, Readonly<Record<string, string>>>>;
    readonly cors?: Props;
    readonly requestValidators: Readonly<Record<string, Props>>;
    /** The document-wide `x-amazon-apigateway-request-validator`, when set. */
    readonly requestValidator?: string;
    readonly policy?: Props;
}

/** Escapes a JSON pointer token (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointerToken(token: string): string {
    return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The JSON pointer of an operation: `/paths/~1orders/get`, `/paths/~1x/x-amazon-apigateway-any-method`. */
export function operationPointer(path: string, method: string): string {
    return `/paths/${pointerToken(path)}/${method === "ANY" ? ANY : method.toLowerCase()}`;
}

/** String-valued entries of a record (response parameters, header mappings). */
function stringEntries(value: unknown): Record<string, string> {
    return Object.fromEntries(Object.entries(asRecord(value)).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

function integrationOf(op: Props): OpenApiIntegration | undefined {
    const integration = asRecord(op["x-amazon-apigateway-integration"]);
    if (Object.keys(integration).length === 0) {
        return undefined;
    }
    const connectionType = asString(integration.connectionType);
    const serverNameToVerify = asString(asRecord(integration.tlsConfig).serverNameToVerify);
    return {
        uri: asString(integration.uri),
        type: asString(integration.type),
        ...(connectionType ? { connectionType } : {}),
        ...(serverNameToVerify ? { serverNameToVerify } : {}),
        responseParameters: Object.fromEntries(
            Object.entries(asRecord(integration.responses)).map(([key, raw]) => [key, stringEntries(asRecord(raw).responseParameters)]),
        ),
    };
}

/** Swagger 2: a parameter `in: body` with a schema; OpenAPI 3: `requestBody.content.<type>.schema`. */
function hasBodyModel(op: Props, version: OpenApiDocument["version"]): boolean {
    if (version === "swagger2") {
        return asArray(op.parameters).some((p) => asRecord(p).in === "body" && asRecord(p).schema !== undefined);
    }
    return Object.values(asRecord(asRecord(op.requestBody).content)).some((c) => asRecord(c).schema !== undefined);
}

export type ParseResult = { readonly ok: true; readonly document: OpenApiDocument } | { readonly ok: false; readonly error: string };

/** Parses a body given as a JSON or YAML string, or an object. */
export function parseOpenApi(body: unknown): ParseResult {
    let doc: unknown = body;
    if (typeof body === "string") {
        try {
            doc = yaml.load(body, { schema: yaml.JSON_SCHEMA });
        } catch (err) {
            return { ok: false, error: `not JSON or YAML (${(err as Error).message.split("\n")[0]})` };
        }
    }
    const root = asRecord(doc);
    const version = typeof root.swagger === "string" ? "swagger2" : typeof root.openapi === "string" ? "openapi3" : undefined;
    if (!version) {
        return { ok: false, error: "neither a Swagger 2 (swagger) nor an OpenAPI 3 (openapi) document" };
    }
    const schemes = asRecord(version === "swagger2" ? root.securityDefinitions : asRecord(root.components).securitySchemes);
    const authorizers: OpenApiAuthorizer[] = Object.entries(schemes).flatMap(([name, raw]) => {
        const scheme = asRecord(raw);
        const authorizer = asRecord(scheme["x-amazon-apigateway-authorizer"]);
        const authType = asString(scheme["x-amazon-apigateway-authtype"]);
        if (Object.keys(authorizer).length === 0 && !authType) {
            return [];
        }
        const ttl = toNumber(authorizer.authorizerResultTtlInSeconds);
        return [{ name, type: asString(authorizer.type) ?? authType, ...(ttl !== undefined ? { ttlSeconds: ttl } : {}) }];
    });
    const authorizerNames = new Set(authorizers.map((a) => a.name));
    const topSecurity = root.security;
    const operations: OpenApiOperation[] = [];
    for (const [path, rawItem] of Object.entries(asRecord(root.paths))) {
        const item = asRecord(rawItem);
        const entries: [string, Props][] = [
            ...VERBS.filter((v) => item[v] !== undefined).map((v): [string, Props] => [v.toUpperCase(), asRecord(item[v])]),
            ...(item[ANY] !== undefined ? [["ANY", asRecord(item[ANY])] as [string, Props]] : []),
        ];
        for (const [method, op] of entries) {
            const requirements = asArray(op.security !== undefined ? op.security : topSecurity).map(asRecord);
            // Each requirement is one allowed way in; the operation is as open as its weakest.
            const perRequirement = requirements.map((r) => Object.keys(r).filter((k) => authorizerNames.has(k)));
            const authType = asString(asRecord(op["x-amazon-apigateway-auth"]).type)?.toUpperCase();
            const byAuthorizer = perRequirement.length > 0 && perRequirement.every((names) => names.length > 0);
            const byIam = authType !== undefined && authType !== "NONE";
            const integration = integrationOf(op);
            const requestValidator = asString(op["x-amazon-apigateway-request-validator"]);
            operations.push({
                method,
                path,
                authorizers: byAuthorizer ? [...new Set(perRequirement.flat())] : [],
                ...(authType ? { authType } : {}),
                anonymous: !byAuthorizer && !byIam,
                ...(integration ? { integration } : {}),
                pointer: operationPointer(path, method),
                bodyModel: hasBodyModel(op, version),
                ...(requestValidator ? { requestValidator } : {}),
            });
        }
    }
    const gatewayResponseHeaders = Object.fromEntries(
        Object.entries(asRecord(root["x-amazon-apigateway-gateway-responses"])).map(([type, raw]) => [type, stringEntries(asRecord(raw).responseParameters)]),
    );
    const cors = root["x-amazon-apigateway-cors"];
    const policy = root["x-amazon-apigateway-policy"];
    const requestValidator = asString(root["x-amazon-apigateway-request-validator"]);
    return {
        ok: true,
        document: {
            version,
            operations,
            authorizers,
            gatewayResponseHeaders,
            ...(cors !== undefined ? { cors: asRecord(cors) } : {}),
            requestValidators: Object.fromEntries(Object.entries(asRecord(root["x-amazon-apigateway-request-validators"])).map(([k, v]) => [k, asRecord(v)])),
            ...(requestValidator ? { requestValidator } : {}),
            ...(policy !== undefined ? { policy: asRecord(policy) } : {}),
        },
    };
}
