import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { FORBIDDEN_AWS_MANAGED_POLICIES } from "../../../policy-pack/baseline";
import { mockId } from "../../../policy-pack/gate/mocks";
import { backendRoleConfig, forbiddenManagedPolicy, iamBackendRoleLeastPrivilege } from "../../../policy-pack/rules/iam/iam-backend-role-least-privilege";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, logGroup, restApi } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { ADMIN, allowedBy, BROAD, doc, EXEC, fn, holds, lambdaRole as role, LOGS } from "./iam-builders";

const RULE = "iam-backend-role-least-privilege";
const NARROW = doc(["logs:CreateLogStream", "logs:PutLogEvents"]);
/** The ARN of a customer policy named `name` (resource and physical name) under the offline mocks. */
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;

/** A Lambda execution role with one inline RolePolicy. */
const lambdaWith =
    (policy: pulumi.Input<string>, roleArgs: Partial<aws.iam.RoleArgs> = {}) =>
    () => {
        const r = role("exec", roleArgs);
        new aws.iam.RolePolicy("exec-policy", { role: r.id, policy });
        fn("backend", r);
    };

describe(RULE, () => {
    it("pins the forbidden AWS-managed policies and the default config to the baseline", () => {
        assert.deepStrictEqual(FORBIDDEN_AWS_MANAGED_POLICIES, { names: ["AdministratorAccess", "PowerUserAccess"], suffix: "FullAccess" });
        assert.deepStrictEqual(backendRoleConfig.defaults, { allowedPolicyArns: [], allowedActions: [] });
        assert.deepStrictEqual(iamBackendRoleLeastPrivilege.configSchema?.properties.allowedActions.default, []);
        assert.strictEqual(forbiddenManagedPolicy("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"), undefined);
        assert.strictEqual(forbiddenManagedPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess"), "AmazonS3FullAccess");
        assert.strictEqual(forbiddenManagedPolicy(`arn:aws:iam::${ACCOUNT}:policy/AdministratorAccess`), undefined);
        // Other partitions, and paths longer than one character.
        assert.strictEqual(forbiddenManagedPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), "AdministratorAccess");
        assert.strictEqual(forbiddenManagedPolicy("arn:aws:iam::aws:policy/job-function/AmazonS3FullAccess"), "AmazonS3FullAccess");
        // A customer policy whose IAM path (any of \u0021-\u007F between slashes) spells an AWS-managed ARN is no AWS-managed policy.
        assert.strictEqual(forbiddenManagedPolicy(`arn:aws:iam::${ACCOUNT}:policy/arn:aws:iam::aws:policy/AdministratorAccess`), undefined);
    });

    it("passes the compliant baseline (execution role with a narrow inline policy)", async () => {
        assertNoFindings(await ruleFindings(RULE, lambdaWith(NARROW)));
    });

    it('rejects Action "*" and "service:*" on Resource "*" in a RolePolicy', async () => {
        assertFindings(await ruleFindings(RULE, lambdaWith(doc(["*", "s3:*", "logs:PutLogEvents"], "*"))), RULE, "mandatory", [
            {
                resource: "exec",
                message: [/Role "exec" \(execution role of Function "backend"\)/, /"\*" and "s3:\*" on Resource "\*"/, /RolePolicy "exec-policy" \(policy\)/],
            },
        ]);
    });

    it('rejects "*" and "service:*" on specific resources too (CKV_AWS_63, IAMPolicyNoStatementsWithFullAccess, IAM.21), naming the resource', async () => {
        assertFindings(await ruleFindings(RULE, lambdaWith(doc("logs:*"))), RULE, "mandatory", [
            { resource: "exec", message: [new RegExp(`"logs:\\*" on Resource ${LOGS.replace(/\*/g, "\\*")} by RolePolicy "exec-policy"`)] },
        ]);
        // cdk-nag's Noncompliance 3: "*" next to a named action, on one bucket.
        assertFindings(await ruleFindings(RULE, lambdaWith(doc(["s3:GetBucketAcl", "*"], "arn:aws:s3:::awsexamplebucket1"))), RULE, "mandatory", [
            { resource: "exec", message: [/"\*" on Resource arn:aws:s3:::awsexamplebucket1/] },
        ]);
    });

    it("groups grants by resource, and a statement without Effect counts as Allow (as Checkov reads it)", async () => {
        const mixed = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Action: "s3:*", Resource: "arn:aws:s3:::b/*" },
                { Effect: "Allow", Action: ["sqs:*", "sns:*"], Resource: "*" },
            ],
        });
        assertFindings(await ruleFindings(RULE, lambdaWith(mixed)), RULE, "mandatory", [
            { resource: "exec", message: [/"s3:\*" on Resource arn:aws:s3:::b\/\* and "sqs:\*" and "sns:\*" on Resource "\*"/] },
        ]);
    });

    it("passes named actions and prefixes (s3:Get*, s3:ListAllMyBuckets on arn:aws:s3:::*) and Deny statements; NotAction counts as broad", async () => {
        assertNoFindings(await ruleFindings(RULE, lambdaWith(doc(["s3:Get*", "s3:ListAllMyBuckets"], "arn:aws:s3:::*"))));
        const deny = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] });
        assertNoFindings(await ruleFindings(RULE, lambdaWith(deny)));
        const notAction = JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] });
        assertFindings(await ruleFindings(RULE, lambdaWith(notAction)), RULE, "mandatory", [{ resource: "exec", message: [/NotAction/] }]);
        const notActionOnOne = JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: LOGS }] });
        assertFindings(await ruleFindings(RULE, lambdaWith(notActionOnOne)), RULE, "mandatory", [
            { resource: "exec", message: [/NotAction .* on Resource arn:aws:logs/] },
        ]);
    });

    it("rejects AWS-managed AdministratorAccess, PowerUserAccess and *FullAccess, attached or in managedPolicyArns", async () => {
        const found = await ruleFindings(RULE, () => {
            const a = role("attached");
            new aws.iam.RolePolicyAttachment("admin", { role: a.name, policyArn: ADMIN });
            fn("fa", a);
            fn("fb", role("listed", { managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"] }));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "attached", message: [/AWS-managed AdministratorAccess/, /RolePolicyAttachment "admin" policyArn/] },
            { resource: "listed", message: [/PowerUserAccess \(managedPolicyArns/] },
            { resource: "listed", message: [/AmazonDynamoDBFullAccess \(managedPolicyArns/] },
        ]);
    });

    it("judges inline policies and customer managed policies, attached or listed", async () => {
        const found = await ruleFindings(RULE, () => {
            fn("fi", role("inline", { inlinePolicies: [{ name: "all", policy: doc("*", "*") }] }));
            const broad = new aws.iam.Policy("broad", { policy: doc("dynamodb:*", "*") });
            const c = role("customer");
            new aws.iam.RolePolicyAttachment("broad-attachment", { role: c.name, policyArn: broad.arn });
            fn("fc", c);
            fn("fl", role("listed", { managedPolicyArns: [broad.arn] }));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "inline", message: [/"\*" on Resource "\*"/, /inlinePolicies\.all\.policy/] },
            { resource: "customer", message: [/"dynamodb:\*"/, /Policy "broad" \(policy\)/] },
            { resource: "listed", message: [/"dynamodb:\*"/, /Policy "broad" \(policy\)/] },
        ]);
    });

    it("judges integration credentials and authorizer credentials roles", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const i = role("integration-role", { managedPolicyArns: [ADMIN] });
            new aws.apigateway.Integration("integration", {
                restApi: api.id,
                resourceId: api.rootResourceId,
                httpMethod: "GET",
                type: "AWS",
                integrationHttpMethod: "POST",
                uri: "arn:aws:apigateway:us-east-1:sqs:path/q",
                credentials: i.arn,
            });
            const a = role("authorizer-role", { managedPolicyArns: [ADMIN] });
            new aws.apigateway.Authorizer("authorizer", {
                restApi: api.id,
                type: "TOKEN",
                authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:a/invocations",
                authorizerCredentials: a.arn,
            });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "integration-role", message: [/credentials of Integration "integration"/, /AdministratorAccess/] },
            { resource: "authorizer-role", message: [/authorizerCredentials of Authorizer "authorizer"/, /AdministratorAccess/] },
        ]);
    });

    it("does not judge roles the API does not use", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                role("unused", { managedPolicyArns: [ADMIN] });
            }),
        );
    });

    it("allowedPolicyArns and allowedActions change the verdict for exactly what they list", async () => {
        const config = { [RULE]: { allowedPolicyArns: [ADMIN], allowedActions: ["xray:*"] } };
        assertNoFindings(await ruleFindings(RULE, lambdaWith(doc("xray:*", "*"), { managedPolicyArns: [ADMIN] }), { config }));
        assertNoFindings(await ruleFindings(RULE, lambdaWith(doc("xray:*")), { config }));
        assertFindings(
            await ruleFindings(RULE, lambdaWith(doc(["xray:*", "s3:*"], "*"), { managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] }), { config }),
            RULE,
            "mandatory",
            [
                { resource: "exec", message: [/PowerUserAccess/] },
                { resource: "exec", message: [/"s3:\*"/] },
            ],
        );
    });

    it("a policy built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const program = () => {
            const group = logGroup("fn-logs");
            lambdaWith(group.arn.apply((arn) => doc("logs:PutLogEvents", arn)))();
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertNoFindings(found.update);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "exec",
                message: [exactly(`cannot be verified at preview: RolePolicy "exec-policy".policy is unknown; it must grant ${EXEC} ${BROAD}.`)],
            },
        ]);
    });

    it("reports a policy document that is not valid JSON: what it grants cannot be judged", async () => {
        assertFindings(await ruleFindings(RULE, lambdaWith("{ not json")), RULE, "mandatory", [
            {
                resource: "exec",
                message: [
                    exactly(
                        `${EXEC}: RolePolicy "exec-policy" policy is not a valid JSON policy document, so what it grants cannot be judged. Give it a valid document.`,
                    ),
                ],
            },
        ]);
    });

    it("rejects a config whose allowedPolicyArns has a non-ARN or a repeated entry, or whose allowedActions has an empty or a repeated one", async () => {
        const bad: [Record<string, unknown[]>, RegExp][] = [
            [{ allowedPolicyArns: ["AdministratorAccess"] }, /allowedPolicyArns\[0\]: must match \^arn:/],
            [{ allowedPolicyArns: [42] }, /allowedPolicyArns\[0\]: expected string/],
            [{ allowedPolicyArns: [ADMIN, ADMIN] }, /allowedPolicyArns: must not repeat items/],
            [{ allowedActions: [""] }, /allowedActions\[0\]: must be at least 1 characters/],
            [{ allowedActions: [42] }, /allowedActions\[0\]: expected string/],
            [{ allowedActions: ["xray:*", "xray:*"] }, /allowedActions: must not repeat items/],
        ];
        for (const [config, error] of bad) {
            await assert.rejects(ruleFindings(RULE, lambdaWith(NARROW), { config: { [RULE]: config } }), error, JSON.stringify(config));
        }
    });

    it("allowedPolicyArns exempts a customer policy of this stack by its ARN, once known, and leaves it undecided at a first preview", async () => {
        const program = () => {
            const r = role("exec");
            for (const name of ["allowed", "other"]) {
                const p = new aws.iam.Policy(name, { name, policy: doc("dynamodb:*", "*") });
                new aws.iam.RolePolicyAttachment(`${name}-attachment`, { role: r.name, policyArn: p.arn });
            }
            fn("backend", r);
        };
        const found = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { allowedPolicyArns: [policyArn("allowed")] } } });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "exec", message: [allowedBy(EXEC, '"dynamodb:*" on Resource "*"', 'Policy "other" (policy)')] },
        ]);
        const undecided = (name: string) =>
            exactly(
                `cannot be verified at preview: Policy "${name}".arn is unknown; it must be listed in allowedPolicyArns, or the policy must not grant ${EXEC} "dynamodb:*" on Resource "*".`,
            );
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "exec", message: [undecided("allowed")] },
            { resource: "exec", message: [undecided("other")] },
        ]);
    });

    it("judges links made by literal values: a role's name or ARN and a policy's ARN at a first preview too, a role's id once known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const r = role("exec", { name: "exec", managedPolicyArns: [policyArn("listed")] });
            new aws.iam.Policy("listed", { name: "listed", policy: doc("dynamodb:*", "*") });
            new aws.iam.Policy("attached", { name: "attached", policy: doc("sqs:*", "*") });
            // A policy of no role is never judged, whatever the roles list or attach.
            new aws.iam.Policy("stray", { name: "stray", policy: doc("*", "*") });
            new aws.iam.RolePolicyAttachment("by-name", { role: "exec", policyArn: ADMIN });
            new aws.iam.RolePolicyAttachment("by-policy-arn", { role: r.name, policyArn: policyArn("attached") });
            new aws.iam.RolePolicy("by-id", { role: mockId("aws:iam/role:Role::exec"), policy: doc("logs:*") });
            fn("backend", r);
            role("by-arn", { name: "by-arn", managedPolicyArns: [ADMIN] });
            fn("literal", `arn:aws:iam::${ACCOUNT}:role/by-arn`);
        });
        assertEachModeAgrees(RULE, found);
        const byName = [
            { resource: "exec", message: [allowedBy(EXEC, '"dynamodb:*" on Resource "*"', 'Policy "listed" (policy)')] },
            { resource: "exec", message: [holds(EXEC, "AdministratorAccess", `RolePolicyAttachment "by-name" policyArn ${ADMIN}`)] },
            { resource: "exec", message: [allowedBy(EXEC, '"sqs:*" on Resource "*"', 'Policy "attached" (policy)')] },
            {
                resource: "by-arn",
                message: [holds('Role "by-arn" (execution role of Function "literal")', "AdministratorAccess", `managedPolicyArns ${ADMIN}`)],
            },
        ];
        // Literal ARNs of named roles and policies are matched by name while the ARNs are unknown: a first preview
        // judges them as update does. Only the mock's literal id (no real program can know it before deployment) waits.
        assertFindings(found.preview, RULE, "mandatory", byName);
        assertFindings(found.update, RULE, "mandatory", [
            ...byName,
            { resource: "exec", message: [allowedBy(EXEC, `"logs:*" on Resource ${LOGS}`, 'RolePolicy "by-id" (policy)')] },
        ]);
    });
});
