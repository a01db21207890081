import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, logRetention } from "../shared/validation";

/** Arguments of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupArgs {
    /**
     * Exact log group name (e.g. `aws-waf-logs-orders`).
     * @default generated from the resource name
     */
    logGroupName?: pulumi.Input<string>;
    /** Retention in days: a value CloudWatch accepts (`LOG_RETENTION_DAYS`), and with `environment` one it allows. */
    retentionInDays: number;
    /** KMS key ARN that encrypts the log events. Required: logs hold caller IPs and identities. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Environment whose retention floor applies (dev: 14+ days, prod: 365+).
     * @default undefined (any retention CloudWatch accepts)
     */
    environment?: Environment;
    /**
     * Tags for the log group.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** A CloudWatch log group that is always KMS-encrypted and never kept forever. */
export class EncryptedLogGroup extends pulumi.ComponentResource {
    /** The `aws.cloudwatch.LogGroup`. */
    public readonly logGroup: aws.cloudwatch.LogGroup;
    /** Its name. */
    public readonly logGroupName: pulumi.Output<string>;
    /** Its ARN (without the `:*` suffix). */
    public readonly logGroupArn: pulumi.Output<string>;

    constructor(name: string, args: EncryptedLogGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        logRetention("EncryptedLogGroup", "retentionInDays", args.retentionInDays, args.environment);
        super("secure-api:observability:EncryptedLogGroup", name, {}, opts);
        const group = new aws.cloudwatch.LogGroup(
            name,
            {
                name: args.logGroupName,
                retentionInDays: args.retentionInDays,
                kmsKeyId: args.kmsKeyArn,
                tags: args.tags,
            },
            { parent: this },
        );
        this.logGroup = group;
        this.logGroupName = group.name;
        this.logGroupArn = group.arn;
        this.registerOutputs({ logGroupName: this.logGroupName, logGroupArn: this.logGroupArn });
    }
}
