import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { countPemCertificates, MtlsTruststore } from "./mtls-truststore";
import { ComponentArgumentError, matches } from "./validation";

/** Arguments of {@link CustomDomain}. */
export interface CustomDomainArgs {
    /** Fully qualified domain name, e.g. `api.example.com`. */
    domainName: string;
    /** Route 53 hosted zone of the domain: DNS validation records and the alias record go there. Required unless certificateArn is given. */
    hostedZoneId?: pulumi.Input<string>;
    /** Existing ACM certificate (same region) to use instead of requesting one. */
    certificateArn?: pulumi.Input<string>;
    /** Id of the REST API to map. */
    restApiId: pulumi.Input<string>;
    /** Stage to map. */
    stageName: pulumi.Input<string>;
    /** Base path under the domain, e.g. `v1`; default: the domain root. */
    basePath?: string;
    /** PEM CA bundle: when given, the domain requires client certificates (mutual TLS). */
    mtlsCaBundlePem?: string;
    /** KMS key for the truststore bucket (required with mtlsCaBundlePem). */
    kmsKeyArn?: pulumi.Input<string>;
    /** Tags. */
    tags?: Record<string, string>;
}

const FQDN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Validates the domain settings a composer passes through (not the API wiring). */
export function validateCustomDomainArgs(args: Omit<CustomDomainArgs, "restApiId" | "stageName" | "kmsKeyArn">): void {
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
 * version, a base path mapping, and a Route 53 alias. Pair it with
 * `disableExecuteApiEndpoint` on the API so the domain cannot be bypassed.
 */
export class CustomDomain extends pulumi.ComponentResource {
    public readonly domainName: pulumi.Output<string>;
    public readonly url: pulumi.Output<string>;
    public readonly certificateArn: pulumi.Output<string>;
    public readonly regionalDomainName: pulumi.Output<string>;
    public readonly truststoreUri?: pulumi.Output<string>;

    constructor(name: string, args: CustomDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        validateCustomDomainArgs(args);
        if (args.mtlsCaBundlePem !== undefined && args.kmsKeyArn === undefined) {
            throw new ComponentArgumentError("CustomDomain", "kmsKeyArn", "is required with mtlsCaBundlePem (it encrypts the truststore bucket)");
        }
        super("secure-api:tls:CustomDomain", name, {}, opts);
        const parent = { parent: this };

        let certificateArn: pulumi.Output<string>;
        if (args.certificateArn !== undefined) {
            certificateArn = pulumi.output(args.certificateArn);
        } else {
            const certificate = new aws.acm.Certificate(`${name}-cert`, {
                domainName: args.domainName,
                validationMethod: "DNS",
                keyAlgorithm: "EC_prime256v1",
                tags: args.tags,
            }, parent);
            const record = new aws.route53.Record(`${name}-cert-validation`, {
                zoneId: args.hostedZoneId!,
                name: certificate.domainValidationOptions[0].resourceRecordName,
                type: certificate.domainValidationOptions[0].resourceRecordType,
                records: [certificate.domainValidationOptions[0].resourceRecordValue],
                ttl: 300,
                allowOverwrite: true,
            }, parent);
            certificateArn = new aws.acm.CertificateValidation(`${name}-cert`, {
                certificateArn: certificate.arn,
                validationRecordFqdns: [record.fqdn],
            }, parent).certificateArn;
        }

        const truststore = args.mtlsCaBundlePem !== undefined
            ? new MtlsTruststore(`${name}-truststore`, { caBundlePem: args.mtlsCaBundlePem, kmsKeyArn: args.kmsKeyArn!, tags: args.tags }, parent)
            : undefined;

        const domain = new aws.apigateway.DomainName(name, {
            domainName: args.domainName,
            regionalCertificateArn: certificateArn,
            endpointConfiguration: { types: "REGIONAL" },
            securityPolicy: "TLS_1_2",
            mutualTlsAuthentication: truststore
                ? { truststoreUri: truststore.truststoreUri, truststoreVersion: truststore.truststoreVersion }
                : undefined,
            tags: args.tags,
        }, parent);
        new aws.apigateway.BasePathMapping(`${name}-mapping`, {
            domainName: domain.domainName,
            restApi: args.restApiId,
            stageName: args.stageName,
            basePath: args.basePath,
        }, parent);
        if (args.hostedZoneId !== undefined) {
            new aws.route53.Record(`${name}-alias`, {
                zoneId: args.hostedZoneId,
                name: args.domainName,
                type: "A",
                aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
            }, parent);
        }
        this.domainName = domain.domainName;
        this.url = pulumi.interpolate`https://${args.domainName}/${args.basePath ?? ""}`;
        this.certificateArn = certificateArn;
        this.regionalDomainName = domain.regionalDomainName;
        this.truststoreUri = truststore?.truststoreUri;
        this.registerOutputs({ domainName: this.domainName, url: this.url, certificateArn: this.certificateArn });
    }
}
