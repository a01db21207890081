import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { DEPRECATED_LAMBDA_RUNTIMES } from "../../../policy-pack/baseline";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "lambda-runtime-supported";

const fn = (name: string, runtime?: pulumi.Input<string>) =>
    new aws.lambda.Function(name, {
        role: `arn:aws:iam::${ACCOUNT}:role/exec`,
        handler: "index.handler",
        s3Bucket: "code",
        s3Key: "fn.zip",
        ...(runtime ? { runtime } : {}),
    });

describe(RULE, () => {
    it("pins the deprecated runtimes to the baseline", () => {
        for (const r of ["nodejs16.x", "python3.8", "go1.x", "java8", "dotnet6", "ruby2.7"]) {
            assert.ok((DEPRECATED_LAMBDA_RUNTIMES as readonly string[]).includes(r), r);
        }
        assert.ok(!(DEPRECATED_LAMBDA_RUNTIMES as readonly string[]).includes("nodejs22.x"));
    });

    it("passes supported runtimes", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                fn("node", "nodejs22.x");
                fn("python", "python3.13");
            }),
        );
    });

    it("flags every function on a deprecated runtime", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                fn("old-node", "nodejs16.x");
                fn("old-go", "go1.x");
            }),
            RULE,
            "advisory",
            [
                { resource: "old-node", message: [/nodejs16\.x \(runtime\)/, /deprecated/] },
                { resource: "old-go", message: [/go1\.x \(runtime\)/] },
            ],
        );
    });

    it("does not judge container image functions (no runtime)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                new aws.lambda.Function("image", {
                    role: `arn:aws:iam::${ACCOUNT}:role/exec`,
                    packageType: "Image",
                    imageUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/fn:1`,
                });
            }),
        );
    });

    it("a runtime built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => fn("later", afterDeployment("nodejs16.x")));
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "later", message: [/Function "later"\.runtime is unknown; it must be a runtime AWS still supports/] },
        ]);
        assertFindings(found.update, RULE, "advisory", [{ resource: "later", message: [/runs on nodejs16\.x \(runtime\)/] }]);
    });
});
