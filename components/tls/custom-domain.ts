import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TLS_SECURITY_POLICY } from "../../policy-pack/baseline";
import type { ApiEndpoint } from "../apigateway/endpoint";
import { ComponentArgumentError, matches } from "../shared/validation";
import { countPemCertificates, MtlsTruststore } from "./mtls-truststore";

/** The domain settings a stack configures. */
export interface CustomDomainSettings {
    /** Fully qualified domain name, e.g. `api.example.com`. */
    domainName: string;
    /**
     * Route 53 hosted zone of the domain: DNS validation records and the alias record go there.
     * @default undefined (required unless certificateArn is given; no alias record without it)
     */
    hostedZoneId?: pulumi.Input<string>;
    /**
     * Existing ACM certificate (same region) to use instead of requesting one.
     * @default undefined (a DNS-validated certificate is requested)
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Base path under the domain, e.g. `v1`.
     * @default undefined (the domain root)
     */
    basePath?: string;
    /**
     * PEM CA bundle: when given, the domain requires client certificates (mutual TLS).
     * @default undefined (no mutual TLS)
     */
    mtlsCaBundlePem?: string;
}

/** Arguments of {@link CustomDomain}. */
export interface CustomDomainArgs extends CustomDomainSettings {
    /**
     * The endpoint (API and stage) the domain's base path maps to. Its `kind` picks the resources: REST APIs get an
     * `aws.apigateway.DomainName` and a base path mapping; HTTP and WebSocket APIs an `aws.apigatewayv2.DomainName` and an API mapping.
     */
    endpoint: Pick<ApiEndpoint, "apiId" | "stageName"> & Partial<Pick<ApiEndpoint, "kind">>;
    /**
     * KMS key for the truststore bucket.
     * @default undefined (required with mtlsCaBundlePem)
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

const FQDN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Validates the domain settings a composer passes through (not the API wiring). */
export function validateCustomDomainArgs(args: CustomDomainSettings): void {
    const C = "CustomDomain";
    matches(C, "domainName", args.domainName, FQDN, "a lower-case fully qualified domain name such as api.example.com");
    if (args.hostedZoneId === undefined && args.certificateArn === undefined) {
        throw new ComponentArgumentError(C, "hostedZoneId", "is required unless certificateArn is given (the certificate is validated through DNS)");
    }
    if (args.basePath !== undefined) {
        matches(C, "basePath", args.basePath, /^[A-Za-z0-9._-]+$/, "letters, digits, . _ - without slashes");
    }
    if (args.mtlsCaBundlePem !== undefined) {
        countPemCertificates(args.mtlsCaBundlePem);
    }
}

/**
 * A REGIONAL custom domain for an API: an ACM certificate validated through
 * DNS, security policy TLS_1_2, optional mutual TLS with a pinned truststore
 * version, a base path (REST) or API (HTTP, WebSocket) mapping, and a Route 53
 * alias. Pair it with `disableExecuteApiEndpoint` on the API so the domain
 * cannot be bypassed. API Gateway has no mutual TLS for WebSocket APIs
 * ("Mutual TLS authentication for HTTP APIs" / for REST APIs only), so a
 * WebSocket endpoint with `mtlsCaBundlePem` is refused.
 */
export class CustomDomain extends pulumi.ComponentResource {
    /** The `aws.apigateway.DomainName` (REST endpoints). */
    public readonly domain?: aws.apigateway.DomainName;
    /** The mapping of {@link basePath} to the endpoint's stage (REST endpoints). */
    public readonly basePathMapping?: aws.apigateway.BasePathMapping;
    /** The `aws.apigatewayv2.DomainName` (HTTP and WebSocket endpoints). */
    public readonly domainV2?: aws.apigatewayv2.DomainName;
    /** The API mapping of {@link basePath} to the endpoint's stage (HTTP and WebSocket endpoints). */
    public readonly apiMapping?: aws.apigatewayv2.ApiMapping;
    /** The truststore, with mutual TLS. */
    public readonly truststore?: MtlsTruststore;
    /** The domain name. */
    public readonly domainName: pulumi.Output<string>;
    /** `https://<domain>/<basePath>`. */
    public readonly url: pulumi.Output<string>;
    /** ARN of the (validated) certificate. */
    public readonly certificateArn: pulumi.Output<string>;
    /** The regional target name (alias records point here). */
    public readonly regionalDomainName: pulumi.Output<string>;
    /** `s3://…/truststore.pem`, with mutual TLS. */
    public readonly truststoreUri?: pulumi.Output<string>;

