import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { HARMLESS, SAMPLES, SECRET_ACCESS_KEY } from "../secret-samples";

const RULE = "lambda-env-plaintext-secrets";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/fn`;

type Variables = pulumi.Input<Record<string, pulumi.Input<string>>>;
const fn = (name: string, variables?: Variables) =>
    new aws.lambda.Function(name, {
        runtime: "nodejs22.x",
        handler: "index.handler",
        role: ROLE,
        ...(variables ? { environment: { variables } } : {}),
    });
const program = (variables?: Variables) => () => {
    fn("fn", variables);
};

describe(RULE, () => {
    it("passes the compliant baseline (references, settings and harmless secret-named variables)", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ ...HARMLESS, REGION: "us-east-1" })));
    });

    it("passes a function without an environment", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("passes a variable built from another resource's output (unknown at preview) whose name says it holds a reference", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const key = new aws.kms.Key("key", {});
                fn("fn", { DB_SECRET_ARN: key.arn, tokenParameterName: key.arn, API_KEY_SECRET_ID: key.arn, SECRET_PATH: key.arn });
            }),
        );
    });

    it("a secret-named variable built from another resource's output (a generated password) is unverifiable at preview, every such name listed", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const key = new aws.kms.Key("key", {});
            fn("fn", { DB_PASSWORD: afterDeployment("generated-Pa55word!"), API_TOKEN_KEY: key.arn, DB_SECRET_ARN: key.arn });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "fn",
                message: [
                    /Function "fn"\.environment\.variables\.API_TOKEN_KEY and Function "fn"\.environment\.variables\.DB_PASSWORD are unknown; they must hold a Secrets Manager or SSM reference \(an ARN or parameter name\), not the credential/,
                ],
            },
        ]);
        // Once known, the password is a literal under a secret's name, and the key's ARN a reference.
        assertFindings(found.update, RULE, "mandatory", [{ resource: "fn", message: [/environment\.variables\.DB_PASSWORD is named like a credential/] }]);
    });

    for (const { value, reason } of SAMPLES) {
        it(`rejects a value matching /${reason.source}/, whatever the variable is called, without printing it`, async () => {
            const found = await ruleFindings(RULE, program({ ...HARMLESS, UPSTREAM: value }));
            assertFindings(found, RULE, "mandatory", [{ resource: "fn", message: [/environment\.variables\.UPSTREAM/, reason, /Secrets Manager or SSM/] }]);
            assert.ok(!found[0].message.includes(value) && !found[0].message.includes(value.slice(0, 12)), "the message must not print the value");
        });
    }

    it("rejects a 40-character secret access key next to an access key id", async () => {
        const found = await ruleFindings(RULE, program({ KEY_ID: SAMPLES[0].value, KEY: SECRET_ACCESS_KEY }));
        assertFindings(found, RULE, "mandatory", [
            { resource: "fn", message: [/environment\.variables\.KEY_ID /, /AWS access key id/] },
            { resource: "fn", message: [/environment\.variables\.KEY /, /AWS secret access key/] },
        ]);
        assert.ok(found.every((v) => !v.message.includes(SECRET_ACCESS_KEY) && !v.message.includes(SAMPLES[0].value)));
    });

    it("does not take a lone 40-character value under a neutral name for a secret key", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ COMMIT: SECRET_ACCESS_KEY })));
    });

    for (const name of ["DB_PASSWORD", "db_passwd", "ClientSecret", "AUTH_TOKEN", "STRIPE_API_KEY", "apikey", "SIGNING_PRIVATE_KEY"]) {
        it(`rejects a literal in the secret-named variable ${name}, without printing it`, async () => {
            const found = await ruleFindings(RULE, program({ [name]: "correct-horse-battery" }));
            assertFindings(found, RULE, "mandatory", [
                {
                    resource: "fn",
                    message: [new RegExp(`environment\\.variables\\.${name} is named like a credential`), /not a Secrets Manager or SSM reference/],
                },
            ]);
            assert.ok(!found[0].message.includes("correct-horse"), "the message must not print the value");
        });
    }

    it("rejects a Pulumi secret too: the policy sees it unwrapped, and so does anyone reading the function's configuration", async () => {
        assertFindings(await ruleFindings(RULE, program({ DB_PASSWORD: pulumi.secret("correct-horse-battery") })), RULE, "mandatory", [
            {
                resource: "fn",
                message: [
                    exactly(
                        'Function "fn" environment.variables.DB_PASSWORD is named like a credential and holds a literal value, not a Secrets Manager or SSM reference: ' +
                            "anyone who may read the function's configuration reads it in clear. " +
                            "Store it in Secrets Manager or SSM and put the secret's ARN or parameter name in environment.variables.DB_PASSWORD instead, read at runtime.",
                    ),
                ],
            },
        ]);
    });

    it("reports every offending variable of every function", async () => {
        const found = await ruleFindings(RULE, () => {
            fn("a", { DB_PASSWORD: "p4ssw0rd!", SLACK: SAMPLES[7].value, LOG_LEVEL: "DEBUG" });
            fn("b", { GITHUB_TOKEN: SAMPLES[5].value });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/environment\.variables\.DB_PASSWORD is named like a credential/] },
            { resource: "a", message: [/environment\.variables\.SLACK looks like a Slack token/] },
            { resource: "b", message: [/environment\.variables\.GITHUB_TOKEN looks like a GitHub token/] },
        ]);
    });

    it("variables built from outputs are judged once known, and reported as unverifiable at a first preview, never printing a secret", async () => {
        const password = "correct-horse-battery";
        const found = await ruleFindingsByMode(RULE, () => {
            // A whole map built with apply, holding a Pulumi secret from config: names and values are unknown at preview.
            fn(
                "map",
                pulumi.all([afterDeployment("db.example.com"), pulumi.secret(password)]).apply(([host, pw]) => ({ DB_HOST: host, DB_PASSWORD: pw })),
            );
            new aws.lambda.Function("env", {
                runtime: "nodejs22.x",
                handler: "index.handler",
                role: ROLE,
                environment: afterDeployment({ variables: { API_TOKEN: password } }),
            });
            // One unknown value under a reference's name is not judged at preview; under a secret's name it is unverifiable.
            fn("ref", { DB_SECRET_ARN: afterDeployment(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db`) });
            fn("value", { DB_PASSWORD: pulumi.secret(afterDeployment(password)), LOG_LEVEL: "INFO" });
        });
        const must = /is unknown; it must hold no credential in plaintext, only Secrets Manager or SSM references and settings\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "map", message: [/^cannot be verified at preview: Function "map"\.environment\.variables is unknown;/, must] },
            { resource: "env", message: [/^cannot be verified at preview: Function "env"\.environment is unknown;/, must] },
            {
                resource: "value",
                message: [/^cannot be verified at preview: Function "value"\.environment\.variables\.DB_PASSWORD is unknown; it must hold a Secrets Manager/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "map", message: [/environment\.variables\.DB_PASSWORD is named like a credential/] },
            { resource: "env", message: [/environment\.variables\.API_TOKEN is named like a credential/] },
            { resource: "value", message: [/environment\.variables\.DB_PASSWORD is named like a credential/] },
        ]);
        for (const v of [...found.preview, ...found.update, ...found.analyzer.preview, ...found.analyzer.update]) {
            assert.ok(!v.message.includes("correct-horse"), `a finding prints the secret: ${v.message}`);
        }
    });
});
