/**
 * Fake credentials in each format the secret scan knows (built by
 * concatenation so that no file holds a whole token), with the reason each is
 * reported for, and values secret-named variables may hold.
 */
export const SAMPLES: ReadonlyArray<{ readonly value: string; readonly reason: RegExp }> = [
    { value: "AKIA" + "IOSFODNN7EXAMPLE", reason: /looks like an AWS access key id/ },
    { value: "ASIA" + "IOSFODNN7EXAMPLE", reason: /looks like an AWS access key id/ },
    { value: "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", reason: /holds a PEM private key/ },
    { value: "-----BEGIN " + "PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----", reason: /holds a PEM private key/ },
    { value: "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc", reason: /Stripe live secret key/ },
    { value: "ghp_" + "a".repeat(36), reason: /GitHub token/ },
    { value: "github_" + "pat_11ABCDEFG0123456789_abcdefghijklmnop", reason: /GitHub fine-grained token/ },
    { value: "xox" + "b-1234567890-abcdefghij", reason: /Slack token/ },
    { value: "AIza" + "SyA-1234567890abcdefghijklmnopqrstu", reason: /Google API key/ },
    { value: "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl", reason: /looks like a JWT/ },
    { value: "postgres://app:" + "hunter2hunter2@db.internal:5432/app", reason: /URL with an embedded password/ },
];

/** AWS's documented example secret access key. */
export const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";

/** Secret-named variables whose values are references or settings: no finding. */
export const HARMLESS: Readonly<Record<string, string>> = {
    PASSWORD_MIN_LENGTH: "14",
    TOKEN_TTL_SECONDS: "300",
    TOKEN_TTL: "5m",
    SESSION_TOKEN_LIFETIME: "PT15M",
    DB_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
    API_KEY_PARAMETER: "/platform/prod/api-key",
    STRIPE_SECRET_REF: "ssm:/payments/stripe",
    SECRET_ROTATION_ENABLED: "true",
    TOKEN_ISSUER: "https://issuer.example.com/oauth2",
    OPTIONAL_API_KEY: "",
    LOG_LEVEL: "INFO",
    AWS_ACCESS_KEY_ID_PARAM: "/ci/aws-access-key-id",
};
