/** Shared judgement of an API's OpenAPI body, for the rules that read `body`. */
import type { ReportViolation } from "@pulumi/policy";
import { Known } from "./known";
import { unverifiable } from "./messages";
import { OpenApiOperation, parseOpenApi } from "./openapi";

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
        report(unverifiable(label, body.path, `be an OpenAPI definition in which every operation requires ${authorized}`));
        return;
    }
    if (body.value === undefined || body.value === null || body.value === "") {
        return;
    }
    const parsed = parseOpenApi(body.value);
    if (!parsed.ok) {
        report(
            `not verified: ${label} body is ${parsed.error}, so its operations' authorization cannot be checked. Give body a valid Swagger 2 or OpenAPI 3 definition.`,
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
