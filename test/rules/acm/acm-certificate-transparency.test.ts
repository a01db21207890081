import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { acmCertificateTransparency } from "../../../policy-pack/rules/acm/acm-certificate-transparency";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "acm-certificate-transparency";

type CertificateArgs = Partial<aws.acm.CertificateArgs>;
const requested = (name: string, args: CertificateArgs = {}) =>
    new aws.acm.Certificate(name, { domainName: "api.example.com", validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", ...args });
const program =
    (args: CertificateArgs = {}) =>
    () => {
        requested("cert", args);
    };
const DISABLED = { options: { certificateTransparencyLoggingPreference: "DISABLED" } };

describe(RULE, () => {
    it("has no config of its own (only waivers)", () => {
        assert.deepStrictEqual(Object.keys(acmCertificateTransparency.configSchema?.properties ?? {}), ["waivers"]);
    });

    it("passes the compliant baseline (no options: ACM logs to CT) and an explicit ENABLED", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(await ruleFindings(RULE, program({ options: { certificateTransparencyLoggingPreference: "ENABLED" } })));
        assertNoFindings(await ruleFindings(RULE, program({ options: {} })));
    });

    it("rejects certificateTransparencyLoggingPreference DISABLED", async () => {
        assertFindings(await ruleFindings(RULE, program(DISABLED)), RULE, "mandatory", [
            {
                resource: "cert",
                message: [
                    /opts out of certificate transparency \(options\.certificateTransparencyLoggingPreference is DISABLED\)/,
                    /Set it to "ENABLED" or remove it/,
                ],
            },
        ]);
    });

    it("reports every opted-out certificate of the stack, requested and imported", async () => {
        const body = fs.readFileSync(path.join(__dirname, "fixtures", "rsa-2048.pem"), "utf8");
        const found = await ruleFindings(RULE, () => {
            requested("requested", DISABLED);
            new aws.acm.Certificate("imported", { certificateBody: body, privateKey: pulumi.secret("not-a-real-key"), ...DISABLED });
            requested("logged");
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "requested", message: [/certificateTransparencyLoggingPreference is DISABLED/] },
            { resource: "imported", message: [/certificateTransparencyLoggingPreference is DISABLED/] },
        ]);
    });

    it("a preference built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const preference = logGroup("source").arn.apply(() => "DISABLED");
            requested("cert", { options: { certificateTransparencyLoggingPreference: preference } });
        });
        assertFindings(found.update, RULE, "mandatory", [{ resource: "cert", message: [/is DISABLED/] }]);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "cert",
                message: [
                    /cannot be verified at preview: Certificate "cert"\.options\.certificateTransparencyLoggingPreference is unknown; it must be "ENABLED" or unset/,
                ],
            },
        ]);
    });
});
