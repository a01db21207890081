/** API Gateway v2 integrations must reach their backends over TLS. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { operationLabel, plaintextIntegrations, unverifiedVpcLinkIntegrations } from "../lib/openapi-checks";
import { knownBody } from "../lib/openapi-rules";
import { isPlaintextUri } from "../lib/plaintext";
import { resourceRule } from "../lib/rule";

/** Integration types whose integrationUri is an ARN (or absent), never a URL. */
const ARN_TYPES = ["AWS", "AWS_PROXY", "MOCK"];

export const apigwv2IntegrationTls = resourceRule({
    name: "apigwv2-integration-tls",
    service: "apigatewayv2",
    description:
        "API Gateway v2 integrations (resources, and the x-amazon-apigateway-integration of an Api OpenAPI body's operations) must not target plaintext http:// URIs, and private (VPC_LINK) integrations must set tlsConfig.serverNameToVerify.",
    remediationSteps: "Use an https:// integrationUri; for VPC_LINK integrations set tlsConfig.serverNameToVerify to the backend's certificate name.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["APIGateway.10"] },
    validateResource: [
        validateResourceOfType(aws.apigatewayv2.Integration, (integration, args, report) => {
            const label = describe(args);
            const connection = known(() => integration.connectionType, "connectionType");
            const vpcLink = connection.known && (connection.value ?? "").toUpperCase() === "VPC_LINK";
            const uri = known(() => integration.integrationUri, "integrationUri");
            if (!uri.known) {
                // A URL built from outputs (`http://${alb.dnsName}`) may be plaintext; the ARN of an AWS, AWS_PROXY or MOCK integration,
                // or of an HTTP API's VPC_LINK (its listener; a VPC_LINK without tlsConfig is reported below), never is.
                const type = known(() => integration.integrationType, "integrationType");
                if (!vpcLink && !(type.known && ARN_TYPES.includes((type.value ?? "").toUpperCase()))) {
                    report(unverifiable(label, uri.path, "not be a plaintext http:// URL"));
                }
            } else if (isPlaintextUri(uri.value)) {
                report(
                    `${label} sends requests to ${uri.value} (integrationUri) in plaintext, so they can be read and altered in transit. Use an https:// integrationUri.`,
                );
            }
            // A tlsConfig unknown as a whole may lack serverNameToVerify; an unknown serverNameToVerify is set (derived from another resource).
            const tls = known(() => integration.tlsConfig, "tlsConfig");
            const verified = tls.known && isSet(known(() => tls.value?.serverNameToVerify, "tlsConfig.serverNameToVerify"));
            if (!connection.known) {
                if (!verified) {
                    report(unverifiable(label, connection.path, "be INTERNET, or a VPC_LINK integration must set tlsConfig.serverNameToVerify"));
                }
            } else if (!vpcLink || verified) {
                return;
            } else if (!tls.known) {
                report(unverifiable(label, tls.path, "set serverNameToVerify, since connectionType is VPC_LINK"));
            } else {
                report(
                    `${label} is a private (VPC_LINK) integration without tlsConfig.serverNameToVerify, so traffic to the backend is not TLS-verified. ` +
                        "Set tlsConfig.serverNameToVerify to the backend's certificate name and use an HTTPS listener.",
                );
            }
        }),
        // An unknown or unparsable body is reported by apigwv2-route-authorization (knownBody).
        validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
            const doc = knownBody(knownDeep(() => api.body, "body"));
            if (!doc) {
                return;
            }
            const label = describe(args);
            for (const { operation, uri } of plaintextIntegrations(doc)) {
                report(
                    `${label} body operation ${operationLabel(operation)} sends requests to ${uri} (x-amazon-apigateway-integration.uri) in plaintext, so they can be read and altered in transit. ` +
                        "Use an https:// x-amazon-apigateway-integration.uri.",
                );
            }
            for (const operation of unverifiedVpcLinkIntegrations(doc)) {
                report(
                    `${label} body operation ${operationLabel(operation)} has a private (VPC_LINK) integration without x-amazon-apigateway-integration.tlsConfig.serverNameToVerify, ` +
                        "so traffic to the backend is not TLS-verified. Set tlsConfig.serverNameToVerify to the backend's certificate name and use an HTTPS listener.",
                );
            }
        }),
    ],
});
