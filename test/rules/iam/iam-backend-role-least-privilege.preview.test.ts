/** iam-backend-role-least-privilege on values it cannot judge: unknown at a first preview, or not a string (split from the main spec: file size). */
import * as aws from "@pulumi/aws";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment } from "../builders";
import { assertFindings, exactly } from "../expect";
import { ADMIN, allowedBy, BROAD, doc, EXEC, fn, holds, lambdaRole as role, LOGS } from "./iam-builders";

const RULE = "iam-backend-role-least-privilege";
const POWER = "arn:aws:iam::aws:policy/PowerUserAccess";
const unknown = (what: string, must: string, subject = EXEC) =>
    exactly(`cannot be verified at preview: ${what} is unknown; it must ${must} ${subject} ${BROAD}.`);

describe(`${RULE} (values it cannot judge)`, () => {
    it("reports managedPolicyArns, inline policies and attached policy ARNs built from other outputs as unverifiable at a first preview, and judges them once known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const r = role("exec", {
                managedPolicyArns: [afterDeployment(ADMIN)],
                inlinePolicies: [{ name: "later", policy: afterDeployment(doc("s3:*", LOGS)) }],
            });
            new aws.iam.RolePolicyAttachment("later-attachment", { role: r.name, policyArn: afterDeployment(POWER) });
            fn("backend", r);
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "exec", message: [unknown('Role "exec".managedPolicyArns.0', "grant")] },
            { resource: "exec", message: [unknown('Role "exec".inlinePolicies.0.policy', "grant")] },
            { resource: "exec", message: [unknown('RolePolicyAttachment "later-attachment".policyArn', "name a policy that grants")] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "exec", message: [holds(EXEC, "AdministratorAccess", `managedPolicyArns ${ADMIN}`)] },
            { resource: "exec", message: [allowedBy(EXEC, `"s3:*" on Resource ${LOGS}`, 'Role "exec" (inlinePolicies.later.policy)')] },
            { resource: "exec", message: [holds(EXEC, "PowerUserAccess", `RolePolicyAttachment "later-attachment" policyArn ${POWER}`)] },
        ]);
    });

    it("judges a literal AWS-managed ARN beside a stack policy's (unknown) ARN in managedPolicyArns at a first preview too", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const scoped = new aws.iam.Policy("scoped", { policy: doc("s3:GetObject", LOGS) });
            fn("backend", role("exec", { managedPolicyArns: [scoped.arn, ADMIN] }));
        });
        assertEachModeAgrees(RULE, found);
        for (const mode of ["preview", "update"] as const) {
            assertFindings(found[mode], RULE, "mandatory", [{ resource: "exec", message: [holds(EXEC, "AdministratorAccess", `managedPolicyArns ${ADMIN}`)] }]);
        }
    });

    it("reports a managedPolicyArns list that is wholly unknown, unless it is built from this stack's policies", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            fn("backend", role("exec", { managedPolicyArns: afterDeployment([ADMIN]) }));
            const scoped = new aws.iam.Policy("scoped", { policy: doc("s3:GetObject", LOGS) });
            fn("fc", role("customer", { managedPolicyArns: scoped.arn.apply((arn) => [arn]) }));
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [{ resource: "exec", message: [unknown('Role "exec".managedPolicyArns', "grant")] }]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "exec", message: [holds(EXEC, "AdministratorAccess", `managedPolicyArns ${ADMIN}`)] }]);
    });

    it("leaves a narrow customer policy alone at a first preview even when allowedPolicyArns could list it", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                const r = role("exec");
                const p = new aws.iam.Policy("narrow", { policy: doc("s3:GetObject", LOGS) });
                new aws.iam.RolePolicyAttachment("narrow-attachment", { role: r.name, policyArn: p.arn });
                fn("backend", r);
            },
            { config: { [RULE]: { allowedPolicyArns: [`arn:aws:iam::${ACCOUNT}:policy/other`] } } },
        );
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", []);
        assertFindings(found.update, RULE, "mandatory", []);
    });

    it("reports a managedPolicyArns entry that is not a string (a JavaScript program) as not a policy ARN, beside the stack's policies it lists", async () => {
        const notAString = 42 as unknown as string;
        const found = await ruleFindings(RULE, () => {
            fn("backend", role("exec", { managedPolicyArns: [notAString] }));
            const broad = new aws.iam.Policy("broad", { policy: doc("dynamodb:*", "*") });
            fn("fc", role("customer", { managedPolicyArns: [broad.arn, notAString] }));
        });
        const notAnArn = (subject: string, label: string, index: number) =>
            exactly(`${subject}: ${label} managedPolicyArns.${index} is 42, not a policy ARN, so what it grants cannot be judged. Give the policy's ARN.`);
        assertFindings(found, RULE, "mandatory", [
            { resource: "exec", message: [notAnArn(EXEC, 'Role "exec"', 0)] },
            { resource: "customer", message: [notAnArn('Role "customer" (execution role of Function "fc")', 'Role "customer"', 1)] },
            {
                resource: "customer",
                message: [allowedBy('Role "customer" (execution role of Function "fc")', '"dynamodb:*" on Resource "*"', 'Policy "broad" (policy)')],
            },
        ]);
    });
});
