/** Stages that proxy to HTTP backends should present a client certificate, so the backend can reject callers that bypass API Gateway. */
import * as aws from "@pulumi/aws";
import { BACKEND_CLIENT_CERTIFICATE_SCOPE } from "../../baseline";
import { JoinIndex, linkKeys } from "../lib/joins";
import { isSet, known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { OutputsOf, resourcesOf, sameKnownString, sameOrigin, StackResource } from "../lib/resources";
import { stackRule, ruleConfig } from "../lib/rule";
import { StageResource } from "../lib/stages";

/** Integration types that call an HTTP endpoint over the internet (or a VPC link). */
const HTTP_TYPES = ["HTTP", "HTTP_PROXY"];

/** Config of `apigw-backend-client-certificate`. */
export interface BackendClientCertificateConfig {
    /** `http-backends`: stages of REST APIs with HTTP/HTTP_PROXY integrations; `all-stages`: every REST stage. */
    scope: "http-backends" | "all-stages";
}

export const backendClientCertificateConfig = ruleConfig<BackendClientCertificateConfig>({
    scope: {
        type: "string",
        enum: ["http-backends", "all-stages"],
        default: BACKEND_CLIENT_CERTIFICATE_SCOPE,
        description: "Which REST stages need clientCertificateId: http-backends (APIs with HTTP/HTTP_PROXY integrations) or all-stages.",
    },
});

type IntegrationResource = StackResource<OutputsOf<aws.apigateway.Integration>>;

/** True when the integration belongs to the stage's REST API (same origin of restApi, or the same known id). */
function sameApi(integration: IntegrationResource, stage: StageResource): boolean {
    return (
        sameOrigin(integration, "restApi", stage, "restApi") ||
        sameKnownString(
            () => integration.props.restApi,
            () => stage.props.restApi,
        )
    );
}

export const apigwBackendClientCertificate = stackRule({
    name: "apigw-backend-client-certificate",
    service: "apigateway",
    description:
        "REST stages whose API has HTTP or HTTP_PROXY integrations should set clientCertificateId, so the backend can verify that requests come from API Gateway (scope all-stages: every REST stage).",
    remediationSteps:
        "Create an aws.apigateway.ClientCertificate, set the stage's clientCertificateId to its id, and make the backend require that certificate (mutual TLS).",
    severity: "medium",
    enforcementLevel: "advisory",
    controls: {},
    config: backendClientCertificateConfig,
    inspects: [aws.apigateway.Stage, aws.apigateway.Integration],
    validateStack: (args, report) => {
        const { scope } = backendClientCertificateConfig.read(args);
        const integrations = new JoinIndex(resourcesOf(args.resources, aws.apigateway.Integration), (i) => linkKeys(i, "restApi"));
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            // An unknown id built from a ClientCertificate is set; any other unknown value may yet be empty.
            const certificate = known(() => stage.props.clientCertificateId, "clientCertificateId");
            const fromCertificate = (stage.resource.propertyDependencies.clientCertificateId ?? []).some((d) => d.isType(aws.apigateway.ClientCertificate));
            if (certificate.known ? isSet(certificate) : fromCertificate) {
                continue;
            }
            let backend: string | undefined = scope === "all-stages" ? "every backend" : undefined;
            let undecided: IntegrationResource | undefined;
            for (const integration of integrations.candidates(linkKeys(stage, "restApi")).filter((i) => sameApi(i, stage))) {
                const type = known(() => integration.props.type, "type");
                if (!type.known) {
                    undecided = integration;
                } else if (HTTP_TYPES.includes(String(type.value).toUpperCase())) {
                    backend = backend ?? `the ${type.value} backend of ${integration.label}`;
                }
            }
            if (backend === undefined && undecided) {
                report(unverifiable(undecided.label, "type", `be known: an HTTP backend needs ${stage.label}.clientCertificateId`), stage.urn);
            } else if (backend !== undefined && !certificate.known) {
                report(unverifiable(stage.label, certificate.path, `be the id of an aws.apigateway.ClientCertificate, presented to ${backend}`), stage.urn);
            } else if (backend !== undefined) {
                report(
                    `${stage.label} presents no client certificate to ${backend} (clientCertificateId is not set), so the backend cannot tell API Gateway from a caller who bypasses the authorizer and WAF. ` +
                        "Set clientCertificateId to an aws.apigateway.ClientCertificate id and require it at the backend.",
                    stage.urn,
                );
            }
        }
    },
});
