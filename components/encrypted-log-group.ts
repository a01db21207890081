import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logRetention } from "./validation";

/** Arguments of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupArgs {
    /** Exact log group name (e.g. `aws-waf-logs-orders`); default: generated from the resource name. */
    logGroupName?: pulumi.Input<string>;
    /** Retention in days; must be a value CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, ...). */
    retentionInDays: number;
    /** KMS key ARN that encrypts the log events. Required: logs hold caller IPs and identities. */
    kmsKeyArn: pulumi.Input<string>;
    /** Tags for the log group. */
    tags?: Record<string, string>;
}

/** A CloudWatch log group that is always KMS-encrypted and never kept forever. */
export class EncryptedLogGroup extends pulumi.ComponentResource {
    public readonly logGroupName: pulumi.Output<string>;
    public readonly logGroupArn: pulumi.Output<string>;

    constructor(name: string, args: EncryptedLogGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        logRetention("EncryptedLogGroup", "retentionInDays", args.retentionInDays);
        super("secure-api:observability:EncryptedLogGroup", name, {}, opts);
        const group = new aws.cloudwatch.LogGroup(name, {
            name: args.logGroupName,
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.kmsKeyArn,
            tags: args.tags,
        }, { parent: this });
        this.logGroupName = group.name;
        this.logGroupArn = group.arn;
        this.registerOutputs({ logGroupName: this.logGroupName, logGroupArn: this.logGroupArn });
    }
}
