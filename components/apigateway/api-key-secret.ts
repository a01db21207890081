/**
 * A client's current API key in AWS Secrets Manager, for its team to read
 * without access to the platform's stack outputs: a secret encrypted with the
 * platform's KMS key, its value (key id, value, generation) as a secret
 * version, and a resource policy that lets exactly the team's role read it.
 *
 * The reader also needs `kms:Decrypt` on the platform key through Secrets
 * Manager: the key policy delegates to IAM in the account (`AccountAdministers`),
 * so the team's role must be in the platform's account and its identity policy
 * must allow `kms:Decrypt` with `kms:ViaService = secretsmanager.<region>.amazonaws.com`
 * ("Secret encryption and decryption in AWS Secrets Manager",
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
 * The policy follows "Resource-based policies"
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html):
 * `Resource: "*"` in a secret's policy means that secret; `blockPublicPolicy`
 * makes Secrets Manager refuse a policy that would open it to everyone.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { document } from "../shared/policies";

/** What {@link storeKeyInSecretsManager} stores. */
export interface ApiKeySecretStore {
    /** Secret name, e.g. `<plans>/api-keys/<client>`. */
    secretName: string;
    /** Client name. */
    client: string;
    /** Generation of `key`. */
    generation: number;
    /** The client's current key. */
    key: aws.apigateway.ApiKey;
    /** Role allowed to read the secret. */
    readerRoleArn: string;
    /** KMS key encrypting the secret. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Creates the secret, its current version and its policy under `parent`; returns the secret's ARN. */
export function storeKeyInSecretsManager(name: string, args: ApiKeySecretStore, parent: pulumi.Resource): pulumi.Output<string> {
    const secret = new aws.secretsmanager.Secret(
        `${name}-key-secret`,
        {
            name: args.secretName,
            description: `Current API key of ${args.client}`,
            kmsKeyId: args.kmsKeyArn,
            tags: { ...args.tags, client: args.client },
        },
        { parent },
    );
    new aws.secretsmanager.SecretVersion(
        `${name}-key-secret-value`,
        {
            secretId: secret.id,
            secretString: pulumi.secret(
                pulumi
                    .all([args.key.id, args.key.value])
                    .apply(([keyId, value]) => JSON.stringify({ client: args.client, generation: args.generation, keyId, value })),
            ),
        },
        { parent },
    );
    new aws.secretsmanager.SecretPolicy(
        `${name}-key-secret-policy`,
        {
            secretArn: secret.arn,
            blockPublicPolicy: true,
            policy: JSON.stringify(
                document({
                    Sid: "ClientTeamReads",
                    Effect: "Allow",
                    Principal: { AWS: args.readerRoleArn },
                    Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                    Resource: "*",
                }),
            ),
        },
        { parent },
    );
    return secret.arn;
}
