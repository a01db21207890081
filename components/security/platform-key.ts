import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { platformKeyPolicy } from "../shared/policies";
import { intInRange, matches } from "../shared/validation";

/** Arguments of {@link PlatformKey}. */
export interface PlatformKeyArgs {
    /** Alias suffix: the key is reachable as `alias/<aliasName>`. */
    aliasName: string;
    /**
     * Days KMS waits before deleting the key after a destroy (7-30).
     * @default 30
     */
    deletionWindowInDays?: number;
    /**
     * Tags for the key.
     * @default {}
     */
    tags?: Record<string, string>;
}

/**
 * A customer-managed, auto-rotating KMS key that encrypts the platform's log
 * groups, buckets and CloudTrail logs. Its key policy lets CloudWatch Logs and
 * CloudTrail use it only on behalf of this account.
 */
export class PlatformKey extends pulumi.ComponentResource {
    /** The `aws.kms.Key`. */
    public readonly key: aws.kms.Key;
    /** Key ARN (what log groups, buckets and the trail reference). */
    public readonly keyArn: pulumi.Output<string>;
    /** Key id. */
    public readonly keyId: pulumi.Output<string>;
    /** `alias/<aliasName>`. */
    public readonly aliasName: pulumi.Output<string>;

    constructor(name: string, args: PlatformKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        const window = intInRange("PlatformKey", "deletionWindowInDays", args.deletionWindowInDays ?? 30, 7, 30);
        matches("PlatformKey", "aliasName", args.aliasName, /^[a-zA-Z0-9/_-]{1,250}$/, "letters, digits, / _ - (no alias/ prefix)");
        super("secure-api:security:PlatformKey", name, {}, opts);
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts logs and audit data of ${name}`,
                enableKeyRotation: true,
                deletionWindowInDays: window,
                policy: pulumi.all([partition.partition, region.region, identity.accountId]).apply(([p, r, a]) => JSON.stringify(platformKeyPolicy(p, r, a))),
                tags: args.tags,
            },
            { parent: this },
        );
        const alias = new aws.kms.Alias(
            `${name}-alias`,
            {
                name: `alias/${args.aliasName}`,
                targetKeyId: key.keyId,
            },
            { parent: this },
        );
        this.key = key;
        this.keyArn = key.arn;
        this.keyId = key.keyId;
        this.aliasName = alias.name;
        this.registerOutputs({ keyArn: this.keyArn, keyId: this.keyId, aliasName: this.aliasName });
    }
}
