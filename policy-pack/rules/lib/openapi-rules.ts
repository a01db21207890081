/** Shared judgement of an API's OpenAPI body, for the rules that read `body`. */
import type { ReportViolation } from "@pulumi/policy";
import { Known } from "./known";
import { unverifiable } from "./messages";
import { OpenApiDocument, OpenApiOperation, parseOpenApi } from "./openapi";

/** What else of a body goes unchecked when it is unknown or unparsable (the rules that read it skip it; this one finding stands for all). */
const ALSO_UNCHECKED = "its integrations, CORS headers, request validators, authorizer TTLs and resource policy are not verified either";

/**
 * The parsed body of an API when it is known and valid. An unknown or
 * unparsable body is reported, once, by the authorization rules
 * (`apigw-method-requires-authorization`, `apigwv2-route-authorization`, via
 * {@link checkBodyAuthorization}), never passed; the other body checks skip it.
 */
export function knownBody(body: Known<unknown>): OpenApiDocument | undefined {
    if (!body.known || body.value === undefined || body.value === null || body.value === "") {
        return undefined;
    }
    const parsed = parseOpenApi(body.value);
    return parsed.ok ? parsed.document : undefined;
}

/** How an allow-list names an operation of a body: `<resource name> <METHOD> <path>`. */
export function bodyOperationKey(resourceName: string, op: OpenApiOperation): string {
    return `${resourceName} ${op.method} ${op.path}`;
}

/**
 * Reports each anonymous operation of a body (unless `exempt`), a body that is
 * unknown at preview, and one that cannot be parsed ("not verified", never a pass).
 */
export function checkBodyAuthorization(
    body: Known<unknown>,
    label: string,
    report: ReportViolation,
    exempt: (op: OpenApiOperation) => boolean,
    authorized: string,
): void {
    if (!body.known) {
        report(unverifiable(label, body.path, `be an OpenAPI definition in which every operation requires ${authorized} (${ALSO_UNCHECKED})`));
        return;
    }
    if (body.value === undefined || body.value === null || body.value === "") {
        return;
    }
    const parsed = parseOpenApi(body.value);
    if (!parsed.ok) {
        report(
            `not verified: ${label} body is ${parsed.error}, so its operations' authorization cannot be checked (${ALSO_UNCHECKED}). Give body a valid Swagger 2 or OpenAPI 3 definition.`,
        );
        return;
    }
    for (const op of parsed.document.operations.filter((o) => o.anonymous && !exempt(o))) {
        report(
            `${label} body operation ${op.method} ${op.path} has no security (no authorizer scheme in its security requirements and no x-amazon-apigateway-auth), ` +
                `so anyone who can reach the API can call it. Add a security requirement naming a ${authorized} scheme, or allow-list "${label.split('"')[1]} ${op.method} ${op.path}".`,
        );
    }
}