    constructor(name: string, args: CustomDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        validateCustomDomainArgs(args);
        if (args.mtlsCaBundlePem !== undefined && args.kmsKeyArn === undefined) {
            throw new ComponentArgumentError("CustomDomain", "kmsKeyArn", "is required with mtlsCaBundlePem (it encrypts the truststore bucket)");
        }
        const kind = args.endpoint?.kind ?? "REST";
        if (kind === "WEBSOCKET" && args.mtlsCaBundlePem !== undefined) {
            throw new ComponentArgumentError(
                "CustomDomain",
                "mtlsCaBundlePem",
                "is not supported for a WebSocket API: API Gateway offers mutual TLS for REST and HTTP APIs only; remove it, or terminate mTLS in front of the API",
            );
        }
        super("secure-api:tls:CustomDomain", name, {}, opts);
        const parent = { parent: this };

        let certificateArn: pulumi.Output<string>;
        if (args.certificateArn !== undefined) {
            certificateArn = pulumi.output(args.certificateArn);
        } else {
            const certificate = new aws.acm.Certificate(
                `${name}-cert`,
                {
                    domainName: args.domainName,
                    validationMethod: "DNS",
                    keyAlgorithm: "EC_prime256v1",
                    tags: args.tags,
                },
                parent,
            );
            const record = new aws.route53.Record(
                `${name}-cert-validation`,
                {
                    zoneId: args.hostedZoneId!,
                    name: certificate.domainValidationOptions[0].resourceRecordName,
                    type: certificate.domainValidationOptions[0].resourceRecordType,
                    records: [certificate.domainValidationOptions[0].resourceRecordValue],
                    ttl: 300,
                    allowOverwrite: true,
                },
                parent,
            );
            certificateArn = new aws.acm.CertificateValidation(
                `${name}-cert`,
                {
                    certificateArn: certificate.arn,
                    validationRecordFqdns: [record.fqdn],
                },
                parent,
            ).certificateArn;
        }

        const truststore =
            args.mtlsCaBundlePem !== undefined
                ? new MtlsTruststore(`${name}-truststore`, { caBundlePem: args.mtlsCaBundlePem, kmsKeyArn: args.kmsKeyArn!, tags: args.tags }, parent)
                : undefined;

        const mtls = truststore ? { truststoreUri: truststore.truststoreUri, truststoreVersion: truststore.truststoreVersion } : undefined;
        let target: { domainName: pulumi.Output<string>; regionalDomainName: pulumi.Output<string>; regionalZoneId: pulumi.Output<string> };
        if (kind === "REST") {
            const domain = new aws.apigateway.DomainName(
                name,
                {
                    domainName: args.domainName,
                    regionalCertificateArn: certificateArn,
                    endpointConfiguration: { types: "REGIONAL" },
                    securityPolicy: TLS_SECURITY_POLICY,
                    mutualTlsAuthentication: mtls,
                    tags: args.tags,
                },
                parent,
            );
            this.basePathMapping = new aws.apigateway.BasePathMapping(
                `${name}-mapping`,
                { domainName: domain.domainName, restApi: args.endpoint.apiId, stageName: args.endpoint.stageName, basePath: args.basePath },
                parent,
            );
            this.domain = domain;
            target = { domainName: domain.domainName, regionalDomainName: domain.regionalDomainName, regionalZoneId: domain.regionalZoneId };
        } else {
            // terraform-provider-aws apigatewayv2 domain_name: endpoint_type REGIONAL, security_policy TLS_1_2.
            const domain = new aws.apigatewayv2.DomainName(
                name,
                {
                    domainName: args.domainName,
                    domainNameConfiguration: { certificateArn, endpointType: "REGIONAL", securityPolicy: TLS_SECURITY_POLICY },
                    mutualTlsAuthentication: mtls,
                    tags: args.tags,
                },
                parent,
            );
            this.apiMapping = new aws.apigatewayv2.ApiMapping(
                `${name}-mapping`,
                { domainName: domain.domainName, apiId: args.endpoint.apiId, stage: args.endpoint.stageName, apiMappingKey: args.basePath },
                parent,
            );
            this.domainV2 = domain;
            target = {
                domainName: domain.domainName,
                regionalDomainName: domain.domainNameConfiguration.targetDomainName,
                regionalZoneId: domain.domainNameConfiguration.hostedZoneId,
            };
        }
        if (args.hostedZoneId !== undefined) {
            new aws.route53.Record(
                `${name}-alias`,
                {
                    zoneId: args.hostedZoneId,
                    name: args.domainName,
                    type: "A",
                    aliases: [{ name: target.regionalDomainName, zoneId: target.regionalZoneId, evaluateTargetHealth: false }],
                },
                parent,
            );
        }
        this.truststore = truststore;
        this.domainName = target.domainName;
        this.url = pulumi.interpolate`https://${args.domainName}/${args.basePath ?? ""}`;
        this.certificateArn = certificateArn;
        this.regionalDomainName = target.regionalDomainName;
        this.truststoreUri = truststore?.truststoreUri;
        this.registerOutputs({ domainName: this.domainName, url: this.url, certificateArn: this.certificateArn });
    }
}
