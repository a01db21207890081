/**
 * The platform's parts of an OpenAPI-defined REST API, injected into the
 * document (pure: plain values in, a new document out):
 * - the authorizers as security schemes a document names in its security
 *   requirements: `cognito` (COGNITO_USER_POOLS), `lambda` (TOKEN or REQUEST
 *   Lambda authorizer with a bounded result cache and an invocation role) and
 *   `sigv4` (AWS_IAM);
 * - request validators: `platform-body-and-parameters` (body and parameters),
 *   the document's default unless it names its own;
 * - CORS from the platform's origin list: DEFAULT_4XX / DEFAULT_5XX gateway
 *   responses and, on every path, an OPTIONS preflight answered by a MOCK.
 * The deployed document is checked by `openapi-document.ts` with the pack's parser.
 */
import { HTTP_METHODS, AuthKind } from "../../policy-pack/baseline";
import { OpenApiDocument } from "../../policy-pack/rules/lib/openapi";
import { asRecord, Props } from "../../policy-pack/rules/lib/values";
import { routeKey } from "../shared/naming";
import { CorsArgs, gatewayResponseHeaders, originEchoTemplate, preflightHeaders } from "./cors";

/** Security scheme names a document uses for the platform's authorizers. */
export const PLATFORM_SCHEMES: Readonly<Record<Exclude<AuthKind, "none">, string>> = { cognito: "cognito", lambda: "lambda", iam: "sigv4" };

/** The document's schemes without those named like the platform's (which it injects). */
function ownSchemes(schemes: unknown): Props {
    const names = Object.values(PLATFORM_SCHEMES);
    return Object.fromEntries(Object.entries(asRecord(schemes)).filter(([n]) => !names.includes(n)));
}

/** The platform validator every operation runs unless the document names its own. */
export const PLATFORM_VALIDATOR = "platform-body-and-parameters";

/** The injected Lambda authorizer, with its values resolved. */
export interface InjectedLambda {
    type: "TOKEN" | "REQUEST";
    authorizerUri: string;
    credentials: string;
    identitySource: string;
    ttlSeconds: number;
    /** @default undefined */
    identityValidationExpression?: string;
}

/** What is injected, with values resolved. */
export interface Injection {
    /** @default undefined (no cognito scheme) */
    cognito?: { providerArns: string[] };
    /** @default undefined (no lambda scheme) */
    lambda?: InjectedLambda;
    /** @default undefined (no CORS) */
    cors?: Required<CorsArgs>;
    /** Route keys (`GET /health`) made explicitly public (`security: []`). */
    publicOperations: readonly string[];
}

/** The security schemes object of a document (`securityDefinitions` or `components.securitySchemes`). */
export function schemesOf(doc: Props, version: OpenApiDocument["version"]): Props {
    return asRecord(version === "swagger2" ? doc.securityDefinitions : asRecord(doc.components).securitySchemes);
}

const VERBS = ["get", "put", "post", "delete", "head", "patch", "x-amazon-apigateway-any-method"];

/** The security scheme names a document's requirements use. */
export function referencedSchemes(doc: Props): Set<string> {
    const names = new Set<string>();
    const add = (security: unknown) => (Array.isArray(security) ? security : []).forEach((r) => Object.keys(asRecord(r)).forEach((n) => names.add(n)));
    add(doc.security);
    for (const item of Object.values(asRecord(doc.paths))) {
        for (const verb of [...VERBS, "options"]) {
            add(asRecord(asRecord(item)[verb]).security);
        }
    }
    return names;
}

