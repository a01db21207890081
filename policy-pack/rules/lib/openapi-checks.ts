/**
 * What an OpenAPI definition must not say, as pure functions over a parsed
 * document: the rules that read `body` and the component that deploys a
 * document (`components/apigateway/openapi-document.ts`) both call these, so a
 * document the component accepts is one the pack passes.
 */
import { OpenApiDocument, OpenApiOperation, pointerToken } from "./openapi";
import { isPlaintextUri } from "./plaintext";
import { privateApiPolicyProblems } from "./resource-policy";

/** The response parameters that set Access-Control-Allow-Origin: integration responses and gateway responses. */
export const ORIGIN_PARAMETERS = {
    integration: "method.response.header.Access-Control-Allow-Origin",
    gateway: "gatewayresponse.header.Access-Control-Allow-Origin",
} as const;

/** `GET /orders (/paths/~1orders/get)`, for messages. */
export function operationLabel(op: OpenApiOperation): string {
    return `${op.method} ${op.path} (${op.pointer})`;
}

/** Operations whose `x-amazon-apigateway-integration.uri` is plaintext `http://`. */
export function plaintextIntegrations(doc: OpenApiDocument): { readonly operation: OpenApiOperation; readonly uri: string }[] {
    return doc.operations.flatMap((operation) => (isPlaintextUri(operation.integration?.uri) ? [{ operation, uri: operation.integration!.uri! }] : []));
}

/** Operations with a private (`VPC_LINK`) integration that does not set `tlsConfig.serverNameToVerify` (HTTP APIs). */
export function unverifiedVpcLinkIntegrations(doc: OpenApiDocument): OpenApiOperation[] {
    return doc.operations.filter((op) => (op.integration?.connectionType ?? "").toUpperCase() === "VPC_LINK" && !op.integration?.serverNameToVerify);
}

/** One Access-Control-Allow-Origin mapping of a body: where (JSON pointer) and the mapped value (e.g. `'*'`). */
export interface BodyOrigin {
    readonly pointer: string;
    readonly value: string;
}

/** Every Access-Control-Allow-Origin a body maps: in its gateway responses, then in its operations' integration responses. */
export function bodyOrigins(doc: OpenApiDocument): BodyOrigin[] {
    const gateway = Object.entries(doc.gatewayResponseHeaders).flatMap(([type, headers]) =>
        headers[ORIGIN_PARAMETERS.gateway] !== undefined
            ? [
                  {
                      pointer: `/x-amazon-apigateway-gateway-responses/${pointerToken(type)}/responseParameters/${pointerToken(ORIGIN_PARAMETERS.gateway)}`,
                      value: headers[ORIGIN_PARAMETERS.gateway],
                  },
              ]
            : [],
    );
    const integration = doc.operations.flatMap((op) =>
        Object.entries(op.integration?.responseParameters ?? {}).flatMap(([key, parameters]) =>
            parameters[ORIGIN_PARAMETERS.integration] !== undefined
                ? [
                      {
                          pointer: `${op.pointer}/x-amazon-apigateway-integration/responses/${pointerToken(key)}/responseParameters/${pointerToken(ORIGIN_PARAMETERS.integration)}`,
                          value: parameters[ORIGIN_PARAMETERS.integration],
                      },
                  ]
                : [],
        ),
    );
    return [...gateway, ...integration];
}

/** The origin a response parameter mapping such as `'https://a.example'` returns. */
export function mappedOrigin(mapping: string): string {
    return mapping.trim().replace(/^'(.*)'$/, "$1");
}

/** The validator an operation runs under: its own `x-amazon-apigateway-request-validator`, else the document's. */
export function effectiveValidator(doc: OpenApiDocument, op: OpenApiOperation): string | undefined {
    return op.requestValidator ?? doc.requestValidator;
}

/** True when the named validator exists in `x-amazon-apigateway-request-validators` and validates request bodies. */
export function validatesBody(doc: OpenApiDocument, validator: string | undefined): boolean {
    return validator !== undefined && doc.requestValidators[validator]?.validateRequestBody === true;
}

/** Operations that declare a request body schema but whose validator does not validate bodies (or that have none). */
export function unvalidatedBodyOperations(doc: OpenApiDocument): { readonly operation: OpenApiOperation; readonly validator?: string }[] {
    return doc.operations.flatMap((operation) => {
        const validator = effectiveValidator(doc, operation);
        return operation.bodyModel && !validatesBody(doc, validator) ? [{ operation, ...(validator !== undefined ? { validator } : {}) }] : [];
    });
}

/**
 * What is wrong with a body's `x-amazon-apigateway-policy` for a PRIVATE API
 * (the test `apigw-private-api-resource-policy` applies to `policy`); undefined
 * when the body has no policy.
 */
export function bodyPolicyProblems(doc: OpenApiDocument): string[] | undefined {
    return doc.policy === undefined ? undefined : privateApiPolicyProblems(doc.policy);
}
