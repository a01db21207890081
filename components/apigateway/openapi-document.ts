/**
 * An OpenAPI document (Swagger 2 or OpenAPI 3, JSON or YAML) as the platform
 * deploys it: loaded from a file or given parsed, and checked with the same
 * parser and checks the policy pack applies to a RestApi `body`
 * (`policy-pack/rules/lib/openapi*.ts`), after the platform's parts are
 * injected (`openapi-platform.ts`), so a document this accepts is one the pack
 * passes. Every error names the file, the JSON pointer and what is missing.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { AuthKind } from "../../policy-pack/baseline";
import { OpenApiDocument, parseOpenApi, pointerToken } from "../../policy-pack/rules/lib/openapi";
import { bodyOrigins, bodyPolicyProblems, mappedOrigin, plaintextIntegrations, unvalidatedBodyOperations } from "../../policy-pack/rules/lib/openapi-checks";
import { asArray, asRecord, Props } from "../../policy-pack/rules/lib/values";
import { MIN_WAIVER_REASON_LENGTH } from "../../policy-pack/rules/lib/waivers";
import { routeKey } from "../shared/naming";
import { ComponentArgumentError } from "../shared/validation";
import { CorsArgs } from "./cors";
import { injectPlatform, PLATFORM_SCHEMES, schemesOf } from "./openapi-platform";

/** Where the document comes from: a file (`.json`, `.yaml`, `.yml`), or an already parsed document. */
export type OpenApiSource =
    | { file: string }
    | {
          document: Record<string, unknown>;
          /**
           * What errors call the document.
           * @default "document"
           */
          name?: string;
      };

/** An operation that may be called without credentials, waived like a route table's `auth: "none"` route: with a reason. */
export interface PublicOperation {
    /** The operation, as `METHOD /path` (e.g. `GET /health`). */
    resource: string;
    /** Why it is public: at least a sentence. */
    reason: string;
    /**
     * Last day (YYYY-MM-DD) the waiver holds.
     * @default undefined (no expiry)
     */
    expires?: string;
}

/** A loaded document: what errors call it and its plain content. */
export interface LoadedDocument {
    readonly source: string;
    readonly raw: Props;
    readonly version: OpenApiDocument["version"];
}

/** An error in the document, at a JSON pointer. */
export class OpenApiDocumentError extends ComponentArgumentError {
    constructor(component: string, source: string, pointer: string, problem: string) {
        super(component, "document", `${source}#${pointer} ${problem}`);
        this.name = "OpenApiDocumentError";
    }
}

/** Reads and parses the document; a missing file, an unreadable one or something not Swagger 2 / OpenAPI 3 is an error naming the file. */
export function loadOpenApiDocument(component: string, source: OpenApiSource): LoadedDocument {
    if (!source || (!("file" in source) && !("document" in source))) {
        throw new ComponentArgumentError(component, "document", "must be { file } (a JSON or YAML file) or { document } (a parsed OpenAPI document)");
    }
    let raw: unknown;
    let name: string;
    if ("file" in source) {
        name = source.file;
        if (!/\.(json|ya?ml)$/i.test(source.file ?? "")) {
            throw new ComponentArgumentError(component, "document.file", `must be a .json, .yaml or .yml file (got ${JSON.stringify(source.file)})`);
        }
        if (!fs.existsSync(source.file)) {
            throw new ComponentArgumentError(component, "document.file", `${source.file} does not exist (resolved to ${path.resolve(source.file)})`);
        }
        try {
            raw = yaml.load(fs.readFileSync(source.file, "utf8"), { schema: yaml.JSON_SCHEMA });
        } catch (err) {
            throw new ComponentArgumentError(component, "document.file", `${source.file} is not JSON or YAML (${(err as Error).message.split("\n")[0]})`);
        }
    } else {
        name = source.name ?? "document";
        raw = source.document;
    }
    const parsed = parseOpenApi(raw);
    if (!parsed.ok) {
        throw new OpenApiDocumentError(component, name, "", `is ${parsed.error}`);
    }
    return { source: name, raw: asRecord(raw), version: parsed.document.version };
}

