/**
 * Mock answers to the provider functions (invokes) programs commonly call,
 * computed as AWS and the AWS provider would compute them, so a correct
 * program is not rejected because a mock answered with its own inputs.
 */
export const MOCK_ACCOUNT_ID = "123456789012";
export const MOCK_REGION = "us-east-1";

type Inputs = Record<string, unknown>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
/** IAM renders one value as a string and several as a list. */
const oneOrMany = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

interface PrincipalInput {
    type?: string;
    identifiers?: unknown;
}
interface ConditionInput {
    test?: string;
    variable?: string;
    values?: unknown;
}
interface StatementInput {
    sid?: string;
    effect?: string;
    actions?: unknown;
    notActions?: unknown;
    resources?: unknown;
    notResources?: unknown;
    principals?: PrincipalInput[];
    notPrincipals?: PrincipalInput[];
    conditions?: ConditionInput[];
}

function principals(input: PrincipalInput[] | undefined): unknown {
    if (!input?.length) {
        return undefined;
    }
    // `type: "*"` with identifiers ["*"] is the anonymous principal, rendered as the string "*".
    if (input.length === 1 && input[0].type === "*" && list(input[0].identifiers).join() === "*") {
        return "*";
    }
    const out: Record<string, string | string[]> = {};
    for (const p of input) {
        const ids = [...list(out[p.type ?? ""]), ...list(p.identifiers)];
        out[p.type ?? ""] = oneOrMany(ids);
    }
    return out;
}

function conditions(input: ConditionInput[] | undefined): unknown {
    if (!input?.length) {
        return undefined;
    }
    const out: Record<string, Record<string, string | string[]>> = {};
    for (const c of input) {
        const test = (out[c.test ?? ""] ??= {});
        test[c.variable ?? ""] = oneOrMany([...list(test[c.variable ?? ""]), ...list(c.values)]);
    }
    return out;
}

/** The policy JSON `aws.iam.getPolicyDocument` renders (data source aws_iam_policy_document). */
export function renderPolicyDocument(inputs: Inputs): Record<string, unknown> {
    const statements = ((inputs.statements as StatementInput[] | undefined) ?? []).map((s) => {
        const out: Record<string, unknown> = {
            Sid: s.sid,
            Effect: s.effect ?? "Allow",
            Action: list(s.actions).length ? oneOrMany(list(s.actions)) : undefined,
            NotAction: list(s.notActions).length ? oneOrMany(list(s.notActions)) : undefined,
            Resource: list(s.resources).length ? oneOrMany(list(s.resources)) : undefined,
            NotResource: list(s.notResources).length ? oneOrMany(list(s.notResources)) : undefined,
            Principal: principals(s.principals),
            NotPrincipal: principals(s.notPrincipals),
            Condition: conditions(s.conditions),
        };
        return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== ""));
    });
    return {
        Version: typeof inputs.version === "string" ? inputs.version : "2012-10-17",
        ...(inputs.policyId ? { Id: inputs.policyId } : {}),
        Statement: statements,
    };
}

const str = (v: unknown, fallback: string) => (typeof v === "string" && v !== "" ? v : fallback);

/** Mock invoke results. Unknown functions echo their inputs (the SDK's own default). */
export function mockCall(token: string, inputs: Inputs): Inputs {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/mock`, userId: "AIDAMOCK", id: MOCK_ACCOUNT_ID };
        case "aws:index/getRegion:getRegion":
            return {
                name: MOCK_REGION,
                region: MOCK_REGION,
                id: MOCK_REGION,
                endpoint: `ec2.${MOCK_REGION}.amazonaws.com`,
                description: "US East (N. Virginia)",
            };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return {
                names: ["a", "b", "c"].map((z) => `${MOCK_REGION}${z}`),
                zoneIds: [1, 2, 3].map((n) => `use1-az${n}`),
                id: MOCK_REGION,
                groupNames: [MOCK_REGION],
            };
        case "aws:iam/getPolicyDocument:getPolicyDocument": {
            const document = renderPolicyDocument(inputs);
            return { ...inputs, json: JSON.stringify(document, null, 2), minifiedJson: JSON.stringify(document), id: "policy-document" };
        }
        case "aws:iam/getRole:getRole": {
            const name = str(inputs.name, "role");
            return {
                name,
                arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${name}`,
                id: name,
                uniqueId: "AROAMOCK",
                path: "/",
                assumeRolePolicy: "{}",
                maxSessionDuration: 3600,
            };
        }
        case "aws:iam/getPolicy:getPolicy": {
            const arn = str(inputs.arn, `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${str(inputs.name, "policy")}`);
            return { arn, name: arn.split("/").pop(), id: arn, path: "/", policy: "{}" };
        }
        case "aws:ec2/getVpc:getVpc":
            return {
                id: str(inputs.id, "vpc-mock"),
                cidrBlock: "10.0.0.0/16",
                arn: `arn:aws:ec2:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:vpc/${str(inputs.id, "vpc-mock")}`,
            };
        case "aws:kms/getKey:getKey":
            return {
                id: str(inputs.keyId, "key"),
                arn: `arn:aws:kms:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:key/${str(inputs.keyId, "key")}`,
                keyManager: "CUSTOMER",
                keyState: "Enabled",
            };
        default:
            return { ...inputs };
    }
}