function schemes(injection: Injection, referenced: Set<string>): Props {
    const out: Props = {};
    const header = { type: "apiKey", name: "Authorization", in: "header" };
    if (injection.cognito && referenced.has(PLATFORM_SCHEMES.cognito)) {
        out[PLATFORM_SCHEMES.cognito] = {
            ...header,
            "x-amazon-apigateway-authtype": "cognito_user_pools",
            "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: injection.cognito.providerArns },
        };
    }
    const lambda = injection.lambda;
    if (lambda && referenced.has(PLATFORM_SCHEMES.lambda)) {
        const tokenHeader = lambda.type === "TOKEN" ? lambda.identitySource.replace(/^method\.request\.header\./, "") : "Unused";
        out[PLATFORM_SCHEMES.lambda] = {
            ...header,
            name: tokenHeader,
            "x-amazon-apigateway-authtype": "custom",
            "x-amazon-apigateway-authorizer": {
                type: lambda.type.toLowerCase(),
                authorizerUri: lambda.authorizerUri,
                authorizerCredentials: lambda.credentials,
                identitySource: lambda.identitySource,
                authorizerResultTtlInSeconds: lambda.ttlSeconds,
                ...(lambda.identityValidationExpression ? { identityValidationExpression: lambda.identityValidationExpression } : {}),
            },
        };
    }
    out[PLATFORM_SCHEMES.iam] = { ...header, "x-amazon-apigateway-authtype": "awsSigv4" };
    return out;
}

/** A preflight: OPTIONS answered by API Gateway itself (MOCK) with the platform's CORS headers. */
function preflight(cors: Required<CorsArgs>, methods: string[], version: OpenApiDocument["version"]): Props {
    const parameters = preflightHeaders(cors, methods);
    const headers = Object.fromEntries(
        Object.keys(parameters).map((p) => [
            p.replace(/^method\.response\.header\./, ""),
            version === "swagger2" ? { type: "string" } : { schema: { type: "string" } },
        ]),
    );
    return {
        summary: "CORS preflight (answered by API Gateway from the platform's origin list)",
        security: [],
        responses: { "200": { description: "CORS preflight", headers } },
        "x-amazon-apigateway-integration": {
            type: "mock",
            requestTemplates: { "application/json": '{"statusCode": 200}' },
            passthroughBehavior: "never",
            responses: {
                default: {
                    statusCode: "200",
                    responseParameters: parameters,
                    responseTemplates: { "application/json": originEchoTemplate(cors.allowedOrigins) },
                },
            },
        },
    };
}

/** The document with the platform's parts injected (a new object; the input is not changed). */
export function injectPlatform(raw: Props, version: OpenApiDocument["version"], injection: Injection): Props {
    const doc = JSON.parse(JSON.stringify(raw)) as Props;
    const injected = schemes(injection, referencedSchemes(raw));
    if (version === "swagger2") {
        doc.securityDefinitions = { ...ownSchemes(doc.securityDefinitions), ...injected };
    } else {
        const components = asRecord(doc.components);
        doc.components = { ...components, securitySchemes: { ...ownSchemes(components.securitySchemes), ...injected } };
    }
    doc["x-amazon-apigateway-request-validators"] = {
        ...asRecord(doc["x-amazon-apigateway-request-validators"]),
        [PLATFORM_VALIDATOR]: { validateRequestBody: true, validateRequestParameters: true },
    };
    doc["x-amazon-apigateway-request-validator"] ??= PLATFORM_VALIDATOR;
    const paths = asRecord(doc.paths);
    for (const [path, rawItem] of Object.entries(paths)) {
        const item = asRecord(rawItem);
        for (const verb of VERBS) {
            const method = verb === "x-amazon-apigateway-any-method" ? "ANY" : verb.toUpperCase();
            if (item[verb] !== undefined && injection.publicOperations.includes(routeKey(method, path))) {
                item[verb] = { ...asRecord(item[verb]), security: [] };
            }
        }
        if (injection.cors) {
            const verbs = VERBS.filter((v) => item[v] !== undefined).map((v) => (v === "x-amazon-apigateway-any-method" ? "ANY" : v.toUpperCase()));
            const methods = verbs.includes("ANY") ? HTTP_METHODS.filter((m) => m !== "ANY") : verbs;
            item.options = preflight(injection.cors, [...methods], version);
        }
        paths[path] = item;
    }
    if (injection.cors) {
        const responses = asRecord(doc["x-amazon-apigateway-gateway-responses"]);
        for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
            const own = asRecord(responses[type]);
            responses[type] = { ...own, responseParameters: { ...asRecord(own.responseParameters), ...gatewayResponseHeaders(injection.cors) } };
        }
        doc["x-amazon-apigateway-gateway-responses"] = responses;
    }
    return doc;
}