/** What the document is checked against. */
export interface DocumentContext {
    /** Auth kinds the API offers (`iam` always; `cognito` / `lambda` when configured). */
    readonly available: ReadonlySet<AuthKind>;
    readonly endpointType: "REGIONAL" | "PRIVATE";
    readonly publicOperations: readonly PublicOperation[];
    /** @default undefined (no CORS) */
    readonly cors?: Required<CorsArgs>;
}

const REFUSED_EXTENSIONS: Readonly<Record<string, string>> = {
    "x-amazon-apigateway-endpoint-configuration": "the component sets the endpoint type and VPC endpoints (endpointType, vpcEndpointIds); remove it",
    "x-amazon-apigateway-cors": "applies to HTTP APIs only; a REST API's CORS comes from the component's cors (the platform's origin list); remove it",
};

/**
 * Checks the document as it will be deployed (with the platform's parts
 * injected); throws the first problem. Returns the route keys of its
 * operations and of the waived public ones.
 */
export function checkOpenApiDocument(component: string, doc: LoadedDocument, context: DocumentContext): { operations: string[]; iamOperations: string[] } {
    const fail = (pointer: string, problem: string): never => {
        throw new OpenApiDocumentError(component, doc.source, pointer, problem);
    };
    for (const [key, why] of Object.entries(REFUSED_EXTENSIONS)) {
        if (doc.raw[key] !== undefined) {
            fail(`/${pointerToken(key)}`, why);
        }
    }
    const schemesPointer = doc.version === "swagger2" ? "/securityDefinitions" : "/components/securitySchemes";
    const platformNames = Object.values(PLATFORM_SCHEMES) as string[];
    for (const [name, scheme] of Object.entries(schemesOf(doc.raw, doc.version))) {
        const s = asRecord(scheme);
        if (!platformNames.includes(name) && (s["x-amazon-apigateway-authorizer"] !== undefined || s["x-amazon-apigateway-authtype"] !== undefined)) {
            fail(
                `${schemesPointer}/${pointerToken(name)}`,
                `defines its own authorizer; the platform injects its authorizers as the schemes ${platformNames.join(", ")} (name those in security requirements)`,
            );
        }
    }
    const offered = (Object.entries(PLATFORM_SCHEMES) as [AuthKind, string][]).filter(([kind]) => context.available.has(kind)).map(([, n]) => n);
    const declared = new Set(Object.keys(schemesOf(doc.raw, doc.version)));
    const paths = asRecord(doc.raw.paths);
    const keys = new Set<string>();
    for (const [p, item] of Object.entries(paths)) {
        if (!p.startsWith("/")) {
            fail(`/paths/${pointerToken(p)}`, 'is not a path (it must start with "/")');
        }
        for (const [verb, op] of Object.entries(asRecord(item))) {
            const method = verb === "x-amazon-apigateway-any-method" ? "ANY" : verb.toUpperCase();
            if (!["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "ANY"].includes(method)) {
                continue;
            }
            const pointer = `/paths/${pointerToken(p)}/${pointerToken(verb)}`;
            if (method === "OPTIONS" && context.cors) {
                fail(pointer, "is an OPTIONS operation, but the component answers CORS preflights itself (MOCK, from the platform's origins); remove it");
            }
            keys.add(routeKey(method, p));
            const o = asRecord(op);
            if (o["x-amazon-apigateway-integration"] === undefined) {
                fail(pointer, "has no x-amazon-apigateway-integration (API Gateway needs one per operation: what does it call?)");
            }
            const requirements = asArray(o.security !== undefined ? o.security : doc.raw.security).map(asRecord);
            for (const [i, requirement] of requirements.entries()) {
                for (const name of Object.keys(requirement)) {
                    if (platformNames.includes(name) && !offered.includes(name)) {
                        fail(`${pointer}/security/${i}`, `names the ${name} scheme, but the API has no such authorizer (available: ${offered.join(", ")})`);
                    }
                    if (!platformNames.includes(name) && !declared.has(name)) {
                        fail(
                            `${pointer}/security/${i}`,
                            `names the undeclared security scheme ${JSON.stringify(name)} (the platform's: ${offered.join(", ")})`,
                        );
                    }
                }
            }
        }
    }
    context.publicOperations.forEach((w, i) => {
        if (!keys.has(w.resource)) {
            throw new ComponentArgumentError(
                component,
                `publicOperations[${i}].resource`,
                `must be an operation of ${doc.source} such as "GET /health" (got ${JSON.stringify(w.resource)})`,
            );
        }
        if (typeof w.reason !== "string" || w.reason.trim().length < MIN_WAIVER_REASON_LENGTH) {
            throw new ComponentArgumentError(
                component,
                `publicOperations[${i}].reason`,
                `must say why ${w.resource} is public (at least ${MIN_WAIVER_REASON_LENGTH} characters)`,
            );
        }
        if (w.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(w.expires)) {
            throw new ComponentArgumentError(component, `publicOperations[${i}].expires`, `must be a date YYYY-MM-DD (got ${JSON.stringify(w.expires)})`);
        }
    });
    // The document as it will be deployed, with placeholder ARNs: the pack's checks, on the pack's parser.
    const injected = injectPlatform(doc.raw, doc.version, {
        cognito: context.available.has("cognito") ? { providerArns: ["arn:aws:cognito-idp:region:account:userpool/placeholder"] } : undefined,
        lambda: context.available.has("lambda")
            ? {
                  type: "TOKEN",
                  authorizerUri: "arn:aws:apigateway:region:lambda:path/placeholder",
                  credentials: "arn:aws:iam::account:role/placeholder",
                  identitySource: "method.request.header.Authorization",
                  ttlSeconds: 0,
              }
            : undefined,
        cors: context.cors,
        publicOperations: context.publicOperations.map((w) => w.resource),
    });
    const parsed = parseOpenApi(injected);
    if (!parsed.ok) {
        return fail("", `is ${parsed.error}`);
    }
    const deployed = parsed.document;
    const waived = new Set(context.publicOperations.map((w) => w.resource));
    for (const op of deployed.operations) {
        if (op.anonymous && op.method !== "OPTIONS" && !waived.has(routeKey(op.method, op.path))) {
            fail(
                op.pointer,
                `has no security requirement naming a platform authorizer (${offered.join(", ")}) and no x-amazon-apigateway-auth, so anyone could call it; ` +
                    `add security: [{ ${offered[0]}: [] }], or list "${routeKey(op.method, op.path)}" in publicOperations with a reason`,
            );
        }
    }
    for (const { operation, uri } of plaintextIntegrations(deployed)) {
        fail(
            `${operation.pointer}/x-amazon-apigateway-integration/uri`,
            `is ${uri}: plaintext http:// integrations are refused; use the backend's https:// endpoint`,
        );
    }
    for (const { operation, validator } of unvalidatedBodyOperations(deployed)) {
        fail(
            operation.pointer,
            `declares a request body schema but its request validator ${JSON.stringify(validator)} does not validate bodies (validateRequestBody: true)`,
        );
    }
    for (const { pointer, value } of bodyOrigins(deployed)) {
        const origin = mappedOrigin(value);
        if (!context.cors?.allowedOrigins.includes(origin)) {
            fail(
                pointer,
                `returns Access-Control-Allow-Origin ${origin}, which is not one of the platform's origins (${context.cors?.allowedOrigins.join(", ") ?? "no cors configured"})`,
            );
        }
    }
    if (doc.raw["x-amazon-apigateway-policy"] !== undefined) {
        if (context.endpointType !== "PRIVATE") {
            fail("/x-amazon-apigateway-policy", "is refused on a public API: its resource policy comes from the component (policy / resourcePolicy)");
        }
        for (const problem of bodyPolicyProblems(deployed) ?? []) {
            fail("/x-amazon-apigateway-policy", `would weaken the PRIVATE API: ${problem}`);
        }
    }
    const iamOperations = deployed.operations
        .filter((o) => o.authorizers.includes(PLATFORM_SCHEMES.iam) || o.authType === "AWS_IAM")
        .map((o) => routeKey(o.method, o.path));
    return { operations: [...keys], iamOperations };
}
