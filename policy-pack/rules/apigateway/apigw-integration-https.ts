/** REST API HTTP integrations must reach their backend over TLS. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { operationLabel, plaintextIntegrations } from "../lib/openapi-checks";
import { knownBody } from "../lib/openapi-rules";
import { isPlaintextUri } from "../lib/plaintext";
import { resourceRule } from "../lib/rule";

const HTTP_TYPES = ["HTTP", "HTTP_PROXY"];

export const apigwIntegrationHttps = resourceRule({
    name: "apigw-integration-https",
    service: "apigateway",
    description:
        "REST API HTTP and HTTP_PROXY integrations, and the x-amazon-apigateway-integration of every operation of a RestApi OpenAPI body, must call their backend over https://, not http://.",
    remediationSteps: "Set the integration's uri (in a body: x-amazon-apigateway-integration.uri) to an https:// endpoint of the backend.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: [
        validateResourceOfType(aws.apigateway.Integration, (integration, args, report) => {
            const label = describe(args);
            const type = known(() => integration.type, "type");
            if (type.known && !HTTP_TYPES.includes((type.value ?? "").toUpperCase())) {
                return;
            }
            const uri = known(() => integration.uri, "uri");
            // A known uri that is not http:// calls no backend in clear text, whatever an unknown type becomes.
            if (uri.known && !isPlaintextUri(uri.value)) {
                return;
            }
            if (!type.known) {
                report(unverifiable(label, type.path, "be known: an HTTP or HTTP_PROXY integration must use an https:// uri"));
                return;
            }
            if (!uri.known) {
                report(unverifiable(label, uri.path, "start with https://"));
                return;
            }
            report(
                `${label} (${type.value}) calls its backend in clear text (uri "${uri.value}"), so requests, tokens and responses can be read or changed on the way. ` +
                    "Set uri to the backend's https:// endpoint.",
            );
        }),
        // An unknown or unparsable body is reported by apigw-method-requires-authorization (knownBody).
        validateResourceOfType(aws.apigateway.RestApi, (api, args, report) => {
            const doc = knownBody(knownDeep(() => api.body, "body"));
            for (const { operation, uri } of doc ? plaintextIntegrations(doc) : []) {
                report(
                    `${describe(args)} body operation ${operationLabel(operation)} calls its backend in clear text (x-amazon-apigateway-integration.uri "${uri}"), ` +
                        "so requests, tokens and responses can be read or changed on the way. Set x-amazon-apigateway-integration.uri to the backend's https:// endpoint.",
                );
            }
        }),
    ],
});
